/* plugin.h - --strategy-plugin FILE.so: strategies built outside the tree,
 * loaded at start-up and registered after the built-in ones. */
#ifndef CANDYLINE_PLUGIN_H
#define CANDYLINE_PLUGIN_H

#include <stddef.h>

#include "../sim/strategy.h"

/* The symbol a plugin exports: `const struct strategy_ops candyline_strategy`. */
#define PLUGIN_SYMBOL "candyline_strategy"

/* Loads the shared object at path, checks the strategy it exports (its
 * interface version, name and hooks) and registers it. Returns 0, or -1
 * with a one-line reason in err that names the file. */
int plugin_load(const char *path, char *err, size_t errlen);

/* The file a strategy was loaded from, or NULL for a built-in. */
const char *plugin_file(const struct strategy_ops *ops);

#endif
