/* options.c - getopt_long over the contract options, with a message naming
 * the option and what was expected for every bad value. */
#include "options.h"

#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parse_number.h"

enum {
    OPT_STRATEGY = 256, OPT_SCENARIO, OPT_SEED, OPT_WORKER, OPT_RATE, OPT_ARRIVALS,
    OPT_NO_SUPERVISOR, OPT_MINUTES, OPT_MEMORY, OPT_HEADLESS, OPT_REPORT, OPT_COMPARE,
    OPT_LIST_STRATEGIES, OPT_LIST_SCENARIOS, OPT_RECORD, OPT_REPLAY, OPT_VERIFY, OPT_ASCII,
    OPT_HELP, OPT_VERSION, OPT_CAST, OPT_PARTNER, OPT_PANEL, OPT_VERSUS, OPT_CHART,
    OPT_STRATEGY_PLUGIN,
};

static const struct option long_options[] = {
    {"strategy", required_argument, NULL, OPT_STRATEGY},
    {"scenario", required_argument, NULL, OPT_SCENARIO},
    {"seed", required_argument, NULL, OPT_SEED},
    {"worker", required_argument, NULL, OPT_WORKER},
    {"partner", required_argument, NULL, OPT_PARTNER},
    {"rate", required_argument, NULL, OPT_RATE},
    {"arrivals", required_argument, NULL, OPT_ARRIVALS},
    {"no-supervisor", no_argument, NULL, OPT_NO_SUPERVISOR},
    {"minutes", required_argument, NULL, OPT_MINUTES},
    {"memory", required_argument, NULL, OPT_MEMORY},
    {"headless", no_argument, NULL, OPT_HEADLESS},
    {"report", required_argument, NULL, OPT_REPORT},
    {"compare", required_argument, NULL, OPT_COMPARE},
    {"list-strategies", no_argument, NULL, OPT_LIST_STRATEGIES},
    {"list-scenarios", no_argument, NULL, OPT_LIST_SCENARIOS},
    {"record", required_argument, NULL, OPT_RECORD},
    {"replay", required_argument, NULL, OPT_REPLAY},
    {"verify", no_argument, NULL, OPT_VERIFY},
    {"cast", required_argument, NULL, OPT_CAST},
    {"chart", required_argument, NULL, OPT_CHART},
    {"ascii", no_argument, NULL, OPT_ASCII},
    {"panel", required_argument, NULL, OPT_PANEL},
    {"versus", required_argument, NULL, OPT_VERSUS},
    {"strategy-plugin", required_argument, NULL, OPT_STRATEGY_PLUGIN},
    {"help", no_argument, NULL, OPT_HELP},
    {"version", no_argument, NULL, OPT_VERSION},
    {NULL, 0, NULL, 0},
};

