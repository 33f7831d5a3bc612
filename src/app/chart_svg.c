/* chart_svg.c - writes the --chart SVG (see chart_svg.h): a title, a
 * legend, then three panels on one time axis: candies waiting (the true
 * backlog and what the supervisor saw), candy eaten so far, and the belt's
 * rate. Coordinates are worked out in whole tenths of a pixel, so the same
 * runs give the same bytes with any compiler. */
#include "chart_svg.h"

#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#define WIDTH 960
#define LEFT 84               /* room for the y labels */
#define RIGHT 28
#define PLOT_W (WIDTH - LEFT - RIGHT)
#define CHAR_W 7              /* a character of 12 px text, about */
#define LEGEND_TOP 84
#define LEGEND_ROW 22
#define PANEL_GAP 46          /* from one panel's bottom to the next one's top */
#define FONT "DejaVu Sans, Helvetica, Arial, sans-serif"

/* Okabe-Ito colours, told apart by colour-blind readers too. */
static const char *const palette[] = {"#d55e00", "#0072b2", "#009e73", "#cc79a7",
                                      "#e69f00", "#56b4e9", "#000000", "#8c564b"};
#define NCOLOURS (sizeof palette / sizeof palette[0])

/* A value plotted over time. */
typedef uint64_t (*field_fn)(const struct series_point *p);

static uint64_t true_backlog(const struct series_point *p) { return p->waiting; }
static uint64_t seen_backlog(const struct series_point *p) { return p->visible; }
static uint64_t eaten(const struct series_point *p) { return p->dropped; }
static uint64_t belt_rate(const struct series_point *p) { return p->rate; }

/* One panel: where it is and what its axes span. */
struct panel {
    int top, height;          /* pixels */
    uint32_t span;            /* seconds across */
    uint32_t xstep;           /* seconds between x ticks */
    uint64_t ymax, ystep;     /* candies (or candies/min) up the side */
};

/* How many bytes the UTF-8 sequence at p takes if it is a character XML
 * allows, else 0. */
static size_t utf8_char(const unsigned char *p)
{
    size_t len;
    uint32_t c;
    if (p[0] >= 0xf0 && p[0] <= 0xf4) {
        len = 4;
        c = p[0] & 0x07u;
    } else if (p[0] >= 0xe0 && p[0] <= 0xef) {
        len = 3;
        c = p[0] & 0x0fu;
    } else if (p[0] >= 0xc2 && p[0] <= 0xdf) {
        len = 2;
        c = p[0] & 0x1fu;
    } else {
        return 0;
    }
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xc0u) != 0x80u)
            return 0;
        c = (c << 6) | (p[i] & 0x3fu);
    }
    if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) || c > 0x10ffff ||
        (c >= 0xd800 && c <= 0xdfff) || c == 0xfffe || c == 0xffff)
        return 0;
    return len;
}

void chart_svg_text(FILE *out, const char *text)
{
    const unsigned char *p = (const unsigned char *)text;
    while (*p) {
        if (*p >= 0x80) {
            size_t len = utf8_char(p);
            if (len)
                fwrite(p, 1, len, out);
            else
                fputc('?', out);
            p += len ? len : 1;
            continue;
        }
        switch (*p) {
        case '&':
            fputs("&amp;", out);
            break;
        case '<':
            fputs("&lt;", out);
            break;
        case '>':
            fputs("&gt;", out);
            break;
        case '"':
            fputs("&quot;", out);
            break;
        case '\'':
            fputs("&apos;", out);
            break;
        default:
            fputc(*p < 0x20 ? '?' : *p, out);
        }
        p++;
    }
}

/* A step of 1, 2 or 5 times a power of ten giving at most `ticks` steps up
 * to max. */
static uint64_t nice_step(uint64_t max, uint64_t ticks)
{
    uint64_t raw = (max + ticks - 1) / ticks;
    for (uint64_t p = 1;; p *= 10) {
        if (p >= raw)
            return p;
        if (2 * p >= raw)
            return 2 * p;
        if (5 * p >= raw)
            return 5 * p;
    }
}

/* Seconds between ticks on the time axis: at most 10 of them. */
static uint32_t time_step(uint32_t span)
{
    static const uint32_t steps[] = {1,     2,     5,      10,     15,     30,     60,
                                     120,   300,   600,    900,    1800,   3600,   7200,
                                     14400, 28800, 43200,  86400,  172800, 432000, 864000,
                                     1728000, 4320000, 8640000};
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        if (span / steps[i] <= 10)
            return steps[i];
    return steps[sizeof steps / sizeof steps[0] - 1];
}

