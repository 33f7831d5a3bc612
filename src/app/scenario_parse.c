/* scenario_parse.c - the scenario text format: one "key value..." per line,
 * '#' starts a comment, blank lines are ignored. Every error names the
 * file, the line and what was expected. */
#include "scenario_parse.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../sim/strategy.h"
#include "datadir.h"
#include "parse_number.h"

#define MAX_WORDS 16
#define MAX_LINE 512
#define MAX_FILE (1u << 20)

struct line_ctx {
    const char *file;
    unsigned lineno;
    char *err;
    size_t errlen;
};

static int fail(const struct line_ctx *lc, const char *what)
{
    snprintf(lc->err, lc->errlen, "%s:%u: %s", lc->file, lc->lineno, what);
    return -1;
}

/* "M:SS" or plain seconds. */
static bool parse_time(const char *text, uint32_t *seconds)
{
    const char *colon = strchr(text, ':');
    if (!colon)
        return parse_u32(text, 0, SCENARIO_MAX_MINUTES * 60u, seconds);
    char minutes[16];
    size_t n = (size_t)(colon - text);
    uint32_t m, s;
    if (n == 0 || n >= sizeof minutes || strlen(colon + 1) != 2)
        return false;
    memcpy(minutes, text, n);
    minutes[n] = '\0';
    if (!parse_u32(minutes, 0, SCENARIO_MAX_MINUTES, &m) || !parse_u32(colon + 1, 0, 59, &s))
        return false;
    *seconds = m * 60u + s;
    return true;
}

static int parse_supervisor(const struct line_ctx *lc, struct scenario *s, char **w, int n)
{
    static const struct {
        const char *key;
        size_t offset;
        uint32_t min, max;
        const char *expected;
    } settings[] = {
        {"every", offsetof(struct scenario, sup_every_s), 1, 3600,
         "expected 'every SECONDS', a whole number from 1 to 3600"},
        {"speedup", offsetof(struct scenario, sup_speedup_pct), 0, 1000,
         "expected 'speedup PERCENT', a whole number from 0 to 1000"},
        {"tolerance", offsetof(struct scenario, sup_tolerance), 0, 100000,
         "expected 'tolerance CANDIES', a whole number from 0 to 100000"},
        {"max", offsetof(struct scenario, sup_max_pct), 100, 10000,
         "expected 'max PERCENT', a whole number from 100 to 10000"},
    };
    if (n == 2 && strcmp(w[1], "off") == 0) {
        s->supervisor = false;
        return 0;
    }
    s->supervisor = true;
    for (int i = 1; i < n; i += 2) {
        size_t k = 0;
        while (k < sizeof settings / sizeof settings[0] && strcmp(w[i], settings[k].key) != 0)
            k++;
        if (k == sizeof settings / sizeof settings[0])
            return fail(lc, "expected 'supervisor off' or 'supervisor' followed by pairs: "
                            "every SECONDS, speedup PERCENT, tolerance CANDIES, max PERCENT");
        uint32_t *field = (uint32_t *)(void *)((char *)s + settings[k].offset);
        if (i + 1 >= n || !parse_u32(w[i + 1], settings[k].min, settings[k].max, field))
            return fail(lc, settings[k].expected);
    }
    return 0;
}

static int parse_score(const struct line_ctx *lc, struct scenario *s, char **w, int n)
{
    if (n < 3 || n % 2 == 0)
        return fail(lc, "expected 'score' followed by pairs such as: wrapped 10 dropped -5 "
                        "stale -3 failed -300");
    for (int i = 1; i < n; i += 2) {
        int32_t *field = NULL;
        if (strcmp(w[i], "wrapped") == 0)
            field = &s->score_wrapped;
        else if (strcmp(w[i], "dropped") == 0)
            field = &s->score_dropped;
        else if (strcmp(w[i], "stale") == 0)
            field = &s->score_stale;
        else if (strcmp(w[i], "failed") == 0)
            field = &s->score_failed;
        if (!field)
            return fail(lc, "expected a score item: wrapped, dropped, stale or failed");
        if (!parse_i32(w[i + 1], -1000000, 1000000, field))
            return fail(lc, "expected a whole number of points from -1000000 to 1000000");
    }
    return 0;
}