void options_print_help(void)
{
    fputs(
        "Usage: candyline [OPTION]...\n"
        "A terminal game about a candy conveyor belt that keeps speeding up:\n"
        "push vs pull, buffers and backpressure, made playable.\n"
        "\n"
        "  --strategy SPEC        overflow strategy (default backpressure:5); see\n"
        "                         --list-strategies\n"
        "  --strategy-plugin FILE.so  load a strategy built outside the tree (it\n"
        "                         exports candyline_strategy; see README); then\n"
        "                         --strategy NAME uses it. Repeat for more (up to 4)\n"
        "  --scenario NAME|PATH   built-in scenario, a scenario file, or NAME.scn in the\n"
        "                         data directory's scenarios/ (default classic)\n"
        "  --seed N               PRNG seed (default 1: a plain run is reproducible)\n"
        "  --worker human|auto:RATE[:fixed|exp]\n"
        "                         who wraps: you, or a bot wrapping RATE candies per\n"
        "                         minute with fixed or exponential times (default fixed)\n"
        "  --partner auto:RATE[:fixed|exp]\n"
        "                         a second worker, a bot, who takes the next candy\n"
        "                         whenever your hands are full (the sketch has two)\n"
        "  --rate PER_MIN         constant production rate, overriding the schedule\n"
        "  --arrivals fixed|poisson  spacing of candies (default: the scenario's)\n"
        "  --no-supervisor        she never visits, the belt never speeds up\n"
        "  --minutes M            length of the shift (default: the scenario's)\n"
        "  --memory N             candies the hats hold before they burst (0 = no limit)\n"
        "  --headless             no terminal: simulate as fast as possible\n"
        "  --report text|json|csv  what --headless prints (csv: one row per second)\n"
        "  --compare SPEC,SPEC,...  run each strategy on the same shift; print a table\n"
        "                         and each one's true backlog as a line of text\n"
        "  --chart FILE.svg       with --headless or --compare: also draw the shift (the\n"
        "                         true and the seen backlog, drops, belt rate) as an SVG\n"
        "  --versus SPEC,SPEC     two strategies on one screen, one line each: the same\n"
        "                         shift and a bot worker (default: the scenario's bot)\n"
        "  --panel hidden|shown   the supervisor panel at the start of each shift;\n"
        "                         hidden keeps it hidden for the round (Tab is off)\n"
        "  --record FILE          record the shift as a replay (written as it goes)\n"
        "  --replay FILE          play a replay back (on screen, or with --headless)\n"
        "  --verify               with --replay --headless: check its checksums and\n"
        "                         expectations; exit 1 naming the first difference\n"
        "  --cast FILE            with --replay: write an asciicast v2 recording of it\n"
        "  --list-strategies      the strategies, their lessons and real-world analogues\n"
        "  --list-scenarios       the built-in scenarios, then the data directory's\n"
        "  --ascii                ASCII glyphs only\n"
        "  --help                 this text\n"
        "  --version              the version\n"
        "\n"
        "Keys in the game: the letter on the candy wraps it, Tab supervisor panel,\n"
        "p pause, ? help, q end the shift (q again leaves); with a bot worker +/- set\n"
        "the speed (x1 to x32). In --versus: p or Space pause, +/- speed, q summary.\n"
        "Exit status: 0 success, 1 a verification failed, 2 bad usage or bad input.\n",
        stdout);
}

static const char *const known_services[] = {"fixed", "exp"};

int worker_parse(const char *text, struct worker_config *w, char *err, unsigned long errlen)
{
    const char *usage = "expected human or auto:RATE[:fixed|exp] with RATE in candies "
                        "per minute from 1 to 3000";
    if (strcmp(text, "human") == 0) {
        w->kind = WORKER_HUMAN;
        w->rate = 0;
        w->service = SERVICE_FIXED;
        return 0;
    }
    if (strncmp(text, "auto:", 5) != 0) {
        snprintf(err, errlen, "%s, not '%s'", usage, text);
        return -1;
    }
    char rate[16];
    const char *p = text + 5, *colon = strchr(p, ':');
    size_t n = colon ? (size_t)(colon - p) : strlen(p);
    w->service = SERVICE_FIXED;
    if (n >= sizeof rate) {
        snprintf(err, errlen, "%s, not '%s'", usage, text);
        return -1;
    }
    memcpy(rate, p, n);
    rate[n] = '\0';
    if (!parse_u32(rate, 1, SCENARIO_MAX_RATE, &w->rate)) {
        snprintf(err, errlen, "%s, not '%s'", usage, text);
        return -1;
    }
    if (colon) {
        if (strcmp(colon + 1, known_services[0]) == 0) {
            w->service = SERVICE_FIXED;
        } else if (strcmp(colon + 1, known_services[1]) == 0) {
            w->service = SERVICE_EXP;
        } else {
            snprintf(err, errlen, "%s, not '%s' (wrap times are fixed or exp)", usage, text);
            return -1;
        }
    }
    w->kind = WORKER_BOT;
    return 0;
}

