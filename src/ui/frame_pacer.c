/* frame_pacer.c - when a running shift is redrawn (see frame_pacer.h). */
#include "frame_pacer.h"

bool frame_due(const struct frame_pacer *p, uint64_t now_ns)
{
    return p->key || (p->moved && now_ns >= p->next_ns);
}

void frame_drawn(struct frame_pacer *p, uint64_t now_ns)
{
    p->key = false;
    p->moved = false;
    p->next_ns = now_ns + FRAME_NS;
}

int frame_wait_ms(const struct frame_pacer *p, uint64_t now_ns)
{
    uint64_t left = p->next_ns > now_ns ? p->next_ns - now_ns : 0;
    return (int)((left + 999999u) / 1000000u) + (left == 0);
}
