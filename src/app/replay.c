/* replay.c - reads the replay format into a struct replay, and turns its
 * header into the shift's config. Every error names the file, the line and
 * what was expected. */
#include "replay.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "parse_number.h"
#include "scenario_parse.h"
#include "shift.h"

#define MAX_LINE 1024
#define MAX_WORDS 16
#define MAX_FILE (256u << 20) /* a day of frantic typing is a few MB */

struct parser {
    struct replay *r;
    const char *file;
    unsigned line;
    char *err;
    size_t errlen;
    bool magic_seen;      /* the first line was read */
    bool inputs_started;  /* a tick line was read: the header is over */
    uint64_t last_tick;   /* of the latest tick line */
    size_t cap_events, cap_finals;
};

static int fail(struct parser *p, const char *fmt, const char *arg)
{
    char what[300];
    snprintf(what, sizeof what, fmt, arg);
    snprintf(p->err, p->errlen, "%s:%u: %s", p->file, p->line, what);
    return -1;
}

/* Ticks as a whole number, M:SS (seconds of game time) or M:SS+N (plus N
 * ticks). */
static bool parse_tick(const char *text, uint64_t *tick)
{
    const char *colon = strchr(text, ':');
    if (!colon)
        return parse_u64(text, 0, UINT64_MAX / 2u, tick);
    char minutes[16], seconds[3];
    uint64_t m, s, extra = 0;
    size_t n = (size_t)(colon - text);
    const char *plus = strchr(colon, '+');
    size_t sn = plus ? (size_t)(plus - colon - 1) : strlen(colon + 1);
    if (n == 0 || n >= sizeof minutes || sn != 2)
        return false;
    memcpy(minutes, text, n);
    minutes[n] = '\0';
    memcpy(seconds, colon + 1, 2);
    seconds[2] = '\0';
    if (!parse_u64(minutes, 0, (uint64_t)SCENARIO_MAX_MINUTES * 10u, &m) ||
        !parse_u64(seconds, 0, 59, &s) || (plus && !parse_u64(plus + 1, 0, 1000000, &extra)))
        return false;
    *tick = (m * 60u + s) * TICK_HZ + extra;
    return true;
}

static bool parse_hash(const char *text, uint64_t *out)
{
    if (strlen(text) != 16 || strspn(text, "0123456789abcdefABCDEF") != 16)
        return false;
    *out = strtoull(text, NULL, 16);
    return true;
}

static bool parse_op(const char *text, enum replay_op *op)
{
    static const char *const ops[] = {"=", "!=", "<", "<=", ">", ">="};
    for (int i = 0; i < 6; i++)
        if (strcmp(text, ops[i]) == 0) {
            *op = (enum replay_op)i;
            return true;
        }
    return false;
}

/* expect KEY [OP] VALUE, from w[0] = "expect". */
static int parse_expect(struct parser *p, char **w, int n, struct replay_expect *e)
{
    const char *usage = "expected 'expect KEY VALUE' or 'expect KEY OP VALUE' with OP one of "
                        "= != < <= > >= (KEY: any key of --report json)%s";
    if (n != 3 && n != 4)
        return fail(p, usage, "");
    if (strlen(w[1]) >= sizeof e->key || strlen(w[n - 1]) >= sizeof e->value)
        return fail(p, usage, ", each word under 32 characters");
    e->op = OP_EQ;
    if (n == 4 && !parse_op(w[2], &e->op))
        return fail(p, "expected a comparison (= != < <= > >=), not '%s'", w[2]);
    snprintf(e->key, sizeof e->key, "%s", w[1]);
    snprintf(e->value, sizeof e->value, "%s", w[n - 1]);
    return 0;
}

static struct replay_event *new_event(struct parser *p)
{
    struct replay *r = p->r;
    if (r->nevents == p->cap_events) {
        size_t cap = p->cap_events ? p->cap_events * 2u : 256u;
        struct replay_event *e = realloc(r->events, cap * sizeof *e);
        if (!e)
            return NULL;
        r->events = e;
        p->cap_events = cap;
    }
    struct replay_event *e = &r->events[r->nevents++];
    memset(e, 0, sizeof *e);
    e->line = p->line;
    return e;
}

