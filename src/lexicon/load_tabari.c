/*
 * load_tabari.c - TABARI 0.8 dictionaries (pipeline stage "lexicon"): the
 * .project file, .verbs and .options. (.actors and .agents share the
 * PETRARCH readers in load_petrarch.c, with TABARI's comment rules and
 * <NOUN>/<ADJECTIVE> sections.)
 *
 * Formats: TABARI manual ch. 5-8 (TABARI's input.cp
 * readVerbs/readSynsets/doOptionCommand, process.cp readProject). In a
 * .verbs file every root line "VERB [code]" is its own block; a following
 * "{ FORM FORM }" line gives more forms of that root; "- ..." lines are its
 * patterns; <SYNSETS> holds "&NAME" sets with "+" members; <TIME> holds
 * time-shift words ("NEXT_WEEK [+7]") with their own patterns. Comments
 * start with ';'; lines starting '#' or '/' are comments; a line starting
 * '~' ("~~FINISH") ends the file.
 */
#include "load.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* TABARI line rules; false for a line with nothing to read, *end at '~'. */
static bool tab_line(const struct ld_line *ln, const char **s, size_t *n,
                     bool *end) {
  size_t m = ln->n;
  const char *t = Dyad_ld_trim(ln->s, &m);
  *end = false;
  if (m && t[0] == '~') {
    *end = true;
    return false;
  }
  if (m && (t[0] == '#' || t[0] == '/'))
    return false;
  m = Dyad_ld_uncomment(t, m, ";");
  *s = t;
  *n = m;
  return m > 0;
}

/* ---- .verbs
 * ------------------------------------------------------------------ */

enum tsec { TS_MAIN, TS_SYNSETS, TS_TIME };

/* "WORD [+7]" in <TIME>: a time word with its shift or special code. */
static dyad_status time_word(struct loader *ld, const struct ld_file *f,
                             unsigned line, const char *s, size_t n,
                             uint32_t *block) {
  struct dyad_lexicon *lex = ld->lex;
  struct lex_src src = {f->fidx, line};
  const char *lb = memchr(s, '[', n);
  const char *rb = lb ? memchr(lb, ']', (size_t)(s + n - lb)) : NULL;
  *block = LEX_NONE;
  if (!rb)
    return Dyad_ld_bad(ld, f->fidx, line, "time word \"%.*s\" has no code",
                       Dyad_ld_snip(s, n), s);
  char c[32];
  size_t cn = 0;
  for (const char *p = lb + 1; p < rb; p++)
    if (!Dyad_ld_blank(*p) && cn + 1 < sizeof c)
      c[cn++] = *p;
  c[cn] = '\0';
  int shift = 0;
  uint32_t code = LEX_NONE;
  bool ok = cn > 0;
  if (ok && (strcmp(c, "---") == 0 || strcmp(c, "###") == 0 ||
             strcmp(c, "+++") == 0)) {
    TRY(Dyad_lex_str(lex, c, cn, &code));
  } else if (ok && (c[0] == '+' || c[0] == '-') && cn > 1) {
    char *end;
    errno = 0;
    long v = strtol(c, &end, 10);
    ok = !errno && !*end && v > -100000 && v < 100000;
    shift = (int)v;
  } else {
    ok = false;
  }
  if (!ok)
    return Dyad_ld_bad(ld, f->fidx, line, "malformed time code [%.*s]", (int)cn,
                       c);
  struct ld_phrase ph;
  size_t pn = (size_t)(lb - s);
  dyad_status st = Dyad_ld_phrase(ld, s, pn, &ph, NULL, NULL);
  if (st == DYAD_ERR_PARSE || st == DYAD_ERR_LIMIT)
    return Dyad_ld_bad(ld, f->fidx, line, "time word \"%.*s\" is %s",
                       Dyad_ld_snip(s, pn), s,
                       st == DYAD_ERR_PARSE ? "empty" : LD_TOO_LONG);
  TRY(st);
  uint32_t bcode;
  TRY(Dyad_lex_str(lex, c, cn, &bcode));
  size_t tn = pn;
  const char *t = Dyad_ld_trim(s, &tn);
  TRY(Dyad_ld_block(ld, t, tn, bcode, LEX_NONE, 0, src, block));
  struct lex_time *tm = Dyad_vec_push(&lex->times);
  if (!tm)
    return DYAD_ERR_NOMEM;
  tm->shift = shift;
  tm->code = code;
  tm->src = src;
  tm->block = *block;
  return Dyad_lex_add_hit(lex, ph.wids, ph.n, LK_TIME,
                          (uint32_t)(lex->times.len - 1),
                          ph.exact ? LH_EXACT : 0);
}

