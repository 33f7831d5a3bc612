/* shift_view.h - draws the shift: kitchen, belt, station, hands, counters,
 * the supervisor panel and the key line. Reads the simulation, never
 * changes it. */
#ifndef CANDYLINE_SHIFT_VIEW_H
#define CANDYLINE_SHIFT_VIEW_H

#include <stdbool.h>

#include "../app/shift.h"
#include "../sim/sim.h"
#include "draw.h"

#define VIEW_MIN_COLS 80
#define VIEW_MIN_LINES 24

/* What the player has switched on, and the latest news. */
struct shift_screen {
    bool panel;        /* supervisor panel shown */
    bool paused;       /* the game clock is stopped */
    bool help;         /* help overlay shown */
    char message[120]; /* the latest event, shown under the counters */
    int message_pair;  /* its colour */
    char keys[100];    /* replays: the key line instead of the game's */
};

/* Draws everything for the current state into the ncurses buffer. */
void shift_view_draw(const struct view *v, const struct sim *s, const struct series *series,
                     const struct shift_screen *screen);

/* The supervisor panel, rows y to y + 8. */
void panel_draw(const struct view *v, int y, const struct sim *s, const struct series *series);

/* The help overlay. */
void help_draw(const struct view *v);

/* The "please enlarge" screen, for any size down to 1x1. */
void enlarge_draw(void);

#endif
