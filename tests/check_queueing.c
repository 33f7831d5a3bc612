/* check_queueing.c - the figures against queueing theory.
 *
 * With the lab scenario, Poisson arrivals at rate L and a bot worker with
 * exponential wrap times at rate M, the station is a textbook queue:
 * `unbounded` is M/M/1 and `drop:N` is M/M/1/K with K = N + 1 (N on the
 * table plus one in the hands). The belt is a constant delay, which keeps a
 * Poisson stream Poisson, so it does not change the theory.
 *
 * Tolerances. Each check pools SEEDS independent 24-hour shifts, T = 4 x
 * 86400 s of game time. For M/M/1 the time-average number in the system
 * over T has variance about 2r(1 + r) / (M (1 - r)^4 T) (Whitt, "Planning
 * queueing simulations", 1989). With r = 2/3 and M = 1.5/s that is
 * 120 / T, a standard deviation of 0.019 candies against a mean queue of
 * 4/3: 1.4%. The waits are the same quantity divided by L (Little's law).
 * Allowing 6% is about four standard deviations, so a correct core fails by
 * chance about once in 10^4 seeds; and the seeds are fixed, so the test is
 * repeatable. A wrong service rate fails it easily: a worker 10% slower
 * (M = 81/min) would put the mean queue at 2.1, 58% over.
 * The loss and busy fractions are averages of nearly independent
 * events over ~350 000 arrivals: their standard deviations are below 0.3%,
 * so 3% (loss) and 2% (busy) leave room for the 1/60 s time grid, which
 * moves each arrival and each wrap to the next tick.
 */
#include <math.h>
#include <string.h>

#include "../src/sim/sim.h"
#include "helpers.h"
#include "suites.h"

#define SEEDS 4u
#define HOURS 24u

/* Figures pooled over SEEDS shifts of the same configuration. */
struct pooled {
    double seconds;         /* game time */
    double offered;         /* candies offered at the station */
    double dropped;         /* eaten */
    double taken;           /* handed to the worker */
    double buffer_ticks;    /* sum over ticks of candies waiting */
    double wait_ticks;      /* sum of waits, offer to take */
    double busy_ticks;      /* ticks with a candy in the hands */
    struct wait_histogram waits; /* all the waits */
};

static void run_pooled(const char *spec, uint32_t arrive_per_min, uint32_t wrap_per_min,
                       struct pooled *p)
{
    memset(p, 0, sizeof *p);
    wait_histogram_init(&p->waits);
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        struct shift_params sp = {.scenario = "lab", .spec = spec, .bot_rate = wrap_per_min,
                                  .bot_exp = true, .rate = arrive_per_min, .poisson = true,
                                  .minutes = HOURS * 60u, .seed = seed};
        struct sim_config cfg;
        struct sim s;
        make_config(&sp, &cfg);
        run_shift(&s, &cfg);
        ck_assert_str_eq(outcome_name(s.outcome), "completed");
        ck_assert(sim_conserved(&s));
        p->seconds += (double)s.tick / TICK_HZ;
        p->offered += (double)s.stats.delivered;
        p->dropped += (double)s.stats.dropped;
        p->taken += (double)s.stats.taken;
        p->buffer_ticks += (double)s.stats.buffer_area;
        p->wait_ticks += (double)s.stats.waits.sum;
        p->busy_ticks += (double)s.stats.busy_ticks;
        p->waits.count += s.stats.waits.count;
        p->waits.sum += s.stats.waits.sum;
        if (s.stats.waits.max > p->waits.max)
            p->waits.max = s.stats.waits.max;
        for (uint32_t b = 0; b < WAIT_HIST_BUCKETS; b++)
            p->waits.bucket[b] += s.stats.waits.bucket[b];
        sim_free(&s);
    }
}

static double queue_mean(const struct pooled *p)
{
    return p->buffer_ticks / (p->seconds * TICK_HZ);
}

static double wait_mean_s(const struct pooled *p)
{
    return p->wait_ticks / p->taken / TICK_HZ;
}

static double busy(const struct pooled *p)
{
    return p->busy_ticks / (p->seconds * TICK_HZ);
}

static void assert_near(const char *what, double got, double want, double rel)
{
    ck_assert_msg(fabs(got - want) <= rel * want,
                  "%s: %.4f, but theory says %.4f (allowed: within %.0f%%)", what, got, want,
                  100.0 * rel);
}

/* M/M/1 at utilisation r = L/M: Lq = r^2/(1-r), Wq = r/(M-L), busy = r, and
 * P(Wq > t) = r exp(-(M - L) t), so the q-quantile of the wait (for q above
 * 1 - r) is ln(r / (1 - q)) / (M - L). */
START_TEST(mm1_matches_theory)
{
    const double lam = 60.0 / 60.0, mu = 90.0 / 60.0, r = lam / mu; /* per second */
    struct pooled p;
    run_pooled("unbounded", 60, 90, &p);
    assert_near("utilisation (busy fraction)", busy(&p), r, 0.02);
    assert_near("mean queue length Lq", queue_mean(&p), r * r / (1.0 - r), 0.06);
    assert_near("mean wait Wq (s)", wait_mean_s(&p), r / (mu - lam), 0.06);
    assert_near("throughput (candies/s)", p.taken / p.seconds, lam, 0.01);
    /* Quantiles come from the histogram in whole ticks, so allow a tick
     * more than the relative tolerance. */
    double p50 = wait_histogram_quantile(&p.waits, 500) / (double)TICK_HZ;
    double p99 = wait_histogram_quantile(&p.waits, 990) / (double)TICK_HZ;
    double want50 = log(r / 0.5) / (mu - lam), want99 = log(r / 0.01) / (mu - lam);
    ck_assert_msg(fabs(p50 - want50) <= 0.06 * want50 + 1.0 / TICK_HZ,
                  "median wait %.3f s, theory %.3f s", p50, want50);
    ck_assert_msg(fabs(p99 - want99) <= 0.06 * want99 + 1.0 / TICK_HZ,
                  "p99 wait %.3f s, theory %.3f s", p99, want99);
}
END_TEST

