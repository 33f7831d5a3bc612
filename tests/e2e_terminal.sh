#!/usr/bin/env bash
# e2e_terminal.sh - plays the real binary in a real terminal (tmux): types
# keys, reads the screen, and checks that the terminal is restored after.
# Usage: CANDYLINE=build/candyline bash tests/e2e_terminal.sh
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
SOCK="candyline-e2e-$$"
# shellcheck source=tests/e2e/lib.sh
. "$HERE/e2e/lib.sh"

ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() {
    failed=$((failed + 1))
    echo "not ok - $1"
    echo "--- screen ---"; screen 2>/dev/null; echo "--------------"
}
check() { if "$@"; then ok "$desc"; else not_ok "$desc"; fi; }

# Starts the game in a fresh 80x24 terminal. After it exits, the pane
# records the exit status and the terminal modes, then waits. High scores go
# to $STATE_ (default $WORK/state), never to the real home.
start() {
    t kill-server 2>/dev/null
    # A new server on a new socket: a dying one can't take the new session
    # down with it.
    starts=$((${starts:-0} + 1))
    SOCK="candyline-e2e-$$-$starts"
    rm -f "$WORK/status" "$WORK/stty"
    t -f /dev/null new-session -d -s game -x "${COLS_:-80}" -y "${LINES_:-24}" \
        "trap : INT TERM; env LANG=${LANG_:-C.UTF-8} LC_ALL=${LANG_:-C.UTF-8} TERM=${TERM_:-xterm-256color} XDG_STATE_HOME=${STATE_:-$WORK/state} $* ; \
         echo \$? > $WORK/status.tmp; mv $WORK/status.tmp $WORK/status; stty -a > $WORK/stty; sleep 600"
    t set-option -t game remain-on-exit on >/dev/null
}

exit_status() {
    local deadline=$((SECONDS + 5))
    while [ ! -f "$WORK/status" ] && [ $SECONDS -le $deadline ]; do sleep 0.1; done
    cat "$WORK/status" 2>/dev/null
}

terminal_restored() {
    [ -f "$WORK/stty" ] || sleep 0.5
    grep -qw icanon "$WORK/stty" && grep -qw echo "$WORK/stty" &&
        [ "$(t display -p -t game '#{alternate_on}')" = 0 ] &&
        [ "$(t display -p -t game '#{cursor_flag}')" = 1 ]
}

# Reads the letter the screen asks for ("type x to wrap it") and types it.
wrap_one() {
    local letter
    letter=$(screen | sed -n 's/.*type \([a-z]\) to wrap it.*/\1/p' | head -n 1)
    [ -n "$letter" ] && t send-keys -t game "$letter"
}

wrapped_count() { screen | sed -n 's/.*wrapped \([0-9]*\) .*/\1/p' | head -n 1; }

# 1. Title menu, shift screen, wrapping by hand, panel, summary, leave.
start "$BIN" --scenario "$HERE/e2e/short.scn" --strategy drop:3:oldest --record "$WORK/played.rpl"
desc="title menu shows the game and the chosen strategy"
check eval 'wait_for CANDYLINE && wait_for drop'
t send-keys -t game Enter
desc="shift screen shows kitchen, belt, station and the table"
check eval 'wait_for KITCHEN && screen | grep -q BELT && screen | grep -q STATION && screen | grep -q TABLE'
desc="the header names the strategy in use"
check wait_for "strategy: drop:3:oldest"
desc="candy reaches the hands and asks for a letter"
check wait_for "to wrap it" 10
for _ in $(seq 1 60); do wrap_one; sleep 0.15; done
desc="typing the letters wraps candy (wrapped: $(wrapped_count))"
check [ "$(wrapped_count)" -ge 5 ]
t send-keys -t game Tab
desc="Tab shows the supervisor panel: what she sees beside the truth"
check eval 'wait_for "WHAT THE SUPERVISOR SEES" && screen | grep -q "WHAT IS REALLY HAPPENING"'
t send-keys -t game p
desc="p pauses the shift"
check wait_for "PAUSED"
t send-keys -t game p '?'
desc="? shows the help"
check wait_for "HOW TO PLAY"
t send-keys -t game Space q
desc="q ends the shift and shows the summary with its chart"
check eval 'wait_for "END OF SHIFT" && screen | grep -q "True backlog over the shift"'
t send-keys -t game Tab
desc="Tab shows the high scores, saying whole at 80 columns why this shift is not in them"
check wait_for "(ended early: not entered)"
t send-keys -t game q
desc="q again leaves with status 0"
check [ "$(exit_status)" = 0 ]
desc="the terminal is restored after quitting (canonical mode, echo, main screen, cursor)"
check terminal_restored

