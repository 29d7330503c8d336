/*
 * load_petrarch.c - PETRARCH dictionaries (pipeline stage "lexicon"): the
 * config file, actors, agents, verbs (PETRARCH-1 and PETRARCH-2 layouts),
 * event nouns, discards and issues. The actor and agent readers also read
 * TABARI's .actors and .agents, whose layout is the same but for comments
 * and sections.
 *
 * Formats: the PETRARCH2 documentation (PETRARCH2's PETRreader.py: read_actor_dictionary,
 * read_agent_dictionary, read_verb_dictionary, read_discard_list,
 * read_issue_list, parse_Config) and docs/dictionaries.md, which also states
 * dyad's extensions (verbfile_list, agentfile_list, nounfile_list) and its
 * choices where the peers differ: date ranges are inclusive; "{...}" verb
 * forms are completed with the regular forms of the kinds they leave out;
 * actors and agents also match a regular plural unless written with a
 * trailing '_' or explicit forms.
 */
#include "load.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct lex_src src_of(const struct ld_file *f, unsigned line) {
  struct lex_src s = {f->fidx, line};
  return s;
}

/* The comment rules of the two families: PETRARCH '#' anywhere and lines
 * starting "<!"; TABARI ';' anywhere, lines starting '#' or '/', and a line
 * starting '~' ends the file. Returns false at the end of the file. */
static bool clean_line(const struct ld_line *ln, bool tabari, const char **s,
                       size_t *n, bool *end) {
  const char *t = ln->s;
  size_t m = ln->n;
  t = Dyad_ld_trim(t, &m);
  *end = false;
  if (tabari) {
    if (m && (t[0] == '#' || t[0] == '/'))
      m = 0;
    else if (m && t[0] == '~') {
      *end = true;
      m = 0;
    } else {
      m = Dyad_ld_uncomment(t, m, ";");
    }
  } else {
    if (Dyad_ld_prefix(t, m, "<!"))
      m = 0;
    else
      m = Dyad_ld_uncomment(t, m, "#");
  }
  t = Dyad_ld_trim(t, &m);
  *s = t;
  *n = m;
  return m > 0;
}

static void upcase(const char *s, size_t n, char *out) {
  for (size_t i = 0; i < n; i++)
    out[i] = (char)toupper((unsigned char)s[i]);
  out[n] = '\0';
}

/* The last written word of a phrase, and whether it may take a plural:
 * letters only, at least `min` of them, no trailing '_' or '='. */
static bool plural_word(const char *s, size_t n, size_t min, char *out,
                        size_t cap, size_t *outn) {
  s = Dyad_ld_trim(s, &n);
  if (!n || s[n - 1] == '_' || s[n - 1] == '=')
    return false;
  size_t a = n;
  while (a > 0 && s[a - 1] != '_' && !Dyad_ld_blank(s[a - 1]))
    a--;
  size_t wn = n - a;
  if (wn < min || wn >= 60)
    return false;
  char up[64];
  upcase(s + a, wn, up);
  *outn = Dyad_ld_plural(up, wn, out, cap);
  return *outn > 0;
}

/* Word ids of a phrase with its last word replaced by `w`. */
static dyad_status replace_last(struct loader *ld, const struct ld_phrase *ph,
                                const char *w, size_t n,
                                struct ld_phrase *out) {
  *out = *ph;
  if (!ph->n)
    return DYAD_ERR_PARSE;
  return Dyad_lex_word(ld->lex, w, n, &out->wids[ph->n - 1]);
}

/* ---- actors (PETRARCH and TABARI) ------------------------------------------
 */

struct aphrase {
  uint32_t off, n; /* range in entry wids */
  uint8_t flags;
  bool plural;
  uint32_t plural_wid;
};

struct aentry {
  bool open, bad;
  bool code_err; /* a code of the entry was reported already */
  unsigned line;
  uint32_t name;
  struct vec wids;  /* uint32_t */
  struct vec phr;   /* struct aphrase */
  struct vec codes; /* struct lex_datecode */
};

static dyad_status entry_flush(struct loader *ld, const struct ld_file *f,
                               struct aentry *e) {
  struct dyad_lexicon *lex = ld->lex;
  dyad_status st = DYAD_OK;
  if (e->open && !e->bad && !e->code_err && e->codes.len == 0)
    st = Dyad_ld_bad(ld, f->fidx, e->line, "actor \"%s\" has no code",
                     Dyad_lex_cstr(lex, e->name));
  if (st == DYAD_OK && e->open && !e->bad && e->codes.len) {
    struct lex_actor *a = Dyad_vec_push(&lex->actors);
    if (!a)
      return DYAD_ERR_NOMEM;
    a->codes = (uint32_t)lex->datecodes.len;
    a->ncodes = (uint32_t)e->codes.len;
    a->name = e->name;
    a->src = src_of(f, e->line);
    uint32_t ref = (uint32_t)(lex->actors.len - 1);
    TRY(Dyad_vec_reserve(&lex->datecodes, lex->datecodes.len + e->codes.len));
    memcpy((struct lex_datecode *)lex->datecodes.data + lex->datecodes.len,
           e->codes.data, e->codes.len * sizeof(struct lex_datecode));
    lex->datecodes.len += e->codes.len;
    for (size_t i = 0; i < e->phr.len; i++) {
      const struct aphrase *p = &VEC_AT(&e->phr, struct aphrase, i);
      uint32_t *w = (uint32_t *)e->wids.data + p->off;
      TRY(Dyad_lex_add_hit(lex, w, p->n, LK_ACTOR, ref, p->flags));
      if (p->plural) {
        uint32_t save = w[p->n - 1];
        w[p->n - 1] = p->plural_wid;
        TRY(Dyad_lex_add_hit(lex, w, p->n, LK_ACTOR, ref,
                             p->flags | LH_PLURAL));
        w[p->n - 1] = save;
      }
    }
  }
  e->open = e->bad = e->code_err = false;
  e->wids.len = e->phr.len = e->codes.len = 0;
  return st;
}

