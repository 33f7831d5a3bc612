/* draw.c - drawing helpers: attributes, clipped text, sparklines, bars. */
#include "draw.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

attr_t view_attr(const struct view *v, int pair, attr_t mono)
{
    return v->caps.color ? (attr_t)COLOR_PAIR(pair) : mono;
}

/* How many bytes of text fill at most cols screen columns: clipping by
 * bytes would cut a multibyte glyph short and drop it near the edge. */
static size_t fit(const char *text, int cols)
{
    mbstate_t st;
    size_t used = 0;
    int width = 0;
    memset(&st, 0, sizeof st);
    while (text[used]) {
        if ((unsigned char)text[used] < 0x80) { /* ASCII: one column, no decoding */
            if (width + 1 > cols)
                break;
            width++;
            used++;
            continue;
        }
        wchar_t wc;
        size_t n = mbrtowc(&wc, text + used, MB_CUR_MAX, &st);
        if (n == (size_t)-1 || n == (size_t)-2) {
            memset(&st, 0, sizeof st);
            n = 1;
            wc = L'?';
        }
        int w = wcwidth(wc);
        if (w < 0)
            w = 1;
        if (width + w > cols)
            break;
        width += w;
        used += n;
    }
    return used;
}

/* Puts n bytes of printable ASCII as ready-made cells in the window's
 * current attributes: waddnstr would take every byte through ncurses'
 * multibyte decoding, the biggest cost of a frame. Returns false, having
 * drawn nothing, if the text holds anything else. */
static bool put_ascii(int y, int x, const char *text, size_t n)
{
    chtype cells[512];
    chtype attrs = (chtype)getattrs(stdscr);
    if (n > sizeof cells / sizeof cells[0])
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x20 || c > 0x7e)
            return false;
        cells[i] = (chtype)c | attrs;
    }
    mvaddchnstr(y, x, cells, (int)n);
    return true;
}

void draw_text(int y, int x, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    if (y < 0 || y >= LINES || x < 0 || x >= COLS)
        return;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    size_t n = fit(buf, COLS - x);
    if (!put_ascii(y, x, buf, n))
        mvaddnstr(y, x, buf, (int)n);
}

void draw_wrapped(int y, int x, int max_rows, const char *prefix, const char *text)
{
    char line[512];
    size_t width = COLS > x + 1 ? (size_t)(COLS - x - 1) : 1u;
    int used = snprintf(line, sizeof line, "%s", prefix);
    const char *p = text;
    for (int row = 0; row < max_rows && *p; row++) {
        size_t room = width > (size_t)used ? width - (size_t)used : 1u;
        size_t n = strlen(p);
        if (n > room) {
            n = room;
            while (n > 0 && p[n] != ' ')
                n--;
            if (n == 0)
                n = room;
        }
        snprintf(line + used, sizeof line - (size_t)used, "%.*s", (int)n, p);
        draw_text(y + row, x, "%s", line);
        p += n;
        while (*p == ' ')
            p++;
        used = snprintf(line, sizeof line, "%*s", (int)strlen(prefix), "");
    }
}

void glyph_row_start(struct glyph_row *r)
{
    r->cols = 0;
    r->cell[0] = L'\0';
}

/* A glyph as one wide character. The glyph sets are a few constant
 * strings, so the last few decoded are kept by address. */
static wchar_t glyph_wide(const char *glyph)
{
    static const char *seen[16];
    static wchar_t wide[16];
    static unsigned next;
    for (unsigned i = 0; i < 16; i++)
        if (seen[i] == glyph)
            return wide[i];
    mbstate_t st;
    wchar_t wc;
    memset(&st, 0, sizeof st);
    size_t n = mbrtowc(&wc, glyph, strlen(glyph), &st);
    if (n == (size_t)-1 || n == (size_t)-2 || n == 0 || wcwidth(wc) != 1)
        wc = L'?';
    seen[next] = glyph;
    wide[next] = wc;
    next = (next + 1u) % 16u;
    return wc;
}

void glyph_row_add(struct glyph_row *r, const char *glyph)
{
    if (r->cols >= GLYPH_ROW_MAX)
        return;
    r->cell[r->cols++] = glyph_wide(glyph);
    r->cell[r->cols] = L'\0';
}

void glyph_row_draw(const struct glyph_row *r, int y, int x)
{
    if (r->cols == 0 || y < 0 || y >= LINES || x < 0 || x >= COLS)
        return;
    mvaddnwstr(y, x, r->cell, r->cols < COLS - x ? r->cols : COLS - x);
}

void draw_repeat(int y, int x, const char *glyph, int n)
{
    struct glyph_row r;
    glyph_row_start(&r);
    for (int i = 0; i < n && x + i < COLS; i++)
        glyph_row_add(&r, glyph);
    glyph_row_draw(&r, y, x);
}

void draw_sparkline(const struct view *v, int y, int x, int width, const uint32_t *values,
                    size_t n, uint32_t max)
{
    size_t first = n > (size_t)width ? n - (size_t)width : 0;
    if (max == 0)
        for (size_t i = first; i < n; i++)
            if (values[i] > max)
                max = values[i];
    struct glyph_row r;
    glyph_row_start(&r);
    for (size_t i = first; i < n; i++) {
        int level = max ? (int)((uint64_t)values[i] * 7u / max) : 0;
        if (level > 7)
            level = 7;
        glyph_row_add(&r, v->g->spark[level]);
    }
    glyph_row_draw(&r, y, x);
}

uint32_t draw_bars(const struct view *v, int y, int x, int width, int height,
                   const uint32_t *values, size_t n, uint32_t top)
{
    if (top == 0) /* no scale given: the biggest value */
        for (size_t i = 0; i < n; i++)
            if (values[i] > top)
                top = values[i];
    if (top == 0)
        top = 1;
    if (n == 0 || width <= 0 || height <= 0)
        return top;
    for (int col = 0; col < width; col++) {
        /* The biggest value in this column's slice of time. */
        size_t lo = (size_t)col * n / (size_t)width;
        size_t hi = (size_t)(col + 1) * n / (size_t)width;
        if (hi <= lo)
            hi = lo + 1;
        uint32_t m = 0;
        for (size_t i = lo; i < hi && i < n; i++)
            if (values[i] > m)
                m = values[i];
        if (m > top)
            m = top;
        /* Height in eighths of a row. */
        uint64_t eighths = (uint64_t)m * (uint64_t)height * 8u / top;
        for (int row = 0; row < height; row++) {
            uint64_t base = (uint64_t)row * 8u;
            if (eighths <= base)
                break;
            uint64_t part = eighths - base;
            const char *glyph = part >= 8 ? v->g->bar_full : v->g->spark[part - 1];
            draw_text(y + height - 1 - row, x + col, "%s", glyph);
        }
    }
    return top;
}

void format_clock(char *buf, size_t len, uint64_t seconds)
{
    snprintf(buf, len, "%u:%02u", (unsigned)(seconds / 60u), (unsigned)(seconds % 60u));
}
