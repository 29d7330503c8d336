/*
 * load.c - dyad_lexicon_load and the machinery the dictionary readers share
 * (pipeline stage "lexicon").
 *
 * A path is a PETRARCH config (.ini, as PETR_config.ini), a TABARI .project
 * or .options file, a directory holding a config (a .ini first, then a
 * .project), or one dictionary file whose kind is told by its name or, failing
 * that, by its content. Formats and dyad's choices where the peers differ:
 * docs/dictionaries.md; the peers' formats in detail: the TABARI 0.8 manual and the PETRARCH2
 * documentation.
 *
 * Files are read whole and split into lines here. Bytes that are not UTF-8
 * are taken as Latin-1 letters (CAMEO.091003.master.verbs has a few); a line
 * with a NUL or a C1 control byte is reported and skipped. Every malformed
 * entry is reported through Dyad_ld_bad (kept as a diagnostic, fatal only in
 * strict mode) and skipped.
 */
#include "load.h"
#include "../enrich/gazetteer.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef DYAD_DEFAULT_DICT
#define DYAD_DEFAULT_DICT "dict/dyad.ini"
#endif

#define DEFAULT_VERB_EXC "/usr/share/wordnet/verb.exc"

/* ---- diagnostics ----------------------------------------------------------
 */

static const char *file_name(const struct dyad_lexicon *lex, uint32_t file) {
  return file < lex->files.len ? VEC_AT(&lex->files, char *, file) : "";
}

static dyad_status vdiag(struct loader *ld, bool fatal, uint32_t file,
                         unsigned line, unsigned col, const char *fmt,
                         va_list ap) {
  char msg[512];
  vsnprintf(msg, sizeof msg, fmt, ap);
  TRY(Dyad_lex_diag(ld->lex, file, line, col, "%s", msg));
  if (fatal && ld->strict) {
    Dyad_error_set(ld->err, DYAD_ERR_PARSE, file_name(ld->lex, file), line,
                   col, "%s", msg);
    return DYAD_ERR_PARSE;
  }
  return DYAD_OK;
}

dyad_status Dyad_ld_bad(struct loader *ld, uint32_t file, unsigned line,
                        const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  dyad_status st = vdiag(ld, true, file, line, 0, fmt, ap);
  va_end(ap);
  return st;
}

dyad_status Dyad_ld_bad_at(struct loader *ld, uint32_t file, unsigned line,
                           unsigned col, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  dyad_status st = vdiag(ld, true, file, line, col, fmt, ap);
  va_end(ap);
  return st;
}

dyad_status Dyad_ld_note(struct loader *ld, uint32_t file, unsigned line,
                         const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  dyad_status st = vdiag(ld, false, file, line, 0, fmt, ap);
  va_end(ap);
  return st;
}

/* ---- files and lines ------------------------------------------------------
 */

dyad_status Dyad_ld_open(struct loader *ld, const char *path,
                         struct ld_file *f) {
  memset(f, 0, sizeof *f);
  Dyad_buf_init(&f->fix, 0);
  FILE *fp = fopen(path, "rb");
  if (!fp)
    return Dyad_error_set(ld->err, DYAD_ERR_IO, path, 0, 0,
                          "cannot open dictionary file: %s", strerror(errno));
  size_t cap = 1 << 16, len = 0;
  char *data = malloc(cap);
  dyad_status st = data ? DYAD_OK : DYAD_ERR_NOMEM;
  while (st == DYAD_OK) {
    if (len == cap) {
      if (cap >= LD_MAX_FILE) {
        st = Dyad_error_set(ld->err, DYAD_ERR_LIMIT, path, 0, 0,
                            "dictionary file over 2 GiB");
        break;
      }
      char *p = realloc(data, cap * 2);
      if (!p) {
        st = DYAD_ERR_NOMEM;
        break;
      }
      data = p;
      cap *= 2;
    }
    size_t got = fread(data + len, 1, cap - len, fp);
    len += got;
    if (got == 0) {
      if (ferror(fp))
        st = Dyad_error_set(ld->err, DYAD_ERR_IO, path, 0, 0,
                            "cannot read dictionary file: %s", strerror(errno));
      break;
    }
  }
  fclose(fp);
  if (st == DYAD_OK)
    st = Dyad_lex_file(ld->lex, path, &f->fidx);
  if (st != DYAD_OK) {
    free(data);
    Dyad_buf_fini(&f->fix);
    return st;
  }
  f->data = data;
  f->len = len;
  return DYAD_OK;
}

void Dyad_ld_close(struct ld_file *f) {
  free(f->data);
  f->data = NULL;
  Dyad_buf_fini(&f->fix);
}

/* Makes a line that is not UTF-8 into UTF-8 by reading the stray bytes as
 * Latin-1. Returns the first byte that is no Latin-1 letter or sign (NUL,
 * C1 control), or -1 when the line was fixed. */
static int fix_line(struct ld_file *f, const char *s, size_t n) {
  f->fix.len = 0;
  size_t i = 0;
  while (i < n) {
    size_t ok = Dyad_utf8_check(s + i, n - i);
    for (size_t k = 0; k < ok; k++)
      if (s[i + k] == '\0')
        return 0;
    if (Dyad_buf_put(&f->fix, s + i, ok) != DYAD_OK)
      return -2;
    i += ok;
    if (i >= n)
      break;
    unsigned char b = (unsigned char)s[i];
    if (b < 0xA0)
      return b;
    char two[2] = {(char)(0xC0 | (b >> 6)), (char)(0x80 | (b & 0x3F))};
    if (Dyad_buf_put(&f->fix, two, 2) != DYAD_OK)
      return -2;
    i++;
  }
  return -1;
}

dyad_status Dyad_ld_line(struct loader *ld, struct ld_file *f,
                         struct ld_line *ln, bool *got) {
  for (;;) {
    if (f->pos >= f->len) {
      *got = false;
      if (f->latin1 && !f->at_end) {
        f->at_end = true;
        return Dyad_ld_note(ld, f->fidx, f->latin1_line,
                            "%u line%s not UTF-8, read as Latin-1", f->latin1,
                            f->latin1 == 1 ? "" : "s");
      }
      f->at_end = true;
      return DYAD_OK;
    }
    const char *s = f->data + f->pos;
    const char *nl = memchr(s, '\n', f->len - f->pos);
    size_t n = nl ? (size_t)(nl - s) : f->len - f->pos;
    f->pos += n + (nl ? 1 : 0);
    f->no++;
    if (n && s[n - 1] == '\r')
      n--;
    if (f->no == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
      s += 3;
      n -= 3;
    }
    bool plain = true;
    for (size_t i = 0; i < n; i++) {
      unsigned char c = (unsigned char)s[i];
      if (c >= 0x80 || c == 0) {
        plain = false;
        break;
      }
    }
    if (!plain && Dyad_utf8_check(s, n) == n && !memchr(s, '\0', n))
      plain = true; /* UTF-8 already */
    if (!plain) {
      int bad = fix_line(f, s, n);
      if (bad == -2)
        return DYAD_ERR_NOMEM;
      if (bad >= 0) {
        TRY(Dyad_ld_bad(ld, f->fidx, f->no,
                        "byte 0x%02X is neither UTF-8 nor a Latin-1 letter; "
                        "line skipped",
                        (unsigned)bad));
        continue;
      }
      if (!f->latin1++)
        f->latin1_line = f->no;
      s = f->fix.data ? f->fix.data : "";
      n = f->fix.len;
    }
    ln->s = s;
    ln->n = n;
    ln->no = f->no;
    *got = true;
    return DYAD_OK;
  }
}

