/* report.h - the end-of-shift report as text, JSON (SPEC section 5 keys, a
 * contract) or CSV (one row per second of game time). */
#ifndef CANDYLINE_REPORT_H
#define CANDYLINE_REPORT_H

#include <stdio.h>

#include "../sim/sim.h"
#include "shift.h"

/* Figures derived from a finished (or running) shift, in report units. */
struct report_figures {
    double seconds;       /* game time simulated */
    double buffer_mean;   /* time-average candies waiting */
    double wait_mean_s;   /* offer to start of wrapping */
    double wait_p50_s;
    double wait_p99_s;
    double busy_fraction; /* share of ticks the worker was wrapping */
};

void report_figures(const struct sim *s, struct report_figures *f);

void report_text(FILE *out, const struct sim *s);
void report_json(FILE *out, const struct sim *s);
void report_csv_header(FILE *out);
void report_csv_row(FILE *out, const struct series_point *p);

#endif
