/* recorder.c - writes the replay format as a shift goes (see recorder.h). */
#include "recorder.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "atomic_file.h"
#include "options.h"
#include "plugin.h"
#include "replay.h"
#include "report.h"
#include "version.h"

/* printf to the file; the first failure is kept for recorder_finish. */
static void put(struct recorder *r, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void put(struct recorder *r, const char *fmt, ...)
{
    if (!r->f || r->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    if (vfprintf(r->f, fmt, ap) < 0) {
        r->failed = true;
        r->err = errno;
    }
    va_end(ap);
}

int recorder_open(struct recorder *r, const char *path, const struct sim_config *cfg,
                  const char *scenario_ref, char *err, size_t errlen)
{
    memset(r, 0, sizeof *r);
    for (const char *c = scenario_ref; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f) {
            snprintf(err, errlen, "--record: the scenario's file name has a control character "
                                  "(a line break?), which a replay's scenario line cannot hold; "
                                  "expected a plain name");
            return -1;
        }
    if (output_target(path, "--record", r->path, sizeof r->path, &r->in_place, err, errlen) < 0)
        return -1;
    snprintf(r->part, sizeof r->part, "%s", r->path);
    if (!r->in_place)
        snprintf(r->part, sizeof r->part, "%s.part", r->path);
    r->f = output_open(r->path, r->part, r->in_place);
    if (!r->f) {
        snprintf(err, errlen, "--record: cannot write %s: %s", r->part, strerror(errno));
        return -1;
    }
    char worker[48];
    worker_format(&cfg->worker, worker, sizeof worker);
    put(r, "%s %d\n", REPLAY_MAGIC, REPLAY_FORMAT);
    put(r, "# A Candyline shift, recorded as it was played. Replay it with\n"
           "#   candyline --replay FILE            (on screen)\n"
           "#   candyline --replay FILE --headless --verify\n");
    put(r, "game %s\nrecorded\nseed %" PRIu64 "\nscenario %s\nscenario-hash %016" PRIx64 "\n",
        CANDYLINE_VERSION, cfg->seed, scenario_ref, scenario_hash(&cfg->scenario));
    if (plugin_file(cfg->strategy)) {
        /* A comment is one line, whatever the file is called. */
        char file[1024];
        snprintf(file, sizeof file, "%s", plugin_file(cfg->strategy));
        for (char *c = file; *c; c++)
            if ((unsigned char)*c < 0x20 || *c == 0x7f)
                *c = '?';
        put(r, "# the strategy comes from a plugin: replay with --strategy-plugin %s\n", file);
    }
    put(r, "strategy %s\nworker %s\nmemory %u\nminutes %u\n", cfg->strategy_spec, worker,
        cfg->memory, cfg->minutes);
    if (cfg->partner.kind == WORKER_BOT) {
        char partner[48];
        worker_format(&cfg->partner, partner, sizeof partner);
        put(r, "partner %s\n", partner);
    }
    if (cfg->rate_override)
        put(r, "rate %u\n", cfg->rate_override);
    else
        put(r, "rate schedule\n");
    put(r, "arrivals %s\nsupervisor %s\n", cfg->arrivals == ARRIVALS_FIXED ? "fixed" : "poisson",
        cfg->supervisor ? "on" : "off");
    put(r, "# TICK key LETTERS: keys typed in that tick (60 ticks a second);\n"
           "# TICK check HASH: the state hash after that many ticks.\n");
    if (fflush(r->f) != 0 && !r->failed) {
        r->failed = true;
        r->err = errno;
    }
    return 0;
}

void recorder_input(struct recorder *r, const struct sim *s, const struct sim_input *in)
{
    if (!r->f || !in || s->outcome != OUTCOME_RUNNING)
        return;
    if (in->nkeys > 0)
        put(r, "%" PRIu64 " key %.*s\n", s->tick, (int)in->nkeys, in->keys);
    if (in->end_shift)
        put(r, "%" PRIu64 " quit\n", s->tick);
}

void recorder_after_step(struct recorder *r, const struct sim *s)
{
    if (!r->f || s->tick % TICK_HZ != 0 || s->outcome != OUTCOME_RUNNING)
        return;
    put(r, "%" PRIu64 " check %016" PRIx64 "\n", s->tick, sim_state_hash(s));
    if (fflush(r->f) != 0 && !r->failed) {
        r->failed = true;
        r->err = errno;
    }
}

/* The figures a person reading the file wants, then the end line. */
static void write_end(struct recorder *r, const struct sim *s)
{
    static const char *const keys[] = {"outcome", "produced", "wrapped", "dropped", "stale",
                                       "buffer_max", "score"};
    struct report rep;
    report_build(s, &rep);
    put(r, "# The shift's figures, as --report json gave them:\n");
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        char value[64];
        const struct report_field *f = report_find(&rep, keys[i]);
        report_format_value(f, value, sizeof value);
        put(r, "expect %s %s\n", keys[i], value);
    }
    put(r, "end %" PRIu64 " %s %016" PRIx64 "\n", s->tick, outcome_name(s->outcome),
        sim_state_hash(s));
}

int recorder_finish(struct recorder *r, const struct sim *s, char *err, size_t errlen)
{
    if (!r->f)
        return 0;
    write_end(r, s);
    int rc = 0;
    if (fflush(r->f) != 0 || (!r->in_place && fsync(fileno(r->f)) != 0)) {
        if (!r->failed)
            r->err = errno;
        r->failed = true;
    }
    if (fclose(r->f) != 0 && !r->failed) {
        r->failed = true;
        r->err = errno;
    }
    r->f = NULL;
    if (r->failed) {
        snprintf(err, errlen, "--record: writing %s failed: %s; what was written is in %s",
                 r->path, strerror(r->err), r->part);
        rc = -1;
    } else if (!r->in_place && rename(r->part, r->path) != 0) {
        snprintf(err, errlen, "--record: cannot rename %s to %s: %s", r->part, r->path,
                 strerror(errno));
        rc = -1;
    }
    return rc;
}

void recorder_finish_interrupted(struct recorder *r, struct sim *s)
{
    if (!r->f)
        return;
    if (s->outcome == OUTCOME_RUNNING) {
        struct sim_input quit;
        memset(&quit, 0, sizeof quit);
        quit.end_shift = true;
        put(r, "# The game was interrupted here; the shift ends as if the player quit.\n");
        recorder_input(r, s, &quit);
        sim_step(s, &quit);
    }
    char err[300];
    (void)recorder_finish(r, s, err, sizeof err);
}

void recorder_discard(struct recorder *r)
{
    if (!r->f)
        return;
    fclose(r->f);
    r->f = NULL;
    if (!r->in_place)
        remove(r->part);
}