/* ---- text helpers ---------------------------------------------------------
 */

bool Dyad_ld_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

const char *Dyad_ld_trim(const char *s, size_t *n) {
  size_t a = 0, b = *n;
  while (a < b && Dyad_ld_blank(s[a]))
    a++;
  while (b > a && Dyad_ld_blank(s[b - 1]))
    b--;
  *n = b - a;
  return s + a;
}

size_t Dyad_ld_uncomment(const char *s, size_t n, const char *chars) {
  int depth = 0;
  size_t i = 0;
  for (; i < n; i++) {
    char c = s[i];
    if (c == '[')
      depth++;
    else if (c == ']' && depth > 0)
      depth--;
    else if (depth == 0 && strchr(chars, c) && c != '\0')
      break;
  }
  while (i > 0 && Dyad_ld_blank(s[i - 1]))
    i--;
  return i;
}

int Dyad_ld_snip(const char *s, size_t n) {
  if (n <= 60)
    return (int)n;
  n = 60;
  while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
    n--;
  return (int)n;
}

bool Dyad_ld_prefix(const char *s, size_t n, const char *prefix) {
  size_t k = strlen(prefix);
  if (n < k)
    return false;
  for (size_t i = 0; i < k; i++)
    if (toupper((unsigned char)s[i]) != toupper((unsigned char)prefix[i]))
      return false;
  return true;
}

/* ---- folding phrases ------------------------------------------------------
 */

static bool alnum_ascii(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= '0' && c <= '9');
}

static dyad_status push_key(struct loader *ld, const char *key, size_t n,
                            uint32_t *wids, size_t *nw, size_t cap) {
  if (*nw >= cap)
    return DYAD_ERR_LIMIT;
  TRY(Dyad_lex_word(ld->lex, key, n, &wids[*nw]));
  (*nw)++;
  return DYAD_OK;
}

dyad_status Dyad_ld_word(struct loader *ld, const char *s, size_t n,
                         uint32_t *wids, size_t *nw, size_t cap) {
  char key[TOK_MAX_KEY];
  if (n == 0)
    return DYAD_OK;
  /* Fast path: ASCII letters and digits fold to upper case, exactly as the
   * tokenizer folds them. */
  bool fast = n < sizeof key;
  for (size_t i = 0; fast && i < n; i++)
    fast = alnum_ascii(s[i]);
  if (fast) {
    for (size_t i = 0; i < n; i++)
      key[i] = (char)toupper((unsigned char)s[i]);
    return push_key(ld, key, n, wids, nw, cap);
  }
  /* A clitic written apart, TreeBank style ("DID N'T", "MALI 'S"): the
   * tokenizer splits "didn't" into DID + N'T, so N'T alone is one key. */
  bool clitic = n >= 2 && n < sizeof key && s[0] == '\'';
  for (size_t i = 1; clitic && i < n; i++)
    clitic = alnum_ascii(s[i]);
  if (n == 3 && toupper((unsigned char)s[0]) == 'N' && s[1] == '\'' &&
      toupper((unsigned char)s[2]) == 'T')
    clitic = true;
  if (clitic) {
    for (size_t i = 0; i < n; i++)
      key[i] = (char)toupper((unsigned char)s[i]);
    return push_key(ld, key, n, wids, nw, cap);
  }
  ld->toks.len = 0;
  dyad_status st = Dyad_tokenize(s, 0, n, &ld->arena, &ld->toks);
  for (size_t i = 0; st == DYAD_OK && i < ld->toks.len; i++) {
    const struct token *t = &VEC_AT(&ld->toks, struct token, i);
    if (t->kind == TK_QUOTE || t->klen == 0)
      continue;
    st = push_key(ld, t->key, t->klen, wids, nw, cap);
  }
  Dyad_arena_reset(&ld->arena);
  return st;
}

static bool word_sep(char c) {
  return c == '_' || Dyad_ld_blank(c);
}

dyad_status Dyad_ld_phrase(struct loader *ld, const char *s, size_t n,
                           struct ld_phrase *ph, size_t *starts,
                           size_t *nwritten) {
  s = Dyad_ld_trim(s, &n);
  ph->n = 0;
  ph->exact = false;
  ph->noend = false;
  while (n > 0 && (s[n - 1] == '_' || s[n - 1] == '=')) {
    ph->exact = true;
    if (s[n - 1] == '=')
      ph->noend = true;
    n--;
  }
  size_t w = 0, i = 0;
  while (i < n) {
    while (i < n && word_sep(s[i]))
      i++;
    if (i >= n)
      break;
    size_t j = i;
    while (j < n && !word_sep(s[j]))
      j++;
    if (w >= LD_MAX_WORDS)
      return DYAD_ERR_LIMIT;
    if (starts)
      starts[w] = ph->n;
    w++;
    TRY(Dyad_ld_word(ld, s + i, j - i, ph->wids, &ph->n, LD_MAX_WORDS));
    i = j;
  }
  if (starts)
    starts[w] = ph->n;
  if (nwritten)
    *nwritten = w;
  return ph->n ? DYAD_OK : DYAD_ERR_PARSE;
}

size_t Dyad_ld_plural(const char *w, size_t n, char *out, size_t cap) {
  if (n < 2 || n + 3 > cap)
    return 0;
  for (size_t i = 0; i < n; i++)
    if (!isalpha((unsigned char)w[i]))
      return 0;
  char last = (char)toupper((unsigned char)w[n - 1]);
  char prev = (char)toupper((unsigned char)w[n - 2]);
  bool vowel =
      prev == 'A' || prev == 'E' || prev == 'I' || prev == 'O' || prev == 'U';
  memcpy(out, w, n);
  if (last == 'Y' && !vowel) {
    memcpy(out + n - 1, "IES", 3);
    return n + 2;
  }
  if (last == 'S') {
    /* a final S is already a plural unless it ends -SS or -US (BOSS,
     * CAMPUS) */
    if (prev != 'S' && prev != 'U')
      return 0;
    memcpy(out + n, "ES", 2);
    return n + 2;
  }
  if (last == 'X' || last == 'Z' ||
      (last == 'H' && (prev == 'C' || prev == 'S'))) {
    memcpy(out + n, "ES", 2);
    return n + 2;
  }
  out[n] = 'S';
  return n + 1;
}

/* ---- codes ----------------------------------------------------------------
 */

static bool code_char(char c) {
  return alnum_ascii(c) || c == '-' || c == '#' || c == '+' || c == '.';
}

