/* fuzz_scenario.c - fuzz target: the scenario parser (scenario_parse in
 * src/app/scenario_parse.c) on arbitrary text; a scenario it accepts must
 * hash, and must run: ten seconds of a shift with a bot worker. */
#include <stdlib.h>
#include <string.h>

#include "../../src/app/options.h"
#include "../../src/app/scenario_parse.h"
#include "../../src/app/shift.h"
#include "fuzz.h"

int fuzz_target(const uint8_t *data, size_t size, char *err, size_t errlen)
{
    struct scenario sc;
    if (scenario_parse((const char *)data, size, "fuzz.scn", &sc, err, errlen) < 0)
        return -1;
    (void)scenario_hash(&sc);
    (void)scenario_rate_at(&sc, (uint64_t)sc.minutes * 60u * TICK_HZ);
    struct options o;
    memset(&o, 0, sizeof o);
    o.seed = DEFAULT_SEED;
    /* Byte 0 picks the strategy, so the supervisor sees tables and hats. */
    const char *spec = size && (data[0] & 1u) ? "unbounded" : "backpressure:5";
    struct sim_config cfg;
    if (shift_config(&o, &sc, spec, false, &cfg, err, errlen) < 0)
        return -1;
    struct sim *s = malloc(sizeof *s);
    if (!s || sim_init(s, &cfg) < 0)
        abort();
    for (int t = 0; t < 10 * (int)TICK_HZ && s->outcome == OUTCOME_RUNNING; t++) {
        sim_step(s, NULL);
        if (!sim_conserved(s))
            abort();
    }
    sim_free(s);
    free(s);
    return 0;
}
