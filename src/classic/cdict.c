/*
 * cdict.c - the TABARI profile's view of the dictionaries (see classic.h):
 * literals, roots, patterns and codes read again from the files a lexicon
 * was loaded from, as TABARI 0.8 read them (TABARI 0.8
 * manual ch. 5-6): a phrase is a list of (literal, connector) cells, a root's
 * patterns are kept longest first, actor codes are date blocks of compound
 * (actor, agent) lists. PETRARCH-format files are read into the same shape
 * with PETRARCH's rules ('_' and blank alike, whole words, generated
 * plurals and verb forms, substitution sets in agents).
 */
#include "classic.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE_MAX_TAB 255 /* TABARI's input line limit */
#define PHRASE_CAP 1024

/* ---- string tables ------------------------------------------------------ */

static void strtab_init(struct cl_strtab *t) {
  Dyad_buf_init(&t->chars, 0);
  Dyad_vec_init(&t->offs, sizeof(uint32_t));
  Dyad_u64map_init(&t->map);
}

static void strtab_fini(struct cl_strtab *t) {
  Dyad_buf_fini(&t->chars);
  Dyad_vec_fini(&t->offs);
  Dyad_u64map_fini(&t->map);
}

const char *Dyad_cl_str(const struct cl_strtab *t, uint32_t id) {
  if (!id || id >= t->offs.len)
    return "";
  return t->chars.data + VEC_AT(&t->offs, uint32_t, id);
}

static uint64_t probe_key(uint64_t h, unsigned k) {
  uint64_t x = (h + k * 0x9E3779B97F4A7C15ULL) & ~(uint64_t)0 >> 1;
  return x;
}

uint32_t Dyad_cl_find(const struct cl_strtab *t, const char *s, size_t n) {
  uint64_t h = Dyad_hash_bytes(s, n);
  for (unsigned k = 0; k < 64; k++) {
    uint32_t id;
    if (!Dyad_u64map_get(&t->map, probe_key(h, k), &id))
      return 0;
    const char *x = Dyad_cl_str(t, id);
    if (strncmp(x, s, n) == 0 && x[n] == '\0')
      return id;
  }
  return 0;
}

dyad_status Dyad_cl_intern(struct cl_strtab *t, const char *s, size_t n,
                           uint32_t *id) {
  uint32_t f = Dyad_cl_find(t, s, n);
  if (f) {
    *id = f;
    return DYAD_OK;
  }
  if (t->offs.len == 0 && !Dyad_vec_push(&t->offs))
    return DYAD_ERR_NOMEM; /* id 0 unused */
  uint64_t h = Dyad_hash_bytes(s, n);
  unsigned k = 0;
  uint32_t tmp;
  while (k < 64 && Dyad_u64map_get(&t->map, probe_key(h, k), &tmp))
    k++;
  if (k == 64)
    return DYAD_ERR_LIMIT;
  if (t->chars.len + n + 1 > UINT32_MAX)
    return DYAD_ERR_LIMIT;
  uint32_t off = (uint32_t)t->chars.len;
  TRY(Dyad_buf_put(&t->chars, s, n));
  TRY(Dyad_buf_putc(&t->chars, '\0'));
  uint32_t *p = Dyad_vec_push(&t->offs);
  if (!p)
    return DYAD_ERR_NOMEM;
  *p = off;
  uint32_t nid = (uint32_t)(t->offs.len - 1);
  TRY(Dyad_u64map_put(&t->map, probe_key(h, k), nid));
  *id = nid;
  return DYAD_OK;
}

/* ---- dictionary -----------------------------------------------------------
 */

void Dyad_cl_dict_init(struct cl_dict *d) {
  memset(d, 0, sizeof *d);
  strtab_init(&d->litstr);
  strtab_init(&d->codes);
  Dyad_vec_init(&d->lits, sizeof(struct cl_lit));
  Dyad_u64map_init(&d->litmap);
  Dyad_vec_init(&d->roots, sizeof(struct cl_root));
  Dyad_vec_init(&d->ents, sizeof(struct cl_ent));
  Dyad_vec_init(&d->pats, sizeof(struct cl_pat));
  Dyad_vec_init(&d->cells, sizeof(int32_t));
  Dyad_vec_init(&d->evcodes, sizeof(struct cl_evcode));
  Dyad_vec_init(&d->acodes, sizeof(struct cl_acode));
  Dyad_vec_init(&d->ablocks, sizeof(struct cl_ablock));
  Dyad_vec_init(&d->aitems, sizeof(struct cl_aitem));
  Dyad_vec_init(&d->times, sizeof(struct cl_time));
  Dyad_vec_init(&d->files, sizeof(const char *));
  Dyad_vec_init(&d->discards, sizeof(struct cl_discard));
}

void Dyad_cl_dict_fini(struct cl_dict *d) {
  strtab_fini(&d->litstr);
  strtab_fini(&d->codes);
  Dyad_u64map_fini(&d->litmap);
  struct vec *vs[] = {&d->lits,   &d->roots,   &d->ents,   &d->pats,
                      &d->cells,  &d->evcodes, &d->acodes, &d->ablocks,
                      &d->aitems, &d->times,   &d->files,  &d->discards};
  for (size_t i = 0; i < sizeof vs / sizeof vs[0]; i++)
    Dyad_vec_fini(vs[i]);
}

uint32_t Dyad_cl_lit(const struct cl_dict *d, const char *s, size_t n) {
  uint32_t sid = Dyad_cl_find(&d->litstr, s, n);
  uint32_t lit;
  if (sid && Dyad_u64map_get(&d->litmap, sid, &lit))
    return lit;
  return 0;
}

/* Literal id of s[0..n), created when new. */
static dyad_status lit_make(struct cl_dict *d, const char *s, size_t n,
                            uint32_t *lit) {
  if (n >= CL_LIT_SIZE)
    n = CL_LIT_SIZE - 1;
  uint32_t sid;
  TRY(Dyad_cl_intern(&d->litstr, s, n, &sid));
  if (Dyad_u64map_get(&d->litmap, sid, lit))
    return DYAD_OK;
  struct cl_lit *l = Dyad_vec_push(&d->lits);
  if (!l)
    return DYAD_ERR_NOMEM;
  l->str = sid;
  l->len = (uint16_t)n;
  l->first = l->last = CL_NONE;
  l->discard = 0;
  *lit = (uint32_t)(d->lits.len - 1);
  return Dyad_u64map_put(&d->litmap, sid, *lit);
}

static dyad_status code_id(struct cl_dict *d, const char *s, size_t n,
                           uint32_t *id) {
  while (n && isspace((unsigned char)*s)) {
    s++;
    n--;
  }
  while (n && isspace((unsigned char)s[n - 1]))
    n--;
  return Dyad_cl_intern(&d->codes, s, n, id);
}

/* ---- phrases
 * ------------------------------------------------------------------ */

static dyad_status cell(struct cl_dict *d, int32_t v) {
  int32_t *p = Dyad_vec_push(&d->cells);
  if (!p)
    return DYAD_ERR_NOMEM;
  *p = v;
  return DYAD_OK;
}

/* The first root of the synonym set named s[0..n) ("&NAME"), CL_NONE. */
static uint32_t synset_root(const struct cl_dict *d, const char *s, size_t n) {
  uint32_t lit = Dyad_cl_lit(d, s, n);
  if (!lit)
    return CL_NONE;
  const struct cl_lit *l = &VEC_AT(&d->lits, struct cl_lit, lit);
  for (uint32_t r = l->first; r != CL_NONE; r = cl_root(d, r)->next)
    if (cl_root(d, r)->type == W_SYNYM)
      return r;
  return l->first;
}

/*
 * Stores a phrase written the TABARI way (upper case, words separated by
 * blank, '_', "_ ", "~_" or ending in '='; '&NAME' a synonym set) as cells
 * guarded by a (0, 0) pair on each side; *at gets the first cell. With
 * `synroot` a final "&NAME" is a plain literal (a set's own name).
 * *missing is set when it names an unknown set (the phrase is not usable).
 */
static dyad_status phrase_store(struct cl_dict *d, const char *s, size_t n,
                                bool synroot, uint32_t *at, bool *missing) {
  *missing = false;
  TRY(cell(d, 0));
  TRY(cell(d, 0));
  *at = (uint32_t)d->cells.len;
  size_t i = 0;
  while (i < n) {
    while (i < n && s[i] == ' ')
      i++;
    if (i >= n)
      break;
    size_t j = i;
    while (j < n && !strchr(" _~=", s[j]))
      j++;
    bool last = j >= n;
    const char *w = s + i;
    size_t wn = j - i;
    if (wn == 0) { /* "__": nothing between two connectors */
      i = j + 1;
      continue;
    }
    if (w[0] == '&' && (!last || !synroot)) {
      uint32_t r = synset_root(d, w, wn);
      if (r == CL_NONE) {
        *missing = true;
        r = 0;
      }
      TRY(cell(d, (int32_t)r));
      TRY(cell(d, (!last && s[j] != ' ') ? CN_SYNPN : CN_SYNFS));
      i = j + 1;
      continue;
    }
    uint32_t lit;
    TRY(lit_make(d, w, wn, &lit));
    TRY(cell(d, (int32_t)lit));
    int32_t conn = CN_PARTSKIP;
    if (!last) {
      char c = s[j];
      if (c == '=') {
        conn = CN_EQUAL;
      } else if (c == '~') {
        conn = CN_PARTNEXT;
        if (j + 1 < n && s[j + 1] == '_')
          j++;
      } else if (c == '_') {
        if (j + 1 < n && s[j + 1] == ' ') {
          conn = CN_FULLSKIP;
          j++;
        } else {
          conn = CN_FULLNEXT;
        }
      }
    }
    TRY(cell(d, conn));
    i = j + 1;
  }
  TRY(cell(d, 0));
  TRY(cell(d, 0));
  return DYAD_OK;
}

