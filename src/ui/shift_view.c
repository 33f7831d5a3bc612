/* shift_view.c - the main game screen, laid out for 80x24 and up:
 *
 *   header, strategy lesson
 *   KITCHEN  ->  BELT  ->  STATION   (candy moving, belt surface, pile)
 *   table or hats, eaten candy, the worker's hands
 *   counters, latest event
 *   supervisor panel (Tab)
 *   keys
 */
#include "shift_view.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "belt_layout.h"

#define BELT_X 11
#define SLOTS_SHOWN 30

/* The station sits at the right edge, so a wider terminal gets a longer
 * belt (66 at 80 columns). */
int view_station_x(void)
{
    return COLS - 14;
}


static void draw_header(const struct view *v, const struct sim *s,
                        const struct shift_screen *screen)
{
    char now[16], end[16], right[80];
    format_clock(now, sizeof now, s->tick / TICK_HZ);
    format_clock(end, sizeof end, s->end_tick / TICK_HZ);
    attr_t a = view_attr(v, PAIR_TITLE, A_REVERSE) | A_BOLD;
    attron(a);
    mvhline(0, 0, ' ', COLS);
    draw_text(0, 1, "%s  strategy: %s", s->cfg.scenario.name, s->cfg.strategy_spec);
    /* Right-aligned, so that a long shift's clock does not push the score off. */
    int n = snprintf(right, sizeof right, "%s%5s / %s   score %6" PRId64,
                     screen->paused ? "PAUSED " : "       ", now, end, sim_score(s));
    draw_text(0, COLS - n > 0 ? COLS - n : 0, "%s", right);
    attroff(a);
    attron(A_DIM);
    draw_text(1, 1, "%s", s->cfg.strategy->lesson);
    attroff(A_DIM);
}

static void draw_kitchen(const struct view *v, const struct sim *s)
{
    uint64_t pile = sim_held_at_kitchen(s);
    attron(A_BOLD);
    draw_text(3, 1, "KITCHEN");
    attroff(A_BOLD);
    draw_text(4, 1, "%s", s->cfg.scenario.source == SOURCE_PAUSABLE ? "(waits)" : "(nonstop)");
    attron(view_attr(v, pile ? PAIR_WARN : PAIR_DIM, pile ? A_BOLD : A_DIM));
    draw_repeat(5, 1, v->g->pile, pile > 8 ? 8 : (int)pile);
    draw_text(6, 1, "pile %-4" PRIu64, pile);
    attroff(view_attr(v, pile ? PAIR_WARN : PAIR_DIM, pile ? A_BOLD : A_DIM));
}

void belt_draw(const struct view *v, const struct sim *s, int label_y, int candy_y, bool count)
{
    const struct belt *b = &s->belt;
    int width = view_station_x() - BELT_X - 2;
    attron(A_BOLD);
    draw_text(label_y, BELT_X + 2, "BELT %u/min", sim_sending_rate(s));
    attroff(A_BOLD);
    /* The schedule with her speed-ups, and what the station let through. */
    uint32_t told = sim_current_rate(s), sent = sim_sending_rate(s);
    if (sent < told && s->supervisor.pct != 100)
        draw_text(label_y, BELT_X + 17, "(of %u, %u%%)", told, s->supervisor.pct);
    else if (sent < told)
        draw_text(label_y, BELT_X + 17, "(of %u)", told);
    else if (s->supervisor.pct != 100)
        draw_text(label_y, BELT_X + 17, "(sped up to %u%%)", s->supervisor.pct);
    /* The surface stays still: a moving belt shows in its candy, a stopped
     * one in red. Redrawing the surface as it moved would cost a whole row
     * of output each time a candy moves one cell. */
    /* A failed or finished shift's belt shows stopped, not its last state. */
    bool moving = sim_belt_running(s);
    bool failed = s->outcome == OUTCOME_BURST || s->outcome == OUTCOME_OVERFLOW;
    attr_t look = view_attr(v, moving ? PAIR_BELT : PAIR_BAD, moving ? A_NORMAL : A_BOLD);
    attron(look);
    struct glyph_row surface;
    glyph_row_start(&surface);
    glyph_row_add(&surface, v->g->roller);
    for (int i = 0; i < width; i++)
        glyph_row_add(&surface, v->g->belt[i % 4 == 2]);
    glyph_row_add(&surface, v->g->roller);
    glyph_row_draw(&surface, candy_y + 1, BELT_X - 1);
    if (moving)
        draw_text(label_y, BELT_X + 36, "%s moving", v->g->arrow);
    else
        draw_text(label_y, BELT_X + 36, "%s %s", v->g->stopped, failed ? "HALTED" : "STOPPED");
    attroff(look);
    /* Candy: the cell of the belt it rides on. All candy changes cell at
     * the same moments (when the belt crosses a cell boundary), so a frame
     * moves every candy at once instead of one candy per frame. Candy is
     * drawn without attributes: a colour would cost an attribute change on
     * and off around every candy in every frame (the bytes that `make
     * bench` counts). */
    for (uint32_t i = 0; i < b->len; i++) {
        uint32_t odo = b->odo[(b->head + i) & (b->cap - 1u)];
        int cell = belt_candy_cell(b->odometer, odo, b->length, width);
        draw_text(candy_y, BELT_X + cell, "%s", v->g->candy);
    }
    if (count)
        draw_text(candy_y + 2, BELT_X + 2, "on the belt: %-4u", b->len);
}

