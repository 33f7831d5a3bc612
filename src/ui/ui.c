/* ui.c - the game's loops: title menu -> shift -> summary, and back.
 *
 * Time: the simulation runs at 60 ticks per second of wall time while the
 * shift is on screen and running; pausing, help, a too-small terminal or a
 * suspended process freeze the game clock. While nothing moves the loop
 * blocks on input with no timeout, so an idle game uses no CPU.
 */
#include "ui.h"

#include <ctype.h>
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "../app/shift.h"
#include "menu.h"
#include "shift_view.h"
#include "summary.h"

#define MAX_CATCH_UP_NS 100000000ull /* a longer gap (suspend, lag) is not played back */
#define TICK_NS (1000000000ull / TICK_HZ)

enum after_shift { TO_TITLE, TO_LEAVE };

/* Dies cleanly if a quit signal has arrived. */
static void check_signals(void)
{
    int sig = term_pending_signal();
    if (sig)
        term_die_of(sig);
}

static bool too_small(void)
{
    return COLS < VIEW_MIN_COLS || LINES < VIEW_MIN_LINES;
}

static enum menu_action run_menu(const struct view *v, struct menu *m)
{
    bool dirty = true;
    for (;;) {
        check_signals();
        if (dirty) {
            if (too_small())
                enlarge_draw();
            else
                menu_draw(v, m);
            refresh();
            dirty = false;
        }
        term_wait(-1);
        int ch;
        while ((ch = getch()) != ERR) {
            dirty = true;
            if (ch == KEY_RESIZE || too_small())
                continue;
            enum menu_action a = menu_key(m, ch);
            if (a != MENU_NONE)
                return a;
        }
    }
}

/* Turns news from the simulation into the message line. */
static void update_message(struct shift_screen *scr, const struct sim *s, uint32_t *visits,
                           uint64_t *dropped)
{
    const struct supervisor *sup = &s->supervisor;
    if (sup->visits != *visits) {
        *visits = sup->visits;
        if (sup->last_sped_up)
            snprintf(scr->message, sizeof scr->message,
                     "Supervisor: \"No backlog? Then faster!\"  The belt is now at %u%%.",
                     sup->pct);
        else if (!s->belt.moving)
            snprintf(scr->message, sizeof scr->message,
                     "Supervisor: \"The belt is stopped? Keep it steady.\"  No speed-up.");
        else
            snprintf(scr->message, sizeof scr->message,
                     "Supervisor: \"I see %u waiting. Keep it steady.\"  No speed-up.",
                     sup->last_seen);
        scr->message_pair = sup->last_sped_up ? PAIR_WARN : PAIR_GOOD;
    } else if (s->stats.dropped != *dropped) {
        *dropped = s->stats.dropped;
        snprintf(scr->message, sizeof scr->message, "Candy #%llu eaten: the table was full.",
                 (unsigned long long)s->last_drop_id);
        scr->message_pair = PAIR_BAD;
    }
    if (s->outcome == OUTCOME_BURST)
        snprintf(scr->message, sizeof scr->message, "BURST! The hats gave way: %u candies "
                 "hidden. The shift has failed.", sim_waiting(s));
    else if (s->outcome == OUTCOME_OVERFLOW)
        snprintf(scr->message, sizeof scr->message, "OVERFLOW! The table is full: the line "
                 "stops with an error. The shift has failed.");
    if (s->outcome == OUTCOME_BURST || s->outcome == OUTCOME_OVERFLOW)
        scr->message_pair = PAIR_BAD;
}

/* Handles one key during the shift. Returns false when the shift should
 * give way to the summary. */
static bool shift_key(int ch, struct shift_screen *scr, struct sim_input *in,
                      const struct sim *s)
{
    if (ch == KEY_RESIZE)
        return true;
    if (s->outcome != OUTCOME_RUNNING)
        return false;
    if (scr->help) {
        scr->help = false;
        return true;
    }
    int key = ch < 128 ? tolower(ch) : ch;
    if (key == '\t')
        scr->panel = !scr->panel;
    else if (key == 'p' || (key == 27 && scr->paused))
        scr->paused = !scr->paused;
    else if (key == '?')
        scr->help = true;
    else if (key == 'q')
        in->end_shift = true;
    else if (key >= 'a' && key <= 'z' && in->nkeys < SIM_MAX_KEYS && !scr->paused)
        in->keys[in->nkeys++] = (char)key;
    return true;
}

