/*
 * petrarch.c - PETRARCH validation XML (PETRARCH2 documentation): the
 * PETRARCH-1 unit-test file PETR.UnitTest.records.xml and UniversalPetrarch's
 * validation records, read with expat.
 *
 *   <Validation>
 *    <Environment> <Verbfile> <Actorfile> (comma list, may repeat)
 *      <Agentfile> <Discardfile> [<Issuefile>] <Include> [<Config>]
 *    </Environment>
 *    <Sentences>
 *     <Sentence date id category [sentence]> <EventCoding .../>... <Text>
 *       <Parse> </Sentence>
 *     <Config option value/>  (between records: applies to those after)
 *
 * The files are not always well-formed XML. Before expat sees one, a repair
 * pass (same line numbers) blanks every comment (they may hold "--" or
 * markup), escapes a '<' or '&' that starts no well-formed markup (the
 * UniversalPetrarch header's bare "<EventCoding...>") and a close tag of
 * no open element, reads bytes that are not UTF-8 as Latin-1, and reopens
 * a self-closed <Sentence .../> that a </Sentence> closes later
 * (UniversalPetrarch writes its records as "<Sentence .../>" then the
 * record's elements then "</Sentence>").
 * <EventCoding> and <Text> belong to the last <Sentence> begun, nested or
 * not. <Parse> is ignored (dyad needs no parse trees) except when <Text>
 * is empty: then the sentence is rebuilt from the parse's words (CoNLL-U
 * FORM column with SpaceAfter=No, or Penn Treebank leaves), as the peer
 * coders read it from there (UniversalPetrarch record abc12_3).
 */
#include "validate.h"

#include <ctype.h>
#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- repair
 * ------------------------------------------------------------------ */

