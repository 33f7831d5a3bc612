/* candy.h - one candy as the simulation tracks it while it waits. */
#ifndef CANDYLINE_CANDY_H
#define CANDYLINE_CANDY_H

#include <stdint.h>

/* Eight bytes, so ten million waiting candies fit in 80 MB. */
struct candy {
    uint32_t id;   /* serial number, from 0, in the order the kitchen made them */
    uint32_t tick; /* the tick it was offered at the station */
};

_Static_assert(sizeof(struct candy) == 8, "a waiting candy must stay 8 bytes");

#endif
