/* check_strategies.c - the CONFORMANCE suite (SPEC section 3). Every entry
 * of strategy_registry[] is checked, so a strategy added tomorrow is held
 * to the same rules without editing this file:
 *   - no candy duplicated or invented, nothing lost without being counted;
 *   - waiting never exceeds the capacity N;
 *   - a strategy with demand() never gets (or refuses) more than it asked
 *     for (Reactive Streams rule 1.1);
 * plus what each known strategy promises (bounded fails on the (N+1)th,
 * drop never fails and eats the newest or the oldest, backpressure never
 * drops, unbounded bursts only past --memory), and spec parsing.
 *
 * Two drivers: a fake station calling the hooks directly with our own
 * candy ids, and whole shifts in the simulation with a "spy" strategy that
 * forwards to the real one and keeps a ledger of every candy it sees.
 *
 * CANDYLINE_STRATEGY=NAME (what `make check-strategy NAME=...` sets) checks
 * that one strategy only: its registry entry, the station and the shifts,
 * and its own promises if it is a built-in. The messages are written for a
 * student whose strategy just broke a rule. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/sim/rng.h"
#include "../src/sim/sim.h"
#include "../src/strategies/registry.h"
#include "helpers.h"
#include "suites.h"

static unsigned registry_count(void)
{
    unsigned n = 0;
    while (strategy_registry[n])
        n++;
    return n;
}

/* The strategies under test: the whole registry, or the one named by
 * CANDYLINE_STRATEGY. */
static const struct strategy_ops *chosen[64];
static unsigned n_chosen;

/* Where the current check is ("hwm:6, shift 'overload fixed pausable'"),
 * the start of every message about a broken rule. */
static char W[160];

static const char *offer_name(enum offer_result r)
{
    static const char *const names[] = {"OFFER_QUEUED", "OFFER_DROPPED_NEWEST",
                                        "OFFER_DROPPED_OLDEST", "OFFER_OVERFLOW", "OFFER_BURST",
                                        "OFFER_NO_MEMORY"};
    return (unsigned)r < sizeof names / sizeof names[0] ? names[r] : "an unknown result";
}

static bool is(const struct strategy_ops *ops, const char *name)
{
    return strcmp(ops->name, name) == 0;
}

/* ---- the ledger ---------------------------------------------------- *
 * Where each candy id is, as far as the strategy has told us. */

enum place { UNSEEN, WAITING, TAKEN, EATEN, REFUSED };

#define LEDGER_IDS (1u << 20)

static struct ledger {
    uint8_t *place;          /* by candy id */
    uint32_t *tick;          /* the tick each was offered with */
    uint64_t offered, waiting, taken, eaten, refused;
    uint64_t next_id;        /* ids must be offered in order (sim) */
    bool check_order;
    int64_t granted;         /* what the last demand() allowed, minus offers since */
    bool demand_called;
    uint32_t requested;      /* what the last steer() asked the kitchen for */
    enum offer_result last_result;
    struct candy last_eaten, last_taken;
} L;

static void ledger_init(bool check_order)
{
    free(L.place);
    free(L.tick);
    memset(&L, 0, sizeof L);
    L.place = calloc(LEDGER_IDS, 1);
    L.tick = calloc(LEDGER_IDS, sizeof *L.tick);
    ck_assert_ptr_nonnull(L.place);
    ck_assert_ptr_nonnull(L.tick);
    L.check_order = check_order;
}

/* ---- the spy strategy ---------------------------------------------- */

struct spy {
    const struct strategy_ops *real;
    void *self;
};

static const struct strategy_ops *spy_target; /* what spy_create wraps */
static struct strategy_ops spy_ops;

static void *spy_create(const struct strategy_config *cfg)
{
    struct spy *s = malloc(sizeof *s);
    ck_assert_ptr_nonnull(s);
    s->real = spy_target;
    s->self = spy_target->create(cfg);
    ck_assert_ptr_nonnull(s->self);
    return s;
}

static void spy_destroy(void *self)
{
    struct spy *s = self;
    s->real->destroy(s->self);
    free(s);
}

static uint32_t spy_waiting(const void *self)
{
    const struct spy *s = self;
    return s->real->waiting(s->self);
}

static bool spy_peek(const void *self, uint32_t i, struct candy *out)
{
    const struct spy *s = self;
    return s->real->peek(s->self, i, out);
}

static uint32_t spy_demand(const void *self)
{
    const struct spy *s = self;
    uint32_t d = s->real->demand(s->self);
    L.granted = d;
    L.demand_called = true;
    return d;
}

static enum offer_result spy_offer(void *self, struct candy c, struct candy *eaten)
{
    struct spy *s = self;
    ck_assert_uint_lt(c.id, LEDGER_IDS);
    ck_assert_msg(L.place[c.id] == UNSEEN, "%s: the station offered candy %u twice (a bug in "
                  "the simulation, not in the strategy)", W, c.id);
    if (L.check_order) {
        ck_assert_uint_eq(c.id, L.next_id);
        L.next_id++;
    }
    if (s->real->demand) {
        /* The station only offers what the last demand() asked for. */
        ck_assert_msg(L.demand_called, "%s: candy %u was offered before demand() was asked",
                      W, c.id);
        ck_assert_msg(L.granted > 0, "%s: offered %lld candy more than demand() asked for", W,
                      (long long)(1 - L.granted));
        L.granted--;
    }
    L.tick[c.id] = c.tick;
    L.offered++;
    uint32_t before = s->real->waiting(s->self);
    ck_assert_msg(before == L.waiting, "%s: waiting() returns %u, but %llu candies should be "
                  "waiting (candies appeared or vanished between calls)", W, before,
                  (unsigned long long)L.waiting);
    struct candy e = {UINT32_MAX, UINT32_MAX};
    enum offer_result r = s->real->offer(s->self, c, &e);
    switch (r) {
    case OFFER_QUEUED:
        L.place[c.id] = WAITING;
        L.waiting++;
        break;
    case OFFER_DROPPED_NEWEST:
        ck_assert_msg(e.id == c.id && e.tick == c.tick,
                      "%s: offer() said it ate the arriving candy %u (OFFER_DROPPED_NEWEST) but "
                      "put candy %u in *eaten: it must be the arrival, unchanged", W, c.id, e.id);
        L.place[c.id] = EATEN;
        L.eaten++;
        break;
    case OFFER_DROPPED_OLDEST:
        ck_assert_msg(e.id < LEDGER_IDS && L.place[e.id] == WAITING,
                      "%s: candy %u was eaten but it was not waiting (OFFER_DROPPED_OLDEST must "
                      "put a waiting candy in *eaten)", W, e.id);
        ck_assert_msg(e.tick == L.tick[e.id], "%s: candy %u was eaten with tick %u, but it "
                      "arrived with tick %u (a candy must not change)", W, e.id, e.tick,
                      L.tick[e.id]);
        L.place[e.id] = EATEN;
        L.place[c.id] = WAITING;
        L.eaten++;
        break;
    case OFFER_OVERFLOW:
    case OFFER_BURST:
        L.place[c.id] = REFUSED;
        L.refused++;
        break;
    default:
        ck_abort_msg("%s: offer() returned %s for candy %u (%d)%s", W, offer_name(r), c.id,
                     (int)r, r == OFFER_NO_MEMORY ? ": its buffer could not grow" : "");
    }
    if (r == OFFER_DROPPED_NEWEST || r == OFFER_DROPPED_OLDEST)
        *eaten = e;
    L.last_result = r;
    L.last_eaten = e;
    uint32_t after = s->real->waiting(s->self);
    ck_assert_msg(after == L.waiting, "%s: after offer() returned %s, waiting() returns %u, "
                  "but %llu candies should be waiting", W, offer_name(r), after,
                  (unsigned long long)L.waiting);
    return r;
}

