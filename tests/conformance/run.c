/*
 * run.c - the conformance runner: codes every case of tests/conformance/
 * *.txt through the library (include/dyad.h only) and through the `dyad`
 * CLI, and compares the events (or the error) with what the case expects.
 *
 * Case files (format in tests/conformance/README.md):
 *
 *   === case-id: what the case pins
 *   dict: fixture                  fixture | bundled | inline file | path
 *   date: 2023-07-01               story date (absent: no date)
 *   options: keep-hedged           keep-hedged strict profile-tabari escapes
 *   --- text
 *   Mali decided to end cooperation with France.
 *   --- events
 *   MLI	FRA	161                    source TAB target TAB code [TAB
 * modality]
 *
 * "---" stands for an absent actor. An empty events block expects no event.
 * `--- error` holds the expected message "[file:]line[:col]: message",
 * matched against the end of the formatted error. `--- file NAME` blocks
 * are written to a temporary directory and may be named by `dict:`.
 *
 * Usage: conformance [--cli DYAD] [--known LIST] [-v] FILE...
 * Cases whose id is in LIST (default tests/conformance/known-failures.list)
 * are reported as known failures and do not fail the run. Exit status 0
 * when every other case passes, 1 otherwise, 2 on a usage or I/O error.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dyad.h"

#define FIXTURE "tests/data/conformance/conf.ini"
#define MAX_FILES 8
#define MAX_ROWS 64

struct row {
  char src[64], tgt[64], code[16], mod[16]; /* mod "" = not checked */
  bool used;
};

struct tcase {
  char id[128];
  const char *file;
  unsigned line;      /* line of "===" */
  unsigned text_line; /* first line of the text block */
  char dict[512];
  int date;
  bool keep_hedged, strict, tabari, escapes;
  char *text;
  size_t text_len;
  bool has_events, has_error;
  struct row want[MAX_ROWS];
  size_t nwant;
  char error[512];
  struct {
    char name[64];
    char *data;
    size_t len;
  } files[MAX_FILES];
  size_t nfiles;
};

struct known {
  char **ids;
  size_t n;
};

static int verbose;
static char tmpdir[256];

/* ---- small helpers ------------------------------------------------------ */

static char *xstrndup(const char *s, size_t n) {
  char *p = malloc(n + 1);
  if (!p) {
    fprintf(stderr, "conformance: out of memory\n");
    exit(2);
  }
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    n += fread(buf + n, 1, cap - n - 1, f);
    if (n < cap - 1)
      break;
    char *nb = realloc(buf, cap * 2);
    if (!nb) {
      free(buf);
      buf = NULL;
      break;
    }
    buf = nb;
    cap *= 2;
  }
  fclose(f);
  if (buf) {
    buf[n] = '\0';
    *len = n;
  }
  return buf;
}

static bool write_file(const char *path, const char *data, size_t len) {
  FILE *f = fopen(path, "wb");
  if (!f)
    return false;
  bool ok = fwrite(data, 1, len, f) == len;
  return fclose(f) == 0 && ok;
}

static bool starts(const char *s, const char *p) {
  return strncmp(s, p, strlen(p)) == 0;
}

/* "YYYY-MM-DD" -> YYYYMMDD, 0 when malformed. */
static int parse_date(const char *s) {
  int y, m, d;
  char extra;
  if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3)
    return 0;
  return y * 10000 + m * 100 + d;
}

/* Decodes \xNN, \n, \t and \\ in place; returns the new length. */
static size_t unescape(char *s, size_t n) {
  size_t o = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '\\' && i + 1 < n) {
      char c = s[i + 1];
      if (c == 'x' && i + 3 < n) {
        char hex[3] = {s[i + 2], s[i + 3], 0};
        s[o++] = (char)strtol(hex, NULL, 16);
        i += 3;
        continue;
      }
      if (c == 'n' || c == 't' || c == '\\') {
        s[o++] = c == 'n' ? '\n' : c == 't' ? '\t' : '\\';
        i++;
        continue;
      }
    }
    s[o++] = s[i];
  }
  return o;
}

