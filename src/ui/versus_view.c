/* versus_view.c - the --versus screen: two lines stacked, each with its
 * strategy, kitchen, belt, station, table or hats, eaten candy, counters,
 * what the supervisor sees beside the truth, and its latest news; one
 * header with the shared clock. Laid out for 80x24; a taller terminal adds
 * a backlog chart to each line, a wider one a longer belt.
 *
 *   header: scenario, worker, seed, clock, speed
 *   A  spec ........................................... wrapped, score
 *      KITCHEN -> BELT -> STATION, table or hats, eaten, counters,
 *      she sees / really, news, [chart]
 *   B  the same
 *   keys
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "shift_view.h"
#include "versus.h"

#define LANES_TOP 2        /* the first line starts on this row */
#define LANE_ROWS 9        /* rows a line needs without its lesson and chart */
#define CHART_X 16         /* the charts' bars start in this column */
#define CHART_MAX_WIDTH 400
#define CHART_MAX_HALF 5   /* rows of bars for the truth, and as many for her view */

static void draw_header(const struct view *v, const struct versus *vs)
{
    const struct sim *s = &vs->lane[0].s;
    char now[16], end[16], worker[112], right[64];
    format_clock(now, sizeof now, versus_ticks(vs) / TICK_HZ);
    format_clock(end, sizeof end, s->end_tick / TICK_HZ);
    versus_crew(&s->cfg, worker, sizeof worker);
    attr_t a = view_attr(v, PAIR_TITLE, A_REVERSE) | A_BOLD;
    attron(a);
    mvhline(0, 0, ' ', COLS);
    draw_text(0, 1, "VERSUS  %s  %s  seed %" PRIu64, s->cfg.scenario.name, worker,
              s->cfg.seed);
    int n = snprintf(right, sizeof right, "%sx%u  %s / %s", vs->paused ? "PAUSED  " : "",
                     vs->speed, now, end);
    draw_text(0, COLS - 1 - n, "%s", right);
    attroff(a);
    attron(A_DIM);
    draw_text(1, 1, "Same shift, same bot: only the strategy differs.%s",
              s->cfg.supervisor && COLS >= 90 ? " The supervisor judges each line by what "
                                                "she sees." : "");
    attroff(A_DIM);
}

/* The line's title bar: its letter, strategy, how its shift stands, score. */
static void draw_title(const struct view *v, const struct sim *s, int letter, int y)
{
    char state[48] = "", right[64];
    if (s->outcome != OUTCOME_RUNNING) {
        char when[16];
        format_clock(when, sizeof when, s->tick / TICK_HZ);
        snprintf(state, sizeof state, "%s at %s",
                 s->outcome == OUTCOME_BURST      ? "BURST"
                 : s->outcome == OUTCOME_OVERFLOW ? "OVERFLOW"
                 : s->outcome == OUTCOME_QUIT     ? "ended"
                                                  : "done",
                 when);
    }
    attr_t a = A_REVERSE | A_BOLD;
    attron(a);
    mvhline(y, 0, ' ', COLS);
    draw_text(y, 1, "%c  %s", letter, s->cfg.strategy_spec);
    int n = snprintf(right, sizeof right, "wrapped %-5" PRIu64 "  score %6" PRId64,
                     s->stats.wrapped, sim_score(s));
    draw_text(y, COLS - 1 - n, "%s", right);
    attroff(a);
    if (state[0]) {
        bool failed = s->outcome == OUTCOME_BURST || s->outcome == OUTCOME_OVERFLOW;
        attr_t b = view_attr(v, failed ? PAIR_BAD : PAIR_GOOD, A_NORMAL) | A_BOLD;
        attron(b);
        draw_text(y, 6 + (int)strlen(s->cfg.strategy_spec), " %s ", state);
        attroff(b);
    }
}