static bool spy_take(void *self, struct candy *out)
{
    struct spy *s = self;
    struct candy c;
    if (!s->real->take(s->self, &c)) {
        ck_assert_msg(L.waiting == 0, "%s: take() returned nothing while %llu candies were "
                      "waiting", W, (unsigned long long)L.waiting);
        return false;
    }
    ck_assert_msg(c.id < LEDGER_IDS && L.place[c.id] != UNSEEN,
                  "%s: take() handed over candy %u, which was never offered", W, c.id);
    ck_assert_msg(L.place[c.id] != TAKEN, "%s: candy %u was handed to the worker twice", W,
                  c.id);
    ck_assert_msg(L.place[c.id] != EATEN, "%s: candy %u was handed to the worker, but it had "
                  "been eaten", W, c.id);
    ck_assert_msg(L.place[c.id] == WAITING, "%s: candy %u was handed to the worker, but it "
                  "was never waiting (offer() refused it)", W, c.id);
    ck_assert_msg(c.tick == L.tick[c.id], "%s: candy %u was handed over with tick %u, but it "
                  "arrived with tick %u (a candy must not change)", W, c.id, c.tick,
                  L.tick[c.id]);
    L.place[c.id] = TAKEN;
    L.waiting--;
    L.taken++;
    L.last_taken = c;
    uint32_t after = s->real->waiting(s->self);
    if (after != L.waiting) {
        struct candy w;
        for (uint32_t i = 0; i < after && i < 100000u && s->real->peek(s->self, i, &w); i++)
            ck_assert_msg(w.id != c.id, "%s: candy %u was handed to the worker but is still "
                          "waiting in the buffer, so it would be handed over twice: take() "
                          "must remove the candy it hands over", W, c.id);
    }
    ck_assert_msg(after == L.waiting, "%s: after take(), waiting() returns %u, but %llu "
                  "candies should be waiting", W, after, (unsigned long long)L.waiting);
    *out = c;
    return true;
}

static void spy_steer(void *self, const struct line_view *line, struct kitchen_signal *out)
{
    struct spy *s = self;
    s->real->steer(s->self, line, out);
    L.requested = out->requested;
}

/* Points spy_ops at real: the same name, flags and optional hooks. */
static void spy_on(const struct strategy_ops *real)
{
    spy_target = real;
    spy_ops = *real;
    spy_ops.create = spy_create;
    spy_ops.destroy = spy_destroy;
    spy_ops.offer = spy_offer;
    spy_ops.take = spy_take;
    spy_ops.waiting = spy_waiting;
    spy_ops.peek = spy_peek;
    spy_ops.demand = real->demand ? spy_demand : NULL;
    spy_ops.steer = real->steer ? spy_steer : NULL;
}

/* The waiting candies as peek() lists them: distinct, all WAITING. */
static void check_peek(const struct spy *s)
{
    uint32_t n = s->real->waiting(s->self);
    struct candy c;
    for (uint32_t i = 0; i < n; i++) {
        ck_assert_msg(s->real->peek(s->self, i, &c), "%s: peek(%u) found nothing, but "
                      "waiting() says %u candies are waiting", W, i, n);
        ck_assert_msg(c.id < LEDGER_IDS && L.place[c.id] == WAITING,
                      "%s: peek(%u) shows candy %u, which is not waiting", W, i, c.id);
        L.place[c.id] = UNSEEN + 100; /* mark seen once */
    }
    ck_assert_msg(!s->real->peek(s->self, n, &c), "%s: peek(%u) found a candy, but only %u "
                  "are waiting", W, n, n);
    for (uint32_t i = 0; i < n; i++) {
        s->real->peek(s->self, i, &c);
        ck_assert_msg(L.place[c.id] == UNSEEN + 100, "%s: peek() shows candy %u twice", W,
                      c.id);
        L.place[c.id] = WAITING;
    }
}

/* ---- configuring any strategy with a capacity ----------------------- */

/* "name:N" if the strategy takes it, else "name" with --memory N. */
static void configure(const struct strategy_ops *ops, uint32_t n, char *spec, size_t speclen,
                      struct strategy_config *cfg)
{
    const struct strategy_ops *got = NULL;
    char err[300];
    snprintf(spec, speclen, "%s:%u", ops->name, n);
    if (strategy_parse_spec(spec, n, &got, cfg, err, sizeof err) == 0) {
        ck_assert_ptr_eq(got, ops);
        return;
    }
    snprintf(spec, speclen, "%s", ops->name);
    ck_assert_msg(strategy_parse_spec(spec, n, &got, cfg, err, sizeof err) == 0,
                  "%s: configure() refuses both '%s:%u' and '%s', and the suite needs "
                  "one of them (make any further setting optional): %s", ops->name, ops->name, n, ops->name, err);
    ck_assert_ptr_eq(got, ops);
}

/* ---- the registry ---------------------------------------------------- */

START_TEST(registry_entry_is_complete)
{
    const struct strategy_ops *ops = chosen[_i];
    const char *name = ops->name ? ops->name : "(no name)";
    ck_assert_msg(ops->api_version == STRATEGY_API_VERSION, "%s: .api_version is %u, but this "
                  "game's interface is version %u: set it to STRATEGY_API_VERSION", name,
                  ops->api_version, STRATEGY_API_VERSION);
    ck_assert_msg(ops->name && strlen(ops->name) > 0 && strlen(ops->name) < 32 &&
                      strcspn(ops->name, ":, ") == strlen(ops->name),
                  "%s: .name must be 1 to 31 characters without ':', ',' or spaces", name);
    ck_assert_msg(ops->usage && strncmp(ops->usage, ops->name, strlen(ops->name)) == 0,
                  "%s: .usage must start with the name, like \"%s:N\"", name, name);
    ck_assert_msg(ops->lesson && strlen(ops->lesson) > 10 && !strchr(ops->lesson, '\n'),
                  "%s: .lesson must be one line of more than 10 characters", name);
    ck_assert_msg(strlen(ops->lesson) <= 78,
                  "%s: .lesson has %zu characters; the game's header shows 78", name,
                  strlen(ops->lesson));
    ck_assert_msg(ops->analogues && strlen(ops->analogues) > 3,
                  "%s: .analogues must say where it is found in real systems", name);
    ck_assert_msg(ops->configure && ops->create && ops->destroy && ops->offer && ops->take &&
                      ops->waiting && ops->peek,
                  "%s: a hook is missing: configure, create, destroy, offer, take, waiting "
                  "and peek are all required", name);
    ck_assert_ptr_eq(strategy_find(ops->name), ops);
    for (unsigned j = 0; strategy_registry[j]; j++)
        if (strategy_registry[j] != ops)
            ck_assert_msg(strcmp(strategy_registry[j]->name, ops->name) != 0,
                          "%s: two strategies have this name", name);
    /* A fresh buffer is empty. */
    struct strategy_config cfg;
    char spec[64];
    configure(ops, 4, spec, sizeof spec, &cfg);
    void *self = ops->create(&cfg);
    struct candy c;
    ck_assert_msg(self != NULL, "%s: create() returned NULL", spec);
    ck_assert_msg(ops->waiting(self) == 0, "%s: a new buffer says %u candies are waiting; it "
                  "should be empty", spec, ops->waiting(self));
    ck_assert_msg(!ops->take(self, &c), "%s: take() handed over candy %u from a new, empty "
                  "buffer", spec, c.id);
    ck_assert_msg(!ops->peek(self, 0, &c), "%s: peek(0) found candy %u in a new, empty buffer",
                  spec, c.id);
    if (ops->demand)
        ck_assert_msg(ops->demand(self) > 0, "%s: demand() of a new buffer is 0, so the belt "
                      "would never move", spec);
    ops->destroy(self);
}
END_TEST

