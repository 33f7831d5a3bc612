/* check_candy_queue.c - the growable FIFO ring the strategies keep candy
 * in: order across growth and wrap-around, peek, pop on empty. */
#include <stdlib.h>

#include "../src/sim/candy_queue.h"
#include "../src/sim/rng.h"
#include "suites.h"

static struct candy mk(uint32_t id)
{
    struct candy c = {id, id * 3u + 1u};
    return c;
}

START_TEST(empty_queue)
{
    struct candy_queue q;
    struct candy c = {77u, 77u};
    candy_queue_init(&q);
    ck_assert_uint_eq(q.len, 0);
    ck_assert(!candy_queue_pop(&q, &c));
    ck_assert(!candy_queue_peek(&q, 0, &c));
    ck_assert_uint_eq(c.id, 77u); /* untouched */
    candy_queue_free(&q);
    candy_queue_free(&q); /* freeing twice is harmless: free leaves it empty */
}
END_TEST

START_TEST(fifo_across_growth)
{
    struct candy_queue q;
    struct candy c;
    candy_queue_init(&q);
    for (uint32_t i = 0; i < 1000; i++)
        ck_assert_int_eq(candy_queue_push(&q, mk(i)), 0);
    ck_assert_uint_eq(q.len, 1000);
    ck_assert_uint_ge(q.cap, 1000);
    ck_assert_uint_eq(q.cap & (q.cap - 1u), 0); /* a power of two */
    for (uint32_t i = 0; i < 1000; i++) {
        ck_assert(candy_queue_peek(&q, 0, &c));
        ck_assert_uint_eq(c.id, i);
        ck_assert(candy_queue_pop(&q, &c));
        ck_assert_uint_eq(c.id, i);
        ck_assert_uint_eq(c.tick, i * 3u + 1u);
    }
    ck_assert(!candy_queue_pop(&q, &c));
    candy_queue_free(&q);
}
END_TEST

/* Wrap the ring (head past the middle), then make it grow while wrapped:
 * the part before head must move so the order survives. */
START_TEST(growth_while_wrapped)
{
    struct candy_queue q;
    struct candy c;
    uint32_t next_in = 0, next_out = 0;
    candy_queue_init(&q);
    for (; next_in < 16; next_in++)
        ck_assert_int_eq(candy_queue_push(&q, mk(next_in)), 0);
    ck_assert_uint_eq(q.cap, 16);
    for (; next_out < 11; next_out++) {
        ck_assert(candy_queue_pop(&q, &c));
        ck_assert_uint_eq(c.id, next_out);
    }
    for (; next_in < 27; next_in++) /* fills to 16 again, wrapped: head 11 */
        ck_assert_int_eq(candy_queue_push(&q, mk(next_in)), 0);
    ck_assert_uint_eq(q.cap, 16);
    ck_assert_uint_eq(q.head, 11);
    ck_assert_int_eq(candy_queue_push(&q, mk(next_in++)), 0); /* grows while wrapped */
    ck_assert_uint_eq(q.cap, 32);
    for (uint32_t i = 0; i < q.len; i++) {
        ck_assert(candy_queue_peek(&q, i, &c));
        ck_assert_uint_eq(c.id, next_out + i);
    }
    ck_assert(!candy_queue_peek(&q, q.len, &c));
    for (; next_out < next_in; next_out++) {
        ck_assert(candy_queue_pop(&q, &c));
        ck_assert_uint_eq(c.id, next_out);
        ck_assert_uint_eq(c.tick, next_out * 3u + 1u);
    }
    ck_assert_uint_eq(q.len, 0);
    candy_queue_free(&q);
}
END_TEST

/* A long random mix of pushes and pops against a plain array model. */
START_TEST(random_against_model)
{
    struct candy_queue q;
    struct candy c;
    struct rng r;
    const uint32_t steps = 300000;
    uint32_t *model = malloc(steps * sizeof *model);
    uint32_t lo = 0, hi = 0, next = 0;
    ck_assert_ptr_nonnull(model);
    candy_queue_init(&q);
    rng_seed(&r, 4u, 4u);
    for (uint32_t step = 0; step < steps; step++) {
        /* Drift: grow for a while, then shrink, so it wraps at many sizes. */
        uint32_t push_pct = (step / 20000u) % 2u ? 40u : 60u;
        if (rng_below(&r, 100u) < push_pct) {
            ck_assert_int_eq(candy_queue_push(&q, mk(next)), 0);
            model[hi++] = next++;
        } else if (lo < hi) {
            ck_assert(candy_queue_pop(&q, &c));
            ck_assert_uint_eq(c.id, model[lo++]);
        } else {
            ck_assert(!candy_queue_pop(&q, &c));
        }
        ck_assert_uint_eq(q.len, hi - lo);
        if (step % 997u == 0 && lo < hi) {
            uint32_t i = rng_below(&r, hi - lo);
            ck_assert(candy_queue_peek(&q, i, &c));
            ck_assert_uint_eq(c.id, model[lo + i]);
            ck_assert(!candy_queue_peek(&q, hi - lo, &c));
        }
    }
    candy_queue_free(&q);
    free(model);
}
END_TEST

Suite *candy_queue_suite(void)
{
    Suite *s = suite_create("candy_queue");
    TCase *tc = tcase_create("fifo");
    tcase_add_test(tc, empty_queue);
    tcase_add_test(tc, fifo_across_growth);
    tcase_add_test(tc, growth_while_wrapped);
    tcase_add_test(tc, random_against_model);
    suite_add_tcase(s, tc);
    return s;
}
