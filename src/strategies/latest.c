/* latest.c - "latest": keep only the newest waiting candy. A new arrival
 * replaces the one waiting, which is eaten and counted (conflation): the
 * worker always wraps the freshest candy there is. */
#include "table.h"

#define USAGE "latest"

static int configure(const char *args, uint32_t memory, struct strategy_config *cfg, char *err,
                     size_t errlen)
{
    (void)memory;
    return table_configure_fixed(args, USAGE, 1, cfg, err, errlen);
}

const struct strategy_ops latest_strategy = {
    .api_version = STRATEGY_API_VERSION,
    .name = "latest",
    .usage = USAGE,
    .lesson = "Conflation keeps only the newest candy: always fresh, the rest is lost.",
    .analogues = "a stock ticker's last price, RxJS throttle/sample, Reactor "
                 "onBackpressureLatest, a mouse-move handler, a Kafka compacted topic",
    .hidden = false,
    .configure = configure,
    .create = table_create,
    .destroy = table_destroy,
    .offer = table_offer_keep_newest,
    .take = table_take,
    .waiting = table_waiting,
    .peek = table_peek,
};
