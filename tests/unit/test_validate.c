/*
 * test_validate.c - peer validation suites (src/validate): TABARI options
 * lines, the PETRARCH XML reader (well-formed and UniversalPetrarch-style
 * files), the TABARI project reader, the comparison rules and the summary,
 * on the small suites in tests/data/validate/. Records named WRONG-* are
 * deliberately wrong and must fail.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "validate/validate.h"

#define DATA "tests/data/validate/"

/* ---- collecting verdicts
 * ----------------------------------------------------- */

struct seen {
  char id[64];
  char expected[256], got[256], text[256];
  dyad_validate_result result;
  dyad_validate_diff diff;
  int date;
};

struct collect {
  struct seen recs[64];
  size_t n;
  size_t options, unmodelled;
};

static void on_rec(void *user, const dyad_validate_record *r) {
  struct collect *c = user;
  if (r->result == DYAD_VALIDATE_OPTION) {
    c->options++;
    c->unmodelled += !r->modelled;
    return;
  }
  if (c->n == sizeof c->recs / sizeof c->recs[0])
    return;
  struct seen *s = &c->recs[c->n++];
  snprintf(s->id, sizeof s->id, "%s", r->id);
  snprintf(s->expected, sizeof s->expected, "%s", r->expected);
  snprintf(s->got, sizeof s->got, "%s", r->got);
  snprintf(s->text, sizeof s->text, "%s", r->text);
  s->result = r->result;
  s->diff = r->diff;
  s->date = r->date;
}

static const struct seen *find(const struct collect *c, const char *id) {
  for (size_t i = 0; i < c->n; i++)
    if (strcmp(c->recs[i].id, id) == 0)
      return &c->recs[i];
  return NULL;
}

/* Checks the verdict (and difference) of one record. */
static void expect(struct runner *r, const struct collect *c, const char *id,
                   dyad_validate_result res, dyad_validate_diff diff) {
  const struct seen *s = find(c, id);
  CASE(r, id);
  CHECK(r, s != NULL);
  if (!s)
    return;
  if (s->result != res || s->diff != diff)
    fprintf(stderr, "  %s: expected %s got %s\n", id, s->expected, s->got);
  CHECK_INT(r, s->result, res);
  CHECK_INT(r, s->diff, diff);
}

/* ---- TABARI options lines
 * ------------------------------------------------------ */

static dyad_status opt(struct dyad_lexicon *lex, struct lex_tabari_opts *o,
                       const char *line, bool *modelled) {
  return Dyad_tabari_option_line(lex, o, line, strlen(line), modelled, NULL);
}

