/* sim.c - the step function: kitchen -> belt -> station -> worker, the
 * supervisor's visits, statistics, outcome and the state hash. */
#include "sim_internal.h"

#include <stdlib.h>
#include <string.h>

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return x;
}

void sim_note(struct sim *s, enum event_kind kind, uint64_t value)
{
    uint64_t h = s->events_hash;
    h = mix64(h ^ ((uint64_t)kind << 56) ^ s->tick);
    h = mix64(h ^ value);
    s->events_hash = h;
}

int sim_init(struct sim *s, const struct sim_config *cfg)
{
    memset(s, 0, sizeof *s);
    s->cfg = *cfg;
    s->end_tick = (uint64_t)cfg->minutes * 60u * TICK_HZ;
    s->outcome = OUTCOME_RUNNING;
    rng_seed(&s->play, cfg->seed, 1u);
    rng_seed(&s->cosmetic, cfg->seed, 2u);
    kitchen_init(&s->kitchen);
    s->supervisor.pct = 100;
    s->signal.rate_limit = KITCHEN_NO_LIMIT;
    s->signal.requested = KITCHEN_NO_LIMIT;
    wait_histogram_init(&s->stats.waits);

    s->belt.length = cfg->scenario.belt_s * TICK_HZ;
    s->belt.cap = 1;
    while (s->belt.cap <= s->belt.length)
        s->belt.cap *= 2u;
    s->belt.odo = malloc((size_t)s->belt.cap * sizeof *s->belt.odo);
    s->belt.moving = true;
    s->buffer = cfg->strategy->create(&cfg->strategy_cfg);
    if (!s->belt.odo || !s->buffer) {
        sim_free(s);
        return -1;
    }
    return 0;
}

void sim_free(struct sim *s)
{
    if (s->buffer)
        s->cfg.strategy->destroy(s->buffer);
    free(s->belt.odo);
    s->buffer = NULL;
    s->belt.odo = NULL;
}

uint32_t sim_waiting(const struct sim *s)
{
    return s->cfg.strategy->waiting(s->buffer);
}

uint64_t sim_held_at_kitchen(const struct sim *s)
{
    return s->stats.produced - s->stats.placed;
}

uint32_t sim_on_belt(const struct sim *s)
{
    return s->belt.len;
}

uint32_t sim_in_progress(const struct sim *s)
{
    return (s->worker.busy ? 1u : 0u) + (s->partner.busy ? 1u : 0u);
}

uint32_t sim_visible_backlog(const struct sim *s)
{
    return s->cfg.strategy->hidden ? 0u : sim_waiting(s);
}

bool sim_belt_running(const struct sim *s)
{
    return s->belt.moving && s->outcome == OUTCOME_RUNNING;
}

uint32_t sim_current_rate(const struct sim *s)
{
    uint64_t base = s->cfg.rate_override ? s->cfg.rate_override
                                         : scenario_rate_at(&s->cfg.scenario, s->tick);
    uint64_t rate = base * s->supervisor.pct / 100u;
    return rate > SCENARIO_MAX_RATE ? SCENARIO_MAX_RATE : (uint32_t)rate;
}

uint32_t sim_sending_rate(const struct sim *s)
{
    uint32_t rate = sim_current_rate(s);
    return s->signal.rate_limit < rate ? s->signal.rate_limit : rate;
}

uint32_t sim_oldest_wait(const struct sim *s)
{
    struct candy c;
    if (!s->cfg.strategy->peek(s->buffer, 0, &c))
        return 0;
    return (uint32_t)(s->tick - c.tick);
}

/* The belt moves unless the strategy has stopped asking for candy. */
static bool belt_may_move(const struct sim *s)
{
    const struct strategy_ops *ops = s->cfg.strategy;
    return !ops->demand || ops->demand(s->buffer) > 0;
}

static void fail(struct sim *s, enum outcome why)
{
    s->outcome = why;
    sim_note(s, EV_FAIL, (uint64_t)why);
}

/* A candy reached the station: offer it. Returns false if the shift failed
 * (the refused candy then stays at the end of the belt). */
