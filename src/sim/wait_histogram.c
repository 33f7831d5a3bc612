/* wait_histogram.c - log-linear buckets: 64 per power of two above 128. */
#include "wait_histogram.h"

#include <string.h>

void wait_histogram_init(struct wait_histogram *h)
{
    memset(h, 0, sizeof *h);
}

static uint32_t bucket_of(uint32_t v)
{
    if (v < 2u * WAIT_HIST_SUB)
        return v;
    uint32_t shift = 0;
    while ((v >> shift) >= 2u * WAIT_HIST_SUB)
        shift++;
    /* v >> shift is in [64, 128): one of 64 sub-buckets of this octave. */
    return WAIT_HIST_SUB * (shift + 1u) + ((v >> shift) - WAIT_HIST_SUB);
}

static uint32_t bucket_low(uint32_t b)
{
    if (b < 2u * WAIT_HIST_SUB)
        return b;
    uint32_t shift = b / WAIT_HIST_SUB - 1u;
    return (WAIT_HIST_SUB + b % WAIT_HIST_SUB) << shift;
}

void wait_histogram_add(struct wait_histogram *h, uint32_t ticks)
{
    uint32_t b = bucket_of(ticks);
    if (b >= WAIT_HIST_BUCKETS)
        b = WAIT_HIST_BUCKETS - 1u;
    h->bucket[b]++;
    h->count++;
    h->sum += ticks;
    if (ticks > h->max)
        h->max = ticks;
}

uint32_t wait_histogram_quantile(const struct wait_histogram *h, uint32_t permille)
{
    if (h->count == 0)
        return 0;
    /* The smallest value with at least rank candies at or below it. */
    uint64_t rank = (h->count * permille + 999u) / 1000u;
    if (rank < 1)
        rank = 1;
    uint64_t seen = 0;
    for (uint32_t b = 0; b < WAIT_HIST_BUCKETS; b++) {
        seen += h->bucket[b];
        if (seen >= rank) {
            uint32_t lo = bucket_low(b);
            uint32_t hi = b + 1u < WAIT_HIST_BUCKETS ? bucket_low(b + 1u) : lo + 1u;
            uint32_t mid = lo + (hi - lo - 1u) / 2u;
            return mid < h->max ? mid : h->max;
        }
    }
    return h->max;
}