void worker_format(const struct worker_config *w, char *buf, unsigned long len)
{
    if (w->kind == WORKER_HUMAN)
        snprintf(buf, len, "human");
    else
        snprintf(buf, len, "auto:%u:%s", w->rate, known_services[w->service]);
}

void crew_format(const struct worker_config *w, const struct worker_config *partner, char *buf,
                 unsigned long len)
{
    char one[48], two[48];
    worker_format(w, one, sizeof one);
    if (partner->kind != WORKER_BOT) {
        snprintf(buf, len, "%s", one);
        return;
    }
    worker_format(partner, two, sizeof two);
    snprintf(buf, len, "%s + partner %s", one, two);
}

int versus_split(const char *list, char *a, char *b, unsigned long len, char *err,
                 unsigned long errlen)
{
    const char *comma = strchr(list, ',');
    if (!comma || comma == list || !comma[1] || strchr(comma + 1, ',')) {
        snprintf(err, errlen, "expected two strategies separated by a comma, such as "
                              "backpressure:5,unbounded, not '%s'%s", list,
                 comma && strchr(comma + 1, ',') ? " (for more, --compare prints a table)" : "");
        return -1;
    }
    size_t na = (size_t)(comma - list), nb = strlen(comma + 1);
    if (na >= len || nb >= len) {
        snprintf(err, errlen, "expected two strategy specs such as drop:5:oldest, not a "
                              "%zu-character one", na > nb ? na : nb);
        return -1;
    }
    memcpy(a, list, na);
    a[na] = '\0';
    memcpy(b, comma + 1, nb + 1);
    return 0;
}

static int bad(const char *option, const char *expected, const char *got)
{
    fprintf(stderr, "candyline: %s: expected %s, not '%s'\n", option, expected, got);
    return -1;
}

