/*
 * fuzz_gazetteer.c - libFuzzer target for the GeoNames dump reader of the
 * gazetteer (src/enrich/gazetteer.c, Dyad_gaz_add_geonames: what
 * `--gazetteer FILE` reads), its index and its name folding.
 *
 * The first byte picks the options: bit 0 strict (the first bad line
 * fails), bit 1 add dyad's country table first, bit 2 read the input
 * again as the dump's admin1CodesASCII.txt (Dyad_gaz_admin1_names). The
 * rest is the dump.
 * Checks: a bad line is reported with a line and a column inside it, never
 * past the input; every entry is found again by its own key; folding any
 * slice of the input stays within its buffer. Seeds: seeds/gazetteer/.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "enrich/gazetteer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c)                                                               \
  do {                                                                         \
    if (!(c))                                                                  \
      __builtin_trap();                                                        \
  } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  uint8_t opt = data[0];
  const char *text = (const char *)data + 1;
  size_t len = size - 1;
  struct gazetteer g;
  Dyad_gaz_init(&g);
  struct vec diags;
  Dyad_vec_init(&diags, sizeof(dyad_error));
  dyad_error err;
  memset(&err, 0, sizeof err);
  bool strict = opt & 1;
  dyad_status st = Dyad_buf_putc(&g.strings, '\0');
  CHECK(st == DYAD_OK);
  if (opt & 2) {
    /* the countries, as Dyad_gaz_build adds them (no libgeonames) */
    st = Dyad_gaz_build(&g, true, NULL, false, NULL, NULL);
    CHECK(st == DYAD_OK);
  }
  st = Dyad_gaz_add_geonames(&g, "fuzz.txt", text, len, strict, &diags, &err);
  CHECK(st == DYAD_OK || st == DYAD_ERR_PARSE || st == DYAD_ERR_NOMEM ||
        st == DYAD_ERR_LIMIT);
  if (st == DYAD_ERR_PARSE) {
    CHECK(strict);
    CHECK(err.line >= 1 && err.column >= 1);
  }
  for (size_t i = 0; i < diags.len; i++) {
    const dyad_error *d = &VEC_AT(&diags, dyad_error, i);
    CHECK(d->line >= 1 && d->column >= 1 && d->column <= len + 1);
  }
  if (st == DYAD_OK && (opt & 4)) {
    st = Dyad_gaz_admin1_names(&g, "admin1.txt", text, len, 0, strict, &diags,
                               &err);
    CHECK(st == DYAD_OK || st == DYAD_ERR_PARSE || st == DYAD_ERR_NOMEM ||
          st == DYAD_ERR_LIMIT);
    if (st == DYAD_ERR_PARSE)
      CHECK(strict && err.line >= 1 && err.column >= 1);
  }
  if (st == DYAD_OK && Dyad_gaz_index(&g) == DYAD_OK) {
    for (size_t i = 0; i < g.entries.len && i < 256; i++) {
      const struct gaz_entry *e = &VEC_AT(&g.entries, struct gaz_entry, i);
      const char *k = Dyad_gaz_str(&g, e->key);
      const struct gaz_entry *out[64];
      size_t n = Dyad_gaz_find(&g, k, strlen(k), out, 64);
      CHECK(n >= 1);
      for (size_t j = 0; j < n; j++)
        CHECK(strcmp(Dyad_gaz_str(&g, out[j]->key), k) == 0);
      CHECK(e->level >= DYAD_GEO_PLACE && e->level <= DYAD_GEO_COUNTRY);
    }
  }
  char f[16];
  for (size_t i = 0; i < len && i < 64; i += 7)
    (void)Dyad_gaz_fold(text + i, len - i < 40 ? len - i : 40, f, sizeof f);
  Dyad_vec_fini(&diags);
  Dyad_gaz_fini(&g);
  return 0;
}
