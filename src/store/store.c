/*
 * store.c - opening a store and putting coded stories into it.
 *
 * A new database gets the schema of docs/schema.sql (compiled in as
 * STORE_SCHEMA_SQL by the build) in one transaction, and its meta rows.
 * dyad_store_put writes one story: its stories row, the sentences that
 * gave events, and one events row per event, each joined to the cluster of
 * its key (source, target, event code, location) whose date is nearest its
 * event date within the window, or to a new cluster (docs/store.md).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../internal.h"
#include "store.h"

/* STORE_SCHEMA_SQL, generated from docs/schema.sql: one long string */
#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Woverlength-strings"
#endif
#include "schema.h"

const char *dyad_store_schema(void) {
  return STORE_SCHEMA_SQL;
}

static const char *const SQL[Q_COUNT] = {
    [Q_FIND_STORY] = "SELECT id, hash FROM stories WHERE story_id = ?1",
    [Q_INS_STORY] =
        "INSERT INTO stories (story_id, hash, story_date, input, publisher, "
        "url, outcome, reason, sentences, events, ingested) VALUES (?1, ?2, "
        "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT (story_id) DO "
        "NOTHING",
    [Q_DEL_STORY] = "DELETE FROM stories WHERE id = ?1",
    [Q_STORY_CLUSTERS] = "SELECT DISTINCT cluster FROM events WHERE story = ?1",
    [Q_DEL_EVENTS] = "DELETE FROM events WHERE story = ?1",
    [Q_DEL_SENTENCES] = "DELETE FROM sentences WHERE story = ?1",
    [Q_RECOUNT] =
        "UPDATE clusters SET (mentions, stories, first_date, last_date) = "
        "(SELECT count(*), count(DISTINCT story), min(event_date), "
        "max(event_date) FROM events WHERE cluster = ?1) WHERE id = ?1",
    [Q_DROP_EMPTY] = "DELETE FROM clusters WHERE id = ?1 AND mentions = 0",
    [Q_INS_SENTENCE] = "INSERT INTO sentences (story, sentence, start, end, "
                       "text) VALUES (?1, ?2, ?3, ?4, ?5)",
    [Q_FIND_CLUSTER] =
        "SELECT id, event_date FROM clusters WHERE source = ?1 AND target = "
        "?2 AND code = ?3 AND location = ?4 AND event_date BETWEEN ?5 AND ?6",
    [Q_INS_CLUSTER] =
        "INSERT INTO clusters (source, target, code, root, quad_class, "
        "goldstein, location, country, admin1, place, lat, lon, "
        "geo_precision, event_date, first_date, last_date, mentions, "
        "stories, added) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
        "?11, ?12, ?13, ?14, ?14, ?14, 1, 1, ?15)",
    [Q_ADD_MENTION] =
        "UPDATE clusters SET mentions = mentions + ?4, stories = stories + "
        "?2, first_date = CASE WHEN ?3 < first_date THEN ?3 ELSE first_date "
        "END, last_date = CASE WHEN ?5 > last_date THEN ?5 ELSE last_date END "
        "WHERE id = ?1",
    [Q_INS_EVENT] =
        "INSERT INTO events (story, sentence, source, target, code, root, "
        "quad_class, goldstein, source_text, target_text, verb_text, "
        "modality, negated, rule, event_date, date_precision, "
        "date_approximate, place_text, place_code, fatalities, source_start, "
        "source_end, target_start, target_end, verb_start, verb_end, "
        "place_start, place_end, cluster, plover_type, plover_mode, "
        "plover_context, date_text, country, admin1, place, lat, lon, "
        "geo_precision, wounded, count_text, count_qualifier) VALUES (?1, "
        "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
        "?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, "
        "?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41, ?42)",
};

static dyad_status flush_counts(dyad_store *s, dyad_error *err);

/* ---- helpers ------------------------------------------------------------- */

dyad_status Dyad_store_sql_error(dyad_store *s, dyad_error *err,
                                 const char *what) {
  const char *msg = s && s->db ? sqlite3_errmsg(s->db) : "no database";
  return Dyad_error_set(err, DYAD_ERR_IO, "", 0, 0, "%s: %s", what, msg);
}

int Dyad_store_date_parse(const unsigned char *s) {
  if (!s)
    return 0;
  return Dyad_date_parse((const char *)s, strlen((const char *)s));
}

/* Formats the time only when the second changed since the last call on
 * this buffer (*last). */
