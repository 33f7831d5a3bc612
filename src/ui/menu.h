/* menu.h - the title menu: pick a strategy (and its capacity), a scenario
 * and a worker, then start the shift. */
#ifndef CANDYLINE_MENU_H
#define CANDYLINE_MENU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../app/options.h"
#include "draw.h"

#define MENU_MAX_SCENARIOS 16

enum menu_row { ROW_STRATEGY, ROW_CAPACITY, ROW_SCENARIO, ROW_WORKER, MENU_ROWS };
enum menu_action { MENU_NONE, MENU_START, MENU_QUIT };

struct menu {
    size_t strategy;      /* index in strategy_registry */
    uint32_t capacity;    /* N for table strategies */
    uint32_t memory;      /* hat limit for unbounded (0 = none) */
    bool drop_oldest;     /* drop variant */
    char extra[48];       /* settings after N from --strategy ("20" of aimd:5:20), kept
                           * while that strategy stays chosen */
    size_t extra_for;     /* the strategy they belong to */
    size_t scenario;      /* index in scenarios */
    size_t nscenarios;    /* entries in scenarios */
    struct scenario scenarios[MENU_MAX_SCENARIOS]; /* built-ins, then a file from --scenario */
    bool bot;             /* a bot worker instead of the keyboard */
    uint32_t bot_rate;    /* its rate per minute */
    int row;              /* the highlighted row */
    bool panel_locked;    /* --panel hidden: the panel stays hidden this round */
};

/* Fills the menu from the command line; current is the scenario it named. */
void menu_init(struct menu *m, const struct options *o, const struct scenario *current);

void menu_draw(const struct view *v, const struct menu *m);

/* Handles one key. */
enum menu_action menu_key(struct menu *m, int key);

/* The chosen strategy as a spec, e.g. "drop:5:oldest". */
void menu_spec(const struct menu *m, char *buf, size_t len);

#endif