static bool same_phrase(const int32_t *a, const int32_t *b) {
  for (;; a += 2, b += 2) {
    if (a[0] != b[0] || (a[0] && a[1] != b[1]))
      return false;
    if (!a[0])
      return true;
  }
}

/* True when a root with the same cells exists. */
static bool duplicate(const struct cl_dict *d, uint32_t at) {
  const int32_t *p = cl_cells(d, at);
  if (!p[0] || (p[1] & CN_SYN))
    return false;
  const struct cl_lit *l = &VEC_AT(&d->lits, struct cl_lit, (uint32_t)p[0]);
  for (uint32_t r = l->first; r != CL_NONE; r = cl_root(d, r)->next)
    if (same_phrase(cl_cells(d, cl_root(d, r)->phrase), p))
      return true;
  return false;
}

static dyad_status new_ent(struct cl_dict *d, uint32_t file, uint32_t line,
                           uint32_t *ent) {
  struct cl_ent *e = Dyad_vec_push(&d->ents);
  if (!e)
    return DYAD_ERR_NOMEM;
  e->pats = CL_NONE;
  e->patent = CL_NONE;
  e->file = file;
  e->line = line;
  e->name = CL_NONE;
  *ent = (uint32_t)(d->ents.len - 1);
  return DYAD_OK;
}

/* Adds a root over the phrase at `at` (first cell a literal). */
static dyad_status add_root(struct cl_dict *d, uint32_t at, uint8_t type,
                            uint32_t ent, uint32_t *root) {
  const int32_t *p = cl_cells(d, at);
  struct cl_root *r = Dyad_vec_push(&d->roots);
  if (!r)
    return DYAD_ERR_NOMEM;
  r->phrase = at;
  r->type = type;
  r->ent = ent;
  r->next = CL_NONE;
  uint32_t ri = (uint32_t)(d->roots.len - 1);
  if (p[0] > 0 && !(p[1] & CN_SYN)) {
    struct cl_lit *l = &VEC_AT(&d->lits, struct cl_lit, (uint32_t)p[0]);
    if (l->last == CL_NONE)
      l->first = ri;
    else
      cl_root(d, l->last)->next = ri;
    l->last = ri;
  }
  if (ent != CL_NONE && cl_ent(d, ent)->name == CL_NONE)
    cl_ent(d, ent)->name = ri;
  if (root)
    *root = ri;
  return DYAD_OK;
}

/* Stores phrase s as a root unless it duplicates one; *root = CL_NONE
 * when skipped. */
static dyad_status root_phrase(struct cl_dict *d, const char *s, size_t n,
                               uint8_t type, uint32_t ent, bool dupcheck,
                               uint32_t *root) {
  uint32_t at;
  bool missing;
  size_t mark = d->cells.len;
  *root = CL_NONE;
  TRY(phrase_store(d, s, n, type == W_SYNYM, &at, &missing));
  const int32_t *p = cl_cells(d, at);
  if (missing || !p[0] || (dupcheck && duplicate(d, at))) {
    d->cells.len = mark;
    return DYAD_OK;
  }
  return add_root(d, at, type, ent, root);
}

/* TABARI lengthPattern: letters, digits, '_' and '\'' count; of "{...}"
 * only the longest alternative counts, in `alt`. */
static void pattern_length(const char *s, size_t n, int *len, int *alt) {
  *len = *alt = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '_' || c == '\'')
      ++*len;
    if (!isspace(c) && !ispunct(c)) {
      ++*len;
    } else if (c == '{') {
      int best = 0, cur = 0;
      while (i < n && s[i] != '}') {
        ++i;
        while (i < n && s[i] != '|' && s[i] != '}') {
          unsigned char e = (unsigned char)s[i];
          if (e == '_' || e == '\'')
            ++cur;
          if (!isspace(e) && !ispunct(e))
            ++cur;
          ++i;
        }
        if (cur > best)
          best = cur;
        cur = 0;
      }
      *alt += best;
    }
  }
}

/* Adds a pattern (text after the leading '-' or '+') to entry `ent`,
 * before the first shorter one. */
static dyad_status add_pattern(struct cl_dict *d, uint32_t ent, const char *s,
                               size_t n, uint32_t code, uint32_t file,
                               uint32_t line, bool whole, bool *ok) {
  int len, alt;
  pattern_length(s, n, &len, &alt);
  uint32_t at;
  bool missing;
  size_t mark = d->cells.len;
  TRY(phrase_store(d, s, n, false, &at, &missing));
  *ok = !missing;
  if (missing) {
    d->cells.len = mark;
    return DYAD_OK;
  }
  if (whole) {
    /* PETRARCH: pattern words match whole words */
    for (size_t i = at; VEC_AT(&d->cells, int32_t, i); i += 2)
      VEC_AT(&d->cells, int32_t, i + 1) &= ~CN_PARTNEXT;
  }
  struct cl_pat *p = Dyad_vec_push(&d->pats);
  if (!p)
    return DYAD_ERR_NOMEM;
  p->phrase = at;
  p->code = code;
  p->length = len + alt;
  p->maxalt = alt;
  p->file = file;
  p->line = line;
  uint32_t pi = (uint32_t)(d->pats.len - 1);
  struct cl_ent *e = cl_ent(d, ent);
  if (e->pats == CL_NONE || cl_pat(d, e->pats)->length < p->length) {
    p->next = e->pats;
    e->pats = pi;
    return DYAD_OK;
  }
  uint32_t q = e->pats;
  while (cl_pat(d, q)->next != CL_NONE &&
         cl_pat(d, cl_pat(d, q)->next)->length >= p->length)
    q = cl_pat(d, q)->next;
  p->next = cl_pat(d, q)->next;
  cl_pat(d, q)->next = pi;
  return DYAD_OK;
}

/* ---- codes
 * -------------------------------------------------------------------- */

long Dyad_cl_julian(const char *s, size_t n) {
  size_t k = 0;
  while (k < n && isdigit((unsigned char)s[k]))
    k++;
  if (k != 6 && k != 8)
    return -1;
  long v = 0;
  for (size_t i = 0; i < k; i++)
    v = v * 10 + (s[i] - '0');
  int ymd;
  if (k == 6) {
    long yy = v / 10000;
    ymd = (int)((yy <= 30 ? 2000 + yy : 1900 + yy) * 10000 + v % 10000);
  } else {
    ymd = (int)v;
  }
  if (!Dyad_date_valid(ymd))
    return -1;
  return Dyad_date_to_days(ymd);
}

/* One code with its precedence mark: "031!" "023?". */
static dyad_status mark_code(struct cl_dict *d, const char *s, size_t n,
                             uint32_t *id, uint8_t *sub, uint8_t *dom) {
  char tmp[128];
  if (n >= sizeof tmp)
    n = sizeof tmp - 1;
  memcpy(tmp, s, n);
  tmp[n] = '\0';
  char *q = strchr(tmp, '?');
  *sub = *dom = 0;
  if (q) {
    *sub = 1;
  } else if ((q = strchr(tmp, '!'))) {
    *dom = 1;
  }
  if (q)
    *q = '\0';
  return code_id(d, tmp, strlen(tmp), id);
}

dyad_status Dyad_cl_evcode(struct cl_dict *d, const char *s, size_t n,
                           uint32_t *out) {
  /* the text between the first '[' and the last ']' */
  const char *b = memchr(s, '[', n);
  if (b) {
    n -= (size_t)(b + 1 - s);
    s = b + 1;
  }
  while (n && s[n - 1] != ']')
    n--;
  if (n)
    n--;
  /* the code ends at a blank or '/' (issues) */
  size_t e = 0;
  while (e < n && s[e] != ' ' && s[e] != '/' && s[e] != '\t')
    e++;
  struct cl_evcode ec;
  memset(&ec, 0, sizeof ec);
  const char *colon = memchr(s, ':', e);
  if (colon) {
    TRY(mark_code(d, s, (size_t)(colon - s), &ec.code, &ec.sub, &ec.dom));
    TRY(mark_code(d, colon + 1, (size_t)(s + e - colon - 1), &ec.pair, &ec.psub,
                  &ec.pdom));
  } else {
    TRY(mark_code(d, s, e, &ec.code, &ec.sub, &ec.dom));
  }
  struct cl_evcode *p = Dyad_vec_push(&d->evcodes);
  if (!p)
    return DYAD_ERR_NOMEM;
  *p = ec;
  *out = (uint32_t)(d->evcodes.len - 1);
  return DYAD_OK;
}

