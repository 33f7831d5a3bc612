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
