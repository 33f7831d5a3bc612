/* check_replay.c - the replay format: parsing and its errors, the player's
 * inputs and checks, and the recorder's files read back: a recording
 * verifies, a changed one names the first difference, and one cut off at
 * any byte is never taken for a whole one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/app/recorder.h"
#include "../src/app/replay.h"
#include "../src/app/replay_play.h"
#include "../src/app/scenario_parse.h"
#include "helpers.h"
#include "suites.h"

static struct replay r;
static char err[800];

static int parse(const char *text)
{
    return replay_parse(text, strlen(text), "t.rpl", &r, err, sizeof err);
}

#define HEAD "candyline-replay 1\nscenario lab\nstrategy drop:2\n"

START_TEST(parses_every_line_kind)
{
    static const char text[] =
        "# a comment\n"
        "\n"
        "candyline-replay 1   # the magic\n"
        "game 0.1.0\n"
        "recorded\n"
        "seed 42\n"
        "scenario classic\n"
        "scenario-hash 00000000000000ff\n"
        "strategy drop:3:oldest\n"
        "worker auto:70:exp\n"
        "memory 9\n"
        "minutes 2\n"
        "rate 80\n"
        "arrivals poisson\n"
        "supervisor off\n"
        "0 key ab\n"
        "0:10 key x\n"
        "0:10 wrap every 20 until 2:00\n"
        "0:10+5 check 0123456789ABCDEF\n"
        "0:20 expect buffered <= 3\n"
        "expect outcome completed\n"
        "1:59 quit\n"
        "end 7140 quit fedcba9876543210\n";
    ck_assert_msg(parse(text) == 0, "%s", err);
    ck_assert_str_eq(r.game, "0.1.0");
    ck_assert(r.recorded);
    ck_assert_uint_eq(r.seed, 42);
    ck_assert_str_eq(r.scenario, "classic");
    ck_assert(r.scenario_hash_given);
    ck_assert_uint_eq(r.scenario_hash, 0xff);
    ck_assert_str_eq(r.strategy, "drop:3:oldest");
    ck_assert_int_eq(r.worker.kind, WORKER_BOT);
    ck_assert_uint_eq(r.worker.rate, 70);
    ck_assert_int_eq(r.worker.service, SERVICE_EXP);
    ck_assert(r.memory_given && r.memory == 9);
    ck_assert(r.minutes_given && r.minutes == 2);
    ck_assert(r.rate_given && r.rate == 80);
    ck_assert(r.arrivals_given && r.arrivals == ARRIVALS_POISSON);
    ck_assert(r.supervisor_given && !r.supervisor);
    ck_assert_uint_eq(r.nevents, 6);
    ck_assert_int_eq(r.events[0].kind, REV_KEYS);
    ck_assert_str_eq(r.events[0].keys, "ab");
    ck_assert_int_eq(r.events[1].kind, REV_KEYS);
    ck_assert_uint_eq(r.events[1].tick, 600);
    ck_assert_int_eq(r.events[2].kind, REV_WRAP);
    ck_assert_uint_eq(r.events[2].tick, 600);
    ck_assert_uint_eq(r.events[2].every, 20);
    ck_assert_uint_eq(r.events[2].until, 120u * 60u);
    ck_assert_int_eq(r.events[3].kind, REV_CHECK);
    ck_assert_uint_eq(r.events[3].tick, 605);
    ck_assert_uint_eq(r.events[3].hash, 0x0123456789abcdefull);
    ck_assert_uint_eq(r.events[3].line, 19);
    ck_assert_int_eq(r.events[4].kind, REV_EXPECT);
    ck_assert_str_eq(r.events[4].expect.key, "buffered");
    ck_assert_int_eq(r.events[4].expect.op, OP_LE);
    ck_assert_str_eq(r.events[4].expect.value, "3");
    ck_assert_int_eq(r.events[5].kind, REV_QUIT);
    ck_assert_uint_eq(r.nfinals, 1);
    ck_assert_str_eq(r.finals[0].expect.key, "outcome");
    ck_assert_uint_eq(r.finals[0].line, 21);
    ck_assert(r.has_end);
    ck_assert_uint_eq(r.end_tick, 7140);
    ck_assert_int_eq(r.end_outcome, OUTCOME_QUIT);
    ck_assert_uint_eq(r.end_hash, 0xfedcba9876543210ull);
    ck_assert(!r.cut_off);
    replay_free(&r);
}
END_TEST

START_TEST(defaults_for_a_script)
{
    ck_assert_msg(parse(HEAD "5 key a\n") == 0, "%s", err);
    ck_assert_uint_eq(r.seed, DEFAULT_SEED);
    ck_assert_int_eq(r.worker.kind, WORKER_HUMAN);
    ck_assert(!r.recorded && !r.has_end && !r.memory_given && !r.rate_given);
    ck_assert_uint_eq(r.events[0].every, 0); /* not a repeat */
    replay_free(&r);
}
END_TEST

