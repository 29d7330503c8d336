/*
 * cparse.c - TABARI's shallow parse of one record (TABARI 0.8 doParsing;
 * TABARI manual ch. 5): the text filter, words and their dictionary literals,
 * roots by most matched characters, verbs made nouns, compound actors,
 * comma clauses within the COMMA limits nulled out, clauses at
 * conjunctions, pronouns tied to actors, discard roots and complexity.
 *
 * Structure follows the tag model TABARI used: every word has a list of
 * head tags and a list of tail tags (type, index) marking where roots,
 * compounds, clauses and comma clauses begin and end; later steps cancel
 * tags by turning them into NullTag. Behaviour is kept as TABARI had it,
 * including its quirks, because the validation suites test it.
 */
#include "classic.h"

#include <ctype.h>
#include <string.h>

#include "../parse/parse.h"
#include "../parse/words.h"

/* ---- tags ------------------------------------------------------------------
 */

static void tag_push(struct cl_rec *r, int32_t *list, int tag, int index) {
  if (r->ntag >= CL_MAX_TAGS)
    return;
  int t = r->ntag++;
  r->tags[t].tag = tag;
  r->tags[t].index = index;
  r->tags[t].next = 0;
  while (*list)
    list = &r->tags[*list].next;
  *list = t;
}

static void add_head(struct cl_rec *r, int loc, int tag, int index) {
  tag_push(r, &r->syn[loc].head, tag, index);
}

static void add_tail(struct cl_rec *r, int loc, int tag, int index) {
  tag_push(r, &r->syn[loc].tail, tag, index);
}

/* A head tag whose index TABARI computed with its quirk: 1, or tag + 1
 * when a head tag of the word already has the index `tag`. */
static int add_head_next(struct cl_rec *r, int loc, int tag) {
  int index = 0;
  for (int t = r->syn[loc].head; t; t = r->tags[t].next)
    if (r->tags[t].index == tag && r->tags[t].index > index)
      index = r->tags[t].index;
  ++index;
  add_head(r, loc, tag, index);
  return index;
}

bool Dyad_cl_head(const struct cl_rec *r, int loc, int tag) {
  if (loc < 0 || loc >= CL_MAX_SYNT)
    return false;
  for (int t = r->syn[loc].head; t; t = r->tags[t].next)
    if (r->tags[t].tag == tag)
      return true;
  return false;
}

bool Dyad_cl_head_ix(const struct cl_rec *r, int loc, int tag, int *index) {
  if (loc >= 0 && loc < CL_MAX_SYNT)
    for (int t = r->syn[loc].head; t; t = r->tags[t].next)
      if (r->tags[t].tag == tag) {
        *index = r->tags[t].index;
        return true;
      }
  *index = 0;
  return false;
}

bool Dyad_cl_check_head(const struct cl_rec *r, int loc, int tag, int index) {
  if (loc < 0 || loc >= CL_MAX_SYNT)
    return false;
  for (int t = r->syn[loc].head; t; t = r->tags[t].next)
    if (r->tags[t].tag == tag && r->tags[t].index == index)
      return true;
  return false;
}

bool Dyad_cl_tail(const struct cl_rec *r, int loc, int tag) {
  if (loc < 0 || loc >= CL_MAX_SYNT)
    return false;
  for (int t = r->syn[loc].tail; t; t = r->tags[t].next)
    if (r->tags[t].tag == tag)
      return true;
  return false;
}

bool Dyad_cl_tail_ix(const struct cl_rec *r, int loc, int tag, int index) {
  if (loc < 0 || loc >= CL_MAX_SYNT)
    return false;
  for (int t = r->syn[loc].tail; t; t = r->tags[t].next)
    if (r->tags[t].tag == tag && r->tags[t].index == index)
      return true;
  return false;
}

int Dyad_cl_tail_index(const struct cl_rec *r, int loc, int tag) {
  if (loc < 0 || loc >= CL_MAX_SYNT)
    return 0;
  for (int t = r->syn[loc].tail; t; t = r->tags[t].next)
    if (r->tags[t].tag == tag)
      return r->tags[t].index;
  return 0;
}

/* True when the indexed head tag at loc has a matching tail after it (a
 * comma clause may have cancelled it). */
bool Dyad_cl_check_tail(const struct cl_rec *r, int loc, int tag) {
  int ix;
  if (!Dyad_cl_head_ix(r, loc, tag, &ix))
    return false;
  ++loc;
  while (loc <= r->isynt && !Dyad_cl_tail_ix(r, loc, tag, ix))
    ++loc;
  return loc <= r->isynt;
}

static void change_head(struct cl_rec *r, int loc, int from, int to) {
  for (int t = r->syn[loc].head; t; t = r->tags[t].next)
    if (r->tags[t].tag == from) {
      r->tags[t].tag = to;
      return;
    }
}

static void change_tail(struct cl_rec *r, int loc, int from, int to) {
  for (int t = r->syn[loc].tail; t; t = r->tags[t].next)
    if (r->tags[t].tag == from) {
      r->tags[t].tag = to;
      return;
    }
}

int Dyad_cl_reference(const struct cl_rec *r, int loc) {
  for (int t = r->syn[loc].head; t; t = r->tags[t].next)
    if (r->tags[t].tag >= CL_REFER)
      return r->tags[t].tag & (CL_REFER - 1);
  return 0;
}

bool Dyad_cl_skip_segment(const struct cl_rec *r, int *loc, int tag) {
  int ix;
  if (!Dyad_cl_head_ix(r, *loc, tag, &ix))
    return false;
  int k = *loc;
  while (k < r->isynt && !Dyad_cl_tail_ix(r, k, tag, ix))
    ++k;
  *loc = k + 1;
  return true;
}

/* ---- actor codes ------------------------------------------------------------
 */

