#!/usr/bin/env bash
# run.sh - make fuzz: runs each libFuzzer target for SECONDS, from its seed
# corpus (tests/fuzz/corpus/NAME) plus what earlier runs found, and prints
# one line per target: runs, execs/s, coverage, crashes. A crash, leak or
# timeout leaves its input in OUT/crashes/NAME/ and fails the run.
# Usage: bash tests/fuzz/run.sh BINDIR OUT SECONDS NAME...
set -u
bins=$1 out=$2 seconds=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
status=0
for name in "$@"; do
    work="$out/corpus/$name" crashes="$out/crashes/$name" log="$out/logs/$name.log"
    mkdir -p "$work" "$crashes" "$out/logs"
    # -close_fd_mask=2: the targets' own stderr is dropped (fuzz_cmdline
    # captures it); libFuzzer and the sanitizers still report.
    "$bins/$name" "$work" "$here/corpus/$name" -max_total_time="$seconds" -timeout=10 \
        -close_fd_mask=2 -print_final_stats=1 -artifact_prefix="$crashes/" >"$log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1)
    cov=$(printf '%s\n' "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
    ft=$(printf '%s\n' "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
    found=$(find "$crashes" -type f | wc -l)
    echo "fuzz $name: ${runs:-?} runs, ${speed:-?} execs/s, cov ${cov:-?} ft ${ft:-?}," \
        "$found crashes (exit $rc; log $log)"
    if [ "$rc" != 0 ] || [ "$found" != 0 ]; then
        status=1
        grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" | head -3 | sed 's/^/    /'
    fi
done
exit $status