desc="the game played from the keyboard was recorded, and the recording verifies headless"
check eval '"$BIN" --replay "$WORK/played.rpl" --headless --verify >"$WORK/verify.out" 2>&1 &&
    grep -q "verified: .* quit" "$WORK/verify.out" && grep -q " key " "$WORK/played.rpl"'

# 2. A whole shift played to its end, the bot at work, then back to the title.
start "$BIN" --scenario "$HERE/e2e/short.scn" --strategy unbounded --worker auto:40
t send-keys -t game Enter
desc="the hats appear for unbounded"
check wait_for "HATS" 5
desc="a whole shift runs to its end (burst or the clock)"
check wait_for "The shift is over" 75
t send-keys -t game x
desc="the summary follows the end of the shift"
check wait_for "END OF SHIFT" 5
# The chart's scale is the most that waited at once, not the first value.
most=$(screen | sed -n 's/.*most waiting at once \([0-9]*\).*/\1/p')
top=$(screen | grep -A1 "True backlog over the shift" | tail -n 1 | awk '{print $1}')
desc="the summary chart's scale is the most that waited at once ($top, $most)"
check eval '[ -n "$most" ] && [ "$most" -gt 1 ] && [ "$top" = "$most" ]'
t send-keys -t game Enter
desc="Enter on the summary goes back to the title"
check wait_for "Up/Down choose" 5
t send-keys -t game q
desc="q on the title leaves with status 0"
check [ "$(exit_status)" = 0 ]

# 3. Ctrl-C restores the terminal and dies of SIGINT, finishing the recording.
start "$BIN" --scenario "$HERE/e2e/short.scn" --record "$WORK/interrupted.rpl"
wait_for "CANDYLINE" >/dev/null; t send-keys -t game Enter; wait_for "to wrap it" 10 >/dev/null
wrap_one; sleep 1.5
t send-keys -t game C-c
desc="Ctrl-C ends the game with the SIGINT status (130)"
check [ "$(exit_status)" = 130 ]
desc="the terminal is restored after Ctrl-C"
check terminal_restored
desc="the recording interrupted by Ctrl-C is finished (no .part left) and verifies"
check eval '[ ! -e "$WORK/interrupted.rpl.part" ] &&
    "$BIN" --replay "$WORK/interrupted.rpl" --headless --verify >/dev/null 2>&1'

# 4. SIGTERM likewise.
start "$BIN" --scenario "$HERE/e2e/short.scn"
wait_for "CANDYLINE" >/dev/null
pkill -TERM -x candyline -P "$(t display -p -t game '#{pane_pid}')"
desc="SIGTERM ends the game with status 143 and the terminal restored"
check eval '[ "$(exit_status)" = 143 ] && terminal_restored'

# 5. Too small: a clear "please enlarge" screen, and the game comes back.
COLS_=60 LINES_=20 start "$BIN" --scenario "$HERE/e2e/short.scn"
desc="below 80x24 the game asks to enlarge the terminal"
check wait_for "Please enlarge"
t resize-window -t game -x 80 -y 24
desc="after enlarging, the title menu is back"
check wait_for "Up/Down choose"
t send-keys -t game q

# 5b. A bigger terminal gets a longer belt and wider panel, not an 80-column island.
COLS_=120 LINES_=40 start "$BIN" --scenario "$HERE/e2e/short.scn"
wait_for "CANDYLINE" >/dev/null; t send-keys -t game Enter; wait_for "KITCHEN" >/dev/null
t send-keys -t game Tab; wait_for "WHAT IS REALLY HAPPENING" >/dev/null
station_col() { screen | grep "STATION" | head -n 1 | awk '{ print index($0, "STATION") }'; }
truth_col() { screen | grep "WHAT IS REALLY" | head -n 1 | awk '{ print index($0, "WHAT IS REALLY") }'; }
desc="at 120x40 the station sits at the right edge and the panel splits the width"
check eval '[ "$(station_col)" -gt 100 ] && [ "$(truth_col)" -gt 55 ]'
t send-keys -t game q q

