/* game_clock.h - how much game time a pass of the screen loop adds, and
 * which tick the simulation should reach. Wall time becomes game time only
 * while the shift runs: a pause, the help page, a too-small terminal add
 * nothing, and neither does the pass that resumes from them. A long gap
 * while running (a suspended process, a stalled machine) is not played
 * back in a rush. Keys may pull a tick forward so that their effect shows
 * at once, but never run the game ahead of the clock by more than that one
 * tick, however fast they come. Pure arithmetic: no clock of its own. */
#ifndef CANDYLINE_GAME_CLOCK_H
#define CANDYLINE_GAME_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

#include "../sim/scenario.h"
#include "frame_pacer.h"

#define TICK_NS (1000000000ull / TICK_HZ)

struct game_clock {
    uint64_t game_ns; /* game time so far, at speed 1 in wall nanoseconds */
    uint64_t last_ns; /* wall time of the previous pass */
    bool running;     /* whether the game ran on the previous pass */
};

/* A clock that starts now, stopped until the first pass that runs. */
void game_clock_start(struct game_clock *c, uint64_t now_ns);

/* One pass of the loop at wall time now_ns: adds the time since the last
 * pass, at most MAX_CATCH_UP_NS and times speed, if the game ran both then
 * and now. */
void game_clock_pass(struct game_clock *c, uint64_t now_ns, bool running, unsigned speed);

/* The tick the simulation should run up to, now at tick `tick`. With keys
 * waiting and the clock's tick already run, the next tick, at once; if the
 * game is already a tick ahead, the keys wait for the clock. */
uint64_t game_clock_target(const struct game_clock *c, uint64_t tick, bool keys);

/* The game was moved by hand (a step while paused): the clock follows. */
void game_clock_follow(struct game_clock *c, uint64_t tick);

/* The process was stopped and has just been continued (Ctrl-Z, SIGSTOP):
 * the time since the last pass was not play and counts for nothing. */
void game_clock_skip(struct game_clock *c, uint64_t now_ns);

/* Milliseconds of wall time, at least 1, until the game time reaches
 * `tick`: how long keys held back (the game a tick ahead) wait. */
int game_clock_wait_ms(const struct game_clock *c, uint64_t tick, unsigned speed);

#endif
