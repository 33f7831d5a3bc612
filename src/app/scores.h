/* scores.h - high scores: the best human shifts, ten per table, one table
 * per scenario, strategy, worker and settings, kept in a line-based text
 * file in the XDG state directory. Parsing, merging, formatting and
 * escaping are pure functions; scores_load and scores_add touch the file
 * (a lock beside it, a temp file renamed over it). No ncurses here.
 *
 * The file (version 1):
 *     candyline-scores 1
 *     # comment lines and blank lines are ignored
 *     KEY<TAB>SCORE<TAB>WHEN<TAB>OUTCOME<TAB>NAME
 * KEY and NAME are escaped (scores_escape); SCORE is a signed integer, WHEN
 * the Unix time the shift ended, OUTCOME completed, burst or overflow.
 */
#ifndef CANDYLINE_SCORES_H
#define CANDYLINE_SCORES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../sim/sim.h"

#define SCORES_TOP 10           /* entries kept per table */
#define SCORES_KEY_MAX 192      /* bytes of a key, NUL included */
#define SCORES_NAME_MAX 64      /* bytes of a name (UTF-8), NUL not included */
#define SCORES_OUTCOME_MAX 16   /* bytes of an outcome, NUL included */
#define SCORES_LOCK_MS 3000     /* how long scores_add waits for the lock */
#define SCORES_FILE_MAX (4u << 20) /* a bigger score file is refused, not read */
#define SCORES_VERSION_LINE "candyline-scores 1"

struct score_entry {
    char key[SCORES_KEY_MAX];         /* the table: see scores_key() */
    int64_t score;                    /* the shift's score */
    int64_t when;                     /* Unix time the shift ended */
    char outcome[SCORES_OUTCOME_MAX]; /* how it ended: completed, burst, overflow */
    char name[SCORES_NAME_MAX + 1];   /* as typed: any bytes but NUL */
};

struct score_table {
    struct score_entry *v; /* entries, in file order */
    size_t len;            /* entries used */
    size_t cap;            /* entries allocated */
};

void scores_init(struct score_table *t);
void scores_free(struct score_table *t);

/* Escapes in for one field of a line: backslash, tab, newline, carriage
 * return and the other control bytes become \\ \t \n \r \xHH; every other
 * byte (quotes, spaces, UTF-8) is kept as it is. Returns 0, or -1 if out
 * (outlen bytes) is too small. */
int scores_escape(const char *in, char *out, size_t outlen);

/* Undoes scores_escape on the n bytes at in. Returns the length written to
 * out (NUL-terminated), or -1 for an unknown escape, a raw control byte, an
 * escaped NUL, or no room. */
int scores_unescape(const char *in, size_t n, char *out, size_t outlen);

/* Parses the text of a score file, appending its valid lines to t. A bad
 * line is skipped and counted; the first is described in warn ("line 4: ...").
 * Empty text is an empty file. Returns the number of bad lines, or (t
 * unchanged, why in warn) -1 if the text is not a version 1 score file, -2
 * if memory ran out. */
int scores_parse(const char *text, size_t len, struct score_table *t, char *warn, size_t warnlen);

/* True if a ranks above b: a higher score, or the same score earlier. */
bool scores_before(const struct score_entry *a, const struct score_entry *b);

/* Stores in out (at most max) key's entries, best first (equal entries
 * keep their order in t). Returns how many. */
size_t scores_top(const struct score_table *t, const char *key, const struct score_entry **out,
                  size_t max);

/* The place (0: the best) an entry with this score and time would take in
 * key's table, after the entries it ties with, or -1 if it would not make
 * the top SCORES_TOP. */
int scores_rank(const struct score_table *t, const char *key, int64_t score, int64_t when);

/* Adds e to t and trims key's table to SCORES_TOP. Returns e's place (0:
 * the best), -1 if it did not make the table (t unchanged), or -2 if memory
 * ran out. */
int scores_insert(struct score_table *t, const struct score_entry *e);

/* The file's text for t: the version line, a comment, then each table
 * (keys in byte order) best first, at most SCORES_TOP entries each. Returns
 * a malloc'd string, or NULL if memory ran out. */
char *scores_format(const struct score_table *t);

/* The table a shift's score belongs to, e.g.
 * "classic backpressure:5 human 1f0c...": scenario name, strategy spec,
 * worker (human, or human+partner:auto:RATE:fixed|exp with a bot partner,
 * a table of its own) and 16 hex digits over everything else that decides
 * the shift (the scenario's contents, seed, minutes, rate, arrivals,
 * supervisor, the strategy's settings). */
void scores_key(const struct sim_config *cfg, char *buf, size_t len);

/* True if a shift's score may enter the tables: a human at the keyboard
 * (a bot's shift never does) and an outcome that is a result (completed,
 * burst, overflow; not quit, not out of memory). Replays never call this. */
bool scores_count(const struct sim_config *cfg, enum outcome o);

/* The name offered by default: $USER, else the login name, else "" (at most
 * SCORES_NAME_MAX bytes, cut on a UTF-8 boundary). */
void scores_default_name(char *buf, size_t len);

/* The score file: $XDG_STATE_HOME/candyline/scores, or, when that is unset,
 * empty or not absolute (the XDG spec says to ignore it then),
 * $HOME/.local/state/candyline/scores. Returns 0, or -1 with why in warn
 * (neither is set, or the path is too long). */
int scores_path(char *path, size_t len, char *warn, size_t warnlen);

/* Reads the score file at path into t (a missing file is an empty table).
 * Returns 0; 1 with a warning in warn when bad lines were skipped (t has the
 * valid ones); 2 with a warning when the file can't be used at all
 * (unreadable, too big, not a version 1 score file: scores_add will not
 * replace it); -1 if memory ran out. */
int scores_load(const char *path, struct score_table *t, char *warn, size_t warnlen);

/* Adds e to the file at path, safely against other candylines: creates
 * the directory (like mkdir -p, new directories 0700), locks path.lock with
 * flock (giving up after lock_ms), reads the file again, merges e, writes
 * the whole file to a temp file in the same directory (0600), syncs it and
 * renames it over path. *rank gets e's place (0: the best) or -1 if it no
 * longer makes the table (the file is then not rewritten). t (if not NULL)
 * receives the table as merged. Returns 0 (warn may still hold a warning,
 * e.g. bad lines dropped), or -1 with why in warn: the file, if any, is then
 * left as it was and no temp file remains. */
int scores_add(const char *path, const struct score_entry *e, int lock_ms, int *rank,
               struct score_table *t, char *warn, size_t warnlen);

#endif