static int parse_one(int c, const char *arg, struct options *o)
{
    char err[200];
    switch (c) {
    case OPT_STRATEGY:
        o->strategy = arg;
        o->strategy_given = true;
        return 0;
    case OPT_SCENARIO:
        o->scenario = arg;
        o->scenario_given = true;
        return 0;
    case OPT_SEED:
        o->seed_given = true;
        return parse_u64(arg, 0, UINT64_MAX, &o->seed) ? 0
               : bad("--seed", "a whole number from 0 to 18446744073709551615", arg);
    case OPT_WORKER:
        if (worker_parse(arg, &o->worker, err, sizeof err) < 0) {
            fprintf(stderr, "candyline: --worker: %s\n", err);
            return -1;
        }
        o->worker_given = true;
        return 0;
    case OPT_PARTNER:
        if (worker_parse(arg, &o->partner, err, sizeof err) < 0 ||
            o->partner.kind != WORKER_BOT) {
            fprintf(stderr, "candyline: --partner: %s\n",
                    o->partner.kind != WORKER_BOT && strcmp(arg, "human") == 0
                        ? "the partner is a bot: expected auto:RATE[:fixed|exp]"
                        : err);
            return -1;
        }
        return 0;
    case OPT_RATE:
        return parse_u32(arg, 1, SCENARIO_MAX_RATE, &o->rate) ? 0
               : bad("--rate", "candies per minute from 1 to 3000", arg);
    case OPT_ARRIVALS:
        if (strcmp(arg, "fixed") && strcmp(arg, "poisson"))
            return bad("--arrivals", "fixed or poisson", arg);
        o->arrivals = arg[0] == 'f' ? ARRIVALS_FIXED : ARRIVALS_POISSON;
        o->arrivals_given = true;
        return 0;
    case OPT_NO_SUPERVISOR:
        o->no_supervisor = true;
        return 0;
    case OPT_MINUTES:
        return parse_u32(arg, 1, SCENARIO_MAX_MINUTES, &o->minutes) ? 0
               : bad("--minutes", "a whole number of minutes from 1 to 100000", arg);
    case OPT_MEMORY:
        o->memory_given = true;
        return parse_u32(arg, 0, STRATEGY_MAX_CAPACITY, &o->memory) ? 0
               : bad("--memory", "candies from 0 (no limit) to 100000000", arg);
    case OPT_HEADLESS:
        o->headless = true;
        return 0;
    case OPT_REPORT:
        if (strcmp(arg, "text") == 0)
            o->report = REPORT_TEXT;
        else if (strcmp(arg, "json") == 0)
            o->report = REPORT_JSON;
        else if (strcmp(arg, "csv") == 0)
            o->report = REPORT_CSV;
        else
            return bad("--report", "text, json or csv", arg);
        return 0;
    case OPT_COMPARE:
        o->compare = arg;
        return 0;
    case OPT_LIST_STRATEGIES:
        o->action = ACTION_LIST_STRATEGIES;
        return 0;
    case OPT_LIST_SCENARIOS:
        o->action = ACTION_LIST_SCENARIOS;
        return 0;
    case OPT_RECORD:
        o->record = arg;
        return 0;
    case OPT_REPLAY:
        o->replay = arg;
        return 0;
    case OPT_VERIFY:
        o->verify = true;
        return 0;
    case OPT_CAST:
        o->cast = arg;
        return 0;
    case OPT_CHART:
        o->chart = arg;
        return 0;
    case OPT_ASCII:
        o->ascii = true;
        return 0;
    case OPT_PANEL:
        if (strcmp(arg, "hidden") == 0)
            o->panel = PANEL_HIDDEN;
        else if (strcmp(arg, "shown") == 0)
            o->panel = PANEL_SHOWN;
        else
            return bad("--panel", "hidden or shown", arg);
        return 0;
    case OPT_VERSUS: {
        char a[64], b[64];
        if (versus_split(arg, a, b, sizeof a, err, sizeof err) < 0) {
            fprintf(stderr, "candyline: --versus: %s\n", err);
            return -1;
        }
        o->versus = arg;
        return 0;
    }
    case OPT_STRATEGY_PLUGIN:
        if (o->nplugins == OPTIONS_MAX_PLUGINS) {
            fprintf(stderr, "candyline: --strategy-plugin: at most %d plugins, not '%s'\n",
                    OPTIONS_MAX_PLUGINS, arg);
            return -1;
        }
        o->plugins[o->nplugins++] = arg;
        return 0;
    case OPT_HELP:
        o->action = ACTION_HELP;
        return 0;
    case OPT_VERSION:
        o->action = ACTION_VERSION;
        return 0;
    }
    fprintf(stderr, "candyline: unknown option (try --help)\n");
    return -1;
}

/* Why getopt refused a word: a value given to an option that takes none,
 * an abbreviation that fits several options, or no such option. */
static void explain_unknown(const char *word)
{
    const char *eq = strchr(word, '=');
    size_t len = eq ? (size_t)(eq - word) : strlen(word);
    char names[200] = "";
    int matches = 0;
    if (strncmp(word, "--", 2) == 0 && len > 2) {
        for (const struct option *opt = long_options; opt->name; opt++) {
            if (strncmp(opt->name, word + 2, len - 2) != 0)
                continue;
            if (eq && strlen(opt->name) == len - 2 && opt->has_arg == no_argument) {
                fprintf(stderr, "candyline: --%s takes no value (try --help)\n", opt->name);
                return;
            }
            size_t used = strlen(names);
            snprintf(names + used, sizeof names - used, "%s--%s", matches ? ", " : "", opt->name);
            matches++;
        }
    }
    if (matches > 1)
        fprintf(stderr, "candyline: '%.*s' is ambiguous: %s (try --help)\n", (int)len, word,
                names);
    else
        fprintf(stderr, "candyline: unknown option '%s' (try --help)\n", word);
}