/* A compound list "A/B:X/C" of one date block. */
static dyad_status actor_items(struct cl_dict *d, const char *s, size_t n,
                               struct cl_ablock *b) {
  b->items = (uint32_t)d->aitems.len;
  b->nitems = 0;
  size_t i = 0;
  for (;;) {
    size_t j = i;
    while (j < n && s[j] != '/')
      j++;
    struct cl_aitem *it = Dyad_vec_push(&d->aitems);
    if (!it)
      return DYAD_ERR_NOMEM;
    const char *c = memchr(s + i, ':', j - i);
    if (c) {
      TRY(code_id(d, s + i, (size_t)(c - (s + i)), &it->actor));
      TRY(code_id(d, c + 1, (size_t)(s + j - c - 1), &it->agent));
    } else {
      TRY(code_id(d, s + i, j - i, &it->actor));
    }
    b->nitems++;
    if (j >= n)
      break;
    i = j + 1;
  }
  return DYAD_OK;
}

static dyad_status push_block(struct cl_dict *d, const struct cl_ablock *b) {
  struct cl_ablock *p = Dyad_vec_push(&d->ablocks);
  if (!p)
    return DYAD_ERR_NOMEM;
  *p = *b;
  return DYAD_OK;
}

/* First digits at or after s, as a date. */
static long date_after(const char *s, const char *e) {
  while (s < e && !isdigit((unsigned char)*s))
    s++;
  return Dyad_cl_julian(s, (size_t)(e - s));
}

/*
 * An actor code string: "[A]", "[A/B]", "[A:X]", "[A <950101] [B]",
 * "[A 950101-991231]", several blocks, or a bare code "A". A lone dated
 * block gets a "[---]" default after it (TABARI addNullString). *out gets
 * the acode index; *ok false when malformed.
 */
static dyad_status actor_string(struct cl_dict *d, const char *s, size_t n,
                                bool petrarch, uint32_t *out, bool *ok) {
  struct cl_acode ac = {(uint32_t)d->ablocks.len, 0};
  *ok = true;
  const char *lb = memchr(s, '[', n);
  if (!lb) {
    struct cl_ablock b = {AB_ANY, 0, 0, 0, 0};
    size_t m = n;
    const char *t = s;
    while (m && isspace((unsigned char)*t)) {
      t++;
      m--;
    }
    size_t k = 0;
    while (k < m && !isspace((unsigned char)t[k]))
      k++;
    TRY(actor_items(d, t, k, &b));
    TRY(push_block(d, &b));
    ac.nblocks = 1;
  } else {
    /* a lone dated block: an operator followed by a digit, one block */
    bool add_null = false;
    const char *op = NULL;
    for (size_t i = 0; i < n && !op; i++)
      if (s[i] == '<' || s[i] == '>' || s[i] == '-')
        op = s + i;
    if (!petrarch && op && op + 1 < s + n && isdigit((unsigned char)op[1])) {
      const char *rb = memchr(s, ']', n);
      if (rb && !memchr(rb, '[', (size_t)(s + n - rb)))
        add_null = true;
    }
    const char *p = lb;
    while (p) {
      const char *in = p + 1;
      const char *rb = memchr(in, ']', (size_t)(s + n - in));
      if (!rb) {
        *ok = false;
        return DYAD_OK;
      }
      char buf[256];
      size_t m = (size_t)(rb - in);
      while (m && isspace((unsigned char)*in)) {
        in++;
        m--;
      }
      while (m && isspace((unsigned char)in[m - 1]))
        m--;
      if (!m || m >= sizeof buf) {
        *ok = false;
        return DYAD_OK;
      }
      memcpy(buf, in, m);
      buf[m] = '\0';
      struct cl_ablock b = {AB_ANY, 0, 0, 0, 0};
      /* a date range d1-d2 (not the '-' of a null code "---") */
      char *pivot = strchr(buf, '-');
      if (pivot && pivot[1] == '-' && pivot[2] == '-')
        pivot = strchr(pivot + 3, '-');
      char *lt = strchr(buf, '<'), *gt = strchr(buf, '>');
      if (lt || gt) {
        char *o = lt ? lt : gt;
        b.kind = lt ? AB_BEFORE : AB_AFTER;
        b.d1 = date_after(o, buf + m);
        size_t cn = (size_t)(o - buf);
        while (cn && isspace((unsigned char)buf[cn - 1]))
          cn--;
        if (!cn || b.d1 < 0) {
          *ok = false;
          return DYAD_OK;
        }
        TRY(actor_items(d, buf, cn, &b));
      } else if (pivot) {
        /* back over blanks and digits to the blank before the first date */
        char *q = pivot - 1;
        while (q >= buf && *q == ' ')
          q--;
        while (q >= buf && isdigit((unsigned char)*q))
          q--;
        if (q < buf || *q != ' ') {
          *ok = false;
          return DYAD_OK;
        }
        b.kind = AB_RANGE;
        b.d1 = date_after(q, pivot);
        b.d2 = date_after(pivot, buf + m);
        size_t cn = (size_t)(q - buf);
        while (cn && isspace((unsigned char)buf[cn - 1]))
          cn--;
        if (!cn || b.d1 < 0 || b.d2 < 0) {
          *ok = false;
          return DYAD_OK;
        }
        TRY(actor_items(d, buf, cn, &b));
      } else {
        size_t k = 0;
        while (k < m && !isspace((unsigned char)buf[k]))
          k++;
        TRY(actor_items(d, buf, k, &b));
      }
      TRY(push_block(d, &b));
      ac.nblocks++;
      p = memchr(rb, '[', (size_t)(s + n - rb));
    }
    if (add_null) {
      struct cl_ablock b = {AB_ANY, 0, 0, 0, 0};
      TRY(actor_items(d, "---", 3, &b));
      TRY(push_block(d, &b));
      ac.nblocks++;
    }
    if (petrarch && ac.nblocks > 1) {
      /* PETRARCH: the dated codes first, in file order, then the default */
      struct cl_ablock *b = &VEC_AT(&d->ablocks, struct cl_ablock, ac.blocks);
      for (uint32_t i = 1; i < ac.nblocks; i++) {
        struct cl_ablock x = b[i];
        uint32_t j = i;
        while (j > 0 && b[j - 1].kind == AB_ANY && x.kind != AB_ANY) {
          b[j] = b[j - 1];
          j--;
        }
        b[j] = x;
      }
    }
  }
  struct cl_acode *a = Dyad_vec_push(&d->acodes);
  if (!a)
    return DYAD_ERR_NOMEM;
  *a = ac;
  *out = (uint32_t)(d->acodes.len - 1);
  return DYAD_OK;
}

/* "[+7]", "[-1]", "[---]", "[###]", "[+++]". */
static dyad_status time_code(struct cl_dict *d, const char *s, size_t n,
                             uint32_t *out) {
  struct cl_time t = {0, 0};
  char buf[64];
  if (n >= sizeof buf)
    n = sizeof buf - 1;
  memcpy(buf, s, n);
  buf[n] = '\0';
  if (strstr(buf, "---"))
    t.special = CC_NULL;
  else if (strstr(buf, "###"))
    t.special = CC_DISCARD;
  else if (strstr(buf, "+++"))
    t.special = CC_COMPLEX;
  else
    t.shift = (int)strtol(buf[0] == '[' ? buf + 1 : buf, NULL, 10);
  if (t.shift > 8191 || t.shift < -8191)
    t.shift = 0;
  struct cl_time *p = Dyad_vec_push(&d->times);
  if (!p)
    return DYAD_ERR_NOMEM;
  *p = t;
  *out = (uint32_t)(d->times.len - 1);
  return DYAD_OK;
}

/* ---- built-in words --------------------------------------------------------
 */

