/* term.c - ncurses setup and teardown, signal flags, and the sleep that
 * keeps an idle game at zero CPU. */
#include "term.h"

#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <term.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static SCREEN *screen;
static volatile sig_atomic_t pending_signal;

static void on_signal(int sig)
{
    pending_signal = sig;
}

/* SIGCONT: the process was stopped and continued. A SIGSTOP gives ncurses
 * no chance to hand the terminal back, so the shell that took it over
 * leaves it in its own modes; the loops set ours again (term_resumed).
 * SIGCONT is blocked but while term_wait sleeps, so that it can't land
 * between a loop's check and its sleep (the process continues all the
 * same: only the handler waits). */
static volatile sig_atomic_t continued;
static sigset_t wait_mask; /* the signal mask while asleep: SIGCONT let in */
static bool cont_blocked;

static void on_continue(int sig)
{
    (void)sig;
    continued = 1;
}

static void catch_quit_signals(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    /* No SA_RESTART: the wait returns at once. SA_RESETHAND: a second
     * Ctrl-C kills even if the loop is somehow stuck. */
    sa.sa_flags = SA_RESETHAND;
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigaction(sigs[i], &sa, NULL);
    /* No SA_RESTART either: a wait ends as the process continues. */
    sa.sa_handler = on_continue;
    sa.sa_flags = 0;
    sigaction(SIGCONT, &sa, NULL);
    sigset_t cont;
    sigemptyset(&cont);
    sigaddset(&cont, SIGCONT);
    cont_blocked = sigprocmask(SIG_BLOCK, &cont, &wait_mask) == 0;
    sigdelset(&wait_mask, SIGCONT);
}

/* The terminal as the game found it, for the crash path. */
static struct termios original;
static bool have_original;

/* A crash (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT): nothing can be
 * trusted, so no ncurses and no stdio. Best effort with async-signal-safe
 * calls only: the modes as they were, the main screen, a visible cursor;
 * then the default action (a core dump where enabled). */
static void on_crash(int sig)
{
    static const char restore[] = "\033[0m\033[?1049l\033[?25h\r\n";
    if (have_original)
        (void)tcsetattr(STDIN_FILENO, TCSANOW, &original);
    (void)!write(STDOUT_FILENO, restore, sizeof restore - 1);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void catch_crashes(void)
{
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_crash;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND | SA_NODEFER;
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigaction(sigs[i], &sa, NULL);
}

int term_start(bool force_ascii, struct term_caps *caps)
{
    setlocale(LC_ALL, "");
    const char *term = getenv("TERM");
    if (!term || !*term) {
        fprintf(stderr, "candyline: TERM is not set, so the terminal type is unknown; set it "
                        "(for example TERM=xterm-256color) or use --headless\n");
        return -1;
    }
    /* Look the terminal up first: newterm() on an unknown type leaks what
     * it set up, and one that can't move the cursor is no use. */
    int err = 0;
    if (setupterm(term, STDOUT_FILENO, &err) != OK) {
        fprintf(stderr, "candyline: cannot use terminal type '%s'; try TERM=xterm-256color "
                        "or --headless\n", term);
        return -1;
    }
    const char *cup = tigetstr("cup");
    bool can_move = cup && cup != (char *)-1;
    del_curterm(cur_term);
    if (!can_move) {
        fprintf(stderr, "candyline: terminal type '%s' cannot move the cursor, so the game "
                        "can't draw on it; try TERM=xterm-256color, or use --headless\n", term);
        return -1;
    }
    have_original = tcgetattr(STDIN_FILENO, &original) == 0;
    screen = newterm(NULL, stdout, stdin);
    if (!screen) {
        fprintf(stderr, "candyline: cannot use terminal type '%s'; try TERM=xterm-256color "
                        "or --headless\n", term);
        return -1;
    }
    set_term(screen);
    catch_quit_signals();
    catch_crashes();
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    nodelay(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    leaveok(stdscr, TRUE); /* the cursor is hidden: no need to park it after each frame */
    typeahead(-1); /* no input checks inside refresh(): each one flushed the output early */

    term_colors(force_ascii, caps);
    return 0;
}

void term_colors(bool force_ascii, struct term_caps *caps)
{
    const char *no_color = getenv("NO_COLOR");
    caps->color = has_colors() && !(no_color && *no_color);
    caps->unicode = !force_ascii && strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
    if (!caps->color)
        return;
    start_color();
    use_default_colors();
    init_pair(PAIR_TITLE, COLOR_BLACK, COLOR_YELLOW);
    init_pair(PAIR_GOOD, COLOR_GREEN, -1);
    init_pair(PAIR_WARN, COLOR_YELLOW, -1);
    init_pair(PAIR_BAD, COLOR_RED, -1);
    init_pair(PAIR_DIM, COLOR_BLUE, -1);
    init_pair(PAIR_HIDDEN, COLOR_MAGENTA, -1);
    init_pair(PAIR_BELT, COLOR_WHITE, -1);
}

void term_stop(void)
{
    if (cont_blocked) {
        sigprocmask(SIG_SETMASK, &wait_mask, NULL);
        cont_blocked = false;
    }
    if (!screen)
        return;
    curs_set(1);
    endwin();
    delscreen(screen);
    screen = NULL;
}

bool term_resumed(void)
{
    if (!continued || !screen)
        return false;
    continued = 0;
    /* Our modes, asserted one by one: what ncurses saved as ours may be the
     * shell's if a Ctrl-Z came while they were lost. Toggling makes ncurses
     * send the keypad and cursor strings again. */
    reset_prog_mode();
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, FALSE);
    keypad(stdscr, TRUE);
    curs_set(1);
    curs_set(0);
    clearok(curscr, TRUE); /* the shell may have written over the screen */
    return true;
}

int term_pending_signal(void)
{
    return pending_signal;
}

void term_die_of(int sig)
{
    term_stop();
    signal(sig, SIG_DFL);
    raise(sig);
    _exit(128 + sig);
}

void term_wait(int timeout_ms)
{
    struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
    if (pending_signal || continued)
        return;
    if (cont_blocked) {
        /* Asleep with SIGCONT let in, atomically; then what poll would say
         * of the terminal, without waiting. */
        fd_set in;
        FD_ZERO(&in);
        FD_SET(STDIN_FILENO, &in);
        struct timespec ts = {timeout_ms / 1000, (long)(timeout_ms % 1000) * 1000000L};
        if (pselect(STDIN_FILENO + 1, &in, NULL, NULL, timeout_ms < 0 ? NULL : &ts,
                    &wait_mask) < 0 && errno != EINTR)
            return;
        timeout_ms = 0;
    }
    if (poll(&p, 1, timeout_ms) < 0 && errno != EINTR)
        return;
    /* The terminal went away without a SIGHUP (a parent that blocked it,
     * setsid): poll would return at once forever. Treat it as a hangup. */
    if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
        pending_signal = SIGHUP;
}

uint64_t term_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}
