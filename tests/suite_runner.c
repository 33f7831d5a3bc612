/* suite_runner.c - the unit test runner: every suite in one SRunner.
 * CK_RUN_SUITE / CK_RUN_CASE pick one suite / case (libcheck reads them);
 * tests fork by default, so a crash fails one test, not the run. */
#include <stdlib.h>

#include "suites.h"

int main(void)
{
    SRunner *sr = srunner_create(rng_suite());
    srunner_add_suite(sr, candy_queue_suite());
    srunner_add_suite(sr, wait_histogram_suite());
    srunner_add_suite(sr, scenario_suite());
    srunner_add_suite(sr, scenario_winners_suite());
    srunner_add_suite(sr, options_suite());
    srunner_add_suite(sr, sim_suite());
    srunner_add_suite(sr, strategies_suite());
    srunner_add_suite(sr, queueing_suite());
    srunner_add_suite(sr, replay_suite());
    srunner_add_suite(sr, chart_suite());
    srunner_add_suite(sr, output_files_suite());
    srunner_add_suite(sr, scores_suite());
    srunner_add_suite(sr, frames_suite());
    srunner_add_suite(sr, game_clock_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failures = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failures ? 1 : 0;
}
