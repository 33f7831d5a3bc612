/* table.c - shared FIFO buffer and capacity parsing for strategies. */
#include "table.h"

#include <stdio.h>
#include <stdlib.h>

void *table_create(const struct strategy_config *cfg)
{
    struct table *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    candy_queue_init(&t->queue);
    t->cfg = *cfg;
    return t;
}

void table_destroy(void *self)
{
    struct table *t = self;
    candy_queue_free(&t->queue);
    free(t);
}

bool table_take(void *self, struct candy *out)
{
    struct table *t = self;
    return candy_queue_pop(&t->queue, out);
}

uint32_t table_waiting(const void *self)
{
    const struct table *t = self;
    return t->queue.len;
}

bool table_peek(const void *self, uint32_t i, struct candy *out)
{
    const struct table *t = self;
    return candy_queue_peek(&t->queue, i, out);
}

enum offer_result table_offer_keep_newest(void *self, struct candy c, struct candy *eaten)
{
    struct table *t = self;
    if (t->queue.len < t->cfg.capacity)
        return candy_queue_push(&t->queue, c) == 0 ? OFFER_QUEUED : OFFER_NO_MEMORY;
    candy_queue_pop(&t->queue, eaten);
    candy_queue_push(&t->queue, c); /* cannot fail: a slot was just freed */
    return OFFER_DROPPED_OLDEST;
}

const char *table_parse_capacity(const char *args, const char *usage, uint32_t *n, char *err,
                                 size_t errlen)
{
    uint64_t v = 0;
    const char *p = args;
    if (!p || *p < '0' || *p > '9') {
        snprintf(err, errlen, "needs a capacity: %s (N from 1 to %u)", usage,
                 STRATEGY_MAX_CAPACITY);
        return NULL;
    }
    while (*p >= '0' && *p <= '9') {
        v = v * 10u + (uint64_t)(*p - '0');
        if (v > STRATEGY_MAX_CAPACITY)
            break;
        p++;
    }
    if (v < 1 || v > STRATEGY_MAX_CAPACITY || (*p != '\0' && *p != ':')) {
        snprintf(err, errlen, "needs a capacity from 1 to %u: %s",
                 STRATEGY_MAX_CAPACITY, usage);
        return NULL;
    }
    *n = (uint32_t)v;
    return p;
}

int table_configure_capacity(const char *args, const char *usage, struct strategy_config *cfg,
                             char *err, size_t errlen)
{
    const char *rest = table_parse_capacity(args, usage, &cfg->capacity, err, errlen);
    if (!rest)
        return -1;
    if (*rest) {
        snprintf(err, errlen, "takes only a capacity: %s", usage);
        return -1;
    }
    cfg->variant = 0;
    return 0;
}

int table_configure_fixed(const char *args, const char *usage, uint32_t capacity,
                          struct strategy_config *cfg, char *err, size_t errlen)
{
    if (args) {
        snprintf(err, errlen, "takes no settings: %s", usage);
        return -1;
    }
    cfg->capacity = capacity;
    cfg->variant = 0;
    return 0;
}
