/* check_scenario.c - scenario files: the built-ins (classic, lab and the
 * classroom ones), the defaults, the text format, every error naming
 * "FILE:LINE:", loading from a path, validation and the rate schedule. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/app/scenario_parse.h"
#include "../src/sim/scenario.h"
#include "suites.h"

static struct scenario sc;
static char err[400];

static int parse(const char *text)
{
    err[0] = '\0';
    return scenario_parse(text, strlen(text), "test.scn", &sc, err, sizeof err);
}

START_TEST(builtin_classic)
{
    ck_assert_int_eq(scenario_load("classic", &sc, err, sizeof err), 0);
    ck_assert_str_eq(sc.name, "classic");
    ck_assert_str_eq(sc.title, "The chocolate factory");
    ck_assert_uint_eq(sc.minutes, 5);
    ck_assert_int_eq(sc.arrivals, ARRIVALS_FIXED);
    ck_assert_int_eq(sc.source, SOURCE_PAUSABLE);
    ck_assert_uint_eq(sc.belt_s, 4);
    ck_assert_uint_eq(sc.deadline_s, 10);
    ck_assert_uint_eq(sc.memory, 60);
    ck_assert_uint_eq(sc.bot_rate, 90);
    ck_assert(sc.supervisor);
    ck_assert_uint_eq(sc.sup_every_s, 30);
    ck_assert_uint_eq(sc.sup_speedup_pct, 20);
    ck_assert_uint_eq(sc.sup_tolerance, 0);
    ck_assert_uint_eq(sc.sup_max_pct, 300);
    ck_assert_int_eq(sc.score_wrapped, 10);
    ck_assert_int_eq(sc.score_dropped, -5);
    ck_assert_int_eq(sc.score_stale, -3);
    ck_assert_int_eq(sc.score_failed, -300);
    static const struct phase want[] = {{0, 40}, {30, 70}, {90, 90}, {150, 110}, {210, 130}};
    ck_assert_uint_eq(sc.nphases, 5);
    for (unsigned i = 0; i < 5; i++) {
        ck_assert_uint_eq(sc.phases[i].start_s, want[i].start_s);
        ck_assert_uint_eq(sc.phases[i].rate, want[i].rate);
    }
    ck_assert_int_eq(scenario_validate(&sc, err, sizeof err), 0);
}
END_TEST

START_TEST(builtin_lab)
{
    ck_assert_int_eq(scenario_load("lab", &sc, err, sizeof err), 0);
    ck_assert_str_eq(sc.name, "lab");
    ck_assert_uint_eq(sc.minutes, 10);
    ck_assert_int_eq(sc.arrivals, ARRIVALS_POISSON);
    ck_assert_int_eq(sc.source, SOURCE_PAUSABLE);
    ck_assert_uint_eq(sc.memory, 0);
    ck_assert_uint_eq(sc.bot_rate, 90);
    ck_assert(!sc.supervisor);
    ck_assert_uint_eq(sc.nphases, 1);
    ck_assert_uint_eq(sc.phases[0].start_s, 0);
    ck_assert_uint_eq(sc.phases[0].rate, 60);
}
END_TEST

/* The classroom scenarios: each loads, validates and has the shape its
 * lesson depends on (check_scenario_winners.c checks who wins). */
static void load_builtin(const char *name)
{
    ck_assert_msg(scenario_load(name, &sc, err, sizeof err) == 0, "%s: %s", name, err);
    ck_assert_str_eq(sc.name, name);
    ck_assert_int_eq(scenario_validate(&sc, err, sizeof err), 0);
    ck_assert(sc.title[0] != '\0');
    /* The menu shows the about line from column 4 of an 80-column screen. */
    ck_assert(sc.about[0] != '\0' && strlen(sc.about) <= 76);
    ck_assert(!sc.supervisor);
    ck_assert_int_eq(sc.arrivals, ARRIVALS_POISSON);
    ck_assert_int_gt(sc.score_wrapped, 0);
    ck_assert_int_le(sc.score_dropped, 0);
    ck_assert_int_lt(sc.score_stale, 0);
    ck_assert_int_lt(sc.score_failed, 0);
}

