/*
 * validate.c - peer validation suites: the public API of dyad.h
 * "Validation", the run loop and the comparison of coded with expected
 * events (TABARI's checkEvents, PETRARCH-1's unit tests).
 *
 * Comparison rules, as documented in dyad.h:
 *   - PETRARCH: the SET of coded (source, target, code) must equal the set
 *     of <EventCoding> triples (duplicates on either side collapse).
 *   - TABARI: the MULTISET must equal the "{ SRC / TGT / CODE }" blocks, in
 *     any order. TABARI itself compares the i-th event with the i-th block;
 *     dyad's event order is not TABARI's, so order is not checked.
 *   - noevents / {---} / error=: nothing coded. Discards also need the
 *     story marked discarded, {+++} marked complex.
 * Mismatches are classed (missing, extra, wrong code, wrong actor, mixed)
 * so that a run can be summarised by cause.
 */
#include "validate.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../event/coder.h"

/* ---- static names -------------------------------------------------------- */

const char *dyad_suite_kind_str(dyad_suite_kind kind) {
  switch (kind) {
  case DYAD_SUITE_AUTO:
    return "suite";
  case DYAD_SUITE_PETRARCH:
    return "PETRARCH suite";
  case DYAD_SUITE_TABARI:
    return "TABARI project";
  }
  return "suite";
}

const char *dyad_validate_diff_str(dyad_validate_diff d) {
  switch (d) {
  case DYAD_DIFF_NONE:
    return "none";
  case DYAD_DIFF_MISSING:
    return "missing event";
  case DYAD_DIFF_EXTRA:
    return "extra event";
  case DYAD_DIFF_CODE:
    return "wrong code";
  case DYAD_DIFF_ACTOR:
    return "wrong actor";
  case DYAD_DIFF_MIXED:
    return "missing and extra events";
  case DYAD_DIFF_NOT_DISCARDED:
    return "not discarded";
  case DYAD_DIFF_NOT_COMPLEX:
    return "not marked complex";
  case DYAD_DIFF_DATE:
    return "wrong date";
  }
  return "unknown";
}

static const char *rule_of(const struct dyad_suite *s) {
  if (s->kind == DYAD_SUITE_TABARI)
    return "multiset equality of (src,tgt,code) in any order "
           "(TABARI compares in order)";
  return "set equality of (src,tgt,code)";
}

/* ---- shared helpers (validate.h) ----------------------------------------- */

dyad_status Dyad_vd_slurp(const char *path, char **data, size_t *len,
                          dyad_error *err) {
  *data = NULL;
  *len = 0;
  FILE *f = fopen(path, "rb");
  if (!f)
    return Dyad_error_set(err, DYAD_ERR_IO, path, 0, 0, "cannot open: %s",
                          strerror(errno));
  size_t cap = 1 << 16, n = 0;
  char *p = malloc(cap);
  if (!p) {
    fclose(f);
    return DYAD_ERR_NOMEM;
  }
  for (;;) {
    if (n + 1 >= cap) {
      if (cap >= VD_MAX_FILE) {
        free(p);
        fclose(f);
        return Dyad_error_set(err, DYAD_ERR_LIMIT, path, 0, 0,
                              "file over %zu MiB", VD_MAX_FILE >> 20);
      }
      char *q = realloc(p, cap * 2);
      if (!q) {
        free(p);
        fclose(f);
        return DYAD_ERR_NOMEM;
      }
      p = q;
      cap *= 2;
    }
    size_t got = fread(p + n, 1, cap - n - 1, f);
    n += got;
    if (got == 0)
      break;
  }
  bool bad = ferror(f) != 0;
  fclose(f);
  if (bad) {
    free(p);
    return Dyad_error_set(err, DYAD_ERR_IO, path, 0, 0, "read error");
  }
  p[n] = '\0';
  *data = p;
  *len = n;
  return DYAD_OK;
}

