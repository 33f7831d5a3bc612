#!/usr/bin/env bash
# run.sh - `make bench`: measures candyline and prints ONE table, a row per
# figure: what, figure, target, ratio (always figure/target), verdict (pass,
# FAIL, or info where the issue sets no target). Not part of make check:
# the figures depend on the machine. Rows:
#   sim speed   in-process ticks/s (tests/bench/bench_sim.c, median of 5)
#   replays     wall time to verify all of tests/replays with BIN
#   memory      peak RSS per waiting candy, unbounded --memory 0
#   interactive bytes/s and CPU % in play at 80x24 and 200x60, beside
#               moon-buggy's in the same run; paused and on the title menu
#               (tests/bench/interactive.sh, medians of BENCH_RUNS=3 runs);
#               first frame and key-to-screen on a pty (tests/bench/pty_probe.c)
# Usage: bash tests/bench/run.sh BIN BENCH_SIM PTY_PROBE
#        (BENCH_SKIP_INTERACTIVE=1 skips the interactive rows)
set -u
BIN=$1
SIM=$2
PROBE=$3
HERE=$(cd "$(dirname "$0")" && pwd)
ROWS=()

# row WHAT FIGURE TARGET_OP TARGET UNIT: TARGET_OP is >=, <= or - (info).
row() {
    local what=$1 fig=$2 op=$3 target=$4 unit=$5 ratio verdict
    if [ "$op" = - ] || [ -z "$target" ]; then
        ratio=$(awk -v f="$fig" -v t="${target:-0}" 'BEGIN { if (t > 0) printf "%.2f", f / t; else print "-" }')
        verdict=info
    else
        ratio=$(awk -v f="$fig" -v t="$target" \
            'BEGIN { if (t > 0) printf "%.2f", f / t; else print (f > 0) ? "inf" : "-" }')
        verdict=$(awk -v f="$fig" -v t="$target" -v op="$op" \
            'BEGIN { ok = (op == ">=") ? f >= t : f <= t; print ok ? "pass" : "FAIL" }')
    fi
    ROWS+=("$(printf '%-64s|%14s %-8s|%3s %-12s|%8s|%s' "$what" "$fig" "$unit" "$op" "$target" "$ratio" "$verdict")")
}

field() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

# 1. Simulation speed, in-process.
sim_row() {
    local what=$1; shift
    local out
    out=$("$SIM" 5 "$@") || { row "$what (bench_sim failed)" 0 ">=" 10000000 ticks/s; return; }
    row "$what [$(field "$out" ticks) ticks]" "$(field "$out" ticks_per_s)" ">=" 10000000 ticks/s
}
sim_row "sim speed: classic --minutes 10" --minutes 10
sim_row "sim speed: lab 24 h, auto:90, poisson" \
    --scenario lab --worker auto:90 --arrivals poisson --minutes 1440

# 2. The replay corpus, verified by BIN alone.
t0=$(date +%s%N)
n=0
bad=0
for f in "$(dirname "$HERE")"/replays/*.rpl; do
    "$BIN" --replay "$f" --headless --verify >/dev/null 2>&1 || bad=$((bad + 1))
    n=$((n + 1))
done
t1=$(date +%s%N)
ms=$(( (t1 - t0) / 1000000 ))
row "replays: verify all $n of tests/replays ($bad failed)" "$ms" - "" ms

# 3. Memory: peak RSS (VmHWM, via /usr/bin/time %M when present) of an
# unbounded run, less a 1-minute baseline, per candy still waiting.
peak_kb() {
    local m=$1 out kb
    if [ -x /usr/bin/time ]; then
        out=$(/usr/bin/time -f 'PEAK_KB %M' "$BIN" --headless --scenario lab --rate 3000 \
              --worker auto:1 --strategy unbounded --memory 0 --minutes "$m" --report json 2>&1)
        kb=$(printf '%s\n' "$out" | sed -n 's/^PEAK_KB //p')
    else
        # Without GNU time: sample VmHWM just before the process ends.
        "$BIN" --headless --scenario lab --rate 3000 --worker auto:1 --strategy unbounded \
            --memory 0 --minutes "$m" --report json >/tmp/bench_mem.$$ &
        local pid=$! hwm=0
        while kill -0 "$pid" 2>/dev/null; do
            local v
            v=$(sed -n 's/^VmHWM: *\([0-9]*\).*/\1/p' "/proc/$pid/status" 2>/dev/null)
            [ -n "$v" ] && hwm=$v
            sleep 0.05
        done
        out=$(cat /tmp/bench_mem.$$); rm -f /tmp/bench_mem.$$
        kb=$hwm
    fi
    local waiting p50 p99
    waiting=$(printf '%s\n' "$out" | sed -n 's/.*"buffered": \([0-9]*\).*/\1/p')
    p50=$(printf '%s\n' "$out" | sed -n 's/.*"wait_p50_s": \([0-9.]*\).*/\1/p')
    p99=$(printf '%s\n' "$out" | sed -n 's/.*"wait_p99_s": \([0-9.]*\).*/\1/p')
    echo "$kb ${waiting:-0} ${p50:-0} ${p99:-0}"
}
read -r base_kb base_wait _ _ < <(peak_kb 1)
for spec in "1000000 334" "10000000 3334"; do
    set -- $spec
    read -r kb waiting p50 p99 < <(peak_kb "$2")
    per=$(awk -v kb="$kb" -v b="$base_kb" -v w="$waiting" -v bw="$base_wait" \
        'BEGIN { if (w - bw > 0) printf "%.2f", (kb - b) * 1024 / (w - bw); else print 0 }')
    if [ "$1" = 10000000 ]; then op="<="; target=16; else op=-; target=16; fi
    row "memory: unbounded, $waiting waiting, peak $((kb / 1024)) MB (base $((base_kb / 1024)) MB)" \
        "$per" "$op" "$target" B/candy
    # The waits of the wrapped ones, from the core's fixed-size histogram
    # (src/sim/wait_histogram.c): no list of waits grows with the shift.
    row "  their wait to be wrapped, p50 (fixed-size histogram)" "$(printf '%.0f' "$p50")" - "" s
    row "  their wait to be wrapped, p99 (fixed-size histogram)" "$(printf '%.0f' "$p99")" - "" s
