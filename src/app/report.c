/* report.c - prints a shift's figures. The JSON keys are a contract. */
#include "report.h"

#include <inttypes.h>
#include <string.h>

void report_figures(const struct sim *s, struct report_figures *f)
{
    const struct sim_stats *st = &s->stats;
    double ticks = s->tick ? (double)s->tick : 1.0;
    f->seconds = (double)s->tick / TICK_HZ;
    f->buffer_mean = (double)st->buffer_area / ticks;
    f->wait_mean_s = st->waits.count ? (double)st->waits.sum / (double)st->waits.count / TICK_HZ
                                     : 0.0;
    f->wait_p50_s = (double)wait_histogram_quantile(&st->waits, 500) / TICK_HZ;
    f->wait_p99_s = (double)wait_histogram_quantile(&st->waits, 990) / TICK_HZ;
    f->busy_fraction = (double)st->busy_ticks / ticks;
}

static void json_string(FILE *out, const char *text)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(out, "\\u%04x", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

static void add(struct report *r, const char *key, enum report_kind_of_value kind)
{
    struct report_field *f = &r->field[r->n++];
    memset(f, 0, sizeof *f);
    f->key = key;
    f->kind = kind;
}

static void add_uint(struct report *r, const char *key, uint64_t v)
{
    add(r, key, VALUE_UINT);
    r->field[r->n - 1].u = v;
}

static void add_real(struct report *r, const char *key, double v, int decimals)
{
    add(r, key, VALUE_REAL);
    r->field[r->n - 1].r = v;
    r->field[r->n - 1].decimals = decimals;
}

static void add_text(struct report *r, const char *key, const char *text)
{
    add(r, key, VALUE_TEXT);
    r->field[r->n - 1].text = text;
}

void report_build(const struct sim *s, struct report *r)
{
    const struct sim_stats *st = &s->stats;
    struct report_figures f;
    report_figures(s, &f);
    r->n = 0;
    worker_format(&s->cfg.worker, r->worker, sizeof r->worker);
    snprintf(r->hash, sizeof r->hash, "%016" PRIx64, sim_state_hash(s));
    /* The contract keys (SPEC section 5), then the extras. */
    add_text(r, "strategy", s->cfg.strategy_spec);
    add_text(r, "scenario", s->cfg.scenario.name);
    add_uint(r, "seed", s->cfg.seed);
    add_uint(r, "ticks", s->tick);
    add_uint(r, "tick_hz", TICK_HZ);
    add_real(r, "seconds", f.seconds, 3);
    add_text(r, "outcome", outcome_name(s->outcome));
    add_uint(r, "produced", st->produced);
    add_uint(r, "delivered", st->delivered);
    add_uint(r, "wrapped", st->wrapped);
    add_uint(r, "dropped", st->dropped);
    add_uint(r, "buffered", sim_waiting(s));
    add_uint(r, "on_belt", sim_on_belt(s));
    add_uint(r, "in_progress", sim_in_progress(s));
    add_uint(r, "held_at_kitchen", sim_held_at_kitchen(s));
    add_uint(r, "stale", st->stale);
    add_uint(r, "hidden_max", st->hidden_max);
    add_uint(r, "buffer_max", st->buffer_max);
    add_real(r, "buffer_mean", f.buffer_mean, 6);
    add_real(r, "wait_mean_s", f.wait_mean_s, 6);
    add_real(r, "wait_p50_s", f.wait_p50_s, 6);
    add_real(r, "wait_p99_s", f.wait_p99_s, 6);
    add_real(r, "busy_fraction", f.busy_fraction, 6);
    add(r, "score", VALUE_INT);
    r->field[r->n - 1].i = sim_score(s);
    add_text(r, "state_hash", r->hash);
    add_text(r, "worker", r->worker);
    add_text(r, "arrivals", s->cfg.arrivals == ARRIVALS_FIXED ? "fixed" : "poisson");
    add_uint(r, "supervisor_visits", s->supervisor.visits);
    add_uint(r, "supervisor_speedups", s->supervisor.speedups);
    add_uint(r, "belt_speed_pct", s->supervisor.pct);
    add_real(r, "belt_stopped_s", (double)st->stopped_ticks / TICK_HZ, 3);
    add_uint(r, "held_max", st->held_max);
    if (s->cfg.partner.kind == WORKER_BOT) {
        worker_format(&s->cfg.partner, r->partner, sizeof r->partner);
        add_text(r, "partner", r->partner);
        add_uint(r, "partner_wrapped", st->partner_wrapped);
        add_real(r, "partner_busy_fraction",
                 s->tick ? (double)st->partner_busy_ticks / (double)s->tick : 0.0, 6);
    }
    add(r, "conserved", VALUE_BOOL);
    r->field[r->n - 1].text = sim_conserved(s) ? "true" : "false";
}

const struct report_field *report_find(const struct report *r, const char *key)
{
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->field[i].key, key) == 0)
            return &r->field[i];
    return NULL;
}