static int conflict(const char *a, const char *b, const char *why)
{
    fprintf(stderr, "candyline: %s cannot be used with %s: %s\n", a, b, why);
    return -1;
}

/* --panel and --versus: on screen only, and versus is two bots' shifts. */
static int check_screen_options(const struct options *o)
{
    if (o->panel != PANEL_DEFAULT && o->headless)
        return conflict("--panel", "--headless", "there is no screen");
    if (o->panel != PANEL_DEFAULT && o->compare)
        return conflict("--panel", "--compare", "--compare prints a table");
    if (!o->versus)
        return 0;
    if (o->headless)
        return conflict("--versus", "--headless", "it plays on screen; --compare prints the "
                                                  "same comparison as a table");
    if (o->compare)
        return conflict("--versus", "--compare", "pick one");
    if (o->strategy_given)
        return conflict("--versus", "--strategy", "the list after --versus names the "
                                                  "strategies");
    if (o->record)
        return conflict("--versus", "--record", "a recording holds one shift");
    if (o->replay)
        return conflict("--versus", "--replay", "a replay holds one shift");
    if (o->worker_given && o->worker.kind == WORKER_HUMAN)
        return conflict("--versus", "--worker human", "one keyboard can't play two lines; use "
                                                      "--worker auto:RATE (default: the "
                                                      "scenario's bot rate)");
    return 0;
}

/* --record, --replay, --verify and --cast: what goes with what. */
static int check_replay_options(const struct options *o)
{
    if (o->verify && !o->replay)
        return conflict("--verify", "no --replay", "it checks a replay (--replay FILE --headless "
                                                   "--verify)");
    if (o->verify && !o->headless)
        return conflict("--verify", "an on-screen replay", "add --headless");
    if (o->cast && !o->replay)
        return conflict("--cast", "no --replay", "it films a replay (--replay FILE --cast OUT)");
    if (o->cast && o->headless)
        return conflict("--cast", "--headless", "--cast already runs without a terminal");
    if (o->compare && o->strategy_given)
        return conflict("--compare", "--strategy", "the list after --compare names the "
                                                   "strategies");
    if (o->record && o->compare)
        return conflict("--record", "--compare", "a recording holds one shift");
    if (o->replay && o->compare)
        return conflict("--replay", "--compare", "a replay holds one shift");
    if (o->replay && o->record)
        return conflict("--replay", "--record", "the replay is already a recording");
    if (!o->replay)
        return 0;
    static const char why[] = "the replay file sets up the shift";
    if (o->strategy_given)
        return conflict("--replay", "--strategy", why);
    if (o->scenario_given)
        return conflict("--replay", "--scenario", why);
    if (o->seed_given)
        return conflict("--replay", "--seed", why);
    if (o->worker_given)
        return conflict("--replay", "--worker", why);
    if (o->partner.kind == WORKER_BOT)
        return conflict("--replay", "--partner", why);
    if (o->rate)
        return conflict("--replay", "--rate", why);
    if (o->arrivals_given)
        return conflict("--replay", "--arrivals", why);
    if (o->no_supervisor)
        return conflict("--replay", "--no-supervisor", why);
    if (o->minutes)
        return conflict("--replay", "--minutes", why);
    if (o->memory_given)
        return conflict("--replay", "--memory", why);
    return 0;
}

/* The same file by name, or by what the names lead to. */
static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (strcmp(a, b) == 0)
        return true;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino && S_ISREG(sa.st_mode);
}

/* A file the run writes must not be one it reads, nor another it writes:
 * the second would replace the first. */
