/*
 * fuzz_dict_verbs.c - libFuzzer target for one dictionary loader: the input
 * after the first byte is loaded as a verbs file (see fuzz_dict.c for
 * the option bits 4-7). Seeds: tests/fuzz/seeds/dict_verbs/.
 */
#define FUZZ_DICT_KIND 2
#include "fuzz_dict.c"
