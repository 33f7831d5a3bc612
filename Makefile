# Makefile - builds build/candyline, runs the tests, plays the game.
# Knobs first; `make options` prints what they came to.

CC       ?= cc
CFLAGS   ?= -O2 -g
WERROR   ?=
BUILD    ?= build
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
PKGDATADIR ?= $(PREFIX)/share/candyline
MANDIR   ?= $(PREFIX)/share/man
PKG_CONFIG ?= pkg-config

WARN     = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes $(WERROR)
NCURSES_CFLAGS := $(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null || echo -D_XOPEN_SOURCE_EXTENDED)
NCURSES_LIBS   := $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null || echo -lncursesw)
CHECK_CFLAGS   := $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS     := $(shell $(PKG_CONFIG) --libs check 2>/dev/null || echo -lcheck)
DL_LIBS        ?= -ldl
ALL_CPPFLAGS = -D_DEFAULT_SOURCE $(CPPFLAGS)
ALL_CFLAGS   = $(WARN) $(CFLAGS) -MMD -MP

# Wildcards: a new src/strategies/*.c needs no edit here.
CORE_SRC  = $(wildcard src/sim/*.c) $(wildcard src/strategies/*.c)
APP_SRC   = $(filter-out src/app/main.c,$(wildcard src/app/*.c))
UI_SRC    = $(wildcard src/ui/*.c)
TEST_SRC  = $(wildcard tests/*.c)
SCENARIOS = $(sort $(wildcard assets/scenarios/*.scn))
GEN_SRC   = $(BUILD)/gen/builtin_scenarios.c

obj = $(patsubst %.c,$(BUILD)/obj/%.o,$(1))
CORE_OBJ = $(call obj,$(CORE_SRC))
APP_OBJ  = $(call obj,$(APP_SRC)) $(BUILD)/obj/gen/builtin_scenarios.o
UI_OBJ   = $(call obj,$(UI_SRC))
# The parts of the UI with no ncurses in them, which the unit tests link.
PURE_UI_OBJ = $(call obj,src/ui/frame_pacer.c src/ui/game_clock.c src/ui/belt_layout.c)
MAIN_OBJ = $(call obj,src/app/main.c)
TEST_OBJ = $(call obj,$(TEST_SRC))

BIN   = $(BUILD)/candyline
TESTS = $(BUILD)/check_candyline
O0_BIN = $(BUILD)/O0/candyline

.PHONY: all play check unit e2e replays clean options check-strategy strategy-kit $(O0_BIN) \
        fuzz fuzz-build fuzz-regress check-asan asan-build check-valgrind \
        install uninstall lint format FORCE bench
all: $(BIN)

$(BIN): $(MAIN_OBJ) $(CORE_OBJ) $(APP_OBJ) $(UI_OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(NCURSES_LIBS) $(DL_LIBS)

$(TESTS): $(TEST_OBJ) $(CORE_OBJ) $(APP_OBJ) $(PURE_UI_OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(CHECK_LIBS) $(DL_LIBS)

$(BUILD)/obj/src/ui/%.o: src/ui/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(NCURSES_CFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/obj/tests/%.o: tests/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(CHECK_CFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -I. -c -o $@ $<

# Built-in scenarios are the files in assets/scenarios, embedded as strings.
$(GEN_SRC): $(SCENARIOS) Makefile
	@mkdir -p $(@D)
	@{ echo '/* Generated from assets/scenarios by the Makefile: do not edit. */'; \
	  echo '#include "src/app/scenario_parse.h"'; \
	  echo 'const struct builtin_scenario builtin_scenarios[] = {'; \
	  for f in $(SCENARIOS); do \
	    printf '    {"%s",\n' "$$(basename $$f .scn)"; \
	    sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/     "/' -e 's/$$/\\n"/' $$f; \
	    echo '    },'; \
	  done; \
	  echo '    {0, 0},'; echo '};'; } > $@.tmp && mv $@.tmp $@