/* "ROOT [code]" (optionally with "{ FORMS }"): a block of one verb. */
static dyad_status root_line(struct loader *ld, const struct ld_file *f,
                             unsigned line, const char *s, size_t n,
                             uint32_t *block) {
  struct lex_src src = {f->fidx, line};
  *block = LEX_NONE;
  ld->last_verb = LEX_NONE;
  size_t pn = 0;
  while (pn < n && s[pn] != '[' && s[pn] != '{')
    pn++;
  struct ld_verbdef d;
  memset(&d, 0, sizeof d);
  d.text = s;
  d.n = pn;
  d.code = d.code2 = LEX_NONE;
  d.tabari = true;
  d.src = src;
  uint32_t code = LEX_NONE, code2 = LEX_NONE, flags = 0;
  bool have_code = false;
  size_t i = pn;
  while (i < n) {
    if (Dyad_ld_blank(s[i])) {
      i++;
      continue;
    }
    char close = s[i] == '{' ? '}' : s[i] == '[' ? ']' : 0;
    const char *e = close ? memchr(s + i, close, n - i) : NULL;
    if (!e)
      return Dyad_ld_bad(ld, f->fidx, line, "malformed verb line \"%.*s\"",
                         Dyad_ld_snip(s, n), s);
    size_t a = i + 1, b = (size_t)(e - s);
    if (close == '}') {
      d.forms = s + a;
      d.nforms = b - a;
    } else {
      dyad_status st = DYAD_OK;
      if (have_code ||
          !Dyad_ld_code(ld, s + a, b - a, &code, &code2, &flags, &st)) {
        TRY(st);
        return Dyad_ld_bad(ld, f->fidx, line, "malformed code in \"%.*s\"",
                           Dyad_ld_snip(s, n), s);
      }
      have_code = true;
    }
    i = b + 1;
  }
  if (!have_code)
    return Dyad_ld_bad(ld, f->fidx, line, "verb \"%.*s\" has no code",
                       Dyad_ld_snip(s, n), s);
  size_t tn = pn;
  const char *t = Dyad_ld_trim(s, &tn);
  if (!tn)
    return Dyad_ld_bad(ld, f->fidx, line, "code without a verb");
  TRY(Dyad_ld_block(ld, t, tn, code, code2, flags, src, block));
  d.block = *block;
  size_t before = ld->lex->verbs.len;
  TRY(Dyad_ld_verb(ld, &d));
  if (ld->lex->verbs.len == before)
    *block = LEX_NONE; /* malformed verb: its patterns go nowhere */
  return DYAD_OK;
}

