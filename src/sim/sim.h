/* sim.h - the deterministic candy line: one state, one step function.
 *
 * sim_step() advances the world by one tick (1/60 s of game time) from the
 * state and this tick's inputs. Nothing here reads a clock, the terminal or a
 * file, and nothing uses floating point, so the same configuration and
 * inputs give the same state hash everywhere.
 */
#ifndef CANDYLINE_SIM_H
#define CANDYLINE_SIM_H

#include <stdbool.h>
#include <stdint.h>

#include "candy.h"
#include "rng.h"
#include "scenario.h"
#include "strategy.h"
#include "wait_histogram.h"

#define SIM_MAX_KEYS 8u     /* key presses one tick can carry */
#define HUMAN_WRAP_TICKS 15u /* a correct key starts a wrap this long (0.25 s) */
#define HUMAN_FUMBLE_TICKS 30u /* a wrong key costs this long (0.5 s) */

enum worker_kind { WORKER_HUMAN, WORKER_BOT };
enum service_kind { SERVICE_FIXED, SERVICE_EXP };

enum outcome {
    OUTCOME_RUNNING,   /* the shift goes on */
    OUTCOME_COMPLETED, /* survived to the end */
    OUTCOME_BURST,     /* hats passed the memory limit */
    OUTCOME_OVERFLOW,  /* a bounded table was full */
    OUTCOME_QUIT,      /* the player ended the shift early */
    OUTCOME_NO_MEMORY, /* the machine ran out of memory: not a result, an error */
};

struct worker_config {
    enum worker_kind kind;     /* a person at the keyboard or a bot */
    uint32_t rate;             /* bot: candies per minute */
    enum service_kind service; /* bot: fixed or exponential wrap times */
};

/* Everything that decides a shift, besides the per-tick inputs. */
struct sim_config {
    struct scenario scenario;        /* copied in */
    uint64_t seed;                   /* gameplay PRNG seed */
    struct worker_config worker;     /* who wraps */
    struct worker_config partner;    /* a second worker if kind is WORKER_BOT; zeroed: none */
    uint32_t rate_override;          /* constant rate per minute; 0 = the schedule */
    enum arrivals arrivals;          /* fixed or Poisson spacing */
    bool supervisor;                 /* false with --no-supervisor */
    uint32_t minutes;                /* shift length */
    const struct strategy_ops *strategy; /* the overflow strategy */
    struct strategy_config strategy_cfg; /* its parsed settings */
    char strategy_spec[64];          /* the spec as given, for reports */
    uint32_t memory;                 /* the --memory the spec was parsed with */
};

/* One tick's inputs. */
struct sim_input {
    uint8_t nkeys;              /* key presses this tick */
    char keys[SIM_MAX_KEYS];    /* lower-case letters typed by the player */
    bool end_shift;             /* the player ends the shift now */
};

enum human_phase { HANDS_HOLDING, HANDS_WRAPPING, HANDS_FUMBLING };

struct worker {
    bool busy;                /* a candy is in the hands */
    struct candy candy;       /* that candy */
    uint32_t wait;            /* ticks it waited before being taken */
    int64_t left_ut;          /* bot: microticks (1/65536 tick) of work left */
    enum human_phase phase;   /* human: what the hands are doing */
    uint32_t phase_left;      /* human: ticks left in a wrap or fumble */
    char letter;              /* human: the key that wraps this candy */
    uint64_t fumbles;         /* wrong keys so far */
};

struct kitchen {
    uint64_t clock;           /* ticks the kitchen has run (frozen while paused) */
    uint32_t acc;             /* fixed arrivals: rate accumulated toward 3600 */
    uint64_t next_ut;         /* Poisson: kitchen time of the next candy, microticks */
    uint32_t last_rate;       /* the rate the next arrival was drawn for */
};

struct supervisor {
    uint32_t pct;             /* belt speed, percent of the schedule */
    uint32_t visits;          /* visits so far */
    uint32_t speedups;        /* visits that ended in a speed-up */
    uint64_t last_visit_tick; /* when she last came (0: not yet) */
    uint32_t last_seen;       /* backlog she saw then */
    bool last_sped_up;        /* and whether she sped the belt up */
};

