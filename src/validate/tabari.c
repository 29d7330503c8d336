/*
 * tabari.c - TABARI validation projects (TABARI 0.8.4
 * process.cp readProject, readRecord, checkEvents).
 *
 * The .project names the dictionaries (loaded by dyad_lexicon_load) and the
 * <textfile>s; only the first letter of a tag counts, as in TABARI. A text
 * file holds records:
 *
 *   950101  DEMO-01                 date (YYMMDD, or YYYYMMDD with SET: YYYY)
 *   Arnor is about to restore ...   text lines, up to an EMPTY line (a line
 *   (comment) [Simple coding]       of blanks does not end a record)
 *   \n{ ARN / GON / 064 } *\/        expectations in the comment
 *
 * Lines outside records (headers, '#' banners) are skipped until one starts
 * with a digit. The record id is the rest of the date line after the 6 (8)
 * date characters, blanks skipped. The text is the lines joined by blanks
 * with every comment removed. Expectations are read from the comment on, as
 * TABARI's checkEvents does: a record holding "OPTION:" is an options
 * record (each "{ OPTION: command }" applies to the records after it; the
 * closing '}' may be missing); otherwise each "{...}" is an expected event
 * "SRC / TGT / CODE" (blanks ignored, optional date after '}'), "---" (no
 * events), "###" (discard) or "+++" (complex), and "-{" ends checking.
 * Reading stops at the record FINAL-01, TABARI's end of the standard suite.
 */
#include "validate.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define END_MARKER "FINAL-01"

int Dyad_vd_tabari_date(const char *d, bool yyyy) {
  size_t want = yyyy ? 8 : 6, n = 0;
  while (d[n] && isdigit((unsigned char)d[n]))
    n++;
  if (n < want)
    return 0;
  int v = 0;
  for (size_t i = 0; i < want; i++)
    v = v * 10 + (d[i] - '0');
  if (!yyyy) {
    int yy = v / 10000;
    v += (yy <= 30 ? 2000 : 1900) * 10000;
  }
  return Dyad_date_valid(v) ? v : 0;
}

/* A line of the file: s[0..n) without the line end. */
struct line {
  const char *s;
  size_t n;
  unsigned no;
};

static bool next_line(const char *d, size_t len, size_t *pos, unsigned *no,
                      struct line *l) {
  if (*pos >= len)
    return false;
  const char *s = d + *pos;
  const char *nl = memchr(s, '\n', len - *pos);
  size_t n = nl ? (size_t)(nl - s) : len - *pos;
  *pos += n + (nl ? 1 : 0);
  if (n && s[n - 1] == '\r')
    n--;
  l->s = s;
  l->n = n;
  l->no = ++*no;
  return true;
}

static bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* ---- expectations
 * -------------------------------------------------------------- */

/* Reads the expectations of a record from its joined text `t` (n bytes)
 * into `it` (and option items appended after it by the caller). Returns
 * DYAD_ERR_NOMEM or DYAD_OK; `*options` gets the start of the comment when
 * the record is an options record. */
