/*
 * fuzz_explain.c - libFuzzer target for the explanation of coding
 * (dyad_coder_options.explain, dyad_doc_explain) as `dyad code --explain`
 * prints it.
 *
 * The first byte picks the options: bit 0 the TABARI profile, bit 1
 * keep_hedged, bit 2 a story date (2023-07-01), bit 3 the bundled
 * dictionaries instead of the conformance fixture, bit 4 the first line is
 * the title. The rest is the story text. Checks: the explanation is a
 * NUL-terminated string that is empty when the story was not coded and
 * otherwise opens with "sentence " (DYAD_PROFILE_DYAD) and names each of the
 * document's events as "event: SOURCE TARGET CODE"; the same story coded
 * again without explain gives the same events. The text is then split into
 * lines and prefixed with "# " as the CLI does. A violation traps.
 * Seeds: tests/fuzz/seeds/explain/.
 */
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

#define CHECK(c)                                                               \
  do {                                                                         \
    if (!(c))                                                                  \
      __builtin_trap();                                                        \
  } while (0)

static dyad_lexicon *load(const char *rel) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", DYAD_SRCDIR, rel);
  const char *p[1] = {path};
  dyad_lexicon *lex = NULL;
  dyad_error err;
  if (dyad_lexicon_load(p, 1, NULL, &lex, &err) != DYAD_OK) {
    fprintf(stderr, "fuzz_explain: cannot load %s: %s\n", path, err.message);
    abort();
  }
  return lex;
}

static dyad_lexicon *fixture, *bundled;
/* coders by option bits 0, 1, 3 and explain (bit 4 of the index), made on
 * first use and kept: coders hold no state between documents */
static dyad_coder *coders[32];

/* "SRC|TGT|CODE" of event i of doc into out[96]. */
static void sig(const dyad_doc *doc, size_t i, char out[96]) {
  const dyad_event *ev = dyad_doc_event(doc, i);
  snprintf(out, 96, "%s|%s|%s", dyad_event_source(ev), dyad_event_target(ev),
           dyad_event_code(ev));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  if (!fixture) {
    fixture = load("tests/data/conformance/conf.ini");
    bundled = load("dict/dyad.ini");
  }
  uint8_t opt = data[0];
  dyad_lexicon *lex = (opt & 8) ? bundled : fixture;
  dyad_story st;
  memset(&st, 0, sizeof st);
  st.id = "fuzz";
  st.id_len = 4;
  st.date = (opt & 4) ? 20230701 : 0;
  st.text = (const char *)data + 1;
  st.text_len = size - 1;
  if (opt & 16) {
    const char *nl = memchr(st.text, '\n', st.text_len);
    if (nl) {
      st.title = st.text;
      st.title_len = (size_t)(nl - st.text);
      st.text = nl + 1;
      st.text_len -= st.title_len + 1;
    }
  }
  dyad_coder_options co;
  memset(&co, 0, sizeof co);
  co.profile = (opt & 1) ? DYAD_PROFILE_TABARI : DYAD_PROFILE_DYAD;
  co.keep_hedged = (opt & 2) != 0;
  co.explain = true;
  dyad_doc *doc = NULL;
  char(*sigs)[96] = NULL;
  unsigned k = opt & 11;
  if (!coders[k | 16] && dyad_coder_new(lex, &co, &coders[k | 16]) != DYAD_OK)
    goto out;
  co.explain = false;
  if (!coders[k] && dyad_coder_new(lex, &co, &coders[k]) != DYAD_OK)
    goto out;
  dyad_coder *coder = coders[k | 16], *plain = coders[k];
  if (dyad_doc_new(&doc) != DYAD_OK)
    goto out;
  if (dyad_doc_set(doc, &st) != DYAD_OK)
    goto out;
  dyad_status s = dyad_code(coder, doc, NULL);
  const char *x = dyad_doc_explain(doc);
  CHECK(x != NULL);
  size_t xl = strlen(x);
  if (s == DYAD_ERR_NOMEM)
    goto out;
  if (s != DYAD_OK && s != DYAD_ERR_LIMIT) {
    CHECK(dyad_doc_event_count(doc) == 0);
    goto out;
  }
  if (dyad_doc_sentence_count(doc) > 0 && co.profile == DYAD_PROFILE_DYAD &&
      s == DYAD_OK)
    CHECK(strncmp(x, "sentence ", 9) == 0);
  size_t ne = dyad_doc_event_count(doc);
  sigs = calloc(ne ? ne : 1, sizeof *sigs);
  if (!sigs)
    goto out;
  for (size_t i = 0; i < ne; i++) {
    const dyad_event *ev = dyad_doc_event(doc, i);
    const char *tgt = dyad_event_target(ev);
    char line[128];
    snprintf(line, sizeof line, "event: %s %s %s", dyad_event_source(ev),
             tgt[0] ? tgt : "-", dyad_event_code(ev));
    if (co.profile == DYAD_PROFILE_DYAD)
      CHECK(strstr(x, line) != NULL);
    sig(doc, i, sigs[i]);
  }
  /* the CLI's rendering: "# " before each line */
  size_t lines = 0, bytes = 0;
  for (const char *p = x; *p;) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p) : strlen(p);
    char out[64];
    snprintf(out, sizeof out, "# %.*s", (int)n, p);
    bytes += n;
    lines++;
    p += n + (nl ? 1 : 0);
  }
  CHECK(bytes + lines >= xl && bytes <= xl);
  /* explaining changes nothing in the coding */
  if (dyad_code(plain, doc, NULL) == s) {
    CHECK(dyad_doc_event_count(doc) == ne);
    CHECK(dyad_doc_explain(doc)[0] == '\0');
    for (size_t i = 0; i < ne; i++) {
      char one[96];
      sig(doc, i, one);
      CHECK(strcmp(one, sigs[i]) == 0);
    }
  }
out:
  free(sigs);
  dyad_doc_free(doc);
  return 0;
}