bool Dyad_ld_code(struct loader *ld, const char *s, size_t n, uint32_t *code,
                  uint32_t *code2, uint32_t *flags, dyad_status *st) {
  char buf[64];
  size_t k = 0;
  *st = DYAD_OK;
  for (size_t i = 0; i < n; i++) {
    if (Dyad_ld_blank(s[i]))
      continue;
    if (k + 1 >= sizeof buf)
      return false;
    buf[k++] = s[i];
  }
  buf[k] = '\0';
  if (k == 0)
    return false;
  char *colon = memchr(buf, ':', k);
  char *parts[2] = {buf, colon ? colon + 1 : NULL};
  if (colon)
    *colon = '\0';
  uint32_t f = 0, ids[2] = {LEX_NONE, LEX_NONE};
  for (int p = 0; p < 2; p++) {
    if (!parts[p])
      continue;
    size_t m = strlen(parts[p]);
    while (m > 0 && (parts[p][m - 1] == '!' || parts[p][m - 1] == '?')) {
      f |= parts[p][m - 1] == '!' ? PF_DOMINANT : PF_SUBORDINATE;
      m--;
    }
    for (size_t i = 0; i < m; i++)
      if (!code_char(parts[p][i]))
        return false;
    if (m == 0 && (p == 1 || !colon))
      return false;
    *st = Dyad_lex_str(ld->lex, parts[p], m, &ids[p]);
    if (*st != DYAD_OK)
      return false;
  }
  *code = ids[0];
  *code2 = ids[1];
  *flags = f;
  return true;
}

/* ---- blocks and verbs -----------------------------------------------------
 */

dyad_status Dyad_ld_block(struct loader *ld, const char *name, size_t n,
                          uint32_t code, uint32_t code2, uint32_t flags,
                          struct lex_src src, uint32_t *idx) {
  struct dyad_lexicon *lex = ld->lex;
  uint32_t nm;
  TRY(Dyad_lex_str(lex, name, n, &nm));
  struct lex_block *b = Dyad_vec_push(&lex->blocks);
  if (!b)
    return DYAD_ERR_NOMEM;
  b->name = nm;
  b->code = code == LEX_NONE ? lex->str_null : code;
  b->code2 = code2;
  b->flags = flags;
  b->pats = b->npats = 0;
  b->src = src;
  *idx = (uint32_t)(lex->blocks.len - 1);
  return DYAD_OK;
}

dyad_status Dyad_ld_need_exc(struct loader *ld) {
  if (ld->exc_tried)
    return DYAD_OK;
  ld->exc_tried = true;
  dyad_status st = Dyad_verb_exc_load(ld->exc_path, &ld->exc);
  if (st == DYAD_ERR_IO && !ld->exc_required)
    return DYAD_OK; /* absent WordNet: regular rules only */
  if (st == DYAD_ERR_IO)
    return Dyad_error_set(ld->err, DYAD_ERR_IO, ld->exc_path, 0, 0,
                          "cannot open WordNet verb exceptions: %s",
                          strerror(errno));
  return st;
}

/* Written words of a verb phrase ('_' or blank between, '+' marks the
 * inflected word). */
struct vwords {
  const char *w[LD_MAX_WORDS];
  size_t n[LD_MAX_WORDS];
  size_t count;
  int head; /* -1 when no '+' */
  bool exact, noend;
  int marks;
};

static bool split_words(const char *s, size_t n, struct vwords *v) {
  s = Dyad_ld_trim(s, &n);
  v->count = 0;
  v->head = -1;
  v->marks = 0;
  v->exact = v->noend = false;
  while (n > 0 && (s[n - 1] == '_' || s[n - 1] == '=')) {
    v->exact = true;
    if (s[n - 1] == '=')
      v->noend = true;
    n--;
  }
  size_t i = 0;
  while (i < n) {
    while (i < n && word_sep(s[i]))
      i++;
    if (i >= n)
      break;
    size_t j = i;
    while (j < n && !word_sep(s[j]))
      j++;
    const char *w = s + i;
    size_t wn = j - i;
    if (w[0] == '+') {
      v->marks++;
      v->head = (int)v->count;
      w++;
      wn--;
    }
    if (wn == 0 || v->count >= LD_MAX_WORDS)
      return false;
    v->w[v->count] = w;
    v->n[v->count] = wn;
    v->count++;
    i = j;
  }
  return v->count > 0;
}

/* A form of a verb being built: the full phrase text and its kinds. */
struct vform_txt {
  char text[256];
  size_t len;
  size_t head; /* written word index of the inflected word */
  uint8_t kind;
  uint8_t flags;
};

struct formset {
  struct vform_txt f[32];
  size_t n;
};

/* Phrase text of `v` with word `head` replaced by `hw`. */
static bool build_form(const struct vwords *v, size_t head, const char *hw,
                       size_t hn, struct vform_txt *out) {
  size_t k = 0;
  for (size_t i = 0; i < v->count; i++) {
    const char *w = i == head ? hw : v->w[i];
    size_t wn = i == head ? hn : v->n[i];
    if (k + wn + 2 > sizeof out->text)
      return false;
    if (i)
      out->text[k++] = ' ';
    memcpy(out->text + k, w, wn);
    k += wn;
  }
  out->text[k] = '\0';
  out->len = k;
  out->head = head;
  return true;
}

static void add_form(struct formset *fs, const struct vform_txt *f) {
  for (size_t i = 0; i < fs->n; i++) {
    if (fs->f[i].len == f->len &&
        strncmp(fs->f[i].text, f->text, f->len) == 0) {
      fs->f[i].kind |= f->kind;
      return;
    }
  }
  if (fs->n < sizeof fs->f / sizeof fs->f[0])
    fs->f[fs->n++] = *f;
}

static void upcase(const char *s, size_t n, char *out) {
  for (size_t i = 0; i < n; i++)
    out[i] = (char)toupper((unsigned char)s[i]);
  out[n] = '\0';
}

/* Kind of an explicitly written verb form, from its inflected word. */
static uint8_t form_kind(const char *lemma, size_t ln, const char *w,
                         size_t n) {
  char a[64], b[64];
  if (ln >= sizeof a || n >= sizeof b)
    return VF_ED | VF_EN;
  upcase(lemma, ln, a);
  upcase(w, n, b);
  if (n == ln && memcmp(a, b, n) == 0)
    return VF_BASE;
  if (n > 3 && memcmp(b + n - 3, "ING", 3) == 0)
    return VF_ING;
  if (n > 1 && b[n - 1] == 'S' && n > ln)
    return VF_S;
  return VF_ED | VF_EN;
}

/* Parses the "{...}" list of explicit forms of `v` into `fs`; returns the
 * kinds covered, or -1 when an item is malformed. */
