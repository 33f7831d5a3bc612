/* scenario.c - scenario defaults, the rate schedule and validation. */
#include "scenario.h"

#include <stdio.h>
#include <string.h>

void scenario_defaults(struct scenario *s)
{
    memset(s, 0, sizeof *s);
    snprintf(s->name, sizeof s->name, "%s", "custom");
    s->minutes = 5;
    s->arrivals = ARRIVALS_FIXED;
    s->source = SOURCE_PAUSABLE;
    s->belt_s = 4;
    s->deadline_s = 10;
    s->memory = 60;
    s->bot_rate = 90;
    s->supervisor = false;
    s->sup_every_s = 30;
    s->sup_speedup_pct = 20;
    s->sup_tolerance = 0;
    s->sup_max_pct = 300;
    s->score_wrapped = 10;
    s->score_dropped = -5;
    s->score_stale = -3;
    s->score_failed = -300;
    s->nphases = 1;
    s->phases[0].start_s = 0;
    s->phases[0].rate = 60;
}

uint32_t scenario_rate_at(const struct scenario *s, uint64_t tick)
{
    uint64_t sec = tick / TICK_HZ;
    uint32_t rate = s->phases[0].rate;
    for (uint32_t i = 1; i < s->nphases && s->phases[i].start_s <= sec; i++)
        rate = s->phases[i].rate;
    return rate;
}

int scenario_validate(const struct scenario *s, char *err, unsigned long errlen)
{
    if (s->minutes < 1 || s->minutes > SCENARIO_MAX_MINUTES) {
        snprintf(err, errlen, "minutes must be from 1 to %u", SCENARIO_MAX_MINUTES);
        return -1;
    }
    if (s->belt_s < 1 || s->belt_s > 60) {
        snprintf(err, errlen, "belt must be from 1 to 60 seconds");
        return -1;
    }
    if (s->nphases < 1 || s->phases[0].start_s != 0) {
        snprintf(err, errlen, "the first phase must start at 0:00");
        return -1;
    }
    for (uint32_t i = 0; i < s->nphases; i++) {
        if (s->phases[i].rate > SCENARIO_MAX_RATE) {
            snprintf(err, errlen, "a phase rate must be at most %u per minute", SCENARIO_MAX_RATE);
            return -1;
        }
        if (i > 0 && s->phases[i].start_s <= s->phases[i - 1].start_s) {
            snprintf(err, errlen, "phases must be in order of start time");
            return -1;
        }

    }
    if (s->supervisor && (s->sup_every_s < 1 || s->sup_max_pct < 100)) {
        snprintf(err, errlen, "the supervisor needs 'every' of at least 1 s and 'max' of at least 100%%");
        return -1;
    }
    if (s->bot_rate < 1 || s->bot_rate > SCENARIO_MAX_RATE) {
        snprintf(err, errlen, "bot rate must be from 1 to %u per minute", SCENARIO_MAX_RATE);
        return -1;
    }
    return 0;
}

/* FNV-1a, 64 bits, over integers as 8 little-endian bytes and strings up to
 * their NUL: the same on every machine, whatever the struct's padding. */
static uint64_t fnv_bytes(uint64_t h, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 0x100000001b3ull;
    return h;
}

static uint64_t fnv_u64(uint64_t h, uint64_t v)
{
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(v >> (8 * i));
    return fnv_bytes(h, b, sizeof b);
}

static uint64_t fnv_text(uint64_t h, const char *t)
{
    return fnv_bytes(h, (const unsigned char *)t, strlen(t) + 1u);
}

uint64_t scenario_hash(const struct scenario *s)
{
    uint64_t h = 0xcbf29ce484222325ull;
    h = fnv_text(h, s->name);
    h = fnv_text(h, s->title);
    h = fnv_text(h, s->about);
    const int64_t fields[] = {
        s->minutes,       s->arrivals,        s->source,         s->belt_s,
        s->deadline_s,    s->memory,          s->bot_rate,       s->supervisor,
        s->sup_every_s,   s->sup_speedup_pct, s->sup_tolerance,  s->sup_max_pct,
        s->score_wrapped, s->score_dropped,   s->score_stale,    s->score_failed,
        s->nphases,
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        h = fnv_u64(h, (uint64_t)fields[i]);
    for (uint32_t i = 0; i < s->nphases; i++) {
        h = fnv_u64(h, s->phases[i].start_s);
        h = fnv_u64(h, s->phases[i].rate);
    }
    return h;
}