static dyad_status verbs_body(struct loader *ld, struct ld_file *f) {
  enum tsec sec = TS_MAIN;
  uint32_t block = LEX_NONE, syn = LEX_NONE;
  bool after_bad = false; /* patterns after a rejected root are dropped */
  struct ld_line ln;
  bool got, end;
  ld->last_verb = LEX_NONE;
  for (;;) {
    TRY(Dyad_ld_line(ld, f, &ln, &got));
    if (!got)
      return DYAD_OK;
    const char *s;
    size_t n;
    if (!tab_line(&ln, &s, &n, &end)) {
      if (end)
        return DYAD_OK;
      continue;
    }
    struct lex_src src = {f->fidx, ln.no};
    if (s[0] == '<') {
      if (Dyad_ld_prefix(s, n, "<SYNSETS>"))
        sec = TS_SYNSETS;
      else if (Dyad_ld_prefix(s, n, "<TIME>"))
        sec = TS_TIME;
      else if (Dyad_ld_prefix(s, n, "</SYNSETS>") ||
               Dyad_ld_prefix(s, n, "</TIME>"))
        sec = TS_MAIN;
      else
        TRY(Dyad_ld_bad(ld, f->fidx, ln.no, "unknown section \"%.*s\"",
                        Dyad_ld_snip(s, n), s));
      block = syn = LEX_NONE;
      after_bad = false;
      ld->last_verb = LEX_NONE;
      continue;
    }
    if (s[0] == '&') {
      TRY(Dyad_ld_synset(ld, s + 1, n - 1, LD_TABARI, src, &syn));
      continue;
    }
    if (s[0] == '+') {
      if (syn == LEX_NONE)
        TRY(Dyad_ld_bad(ld, f->fidx, ln.no,
                        "synonym \"%.*s\" outside a synonym set",
                        Dyad_ld_snip(s, n), s));
      else
        TRY(Dyad_ld_member(ld, syn, s + 1, n - 1, src));
      continue;
    }
    syn = LEX_NONE;
    if (s[0] == '-') {
      if (block == LEX_NONE) {
        if (!after_bad)
          TRY(Dyad_ld_bad(ld, f->fidx, ln.no, "pattern \"%.*s\" without a verb",
                          Dyad_ld_snip(s, n), s));
        continue;
      }
      TRY(Dyad_ld_pattern(ld, block, s + 1, n - 1, 0, src));
      continue;
    }
    if (s[0] == '{') {
      const char *cb = memchr(s, '}', n);
      if (!cb) {
        TRY(Dyad_ld_bad(ld, f->fidx, ln.no, "missing '}' in \"%.*s\"",
                        Dyad_ld_snip(s, n), s));
        continue;
      }
      if (sec == TS_TIME || ld->last_verb == LEX_NONE) {
        if (!after_bad)
          TRY(Dyad_ld_bad(ld, f->fidx, ln.no,
                          "verb forms \"%.*s\" without a verb",
                          Dyad_ld_snip(s, n), s));
        continue;
      }
      TRY(Dyad_ld_verb_forms(ld, s + 1, (size_t)(cb - s - 1), src));
      continue;
    }
    size_t before = ld->lex->diags.len;
    if (sec == TS_TIME) {
      TRY(time_word(ld, f, ln.no, s, n, &block));
      ld->last_verb = LEX_NONE;
    } else {
      TRY(root_line(ld, f, ln.no, s, n, &block));
    }
    after_bad = ld->lex->diags.len > before && block == LEX_NONE;
  }
}

dyad_status Dyad_ld_tabari_verbs(struct loader *ld, const char *path) {
  struct ld_file f;
  TRY(Dyad_ld_open(ld, path, &f));
  dyad_status st = verbs_body(ld, &f);
  ld->last_verb = LEX_NONE;
  Dyad_ld_close(&f);
  return st;
}

/* ---- .options
 * ---------------------------------------------------------------- */

/* Next blank-separated word of s[*i..n). */
static bool next_word(const char *s, size_t n, size_t *i, const char **w,
                      size_t *wn) {
  while (*i < n && (Dyad_ld_blank(s[*i]) || s[*i] == ','))
    (*i)++;
  if (*i >= n)
    return false;
  size_t a = *i;
  while (*i < n && !Dyad_ld_blank(s[*i]) && s[*i] != ',')
    (*i)++;
  *w = s + a;
  *wn = *i - a;
  return true;
}

static bool word_is(const char *w, size_t n, const char *kw) {
  return strlen(kw) == n && Dyad_ld_prefix(w, n, kw);
}

/* "VERBS[5]" -> 5 into *out when w starts with kw. */
static int bracket_num(const char *w, size_t n, const char *kw, int *out) {
  size_t k = strlen(kw);
  if (n <= k + 2 || !Dyad_ld_prefix(w, n, kw) || w[k] != '[' || w[n - 1] != ']')
    return 0;
  int v = 0;
  for (size_t i = k + 1; i + 1 < n; i++) {
    if (!isdigit((unsigned char)w[i]) || v > 100000)
      return -1;
    v = v * 10 + (w[i] - '0');
  }
  *out = v;
  return 1;
}

static bool tf_value(const char *s, size_t n, bool *out) {
  size_t i = 0;
  while (i < n && s[i] != '=')
    i++;
  if (i == n) {
    *out = true; /* "SET: TIME SHIFT" alone turns it on */
    return true;
  }
  size_t m = n - i - 1;
  const char *v = Dyad_ld_trim(s + i + 1, &m);
  if (word_is(v, m, "TRUE") || word_is(v, m, "T") || word_is(v, m, "ON")) {
    *out = true;
    return true;
  }
  if (word_is(v, m, "FALSE") || word_is(v, m, "F") || word_is(v, m, "OFF")) {
    *out = false;
    return true;
  }
  return false;
}

