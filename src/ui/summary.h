/* summary.h - the end-of-shift screen: outcome, figures and a chart of the
 * true backlog over the whole shift beside what the supervisor saw. */
#ifndef CANDYLINE_SUMMARY_H
#define CANDYLINE_SUMMARY_H

#include <stdbool.h>

#include "../app/shift.h"
#include "../sim/sim.h"
#include "draw.h"
#include "hiscores.h"

void summary_draw(const struct view *v, const struct sim *s, const struct series *series);

/* Shows the summary until a key decides: true for Enter (back to the
 * title), false for q (leave). h (NULL after a replay) is the high-score
 * table of a shift played at the keyboard: shown with the chart when the
 * terminal is tall enough, else in its place (Tab switches; the table first
 * when the shift's score competes). A score that makes the table asks for a
 * name before Enter and q work. */
bool summary_run(const struct view *v, const struct sim *s, const struct series *series,
                 struct hiscores *h);

#endif
