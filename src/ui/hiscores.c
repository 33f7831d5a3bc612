/* hiscores.c - the summary's high-score table and its name editor (see
 * hiscores.h): reads the file when a keyboard shift ends, offers the
 * default name, takes UTF-8 typing through get_wch, saves on Enter. */
#include "hiscores.h"

#include <curses.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <wctype.h>

#include "key_screen.h"
#include "shift_loop.h"
#include "shift_view.h"
#include "term.h"

static void warn(struct hiscores *h, const char *text)
{
    if (!h->warning[0])
        snprintf(h->warning, sizeof h->warning, "%s", text);
}

/* Columns the name takes so far. */
static int name_cols(const struct hiscores *h)
{
    int cols = 0;
    for (size_t i = 0; i < h->name_len; i++)
        cols += wcwidth(h->name[i]);
    return cols;
}

/* The name as UTF-8 (or the locale's encoding). Returns its length, or -1
 * if it does not fit in len or a character has no encoding. */
static int name_bytes(const wchar_t *name, size_t n, char *buf, size_t len)
{
    mbstate_t st;
    size_t used = 0;
    memset(&st, 0, sizeof st);
    for (size_t i = 0; i < n; i++) {
        char mb[16];
        size_t k = wcrtomb(mb, name[i], &st);
        if (k == (size_t)-1 || used + k >= len)
            return -1;
        memcpy(buf + used, mb, k);
        used += k;
    }
    buf[used] = '\0';
    return (int)used;
}

/* Appends c to the name if it is printable and fits (columns and bytes). */
static bool type_char(struct hiscores *h, wchar_t c)
{
    int w = wcwidth(c);
    char bytes[SCORES_NAME_MAX + 1];
    if (!iswprint((wint_t)c) || w <= 0 || h->name_len >= HISCORES_NAME_COLS ||
        name_cols(h) + w > HISCORES_NAME_COLS)
        return false;
    h->name[h->name_len++] = c;
    if (name_bytes(h->name, h->name_len, bytes, sizeof bytes) < 0) {
        h->name_len--;
        return false;
    }
    h->name[h->name_len] = L'\0';
    return true;
}

void hiscores_open(struct hiscores *h, const struct sim *s)
{
    memset(h, 0, sizeof *h);
    scores_init(&h->table);
    h->rank = -1;
    h->on = s->cfg.worker.kind == WORKER_HUMAN;
    if (!h->on)
        return;
    struct score_entry *e = &h->mine;
    scores_key(&s->cfg, e->key, sizeof e->key);
    e->score = sim_score(s);
    e->when = (int64_t)time(NULL);
    snprintf(e->outcome, sizeof e->outcome, "%s", outcome_name(s->outcome));
    snprintf(h->title, sizeof h->title, "HIGH SCORES  %s  %s%s", s->cfg.scenario.name,
             s->cfg.strategy_spec, s->cfg.partner.kind == WORKER_BOT ? "  with a bot partner" : "");
    char why[sizeof h->warning];
    if (scores_path(h->path, sizeof h->path, why, sizeof why) < 0) {
        h->path[0] = '\0';
        warn(h, why);
        snprintf(h->status, sizeof h->status, "not kept");
        return;
    }
    int loaded = scores_load(h->path, &h->table, why, sizeof why);
    if (loaded == -1)
        snprintf(why, sizeof why, "out of memory reading %.700s", h->path);
    if (loaded != 0)
        warn(h, why);
    h->counts = scores_count(&s->cfg, s->outcome);
    if (!h->counts) {
        snprintf(h->status, sizeof h->status, "%s",
                 s->outcome == OUTCOME_QUIT ? "ended early: not entered" : "not entered");
        return;
    }
    if (loaded == -1 || loaded == 2) {
        snprintf(h->status, sizeof h->status, "not saved");
        return;
    }
    h->rank = scores_rank(&h->table, e->key, e->score, e->when);
    if (h->rank < 0) {
        snprintf(h->status, sizeof h->status, "your %" PRId64 " did not make the table",
                 e->score);
        return;
    }
    h->editing = true;
    snprintf(h->status, sizeof h->status, "a new high score!");
    char def[SCORES_NAME_MAX + 1];
    scores_default_name(def, sizeof def);
    mbstate_t st;
    memset(&st, 0, sizeof st);
    for (const char *p = def; *p;) {
        wchar_t c;
        size_t k = mbrtowc(&c, p, strlen(p), &st);
        if (k == 0 || k == (size_t)-1 || k == (size_t)-2 || !type_char(h, c))
            break;
        p += k;
    }
}

