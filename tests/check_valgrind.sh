#!/usr/bin/env bash
# check_valgrind.sh - the unit suites and a set of headless runs under
# valgrind (make check-valgrind): every strategy with a recording, a chart
# and a JSON report, each recording and the replay corpus verified, --compare,
# and refused input. Any memory error or definite/indirect leak fails.
# About a minute and a half on two cores: libcheck runs in-process
# (CK_FORK=no), one suite at a time (queueing, its long Poisson shifts, is
# most of it); VALGRIND_SKIP_SUITES="queueing ..." leaves suites out.
# Usage: bash tests/check_valgrind.sh BIN TESTS
set -u
BIN=${1:?usage: bash tests/check_valgrind.sh BIN TESTS}
TESTS=${2:?usage: bash tests/check_valgrind.sh BIN TESTS}
HERE=$(cd "$(dirname "$0")" && pwd)
SKIP=" ${VALGRIND_SKIP_SUITES:-} "
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
VG="valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=9"
passed=0
failed=0

command -v valgrind >/dev/null || { echo "check-valgrind: valgrind is not installed (apt-get install valgrind)"; exit 1; }

# Runs one command under valgrind; $1: what it is, $2: the exit status the
# command itself should give; the rest: the command. Status 9 is valgrind's.
vg() {
    local what=$1 want=$2 rc
    shift 2
    $VG "$@" >"$WORK/out" 2>"$WORK/err"
    rc=$?
    if [ "$rc" = "$want" ]; then
        passed=$((passed + 1))
        echo "ok - $what"
    else
        failed=$((failed + 1))
        echo "not ok - $what (exit $rc, expected $want)"
        sed 's/^/    /' "$WORK/err" | head -n 60
    fi
}

for suite in $(sed -n 's/^Suite \*\([a-z_]*\)_suite(void);.*/\1/p' "$HERE/suites.h"); do
    case $SKIP in *" $suite "*) echo "skip - unit suite $suite"; continue ;; esac
    vg "unit suite $suite" 0 env CK_FORK=no CK_RUN_SUITE="$suite" CK_VERBOSITY=silent "$TESTS"
done

# Every strategy in the registry (N made 5, options dropped), and drop's other end.
specs="$("$BIN" --list-strategies | awk 'NR % 2 == 1 { print $1 }' | sed -e 's/N/5/' -e 's/\[.*//') drop:5:oldest"
for spec in $specs; do
    f="$WORK/$(echo "$spec" | tr ':' '-')"
    vg "--headless $spec (classic, recorded, charted, JSON)" 0 "$BIN" --headless --scenario classic \
        --strategy "$spec" --record "$f.rpl" --chart "$f.svg" --report json
    vg "--replay of that $spec shift verifies" 0 "$BIN" --replay "$f.rpl" --headless --verify
done
vg "--headless with a partner, Poisson arrivals and a csv report" 0 "$BIN" --headless \
    --scenario traffic-spike --strategy drop:5 --partner auto:30:exp --arrivals poisson --report csv
for file in "$HERE"/replays/*.rpl; do
    vg "--replay $(basename "$file") --verify" 0 "$BIN" --replay "$file" --headless --verify
done
vg "--compare every strategy with a chart" 0 "$BIN" --compare "$(echo $specs | tr ' ' ',')" \
    --scenario button-mashing --chart "$WORK/compare.svg"
vg "--compare --report json" 0 "$BIN" --compare backpressure:3,unbounded --scenario lab --report json
vg "--list-strategies" 0 "$BIN" --list-strategies
vg "--list-scenarios" 0 "$BIN" --list-scenarios
printf 'minutes 2\nphase 0:00 60\nbogus 1\n' >"$WORK/bad.scn"
vg "a bad scenario file is refused (exit 2)" 2 "$BIN" --headless --scenario "$WORK/bad.scn"
vg "a bad --strategy is refused (exit 2)" 2 "$BIN" --headless --strategy drop:0
head -n 40 "$HERE/replays/keyboard-backpressure.rpl" >"$WORK/cut.rpl"
vg "a replay cut short fails --verify (exit 1)" 1 "$BIN" --replay "$WORK/cut.rpl" --headless --verify

echo "check-valgrind: $passed passed, $failed failed"
[ "$failed" = 0 ]
