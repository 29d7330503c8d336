/*
 * fuzz_sink.c - libFuzzer target for the sinks (dyad_sink_new, _write,
 * _finish): a fuzzed story is coded and written as TSV and as JSON Lines.
 *
 * The first byte picks the options: bit 0 keep_hedged, bit 1 the TABARI
 * profile, bit 2 the bundled dictionaries instead of the conformance
 * fixture, bit 3 the write function fails after a few calls (the sinks must
 * then return DYAD_ERR_IO), bits 4-7 the length of the story id (0-15
 * bytes, taken from the input after the first byte). The rest is the story
 * text, dated 2023-07-01.
 *
 * Checks: every JSON Lines line parses with cJSON into an object whose
 * "source", "target" and "code" equal the event's; the TSV output starts
 * with its header and every row has as many fields as the header; the
 * number of rows equals the number of events.
 * Seeds: tests/fuzz/seeds/sink/.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "dyad.h"

#ifndef DYAD_SRCDIR
#define DYAD_SRCDIR "."
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c)                                                               \
  do {                                                                         \
    if (!(c))                                                                  \
      __builtin_trap();                                                        \
  } while (0)

struct out {
  char *p;
  size_t len, cap;
  int calls, fail_after; /* fail_after < 0: never fail */
};

static bool collect(void *user, const char *d, size_t n) {
  struct out *o = user;
  if (o->fail_after >= 0 && o->calls >= o->fail_after)
    return false;
  o->calls++;
  if (o->len + n + 1 > o->cap) {
    size_t cap = o->cap ? o->cap : 4096;
    while (cap < o->len + n + 1)
      cap *= 2;
    char *np = realloc(o->p, cap);
    if (!np)
      return false;
    o->p = np;
    o->cap = cap;
  }
  memcpy(o->p + o->len, d, n);
  o->len += n;
  o->p[o->len] = '\0';
  return true;
}

static dyad_lexicon *load(const char *rel) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", DYAD_SRCDIR, rel);
  const char *p[1] = {path};
  dyad_lexicon *lex = NULL;
  if (dyad_lexicon_load(p, 1, NULL, &lex, NULL) != DYAD_OK)
    abort();
  return lex;
}

static dyad_lexicon *fixture, *bundled;

/* Counts the lines of `o` (each ends in '\n'; no partial last line). */
static size_t lines(const struct out *o) {
  size_t n = 0;
  for (size_t i = 0; i < o->len; i++)
    n += o->p[i] == '\n';
  CHECK(o->len == 0 || o->p[o->len - 1] == '\n');
  return n;
}

static void check_jsonl(const struct out *o, const dyad_doc *doc) {
  size_t i = 0, k = 0;
  while (i < o->len) {
    const char *nl = memchr(o->p + i, '\n', o->len - i);
    CHECK(nl != NULL);
    size_t n = (size_t)(nl - (o->p + i));
    cJSON *j = cJSON_ParseWithLength(o->p + i, n);
    CHECK(j != NULL && cJSON_IsObject(j));
    CHECK(k < dyad_doc_event_count(doc));
    const dyad_event *ev = dyad_doc_event(doc, k);
    const cJSON *s = cJSON_GetObjectItemCaseSensitive(j, "source");
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(j, "target");
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(j, "code");
    CHECK(cJSON_IsString(s) &&
          strcmp(s->valuestring, dyad_event_source(ev)) == 0);
    CHECK(cJSON_IsString(t) &&
          strcmp(t->valuestring, dyad_event_target(ev)) == 0);
    CHECK(cJSON_IsString(c) &&
          strcmp(c->valuestring, dyad_event_code(ev)) == 0);
    cJSON_Delete(j);
    i += n + 1;
    k++;
  }
  CHECK(k == dyad_doc_event_count(doc));
}

static void check_tsv(const struct out *o, const dyad_doc *doc) {
  size_t i = 0, rows = 0, header_tabs = 0;
  bool header = false;
  while (i < o->len) {
    const char *nl = memchr(o->p + i, '\n', o->len - i);
    CHECK(nl != NULL);
    size_t n = (size_t)(nl - (o->p + i)), tabs = 0;
    for (size_t x = 0; x < n; x++) {
      tabs += o->p[i + x] == '\t';
      CHECK(o->p[i + x] != '\r');
    }
    if (!header) {
      /* the header comes first and names every column */
      CHECK(n > 8 && memcmp(o->p + i, "story_id\t", 9) == 0);
      header = true;
      header_tabs = tabs;
    } else {
      CHECK(tabs == header_tabs);
      rows++;
    }
    i += n + 1;
  }
  CHECK(rows == dyad_doc_event_count(doc));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  if (!fixture) {
    fixture = load("tests/data/conformance/conf.ini");
    bundled = load("dict/dyad.ini");
  }
  uint8_t opt = data[0];
  size_t idn = (size_t)(opt >> 4);
  if (idn > size - 1)
    idn = size - 1;
  const char *id = (const char *)data + 1;
  const char *text = id + idn;
  size_t len = size - 1 - idn;

  dyad_coder_options co;
  memset(&co, 0, sizeof co);
  co.keep_hedged = (opt & 1) != 0;
  co.profile = (opt & 2) ? DYAD_PROFILE_TABARI : DYAD_PROFILE_DYAD;
  /* coders by option bits 0-2, made on first use and kept (they hold no
   * state between documents; a TABARI one takes milliseconds to make) */
  static dyad_coder *coders[8];
  if (!coders[opt & 7] && dyad_coder_new((opt & 4) ? bundled : fixture, &co,
                                         &coders[opt & 7]) != DYAD_OK)
    return 0;
  dyad_coder *coder = coders[opt & 7];
  dyad_doc *doc = NULL;
  if (dyad_doc_new(&doc) != DYAD_OK)
    return 0;
  dyad_story st;
  memset(&st, 0, sizeof st);
  st.id = id;
  st.id_len = idn;
  st.date = 20230701;
  st.text = text;
  st.text_len = len;
  if (dyad_doc_set(doc, &st) == DYAD_OK) {
    (void)dyad_code(coder, doc, NULL);
    bool failing = (opt & 8) != 0;
    for (int fmt = DYAD_OUTPUT_TSV; fmt <= DYAD_OUTPUT_JSONL; fmt++) {
      struct out o = {NULL, 0, 0, 0, failing ? (int)(len % 3) : -1};
      dyad_sink *sink = NULL;
      if (dyad_sink_new((dyad_output_format)fmt, collect, &o, &sink) != DYAD_OK)
        continue;
      dyad_status s1 = dyad_sink_write(sink, doc);
      dyad_status s2 = dyad_sink_finish(sink);
      if (!failing) {
        CHECK(s1 == DYAD_OK && s2 == DYAD_OK);
        (void)lines(&o);
        if (fmt == DYAD_OUTPUT_JSONL)
          check_jsonl(&o, doc);
        else
          check_tsv(&o, doc);
      } else {
        CHECK(s1 == DYAD_OK || s1 == DYAD_ERR_IO);
        CHECK(s2 == DYAD_OK || s2 == DYAD_ERR_IO);
      }
      dyad_sink_free(sink);
      free(o.p);
    }
  }
  dyad_doc_free(doc);
  return 0;
}
