/* scenario.h - a shift's settings: load schedule, supervisor, scoring.
 *
 * Plain data; the text format is parsed in src/app/scenario_parse.c.
 */
#ifndef CANDYLINE_SCENARIO_H
#define CANDYLINE_SCENARIO_H

#include <stdbool.h>
#include <stdint.h>

#define TICK_HZ 60u
#define SCENARIO_MAX_PHASES 32u
#define SCENARIO_MAX_RATE 3000u      /* candies per minute; the belt places one per tick at most */
#define SCENARIO_MAX_MINUTES 100000u /* about ten weeks */

enum arrivals { ARRIVALS_FIXED, ARRIVALS_POISSON };
enum source_kind { SOURCE_PAUSABLE, SOURCE_UNSTOPPABLE };

/* From start_s on, the kitchen makes `rate` candies per minute. */
struct phase {
    uint32_t start_s; /* seconds of game time since the shift began */
    uint32_t rate;    /* candies per minute */
};

struct scenario {
    char name[32];              /* short name: "classic" */
    char title[64];             /* one line shown on the menu */
    char about[200];            /* what it teaches, shown on the menu */
    uint32_t minutes;           /* length of the shift */
    enum arrivals arrivals;     /* spacing of candies: fixed or Poisson */
    enum source_kind source;    /* can the kitchen be told to wait? */
    uint32_t belt_s;            /* seconds a candy rides the belt */
    uint32_t deadline_s;        /* wrapped after waiting longer than this: stale */
    uint32_t memory;            /* default --memory for unbounded (0 = no limit) */
    uint32_t bot_rate;          /* default bot worker rate for headless runs, per minute */
    bool supervisor;            /* does she visit at all? */
    uint32_t sup_every_s;       /* seconds between her visits */
    uint32_t sup_speedup_pct;   /* belt speed-up when she sees no backlog */
    uint32_t sup_tolerance;     /* the most visible waiting candies she calls "no backlog" */
    uint32_t sup_max_pct;       /* the fastest she will set the belt, percent of the schedule */
    int32_t score_wrapped;      /* points per wrapped candy */
    int32_t score_dropped;      /* points per eaten candy (usually negative) */
    int32_t score_stale;        /* points per stale candy (usually negative) */
    int32_t score_failed;       /* points for a shift that ended in burst or overflow */
    uint32_t nphases;           /* entries used in phases */
    struct phase phases[SCENARIO_MAX_PHASES]; /* by start time, the first at 0 */
};

/* Fills in the defaults every scenario file starts from. */
void scenario_defaults(struct scenario *s);

/* The schedule's rate (per minute) at a tick. */
uint32_t scenario_rate_at(const struct scenario *s, uint64_t tick);

/* A hash of every field that can change a shift, names and texts included,
 * so a replay can tell its scenario was edited. Comments and spacing in the
 * file do not count: they never reach the struct. */
uint64_t scenario_hash(const struct scenario *s);

/* Checks the fields are coherent. Returns 0, or -1 with a reason in err. */
int scenario_validate(const struct scenario *s, char *err, unsigned long errlen);

#endif