char *Dyad_vd_text(struct dyad_suite *s, const char *p, size_t n) {
  if (Dyad_utf8_check(p, n) == n)
    return Dyad_arena_strndup(&s->arena, p, n);
  /* Latin-1 fallback: every byte that does not start a valid UTF-8
   * sequence becomes the code point of the same value */
  char *out = Dyad_arena_alloc(&s->arena, 2 * n + 1);
  if (!out)
    return NULL;
  size_t k = 0;
  for (size_t i = 0; i < n;) {
    size_t ok = Dyad_utf8_check(p + i, n - i);
    if (ok > 0) {
      memcpy(out + k, p + i, ok);
      k += ok;
      i += ok;
      continue;
    }
    unsigned char c = (unsigned char)p[i++];
    out[k++] = (char)(0xC0 | (c >> 6));
    out[k++] = (char)(0x80 | (c & 0x3F));
  }
  out[k] = '\0';
  return out;
}

static bool blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
         c == '\v';
}

const char *Dyad_vd_norm_code(struct dyad_suite *s, const char *p, size_t n) {
  char *out = Dyad_arena_alloc(&s->arena, n + 1);
  if (!out)
    return NULL;
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (!blank(p[i]))
      out[k++] = p[i];
  out[k] = '\0';
  return out;
}

/* Normalises into `out` (capacity >= n + 4): see Dyad_vd_norm_actor. */
static size_t norm_actor(const char *p, size_t n, char *out) {
  while (n && blank(p[0])) {
    p++;
    n--;
  }
  while (n && blank(p[n - 1]))
    n--;
  size_t k = 0;
  if (n >= 2 && p[0] == '"' && p[n - 1] == '"') {
    bool sp = false;
    out[k++] = '"';
    for (size_t i = 1; i + 1 < n; i++) {
      if (blank(p[i])) {
        sp = k > 1;
        continue;
      }
      if (sp)
        out[k++] = ' ';
      sp = false;
      out[k++] = (char)toupper((unsigned char)p[i]);
    }
    out[k++] = '"';
  } else {
    for (size_t i = 0; i < n; i++)
      if (!blank(p[i]))
        out[k++] = p[i];
  }
  if (k == 0) {
    memcpy(out, "---", 3);
    k = 3;
  }
  out[k] = '\0';
  return k;
}

const char *Dyad_vd_norm_actor(struct dyad_suite *s, const char *p, size_t n) {
  char *out = Dyad_arena_alloc(&s->arena, n + 4);
  if (!out)
    return NULL;
  norm_actor(p, n, out);
  return out;
}

struct vd_item *Dyad_vd_item(struct dyad_suite *s) {
  return Dyad_vec_push(&s->items);
}

char *Dyad_vd_dirname(const char *path) {
  const char *sl = strrchr(path, '/');
  if (!sl)
    return strdup(".");
  if (sl == path)
    return strdup("/");
  size_t n = (size_t)(sl - path);
  char *d = malloc(n + 1);
  if (d) {
    memcpy(d, path, n);
    d[n] = '\0';
  }
  return d;
}

char *Dyad_vd_join(const char *dir, const char *name) {
  if (name[0] == '/' || !dir || !*dir || strcmp(dir, ".") == 0)
    return strdup(name);
  size_t a = strlen(dir), b = strlen(name);
  char *p = malloc(a + b + 2);
  if (!p)
    return NULL;
  memcpy(p, dir, a);
  p[a] = '/';
  memcpy(p + a + 1, name, b + 1);
  return p;
}

bool Dyad_vd_is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool Dyad_vd_is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

dyad_status Dyad_vd_load(struct dyad_suite *s, const char *const *paths,
                         size_t n, dyad_error *err) {
  for (size_t i = 0; i < n; i++) {
    if (i)
      TRY(Dyad_buf_puts(&s->dicts, ", "));
    TRY(Dyad_buf_puts(&s->dicts, paths[i]));
  }
  dyad_lexicon_options lo;
  memset(&lo, 0, sizeof lo);
  return dyad_lexicon_load(paths, n, &lo, &s->lex, err);
}

/* ---- open / info / free
 * ------------------------------------------------------ */

/* Tells the format from the first bytes: XML or a TABARI project. */
static dyad_suite_kind sniff(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return DYAD_SUITE_AUTO;
  char buf[4096];
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = '\0';
  for (size_t i = 0; i < n; i++)
    buf[i] = (char)tolower((unsigned char)buf[i]);
  if (strstr(buf, "<validation") || strstr(buf, "<sentences") ||
      strstr(buf, "<?xml"))
    return DYAD_SUITE_PETRARCH;
  return DYAD_SUITE_TABARI;
}

