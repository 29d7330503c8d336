/*
 * test_lint.c - dyad_lexicon_lint: one fixture per kind of problem (what is
 * found, its line, its severity, what is left alone), the API contract, and
 * the bundled dictionaries, which must have no error.
 *
 * Fixtures: tests/data/lint (invented entries). Run from the repository root
 * (or set DYAD_TESTDATA to the tests/data directory).
 */
#include "harness.h"

#include "dyad.h"

static const char *data_dir(void) {
  const char *d = getenv("DYAD_TESTDATA");
  return d && *d ? d : "tests/data";
}

/* Problems found in one run, copied out of the callback. */
struct found {
  size_t n;
  struct {
    dyad_lint_kind kind;
    bool error;
    unsigned line;
    char file[256];
    char message[512];
  } it[64];
  size_t extra; /* problems beyond the array */
};

static void collect(void *user, const dyad_lint_item *item) {
  struct found *f = user;
  if (f->n == sizeof f->it / sizeof f->it[0]) {
    f->extra++;
    return;
  }
  f->it[f->n].kind = item->kind;
  f->it[f->n].error = item->error;
  f->it[f->n].line = item->line;
  snprintf(f->it[f->n].file, sizeof f->it[f->n].file, "%s", item->file);
  snprintf(f->it[f->n].message, sizeof f->it[f->n].message, "%s",
           item->message);
  f->n++;
}

/* Loads fixture `name` and lints it into *f; the counts go to *ne, *nw. */
static bool lint_fixture(struct runner *r, const char *name, struct found *f,
                         size_t *ne, size_t *nw) {
  char path[512];
  snprintf(path, sizeof path, "%s/lint/%s", data_dir(), name);
  const char *paths[1] = {path};
  dyad_lexicon *lex = NULL;
  dyad_error e;
  memset(f, 0, sizeof *f);
  dyad_status st = dyad_lexicon_load(paths, 1, NULL, &lex, &e);
  CHECK_INT(r, st, DYAD_OK);
  if (st != DYAD_OK) {
    fprintf(stderr, "  load %s: %s:%u: %s\n", path, e.source, e.line,
            e.message);
    return false;
  }
  st = dyad_lexicon_lint(lex, collect, f, ne, nw);
  CHECK_INT(r, st, DYAD_OK);
  dyad_lexicon_free(lex);
  return st == DYAD_OK;
}

/* The number of problems of `kind`; with `line`, only those on that line. */
static size_t count(const struct found *f, dyad_lint_kind kind, unsigned line) {
  size_t k = 0;
  for (size_t i = 0; i < f->n; i++)
    if (f->it[i].kind == kind && (!line || f->it[i].line == line))
      k++;
  return k;
}

/* The message of the first problem of `kind` on `line`, "" if none. */
static const char *message(const struct found *f, dyad_lint_kind kind,
                           unsigned line) {
  for (size_t i = 0; i < f->n; i++)
    if (f->it[i].kind == kind && f->it[i].line == line)
      return f->it[i].message;
  return "";
}

static void dump(const struct found *f) {
  for (size_t i = 0; i < f->n; i++)
    fprintf(stderr, "    %s:%u: %s: %s\n", f->it[i].file, f->it[i].line,
            dyad_lint_kind_name(f->it[i].kind), f->it[i].message);
}

#define CONTAINS(r, s, part) CHECK(r, strstr((s), (part)) != NULL)

/* ---- the API --------------------------------------------------------------
 */