static bool set_command(struct lex_tabari_opts *t, const char *s, size_t n) {
  /* the key is everything before '=' (or the whole text), blanks folded */
  char key[64];
  size_t k = 0;
  bool sp = false;
  for (size_t i = 0; i < n && s[i] != '=' && k + 2 < sizeof key; i++) {
    if (Dyad_ld_blank(s[i])) {
      sp = k > 0;
      continue;
    }
    if (sp)
      key[k++] = ' ';
    sp = false;
    key[k++] = (char)toupper((unsigned char)s[i]);
  }
  key[k] = '\0';
  bool b;
  if (strcmp(key, "CODE BY CLAUSE") == 0) {
    t->code_by = 0;
  } else if (strcmp(key, "CODE BY SENTENCE") == 0) {
    t->code_by = 1;
  } else if (strcmp(key, "CODE ALL") == 0) {
    t->code_by = 2;
  } else if (strcmp(key, "MINIMUM WORDS") == 0) {
    const char *eq = memchr(s, '=', n);
    if (!eq)
      return false;
    size_t m = (size_t)(s + n - eq - 1);
    const char *v = Dyad_ld_trim(eq + 1, &m);
    int x = 0;
    if (!m)
      return false;
    for (size_t i = 0; i < m; i++) {
      if (!isdigit((unsigned char)v[i]) || x > 100000)
        return false;
      x = x * 10 + (v[i] - '0');
    }
    t->min_words = x;
  } else if (strcmp(key, "YYYY") == 0) {
    if (!tf_value(s, n, &b))
      return false;
    t->yyyy = b;
  } else if (strcmp(key, "TIME SHIFT") == 0) {
    if (!tf_value(s, n, &b))
      return false;
    t->time_shift = b;
  } else if (strcmp(key, "CONVERT AGENTS") == 0) {
    if (!tf_value(s, n, &b))
      return false;
    t->convert_agents = b;
  }
  /* other SET: options only change TABARI's interface or output */
  return true;
}