static int explicit_forms(const struct vwords *v, const char *s, size_t n,
                          bool noun, struct formset *fs) {
  int covered = 0;
  size_t i = 0;
  size_t head = v->head >= 0 ? (size_t)v->head : 0;
  while (i < n) {
    while (i < n && Dyad_ld_blank(s[i]))
      i++;
    if (i >= n)
      break;
    size_t j = i;
    while (j < n && !Dyad_ld_blank(s[j]))
      j++;
    struct vwords item;
    if (!split_words(s + i, j - i, &item) || item.marks > 1)
      return -1;
    struct vform_txt f;
    bool ok;
    if (item.count == 1 && v->count > 1) {
      /* one word for a multi-word verb: the inflected word's form */
      ok = build_form(v, head, item.w[0], item.n[0], &f);
    } else {
      size_t h = item.head >= 0           ? (size_t)item.head
                 : item.count == v->count ? head
                 : noun                   ? item.count - 1
                                          : 0;
      ok = build_form(&item, h, item.w[h], item.n[h], &f);
    }
    if (!ok)
      return -1;
    /* the inflected word of the item */
    size_t ih = item.count == 1 ? 0 : f.head;
    f.kind = noun ? VF_NOUN
                  : form_kind(v->w[head], v->n[head], item.w[ih], item.n[ih]);
    f.flags = item.exact ? LH_EXACT : 0;
    if (noun)
      f.flags |= LH_PLURAL;
    covered |= f.kind;
    add_form(fs, &f);
    i = j;
  }
  return covered;
}

/* Regular forms of the inflected word (Dyad_inflect, with WordNet's
 * irregulars), those whose kinds are not in `covered`. */
static void regular_forms(struct loader *ld, const struct vwords *v,
                          size_t head, uint8_t covered, uint8_t flags,
                          struct formset *fs) {
  char lemma[64];
  if (v->n[head] >= 57)
    return;
  upcase(v->w[head], v->n[head], lemma);
  char forms[12][64];
  uint8_t kinds[12];
  size_t k = Dyad_inflect(lemma, forms, kinds, ld->exc);
  for (size_t i = 0; i < k; i++) {
    if (kinds[i] & VF_BASE)
      continue;
    if (!(kinds[i] & ~covered & (VF_S | VF_ED | VF_EN | VF_ING)))
      continue;
    struct vform_txt f;
    if (!build_form(v, head, forms[i], strlen(forms[i]), &f))
      continue;
    f.kind = kinds[i];
    f.flags = flags;
    add_form(fs, &f);
  }
}

/* Folds the forms and adds their vforms and hits. */
static dyad_status store_forms(struct loader *ld, uint32_t verb, bool noun,
                               const struct formset *fs, struct lex_src src) {
  struct dyad_lexicon *lex = ld->lex;
  for (size_t i = 0; i < fs->n; i++) {
    const struct vform_txt *f = &fs->f[i];
    struct ld_phrase ph;
    size_t starts[LD_MAX_WORDS + 1], nw = 0;
    dyad_status st = Dyad_ld_phrase(ld, f->text, f->len, &ph, starts, &nw);
    if (st == DYAD_ERR_PARSE || st == DYAD_ERR_LIMIT) {
      TRY(Dyad_ld_bad(ld, src.file, src.line, "verb form \"%.*s\" is %s",
                      (int)f->len, f->text,
                      st == DYAD_ERR_PARSE ? "empty" : LD_TOO_LONG));
      continue;
    }
    TRY(st);
    /* the same phrase already a form of this verb (a TABARI "{...}" line
     * repeating a regular form): merge the kinds */
    uint32_t node = 0;
    for (size_t k = 0; k < ph.n && node != LEX_NONE; k++)
      node = Dyad_lex_child(lex, node, ph.wids[k]);
    bool merged = false;
    uint8_t kind = noun ? LK_EVNOUN : LK_VERB;
    for (uint32_t h = node == LEX_NONE
                          ? LEX_NONE
                          : VEC_AT(&lex->nodes, struct lex_node, node).hits;
         h != LEX_NONE && !merged;
         h = VEC_AT(&lex->hits, struct lex_hit, h).next) {
      struct lex_hit *x = &VEC_AT(&lex->hits, struct lex_hit, h);
      if (x->kind != kind)
        continue;
      struct lex_vform *old = &VEC_AT(&lex->vforms, struct lex_vform, x->ref);
      if (old->verb == verb) {
        old->form |= f->kind;
        merged = true;
      }
    }
    if (merged)
      continue;
    struct lex_vform *vf = Dyad_vec_push(&lex->vforms);
    if (!vf)
      return DYAD_ERR_NOMEM;
    vf->verb = verb;
    vf->form = f->kind;
    size_t h = f->head < nw ? starts[f->head] : 0;
    vf->head = (uint8_t)(h < 255 ? h : 255);
    vf->nwords = (uint8_t)ph.n;
    uint32_t ref = (uint32_t)(lex->vforms.len - 1);
    TRY(Dyad_lex_add_hit(lex, ph.wids, ph.n, noun ? LK_EVNOUN : LK_VERB, ref,
                         f->flags));
  }
  return DYAD_OK;
}

dyad_status Dyad_ld_verb(struct loader *ld, const struct ld_verbdef *d) {
  struct dyad_lexicon *lex = ld->lex;
  struct vwords v;
  const char *what = d->noun ? "noun" : "verb";
  if (!split_words(d->text, d->n, &v) || v.marks > 1)
    return Dyad_ld_bad(ld, d->src.file, d->src.line, "malformed %s \"%.*s\"",
                       what, Dyad_ld_snip(d->text, d->n), d->text);
  size_t head = v.head >= 0 ? (size_t)v.head : d->noun ? v.count - 1 : 0;
  TRY(Dyad_ld_need_exc(ld));
  /* the lemma as written, words joined by blanks */
  char lemma[256];
  size_t ll = 0;
  for (size_t i = 0; i < v.count && ll + v.n[i] + 2 < sizeof lemma; i++) {
    if (i)
      lemma[ll++] = ' ';
    memcpy(lemma + ll, v.w[i], v.n[i]);
    ll += v.n[i];
  }
  uint32_t lemma_id;
  TRY(Dyad_lex_str(lex, lemma, ll, &lemma_id));
  struct lex_verb *lv = Dyad_vec_push(&lex->verbs);
  if (!lv)
    return DYAD_ERR_NOMEM;
  lv->block = d->block;
  lv->code = d->code;
  lv->code2 = d->code == LEX_NONE ? LEX_NONE : d->code2;
  lv->flags = d->code == LEX_NONE ? 0 : d->flags;
  lv->lemma = lemma_id;
  lv->src = d->src;
  uint32_t verb = (uint32_t)(lex->verbs.len - 1);
  ld->last_verb = verb;
  ld->last_nwords = v.count;
  ld->last_head = head;
  ld->last_exact = v.exact;

  struct formset *fs = malloc(sizeof *fs); /* only f[0..n) is read */
  if (!fs)
    return DYAD_ERR_NOMEM;
  fs->n = 0;
  uint8_t exflag = v.exact ? LH_EXACT : 0;
  struct vform_txt base;
  dyad_status st = DYAD_OK;
  if (!build_form(&v, head, v.w[head], v.n[head], &base)) {
    free(fs);
    return Dyad_ld_bad(ld, d->src.file, d->src.line, "%s \"%.*s\" is too long",
                       what, Dyad_ld_snip(d->text, d->n), d->text);
  }
  base.kind = d->noun ? VF_NOUN : VF_BASE;
  base.flags = exflag;
  add_form(fs, &base);
  int covered = 0;
  if (d->forms) {
    covered = explicit_forms(&v, d->forms, d->nforms, d->noun, fs);
    if (covered < 0) {
      st = Dyad_ld_bad(
          ld, d->src.file, d->src.line, "malformed forms {%.*s} of %s \"%.*s\"",
          Dyad_ld_snip(d->forms, d->nforms), d->forms, what, (int)ll, lemma);
      covered = 0;
    }
  }
  if (st == DYAD_OK) {
    if (d->noun) {
      char pl[72];
      size_t pn;
      if (!d->forms && !v.exact &&
          (pn = Dyad_ld_plural(v.w[head], v.n[head], pl, sizeof pl)) > 0) {
        struct vform_txt f;
        if (build_form(&v, head, pl, pn, &f)) {
          f.kind = VF_NOUN;
          f.flags = LH_PLURAL;
          add_form(fs, &f);
        }
      }
    } else if (d->tabari) {
      /* TABARI: '_' keeps the regular endings, '=' drops them; "{...}"
       * forms come in addition */
      if (!v.noend)
        regular_forms(ld, &v, head, 0, exflag, fs);
    } else if (!v.exact) {
      /* PETRARCH: "{...}" lists the irregular forms; the kinds it leaves
       * out get the regular ones, so GIVE {GAVE GIVEN} still has GIVES
       * and GIVING. "{}" means no other form; a trailing '_' likewise. */
      size_t fn = d->nforms;
      bool empty = d->forms && (Dyad_ld_trim(d->forms, &fn), fn == 0);
      if (!empty)
        regular_forms(ld, &v, head, (uint8_t)covered, 0, fs);
    }
    st = store_forms(ld, verb, d->noun, fs, d->src);
  }
  free(fs);
  return st;
}

