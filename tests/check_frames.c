/* check_frames.c - how the screen keeps up with the game without flooding
 * the terminal: the frame pacer (src/ui/frame_pacer.c) draws a key's effect
 * at once and the game's motion at FRAME_HZ; the belt layout
 * (src/ui/belt_layout.c) moves every candy in the same frames, so a frame
 * never carries one candy alone. Pure arithmetic: no terminal, no clock. */
#include "../src/ui/belt_layout.h"
#include "../src/ui/frame_pacer.h"
#include "suites.h"

START_TEST(test_key_draws_at_once)
{
    struct frame_pacer p = {0, false, false};
    frame_drawn(&p, 1000);
    ck_assert(!frame_due(&p, 1001));
    p.key = true;
    ck_assert(frame_due(&p, 1001));
    frame_drawn(&p, 1001);
    ck_assert(!p.key && !p.moved);
    ck_assert(!frame_due(&p, 1002));
}
END_TEST

START_TEST(test_motion_waits_for_its_frame)
{
    struct frame_pacer p = {0, false, false};
    frame_drawn(&p, 5000);
    p.moved = true;
    ck_assert(!frame_due(&p, 5000 + FRAME_NS - 1));
    ck_assert(frame_due(&p, 5000 + FRAME_NS));
    /* Nothing moved, nothing to draw, however late. */
    frame_drawn(&p, 5000 + FRAME_NS);
    ck_assert(!frame_due(&p, 5000 + 10 * FRAME_NS));
}
END_TEST

START_TEST(test_the_wait_never_spins_nor_oversleeps)
{
    struct frame_pacer p = {0, false, true};
    frame_drawn(&p, 0);
    int most = (int)(FRAME_NS / 1000000u);
    for (uint64_t now = 0; now <= 2 * FRAME_NS; now += 250000u) {
        int ms = frame_wait_ms(&p, now);
        ck_assert_int_ge(ms, 1);
        ck_assert_int_le(ms, most + 1);
        /* Waking after the wait, the frame is due (or it was already). */
        ck_assert_uint_ge(now + (uint64_t)ms * 1000000u, p.next_ns);
    }
}
END_TEST

/* The loop of shift_loop.c with a pretend clock: the game moves whenever a
 * tick has passed, the loop draws when the pacer says and then sleeps as
 * long as the pacer says. Ten seconds of play draw FRAME_HZ frames a second
 * (the first frame at once), not one frame per tick. */
START_TEST(test_ten_seconds_of_play_draw_frame_hz_frames)
{
    const uint64_t tick_ns = 1000000000u / 60u, end = 10000000000u;
    struct frame_pacer p = {0, true, false};
    uint64_t now = 0, ticks = 0;
    unsigned frames = 0, wakes = 0;
    while (now < end) {
        if (now / tick_ns > ticks) {
            ticks = now / tick_ns;
            p.moved = true;
        }
        if (frame_due(&p, now)) {
            frames++;
            frame_drawn(&p, now);
        }
        now += (uint64_t)frame_wait_ms(&p, now) * 1000000u;
        wakes++;
    }
    ck_assert_uint_ge(frames, 10u * FRAME_HZ - 1u);
    ck_assert_uint_le(frames, 10u * FRAME_HZ + 1u);
    ck_assert_uint_le(wakes, 10u * FRAME_HZ + 1u);
}
END_TEST

START_TEST(test_candy_moves_together)
{
    /* A 4-second belt (240 ticks) drawn 64 cells wide, then 184 (200
     * columns): one candy placed at every odometer reading. */
    const int widths[] = {64, 184};
    const uint32_t length = 240;
    for (int w = 0; w < 2; w++) {
        int cells = widths[w];
        for (uint32_t odo = 1000; odo < 1000 + 4 * length; odo++) {
            int moving = -1; /* -1: not seen yet, else 0 or 1 */
            for (uint32_t placed = odo - length + 1; placed <= odo; placed++) {
                int before = belt_candy_cell(odo, placed, length, cells);
                int after = belt_candy_cell(odo + 1, placed, length, cells);
                if (before == cells - 1)
                    continue; /* at the station: it stays there */
                int moved = after != before;
                if (moving < 0)
                    moving = moved;
                ck_assert_msg(moved == moving, "cells %d: at odometer %u the candy placed at %u "
                              "moved alone", cells, odo, placed);
            }
        }
    }
}
END_TEST

START_TEST(test_candy_rides_from_kitchen_to_station)
{
    const uint32_t length = 240;
    for (int cells = 2; cells <= 300; cells++) {
        int last = 0;
        for (uint32_t placed = 7; placed < 7 + length; placed += 13) {
            ck_assert_int_eq(belt_candy_cell(placed, placed, length, cells), 0);
            ck_assert_int_eq(belt_candy_cell(placed + length, placed, length, cells), cells - 1);
            last = 0;
            for (uint32_t t = 0; t <= 2 * length; t++) {
                int c = belt_candy_cell(placed + t, placed, length, cells);
                ck_assert_int_ge(c, last);
                ck_assert_int_le(c, cells - 1);
                last = c;
            }
        }
    }
    /* Degenerate sizes draw at the start rather than off the belt. */
    ck_assert_int_eq(belt_candy_cell(500, 100, 240, 1), 0);
    ck_assert_int_eq(belt_candy_cell(500, 100, 0, 64), 0);
}
END_TEST

Suite *frames_suite(void)
{
    Suite *s = suite_create("frames");
    TCase *tc = tcase_create("pacer");
    tcase_add_test(tc, test_key_draws_at_once);
    tcase_add_test(tc, test_motion_waits_for_its_frame);
    tcase_add_test(tc, test_the_wait_never_spins_nor_oversleeps);
    tcase_add_test(tc, test_ten_seconds_of_play_draw_frame_hz_frames);
    suite_add_tcase(s, tc);
    tc = tcase_create("belt");
    tcase_add_test(tc, test_candy_moves_together);
    tcase_add_test(tc, test_candy_rides_from_kitchen_to_station);
    suite_add_tcase(s, tc);
    return s;
}