static void set_scale(struct panel *p, uint64_t max)
{
    if (max < 4)
        max = 4;
    p->ystep = nice_step(max, 5);
    p->ymax = (max + p->ystep - 1) / p->ystep * p->ystep;
}

static uint64_t most(const struct chart_run *runs, size_t n, field_fn get)
{
    uint64_t max = 0;
    for (size_t r = 0; r < n; r++)
        for (size_t i = 0; i < runs[r].series->len; i++)
            if (get(&runs[r].series->points[i]) > max)
                max = get(&runs[r].series->points[i]);
    return max;
}

static long x10(const struct panel *p, uint32_t second)
{
    if (second > p->span)
        second = p->span;
    return LEFT * 10L + (long)((uint64_t)second * PLOT_W * 10u / p->span);
}

static long y10(const struct panel *p, uint64_t v)
{
    if (v > p->ymax)
        v = p->ymax;
    return (p->top + p->height) * 10L - (long)(v * (uint64_t)p->height * 10u / p->ymax);
}

/* A coordinate in tenths of a pixel, as SVG reads it. */
static void coord(FILE *out, long tenths)
{
    fprintf(out, "%ld.%ld", tenths / 10, tenths % 10);
}

static void line(FILE *out, long xa, long ya, long xb, long yb, const char *style)
{
    fputs("<line x1=\"", out);
    coord(out, xa);
    fputs("\" y1=\"", out);
    coord(out, ya);
    fputs("\" x2=\"", out);
    coord(out, xb);
    fputs("\" y2=\"", out);
    coord(out, yb);
    fprintf(out, "\" %s/>\n", style);
}

/* The plot area's frame, grid, tick labels and titles. */
static void panel_frame(FILE *out, const struct panel *p, const char *title, const char *unit,
                        bool time_labels)
{
    long left = LEFT * 10L, right = (WIDTH - RIGHT) * 10L;
    long top = p->top * 10L, bottom = (p->top + p->height) * 10L;
    fprintf(out, "<g class=\"panel\">\n<text x=\"%d\" y=\"%d\" font-size=\"14\" "
                 "font-weight=\"bold\" fill=\"#222\">", LEFT, p->top - 10);
    chart_svg_text(out, title);
    fputs("</text>\n", out);
    for (uint64_t v = 0; v <= p->ymax; v += p->ystep) {
        line(out, left, y10(p, v), right, y10(p, v), "stroke=\"#e2e2e2\" stroke-width=\"1\"");
        fprintf(out, "<text x=\"%d\" y=\"", LEFT - 8);
        coord(out, y10(p, v) + 40);
        fprintf(out, "\" font-size=\"12\" text-anchor=\"end\" fill=\"#444\">%" PRIu64
                     "</text>\n", v);
    }
    for (uint32_t t = 0; t <= p->span; t += p->xstep) {
        line(out, x10(p, t), top, x10(p, t), bottom, "stroke=\"#ececec\" stroke-width=\"1\"");
        if (time_labels) {
            fputs("<text x=\"", out);
            coord(out, x10(p, t));
            fprintf(out, "\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" fill=\"#444\">%"
                         PRIu32 "</text>\n", p->top + p->height + 18, t);
        }
        if (p->span - t < p->xstep)
            break;
    }
    line(out, left, top, left, bottom, "stroke=\"#555\" stroke-width=\"1\"");
    line(out, left, bottom, right, bottom, "stroke=\"#555\" stroke-width=\"1\"");
    fprintf(out, "<text transform=\"translate(22,%d) rotate(-90)\" font-size=\"12\" "
                 "text-anchor=\"middle\" fill=\"#444\">", p->top + p->height / 2);
    chart_svg_text(out, unit);
    fputs("</text>\n</g>\n", out);
}

/* Writes the index into the points list, once. */
static void point(FILE *out, const struct panel *p, const struct series *s, size_t i,
                  field_fn get, bool *first)
{
    if (!*first)
        fputc(' ', out);
    *first = false;
    coord(out, x10(p, s->points[i].second));
    fputc(',', out);
    coord(out, y10(p, get(&s->points[i])));
}

/* One series as a polyline. Within one pixel column only the first, lowest,
 * highest and last points are kept (in their order), so a long shift stays
 * a small file and keeps its peaks. */
