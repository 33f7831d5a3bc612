/* chart_text.c - prints the --compare sparklines (see chart_text.h). */
#include "chart_text.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Levels, lowest first: the game's sparkline glyphs (src/ui/glyphs.c). */
static const char *const unicode_levels[8] = {"\u2581", "\u2582", "\u2583", "\u2584",
                                              "\u2585", "\u2586", "\u2587", "\u2588"};
static const char *const ascii_levels[8] = {"_", ".", ",", "-", "~", "+", "*", "#"};

bool chart_text_utf8_locale(void)
{
    static const char *const vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (!v || !*v)
            continue;
        const char *dot = strchr(v, '.');
        if (!dot)
            return false;
        return strncasecmp(dot + 1, "UTF-8", 5) == 0 || strncasecmp(dot + 1, "utf8", 4) == 0;
    }
    return false;
}

/* The most candies waiting in each column of the time axis; -1 for a
 * column after the shift ended. */
static void columns(const struct series *s, uint32_t span, int64_t *col)
{
    for (size_t c = 0; c < CHART_TEXT_WIDTH; c++)
        col[c] = -1;
    for (size_t i = 0; i < s->len; i++) {
        uint32_t sec = s->points[i].second;
        uint64_t c = sec ? (uint64_t)(sec - 1) * CHART_TEXT_WIDTH / span : 0;
        if (c >= CHART_TEXT_WIDTH)
            c = CHART_TEXT_WIDTH - 1;
        if ((int64_t)s->points[i].waiting > col[c])
            col[c] = s->points[i].waiting;
    }
}

void chart_text(FILE *out, const struct chart_setup *c, const struct chart_run *runs, size_t n,
                bool unicode)
{
    const char *const *level = unicode ? unicode_levels : ascii_levels;
    uint32_t span = chart_span_s(c, runs, n);
    uint32_t top = 0;
    for (size_t r = 0; r < n; r++)
        for (size_t i = 0; i < runs[r].series->len; i++)
            if (runs[r].series->points[i].waiting > top)
                top = runs[r].series->points[i].waiting;
    fprintf(out, "\nTrue backlog over the shift (candies waiting, hats included), one scale "
                 "for all: %s none, %s a few, %s %" PRIu32 "\n", level[0], level[1], level[7], top);
    for (size_t r = 0; r < n; r++) {
        int64_t col[CHART_TEXT_WIDTH];
        uint32_t max = 0;
        char ending[64];
        columns(runs[r].series, span, col);
        fprintf(out, "%-22s |", runs[r].strategy);
        for (size_t k = 0; k < CHART_TEXT_WIDTH; k++) {
            if (col[k] < 0) {
                fputc(' ', out);
                continue;
            }
            uint64_t v = (uint64_t)col[k];
            if (v > max)
                max = (uint32_t)v;
            fputs(level[v == 0 || top == 0 ? 0 : 1 + v * 6 / top], out);
        }
        chart_ending(&runs[r], ending, sizeof ending);
        fprintf(out, "| max %" PRIu32 "%s%s\n", max, ending[0] ? ", " : "", ending);
    }
    char end[24];
    snprintf(end, sizeof end, "%" PRIu32 " s", span);
    fprintf(out, "%-22s  0 s%*s (game time)\n", "", (int)CHART_TEXT_WIDTH - 3, end);
}