/* "---" and "-" are the absent actor. */
static const char *actor(const char *s) {
  return strcmp(s, "---") == 0 || strcmp(s, "-") == 0 ? "" : s;
}

/* ---- case files ------------------------------------------------------- */

static void case_free(struct tcase *c) {
  free(c->text);
  for (size_t i = 0; i < c->nfiles; i++)
    free(c->files[i].data);
  memset(c, 0, sizeof *c);
}

/* A line of a case file: [s, s+n) without its newline. */
struct line {
  const char *s;
  size_t n;
  unsigned no;
};

static bool next_line(const char **p, const char *end, unsigned *no,
                      struct line *l) {
  if (*p >= end)
    return false;
  const char *nl = memchr(*p, '\n', (size_t)(end - *p));
  l->s = *p;
  l->n = nl ? (size_t)(nl - *p) : (size_t)(end - *p);
  l->no = ++*no;
  *p = nl ? nl + 1 : end;
  return true;
}

static int parse_error(const char *file, unsigned line, const char *msg) {
  fprintf(stderr, "%s:%u: %s\n", file, line, msg);
  return -1;
}

static int add_row(struct tcase *c, const char *s, size_t n, const char *file,
                   unsigned no) {
  char buf[256];
  if (n >= sizeof buf || c->nwant >= MAX_ROWS)
    return parse_error(file, no, "event row too long or too many rows");
  memcpy(buf, s, n);
  buf[n] = '\0';
  char *f[4] = {0};
  int k = 0;
  char *q = buf;
  while (k < 4) {
    f[k++] = q;
    char *tab = strchr(q, '\t');
    if (!tab)
      break;
    *tab = '\0';
    q = tab + 1;
  }
  if (k < 3)
    return parse_error(file, no, "event row needs source<TAB>target<TAB>code");
  struct row *r = &c->want[c->nwant++];
  memset(r, 0, sizeof *r);
  snprintf(r->src, sizeof r->src, "%s", actor(f[0]));
  snprintf(r->tgt, sizeof r->tgt, "%s", actor(f[1]));
  snprintf(r->code, sizeof r->code, "%s", f[2]);
  if (k == 4)
    snprintf(r->mod, sizeof r->mod, "%s", f[3]);
  return 0;
}

enum block { B_NONE, B_TEXT, B_EVENTS, B_ERROR, B_FILE };

/* "--- text", "--- events", "--- error" or "--- file NAME": inside a text
 * or file block any other "--- " line is content (PETRARCH verb blocks). */