# 6. ASCII fallback and monochrome (NO_COLOR).
LANG_=C start env NO_COLOR=1 "$BIN" --scenario "$HERE/e2e/short.scn"
wait_for "CANDYLINE" >/dev/null; t send-keys -t game Enter
desc="in a non-UTF-8 locale the belt is drawn in ASCII"
check wait_for "O=" 5
desc="NO_COLOR: no colour escapes on screen"
check sh -c "! tmux -L $SOCK capture-pane -e -p -t game | grep -q \"$(printf '\033')\[3[0-7]m\""
t send-keys -t game q q

# 7. SIGHUP (the terminal closed) mid-shift: the recording is finished too.
start "$BIN" --scenario "$HERE/e2e/short.scn" --worker auto:50 --record "$WORK/hup.rpl"
wait_for "CANDYLINE" >/dev/null; t send-keys -t game Enter; wait_for "KITCHEN" >/dev/null
sleep 1
pkill -HUP -x candyline -P "$(t display -p -t game '#{pane_pid}')"
desc="SIGHUP ends the game (status 129) with its recording finished and verifying"
check eval '[ "$(exit_status)" = 129 ] && "$BIN" --replay "$WORK/hup.rpl" --headless --verify >/dev/null 2>&1'

# 8. A replay on screen, with its controls.
start "$BIN" --replay "$HERE/replays/keyboard-backpressure.rpl"
desc="a replay plays on screen, with its controls on the key line"
check wait_for "REPLAY x1"
t send-keys -t game + +
desc="+ speeds the replay up (x4)"
check wait_for "REPLAY x4"
t send-keys -t game Space
desc="Space pauses the replay"
check wait_for "PAUSED"
clock() { screen | head -n 1 | grep -o '[0-9]*:[0-9][0-9] /' | head -n 1; }
before=$(clock); sleep 0.5
desc="paused, the replay's clock stands still ($before)"
check [ "$(clock)" = "$before" ]
t send-keys -t game e
desc="e jumps to the end of the replay"
check wait_for "The shift is over"
desc="the end shows as the end, not as a pause"
check eval '! screen | head -n 1 | grep -q PAUSED'
desc="a replay's hands say who typed: the player, not you"
check eval 'screen | grep -q "the player types l" && ! screen | grep -q "to wrap it"'
t send-keys -t game x
desc="then the summary, as after a game"
check wait_for "END OF SHIFT"
desc="the replay's summary offers no title to go back to"
check eval 'screen | grep -q "Enter or q: leave" && ! screen | grep -q "back to the title"'
t send-keys -t game q
desc="q leaves the replay with status 0 and the terminal restored"
check eval '[ "$(exit_status)" = 0 ] && terminal_restored'

# 9. A replay filmed as an asciicast.
desc="--cast writes an asciicast v2 file from a replay"
check eval '"$BIN" --replay "$HERE/replays/wrap-every-tick.rpl" --cast "$WORK/shift.cast" >/dev/null &&
    head -n 1 "$WORK/shift.cast" | grep -q "^{\"version\": 2, \"width\": 80, \"height\": 24" &&
    sed -n 2p "$WORK/shift.cast" | grep -q "^\[0.000000, \"o\", \"" &&
    tail -n 1 "$WORK/shift.cast" | grep -q "^\[64.000000, \"o\", \"\"\]$"'
if command -v asciinema >/dev/null; then
    desc="asciinema plays the cast to its summary"
    check eval 'script -qec "asciinema cat $WORK/shift.cast" /dev/null </dev/null 2>&1 | grep -q "END OF SHIFT"'
fi

# 10. Terminals the game can't use, and a bad --strategy, are refused before the screen starts.
TERM_=dumb start "$BIN"
desc="TERM=dumb is refused with exit 2 and a message pointing to --headless"
check eval '[ "$(exit_status)" = 2 ] && screen | grep -q "cannot move the cursor"'
start "$BIN" --strategy drop:0
desc="a bad --strategy is refused in the game as in --headless (exit 2)"
check eval '[ "$(exit_status)" = 2 ] && screen | grep -q "needs a capacity"'

