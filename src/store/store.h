/*
 * store.h - the store stage: coded documents into an SQLite database, and
 * queries, series and exports out of it (the "Store" section of dyad.h;
 * schema docs/schema.sql, rules docs/store.md).
 *
 * Takes: coded dyad_docs (store.c). Gives: rows through a dyad_write_fn
 * (query.c). Both files share the handle below; every statement is
 * prepared once per handle and reset after use.
 */
#ifndef DYAD_STORE_H
#define DYAD_STORE_H

#include <sqlite3.h>
#include <stdint.h>
#include <time.h>

#include "../util/util.h"

/* The schema version docs/schema.sql sets (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 1
#define STORE_WINDOW_DEFAULT 1
#define STORE_WINDOW_MAX 365

enum store_stmt {
  Q_FIND_STORY,
  Q_INS_STORY,
  Q_DEL_STORY,
  Q_STORY_CLUSTERS,
  Q_DEL_EVENTS,
  Q_DEL_SENTENCES,
  Q_RECOUNT,
  Q_DROP_EMPTY,
  Q_INS_SENTENCE,
  Q_FIND_CLUSTER,
  Q_INS_CLUSTER,
  Q_ADD_MENTION,
  Q_INS_EVENT,
  Q_COUNT
};

/* The (story id, content hash) pairs stored when the store was opened. */
struct seen_entry {
  uint64_t key;  /* hash of the id; 0 = empty slot */
  uint64_t hash; /* content hash */
  size_t id;     /* offset of the NUL-terminated id in `ids` */
};

/* Reports added to an existing cluster since the last flush. */
struct pending_count {
  int64_t cluster;
  uint32_t mentions, stories;
  char first[11], last[11]; /* earliest and latest event dates */
};

struct dyad_store {
  sqlite3 *db;
  bool read_only, in_tx;
  int window;
  sqlite3_stmt *stmt[Q_COUNT];
  struct seen_entry *seen;
  size_t seen_cap;     /* power of two, or 0 */
  struct buf ids;      /* ids of `seen` */
  struct vec clusters; /* int64: clusters of the story being put */
  /* mentions of existing clusters counted in this transaction, written
   * once per cluster before the commit (and before any recount) */
  struct vec pending;       /* struct pending_count */
  struct u64map pending_ix; /* cluster id -> index in pending */
  struct buf scratch;
  char now[20]; /* UTC time of the story being put */
  time_t now_t; /* ... as a time_t */
};

/* Fills err with SQLite's message for the handle; returns DYAD_ERR_IO. */
dyad_status Dyad_store_sql_error(dyad_store *s, dyad_error *err,
                                 const char *what);
/* "YYYY-MM-DD" (or NULL) -> YYYYMMDD; 0 when not a date. */
int Dyad_store_date_parse(const unsigned char *s);

#endif
