/* scores.c - the high-score tables in memory: escaping, parsing and
 * formatting the score file's text, ranking and merging entries, and the
 * key of a shift's table (see scores.h; the file itself is scores_file.c). */
#include "scores.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parse_number.h"

void scores_init(struct score_table *t)
{
    memset(t, 0, sizeof *t);
}

void scores_free(struct score_table *t)
{
    free(t->v);
    scores_init(t);
}

int scores_escape(const char *in, char *out, size_t outlen)
{
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)in; *p; p++) {
        char tmp[8];
        size_t n = 2;
        if (*p == '\\')
            memcpy(tmp, "\\\\", 2);
        else if (*p == '\t')
            memcpy(tmp, "\\t", 2);
        else if (*p == '\n')
            memcpy(tmp, "\\n", 2);
        else if (*p == '\r')
            memcpy(tmp, "\\r", 2);
        else if (*p < 0x20 || *p == 0x7f)
            n = (size_t)snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned)*p);
        else {
            tmp[0] = (char)*p;
            n = 1;
        }
        if (o + n >= outlen)
            return -1;
        memcpy(out + o, tmp, n);
        o += n;
    }
    if (o >= outlen)
        return -1;
    out[o] = '\0';
    return 0;
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

int scores_unescape(const char *in, size_t n, char *out, size_t outlen)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)in[i];
        if (c < 0x20 || c == 0x7f)
            return -1;
        if (c == '\\') {
            if (++i >= n)
                return -1;
            switch (in[i]) {
            case '\\': c = '\\'; break;
            case 't': c = '\t'; break;
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 'x': {
                int hi = i + 2 < n ? hex_digit(in[i + 1]) : -1;
                int lo = hi >= 0 ? hex_digit(in[i + 2]) : -1;
                if (lo < 0 || (hi == 0 && lo == 0))
                    return -1;
                c = (unsigned char)(hi * 16 + lo);
                i += 2;
                break;
            }
            default:
                return -1;
            }
        }
        if (o + 1 >= outlen)
            return -1;
        out[o++] = (char)c;
    }
    if (o >= outlen)
        return -1;
    out[o] = '\0';
    return (int)o;
}

static int grow(struct score_table *t)
{
    if (t->len < t->cap)
        return 0;
    size_t cap = t->cap ? t->cap * 2 : 16;
    struct score_entry *v = realloc(t->v, cap * sizeof *v);
    if (!v)
        return -1;
    t->v = v;
    t->cap = cap;
    return 0;
}

static bool parse_i64(const char *text, int64_t *out)
{
    uint64_t u;
    if (text[0] == '-') {
        if (!parse_u64(text + 1, 0, (uint64_t)INT64_MAX + 1u, &u))
            return false;
        *out = u > (uint64_t)INT64_MAX ? INT64_MIN : -(int64_t)u;
        return true;
    }
    if (!parse_u64(text, 0, INT64_MAX, &u))
        return false;
    *out = (int64_t)u;
    return true;
}

/* One entry line (no newline). Returns NULL, or what is wrong with it. */
static const char *parse_entry(const char *line, size_t len, struct score_entry *e)
{
    const char *field[5];
    size_t flen[5], nf = 0;
    const char *start = line;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && line[i] != '\t')
            continue;
        if (nf == 5)
            return "expected 5 fields separated by tabs (key, score, time, outcome, name), "
                   "found more";
        field[nf] = start;
        flen[nf++] = (size_t)(line + i - start);
        start = line + i + 1;
    }
    if (nf != 5)
        return "expected 5 fields separated by tabs (key, score, time, outcome, name)";
    memset(e, 0, sizeof *e);
    if (flen[0] == 0 || scores_unescape(field[0], flen[0], e->key, sizeof e->key) < 0)
        return "the key is empty, too long or wrongly escaped";
    char num[32];
    if (flen[1] == 0 || flen[1] >= sizeof num)
        return "the score is not a whole number";
    memcpy(num, field[1], flen[1]);
    num[flen[1]] = '\0';
    if (!parse_i64(num, &e->score))
        return "the score is not a whole number";
    uint64_t when;
    if (flen[2] == 0 || flen[2] >= sizeof num)
        return "the time is not a whole number of seconds";
    memcpy(num, field[2], flen[2]);
    num[flen[2]] = '\0';
    if (!parse_u64(num, 0, INT64_MAX, &when))
        return "the time is not a whole number of seconds";
    e->when = (int64_t)when;
    if (flen[3] == 0 || flen[3] >= sizeof e->outcome)
        return "the outcome is empty or too long";
    for (size_t i = 0; i < flen[3]; i++)
        if (!((field[3][i] >= 'a' && field[3][i] <= 'z') || field[3][i] == '-'))
            return "the outcome is not a word like completed, burst or overflow";
    memcpy(e->outcome, field[3], flen[3]);
    if (scores_unescape(field[4], flen[4], e->name, sizeof e->name) < 0)
        return "the name is too long (64 bytes at most) or wrongly escaped";
    return NULL;
}

