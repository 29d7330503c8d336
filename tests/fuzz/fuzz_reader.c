/*
 * fuzz_reader.c - libFuzzer target for the readers (dyad_reader_open_mem,
 * dyad_reader_next until DYAD_END, dyad_origin_locate).
 *
 * The first byte picks the options: bits 0-2 the input format (modulo 5:
 * auto, text, jsonl, petrarch-xml, tabari), bit 3 tiny story and line
 * limits (to reach the limit paths), bit 4 a default date. The rest is the
 * input. Seeds: tests/fuzz/seeds/reader/.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "dyad.h"
#include "reader/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  uint8_t opt = data[0];
  dyad_input_format fmt = (dyad_input_format)((opt & 7) % 5);
  dyad_reader *r = NULL;
  dyad_doc *doc = NULL;
  dyad_error err;
  memset(&err, 0, sizeof err);
  if (dyad_doc_new(&doc) != DYAD_OK)
    return 0;
  if (dyad_reader_open_mem("fuzz.in", data + 1, size - 1, fmt, &r, &err) !=
      DYAD_OK) {
    dyad_doc_free(doc);
    return 0;
  }
  if (opt & 8)
    Dyad_reader_set_limits(r, 64, 32);
  if (opt & 16)
    (void)dyad_reader_set_default_date(r, 20240229);
  dyad_status st;
  while ((st = dyad_reader_next(r, doc, &err)) != DYAD_END) {
    if (st != DYAD_OK)
      continue;
    size_t len;
    const char *text = dyad_doc_text(doc, &len);
    /* every byte of the story text maps somewhere in the input */
    dyad_origin o;
    dyad_reader_origin(r, &o);
    unsigned line = 1, col = 1;
    for (size_t i = 0; i <= len; i++) {
      dyad_error e;
      memset(&e, 0, sizeof e);
      e.line = line;
      e.column = col;
      dyad_origin_locate(&o, doc, &e);
      if (e.offset > size)
        __builtin_trap();
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
  dyad_reader_free(r);
  dyad_doc_free(doc);
  return 0;
}