void hiscores_close(struct hiscores *h)
{
    scores_free(&h->table);
}

static void save(struct hiscores *h)
{
    char why[sizeof h->warning];
    int rank;
    h->editing = false;
    if (name_bytes(h->name, h->name_len, h->mine.name, sizeof h->mine.name) < 0)
        h->mine.name[0] = '\0';
    int r = scores_add(h->path, &h->mine, SCORES_LOCK_MS, &rank, &h->table, why, sizeof why);
    if (why[0])
        warn(h, why);
    h->rank = r == 0 ? rank : -1;
    h->saved = r == 0 && rank >= 0;
    snprintf(h->status, sizeof h->status, "%s",
             r < 0 ? "not saved" : rank < 0 ? "pushed out by better scores meanwhile" : "saved");
}

void hiscores_key(struct hiscores *h, wint_t ch, bool code)
{
    if (!h->editing)
        return;
    if ((code && (ch == KEY_BACKSPACE || ch == KEY_DC)) || (!code && (ch == 127 || ch == 8))) {
        if (h->name_len)
            h->name[--h->name_len] = L'\0';
    } else if (!code && ch == 21) { /* Ctrl-U */
        h->name_len = 0;
        h->name[0] = L'\0';
    } else if ((code && ch == KEY_ENTER) || (!code && (ch == '\r' || ch == '\n'))) {
        if (h->name_len)
            save(h);
        else
            beep();
    } else if (!code && ch == 27) {
        h->editing = false;
        h->rank = -1;
        snprintf(h->status, sizeof h->status, "skipped: not saved");
    } else if (!code && !type_char(h, (wchar_t)ch)) {
        beep();
    }
}

/* Draws name in exactly cols columns from (y, x): characters the terminal
 * can't show as they are (control bytes, bad UTF-8) become '?'. */
static void draw_name(int y, int x, const char *name, int cols)
{
    char out[SCORES_NAME_MAX * 4 + 64];
    size_t o = 0;
    int used = 0;
    mbstate_t st;
    memset(&st, 0, sizeof st);
    for (const char *p = name; *p && o + 8 < sizeof out;) {
        wchar_t c;
        size_t k = mbrtowc(&c, p, strlen(p), &st);
        int w = 1;
        bool shown = k != (size_t)-1 && k != (size_t)-2 && k != 0 && iswprint((wint_t)c) &&
                     (w = wcwidth(c)) > 0;
        if (!shown) {
            memset(&st, 0, sizeof st);
            k = k == (size_t)-1 || k == (size_t)-2 || k == 0 ? 1 : k;
            w = 1;
        }
        if (used + w > cols)
            break;
        if (shown) {
            memcpy(out + o, p, k);
            o += k;
        } else {
            out[o++] = '?';
        }
        used += w;
        p += k;
    }
    while (used++ < cols && o + 1 < sizeof out)
        out[o++] = ' ';
    out[o] = '\0';
    draw_text(y, x, "%s", out);
}