START_TEST(builtin_button_mashing)
{
    load_builtin("button-mashing");
    ck_assert_int_eq(sc.source, SOURCE_UNSTOPPABLE);
    ck_assert_uint_eq(sc.minutes, 3);
    ck_assert_uint_eq(sc.deadline_s, 1);
    ck_assert_uint_eq(sc.bot_rate, 240);
    /* Calm and burst by turns, 15 s a round, to the end of the shift. */
    ck_assert_uint_eq(sc.nphases, 24);
    uint64_t rate_seconds = 0; /* sum of rate x seconds: presses x 60 */
    for (unsigned i = 0; i < sc.nphases; i++) {
        ck_assert_uint_eq(sc.phases[i].start_s, (i / 2) * 15 + (i % 2) * 13);
        ck_assert_uint_eq(sc.phases[i].rate, i % 2 ? 600 : 60);
        rate_seconds += (uint64_t)sc.phases[i].rate * (i % 2 ? 2 : 13);
    }
    /* On average the game keeps up (132 presses a minute against 240);
     * only the bursts overwhelm it. */
    ck_assert_uint_eq(rate_seconds / 60 / sc.minutes, 132);
    ck_assert_uint_lt(132, sc.bot_rate);
    ck_assert_uint_gt(sc.phases[1].rate, sc.bot_rate);
    /* A late press costs more than an ignored one. */
    ck_assert_int_lt(sc.score_wrapped + sc.score_stale, sc.score_dropped);
}
END_TEST

START_TEST(builtin_traffic_spike)
{
    load_builtin("traffic-spike");
    ck_assert_int_eq(sc.source, SOURCE_PAUSABLE);
    ck_assert_uint_eq(sc.minutes, 5);
    ck_assert_uint_eq(sc.belt_s, 2);
    ck_assert_uint_eq(sc.deadline_s, 2);
    ck_assert_uint_eq(sc.bot_rate, 90);
    ck_assert_uint_eq(sc.memory, 100);
    static const struct phase want[] = {{0, 60}, {60, 270}, {120, 60}};
    ck_assert_uint_eq(sc.nphases, 3);
    for (unsigned i = 0; i < 3; i++) {
        ck_assert_uint_eq(sc.phases[i].start_s, want[i].start_s);
        ck_assert_uint_eq(sc.phases[i].rate, want[i].rate);
    }
    /* The worker handles the normal load; the spike is several times it. */
    ck_assert_uint_lt(sc.phases[0].rate, sc.bot_rate);
    ck_assert_uint_ge(sc.phases[1].rate, 3 * sc.bot_rate);
    /* Too late is as bad as refused. */
    ck_assert_int_eq(sc.score_wrapped + sc.score_stale, sc.score_dropped);
}
END_TEST

START_TEST(builtin_video_streaming)
{
    load_builtin("video-streaming");
    ck_assert_int_eq(sc.source, SOURCE_UNSTOPPABLE);
    ck_assert_uint_eq(sc.minutes, 3);
    ck_assert_uint_eq(sc.deadline_s, 1);
    ck_assert_uint_eq(sc.bot_rate, 120);
    /* One steady rate, more than the decoder shows. */
    ck_assert_uint_eq(sc.nphases, 1);
    ck_assert_uint_eq(sc.phases[0].rate, 150);
    ck_assert_uint_gt(sc.phases[0].rate, sc.bot_rate);
    /* A late frame is far worse than a skipped one. */
    ck_assert_int_le(sc.score_wrapped + sc.score_stale, 10 * sc.score_dropped);
}
END_TEST

/* Replays pin these: classic and lab must never change. */
START_TEST(builtin_hashes_pinned)
{
    ck_assert_int_eq(scenario_load("classic", &sc, err, sizeof err), 0);
    ck_assert_uint_eq(scenario_hash(&sc), 0x5b7c5e5732c935f9ull);
    ck_assert_int_eq(scenario_load("lab", &sc, err, sizeof err), 0);
    ck_assert_uint_eq(scenario_hash(&sc), 0x2a04723950521d61ull);
}
END_TEST

START_TEST(every_builtin_parses)
{
    unsigned n = 0;
    for (const struct builtin_scenario *b = builtin_scenarios; b->name; b++, n++) {
        ck_assert_msg(scenario_load(b->name, &sc, err, sizeof err) == 0, "%s: %s", b->name, err);
        ck_assert_str_eq(sc.name, b->name); /* the file's name matches its built-in name */
        ck_assert_int_eq(scenario_validate(&sc, err, sizeof err), 0);
    }
    ck_assert_uint_ge(n, 2);
}
END_TEST

