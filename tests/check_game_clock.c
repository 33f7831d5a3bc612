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

START_TEST(test_a_stop_is_not_play_time)
{
    struct game_clock c;
    game_clock_start(&c, 0);
    game_clock_pass(&c, 0, true, 1);
    game_clock_pass(&c, 100 * MS, true, 1);
    /* Stopped for 10 s, continued: the gap is skipped, not caught up. */
    game_clock_skip(&c, 10100 * MS);
    game_clock_pass(&c, 10100 * MS, true, 1);
    ck_assert_uint_eq(c.game_ns, 100 * MS);
    game_clock_pass(&c, 10150 * MS, true, 4);
    ck_assert_uint_eq(c.game_ns, 300 * MS);
}
END_TEST

START_TEST(test_the_wait_for_a_tick)
{
    struct game_clock c;
    game_clock_start(&c, 0);
    game_clock_pass(&c, 0, true, 1);
    game_clock_pass(&c, 10 * MS, true, 1);
    /* Tick 1 is at 16.67 ms of game time: 7 ms away at x1, 2 ms at x4. */
    ck_assert_int_eq(game_clock_wait_ms(&c, 1, 1), 7);
    ck_assert_int_eq(game_clock_wait_ms(&c, 1, 4), 2);
    ck_assert_int_eq(game_clock_wait_ms(&c, 0, 1), 1); /* already there: never 0 */
    ck_assert_int_le(game_clock_wait_ms(&c, 1000000, 1), 1000);
}
END_TEST

/* Two keys 2 ms apart, as a fast typist or a chord sends them, with the
 * loop sleeping as shift_loop.c does: until the next frame, or while keys
 * wait for the clock, until the next tick. The second key reaches the game
 * within a tick of the first, not a frame (125 ms) later. */
START_TEST(test_a_held_back_key_waits_a_tick_not_a_frame)
{
    struct game_clock c;
    struct frame_pacer p = {0, true, false};
    game_clock_start(&c, 0);
    uint64_t tick = 0, now = 0, first = 0, second = 0;
    int pressed = 0, taken = 0;
    const uint64_t press_at[2] = {500 * MS + 3 * MS, 500 * MS + 5 * MS};
    while (now < 1000 * MS) {
        while (pressed < 2 && press_at[pressed] <= now)
            pressed++;
        game_clock_pass(&c, now, true, 1);
        uint64_t target = game_clock_target(&c, tick, pressed > taken);
        uint64_t before = tick;
        while (tick < target) {
            tick++;
            if (tick == target && pressed > taken) {
                if (taken == 0)
                    first = tick;
                if (pressed == 2)
                    second = tick;
                taken = pressed;
            }
        }
        if (tick != before)
            p.moved = true;
        if (frame_due(&p, now))
            frame_drawn(&p, now);
        int ms = frame_wait_ms(&p, now);
        if (pressed > taken && game_clock_wait_ms(&c, tick, 1) < ms)
            ms = game_clock_wait_ms(&c, tick, 1);
        uint64_t next = now + (uint64_t)ms * MS;
        /* A key wakes the loop at once. */
        if (pressed < 2 && press_at[pressed] < next)
            next = press_at[pressed];
        now = next;
    }
    ck_assert_int_eq(taken, 2);
    ck_assert_uint_gt(first, 0);
    ck_assert_uint_le(second, first + 1u);
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
    tcase_add_test(tc, test_a_stop_is_not_play_time);
    tcase_add_test(tc, test_the_wait_for_a_tick);
    tcase_add_test(tc, test_a_held_back_key_waits_a_tick_not_a_frame);
    suite_add_tcase(s, tc);
    return s;
}
