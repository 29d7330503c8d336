/*
 * query.c - reading a store: queries (TSV, CSV, JSON Lines), exports in
 * the field's formats (Phoenix, GDELT 2.0, ICEWS; their
 * codebooks, docs/store.md) and time series.
 *
 * A filter becomes one WHERE clause over the clusters (c) or the events
 * (e): actor and event code prefixes as index ranges (prefix <= x < the
 * prefix with its last byte raised), so the indexes of docs/schema.sql
 * serve them. TSV, CSV and JSON Lines rows are written column by column
 * from the SELECT; the exports are built from a fixed column set.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../enrich/gazetteer.h"
#include "store.h"

#define MAX_BINDS 16
#define MAX_PERIODS 1000000

struct where {
  struct buf sql;
  char *val[MAX_BINDS]; /* malloc'd */
  int n;
  bool nomem;
};

static void where_fini(struct where *w) {
  Dyad_buf_fini(&w->sql);
  for (int i = 0; i < w->n; i++)
    free(w->val[i]);
}

static void add_sql(struct where *w, const char *s) {
  if (Dyad_buf_puts(&w->sql, w->sql.len ? " AND " : " WHERE ") != DYAD_OK ||
      Dyad_buf_puts(&w->sql, s) != DYAD_OK)
    w->nomem = true;
}

/* Appends "?N" for a copy of `v` (n bytes). */
static void add_val(struct where *w, const char *v, size_t n) {
  if (w->n == MAX_BINDS) {
    w->nomem = true;
    return;
  }
  char *c = malloc(n + 1);
  if (!c || Dyad_buf_printf(&w->sql, "?%d", w->n + 1) != DYAD_OK) {
    free(c);
    w->nomem = true;
    return;
  }
  memcpy(c, v, n);
  c[n] = '\0';
  w->val[w->n++] = c;
}

/* col >= prefix AND col < next (the prefix with its last byte raised);
 * an empty prefix matches only "". */
static void add_prefix(struct where *w, const char *col, const char *prefix) {
  size_t n = strlen(prefix);
  char buf[64];
  if (n == 0) {
    snprintf(buf, sizeof buf, "%s = ''", col);
    add_sql(w, buf);
    return;
  }
  snprintf(buf, sizeof buf, "%s >= ", col);
  add_sql(w, buf);
  add_val(w, prefix, n);
  size_t k = n;
  while (k && (unsigned char)prefix[k - 1] == 0xff)
    k--;
  if (!k)
    return; /* every string after the prefix */
  char *hi = malloc(k);
  if (!hi) {
    w->nomem = true;
    return;
  }
  memcpy(hi, prefix, k);
  hi[k - 1] = (char)((unsigned char)hi[k - 1] + 1);
  snprintf(buf, sizeof buf, "%s < ", col);
  add_sql(w, buf);
  add_val(w, hi, k);
  free(hi);
}

static void add_eq(struct where *w, const char *col, const char *v) {
  char buf[64];
  snprintf(buf, sizeof buf, "%s = ", col);
  add_sql(w, buf);
  add_val(w, v, strlen(v));
}

/* The WHERE clause of `f`. Every filter but the dates is on the cluster
 * (c), whose source, target, code, root, quad class and country are those
 * of each of its reports, so raw queries use the clusters' indexes too;
 * raw dates are the reports' (e.event_date), which lie within `window`
 * days of their cluster's date: that range is added for the index. */
static dyad_status build_where(const dyad_store_filter *f, int window,
                               struct where *w, dyad_error *err) {
  memset(w, 0, sizeof *w);
  Dyad_buf_init(&w->sql, 0);
  if (!f)
    return DYAD_OK;
  const char *t = "c.";
  char col[32];
  if ((f->from && !Dyad_date_valid(f->from)) ||
      (f->to && !Dyad_date_valid(f->to)))
    return Dyad_error_set(err, DYAD_ERR_ARG, "", 0, 0, "not a date");
  if (f->quad_class < 0 || f->quad_class > 4)
    return Dyad_error_set(err, DYAD_ERR_ARG, "", 0, 0, "quad class %d (1 to 4)",
                          f->quad_class);
  if (f->source) {
    snprintf(col, sizeof col, "%ssource", t);
    add_prefix(w, col, f->source);
  }
  if (f->target) {
    snprintf(col, sizeof col, "%starget", t);
    add_prefix(w, col, f->target);
  }
  if (f->code && f->code[0]) {
    snprintf(col, sizeof col, "%scode", t);
    add_prefix(w, col, f->code);
  }
  if (f->root) {
    snprintf(col, sizeof col, "%sroot", t);
    add_eq(w, col, f->root);
  }
  if (f->quad_class) {
    char q[2] = {(char)('0' + f->quad_class), 0};
    snprintf(col, sizeof col, "%squad_class", t);
    add_eq(w, col, q);
  }
  char d[11];
  snprintf(col, sizeof col, "%sevent_date", f->raw ? "e." : "c.");
  if (f->raw && (f->from || f->to)) {
    char s[64];
    if (f->from) {
      Dyad_date_str(
          Dyad_date_from_days(Dyad_date_to_days(f->from) - window), d);
      snprintf(s, sizeof s, "c.event_date >= ");
      add_sql(w, s);
      add_val(w, d, strlen(d));
    }
    if (f->to) {
      Dyad_date_str(
          Dyad_date_from_days(Dyad_date_to_days(f->to) + window), d);
      snprintf(s, sizeof s, "c.event_date <= ");
      add_sql(w, s);
      add_val(w, d, strlen(d));
    }
  }
  if (f->from) {
    Dyad_date_str(f->from, d);
    char s[64];
    snprintf(s, sizeof s, "%s >= ", col);
    add_sql(w, s);
    add_val(w, d, 10);
  }
  if (f->to) {
    Dyad_date_str(f->to, d);
    char s[64];
    snprintf(s, sizeof s, "%s <= ", col);
    add_sql(w, s);
    add_val(w, d, 10);
  }
  if (f->country) {
    snprintf(col, sizeof col, "%s", f->raw ? "e.country" : "c.country");
    add_eq(w, col, f->country);
  }
  if (w->nomem)
    return Dyad_error_set(err, DYAD_ERR_NOMEM, "", 0, 0, "out of memory");
  return DYAD_OK;
}