static bool offer_front(struct sim *s)
{
    struct belt *b = &s->belt;
    struct candy c = {(uint32_t)(s->stats.placed - b->len), (uint32_t)s->tick};
    struct candy eaten;
    s->stats.delivered++;
    sim_note(s, EV_OFFER, c.id);
    enum offer_result r = s->cfg.strategy->offer(s->buffer, c, &eaten);
    if (r == OFFER_OVERFLOW || r == OFFER_BURST || r == OFFER_NO_MEMORY) {
        fail(s, r == OFFER_OVERFLOW ? OUTCOME_OVERFLOW
                : r == OFFER_BURST  ? OUTCOME_BURST
                                    : OUTCOME_NO_MEMORY);
        return false;
    }
    b->head = (b->head + 1u) & (b->cap - 1u);
    b->len--;
    if (r == OFFER_DROPPED_NEWEST || r == OFFER_DROPPED_OLDEST) {
        s->stats.dropped++;
        s->last_drop_tick = s->tick + 1u;
        s->last_drop_id = eaten.id;
        sim_note(s, EV_DROP, eaten.id);
    }
    return true;
}

/* May the belt take a candy from the kitchen's pile this step? Only what
 * the station asked for (pull), and an unstoppable kitchen's pile only at
 * the pace the station allows (an adaptive rate). */
static bool may_place(struct sim *s)
{
    const struct kitchen_signal *sig = &s->signal;
    if (sig->requested != KITCHEN_NO_LIMIT && sig->requested == 0)
        return false;
    if (sig->rate_limit == KITCHEN_NO_LIMIT || s->cfg.scenario.source != SOURCE_UNSTOPPABLE)
        return true;
    struct belt *b = &s->belt;
    if (b->pace_acc < TICK_HZ * 60u)
        b->pace_acc += sig->rate_limit < TICK_HZ * 60u ? sig->rate_limit : TICK_HZ * 60u;
    if (b->pace_acc < TICK_HZ * 60u)
        return false;
    b->pace_acc -= TICK_HZ * 60u;
    return true;
}

/* Moves the belt one step: place one candy from the pile, deliver arrivals. */
static void belt_advance(struct sim *s)
{
    struct belt *b = &s->belt;
    b->odometer++;
    if (sim_held_at_kitchen(s) > 0 && b->len < b->cap && may_place(s)) {
        b->odo[(b->head + b->len) & (b->cap - 1u)] = b->odometer;
        b->len++;
        s->stats.placed++;
    }
    while (b->len > 0 && b->odometer - b->odo[b->head] >= b->length) {
        if (!offer_front(s))
            return;
    }
}

static void supervisor_visit(struct sim *s)
{
    struct supervisor *v = &s->supervisor;
    const struct scenario *sc = &s->cfg.scenario;
    uint32_t seen = sim_visible_backlog(s);
    v->visits++;
    v->last_visit_tick = s->tick + 1u;
    v->last_seen = seen;
    /* A stopped belt is a backlog she can see; hats and eaten candy are not. */
    v->last_sped_up = seen <= sc->sup_tolerance && s->belt.moving;
    if (v->last_sped_up) {
        uint64_t pct = (uint64_t)v->pct * (100u + sc->sup_speedup_pct) / 100u;
        v->pct = pct > sc->sup_max_pct ? sc->sup_max_pct : (uint32_t)pct;
        v->speedups++;
    }
    sim_note(s, EV_VISIT, ((uint64_t)seen << 32) | v->pct);
}

static void record_tick_stats(struct sim *s)
{
    struct sim_stats *st = &s->stats;
    uint32_t waiting = sim_waiting(s);
    st->buffer_area += waiting;
    if (waiting > st->buffer_max)
        st->buffer_max = waiting;
    if (s->cfg.strategy->hidden && waiting > st->hidden_max)
        st->hidden_max = waiting;
    if (s->worker.busy)
        st->busy_ticks++;
    if (s->partner.busy)
        st->partner_busy_ticks++;
    if (!s->belt.moving)
        st->stopped_ticks++;
    if (sim_held_at_kitchen(s) > st->held_max)
        st->held_max = sim_held_at_kitchen(s);
}

/* The station tells the kitchen what it wants (strategies with steer()). */
static void steer(struct sim *s)
{
    s->signal.rate_limit = KITCHEN_NO_LIMIT;
    s->signal.requested = KITCHEN_NO_LIMIT;
    const struct strategy_ops *ops = s->cfg.strategy;
    if (!ops->steer)
        return;
    struct line_view v = {
        .tick = s->tick,
        .rate = sim_current_rate(s),
        .on_belt = sim_on_belt(s),
        .held = sim_held_at_kitchen(s),
        .waiting = sim_waiting(s),
        .worker_busy = s->worker.busy && (s->cfg.partner.kind != WORKER_BOT || s->partner.busy),
        .belt_ticks = s->belt.length,
    };
    ops->steer(s->buffer, &v, &s->signal);
}

