/* check_options.c - the command line (SPEC section 5, a contract):
 * options_parse on argv arrays, worker_parse / worker_format and the
 * strict number parsers under them. Complaints on stderr are captured and
 * checked. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../src/app/options.h"
#include "../src/app/parse_number.h"
#include "../src/app/scenario_parse.h"
#include "../src/app/versus_setup.h"
#include "suites.h"

static struct options o;

/* Parses a NULL-terminated list of arguments after the program name. */
static int parse_args(const char *const *args)
{
    char *argv[32];
    int argc = 0;
    static char prog[] = "candyline";
    argv[argc++] = prog;
    while (*args && argc < 31)
        argv[argc++] = (char *)*args++; /* getopt may permute, never writes the strings */
    argv[argc] = NULL;
    return options_parse(argc, argv, &o);
}

#define ARGS(...) ((const char *const[]){__VA_ARGS__, NULL})

START_TEST(defaults)
{
    ck_assert_int_eq(parse_args(ARGS(NULL)), 0);
    ck_assert_int_eq(o.action, ACTION_PLAY);
    ck_assert_str_eq(o.scenario, "classic");
    ck_assert_uint_eq(o.seed, DEFAULT_SEED);
    ck_assert_ptr_null(o.strategy);
    ck_assert(!o.strategy_given && !o.worker_given && !o.arrivals_given && !o.memory_given);
    ck_assert(!o.no_supervisor && !o.headless && !o.ascii);
    ck_assert_uint_eq(o.rate, 0);
    ck_assert_uint_eq(o.minutes, 0);
    ck_assert_int_eq(o.report, REPORT_NONE);
    ck_assert_ptr_null(o.compare);
}
END_TEST

START_TEST(actions)
{
    ck_assert_int_eq(parse_args(ARGS("--help")), 0);
    ck_assert_int_eq(o.action, ACTION_HELP);
    ck_assert_int_eq(parse_args(ARGS("--version")), 0);
    ck_assert_int_eq(o.action, ACTION_VERSION);
    ck_assert_int_eq(parse_args(ARGS("--list-strategies")), 0);
    ck_assert_int_eq(o.action, ACTION_LIST_STRATEGIES);
    ck_assert_int_eq(parse_args(ARGS("--list-scenarios")), 0);
    ck_assert_int_eq(o.action, ACTION_LIST_SCENARIOS);
}
END_TEST

START_TEST(every_option)
{
    ck_assert_int_eq(parse_args(ARGS("--strategy", "drop:8:oldest", "--scenario", "lab",
                                     "--seed", "18446744073709551615", "--worker",
                                     "auto:40:exp", "--rate", "120", "--arrivals", "poisson",
                                     "--no-supervisor", "--minutes", "100000", "--memory", "0",
                                     "--headless", "--report", "json", "--ascii")),
                     0);
    ck_assert_str_eq(o.strategy, "drop:8:oldest");
    ck_assert(o.strategy_given);
    ck_assert_str_eq(o.scenario, "lab");
    ck_assert_uint_eq(o.seed, UINT64_MAX);
    ck_assert(o.worker_given);
    ck_assert_int_eq(o.worker.kind, WORKER_BOT);
    ck_assert_uint_eq(o.worker.rate, 40);
    ck_assert_int_eq(o.worker.service, SERVICE_EXP);
    ck_assert_uint_eq(o.rate, 120);
    ck_assert(o.arrivals_given);
    ck_assert_int_eq(o.arrivals, ARRIVALS_POISSON);
    ck_assert(o.no_supervisor);
    ck_assert_uint_eq(o.minutes, 100000);
    ck_assert(o.memory_given);
    ck_assert_uint_eq(o.memory, 0);
    ck_assert(o.headless);
    ck_assert_int_eq(o.report, REPORT_JSON);
    ck_assert(o.ascii);
    ck_assert_int_eq(o.action, ACTION_PLAY);

    /* --opt=value works too, and the later of two wins. */
    ck_assert_int_eq(parse_args(ARGS("--seed=0", "--seed=7", "--arrivals=fixed", "--memory=60",
                                     "--scenario=./my.scn", "--headless", "--report=csv")),
                     0);
    ck_assert_uint_eq(o.seed, 7);
    ck_assert_int_eq(o.arrivals, ARRIVALS_FIXED);
    ck_assert(o.arrivals_given);
    ck_assert_uint_eq(o.memory, 60);
    ck_assert_str_eq(o.scenario, "./my.scn");
    ck_assert_int_eq(o.report, REPORT_CSV);

    ck_assert_int_eq(parse_args(ARGS("--headless", "--report", "text", "--rate", "1",
                                     "--minutes", "1", "--memory", "100000000")),
                     0);
    ck_assert_int_eq(o.report, REPORT_TEXT);
    ck_assert_uint_eq(o.rate, 1);
    ck_assert_uint_eq(o.memory, 100000000);

    ck_assert_int_eq(parse_args(ARGS("--compare", "unbounded,bounded:5", "--report", "json",
                                     "--worker", "auto:30", "--rate", "3000")),
                     0);
    ck_assert_str_eq(o.compare, "unbounded,bounded:5");
    ck_assert_int_eq(o.worker.kind, WORKER_BOT);
    ck_assert_uint_eq(o.rate, 3000);
}
END_TEST