/* M/M/1/K: p_n = p_0 r^n for n = 0..K. An arrival finding K in the system
 * is lost (PASTA), so the loss is p_K; Lq = sum (n - 1) p_n over n >= 1. */
struct mm1k {
    double loss, queue, busy;
};

static struct mm1k mm1k_theory(double r, unsigned k)
{
    double norm = 0.0, pn = 1.0;
    double weights[64];
    for (unsigned n = 0; n <= k; n++, pn *= r) {
        weights[n] = pn;
        norm += pn;
    }
    struct mm1k t = {weights[k] / norm, 0.0, 1.0 - weights[0] / norm};
    for (unsigned n = 1; n <= k; n++)
        t.queue += (n - 1.0) * weights[n] / norm;
    return t;
}

static const struct {
    const char *spec;
    unsigned k;           /* N + 1 */
    uint32_t arrive, wrap; /* per minute */
} mm1k_cases[] = {
    {"drop:2", 3, 60, 90},        /* light load: r = 2/3, loss 8/65 */
    {"drop:5", 6, 90, 60},        /* overload: r = 3/2, a third is eaten */
    {"drop:3:oldest", 4, 60, 60}, /* r = 1: every state equally likely, loss 1/5 */
};

START_TEST(mm1k_loss_matches_theory)
{
    double r = (double)mm1k_cases[_i].arrive / mm1k_cases[_i].wrap;
    struct mm1k t = mm1k_theory(r, mm1k_cases[_i].k);
    struct pooled p;
    run_pooled(mm1k_cases[_i].spec, mm1k_cases[_i].arrive, mm1k_cases[_i].wrap, &p);
    assert_near("loss (eaten / offered)", p.dropped / p.offered, t.loss, 0.03);
    assert_near("busy fraction", busy(&p), t.busy, 0.02);
    assert_near("mean queue length Lq", queue_mean(&p), t.queue, 0.06);
    /* What is not eaten is wrapped: the throughput is L (1 - p_K). */
    assert_near("throughput (candies/s)", p.taken / p.seconds,
                mm1k_cases[_i].arrive / 60.0 * (1.0 - t.loss), 0.02);
}
END_TEST

/* Little's law, L = lambda W, measured on the shift itself: the mean queue
 * equals the rate of candies taken times their mean wait. Only sampling
 * at the ends of the shift separates the two, so 1% is generous. */
START_TEST(littles_law_holds)
{
    struct pooled p;
    run_pooled("unbounded", 60, 90, &p);
    assert_near("L against lambda W", queue_mean(&p), p.taken / p.seconds * wait_mean_s(&p),
                0.01);
}
END_TEST

/* And exactly, tick by tick: the area under the queue-length curve is the
 * sum of every candy's time in the queue, for every strategy that never
 * evicts a waiting candy. (drop:oldest does: an eaten candy waited, but was
 * never taken.) */
static const char *const area_specs[] = {"unbounded", "bounded:1000", "drop:3",
                                         "backpressure:4"};

START_TEST(queue_area_is_the_sum_of_waits)
{
    struct shift_params sp = {.scenario = "classic", .spec = area_specs[_i], .bot_rate = 70,
                              .bot_exp = true, .poisson = true, .supervisor = true, .seed = 3};
    struct sim_config cfg;
    struct sim s;
    make_config(&sp, &cfg);
    ck_assert_int_eq(sim_init(&s, &cfg), 0);
    while (s.outcome == OUTCOME_RUNNING) {
        sim_step(&s, NULL);
        ck_assert_uint_eq(s.stats.buffer_area, s.stats.waits.sum + waiting_ages(&s));
    }
    ck_assert_uint_gt(s.stats.buffer_area, 0);
    sim_free(&s);
}
END_TEST

/* D/D/1 below capacity: evenly spaced candies and a steady worker faster
 * than them, so no candy ever waits and the worker is busy exactly L/M. */
START_TEST(dd1_never_waits)
{
    struct shift_params sp = {.scenario = "lab", .spec = "unbounded", .bot_rate = 90,
                              .rate = 60, .minutes = 60, .seed = 1};
    struct sim_config cfg;
    struct sim s;
    make_config(&sp, &cfg);
    run_shift(&s, &cfg);
    ck_assert_uint_eq(s.stats.waits.max, 0);
    ck_assert_uint_eq(s.stats.buffer_max, 0);
    double b = (double)s.stats.busy_ticks / (double)s.tick;
    ck_assert_msg(fabs(b - 2.0 / 3.0) < 0.005, "busy %.4f, want 2/3", b);
    sim_free(&s);
}
END_TEST

Suite *queueing_suite(void)
{
    Suite *s = suite_create("queueing");
    TCase *tc = tcase_create("theory");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, mm1_matches_theory);
    tcase_add_loop_test(tc, mm1k_loss_matches_theory, 0,
                        (int)(sizeof mm1k_cases / sizeof mm1k_cases[0]));
    tcase_add_test(tc, littles_law_holds);
    tcase_add_loop_test(tc, queue_area_is_the_sum_of_waits, 0,
                        (int)(sizeof area_specs / sizeof area_specs[0]));
    tcase_add_test(tc, dd1_never_waits);
    suite_add_tcase(s, tc);
    return s;
}
