/* main.c - candyline's entry point: parse the command line, load the
 * scenario, then hand over to the game, the headless runner or a listing. */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../strategies/registry.h"
#include "../ui/ui.h"
#include "datadir.h"
#include "headless.h"
#include "options.h"
#include "plugin.h"
#include "replay_play.h"
#include "scenario_parse.h"
#include "shift.h"
#include "version.h"
#include "versus_setup.h"

/* The game draws on a terminal and reads keys from it. */
static bool interactive_terminal(void)
{
    if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
        return true;
    fprintf(stderr, "candyline: the game needs a terminal on standard input and output; "
                    "use --headless to simulate without one\n");
    return false;
}

static void list_strategies(void)
{
    for (size_t i = 0; strategy_registry[i]; i++) {
        const struct strategy_ops *s = strategy_registry[i];
        printf("%-24s %s\n%-24s like: %s\n", s->usage, s->lesson, "", s->analogues);
        if (plugin_file(s))
            printf("%-24s plugin: %s\n", "", plugin_file(s));
    }
}

/* --strategy-plugin: each file's strategy joins the registry, in order. */
static int load_plugins(const struct options *o)
{
    for (unsigned i = 0; i < o->nplugins; i++) {
        char err[600];
        if (plugin_load(o->plugins[i], err, sizeof err) < 0) {
            fprintf(stderr, "candyline: --strategy-plugin %s\n", err);
            return -1;
        }
    }
    return 0;
}

static bool is_builtin(const char *name)
{
    for (size_t i = 0; builtin_scenarios[i].name; i++)
        if (strcmp(builtin_scenarios[i].name, name) == 0)
            return true;
    return false;
}

/* Then DATADIR/scenarios/NAME.scn files that are not built in, which
 * --scenario NAME finds too. */
static int list_datadir_scenarios(void)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/scenarios", datadir());
    struct dirent **ents;
    int n = scandir(dir, &ents, NULL, alphasort);
    int status = 0;
    for (int i = 0; i < n; i++) {
        char name[256];
        snprintf(name, sizeof name, "%s", ents[i]->d_name);
        size_t len = strlen(name);
        struct scenario sc;
        char path[4096], err[300];
        if (len > 4 && strcmp(name + len - 4, ".scn") == 0) {
            name[len - 4] = '\0';
            if (!is_builtin(name) && datadir_scenario(name, path, sizeof path) == 0) {
                if (scenario_load(path, &sc, err, sizeof err) < 0) {
                    fprintf(stderr, "candyline: %s\n", err);
                    status = 2;
                } else {
                    printf("%-16s %s (%u min): %s [%s]\n", name, sc.title, sc.minutes, sc.about,
                           path);
                }
            }
        }
        free(ents[i]);
    }
    if (n > 0)
        free(ents);
    return status;
}

static int list_scenarios(void)
{
    for (size_t i = 0; builtin_scenarios[i].name; i++) {
        struct scenario sc;
        char err[300];
        if (scenario_load(builtin_scenarios[i].name, &sc, err, sizeof err) < 0) {
            fprintf(stderr, "candyline: %s\n", err);
            return 2;
        }
        printf("%-16s %s (%u min): %s\n", sc.name, sc.title, sc.minutes, sc.about);
    }
    return list_datadir_scenarios();
}

/* A listing or help that could not be written is a failure, not a
 * success (a full disk, a closed pipe with SIGPIPE ignored). */
static int flushed(int status)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return status;
    fprintf(stderr, "candyline: cannot write to standard output: %s\n", strerror(errno));
    return 2;
}

int main(int argc, char **argv)
{
    struct options o;
    if (options_parse(argc, argv, &o) < 0)
        return 2;
    if (o.action != ACTION_HELP && o.action != ACTION_VERSION && load_plugins(&o) < 0)
        return 2;
    switch (o.action) {
    case ACTION_HELP:
        options_print_help();
        return flushed(0);
    case ACTION_VERSION:
        printf("candyline %s\n", CANDYLINE_VERSION);
        return flushed(0);
    case ACTION_LIST_STRATEGIES:
        list_strategies();
        return flushed(0);
    case ACTION_LIST_SCENARIOS:
        return flushed(list_scenarios());
    case ACTION_PLAY:
        break;
    }
    if (o.replay && (o.headless || o.verify))
        return replay_headless(&o);
    if (o.replay && o.cast)
        return cast_run(&o);
    if (o.replay && !interactive_terminal())
        return 2;
    if (o.replay)
        return ui_replay(&o);
    struct scenario sc;
    char err[400];
    if (scenario_load(o.scenario, &sc, err, sizeof err) < 0) {
        fprintf(stderr, "candyline: %s\n", err);
        return 2;
    }
    if (o.compare)
        return flushed(compare_run(&o, &sc));
    if (o.versus) {
        struct sim_config pair[2];
        if (versus_setup(&o, &sc, pair, err, sizeof err) < 0) {
            fprintf(stderr, "candyline: %s\n", err);
            return 2;
        }
        return interactive_terminal() ? ui_versus(&o, pair) : 2;
    }
    if (o.headless)
        return flushed(headless_run(&o, &sc));
    /* The menu starts from --strategy: a bad one is an error here too. */
    struct sim_config cfg;
    if (shift_config(&o, &sc, NULL, true, &cfg, err, sizeof err) < 0) {
        fprintf(stderr, "candyline: %s\n", err);
        return 2;
    }
    if (!interactive_terminal())
        return 2;
    return ui_run(&o, &sc);
}