dyad_status Dyad_ld_verb_forms(struct loader *ld, const char *s, size_t n,
                               struct lex_src src) {
  struct dyad_lexicon *lex = ld->lex;
  if (ld->last_verb == LEX_NONE || ld->last_verb >= lex->verbs.len)
    return Dyad_ld_bad(ld, src.file, src.line,
                       "verb forms {%.*s} without a verb before them",
                       Dyad_ld_snip(s, n), s);
  const struct lex_verb *lv =
      &VEC_AT(&lex->verbs, struct lex_verb, ld->last_verb);
  struct vwords v;
  const char *lemma = Dyad_lex_cstr(lex, lv->lemma);
  if (!split_words(lemma, strlen(lemma), &v))
    return DYAD_OK;
  v.head = (int)ld->last_head;
  struct formset *fs = malloc(sizeof *fs); /* only f[0..n) is read */
  if (!fs)
    return DYAD_ERR_NOMEM;
  fs->n = 0;
  dyad_status st;
  if (explicit_forms(&v, s, n, false, fs) < 0)
    st = Dyad_ld_bad(ld, src.file, src.line, "malformed verb forms {%.*s}",
                     Dyad_ld_snip(s, n), s);
  else
    st = store_forms(ld, ld->last_verb, false, fs, src);
  free(fs);
  return st;
}

/* ---- synonym sets and patterns, kept for Dyad_ld_compile ------------------
 */

static dyad_status keep_text(struct loader *ld, const char *s, size_t n,
                             uint32_t *off, uint32_t *len) {
  if (ld->text.len + n > UINT32_MAX)
    return DYAD_ERR_LIMIT;
  *off = (uint32_t)ld->text.len;
  *len = (uint32_t)n;
  return Dyad_buf_put(&ld->text, s, n);
}

dyad_status Dyad_ld_synset(struct loader *ld, const char *name, size_t n,
                           uint8_t dialect, struct lex_src src, uint32_t *syn) {
  struct dyad_lexicon *lex = ld->lex;
  name = Dyad_ld_trim(name, &n);
  bool exact = false;
  while (n > 0 && name[n - 1] == '_') {
    exact = true;
    n--;
  }
  bool ok = n > 0 && n < 128;
  for (size_t i = 0; ok && i < n; i++)
    ok = alnum_ascii(name[i]) || name[i] == '_' || name[i] == '-';
  if (!ok) {
    *syn = LEX_NONE;
    return Dyad_ld_bad(ld, src.file, src.line,
                       "malformed synonym set name \"&%.*s\"",
                       Dyad_ld_snip(name, n), name);
  }
  char up[128];
  upcase(name, n, up);
  uint32_t alt = Dyad_ld_find_synset(lex, up, n);
  if (alt != LEX_NONE) {
    /* defined again: the members of both definitions make the set */
    *syn = alt;
    if (exact)
      VEC_AT(&ld->psyn, struct ld_psyn, alt).exact = true;
    return DYAD_OK;
  }
  uint32_t nm;
  TRY(Dyad_lex_str(lex, up, n, &nm));
  struct lex_alt *a = Dyad_vec_push(&lex->alts);
  if (!a)
    return DYAD_ERR_NOMEM;
  a->name = nm;
  a->opts = a->nopts = 0;
  alt = (uint32_t)(lex->alts.len - 1);
  struct ld_psyn *p = Dyad_vec_push(&ld->psyn);
  if (!p)
    return DYAD_ERR_NOMEM;
  p->alt = alt;
  p->first = p->last = LEX_NONE;
  p->dialect = dialect;
  p->exact = exact;
  p->src = src;
  TRY(Dyad_ld_name_synset(lex, up, n, alt));
  *syn = alt; /* sets are the only groups made while reading: alt == psyn */
  return DYAD_OK;
}

dyad_status Dyad_ld_member(struct loader *ld, uint32_t syn, const char *s,
                           size_t n, struct lex_src src) {
  if (syn == LEX_NONE || syn >= ld->psyn.len)
    return DYAD_OK;
  s = Dyad_ld_trim(s, &n);
  if (n == 0)
    return Dyad_ld_bad(ld, src.file, src.line, "empty synonym set member");
  struct ld_pmem *m = Dyad_vec_push(&ld->pmem);
  if (!m)
    return DYAD_ERR_NOMEM;
  uint32_t idx = (uint32_t)(ld->pmem.len - 1);
  TRY(keep_text(ld, s, n, &m->off, &m->len));
  m = &VEC_AT(&ld->pmem, struct ld_pmem, idx);
  m->next = LEX_NONE;
  m->src = src;
  struct ld_psyn *p = &VEC_AT(&ld->psyn, struct ld_psyn, syn);
  if (p->last == LEX_NONE)
    p->first = idx;
  else
    VEC_AT(&ld->pmem, struct ld_pmem, p->last).next = idx;
  p->last = idx;
  return DYAD_OK;
}

dyad_status Dyad_ld_pattern(struct loader *ld, uint32_t block, const char *s,
                            size_t n, uint32_t flags, struct lex_src src) {
  struct ld_ppat *p = Dyad_vec_push(&ld->ppat);
  if (!p)
    return DYAD_ERR_NOMEM;
  uint32_t idx = (uint32_t)(ld->ppat.len - 1);
  uint32_t off, len;
  TRY(keep_text(ld, s, n, &off, &len));
  p = &VEC_AT(&ld->ppat, struct ld_ppat, idx);
  p->off = off;
  p->len = len;
  p->block = block;
  p->flags = flags;
  p->src = src;
  return DYAD_OK;
}

