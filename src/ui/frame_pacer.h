/* frame_pacer.h - how often a running shift is redrawn. The simulation
 * keeps its 60 ticks per second; the screen follows at FRAME_HZ, except
 * that a key's effect is drawn at once. Fewer frames mean fewer bytes to
 * the terminal and fewer wake-ups: a terminal cell only moves a few times a
 * second anyway. */
#ifndef CANDYLINE_FRAME_PACER_H
#define CANDYLINE_FRAME_PACER_H

#include <stdbool.h>
#include <stdint.h>

#define FRAME_HZ 8u
#define FRAME_NS (1000000000ull / FRAME_HZ)
/* A longer gap between wake-ups (suspend, lag) is not played back. */
#define MAX_CATCH_UP_NS (2u * FRAME_NS)

struct frame_pacer {
    uint64_t next_ns; /* the earliest time for the next time-driven frame */
    bool key;         /* a key changed the screen: draw now */
    bool moved;       /* the game moved: draw when the frame is due */
};

/* Whether to draw now. */
bool frame_due(const struct frame_pacer *p, uint64_t now_ns);

/* A frame was drawn at now_ns. */
void frame_drawn(struct frame_pacer *p, uint64_t now_ns);

/* Milliseconds to sleep while the game runs: until the next frame, and at
 * least 1 so that the loop never spins. */
int frame_wait_ms(const struct frame_pacer *p, uint64_t now_ns);

#endif
