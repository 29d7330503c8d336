/*
 * test_store.c - the event store API (dyad_store_*): opening and the
 * errors it reports, putting stories (added, unchanged, replaced,
 * rejected), the seen table, counts, queries with prefix filters, series
 * zero-fill and the formats' column counts.
 *
 * Fixtures: tests/data/store (its small dictionary). Run from the
 * repository root (or set DYAD_TESTDATA to the tests/data directory).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dyad.h"
#include "harness.h"

static const char *data_dir(void) {
  const char *d = getenv("DYAD_TESTDATA");
  return d && *d ? d : "tests/data";
}

/* A growing string written by dyad_store_query. */
struct text {
  char *s;
  size_t n;
};

static bool collect(void *user, const char *data, size_t len) {
  struct text *t = user;
  char *p = realloc(t->s, t->n + len + 1);
  if (!p)
    return false;
  memcpy(p + t->n, data, len);
  t->n += len;
  p[t->n] = '\0';
  t->s = p;
  return true;
}

static size_t lines(const char *s) {
  size_t n = 0;
  for (; s && *s; s++)
    n += *s == '\n';
  return n;
}

/* Fields of the first line of s separated by `sep`. */
static size_t fields(const char *s, char sep) {
  size_t n = 1;
  for (; s && *s && *s != '\n'; s++)
    n += *s == sep;
  return n;
}

struct fixture {
  dyad_lexicon *lex;
  dyad_coder *coder;
  dyad_doc *doc;
};

static bool code(struct fixture *fx, const char *id, int date,
                 const char *text) {
  dyad_story st;
  memset(&st, 0, sizeof st);
  st.id = id;
  st.id_len = strlen(id);
  st.date = date;
  st.text = text;
  st.text_len = strlen(text);
  return dyad_doc_set(fx->doc, &st) == DYAD_OK &&
         dyad_code(fx->coder, fx->doc, NULL) == DYAD_OK;
}

static dyad_store_result put(struct runner *r, dyad_store *s,
                             struct fixture *fx) {
  dyad_store_result res = (dyad_store_result)-1;
  dyad_error err;
  CHECK_INT(r, dyad_store_begin(s, &err), DYAD_OK);
  CHECK_INT(r, dyad_store_put(s, fx->doc, NULL, &res, &err), DYAD_OK);
  CHECK_INT(r, dyad_store_commit(s, &err), DYAD_OK);
  return res;
}