static void test_api(struct runner *r) {
  CASE(r, "api");
  size_t ne = 7, nw = 7;
  CHECK_INT(r, dyad_lexicon_lint(NULL, NULL, NULL, &ne, &nw), DYAD_ERR_ARG);
  CHECK_INT(r, ne, 0);
  CHECK_INT(r, nw, 0);
  CHECK_STR(r, dyad_lint_kind_name(DYAD_LINT_ACTOR_CONFLICT), "actor-conflict");
  CHECK_STR(r, dyad_lint_kind_name(DYAD_LINT_CAPTURED_PARTLY),
            "captured-partly");
  CHECK_STR(r, dyad_lint_kind_name((dyad_lint_kind)999), "?");
  CHECK(r, dyad_lint_kind_is_error(DYAD_LINT_LOAD));
  CHECK(r, !dyad_lint_kind_is_error(DYAD_LINT_LOAD_NOTE));
  CHECK(r, dyad_lint_kind_is_error(DYAD_LINT_SHADOWED));
  CHECK(r, !dyad_lint_kind_is_error(DYAD_LINT_PATTERN_REPEAT));
  CHECK(r, !dyad_lint_kind_is_error(DYAD_LINT_DATE_BOUNDARY));
  for (int k = 0; k <= DYAD_LINT_DATE_BOUNDARY; k++)
    CHECK(r, strcmp(dyad_lint_kind_name((dyad_lint_kind)k), "?") != 0);

  /* no callback: counts only */
  char path[512];
  snprintf(path, sizeof path, "%s/lint/dup_agents.txt", data_dir());
  const char *paths[1] = {path};
  dyad_lexicon *lex = NULL;
  CHECK_INT(r, dyad_lexicon_load(paths, 1, NULL, &lex, NULL), DYAD_OK);
  if (lex) {
    CHECK_INT(r, dyad_lexicon_lint(lex, NULL, NULL, &ne, &nw), DYAD_OK);
    CHECK_INT(r, ne, 2);
    CHECK_INT(r, nw, 1);
    CHECK_INT(r, dyad_lexicon_lint(lex, NULL, NULL, NULL, NULL), DYAD_OK);
  }
  dyad_lexicon_free(lex);

  CASE(r, "api: clean");
  struct found f;
  if (lint_fixture(r, "clean_actors.txt", &f, &ne, &nw)) {
    CHECK_INT(r, f.n, 0);
    CHECK_INT(r, ne, 0);
    CHECK_INT(r, nw, 0);
  }
}

/* ---- duplicates -----------------------------------------------------------
 */

static void test_duplicates(struct runner *r) {
  struct found f;
  size_t ne, nw;

  CASE(r, "actor-conflict / actor-repeat");
  if (lint_fixture(r, "dup_actors.txt", &f, &ne, &nw)) {
    CHECK_INT(r, count(&f, DYAD_LINT_ACTOR_CONFLICT, 5), 1);
    CONTAINS(r, message(&f, DYAD_LINT_ACTOR_CONFLICT, 5), "\"RURITANIAN\"");
    CONTAINS(r, message(&f, DYAD_LINT_ACTOR_CONFLICT, 5), "[RUR]");
    CONTAINS(r, message(&f, DYAD_LINT_ACTOR_CONFLICT, 5), "[GRK]");
    CONTAINS(r, message(&f, DYAD_LINT_ACTOR_CONFLICT, 5), "dup_actors.txt:2");
    CHECK_INT(r, count(&f, DYAD_LINT_ACTOR_REPEAT, 7), 1);
    CHECK_INT(r, count(&f, DYAD_LINT_ACTOR_REPEAT, 11), 1); /* MARSOVIA_ */
    /* no undated code: the dated codes are compared */
    CHECK_INT(r, count(&f, DYAD_LINT_ACTOR_CONFLICT, 14), 1);
    /* generated plurals of both (RURITANIANS) are not reported again */
    CHECK_INT(r, f.n, 4);
    CHECK_INT(r, ne, 2);
    CHECK_INT(r, nw, 2);
    if (f.n != 4)
      dump(&f);
  }

  CASE(r, "agent-conflict / agent-repeat");
  if (lint_fixture(r, "dup_agents.txt", &f, &ne, &nw)) {
    CHECK_INT(r, count(&f, DYAD_LINT_AGENT_CONFLICT, 4), 1);
    CHECK_INT(r, count(&f, DYAD_LINT_AGENT_REPEAT, 5), 1);
    CHECK_INT(r, count(&f, DYAD_LINT_AGENT_CONFLICT, 7), 1); /* REL~ */
    CHECK_INT(r, f.n, 3);
  }

  CASE(r, "verb-conflict / verb-repeat");
  if (lint_fixture(r, "dup_verbs.txt", &f, &ne, &nw)) {
    CHECK_INT(r, count(&f, DYAD_LINT_VERB_REPEAT, 6), 1);
    CHECK_INT(r, count(&f, DYAD_LINT_VERB_CONFLICT, 8), 1);
    CONTAINS(r, message(&f, DYAD_LINT_VERB_CONFLICT, 8), "block PRAISE [051]");
    /* FOUND is listed; "found" is also the past of FIND, listed first */
    CHECK_INT(r, count(&f, DYAD_LINT_VERB_CONFLICT, 12), 1);
    CONTAINS(r, message(&f, DYAD_LINT_VERB_CONFLICT, 12), "a form of \"FIND\"");
    CHECK_INT(r, f.n, 3);
  }

  CASE(r, "verb-repeat: event nouns");
  if (lint_fixture(r, "dup_nouns.txt", &f, &ne, &nw)) {
    CHECK_INT(r, count(&f, DYAD_LINT_VERB_REPEAT, 4), 1);
    CONTAINS(r, message(&f, DYAD_LINT_VERB_REPEAT, 4), "noun \"AIR STRIKE\"");
    CHECK_INT(r, f.n, 1);
  }

  CASE(r, "discard-repeat");
  if (lint_fixture(r, "dup_discards.txt", &f, &ne, &nw)) {
    CHECK_INT(r, count(&f, DYAD_LINT_DISCARD_REPEAT, 4), 1);
    CHECK_INT(r, count(&f, DYAD_LINT_DISCARD_REPEAT, 5), 1);
    CONTAINS(r, message(&f, DYAD_LINT_DISCARD_REPEAT, 5), "whole story");
    CHECK_INT(r, f.n, 2);
    CHECK_INT(r, ne, 0);
    CHECK_INT(r, nw, 2);
  }
}

