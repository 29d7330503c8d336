/*
 * fuzz_read_zstd.c - libFuzzer target for zstd-compressed input: the input
 * after the first byte is compressed with zstd (libzstd's one-shot
 * compressor, level 1, which writes the content size in the frame header)
 * and read back by dyad_reader_open_mem, which tells the compression apart
 * by content and unpacks it with libzstd's streaming decompressor. The
 * first byte: bits 0-2 the
 * format inside (modulo 5, as fuzz_reader.c), bit 3 tiny limits, bit 4 a
 * default date, bit 5 read the input as is (not compressed: corrupt
 * streams), bit 6 cut the compressed stream in half, bit 7 damage one byte
 * in its middle. Seeds: tests/fuzz/seeds/read_zstd/.
 * Level 1: higher levels' match tables cost megabytes of fresh memory for
 * every input under ASan.
 */
#include <stdint.h>
#include <stdlib.h>
#include <zstd.h>

static uint8_t *compress_in(const uint8_t *in, size_t n, size_t *out_len) {
  size_t cap = ZSTD_compressBound(n);
  uint8_t *out = malloc(cap ? cap : 1);
  if (!out)
    return NULL;
  size_t r = ZSTD_compress(out, cap, in, n, 1);
  if (ZSTD_isError(r)) {
    free(out);
    return NULL;
  }
  *out_len = r;
  return out;
}

#define FUZZ_READER_PACKED
#include "fuzz_reader.c"
