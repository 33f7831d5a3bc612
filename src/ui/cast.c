/* cast.c - --replay FILE --cast OUT: films a replay as an asciicast v2
 * file (a JSON header line, then [time, "o", data] lines), with no
 * terminal. ncurses draws the usual shift screen into a hidden file; each
 * frame's bytes become one event stamped with the tick clock, so the film
 * runs at game speed whatever the machine. */
#include <curses.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../app/atomic_file.h"
#include "../app/replay.h"
#include "../app/replay_play.h"
#include "shift_loop.h"
#include "summary.h"
#include "ui.h"

#define CAST_COLS 80
#define CAST_LINES 24
#define CAST_FRAME_TICKS 2u /* 30 frames per second of game time */
#define CAST_HOLD_S 4.0     /* the summary stays this long at the end */

struct film {
    FILE *out;         /* the .cast file being written */
    int screen_fd;     /* the hidden file ncurses writes to */
    FILE *screen_out;  /* the same, as ncurses' output stream */
    off_t seen;        /* bytes of it already made into events */
    unsigned events;
};

static void json_bytes(FILE *out, const char *p, size_t n)
{
    fputc('"', out);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c == '\r')
            fputs("\\r", out);
        else if (c < 0x20 || c == 0x7f)
            fprintf(out, "\\u%04x", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

/* Makes what ncurses wrote since the last frame into one event. */
static int frame(struct film *f, double seconds)
{
    char buf[1 << 16];
    if (fflush(f->screen_out) != 0)
        return -1;
    for (;;) {
        ssize_t n = pread(f->screen_fd, buf, sizeof buf, f->seen);
        if (n < 0)
            return -1;
        if (n == 0)
            return 0;
        fprintf(f->out, "[%.6f, \"o\", ", seconds);
        json_bytes(f->out, buf, (size_t)n);
        fputs("]\n", f->out);
        f->seen += n;
        f->events++;
    }
}

static void draw(const struct view *v, const struct shift_loop *l, bool summary)
{
    if (summary)
        summary_draw(v, &l->s, &l->series);
    else
        shift_view_draw(v, &l->s, &l->series, &l->scr);
    wnoutrefresh(stdscr);
    doupdate();
}

static int film_replay(struct film *f, const struct replay *r, const struct sim_config *cfg,
                       const struct options *o, double *seconds)
{
    struct shift_loop l;
    struct replay_player p;
    if (shift_loop_init(&l, cfg) < 0 || replay_player_init(&p, r, NULL) < 0)
        return -1;
    struct term_caps caps;
    term_colors(o->ascii, &caps);
    struct view v = {glyphs_pick(caps.unicode), caps};
    l.player = &p;
    l.scr.replay = true;
    l.scr.panel = true;
    snprintf(l.scr.keys, sizeof l.scr.keys, "REPLAY of %.80s", r->file);
    snprintf(l.scr.message, sizeof l.scr.message, "Replaying %.100s.", r->file);
    l.scr.message_pair = PAIR_GOOD;
    int rc = 0;
    draw(&v, &l, false);
    rc |= frame(f, 0.0);
    while (l.s.outcome == OUTCOME_RUNNING && rc == 0) {
        struct sim_input in;
        shift_loop_step(&l, &in);
        if (l.s.tick % CAST_FRAME_TICKS == 0 || l.s.outcome != OUTCOME_RUNNING) {
            shift_loop_news(&l);
            draw(&v, &l, false);
            rc |= frame(f, (double)l.s.tick / TICK_HZ);
        }
    }
    if (l.s.tick % TICK_HZ != 0)
        (void)series_sample(&l.series, &l.s);
    double end = (double)l.s.tick / TICK_HZ;
    *seconds = end + CAST_HOLD_S;
    draw(&v, &l, true);
    rc |= frame(f, end + 1.0);
    /* A last, empty event holds the summary on screen. */
    fprintf(f->out, "[%.6f, \"o\", \"\"]\n", end + CAST_HOLD_S);
    replay_player_free(&p);
    shift_loop_free(&l);
    return rc;
}

static int open_screen(struct film *f, char *err, size_t errlen)
{
    const char *dir = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/candyline-cast-XXXXXX", dir && *dir ? dir : "/tmp");
    f->screen_fd = mkstemp(path);
    if (f->screen_fd < 0) {
        snprintf(err, errlen, "--cast: cannot make a temporary file in %s: %s",
                 dir && *dir ? dir : "/tmp", strerror(errno));
        return -1;
    }
    unlink(path);
    int fd = dup(f->screen_fd);
    f->screen_out = fd < 0 ? NULL : fdopen(fd, "w");
    if (!f->screen_out) {
        snprintf(err, errlen, "--cast: %s", strerror(errno));
        return -1;
    }
    return 0;
}

int cast_run(const struct options *o)
{
    struct replay r;
    struct sim_config cfg;
    char err[1200], part[1100];
    if (replay_load(o->replay, &r, err, sizeof err) < 0 ||
        replay_config(&r, o->replay, &cfg, err, sizeof err) < 0) {
        fprintf(stderr, "candyline: %s\n", err);
        replay_free(&r);
        return 2;
    }
    /* The film is UTF-8 whatever this terminal is: players expect it. */
    if (!setlocale(LC_ALL, "C.UTF-8"))
        setlocale(LC_ALL, "");
    struct film f = {NULL, -1, NULL, 0, 0};
    FILE *in = fopen("/dev/null", "r");
    if (open_screen(&f, err, sizeof err) < 0 || !in) {
        fprintf(stderr, "candyline: %s\n", in ? err : "--cast: cannot open /dev/null");
        replay_free(&r);
        return 2;
    }
    char target[1024];
    bool in_place = false;
    if (output_target(o->cast, "--cast", target, sizeof target, &in_place, err, sizeof err) < 0) {
        fprintf(stderr, "candyline: %s\n", err);
        fclose(in);
        replay_free(&r);
        return 2;
    }
    snprintf(part, sizeof part, "%s", target);
    if (!in_place)
        snprintf(part, sizeof part, "%s.part", target);
    f.out = output_open(target, part, in_place);
    if (!f.out) {
        fprintf(stderr, "candyline: --cast: cannot write %s: %s\n", part, strerror(errno));
        fclose(in);
        replay_free(&r);
        return 2;
    }
    SCREEN *screen = newterm("xterm-256color", f.screen_out, in);
    if (!screen) {
        fprintf(stderr, "candyline: --cast: the terminal description xterm-256color is "
                        "missing (Debian package ncurses-base)\n");
        fclose(f.out);
        if (!in_place)
            remove(part);
        replay_free(&r);
        return 2;
    }
    set_term(screen);
    resizeterm(CAST_LINES, CAST_COLS);
    curs_set(0);
    fprintf(f.out, "{\"version\": 2, \"width\": %d, \"height\": %d, \"title\": ", CAST_COLS,
            CAST_LINES);
    json_bytes(f.out, o->replay, strlen(o->replay));
    fputs(", \"env\": {\"TERM\": \"xterm-256color\"}}\n", f.out);
    double seconds = 0.0;
    int rc = film_replay(&f, &r, &cfg, o, &seconds);
    endwin(); /* what it writes (leaving the screen) stays out of the film */
    delscreen(screen);
    fclose(f.screen_out);
    close(f.screen_fd);
    fclose(in);
    replay_free(&r);
    if (rc != 0 || fflush(f.out) != 0 || (!in_place && fsync(fileno(f.out)) != 0)) {
        fprintf(stderr, "candyline: --cast: writing %s failed: %s\n", part, strerror(errno));
        fclose(f.out);
        if (!in_place)
            remove(part);
        return 2;
    }
    if (fclose(f.out) != 0 || (!in_place && rename(part, target) != 0)) {
        fprintf(stderr, "candyline: --cast: cannot write %s: %s\n", o->cast, strerror(errno));
        if (!in_place)
            remove(part);
        return 2;
    }
    printf("%s: %u frames, %.1f s of asciicast v2 (play it with: asciinema play %s)\n", o->cast,
           f.events, seconds, o->cast);
    return 0;
}