static void utc_now_cached(char out[20], time_t *last) {
  time_t t = time(NULL);
  if (t == *last && out[0])
    return;
  *last = t;
  struct tm tm;
  if (!gmtime_r(&t, &tm)) {
    snprintf(out, 20, "1970-01-01 00:00:00");
    return;
  }
  strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

static void utc_now(char out[20]) {
  time_t t = time(NULL);
  struct tm tm;
  if (!gmtime_r(&t, &tm)) {
    snprintf(out, 20, "1970-01-01 00:00:00");
    return;
  }
  strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

/* Bound values are not copied (SQLITE_STATIC): every one outlives the
 * sqlite3_step that reads it, after which the bindings are cleared. */
static int bind_text(sqlite3_stmt *q, int i, const char *s, size_t n) {
  return sqlite3_bind_text(q, i, s, (int)n, SQLITE_STATIC);
}

static int bind_str(sqlite3_stmt *q, int i, const char *s) {
  if (!s)
    return sqlite3_bind_null(q, i);
  return sqlite3_bind_text(q, i, s, -1, SQLITE_STATIC);
}

/* A date string or NULL when empty. */
static int bind_date(sqlite3_stmt *q, int i, const char *d) {
  return d[0] ? sqlite3_bind_text(q, i, d, -1, SQLITE_STATIC)
              : sqlite3_bind_null(q, i);
}

static dyad_status step_done(dyad_store *s, sqlite3_stmt *q, dyad_error *err,
                             const char *what) {
  int rc = sqlite3_step(q);
  sqlite3_reset(q);
  sqlite3_clear_bindings(q);
  if (rc != SQLITE_DONE)
    return Dyad_store_sql_error(s, err, what);
  return DYAD_OK;
}

static dyad_status exec(dyad_store *s, const char *sql, dyad_error *err) {
  char *msg = NULL;
  if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
    Dyad_error_set(err, DYAD_ERR_IO, "", 0, 0, "%s",
                   msg ? msg : sqlite3_errmsg(s->db));
    sqlite3_free(msg);
    return DYAD_ERR_IO;
  }
  return DYAD_OK;
}

static dyad_status stmt(dyad_store *s, enum store_stmt k, sqlite3_stmt **out,
                        dyad_error *err) {
  if (!s->stmt[k] &&
      sqlite3_prepare_v3(s->db, SQL[k], -1, SQLITE_PREPARE_PERSISTENT,
                         &s->stmt[k], NULL) != SQLITE_OK)
    return Dyad_store_sql_error(s, err, "prepare");
  *out = s->stmt[k];
  return DYAD_OK;
}

/* ---- the seen table ------------------------------------------------------ */

static uint64_t id_key(const char *id) {
  uint64_t k = Dyad_hash_bytes(id, strlen(id));
  return k ? k : 1;
}

static bool seen_add(dyad_store *s, const char *id, uint64_t hash) {
  size_t mask = s->seen_cap - 1, off = s->ids.len;
  if (Dyad_buf_put(&s->ids, id, strlen(id) + 1) != DYAD_OK)
    return false;
  uint64_t k = id_key(id);
  size_t i = (size_t)k & mask;
  while (s->seen[i].key)
    i = (i + 1) & mask;
  s->seen[i].key = k;
  s->seen[i].hash = hash;
  s->seen[i].id = off;
  return true;
}

static dyad_status load_seen(dyad_store *s, dyad_error *err) {
  sqlite3_stmt *q = NULL;
  if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM stories", -1, &q, NULL) !=
          SQLITE_OK ||
      sqlite3_step(q) != SQLITE_ROW) {
    sqlite3_finalize(q);
    return Dyad_store_sql_error(s, err, "count stories");
  }
  size_t n = (size_t)sqlite3_column_int64(q, 0);
  sqlite3_finalize(q);
  size_t cap = 16;
  while (cap < n * 2 + 1)
    cap *= 2;
  s->seen = calloc(cap, sizeof *s->seen);
  if (!s->seen)
    return Dyad_error_set(err, DYAD_ERR_NOMEM, "", 0, 0, "out of memory");
  s->seen_cap = cap;
  if (sqlite3_prepare_v2(s->db, "SELECT story_id, hash FROM stories", -1, &q,
                         NULL) != SQLITE_OK)
    return Dyad_store_sql_error(s, err, "read stories");
  int rc;
  size_t got = 0;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW && got < n) {
    const char *id = (const char *)sqlite3_column_text(q, 0);
    if (!seen_add(s, id ? id : "", (uint64_t)sqlite3_column_int64(q, 1))) {
      sqlite3_finalize(q);
      return Dyad_error_set(err, DYAD_ERR_NOMEM, "", 0, 0, "out of memory");
    }
    got++;
  }
  sqlite3_finalize(q);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return Dyad_store_sql_error(s, err, "read stories");
  return DYAD_OK;
}

/* The entry of story `id` in the seen table, or NULL. */
static const struct seen_entry *seen_find(const dyad_store *s, const char *id) {
  uint64_t k = id_key(id);
  size_t mask = s->seen_cap - 1;
  for (size_t i = (size_t)k & mask; s->seen[i].key; i = (i + 1) & mask)
    if (s->seen[i].key == k && strcmp(s->ids.data + s->seen[i].id, id) == 0)
      return &s->seen[i];
  return NULL;
}

bool dyad_store_seen(const dyad_store *s, const char *id,
                     unsigned long long hash) {
  if (!s || !id || !s->seen_cap)
    return false;
  const struct seen_entry *e = seen_find(s, id);
  return e && e->hash == (uint64_t)hash;
}

/* ---- open and close ------------------------------------------------------ */

static dyad_status meta_get(dyad_store *s, const char *key, char *out,
                            size_t size, dyad_error *err) {
  sqlite3_stmt *q = NULL;
  out[0] = '\0';
  if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = ?1", -1, &q,
                         NULL) != SQLITE_OK)
    return Dyad_error_set(err, DYAD_ERR_FORMAT, "", 0, 0,
                          "not a dyad event store (no meta table)");
  sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step(q) == SQLITE_ROW)
    snprintf(out, size, "%s", (const char *)sqlite3_column_text(q, 0));
  sqlite3_finalize(q);
  return DYAD_OK;
}

static dyad_status make_schema(dyad_store *s, int window, dyad_error *err) {
  char now[20], sql[512];
  utc_now(now);
  snprintf(sql, sizeof sql,
           "INSERT INTO meta (key, value) VALUES ('schema', '%d'), "
           "('window_days', '%d'), ('created', '%s'), ('dyad', '%s');",
           STORE_SCHEMA_VERSION, window, now, dyad_version());
  TRY(exec(s, "BEGIN IMMEDIATE", err));
  /* a second process may have made it meanwhile */
  sqlite3_stmt *q = NULL;
  int have = 0;
  if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &q, NULL) ==
          SQLITE_OK &&
      sqlite3_step(q) == SQLITE_ROW)
    have = sqlite3_column_int(q, 0);
  sqlite3_finalize(q);
  dyad_status st = DYAD_OK;
  if (!have) {
    st = exec(s, STORE_SCHEMA_SQL, err);
    if (st == DYAD_OK)
      st = exec(s, sql, err);
  }
  if (st != DYAD_OK) {
    (void)exec(s, "ROLLBACK", NULL);
    return st;
  }
  return exec(s, "COMMIT", err);
}