# Test plugins: each tests/plugins/NAME.c, with the shared table code, as
# $(BUILD)/plugins/NAME.so (what --strategy-plugin loads).
PLUGINS = $(patsubst tests/plugins/%.c,$(BUILD)/plugins/%.so,$(wildcard tests/plugins/*.c))
PLUGIN_LIB_SRC = src/strategies/table.c src/sim/candy_queue.c

$(BUILD)/plugins/%.so: tests/plugins/%.c tests/plugins/fifo_plugin.c $(PLUGIN_LIB_SRC)
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(WARN) $(CFLAGS) -shared -fPIC -o $@ $< $(PLUGIN_LIB_SRC)

play: $(BIN)
	./$(BIN)

unit: $(TESTS)
	./$(TESTS)

e2e: $(BIN)
	CANDYLINE=$(BIN) bash tests/e2e_terminal.sh
	CANDYLINE=$(BIN) bash tests/e2e_robust.sh

# The replay corpus, verified by this build and by an unoptimised one of
# the same sources: the hashes must agree.
replays: $(BIN) $(O0_BIN)
	bash tests/verify_replays.sh ./$(BIN) ./$(O0_BIN)

$(O0_BIN):
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/O0 CFLAGS="-O0 -g" $(O0_BIN)

# The conformance suite on one strategy: make check-strategy NAME=yours.
# NAME reaches the shell through the environment, never pasted into the
# command line, so no quote or ; in it can run anything.
check-strategy: export CANDYLINE_STRATEGY = $(NAME)
check-strategy: $(TESTS)
	@if [ -z "$$CANDYLINE_STRATEGY" ]; then \
	  echo "usage: make check-strategy NAME=yourstrategy (see src/strategies/template.c.example)" >&2; \
	  exit 2; fi
	@CK_RUN_SUITE=strategies ./$(TESTS); rc=$$?; \
	if [ $$rc -eq 0 ]; then echo "strategy $$CANDYLINE_STRATEGY: all conformance checks pass"; \
	elif [ $$rc -eq 2 ]; then exit 2; \
	else echo "strategy $$CANDYLINE_STRATEGY: conformance checks FAILED (each :F: or :E: line above says what broke)"; exit 1; fi

# Plugins, the template and a broken strategy, end to end (tests/strategy_kit.sh).
strategy-kit: $(BIN) $(PLUGINS)
	CANDYLINE=$(BIN) PLUGINS=$(BUILD)/plugins CC="$(CC)" bash tests/strategy_kit.sh

# Fuzzing: each tests/fuzz/fuzz_NAME.c is a target. `make fuzz` builds them
# with clang's libFuzzer, ASan and UBSan (in $(BUILD)/fuzz) and runs each
# for FUZZ_SECONDS; `make fuzz-regress` (part of make check) runs the seed
# corpus and the saved findings through a normal build of each target.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_TARGETS  = $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_CFLAGS   = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZERS       = $(patsubst %,$(BUILD)/fuzzers/%,$(FUZZ_TARGETS))
FUZZ_REGRESS  = $(patsubst %,$(BUILD)/fuzz-regress/%,$(FUZZ_TARGETS))

$(FUZZERS): $(BUILD)/fuzzers/%: $(BUILD)/obj/tests/fuzz/fuzz_%.o \
            $(BUILD)/obj/tests/fuzz/libfuzzer_main.o $(CORE_OBJ) $(APP_OBJ)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer $(LDFLAGS) -o $@ $^ $(DL_LIBS)

$(FUZZ_REGRESS): $(BUILD)/fuzz-regress/%: $(BUILD)/obj/tests/fuzz/fuzz_%.o \
                 $(BUILD)/obj/tests/fuzz/regress_main.o $(CORE_OBJ) $(APP_OBJ)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(DL_LIBS)

fuzz-build: $(FUZZERS)

fuzz:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/fuzz CC=$(FUZZ_CC) \
	  CFLAGS="$(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link" fuzz-build
	bash tests/fuzz/run.sh $(BUILD)/fuzz/fuzzers $(BUILD)/fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

fuzz-regress: $(FUZZ_REGRESS)
	@for t in $(FUZZ_TARGETS); do \
	  ./$(BUILD)/fuzz-regress/$$t tests/fuzz/corpus/$$t tests/fuzz/regressions/$$t || exit 1; done

check: $(TESTS) $(BIN) $(O0_BIN) $(PLUGINS)
	./$(TESTS)
	$(MAKE) --no-print-directory fuzz-regress
	bash tests/verify_replays.sh ./$(BIN) ./$(O0_BIN)
	CANDYLINE=$(BIN) bash tests/e2e_terminal.sh
	CANDYLINE=$(BIN) bash tests/e2e_robust.sh
	CANDYLINE=$(BIN) PLUGINS=$(BUILD)/plugins CC="$(CC)" bash tests/strategy_kit.sh
	MAKE="$(MAKE)" BUILD=$(BUILD) PREFIX="$(PREFIX)" bash tests/install_test.sh

# Benchmarks (not part of make check): one table of figures against their
# targets (tests/bench/run.sh). $(BENCH_SIM) times sim_step in-process.
BENCH_SIM = $(BUILD)/bench_sim

$(BENCH_SIM): $(BUILD)/obj/tests/bench/bench_sim.o $(CORE_OBJ) $(APP_OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(DL_LIBS)

# $(PTY_PROBE) times the first frame and key-to-screen on a real pty.
PTY_PROBE = $(BUILD)/pty_probe

$(PTY_PROBE): $(BUILD)/obj/tests/bench/pty_probe.o
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ -lutil

bench: $(BIN) $(BENCH_SIM) $(PTY_PROBE)
	bash tests/bench/run.sh ./$(BIN) ./$(BENCH_SIM) ./$(PTY_PROBE)

# Memory checks. check-asan: the unit suites, the saved fuzz inputs, the
# replay corpus and the terminal tests, built with ASan and UBSan in
# $(BUILD)/asan (CC=clang or gcc); any sanitizer report fails
# (tests/check_asan.sh). check-valgrind: the unit suites and a set of
# headless runs of this build under valgrind (tests/check_valgrind.sh).
SAN_CFLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all

check-asan:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/asan CFLAGS="$(SAN_CFLAGS)" asan-build
	bash tests/check_asan.sh $(BUILD)/asan

asan-build: $(TESTS) $(BIN) $(FUZZ_REGRESS)

check-valgrind: $(TESTS) $(BIN)
	bash tests/check_valgrind.sh ./$(BIN) ./$(TESTS)

# The data directory is compiled in (src/app/datadir.c); the stamp holds
# it, and changes only when PKGDATADIR does, so datadir.o follows PREFIX.
$(BUILD)/obj/src/app/datadir.o: ALL_CPPFLAGS += -DCANDYLINE_DATADIR='"$(PKGDATADIR)"'
$(BUILD)/obj/src/app/datadir.o: $(BUILD)/gen/datadir.stamp
$(BUILD)/gen/datadir.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(PKGDATADIR)' > $@.tmp; if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi
FORCE:

# make install / uninstall: PREFIX (default /usr/local) and DESTDIR.
MANPAGE    = src/candyline.6
EXERCISES  = $(sort $(wildcard assets/exercises/*.md))
DATA_FILES = $(SCENARIOS) $(EXERCISES) assets/replays/example.rpl

install: $(BIN)
	install -d '$(DESTDIR)$(BINDIR)' '$(DESTDIR)$(MANDIR)/man6' \
	  '$(DESTDIR)$(PKGDATADIR)/scenarios' '$(DESTDIR)$(PKGDATADIR)/exercises' \
	  '$(DESTDIR)$(PKGDATADIR)/replays'
	install -m 755 $(BIN) '$(DESTDIR)$(BINDIR)/candyline'
	install -m 644 $(SCENARIOS) '$(DESTDIR)$(PKGDATADIR)/scenarios'
	install -m 644 $(EXERCISES) '$(DESTDIR)$(PKGDATADIR)/exercises'
	install -m 644 assets/replays/example.rpl '$(DESTDIR)$(PKGDATADIR)/replays'
	sed 's|/usr/local/share/candyline|$(PKGDATADIR)|g' $(MANPAGE) > '$(DESTDIR)$(MANDIR)/man6/candyline.6.tmp'
	chmod 644 '$(DESTDIR)$(MANDIR)/man6/candyline.6.tmp'
	mv '$(DESTDIR)$(MANDIR)/man6/candyline.6.tmp' '$(DESTDIR)$(MANDIR)/man6/candyline.6'

uninstall:
	rm -f '$(DESTDIR)$(BINDIR)/candyline' '$(DESTDIR)$(MANDIR)/man6/candyline.6'
	rm -f $(patsubst assets/%,'$(DESTDIR)$(PKGDATADIR)/%',$(DATA_FILES))
	rmdir '$(DESTDIR)$(PKGDATADIR)/scenarios' '$(DESTDIR)$(PKGDATADIR)/exercises' \
	  '$(DESTDIR)$(PKGDATADIR)/replays' '$(DESTDIR)$(PKGDATADIR)' 2>/dev/null || true

# make lint: cppcheck and clang-tidy on src/, shellcheck (warnings and
# errors) on the scripts. Findings are fixed or suppressed where they stand
# with a comment saying why. make format rewrites src/ and tests/ with
# clang-format; make compile_commands.json records a build with bear.
CPPCHECK   ?= cppcheck
CLANG_TIDY ?= clang-tidy
SHELLCHECK ?= shellcheck
TIDY_CHECKS = -*,bugprone-*,-bugprone-easily-swappable-parameters,$\
  -bugprone-suspicious-string-compare,-bugprone-macro-parentheses,$\
  -bugprone-not-null-terminated-result,clang-analyzer-*,$\
  -clang-analyzer-security.insecureAPI.DeprecatedOrUnsafeBufferHandling,$\
  -clang-analyzer-valist.Uninitialized
# (left out: style the code uses on purpose -- if (strcmp(...)), X-macro
# lists, counted memcpy -- C11 Annex K advice, and valist.Uninitialized,
# which clang-tidy 14 reports after every va_start)
LINT_SRC = $(sort $(wildcard src/*/*.c))