static dyad_status options_line(struct loader *ld, const struct ld_file *f,
                                unsigned line, const char *s, size_t n) {
  struct dyad_lexicon *lex = ld->lex;
  struct lex_tabari_opts *t = &lex->tabari;
  const char *colon = memchr(s, ':', n);
  if (!colon)
    return Dyad_ld_bad(ld, f->fidx, line,
                       "expected \"COMMAND: ...\", got "
                       "\"%.*s\"",
                       Dyad_ld_snip(s, n), s);
  size_t cn = (size_t)(colon - s);
  const char *cmd = Dyad_ld_trim(s, &cn);
  const char *a = colon + 1;
  size_t an = (size_t)(s + n - a);
  a = Dyad_ld_trim(a, &an);
  const char *w;
  size_t wn, i = 0;
  if (word_is(cmd, cn, "COMPLEX")) {
    while (next_word(a, an, &i, &w, &wn)) {
      int v, r;
      if ((r = bracket_num(w, wn, "VERBS", &v)) > 0)
        t->complex_verbs = v;
      else if (r == 0 && (r = bracket_num(w, wn, "ACTORS", &v)) > 0)
        t->complex_actors = v;
      else if (r == 0 && (r = bracket_num(w, wn, "CONJ", &v)) > 0)
        t->complex_conj = v;
      else if (r == 0 && (r = bracket_num(w, wn, "PRONOUNS", &v)) > 0)
        t->complex_pronouns = v;
      else if (r == 0 && (r = bracket_num(w, wn, "COMMA", &v)) > 0)
        t->complex_comma = v;
      else if (r == 0 && (r = bracket_num(w, wn, "LATEVERB", &v)) > 0)
        ;
      else if (r == 0 && word_is(w, wn, "NOACTPRIOR"))
        t->noactprior = true;
      else if (r == 0 && word_is(w, wn, "ACTPRIOR"))
        t->noactprior = false;
      else if (r == 0 &&
               (word_is(w, wn, "NOSOURCE") || word_is(w, wn, "NOTARGET") ||
                word_is(w, wn, "NOVERB") || word_is(w, wn, "NOEVENT") ||
                word_is(w, wn, "ACTAFTER") || word_is(w, wn, "EXPLAIN")))
        ;
      else
        TRY(Dyad_ld_bad(ld, f->fidx, line, "unknown COMPLEX option \"%.*s\"",
                        Dyad_ld_snip(w, wn), w));
    }
  } else if (word_is(cmd, cn, "SET")) {
    if (!set_command(t, a, an))
      TRY(Dyad_ld_bad(ld, f->fidx, line, "malformed SET: \"%.*s\"",
                      Dyad_ld_snip(a, an), a));
  } else if (word_is(cmd, cn, "COMMA")) {
    while (next_word(a, an, &i, &w, &wn)) {
      int *slot = NULL;
      if (word_is(w, wn, "OFF")) {
        t->comma_off = true;
        continue;
      }
      if (word_is(w, wn, "MIN"))
        slot = &t->comma_min;
      else if (word_is(w, wn, "MAX"))
        slot = &t->comma_max;
      else if (word_is(w, wn, "BMIN"))
        slot = &t->comma_bmin;
      else if (word_is(w, wn, "BMAX"))
        slot = &t->comma_bmax;
      else if (word_is(w, wn, "EMIN"))
        slot = &t->comma_emin;
      else if (word_is(w, wn, "EMAX"))
        slot = &t->comma_emax;
      const char *v;
      size_t vn;
      int x = 0;
      bool ok = slot && next_word(a, an, &i, &v, &vn) && vn < 7;
      for (size_t k = 0; ok && k < vn; k++) {
        ok = isdigit((unsigned char)v[k]);
        x = x * 10 + (v[k] - '0');
      }
      if (!ok) {
        TRY(Dyad_ld_bad(ld, f->fidx, line, "malformed COMMA: \"%.*s\"",
                        Dyad_ld_snip(a, an), a));
        break;
      }
      *slot = x;
    }
  } else if (word_is(cmd, cn, "DEFAULT")) {
    /* DEFAULT: SOURCE [x] PRIOR TARGET [y] AFTER */
    while (next_word(a, an, &i, &w, &wn)) {
      if (word_is(w, wn, "PRIOR")) {
        t->default_prior = true;
        continue;
      }
      if (word_is(w, wn, "AFTER")) {
        t->default_after = true;
        continue;
      }
      uint32_t *slot = word_is(w, wn, "SOURCE")   ? &t->default_source
                       : word_is(w, wn, "TARGET") ? &t->default_target
                                                  : NULL;
      if (!slot) {
        TRY(Dyad_ld_bad(ld, f->fidx, line, "malformed DEFAULT: \"%.*s\"",
                        Dyad_ld_snip(a, an), a));
        break;
      }
      while (i < an && Dyad_ld_blank(a[i]))
        i++;
      const char *rb =
          i < an && a[i] == '[' ? memchr(a + i, ']', an - i) : NULL;
      if (!rb) {
        TRY(Dyad_ld_bad(ld, f->fidx, line, "malformed DEFAULT: \"%.*s\"",
                        Dyad_ld_snip(a, an), a));
        break;
      }
      size_t vn = (size_t)(rb - (a + i + 1));
      const char *v = Dyad_ld_trim(a + i + 1, &vn);
      TRY(Dyad_lex_str(lex, v, vn, slot));
      i = (size_t)(rb - a) + 1;
    }
  } else if (word_is(cmd, cn, "FORWARD")) {
    /* the record-id format and ON/OFF, kept as written for the coder */
    if (an >= sizeof t->forward)
      TRY(Dyad_ld_bad(ld, f->fidx, line, "FORWARD: format too long"));
    else
      snprintf(t->forward, sizeof t->forward, "%.*s", (int)an, a);
  } else if (word_is(cmd, cn, "LABEL") || word_is(cmd, cn, "OUTPUT") ||
             word_is(cmd, cn, "NONEVENTS")) {
    /* output and interface settings: nothing for the lexicon */
  } else {
    TRY(Dyad_ld_bad(ld, f->fidx, line, "unknown option command \"%.*s\"",
                    Dyad_ld_snip(cmd, cn), cmd));
  }
  return DYAD_OK;
}

