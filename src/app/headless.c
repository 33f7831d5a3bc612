/* headless.c - the null front end: drives the core with no screen. */
#include "headless.h"

#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomic_file.h"
#include "chart.h"
#include "chart_svg.h"
#include "chart_text.h"
#include "report.h"
#include "shift.h"

/* Ctrl-C, SIGTERM, SIGHUP, SIGQUIT: the handler only notes it; the run
 * stops between two ticks, finishes or removes its files, then dies of it. */
static volatile sig_atomic_t stop_signal;

static void note_signal(int sig)
{
    stop_signal = sig;
}

static void catch_signals(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = note_signal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigaction(sigs[i], &sa, NULL);
}

/* Dies of the signal that stopped the run, as if it had never been caught. */
static void die_of_signal(void)
{
    int sig = stop_signal;
    fflush(stdout);
    signal(sig, SIG_DFL);
    raise(sig);
    _exit(128 + sig);
}

int headless_simulate(struct sim *s, const struct sim_config *cfg,
                      bool (*on_second)(const struct sim *s, void *ctx), void *ctx,
                      struct recorder *rec)
{
    if (sim_init(s, cfg) < 0)
        return -1;
    while (s->outcome == OUTCOME_RUNNING && !stop_signal) {
        sim_step(s, NULL);
        if (rec)
            recorder_after_step(rec, s);
        if (on_second && s->tick % TICK_HZ == 0 && !on_second(s, ctx))
            return 0;
    }
    /* The last row of a time series is the end state, even mid-second. */
    if (on_second && s->tick % TICK_HZ != 0)
        (void)on_second(s, ctx);
    return 0;
}

void headless_csv_row(const struct sim *s, FILE *out)
{
    struct series_point p;
    struct series one = {&p, 0, 1};
    (void)series_sample(&one, s);
    report_csv_row(out, &p);
}

bool headless_out_of_memory(const struct sim *s)
{
    if (s->outcome != OUTCOME_NO_MEMORY)
        return false;
    fprintf(stderr, "candyline: out of memory with %u candies waiting in %s after %.1f s of "
                    "game time: this machine cannot hold that buffer\n",
            sim_waiting(s), s->cfg.strategy_spec, (double)s->tick / TICK_HZ);
    return true;
}

/* What a headless run does after each second of game time. */
struct each_second {
    FILE *csv;              /* --report csv goes here, or NULL */
    struct series *series;  /* samples for the charts, or NULL */
    uint32_t every;         /* seconds between samples */
    bool no_memory;         /* a sample found no memory: the run stopped */
};

static bool each_second(const struct sim *s, void *ctx)
{
    struct each_second *e = ctx;
    if (e->series && chart_sample(e->series, s, e->every) < 0) {
        e->no_memory = true;
        return false;
    }
    if (e->csv)
        headless_csv_row(s, e->csv);
    return !e->csv || !ferror(e->csv);
}

/* The chart of one finished shift. */
static struct chart_run chart_run_of(const struct sim *s, const struct series *series)
{
    struct chart_run r = {s->cfg.strategy_spec, series, s->outcome, s->tick};
    return r;
}

