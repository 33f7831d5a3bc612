/* versus_setup.c - the two configs of a --versus run (see versus_setup.h). */
#include "versus_setup.h"

#include <stdio.h>
#include <string.h>

#include "shift.h"

int versus_setup(const struct options *o, const struct scenario *sc, struct sim_config cfg[2],
                 char *err, size_t errlen)
{
    char spec[2][64], why[300];
    if (!o->versus || versus_split(o->versus, spec[0], spec[1], sizeof spec[0], why,
                                   sizeof why) < 0) {
        snprintf(err, errlen, "--versus: %s", o->versus ? why : "expected SPEC,SPEC");
        return -1;
    }
    if (o->worker_given && o->worker.kind == WORKER_HUMAN) {
        snprintf(err, errlen, "--versus: one keyboard can't play two lines; use --worker "
                              "auto:RATE (default: the scenario's bot rate)");
        return -1;
    }
    for (int i = 0; i < 2; i++) {
        /* Not interactive: without --worker, the scenario's bot. */
        if (shift_config(o, sc, spec[i], false, &cfg[i], why, sizeof why) < 0) {
            const char *text = strncmp(why, "--strategy: ", 12) == 0 ? why + 12 : why;
            snprintf(err, errlen, "--versus: %s", text);
            return -1;
        }
    }
    return 0;
}