static int check_files(const struct options *o)
{
    const struct {
        const char *option, *path;
    } out[] = {{"--record", o->record}, {"--chart", o->chart}, {"--cast", o->cast}};
    const size_t nout = sizeof out / sizeof out[0];
    for (size_t i = 0; i < nout; i++) {
        if (!out[i].path)
            continue;
        for (size_t j = i + 1; j < nout; j++)
            if (out[j].path && same_file(out[i].path, out[j].path)) {
                fprintf(stderr, "candyline: %s and %s both name %s: expected two files\n",
                        out[i].option, out[j].option, out[i].path);
                return -1;
            }
        const char *in[OPTIONS_MAX_PLUGINS + 2] = {o->replay, o->scenario};
        const char *in_option[OPTIONS_MAX_PLUGINS + 2] = {"--replay", "--scenario"};
        size_t nin = 2;
        for (unsigned k = 0; k < o->nplugins; k++, nin++) {
            in[nin] = o->plugins[k];
            in_option[nin] = "--strategy-plugin";
        }
        for (size_t j = 0; j < nin; j++)
            if (in[j] && (j != 1 || strchr(in[j], '/') || access(in[j], F_OK) == 0) &&
                same_file(out[i].path, in[j])) {
                fprintf(stderr, "candyline: %s %s would overwrite the %s file it reads; "
                                "expected another name\n",
                        out[i].option, out[i].path, in_option[j]);
                return -1;
            }
    }
    return 0;
}

int options_parse(int argc, char **argv, struct options *o)
{
    memset(o, 0, sizeof *o);
    o->scenario = "classic";
    o->seed = DEFAULT_SEED;
    o->action = ACTION_PLAY;
    opterr = 0;
    /* 0, not 1: getopt then also forgets where it was inside a word of
     * one-letter options ("-xy"), which a parse that stopped there leaves
     * pointing into the old argv (glibc, musl and the BSDs all reset on 0). */
    optind = 0;
    for (;;) {
        /* The leading ':' makes a missing value ':' and anything else '?'. */
        int c = getopt_long(argc, argv, ":", long_options, NULL);
        if (c == -1)
            break;
        if (c == ':') {
            fprintf(stderr, "candyline: %s needs a value (try --help)\n", argv[optind - 1]);
            return -1;
        }
        if (c == '?' && optopt != 0 && optopt < 256) {
            /* A one-letter option: "-headless" fails on its h, and optind
             * only moves past the word once all its letters are read. */
            unsigned char letter = (unsigned char)optopt;
            if (isprint(letter))
                fprintf(stderr, "candyline: unknown option '-%c' (options start with --; try "
                                "--help)\n", letter);
            else
                fprintf(stderr, "candyline: unknown option '-\\x%02x' (options start with --; "
                                "try --help)\n", letter);
            return -1;
        }
        if (c == '?') {
            explain_unknown(argv[optind - 1]);
            return -1;
        }
        if (parse_one(c, optarg, o) < 0)
            return -1;
    }
    if (optind < argc) {
        fprintf(stderr, "candyline: unexpected argument '%s' (options start with --; try "
                        "--help)\n", argv[optind]);
        return -1;
    }
    if (o->report != REPORT_NONE && !o->headless && !o->compare) {
        fprintf(stderr, "candyline: --report goes with --headless\n");
        return -1;
    }
    if (o->chart && !o->headless && !o->compare) {
        fprintf(stderr, "candyline: --chart goes with --headless or --compare (or --replay "
                        "FILE --headless)\n");
        return -1;
    }
    if (o->compare && o->report == REPORT_CSV) {
        fprintf(stderr, "candyline: --compare prints a table (text) or --report json; for a "
                        "time series run each strategy with --headless --report csv\n");
        return -1;
    }
    if ((o->headless || o->compare) && !o->replay && o->worker_given &&
        o->worker.kind == WORKER_HUMAN) {
        fprintf(stderr, "candyline: --worker human: nobody is at the keyboard in a headless "
                        "run; use --worker auto:RATE, or --replay a recorded game\n");
        return -1;
    }
    if (check_screen_options(o) < 0)
        return -1;
    if (check_files(o) < 0)
        return -1;
    return check_replay_options(o);
}
