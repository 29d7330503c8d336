/*
 * fuzz_dict_nouns.c - libFuzzer target for one dictionary loader: the input
 * after the first byte is loaded as a nouns file (see fuzz_dict.c for
 * the option bits 4-7). Seeds: tests/fuzz/seeds/dict_nouns/.
 */
#define FUZZ_DICT_KIND 4
#include "fuzz_dict.c"
