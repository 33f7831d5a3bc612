/* check_rng.c - the PRNG (PCG32) and its integer-only samplers: sequences
 * that must never change (replays depend on them), ranges, uniformity,
 * the fixed-point log2 and the exponential sampler's moments. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "../src/sim/rng.h"
#include "suites.h"

#define LN2_Q16 45426u /* as in rng.c: the exponential's cap is 32 * ln 2 */

/* pcg32_srandom_r(42, 54) from the PCG reference implementation (pcg32-demo):
 * an outside vector, so this checks the algorithm, not just stability. */
START_TEST(pcg32_reference_vector)
{
    static const uint32_t want[] = {0xa15c02b7u, 0x7b47f409u, 0xba1d3330u,
                                    0x83d2f293u, 0xbfa4784bu, 0xcbed606eu};
    struct rng r;
    rng_seed(&r, 42u, 54u);
    for (unsigned i = 0; i < sizeof want / sizeof want[0]; i++)
        ck_assert_msg(rng_next(&r) == want[i], "output %u differs from the PCG32 reference", i);
}
END_TEST

/* The game's gameplay stream for seed 1 (the default): pinned once, so a
 * change here (which would break every recorded replay) is noticed. */
START_TEST(game_stream_pinned)
{
    static const uint32_t play[] = {0xc9828f91u, 0x1592e274u, 0xc0262657u, 0xa5c2b6d3u};
    static const uint32_t zero[] = {0xe4c14788u, 0x379c6516u, 0x5c4ab3bbu, 0x601d23e0u};
    struct rng r;
    rng_seed(&r, 1u, 1u);
    for (unsigned i = 0; i < 4; i++)
        ck_assert_uint_eq(rng_next(&r), play[i]);
    rng_seed(&r, 0u, 0u);
    for (unsigned i = 0; i < 4; i++)
        ck_assert_uint_eq(rng_next(&r), zero[i]);
}
END_TEST

START_TEST(seeds_and_streams)
{
    struct rng a, b, c, d;
    rng_seed(&a, 7u, 1u);
    rng_seed(&b, 7u, 1u);
    rng_seed(&c, 7u, 2u);
    rng_seed(&d, 8u, 1u);
    unsigned same_c = 0, same_d = 0;
    for (unsigned i = 0; i < 1000; i++) {
        uint32_t x = rng_next(&a);
        ck_assert_uint_eq(x, rng_next(&b));
        same_c += x == rng_next(&c);
        same_d += x == rng_next(&d);
    }
    /* Independent 32-bit streams agree about 1000 / 2^32 times: never, here. */
    ck_assert_uint_le(same_c, 1);
    ck_assert_uint_le(same_d, 1);
    ck_assert(a.inc & 1u);
    ck_assert(c.inc & 1u);
}
END_TEST

START_TEST(below_in_range)
{
    static const uint32_t bounds[] = {1u, 2u, 3u, 7u, 10u, 1000u, 0x80000001u, 0xfffffffbu,
                                      UINT32_MAX};
    struct rng r;
    rng_seed(&r, 99u, 5u);
    for (unsigned b = 0; b < sizeof bounds / sizeof bounds[0]; b++) {
        uint32_t max = 0;
        for (unsigned i = 0; i < 20000; i++) {
            uint32_t x = rng_below(&r, bounds[b]);
            ck_assert_uint_lt(x, bounds[b]);
            if (x > max)
                max = x;
        }
        if (bounds[b] == 1u)
            ck_assert_uint_eq(max, 0);
        if (bounds[b] == 2u)
            ck_assert_uint_eq(max, 1);
    }
}
END_TEST

/* Pearson chi-square over n equally likely cells. */
static double chi_square(const uint64_t *counts, unsigned cells, uint64_t draws)
{
    double expect = (double)draws / cells, chi = 0.0;
    for (unsigned i = 0; i < cells; i++) {
        double d = (double)counts[i] - expect;
        chi += d * d / expect;
    }
    return chi;
}

/* 10^6 draws over 10 cells: chi-square has 9 degrees of freedom (mean 9,
 * sd 4.2); P(chi2 > 40) is about 5e-6, so 40 only trips on a real bias
 * (a 1% bias in one cell already adds about 100). */
START_TEST(below_uniform)
{
    uint64_t counts[10] = {0};
    struct rng r;
    rng_seed(&r, 2024u, 3u);
    const uint64_t n = 1000000;
    for (uint64_t i = 0; i < n; i++)
        counts[rng_below(&r, 10u)]++;
    double chi = chi_square(counts, 10, n);
    ck_assert_msg(chi < 40.0, "chi-square %.1f over 10 cells", chi);
}
END_TEST

/* bound = 3 * 2^30: 2^32 mod bound = 2^30, so a plain x % bound would put
 * half the draws in the lowest third. Three cells, 2 degrees of freedom:
 * P(chi2 > 30) is 3e-7; plain modulo would score about 75000. */