lint:
	$(CPPCHECK) --quiet --enable=warning,portability --std=c11 --inline-suppr \
	  --error-exitcode=1 -D_DEFAULT_SOURCE src/
	@echo "clang-tidy: $(words $(LINT_SRC)) files"
	@$(CLANG_TIDY) --quiet --warnings-as-errors='*' -checks='$(TIDY_CHECKS)' $(LINT_SRC) \
	  -- -std=c11 $(ALL_CPPFLAGS) $(NCURSES_CFLAGS) 2>/dev/null
	$(SHELLCHECK) -S warning tests/*.sh tests/*/*.sh .ci/*
	@echo "lint: cppcheck, clang-tidy and shellcheck found nothing"

format:
	clang-format -i src/*/*.c src/*/*.h tests/*.c tests/*.h tests/*/*.c

compile_commands.json:
	bear --output $@ -- $(MAKE) --no-print-directory -B BUILD=$(BUILD)/bear $(BUILD)/bear/candyline \
	  $(BUILD)/bear/check_candyline

clean:
	rm -rf $(BUILD)

options:
	@echo "CC       = $(CC)"
	@echo "CFLAGS   = $(ALL_CFLAGS)"
	@echo "CPPFLAGS = $(ALL_CPPFLAGS)"
	@echo "NCURSES  = $(NCURSES_CFLAGS) $(NCURSES_LIBS)"
	@echo "CHECK    = $(CHECK_CFLAGS) $(CHECK_LIBS)"
	@echo "BUILD    = $(BUILD)"

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