/* Adds a phrase of the open entry. */
static dyad_status entry_phrase(struct loader *ld, const struct ld_file *f,
                                const struct ld_line *ln, struct aentry *e,
                                const char *s, size_t n) {
  struct ld_phrase ph;
  dyad_status st = Dyad_ld_phrase(ld, s, n, &ph, NULL, NULL);
  unsigned line = ln->no, col = (unsigned)(s - ln->s) + 1;
  if (st == DYAD_ERR_PARSE || st == DYAD_ERR_LIMIT)
    return Dyad_ld_bad_at(ld, f->fidx, line, col,
                          "actor phrase \"%.*s\" is %s",
                       Dyad_ld_snip(s, n), s,
                       st == DYAD_ERR_PARSE ? "empty" : LD_TOO_LONG);
  TRY(st);
  struct aphrase *p = Dyad_vec_push(&e->phr);
  if (!p)
    return DYAD_ERR_NOMEM;
  p->off = (uint32_t)e->wids.len;
  p->n = (uint32_t)ph.n;
  p->flags = ph.exact ? LH_EXACT : 0;
  p->plural = false;
  TRY(Dyad_vec_reserve(&e->wids, e->wids.len + ph.n));
  memcpy((uint32_t *)e->wids.data + e->wids.len, ph.wids,
         ph.n * sizeof(uint32_t));
  e->wids.len += ph.n;
  char pl[72];
  size_t pn;
  if (plural_word(s, n, 3, pl, sizeof pl, &pn)) {
    uint32_t wid;
    TRY(Dyad_lex_word(ld->lex, pl, pn, &wid));
    p = &VEC_AT(&e->phr, struct aphrase, e->phr.len - 1);
    p->plural = true;
    p->plural_wid = wid;
  }
  return DYAD_OK;
}

static bool actor_code_ok(const char *c, size_t n) {
  if (n == 3 && (memcmp(c, "---", 3) == 0 || memcmp(c, "###", 3) == 0 ||
                 memcmp(c, "+++", 3) == 0))
    return true;
  bool letter = false;
  for (size_t i = 0; i < n; i++) {
    char ch = c[i];
    if (isalpha((unsigned char)ch))
      letter = true;
    else if (!isdigit((unsigned char)ch) && ch != '/')
      return false;
  }
  return letter && c[0] != '/' && c[n - 1] != '/';
}

/* One "[CODE]", "[CODE <d]", "[CODE >d]" or "[CODE d1-d2]" (blanks
 * anywhere, dates YYMMDD or YYYYMMDD). Ranges are inclusive. */
static dyad_status actor_code(struct loader *ld, const struct ld_file *f,
                              unsigned line, const char *s, size_t n,
                              struct aentry *e) {
  s = Dyad_ld_trim(s, &n);
  size_t k = 0;
  while (k < n && !Dyad_ld_blank(s[k]) && s[k] != '<' && s[k] != '>')
    k++;
  if (!k || !actor_code_ok(s, k))
    return Dyad_ld_bad(ld, f->fidx, line, "malformed actor code [%.*s]",
                       Dyad_ld_snip(s, n), s);
  char r[40];
  size_t rn = 0;
  for (size_t i = k; i < n; i++) {
    if (Dyad_ld_blank(s[i]))
      continue;
    if (rn + 1 >= sizeof r)
      return Dyad_ld_bad(ld, f->fidx, line,
                         "malformed date restriction in [%.*s]",
                         Dyad_ld_snip(s, n), s);
    r[rn++] = s[i];
  }
  int from = 0, to = 99999999;
  bool ok = true;
  if (rn) {
    if (r[0] == '<' || r[0] == '>') {
      int d = Dyad_date_parse(r + 1, rn - 1);
      ok = d != 0;
      if (r[0] == '<')
        to = d;
      else
        from = d;
    } else {
      const char *dash = memchr(r, '-', rn);
      if (dash) {
        size_t a = (size_t)(dash - r);
        from = Dyad_date_parse(r, a);
        to = Dyad_date_parse(dash + 1, rn - a - 1);
        ok = from && to && from <= to;
      } else {
        ok = false;
      }
    }
  }
  if (!ok)
    return Dyad_ld_bad(ld, f->fidx, line,
                       "malformed date restriction in [%.*s]",
                       Dyad_ld_snip(s, n), s);
  struct lex_datecode *dc = Dyad_vec_push(&e->codes);
  if (!dc)
    return DYAD_ERR_NOMEM;
  TRY(Dyad_lex_str(ld->lex, s, k, &dc->code));
  dc->from = from;
  dc->to = to;
  return DYAD_OK;
}

/* The "[...]" blocks of s[0..n) (which must start with '[' or be blank). */
static dyad_status actor_codes(struct loader *ld, const struct ld_file *f,
                               unsigned line, const char *s, size_t n,
                               struct aentry *e) {
  for (;;) {
    s = Dyad_ld_trim(s, &n);
    if (!n)
      return DYAD_OK;
    if (s[0] != '[' || !memchr(s, ']', n)) {
      if (e)
        e->code_err = true;
      if (s[0] != '[')
        return Dyad_ld_bad(ld, f->fidx, line, "unexpected \"%.*s\" after codes",
                           Dyad_ld_snip(s, n), s);
      return Dyad_ld_bad(ld, f->fidx, line, "missing ']' in \"%.*s\"",
                         Dyad_ld_snip(s, n), s);
    }
    const char *rb = memchr(s, ']', n);
    if (e) {
      size_t before = ld->lex->diags.len;
      TRY(actor_code(ld, f, line, s + 1, (size_t)(rb - s - 1), e));
      if (ld->lex->diags.len > before)
        e->code_err = true;
    }
    n -= (size_t)(rb + 1 - s);
    s = rb + 1;
  }
}

static void entry_init(struct aentry *e) {
  memset(e, 0, sizeof *e);
  Dyad_vec_init(&e->wids, sizeof(uint32_t));
  Dyad_vec_init(&e->phr, sizeof(struct aphrase));
  Dyad_vec_init(&e->codes, sizeof(struct lex_datecode));
}

static void entry_fini(struct aentry *e) {
  Dyad_vec_fini(&e->wids);
  Dyad_vec_fini(&e->phr);
  Dyad_vec_fini(&e->codes);
}

enum asec { AS_ACTORS, AS_NOUN, AS_ADJ };

