/*
 * fuzz_reader.c - libFuzzer target for the readers (dyad_reader_open_mem,
 * dyad_reader_next until DYAD_END, dyad_origin_locate).
 *
 * Built as is (target "reader"), the first byte picks the options: bits 0-2
 * the input format (modulo 5: auto, text, jsonl, petrarch-xml, tabari),
 * bit 3 tiny story and line limits (to reach the limit paths), bit 4 a
 * default date. The rest is the input.
 *
 * The per-format targets include this file with FUZZ_READER_FMT set
 * (fuzz_read_text.c, _jsonl, _xml, _tabari): the format is forced and bits
 * 0-2 are unused. The compressed-input targets (fuzz_read_gzip.c, _zstd)
 * define FUZZ_READER_PACKED and their own compress_in() (in, n, out_len ->
 * malloc'd, with zlib or libzstd):
 * the rest of the input is compressed before it is read, unless bit 5 says to read it as is
 * (corrupt streams); bit 6 cuts the compressed stream in half (a truncated
 * file); bit 7 flips the bits of one byte in its middle (a damaged one).
 * Every story's text must map back into the input (dyad_origin_locate),
 * and every story read must have an id (dyad_reader_story_id) under 256
 * bytes; a violation traps. Seeds: tests/fuzz/seeds/<target>/.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "reader/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  uint8_t opt = data[0];
#ifdef FUZZ_READER_FMT
  dyad_input_format fmt = FUZZ_READER_FMT;
#else
  dyad_input_format fmt = (dyad_input_format)((opt & 7) % 5);
#endif
  const uint8_t *in = data + 1;
  size_t in_len = size - 1;
#ifdef FUZZ_READER_PACKED
  uint8_t *packed = NULL;
  if (!(opt & 32)) {
    packed = compress_in(in, in_len, &in_len);
    if (!packed)
      __builtin_trap(); /* compressing a few KiB cannot fail */
    if (opt & 64)
      in_len /= 2;
    if ((opt & 128) && in_len > 0)
      packed[in_len / 2] ^= 0xff;
    in = packed;
  }
#endif
  dyad_reader *r = NULL;
  dyad_doc *doc = NULL;
  dyad_error err;
  memset(&err, 0, sizeof err);
  if (dyad_doc_new(&doc) != DYAD_OK)
    goto out;
  if (dyad_reader_open_mem("fuzz.in", in, in_len, fmt, &r, &err) != DYAD_OK)
    goto out;
  if (opt & 8)
    Dyad_reader_set_limits(r, 64, 32);
  if (opt & 16)
    (void)dyad_reader_set_default_date(r, 20240229);
  dyad_status st;
#ifndef FUZZ_READER_PACKED
  size_t stories = 0;
  /* gzip or zstd input, which the reader unpacks: its stories and their
   * offsets are not bounded by the packed size */
  bool unpacked = in_len >= 4 && ((in[0] == 0x1f && in[1] == 0x8b) ||
                                  (in[0] == 0x28 && in[1] == 0xb5 &&
                                   in[2] == 0x2f && in[3] == 0xfd));
#endif
  while ((st = dyad_reader_next(r, doc, &err)) != DYAD_END) {
    if (memchr(err.message, '\0', sizeof err.message) == NULL)
      __builtin_trap();
    /* a story read always has its id; any id is a string of < 256 bytes */
    const char *sid = dyad_reader_story_id(r);
    if ((st == DYAD_OK && !sid) || (sid && strlen(sid) > 255))
      __builtin_trap();
#ifndef FUZZ_READER_PACKED
    if (++stories > size + 2 && !unpacked) /* every story consumes input */
      __builtin_trap();
#endif
    if (st != DYAD_OK)
      continue;
    size_t len;
    const char *text = dyad_doc_text(doc, &len);
    /* every byte of the story text maps somewhere in the input */
    dyad_origin o;
    dyad_reader_origin(r, &o);
    unsigned line = 1, col = 1;
    for (size_t i = 0; i <= len; i++) {
      /* every 31st byte and the end (locate is linear in the text) */
      if (i % 31 == 0 || i == len) {
        dyad_error e;
        memset(&e, 0, sizeof e);
        e.line = line;
        e.column = col;
        dyad_origin_locate(&o, doc, &e);
#ifndef FUZZ_READER_PACKED
        if (e.offset > size && !unpacked)
          __builtin_trap();
#endif
      }
      if (i < len && text[i] == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
      if (i > 4096) /* long texts: the start is enough */
        break;
    }
  }
out:
  dyad_reader_free(r);
  dyad_doc_free(doc);
#ifdef FUZZ_READER_PACKED
  free(packed);
#endif
  return 0;
}
