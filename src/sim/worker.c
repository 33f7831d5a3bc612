/* worker.c - the workers at the station: a person typing the letter on each
 * candy, or a bot wrapping at a set rate (fixed or exponential times), and
 * an optional bot partner (the sketch has two workers) who takes the next
 * candy whenever the main worker's hands are full. */
#include "sim_internal.h"

/* Keys a candy can ask for: no p or q, which pause and quit. */
static const char wrap_letters[] = "abcdefghijklmnorstuvwxyz";

/* Tells a partner's events from the main worker's in the history hash. */
#define PARTNER_MARK (1ull << 40)

static uint64_t bot_service_ut(struct sim *s, const struct worker_config *wc)
{
    uint64_t mean_ut = (uint64_t)TICK_HZ * 60u * MICROTICKS / wc->rate;
    if (wc->service == SERVICE_FIXED)
        return mean_ut;
    uint64_t e = rng_exp_q16(&s->play);
    return (mean_ut * e) >> 16;
}

/* Hands are free: take the next waiting candy, if any. */
static bool take(struct sim *s, struct worker *w, const struct worker_config *wc, uint64_t mark)
{
    struct candy c;
    if (!s->cfg.strategy->take(s->buffer, &c))
        return false;
    w->busy = true;
    w->candy = c;
    w->wait = (uint32_t)(s->tick - c.tick);
    wait_histogram_add(&s->stats.waits, w->wait);
    s->stats.taken++;
    sim_note(s, EV_TAKE, c.id | mark);
    if (wc->kind == WORKER_BOT) {
        w->left_ut += (int64_t)bot_service_ut(s, wc);
    } else {
        w->phase = HANDS_HOLDING;
        w->phase_left = 0;
        w->letter = wrap_letters[rng_below(&s->play, sizeof wrap_letters - 1u)];
    }
    return true;
}

static void finish(struct sim *s, struct worker *w, uint64_t mark)
{
    s->stats.wrapped++;
    if (mark)
        s->stats.partner_wrapped++;
    if (w->wait > s->cfg.scenario.deadline_s * TICK_HZ)
        s->stats.stale++;
    sim_note(s, EV_WRAP, w->candy.id | mark);
    w->busy = false;
}

void worker_keys(struct sim *s, const struct sim_input *in)
{
    struct worker *w = &s->worker;
    if (!in || s->cfg.worker.kind != WORKER_HUMAN)
        return;
    for (unsigned i = 0; i < in->nkeys && i < SIM_MAX_KEYS; i++) {
        sim_note(s, EV_KEY, (unsigned char)in->keys[i]);
        /* Keys pressed while the hands are busy or empty do nothing. */
        if (!w->busy || w->phase != HANDS_HOLDING)
            continue;
        if (in->keys[i] == w->letter) {
            w->phase = HANDS_WRAPPING;
            w->phase_left = HUMAN_WRAP_TICKS;
        } else {
            w->phase = HANDS_FUMBLING;
            w->phase_left = HUMAN_FUMBLE_TICKS;
            w->fumbles++;
        }
    }
}

static void progress(struct sim *s, struct worker *w, const struct worker_config *wc,
                     uint64_t mark)
{
    if (!w->busy)
        return;
    if (wc->kind == WORKER_BOT) {
        /* Carry leftover time over, so back-to-back wraps keep exact pace. */
        w->left_ut -= MICROTICKS;
        while (w->busy && w->left_ut <= 0) {
            finish(s, w, mark);
            if (!take(s, w, wc, mark))
                w->left_ut = 0;
        }
        return;
    }
    if (w->phase == HANDS_HOLDING || --w->phase_left > 0)
        return;
    if (w->phase == HANDS_FUMBLING) {
        w->phase = HANDS_HOLDING;
        return;
    }
    finish(s, w, mark);
    take(s, w, wc, mark);
}

void worker_progress(struct sim *s)
{
    progress(s, &s->worker, &s->cfg.worker, 0);
    if (s->cfg.partner.kind == WORKER_BOT)
        progress(s, &s->partner, &s->cfg.partner, PARTNER_MARK);
}

void worker_take_if_idle(struct sim *s)
{
    if (!s->worker.busy)
        take(s, &s->worker, &s->cfg.worker, 0);
    if (s->cfg.partner.kind == WORKER_BOT && !s->partner.busy)
        take(s, &s->partner, &s->cfg.partner, PARTNER_MARK);
}
