/* check_chart.c - the debrief charts: the --chart SVG of real shifts is
 * well-formed XML (balanced tags, the SVG namespace, text escaped), every
 * line stays inside the picture, the legend names each strategy, the same
 * runs give the same bytes; --chart's file is written whole or not at all;
 * and the text chart under the --compare table puts every strategy on one
 * time axis and scale. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../src/app/atomic_file.h"
#include "../src/app/chart.h"
#include "../src/app/chart_svg.h"
#include "../src/app/chart_text.h"
#include "../src/app/headless.h"
#include "../src/app/options.h"
#include "helpers.h"
#include "suites.h"

#define MAX_RUNS 4

/* Real shifts, sampled the way --headless and --compare sample them. */
struct shifts {
    struct sim_config cfg[MAX_RUNS];
    struct series series[MAX_RUNS];
    struct chart_run runs[MAX_RUNS];
    struct chart_setup setup;
    size_t n;
};

static struct shifts sh;

static bool sample(const struct sim *s, void *ctx)
{
    ck_assert_int_eq(chart_sample(ctx, s, chart_every((uint32_t)s->cfg.minutes * 60u)), 0);
    return true;
}

/* Runs each spec on the same shift (scenario, minutes; 0: the scenario's). */
static void run_shifts(const char *scenario, uint32_t minutes, const char *const *specs)
{
    memset(&sh, 0, sizeof sh);
    for (sh.n = 0; specs[sh.n]; sh.n++) {
        struct shift_params p = {.scenario = scenario, .spec = specs[sh.n], .memory = 60,
                                 .supervisor = true, .minutes = minutes, .seed = 1};
        struct sim s;
        make_config(&p, &sh.cfg[sh.n]);
        series_init(&sh.series[sh.n]);
        ck_assert_int_eq(headless_simulate(&s, &sh.cfg[sh.n], sample, &sh.series[sh.n], NULL), 0);
        struct chart_run r = {sh.cfg[sh.n].strategy_spec, &sh.series[sh.n], s.outcome, s.tick};
        sh.runs[sh.n] = r;
        sim_free(&s);
    }
    static char worker[48];
    chart_setup_from(&sh.setup, &sh.cfg[0], worker, sizeof worker);
}

/* The SVG of the shifts, as a string the caller frees. */
static char *svg_of(const struct chart_setup *setup)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(out);
    ck_assert_int_eq(chart_svg_write(out, setup, sh.runs, sh.n), 0);
    ck_assert_int_eq(fclose(out), 0);
    ck_assert_uint_eq(strlen(buf), len); /* no NUL inside */
    return buf;
}

/* Asserts the document is well-formed: one root <svg>, every tag closed in
 * order, quoted attributes, and '&' only in the five XML entities. */
