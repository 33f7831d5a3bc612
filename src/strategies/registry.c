/* registry.c - every strategy the game knows, one line each, and a few
 * empty slots after them for strategies loaded from plugins at start-up.
 *
 * To add a strategy: write src/strategies/NAME.c exporting
 * `const struct strategy_ops NAME_strategy` (start from template.c.example),
 * then add one line `X(NAME) \` to the list below.
 */
#include "registry.h"

#include <stdio.h>
#include <string.h>

/* The built-in strategies in menu order; the first is the default. Each
 * X(NAME) names the NAME_strategy in src/strategies/NAME.c. */
#define BUILTIN_STRATEGIES(X) \
    X(backpressure)           \
    X(unbounded)              \
    X(bounded)                \
    X(drop)                   \
    X(pull)                   \
    X(latest)                 \
    X(aimd)                   \
    /* add yours above this line: X(NAME) \ */

#define DECLARE(name) extern const struct strategy_ops name##_strategy;
#define ENTRY(name) &name##_strategy,
#define COUNT(name) +1

BUILTIN_STRATEGIES(DECLARE)

enum { BUILTIN_COUNT = 0 BUILTIN_STRATEGIES(COUNT) };

/* The built-ins, then STRATEGY_PLUGIN_SLOTS slots that start empty, then
 * the NULL that always ends the list. */
const struct strategy_ops *strategy_registry[BUILTIN_COUNT + STRATEGY_PLUGIN_SLOTS + 1] = {
    BUILTIN_STRATEGIES(ENTRY)
};

const struct strategy_ops *strategy_find(const char *name)
{
    for (size_t i = 0; strategy_registry[i]; i++)
        if (strcmp(strategy_registry[i]->name, name) == 0)
            return strategy_registry[i];
    return NULL;
}

bool strategy_is_plugin(const struct strategy_ops *ops)
{
    for (size_t i = BUILTIN_COUNT; strategy_registry[i]; i++)
        if (strategy_registry[i] == ops)
            return true;
    return false;
}

int strategy_register(const struct strategy_ops *ops, char *err, size_t errlen)
{
    const struct strategy_ops *same = strategy_find(ops->name);
    if (same) {
        snprintf(err, errlen, "there is already a %s strategy named '%s'",
                 strategy_is_plugin(same) ? "plugin" : "built-in", ops->name);
        return -1;
    }
    size_t i = BUILTIN_COUNT;
    while (i < BUILTIN_COUNT + STRATEGY_PLUGIN_SLOTS && strategy_registry[i])
        i++;
    if (i == BUILTIN_COUNT + STRATEGY_PLUGIN_SLOTS) {
        snprintf(err, errlen, "at most %d strategies can be loaded from plugins",
                 STRATEGY_PLUGIN_SLOTS);
        return -1;
    }
    strategy_registry[i] = ops;
    return 0;
}

int strategy_parse_spec(const char *spec, uint32_t memory, const struct strategy_ops **ops,
                        struct strategy_config *cfg, char *err, size_t errlen)
{
    char name[32];
    const char *colon = strchr(spec, ':');
    size_t len = colon ? (size_t)(colon - spec) : strlen(spec);
    if (len == 0 || len >= sizeof name) {
        snprintf(err, errlen, "expected a strategy name such as backpressure:5, not '%s'", spec);
        return -1;
    }
    memcpy(name, spec, len);
    name[len] = '\0';
    const struct strategy_ops *found = strategy_find(name);
    if (!found) {
        snprintf(err, errlen, "unknown strategy '%s' (see --list-strategies)", name);
        return -1;
    }
    if (found->api_version != STRATEGY_API_VERSION) {
        snprintf(err, errlen, "strategy '%s' was written for interface version %u, not %u",
                 name, found->api_version, (unsigned)STRATEGY_API_VERSION);
        return -1;
    }
    char why[160] = "";
    memset(cfg, 0, sizeof *cfg);
    if (found->configure(colon ? colon + 1 : NULL, memory, cfg, why, sizeof why) < 0) {
        why[sizeof why - 1] = '\0'; /* a plugin may not have ended it */
        snprintf(err, errlen, "strategy '%s' %s", name,
                 why[0] ? why : "refused these settings (its configure() said no more)");
        return -1;
    }
    *ops = found;
    return 0;
}