static dyad_status expectations(struct dyad_suite *s, struct vd_item *it,
                                const char *t, size_t n, struct vec *exp,
                                const char **options) {
  *options = NULL;
  const char *e = t + n;
  const char *c = NULL;
  for (const char *p = t; p + 1 < e; p++)
    if (p[0] == '/' && p[1] == '*') {
      c = p;
      break;
    }
  if (!c)
    return DYAD_OK;
  const char *first = memchr(c, '{', (size_t)(e - c));
  if (!first)
    return DYAD_OK;
  for (const char *p = first; p + 7 <= e; p++)
    if (memcmp(p, "OPTION:", 7) == 0) {
      *options = first;
      return DYAD_OK;
    }
  exp->len = 0;
  bool checked = false;
  for (const char *p = first; p && p < e; p = memchr(p, '{', (size_t)(e - p))) {
    bool skip = p > t && p[-1] == '-';
    const char *close = memchr(p, '}', (size_t)(e - p));
    const char *end = close ? close : e;
    if (skip) {
      it->flags |= checked ? VX_PARTIAL : VX_SKIP;
      break;
    }
    /* content without blanks */
    char buf[256];
    size_t k = 0;
    for (const char *q = p + 1; q < end; q++)
      if (!is_blank(*q) && k + 1 < sizeof buf)
        buf[k++] = *q;
    buf[k] = '\0';
    p = close ? close + 1 : e;
    if (!k)
      continue;
    if (!strcmp(buf, "---")) {
      it->flags |= VX_NOEVENTS;
      checked = true;
      continue;
    }
    if (!strcmp(buf, "###")) {
      it->flags |= VX_DISCARD;
      checked = true;
      continue;
    }
    if (!strcmp(buf, "+++")) {
      it->flags |= VX_COMPLEX;
      checked = true;
      continue;
    }
    char *s1 = strchr(buf, '/');
    char *s2 = s1 ? strchr(s1 + 1, '/') : NULL;
    if (!s1 || !s2 || strchr(s2 + 1, '/'))
      continue; /* prose in braces, not a block */
    if (exp->len >= VD_MAX_EVENTS)
      return DYAD_ERR_LIMIT;
    struct vd_exp *x = Dyad_vec_push(exp);
    if (!x)
      return DYAD_ERR_NOMEM;
    x->src = Dyad_vd_norm_actor(s, buf, (size_t)(s1 - buf));
    x->tgt = Dyad_vd_norm_actor(s, s1 + 1, (size_t)(s2 - s1 - 1));
    x->code = Dyad_vd_norm_code(s, s2 + 1, strlen(s2 + 1));
    if (!x->src || !x->tgt || !x->code)
      return DYAD_ERR_NOMEM;
    /* a date after '}' */
    const char *q = p;
    while (q < e && (*q == ' ' || *q == '\t'))
      q++;
    char dig[16];
    size_t nd = 0;
    while (q < e && isdigit((unsigned char)*q) && nd + 1 < sizeof dig)
      dig[nd++] = *q++;
    dig[nd] = '\0';
    if (nd == 6 || nd == 8)
      x->date = Dyad_vd_tabari_date(dig, nd == 8);
    checked = true;
  }
  if (exp->len) {
    it->exp = Dyad_arena_alloc(&s->arena, exp->len * sizeof *it->exp);
    if (!it->exp)
      return DYAD_ERR_NOMEM;
    memcpy(it->exp, exp->data, exp->len * sizeof *it->exp);
    it->nexp = exp->len;
  }
  return DYAD_OK;
}

/* Appends one VI_OPTION item per "OPTION:" in [p, e). `scratch` follows the
 * options while reading so that record dates and ids are read as TABARI
 * would (SET: YYYY). */
static dyad_status option_items(struct dyad_suite *s, const char *file,
                                unsigned line, const char *p, const char *e,
                                struct lex_tabari_opts *scratch) {
  for (; p + 7 <= e; p++) {
    if (memcmp(p, "OPTION:", 7) != 0)
      continue;
    p += 7;
    const char *end = memchr(p, '}', (size_t)(e - p));
    if (!end)
      end = e;
    const char *a = p, *b = end;
    while (a < b && is_blank(*a))
      a++;
    while (b > a && (is_blank(b[-1]) || b[-1] == '/' || b[-1] == '*'))
      b--;
    struct vd_item *it = Dyad_vd_item(s);
    if (!it)
      return DYAD_ERR_NOMEM;
    it->kind = VI_OPTION;
    it->file = file;
    it->line = line;
    it->id = Dyad_vd_text(s, a, (size_t)(b - a));
    it->category = it->datestr = it->text = "";
    if (!it->id)
      return DYAD_ERR_NOMEM;
    s->options++;
    dyad_status st = Dyad_tabari_option_line(s->lex, scratch, it->id,
                                             strlen(it->id), NULL, NULL);
    if (st == DYAD_ERR_NOMEM)
      return st;
    p = end;
  }
  return DYAD_OK;
}

