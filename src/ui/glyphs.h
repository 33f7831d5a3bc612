/* glyphs.h - every picture character the game draws, in a Unicode set and
 * an ASCII set, chosen once at start. */
#ifndef CANDYLINE_GLYPHS_H
#define CANDYLINE_GLYPHS_H

#include <stdbool.h>

struct glyphs {
    const char *candy;       /* a candy on the belt or the table */
    const char *empty_slot;  /* a free place on the table */
    const char *hat;         /* a hat full of hidden candy */
    const char *eaten;       /* an eaten candy */
    const char *belt[2];     /* belt surface: plain, and the marks that show it moving */
    const char *roller;      /* belt end */
    const char *arrow;       /* direction of travel */
    const char *stopped;     /* belt stopped marker */
    const char *bar_full;    /* progress bar, done part */
    const char *bar_empty;   /* progress bar, remaining part */
    const char *spark[8];    /* sparkline levels, lowest first */
    const char *vline;       /* column divider */
    const char *hline;       /* row divider */
    const char *pile;        /* candy piled at the kitchen */
};

/* The set for this terminal. */
const struct glyphs *glyphs_pick(bool unicode);

#endif