# 11. The terminal goes away without a SIGHUP (setsid: no controlling
# terminal): the game notices and exits instead of spinning.
start sleep 600
t new-session -d -s orphan -x 80 -y 24 \
    "setsid -w env TERM=xterm-256color LANG=C.UTF-8 $BIN --scenario $HERE/e2e/short.scn --seed 4242"
sleep 1
t kill-session -t orphan
gone() {
    local deadline=$((SECONDS + 5))
    while pgrep -f -- "--seed 4242" >/dev/null; do
        [ $SECONDS -ge $deadline ] && return 1
        sleep 0.2
    done
}
desc="a game whose terminal closed with no SIGHUP exits within seconds (no spinning)"
check gone
pkill -f -- "--seed 4242" 2>/dev/null

# 12. No terminal: a clear message pointing to --headless, exit 2.
desc="without a terminal the game points to --headless and exits 2"
out=$("$BIN" </dev/null 2>&1 >/dev/null); rc=$?
check eval '[ "$rc" = 2 ] && printf "%s" "$out" | grep -q -- --headless'

# 13. --chart: an SVG for a slide, written whole or not at all; --compare
# adds a text chart under its table (not to its JSON). No terminal needed.
svg_ok() { head -c 300 "$1" | grep -q '<svg xmlns="http://www.w3.org/2000/svg"' &&
    tail -n 1 "$1" | grep -q '^</svg>$' &&
    { ! command -v xmllint >/dev/null || xmllint --noout "$1"; }; }
desc="--headless --chart writes a well-formed SVG (checked by xmllint when installed)"
check eval '"$BIN" --headless --scenario "$HERE/e2e/short.scn" --chart "$WORK/shift.svg" \
    >"$WORK/shift.out" && svg_ok "$WORK/shift.svg" && grep -q "state hash" "$WORK/shift.out" &&
    [ ! -e "$WORK/shift.svg.part" ]'
desc="--compare --chart draws every strategy in one SVG and a text chart under the table"
check eval 'LC_ALL=C "$BIN" --compare backpressure:3,unbounded --scenario "$HERE/e2e/short.scn" \
    --worker auto:50 --chart "$WORK/compare.svg" >"$WORK/compare.out" &&
    svg_ok "$WORK/compare.svg" && grep -q ">backpressure:3<" "$WORK/compare.svg" &&
    grep -q ">unbounded<" "$WORK/compare.svg" && grep -q "^True backlog over the shift" \
    "$WORK/compare.out" && grep -q "^unbounded  *|[_.,~+*# -]*| max 30, burst at" "$WORK/compare.out"'
desc="--compare --report json with --chart prints only the JSON array"
check eval '"$BIN" --compare drop:3,unbounded --scenario "$HERE/e2e/short.scn" --report json \
    --chart "$WORK/json.svg" >"$WORK/json.out" && [ "$(head -c 1 "$WORK/json.out")" = "[" ] &&
    [ "$(tail -n 1 "$WORK/json.out")" = "]" ] && ! grep -q "True backlog" "$WORK/json.out" &&
    svg_ok "$WORK/json.svg"'
desc="--replay FILE --headless --chart draws the replayed shift"
check eval '"$BIN" --replay "$HERE/replays/keyboard-unbounded.rpl" --headless --verify \
    --chart "$WORK/replay.svg" >/dev/null && svg_ok "$WORK/replay.svg" &&
    grep -q ">burst</text>" "$WORK/replay.svg"'
mkdir -p "$WORK/charts"
out=$("$BIN" --headless --scenario "$HERE/e2e/short.scn" --chart "$WORK/charts/none/x.svg" 2>&1 \
    >/dev/null); rc=$?
desc="--chart into a missing directory: exit 2, a message naming it, nothing left"
check eval '[ "$rc" = 2 ] && printf "%s" "$out" | grep -qF -- "--chart: cannot write $WORK/charts/none/x.svg" &&
    [ -z "$(ls -A "$WORK/charts")" ]'
