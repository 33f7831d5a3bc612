/* bench_sim.c - in-process simulation speed for `make bench`: builds a shift
 * from a candyline command line, times sim_step() with clock_gettime (the
 * core itself stays clock-free) over RUNS runs and prints one line:
 *   ticks=T median_ns=N ticks_per_s=R outcome=O hash=H
 * Usage: bench_sim RUNS [candyline options...]   e.g. bench_sim 5 --minutes 10 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../../src/app/options.h"
#include "../../src/app/scenario_parse.h"
#include "../../src/app/shift.h"

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 2 || atoi(argv[1]) < 1 || atoi(argv[1]) > 99) {
        fprintf(stderr, "usage: bench_sim RUNS(1-99) [candyline options...]\n");
        return 2;
    }
    int runs = atoi(argv[1]);
    /* options_parse sees argv[1] as its program name. */
    struct options o;
    if (options_parse(argc - 1, argv + 1, &o) < 0)
        return 2;
    struct scenario sc;
    struct sim_config cfg;
    char err[1200];
    if (scenario_load(o.scenario, &sc, err, sizeof err) < 0 ||
        shift_config(&o, &sc, NULL, false, &cfg, err, sizeof err) < 0) {
        fprintf(stderr, "bench_sim: %s\n", err);
        return 2;
    }
    uint64_t ns[99];
    uint64_t ticks = 0, hash = 0;
    enum outcome outcome = OUTCOME_RUNNING;
    for (int r = 0; r < runs; r++) {
        struct sim s;
        if (sim_init(&s, &cfg) < 0) {
            fprintf(stderr, "bench_sim: out of memory\n");
            return 1;
        }
        uint64_t t0 = now_ns();
        while (s.outcome == OUTCOME_RUNNING)
            sim_step(&s, NULL);
        ns[r] = now_ns() - t0;
        if (r > 0 && (s.tick != ticks || sim_state_hash(&s) != hash)) {
            fprintf(stderr, "bench_sim: run %d differs from the first\n", r + 1);
            return 1;
        }
        ticks = s.tick;
        hash = sim_state_hash(&s);
        outcome = s.outcome;
        sim_free(&s);
    }
    qsort(ns, (size_t)runs, sizeof ns[0], cmp_u64);
    uint64_t med = ns[runs / 2] ? ns[runs / 2] : 1;
    printf("ticks=%" PRIu64 " median_ns=%" PRIu64 " ticks_per_s=%" PRIu64 " outcome=%s hash=%016" PRIx64
           "\n", ticks, med, (uint64_t)((double)ticks * 1e9 / (double)med), outcome_name(outcome), hash);
    return 0;
}
