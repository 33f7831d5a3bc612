#!/usr/bin/env bash
# interactive.sh - one interactive figure for `make bench` (tests/bench/run.sh):
# runs a program in a private tmux server at 80x24, brings it to the state
# MODE names, then for BENCH_SECONDS (default 10) counts the bytes it writes
# to the terminal (tmux pipe-pane) and its CPU time (/proc/PID/stat).
# Prints one line: MODE BYTES_PER_S CPU_PCT
# MODE: play (candyline: Enter on the title menu), paused (then p),
#       moon-play (moon-buggy: Space on its title), moon-title (left there).
# Usage: bash tests/bench/interactive.sh MODE PROGRAM [ARGS...]
set -u
MODE=$1; shift
SECS=${BENCH_SECONDS:-10}
SOCK=candyline-bench-$$
OUT=$(mktemp)
T() { tmux -L "$SOCK" -f /dev/null "$@"; }
cleanup() { T kill-server 2>/dev/null; rm -f "$OUT"; }
trap cleanup EXIT

cmd=$(printf '%q ' "$@")
T new-session -d -x 80 -y 24 "exec $cmd" || { echo "$MODE 0 0"; exit 0; }
sleep 1
case $MODE in
play) T send-keys Enter; sleep 1 ;;
paused) T send-keys Enter; sleep 1; T send-keys p; sleep 1 ;;
moon-play) T send-keys Space; sleep 1 ;;
moon-title) ;;
esac
pid=$(T display -p '#{pane_pid}')
cpu() { awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0; }
c0=$(cpu)
T pipe-pane -o "cat > $OUT"
sleep "$SECS"
c1=$(cpu)
T pipe-pane
sleep 0.2
bytes=$(wc -c < "$OUT")
hz=$(getconf CLK_TCK)
awk -v m="$MODE" -v b="$bytes" -v s="$SECS" -v c0="$c0" -v c1="$c1" -v hz="$hz" \
    'BEGIN { printf "%s %.0f %.2f\n", m, b / s, (c1 - c0) / hz / s * 100 }'