void Dyad_cl_actor_code(const struct cl_dict *d, uint32_t acode, long julian,
                        uint32_t *actor, uint32_t *agent, bool *compound) {
  *actor = *agent = 0;
  *compound = false;
  if (!acode || acode > d->acodes.len)
    return;
  const struct cl_acode *a = &VEC_AT(&d->acodes, struct cl_acode, acode - 1);
  for (uint32_t i = 0; i < a->nblocks; i++) {
    const struct cl_ablock *b =
        &VEC_AT(&d->ablocks, struct cl_ablock, a->blocks + i);
    bool ok = b->kind == AB_ANY || (b->kind == AB_BEFORE && julian < b->d1) ||
              (b->kind == AB_AFTER && julian > b->d1) ||
              (b->kind == AB_RANGE && julian >= b->d1 && julian <= b->d2);
    if (!ok || !b->nitems)
      continue;
    const struct cl_aitem *it = &VEC_AT(&d->aitems, struct cl_aitem, b->items);
    *actor = it->actor;
    *agent = it->agent;
    *compound = b->nitems > 1;
    return;
  }
}

static bool null_actor(const struct classic *cl, uint32_t root) {
  const struct cl_dict *d = &cl->d;
  if (!root)
    return false;
  const struct cl_root *rt = cl_root(d, root - 1);
  if (rt->ent == CL_NONE)
    return false;
  uint32_t a, g;
  bool c;
  Dyad_cl_actor_code(d, cl_ent(d, rt->ent)->code, cl->r.julian, &a, &g, &c);
  return a == CC_NULL;
}

static bool discard_root(const struct classic *cl, uint32_t root) {
  const struct cl_dict *d = &cl->d;
  if (!root)
    return false;
  const struct cl_root *rt = cl_root(d, root - 1);
  if (rt->ent == CL_NONE)
    return false;
  uint32_t code = cl_ent(d, rt->ent)->code;
  switch (rt->type) {
  case W_ACTOR: {
    uint32_t a, g;
    bool c;
    Dyad_cl_actor_code(d, code, cl->r.julian, &a, &g, &c);
    return a == CC_DISCARD;
  }
  case W_VERB:
  case W_ATTRIB: {
    if (code >= d->evcodes.len)
      return false;
    const struct cl_evcode *e = &VEC_AT(&d->evcodes, struct cl_evcode, code);
    return e->code == CC_DISCARD && !e->sub && !e->dom && !e->pair;
  }
  case W_TIME:
    return code < d->times.len &&
           VEC_AT(&d->times, struct cl_time, code).special == CC_DISCARD;
  case W_AGENT:
    return code == CC_DISCARD;
  }
  return false;
}

/* ---- text filter and words
 * ------------------------------------------------------ */

/* TABARI's two-character hash class of a byte: letters 1-26, digits 27-36,
 * anything else 0. */
static int hclass(unsigned char c) {
  if (c < 128 && isalpha(c))
    return toupper(c) - 'A' + 1;
  if (c < 128 && isdigit(c))
    return c - '0' + 27;
  return 0;
}

/* The literals that are prefixes of word w (TABARI Literals.check): those
 * hashed to the same bucket, shortest first; the cell after each is 1 when
 * it is the whole word. Returns the start in r->litr, 0 when none. */
static int literals(struct classic *cl, const char *w, size_t n) {
  struct cl_rec *r = &cl->r;
  int start = r->nlitr;
  bool any = false;
  for (size_t k = 1; k <= n; k++) {
    if (k == 1 && n > 1 && hclass((unsigned char)w[1]) != 0)
      continue;
    uint32_t lit = Dyad_cl_lit(&cl->d, w, k);
    if (!lit)
      continue;
    if (r->nlitr >= CL_MAX_LITR - 3) {
      r->parse_error = PE_TOOLONG;
      break;
    }
    r->litr[r->nlitr++] = (int32_t)lit;
    r->litr[r->nlitr++] = k == n;
    any = true;
  }
  if (!any) {
    r->nlitr = start;
    return 0;
  }
  r->litr[r->nlitr++] = 0;
  r->litr[r->nlitr++] = 0;
  return start;
}

/* The bytes of a curly quote or dash at s (UTF-8) as ASCII, 0 if none. */
static char ascii_punct(const unsigned char *s, size_t n, size_t *len) {
  if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80) {
    *len = 3;
    switch (s[2]) {
    case 0x98:
    case 0x99:
      return '\'';
    case 0x9C:
    case 0x9D:
      return '"';
    case 0x93:
    case 0x94:
      return '-';
    }
  }
  return 0;
}

struct filt {
  struct classic *cl;
  char *out; /* next free byte of r->buf */
  char *end;
  char *wstart;    /* start of the word being built, NULL when none */
  uint32_t b0, b1; /* its span */
  bool nonascii;
  bool petrarch;
};

static void new_word(struct filt *f, const char *s, size_t n, uint32_t b0,
                     uint32_t b1);

static void end_word(struct filt *f) {
  if (!f->wstart)
    return;
  size_t n = (size_t)(f->out - f->wstart);
  char *s = f->wstart;
  f->wstart = NULL;
  f->out = s;
  if (n)
    new_word(f, s, n, f->b0, f->b1);
}

static void put_char(struct filt *f, char c, uint32_t at, uint32_t len) {
  if (f->out + 2 >= f->end)
    return;
  if (!f->wstart) {
    f->wstart = f->out;
    f->b0 = at;
    f->nonascii = false;
  } else if (f->out - f->wstart >= CL_LIT_SIZE - 1) {
    /* TABARI blanks out words over its literal size */
    end_word(f);
    f->wstart = f->out;
    f->b0 = at;
    f->nonascii = false;
  }
  if ((unsigned char)c >= 128)
    f->nonascii = true;
  *f->out++ = c;
  f->b1 = at + len;
}

static void lone_word(struct filt *f, char c, uint32_t at) {
  end_word(f);
  put_char(f, c, at, 1);
  end_word(f);
}