static dyad_status open_db(dyad_store *s, const char *path,
                           const dyad_store_options *o, dyad_error *err) {
  int flags = o->read_only ? SQLITE_OPEN_READONLY
                           : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  flags |= SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
    Dyad_error_set(err, DYAD_ERR_IO, path, 0, 0, "%s",
                   s->db ? sqlite3_errmsg(s->db) : "cannot open");
    return DYAD_ERR_IO;
  }
  sqlite3_extended_result_codes(s->db, 1);
  sqlite3_busy_timeout(s->db, 10000);
  /* the schema is read before anything else: a file that is not SQLite
   * fails here */
  sqlite3_stmt *q = NULL;
  int version = -1, tables = 0;
  if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &q, NULL) ==
          SQLITE_OK &&
      sqlite3_step(q) == SQLITE_ROW)
    version = sqlite3_column_int(q, 0);
  sqlite3_finalize(q);
  if (version < 0)
    return Dyad_error_set(err, DYAD_ERR_FORMAT, path, 0, 0,
                          "not an SQLite database: %s", sqlite3_errmsg(s->db));
  if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_master", -1, &q,
                         NULL) == SQLITE_OK &&
      sqlite3_step(q) == SQLITE_ROW)
    tables = sqlite3_column_int(q, 0);
  sqlite3_finalize(q);
  if (!o->read_only) {
    if (version == 0 && tables == 0)
      TRY(exec(s, "PRAGMA page_size = 16384", err));
    TRY(exec(s, "PRAGMA journal_mode = WAL", err));
    TRY(exec(s,
             "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; "
             "PRAGMA wal_autocheckpoint = 4096; "
             "PRAGMA temp_store = MEMORY",
             err));
  }
  int want = o->window_days;
  if (version == 0 && tables == 0) {
    if (o->read_only)
      return Dyad_error_set(err, DYAD_ERR_FORMAT, path, 0, 0,
                            "an empty database, not a dyad event store");
    TRY(make_schema(s, want ? want : STORE_WINDOW_DEFAULT, err));
    version = STORE_SCHEMA_VERSION;
  }
  if (version != STORE_SCHEMA_VERSION)
    return Dyad_error_set(err, DYAD_ERR_FORMAT, path, 0, 0,
                          "not a dyad event store of schema %d (user_version "
                          "%d)",
                          STORE_SCHEMA_VERSION, version);
  char v[64];
  TRY(meta_get(s, "window_days", v, sizeof v, err));
  char *end = NULL;
  long w = strtol(v, &end, 10);
  s->window = (int)w;
  if (!v[0] || *end || w < 0 || w > STORE_WINDOW_MAX)
    return Dyad_error_set(err, DYAD_ERR_FORMAT, path, 0, 0,
                          "bad window_days '%s' in the meta table", v);
  if (want && want != s->window)
    return Dyad_error_set(err, DYAD_ERR_ARG, path, 0, 0,
                          "the store was made with a window of %d day%s, "
                          "not %d",
                          s->window, s->window == 1 ? "" : "s", want);
  return DYAD_OK;
}

dyad_status dyad_store_open(const char *path, const dyad_store_options *opts,
                            dyad_store **out, dyad_error *err) {
  if (out)
    *out = NULL;
  dyad_store_options o;
  memset(&o, 0, sizeof o);
  if (opts)
    o = *opts;
  if (!path || !out)
    return Dyad_error_set(err, DYAD_ERR_ARG, "", 0, 0, "no path");
  if (o.window_days < 0 || o.window_days > STORE_WINDOW_MAX)
    return Dyad_error_set(err, DYAD_ERR_ARG, path, 0, 0,
                          "window of %d days (0 to %d)", o.window_days,
                          STORE_WINDOW_MAX);
  dyad_store *s = calloc(1, sizeof *s);
  if (!s)
    return Dyad_error_set(err, DYAD_ERR_NOMEM, path, 0, 0, "out of memory");
  s->read_only = o.read_only;
  Dyad_buf_init(&s->ids, 0);
  Dyad_buf_init(&s->scratch, 0);
  Dyad_vec_init(&s->clusters, sizeof(int64_t));
  Dyad_vec_init(&s->pending, sizeof(struct pending_count));
  Dyad_u64map_init(&s->pending_ix);
  dyad_status st = open_db(s, path, &o, err);
  if (st == DYAD_OK && o.load_seen)
    st = load_seen(s, err);
  if (st != DYAD_OK) {
    if (err && !err->source[0])
      snprintf(err->source, sizeof err->source, "%s", path);
    dyad_store_free(s);
    return st;
  }
  *out = s;
  return DYAD_OK;
}

void dyad_store_free(dyad_store *s) {
  if (!s)
    return;
  for (int i = 0; i < Q_COUNT; i++)
    sqlite3_finalize(s->stmt[i]);
  if (s->in_tx)
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close(s->db);
  free(s->seen);
  Dyad_buf_fini(&s->ids);
  Dyad_buf_fini(&s->scratch);
  Dyad_vec_fini(&s->clusters);
  Dyad_vec_fini(&s->pending);
  Dyad_u64map_fini(&s->pending_ix);
  free(s);
}

int dyad_store_window(const dyad_store *s) {
  return s ? s->window : 0;
}