dyad_status dyad_suite_open(const char *path, const dyad_validate_options *opts,
                            dyad_suite **out, dyad_error *err) {
  if (!path || !out)
    return Dyad_error_set(err, DYAD_ERR_ARG, "", 0, 0, "no suite given");
  *out = NULL;
  dyad_validate_options o;
  memset(&o, 0, sizeof o);
  if (opts)
    o = *opts;
  if (o.ndicts > VD_MAX_DICTS)
    return Dyad_error_set(err, DYAD_ERR_LIMIT, path, 0, 0,
                          "more than %d dictionaries", VD_MAX_DICTS);
  if (!Dyad_vd_is_file(path))
    return Dyad_error_set(err, DYAD_ERR_IO, path, 0, 0, "cannot open: %s",
                          Dyad_vd_is_dir(path) ? "is a directory"
                                               : "no such file");
  struct dyad_suite *s = calloc(1, sizeof *s);
  if (!s)
    return DYAD_ERR_NOMEM;
  Dyad_arena_init(&s->arena, VD_MAX_FILE * 4);
  Dyad_vec_init(&s->items, sizeof(struct vd_item));
  Dyad_buf_init(&s->dicts, 0);
  Dyad_buf_init(&s->excluded, 0);
  s->keep_hedged = o.keep_hedged;
  s->all_categories = o.all_categories;
  s->path = strdup(path);
  dyad_status st = s->path ? DYAD_OK : DYAD_ERR_NOMEM;
  if (st == DYAD_OK) {
    s->kind = o.kind != DYAD_SUITE_AUTO ? o.kind : sniff(path);
    if (s->kind == DYAD_SUITE_PETRARCH)
      st = Dyad_vd_petrarch_read(s, &o, err);
    else if (s->kind == DYAD_SUITE_TABARI)
      st = Dyad_vd_tabari_read(s, &o, err);
    else
      st = Dyad_error_set(err, DYAD_ERR_FORMAT, path, 0, 0,
                          "neither PETRARCH XML nor a TABARI project");
  }
  if (st == DYAD_OK &&
      (!Dyad_buf_cstr(&s->dicts) || !Dyad_buf_cstr(&s->excluded)))
    st = DYAD_ERR_NOMEM;
  if (st != DYAD_OK) {
    dyad_suite_free(s);
    return st;
  }
  if (o.profile_set)
    s->profile = o.profile;
  else
    s->profile = (s->kind == DYAD_SUITE_TABARI || s->petrarch1)
                     ? DYAD_PROFILE_TABARI
                     : DYAD_PROFILE_DYAD;
  *out = s;
  return DYAD_OK;
}

void dyad_suite_info(const dyad_suite *s, dyad_validate_summary *info) {
  if (!info)
    return;
  memset(info, 0, sizeof *info);
  if (!s)
    return;
  info->kind = s->kind;
  info->profile = s->profile;
  info->rule = rule_of(s);
  info->dicts = s->dicts.data ? s->dicts.data : "";
  info->excluded = s->excluded.data ? s->excluded.data : "";
  info->records = s->records;
  info->options = s->options;
  info->not_run = s->not_run;
}

void dyad_suite_free(dyad_suite *s) {
  if (!s)
    return;
  dyad_lexicon_free(s->lex);
  Dyad_arena_fini(&s->arena);
  Dyad_vec_fini(&s->items);
  Dyad_buf_fini(&s->dicts);
  Dyad_buf_fini(&s->excluded);
  free(s->path);
  free(s);
}

/* ---- comparison ---------------------------------------------------------- */

/* A coded event, normalised like the expectations. */
struct got {
  char src[128], tgt[128];
  const char *code;
  int date;
  bool used;
};

struct cmp {
  size_t nexp, ngot; /* after set collapsing (PETRARCH) */
  size_t matched;
  dyad_validate_diff diff;
};

static bool same_exp(const struct vd_exp *a, const struct vd_exp *b) {
  return strcmp(a->src, b->src) == 0 && strcmp(a->tgt, b->tgt) == 0 &&
         strcmp(a->code, b->code) == 0 && a->date == b->date;
}

static bool same_got(const struct got *a, const struct got *b) {
  return strcmp(a->src, b->src) == 0 && strcmp(a->tgt, b->tgt) == 0 &&
         strcmp(a->code, b->code) == 0;
}