static void test_options(struct runner *r) {
  struct dyad_lexicon lex;
  memset(&lex, 0, sizeof lex);
  CASE(r, "options: lexicon");
  CHECK_INT(r, Dyad_lex_init(&lex), DYAD_OK);
  struct lex_tabari_opts o = lex.tabari;
  bool m;

  CASE(r, "options: COMPLEX");
  CHECK_INT(r,
            opt(&lex, &o, "COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN", &m),
            DYAD_OK);
  CHECK(r, m);
  CHECK_INT(r, o.complex_verbs, 5);
  CHECK_INT(r, o.complex_conj, 4);
  CHECK(r, o.noactprior);
  /* a COMPLEX: line replaces every limit (Validate.text DEFAULT-CMD01) */
  CHECK_INT(r, opt(&lex, &o, "  COMPLEX: VERBS[3] EXPLAIN  ", &m), DYAD_OK);
  CHECK_INT(r, o.complex_verbs, 3);
  CHECK_INT(r, o.complex_conj, 0);
  CHECK(r, !o.noactprior);

  CASE(r, "options: SET");
  CHECK_INT(r, opt(&lex, &o, "SET: YYYY = TRUE", &m), DYAD_OK);
  CHECK(r, o.yyyy);
  CHECK_INT(r, opt(&lex, &o, "set: yyyy = f", &m), DYAD_OK);
  CHECK(r, !o.yyyy);
  CHECK_INT(r, opt(&lex, &o, "SET: TIME SHIFT", &m), DYAD_OK);
  CHECK(r, o.time_shift);
  CHECK_INT(r, opt(&lex, &o, "SET: TIME SHIFT = FALSE", &m), DYAD_OK);
  CHECK(r, !o.time_shift);
  CHECK_INT(r, opt(&lex, &o, "SET: CODE BY SENTENCE", &m), DYAD_OK);
  CHECK_INT(r, o.code_by, 1);
  CHECK_INT(r, opt(&lex, &o, "SET: CODE ALL", &m), DYAD_OK);
  CHECK_INT(r, o.code_by, 2);
  CHECK_INT(r, opt(&lex, &o, "SET: CODE BY CLAUSE", &m), DYAD_OK);
  CHECK_INT(r, o.code_by, 0);
  /* the closing brace may be missing: the comment end is dropped */
  CHECK_INT(r, opt(&lex, &o, "SET: MINIMUM WORDS = 4  */", &m), DYAD_OK);
  CHECK_INT(r, o.min_words, 4);
  CHECK_INT(r, opt(&lex, &o, "SET: CONVERT AGENT = TRUE", &m), DYAD_OK);
  CHECK(r, o.convert_agents);
  CHECK_INT(r, opt(&lex, &o, "SET: LABEL = TRUE", &m), DYAD_OK);
  CHECK(r, !m);

  CASE(r, "options: DEFAULT");
  CHECK_INT(r,
            opt(&lex, &o,
                "DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER ", &m),
            DYAD_OK);
  CHECK(r, o.default_source != LEX_NONE && o.default_target != LEX_NONE);
  CHECK(r, o.default_prior && o.default_after);
  if (o.default_source != LEX_NONE && o.default_target != LEX_NONE) {
    CHECK_STR(r, Dyad_lex_cstr(&lex, o.default_source), "DEFSRC");
    CHECK_STR(r, Dyad_lex_cstr(&lex, o.default_target), "DEFTAR");
  }
  CHECK_INT(r, opt(&lex, &o, "DEFAULT: OFF", &m), DYAD_OK);
  CHECK(r, o.default_source == LEX_NONE && o.default_target == LEX_NONE);
  CHECK(r, !o.default_prior && !o.default_after);
  CHECK_INT(r, opt(&lex, &o, "DEFAULT: SOURCE [DEFSRC] TARGET [DEFTAR]", &m),
            DYAD_OK);
  CHECK(r, !o.default_prior && !o.default_after);

  CASE(r, "options: COMMA");
  CHECK_INT(r,
            opt(&lex, &o,
                "COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8}",
                &m),
            DYAD_OK);
  CHECK_INT(r, o.comma_min, 4);
  CHECK_INT(r, o.comma_max, 6);
  CHECK_INT(r, o.comma_emin, 3);
  CHECK_INT(r, o.comma_emax, 6);
  CHECK_INT(r, o.comma_bmin, 3);
  CHECK_INT(r, o.comma_bmax, 8);
  CHECK(r, !o.comma_off);
  CHECK_INT(r, opt(&lex, &o, "COMMA: OFF", &m), DYAD_OK);
  CHECK(r, o.comma_off);

  CASE(r, "options: not modelled");
  CHECK_INT(r, opt(&lex, &o, "OUTPUT: ID STORY SENT", &m), DYAD_OK);
  CHECK(r, !m);

  CASE(r, "options: FORWARD");
  CHECK_INT(r, opt(&lex, &o, "FORWARD: ^^*****NNN*SSS ", &m), DYAD_OK);
  CHECK(r, m);
  CHECK_STR(r, o.forward, "^^*****NNN*SSS");
  CHECK_INT(r, opt(&lex, &o, "FORWARD: ^^*****NNN*SSS OFF", &m), DYAD_OK);
  CHECK_STR(r, o.forward, "^^*****NNN*SSS OFF");

  CASE(r, "options: errors leave the options unchanged");
  struct lex_tabari_opts before = o;
  dyad_error err;
  memset(&err, 0, sizeof err);
  CHECK_INT(r, Dyad_tabari_option_line(&lex, &o, "BOGUS: X", 8, &m, &err),
            DYAD_ERR_PARSE);
  CHECK(r, strstr(err.message, "unknown") != NULL);
  CHECK_INT(r, opt(&lex, &o, "COMPLEX: VERBS[3] CONJ[x]", &m), DYAD_ERR_PARSE);
  CHECK_INT(r, opt(&lex, &o, "SET: YYYY = MAYBE", &m), DYAD_ERR_PARSE);
  CHECK_INT(r, opt(&lex, &o, "no colon here", &m), DYAD_ERR_PARSE);
  CHECK(r, memcmp(&before, &o, sizeof o) == 0);
  Dyad_lex_fini(&lex);
}