START_TEST(defaults)
{
    struct scenario d;
    scenario_defaults(&d);
    ck_assert_int_eq(scenario_validate(&d, err, sizeof err), 0);
    ck_assert_int_eq(parse(""), 0);
    ck_assert_int_eq(memcmp(&sc, &d, sizeof sc), 0);
    ck_assert_int_eq(parse("# only a comment\n\n   \n"), 0);
    ck_assert_int_eq(memcmp(&sc, &d, sizeof sc), 0);
    ck_assert_str_eq(d.name, "custom");
    ck_assert_uint_eq(d.minutes, 5);
    ck_assert_uint_eq(d.nphases, 1);
    ck_assert_uint_eq(d.phases[0].start_s, 0);
    ck_assert_uint_eq(d.phases[0].rate, 60);
    ck_assert(!d.supervisor);
    /* One key changes one field; the rest keep their defaults. */
    ck_assert_int_eq(parse("minutes 7\n"), 0);
    ck_assert_uint_eq(sc.minutes, 7);
    sc.minutes = d.minutes;
    ck_assert_int_eq(memcmp(&sc, &d, sizeof sc), 0);
}
END_TEST

START_TEST(format_details)
{
    /* Comments, tabs, CRLF, trailing blanks, no final newline. */
    ck_assert_msg(parse("  # a comment\r\n\r\nname\tmy-test_2 \r\nminutes 7 # seven\n"
                        "title  Two   words \nabout it\tis fine\nsource unstoppable\n"
                        "arrivals poisson\nsupervisor every 10 max 150\nsupervisor off\n"
                        "score stale -9 wrapped 3\nphase 0 10\nphase 90 20\nphase 2:05 30\n"
                        "phase 100000:00 0\nbelt 60\ndeadline 0\nmemory 0\nbot 3000") == 0,
                  "%s", err);
    ck_assert_str_eq(sc.name, "my-test_2");
    ck_assert_str_eq(sc.title, "Two words");
    ck_assert_str_eq(sc.about, "it is fine");
    ck_assert_uint_eq(sc.minutes, 7);
    ck_assert_int_eq(sc.source, SOURCE_UNSTOPPABLE);
    ck_assert_int_eq(sc.arrivals, ARRIVALS_POISSON);
    ck_assert(!sc.supervisor); /* the later line wins */
    ck_assert_uint_eq(sc.sup_every_s, 10);
    ck_assert_uint_eq(sc.sup_max_pct, 150);
    ck_assert_int_eq(sc.score_stale, -9);
    ck_assert_int_eq(sc.score_wrapped, 3);
    ck_assert_int_eq(sc.score_dropped, -5); /* default kept */
    ck_assert_uint_eq(sc.nphases, 4);
    ck_assert_uint_eq(sc.phases[1].start_s, 90);
    ck_assert_uint_eq(sc.phases[2].start_s, 125);
    ck_assert_uint_eq(sc.phases[3].start_s, 6000000);
    ck_assert_uint_eq(sc.phases[3].rate, 0);
    ck_assert_uint_eq(sc.belt_s, 60);
    ck_assert_uint_eq(sc.deadline_s, 0);
    ck_assert_uint_eq(sc.memory, 0);
    ck_assert_uint_eq(sc.bot_rate, 3000);
    /* A line of 511 characters is allowed; the phases list replaces the default. */
    char line[600];
    memset(line, 'x', sizeof line);
    line[0] = '#';
    line[511] = '\n';
    line[512] = '\0';
    ck_assert_msg(parse(line) == 0, "%s", err);
}
END_TEST

struct bad_case {
    const char *text;
    unsigned line;      /* the line the message must name */
    const char *words;  /* and something it must say */
};

