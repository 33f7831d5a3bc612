/* registry.h - the list of strategies and the parsing of a spec such as
 * "drop:8:oldest" into a strategy and its settings. */
#ifndef CANDYLINE_REGISTRY_H
#define CANDYLINE_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>

#include "../sim/strategy.h"

/* How many strategies plugins may add after the built-ins. */
#define STRATEGY_PLUGIN_SLOTS 4

/* NULL-terminated; the first entry is the default. The built-ins come
 * first, then any strategies registered from plugins. Only
 * strategy_register() writes to it. */
extern const struct strategy_ops *strategy_registry[];

/* The strategy with this exact name, or NULL. */
const struct strategy_ops *strategy_find(const char *name);

/* True if ops was added by strategy_register() (a plugin), not built in. */
bool strategy_is_plugin(const struct strategy_ops *ops);

/* Appends ops after the built-ins. Returns 0, or -1 with a one-line reason
 * in err: its name is taken, or every plugin slot is full. The caller has
 * checked that ops is complete and of this interface version. */
int strategy_register(const struct strategy_ops *ops, char *err, size_t errlen);

/* Parses a spec. Returns 0, or -1 with a one-line reason in err. */
int strategy_parse_spec(const char *spec, uint32_t memory, const struct strategy_ops **ops,
                        struct strategy_config *cfg, char *err, size_t errlen);

#endif
