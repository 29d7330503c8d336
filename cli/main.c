/*
 * main.c - the dyad command. `dyad code` reads stories (files, directories,
 * standard input), codes them and writes their events to standard output;
 * `dyad validate` and `dyad dict` are dispatched to validate.c and dict.c.
 * Uses only the public header, like any program built on libdyad.
 *
 * With -j N, one thread reads and numbers the stories, N workers code them
 * (each with its own coder; the lexicon is shared), and one writer emits
 * them in their input order through a ring of 4N slots.
 */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "dyad.h"
#include "report.h"

#define MAX_DICT_DIAGS 20 /* dictionary diagnostics printed */
#define MAX_JOBS 256
#define NSTATUS 16 /* dyad_status values counted */

/* ---- options ------------------------------------------------------------- */

struct options {
  const char **dicts;
  size_t ndicts;
  dyad_output_format ofmt;
  dyad_input_format ifmt;
  dyad_coder_options coder;
  dyad_ontology ontology;
  const char *gazetteer; /* --gazetteer FILE, NULL if none */
  bool strict, quiet;
  int jobs;
  char **inputs; /* files after directories are expanded (malloc'd) */
  size_t ninputs;
  const char *report; /* --report FILE, NULL when none */
  bool ingest;        /* dyad ingest: into the store at `db` */
  const char *db;
  int window; /* de-duplication window in days, 0 = the store's */
};

static void usage(FILE *f) {
  fputs(
      "usage: dyad code [options] [FILE|DIR|-]...\n"
      "       dyad validate SUITE [options]    (dyad validate --help)\n"
      "       dyad dict ...\n"
      "       dyad ingest --db FILE [options] [FILE|DIR|-]...\n"
      "       dyad query|series|export --db FILE ...  (each has --help)\n"
      "\n"
      "dyad code reads news stories and writes one row per coded event.\n"
      "Inputs are files, directories (read recursively in path order;\n"
      "hidden files and files not named .txt .text .jsonl .ndjson .json\n"
      ".xml .rec, or without an extension, are passed over) or - for\n"
      "standard input, which is also read\n"
      "when no input is given and it is not a terminal. gzip and zstd input\n"
      "is decompressed.\n"
      "\n"
      "options:\n"
      "  --dict PATH          dictionary config, project, directory or file\n"
      "                       (repeatable; default: the bundled dictionaries)\n"
      "  --format tsv|jsonl   output format (default tsv)\n"
      "  --ontology O         event-code columns: both (default), cameo or\n"
      "                       plover\n"
      "  --gazetteer FILE     add the places of a GeoNames dump\n"
      "                       (allCountries.txt, citiesN.txt) to the\n"
      "                       gazetteer\n"
      "  --no-enrich          no event dates, locations, counts or PLOVER\n"
      "                       (events keep the story date)\n"
      "  --input-format F     auto|text|jsonl|petrarch-xml|tabari (default\n"
      "                       auto: told from each input's content)\n"
      "  --default-date D     story date YYYY-MM-DD for stories without one\n"
      "  --keep-hedged        keep hedged, future, conditional and negated\n"
      "                       events, flagged in the modality column\n"
      "  --explain            print how each story was coded before its\n"
      "                       events: on standard output as '# ' lines with\n"
      "                       --format tsv, on standard error with jsonl\n"
      "  --strict             a malformed dictionary entry is fatal\n"
      "  --profile P          dyad (default) or tabari (TABARI semantics)\n"
      "  -j N                 code with N threads (output keeps input order)\n"
      "  --report FILE        write one JSON line per story read: id, file,\n"
      "                       line, column, outcome (coded, no_events,\n"
      "                       discarded, rejected; unreadable for an input\n"
      "                       that cannot be read), reason, message, events,\n"
      "                       warning (- for standard output)\n"
      "  -q                   no summary line at the end\n"
      "  --help, --version\n"
      "\n"
      "Rejected stories are reported on standard error as\n"
      "'dyad: file:line:col: message'; the run goes on. The run ends with a\n"
      "summary line on standard error (unless -q): stories read = coded +\n"
      "without events + discarded + rejected. A story a limit cuts (see\n"
      "docs/limits.md) is coded in part, with a warning, and counted.\n"
      "exit status: 0 ok (every story coded, without events or\n"
      "discarded), 1 some stories rejected, 2 usage, 3 I/O or system error\n"
      "(a dictionary, an input or the output cannot be read or written)\n",
      f);
}

/* The subcommand whose --help a usage error points at: "code" or "ingest"
 * (set by run_code before it reads the options). */
static const char *help_cmd = "code";

static int usage_error(const char *fmt, const char *arg) {
  fputs("dyad: ", stderr);
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\nTry 'dyad %s --help'.\n", help_cmd);
  return 2;
}

static bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int dyad_cli_parse_date(const char *s) {
  static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
    return 0;
  int v = 0;
  for (int i = 0; i < 10; i++) {
    if (i == 4 || i == 7)
      continue;
    if (s[i] < '0' || s[i] > '9')
      return 0;
    v = v * 10 + (s[i] - '0');
  }
  int y = v / 10000, m = v / 100 % 100, d = v % 100;
  if (y < 1 || m < 1 || m > 12 || d < 1)
    return 0;
  if (d > mdays[m - 1] + (m == 2 && leap(y)))
    return 0;
  return v;
}

/* ---- inputs -------------------------------------------------------------- */

struct strvec {
  char **v;
  size_t n, cap;
};

static bool strvec_push(struct strvec *sv, const char *s) {
  if (sv->n == sv->cap) {
    size_t cap = sv->cap ? sv->cap * 2 : 16;
    char **p = realloc(sv->v, cap * sizeof *p);
    if (!p)
      return false;
    sv->v = p;
    sv->cap = cap;
  }
  char *d = strdup(s);
  if (!d)
    return false;
  sv->v[sv->n++] = d;
  return true;
}

