/* check_output_files.c - where the files the game writes end up: a new
 * file appears only whole (FILE.part, then rename); a symbolic link is
 * followed and kept; a device is written in place, never replaced; a link
 * planted under the .part name is never followed; and a run may not write
 * over a file it reads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../src/app/atomic_file.h"
#include "../src/app/options.h"
#include "suites.h"

static char dir[] = "/tmp/candyline-out-XXXXXX";
static char path[4][1200];

static void setup(void)
{
    ck_assert_ptr_nonnull(mkdtemp(strcpy(dir, "/tmp/candyline-out-XXXXXX")));
    for (int i = 0; i < 4; i++)
        snprintf(path[i], sizeof path[i], "%s/f%d", dir, i);
}

static void teardown(void)
{
    char cmd[1300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

static void slurp(const char *p, char *buf, size_t len)
{
    FILE *f = fopen(p, "r");
    ck_assert_ptr_nonnull(f);
    size_t n = fread(buf, 1, len - 1, f);
    buf[n] = '\0';
    fclose(f);
}

static void write_text(struct atomic_file *a, const char *p, const char *text)
{
    char err[1300];
    ck_assert_msg(atomic_open(a, p, "--chart", err, sizeof err) == 0, "%s", err);
    fputs(text, a->f);
    ck_assert_msg(atomic_commit(a, "--chart", err, sizeof err) == 0, "%s", err);
}

START_TEST(a_new_file_appears_whole)
{
    struct atomic_file a;
    char err[1300], part[1300], buf[64];
    ck_assert_int_eq(atomic_open(&a, path[0], "--chart", err, sizeof err), 0);
    fputs("whole", a.f);
    snprintf(part, sizeof part, "%s.part", path[0]);
    ck_assert_int_ne(access(path[0], F_OK), 0); /* not under its name yet */
    ck_assert_int_eq(access(part, F_OK), 0);
    ck_assert_int_eq(atomic_commit(&a, "--chart", err, sizeof err), 0);
    ck_assert_int_ne(access(part, F_OK), 0);
    slurp(path[0], buf, sizeof buf);
    ck_assert_str_eq(buf, "whole");
}
END_TEST

START_TEST(a_symlink_is_followed_and_kept)
{
    struct atomic_file a;
    struct stat st;
    char buf[64];
    FILE *f = fopen(path[0], "w");
    fputs("old", f);
    fclose(f);
    ck_assert_int_eq(symlink(path[0], path[1]), 0);
    write_text(&a, path[1], "new");
    ck_assert_int_eq(lstat(path[1], &st), 0);
    ck_assert(S_ISLNK(st.st_mode)); /* the link is still a link */
    slurp(path[0], buf, sizeof buf);
    ck_assert_str_eq(buf, "new"); /* and the file it names was replaced */
}
END_TEST

START_TEST(a_planted_part_link_is_not_followed)
{
    struct atomic_file a;
    char part[1300], buf[64];
    FILE *f = fopen(path[2], "w");
    fputs("victim", f);
    fclose(f);
    snprintf(part, sizeof part, "%s.part", path[0]);
    ck_assert_int_eq(symlink(path[2], part), 0);
    write_text(&a, path[0], "chart");
    slurp(path[2], buf, sizeof buf);
    ck_assert_str_eq(buf, "victim");
    slurp(path[0], buf, sizeof buf);
    ck_assert_str_eq(buf, "chart");
}
END_TEST

START_TEST(a_device_is_written_in_place)
{
    struct atomic_file a;
    struct stat st;
    char err[1300];
    write_text(&a, "/dev/null", "into the void");
    ck_assert(a.in_place);
    ck_assert_int_eq(stat("/dev/null", &st), 0);
    ck_assert(S_ISCHR(st.st_mode));
    if (access("/dev/full", W_OK) == 0) {
        ck_assert_int_eq(atomic_open(&a, "/dev/full", "--chart", err, sizeof err), 0);
        for (int i = 0; i < 2000; i++)
            fputs("more than a buffer's worth ", a.f);
        ck_assert_int_lt(atomic_commit(&a, "--chart", err, sizeof err), 0);
        ck_assert_ptr_nonnull(strstr(err, "/dev/full"));
        ck_assert_int_eq(stat("/dev/full", &st), 0);
        ck_assert(S_ISCHR(st.st_mode));
    }
}
END_TEST

START_TEST(a_dangling_link_or_directory_is_refused)
{
    struct atomic_file a;
    char err[1300];
    ck_assert_int_eq(symlink(path[3], path[1]), 0);
    ck_assert_int_lt(atomic_open(&a, path[1], "--chart", err, sizeof err), 0);
    ck_assert_ptr_nonnull(strstr(err, "missing file"));
    ck_assert_int_lt(atomic_open(&a, dir, "--chart", err, sizeof err), 0);
    ck_assert_ptr_nonnull(strstr(err, "directory"));
}
END_TEST

static int parse(const char *const *args)
{
    struct options o;
    int argc = 0;
    char *argv[16];
    argv[argc++] = (char *)"candyline";
    while (*args)
        argv[argc++] = (char *)*args++;
    argv[argc] = NULL;
    FILE *saved = stderr;
    stderr = fopen("/dev/null", "w"); /* the messages are tested elsewhere */
    int rc = options_parse(argc, argv, &o);
    fclose(stderr);
    stderr = saved;
    return rc;
}

START_TEST(outputs_never_overwrite_inputs)
{
    FILE *f = fopen(path[0], "w");
    fputs("candyline-replay 1\n", f);
    fclose(f);
    ck_assert_int_lt(parse((const char *[]){"--replay", path[0], "--headless", "--chart",
                                            path[0], NULL}), 0);
    ck_assert_int_lt(parse((const char *[]){"--replay", path[0], "--cast", path[0], NULL}), 0);
    ck_assert_int_lt(parse((const char *[]){"--headless", "--record", path[1], "--chart",
                                            path[1], NULL}), 0);
    ck_assert_int_lt(parse((const char *[]){"--headless", "--scenario", path[0], "--chart",
                                            path[0], NULL}), 0);
    /* Through a link to the same file too. */
    ck_assert_int_eq(symlink(path[0], path[2]), 0);
    ck_assert_int_lt(parse((const char *[]){"--replay", path[0], "--headless", "--chart",
                                            path[2], NULL}), 0);
    ck_assert_int_eq(parse((const char *[]){"--replay", path[0], "--headless", "--chart",
                                            path[3], NULL}), 0);
    char buf[64];
    slurp(path[0], buf, sizeof buf);
    ck_assert_str_eq(buf, "candyline-replay 1\n");
}
END_TEST

Suite *output_files_suite(void)
{
    Suite *s = suite_create("output_files");
    TCase *tc = tcase_create("files");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, a_new_file_appears_whole);
    tcase_add_test(tc, a_symlink_is_followed_and_kept);
    tcase_add_test(tc, a_planted_part_link_is_not_followed);
    tcase_add_test(tc, a_device_is_written_in_place);
    tcase_add_test(tc, a_dangling_link_or_directory_is_refused);
    tcase_add_test(tc, outputs_never_overwrite_inputs);
    suite_add_tcase(s, tc);
    return s;
}
