#!/usr/bin/env bash
# run.sh - `make bench`: measures candyline and prints ONE table, a row per
# figure: what, figure, target, ratio (always figure/target), verdict (pass,
# FAIL, or info where the issue sets no target). Not part of make check:
# the figures depend on the machine. Rows:
#   sim speed   in-process ticks/s (tests/bench/bench_sim.c, median of 5)
#   replays     wall time to verify all of tests/replays with BIN
#   memory      peak RSS per waiting candy, unbounded --memory 0
#   interactive bytes/s and CPU % at 80x24 (tests/bench/interactive.sh),
#               beside moon-buggy's
# Usage: bash tests/bench/run.sh BIN BENCH_SIM   (BENCH_SKIP_INTERACTIVE=1 skips the last)
set -u
BIN=$1
SIM=$2
HERE=$(cd "$(dirname "$0")" && pwd)
ROWS=()

# row WHAT FIGURE TARGET_OP TARGET UNIT: TARGET_OP is >=, <= or - (info).
row() {
    local what=$1 fig=$2 op=$3 target=$4 unit=$5 ratio verdict
    if [ "$op" = - ] || [ -z "$target" ]; then
        ratio=$(awk -v f="$fig" -v t="${target:-0}" 'BEGIN { if (t > 0) printf "%.2f", f / t; else print "-" }')
        verdict=info
    else
        ratio=$(awk -v f="$fig" -v t="$target" 'BEGIN { printf "%.2f", f / t }')
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
    local waiting
    waiting=$(printf '%s\n' "$out" | sed -n 's/.*"buffered": \([0-9]*\).*/\1/p')
    echo "$kb ${waiting:-0}"
}
read -r base_kb base_wait < <(peak_kb 1)
for spec in "1000000 334" "10000000 3334"; do
    set -- $spec
    read -r kb waiting < <(peak_kb "$2")
    per=$(awk -v kb="$kb" -v b="$base_kb" -v w="$waiting" -v bw="$base_wait" \
        'BEGIN { if (w - bw > 0) printf "%.2f", (kb - b) * 1024 / (w - bw); else print 0 }')
    if [ "$1" = 10000000 ]; then op="<="; target=16; else op=-; target=16; fi
    row "memory: unbounded, $waiting waiting, peak $((kb / 1024)) MB (base $((base_kb / 1024)) MB)" \
        "$per" "$op" "$target" B/candy
done

# 4. Interactive: candyline beside moon-buggy.
if [ "${BENCH_SKIP_INTERACTIVE:-0}" != 1 ]; then
    if ! [ -x /usr/games/moon-buggy ] && ! command -v moon-buggy >/dev/null; then
        echo "bench: installing moon-buggy for the comparison" >&2
        if [ "$(id -u)" = 0 ]; then apt-get install -y moon-buggy >/dev/null 2>&1
        elif command -v sudo >/dev/null; then sudo -n apt-get install -y moon-buggy >/dev/null 2>&1
        fi
    fi
    MB=$(command -v moon-buggy || echo /usr/games/moon-buggy)
    # interactive.sh prints: NAME BYTES_PER_S CPU_PCT
    c_play=$(bash "$HERE/interactive.sh" play "$BIN" --worker auto:90 --panel shown)
    c_pause=$(bash "$HERE/interactive.sh" paused "$BIN" --worker auto:90 --panel shown)
    if [ -x "$MB" ]; then
        m_play=$(bash "$HERE/interactive.sh" moon-play "$MB")
        m_idle=$(bash "$HERE/interactive.sh" moon-title "$MB")
    else
        m_play="moon-play 0 0"; m_idle="moon-title 0 0"
        echo "bench: moon-buggy not available; its rows are 0" >&2
    fi
    set -- $c_play; cp_b=$2; cp_c=$3
    set -- $c_pause; cz_b=$2; cz_c=$3
    set -- $m_play; mp_b=$2; mp_c=$3
    set -- $m_idle; mi_b=$2; mi_c=$3
    row "interactive: play, panel open, bytes/s (vs moon-buggy play)" "$cp_b" - "$mp_b" B/s
    row "interactive: play, panel open, CPU % (vs moon-buggy play)" "$cp_c" - "$mp_c" "%"
    row "interactive: paused, bytes/s (vs moon-buggy title screen)" "$cz_b" - "$mi_b" B/s
    row "interactive: paused, CPU % (vs moon-buggy title screen)" "$cz_c" - "$mi_c" "%"
fi

printf '%-64s|%23s|%16s|%8s|%s\n' "what" "figure" "target" "fig/tgt" "verdict"
printf "%s\n" "----------------------------------------------------------------+-----------------------+----------------+--------+-------"
printf '%s\n' "${ROWS[@]}"