/* [every N [until TIME]] after an input. */
static int parse_repeat(struct parser *p, char **w, int n, int at, struct replay_event *e)
{
    const char *usage = "expected nothing more, or 'every TICKS' and optionally 'until TIME' "
                        "after the input%s";
    e->until = REPLAY_EVERY_END;
    if (at == n)
        return 0;
    if (strcmp(w[at], "every") != 0 || at + 1 >= n)
        return fail(p, usage, "");
    if (!parse_tick(w[at + 1], &e->every) || e->every == 0)
        return fail(p, "expected a repeat of at least 1 tick (ticks or M:SS), not '%s'",
                    w[at + 1]);
    at += 2;
    if (at == n)
        return 0;
    if (at + 2 != n || strcmp(w[at], "until") != 0)
        return fail(p, usage, "");
    if (!parse_tick(w[at + 1], &e->until) || e->until < e->tick)
        return fail(p, "expected 'until TIME' no earlier than the line's own tick, not '%s'",
                    w[at + 1]);
    return 0;
}

static int parse_tick_line(struct parser *p, char **w, int n)
{
    uint64_t tick;
    if (!parse_tick(w[0], &tick))
        return fail(p, "expected a tick (a whole number, M:SS or M:SS+TICKS), not '%s'", w[0]);
    if (p->r->has_end)
        return fail(p, "%s", "nothing may follow the end line");
    if (p->inputs_started && tick < p->last_tick) {
        char was[32];
        snprintf(was, sizeof was, "%" PRIu64, p->last_tick);
        return fail(p, "lines must be in order of tick: this one comes after tick %s", was);
    }
    if (n < 2)
        return fail(p, "%s", "expected an action after the tick: key, wrap, quit, check or "
                             "expect");
    p->inputs_started = true;
    p->last_tick = tick;
    struct replay_event *e = new_event(p);
    if (!e)
        return fail(p, "%s", "out of memory");
    e->tick = tick;
    const char *what = w[1];
    if (strcmp(what, "key") == 0) {
        e->kind = REV_KEYS;
        size_t len = n >= 3 ? strlen(w[2]) : 0;
        if (len == 0 || len > SIM_MAX_KEYS || strspn(w[2], "abcdefghijklmnopqrstuvwxyz") != len)
            return fail(p, "%s", "expected 'key LETTERS': 1 to 8 lower-case letters a to z");
        memcpy(e->keys, w[2], len + 1);
        return parse_repeat(p, w, n, 3, e);
    }
    if (strcmp(what, "wrap") == 0) {
        e->kind = REV_WRAP;
        return parse_repeat(p, w, n, 2, e);
    }
    if (strcmp(what, "quit") == 0) {
        e->kind = REV_QUIT;
        return n == 2 ? 0 : fail(p, "%s", "expected nothing after 'quit'");
    }
    if (strcmp(what, "check") == 0) {
        e->kind = REV_CHECK;
        if (n != 3 || !parse_hash(w[2], &e->hash))
            return fail(p, "%s", "expected 'check HASH' with HASH 16 hex digits");
        return 0;
    }
    if (strcmp(what, "expect") == 0) {
        e->kind = REV_EXPECT;
        return parse_expect(p, w + 1, n - 1, &e->expect);
    }
    return fail(p, "unknown action '%s'; expected key, wrap, quit, check or expect", what);
}

static bool outcome_parse(const char *text, enum outcome *o)
{
    for (int i = OUTCOME_COMPLETED; i <= OUTCOME_QUIT; i++)
        if (strcmp(text, outcome_name((enum outcome)i)) == 0) {
            *o = (enum outcome)i;
            return true;
        }
    return false;
}

static int parse_header_number(struct parser *p, const char *key, const char *v, uint32_t lo,
                               uint32_t hi, uint32_t *out, bool *given)
{
    if (!parse_u32(v, lo, hi, out)) {
        char want[120];
        snprintf(want, sizeof want, "expected '%s' and a whole number from %u to %u, not '%%s'",
                 key, lo, hi);
        return fail(p, want, v);
    }
    *given = true;
    return 0;
}

/* Joins words 1.. back into one string (a path may hold spaces). */
static bool join_rest(char *dst, size_t len, char **w, int n)
{
    size_t used = 0;
    dst[0] = '\0';
    for (int i = 1; i < n; i++) {
        int k = snprintf(dst + used, len - used, "%s%s", i > 1 ? " " : "", w[i]);
        if (k < 0 || (size_t)k >= len - used)
            return false;
        used += (size_t)k;
    }
    return true;
}

