/* helpers.c - shared set-up for the suites (see helpers.h). */
#include "helpers.h"

#include "suites.h" /* check.h, with passing assertions made cheap */
#include <stdio.h>
#include <string.h>

#include "../src/app/scenario_parse.h"
#include "../src/strategies/registry.h"

void make_config(const struct shift_params *p, struct sim_config *cfg)
{
    char err[300];
    memset(cfg, 0, sizeof *cfg);
    const char *name = p->scenario ? p->scenario : "classic";
    if (scenario_load(name, &cfg->scenario, err, sizeof err) < 0)
        ck_abort_msg("scenario %s: %s", name, err);
    const char *spec = p->spec ? p->spec : "unbounded";
    if (strategy_parse_spec(spec, p->memory, &cfg->strategy, &cfg->strategy_cfg, err,
                            sizeof err) < 0)
        ck_abort_msg("strategy %s: %s", spec, err);
    snprintf(cfg->strategy_spec, sizeof cfg->strategy_spec, "%s", spec);
    cfg->memory = p->memory;
    cfg->seed = p->seed;
    if (p->human) {
        cfg->worker.kind = WORKER_HUMAN;
    } else {
        cfg->worker.kind = WORKER_BOT;
        cfg->worker.rate = p->bot_rate ? p->bot_rate : cfg->scenario.bot_rate;
        cfg->worker.service = p->bot_exp ? SERVICE_EXP : SERVICE_FIXED;
    }
    cfg->rate_override = p->rate;
    cfg->arrivals = p->poisson ? ARRIVALS_POISSON : ARRIVALS_FIXED;
    cfg->scenario.arrivals = cfg->arrivals;
    cfg->scenario.source = p->unstoppable ? SOURCE_UNSTOPPABLE : SOURCE_PAUSABLE;
    cfg->supervisor = p->supervisor && cfg->scenario.supervisor;
    cfg->minutes = p->minutes ? p->minutes : cfg->scenario.minutes;
}

void run_shift(struct sim *s, const struct sim_config *cfg)
{
    ck_assert_int_eq(sim_init(s, cfg), 0);
    while (s->outcome == OUTCOME_RUNNING)
        sim_step(s, NULL);
}

uint64_t waiting_ages(const struct sim *s)
{
    uint64_t sum = 0;
    struct candy c;
    for (uint32_t i = 0; s->cfg.strategy->peek(s->buffer, i, &c); i++)
        sum += s->tick - c.tick;
    return sum;
}

void assert_invariants(const struct sim *s)
{
    const struct sim_stats *st = &s->stats;
    ck_assert_msg(sim_conserved(s), "not conserved at tick %llu", (unsigned long long)s->tick);
    /* Every candy offered is waiting, taken or eaten, except the one a
     * failing buffer refused: that one stays at the end of the belt. */
    uint64_t refused = s->outcome == OUTCOME_OVERFLOW || s->outcome == OUTCOME_BURST ||
                       s->outcome == OUTCOME_NO_MEMORY;
    ck_assert_uint_eq(st->delivered, st->taken + st->dropped + sim_waiting(s) + refused);
    ck_assert_uint_eq(st->placed - st->delivered + refused, sim_on_belt(s));
    ck_assert_uint_eq(st->taken, st->wrapped + sim_in_progress(s));
    ck_assert_uint_le(st->placed, st->produced);
    ck_assert_uint_le(st->stale, st->wrapped);
    ck_assert_uint_eq(st->waits.count, st->taken);
    ck_assert_uint_le(sim_waiting(s), st->buffer_max);
    ck_assert_uint_le(sim_visible_backlog(s), sim_waiting(s));
}
