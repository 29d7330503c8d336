# dyad - build, test, bench, fuzz.  Plain GNU make; output in build/.
#
#   make demo       install missing Debian packages, build, code the sample story
#   make test       unit + conformance + end-to-end tests
#   make bench      speed and memory on the bench corpus, and what enrichment
#                   costs (bench/run.sh, bench/enrich.sh; bench/RESULTS.md)
#   make bench-store  the event store: ingest cost, size, query latency
#   make bench-pathological  time per MB of the pathological inputs
#   make asan       build and test with AddressSanitizer + UBSan
#   make fuzz       build the libFuzzer targets (clang); make fuzz-run runs
#                   them, make fuzz-regress replays seeds and crash inputs
#   make leakcheck  valgrind over the conformance inputs, stories, suites
#   make memcheck   the whole test suite under valgrind: no error, no leak
#   make lint       banned functions, globals, dictionary lint, format report
#   make format     clang-format the sources

PKGS     := libutf8proc libcjson expat sqlite3 geonames zlib libzstd
DEB_PKGS := build-essential pkg-config libutf8proc-dev libcjson-dev \
            libexpat1-dev libsqlite3-dev sqlite3 \
            libgeonames-dev wordnet-base python3 clang valgrind libzstd-dev \
            zlib1g-dev
CC       ?= cc
BUILD    ?= build
OPT      ?= -O2 -g
WARN     := -Wall -Wextra -pedantic -Wstrict-prototypes -Wshadow \
            -Wno-unused-parameter
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
DICT_DEFAULT ?= $(CURDIR)/dict/dyad.ini
CFLAGS   ?=
ALL_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L $(OPT) $(WARN) \
              -fvisibility=hidden -Iinclude -Isrc -I$(BUILD)/gen $(PKG_CFLAGS) \
              -DDYAD_DEFAULT_DICT='"$(DICT_DEFAULT)"' $(CFLAGS)
LDLIBS   := $(PKG_LIBS) -lpthread -lm

