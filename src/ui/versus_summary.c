/* versus_summary.c - the end of a --versus run: the two strategies' figures
 * in two columns, the better of each pair in bold, their lessons, and (when
 * there is room) each line's true backlog over the shift, her view beneath,
 * all on one time axis and one scale. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/report.h"
#include "versus.h"

#define LABEL_X 2
#define FIRST_ROW 3  /* the first figure */
#define COLUMN_MAX 36 /* a column's width, at most */

/* Which of two figures is better: 1 for the first, 2 for the second, 0 for
 * neither (equal, or no better to speak of). */
static int better(int64_t a, int64_t b, int direction)
{
    if (a == b || direction == 0)
        return 0;
    return (a > b) == (direction > 0) ? 1 : 2;
}

static int column_x(int i)
{
    int width = (COLS - 28) / 2;
    if (width > COLUMN_MAX)
        width = COLUMN_MAX;
    return 28 + i * width;
}

/* One row of the table: a label, two texts, the better one in bold. */
static void row(const struct view *v, int y, const char *label, const char *a, const char *b,
                int best)
{
    draw_text(y, LABEL_X, "%s", label);
    const char *text[2] = {a, b};
    for (int i = 0; i < 2; i++) {
        attr_t at = best == i + 1 ? view_attr(v, PAIR_GOOD, A_NORMAL) | A_BOLD : A_NORMAL;
        attron(at);
        draw_text(y, column_x(i), "%s", text[i]);
        attroff(at);
    }
}

/* A row of counts: higher is better if direction > 0, lower if < 0. */
static void count_row(const struct view *v, int y, const char *label, uint64_t a, uint64_t b,
                      int direction)
{
    char ta[32], tb[32];
    snprintf(ta, sizeof ta, "%" PRIu64, a);
    snprintf(tb, sizeof tb, "%" PRIu64, b);
    row(v, y, label, ta, tb, better((int64_t)a, (int64_t)b, direction));
}

static void outcome_text(const struct sim *s, char *buf, size_t len)
{
    char when[16];
    format_clock(when, sizeof when, s->tick / TICK_HZ);
    switch (s->outcome) {
    case OUTCOME_COMPLETED:
        snprintf(buf, len, "completed");
        break;
    case OUTCOME_QUIT:
        snprintf(buf, len, "ended early at %s", when);
        break;
    default:
        snprintf(buf, len, "%s at %s", outcome_name(s->outcome), when);
        break;
    }
}

/* Completed beats ended early beats failed. */
static int outcome_rank(const struct sim *s)
{
    return s->outcome == OUTCOME_COMPLETED ? 2 : s->outcome == OUTCOME_QUIT ? 1 : 0;
}

static void draw_table(const struct view *v, const struct sim *a, const struct sim *b)
{
    const struct sim *s[2] = {a, b};
    struct report_figures f[2];
    char t[2][48];
    for (int i = 0; i < 2; i++) {
        report_figures(s[i], &f[i]);
        attron(A_BOLD);
        draw_text(FIRST_ROW - 1, column_x(i), "%c  %s", 'A' + i, s[i]->cfg.strategy_spec);
        attroff(A_BOLD);
    }
    int y = FIRST_ROW;
    for (int i = 0; i < 2; i++)
        outcome_text(s[i], t[i], sizeof t[i]);
    row(v, y++, "outcome", t[0], t[1], better(outcome_rank(a), outcome_rank(b), 1));
    count_row(v, y++, "candy made", a->stats.produced, b->stats.produced, 0);
    count_row(v, y++, "wrapped", a->stats.wrapped, b->stats.wrapped, 1);
    count_row(v, y++, "dropped (eaten)", a->stats.dropped, b->stats.dropped, -1);
    char label[48];
    snprintf(label, sizeof label, "stale (waited > %u s)", a->cfg.scenario.deadline_s);
    count_row(v, y++, label, a->stats.stale, b->stats.stale, -1);
    count_row(v, y++, "still waiting at the end", sim_waiting(a), sim_waiting(b), -1);
    for (int i = 0; i < 2; i++)
        snprintf(t[i], sizeof t[i], "%u%s", s[i]->stats.buffer_max,
                 s[i]->cfg.strategy->hidden ? " (in the hats)" : "");
    row(v, y++, "most waiting at once", t[0], t[1], 0);
    for (int i = 0; i < 2; i++)
        snprintf(t[i], sizeof t[i], "%.1f s / %.1f s", f[i].wait_mean_s, f[i].wait_p99_s);
    row(v, y++, "wait: mean / p99", t[0], t[1],
        better((int64_t)(f[0].wait_mean_s * 10.0), (int64_t)(f[1].wait_mean_s * 10.0), -1));
    for (int i = 0; i < 2; i++)
        snprintf(t[i], sizeof t[i], "%.0f s", (double)s[i]->stats.stopped_ticks / TICK_HZ);
    row(v, y++, "belt stopped", t[0], t[1], 0);
    for (int i = 0; i < 2; i++) {
        const struct supervisor *sup = &s[i]->supervisor;
        if (!s[i]->cfg.supervisor)
            snprintf(t[i], sizeof t[i], "not in this shift");
        else
            snprintf(t[i], sizeof t[i], "sped up %u time%s, to %u%%", sup->speedups,
                     sup->speedups == 1 ? "" : "s", sup->pct);
    }
    row(v, y++, "the supervisor", t[0], t[1], 0);
    attron(A_BOLD);
    for (int i = 0; i < 2; i++)
        snprintf(t[i], sizeof t[i], "%" PRId64, sim_score(s[i]));
    row(v, y, "SCORE", t[0], t[1], better(sim_score(a), sim_score(b), 1));
    attroff(A_BOLD);
}