static void strvec_free(struct strvec *sv) {
  for (size_t i = 0; i < sv->n; i++)
    free(sv->v[i]);
  free(sv->v);
  sv->v = NULL;
  sv->n = sv->cap = 0;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join(const char *dir, const char *name) {
  size_t a = strlen(dir), b = strlen(name);
  char *p = malloc(a + b + 2);
  if (!p)
    return NULL;
  memcpy(p, dir, a);
  size_t k = a;
  if (k == 0 || p[k - 1] != '/')
    p[k++] = '/';
  memcpy(p + k, name, b + 1);
  return p;
}

/* A file a directory walk reads: one without an extension or with a story
 * format's (.txt .text .jsonl .ndjson .json .xml .rec), each also under .gz
 * or .zst; the walk passes over others ("out.tsv", "notes.log"). */
static bool story_file(const char *name) {
  static const char *const zips[] = {".gz", ".zst", NULL};
  static const char *const exts[] = {"txt",  "text", "jsonl", "ndjson",
                                     "json", "xml",  "rec",   NULL};
  size_t n = strlen(name);
  for (int i = 0; zips[i]; i++) {
    size_t z = strlen(zips[i]);
    if (n > z && strcmp(name + n - z, zips[i]) == 0) {
      n -= z;
      break;
    }
  }
  const char *dot = NULL;
  for (size_t i = 0; i < n; i++)
    if (name[i] == '.')
      dot = name + i;
  if (!dot)
    return true;
  size_t el = (size_t)(name + n - dot - 1);
  for (int i = 0; exts[i]; i++)
    if (strlen(exts[i]) == el && strncasecmp(dot + 1, exts[i], el) == 0)
      return true;
  return false;
}

/* Adds the story files under `root` (story_file; not hidden; directories
 * not followed through symbolic links, so no loops), sorted by path, and
 * says how many other entries it passed over (hidden ones included).
 * Returns false on a system error (printed). */
static bool walk(const char *root, struct strvec *files) {
  struct strvec todo = {0}, found = {0};
  size_t skipped = 0;
  bool ok = strvec_push(&todo, root);
  while (ok && todo.n) {
    char *dir = todo.v[--todo.n];
    DIR *d = opendir(dir);
    if (!d) {
      fprintf(stderr, "dyad: %s: %s\n", dir, strerror(errno));
      free(dir);
      ok = false;
      break;
    }
    struct dirent *e;
    while (ok && (e = readdir(d)) != NULL) {
      if (e->d_name[0] == '.') {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
          skipped++; /* hidden: passed over, but counted */
        continue;
      }
      char *p = join(dir, e->d_name);
      struct stat st;
      if (!p) {
        ok = false;
        break;
      }
      if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
        ok = strvec_push(&todo, p);
      else if (stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
        if (story_file(e->d_name))
          ok = strvec_push(&found, p);
        else
          skipped++;
      }
      free(p);
    }
    closedir(d);
    free(dir);
  }
  if (!ok && errno == ENOMEM)
    fputs("dyad: out of memory\n", stderr);
  if (ok && skipped)
    fprintf(stderr,
            "dyad: %s: %zu file%s passed over (hidden, or not named .txt "
            ".text .jsonl .ndjson .json .xml .rec, also under .gz or .zst, "
            "or without an extension)\n",
            root, skipped, skipped == 1 ? "" : "s");
  if (found.n) /* an empty directory: no array to sort */
    qsort(found.v, found.n, sizeof *found.v, cmp_str);
  for (size_t i = 0; ok && i < found.n; i++)
    ok = strvec_push(files, found.v[i]);
  strvec_free(&todo);
  strvec_free(&found);
  return ok;
}

/* ---- counts -------------------------------------------------------------- */

struct stats {
  size_t read, coded, no_events, discarded, rejected; /* read = the sum */
  size_t already;    /* ingest: stored as they are, not coded again (in read) */
  size_t warned;     /* coded, but a limit cut part of the story */
  size_t unreadable; /* inputs that could not be opened or read */
  size_t cut;        /* inputs a read error ended after some stories */
  const char *input; /* the input of the last story or failure emitted */
  size_t input_read; /* stories emitted from it */
  size_t reasons[NSTATUS]; /* rejected stories by status */
  bool sys_error;          /* an input or the output failed: exit 3 */
  bool out_failed;         /* writing stdout failed: stop */
  /* dyad ingest */
  size_t added, replaced, unchanged, events;
  size_t repeated; /* replaced a story stored earlier in this run */
};

/* dyad ingest: the ids of the stories stored in this run, as 64-bit FNV-1a
 * hashes in an open-addressing table (0: empty; at most half full: 16
 * bytes a story), to tell when a story replaces one of the same id stored
 * earlier in the same run (ids that are not unique: the earlier story's
 * events would go without a word). Two ids share a hash with odds of about
 * n^2 / 2^65. */
struct idset {
  uint64_t *v;
  size_t cap, n;
};

static uint64_t id_hash(const char *id) {
  uint64_t h = 14695981039346656037ull;
  for (; *id; id++) {
    h ^= (unsigned char)*id;
    h *= 1099511628211ull;
  }
  return h ? h : 1;
}

/* Adds `id`: 1 when it was not there, 0 when it was, -1 out of memory. */
static int idset_add(struct idset *set, const char *id) {
  if (2 * (set->n + 1) > set->cap) {
    size_t cap = set->cap ? set->cap * 2 : 1024;
    uint64_t *v = calloc(cap, sizeof *v);
    if (!v)
      return -1;
    for (size_t i = 0; i < set->cap; i++) {
      uint64_t h = set->v[i];
      if (!h)
        continue;
      size_t j = (size_t)(h ^ (h >> 32)) & (cap - 1);
      while (v[j])
        j = (j + 1) & (cap - 1);
      v[j] = h;
    }
    free(set->v);
    set->v = v;
    set->cap = cap;
  }
  uint64_t h = id_hash(id);
  size_t j = (size_t)(h ^ (h >> 32)) & (set->cap - 1);
  while (set->v[j]) {
    if (set->v[j] == h)
      return 0;
    j = (j + 1) & (set->cap - 1);
  }
  set->v[j] = h;
  set->n++;
  return 1;
}

/* The stories travel between the threads in batches, so that a handoff
 * (a lock and a wake-up) is paid once per BATCH stories, not per story;
 * dyad ingest stores TX_BATCHES batches (1,024 stories) per transaction. */
#define BATCH 64
#define TX_BATCHES 16

/* ---- one story through its stages ---------------------------------------- */

enum slot_kind {
  SLOT_STORY,  /* doc holds a story to code */
  SLOT_REJECT, /* the reader rejected a story: err */
  SLOT_FAIL,   /* an input failed (open or read): err */
};

enum slot_state { SLOT_EMPTY, SLOT_READ, SLOT_CODED };

struct slot {
  enum slot_state state;
  enum slot_kind kind;
  dyad_doc *doc;
  dyad_origin origin;
  const char *input; /* the input's name (borrowed from options) */
  dyad_status st;    /* of dyad_code */
  dyad_error err;
  bool skip; /* ingest: the store holds this story as it is */
  char rej_id[256]; /* SLOT_REJECT: the story's id, "" when unknown */
};

struct progress {
  bool on;            /* standard error is a terminal */
  double start, last; /* seconds */
  size_t total;       /* input bytes, 0 when unknown */
  size_t done;        /* bytes of the inputs finished */
  const char *input;  /* the input being read */
  size_t at;          /* offset of the last story in it */
};

struct run {
  const struct options *o;
  dyad_lexicon *lex;
  dyad_sink *sink;
  dyad_store *store; /* ingest */
  bool tx_open;      /* a transaction is open */
  size_t tx_batches; /* batches stored */
  struct progress prog;
  FILE *report; /* --report, NULL when none */
  bool report_failed;
  struct idset stored; /* ingest: ids stored in this run */
  bool header_out; /* the TSV header has been written (--explain) */
  struct stats stats;
};

static void code_slot(dyad_coder *coder, struct slot *s) {
  if (s->kind != SLOT_STORY || s->skip)
    return;
  memset(&s->err, 0, sizeof s->err);
  s->st = dyad_code(coder, s->doc, &s->err);
}

/* "source:line:col: message" of a coder error, moved to the input, into
 * buf[n]. */
static const char *coder_error(const struct slot *s, char *buf, size_t n) {
  dyad_error e = s->err;
  dyad_origin_locate(&s->origin, s->doc, &e);
  snprintf(e.source, sizeof e.source, "%s", s->input);
  return dyad_error_format(&e, buf, n);
}

static void print_coder_error(const struct slot *s, const char *prefix) {
  char buf[1024];
  fprintf(stderr, "dyad: %s%s (story %s)\n", prefix,
          coder_error(s, buf, sizeof buf), dyad_doc_id(s->doc));
}

/* One row of the --report file. */
static void report_slot(struct run *R, const struct slot *s,
                        const char *outcome, const char *message,
                        const char *warning) {
  if (!R->report || R->report_failed)
    return;
  struct report_row row;
  memset(&row, 0, sizeof row);
  row.file = s->input;
  row.outcome = outcome;
  row.message = message;
  row.warning = warning;
  if (s->kind == SLOT_STORY) {
    row.id = dyad_doc_id(s->doc);
    row.line = s->origin.line;
    row.column = s->origin.column;
    row.events = dyad_doc_event_count(s->doc);
    row.reason = s->st == DYAD_ERR_LIMIT ? DYAD_OK : s->st;
    if (strcmp(outcome, "discarded") == 0)
      row.why = dyad_doc_discard_reason(s->doc);
  } else {
    row.id = s->rej_id[0] ? s->rej_id : NULL;
    row.line = s->err.line;
    row.column = s->err.column;
    row.reason = s->err.code;
  }
  if (!report_write(R->report, &row))
    R->report_failed = true;
}

/* ---- dyad ingest: stories into the store ----------------------------------
 */

static void store_failed(struct run *R, const dyad_error *err) {
  char buf[1024];
  fprintf(stderr, "dyad: %s: %s\n", R->o->db,
          dyad_error_format(err, buf, sizeof buf));
  R->stats.out_failed = R->stats.sys_error = true;
}

static void count_result(struct run *R, dyad_store_result res, size_t events) {
  if (res == DYAD_STORE_ADDED)
    R->stats.added++;
  else if (res == DYAD_STORE_REPLACED)
    R->stats.replaced++;
  else
    R->stats.unchanged++;
  if (res != DYAD_STORE_UNCHANGED)
    R->stats.events += events;
}

/* A story the reader rejected: accounted for as "input:line". */
static void store_rejected(struct run *R, const struct slot *s) {
  char id[600], msg[1024];
  dyad_error err;
  memset(&err, 0, sizeof err);
  snprintf(id, sizeof id, "%s:%u", s->err.source[0] ? s->err.source : s->input,
           s->err.line);
  dyad_error_format(&s->err, msg, sizeof msg);
  dyad_store_result res;
  if (dyad_store_put_rejected(R->store, id, s->input, msg, &res, &err) !=
      DYAD_OK)
    store_failed(R, &err);
  else
    count_result(R, res, 0);
}

/* dyad ingest: a story stored or found unchanged. Its id is noted; one
 * that an earlier story of this run had is counted and warned of: the
 * store keeps one story per id, the last one stored. */
static void note_id(struct run *R, const struct slot *s) {
  int fresh = idset_add(&R->stored, dyad_doc_id(s->doc));
  if (fresh < 0) {
    fputs("dyad: out of memory\n", stderr);
    R->stats.sys_error = R->stats.out_failed = true;
  } else if (!fresh) {
    R->stats.repeated++;
    fprintf(stderr,
            "dyad: %s:%u: story id \"%s\" repeats one read earlier in this "
            "run; the store keeps one story per id\n",
            s->input, s->origin.line, dyad_doc_id(s->doc));
  }
}

/* A story dyad_code coded or rejected (status s->st). */
static void store_story(struct run *R, const struct slot *s) {
  char msg[1024];
  dyad_error err;
  memset(&err, 0, sizeof err);
  dyad_store_story_info info = {s->input, s->st, NULL};
  if (s->st != DYAD_OK)
    info.message = coder_error(s, msg, sizeof msg);
  dyad_store_result res;
  if (dyad_store_put(R->store, s->doc, &info, &res, &err) != DYAD_OK) {
    store_failed(R, &err);
    return;
  }
  count_result(R, res,
               s->st == DYAD_OK || s->st == DYAD_ERR_LIMIT
                   ? dyad_doc_event_count(s->doc)
                   : 0);
  note_id(R, s);
}

/* One transaction per TX_BATCHES batches of stories (and one for the
 * rest at the end): a commit rewrites every page a transaction touched,
 * and the clusters' indexes are touched all over, so fewer, larger
 * transactions write much less. */
static void batch_begin(struct run *R) {
  dyad_error err;
  memset(&err, 0, sizeof err);
  if (R->store && !R->tx_open && !R->stats.out_failed) {
    if (dyad_store_begin(R->store, &err) != DYAD_OK)
      store_failed(R, &err);
    else
      R->tx_open = true;
  }
}

static void commit(struct run *R) {
  dyad_error err;
  memset(&err, 0, sizeof err);
  if (R->tx_open && !R->stats.out_failed &&
      dyad_store_commit(R->store, &err) != DYAD_OK)
    store_failed(R, &err);
  R->tx_open = false;
}

static void batch_end(struct run *R) {
  if (R->tx_open && ++R->tx_batches % TX_BATCHES == 0)
    commit(R);
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The progress line (standard error is a terminal): at most twice a
 * second; `end` clears it. */
static void progress(struct run *R, bool end) {
  struct progress *p = &R->prog;
  if (!p->on)
    return;
  if (end) {
    fputs("\r\033[K", stderr);
    return;
  }
  double t = now_s();
  if (t - p->last < 0.5)
    return;
  p->last = t;
  double el = t - p->start;
  size_t n = R->stats.read;
  fprintf(stderr, "\r\033[Kdyad: %zu stories, %.0f/s, %zu events", n,
          el > 0 ? (double)n / el : 0.0, R->stats.events);
  size_t done = p->done + p->at;
  if (p->total && done > 0 && done <= p->total) {
    double eta = el * (double)(p->total - done) / (double)done;
    fprintf(stderr, ", %.0f%%, ETA %.0f s",
            100.0 * (double)done / (double)p->total, eta);
  }
  fflush(stderr);
}

static void print_explain(struct run *R, const struct slot *s) {
  FILE *f = R->o->ofmt == DYAD_OUTPUT_TSV ? stdout : stderr;
  const char *x = dyad_doc_explain(s->doc);
  /* the TSV header comes before the first comment line */
  if (f == stdout && !R->header_out && dyad_sink_finish(R->sink) != DYAD_OK)
    return;
  R->header_out = true;
  fprintf(f, "# story %s\n", dyad_doc_id(s->doc));
  while (*x) {
    const char *nl = strchr(x, '\n');
    size_t n = nl ? (size_t)(nl - x) : strlen(x);
    fprintf(f, "# %.*s\n", (int)n, x);
    x += n + (nl ? 1 : 0);
  }
}

/* Reports and writes one slot, in input order. */
static void emit(struct run *R, struct slot *s) {
  struct stats *c = &R->stats;
  char buf[1024];
  if (s->input != c->input) {
    c->input = s->input;
    c->input_read = 0;
  }
  if (s->kind == SLOT_FAIL) {
    fprintf(stderr, "dyad: %s\n", dyad_error_format(&s->err, buf, sizeof buf));
    c->sys_error = true;
    if (c->input_read) /* a truncated or damaged file: its stories before */
      c->cut++;
    else
      c->unreadable++;
    report_slot(R, s, "unreadable", buf, NULL);
    return;
  }
  c->input_read++;
  c->read++;
  if (R->prog.on) {
    if (s->input != R->prog.input) {
      if (R->prog.input)
        R->prog.done += R->prog.at;
      R->prog.input = s->input;
    }
    R->prog.at = s->origin.offset;
    progress(R, false);
  }
  if (s->kind == SLOT_REJECT) {
    fprintf(stderr, "dyad: %s\n", dyad_error_format(&s->err, buf, sizeof buf));
    c->rejected++;
    c->reasons[(unsigned)s->err.code < NSTATUS ? s->err.code : 0]++;
    report_slot(R, s, "rejected", buf, NULL);
    if (R->store && !c->out_failed)
      store_rejected(R, s);
    return;
  }
  if (s->skip) {
    c->unchanged++;
    c->already++;
    note_id(R, s);
    return;
  }
  if (s->st != DYAD_OK && s->st != DYAD_ERR_LIMIT) {
    print_coder_error(s, "");
    c->rejected++;
    c->reasons[(unsigned)s->st < NSTATUS ? s->st : 0]++;
    if (s->st == DYAD_ERR_NOMEM)
      c->sys_error = true;
    report_slot(R, s, "rejected", coder_error(s, buf, sizeof buf), NULL);
    if (s->st != DYAD_ERR_NOMEM && R->store && !c->out_failed)
      store_story(R, s);
    return;
  }
  const char *warning = NULL;
  if (s->st == DYAD_ERR_LIMIT) {
    print_coder_error(s, ""); /* a part cut or skipped; the rest is coded */
    warning = coder_error(s, buf, sizeof buf);
    c->warned++;
  }
  if (R->o->coder.explain)
    print_explain(R, s);
  const char *outcome;
  if (dyad_doc_event_count(s->doc)) {
    c->coded++;
    outcome = "coded";
  } else if (dyad_doc_discard_reason(s->doc)) {
    c->discarded++;
    outcome = "discarded";
  } else {
    c->no_events++;
    outcome = "no_events";
  }
  report_slot(R, s, outcome, NULL, warning);
  if (R->store) {
    if (!c->out_failed)
      store_story(R, s);
    return;
  }
  if (!c->out_failed && dyad_sink_write(R->sink, s->doc) != DYAD_OK) {
    fprintf(stderr, "dyad: write error: %s\n", strerror(errno));
    c->out_failed = c->sys_error = true;
  }
}

/* Reads the next item of `r` into `s`; false at the end of the input. A
 * story `seen` (may be NULL) holds as it is will not be coded again. */
static bool read_slot(dyad_reader *r, const char *name, struct slot *s,
                      const dyad_store *seen) {
  memset(&s->err, 0, sizeof s->err);
  /* standard input by the name its reader gives it in messages */
  s->input = strcmp(name, "-") == 0 ? "<stdin>" : name;
  s->st = DYAD_OK;
  s->skip = false;
  dyad_status st = dyad_reader_next(r, s->doc, &s->err);
  if (st == DYAD_END)
    return false;
  if (st == DYAD_OK) {
    s->kind = SLOT_STORY;
    dyad_reader_origin(r, &s->origin);
    s->skip = seen &&
              dyad_store_seen(seen, dyad_doc_id(s->doc), dyad_doc_hash(s->doc));
  } else {
    memset(&s->origin, 0, sizeof s->origin);
    s->kind =
        (st == DYAD_ERR_IO || st == DYAD_ERR_NOMEM) ? SLOT_FAIL : SLOT_REJECT;
    const char *id = dyad_reader_story_id(r);
    snprintf(s->rej_id, sizeof s->rej_id, "%s",
             s->kind == SLOT_REJECT && id ? id : "");
    if (!s->err.code)
      s->err.code = st;
  }
  return true;
}

static dyad_reader *open_input(const struct options *o, const char *path,
                               struct slot *fail) {
  dyad_reader *r = NULL;
  memset(&fail->err, 0, sizeof fail->err);
  dyad_status st = dyad_reader_open_path(path, o->ifmt, &r, &fail->err);
  if (st != DYAD_OK) {
    fail->kind = SLOT_FAIL;
    fail->input = path;
    if (!fail->err.source[0])
      snprintf(fail->err.source, sizeof fail->err.source, "%s", path);
    return NULL;
  }
  if (o->coder.default_date)
    (void)dyad_reader_set_default_date(r, o->coder.default_date);
  return r;
}

/* ---- one thread ---------------------------------------------------------- */

static void run_serial(struct run *R) {
  const struct options *o = R->o;
  dyad_coder *coder = NULL;
  struct slot s;
  memset(&s, 0, sizeof s);
  if (dyad_coder_new(R->lex, &o->coder, &coder) != DYAD_OK ||
      dyad_doc_new(&s.doc) != DYAD_OK) {
    fputs("dyad: out of memory\n", stderr);
    R->stats.sys_error = true;
    dyad_coder_free(coder);
    return;
  }
  size_t n_in_batch = 0;
  for (size_t i = 0; i < o->ninputs && !R->stats.out_failed; i++) {
    dyad_reader *r = open_input(o, o->inputs[i], &s);
    if (!r) {
      emit(R, &s);
      continue;
    }
    while (!R->stats.out_failed && read_slot(r, o->inputs[i], &s, R->store)) {
      code_slot(coder, &s);
      if (R->store && n_in_batch++ % BATCH == 0) {
        if (n_in_batch > 1)
          batch_end(R);
        batch_begin(R);
      }
      emit(R, &s);
    }
    dyad_reader_free(r);
  }
  if (n_in_batch)
    commit(R);
  dyad_doc_free(s.doc);
  dyad_coder_free(coder);
}

/* ---- N threads ----------------------------------------------------------- */

struct batch {
  enum slot_state state;
  size_t n; /* items in use */
  struct slot item[BATCH];
};

struct pipeline {
  struct run *R;
  pthread_mutex_t m;
  pthread_cond_t can_read, can_code, can_write;
  struct batch *batches;
  size_t nbatches;
  size_t n_read, n_code, n_written; /* batch sequence numbers */
  bool reading_done;
  bool stop; /* output failed: stop reading */
};

struct worker {
  struct pipeline *p;
  dyad_coder *coder;
};

static void *worker_main(void *arg) {
  struct worker *w = arg;
  struct pipeline *p = w->p;
  pthread_mutex_lock(&p->m);
  for (;;) {
    while (p->n_code == p->n_read && !p->reading_done)
      pthread_cond_wait(&p->can_code, &p->m);
    if (p->n_code == p->n_read)
      break;
    struct batch *b = &p->batches[p->n_code % p->nbatches];
    p->n_code++;
    pthread_mutex_unlock(&p->m);
    for (size_t i = 0; i < b->n; i++)
      code_slot(w->coder, &b->item[i]);
    pthread_mutex_lock(&p->m);
    b->state = SLOT_CODED;
    pthread_cond_signal(&p->can_write);
  }
  pthread_mutex_unlock(&p->m);
  return NULL;
}

static void *writer_main(void *arg) {
  struct pipeline *p = arg;
  pthread_mutex_lock(&p->m);
  for (;;) {
    struct batch *b = &p->batches[p->n_written % p->nbatches];
    while (!(p->n_written < p->n_read && b->state == SLOT_CODED) &&
           !(p->reading_done && p->n_written == p->n_read))
      pthread_cond_wait(&p->can_write, &p->m);
    if (p->n_written == p->n_read)
      break;
    pthread_mutex_unlock(&p->m);
    batch_begin(p->R);
    for (size_t i = 0; i < b->n && !p->R->stats.out_failed; i++)
      emit(p->R, &b->item[i]);
    batch_end(p->R);
    pthread_mutex_lock(&p->m);
    if (p->R->stats.out_failed)
      p->stop = true;
    b->state = SLOT_EMPTY;
    b->n = 0;
    p->n_written++;
    pthread_cond_signal(&p->can_read);
  }
  pthread_mutex_unlock(&p->m);
  return NULL;
}

/* Waits for the batch of the next sequence number; NULL when stopping. */
static struct batch *next_free(struct pipeline *p) {
  pthread_mutex_lock(&p->m);
  while (p->n_read - p->n_written >= p->nbatches && !p->stop)
    pthread_cond_wait(&p->can_read, &p->m);
  struct batch *b = p->stop ? NULL : &p->batches[p->n_read % p->nbatches];
  pthread_mutex_unlock(&p->m);
  return b;
}

/* Hands a filled batch to the workers. A failed or rejected item needs no
 * coding: it still goes through them, so that the writer sees every item
 * in sequence. */
static void publish(struct pipeline *p, struct batch *b) {
  pthread_mutex_lock(&p->m);
  b->state = SLOT_READ;
  p->n_read++;
  pthread_cond_signal(&p->can_code);
  pthread_mutex_unlock(&p->m);
}

static void run_parallel(struct run *R) {
  const struct options *o = R->o;
  struct pipeline p;
  memset(&p, 0, sizeof p);
  p.R = R;
  p.nbatches = (size_t)o->jobs * 2;
  struct worker *ws = calloc((size_t)o->jobs, sizeof *ws);
  pthread_t *tids = calloc((size_t)o->jobs, sizeof *tids);
  p.batches = calloc(p.nbatches, sizeof *p.batches);
  bool ok = ws && tids && p.batches;
  for (size_t i = 0; ok && i < p.nbatches; i++)
    for (size_t k = 0; ok && k < BATCH; k++)
      ok = dyad_doc_new(&p.batches[i].item[k].doc) == DYAD_OK;
  for (int i = 0; ok && i < o->jobs; i++) {
    ws[i].p = &p;
    ok = dyad_coder_new(R->lex, &o->coder, &ws[i].coder) == DYAD_OK;
  }
  if (!ok) {
    fputs("dyad: out of memory\n", stderr);
    R->stats.sys_error = true;
    goto out;
  }
  pthread_mutex_init(&p.m, NULL);
  pthread_cond_init(&p.can_read, NULL);
  pthread_cond_init(&p.can_code, NULL);
  pthread_cond_init(&p.can_write, NULL);
  pthread_t writer;
  int nstarted = 0;
  bool writer_started = pthread_create(&writer, NULL, writer_main, &p) == 0;
  for (int i = 0; writer_started && i < o->jobs; i++) {
    if (pthread_create(&tids[i], NULL, worker_main, &ws[i]) != 0)
      break;
    nstarted++;
  }
  if (!writer_started || nstarted == 0) {
    fputs("dyad: cannot start threads\n", stderr);
    R->stats.sys_error = true;
  } else {
    struct batch *b = next_free(&p);
    for (size_t i = 0; b && i < o->ninputs; i++) {
      dyad_reader *r = open_input(o, o->inputs[i], &b->item[b->n]);
      if (!r) {
        b->n++;
      } else {
        while (b && read_slot(r, o->inputs[i], &b->item[b->n], R->store)) {
          if (++b->n == BATCH) {
            publish(&p, b);
            b = next_free(&p);
          }
        }
        dyad_reader_free(r);
      }
      if (b && b->n == BATCH) {
        publish(&p, b);
        b = next_free(&p);
      }
    }
    if (b && b->n)
      publish(&p, b);
  }
  pthread_mutex_lock(&p.m);
  p.reading_done = true;
  pthread_cond_broadcast(&p.can_code);
  pthread_cond_broadcast(&p.can_write);
  pthread_mutex_unlock(&p.m);
  for (int i = 0; i < nstarted; i++)
    pthread_join(tids[i], NULL);
  if (writer_started)
    pthread_join(writer, NULL);
  commit(R);
  pthread_cond_destroy(&p.can_read);
  pthread_cond_destroy(&p.can_code);
  pthread_cond_destroy(&p.can_write);
  pthread_mutex_destroy(&p.m);
out:
  for (size_t i = 0; p.batches && i < p.nbatches; i++)
    for (size_t k = 0; k < BATCH; k++)
      dyad_doc_free(p.batches[i].item[k].doc);
  for (int i = 0; ws && i < o->jobs; i++)
    dyad_coder_free(ws[i].coder);
  free(p.batches);
  free(ws);
  free(tids);
}

/* ---- dyad code ----------------------------------------------------------- */

const char *dyad_cli_opt_value(int argc, char **argv, int *i, const char *name,
                               bool *missing) {
  const char *a = argv[*i];
  size_t n = strlen(name);
  if (strncmp(a, name, n) != 0)
    return NULL;
  if (a[n] == '=')
    return a + n + 1;
  if (a[n] != '\0')
    return NULL;
  if (*i + 1 >= argc) {
    *missing = true;
    return NULL;
  }
  return argv[++*i];
}

static void print_dict_diags(const dyad_lexicon *lex) {
  size_t n = dyad_lexicon_diag_count(lex);
  char buf[1024];
  for (size_t i = 0; i < n && i < MAX_DICT_DIAGS; i++)
    fprintf(stderr, "dyad: %s\n",
            dyad_error_format(dyad_lexicon_diag(lex, i), buf, sizeof buf));
  if (n > MAX_DICT_DIAGS)
    fprintf(stderr, "dyad: ... and %zu more dictionary diagnostics\n",
            n - MAX_DICT_DIAGS);
}

static void print_summary(const struct stats *c) {
  fprintf(stderr,
          "dyad: %zu stories read, %zu coded, %zu without events, %zu "
          "discarded, %zu rejected",
          c->read, c->coded, c->no_events, c->discarded, c->rejected);
  if (c->rejected) {
    const char *sep = " (";
    for (int i = 0; i < NSTATUS; i++) {
      if (!c->reasons[i])
        continue;
      fprintf(stderr, "%s%s: %zu", sep, report_reason((dyad_status)i),
              c->reasons[i]);
      sep = ", ";
    }
    fputc(')', stderr);
  }
  if (c->already) /* dyad ingest: the rest of the stories read */
    fprintf(stderr, ", %zu unchanged (already stored)", c->already);
  if (c->warned)
    fprintf(stderr, "; %zu coded in part (a limit was reached)", c->warned);
  if (c->unreadable)
    fprintf(stderr, "; %zu input%s not read", c->unreadable,
            c->unreadable == 1 ? "" : "s");
  if (c->cut)
    fprintf(stderr, "; %zu input%s read in part (a read error)", c->cut,
            c->cut == 1 ? "" : "s");
  fputc('\n', stderr);
}

/* Sum of the sizes of the inputs when all are plain files (no standard
 * input, no gzip or zstd), else 0: the denominator of the ETA. */
static size_t input_bytes(const struct options *o) {
  size_t total = 0;
  for (size_t i = 0; i < o->ninputs; i++) {
    const char *f = o->inputs[i];
    size_t n = strlen(f);
    struct stat st;
    if (strcmp(f, "-") == 0 || (n > 3 && strcmp(f + n - 3, ".gz") == 0) ||
        (n > 4 && strcmp(f + n - 4, ".zst") == 0) || stat(f, &st) != 0 ||
        !S_ISREG(st.st_mode))
      return 0;
    total += (size_t)st.st_size;
  }
  return total;
}

static void print_store_summary(struct run *R) {
  const struct stats *c = &R->stats;
  dyad_store_counts n;
  dyad_error err;
  memset(&err, 0, sizeof err);
  fprintf(stderr,
          "dyad: %s: %zu stories added, %zu replaced", R->o->db, c->added,
          c->replaced);
  fprintf(stderr, ", %zu unchanged; %zu events stored", c->unchanged,
          c->events);
  if (c->repeated)
    fprintf(stderr, "; %zu repeated an id read earlier in this run",
            c->repeated);
  if (dyad_store_get_counts(R->store, &n, &err) == DYAD_OK)
    fprintf(stderr,
            "; the store holds %zu stories (%zu coded, %zu without events, "
            "%zu discarded, %zu rejected), %zu events in %zu clusters",
            n.stories, n.coded, n.no_events, n.discarded, n.rejected, n.events,
            n.clusters);
  fputc('\n', stderr);
}

static void ingest_usage(FILE *f) {
  fputs(
      "usage: dyad ingest --db FILE [options] [FILE|DIR|-]...\n"
      "\n"
      "Codes stories as dyad code does and stores them, with their sentences,\n"
      "events and de-duplicated events, in the SQLite file FILE (made when\n"
      "absent; docs/store.md). Stories already stored with the same content\n"
      "are not coded again; a story whose content changed is replaced. Every\n"
      "1,024 stories are one transaction: an interrupted run leaves the\n"
      "transactions before it, and the next run goes on from there. The\n"
      "stories are stored by a thread of their own while -j N threads code.\n"
      "\n"
      "options: those of dyad code but --format and --explain (--dict,\n"
      "--ontology, --gazetteer, --no-enrich, --input-format, --default-date,\n"
      "--keep-hedged, --strict, --profile, -j N, --report, -q), and\n"
      "  --db FILE            the store (required)\n"
      "  --window DAYS        de-duplication window of a new store, in days\n"
      "                       (default 1; an existing store keeps its own)\n"
      "\n"
      "A progress line is shown on standard error when it is a terminal; the\n"
      "run ends with the summary of dyad code and one of the store (unless\n"
      "-q). Stories already stored as they are, not coded again, are counted\n"
      "as unchanged: stories read = coded + without events + discarded +\n"
      "rejected + unchanged (already stored).\n"
      "exit status: 0 ok, 1 some stories rejected, 2 usage, 3 I/O or system\n"
      "error (the store cannot be opened or written)\n",
      f);
}

static int run_code(int argc, char **argv, bool ingest) {
  struct options o;
  memset(&o, 0, sizeof o);
  o.jobs = 1;
  o.ingest = ingest;
  help_cmd = ingest ? "ingest" : "code";
  struct strvec dicts = {0}, args = {0}, files = {0};
  int ret = 0;
  bool only_args = false;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *v;
    bool missing = false;
    if (only_args || a[0] != '-' || strcmp(a, "-") == 0) {
      if (!strvec_push(&args, a))
        goto nomem;
      continue;
    }
    if (strcmp(a, "--") == 0) {
      only_args = true;
    } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      if (ingest)
        ingest_usage(stdout);
      else
        usage(stdout);
      goto done;
    } else if (ingest &&
               (v = dyad_cli_opt_value(argc, argv, &i, "--db", &missing))) {
      o.db = v;
    } else if (ingest &&
               (v = dyad_cli_opt_value(argc, argv, &i, "--window", &missing))) {
      char *end = NULL;
      long w = strtol(v, &end, 10);
      if (!*v || *end || w < 0 || w > 365) {
        ret = usage_error("--window wants a number of days from 0 to 365, "
                          "not '%s'",
                          v);
        goto done;
      }
      o.window = (int)w;
    } else if (strcmp(a, "--version") == 0) {
      printf("dyad %s\n", dyad_version());
      goto done;
    } else if ((v = dyad_cli_opt_value(argc, argv, &i, "--dict", &missing))) {
      if (!strvec_push(&dicts, v))
        goto nomem;
    } else if (!ingest &&
               (v = dyad_cli_opt_value(argc, argv, &i, "--format", &missing))) {
      if (dyad_output_format_parse(v, &o.ofmt) != DYAD_OK) {
        ret = usage_error("unknown output format '%s' (tsv or jsonl)", v);
        goto done;
      }
    } else if ((v = dyad_cli_opt_value(argc, argv, &i, "--ontology",
                                       &missing))) {
      if (dyad_ontology_parse(v, &o.ontology) != DYAD_OK) {
        ret = usage_error("unknown ontology '%s' (both, cameo or plover)", v);
        goto done;
      }
    } else if ((v = dyad_cli_opt_value(argc, argv, &i, "--gazetteer",
                                       &missing))) {
      o.gazetteer = v;
    } else if (strcmp(a, "--no-enrich") == 0) {
      o.coder.no_enrich = true;
    } else if ((v = dyad_cli_opt_value(argc, argv, &i, "--input-format",
                                       &missing))) {
      if (dyad_input_format_parse(v, &o.ifmt) != DYAD_OK) {
        ret = usage_error("unknown input format '%s' (auto, text, jsonl, "
                          "petrarch-xml or tabari)",
                          v);
        goto done;
      }
    } else if ((v = dyad_cli_opt_value(argc, argv, &i, "--default-date",
                                       &missing))) {
      o.coder.default_date = dyad_cli_parse_date(v);
      if (!o.coder.default_date) {
        ret = usage_error("bad --default-date '%s' (YYYY-MM-DD)", v);
        goto done;
      }
    } else if ((v = dyad_cli_opt_value(argc, argv, &i, "--profile",
                                       &missing))) {
      if (strcmp(v, "dyad") == 0) {
        o.coder.profile = DYAD_PROFILE_DYAD;
      } else if (strcmp(v, "tabari") == 0) {
        o.coder.profile = DYAD_PROFILE_TABARI;
      } else {
        ret = usage_error("unknown profile '%s' (dyad or tabari)", v);
        goto done;
      }
    } else if (strcmp(a, "--keep-hedged") == 0) {
      o.coder.keep_hedged = true;
    } else if ((v = dyad_cli_opt_value(argc, argv, &i, "--report", &missing))) {
      o.report = v;
    } else if (!ingest && strcmp(a, "--explain") == 0) {
      o.coder.explain = true;
    } else if (ingest &&
               (strcmp(a, "--explain") == 0 || strcmp(a, "--format") == 0 ||
                strncmp(a, "--format=", 9) == 0)) {
      ret = usage_error("%s is an option of dyad code, not of dyad ingest", a);
      goto done;
    } else if (strcmp(a, "--strict") == 0) {
      o.strict = true;
    } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
      o.quiet = true;
    } else if (strncmp(a, "-j", 2) == 0 || strncmp(a, "--jobs", 6) == 0) {
      const char *n = NULL;
      if (strcmp(a, "-j") == 0 || strcmp(a, "--jobs") == 0)
        n = i + 1 < argc ? argv[++i] : NULL;
      else if (a[1] == 'j')
        n = a + 2;
      else if (a[6] == '=')
        n = a + 7;
      char *end = NULL;
      long j = n ? strtol(n, &end, 10) : 0;
      if (!n || !*n || *end || j < 1 || j > MAX_JOBS) {
        ret = usage_error("-j wants a number of threads from 1 to 256, not "
                          "'%s'",
                          n ? n : "");
        goto done;
      }
      o.jobs = (int)j;
    } else {
      ret = usage_error(
          missing ? "option %s needs a value" : "unknown option '%s'", a);
      goto done;
    }
    if (missing) {
      ret = usage_error("option %s needs a value", a);
      goto done;
    }
  }
  if (ingest && !o.db) {
    ret = usage_error("%s", "dyad ingest needs --db FILE");
    goto done;
  }
  if (args.n == 0) {
    if (isatty(STDIN_FILENO)) {
      ret = usage_error("%s", "no input: give files, directories or - for "
                              "standard input");
      goto done;
    }
    if (!strvec_push(&args, "-"))
      goto nomem;
  }
  /* inputs: directories expanded in path order */
  for (size_t i = 0; i < args.n; i++) {
    struct stat st;
    if (strcmp(args.v[i], "-") != 0 && stat(args.v[i], &st) == 0 &&
        S_ISDIR(st.st_mode)) {
      if (!walk(args.v[i], &files))
        ret = 3;
    } else if (!strvec_push(&files, args.v[i])) {
      goto nomem;
    }
  }
  o.inputs = files.v;
  o.ninputs = files.n;
  /* dictionaries */
  const char *def = dyad_default_dict();
  o.dicts = dicts.n ? (const char **)dicts.v : &def;
  o.ndicts = dicts.n ? dicts.n : 1;
  dyad_lexicon_options lo;
  memset(&lo, 0, sizeof lo);
  lo.strict = o.strict;
  lo.gazetteer = o.gazetteer;
  struct run R;
  memset(&R, 0, sizeof R);
  R.o = &o;
  dyad_error err;
  memset(&err, 0, sizeof err);
  dyad_status st = dyad_lexicon_load(o.dicts, o.ndicts, &lo, &R.lex, &err);
  if (st != DYAD_OK) {
    char buf[1024];
    fprintf(stderr, "dyad: %s\n", dyad_error_format(&err, buf, sizeof buf));
    ret = st == DYAD_ERR_NOMEM ? 3 : st == DYAD_ERR_ARG ? 2 : 3;
    goto done;
  }
  print_dict_diags(R.lex);
  if (o.report && !(R.report = report_open(o.report))) {
    fprintf(stderr, "dyad: %s: cannot write the report: %s\n", o.report,
            strerror(errno));
    dyad_lexicon_free(R.lex);
    ret = 3;
    goto done;
  }
  if (ingest) {
    dyad_store_options so;
    memset(&so, 0, sizeof so);
    so.window_days = o.window;
    so.load_seen = true;
    if (dyad_store_open(o.db, &so, &R.store, &err) != DYAD_OK) {
      char buf[1024];
      fprintf(stderr, "dyad: %s\n", dyad_error_format(&err, buf, sizeof buf));
      ret = err.code == DYAD_ERR_ARG ? 2 : 3;
      dyad_lexicon_free(R.lex);
      (void)report_close(R.report);
      goto done;
    }
    R.prog.on = isatty(STDERR_FILENO) && !o.quiet;
    R.prog.start = R.prog.last = now_s();
    R.prog.total = input_bytes(&o);
  } else {
    static char obuf[1 << 20];
    setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
    if (dyad_sink_new(o.ofmt, dyad_write_stdio, stdout, &R.sink) != DYAD_OK) {
      dyad_lexicon_free(R.lex);
      (void)report_close(R.report);
      goto nomem;
    }
  }
  if (R.sink)
    (void)dyad_sink_set_ontology(R.sink, o.ontology);
  /* ingest always runs the pipeline: the writer thread stores while the
   * coders code */
  if (o.jobs > 1 || ingest)
    run_parallel(&R);
  else
    run_serial(&R);
  progress(&R, true);
  if (!ingest && !R.stats.out_failed &&
      (dyad_sink_finish(R.sink) != DYAD_OK || fflush(stdout) != 0)) {
    fprintf(stderr, "dyad: write error: %s\n", strerror(errno));
    R.stats.sys_error = true;
  }
  if (!report_close(R.report) || R.report_failed) {
    fprintf(stderr, "dyad: %s: write error: %s\n", o.report, strerror(errno));
    R.stats.sys_error = true;
  }
  if (!o.quiet) {
    print_summary(&R.stats);
    if (ingest)
      print_store_summary(&R);
  }
  dyad_sink_free(R.sink);
  dyad_store_free(R.store);
  free(R.stored.v);
  dyad_lexicon_free(R.lex);
  if (R.stats.sys_error || ret == 3)
    ret = 3;
  else if (R.stats.rejected)
    ret = 1;
  goto done;