static dyad_status prepare(dyad_store *s, const char *head,
                           const struct where *w, const char *tail,
                           sqlite3_stmt **q, dyad_error *err) {
  struct buf sql;
  Dyad_buf_init(&sql, 0);
  dyad_status st = Dyad_buf_puts(&sql, head);
  if (st == DYAD_OK)
    st = Dyad_buf_puts(&sql, Dyad_buf_cstr((struct buf *)&w->sql));
  if (st == DYAD_OK)
    st = Dyad_buf_puts(&sql, tail);
  if (st != DYAD_OK) {
    Dyad_buf_fini(&sql);
    return Dyad_error_set(err, st, "", 0, 0, "out of memory");
  }
  int rc = sqlite3_prepare_v2(s->db, sql.data, -1, q, NULL);
  Dyad_buf_fini(&sql);
  if (rc != SQLITE_OK)
    return Dyad_store_sql_error(s, err, "query");
  for (int i = 0; i < w->n; i++)
    sqlite3_bind_text(*q, i + 1, w->val[i], -1, SQLITE_STATIC);
  return DYAD_OK;
}

dyad_status dyad_store_format_parse(const char *name, dyad_store_format *out) {
  static const char *const names[] = {"tsv",     "jsonl", "csv",
                                      "phoenix", "gdelt", "icews"};
  if (!name || !out)
    return DYAD_ERR_ARG;
  for (int i = 0; i < 6; i++)
    if (strcmp(name, names[i]) == 0) {
      *out = (dyad_store_format)i;
      return DYAD_OK;
    }
  return DYAD_ERR_ARG;
}

/* ---- the SELECTs --------------------------------------------------------- */

/* Query rows: the column names are the headers and JSON keys. */
#define CLUSTER_HEAD                                                           \
  "SELECT c.id AS event_id, c.event_date, c.source, c.target, c.code, "        \
  "c.root, c.quad_class, c.goldstein, c.country, c.admin1, c.place, c.lat, "   \
  "c.lon, c.geo_precision, c.mentions, c.stories, c.first_date, "              \
  "c.last_date, "
static const char CLUSTER_COLS[] = CLUSTER_HEAD
    "(SELECT group_concat(r, ';') FROM (SELECT s.story_id || ':' || "
    "e.sentence AS r FROM events e JOIN stories s ON s.id = e.story WHERE "
    "e.cluster = c.id ORDER BY e.id)) AS reports FROM clusters c";
static const char CLUSTER_COLS_JSON[] = CLUSTER_HEAD
    "(SELECT json_group_array(json_object('story_id', r, 'sentence', k)) "
    "FROM (SELECT s.story_id AS r, e.sentence AS k FROM events e JOIN "
    "stories s ON s.id = e.story WHERE e.cluster = c.id ORDER BY e.id)) AS "
    "reports FROM clusters c";
/* A span as the JSON sink writes it: [start, end], or null when absent. */
#define SPAN(k)                                                                \
  "json(CASE WHEN e." k "_start IS NULL THEN NULL ELSE json_array(e." k        \
  "_start, e." k "_end) END)"
#define EVENT_HEAD                                                             \
  "SELECT e.id AS report_id, e.event_date, s.story_id, s.story_date, "         \
  "e.sentence, e.source, e.target, e.code, e.root, e.quad_class, "             \
  "e.goldstein, e.plover_type, e.plover_mode, e.plover_context, "              \
  "e.source_text, e.target_text, e.verb_text, e.modality, e.negated, "         \
  "e.rule, e.date_precision, e.date_approximate, e.date_text, e.country, "     \
  "e.admin1, e.place, e.lat, e.lon, e.geo_precision, e.place_text, "           \
  "e.place_code, e.fatalities, e.wounded, e.count_text, e.count_qualifier, "   \
  "e.cluster AS event_id"
static const char EVENT_COLS[] =
    EVENT_HEAD " FROM clusters c JOIN events e ON e.cluster = c.id JOIN "
               "stories s ON s.id = e.story";
static const char EVENT_COLS_JSON[] =
    EVENT_HEAD ", json_object('source', " SPAN("source") ", 'target', " SPAN(
        "target") ", 'verb', " SPAN("verb") ", 'place', " SPAN("place") ") AS "
                                                                        "spans,"
                                                                        " t."
                                                                        "text "
                                                                        "AS "
                                                                        "senten"
                                                                        "ce_"
                                                                        "text "
                                                                        "FROM "
                                                                        "cluste"
                                                                        "rs c "
                                                                        "JOIN "
                                                                        "events"
                                                                        " e ON "
                                                                        "e."
                                                                        "cluste"
                                                                        "r = "
                                                                        "c.id "
                                                                        "JOIN "
                                                                        "storie"
                                                                        "s s "
                                                                        "ON "
                                                                        "s.id "
                                                                        "= "
                                                                        "e."
                                                                        "story "
                                                                        "LEFT "
                                                                        "JOIN "
                                                                        "senten"
                                                                        "ces t "
                                                                        "ON "
                                                                        "t."
                                                                        "story "
                                                                        "= "
                                                                        "e."
                                                                        "story "
                                                                        "AND "
                                                                        "t."
                                                                        "senten"
                                                                        "ce = "
                                                                        "e."
                                                                        "senten"
                                                                        "ce";

