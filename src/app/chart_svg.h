/* chart_svg.h - the --chart picture: a standalone SVG for a slide, showing
 * over the shift's game time the true backlog beside what the supervisor
 * saw, the candy eaten so far and the belt's rate; with --compare, one
 * colour per strategy on the same axes. */
#ifndef CANDYLINE_CHART_SVG_H
#define CANDYLINE_CHART_SVG_H

#include <stddef.h>
#include <stdio.h>

#include "atomic_file.h"
#include "chart.h"

/* Writes the whole SVG document for runs to out. The output is the same
 * bytes for the same runs. Returns 0, or -1 if writing failed. */
int chart_svg_write(FILE *out, const struct chart_setup *c, const struct chart_run *runs,
                    size_t n);

/* Writes the SVG to f (opened by atomic_open for --chart) and commits it.
 * Returns 0, or 2 (the exit status) after saying why on stderr, with
 * nothing left on disk. */
int chart_svg_save(struct atomic_file *f, const struct chart_setup *c,
                   const struct chart_run *runs, size_t n);

/* Writes text with the characters XML reserves escaped; bytes that are not
 * valid UTF-8 or not allowed in XML become '?'. */
void chart_svg_text(FILE *out, const char *text);

#endif
