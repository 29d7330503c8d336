/*
 * pattern.c - compiling verb patterns and synonym sets into element
 * sequences (pipeline stage "lexicon").
 *
 * Syntax: TABARI manual §5.7 (TABARI, PETRARCH-1), plus the
 * PETRARCH-2 forms of the PETRARCH2 documentation (verb dictionary). A pattern line is
 *
 *     - ELEMENTS [CODE]
 *
 * with elements WORD, `*` (the verb), `$` source, `+` target, `%` compound,
 * `^` skip an actor, `@` attribution, `&SET` (a synonym set), `{ a | b c }`
 * (alternatives, nesting allowed), and, from PETRARCH-2, `{NOUN PHRASE}`
 * (no `|`: words that must be adjacent), `(PREP NOUN)` (words in order) and
 * `A/B` (one of the words). After each element its connector: `_` then a
 * word: the next element follows immediately and this word is exact;
 * `_` then a blank: exact, others may come between; `~`: next follows
 * immediately; `=`: exact with no endings; a blank: others may come between.
 *
 * Codes: `[070]`, `[042:043]` (paired), `[:173]` (second only), `[---]`,
 * `[###]`, `[+++]`, `!` dominant / `?` subordinate suffixes, and any other
 * string of letters and digits (`075A`, `abc`).
 *
 * The fixed length of a pattern counts the letters and digits of its literal
 * words outside alternatives and sets (TABARI manual §5.7.1); patterns are
 * tried longest first (Dyad_lex_finish).
 *
 * Synonym sets are alternative groups whose options are element sequences,
 * so a member may use `_`, `$` or another set. Members of a PETRARCH set are
 * consecutive words ("+AUSTRIAN FLORIN"); those of a TABARI set follow the
 * pattern rules. A set that refers back to itself is reported and the member
 * that closes the loop dropped, so matching always ends.
 */
#include "load.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- synonym set names ----------------------------------------------------
 */

static size_t up_name(const char *name, size_t n, char *out, size_t cap) {
  if (n >= cap)
    return 0;
  for (size_t i = 0; i < n; i++)
    out[i] = (char)toupper((unsigned char)name[i]);
  out[n] = '\0';
  return n;
}

uint32_t Dyad_ld_find_synset(const struct dyad_lexicon *lex, const char *name,
                             size_t n) {
  char up[128];
  if (!up_name(name, n, up, sizeof up) || !n)
    return LEX_NONE;
  uint64_t h = Dyad_hash_bytes(up, n) & ~(uint64_t)1;
  for (int k = 0; k < 8; k++) {
    uint32_t alt;
    if (!Dyad_u64map_get(&lex->synset_map, h + 2 * (uint64_t)k, &alt))
      return LEX_NONE;
    const struct lex_alt *a = &VEC_AT(&lex->alts, struct lex_alt, alt);
    const char *t = Dyad_lex_cstr(lex, a->name);
    if (strlen(t) == n && memcmp(t, up, n) == 0)
      return alt;
  }
  return LEX_NONE;
}

dyad_status Dyad_ld_name_synset(struct dyad_lexicon *lex, const char *name,
                                size_t n, uint32_t alt) {
  char up[128];
  if (!up_name(name, n, up, sizeof up))
    return DYAD_ERR_LIMIT;
  uint64_t h = Dyad_hash_bytes(up, n) & ~(uint64_t)1;
  for (int k = 0; k < 8; k++) {
    uint32_t v;
    if (!Dyad_u64map_get(&lex->synset_map, h + 2 * (uint64_t)k, &v))
      return Dyad_u64map_put(&lex->synset_map, h + 2 * (uint64_t)k, alt);
  }
  return DYAD_ERR_LIMIT;
}

/* ---- compiling ------------------------------------------------------------
 */

/* Compile state of one pattern or member. Elements are built on the
 * loader's scratch stack (ld->spels) and options of open groups on
 * ld->sopts; a finished sequence moves to lex->pels, a finished group's
 * options to lex->alt_opts, so every range stays contiguous. */