START_TEST(registry_shape)
{
    ck_assert_uint_ge(registry_count(), 4);
    ck_assert_ptr_null(strategy_find("no-such-strategy"));
    ck_assert_ptr_null(strategy_find(""));
    for (const char *const *n = (const char *const[]){"unbounded", "bounded", "drop",
                                                       "backpressure", NULL};
         *n; n++)
        ck_assert_msg(strategy_find(*n) != NULL, "%s is not registered", *n);
    /* The first entry is the default, and the default spec parses to it. */
    const struct strategy_ops *ops;
    struct strategy_config cfg;
    char err[300];
    ck_assert_int_eq(strategy_parse_spec("backpressure:5", 0, &ops, &cfg, err, sizeof err), 0);
    ck_assert_ptr_eq(ops, strategy_registry[0]);
    ck_assert(strategy_find("unbounded")->hidden);
    ck_assert(!strategy_find("bounded")->hidden);
    ck_assert(!strategy_find("drop")->hidden);
    ck_assert(!strategy_find("backpressure")->hidden);
    ck_assert_msg(strategy_find("backpressure")->demand != NULL, "backpressure has no demand hook");
}
END_TEST

/* ---- spec parsing ----------------------------------------------------- */

static const struct {
    const char *spec;
    uint32_t memory;
    const char *name;
    uint32_t capacity;
} good_specs[] = {
    {"unbounded", 0, "unbounded", 0},
    {"unbounded", 60, "unbounded", 60},
    {"bounded:5", 0, "bounded", 5},
    {"bounded:1", 9, "bounded", 1},
    {"bounded:100000000", 0, "bounded", 100000000},
    {"drop:3", 0, "drop", 3},
    {"drop:3:newest", 0, "drop", 3},
    {"drop:3:oldest", 0, "drop", 3},
    {"backpressure:1", 0, "backpressure", 1},
    {"backpressure:5", 77, "backpressure", 5},
};

START_TEST(specs_accepted)
{
    const struct strategy_ops *ops = NULL;
    struct strategy_config cfg;
    char err[300];
    ck_assert_msg(strategy_parse_spec(good_specs[_i].spec, good_specs[_i].memory, &ops, &cfg, err,
                                      sizeof err) == 0,
                  "%s: %s", good_specs[_i].spec, err);
    ck_assert_str_eq(ops->name, good_specs[_i].name);
    ck_assert_uint_eq(cfg.capacity, good_specs[_i].capacity);
}
END_TEST

START_TEST(drop_variants_differ)
{
    const struct strategy_ops *ops;
    struct strategy_config plain, newest, oldest;
    char err[300];
    ck_assert_int_eq(strategy_parse_spec("drop:3", 0, &ops, &plain, err, sizeof err), 0);
    ck_assert_int_eq(strategy_parse_spec("drop:3:newest", 0, &ops, &newest, err, sizeof err), 0);
    ck_assert_int_eq(strategy_parse_spec("drop:3:oldest", 0, &ops, &oldest, err, sizeof err), 0);
    ck_assert_uint_eq(plain.variant, newest.variant); /* newest is the default */
    ck_assert_uint_ne(newest.variant, oldest.variant);
}
END_TEST

static const struct {
    const char *spec;
    const char *says; /* the message must contain this */
} bad_specs[] = {
    {"", "expected a strategy name"},
    {":5", "expected a strategy name"},
    {"bogus", "unknown strategy 'bogus'"},
    {"bogus:5", "unknown strategy 'bogus'"},
    {"Bounded:5", "unknown strategy"},
    {"a-strategy-name-much-longer-than-31", "expected a strategy name"},
    {"bounded", "bounded:N"},
    {"bounded:", "bounded:N"},
    {"bounded:0", "from 1 to 100000000"},
    {"bounded:100000001", "from 1 to 100000000"},
    {"bounded:99999999999999999999", "from 1 to 100000000"},
    {"bounded:-1", "bounded:N"},
    {"bounded:5x", "bounded:N"},
    {"bounded:5:x", "bounded:N"},
    {"bounded: 5", "bounded:N"},
    {"backpressure", "backpressure:N"},
    {"backpressure:0", "backpressure:N"},
    {"backpressure:5:oldest", "backpressure:N"},
    {"drop", "drop:N"},
    {"drop:0", "drop:N"},
    {"drop:3:middle", "newest or oldest"},
    {"drop:3:", "newest or oldest"},
    {"drop:3:oldest:x", "newest or oldest"},
    {"drop:3:OLDEST", "newest or oldest"},
    {"unbounded:5", "takes no settings"},
    {"unbounded:", "takes no settings"},
};

START_TEST(specs_rejected)
{
    const struct strategy_ops *ops = NULL;
    struct strategy_config cfg;
    char err[300] = "";
    ck_assert_msg(strategy_parse_spec(bad_specs[_i].spec, 0, &ops, &cfg, err, sizeof err) == -1,
                  "accepted '%s'", bad_specs[_i].spec);
    ck_assert_ptr_null(ops);
    ck_assert_msg(strstr(err, bad_specs[_i].says) != NULL, "'%s': message '%s' lacks '%s'",
                  bad_specs[_i].spec, err, bad_specs[_i].says);
    ck_assert_msg(strchr(err, '\n') == NULL, "one line: '%s'", err);
}
END_TEST

/* ---- the fake station ------------------------------------------------- */

struct station_report {
    uint64_t offered, queued, dropped_newest, dropped_oldest, failed, taken;
    uint32_t max_waiting;
};

/* Drives one buffer made from spec through the spy for `ops` operations:
 * phases of underload, balance and overload; a demand-driven strategy is
 * only offered what it asks for. Checks each strategy's own promises.
 * Stops at the first failure (the shift would end there). */
