/* suites.h - one libcheck suite per module; suite_runner.c runs them all.
 * Run one with CK_RUN_SUITE=<name> (and one case with CK_RUN_CASE). */
#ifndef CANDYLINE_TESTS_SUITES_H
#define CANDYLINE_TESTS_SUITES_H

#include <check.h>

/* libcheck reports every assertion that holds to the parent process (one
 * write to a pipe each), so that a crash can name the last one passed. The
 * suites assert on every tick of long shifts, and those writes cost 20 times
 * the simulation. Only failures are reported here; a crash still names its
 * test. */
#undef mark_point
#define mark_point() ((void)0)
#define _mark_point(file, line) ((void)0)

Suite *rng_suite(void);            /* check_rng.c */
Suite *candy_queue_suite(void);    /* check_candy_queue.c */
Suite *wait_histogram_suite(void); /* check_wait_histogram.c */
Suite *scenario_suite(void);       /* check_scenario.c */
Suite *scenario_winners_suite(void); /* check_scenario_winners.c */
Suite *options_suite(void);        /* check_options.c */
Suite *sim_suite(void);            /* check_sim.c */
Suite *strategies_suite(void);     /* check_strategies.c: the conformance suite */
Suite *queueing_suite(void);       /* check_queueing.c */
Suite *replay_suite(void);         /* check_replay.c */
Suite *chart_suite(void);          /* check_chart.c */
Suite *output_files_suite(void); /* check_output_files.c */
Suite *scores_suite(void);         /* check_scores.c */
Suite *frames_suite(void);         /* check_frames.c */
Suite *game_clock_suite(void);     /* check_game_clock.c */

#endif
