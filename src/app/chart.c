/* chart.c - sampling a shift for the debrief charts, and their time axis. */
#include "chart.h"

#include <inttypes.h>
#include <stdio.h>

#include "options.h"

uint32_t chart_every(uint32_t shift_s)
{
    return shift_s > CHART_MAX_POINTS ? (shift_s + CHART_MAX_POINTS - 1) / CHART_MAX_POINTS : 1u;
}

int chart_sample(struct series *series, const struct sim *sim, uint32_t every)
{
    if (sim->outcome == OUTCOME_RUNNING && (sim->tick / TICK_HZ) % (every ? every : 1u) != 0)
        return 0;
    return series_sample(series, sim);
}

uint32_t chart_span_s(const struct chart_setup *c, const struct chart_run *runs, size_t n)
{
    uint64_t span = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t end = (runs[i].end_tick + TICK_HZ - 1) / TICK_HZ;
        if (runs[i].outcome != OUTCOME_QUIT)
            end = c->shift_s;
        if (end > span)
            span = end;
    }
    if (n == 0 || span > c->shift_s)
        span = c->shift_s;
    return span ? (uint32_t)span : 1u;
}

void chart_ending(const struct chart_run *r, char *buf, size_t len)
{
    if (r->outcome == OUTCOME_COMPLETED || r->outcome == OUTCOME_RUNNING)
        snprintf(buf, len, "%s", "");
    else
        snprintf(buf, len, "%s at %" PRIu64 " s", outcome_name(r->outcome),
                 r->end_tick / TICK_HZ);
}

void chart_setup_from(struct chart_setup *c, const struct sim_config *cfg, char *worker,
                      size_t len)
{
    crew_format(&cfg->worker, &cfg->partner, worker, len);
    c->scenario = cfg->scenario.name;
    c->title = cfg->scenario.title;
    c->worker = worker;
    c->seed = cfg->seed;
    c->shift_s = cfg->minutes * 60u;
}