static struct station_report station(const char *spec, uint32_t memory, uint32_t ops_count,
                                     uint64_t seed)
{
    const struct strategy_ops *real;
    struct strategy_config cfg;
    char err[300];
    ck_assert_msg(strategy_parse_spec(spec, memory, &real, &cfg, err, sizeof err) == 0, "%s: %s",
                  spec, err);
    spy_on(real);
    ledger_init(false);
    snprintf(W, sizeof W, "%s, at the test station", spec);
    struct spy *s = spy_ops.create(&cfg);
    struct rng r;
    rng_seed(&r, seed, 77u);
    struct station_report rep;
    memset(&rep, 0, sizeof rep);
    bool oldest_variant = strstr(spec, ":oldest") != NULL;
    /* Ids out of order, as a test of "no candy invented": ours, not the sim's. */
    uint32_t id_base = (uint32_t)rng_below(&r, 1000u);
    for (uint32_t step = 0; step < ops_count; step++) {
        static const uint32_t offer_pct[] = {20, 50, 80}; /* an easy start, like a shift */
        bool want_offer = rng_below(&r, 100u) < offer_pct[(step / 5000u) % 3u];
        uint32_t n_offer = 1;
        if (real->demand) {
            uint32_t d = spy_ops.demand(s);
            if (real->demand && cfg.capacity)
                ck_assert_msg(d <= cfg.capacity, "%s: demand() asked for %u candies but the "
                              "capacity is %u", W, d, cfg.capacity);
            if (is(real, "backpressure"))
                ck_assert_uint_eq(d, cfg.capacity - (uint32_t)L.waiting);
            if (d == 0)
                want_offer = false;
            else if (rng_below(&r, 10u) == 0)
                n_offer = d; /* now and then, all it asked for in a row */
        }
        bool asked = false;
        if (real->steer) {
            /* The station's view: nothing on the belt, the worker idle. */
            struct line_view v = {.tick = step, .rate = 60, .waiting = (uint32_t)L.waiting,
                                  .belt_ticks = 240};
            struct kitchen_signal sig = {KITCHEN_NO_LIMIT, KITCHEN_NO_LIMIT};
            spy_ops.steer(s, &v, &sig);
            if (sig.requested != KITCHEN_NO_LIMIT) {
                /* Pull: only what it asked for comes. */
                if (sig.requested < n_offer)
                    n_offer = sig.requested;
                want_offer = want_offer && n_offer > 0;
                asked = true;
            }
        }
        if (want_offer) {
            for (uint32_t k = 0; k < n_offer; k++) {
                uint32_t id = id_base + (uint32_t)L.offered;
                ck_assert_uint_lt(id, LEDGER_IDS);
                struct candy c = {id, step * 3u + k}, eaten, oldest;
                bool had_oldest = real->peek(s->self, 0, &oldest);
                uint64_t waiting_before = L.waiting;
                enum offer_result res = spy_ops.offer(s, c, &eaten);
                rep.offered++;
                switch (res) {
                case OFFER_QUEUED:
                    rep.queued++;
                    break;
                case OFFER_DROPPED_NEWEST:
                    rep.dropped_newest++;
                    break;
                case OFFER_DROPPED_OLDEST:
                    rep.dropped_oldest++;
                    if (is(real, "drop")) {
                        ck_assert(had_oldest);
                        ck_assert_uint_eq(eaten.id, oldest.id); /* the oldest is eaten */
                    }
                    break;
                default:
                    rep.failed++;
                    break;
                }
                /* What each known strategy promises about a full buffer. */
                bool full = cfg.capacity && waiting_before >= cfg.capacity;
                if (is(real, "bounded"))
                    ck_assert_int_eq(res, full ? OFFER_OVERFLOW : OFFER_QUEUED);
                if (is(real, "unbounded"))
                    ck_assert_int_eq(res, full ? OFFER_BURST : OFFER_QUEUED);
                if (is(real, "drop"))
                    ck_assert_int_eq(res, !full          ? OFFER_QUEUED
                                          : oldest_variant ? OFFER_DROPPED_OLDEST
                                                           : OFFER_DROPPED_NEWEST);
                if (real->demand || asked) /* it asked for this one: no excuse to refuse or drop */
                    ck_assert_msg(res == OFFER_QUEUED, "%s: offer() returned %s for candy %u, "
                                  "which it had asked for (with %s): a candy asked for must "
                                  "be kept", W, offer_name(res), id,
                                  real->demand ? "demand()" : "steer()");
                if (cfg.capacity)
                    ck_assert_msg(L.waiting <= cfg.capacity, "%s: %llu candies waiting but "
                                  "capacity is %u", W, (unsigned long long)L.waiting,
                                  cfg.capacity);
                if (res == OFFER_OVERFLOW || res == OFFER_BURST)
                    goto done;
            }
        } else {
            struct candy oldest, got;
            bool had = real->peek(s->self, 0, &oldest);
            if (spy_ops.take(s, &got)) {
                rep.taken++;
                ck_assert(had);
                if (is(real, "bounded") || is(real, "unbounded") || is(real, "drop") ||
                    is(real, "backpressure"))
                    ck_assert_uint_eq(got.id, oldest.id); /* FIFO */
            }
        }
        if (L.waiting > rep.max_waiting)
            rep.max_waiting = (uint32_t)L.waiting;
        if (step % 64u == 0 || L.waiting < 8)
            check_peek(s);
    }
done:
    check_peek(s);
    /* Every candy offered is accounted for exactly once. */
    ck_assert_uint_eq(L.offered, L.waiting + L.taken + L.eaten + L.refused);
    uint64_t counted[5] = {0};
    for (uint32_t id = 0; id < LEDGER_IDS; id++)
        counted[L.place[id]]++;
    ck_assert_uint_eq(counted[WAITING], L.waiting);
    ck_assert_uint_eq(counted[TAKEN], L.taken);
    ck_assert_uint_eq(counted[EATEN], L.eaten);
    ck_assert_uint_eq(counted[REFUSED], L.refused);
    spy_ops.destroy(s);
    return rep;
}

/* Every registered strategy, capacities 1, 4 and 37, 200000 operations. */
START_TEST(station_conformance)
{
    const struct strategy_ops *ops = chosen[_i];
    static const uint32_t caps[] = {1, 4, 37};
    for (unsigned k = 0; k < 3; k++) {
        char spec[64];
        struct strategy_config cfg;
        configure(ops, caps[k], spec, sizeof spec, &cfg);
        struct station_report rep = station(spec, caps[k], 200000, 10u + k);
        ck_assert_msg(rep.taken > 0, "%s: the worker never got a candy from take() in %llu "
                      "offers", W, (unsigned long long)rep.offered);
        if (cfg.capacity)
            ck_assert_msg(rep.max_waiting <= cfg.capacity, "%s: %u candies waiting but "
                          "capacity is %u", W, rep.max_waiting, cfg.capacity);
        if (ops->demand)
            ck_assert_msg(rep.failed + rep.dropped_newest + rep.dropped_oldest == 0,
                          "%s: a strategy with demand() refused or ate %llu candies it had "
                          "asked for", W,
                          (unsigned long long)(rep.failed + rep.dropped_newest +
                                               rep.dropped_oldest));
        /* Overload phases fill any buffer of N: it fails, drops or (with
         * demand) the station stops offering. */
        if (is(ops, "bounded") || is(ops, "unbounded"))
            ck_assert_uint_eq(rep.failed, 1);
        if (is(ops, "drop"))
            ck_assert(rep.failed == 0 && rep.dropped_newest > 0);
        if (is(ops, "backpressure"))
            ck_assert_uint_eq(rep.max_waiting, caps[k]);
    }
}
END_TEST

