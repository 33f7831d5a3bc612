/* candy_queue.h - a growable FIFO ring of candies, the storage strategies use
 * for their tables and hats. */
#ifndef CANDYLINE_CANDY_QUEUE_H
#define CANDYLINE_CANDY_QUEUE_H

#include <stdbool.h>
#include <stdint.h>

#include "candy.h"

struct candy_queue {
    struct candy *items; /* ring storage, capacity is a power of two */
    uint32_t cap;        /* allocated slots (0 before the first push) */
    uint32_t head;       /* index of the oldest candy */
    uint32_t len;        /* candies stored */
};

/* Starts empty; allocates nothing until the first push. */
void candy_queue_init(struct candy_queue *q);
void candy_queue_free(struct candy_queue *q);

/* Appends at the back. Returns 0, or -1 if memory ran out (queue unchanged). */
int candy_queue_push(struct candy_queue *q, struct candy c);

/* Removes the oldest into *out. Returns false if empty. */
bool candy_queue_pop(struct candy_queue *q, struct candy *out);

/* Copies the i-th oldest (0 = oldest) into *out. Returns false if out of range. */
bool candy_queue_peek(const struct candy_queue *q, uint32_t i, struct candy *out);

#endif