void buffer_draw(const struct view *v, const struct sim *s, int y)
{
    const struct strategy_ops *ops = s->cfg.strategy;
    uint32_t waiting = sim_waiting(s);
    uint32_t cap = s->cfg.strategy_cfg.capacity;
    attron(A_BOLD);
    draw_text(y, 2, "%s", ops->hidden ? "HATS " : "TABLE");
    attroff(A_BOLD);
    if (ops->hidden) {
        int n = waiting > SLOTS_SHOWN ? SLOTS_SHOWN : (int)waiting;
        if (cap && waiting > 0 && cap > SLOTS_SHOWN)
            n = (int)((uint64_t)waiting * SLOTS_SHOWN / cap) + 1;
        attron(view_attr(v, PAIR_HIDDEN, A_BOLD));
        draw_repeat(y, 9, v->g->hat, n > SLOTS_SHOWN ? SLOTS_SHOWN : n);
        attroff(view_attr(v, PAIR_HIDDEN, A_BOLD));
        if (cap)
            draw_text(y, 41, "%u hidden, burst at %u", waiting, cap);
        else
            draw_text(y, 41, "%u hidden, no limit", waiting);
        return;
    }
    int slots = cap > SLOTS_SHOWN ? SLOTS_SHOWN : (int)cap;
    int full = cap > SLOTS_SHOWN ? (int)((uint64_t)waiting * SLOTS_SHOWN / cap) : (int)waiting;
    int pair = waiting >= cap ? PAIR_BAD : waiting * 2u >= cap ? PAIR_WARN : PAIR_GOOD;
    attron(view_attr(v, pair, A_BOLD));
    draw_repeat(y, 9, v->g->candy, full);
    attroff(view_attr(v, pair, A_BOLD));
    attron(A_DIM);
    draw_repeat(y, 9 + full, v->g->empty_slot, slots - full);
    attroff(A_DIM);
    draw_text(y, 41, "%u of %u waiting%s", waiting, cap, waiting >= cap ? " - FULL" : "");
}

void eaten_draw(const struct view *v, const struct sim *s, int y)
{
    if (strcmp(s->cfg.strategy->name, "drop") != 0 && s->stats.dropped == 0)
        return;
    attron(A_BOLD);
    draw_text(y, 2, "EATEN");
    attroff(A_BOLD);
    uint64_t n = s->stats.dropped;
    attron(view_attr(v, PAIR_BAD, A_NORMAL));
    draw_repeat(y, 9, v->g->eaten, n > SLOTS_SHOWN ? SLOTS_SHOWN : (int)n);
    attroff(view_attr(v, PAIR_BAD, A_NORMAL));
    draw_text(y, 41, "%" PRIu64 " eaten: counted, never wrapped", n);
}

static void draw_hands(const struct view *v, const struct sim *s, int y, bool replay)
{
    const struct worker *w = &s->worker;
    attron(A_BOLD);
    draw_text(y, 2, "HANDS");
    attroff(A_BOLD);
    if (!w->busy) {
        attron(A_DIM);
        draw_text(y, 9, "empty: waiting for candy");
        attroff(A_DIM);
        return;
    }
    if (s->cfg.worker.kind == WORKER_BOT) {
        draw_text(y, 9, "a bot wraps %u per minute", s->cfg.worker.rate);
        return;
    }
    attron(A_REVERSE | A_BOLD);
    draw_text(y, 9, "[ %c ]", w->letter - 'a' + 'A');
    attroff(A_REVERSE | A_BOLD);
    switch (w->phase) {
    case HANDS_HOLDING:
        draw_text(y, 16, replay ? "the player types %c" : "type %c to wrap it", w->letter);
        break;
    case HANDS_WRAPPING: {
        int done = (int)((HUMAN_WRAP_TICKS - w->phase_left) * 10u / HUMAN_WRAP_TICKS);
        draw_text(y, 16, "wrapping ");
        attron(view_attr(v, PAIR_GOOD, A_BOLD));
        draw_repeat(y, 25, v->g->bar_full, done);
        attroff(view_attr(v, PAIR_GOOD, A_BOLD));
        draw_repeat(y, 25 + done, v->g->bar_empty, 10 - done);
        break;
    }
    case HANDS_FUMBLING:
        attron(view_attr(v, PAIR_BAD, A_BOLD));
        draw_text(y, 16, "fumbled! wrong key - pick it up again...");
        attroff(view_attr(v, PAIR_BAD, A_BOLD));
        break;
    }
}