START_TEST(drop_oldest_conformance)
{
    struct station_report rep = station("drop:5:oldest", 0, 200000, 3);
    ck_assert_uint_eq(rep.failed, 0);
    ck_assert_uint_eq(rep.dropped_newest, 0);
    ck_assert_uint_gt(rep.dropped_oldest, 0);
    ck_assert_uint_le(rep.max_waiting, 5);
}
END_TEST

/* Unbounded with no --memory limit: overload just grows the hats. Each
 * 5000-step overload phase offers at 80% and takes at 20%, so the hats gain
 * about 3000 candies before the next underload phase drains them. */
START_TEST(unbounded_without_limit_never_fails)
{
    struct station_report rep = station("unbounded", 0, 200000, 4);
    ck_assert_uint_eq(rep.failed, 0);
    ck_assert_uint_gt(rep.max_waiting, 2500);
}
END_TEST

/* ---- each strategy's promise, by hand --------------------------------- */

static void *make(const char *spec, uint32_t memory, const struct strategy_ops **ops)
{
    struct strategy_config cfg;
    char err[300];
    ck_assert_msg(strategy_parse_spec(spec, memory, ops, &cfg, err, sizeof err) == 0, "%s", err);
    void *self = (*ops)->create(&cfg);
    ck_assert_ptr_nonnull(self);
    return self;
}

static struct candy candy_n(uint32_t id)
{
    struct candy c = {id, 1000u + id};
    return c;
}

START_TEST(bounded_fails_on_n_plus_1)
{
    static const uint32_t ns[] = {1, 5, 100, 4096};
    for (unsigned k = 0; k < 4; k++) {
        char spec[32];
        const struct strategy_ops *ops;
        struct candy eaten = {7, 7}, out;
        snprintf(spec, sizeof spec, "bounded:%u", ns[k]);
        void *b = make(spec, 0, &ops);
        for (uint32_t i = 0; i < ns[k]; i++)
            ck_assert_int_eq(ops->offer(b, candy_n(i), &eaten), OFFER_QUEUED);
        ck_assert_int_eq(ops->offer(b, candy_n(ns[k]), &eaten), OFFER_OVERFLOW);
        ck_assert_uint_eq(eaten.id, 7); /* nothing stored in *eaten */
        ck_assert_uint_eq(ops->waiting(b), ns[k]);
        ck_assert(ops->take(b, &out));
        ck_assert_uint_eq(out.id, 0);
        ck_assert_int_eq(ops->offer(b, candy_n(ns[k] + 1u), &eaten), OFFER_QUEUED);
        ck_assert_int_eq(ops->offer(b, candy_n(ns[k] + 2u), &eaten), OFFER_OVERFLOW);
        for (uint32_t i = 1; i < ns[k]; i++) {
            ck_assert(ops->take(b, &out));
            ck_assert_uint_eq(out.id, i);
        }
        ck_assert(ops->take(b, &out));
        ck_assert_uint_eq(out.id, ns[k] + 1u); /* the refused one never got in */
        ck_assert(!ops->take(b, &out));
        ops->destroy(b);
    }
}
END_TEST

START_TEST(drop_newest_eats_the_arrival)
{
    const struct strategy_ops *ops;
    struct candy eaten, out;
    void *d = make("drop:3", 0, &ops);
    for (uint32_t i = 0; i < 3; i++)
        ck_assert_int_eq(ops->offer(d, candy_n(i), &eaten), OFFER_QUEUED);
    for (uint32_t i = 3; i < 10; i++) {
        ck_assert_int_eq(ops->offer(d, candy_n(i), &eaten), OFFER_DROPPED_NEWEST);
        ck_assert_uint_eq(eaten.id, i);
        ck_assert_uint_eq(eaten.tick, 1000u + i);
    }
    for (uint32_t i = 0; i < 3; i++) {
        ck_assert(ops->take(d, &out));
        ck_assert_uint_eq(out.id, i);
    }
    ck_assert(!ops->take(d, &out));
    ops->destroy(d);
}
END_TEST

START_TEST(drop_oldest_eats_the_oldest)
{
    const struct strategy_ops *ops;
    struct candy eaten, out, oldest;
    void *d = make("drop:3:oldest", 0, &ops);
    for (uint32_t i = 0; i < 3; i++)
        ck_assert_int_eq(ops->offer(d, candy_n(i), &eaten), OFFER_QUEUED);
    for (uint32_t i = 3; i < 10; i++) {
        ck_assert(ops->peek(d, 0, &oldest));
        ck_assert_int_eq(ops->offer(d, candy_n(i), &eaten), OFFER_DROPPED_OLDEST);
        ck_assert_uint_eq(eaten.id, oldest.id);
        ck_assert_uint_eq(eaten.id, i - 3u);
        ck_assert_uint_eq(eaten.tick, 1000u + i - 3u);
        ck_assert_uint_eq(ops->waiting(d), 3);
    }
    for (uint32_t i = 7; i < 10; i++) { /* the three newest are kept, in order */
        ck_assert(ops->take(d, &out));
        ck_assert_uint_eq(out.id, i);
    }
    ck_assert(!ops->take(d, &out));
    ops->destroy(d);
}
END_TEST

START_TEST(backpressure_asks_for_room)
{
    const struct strategy_ops *ops;
    struct candy eaten, out;
    void *b = make("backpressure:4", 0, &ops);
    ck_assert_msg(ops->demand != NULL, "backpressure has no demand hook");
    for (uint32_t i = 0; i < 4; i++) {
        ck_assert_uint_eq(ops->demand(b), 4u - i);
        ck_assert_int_eq(ops->offer(b, candy_n(i), &eaten), OFFER_QUEUED);
    }
    ck_assert_uint_eq(ops->demand(b), 0);
    /* An offer it did not ask for is a broken promise, reported, never
     * silently taken past N. */
    ck_assert_int_ne(ops->offer(b, candy_n(4), &eaten), OFFER_QUEUED);
    ck_assert_uint_eq(ops->waiting(b), 4);
    ck_assert(ops->take(b, &out));
    ck_assert_uint_eq(out.id, 0);
    ck_assert_uint_eq(ops->demand(b), 1);
    ops->destroy(b);
}
END_TEST

