/* kitchen.c - the producer: makes candy into its pile on the schedule.
 *
 * A pausable kitchen's clock stops while the belt is stopped; an unstoppable
 * one keeps making candy, which piles up until the belt moves again. A
 * kitchen that may only make so many (pull) keeps the candy it was about to
 * make for when it is asked again.
 */
#include "sim_internal.h"

#include <stdint.h>

void kitchen_init(struct kitchen *k)
{
    k->clock = 0;
    k->acc = 0;
    k->next_ut = UINT64_MAX;
    k->last_rate = 0;
}

/* Microticks until the next Poisson arrival at this rate. */
static uint64_t poisson_gap(struct sim *s, uint32_t rate)
{
    /* NOLINTNEXTLINE(clang-analyzer-core.DivideZero): callers pass rate > 0 */
    uint64_t mean_ut = (uint64_t)TICK_HZ * 60u * MICROTICKS / rate;
    uint64_t e = rng_exp_q16(&s->play);
    uint64_t gap = (mean_ut * e) >> 16;
    return gap ? gap : 1u;
}

static void produce(struct sim *s)
{
    sim_note(s, EV_PRODUCE, s->stats.produced);
    s->stats.produced++;
}

void kitchen_run(struct sim *s, uint32_t rate, uint64_t max)
{
    struct kitchen *k = &s->kitchen;
    uint64_t made = 0;
    if (s->cfg.arrivals == ARRIVALS_FIXED) {
        k->acc += rate;
        while (k->acc >= TICK_HZ * 60u && made < max) {
            produce(s);
            made++;
            k->acc -= TICK_HZ * 60u;
        }
        k->clock++;
        return;
    }
    if (rate != k->last_rate) {
        /* Exponential gaps forget the past, so a fresh draw is exact. */
        k->next_ut = rate ? k->clock * MICROTICKS + poisson_gap(s, rate) : UINT64_MAX;
        k->last_rate = rate;
    }
    k->clock++;
    while (k->next_ut <= k->clock * MICROTICKS && made < max) {
        produce(s);
        made++;
        k->next_ut += poisson_gap(s, rate);
    }
}