static void assert_well_formed(const char *doc)
{
    const char *stack[64];
    int depth = 0, roots = 0;
    ck_assert_msg(strncmp(doc, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 39) == 0,
                  "no XML declaration");
    for (const char *p = doc + 39; *p;) {
        if (*p == '&') {
            static const char *const entities[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
            bool ok = false;
            for (size_t i = 0; i < 5; i++)
                ok = ok || strncmp(p, entities[i], strlen(entities[i])) == 0;
            ck_assert_msg(ok, "a bare & at byte %td", p - doc);
            p++;
            continue;
        }
        ck_assert_msg(*p != '>', "a bare > at byte %td", p - doc);
        if (*p != '<') {
            ck_assert_msg(depth > 0 || *p == '\n', "text outside the root at byte %td", p - doc);
            p++;
            continue;
        }
        bool closing = p[1] == '/';
        const char *name = p + 1 + closing;
        size_t len = strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
        ck_assert_msg(len > 0, "a tag with no name at byte %td", p - doc);
        /* To the end of the tag, through quoted attribute values. */
        const char *q = name + len;
        bool quoted = false;
        for (; *q && (quoted || *q != '>'); q++) {
            ck_assert_msg(*q != '<', "'<' inside a tag at byte %td", q - doc);
            if (*q == '"')
                quoted = !quoted;
        }
        ck_assert_msg(*q == '>', "a tag runs off the end");
        if (closing) {
            ck_assert_msg(depth > 0, "</%.*s> closes nothing", (int)len, name);
            const char *open = stack[--depth];
            ck_assert_msg(strncmp(open, name, len) == 0 && !isalpha((unsigned char)open[len]),
                          "</%.*s> closes <%.10s", (int)len, name, open);
        } else if (q[-1] != '/') {
            ck_assert_int_lt(depth, 64);
            if (depth == 0)
                roots++;
            stack[depth++] = name;
        } else if (depth == 0) {
            roots++;
        }
        p = q + 1;
    }
    ck_assert_msg(depth == 0, "%d tags left open, the last <%.10s", depth,
                  depth ? stack[depth - 1] : "");
    ck_assert_int_eq(roots, 1);
    ck_assert_ptr_nonnull(strstr(doc, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
}

/* Asserts every polyline's points and every circle lie inside the viewBox,
 * and a polyline's points go forward in time. Returns the points seen. */
static size_t assert_inside(const char *doc)
{
    double w, h;
    const char *vb = strstr(doc, "viewBox=\"");
    ck_assert_ptr_nonnull(vb);
    ck_assert_int_eq(sscanf(vb, "viewBox=\"0 0 %lf %lf\"", &w, &h), 2);
    ck_assert(w > 100 && h > 100);
    size_t points = 0, lines = 0;
    for (const char *p = strstr(doc, "<polyline"); p; p = strstr(p + 1, "<polyline")) {
        const char *pts = strstr(p, " points=\"");
        ck_assert_ptr_nonnull(pts);
        pts += strlen(" points=\"");
        double last_x = -1;
        while (*pts != '"') {
            double x, y;
            int used = 0;
            ck_assert_msg(sscanf(pts, "%lf,%lf%n", &x, &y, &used) == 2, "bad point %.20s", pts);
            ck_assert_msg(x >= 0 && x <= w && y >= 0 && y <= h,
                          "point %g,%g outside the viewBox 0 0 %g %g", x, y, w, h);
            ck_assert_msg(x >= last_x, "a line goes back in time at x %g", x);
            last_x = x;
            pts += used;
            pts += *pts == ' ';
            points++;
        }
        lines++;
    }
    ck_assert_uint_gt(lines, 0);
    for (const char *p = strstr(doc, "<circle"); p; p = strstr(p + 1, "<circle")) {
        double x, y;
        ck_assert_int_eq(sscanf(p, "<circle cx=\"%lf\" cy=\"%lf\"", &x, &y), 2);
        ck_assert(x >= 0 && x <= w && y >= 0 && y <= h);
    }
    return points;
}

/* Asserts the legend names each strategy, each with its colour. */
static void assert_legend(const char *doc)
{
    const char *legend = strstr(doc, "<g id=\"legend\"");
    ck_assert_ptr_nonnull(legend);
    const char *end = strstr(legend, "</g>");
    ck_assert_ptr_nonnull(end);
    for (size_t r = 0; r < sh.n; r++) {
        char name[80];
        snprintf(name, sizeof name, ">%s<", sh.runs[r].strategy);
        const char *at = strstr(legend, name);
        ck_assert_msg(at && at < end, "the legend does not name %s", sh.runs[r].strategy);
    }
}

static void free_shifts(void)
{
    for (size_t i = 0; i < sh.n; i++)
        series_free(&sh.series[i]);
}

START_TEST(one_shift_is_a_well_formed_svg)
{
    run_shifts("classic", 2, (const char *const[]){"backpressure:5", NULL});
    ck_assert_uint_eq(sh.series[0].len, 120); /* one sample a second */
    char *doc = svg_of(&sh.setup);
    assert_well_formed(doc);
    ck_assert_uint_gt(assert_inside(doc), 4 * 100);
    assert_legend(doc);
    /* The title says what ran, the axes what they measure. */
    ck_assert_ptr_nonnull(strstr(doc, "Candyline - classic: backpressure:5</text>"));
    ck_assert_ptr_nonnull(strstr(doc, "seed 1"));
    ck_assert_ptr_nonnull(strstr(doc, ">game time (seconds)</text>"));
    ck_assert_ptr_nonnull(strstr(doc, ">candies/min</text>"));
    ck_assert_ptr_nonnull(strstr(doc, ">120</text>")); /* the last time tick */
    /* Four lines: the true and the seen backlog, the drops, the rate. */
    size_t lines = 0;
    for (const char *p = strstr(doc, "<polyline"); p; p = strstr(p + 1, "<polyline"))
        lines++;
    ck_assert_uint_eq(lines, 4);
    free(doc);
    free_shifts();
}
END_TEST

START_TEST(compare_overlays_every_strategy)
{
    run_shifts("classic", 0,
               (const char *const[]){"backpressure:5", "unbounded", "bounded:5", "drop:5", NULL});
    ck_assert_int_eq(sh.runs[1].outcome, OUTCOME_BURST);
    ck_assert_int_eq(sh.runs[2].outcome, OUTCOME_OVERFLOW);
    char *doc = svg_of(&sh.setup);
    assert_well_formed(doc);
    assert_inside(doc);
    assert_legend(doc);
    size_t lines = 0;
    for (const char *p = strstr(doc, "<polyline"); p; p = strstr(p + 1, "<polyline"))
        lines++;
    ck_assert_uint_eq(lines, 4 * sh.n);
    /* A shift that ended early is marked, and the legend says when. */
    ck_assert_ptr_nonnull(strstr(doc, ">burst</text>"));
    ck_assert_ptr_nonnull(strstr(doc, ">overflow</text>"));
    char when[64];
    chart_ending(&sh.runs[2], when, sizeof when);
    ck_assert_str_eq(when, "overflow at 94 s");
    ck_assert_ptr_nonnull(strstr(doc, when));
    /* One colour per strategy. */
    ck_assert_ptr_nonnull(strstr(doc, "stroke=\"#d55e00\""));
    ck_assert_ptr_nonnull(strstr(doc, "stroke=\"#cc79a7\""));
    /* The same runs, the same bytes. */
    char *again = svg_of(&sh.setup);
    ck_assert_str_eq(doc, again);
    free(again);
    free(doc);
    free_shifts();
}
END_TEST

START_TEST(text_is_escaped)
{
    run_shifts("lab", 1, (const char *const[]){"drop:2:oldest", NULL});
    struct chart_setup setup = sh.setup;
    setup.title = "Rush <b> & \"quotes\" 'too' \xff\xfe caf\xc3\xa9 \x01";
    char *doc = svg_of(&setup);
    assert_well_formed(doc);
    ck_assert_ptr_nonnull(
        strstr(doc, "Rush &lt;b&gt; &amp; &quot;quotes&quot; &apos;too&apos; ?? caf\xc3\xa9 ?"));
    ck_assert_ptr_null(strchr(doc, '\xff'));
    ck_assert_ptr_null(strchr(doc, '\x01'));
    free(doc);
    free_shifts();
}
END_TEST

START_TEST(long_shift_stays_small)
{
    /* Twenty hours: sampled every 4 s, drawn with at most four points a pixel. */
    run_shifts("lab", 1200, (const char *const[]){"unbounded", NULL});
    ck_assert_uint_eq(chart_every(72000), 4);
    ck_assert_uint_le(sh.series[0].len, CHART_MAX_POINTS + 1);
    char *doc = svg_of(&sh.setup);
    assert_well_formed(doc);
    size_t points = assert_inside(doc);
    ck_assert_uint_le(points, 4 * 4 * 960);
    ck_assert_uint_lt(strlen(doc), 300000);
    free(doc);
    free_shifts();
}
END_TEST

START_TEST(time_axis)
{
    struct series empty;
    series_init(&empty);
    struct chart_setup c = {"classic", "", "human", 1, 300};
    struct chart_run quit = {"drop:5", &empty, OUTCOME_QUIT, 30 * 60 + 1};
    struct chart_run burst = {"unbounded", &empty, OUTCOME_BURST, 90 * 60};
    /* A quit game's chart ends where the player stopped; any other
     * ending keeps the whole shift on the axis. */
    ck_assert_uint_eq(chart_span_s(&c, &quit, 1), 31);
    ck_assert_uint_eq(chart_span_s(&c, &burst, 1), 300);
    struct chart_run both[2] = {quit, burst};
    ck_assert_uint_eq(chart_span_s(&c, both, 2), 300);
    ck_assert_uint_eq(chart_every(60), 1);
    ck_assert_uint_eq(chart_every(CHART_MAX_POINTS), 1);
    ck_assert_uint_eq(chart_every(CHART_MAX_POINTS + 1), 2);
}
END_TEST

/* A fresh empty directory under /tmp; the caller removes it. */
static void temp_dir(char *dir, size_t len)
{
    snprintf(dir, len, "/tmp/check-chart-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

START_TEST(file_is_written_whole)
{
    char dir[64], path[128], part[140], err[1200];
    struct atomic_file f;
    temp_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/shift.svg", dir);
    snprintf(part, sizeof part, "%s.part", path);
    ck_assert_int_eq(atomic_open(&f, path, "--chart", err, sizeof err), 0);
    ck_assert(exists(part) && !exists(path)); /* not under its name until whole */
    fputs("<svg/>\n", f.f);
    ck_assert_int_eq(atomic_commit(&f, "--chart", err, sizeof err), 0);
    ck_assert(exists(path) && !exists(part));
    /* Discarded: nothing is left. */
    ck_assert_int_eq(remove(path), 0);
    ck_assert_int_eq(atomic_open(&f, path, "--chart", err, sizeof err), 0);
    atomic_discard(&f);
    ck_assert(!exists(path) && !exists(part));
    ck_assert_int_eq(rmdir(dir), 0); /* empty */
}
END_TEST

START_TEST(unwritable_paths_are_refused)
{
    char dir[64], path[128], part[140], err[1200];
    struct atomic_file f;
    temp_dir(dir, sizeof dir);
    /* A directory that does not exist. */
    snprintf(path, sizeof path, "%s/no-such-dir/shift.svg", dir);
    ck_assert_int_eq(atomic_open(&f, path, "--chart", err, sizeof err), -1);
    ck_assert_msg(strstr(err, "--chart: cannot write ") && strstr(err, path) &&
                  strstr(err, "No such file or directory"), "%s", err);
    /* A directory where the file should go. */
    ck_assert_int_eq(atomic_open(&f, dir, "--chart", err, sizeof err), -1);
    ck_assert_msg(strstr(err, "is a directory"), "%s", err);
    /* The name taken by a directory while the file was written: the
     * rename fails, and the .part file goes. */
    snprintf(path, sizeof path, "%s/late.svg", dir);
    snprintf(part, sizeof part, "%s.part", path);
    ck_assert_int_eq(atomic_open(&f, path, "--chart", err, sizeof err), 0);
    ck_assert_int_eq(mkdir(path, 0700), 0);
    fputs("<svg/>\n", f.f);
    ck_assert_int_eq(atomic_commit(&f, "--chart", err, sizeof err), -1);
    ck_assert_msg(strstr(err, "--chart: cannot write ") && strstr(err, path), "%s", err);
    ck_assert(!exists(part));
    ck_assert_int_eq(rmdir(path), 0);
    ck_assert_int_eq(rmdir(dir), 0); /* nothing else was left in it */
}
END_TEST

/* The text chart's lines, split at newlines (the caller frees buf). */
static size_t text_lines(char *buf, char **line, size_t max)
{
    size_t n = 0;
    for (char *p = strtok(buf, "\n"); p && n < max; p = strtok(NULL, "\n"))
        line[n++] = p;
    return n;
}

START_TEST(text_chart_shares_axis_and_scale)
{
    run_shifts("classic", 0,
               (const char *const[]){"backpressure:5", "unbounded", "bounded:5", NULL});
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    chart_text(out, &sh.setup, sh.runs, sh.n, false);
    ck_assert_int_eq(fclose(out), 0);
    char *line[8];
    ck_assert_uint_eq(text_lines(buf, line, 8), 5);
    ck_assert_str_eq(line[0], "True backlog over the shift (candies waiting, hats included), "
                              "one scale for all: _ none, . a few, # 60");
    const size_t bar = 24, end = bar + CHART_TEXT_WIDTH;
    for (size_t r = 0; r < 3; r++) {
        const char *l = line[1 + r];
        ck_assert_msg(strncmp(l, sh.runs[r].strategy, strlen(sh.runs[r].strategy)) == 0, "%s", l);
        ck_assert_msg(strlen(l) > end && l[bar - 1] == '|' && l[end] == '|', "%s", l);
        for (size_t k = bar; k < end; k++)
            ck_assert_msg(strchr("_.,-~+*# ", l[k]), "'%c' in %s", l[k], l);
    }
    /* Backpressure: a small backlog all shift long, never near the top. */
    ck_assert_ptr_nonnull(strstr(line[1], "| max 5"));
    ck_assert_ptr_null(memchr(line[1] + bar, '#', CHART_TEXT_WIDTH));
    ck_assert_ptr_null(memchr(line[1] + bar, ' ', CHART_TEXT_WIDTH));
    /* Unbounded climbs to the top and bursts; the columns after are blank. */
    ck_assert_ptr_nonnull(strstr(line[2], "| max 60, burst at 138 s"));
    const char *top = memchr(line[2] + bar, '#', CHART_TEXT_WIDTH);
    ck_assert_ptr_nonnull(top);
    ck_assert_uint_eq((size_t)(top - line[2] - bar), (138u - 1) * CHART_TEXT_WIDTH / 300);
    ck_assert_int_eq(line[2][end - 1], ' ');
    ck_assert_ptr_nonnull(strstr(line[3], "overflow at 94 s"));
    /* The time axis under the bars. */
    ck_assert_int_eq(strncmp(line[4] + bar, "0 s", 3), 0);
    ck_assert_int_eq(strncmp(line[4] + end - 5, "300 s", 5), 0);
    free(buf);
    free_shifts();
}
END_TEST

START_TEST(utf8_only_when_the_locale_says_so)
{
    unsetenv("LC_ALL");
    unsetenv("LC_CTYPE");
    unsetenv("LANG");
    ck_assert(!chart_text_utf8_locale());
    setenv("LANG", "en_US.UTF-8", 1);
    ck_assert(chart_text_utf8_locale());
    setenv("LC_CTYPE", "C", 1); /* LC_CTYPE before LANG */
    ck_assert(!chart_text_utf8_locale());
    setenv("LC_ALL", "C.utf8", 1); /* LC_ALL before both */
    ck_assert(chart_text_utf8_locale());
    setenv("LC_ALL", "", 1); /* empty: not set */
    ck_assert(!chart_text_utf8_locale());
    setenv("LC_CTYPE", "de_DE.ISO-8859-1", 1);
    ck_assert(!chart_text_utf8_locale());
}
END_TEST

/* options_parse on a NULL-terminated argument list, stderr to /dev/null. */
static int parse(struct options *o, const char *const *args)
{
    char *argv[16];
    int argc = 0;
    static char prog[] = "candyline";
    argv[argc++] = prog;
    while (*args && argc < 15)
        argv[argc++] = (char *)*args++;
    argv[argc] = NULL;
    fflush(stderr);
    FILE *saved = freopen("/dev/null", "w", stderr);
    ck_assert_ptr_nonnull(saved);
    return options_parse(argc, argv, o);
}

START_TEST(chart_option)
{
    struct options o;
    ck_assert_int_eq(parse(&o, (const char *const[]){"--headless", "--chart", "a.svg", NULL}), 0);
    ck_assert_str_eq(o.chart, "a.svg");
    ck_assert_int_eq(parse(&o, (const char *const[]){"--compare", "unbounded,drop:2", "--report",
                                                     "json", "--chart", "b.svg", NULL}), 0);
    ck_assert_str_eq(o.chart, "b.svg");
    ck_assert_int_eq(parse(&o, (const char *const[]){"--replay", "x.rpl", "--headless", "--chart",
                                                     "c.svg", NULL}), 0);
    ck_assert_int_eq(parse(&o, (const char *const[]){"--headless", NULL}), 0);
    ck_assert_ptr_null(o.chart);
    /* The game draws on the screen: a chart goes with the runs that don't. */
    ck_assert_int_eq(parse(&o, (const char *const[]){"--chart", "a.svg", NULL}), -1);
    ck_assert_int_eq(parse(&o, (const char *const[]){"--replay", "x.rpl", "--chart", "a.svg",
                                                     NULL}), -1);
    ck_assert_int_eq(parse(&o, (const char *const[]){"--headless", "--chart", NULL}), -1);
}
END_TEST

Suite *chart_suite(void)
{
    Suite *s = suite_create("chart");
    TCase *tc = tcase_create("svg");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, one_shift_is_a_well_formed_svg);
    tcase_add_test(tc, compare_overlays_every_strategy);
    tcase_add_test(tc, text_is_escaped);
    tcase_add_test(tc, long_shift_stays_small);
    tcase_add_test(tc, time_axis);
    suite_add_tcase(s, tc);
    tc = tcase_create("file");
    tcase_add_test(tc, file_is_written_whole);
    tcase_add_test(tc, unwritable_paths_are_refused);
    tcase_add_test(tc, chart_option);
    suite_add_tcase(s, tc);
    tc = tcase_create("text");
    tcase_add_test(tc, text_chart_shares_axis_and_scale);
    tcase_add_test(tc, utf8_only_when_the_locale_says_so);
    suite_add_tcase(s, tc);
    return s;
}