/* ---- what a path is -------------------------------------------------------
 */

enum kind {
  K_NONE = 0,
  K_INI,
  K_PROJECT,
  K_OPTIONS,
  K_TACTORS,
  K_TVERBS,
  K_TAGENTS,
  K_PACTORS,
  K_PAGENTS,
  K_PVERBS,
  K_PNOUNS,
  K_DISCARDS,
  K_ISSUES,
};

static bool ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && strcmp(s + n - k, suffix) == 0;
}

static enum kind kind_from_name(const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  char low[256];
  size_t n = strlen(base);
  if (n >= sizeof low)
    n = sizeof low - 1;
  for (size_t i = 0; i < n; i++)
    low[i] = (char)tolower((unsigned char)base[i]);
  low[n] = '\0';
  if (ends_with(low, ".ini"))
    return K_INI;
  if (ends_with(low, ".project"))
    return K_PROJECT;
  if (ends_with(low, ".options"))
    return K_OPTIONS;
  if (ends_with(low, ".actors"))
    return K_TACTORS;
  if (ends_with(low, ".verbs"))
    return K_TVERBS;
  if (ends_with(low, ".agents"))
    return K_TAGENTS;
  if (strstr(low, "actor"))
    return K_PACTORS;
  if (strstr(low, "agent"))
    return K_PAGENTS;
  if (strstr(low, "noun"))
    return K_PNOUNS;
  if (strstr(low, "verb"))
    return K_PVERBS;
  if (strstr(low, "discard"))
    return K_DISCARDS;
  if (strstr(low, "issue"))
    return K_ISSUES;
  return K_NONE;
}

/* Tells a file's kind from its first 64 KiB. */
static enum kind kind_from_content(const char *path) {
  FILE *fp = fopen(path, "rb");
  if (!fp)
    return K_NONE;
  static const size_t cap = 1 << 16;
  char *buf = malloc(cap);
  size_t n = buf ? fread(buf, 1, cap, fp) : 0;
  fclose(fp);
  if (!buf)
    return K_NONE;
  bool headers = false, tab_sections = false, patterns = false, sets = false,
       agents = false, codes = false, nouns = false, text = false;
  size_t semis = 0, hashes = 0; /* comment styles: TABARI ';', PETRARCH '#' */
  enum kind k = K_NONE;
  size_t i = 0;
  while (i < n && k == K_NONE) {
    const char *nl = memchr(buf + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - buf) : n;
    const char *s = buf + i;
    size_t m = e - i;
    i = e + 1;
    s = Dyad_ld_trim(s, &m);
    const char *hash = memchr(s, '#', m), *semi = memchr(s, ';', m);
    if (hash && hash != s && !Dyad_ld_blank(hash[-1]) && hash[-1] != ']')
      hash = NULL; /* "[###]" and the like are codes */
    if (hash)
      hashes++;
    if (semi && (!hash || semi < hash))
      semis++;
    if (m == 0 || s[0] == '#' || Dyad_ld_prefix(s, m, "<!") ||
        Dyad_ld_prefix(s, m, "//"))
      continue;
    if (Dyad_ld_prefix(s, m, "[Dictionaries]"))
      k = K_INI;
    else if (Dyad_ld_prefix(s, m, "<actorsfile>") ||
             Dyad_ld_prefix(s, m, "<verbsfile>") ||
             Dyad_ld_prefix(s, m, "<textfile>"))
      k = K_PROJECT;
    else if (Dyad_ld_prefix(s, m, "COMPLEX:") || Dyad_ld_prefix(s, m, "SET:") ||
             Dyad_ld_prefix(s, m, "LABEL:"))
      k = K_OPTIONS;
    else if (Dyad_ld_prefix(s, m, "<ISSUE"))
      k = K_ISSUES;
    else if (Dyad_ld_prefix(s, m, "<SYNSETS>") ||
             Dyad_ld_prefix(s, m, "<TIME>"))
      tab_sections = true;
    else if (Dyad_ld_prefix(s, m, "<NOUN>") ||
             Dyad_ld_prefix(s, m, "<ADJECTIVE>"))
      nouns = true;
    else if (Dyad_ld_prefix(s, m, "---"))
      headers = true;
    else if (s[0] == '-')
      patterns = true;
    else if (s[0] == '&')
      sets = true;
    else if (s[0] == '!' || memchr(s, '~', m))
      agents = true;
    else if (memchr(s, '[', m))
      codes = true;
    else if (s[0] != '~' && s[0] != '<')
      text = true;
  }
  free(buf);
  bool semi = semis > hashes;
  if (k != K_NONE)
    return k;
  if (headers)
    return K_PVERBS;
  if (tab_sections)
    return K_TVERBS;
  if (patterns || sets)
    return semi ? K_TVERBS : K_PVERBS;
  if (agents)
    return semi ? K_TAGENTS : K_PAGENTS;
  if (codes || nouns)
    return semi || nouns ? K_TACTORS : K_PACTORS;
  if (text)
    return K_DISCARDS;
  return K_NONE;
}

/* In directory `dir`, the config to load: a .ini first (dyad.ini, then
 * PETR_config.ini, then the first by name), else a .project. Returns a
 * malloc'd path or NULL. */
static char *find_config(const char *dir, dyad_status *st) {
  DIR *d = opendir(dir);
  *st = DYAD_OK;
  if (!d)
    return NULL;
  char best_ini[256] = "", best_prj[256] = "";
  int ini_rank = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    const char *nm = e->d_name;
    if (nm[0] == '.' || strlen(nm) >= sizeof best_ini)
      continue;
    enum kind k = kind_from_name(nm);
    if (k == K_INI) {
      int rank = strcmp(nm, "dyad.ini") == 0          ? 3
                 : strcmp(nm, "PETR_config.ini") == 0 ? 2
                                                      : 1;
      if (rank > ini_rank || (rank == ini_rank && strcmp(nm, best_ini) < 0)) {
        ini_rank = rank;
        snprintf(best_ini, sizeof best_ini, "%s", nm);
      }
    } else if (k == K_PROJECT) {
      if (!best_prj[0] || strcmp(nm, best_prj) < 0)
        snprintf(best_prj, sizeof best_prj, "%s", nm);
    }
  }
  closedir(d);
  const char *pick = best_ini[0] ? best_ini : best_prj[0] ? best_prj : NULL;
  if (!pick)
    return NULL;
  size_t n = strlen(dir) + strlen(pick) + 2;
  char *p = malloc(n);
  if (!p) {
    *st = DYAD_ERR_NOMEM;
    return NULL;
  }
  snprintf(p, n, "%s/%s", dir, pick);
  return p;
}