START_TEST(replay_options)
{
    ck_assert_int_eq(parse_args(ARGS("--replay", "a.rpl", "--headless", "--verify", "--report",
                                     "json")),
                     0);
    ck_assert_str_eq(o.replay, "a.rpl");
    ck_assert(o.verify && o.headless);
    ck_assert_int_eq(parse_args(ARGS("--replay", "a.rpl", "--cast", "a.cast", "--ascii")), 0);
    ck_assert_str_eq(o.cast, "a.cast");
    ck_assert_int_eq(parse_args(ARGS("--record", "b.rpl", "--strategy", "unbounded",
                                     "--headless")),
                     0);
    ck_assert_str_eq(o.record, "b.rpl");
    ck_assert_ptr_null(o.replay);
}
END_TEST

/* Runs parse_args with stderr captured into err_text. */
static char err_text[1024];

static int parse_captured(const char *const *args)
{
    fflush(stderr);
    int saved = dup(2);
    FILE *tmp = tmpfile();
    ck_assert_int_ge(saved, 0);
    ck_assert_ptr_nonnull(tmp);
    dup2(fileno(tmp), 2);
    int rc = parse_args(args);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    rewind(tmp);
    size_t n = fread(err_text, 1, sizeof err_text - 1u, tmp);
    err_text[n] = '\0';
    fclose(tmp);
    return rc;
}

/* --partner: a bot only, shown beside the worker in reports and charts. */
START_TEST(partner_option)
{
    char crew[112];
    ck_assert_int_eq(parse_args(ARGS("--partner", "auto:40:exp")), 0);
    ck_assert_int_eq(o.partner.kind, WORKER_BOT);
    ck_assert_uint_eq(o.partner.rate, 40);
    ck_assert_int_eq(o.partner.service, SERVICE_EXP);
    crew_format(&o.worker, &o.partner, crew, sizeof crew);
    ck_assert_str_eq(crew, "human + partner auto:40:exp");
    ck_assert_int_eq(parse_args(ARGS("--worker", "auto:9")), 0);
    ck_assert_int_ne(o.partner.kind, WORKER_BOT); /* no --partner: none */
    crew_format(&o.worker, &o.partner, crew, sizeof crew);
    ck_assert_str_eq(crew, "auto:9:fixed");
    ck_assert_int_eq(parse_captured(ARGS("--partner", "human")), -1);
    ck_assert_ptr_nonnull(strstr(err_text, "--partner: the partner is a bot"));
    ck_assert_int_eq(parse_captured(ARGS("--partner", "auto:0")), -1);
    ck_assert_ptr_nonnull(strstr(err_text, "--partner: expected"));
    ck_assert_int_eq(parse_captured(ARGS("--replay", "x.rpl", "--partner", "auto:5")), -1);
    ck_assert_ptr_nonnull(strstr(err_text, "--partner"));
}
END_TEST

/* Each of these must fail (the caller then exits 2) with one line on
 * stderr, starting "candyline: " and saying what was wrong. */
