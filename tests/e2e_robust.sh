#!/usr/bin/env bash
# e2e_robust.sh - the terminal under abuse, in a real terminal (tmux): a
# second SIGINT while the first waits, SIGQUIT, Ctrl-Z and fg, a storm of
# resizes, a flood of keys, Esc without delay, and odd TERM values.
# Same style and helpers as e2e_terminal.sh.
# Usage: CANDYLINE=build/candyline bash tests/e2e_robust.sh
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
SCN="$HERE/e2e/short.scn"
SOCK="candyline-robust-$$"
# shellcheck source=tests/e2e/lib.sh
. "$HERE/e2e/lib.sh"

# Waits up to $2 seconds (default 5) for $1 to leave the screen.
wait_gone() {
    local deadline=$((SECONDS + ${2:-5}))
    while [ $SECONDS -le "$deadline" ]; do
        screen | grep -qF -- "$1" || return 0
        sleep 0.1
    done
    return 1
}

ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() {
    failed=$((failed + 1))
    echo "not ok - $1"
    echo "--- screen ---"; screen 2>/dev/null; echo "--------------"
}
check() { if "$@"; then ok "$desc"; else not_ok "$desc"; fi; }

# A session that keeps the tmux server up while the game's session comes
# and goes (killing the server and starting it again races).
t -f /dev/null new-session -d -s keep "sleep 3600"

# Starts the game in a fresh 80x24 terminal. After it exits, the pane
# records the exit status and the terminal modes, then waits. No core files.
start() {
    t kill-session -t game
    rm -f "$WORK/status" "$WORK/stty"
    t new-session -d -s game -x "${COLS_:-80}" -y "${LINES_:-24}" \
        "trap : INT TERM QUIT; ulimit -c 0; env LANG=${LANG_:-C.UTF-8} LC_ALL=${LANG_:-C.UTF-8} TERM=${TERM_:-xterm-256color} XDG_STATE_HOME=$WORK/state $* ; \
         echo \$? > $WORK/status.tmp; mv $WORK/status.tmp $WORK/status; stty -a > $WORK/stty; sleep 600"
    t set-option -t game remain-on-exit on >/dev/null
}

# Starts an interactive shell with job control (for Ctrl-Z and fg), with a
# clean environment but for the sanitizers' options (make check-asan).
start_shell() {
    local keep="" v
    for v in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
        [ -n "${!v:-}" ] && keep="$keep $v=\"${!v}\""
    done
    t kill-session -t game
    t new-session -d -s game -x 80 -y 24 \
        "env -i PATH=\"$PATH\" HOME=\"$WORK\" XDG_STATE_HOME=\"$WORK/state\" TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 $keep \
         bash --norc --noprofile -i"
    t send-keys -t game "PS1='$ '; clear" Enter
    sleep 0.3
}

# shellcheck disable=SC2120 # the timeout argument is optional
exit_status() {
    local deadline=$((SECONDS + ${1:-5}))
    while [ ! -f "$WORK/status" ] && [ $SECONDS -le $deadline ]; do sleep 0.1; done
    cat "$WORK/status" 2>/dev/null
}

terminal_restored() {
    [ -f "$WORK/stty" ] || sleep 0.5
    grep -qw icanon "$WORK/stty" && grep -qw echo "$WORK/stty" &&
        [ "$(t display -p -t game '#{alternate_on}')" = 0 ] &&
        [ "$(t display -p -t game '#{cursor_flag}')" = 1 ]
}

game_pid() { pgrep -x candyline -P "$(t display -p -t game '#{pane_pid}')" | head -n 1; }