/* ---- codes and dates ------------------------------------------------------
 */

static void test_codes(struct runner *r) {
  struct found f;
  size_t ne, nw;

  CASE(r, "event-code");
  if (lint_fixture(r, "codes_verbs.txt", &f, &ne, &nw)) {
    CHECK_INT(r, count(&f, DYAD_LINT_EVENT_CODE, 5), 1); /* verb [079] */
    CHECK_INT(r, count(&f, DYAD_LINT_EVENT_CODE, 6), 1); /* [0731] */
    CHECK_INT(r, count(&f, DYAD_LINT_EVENT_CODE, 7), 1); /* [072:07A] */
    CONTAINS(r, message(&f, DYAD_LINT_EVENT_CODE, 7), "[07A]");
    CHECK_INT(r, count(&f, DYAD_LINT_EVENT_CODE, 10), 1); /* block [999] */
    /* ---, ###, +++ and CAMEO codes pass */
    CHECK_INT(r, f.n, 4);
    if (f.n != 4)
      dump(&f);
  }

  CASE(r, "actor-code: actors");
  if (lint_fixture(r, "codes_actors.txt", &f, &ne, &nw)) {
    CHECK_INT(r, count(&f, DYAD_LINT_ACTOR_CODE, 3), 1);
    CHECK_INT(r, count(&f, DYAD_LINT_ACTOR_CODE, 4), 1);
    CHECK_INT(r, count(&f, DYAD_LINT_ACTOR_CODE, 5), 1);
    CHECK_INT(r, f.n, 3); /* [---] and [ATL/LEM] pass */
  }

  CASE(r, "actor-code: agents");
  if (lint_fixture(r, "codes_agents.txt", &f, &ne, &nw)) {
    CHECK_INT(r, count(&f, DYAD_LINT_ACTOR_CODE, 3), 1);
    CHECK_INT(r, count(&f, DYAD_LINT_ACTOR_CODE, 4), 1);
    CHECK_INT(r, f.n, 2);
  }

  CASE(r, "dates");
  if (lint_fixture(r, "dates_actors.txt", &f, &ne, &nw)) {
    CHECK_INT(r, count(&f, DYAD_LINT_DATE_OVERLAP, 2), 1);
    CONTAINS(r, message(&f, DYAD_LINT_DATE_OVERLAP, 2),
             "overlap on 20120101-20121231");
    CHECK_INT(r, count(&f, DYAD_LINT_DATE_BOUNDARY, 6), 1);
    CHECK_INT(r, count(&f, DYAD_LINT_DATE_REPEAT, 9), 1);
    CHECK_INT(r, count(&f, DYAD_LINT_DATE_REVERSED, 13), 1);
    /* two undated codes; [>2020] and [<2019] do not overlap */
    CHECK_INT(r, count(&f, DYAD_LINT_DATE_OVERLAP, 15), 1);
    CONTAINS(r, message(&f, DYAD_LINT_DATE_OVERLAP, 15), "two undated");
    CHECK_INT(r, f.n, 5);
    CHECK_INT(r, ne, 3);
    CHECK_INT(r, nw, 2);
    if (f.n != 5)
      dump(&f);
  }
}

