/* check_game_clock.c - wall time into game time (src/ui/game_clock.c):
 * a shift resumes where it stopped, a suspended process does not come back
 * to a rush of ticks, and keys show at once without ever running the game
 * ahead of the clock. Pure arithmetic with a pretend clock. */
#include "../src/ui/game_clock.h"
#include "suites.h"

#define MS 1000000ull

START_TEST(test_time_counts_only_while_running)
{
    struct game_clock c;
    game_clock_start(&c, 5000 * MS);
    game_clock_pass(&c, 5000 * MS, true, 1);
    game_clock_pass(&c, 5100 * MS, true, 1);
    ck_assert_uint_eq(c.game_ns, 100 * MS);
    game_clock_pass(&c, 5150 * MS, false, 1); /* paused: nothing */
    ck_assert_uint_eq(c.game_ns, 100 * MS);
    /* Resumed after 20 s: the resuming pass adds nothing, not the 20 s
     * nor a catch-up's worth of them. */
    game_clock_pass(&c, 25150 * MS, true, 1);
    ck_assert_uint_eq(c.game_ns, 100 * MS);
    game_clock_pass(&c, 25250 * MS, true, 1);
    ck_assert_uint_eq(c.game_ns, 200 * MS);
    /* The same at speed 8, through the help page. */
    game_clock_pass(&c, 25300 * MS, false, 8);
    game_clock_pass(&c, 26300 * MS, true, 8);
    ck_assert_uint_eq(c.game_ns, 200 * MS);
    game_clock_pass(&c, 26400 * MS, true, 8);
    ck_assert_uint_eq(c.game_ns, 1000 * MS);
}
END_TEST

START_TEST(test_a_long_gap_while_running_is_not_played_back)
{
    struct game_clock c;
    game_clock_start(&c, 0);
    game_clock_pass(&c, 0, true, 1);
    game_clock_pass(&c, 60000 * MS, true, 1); /* suspended for a minute */
    ck_assert_uint_eq(c.game_ns, MAX_CATCH_UP_NS);
    game_clock_pass(&c, 60000 * MS - 1, true, 1); /* a clock going back */
    ck_assert_uint_eq(c.game_ns, MAX_CATCH_UP_NS);
}
END_TEST

START_TEST(test_a_key_lands_on_the_next_tick_at_once)
{
    struct game_clock c;
    game_clock_start(&c, 0);
    game_clock_pass(&c, 0, true, 1);
    game_clock_pass(&c, TICK_NS + TICK_NS / 2, true, 1);
    ck_assert_uint_eq(game_clock_target(&c, 0, false), 1);
    ck_assert_uint_eq(game_clock_target(&c, 0, true), 1);
    /* Tick 1 has run; a key halfway to tick 2 does not wait for it. */
    ck_assert_uint_eq(game_clock_target(&c, 1, false), 1);
    ck_assert_uint_eq(game_clock_target(&c, 1, true), 2);
    /* Already a tick ahead: the key waits for the clock. */
    ck_assert_uint_eq(game_clock_target(&c, 2, true), 1);
}
END_TEST

/* The loop of shift_loop.c with a key every millisecond for a second (a
 * held key, a pasted line): the game never gets more than one tick ahead
 * of the clock, so it never freezes waiting for the clock to catch up, and
 * every key reaches the game within a tick. */
START_TEST(test_fast_keys_never_run_the_game_ahead)
{
    struct game_clock c;
    game_clock_start(&c, 0);
    uint64_t tick = 0, pressed = 0, taken = 0;
    uint64_t now = 0;
    for (; now <= 2000 * MS; now += MS) {
        if (now < 1000 * MS)
            pressed++;
        game_clock_pass(&c, now, true, 1);
        uint64_t target = game_clock_target(&c, tick, pressed > taken);
        while (tick < target) {
            tick++;
            if (tick == target)
                taken = pressed;
        }
        ck_assert_uint_le(tick, c.game_ns / TICK_NS + 1u);
        ck_assert_uint_ge(tick, c.game_ns / TICK_NS);
        if (now > 1000 * MS + TICK_NS)
            ck_assert_uint_eq(taken, pressed);
    }
    ck_assert_uint_eq(pressed, 1000u);
    ck_assert_uint_eq(taken, pressed);
    ck_assert_uint_eq(tick, c.game_ns / TICK_NS);
}
END_TEST

Suite *game_clock_suite(void)
{
    Suite *s = suite_create("game_clock");
    TCase *tc = tcase_create("clock");
    tcase_add_test(tc, test_time_counts_only_while_running);
    tcase_add_test(tc, test_a_long_gap_while_running_is_not_played_back);
    tcase_add_test(tc, test_a_key_lands_on_the_next_tick_at_once);
    tcase_add_test(tc, test_fast_keys_never_run_the_game_ahead);
    suite_add_tcase(s, tc);
    return s;
}