START_TEST(below_has_no_modulo_bias)
{
    uint64_t counts[3] = {0};
    struct rng r;
    rng_seed(&r, 5u, 11u);
    const uint32_t bound = 3u << 30;
    const uint64_t n = 300000;
    for (uint64_t i = 0; i < n; i++)
        counts[rng_below(&r, bound) >> 30]++;
    double chi = chi_square(counts, 3, n);
    ck_assert_msg(chi < 30.0, "chi-square %.1f: thirds %llu %llu %llu", chi,
                  (unsigned long long)counts[0], (unsigned long long)counts[1],
                  (unsigned long long)counts[2]);
}
END_TEST

START_TEST(log2_exact_at_powers_of_two)
{
    for (unsigned k = 0; k < 64; k++)
        ck_assert_msg(rng_log2_q16(1ull << k) == (uint32_t)k << 16, "log2(2^%u)", k);
}
END_TEST

/* Within 2/65536 of the true log2 (it truncates, so it is at most about
 * one unit low), over small numbers, every octave and random 64-bit ones. */
START_TEST(log2_accuracy)
{
    /* Known values: log2 3 = 1.5849625, log2 10 = 3.3219281, log2 1e9+7. */
    ck_assert_int_le(llabs((long long)rng_log2_q16(3u) - 103872), 2);
    ck_assert_int_le(llabs((long long)rng_log2_q16(10u) - 217706), 2);
    ck_assert_int_le(llabs((long long)rng_log2_q16(1000000007u) - 1959353), 2);
    /* log2(2^64 - 1) is a hair under 64. */
    ck_assert_uint_le(rng_log2_q16(UINT64_MAX), (64u << 16) - 1u);
    ck_assert_uint_ge(rng_log2_q16(UINT64_MAX), (64u << 16) - 2u);

    double worst = 0.0;
    uint32_t prev = 0;
    for (uint64_t x = 1; x <= (1u << 20); x++) {
        uint32_t got = rng_log2_q16(x);
        double err = fabs((double)got - log2((double)x) * 65536.0);
        if (err > worst)
            worst = err;
        ck_assert_uint_ge(got, prev); /* monotonic */
        prev = got;
    }
    struct rng r;
    rng_seed(&r, 31u, 7u);
    for (unsigned i = 0; i < 200000; i++) {
        uint64_t x = ((uint64_t)rng_next(&r) << 32 | rng_next(&r)) >> rng_below(&r, 64u);
        if (x == 0 || x > (1ull << 53))
            continue; /* double holds x exactly only up to 2^53 */
        double err = fabs((double)rng_log2_q16(x) - log2((double)x) * 65536.0);
        if (err > worst)
            worst = err;
    }
    ck_assert_msg(worst <= 2.0, "worst log2 error %.3f / 65536", worst);
}
END_TEST

/* 10^6 draws of Exp(1): the sample mean has standard error 0.001, so 1%
 * is 10 sigma; the sample variance has standard error sqrt((9-1)/n) =
 * 0.0028, so 2% is 7 sigma. P(X > 1) = 1/e with standard error 0.0005.
 * The Q16 sampler's truncations bias the mean by well under 1e-4. */
START_TEST(exp_moments)
{
    struct rng r;
    rng_seed(&r, 12345u, 9u);
    const unsigned n = 1000000;
    double sum = 0.0, sumsq = 0.0;
    unsigned above_one = 0;
    uint32_t max = 0;
    for (unsigned i = 0; i < n; i++) {
        uint32_t q = rng_exp_q16(&r);
        double x = q / 65536.0;
        sum += x;
        sumsq += x * x;
        above_one += q > RNG_Q16_ONE;
        if (q > max)
            max = q;
    }
    double mean = sum / n, var = sumsq / n - mean * mean;
    ck_assert_msg(fabs(mean - 1.0) < 0.01, "mean %.5f", mean);
    ck_assert_msg(fabs(var - 1.0) < 0.02, "variance %.5f", var);
    ck_assert_msg(fabs((double)above_one / n - exp(-1.0)) < 0.003, "P(X>1) %.5f",
                  (double)above_one / n);
    ck_assert_uint_le(max, 32u * LN2_Q16); /* the documented cap, about 22.2 */
    ck_assert_uint_gt(max, 10u * RNG_Q16_ONE); /* but the tail is there: P(X>10)*n = 45 */
}
END_TEST

Suite *rng_suite(void)
{
    Suite *s = suite_create("rng");
    TCase *tc = tcase_create("pcg32");
    tcase_add_test(tc, pcg32_reference_vector);
    tcase_add_test(tc, game_stream_pinned);
    tcase_add_test(tc, seeds_and_streams);
    suite_add_tcase(s, tc);
    tc = tcase_create("below");
    tcase_add_test(tc, below_in_range);
    tcase_add_test(tc, below_uniform);
    tcase_add_test(tc, below_has_no_modulo_bias);
    suite_add_tcase(s, tc);
    tc = tcase_create("fixed_point");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, log2_exact_at_powers_of_two);
    tcase_add_test(tc, log2_accuracy);
    tcase_add_test(tc, exp_moments);
    suite_add_tcase(s, tc);
    return s;
}