static dyad_status load_kind(struct loader *ld, const char *path, enum kind k) {
  switch (k) {
  case K_INI:
    return Dyad_ld_petrarch_config(ld, path);
  case K_PROJECT:
    return Dyad_ld_tabari_project(ld, path);
  case K_OPTIONS:
    return Dyad_ld_tabari_options(ld, path);
  case K_TACTORS:
    return Dyad_ld_actors(ld, path, true);
  case K_TVERBS:
    return Dyad_ld_tabari_verbs(ld, path);
  case K_TAGENTS:
    return Dyad_ld_agents(ld, path, true);
  case K_PACTORS:
    return Dyad_ld_actors(ld, path, false);
  case K_PAGENTS:
    return Dyad_ld_agents(ld, path, false);
  case K_PVERBS:
    return Dyad_ld_petrarch_verbs(ld, path, false);
  case K_PNOUNS:
    return Dyad_ld_petrarch_verbs(ld, path, true);
  case K_DISCARDS:
    return Dyad_ld_petrarch_discards(ld, path);
  case K_ISSUES:
    return Dyad_ld_petrarch_issues(ld, path);
  case K_NONE:
    break;
  }
  return Dyad_error_set(ld->err, DYAD_ERR_FORMAT, path, 0, 0,
                        "not a dictionary, PETRARCH config or TABARI project");
}

static dyad_status load_path(struct loader *ld, const char *path) {
  struct stat sb;
  if (stat(path, &sb) != 0)
    return Dyad_error_set(ld->err, DYAD_ERR_IO, path, 0, 0, "cannot open: %s",
                          strerror(errno));
  if (S_ISDIR(sb.st_mode)) {
    dyad_status st;
    char *cfg = find_config(path, &st);
    TRY(st);
    if (!cfg)
      return Dyad_error_set(ld->err, DYAD_ERR_FORMAT, path, 0, 0,
                            "directory holds no .ini config or .project file");
    st = load_kind(ld, cfg, kind_from_name(cfg));
    free(cfg);
    return st;
  }
  enum kind k = kind_from_name(path);
  if (k == K_NONE)
    k = kind_from_content(path);
  return load_kind(ld, path, k);
}

/* ---- the public API -------------------------------------------------------
 */

static void loader_init(struct loader *ld, struct dyad_lexicon *lex,
                        const dyad_lexicon_options *opts, dyad_error *err) {
  memset(ld, 0, sizeof *ld);
  ld->lex = lex;
  ld->err = err;
  ld->strict = opts && opts->strict;
  ld->exc_required = opts && opts->verb_exceptions;
  ld->exc_path = ld->exc_required ? opts->verb_exceptions : DEFAULT_VERB_EXC;
  ld->last_verb = LEX_NONE;
  Dyad_buf_init(&ld->text, 0);
  Dyad_vec_init(&ld->psyn, sizeof(struct ld_psyn));
  Dyad_vec_init(&ld->pmem, sizeof(struct ld_pmem));
  Dyad_vec_init(&ld->ppat, sizeof(struct ld_ppat));
  Dyad_arena_init(&ld->arena, 0);
  Dyad_vec_init(&ld->toks, sizeof(struct token));
  Dyad_vec_init(&ld->spels, sizeof(struct lex_pel));
  Dyad_vec_init(&ld->sopts, sizeof(struct lex_altopt));
}

static void loader_fini(struct loader *ld) {
  Dyad_verb_exc_free(ld->exc);
  Dyad_buf_fini(&ld->text);
  Dyad_vec_fini(&ld->psyn);
  Dyad_vec_fini(&ld->pmem);
  Dyad_vec_fini(&ld->ppat);
  Dyad_arena_fini(&ld->arena);
  Dyad_vec_fini(&ld->toks);
  Dyad_vec_fini(&ld->spels);
  Dyad_vec_fini(&ld->sopts);
}

static dyad_status check_limits(const struct dyad_lexicon *lex) {
  const struct vec *vs[] = {
      &lex->words,     &lex->nodes,    &lex->hits,   &lex->actors,
      &lex->datecodes, &lex->agents,   &lex->verbs,  &lex->vforms,
      &lex->blocks,    &lex->patterns, &lex->pels,   &lex->alts,
      &lex->alt_opts,  &lex->discards, &lex->issues, &lex->times};
  for (size_t i = 0; i < sizeof vs / sizeof vs[0]; i++)
    if (vs[i]->len >= ((size_t)1 << 31))
      return DYAD_ERR_LIMIT;
  return lex->strings.len >= ((size_t)1 << 31) ? DYAD_ERR_LIMIT : DYAD_OK;
}

DYAD_EXPORT dyad_status dyad_lexicon_load(const char *const *paths,
                                          size_t npaths,
                                          const dyad_lexicon_options *opts,
                                          dyad_lexicon **out, dyad_error *err) {
  if (!out)
    return Dyad_error_set(err, DYAD_ERR_ARG, "", 0, 0,
                          "dyad_lexicon_load: no place for the lexicon");
  *out = NULL;
  if (!paths || npaths == 0)
    return Dyad_error_set(err, DYAD_ERR_ARG, "", 0, 0,
                          "dyad_lexicon_load: no dictionary path");
  for (size_t i = 0; i < npaths; i++)
    if (!paths[i] || !paths[i][0])
      return Dyad_error_set(err, DYAD_ERR_ARG, "", 0, 0,
                            "dyad_lexicon_load: empty dictionary path");
  if (err)
    memset(err, 0, sizeof *err);
  struct dyad_lexicon *lex = malloc(sizeof *lex);
  if (!lex)
    return Dyad_error_set(err, DYAD_ERR_NOMEM, "", 0, 0, "out of memory");
  dyad_status st = Dyad_lex_init(lex);
  struct loader ld;
  loader_init(&ld, lex, opts, err);
  for (size_t i = 0; st == DYAD_OK && i < npaths; i++)
    st = load_path(&ld, paths[i]);
  if (st == DYAD_OK)
    st = Dyad_ld_compile(&ld);
  if (st == DYAD_OK)
    st = Dyad_lex_finish(lex);
  if (st == DYAD_OK)
    st = check_limits(lex);
  /* the gazetteer: now when a GeoNames dump is named (its errors belong
   * to the load), else on first use (Dyad_lex_gazetteer) */
  lex->gaz_no_geonames = opts && opts->no_geonames;
  if (st == DYAD_OK && opts && opts->gazetteer) {
    struct gazetteer *g = malloc(sizeof *g);
    if (!g) {
      st = DYAD_ERR_NOMEM;
    } else {
      Dyad_gaz_init(g);
      st = Dyad_gaz_build(g, opts->no_geonames, opts->gazetteer, opts->strict,
                          &lex->diags, err);
      atomic_store(&lex->gaz, g);
    }
  }
  loader_fini(&ld);
  if (st != DYAD_OK) {
    if (err && err->code == DYAD_OK)
      Dyad_error_set(err, st, "", 0, 0, "%s",
                     st == DYAD_ERR_NOMEM   ? "out of memory"
                     : st == DYAD_ERR_LIMIT ? "dictionaries exceed 2^31 "
                                              "entries or bytes"
                                            : "cannot load dictionaries");
    Dyad_lex_fini(lex);
    free(lex);
    return st;
  }
  *out = lex;
  return DYAD_OK;
}

DYAD_EXPORT void dyad_lexicon_free(dyad_lexicon *lex) {
  if (!lex)
    return;
  Dyad_lex_fini(lex);
  free(lex);
}

