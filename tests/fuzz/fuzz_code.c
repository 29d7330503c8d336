/*
 * fuzz_code.c - libFuzzer target for document coding (dyad_doc_set +
 * dyad_code) and every event and document getter.
 *
 * The first byte picks the options: bit 0 the TABARI profile, bit 1
 * keep_hedged, bit 2 explain, bit 3 a story date (2023-07-01), bit 4 the
 * bundled dictionaries instead of the conformance fixture, bit 5 the first
 * line is the title, bit 6 code the story a second time with a fresh coder
 * (the events must be the same). The rest is the story text. Both lexicons are
 * loaded once (tests/data/conformance/conf.ini and dict/dyad.ini under
 * DYAD_SRCDIR). Spans, sentence indexes and strings are checked against the
 * story text; a violation traps. Seeds: tests/fuzz/seeds/code/.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"

#ifndef DYAD_SRCDIR
#define DYAD_SRCDIR "."
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static dyad_lexicon *load(const char *rel) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", DYAD_SRCDIR, rel);
  const char *p[1] = {path};
  dyad_lexicon *lex = NULL;
  dyad_error err;
  if (dyad_lexicon_load(p, 1, NULL, &lex, &err) != DYAD_OK) {
    fprintf(stderr, "fuzz_code: cannot load %s: %s\n", path, err.message);
    abort();
  }
  return lex;
}

static dyad_lexicon *fixture, *bundled;
/* one coder per combination of option bits 0, 1, 2 and 4, made on first
 * use and kept (a TABARI-profile coder over the bundled dictionaries takes
 * milliseconds to make); coders hold no state between documents */
static dyad_coder *coders[32];

#define CHECK(c)                                                               \
  do {                                                                         \
    if (!(c))                                                                  \
      __builtin_trap();                                                        \
  } while (0)

/* "SRC|TGT|CODE|modality" of an event into out[64]. */
static void event_sig(const dyad_event *ev, char out[64]) {
  snprintf(out, 64, "%s|%s|%s|%d", dyad_event_source(ev), dyad_event_target(ev),
           dyad_event_code(ev), (int)dyad_event_modality(ev));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  if (!fixture) {
    fixture = load("tests/data/conformance/conf.ini");
    bundled = load("dict/dyad.ini");
  }
  uint8_t opt = data[0];
  const char *text = (const char *)data + 1;
  size_t len = size - 1;

  dyad_coder_options co;
  memset(&co, 0, sizeof co);
  co.profile = (opt & 1) ? DYAD_PROFILE_TABARI : DYAD_PROFILE_DYAD;
  co.keep_hedged = (opt & 2) != 0;
  co.explain = (opt & 4) != 0;
  dyad_coder **slot = &coders[opt & 23];
  if (!*slot &&
      dyad_coder_new((opt & 16) ? bundled : fixture, &co, slot) != DYAD_OK)
    return 0;
  dyad_coder *coder = *slot;
  dyad_doc *doc = NULL;
  if (dyad_doc_new(&doc) != DYAD_OK)
    return 0;
  dyad_story st;
  memset(&st, 0, sizeof st);
  st.id = "fuzz";
  st.id_len = 4;
  st.date = (opt & 8) ? 20230701 : 0;
  st.text = text;
  st.text_len = len;
  if (opt & 32) {
    const char *nl = memchr(text, '\n', len);
    if (nl) {
      st.title = text;
      st.title_len = (size_t)(nl - text);
      st.text = nl + 1;
      st.text_len = len - st.title_len - 1;
    }
  }
  dyad_error err;
  memset(&err, 0, sizeof err);
  if (dyad_doc_set(doc, &st) == DYAD_OK) {
    dyad_status s = dyad_code(coder, doc, &err);
    CHECK(memchr(err.message, '\0', sizeof err.message) != NULL);
    size_t tl = 0;
    const char *t = dyad_doc_text(doc, &tl);
    CHECK(t != NULL);
    size_t ns = dyad_doc_sentence_count(doc);
    for (size_t i = 0; i < ns; i++) {
      size_t a, b;
      dyad_doc_sentence_span(doc, i, &a, &b);
      CHECK(a <= b && b <= tl);
    }
    size_t ne = dyad_doc_event_count(doc);
    if (s != DYAD_OK && s != DYAD_ERR_LIMIT)
      CHECK(ne == 0 || s == DYAD_ERR_NOMEM);
    for (size_t i = 0; i < ne; i++) {
      const dyad_event *ev = dyad_doc_event(doc, i);
      CHECK(ev != NULL);
      const char *src = dyad_event_source(ev), *tgt = dyad_event_target(ev);
      const char *code = dyad_event_code(ev), *root = dyad_event_root(ev);
      CHECK(src && tgt && code && root);
      (void)strlen(src);
      (void)strlen(tgt);
      CHECK(strncmp(code, root, strlen(root)) == 0);
      int q = dyad_event_quad_class(ev);
      CHECK(q >= 0 && q <= 4);
      double g = dyad_event_goldstein(ev);
      CHECK(g != g || (g >= -10.0 && g <= 10.0));
      CHECK(dyad_event_sentence(ev) < ns);
      for (int k = DYAD_SPAN_SOURCE; k <= DYAD_SPAN_VERB; k++) {
        size_t a, b;
        dyad_event_span(ev, (dyad_span_kind)k, &a, &b);
        CHECK(a <= b && b <= tl);
      }
      const char *ms = dyad_modality_str(dyad_event_modality(ev));
      CHECK(ms != NULL);
      (void)dyad_event_negated(ev);
      const char *file = NULL;
      unsigned line = 0;
      if (dyad_event_rule(ev, &file, &line))
        CHECK(file != NULL);
    }
    if (opt & 64) {
      /* coding is a function of the story: a fresh coder gives the same
       * (the kept one again for the slow-to-make TABARI + bundled) */
      size_t n1 = ne;
      char(*sig)[64] = calloc(n1 ? n1 : 1, sizeof *sig);
      for (size_t i = 0; sig && i < n1; i++)
        event_sig(dyad_doc_event(doc, i), sig[i]);
      dyad_coder *again = NULL;
      bool fresh = !((opt & 1) && (opt & 16));
      if (!fresh)
        again = coder;
      if (sig && (again || dyad_coder_new((opt & 16) ? bundled : fixture, &co,
                                          &again) == DYAD_OK)) {
        dyad_status s2 = dyad_code(again, doc, NULL);
        if (s2 != DYAD_ERR_NOMEM && s == DYAD_OK) {
          CHECK(s2 == s && dyad_doc_event_count(doc) == n1);
          for (size_t i = 0; i < n1; i++) {
            char one[64];
            event_sig(dyad_doc_event(doc, i), one);
            CHECK(strcmp(sig[i], one) == 0);
          }
        }
      }
      if (fresh)
        dyad_coder_free(again);
      free(sig);
    }
    const char *why = dyad_doc_discard_reason(doc);
    if (why)
      (void)strlen(why);
    (void)strlen(dyad_doc_explain(doc));
    (void)strlen(dyad_doc_id(doc));
  }
  dyad_doc_free(doc);
  return 0;
}