/* Exports: one fixed column set. */
enum xcol {
  X_ID,
  X_DATE,
  X_SOURCE,
  X_TARGET,
  X_CODE,
  X_ROOT,
  X_QUAD,
  X_GOLDSTEIN,
  X_COUNTRY,
  X_PLACE,
  X_MENTIONS,
  X_STORIES,
  X_ADDED,
  X_STORY_ID,
  X_SENTENCE,
  X_SOURCE_TEXT,
  X_TARGET_TEXT,
  X_URL,
  X_PUBLISHER,
  X_SOURCES,
  X_LEAD,
  X_SENTENCE_IDS,
  X_URLS,
  X_PUBLISHERS,
  X_ADMIN1,
  X_LAT,
  X_LON,
  X_GEO,
};
static const char CLUSTER_EXPORT[] =
    "SELECT c.id, c.event_date, c.source, c.target, c.code, c.root, "
    "c.quad_class, c.goldstein, c.country, c.place, c.mentions, c.stories, "
    "c.added, fs.story_id, f.sentence, f.source_text, f.target_text, "
    "fs.url, fs.publisher, "
    "(SELECT count(DISTINCT coalesce(s.publisher, s.story_id)) FROM events "
    "e JOIN stories s ON s.id = e.story WHERE e.cluster = c.id), "
    "(SELECT min(sentence) FROM events WHERE cluster = c.id) <= 1, "
    "(SELECT group_concat(r, ';') FROM (SELECT s.story_id || '_' || "
    "e.sentence AS r FROM events e JOIN stories s ON s.id = e.story WHERE "
    "e.cluster = c.id ORDER BY e.id)), "
    "(SELECT group_concat(u, ';') FROM (SELECT DISTINCT s.url AS u FROM "
    "events e JOIN stories s ON s.id = e.story WHERE e.cluster = c.id AND "
    "s.url IS NOT NULL)), "
    "(SELECT group_concat(u, ';') FROM (SELECT DISTINCT s.publisher AS u "
    "FROM events e JOIN stories s ON s.id = e.story WHERE e.cluster = c.id "
    "AND s.publisher IS NOT NULL)), c.admin1, c.lat, c.lon, c.geo_precision "
    "FROM clusters c JOIN events f ON f.id = (SELECT min(id) FROM events "
    "WHERE cluster = c.id) JOIN stories fs ON fs.id = f.story";
static const char EVENT_EXPORT[] =
    "SELECT e.id, e.event_date, e.source, e.target, e.code, e.root, "
    "e.quad_class, e.goldstein, e.country, coalesce(e.place, "
    "e.place_text), 1, 1, s.ingested, s.story_id, e.sentence, "
    "e.source_text, e.target_text, s.url, s.publisher, 1, e.sentence <= 1, "
    "s.story_id || '_' || e.sentence, s.url, s.publisher, e.admin1, e.lat, "
    "e.lon, e.geo_precision FROM clusters c JOIN events e ON e.cluster = "
    "c.id JOIN stories s ON s.id = e.story";

/* ---- writing rows -------------------------------------------------------- */

struct out {
  dyad_write_fn write;
  void *user;
  struct buf b;
  dyad_status st;
};

static void flush_out(struct out *o, bool force) {
  if (o->st == DYAD_OK && o->b.len && (force || o->b.len >= (64u << 10))) {
    if (!o->write(o->user, o->b.data, o->b.len))
      o->st = DYAD_ERR_IO;
    o->b.len = 0;
  }
}

static void put(struct out *o, dyad_status st) {
  if (st != DYAD_OK && o->st == DYAD_OK)
    o->st = st;
}

static void put_tsv(struct out *o, const char *s) {
  if (s)
    put(o, Dyad_buf_tsv_str(&o->b, s, strlen(s)));
}

static void put_csv(struct out *o, const char *s) {
  if (!s)
    return;
  if (!strpbrk(s, ",\"\r\n")) {
    put(o, Dyad_buf_puts(&o->b, s));
    return;
  }
  put(o, Dyad_buf_putc(&o->b, '"'));
  for (const char *p = s; *p; p++) {
    if (*p == '"')
      put(o, Dyad_buf_putc(&o->b, '"'));
    put(o, Dyad_buf_putc(&o->b, *p));
  }
  put(o, Dyad_buf_putc(&o->b, '"'));
}

static void put_json_str(struct out *o, const char *s) {
  put(o, Dyad_buf_putc(&o->b, '"'));
  put(o, Dyad_buf_json_str(&o->b, s, strlen(s)));
  put(o, Dyad_buf_putc(&o->b, '"'));
}

/* A column's value as text: numbers in SQLite's form, REAL with one
 * decimal (Goldstein scores), NULL as "" (or NULL when `null` is set). */