if [ "$(id -u)" != 0 ]; then # root writes anywhere
    chmod 500 "$WORK/charts"
    out=$("$BIN" --compare unbounded --scenario "$HERE/e2e/short.scn" --chart "$WORK/charts/x.svg" \
        2>&1 >/dev/null); rc=$?
    desc="--chart into a read-only directory: exit 2, a message, nothing left"
    check eval '[ "$rc" = 2 ] && printf "%s" "$out" | grep -q "Permission denied" &&
        [ -z "$(ls -A "$WORK/charts")" ]'
    chmod 700 "$WORK/charts"
fi
out=$("$BIN" --headless --scenario "$HERE/e2e/short.scn" --chart "$WORK/charts" 2>&1 >/dev/null); rc=$?
desc="--chart naming a directory: exit 2, and it says so"
check eval '[ "$rc" = 2 ] && printf "%s" "$out" | grep -q "is a directory" && [ -z "$(ls -A "$WORK/charts")" ]'

# 14. --versus: two strategies' shifts on one screen, one clock, a two-column summary.
start "$BIN" --versus drop:3,unbounded --scenario "$HERE/e2e/short.scn" --worker auto:40
desc="--versus shows both strategy names and both belts on one 80x24 screen"
check eval 'wait_for "VERSUS" && wait_for "A  drop:3" && screen | grep -q "B  unbounded" &&
    [ "$(screen | grep -c "BELT [0-9]*/min")" = 2 ] && screen | grep -q TABLE &&
    screen | grep -q HATS'
desc="--versus: each line shows what the supervisor sees beside the truth"
check eval '[ "$(screen | grep -c "SHE SEES.*REALLY")" = 2 ]'
desc="--versus: the shared clock advances"
check wait_for "0:02 / 1:00" 10
t send-keys -t game + +
desc="--versus: + speeds both lines up (x4)"
check wait_for "x4" 5
t send-keys -t game p
desc="--versus: p pauses the clock"
check wait_for "PAUSED"
vs_clock() { screen | head -n 1 | grep -o '[0-9]*:[0-9][0-9] /' | head -n 1; }
before=$(vs_clock); sleep 0.5
desc="--versus: paused, the clock stands still ($before)"
check [ "$(vs_clock)" = "$before" ]
t send-keys -t game q
desc="--versus: q shows the two-column summary with both strategies"
check eval 'wait_for "VERSUS: END OF SHIFT" && screen | grep -q "A  drop:3 *B  unbounded" &&
    screen | grep -q "^  outcome " && screen | grep -q "^  SCORE "'
t send-keys -t game q
desc="--versus: q again leaves with status 0 and the terminal restored"
check eval '[ "$(exit_status)" = 0 ] && terminal_restored'

COLS_=160 LINES_=48 start "$BIN" --versus backpressure:3,unbounded --scenario "$HERE/e2e/short.scn"
desc="--versus at 160x48: each line gets a chart of the true backlog beside what she sees"
check eval 'wait_for "B  unbounded" && [ "$(screen | grep -c "^  true backlog")" = 2 ] &&
    [ "$(screen | grep -c "^  she sees")" = 2 ]'
t send-keys -t game q
desc="--versus at 160x48: the summary draws both lines' backlog over the shift"
check eval 'wait_for "VERSUS: END OF SHIFT" && screen | grep -q "A  true backlog.*B  true backlog"'
t send-keys -t game q

COLS_=60 LINES_=20 start "$BIN" --versus drop:3,unbounded --scenario "$HERE/e2e/short.scn"
desc="--versus below 80x24 asks to enlarge the terminal"
check wait_for "Please enlarge"
t send-keys -t game q q

# 15. --panel: hidden for a whole round, or shown from the start.
start "$BIN" --scenario "$HERE/e2e/short.scn" --panel hidden
desc="--panel hidden: the title menu says the panel stays hidden"
check wait_for "stays hidden this round"
t send-keys -t game Enter
desc="--panel hidden: the shift starts with the panel hidden and the key line says so"
check eval 'wait_for "panel hidden this round" && ! screen | grep -q "WHAT THE SUPERVISOR SEES"'
t send-keys -t game Tab p
desc="--panel hidden: Tab does not show the panel"
check eval 'wait_for PAUSED && ! screen | grep -q "WHAT THE SUPERVISOR SEES"'
t send-keys -t game q q
start "$BIN" --scenario "$HERE/e2e/short.scn" --panel shown
t send-keys -t game Enter
desc="--panel shown: the shift starts with the panel shown"
check eval 'wait_for "WHAT THE SUPERVISOR SEES" && screen | grep -q "Tab hide panel"'
t send-keys -t game Tab p
desc="--panel shown: Tab still hides it"
check eval 'wait_for PAUSED && ! screen | grep -q "WHAT THE SUPERVISOR SEES"'
t send-keys -t game q q

