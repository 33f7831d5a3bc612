/* ui.h - the ncurses game: title menu, shift, end-of-shift summary. */
#ifndef CANDYLINE_UI_H
#define CANDYLINE_UI_H

#include "../app/options.h"

/* Plays until the player leaves. Returns the exit status. The terminal is
 * restored on every way out. */
int ui_run(const struct options *o, const struct scenario *sc);

/* Plays the replay o->replay on screen, with its controls. Returns the
 * exit status. */
int ui_replay(const struct options *o);

/* --replay FILE --cast OUT: films the replay as an asciicast v2 file, with
 * no terminal. Returns the exit status. */
int cast_run(const struct options *o);

/* --versus: two strategies' shifts, cfg[0] and cfg[1], side by side on one
 * screen, then a two-column summary. Returns the exit status. */
int ui_versus(const struct options *o, const struct sim_config cfg[2]);

#endif
