#!/usr/bin/env bash
# record_replays.sh - remakes the recorded part of the replay corpus in
# tests/replays: real keyboard games, played through a real terminal (tmux)
# by reading the letter on the candy and typing it, with --record; and two
# bot shifts recorded headless. Run it after a change that is meant to
# change how shifts go, check the diff, commit the files.
# Usage: bash tests/record_replays.sh [build/candyline]
set -eu
BIN=$(realpath "${1:-build/candyline}")
OUT=$(cd "$(dirname "$0")/replays" && pwd)
SOCK="candyline-rec-$$"
t() { tmux -L "$SOCK" "$@"; }
trap 't kill-server 2>/dev/null || true' EXIT

# play NAME SECONDS ARGS...: a keyboard shift of about SECONDS, then q.
# The player keeps up for half a minute, then tires to about one candy in
# 1.3 s while classic goes to 70 a minute: the candy piles up, and each
# strategy shows what it does with it.
play() {
    local name=$1 seconds=$2
    shift 2
    rm -f "$OUT/$name.rpl"
    t kill-server 2>/dev/null || true
    SOCK="candyline-rec-$$-$name"
    t -f /dev/null new-session -d -s rec -x 80 -y 24 \
        "cd '$OUT' && env TERM=xterm-256color LANG=C.UTF-8 '$BIN' --record '$name.rpl' $*; sleep 2"
    sleep 0.5
    t send-keys -t rec Enter
    local start=$SECONDS end=$((SECONDS + seconds)) n=0
    while [ $SECONDS -lt $end ]; do
        local letter
        letter=$(t capture-pane -p -t rec | sed -n 's/.*type \([a-z]\) to wrap it.*/\1/p' | head -n 1)
        # Now and then a wrong key, as people do.
        n=$((n + 1))
        if [ -n "$letter" ]; then
            if [ $((n % 9)) = 0 ]; then t send-keys -t rec z; else t send-keys -t rec "$letter"; fi
        fi
        if [ $((SECONDS - start)) -lt 30 ]; then sleep 0.4; else sleep 1.2; fi
    done
    t send-keys -t rec q
    sleep 0.5
    t send-keys -t rec q
    sleep 0.5
    [ -f "$OUT/$name.rpl" ] || { echo "record_replays: $name.rpl was not written" >&2; exit 1; }
    echo "recorded $name.rpl ($(grep -c ' key ' "$OUT/$name.rpl") key lines)"
}

play keyboard-backpressure 75 --strategy backpressure:5
play keyboard-unbounded 75 --strategy unbounded --memory 12
play keyboard-bounded 75 --strategy bounded:4
play keyboard-drop-oldest 75 --strategy drop:3:oldest
play keyboard-lab 40 --scenario lab --strategy drop:2

(cd "$OUT" && "$BIN" --headless --scenario lab --strategy drop:4:oldest --worker auto:55:exp \
    --minutes 30 --record bot-lab-poisson.rpl >/dev/null)
(cd "$OUT" && "$BIN" --headless --scenario classic --strategy unbounded --worker auto:80:exp \
    --arrivals poisson --record bot-classic-burst.rpl >/dev/null)
echo "recorded bot-lab-poisson.rpl bot-classic-burst.rpl"
