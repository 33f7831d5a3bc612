#!/usr/bin/env bash
# interactive.sh - one interactive figure for `make bench` (tests/bench/run.sh):
# runs a program in a private tmux server at COLSxROWS, brings it to the
# state MODE names, then for BENCH_SECONDS (default 10) counts the bytes it
# writes to the terminal (tmux pipe-pane) and the CPU time it uses (from
# /proc/PID/schedstat, in nanoseconds; /proc/PID/stat's clock ticks are too
# coarse for figures under 0.1%).
# Prints one line: MODE BYTES_PER_S CPU_PCT
# MODE: play   candyline: Enter on the title menu, then watch the shift
#       paused candyline: as play, then p
#       menu   candyline: left on the title menu
#       moon-play  moon-buggy: Space on its title, then played as a player
#              would: Space (jump) every 0.5 s, a (fire) every 2 s
#       moon-title moon-buggy: left on its title screen
# Usage: bash tests/bench/interactive.sh MODE COLSxROWS PROGRAM [ARGS...]
# BENCH_KEEP=FILE keeps the captured output (to see where the bytes go).
set -u
MODE=$1
SIZE=$2
shift 2
SECS=${BENCH_SECONDS:-10}
SOCK=candyline-bench-$$-$RANDOM
OUT=$(mktemp)
T() { tmux -L "$SOCK" -f /dev/null "$@"; }
cleanup() {
    T kill-server 2>/dev/null
    [ -n "${BENCH_KEEP:-}" ] && cp "$OUT" "$BENCH_KEEP"
    rm -f "$OUT"
}
trap cleanup EXIT

cmd=$(printf '%q ' "$@")
T new-session -d -x "${SIZE%x*}" -y "${SIZE#*x}" "exec $cmd" || { echo "$MODE 0 0"; exit 0; }
sleep 1
case $MODE in
play) T send-keys Enter; sleep 1 ;;
paused) T send-keys Enter; sleep 1; T send-keys p; sleep 1 ;;
moon-play) T send-keys Space; sleep 1 ;;
menu | moon-title) ;;
*) echo "interactive.sh: unknown mode $MODE" >&2; exit 2 ;;
esac
pid=$(T display -p '#{pane_pid}')
cpu_ns() { awk '{ print $1 }' "/proc/$pid/schedstat" 2>/dev/null || echo 0; }
c0=$(cpu_ns)
t0=$(date +%s%N)
T pipe-pane -o "cat > $OUT"
if [ "$MODE" = moon-play ]; then
    for ((i = 1; i <= SECS * 2; i++)); do
        sleep 0.5
        T send-keys Space
        [ $((i % 4)) = 0 ] && T send-keys a
    done
else
    sleep "$SECS"
fi
c1=$(cpu_ns)
t1=$(date +%s%N)
T pipe-pane
sleep 0.2
bytes=$(wc -c < "$OUT")
awk -v m="$MODE" -v b="$bytes" -v c0="$c0" -v c1="$c1" -v t0="$t0" -v t1="$t1" \
    'BEGIN { s = (t1 - t0) / 1e9; printf "%s %.0f %.3f\n", m, b / s, (c1 - c0) / 1e9 / s * 100 }'