static const struct {
    const char *args[5];
    const char *says;
} bad_args[] = {
    {{"--seed", "-1", NULL}, "--seed: expected a whole number"},
    {{"--seed", "abc", NULL}, "'abc'"},
    {{"--seed", "", NULL}, "--seed"},
    {{"--seed", "18446744073709551616", NULL}, "--seed"},
    {{"--seed", " 5", NULL}, "--seed"},
    {{"--seed", "0x10", NULL}, "--seed"},
    {{"--rate", "0", NULL}, "--rate"},
    {{"--rate", "3001", NULL}, "--rate"},
    {{"--rate", "1.5", NULL}, "--rate"},
    {{"--arrivals", "bursty", NULL}, "fixed or poisson"},
    {{"--arrivals", "Fixed", NULL}, "--arrivals"},
    {{"--minutes", "0", NULL}, "--minutes"},
    {{"--minutes", "100001", NULL}, "--minutes"},
    {{"--memory", "100000001", NULL}, "--memory"},
    {{"--memory", "-1", NULL}, "--memory"},
    {{"--worker", "robot", NULL}, "--worker"},
    {{"--worker", "auto:0", NULL}, "auto:RATE"},
    {{"--headless", "--report", "xml", NULL}, "text, json or csv"},
    {{"--report", "json", NULL}, "--headless"}, /* --report needs --headless or --compare */
    {{"--frobnicate", NULL}, "unknown option '--frobnicate'"},
    {{"--seed", NULL}, "--seed needs a value"},
    {{"--no-supervisor", "--strategy", NULL}, "--strategy needs a value"},
    {{"stray", NULL}, "unexpected argument 'stray'"},
    {{"--headless", "stray", NULL}, "unexpected argument 'stray'"},
    {{"--verify", NULL}, "--verify cannot be used with no --replay"},
    {{"--replay", "r.rpl", "--verify", NULL}, "add --headless"},
    {{"--cast", "x.cast", NULL}, "--cast cannot be used with no --replay"},
    {{"--replay", "r.rpl", "--record", "x.rpl"}, "--replay cannot be used with --record"},
    {{"--replay", "r.rpl", "--strategy", "drop:2"}, "the replay file sets up the shift"},
    {{"--replay", "r.rpl", "--seed", "2"}, "--replay cannot be used with --seed"},
    {{"--replay", "r.rpl", "--scenario", "lab"}, "--replay cannot be used with --scenario"},
    {{"--replay", "r.rpl", "--minutes", "3"}, "--replay cannot be used with --minutes"},
    {{"--record", "r.rpl", "--compare", "drop:2"}, "--record cannot be used with --compare"},
    {{"--record", NULL}, "--record needs a value"},
    {{"--headless", "--worker", "human"}, "nobody is at the keyboard"},
    {{"--compare", "drop:2", "--report", "csv"}, "--compare prints a table"},
    {{"--panel", "foo", NULL}, "--panel: expected hidden or shown, not 'foo'"},
    {{"--panel", "Hidden", NULL}, "--panel"},
    {{"--panel", NULL}, "--panel needs a value"},
    {{"--panel", "shown", "--headless", NULL}, "--panel cannot be used with --headless"},
    {{"--panel", "hidden", "--compare", "drop:2"}, "--panel cannot be used with --compare"},
    {{"--versus", "drop:3", NULL}, "--versus: expected two strategies separated by a comma"},
    {{"--versus", "drop:3,", NULL}, "--versus: expected two strategies"},
    {{"--versus", ",drop:3", NULL}, "--versus: expected two strategies"},
    {{"--versus", "drop:3,unbounded,bounded:2", NULL}, "--compare prints a table"},
    {{"--versus", "", NULL}, "--versus: expected two strategies"},
    {{"--versus", "drop:3,unbounded", "--headless", NULL},
     "--versus cannot be used with --headless"},
    {{"--versus", "drop:3,unbounded", "--worker", "human"}, "one keyboard can't play two lines"},
    {{"--versus", "drop:3,unbounded", "--strategy", "drop:2"},
     "--versus cannot be used with --strategy"},
    {{"--versus", "drop:3,unbounded", "--compare", "drop:2"},
     "--versus cannot be used with --compare"},
    {{"--versus", "drop:3,unbounded", "--record", "r.rpl"}, "a recording holds one shift"},
    {{"--versus", "drop:3,unbounded", "--replay", "r.rpl"}, "a replay holds one shift"},
};

START_TEST(bad_values_fail)
{
    const char *const *args = bad_args[_i].args;
    ck_assert_msg(parse_captured(args) == -1, "accepted case %d: %s %s", _i, args[0],
                  args[1] ? args[1] : "");
    ck_assert_msg(strncmp(err_text, "candyline: ", 11) == 0, "stderr: '%s'", err_text);
    ck_assert_msg(strchr(err_text, '\n') == err_text + strlen(err_text) - 1, "not one line: '%s'",
                  err_text);
    ck_assert_msg(strstr(err_text, bad_args[_i].says) != NULL, "'%s' does not say '%s'", err_text,
                  bad_args[_i].says);
}
END_TEST