/* Coded text: the joined text with every comment removed. */
static char *strip_comments(struct dyad_suite *s, const char *t, size_t n) {
  char *out = Dyad_arena_alloc(&s->arena, n + 1);
  if (!out)
    return NULL;
  size_t k = 0;
  for (size_t i = 0; i < n;) {
    if (i + 1 < n && t[i] == '/' && t[i + 1] == '*') {
      size_t j = i + 2;
      while (j + 1 < n && !(t[j] == '*' && t[j + 1] == '/'))
        j++;
      i = j + 1 < n ? j + 2 : n;
      out[k++] = ' ';
      continue;
    }
    out[k++] = t[i++];
  }
  out[k] = '\0';
  return out;
}

/* Reads one text file; sets *stop when the end marker was reached. */
static dyad_status read_text(struct dyad_suite *s, const char *path,
                             struct lex_tabari_opts *scratch, bool *stop,
                             dyad_error *err) {
  char *d;
  size_t len;
  TRY(Dyad_vd_slurp(path, &d, &len, err));
  const char *file = Dyad_arena_strndup(&s->arena, path, strlen(path));
  struct buf text;
  struct vec exp;
  Dyad_buf_init(&text, 0);
  Dyad_vec_init(&exp, sizeof(struct vd_exp));
  dyad_status st = file ? DYAD_OK : DYAD_ERR_NOMEM;
  size_t pos = 0;
  unsigned no = 0;
  struct line l;
  bool have = next_line(d, len, &pos, &no, &l);
  while (st == DYAD_OK && have) {
    if (!l.n || !isdigit((unsigned char)l.s[0])) {
      have = next_line(d, len, &pos, &no, &l);
      continue;
    }
    /* the date line */
    size_t dl = scratch->yyyy ? 8 : 6, nd = 0;
    while (nd < l.n && isdigit((unsigned char)l.s[nd]))
      nd++;
    size_t idp = dl < l.n ? dl : l.n;
    while (idp < l.n && is_blank(l.s[idp]))
      idp++;
    unsigned line = l.no;
    size_t ide = l.n;
    while (ide > idp && is_blank(l.s[ide - 1]))
      ide--;
    const char *id = Dyad_vd_text(s, l.s + idp, ide - idp);
    const char *datestr = Dyad_vd_text(s, l.s, nd);
    if (!id || !datestr) {
      st = DYAD_ERR_NOMEM;
      break;
    }
    /* text lines up to an empty line */
    text.len = 0;
    while ((have = next_line(d, len, &pos, &no, &l)) && l.n) {
      st = Dyad_buf_put(&text, l.s, l.n);
      if (st == DYAD_OK && l.s[l.n - 1] != ' ')
        st = Dyad_buf_putc(&text, ' ');
      if (st != DYAD_OK)
        break;
    }
    if (st != DYAD_OK)
      break;
    if (*stop || strcmp(id, END_MARKER) == 0) {
      *stop = true;
      s->not_run++;
      continue;
    }
    const char *t = text.data ? text.data : "";
    struct vd_item *it = Dyad_vd_item(s);
    if (!it) {
      st = DYAD_ERR_NOMEM;
      break;
    }
    it->kind = VI_RECORD;
    it->file = file;
    it->line = line;
    it->id = id;
    it->category = "";
    it->datestr = datestr;
    char *full = Dyad_vd_text(s, t, text.len);
    it->text = full ? strip_comments(s, full, strlen(full)) : NULL;
    if (!it->text) {
      st = DYAD_ERR_NOMEM;
      break;
    }
    const char *opts;
    size_t idx = s->items.len - 1;
    st = expectations(s, it, full, strlen(full), &exp, &opts);
    if (st == DYAD_ERR_LIMIT)
      st = Dyad_error_set(err, st, path, line, 0,
                          "more than %d expected events", VD_MAX_EVENTS);
    if (st == DYAD_OK && opts) {
      /* an options record is not a test: replace it by its options */
      s->items.len = idx;
      st = option_items(s, file, line, opts, full + strlen(full), scratch);
    } else if (st == DYAD_OK) {
      s->records++;
    }
  }
  Dyad_buf_fini(&text);
  Dyad_vec_fini(&exp);
  free(d);
  return st;
}