dyad_status Dyad_cl_dict_builtins(struct cl_dict *d) {
  static const char *const syms[] = {",", "#", "*", "$", "+", "@",
                                     "%", "^", "{", "|", "}"};
  uint32_t lit;
  if (!Dyad_vec_push(&d->lits))
    return DYAD_ERR_NOMEM; /* literal 0 unused */
  for (size_t i = 0; i < sizeof syms / sizeof syms[0]; i++)
    TRY(lit_make(d, syms[i], 1, &lit));
  while (d->lits.len < SL_LIMIT) {
    struct cl_lit *l = Dyad_vec_push(&d->lits);
    if (!l)
      return DYAD_ERR_NOMEM;
    l->first = l->last = CL_NONE;
  }
  /* index 0 of the code tables means "none" */
  if (!Dyad_vec_push(&d->evcodes) || !Dyad_vec_push(&d->times))
    return DYAD_ERR_NOMEM;
  uint32_t id;
  TRY(code_id(d, "---", 3, &id)); /* CC_NULL */
  TRY(code_id(d, "+++", 3, &id)); /* CC_COMPLEX */
  TRY(code_id(d, "###", 3, &id)); /* CC_DISCARD */
  TRY(code_id(d, "***", 3, &id)); /* CC_BLANK */
  TRY(code_id(d, "~ELI", 4, &d->agent_eli));
  TRY(code_id(d, "(---)", 5, &d->null_actor));
  static const struct {
    const char *w;
    uint8_t type;
  } words[] = {
      {"A_", W_DETERM},
      {"AN_", W_DETERM},
      {"THE_", W_DETERM},
      {"AND_", W_CONJ},
      {"NOR_", W_CONJ},
      {"BUT_", W_CONJ},
      {"OR_", W_CONJ},
      {"IN_", W_PREP},
      {"OF_", W_PREP},
      {"HE_", W_PRONOUN},
      {"HIM_", W_PRONOUN},
      {"SHE_", W_PRONOUN},
      {"HER_", W_PRONOUN},
      {"IT_", W_PRONOUN},
      {"THEM_", W_PRONOUN},
      {"THEIR_", W_PRONOUN},
      {"THEY_", W_PRONOUN},
      {"WERE_", W_AUXIL},
      {"WAS_", W_AUXIL},
      {"BEEN_", W_AUXIL},
      {"BY_", W_BYWORD},
      {"FORMER_", W_ADJ},
      {"DEFAULT_ACTOR", W_ACTOR},
  };
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
    uint32_t r;
    TRY(root_phrase(d, words[i].w, strlen(words[i].w), words[i].type, CL_NONE,
                    false, &r));
    uint32_t first = (uint32_t)cl_cells(d, cl_root(d, r)->phrase)[0];
    if (!strcmp(words[i].w, "THE_"))
      d->lit_the = first;
    else if (!strcmp(words[i].w, "AND_"))
      d->lit_and = first;
    else if (!strcmp(words[i].w, "NOR_"))
      d->lit_nor = first;
    else if (!strcmp(words[i].w, "HE_"))
      d->lit_he = first;
    else if (!strcmp(words[i].w, "IT_"))
      d->lit_it = first;
    else if (!strcmp(words[i].w, "FORMER_"))
      d->root_former = r;
    else if (!strcmp(words[i].w, "DEFAULT_ACTOR"))
      d->root_default = r;
  }
  return DYAD_OK;
}

/* ---- file lines ------------------------------------------------------------
 */

struct rd {
  struct cl_dict *d;
  char *data;
  size_t len, pos;
  unsigned no;   /* line number of the line last returned */
  uint32_t file; /* index in d->files */
  bool petrarch;
  dyad_error *err;
};

static dyad_status rd_open(struct rd *r, struct cl_dict *d, const char *path,
                           bool petrarch, dyad_error *err) {
  memset(r, 0, sizeof *r);
  r->d = d;
  r->petrarch = petrarch;
  r->err = err;
  FILE *f = fopen(path, "rb");
  if (!f)
    return Dyad_error_set(err, DYAD_ERR_IO, path, 0, 0, "cannot open: %s",
                          strerror(errno));
  struct buf b;
  Dyad_buf_init(&b, 0);
  char chunk[65536];
  size_t k;
  dyad_status st = DYAD_OK;
  while (st == DYAD_OK && (k = fread(chunk, 1, sizeof chunk, f)) > 0)
    st = Dyad_buf_put(&b, chunk, k);
  fclose(f);
  if (st != DYAD_OK) {
    Dyad_buf_fini(&b);
    return st;
  }
  r->data = b.data ? b.data : NULL;
  r->len = b.len;
  for (size_t i = 0; i < d->files.len; i++)
    if (!strcmp(VEC_AT(&d->files, const char *, i), path)) {
      r->file = (uint32_t)i;
      return DYAD_OK;
    }
  const char **fp = Dyad_vec_push(&d->files);
  if (!fp) {
    free(r->data);
    return DYAD_ERR_NOMEM;
  }
  *fp = path;
  r->file = (uint32_t)(d->files.len - 1);
  return DYAD_OK;
}

static void rd_close(struct rd *r) {
  free(r->data);
}

/* Next raw line (no terminator, CR removed); false at the end. */
static bool rd_raw(struct rd *r, const char **s, size_t *n) {
  if (r->pos >= r->len)
    return false;
  const char *p = r->data + r->pos;
  const char *nl = memchr(p, '\n', r->len - r->pos);
  size_t m = nl ? (size_t)(nl - p) : r->len - r->pos;
  r->pos += m + (nl ? 1 : 0);
  r->no++;
  while (m && p[m - 1] == '\r')
    m--;
  *s = p;
  *n = m;
  return true;
}

static const char *trim(const char *s, size_t *n) {
  while (*n && isspace((unsigned char)*s)) {
    s++;
    --*n;
  }
  while (*n && isspace((unsigned char)s[*n - 1]))
    --*n;
  return s;
}

/* A line read the TABARI way: phrase (upper case, '-' made '_', "{|}"
 * padded) and code text. */
struct pline {
  char phrase[PHRASE_CAP];
  size_t pn;
  char code[PHRASE_CAP];
  size_t cn;
  bool bracket; /* the code came from "[...]" */
};

/* Pads c with blanks as TABARI's addBlanks did ("_{" and "}_" keep their
 * underscore). */
static void pad_char(struct pline *l, char c) {
  char tmp[PHRASE_CAP];
  size_t k = 0;
  for (size_t i = 0; i < l->pn && k + 4 < sizeof tmp; i++) {
    char x = l->phrase[i];
    if (x != c) {
      tmp[k++] = x;
      continue;
    }
    bool pb = i > 0 && l->phrase[i - 1] == ' ';
    bool nb = i + 1 < l->pn && l->phrase[i + 1] == ' ';
    if (pb && nb) {
      tmp[k++] = x;
    } else if (c == '{' && i > 0 && l->phrase[i - 1] == '_') {
      tmp[k++] = '{';
      tmp[k++] = ' ';
    } else if (c == '}' && i + 1 < l->pn && l->phrase[i + 1] == '_') {
      tmp[k++] = ' ';
      tmp[k++] = '}';
    } else {
      tmp[k++] = ' ';
      tmp[k++] = x;
      tmp[k++] = ' ';
    }
  }
  memcpy(l->phrase, tmp, k);
  l->pn = k;
  l->phrase[k] = '\0';
}

/*
 * The next line with something to read (TABARI readLine + parseLine): skips
 * empty lines and comment lines, stops at a line starting '~'. Returns
 * false at the end; *ok false for a line TABARI would reject (no code where
 * one is needed, an empty code, a phrase under two characters).
 */
static bool rd_line(struct rd *r, bool code_optional, bool needcodes,
                    struct pline *l, bool *ok) {
  const char *s;
  size_t n;
  for (;;) {
    if (!rd_raw(r, &s, &n))
      return false;
    if (r->petrarch) {
      size_t m = n;
      const char *t = trim(s, &m);
      if (m >= 2 && t[0] == '<' && t[1] == '!')
        continue;
      if (m && t[0] == '#')
        continue;
      if (!m)
        continue;
      break;
    }
    if (n > LINE_MAX_TAB || !n || s[0] == '/' || s[0] == '#')
      continue;
    if (s[0] == '~')
      return false;
    break;
  }
  s = trim(s, &n);
  *ok = false;
  l->pn = l->cn = 0;
  l->phrase[0] = l->code[0] = '\0';
  l->bracket = false;
  if (!n)
    return true;
  /* the part before the comment */
  const char *cm = memchr(s, r->petrarch ? '#' : ';', n);
  char sa[PHRASE_CAP];
  size_t an = cm ? (size_t)(cm - s) : n;
  if (an > PHRASE_CAP - 16)
    an = PHRASE_CAP - 16;
  memcpy(sa, s, an);
  sa[an] = '\0';
  if (r->petrarch) {
    while (an && isspace((unsigned char)sa[an - 1]))
      sa[--an] = '\0';
  }
  if (an && (sa[0] == '<' || sa[0] == '&')) {
    memcpy(l->phrase, sa, an + 1);
    l->pn = an;
    *ok = true;
    return true;
  }
  if (an && (sa[0] == '+' || sa[0] == '{')) {
    memcpy(sa + an, " [---]", 7);
    an += 6;
  }
  const char *lb = memchr(sa, '[', an);
  if (lb) {
    l->pn = (size_t)(lb - sa);
    memcpy(l->phrase, sa, l->pn);
    l->cn = an - l->pn;
    memcpy(l->code, lb, l->cn);
    l->code[l->cn] = '\0';
    l->bracket = true;
    bool content = false;
    for (size_t i = 1; i < l->cn && l->code[i] != ']'; i++)
      if ((unsigned char)l->code[i] > 32)
        content = true;
    if (!content)
      return true;
  } else {
    l->pn = an;
    memcpy(l->phrase, sa, an);
    memcpy(l->code, "---", 4);
    l->cn = 3;
    if (!code_optional)
      return true;
  }
  l->phrase[l->pn] = '\0';
  for (size_t i = 0; i < l->pn; i++) {
    char c = l->phrase[i];
    if ((unsigned char)c < 128)
      c = (char)toupper((unsigned char)c);
    if (i > 0 && c == '-')
      c = '_';
    l->phrase[i] = c;
  }
  pad_char(l, '{');
  pad_char(l, '|');
  pad_char(l, '}');
  while (l->pn && isspace((unsigned char)l->phrase[l->pn - 1]))
    l->phrase[--l->pn] = '\0';
  if (!needcodes && l->pn < 2)
    return true;
  *ok = true;
  return true;
}

