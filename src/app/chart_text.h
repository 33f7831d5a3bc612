/* chart_text.h - the terminal chart under the --compare table: each
 * strategy's true backlog over the shift as one line of characters, on one
 * time axis and one scale, so the lines compare at a glance. */
#ifndef CANDYLINE_CHART_TEXT_H
#define CANDYLINE_CHART_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "chart.h"

#define CHART_TEXT_WIDTH 56u /* characters of time axis */

/* True if the environment asks for UTF-8: the first of LC_ALL, LC_CTYPE
 * and LANG that is set and not empty names a UTF-8 character set. */
bool chart_text_utf8_locale(void);

/* Prints the chart (Unicode blocks if unicode, else ASCII). */
void chart_text(FILE *out, const struct chart_setup *c, const struct chart_run *runs, size_t n,
                bool unicode);

#endif
