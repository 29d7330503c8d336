# dyad - build, test, bench, fuzz.  Plain GNU make; output in build/.
#
#   make demo       install missing Debian packages, build, code the sample story
#   make test       unit + conformance + end-to-end tests
#   make bench      speed and memory on the bench corpus (bench/RESULTS.md)
#   make asan       build and test with AddressSanitizer + UBSan
#   make fuzz       build the libFuzzer targets (clang)
#   make leakcheck  valgrind over the conformance inputs
#   make lint       banned functions, dictionary lint
#   make format     clang-format the sources

PKGS     := libutf8proc libcjson expat libarchive
DEB_PKGS := build-essential pkg-config libutf8proc-dev libcjson-dev \
            libexpat1-dev libarchive-dev wordnet-base python3
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
              -fvisibility=hidden -Iinclude -Isrc $(PKG_CFLAGS) \
              -DDYAD_DEFAULT_DICT='"$(DICT_DEFAULT)"' $(CFLAGS)
LDLIBS   := $(PKG_LIBS) -lpthread -lm

LIB_SRC  := $(sort $(wildcard src/*/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_SRC  := $(sort $(wildcard cli/*.c))
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all demo test unit conformance e2e bench asan fuzz leakcheck lint \
        format clean deps

all: $(BUILD)/libdyad.a $(BUILD)/dyad

$(BUILD)/%.o: %.c $(wildcard include/*.h src/*/*.h src/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

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
	$(MAKE) all $(UNIT_BIN)
	@tests/run-tests.sh $(BUILD)

bench: all
	@bench/run.sh $(BUILD)

asan:
	$(MAKE) BUILD=build/asan OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer" test

FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
fuzz:
	@mkdir -p $(BUILD)/fuzz
	for f in $(FUZZ_SRC); do \
	  clang -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 \
	    -fsanitize=fuzzer,address,undefined -Iinclude -Isrc $(PKG_CFLAGS) \
	    -DDYAD_DEFAULT_DICT='"$(DICT_DEFAULT)"' \
	    -o $(BUILD)/fuzz/$$(basename $$f .c) $$f $(LIB_SRC) $(LDLIBS) || exit 1; \
	done

leakcheck: all
	@tests/leakcheck.sh $(BUILD)

lint: all
	@tests/lint.sh $(BUILD)

format:
	clang-format -i include/*.h src/*/*.c src/*/*.h cli/*.c tests/unit/*.c tests/unit/*.h

clean:
	rm -rf build
