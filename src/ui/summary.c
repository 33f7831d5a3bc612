/* summary.c - end-of-shift summary with a chart of the true backlog. */
#include "summary.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/report.h"
#include "hiscores.h"
#include "key_screen.h"
#include "shift_loop.h"

static const char *verdict(const struct sim *s, int *pair)
{
    switch (s->outcome) {
    case OUTCOME_BURST:
        *pair = PAIR_BAD;
        return "BURST: the hats overflowed. The supervisor never saw it coming.";
    case OUTCOME_OVERFLOW:
        *pair = PAIR_BAD;
        return "OVERFLOW: the table was full and the line failed, loudly and on time.";
    case OUTCOME_NO_MEMORY:
        *pair = PAIR_BAD;
        return "OUT OF MEMORY: this machine could not hold the buffer; the shift stopped.";
    case OUTCOME_QUIT:
        *pair = PAIR_WARN;
        return "You ended the shift early.";
    default:
        *pair = PAIR_GOOD;
        return "The shift is over: you survived it.";
    }
}

/* The supervisor in a few words, for the summary. */
static const char *supervisor_line(const struct sim *s)
{
    static char line[80];
    const struct supervisor *sup = &s->supervisor;
    if (!s->cfg.supervisor)
        return "no supervisor";
    snprintf(line, sizeof line, "she came %u time%s, sped up %u, belt at %u%%", sup->visits,
             sup->visits == 1 ? "" : "s", sup->speedups, sup->pct);
    return line;
}

static void draw_chart(const struct view *v, const struct sim *s, const struct series *series,
                       int y, int height)
{
    size_t n = series->len;
    uint32_t *truth = calloc(n ? n : 1u, sizeof *truth);
    uint32_t *seen = calloc(n ? n : 1u, sizeof *seen);
    if (!truth || !seen) {
        free(truth);
        free(seen);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        truth[i] = series->points[i].waiting;
        seen[i] = series->points[i].visible;
    }
    int width = COLS - 12;
    attron(A_BOLD);
    draw_text(y, 1, "True backlog over the shift (candies waiting, hats included)");
    attroff(A_BOLD);
    attron(view_attr(v, PAIR_HIDDEN, A_BOLD));
    uint32_t top = draw_bars(v, y + 1, 8, width, height, truth, n, 0);
    attroff(view_attr(v, PAIR_HIDDEN, A_BOLD));
    draw_text(y + 1, 1, "%6u", top);
    draw_text(y + height, 1, "%6u", 0u);
    char end[16];
    format_clock(end, sizeof end, s->tick / TICK_HZ);
    draw_text(y + height + 1, 8, "0:00");
    draw_text(y + height + 1, 8 + width - 5, "%5s", end);
    /* The same time axis and scale, so the gap between the two is honest. */
    draw_text(y + height + 2, 1, "seen");
    draw_text(y + height + 3, 1, "by her");
    draw_bars(v, y + height + 2, 8, width, 2, seen, n, top);
    free(truth);
    free(seen);
}

/* True when the terminal holds the chart and the high scores together. */
static bool summary_both_fit(void)
{
    return LINES >= 36;
}

/* The summary, with the high-score table h (NULL: none) below the chart
 * when both fit, else in its place unless chart is true. */
