/* hiscores.h - the high-score table on the end-of-shift summary of a shift
 * played at the keyboard, and the one-line editor that asks for a name when
 * the score makes the table (the file itself is src/app/scores.c). */
#ifndef CANDYLINE_HISCORES_H
#define CANDYLINE_HISCORES_H

#include <stdbool.h>
#include <wchar.h>

#include "../app/scores.h"
#include "../sim/sim.h"
#include "draw.h"

#define HISCORES_ROWS (1 + SCORES_TOP) /* a title, then the entries */
#define HISCORES_NAME_COLS 24          /* the most screen columns a typed name takes */

struct hiscores {
    bool on;                  /* a shift played at the keyboard: there is a table to show */
    bool counts;              /* its score competes (scores_count): the table comes first */
    bool editing;             /* asking for a name for this shift's score */
    bool saved;               /* the name was saved */
    int rank;                 /* this shift's place while editing or once saved; -1: none */
    char path[1024];          /* the score file; "" if there is none */
    char title[128];          /* the table's title: scenario, strategy, worker */
    char status[96];          /* what became of this shift's score */
    struct score_entry mine;  /* this shift's entry */
    struct score_table table; /* the file as last read or written */
    wchar_t name[HISCORES_NAME_COLS + 1]; /* the name being typed */
    size_t name_len;          /* its characters */
    char warning[900];        /* a problem with the file, for the summary and stderr */
};

/* Sets up the table after shift s ended at the keyboard (a replay never
 * comes here): reads the score file, and starts the editor with the default
 * name if s's score counts (scores_count) and makes the table. Problems go
 * to h->warning; the game goes on. */
void hiscores_open(struct hiscores *h, const struct sim *s);
void hiscores_close(struct hiscores *h);

/* Draws the title and SCORES_TOP rows from row y. */
void hiscores_draw(const struct view *v, const struct hiscores *h, int y);

/* A key for the editor (code: a KEY_* from get_wch, else a character):
 * printable characters are typed, Backspace erases, Ctrl-U clears, Enter
 * saves (under the file's lock), Esc skips. */
void hiscores_key(struct hiscores *h, wint_t ch, bool code);

/* key_screen_run with get_wch: keys arrive as wide characters, so UTF-8
 * typing works. key(ctx, ch, code, small) returns nonzero to finish. */
int hiscores_screen_run(void (*draw)(void *ctx),
                        int (*key)(void *ctx, wint_t ch, bool code, bool small), void *ctx);

#endif