START_TEST(good_values_are_quiet)
{
    ck_assert_int_eq(parse_captured(ARGS("--seed", "3", "--strategy", "drop:2", "--headless")), 0);
    ck_assert_str_eq(err_text, "");
}
END_TEST

/* getopt_long sets optopt for an unknown short option (-x) and for a long
 * option given a value it does not take (--help=yes) as well as for a
 * missing value, so optopt alone can't tell "unknown" from "needs a value". */
START_TEST(unknown_option_messages)
{
    ck_assert_int_eq(parse_captured(ARGS("-x")), -1);
    ck_assert_msg(strstr(err_text, "needs a value") == NULL, "for -x: '%s'", err_text);
    ck_assert_int_eq(parse_captured(ARGS("--help=yes")), -1);
    ck_assert_msg(strstr(err_text, "needs a value") == NULL, "for --help=yes: '%s'", err_text);
    ck_assert_msg(strstr(err_text, "--help takes no value"), "for --help=yes: '%s'", err_text);
    ck_assert_int_eq(parse_captured(ARGS("--h")), -1);
    ck_assert_msg(strstr(err_text, "'--h' is ambiguous: --headless, --help"), "for --h: '%s'",
                  err_text);
    ck_assert_int_eq(parse_captured(ARGS("--compare", "drop:2", "--strategy", "unbounded")),
                     -1);
    ck_assert_msg(strstr(err_text, "--compare cannot be used with --strategy"), "'%s'",
                  err_text);
}
END_TEST

/* Parsing twice in one process starts afresh (getopt state is reset). */
START_TEST(parse_twice)
{
    ck_assert_int_eq(parse_captured(ARGS("--frobnicate")), -1);
    ck_assert_int_eq(parse_args(ARGS("--seed", "9", "--no-supervisor")), 0);
    ck_assert_uint_eq(o.seed, 9);
    ck_assert(o.no_supervisor);
    ck_assert_int_eq(parse_args(ARGS("--seed", "10")), 0);
    ck_assert_uint_eq(o.seed, 10);
    ck_assert(!o.no_supervisor);
}
END_TEST

/* Found by fuzzing (tests/fuzz/regressions/cmdline): a word of one-letter
 * options such as "-headless" was blamed on the program name ("unknown
 * option 'candyline'"), and left getopt inside the word, so that the next
 * parse refused a good command line. */
START_TEST(single_dash_words)
{
    ck_assert_int_eq(parse_captured(ARGS("-headless")), -1);
    ck_assert_msg(strstr(err_text, "unknown option '-h' (options start with --"), "'%s'",
                  err_text);
    ck_assert_int_eq(parse_captured(ARGS("--headless")), 0);
    ck_assert_str_eq(err_text, "");
    ck_assert(o.headless);
    ck_assert_int_eq(parse_captured(ARGS("--seed", "3", "-\x01")), -1);
    ck_assert_msg(strstr(err_text, "unknown option '-\\x01'"), "'%s'", err_text);
}
END_TEST

START_TEST(panel_and_versus)
{
    ck_assert_int_eq(parse_args(ARGS(NULL)), 0);
    ck_assert_int_eq(o.panel, PANEL_DEFAULT);
    ck_assert_ptr_null(o.versus);
    ck_assert_int_eq(parse_args(ARGS("--panel", "hidden")), 0);
    ck_assert_int_eq(o.panel, PANEL_HIDDEN);
    ck_assert_int_eq(parse_args(ARGS("--panel=shown", "--replay", "a.rpl")), 0);
    ck_assert_int_eq(o.panel, PANEL_SHOWN);
    ck_assert_int_eq(parse_args(ARGS("--versus", "drop:3:oldest,unbounded", "--worker",
                                     "auto:40:exp", "--scenario", "lab", "--panel", "hidden")),
                     0);
    ck_assert_str_eq(o.versus, "drop:3:oldest,unbounded");
    ck_assert_int_eq(o.panel, PANEL_HIDDEN);

    char a[64], b[64], err[200];
    ck_assert_int_eq(versus_split("backpressure:5,drop:2:newest", a, b, sizeof a, err,
                                  sizeof err),
                     0);
    ck_assert_str_eq(a, "backpressure:5");
    ck_assert_str_eq(b, "drop:2:newest");
    char longer[100];
    memset(longer, 'x', sizeof longer - 1u);
    longer[sizeof longer - 1u] = '\0';
    longer[10] = ',';
    ck_assert_int_eq(versus_split(longer, a, b, sizeof a, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "strategy specs"), "'%s'", err);
}
END_TEST

