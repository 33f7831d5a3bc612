/* scenario_parse.h - reads the scenario text format (see README.md,
 * "Scenario files") into a struct scenario, and finds built-in ones. */
#ifndef CANDYLINE_SCENARIO_PARSE_H
#define CANDYLINE_SCENARIO_PARSE_H

#include <stddef.h>

#include "../sim/scenario.h"

struct builtin_scenario {
    const char *name; /* "classic" */
    const char *text; /* the file's contents, embedded at build time */
};

/* NULL-name-terminated; generated from assets/scenarios/ by the Makefile. */
extern const struct builtin_scenario builtin_scenarios[];

/* Parses text (len bytes, need not end in '\0'). file names the source in
 * messages. Returns 0, or -1 with "FILE:LINE: what was expected" in err. */
int scenario_parse(const char *text, size_t len, const char *file, struct scenario *out,
                   char *err, size_t errlen);

/* Loads a built-in by name, or else a file by path, or else (a bare NAME
 * that is no file here) DATADIR/scenarios/NAME.scn (see datadir.h).
 * Returns 0, or -1 with a message in err. */
int scenario_load(const char *name_or_path, struct scenario *out, char *err, size_t errlen);

#endif
