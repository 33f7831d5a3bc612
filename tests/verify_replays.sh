#!/usr/bin/env bash
# verify_replays.sh - verifies every replay in tests/replays with each
# binary given (make check passes an -O2 and an -O0 build; CI does it
# with gcc and with clang), and checks that all of them end every replay
# with the same state hash.
# Usage: bash tests/verify_replays.sh BIN [BIN...]
set -u
DIR=$(cd "$(dirname "$0")/replays" && pwd)
passed=0
failed=0
for file in "$DIR"/*.rpl; do
    name=$(basename "$file")
    first=""
    for bin in "$@"; do
        out=$("$bin" --replay "$file" --headless --verify 2>&1)
        rc=$?
        hash=$(printf '%s\n' "$out" | sed -n 's/.*state hash \([0-9a-f]*\)$/\1/p')
        if [ "$rc" != 0 ]; then
            failed=$((failed + 1))
            echo "not ok - $name with $bin (exit $rc)"
            printf '%s\n' "$out" | sed 's/^/    /'
        elif [ -n "$first" ] && [ "$hash" != "$first" ]; then
            failed=$((failed + 1))
            echo "not ok - $name: $bin ends with hash $hash, the first binary with $first"
        else
            passed=$((passed + 1))
            echo "ok - $name with $bin ($hash)"
        fi
        [ -z "$first" ] && first=$hash
    done
done
echo "replays: $passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
