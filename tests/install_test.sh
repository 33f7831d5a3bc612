#!/usr/bin/env bash
# install_test.sh - make install and make uninstall, end to end:
#   1. install into a temporary DESTDIR: every file where it belongs, nothing
#      else; the installed binary, run from another directory, works with
#      CANDYLINE_DATADIR unset and set (listing, --scenario NAME from the
#      data directory, the example replay); the man page is lint-free
#      (groff, when installed) and names every option of --help;
#   2. uninstall: no file left in the DESTDIR tree;
#   3. install with PREFIX alone: the compiled-in data directory is found,
#      and follows PREFIX when it changes.
# Usage: MAKE=make BUILD=build PREFIX=/usr/local bash tests/install_test.sh
# shellcheck disable=SC2016,SC2034 # check evals its single-quoted condition after run sets rc
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MAKE=${MAKE:-make}
BUILD=${BUILD:-build}
PREFIX=${PREFIX:-/usr/local}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/elsewhere"
passed=0
failed=0
out=""
rc=0

ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() {
    failed=$((failed + 1))
    echo "not ok - $1"
    printf '%s\n' "$out" | tail -n 15 | sed 's/^/    /'
}
# check NAME CONDITION...: ok if the condition (a command) succeeds.
check() {
    local name=$1
    shift
    if "$@"; then ok "$name"; else not_ok "$name"; fi
}
# run CMD...: runs it from another directory, keeping output and status.
run() {
    out=$(cd "$WORK/elsewhere" && "$@" 2>&1)
    rc=$?
}
has() { printf '%s\n' "$out" | grep -q -e "$1"; }
mk() { (cd "$ROOT" && "$MAKE" -s --no-print-directory "$@") >"$WORK/make.log" 2>&1; }

# The files install must create, relative to the prefix.
expected() {
    echo bin/candyline
    echo share/man/man6/candyline.6
    for f in "$ROOT"/assets/scenarios/*.scn; do echo "share/candyline/scenarios/${f##*/}"; done
    for f in "$ROOT"/assets/exercises/*.md; do echo "share/candyline/exercises/${f##*/}"; done
    echo share/candyline/replays/example.rpl
}
expected | sort >"$WORK/expected"

printf 'name rush\ntitle Lunch rush\nabout Only a file.\nminutes 1\n' >"$WORK/rush.scn"

# 1. DESTDIR install.
DEST=$WORK/dest
P=$DEST$PREFIX
out=$(cat "$WORK/make.log" 2>/dev/null)
if mk BUILD="$BUILD" PREFIX="$PREFIX" DESTDIR="$DEST" install; then
    ok "make install DESTDIR=... PREFIX=$PREFIX"
else
    out=$(cat "$WORK/make.log")
    not_ok "make install DESTDIR=... PREFIX=$PREFIX"
fi
(cd "$P" 2>/dev/null && find . -type f | sed 's|^\./||' | sort) >"$WORK/found"
out=$(diff "$WORK/expected" "$WORK/found")
check "install creates exactly the expected files" [ -z "$out" ]
check "the binary is executable" [ -x "$P/bin/candyline" ]
check "the man page has the data directory's path" \
    grep -q -F "$PREFIX/share/candyline" "$P/share/man/man6/candyline.6"

BIN=$P/bin/candyline
DATA=$P/share/candyline
run env -u CANDYLINE_DATADIR "$BIN" --version
check "--version, CANDYLINE_DATADIR unset" eval '[ $rc -eq 0 ] && has "^candyline [0-9]"'
run env -u CANDYLINE_DATADIR "$BIN" --list-scenarios
check "--list-scenarios, CANDYLINE_DATADIR unset" eval '[ $rc -eq 0 ] && has "^classic " && ! has rush'
run env -u CANDYLINE_DATADIR "$BIN" --headless --scenario lab --minutes 1 --report json
check "a built-in scenario, CANDYLINE_DATADIR unset" eval '[ $rc -eq 0 ] && has "\"state_hash\""'
run env -u CANDYLINE_DATADIR "$BIN" --headless --scenario rush
check "a scenario in no data directory is refused (exit 2)" \
    eval '[ $rc -eq 2 ] && has "rush: cannot open scenario file"'

cp "$WORK/rush.scn" "$DATA/scenarios/rush.scn"
run env CANDYLINE_DATADIR="$DATA" "$BIN" --version
check "--version, CANDYLINE_DATADIR set" eval '[ $rc -eq 0 ] && has "^candyline [0-9]"'
run env CANDYLINE_DATADIR="$DATA" "$BIN" --list-scenarios
check "--list-scenarios lists the data directory's file" \
    eval '[ $rc -eq 0 ] && has "^classic " && has "^rush  *Lunch rush (1 min): Only a file\. \[$DATA/scenarios/rush.scn\]"'
run env CANDYLINE_DATADIR="$DATA" "$BIN" --headless --scenario rush --report json
check "--scenario NAME finds NAME.scn in CANDYLINE_DATADIR" \
    eval '[ $rc -eq 0 ] && has "\"scenario\": *\"rush\"" && has "\"outcome\": *\"completed\""'
run env CANDYLINE_DATADIR="$DATA" "$BIN" --replay "$DATA/replays/example.rpl" --headless --verify
check "the installed example replay verifies" eval '[ $rc -eq 0 ]'
rm -f "$DATA/scenarios/rush.scn"

MAN=$P/share/man/man6/candyline.6
if command -v groff >/dev/null 2>&1; then
    out=$(groff -man -ww -z "$MAN" 2>&1)
    check "groff -man -ww -z is silent on the man page" [ -z "$out" ]
else
    echo "ok - groff -man -ww -z # SKIP groff is not installed"
fi
missing=""
for opt in $("$BIN" --help | grep -o -e '--[a-z][a-z-]*' | sort -u); do
    sed 's/\\-/-/g' "$MAN" | grep -q -e "^\.[A-Z]* *$opt\b" || missing="$missing $opt"
done
out="missing:$missing"
check "the man page describes every option of --help" [ -z "$missing" ]

if mk BUILD="$BUILD" PREFIX="$PREFIX" DESTDIR="$DEST" uninstall; then
    ok "make uninstall DESTDIR=..."
else
    out=$(cat "$WORK/make.log")
    not_ok "make uninstall DESTDIR=..."
fi
out=$(find "$DEST" -type f -o -type l)
check "uninstall leaves no file in DESTDIR" [ -z "$out" ]
out=""
check "uninstall removes the share/candyline directory" [ ! -e "$DATA" ]

# 3. PREFIX alone, in a build directory of its own: the compiled-in path.
for n in 1 2; do
    PFX=$WORK/prefix$n
    if mk BUILD="$BUILD/install-test" PREFIX="$PFX" DESTDIR= install; then
        ok "make install PREFIX=prefix$n"
    else
        out=$(cat "$WORK/make.log")
        not_ok "make install PREFIX=prefix$n"
        continue
    fi
    cp "$WORK/rush.scn" "$PFX/share/candyline/scenarios/rush.scn"
    run env -u CANDYLINE_DATADIR "$PFX/bin/candyline" --headless --scenario rush --report json
    check "prefix$n: --scenario NAME finds PREFIX/share/candyline/scenarios/NAME.scn" \
        eval '[ $rc -eq 0 ] && has "\"scenario\": *\"rush\""'
    rm -f "$PFX/share/candyline/scenarios/rush.scn"
    mk BUILD="$BUILD/install-test" PREFIX="$PFX" DESTDIR= uninstall
    out=$(find "$PFX" -type f -o -type l)
    check "prefix$n: uninstall leaves no file" [ -z "$out" ]
done

echo "install tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
