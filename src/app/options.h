/* options.h - the command line (SPEC section 5, a contract) parsed into
 * one struct. */
#ifndef CANDYLINE_OPTIONS_H
#define CANDYLINE_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "../sim/sim.h"

enum report_kind { REPORT_NONE, REPORT_TEXT, REPORT_JSON, REPORT_CSV };
enum action { ACTION_PLAY, ACTION_HELP, ACTION_VERSION, ACTION_LIST_STRATEGIES,
              ACTION_LIST_SCENARIOS };
/* --panel: how the supervisor panel starts. DEFAULT: hidden, Tab shows it. */
enum panel_mode { PANEL_DEFAULT, PANEL_HIDDEN, PANEL_SHOWN };

/* How many --strategy-plugin a command line may carry (the registry's
 * STRATEGY_PLUGIN_SLOTS). */
#define OPTIONS_MAX_PLUGINS 4

struct options {
    enum action action;          /* what to do */
    const char *strategy;        /* spec, or NULL for the default */
    bool strategy_given;         /* --strategy was on the command line */
    const char *scenario;        /* name or path */
    uint64_t seed;               /* PRNG seed */
    bool worker_given;           /* --worker was on the command line */
    struct worker_config worker; /* parsed --worker */
    struct worker_config partner; /* --partner: a bot beside the worker (kind WORKER_BOT) */
    uint32_t rate;               /* --rate, 0 if not given */
    bool arrivals_given;         /* --arrivals was on the command line */
    enum arrivals arrivals;      /* parsed --arrivals */
    bool no_supervisor;          /* --no-supervisor */
    uint32_t minutes;            /* --minutes, 0 if not given */
    bool memory_given;           /* --memory was on the command line */
    uint32_t memory;             /* parsed --memory */
    bool headless;               /* --headless */
    enum report_kind report;     /* --report, or NONE */
    const char *compare;         /* --compare list, or NULL */
    bool ascii;                  /* --ascii: no Unicode glyphs */
    bool scenario_given;         /* --scenario was on the command line */
    bool seed_given;             /* --seed was on the command line */
    const char *record;          /* --record FILE, or NULL */
    const char *replay;          /* --replay FILE, or NULL */
    bool verify;                 /* --verify (with --replay) */
    const char *cast;            /* --cast FILE (with --replay), or NULL */
    const char *chart;           /* --chart FILE.svg (headless or --compare), or NULL */
    enum panel_mode panel;       /* --panel hidden|shown (hidden: Tab can't show it) */
    const char *versus;          /* --versus SPEC,SPEC (two strategies on one screen), or NULL */
    const char *plugins[OPTIONS_MAX_PLUGINS]; /* --strategy-plugin FILE.so, in order */
    unsigned nplugins;           /* how many --strategy-plugin */
};

#define DEFAULT_SEED 1u

/* Parses argv. Returns 0, or -1 after printing "candyline: ..." to stderr
 * (the caller exits 2). */
int options_parse(int argc, char **argv, struct options *o);

/* Parses "human" or "auto:RATE[:fixed|exp]". Returns 0 or -1 with err set. */
int worker_parse(const char *text, struct worker_config *w, char *err, unsigned long errlen);

/* Writes the spec back as text, e.g. "auto:90:exp". */
void worker_format(const struct worker_config *w, char *buf, unsigned long len);

/* The worker, and the bot partner if there is one: "human + partner auto:40:fixed". */
void crew_format(const struct worker_config *w, const struct worker_config *partner, char *buf,
                 unsigned long len);

/* Splits a --versus list into its two specs. Returns 0, or -1 with err
 * saying what was expected. */
int versus_split(const char *list, char *a, char *b, unsigned long len, char *err,
                 unsigned long errlen);

void options_print_help(void);

#endif
