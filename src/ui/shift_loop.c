/* shift_loop.c - a shift on screen in real time (see shift_loop.h).
 *
 * Time: the simulation runs at 60 ticks per second of wall time (times the
 * speed, in a replay or a bot's shift) while the shift is on screen and
 * running; pausing, help, a too-small terminal or a suspended process
 * freeze the game clock. The loop wakes only for a key or for the next
 * frame (frame_pacer.h) and then runs the ticks that fell due since.
 * While nothing moves it blocks on input with no timeout, so an idle game
 * uses no CPU.
 */
#include "shift_loop.h"

#include <ctype.h>
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "frame_pacer.h"
#include "game_clock.h"
#include "key_screen.h"

static struct shift_loop *active; /* the shift on screen, for the signal path */

/* After a shift played at the keyboard ends, letters are ignored this long:
 * the player was typing, and the next letters would open the summary and
 * land in the high-score name. */
#define END_LOCK_NS 1000000000ull

void ui_check_signals(void)
{
    int sig = term_pending_signal();
    if (!sig)
        return;
    if (active && active->rec)
        recorder_finish_interrupted(active->rec, &active->s);
    term_die_of(sig);
}

int shift_loop_init(struct shift_loop *l, const struct sim_config *cfg)
{
    memset(l, 0, sizeof *l);
    l->speed = 1;
    series_init(&l->series);
    if (sim_init(&l->s, cfg) < 0)
        return -1;
    if (series_sample(&l->series, &l->s) < 0) {
        sim_free(&l->s);
        return -1;
    }
    return 0;
}

void shift_loop_free(struct shift_loop *l)
{
    if (active == l)
        active = NULL;
    series_free(&l->series);
    sim_free(&l->s);
}

void shift_loop_panel(struct shift_loop *l, enum panel_mode mode)
{
    l->scr.panel = mode == PANEL_SHOWN;
    l->scr.panel_locked = mode == PANEL_HIDDEN;
}

void shift_loop_step(struct shift_loop *l, struct sim_input *in)
{
    struct sim *s = &l->s;
    if (s->outcome != OUTCOME_RUNNING)
        return;
    if (l->player)
        replay_player_before_step(l->player, s, in);
    if (l->rec)
        recorder_input(l->rec, s, in);
    sim_step(s, in);
    if (l->rec)
        recorder_after_step(l->rec, s);
    if (s->tick % TICK_HZ == 0 || s->outcome != OUTCOME_RUNNING)
        (void)series_sample(&l->series, s);
}

void shift_loop_news(struct shift_loop *l)
{
    const struct sim *s = &l->s;
    struct shift_screen *scr = &l->scr;
    const struct supervisor *sup = &s->supervisor;
    if (sup->visits != l->visits) {
        l->visits = sup->visits;
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
    } else if (s->stats.dropped != l->dropped) {
        l->dropped = s->stats.dropped;
        snprintf(scr->message, sizeof scr->message, "Candy #%llu eaten: the table was full.",
                 (unsigned long long)s->last_drop_id);
        scr->message_pair = PAIR_BAD;
    }
    if (s->outcome == OUTCOME_BURST)
        snprintf(scr->message, sizeof scr->message, "BURST! The hats gave way: %u candies "
                 "hidden. The shift has failed.", sim_waiting(s));
    else if (s->outcome == OUTCOME_OVERFLOW)
        snprintf(scr->message, sizeof scr->message, "OVERFLOW! The table is full: the line "
                 "stops with an error. Shift failed.");
    if (s->outcome == OUTCOME_BURST || s->outcome == OUTCOME_OVERFLOW)
        scr->message_pair = PAIR_BAD;
}

/* Doubles or halves the speed within x1 to x32. */
static void change_speed(struct shift_loop *l, bool faster)
{
    if (faster)
        l->speed = l->speed < REPLAY_MAX_SPEED ? l->speed * 2u : REPLAY_MAX_SPEED;
    else
        l->speed = l->speed > 1u ? l->speed / 2u : 1u;
}

/* The game: one key during the shift. Returns false when the shift should
 * give way to the summary. A bot's shift also takes +/- for its speed. */
static bool game_key(int ch, struct shift_loop *l, struct sim_input *in)
{
    struct shift_screen *scr = &l->scr;
    const struct sim *s = &l->s;
    bool bot = s->cfg.worker.kind == WORKER_BOT;
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
        scr->panel = !scr->panel && !scr->panel_locked;
    else if (bot && (key == '+' || key == '=' || key == KEY_RIGHT))
        change_speed(l, true);
    else if (bot && (key == '-' || key == KEY_LEFT))
        change_speed(l, false);
    else if (key == 'p' || (key == 27 && scr->paused))
        scr->paused = !scr->paused;
    else if (key == '?')
        scr->help = true;
    else if (key == 'q')
        in->end_shift = true;
    else if (key >= 'a' && key <= 'z' && in->nkeys < SIM_MAX_KEYS && !scr->paused &&
             !screen_too_small()) /* as while paused: the game can't be seen */
        in->keys[in->nkeys++] = (char)key;
    return true;
}

/* What a replay's controls asked for this time round. */
struct replay_wish {
    unsigned steps; /* ticks to step, while paused */
    bool end;   /* jump to the end */
    bool leave; /* q */
    bool summary;
};