static dyad_status actors_body(struct loader *ld, struct ld_file *f,
                               bool tabari, struct aentry *e) {
  struct dyad_lexicon *lex = ld->lex;
  enum asec sec = AS_ACTORS;
  struct ld_line ln;
  bool got, end;
  for (;;) {
    TRY(Dyad_ld_line(ld, f, &ln, &got));
    if (!got)
      break;
    const char *s;
    size_t n;
    if (!clean_line(&ln, tabari, &s, &n, &end)) {
      if (end)
        break;
      continue;
    }
    if (s[0] == '<') {
      enum asec ns;
      if (Dyad_ld_prefix(s, n, "<NOUN>"))
        ns = AS_NOUN;
      else if (Dyad_ld_prefix(s, n, "<ADJECTIVE>"))
        ns = AS_ADJ;
      else if (Dyad_ld_prefix(s, n, "</NOUN>") ||
               Dyad_ld_prefix(s, n, "</ADJECTIVE>"))
        ns = AS_ACTORS;
      else {
        TRY(Dyad_ld_bad(ld, f->fidx, ln.no, "unknown section \"%.*s\"",
                        Dyad_ld_snip(s, n), s));
        continue;
      }
      TRY(entry_flush(ld, f, e));
      sec = ns;
      continue;
    }
    const char *lb = memchr(s, '[', n);
    size_t pn = lb ? (size_t)(lb - s) : n;
    if (sec != AS_ACTORS) {
      struct ld_phrase ph;
      dyad_status st = Dyad_ld_phrase(ld, s, pn, &ph, NULL, NULL);
      if (st == DYAD_ERR_PARSE || st == DYAD_ERR_LIMIT) {
        TRY(Dyad_ld_bad(ld, f->fidx, ln.no, "malformed word \"%.*s\"",
                        Dyad_ld_snip(s, n), s));
        continue;
      }
      TRY(st);
      TRY(Dyad_lex_add_hit(lex, ph.wids, ph.n,
                           sec == AS_NOUN ? LK_NOUN : LK_ADJ, 0,
                           ph.exact ? LH_EXACT : 0));
      continue;
    }
    if (s[0] == '[') {
      if (!e->open) {
        TRY(Dyad_ld_bad(ld, f->fidx, ln.no, "codes without an actor"));
        continue;
      }
      TRY(actor_codes(ld, f, ln.no, s, n, e->bad ? NULL : e));
      continue;
    }
    if (s[0] == '+') {
      if (!e->open) {
        TRY(Dyad_ld_bad(ld, f->fidx, ln.no, "synonym \"%.*s\" without an actor",
                        Dyad_ld_snip(s, n), s));
        continue;
      }
      if (e->bad)
        continue;
      TRY(entry_phrase(ld, f, &ln, e, s + 1, pn - 1));
      TRY(actor_codes(ld, f, ln.no, s + pn, n - pn, e));
      continue;
    }
    TRY(entry_flush(ld, f, e));
    e->open = true;
    e->line = ln.no;
    size_t tn = pn;
    const char *t = Dyad_ld_trim(s, &tn);
    TRY(Dyad_lex_str(lex, t, tn, &e->name));
    size_t before = ld->lex->diags.len;
    TRY(entry_phrase(ld, f, &ln, e, s, pn));
    if (ld->lex->diags.len > before) {
      e->bad = true;
      continue;
    }
    TRY(actor_codes(ld, f, ln.no, s + pn, n - pn, e));
  }
  return entry_flush(ld, f, e);
}

dyad_status Dyad_ld_actors(struct loader *ld, const char *path, bool tabari) {
  struct ld_file f;
  TRY(Dyad_ld_open(ld, path, &f));
  struct aentry e;
  entry_init(&e);
  dyad_status st = actors_body(ld, &f, tabari, &e);
  entry_fini(&e);
  Dyad_ld_close(&f);
  return st;
}

/* ---- agents (PETRARCH and TABARI) ------------------------------------------
 */

/* Substitution sets "!NAME! = A, B, C": names and members, NUL-separated. */
struct subs {
  struct buf text;
  struct vec sets; /* struct subset */
};

struct subset {
  uint32_t name, nname; /* in text */
  uint32_t mem, nmem;   /* first member offset in text, member count */
};

static const struct subset *find_sub(const struct subs *sb, const char *s,
                                     size_t n) {
  for (size_t i = sb->sets.len; i-- > 0;) {
    const struct subset *x = &VEC_AT(&sb->sets, struct subset, i);
    if (x->nname == n && memcmp(sb->text.data + x->name, s, n) == 0)
      return x;
  }
  return NULL;
}

static dyad_status define_sub(struct loader *ld, const struct ld_file *f,
                              unsigned line, struct subs *sb, const char *s,
                              size_t n) {
  const char *b = memchr(s + 1, '!', n - 1);
  const char *eq = memchr(s, '=', n);
  if (!b || !eq || eq < b)
    return Dyad_ld_bad(ld, f->fidx, line, "malformed substitution set \"%.*s\"",
                       Dyad_ld_snip(s, n), s);
  size_t rest = (size_t)(eq - (b + 1));
  const char *mid = Dyad_ld_trim(b + 1, &rest);
  (void)mid;
  if (rest || b == s + 1)
    return Dyad_ld_bad(ld, f->fidx, line, "malformed substitution set \"%.*s\"",
                       Dyad_ld_snip(s, n), s);
  struct subset x;
  x.name = (uint32_t)sb->text.len;
  x.nname = (uint32_t)(b - (s + 1));
  TRY(Dyad_buf_put(&sb->text, s + 1, x.nname));
  TRY(Dyad_buf_putc(&sb->text, '\0'));
  x.mem = (uint32_t)sb->text.len;
  x.nmem = 0;
  const char *p = eq + 1, *end = s + n;
  while (p <= end) {
    const char *c = memchr(p, ',', (size_t)(end - p));
    if (!c)
      c = end;
    size_t m = (size_t)(c - p);
    const char *t = Dyad_ld_trim(p, &m);
    if (m) {
      TRY(Dyad_buf_put(&sb->text, t, m));
      TRY(Dyad_buf_putc(&sb->text, '\0'));
      x.nmem++;
    }
    p = c + 1;
  }
  if (!x.nmem)
    return Dyad_ld_bad(ld, f->fidx, line, "substitution set !%.*s! is empty",
                       (int)x.nname, s + 1);
  struct subset *slot = Dyad_vec_push(&sb->sets);
  if (!slot)
    return DYAD_ERR_NOMEM;
  *slot = x;
  return DYAD_OK;
}

/* Expands the "!NAME!" markers of s[0..n) into NUL-separated variants in
 * `out` (*count of them). Returns false with a message in `why`. */
static bool expand_subs(const struct subs *sb, const char *s, size_t n,
                        struct buf *out, size_t *count, char *why,
                        size_t whycap, dyad_status *st) {
  struct buf cur, next;
  Dyad_buf_init(&cur, 0);
  Dyad_buf_init(&next, 0);
  *st = DYAD_OK;
  bool ok = true;
  size_t nv = 1;
  if ((*st = Dyad_buf_put(&cur, s, n)) == DYAD_OK)
    *st = Dyad_buf_putc(&cur, '\0');
  for (int round = 0; ok && *st == DYAD_OK; round++) {
    bool any = false;
    next.len = 0;
    size_t nn = 0;
    for (size_t off = 0; off < cur.len && ok && *st == DYAD_OK;) {
      const char *v = cur.data + off;
      size_t vl = strlen(v);
      off += vl + 1;
      const char *a = memchr(v, '!', vl);
      const char *b = a ? memchr(a + 1, '!', vl - (size_t)(a + 1 - v)) : NULL;
      if (!a) {
        if ((*st = Dyad_buf_put(&next, v, vl + 1)) != DYAD_OK)
          break;
        nn++;
        continue;
      }
      any = true;
      if (!b || b == a + 1) {
        snprintf(why, whycap, "unclosed substitution marker");
        ok = false;
        break;
      }
      const struct subset *x = find_sub(sb, a + 1, (size_t)(b - a - 1));
      if (!x) {
        snprintf(why, whycap, "substitution set !%.*s! is not defined",
                 Dyad_ld_snip(a + 1, (size_t)(b - a - 1)), a + 1);
        ok = false;
        break;
      }
      const char *m = sb->text.data + x->mem;
      for (uint32_t k = 0; k < x->nmem && *st == DYAD_OK; k++) {
        size_t ml = strlen(m);
        if (nn >= LD_MAX_VARIANTS) {
          snprintf(why, whycap, "more than %d expansions", LD_MAX_VARIANTS);
          ok = false;
          break;
        }
        if ((*st = Dyad_buf_put(&next, v, (size_t)(a - v))) == DYAD_OK &&
            (*st = Dyad_buf_put(&next, m, ml)) == DYAD_OK)
          *st = Dyad_buf_put(&next, b + 1, vl - (size_t)(b + 1 - v) + 1);
        nn++;
        m += ml + 1;
      }
    }
    struct buf t = cur;
    cur = next;
    next = t;
    nv = nn;
    if (!any || round > 8)
      break;
  }
  if (ok && *st == DYAD_OK) {
    *st = Dyad_buf_put(out, cur.data, cur.len);
    *count = nv;
  }
  Dyad_buf_fini(&cur);
  Dyad_buf_fini(&next);
  return ok && *st == DYAD_OK;
}

