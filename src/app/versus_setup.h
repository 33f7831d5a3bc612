/* versus_setup.h - --versus SPEC,SPEC: the two shifts' configs, alike in
 * everything but the strategy, checked before the screen starts. */
#ifndef CANDYLINE_VERSUS_SETUP_H
#define CANDYLINE_VERSUS_SETUP_H

#include <stddef.h>

#include "../sim/sim.h"
#include "options.h"

/* Builds cfg[0] and cfg[1] from o->versus. The worker is a bot: --worker,
 * or the scenario's bot rate. Returns 0, or -1 with a message in err
 * ("--versus: ..."). */
int versus_setup(const struct options *o, const struct scenario *sc, struct sim_config cfg[2],
                 char *err, size_t errlen);

#endif
