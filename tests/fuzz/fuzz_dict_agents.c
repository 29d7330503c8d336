/*
 * fuzz_dict_agents.c - libFuzzer target for one dictionary loader: the input
 * after the first byte is loaded as a agents file (see fuzz_dict.c for
 * the option bits 4-7). Seeds: tests/fuzz/seeds/dict_agents/.
 */
#define FUZZ_DICT_KIND 1
#include "fuzz_dict.c"
