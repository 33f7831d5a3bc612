/* versus.c - --versus: two strategies' shifts in real time on one screen,
 * then their summary (see versus.h).
 *
 * Time works as in shift_loop.c: 60 ticks per second of wall time, times
 * the speed (x1 to x32), both lines stepped together so they share one
 * clock, redrawn at the frame rate of frame_pacer.h. Pausing, a too-small
 * terminal or the end of both shifts block on input with no timeout: no CPU
 * while nothing moves.
 */
#include "ui.h"

#include <ctype.h>
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "frame_pacer.h"
#include "game_clock.h"
#include "key_screen.h"
#include "versus.h"

uint64_t versus_ticks(const struct versus *vs)
{
    uint64_t a = vs->lane[0].s.tick, b = vs->lane[1].s.tick;
    return a > b ? a : b;
}

void versus_crew(const struct sim_config *cfg, char *buf, size_t len)
{
    char one[48], two[48];
    worker_format(&cfg->worker, one, sizeof one);
    if (cfg->partner.kind != WORKER_BOT) {
        snprintf(buf, len, "worker %s", one);
        return;
    }
    worker_format(&cfg->partner, two, sizeof two);
    snprintf(buf, len, "workers %s & %s", one, two);
}

bool versus_running(const struct versus *vs)
{
    return vs->lane[0].s.outcome == OUTCOME_RUNNING || vs->lane[1].s.outcome == OUTCOME_RUNNING;
}

/* One tick of the shared clock: each line that still runs takes a step. */
static void step_both(struct versus *vs, bool end_shift)
{
    for (int i = 0; i < 2; i++) {
        struct sim_input in;
        memset(&in, 0, sizeof in);
        in.end_shift = end_shift;
        shift_loop_step(&vs->lane[i], &in);
    }
}

enum wish { WISH_NONE, WISH_QUIT, WISH_SUMMARY };

static enum wish versus_key(struct versus *vs, int ch)
{
    if (ch == KEY_RESIZE)
        return WISH_NONE;
    if (!versus_running(vs))
        return WISH_SUMMARY;
    switch (ch < 128 ? tolower(ch) : ch) {
    case 'p':
    case ' ':
        vs->paused = !vs->paused;
        break;
    case 27:
        vs->paused = false;
        break;
    case '+':
    case '=':
    case KEY_RIGHT:
        vs->speed = vs->speed < REPLAY_MAX_SPEED ? vs->speed * 2u : REPLAY_MAX_SPEED;
        break;
    case '-':
    case KEY_LEFT:
        vs->speed = vs->speed > 1u ? vs->speed / 2u : 1u;
        break;
    case '\t':
        vs->panel = !vs->panel && !vs->panel_locked;
        break;
    case 'q':
        return WISH_QUIT;
    }
    return WISH_NONE;
}

/* Runs both shifts until they end or q ends them. */
static void versus_play(const struct view *v, struct versus *vs)
{
    struct game_clock clock;
    game_clock_start(&clock, term_now_ns());
    struct frame_pacer pace = {0, true, false};
    for (;;) {
        ui_check_signals();
        if (term_resumed()) { /* back from a stop: not play time, and a full redraw */
            game_clock_skip(&clock, term_now_ns());
            pace.key = true;
        }
        enum wish wish = WISH_NONE;
        int ch;
        while (wish == WISH_NONE && (ch = getch()) != ERR) {
            pace.key = true;
            wish = versus_key(vs, ch);
        }
        if (wish == WISH_QUIT)
            step_both(vs, true);
        if (wish != WISH_NONE)
            return;
        uint64_t now = term_now_ns();
        bool running = !vs->paused && !screen_too_small() && versus_running(vs);
        game_clock_pass(&clock, now, running, vs->speed);
        uint64_t before = versus_ticks(vs);
        if (running) {
            uint64_t target = game_clock_target(&clock, versus_ticks(vs), false);
            while (versus_ticks(vs) < target && versus_running(vs))
                step_both(vs, false);
        }
        if (versus_ticks(vs) != before) {
            shift_loop_news(&vs->lane[0]);
            shift_loop_news(&vs->lane[1]);
            pace.moved = true;
        }
        if (frame_due(&pace, now)) {
            if (screen_too_small())
                enlarge_draw();
            else
                versus_draw(v, vs);
            refresh();
            frame_drawn(&pace, now);
        }
        if ((running && versus_running(vs)) || pace.moved) {
            term_wait(frame_wait_ms(&pace, now));
        } else {
            term_wait(-1);
        }
    }
}

struct versus_summary_screen {
    const struct view *v;
    const struct versus *vs;
};

static void versus_summary_screen_draw(void *ctx)
{
    const struct versus_summary_screen *sc = ctx;
    versus_summary_draw(sc->v, sc->vs);
}

static int versus_summary_key(void *ctx, int ch, bool small)
{
    (void)ctx;
    (void)small;
    return ch == 'q' || ch == 'Q' || ch == '\n' || ch == '\r' || ch == KEY_ENTER;
}

/* The summary until q (or Enter) leaves. */
static void versus_summary(const struct view *v, const struct versus *vs)
{
    struct versus_summary_screen sc = {v, vs};
    key_screen_run(versus_summary_screen_draw, versus_summary_key, &sc);
}

int ui_versus(const struct options *o, const struct sim_config cfg[2])
{
    static struct versus vs; /* two whole shifts: kept off the stack */
    struct term_caps caps;
    memset(&vs, 0, sizeof vs);
    if (shift_loop_init(&vs.lane[0], &cfg[0]) < 0) {
        fprintf(stderr, "candyline: out of memory\n");
        return 2;
    }
    if (shift_loop_init(&vs.lane[1], &cfg[1]) < 0) {
        shift_loop_free(&vs.lane[0]);
        fprintf(stderr, "candyline: out of memory\n");
        return 2;
    }
    vs.speed = 1;
    vs.panel = o->panel != PANEL_HIDDEN;
    vs.panel_locked = o->panel == PANEL_HIDDEN;
    for (int i = 0; i < 2; i++) {
        snprintf(vs.lane[i].scr.message, sizeof vs.lane[i].scr.message,
                 "The bot is at work: watch where the candy goes.");
        vs.lane[i].scr.message_pair = PAIR_GOOD;
    }
    int status = 0;
    if (term_start(o->ascii, &caps) < 0) {
        status = 2;
    } else {
        struct view v = {glyphs_pick(caps.unicode), caps};
        versus_play(&v, &vs); /* a shift's last step samples its series */
        versus_summary(&v, &vs);
        term_stop();
    }
    shift_loop_free(&vs.lane[0]);
    shift_loop_free(&vs.lane[1]);
    return status;
}