static bool name_start(char c) {
  return isalpha((unsigned char)c) || c == '_' || c == ':';
}
static bool name_char(char c) {
  return isalnum((unsigned char)c) || c == '_' || c == ':' || c == '-';
}
static bool ws(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Length of the tag name at p (after '<' or '</') when it is followed by
 * something a tag may contain; 0 otherwise. */
static size_t tag_name(const char *p, const char *e) {
  if (p >= e || !name_start(*p))
    return 0;
  size_t n = 1;
  while (p + n < e && name_char(p[n]))
    n++;
  if (p + n < e && (ws(p[n]) || p[n] == '>' || p[n] == '/'))
    return n;
  return 0;
}

/* End of a well-formed tag at d[i] == '<' ("<name attr='v' ...>", "</name
 * >", "<name/>"): the index after its '>', or 0 when the text there is not
 * one (prose such as "<Sentence .../>" in a header). */
static size_t tag_end(const char *d, size_t i, size_t n) {
  const char *e = d + n;
  size_t k = i + 1;
  bool close = k < n && d[k] == '/';
  k += close;
  k += tag_name(d + k, e);
  for (;;) {
    size_t b = k;
    while (k < n && ws(d[k]))
      k++;
    if (k >= n)
      return 0;
    if (d[k] == '>')
      return k + 1;
    if (!close && d[k] == '/' && k + 1 < n && d[k + 1] == '>')
      return k + 2;
    if (close || k == b || !name_start(d[k]))
      return 0;
    /* attribute: name ws* '=' ws* quoted */
    while (k < n && name_char(d[k]))
      k++;
    while (k < n && ws(d[k]))
      k++;
    if (k >= n || d[k] != '=')
      return 0;
    k++;
    while (k < n && ws(d[k]))
      k++;
    if (k >= n || (d[k] != '"' && d[k] != '\''))
      return 0;
    const char *q = memchr(d + k + 1, d[k], n - k - 1);
    if (!q || memchr(d + k + 1, '<', (size_t)(q - d) - k - 1))
      return 0;
    k = (size_t)(q - d) + 1;
  }
}

static bool entity_at(const char *p, const char *e) {
  /* &name; &#123; &#x1F; */
  p++;
  if (p < e && *p == '#') {
    p++;
    bool hex = p < e && (*p == 'x' || *p == 'X');
    if (hex)
      p++;
    const char *s = p;
    while (p < e &&
           (hex ? isxdigit((unsigned char)*p) : isdigit((unsigned char)*p)))
      p++;
    return p > s && p < e && *p == ';';
  }
  const char *s = p;
  while (p < e && name_char(*p))
    p++;
  return p > s && p < e && *p == ';';
}

static dyad_status put_latin1(struct buf *o, unsigned char c) {
  TRY(Dyad_buf_putc(o, (char)(0xC0 | (c >> 6))));
  return Dyad_buf_putc(o, (char)(0x80 | (c & 0x3F)));
}

#define MAX_DEPTH 64 /* element nesting the repair pass follows */

static dyad_status repair(const char *d, size_t n, struct buf *o) {
  const char *e = d + n;
  size_t selfclosed = SIZE_MAX; /* offset in o of a <Sentence/>'s '/' */
  const char *stack[MAX_DEPTH]; /* names of the open elements */
  size_t stack_len[MAX_DEPTH], depth = 0;
  size_t i = 0;
  bool root = false;
  if (n >= 3 && memcmp(d, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < n) {
    char c = d[i];
    if (c == '<' && i + 3 < n && memcmp(d + i, "<!--", 4) == 0) {
      const char *end = strstr(d + i + 4, "-->");
      size_t stop = end ? (size_t)(end - d) + 3 : n;
      for (; i < stop; i++)
        TRY(Dyad_buf_putc(o, d[i] == '\n' ? '\n' : ' '));
      continue;
    }
    if (c == '<' && i + 1 < n && (d[i + 1] == '?' || d[i + 1] == '!')) {
      const char *close = d[i + 1] == '?' ? "?>" : ">";
      if (i + 8 < n && memcmp(d + i, "<![CDATA[", 9) == 0)
        close = "]]>";
      const char *end = strstr(d + i + 2, close);
      size_t stop = end ? (size_t)(end - d) + strlen(close) : n;
      TRY(Dyad_buf_put(o, d + i, stop - i));
      i = stop;
      continue;
    }
    if (c == '<') {
      bool close = i + 1 < n && d[i + 1] == '/';
      size_t nl = tag_name(d + i + 1 + close, e);
      size_t end = nl ? tag_end(d, i, n) : 0;
      if (!end) {
        TRY(Dyad_buf_puts(o, root ? "&lt;" : " "));
        i++;
        continue;
      }
      const char *name = d + i + 1 + close;
      bool sentence = nl == 8 && memcmp(name, "Sentence", 8) == 0;
      bool self = !close && d[end - 2] == '/';
      if (!root && !close)
        root = true;
      if (close) {
        bool top = depth > 0 && depth <= MAX_DEPTH &&
                   stack_len[depth - 1] == nl &&
                   memcmp(stack[depth - 1], name, nl) == 0;
        bool open = top;
        for (size_t k = depth < MAX_DEPTH ? depth : MAX_DEPTH; k-- > 0;)
          open |= stack_len[k] == nl && memcmp(stack[k], name, nl) == 0;
        if (top) {
          depth--;
        } else if (sentence && selfclosed != SIZE_MAX) {
          o->data[selfclosed] = ' '; /* reopen <Sentence .../> */
          selfclosed = SIZE_MAX;
        } else if (!open && depth <= MAX_DEPTH) {
          /* a close tag of nothing open: prose, keep it as text */
          TRY(Dyad_buf_puts(o, "&lt;"));
          i++;
          continue;
        } else if (depth > 0) {
          depth--; /* a real mismatch: expat reports it */
        }
      } else {
        if (!self) {
          if (depth < MAX_DEPTH) {
            stack[depth] = name;
            stack_len[depth] = nl;
          }
          depth++;
        }
        if (sentence)
          selfclosed = self ? o->len + (end - 2 - i) : SIZE_MAX;
      }
      TRY(Dyad_buf_put(o, d + i, end - i));
      i = end;
      continue;
    }
    if (!root) {
      /* text before the root element: blank it */
      TRY(Dyad_buf_putc(o, c == '\n' ? '\n' : ' '));
      i++;
      continue;
    }
    if (c == '&' && !entity_at(d + i, e)) {
      TRY(Dyad_buf_puts(o, "&amp;"));
      i++;
      continue;
    }
    if ((unsigned char)c >= 0x80) {
      size_t ok = Dyad_utf8_check(d + i, n - i);
      if (ok == 0) {
        TRY(put_latin1(o, (unsigned char)c));
        i++;
        continue;
      }
      /* copy the valid run (stops before the next bad byte or at '<') */
      size_t k = 0;
      while (k < ok && d[i + k] != '<' && d[i + k] != '&')
        k++;
      TRY(Dyad_buf_put(o, d + i, k ? k : 1));
      i += k ? k : 1;
      continue;
    }
    TRY(Dyad_buf_putc(o, c));
    i++;
  }
  return Dyad_buf_cstr(o) ? DYAD_OK : DYAD_ERR_NOMEM;
}

/* ---- expat handlers ------------------------------------------------------ */

enum env_field {
  EF_NONE,
  EF_VERB,
  EF_ACTOR,
  EF_AGENT,
  EF_DISCARD,
  EF_ISSUE,
  EF_INCLUDE
};

struct px {
  struct dyad_suite *s;
  XML_Parser p;
  dyad_status st;
  int depth;
  bool in_env;
  int env_field;    /* enum env_field of the element being read */
  bool in_text;     /* inside <Text> of the current record */
  bool in_parse;    /* inside <Parse> of the current record */
  struct buf parse; /* the current record's <Parse> text */
  size_t cur;       /* index of the current record item, SIZE_MAX none */
  struct buf chars; /* character data being collected */
  struct vec exp;   /* struct vd_exp of the current record */
  /* environment */
  struct vec files[EF_INCLUDE + 1]; /* char * (malloc'd) per field */
  char *include;                    /* <Include> text (malloc'd) */
};

static const char *attr(const XML_Char **a, const char *name) {
  for (size_t i = 0; a[i]; i += 2)
    if (strcmp(a[i], name) == 0)
      return a[i + 1];
  return NULL;
}

static void fail(struct px *x, dyad_status st) {
  if (x->st == DYAD_OK)
    x->st = st;
  XML_StopParser(x->p, XML_FALSE);
}

static bool all_blank(const char *t) {
  for (; *t; t++)
    if (!ws(*t))
      return false;
  return true;
}

/* Penn Treebank token names of brackets and quotes. */
static const char *ptb_word(const char *w, size_t n, size_t *len) {
  static const char *const from[] = {"-LRB-", "-RRB-", "-LCB-",
                                     "-RCB-", "``",    "''"};
  static const char *const to[] = {"(", ")", "{", "}", "\"", "\""};
  for (size_t i = 0; i < sizeof from / sizeof *from; i++)
    if (strlen(from[i]) == n && memcmp(w, from[i], n) == 0) {
      *len = strlen(to[i]);
      return to[i];
    }
  *len = n;
  return w;
}

/* The words of a parse (CoNLL-U or Penn Treebank) joined into text. */
static dyad_status parse_words(const char *p, size_t n, struct buf *o) {
  o->len = 0;
  size_t i = 0;
  while (i < n && ws(p[i]))
    i++;
  if (i < n && p[i] == '(') {
    /* Penn: every "(TAG word)" is a leaf */
    for (; i < n; i++) {
      if (p[i] != '(')
        continue;
      size_t k = i + 1;
      while (k < n && !ws(p[k]) && p[k] != '(' && p[k] != ')')
        k++;
      while (k < n && ws(p[k]))
        k++;
      size_t w = k;
      while (k < n && p[k] != ')' && p[k] != '(')
        k++;
      if (k < n && p[k] == ')' && k > w) {
        size_t e = k, len;
        while (e > w && ws(p[e - 1]))
          e--;
        const char *word = ptb_word(p + w, e - w, &len);
        if (o->len)
          TRY(Dyad_buf_putc(o, ' '));
        TRY(Dyad_buf_put(o, word, len));
      }
    }
    return Dyad_buf_cstr(o) ? DYAD_OK : DYAD_ERR_NOMEM;
  }
  /* CoNLL-U: ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC */
  bool space = false;
  while (i < n) {
    const char *l = p + i, *nl = memchr(l, '\n', n - i);
    size_t ln = nl ? (size_t)(nl - l) : n - i;
    i += ln + (nl ? 1 : 0);
    const char *f[10];
    size_t fl[10], nf = 0;
    for (size_t a = 0; a <= ln && nf < 10;) {
      const char *tab = memchr(l + a, '\t', ln - a);
      size_t b = tab ? (size_t)(tab - l) : ln;
      f[nf] = l + a;
      fl[nf++] = b - a;
      a = b + 1;
      if (!tab)
        break;
    }
    if (nf < 2 || !fl[0] || !isdigit((unsigned char)f[0][0]))
      continue;
    bool word = true;
    for (size_t k = 0; k < fl[0]; k++)
      word &= isdigit((unsigned char)f[0][k]) != 0;
    if (!word)
      continue; /* multiword range "1-2" or empty node "1.1" */
    if (space)
      TRY(Dyad_buf_putc(o, ' '));
    TRY(Dyad_buf_put(o, f[1], fl[1]));
    space = true;
    if (nf == 10)
      for (size_t k = 0; k + 12 <= fl[9]; k++)
        if (memcmp(f[9] + k, "SpaceAfter=No", 13) == 0)
          space = false;
  }
  return Dyad_buf_cstr(o) ? DYAD_OK : DYAD_ERR_NOMEM;
}

/* Moves the collected expectations into the current record. */
static void close_record(struct px *x) {
  if (x->cur == SIZE_MAX)
    return;
  struct vd_item *it = &VEC_AT(&x->s->items, struct vd_item, x->cur);
  if (all_blank(it->text) && x->parse.len) {
    struct buf words;
    Dyad_buf_init(&words, 0);
    dyad_status st = parse_words(x->parse.data, x->parse.len, &words);
    if (st == DYAD_OK && words.len)
      it->text = Dyad_vd_text(x->s, words.data, words.len);
    Dyad_buf_fini(&words);
    if (st != DYAD_OK || !it->text) {
      fail(x, DYAD_ERR_NOMEM);
      return;
    }
  }
  x->parse.len = 0;
  x->in_parse = false;
  if (x->exp.len) {
    it->exp = Dyad_arena_alloc(&x->s->arena, x->exp.len * sizeof *it->exp);
    if (!it->exp) {
      fail(x, DYAD_ERR_NOMEM);
      return;
    }
    memcpy(it->exp, x->exp.data, x->exp.len * sizeof *it->exp);
    it->nexp = x->exp.len;
  }
  x->exp.len = 0;
  x->cur = SIZE_MAX;
  x->in_text = false;
}

static const char *dup(struct px *x, const char *v) {
  const char *r = Dyad_vd_text(x->s, v ? v : "", v ? strlen(v) : 0);
  if (!r)
    fail(x, DYAD_ERR_NOMEM);
  return r ? r : "";
}

static void start_sentence(struct px *x, const XML_Char **a) {
  close_record(x);
  struct vd_item *it = Dyad_vd_item(x->s);
  if (!it) {
    fail(x, DYAD_ERR_NOMEM);
    return;
  }
  it->kind = VI_RECORD;
  it->file = x->s->path;
  it->line = (unsigned)XML_GetCurrentLineNumber(x->p);
  it->id = dup(x, attr(a, "id"));
  it->category = dup(x, attr(a, "category"));
  it->datestr = dup(x, attr(a, "date"));
  it->text = "";
  x->cur = x->s->items.len - 1;
}

static bool truthy(const char *v) {
  return v && (v[0] == 'T' || v[0] == 't' || v[0] == '1' || v[0] == 'Y' ||
               v[0] == 'y');
}

static void event_coding(struct px *x, const XML_Char **a) {
  if (x->cur == SIZE_MAX)
    return; /* an expectation outside any record: nothing to attach to */
  struct vd_item *it = &VEC_AT(&x->s->items, struct vd_item, x->cur);
  const char *noev = attr(a, "noevents"), *error = attr(a, "error");
  const char *src = attr(a, "sourcecode"), *tgt = attr(a, "targetcode");
  const char *code = attr(a, "eventcode");
  if (truthy(noev))
    it->flags |= VX_NOEVENTS;
  if (error) {
    it->error = dup(x, error);
    if (!strcmp(error, "storydiscard") || !strcmp(error, "sentencediscard"))
      it->flags |= VX_DISCARD;
    else
      it->flags |= VX_ERROR;
  }
  if (!src && !tgt && !code)
    return;
  if (x->exp.len >= VD_MAX_EVENTS) {
    fail(x, DYAD_ERR_LIMIT);
    return;
  }
  struct vd_exp *e = Dyad_vec_push(&x->exp);
  if (!e) {
    fail(x, DYAD_ERR_NOMEM);
    return;
  }
  e->src = Dyad_vd_norm_actor(x->s, src ? src : "", src ? strlen(src) : 0);
  e->tgt = Dyad_vd_norm_actor(x->s, tgt ? tgt : "", tgt ? strlen(tgt) : 0);
  e->code = Dyad_vd_norm_code(x->s, code ? code : "", code ? strlen(code) : 0);
  if (!e->src || !e->tgt || !e->code)
    fail(x, DYAD_ERR_NOMEM);
}

static void config(struct px *x, const XML_Char **a) {
  const char *opt = attr(a, "option"), *val = attr(a, "value");
  if (!opt)
    return;
  close_record(x);
  struct vd_item *it = Dyad_vd_item(x->s);
  if (!it) {
    fail(x, DYAD_ERR_NOMEM);
    return;
  }
  it->kind = VI_CONFIG;
  it->file = x->s->path;
  it->line = (unsigned)XML_GetCurrentLineNumber(x->p);
  it->id = dup(x, opt);
  it->value = dup(x, val);
  it->category = it->datestr = it->text = "";
  x->s->options++;
}

static void XMLCALL on_start(void *ud, const XML_Char *name,
                             const XML_Char **a) {
  struct px *x = ud;
  x->depth++;
  x->chars.len = 0;
  if (!strcmp(name, "Environment")) {
    x->in_env = true;
  } else if (x->in_env && strcmp(name, "Config")) {
    x->env_field = !strcmp(name, "Verbfile")      ? EF_VERB
                   : !strcmp(name, "Actorfile")   ? EF_ACTOR
                   : !strcmp(name, "Agentfile")   ? EF_AGENT
                   : !strcmp(name, "Discardfile") ? EF_DISCARD
                   : !strcmp(name, "Issuefile")   ? EF_ISSUE
                   : !strcmp(name, "Include")     ? EF_INCLUDE
                                                  : EF_NONE;
  } else if (!strcmp(name, "Sentence")) {
    start_sentence(x, a);
  } else if (!strcmp(name, "EventCoding")) {
    event_coding(x, a);
  } else if (!strcmp(name, "Text")) {
    x->in_text = x->cur != SIZE_MAX;
  } else if (!strcmp(name, "Parse")) {
    x->in_parse = x->cur != SIZE_MAX;
    x->parse.len = 0;
  } else if (!strcmp(name, "Config")) {
    config(x, a);
  }
}

static dyad_status add_files(struct px *x, int field, const char *v, size_t n) {
  /* comma-separated list (Actorfile) */
  size_t i = 0;
  while (i < n) {
    while (i < n && (ws(v[i]) || v[i] == ','))
      i++;
    size_t s = i;
    while (i < n && v[i] != ',')
      i++;
    size_t e = i;
    while (e > s && ws(v[e - 1]))
      e--;
    if (e > s) {
      if (x->files[field].len >= VD_MAX_DICTS)
        return DYAD_ERR_LIMIT;
      char *f = strndup(v + s, e - s);
      char **slot = f ? Dyad_vec_push(&x->files[field]) : NULL;
      if (!slot) {
        free(f);
        return DYAD_ERR_NOMEM;
      }
      *slot = f;
    }
  }
  return DYAD_OK;
}

static void XMLCALL on_end(void *ud, const XML_Char *name) {
  struct px *x = ud;
  x->depth--;
  if (!strcmp(name, "Environment")) {
    x->in_env = false;
  } else if (x->in_env && x->env_field != EF_NONE) {
    const char *v = Dyad_buf_cstr(&x->chars);
    if (!v) {
      fail(x, DYAD_ERR_NOMEM);
      return;
    }
    if (x->env_field == EF_INCLUDE) {
      free(x->include);
      x->include = strdup(v);
      if (!x->include)
        fail(x, DYAD_ERR_NOMEM);
    } else {
      dyad_status st = add_files(x, x->env_field, v, x->chars.len);
      if (st != DYAD_OK)
        fail(x, st);
    }
    x->env_field = EF_NONE;
  } else if (!strcmp(name, "Text") && x->in_text) {
    struct vd_item *it = &VEC_AT(&x->s->items, struct vd_item, x->cur);
    it->text =
        Dyad_vd_text(x->s, x->chars.data ? x->chars.data : "", x->chars.len);
    if (!it->text)
      fail(x, DYAD_ERR_NOMEM);
    x->in_text = false;
  } else if (!strcmp(name, "Parse")) {
    x->in_parse = false;
  } else if (!strcmp(name, "Sentences")) {
    close_record(x);
  }
  x->chars.len = 0;
  if (x->depth == 0)
    XML_StopParser(x->p, XML_FALSE); /* ignore what follows the root */
}

static void XMLCALL on_chars(void *ud, const XML_Char *s, int len) {
  struct px *x = ud;
  if (x->in_parse) {
    if (Dyad_buf_put(&x->parse, s, (size_t)len) != DYAD_OK)
      fail(x, DYAD_ERR_NOMEM);
    return;
  }
  if (!x->in_text && !(x->in_env && x->env_field != EF_NONE))
    return;
  if (Dyad_buf_put(&x->chars, s, (size_t)len) != DYAD_OK)
    fail(x, DYAD_ERR_NOMEM);
}

/* ---- dictionaries
 * ------------------------------------------------------------- */

/* Finds a dictionary the suite names: beside the suite, in its sibling
 * directory petrarch2/, then in `dir` (--dict DIR). */
static char *find_dict(const char *suite_dir, const char *dir,
                       const char *name) {
  char *p = Dyad_vd_join(suite_dir, name);
  if (!p || Dyad_vd_is_file(p))
    return p;
  free(p);
  char *sib = Dyad_vd_join(suite_dir, "../petrarch2");
  p = sib ? Dyad_vd_join(sib, name) : NULL;
  free(sib);
  if (!p || Dyad_vd_is_file(p))
    return p;
  free(p);
  if (dir) {
    p = Dyad_vd_join(dir, name);
    if (!p || Dyad_vd_is_file(p))
      return p;
    free(p);
  }
  return NULL;
}

/* True when a verb dictionary is in PETRARCH-2 format (it has the
 * "####### VERB PATTERNS #######" divider of the PETRARCH2 verb dictionary); PETRARCH-1 and
 * TABARI files have none. */
static bool petrarch2_verbs(const char *path) {
  char *data;
  size_t len;
  if (Dyad_vd_slurp(path, &data, &len, NULL) != DYAD_OK)
    return false;
  bool p2 = false;
  for (const char *l = data; l && *l && !p2;) {
    if (l[0] == '#' && l[1] == '#') {
      const char *nl = strchr(l, '\n');
      size_t n = nl ? (size_t)(nl - l) : strlen(l);
      for (size_t i = 0; i + 13 <= n && !p2; i++)
        p2 = memcmp(l + i, "VERB PATTERNS", 13) == 0;
    }
    l = strchr(l, '\n');
    if (l)
      l++;
  }
  free(data);
  return p2;
}

static dyad_status load_dicts(struct px *x, const dyad_validate_options *o,
                              dyad_error *err) {
  struct dyad_suite *s = x->s;
  const char *dir = NULL;
  if (o->ndicts == 1 && Dyad_vd_is_dir(o->dicts[0]))
    dir = o->dicts[0];
  bool override = o->ndicts > 0 && !dir;
  char *suite_dir = Dyad_vd_dirname(s->path);
  if (!suite_dir)
    return DYAD_ERR_NOMEM;
  char *paths[VD_MAX_DICTS * 5];
  size_t np = 0;
  dyad_status st = DYAD_OK;
  static const int order[] = {EF_VERB, EF_ACTOR, EF_AGENT, EF_DISCARD,
                              EF_ISSUE};
  for (size_t k = 0; k < 5 && st == DYAD_OK; k++) {
    const struct vec *v = &x->files[order[k]];
    for (size_t i = 0; i < v->len && st == DYAD_OK; i++) {
      const char *name = VEC_AT(v, char *, i);
      char *p = find_dict(suite_dir, dir, name);
      if (!p && !override) {
        st = Dyad_error_set(err, DYAD_ERR_IO, s->path, 0, 0,
                            "dictionary %s (from <Environment>) is neither "
                            "beside the suite nor in ../petrarch2/%s",
                            name, dir ? " nor in --dict" : "; give --dict DIR");
        break;
      }
      if (p && order[k] == EF_VERB && i == 0)
        s->petrarch1 = !petrarch2_verbs(p);
      if (p)
        paths[np++] = p;
    }
  }
  free(suite_dir);
  if (st == DYAD_OK) {
    if (override)
      st = Dyad_vd_load(s, o->dicts, o->ndicts, err);
    else if (np == 0)
      st = Dyad_error_set(err, DYAD_ERR_IO, s->path, 0, 0,
                          "the suite names no dictionaries; give --dict");
    else
      st = Dyad_vd_load(s, (const char *const *)paths, np, err);
  }
  for (size_t i = 0; i < np; i++)
    free(paths[i]);
  return st;
}

/* Marks records whose category is not in <Include> (first word "valid" is
 * a keyword, not a category). */
static dyad_status apply_include(struct px *x) {
  struct dyad_suite *s = x->s;
  if (!x->include || s->all_categories)
    return DYAD_OK;
  const char *inc = x->include;
  for (size_t i = 0; i < s->items.len; i++) {
    struct vd_item *it = &VEC_AT(&s->items, struct vd_item, i);
    if (it->kind != VI_RECORD || !*it->category)
      continue;
    size_t cl = strlen(it->category);
    bool found = false;
    for (const char *p = inc; *p && !found;) {
      while (*p && ws(*p))
        p++;
      const char *w = p;
      while (*p && !ws(*p))
        p++;
      found = (size_t)(p - w) == cl && memcmp(w, it->category, cl) == 0;
    }
    if (found)
      continue;
    it->excluded = true;
    /* note the category once */
    const char *ex = s->excluded.data ? s->excluded.data : "";
    bool noted = false;
    for (const char *p = ex; *p && !noted;) {
      while (*p == ' ')
        p++;
      const char *w = p;
      while (*p && *p != ' ')
        p++;
      noted = (size_t)(p - w) == cl && memcmp(w, it->category, cl) == 0;
    }
    if (!noted) {
      if (s->excluded.len)
        TRY(Dyad_buf_putc(&s->excluded, ' '));
      TRY(Dyad_buf_puts(&s->excluded, it->category));
    }
  }
  return DYAD_OK;
}

dyad_status Dyad_vd_petrarch_read(struct dyad_suite *s,
                                  const dyad_validate_options *o,
                                  dyad_error *err) {
  char *data;
  size_t len;
  TRY(Dyad_vd_slurp(s->path, &data, &len, err));
  struct buf fixed;
  Dyad_buf_init(&fixed, 0);
  dyad_status st = repair(data, len, &fixed);
  free(data);
  if (st != DYAD_OK) {
    Dyad_buf_fini(&fixed);
    return st;
  }
  struct px x;
  memset(&x, 0, sizeof x);
  x.s = s;
  x.cur = SIZE_MAX;
  Dyad_buf_init(&x.chars, 0);
  Dyad_buf_init(&x.parse, 0);
  Dyad_vec_init(&x.exp, sizeof(struct vd_exp));
  for (size_t i = 0; i <= EF_INCLUDE; i++)
    Dyad_vec_init(&x.files[i], sizeof(char *));
  x.p = XML_ParserCreate("UTF-8");
  if (!x.p)
    st = DYAD_ERR_NOMEM;
  if (st == DYAD_OK) {
    XML_SetUserData(x.p, &x);
    XML_SetElementHandler(x.p, on_start, on_end);
    XML_SetCharacterDataHandler(x.p, on_chars);
    enum XML_Status xs =
        XML_Parse(x.p, fixed.data ? fixed.data : "", (int)fixed.len, XML_TRUE);
    if (x.st != DYAD_OK) {
      st = x.st;
      if (st == DYAD_ERR_LIMIT)
        Dyad_error_set(
            err, st, s->path, (unsigned)XML_GetCurrentLineNumber(x.p), 0,
            "more than %d expected events in a record", VD_MAX_EVENTS);
    } else if (xs == XML_STATUS_ERROR &&
               XML_GetErrorCode(x.p) != XML_ERROR_ABORTED) {
      st = Dyad_error_set(err, DYAD_ERR_PARSE, s->path,
                          (unsigned)XML_GetCurrentLineNumber(x.p),
                          (unsigned)XML_GetCurrentColumnNumber(x.p) + 1, "%s",
                          XML_ErrorString(XML_GetErrorCode(x.p)));
    }
    close_record(&x);
    if (st == DYAD_OK && x.st != DYAD_OK)
      st = x.st;
  }
  if (st == DYAD_OK)
    st = apply_include(&x);
  if (st == DYAD_OK) {
    for (size_t i = 0; i < s->items.len; i++) {
      const struct vd_item *it = &VEC_AT(&s->items, struct vd_item, i);
      if (it->kind == VI_RECORD)
        s->records++;
    }
    st = load_dicts(&x, o, err);
  }
  if (x.p)
    XML_ParserFree(x.p);
  Dyad_buf_fini(&fixed);
  Dyad_buf_fini(&x.chars);
  Dyad_buf_fini(&x.parse);
  Dyad_vec_fini(&x.exp);
  for (size_t i = 0; i <= EF_INCLUDE; i++) {
    for (size_t k = 0; k < x.files[i].len; k++)
      free(VEC_AT(&x.files[i], char *, k));
    Dyad_vec_fini(&x.files[i]);
  }
  free(x.include);
  return st;
}