static bool matches(const struct vd_exp *e, const struct got *g, bool dates) {
  if (strcmp(e->src, g->src) || strcmp(e->tgt, g->tgt) ||
      strcmp(e->code, g->code))
    return false;
  return !dates || !e->date || e->date == g->date;
}

/*
 * Pairs expected with coded events: exact matches first (dated
 * expectations before undated ones, so an undated block cannot take the
 * event a dated one needs), then classes what is left.
 * `emask[i]` / `g[j].used` mark what matched. With `dedup` (sets),
 * duplicate expectations and duplicate coded events are ignored.
 */
static void compare(const struct vd_exp *exp, size_t nexp, struct got *g,
                    size_t ngot, bool dedup, bool dates, bool *emask,
                    bool *eskip, bool *gskip, struct cmp *r) {
  memset(r, 0, sizeof *r);
  for (size_t i = 0; i < nexp; i++) {
    emask[i] = false;
    eskip[i] = false;
    if (dedup)
      for (size_t k = 0; k < i && !eskip[i]; k++)
        eskip[i] = !eskip[k] && same_exp(&exp[k], &exp[i]);
    if (!eskip[i])
      r->nexp++;
  }
  for (size_t j = 0; j < ngot; j++) {
    g[j].used = false;
    gskip[j] = false;
    if (dedup)
      for (size_t k = 0; k < j && !gskip[j]; k++)
        gskip[j] = !gskip[k] && same_got(&g[k], &g[j]);
    if (!gskip[j])
      r->ngot++;
  }
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < nexp; i++) {
      if (eskip[i] || emask[i] || (pass == 0) != (exp[i].date != 0))
        continue;
      for (size_t j = 0; j < ngot; j++)
        if (!gskip[j] && !g[j].used && matches(&exp[i], &g[j], dates)) {
          g[j].used = true;
          emask[i] = true;
          r->matched++;
          break;
        }
    }
  size_t miss = r->nexp - r->matched, extra = r->ngot - r->matched;
  if (!miss && !extra) {
    r->diff = DYAD_DIFF_NONE;
    return;
  }
  if (!extra) {
    r->diff = DYAD_DIFF_MISSING;
    return;
  }
  if (!miss) {
    r->diff = DYAD_DIFF_EXTRA;
    return;
  }
  /* both missing and extra: do they pair up by actors, by code, by all
   * three but the date? */
  size_t by_pair = 0, by_code = 0, by_date = 0;
  for (size_t i = 0; i < nexp; i++) {
    if (eskip[i] || emask[i])
      continue;
    bool p = false, c = false, d = false;
    for (size_t j = 0; j < ngot; j++) {
      if (gskip[j] || g[j].used)
        continue;
      bool ss = !strcmp(exp[i].src, g[j].src),
           tt = !strcmp(exp[i].tgt, g[j].tgt);
      bool cc = !strcmp(exp[i].code, g[j].code);
      p |= ss && tt;
      c |= cc && (ss || tt);
      d |= ss && tt && cc;
    }
    by_pair += p;
    by_code += c;
    by_date += d;
  }
  if (by_date == miss && miss == extra)
    r->diff = DYAD_DIFF_DATE;
  else if (by_pair == miss && miss == extra)
    r->diff = DYAD_DIFF_CODE;
  else if (by_code == miss && miss == extra)
    r->diff = DYAD_DIFF_ACTOR;
  else
    r->diff = DYAD_DIFF_MIXED;
}

/* ---- formatting ---------------------------------------------------------- */

static dyad_status put_event(struct buf *b, bool first, const char *src,
                             const char *tgt, const char *code, int date) {
  if (!first)
    TRY(Dyad_buf_puts(b, ", "));
  TRY(Dyad_buf_printf(b, "%s %s %s", src, tgt, code));
  if (date)
    TRY(Dyad_buf_printf(b, " @%d", date));
  return DYAD_OK;
}