/* ---- TABARI .actors
 * ----------------------------------------------------------- */

static dyad_status read_words(struct rd *r, const char *endtag, uint8_t type) {
  struct pline l;
  bool ok;
  while (rd_line(r, true, false, &l, &ok)) {
    if (!ok)
      continue;
    if (strstr(l.phrase, endtag))
      return DYAD_OK;
    uint32_t ent, root;
    TRY(new_ent(r->d, r->file, r->no, &ent));
    TRY(root_phrase(r->d, l.phrase, l.pn, type, ent, true, &root));
  }
  return DYAD_OK;
}

/* Sets the actor codes of entry `ent` from code text s[0..n). */
static dyad_status set_actor_codes(struct rd *r, uint32_t ent, const char *s,
                                   size_t n) {
  uint32_t ac;
  bool ok;
  TRY(actor_string(r->d, s, n, r->petrarch, &ac, &ok));
  if (ok)
    cl_ent(r->d, ent)->code = ac + 1;
  return DYAD_OK;
}

static dyad_status read_actors(struct rd *r) {
  struct cl_dict *d = r->d;
  struct pline l;
  bool ok;
  bool needcodes = false;
  uint32_t cur = CL_NONE; /* entry of the last actor */
  struct buf rest;        /* date blocks on their own lines */
  Dyad_buf_init(&rest, 1 << 20);
  dyad_status st = DYAD_OK;
  while (st == DYAD_OK && rd_line(r, true, needcodes, &l, &ok)) {
    if (!ok)
      continue;
    if (strstr(l.phrase, "<NOUN")) {
      st = read_words(r, "</NOUN>", W_NOUN);
      continue;
    }
    if (strstr(l.phrase, "<ADJ")) {
      st = read_words(r, "</ADJ", W_ADJ);
      continue;
    }
    if (l.phrase[0] == '+') {
      if (cur == CL_NONE)
        continue;
      uint32_t root;
      st = root_phrase(d, l.phrase + 1, l.pn - 1, W_ACTOR, cur, true, &root);
      continue;
    }
    if (!l.pn) { /* "[CODE date]" on its own line */
      if (needcodes) {
        st = Dyad_buf_put(&rest, l.code, l.cn);
        if (st == DYAD_OK)
          st = Dyad_buf_putc(&rest, ' ');
      }
      continue;
    }
    if (needcodes && cur != CL_NONE && rest.len)
      st = set_actor_codes(r, cur, rest.data, rest.len);
    if (st != DYAD_OK)
      break;
    rest.len = 0;
    needcodes = false;
    uint32_t ent, root;
    st = new_ent(d, r->file, r->no, &ent);
    if (st == DYAD_OK)
      st = root_phrase(d, l.phrase, l.pn, W_ACTOR, ent, true, &root);
    if (st != DYAD_OK)
      break;
    if (root == CL_NONE) {
      d->ents.len--; /* a duplicate: skipped with its codes */
      cur = CL_NONE;
      continue;
    }
    cur = ent;
    if (l.bracket)
      st = set_actor_codes(r, ent, l.code, l.cn);
    else
      needcodes = true;
  }
  if (st == DYAD_OK && needcodes && cur != CL_NONE && rest.len)
    st = set_actor_codes(r, cur, rest.data, rest.len);
  Dyad_buf_fini(&rest);
  return st;
}

/* ---- TABARI .agents ---------------------------------------------------------
 */

/* The code inside "[...]", trimmed. */
static dyad_status bracket_code(struct cl_dict *d, const char *s, size_t n,
                                uint32_t *id) {
  const char *b = memchr(s, '[', n);
  if (b) {
    n -= (size_t)(b + 1 - s);
    s = b + 1;
  }
  const char *e = memchr(s, ']', n);
  if (e)
    n = (size_t)(e - s);
  return code_id(d, s, n, id);
}

static dyad_status read_agents(struct rd *r) {
  struct pline l;
  bool ok;
  while (rd_line(r, false, false, &l, &ok)) {
    if (!ok || !memchr(l.code, '~', l.cn))
      continue;
    uint32_t ent, root;
    TRY(new_ent(r->d, r->file, r->no, &ent));
    TRY(bracket_code(r->d, l.code, l.cn, &cl_ent(r->d, ent)->code));
    TRY(root_phrase(r->d, l.phrase, l.pn, W_AGENT, ent, true, &root));
    if (root == CL_NONE)
      r->d->ents.len--;
  }
  return DYAD_OK;
}

/* ---- TABARI .verbs
 * ------------------------------------------------------------- */

static dyad_status read_section(struct rd *r, const char *endtag,
                                uint8_t type) {
  struct cl_dict *d = r->d;
  struct pline l;
  bool ok;
  uint32_t ent = CL_NONE;
  while (rd_line(r, type == W_ATTRIB, false, &l, &ok)) {
    if (!ok)
      continue;
    if (strstr(l.phrase, endtag))
      return DYAD_OK;
    if (l.phrase[0] != '-') {
      uint32_t root;
      TRY(new_ent(d, r->file, r->no, &ent));
      if (type == W_TIME)
        TRY(time_code(d, l.code, l.cn, &cl_ent(d, ent)->code));
      else
        TRY(Dyad_cl_evcode(d, l.code, l.cn, &cl_ent(d, ent)->code));
      TRY(root_phrase(d, l.phrase, l.pn, type, ent, false, &root));
      if (type == W_TIME)
        d->has_time = true;
      else
        d->has_attrib = true;
    } else if (ent != CL_NONE) {
      uint32_t code;
      if (type == W_TIME)
        TRY(time_code(d, l.code, l.cn, &code));
      else
        TRY(Dyad_cl_evcode(d, l.code, l.cn, &code));
      bool pok;
      TRY(add_pattern(d, ent, l.phrase + 1, l.pn - 1, code, r->file, r->no,
                      r->petrarch, &pok));
    }
  }
  return DYAD_OK;
}

/* True when a root with the phrase "&NAME" exists (TABARI duplicateSyn). */
static bool duplicate_syn(const struct cl_dict *d, const char *s, size_t n) {
  uint32_t lit = Dyad_cl_lit(d, s, n);
  if (!lit)
    return false;
  const struct cl_lit *l = &VEC_AT(&d->lits, struct cl_lit, lit);
  for (uint32_t r = l->first; r != CL_NONE; r = cl_root(d, r)->next) {
    const int32_t *p = cl_cells(d, cl_root(d, r)->phrase);
    if (p[0] == (int32_t)lit && !p[2])
      return true;
  }
  return false;
}

static dyad_status read_synsets(struct rd *r) {
  struct cl_dict *d = r->d;
  struct pline l;
  bool ok;
  uint32_t ent = CL_NONE;
  char name[PHRASE_CAP] = "";
  while (rd_line(r, true, false, &l, &ok)) {
    if (!ok)
      continue;
    if (strstr(l.phrase, "</SYN"))
      return DYAD_OK;
    if (l.phrase[0] != '+') {
      /* "&NAME": the set's designator, stored as a literal */
      size_t n = l.pn;
      const char *s = trim(l.phrase, &n);
      if (duplicate_syn(d, s, n)) {
        ent = CL_NONE;
        continue;
      }
      uint32_t root;
      TRY(new_ent(d, r->file, r->no, &ent));
      TRY(root_phrase(d, s, n, W_SYNYM, ent, false, &root));
      if (root == CL_NONE)
        ent = CL_NONE;
      memcpy(name, s, n);
      name[n] = '\0';
    } else if (ent != CL_NONE && !(name[0] && strstr(l.phrase, name))) {
      bool pok;
      TRY(add_pattern(d, ent, l.phrase + 1, l.pn - 1, 0, r->file, r->no, false,
                      &pok));
    }
  }
  return DYAD_OK;
}