static int parse_phase(const struct line_ctx *lc, struct scenario *s, char **w, int n,
                       bool *first)
{
    struct phase p;
    if (n != 3 || !parse_time(w[1], &p.start_s))
        return fail(lc, "expected 'phase START RATE' with START as M:SS or seconds");
    if (!parse_u32(w[2], 0, SCENARIO_MAX_RATE, &p.rate))
        return fail(lc, "expected a phase rate in candies per minute, from 0 to 3000");
    if (*first) {
        s->nphases = 0;
        *first = false;
    }
    if (s->nphases == 0 && p.start_s != 0)
        return fail(lc, "the first phase must start at 0:00");
    if (s->nphases > 0 && p.start_s <= s->phases[s->nphases - 1].start_s)
        return fail(lc, "phases must be in order: this one starts no later than the one before");
    if (s->nphases >= SCENARIO_MAX_PHASES)
        return fail(lc, "too many phases (at most 32)");
    s->phases[s->nphases++] = p;
    return 0;
}

/* Copies the words after the key back into one string. */
static void join_rest(char *dst, size_t dstlen, char **w, int n)
{
    size_t used = 0;
    dst[0] = '\0';
    for (int i = 1; i < n && used + 1 < dstlen; i++)
        used += (size_t)snprintf(dst + used, dstlen - used, "%s%s", i > 1 ? " " : "", w[i]);
}

static int parse_line(const struct line_ctx *lc, struct scenario *s, char **w, int n,
                      bool *first_phase)
{
    const char *key = w[0];
    if (strcmp(key, "supervisor") == 0)
        return parse_supervisor(lc, s, w, n);
    if (strcmp(key, "score") == 0)
        return parse_score(lc, s, w, n);
    if (strcmp(key, "phase") == 0)
        return parse_phase(lc, s, w, n, first_phase);
    if (strcmp(key, "title") == 0 || strcmp(key, "about") == 0) {
        if (n < 2)
            return fail(lc, "expected some text after the key");
        if (key[0] == 't')
            join_rest(s->title, sizeof s->title, w, n);
        else
            join_rest(s->about, sizeof s->about, w, n);
        return 0;
    }
    if (n != 2)
        return fail(lc, "expected one value after the key");
    const char *v = w[1];
    if (strcmp(key, "name") == 0) {
        size_t len = strlen(v);
        if (len >= sizeof s->name || strspn(v, "abcdefghijklmnopqrstuvwxyz0123456789-_") != len)
            return fail(lc, "expected a name of lower-case letters, digits, - and _ (at most 31)");
        memcpy(s->name, v, len + 1);
        return 0;
    }
    if (strcmp(key, "arrivals") == 0) {
        if (strcmp(v, "fixed") && strcmp(v, "poisson"))
            return fail(lc, "expected arrivals fixed or poisson");
        s->arrivals = v[0] == 'f' ? ARRIVALS_FIXED : ARRIVALS_POISSON;
        return 0;
    }
    if (strcmp(key, "source") == 0) {
        if (strcmp(v, "pausable") && strcmp(v, "unstoppable"))
            return fail(lc, "expected source pausable or unstoppable");
        s->source = v[0] == 'p' ? SOURCE_PAUSABLE : SOURCE_UNSTOPPABLE;
        return 0;
    }
    static const struct {
        const char *key;
        size_t offset;
        uint32_t min, max;
        const char *expected;
    } numbers[] = {
        {"minutes", offsetof(struct scenario, minutes), 1, SCENARIO_MAX_MINUTES,
         "expected minutes from 1 to 100000"},
        {"belt", offsetof(struct scenario, belt_s), 1, 60, "expected belt seconds from 1 to 60"},
        {"deadline", offsetof(struct scenario, deadline_s), 0, 86400,
         "expected deadline seconds from 0 to 86400"},
        {"memory", offsetof(struct scenario, memory), 0, STRATEGY_MAX_CAPACITY,
         "expected memory in candies from 0 (no limit) to 100000000"},
        {"bot", offsetof(struct scenario, bot_rate), 1, SCENARIO_MAX_RATE,
         "expected a bot rate in candies per minute, from 1 to 3000"},
    };
    for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
        if (strcmp(key, numbers[i].key) != 0)
            continue;
        uint32_t *field = (uint32_t *)(void *)((char *)s + numbers[i].offset);
        if (!parse_u32(v, numbers[i].min, numbers[i].max, field))
            return fail(lc, numbers[i].expected);
        return 0;
    }
    return fail(lc, "unknown key; expected one of: name title about minutes arrivals source "
                    "belt deadline memory bot supervisor score phase");
}