static void polyline(FILE *out, const struct panel *p, const struct series *s, field_fn get,
                     const char *colour, long width_tenths, const char *extra)
{
    if (s->len == 0)
        return;
    fprintf(out, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"", colour);
    coord(out, width_tenths);
    fprintf(out, "\" stroke-linejoin=\"round\"%s points=\"", extra);
    bool first = true;
    for (size_t i = 0; i < s->len;) {
        long column = x10(p, s->points[i].second) / 10;
        size_t j = i, lo = i, hi = i;
        for (; j < s->len && x10(p, s->points[j].second) / 10 == column; j++) {
            if (get(&s->points[j]) < get(&s->points[lo]))
                lo = j;
            if (get(&s->points[j]) > get(&s->points[hi]))
                hi = j;
        }
        size_t keep[4] = {i, lo < hi ? lo : hi, lo < hi ? hi : lo, j - 1};
        for (size_t k = 0; k < 4; k++)
            if (k == 0 || keep[k] != keep[k - 1])
                point(out, p, s, keep[k], get, &first);
        i = j;
    }
    fputs("\"/>\n", out);
}

/* Thicker lines for the runs drawn first, so identical lines show as
 * nested bands instead of hiding each other. */
static long width_for(size_t r, size_t n, long base)
{
    size_t under = n - 1 - r;
    return base + (long)(under < 5 ? under : 5) * 12;
}

/* A dot and the outcome where a shift ended early. */
static void end_marker(FILE *out, const struct panel *p, const struct chart_run *run,
                       const char *colour)
{
    const struct series *s = run->series;
    if (s->len == 0 || run->outcome == OUTCOME_COMPLETED || run->outcome == OUTCOME_RUNNING)
        return;
    const struct series_point *last = &s->points[s->len - 1];
    long x = x10(p, last->second), y = y10(p, last->waiting);
    fputs("<circle cx=\"", out);
    coord(out, x);
    fputs("\" cy=\"", out);
    coord(out, y);
    fprintf(out, "\" r=\"5\" fill=\"%s\" stroke=\"white\" stroke-width=\"1.5\"/>\n", colour);
    bool left = x > (WIDTH - RIGHT - 120) * 10L;
    long ty = y < (p->top + 16) * 10L ? y + 160 : y - 80;
    fputs("<text x=\"", out);
    coord(out, left ? x - 80 : x + 80);
    fputs("\" y=\"", out);
    coord(out, ty);
    fprintf(out, "\" font-size=\"12\" font-weight=\"bold\" text-anchor=\"%s\" fill=\"%s\">%s"
                 "</text>\n", left ? "end" : "start", colour, outcome_name(run->outcome));
}

/* Lays the legend out in rows (writing it if out is not NULL). Returns the
 * number of rows. */
static int legend(FILE *out, const struct chart_run *runs, size_t n)
{
    int x = LEFT, row = 0;
    if (out)
        fputs("<g id=\"legend\" font-size=\"12\">\n", out);
    for (size_t r = 0; r < n; r++) {
        char ending[64];
        chart_ending(&runs[r], ending, sizeof ending);
        if (!ending[0])
            snprintf(ending, sizeof ending, "completed");
        int w = 30 + CHAR_W * (int)(strlen(runs[r].strategy) + 1 + strlen(ending)) + 24;
        if (x + w > WIDTH - 10 && x > LEFT) {
            x = LEFT;
            row++;
        }
        if (out) {
            int y = LEGEND_TOP + row * LEGEND_ROW;
            fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                         "stroke-width=\"5\"/>\n", x, y - 4, x + 24, y - 4,
                    palette[r % NCOLOURS]);
            fprintf(out, "<text x=\"%d\" y=\"%d\"><tspan font-weight=\"bold\">", x + 30, y);
            chart_svg_text(out, runs[r].strategy);
            fputs("</tspan><tspan dx=\"6\" fill=\"#555\">", out);
            chart_svg_text(out, ending);
            fputs("</tspan></text>\n", out);
        }
        x += w;
    }
    if (out)
        fputs("</g>\n", out);
    return row + 1;
}

/* What the two kinds of line in the top panel mean. */
static void line_key(FILE *out, int y)
{
    static const char truth[] = "true backlog: all candy waiting, hats included";
    static const char seen[] = "what the supervisor saw (visible backlog)";
    int x = LEFT;
    fputs("<g id=\"key\" font-size=\"12\" fill=\"#333\">\n", out);
    fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\" "
                 "stroke-width=\"6\" stroke-opacity=\"0.45\"/>\n", x, y - 4, x + 26, y - 4);
    fprintf(out, "<text x=\"%d\" y=\"%d\">%s</text>\n", x + 34, y, truth);
    x += 34 + CHAR_W * (int)strlen(truth) + 30;
    fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\" "
                 "stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n", x, y - 4, x + 26, y - 4);
    fprintf(out, "<text x=\"%d\" y=\"%d\">%s</text>\n</g>\n", x + 34, y, seen);
}