static dyad_status read_verbs(struct rd *r) {
  struct cl_dict *d = r->d;
  struct pline l;
  bool ok;
  uint32_t ent = CL_NONE;
  bool skip = false;
  while (rd_line(r, false, false, &l, &ok)) {
    if (!ok)
      continue;
    if (strstr(l.phrase, "<TIME>")) {
      TRY(read_section(r, "</TIME>", W_TIME));
      continue;
    }
    if (strstr(l.phrase, "<ATTRIB")) {
      TRY(read_section(r, "</ATTRIB", W_ATTRIB));
      continue;
    }
    if (strstr(l.phrase, "<SYN")) {
      TRY(read_synsets(r));
      continue;
    }
    if (l.phrase[0] == '-') {
      if (ent == CL_NONE || skip || !strchr(l.phrase, '*'))
        continue;
      uint32_t code;
      bool pok;
      TRY(Dyad_cl_evcode(d, l.code, l.cn, &code));
      TRY(add_pattern(d, ent, l.phrase + 1, l.pn - 1, code, r->file, r->no,
                      r->petrarch, &pok));
      continue;
    }
    if (l.pn > 1 && l.phrase[1] == '{') {
      /* "{ FORM FORM }": more forms of the last root */
      if (skip || ent == CL_NONE)
        continue;
      const char *s = l.phrase + 2, *e = l.phrase + l.pn;
      while (s < e) {
        while (s < e && (*s == ' ' || *s == '}'))
          s++;
        const char *w = s;
        while (s < e && *s != ' ' && *s != '}')
          s++;
        if (s == w)
          break;
        uint32_t root;
        TRY(root_phrase(d, w, (size_t)(s - w), W_VERB, ent, true, &root));
        if (root == CL_NONE)
          break;
      }
      continue;
    }
    /* a root: "VERB [code]" */
    uint32_t at;
    bool missing;
    size_t mark = d->cells.len;
    TRY(phrase_store(d, l.phrase, l.pn, false, &at, &missing));
    if (missing || !cl_cells(d, at)[0] || duplicate(d, at)) {
      d->cells.len = mark;
      skip = true;
      continue;
    }
    TRY(new_ent(d, r->file, r->no, &ent));
    TRY(Dyad_cl_evcode(d, l.code, l.cn, &cl_ent(d, ent)->code));
    TRY(add_root(d, at, W_VERB, ent, NULL));
    skip = false;
  }
  return DYAD_OK;
}

/* ---- files
 * ---------------------------------------------------------------------- */

dyad_status Dyad_cl_petrarch_file(struct cl_dict *d, struct rd *r, int kind);

dyad_status Dyad_cl_dict_file(struct cl_dict *d, const char *path, int kind,
                              bool petrarch, dyad_error *err) {
  struct rd r;
  TRY(rd_open(&r, d, path, petrarch, err));
  dyad_status st = DYAD_OK;
  if (petrarch) {
    d->petrarch = true;
    st = Dyad_cl_petrarch_file(d, &r, kind);
  } else if (kind == 'A') {
    st = read_actors(&r);
  } else if (kind == 'G') {
    st = read_agents(&r);
  } else if (kind == 'V') {
    st = read_verbs(&r);
  }
  rd_close(&r);
  return st;
}

/* ---- PETRARCH files
 * ---------------------------------------------------------------- */

/* PETRARCH folds '_' and blanks alike and matches whole words: a phrase
 * becomes words joined by '_' with a trailing '_' (exact last word). */
static size_t petrarch_phrase(const char *s, size_t n, char *out, size_t cap,
                              bool exact_last) {
  size_t k = 0;
  size_t i = 0;
  while (i < n) {
    while (i < n && (s[i] == ' ' || s[i] == '_' || s[i] == '\t'))
      i++;
    if (i >= n)
      break;
    if (k && k + 1 < cap)
      out[k++] = '_';
    while (i < n && s[i] != ' ' && s[i] != '_' && s[i] != '\t' && k + 2 < cap) {
      char c = s[i++];
      if ((unsigned char)c < 128)
        c = (char)toupper((unsigned char)c);
      if (c == '-')
        c = '_';
      out[k++] = c;
    }
  }
  if (exact_last && k && k + 1 < cap)
    out[k++] = '='; /* whole word: PETRARCH lists or generates the forms */
  out[k] = '\0';
  return k;
}

/* Regular plural of the last word of a PETRARCH phrase (as the loader
 * does: +S, consonant Y -> IES, S X Z CH SH -> ES). */
static size_t plural_of(const char *p, size_t n, char *out, size_t cap) {
  if (n + 3 >= cap || n < 2)
    return 0;
  size_t e = n;
  if (p[e - 1] == '_' || p[e - 1] == '=')
    e--;
  size_t ws = e;
  while (ws && p[ws - 1] != '_')
    ws--;
  if (e - ws < 2)
    return 0;
  for (size_t i = ws; i < e; i++)
    if (!isalpha((unsigned char)p[i]))
      return 0;
  memcpy(out, p, e);
  size_t k = e;
  char last = p[e - 1], prev = p[e - 2];
  if (last == 'Y' && !strchr("AEIOU", prev)) {
    out[k - 1] = 'I';
    out[k++] = 'E';
    out[k++] = 'S';
  } else if (strchr("SXZ", last) ||
             (last == 'H' && (prev == 'C' || prev == 'S'))) {
    out[k++] = 'E';
    out[k++] = 'S';
  } else {
    out[k++] = 'S';
  }
  out[k++] = '=';
  out[k] = '\0';
  return k;
}

static dyad_status p_actors(struct rd *r) {
  struct cl_dict *d = r->d;
  struct pline l;
  bool ok;
  bool needcodes = false;
  uint32_t cur = CL_NONE;
  struct buf rest;
  Dyad_buf_init(&rest, 1 << 20);
  dyad_status st = DYAD_OK;
  char ph[PHRASE_CAP];
  while (st == DYAD_OK && rd_line(r, true, true, &l, &ok)) {
    if (!ok)
      continue;
    if (l.phrase[0] == '<')
      continue;
    if (l.phrase[0] == '+') {
      if (cur == CL_NONE)
        continue;
      size_t k = petrarch_phrase(l.phrase + 1, l.pn - 1, ph, sizeof ph, true);
      uint32_t root;
      if (k)
        st = root_phrase(d, ph, k, W_ACTOR, cur, true, &root);
      continue;
    }
    if (!l.pn) {
      if (needcodes) {
        st = Dyad_buf_put(&rest, l.code, l.cn);
        if (st == DYAD_OK)
          st = Dyad_buf_putc(&rest, ' ');
      }
      continue;
    }
    if (needcodes && cur != CL_NONE && rest.len)
      st = set_actor_codes(r, cur, rest.data, rest.len);
    if (st != DYAD_OK)
      break;
    rest.len = 0;
    needcodes = false;
    size_t k = petrarch_phrase(l.phrase, l.pn, ph, sizeof ph, true);
    if (!k)
      continue;
    uint32_t ent, root;
    st = new_ent(d, r->file, r->no, &ent);
    if (st == DYAD_OK)
      st = root_phrase(d, ph, k, W_ACTOR, ent, true, &root);
    if (st != DYAD_OK)
      break;
    if (root == CL_NONE) {
      d->ents.len--;
      cur = CL_NONE;
      continue;
    }
    cur = ent;
    /* the code on the line and those on the lines after it are one list */
    needcodes = true;
    if (l.bracket) {
      st = Dyad_buf_put(&rest, l.code, l.cn);
      if (st == DYAD_OK)
        st = Dyad_buf_putc(&rest, ' ');
    }
  }
  if (st == DYAD_OK && needcodes && cur != CL_NONE && rest.len)
    st = set_actor_codes(r, cur, rest.data, rest.len);
  Dyad_buf_fini(&rest);
  return st;
}

/* A substitution set "!NAME! = A, B, C". */
struct subst {
  char name[64];
  char items[16][64];
  int n;
};

static dyad_status p_agent_phrase(struct cl_dict *d, const char *ph, size_t k,
                                  const char *forms, size_t fn, bool noplural,
                                  uint32_t code, uint32_t file, unsigned line) {
  uint32_t ent, root;
  TRY(new_ent(d, file, line, &ent));
  cl_ent(d, ent)->code = code;
  TRY(root_phrase(d, ph, k, W_AGENT, ent, true, &root));
  if (root == CL_NONE) {
    d->ents.len--;
    return DYAD_OK;
  }
  char buf[PHRASE_CAP];
  if (forms) {
    size_t i = 0;
    while (i < fn) {
      while (i < fn && (forms[i] == ' ' || forms[i] == '\t'))
        i++;
      size_t j = i;
      while (j < fn && forms[j] != ' ' && forms[j] != '\t')
        j++;
      if (j > i) {
        size_t m = petrarch_phrase(forms + i, j - i, buf, sizeof buf, true);
        if (m)
          TRY(root_phrase(d, buf, m, W_AGENT, ent, true, &root));
      }
      i = j;
    }
  } else if (!noplural) {
    size_t m = plural_of(ph, k, buf, sizeof buf);
    if (m)
      TRY(root_phrase(d, buf, m, W_AGENT, ent, true, &root));
  }
  return DYAD_OK;
}

