/* fifo_plugin.c - a strategy built outside the tree, for the plugin tests
 * (tests/strategy_kit.sh): "fifo:N", a table of N that eats the arriving
 * candy when full. The Makefile builds it with src/strategies/table.c and
 * src/sim/candy_queue.c into $(BUILD)/plugins/fifo_plugin.so; the other
 * files here include it with one thing changed, to be refused. */
#include "../../src/strategies/table.h"

#ifndef FIFO_API_VERSION
#define FIFO_API_VERSION STRATEGY_API_VERSION
#endif
#ifndef FIFO_NAME
#define FIFO_NAME "fifo"
#endif
#ifndef FIFO_TAKE
#define FIFO_TAKE table_take
#endif
#ifndef FIFO_SYMBOL
#define FIFO_SYMBOL candyline_strategy
#endif
#ifndef FIFO_LESSON
#define FIFO_LESSON "A plugin's FIFO table: the newest candy is eaten when it is full."
#endif

static int configure(const char *args, uint32_t memory, struct strategy_config *cfg, char *err,
                     size_t errlen)
{
    (void)memory;
#ifdef FIFO_SILENT_REFUSAL
    /* Says no, and says nothing: err is left as it came. */
    (void)args;
    (void)cfg;
    (void)err;
    (void)errlen;
    return -1;
#else
    return table_configure_capacity(args, FIFO_NAME ":N", cfg, err, errlen);
#endif
}

static enum offer_result offer(void *self, struct candy c, struct candy *eaten)
{
    struct table *t = self;
    if (t->queue.len >= t->cfg.capacity) {
        *eaten = c;
        return OFFER_DROPPED_NEWEST;
    }
    return candy_queue_push(&t->queue, c) == 0 ? OFFER_QUEUED : OFFER_NO_MEMORY;
}

const struct strategy_ops FIFO_SYMBOL = {
    .api_version = FIFO_API_VERSION,
    .name = FIFO_NAME,
    .usage = FIFO_NAME ":N",
    .lesson = FIFO_LESSON,
    .analogues = "a test fixture",
    .configure = configure,
    .create = table_create,
    .destroy = table_destroy,
    .offer = offer,
    .take = FIFO_TAKE,
    .waiting = table_waiting,
    .peek = table_peek,
};
