/* fuzz_cmdline.c - fuzz target: the command line (options_parse in
 * src/app/options.c). The input is split on NUL bytes and newlines into the
 * arguments after the program name. What options_parse prints on stderr is
 * captured as the rejection's message. An accepted command line then goes on
 * to a shift's config (shift_config: the strategy spec, the worker) when its
 * scenario is a built-in. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/app/options.h"
#include "../../src/app/scenario_parse.h"
#include "../../src/app/shift.h"
#include "fuzz.h"

#define MAX_ARGS 64

/* Runs options_parse with fd 2 sent to a scratch file, whose contents end
 * up in err. (make fuzz runs this target with -close_fd_mask=2, so that
 * sanitizer reports go elsewhere.) */
static int parse_captured(int argc, char **argv, struct options *o, char *err, size_t errlen)
{
    static FILE *scratch;
    if (!scratch && !(scratch = tmpfile()))
        abort();
    int fd = fileno(scratch);
    fflush(stderr);
    int saved = dup(2);
    if (saved < 0 || dup2(fd, 2) < 0)
        abort();
    int rc = options_parse(argc, argv, o);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    ssize_t n = pread(fd, err, errlen - 1u, 0);
    err[n > 0 ? (size_t)n : 0] = '\0';
    if (ftruncate(fd, 0) < 0 || lseek(fd, 0, SEEK_SET) < 0)
        abort();
    if (rc == 0)
        err[0] = '\0';
    return rc;
}

int fuzz_target(const uint8_t *data, size_t size, char *err, size_t errlen)
{
    char *text = malloc(size + 1u);
    if (!text)
        abort();
    memcpy(text, data, size);
    text[size] = '\0';
    char prog[] = "candyline";
    char *argv[MAX_ARGS + 1];
    int argc = 0;
    argv[argc++] = prog;
    size_t start = 0;
    for (size_t i = 0; i <= size && argc < MAX_ARGS; i++) {
        if (i < size && text[i] != '\n' && text[i] != '\0')
            continue;
        if (i == size && start == size)
            break; /* nothing after the last separator */
        text[i] = '\0';
        argv[argc++] = text + start;
        start = i + 1u;
    }
    argv[argc] = NULL;
    struct options o;
    int rc = parse_captured(argc, argv, &o, err, errlen);
    if (rc == 0 && o.action == ACTION_PLAY && !o.replay) {
        struct scenario sc;
        char why[400];
        for (size_t i = 0; builtin_scenarios[i].name; i++)
            if (strcmp(builtin_scenarios[i].name, o.scenario) == 0) {
                struct sim_config cfg;
                if (scenario_load(o.scenario, &sc, why, sizeof why) < 0)
                    abort(); /* a built-in scenario always loads */
                rc = shift_config(&o, &sc, NULL, !o.headless && !o.compare, &cfg, err, errlen);
            }
    }
    free(text);
    return rc;
}