dyad_status dyad_store_begin(dyad_store *s, dyad_error *err) {
  if (!s || s->read_only || s->in_tx)
    return Dyad_error_set(err, DYAD_ERR_ARG, "", 0, 0,
                          s && s->in_tx ? "a transaction is already open"
                                        : "a read-only store");
  TRY(exec(s, "BEGIN IMMEDIATE", err));
  s->in_tx = true;
  return DYAD_OK;
}

dyad_status dyad_store_commit(dyad_store *s, dyad_error *err) {
  if (!s || !s->in_tx)
    return Dyad_error_set(err, DYAD_ERR_ARG, "", 0, 0, "no transaction");
  dyad_status st = flush_counts(s, err);
  if (st == DYAD_OK)
    st = exec(s, "COMMIT", err);
  if (st != DYAD_OK) {
    (void)exec(s, "ROLLBACK", NULL);
    s->pending.len = 0;
    Dyad_u64map_fini(&s->pending_ix);
    Dyad_u64map_init(&s->pending_ix);
  }
  s->in_tx = false;
  return st;
}

/* ---- the content hash ---------------------------------------------------- */

unsigned long long dyad_doc_hash(const dyad_doc *doc) {
  if (!doc)
    return 0;
  uint64_t h = 0xcbf29ce484222325ULL;
  unsigned d = (unsigned)dyad_doc_date(doc);
  for (int i = 0; i < 4; i++) {
    h ^= (d >> (8 * i)) & 0xff;
    h *= 0x100000001b3ULL;
  }
  size_t n;
  const unsigned char *t = (const unsigned char *)dyad_doc_text(doc, &n);
  for (size_t i = 0; i < n; i++) {
    h ^= t[i];
    h *= 0x100000001b3ULL;
  }
  return Dyad_hash_u64(h);
}

/* ---- putting a story ----------------------------------------------------- */

/* Looks up story `id`: *row 0 when absent. */
static dyad_status find_story(dyad_store *s, const char *id, int64_t *row,
                              uint64_t *hash, dyad_error *err) {
  sqlite3_stmt *q = NULL;
  TRY(stmt(s, Q_FIND_STORY, &q, err));
  bind_str(q, 1, id);
  int rc = sqlite3_step(q);
  *row = 0;
  if (rc == SQLITE_ROW) {
    *row = sqlite3_column_int64(q, 0);
    *hash = (uint64_t)sqlite3_column_int64(q, 1);
  }
  sqlite3_reset(q);
  sqlite3_clear_bindings(q);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return Dyad_store_sql_error(s, err, "find story");
  return DYAD_OK;
}

/* Removes story `row` and its rows; recounts its clusters and drops the
 * ones left empty. */
static dyad_status remove_story(dyad_store *s, int64_t row, dyad_error *err) {
  sqlite3_stmt *q = NULL;
  /* the recount below reads the clusters' counts */
  TRY(flush_counts(s, err));
  s->clusters.len = 0;
  TRY(stmt(s, Q_STORY_CLUSTERS, &q, err));
  sqlite3_bind_int64(q, 1, row);
  int rc;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    int64_t *c = Dyad_vec_push(&s->clusters);
    if (!c) {
      sqlite3_reset(q);
      return Dyad_error_set(err, DYAD_ERR_NOMEM, "", 0, 0, "out of memory");
    }
    *c = sqlite3_column_int64(q, 0);
  }
  sqlite3_reset(q);
  sqlite3_clear_bindings(q);
  if (rc != SQLITE_DONE)
    return Dyad_store_sql_error(s, err, "story clusters");
  static const enum store_stmt dels[3] = {Q_DEL_EVENTS, Q_DEL_SENTENCES,
                                          Q_DEL_STORY};
  for (int i = 0; i < 3; i++) {
    TRY(stmt(s, dels[i], &q, err));
    sqlite3_bind_int64(q, 1, row);
    TRY(step_done(s, q, err, "remove story"));
  }
  for (size_t i = 0; i < s->clusters.len; i++) {
    int64_t c = VEC_AT(&s->clusters, int64_t, i);
    TRY(stmt(s, Q_RECOUNT, &q, err));
    sqlite3_bind_int64(q, 1, c);
    TRY(step_done(s, q, err, "recount cluster"));
    TRY(stmt(s, Q_DROP_EMPTY, &q, err));
    sqlite3_bind_int64(q, 1, c);
    TRY(step_done(s, q, err, "drop cluster"));
  }
  s->clusters.len = 0;
  return DYAD_OK;
}

static dyad_status insert_story(dyad_store *s, const char *id, uint64_t hash,
                                const char *date, const char *publisher,
                                const char *url, const char *input,
                                const char *outcome, const char *reason,
                                size_t sentences, size_t events, int64_t *row,
                                dyad_error *err) {
  sqlite3_stmt *q = NULL;
  TRY(stmt(s, Q_INS_STORY, &q, err));
  bind_str(q, 1, id);
  sqlite3_bind_int64(q, 2, (sqlite3_int64)hash);
  bind_date(q, 3, date);
  bind_str(q, 4, input);
  if (publisher && publisher[0])
    bind_str(q, 5, publisher);
  if (url && url[0])
    bind_str(q, 6, url);
  bind_str(q, 7, outcome);
  bind_str(q, 8, reason);
  sqlite3_bind_int64(q, 9, (sqlite3_int64)sentences);
  sqlite3_bind_int64(q, 10, (sqlite3_int64)events);
  bind_str(q, 11, s->now);
  TRY(step_done(s, q, err, "insert story"));
  /* ON CONFLICT DO NOTHING: no change when the id is stored already */
  *row = sqlite3_changes(s->db) ? sqlite3_last_insert_rowid(s->db) : 0;
  return DYAD_OK;
}

/* Checks story `id` against the store: *res UNCHANGED when the same hash
 * is there; otherwise the old rows are gone and *res says ADDED/REPLACED. */