static dyad_status p_agents(struct rd *r) {
  struct cl_dict *d = r->d;
  struct subst *subs = calloc(8, sizeof *subs);
  if (!subs)
    return DYAD_ERR_NOMEM;
  int nsubs = 0;
  const char *s;
  size_t n;
  dyad_status st = DYAD_OK;
  while (st == DYAD_OK && rd_raw(r, &s, &n)) {
    const char *hash = memchr(s, '#', n);
    if (hash)
      n = (size_t)(hash - s);
    s = trim(s, &n);
    if (!n || (n >= 2 && s[0] == '<' && s[1] == '!'))
      continue;
    if (s[0] == '!' && memchr(s, '=', n)) {
      if (nsubs >= 8)
        continue;
      struct subst *sb = &subs[nsubs++];
      const char *eq = memchr(s, '=', n);
      size_t nn = (size_t)(eq - s);
      const char *nm = trim(s, &nn);
      if (nn >= sizeof sb->name)
        nn = sizeof sb->name - 1;
      for (size_t i = 0; i < nn; i++)
        sb->name[i] = (char)toupper((unsigned char)nm[i]);
      sb->name[nn] = '\0';
      const char *p = eq + 1, *e = s + n;
      while (p < e && sb->n < 16) {
        const char *c = memchr(p, ',', (size_t)(e - p));
        size_t m = c ? (size_t)(c - p) : (size_t)(e - p);
        const char *it = trim(p, &m);
        if (m && m < 64) {
          for (size_t i = 0; i < m; i++)
            sb->items[sb->n][i] = (char)toupper((unsigned char)it[i]);
          sb->items[sb->n][m] = '\0';
          sb->n++;
        }
        p = c ? c + 1 : e;
      }
      continue;
    }
    const char *lb = memchr(s, '[', n);
    if (!lb || !memchr(lb, '~', (size_t)(s + n - lb)))
      continue;
    uint32_t code;
    st = bracket_code(d, lb, (size_t)(s + n - lb), &code);
    if (st != DYAD_OK)
      break;
    size_t pn = (size_t)(lb - s);
    const char *forms = NULL;
    size_t fn = 0;
    const char *br = memchr(s, '{', pn);
    if (br) {
      const char *cb = memchr(br, '}', (size_t)(lb - br));
      if (cb) {
        forms = br + 1;
        fn = (size_t)(cb - br - 1);
      }
      pn = (size_t)(br - s);
    }
    const char *ph = trim(s, &pn);
    char raw[PHRASE_CAP];
    if (pn >= sizeof raw)
      continue;
    for (size_t i = 0; i < pn; i++)
      raw[i] = (char)toupper((unsigned char)ph[i]);
    raw[pn] = '\0';
    bool noplural = forms && fn == 0;
    if (forms) {
      size_t t = fn;
      trim(forms, &t);
      noplural = t == 0;
      if (noplural)
        forms = NULL;
    }
    /* substitution: one entry per item */
    const char *bang = strchr(raw, '!');
    const char *bang2 = bang ? strchr(bang + 1, '!') : NULL;
    struct subst *sb = NULL;
    if (bang && bang2) {
      for (int i = 0; i < nsubs; i++)
        if (strlen(subs[i].name) == (size_t)(bang2 - bang + 1) &&
            !strncmp(subs[i].name, bang, (size_t)(bang2 - bang + 1)))
          sb = &subs[i];
    }
    char ph2[PHRASE_CAP], out[PHRASE_CAP];
    int nv = sb ? sb->n : 1;
    for (int v = 0; v < nv && st == DYAD_OK; v++) {
      size_t m;
      if (sb) {
        m = (size_t)snprintf(ph2, sizeof ph2, "%.*s%s%s", (int)(bang - raw),
                             raw, sb->items[v], bang2 + 1);
      } else {
        m = pn;
        memcpy(ph2, raw, pn + 1);
      }
      size_t k = petrarch_phrase(ph2, m, out, sizeof out, true);
      if (k)
        st = p_agent_phrase(d, out, k, forms, fn, noplural || sb, code, r->file,
                            r->no);
    }
  }
  free(subs);
  return st;
}

/* PETRARCH-1 verbs: synonym sets "&NAME" / "+member" anywhere, blocks
 * "--- NAME [code] ---", block members "VERB [code]" with '+' marking the
 * verb word and "{FORMS}", patterns "- ... [code]". */
static dyad_status p_verbs(struct rd *r) {
  struct cl_dict *d = r->d;
  const char *s;
  size_t n;
  uint32_t block_code = 0;
  uint32_t ent = CL_NONE;    /* the block's entry: its patterns */
  uint32_t synent = CL_NONE; /* the synonym set being read */
  bool in_syn = false;
  char name[PHRASE_CAP] = "";
  char ph[PHRASE_CAP];
  while (rd_raw(r, &s, &n)) {
    const char *hash = memchr(s, '#', n);
    if (hash)
      n = (size_t)(hash - s);
    s = trim(s, &n);
    if (!n || (n >= 2 && s[0] == '<' && s[1] == '!'))
      continue;
    if (n >= 3 && !strncmp(s, "---", 3)) {
      /* a block header */
      in_syn = false;
      const char *lb = memchr(s, '[', n);
      TRY(new_ent(d, r->file, r->no, &ent));
      if (lb)
        TRY(Dyad_cl_evcode(d, lb, (size_t)(s + n - lb), &block_code));
      else
        TRY(Dyad_cl_evcode(d, "[---]", 5, &block_code));
      cl_ent(d, ent)->code = block_code;
      continue;
    }
    if (s[0] == '&') {
      size_t m = 0;
      while (m < n && !isspace((unsigned char)s[m]))
        m++;
      char nm[PHRASE_CAP];
      for (size_t i = 0; i < m && i + 1 < sizeof nm; i++)
        nm[i] = (char)toupper((unsigned char)s[i]);
      nm[m < sizeof nm ? m : sizeof nm - 1] = '\0';
      size_t nl = strlen(nm);
      while (nl && nm[nl - 1] == '_')
        nm[--nl] = '\0';
      in_syn = true;
      if (duplicate_syn(d, nm, nl)) {
        synent = CL_NONE;
        continue;
      }
      uint32_t root;
      TRY(new_ent(d, r->file, r->no, &synent));
      TRY(root_phrase(d, nm, nl, W_SYNYM, synent, false, &root));
      if (root == CL_NONE)
        synent = CL_NONE;
      memcpy(name, nm, nl + 1);
      continue;
    }
    if (in_syn && s[0] == '+') {
      if (synent == CL_NONE)
        continue;
      size_t k = petrarch_phrase(s + 1, n - 1, ph, sizeof ph, true);
      bool pok;
      if (k && !strstr(ph, name))
        TRY(add_pattern(d, synent, ph, k, 0, r->file, r->no, true, &pok));
      continue;
    }
    in_syn = false;
    if (s[0] == '-') {
      if (ent == CL_NONE || !memchr(s, '*', n))
        continue;
      /* the pattern text, TABARI style (upper case, '-' -> '_') */
      const char *lb = memchr(s, '[', n);
      size_t pn = lb ? (size_t)(lb - s) : n;
      struct pline l;
      if (pn >= sizeof l.phrase)
        continue;
      l.pn = pn;
      for (size_t i = 0; i < pn; i++) {
        char c = s[i];
        if ((unsigned char)c < 128)
          c = (char)toupper((unsigned char)c);
        if (i > 0 && c == '-')
          c = '_';
        l.phrase[i] = c;
      }
      l.phrase[pn] = '\0';
      pad_char(&l, '{');
      pad_char(&l, '|');
      pad_char(&l, '}');
      while (l.pn && isspace((unsigned char)l.phrase[l.pn - 1]))
        l.phrase[--l.pn] = '\0';
      uint32_t code;
      if (lb)
        TRY(Dyad_cl_evcode(d, lb, (size_t)(s + n - lb), &code));
      else
        code = block_code;
      bool pok;
      TRY(add_pattern(d, ent, l.phrase + 1, l.pn - 1, code, r->file, r->no,
                      r->petrarch, &pok));
      continue;
    }
    if (ent == CL_NONE)
      continue;
    /* a block member: "VERB", "+VERB", "WORD_+VERB [code]", "{FORMS}" */
    const char *lb = memchr(s, '[', n);
    size_t pn = lb ? (size_t)(lb - s) : n;
    const char *forms = NULL;
    size_t fn = 0;
    const char *br = memchr(s, '{', pn);
    if (br) {
      const char *cb = memchr(br, '}', pn - (size_t)(br - s));
      if (cb) {
        forms = br + 1;
        fn = (size_t)(cb - br - 1);
      }
      pn = (size_t)(br - s);
    }
    /* the written words, and which one is the verb ('+', else the first) */
    char words[16][64];
    int nw = 0, head = 0;
    for (size_t i = 0; i < pn && nw < 16;) {
      while (i < pn && (s[i] == ' ' || s[i] == '_' || s[i] == '\t'))
        i++;
      if (i >= pn)
        break;
      if (s[i] == '+') {
        head = nw;
        i++;
      }
      size_t m = 0;
      while (i < pn && s[i] != ' ' && s[i] != '_' && s[i] != '\t') {
        if (m + 1 < sizeof words[0])
          words[nw][m++] = (char)toupper((unsigned char)s[i]);
        i++;
      }
      words[nw][m] = '\0';
      if (m)
        nw++;
    }
    if (!nw)
      continue;
    uint32_t vent = ent;
    if (lb) {
      /* a member with its own code keeps the block's patterns */
      TRY(new_ent(d, r->file, r->no, &vent));
      TRY(Dyad_cl_evcode(d, lb, (size_t)(s + n - lb), &cl_ent(d, vent)->code));
      cl_ent(d, vent)->patent = ent;
    }
    /* whole words: the verb as written, its explicit forms, and the
     * regular forms of the verb word (PETRARCH generated them) */
    char forms_txt[12][64];
    uint8_t kinds[12];
    size_t nforms = Dyad_inflect(words[head], forms_txt, kinds, NULL);
    if (nforms == 0) {
      memcpy(forms_txt[0], words[head], sizeof forms_txt[0]);
      nforms = 1;
    }
    for (size_t f = 0; f < nforms; f++) {
      char raw[PHRASE_CAP];
      size_t rn = 0;
      for (int w = 0; w < nw; w++) {
        const char *x = w == head ? forms_txt[f] : words[w];
        size_t xl = strlen(x);
        if (rn + xl + 2 >= sizeof raw)
          break;
        if (w)
          raw[rn++] = '_';
        memcpy(raw + rn, x, xl);
        rn += xl;
      }
      raw[rn++] = '=';
      raw[rn] = '\0';
      uint32_t root;
      TRY(root_phrase(d, raw, rn, W_VERB, vent, true, &root));
    }
    if (forms) {
      size_t i = 0;
      while (i < fn) {
        while (i < fn && forms[i] == ' ')
          i++;
        size_t j = i;
        while (j < fn && forms[j] != ' ')
          j++;
        if (j > i) {
          char fb[PHRASE_CAP], f2[PHRASE_CAP];
          size_t fk = 0;
          for (size_t q = i; q < j && fk + 1 < sizeof fb; q++)
            if (forms[q] != '+')
              fb[fk++] = forms[q];
          size_t m = petrarch_phrase(fb, fk, f2, sizeof f2, true);
          if (m && nw > 1 && !memchr(f2, '_', m - 1)) {
            /* one word for a multi-word verb: the verb word's form */
            char raw[PHRASE_CAP];
            size_t rn = 0;
            for (int w = 0; w < nw; w++) {
              const char *x = words[w];
              size_t xl = strlen(x);
              if (w == head) {
                x = f2;
                xl = m - 1;
              }
              if (rn + xl + 2 >= sizeof raw)
                break;
              if (w)
                raw[rn++] = '_';
              memcpy(raw + rn, x, xl);
              rn += xl;
            }
            raw[rn++] = '=';
            memcpy(f2, raw, rn);
            m = rn;
          }
          uint32_t root;
          if (m)
            TRY(root_phrase(d, f2, m, W_VERB, vent, true, &root));
        }
        i = j;
      }
    }
  }
  return DYAD_OK;
}

