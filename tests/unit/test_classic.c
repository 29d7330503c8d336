/*
 * test_classic.c - the TABARI profile (src/classic): each TABARI 0.8
 * behaviour it models, on the small invented dictionaries of
 * tests/data/classic/ (a TABARI project and a PETRARCH-format set).
 */
#include "harness.h"

#include "classic/classic.h"
#include "event/coder.h"

#define DATA "tests/data/classic/"

static dyad_lexicon *lex;
static dyad_coder *coder;
static dyad_doc *doc;

/* Codes `text` (as a record dated `date`, with `id`) and writes its events
 * as "SRC TGT CODE" joined by ", ", then " [discarded]" / " [complex]" /
 * " [short]" for the document flags. */
static const char *code_id(const char *text, int date, const char *id) {
  static char out[2048];
  dyad_story st;
  memset(&st, 0, sizeof st);
  st.text = text;
  st.text_len = strlen(text);
  st.date = date;
  st.id = id;
  st.id_len = id ? strlen(id) : 0;
  if (dyad_doc_set(doc, &st) != DYAD_OK ||
      dyad_code(coder, doc, NULL) != DYAD_OK)
    return "(error)";
  size_t k = 0;
  out[0] = '\0';
  for (size_t i = 0; i < dyad_doc_event_count(doc); i++) {
    const dyad_event *e = dyad_doc_event(doc, i);
    k += (size_t)snprintf(out + k, sizeof out - k, "%s%s %s %s", i ? ", " : "",
                          dyad_event_source(e), dyad_event_target(e),
                          dyad_event_code(e));
  }
  if (doc->flags & DOC_DISCARDED)
    k += (size_t)snprintf(out + k, sizeof out - k, " [discarded]");
  if (doc->flags & DOC_COMPLEX)
    k += (size_t)snprintf(out + k, sizeof out - k, " [complex]");
  if (doc->flags & DOC_SHORT)
    snprintf(out + k, sizeof out - k, " [short]");
  return out;
}

static const char *code(const char *text) {
  return code_id(text, 19950601, "T");
}

static bool open_project(struct runner *r, const char *path) {
  dyad_error err;
  memset(&err, 0, sizeof err);
  const char *paths[] = {path};
  dyad_coder_options co;
  memset(&co, 0, sizeof co);
  co.profile = DYAD_PROFILE_TABARI;
  if (dyad_lexicon_load(paths, 1, NULL, &lex, &err) != DYAD_OK ||
      dyad_coder_new(lex, &co, &coder) != DYAD_OK) {
    fprintf(stderr, "cannot load %s: %s\n", path, err.message);
    r->failed++;
    return false;
  }
  return true;
}

static void close_project(void) {
  dyad_coder_free(coder);
  dyad_lexicon_free(lex);
  coder = NULL;
  lex = NULL;
}

/* A code string id in the (test-private) lexicon, for DEFAULT:. */
static uint32_t code_sid(const char *s) {
  uint32_t id = LEX_NONE;
  if (Dyad_lex_str((struct dyad_lexicon *)lex, s, strlen(s), &id) != DYAD_OK)
    return LEX_NONE;
  return id;
}