START_TEST(unbounded_bursts_past_memory)
{
    const struct strategy_ops *ops;
    struct candy eaten, out;
    void *u = make("unbounded", 60, &ops);
    for (uint32_t i = 0; i < 60; i++)
        ck_assert_int_eq(ops->offer(u, candy_n(i), &eaten), OFFER_QUEUED);
    ck_assert_int_eq(ops->offer(u, candy_n(60), &eaten), OFFER_BURST);
    ck_assert_uint_eq(ops->waiting(u), 60);
    ops->destroy(u);
    /* With no limit it takes everything, in order. */
    u = make("unbounded", 0, &ops);
    for (uint32_t i = 0; i < 300000; i++)
        ck_assert_int_eq(ops->offer(u, candy_n(i), &eaten), OFFER_QUEUED);
    ck_assert_uint_eq(ops->waiting(u), 300000);
    for (uint32_t i = 0; i < 300000; i++) {
        ck_assert(ops->take(u, &out));
        ck_assert_uint_eq(out.id, i);
    }
    ops->destroy(u);
}
END_TEST

/* ---- whole shifts, through the spy ----------------------------------- */

struct shift_case {
    const char *what;
    uint32_t rate, bot_rate; /* bot_rate 0: a human typing mostly right */
    bool exp, poisson, unstoppable;
};

static const struct shift_case shift_cases[] = {
    {"overload fixed pausable", 120, 60, false, false, false},
    {"overload poisson pausable", 120, 60, true, true, false},
    {"overload fixed unstoppable", 120, 60, true, false, true},
    {"overload poisson unstoppable", 120, 60, false, true, true},
    {"underload fixed pausable", 40, 120, true, false, false},
    {"underload poisson pausable", 40, 120, true, true, false},
    {"underload fixed unstoppable", 40, 120, false, false, true},
    {"underload poisson unstoppable", 40, 120, true, true, true},
    {"fast burst poisson", 1500, 1400, true, true, false},
    {"human poisson unstoppable", 100, 0, false, true, true},
};
#define N_SHIFT_CASES (sizeof shift_cases / sizeof shift_cases[0])

START_TEST(shift_conformance)
{
    const struct strategy_ops *ops = chosen[(unsigned)_i / N_SHIFT_CASES];
    const struct shift_case *sc = &shift_cases[(unsigned)_i % N_SHIFT_CASES];
    const uint32_t n = 6;
    char spec[64];
    struct strategy_config scfg;
    configure(ops, n, spec, sizeof spec, &scfg);
    struct shift_params p = {.scenario = "classic", .spec = spec, .memory = n,
                             .human = sc->bot_rate == 0, .bot_rate = sc->bot_rate,
                             .bot_exp = sc->exp, .rate = sc->rate, .poisson = sc->poisson,
                             .unstoppable = sc->unstoppable, .supervisor = true,
                             .minutes = 8, .seed = 1000u + (uint64_t)_i};
    struct sim_config cfg;
    struct sim s;
    struct rng keys;
    make_config(&p, &cfg);
    spy_on(cfg.strategy);
    cfg.strategy = &spy_ops;
    ledger_init(true);
    snprintf(W, sizeof W, "%s, in the shift '%s'", spec, sc->what);
    rng_seed(&keys, (uint64_t)_i, 5u);
    ck_assert_int_eq(sim_init(&s, &cfg), 0);
    const struct spy *spy = s.buffer;
    while (s.outcome == OUTCOME_RUNNING) {
        uint64_t taken = s.stats.taken, dropped = s.stats.dropped, delivered = s.stats.delivered;
        struct sim_input in;
        memset(&in, 0, sizeof in);
        if (cfg.worker.kind == WORKER_HUMAN && rng_below(&keys, 4u) == 0) {
            in.nkeys = 1;
            in.keys[0] = rng_below(&keys, 10u) ? s.worker.letter : 'z';
        }
        sim_step(&s, &in);
        assert_invariants(&s);
        /* The ledger and the simulation's counters agree. */
        ck_assert_uint_eq(L.offered, s.stats.delivered);
        ck_assert_uint_eq(L.taken, s.stats.taken);
        ck_assert_uint_eq(L.eaten, s.stats.dropped);
        ck_assert_uint_eq(L.waiting, sim_waiting(&s));
        /* Seen from outside: a take shows as the candy in hand (unless it
         * was also finished within the tick), a drop as last_drop_id. */
        if (s.stats.taken == taken + 1u && s.worker.busy && s.stats.wrapped == taken) {
            ck_assert_uint_eq(s.worker.candy.id, L.last_taken.id);
            ck_assert_uint_lt(s.worker.candy.id, s.stats.delivered);
        }
        ck_assert_uint_le(s.stats.dropped - dropped, 1);
        if (s.stats.dropped > dropped) {
            ck_assert_uint_eq(s.last_drop_id, L.last_eaten.id);
            ck_assert_uint_eq(s.last_drop_tick, s.tick);
            ck_assert_uint_eq(L.place[s.last_drop_id], EATEN);
        }
        if (scfg.capacity)
            ck_assert_msg(sim_waiting(&s) <= scfg.capacity, "%s, tick %llu: %u candies "
                          "waiting but capacity is %u", W, (unsigned long long)s.tick,
                          sim_waiting(&s), scfg.capacity);
        if (!s.belt.moving)
            ck_assert_uint_eq(s.stats.delivered, delivered);
        if (s.tick % 50u == 0 || sim_waiting(&s) < 8)
            check_peek(spy);
    }
    check_peek(spy);
    /* Each kind of ending is the promised one. */
    if (ops->demand)
        ck_assert_msg(s.outcome == OUTCOME_COMPLETED, "%s: a strategy with demand() must "
                      "never fail the shift, but it ended '%s' at tick %llu", W,
                      outcome_name(s.outcome), (unsigned long long)s.tick);
    if (is(ops, "drop") || is(ops, "pull") || is(ops, "latest") || is(ops, "aimd"))
        ck_assert_int_eq(s.outcome, OUTCOME_COMPLETED);
    if (ops->demand)
        ck_assert_msg(s.stats.dropped == 0, "%s: a strategy with demand() ate %llu candies it "
                      "had asked for", W, (unsigned long long)s.stats.dropped);
    if (is(ops, "pull"))
        ck_assert_uint_eq(s.stats.dropped, 0);
    if (s.outcome == OUTCOME_OVERFLOW) {
        ck_assert(is(ops, "bounded") || !is(ops, "unbounded"));
        ck_assert_uint_eq(sim_waiting(&s), scfg.capacity); /* failed on the (N+1)th */
    }
    if (s.outcome == OUTCOME_BURST) {
        ck_assert_uint_eq(sim_waiting(&s), scfg.capacity);
        ck_assert_uint_eq(L.refused, 1);
    }
    if (is(ops, "bounded") || is(ops, "unbounded"))
        ck_assert_int_eq(s.outcome, sc->rate > 100 ? (is(ops, "bounded") ? OUTCOME_OVERFLOW
                                                                         : OUTCOME_BURST)
                                                   : s.outcome);
    if (sc->unstoppable && ops->demand && sc->rate > 100)
        ck_assert_uint_gt(s.stats.held_max, 0);
    /* Every id offered is in exactly one place; the rest were never offered. */
    for (uint64_t id = 0; id < s.stats.produced; id++) {
        uint8_t where = L.place[id];
        if (id < s.stats.delivered)
            ck_assert_msg(where == WAITING || where == TAKEN || where == EATEN ||
                              where == REFUSED,
                          "%s: candy %llu reached the station and vanished: it is not waiting, "
                          "was not handed over and was not eaten", W, (unsigned long long)id);
        else
            ck_assert_uint_eq(where, UNSEEN);
    }
    ck_assert_uint_eq(L.offered, L.waiting + L.taken + L.eaten + L.refused);
    sim_free(&s);
}
END_TEST