static bool blank_or_comment(const char *line, size_t len)
{
    size_t i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t'))
        i++;
    return i == len || line[i] == '#';
}

int scores_parse(const char *text, size_t len, struct score_table *t, char *warn, size_t warnlen)
{
    size_t first_new = t->len;
    bool versioned = false;
    int bad = 0;
    unsigned lineno = 0;
    warn[0] = '\0';
    for (size_t pos = 0; pos < len;) {
        const char *line = text + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - line) : len - pos;
        pos += n + (nl ? 1 : 0);
        lineno++;
        if (n > 0 && line[n - 1] == '\r')
            n--; /* a file edited with CRLF line ends */
        if (blank_or_comment(line, n))
            continue;
        if (!versioned) {
            if (n == strlen(SCORES_VERSION_LINE) && memcmp(line, SCORES_VERSION_LINE, n) == 0) {
                versioned = true;
                continue;
            }
            t->len = first_new;
            if (n > 17 && memcmp(line, "candyline-scores ", 17) == 0)
                snprintf(warn, warnlen, "line %u: version '%.*s' of the score file is not "
                         "known to this candyline (expected '%s')",
                         lineno, (int)(n - 17 > 20 ? 20 : n - 17), line + 17,
                         SCORES_VERSION_LINE);
            else
                snprintf(warn, warnlen, "line %u: not a candyline score file (expected the "
                         "line '%s' first)", lineno, SCORES_VERSION_LINE);
            return -1;
        }
        struct score_entry e;
        const char *why = memchr(line, '\0', n) ? "a NUL byte in the line"
                                                : parse_entry(line, n, &e);
        if (why) {
            if (bad++ == 0)
                snprintf(warn, warnlen, "line %u: %s", lineno, why);
            continue;
        }
        if (grow(t) < 0) {
            t->len = first_new;
            snprintf(warn, warnlen, "out of memory");
            return -2;
        }
        t->v[t->len++] = e;
    }
    if (bad > 1) {
        size_t used = strlen(warn);
        if (used < warnlen)
            snprintf(warn + used, warnlen - used, " (and %d more bad lines)", bad - 1);
    }
    return bad;
}

bool scores_before(const struct score_entry *a, const struct score_entry *b)
{
    return a->score > b->score || (a->score == b->score && a->when < b->when);
}

struct ranked {
    const struct score_entry *e;
    size_t i; /* place in the table: equal entries keep their order */
};

/* By key, then best first. */
static int ranked_cmp(const void *pa, const void *pb)
{
    const struct ranked *a = pa, *b = pb;
    int k = strcmp(a->e->key, b->e->key);
    if (k)
        return k;
    if (scores_before(a->e, b->e))
        return -1;
    if (scores_before(b->e, a->e))
        return 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

/* The entries of key (or of every key if NULL), sorted; NULL if memory ran
 * out (or there are none, with *n = 0). */
static struct ranked *ranked(const struct score_table *t, const char *key, size_t *n)
{
    *n = 0;
    struct ranked *r = malloc((t->len ? t->len : 1u) * sizeof *r);
    if (!r)
        return NULL;
    for (size_t i = 0; i < t->len; i++)
        if (!key || strcmp(t->v[i].key, key) == 0)
            r[(*n)++] = (struct ranked){&t->v[i], i};
    qsort(r, *n, sizeof *r, ranked_cmp);
    return r;
}

size_t scores_top(const struct score_table *t, const char *key, const struct score_entry **out,
                  size_t max)
{
    size_t n;
    struct ranked *r = ranked(t, key, &n);
    if (!r)
        return 0;
    size_t k = n < max ? n : max;
    for (size_t i = 0; i < k; i++)
        out[i] = r[i].e;
    free(r);
    return k;
}

int scores_rank(const struct score_table *t, const char *key, int64_t score, int64_t when)
{
    size_t ahead = 0;
    for (size_t i = 0; i < t->len; i++) {
        const struct score_entry *e = &t->v[i];
        if (strcmp(e->key, key) == 0 && (e->score > score || (e->score == score && e->when <= when)))
            ahead++;
    }
    return ahead < SCORES_TOP ? (int)ahead : -1;
}

int scores_insert(struct score_table *t, const struct score_entry *e)
{
    int rank = scores_rank(t, e->key, e->score, e->when);
    if (rank < 0)
        return -1;
    if (grow(t) < 0)
        return -2;
    t->v[t->len++] = *e;
    size_t n;
    struct ranked *r = ranked(t, e->key, &n);
    if (!r) {
        t->len--;
        return -2;
    }
    if (n > SCORES_TOP) {
        bool *cut = calloc(t->len, sizeof *cut);
        if (!cut) {
            free(r);
            t->len--;
            return -2;
        }
        for (size_t i = SCORES_TOP; i < n; i++)
            cut[r[i].i] = true;
        size_t kept = 0;
        for (size_t i = 0; i < t->len; i++)
            if (!cut[i])
                t->v[kept++] = t->v[i];
        t->len = kept;
        free(cut);
    }
    free(r);
    return rank;
}

struct text {
    char *s;
    size_t len, cap;
    bool failed;
};

static void put(struct text *b, const char *s)
{
    size_t n = strlen(s);
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->cap ? b->cap : 1024) * 2;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->failed = true;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n + 1);
    b->len += n;
}