static dyad_status prepare_put(dyad_store *s, const char *id, uint64_t hash,
                               dyad_store_result *res, dyad_error *err) {
  int64_t row;
  uint64_t old = 0;
  utc_now_cached(s->now, &s->now_t);
  TRY(find_story(s, id, &row, &old, err));
  if (row && old == hash) {
    *res = DYAD_STORE_UNCHANGED;
    return DYAD_OK;
  }
  *res = row ? DYAD_STORE_REPLACED : DYAD_STORE_ADDED;
  if (row)
    TRY(remove_story(s, row, err));
  return DYAD_OK;
}

/* Where a report says its event happened (as the sink writes it). */
struct where {
  bool stated;       /* the sentence names a place (dyad_event_place) */
  const char *code;  /* that phrase's actor country code */
  dyad_location loc; /* the gazetteer's reading (maybe the dateline's) */
  bool located;
  const char *text; /* the location's words */
  size_t n;
  size_t a, e; /* the stated place's span */
};

static void clamp(const char *text, size_t len, size_t a, size_t e,
                  const char **s, size_t *n) {
  if (a > len)
    a = len;
  if (e > len)
    e = len;
  *s = text + a;
  *n = e > a ? e - a : 0;
}

static void where_get(const dyad_event *ev, const char *text, size_t len,
                      struct where *w) {
  size_t a = 0, e = 0;
  w->code = "";
  w->stated = dyad_event_place(ev, &a, &e, &w->code);
  w->a = a;
  w->e = e;
  w->located = dyad_event_location(ev, &w->loc);
  if (w->located && w->loc.end > w->loc.start)
    clamp(text, len, w->loc.start, w->loc.end, &w->text, &w->n);
  else if (w->stated)
    clamp(text, len, a, e, &w->text, &w->n);
  else {
    w->text = "";
    w->n = 0;
  }
  if (!w->located) {
    memset(&w->loc, 0, sizeof w->loc);
    w->loc.country = w->loc.admin1 = w->loc.place = "";
    w->loc.lat = w->loc.lon = NAN;
  }
}

/* The location key (docs/store.md): "" unless the event's sentence names
 * a place (a dateline says where the reporter was, not the event); then
 * the gazetteer's country, region and place as far as it resolved them
 * ("UKR/Kharkiv/Kharkiv", "IRQ"), else the phrase's country code, else its
 * text folded (ASCII lower case, blank runs as one space). */
static dyad_status location_key(const struct where *w, struct buf *out) {
  out->len = 0;
  TRY(Dyad_buf_reserve(out, w->n + 64));
  out->data[0] = '\0';
  if (!w->stated)
    return DYAD_OK;
  const dyad_location *l = &w->loc;
  /* the gazetteer's reading of the stated place, not of a dateline */
  bool same = l->start < w->e && w->a < l->end;
  if (w->located && same && l->country[0] && l->precision != DYAD_GEO_NONE) {
    TRY(Dyad_buf_puts(out, l->country));
    if (l->precision == DYAD_GEO_ADMIN1 || l->precision == DYAD_GEO_PLACE)
      TRY(Dyad_buf_printf(out, "/%s", l->admin1));
    if (l->precision == DYAD_GEO_PLACE)
      TRY(Dyad_buf_printf(out, "/%s", l->place));
    return DYAD_OK;
  }
  if (w->code && w->code[0])
    return Dyad_buf_puts(out, w->code);
  bool blank = false;
  for (size_t i = 0; i < w->n; i++) {
    char c = w->text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      blank = out->len > 0;
      continue;
    }
    if (blank)
      TRY(Dyad_buf_putc(out, ' '));
    blank = false;
    if (c >= 'A' && c <= 'Z')
      c = (char)(c - 'A' + 'a');
    TRY(Dyad_buf_putc(out, c));
  }
  return DYAD_OK;
}

static void bind_coord(sqlite3_stmt *q, int i, double v) {
  if (!isnan(v))
    sqlite3_bind_double(q, i, v);
}

/* The cluster event `ev` joins (or a new one): *cluster, and *new_story
 * when no earlier event of this story is in it. */
static dyad_status find_cluster(dyad_store *s, const dyad_event *ev,
                                const char *date, int ymd, const char *loc,
                                const struct where *w, int64_t *cluster,
                                bool *made, dyad_error *err) {
  sqlite3_stmt *q = NULL;
  const char *src = dyad_event_source(ev), *tgt = dyad_event_target(ev),
             *code = dyad_event_code(ev);
  *cluster = 0;
  *made = false;
  if (date[0]) {
    char lo[11], hi[11];
    long days = Dyad_date_to_days(ymd);
    int best_date = 0;
    Dyad_date_str(Dyad_date_from_days(days - s->window), lo);
    Dyad_date_str(Dyad_date_from_days(days + s->window), hi);
    TRY(stmt(s, Q_FIND_CLUSTER, &q, err));
    bind_str(q, 1, src);
    bind_str(q, 2, tgt);
    bind_str(q, 3, code);
    bind_str(q, 4, loc);
    bind_str(q, 5, lo[0] ? lo : date);
    bind_str(q, 6, hi[0] ? hi : date);
    /* the nearest date; on a tie the earlier, then the older cluster */
    long best = -1;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
      int d = Dyad_store_date_parse(sqlite3_column_text(q, 1));
      long dist = d ? Dyad_date_to_days(d) - days : 0;
      if (dist < 0)
        dist = -dist;
      if (!d || (best >= 0 && dist > best) ||
          (best >= 0 && dist == best &&
           !(d < best_date ||
             (d == best_date && sqlite3_column_int64(q, 0) < *cluster))))
        continue;
      best = dist;
      best_date = d;
      *cluster = sqlite3_column_int64(q, 0);
    }
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    if (rc != SQLITE_DONE)
      return Dyad_store_sql_error(s, err, "find cluster");
  }
  if (*cluster)
    return DYAD_OK;
  /* a new cluster, with this report counted; an event without a date is
   * never merged */
  TRY(stmt(s, Q_INS_CLUSTER, &q, err));
  bind_str(q, 1, src);
  bind_str(q, 2, tgt);
  bind_str(q, 3, code);
  bind_str(q, 4, dyad_event_root(ev));
  sqlite3_bind_int(q, 5, dyad_event_quad_class(ev));
  double g = dyad_event_goldstein(ev);
  if (!isnan(g))
    sqlite3_bind_double(q, 6, g);
  bind_str(q, 7, loc);
  const dyad_location *l = &w->loc;
  if (l->country[0])
    bind_str(q, 8, l->country);
  if (l->admin1[0])
    bind_str(q, 9, l->admin1);
  if (l->place[0])
    bind_str(q, 10, l->place);
  else if (w->n)
    bind_text(q, 10, w->text, w->n);
  bind_coord(q, 11, l->lat);
  bind_coord(q, 12, l->lon);
  if (l->precision != DYAD_GEO_NONE)
    bind_str(q, 13, dyad_geo_precision_str(l->precision));
  bind_date(q, 14, date);
  bind_str(q, 15, s->now);
  TRY(step_done(s, q, err, "insert cluster"));
  *cluster = sqlite3_last_insert_rowid(s->db);
  *made = true;
  return DYAD_OK;
}

