/*
 * fuzz_read_gzip.c - libFuzzer target for gzip-compressed input: the input
 * after the first byte is compressed with gzip (zlib's deflate, level 1,
 * gzip wrapper) and read back by dyad_reader_open_mem, which tells the
 * compression apart by content. The first byte: bits 0-2 the format inside
 * (modulo 5, as fuzz_reader.c), bit 3 tiny limits, bit 4 a default date,
 * bit 5 read the input as is (not compressed: corrupt streams), bit 6 cut
 * the compressed stream in half, bit 7 damage one byte in its middle.
 * Seeds: tests/fuzz/seeds/read_gzip/.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static uint8_t *compress_in(const uint8_t *in, size_t n, size_t *out_len) {
  z_stream z;
  memset(&z, 0, sizeof z);
  /* level 1: the stream the reader sees has the same block types as at
   * higher levels, at a fraction of the cost under ASan */
  if (deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return NULL;
  size_t cap = deflateBound(&z, (uLong)n);
  uint8_t *out = malloc(cap ? cap : 1);
  int rc = Z_STREAM_ERROR;
  if (out) {
    z.next_in = (Bytef *)(uintptr_t)in;
    z.avail_in = (uInt)n;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    rc = deflate(&z, Z_FINISH);
  }
  *out_len = cap - z.avail_out;
  deflateEnd(&z);
  if (rc != Z_STREAM_END) {
    free(out);
    return NULL;
  }
  return out;
}

#define FUZZ_READER_PACKED
#include "fuzz_reader.c"