/* ---- PETRARCH suites
 * ------------------------------------------------------------- */

static void test_petrarch(struct runner *r) {
  struct collect c;
  memset(&c, 0, sizeof c);
  dyad_validate_summary sum;
  dyad_error err;
  memset(&err, 0, sizeof err);
  CASE(r, "petrarch: run");
  dyad_status st = dyad_validate_run(DATA "petrarch2/mini.xml", NULL, on_rec,
                                     &c, &sum, &err);
  if (st != DYAD_OK)
    fprintf(stderr, "  %s\n", err.message);
  CHECK_INT(r, st, DYAD_OK);
  CHECK_INT(r, sum.kind, DYAD_SUITE_PETRARCH);
  CHECK_INT(r, sum.profile, DYAD_PROFILE_TABARI); /* PETRARCH-1 verbs */
  CHECK_STR(r, sum.rule, "set equality of (src,tgt,code)");
  CHECK_INT(r, sum.records, 11);
  CHECK_INT(r, sum.passed, 7);
  CHECK_INT(r, sum.failed, 3);
  CHECK_INT(r, sum.skipped, 1);
  CHECK_INT(r, sum.options, 3);
  CHECK_INT(r, sum.options_unmodelled, 1); /* stop_on_error */
  CHECK_INT(r, c.options, 3);

  expect(r, &c, "BASIC-01", DYAD_VALIDATE_PASS, DYAD_DIFF_NONE);
  expect(r, &c, "BASIC-02", DYAD_VALIDATE_PASS, DYAD_DIFF_NONE);
  expect(r, &c, "WRONG-CODE", DYAD_VALIDATE_FAIL, DYAD_DIFF_CODE);
  expect(r, &c, "WRONG-MISSING", DYAD_VALIDATE_FAIL, DYAD_DIFF_MISSING);
  expect(r, &c, "WRONG-NOEVENTS", DYAD_VALIDATE_FAIL, DYAD_DIFF_EXTRA);
  expect(r, &c, "SPECIAL-NOEVENTS", DYAD_VALIDATE_PASS, DYAD_DIFF_NONE);
  expect(r, &c, "SPECIAL-STORY", DYAD_VALIDATE_PASS, DYAD_DIFF_NONE);
  expect(r, &c, "SPECIAL-ERROR", DYAD_VALIDATE_PASS, DYAD_DIFF_NONE);
  /* <Config require_dyad>: an event without a target, then none */
  expect(r, &c, "OPTION-NODYAD", DYAD_VALIDATE_PASS, DYAD_DIFF_NONE);
  expect(r, &c, "OPTION-DYAD", DYAD_VALIDATE_PASS, DYAD_DIFF_NONE);
  expect(r, &c, "EXCLUDED-01", DYAD_VALIDATE_SKIP, DYAD_DIFF_NONE);

  CASE(r, "petrarch: strings");
  const struct seen *s = find(&c, "BASIC-02");
  if (s) {
    /* duplicate expectations collapse; dates YYMMDD; text folded */
    CHECK_STR(r, s->expected, "{ROH MOR 051, ROH MOR 051}");
    CHECK_STR(r, s->got, "{ROH MOR 051}");
    CHECK_INT(r, s->date, 19950102);
    CHECK_STR(r, s->text, "Rohan praised Mordor on Friday.");
  }
  s = find(&c, "WRONG-NOEVENTS");
  if (s)
    CHECK_STR(r, s->expected, "{noevents}");
  s = find(&c, "SPECIAL-STORY");
  if (s) {
    CHECK_STR(r, s->expected, "{storydiscard}");
    CHECK_STR(r, s->got, "{} (discarded)");
  }
  s = find(&c, "SPECIAL-ERROR");
  if (s)
    CHECK_STR(r, s->expected, "{error:bad_input_parse}");
  s = find(&c, "OPTION-NODYAD");
  if (s)
    CHECK_STR(r, s->got, "{ARN --- 122}");

  CASE(r, "petrarch: all categories");
  memset(&c, 0, sizeof c);
  dyad_validate_options o;
  memset(&o, 0, sizeof o);
  o.all_categories = true;
  CHECK_INT(
      r,
      dyad_validate_run(DATA "petrarch2/mini.xml", &o, on_rec, &c, &sum, NULL),
      DYAD_OK);
  CHECK_INT(r, sum.skipped, 0);
  CHECK_INT(r, sum.failed, 4);
  expect(r, &c, "EXCLUDED-01", DYAD_VALIDATE_FAIL, DYAD_DIFF_CODE);

  CASE(r, "petrarch: --dict files replace the suite's dictionaries");
  memset(&c, 0, sizeof c);
  memset(&o, 0, sizeof o);
  const char *files[] = {DATA "petrarch2/mini.verbs.txt",
                         DATA "petrarch2/mini.actors.txt"};
  o.dicts = files;
  o.ndicts = 2;
  dyad_suite *suite = NULL;
  CHECK_INT(r, dyad_suite_open(DATA "petrarch2/mini.xml", &o, &suite, NULL),
            DYAD_OK);
  dyad_validate_summary info;
  dyad_suite_info(suite, &info);
  CHECK(r, strstr(info.dicts, "mini.discards.txt") == NULL);
  CHECK(r, strstr(info.dicts, "mini.verbs.txt") != NULL);
  CHECK_INT(r, dyad_suite_run(suite, on_rec, &c, &sum, NULL), DYAD_OK);
  /* no discards loaded: the story discard no longer fires */
  expect(r, &c, "BASIC-01", DYAD_VALIDATE_PASS, DYAD_DIFF_NONE);
  expect(r, &c, "SPECIAL-STORY", DYAD_VALIDATE_FAIL, DYAD_DIFF_EXTRA);
  /* a run can be repeated and starts from the suite's options */
  memset(&c, 0, sizeof c);
  dyad_validate_summary again;
  CHECK_INT(r, dyad_suite_run(suite, on_rec, &c, &again, NULL), DYAD_OK);
  CHECK_INT(r, again.passed, sum.passed);
  CHECK_INT(r, again.failed, sum.failed);
  dyad_suite_free(suite);

  CASE(r, "petrarch: --profile");
  memset(&o, 0, sizeof o);
  o.profile_set = true;
  o.profile = DYAD_PROFILE_DYAD;
  suite = NULL;
  CHECK_INT(r, dyad_suite_open(DATA "petrarch2/mini.xml", &o, &suite, NULL),
            DYAD_OK);
  dyad_suite_info(suite, &info);
  CHECK_INT(r, info.profile, DYAD_PROFILE_DYAD);
  dyad_suite_free(suite);
}