static dyad_status fmt_expected(struct buf *b, const struct vd_item *it,
                                bool dates) {
  b->len = 0;
  TRY(Dyad_buf_putc(b, '{'));
  bool first = true;
  for (size_t i = 0; i < it->nexp; i++) {
    const struct vd_exp *e = &it->exp[i];
    TRY(put_event(b, first, e->src, e->tgt, e->code, dates ? e->date : 0));
    first = false;
  }
  const char *special = NULL;
  if (it->flags & VX_NOEVENTS)
    special = "noevents";
  else if (it->flags & VX_COMPLEX)
    special = "complex";
  else if (it->flags & VX_DISCARD)
    special = it->error ? it->error : "discard";
  if (special) {
    TRY(Dyad_buf_printf(b, "%s%s", first ? "" : ", ", special));
    first = false;
  } else if ((it->flags & VX_ERROR) && it->error) {
    TRY(Dyad_buf_printf(b, "%serror:%s", first ? "" : ", ", it->error));
    first = false;
  }
  if (it->flags & (VX_PARTIAL | VX_SKIP))
    TRY(Dyad_buf_puts(b, first ? "..." : ", ..."));
  TRY(Dyad_buf_putc(b, '}'));
  return DYAD_OK;
}

static dyad_status fmt_got(struct buf *b, const struct got *g, size_t n,
                           unsigned flags, bool dates) {
  b->len = 0;
  TRY(Dyad_buf_putc(b, '{'));
  for (size_t j = 0; j < n; j++)
    TRY(put_event(b, j == 0, g[j].src, g[j].tgt, g[j].code,
                  dates ? g[j].date : 0));
  TRY(Dyad_buf_putc(b, '}'));
  if (flags & DOC_DISCARDED)
    TRY(Dyad_buf_puts(b, " (discarded)"));
  if (flags & DOC_COMPLEX)
    TRY(Dyad_buf_puts(b, " (complex)"));
  return DYAD_OK;
}

/* Text with blank runs folded to one blank and trimmed. */
static dyad_status fold_text(struct buf *b, const char *t) {
  b->len = 0;
  bool sp = false;
  for (; *t; t++) {
    if (blank(*t)) {
      sp = b->len > 0;
      continue;
    }
    if (sp)
      TRY(Dyad_buf_putc(b, ' '));
    sp = false;
    TRY(Dyad_buf_putc(b, *t));
  }
  return Dyad_buf_cstr(b) ? DYAD_OK : DYAD_ERR_NOMEM;
}

/* ---- options
 * ----------------------------------------------------------------- */

static bool parse_bool(const char *v, bool *out) {
  static const char *const yes[] = {"true", "t", "yes", "y", "1", "on"};
  static const char *const no[] = {"false", "f", "no", "n", "0", "off"};
  char low[16];
  size_t n = 0;
  while (blank(*v))
    v++;
  while (v[n] && !blank(v[n]) && n + 1 < sizeof low) {
    low[n] = (char)tolower((unsigned char)v[n]);
    n++;
  }
  low[n] = '\0';
  for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
    if (strcmp(low, yes[i]) == 0) {
      *out = true;
      return true;
    }
    if (strcmp(low, no[i]) == 0) {
      *out = false;
      return true;
    }
  }
  return false;
}

static bool parse_int(const char *v, int *out) {
  char *end;
  errno = 0;
  long x = strtol(v, &end, 10);
  while (blank(*end))
    end++;
  if (end == v || *end || errno || x < -1000000 || x > 1000000)
    return false;
  *out = (int)x;
  return true;
}

/*
 * A PETRARCH <Config option value>: require_dyad, new_actor_length and the
 * comma_* limits are coder fields; the rest (stop_on_error, ...) are
 * PETRARCH run controls dyad has no use for (`*modelled` false).
 */
static bool apply_config(struct dyad_coder *c, const char *opt, const char *val,
                         bool *modelled) {
  static const char *const commas[] = {"comma_min",  "comma_max",
                                       "comma_bmin", "comma_bmax",
                                       "comma_emin", "comma_emax"};
  int *fields[] = {&c->tabari.comma_min,  &c->tabari.comma_max,
                   &c->tabari.comma_bmin, &c->tabari.comma_bmax,
                   &c->tabari.comma_emin, &c->tabari.comma_emax};
  *modelled = true;
  if (strcmp(opt, "require_dyad") == 0)
    return parse_bool(val, &c->require_dyad);
  if (strcmp(opt, "new_actor_length") == 0)
    return parse_int(val, &c->new_actor_length);
  for (size_t i = 0; i < 6; i++)
    if (strcmp(opt, commas[i]) == 0) {
      c->tabari.comma_off = false;
      return parse_int(val, fields[i]);
    }
  *modelled = false;
  return true;
}

