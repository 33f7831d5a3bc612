/* rng.c - PCG32 (O'Neill's permuted congruential generator) and samplers
 * built on integer arithmetic only. */
#include "rng.h"

#define PCG_MULT 6364136223846793005ull
#define LN2_Q16 45426u /* ln(2) * 65536, rounded */

void rng_seed(struct rng *r, uint64_t seed, uint64_t stream)
{
    r->state = 0;
    r->inc = (stream << 1) | 1u;
    (void)rng_next(r);
    r->state += seed;
    (void)rng_next(r);
}

uint32_t rng_next(struct rng *r)
{
    uint64_t old = r->state;
    r->state = old * PCG_MULT + r->inc;
    uint32_t xorshifted = (uint32_t)(((old >> 18) ^ old) >> 27);
    uint32_t rot = (uint32_t)(old >> 59);
    return (xorshifted >> rot) | (xorshifted << ((32u - rot) & 31u));
}

uint32_t rng_below(struct rng *r, uint32_t bound)
{
    /* Reject the low values that would make some results more likely. */
    uint32_t threshold = (uint32_t)(0u - bound) % bound;
    for (;;) {
        uint32_t x = rng_next(r);
        if (x >= threshold)
            return x % bound;
    }
}

static int top_bit(uint64_t x)
{
    int n = 0;
    while (x >>= 1)
        n++;
    return n;
}

uint32_t rng_log2_q16(uint64_t x)
{
    if (x == 0)
        return 0;
    int msb = top_bit(x);
    uint32_t result = (uint32_t)msb << 16;
    /* Mantissa in [1, 2) as Q31, then one fraction bit per squaring. */
    uint64_t m = msb > 31 ? x >> (msb - 31) : x << (31 - msb);
    for (int bit = 15; bit >= 0; bit--) {
        m = (m * m) >> 31;
        if (m >= (1ull << 32)) {
            m >>= 1;
            result |= 1u << bit;
        }
    }
    return result;
}

uint32_t rng_exp_q16(struct rng *r)
{
    /* U in (0, 1] is (x + 1) / 2^32, and -ln U = (32 - log2(x + 1)) * ln 2. */
    uint64_t x = (uint64_t)rng_next(r) + 1u;
    uint64_t neg_log2 = (32ull << 16) - rng_log2_q16(x);
    return (uint32_t)((neg_log2 * LN2_Q16) >> 16);
}
