/* menu.c - the title menu. Arrow keys choose and change, Enter starts. */
#include "menu.h"

#include <stdio.h>
#include <string.h>

#include "../app/scenario_parse.h"
#include "../strategies/registry.h"

static const struct strategy_ops *chosen(const struct menu *m)
{
    return strategy_registry[m->strategy];
}

/* A table of N places: the spec's form says so ("drop:N[...]"). */
static bool has_capacity(const struct strategy_ops *ops)
{
    return strncmp(ops->usage + strlen(ops->name), ":N", 2) == 0;
}

/* Hats: the hidden buffer whose size is --memory. */
static bool has_hats(const struct strategy_ops *ops)
{
    return ops->hidden && !has_capacity(ops);
}

void menu_init(struct menu *m, const struct options *o, const struct scenario *current)
{
    memset(m, 0, sizeof *m);
    m->capacity = 5;
    m->memory = current->memory;
    m->bot_rate = current->bot_rate;
    for (size_t i = 0; builtin_scenarios[i].name && m->nscenarios < MENU_MAX_SCENARIOS - 1; i++) {
        char err[300];
        if (scenario_load(builtin_scenarios[i].name, &m->scenarios[m->nscenarios], err,
                          sizeof err) == 0)
            m->nscenarios++;
    }
    bool builtin = false;
    for (size_t i = 0; builtin_scenarios[i].name; i++)
        builtin = builtin || strcmp(builtin_scenarios[i].name, o->scenario) == 0;
    m->scenario = m->nscenarios;
    for (size_t i = 0; builtin && i < m->nscenarios; i++)
        if (strcmp(m->scenarios[i].name, current->name) == 0)
            m->scenario = i;
    if (m->scenario == m->nscenarios)
        m->scenarios[m->nscenarios++] = *current;

    const struct strategy_ops *ops;
    struct strategy_config cfg;
    char err[200];
    if (o->strategy && strategy_parse_spec(o->strategy, m->memory, &ops, &cfg, err,
                                           sizeof err) == 0) {
        for (size_t i = 0; strategy_registry[i]; i++)
            if (strategy_registry[i] == ops)
                m->strategy = i;
        if (has_capacity(ops))
            m->capacity = cfg.capacity;
        else if (has_hats(ops))
            m->memory = cfg.capacity;
        m->drop_oldest = strcmp(ops->name, "drop") == 0 && cfg.variant == 1;
        /* "aimd:5:20": the menu sets 5; keep ":20" as it was given. */
        const char *rest = strchr(o->strategy, ':');
        rest = rest ? strchr(rest + 1, ':') : NULL;
        if (has_capacity(ops) && strcmp(ops->name, "drop") != 0 && rest &&
            strlen(rest + 1) < sizeof m->extra) {
            snprintf(m->extra, sizeof m->extra, "%s", rest + 1);
            m->extra_for = m->strategy;
        }
    }
    if (o->memory_given)
        m->memory = o->memory;
    m->panel_locked = o->panel == PANEL_HIDDEN;
    if (o->worker_given && o->worker.kind == WORKER_BOT) {
        m->bot = true;
        m->bot_rate = o->worker.rate;
    }
}

void menu_spec(const struct menu *m, char *buf, size_t len)
{
    const struct strategy_ops *ops = chosen(m);
    if (!has_capacity(ops))
        snprintf(buf, len, "%s", ops->name);
    else if (strcmp(ops->name, "drop") == 0)
        snprintf(buf, len, "drop:%u:%s", m->capacity, m->drop_oldest ? "oldest" : "newest");
    else if (m->extra[0] && m->extra_for == m->strategy)
        snprintf(buf, len, "%s:%u:%s", ops->name, m->capacity, m->extra);
    else
        snprintf(buf, len, "%s:%u", ops->name, m->capacity);
}

/* Moves value by delta within [lo, hi], or within wider bounds that take
 * in a value from the command line outside the menu's own range. */
static void step(uint32_t *value, int delta, uint32_t lo, uint32_t hi)
{
    if (*value > hi)
        hi = *value;
    if (*value < lo)
        lo = *value;
    int64_t v = (int64_t)*value + delta;
    *value = v < (int64_t)lo ? lo : v > (int64_t)hi ? hi : (uint32_t)v;
}

static void change(struct menu *m, int delta)
{
    size_t nstrat = 0;
    while (strategy_registry[nstrat])
        nstrat++;
    switch (m->row) {
    case ROW_STRATEGY: /* the registry is never empty */
        /* NOLINTNEXTLINE(clang-analyzer-core.DivideZero) */
        m->strategy = (m->strategy + nstrat + (delta > 0 ? 1u : nstrat - 1u)) % nstrat;
        break;
    case ROW_CAPACITY:
        if (has_hats(chosen(m)))
            step(&m->memory, delta, 0, 100000);
        else if (has_capacity(chosen(m)))
            step(&m->capacity, delta, 1, 1000);
        break;
    case ROW_SCENARIO:
        m->scenario = (m->scenario + (delta > 0 ? 1u : m->nscenarios - 1u)) % m->nscenarios;
        m->bot_rate = m->scenarios[m->scenario].bot_rate;
        break;
    case ROW_WORKER:
        if (!m->bot && delta > 0)
            m->bot = true;
        else if (m->bot && delta < 0 && m->bot_rate <= 10)
            m->bot = false;
        else if (m->bot)
            step(&m->bot_rate, delta * 10, 10, 600);
        break;
    }
}