/* Counts a report of existing cluster `cluster` (`first`: the story's
 * first in it; `date`: its event date, never empty for a merged report);
 * written by flush_counts. */
static dyad_status count_mention(dyad_store *s, int64_t cluster, bool first,
                                 const char *date, dyad_error *err) {
  uint32_t ix;
  struct pending_count *p;
  if (Dyad_u64map_get(&s->pending_ix, (uint64_t)cluster, &ix)) {
    p = &VEC_AT(&s->pending, struct pending_count, ix);
  } else {
    ix = (uint32_t)s->pending.len;
    p = Dyad_vec_push(&s->pending);
    if (!p || Dyad_u64map_put(&s->pending_ix, (uint64_t)cluster, ix) != DYAD_OK)
      return Dyad_error_set(err, DYAD_ERR_NOMEM, "", 0, 0, "out of memory");
    p->cluster = cluster;
    p->mentions = p->stories = 0;
    snprintf(p->first, sizeof p->first, "%s", date);
    snprintf(p->last, sizeof p->last, "%s", date);
  }
  p->mentions++;
  p->stories += first ? 1 : 0;
  if (strcmp(date, p->first) < 0)
    snprintf(p->first, sizeof p->first, "%s", date);
  if (strcmp(date, p->last) > 0)
    snprintf(p->last, sizeof p->last, "%s", date);
  return DYAD_OK;
}

/* Writes the counted mentions: one UPDATE per cluster. */
static dyad_status flush_counts(dyad_store *s, dyad_error *err) {
  for (size_t i = 0; i < s->pending.len; i++) {
    const struct pending_count *p =
        &VEC_AT(&s->pending, struct pending_count, i);
    sqlite3_stmt *q = NULL;
    TRY(stmt(s, Q_ADD_MENTION, &q, err));
    sqlite3_bind_int64(q, 1, p->cluster);
    sqlite3_bind_int(q, 2, (int)p->stories);
    bind_date(q, 3, p->first);
    sqlite3_bind_int(q, 4, (int)p->mentions);
    bind_date(q, 5, p->last);
    TRY(step_done(s, q, err, "count mentions"));
  }
  s->pending.len = 0;
  Dyad_u64map_fini(&s->pending_ix);
  Dyad_u64map_init(&s->pending_ix);
  return DYAD_OK;
}

static void bind_span(sqlite3_stmt *q, int i, const dyad_event *ev,
                      dyad_span_kind k) {
  size_t a, e;
  dyad_event_span(ev, k, &a, &e);
  if (a == 0 && e == 0)
    return; /* left NULL */
  sqlite3_bind_int64(q, i, (sqlite3_int64)a);
  sqlite3_bind_int64(q, i + 1, (sqlite3_int64)e);
}

static void span_text(const dyad_event *ev, dyad_span_kind k, const char *text,
                      size_t len, const char **s, size_t *n) {
  size_t a, e;
  dyad_event_span(ev, k, &a, &e);
  if (a > len)
    a = len;
  if (e > len)
    e = len;
  *s = text + a;
  *n = e > a ? e - a : 0;
}

static const char *base_name(const char *path) {
  const char *b = path ? strrchr(path, '/') : NULL;
  return b ? b + 1 : path ? path : "";
}

