/* pull.c - "pull": no buffer at all. The station asks the kitchen for one
 * candy when the worker's hands are free and nothing is on its way; the
 * kitchen makes it then, and only then (fs2's pull model, a rendezvous
 * channel). Nothing waits and nothing is lost, but every candy pays the trip
 * down the belt. An unstoppable kitchen cannot be asked: its candy piles up
 * at home, and the belt only carries what was asked for. */
#include "table.h"

#define USAGE "pull"

/* The one place on the table is where the asked-for candy lands, for the
 * moment before the worker picks it up in the same tick. */
static int configure(const char *args, uint32_t memory, struct strategy_config *cfg, char *err,
                     size_t errlen)
{
    (void)memory;
    return table_configure_fixed(args, USAGE, 1, cfg, err, errlen);
}

static enum offer_result offer(void *self, struct candy c, struct candy *eaten)
{
    struct table *t = self;
    (void)eaten;
    /* Only one candy is ever asked for at a time, so a second is a broken
     * promise of the line, not a load to absorb. */
    if (t->queue.len >= 1)
        return OFFER_OVERFLOW;
    return candy_queue_push(&t->queue, c) == 0 ? OFFER_QUEUED : OFFER_NO_MEMORY;
}

/* Ask for one candy when the hands are free and none is on its way. */
static void steer(void *self, const struct line_view *line, struct kitchen_signal *out)
{
    (void)self;
    out->requested = !line->worker_busy && line->waiting == 0 && line->on_belt == 0 ? 1u : 0u;
}

const struct strategy_ops pull_strategy = {
    .api_version = STRATEGY_API_VERSION,
    .name = "pull",
    .usage = USAGE,
    .lesson = "Pull makes only what is asked: nothing piles up, each candy pays the trip.",
    .analogues = "fs2 and Akka Streams pull, Go's unbuffered channel, Kotlin's rendezvous "
                 "Channel, an iterator, a logger that must not buffer",
    .hidden = false,
    .configure = configure,
    .create = table_create,
    .destroy = table_destroy,
    .offer = offer,
    .take = table_take,
    .waiting = table_waiting,
    .peek = table_peek,
    .steer = steer,
};