static const struct {
    const char *text;
    unsigned line;
    const char *says;
} bad[] = {
    {"", 1, "empty"},
    {"hello\n", 1, "not a Candyline replay"},
    {"candyline-replay 2\n" "scenario lab\nstrategy drop:2\n", 1, "format '2'"},
    {"candyline-replay\n", 1, "not a Candyline replay"},
    {HEAD "colour red\n", 4, "unknown key 'colour'"},
    {HEAD "seed -1\n", 4, "whole number"},
    {HEAD "worker robot\n", 4, "human or auto"},
    {HEAD "memory\n", 4, "one value"},
    {HEAD "minutes 0\n", 4, "from 1 to 100000"},
    {HEAD "rate 3001\n", 4, "from 1 to 3000"},
    {HEAD "arrivals sometimes\n", 4, "fixed' or 'arrivals poisson"},
    {HEAD "supervisor maybe\n", 4, "on' or 'supervisor off"},
    {HEAD "scenario-hash 123\n", 4, "16 hex digits"},
    {HEAD "5\n", 4, "an action after the tick"},
    {HEAD "5x key a\n", 4, "expected a tick"},
    {HEAD "1:5 key a\n", 4, "expected a tick"},
    {HEAD "5 key A\n", 4, "lower-case letters"},
    {HEAD "5 key abcdefghi\n", 4, "1 to 8"},
    {HEAD "5 key\n", 4, "1 to 8"},
    {HEAD "5 jump\n", 4, "unknown action 'jump'"},
    {HEAD "5 wrap every 0\n", 4, "at least 1 tick"},
    {HEAD "5 wrap every 10 until 4\n", 4, "no earlier than"},
    {HEAD "5 wrap sometimes\n", 4, "every TICKS"},
    {HEAD "5 quit now\n", 4, "nothing after 'quit'"},
    {HEAD "5 check xyz\n", 4, "16 hex digits"},
    {HEAD "10 key a\n5 key b\n", 5, "order of tick"},
    {HEAD "10 key a\nseed 3\n", 5, "belongs in the header"},
    {HEAD "5 expect wrapped\n", 4, "expect KEY VALUE"},
    {HEAD "expect wrapped ~ 3\n", 4, "a comparison"},
    {HEAD "end 10 done 0123456789abcdef\n", 4, "end TICKS OUTCOME HASH"},
    {HEAD "end 10 quit 0123456789abcdef\n5 key a\n", 5, "nothing may follow the end"},
    {HEAD "end 10 quit 0123456789abcdef\nexpect x 1\n", 5, "nothing may follow the end"},
    {"candyline-replay 1\nstrategy drop:2\n", 2, "no 'scenario' line"},
    {"candyline-replay 1\nscenario lab\n", 2, "no 'strategy' line"},
};

START_TEST(errors_name_the_line)
{
    ck_assert_int_eq(parse(bad[_i].text), -1);
    char where[32];
    snprintf(where, sizeof where, "t.rpl:%u: ", bad[_i].line);
    ck_assert_msg(strncmp(err, where, strlen(where)) == 0, "'%s' does not start with '%s'", err,
                  where);
    ck_assert_msg(strstr(err, bad[_i].says) != NULL, "'%s' lacks '%s'", err, bad[_i].says);
    ck_assert_ptr_null(r.events);
}
END_TEST

START_TEST(nul_byte_is_refused)
{
    static const char text[] = HEAD "5 key a\0b\n";
    ck_assert_int_eq(replay_parse(text, sizeof text - 1u, "t.rpl", &r, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "t.rpl:4: ") && strstr(err, "NUL"), "%s", err);
}
END_TEST

/* A recorder ends every line, so in a recording a last line without its
 * newline was cut short and is left out; a person's file may lack the
 * final newline and keeps its last line. */
