/*
 * fuzz_dict.c - libFuzzer target for dictionary loading (dyad_lexicon_load)
 * of every single-file dictionary kind, and for coding with what was
 * loaded.
 *
 * The first byte picks the options: bits 0-3 the kind of file (modulo 9),
 * by its name: PETRARCH actors, agents, verbs, discards, event nouns,
 * issues; TABARI .actors, .verbs, .options. Bit 4: strict. Bit 5: load the
 * conformance fixture (tests/data/conformance/) with it, so that the fuzzed
 * entries are compiled together with actors, agents and verbs, and code a
 * few sentences with the result. Bit 6: the TABARI profile for that. Bit 7:
 * pass the fuzzed file twice. The rest of the input is the file, written to
 * a temporary directory made once. Seeds: tests/fuzz/seeds/dict/.
 *
 * The per-loader targets (fuzz_dict_<kind>.c) include this file with
 * FUZZ_DICT_KIND set to the index of the kind in NAMES: bits 0-3 are then
 * unused.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dyad.h"

#ifndef DYAD_SRCDIR
#define DYAD_SRCDIR "."
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const NAMES[] = {
    "fuzz.actors.txt",   "fuzz.agents.txt", "fuzz.verbs.txt",
    "fuzz.discards.txt", "fuzz.nouns.txt",  "fuzz.issues.txt",
    "fuzz.actors",       "fuzz.verbs",      "fuzz.options",
};
#define NKINDS (sizeof NAMES / sizeof NAMES[0])

static char dir[256];
static char exc[300];

static const char STORY[] =
    "Mali's foreign minister accused France. Malian troops attacked rebels "
    "on Friday.\nRussia promised to provide humanitarian aid to Mali, Lavrov "
    "said. The United Nations did not meet Niger. MALI ACCUSES FRANCE";

#define CHECK(c)                                                               \
  do {                                                                         \
    if (!(c))                                                                  \
      __builtin_trap();                                                        \
  } while (0)

static void init(void) {
  const char *t = getenv("TMPDIR");
  snprintf(dir, sizeof dir, "%s/dyad-fuzz-dict-XXXXXX", t && *t ? t : "/tmp");
  if (!mkdtemp(dir))
    abort();
  /* a small irregular-verb list instead of WordNet's, read on every load */
  snprintf(exc, sizeof exc, "%s/verb.exc", dir);
  FILE *f = fopen(exc, "w");
  if (!f)
    abort();
  fputs("began begin\nbegun begin\ngave give\ngiven give\nmet meet\n"
        "sent send\nsought seek\nthrew throw\nwithdrew withdraw\n",
        f);
  fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  if (!dir[0])
    init();
  uint8_t opt = data[0];
  char path[512];
#ifdef FUZZ_DICT_KIND
  size_t kind = FUZZ_DICT_KIND;
#else
  size_t kind = (opt & 15) % NKINDS;
#endif
  snprintf(path, sizeof path, "%s/%s", dir, NAMES[kind]);
  FILE *f = fopen(path, "wb");
  if (!f)
    abort();
  if (size > 1 && fwrite(data + 1, 1, size - 1, f) != size - 1)
    abort();
  fclose(f);

  char fix[3][600];
  const char *paths[5];
  size_t np = 0;
  if (opt & 32) {
    snprintf(fix[0], sizeof fix[0], "%s/tests/data/conformance/actors.txt",
             DYAD_SRCDIR);
    snprintf(fix[1], sizeof fix[1], "%s/tests/data/conformance/agents.txt",
             DYAD_SRCDIR);
    snprintf(fix[2], sizeof fix[2], "%s/tests/data/conformance/verbs.txt",
             DYAD_SRCDIR);
    paths[np++] = fix[0];
    paths[np++] = fix[1];
    paths[np++] = fix[2];
  }
  paths[np++] = path;
  if (opt & 128)
    paths[np++] = path;

  dyad_lexicon_options lo;
  memset(&lo, 0, sizeof lo);
  lo.strict = (opt & 16) != 0;
  lo.verb_exceptions = exc;
  dyad_lexicon *lex = NULL;
  dyad_error err;
  memset(&err, 0, sizeof err);
  dyad_status st = dyad_lexicon_load(paths, np, &lo, &lex, &err);
  CHECK(memchr(err.message, '\0', sizeof err.message) != NULL);
  CHECK(memchr(err.source, '\0', sizeof err.source) != NULL);
  if (st != DYAD_OK) {
    CHECK(lex == NULL);
    return 0;
  }
  CHECK(lex != NULL);
  for (size_t i = 0; i < dyad_lexicon_diag_count(lex); i++) {
    const dyad_error *d = dyad_lexicon_diag(lex, i);
    CHECK(d && memchr(d->message, '\0', sizeof d->message) != NULL);
    char buf[700];
    dyad_error_format(d, buf, sizeof buf);
  }
  dyad_lexicon_stats stats;
  dyad_lexicon_get_stats(lex, &stats);

  if (opt & 32) {
    dyad_coder_options co;
    memset(&co, 0, sizeof co);
    co.profile = (opt & 64) ? DYAD_PROFILE_TABARI : DYAD_PROFILE_DYAD;
    co.keep_hedged = true;
    dyad_coder *coder = NULL;
    dyad_doc *doc = NULL;
    if (dyad_coder_new(lex, &co, &coder) == DYAD_OK &&
        dyad_doc_new(&doc) == DYAD_OK) {
      dyad_story s;
      memset(&s, 0, sizeof s);
      s.id = "fuzz";
      s.id_len = 4;
      s.date = 20230701;
      s.text = STORY;
      s.text_len = sizeof STORY - 1;
      if (dyad_doc_set(doc, &s) == DYAD_OK) {
        (void)dyad_code(coder, doc, &err);
        size_t tl;
        (void)dyad_doc_text(doc, &tl);
        for (size_t i = 0; i < dyad_doc_event_count(doc); i++) {
          const dyad_event *ev = dyad_doc_event(doc, i);
          (void)strlen(dyad_event_source(ev));
          (void)strlen(dyad_event_target(ev));
          (void)strlen(dyad_event_code(ev));
          (void)dyad_event_quad_class(ev);
          (void)dyad_event_goldstein(ev);
          for (int k = DYAD_SPAN_SOURCE; k <= DYAD_SPAN_VERB; k++) {
            size_t a, b;
            dyad_event_span(ev, (dyad_span_kind)k, &a, &b);
            CHECK(a <= b && b <= tl);
          }
        }
      }
    }
    dyad_doc_free(doc);
    dyad_coder_free(coder);
  }
  dyad_lexicon_free(lex);
  return 0;
}