int scenario_parse(const char *text, size_t len, const char *file, struct scenario *out,
                   char *err, size_t errlen)
{
    struct scenario s;
    struct line_ctx lc = {file, 0, err, errlen};
    bool first_phase = true;
    scenario_defaults(&s);
    size_t pos = 0;
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
        pos = 3; /* a UTF-8 byte order mark, as some editors write */
    while (pos < len) {
        char line[MAX_LINE];
        size_t start = pos, n = 0;
        while (pos < len && text[pos] != '\n')
            pos++;
        n = pos - start;
        pos++; /* past the newline */
        lc.lineno++;
        if (n >= sizeof line)
            return fail(&lc, "line too long (at most 511 characters)");
        memcpy(line, text + start, n);
        line[n] = '\0';
        if (memchr(line, '\0', n))
            return fail(&lc, "unexpected NUL byte: expected a text file");
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        char *words[MAX_WORDS];
        int nw = 0;
        for (char *tok = strtok(line, " \t\r\f\v"); tok; tok = strtok(NULL, " \t\r\f\v")) {
            if (nw == MAX_WORDS)
                return fail(&lc, "too many words on one line (at most 16)");
            words[nw++] = tok;
        }
        if (nw == 0)
            continue;
        if (parse_line(&lc, &s, words, nw, &first_phase) < 0)
            return -1;
    }
    char why[200];
    if (scenario_validate(&s, why, sizeof why) < 0) {
        snprintf(err, errlen, "%s: %s", file, why);
        return -1;
    }
    *out = s;
    return 0;
}

static bool is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int load_file(const char *path, struct scenario *out, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: cannot open scenario file: %s (built-in scenarios: see "
                              "--list-scenarios)", path, strerror(errno));
        return -1;
    }
    char *buf = malloc(MAX_FILE + 1u);
    if (!buf) {
        fclose(f);
        snprintf(err, errlen, "%s: out of memory", path);
        return -1;
    }
    size_t n = fread(buf, 1, MAX_FILE + 1u, f);
    int bad = ferror(f);
    fclose(f);
    int rc;
    if (is_directory(path))
        rc = -1, snprintf(err, errlen, "%s: is a directory; expected a scenario file", path);
    else if (bad)
        rc = -1, snprintf(err, errlen, "%s: read error", path);
    else if (n > MAX_FILE)
        rc = -1, snprintf(err, errlen, "%s: too large for a scenario (over 1 MiB)", path);
    else
        rc = scenario_parse(buf, n, path, out, err, errlen);
    free(buf);
    return rc;
}

int scenario_load(const char *name_or_path, struct scenario *out, char *err, size_t errlen)
{
    for (size_t i = 0; builtin_scenarios[i].name; i++) {
        const struct builtin_scenario *b = &builtin_scenarios[i];
        if (strcmp(b->name, name_or_path) == 0) {
            char file[64];
            snprintf(file, sizeof file, "<built-in %s>", b->name);
            return scenario_parse(b->text, strlen(b->text), file, out, err, errlen);
        }
    }
    /* Not a built-in nor a file here: NAME.scn in the data directory. */
    struct stat st;
    char found[4096];
    if (stat(name_or_path, &st) != 0 && datadir_scenario(name_or_path, found, sizeof found) == 0)
        return load_file(found, out, err, errlen);
    return load_file(name_or_path, out, err, errlen);
}
