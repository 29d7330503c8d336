/*
 * fuzz_dict_tabari_options.c - libFuzzer target for one dictionary loader: the input
 * after the first byte is loaded as a tabari options file (see fuzz_dict.c for
 * the option bits 4-7). Seeds: tests/fuzz/seeds/dict_tabari_options/.
 */
#define FUZZ_DICT_KIND 8
#include "fuzz_dict.c"
