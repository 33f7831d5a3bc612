/* shift.h - turns options and a scenario into a simulation config, and
 * samples a running shift once per second of game time. Shared by the
 * headless runner and the game. */
#ifndef CANDYLINE_SHIFT_H
#define CANDYLINE_SHIFT_H

#include <stddef.h>

#include "../sim/sim.h"
#include "options.h"

#define DEFAULT_STRATEGY "backpressure:5"

/* Builds cfg for strategy spec (NULL: the default). interactive picks the
 * default worker: a human at the keyboard, else the scenario's bot. Returns 0,
 * or -1 with a message in err. */
int shift_config(const struct options *o, const struct scenario *sc, const char *spec,
                 bool interactive, struct sim_config *cfg, char *err, size_t errlen);

/* One second of a shift. */
struct series_point {
    uint32_t second;     /* game seconds since the start */
    uint32_t waiting;    /* true buffer: candies waiting (hats included) */
    uint32_t visible;    /* waiting candies the supervisor can see */
    uint32_t on_belt;    /* candies riding the belt */
    uint32_t rate;       /* belt rate per minute, with speed-ups */
    uint32_t belt_pct;   /* the supervisor's speed setting, percent */
    uint64_t held;       /* kitchen pile */
    uint64_t produced;   /* cumulative counts from here on */
    uint64_t delivered;
    uint64_t wrapped;
    uint64_t dropped;
    uint64_t stale;
    uint32_t in_progress; /* 0 or 1 */
    uint32_t moving;      /* 1 if the belt moved in the last tick */
};

struct series {
    struct series_point *points; /* one per second, in order */
    size_t len;                  /* points used */
    size_t cap;                  /* points allocated */
};

void series_init(struct series *s);
void series_free(struct series *s);
/* Appends the state of sim now. Returns 0 or -1 if memory ran out. */
int series_sample(struct series *s, const struct sim *sim);

#endif
