/* shift_loop.h - one shift on screen in real time: the game with the
 * keyboard, or a replay with its own controls. Also where a quit signal is
 * turned into a clean exit that finishes a recording first. */
#ifndef CANDYLINE_SHIFT_LOOP_H
#define CANDYLINE_SHIFT_LOOP_H

#include <stdbool.h>

#include "../app/recorder.h"
#include "../app/replay_play.h"
#include "../app/shift.h"
#include "draw.h"
#include "shift_view.h"

#define REPLAY_MAX_SPEED 32u

struct shift_loop {
    struct sim s;                 /* the shift */
    struct series series;         /* one point per second, for charts */
    struct shift_screen scr;      /* panel, pause, help, message */
    struct recorder *rec;         /* recording the shift, or NULL */
    struct replay_player *player; /* a replay's inputs replace the keyboard, or NULL */
    unsigned speed;               /* game ticks per tick of wall time (replays, bots: 1 to 32) */
    uint32_t visits;              /* supervisor visits already announced */
    uint64_t dropped;             /* drops already announced */
};

enum loop_end {
    LOOP_SUMMARY, /* the shift ended (or the player ended it): show the summary */
    LOOP_LEAVE,   /* leave at once (q in a replay) */
};

/* Sets up a shift. Returns 0, or -1 if memory ran out. */
int shift_loop_init(struct shift_loop *l, const struct sim_config *cfg);
void shift_loop_free(struct shift_loop *l);

/* Sets up the panel as --panel asks: shown, or hidden with Tab off. */
void shift_loop_panel(struct shift_loop *l, enum panel_mode mode);

/* Advances one tick. In a replay its inputs replace *in. */
void shift_loop_step(struct shift_loop *l, struct sim_input *in);

/* Plays the shift on screen until it ends or the player leaves. */
enum loop_end shift_loop_run(const struct view *v, struct shift_loop *l);

/* Turns news from the simulation into the message line. */
void shift_loop_news(struct shift_loop *l);

/* If a quit signal has arrived: finishes the recording of the running
 * shift, restores the terminal and dies of the signal. */
void ui_check_signals(void);

#endif
