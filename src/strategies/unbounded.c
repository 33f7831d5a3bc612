/* unbounded.c - "unbounded": hide every candy you can't wrap in your hat.
 *
 * Never refuses and never slows anyone down, and the supervisor never sees
 * the hats; past the --memory limit the hats burst and the shift fails.
 */
#include "table.h"

#include <stdio.h>

static int configure(const char *args, uint32_t memory, struct strategy_config *cfg, char *err,
                     size_t errlen)
{
    if (args) {
        snprintf(err, errlen, "takes no settings (its limit is --memory): unbounded");
        return -1;
    }
    cfg->capacity = memory;
    cfg->variant = 0;
    return 0;
}

static enum offer_result offer(void *self, struct candy c, struct candy *eaten)
{
    struct table *t = self;
    (void)eaten;
    if (t->cfg.capacity && t->queue.len >= t->cfg.capacity)
        return OFFER_BURST;
    /* Running out of real memory is a burst too: the hats were never bounded. */
    return candy_queue_push(&t->queue, c) == 0 ? OFFER_QUEUED : OFFER_BURST;
}

const struct strategy_ops unbounded_strategy = {
    .api_version = STRATEGY_API_VERSION,
    .name = "unbounded",
    .usage = "unbounded",
    .lesson = "An unbounded buffer hides the problem until memory runs out.",
    .analogues = "unbounded in-memory queues, Node.js stream buffers ignoring write() == false, "
                 "an actor's mailbox",
    .hidden = true,
    .configure = configure,
    .create = table_create,
    .destroy = table_destroy,
    .offer = offer,
    .take = table_take,
    .waiting = table_waiting,
    .peek = table_peek,
};