struct pc {
  struct loader *ld;
  const char *s;
  size_t n, pos;
  uint32_t length; /* letters of the fixed words */
  int verbs;       /* '*' seen */
  char msg[200];   /* why the text is malformed */
};

/* Malformed text: keeps the reason and unwinds with DYAD_ERR_PARSE. */
static dyad_status fail(struct pc *c, const char *fmt, ...) DYAD_PRINTF(2, 3);
static dyad_status fail(struct pc *c, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(c->msg, sizeof c->msg, fmt, ap);
  va_end(ap);
  return DYAD_ERR_PARSE;
}

static char at(const struct pc *c) {
  return c->pos < c->n ? c->s[c->pos] : 0;
}

static bool delim(char ch) {
  return Dyad_ld_blank(ch) || ch == '_' || ch == '~' || ch == '=' ||
         ch == '{' || ch == '}' || ch == '|' || ch == '(' || ch == ')' ||
         ch == '[' || ch == ']';
}

static bool name_char(char ch) {
  return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
         (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
}

static struct lex_pel *push_pel(struct pc *c, uint8_t type) {
  struct lex_pel *e = Dyad_vec_push(&c->ld->spels);
  if (e) {
    e->type = type;
    e->conn = PC_SKIP;
  }
  return e;
}

/* Moves scratch elements [start, end) to lex->pels. */
static dyad_status finish_seq(struct pc *c, size_t start, uint32_t *els,
                              uint32_t *nels) {
  struct vec *sp = &c->ld->spels, *pels = &c->ld->lex->pels;
  size_t k = sp->len - start;
  TRY(Dyad_vec_reserve(pels, pels->len + k));
  if (k)
    memcpy((struct lex_pel *)pels->data + pels->len,
           (struct lex_pel *)sp->data + start, k * sizeof(struct lex_pel));
  *els = (uint32_t)pels->len;
  *nels = (uint32_t)k;
  pels->len += k;
  sp->len = start;
  return DYAD_OK;
}

static dyad_status push_opt(struct pc *c, uint32_t els, uint32_t nels) {
  struct lex_altopt *o = Dyad_vec_push(&c->ld->sopts);
  if (!o)
    return DYAD_ERR_NOMEM;
  o->els = els;
  o->nels = nels;
  return DYAD_OK;
}

/* Moves the options collected since `obase` into lex->alt_opts as a group
 * (or into the reserved group `alt` when not LEX_NONE). */
static dyad_status close_group(struct loader *ld, size_t obase, uint32_t name,
                               uint32_t alt, uint32_t *out) {
  struct dyad_lexicon *lex = ld->lex;
  size_t k = ld->sopts.len - obase;
  TRY(Dyad_vec_reserve(&lex->alt_opts, lex->alt_opts.len + k));
  if (k)
    memcpy((struct lex_altopt *)lex->alt_opts.data + lex->alt_opts.len,
           (struct lex_altopt *)ld->sopts.data + obase,
           k * sizeof(struct lex_altopt));
  uint32_t first = (uint32_t)lex->alt_opts.len;
  lex->alt_opts.len += k;
  ld->sopts.len = obase;
  struct lex_alt *a;
  if (alt == LEX_NONE) {
    a = Dyad_vec_push(&lex->alts);
    if (!a)
      return DYAD_ERR_NOMEM;
    a->name = name;
    alt = (uint32_t)(lex->alts.len - 1);
  } else {
    a = &VEC_AT(&lex->alts, struct lex_alt, alt);
  }
  a->opts = first;
  a->nopts = (uint32_t)k;
  if (out)
    *out = alt;
  return DYAD_OK;
}

/* Pushes the words of one written word (a word may fold to several keys:
 * DON'T = DO N'T); the keys after the first follow immediately. */
static dyad_status push_word(struct pc *c, const char *w, size_t n,
                             bool fixed) {
  struct dyad_lexicon *lex = c->ld->lex;
  uint32_t wids[LD_MAX_WORDS];
  size_t k = 0;
  dyad_status st = Dyad_ld_word(c->ld, w, n, wids, &k, LD_MAX_WORDS);
  if (st == DYAD_ERR_LIMIT)
    return fail(c, "word \"%.*s\" is too long", Dyad_ld_snip(w, n), w);
  TRY(st);
  for (size_t i = 0; i < k; i++) {
    struct lex_pel *e = push_pel(c, PE_WORD);
    if (!e)
      return DYAD_ERR_NOMEM;
    e->arg = wids[i];
    e->str = VEC_AT(&lex->words, uint32_t, wids[i]);
    if (i + 1 < k) {
      e->exact = 1;
      e->conn = PC_NEXT;
    }
  }
  if (fixed)
    for (size_t i = 0; i < n; i++)
      if (isalnum((unsigned char)w[i]))
        c->length++;
  return DYAD_OK;
}

static dyad_status parse_seq(struct pc *c, int depth, bool fixed, bool in_alt);

/* WORD, or A/B/C (PETRARCH-2: one of the words). */
static dyad_status parse_word(struct pc *c, bool fixed) {
  size_t a = c->pos;
  while (c->pos < c->n && !delim(c->s[c->pos]))
    c->pos++;
  const char *w = c->s + a;
  size_t n = c->pos - a;
  const char *slash = memchr(w, '/', n);
  if (!slash)
    return push_word(c, w, n, fixed);
  size_t obase = c->ld->sopts.len;
  size_t i = 0;
  while (i <= n) {
    size_t j = i;
    while (j < n && w[j] != '/')
      j++;
    if (j == i)
      return fail(c, "empty choice in \"%.*s\"", Dyad_ld_snip(w, n), w);
    size_t start = c->ld->spels.len;
    TRY(push_word(c, w + i, j - i, false));
    if (c->ld->spels.len == start)
      return fail(c, "choice \"%.*s\" has no word", Dyad_ld_snip(w + i, j - i),
                  w + i);
    uint32_t els, nels;
    TRY(finish_seq(c, start, &els, &nels));
    TRY(push_opt(c, els, nels));
    i = j + 1;
  }
  uint32_t alt;
  TRY(close_group(c->ld, obase, LEX_NONE, LEX_NONE, &alt));
  struct lex_pel *e = push_pel(c, PE_ALT);
  if (!e)
    return DYAD_ERR_NOMEM;
  e->arg = alt;
  return DYAD_OK;
}

/* &NAME: the longest defined set name that the written name starts with,
 * cut at a '_' ("&TIETYPES_MEMOS" = &TIETYPES, then MEMOS next). */
static dyad_status parse_synref(struct pc *c) {
  c->pos++;
  size_t a = c->pos;
  while (c->pos < c->n && name_char(c->s[c->pos]))
    c->pos++;
  const char *r = c->s + a;
  size_t len = c->pos - a, l = len;
  uint32_t alt = LEX_NONE;
  while (l > 0) {
    size_t m = l;
    while (m > 0 && r[m - 1] == '_')
      m--;
    if (m > 0)
      alt = Dyad_ld_find_synset(c->ld->lex, r, m);
    if (alt != LEX_NONE) {
      l = m;
      break;
    }
    size_t k = m;
    while (k > 0 && r[k - 1] != '_')
      k--;
    if (k == 0)
      break;
    l = k - 1;
  }
  if (alt == LEX_NONE)
    return fail(c, "undefined synonym set &%.*s", Dyad_ld_snip(r, len), r);
  c->pos = a + l;
  struct lex_pel *e = push_pel(c, PE_ALT);
  if (!e)
    return DYAD_ERR_NOMEM;
  e->arg = alt;
  return DYAD_OK;
}

/* "{ a | b }" alternatives, or "{NOUN PHRASE}" (no '|'). */
static dyad_status parse_group(struct pc *c, int depth, bool fixed,
                               bool in_alt) {
  if (depth >= LD_MAX_DEPTH)
    return fail(c, "'{' nested more than %d deep", LD_MAX_DEPTH);
  c->pos++;
  bool alts = false;
  int d = 0;
  size_t j = c->pos;
  for (; j < c->n; j++) {
    char ch = c->s[j];
    if (ch == '{') {
      d++;
    } else if (ch == '}') {
      if (d == 0)
        break;
      d--;
    } else if (ch == '|' && d == 0) {
      alts = true;
    }
  }
  if (j >= c->n)
    return fail(c, "missing '}'");
  if (!alts) {
    size_t start = c->ld->spels.len;
    TRY(parse_seq(c, depth + 1, fixed, in_alt));
    if (at(c) != '}')
      return fail(c, "missing '}'");
    c->pos++;
    size_t end = c->ld->spels.len;
    if (end == start)
      return fail(c, "empty '{ }'");
    for (size_t i = start; i + 1 < end; i++)
      VEC_AT(&c->ld->spels, struct lex_pel, i).conn = PC_NEXT;
    return DYAD_OK;
  }
  size_t obase = c->ld->sopts.len;
  for (;;) {
    size_t start = c->ld->spels.len;
    TRY(parse_seq(c, depth + 1, false, true));
    if (c->ld->spels.len == start)
      return fail(c, "empty alternative in '{ | }'");
    uint32_t els, nels;
    TRY(finish_seq(c, start, &els, &nels));
    TRY(push_opt(c, els, nels));
    char ch = at(c);
    c->pos++;
    if (ch == '|')
      continue;
    if (ch == '}')
      break;
    return fail(c, "missing '}'");
  }
  uint32_t alt;
  TRY(close_group(c->ld, obase, LEX_NONE, LEX_NONE, &alt));
  struct lex_pel *e = push_pel(c, PE_ALT);
  if (!e)
    return DYAD_ERR_NOMEM;
  e->arg = alt;
  return DYAD_OK;
}

/* The connector written after the element just pushed. */
static void connector(struct pc *c) {
  struct vec *sp = &c->ld->spels;
  struct lex_pel *e = &VEC_AT(sp, struct lex_pel, sp->len - 1);
  bool word = e->type == PE_WORD;
  char ch = at(c);
  if (ch == '=') {
    if (word)
      e->exact = 1;
    c->pos++;
    ch = at(c);
  }
  if (ch == '_') {
    if (word)
      e->exact = 1;
    c->pos++;
    char nx = at(c);
    e->conn = (nx == 0 || Dyad_ld_blank(nx) || nx == '|' || nx == '}' ||
               nx == ')' || nx == '(')
                  ? PC_SKIP
                  : PC_NEXT;
  } else if (ch == '~') {
    c->pos++;
    e->conn = PC_NEXT;
  } else {
    e->conn = PC_SKIP;
  }
}

static dyad_status parse_elem(struct pc *c, int depth, bool fixed,
                              bool in_alt) {
  size_t before = c->ld->spels.len;
  char ch = at(c);
  uint8_t type = 0;
  switch (ch) {
  case '*':
    type = PE_VERB;
    break;
  case '$':
    type = PE_SOURCE;
    break;
  case '+':
    type = PE_TARGET;
    break;
  case '%':
    type = PE_COMPOUND;
    break;
  case '^':
    type = PE_SKIP;
    break;
  case '@':
    type = PE_ATTRIB;
    break;
  default:
    break;
  }
  if (type) {
    if (type == PE_VERB) {
      if (in_alt)
        return fail(c, "'*' inside alternatives");
      c->verbs++;
    }
    if (!push_pel(c, type))
      return DYAD_ERR_NOMEM;
    c->pos++;
  } else if (ch == '{') {
    TRY(parse_group(c, depth, fixed, in_alt));
  } else if (ch == '&') {
    TRY(parse_synref(c));
  } else if (ch == '~' || ch == '=' || ch == '[' || ch == ']') {
    return fail(c, "unexpected '%c'", ch);
  } else {
    TRY(parse_word(c, fixed));
  }
  if (c->ld->spels.len > before)
    connector(c);
  else
    while (at(c) == '=' || at(c) == '~')
      c->pos++;
  return DYAD_OK;
}

/* Elements up to the end, a '|' or a '}' of this level. */
static dyad_status parse_seq(struct pc *c, int depth, bool fixed, bool in_alt) {
  for (;;) {
    char ch = at(c);
    while (c->pos < c->n &&
           (Dyad_ld_blank(ch) || ch == '(' || ch == ')' || ch == '_')) {
      c->pos++;
      ch = at(c);
    }
    if (c->pos >= c->n || ch == '|' || ch == '}')
      return DYAD_OK;
    TRY(parse_elem(c, depth, fixed, in_alt));
  }
}

struct marks {
  size_t pels, alts, alt_opts, spels, sopts;
};

static void mark(const struct loader *ld, struct marks *m) {
  m->pels = ld->lex->pels.len;
  m->alts = ld->lex->alts.len;
  m->alt_opts = ld->lex->alt_opts.len;
  m->spels = ld->spels.len;
  m->sopts = ld->sopts.len;
}

static void rollback(struct loader *ld, const struct marks *m) {
  ld->lex->pels.len = m->pels;
  ld->lex->alts.len = m->alts;
  ld->lex->alt_opts.len = m->alt_opts;
  ld->spels.len = m->spels;
  ld->sopts.len = m->sopts;
}

/* Compiles s[0..n) as a sequence into the scratch stack (from its current
 * top). Returns DYAD_ERR_PARSE with c->msg set when malformed. */
static dyad_status compile_seq(struct pc *c, struct loader *ld, const char *s,
                               size_t n, bool fixed) {
  memset(c, 0, sizeof *c);
  c->ld = ld;
  c->s = s;
  c->n = n;
  TRY(parse_seq(c, 0, fixed, false));
  if (c->pos < c->n)
    return fail(c, "'%c' without a matching '{'", c->s[c->pos]);
  return DYAD_OK;
}

/* ---- synonym sets ---------------------------------------------------------
 */

static dyad_status compile_member(struct loader *ld, const struct ld_psyn *p,
                                  const struct ld_pmem *m) {
  struct dyad_lexicon *lex = ld->lex;
  const char *s = ld->text.data + m->off;
  struct marks mk;
  mark(ld, &mk);
  struct pc c;
  size_t start = ld->spels.len;
  dyad_status st = compile_seq(&c, ld, s, m->len, false);
  if (st == DYAD_OK && c.verbs)
    st = fail(&c, "'*' in a synonym set member");
  if (st == DYAD_OK && ld->spels.len == start)
    st = fail(&c, "empty member");
  if (st == DYAD_ERR_PARSE) {
    rollback(ld, &mk);
    /* looked up now: interning words may have moved the strings */
    const char *name =
        Dyad_lex_cstr(lex, VEC_AT(&lex->alts, struct lex_alt, p->alt).name);
    return Dyad_ld_bad(ld, m->src.file, m->src.line,
                       "synonym set &%s, member \"%.*s\": %s", name,
                       Dyad_ld_snip(s, m->len), s, c.msg);
  }
  TRY(st);
  size_t end = ld->spels.len;
  struct lex_pel *els = (struct lex_pel *)ld->spels.data;
  size_t lastw = end;
  for (size_t i = start; i < end; i++)
    if (els[i].type == PE_WORD)
      lastw = i;
  if (p->dialect == LD_PETRARCH) {
    /* PETRARCH: '_' and blanks alike join consecutive words; only a
     * trailing '_' makes the last word exact */
    bool trailing = m->len > 0 && s[m->len - 1] == '_';
    for (size_t i = start; i < end; i++) {
      if (i + 1 < end)
        els[i].conn = PC_NEXT;
      if (els[i].type == PE_WORD && i != lastw)
        els[i].exact = 0;
    }
    if (lastw < end)
      els[lastw].exact = trailing ? 1 : 0;
  }
  if (p->exact && lastw < end)
    els[lastw].exact = 1;
  uint32_t e, ne;
  TRY(finish_seq(&c, start, &e, &ne));
  return push_opt(&c, e, ne);
}

static dyad_status compile_synsets(struct loader *ld) {
  struct dyad_lexicon *lex = ld->lex;
  for (size_t i = 0; i < ld->psyn.len; i++) {
    const struct ld_psyn p = VEC_AT(&ld->psyn, struct ld_psyn, i);
    size_t obase = ld->sopts.len;
    for (uint32_t m = p.first; m != LEX_NONE;
         m = VEC_AT(&ld->pmem, struct ld_pmem, m).next) {
      const struct ld_pmem mem = VEC_AT(&ld->pmem, struct ld_pmem, m);
      TRY(compile_member(ld, &p, &mem));
    }
    if (ld->sopts.len == obase) {
      const char *name =
          Dyad_lex_cstr(lex, VEC_AT(&lex->alts, struct lex_alt, p.alt).name);
      TRY(Dyad_ld_bad(ld, p.src.file, p.src.line,
                      "synonym set &%s has no members", name));
    }
    TRY(close_group(ld, obase, LEX_NONE, p.alt, NULL));
  }
  return DYAD_OK;
}

/* A set reached again while its own members are being walked loops for
 * ever in a matcher: drop the member that closes the loop. Iterative DFS
 * over groups (no recursion whose depth the input controls). */
struct dfs {
  uint32_t alt, opt, el;
};

static dyad_status check_cycles(struct loader *ld) {
  struct dyad_lexicon *lex = ld->lex;
  size_t n = lex->alts.len;
  if (!n)
    return DYAD_OK;
  uint8_t *color = calloc(n, 1);
  if (!color)
    return DYAD_ERR_NOMEM;
  struct vec stack;
  Dyad_vec_init(&stack, sizeof(struct dfs));
  dyad_status st = DYAD_OK;
  for (size_t r = 0; r < n && st == DYAD_OK; r++) {
    if (color[r])
      continue;
    color[r] = 1;
    struct dfs *f = Dyad_vec_push(&stack);
    if (!f) {
      st = DYAD_ERR_NOMEM;
      break;
    }
    f->alt = (uint32_t)r;
    while (stack.len && st == DYAD_OK) {
      struct dfs *top = &VEC_AT(&stack, struct dfs, stack.len - 1);
      struct lex_alt *al = &VEC_AT(&lex->alts, struct lex_alt, top->alt);
      if (top->opt >= al->nopts) {
        color[top->alt] = 2;
        stack.len--;
        continue;
      }
      const struct lex_altopt *op =
          &VEC_AT(&lex->alt_opts, struct lex_altopt, al->opts + top->opt);
      if (top->el >= op->nels) {
        top->opt++;
        top->el = 0;
        continue;
      }
      const struct lex_pel *e =
          &VEC_AT(&lex->pels, struct lex_pel, op->els + top->el);
      top->el++;
      if (e->type != PE_ALT || e->arg >= n)
        continue;
      uint32_t t = e->arg;
      if (color[t] == 1) {
        const struct lex_alt *ta = &VEC_AT(&lex->alts, struct lex_alt, t);
        struct lex_src src = {0, 0};
        if (t < ld->psyn.len)
          src = VEC_AT(&ld->psyn, struct ld_psyn, t).src;
        st = Dyad_ld_bad(ld, src.file, src.line,
                         "synonym set &%s refers to itself; the member that "
                         "closes the loop is dropped",
                         ta->name == LEX_NONE ? "?"
                                              : Dyad_lex_cstr(lex, ta->name));
        struct lex_altopt *o =
            &VEC_AT(&lex->alt_opts, struct lex_altopt, al->opts);
        memmove(o + top->opt, o + top->opt + 1,
                (al->nopts - top->opt - 1) * sizeof *o);
        al->nopts--;
        top->el = 0;
        continue;
      }
      if (color[t] == 0) {
        color[t] = 1;
        struct dfs *nf = Dyad_vec_push(&stack);
        if (!nf) {
          st = DYAD_ERR_NOMEM;
          break;
        }
        nf->alt = t;
      }
    }
  }
  Dyad_vec_fini(&stack);
  free(color);
  return st;
}

/* ---- patterns -------------------------------------------------------------
 */

static dyad_status compile_pattern(struct loader *ld, const struct ld_ppat *p) {
  struct dyad_lexicon *lex = ld->lex;
  const char *s = ld->text.data + p->off;
  size_t n = p->len;
  /* the code is the last "[...]" */
  size_t lb = n;
  while (lb > 0 && s[lb - 1] != '[')
    lb--;
  if (lb == 0)
    return Dyad_ld_bad(ld, p->src.file, p->src.line,
                       "pattern \"%.*s\" has no code", Dyad_ld_snip(s, n), s);
  lb--;
  const char *rb = memchr(s + lb, ']', n - lb);
  if (!rb)
    return Dyad_ld_bad(ld, p->src.file, p->src.line,
                       "pattern \"%.*s\": missing ']'", Dyad_ld_snip(s, n), s);
  uint32_t code, code2, cflags;
  dyad_status st;
  size_t cl = (size_t)(rb - (s + lb + 1));
  if (!Dyad_ld_code(ld, s + lb + 1, cl, &code, &code2, &cflags, &st)) {
    TRY(st);
    return Dyad_ld_bad(
        ld, p->src.file, p->src.line, "pattern \"%.*s\": malformed code [%.*s]",
        Dyad_ld_snip(s, lb), s, Dyad_ld_snip(s + lb + 1, cl), s + lb + 1);
  }
  struct marks mk;
  mark(ld, &mk);
  struct pc c;
  st = compile_seq(&c, ld, s, lb, true);
  if (st == DYAD_OK && c.verbs == 0)
    st = fail(&c, "no '*' (the verb)");
  if (st == DYAD_OK && c.verbs > 1)
    st = fail(&c, "more than one '*'");
  if (st == DYAD_ERR_PARSE) {
    rollback(ld, &mk);
    return Dyad_ld_bad(ld, p->src.file, p->src.line, "pattern \"%.*s\": %s",
                       Dyad_ld_snip(s, lb), s, c.msg);
  }
  TRY(st);
  uint32_t els, nels;
  TRY(finish_seq(&c, mk.spels, &els, &nels));
  struct lex_pattern *pt = Dyad_vec_push(&lex->patterns);
  if (!pt)
    return DYAD_ERR_NOMEM;
  pt->block = p->block;
  pt->els = els;
  pt->nels = nels;
  pt->code = code;
  pt->code2 = code2;
  pt->flags = cflags | p->flags;
  pt->length = c.length;
  pt->src = p->src;
  return DYAD_OK;
}

dyad_status Dyad_ld_compile(struct loader *ld) {
  ld->spels.len = 0;
  ld->sopts.len = 0;
  TRY(compile_synsets(ld));
  TRY(check_cycles(ld));
  for (size_t i = 0; i < ld->ppat.len; i++) {
    const struct ld_ppat p = VEC_AT(&ld->ppat, struct ld_ppat, i);
    TRY(compile_pattern(ld, &p));
  }
  ld->ppat.len = ld->psyn.len = ld->pmem.len = 0;
  ld->text.len = 0;
  return DYAD_OK;
}