/* Kitchen, belt and station on rows y to y + 2, as in the game. */
static void draw_line(const struct view *v, const struct sim *s, int y)
{
    uint64_t pile = sim_held_at_kitchen(s);
    attron(A_BOLD);
    draw_text(y, 1, "KITCHEN");
    draw_text(y, view_station_x() + 1, "STATION");
    attroff(A_BOLD);
    attr_t a = view_attr(v, pile ? PAIR_WARN : PAIR_DIM, pile ? A_BOLD : A_DIM);
    attron(a);
    draw_repeat(y + 1, 1, v->g->pile, pile > 8 ? 8 : (int)pile);
    draw_text(y + 2, 1, "pile %-4" PRIu64, pile);
    attroff(a);
    belt_draw(v, s, y, y + 1, false);
    draw_text(y + 1, view_station_x() + 1, "%s%s", v->g->arrow,
              s->worker.busy ? " [hands]" : "");
}

static void draw_counters(const struct sim *s, const struct series *series, int y)
{
    uint64_t in = 0, out = 0;
    if (series->len >= 11) {
        const struct series_point *now = &series->points[series->len - 1];
        const struct series_point *then = &series->points[series->len - 11];
        in = (now->delivered - then->delivered) * 6u;
        out = (now->wrapped - then->wrapped) * 6u;
    }
    draw_text(y, 2, "wrapped %-5" PRIu64 " eaten %-4" PRIu64 " stale %-4" PRIu64
                    " oldest wait %4.1f s  in/out %" PRIu64 "/%" PRIu64 " a min",
              s->stats.wrapped, s->stats.dropped, s->stats.stale,
              (double)sim_oldest_wait(s) / TICK_HZ, in, out);
}

/* What the supervisor sees beside what is really waiting. */
static void draw_seen(const struct view *v, const struct versus *vs, const struct sim *s, int y)
{
    if (!vs->panel) {
        attron(A_DIM);
        draw_text(y, 2, "%s", vs->panel_locked
                                  ? "The supervisor panel is hidden for this round."
                                  : "Tab shows what the supervisor sees beside the truth.");
        attroff(A_DIM);
        return;
    }
    uint32_t seen = sim_visible_backlog(s), waiting = sim_waiting(s);
    attron(A_BOLD);
    draw_text(y, 2, "SHE SEES");
    attroff(A_BOLD);
    draw_text(y, 11, "%u waiting, belt %s %u%%", seen, sim_belt_running(s) ? "moving" : "STOPPED",
              s->supervisor.pct);
    attron(A_BOLD);
    draw_text(y, 41, "REALLY");
    attroff(A_BOLD);
    attr_t a = view_attr(v, waiting > seen ? PAIR_HIDDEN : PAIR_BELT, A_BOLD);
    attron(a);
    draw_text(y, 48, "%u waiting%s", waiting,
              waiting > seen ? ", hidden" : s->cfg.strategy->hidden ? " in hats" : "");
    attroff(a);
    draw_text(y, 68, "kitchen %-4" PRIu64, sim_held_at_kitchen(s));
}

static void draw_news(const struct view *v, const struct shift_screen *scr, int y)
{
    attr_t a = view_attr(v, scr->message_pair, A_BOLD);
    attron(a);
    draw_text(y, 2, "%s", scr->message);
    attroff(a);
}

/* A line's true backlog, or what she saw, over the last `width` seconds of
 * the shared clock (now is its second): both lines on one time axis, so a
 * line whose shift ended early shows nothing after its end. */
static size_t recent(const struct series *series, uint64_t now, size_t width, uint32_t *out,
                     bool seen)
{
    size_t first = now + 1u > width ? (size_t)(now + 1u - width) : 0;
    size_t n = (size_t)now + 1u - first;
    for (size_t i = 0; i < n; i++) {
        const struct series_point *p = first + i < series->len ? &series->points[first + i] : NULL;
        out[i] = !p ? 0 : seen ? p->visible : p->waiting;
    }
    return n;
}

