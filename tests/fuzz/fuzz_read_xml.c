/*
 * fuzz_read_xml.c - libFuzzer target for the reader with the format forced
 * to DYAD_INPUT_PETRARCH. The first byte: bit 3 tiny story and line limits, bit 4
 * a default date; the rest is the input (see fuzz_reader.c).
 * Seeds: tests/fuzz/seeds/read_xml/.
 */
#define FUZZ_READER_FMT DYAD_INPUT_PETRARCH
#include "fuzz_reader.c"