/* ---- the classroom strategies ---------------------------------------- */

/* pull: whatever the load, arrivals and worker, no candy is made (pausable
 * kitchen) or sent down the belt (unstoppable one) that the worker did not
 * ask for: at most one candy is ever past the kitchen and not yet wrapped,
 * and the kitchen only works in a tick the station asked. */
static const struct {
    uint32_t rate, bot_rate;
    bool poisson, unstoppable;
} pull_loads[] = {
    {40, 90, false, false},   {600, 90, false, false}, {3000, 2000, true, false},
    {3000, 0, false, false},  {600, 90, true, true},   {3000, 0, true, true},
};

START_TEST(pull_makes_only_what_was_asked)
{
    struct shift_params p = {.scenario = "classic", .spec = "pull",
                             .human = pull_loads[_i].bot_rate == 0,
                             .bot_rate = pull_loads[_i].bot_rate, .rate = pull_loads[_i].rate,
                             .poisson = pull_loads[_i].poisson,
                             .unstoppable = pull_loads[_i].unstoppable, .supervisor = true,
                             .minutes = 5, .seed = 70u + (uint64_t)_i};
    struct sim_config cfg;
    struct sim s;
    struct rng keys;
    make_config(&p, &cfg);
    spy_on(cfg.strategy);
    cfg.strategy = &spy_ops;
    ledger_init(true);
    rng_seed(&keys, (uint64_t)_i, 9u);
    ck_assert_int_eq(sim_init(&s, &cfg), 0);
    uint64_t asks = 0;
    while (s.outcome == OUTCOME_RUNNING) {
        uint64_t produced = s.stats.produced, placed = s.stats.placed;
        uint64_t held = sim_held_at_kitchen(&s);
        struct sim_input in;
        memset(&in, 0, sizeof in);
        if (cfg.worker.kind == WORKER_HUMAN && rng_below(&keys, 3u) == 0) {
            in.nkeys = 1;
            in.keys[0] = s.worker.letter;
        }
        L.requested = KITCHEN_NO_LIMIT;
        sim_step(&s, &in);
        assert_invariants(&s);
        ck_assert_msg(L.requested != KITCHEN_NO_LIMIT, "pull did not say what it asks for");
        asks += L.requested;
        ck_assert_msg(s.stats.placed - placed <= L.requested,
                      "tick %llu: %llu candies went down the belt, %u were asked for",
                      (unsigned long long)s.tick, (unsigned long long)(s.stats.placed - placed),
                      L.requested);
        ck_assert_msg(s.stats.placed - s.stats.wrapped <= 1,
                      "tick %llu: %llu candies on their way or in hand: only one was asked for",
                      (unsigned long long)s.tick,
                      (unsigned long long)(s.stats.placed - s.stats.wrapped));
        if (!p.unstoppable) {
            ck_assert_msg(s.stats.produced - produced <= (L.requested > held ? L.requested - held : 0),
                          "tick %llu: the kitchen made candy nobody asked for",
                          (unsigned long long)s.tick);
            ck_assert_uint_le(s.stats.produced - s.stats.wrapped, 1);
        }
        ck_assert_uint_eq(sim_waiting(&s), 0); /* nothing ever waits */
    }
    ck_assert_int_eq(s.outcome, OUTCOME_COMPLETED);
    ck_assert_uint_eq(s.stats.dropped, 0);
    ck_assert_uint_gt(s.stats.wrapped, 20);
    ck_assert_uint_gt(asks, 0);
    if (p.unstoppable)
        ck_assert_uint_gt(s.stats.held_max, 100); /* a push source piles up at home */
    sim_free(&s);
}
END_TEST

START_TEST(latest_keeps_the_newest)
{
    const struct strategy_ops *ops;
    struct strategy_config cfg;
    char err[300];
    ck_assert_int_eq(strategy_parse_spec("latest", 0, &ops, &cfg, err, sizeof err), 0);
    ck_assert_int_lt(strategy_parse_spec("latest:3", 0, &ops, &cfg, err, sizeof err), 0);
    ck_assert_int_eq(strategy_parse_spec("latest", 0, &ops, &cfg, err, sizeof err), 0);
    void *self = ops->create(&cfg);
    struct candy eaten, got;
    ck_assert_int_eq(ops->offer(self, (struct candy){1, 10}, &eaten), OFFER_QUEUED);
    ck_assert_int_eq(ops->offer(self, (struct candy){2, 20}, &eaten), OFFER_DROPPED_OLDEST);
    ck_assert_uint_eq(eaten.id, 1);
    ck_assert_int_eq(ops->offer(self, (struct candy){3, 30}, &eaten), OFFER_DROPPED_OLDEST);
    ck_assert_uint_eq(eaten.id, 2);
    ck_assert_uint_eq(ops->waiting(self), 1);
    ck_assert(ops->take(self, &got));
    ck_assert_uint_eq(got.id, 3);
    ck_assert_uint_eq(got.tick, 30);
    ck_assert(!ops->take(self, &got));
    ck_assert_int_eq(ops->offer(self, (struct candy){4, 40}, &eaten), OFFER_QUEUED);
    ops->destroy(self);
}
END_TEST

static uint32_t aimd_steer(const struct strategy_ops *ops, void *self, uint64_t tick,
                           uint32_t rate)
{
    struct line_view v = {.tick = tick, .rate = rate, .belt_ticks = 240};
    struct kitchen_signal sig = {KITCHEN_NO_LIMIT, KITCHEN_NO_LIMIT};
    ops->steer(self, &v, &sig);
    ck_assert_uint_eq(sig.requested, KITCHEN_NO_LIMIT); /* a push line */
    return sig.rate_limit;
}

/* The window, worked out by hand: it starts at the rate (120); a loss
 * halves it (60), a second loss within one trip (240 ticks) does not; each
 * trip without a loss adds STEP (10): 70 at tick 242, 80 at 482; the rate
 * caps it (75). */
