/* replay.h - the replay file (SPEC section 6, a contract): a shift's
 * settings, its tick-stamped inputs, a checksum every second, expectations
 * and the final hash, as line-based text a person can also write by hand.
 * The format is described in README.md ("Replays") and in
 * assets/replays/example.rpl.
 */
#ifndef CANDYLINE_REPLAY_H
#define CANDYLINE_REPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../sim/sim.h"

#define REPLAY_MAGIC "candyline-replay"
#define REPLAY_FORMAT 1
#define REPLAY_EVERY_END UINT64_MAX /* a repeat with no 'until' runs to the end */

enum replay_op { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE };

/* expect KEY [OP] VALUE: a JSON report key compared with a value. */
struct replay_expect {
    char key[32];
    enum replay_op op;
    char value[64];
};

enum replay_event_kind {
    REV_KEYS,   /* type these letters */
    REV_WRAP,   /* type the letter on the candy in hand, whatever it is */
    REV_QUIT,   /* the player ends the shift */
    REV_CHECK,  /* the state hash after this many ticks */
    REV_EXPECT, /* an expectation after this many ticks */
};

struct replay_event {
    uint64_t tick;               /* inputs: the tick they act in; checks: ticks simulated */
    uint64_t every;              /* repeat every this many ticks (0: once) */
    uint64_t until;              /* the last tick a repeat may act in */
    enum replay_event_kind kind;
    unsigned line;               /* where it is in the file */
    char keys[SIM_MAX_KEYS + 1]; /* REV_KEYS */
    uint64_t hash;               /* REV_CHECK */
    struct replay_expect expect; /* REV_EXPECT */
};

struct replay_final {
    struct replay_expect expect;
    unsigned line;
};

struct replay {
    char file[256];           /* the name messages use */
    char game[32];            /* the version that recorded it ("" if not given) */
    bool recorded;            /* written by --record: must end with its end line */
    uint64_t seed;            /* default 1 */
    char scenario[256];       /* built-in name or path, as written */
    bool scenario_hash_given; /* scenario line carried a hash */
    uint64_t scenario_hash;
    char strategy[64];        /* the spec */
    struct worker_config worker; /* default: human */
    struct worker_config partner; /* a bot partner, or zeroed: none */
    bool memory_given, rate_given, arrivals_given, supervisor_given, minutes_given;
    uint32_t memory, rate, minutes;
    enum arrivals arrivals;
    bool supervisor;
    struct replay_event *events; /* in tick order */
    size_t nevents;
    struct replay_final *finals; /* expect lines with no tick: checked at the end */
    size_t nfinals;
    bool has_end;             /* end TICK OUTCOME HASH */
    uint64_t end_tick;
    enum outcome end_outcome;
    uint64_t end_hash;
    unsigned end_line;
    bool cut_off;             /* the last line had no newline and was left out */
    unsigned lines;           /* lines read */
    unsigned scenario_line;   /* where the scenario and strategy were named */
    unsigned strategy_line;
};

/* Parses a replay from text (len bytes). file names it in messages.
 * Returns 0, or -1 with "FILE:LINE: what was expected" in err. */
int replay_parse(const char *text, size_t len, const char *file, struct replay *r, char *err,
                 size_t errlen);

/* Reads and parses a replay file. Returns 0, or -1 with a message in err. */
int replay_load(const char *path, struct replay *r, char *err, size_t errlen);

void replay_free(struct replay *r);

/* Loads the replay's scenario (a relative path is looked up beside the
 * replay first), checks its hash and builds the shift's config. Returns 0,
 * or -1 with a message in err. */
int replay_config(const struct replay *r, const char *replay_path, struct sim_config *cfg,
                  char *err, size_t errlen);

/* Formats a tick as M:SS.hh (hundredths) for messages. */
void replay_format_tick(char *buf, size_t len, uint64_t tick);

#endif