static const struct bad_case bad_cases[] = {
    {"name a\nminutes 5\nbogus 1\n", 3, "unknown key"},
    {"minutes 0\n", 1, "minutes from 1"},
    {"\nminutes 100001\n", 2, "minutes from 1"},
    {"minutes five\n", 1, "minutes"},
    {"minutes -1\n", 1, "minutes"},
    {"minutes +5\n", 1, "minutes"},
    {"minutes 0x10\n", 1, "minutes"},
    {"minutes 5 6\n", 1, "one value"},
    {"minutes\n", 1, "one value"},
    {"belt 0\n", 1, "belt"},
    {"belt 61\n", 1, "belt"},
    {"deadline 86401\n", 1, "deadline"},
    {"memory 100000001\n", 1, "memory"},
    {"bot 0\n", 1, "bot rate"},
    {"bot 3001\n", 1, "bot rate"},
    {"arrivals bursty\n", 1, "fixed or poisson"},
    {"source sometimes\n", 1, "pausable or unstoppable"},
    {"name Classic\n", 1, "lower-case"},
    {"name a/b\n", 1, "lower-case"},
    {"name abcdefghijklmnopqrstuvwxyz012345\n", 1, "at most 31"},
    {"title\n", 1, "some text"},
    {"# fine\nabout\n", 2, "some text"},
    {"supervisor sometimes\n", 1, "supervisor off"},
    {"supervisor every\n", 1, "whole number"},
    {"supervisor every x\n", 1, "whole number"},
    {"supervisor every 3601\n", 1, "whole number"},
    {"supervisor speedup 1001\n", 1, "whole number"},
    {"supervisor max 10001\n", 1, "whole number"},
    {"supervisor every 30 bogus 1\n", 1, "supervisor off"},
    {"score\n", 1, "pairs"},
    {"score wrapped\n", 1, "pairs"},
    {"score wrapped 10 dropped\n", 1, "pairs"},
    {"score bonus 5\n", 1, "score item"},
    {"score wrapped 1000001\n", 1, "whole number of points"},
    {"score wrapped ten\n", 1, "whole number of points"},
    {"phase 0:00\n", 1, "phase START RATE"},
    {"phase 0:5 10\n", 1, "phase START RATE"},
    {"phase 0:60 10\n", 1, "phase START RATE"},
    {"phase :30 10\n", 1, "phase START RATE"},
    {"phase x 10\n", 1, "phase START RATE"},
    {"phase 0:00 3001\n", 1, "phase rate"},
    {"phase 0:00 -1\n", 1, "phase rate"},
    {"phase 0:10 40\n", 1, "first phase must start at 0:00"},
    {"phase 0:00 10\nphase 1:00 20\nphase 0:30 30\n", 3, "in order"},
    {"phase 0:00 10\nphase 0:00 20\n", 2, "in order"},
    {"name a\nmin\x01utes 5\n", 2, "unknown key"},
    {"title a b c d e f g h i j k l m n o p\n", 1, "too many words"},
    {"# ok\n# ok\n# ok\nname a\nminutes 5 # fine\nphase 0:00 10\nphase 0:00 10\n", 7,
     "in order"},
};

START_TEST(error_names_file_and_line)
{
    const struct bad_case *c = &bad_cases[_i];
    char want[32];
    memset(&sc, 0xab, sizeof sc);
    struct scenario before = sc;
    ck_assert_msg(parse(c->text) == -1, "accepted: %s", c->text);
    snprintf(want, sizeof want, "test.scn:%u:", c->line);
    ck_assert_msg(strncmp(err, want, strlen(want)) == 0, "message '%s' does not start with %s",
                  err, want);
    ck_assert_msg(strstr(err, c->words) != NULL, "message '%s' does not say '%s'", err, c->words);
    ck_assert_int_eq(memcmp(&sc, &before, sizeof sc), 0); /* out untouched on error */
}
END_TEST

START_TEST(too_many_phases)
{
    char text[2000];
    size_t used = 0;
    for (unsigned i = 0; i < 33; i++)
        used += (size_t)snprintf(text + used, sizeof text - used, "phase %u 10\n", i * 10u);
    ck_assert_int_eq(parse(text), -1);
    ck_assert_msg(strstr(err, "test.scn:33:") && strstr(err, "too many phases"), "%s", err);
    /* 32 is fine */
    text[strlen(text) - strlen("phase 320 10\n")] = '\0';
    ck_assert_msg(parse(text) == 0, "%s", err);
    ck_assert_uint_eq(sc.nphases, 32);
}
END_TEST