static bool agent_code_ok(const char *c, size_t n) {
  if (!n)
    return false;
  for (size_t i = 0; i < n; i++)
    if (!isalnum((unsigned char)c[i]))
      return false;
  return true;
}

static dyad_status agent_line(struct loader *ld, const struct ld_file *f,
                              unsigned line, struct subs *sb, const char *s,
                              size_t n, struct buf *scratch) {
  struct dyad_lexicon *lex = ld->lex;
  const char *lb = memchr(s, '[', n);
  if (!lb)
    return Dyad_ld_bad(ld, f->fidx, line, "agent \"%.*s\" has no code",
                       Dyad_ld_snip(s, n), s);
  const char *rb = memchr(lb, ']', (size_t)(s + n - lb));
  if (!rb)
    return Dyad_ld_bad(ld, f->fidx, line, "missing ']' in \"%.*s\"",
                       Dyad_ld_snip(s, n), s);
  size_t tail = (size_t)(s + n - rb - 1);
  Dyad_ld_trim(rb + 1, &tail);
  if (tail)
    return Dyad_ld_bad(ld, f->fidx, line, "unexpected text after the code");
  /* code: "~X" appended, "X~" put in front */
  char code[64];
  size_t cn = 0;
  for (const char *p = lb + 1; p < rb; p++)
    if (!Dyad_ld_blank(*p) && cn + 1 < sizeof code)
      code[cn++] = *p;
  bool suffix;
  const char *cs;
  size_t cl;
  if (cn >= 2 && code[0] == '~') {
    suffix = false;
    cs = code + 1;
    cl = cn - 1;
  } else if (cn >= 2 && code[cn - 1] == '~') {
    suffix = true;
    cs = code;
    cl = cn - 1;
  } else {
    return Dyad_ld_bad(ld, f->fidx, line,
                       "agent code [%.*s] needs a '~' before or after it",
                       (int)cn, code);
  }
  if (!agent_code_ok(cs, cl))
    return Dyad_ld_bad(ld, f->fidx, line, "malformed agent code [%.*s]",
                       (int)cn, code);
  /* phrase, then an optional "{PLURAL}" */
  size_t pn = (size_t)(lb - s);
  const char *ob = memchr(s, '{', pn);
  const char *plural = NULL;
  size_t pln = 0;
  if (ob) {
    const char *cb = memchr(ob, '}', (size_t)(lb - ob));
    if (!cb)
      return Dyad_ld_bad(ld, f->fidx, line, "missing '}' in \"%.*s\"",
                         Dyad_ld_snip(s, n), s);
    size_t after = (size_t)(lb - cb - 1);
    Dyad_ld_trim(cb + 1, &after);
    if (after)
      return Dyad_ld_bad(ld, f->fidx, line,
                         "unexpected text between '}' and the code");
    plural = ob + 1;
    pln = (size_t)(cb - ob - 1);
    plural = Dyad_ld_trim(plural, &pln);
    pn = (size_t)(ob - s);
  }
  const char *ph = Dyad_ld_trim(s, &pn);
  if (!pn)
    return Dyad_ld_bad(ld, f->fidx, line, "agent without a phrase");
  /* variants of the phrase (substitution sets) and of its plural */
  char why[160];
  size_t nv = 0, npv = 0;
  dyad_status st;
  scratch->len = 0;
  if (!expand_subs(sb, ph, pn, scratch, &nv, why, sizeof why, &st)) {
    TRY(st);
    return Dyad_ld_bad(ld, f->fidx, line, "agent \"%.*s\": %s",
                       Dyad_ld_snip(ph, pn), ph, why);
  }
  size_t pl_off = scratch->len;
  if (plural && pln &&
      !expand_subs(sb, plural, pln, scratch, &npv, why, sizeof why, &st)) {
    TRY(st);
    return Dyad_ld_bad(ld, f->fidx, line, "agent \"%.*s\": %s",
                       Dyad_ld_snip(ph, pn), ph, why);
  }
  bool marked = memchr(ph, '!', pn) != NULL;
  uint32_t name, cid;
  TRY(Dyad_lex_str(lex, ph, pn, &name));
  TRY(Dyad_lex_str(lex, cs, cl, &cid));
  struct lex_agent *ag = Dyad_vec_push(&lex->agents);
  if (!ag)
    return DYAD_ERR_NOMEM;
  ag->code = cid;
  ag->suffix = suffix;
  ag->name = name;
  ag->src = src_of(f, line);
  uint32_t ref = (uint32_t)(lex->agents.len - 1);
  /* the texts live in `scratch`, which Dyad_ld_phrase does not touch */
  for (size_t off = 0, k = 0; k < nv + npv; k++) {
    const char *v = scratch->data + off;
    size_t vl = strlen(v);
    off += vl + 1;
    bool is_plural = off > pl_off;
    struct ld_phrase p;
    st = Dyad_ld_phrase(ld, v, vl, &p, NULL, NULL);
    if (st == DYAD_ERR_PARSE || st == DYAD_ERR_LIMIT) {
      TRY(Dyad_ld_bad(ld, f->fidx, line, "agent phrase \"%.*s\" is %s",
                      Dyad_ld_snip(v, vl), v,
                      st == DYAD_ERR_PARSE ? "empty" : LD_TOO_LONG));
      continue;
    }
    TRY(st);
    uint8_t fl = (p.exact ? LH_EXACT : 0) | (is_plural ? LH_PLURAL : 0);
    TRY(Dyad_lex_add_hit(lex, p.wids, p.n, LK_AGENT, ref, fl));
    char pw[72];
    size_t pwn;
    if (!is_plural && !plural && !marked &&
        plural_word(v, vl, 2, pw, sizeof pw, &pwn)) {
      struct ld_phrase q;
      TRY(replace_last(ld, &p, pw, pwn, &q));
      TRY(Dyad_lex_add_hit(lex, q.wids, q.n, LK_AGENT, ref, fl | LH_PLURAL));
    }
  }
  return DYAD_OK;
}