/* --versus builds two configs alike in all but the strategy, with the
 * scenario's bot unless --worker says otherwise; a bad spec names itself. */
START_TEST(versus_configs)
{
    struct scenario sc;
    struct sim_config cfg[2];
    char err[400];
    ck_assert_int_eq(scenario_load("classic", &sc, err, sizeof err), 0);
    ck_assert_int_eq(parse_args(ARGS("--versus", "drop:3:oldest,unbounded", "--seed", "7")), 0);
    ck_assert_int_eq(versus_setup(&o, &sc, cfg, err, sizeof err), 0);
    ck_assert_str_eq(cfg[0].strategy_spec, "drop:3:oldest");
    ck_assert_str_eq(cfg[1].strategy_spec, "unbounded");
    for (int i = 0; i < 2; i++) {
        ck_assert_int_eq(cfg[i].worker.kind, WORKER_BOT);
        ck_assert_uint_eq(cfg[i].worker.rate, sc.bot_rate);
        ck_assert_uint_eq(cfg[i].seed, 7);
        ck_assert_str_eq(cfg[i].scenario.name, "classic");
    }
    ck_assert_int_eq(parse_args(ARGS("--versus", "bounded:2,backpressure:4", "--worker",
                                     "auto:55")),
                     0);
    ck_assert_int_eq(versus_setup(&o, &sc, cfg, err, sizeof err), 0);
    ck_assert_uint_eq(cfg[0].worker.rate, 55);
    ck_assert_uint_eq(cfg[1].worker.rate, 55);
    ck_assert_int_eq(parse_args(ARGS("--versus", "unbounded,drop:0")), 0);
    ck_assert_int_eq(versus_setup(&o, &sc, cfg, err, sizeof err), -1);
    ck_assert_msg(strncmp(err, "--versus: ", 10) == 0 && strstr(err, "drop"), "'%s'", err);
    ck_assert_int_eq(parse_args(ARGS("--versus", "frobnicate,unbounded")), 0);
    ck_assert_int_eq(versus_setup(&o, &sc, cfg, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "frobnicate"), "'%s'", err);
}
END_TEST

START_TEST(worker_forms)
{
    struct worker_config w;
    char err[200], text[48];
    memset(&w, 0xff, sizeof w);
    ck_assert_int_eq(worker_parse("human", &w, err, sizeof err), 0);
    ck_assert_int_eq(w.kind, WORKER_HUMAN);
    worker_format(&w, text, sizeof text);
    ck_assert_str_eq(text, "human");

    ck_assert_int_eq(worker_parse("auto:40", &w, err, sizeof err), 0);
    ck_assert_int_eq(w.kind, WORKER_BOT);
    ck_assert_uint_eq(w.rate, 40);
    ck_assert_int_eq(w.service, SERVICE_FIXED);
    worker_format(&w, text, sizeof text);
    ck_assert_str_eq(text, "auto:40:fixed");

    ck_assert_int_eq(worker_parse("auto:40:exp", &w, err, sizeof err), 0);
    ck_assert_int_eq(w.kind, WORKER_BOT);
    ck_assert_uint_eq(w.rate, 40);
    ck_assert_int_eq(w.service, SERVICE_EXP);
    worker_format(&w, text, sizeof text);
    ck_assert_str_eq(text, "auto:40:exp");

    ck_assert_int_eq(worker_parse("auto:3000:fixed", &w, err, sizeof err), 0);
    ck_assert_uint_eq(w.rate, 3000);
    ck_assert_int_eq(w.service, SERVICE_FIXED);
    ck_assert_int_eq(worker_parse("auto:1", &w, err, sizeof err), 0);
    ck_assert_uint_eq(w.rate, 1);

    /* What worker_format writes, worker_parse reads back. */
    struct worker_config back;
    w.kind = WORKER_BOT, w.rate = 77, w.service = SERVICE_EXP;
    worker_format(&w, text, sizeof text);
    ck_assert_int_eq(worker_parse(text, &back, err, sizeof err), 0);
    ck_assert(back.kind == w.kind && back.rate == w.rate && back.service == w.service);
}
END_TEST

