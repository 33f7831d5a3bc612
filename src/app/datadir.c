/* datadir.c - finds candyline's data directory and the scenario files in
 * it (see datadir.h). */
#include "datadir.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef CANDYLINE_DATADIR
#define CANDYLINE_DATADIR "/usr/local/share/candyline"
#endif

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *datadir(void)
{
    const char *env = getenv("CANDYLINE_DATADIR");
    if (env && env[0])
        return env;
    if (is_dir(CANDYLINE_DATADIR "/scenarios") || !is_dir("assets/scenarios"))
        return CANDYLINE_DATADIR;
    return "assets";
}

int datadir_scenario(const char *name, char *out, size_t outlen)
{
    if (!name[0])
        return -1;
    for (const char *p = name; *p; p++)
        if (!(*p >= 'a' && *p <= 'z') && !(*p >= 'A' && *p <= 'Z') &&
            !(*p >= '0' && *p <= '9') && *p != '-' && *p != '_')
            return -1;
    int n = snprintf(out, outlen, "%s/scenarios/%s.scn", datadir(), name);
    if (n < 0 || (size_t)n >= outlen)
        return -1;
    struct stat st;
    return stat(out, &st) == 0 && S_ISREG(st.st_mode) ? 0 : -1;
}