static void test_petrarch_ud(struct runner *r) {
  struct collect c;
  memset(&c, 0, sizeof c);
  dyad_validate_summary sum;
  dyad_error err;
  memset(&err, 0, sizeof err);
  CASE(r, "petrarch-ud: run");
  dyad_status st = dyad_validate_run(DATA "universalpetrarch/mini_ud.xml", NULL,
                                     on_rec, &c, &sum, &err);
  if (st != DYAD_OK)
    fprintf(stderr, "  %s:%u: %s\n", err.source, err.line, err.message);
  CHECK_INT(r, st, DYAD_OK);
  CHECK_INT(r, sum.records, 4);
  CHECK_INT(r, sum.passed, 4);
  CHECK_INT(r, sum.failed, 0);
  expect(r, &c, "UD_1", DYAD_VALIDATE_PASS, DYAD_DIFF_NONE);
  expect(r, &c, "UD_2", DYAD_VALIDATE_PASS, DYAD_DIFF_NONE);
  expect(r, &c, "UD_3", DYAD_VALIDATE_PASS, DYAD_DIFF_NONE);
  expect(r, &c, "UD_4", DYAD_VALIDATE_PASS, DYAD_DIFF_NONE);
  CASE(r, "petrarch-ud: texts");
  const struct seen *s = find(&c, "UD_1");
  if (s)
    CHECK_STR(r, s->text,
              "Arnor condemned Gondor & Mordor's friends on Tuesday.");
  s = find(&c, "UD_2"); /* empty <Text>: rebuilt from the CoNLL-U words */
  if (s)
    CHECK_STR(r, s->text, "Rohan praised Mordor.");
}

