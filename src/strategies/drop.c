/* drop.c - "drop:N[:newest|oldest]": a table of N; when it is full, eat a
 * candy (shed load) and count it. newest eats the arrival, oldest eats the
 * one that has waited longest and keeps the arrival. */
#include "table.h"

#include <stdio.h>
#include <string.h>

#define USAGE "drop:N[:newest|oldest]"

enum { DROP_NEWEST, DROP_OLDEST };

static int configure(const char *args, uint32_t memory, struct strategy_config *cfg, char *err,
                     size_t errlen)
{
    (void)memory;
    const char *rest = table_parse_capacity(args, USAGE, &cfg->capacity, err, errlen);
    if (!rest)
        return -1;
    if (*rest == '\0' || strcmp(rest, ":newest") == 0) {
        cfg->variant = DROP_NEWEST;
    } else if (strcmp(rest, ":oldest") == 0) {
        cfg->variant = DROP_OLDEST;
    } else {
        snprintf(err, errlen, "expected newest or oldest after the capacity, not '%s': " USAGE,
                 rest + 1);
        return -1;
    }
    return 0;
}

static enum offer_result offer(void *self, struct candy c, struct candy *eaten)
{
    struct table *t = self;
    if (t->cfg.variant == DROP_OLDEST)
        return table_offer_keep_newest(self, c, eaten);
    if (t->queue.len < t->cfg.capacity)
        return candy_queue_push(&t->queue, c) == 0 ? OFFER_QUEUED : OFFER_NO_MEMORY;
    *eaten = c;
    return OFFER_DROPPED_NEWEST;
}

const struct strategy_ops drop_strategy = {
    .api_version = STRATEGY_API_VERSION,
    .name = "drop",
    .usage = USAGE,
    .lesson = "Dropping sheds load on purpose: the line survives, the lost candy is counted.",
    .analogues = "UDP, video frames skipped by a player, Reactor onBackpressureDrop, "
                 "a load balancer shedding requests, a ring buffer overwriting old logs",
    .hidden = false,
    .configure = configure,
    .create = table_create,
    .destroy = table_destroy,
    .offer = offer,
    .take = table_take,
    .waiting = table_waiting,
    .peek = table_peek,
};
