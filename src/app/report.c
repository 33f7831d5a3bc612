/* report.c - prints a shift's figures. The JSON keys are a contract. */
#include "report.h"

#include <inttypes.h>

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

void report_json(FILE *out, const struct sim *s)
{
    const struct sim_stats *st = &s->stats;
    struct report_figures f;
    char worker[48];
    report_figures(s, &f);
    worker_format(&s->cfg.worker, worker, sizeof worker);
    fputs("{\"strategy\": ", out);
    json_string(out, s->cfg.strategy_spec);
    fputs(", \"scenario\": ", out);
    json_string(out, s->cfg.scenario.name);
    fprintf(out, ", \"seed\": %" PRIu64 ", \"ticks\": %" PRIu64 ", \"tick_hz\": %u", s->cfg.seed,
            s->tick, TICK_HZ);
    fprintf(out, ", \"seconds\": %.3f, \"outcome\": \"%s\"", f.seconds, outcome_name(s->outcome));
    fprintf(out, ", \"produced\": %" PRIu64 ", \"delivered\": %" PRIu64 ", \"wrapped\": %" PRIu64
                 ", \"dropped\": %" PRIu64,
            st->produced, st->delivered, st->wrapped, st->dropped);
    fprintf(out, ", \"buffered\": %u, \"on_belt\": %u, \"in_progress\": %u"
                 ", \"held_at_kitchen\": %" PRIu64 ", \"stale\": %" PRIu64,
            sim_waiting(s), sim_on_belt(s), sim_in_progress(s), sim_held_at_kitchen(s),
            st->stale);
    fprintf(out, ", \"hidden_max\": %u, \"buffer_max\": %u, \"buffer_mean\": %.6f",
            st->hidden_max, st->buffer_max, f.buffer_mean);
    fprintf(out, ", \"wait_mean_s\": %.6f, \"wait_p50_s\": %.6f, \"wait_p99_s\": %.6f",
            f.wait_mean_s, f.wait_p50_s, f.wait_p99_s);
    fprintf(out, ", \"busy_fraction\": %.6f, \"score\": %" PRId64, f.busy_fraction, sim_score(s));
    fprintf(out, ", \"state_hash\": \"%016" PRIx64 "\"", sim_state_hash(s));
    fputs(", \"worker\": ", out);
    json_string(out, worker);
    fprintf(out, ", \"arrivals\": \"%s\", \"supervisor_visits\": %u, \"supervisor_speedups\": %u"
                 ", \"belt_speed_pct\": %u, \"belt_stopped_s\": %.3f, \"held_max\": %" PRIu64
                 ", \"conserved\": %s}\n",
            s->cfg.arrivals == ARRIVALS_FIXED ? "fixed" : "poisson", s->supervisor.visits,
            s->supervisor.speedups, s->supervisor.pct, (double)st->stopped_ticks / TICK_HZ,
            st->held_max, sim_conserved(s) ? "true" : "false");
}

void report_text(FILE *out, const struct sim *s)
{
    const struct sim_stats *st = &s->stats;
    struct report_figures f;
    char worker[48];
    report_figures(s, &f);
    worker_format(&s->cfg.worker, worker, sizeof worker);
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
