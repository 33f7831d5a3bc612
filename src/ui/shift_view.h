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
    char keys[100];    /* replays and bots: the key line instead of the game's */
    bool panel_locked; /* --panel hidden: Tab can't show the panel this round */
    bool replay;       /* a replay: the keys were typed by someone else */
    bool end_lock;     /* the shift just ended: letters don't open the summary yet */
};

/* Draws everything for the current state into the ncurses buffer. */
void shift_view_draw(const struct view *v, const struct sim *s, const struct series *series,
                     const struct shift_screen *screen);

/* The column where the station starts, at the right edge (66 at 80
 * columns), so a wider terminal gets a longer belt. */
int view_station_x(void);

/* The belt from column 10 to the station (COLS - 14): its label, rate and
 * state on row label_y, the candy on candy_y, the surface below it, and
 * with count the number on the belt under that. */
void belt_draw(const struct view *v, const struct sim *s, int label_y, int candy_y, bool count);

/* The table or the hats on row y, from column 2 to about 70. */
void buffer_draw(const struct view *v, const struct sim *s, int y);

/* The eaten candy on row y (nothing for a strategy that never eats). */
void eaten_draw(const struct view *v, const struct sim *s, int y);

/* The supervisor panel, rows y to y + 8. */
void panel_draw(const struct view *v, int y, const struct sim *s, const struct series *series);

/* The help overlay (panel_locked: Tab is off this round). */
void help_draw(const struct view *v, bool panel_locked);

/* The "please enlarge" screen, for any size down to 1x1. */
void enlarge_draw(void);

#endif
