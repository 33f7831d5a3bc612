/* draw.h - small drawing helpers shared by the views: colour with a
 * monochrome fallback, clipped text, and the charts. */
#ifndef CANDYLINE_DRAW_H
#define CANDYLINE_DRAW_H

#include <curses.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "glyphs.h"
#include "term.h"

struct view {
    const struct glyphs *g; /* glyph set */
    struct term_caps caps;  /* colour and Unicode */
};

/* The attribute for a colour pair, or mono (A_BOLD, A_REVERSE...) without colour. */
attr_t view_attr(const struct view *v, int pair, attr_t mono);

/* Prints at (y, x), clipped to the screen width. printf-style. */
void draw_text(int y, int x, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Prints prefix then text, word-wrapped to the screen width, on at most
 * max_rows rows from (y, x). */
void draw_wrapped(int y, int x, int max_rows, const char *prefix, const char *text);

/* A row of glyphs (one screen column each) built up, then drawn with one
 * call as wide characters: a call per cell, or UTF-8 that ncurses decodes
 * again every frame, was most of the game's CPU time. */
#define GLYPH_ROW_MAX 1024
struct glyph_row {
    wchar_t cell[GLYPH_ROW_MAX + 1];
    int cols;
};

void glyph_row_start(struct glyph_row *r);
/* Appends one glyph; a full row ignores the rest. */
void glyph_row_add(struct glyph_row *r, const char *glyph);
/* Draws the row at (y, x), clipped to the screen. */
void glyph_row_draw(const struct glyph_row *r, int y, int x);

/* Draws a glyph string n times from (y, x), clipped. */
void draw_repeat(int y, int x, const char *glyph, int n);

/* A one-row sparkline of the last `width` values, scaled to max (or to the
 * largest value if max is 0). */
void draw_sparkline(const struct view *v, int y, int x, int width, const uint32_t *values,
                    size_t n, uint32_t max);

/* A bar chart of values squeezed or stretched into width columns and
 * height rows, bottom at row y + height - 1, scaled to top (0: the largest
 * value). Returns the scale's top. */
uint32_t draw_bars(const struct view *v, int y, int x, int width, int height,
                   const uint32_t *values, size_t n, uint32_t top);

/* Formats game seconds as M:SS. */
void format_clock(char *buf, size_t len, uint64_t seconds);

#endif