# The game clock on the header, in seconds.
clock_s() {
    screen | head -n 1 | sed -n 's/.* \([0-9]*\):\([0-9][0-9]\) \/.*/\1 \2/p' |
        { read -r m s && echo $((10#$m * 60 + 10#$s)); }
}

wrapped_count() { screen | sed -n 's/.*wrapped \([0-9]*\) .*/\1/p' | head -n 1; }

# A bot's shift started from an interactive shell (start_shell), 2 s in.
shell_shift() {
    start_shell
    t send-keys -t game "$BIN --scenario $SCN --worker auto:60" Enter
    wait_for CANDYLINE >/dev/null; t send-keys -t game Enter
    wait_for "0:02 /" 10 >/dev/null
}

# q q ends the shift and the game; the shell then prints its status.
quit_from_shell() {
    t send-keys -t game q q
    t send-keys -t game 'echo "status=$?"' Enter
}

# 1. A second SIGINT kills at once, even while the first is still being
# handled: here the terminal is frozen (Ctrl-S), so the game is stuck
# writing the screen and can't act on the first one.
start "$BIN" --scenario "$SCN" --worker auto:90
wait_for CANDYLINE >/dev/null; t send-keys -t game Enter; wait_for KITCHEN >/dev/null
t send-keys -t game C-s
sleep 1
pid=$(game_pid)
kill -INT "$pid"; sleep 0.5
desc="a SIGINT the game can't act on yet (output frozen by Ctrl-S) leaves it waiting"
check eval '[ ! -f "$WORK/status" ] && kill -0 "$pid"'
kill -INT "$pid"
desc="a second SIGINT kills it at once (status 130)"
check [ "$(exit_status)" = 130 ]
t send-keys -t game C-q

# 2. SIGQUIT (Ctrl-\) restores the terminal before the game dies of it.
start "$BIN" --scenario "$SCN" --worker auto:90
wait_for CANDYLINE >/dev/null; t send-keys -t game Enter; wait_for KITCHEN >/dev/null
t send-keys -t game 'C-\'
desc="Ctrl-\\ (SIGQUIT) ends the game with status 131 and the terminal restored"
check eval '[ "$(exit_status)" = 131 ] && terminal_restored'

# 3. Ctrl-Z in a shell with job control: the terminal is given back, the game
# clock stands still while stopped, and fg redraws the whole screen.
shell_shift
before=$(clock_s)
t send-keys -t game C-z
desc="Ctrl-Z stops the game and gives the shell its prompt back"
check wait_for "Stopped"
t send-keys -t game "clear; stty -a > $WORK/stopped.stty; sleep 3; echo slept" Enter
wait_for slept 10 >/dev/null
desc="while stopped the terminal is restored (canonical mode, echo, main screen, cursor)"
check eval 'grep -qw icanon "$WORK/stopped.stty" && grep -qw echo "$WORK/stopped.stty" &&
    [ "$(t display -p -t game "#{alternate_on}")" = 0 ] &&
    [ "$(t display -p -t game "#{cursor_flag}")" = 1 ]'
t send-keys -t game "fg" Enter
desc="fg redraws the whole game screen (no shell text left on it)"
check eval 'wait_for KITCHEN && wait_for STATION && screen | grep -q "strategy: backpressure" &&
    ! screen | grep -qe "slept" -e "Stopped" -e "stty"'
after=$(clock_s)
desc="the game clock stood still while stopped ($before s before Ctrl-Z, $after s after fg)"
check eval '[ -n "$before" ] && [ -n "$after" ] && [ $((after - before)) -le 1 ]'
quit_from_shell
desc="after fg the game still quits normally (status 0)"
check wait_for "status=0"

# 3b. SIGSTOP, which the game cannot catch: the shell takes the terminal over
# in its own modes (line by line, echo). After fg the game sets its own
# again: a key acts at once, without Enter or echo.
shell_shift
kill -STOP "$(pgrep -x candyline -P "$(t display -p -t game '#{pane_pid}')")"
desc="SIGSTOP stops the game and the shell takes the terminal back"
check wait_for "Stopped"
t send-keys -t game "fg" Enter
wait_for KITCHEN >/dev/null
sleep 0.3
t send-keys -t game p
desc="after SIGSTOP and fg a key acts at once, without Enter or echo (p pauses), the screen whole"
check eval 'wait_for PAUSED 3 && wait_for STATION && ! screen | grep -qe "Stopped" -e "^p$"'
quit_from_shell
desc="... and the game still quits normally (status 0)"
check wait_for "status=0"

# 4. Dozens of resizes a second during a shift, down to 1x1 and up to
# 250x80: no crash, and the last size gets a correct screen.
start "$BIN" --scenario "$SCN" --worker auto:90
wait_for CANDYLINE >/dev/null; t send-keys -t game Enter; wait_for KITCHEN >/dev/null
t send-keys -t game Tab
RANDOM=7
for i in $(seq 1 120); do
    case $((i % 4)) in
    0) t resize-window -t game -x 1 -y 1 ;;
    1) t resize-window -t game -x 250 -y 80 ;;
    *) t resize-window -t game -x $((RANDOM % 200 + 1)) -y $((RANDOM % 70 + 1)) ;;
    esac
done
t resize-window -t game -x 100 -y 30
station_col() { screen | grep "STATION" | head -n 1 | awk '{ print index($0, "STATION") }'; }
desc="after 120 resizes (1x1 to 250x80) the game still runs"
check eval '[ ! -f "$WORK/status" ] && [ -n "$(game_pid)" ]'
desc="and draws a correct 100x30 screen: header, station at the right edge, panel, key line"
check eval 'wait_for "WHAT IS REALLY HAPPENING" && ! screen | grep -q "Please enlarge" &&
    screen | head -n 1 | grep -q "strategy: backpressure" && [ "$(station_col)" -gt 85 ] &&
    screen | tail -n 1 | grep -q "q end shift"'
t resize-window -t game -x 1 -y 1; t resize-window -t game -x 80 -y 24
desc="from 1x1 straight back to 80x24: the shift screen, not the enlarge screen"
check eval 'wait_for KITCHEN && ! screen | grep -q "Please enlarge"'
t send-keys -t game q q
desc="the game leaves normally after the resize storm (status 0)"
check eval '[ "$(exit_status)" = 0 ] && terminal_restored'

# 5. A flood of 5000 keys at once leaves no backlog: a p right after it
# pauses at once, and nothing keeps acting once the keys stop.
start "$BIN" --scenario "$SCN"
wait_for CANDYLINE >/dev/null; t send-keys -t game Enter; wait_for "to wrap it" 10 >/dev/null
flood=$(printf 'abcdefghijklmnorstuvwxyz%.0s' $(seq 1 209)) # 5016 keys, no p or q
t send-keys -t game -l "$flood"
t send-keys -t game p
desc="after a flood of ${#flood} keys, a p pauses the game at once"
check wait_for PAUSED
# shellcheck disable=SC2034 # read by the eval below
paused_at=$(clock_s); sleep 1
desc="paused after the flood, the clock stands still and it stays paused (no key left to act)"
check eval '[ "$(clock_s)" = "$paused_at" ] && screen | grep -q PAUSED'
t send-keys -t game p
desc="resumed, the fumbles stop: the hands wait for the right letter"
check eval 'wait_gone PAUSED && wait_for "to wrap it" && ! screen | grep -q fumbled'
count=$(wrapped_count); sleep 1
desc="and nothing more is wrapped or fumbled by keys left over ($count wrapped)"
check eval '[ "$(wrapped_count)" = "$count" ] && ! screen | grep -q fumbled'
t send-keys -t game q q

# 6. Esc resumes from the pause at once: the game sets a short escape delay
# of its own, whatever ESCDELAY says (here 10 s, longer than wait_gone waits).
start env ESCDELAY=10000 "$BIN" --scenario "$SCN"
wait_for CANDYLINE >/dev/null; t send-keys -t game Enter; wait_for KITCHEN >/dev/null
t send-keys -t game p
wait_for PAUSED >/dev/null
t send-keys -t game Escape
desc="Esc resumes from the pause at once, even with ESCDELAY=10000 in the environment"
check wait_gone PAUSED 3
t send-keys -t game q q

# 7. Odd TERM values: play without colour where the terminal has none,
# or refuse with a clear message and exit 2.
colours() { t capture-pane -e -p -t game | grep -c "$(printf '\033')\[3[0-7]m"; }
for term in vt100 vt220 linux xterm-mono; do
    TERM_=$term start "$BIN" --scenario "$SCN" --worker auto:90
    wait_for CANDYLINE >/dev/null; t send-keys -t game Enter
    desc="TERM=$term: the shift plays (kitchen, belt, station, clock)"
    check eval 'wait_for KITCHEN && wait_for STATION && wait_for "0:01 /"'
    if [ "$term" != linux ]; then
        desc="TERM=$term: no colour escapes (the terminal has no colours)"
        check [ "$(colours)" = 0 ]
    fi
    t send-keys -t game q q
    desc="TERM=$term: q q leaves with status 0 and the terminal restored"
    check eval '[ "$(exit_status)" = 0 ] && terminal_restored'
done
LANG_=C TERM_=vt100 start "$BIN" --scenario "$SCN"
wait_for CANDYLINE >/dev/null; t send-keys -t game Enter
desc="TERM=vt100 in a non-UTF-8 locale: the belt is drawn in ASCII"
check wait_for "O=" 5
t send-keys -t game q q
start env -u TERM "$BIN" --scenario "$SCN"
desc="TERM unset: exit 2 and a message saying to set it"
check eval '[ "$(exit_status)" = 2 ] && screen | grep -q "TERM is not set"'
TERM_=nosuchterm start "$BIN" --scenario "$SCN"
desc="TERM=nosuchterm: exit 2 and a message naming the terminal type"
check eval '[ "$(exit_status)" = 2 ] && screen | grep -q "terminal type .nosuchterm."'

echo "e2e robust: $passed passed, $failed failed"
[ "$failed" = 0 ]