START_TEST(aimd_halves_on_loss_and_probes_up)
{
    const struct strategy_ops *ops;
    struct strategy_config cfg;
    char err[300];
    ck_assert_int_eq(strategy_parse_spec("aimd:2:10", 0, &ops, &cfg, err, sizeof err), 0);
    ck_assert_int_lt(strategy_parse_spec("aimd:2:0", 0, &ops, &cfg, err, sizeof err), 0);
    ck_assert_int_lt(strategy_parse_spec("aimd:2:x", 0, &ops, &cfg, err, sizeof err), 0);
    ck_assert_int_lt(strategy_parse_spec("aimd", 0, &ops, &cfg, err, sizeof err), 0);
    ck_assert_int_eq(strategy_parse_spec("aimd:2:10", 0, &ops, &cfg, err, sizeof err), 0);
    void *self = ops->create(&cfg);
    struct candy eaten;
    ck_assert_uint_eq(aimd_steer(ops, self, 0, 120), 120);
    ck_assert_int_eq(ops->offer(self, (struct candy){0, 0}, &eaten), OFFER_QUEUED);
    ck_assert_int_eq(ops->offer(self, (struct candy){1, 0}, &eaten), OFFER_QUEUED);
    ck_assert_int_eq(ops->offer(self, (struct candy){2, 0}, &eaten), OFFER_DROPPED_NEWEST);
    ck_assert_uint_eq(eaten.id, 2);
    ck_assert_uint_eq(aimd_steer(ops, self, 1, 120), 60);
    ck_assert_int_eq(ops->offer(self, (struct candy){3, 1}, &eaten), OFFER_DROPPED_NEWEST);
    ck_assert_uint_eq(aimd_steer(ops, self, 2, 120), 60);
    ck_assert_uint_eq(aimd_steer(ops, self, 241, 120), 60);
    ck_assert_uint_eq(aimd_steer(ops, self, 242, 120), 70);
    ck_assert_uint_eq(aimd_steer(ops, self, 481, 120), 70);
    ck_assert_uint_eq(aimd_steer(ops, self, 482, 120), 80);
    ck_assert_uint_eq(aimd_steer(ops, self, 483, 75), 75);
    ops->destroy(self);
}
END_TEST

/* Under overload, AIMD slows a pausable kitchen to about the worker's pace,
 * so it loses a fraction of what drop:N loses on the same shift, and an
 * unstoppable kitchen piles its candy up at home instead of on the belt. */
START_TEST(aimd_finds_the_workers_pace)
{
    struct shift_params p = {.scenario = "classic", .spec = "aimd:5", .bot_rate = 60,
                             .rate = 120, .supervisor = false, .minutes = 10, .seed = 5};
    struct sim_config cfg;
    struct sim a, d;
    make_config(&p, &cfg);
    run_shift(&a, &cfg);
    p.spec = "drop:5";
    make_config(&p, &cfg);
    run_shift(&d, &cfg);
    ck_assert_int_eq(a.outcome, OUTCOME_COMPLETED);
    ck_assert_uint_eq(d.stats.dropped, d.stats.produced - d.stats.wrapped - sim_waiting(&d) -
                                           sim_on_belt(&d) - sim_in_progress(&d));
    ck_assert_uint_gt(a.stats.dropped, 0);                      /* it probes, and loses */
    ck_assert_uint_lt(a.stats.dropped * 5u, d.stats.dropped); /* a fifth of drop's losses */
    ck_assert_uint_lt(a.stats.produced, d.stats.produced * 2u / 3u); /* the kitchen slowed */
    ck_assert_uint_ge(a.stats.wrapped * 100u, d.stats.wrapped * 95u); /* and kept the worker busy */
    sim_free(&a);
    sim_free(&d);
    p.spec = "aimd:5";
    p.unstoppable = true;
    make_config(&p, &cfg);
    run_shift(&a, &cfg);
    ck_assert_int_eq(a.outcome, OUTCOME_COMPLETED);
    ck_assert_uint_gt(sim_held_at_kitchen(&a), 100);
    ck_assert_uint_lt(a.stats.dropped * 5u, a.stats.wrapped);
    sim_free(&a);
}
END_TEST

/* Fills chosen[] with the registry, or with the one strategy named by
 * CANDYLINE_STRATEGY; an unknown name stops the run (exit 2) with the names
 * there are. Returns the name, or NULL for the whole registry. */
static const char *choose_strategies(void)
{
    const char *only = getenv("CANDYLINE_STRATEGY");
    n_chosen = 0;
    if (!only || !*only) {
        for (unsigned i = 0; strategy_registry[i] && n_chosen < 64; i++)
            chosen[n_chosen++] = strategy_registry[i];
        return NULL;
    }
    const struct strategy_ops *ops = strategy_find(only);
    if (!ops && strchr(only, ':')) {
        fprintf(stderr, "check-strategy: NAME is the strategy's name alone, without settings: "
                        "NAME=%.*s, not NAME=%s (the suite tries NAME:N itself)\n",
                (int)(strchr(only, ':') - only), only, only);
        exit(2);
    }
    if (!ops) {
        fprintf(stderr, "check-strategy: no strategy named '%s' is registered.\n"
                        "  Registered:", only);
        for (unsigned i = 0; strategy_registry[i]; i++)
            fprintf(stderr, "%s %s", i ? "," : "", strategy_registry[i]->name);
        fprintf(stderr, ".\n  Did you add the line X(%s) \\ to the list in "
                        "src/strategies/registry.c,\n  and is .name = \"%s\" in your "
                        "strategy's struct?\n", only, only);
        exit(2);
    }
    chosen[n_chosen++] = ops;
    return only;
}

/* The promises of one built-in: added when the whole registry is checked,
 * or when `only` is that strategy. */
static void add_promise(TCase *tc, const char *only, const char *name, const TTest *test)
{
    if (!only || strcmp(only, name) == 0)
        tcase_add_test(tc, test);
}

Suite *strategies_suite(void)
{
    Suite *s = suite_create("strategies");
    const char *only = choose_strategies();
    int n = (int)n_chosen;
    TCase *tc = tcase_create("registry");
    tcase_add_loop_test(tc, registry_entry_is_complete, 0, n);
    if (!only)
        tcase_add_test(tc, registry_shape);
    suite_add_tcase(s, tc);
    if (!only) {
        tc = tcase_create("specs");
        tcase_add_loop_test(tc, specs_accepted, 0,
                            (int)(sizeof good_specs / sizeof good_specs[0]));
        tcase_add_loop_test(tc, specs_rejected, 0,
                            (int)(sizeof bad_specs / sizeof bad_specs[0]));
        tcase_add_test(tc, drop_variants_differ);
        suite_add_tcase(s, tc);
    }
    tc = tcase_create("station");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, station_conformance, 0, n);
    add_promise(tc, only, "drop", drop_oldest_conformance);
    add_promise(tc, only, "unbounded", unbounded_without_limit_never_fails);
    suite_add_tcase(s, tc);
    tc = tcase_create("promises");
    add_promise(tc, only, "bounded", bounded_fails_on_n_plus_1);
    add_promise(tc, only, "drop", drop_newest_eats_the_arrival);
    add_promise(tc, only, "drop", drop_oldest_eats_the_oldest);
    add_promise(tc, only, "backpressure", backpressure_asks_for_room);
    add_promise(tc, only, "unbounded", unbounded_bursts_past_memory);
    suite_add_tcase(s, tc);
    tc = tcase_create("classroom");
    tcase_set_timeout(tc, 60);
    if (!only || strcmp(only, "pull") == 0)
        tcase_add_loop_test(tc, pull_makes_only_what_was_asked, 0,
                            (int)(sizeof pull_loads / sizeof pull_loads[0]));
    add_promise(tc, only, "latest", latest_keeps_the_newest);
    add_promise(tc, only, "aimd", aimd_halves_on_loss_and_probes_up);
    add_promise(tc, only, "aimd", aimd_finds_the_workers_pace);
    suite_add_tcase(s, tc);
    tc = tcase_create("shifts");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, shift_conformance, 0, n * (int)N_SHIFT_CASES);
    suite_add_tcase(s, tc);
    return s;
}
