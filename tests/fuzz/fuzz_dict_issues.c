/*
 * fuzz_dict_issues.c - libFuzzer target for one dictionary loader: the input
 * after the first byte is loaded as a issues file (see fuzz_dict.c for
 * the option bits 4-7). Seeds: tests/fuzz/seeds/dict_issues/.
 */
#define FUZZ_DICT_KIND 5
#include "fuzz_dict.c"