/* A PETRARCH suite's expectations were made with PETRARCH's defaults
 * (PETRglobals: RequireDyad = True, NewActorLength = 0; comma_* as in the
 * shipped PETR_config.ini), so a run starts from them in either profile,
 * unless a PETRARCH config among the dictionaries says otherwise. */
static void petrarch_defaults(struct dyad_coder *c) {
  if (c->lex->petrarch_config) {
    c->require_dyad = c->lex->require_dyad;
    c->new_actor_length = c->lex->new_actor_length;
    return;
  }
  c->require_dyad = true;
  c->new_actor_length = 0;
  c->tabari.comma_off = false;
  c->tabari.comma_min = 2;
  c->tabari.comma_max = 8;
  c->tabari.comma_bmin = 0;
  c->tabari.comma_bmax = 0;
  c->tabari.comma_emin = 2;
  c->tabari.comma_emax = 8;
}

/* ---- run
 * ----------------------------------------------------------------------- */

struct runstate {
  struct dyad_suite *s;
  struct dyad_coder *coder;
  dyad_doc *doc;
  struct buf exp, got, text;
  struct vec gots;  /* struct got */
  struct vec masks; /* bool x 3 per event */
  dyad_validate_record_fn cb;
  void *user;
  dyad_validate_summary sum;
};

static const char *category_of(struct runstate *rs, const struct vd_item *it,
                               char *tmp, size_t cap) {
  (void)rs;
  if (it->category && *it->category)
    return it->category;
  /* TABARI: the first word of the id that starts with a letter, up to '-' */
  const char *p = it->id;
  while (*p && !isalpha((unsigned char)*p)) {
    while (*p && !blank(*p))
      p++;
    while (blank(*p))
      p++;
  }
  size_t n = 0;
  while (p[n] && p[n] != '-' && p[n] != '_' && !blank(p[n]) && n + 1 < cap) {
    tmp[n] = p[n];
    n++;
  }
  tmp[n] = '\0';
  return tmp;
}

static dyad_status run_option(struct runstate *rs, const struct vd_item *it,
                              dyad_error *err) {
  bool modelled = true, ok = true;
  if (it->kind == VI_CONFIG) {
    ok = apply_config(rs->coder, it->id, it->value ? it->value : "", &modelled);
  } else {
    dyad_error e2;
    memset(&e2, 0, sizeof e2);
    dyad_status st = Dyad_tabari_option_line(
        rs->s->lex, &rs->coder->tabari, it->id, strlen(it->id), &modelled, &e2);
    if (st == DYAD_ERR_NOMEM)
      return st;
    ok = st == DYAD_OK;
  }
  (void)err;
  if (!modelled || !ok)
    rs->sum.options_unmodelled++;
  if (rs->cb) {
    dyad_validate_record r;
    memset(&r, 0, sizeof r);
    char opt[512];
    if (it->kind == VI_CONFIG)
      snprintf(opt, sizeof opt, "%s=%s", it->id, it->value ? it->value : "");
    else
      snprintf(opt, sizeof opt, "%s", it->id);
    r.file = it->file;
    r.line = it->line;
    r.id = opt;
    r.category = "";
    r.text = "";
    r.expected = "";
    r.got = ok ? "" : "(malformed option: not applied)";
    r.result = DYAD_VALIDATE_OPTION;
    r.modelled = modelled && ok;
    rs->cb(rs->user, &r);
  }
  return DYAD_OK;
}

