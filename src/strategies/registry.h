/* registry.h - the list of strategies and the parsing of a spec such as
 * "drop:8:oldest" into a strategy and its settings. */
#ifndef CANDYLINE_REGISTRY_H
#define CANDYLINE_REGISTRY_H

#include <stddef.h>

#include "../sim/strategy.h"

/* NULL-terminated; the first entry is the default. */
extern const struct strategy_ops *const strategy_registry[];

/* The strategy with this exact name, or NULL. */
const struct strategy_ops *strategy_find(const char *name);

/* Parses a spec. Returns 0, or -1 with a one-line reason in err. */
int strategy_parse_spec(const char *spec, uint32_t memory, const struct strategy_ops **ops,
                        struct strategy_config *cfg, char *err, size_t errlen);

#endif
