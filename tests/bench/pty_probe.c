/* pty_probe.c - timings that need a real pseudo-terminal, for `make bench`
 * (tests/bench/run.sh). It runs a program on a pty of the given size, reads
 * everything it writes, and times two things the player feels:
 *
 *   first-frame COLS ROWS MARKER -- PROGRAM [ARGS...]
 *       from just before fork() to the moment the output holds MARKER (text
 *       drawn last in the first frame, e.g. the key line at the bottom).
 *       Prints: first_frame_ms=X
 *
 *   key-latency COLS ROWS N -- PROGRAM [ARGS...]
 *       presses Enter on the title menu, lets the shift run a second, then
 *       N times: waits 50 to 150 ms of play (a fixed pseudo-random spread, so
 *       presses land at every phase of the tick and the frame), presses p and
 *       times until "PAUSED" is in the output; then p again to play on.
 *       Prints: key_p50_ms=X key_p99_ms=Y key_max_ms=Z presses=N
 *
 * Only libc and forkpty(3). TERM is xterm-256color. Exit 1 if the program
 * dies, or a wait runs past 5 s (then the figure would mean nothing). */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define GIVE_UP_NS 5000000000ull

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* The child on the pty, and the tail of its output still being searched. */
struct probe {
    int fd;
    pid_t pid;
    char seen[8192];
    size_t len;
};

static void die(struct probe *p, const char *why)
{
    fprintf(stderr, "pty_probe: %s\n", why);
    if (p->pid > 0) {
        kill(p->pid, SIGKILL);
        waitpid(p->pid, NULL, 0);
    }
    exit(1);
}

static void start(struct probe *p, int cols, int rows, char **argv)
{
    struct winsize ws = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};
    memset(p, 0, sizeof *p);
    p->pid = forkpty(&p->fd, NULL, NULL, &ws);
    if (p->pid < 0)
        die(p, "forkpty failed");
    if (p->pid == 0) {
        setenv("TERM", "xterm-256color", 1);
        execvp(argv[0], argv);
        _exit(127);
    }
}

/* Reads what is there within timeout_ms into the search window (keeping
 * its last half when full). Returns false once the child has left. */
static bool pump(struct probe *p, int timeout_ms)
{
    struct pollfd pfd = {.fd = p->fd, .events = POLLIN};
    int r = poll(&pfd, 1, timeout_ms);
    if (r < 0 && errno != EINTR)
        die(p, "poll failed");
    if (r <= 0)
        return true;
    char buf[4096];
    ssize_t n = read(p->fd, buf, sizeof buf);
    if (n <= 0)
        return false;
    if (p->len + (size_t)n > sizeof p->seen) {
        size_t keep = sizeof p->seen / 2;
        memmove(p->seen, p->seen + p->len - keep, keep);
        p->len = keep;
    }
    memcpy(p->seen + p->len, buf, (size_t)n);
    p->len += (size_t)n;
    return true;
}

static bool holds(const struct probe *p, const char *marker)
{
    size_t m = strlen(marker);
    for (size_t i = 0; i + m <= p->len; i++)
        if (memcmp(p->seen + i, marker, m) == 0)
            return true;
    return false;
}

/* Waits for marker to appear in output that arrives from now on. */
static void wait_for(struct probe *p, const char *marker)
{
    uint64_t t0 = now_ns();
    while (!holds(p, marker)) {
        if (now_ns() - t0 > GIVE_UP_NS)
            die(p, "waited over 5 s for the screen to change");
        if (!pump(p, 100))
            die(p, "the program left the terminal");
    }
    p->len = 0;
}

/* Reads and forgets output for ms milliseconds. Returns false if the
 * program left meanwhile. */
static bool drain(struct probe *p, int ms)
{
    uint64_t end = now_ns() + (uint64_t)ms * 1000000u;
    for (uint64_t t = now_ns(); t < end; t = now_ns())
        if (!pump(p, (int)((end - t) / 1000000u) + 1))
            return false;
    p->len = 0;
    return true;
}

static void press(struct probe *p, const char *keys)
{
    p->len = 0;
    if (write(p->fd, keys, strlen(keys)) != (ssize_t)strlen(keys))
        die(p, "write to the terminal failed");
}

static void stop(struct probe *p)
{
    kill(p->pid, SIGTERM);
    (void)drain(p, 100);
    kill(p->pid, SIGKILL);
    waitpid(p->pid, NULL, 0);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static double ms(uint64_t ns)
{
    return (double)ns / 1e6;
}

static int first_frame(int cols, int rows, const char *marker, char **argv)
{
    struct probe p;
    uint64_t t0 = now_ns();
    start(&p, cols, rows, argv);
    wait_for(&p, marker);
    uint64_t t1 = now_ns();
    stop(&p);
    printf("first_frame_ms=%.2f\n", ms(t1 - t0));
    return 0;
}

static int key_latency(int cols, int rows, int n, char **argv)
{
    struct probe p;
    uint64_t *lat = calloc((size_t)n, sizeof *lat);
    uint32_t seed = 12345u; /* the spread of waits between presses: the same every run */
    if (!lat)
        return 1;
    bool alive;
    start(&p, cols, rows, argv);
    alive = drain(&p, 500);
    press(&p, "\r");
    alive = alive && drain(&p, 1000);
    for (int i = 0; alive && i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        if (!drain(&p, 50 + (int)((seed >> 16) % 101u)))
            die(&p, "the program left the terminal");
        uint64_t t0 = now_ns();
        press(&p, "p");
        wait_for(&p, "PAUSED");
        lat[i] = now_ns() - t0;
        drain(&p, 20);
        press(&p, "p");
    }
    if (!alive)
        die(&p, "the program left the terminal");
    stop(&p);
    qsort(lat, (size_t)n, sizeof *lat, cmp_u64);
    size_t p99 = ((size_t)n * 99u + 99u) / 100u - 1u;
    printf("key_p50_ms=%.2f key_p99_ms=%.2f key_max_ms=%.2f presses=%d\n", ms(lat[(size_t)n / 2u]),
           ms(lat[p99]), ms(lat[n - 1]), n);
    free(lat);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 7 || strcmp(argv[5], "--") != 0) {
        fprintf(stderr, "usage: pty_probe first-frame COLS ROWS MARKER -- PROGRAM [ARGS...]\n"
                        "       pty_probe key-latency COLS ROWS N -- PROGRAM [ARGS...]\n");
        return 2;
    }
    int cols = atoi(argv[2]), rows = atoi(argv[3]);
    if (cols < 1 || rows < 1) {
        fprintf(stderr, "pty_probe: COLS and ROWS must be positive\n");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    if (strcmp(argv[1], "first-frame") == 0)
        return first_frame(cols, rows, argv[4], argv + 6);
    if (strcmp(argv[1], "key-latency") == 0 && atoi(argv[4]) > 0)
        return key_latency(cols, rows, atoi(argv[4]), argv + 6);
    fprintf(stderr, "pty_probe: unknown mode %s\n", argv[1]);
    return 2;
}