/* Line i's true backlog over the whole shift, with what she saw beneath,
 * in the left or right half; n seconds for both, one scale. */
static void draw_chart(const struct view *v, const struct versus *vs, int i, int y, int height,
                       size_t n, uint32_t top)
{
    const struct series *series = &vs->lane[i].series;
    uint32_t *truth = calloc(n ? n : 1u, sizeof *truth);
    uint32_t *seen = calloc(n ? n : 1u, sizeof *seen);
    if (!truth || !seen) {
        free(truth);
        free(seen);
        return;
    }
    /* Seconds after a line's shift ended stay at 0: the same time axis. */
    for (size_t k = 0; k < series->len && k < n; k++) {
        truth[k] = series->points[k].waiting;
        seen[k] = series->points[k].visible;
    }
    int x = 1 + i * (COLS / 2), width = COLS / 2 - 9;
    int seen_rows = height >= 8 ? 2 : 1;
    int truth_rows = height - 1 - seen_rows;
    attron(A_BOLD);
    draw_text(y, x, "%c  true backlog, what she saw beneath", 'A' + i);
    attroff(A_BOLD);
    draw_text(y + 1, x, "%5u", top);
    attron(view_attr(v, PAIR_HIDDEN, A_BOLD));
    draw_bars(v, y + 1, x + 6, width, truth_rows, truth, n, top);
    attroff(view_attr(v, PAIR_HIDDEN, A_BOLD));
    draw_text(y + 1 + truth_rows, x, " seen");
    draw_bars(v, y + 1 + truth_rows, x + 6, width, seen_rows, seen, n, top);
    free(truth);
    free(seen);
}

void versus_summary_draw(const struct view *v, const struct versus *vs)
{
    const struct sim *a = &vs->lane[0].s, *b = &vs->lane[1].s;
    char worker[112];
    versus_crew(&a->cfg, worker, sizeof worker);
    erase();
    attron(view_attr(v, PAIR_TITLE, A_REVERSE) | A_BOLD);
    mvhline(0, 0, ' ', COLS);
    draw_text(0, 1, "VERSUS: END OF SHIFT  %s  %s  seed %" PRIu64, a->cfg.scenario.name,
              worker, a->cfg.seed);
    attroff(view_attr(v, PAIR_TITLE, A_REVERSE) | A_BOLD);
    draw_table(v, a, b);
    int y = FIRST_ROW + 12;
    attron(A_DIM);
    for (int i = 0; i < 2; i++) {
        const char *lesson = vs->lane[i].s.cfg.strategy->lesson;
        int rows = (int)strlen(lesson) + 3 < COLS - LABEL_X - 1 ? 1 : 2;
        draw_wrapped(y, LABEL_X, rows, i ? "B  " : "A  ", lesson);
        y += rows;
    }
    attroff(A_DIM);
    /* The charts in what is left above the key line: 4 or 5 rows at 24
     * lines, up to 24. */
    int height = LINES - 1 - (y + 1);
    if (height > 24)
        height = 24;
    if (height >= 3) {
        const struct series *sa = &vs->lane[0].series, *sb = &vs->lane[1].series;
        size_t n = sa->len > sb->len ? sa->len : sb->len;
        uint32_t top = 1;
        for (size_t k = 0; k < sa->len; k++)
            top = sa->points[k].waiting > top ? sa->points[k].waiting : top;
        for (size_t k = 0; k < sb->len; k++)
            top = sb->points[k].waiting > top ? sb->points[k].waiting : top;
        for (int i = 0; i < 2; i++)
            draw_chart(v, vs, i, y + 1, height, n, top);
    }
    attron(A_REVERSE);
    mvhline(LINES - 1, 0, ' ', COLS);
    draw_text(LINES - 1, 1, "q: leave   (better figure of each pair in bold)");
    attroff(A_REVERSE);
}
