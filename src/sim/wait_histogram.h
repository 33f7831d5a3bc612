/* wait_histogram.h - fixed-size log-linear histogram of waits in ticks.
 *
 * Exact below 128 ticks, then within 1/64 (1.6%) of the true value; the
 * memory is the same whether one candy waited or a billion did.
 */
#ifndef CANDYLINE_WAIT_HISTOGRAM_H
#define CANDYLINE_WAIT_HISTOGRAM_H

#include <stdint.h>

#define WAIT_HIST_SUB 64u
#define WAIT_HIST_BUCKETS (WAIT_HIST_SUB * 28u)

struct wait_histogram {
    uint64_t count;                     /* values recorded */
    uint64_t sum;                       /* their total, for the mean */
    uint32_t max;                       /* the largest recorded */
    uint64_t bucket[WAIT_HIST_BUCKETS]; /* counts per bucket */
};

void wait_histogram_init(struct wait_histogram *h);
void wait_histogram_add(struct wait_histogram *h, uint32_t ticks);

/* The value at the given per-mille rank (500 = median, 990 = p99): the
 * midpoint of the bucket holding it. 0 when empty. */
uint32_t wait_histogram_quantile(const struct wait_histogram *h, uint32_t permille);

#endif