nomem:
  fputs("dyad: out of memory\n", stderr);
  ret = 3;
done:
  strvec_free(&dicts);
  strvec_free(&args);
  strvec_free(&files);
  return ret;
}

int dyad_cmd_code(int argc, char **argv) {
  return run_code(argc, argv, false);
}

int dyad_cmd_ingest(int argc, char **argv) {
  return run_code(argc, argv, true);
}

/* ---- dispatch ------------------------------------------------------------ */

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "code") == 0)
    return dyad_cmd_code(argc - 1, argv + 1);
  if (strcmp(cmd, "validate") == 0)
    return dyad_cmd_validate(argc - 1, argv + 1);
  if (strcmp(cmd, "dict") == 0)
    return dyad_cmd_dict(argc - 1, argv + 1);
  if (strcmp(cmd, "ingest") == 0)
    return dyad_cmd_ingest(argc - 1, argv + 1);
  if (strcmp(cmd, "query") == 0)
    return dyad_cmd_query(argc - 1, argv + 1);
  if (strcmp(cmd, "series") == 0)
    return dyad_cmd_series(argc - 1, argv + 1);
  if (strcmp(cmd, "export") == 0)
    return dyad_cmd_export(argc - 1, argv + 1);
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 ||
      strcmp(cmd, "help") == 0) {
    usage(stdout);
    return 0;
  }
  if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
    printf("dyad %s\n", dyad_version());
    return 0;
  }
  fprintf(stderr, "dyad: unknown command '%s'\nTry 'dyad --help'.\n", cmd);
  return 2;
}