START_TEST(last_line_without_newline)
{
    ck_assert_msg(parse(HEAD "recorded\n5 key a\n6 key b") == 0, "%s", err);
    ck_assert(r.cut_off);
    ck_assert_uint_eq(r.nevents, 1);
    replay_free(&r);
    ck_assert_msg(parse(HEAD "5 key a\n6 key b") == 0, "%s", err);
    ck_assert(!r.cut_off);
    ck_assert_uint_eq(r.nevents, 2);
    replay_free(&r);
    /* ... unless it does not parse: then it was cut short too. */
    ck_assert_msg(parse(HEAD "5 key a\n6 ke") == 0, "%s", err);
    ck_assert(r.cut_off);
    ck_assert_uint_eq(r.nevents, 1);
    replay_free(&r);
    /* Found by fuzzing: a cut-off header line that failed half-way kept
     * what it had written (a scenario name cut at 255 characters). */
    char text[600];
    snprintf(text, sizeof text, HEAD "scenario %0300d", 0);
    ck_assert_msg(parse(text) == 0, "%s", err);
    ck_assert(r.cut_off);
    ck_assert_str_eq(r.scenario, "lab");
    replay_free(&r);
}
END_TEST

/* ---- the player -------------------------------------------------------- */

static void config_for(const char *text, struct sim_config *cfg)
{
    ck_assert_msg(parse(text) == 0, "%s", err);
    ck_assert_msg(replay_config(&r, "t.rpl", cfg, err, sizeof err) == 0, "%s", err);
}

START_TEST(repeats_fire_on_schedule)
{
    struct sim_config cfg;
    struct sim s;
    struct replay_player p;
    config_for(HEAD "worker human\n10 key a every 25 until 100\n40 key b\n", &cfg);
    ck_assert_int_eq(sim_init(&s, &cfg), 0);
    ck_assert_int_eq(replay_player_init(&p, &r, NULL), 0);
    char typed[200] = "";
    for (int i = 0; i < 150; i++) {
        struct sim_input in;
        replay_player_before_step(&p, &s, &in);
        for (unsigned k = 0; k < in.nkeys; k++) {
            char one[24];
            snprintf(one, sizeof one, "%llu%c ", (unsigned long long)s.tick, in.keys[k]);
            strcat(typed, one);
        }
        sim_step(&s, &in);
    }
    ck_assert_str_eq(typed, "10a 35a 40b 60a 85a ");
    replay_player_free(&p);
    sim_free(&s);
    replay_free(&r);
}
END_TEST

/* 'wrap' types the letter on the candy in hand, and nothing when the hands
 * are empty or busy wrapping. */
START_TEST(wrap_types_the_right_letter)
{
    struct sim_config cfg;
    struct sim s;
    struct replay_player p;
    config_for(HEAD "worker human\narrivals fixed\nrate 60\n0 wrap every 1\n", &cfg);
    ck_assert_int_eq(sim_init(&s, &cfg), 0);
    ck_assert_int_eq(replay_player_init(&p, &r, NULL), 0);
    unsigned keys = 0;
    while (s.tick < 3000) {
        struct sim_input in;
        bool holding = s.worker.busy && s.worker.phase == HANDS_HOLDING;
        replay_player_before_step(&p, &s, &in);
        ck_assert_uint_eq(in.nkeys, holding ? 1u : 0u);
        if (holding)
            ck_assert_int_eq(in.keys[0], s.worker.letter);
        keys += in.nkeys;
        sim_step(&s, &in);
    }
    ck_assert_uint_eq(s.worker.fumbles, 0);
    ck_assert_uint_eq(keys, s.stats.taken - (s.worker.busy && s.worker.phase == HANDS_HOLDING));
    ck_assert_uint_gt(s.stats.wrapped, 40);
    replay_player_free(&p);
    sim_free(&s);
    replay_free(&r);
}
END_TEST

/* ---- recordings read back ------------------------------------------------ */

static char rec_path[64];
static char *recording;
static size_t recording_len;

