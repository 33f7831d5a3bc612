/* ui.c - the game's screens in order: title menu -> shift -> summary, and
 * back; with --record each shift is recorded; with --replay a recorded
 * shift is played back on screen. */
#include "ui.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../app/replay.h"
#include "../app/scenario_parse.h"
#include "../app/shift.h"
#include "key_screen.h"
#include "menu.h"
#include "shift_loop.h"
#include "summary.h"

static char leave_note[1300]; /* printed once the terminal is back */
static char score_notes[2000]; /* high-score warnings, printed then too (status unchanged) */

/* Keeps the first problem, to tell once the terminal is restored. */
static void note(const char *text)
{
    if (!leave_note[0])
        snprintf(leave_note, sizeof leave_note, "candyline: %s", text);
}

/* Keeps a high-score warning (once each) to print after the terminal is
 * restored: the game went on, so the exit status does not change. */
static void note_scores(const char *text)
{
    size_t used = strlen(score_notes);
    if (!text[0] || strstr(score_notes, text))
        return;
    snprintf(score_notes + used, sizeof score_notes - used, "candyline: high scores: %s\n", text);
}

struct menu_screen {
    const struct view *v;
    struct menu *m;
};

static void menu_screen_draw(void *ctx)
{
    const struct menu_screen *sc = ctx;
    menu_draw(sc->v, sc->m);
}

/* MENU_NONE (0) until the player starts or leaves. */
static int menu_screen_key(void *ctx, int ch, bool small)
{
    struct menu_screen *sc = ctx;
    if (small && (ch == 'q' || ch == 'Q'))
        return MENU_QUIT;
    if (ch == KEY_RESIZE || small)
        return MENU_NONE;
    return menu_key(sc->m, ch);
}

static enum menu_action run_menu(const struct view *v, struct menu *m)
{
    struct menu_screen sc = {v, m};
    return (enum menu_action)key_screen_run(menu_screen_draw, menu_screen_key, &sc);
}

/* The n-th recording of a session: FILE, then FILE-2, FILE-3... with the
 * number before the extension (game.rpl, game-2.rpl). */
static void record_name(char *buf, size_t len, const char *base, unsigned n)
{
    if (n <= 1) {
        snprintf(buf, len, "%s", base);
        return;
    }
    const char *slash = strrchr(base, '/');
    const char *dot = strrchr(slash ? slash + 1 : base, '.');
    if (!dot || dot == (slash ? slash + 1 : base))
        snprintf(buf, len, "%s-%u", base, n);
    else
        snprintf(buf, len, "%.*s-%u%s", (int)(dot - base), base, n, dot);
}

/* Plays one shift; returns true to go back to the title. */
static bool play_shift(const struct view *v, const struct sim_config *cfg, const char *record,
                       const char *scenario_ref, enum panel_mode panel)
{
    static unsigned shifts;
    struct shift_loop l;
    struct recorder rec;
    char err[1200];
    if (shift_loop_init(&l, cfg) < 0) {
        note("out of memory");
        return false;
    }
    if (record) {
        char path[1024];
        record_name(path, sizeof path, record, ++shifts);
        if (recorder_open(&rec, path, cfg, scenario_ref, err, sizeof err) < 0) {
            note(err);
            shift_loop_free(&l);
            return false;
        }
        l.rec = &rec;
    }
    shift_loop_panel(&l, panel);
    snprintf(l.scr.message, sizeof l.scr.message, "%s",
             cfg->worker.kind == WORKER_HUMAN ? "Type the letter on the candy in your hands."
                                              : "The bot is at work: watch where the candy goes.");
    l.scr.message_pair = PAIR_GOOD;
    (void)shift_loop_run(v, &l);
    if (l.s.tick % TICK_HZ != 0)
        (void)series_sample(&l.series, &l.s);
    if (record) {
        if (recorder_finish(&rec, &l.s, err, sizeof err) < 0)
            note(err);
        l.rec = NULL;
    }
    struct hiscores h; /* a bot's shift has none: hiscores_open leaves h.on false */
    hiscores_open(&h, &l.s);
    bool again = summary_run(v, &l.s, &l.series, &h);
    note_scores(h.warning);
    hiscores_close(&h);
    shift_loop_free(&l);
    return again;
}

/* The scenario as a replay will find it again: a built-in's name, or the
 * file given with --scenario, which the menu lists last. */
static const char *scenario_ref(const struct menu *m, const struct options *o)
{
    bool file = true;
    for (size_t i = 0; builtin_scenarios[i].name; i++)
        file = file && strcmp(builtin_scenarios[i].name, o->scenario) != 0;
    return file && m->scenario == m->nscenarios - 1 ? o->scenario
                                                     : m->scenarios[m->scenario].name;
}

static int finish(int status)
{
    term_stop();
    fputs(score_notes, stderr);
    score_notes[0] = '\0';
    if (leave_note[0]) {
        fprintf(stderr, "%s\n", leave_note);
        return 2;
    }
    return status;
}

/* Finds out before the screen starts whether --record can write there. */
static bool can_record(const char *path)
{
    char part[1100];
    snprintf(part, sizeof part, "%s.part", path);
    FILE *f = fopen(part, "w");
    if (!f) {
        fprintf(stderr, "candyline: --record: cannot write %s: %s\n", part, strerror(errno));
        return false;
    }
    fclose(f);
    remove(part);
    return true;
}

int ui_run(const struct options *o, const struct scenario *sc)
{
    struct term_caps caps;
    if (o->record && !can_record(o->record))
        return 2;
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
            note(err);
            break;
        }
        if (!play_shift(&v, &cfg, o->record, scenario_ref(&m, o), o->panel))
            break;
    }
    return finish(0);
}

int ui_replay(const struct options *o)
{
    struct replay r;
    struct sim_config cfg;
    char err[700];
    if (replay_load(o->replay, &r, err, sizeof err) < 0 ||
        replay_config(&r, o->replay, &cfg, err, sizeof err) < 0) {
        fprintf(stderr, "candyline: %s\n", err);
        replay_free(&r);
        return 2;
    }
    struct term_caps caps;
    if (term_start(o->ascii, &caps) < 0) {
        replay_free(&r);
        return 2;
    }
    struct view v = {glyphs_pick(caps.unicode), caps};
    struct shift_loop l;
    struct replay_player p;
    if (shift_loop_init(&l, &cfg) < 0 || replay_player_init(&p, &r, NULL) < 0) {
        note("out of memory");
        replay_free(&r);
        return finish(2);
    }
    l.player = &p;
    l.scr.replay = true;
    shift_loop_panel(&l, o->panel);
    snprintf(l.scr.message, sizeof l.scr.message, "Replaying %.100s.", o->replay);
    l.scr.message_pair = PAIR_GOOD;
    if (shift_loop_run(&v, &l) == LOOP_SUMMARY) {
        if (l.s.tick % TICK_HZ != 0)
            (void)series_sample(&l.series, &l.s);
        (void)summary_run(&v, &l.s, &l.series, NULL); /* a replay never records a score */
    }
    replay_player_free(&p);
    shift_loop_free(&l);
    replay_free(&r);
    return finish(0);
}