/* Adds a word: upper case (accents folded), its flags and literals. */
static void new_word(struct filt *f, const char *s, size_t n, uint32_t b0,
                     uint32_t b1) {
  struct classic *cl = f->cl;
  struct cl_rec *r = &cl->r;
  if (r->ilex + 1 >= CL_MAX_LEX - 2)
    return; /* TABARI truncates long records */
  char *t = f->out;
  size_t k;
  bool upper0 = n && (unsigned char)s[0] < 128 && isupper((unsigned char)s[0]);
  bool digit0 = n && (unsigned char)s[0] < 128 && isdigit((unsigned char)s[0]);
  if (f->nonascii) {
    char tmp[4 * CL_LIT_SIZE];
    memcpy(tmp, s, n);
    k = Dyad_fold_word(tmp, n, t, (size_t)(f->end - t) - 1);
  } else {
    for (k = 0; k < n; k++)
      t[k] = (char)toupper((unsigned char)s[k]);
  }
  t[k] = '\0';
  f->out = t + k + 1;
  struct cl_word *w = &r->w[++r->ilex];
  w->t = t;
  w->n = (uint16_t)k;
  w->flags = 0;
  w->b0 = b0;
  w->b1 = b1;
  if (!r->caps && upper0) {
    if (!r->seen_cap) {
      w->flags = WF_INITCAP;
      r->seen_cap = true;
    } else {
      w->flags = WF_MIDCAP;
    }
  }
  if (k == 1 && t[0] == ',') {
    w->flags = WF_COMMA;
    w->ilit = -SL_COMMA;
    return;
  }
  int lit = literals(cl, t, k);
  if (digit0 && !lit) {
    w->flags = WF_NUMBER;
    w->ilit = -SL_NUMBER;
    return;
  }
  w->ilit = lit;
}

static bool is_clitic(const char *s, size_t n) {
  static const char *const c[] = {"N'T", "'S", "'LL", "'RE",
                                  "'VE", "'D", "'M",  "'"};
  for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
    size_t m = strlen(c[i]);
    if (n == m) {
      size_t j = 0;
      while (j < m && toupper((unsigned char)s[j]) == c[i][j])
        j++;
      if (j == m)
        return true;
    }
  }
  return false;
}

/* TABARI filterText + makeLex over text[0..n) (byte offsets from `base`).
 * In PETRARCH mode, clitics (n't 's 'll ...) are words of their own, as
 * in the Treebank tokens PETRARCH-1 read. */
static void filter(struct classic *cl, const char *text, size_t n,
                   uint32_t base) {
  struct cl_rec *r = &cl->r;
  struct filt f = {cl, r->buf, r->buf + sizeof r->buf, NULL, 0,
                   0,  false,  cl->d.petrarch};
  r->caps = true;
  for (size_t i = 0; i < n; i++) {
    if ((unsigned char)text[i] < 128 && islower((unsigned char)text[i])) {
      r->caps = false;
      break;
    }
    if (text[i] == '/' && i + 1 < n && text[i + 1] == '*') {
      const char *e = strstr(text + i + 2, "*/");
      if (!e || (size_t)(e - text) >= n)
        break;
      i = (size_t)(e - text) + 1;
    }
  }
  r->seen_cap = false;
  if (n > CL_MAX_RECORD)
    n = CL_MAX_RECORD;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)text[i];
    uint32_t at = base + (uint32_t)i;
    if (c == '/' && i + 1 < n && text[i + 1] == '*') {
      size_t j = i + 2;
      while (j < n && !(text[j] == '*' && j + 1 < n && text[j + 1] == '/'))
        j++;
      i = j < n ? j + 1 : n;
      continue;
    }
    if (c >= 128) {
      size_t len;
      char a = ascii_punct((const unsigned char *)text + i, n - i, &len);
      if (a) {
        if (a == '\'')
          put_char(&f, '\'', at, (uint32_t)len);
        else if (a == '"')
          lone_word(&f, '"', at);
        else
          end_word(&f);
        i += len - 1;
        continue;
      }
      put_char(&f, (char)c, at, 1);
      continue;
    }
    if (isspace(c)) {
      end_word(&f);
      continue;
    }
    if (!ispunct(c)) {
      put_char(&f, (char)c, at, 1);
      continue;
    }
    unsigned char prev = i ? (unsigned char)text[i - 1] : ' ';
    unsigned char next = i + 1 < n ? (unsigned char)text[i + 1] : ' ';
    switch (c) {
    case ';':
    case ':':
    case '(':
    case ')':
      lone_word(&f, ',', at);
      break;
    case ',':
      if (!(isdigit(prev) && isdigit(next)))
        lone_word(&f, ',', at);
      break;
    case '.':
      if ((isdigit(prev) && isdigit(next)) || isupper(prev))
        put_char(&f, '.', at, 1);
      else
        end_word(&f);
      break;
    case '\'':
      if (f.petrarch && f.wstart) {
        /* split off a clitic: "N'T" starts one letter before */
        size_t j = i + 1;
        while (j < n && isalpha((unsigned char)text[j]))
          j++;
        if (i > 0 && (text[i - 1] == 'n' || text[i - 1] == 'N') &&
            is_clitic(text + i - 1, j - (i - 1)) && f.out - f.wstart > 1) {
          f.out--;
          f.b1 = at - 1;
          end_word(&f);
          put_char(&f, (char)text[i - 1], at - 1, 1);
        } else if (is_clitic(text + i, j - i)) {
          end_word(&f);
        }
      }
      put_char(&f, '\'', at, 1);
      break;
    case '$':
      put_char(&f, '$', at, 1);
      break;
    case '"':
      lone_word(&f, '"', at);
      break;
    default:
      end_word(&f);
      break;
    }
  }
  end_word(&f);
}

/* ---- roots
 * ---------------------------------------------------------------------- */

/* TABARI matchLex: does the root phrase match at word `begin`? *nmatch gets
 * the characters matched, m[0..*nm) the words. */