static size_t chart_width(void)
{
    int w = COLS - CHART_X - 2;
    return w < 1 ? 1u : w > CHART_MAX_WIDTH ? CHART_MAX_WIDTH : (size_t)w;
}

/* One scale for both lines' charts, so the gap between them is honest. */
static uint32_t chart_top(const struct versus *vs)
{
    uint32_t values[CHART_MAX_WIDTH], top = 1;
    for (int i = 0; i < 2; i++) {
        size_t n = recent(&vs->lane[i].series, versus_ticks(vs) / TICK_HZ, chart_width(),
                          values, false);
        for (size_t k = 0; k < n; k++)
            if (values[k] > top)
                top = values[k];
    }
    return top;
}

/* The true backlog over the last minutes, her view beneath on the same
 * scale: half rows each. */
static void draw_chart(const struct view *v, const struct series *series, uint64_t now,
                       uint32_t top, int y, int half)
{
    uint32_t values[CHART_MAX_WIDTH];
    size_t width = chart_width();
    size_t n = recent(series, now, width, values, false);
    attron(A_BOLD);
    draw_text(y, 2, "true backlog");
    attroff(A_BOLD);
    if (half > 1)
        draw_text(y + 1, 2, "(top %u)", top);
    attron(view_attr(v, PAIR_HIDDEN, A_BOLD));
    draw_bars(v, y, CHART_X, (int)n, half, values, n, top);
    attroff(view_attr(v, PAIR_HIDDEN, A_BOLD));
    n = recent(series, now, width, values, true);
    attron(A_BOLD);
    draw_text(y + half, 2, "she sees");
    attroff(A_BOLD);
    draw_bars(v, y + half, CHART_X, (int)n, half, values, n, top);
}

static void draw_lane(const struct view *v, const struct versus *vs, int i, int y, int height,
                      uint32_t top)
{
    const struct shift_loop *l = &vs->lane[i];
    const struct sim *s = &l->s;
    const char *lesson = s->cfg.strategy->lesson;
    bool with_lesson = height > LANE_ROWS + 1 && (int)strlen(lesson) <= COLS - 4;
    int row = y;
    draw_title(v, s, 'A' + i, row++);
    if (with_lesson) {
        attron(A_DIM);
        draw_text(row++, 4, "%s", lesson);
        attroff(A_DIM);
    }
    draw_line(v, s, row);
    row += 3;
    buffer_draw(v, s, row++);
    eaten_draw(v, s, row++);
    draw_counters(s, &l->series, row++);
    draw_seen(v, vs, s, row++);
    draw_news(v, &l->scr, row++);
    /* A blank row between the lines, then the chart in what is left. */
    int half = (y + height - 1 - row) / 2;
    if (half > CHART_MAX_HALF)
        half = CHART_MAX_HALF;
    if (vs->panel && half >= 1)
        draw_chart(v, &l->series, versus_ticks(vs) / TICK_HZ, top, row, half);
}

static void draw_keys(const struct versus *vs)
{
    attron(A_REVERSE);
    mvhline(LINES - 1, 0, ' ', COLS);
    if (!versus_running(vs))
        draw_text(LINES - 1, 1, "Both shifts are over: any key for the summary");
    else
        draw_text(LINES - 1, 1, "p %s  +/- speed (x%u)  %s  q end and compare",
                  vs->paused ? "resume" : "pause", vs->speed,
                  vs->panel_locked ? "panel hidden this round"
                  : vs->panel      ? "Tab hide panel"
                                   : "Tab show panel");
    attroff(A_REVERSE);
}

void versus_draw(const struct view *v, const struct versus *vs)
{
    int height = (LINES - LANES_TOP - 1) / 2;
    uint32_t top = chart_top(vs);
    erase();
    draw_header(v, vs);
    for (int i = 0; i < 2; i++)
        draw_lane(v, vs, i, LANES_TOP + i * height, height, top);
    draw_keys(vs);
}