static int parse_word_line(struct parser *p, char **w, int n)
{
    struct replay *r = p->r;
    const char *key = w[0];
    if (r->has_end)
        return fail(p, "%s", "nothing may follow the end line");
    if (strcmp(key, "expect") == 0) {
        if (r->nfinals == p->cap_finals) {
            size_t cap = p->cap_finals ? p->cap_finals * 2u : 16u;
            struct replay_final *f = realloc(r->finals, cap * sizeof *f);
            if (!f)
                return fail(p, "%s", "out of memory");
            r->finals = f;
            p->cap_finals = cap;
        }
        struct replay_final *f = &r->finals[r->nfinals];
        f->line = p->line;
        if (parse_expect(p, w, n, &f->expect) < 0)
            return -1;
        r->nfinals++;
        return 0;
    }
    if (strcmp(key, "end") == 0) {
        if (n != 4 || !parse_tick(w[1], &r->end_tick) || !outcome_parse(w[2], &r->end_outcome) ||
            !parse_hash(w[3], &r->end_hash))
            return fail(p, "%s", "expected 'end TICKS OUTCOME HASH', e.g. 'end 18000 completed "
                                 "0123456789abcdef'");
        r->has_end = true;
        r->end_line = p->line;
        return 0;
    }
    if (p->inputs_started)
        return fail(p, "'%s' belongs in the header, before the first tick line", key);
    if (strcmp(key, "recorded") == 0) {
        r->recorded = true;
        return n == 1 ? 0 : fail(p, "%s", "expected nothing after 'recorded'");
    }
    if (strcmp(key, "scenario") == 0) {
        if (n < 2 || !join_rest(r->scenario, sizeof r->scenario, w, n))
            return fail(p, "%s", "expected 'scenario NAME' or 'scenario PATH' (under 256 "
                                 "characters)");
        r->scenario_line = p->line;
        return 0;
    }
    if (n != 2)
        return fail(p, "expected one value after '%s'", key);
    const char *v = w[1];
    if (strcmp(key, "game") == 0) {
        snprintf(r->game, sizeof r->game, "%s", v);
        return 0;
    }
    if (strcmp(key, "seed") == 0)
        return parse_u64(v, 0, UINT64_MAX, &r->seed)
                   ? 0
                   : fail(p, "expected 'seed' and a whole number, not '%s'", v);
    if (strcmp(key, "scenario-hash") == 0)
        return (r->scenario_hash_given = parse_hash(v, &r->scenario_hash))
                   ? 0
                   : fail(p, "expected 'scenario-hash' and 16 hex digits, not '%s'", v);
    if (strcmp(key, "strategy") == 0) {
        if (strlen(v) >= sizeof r->strategy)
            return fail(p, "%s", "expected a strategy spec under 64 characters");
        snprintf(r->strategy, sizeof r->strategy, "%s", v);
        r->strategy_line = p->line;
        return 0;
    }
    if (strcmp(key, "worker") == 0) {
        char why[200];
        if (worker_parse(v, &r->worker, why, sizeof why) < 0)
            return fail(p, "worker: %s", why);
        return 0;
    }
    if (strcmp(key, "partner") == 0) {
        char why[200];
        if (worker_parse(v, &r->partner, why, sizeof why) < 0)
            return fail(p, "partner: %s", why);
        if (r->partner.kind != WORKER_BOT)
            return fail(p, "%s", "expected 'partner auto:RATE[:fixed|exp]': the partner is a bot");
        return 0;
    }
    if (strcmp(key, "memory") == 0)
        return parse_header_number(p, key, v, 0, STRATEGY_MAX_CAPACITY, &r->memory,
                                   &r->memory_given);
    if (strcmp(key, "minutes") == 0)
        return parse_header_number(p, key, v, 1, SCENARIO_MAX_MINUTES, &r->minutes,
                                   &r->minutes_given);
    if (strcmp(key, "rate") == 0) {
        if (strcmp(v, "schedule") == 0) {
            r->rate = 0;
            r->rate_given = true;
            return 0;
        }
        return parse_header_number(p, key, v, 1, SCENARIO_MAX_RATE, &r->rate, &r->rate_given);
    }
    if (strcmp(key, "arrivals") == 0) {
        if (strcmp(v, "fixed") && strcmp(v, "poisson"))
            return fail(p, "expected 'arrivals fixed' or 'arrivals poisson', not '%s'", v);
        r->arrivals = v[0] == 'f' ? ARRIVALS_FIXED : ARRIVALS_POISSON;
        r->arrivals_given = true;
        return 0;
    }
    if (strcmp(key, "supervisor") == 0) {
        if (strcmp(v, "on") && strcmp(v, "off"))
            return fail(p, "expected 'supervisor on' or 'supervisor off', not '%s'", v);
        r->supervisor = strcmp(v, "on") == 0;
        r->supervisor_given = true;
        return 0;
    }
    return fail(p, "unknown key '%s'; expected one of: game recorded seed scenario "
                   "scenario-hash strategy worker partner memory minutes rate arrivals supervisor "
                   "expect end, or a tick", key);
}