static bool match_lex(const struct classic *cl, const int32_t *ph, uint8_t type,
                      int begin, int *nmatch, int *m, int *nm) {
  const struct cl_rec *r = &cl->r;
  const struct cl_dict *d = &cl->d;
  bool skip = false, found = false;
  int k = begin;
  *nmatch = 0;
  *nm = 0;
  while (ph[0] && k <= r->ilex) {
    const struct cl_word *w = &r->w[k];
    found = false;
    if (w->ilit == -SL_COMMA)
      return false;
    if (w->ilit > 0)
      for (const int32_t *lp = &r->litr[w->ilit]; lp[0]; lp += 2)
        if (lp[0] == ph[0]) {
          found = true;
          break;
        }
    if (!found) {
      if (skip) {
        ++k;
        continue;
      }
      return false;
    }
    int len = VEC_AT(&d->lits, struct cl_lit, (uint32_t)ph[0]).len;
    *nmatch += len;
    if (*nm >= CL_MAX_TEMP)
      return false;
    m[(*nm)++] = k;
    int32_t conn = ph[1];
    if (len < w->n && !(conn & CN_FULLSKIP)) {
      /* part of the word: only a regular ending on the last word */
      if (conn == CN_EQUAL || ph[2])
        return false;
      const char *e = w->t + len;
      int rest = w->n - len;
      if (type == W_ACTOR || type == W_AGENT || type == W_NOUN) {
        if (rest == 1 && e[0] == 'S') {
          *nmatch += 1;
          return true;
        }
        if (rest == 2 && e[1] == 'S' && (e[0] == '\'' || e[0] == 'E')) {
          *nmatch += 2;
          return true;
        }
      }
      if (type == W_VERB) {
        if (rest == 1 && e[0] == 'S') {
          *nmatch += 1;
          return true;
        }
        if (rest == 2 && e[0] == 'E' &&
            (e[1] == 'D' || e[1] == 'S' || e[1] == 'N')) {
          *nmatch += 2;
          return true;
        }
        if (rest == 3 && e[0] == 'I' && e[1] == 'N' && e[2] == 'G') {
          *nmatch += 3;
          return true;
        }
        if (rest == 1 && e[-1] == 'E' && e[0] == 'D') {
          *nmatch += 1;
          return true;
        }
      }
      return false;
    }
    skip = (conn & CN_PARTNEXT) != 0;
    ++k;
    ph += 2;
  }
  if (ph[0])
    return false;
  return found;
}

/* TABARI makeSynt: types, roots and tags from the longest root (most
 * characters matched) at each untyped word. */
static void make_synt(struct classic *cl) {
  struct cl_rec *r = &cl->r;
  const struct cl_dict *d = &cl->d;
  int m[CL_MAX_TEMP], best[CL_MAX_TEMP];
  for (int k = 0; k < r->isynt; k++) {
    struct cl_syn *s = &r->syn[k];
    if (!s->ilit || s->wtype != W_NULL)
      continue;
    if (s->ilit < 0) {
      if (s->ilit == -SL_COMMA)
        s->wtype = W_COMMA;
      else if (s->ilit == -SL_NUMBER)
        s->wtype = W_NUMBER;
      continue;
    }
    int maxmatch = 0, nbest = 0;
    uint32_t broot = 0;
    for (const int32_t *lp = &r->litr[s->ilit]; lp[0]; lp += 2) {
      const struct cl_lit *l =
          &VEC_AT(&d->lits, struct cl_lit, (uint32_t)lp[0]);
      for (uint32_t ri = l->first; ri != CL_NONE; ri = cl_root(d, ri)->next) {
        const struct cl_root *rt = cl_root(d, ri);
        int nmatch, nm;
        if (match_lex(cl, cl_cells(d, rt->phrase), rt->type, k, &nmatch, m,
                      &nm) &&
            nmatch > maxmatch) {
          maxmatch = nmatch;
          memcpy(best, m, (size_t)nm * sizeof *m);
          nbest = nm;
          broot = ri + 1;
        }
      }
    }
    if (maxmatch && nbest) {
      uint8_t type = cl_root(d, broot - 1)->type;
      s->root = broot;
      int ix = add_head_next(r, k, type);
      for (int i = 0; i < nbest; i++)
        r->syn[best[i]].wtype = type;
      add_tail(r, best[nbest - 1], type, ix);
    }
  }
}

/* ---- FORWARD: the previous record's first actor and compound ------------- */

static void set_forward(struct classic *cl) {
  struct cl_rec *r = &cl->r;
  struct cl_forward *fw = &cl->fwd;
  r->fwd_actor = r->fwd_compd = -1;
  if (!fw->can || fw->nprev == 0)
    return;
  int itrans = fw->last_synt > r->ilex + 1 ? fw->last_synt + 1 : r->ilex + 2;
  if (itrans + fw->nprev + 2 >= CL_DEF_WHERE)
    return;
  if (fw->prev_cmp0 >= 0) {
    r->fwd_compd = itrans;
    for (int i = fw->prev_cmp0; i <= fw->prev_cmp1; i++, itrans++) {
      struct cl_syn *s = &r->syn[itrans];
      memset(s, 0, sizeof *s);
      s->root = fw->prev_root[i];
      s->wtype = fw->prev_type[i];
      s->ilit = -1;
      s->compd = 1;
      if (i == fw->prev_cmp0)
        add_head(r, itrans, W_COMPOUND, 0);
      if (fw->prev_head[i])
        add_head(r, itrans, W_ACTOR, 0);
      if (fw->prev_tail[i])
        add_tail(r, itrans, W_ACTOR, 0);
    }
    add_tail(r, itrans - 1, W_COMPOUND, 0);
  }
  if (fw->prev_actor >= 0) {
    int i = fw->prev_actor;
    struct cl_syn *s = &r->syn[itrans];
    memset(s, 0, sizeof *s);
    s->root = fw->prev_root[i];
    s->wtype = fw->prev_type[i];
    s->ilit = -1;
    add_head(r, itrans, W_ACTOR, 0);
    add_tail(r, itrans, W_ACTOR, 0);
    r->fwd_actor = itrans;
  }
  if (r->fwd_compd < 0)
    r->fwd_compd = r->fwd_actor;
}