static dyad_status run_record(struct runstate *rs, const struct vd_item *it,
                              dyad_error *err) {
  struct dyad_suite *s = rs->s;
  bool tabari = s->kind == DYAD_SUITE_TABARI;
  int date = tabari ? Dyad_vd_tabari_date(it->datestr, rs->coder->tabari.yyyy)
                    : Dyad_date_parse(it->datestr, strlen(it->datestr));
  bool dates = tabari && rs->coder->tabari.time_shift;
  dyad_story story;
  memset(&story, 0, sizeof story);
  story.id = it->id;
  story.id_len = strlen(it->id);
  story.date = date;
  story.text = it->text;
  story.text_len = strlen(it->text);
  /* a story dyad rejects (too long, not UTF-8, empty) is a verdict:
   * nothing coded */
  dyad_status cst = dyad_doc_set(rs->doc, &story);
  bool set = cst == DYAD_OK;
  if (set) {
    dyad_error cerr;
    memset(&cerr, 0, sizeof cerr);
    cst = dyad_code(rs->coder, rs->doc, &cerr);
  }
  if (cst == DYAD_ERR_NOMEM)
    return Dyad_error_set(err, cst, it->id, 0, 0, "out of memory coding");
  /* coded events, normalised */
  size_t ng = set ? dyad_doc_event_count(rs->doc) : 0;
  rs->gots.len = 0;
  TRY(Dyad_vec_reserve(&rs->gots, ng + 1));
  for (size_t j = 0; j < ng; j++) {
    const dyad_event *ev = dyad_doc_event(rs->doc, j);
    struct got *g = Dyad_vec_push(&rs->gots);
    const char *a = dyad_event_source(ev), *b = dyad_event_target(ev);
    size_t la = strlen(a), lb = strlen(b);
    if (la > 120)
      la = 120;
    if (lb > 120)
      lb = 120;
    norm_actor(a, la, g->src);
    norm_actor(b, lb, g->tgt);
    g->code = dyad_event_code(ev);
    g->date = ev->event_date ? ev->event_date : date;
  }
  struct got *g = rs->gots.data;
  size_t ne = it->nexp;
  rs->masks.len = 0;
  TRY(Dyad_vec_reserve(&rs->masks, 2 * ne + ng + 3));
  bool *emask = rs->masks.data, *eskip = emask + ne + 1,
       *gskip = eskip + ne + 1;
  struct cmp r;
  compare(it->exp, ne, g, ng, !tabari, dates, emask, eskip, gskip, &r);
  unsigned flags = set ? rs->doc->flags : 0;
  dyad_validate_result res;
  dyad_validate_diff diff = r.diff;
  if (it->flags & VX_SKIP) {
    res = DYAD_VALIDATE_SKIP;
  } else if (it->excluded) {
    res = DYAD_VALIDATE_SKIP;
  } else if (it->flags & VX_PARTIAL) {
    /* checked blocks before "-{": each must be coded; more may be */
    res = r.matched == r.nexp ? DYAD_VALIDATE_PASS : DYAD_VALIDATE_FAIL;
    if (res == DYAD_VALIDATE_PASS)
      diff = DYAD_DIFF_NONE;
  } else if (tabari && (it->flags & VX_OUTCOME)) {
    /* TABARI's checkEvents: a record that gave no events passes when one
     * of its blocks names why ({---}, {###} discarded, {+++} complex), even
     * beside event blocks (DEBUG-11); coded events meet the special block
     * as one more expected event and fail */
    bool ok = false;
    if (ng == 0) {
      ok = (it->flags & VX_NOEVENTS) ||
           ((it->flags & VX_DISCARD) && (flags & DOC_DISCARDED)) ||
           ((it->flags & VX_COMPLEX) && (flags & DOC_COMPLEX));
      diff = (it->flags & VX_COMPLEX)   ? DYAD_DIFF_NOT_COMPLEX
             : (it->flags & VX_DISCARD) ? DYAD_DIFF_NOT_DISCARDED
                                        : DYAD_DIFF_MISSING;
    } else {
      diff = (it->flags & VX_COMPLEX)   ? DYAD_DIFF_NOT_COMPLEX
             : (it->flags & VX_DISCARD) ? DYAD_DIFF_NOT_DISCARDED
                                        : DYAD_DIFF_EXTRA;
    }
    if (ok) {
      diff = DYAD_DIFF_NONE;
      r.nexp = r.matched = 0; /* the event blocks were not needed */
    }
    res = ok ? DYAD_VALIDATE_PASS : DYAD_VALIDATE_FAIL;
  } else {
    bool ok = diff == DYAD_DIFF_NONE;
    if (ok && (it->flags & VX_DISCARD) && !(flags & DOC_DISCARDED)) {
      ok = false;
      diff = DYAD_DIFF_NOT_DISCARDED;
    }
    if (ok && (it->flags & VX_COMPLEX) && !(flags & DOC_COMPLEX)) {
      ok = false;
      diff = DYAD_DIFF_NOT_COMPLEX;
    }
    res = ok ? DYAD_VALIDATE_PASS : DYAD_VALIDATE_FAIL;
  }
  dyad_validate_summary *sum = &rs->sum;
  if (res == DYAD_VALIDATE_PASS)
    sum->passed++;
  else if (res == DYAD_VALIDATE_FAIL)
    sum->failed++;
  else
    sum->skipped++;
  if (res != DYAD_VALIDATE_SKIP) {
    sum->expected_events += r.nexp;
    sum->matched_events += r.matched;
    sum->missing_events += r.nexp - r.matched;
    if (!(it->flags & VX_PARTIAL))
      sum->extra_events += r.ngot - r.matched;
  }
  if (!rs->cb)
    return DYAD_OK;
  TRY(fmt_expected(&rs->exp, it, dates));
  TRY(fmt_got(&rs->got, g, ng, flags, dates));
  TRY(fold_text(&rs->text, it->text));
  char cat[64];
  dyad_validate_record rec;
  memset(&rec, 0, sizeof rec);
  rec.file = it->file;
  rec.line = it->line;
  rec.id = it->id;
  rec.category = category_of(rs, it, cat, sizeof cat);
  rec.date = date;
  rec.text = Dyad_buf_cstr(&rs->text);
  rec.expected = Dyad_buf_cstr(&rs->exp);
  rec.got = Dyad_buf_cstr(&rs->got);
  if (!rec.text || !rec.expected || !rec.got)
    return DYAD_ERR_NOMEM;
  rec.result = res;
  rec.diff = res == DYAD_VALIDATE_FAIL ? diff : DYAD_DIFF_NONE;
  rec.expected_events = r.nexp;
  rec.matched_events = r.matched;
  rec.missing_events = r.nexp - r.matched;
  rec.extra_events = r.ngot - r.matched;
  rec.modelled = true;
  rec.code_status = cst;
  rs->cb(rs->user, &rec);
  return DYAD_OK;
}