static void test_roots(struct runner *r) {
  CASE(r, "simple coding: actor, verb root code, actor");
  CHECK_STR(r, code("Alderia condemned Borvia on Monday."), "ALD BOR 122");
  CASE(r, "a root without '_' matches as a stem");
  CHECK_STR(r, code("Alderians condemned Borvia on Monday."), "ALD BOR 122");
  CASE(r, "'_' allows only the regular endings");
  CHECK_STR(r, code("Alderia condemned Borvias on Monday."), "ALD BOR 122");
  CHECK_STR(r, code("Alderia condemned Borviaxx on Monday."), "");
  CASE(r, "'=' allows no ending");
  CHECK_STR(r, code("Alderia will praise Borvia today."), "ALD BOR 051");
  CHECK_STR(r, code("Alderia praised Borvia today."), "");
  CHECK_STR(r, code("Delmars condemned Borvia today."), "");
  CASE(r, "verb endings on a root ending in '_'");
  CHECK_STR(r, code("Alderia attacked Borvia today."), "ALD BOR 190");
  CHECK_STR(r, code("Alderia attackx Borvia today."), "");
  CASE(r, "blank between words of a root: words may come between");
  CHECK_STR(r, code("The Grey Pacific Isles condemned Borvia."), "GRY BOR 122");
  CASE(r, "a verb after a determiner or capitalised mid-sentence is a noun");
  CHECK_STR(r, code("Alderia saw the attack on Borvia today."), "");
  CHECK_STR(r, code("Alderia saw Attack on Borvia today."), "");
  CASE(r, "a null-coded actor is a noun");
  CHECK_STR(r, code("Nobody condemned Borvia on Monday."), "");
  CASE(r, "minimum words");
  CHECK_STR(r, code("Alderia condemned."), " [short]");
}

static void test_patterns(struct runner *r) {
  CASE(r, "pattern: $ and + take source and target");
  CHECK_STR(r, code("Alderia condemned Borvia strongly on Monday."),
            "ALD BOR 123");
  CASE(r, "pattern: alternatives");
  CHECK_STR(r, code("Alderia condemned Borvia bitterly on Monday."),
            "ALD BOR 124");
  CASE(r, "pattern: synonym set");
  CHECK_STR(r, code("Alderia attacked Borvia with tanks today."),
            "ALD BOR 191");
  CASE(r, "pattern: '%' takes a compound as source and target");
  CHECK_STR(r, code("Alderia and Borvia met in Carmont today."),
            "ALD BOR 041, BOR ALD 041");
  CASE(r, "pattern: '^' skips an actor");
  CHECK_STR(r, code("Estrand met Carmont with Alderia on Monday."),
            "EST ALD 042");
  CASE(r, "pattern: '_' needs the next word");
  CHECK_STR(r, code("Alderia will not help Borvia today."), "ALD BOR 0701");
  CHECK_STR(r, code("Alderia did not really help Borvia today."),
            "ALD BOR 070");
  CASE(r, "a multi-word verb");
  CHECK_STR(r, code("Alderia will trade with Borvia today."), "ALD BOR 060");
}

static void test_actors(struct runner *r) {
  CASE(r, "compound target");
  CHECK_STR(r, code("Estrand condemned Alderia and Borvia today."),
            "EST ALD 122, EST BOR 122");
  CASE(r, "compound source");
  CHECK_STR(r, code("Alderia and Borvia condemned Estrand today."),
            "ALD EST 122, BOR EST 122");
  CASE(r, "coded compound [A/B]");
  CHECK_STR(r, code("Twin Cities condemned Carmont on Monday."),
            "ALD CAR 122, BOR CAR 122");
  CASE(r, "agents: after the actor, OF actor, X~ before, FORMER");
  CHECK_STR(r, code("The Alderia minister condemned Borvia today."),
            "ALDGOV BOR 122");
  CHECK_STR(r, code("The minister of Borvia condemned Alderia today."),
            "BORGOV ALD 122");
  CHECK_STR(r, code("The aid group of Borvia will praise Alderia."),
            "NGOBOR ALD 051");
  CHECK_STR(r, code("The former minister of Borvia condemned Alderia."),
            "BORELI ALD 122");
  CASE(r, "date restrictions: '<' and '>' strict, ranges inclusive");
  CHECK_STR(r, code_id("Kelso condemned Borvia on Monday.", 19941231, "T"),
            "KEL BOR 122");
  CHECK_STR(r, code_id("Kelso condemned Borvia on Monday.", 19950101, "T"),
            "KLS BOR 122");
  CHECK_STR(r, code_id("Marlowe condemned Borvia on Monday.", 19941231, "T"),
            "MARGOV BOR 122");
  CHECK_STR(r, code_id("Marlow condemned Borvia on Monday.", 19950101, "T"),
            "MARREB BOR 122");
  CHECK_STR(r, code_id("Marlow condemned Borvia on Monday.", 19891231, "T"),
            "");
  CASE(r, "passive voice swaps source and target");
  CHECK_STR(r, code("Borvia was attacked by Alderia today."), "ALD BOR 190");
  CASE(r, "pronouns");
  CHECK_STR(r, code("Alderia met Borvia and it condemned Carmont."),
            "ALD BOR 040, ALD CAR 122");
}