static void test_petrarch_errors(struct runner *r) {
  char dir[] = "/tmp/dyad-validate-XXXXXX";
  CASE(r, "petrarch errors: temp dir");
  if (!mkdtemp(dir)) {
    SKIP(r, "cannot make a temporary directory");
    return;
  }
  char path[128], path2[128];
  snprintf(path, sizeof path, "%s/broken.xml", dir);
  snprintf(path2, sizeof path2, "%s/nodict.xml", dir);
  FILE *f = fopen(path, "w");
  if (f) {
    fputs("<Validation>\n<Sentences>\n<Sentence id=\"X\" date=\"950101\">\n"
          "<Text>a</Text>\n</Sentences>\n</Validation>\n",
          f);
    fclose(f);
  }
  f = fopen(path2, "w");
  if (f) {
    fputs("<Validation><Environment><Verbfile>absent.verbs.txt</Verbfile>"
          "</Environment><Sentences></Sentences></Validation>\n",
          f);
    fclose(f);
  }
  dyad_error err;
  dyad_suite *s = NULL;
  CASE(r, "petrarch errors: malformed XML has a position");
  memset(&err, 0, sizeof err);
  CHECK_INT(r, dyad_suite_open(path, NULL, &s, &err), DYAD_ERR_PARSE);
  CHECK(r, s == NULL);
  CHECK_INT(r, err.line, 5);
  CASE(r, "petrarch errors: a missing dictionary is named");
  memset(&err, 0, sizeof err);
  CHECK_INT(r, dyad_suite_open(path2, NULL, &s, &err), DYAD_ERR_IO);
  CHECK(r, strstr(err.message, "absent.verbs.txt") != NULL);
  CASE(r, "petrarch errors: no such suite");
  CHECK_INT(r, dyad_suite_open("tests/data/validate/none.xml", NULL, &s, NULL),
            DYAD_ERR_IO);
  CHECK_INT(r, dyad_suite_open(NULL, NULL, &s, NULL), DYAD_ERR_ARG);
  dyad_suite_free(NULL);
  remove(path);
  remove(path2);
  rmdir(dir);
}

/* ---- TABARI projects
 * ---------------------------------------------------------- */