static void draw_row(int y, int place, const struct score_entry *e)
{
    char date[16] = "";
    time_t when = (time_t)e->when;
    struct tm tm;
    if (localtime_r(&when, &tm))
        strftime(date, sizeof date, "%Y-%m-%d", &tm);
    draw_text(y, 1, "%2d.", place + 1);
    draw_name(y, 5, e->name, HISCORES_NAME_COLS);
    draw_text(y, 5 + HISCORES_NAME_COLS, "  %8" PRId64 "  %-9.9s  %s", e->score, e->outcome,
              date);
}

void hiscores_draw(const struct view *v, const struct hiscores *h, int y)
{
    const struct score_entry *top[SCORES_TOP];
    size_t n = scores_top(&h->table, h->mine.key, top, SCORES_TOP);
    /* The status at the right edge; the title gives way to it if need be. */
    int len = h->status[0] ? (int)strlen(h->status) + 2 : 0;
    int x = COLS - len - 1 > 1 ? COLS - len - 1 : 1;
    attron(A_BOLD);
    draw_text(y, 1, "%.*s", !len ? (int)sizeof h->title : x > 3 ? x - 3 : 0, h->title);
    attroff(A_BOLD);
    if (len) {
        attron(view_attr(v, h->rank >= 0 ? PAIR_GOOD : PAIR_WARN, A_BOLD));
        draw_text(y, x, "(%s)", h->status);
        attroff(view_attr(v, h->rank >= 0 ? PAIR_GOOD : PAIR_WARN, A_BOLD));
    }
    size_t next = 0;
    for (int row = 0; row < SCORES_TOP; row++) {
        int ry = y + 1 + row;
        if (h->editing && row == h->rank) {
            char typed[SCORES_NAME_MAX + 1];
            if (name_bytes(h->name, h->name_len, typed, sizeof typed) < 0)
                typed[0] = '\0';
            attron(view_attr(v, PAIR_GOOD, A_BOLD) | A_BOLD);
            draw_text(ry, 1, "%2d.", row + 1);
            attroff(view_attr(v, PAIR_GOOD, A_BOLD) | A_BOLD);
            attron(A_UNDERLINE);
            draw_name(ry, 5, typed, HISCORES_NAME_COLS);
            attroff(A_UNDERLINE);
            attron(A_REVERSE);
            draw_text(ry, 5 + name_cols(h), " ");
            attroff(A_REVERSE);
            attron(view_attr(v, PAIR_GOOD, A_BOLD) | A_BOLD);
            draw_text(ry, 5 + HISCORES_NAME_COLS, "  %8" PRId64 "  %-9.9s  <- your name?",
                      h->mine.score, h->mine.outcome);
            attroff(view_attr(v, PAIR_GOOD, A_BOLD) | A_BOLD);
            continue;
        }
        if (next >= n) {
            if (row == 0 && !h->editing) {
                attron(A_DIM);
                draw_text(ry, 5, "no scores yet");
                attroff(A_DIM);
            }
            continue;
        }
        bool mine = h->saved && (int)next == h->rank;
        if (mine)
            attron(view_attr(v, PAIR_GOOD, A_BOLD) | A_BOLD);
        draw_row(ry, row, top[next++]);
        if (mine) {
            draw_text(ry, 5 + HISCORES_NAME_COLS + 34, "<- you");
            attroff(view_attr(v, PAIR_GOOD, A_BOLD) | A_BOLD);
        }
    }
}

int hiscores_screen_run(void (*draw)(void *ctx),
                        int (*key)(void *ctx, wint_t ch, bool code, bool small), void *ctx)
{
    bool dirty = true;
    for (;;) {
        ui_check_signals();
        if (dirty) {
            if (screen_too_small())
                enlarge_draw();
            else
                draw(ctx);
            refresh();
            dirty = false;
        }
        term_wait(-1);
        if (term_resumed())
            dirty = true;
        wint_t ch;
        int r;
        while ((r = get_wch(&ch)) != ERR) {
            dirty = true;
            int done = key(ctx, ch, r == KEY_CODE_YES, screen_too_small());
            if (done)
                return done;
        }
    }
}