int headless_run(const struct options *o, const struct scenario *sc)
{
    catch_signals();
    struct sim_config cfg;
    struct sim s;
    char err[1200];
    if (shift_config(o, sc, NULL, false, &cfg, err, sizeof err) < 0) {
        fprintf(stderr, "candyline: %s\n", err);
        return 2;
    }
    struct atomic_file chart;
    if (o->chart && atomic_open(&chart, o->chart, "--chart", err, sizeof err) < 0) {
        fprintf(stderr, "candyline: %s\n", err);
        return 2;
    }
    struct recorder rec;
    if (o->record && recorder_open(&rec, o->record, &cfg, o->scenario, err, sizeof err) < 0) {
        fprintf(stderr, "candyline: %s\n", err);
        if (o->chart)
            atomic_discard(&chart);
        return 2;
    }
    struct series series;
    series_init(&series);
    struct each_second each = {o->report == REPORT_CSV ? stdout : NULL,
                               o->chart ? &series : NULL, chart_every(cfg.minutes * 60u), false};
    if (o->report == REPORT_CSV)
        report_csv_header(stdout);
    int rc = headless_simulate(&s, &cfg, each.csv || each.series ? each_second : NULL, &each,
                               o->record ? &rec : NULL);
    if (rc == 0 && stop_signal) {
        /* The recording ends as if the player quit; no half chart stays. */
        if (o->record)
            recorder_finish_interrupted(&rec, &s);
        if (o->chart)
            atomic_discard(&chart);
        sim_free(&s);
        series_free(&series);
        die_of_signal();
    }
    if (rc < 0 || each.no_memory) {
        if (o->record)
            recorder_discard(&rec);
        if (o->chart)
            atomic_discard(&chart);
        if (rc == 0)
            sim_free(&s);
        series_free(&series);
        if (rc < 0)
            fprintf(stderr, "candyline: cannot start the shift: strategy %s could not make "
                            "its buffer (its create() returned nothing: out of memory?)\n",
                    cfg.strategy_spec);
        else
            fprintf(stderr, "candyline: out of memory\n");
        return 2;
    }
    if (headless_out_of_memory(&s)) {
        if (o->record)
            recorder_discard(&rec);
        if (o->chart)
            atomic_discard(&chart);
        sim_free(&s);
        series_free(&series);
        return 2;
    }
    if (o->record && recorder_finish(&rec, &s, err, sizeof err) < 0) {
        fprintf(stderr, "candyline: %s\n", err);
        if (o->chart)
            atomic_discard(&chart);
        sim_free(&s);
        series_free(&series);
        return 2;
    }
    if (o->chart) {
        struct chart_setup setup;
        char worker[112];
        chart_setup_from(&setup, &cfg, worker, sizeof worker);
        struct chart_run run = chart_run_of(&s, &series);
        rc = chart_svg_save(&chart, &setup, &run, 1);
        series_free(&series);
        if (rc != 0) {
            sim_free(&s);
            return rc;
        }
    }
    if (o->report == REPORT_JSON)
        report_json(stdout, &s);
    else if (o->report != REPORT_CSV)
        report_text(stdout, &s);
    sim_free(&s);
    return fflush(stdout) == 0 ? 0 : 2;
}

/* ", constant 120/min" when --rate replaced the schedule. */
static const char *rate_note(const struct sim_config *cfg)
{
    static char note[40];
    note[0] = '\0';
    if (cfg->rate_override)
        snprintf(note, sizeof note, ", constant %u/min", cfg->rate_override);
    return note;
}