static const char *col_text(sqlite3_stmt *q, int i, char tmp[32]) {
  switch (sqlite3_column_type(q, i)) {
  case SQLITE_NULL:
    return "";
  case SQLITE_INTEGER:
    snprintf(tmp, 32, "%lld", (long long)sqlite3_column_int64(q, i));
    return tmp;
  case SQLITE_FLOAT: {
    double g = sqlite3_column_double(q, i);
    const char *name = sqlite3_column_name(q, i);
    bool coord = name && (strcmp(name, "lat") == 0 || strcmp(name, "lon") == 0);
    snprintf(tmp, 32, coord ? "%.5f" : "%.1f", g);
    if (strcmp(tmp, "-0.0") == 0)
      memcpy(tmp, "0.0", 4);
    return tmp;
  }
  default: {
    const char *t = (const char *)sqlite3_column_text(q, i);
    return t ? t : "";
  }
  }
}

/* The columns stored as 0/1 that JSON Lines writes as false/true, as
 * `dyad code --format jsonl` does (docs/schema.sql: events). */
static bool bool_col(const char *name) {
  return name && (strcmp(name, "negated") == 0 ||
                  strcmp(name, "date_approximate") == 0);
}

static void row_generic(struct out *o, sqlite3_stmt *q, dyad_store_format fmt,
                        bool header) {
  int n = sqlite3_column_count(q);
  char tmp[32];
  if (header) {
    for (int i = 0; i < n; i++) {
      if (i)
        put(o, Dyad_buf_putc(&o->b, fmt == DYAD_STORE_CSV ? ',' : '\t'));
      put(o, Dyad_buf_puts(&o->b, sqlite3_column_name(q, i)));
    }
    put(o, Dyad_buf_putc(&o->b, '\n'));
    return;
  }
  if (fmt == DYAD_STORE_JSONL) {
    put(o, Dyad_buf_putc(&o->b, '{'));
    for (int i = 0; i < n; i++) {
      const char *name = sqlite3_column_name(q, i);
      put(o, Dyad_buf_printf(&o->b, "%s\"%s\":", i ? "," : "", name));
      int t = sqlite3_column_type(q, i);
      if (t == SQLITE_NULL)
        put(o, Dyad_buf_puts(&o->b, "null"));
      else if (t == SQLITE_INTEGER && bool_col(name))
        put(o, Dyad_buf_puts(&o->b,
                             sqlite3_column_int64(q, i) ? "true" : "false"));
      else if (t == SQLITE_INTEGER || t == SQLITE_FLOAT ||
               strcmp(name, "reports") == 0 || strcmp(name, "spans") == 0)
        put(o, Dyad_buf_puts(&o->b, col_text(q, i, tmp)));
      else
        put_json_str(o, col_text(q, i, tmp));
    }
    put(o, Dyad_buf_puts(&o->b, "}\n"));
    return;
  }
  for (int i = 0; i < n; i++) {
    if (i)
      put(o, Dyad_buf_putc(&o->b, fmt == DYAD_STORE_CSV ? ',' : '\t'));
    if (fmt == DYAD_STORE_CSV)
      put_csv(o, col_text(q, i, tmp));
    else
      put_tsv(o, col_text(q, i, tmp));
  }
  put(o, Dyad_buf_putc(&o->b, '\n'));
}

/* ---- actor codes split as the formats want them ---------------------------
 */

/* CAMEO actor type codes that are not countries (codebook, actor types). */
static const char *const SECTORS[][2] = {
    {"GOV", "Government"},
    {"MIL", "Military"},
    {"REB", "Rebels"},
    {"OPP", "Opposition"},
    {"PTY", "Parties"},
    {"COP", "Police"},
    {"JUD", "Judiciary"},
    {"SPY", "Intelligence"},
    {"MED", "Media"},
    {"EDU", "Education"},
    {"BUS", "Business"},
    {"CRM", "Criminal"},
    {"CVL", "Civilian"},
    {"LEG", "Legislative"},
    {"ELI", "Elite"},
    {"HLH", "Health"},
    {"HRI", "Human Rights"},
    {"LAB", "Labor"},
    {"REF", "Refugees"},
    {"AGR", "Agriculture"},
    {"ENV", "Environment"},
    {"UAF", "Unaffiliated Armed Forces"},
    {"INS", "Insurgents"},
    {"RAD", "Radicals"},
    {"SEP", "Separatists"},
    {"MOD", "Moderate"},
    {"CON", "Conservative"},
    {"DEV", "Development"},
    {"SET", "Settlers"},
    {"IGO", "International Organization"},
    {"NGO", "Nongovernmental Organization"},
    {"IMG", "International Militarized Group"},
    {"MNC", "Multinational Corporation"},
};
#define NSECTORS (sizeof SECTORS / sizeof SECTORS[0])
/* Phoenix's roles (Phoenix data documentation) */
static const char ROLES[] = "GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS "
                            "CRM CVL";

static int sector_of(const char *b) {
  for (size_t i = 0; i < NSECTORS; i++)
    if (strncmp(SECTORS[i][0], b, 3) == 0)
      return (int)i;
  return -1;
}

static bool is_group(const char *b) {
  return strncmp(b, "IGO", 3) == 0 || strncmp(b, "NGO", 3) == 0 ||
         strncmp(b, "IMG", 3) == 0 || strncmp(b, "MNC", 3) == 0;
}

static bool is_role(const char *b) {
  for (const char *r = ROLES; *r; r += 4)
    if (strncmp(r, b, 3) == 0)
      return true;
  return false;
}