static dyad_status p_discards(struct rd *r) {
  struct cl_dict *d = r->d;
  const char *s;
  size_t n;
  while (rd_raw(r, &s, &n)) {
    const char *hash = memchr(s, '#', n);
    if (hash)
      n = (size_t)(hash - s);
    s = trim(s, &n);
    if (!n || (n >= 2 && s[0] == '<' && s[1] == '!'))
      continue;
    bool story = s[0] == '+';
    if (story) {
      s++;
      n--;
    }
    struct cl_discard *x = Dyad_vec_push(&d->discards);
    if (!x)
      return DYAD_ERR_NOMEM;
    uint32_t xi = (uint32_t)d->discards.len; /* 1 + its index */
    x->story = story;
    x->cells = (uint32_t)d->cells.len;
    x->next = 0;
    size_t i = 0;
    while (i < n) {
      while (i < n && (s[i] == ' ' || s[i] == '_' || s[i] == '\t'))
        i++;
      size_t j = i;
      while (j < n && s[j] != ' ' && s[j] != '_' && s[j] != '\t')
        j++;
      if (j > i) {
        char w[CL_LIT_SIZE];
        size_t m = j - i < sizeof w ? j - i : sizeof w - 1;
        for (size_t q = 0; q < m; q++)
          w[q] = (char)toupper((unsigned char)s[i + q]);
        uint32_t lit;
        TRY(lit_make(d, w, m, &lit));
        TRY(cell(d, (int32_t)lit));
      }
      i = j;
    }
    TRY(cell(d, 0));
    /* chain it on its first literal (the scan of a record looks up each
     * word's literal instead of trying every phrase at every word) */
    x = &VEC_AT(&d->discards, struct cl_discard, xi - 1);
    int32_t first = *cl_cells(d, x->cells);
    if (first) {
      struct cl_lit *l = &VEC_AT(&d->lits, struct cl_lit, (uint32_t)first);
      x->next = l->discard;
      l->discard = xi;
    }
  }
  return DYAD_OK;
}

dyad_status Dyad_cl_petrarch_file(struct cl_dict *d, struct rd *r, int kind) {
  (void)d;
  switch (kind) {
  case 'A':
    return p_actors(r);
  case 'G':
    return p_agents(r);
  case 'V':
    return p_verbs(r);
  case 'D':
    return p_discards(r);
  }
  return DYAD_OK;
}

/* ---- from a lexicon
 * -------------------------------------------------------------- */

/* The kind of file i of the lexicon: from the entries read from it. */
static int file_kind(const struct dyad_lexicon *lex, uint32_t fi) {
  for (size_t i = 0; i < lex->actors.len; i++)
    if (VEC_AT(&lex->actors, struct lex_actor, i).src.file == fi)
      return 'A';
  for (size_t i = 0; i < lex->agents.len; i++)
    if (VEC_AT(&lex->agents, struct lex_agent, i).src.file == fi)
      return 'G';
  /* event nouns (dyad's noun files) have no place in TABARI */
  for (size_t i = 0; i < lex->patterns.len; i++) {
    const struct lex_pattern *p =
        &VEC_AT(&lex->patterns, struct lex_pattern, i);
    if (p->src.file == fi && (p->flags & PF_NOUN))
      return 'N';
  }
  for (size_t i = 0; i < lex->vforms.len; i++) {
    const struct lex_vform *v = &VEC_AT(&lex->vforms, struct lex_vform, i);
    if ((v->form & VF_NOUN) && v->verb < lex->verbs.len &&
        VEC_AT(&lex->verbs, struct lex_verb, v->verb).src.file == fi)
      return 'N';
  }
  for (size_t i = 0; i < lex->blocks.len; i++)
    if (VEC_AT(&lex->blocks, struct lex_block, i).src.file == fi)
      return 'V';
  for (size_t i = 0; i < lex->discards.len; i++)
    if (VEC_AT(&lex->discards, struct lex_discard, i).src.file == fi)
      return 'D';
  return 0;
}

/* PETRARCH layout: '#' comments, "<!--" lines or "--- BLOCK ---" headers,
 * while TABARI files use ';' comments. */
static bool looks_petrarch(const char *path, int kind) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return false;
  char line[1024];
  int pet = 0, tab = 0;
  int k = 0;
  while (k++ < 4000 && fgets(line, sizeof line, f)) {
    if (!strncmp(line, "<!", 2) || !strncmp(line, "---", 3))
      pet++;
    if (strchr(line, '#') && line[0] != '#')
      pet++;
    if (strchr(line, ';'))
      tab++;
    if (!strncmp(line, "~~", 2) || !strncmp(line, "<SYNSETS>", 9) ||
        !strncmp(line, "<NOUN>", 6) || !strncmp(line, "<TIME>", 6))
      tab += 10;
    if (kind == 'G' && line[0] == '!')
      pet += 10;
  }
  fclose(f);
  return pet > tab;
}

dyad_status Dyad_cl_dict_build(struct cl_dict *d,
                               const struct dyad_lexicon *lex,
                               dyad_error *err) {
  TRY(Dyad_cl_dict_builtins(d));
  /* TABARI reads a project's dictionaries in the order the project names
   * them; the lexicon registers them as it reads them. Actors, then verbs,
   * then agents follow the TABARI projects of the suites. */
  static const int order[] = {'A', 'V', 'G', 'D'};
  int kinds[256];
  size_t nf = lex->files.len < 256 ? lex->files.len : 256;
  for (size_t i = 0; i < nf; i++)
    kinds[i] = file_kind(lex, (uint32_t)i);
  for (size_t o = 0; o < sizeof order / sizeof order[0]; o++) {
    for (size_t i = 0; i < nf; i++) {
      if (kinds[i] != order[o])
        continue;
      const char *path = VEC_AT(&lex->files, char *, i);
      bool pet = kinds[i] == 'D' ||
                 (!lex->tabari.present && looks_petrarch(path, kinds[i]));
      TRY(Dyad_cl_dict_file(d, path, kinds[i], pet, err));
    }
  }
  return DYAD_OK;
}
