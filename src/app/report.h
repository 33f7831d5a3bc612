/* report.h - the end-of-shift report as text, JSON (SPEC section 5 keys, a
 * contract) or CSV (one row per second of game time). */
#ifndef CANDYLINE_REPORT_H
#define CANDYLINE_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "../sim/sim.h"
#include "shift.h"

/* Figures derived from a finished (or running) shift, in report units. */
struct report_figures {
    double seconds;       /* game time simulated */
    double buffer_mean;   /* time-average candies waiting */
    double wait_mean_s;   /* offer to start of wrapping */
    double wait_p50_s;
    double wait_p99_s;
    double busy_fraction; /* share of ticks the worker was wrapping */
};

void report_figures(const struct sim *s, struct report_figures *f);

/* One key of the JSON report and its value. */
enum report_kind_of_value { VALUE_UINT, VALUE_INT, VALUE_REAL, VALUE_TEXT, VALUE_BOOL };

struct report_field {
    const char *key;                 /* the JSON key: "wrapped" */
    enum report_kind_of_value kind;  /* which member holds the value */
    uint64_t u;                      /* VALUE_UINT */
    int64_t i;                       /* VALUE_INT */
    double r;                        /* VALUE_REAL, printed with 3 or 6 decimals */
    int decimals;                    /* VALUE_REAL */
    const char *text;                /* VALUE_TEXT; VALUE_BOOL: "true" or "false" */
};

#define REPORT_MAX_FIELDS 40

/* Every key of the JSON report, in order, with the shift's values. The
 * texts point into the sim or into r itself, so r must not be copied. */
struct report {
    struct report_field field[REPORT_MAX_FIELDS];
    size_t n;
    char worker[48];
    char partner[48];
    char hash[17];
};

void report_build(const struct sim *s, struct report *r);

/* The field with this key, or NULL. */
const struct report_field *report_find(const struct report *r, const char *key);

/* Writes a field's value as JSON would (strings unquoted). */
void report_format_value(const struct report_field *f, char *buf, size_t len);

void report_text(FILE *out, const struct sim *s);
void report_json(FILE *out, const struct sim *s);
void report_csv_header(FILE *out);
void report_csv_row(FILE *out, const struct series_point *p);

#endif