struct actor {
  char entity[4];    /* a country or IGO/NGO/IMG/MNC */
  char country[4];   /* a country */
  char group[4];     /* the block after IGO/NGO/IMG/MNC */
  char role[4];      /* Phoenix role */
  char attr[64];     /* the other blocks, ';'-joined */
  char types[3][4];  /* GDELT Type1-3: sector blocks */
  char sectors[160]; /* ICEWS: sector names, ','-joined */
};

static void split_actor(const char *code, struct actor *a) {
  memset(a, 0, sizeof *a);
  size_t n = strlen(code), i = 0, nt = 0;
  if (n >= 3 && is_group(code)) {
    memcpy(a->entity, code, 3);
    i = 3;
    if (n >= 6 && sector_of(code + 3) < 0) {
      memcpy(a->group, code + 3, 3);
      i = 6;
    }
  } else if (n >= 3 && sector_of(code) < 0 && Dyad_gaz_country(code)) {
    memcpy(a->entity, code, 3);
    memcpy(a->country, code, 3);
    i = 3;
  }
  if (i + 3 <= n && is_role(code + i))
    memcpy(a->role, code + i, 3);
  for (size_t j = i; j + 3 <= n; j += 3) {
    const char *b = code + j;
    int sec = sector_of(b);
    if (sec >= 0 && !is_group(b)) {
      if (nt < 3)
        memcpy(a->types[nt++], b, 3);
      size_t l = strlen(a->sectors);
      if (l + strlen(SECTORS[sec][1]) + 2 < sizeof a->sectors)
        snprintf(a->sectors + l, sizeof a->sectors - l, "%s%s", l ? "," : "",
                 SECTORS[sec][1]);
    }
    if (a->role[0] && j == i)
      continue;
    size_t l = strlen(a->attr);
    if (l + 5 < sizeof a->attr)
      snprintf(a->attr + l, sizeof a->attr - l, "%s%.3s", l ? ";" : "", b);
  }
}

/* The English name of country code `code` (ISO3 or CAMEO), else the code
 * (src/enrich/countries.c). */
static const char *country_name(const char *code) {
  const struct gaz_country *c = code[0] ? Dyad_gaz_country(code) : NULL;
  return c ? c->name : code;
}

/* Phoenix's quad classes: 0 for roots 01-02, 3 for root 16
 * (Phoenix data documentation). */
static int phoenix_quad(const char *root, int quad) {
  if (strcmp(root, "01") == 0 || strcmp(root, "02") == 0)
    return 0;
  if (strcmp(root, "16") == 0)
    return 3;
  return quad;
}

/* ICEWS Intensity: GDELT's scale but for the four codes where the ICEWS
 * table differs (ICEWS codebook). */
static const char *icews_intensity(const char *code, const char *gdelt) {
  static const char *const diff[][2] = {
      {"016", "-5.0"}, {"022", "3.4"}, {"164", "-6.5"}, {"165", "-7.0"}};
  for (int i = 0; i < 4; i++)
    if (strcmp(code, diff[i][0]) == 0)
      return diff[i][1];
  return gdelt;
}

/* CAMEO root names (codebook; our short wording). */
static const char *root_name(const char *root) {
  static const char *const names[21] = {"",
                                        "Make public statement",
                                        "Appeal",
                                        "Express intent to cooperate",
                                        "Consult",
                                        "Engage in diplomatic cooperation",
                                        "Engage in material cooperation",
                                        "Provide aid",
                                        "Yield",
                                        "Investigate",
                                        "Demand",
                                        "Disapprove",
                                        "Reject",
                                        "Threaten",
                                        "Protest",
                                        "Exhibit force posture",
                                        "Reduce relations",
                                        "Coerce",
                                        "Assault",
                                        "Fight",
                                        "Use unconventional mass violence"};
  if (strlen(root) != 2 || root[0] < '0' || root[0] > '2' || root[1] < '0' ||
      root[1] > '9')
    return "";
  int r = (root[0] - '0') * 10 + (root[1] - '0');
  return r >= 1 && r <= 20 ? names[r] : "";
}

static void upper(char *s) {
  for (; *s; s++)
    if (*s >= 'a' && *s <= 'z')
      *s = (char)(*s - 'a' + 'A');
}

static const char *ctext(sqlite3_stmt *q, int i) {
  const char *t = (const char *)sqlite3_column_text(q, i);
  return t ? t : "";
}

static void tab(struct out *o) {
  put(o, Dyad_buf_putc(&o->b, '\t'));
}

static void put_actor_gdelt(struct out *o, const char *code, const char *name) {
  struct actor a;
  split_actor(code, &a);
  char nm[256];
  snprintf(nm, sizeof nm, "%s", name);
  upper(nm);
  const char *v[10] = {code, nm, a.country,  a.group,    "",
                       "",   "", a.types[0], a.types[1], a.types[2]};
  for (int i = 0; i < 10; i++) {
    put_tsv(o, v[i]);
    tab(o);
  }
}

/* A coordinate with five decimals, "" when NULL. */
static void coord(sqlite3_stmt *q, int i, char out[32]) {
  if (sqlite3_column_type(q, i) == SQLITE_NULL)
    out[0] = '\0';
  else
    snprintf(out, 32, "%.5f", sqlite3_column_double(q, i));
}