static bool is_block_marker(const char *s, size_t n) {
  static const char *const names[] = {"--- text", "--- events", "--- error"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (n == strlen(names[i]) && memcmp(s, names[i], n) == 0)
      return true;
  return n > 9 && memcmp(s, "--- file ", 9) == 0 && !memchr(s + 9, ' ', n - 9);
}

/*
 * Parses the case file `path` (contents `buf`) into `cases`; returns the
 * number of cases or -1 on a malformed file (message printed).
 */
static int parse_cases(const char *path, const char *buf, size_t len,
                       struct tcase **out) {
  size_t cap = 16, n = 0;
  struct tcase *cs = calloc(cap, sizeof *cs);
  const char *p = buf, *end = buf + len;
  unsigned no = 0;
  struct line l;
  struct tcase *c = NULL;
  enum block blk = B_NONE;
  const char *bstart = NULL; /* start of the current text/file block */
  const char *bend = NULL;
  size_t fidx = 0;

#define PFAIL(line, msg)                                                       \
  do {                                                                         \
    parse_error(path, line, msg);                                              \
    goto fail;                                                                 \
  } while (0)

#define CLOSE_BLOCK()                                                          \
  do {                                                                         \
    if (c && (blk == B_TEXT || blk == B_FILE)) {                               \
      const char *e_ = bend ? bend : bstart;                                   \
      size_t n_ = bstart ? (size_t)(e_ - bstart) : 0;                          \
      while (n_ > 0 && bstart[n_ - 1] == '\n')                                 \
        n_--;                                                                  \
      if (blk == B_TEXT) {                                                     \
        c->text = xstrndup(bstart ? bstart : "", n_);                          \
        c->text_len = n_;                                                      \
      } else {                                                                 \
        c->files[fidx].data = xstrndup(bstart ? bstart : "", n_);              \
        c->files[fidx].len = n_;                                               \
        /* a dictionary file ends with a newline */                            \
        if (n_ > 0) {                                                          \
          char *d_ = realloc(c->files[fidx].data, n_ + 2);                     \
          if (d_) {                                                            \
            d_[n_] = '\n';                                                     \
            d_[n_ + 1] = '\0';                                                 \
            c->files[fidx].data = d_;                                          \
            c->files[fidx].len = n_ + 1;                                       \
          }                                                                    \
        }                                                                      \
      }                                                                        \
    }                                                                          \
    blk = B_NONE;                                                              \
    bstart = bend = NULL;                                                      \
  } while (0)

  while (cs && next_line(&p, end, &no, &l)) {
    if (l.n >= 4 && starts(l.s, "=== ")) {
      CLOSE_BLOCK();
      if (n == cap) {
        struct tcase *nc = realloc(cs, cap * 2 * sizeof *cs);
        if (!nc)
          break;
        memset(nc + cap, 0, cap * sizeof *cs);
        cs = nc;
        cap *= 2;
      }
      c = &cs[n++];
      const char *id = l.s + 4;
      size_t idn = l.n - 4;
      const char *colon = memchr(id, ':', idn);
      if (colon)
        idn = (size_t)(colon - id);
      while (idn > 0 && id[idn - 1] == ' ')
        idn--;
      if (idn == 0 || idn >= sizeof c->id)
        PFAIL(l.no, "case id missing or too long");
      memcpy(c->id, id, idn);
      c->file = path;
      c->line = l.no;
      snprintf(c->dict, sizeof c->dict, "fixture");
      continue;
    }
    if (l.n >= 4 && starts(l.s, "--- ") &&
        ((blk != B_TEXT && blk != B_FILE) || is_block_marker(l.s, l.n))) {
      if (!c)
        PFAIL(l.no, "block outside a case");
      CLOSE_BLOCK();
      const char *what = l.s + 4;
      size_t wn = l.n - 4;
      if (wn == 4 && memcmp(what, "text", 4) == 0) {
        blk = B_TEXT;
        c->text_line = l.no + 1;
        bstart = p;
      } else if (wn == 6 && memcmp(what, "events", 6) == 0) {
        blk = B_EVENTS;
        c->has_events = true;
      } else if (wn == 5 && memcmp(what, "error", 5) == 0) {
        blk = B_ERROR;
        c->has_error = true;
      } else if (wn > 5 && memcmp(what, "file ", 5) == 0) {
        if (c->nfiles >= MAX_FILES || wn - 5 >= sizeof c->files[0].name)
          PFAIL(l.no, "too many files or name too long");
        fidx = c->nfiles++;
        memcpy(c->files[fidx].name, what + 5, wn - 5);
        c->files[fidx].name[wn - 5] = '\0';
        blk = B_FILE;
        bstart = p;
      } else {
        PFAIL(l.no, "unknown block (text, events, error, file NAME)");
      }
      continue;
    }
    if (blk == B_TEXT || blk == B_FILE) {
      bend = p;
      continue;
    }
    if (l.n == 0 || l.s[0] == '#')
      continue;
    if (!c)
      PFAIL(l.no, "text before the first case");
    if (blk == B_EVENTS) {
      if (add_row(c, l.s, l.n, path, l.no))
        goto fail;
      continue;
    }
    if (blk == B_ERROR) {
      if (c->error[0])
        PFAIL(l.no, "an error block holds one line");
      snprintf(c->error, sizeof c->error, "%.*s", (int)l.n, l.s);
      continue;
    }
    /* header "key: value" */
    const char *colon = memchr(l.s, ':', l.n);
    if (!colon)
      PFAIL(l.no, "expected \"key: value\" or a block");
    size_t kn = (size_t)(colon - l.s);
    const char *v = colon + 1;
    size_t vn = l.n - kn - 1;
    while (vn > 0 && *v == ' ') {
      v++;
      vn--;
    }
    char val[512];
    snprintf(val, sizeof val, "%.*s", (int)vn, v);
    if (kn == 4 && memcmp(l.s, "dict", 4) == 0) {
      snprintf(c->dict, sizeof c->dict, "%s", val);
    } else if (kn == 4 && memcmp(l.s, "date", 4) == 0) {
      c->date = parse_date(val);
      if (!c->date)
        PFAIL(l.no, "date is YYYY-MM-DD");
    } else if (kn == 7 && memcmp(l.s, "options", 7) == 0) {
      char *save = NULL;
      for (char *t = strtok_r(val, " ,", &save); t;
           t = strtok_r(NULL, " ,", &save)) {
        if (strcmp(t, "keep-hedged") == 0)
          c->keep_hedged = true;
        else if (strcmp(t, "strict") == 0)
          c->strict = true;
        else if (strcmp(t, "profile-tabari") == 0)
          c->tabari = true;
        else if (strcmp(t, "escapes") == 0)
          c->escapes = true;
        else
          PFAIL(l.no, "unknown option");
      }
    } else {
      PFAIL(l.no, "unknown key (dict, date, options)");
    }
  }
  CLOSE_BLOCK();
#undef CLOSE_BLOCK
  if (!cs)
    PFAIL(no, "out of memory");
  for (size_t i = 0; i < n; i++) {
    if (!cs[i].text)
      PFAIL(cs[i].line, "case without a text block");
    if (cs[i].has_events == cs[i].has_error)
      PFAIL(cs[i].line, "a case has either an events or an error block");
    if (cs[i].escapes)
      cs[i].text_len = unescape(cs[i].text, cs[i].text_len);
  }
  *out = cs;
  return (int)n;
fail:
  for (size_t i = 0; cs && i < n; i++)
    case_free(&cs[i]);
  free(cs);
  *out = NULL;
  return -1;
#undef PFAIL
}

/* ---- dictionaries ------------------------------------------------------- */

/* Lexicons shared by cases: the fixture and the bundled set, loaded once. */
struct shared_lex {
  const char *key;
  dyad_lexicon *lex;
  bool tried;
};
static struct shared_lex shared_fixture = {"fixture", NULL, false};
static struct shared_lex shared_bundled = {"bundled", NULL, false};

/* The dictionary paths of case `c`: fills `paths` (files under tmpdir for
 * inline files, which are written here); returns the count. */
static size_t case_paths(const struct tcase *c, char paths[][512], size_t max) {
  char buf[512];
  size_t n = 0;
  snprintf(buf, sizeof buf, "%s", c->dict);
  char *save = NULL;
  for (char *t = strtok_r(buf, " ", &save); t && n < max;
       t = strtok_r(NULL, " ", &save)) {
    bool inline_file = false;
    for (size_t i = 0; i < c->nfiles; i++) {
      if (strcmp(t, c->files[i].name) == 0) {
        snprintf(paths[n], 512, "%s/%s", tmpdir, t);
        if (!write_file(paths[n], c->files[i].data, c->files[i].len))
          fprintf(stderr, "conformance: cannot write %s\n", paths[n]);
        inline_file = true;
      }
    }
    if (inline_file)
      n++;
    else if (strcmp(t, "fixture") == 0)
      snprintf(paths[n++], 512, "%s", FIXTURE);
    else if (strcmp(t, "bundled") == 0)
      snprintf(paths[n++], 512, "%s", dyad_default_dict());
    else
      snprintf(paths[n++], 512, "%s", t);
  }
  return n;
}

/* ---- running a case ----------------------------------------------------- */

struct got {
  struct row rows[MAX_ROWS];
  size_t n;
  bool overflow;
  char error[1024];  /* formatted error, "" if none */
  char *stderr_text; /* CLI: all of standard error (malloc'd) */
  int rc;            /* CLI exit status */
};

static void got_add(struct got *g, const char *s, const char *t,
                    const char *code, const char *mod) {
  if (g->n >= MAX_ROWS) {
    g->overflow = true;
    return;
  }
  struct row *r = &g->rows[g->n++];
  memset(r, 0, sizeof *r);
  snprintf(r->src, sizeof r->src, "%s", s);
  snprintf(r->tgt, sizeof r->tgt, "%s", t);
  snprintf(r->code, sizeof r->code, "%s", code);
  snprintf(r->mod, sizeof r->mod, "%s", mod);
}

/* Runs `c` through the library into `g`. */
static void run_lib(const struct tcase *c, struct got *g) {
  char paths[MAX_FILES][512];
  const char *pp[MAX_FILES];
  size_t np = case_paths(c, paths, MAX_FILES);
  for (size_t i = 0; i < np; i++)
    pp[i] = paths[i];
  dyad_error err;
  memset(&err, 0, sizeof err);
  memset(g, 0, sizeof *g);
  dyad_lexicon *lex = NULL, *own = NULL;
  struct shared_lex *sh = NULL;
  if (!c->strict && np == 1 && strcmp(c->dict, "fixture") == 0)
    sh = &shared_fixture;
  else if (!c->strict && np == 1 && strcmp(c->dict, "bundled") == 0)
    sh = &shared_bundled;
  dyad_lexicon_options lo;
  memset(&lo, 0, sizeof lo);
  lo.strict = c->strict;
  if (sh && sh->tried) {
    lex = sh->lex;
  } else {
    dyad_status st = dyad_lexicon_load(pp, np, &lo, &lex, &err);
    if (sh) {
      sh->tried = true;
      sh->lex = lex;
    } else {
      own = lex;
    }
    if (st != DYAD_OK) {
      dyad_error_format(&err, g->error, sizeof g->error);
      return;
    }
  }
  if (!lex) {
    snprintf(g->error, sizeof g->error, "dictionaries %s failed to load",
             c->dict);
    return;
  }
  dyad_coder_options co;
  memset(&co, 0, sizeof co);
  co.keep_hedged = c->keep_hedged;
  co.profile = c->tabari ? DYAD_PROFILE_TABARI : DYAD_PROFILE_DYAD;
  dyad_coder *coder = NULL;
  dyad_doc *doc = NULL;
  if (dyad_coder_new(lex, &co, &coder) != DYAD_OK ||
      dyad_doc_new(&doc) != DYAD_OK) {
    snprintf(g->error, sizeof g->error, "out of memory");
    goto done;
  }
  dyad_story story;
  memset(&story, 0, sizeof story);
  story.id = c->id;
  story.id_len = strlen(c->id);
  story.date = c->date;
  story.text = c->text;
  story.text_len = c->text_len;
  dyad_status st = dyad_doc_set(doc, &story);
  if (st == DYAD_OK)
    st = dyad_code(coder, doc, &err);
  if (st != DYAD_OK) {
    if (!err.message[0])
      snprintf(err.message, sizeof err.message, "%s", dyad_status_str(st));
    dyad_error_format(&err, g->error, sizeof g->error);
  }
  for (size_t i = 0; i < dyad_doc_event_count(doc); i++) {
    const dyad_event *ev = dyad_doc_event(doc, i);
    got_add(g, dyad_event_source(ev), dyad_event_target(ev),
            dyad_event_code(ev), dyad_modality_str(dyad_event_modality(ev)));
  }
done:
  dyad_doc_free(doc);
  dyad_coder_free(coder);
  dyad_lexicon_free(own);
}

/* Runs `c` through the CLI `dyad` into `g`: the text as a plain-text input
 * file, TSV out. */
static void run_cli(const char *dyad, const struct tcase *c, struct got *g) {
  char paths[MAX_FILES][512];
  size_t np = case_paths(c, paths, MAX_FILES);
  char input[300], outp[300], errp[300], date[16];
  memset(g, 0, sizeof *g);
  snprintf(input, sizeof input, "%s/story.txt", tmpdir);
  snprintf(outp, sizeof outp, "%s/out.tsv", tmpdir);
  snprintf(errp, sizeof errp, "%s/err.txt", tmpdir);
  if (!write_file(input, c->text, c->text_len)) {
    snprintf(g->error, sizeof g->error, "cannot write %s", input);
    g->rc = -1;
    return;
  }
  const char *argv[40];
  int a = 0;
  argv[a++] = dyad;
  argv[a++] = "code";
  argv[a++] = "-q";
  argv[a++] = "--input-format";
  argv[a++] = "text";
  for (size_t i = 0; i < np; i++) {
    if (strcmp(c->dict, "bundled") == 0)
      break; /* the CLI's default is the bundled set */
    argv[a++] = "--dict";
    argv[a++] = paths[i];
  }
  if (c->date) {
    snprintf(date, sizeof date, "%04d-%02d-%02d", c->date / 10000,
             c->date / 100 % 100, c->date % 100);
    argv[a++] = "--default-date";
    argv[a++] = date;
  }
  if (c->keep_hedged)
    argv[a++] = "--keep-hedged";
  if (c->strict)
    argv[a++] = "--strict";
  if (c->tabari) {
    argv[a++] = "--profile";
    argv[a++] = "tabari";
  }
  argv[a++] = input;
  argv[a] = NULL;
  fflush(NULL);
  pid_t pid = fork();
  if (pid == 0) {
    int o = open(outp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int e = open(errp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (o < 0 || e < 0)
      _exit(126);
    dup2(o, 1);
    dup2(e, 2);
    execv(dyad, (char *const *)argv);
    _exit(127);
  }
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) < 0) {
    snprintf(g->error, sizeof g->error, "cannot run %s", dyad);
    g->rc = -1;
    return;
  }
  g->rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  size_t len = 0;
  char *out = slurp(outp, &len);
  char *errs = slurp(errp, &len);
  /* columns are found by name in the header line */
  int col_src = 3, col_tgt = 4, col_code = 5, col_mod = 12;
  char *save = NULL;
  for (char *ln = out ? strtok_r(out, "\n", &save) : NULL; ln;
       ln = strtok_r(NULL, "\n", &save)) {
    if (ln[0] == '#')
      continue;
    char *f[64] = {0};
    int k = 0;
    for (char *q = ln; k < 64;) {
      f[k++] = q;
      char *tab = strchr(q, '\t');
      if (!tab)
        break;
      *tab = '\0';
      q = tab + 1;
    }
    if (strcmp(f[0], "story_id") == 0) {
      for (int x = 0; x < k; x++) {
        if (strcmp(f[x], "source") == 0)
          col_src = x;
        else if (strcmp(f[x], "target") == 0)
          col_tgt = x;
        else if (strcmp(f[x], "code") == 0)
          col_code = x;
        else if (strcmp(f[x], "modality") == 0)
          col_mod = x;
      }
      continue;
    }
    if (k > col_src && k > col_tgt && k > col_code && k > col_mod)
      got_add(g, f[col_src], f[col_tgt], f[col_code], f[col_mod]);
  }
  /* the first line of standard error; all of it is kept for matching */
  if (errs) {
    size_t n1 = strcspn(errs, "\n");
    snprintf(g->error, sizeof g->error, "%.*s", (int)n1, errs);
    g->stderr_text = errs;
    errs = NULL;
  }
  free(out);
  free(errs);
}

/* True when `got` ends with `want` at a path or field boundary. */
static bool error_matches(const char *got, const char *want) {
  size_t g = strlen(got), w = strlen(want);
  if (w == 0 || w > g || strcmp(got + g - w, want) != 0)
    return false;
  return g == w || got[g - w - 1] == '/' || got[g - w - 1] == ':' ||
         got[g - w - 1] == ' ';
}

static void print_rows(const char *label, const struct row *r, size_t n) {
  fprintf(stderr, "    %s:", label);
  if (n == 0)
    fprintf(stderr, " (no events)");
  for (size_t i = 0; i < n; i++)
    fprintf(stderr, "%s %s %s %s%s%s", i ? ";" : "",
            r[i].src[0] ? r[i].src : "---", r[i].tgt[0] ? r[i].tgt : "---",
            r[i].code, r[i].mod[0] ? " " : "", r[i].mod);
  fputc('\n', stderr);
}

/* Compares; returns true on a pass. Prints why not when `say`. */
static bool compare(const struct tcase *c, struct got *g, const char *how,
                    bool say) {
  if (c->has_error) {
    bool ok = g->error[0] && error_matches(g->error, c->error);
    /* else any line of the CLI's standard error, after "dyad: " */
    for (const char *ln = g->stderr_text; !ok && ln && *ln;) {
      size_t n = strcspn(ln, "\n");
      char one[1024];
      snprintf(one, sizeof one, "%.*s", (int)n, ln);
      const char *m = starts(one, "dyad: ") ? one + 6 : one;
      /* the CLI names the story of a story error: "... (story ID)" */
      char *sfx = strstr(one, " (story ");
      if (sfx && one[strlen(one) - 1] == ')' && !error_matches(m, c->error))
        *sfx = '\0';
      if (error_matches(m, c->error)) {
        ok = true;
        snprintf(g->error, sizeof g->error, "%s", m);
      }
      ln += n + (ln[n] == '\n');
    }
    if (ok && strcmp(how, "cli") == 0 && g->rc == 0)
      ok = false;
    if (!ok && say) {
      fprintf(stderr, "    expected error: %s\n", c->error);
      fprintf(stderr, "    got (%s): %s%s\n", how,
              g->error[0] ? g->error : "no error", "");
      print_rows("events", g->rows, g->n);
    }
    return ok;
  }
  bool cli = strcmp(how, "cli") == 0;
  /* the CLI's standard error may hold diagnostics: its exit status says */
  bool ok = (cli ? g->rc == 0 : !g->error[0]) && !g->overflow;
  struct row want[MAX_ROWS];
  memcpy(want, c->want, sizeof want);
  for (size_t i = 0; i < g->n; i++)
    g->rows[i].used = false;
  for (size_t i = 0; i < c->nwant && ok; i++) {
    bool found = false;
    for (size_t j = 0; j < g->n && !found; j++) {
      struct row *r = &g->rows[j];
      if (r->used || strcmp(r->src, want[i].src) ||
          strcmp(r->tgt, want[i].tgt) || strcmp(r->code, want[i].code) ||
          (want[i].mod[0] && strcmp(r->mod, want[i].mod)))
        continue;
      r->used = found = true;
    }
    if (!found)
      ok = false;
  }
  if (ok && g->n != c->nwant)
    ok = false;
  if (!ok && say) {
    print_rows("expected", c->want, c->nwant);
    print_rows(how, g->rows, g->n);
    if (g->error[0])
      fprintf(stderr, "    error (%s): %s\n", how, g->error);
    if (cli && g->rc != 0)
      fprintf(stderr, "    exit status (cli): %d\n", g->rc);
  }
  return ok;
}

/* ---- known failures ------------------------------------------------------ */

static void load_known(const char *path, struct known *k) {
  size_t len;
  char *buf = slurp(path, &len);
  k->ids = NULL;
  k->n = 0;
  if (!buf)
    return;
  size_t cap = 0;
  char *save = NULL;
  for (char *ln = strtok_r(buf, "\n", &save); ln;
       ln = strtok_r(NULL, "\n", &save)) {
    while (*ln == ' ' || *ln == '\t')
      ln++;
    if (!*ln || *ln == '#')
      continue;
    size_t n = strcspn(ln, " \t#");
    if (k->n == cap) {
      cap = cap ? cap * 2 : 16;
      char **ni = realloc(k->ids, cap * sizeof *ni);
      if (!ni)
        break;
      k->ids = ni;
    }
    k->ids[k->n++] = xstrndup(ln, n);
  }
  free(buf);
}

static bool is_known(const struct known *k, const char *id) {
  for (size_t i = 0; i < k->n; i++)
    if (strcmp(k->ids[i], id) == 0)
      return true;
  return false;
}

/* ---- main -------------------------------------------------------------- */

int main(int argc, char **argv) {
  const char *dyad = NULL;
  const char *known_path = "tests/conformance/known-failures.list";
  int first = 1;
  for (; first < argc; first++) {
    if (strcmp(argv[first], "--cli") == 0 && first + 1 < argc)
      dyad = argv[++first];
    else if (strcmp(argv[first], "--known") == 0 && first + 1 < argc)
      known_path = argv[++first];
    else if (strcmp(argv[first], "-v") == 0)
      verbose = 1;
    else
      break;
  }
  if (first >= argc) {
    fprintf(stderr,
            "usage: conformance [--cli DYAD] [--known LIST] [-v] FILE...\n");
    return 2;
  }
  if (dyad && access(dyad, X_OK) != 0) {
    printf("conformance: no CLI at %s: library only\n", dyad);
    dyad = NULL;
  }
  const char *td = getenv("TMPDIR");
  snprintf(tmpdir, sizeof tmpdir, "%s/dyad-conf-XXXXXX",
           td && *td ? td : "/tmp");
  if (!mkdtemp(tmpdir)) {
    fprintf(stderr, "conformance: mkdtemp: %s\n", strerror(errno));
    return 2;
  }
  struct known known;
  load_known(known_path, &known);

  size_t total = 0, passed = 0, failed = 0, kfail = 0, kpass = 0;
  int rc = 0;
  for (int fi = first; fi < argc; fi++) {
    size_t len;
    char *buf = slurp(argv[fi], &len);
    if (!buf) {
      fprintf(stderr, "conformance: %s: %s\n", argv[fi], strerror(errno));
      rc = 2;
      continue;
    }
    struct tcase *cs = NULL;
    int n = parse_cases(argv[fi], buf, len, &cs);
    if (n < 0) {
      rc = 2;
      free(buf);
      free(cs);
      continue;
    }
    for (int i = 0; i < n; i++) {
      struct tcase *c = &cs[i];
      struct got lib, cli;
      cli.stderr_text = NULL;
      total++;
      run_lib(c, &lib);
      bool ok_lib = compare(c, &lib, "library", false);
      bool ok_cli = true;
      if (dyad) {
        run_cli(dyad, c, &cli);
        ok_cli = compare(c, &cli, "cli", false);
      }
      bool known_fail = is_known(&known, c->id);
      if (ok_lib && ok_cli) {
        free(cli.stderr_text);
        passed++;
        if (known_fail) {
          kpass++;
          printf("conformance: %s (%s:%u) passes now: remove it from %s\n",
                 c->id, c->file, c->line, known_path);
        } else if (verbose) {
          printf("ok %s\n", c->id);
        }
        continue;
      }
      if (known_fail) {
        kfail++;
        if (verbose) {
          printf("KNOWN FAILURE %s (%s:%u, text at line %u)\n", c->id, c->file,
                 c->line, c->text_line);
          if (!ok_lib)
            compare(c, &lib, "library", true);
          else
            compare(c, &cli, "cli", true);
        }
        free(cli.stderr_text);
        continue;
      }
      failed++;
      fprintf(stderr, "FAIL %s (%s:%u, text at line %u)%s%s\n", c->id, c->file,
              c->line, c->text_line, ok_lib ? "" : " [library]",
              ok_cli ? "" : " [cli]");
      if (!ok_lib)
        compare(c, &lib, "library", true);
      if (!ok_cli)
        compare(c, &cli, "cli", true);
      free(cli.stderr_text);
    }
    for (int i = 0; i < n; i++) {
      for (size_t j = 0; j < cs[i].nfiles; j++) {
        char p[600];
        snprintf(p, sizeof p, "%s/%s", tmpdir, cs[i].files[j].name);
        unlink(p);
      }
      case_free(&cs[i]);
    }
    free(cs);
    free(buf);
  }
  dyad_lexicon_free(shared_fixture.lex);
  dyad_lexicon_free(shared_bundled.lex);
  for (size_t i = 0; i < known.n; i++)
    free(known.ids[i]);
  free(known.ids);
  /* remove the temporary files */
  const char *leftovers[] = {"story.txt", "out.tsv", "err.txt"};
  char p[600];
  for (size_t i = 0; i < sizeof leftovers / sizeof leftovers[0]; i++) {
    snprintf(p, sizeof p, "%s/%s", tmpdir, leftovers[i]);
    unlink(p);
  }
  rmdir(tmpdir);
  printf("conformance: %zu cases, %zu passed, %zu failed, %zu known failures"
         " (library%s)\n",
         total, passed, failed, kfail, dyad ? " and CLI" : " only");
  if (kpass)
    printf("conformance: %zu cases of %s pass now: remove them from it\n",
           kpass, known_path);
  if (failed)
    rc = rc ? rc : 1;
  return rc;
}