dyad_status Dyad_ld_agents(struct loader *ld, const char *path, bool tabari) {
  struct ld_file f;
  TRY(Dyad_ld_open(ld, path, &f));
  struct subs sb;
  Dyad_buf_init(&sb.text, 0);
  Dyad_vec_init(&sb.sets, sizeof(struct subset));
  struct buf scratch;
  Dyad_buf_init(&scratch, 0);
  dyad_status st = DYAD_OK;
  struct ld_line ln;
  bool got, end;
  while (st == DYAD_OK) {
    st = Dyad_ld_line(ld, &f, &ln, &got);
    if (st != DYAD_OK || !got)
      break;
    const char *s;
    size_t n;
    if (!clean_line(&ln, tabari, &s, &n, &end)) {
      if (end)
        break;
      continue;
    }
    if (s[0] == '!' && memchr(s, '=', n))
      st = define_sub(ld, &f, ln.no, &sb, s, n);
    else
      st = agent_line(ld, &f, ln.no, &sb, s, n, &scratch);
  }
  Dyad_buf_fini(&scratch);
  Dyad_buf_fini(&sb.text);
  Dyad_vec_fini(&sb.sets);
  Dyad_ld_close(&f);
  return st;
}

/* ---- verbs and event nouns (PETRARCH-1 and PETRARCH-2 layouts) -------------
 */

/* "--- NAME [code] ---" */
static dyad_status block_header(struct loader *ld, const struct ld_file *f,
                                unsigned line, const char *s, size_t n,
                                uint32_t *block) {
  while (n && s[0] == '-') {
    s++;
    n--;
  }
  while (n && (s[n - 1] == '-' || Dyad_ld_blank(s[n - 1])))
    n--;
  s = Dyad_ld_trim(s, &n);
  size_t k = 0;
  while (k < n && !Dyad_ld_blank(s[k]) && s[k] != '[')
    k++;
  uint32_t code = LEX_NONE, code2 = LEX_NONE, flags = 0;
  const char *lb = memchr(s, '[', n);
  dyad_status st = DYAD_OK;
  if (!k)
    TRY(Dyad_ld_bad(ld, f->fidx, line, "verb block without a name"));
  if (lb) {
    const char *rb = memchr(lb, ']', (size_t)(s + n - lb));
    if (!rb || !Dyad_ld_code(ld, lb + 1, (size_t)(rb - lb - 1), &code, &code2,
                             &flags, &st)) {
      TRY(st);
      TRY(Dyad_ld_bad(ld, f->fidx, line, "malformed block code in \"%.*s\"",
                      Dyad_ld_snip(s, n), s));
      code = LEX_NONE;
      code2 = LEX_NONE;
      flags = 0;
    }
  }
  return Dyad_ld_block(ld, s, k, code, code2, flags, src_of(f, line), block);
}

/* A verb line: PHRASE, then "{FORMS}" and "[CODE]" in either order. */
static dyad_status verb_line(struct loader *ld, const struct ld_file *f,
                             unsigned line, const char *s, size_t n,
                             uint32_t block, bool noun, bool tabari) {
  struct ld_verbdef d;
  memset(&d, 0, sizeof d);
  size_t pn = 0;
  while (pn < n && s[pn] != '{' && s[pn] != '[')
    pn++;
  d.text = s;
  d.n = pn;
  d.block = block;
  d.code = d.code2 = LEX_NONE;
  d.noun = noun;
  d.tabari = tabari;
  d.src = src_of(f, line);
  size_t i = pn;
  bool have_code = false;
  while (i < n) {
    if (Dyad_ld_blank(s[i])) {
      i++;
      continue;
    }
    char close = s[i] == '{' ? '}' : s[i] == '[' ? ']' : 0;
    const char *e = close ? memchr(s + i, close, n - i) : NULL;
    if (!close)
      return Dyad_ld_bad(ld, f->fidx, line,
                         "unexpected \"%.*s\" in a verb line",
                         Dyad_ld_snip(s + i, n - i), s + i);
    if (!e)
      return Dyad_ld_bad(ld, f->fidx, line, "missing '%c' in \"%.*s\"", close,
                         Dyad_ld_snip(s, n), s);
    size_t a = i + 1, b = (size_t)(e - s);
    if (close == '}') {
      if (d.forms)
        return Dyad_ld_bad(ld, f->fidx, line, "two \"{...}\" in a verb line");
      d.forms = s + a;
      d.nforms = b - a;
    } else {
      dyad_status st;
      if (have_code)
        return Dyad_ld_bad(ld, f->fidx, line, "two codes in a verb line");
      if (!Dyad_ld_code(ld, s + a, b - a, &d.code, &d.code2, &d.flags, &st)) {
        TRY(st);
        return Dyad_ld_bad(ld, f->fidx, line, "malformed code [%.*s]",
                           Dyad_ld_snip(s + a, b - a), s + a);
      }
      have_code = true;
    }
    i = b + 1;
  }
  return Dyad_ld_verb(ld, &d);
}

static bool has_text(const char *s, size_t n, const char *w) {
  size_t wl = strlen(w);
  for (size_t i = 0; i + wl <= n; i++)
    if (memcmp(s + i, w, wl) == 0)
      return true;
  return false;
}

