/* table.h - the FIFO buffer most strategies keep their waiting candy in,
 * with the hooks they share (take, waiting, peek, destroy) and the parsing
 * of the capacity in a spec such as "bounded:5". */
#ifndef CANDYLINE_TABLE_H
#define CANDYLINE_TABLE_H

#include "../sim/candy_queue.h"
#include "../sim/strategy.h"

struct table {
    struct candy_queue queue; /* waiting candy, oldest first */
    struct strategy_config cfg; /* capacity and variant */
};

void *table_create(const struct strategy_config *cfg);
void table_destroy(void *self);
bool table_take(void *self, struct candy *out);
uint32_t table_waiting(const void *self);
bool table_peek(const void *self, uint32_t i, struct candy *out);

/* offer() that keeps the newest: while there is room the candy waits; on a
 * full table the candy that waited longest is eaten and the arrival takes
 * its place ("drop:N:oldest", and "latest" with one place). */
enum offer_result table_offer_keep_newest(void *self, struct candy c, struct candy *eaten);

/* Parses N at the start of args into *n (1 to STRATEGY_MAX_CAPACITY) and
 * returns a pointer just past it (at '\0' or ':'), or NULL with a reason in
 * err naming the strategy's usage. */
const char *table_parse_capacity(const char *args, const char *usage, uint32_t *n, char *err,
                                 size_t errlen);

/* configure() for strategies whose whole setting is "N": parses it into
 * cfg->capacity, or fails naming usage. */
int table_configure_capacity(const char *args, const char *usage, struct strategy_config *cfg,
                             char *err, size_t errlen);

/* configure() for strategies that take no settings and keep a table of a
 * fixed size: "pull", "latest". */
int table_configure_fixed(const char *args, const char *usage, uint32_t capacity,
                          struct strategy_config *cfg, char *err, size_t errlen);

#endif