/* A 40-second human shift with keys now right, now wrong, recorded. */
static void record_one(void)
{
    struct shift_params sp = {.scenario = "classic", .spec = "drop:3:oldest", .human = true,
                              .supervisor = true, .minutes = 1, .seed = 9};
    struct sim_config cfg;
    struct sim s;
    struct recorder rec;
    struct rng keys;
    make_config(&sp, &cfg);
    snprintf(rec_path, sizeof rec_path, "/tmp/check-replay-%ld.rpl", (long)getpid());
    ck_assert_msg(recorder_open(&rec, rec_path, &cfg, "classic", err, sizeof err) == 0, "%s",
                  err);
    ck_assert_int_eq(sim_init(&s, &cfg), 0);
    rng_seed(&keys, 3, 3);
    while (s.outcome == OUTCOME_RUNNING) {
        struct sim_input in;
        memset(&in, 0, sizeof in);
        if (rng_below(&keys, 12) == 0) {
            in.nkeys = 1;
            in.keys[0] = rng_below(&keys, 5) && s.worker.busy ? s.worker.letter : 'z';
        }
        if (s.tick == 40u * TICK_HZ)
            in.end_shift = true;
        recorder_input(&rec, &s, &in);
        sim_step(&s, &in);
        recorder_after_step(&rec, &s);
    }
    ck_assert_msg(recorder_finish(&rec, &s, err, sizeof err) == 0, "%s", err);
    ck_assert_str_eq(outcome_name(s.outcome), "quit");
    sim_free(&s);
    FILE *f = fopen(rec_path, "rb");
    ck_assert_ptr_nonnull(f);
    recording = malloc(1 << 20);
    recording_len = fread(recording, 1, 1 << 20, f);
    fclose(f);
    ck_assert_uint_gt(recording_len, 0);
    ck_assert_int_eq(access(rec_path, F_OK), 0);
    char part[80];
    snprintf(part, sizeof part, "%s.part", rec_path);
    ck_assert_int_eq(access(part, F_OK), -1); /* renamed when finished */
}

static void drop_recording(void)
{
    unlink(rec_path);
    free(recording);
    recording = NULL;
}

/* Plays text through the headless verifier. Returns 0 if all held, 1 if
 * not, 2 if it could not be read; *log gets the messages. */
static int verify_text(const char *text, size_t len, char *log, size_t loglen)
{
    struct sim_config cfg;
    struct sim s;
    struct replay_player p;
    if (replay_parse(text, len, "t.rpl", &r, err, sizeof err) < 0) {
        snprintf(log, loglen, "%s", err);
        return 2;
    }
    if (replay_config(&r, "t.rpl", &cfg, err, sizeof err) < 0) {
        snprintf(log, loglen, "%s", err);
        replay_free(&r);
        return 2;
    }
    FILE *out = tmpfile();
    ck_assert_ptr_nonnull(out);
    ck_assert_int_eq(sim_init(&s, &cfg), 0);
    ck_assert_int_eq(replay_player_init(&p, &r, out), 0);
    /* A replay with wrong inputs can't run past its shift's end. */
    while (s.outcome == OUTCOME_RUNNING) {
        struct sim_input in;
        replay_player_before_step(&p, &s, &in);
        sim_step(&s, &in);
    }
    bool ok = replay_player_finish(&p, &s);
    rewind(out);
    size_t n = fread(log, 1, loglen - 1, out);
    log[n] = '\0';
    fclose(out);
    replay_player_free(&p);
    sim_free(&s);
    replay_free(&r);
    return ok ? 0 : 1;
}

START_TEST(recording_verifies)
{
    char log[4000];
    record_one();
    ck_assert_msg(verify_text(recording, recording_len, log, sizeof log) == 0, "%s", log);
    ck_assert_str_eq(log, "");
    ck_assert_ptr_nonnull(strstr(recording, "\nrecorded\n"));
    ck_assert_ptr_nonnull(strstr(recording, "\nexpect outcome quit\n"));
    ck_assert_ptr_nonnull(strstr(recording, "\nend 2400 quit "));
    drop_recording();
}
END_TEST

/* Deleting one key line changes what happened from that tick on: the
 * first checksum after it names the tick. */
START_TEST(deleted_input_names_the_tick)
{
    char log[4000];
    record_one();
    char *line = recording; /* the first key line (not the comment that explains them) */
    while (!(line[0] >= '0' && line[0] <= '9' && strncmp(strchr(line, ' '), " key ", 5) == 0))
        line = strchr(line, '\n') + 1;
    unsigned long tick = strtoul(line, NULL, 10);
    char *next = strchr(line, '\n') + 1;
    memmove(line, next, recording_len - (size_t)(next - recording));
    size_t len = recording_len - (size_t)(next - line);
    ck_assert_int_eq(verify_text(recording, len, log, sizeof log), 1);
    char want[64];
    snprintf(want, sizeof want, "diverged at tick %lu ", (tick / 60u + 1u) * 60u);
    ck_assert_msg(strstr(log, want) != NULL, "'%s' lacks '%s'", log, want);
    drop_recording();
}
END_TEST

START_TEST(false_expect_names_the_key)
{
    char log[4000];
    record_one();
    char *text = malloc(recording_len + 100);
    ck_assert_ptr_nonnull(text);
    char *at = strstr(recording, "expect wrapped ");
    ck_assert_ptr_nonnull(at);
    size_t head = (size_t)(at - recording);
    memcpy(text, recording, head);
    int n = sprintf(text + head, "expect wrapped 9999\n");
    char *rest = strchr(at, '\n') + 1;
    memcpy(text + head + (size_t)n, rest, recording_len - (size_t)(rest - recording));
    size_t len = head + (size_t)n + recording_len - (size_t)(rest - recording);
    ck_assert_int_eq(verify_text(text, len, log, sizeof log), 1);
    ck_assert_msg(strstr(log, "expected wrapped = 9999 at the end, but it is ") != NULL, "%s",
                  log);
    free(text);
    drop_recording();
}
END_TEST

