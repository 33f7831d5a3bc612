/* game_clock.c - wall time into game time for the screen loops (see
 * game_clock.h). */
#include "game_clock.h"

void game_clock_start(struct game_clock *c, uint64_t now_ns)
{
    c->game_ns = 0;
    c->last_ns = now_ns;
    c->running = false;
}

void game_clock_pass(struct game_clock *c, uint64_t now_ns, bool running, unsigned speed)
{
    uint64_t dt = now_ns > c->last_ns ? now_ns - c->last_ns : 0;
    if (running && c->running)
        c->game_ns += (dt < MAX_CATCH_UP_NS ? dt : MAX_CATCH_UP_NS) * speed;
    c->last_ns = now_ns;
    c->running = running;
}

uint64_t game_clock_target(const struct game_clock *c, uint64_t tick, bool keys)
{
    uint64_t due = c->game_ns / TICK_NS;
    if (keys && tick == due)
        return tick + 1u;
    return due;
}

void game_clock_follow(struct game_clock *c, uint64_t tick)
{
    c->game_ns = tick * TICK_NS;
}

void game_clock_skip(struct game_clock *c, uint64_t now_ns)
{
    c->last_ns = now_ns;
}

int game_clock_wait_ms(const struct game_clock *c, uint64_t tick, unsigned speed)
{
    uint64_t at = tick * TICK_NS;
    uint64_t per = speed ? speed : 1u;
    uint64_t left = at > c->game_ns ? (at - c->game_ns + per - 1u) / per : 0;
    uint64_t ms = (left + 999999u) / 1000000u;
    return ms < 1u ? 1 : ms > 1000u ? 1000 : (int)ms;
}