static void test_codes(struct runner *r) {
  CASE(r, "paired codes");
  CHECK_STR(r, code("Alderia visited Borvia on Monday."),
            "ALD BOR 032, BOR ALD 033");
  CASE(r, "a subordinate code gives way to another event");
  CHECK_STR(r, code("Alderia said Borvia accused Carmont today."),
            "ALD CAR 112");
  CHECK_STR(r, code("Alderia said Borvia was fine today."), "ALD BOR 010");
  CASE(r, "a dominant code wins over the record");
  CHECK_STR(r, code("Alderia threatened Borvia and condemned Carmont."),
            "ALD BOR 130");
  CASE(r, "discards: actor and verb codes");
  CHECK_STR(r, code("Spoiler condemned Borvia on Monday."), " [discarded]");
  CHECK_STR(r, code("Alderia cheated Borvia on Monday."), " [discarded]");
  CASE(r, "complex: an actor [+++], too many verbs");
  CHECK_STR(r, code("Tangle condemned Borvia on Monday."), " [complex]");
  CHECK_STR(r,
            code("Alderia condemned, accused, attacked, praise, visited and "
                 "met Borvia."),
            " [complex]");
}

static void test_options(struct runner *r) {
  struct lex_tabari_opts save = coder->tabari;
  const char *s = "Alderia, which Borvia praise daily, condemned Carmont.";
  CASE(r, "a comma clause within the COMMA limits is left out");
  CHECK_STR(r, code(s), "ALD CAR 122");
  CASE(r, "COMMA: OFF");
  coder->tabari.comma_off = true;
  CHECK_STR(r, code(s), "ALD CAR 051");
  coder->tabari = save;
  CASE(r, "COMMA: MAX below the clause");
  coder->tabari.comma_max = 3;
  CHECK_STR(r, code(s), "ALD CAR 051");
  coder->tabari = save;

  const char *two = "Alderia condemned Borvia then accused Carmont.";
  CASE(r, "CODE BY CLAUSE (the default): first event of a clause");
  CHECK_STR(r, code(two), "ALD BOR 122");
  CHECK_STR(r, code("Alderia condemned Borvia and then visited Carmont."),
            "ALD BOR 122, ALD CAR 032, CAR ALD 033");
  CASE(r, "CODE ALL");
  coder->tabari.code_by = 2;
  CHECK_STR(r, code(two), "ALD BOR 122, ALD CAR 112");
  CASE(r, "CODE BY SENTENCE");
  coder->tabari.code_by = 1;
  CHECK_STR(r, code("Alderia condemned Borvia and then visited Carmont."),
            "ALD BOR 122");
  coder->tabari = save;

  CASE(r, "DEFAULT: SOURCE PRIOR and TARGET");
  coder->tabari.default_source = code_sid("DFS");
  coder->tabari.default_target = code_sid("DFT");
  CHECK_STR(r, code("The army condemned Borvia on Monday."), "BOR DFT 122");
  coder->tabari.default_prior = true;
  CHECK_STR(r, code("The army condemned Borvia on Monday."), "DFS BOR 122");
  coder->tabari = save;

  CASE(r, "SET: TIME SHIFT");
  coder->tabari.time_shift = true;
  code("Alderia will visit Borvia tomorrow.");
  CHECK_INT(r, dyad_doc_event_count(doc), 2);
  if (dyad_doc_event_count(doc))
    CHECK_INT(r, dyad_doc_event(doc, 0)->event_date, 19950602);
  coder->tabari = save;

  CASE(r, "FORWARD: a pronoun takes the previous record's actor");
  snprintf(coder->tabari.forward, sizeof coder->tabari.forward,
           "^^*****NNN*SSS");
  CHECK_STR(r,
            code_id("Alderia condemned Borvia in public today.", 19950601,
                    "FWDX-001-001"),
            "ALD BOR 122");
  CHECK_STR(
      r,
      code_id("Today he accused Carmont of lying.", 19950601, "FWDX-001-002"),
      "ALD CAR 112");
  CHECK_STR(
      r,
      code_id("Today he accused Carmont of lying.", 19950601, "FWDX-002-005"),
      "");
  coder->tabari = save;
  CHECK_STR(
      r,
      code_id("Today he accused Carmont of lying.", 19950601, "FWDX-001-003"),
      "");
}