/* Cut off at any byte: read what is whole, never say it verified. */
START_TEST(truncated_anywhere_fails)
{
    char log[4000];
    record_one();
    for (size_t n = 0; n < recording_len; n++) {
        int rc = verify_text(recording, n, log, sizeof log);
        ck_assert_msg(rc == 1 || rc == 2, "cut at byte %zu of %zu: exit %d", n, recording_len,
                      rc);
    }
    drop_recording();
}
END_TEST

START_TEST(changed_scenario_is_refused)
{
    struct sim_config cfg;
    struct scenario sc;
    char text[300];
    ck_assert_int_eq(scenario_load("lab", &sc, err, sizeof err), 0);
    snprintf(text, sizeof text, HEAD "scenario-hash %016llx\n",
             (unsigned long long)scenario_hash(&sc));
    config_for(text, &cfg);
    replay_free(&r);
    snprintf(text, sizeof text, HEAD "scenario-hash %016llx\n",
             (unsigned long long)scenario_hash(&sc) ^ 1u);
    ck_assert_int_eq(parse(text), 0);
    ck_assert_int_eq(replay_config(&r, "t.rpl", &cfg, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "has changed since the replay was made"), "%s", err);
    replay_free(&r);
}
END_TEST

/* The hash sees every field that changes a shift, and not the comments. */
START_TEST(scenario_hash_sees_fields)
{
    struct scenario a, b;
    static const char base[] = "name x\nminutes 3\nphase 0:00 50\nphase 0:10 70\n";
    static const char comment[] = "# hello\nname x   # a name\nminutes 3\n\nphase 0:00 50\n"
                                  "phase 0:10 70\n";
    static const char *const changed[] = {
        "name y\nminutes 3\nphase 0:00 50\nphase 0:10 70\n",
        "name x\nminutes 4\nphase 0:00 50\nphase 0:10 70\n",
        "name x\nminutes 3\nphase 0:00 50\nphase 0:11 70\n",
        "name x\nminutes 3\nphase 0:00 50\nphase 0:10 71\n",
        "name x\nminutes 3\nphase 0:00 50\nphase 0:10 70\nsupervisor every 30\n",
        "name x\nminutes 3\nphase 0:00 50\nphase 0:10 70\nscore stale -1\n",
    };
    ck_assert_int_eq(scenario_parse(base, strlen(base), "a", &a, err, sizeof err), 0);
    ck_assert_int_eq(scenario_parse(comment, strlen(comment), "b", &b, err, sizeof err), 0);
    ck_assert_uint_eq(scenario_hash(&a), scenario_hash(&b));
    for (size_t i = 0; i < sizeof changed / sizeof changed[0]; i++) {
        ck_assert_int_eq(scenario_parse(changed[i], strlen(changed[i]), "c", &b, err,
                                        sizeof err), 0);
        ck_assert_msg(scenario_hash(&a) != scenario_hash(&b), "same hash for: %s", changed[i]);
    }
}
END_TEST

Suite *replay_suite(void)
{
    Suite *s = suite_create("replay");
    TCase *tc = tcase_create("format");
    tcase_add_test(tc, parses_every_line_kind);
    tcase_add_test(tc, defaults_for_a_script);
    tcase_add_loop_test(tc, errors_name_the_line, 0, (int)(sizeof bad / sizeof bad[0]));
    tcase_add_test(tc, nul_byte_is_refused);
    tcase_add_test(tc, last_line_without_newline);
    tcase_add_test(tc, scenario_hash_sees_fields);
    tcase_add_test(tc, changed_scenario_is_refused);
    suite_add_tcase(s, tc);
    tc = tcase_create("player");
    tcase_add_test(tc, repeats_fire_on_schedule);
    tcase_add_test(tc, wrap_types_the_right_letter);
    suite_add_tcase(s, tc);
    tc = tcase_create("recordings");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, recording_verifies);
    tcase_add_test(tc, deleted_input_names_the_tick);
    tcase_add_test(tc, false_expect_names_the_key);
    tcase_add_test(tc, truncated_anywhere_fails);
    suite_add_tcase(s, tc);
    return s;
}