/* "Candyline - classic: backpressure:5, unbounded" if it fits the width. */
static void title(FILE *out, const struct chart_setup *c, const struct chart_run *runs,
                  size_t n)
{
    size_t len = strlen("Candyline - : ") + strlen(c->scenario);
    for (size_t r = 0; r < n; r++)
        len += strlen(runs[r].strategy) + 2;
    fprintf(out, "<text x=\"%d\" y=\"34\" font-size=\"21\" font-weight=\"bold\" "
                 "fill=\"#111\">Candyline - ", LEFT);
    chart_svg_text(out, c->scenario);
    fputs(": ", out);
    if (len * 12 > (size_t)(WIDTH - LEFT)) {
        fprintf(out, "%zu strategies compared", n);
    } else {
        for (size_t r = 0; r < n; r++) {
            fputs(r ? ", " : "", out);
            chart_svg_text(out, runs[r].strategy);
        }
    }
    fprintf(out, "</text>\n<text x=\"%d\" y=\"58\" font-size=\"13\" fill=\"#444\">", LEFT);
    if (c->title && c->title[0]) {
        chart_svg_text(out, c->title);
        fputs(" \u00b7 ", out);
    }
    fputs("worker ", out);
    chart_svg_text(out, c->worker);
    fprintf(out, " \u00b7 seed %" PRIu64 " \u00b7 a %" PRIu32 " s shift%s</text>\n", c->seed,
            c->shift_s, n > 1 ? " \u00b7 the same shift for every strategy" : "");
}

int chart_svg_write(FILE *out, const struct chart_setup *c, const struct chart_run *runs,
                    size_t n)
{
    uint32_t span = chart_span_s(c, runs, n);
    int rows = legend(NULL, runs, n);
    int key_y = LEGEND_TOP + rows * LEGEND_ROW + 2;
    struct panel backlog = {key_y + 40, 250, span, time_step(span), 0, 0};
    struct panel drops = {backlog.top + backlog.height + PANEL_GAP, 110, span, backlog.xstep,
                          0, 0};
    struct panel rate = {drops.top + drops.height + PANEL_GAP, 110, span, backlog.xstep, 0, 0};
    int height = rate.top + rate.height + 62;
    set_scale(&backlog, most(runs, n, true_backlog));
    set_scale(&drops, most(runs, n, eaten));
    set_scale(&rate, most(runs, n, belt_rate));

    fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" "
                 "height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"%s\">\n",
            WIDTH, height, WIDTH, height, FONT);
    fputs("<title>", out);
    chart_svg_text(out, "Candyline shift chart: ");
    chart_svg_text(out, c->scenario);
    fputs("</title>\n<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"white\"/>\n",
          out);
    title(out, c, runs, n);
    legend(out, runs, n);
    line_key(out, key_y);

    panel_frame(out, &backlog, "Candies waiting: the true backlog, and what the supervisor "
                               "saw", "candies waiting", false);
    for (size_t r = 0; r < n; r++)
        polyline(out, &backlog, runs[r].series, true_backlog, palette[r % NCOLOURS],
                 width_for(r, n, 50), " stroke-opacity=\"0.45\"");
    for (size_t r = 0; r < n; r++)
        polyline(out, &backlog, runs[r].series, seen_backlog, palette[r % NCOLOURS], 20,
                 " stroke-dasharray=\"6 4\"");
    for (size_t r = 0; r < n; r++)
        end_marker(out, &backlog, &runs[r], palette[r % NCOLOURS]);

    panel_frame(out, &drops, "Candy eaten so far (drops, cumulative)", "candies eaten", false);
    for (size_t r = 0; r < n; r++)
        polyline(out, &drops, runs[r].series, eaten, palette[r % NCOLOURS],
                 width_for(r, n, 22), "");

    panel_frame(out, &rate, "Belt rate, with the supervisor's speed-ups", "candies/min", true);
    for (size_t r = 0; r < n; r++)
        polyline(out, &rate, runs[r].series, belt_rate, palette[r % NCOLOURS],
                 width_for(r, n, 22), "");

    fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"13\" text-anchor=\"middle\" "
                 "fill=\"#333\">game time (seconds)</text>\n</svg>\n",
            LEFT + PLOT_W / 2, rate.top + rate.height + 44);
    return ferror(out) ? -1 : 0;
}

int chart_svg_save(struct atomic_file *f, const struct chart_setup *c,
                   const struct chart_run *runs, size_t n)
{
    char err[1200];
    if (chart_svg_write(f->f, c, runs, n) < 0) {
        fprintf(stderr, "candyline: --chart: writing %s failed: %s\n", f->path,
                strerror(errno ? errno : EIO));
        atomic_discard(f);
        return 2;
    }
    if (atomic_commit(f, "--chart", err, sizeof err) < 0) {
        fprintf(stderr, "candyline: %s\n", err);
        return 2;
    }
    return 0;
}