START_TEST(long_line_and_nul)
{
    char text[1200];
    memset(text, 'x', sizeof text);
    memcpy(text, "name a\n#", 8);
    text[7 + 512] = '\n'; /* line 2: '#' then 511 x: 512 characters */
    text[7 + 513] = '\0';
    ck_assert_int_eq(parse(text), -1);
    ck_assert_msg(strstr(err, "test.scn:2:") && strstr(err, "too long"), "%s", err);

    static const char with_nul[] = "name a\nminutes\0 5\nbot 3\n";
    ck_assert_int_eq(scenario_parse(with_nul, sizeof with_nul - 1u, "test.scn", &sc, err,
                                    sizeof err),
                     -1);
    ck_assert_msg(strstr(err, "test.scn:2:") && strstr(err, "NUL"), "%s", err);
}
END_TEST

/* Some editors start a UTF-8 file with a byte order mark. */
START_TEST(byte_order_mark_is_skipped)
{
    static const char text[] = "\xef\xbb\xbfminutes 7\n";
    ck_assert_msg(scenario_parse(text, sizeof text - 1u, "test.scn", &sc, err, sizeof err) == 0,
                  "%s", err);
    ck_assert_uint_eq(sc.minutes, 7);
}
END_TEST

/* Only the first len bytes count: the text need not end in '\0'. */
START_TEST(length_is_respected)
{
    static const char text[] = "minutes 7\nminutes 0\n";
    ck_assert_int_eq(scenario_parse(text, 10, "test.scn", &sc, err, sizeof err), 0);
    ck_assert_uint_eq(sc.minutes, 7);
}
END_TEST

/* scenario_parse promises "FILE:LINE: what was expected" for every error.
 * The supervisor's 'every 0' and 'max 50' are out of range on their own
 * line, not only in scenario_validate afterwards, which has no line. */
START_TEST(validation_errors_name_the_line)
{
    ck_assert_int_eq(parse("name a\nsupervisor every 0\n"), -1);
    ck_assert_msg(strstr(err, "test.scn:2:") != NULL, "message '%s' does not name line 2", err);
    ck_assert_int_eq(parse("name a\n\nsupervisor max 50\n"), -1);
    ck_assert_msg(strstr(err, "test.scn:3:") != NULL, "message '%s' does not name line 3", err);
}
END_TEST

START_TEST(validate_directly)
{
    struct scenario s;
    scenario_defaults(&s);
    ck_assert_int_eq(scenario_validate(&s, err, sizeof err), 0);
    s.minutes = 0;
    ck_assert_int_eq(scenario_validate(&s, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "minutes"));
    scenario_defaults(&s);
    s.nphases = 2;
    s.phases[1].start_s = 0;
    ck_assert_int_eq(scenario_validate(&s, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "order"));
    scenario_defaults(&s);
    s.phases[0].start_s = 5;
    ck_assert_int_eq(scenario_validate(&s, err, sizeof err), -1);
    scenario_defaults(&s);
    s.phases[0].rate = SCENARIO_MAX_RATE + 1u;
    ck_assert_int_eq(scenario_validate(&s, err, sizeof err), -1);
    scenario_defaults(&s);
    s.belt_s = 0;
    ck_assert_int_eq(scenario_validate(&s, err, sizeof err), -1);
    scenario_defaults(&s);
    s.bot_rate = 0;
    ck_assert_int_eq(scenario_validate(&s, err, sizeof err), -1);
    scenario_defaults(&s);
    s.sup_every_s = 0; /* no matter while she stays away */
    ck_assert_int_eq(scenario_validate(&s, err, sizeof err), 0);
    s.supervisor = true;
    ck_assert_int_eq(scenario_validate(&s, err, sizeof err), -1);
}
END_TEST

START_TEST(rate_schedule)
{
    ck_assert_int_eq(scenario_load("classic", &sc, err, sizeof err), 0);
    const uint64_t hz = TICK_HZ;
    ck_assert_uint_eq(scenario_rate_at(&sc, 0), 40);
    ck_assert_uint_eq(scenario_rate_at(&sc, 30 * hz - 1), 40);
    ck_assert_uint_eq(scenario_rate_at(&sc, 30 * hz), 70);
    ck_assert_uint_eq(scenario_rate_at(&sc, 90 * hz - 1), 70);
    ck_assert_uint_eq(scenario_rate_at(&sc, 90 * hz), 90);
    ck_assert_uint_eq(scenario_rate_at(&sc, 150 * hz), 110);
    ck_assert_uint_eq(scenario_rate_at(&sc, 210 * hz - 1), 110);
    ck_assert_uint_eq(scenario_rate_at(&sc, 210 * hz), 130);
    ck_assert_uint_eq(scenario_rate_at(&sc, UINT64_MAX), 130);
    ck_assert_int_eq(scenario_load("lab", &sc, err, sizeof err), 0);
    for (uint64_t t = 0; t < 100000; t += 997)
        ck_assert_uint_eq(scenario_rate_at(&sc, t), 60);
    ck_assert_int_eq(parse("phase 0 0\nphase 1 3000\nphase 2 0\n"), 0);
    ck_assert_uint_eq(scenario_rate_at(&sc, hz - 1), 0);
    ck_assert_uint_eq(scenario_rate_at(&sc, hz), 3000);
    ck_assert_uint_eq(scenario_rate_at(&sc, 2 * hz), 0);
}
END_TEST

