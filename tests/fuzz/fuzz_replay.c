/* fuzz_replay.c - fuzz target: the replay parser (replay_parse in
 * src/app/replay.c) on arbitrary text, then, when it names a built-in
 * scenario, turning the header into a shift's config (replay_config). A
 * replay whose last line was left out as cut off must read exactly as the
 * file without that line. */
#include <stdlib.h>
#include <string.h>

#include "../../src/app/replay.h"
#include "../../src/app/scenario_parse.h"
#include "fuzz.h"

static int is_builtin(const char *name)
{
    for (size_t i = 0; builtin_scenarios[i].name; i++)
        if (strcmp(builtin_scenarios[i].name, name) == 0)
            return 1;
    return 0;
}

static int same_expect(const struct replay_expect *a, const struct replay_expect *b)
{
    return strcmp(a->key, b->key) == 0 && a->op == b->op && strcmp(a->value, b->value) == 0;
}

static int same_worker(const struct worker_config *a, const struct worker_config *b)
{
    return a->kind == b->kind && a->rate == b->rate && a->service == b->service;
}

/* The header and the lines two parses read, except how many lines there were
 * and whether the last was cut off. */
static int same_replay(const struct replay *a, const struct replay *b)
{
    if (strcmp(a->game, b->game) || a->recorded != b->recorded || a->seed != b->seed ||
        strcmp(a->scenario, b->scenario) || a->scenario_hash_given != b->scenario_hash_given ||
        a->scenario_hash != b->scenario_hash || strcmp(a->strategy, b->strategy) ||
        !same_worker(&a->worker, &b->worker) || !same_worker(&a->partner, &b->partner) ||
        a->memory_given != b->memory_given || a->memory != b->memory ||
        a->rate_given != b->rate_given || a->rate != b->rate ||
        a->arrivals_given != b->arrivals_given || a->arrivals != b->arrivals ||
        a->supervisor_given != b->supervisor_given || a->supervisor != b->supervisor ||
        a->minutes_given != b->minutes_given || a->minutes != b->minutes ||
        a->nevents != b->nevents || a->nfinals != b->nfinals || a->has_end != b->has_end ||
        a->end_tick != b->end_tick || a->end_outcome != b->end_outcome ||
        a->end_hash != b->end_hash)
        return 0;
    for (size_t i = 0; i < a->nevents; i++) {
        const struct replay_event *x = &a->events[i], *y = &b->events[i];
        if (x->tick != y->tick || x->every != y->every || x->until != y->until ||
            x->kind != y->kind || x->line != y->line || strcmp(x->keys, y->keys) ||
            x->hash != y->hash || !same_expect(&x->expect, &y->expect))
            return 0;
    }
    for (size_t i = 0; i < a->nfinals; i++)
        if (a->finals[i].line != b->finals[i].line ||
            !same_expect(&a->finals[i].expect, &b->finals[i].expect))
            return 0;
    return 1;
}

/* A last line cut off (no newline, and recorded or not parsing) is left
 * out: the replay must be exactly the one without that line. */
static void check_cut_off(const uint8_t *data, size_t size, const struct replay *r)
{
    size_t keep = size;
    while (keep > 0 && data[keep - 1] != '\n')
        keep--;
    struct replay before;
    char why[512];
    if (replay_parse((const char *)data, keep, "fuzz.rpl", &before, why, sizeof why) < 0 ||
        !same_replay(r, &before))
        abort();
    replay_free(&before);
}

int fuzz_target(const uint8_t *data, size_t size, char *err, size_t errlen)
{
    struct replay r;
    if (replay_parse((const char *)data, size, "fuzz.rpl", &r, err, errlen) < 0)
        return -1;
    if (r.cut_off)
        check_cut_off(data, size, &r);
    char when[48];
    for (size_t i = 0; i < r.nevents; i++)
        replay_format_tick(when, sizeof when, r.events[i].tick);
    int rc = 0;
    if (is_builtin(r.scenario)) {
        struct sim_config cfg;
        rc = replay_config(&r, "fuzz.rpl", &cfg, err, errlen);
    }
    replay_free(&r);
    return rc;
}
