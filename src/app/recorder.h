/* recorder.h - writes a replay while a shift is played (--record).
 *
 * The file is written as the game goes, to FILE.part, and flushed once per
 * second of game time, so a crash leaves a replay readable up to its last
 * complete line. recorder_finish() writes the end line and renames the
 * file to its name: a file under the name asked for is always whole.
 */
#ifndef CANDYLINE_RECORDER_H
#define CANDYLINE_RECORDER_H

#include <stdbool.h>
#include <stdio.h>

#include "../sim/sim.h"

struct recorder {
    FILE *f;         /* the .part file, NULL when not recording */
    char path[1024]; /* the name asked for */
    char part[1040]; /* where it is written until finished */
    bool in_place;   /* a device or FIFO: written directly, never renamed */
    bool failed;     /* a write failed: finish reports it */
    int err;         /* errno of that failure */
};

/* Starts a recording of the shift cfg describes. scenario_ref is how a
 * replay finds the scenario again: a built-in name or a path. Returns 0, or
 * -1 with a message in err. */
int recorder_open(struct recorder *r, const char *path, const struct sim_config *cfg,
                  const char *scenario_ref, char *err, size_t errlen);

/* Call before each sim_step: records the tick's inputs, if any. */
void recorder_input(struct recorder *r, const struct sim *s, const struct sim_input *in);

/* Call after each sim_step: a checksum line and a flush every second. */
void recorder_after_step(struct recorder *r, const struct sim *s);

/* Writes the expectations and the end line for a shift that has ended, and
 * gives the file its name. Returns 0, or -1 with a message in err. */
int recorder_finish(struct recorder *r, const struct sim *s, char *err, size_t errlen);

/* For a game dying of a signal mid-shift: ends the shift as if the player
 * had quit at this tick and finishes the file. Uses only stdio. */
void recorder_finish_interrupted(struct recorder *r, struct sim *s);

/* Abandons the recording and removes the .part file. */
void recorder_discard(struct recorder *r);

#endif
