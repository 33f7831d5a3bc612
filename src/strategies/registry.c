/* registry.c - every strategy the game knows, one line each.
 *
 * To add a strategy: write src/strategies/NAME.c exporting
 * `const struct strategy_ops NAME_strategy`, then add one line below.
 */
#include "registry.h"

#include <stdio.h>
#include <string.h>

extern const struct strategy_ops backpressure_strategy;
extern const struct strategy_ops bounded_strategy;
extern const struct strategy_ops drop_strategy;
extern const struct strategy_ops unbounded_strategy;
extern const struct strategy_ops pull_strategy;
extern const struct strategy_ops latest_strategy;
extern const struct strategy_ops aimd_strategy;

const struct strategy_ops *const strategy_registry[] = {
    &backpressure_strategy,
    &unbounded_strategy,
    &bounded_strategy,
    &drop_strategy,
    &pull_strategy,
    &latest_strategy,
    &aimd_strategy,
    NULL,
};

const struct strategy_ops *strategy_find(const char *name)
{
    for (size_t i = 0; strategy_registry[i]; i++)
        if (strcmp(strategy_registry[i]->name, name) == 0)
            return strategy_registry[i];
    return NULL;
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
                 name, found->api_version, STRATEGY_API_VERSION);
        return -1;
    }
    char why[160];
    memset(cfg, 0, sizeof *cfg);
    if (found->configure(colon ? colon + 1 : NULL, memory, cfg, why, sizeof why) < 0) {
        snprintf(err, errlen, "strategy '%s' %s", name, why);
        return -1;
    }
    *ops = found;
    return 0;
}
