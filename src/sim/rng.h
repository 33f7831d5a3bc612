/* rng.h - Candyline's own seeded PRNG (PCG32) and integer-only samplers.
 *
 * Every random draw that affects the game goes through here, so a seed and the
 * inputs reproduce a shift exactly on any compiler and optimisation level.
 * There is no floating point: exponential draws come back in Q16 fixed point.
 */
#ifndef CANDYLINE_RNG_H
#define CANDYLINE_RNG_H

#include <stdint.h>

struct rng {
    uint64_t state; /* advances on every draw */
    uint64_t inc;   /* stream selector, always odd */
};

#define RNG_Q16_ONE 65536u

/* Seeds a generator; different stream numbers give independent sequences. */
void rng_seed(struct rng *r, uint64_t seed, uint64_t stream);

/* Next uniformly distributed 32-bit value. */
uint32_t rng_next(struct rng *r);

/* Uniform integer in [0, bound) without modulo bias; bound must be > 0. */
uint32_t rng_below(struct rng *r, uint32_t bound);

/* A draw from the exponential distribution with mean 1, in Q16 fixed point
 * (65536 == 1.0). Capped at about 22.2 (the tail beyond 2^-32 is cut). */
uint32_t rng_exp_q16(struct rng *r);

/* log2(x) in Q16 fixed point, for x >= 1. Exposed for tests. */
uint32_t rng_log2_q16(uint64_t x);

#endif