char *scores_format(const struct score_table *t)
{
    struct text b = {0};
    put(&b, SCORES_VERSION_LINE "\n");
    put(&b, "# candyline high scores: key<TAB>score<TAB>time<TAB>outcome<TAB>name, best first;\n"
            "# key and name escaped (\\\\ \\t \\n \\r \\xHH). Written whole by candyline.\n");
    size_t n;
    struct ranked *r = ranked(t, NULL, &n);
    if (!r) {
        free(b.s);
        return NULL;
    }
    size_t in_key = 0;
    for (size_t i = 0; i < n; i++) {
        const struct score_entry *e = r[i].e;
        in_key = i > 0 && strcmp(r[i - 1].e->key, e->key) == 0 ? in_key + 1 : 0;
        if (in_key >= SCORES_TOP)
            continue;
        char key[SCORES_KEY_MAX * 4], name[SCORES_NAME_MAX * 4 + 1], nums[80];
        if (scores_escape(e->key, key, sizeof key) < 0 ||
            scores_escape(e->name, name, sizeof name) < 0)
            continue; /* cannot happen: both fit four times over */
        snprintf(nums, sizeof nums, "\t%lld\t%lld\t", (long long)e->score, (long long)e->when);
        put(&b, key);
        put(&b, nums);
        put(&b, e->outcome);
        put(&b, "\t");
        put(&b, name);
        put(&b, "\n");
    }
    free(r);
    if (b.failed) {
        free(b.s);
        return NULL;
    }
    return b.s;
}

/* FNV-1a over a value's 8 bytes, least significant first: the same on
 * every machine. */
static uint64_t mix(uint64_t h, uint64_t v)
{
    for (int i = 0; i < 8; i++) {
        h ^= (v >> (8 * i)) & 0xffu;
        h *= 0x100000001b3ull;
    }
    return h;
}

static void worker_text(char *buf, size_t len, const struct worker_config *w)
{
    snprintf(buf, len, "auto:%u:%s", w->rate, w->service == SERVICE_EXP ? "exp" : "fixed");
}

void scores_key(const struct sim_config *cfg, char *buf, size_t len)
{
    uint64_t h = 0xcbf29ce484222325ull;
    h = mix(h, scenario_hash(&cfg->scenario));
    h = mix(h, cfg->seed);
    h = mix(h, cfg->minutes);
    h = mix(h, cfg->rate_override);
    h = mix(h, (uint64_t)cfg->arrivals);
    h = mix(h, cfg->supervisor);
    h = mix(h, cfg->strategy_cfg.capacity);
    h = mix(h, cfg->strategy_cfg.variant);
    char worker[64] = "human", partner[40];
    if (cfg->worker.kind == WORKER_BOT)
        worker_text(worker, sizeof worker, &cfg->worker);
    if (cfg->partner.kind == WORKER_BOT && cfg->partner.rate) {
        worker_text(partner, sizeof partner, &cfg->partner);
        size_t used = strlen(worker);
        snprintf(worker + used, sizeof worker - used, "+partner:%s", partner);
    }
    snprintf(buf, len, "%.31s %.63s %s %016llx", cfg->scenario.name, cfg->strategy_spec, worker,
             (unsigned long long)h);
}

bool scores_count(const struct sim_config *cfg, enum outcome o)
{
    return cfg->worker.kind == WORKER_HUMAN &&
           (o == OUTCOME_COMPLETED || o == OUTCOME_BURST || o == OUTCOME_OVERFLOW);
}

void scores_default_name(char *buf, size_t len)
{
    const char *name = getenv("USER");
    if (!name || !*name)
        name = getlogin();
    if (!name || !*name) {
        const struct passwd *pw = getpwuid(geteuid());
        name = pw ? pw->pw_name : NULL;
    }
    size_t n = name ? strlen(name) : 0;
    size_t max = len ? len - 1 : 0;
    if (max > SCORES_NAME_MAX)
        max = SCORES_NAME_MAX;
    if (n > max) {
        n = max;
        while (n > 0 && ((unsigned char)name[n] & 0xc0u) == 0x80u)
            n--; /* not in the middle of a UTF-8 character */
    }
    if (len) {
        if (n)
            memcpy(buf, name, n);
        buf[n] = '\0';
    }
}

int scores_path(char *path, size_t len, char *warn, size_t warnlen)
{
    const char *state = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    int n;
    if (state && state[0] == '/')
        n = snprintf(path, len, "%s/candyline/scores", state);
    else if (home && *home)
        n = snprintf(path, len, "%s/.local/state/candyline/scores", home);
    else {
        snprintf(warn, warnlen, "neither HOME nor XDG_STATE_HOME is set, so there is no place "
                 "to keep high scores");
        return -1;
    }
    if (n < 0 || (size_t)n >= len) {
        snprintf(warn, warnlen, "the path of the score file is too long (XDG_STATE_HOME or HOME)");
        return -1;
    }
    return 0;
}
