/* key_screen.h - a screen that only changes when a key arrives (the title
 * menu, the summaries): drawn when something changed, asleep otherwise. */
#ifndef CANDYLINE_KEY_SCREEN_H
#define CANDYLINE_KEY_SCREEN_H

#include <stdbool.h>

/* True below the smallest terminal the screens fit in (80x24). */
bool screen_too_small(void);

/* Draws with draw(ctx) (or the "please enlarge" screen), sleeps until a key
 * or a signal, hands each key to key(ctx, ch, small) and redraws; returns
 * the first nonzero value key() returns. No CPU while nothing happens. */
int key_screen_run(void (*draw)(void *ctx), int (*key)(void *ctx, int ch, bool small),
                   void *ctx);

#endif
