#!/usr/bin/env bash
# strategy_kit.sh - the "write your own strategy" kit, end to end:
#   1. plugins (tests/plugins/*.c, built by the Makefile): --strategy-plugin
#      lists, runs, compares and replays one, and refuses a wrong interface
#      version, a name clash, a missing hook, a missing symbol and a file that
#      is not a shared object, each with exit 2 and a message;
#   2. the template: in a scratch copy of the tree, the commands written in
#      src/strategies/template.c.example, run as written, give a strategy
#      that passes `make check-strategy`, and its plugin build command works;
#   3. broken strategies fail check-strategy with the plain-words message.
# Usage: CANDYLINE=build/candyline PLUGINS=build/plugins CC=cc bash tests/strategy_kit.sh
set -u
abs() { echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }
BIN=$(abs "${CANDYLINE:-build/candyline}")
PLUGINS=$(cd "${PLUGINS:-build/plugins}" && pwd)
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CC=${CC:-cc}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
unset MAKEFLAGS MFLAGS MAKELEVEL # the scratch build is a make of its own
passed=0
failed=0

ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() {
    failed=$((failed + 1))
    echo "not ok - $1"
    printf '%s\n' "$out" | tail -n 20 | sed 's/^/    /'
}
# run CMD...: runs it, keeping its output (stdout and stderr) and status.
run() { out=$("$@" 2>&1); rc=$?; }
# expect DESC RC TEXT...: the last run exited RC and printed every TEXT.
expect() {
    local desc=$1 want=$2 text
    shift 2
    if [ "$rc" != "$want" ]; then not_ok "$desc (exit $rc, expected $want)"; return; fi
    for text in "$@"; do
        if ! printf '%s\n' "$out" | grep -qF -- "$text"; then
            not_ok "$desc (no '$text' in the output)"
            return
        fi
    done
    ok "$desc"
}

[ -x "$BIN" ] || { echo "strategy_kit: no binary at $BIN (run make)"; exit 1; }

# ---- 1. plugins ---------------------------------------------------------
FIFO=$PLUGINS/fifo_plugin.so
run "$BIN" --strategy-plugin "$FIFO" --list-strategies
expect "--list-strategies shows the plugin's strategy, marked" 0 \
    "fifo:N" "A plugin's FIFO table" "plugin: $FIFO"
run "$BIN" --strategy-plugin "$FIFO" --headless --strategy fifo:5 --worker auto:60 --report json
expect "a headless shift with the plugin's strategy is conserved" 0 \
    '"strategy": "fifo:5"' '"outcome": "completed"' '"conserved": true'
run "$BIN" --strategy-plugin "$FIFO" --compare fifo:3,drop:3 --worker auto:90 --minutes 1
expect "--compare runs the plugin beside a built-in" 0 "fifo:3 " "drop:3 "
run "$BIN" --headless --strategy fifo:5
expect "without --strategy-plugin its strategy is unknown" 2 "unknown strategy 'fifo'"
run "$BIN" --strategy-plugin "$PLUGINS/old_api_plugin.so" --list-strategies
expect "a plugin for interface version 1 is refused" 2 \
    "--strategy-plugin $PLUGINS/old_api_plugin.so" "interface version 1" "expects version 2"
run "$BIN" --strategy-plugin "$PLUGINS/clash_plugin.so" --headless --strategy drop:5
expect "a plugin named like a built-in is refused" 2 \
    "clash_plugin.so" "already a built-in strategy named 'drop'"
run "$BIN" --strategy-plugin "$PLUGINS/dash_name_plugin.so" --list-strategies
expect "a plugin whose name can't start a spec is refused" 2 "dash_name_plugin.so" \
    "starting with a letter"
run "$BIN" --strategy-plugin "$PLUGINS/escape_plugin.so" --list-strategies
expect "a plugin whose lesson holds a terminal escape is refused" 2 "escape_plugin.so" \
    "no control characters"
run "$BIN" --strategy-plugin "$PLUGINS/silent_plugin.so" --headless --strategy silent:5
expect "a plugin whose configure() refuses without a word gets a whole message" 2 \
    "strategy 'silent' refused these settings"
run "$BIN" --strategy-plugin "$PLUGINS/no_take_plugin.so" --list-strategies
expect "a plugin without take() is refused" 2 "no_take_plugin.so" "lacks" "take"
run "$BIN" --strategy-plugin "$PLUGINS/no_symbol_plugin.so" --list-strategies
expect "a plugin without candyline_strategy is refused" 2 \
    "no_symbol_plugin.so" "exports no 'candyline_strategy'"
echo "not a shared object" > "$WORK/junk.so"
run "$BIN" --strategy-plugin "$WORK/junk.so" --list-strategies
expect "a file that is not a shared object is refused with dlerror's reason" 2 \
    "$WORK/junk.so: cannot load it:"
run "$BIN" --strategy-plugin "$WORK/missing.so" --list-strategies
expect "a missing file is refused" 2 "missing.so: cannot load it:"
run "$BIN" --strategy-plugin "$FIFO" --headless --strategy fifo:4 --worker auto:60 --minutes 1 \
    --record "$WORK/fifo.rpl"
expect "a shift with the plugin's strategy records" 0
run "$BIN" --replay "$WORK/fifo.rpl" --headless --verify
expect "its replay without the plugin says to add --strategy-plugin" 2 \
    "unknown strategy 'fifo'" "replay with the same --strategy-plugin"