/* Writes text to a fresh temporary file; returns its path in path. */
static void temp_file(char *path, size_t len, const char *text, size_t n)
{
    snprintf(path, len, "/tmp/candyline-test-XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, text, n), (long)n);
    close(fd);
}

START_TEST(load_from_path)
{
    char path[64], want[80];
    static const char good[] = "name from-file\nphase 0:00 33\n";
    temp_file(path, sizeof path, good, sizeof good - 1u);
    ck_assert_msg(scenario_load(path, &sc, err, sizeof err) == 0, "%s", err);
    ck_assert_str_eq(sc.name, "from-file");
    ck_assert_uint_eq(sc.phases[0].rate, 33);
    unlink(path);

    static const char bad[] = "name from-file\n\nbelt 99\n";
    temp_file(path, sizeof path, bad, sizeof bad - 1u);
    ck_assert_int_eq(scenario_load(path, &sc, err, sizeof err), -1);
    snprintf(want, sizeof want, "%s:3:", path);
    ck_assert_msg(strncmp(err, want, strlen(want)) == 0, "'%s' does not start with %s", err, want);
    unlink(path);

    ck_assert_int_eq(scenario_load("/nonexistent/dir/x.scn", &sc, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "/nonexistent/dir/x.scn") && strstr(err, "cannot open"), "%s", err);
    ck_assert_int_eq(scenario_load("no-such-built-in", &sc, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "no-such-built-in"));
}
END_TEST

START_TEST(load_too_large)
{
    size_t n = (1u << 20) + 100u;
    char *text = malloc(n), path[64];
    ck_assert_ptr_nonnull(text);
    for (size_t i = 0; i < n; i++)
        text[i] = i % 100u == 0 ? '#' : i % 100u == 99u ? '\n' : 'x';
    temp_file(path, sizeof path, text, n);
    free(text);
    ck_assert_int_eq(scenario_load(path, &sc, err, sizeof err), -1);
    ck_assert_msg(strstr(err, path) && strstr(err, "too large"), "%s", err);
    unlink(path);
}
END_TEST

Suite *scenario_suite(void)
{
    Suite *s = suite_create("scenario");
    TCase *tc = tcase_create("builtin");
    tcase_add_test(tc, builtin_classic);
    tcase_add_test(tc, builtin_lab);
    tcase_add_test(tc, every_builtin_parses);
    tcase_add_test(tc, builtin_button_mashing);
    tcase_add_test(tc, builtin_traffic_spike);
    tcase_add_test(tc, builtin_video_streaming);
    tcase_add_test(tc, builtin_hashes_pinned);
    tcase_add_test(tc, defaults);
    suite_add_tcase(s, tc);
    tc = tcase_create("format");
    tcase_add_test(tc, format_details);
    tcase_add_test(tc, length_is_respected);
    tcase_add_test(tc, byte_order_mark_is_skipped);
    tcase_add_test(tc, load_from_path);
    tcase_add_test(tc, load_too_large);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_loop_test(tc, error_names_file_and_line, 0,
                        (int)(sizeof bad_cases / sizeof bad_cases[0]));
    tcase_add_test(tc, too_many_phases);
    tcase_add_test(tc, long_line_and_nul);
    tcase_add_test(tc, validation_errors_name_the_line);
    suite_add_tcase(s, tc);
    tc = tcase_create("schedule");
    tcase_add_test(tc, validate_directly);
    tcase_add_test(tc, rate_schedule);
    suite_add_tcase(s, tc);
    return s;
}