static int parse_line(struct parser *p, char *line)
{
    char *hash = strchr(line, '#');
    if (hash)
        *hash = '\0';
    char *w[MAX_WORDS];
    int n = 0;
    for (char *tok = strtok(line, " \t\r\f\v"); tok; tok = strtok(NULL, " \t\r\f\v")) {
        if (n == MAX_WORDS)
            return fail(p, "%s", "too many words on one line (at most 16)");
        w[n++] = tok;
    }
    if (n == 0)
        return 0;
    if (!p->magic_seen) {
        uint32_t format;
        if (strcmp(w[0], REPLAY_MAGIC) != 0 || n != 2)
            return fail(p, "%s", "expected the first line to be 'candyline-replay 1': this is "
                                 "not a Candyline replay");
        if (!parse_u32(w[1], 0, UINT32_MAX, &format) || format != REPLAY_FORMAT)
            return fail(p, "this replay is in format '%s'; this candyline reads format 1 only",
                        w[1]);
        p->magic_seen = true;
        return 0;
    }
    if (w[0][0] >= '0' && w[0][0] <= '9')
        return parse_tick_line(p, w, n);
    return parse_word_line(p, w, n);
}

static void defaults(struct replay *r, const char *file)
{
    memset(r, 0, sizeof *r);
    snprintf(r->file, sizeof r->file, "%s", file);
    r->seed = DEFAULT_SEED;
    r->worker.kind = WORKER_HUMAN;
}

int replay_parse(const char *text, size_t len, const char *file, struct replay *r, char *err,
                 size_t errlen)
{
    struct parser p = {r, file, 0, err, errlen, false, false, 0, 0, 0};
    defaults(r, file);
    size_t pos = 0;
    while (pos < len) {
        char line[MAX_LINE];
        size_t start = pos;
        while (pos < len && text[pos] != '\n')
            pos++;
        bool terminated = pos < len;
        size_t n = pos - start;
        pos++;
        p.line++;
        if (n >= sizeof line) {
            fail(&p, "%s", "line too long (at most 1023 characters)");
            goto bad;
        }
        memcpy(line, text + start, n);
        line[n] = '\0';
        if (memchr(line, '\0', n)) {
            fail(&p, "%s", "unexpected NUL byte: expected a text file");
            goto bad;
        }
        if (!terminated && r->recorded) {
            /* The recorder ends every line: this one was cut short. */
            r->cut_off = true;
            break;
        }
        r->lines = p.line;
        /* A last line without its newline may be a write cut short: if it
         * does not parse, the replay stands as it was before it, header
         * included (a failed line may have half-written a field). */
        struct replay before;
        if (!terminated)
            before = *r;
        if (parse_line(&p, line) < 0) {
            if (terminated)
                goto bad;
            before.events = r->events; /* the line may have grown them */
            before.finals = r->finals;
            /* cppcheck-suppress uninitStructMember ; copied above when !terminated */
            *r = before;
            r->cut_off = true;
        }
    }
    if (!p.magic_seen) {
        snprintf(err, errlen, "%s:1: expected 'candyline-replay 1': the file is empty", file);
        goto bad;
    }
    if (!r->scenario[0] || !r->strategy[0]) {
        snprintf(err, errlen, "%s:%u: the replay has no '%s' line: expected one in the header%s",
                 file, p.line, !r->scenario[0] ? "scenario" : "strategy",
                 r->cut_off || r->recorded ? " (was the file cut off?)" : "");
        goto bad;
    }
    return 0;
bad:
    replay_free(r);
    return -1;
}

