/* bounded.c - "bounded:N": a table of N that fails loudly when full.
 *
 * The (N+1)th waiting candy ends the shift with `overflow`: a clear,
 * predictable error instead of a silent loss.
 */
#include "table.h"


#define USAGE "bounded:N"

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
    if (t->queue.len >= t->cfg.capacity)
        return OFFER_OVERFLOW;
    return candy_queue_push(&t->queue, c) == 0 ? OFFER_QUEUED : OFFER_NO_MEMORY;
}

const struct strategy_ops bounded_strategy = {
    .api_version = STRATEGY_API_VERSION,
    .name = "bounded",
    .usage = USAGE,
    .lesson = "A bounded buffer fails fast and loudly when it is full.",
    .analogues = "Java ArrayBlockingQueue.add() throwing, a full Kafka producer buffer raising, "
                 "HTTP 503 from a full accept queue",
    .hidden = false,
    .configure = configure,
    .create = table_create,
    .destroy = table_destroy,
    .offer = offer,
    .take = table_take,
    .waiting = table_waiting,
    .peek = table_peek,
};