/* The second worker of the sketch, when there is one: a bot beside you. */
static void draw_partner(const struct view *v, const struct sim *s, int y)
{
    if (s->cfg.partner.kind != WORKER_BOT)
        return;
    attron(A_BOLD);
    draw_text(y, 2, "PARTNER");
    attroff(A_BOLD);
    if (!s->partner.busy) {
        attron(A_DIM);
        draw_text(y, 11, "empty-handed   (a bot, %u per minute; wrapped %" PRIu64 ")",
                  s->cfg.partner.rate, s->stats.partner_wrapped);
        attroff(A_DIM);
        return;
    }
    attron(A_REVERSE | A_BOLD);
    draw_text(y, 11, "[ %s ]", v->g->candy);
    attroff(A_REVERSE | A_BOLD);
    draw_text(y, 18, "wrapping       (a bot, %u per minute; wrapped %" PRIu64 ")",
              s->cfg.partner.rate, s->stats.partner_wrapped);
}

static void draw_counters(const struct view *v, const struct sim *s, const struct series *series,
                          const struct shift_screen *screen)
{
    uint64_t pace = 0;
    if (series->len >= 11)
        pace = (series->points[series->len - 1].wrapped -
                series->points[series->len - 11].wrapped) * 6u;
    draw_text(14, 2, "wrapped %-5" PRIu64 " stale %-4" PRIu64 " eaten %-4" PRIu64
                     " %s %3" PRIu64 "/min   oldest wait %4.1f s",
              s->stats.wrapped, s->stats.stale, s->stats.dropped,
              s->cfg.worker.kind == WORKER_HUMAN ? "your pace" : " bot pace", pace,
              (double)sim_oldest_wait(s) / TICK_HZ);
    if (screen->message[0]) {
        attron(view_attr(v, screen->message_pair, A_BOLD));
        draw_text(15, 2, "%s", screen->message);
        attroff(view_attr(v, screen->message_pair, A_BOLD));
    }
}

static void draw_keys(const struct sim *s, const struct shift_screen *screen)
{
    attron(A_REVERSE);
    mvhline(LINES - 1, 0, ' ', COLS);
    if (s->outcome != OUTCOME_RUNNING && screen->end_lock)
        draw_text(LINES - 1, 1, "The shift is over.");
    else if (s->outcome != OUTCOME_RUNNING)
        draw_text(LINES - 1, 1, "The shift is over: any key for the summary");
    else if (screen->keys[0])
        draw_text(LINES - 1, 1, "%s", screen->keys);
    else
        draw_text(LINES - 1, 1, "%s  %s  p %s  ? help  q end shift",
                  s->cfg.worker.kind == WORKER_HUMAN ? "letter: wrap" : "bot at work",
                  screen->panel_locked ? "panel hidden this round"
                  : screen->panel      ? "Tab hide panel"
                                       : "Tab show panel",
                  screen->paused ? "resume" : "pause");
    attroff(A_REVERSE);
}

void shift_view_draw(const struct view *v, const struct sim *s, const struct series *series,
                     const struct shift_screen *screen)
{
    erase();
    draw_header(v, s, screen);
    draw_kitchen(v, s);
    belt_draw(v, s, 3, 5, true);
    attron(A_BOLD);
    draw_text(3, view_station_x() + 1, "STATION");
    attroff(A_BOLD);
    draw_text(5, view_station_x() + 1, "%s%s", v->g->arrow, s->worker.busy ? " [hands]" : "");
    buffer_draw(v, s, 9);
    eaten_draw(v, s, 10);
    draw_hands(v, s, 12, screen->replay);
    draw_partner(v, s, 13);
    draw_counters(v, s, series, screen);
    if (screen->panel) {
        panel_draw(v, 16, s, series);
    } else {
        attron(A_DIM);
        if (screen->panel_locked)
            draw_text(17, 2, "The supervisor panel is hidden for this round.");
        else if (s->cfg.supervisor)
            draw_text(17, 2, "Press Tab to see what the supervisor sees, beside what is "
                             "really happening.");
        else
            draw_text(17, 2, "No supervisor in this shift. Tab shows what is really "
                             "happening.");
        attroff(A_DIM);
    }
    draw_keys(s, screen);
    if (screen->help)
        help_draw(v, screen->panel_locked);
}

void enlarge_draw(void)
{
    static const char *lines[] = {"Please enlarge", "the terminal", "to at least 80x24"};
    char now[32];
    erase();
    snprintf(now, sizeof now, "(now %dx%d)", COLS, LINES);
    int top = LINES / 2 - 2;
    for (int i = 0; i < 3; i++)
        draw_text(top + i, (COLS - (int)strlen(lines[i])) / 2 > 0 ? (COLS - (int)strlen(lines[i])) / 2 : 0, "%s", lines[i]);
    draw_text(top + 3, (COLS - (int)strlen(now)) / 2 > 0 ? (COLS - (int)strlen(now)) / 2 : 0, "%s", now);
}
