/*
 * fuzz_dict_actors.c - libFuzzer target for one dictionary loader: the input
 * after the first byte is loaded as a actors file (see fuzz_dict.c for
 * the option bits 4-7). Seeds: tests/fuzz/seeds/dict_actors/.
 */
#define FUZZ_DICT_KIND 0
#include "fuzz_dict.c"