static dyad_status put_event(dyad_store *s, const dyad_doc *doc,
                             const dyad_event *ev, int64_t story,
                             const char *text, size_t len, dyad_error *err) {
  sqlite3_stmt *q = NULL;
  dyad_date_precision p;
  int ymd = dyad_event_date(ev, &p);
  if (!ymd && p == DYAD_DATE_STORY)
    ymd = dyad_doc_date(doc);
  char date[11];
  Dyad_date_str(ymd, date);
  struct where w;
  where_get(ev, text, len, &w);
  if (location_key(&w, &s->scratch) != DYAD_OK)
    return Dyad_error_set(err, DYAD_ERR_NOMEM, "", 0, 0, "out of memory");
  const char *loc = Dyad_buf_cstr(&s->scratch);
  int64_t cluster;
  bool made;
  TRY(find_cluster(s, ev, date, ymd, loc, &w, &cluster, &made, err));
  /* a story counts once per cluster */
  bool first = true;
  for (size_t i = 0; i < s->clusters.len && first; i++)
    first = VEC_AT(&s->clusters, int64_t, i) != cluster;
  if (first) {
    int64_t *c = Dyad_vec_push(&s->clusters);
    if (!c)
      return Dyad_error_set(err, DYAD_ERR_NOMEM, "", 0, 0, "out of memory");
    *c = cluster;
  }
  if (!made)
    TRY(count_mention(s, cluster, first, date, err));

  TRY(stmt(s, Q_INS_EVENT, &q, err));
  sqlite3_bind_int64(q, 1, story);
  sqlite3_bind_int64(q, 2, (sqlite3_int64)dyad_event_sentence(ev));
  bind_str(q, 3, dyad_event_source(ev));
  bind_str(q, 4, dyad_event_target(ev));
  bind_str(q, 5, dyad_event_code(ev));
  bind_str(q, 6, dyad_event_root(ev));
  sqlite3_bind_int(q, 7, dyad_event_quad_class(ev));
  double g = dyad_event_goldstein(ev);
  if (!isnan(g))
    sqlite3_bind_double(q, 8, g);
  static const dyad_span_kind kinds[3] = {DYAD_SPAN_SOURCE, DYAD_SPAN_TARGET,
                                          DYAD_SPAN_VERB};
  for (int i = 0; i < 3; i++) {
    const char *t;
    size_t n;
    span_text(ev, kinds[i], text, len, &t, &n);
    bind_text(q, 9 + i, t, n);
  }
  bind_str(q, 12, dyad_modality_str(dyad_event_modality(ev)));
  sqlite3_bind_int(q, 13, dyad_event_negated(ev) ? 1 : 0);
  const char *file;
  unsigned line;
  char rule[300];
  if (dyad_event_rule(ev, &file, &line)) {
    snprintf(rule, sizeof rule, "%s:%u", base_name(file), line);
    bind_str(q, 14, rule);
  }
  bind_date(q, 15, date);
  bind_str(q, 16, dyad_date_precision_str(p));
  sqlite3_bind_int(q, 17, dyad_event_date_approximate(ev) ? 1 : 0);
  if (w.n)
    bind_text(q, 18, w.text, w.n);
  if (w.stated)
    bind_str(q, 19, w.code);
  int dead = dyad_event_fatalities(ev);
  if (dead >= 0)
    sqlite3_bind_int(q, 20, dead);
  bind_span(q, 21, ev, DYAD_SPAN_SOURCE);
  bind_span(q, 23, ev, DYAD_SPAN_TARGET);
  bind_span(q, 25, ev, DYAD_SPAN_VERB);
  size_t ps, pe;
  if (dyad_event_place(ev, &ps, &pe, NULL)) {
    sqlite3_bind_int64(q, 27, (sqlite3_int64)ps);
    sqlite3_bind_int64(q, 28, (sqlite3_int64)pe);
  }
  sqlite3_bind_int64(q, 29, cluster);
  const char *pmode, *pctx, *ptype = dyad_event_plover(ev, &pmode, &pctx);
  if (ptype && ptype[0]) {
    bind_str(q, 30, ptype);
    bind_str(q, 31, pmode);
    bind_str(q, 32, pctx);
  }
  size_t a, e;
  const char *t;
  size_t n;
  dyad_event_date_text(ev, &a, &e);
  clamp(text, len, a, e, &t, &n);
  if (n)
    bind_text(q, 33, t, n);
  const dyad_location *l = &w.loc;
  if (l->country[0])
    bind_str(q, 34, l->country);
  if (l->admin1[0])
    bind_str(q, 35, l->admin1);
  if (l->place[0])
    bind_str(q, 36, l->place);
  bind_coord(q, 37, l->lat);
  bind_coord(q, 38, l->lon);
  if (l->precision != DYAD_GEO_NONE)
    bind_str(q, 39, dyad_geo_precision_str(l->precision));
  int hurt = dyad_event_wounded(ev);
  if (hurt >= 0)
    sqlite3_bind_int(q, 40, hurt);
  dyad_count_qualifier cq = DYAD_COUNT_NONE;
  dyad_event_count_text(ev, &a, &e, &cq);
  clamp(text, len, a, e, &t, &n);
  if (n)
    bind_text(q, 41, t, n);
  if (cq != DYAD_COUNT_NONE)
    bind_str(q, 42, dyad_count_qualifier_str(cq));
  return step_done(s, q, err, "insert event");
}

/* The sentences that gave events, each once. */
static dyad_status put_sentences(dyad_store *s, const dyad_doc *doc,
                                 int64_t story, const char *text, size_t len,
                                 dyad_error *err) {
  size_t n = dyad_doc_event_count(doc), last = (size_t)-1;
  size_t nsent = dyad_doc_sentence_count(doc);
  for (size_t i = 0; i < n; i++) {
    size_t k = dyad_event_sentence(dyad_doc_event(doc, i));
    if (k == last || k >= nsent)
      continue;
    bool done = false; /* events are mostly in sentence order */
    for (size_t j = 0; j < i && !done; j++)
      done = dyad_event_sentence(dyad_doc_event(doc, j)) == k;
    last = k;
    if (done)
      continue;
    size_t a, e;
    dyad_doc_sentence_span(doc, k, &a, &e);
    if (a > len)
      a = len;
    if (e > len)
      e = len;
    if (e < a)
      e = a;
    sqlite3_stmt *q = NULL;
    TRY(stmt(s, Q_INS_SENTENCE, &q, err));
    sqlite3_bind_int64(q, 1, story);
    sqlite3_bind_int64(q, 2, (sqlite3_int64)k);
    sqlite3_bind_int64(q, 3, (sqlite3_int64)a);
    sqlite3_bind_int64(q, 4, (sqlite3_int64)e);
    bind_text(q, 5, text + a, e - a);
    TRY(step_done(s, q, err, "insert sentence"));
  }
  return DYAD_OK;
}

