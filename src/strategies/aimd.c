/* aimd.c - "aimd:N[:STEP]": a table of N, and a kitchen whose rate adapts
 * the way TCP's congestion window does. While no candy is lost, the kitchen
 * may send STEP more candies per minute after each trip down the belt
 * (additive increase); when a candy arrives to a full table it is eaten,
 * and the allowed rate halves, at most once a trip (multiplicative
 * decrease). The belt never stops; the rate saws up and down around what
 * the worker can do. */
#include "table.h"

#include <stdio.h>
#include <stdlib.h>

#define USAGE "aimd:N[:STEP]"
#define DEFAULT_STEP 10u
#define MAX_STEP 3000u

struct aimd {
    struct table table;  /* first: the table hooks work on it as is */
    uint32_t step;       /* additive increase, candies per minute per trip */
    uint32_t window;     /* the rate the kitchen may send, per minute */
    bool started;        /* window set from the first rate seen */
    bool congested;      /* a candy was eaten since the last steer() */
    uint64_t next_raise; /* tick of the next additive increase */
    uint64_t calm_until; /* no second halving before this tick */
};

static int configure(const char *args, uint32_t memory, struct strategy_config *cfg, char *err,
                     size_t errlen)
{
    (void)memory;
    const char *rest = table_parse_capacity(args, USAGE, &cfg->capacity, err, errlen);
    if (!rest)
        return -1;
    cfg->variant = DEFAULT_STEP;
    if (*rest == '\0')
        return 0;
    char *end;
    const char *digits = rest + 1;
    unsigned long step = *digits >= '0' && *digits <= '9' ? strtoul(digits, &end, 10) : 0;
    if (step < 1 || step > MAX_STEP || *end != '\0') {
        snprintf(err, errlen, "expected a STEP from 1 to %u candies per minute after the "
                              "capacity, not '%s': " USAGE, MAX_STEP, digits);
        return -1;
    }
    cfg->variant = (uint32_t)step;
    return 0;
}

static void *create(const struct strategy_config *cfg)
{
    struct aimd *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    candy_queue_init(&a->table.queue);
    a->table.cfg = *cfg;
    a->step = cfg->variant ? cfg->variant : DEFAULT_STEP;
    return a;
}

static enum offer_result offer(void *self, struct candy c, struct candy *eaten)
{
    struct aimd *a = self;
    struct table *t = &a->table;
    if (t->queue.len < t->cfg.capacity)
        return candy_queue_push(&t->queue, c) == 0 ? OFFER_QUEUED : OFFER_NO_MEMORY;
    /* A full table: lose the arrival, as a router drops a packet, and let
     * the kitchen hear of it. */
    *eaten = c;
    a->congested = true;
    return OFFER_DROPPED_NEWEST;
}

static void steer(void *self, const struct line_view *line, struct kitchen_signal *out)
{
    struct aimd *a = self;
    uint64_t trip = line->belt_ticks > 60u ? line->belt_ticks : 60u;
    if (!a->started) {
        a->started = true;
        a->window = line->rate ? line->rate : 1u;
        a->next_raise = line->tick + trip;
    }
    if (a->congested) {
        a->congested = false;
        if (line->tick >= a->calm_until) {
            a->window = a->window / 2u ? a->window / 2u : 1u;
            a->calm_until = line->tick + trip;
        }
        a->next_raise = line->tick + trip;
    } else if (line->tick >= a->next_raise) {
        a->window += a->step;
        a->next_raise = line->tick + trip;
    }
    /* The kitchen cannot send faster than it is told to make candy. */
    if (line->rate && a->window > line->rate)
        a->window = line->rate;
    out->rate_limit = a->window;
}

const struct strategy_ops aimd_strategy = {
    .api_version = STRATEGY_API_VERSION,
    .name = "aimd",
    .usage = USAGE,
    .lesson = "An adaptive rate probes up and halves on loss: it finds the worker's pace.",
    .analogues = "TCP congestion control (Reno's AIMD), adaptive bitrate video, "
                 "client-side throttling in Google's SRE book, Netflix concurrency-limits",
    .hidden = false,
    .configure = configure,
    .create = create,
    .destroy = table_destroy,
    .offer = offer,
    .take = table_take,
    .waiting = table_waiting,
    .peek = table_peek,
    .steer = steer,
};