int replay_load(const char *path, struct replay *r, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    memset(r, 0, sizeof *r);
    if (!f) {
        snprintf(err, errlen, "%s: cannot open replay: %s", path, strerror(errno));
        return -1;
    }
    size_t cap = 1u << 16, len = 0;
    char *buf = malloc(cap);
    int rc = -1;
    while (buf) {
        len += fread(buf + len, 1, cap - len, f);
        if (len < cap || cap >= MAX_FILE)
            break;
        char *more = realloc(buf, cap * 2u);
        if (!more) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = more;
        cap *= 2u;
    }
    if (!buf)
        snprintf(err, errlen, "%s: out of memory", path);
    else if (ferror(f))
        snprintf(err, errlen, "%s: cannot read the replay: %s", path, strerror(errno));
    else if (len == cap)
        snprintf(err, errlen, "%s: too large for a replay (over 256 MiB)", path);
    else
        rc = replay_parse(buf, len, path, r, err, errlen);
    free(buf);
    fclose(f);
    return rc;
}

void replay_free(struct replay *r)
{
    free(r->events);
    free(r->finals);
    r->events = NULL;
    r->finals = NULL;
    r->nevents = r->nfinals = 0;
}

/* A relative scenario path is looked up beside the replay first, so a
 * corpus can be moved as a folder. */
static int load_scenario(const struct replay *r, const char *replay_path, struct scenario *sc,
                         char *err, size_t errlen)
{
    for (size_t i = 0; builtin_scenarios[i].name; i++)
        if (strcmp(builtin_scenarios[i].name, r->scenario) == 0)
            return scenario_load(r->scenario, sc, err, errlen);
    const char *slash = strrchr(replay_path, '/');
    if (r->scenario[0] != '/' && slash) {
        char beside[600];
        snprintf(beside, sizeof beside, "%.*s/%s", (int)(slash - replay_path), replay_path,
                 r->scenario);
        FILE *f = fopen(beside, "rb");
        if (f) {
            fclose(f);
            return scenario_load(beside, sc, err, errlen);
        }
    }
    return scenario_load(r->scenario, sc, err, errlen);
}

int replay_config(const struct replay *r, const char *replay_path, struct sim_config *cfg,
                  char *err, size_t errlen)
{
    struct scenario sc;
    char why[400];
    if (load_scenario(r, replay_path, &sc, why, sizeof why) < 0) {
        snprintf(err, errlen, "%s:%u: scenario '%s': %s", r->file, r->scenario_line, r->scenario,
                 why);
        return -1;
    }
    if (r->scenario_hash_given && scenario_hash(&sc) != r->scenario_hash) {
        snprintf(err, errlen, "%s:%u: scenario '%s' has changed since the replay was made (hash "
                              "%016" PRIx64 ", the replay expects %016" PRIx64 "): it cannot "
                              "be replayed faithfully",
                 r->file, r->scenario_line, r->scenario, scenario_hash(&sc), r->scenario_hash);
        return -1;
    }
    struct options o;
    memset(&o, 0, sizeof o);
    o.seed = r->seed;
    o.worker_given = true;
    o.worker = r->worker;
    o.partner = r->partner;
    o.rate = r->rate_given ? r->rate : 0;
    o.arrivals_given = r->arrivals_given;
    o.arrivals = r->arrivals;
    o.no_supervisor = r->supervisor_given && !r->supervisor;
    o.minutes = r->minutes_given ? r->minutes : 0;
    o.memory_given = r->memory_given;
    o.memory = r->memory;
    if (shift_config(&o, &sc, r->strategy, true, cfg, why, sizeof why) < 0) {
        const char *text = strncmp(why, "--strategy: ", 12) == 0 ? why + 12 : why;
        /* A strategy from a plugin is only known once the plugin is loaded. */
        bool unknown = strncmp(text, "unknown strategy", 16) == 0;
        snprintf(err, errlen, "%s:%u: %s%s", r->file, r->strategy_line, text,
                 unknown ? "; if a plugin provides it, replay with the same --strategy-plugin "
                           "FILE.so it was recorded with" : "");
        return -1;
    }
    if (r->supervisor_given && r->supervisor && !sc.supervisor) {
        snprintf(err, errlen, "%s: 'supervisor on', but scenario '%s' has no supervisor",
                 r->file, r->scenario);
        return -1;
    }
    return 0;
}

void replay_format_tick(char *buf, size_t len, uint64_t tick)
{
    uint64_t s = tick / TICK_HZ;
    snprintf(buf, len, "%" PRIu64 ":%02" PRIu64 "+%" PRIu64, s / 60u, s % 60u, tick % TICK_HZ);
}