dyad_status Dyad_ld_tabari_options(struct loader *ld, const char *path) {
  struct ld_file f;
  TRY(Dyad_ld_open(ld, path, &f));
  struct lex_tabari_opts *t = &ld->lex->tabari;
  if (!t->present) {
    t->present = true;
    t->min_words = 8; /* TABARI's MIN_LEX unless SET: MINIMUM WORDS */
  }
  dyad_status st = DYAD_OK;
  struct ld_line ln;
  bool got;
  while (st == DYAD_OK) {
    st = Dyad_ld_line(ld, &f, &ln, &got);
    if (st != DYAD_OK || !got)
      break;
    size_t n = ln.n;
    const char *s = Dyad_ld_trim(ln.s, &n);
    if (!n || Dyad_ld_prefix(s, n, "//"))
      continue;
    if (s[0] == '~')
      break;
    st = options_line(ld, &f, ln.no, s, n);
  }
  Dyad_ld_close(&f);
  return st;
}

/* ---- .project
 * ---------------------------------------------------------------- */

dyad_status Dyad_ld_tabari_project(struct loader *ld, const char *path) {
  struct ld_file f;
  TRY(Dyad_ld_open(ld, path, &f));
  struct buf names[4]; /* options, verbs, actors, agents */
  for (int i = 0; i < 4; i++)
    Dyad_buf_init(&names[i], 0);
  bool issues = false;
  unsigned issues_line = 0;
  dyad_status st = DYAD_OK;
  struct ld_line ln;
  bool got;
  while (st == DYAD_OK) {
    st = Dyad_ld_line(ld, &f, &ln, &got);
    if (st != DYAD_OK || !got)
      break;
    size_t n = ln.n;
    const char *s = Dyad_ld_trim(ln.s, &n);
    if (n < 3 || s[0] != '<')
      continue; /* the first line is a description; others are ignored */
    const char *gt = memchr(s, '>', n);
    if (!gt)
      continue;
    /* only the first two letters of a tag count (TABARI readProject) */
    int slot = Dyad_ld_prefix(s + 1, n - 1, "op")   ? 0
               : Dyad_ld_prefix(s + 1, n - 1, "ve") ? 1
               : Dyad_ld_prefix(s + 1, n - 1, "ac") ? 2
               : Dyad_ld_prefix(s + 1, n - 1, "ag") ? 3
                                                    : -1;
    if (Dyad_ld_prefix(s + 1, n - 1, "is") && !issues) {
      issues = true;
      issues_line = ln.no;
    }
    if (slot < 0)
      continue;
    size_t vn = (size_t)(s + n - gt - 1);
    const char *v = Dyad_ld_trim(gt + 1, &vn);
    if (!vn) {
      st = Dyad_ld_bad(ld, f.fidx, ln.no, "%.*s without a file name",
                       (int)(gt - s + 1), s);
      continue;
    }
    const char *slash = strrchr(path, '/');
    size_t dl = v[0] == '/' || !slash ? 0 : (size_t)(slash - path) + 1;
    if ((st = Dyad_buf_put(&names[slot], path, dl)) == DYAD_OK &&
        (st = Dyad_buf_put(&names[slot], v, vn)) == DYAD_OK)
      st = Dyad_buf_putc(&names[slot], '\0');
  }
  if (st == DYAD_OK && issues)
    st = Dyad_ld_note(ld, f.fidx, issues_line,
                      "TABARI issues files are not supported; ignored");
  Dyad_ld_close(&f);
  /* options first, then verbs (synonym sets), actors, agents */
  for (int k = 0; k < 4 && st == DYAD_OK; k++) {
    for (size_t off = 0; st == DYAD_OK && off < names[k].len;) {
      const char *p = names[k].data + off;
      off += strlen(p) + 1;
      switch (k) {
      case 0:
        st = Dyad_ld_tabari_options(ld, p);
        break;
      case 1:
        st = Dyad_ld_tabari_verbs(ld, p);
        break;
      case 2:
        st = Dyad_ld_actors(ld, p, true);
        break;
      default:
        st = Dyad_ld_agents(ld, p, true);
        break;
      }
    }
  }
  for (int i = 0; i < 4; i++)
    Dyad_buf_fini(&names[i]);
  return st;
}
