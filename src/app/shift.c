/* shift.c - from options to a sim_config, and the per-second time series. */
#include "shift.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../strategies/registry.h"

int shift_config(const struct options *o, const struct scenario *sc, const char *spec,
                 bool interactive, struct sim_config *cfg, char *err, size_t errlen)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->scenario = *sc;
    cfg->seed = o->seed;
    if (o->worker_given) {
        cfg->worker = o->worker;
    } else if (interactive) {
        cfg->worker.kind = WORKER_HUMAN;
    } else {
        cfg->worker.kind = WORKER_BOT;
        cfg->worker.rate = sc->bot_rate;
        cfg->worker.service = SERVICE_FIXED;
    }
    if (o->partner.kind == WORKER_BOT)
        cfg->partner = o->partner;
    cfg->rate_override = o->rate;
    cfg->arrivals = o->arrivals_given ? o->arrivals : sc->arrivals;
    cfg->supervisor = sc->supervisor && !o->no_supervisor;
    cfg->minutes = o->minutes ? o->minutes : sc->minutes;
    uint32_t memory = o->memory_given ? o->memory : sc->memory;
    if (!spec)
        spec = o->strategy ? o->strategy : DEFAULT_STRATEGY;
    if (strlen(spec) >= sizeof cfg->strategy_spec) {
        snprintf(err, errlen, "--strategy: expected a spec such as drop:5:oldest, not a "
                              "%zu-character string", strlen(spec));
        return -1;
    }
    char why[200];
    if (strategy_parse_spec(spec, memory, &cfg->strategy, &cfg->strategy_cfg, why,
                            sizeof why) < 0) {
        snprintf(err, errlen, "--strategy: %s", why);
        return -1;
    }
    snprintf(cfg->strategy_spec, sizeof cfg->strategy_spec, "%s", spec);
    cfg->memory = memory;
    return 0;
}

void series_init(struct series *s)
{
    memset(s, 0, sizeof *s);
}

void series_free(struct series *s)
{
    free(s->points);
    series_init(s);
}

int series_sample(struct series *s, const struct sim *sim)
{
    if (s->len == s->cap) {
        size_t cap = s->cap ? s->cap * 2u : 512u;
        struct series_point *p = realloc(s->points, cap * sizeof *p);
        if (!p)
            return -1;
        s->points = p;
        s->cap = cap;
    }
    struct series_point *p = &s->points[s->len++];
    p->second = (uint32_t)(sim->tick / TICK_HZ);
    p->waiting = sim_waiting(sim);
    p->visible = sim_visible_backlog(sim);
    p->on_belt = sim_on_belt(sim);
    p->rate = sim_sending_rate(sim); /* what the kitchen sends: aimd limits it */
    p->belt_pct = sim->supervisor.pct;
    p->held = sim_held_at_kitchen(sim);
    p->produced = sim->stats.produced;
    p->delivered = sim->stats.delivered;
    p->wrapped = sim->stats.wrapped;
    p->dropped = sim->stats.dropped;
    p->stale = sim->stats.stale;
    p->in_progress = sim_in_progress(sim);
    p->moving = sim->belt.moving ? 1u : 0u;
    return 0;
}