/* Keeps what the next record may forward: TABARI scans for the first
 * compound (kept whole) and the first actor that is not a pronoun. */
static void save_forward(struct classic *cl) {
  struct cl_rec *r = &cl->r;
  struct cl_forward *fw = &cl->fwd;
  fw->nprev = 0;
  fw->prev_actor = fw->prev_cmp0 = fw->prev_cmp1 = -1;
  fw->last_synt = r->isynt;
  int k = 0;
  while (k < r->isynt && fw->prev_actor < 0 && fw->prev_cmp0 < 0) {
    if (Dyad_cl_head(r, k, W_COMPOUND)) {
      fw->prev_cmp0 = fw->nprev;
      while (k < r->isynt && fw->nprev < CL_MAX_LEX) {
        int i = fw->nprev++;
        fw->prev_root[i] = r->syn[k].root;
        fw->prev_type[i] = r->syn[k].wtype;
        fw->prev_head[i] = Dyad_cl_head(r, k, W_ACTOR);
        fw->prev_tail[i] = Dyad_cl_tail(r, k, W_ACTOR);
        if (Dyad_cl_tail(r, k, W_COMPOUND))
          break;
        ++k;
      }
      fw->prev_cmp1 = fw->nprev - 1;
    }
    if (fw->prev_actor < 0 && k < r->isynt && Dyad_cl_head(r, k, W_ACTOR) &&
        !Dyad_cl_head(r, k, W_PRONOUN) && fw->nprev < CL_MAX_LEX) {
      int i = fw->nprev++;
      fw->prev_root[i] = r->syn[k].root;
      fw->prev_type[i] = r->syn[k].wtype;
      fw->prev_head[i] = fw->prev_tail[i] = 1;
      fw->prev_actor = i;
    }
    ++k;
  }
}

/* ---- nouns, agents, compounds
 * -------------------------------------------------- */

bool Dyad_cl_np_filler(const struct cl_rec *r, int k) {
  if (k < 0 || k > r->ilex)
    return false;
  const struct cl_word *w = &r->w[k];
  if (w->t[0] == '\'' && (w->n == 1 || (w->n == 2 && w->t[1] == 'S')))
    return true;
  uint8_t wt = r->syn[k].wtype;
  if (wt != W_NULL && wt != W_ADJ && wt != W_NOUN && wt != W_DETERM &&
      wt != W_NUMBER)
    return false;
  uint8_t fc = Dyad_word_class(w->t);
  return fc == FC_NONE || fc == FC_DET || fc == FC_NUM;
}

static void mark_nouns(struct classic *cl) {
  struct cl_rec *r = &cl->r;
  for (int k = 0; k < r->isynt; k++) {
    struct cl_syn *s = &r->syn[k];
    int ix;
    if (s->wtype == W_VERB && k > 0) {
      if (r->syn[k - 1].wtype == W_DETERM || (r->w[k].flags & WF_MIDCAP)) {
        s->wtype = W_NOUN;
        if (Dyad_cl_head_ix(r, k, W_VERB, &ix)) {
          int a = k;
          change_head(r, k, W_VERB, W_NOUN);
          while (!Dyad_cl_tail_ix(r, a, W_VERB, ix)) {
            ++a;
            if (a > r->ilex) {
              --a;
              break;
            }
            if (r->syn[a].wtype == W_VERB && !Dyad_cl_head(r, a, W_VERB))
              r->syn[a].wtype = W_NOUN;
          }
          change_tail(r, a, W_VERB, W_NOUN);
        }
      }
    } else if (Dyad_cl_head_ix(r, k, W_ACTOR, &ix) && null_actor(cl, s->root)) {
      change_head(r, k, W_ACTOR, W_NOUN);
      s->wtype = W_NOUN;
      while (!Dyad_cl_tail_ix(r, k, W_ACTOR, ix)) {
        ++k;
        if (k > r->ilex) {
          --k;
          break;
        }
        if (r->syn[k].wtype == W_ACTOR && !Dyad_cl_head(r, k, W_ACTOR))
          r->syn[k].wtype = W_NOUN;
      }
      change_tail(r, k, W_ACTOR, W_NOUN);
    }
  }
}

static void convert_agents(struct classic *cl) {
  struct cl_rec *r = &cl->r;
  const struct cl_dict *d = &cl->d;
  int a = 0;
  while (a <= r->ilex && a < CL_MAX_LEX) {
    if (r->syn[a].wtype == W_AGENT) {
      int ix;
      if (a > 0 &&
          (r->syn[a - 1].wtype == W_ACTOR || Dyad_cl_tail(r, a - 1, W_ACTOR) ||
           r->syn[a - 1].root == d->root_former + 1)) {
        Dyad_cl_head_ix(r, a, W_AGENT, &ix);
        while (!Dyad_cl_tail_ix(r, a, W_AGENT, ix) && a <= r->ilex)
          ++a;
      } else {
        int h = a;
        bool conv = true;
        Dyad_cl_head_ix(r, a, W_AGENT, &ix);
        while (!Dyad_cl_tail_ix(r, a, W_AGENT, ix) && a <= r->ilex)
          ++a;
        if (a > r->ilex)
          break;
        if (a < r->ilex && Dyad_cl_head(r, a + 1, W_ACTOR))
          conv = false;
        if (conv && a + 1 < r->ilex && r->syn[a + 1].wtype == W_PREP &&
            r->syn[a + 2].wtype == W_ACTOR)
          conv = false;
        if (conv) {
          r->syn[h].wtype = W_ACTOR;
          change_head(r, h, W_AGENT, W_ACTOR);
          change_tail(r, a, W_AGENT, W_ACTOR);
        }
      }
    }
    ++a;
  }
}