dyad_status dyad_suite_run(dyad_suite *s, dyad_validate_record_fn cb,
                           void *user, dyad_validate_summary *out,
                           dyad_error *err) {
  if (!s)
    return Dyad_error_set(err, DYAD_ERR_ARG, "", 0, 0, "no suite");
  struct runstate rs;
  memset(&rs, 0, sizeof rs);
  rs.s = s;
  rs.cb = cb;
  rs.user = user;
  dyad_suite_info(s, &rs.sum);
  Dyad_buf_init(&rs.exp, 0);
  Dyad_buf_init(&rs.got, 0);
  Dyad_buf_init(&rs.text, 0);
  Dyad_vec_init(&rs.gots, sizeof(struct got));
  Dyad_vec_init(&rs.masks, sizeof(bool));
  dyad_coder_options co;
  memset(&co, 0, sizeof co);
  co.profile = s->profile;
  co.keep_hedged = s->keep_hedged;
  dyad_status st = dyad_coder_new(s->lex, &co, &rs.coder);
  if (st == DYAD_OK)
    st = dyad_doc_new(&rs.doc);
  if (st == DYAD_OK && s->kind == DYAD_SUITE_PETRARCH)
    petrarch_defaults(rs.coder);
  for (size_t i = 0; st == DYAD_OK && i < s->items.len; i++) {
    const struct vd_item *it = &VEC_AT(&s->items, struct vd_item, i);
    if (it->kind == VI_RECORD)
      st = run_record(&rs, it, err);
    else
      st = run_option(&rs, it, err);
  }
  if (st == DYAD_ERR_NOMEM)
    Dyad_error_set(err, st, s->path, 0, 0, "out of memory");
  if (out)
    *out = rs.sum;
  dyad_doc_free(rs.doc);
  dyad_coder_free(rs.coder);
  Dyad_buf_fini(&rs.exp);
  Dyad_buf_fini(&rs.got);
  Dyad_buf_fini(&rs.text);
  Dyad_vec_fini(&rs.gots);
  Dyad_vec_fini(&rs.masks);
  return st;
}

dyad_status dyad_validate_run(const char *suite,
                              const dyad_validate_options *opts,
                              dyad_validate_record_fn cb, void *user,
                              dyad_validate_summary *out, dyad_error *err) {
  dyad_suite *s = NULL;
  if (out)
    memset(out, 0, sizeof *out);
  TRY(dyad_suite_open(suite, opts, &s, err));
  dyad_status st = dyad_suite_run(s, cb, user, out, err);
  if (out) {
    /* borrowed strings die with the suite */
    out->dicts = "";
    out->excluded = "";
  }
  dyad_suite_free(s);
  return st;
}
