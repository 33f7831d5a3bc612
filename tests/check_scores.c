/* check_scores.c - the high scores (src/app/scores.c, scores_file.c): odd
 * names round-trip through the file exactly, tables keep the best ten with
 * ties to the earlier score, bad lines are kept out with a warning, two
 * processes adding scores under the lock lose neither's, and a write that
 * fails (locked, unwritable, disk full) warns, keeps the old file whole and
 * leaves no temp file. Every test works in its own directory under /tmp. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../src/app/scores.h"
#include "helpers.h"
#include "suites.h"

static const char *const odd_names[] = {
    "Zo\xc3\xab \"Q\" O'Neil",   /* UTF-8 and quotes */
    "\ttab\tinside\t",            /* tabs, the field separator */
    "back\\slash\\",              /* backslashes, the escape */
    "  spaces around  ",          /* leading and trailing spaces */
    "new\nline\r\n",              /* line ends */
    "\x01\x1f\x7f control",       /* other control bytes */
    "\xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x8d\xac", /* CJK and an emoji */
    "# not a comment",            /* a leading # */
    "\\t is not a tab",           /* an escape sequence's text */
    "",                           /* no name at all */
};
#define NODD (sizeof odd_names / sizeof odd_names[0])

static struct score_entry entry(const char *key, int64_t score, int64_t when, const char *name)
{
    struct score_entry e;
    memset(&e, 0, sizeof e);
    snprintf(e.key, sizeof e.key, "%s", key);
    e.score = score;
    e.when = when;
    snprintf(e.outcome, sizeof e.outcome, "completed");
    snprintf(e.name, sizeof e.name, "%s", name);
    return e;
}

/* A fresh empty directory under /tmp; the caller removes it (rm_tree). */
static void temp_dir(char *dir, size_t len)
{
    snprintf(dir, len, "/tmp/check-scores-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void rm_tree(const char *dir)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s' && rm -rf '%s'", dir, dir);
    ck_assert_int_eq(system(cmd), 0);
}

/* The whole file, malloc'd (NULL if it can't be read). */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = calloc(1, 1 << 20);
    ck_assert_ptr_nonnull(buf);
    size_t n = fread(buf, 1, (1 << 20) - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void spit(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    ck_assert_int_eq(fclose(f), 0);
}

/* Asserts dir holds exactly the names listed (NULL-terminated): no temp
 * file left behind. */
static void assert_dir_holds(const char *dir, const char *const *names)
{
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    size_t found = 0, want = 0;
    while (names[want])
        want++;
    for (struct dirent *de; (de = readdir(d));) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        bool listed = false;
        for (size_t i = 0; names[i]; i++)
            listed = listed || strcmp(names[i], de->d_name) == 0;
        ck_assert_msg(listed, "unexpected file left in %s: %s", dir, de->d_name);
        found++;
    }
    closedir(d);
    ck_assert_uint_eq(found, want);
}

