/* panel.c - the supervisor panel: what she sees (wrapped count, the table,
 * the belt) beside what is really happening (hats, eaten candy, the kitchen
 * pile, the oldest wait, rates, and the true backlog over time). */
#include <inttypes.h>

#include "shift_view.h"

#define HALF (COLS / 2)                 /* the truth column starts here: 40 at 80 columns */
#define SPARK_WIDTH (HALF - 16)         /* 24 at 80 columns */
#define SPARK_MAX 200

/* The last n seconds of one series field, oldest first, into out. */
static size_t recent(const struct series *series, size_t n, uint32_t *out, bool visible)
{
    size_t first = series->len > n ? series->len - n : 0;
    for (size_t i = first; i < series->len; i++)
        out[i - first] = visible ? series->points[i].visible : series->points[i].waiting;
    return series->len - first;
}

/* The point ten seconds before the latest, or NULL early in the shift. */
static const struct series_point *ten_seconds_ago(const struct series *series)
{
    return series->len >= 11 ? &series->points[series->len - 11] : NULL;
}

static void seen_column(const struct view *v, int y, const struct sim *s,
                        const uint32_t *spark, size_t n, uint32_t top)
{
    const struct supervisor *sup = &s->supervisor;
    draw_text(y + 1, 1, "wrapped       %" PRIu64, s->stats.wrapped);
    draw_text(y + 2, 1, "on the table  %u", sim_visible_backlog(s));
    draw_text(y + 3, 1, "belt          %s at %u%%", sim_belt_running(s) ? "moving" : "STOPPED",
              sup->pct);
    if (!s->cfg.supervisor) {
        draw_text(y + 4, 1, "her visits    none: not in this shift");
    } else if (!sup->visits) {
        draw_text(y + 4, 1, "her visits    none yet");
    } else {
        char when[16];
        format_clock(when, sizeof when, sup->last_visit_tick / TICK_HZ);
        attron(view_attr(v, sup->last_sped_up ? PAIR_WARN : PAIR_GOOD, A_BOLD));
        draw_text(y + 4, 1, "at %-5s      %s", when,
                  sup->last_sped_up ? "\"No backlog? Faster!\"" : "\"Keep it steady.\"");
        attroff(view_attr(v, sup->last_sped_up ? PAIR_WARN : PAIR_GOOD, A_BOLD));
    }
    draw_text(y + 6, 1, "backlog seen");
    draw_sparkline(v, y + 6, 14, SPARK_WIDTH, spark, n, top);
}

static void truth_column(const struct view *v, int y, const struct sim *s,
                         const struct series *series, const uint32_t *spark, size_t n,
                         uint32_t top)
{
    int x = HALF + 2;
    uint32_t waiting = sim_waiting(s);
    attron(view_attr(v, s->cfg.strategy->hidden && waiting ? PAIR_HIDDEN : PAIR_BELT, A_BOLD));
    draw_text(y + 1, x, "waiting       %u%s", waiting,
              s->cfg.strategy->hidden ? "  (in hats: hidden)" : "  (on the table)");
    attroff(view_attr(v, s->cfg.strategy->hidden && waiting ? PAIR_HIDDEN : PAIR_BELT, A_BOLD));
    draw_text(y + 2, x, "eaten         %" PRIu64, s->stats.dropped);
    draw_text(y + 3, x, "kitchen pile  %" PRIu64, sim_held_at_kitchen(s));
    draw_text(y + 4, x, "oldest wait   %.1f s", (double)sim_oldest_wait(s) / TICK_HZ);
    const struct series_point *then = ten_seconds_ago(series);
    if (then) {
        const struct series_point *now = &series->points[series->len - 1];
        draw_text(y + 5, x, "in/out        %" PRIu64 " / %" PRIu64 " per min",
                  (now->delivered - then->delivered) * 6u, (now->wrapped - then->wrapped) * 6u);
    } else {
        draw_text(y + 5, x, "in/out        (after 10 s)");
    }
    draw_text(y + 6, x, "true backlog");
    attron(view_attr(v, PAIR_HIDDEN, A_BOLD));
    draw_sparkline(v, y + 6, x + 13, SPARK_WIDTH, spark, n, top);
    attroff(view_attr(v, PAIR_HIDDEN, A_BOLD));
}

void panel_draw(const struct view *v, int y, const struct sim *s, const struct series *series)
{
    uint32_t seen[SPARK_MAX], truth[SPARK_MAX];
    size_t width = SPARK_WIDTH < SPARK_MAX ? (size_t)SPARK_WIDTH : SPARK_MAX;
    size_t n = recent(series, width, seen, true);
    recent(series, width, truth, false);
    /* One scale for both, so the gap between them is honest. */
    uint32_t top = 1;
    for (size_t i = 0; i < n; i++) /* both recent() calls fill the same n */
        if (truth[i] > top) /* NOLINT(clang-analyzer-core.UndefinedBinaryOperatorResult) */
            top = truth[i];
    attron(A_REVERSE);
    mvhline(y, 0, ' ', COLS);
    draw_text(y, 1, "WHAT THE SUPERVISOR SEES");
    draw_text(y, HALF + 2, "WHAT IS REALLY HAPPENING");
    attroff(A_REVERSE);
    for (int row = 1; row <= 6; row++)
        draw_text(y + row, HALF, "%s", v->g->vline);
    seen_column(v, y, s, seen, n, top);
    truth_column(v, y, s, series, truth, n, top);
}
