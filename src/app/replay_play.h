/* replay_play.h - plays a replay into the simulation, tick by tick, and
 * checks it: the checksums, the expectations and the end line. Used by the
 * headless runner (--replay --headless [--verify]) and by the on-screen
 * replay and --cast, which share the same player. */
#ifndef CANDYLINE_REPLAY_PLAY_H
#define CANDYLINE_REPLAY_PLAY_H

#include <stdbool.h>
#include <stdio.h>

#include "../sim/sim.h"
#include "options.h"
#include "replay.h"

struct replay_player {
    const struct replay *r;
    size_t next;         /* the first event not yet reached */
    size_t *repeats;     /* indices of repeating inputs reached so far */
    size_t nrepeats;
    FILE *log;           /* where differences are written; NULL: keep quiet */
    unsigned checks;     /* checksums compared */
    bool diverged;       /* a checksum differed (only the first is reported) */
    uint64_t diverged_tick;
    unsigned expects;    /* expectations evaluated */
    unsigned expects_failed;
    bool end_ok;         /* the end line (if any) matched */
};

/* Starts playing r. Returns 0, or -1 if memory ran out. */
int replay_player_init(struct replay_player *p, const struct replay *r, FILE *log);
void replay_player_free(struct replay_player *p);

/* Call before each sim_step while the shift runs: checks and expectations
 * due at s->tick, then this tick's input in *in. */
void replay_player_before_step(struct replay_player *p, const struct sim *s,
                               struct sim_input *in);

/* Call once the shift has ended: what is left, the expectations with no
 * tick, the end line. Returns true if everything held. */
bool replay_player_finish(struct replay_player *p, const struct sim *s);

/* --replay FILE with --headless (and --verify, --report). Returns the exit
 * status: 0, 1 if a verification failed, 2 for bad input. */
int replay_headless(const struct options *o);

#endif