int main(void) {
  struct runner r = {0};
  char dict[512], path[] = "/tmp/dyad-test-store-XXXXXX";
  snprintf(dict, sizeof dict, "%s/store/store.ini", data_dir());
  const char *dicts[1] = {dict};
  struct fixture fx = {0};
  dyad_error err;
  int fd = mkstemp(path);
  if (fd < 0 || dyad_lexicon_load(dicts, 1, NULL, &fx.lex, &err) != DYAD_OK ||
      dyad_coder_new(fx.lex, NULL, &fx.coder) != DYAD_OK ||
      dyad_doc_new(&fx.doc) != DYAD_OK) {
    CASE(&r, "setup");
    SKIP(&r, "no temporary file or no tests/data/store dictionary");
    return harness_report(&r, "test_store");
  }
  close(fd);
  char db[600];
  snprintf(db, sizeof db, "%s.sqlite", path);
  unlink(path);

  CASE(&r, "schema");
  CHECK(&r, strstr(dyad_store_schema(), "CREATE TABLE clusters") != NULL);
  CHECK(&r, strstr(dyad_store_schema(), "PRAGMA user_version = 1") != NULL);

  CASE(&r, "open errors");
  dyad_store *s = NULL;
  dyad_store_options o;
  memset(&o, 0, sizeof o);
  CHECK_INT(&r, dyad_store_open(NULL, &o, &s, &err), DYAD_ERR_ARG);
  o.window_days = 400;
  CHECK_INT(&r, dyad_store_open(db, &o, &s, &err), DYAD_ERR_ARG);
  CHECK(&r, s == NULL);
  o.window_days = 0;
  o.read_only = true;
  CHECK_INT(&r, dyad_store_open(db, &o, &s, &err), DYAD_ERR_IO);
  char notdb[600];
  snprintf(notdb, sizeof notdb, "%s.txt", path);
  FILE *f = fopen(notdb, "w");
  if (f) {
    fputs("this is not a database, just some text long enough to be read "
          "as a header of one page and refused\n",
          f);
    fclose(f);
    o.read_only = false;
    CHECK_INT(&r, dyad_store_open(notdb, &o, &s, &err), DYAD_ERR_FORMAT);
    unlink(notdb);
  }

  CASE(&r, "a new store");
  memset(&o, 0, sizeof o);
  o.window_days = 2;
  CHECK_INT(&r, dyad_store_open(db, &o, &s, &err), DYAD_OK);
  CHECK_INT(&r, dyad_store_window(s), 2);
  CHECK(&r, code(&fx, "s1", 20230701,
                 "Mali expelled the French ambassador on Friday."));
  dyad_store_result res;
  CHECK_INT(&r, dyad_store_put(s, fx.doc, NULL, &res, &err), DYAD_ERR_ARG);
  CHECK_INT(&r, dyad_store_commit(s, &err), DYAD_ERR_ARG);
  CHECK_INT(&r, put(&r, s, &fx), DYAD_STORE_ADDED);
  CHECK_INT(&r, put(&r, s, &fx), DYAD_STORE_UNCHANGED);
  unsigned long long h1 = dyad_doc_hash(fx.doc);
  /* another date is another content */
  CHECK(&r, code(&fx, "s1", 20230702,
                 "Mali expelled the French ambassador on Friday."));
  CHECK(&r, dyad_doc_hash(fx.doc) != h1);
  CHECK_INT(&r, put(&r, s, &fx), DYAD_STORE_REPLACED);
  CHECK(&r, code(&fx, "s2", 20230701,
                 "Mali expelled the French ambassador on Friday."));
  CHECK_INT(&r, put(&r, s, &fx), DYAD_STORE_ADDED);
  CHECK(&r, code(&fx, "s3", 20230701, "Rain fell on Bamako on Friday."));
  CHECK_INT(&r, put(&r, s, &fx), DYAD_STORE_ADDED);
  CHECK_INT(&r, dyad_store_begin(s, &err), DYAD_OK);
  CHECK_INT(&r, dyad_store_begin(s, &err), DYAD_ERR_ARG);
  CHECK_INT(&r,
            dyad_store_put_rejected(s, "in.jsonl:4", "in.jsonl",
                                    "in.jsonl:4:9: bad date", &res, &err),
            DYAD_OK);
  CHECK_INT(&r, res, DYAD_STORE_ADDED);
  CHECK_INT(&r, dyad_store_commit(s, &err), DYAD_OK);
  dyad_store_counts c;
  CHECK_INT(&r, dyad_store_get_counts(s, &c, &err), DYAD_OK);
  CHECK_INT(&r, c.stories, 4);
  CHECK_INT(&r, c.coded, 2);
  CHECK_INT(&r, c.no_events, 1);
  CHECK_INT(&r, c.rejected, 1);
  CHECK_INT(&r, c.events, 2);
  CHECK_INT(&r, c.sentences, 2);
  /* s1 (Friday of July 2: June 30) and s2 (June 30): one event */
  CHECK_INT(&r, c.clusters, 1);
  dyad_store_free(s);

  CASE(&r, "reopen: window kept, seen table");
  memset(&o, 0, sizeof o);
  o.window_days = 1;
  CHECK_INT(&r, dyad_store_open(db, &o, &s, &err), DYAD_ERR_ARG);
  o.window_days = 0;
  o.load_seen = true;
  CHECK_INT(&r, dyad_store_open(db, &o, &s, &err), DYAD_OK);
  CHECK_INT(&r, dyad_store_window(s), 2);
  CHECK(&r, dyad_store_seen(s, "s2", dyad_doc_hash(fx.doc)) == false);
  CHECK(&r, code(&fx, "s2", 20230701,
                 "Mali expelled the French ambassador on Friday."));
  CHECK(&r, dyad_store_seen(s, "s2", dyad_doc_hash(fx.doc)));
  CHECK(&r, !dyad_store_seen(s, "s2", dyad_doc_hash(fx.doc) + 1));
  CHECK(&r, !dyad_store_seen(s, "s9", dyad_doc_hash(fx.doc)));
  CHECK(&r, code(&fx, "s4", 20230701,
                 "Russian troops shelled Ukrainian soldiers in Kharkiv on "
                 "Thursday."));
  CHECK_INT(&r, put(&r, s, &fx), DYAD_STORE_ADDED);
  dyad_store_free(s);

  CASE(&r, "queries");
  memset(&o, 0, sizeof o);
  o.read_only = true;
  CHECK_INT(&r, dyad_store_open(db, &o, &s, &err), DYAD_OK);
  CHECK_INT(&r, dyad_store_begin(s, &err), DYAD_ERR_ARG);
  dyad_store_filter flt;
  memset(&flt, 0, sizeof flt);
  struct text t = {0};
  size_t rows = 0;
  CHECK_INT(&r,
            dyad_store_query(s, &flt, DYAD_STORE_TSV, collect, &t, &rows, &err),
            DYAD_OK);
  CHECK_INT(&r, rows, 2);
  CHECK_INT(&r, lines(t.s), 3);
  CHECK_INT(&r, fields(t.s, '\t'), 19);
  CHECK(&r, t.s && strstr(t.s, "s1:0;s2:0") != NULL);
  t.n = 0;
  flt.source = "RU";
  CHECK_INT(&r,
            dyad_store_query(s, &flt, DYAD_STORE_CSV, collect, &t, &rows, &err),
            DYAD_OK);
  CHECK_INT(&r, rows, 1);
  CHECK(&r, t.s && strstr(t.s, "RUSMIL,UKRMIL,194") != NULL);
  flt.source = "RUSGOV";
  CHECK_INT(
      &r, dyad_store_query(s, &flt, DYAD_STORE_JSONL, collect, &t, &rows, &err),
      DYAD_OK);
  CHECK_INT(&r, rows, 0);
  memset(&flt, 0, sizeof flt);
  flt.raw = true;
  flt.target = "FRA";
  t.n = 0;
  CHECK_INT(&r,
            dyad_store_query(s, &flt, DYAD_STORE_TSV, collect, &t, &rows, &err),
            DYAD_OK);
  CHECK_INT(&r, rows, 2);
  CHECK_INT(&r, fields(t.s, '\t'), 36);
  static const struct {
    dyad_store_format fmt;
    size_t cols;
  } exports[3] = {
      {DYAD_STORE_PHOENIX, 26}, {DYAD_STORE_GDELT, 61}, {DYAD_STORE_ICEWS, 20}};
  for (int i = 0; i < 3; i++) {
    t.n = 0;
    CHECK_INT(
        &r, dyad_store_query(s, NULL, exports[i].fmt, collect, &t, &rows, &err),
        DYAD_OK);
    CHECK_INT(&r, fields(t.s, '\t'), exports[i].cols);
    CHECK_INT(&r, rows, 2);
  }
  memset(&flt, 0, sizeof flt);
  flt.quad_class = 9;
  CHECK_INT(&r,
            dyad_store_query(s, &flt, DYAD_STORE_TSV, collect, &t, &rows, &err),
            DYAD_ERR_ARG);

  CASE(&r, "series");
  memset(&flt, 0, sizeof flt);
  flt.from = 20230601;
  flt.to = 20230831;
  t.n = 0;
  CHECK_INT(&r,
            dyad_store_series(s, &flt, DYAD_SERIES_MONTH, DYAD_SERIES_QUAD,
                              DYAD_STORE_TSV, collect, &t, &rows, &err),
            DYAD_OK);
  CHECK_INT(&r, rows, 3);
  CHECK(&r, t.s && strcmp(t.s, "period\tevents\tq1\tq2\tq3\tq4\n"
                               "2023-06\t2\t0\t0\t0\t2\n"
                               "2023-07\t0\t0\t0\t0\t0\n"
                               "2023-08\t0\t0\t0\t0\t0\n") == 0);
  flt.from = 20230901;
  CHECK_INT(&r,
            dyad_store_series(s, &flt, DYAD_SERIES_DAY, DYAD_SERIES_COUNT,
                              DYAD_STORE_TSV, collect, &t, &rows, &err),
            DYAD_ERR_ARG);
  CHECK_INT(&r,
            dyad_store_series(s, NULL, DYAD_SERIES_DAY, DYAD_SERIES_COUNT,
                              DYAD_STORE_GDELT, collect, &t, &rows, &err),
            DYAD_ERR_ARG);
  dyad_store_free(s);

  CASE(&r, "formats");
  dyad_store_format fmt;
  CHECK_INT(&r, dyad_store_format_parse("gdelt", &fmt), DYAD_OK);
  CHECK_INT(&r, fmt, DYAD_STORE_GDELT);
  CHECK_INT(&r, dyad_store_format_parse("xml", &fmt), DYAD_ERR_ARG);

  free(t.s);
  dyad_store_free(NULL);
  char side[640];
  unlink(db);
  snprintf(side, sizeof side, "%s-wal", db);
  unlink(side);
  snprintf(side, sizeof side, "%s-shm", db);
  unlink(side);
  dyad_doc_free(fx.doc);
  dyad_coder_free(fx.coder);
  dyad_lexicon_free(fx.lex);
  return harness_report(&r, "test_store");
}
