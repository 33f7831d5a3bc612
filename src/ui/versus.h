/* versus.h - two strategies' shifts on one screen (--versus): the same
 * scenario, seed and bot worker, one line each, one clock, then a
 * two-column summary. */
#ifndef CANDYLINE_VERSUS_H
#define CANDYLINE_VERSUS_H

#include <stdbool.h>
#include <stdint.h>

#include "draw.h"
#include "shift_loop.h"

struct versus {
    struct shift_loop lane[2]; /* A and B: a shift each, with its series and news */
    unsigned speed;            /* game ticks per tick of wall time, 1 to 32 */
    bool paused;               /* the shared clock is stopped */
    bool panel;                /* each line shows what she sees beside the truth */
    bool panel_locked;         /* --panel hidden: Tab can't show it this round */
};

/* The shared clock: the ticks of the line that has run longest. */
uint64_t versus_ticks(const struct versus *vs);

/* Who works each line, for the headers: "worker auto:90:fixed", or
 * "workers auto:90:fixed & auto:60:fixed" with a partner. */
void versus_crew(const struct sim_config *cfg, char *buf, size_t len);

/* True while either line's shift is still running. */
bool versus_running(const struct versus *vs);

/* Draws the running screen: header, the two lines, the key line. */
void versus_draw(const struct view *v, const struct versus *vs);

/* Draws the two-column summary. */
void versus_summary_draw(const struct view *v, const struct versus *vs);

#endif
