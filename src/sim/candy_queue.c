/* candy_queue.c - growable ring buffer of candies (doubles when full). */
#include "candy_queue.h"

#include <stdlib.h>
#include <string.h>

void candy_queue_init(struct candy_queue *q)
{
    memset(q, 0, sizeof *q);
}

void candy_queue_free(struct candy_queue *q)
{
    free(q->items);
    candy_queue_init(q);
}

static int grow(struct candy_queue *q)
{
    uint32_t new_cap = q->cap ? q->cap * 2u : 16u;
    if (new_cap < q->cap)
        return -1;
    struct candy *items = realloc(q->items, (size_t)new_cap * sizeof *items);
    if (!items)
        return -1;
    /* Unwrap: the part that sat before head moves up behind the old end. */
    if (q->head + q->len > q->cap) {
        uint32_t wrapped = q->head + q->len - q->cap;
        memcpy(items + q->cap, items, (size_t)wrapped * sizeof *items);
    }
    q->items = items;
    q->cap = new_cap;
    return 0;
}

int candy_queue_push(struct candy_queue *q, struct candy c)
{
    if (q->len == q->cap && grow(q) < 0)
        return -1;
    q->items[(q->head + q->len) & (q->cap - 1u)] = c;
    q->len++;
    return 0;
}

bool candy_queue_pop(struct candy_queue *q, struct candy *out)
{
    if (q->len == 0)
        return false;
    *out = q->items[q->head];
    q->head = (q->head + 1u) & (q->cap - 1u);
    q->len--;
    return true;
}

bool candy_queue_peek(const struct candy_queue *q, uint32_t i, struct candy *out)
{
    if (i >= q->len)
        return false;
    *out = q->items[(q->head + i) & (q->cap - 1u)];
    return true;
}
