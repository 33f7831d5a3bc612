/* sim_internal.h - what the parts of the simulation share with each other
 * and no one else (kitchen.c, worker.c, sim.c). */
#ifndef CANDYLINE_SIM_INTERNAL_H
#define CANDYLINE_SIM_INTERNAL_H

#include "sim.h"

#define MICROTICKS 65536u /* sub-tick resolution of arrival and service times */

enum event_kind {
    EV_PRODUCE = 1,
    EV_OFFER,
    EV_DROP,
    EV_TAKE,
    EV_WRAP,
    EV_KEY,
    EV_VISIT,
    EV_FAIL,
};

/* Folds one event into the rolling history hash. */
void sim_note(struct sim *s, enum event_kind kind, uint64_t value);

/* Kitchen: makes this tick's candies into the pile when it may run, at
 * most max of them (UINT64_MAX: as many as are due). */
void kitchen_init(struct kitchen *k);
void kitchen_run(struct sim *s, uint32_t rate, uint64_t max);

/* Worker: keys, progress on the candy in hand, and taking the next one. */
void worker_keys(struct sim *s, const struct sim_input *in);
void worker_progress(struct sim *s);
void worker_take_if_idle(struct sim *s);

#endif