dyad_status Dyad_ld_petrarch_verbs(struct loader *ld, const char *path,
                                   bool nouns) {
  struct ld_file f;
  TRY(Dyad_ld_open(ld, path, &f));
  uint32_t block = LEX_NONE, syn = LEX_NONE;
  bool p2 = false;
  size_t ntrans = 0;
  unsigned trans_line = 0;
  const char *what = nouns ? "noun" : "verb";
  dyad_status st = DYAD_OK;
  struct ld_line ln;
  bool got, end;
  while (st == DYAD_OK) {
    st = Dyad_ld_line(ld, &f, &ln, &got);
    if (st != DYAD_OK || !got)
      break;
    const char *s;
    size_t n;
    if (Dyad_ld_prefix(ln.s, ln.n, "<!"))
      continue;
    /* PETRARCH-2 layout: "####### VERB PATTERNS #######" (CAMEO.2.0.txt) */
    if (ln.n > 20 && ln.s[0] == '#' && has_text(ln.s, ln.n, "VERB PATTERNS"))
      p2 = true;
    /* '#' comments, and TABARI-style ';' comments found in some files */
    s = ln.s;
    n = ln.n;
    s = Dyad_ld_trim(s, &n);
    n = Dyad_ld_uncomment(s, n, "#;");
    (void)end;
    if (!n)
      continue;
    struct lex_src src = src_of(&f, ln.no);
    if (s[0] == '~') {
      if (!ntrans++)
        trans_line = ln.no;
      continue;
    }
    if (Dyad_ld_prefix(s, n, "---")) {
      syn = LEX_NONE;
      st = block_header(ld, &f, ln.no, s, n, &block);
      continue;
    }
    if (s[0] == '&') {
      st = Dyad_ld_synset(ld, s + 1, n - 1, LD_PETRARCH, src, &syn);
      continue;
    }
    if (s[0] == '+' && syn != LEX_NONE) {
      st = Dyad_ld_member(ld, syn, s + 1, n - 1, src);
      continue;
    }
    syn = LEX_NONE;
    if (block == LEX_NONE) {
      st = Dyad_ld_bad(ld, f.fidx, ln.no, "%s line \"%.*s\" outside a block",
                       s[0] == '-' ? "pattern" : what, Dyad_ld_snip(s, n), s);
      continue;
    }
    if (s[0] == '-') {
      if (n > 1 && s[1] == '-') {
        st = Dyad_ld_bad(ld, f.fidx, ln.no, "malformed pattern line \"%.*s\"",
                         Dyad_ld_snip(s, n), s);
        continue;
      }
      st = Dyad_ld_pattern(ld, block, s + 1, n - 1,
                           (nouns ? PF_NOUN : 0) | (p2 ? PF_P2 : 0), src);
      continue;
    }
    st = verb_line(ld, &f, ln.no, s, n, block, nouns, false);
  }
  if (st == DYAD_OK && ntrans)
    st = Dyad_ld_note(ld, f.fidx, trans_line,
                      "%zu transformation rule%s not supported", ntrans,
                      ntrans == 1 ? "" : "s");
  Dyad_ld_close(&f);
  return st;
}

/* ---- discards
 * ---------------------------------------------------------------- */

dyad_status Dyad_ld_petrarch_discards(struct loader *ld, const char *path) {
  struct dyad_lexicon *lex = ld->lex;
  struct ld_file f;
  TRY(Dyad_ld_open(ld, path, &f));
  dyad_status st = DYAD_OK;
  struct ld_line ln;
  bool got, end;
  while (st == DYAD_OK) {
    st = Dyad_ld_line(ld, &f, &ln, &got);
    if (st != DYAD_OK || !got)
      break;
    const char *s;
    size_t n;
    if (!clean_line(&ln, false, &s, &n, &end))
      continue;
    bool story = s[0] == '+';
    if (story) {
      s++;
      n--;
    }
    if (memchr(s, '[', n)) {
      st = Dyad_ld_bad(ld, f.fidx, ln.no, "discard \"%.*s\" has a code",
                       Dyad_ld_snip(s, n), s);
      continue;
    }
    struct ld_phrase ph;
    st = Dyad_ld_phrase(ld, s, n, &ph, NULL, NULL);
    if (st == DYAD_ERR_PARSE || st == DYAD_ERR_LIMIT) {
      st = Dyad_ld_bad_at(ld, f.fidx, ln.no, (unsigned)(s - ln.s) + 1,
                          "discard phrase \"%.*s\" is %s",
                       Dyad_ld_snip(s, n), s,
                       st == DYAD_ERR_PARSE ? "empty" : LD_TOO_LONG);
      continue;
    }
    if (st != DYAD_OK)
      break;
    size_t tn = n;
    const char *t = Dyad_ld_trim(s, &tn);
    uint32_t name;
    st = Dyad_lex_str(lex, t, tn, &name);
    if (st != DYAD_OK)
      break;
    struct lex_discard *d = Dyad_vec_push(&lex->discards);
    if (!d) {
      st = DYAD_ERR_NOMEM;
      break;
    }
    d->story = story;
    d->name = name;
    d->src = src_of(&f, ln.no);
    st = Dyad_lex_add_hit(lex, ph.wids, ph.n, LK_DISCARD,
                          (uint32_t)(lex->discards.len - 1),
                          ph.exact ? LH_EXACT : 0);
  }
  Dyad_ld_close(&f);
  return st;
}

/* ---- issues
 * ------------------------------------------------------------------ */

/* Alternatives for each written word of an issue phrase: "n:" adds the
 * plural, "v:" the verb forms; '+' joins two words ("cross+border" = CROSS
 * BORDER, which also matches cross-border). */
struct iword {
  char alt[12][64];
  size_t nalt;
};

static dyad_status issue_phrase(struct loader *ld, const struct ld_file *f,
                                unsigned line, const char *s, size_t n,
                                uint32_t ref) {
  struct dyad_lexicon *lex = ld->lex;
  struct iword *w = malloc(LD_MAX_WORDS * sizeof *w);
  if (!w)
    return DYAD_ERR_NOMEM;
  size_t nw = 0, i = 0;
  const char *why = NULL;
  while (i < n && !why) {
    while (i < n && (Dyad_ld_blank(s[i]) || s[i] == '_' || s[i] == '+'))
      i++;
    if (i >= n)
      break;
    size_t j = i;
    while (j < n && !Dyad_ld_blank(s[j]) && s[j] != '_' && s[j] != '+')
      j++;
    const char *t = s + i;
    size_t tn = j - i;
    i = j;
    int pre = 0;
    if (tn > 2 && (t[0] == 'n' || t[0] == 'N') && t[1] == ':')
      pre = 'n';
    else if (tn > 2 && (t[0] == 'v' || t[0] == 'V') && t[1] == ':')
      pre = 'v';
    if (pre) {
      t += 2;
      tn -= 2;
    }
    if (nw >= LD_MAX_WORDS || tn >= 57) {
      why = "too long";
      break;
    }
    struct iword *x = &w[nw++];
    upcase(t, tn, x->alt[0]);
    x->nalt = 1;
    if (pre == 'n') {
      size_t pl = Dyad_ld_plural(x->alt[0], tn, x->alt[1], 64);
      if (pl) {
        x->alt[1][pl] = '\0';
        x->nalt = 2;
      }
    } else if (pre == 'v') {
      uint8_t kinds[12];
      char lemma[64];
      memcpy(lemma, x->alt[0], tn + 1);
      dyad_status est = Dyad_ld_need_exc(ld);
      if (est != DYAD_OK) {
        free(w);
        return est;
      }
      x->nalt = Dyad_inflect(lemma, x->alt, kinds, ld->exc);
      if (!x->nalt) {
        why = "malformed verb";
        break;
      }
    }
  }
  if (!why && nw == 0)
    why = "empty";
  dyad_status st = DYAD_OK;
  if (why) {
    free(w);
    return Dyad_ld_bad(ld, f->fidx, line, "issue phrase \"%.*s\" is %s",
                       Dyad_ld_snip(s, n), s, why);
  }
  /* every combination of the words' alternatives */
  size_t idx[LD_MAX_WORDS] = {0}, made = 0;
  for (;;) {
    struct ld_phrase ph;
    ph.n = 0;
    ph.exact = false;
    for (size_t k = 0; k < nw && st == DYAD_OK; k++) {
      const char *a = w[k].alt[idx[k]];
      st = Dyad_ld_word(ld, a, strlen(a), ph.wids, &ph.n, LD_MAX_WORDS);
    }
    if (st == DYAD_ERR_LIMIT) {
      st = Dyad_ld_bad(ld, f->fidx, line, "issue phrase \"%.*s\" is too long",
                       Dyad_ld_snip(s, n), s);
      break;
    }
    if (st != DYAD_OK)
      break;
    if (ph.n)
      st = Dyad_lex_add_hit(lex, ph.wids, ph.n, LK_ISSUE, ref,
                            made ? LH_PLURAL : 0);
    if (st != DYAD_OK || ++made >= LD_MAX_VARIANTS)
      break;
    size_t k = nw;
    while (k > 0) {
      k--;
      if (++idx[k] < w[k].nalt)
        break;
      idx[k] = 0;
      if (k == 0) {
        k = SIZE_MAX;
        break;
      }
    }
    if (k == SIZE_MAX || nw == 0)
      break;
  }
  free(w);
  return st;
}