/* ---- patterns and the loader's diagnostics --------------------------------
 */

static void test_patterns(struct runner *r) {
  struct found f;
  size_t ne, nw;
  CASE(r, "patterns");
  if (!lint_fixture(r, "patterns_verbs.txt", &f, &ne, &nw))
    return;
  CHECK_INT(r, count(&f, DYAD_LINT_NO_VERB, 7), 1);
  CHECK_INT(r, count(&f, DYAD_LINT_TWO_VERBS, 8), 1);
  CHECK_INT(r, count(&f, DYAD_LINT_UNDEFINED_SET, 9), 1);
  CONTAINS(r, message(&f, DYAD_LINT_UNDEFINED_SET, 9), "&FODDER");
  CHECK_INT(r, count(&f, DYAD_LINT_EMPTY_OPTION, 10), 1);
  CHECK_INT(r, count(&f, DYAD_LINT_SHADOWED, 12), 1);
  CONTAINS(r, message(&f, DYAD_LINT_SHADOWED, 12), "patterns_verbs.txt:11");
  CHECK_INT(r, count(&f, DYAD_LINT_PATTERN_REPEAT, 14), 1);
  CHECK_INT(r, count(&f, DYAD_LINT_CAPTURED, 17), 1);
  CONTAINS(r, message(&f, DYAD_LINT_CAPTURED, 17), "\"VOTE AGAINST\"");
  CONTAINS(r, message(&f, DYAD_LINT_CAPTURED, 17), "block REJECT");
  /* "- * FOR" may have words between: not reported */
  CHECK_INT(r, count(&f, DYAD_LINT_CAPTURED, 18), 0);
  CHECK_INT(r, count(&f, DYAD_LINT_CAPTURED_PARTLY, 26), 1);
  CHECK_INT(r, f.n, 8);
  CHECK_INT(r, ne, 6);
  CHECK_INT(r, nw, 2);
  if (f.n != 8)
    dump(&f);
  /* file order */
  for (size_t i = 1; i < f.n; i++)
    CHECK(r, f.it[i - 1].line <= f.it[i].line);
}

static void test_load(struct runner *r) {
  struct found f;
  size_t ne, nw;
  CASE(r, "load / load-note");
  if (!lint_fixture(r, "load_actors.txt", &f, &ne, &nw))
    return;
  CHECK_INT(r, count(&f, DYAD_LINT_LOAD, 2), 1);
  CONTAINS(r, message(&f, DYAD_LINT_LOAD, 2), "missing ']'");
  CHECK_INT(r, count(&f, DYAD_LINT_LOAD_NOTE, 4), 1);
  CHECK_INT(r, f.n, 2);
  CHECK_INT(r, ne, 1);
  CHECK_INT(r, nw, 1);
  CHECK(r, f.n > 0 && strstr(f.it[0].file, "load_actors.txt") != NULL);
}

/* ---- the bundled dictionaries ---------------------------------------------
 */

static void test_bundled(struct runner *r) {
  CASE(r, "bundled dictionaries lint without error");
  const char *path = "dict/dyad.ini";
  FILE *fp = fopen(path, "r");
  if (fp)
    fclose(fp);
  else
    path = dyad_default_dict();
  const char *paths[1] = {path};
  dyad_lexicon *lex = NULL;
  dyad_error e;
  dyad_status st = dyad_lexicon_load(paths, 1, NULL, &lex, &e);
  CHECK_INT(r, st, DYAD_OK);
  if (st != DYAD_OK) {
    fprintf(stderr, "  load %s: %s:%u: %s\n", path, e.source, e.line,
            e.message);
    return;
  }
  struct found *f = calloc(1, sizeof *f);
  size_t ne = 0, nw = 0;
  if (f) {
    CHECK_INT(r, dyad_lexicon_lint(lex, collect, f, &ne, &nw), DYAD_OK);
    CHECK_INT(r, ne, 0);
    /* every warning left in the bundled set is a deliberate one; none is */
    CHECK_INT(r, nw, 0);
    if (ne || nw)
      dump(f);
    free(f);
  }
  dyad_lexicon_free(lex);
}

int main(void) {
  struct runner r = {0, 0, 0, ""};
  test_api(&r);
  test_duplicates(&r);
  test_codes(&r);
  test_patterns(&r);
  test_load(&r);
  test_bundled(&r);
  return harness_report(&r, "test_lint");
}
