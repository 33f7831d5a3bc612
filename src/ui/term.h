/* term.h - the terminal's lifecycle: start ncurses, deliver signals as
 * flags, wait for input without spinning, and always restore the terminal. */
#ifndef CANDYLINE_TERM_H
#define CANDYLINE_TERM_H

#include <stdbool.h>
#include <stdint.h>

struct term_caps {
    bool color;   /* colours in use (has_colors and no NO_COLOR) */
    bool unicode; /* UTF-8 locale and no --ascii */
};

/* Colour pairs the views use. */
enum {
    PAIR_TITLE = 1,
    PAIR_GOOD, PAIR_WARN, PAIR_BAD, PAIR_DIM, PAIR_HIDDEN, PAIR_BELT,
};

/* Starts the screen. Returns 0, or -1 after printing why to stderr. */
int term_start(bool force_ascii, struct term_caps *caps);

/* Decides colour and glyphs for the current screen and sets up the
 * colour pairs (term_start does this; --cast calls it for its own screen). */
void term_colors(bool force_ascii, struct term_caps *caps);

/* Restores the terminal. Safe to call more than once. */
void term_stop(void);

/* True once after the process was stopped and continued (Ctrl-Z, SIGSTOP,
 * then fg): the terminal is set to the game's modes again and the next
 * refresh repaints the whole screen. The caller redraws. */
bool term_resumed(void);

/* The pending quit signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT), or 0. */
int term_pending_signal(void);

/* Restores the terminal, then dies of sig as if we had never caught it. */
void term_die_of(int sig);

/* Sleeps until input arrives, a signal lands, or timeout_ms passes
 * (-1: no timeout). */
void term_wait(int timeout_ms);

/* Monotonic time in nanoseconds. */
uint64_t term_now_ns(void);

#endif