run "$BIN" --strategy-plugin "$FIFO" --replay "$WORK/fifo.rpl" --headless --verify
expect "its replay with the plugin verifies" 0 "verified"

# ---- 2. the template, as a student follows it ------------------------------
TREE=$WORK/tree
mkdir -p "$TREE"
tar -C "$ROOT" -cf - Makefile src tests assets | tar -C "$TREE" -xf -
rm -rf "$TREE/src/strategies/hwm.c"
TEMPLATE=$TREE/src/strategies/template.c.example
# The steps' commands, as the template writes them (its example NAME is hwm).
steps=$(sed -n 's/^ \*  *\(cp src\/strategies\/template.c.example .*\)$/\1/p;
                s/^ \*  *\(sed -i .*\)$/\1/p' "$TEMPLATE")
check_cmd=$(sed -n 's/^ \*  *\(make check-strategy NAME=hwm\)$/\1/p' "$TEMPLATE")
if [ "$(printf '%s\n' "$steps" | wc -l)" != 2 ] || [ -z "$check_cmd" ]; then
    out="steps: $steps / check: $check_cmd"
    not_ok "the template shows the cp, sed and make check-strategy commands"
else
    ok "the template shows the cp, sed and make check-strategy commands"
fi
(cd "$TREE" && eval "$steps")
if grep -q "myname" "$TREE/src/strategies/hwm.c" || ! grep -q "s/my\[n\]ame/hwm/g" "$TREE/src/strategies/hwm.c"; then
    out=$(grep -n "myname\|sed -i" "$TREE/src/strategies/hwm.c")
    not_ok "after the rename the copy has no old name left, and its sed line still reads right"
else
    ok "after the rename the copy has no old name left, and its sed line still reads right"
fi
# Step 4: one line above the marker in registry.c.
sed -i 's|^\( *\)/\* add yours above this line|\1X(hwm) \\\n&|' "$TREE/src/strategies/registry.c"
run grep -c "X(hwm)" "$TREE/src/strategies/registry.c"
expect "step 4 adds one line to registry.c" 0 "1"
make_kit() { (cd "$TREE" && $check_cmd CC="$CC" WERROR=-Werror BUILD=build/kit -j2 "$@"); }
run make_kit
expect "the copied template passes make check-strategy" 0 \
    "strategy hwm: all conformance checks pass"
last=$(printf '%s\n' "$out" | tail -n 1)
if [ "$last" = "strategy hwm: all conformance checks pass" ]; then
    ok "check-strategy ends with its verdict"
else
    out=$last; not_ok "check-strategy ends with its verdict"
fi
run make -C "$TREE" check-strategy NAME=nosuch BUILD=build/kit CC="$CC"
expect "check-strategy on an unknown name lists the registered ones" 2 \
    "no strategy named 'nosuch'" "Registered: backpressure," "hwm"
run make -C "$TREE" check-strategy NAME=hwm:5 BUILD=build/kit CC="$CC"
expect "check-strategy NAME=hwm:5 says the name goes without settings" 2 "NAME=hwm, not NAME=hwm:5"
rm -f "$WORK/pwned"
run make -C "$TREE" check-strategy "NAME=x';touch $WORK/pwned;'" BUILD=build/kit CC="$CC"
if [ "$rc" = 2 ] && [ ! -e "$WORK/pwned" ]; then
    ok "a NAME with quotes and ; runs nothing (exit 2)"
else
    not_ok "a NAME with quotes and ; runs nothing (exit $rc)"
fi

# The template's plugin build command, joined and run as written.
plugin_cmd=$(sed -n '/^ \*     cc .*-shared/,/candy_queue.c$/p' "$TEMPLATE" |
    sed 's/^ \*  *//; s/\\$//' | tr '\n' ' ')
run bash -c "cd '$TREE' && ${plugin_cmd/#cc /$CC }"
expect "the template's plugin command builds hwm.so" 0
run "$BIN" --strategy-plugin "$TREE/hwm.so" --headless --strategy hwm:5 --report json
expect "the template built as a plugin runs, conserved" 0 '"strategy": "hwm:5"' \
    '"conserved": true'

# ---- 3. broken strategies, in plain words ----------------------------------
HWM=$TREE/src/strategies/hwm.c
cp "$HWM" "$WORK/hwm.good"
sed -i 's/return candy_queue_pop(&t->queue, out);/return candy_queue_peek(\&t->queue, 0, out);/' "$HWM"
run make_kit
# make exits 2 when a recipe fails: the verdict line tells the cases apart.
expect "a take() that leaves the candy in the buffer fails check-strategy" 2 \
    "was handed to the worker but is still waiting in the buffer, so it would be handed over twice" \
    "strategy hwm: conformance checks FAILED"
cp "$WORK/hwm.good" "$HWM"
sed -i 's/if (t->queue.len >= t->cfg.capacity) {/if (t->queue.len > t->cfg.capacity) {/' "$HWM"
run make_kit
expect "an offer() that overfills the table fails check-strategy" 2 \
    "candies waiting but capacity is" "strategy hwm: conformance checks FAILED"

echo "strategy-kit: $passed passed, $failed failed"
[ "$failed" = 0 ]