dyad_status Dyad_ld_petrarch_issues(struct loader *ld, const char *path) {
  struct dyad_lexicon *lex = ld->lex;
  struct ld_file f;
  TRY(Dyad_ld_open(ld, path, &f));
  dyad_status st = DYAD_OK;
  struct ld_line ln;
  bool got, end;
  while (st == DYAD_OK) {
    st = Dyad_ld_line(ld, &f, &ln, &got);
    if (st != DYAD_OK || !got)
      break;
    const char *s;
    size_t n;
    if (!clean_line(&ln, false, &s, &n, &end))
      continue;
    if (Dyad_ld_prefix(s, n, "<ISSUE")) {
      size_t k = n;
      bool cat = false;
      for (size_t i = 0; i + 8 < k; i++)
        if (Dyad_ld_prefix(s + i, k - i, "CATEGORY"))
          cat = true;
      if (!cat)
        st = Dyad_ld_bad(ld, f.fidx, ln.no, "<ISSUE> without a CATEGORY");
      continue;
    }
    if (Dyad_ld_prefix(s, n, "</ISSUE"))
      continue;
    bool ignore = s[0] == '~';
    if (ignore) {
      s++;
      n--;
    }
    const char *lb = memchr(s, '[', n);
    uint32_t code = LEX_NONE;
    size_t pn = n;
    if (lb) {
      const char *rb = memchr(lb, ']', (size_t)(s + n - lb));
      size_t cn = rb ? (size_t)(rb - lb - 1) : 0;
      const char *c = rb ? Dyad_ld_trim(lb + 1, &cn) : NULL;
      bool ok = rb && cn;
      for (size_t i = 0; ok && i < cn; i++)
        ok = isalnum((unsigned char)c[i]) || c[i] == '_' || c[i] == '-';
      size_t tail = rb ? (size_t)(s + n - rb - 1) : 0;
      if (rb)
        Dyad_ld_trim(rb + 1, &tail);
      if (!ok || tail) {
        st = Dyad_ld_bad(ld, f.fidx, ln.no, "malformed issue code in \"%.*s\"",
                         Dyad_ld_snip(s, n), s);
        continue;
      }
      if (!ignore && (st = Dyad_lex_str(lex, c, cn, &code)) != DYAD_OK)
        break;
      pn = (size_t)(lb - s);
    } else if (!ignore) {
      st = Dyad_ld_bad(ld, f.fidx, ln.no, "issue phrase \"%.*s\" has no code",
                       Dyad_ld_snip(s, n), s);
      continue;
    }
    struct lex_issue *is = Dyad_vec_push(&lex->issues);
    if (!is) {
      st = DYAD_ERR_NOMEM;
      break;
    }
    is->code = code;
    is->src = src_of(&f, ln.no);
    uint32_t ref = (uint32_t)(lex->issues.len - 1);
    size_t before = lex->diags.len;
    st = issue_phrase(ld, &f, ln.no, s, pn, ref);
    if (st == DYAD_OK && lex->diags.len > before)
      lex->issues.len--; /* malformed: drop the entry (it has no hits) */
  }
  Dyad_ld_close(&f);
  return st;
}

/* ---- config (PETR_config.ini, dyad.ini)
 * -------------------------------------- */

enum dkind {
  DK_VERBS,
  DK_NOUNS,
  DK_ACTORS,
  DK_AGENTS,
  DK_DISCARDS,
  DK_ISSUES,
  DK_N
};

static int dict_key(const char *k, size_t n) {
  static const struct {
    const char *key;
    int kind;
  } keys[] = {
      {"verbfile_name", DK_VERBS},       {"verbfile_list", DK_VERBS},
      {"nounfile_name", DK_NOUNS},       {"nounfile_list", DK_NOUNS},
      {"actorfile_list", DK_ACTORS},     {"actorfile_name", DK_ACTORS},
      {"agentfile_name", DK_AGENTS},     {"agentfile_list", DK_AGENTS},
      {"discardfile_name", DK_DISCARDS}, {"discardfile_list", DK_DISCARDS},
      {"issuefile_name", DK_ISSUES},     {"issuefile_list", DK_ISSUES},
  };
  for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
    if (strlen(keys[i].key) == n && Dyad_ld_prefix(k, n, keys[i].key))
      return keys[i].kind;
  return -1;
}

static bool parse_bool(const char *s, size_t n, bool *out) {
  static const char *const yes[] = {"true", "yes", "on", "1", "t"};
  static const char *const no[] = {"false", "no", "off", "0", "f"};
  for (size_t i = 0; i < 5; i++) {
    if (strlen(yes[i]) == n && Dyad_ld_prefix(s, n, yes[i])) {
      *out = true;
      return true;
    }
    if (strlen(no[i]) == n && Dyad_ld_prefix(s, n, no[i])) {
      *out = false;
      return true;
    }
  }
  return false;
}

static bool parse_int(const char *s, size_t n, int *out) {
  char buf[24];
  if (!n || n >= sizeof buf)
    return false;
  memcpy(buf, s, n);
  buf[n] = '\0';
  char *end;
  errno = 0;
  long v = strtol(buf, &end, 10);
  if (errno || *end || v < 0 || v > 1000000)
    return false;
  *out = (int)v;
  return true;
}

/* Strips an inline comment: '#' or ';' after a blank. */
static size_t ini_uncomment(const char *s, size_t n) {
  for (size_t i = 1; i < n; i++)
    if ((s[i] == '#' || s[i] == ';') && Dyad_ld_blank(s[i - 1]))
      return i;
  return n;
}