done

# 4. Interactive: candyline beside moon-buggy, in the same run. Each figure
# is the median of BENCH_RUNS runs (default 3) of interactive.sh.
median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{ v[NR] = $1 } END { print NR ? v[int((NR + 1) / 2)] : 0 }'; }
# measure MODE SIZE PROGRAM [ARGS...]: sets B (bytes/s) and C (CPU %), medians.
measure() {
    local bs="" cs="" i line
    for ((i = 0; i < ${BENCH_RUNS:-3}; i++)); do
        line=$(bash "$HERE/interactive.sh" "$@")
        bs="$bs $(echo "$line" | awk '{ print $2 }')"
        cs="$cs $(echo "$line" | awk '{ print $3 }')"
    done
    B=$(echo "$bs" | median)
    C=$(echo "$cs" | median)
}
if [ "${BENCH_SKIP_INTERACTIVE:-0}" != 1 ]; then
    if ! [ -x /usr/games/moon-buggy ] && ! command -v moon-buggy >/dev/null; then
        echo "bench: installing moon-buggy for the comparison" >&2
        if [ "$(id -u)" = 0 ]; then apt-get install -y moon-buggy >/dev/null 2>&1 ||
            { apt-get update >/dev/null 2>&1 && apt-get install -y moon-buggy >/dev/null 2>&1; }
        elif command -v sudo >/dev/null; then sudo -n apt-get install -y moon-buggy >/dev/null 2>&1
        fi
    fi
    MB=$(command -v moon-buggy || echo /usr/games/moon-buggy)
    [ -x "$MB" ] || echo "bench: moon-buggy is not available; its figures are 0" >&2
    PLAY=(--worker auto:90 --panel shown)
    for size in 80x24 200x60; do
        if [ -x "$MB" ]; then measure moon-play "$size" "$MB"; else B=0; C=0; fi
        mb_b=$B; mb_c=$C
        measure play "$size" "$BIN" "${PLAY[@]}"
        if [ "$size" = 80x24 ]; then op="<="; else op=-; fi
        row "play $size, panel open: bytes/s to the terminal (vs moon-buggy)" "$B" "$op" "$mb_b" B/s
        row "play $size, panel open: CPU % of one core (vs moon-buggy)" "$C" "$op" "$mb_c" "%"
    done
    if [ -x "$MB" ]; then measure moon-title 80x24 "$MB"; else B=0; C=0; fi
    row "moon-buggy on its title screen: bytes/s" "$B" - "" B/s
    row "moon-buggy on its title screen: CPU % of one core" "$C" - "" "%"
    measure paused 80x24 "$BIN" "${PLAY[@]}"
    row "paused: bytes/s to the terminal" "$B" "<=" 0 B/s
    row "paused: CPU % of one core" "$C" "<=" 0.05 "%"
    measure menu 80x24 "$BIN"
    row "title menu: bytes/s to the terminal" "$B" "<=" 0 B/s
    row "title menu: CPU % of one core" "$C" "<=" 0.05 "%"

    # First frame (the title menu, whose key line is drawn last) and key to
    # screen (p during play until PAUSED is on its way), on a plain pty.
    for size in "80 24" "200 60"; do
        set -- $size
        ffs=""
        for i in 1 2 3 4 5; do
            ffs="$ffs $("$PROBE" first-frame "$1" "$2" "q quit" -- "$BIN" | sed -n 's/^first_frame_ms=//p')"
        done
        row "first complete frame at ${1}x$2, from exec (median of 5)" "$(echo "$ffs" | median)" "<=" 30 ms
    done
    lat=$("$PROBE" key-latency 80 24 200 -- "$BIN" "${PLAY[@]}")
    row "key to screen at 80x24 during play: p50 of 200 presses" "$(field "$lat" key_p50_ms)" - 35 ms
    row "key to screen at 80x24 during play: p99 of 200 presses" "$(field "$lat" key_p99_ms)" "<=" 35 ms
fi

printf '%-64s|%23s|%16s|%8s|%s\n' "what" "figure" "target" "fig/tgt" "verdict"
printf "%s\n" "----------------------------------------------------------------+-----------------------+----------------+--------+-------"
printf '%s\n' "${ROWS[@]}"