static void row_export(struct out *o, sqlite3_stmt *q, dyad_store_format fmt) {
  char tmp[32], gs[32], lat[32], lon[32];
  coord(q, X_LAT, lat);
  coord(q, X_LON, lon);
  const char *geo = ctext(q, X_GEO), *country = ctext(q, X_COUNTRY),
             *admin1 = ctext(q, X_ADMIN1), *place = ctext(q, X_PLACE);
  int ymd = Dyad_store_date_parse(sqlite3_column_text(q, X_DATE));
  int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
  const char *src = ctext(q, X_SOURCE), *tgt = ctext(q, X_TARGET),
             *code = ctext(q, X_CODE), *root = ctext(q, X_ROOT);
  snprintf(gs, sizeof gs, "%s", col_text(q, X_GOLDSTEIN, tmp));
  long long id = sqlite3_column_int64(q, X_ID);
  int quad = sqlite3_column_int(q, X_QUAD);
  if (fmt == DYAD_STORE_PHOENIX) {
    struct actor a, b;
    split_actor(src, &a);
    split_actor(tgt, &b);
    put(o, Dyad_buf_printf(&o->b, "%lld_%s\t", id, dyad_version()));
    if (ymd)
      put(o, Dyad_buf_printf(&o->b, "%08d\t%d\t%d\t%d\t", ymd, y, m, d));
    else
      put(o, Dyad_buf_puts(&o->b, "\t\t\t\t"));
    const char *v[] = {src,      a.entity, a.role, a.attr, tgt,
                       b.entity, b.role,   b.attr, code,   root};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
      put_tsv(o, v[i]);
      tab(o);
    }
    /* Issues empty; Lat, Lon, LocationName, StateName, CountryCode */
    put(o, Dyad_buf_printf(&o->b, "%d\t%s\t\t%s\t%s\t",
                           phoenix_quad(root, quad), gs, lat, lon));
    put_tsv(o, place);
    tab(o);
    put_tsv(o, admin1);
    tab(o);
    put_tsv(o, country);
    tab(o);
    put_tsv(o, ctext(q, X_SENTENCE_IDS));
    tab(o);
    put_tsv(o, ctext(q, X_URLS));
    tab(o);
    put_tsv(o, ctext(q, X_PUBLISHERS));
    put(o, Dyad_buf_putc(&o->b, '\n'));
    return;
  }
  if (fmt == DYAD_STORE_GDELT) {
    put(o, Dyad_buf_printf(&o->b, "%lld\t", id));
    if (ymd)
      put(o, Dyad_buf_printf(&o->b, "%08d\t%06d\t%d\t%.4f\t", ymd, ymd / 100, y,
                             y + (m * 30 + d) / 365.0));
    else
      put(o, Dyad_buf_puts(&o->b, "\t\t\t\t"));
    put_actor_gdelt(o, src, ctext(q, X_SOURCE_TEXT));
    put_actor_gdelt(o, tgt, ctext(q, X_TARGET_TEXT));
    char base[4];
    snprintf(base, sizeof base, "%.3s", code);
    put(o, Dyad_buf_printf(&o->b, "%d\t", sqlite3_column_int(q, X_LEAD)));
    put_tsv(o, code);
    tab(o);
    put_tsv(o, base);
    tab(o);
    put_tsv(o, root);
    put(o, Dyad_buf_printf(&o->b, "\t%d\t%s\t%lld\t%lld\t%lld\t\t", quad, gs,
                           (long long)sqlite3_column_int64(q, X_MENTIONS),
                           (long long)sqlite3_column_int64(q, X_SOURCES),
                           (long long)sqlite3_column_int64(q, X_STORIES)));
    /* Actor1Geo_ and Actor2Geo_: 8 empty columns each; ActionGeo_: type,
     * full name, (FIPS country, ADM1 and ADM2 codes empty), lat, long,
     * (feature id empty) */
    put(o, Dyad_buf_puts(&o->b, "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t"));
    bool usa = strcmp(country, "USA") == 0;
    int type = strcmp(geo, "country") == 0  ? 1
               : strcmp(geo, "admin1") == 0 ? (usa ? 2 : 5)
               : strcmp(geo, "place") == 0  ? (usa ? 3 : 4)
                                            : 0;
    if (type)
      put(o, Dyad_buf_printf(&o->b, "%d", type));
    tab(o);
    /* "place, region, country" as far as known */
    const char *parts[3] = {place, admin1, country_name(country)};
    bool any = false;
    for (int i = 0; i < 3; i++) {
      if (!parts[i][0] || (i == 1 && strcmp(parts[1], parts[0]) == 0))
        continue;
      if (any)
        put(o, Dyad_buf_puts(&o->b, ", "));
      put_tsv(o, parts[i]);
      any = true;
    }
    put(o, Dyad_buf_printf(&o->b, "\t\t\t\t%s\t%s\t\t", lat, lon));
    char added[16] = "";
    const char *ad = ctext(q, X_ADDED);
    size_t k = 0;
    for (const char *p = ad; *p && k < 14; p++)
      if (*p >= '0' && *p <= '9')
        added[k++] = *p;
    added[k] = '\0';
    put(o, Dyad_buf_puts(&o->b, added));
    tab(o);
    put_tsv(o, ctext(q, X_URL));
    put(o, Dyad_buf_putc(&o->b, '\n'));
    return;
  }
  /* ICEWS */
  struct actor a, b;
  split_actor(src, &a);
  split_actor(tgt, &b);
  char date[11];
  Dyad_date_str(ymd, date);
  put(o, Dyad_buf_printf(&o->b, "%lld\t%s\t", id, date));
  const char *v[] = {
      ctext(q, X_SOURCE_TEXT), a.sectors, country_name(a.country),
      root_name(root),         code,      icews_intensity(code, gs),
      ctext(q, X_TARGET_TEXT), b.sectors, country_name(b.country),
      ctext(q, X_STORY_ID)};
  for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
    put_tsv(o, v[i]);
    tab(o);
  }
  put(o, Dyad_buf_printf(&o->b, "%lld\t",
                         (long long)sqlite3_column_int64(q, X_SENTENCE)));
  put_tsv(o, ctext(q, X_PUBLISHER));
  tab(o);
  /* City (a place), District (empty), Province, Country, Latitude,
   * Longitude */
  if (strcmp(geo, "place") == 0)
    put_tsv(o, place);
  put(o, Dyad_buf_puts(&o->b, "\t\t"));
  put_tsv(o, admin1);
  tab(o);
  put_tsv(o, country_name(country));
  put(o, Dyad_buf_printf(&o->b, "\t%s\t%s\n", lat, lon));
}