/* The <textfile> entries of a project (paths relative to it), or none when
 * the file is not a project. */
static dyad_status project_texts(const char *path, struct vec *texts,
                                 dyad_error *err) {
  char *d;
  size_t len;
  TRY(Dyad_vd_slurp(path, &d, &len, err));
  char *dir = Dyad_vd_dirname(path);
  dyad_status st = dir ? DYAD_OK : DYAD_ERR_NOMEM;
  size_t pos = 0;
  unsigned no = 0;
  struct line l;
  while (st == DYAD_OK && next_line(d, len, &pos, &no, &l)) {
    const char *p = l.s, *e = l.s + l.n;
    while (p < e && is_blank(*p))
      p++;
    if (p + 2 > e || p[0] != '<' || tolower((unsigned char)p[1]) != 't')
      continue;
    const char *gt = memchr(p, '>', (size_t)(e - p));
    if (!gt)
      continue;
    for (const char *q = p; q + 3 < gt; q++)
      if (!strncmp(q, "TYPE", 4) || !strncmp(q, "type", 4)) {
        st = Dyad_error_set(err, DYAD_ERR_FORMAT, path, l.no, 0,
                            "XML text files are not supported");
        break;
      }
    const char *a = gt + 1, *b = memchr(a, '<', (size_t)(e - a));
    if (!b)
      b = e;
    while (a < b && is_blank(*a))
      a++;
    while (b > a && is_blank(b[-1]))
      b--;
    if (st != DYAD_OK || a == b)
      continue;
    char *name = strndup(a, (size_t)(b - a));
    char *full = name ? Dyad_vd_join(dir, name) : NULL;
    free(name);
    char **slot = full ? Dyad_vec_push(texts) : NULL;
    if (!slot) {
      free(full);
      st = DYAD_ERR_NOMEM;
      break;
    }
    *slot = full;
  }
  free(dir);
  free(d);
  return st;
}

dyad_status Dyad_vd_tabari_read(struct dyad_suite *s,
                                const dyad_validate_options *o,
                                dyad_error *err) {
  struct vec texts;
  Dyad_vec_init(&texts, sizeof(char *));
  dyad_status st = project_texts(s->path, &texts, err);
  bool project = texts.len > 0;
  if (st == DYAD_OK) {
    if (o->ndicts)
      st = Dyad_vd_load(s, o->dicts, o->ndicts, err);
    else if (project)
      st = Dyad_vd_load(s, (const char *const *)&s->path, 1, err);
    else
      st = Dyad_error_set(err, DYAD_ERR_ARG, s->path, 0, 0,
                          "no <textfile> in the project; for a TABARI text "
                          "file give its dictionaries with --dict");
  }
  if (st == DYAD_OK && !project) {
    char *self = strdup(s->path);
    char **slot = self ? Dyad_vec_push(&texts) : NULL;
    if (!slot) {
      free(self);
      st = DYAD_ERR_NOMEM;
    } else {
      *slot = self;
    }
  }
  bool stop = false;
  struct lex_tabari_opts scratch;
  if (s->lex)
    scratch = s->lex->tabari;
  for (size_t i = 0; st == DYAD_OK && i < texts.len; i++)
    st = read_text(s, VEC_AT(&texts, char *, i), &scratch, &stop, err);
  for (size_t i = 0; i < texts.len; i++)
    free(VEC_AT(&texts, char *, i));
  Dyad_vec_fini(&texts);
  return st;
}
