/*
 * fuzz_read_gzip.c - libFuzzer target for gzip-compressed input: the input
 * after the first byte is compressed with gzip (libarchive) and read back
 * by dyad_reader_open_mem, which tells the compression apart by content.
 * The first byte: bits 0-2 the format inside (modulo 5, as fuzz_reader.c),
 * bit 3 tiny limits, bit 4 a default date, bit 5 read the input as is
 * (not compressed: corrupt streams), bit 6 cut the compressed stream in
 * half, bit 7 damage one byte in its middle. Seeds: tests/fuzz/seeds/read_gzip/.
 */
#define FUZZ_READER_FILTER archive_write_add_filter_gzip
#include "fuzz_reader.c"