static const char ICEWS_HEADER[] =
    "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\t"
    "Event Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\t"
    "Target Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\t"
    "Province\tCountry\tLatitude\tLongitude\n";

dyad_status dyad_store_query(dyad_store *s, const dyad_store_filter *f,
                             dyad_store_format fmt, dyad_write_fn write,
                             void *user, size_t *rows, dyad_error *err) {
  if (rows)
    *rows = 0;
  if (!s || !write || (unsigned)fmt > DYAD_STORE_ICEWS)
    return Dyad_error_set(err, DYAD_ERR_ARG, "", 0, 0,
                          "no store, writer or format");
  bool raw = f && f->raw;
  struct where w;
  dyad_status st = build_where(f, s->window, &w, err);
  if (st != DYAD_OK) {
    where_fini(&w);
    return st;
  }
  const char *head;
  bool export = fmt >= DYAD_STORE_PHOENIX;
  if (export)
    head = raw ? EVENT_EXPORT : CLUSTER_EXPORT;
  else if (fmt == DYAD_STORE_JSONL)
    head = raw ? EVENT_COLS_JSON : CLUSTER_COLS_JSON;
  else
    head = raw ? EVENT_COLS : CLUSTER_COLS;
  const char *tail =
      raw ? " ORDER BY e.event_date, e.id" : " ORDER BY c.event_date, c.id";
  sqlite3_stmt *q = NULL;
  st = prepare(s, head, &w, tail, &q, err);
  if (st != DYAD_OK) {
    where_fini(&w);
    return st;
  }
  struct out o = {write, user, {0}, DYAD_OK};
  Dyad_buf_init(&o.b, 0);
  if (fmt == DYAD_STORE_TSV || fmt == DYAD_STORE_CSV)
    row_generic(&o, q, fmt, true);
  else if (fmt == DYAD_STORE_ICEWS)
    put(&o, Dyad_buf_puts(&o.b, ICEWS_HEADER));
  int rc;
  size_t n = 0;
  while (o.st == DYAD_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
    if (export)
      row_export(&o, q, fmt);
    else
      row_generic(&o, q, fmt, false);
    n++;
    flush_out(&o, false);
  }
  flush_out(&o, true);
  if (o.st == DYAD_OK && rc != SQLITE_DONE)
    st = Dyad_store_sql_error(s, err, "query");
  else if (o.st != DYAD_OK)
    st = Dyad_error_set(err, o.st, "", 0, 0,
                        o.st == DYAD_ERR_IO ? "write error" : "out of memory");
  sqlite3_finalize(q);
  Dyad_buf_fini(&o.b);
  where_fini(&w);
  if (rows)
    *rows = n;
  return st;
}

/* ---- series -------------------------------------------------------------- */

struct period {
  long count, q[5];
  double gsum;
  long gn;
};

/* The period number of a day (days since 1970-01-01). */
static long period_of(long days, dyad_series_period by) {
  if (by == DYAD_SERIES_DAY)
    return days;
  if (by == DYAD_SERIES_WEEK) {
    long w = (days + 3) % 7; /* 0 = Monday */
    if (w < 0)
      w += 7;
    return days - w;
  }
  int ymd = Dyad_date_from_days(days);
  return (long)(ymd / 10000) * 12 + (ymd / 100 % 100 - 1);
}

static void period_name(long p, dyad_series_period by, char out[11]) {
  if (by == DYAD_SERIES_MONTH) {
    long y = p / 12, m = p % 12 + 1;
    snprintf(out, 11, "%04ld-%02ld", y % 10000, m % 100);
    return;
  }
  Dyad_date_str(Dyad_date_from_days(p), out);
}

static long next_period(long p, dyad_series_period by) {
  return p + (by == DYAD_SERIES_WEEK ? 7 : 1);
}

