# shellcheck shell=bash
# lib.sh - what the terminal test scripts share: the binary, a scratch
# directory, a tmux server of their own, reading the screen and counting
# checks. Sourced by e2e_terminal.sh and e2e_robust.sh after they set SOCK.
BIN=$(cd "$(dirname "${CANDYLINE:-build/candyline}")" && pwd)/$(basename "${CANDYLINE:-build/candyline}")
WORK=$(mktemp -d)
# shellcheck disable=SC2034 # counted by the scripts that source this
passed=0
# shellcheck disable=SC2034
failed=0

command -v tmux >/dev/null || { echo "e2e: tmux is not installed (apt-get install tmux)"; exit 1; }
[ -x "$BIN" ] || { echo "e2e: no binary at $BIN (run make)"; exit 1; }

t() { tmux -L "$SOCK" "$@" 2>/dev/null; }
cleanup() { t kill-server 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

screen() { t capture-pane -p -t game; }

# Waits up to $2 seconds (default 5) for the screen to show $1.
wait_for() {
    local deadline=$((SECONDS + ${2:-5}))
    while [ $SECONDS -le "$deadline" ]; do
        screen | grep -qF -- "$1" && return 0
        sleep 0.1
    done
    return 1
}