DYAD_EXPORT size_t dyad_lexicon_diag_count(const dyad_lexicon *lex) {
  return lex ? lex->diags.len : 0;
}

DYAD_EXPORT const dyad_error *dyad_lexicon_diag(const dyad_lexicon *lex,
                                                size_t i) {
  if (!lex || i >= lex->diags.len)
    return NULL;
  return &VEC_AT(&lex->diags, dyad_error, i);
}

static size_t vec_bytes(const struct vec *v) {
  return v->cap * v->size;
}

static size_t map_bytes(const struct u64map *m) {
  return m->cap * (sizeof(uint64_t) + sizeof(uint32_t));
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

/* Sorts ids[0..n) and returns how many distinct values it holds. */
static size_t distinct(uint32_t *ids, size_t n) {
  if (!n)
    return 0;
  qsort(ids, n, sizeof *ids, cmp_u32);
  size_t d = 1;
  for (size_t i = 1; i < n; i++)
    d += ids[i] != ids[i - 1];
  return d;
}

/* Distinct lemmas of verbs and of event nouns (a verb entry is a noun when
 * its forms are event-noun forms). Leaves the counts 0 without memory. */
static void count_lemmas(const struct dyad_lexicon *lex,
                         dyad_lexicon_stats *stats) {
  size_t nv = lex->verbs.len;
  uint8_t *noun = calloc(nv ? nv : 1, 1);
  uint32_t *vl = malloc((nv ? nv : 1) * sizeof *vl);
  uint32_t *nl = malloc((nv ? nv : 1) * sizeof *nl);
  if (noun && vl && nl) {
    for (size_t i = 0; i < lex->vforms.len; i++) {
      const struct lex_vform *f = &VEC_AT(&lex->vforms, struct lex_vform, i);
      if (f->verb < nv && (f->form & VF_NOUN))
        noun[f->verb] = 1;
    }
    size_t a = 0, b = 0;
    for (size_t i = 0; i < nv; i++) {
      uint32_t l = VEC_AT(&lex->verbs, struct lex_verb, i).lemma;
      if (noun[i])
        nl[b++] = l;
      else
        vl[a++] = l;
    }
    stats->verb_lemmas = distinct(vl, a);
    stats->noun_lemmas = distinct(nl, b);
  }
  free(noun);
  free(vl);
  free(nl);
}

static bool cameo_code(const char *c) {
  size_t n = strlen(c);
  if (n < 2 || n > 4)
    return false;
  for (size_t i = 0; i < n; i++)
    if (c[i] < '0' || c[i] > '9')
      return false;
  int r = (c[0] - '0') * 10 + (c[1] - '0');
  return r >= 1 && r <= 20;
}

/* Distinct CAMEO codes given by blocks, verbs and patterns (both codes of
 * a pair), and the roots among them. */
static void count_codes(const struct dyad_lexicon *lex,
                        dyad_lexicon_stats *stats) {
  size_t cap =
      lex->blocks.len * 2 + lex->verbs.len * 2 + lex->patterns.len * 2 + 1;
  uint32_t *ids = malloc(cap * sizeof *ids);
  if (!ids)
    return;
  size_t n = 0;
  bool roots[21] = {false};
#define ADD(id)                                                                \
  do {                                                                         \
    uint32_t id_ = (id);                                                       \
    if (id_ != LEX_NONE && cameo_code(Dyad_lex_cstr(lex, id_))) {              \
      const char *c_ = Dyad_lex_cstr(lex, id_);                                \
      ids[n++] = id_;                                                          \
      roots[(c_[0] - '0') * 10 + (c_[1] - '0')] = true;                        \
    }                                                                          \
  } while (0)
  for (size_t i = 0; i < lex->blocks.len; i++) {
    const struct lex_block *b = &VEC_AT(&lex->blocks, struct lex_block, i);
    ADD(b->code);
    ADD(b->code2);
  }
  for (size_t i = 0; i < lex->verbs.len; i++) {
    const struct lex_verb *v = &VEC_AT(&lex->verbs, struct lex_verb, i);
    ADD(v->code);
    ADD(v->code2);
  }
  for (size_t i = 0; i < lex->patterns.len; i++) {
    const struct lex_pattern *p =
        &VEC_AT(&lex->patterns, struct lex_pattern, i);
    ADD(p->code);
    ADD(p->code2);
  }
#undef ADD
  stats->event_codes = distinct(ids, n);
  for (int r = 1; r <= 20; r++)
    stats->event_roots += roots[r];
  free(ids);
}

DYAD_EXPORT void dyad_lexicon_get_stats(const dyad_lexicon *lex,
                                        dyad_lexicon_stats *stats) {
  if (!stats)
    return;
  memset(stats, 0, sizeof *stats);
  if (!lex)
    return;
  for (size_t i = 0; i < lex->hits.len; i++) {
    const struct lex_hit *h = &VEC_AT(&lex->hits, struct lex_hit, i);
    if (h->flags & LH_PLURAL)
      continue;
    if (h->kind == LK_ACTOR)
      stats->actor_phrases++;
    else if (h->kind == LK_AGENT)
      stats->agent_phrases++;
  }
  stats->actors = lex->actors.len;
  stats->verb_forms = lex->vforms.len;
  stats->verbs = lex->verbs.len;
  stats->patterns = lex->patterns.len;
  for (size_t i = 0; i < lex->alts.len; i++)
    if (VEC_AT(&lex->alts, struct lex_alt, i).name != LEX_NONE)
      stats->synsets++;
  stats->discards = lex->discards.len;
  stats->issues = lex->issues.len;
  stats->words = lex->words.len ? lex->words.len - 1 : 0;
  const struct vec *vs[] = {
      &lex->words,     &lex->nodes,    &lex->hits,      &lex->actors,
      &lex->datecodes, &lex->agents,   &lex->verbs,     &lex->vforms,
      &lex->blocks,    &lex->patterns, &lex->pat_order, &lex->pels,
      &lex->alts,      &lex->alt_opts, &lex->discards,  &lex->issues,
      &lex->times,     &lex->files,    &lex->diags};
  size_t b = sizeof *lex + lex->strings.cap;
  for (size_t i = 0; i < sizeof vs / sizeof vs[0]; i++)
    b += vec_bytes(vs[i]);
  b += map_bytes(&lex->string_map) + map_bytes(&lex->word_map) +
       map_bytes(&lex->edges) + map_bytes(&lex->synset_map);
  for (size_t i = 0; i < lex->files.len; i++)
    b += strlen(VEC_AT(&lex->files, char *, i)) + 1;
  stats->bytes = b;
  for (size_t i = 0; i < lex->datecodes.len; i++) {
    const struct lex_datecode *d =
        &VEC_AT(&lex->datecodes, struct lex_datecode, i);
    if (d->from != 0 || d->to != 99999999)
      stats->dated_codes++;
  }
  count_lemmas(lex, stats);
  count_codes(lex, stats);
}

DYAD_EXPORT const char *dyad_default_dict(void) {
  const char *e = getenv("DYAD_DICT");
  if (e && *e)
    return e;
  return DYAD_DEFAULT_DICT;
}
