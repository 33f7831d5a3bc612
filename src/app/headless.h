/* headless.h - runs shifts with no terminal: --headless and --compare. */
#ifndef CANDYLINE_HEADLESS_H
#define CANDYLINE_HEADLESS_H

#include <stdbool.h>
#include <stdio.h>

#include "../sim/sim.h"
#include "options.h"
#include "recorder.h"

/* Runs one shift to its end as fast as possible, printing the report asked
 * for. Returns the exit status. */
int headless_run(const struct options *o, const struct scenario *sc);

/* Runs each strategy in the comma-separated list on the same shift and
 * prints a table. Returns the exit status. */
int compare_run(const struct options *o, const struct scenario *sc);

/* Runs cfg to its end, calling on_second (if not NULL) after each second of
 * game time and recording to rec (if not NULL). on_second returns false to
 * stop early (its output failed). Returns 0, or -1 if memory ran out. The
 * caller frees s. */
int headless_simulate(struct sim *s, const struct sim_config *cfg,
                      bool (*on_second)(const struct sim *s, void *ctx), void *ctx,
                      struct recorder *rec);

/* If the shift ended because memory ran out, says so on stderr and returns
 * true: the run has no report to give. */
bool headless_out_of_memory(const struct sim *s);

/* Prints the --report csv row for the state of s now. */
void headless_csv_row(const struct sim *s, FILE *out);

#endif