static void replay_key(int ch, struct shift_loop *l, struct replay_wish *w)
{
    struct shift_screen *scr = &l->scr;
    if (ch == KEY_RESIZE)
        return;
    if (l->s.outcome != OUTCOME_RUNNING) {
        w->summary = true;
        return;
    }
    if (scr->help) {
        scr->help = false;
        return;
    }
    switch (ch < 128 ? tolower(ch) : ch) {
    case '\t':
        scr->panel = !scr->panel && !scr->panel_locked;
        break;
    case ' ':
    case 'p':
        scr->paused = !scr->paused;
        break;
    case 27:
        scr->paused = false;
        break;
    case '.':
    case 's':
        if (scr->paused)
            w->steps++;
        scr->paused = true;
        break;
    case '+':
    case '=':
    case KEY_RIGHT:
        change_speed(l, true);
        break;
    case '-':
    case KEY_LEFT:
        change_speed(l, false);
        break;
    case 'e':
    case KEY_END:
        w->end = true;
        break;
    case '?':
        scr->help = true;
        break;
    case 'q':
        w->leave = true;
        break;
    }
}

static void replay_keys_line(struct shift_loop *l)
{
    snprintf(l->scr.keys, sizeof l->scr.keys,
             "REPLAY x%-2u  Space %s  . step  +/- speed  e end  %s  q leave", l->speed,
             l->scr.paused ? "play " : "pause",
             l->scr.panel_locked ? "panel hidden" : "Tab panel");
}

/* A bot's shift: the game's keys, and the speed. */
static void bot_keys_line(struct shift_loop *l)
{
    const struct shift_screen *scr = &l->scr;
    snprintf(l->scr.keys, sizeof l->scr.keys,
             "bot x%-2u  +/- speed  %s  p %s  ? help  q end shift", l->speed,
             scr->panel_locked ? "panel hidden this round"
             : scr->panel      ? "Tab hide panel"
                               : "Tab show panel",
             scr->paused ? "resume" : "pause");
}

enum loop_end shift_loop_run(const struct view *v, struct shift_loop *l)
{
    struct sim *s = &l->s;
    struct sim_input in;
    memset(&in, 0, sizeof in);
    struct game_clock clock;
    game_clock_start(&clock, term_now_ns());
    struct frame_pacer pace = {0, true, false};
    bool to_summary = false;
    uint64_t ended_ns = 0; /* when a keyboard shift ended (END_LOCK_NS) */
    active = l;
    for (;;) {
        ui_check_signals();
        if (term_resumed()) { /* back from a stop: not play time, and a full redraw */
            game_clock_skip(&clock, term_now_ns());
            pace.key = true;
        }
        struct replay_wish wish = {0, false, false, false};
        int ch;
        /* Stop reading at the end of the shift: later keys belong to the summary. */
        while (!to_summary && !in.end_shift && (ch = getch()) != ERR) {
            pace.key = true;
            if (l->player)
                replay_key(ch, l, &wish);
            else if (l->scr.end_lock && ch < 128 && isalpha(ch))
                continue;
            else if (!game_key(ch, l, &in))
                to_summary = true;
        }
        if (wish.leave)
            return LOOP_LEAVE;
        if (in.end_shift) {
            shift_loop_step(l, &in);
            return LOOP_SUMMARY;
        }
        uint64_t now = term_now_ns();
        bool running = !l->scr.paused && !l->scr.help && !screen_too_small() &&
                       s->outcome == OUTCOME_RUNNING;
        game_clock_pass(&clock, now, running, l->speed);
        uint64_t before = s->tick;
        if (running) {
            /* Keys land on the tick that covers now, or at once on the
             * next; the last tick run takes them. */
            uint64_t target = game_clock_target(&clock, s->tick, in.nkeys > 0);
            struct sim_input none;
            memset(&none, 0, sizeof none);
            while (s->tick < target && s->outcome == OUTCOME_RUNNING)
                shift_loop_step(l, s->tick + 1u == target ? &in : &none);
            if (s->tick != before)
                memset(&in, 0, sizeof in);
        } else {
            for (; wish.steps && s->outcome == OUTCOME_RUNNING; wish.steps--)
                shift_loop_step(l, &in);
        }
        if (wish.end) {
            l->scr.paused = false; /* the end shows as the end, not as a pause */
            while (s->outcome == OUTCOME_RUNNING) {
                shift_loop_step(l, &in);
                if (s->tick % 65536u == 0)
                    ui_check_signals(); /* a long replay's end can take seconds */
            }
        }
        if (s->tick != before) {
            if (!running)
                game_clock_follow(&clock, s->tick);
            shift_loop_news(l);
            pace.moved = true;
        }
        if (s->outcome != OUTCOME_RUNNING && !ended_ns && !l->player &&
            s->cfg.worker.kind == WORKER_HUMAN) {
            ended_ns = now;
            l->scr.end_lock = true;
        }
        if (l->scr.end_lock && now - ended_ns >= END_LOCK_NS) {
            l->scr.end_lock = false;
            pace.key = true; /* the key line now offers the summary */
        }
        if (l->player)
            replay_keys_line(l);
        else if (s->cfg.worker.kind == WORKER_BOT)
            bot_keys_line(l);
        if (frame_due(&pace, now)) {
            if (screen_too_small())
                enlarge_draw();
            else
                shift_view_draw(v, s, &l->series, &l->scr);
            refresh();
            frame_drawn(&pace, now);
        }
        if (to_summary || wish.summary)
            return LOOP_SUMMARY;
        /* Asleep until the next frame while the game moves (or a last
         * frame is owed); otherwise until a key, with no timeout. */
        if ((running && s->outcome == OUTCOME_RUNNING) || pace.moved) {
            int ms = frame_wait_ms(&pace, now);
            /* Keys held back while the game is a tick ahead go on its next tick. */
            if (running && in.nkeys) {
                int key_ms = game_clock_wait_ms(&clock, s->tick, l->speed);
                ms = key_ms < ms ? key_ms : ms;
            }
            term_wait(ms);
        } else if (l->scr.end_lock) {
            term_wait((int)((ended_ns + END_LOCK_NS - now) / 1000000u) + 1);
        } else {
            term_wait(-1);
        }
    }
}