/* The kitchen makes this tick's candy. A pausable one makes no more than
 * the station allows: its rate limit, and under pull only what was asked
 * for and is not already in its pile. An unstoppable one cannot be told. */
static void run_kitchen(struct sim *s)
{
    const struct kitchen_signal *sig = &s->signal;
    uint32_t rate = sim_current_rate(s);
    uint64_t max = UINT64_MAX;
    if (s->cfg.scenario.source == SOURCE_PAUSABLE) {
        if (sig->rate_limit < rate)
            rate = sig->rate_limit;
        if (sig->requested != KITCHEN_NO_LIMIT) {
            uint64_t held = sim_held_at_kitchen(s);
            max = sig->requested > held ? sig->requested - held : 0u;
            if (max == 0)
                return; /* nobody asked: the kitchen waits, its clock stopped */
        }
    }
    kitchen_run(s, rate, max);
}

void sim_step(struct sim *s, const struct sim_input *in)
{
    if (s->outcome != OUTCOME_RUNNING)
        return;
    if (in && in->end_shift) {
        s->outcome = OUTCOME_QUIT;
        sim_note(s, EV_FAIL, OUTCOME_QUIT);
        return;
    }
    worker_keys(s, in);
    worker_progress(s);

    steer(s);
    s->belt.moving = belt_may_move(s);
    if (s->belt.moving || s->cfg.scenario.source == SOURCE_UNSTOPPABLE)
        run_kitchen(s);
    if (s->belt.moving)
        belt_advance(s);
    if (s->outcome == OUTCOME_RUNNING)
        worker_take_if_idle(s);

    const struct scenario *sc = &s->cfg.scenario;
    if (s->outcome == OUTCOME_RUNNING && s->cfg.supervisor && sc->supervisor &&
        (s->tick + 1u) % ((uint64_t)sc->sup_every_s * TICK_HZ) == 0)
        supervisor_visit(s);

    record_tick_stats(s);
    s->tick++;
    if (s->outcome == OUTCOME_RUNNING && s->tick >= s->end_tick)
        s->outcome = OUTCOME_COMPLETED;
}

int64_t sim_score(const struct sim *s)
{
    const struct scenario *sc = &s->cfg.scenario;
    int64_t score = (int64_t)s->stats.wrapped * sc->score_wrapped +
                    (int64_t)s->stats.dropped * sc->score_dropped +
                    (int64_t)s->stats.stale * sc->score_stale;
    if (s->outcome == OUTCOME_BURST || s->outcome == OUTCOME_OVERFLOW)
        score += sc->score_failed;
    return score;
}

bool sim_conserved(const struct sim *s)
{
    const struct sim_stats *st = &s->stats;
    return st->produced == st->wrapped + st->dropped + sim_waiting(s) + sim_on_belt(s) +
                               sim_in_progress(s) + sim_held_at_kitchen(s);
}

uint64_t sim_state_hash(const struct sim *s)
{
    const struct sim_stats *st = &s->stats;
    const uint64_t parts[] = {
        s->events_hash,   s->tick,           (uint64_t)s->outcome, s->play.state,
        st->produced,     st->placed,        st->delivered,        st->taken,
        st->wrapped,      st->dropped,       st->stale,            st->busy_ticks,
        st->buffer_area,  st->buffer_max,    st->hidden_max,       st->waits.sum,
        s->belt.odometer, s->belt.len,       s->supervisor.pct,    s->kitchen.clock,
        s->kitchen.acc,   s->kitchen.next_ut, (uint64_t)s->worker.left_ut, s->worker.phase_left,
    };
    uint64_t h = 0x43414e44594c494eull; /* "CANDYLIN" */
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        h = mix64(h ^ parts[i]) + i;
    if (s->cfg.partner.kind == WORKER_BOT) { /* only then, so shifts without keep their hash */
        const uint64_t more[] = {st->partner_busy_ticks, st->partner_wrapped,
                                 (uint64_t)s->partner.left_ut, s->partner.busy};
        for (size_t i = 0; i < sizeof more / sizeof more[0]; i++)
            h = mix64(h ^ more[i]) + 100u + i;
    }
    return h;
}

const char *outcome_name(enum outcome o)
{
    switch (o) {
    case OUTCOME_RUNNING:
        return "running";
    case OUTCOME_COMPLETED:
        return "completed";
    case OUTCOME_BURST:
        return "burst";
    case OUTCOME_OVERFLOW:
        return "overflow";
    case OUTCOME_QUIT:
        return "quit";
    case OUTCOME_NO_MEMORY:
        return "out-of-memory";
    }
    return "unknown";
}