LIB_SRC  := $(sort $(wildcard src/*/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_SRC  := $(sort $(wildcard cli/*.c))
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all demo test conformance bench bench-store bench-pathological asan fuzz \
        fuzz-run fuzz-regress \
        leakcheck memcheck lint \
        format clean deps

all: $(BUILD)/libdyad.a $(BUILD)/dyad

$(BUILD)/%.o: %.c $(wildcard include/*.h src/*/*.h src/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# The store's schema: docs/schema.sql compiled in as one C string, so the
# file is the one source of truth (tests/e2e/store.sh checks a new
# database against it).
$(BUILD)/gen/schema.h: docs/schema.sql
	@mkdir -p $(dir $@)
	@{ echo '/* generated from docs/schema.sql by the Makefile */'; \
	  echo '#define STORE_SCHEMA_SQL \'; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/  "/' -e 's/$$/\\n" \\/' $<; \
	  echo '  ""'; } >$@

$(BUILD)/src/store/store.o: $(BUILD)/gen/schema.h

$(BUILD)/libdyad.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/dyad: $(CLI_OBJ) $(BUILD)/libdyad.a
	$(CC) $(ALL_CFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libdyad.a $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/harness.h $(BUILD)/libdyad.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(BUILD)/libdyad.a $(LDLIBS)

# Installs the Debian packages dyad builds against when any is missing.
deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

demo: deps
	$(MAKE) all
	$(BUILD)/dyad code examples/mali-2023-07-01.txt

test: deps
	$(MAKE) all $(UNIT_BIN) $(BUILD)/tests/conformance
	@tests/run-tests.sh $(BUILD)

# The conformance cases (tests/conformance/*.txt) through the library and CLI.
conformance: all $(BUILD)/tests/conformance
	@$(BUILD)/tests/conformance --cli $(BUILD)/dyad tests/conformance/*.txt

$(BUILD)/tests/conformance: tests/conformance/run.c include/dyad.h $(BUILD)/libdyad.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ tests/conformance/run.c $(BUILD)/libdyad.a $(LDLIBS)

bench: all $(BUILD)/bench/bench
	@bench/run.sh $(BUILD)
	@bench/enrich.sh $(BUILD)

# The event store: ingest against plain coding, store size, and query
# latency on a store of a million events (bench/store.sh).
bench-store: all
	@bench/store.sh $(BUILD)

# Time per MB of each pathological input against ordinary text
# (bench/pathological.sh; appends to bench/RESULTS.md).
bench-pathological: all
	@bench/pathological.sh $(BUILD)

$(BUILD)/bench/bench: bench/bench.c include/dyad.h $(BUILD)/libdyad.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ bench/bench.c $(BUILD)/libdyad.a $(LDLIBS)

# The whole `make test` with AddressSanitizer + UBSan (every report fatal;
# LeakSanitizer on). Output in build/asan.
ASAN_OPT := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined \
            -fno-omit-frame-pointer
asan:
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	$(MAKE) BUILD=build/asan OPT="$(ASAN_OPT)" test

# libFuzzer targets (clang): the library is built once with coverage and
# ASan+UBSan in $(BUILD)/fuzz/lib, then each tests/fuzz/fuzz_*.c is linked
# against it. `make fuzz FUZZ_SECONDS=N` then runs every target N seconds,
# one after the other (tests/fuzz/run.sh, which makes every UBSan report
# fatal); without FUZZ_SECONDS it only builds. `make fuzz-run` runs them
# FUZZ_TIME seconds each (default 180).
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)
FUZZ_SAN ?= -fsanitize=address,undefined -fno-omit-frame-pointer
FUZZ_LIB := $(BUILD)/fuzz/lib/libdyad.a
FUZZ_LIBS := $(LDLIBS)
fuzz:
	$(MAKE) CC=clang BUILD=$(BUILD)/fuzz/lib \
	  OPT="-g -O1 -fsanitize=fuzzer-no-link $(FUZZ_SAN)" $(FUZZ_LIB)
	$(MAKE) $(FUZZ_BIN)
	@if [ -n "$(FUZZ_SECONDS)" ]; then \
	  FUZZ_TIME=$(FUZZ_SECONDS) tests/fuzz/run.sh $(BUILD)/fuzz; fi

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(wildcard tests/fuzz/fuzz_*.c) $(FUZZ_LIB)
	@mkdir -p $(dir $@)
	clang -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -fsanitize=fuzzer \
	  $(FUZZ_SAN) -Iinclude -Isrc $(PKG_CFLAGS) -DDYAD_SRCDIR='"$(CURDIR)"' \
	  -o $@ $< $(FUZZ_LIB) $(FUZZ_LIBS)

fuzz-run: fuzz
	@tests/fuzz/run.sh $(BUILD)/fuzz

# The seeds and the regression inputs (tests/fuzz/regress/<target>/) of
# every fuzz target, replayed without libFuzzer (tests/fuzz/replay.c) over
# an ASan+UBSan library built with $(CC) in $(REPLAY). Clang's UBSan checks
# more (e.g. offsets on null pointers): make fuzz-regress CC=clang.
REPLAY = $(BUILD)/replay-$(notdir $(CC))
fuzz-regress:
	$(MAKE) BUILD=$(REPLAY) OPT="$(ASAN_OPT)" $(REPLAY)/libdyad.a
	@status=0; for f in $(FUZZ_SRC); do \
	  n=$$(basename $$f .c); t=$${n#fuzz_}; \
	  $(CC) -std=c11 -D_POSIX_C_SOURCE=200809L $(ASAN_OPT) -Iinclude -Isrc \
	    $(PKG_CFLAGS) -DDYAD_SRCDIR='"$(CURDIR)"' -o $(REPLAY)/$$n \
	    tests/fuzz/replay.c $$f $(REPLAY)/libdyad.a $(FUZZ_LIBS) || exit 1; \
	  dirs=""; for d in tests/fuzz/seeds/$$t tests/fuzz/regress/$$t; do \
	    [ -d $$d ] && dirs="$$dirs $$d"; done; \
	  printf '%s: ' $$n; \
	  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	    $(REPLAY)/$$n $$dirs || { status=1; echo "$$n: FAILED"; }; \
	done; exit $$status

leakcheck: all $(BUILD)/tests/conformance
	@tests/leakcheck.sh $(BUILD)

# The whole `make test` with every program under valgrind memcheck: zero
# errors and zero leaks in every process (tests/memcheck.sh).
memcheck: all $(UNIT_BIN) $(BUILD)/tests/conformance
	@tests/memcheck.sh $(BUILD)

lint: all
	@tests/lint.sh $(BUILD)

format:
	clang-format -i include/*.h src/*/*.c src/*/*.h cli/*.c tests/unit/*.c tests/unit/*.h

clean:
	rm -rf build
