/*
 * fuzz_dict_discards.c - libFuzzer target for one dictionary loader: the input
 * after the first byte is loaded as a discards file (see fuzz_dict.c for
 * the option bits 4-7). Seeds: tests/fuzz/seeds/dict_discards/.
 */
#define FUZZ_DICT_KIND 3
#include "fuzz_dict.c"
