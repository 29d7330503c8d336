#!/bin/sh
# `make lint`: the hygiene rules of STYLE §5 and §8 that a grep can check.
#
# Enforced (exit 1 on any):
#   banned     strcpy strcat sprintf vsprintf strtok atoi atol gets in src/
#              (use the buf helpers, snprintf, strtol with an end check)
#   output     printf fprintf vprintf vfprintf puts perror exit _Exit _exit
#              abort assert in src/: the library never prints, exits or aborts
#   globals    writable data (.data/.bss/TLS sections) in the library's
#              objects: no global mutable state (STYLE §5)
#   dicts      `dyad dict lint` on the bundled dictionaries reports no error
# Reported only:
#   format     clang-format --dry-run over the C sources (.clang-format)
#
# Comments and string literals are left out of the greps. Prints each
# finding as file:line: rule: text, then a summary.
#
# Usage: tests/lint.sh BUILD_DIR
BUILD=${1:-build}
status=0

# The C sources of the library with comments and strings blanked out, line
# numbers kept: "file:line:code" lines.
strip() {
  python3 - "$@" <<'EOF'
import re, sys
tok = re.compile(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)
for path in sys.argv[1:]:
    src = open(path, encoding="utf-8", errors="replace").read()
    def blank(m):
        t = m.group(0)
        return re.sub(r'[^\n]', ' ', t) if t[0] == '/' else t[0] + ' ' * (len(t) - 2) + t[-1]
    for n, line in enumerate(tok.sub(blank, src).split("\n"), 1):
        if line.strip():
            print(f"{path}:{n}:{line}")
EOF
}

SRC=$(ls src/*.h src/*/*.c src/*/*.h 2>/dev/null)
if ! command -v python3 >/dev/null 2>&1; then
  echo "lint: python3 is needed" >&2
  exit 2
fi
T=$(mktemp -d) || exit 3
trap 'rm -rf "$T"' EXIT
strip $SRC >"$T/code"

# grep_rule NAME REGEX WHY
grep_rule() {
  grep -E "$2" "$T/code" | sed -E "s/^([^:]*:[0-9]+):[[:space:]]*/\1: $1: /" >"$T/hits"
  n=$(wc -l <"$T/hits" | tr -d ' ')
  if [ "$n" -gt 0 ]; then
    status=1
    cat "$T/hits"
    echo "lint: $1: $n finding(s): $3"
  else
    echo "lint: $1: ok"
  fi
}

grep_rule banned \
  '(^|[^A-Za-z0-9_.>])(strcpy|strcat|sprintf|vsprintf|strtok|atoi|atol|gets)[[:space:]]*\(' \
  "use the buf helpers, snprintf, memcpy with a checked length, strtol with an end pointer"
grep_rule output \
  '(^|[^A-Za-z0-9_.>])(printf|fprintf|vprintf|vfprintf|puts|perror|exit|_Exit|_exit|abort|assert)[[:space:]]*\(' \
  "the library never prints, exits or aborts: return a dyad_status and fill the dyad_error"

# writable data in the library's objects
if command -v objdump >/dev/null 2>&1 && ls "$BUILD"/src/*/*.o >/dev/null 2>&1; then
  : >"$T/globals"
  for o in "$BUILD"/src/*/*.o; do
    objdump -h "$o" | awk '($2 == ".data" || $2 == ".bss" ||
        ($2 ~ /^\.(data|bss)\./ && $2 !~ /rel\.ro/) || $2 ~ /^\.t(data|bss)/) &&
        $3 !~ /^0+$/ { print $2 }' >"$T/secs"
    while read -r sec; do
      objdump -t "$o" | awk -v s="$sec" -v o="$o" '$0 ~ (" " s "\t") && $NF !~ /^\./ {
        print o ": globals: writable " s " symbol " $NF }' >>"$T/globals"
    done <"$T/secs"
  done
  n=$(wc -l <"$T/globals" | tr -d ' ')
  if [ "$n" -gt 0 ]; then
    status=1
    cat "$T/globals"
    echo "lint: globals: $n writable static(s): state belongs in a handle (STYLE §5)"
  else
    echo "lint: globals: ok (no writable data in $BUILD/src)"
  fi
else
  echo "lint: globals: SKIP (no objdump or no objects in $BUILD/src; run make all)"
fi

# the bundled dictionaries
if [ -x "$BUILD/dyad" ]; then
  if "$BUILD/dyad" dict lint >"$T/dict" 2>&1; then
    echo "lint: dicts: ok ($(tail -n 1 "$T/dict"))"
  else
    status=1
    grep -v '^[0-9]* problems' "$T/dict" | head -n 40
    echo "lint: dicts: $(tail -n 1 "$T/dict")"
  fi
else
  echo "lint: dicts: SKIP (no $BUILD/dyad)"
fi

# formatting: reported, not enforced
if command -v clang-format >/dev/null 2>&1; then
  files=$(ls include/*.h src/*.h src/*/*.c src/*/*.h cli/*.c cli/*.h \
    tests/unit/*.c tests/unit/*.h tests/conformance/*.c tests/fuzz/*.c \
    bench/*.c 2>/dev/null)
  clang-format --dry-run $files >"$T/fmt" 2>&1
  nfiles=$(grep -o '^[^:]*\.[ch]:' "$T/fmt" | sort -u | wc -l | tr -d ' ')
  nwarn=$(grep -c 'warning:' "$T/fmt")
  if [ "$nwarn" -gt 0 ]; then
    grep -o '^[^:]*\.[ch]:' "$T/fmt" | sort | uniq -c | sort -rn |
      awk '{ printf "  %s %s lines to reformat\n", $2, $1 }'
    echo "lint: format: $nwarn line(s) in $nfiles file(s) differ from .clang-format (make format; not enforced)"
  else
    echo "lint: format: ok"
  fi
else
  echo "lint: format: SKIP (clang-format not installed)"
fi

if [ "$status" -eq 0 ]; then
  echo "lint: all enforced rules pass"
else
  echo "lint: FAILED"
fi
exit $status
