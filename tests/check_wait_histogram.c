/* check_wait_histogram.c - the log-linear wait histogram: exact below 128
 * ticks, within 1/64 above, and the quantiles of known distributions. */
#include <math.h>
#include <stdlib.h>

#include "../src/sim/rng.h"
#include "../src/sim/wait_histogram.h"
#include "suites.h"

static struct wait_histogram h; /* 14 KB: keep it off the stack */

START_TEST(empty_is_zero)
{
    wait_histogram_init(&h);
    ck_assert_uint_eq(h.count, 0);
    ck_assert_uint_eq(wait_histogram_quantile(&h, 0), 0);
    ck_assert_uint_eq(wait_histogram_quantile(&h, 500), 0);
    ck_assert_uint_eq(wait_histogram_quantile(&h, 1000), 0);
}
END_TEST

START_TEST(count_sum_max)
{
    wait_histogram_init(&h);
    wait_histogram_add(&h, 5);
    wait_histogram_add(&h, 0);
    wait_histogram_add(&h, UINT32_MAX);
    wait_histogram_add(&h, 1000);
    ck_assert_uint_eq(h.count, 4);
    ck_assert_uint_eq(h.sum, 1005ull + UINT32_MAX);
    ck_assert_uint_eq(h.max, UINT32_MAX);
    uint64_t total = 0;
    for (unsigned b = 0; b < WAIT_HIST_BUCKETS; b++)
        total += h.bucket[b];
    ck_assert_uint_eq(total, 4);
}
END_TEST

/* One value v next to a huge one: the 1st percentile is v's bucket. */
static uint32_t alone(uint32_t v)
{
    wait_histogram_init(&h);
    wait_histogram_add(&h, v);
    wait_histogram_add(&h, UINT32_MAX);
    return wait_histogram_quantile(&h, 1);
}

START_TEST(exact_below_128)
{
    for (uint32_t v = 0; v < 128; v++) {
        ck_assert_uint_eq(alone(v), v);
        wait_histogram_init(&h);
        wait_histogram_add(&h, v);
        ck_assert_uint_eq(wait_histogram_quantile(&h, 500), v);
        ck_assert_uint_eq(wait_histogram_quantile(&h, 1000), v);
    }
}
END_TEST

static void check_relative(uint32_t v)
{
    uint32_t q = alone(v);
    double err = fabs((double)q - (double)v);
    ck_assert_msg(err <= v / 64.0, "value %u reported as %u", v, q);
}

START_TEST(within_one_64th_above)
{
    for (uint32_t v = 128; v < 70000; v++)
        check_relative(v);
    for (unsigned k = 8; k < 32; k++) { /* octave edges */
        uint32_t p = 1u << k;
        check_relative(p - 1u);
        check_relative(p);
        check_relative(p + 1u);
    }
    check_relative(UINT32_MAX);
    struct rng r;
    rng_seed(&r, 64u, 64u);
    for (unsigned i = 0; i < 20000; i++) {
        uint32_t v = rng_next(&r) >> rng_below(&r, 24u);
        if (v >= 128)
            check_relative(v);
    }
}
END_TEST

START_TEST(quantiles_of_small_uniform)
{
    /* 0..99 once each: all exact. The p-th per-mille value is the smallest
     * with at least ceil(n p / 1000) values at or below it. */
    wait_histogram_init(&h);
    for (uint32_t v = 0; v < 100; v++)
        wait_histogram_add(&h, v);
    ck_assert_uint_eq(wait_histogram_quantile(&h, 500), 49);
    ck_assert_uint_eq(wait_histogram_quantile(&h, 990), 98);
    ck_assert_uint_eq(wait_histogram_quantile(&h, 1000), 99);
    ck_assert_uint_eq(wait_histogram_quantile(&h, 0), 0);
    ck_assert_uint_eq(wait_histogram_quantile(&h, 10), 0);
    ck_assert_uint_eq(wait_histogram_quantile(&h, 11), 1);
}
END_TEST

START_TEST(quantiles_of_large_uniform)
{
    wait_histogram_init(&h);
    for (uint32_t v = 0; v < 10000; v++)
        wait_histogram_add(&h, v);
    uint32_t p50 = wait_histogram_quantile(&h, 500), p99 = wait_histogram_quantile(&h, 990);
    ck_assert_msg(fabs(p50 - 4999.0) <= 4999.0 / 64, "p50 %u", p50);
    ck_assert_msg(fabs(p99 - 9899.0) <= 9899.0 / 64, "p99 %u", p99);
    ck_assert_uint_eq(wait_histogram_quantile(&h, 1000), 9999); /* clamped to the max */
}
END_TEST

START_TEST(quantiles_with_outliers)
{
    wait_histogram_init(&h);
    for (unsigned i = 0; i < 990; i++)
        wait_histogram_add(&h, 10);
    for (unsigned i = 0; i < 10; i++)
        wait_histogram_add(&h, 1000000);
    ck_assert_uint_eq(wait_histogram_quantile(&h, 500), 10);
    ck_assert_uint_eq(wait_histogram_quantile(&h, 990), 10);
    uint32_t p995 = wait_histogram_quantile(&h, 995);
    ck_assert_msg(fabs(p995 - 1e6) <= 1e6 / 64, "p99.5 %u", p995);
}
END_TEST

/* 10^6 exponential waits with mean 1000 ticks: median 1000 ln 2 = 693.1,
 * p99 1000 ln 100 = 4605.2. Sampling error of a quantile is
 * sqrt(p(1-p)/n) / density: 1.0 tick at p50, 10 ticks at p99; the bucket
 * adds at most 1/64. Tolerance: 1/64 of the value + 5 sampling sd. */
START_TEST(quantiles_of_exponential)
{
    struct rng r;
    rng_seed(&r, 77u, 1u);
    wait_histogram_init(&h);
    for (unsigned i = 0; i < 1000000; i++)
        wait_histogram_add(&h, (uint32_t)(((uint64_t)rng_exp_q16(&r) * 1000u) >> 16));
    double p50 = wait_histogram_quantile(&h, 500), p99 = wait_histogram_quantile(&h, 990);
    double t50 = 1000.0 * log(2.0), t99 = 1000.0 * log(100.0);
    ck_assert_msg(fabs(p50 - t50) <= t50 / 64 + 5.0, "p50 %.0f, theory %.1f", p50, t50);
    ck_assert_msg(fabs(p99 - t99) <= t99 / 64 + 50.0, "p99 %.0f, theory %.1f", p99, t99);
    double mean = (double)h.sum / (double)h.count;
    ck_assert_msg(fabs(mean - 1000.0) < 10.0, "mean %.2f", mean); /* sd of the mean: 1 */
}
END_TEST

Suite *wait_histogram_suite(void)
{
    Suite *s = suite_create("wait_histogram");
    TCase *tc = tcase_create("buckets");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, empty_is_zero);
    tcase_add_test(tc, count_sum_max);
    tcase_add_test(tc, exact_below_128);
    tcase_add_test(tc, within_one_64th_above);
    suite_add_tcase(s, tc);
    tc = tcase_create("quantiles");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, quantiles_of_small_uniform);
    tcase_add_test(tc, quantiles_of_large_uniform);
    tcase_add_test(tc, quantiles_with_outliers);
    tcase_add_test(tc, quantiles_of_exponential);
    suite_add_tcase(s, tc);
    return s;
}
