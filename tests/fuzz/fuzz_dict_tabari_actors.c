/*
 * fuzz_dict_tabari_actors.c - libFuzzer target for one dictionary loader: the input
 * after the first byte is loaded as a tabari actors file (see fuzz_dict.c for
 * the option bits 4-7). Seeds: tests/fuzz/seeds/dict_tabari_actors/.
 */
#define FUZZ_DICT_KIND 6
#include "fuzz_dict.c"