static void test_tabari(struct runner *r) {
  struct collect c;
  memset(&c, 0, sizeof c);
  dyad_validate_summary sum;
  dyad_error err;
  memset(&err, 0, sizeof err);
  CASE(r, "tabari: run");
  dyad_status st = dyad_validate_run(DATA "tabari/mini.project", NULL, on_rec,
                                     &c, &sum, &err);
  if (st != DYAD_OK)
    fprintf(stderr, "  %s\n", err.message);
  CHECK_INT(r, st, DYAD_OK);
  CHECK_INT(r, sum.kind, DYAD_SUITE_TABARI);
  CHECK_INT(r, sum.profile, DYAD_PROFILE_TABARI);
  CHECK(r, strstr(sum.rule, "multiset") != NULL);
  CHECK_INT(r, sum.records, 10); /* options records are not tests */
  CHECK_INT(r, sum.not_run, 2);  /* FINAL-01 and after */
  CHECK_INT(r, sum.options, 4);
  CHECK_INT(r, sum.options_unmodelled, 1); /* OUTPUT: */
  CHECK_INT(r, sum.passed, 6);
  CHECK_INT(r, sum.failed, 3);
  CHECK_INT(r, sum.skipped, 1);
  expect(r, &c, "ALT-01", DYAD_VALIDATE_PASS, DYAD_DIFF_NONE);
  expect(r, &c, "WRONG-03", DYAD_VALIDATE_FAIL, DYAD_DIFF_EXTRA);
  expect(r, &c, "BASIC-01", DYAD_VALIDATE_PASS, DYAD_DIFF_NONE);
  expect(r, &c, "BASIC-02", DYAD_VALIDATE_PASS, DYAD_DIFF_NONE);
  expect(r, &c, "WRONG-01", DYAD_VALIDATE_FAIL, DYAD_DIFF_CODE);
  expect(r, &c, "WRONG-02", DYAD_VALIDATE_FAIL, DYAD_DIFF_MISSING);
  expect(r, &c, "NOEV-01", DYAD_VALIDATE_PASS, DYAD_DIFF_NONE);
  expect(r, &c, "SKIP-01", DYAD_VALIDATE_SKIP, DYAD_DIFF_NONE);
  expect(r, &c, "PARTIAL-01", DYAD_VALIDATE_PASS, DYAD_DIFF_NONE);
  expect(r, &c, "YYYY-01", DYAD_VALIDATE_PASS, DYAD_DIFF_NONE);
  CHECK(r, find(&c, "OPTION-01") == NULL);
  CHECK(r, find(&c, "FINAL-01") == NULL);
  CHECK(r, find(&c, "AFTER-01") == NULL);
  CASE(r, "tabari: strings and dates");
  const struct seen *s = find(&c, "YYYY-01"); /* read after SET: YYYY */
  if (s)
    CHECK_INT(r, s->date, 19950101);
  s = find(&c, "BASIC-01");
  if (s) {
    CHECK_INT(r, s->date, 19950101);
    CHECK_STR(r, s->expected, "{ARN GON 122}");
    CHECK_STR(r, s->text, "Arnor condemned Gondor on Tuesday in the capital.");
  }
  s = find(&c, "WRONG-02");
  if (s)
    CHECK_STR(r, s->expected, "{ARN GON 122, ARN GON 122}");
  s = find(&c, "NOEV-01");
  if (s)
    CHECK_STR(r, s->expected, "{noevents}");
  s = find(&c, "PARTIAL-01");
  if (s)
    CHECK_STR(r, s->expected, "{ARN GON 122, ...}");

  CASE(r, "tabari: dates");
  CHECK_INT(r, Dyad_vd_tabari_date("950101", false), 19950101);
  CHECK_INT(r, Dyad_vd_tabari_date("300101", false), 20300101);
  CHECK_INT(r, Dyad_vd_tabari_date("19140724", true), 19140724);
  CHECK_INT(r, Dyad_vd_tabari_date("20150607", false), 0);
  CHECK_INT(r, Dyad_vd_tabari_date("9501", false), 0);

  CASE(r, "tabari: a text file needs --dict");
  dyad_suite *suite = NULL;
  dyad_validate_options o;
  memset(&o, 0, sizeof o);
  o.kind = DYAD_SUITE_TABARI;
  CHECK_INT(r, dyad_suite_open(DATA "tabari/mini.text", &o, &suite, NULL),
            DYAD_ERR_ARG);
  const char *proj[] = {DATA "tabari/mini.project"};
  o.dicts = proj;
  o.ndicts = 1;
  CHECK_INT(r, dyad_suite_open(DATA "tabari/mini.text", &o, &suite, NULL),
            DYAD_OK);
  dyad_validate_summary info;
  dyad_suite_info(suite, &info);
  CHECK_INT(r, info.records, 10);
  dyad_suite_free(suite);
}

int main(void) {
  struct runner r;
  memset(&r, 0, sizeof r);
  test_options(&r);
  test_petrarch(&r);
  test_petrarch_ud(&r);
  test_petrarch_errors(&r);
  test_tabari(&r);
  return harness_report(&r, "test_validate");
}