enum menu_action menu_key(struct menu *m, int key)
{
    switch (key) {
    case KEY_UP:
    case 'k':
        m->row = (m->row + MENU_ROWS - 1) % MENU_ROWS;
        break;
    case KEY_DOWN:
    case 'j':
    case '\t':
        m->row = (m->row + 1) % MENU_ROWS;
        break;
    case KEY_LEFT:
    case 'h':
    case '-':
        change(m, -1);
        break;
    case KEY_RIGHT:
    case 'l':
    case '+':
        change(m, 1);
        break;
    case 'o':
        if (strcmp(chosen(m)->name, "drop") == 0)
            m->drop_oldest = !m->drop_oldest;
        break;
    case '\n':
    case '\r':
    case KEY_ENTER:
    case ' ':
        return MENU_START;
    case 'q':
    case 'Q':
        return MENU_QUIT;
    }
    return MENU_NONE;
}

static void row(const struct view *v, const struct menu *m, int r, int y, const char *label,
                const char *value, const char *note)
{
    bool on = m->row == r;
    attr_t a = on ? (view_attr(v, PAIR_TITLE, A_REVERSE) | A_BOLD) : A_NORMAL;
    draw_text(y, 4, "%-10s", label);
    attron(a);
    draw_text(y, 15, " %s %-22s %s ", on ? "<" : " ", value, on ? ">" : " ");
    attroff(a);
    attron(A_DIM);
    draw_text(y, 44, "%s", note);
    attroff(A_DIM);
}

void menu_draw(const struct view *v, const struct menu *m)
{
    const struct strategy_ops *ops = chosen(m);
    const struct scenario *sc = &m->scenarios[m->scenario];
    char value[64], note[64];
    erase();
    attron(view_attr(v, PAIR_TITLE, A_REVERSE) | A_BOLD);
    mvhline(0, 0, ' ', COLS);
    draw_text(0, 1, "CANDYLINE");
    attroff(view_attr(v, PAIR_TITLE, A_REVERSE) | A_BOLD);
    draw_text(2, 2, "The belt keeps speeding up. Wrap what you can, and choose what happens");
    draw_text(3, 2, "to the rest. The supervisor only sees what is in plain sight.");

    row(v, m, ROW_STRATEGY, 5, "Strategy", ops->name, ops->hidden ? "hidden from her" : "in plain sight");
    if (has_capacity(ops)) {
        snprintf(value, sizeof value, "%u", m->capacity);
        snprintf(note, sizeof note, "%s", strcmp(ops->name, "drop") == 0
                                              ? (m->drop_oldest ? "eat the oldest (o)" : "eat the newest (o)")
                                              : "places on the table");
        row(v, m, ROW_CAPACITY, 6, "Capacity", value, note);
    } else if (!has_hats(ops)) {
        row(v, m, ROW_CAPACITY, 6, "Capacity", "-", "set by the strategy");
    } else {
        if (m->memory)
            snprintf(value, sizeof value, "%u", m->memory);
        else
            snprintf(value, sizeof value, "no limit");
        row(v, m, ROW_CAPACITY, 6, "Hats hold", value, "then they burst");
    }
    row(v, m, ROW_SCENARIO, 7, "Scenario", sc->name, sc->title);
    if (m->bot)
        snprintf(value, sizeof value, "bot, %u per minute", m->bot_rate);
    else
        snprintf(value, sizeof value, "you (keyboard)");
    row(v, m, ROW_WORKER, 8, "Worker", value, m->bot ? "watch it work" : "type the letters");

    attron(A_BOLD);
    draw_text(10, 4, "%s", ops->usage);
    attroff(A_BOLD);
    draw_text(11, 4, "%s", ops->lesson);
    attron(A_DIM);
    draw_wrapped(12, 4, 2, "Like: ", ops->analogues);
    attroff(A_DIM);
    attron(A_BOLD);
    draw_text(15, 4, "%s: %s (%u minutes)", sc->name, sc->title, sc->minutes);
    attroff(A_BOLD);
    draw_text(16, 4, "%s", sc->about);

    if (m->bot)
        draw_text(18, 4, "In the game: the bot wraps; +/- run the shift faster (x1 to x32).");
    else
        draw_text(18, 4, "In the game: type the letter on the candy in your hands to wrap it.");
    if (m->panel_locked)
        draw_text(19, 4, "The supervisor panel stays hidden this round. p pauses, ? helps.");
    else
        draw_text(19, 4, "Tab shows the supervisor panel, p pauses, ? helps, q ends the shift.");

    attron(A_REVERSE);
    mvhline(LINES - 1, 0, ' ', COLS);
    draw_text(LINES - 1, 1, "Up/Down choose   Left/Right change   Enter start   q quit");
    attroff(A_REVERSE);
}