dyad_status dyad_store_series(dyad_store *s, const dyad_store_filter *f,
                              dyad_series_period by,
                              dyad_series_measure measure,
                              dyad_store_format fmt, dyad_write_fn write,
                              void *user, size_t *rows, dyad_error *err) {
  if (rows)
    *rows = 0;
  if (!s || !write || (fmt != DYAD_STORE_TSV && fmt != DYAD_STORE_CSV) ||
      (unsigned)by > DYAD_SERIES_MONTH || (unsigned)measure > DYAD_SERIES_QUAD)
    return Dyad_error_set(err, DYAD_ERR_ARG, "", 0, 0,
                          "no store or writer, or a bad period, measure or "
                          "format");
  if (f && f->from && f->to && f->from > f->to)
    return Dyad_error_set(err, DYAD_ERR_ARG, "", 0, 0,
                          "the series starts after it ends");
  bool raw = f && f->raw;
  struct where w;
  dyad_status st = build_where(f, s->window, &w, err);
  if (st != DYAD_OK) {
    where_fini(&w);
    return st;
  }
  const char *t = raw ? "e" : "c";
  char head[256], tail[256];
  snprintf(head, sizeof head,
           "SELECT %s.event_date, c.quad_class, count(*), sum(c.goldstein), "
           "count(c.goldstein) FROM clusters c%s",
           t, raw ? " JOIN events e ON e.cluster = c.id" : "");
  snprintf(tail, sizeof tail,
           "%s%s.event_date IS NOT NULL GROUP BY %s.event_date, "
           "%s.quad_class ORDER BY %s.event_date",
           w.sql.len ? " AND " : " WHERE ", t, t, t, t);
  sqlite3_stmt *q = NULL;
  st = prepare(s, head, &w, tail, &q, err);
  if (st != DYAD_OK) {
    where_fini(&w);
    return st;
  }
  /* the period range: the filter's dates, else the data's */
  long first = 0, last = -1;
  bool have_first = f && f->from, have_last = f && f->to;
  if (have_first)
    first = period_of(Dyad_date_to_days(f->from), by);
  if (have_last)
    last = period_of(Dyad_date_to_days(f->to), by);
  struct period *p = NULL;
  size_t np = 0, cap = 0;
  long base = first;
  int rc;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    int ymd = Dyad_store_date_parse(sqlite3_column_text(q, 0));
    if (!ymd)
      continue;
    long k = period_of(Dyad_date_to_days(ymd), by);
    if (!have_first) {
      first = base = k;
      have_first = true;
    }
    if (k < base || (have_last && k > last))
      continue;
    size_t idx = (size_t)(by == DYAD_SERIES_WEEK ? (k - base) / 7 : k - base);
    if (idx >= MAX_PERIODS) {
      st = Dyad_error_set(err, DYAD_ERR_ARG, "", 0, 0, "more than %d periods",
                          MAX_PERIODS);
      break;
    }
    if (idx >= cap) {
      size_t nc = cap ? cap : 64;
      while (nc <= idx)
        nc *= 2;
      struct period *np2 = realloc(p, nc * sizeof *p);
      if (!np2) {
        st = Dyad_error_set(err, DYAD_ERR_NOMEM, "", 0, 0, "out of memory");
        break;
      }
      memset(np2 + cap, 0, (nc - cap) * sizeof *p);
      p = np2;
      cap = nc;
    }
    if (idx + 1 > np)
      np = idx + 1;
    long cnt = (long)sqlite3_column_int64(q, 2);
    int quad = sqlite3_column_int(q, 1);
    p[idx].count += cnt;
    if (quad >= 0 && quad <= 4)
      p[idx].q[quad] += cnt;
    p[idx].gsum += sqlite3_column_double(q, 3);
    p[idx].gn += (long)sqlite3_column_int64(q, 4);
  }
  if (st == DYAD_OK && rc != SQLITE_DONE)
    st = Dyad_store_sql_error(s, err, "series");
  sqlite3_finalize(q);
  where_fini(&w);
  if (st == DYAD_OK && have_last && have_first && last >= first) {
    size_t want =
        (size_t)(by == DYAD_SERIES_WEEK ? (last - first) / 7 : last - first) +
        1;
    if (want > MAX_PERIODS)
      st = Dyad_error_set(err, DYAD_ERR_ARG, "", 0, 0, "more than %d periods",
                          MAX_PERIODS);
    else
      np = want;
  }
  if (st != DYAD_OK) {
    free(p);
    return st;
  }
  struct out o = {write, user, {0}, DYAD_OK};
  Dyad_buf_init(&o.b, 0);
  char sep = fmt == DYAD_STORE_CSV ? ',' : '\t';
  static const char *const heads[3] = {
      "period%cevents\n", "period%cevents%cgoldstein_sum%cgoldstein_mean\n",
      "period%cevents%cq1%cq2%cq3%cq4\n"};
  put(&o, Dyad_buf_printf(&o.b, heads[measure], sep, sep, sep, sep, sep));
  long k = base;
  for (size_t i = 0; i < np && o.st == DYAD_OK; i++, k = next_period(k, by)) {
    char name[11];
    period_name(k, by, name);
    struct period *r = i < cap ? &p[i] : NULL;
    long cnt = r ? r->count : 0;
    put(&o, Dyad_buf_printf(&o.b, "%s%c%ld", name, sep, cnt));
    if (measure == DYAD_SERIES_GOLDSTEIN) {
      double sum = r ? r->gsum : 0;
      put(&o, Dyad_buf_printf(&o.b, "%c%.1f%c", sep, sum, sep));
      if (r && r->gn)
        put(&o, Dyad_buf_printf(&o.b, "%.3f", sum / (double)r->gn));
    } else if (measure == DYAD_SERIES_QUAD) {
      for (int qd = 1; qd <= 4; qd++)
        put(&o, Dyad_buf_printf(&o.b, "%c%ld", sep, r ? r->q[qd] : 0));
    }
    put(&o, Dyad_buf_putc(&o.b, '\n'));
    flush_out(&o, false);
  }
  flush_out(&o, true);
  free(p);
  Dyad_buf_fini(&o.b);
  if (rows && o.st == DYAD_OK)
    *rows = np;
  if (o.st != DYAD_OK)
    return Dyad_error_set(err, o.st, "", 0, 0,
                          o.st == DYAD_ERR_IO ? "write error"
                                              : "out of memory");
  return DYAD_OK;
}
