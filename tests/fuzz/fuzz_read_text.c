/*
 * fuzz_read_text.c - libFuzzer target for the reader with the format forced
 * to DYAD_INPUT_TEXT. The first byte: bit 3 tiny story and line limits, bit 4
 * a default date; the rest is the input (see fuzz_reader.c).
 * Seeds: tests/fuzz/seeds/read_text/.
 */
#define FUZZ_READER_FMT DYAD_INPUT_TEXT
#include "fuzz_reader.c"