struct belt {
    uint32_t *odo;            /* ring: belt odometer when each candy was placed */
    uint32_t cap;             /* ring size, a power of two */
    uint32_t head;            /* index of the candy nearest the station */
    uint32_t len;             /* candies on the belt */
    uint32_t length;          /* odometer units from kitchen to station */
    uint32_t odometer;        /* distance moved so far (stops with the belt) */
    bool moving;              /* did it move this tick */
    uint32_t pace_acc;        /* paced sending: rate accumulated toward 3600 */
};

struct sim_stats {
    uint64_t produced;        /* made by the kitchen */
    uint64_t placed;          /* put on the belt */
    uint64_t delivered;       /* offered at the station */
    uint64_t taken;           /* handed to the worker */
    uint64_t wrapped;         /* finished */
    uint64_t dropped;         /* eaten */
    uint64_t stale;           /* wrapped after waiting past the deadline */
    uint64_t busy_ticks;      /* ticks with a candy in the (main worker's) hands */
    uint64_t partner_busy_ticks; /* ticks with a candy in the partner's hands */
    uint64_t partner_wrapped; /* of the wrapped, those the partner wrapped */
    uint64_t stopped_ticks;   /* ticks the belt stood still */
    uint64_t buffer_area;     /* sum over ticks of candies waiting */
    uint32_t buffer_max;      /* the most waiting at once */
    uint32_t hidden_max;      /* the most waiting out of the supervisor's sight */
    uint64_t held_max;        /* the biggest kitchen pile */
    struct wait_histogram waits; /* offer to start of wrapping, ticks */
};

struct sim {
    struct sim_config cfg;    /* as given to sim_init */
    uint64_t tick;            /* ticks simulated */
    uint64_t end_tick;        /* the shift ends here */
    enum outcome outcome;     /* RUNNING until the shift ends */
    struct rng play;          /* gameplay stream: arrivals, service, letters */
    struct rng cosmetic;      /* cosmetic stream: never changes the outcome */
    void *buffer;             /* the strategy's private state */
    struct kitchen kitchen;
    struct belt belt;
    struct worker worker;
    struct worker partner;    /* the second worker, when cfg.partner is a bot */
    struct supervisor supervisor;
    struct sim_stats stats;
    uint64_t last_drop_tick;  /* when candy was last eaten (0: never) */
    uint64_t last_drop_id;    /* which */
    uint64_t events_hash;     /* rolling hash of everything that happened */
    struct kitchen_signal signal; /* what the station told the kitchen this tick */
};

/* Sets up a shift. Returns 0, or -1 if memory ran out. */
int sim_init(struct sim *s, const struct sim_config *cfg);
void sim_free(struct sim *s);

/* Advances one tick. in may be NULL (no inputs). Does nothing once the shift
 * has ended. */
void sim_step(struct sim *s, const struct sim_input *in);

/* Counts derived from the state. */
uint32_t sim_waiting(const struct sim *s);       /* in the strategy's buffer */
uint64_t sim_held_at_kitchen(const struct sim *s);
uint32_t sim_on_belt(const struct sim *s);
uint32_t sim_in_progress(const struct sim *s);
uint32_t sim_visible_backlog(const struct sim *s); /* what the supervisor can see waiting */
bool sim_belt_running(const struct sim *s);      /* moving, and the shift not over */
uint32_t sim_current_rate(const struct sim *s);  /* belt rate per minute, with speed-ups */
uint32_t sim_sending_rate(const struct sim *s);  /* that, within the station's rate limit */
uint32_t sim_oldest_wait(const struct sim *s);   /* ticks the oldest waiting candy has waited */
int64_t sim_score(const struct sim *s);
bool sim_conserved(const struct sim *s);         /* produced == all the places candy can be */
uint64_t sim_state_hash(const struct sim *s);

const char *outcome_name(enum outcome o);

#endif
