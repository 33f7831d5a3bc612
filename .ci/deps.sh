#!/bin/sh
# deps.sh - installs the Debian/Ubuntu packages Candyline needs that are
# missing: as root with apt-get, through sudo if it is there, or else it
# prints the exact command to run.
# Usage: sh .ci/deps.sh play   (build and play)
#        sh .ci/deps.sh test   (also run every test)
#        sh .ci/deps.sh bench  (also what `make bench` compares with and times by)
#        sh .ci/deps.sh ci     (also the second compiler CI builds with, and valgrind)
set -eu

play="make gcc libc6-dev pkg-config libncurses-dev"
test="$play check tmux procps asciinema bsdutils libxml2-utils groff"
bench="$test moon-buggy time"
ci="$test clang valgrind cppcheck clang-tidy shellcheck"

case "${1:-play}" in
play) want=$play ;;
test) want=$test ;;
bench) want=$bench ;;
ci) want=$ci ;;
*) echo "usage: sh .ci/deps.sh play|test|bench|ci" >&2; exit 2 ;;
esac

missing=""
for pkg in $want; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $pkg"
    fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
else
    echo "Candyline needs these packages:$missing" >&2
    echo "As root, run: apt-get update && apt-get install -y$missing" >&2
    exit 1
fi
echo "Installing:$missing"
$as_root apt-get update -qq
# shellcheck disable=SC2086 # the package list is meant to split
DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq $missing
