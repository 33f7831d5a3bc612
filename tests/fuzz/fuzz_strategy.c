/* fuzz_strategy.c - fuzz target: strategy specs (strategy_parse_spec in
 * src/strategies/registry.c), then a short life of the buffer it makes.
 * The input is "SPEC[ MEMORY]", a newline, then one byte per operation
 * (its value mod 4: 0 and 1 offer a candy, 2 takes one, 3 steers, asks for
 * demand and peeks). Each candy must be handed over at most once, never
 * after it was eaten, and waiting() must count what is really waiting. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/app/parse_number.h"
#include "../../src/strategies/registry.h"
#include "fuzz.h"

enum fate { NOT_MADE, WAITING, TAKEN, EATEN };

/* A candy moves from one fate to the next, or the strategy broke a rule. */
static void move(uint8_t *fate, uint32_t id, uint32_t made, enum fate from, enum fate to)
{
    if (id >= made || fate[id] != from) {
        fprintf(stderr, "fuzz_strategy: candy %u is not %d (it is %d)\n", id, (int)from,
                id < made ? fate[id] : -1);
        abort();
    }
    fate[id] = (uint8_t)to;
}

static int run(const struct strategy_ops *ops, const struct strategy_config *cfg,
               const uint8_t *op, size_t nops, char *err, size_t errlen)
{
    void *self = ops->create(cfg);
    if (!self) {
        snprintf(err, errlen, "out of memory creating the buffer");
        return -1;
    }
    uint8_t *fate = calloc(nops + 1u, 1);
    if (!fate)
        abort();
    uint32_t made = 0, waiting = 0, tick = 0;
    for (size_t i = 0; i < nops; i++, tick++) {
        struct candy c = {made, tick}, out;
        switch (op[i] % 4u) {
        case 0:
        case 1:
            fate[made++] = WAITING;
            waiting++;
            switch (ops->offer(self, c, &out)) {
            case OFFER_QUEUED:
                break;
            case OFFER_DROPPED_NEWEST:
                move(fate, c.id, made, WAITING, EATEN);
                waiting--;
                break;
            case OFFER_DROPPED_OLDEST:
                move(fate, out.id, made, WAITING, EATEN);
                waiting--;
                break;
            default: /* overflow, burst, no memory: the shift is over */
                i = nops;
                continue;
            }
            break;
        case 2:
            if (ops->take(self, &out)) {
                move(fate, out.id, made, WAITING, TAKEN);
                waiting--;
            } else if (waiting) {
                abort(); /* candy waits, yet none is handed over */
            }
            break;
        default: {
            struct line_view line = {tick, 60, 0, 0, waiting, false, 240};
            struct kitchen_signal sig = {KITCHEN_NO_LIMIT, KITCHEN_NO_LIMIT};
            if (ops->steer)
                ops->steer(self, &line, &sig);
            if (ops->demand)
                (void)ops->demand(self);
            uint32_t at = op[i] % 8u;
            if (ops->peek(self, at, &out) &&
                (at >= waiting || out.id >= made || fate[out.id] != WAITING))
                abort(); /* peeked at a candy that is not waiting */
            break;
        }
        }
        if (i < nops && ops->waiting(self) != waiting)
            abort();
    }
    free(fate);
    ops->destroy(self);
    return 0;
}

int fuzz_target(const uint8_t *data, size_t size, char *err, size_t errlen)
{
    const uint8_t *nl = memchr(data, '\n', size);
    size_t len = nl ? (size_t)(nl - data) : size;
    char *spec = malloc(len + 1u);
    if (!spec)
        abort();
    memcpy(spec, data, len);
    spec[len] = '\0';
    uint32_t memory = 60;
    char *space = strchr(spec, ' ');
    int rc = -1;
    if (strlen(spec) != len) {
        snprintf(err, errlen, "a spec holds no NUL byte");
    } else if (space && (*space = '\0', !parse_u32(space + 1, 0, STRATEGY_MAX_CAPACITY, &memory))) {
        snprintf(err, errlen, "expected a memory from 0 to 100000000 after the spec");
    } else {
        const struct strategy_ops *ops;
        struct strategy_config cfg;
        if (strategy_parse_spec(spec, memory, &ops, &cfg, err, errlen) == 0)
            rc = nl ? run(ops, &cfg, nl + 1, size - len - 1u, err, errlen) : 0;
    }
    free(spec);
    return rc;
}
