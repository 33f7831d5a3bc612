/* helpers.h - set-up shared by the suites: a sim_config built the way
 * src/app/shift.c builds one, and running a shift to its end. */
#ifndef CANDYLINE_TESTS_HELPERS_H
#define CANDYLINE_TESTS_HELPERS_H

#include <stdbool.h>
#include <stdint.h>

#include "../src/sim/sim.h"

/* What a test varies about a shift. Zero fields mean "the scenario's". */
struct shift_params {
    const char *scenario;      /* built-in name or path (default "classic") */
    const char *spec;          /* strategy spec (default "unbounded") */
    uint32_t memory;           /* --memory given to the spec (0 = no limit) */
    bool human;                /* a person at the keyboard instead of a bot */
    uint32_t bot_rate;         /* bot: candies per minute (0: the scenario's bot) */
    bool bot_exp;              /* bot: exponential wrap times */
    uint32_t rate;             /* --rate override (0: the schedule) */
    bool poisson;              /* Poisson arrivals (else fixed) */
    bool unstoppable;          /* unstoppable source (else pausable) */
    bool supervisor;           /* she visits (if the scenario has her) */
    uint32_t minutes;          /* shift length (0: the scenario's) */
    uint64_t seed;             /* gameplay seed */
};

/* Fills cfg; aborts the test if the scenario or spec does not load. */
void make_config(const struct shift_params *p, struct sim_config *cfg);

/* sim_init (asserting it succeeds) and sim_step with no input to the end. */
void run_shift(struct sim *s, const struct sim_config *cfg);

/* Asserts what must hold after every tick: conservation, and the counters
 * agreeing with each other and with where candy is. */
void assert_invariants(const struct sim *s);

/* Sum over the candies waiting now of the ticks each has waited so far. */
uint64_t waiting_ages(const struct sim *s);

#endif
