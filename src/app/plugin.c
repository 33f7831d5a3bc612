/* plugin.c - loads a strategy from a shared object (--strategy-plugin):
 * dlopen, the exported candyline_strategy, checks that it is complete and
 * written for this interface version, and registers it. */
#include "plugin.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "../strategies/registry.h"

static struct {
    const struct strategy_ops *ops;
    char path[512];
} loaded[STRATEGY_PLUGIN_SLOTS];
static unsigned nloaded;

const char *plugin_file(const struct strategy_ops *ops)
{
    for (unsigned i = 0; i < nloaded; i++)
        if (loaded[i].ops == ops)
            return loaded[i].path;
    return NULL;
}

/* A name a spec can carry: a lower-case letter, then lower-case letters,
 * digits, - and _. */
static bool good_name(const char *name)
{
    size_t n = strlen(name);
    return n > 0 && n < 32 && name[0] >= 'a' && name[0] <= 'z' &&
           strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789-_") == n;
}

/* A text the game prints: one line of printable characters (UTF-8 is
 * fine), so a plugin cannot move the cursor or clear the screen. */
static bool good_text(const char *text)
{
    size_t n = 0;
    for (const unsigned char *c = (const unsigned char *)text; *c; c++, n++)
        if (*c < 0x20 || *c == 0x7f || n >= 400)
            return false;
    return n > 0;
}

/* A copy of text safe to print in a message: control characters as '?'. */
static void printable(const char *text, char *buf, size_t len)
{
    snprintf(buf, len, "%s", text);
    for (char *c = buf; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            *c = '?';
}

/* Names the required hooks and texts that ops lacks into buf ("" if none). */
static void missing_parts(const struct strategy_ops *ops, char *buf, size_t len)
{
    const struct {
        bool present;
        const char *what;
    } parts[] = {
        {ops->usage != NULL, "usage"},     {ops->lesson != NULL, "lesson"},
        {ops->analogues != NULL, "analogues"}, {ops->configure != NULL, "configure"},
        {ops->create != NULL, "create"},   {ops->destroy != NULL, "destroy"},
        {ops->offer != NULL, "offer"},     {ops->take != NULL, "take"},
        {ops->waiting != NULL, "waiting"}, {ops->peek != NULL, "peek"},
    };
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        size_t used = strlen(buf);
        if (!parts[i].present)
            snprintf(buf + used, len - used, "%s%s", used ? ", " : "", parts[i].what);
    }
}

/* Checks what the plugin exports. Returns 0, or -1 with the reason. */
static int check_ops(const char *path, const struct strategy_ops *ops, char *err, size_t errlen)
{
    if (ops->api_version != STRATEGY_API_VERSION) {
        snprintf(err, errlen, "%s: its strategy was written for interface version %u, and "
                              "this candyline expects version %u (rebuild it against "
                              "src/sim/strategy.h)", path, ops->api_version,
                 (unsigned)STRATEGY_API_VERSION);
        return -1;
    }
    if (!ops->name || !good_name(ops->name)) {
        char shown[48] = "";
        if (ops->name)
            printable(ops->name, shown, sizeof shown);
        snprintf(err, errlen, "%s: its strategy needs a .name of 1 to 31 lower-case letters, "
                              "digits, - or _, starting with a letter%s%.40s%s", path,
                 ops->name ? ", not '" : "", shown, ops->name ? "'" : "");
        return -1;
    }
    char missing[200];
    missing_parts(ops, missing, sizeof missing);
    if (missing[0]) {
        snprintf(err, errlen, "%s: strategy '%s' lacks what every strategy must have: %s",
                 path, ops->name, missing);
        return -1;
    }
    const char *texts[] = {ops->usage, ops->lesson, ops->analogues};
    const char *text_names[] = {"usage", "lesson", "analogues"};
    for (size_t i = 0; i < 3; i++)
        if (!good_text(texts[i])) {
            snprintf(err, errlen, "%s: strategy '%s': its .%s must be one line of 1 to 400 "
                                  "printable characters (no control characters)",
                     path, ops->name, text_names[i]);
            return -1;
        }
    return 0;
}

int plugin_load(const char *path, char *err, size_t errlen)
{
    /* dlopen looks a bare name up in the library path, not here. */
    char file[sizeof loaded[0].path];
    if (snprintf(file, sizeof file, "%s%s", strchr(path, '/') ? "" : "./", path) >=
        (int)sizeof file) {
        snprintf(err, errlen, "%.60s...: the file name is too long", path);
        return -1;
    }
    if (nloaded == STRATEGY_PLUGIN_SLOTS) {
        snprintf(err, errlen, "%s: at most %d plugins can be loaded", path,
                 STRATEGY_PLUGIN_SLOTS);
        return -1;
    }
    void *handle = dlopen(file, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char *why = dlerror();
        snprintf(err, errlen, "%s: cannot load it: %s", path, why ? why : "unknown error");
        return -1;
    }
    dlerror();
    const struct strategy_ops *ops = dlsym(handle, PLUGIN_SYMBOL);
    if (!ops) {
        const char *why = dlerror();
        snprintf(err, errlen, "%s: it exports no '" PLUGIN_SYMBOL "' (expected `const struct "
                              "strategy_ops " PLUGIN_SYMBOL " = {...};`)%s%s", path,
                 why ? ": " : "", why ? why : "");
        goto close;
    }
    if (check_ops(path, ops, err, errlen) < 0)
        goto close;
    char why[160];
    if (strategy_register(ops, why, sizeof why) < 0) {
        snprintf(err, errlen, "%s: %s%s", path, why,
                 strategy_find(ops->name) ? ": rename the plugin's strategy" : "");
        goto close;
    }
    loaded[nloaded].ops = ops;
    snprintf(loaded[nloaded].path, sizeof loaded[nloaded].path, "%s", path);
    nloaded++;
    return 0; /* the handle stays open: the strategy is used until exit */
close:
    dlclose(handle);
    return -1;
}
