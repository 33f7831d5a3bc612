/* backpressure.c - "backpressure:N": a table of N, and the station tells the
 * kitchen how much room there is. The belt only moves while there is room,
 * so nothing is ever lost; the kitchen waits or piles candy up at home. */
#include "table.h"


#define USAGE "backpressure:N"

static int configure(const char *args, uint32_t memory, struct strategy_config *cfg, char *err,
                     size_t errlen)
{
    (void)memory;
    return table_configure_capacity(args, USAGE, cfg, err, errlen);
}

static enum offer_result offer(void *self, struct candy c, struct candy *eaten)
{
    struct table *t = self;
    (void)eaten;
    /* The belt only brings candy we asked for, so this is a broken promise. */
    if (t->queue.len >= t->cfg.capacity)
        return OFFER_OVERFLOW;
    return candy_queue_push(&t->queue, c) == 0 ? OFFER_QUEUED : OFFER_NO_MEMORY;
}

/* Credits: one per free place on the table. */
static uint32_t demand(const void *self)
{
    const struct table *t = self;
    return t->cfg.capacity - t->queue.len;
}

const struct strategy_ops backpressure_strategy = {
    .api_version = STRATEGY_API_VERSION,
    .name = "backpressure",
    .usage = USAGE,
    .lesson = "Backpressure lets the consumer set the pace: the belt stops, nothing is lost.",
    .analogues = "TCP flow control windows, Reactive Streams request(n), HTTP/2 flow control, "
                 "a blocking put() on a bounded queue",
    .hidden = false,
    .configure = configure,
    .create = table_create,
    .destroy = table_destroy,
    .offer = offer,
    .take = table_take,
    .waiting = table_waiting,
    .peek = table_peek,
    .demand = demand,
};