static enum after_shift run_summary(const struct view *v, const struct sim *s,
                                    const struct series *series)
{
    bool dirty = true;
    for (;;) {
        check_signals();
        if (dirty) {
            if (too_small())
                enlarge_draw();
            else
                summary_draw(v, s, series);
            refresh();
            dirty = false;
        }
        term_wait(-1);
        int ch;
        while ((ch = getch()) != ERR) {
            dirty = true;
            if (ch == 'q' || ch == 'Q')
                return TO_LEAVE;
            if (ch == '\n' || ch == '\r' || ch == KEY_ENTER)
                return TO_TITLE;
        }
    }
}

static enum after_shift run_shift(const struct view *v, const struct sim_config *cfg)
{
    struct sim s;
    struct series series;
    struct shift_screen scr;
    struct sim_input in;
    memset(&scr, 0, sizeof scr);
    memset(&in, 0, sizeof in);
    series_init(&series);
    if (sim_init(&s, cfg) < 0 || series_sample(&series, &s) < 0) {
        term_stop();
        fprintf(stderr, "candyline: out of memory\n");
        return TO_LEAVE;
    }
    uint32_t visits = 0;
    uint64_t dropped = 0, game_ns = 0, last = term_now_ns();
    bool dirty = true, to_summary = false;
    snprintf(scr.message, sizeof scr.message, "%s",
             cfg->worker.kind == WORKER_HUMAN ? "Type the letter on the candy in your hands."
                                              : "The bot is at work. Tab shows the panel.");
    scr.message_pair = PAIR_GOOD;
    while (!to_summary) {
        check_signals();
        int ch;
        /* Stop reading at the end of the shift: later keys belong to the summary. */
        while (!to_summary && !in.end_shift && (ch = getch()) != ERR) {
            dirty = true;
            if (!shift_key(ch, &scr, &in, &s))
                to_summary = true;
        }
        if (in.end_shift) {
            sim_step(&s, &in);
            break;
        }
        uint64_t now = term_now_ns(), dt = now - last;
        last = now;
        bool running = !scr.paused && !scr.help && !too_small() && s.outcome == OUTCOME_RUNNING;
        if (running) {
            game_ns += dt < MAX_CATCH_UP_NS ? dt : MAX_CATCH_UP_NS;
            uint64_t target = game_ns / TICK_NS;
            while (s.tick < target && s.outcome == OUTCOME_RUNNING) {
                sim_step(&s, &in);
                memset(&in, 0, sizeof in);
                if (s.tick % TICK_HZ == 0 || s.outcome != OUTCOME_RUNNING)
                    (void)series_sample(&series, &s);
                dirty = true;
            }
            update_message(&scr, &s, &visits, &dropped);
        }
        if (dirty) {
            if (too_small())
                enlarge_draw();
            else
                shift_view_draw(v, &s, &series, &scr);
            refresh();
            dirty = false;
        }
        if (to_summary)
            break;
        if (running && s.outcome == OUTCOME_RUNNING) {
            uint64_t next = (s.tick + 1u) * TICK_NS;
            uint64_t wait_ns = next > game_ns ? next - game_ns : 0;
            term_wait((int)(wait_ns / 1000000u) + 1);
        } else {
            term_wait(-1);
        }
    }
    if (s.tick % TICK_HZ != 0)
        (void)series_sample(&series, &s);
    enum after_shift next = run_summary(v, &s, &series);
    series_free(&series);
    sim_free(&s);
    return next;
}

int ui_run(const struct options *o, const struct scenario *sc)
{
    struct term_caps caps;
    if (term_start(o->ascii, &caps) < 0)
        return 2;
    struct view v = {glyphs_pick(caps.unicode), caps};
    struct menu m;
    menu_init(&m, o, sc);
    for (;;) {
        if (run_menu(&v, &m) == MENU_QUIT)
            break;
        struct options chosen = *o;
        struct sim_config cfg;
        char spec[64], err[300];
        menu_spec(&m, spec, sizeof spec);
        chosen.memory_given = true;
        chosen.memory = m.memory;
        chosen.worker_given = true;
        chosen.worker.kind = m.bot ? WORKER_BOT : WORKER_HUMAN;
        chosen.worker.rate = m.bot_rate;
        if (shift_config(&chosen, &m.scenarios[m.scenario], spec, true, &cfg, err,
                         sizeof err) < 0) {
            term_stop();
            fprintf(stderr, "candyline: %s\n", err);
            return 2;
        }
        if (run_shift(&v, &cfg) == TO_LEAVE)
            break;
    }
    term_stop();
    return 0;
}
