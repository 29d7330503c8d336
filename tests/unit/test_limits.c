/*
 * test_limits.c - the coder's and the dictionary loader's hard limits
 * (docs/limits.md): over each one the story is coded in part with a
 * DYAD_ERR_LIMIT warning at line:col, or the dictionary entry is reported
 * at file:line:col and skipped; nothing crashes and the rest goes on.
 * Uses the bundled dictionaries (dyad_default_dict) and the conformance
 * verbs (tests/data/conformance/verbs.txt, with a generated actor file);
 * run from the repository root.
 */
#include "harness.h"

#include <unistd.h>

#include "dyad.h"
#include "internal.h"
#include "lexicon/load.h"
#include "reader/reader.h"

static dyad_lexicon *LEX;

/* Codes `text` (NUL-terminated) with a fresh doc; returns the status, the
 * event count in *nev and the error in *e. */
static dyad_status code(const char *text, size_t *nev, dyad_error *e) {
  dyad_coder *c = NULL;
  dyad_doc *d = NULL;
  memset(e, 0, sizeof *e);
  *nev = 0;
  if (dyad_coder_new(LEX, NULL, &c) != DYAD_OK || dyad_doc_new(&d)) {
    dyad_coder_free(c);
    return DYAD_ERR_NOMEM;
  }
  dyad_story st;
  memset(&st, 0, sizeof st);
  st.id = "t";
  st.id_len = 1;
  st.date = 20230701;
  st.text = text;
  st.text_len = strlen(text);
  dyad_status s = dyad_doc_set(d, &st);
  if (s == DYAD_OK)
    s = dyad_code(c, d, e);
  *nev = dyad_doc_event_count(d);
  dyad_doc_free(d);
  dyad_coder_free(c);
  return s;
}

static const char *const SRC[] = {
    "France",  "Germany",  "Italy",   "Spain",   "Portugal",
    "Belgium", "Austria",  "Poland",  "Hungary", "Romania",
    "Bulgaria", "Greece",  "Turkey",  "Egypt",   "Libya",
    "Tunisia", "Algeria",  "Morocco", "Sudan",   "Sweden"};
static const char *const TGT[] = {
    "Chad",    "Niger",    "Mali",     "Nigeria", "Ghana",
    "Senegal", "Kenya",    "Ethiopia", "Somalia", "Uganda",
    "Rwanda",  "Burundi",  "Tanzania", "Zambia",  "Angola",
    "Namibia", "Botswana", "Zimbabwe", "Malawi",  "Mozambique"};

static void list(char *out, size_t cap, const char *const *w, size_t n) {
  size_t k = strlen(out);
  for (size_t i = 0; i < n; i++)
    k += (size_t)snprintf(out + k, cap - k, "%s%s", w[i],
                          i + 2 < n ? ", " : i + 1 < n ? " and " : "");
}

static void test_coder(struct runner *r) {
  size_t nev;
  dyad_error e;
  static char s[1 << 16];

  CASE(r, "a word over TOK_MAX_KEY bytes: matched on its start, warned");
  snprintf(s, sizeof s, "Mali accused %0*d France.\nNiger accused Chad.",
           TOK_MAX_KEY + 44, 0);
  CHECK_INT(r, code(s, &nev, &e), DYAD_ERR_LIMIT);
  CHECK_INT(r, e.line, 1);
  CHECK_INT(r, e.column, 14);
  CHECK(r, strstr(e.message, "word of 300 bytes") != NULL);
  CHECK_INT(r, nev, 2);

  CASE(r, "a sentence over DYAD_MAX_SENT_TOKENS tokens: skipped, warned, "
          "the next one coded");
  size_t k = (size_t)snprintf(s, sizeof s, "Niger accused Chad.\n\n");
  for (int i = 0; i < DYAD_MAX_SENT_TOKENS + 10; i++)
    k += (size_t)snprintf(s + k, sizeof s - k, "w ");
  snprintf(s + k, sizeof s - k, ".\n\nMali accused France.");
  CHECK_INT(r, code(s, &nev, &e), DYAD_ERR_LIMIT);
  CHECK_INT(r, e.line, 3);
  CHECK_INT(r, e.column, 1);
  CHECK(r, strstr(e.message, "skipped") != NULL);
  CHECK_INT(r, nev, 2);

  CASE(r, "a sentence over DYAD_MAX_SENT_EVENTS events (20 x 20 actors): "
          "the first ones kept, warned");
  s[0] = '\0';
  snprintf(s, sizeof s, "Mali accused Chad. ");
  list(s, sizeof s, SRC, 20);
  strcat(s, " accused ");
  list(s, sizeof s, TGT, 20);
  strcat(s, " of lying.");
  CHECK_INT(r, code(s, &nev, &e), DYAD_ERR_LIMIT);
  CHECK_INT(r, e.line, 1);
  CHECK_INT(r, e.column, 20);
  CHECK(r, strstr(e.message, "more than 256 events") != NULL);
  CHECK_INT(r, nev, 1 + DYAD_MAX_SENT_EVENTS);

  CASE(r, "under the limits: no warning");
  CHECK_INT(r, code("Mali accused France.", &nev, &e), DYAD_OK);
  CHECK_INT(r, nev, 1);
}

static void test_dictionary(struct runner *r) {
  CASE(r, "a dictionary phrase over LD_MAX_WORDS words: file:line:col, "
          "skipped, the rest loaded");
  char dir[] = "/tmp/dyad-test-limits-XXXXXX", path[64];
  CHECK(r, mkdtemp(dir) != NULL);
  snprintf(path, sizeof path, "%s/long.actors.txt", dir);
  FILE *f = fopen(path, "w");
  CHECK(r, f != NULL);
  if (!f)
    return;
  fputs("MALI [MLI]\n    LONG", f);
  for (int i = 0; i < LD_MAX_WORDS + 6; i++)
    fprintf(f, " W%d", i);
  fputs(" [XYZ]\nNIGER [NER]\n", f);
  fclose(f);
  const char *paths[2] = {path, "tests/data/conformance/verbs.txt"};
  dyad_lexicon *lex = NULL;
  dyad_error e;
  CHECK_INT(r, dyad_lexicon_load(paths, 2, NULL, &lex, &e), DYAD_OK);
  if (lex) {
    CHECK_INT(r, dyad_lexicon_diag_count(lex), 1);
    const dyad_error *d = dyad_lexicon_diag(lex, 0);
    CHECK_INT(r, d->line, 2);
    CHECK_INT(r, d->column, 5);
    CHECK(r, strstr(d->message, "too long (over 64 words)") != NULL);
    dyad_lexicon_stats st;
    dyad_lexicon_get_stats(lex, &st);
    CHECK_INT(r, st.actors, 2);
  }
  dyad_lexicon_free(lex);
  unlink(path);
  rmdir(dir);
}

int main(void) {
  struct runner r = {0, 0, 0, ""};
  const char *paths[1] = {dyad_default_dict()};
  dyad_error e;
  if (dyad_lexicon_load(paths, 1, NULL, &LEX, &e) != DYAD_OK) {
    fprintf(stderr, "test_limits: cannot load %s: %s\n", paths[0], e.message);
    return 1;
  }
  test_coder(&r);
  test_dictionary(&r);
  dyad_lexicon_free(LEX);
  return harness_report(&r, "test_limits");
}
