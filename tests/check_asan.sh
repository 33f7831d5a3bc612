#!/usr/bin/env bash
# check_asan.sh - runs the tests on a build made with AddressSanitizer and
# UndefinedBehaviorSanitizer (make check-asan builds it): the unit suites,
# the saved fuzz inputs, the replay corpus and both terminal test scripts.
# Every sanitizer report goes to a log file (the games under tmux have no
# stderr to read), and any report, or any failing test, fails the run.
# Usage: bash tests/check_asan.sh BUILD_DIR
set -u
B=${1:?usage: bash tests/check_asan.sh BUILD_DIR}
HERE=$(cd "$(dirname "$0")" && pwd)
LOGS=$(cd "$B" && pwd)/sanitizer-logs
rm -rf "$LOGS" && mkdir -p "$LOGS"
export ASAN_OPTIONS="log_path=$LOGS/asan:detect_leaks=1:abort_on_error=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="log_path=$LOGS/ubsan:print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
failed=""

run() { # $1: the part's name; the rest: the command
    local name=$1
    shift
    echo "== asan: $name"
    "$@" || failed="$failed $name"
}

run unit "$B/check_candyline"
fuzz_regress() {
    local t name
    for t in "$B"/fuzz-regress/*; do
        [ -x "$t" ] || continue
        name=$(basename "$t")
        "$t" "$HERE/fuzz/corpus/$name" "$HERE/fuzz/regressions/$name" || return 1
    done
}
[ -d "$B/fuzz-regress" ] && run fuzz-regress fuzz_regress
run replays bash "$HERE/verify_replays.sh" "$B/candyline"
run e2e env CANDYLINE="$B/candyline" bash "$HERE/e2e_terminal.sh"
run e2e-robust env CANDYLINE="$B/candyline" bash "$HERE/e2e_robust.sh"

reports=$(find "$LOGS" -type f | sort)
for f in $reports; do
    echo "== sanitizer report $f"
    cat "$f"
done
[ -n "$reports" ] && failed="$failed sanitizer-reports($(echo "$reports" | wc -l))"
if [ -n "$failed" ]; then
    echo "check-asan: FAILED:$failed"
    exit 1
fi
echo "check-asan: unit, fuzz inputs, replays and terminal tests clean under ASan and UBSan"
