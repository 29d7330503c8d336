#!/bin/sh
# Pathological inputs (STYLE §9; cmark's test/pathological_tests.py): worst
# cases generated on the fly by tests/pathological.py, each coded by the CLI
# under a generous hang guard, each with its outcomes asserted from the
# --report file (coded / without events / rejected with its reason / coded
# in part with a warning) and the counts checked to add up:
#
#   sentence-1mb-no-punctuation, sentence-1mb   one 1 MB sentence
#   quotes-10k, parens-10k    a sentence inside 10,000 nested quotes/brackets
#   actors-100k               100,000 actors in one sentence
#   events-per-sentence       20 x 20 countries: 400 events, 256 kept
#   token-1mb                 one 1 MB word
#   combining-only            a story of combining marks only
#   nul-bytes                 words among 1 MB of NUL bytes
#   invalid-utf8              one story per class of invalid UTF-8 (overlong,
#                             surrogates, > U+10FFFF, C0 C1 F5-FF, truncated,
#                             stray continuation bytes); the same as records
#   line-ends-lf/crlf/cr, bom every format with LF, CRLF, lone CR, a BOM
#   xml-nesting               10,000 nested XML elements
#   story-10mb, sentences-100k, dict-1m (a 1,000,000-entry dictionary)
#   mixed                     every small input in one run: counts add up
#
# Usage: tests/pathological.sh BUILD_DIR   (PATHO_BOUND: the hang guard in
# seconds per case, default 60; PATHO_ONLY: only the cases whose name holds
# it). Times per MB: bench/pathological.sh.
BUILD=${1:-build}
if ! command -v python3 >/dev/null 2>&1; then
  echo "pathological: SKIP: python3 is needed to generate the inputs"
  exit 0
fi
exec python3 tests/pathological.py check "$BUILD" --bound "${PATHO_BOUND:-60}" \
  ${PATHO_ONLY:+--only "$PATHO_ONLY"}