# 16. A bot's shift on screen has a speed control, like a replay.
start "$BIN" --scenario "$HERE/e2e/short.scn" --worker auto:40
wait_for "CANDYLINE" >/dev/null; t send-keys -t game Enter
desc="a bot's shift shows its speed on the key line (x1)"
check wait_for "bot x1"
t send-keys -t game + + +
desc="+ speeds a bot's shift up (x8)"
check wait_for "bot x8"
t send-keys -t game - q q

# 17. Bad --panel and --versus values: exit 2 before any screen, with a message.
bad_usage() { # $1: what stderr must say; the rest: arguments
    local says=$1 out rc
    shift
    out=$("$BIN" "$@" </dev/null 2>&1 >/dev/null); rc=$?
    [ "$rc" = 2 ] && printf "%s" "$out" | grep -qF -- "$says"
}
desc="--panel foo exits 2 naming the option and what it expects"
check bad_usage "--panel: expected hidden or shown, not 'foo'" --panel foo
desc="--versus with one strategy exits 2 asking for two"
check bad_usage "--versus: expected two strategies separated by a comma" --versus drop:3
desc="--versus with a bad strategy exits 2 naming it"
check bad_usage "--versus: strategy 'drop' needs a capacity" --versus drop:0,unbounded
desc="--versus with a human worker exits 2: one keyboard can't play two lines"
check bad_usage "one keyboard can't play two lines" --versus drop:3,unbounded --worker human

# 18. High scores: a human shift that counts (bounded:1 overflows within
# seconds) asks for a name; UTF-8, a quote and a backslash are kept exactly,
# across games; a place that can't be written is a warning, not an error.
overflow_shift() {
    wait_for "CANDYLINE" >/dev/null; t send-keys -t game Enter
    wait_for "any key for the summary" 20 >/dev/null; t send-keys -t game x
}
scores_file="$WORK/hs/candyline/scores"
name_in_table() { screen | grep -qF "1. Zoë \"Q\" \\t "; }
name_in_file() { grep -qF "$(printf '\toverflow\tZoë "Q" \\\\t')" "$scores_file"; }
STATE_="$WORK/hs" start env USER=tester "$BIN" --scenario "$HERE/e2e/short.scn" --strategy bounded:1
wait_for "CANDYLINE" >/dev/null; t send-keys -t game Enter
desc="an overflow halts the line: the belt no longer shows moving, the message fits 80 columns"
check eval 'wait_for "The shift is over" 20 && screen | grep -q "HALTED" && ! screen | grep -q "moving" &&
    screen | grep -q "with an error. Shift failed\."'
# Letters typed on as the line fails are the shift's: for a second they
# open nothing, so they can't land in the high-score name.
t send-keys -t game a
desc="just after the end a letter is ignored; then the key line offers the summary"
check eval 'sleep 0.2; ! screen | grep -q "END OF SHIFT" && wait_for "any key for the summary" 3'
t send-keys -t game -l xabc
desc="high scores: a shift that counts asks for a name, offering \$USER (not the letters typed with the key that ended it)"
check eval 'wait_for "HIGH SCORES  short  bounded:1" && screen | grep -q "1\. tester .*<- your name?" &&
    screen | grep -q "Type your name"'
t send-keys -t game BSpace BSpace BSpace BSpace BSpace BSpace
t send-keys -t game -l 'Zoë "Q" \t'
t send-keys -t game Enter
desc="high scores: the typed name (UTF-8, a quote, a backslash) is saved and shown"
check eval 'wait_for "(saved)" && name_in_table'
desc="high scores: the file is private (0600), versioned, with the name escaped"
check eval '[ "$(stat -c %a "$scores_file")" = 600 ] && [ "$(stat -c %a "$WORK/hs")" = 700 ] &&
    [ "$(head -n 1 "$scores_file")" = "candyline-scores 1" ] && name_in_file'
