/* draw.c - drawing helpers: attributes, clipped text, sparklines, bars. */
#include "draw.h"

#include <stdarg.h>
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

void draw_text(int y, int x, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    if (y < 0 || y >= LINES || x < 0 || x >= COLS)
        return;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    mvaddnstr(y, x, buf, (int)fit(buf, COLS - x));
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

void draw_repeat(int y, int x, const char *glyph, int n)
{
    for (int i = 0; i < n && x + i < COLS; i++)
        if (y >= 0 && y < LINES && x + i >= 0)
            mvaddstr(y, x + i, glyph);
}

void draw_sparkline(const struct view *v, int y, int x, int width, const uint32_t *values,
                    size_t n, uint32_t max)
{
    size_t first = n > (size_t)width ? n - (size_t)width : 0;
    if (max == 0)
        for (size_t i = first; i < n; i++)
            if (values[i] > max)
                max = values[i];
    for (size_t i = first; i < n; i++) {
        int level = max ? (int)((uint64_t)values[i] * 7u / max) : 0;
        if (level > 7)
            level = 7;
        draw_text(y, x + (int)(i - first), "%s", v->g->spark[level]);
    }
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