static const char *const bad_workers[] = {
    "", "Human", "humans", "auto", "auto:", "auto:0", "auto:3001", "auto:-5", "auto:+5",
    "auto: 40", "auto:4O", "auto:40:", "auto:40:poisson", "auto:40:exp:x", "auto:40:EXP",
    "auto:12345678901234567890", "bot:40", "auto::exp",
};

START_TEST(bad_workers_fail)
{
    struct worker_config w;
    char err[200] = "";
    ck_assert_msg(worker_parse(bad_workers[_i], &w, err, sizeof err) == -1, "accepted '%s'",
                  bad_workers[_i]);
    ck_assert_msg(strstr(err, "auto:RATE") != NULL, "message '%s' gives no usage", err);
}
END_TEST

START_TEST(numbers)
{
    uint64_t u;
    uint32_t v;
    int32_t i;
    ck_assert(parse_u64("0", 0, 10, &u) && u == 0);
    ck_assert(parse_u64("18446744073709551615", 0, UINT64_MAX, &u) && u == UINT64_MAX);
    ck_assert(!parse_u64("18446744073709551616", 0, UINT64_MAX, &u));
    ck_assert(!parse_u64("99999999999999999999999", 0, UINT64_MAX, &u));
    ck_assert(!parse_u64("", 0, 10, &u));
    ck_assert(!parse_u64(NULL, 0, 10, &u));
    ck_assert(!parse_u64("11", 0, 10, &u));
    ck_assert(!parse_u64("4", 5, 10, &u));
    ck_assert(!parse_u64("+1", 0, 10, &u));
    ck_assert(!parse_u64("1 ", 0, 10, &u));
    ck_assert(parse_u64("007", 0, 10, &u) && u == 7);
    u = 42;
    ck_assert(!parse_u64("x", 0, 10, &u) && u == 42); /* untouched on failure */
    ck_assert(parse_u32("4294967295", 0, UINT32_MAX, &v) && v == UINT32_MAX);
    ck_assert(!parse_u32("4294967296", 0, UINT32_MAX, &v));
    ck_assert(parse_i32("-2147483648", INT32_MIN, INT32_MAX, &i) && i == INT32_MIN);
    ck_assert(parse_i32("2147483647", INT32_MIN, INT32_MAX, &i) && i == INT32_MAX);
    ck_assert(!parse_i32("2147483648", INT32_MIN, INT32_MAX, &i));
    ck_assert(!parse_i32("-2147483649", INT32_MIN, INT32_MAX, &i));
    ck_assert(parse_i32("-5", -10, 10, &i) && i == -5);
    ck_assert(!parse_i32("-11", -10, 10, &i));
    ck_assert(!parse_i32("-", -10, 10, &i));
    ck_assert(!parse_i32("--5", -10, 10, &i));
    ck_assert(!parse_i32("+5", -10, 10, &i));
}
END_TEST

Suite *options_suite(void)
{
    Suite *s = suite_create("options");
    TCase *tc = tcase_create("command_line");
    tcase_add_test(tc, defaults);
    tcase_add_test(tc, actions);
    tcase_add_test(tc, every_option);
    tcase_add_test(tc, partner_option);
    tcase_add_test(tc, replay_options);
    tcase_add_loop_test(tc, bad_values_fail, 0, (int)(sizeof bad_args / sizeof bad_args[0]));
    tcase_add_test(tc, good_values_are_quiet);
    tcase_add_test(tc, unknown_option_messages);
    tcase_add_test(tc, parse_twice);
    tcase_add_test(tc, single_dash_words);
    tcase_add_test(tc, panel_and_versus);
    tcase_add_test(tc, versus_configs);
    suite_add_tcase(s, tc);
    tc = tcase_create("worker");
    tcase_add_test(tc, worker_forms);
    tcase_add_loop_test(tc, bad_workers_fail, 0, (int)(sizeof bad_workers / sizeof bad_workers[0]));
    suite_add_tcase(s, tc);
    tc = tcase_create("numbers");
    tcase_add_test(tc, numbers);
    suite_add_tcase(s, tc);
    return s;
}
