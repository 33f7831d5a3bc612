/* replay_play.c - feeds a replay's inputs to the simulation and checks its
 * checksums, expectations and end line (see replay_play.h). */
#include "replay_play.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "atomic_file.h"
#include "chart_svg.h"
#include "headless.h"
#include "parse_number.h"
#include "report.h"
#include "version.h"

int replay_player_init(struct replay_player *p, const struct replay *r, FILE *log)
{
    memset(p, 0, sizeof *p);
    p->r = r;
    p->log = log;
    p->end_ok = true;
    size_t n = 0;
    for (size_t i = 0; i < r->nevents; i++)
        n += r->events[i].every > 0;
    p->repeats = malloc((n ? n : 1u) * sizeof *p->repeats);
    return p->repeats ? 0 : -1;
}

void replay_player_free(struct replay_player *p)
{
    free(p->repeats);
    p->repeats = NULL;
}

static void say(struct replay_player *p, unsigned line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* A difference, as FILE:LINE: what. */
static void say(struct replay_player *p, unsigned line, const char *fmt, ...)
{
    if (!p->log)
        return;
    va_list ap;
    va_start(ap, fmt);
    fprintf(p->log, "candyline: %s:%u: ", p->r->file, line);
    vfprintf(p->log, fmt, ap);
    fputc('\n', p->log);
    va_end(ap);
}

static const char *const op_text[] = {"=", "!=", "<", "<=", ">", ">="};

static bool holds(int cmp, enum replay_op op)
{
    switch (op) {
    case OP_EQ:
        return cmp == 0;
    case OP_NE:
        return cmp != 0;
    case OP_LT:
        return cmp < 0;
    case OP_LE:
        return cmp <= 0;
    case OP_GT:
        return cmp > 0;
    case OP_GE:
        return cmp >= 0;
    }
    return false;
}

/* Compares the field with the expectation. Returns 1 if it holds, 0 if not,
 * -1 if the expectation makes no sense for this key (with why). */
static int expectation_holds(const struct report_field *f, const struct replay_expect *e,
                             const char **why)
{
    char actual[64], want[64];
    report_format_value(f, actual, sizeof actual);
    switch (f->kind) {
    case VALUE_TEXT:
    case VALUE_BOOL:
        if (e->op != OP_EQ && e->op != OP_NE) {
            *why = "this key is text: only = and != compare it";
            return -1;
        }
        return holds(strcasecmp(actual, e->value) == 0 ? 0 : 1, e->op);
    case VALUE_UINT: {
        uint64_t a = f->u, b;
        if (!parse_u64(e->value, 0, UINT64_MAX, &b)) {
            *why = "this key is a whole number";
            return -1;
        }
        return holds(a < b ? -1 : a > b, e->op);
    }
    case VALUE_INT: {
        int32_t b;
        if (!parse_i32(e->value, INT32_MIN, INT32_MAX, &b)) {
            *why = "this key is a whole number";
            return -1;
        }
        return holds(f->i < b ? -1 : f->i > b, e->op);
    }
    case VALUE_REAL: {
        char *end;
        double b = strtod(e->value, &end);
        if (end == e->value || *end) {
            *why = "this key is a number";
            return -1;
        }
        /* Equal means equal as --report json prints both. */
        snprintf(want, sizeof want, "%.*f", f->decimals, b);
        double a = strtod(actual, NULL);
        b = strtod(want, NULL);
        return holds(strcmp(actual, want) == 0 ? 0 : a < b ? -1 : 1, e->op);
    }
    }
    return -1;
}

/* Returns false if the key or value is unusable (reported). */
static bool expect(struct replay_player *p, const struct sim *s, const struct replay_expect *e,
                   unsigned line, const char *when)
{
    struct report rep;
    report_build(s, &rep);
    const struct report_field *f = report_find(&rep, e->key);
    p->expects++;
    if (!f) {
        p->expects_failed++;
        say(p, line, "expect: no report key '%s' (see --report json for the keys)", e->key);
        return false;
    }
    const char *why = NULL;
    int ok = expectation_holds(f, e, &why);
    if (ok == 1)
        return true;
    char actual[64];
    report_format_value(f, actual, sizeof actual);
    p->expects_failed++;
    if (ok < 0)
        say(p, line, "expect %s %s %s: %s", e->key, op_text[e->op], e->value, why);
    else
        say(p, line, "expected %s %s %s %s, but it is %s", e->key, op_text[e->op], e->value,
            when, actual);
    return true;
}

static void at_tick(struct replay_player *p, const struct sim *s, const struct replay_event *e)
{
    char when[48], t[32];
    replay_format_tick(t, sizeof t, e->tick);
    snprintf(when, sizeof when, "at tick %" PRIu64 " (%s)", e->tick, t);
    if (e->kind == REV_EXPECT) {
        expect(p, s, &e->expect, e->line, when);
        return;
    }
    if (e->kind != REV_CHECK)
        return;
    p->checks++;
    uint64_t h = sim_state_hash(s);
    if (h == e->hash || p->diverged)
        return;
    p->diverged = true;
    p->diverged_tick = e->tick;
    say(p, e->line, "the shift diverged %s: state hash %016" PRIx64 ", but the replay has %016"
        PRIx64, when, h, e->hash);
}

static void add_key(struct sim_input *in, char key)
{
    if (in->nkeys < SIM_MAX_KEYS)
        in->keys[in->nkeys++] = key;
}

static void act(const struct replay_event *e, const struct sim *s, struct sim_input *in)
{
    if (e->kind == REV_KEYS) {
        for (const char *k = e->keys; *k; k++)
            add_key(in, *k);
    } else if (e->kind == REV_WRAP) {
        const struct worker *w = &s->worker;
        if (s->cfg.worker.kind == WORKER_HUMAN && w->busy && w->phase == HANDS_HOLDING)
            add_key(in, w->letter);
    } else if (e->kind == REV_QUIT) {
        in->end_shift = true;
    }
}

void replay_player_before_step(struct replay_player *p, const struct sim *s,
                               struct sim_input *in)
{
    const struct replay *r = p->r;
    memset(in, 0, sizeof *in);
    for (; p->next < r->nevents && r->events[p->next].tick <= s->tick; p->next++) {
        const struct replay_event *e = &r->events[p->next];
        if (e->every)
            p->repeats[p->nrepeats++] = p->next;
        else if (e->kind == REV_CHECK || e->kind == REV_EXPECT)
            at_tick(p, s, e);
        else
            act(e, s, in);
    }
    for (size_t i = 0; i < p->nrepeats; i++) {
        const struct replay_event *e = &r->events[p->repeats[i]];
        if (s->tick <= e->until && (s->tick - e->tick) % e->every == 0)
            act(e, s, in);
    }
}

bool replay_player_finish(struct replay_player *p, const struct sim *s)
{
    const struct replay *r = p->r;
    char t[32];
    /* Checks and expectations due exactly at the end are met now; any
     * later one says the shift ended too soon. */
    for (; p->next < r->nevents; p->next++) {
        const struct replay_event *e = &r->events[p->next];
        if (e->kind != REV_CHECK && e->kind != REV_EXPECT)
            continue;
        if (e->tick == s->tick) {
            at_tick(p, s, e);
            continue;
        }
        replay_format_tick(t, sizeof t, s->tick);
        if (e->kind == REV_CHECK) {
            p->checks++;
            if (!p->diverged) {
                p->diverged = true;
                p->diverged_tick = e->tick;
                say(p, e->line, "the shift ended at tick %" PRIu64 " (%s, %s), before this "
                    "check at tick %" PRIu64, s->tick, t, outcome_name(s->outcome), e->tick);
            }
        } else {
            p->expects++;
            p->expects_failed++;
            say(p, e->line, "the shift ended at tick %" PRIu64 " (%s, %s), before this "
                "expectation at tick %" PRIu64, s->tick, t, outcome_name(s->outcome), e->tick);
        }
    }
    for (size_t i = 0; i < r->nfinals; i++)
        expect(p, s, &r->finals[i].expect, r->finals[i].line, "at the end");
    uint64_t h = sim_state_hash(s);
    if (r->has_end && (r->end_tick != s->tick || r->end_outcome != s->outcome || r->end_hash != h)) {
        p->end_ok = false;
        replay_format_tick(t, sizeof t, s->tick);
        say(p, r->end_line, "the shift ended at tick %" PRIu64 " (%s), %s, hash %016" PRIx64
            "; the replay ends at tick %" PRIu64 ", %s, hash %016" PRIx64,
            s->tick, t, outcome_name(s->outcome), h, r->end_tick, outcome_name(r->end_outcome),
            r->end_hash);
    }
    if (r->recorded && !r->has_end) {
        p->end_ok = false;
        say(p, r->lines, "the recording stops without its end line: it was cut off%s (the "
            "shift ran to tick %" PRIu64 " with the inputs it has)",
            r->cut_off ? " in the middle of a line" : "", s->tick);
    }
    bool ok = !p->diverged && p->expects_failed == 0 && p->end_ok;
    if (!ok && p->log && r->game[0] && strcmp(r->game, CANDYLINE_VERSION) != 0)
        fprintf(p->log, "candyline: note: %s was recorded by candyline %s; this is %s\n",
                r->file, r->game, CANDYLINE_VERSION);
    return ok;
}

/* Checks that every expectation names a report key, before the run. */
static int check_keys(const struct replay *r, const struct sim *s)
{
    struct report rep;
    report_build(s, &rep);
    for (size_t i = 0; i < r->nevents + r->nfinals; i++) {
        bool tick = i < r->nevents;
        const struct replay_expect *e =
            tick ? &r->events[i].expect : &r->finals[i - r->nevents].expect;
        unsigned line = tick ? r->events[i].line : r->finals[i - r->nevents].line;
        if (tick && r->events[i].kind != REV_EXPECT)
            continue;
        const struct report_field *f = report_find(&rep, e->key);
        const char *why = NULL;
        if (!f) {
            fprintf(stderr, "candyline: %s:%u: expect: no report key '%s'; expected one of the "
                            "keys of --report json, such as outcome, wrapped, dropped, "
                            "buffer_max\n", r->file, line, e->key);
            return -1;
        }
        if (expectation_holds(f, e, &why) < 0) {
            fprintf(stderr, "candyline: %s:%u: expect %s %s %s: %s\n", r->file, line, e->key,
                    op_text[e->op], e->value, why);
            return -1;
        }
    }
    return 0;
}

/* "1234; " for the FAILED line. */
static const char *tick_text(uint64_t tick)
{
    static char buf[32];
    snprintf(buf, sizeof buf, "%" PRIu64 "; ", tick);
    return buf;
}

int replay_headless(const struct options *o)
{
    struct replay r;
    struct sim_config cfg;
    struct sim s;
    struct replay_player p;
    char err[700];
    if (replay_load(o->replay, &r, err, sizeof err) < 0 ||
        replay_config(&r, o->replay, &cfg, err, sizeof err) < 0) {
        fprintf(stderr, "candyline: %s\n", err);
        replay_free(&r);
        return 2;
    }
    if (sim_init(&s, &cfg) < 0 || replay_player_init(&p, &r, o->verify ? stderr : NULL) < 0) {
        fprintf(stderr, "candyline: out of memory\n");
        replay_free(&r);
        return 2;
    }
    struct atomic_file chart;
    int bad = check_keys(&r, &s);
    if (bad == 0 && o->chart && atomic_open(&chart, o->chart, "--chart", err, sizeof err) < 0) {
        fprintf(stderr, "candyline: %s\n", err);
        bad = -1;
    }
    if (bad < 0) {
        replay_player_free(&p);
        sim_free(&s);
        replay_free(&r);
        return 2;
    }
    struct series series;
    series_init(&series);
    uint32_t every = chart_every(cfg.minutes * 60u);
    bool no_memory = false;
    if (o->report == REPORT_CSV)
        report_csv_header(stdout);
    while (s.outcome == OUTCOME_RUNNING && !no_memory) {
        struct sim_input in;
        replay_player_before_step(&p, &s, &in);
        sim_step(&s, &in);
        bool second = s.tick % TICK_HZ == 0 || s.outcome != OUTCOME_RUNNING;
        if (o->report == REPORT_CSV && second)
            headless_csv_row(&s, stdout);
        if (o->chart && second && chart_sample(&series, &s, every) < 0)
            no_memory = true;
    }
    if (no_memory || headless_out_of_memory(&s)) {
        if (no_memory)
            fprintf(stderr, "candyline: out of memory\n");
        if (o->chart)
            atomic_discard(&chart);
        series_free(&series);
        replay_player_free(&p);
        sim_free(&s);
        replay_free(&r);
        return 2;
    }
    bool ok = replay_player_finish(&p, &s);
    if (o->chart) {
        struct chart_setup setup;
        char worker[112];
        chart_setup_from(&setup, &cfg, worker, sizeof worker);
        struct chart_run run = {cfg.strategy_spec, &series, s.outcome, s.tick};
        int rc = chart_svg_save(&chart, &setup, &run, 1);
        series_free(&series);
        if (rc != 0) {
            replay_player_free(&p);
            sim_free(&s);
            replay_free(&r);
            return rc;
        }
    }
    if (o->report == REPORT_JSON)
        report_json(stdout, &s);
    else if (o->report == REPORT_TEXT || (o->report == REPORT_NONE && !o->verify))
        report_text(stdout, &s);
    if (o->verify) {
        char t[32];
        replay_format_tick(t, sizeof t, s.tick);
        if (ok)
            printf("%s: verified: %u checksums, %u expectations, end at tick %" PRIu64
                   " (%s) %s, state hash %016" PRIx64 "\n",
                   r.file, p.checks, p.expects, s.tick, t, outcome_name(s.outcome),
                   sim_state_hash(&s));
        else
            printf("%s: FAILED: %s%s%u of %u expectations failed%s\n", r.file,
                   p.diverged ? "the shift diverged at tick " : "",
                   p.diverged ? tick_text(p.diverged_tick) : "", p.expects_failed, p.expects,
                   p.end_ok ? "" : "; the end does not match");
    }
    replay_player_free(&p);
    sim_free(&s);
    replay_free(&r);
    if (fflush(stdout) != 0)
        return 2;
    return o->verify && !ok ? 1 : 0;
}