/* PETRARCH dictionaries: an agent whose noun phrase holds no actor is an
 * actor of its own, coded "---" plus the agent ("---GOV": PETRARCH-1's
 * officials, lawmakers, students). The phrase is the agent and the words
 * next to it that Dyad_cl_np_filler accepts, with OF/IN/FROM after it. */
static bool np_actor_near(const struct cl_rec *r, int h, int t) {
  int k = t + 1;
  for (int n = 0; n < 6 && Dyad_cl_np_filler(r, k); n++)
    k++;
  if (k <= r->ilex && (!strcmp(r->w[k].t, "OF") || !strcmp(r->w[k].t, "IN") ||
                       !strcmp(r->w[k].t, "FROM"))) {
    k++;
    for (int n = 0; n < 6 && Dyad_cl_np_filler(r, k); n++)
      k++;
  }
  if (k <= r->ilex && r->syn[k].wtype == W_ACTOR)
    return true;
  k = h - 1;
  for (int n = 0; n < 6 && k >= 0 && Dyad_cl_np_filler(r, k); n++)
    k--;
  return k >= 0 && (r->syn[k].wtype == W_ACTOR || Dyad_cl_tail(r, k, W_ACTOR));
}

static void null_actor_agents(struct classic *cl) {
  struct cl_rec *r = &cl->r;
  for (int a = 0; a <= r->ilex && a < CL_MAX_LEX; a++) {
    int ix;
    if (r->syn[a].wtype != W_AGENT || !Dyad_cl_head_ix(r, a, W_AGENT, &ix))
      continue;
    int t = a;
    while (t <= r->ilex && !Dyad_cl_tail_ix(r, t, W_AGENT, ix))
      ++t;
    if (t > r->ilex)
      break;
    if (!np_actor_near(r, a, t)) {
      for (int k = a; k <= t; k++)
        if (r->syn[k].wtype == W_AGENT)
          r->syn[k].wtype = W_ACTOR;
      change_head(r, a, W_AGENT, W_ACTOR);
      change_tail(r, t, W_AGENT, W_ACTOR);
    }
    a = t;
  }
}

static bool has_lit(const struct cl_rec *r, int k, uint32_t lit) {
  if (r->syn[k].ilit <= 0)
    return false;
  for (const int32_t *lp = &r->litr[r->syn[k].ilit]; lp[0]; lp += 2)
    if (lp[0] == (int32_t)lit)
      return true;
  return false;
}

static void mark_compound(struct classic *cl) {
  struct cl_rec *r = &cl->r;
  const struct cl_dict *d = &cl->d;
  int cmp = 1;
  bool need = false;
  for (int k = 0; k < r->isynt; k++) {
    if (r->syn[k].wtype != W_CONJ ||
        !(has_lit(r, k, d->lit_and) || has_lit(r, k, d->lit_nor)))
      continue;
    int pend = -1, pset = -1;
    int a = k + 1;
    bool pet = d->petrarch;
    while (r->syn[a].wtype == W_ACTOR || r->syn[a].wtype == W_DETERM ||
           r->syn[a].wtype == W_ADJ ||
           (pet && pend < 0 && Dyad_cl_np_filler(r, a))) {
      if (r->syn[a].wtype == W_ACTOR && Dyad_cl_head(r, a, W_ACTOR)) {
        while (!Dyad_cl_tail(r, a, W_ACTOR) && a < r->isynt)
          ++a;
        pend = a;
      }
      ++a;
    }
    if (pend < 0)
      continue;
    a = k;
    while (a >= 0 &&
           (r->syn[a].wtype == W_ACTOR || r->syn[a].wtype == W_CONJ ||
            r->syn[a].wtype == W_COMMA || r->syn[a].wtype == W_DETERM ||
            r->syn[a].wtype == W_ADJ || (pet && Dyad_cl_np_filler(r, a)))) {
      if (r->syn[a].wtype == W_CONJ || r->syn[a].wtype == W_COMMA)
        need = false;
      if (r->syn[a].wtype == W_ACTOR) {
        if (need)
          break;
        while (a > 0 && !Dyad_cl_head(r, a, W_ACTOR))
          --a;
        pset = a;
        need = true;
      }
      --a;
    }
    if (pset < 0)
      continue;
    add_head(r, pset, W_COMPOUND, cmp);
    add_tail(r, pend, W_COMPOUND, cmp);
    for (a = pset; a <= pend; a++) {
      int ix;
      if (Dyad_cl_head_ix(r, a, W_COMPOUND, &ix) && ix < cmp) {
        int loc = a;
        while (loc < r->isynt && !Dyad_cl_tail_ix(r, loc, W_COMPOUND, ix))
          loc++;
        if (loc < r->isynt) {
          change_head(r, a, W_COMPOUND, W_NULLTAG);
          change_tail(r, loc, W_COMPOUND, W_NULLTAG);
        }
      }
    }
    ++cmp;
    for (a = pset; a <= pend; a++)
      r->syn[a].compd = 1;
  }
}

/* ---- comma clauses and clauses
 * ------------------------------------------------------ */

