/* headless.c - the null front end: drives the core with no screen. */
#include "headless.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "shift.h"

int headless_simulate(struct sim *s, const struct sim_config *cfg,
                      bool (*on_second)(const struct sim *s, void *ctx), void *ctx,
                      struct recorder *rec)
{
    if (sim_init(s, cfg) < 0)
        return -1;
    while (s->outcome == OUTCOME_RUNNING) {
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

static bool csv_second(const struct sim *s, void *ctx)
{
    headless_csv_row(s, ctx);
    return !ferror((FILE *)ctx);
}

int headless_run(const struct options *o, const struct scenario *sc)
{
    struct sim_config cfg;
    struct sim s;
    char err[300];
    if (shift_config(o, sc, NULL, false, &cfg, err, sizeof err) < 0) {
        fprintf(stderr, "candyline: %s\n", err);
        return 2;
    }
    struct recorder rec;
    if (o->record && recorder_open(&rec, o->record, &cfg, o->scenario, err, sizeof err) < 0) {
        fprintf(stderr, "candyline: %s\n", err);
        return 2;
    }
    if (o->report == REPORT_CSV)
        report_csv_header(stdout);
    int rc = headless_simulate(&s, &cfg, o->report == REPORT_CSV ? csv_second : NULL, stdout,
                               o->record ? &rec : NULL);
    if (rc < 0) {
        if (o->record)
            recorder_discard(&rec);
        fprintf(stderr, "candyline: out of memory\n");
        return 2;
    }
    if (headless_out_of_memory(&s)) {
        if (o->record)
            recorder_discard(&rec);
        sim_free(&s);
        return 2;
    }
    if (o->record && recorder_finish(&rec, &s, err, sizeof err) < 0) {
        fprintf(stderr, "candyline: %s\n", err);
        sim_free(&s);
        return 2;
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
    char worker[48];
    worker_format(&cfgs[0].worker, worker, sizeof worker);
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
    for (size_t i = 0; i < n; i++) {
        struct sim s;
        if (headless_simulate(&s, &cfgs[i], NULL, NULL, NULL) < 0) {
            fprintf(stderr, "candyline: out of memory\n");
            return 2;
        }
        if (headless_out_of_memory(&s)) {
            sim_free(&s);
            return 2;
        }
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
    if (o->report == REPORT_JSON)
        fputs("]\n", stdout);
    return fflush(stdout) == 0 ? 0 : 2;
}
