/*
 * fuzz_dict_tabari_verbs.c - libFuzzer target for one dictionary loader: the input
 * after the first byte is loaded as a tabari verbs file (see fuzz_dict.c for
 * the option bits 4-7). Seeds: tests/fuzz/seeds/dict_tabari_verbs/.
 */
#define FUZZ_DICT_KIND 7
#include "fuzz_dict.c"