START_TEST(escape_round_trips_odd_names)
{
    for (size_t i = 0; i < NODD; i++) {
        char esc[SCORES_NAME_MAX * 4 + 1], back[SCORES_NAME_MAX + 1];
        ck_assert_int_eq(scores_escape(odd_names[i], esc, sizeof esc), 0);
        ck_assert_msg(!strpbrk(esc, "\t\n\r\x01\x1f\x7f"), "raw control byte in '%s'", esc);
        ck_assert_int_eq(scores_unescape(esc, strlen(esc), back, sizeof back),
                         (int)strlen(odd_names[i]));
        ck_assert_str_eq(back, odd_names[i]);
    }
    char out[8];
    ck_assert_int_eq(scores_escape("\t\t\t\t", out, sizeof out), -1); /* no room */
    static const char *const bad[] = {"\\q", "end\\", "\\x0", "\\x00", "\\xzz", "raw\ttab",
                                      "raw\x01"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(scores_unescape(bad[i], strlen(bad[i]), out, sizeof out) == -1,
                      "accepted '%s'", bad[i]);
}
END_TEST

START_TEST(file_round_trips_odd_names)
{
    struct score_table t, back;
    scores_init(&t);
    scores_init(&back);
    for (size_t i = 0; i < NODD; i++) {
        struct score_entry e = entry("k\tey \\ odd", (int64_t)(100 - i), 1000, odd_names[i]);
        ck_assert_int_eq(scores_insert(&t, &e), (int)i);
    }
    char *text = scores_format(&t);
    ck_assert_ptr_nonnull(text);
    ck_assert_msg(strncmp(text, "candyline-scores 1\n", 19) == 0, "%s", text);
    char warn[300];
    ck_assert_int_eq(scores_parse(text, strlen(text), &back, warn, sizeof warn), 0);
    ck_assert_uint_eq(back.len, NODD);
    const struct score_entry *top[SCORES_TOP];
    ck_assert_uint_eq(scores_top(&back, "k\tey \\ odd", top, SCORES_TOP), NODD);
    for (size_t i = 0; i < NODD; i++) {
        ck_assert_str_eq(top[i]->name, odd_names[i]);
        ck_assert_int_eq(top[i]->score, (int64_t)(100 - i));
        ck_assert_str_eq(top[i]->outcome, "completed");
    }
    /* Formatting again gives the same bytes. */
    char *again = scores_format(&back);
    ck_assert_str_eq(again, text);
    free(again);
    free(text);
    scores_free(&t);
    scores_free(&back);
}
END_TEST

START_TEST(top_ten_ordering_and_ties)
{
    struct score_table t;
    scores_init(&t);
    /* 12 entries: scores 10..120 in a shuffled order, all at time 50. */
    static const int order[] = {7, 2, 11, 0, 5, 9, 1, 10, 3, 8, 6, 4};
    for (size_t i = 0; i < 12; i++) {
        char name[16];
        snprintf(name, sizeof name, "p%d", order[i]);
        struct score_entry e = entry("K", 10 * (order[i] + 1), 50, name);
        (void)scores_insert(&t, &e);
    }
    struct score_entry other = entry("other", -5, 1, "elsewhere");
    ck_assert_int_eq(scores_insert(&t, &other), 0); /* a table of its own */
    const struct score_entry *top[SCORES_TOP + 2];
    ck_assert_uint_eq(scores_top(&t, "K", top, SCORES_TOP + 2), SCORES_TOP);
    for (int i = 0; i < SCORES_TOP; i++)
        ck_assert_int_eq(top[i]->score, 120 - 10 * i); /* best first; 10 and 20 cut */
    /* A tie goes to the earlier score: 90 at time 40 goes ahead of the 90
     * at 50, and 90 at time 50 goes after it (same time: the older entry). */
    ck_assert_int_eq(scores_rank(&t, "K", 90, 40), 3);
    struct score_entry early = entry("K", 90, 40, "early");
    ck_assert_int_eq(scores_insert(&t, &early), 3);
    struct score_entry same = entry("K", 90, 50, "same time");
    ck_assert_int_eq(scores_insert(&t, &same), 5);
    ck_assert_uint_eq(scores_top(&t, "K", top, SCORES_TOP), SCORES_TOP);
    ck_assert_str_eq(top[3]->name, "early");
    ck_assert_str_eq(top[4]->name, "p8");
    ck_assert_str_eq(top[5]->name, "same time");
    /* The 10th is now 50 (at time 50): equalling it is not enough. */
    ck_assert_int_eq(top[9]->score, 50);
    ck_assert_int_eq(scores_rank(&t, "K", 50, 60), -1);
    struct score_entry tie = entry("K", 50, 60, "too late");
    size_t len = t.len;
    ck_assert_int_eq(scores_insert(&t, &tie), -1);
    ck_assert_uint_eq(t.len, len);
    ck_assert_int_eq(scores_rank(&t, "K", 51, 60), 9);
    /* Negative scores rank too, in an empty table. */
    ck_assert_int_eq(scores_rank(&t, "empty", -300, 1), 0);
    /* The other table is untouched, and the file keeps ten per table. */
    ck_assert_uint_eq(scores_top(&t, "other", top, SCORES_TOP), 1);
    char *text = scores_format(&t);
    ck_assert_ptr_nonnull(text);
    size_t lines = 0;
    for (const char *p = text; (p = strstr(p, "\nK\t")); p++)
        lines++;
    ck_assert_uint_eq(lines, SCORES_TOP);
    free(text);
    scores_free(&t);
}
END_TEST

START_TEST(format_keeps_ten_of_a_long_table)
{
    char text[4096] = "candyline-scores 1\n";
    for (int i = 0; i < 15; i++) {
        char line[64];
        snprintf(line, sizeof line, "K\t%d\t%d\tburst\tn%d\n", i, 100 - i, i);
        strcat(text, line);
    }
    struct score_table t;
    scores_init(&t);
    char warn[300];
    ck_assert_int_eq(scores_parse(text, strlen(text), &t, warn, sizeof warn), 0);
    ck_assert_uint_eq(t.len, 15);
    char *out = scores_format(&t);
    ck_assert_ptr_nonnull(strstr(out, "K\t14\t86\tburst\tn14\n"));
    ck_assert_ptr_nonnull(strstr(out, "K\t5\t95\tburst\tn5\n"));
    ck_assert_ptr_null(strstr(out, "\tn4\n"));
    free(out);
    scores_free(&t);
}
END_TEST

static const char corrupt_text[] =
    "# a comment before the version line\n"
    "\n"
    "candyline-scores 1\n"
    "K\t300\t10\tcompleted\tgood one\n"          /* 4 */
    "K\t200\t10\tcompleted\n"                    /* 5: four fields */
    "K\t12x\t10\tcompleted\tbad score\n"         /* 6 */
    "K\t100\t10\tcompleted\tbad \\q escape\n"    /* 7 */
    "K\t100\t10\tDone!\tbad outcome\n"           /* 8 */
    "K\t100\t-1\tburst\tbad time\n"              /* 9 */
    "K\t100\t10\tburst\t"
    "a name much too long: 0123456789012345678901234567890123456789012345\n" /* 10 */
    "K\t100\t10\tburst\tsix\tfields\n"           /* 11 */
    "\tK\t100\t10\tburst\n"                      /* 12: empty key */
    "   # an indented comment\n"
    "K\t-7\t11\toverflow\tgood two\r\n";         /* 14: CRLF is fine */

START_TEST(corrupt_lines_are_kept_out_with_a_warning)
{
    struct score_table t;
    scores_init(&t);
    char warn[300];
    ck_assert_int_eq(scores_parse(corrupt_text, strlen(corrupt_text), &t, warn, sizeof warn), 8);
    ck_assert_msg(strstr(warn, "line 5: expected 5 fields") && strstr(warn, "7 more bad lines"),
                  "%s", warn);
    ck_assert_uint_eq(t.len, 2);
    ck_assert_str_eq(t.v[0].name, "good one");
    ck_assert_str_eq(t.v[1].name, "good two");
    ck_assert_int_eq(t.v[1].score, -7);
    scores_free(&t);

    /* Through the file: scores_load warns and keeps the good lines;
     * scores_add keeps them, drops the bad ones and says so. */
    char dir[64], path[128];
    temp_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/scores", dir);
    spit(path, corrupt_text);
    scores_init(&t);
    ck_assert_int_eq(scores_load(path, &t, warn, sizeof warn), 1);
    ck_assert_msg(strstr(warn, path) && strstr(warn, "line 5"), "%s", warn);
    ck_assert_uint_eq(t.len, 2);
    struct score_entry e = entry("K", 150, 20, "new");
    int rank;
    ck_assert_int_eq(scores_add(path, &e, 1000, &rank, &t, warn, sizeof warn), 0);
    ck_assert_int_eq(rank, 1);
    ck_assert_msg(strstr(warn, "line 5") && strstr(warn, "left out of the file"), "%s", warn);
    ck_assert_uint_eq(t.len, 3);
    char *text = slurp(path);
    ck_assert_ptr_nonnull(strstr(text, "K\t300\t10\tcompleted\tgood one\n"));
    ck_assert_ptr_nonnull(strstr(text, "K\t150\t20\tcompleted\tnew\n"));
    ck_assert_ptr_nonnull(strstr(text, "K\t-7\t11\toverflow\tgood two\n"));
    ck_assert_ptr_null(strstr(text, "bad"));
    free(text);
    ck_assert_int_eq(scores_load(path, &t, warn, sizeof warn), 0); /* clean now */
    scores_free(&t);
    rm_tree(dir);
}
END_TEST

START_TEST(a_file_of_another_kind_is_never_replaced)
{
    static const char *const texts[] = {
        "candyline-scores 2\nK\t1\t1\tcompleted\tfuture\n",
        "some notes of mine\n",
        "K\t1\t1\tcompleted\tno version line\n",
    };
    char dir[64], path[128], warn[1000];
    temp_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/scores", dir);
    for (size_t i = 0; i < 3; i++) {
        struct score_table t;
        scores_init(&t);
        ck_assert_int_eq(scores_parse(texts[i], strlen(texts[i]), &t, warn, sizeof warn), -1);
        ck_assert_uint_eq(t.len, 0);
        ck_assert_msg(strstr(warn, i == 0 ? "version '2'" : "not a candyline score file"), "%s",
                      warn);
        spit(path, texts[i]);
        ck_assert_int_eq(scores_load(path, &t, warn, sizeof warn), 2);
        struct score_entry e = entry("K", 5, 5, "me");
        int rank;
        ck_assert_int_eq(scores_add(path, &e, 1000, &rank, NULL, warn, sizeof warn), -1);
        ck_assert_msg(strstr(warn, "left as it is"), "%s", warn);
        char *text = slurp(path);
        ck_assert_str_eq(text, texts[i]);
        free(text);
        static const char *const left[] = {"scores", "scores.lock", NULL};
        assert_dir_holds(dir, left);
    }
    /* An empty file is an empty table, not a foreign one. */
    struct score_table t;
    scores_init(&t);
    ck_assert_int_eq(scores_parse("", 0, &t, warn, sizeof warn), 0);
    ck_assert_int_eq(scores_parse("\n# only a comment\n", 18, &t, warn, sizeof warn), 0);
    rm_tree(dir);
}
END_TEST

/* Tests that change HOME and XDG_STATE_HOME put them back (for CK_FORK=no). */
static char saved_home[512];
static bool had_home;

static void save_env(void)
{
    const char *home = getenv("HOME");
    had_home = home != NULL;
    snprintf(saved_home, sizeof saved_home, "%s", home ? home : "");
}

static void restore_env(void)
{
    unsetenv("XDG_STATE_HOME");
    if (had_home)
        setenv("HOME", saved_home, 1);
}

START_TEST(path_follows_xdg_state_home_then_home)
{
    char path[256], warn[200];
    save_env();
    setenv("XDG_STATE_HOME", "/tmp/state-here", 1);
    setenv("HOME", "/tmp/home-here", 1);
    ck_assert_int_eq(scores_path(path, sizeof path, warn, sizeof warn), 0);
    ck_assert_str_eq(path, "/tmp/state-here/candyline/scores");
    setenv("XDG_STATE_HOME", "relative/state", 1); /* not absolute: ignored, as XDG says */
    ck_assert_int_eq(scores_path(path, sizeof path, warn, sizeof warn), 0);
    ck_assert_str_eq(path, "/tmp/home-here/.local/state/candyline/scores");
    unsetenv("XDG_STATE_HOME");
    ck_assert_int_eq(scores_path(path, sizeof path, warn, sizeof warn), 0);
    ck_assert_str_eq(path, "/tmp/home-here/.local/state/candyline/scores");
    unsetenv("HOME");
    ck_assert_int_eq(scores_path(path, sizeof path, warn, sizeof warn), -1);
    ck_assert_msg(strstr(warn, "HOME"), "%s", warn);
    setenv("HOME", "/tmp/home-here", 1);
    ck_assert_int_eq(scores_path(path, 10, warn, sizeof warn), -1); /* too long */
    restore_env();
}
END_TEST

START_TEST(add_creates_private_directories_and_file)
{
    char dir[64], state[128], path[200], warn[1000];
    temp_dir(dir, sizeof dir);
    snprintf(state, sizeof state, "%s/deep/state", dir);
    save_env();
    setenv("XDG_STATE_HOME", state, 1);
    ck_assert_int_eq(scores_path(path, sizeof path, warn, sizeof warn), 0);
    struct score_table t;
    scores_init(&t);
    ck_assert_int_eq(scores_load(path, &t, warn, sizeof warn), 0); /* missing: empty */
    ck_assert_uint_eq(t.len, 0);
    struct score_entry e = entry("K", 42, 7, odd_names[0]);
    int rank;
    ck_assert_int_eq(scores_add(path, &e, 1000, &rank, &t, warn, sizeof warn), 0);
    ck_assert_int_eq(rank, 0);
    ck_assert_str_eq(warn, "");
    struct stat st;
    ck_assert_int_eq(stat(state, &st), 0);
    ck_assert_uint_eq(st.st_mode & 0777, 0700);
    char sub[220];
    snprintf(sub, sizeof sub, "%s/candyline", state);
    ck_assert_int_eq(stat(sub, &st), 0);
    ck_assert_uint_eq(st.st_mode & 0777, 0700);
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_uint_eq(st.st_mode & 0777, 0600);
    static const char *const left[] = {"scores", "scores.lock", NULL};
    assert_dir_holds(sub, left);
    /* Read back by a fresh load. */
    scores_free(&t);
    ck_assert_int_eq(scores_load(path, &t, warn, sizeof warn), 0);
    ck_assert_uint_eq(t.len, 1);
    ck_assert_str_eq(t.v[0].name, odd_names[0]);
    scores_free(&t);
    restore_env();
    rm_tree(dir);
}
END_TEST

#define PER_WRITER 40

/* A child process: adds PER_WRITER scores, each to a table of its own. */
static void writer(const char *path, char who)
{
    for (int i = 0; i < PER_WRITER; i++) {
        char key[32], warn[1000];
        snprintf(key, sizeof key, "%c-%d", who, i);
        struct score_entry e = entry(key, i, i, key);
        int rank;
        if (scores_add(path, &e, 20000, &rank, NULL, warn, sizeof warn) < 0 || rank != 0)
            _exit(1);
    }
    _exit(0);
}

START_TEST(concurrent_writers_both_survive)
{
    char dir[64], path[128], warn[300];
    temp_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/scores", dir);
    pid_t a = fork();
    ck_assert_int_ge(a, 0);
    if (a == 0)
        writer(path, 'a');
    pid_t b = fork();
    ck_assert_int_ge(b, 0);
    if (b == 0)
        writer(path, 'b');
    int sa, sb;
    ck_assert_int_eq(waitpid(a, &sa, 0), a);
    ck_assert_int_eq(waitpid(b, &sb, 0), b);
    ck_assert(WIFEXITED(sa) && WEXITSTATUS(sa) == 0);
    ck_assert(WIFEXITED(sb) && WEXITSTATUS(sb) == 0);
    struct score_table t;
    scores_init(&t);
    ck_assert_int_eq(scores_load(path, &t, warn, sizeof warn), 0);
    ck_assert_uint_eq(t.len, 2 * PER_WRITER); /* no update lost */
    for (int i = 0; i < PER_WRITER; i++)
        for (char who = 'a'; who <= 'b'; who++) {
            char key[32];
            const struct score_entry *top[1];
            snprintf(key, sizeof key, "%c-%d", who, i);
            ck_assert_msg(scores_top(&t, key, top, 1) == 1, "%s was lost", key);
            ck_assert_str_eq(top[0]->name, key);
        }
    scores_free(&t);
    static const char *const left[] = {"scores", "scores.lock", NULL};
    assert_dir_holds(dir, left);
    rm_tree(dir);
}
END_TEST

START_TEST(a_held_lock_times_out_with_a_warning)
{
    char dir[64], path[128], lock[140], warn[1000];
    temp_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/scores", dir);
    snprintf(lock, sizeof lock, "%s.lock", path);
    static const char before[] = "candyline-scores 1\nK\t1\t1\tcompleted\tfirst\n";
    spit(path, before);
    int fd = open(lock, O_RDWR | O_CREAT, 0600);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(flock(fd, LOCK_EX), 0); /* another candyline holds it */
    struct score_entry e = entry("K", 9, 9, "blocked");
    int rank = 5;
    ck_assert_int_eq(scores_add(path, &e, 100, &rank, NULL, warn, sizeof warn), -1);
    ck_assert_int_eq(rank, -1);
    ck_assert_msg(strstr(warn, "another candyline held") && strstr(warn, lock), "%s", warn);
    char *text = slurp(path);
    ck_assert_str_eq(text, before);
    free(text);
    close(fd); /* released: the same call now works */
    ck_assert_int_eq(scores_add(path, &e, 100, &rank, NULL, warn, sizeof warn), 0);
    ck_assert_int_eq(rank, 0);
    rm_tree(dir);
}
END_TEST

/* A failing write (the file size limit: a full disk, as even root meets
 * it) keeps the old file byte for byte and leaves no temp file. */
START_TEST(failed_write_keeps_the_old_file)
{
    char dir[64], path[128];
    temp_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/scores", dir);
    static const char before[] = "candyline-scores 1\nK\t1\t1\tcompleted\tfirst\n";
    spit(path, before);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        struct rlimit rl = {64, 64}; /* less than the new file */
        signal(SIGXFSZ, SIG_IGN);
        if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
            _exit(3);
        char warn[1000];
        struct score_entry e = entry("K", 2, 2, "second");
        int rank;
        int r = scores_add(path, &e, 1000, &rank, NULL, warn, sizeof warn);
        _exit(r == -1 && rank == -1 && strstr(warn, "the old file is kept") ? 0 : 1);
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %d", status);
    char *text = slurp(path);
    ck_assert_str_eq(text, before);
    free(text);
    static const char *const left[] = {"scores", "scores.lock", NULL};
    assert_dir_holds(dir, left);
    rm_tree(dir);
}
END_TEST

START_TEST(unwritable_places_warn_and_lose_nothing)
{
    char dir[64], path[200], warn[1000];
    int rank;
    temp_dir(dir, sizeof dir);
    /* The state directory can't be made: a file is in the way. */
    snprintf(path, sizeof path, "%s/blocker", dir);
    spit(path, "not a directory\n");
    snprintf(path, sizeof path, "%s/blocker/candyline/scores", dir);
    struct score_entry e = entry("K", 3, 3, "nowhere");
    ck_assert_int_eq(scores_add(path, &e, 1000, &rank, NULL, warn, sizeof warn), -1);
    ck_assert_msg(strstr(warn, "cannot create the directory"), "%s", warn);
    /* A read-only directory (root writes anywhere, so only as a user). */
    if (geteuid() != 0) {
        char ro[100];
        snprintf(ro, sizeof ro, "%s/ro", dir);
        ck_assert_int_eq(mkdir(ro, 0700), 0);
        snprintf(path, sizeof path, "%s/scores", ro);
        static const char before[] = "candyline-scores 1\nK\t1\t1\tcompleted\tfirst\n";
        spit(path, before);
        char lock[220];
        snprintf(lock, sizeof lock, "%s.lock", path);
        spit(lock, "");
        ck_assert_int_eq(chmod(ro, 0500), 0);
        ck_assert_int_eq(scores_add(path, &e, 1000, &rank, NULL, warn, sizeof warn), -1);
        ck_assert_msg(strstr(warn, "Permission denied"), "%s", warn);
        char *text = slurp(path);
        ck_assert_str_eq(text, before);
        free(text);
        static const char *const left[] = {"scores", "scores.lock", NULL};
        assert_dir_holds(ro, left);
        /* An unreadable file is a warning, and is not replaced. */
        ck_assert_int_eq(chmod(ro, 0700), 0);
        ck_assert_int_eq(chmod(path, 0200), 0);
        struct score_table t;
        scores_init(&t);
        ck_assert_int_eq(scores_load(path, &t, warn, sizeof warn), 2);
        ck_assert_int_eq(scores_add(path, &e, 1000, &rank, NULL, warn, sizeof warn), -1);
        ck_assert_int_eq(chmod(path, 0600), 0);
        text = slurp(path);
        ck_assert_str_eq(text, before);
        free(text);
    }
    rm_tree(dir);
}
END_TEST

START_TEST(default_name_and_keys)
{
    char name[SCORES_NAME_MAX + 1], user[256];
    snprintf(user, sizeof user, "%s", getenv("USER") ? getenv("USER") : "");
    setenv("USER", "Zo\xc3\xab", 1);
    scores_default_name(name, sizeof name);
    ck_assert_str_eq(name, "Zo\xc3\xab");
    scores_default_name(name, 4); /* cut on a character boundary, not inside the \xc3\xab */
    ck_assert_str_eq(name, "Zo");
    setenv("USER", "", 1);
    scores_default_name(name, sizeof name); /* the login name, whatever it is */
    ck_assert(strlen(name) <= SCORES_NAME_MAX);
    setenv("USER", user, 1);

    struct shift_params p = {.scenario = "classic", .spec = "backpressure:5", .human = true,
                             .seed = 1, .supervisor = true};
    struct sim_config cfg;
    char k1[SCORES_KEY_MAX], k2[SCORES_KEY_MAX];
    make_config(&p, &cfg);
    scores_key(&cfg, k1, sizeof k1);
    ck_assert_msg(strncmp(k1, "classic backpressure:5 human ", 29) == 0, "%s", k1);
    scores_key(&cfg, k2, sizeof k2);
    ck_assert_str_eq(k1, k2); /* the same shift, the same table */
    ck_assert(scores_count(&cfg, OUTCOME_COMPLETED) && scores_count(&cfg, OUTCOME_BURST) &&
              scores_count(&cfg, OUTCOME_OVERFLOW));
    ck_assert(!scores_count(&cfg, OUTCOME_QUIT) && !scores_count(&cfg, OUTCOME_NO_MEMORY));
    cfg.partner.kind = WORKER_BOT;
    cfg.partner.rate = 40;
    scores_key(&cfg, k2, sizeof k2);
    ck_assert_msg(strstr(k2, " human+partner:auto:40:fixed "), "%s", k2);
    p.seed = 2;
    make_config(&p, &cfg);
    scores_key(&cfg, k2, sizeof k2);
    ck_assert_str_ne(k1, k2); /* another seed is another game */
    p.seed = 1;
    p.human = false;
    make_config(&p, &cfg);
    scores_key(&cfg, k2, sizeof k2);
    ck_assert_str_ne(k1, k2);
    ck_assert(!scores_count(&cfg, OUTCOME_COMPLETED)); /* a bot's score never enters */
}
END_TEST

Suite *scores_suite(void)
{
    Suite *s = suite_create("scores");
    TCase *tc = tcase_create("text");
    tcase_add_test(tc, escape_round_trips_odd_names);
    tcase_add_test(tc, file_round_trips_odd_names);
    tcase_add_test(tc, top_ten_ordering_and_ties);
    tcase_add_test(tc, format_keeps_ten_of_a_long_table);
    tcase_add_test(tc, corrupt_lines_are_kept_out_with_a_warning);
    tcase_add_test(tc, a_file_of_another_kind_is_never_replaced);
    tcase_add_test(tc, default_name_and_keys);
    suite_add_tcase(s, tc);
    tc = tcase_create("file");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, path_follows_xdg_state_home_then_home);
    tcase_add_test(tc, add_creates_private_directories_and_file);
    tcase_add_test(tc, concurrent_writers_both_survive);
    tcase_add_test(tc, a_held_lock_times_out_with_a_warning);
    tcase_add_test(tc, failed_write_keeps_the_old_file);
    tcase_add_test(tc, unwritable_places_warn_and_lose_nothing);
    suite_add_tcase(s, tc);
    return s;
}