t send-keys -t game q
desc="high scores: q leaves with status 0"
check [ "$(exit_status)" = 0 ]
STATE_="$WORK/hs" start env USER=tester "$BIN" --scenario "$HERE/e2e/short.scn" --strategy bounded:1
overflow_shift
desc="high scores: played again, the saved name is still first in the table"
check eval 'wait_for "HIGH SCORES" && name_in_table && screen | grep -q "2\. tester .*<- your name?"'
t send-keys -t game Escape
desc="high scores: Esc skips the name; the file keeps the one entry"
check eval 'wait_for "skipped: not saved" && [ "$(grep -c "	overflow	" "$scores_file")" = 1 ]'
t send-keys -t game q
if [ "$(id -u)" != 0 ]; then
    ro="$WORK/ro"; mkdir "$ro"; chmod 555 "$ro"
else
    ro="$WORK/ro-file"; : >"$ro" # root writes anywhere: a file where the directory should be
fi
STATE_="$ro" start env USER=tester "$BIN" --scenario "$HERE/e2e/short.scn" --strategy bounded:1
overflow_shift
wait_for "Type your name" >/dev/null; t send-keys -t game Enter
desc="high scores: XDG_STATE_HOME can't be written: the summary warns, whole at 80 columns, the game goes on"
check eval 'wait_for "High scores: cannot create the directory" && screen | grep -q "(not saved)" &&
    screen | tr "\n" " " | tr -s " " | grep -qe "is in the way" -e "ermission denied"'
t send-keys -t game q
desc="high scores: ... and ends normally (status 0, terminal restored, the warning printed)"
check eval '[ "$(exit_status)" = 0 ] && terminal_restored &&
    t capture-pane -J -p -t game | grep -qF "candyline: high scores: cannot create the directory $ro"'
if [ "$(id -u)" != 0 ]; then chmod 755 "$ro"; fi

# 19. The title menu keeps every setting of --strategy it does not show.
start "$BIN" --scenario "$HERE/e2e/short.scn" --strategy aimd:4:20 --worker auto:40
wait_for CANDYLINE >/dev/null; t send-keys -t game Enter
desc="the menu keeps the settings after N (aimd:4:20 plays as aimd:4:20)"
check wait_for "strategy: aimd:4:20"
t send-keys -t game q q

# 21. A crash (SIGSEGV, as a stray pointer would raise it) in the middle of
# a shift: the terminal is restored as best it can be, then the default
# action (status 139).
start "$BIN" --scenario "$HERE/e2e/short.scn"
wait_for "CANDYLINE" >/dev/null; t send-keys -t game Enter; wait_for KITCHEN >/dev/null
pkill -SEGV -x candyline -P "$(t display -p -t game '#{pane_pid}')"
desc="a crash (SIGSEGV) dies with status 139 and the terminal restored"
check eval '[ "$(exit_status)" = 139 ] && terminal_restored'

# 20. SIGTERM during a long headless run: the recording is finished, the
# chart's .part removed, and the run dies of the signal.
( cd "$WORK" && exec "$BIN" --headless --minutes 100000 --chart sig.svg --record sig.rpl \
    >/dev/null 2>&1 ) &
pid=$!
for _ in $(seq 1 50); do [ -e "$WORK/sig.rpl.part" ] && break; sleep 0.1; done
sleep 0.3
kill -TERM "$pid"
wait "$pid"
rc=$?
desc="SIGTERM stops a headless run (status $rc), leaves no .part, and its recording verifies"
check eval '[ "$rc" = 143 ] && [ ! -e "$WORK/sig.rpl.part" ] && [ ! -e "$WORK/sig.svg.part" ] &&
    [ ! -e "$WORK/sig.svg" ] && "$BIN" --replay "$WORK/sig.rpl" --headless --verify >/dev/null 2>&1'

# 22. A long shift's clock (1000:00) does not push the score off the header.
start "$BIN" --worker auto:90 --minutes 1000
wait_for "CANDYLINE" >/dev/null; t send-keys -t game Enter
desc="at 80 columns a 1000-minute shift's header still shows the score"
check eval 'wait_for "/ 1000:00" 5 && screen | head -n 1 | grep -q "score  *[0-9-]"'
t send-keys -t game q q

echo "e2e: $passed passed, $failed failed"
[ "$failed" = 0 ]
