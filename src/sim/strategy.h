/* strategy.h - the interface every overflow strategy implements.
 *
 * A strategy decides what happens to candy that reaches the station while
 * the worker can't take it yet. It owns its buffer and never sees the screen.
 * The simulation (sim.c) is the one place that calls these hooks; optional
 * hooks may be NULL. New hooks are only ever appended, and
 * STRATEGY_API_VERSION goes up when they are.
 */
#ifndef CANDYLINE_STRATEGY_H
#define CANDYLINE_STRATEGY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "candy.h"

#define STRATEGY_API_VERSION 2
#define STRATEGY_MAX_CAPACITY 100000000u
#define KITCHEN_NO_LIMIT UINT32_MAX

/* What became of a candy offered at the station. */
enum offer_result {
    OFFER_QUEUED,         /* it waits in the buffer */
    OFFER_DROPPED_NEWEST, /* it was eaten on arrival (load shed) */
    OFFER_DROPPED_OLDEST, /* it waits; the oldest waiting one was eaten instead */
    OFFER_OVERFLOW,       /* a bounded buffer was full: the shift fails */
    OFFER_BURST,          /* an unbounded buffer passed the memory limit: the shift fails */
    OFFER_NO_MEMORY,      /* the buffer could not grow: the machine, not the strategy, failed */
};

/* Settings parsed from the spec text after the name (e.g. "5:oldest"). */
struct strategy_config {
    uint32_t capacity; /* N; for unbounded, the memory limit (0 = none) */
    uint32_t variant;  /* strategy-specific choice, e.g. which candy drop eats */
};

/* What the station can see of the line at the start of a tick (steer()). */
struct line_view {
    uint64_t tick;      /* ticks since the shift began */
    uint32_t rate;      /* what the kitchen is told to make per minute (schedule, speed-ups) */
    uint32_t on_belt;   /* candies riding the belt */
    uint64_t held;      /* made but not yet on the belt (the kitchen's pile) */
    uint32_t waiting;   /* in this strategy's buffer */
    bool worker_busy;   /* a candy is in the worker's hands */
    uint32_t belt_ticks; /* how long a candy rides the belt: the line's round trip */
};

/* What the station tells the kitchen for one tick (steer()). */
struct kitchen_signal {
    /* The most candies per minute the kitchen may send. A pausable kitchen
     * makes no more; an unstoppable one makes candy anyway, and the belt
     * takes it from the pile at this pace. KITCHEN_NO_LIMIT: no limit. */
    uint32_t rate_limit;
    /* Pull: candies the station has asked for and not yet received. Only
     * these may go on the belt, and a pausable kitchen makes nothing else.
     * KITCHEN_NO_LIMIT: a push line, nobody asks. */
    uint32_t requested;
};

struct strategy_ops {
    uint32_t api_version;  /* STRATEGY_API_VERSION the strategy was written for */
    const char *name;      /* the spec name: "drop" */
    const char *usage;     /* the spec form: "drop:N[:newest|oldest]" */
    const char *lesson;    /* one line: what it teaches */
    const char *analogues; /* where it is found in real systems */
    bool hidden;           /* waiting candy is out of the supervisor's sight (hats) */

    /* Parses the text after "name:" (NULL when there is none). memory is the
     * --memory limit. Returns 0, or -1 with a one-line reason in err. */
    int (*configure)(const char *args, uint32_t memory, struct strategy_config *cfg, char *err,
                     size_t errlen);
    /* Makes an empty buffer; NULL if memory ran out. */
    void *(*create)(const struct strategy_config *cfg);
    void (*destroy)(void *self);
    /* A candy arrives at the station. On OFFER_DROPPED_* the eaten candy is
     * stored in *eaten. On OFFER_OVERFLOW, OFFER_BURST and OFFER_NO_MEMORY
     * nothing is stored. */
    enum offer_result (*offer)(void *self, struct candy c, struct candy *eaten);
    /* The worker's hands are free: hand over the next candy, or return false. */
    bool (*take)(void *self, struct candy *out);
    /* How many candies wait in the buffer now. */
    uint32_t (*waiting)(const void *self);
    /* The i-th oldest waiting candy (0 = oldest); false if out of range. */
    bool (*peek)(const void *self, uint32_t i, struct candy *out);
    /* Optional. How many more candies the station asks for right now; the
     * belt only moves while this is above zero. NULL: a push line, the belt
     * never stops for this strategy. */
    uint32_t (*demand)(const void *self);
    /* Optional (interface version 2). Called once a tick, before the
     * kitchen runs: how the station steers the kitchen (pull requests, an
     * adaptive rate). out arrives filled with KITCHEN_NO_LIMIT. NULL: the
     * kitchen follows its schedule. */
    void (*steer)(void *self, const struct line_view *line, struct kitchen_signal *out);
};

#endif