void report_format_value(const struct report_field *f, char *buf, size_t len)
{
    switch (f->kind) {
    case VALUE_UINT:
        snprintf(buf, len, "%" PRIu64, f->u);
        return;
    case VALUE_INT:
        snprintf(buf, len, "%" PRId64, f->i);
        return;
    case VALUE_REAL:
        snprintf(buf, len, "%.*f", f->decimals, f->r);
        return;
    case VALUE_TEXT:
    case VALUE_BOOL:
        snprintf(buf, len, "%s", f->text);
        return;
    }
}

void report_json(FILE *out, const struct sim *s)
{
    struct report r;
    report_build(s, &r);
    for (size_t i = 0; i < r.n; i++) {
        const struct report_field *f = &r.field[i];
        char value[64];
        fputs(i ? ", " : "{", out);
        json_string(out, f->key);
        fputs(": ", out);
        if (f->kind == VALUE_TEXT) {
            json_string(out, f->text);
        } else {
            report_format_value(f, value, sizeof value);
            fputs(value, out);
        }
    }
    fputs("}\n", out);
}

void report_text(FILE *out, const struct sim *s)
{
    const struct sim_stats *st = &s->stats;
    struct report_figures f;
    char worker[112];
    report_figures(s, &f);
    crew_format(&s->cfg.worker, &s->cfg.partner, worker, sizeof worker);
    fprintf(out, "Candyline shift: scenario %s, strategy %s, worker %s, seed %" PRIu64 "\n",
            s->cfg.scenario.name, s->cfg.strategy_spec, worker, s->cfg.seed);
    fprintf(out, "  outcome          %s after %.1f s (%" PRIu64 " ticks)\n",
            outcome_name(s->outcome), f.seconds, s->tick);
    fprintf(out, "  made             %" PRIu64 " (offered at the station: %" PRIu64 ")\n",
            st->produced, st->delivered);
    fprintf(out, "  wrapped          %" PRIu64 " (stale: %" PRIu64 ")\n", st->wrapped, st->stale);
    fprintf(out, "  eaten (dropped)  %" PRIu64 "\n", st->dropped);
    fprintf(out, "  still waiting    %u in the buffer, %u in hand, %u on the belt, %" PRIu64
                 " at the kitchen\n",
            sim_waiting(s), sim_in_progress(s), sim_on_belt(s), sim_held_at_kitchen(s));
    fprintf(out, "  buffer           max %u, mean %.2f; hidden from the supervisor: max %u\n",
            st->buffer_max, f.buffer_mean, st->hidden_max);
    fprintf(out, "  wait             mean %.2f s, p50 %.2f s, p99 %.2f s\n", f.wait_mean_s,
            f.wait_p50_s, f.wait_p99_s);
    fprintf(out, "  worker busy      %.1f%%\n", 100.0 * f.busy_fraction);
    if (s->cfg.partner.kind == WORKER_BOT)
        fprintf(out, "  partner          wrapped %" PRIu64 ", busy %.1f%%\n", st->partner_wrapped,
                s->tick ? 100.0 * (double)st->partner_busy_ticks / (double)s->tick : 0.0);
    fprintf(out, "  supervisor       %u visits, %u speed-ups, belt at %u%%\n",
            s->supervisor.visits, s->supervisor.speedups, s->supervisor.pct);
    fprintf(out, "  belt stopped     %.1f s; biggest kitchen pile %" PRIu64 "\n",
            (double)st->stopped_ticks / TICK_HZ, st->held_max);
    fprintf(out, "  score            %" PRId64 "\n", sim_score(s));
    fprintf(out, "  state hash       %016" PRIx64 "\n", sim_state_hash(s));
}

void report_csv_header(FILE *out)
{
    fputs("second,produced,delivered,wrapped,dropped,stale,buffered,visible,hidden,on_belt,"
          "in_progress,held_at_kitchen,rate_per_min,belt_speed_pct,belt_moving\n",
          out);
}

void report_csv_row(FILE *out, const struct series_point *p)
{
    fprintf(out,
            "%u,%" PRIu64 ",%" PRIu64 ",%" PRIu64 ",%" PRIu64 ",%" PRIu64 ",%u,%u,%u,%u,%u,%" PRIu64
            ",%u,%u,%u\n",
            p->second, p->produced, p->delivered, p->wrapped, p->dropped, p->stale, p->waiting,
            p->visible, p->waiting - p->visible, p->on_belt, p->in_progress, p->held, p->rate,
            p->belt_pct, p->moving);
}
