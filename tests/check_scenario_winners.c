/* check_scenario_winners.c - each classroom scenario makes the strategy it
 * teaches the best one. Every candidate runs headless, in process, the way
 * --compare runs it (options_parse, scenario_load, shift_config,
 * headless_simulate, sim_score), with the scenario's own bot worker, and the
 * intended strategy must score strictly highest, for several seeds. The
 * reasons are in the comments of assets/scenarios/<name>.scn and in
 * README.md, "Which strategy wins where, and why". */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../src/app/headless.h"
#include "../src/app/options.h"
#include "../src/app/scenario_parse.h"
#include "../src/app/shift.h"
#include "suites.h"

/* The strategies README.md compares, each at a table of 5. */
static const char *const candidates[] = {
    "backpressure:5", "unbounded", "bounded:5", "drop:5",
    "drop:5:oldest",  "pull",      "latest",    "aimd:5",
};
#define NCANDIDATES (sizeof candidates / sizeof candidates[0])

static const struct {
    const char *scenario;
    const char *winner;
} cases[] = {
    {"button-mashing", "drop:5:oldest"},
    {"traffic-spike", "aimd:5"},
    {"video-streaming", "latest"},
};
#define NCASES (sizeof cases / sizeof cases[0])
#define NSEEDS 3u /* seeds 1, 2, 3: 1 is the one README.md shows */

struct result {
    int64_t score;
    enum outcome outcome;
};

/* Runs `candyline --headless --scenario NAME --seed SEED --strategy SPEC`
 * without the printing. */
static struct result run(const char *scenario, const char *spec, unsigned seed)
{
    char seed_text[16], name[64];
    static char prog[] = "candyline", headless[] = "--headless", scenario_opt[] = "--scenario",
                seed_opt[] = "--seed";
    snprintf(seed_text, sizeof seed_text, "%u", seed);
    snprintf(name, sizeof name, "%s", scenario);
    char *argv[] = {prog, headless, scenario_opt, name, seed_opt, seed_text, NULL};
    struct options o;
    ck_assert_int_eq(options_parse(6, argv, &o), 0);

    struct scenario sc;
    struct sim_config cfg;
    char err[300];
    ck_assert_msg(scenario_load(o.scenario, &sc, err, sizeof err) == 0, "%s", err);
    ck_assert_msg(shift_config(&o, &sc, spec, false, &cfg, err, sizeof err) == 0, "%s: %s",
                  spec, err);
    /* No --worker: the scenario's bot, with fixed wrap times. */
    ck_assert_int_eq(cfg.worker.kind, WORKER_BOT);
    ck_assert_uint_eq(cfg.worker.rate, sc.bot_rate);
    ck_assert_int_eq(cfg.worker.service, SERVICE_FIXED);

    struct sim s;
    ck_assert_int_eq(headless_simulate(&s, &cfg, NULL, NULL, NULL), 0);
    ck_assert_msg(s.outcome != OUTCOME_NO_MEMORY, "%s %s: out of memory", scenario, spec);
    ck_assert(sim_conserved(&s));
    struct result r = {sim_score(&s), s.outcome};
    sim_free(&s);
    return r;
}

START_TEST(intended_strategy_wins)
{
    const char *scenario = cases[(unsigned)_i / NSEEDS].scenario;
    const char *winner = cases[(unsigned)_i / NSEEDS].winner;
    unsigned seed = (unsigned)_i % NSEEDS + 1u;

    struct result r[NCANDIDATES];
    size_t win = NCANDIDATES;
    char table[600];
    size_t used = 0;
    for (size_t i = 0; i < NCANDIDATES; i++) {
        r[i] = run(scenario, candidates[i], seed);
        if (strcmp(candidates[i], winner) == 0)
            win = i;
        if (used < sizeof table)
            used += (size_t)snprintf(table + used, sizeof table - used, " %s=%" PRId64,
                                     candidates[i], r[i].score);
    }
    ck_assert_msg(win < NCANDIDATES, "%s is not a candidate", winner);
    ck_assert_msg(r[win].outcome == OUTCOME_COMPLETED, "%s seed %u: %s did not complete",
                  scenario, seed, winner);
    for (size_t i = 0; i < NCANDIDATES; i++)
        ck_assert_msg(i == win || r[i].score < r[win].score,
                      "%s seed %u: %s should win, but %s scores at least as much:%s", scenario, seed,
                      winner, candidates[i], table);
}
END_TEST

Suite *scenario_winners_suite(void)
{
    Suite *s = suite_create("scenario_winners");
    TCase *tc = tcase_create("winners");
    tcase_add_loop_test(tc, intended_strategy_wins, 0, (int)(NCASES * NSEEDS));
    suite_add_tcase(s, tc);
    return s;
}