int compare_run(const struct options *o, const struct scenario *sc)
{
    catch_signals();
    char *list = strdup(o->compare);
    if (!list) {
        fprintf(stderr, "candyline: out of memory\n");
        return 2;
    }
    struct sim_config cfgs[16];
    size_t n = 0;
    char err[300];
    size_t len = strlen(list);
    if (len == 0 || list[0] == ',' || list[len - 1] == ',' || strstr(list, ",,")) {
        fprintf(stderr, "candyline: --compare: expected strategies separated by single commas, "
                        "such as backpressure:5,unbounded, not '%s'\n", o->compare);
        free(list);
        return 2;
    }
    for (char *spec = strtok(list, ","); spec; spec = strtok(NULL, ",")) {
        if (n == sizeof cfgs / sizeof cfgs[0]) {
            fprintf(stderr, "candyline: --compare: at most 16 strategies\n");
            free(list);
            return 2;
        }
        if (shift_config(o, sc, spec, false, &cfgs[n], err, sizeof err) < 0) {
            fprintf(stderr, "candyline: --compare: %s\n", err + strlen("--strategy: "));
            free(list);
            return 2;
        }
        n++;
    }
    free(list);
    if (n == 0) {
        fprintf(stderr, "candyline: --compare: expected a comma-separated list of strategies\n");
        return 2;
    }
    struct atomic_file chart;
    if (o->chart && atomic_open(&chart, o->chart, "--chart", err, sizeof err) < 0) {
        fprintf(stderr, "candyline: %s\n", err);
        return 2;
    }
    char worker[112];
    crew_format(&cfgs[0].worker, &cfgs[0].partner, worker, sizeof worker);
    if (o->report == REPORT_JSON)
        fputs("[\n", stdout);
    else
        printf("Scenario %s, worker %s, seed %" PRIu64 ", %u minutes, %s arrivals%s%s\n\n"
               "%-22s %-9s %7s %7s %7s %6s %7s %8s %8s %7s\n",
               sc->name, worker, o->seed, cfgs[0].minutes,
               cfgs[0].arrivals == ARRIVALS_FIXED ? "fixed" : "poisson",
               cfgs[0].supervisor ? "" : ", no supervisor", rate_note(&cfgs[0]), "strategy",
               "outcome", "made",
               "wrapped", "eaten", "stale", "max buf", "mean s", "p99 s", "score");
    /* The charts need each shift's series: the text one under the table,
     * the SVG with --chart. */
    bool charts = o->chart || o->report != REPORT_JSON;
    struct series series[16];
    struct chart_run runs[16];
    struct chart_setup setup;
    bool chart_open = o->chart != NULL;
    int status = 0;
    for (size_t i = 0; i < n; i++)
        series_init(&series[i]);
    for (size_t i = 0; i < n; i++) {
        struct sim s;
        struct each_second each = {NULL, charts ? &series[i] : NULL,
                                   chart_every(cfgs[i].minutes * 60u), false};
        int rc = headless_simulate(&s, &cfgs[i], charts ? each_second : NULL, &each, NULL);
        if (rc == 0 && stop_signal) {
            if (o->chart)
                atomic_discard(&chart);
            die_of_signal();
        }
        if (rc < 0 || each.no_memory) {
            if (rc == 0)
                sim_free(&s);
            if (rc < 0)
                fprintf(stderr, "candyline: cannot start the shift: strategy %s could not make "
                                "its buffer (its create() returned nothing: out of memory?)\n",
                        cfgs[i].strategy_spec);
            else
                fprintf(stderr, "candyline: out of memory\n");
            status = 2;
            goto out;
        }
        if (headless_out_of_memory(&s)) {
            sim_free(&s);
            status = 2;
            goto out;
        }
        runs[i] = chart_run_of(&s, &series[i]);
        runs[i].strategy = cfgs[i].strategy_spec; /* s.cfg goes with s */
        if (o->report == REPORT_JSON) {
            report_json(stdout, &s);
            if (i + 1 < n)
                fputs(",\n", stdout);
        } else {
            struct report_figures f;
            report_figures(&s, &f);
            printf("%-22s %-9s %7" PRIu64 " %7" PRIu64 " %7" PRIu64 " %6" PRIu64 " %7u %8.2f "
                   "%8.2f %7" PRId64 "\n",
                   s.cfg.strategy_spec, outcome_name(s.outcome), s.stats.produced,
                   s.stats.wrapped, s.stats.dropped, s.stats.stale, s.stats.buffer_max,
                   f.wait_mean_s, f.wait_p99_s, sim_score(&s));
        }
        sim_free(&s);
    }
    chart_setup_from(&setup, &cfgs[0], worker, sizeof worker);
    if (o->report == REPORT_JSON)
        fputs("]\n", stdout);
    else
        chart_text(stdout, &setup, runs, n, !o->ascii && chart_text_utf8_locale());
    if (chart_open) {
        status = chart_svg_save(&chart, &setup, runs, n);
        chart_open = false; /* saved, or discarded */
    }
out:
    if (chart_open)
        atomic_discard(&chart);
    for (size_t i = 0; i < n; i++)
        series_free(&series[i]);
    if (status)
        return status;
    return fflush(stdout) == 0 ? 0 : 2;
}