static void mark_subordinate(struct classic *cl, const struct cl_opts *o) {
  struct cl_rec *r = &cl->r;
  int sub = 1;
  int k = 0;
  while (r->syn[k].wtype != W_HALT) {
    if (Dyad_cl_skip_segment(r, &k, W_COMPOUND))
      continue;
    if (r->syn[k].wtype == W_COMMA) {
      int start = k;
      if (k >= o->min_beg && k <= o->max_beg && start > 0) {
        add_head(r, 0, W_SUBORD, sub);
        add_tail(r, start - 1, W_SUBORD, sub);
        ++sub;
      }
      ++k;
      while (r->syn[k].wtype != W_COMMA && r->syn[k].wtype != W_HALT) {
        if (Dyad_cl_skip_segment(r, &k, W_COMPOUND))
          continue;
        ++k;
      }
      if (k > r->isynt)
        k = r->isynt;
      if (r->syn[k].wtype == W_HALT && k - start - 1 >= o->min_end &&
          k - start - 1 <= o->max_end) {
        add_head(r, start, W_SUBORD, sub);
        add_tail(r, r->isynt - 1, W_SUBORD, sub);
        return;
      }
      if (r->syn[k].wtype == W_COMMA && k - start - 1 >= o->min_sub &&
          k - start - 1 <= o->max_sub) {
        add_head(r, start, W_SUBORD, sub);
        add_tail(r, k, W_SUBORD, sub);
        ++sub;
      }
    }
    if (r->syn[k].wtype != W_HALT)
      ++k;
  }
}

static void null_subordinate(struct classic *cl) {
  struct cl_rec *r = &cl->r;
  int k = 0;
  if (Dyad_cl_head(r, 0, W_SUBORD))
    r->syn[0].wtype = W_NULL;
  while (r->syn[k].wtype != W_HALT) {
    if (Dyad_cl_head(r, k, W_SUBORD)) {
      do {
        ++k;
        if (k >= r->isynt)
          return;
        struct cl_syn *s = &r->syn[k];
        s->wtype = W_NULL;
        for (int t = s->head; t; t = r->tags[t].next) {
          int tag = r->tags[t].tag;
          if (tag == W_NULLTAG)
            continue;
          int a = k;
          while (!Dyad_cl_tail(r, a, tag) && r->syn[a].wtype != W_HALT)
            ++a;
          if (r->syn[a].wtype == W_HALT)
            return;
          s->wtype = W_NULLTAG;
          change_head(r, k, tag, W_NULLTAG);
          change_tail(r, a, tag, W_NULLTAG);
        }
        for (int t = s->tail; t; t = r->tags[t].next) {
          int tag = r->tags[t].tag;
          if (tag == W_NULLTAG || tag == W_SUBORD)
            continue;
          int a = k;
          while (!Dyad_cl_head(r, a, tag) && a > 0)
            --a;
          if (a == 0 && !Dyad_cl_head(r, 0, tag))
            return;
          change_tail(r, k, tag, W_NULLTAG);
          change_head(r, a, tag, W_NULLTAG);
          r->syn[a].wtype = W_NULLTAG;
        }
      } while (!Dyad_cl_tail(r, k, W_SUBORD));
    }
    if (r->syn[k].wtype == W_HALT)
      return;
    ++k;
  }
}

static void mark_clauses(struct classic *cl) {
  struct cl_rec *r = &cl->r;
  r->has_clauses = false;
  int ci = add_head_next(r, 0, W_CLAUSE);
  int k = 0;
  while (r->syn[k].wtype != W_HALT) {
    if (Dyad_cl_skip_segment(r, &k, W_COMPOUND))
      continue;
    if (Dyad_cl_skip_segment(r, &k, W_SUBORD))
      continue;
    if (k > r->isynt)
      break;
    if (r->syn[k].wtype == W_CONJ && k > 0 && r->syn[k + 1].wtype != W_HALT) {
      bool clause = true;
      if (r->syn[k - 1].wtype == W_NOUN) {
        int a = k + 1;
        while (r->syn[a].wtype == W_ADJ)
          ++a;
        if (r->syn[a].wtype == W_NOUN) {
          clause = false;
          k = a;
        }
      }
      if (k > 0 && r->syn[k - 1].wtype == W_ADJ &&
          r->syn[k + 1].wtype == W_ADJ) {
        clause = false;
        k++;
      }
      if (clause && cl->d.petrarch && Dyad_cl_np_filler(r, k - 1) &&
          Dyad_cl_np_filler(r, k + 1) && r->w[k - 1].t[0] != '\'') {
        clause = false; /* "awful and evil": modifiers joined */
        k++;
      }
      if (clause) {
        r->has_clauses = true;
        add_tail(r, k - 1, W_CLAUSE, ci);
        ++ci;
        add_head(r, k + 1, W_CLAUSE, ci);
        ++k;
      }
    }
    ++k;
  }
  if (k > r->isynt)
    k = r->isynt;
  add_tail(r, k - 1, W_CLAUSE, ci);
}

/* ---- pronouns
 * ------------------------------------------------------------------ */

static void dereference_pronouns(struct classic *cl) {
  struct cl_rec *r = &cl->r;
  const struct cl_dict *d = &cl->d;
  for (int k = 0; k < r->isynt; k++) {
    if (r->syn[k].wtype != W_PRONOUN || r->syn[k].ilit <= 0)
      continue;
    int idx = -1;
    int32_t first = r->litr[r->syn[k].ilit];
    if ((int32_t)d->lit_he <= first && first <= (int32_t)d->lit_it) {
      int a = 0;
      while (a < k) {
        while (a < k && r->syn[a].wtype != W_ACTOR)
          ++a;
        if (a >= k)
          break;
        int cx;
        if (Dyad_cl_head_ix(r, a, W_COMPOUND, &cx)) {
          do
            ++a;
          while (a < r->isynt && !Dyad_cl_tail_ix(r, a, W_COMPOUND, cx));
          ++a;
        } else if (!Dyad_cl_head(r, a, W_ACTOR)) {
          ++a;
        } else {
          idx = a;
          break;
        }
      }
      if (idx < 0 && cl->fwd.can && r->fwd_actor >= 0)
        idx = r->fwd_actor;
    } else if (first == (int32_t)d->lit_the &&
               !(d->petrarch && !strcmp(r->w[k].t, "THEIR"))) {
      for (int a = 0; a < k; a++) {
        if (r->syn[a].wtype != W_ACTOR)
          continue;
        if (Dyad_cl_head(r, a, W_COMPOUND)) {
          idx = a;
          break;
        }
        if (idx < 0)
          idx = a;
      }
      if (idx < 0 && cl->fwd.can && r->fwd_compd >= 0)
        idx = r->fwd_compd;
    }
    if (idx >= 0) {
      r->syn[k].wtype = W_ACTOR;
      int ix = add_head_next(r, k, W_ACTOR);
      add_tail(r, k, W_ACTOR, ix);
      add_head(r, k, idx | CL_REFER, 0);
      add_tail(r, k, idx | CL_REFER, 0);
    }
  }
}