static void draw_all(const struct view *v, const struct sim *s, const struct series *series,
                     const struct hiscores *h, bool chart)
{
    struct report_figures f;
    int pair;
    const char *text = verdict(s, &pair);
    report_figures(s, &f);
    erase();
    attron(view_attr(v, PAIR_TITLE, A_REVERSE) | A_BOLD);
    mvhline(0, 0, ' ', COLS);
    draw_text(0, 1, "END OF SHIFT  %s  strategy: %s", s->cfg.scenario.name, s->cfg.strategy_spec);
    attroff(view_attr(v, PAIR_TITLE, A_REVERSE) | A_BOLD);
    attron(view_attr(v, pair, A_BOLD) | A_BOLD);
    draw_text(2, 1, "%s", text);
    /* Beside the verdict when it fits, else just below it. */
    draw_text((int)strlen(text) + 2 <= COLS - 16 ? 2 : 3, COLS - 16, "SCORE %8" PRId64,
              sim_score(s));
    attroff(view_attr(v, pair, A_BOLD) | A_BOLD);
    draw_text(4, 1, "made %-6" PRIu64 " wrapped %-6" PRIu64 " eaten %-5" PRIu64
                    " stale (waited over %u s) %" PRIu64,
              s->stats.produced, s->stats.wrapped, s->stats.dropped,
              s->cfg.scenario.deadline_s, s->stats.stale);
    draw_text(5, 1, "still there: %u waiting, %u in the hands, %u on the belt, %" PRIu64
                    " at the kitchen",
              sim_waiting(s), sim_in_progress(s), sim_on_belt(s), sim_held_at_kitchen(s));
    draw_text(6, 1, "wait for the hands: mean %.1f s, p99 %.1f s; oldest still waiting %.1f s",
              f.wait_mean_s, f.wait_p99_s, (double)sim_oldest_wait(s) / TICK_HZ);
    draw_text(7, 1, "hands full %.0f%% of the time   most waiting at once %u%s",
              100.0 * f.busy_fraction, s->stats.buffer_max,
              s->cfg.strategy->hidden ? " (all in the hats)" : "");
    draw_text(8, 1, "%s   belt stopped %.0f s", supervisor_line(s),
              (double)s->stats.stopped_ticks / TICK_HZ);
    /* 7 rows at 24 lines, more (up to 16) when taller; the high scores
     * below it from 36 lines, else in its place (Tab switches). */
    bool scores = h && h->on, both = scores && summary_both_fit();
    int height = LINES - 17 - (both ? HISCORES_ROWS + 1 : 0);
    if (!scores || both || chart)
        draw_chart(v, s, series, 9, height < 16 ? height : 16);
    if (scores && (both || !chart))
        hiscores_draw(v, h, both ? 9 + (height < 16 ? height : 16) + 5 : 9);
    if (h && h->warning[0]) {
        /* A warning takes the lesson's three rows: it must be read whole. */
        attron(view_attr(v, PAIR_WARN, A_BOLD) | A_BOLD);
        draw_wrapped(LINES - 4, 1, 3, "High scores: ", h->warning);
        attroff(view_attr(v, PAIR_WARN, A_BOLD) | A_BOLD);
    } else {
        attron(A_DIM);
        draw_text(LINES - 4, 1, "%s", s->cfg.strategy->lesson);
        draw_wrapped(LINES - 3, 1, 2, "Like: ", s->cfg.strategy->analogues);
        attroff(A_DIM);
    }
    attron(A_REVERSE);
    mvhline(LINES - 1, 0, ' ', COLS);
    if (scores && h && h->editing)
        draw_text(LINES - 1, 1, "Type your name   Enter: save   Esc: skip   Backspace: erase");
    else if (!h) /* a replay: there is no title to go back to */
        draw_text(LINES - 1, 1, "Enter or q: leave");
    else
        draw_text(LINES - 1, 1, "Enter: back to the title   q: leave%s",
                  !scores || both ? "" : chart ? "   Tab: high scores" : "   Tab: the chart");
    attroff(A_REVERSE);
}

void summary_draw(const struct view *v, const struct sim *s, const struct series *series)
{
    draw_all(v, s, series, NULL, true);
}

struct summary_screen {
    const struct view *v;
    const struct sim *s;
    const struct series *series;
    struct hiscores *h; /* the high scores, or NULL */
    bool chart;         /* the chart instead of the table, when both don't fit */
};

static void summary_screen_draw(void *ctx)
{
    const struct summary_screen *sc = ctx;
    draw_all(sc->v, sc->s, sc->series, sc->h, sc->chart);
}

/* 1: back to the title; 2: leave. */
static int summary_key(void *ctx, int ch, bool small)
{
    (void)ctx;
    (void)small;
    if (ch == 'q' || ch == 'Q')
        return 2;
    if (ch == '\n' || ch == '\r' || ch == KEY_ENTER)
        return 1;
    return 0;
}

/* The summary's keys with the high scores: the editor has them while it
 * asks for a name; Tab switches between the chart and the table. */
static int summary_scores_key(void *ctx, wint_t ch, bool code, bool small)
{
    struct summary_screen *sc = ctx;
    if (sc->h->editing) {
        if (!small || (!code && ch == 27))
            hiscores_key(sc->h, ch, code);
        return 0;
    }
    if (!code && ch == '\t') {
        sc->chart = !sc->chart;
        return 0;
    }
    return summary_key(ctx, code ? (int)ch : ch < 128 ? (int)ch : 0, small);
}

bool summary_run(const struct view *v, const struct sim *s, const struct series *series,
                 struct hiscores *h)
{
    /* The table first when the shift competed, the chart after quitting. */
    struct summary_screen sc = {v, s, series, h, !h || !h->counts};
    /* Letters still being typed for the shift would land in the name. */
    if (h && h->on && h->editing)
        flushinp();
    if (!h || !h->on)
        return key_screen_run(summary_screen_draw, summary_key, &sc) == 1;
    return hiscores_screen_run(summary_screen_draw, summary_scores_key, &sc) == 1;
}
