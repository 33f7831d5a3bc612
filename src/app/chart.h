/* chart.h - what the debrief charts draw: each strategy's shift sampled
 * once a second (the series of shift.h), on one time axis. chart_svg.c
 * turns runs into a picture (--chart), chart_text.c into lines of text
 * under the --compare table. */
#ifndef CANDYLINE_CHART_H
#define CANDYLINE_CHART_H

#include <stddef.h>
#include <stdint.h>

#include "../sim/sim.h"
#include "shift.h"

/* A chart keeps at most about this many points per run: longer shifts are
 * sampled every few seconds instead of every second. */
#define CHART_MAX_POINTS 20000u

/* One strategy's shift. */
struct chart_run {
    const char *strategy;         /* the spec, named in the legend */
    const struct series *series;  /* its samples, in order */
    enum outcome outcome;         /* how the shift ended */
    uint64_t end_tick;            /* when */
};

/* What every run shared. */
struct chart_setup {
    const char *scenario;         /* the scenario's name */
    const char *title;            /* its title line, or "" */
    const char *worker;           /* "auto:90:fixed" */
    uint64_t seed;
    uint32_t shift_s;             /* the length of the shift, seconds */
};

/* Seconds between samples for a shift this long: 1, or more past
 * CHART_MAX_POINTS seconds. */
uint32_t chart_every(uint32_t shift_s);

/* Call after each second of game time and once at the end: samples sim into
 * series every `every` seconds and at the end. Returns 0, or -1 if memory
 * ran out. */
int chart_sample(struct series *series, const struct sim *sim, uint32_t every);

/* The time axis in seconds: the shift's length, or where the last run
 * ended if every run was quit early (a replay of a short game). */
uint32_t chart_span_s(const struct chart_setup *c, const struct chart_run *runs, size_t n);

/* Fills c from the shift's config; worker is where the worker's spec is
 * written (c points to it). */
void chart_setup_from(struct chart_setup *c, const struct sim_config *cfg, char *worker,
                      size_t len);

/* "burst at 95 s" for a shift that did not complete, "" if it did. */
void chart_ending(const struct chart_run *r, char *buf, size_t len);

#endif