/* ---- discards and complexity
 * ------------------------------------------------------ */

static void check_discards(struct classic *cl) {
  struct cl_rec *r = &cl->r;
  r->discard = false;
  for (int k = 0; k < r->isynt; k++)
    if (discard_root(cl, r->syn[k].root)) {
      r->discard = true;
      return;
    }
}

static bool null_verb(const struct classic *cl, uint32_t root) {
  const struct cl_dict *d = &cl->d;
  if (!root)
    return false;
  const struct cl_root *rt = cl_root(d, root - 1);
  if (rt->ent == CL_NONE)
    return false;
  uint32_t code = cl_ent(d, rt->ent)->code;
  if (rt->type == W_TIME)
    return code < d->times.len &&
           VEC_AT(&d->times, struct cl_time, code).special == CC_NULL;
  if (code >= d->evcodes.len)
    return false;
  const struct cl_evcode *e = &VEC_AT(&d->evcodes, struct cl_evcode, code);
  return e->code == CC_NULL && !e->sub && !e->dom && !e->pair;
}

static void evaluate_complexity(struct classic *cl, const struct cl_opts *o) {
  struct cl_rec *r = &cl->r;
  int nverb = 0, nactor = 0, npron = 0, nconj = 0;
  for (int k = 0; r->syn[k].wtype != W_HALT && k < r->isynt;) {
    if (Dyad_cl_skip_segment(r, &k, W_SUBORD))
      continue;
    if (Dyad_cl_head(r, k, W_VERB))
      nverb++;
    if (Dyad_cl_head(r, k, W_ACTOR))
      nactor++;
    if (r->syn[k].wtype == W_PRONOUN)
      npron++;
    ++k;
  }
  for (int k = 0; k <= r->ilex; k++) {
    if (Dyad_cl_head(r, k, W_COMPOUND)) {
      while (k < r->isynt && !Dyad_cl_tail(r, k, W_COMPOUND))
        ++k;
      ++k;
    }
    if (k <= r->ilex && r->syn[k].wtype == W_CONJ)
      nconj++;
  }
  int iverb = 0;
  while (iverb <= r->ilex) {
    if (Dyad_cl_skip_segment(r, &iverb, W_SUBORD))
      continue;
    if (r->syn[iverb].wtype == W_VERB && Dyad_cl_head(r, iverb, W_VERB) &&
        !null_verb(cl, r->syn[iverb].root))
      break;
    ++iverb;
  }
  bool preact = false;
  if (o->cx_preact) {
    preact = true;
    int k = 0;
    while (k < iverb && k <= r->ilex) {
      if (Dyad_cl_skip_segment(r, &k, W_SUBORD))
        continue;
      if (r->syn[k].wtype == W_ACTOR) {
        preact = false;
        break;
      }
      ++k;
    }
  }
  r->complex = (o->cx_verbs > 0 && nverb >= o->cx_verbs) ||
               (o->cx_actors > 0 && nactor >= o->cx_actors) ||
               (o->cx_pronouns > 0 && npron >= o->cx_pronouns) ||
               (o->cx_conj > 0 && nconj >= o->cx_conj) || preact;
}

/* ---- driver
 * ---------------------------------------------------------------------- */

void Dyad_cl_parse(struct classic *cl, const struct cl_opts *o,
                   const char *text, size_t n, uint32_t base) {
  struct cl_rec *r = &cl->r;
  r->ilex = -1;
  r->nlitr = 1; /* cell 0 means "no literals" */
  r->ntag = 1;  /* tag 0 ends a list */
  r->parse_error = PE_OK;
  r->complex = r->discard = r->has_clauses = false;
  r->fwd_actor = r->fwd_compd = -1;
  filter(cl, text, n, base);
  if (r->ilex < 0) {
    r->parse_error = PE_NOTEXT;
    r->isynt = 0;
    r->syn[0].wtype = W_HALT;
    return;
  }
  if (r->ilex < o->min_lex) {
    r->parse_error = PE_TOOSHORT;
    r->isynt = 0;
    r->syn[0].wtype = W_HALT;
    return;
  }
  for (int k = 0; k <= r->ilex + 1; k++) {
    struct cl_syn *s = &r->syn[k];
    memset(s, 0, sizeof *s);
    s->ilit = k <= r->ilex ? r->w[k].ilit : 0;
  }
  r->isynt = r->ilex + 1;
  r->syn[r->isynt].wtype = W_HALT;
  /* the entries after the Halt (forwarded actors, the default actors'
   * placeholder, look-ahead past the end) as a new coder has them: what
   * a longer record left there must not reach this one */
  memset(&r->syn[r->isynt + 1], 0,
         (size_t)(CL_MAX_SYNT - r->isynt - 1) * sizeof r->syn[0]);
  if (cl->fwd.on)
    set_forward(cl);
  make_synt(cl);
  mark_nouns(cl);
  if (o->convert_agents)
    convert_agents(cl);
  else if (cl->d.petrarch)
    null_actor_agents(cl);
  mark_compound(cl);
  mark_subordinate(cl, o);
  /* TABARI delays this past the attribution coding of <ATTRIB> lists,
   * which the profile does not do */
  null_subordinate(cl);
  mark_clauses(cl);
  dereference_pronouns(cl);
  check_discards(cl);
  if (!r->discard)
    evaluate_complexity(cl, o);
  if (cl->fwd.on)
    save_forward(cl);
}
