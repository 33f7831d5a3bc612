/* datadir.h - where candyline's installed data (scenarios, exercises, the
 * example replay) lives: $CANDYLINE_DATADIR, else the directory compiled in
 * from the Makefile's PREFIX, else assets/ when run from the source tree. */
#ifndef CANDYLINE_DATADIR_H
#define CANDYLINE_DATADIR_H

#include <stddef.h>

/* The data directory (never NULL; it may not exist). */
const char *datadir(void);

/* Writes DATADIR/scenarios/NAME.scn into out when NAME is a bare name
 * (letters, digits, - and _) and that file exists. Returns 0, or -1. */
int datadir_scenario(const char *name, char *out, size_t outlen);

#endif