static dyad_status load_listed(struct loader *ld, const char *cfg, enum dkind k,
                               const char *item, size_t n) {
  const char *slash = strrchr(cfg, '/');
  size_t dl = item[0] == '/' || !slash ? 0 : (size_t)(slash - cfg) + 1;
  char *p = malloc(dl + n + 1);
  if (!p)
    return DYAD_ERR_NOMEM;
  memcpy(p, cfg, dl);
  memcpy(p + dl, item, n);
  p[dl + n] = '\0';
  size_t pl = dl + n;
  bool tab = false;
  static const char *const ext[] = {".verbs", ".verbs", ".actors", ".agents"};
  if (k <= DK_AGENTS) {
    size_t el = strlen(ext[k]);
    tab = pl >= el && strcmp(p + pl - el, ext[k]) == 0;
  }
  dyad_status st;
  switch (k) {
  case DK_VERBS:
    st = tab ? Dyad_ld_tabari_verbs(ld, p)
             : Dyad_ld_petrarch_verbs(ld, p, false);
    break;
  case DK_NOUNS:
    st = Dyad_ld_petrarch_verbs(ld, p, true);
    break;
  case DK_ACTORS:
    st = Dyad_ld_actors(ld, p, tab);
    break;
  case DK_AGENTS:
    st = Dyad_ld_agents(ld, p, tab);
    break;
  case DK_DISCARDS:
    st = Dyad_ld_petrarch_discards(ld, p);
    break;
  default:
    st = Dyad_ld_petrarch_issues(ld, p);
    break;
  }
  free(p);
  return st;
}

static dyad_status config_body(struct loader *ld, const char *path,
                               struct ld_file *f, struct buf *lists,
                               bool *dict_section) {
  enum { S_NONE, S_DICT, S_OPTIONS, S_OTHER } sec = S_NONE;
  int cur = -1;
  struct ld_line ln;
  bool got;
  for (;;) {
    TRY(Dyad_ld_line(ld, f, &ln, &got));
    if (!got)
      return DYAD_OK;
    size_t n = ln.n;
    const char *s = Dyad_ld_trim(ln.s, &n);
    if (!n || s[0] == '#' || s[0] == ';')
      continue;
    if (cur >= 0 && ln.n && Dyad_ld_blank(ln.s[0])) {
      /* continuation of a multi-line value */
      n = ini_uncomment(s, n);
      s = Dyad_ld_trim(s, &n);
      TRY(Dyad_buf_putc(&lists[cur], ','));
      TRY(Dyad_buf_put(&lists[cur], s, n));
      continue;
    }
    cur = -1;
    if (s[0] == '[') {
      const char *rb = memchr(s, ']', n);
      if (!rb) {
        TRY(Dyad_ld_bad(ld, f->fidx, ln.no, "missing ']' in a section name"));
        sec = S_OTHER;
        continue;
      }
      size_t sn = (size_t)(rb - s - 1);
      const char *nm = Dyad_ld_trim(s + 1, &sn);
      if (sn == 12 && Dyad_ld_prefix(nm, sn, "Dictionaries")) {
        sec = S_DICT;
        *dict_section = true;
      } else if (sn == 7 && Dyad_ld_prefix(nm, sn, "Options")) {
        sec = S_OPTIONS;
      } else {
        sec = S_OTHER;
      }
      continue;
    }
    size_t k = 0;
    while (k < n && s[k] != '=' && s[k] != ':')
      k++;
    if (k == n) {
      TRY(Dyad_ld_bad(ld, f->fidx, ln.no,
                      "expected \"key = value\", got "
                      "\"%.*s\"",
                      Dyad_ld_snip(s, n), s));
      continue;
    }
    size_t kn = k, vn = n - k - 1;
    const char *key = Dyad_ld_trim(s, &kn);
    const char *val = s + k + 1;
    vn = ini_uncomment(val, vn);
    val = Dyad_ld_trim(val, &vn);
    if (sec == S_NONE) {
      TRY(Dyad_ld_bad(ld, f->fidx, ln.no, "\"%.*s\" outside a [section]",
                      Dyad_ld_snip(key, kn), key));
      continue;
    }
    if (sec == S_DICT) {
      int dk = dict_key(key, kn);
      if (dk < 0) {
        TRY(Dyad_ld_note(ld, f->fidx, ln.no,
                         "unknown dictionary key \"%.*s\" ignored",
                         Dyad_ld_snip(key, kn), key));
        continue;
      }
      if (lists[dk].len)
        TRY(Dyad_buf_putc(&lists[dk], ','));
      TRY(Dyad_buf_put(&lists[dk], val, vn));
      cur = dk;
    } else if (sec == S_OPTIONS) {
      if (kn == 16 && Dyad_ld_prefix(key, kn, "new_actor_length")) {
        if (!parse_int(val, vn, &ld->lex->new_actor_length))
          TRY(Dyad_ld_bad(ld, f->fidx, ln.no,
                          "new_actor_length: not a number: \"%.*s\"",
                          Dyad_ld_snip(val, vn), val));
      } else if (kn == 12 && Dyad_ld_prefix(key, kn, "require_dyad")) {
        if (!parse_bool(val, vn, &ld->lex->require_dyad))
          TRY(Dyad_ld_bad(ld, f->fidx, ln.no,
                          "require_dyad: not True or False: \"%.*s\"",
                          Dyad_ld_snip(val, vn), val));
      }
    }
  }
  (void)path;
}

dyad_status Dyad_ld_petrarch_config(struct loader *ld, const char *path) {
  struct ld_file f;
  TRY(Dyad_ld_open(ld, path, &f));
  struct buf lists[DK_N];
  for (int i = 0; i < DK_N; i++)
    Dyad_buf_init(&lists[i], 0);
  bool dict = false;
  dyad_status st = config_body(ld, path, &f, lists, &dict);
  Dyad_ld_close(&f);
  if (st == DYAD_OK && !dict)
    st = Dyad_error_set(ld->err, DYAD_ERR_FORMAT, path, 0, 0,
                        "config has no [Dictionaries] section");
  if (st == DYAD_OK)
    ld->lex->petrarch_config = true;
  for (int k = 0; k < DK_N && st == DYAD_OK; k++) {
    const char *s = lists[k].data;
    size_t n = lists[k].len, i = 0;
    while (st == DYAD_OK && i < n) {
      size_t j = i;
      while (j < n && s[j] != ',')
        j++;
      size_t m = j - i;
      const char *t = Dyad_ld_trim(s + i, &m);
      if (m)
        st = load_listed(ld, path, (enum dkind)k, t, m);
      i = j + 1;
    }
  }
  for (int i = 0; i < DK_N; i++)
    Dyad_buf_fini(&lists[i]);
  return st;
}