static void test_petrarch(struct runner *r) {
  dyad_error err;
  memset(&err, 0, sizeof err);
  const char *paths[] = {DATA "petr.verbs.txt", DATA "petr.actors.txt",
                         DATA "petr.agents.txt", DATA "petr.discards.txt"};
  dyad_coder_options co;
  memset(&co, 0, sizeof co);
  co.profile = DYAD_PROFILE_TABARI;
  CASE(r, "PETRARCH: load");
  CHECK_INT(r, dyad_lexicon_load(paths, 4, NULL, &lex, &err), DYAD_OK);
  if (!lex)
    return;
  CHECK_INT(r, dyad_coder_new(lex, &co, &coder), DYAD_OK);
  if (!coder)
    return;
  CHECK(r, coder->classic->d.petrarch);
  CASE(r, "PETRARCH: whole words and generated verb forms");
  CHECK_STR(r, code("Alderia condemned Borvia."), "ALD BOR 122");
  CHECK_STR(r, code("Alderia condemns Borvia."), "ALD BOR 122");
  CHECK_STR(r, code("Alderia condemnx Borvia."), "");
  CASE(r, "PETRARCH: agents take a plural; possessive 's is a word");
  CHECK_STR(r, code("Borvia's ministers condemned Alderia."), "BORGOV ALD 122");
  CASE(r, "PETRARCH: dated codes come before the default");
  CHECK_STR(r, code_id("Kelso condemned Borvia.", 20000101, "T"),
            "KELGOV BOR 122");
  CHECK_STR(r, code_id("Kelso condemned Borvia.", 20100101, "T"),
            "KEL BOR 122");
  CASE(r, "PETRARCH: discards");
  CHECK_STR(r, code("Alderia condemned Borvia after the match."),
            " [discarded]");
  CHECK_STR(r, code("Alderia condemned Borvia during the typhoon."),
            " [discarded]");
  CHECK_STR(r, code("Alderia condemned Borvia after the game."),
            " [discarded]");
  CHECK_STR(r, code("Alderia condemned Borvia after the meeting."),
            "ALD BOR 122");
  CHECK_STR(r, code("Alderia condemned Borvia after the"), "ALD BOR 122");
  CASE(r, "PETRARCH: require_dyad off codes events without a target");
  coder->require_dyad = false;
  CHECK_STR(r, code("Alderia condemned the decision."), "ALD  122");
  coder->require_dyad = true;
  CHECK_STR(r, code("Alderia condemned the decision."), "");
  close_project();
}

int main(void) {
  struct runner r = {0, 0, 0, NULL};
  if (dyad_doc_new(&doc) != DYAD_OK)
    return 1;
  if (open_project(&r, DATA "classic.project")) {
    test_roots(&r);
    test_patterns(&r);
    test_actors(&r);
    test_codes(&r);
    test_options(&r);
    close_project();
  }
  test_petrarch(&r);
  dyad_doc_free(doc);
  return harness_report(&r, "test_classic");
}