dyad_status dyad_store_put(dyad_store *s, const dyad_doc *doc,
                           const dyad_store_story_info *info,
                           dyad_store_result *result, dyad_error *err) {
  dyad_store_result res = DYAD_STORE_UNCHANGED;
  if (result)
    *result = res;
  if (!s || !doc || !s->in_tx)
    return Dyad_error_set(err, DYAD_ERR_ARG, "", 0, 0,
                          !s || !doc ? "no store or story"
                                     : "no open transaction");
  const char *id = dyad_doc_id(doc);
  if (!id[0])
    return Dyad_error_set(err, DYAD_ERR_ARG, "", 0, 0, "a story without id");
  dyad_status coded = info ? info->status : DYAD_OK;
  const char *input = info ? info->input : NULL;
  const char *message = info ? info->message : NULL;
  uint64_t hash = dyad_doc_hash(doc);
  /* A story the store did not hold at open is most likely new: it is
   * inserted at once, and looked up only when its id is there after all
   * (a second story of that id in this run). */
  bool fresh = s->seen_cap && !seen_find(s, id);
  if (!fresh)
    TRY(prepare_put(s, id, hash, &res, err));
  else
    utc_now_cached(s->now, &s->now_t);
  if (fresh || res != DYAD_STORE_UNCHANGED) {
    bool ok = coded == DYAD_OK || coded == DYAD_ERR_LIMIT;
    size_t n = ok ? dyad_doc_event_count(doc) : 0;
    const char *discard = ok ? dyad_doc_discard_reason(doc) : NULL;
    const char *outcome = !ok       ? "rejected"
                          : n       ? "coded"
                          : discard ? "discarded"
                                    : "no_events";
    const char *reason = !ok ? (message ? message : dyad_status_str(coded))
                         : n ? (coded == DYAD_ERR_LIMIT ? message : NULL)
                         : discard ? discard
                                   : (coded == DYAD_ERR_LIMIT ? message : NULL);
    char date[11];
    Dyad_date_str(dyad_doc_date(doc), date);
    int64_t row;
    TRY(insert_story(s, id, hash, date, doc->source, doc->url, input, outcome,
                     reason, ok ? dyad_doc_sentence_count(doc) : 0, n, &row,
                     err));
    if (fresh && !row) {
      TRY(prepare_put(s, id, hash, &res, err));
      if (res == DYAD_STORE_UNCHANGED) {
        if (result)
          *result = res;
        return DYAD_OK;
      }
      TRY(insert_story(s, id, hash, date, doc->source, doc->url, input, outcome,
                       reason, ok ? dyad_doc_sentence_count(doc) : 0, n, &row,
                       err));
    } else if (fresh) {
      res = DYAD_STORE_ADDED;
    }
    if (!row)
      return Dyad_error_set(err, DYAD_ERR_IO, "", 0, 0,
                            "story %s: stored twice at once", id);
    if (n) {
      size_t len;
      const char *text = dyad_doc_text(doc, &len);
      TRY(put_sentences(s, doc, row, text, len, err));
      s->clusters.len = 0;
      for (size_t i = 0; i < n; i++)
        TRY(put_event(s, doc, dyad_doc_event(doc, i), row, text, len, err));
      s->clusters.len = 0;
    }
  }
  if (result)
    *result = res;
  return DYAD_OK;
}

dyad_status dyad_store_put_rejected(dyad_store *s, const char *id,
                                    const char *input, const char *message,
                                    dyad_store_result *result,
                                    dyad_error *err) {
  dyad_store_result res = DYAD_STORE_UNCHANGED;
  if (result)
    *result = res;
  if (!s || !id || !id[0] || !s->in_tx)
    return Dyad_error_set(err, DYAD_ERR_ARG, "", 0, 0,
                          !s || !id || !id[0] ? "no store or story id"
                                              : "no open transaction");
  const char *m = message ? message : "";
  uint64_t hash = Dyad_hash_bytes(m, strlen(m));
  TRY(prepare_put(s, id, hash, &res, err));
  if (res != DYAD_STORE_UNCHANGED) {
    int64_t row;
    TRY(insert_story(s, id, hash, "", NULL, NULL, input, "rejected", m, 0, 0,
                     &row, err));
  }
  if (result)
    *result = res;
  return DYAD_OK;
}

dyad_status dyad_store_get_counts(dyad_store *s, dyad_store_counts *out,
                                  dyad_error *err) {
  if (!s || !out)
    return Dyad_error_set(err, DYAD_ERR_ARG, "", 0, 0, "no store");
  memset(out, 0, sizeof *out);
  static const char sql[] =
      "SELECT (SELECT count(*) FROM stories), "
      "(SELECT count(*) FROM stories WHERE outcome = 'coded'), "
      "(SELECT count(*) FROM stories WHERE outcome = 'no_events'), "
      "(SELECT count(*) FROM stories WHERE outcome = 'discarded'), "
      "(SELECT count(*) FROM stories WHERE outcome = 'rejected'), "
      "(SELECT count(*) FROM sentences), (SELECT count(*) FROM events), "
      "(SELECT count(*) FROM clusters)";
  sqlite3_stmt *q = NULL;
  if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK ||
      sqlite3_step(q) != SQLITE_ROW) {
    sqlite3_finalize(q);
    return Dyad_store_sql_error(s, err, "count rows");
  }
  size_t *f[8] = {&out->stories,   &out->coded,    &out->no_events,
                  &out->discarded, &out->rejected, &out->sentences,
                  &out->events,    &out->clusters};
  for (int i = 0; i < 8; i++)
    *f[i] = (size_t)sqlite3_column_int64(q, i);
  sqlite3_finalize(q);
  return DYAD_OK;
}
