/*
 * token.c - the tokenizer (pipeline stage "tokens").
 *
 * One pass over the text's code points. A small decoder in front of the
 * tokenizer turns wire artefacts into the characters they stand for (&lt;
 * &gt; &amp; &quot; &#NN; and the ampersand-less forms #39; quot; seen in
 * newswire feeds such as AG's news corpus) while keeping the byte span of the
 * original bytes. Word shapes follow Penn Treebank conventions for clitics
 * (PTB tokenisation guidelines: 's, n't, 'll split off) so that dictionaries
 * written for PETRARCH (tokenised text) and TABARI (raw words) fold alike.
 * Case folding and accent stripping use utf8proc (NFKD + strip marks + case
 * fold), with a small table for letters that have no decomposition.
 */
#include "token.h"

#include <string.h>
#include <utf8proc.h>

/* ---- code points with decoded artefacts -------------------------------- */

struct cp {
  int32_t c;  /* decoded code point */
  uint32_t s; /* byte span of the source bytes */
  uint32_t e;
  bool entity; /* came from an entity (&..; or #NN;) */
};

static bool is_alpha_ascii(unsigned char c) {
  return (c | 32) >= 'a' && (c | 32) <= 'z';
}

static bool is_digit(int32_t c) {
  return c >= '0' && c <= '9';
}

/* Matches a named entity at t[i..end) (after an optional '&'). */
static int32_t named_entity(const char *t, size_t i, size_t end, size_t *len) {
  static const struct {
    const char *name;
    int32_t c;
  } names[] = {{"lt;", '<'},       {"gt;", '>'},      {"amp;", '&'},
               {"quot;", '"'},     {"apos;", '\''},   {"nbsp;", ' '},
               {"mdash;", 0x2014}, {"ndash;", 0x2013}};
  for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
    size_t n = strlen(names[k].name);
    if (end - i >= n && memcmp(t + i, names[k].name, n) == 0) {
      *len = n;
      return names[k].c;
    }
  }
  return -1;
}

/* Numeric entity "#NNN;" or "#xHH;" at t[i] == '#'. */
static int32_t numeric_entity(const char *t, size_t i, size_t end,
                              size_t *len) {
  size_t j = i + 1;
  int32_t v = 0;
  int digits = 0;
  bool hex = false;
  if (j < end && (t[j] == 'x' || t[j] == 'X')) {
    hex = true;
    j++;
  }
  while (j < end && digits < 7) {
    char c = t[j];
    int d;
    if (c >= '0' && c <= '9')
      d = c - '0';
    else if (hex && (c | 32) >= 'a' && (c | 32) <= 'f')
      d = (c | 32) - 'a' + 10;
    else
      break;
    v = v * (hex ? 16 : 10) + d;
    digits++;
    j++;
  }
  if (!digits || j >= end || t[j] != ';' || v <= 0 || v > 0x10FFFF)
    return -1;
  /* Windows-1252 range used by feeds: 151 is an em dash, 146 an apostrophe */
  if (v >= 128 && v < 160) {
    static const int32_t w1252[32] = {
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x2026, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    v = w1252[v - 128];
  }
  *len = j + 1 - i;
  return v;
}

/* Decodes the code point at t[i]; handles artefacts. prev_alnum tells
 * whether the previous code point was a letter or digit (artefacts without
 * '&' are only decoded after a non-letter, so "#39;" in "Iraq #39;s"
 * decodes but "abc#39;" inside a URL-like word does not matter much). */
static size_t next_cp(const char *t, size_t i, size_t end, bool prev_alnum,
                      struct cp *out) {
  unsigned char c = (unsigned char)t[i];
  size_t len;
  out->s = (uint32_t)i;
  out->entity = false;
  if (c == '&' && i + 1 < end) {
    int32_t v = -1;
    if (t[i + 1] == '#')
      v = numeric_entity(t, i + 1, end, &len);
    else
      v = named_entity(t, i + 1, end, &len);
    if (v >= 0) {
      out->c = v;
      out->e = (uint32_t)(i + 1 + len);
      out->entity = true;
      return 1 + len;
    }
  }
  if (c == '#' && !prev_alnum) {
    int32_t v = numeric_entity(t, i, end, &len);
    if (v >= 0) {
      out->c = v;
      out->e = (uint32_t)(i + len);
      out->entity = true;
      return len;
    }
  }
  if (!prev_alnum && (c == 'q' || c == 'l' || c == 'g' || c == 'a')) {
    int32_t v = named_entity(t, i, end, &len);
    if (v >= 0 && v != ' ') {
      out->c = v;
      out->e = (uint32_t)(i + len);
      out->entity = true;
      return len;
    }
  }
  if (c < 0x80) {
    out->c = c;
    out->e = (uint32_t)(i + 1);
    return 1;
  }
  out->c = Dyad_utf8_decode((const unsigned char *)t + i, end - i, &len);
  out->e = (uint32_t)(i + len);
  return len;
}

/* ---- character classes and folding ------------------------------------- */

static bool is_space(int32_t c) {
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
      c == '\v' || c == '\\')
    return true; /* a stray backslash is a feed escape artefact */
  if (c < 0x20 || c == 0x7f)
    return true; /* other control characters (NUL ...) separate words */
  if (c < 0x80)
    return false;
  utf8proc_category_t cat = utf8proc_category(c);
  return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
         cat == UTF8PROC_CATEGORY_ZP || c == 0xFEFF || c == 0x200B;
}

static bool is_wordch(int32_t c) {
  if (c < 0x80)
    return is_alpha_ascii((unsigned char)c) || is_digit(c);
  utf8proc_category_t cat = utf8proc_category(c);
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
         (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME) ||
         cat == UTF8PROC_CATEGORY_ND;
}

static bool is_upper(int32_t c) {
  if (c < 0x80)
    return c >= 'A' && c <= 'Z';
  return utf8proc_category(c) == UTF8PROC_CATEGORY_LU ||
         utf8proc_category(c) == UTF8PROC_CATEGORY_LT;
}

static bool is_lower(int32_t c) {
  if (c < 0x80)
    return c >= 'a' && c <= 'z';
  return utf8proc_category(c) == UTF8PROC_CATEGORY_LL;
}

static bool is_apostrophe(int32_t c) {
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC ||
         c == 0x2032 || c == 0x0060 || c == 0x00B4;
}

static bool is_dquote(int32_t c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB ||
         c == 0x00BB || c == 0x2033 || c == 0x201F;
}

static bool is_dash(int32_t c) {
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 ||
         c == 0x2014 || c == 0x2015 || c == 0x2212;
}

/* Appends the folded form of c to dst (room for at least 16 bytes). */
static size_t fold_cp(int32_t c, char *dst) {
  if (c < 0x80) {
    dst[0] = (char)((c >= 'a' && c <= 'z') ? c - 32 : c);
    return 1;
  }
  switch (c) {
  case 0x0141:
  case 0x0142:
    dst[0] = 'L';
    return 1; /* Ł ł */
  case 0x0110:
  case 0x0111:
    dst[0] = 'D';
    return 1; /* Đ đ */
  case 0x00D8:
  case 0x00F8:
    dst[0] = 'O';
    return 1; /* Ø ø */
  case 0x0131:
    dst[0] = 'I';
    return 1; /* ı */
  case 0x00DF:
    memcpy(dst, "SS", 2);
    return 2; /* ß */
  case 0x00C6:
  case 0x00E6:
    memcpy(dst, "AE", 2);
    return 2; /* Æ æ */
  case 0x0152:
  case 0x0153:
    memcpy(dst, "OE", 2);
    return 2; /* Œ œ */
  case 0x00DE:
  case 0x00FE:
    memcpy(dst, "TH", 2);
    return 2; /* Þ þ */
  case 0x00D0:
  case 0x00F0:
    dst[0] = 'D';
    return 1; /* Ð ð */
  default:
    break;
  }
  if (is_apostrophe(c)) {
    dst[0] = '\'';
    return 1;
  }
  if (is_dquote(c)) {
    dst[0] = '"';
    return 1;
  }
  if (is_dash(c)) {
    dst[0] = '-';
    return 1;
  }
  utf8proc_int32_t buf[8];
  int last = 0;
  utf8proc_ssize_t n =
      utf8proc_decompose_char(c, buf, 8,
                              UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
                                  UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD,
                              &last);
  if (n <= 0 || n > 8) {
    dst[0] = '?';
    return 1;
  }
  size_t k = 0;
  for (utf8proc_ssize_t i = 0; i < n && k < 12; i++) {
    int32_t d = buf[i];
    if (d < 0x80) {
      dst[k++] = (char)((d >= 'a' && d <= 'z') ? d - 32 : d);
    } else {
      /* non-Latin letters keep their case-folded form */
      utf8proc_ssize_t w = utf8proc_encode_char(d, (utf8proc_uint8_t *)dst + k);
      if (w <= 0)
        dst[k++] = '?';
      else
        k += (size_t)w;
    }
  }
  return k;
}

/* ---- abbreviations ------------------------------------------------------ */

/* Words that take a period without ending a sentence (titles, months,
 * common newswire abbreviations). Upper-case keys. */
static const char *const ABBREVS[] = {
    "MR",     "MRS",  "MS",   "DR",   "PROF",   "GEN",  "LT",   "COL",  "MAJ",
    "CAPT",   "SGT",  "CPL",  "ADM",  "CMDR",   "GOV",  "SEN",  "REP",  "PRES",
    "REV",    "ST",   "SR",   "JR",   "GOVT",   "DEPT", "JAN",  "FEB",  "MAR",
    "APR",    "JUN",  "JUL",  "AUG",  "SEP",    "SEPT", "OCT",  "NOV",  "DEC",
    "NO",     "NOS",  "VS",   "ETC",  "INC",    "CORP", "LTD",  "CO",   "BROS",
    "MT",     "FT",   "AVE",  "BLVD", "APPROX", "EST",  "VOL",  "FIG",  "ESQ",
    "HON",    "AMB",  "ATTY", "SUPT", "INSP",   "BRIG", "GENS", "REPS", "SENS",
    "MESSRS", "U",    "E.G",  "I.E",  "AL",     "PP",   "CF",   "ARK",  "CALIF",
    "CONN",   "FLA",  "ILL",  "KAN",  "MASS",   "MICH", "MINN", "MISS", "NEB",
    "NEV",    "OKLA", "ORE",  "PA",   "TENN",   "TEX",  "VA",   "WASH", "WIS",
    "WYO",    "COLO", "DEL",  "GA",   "IND",    "KY",   "LA",   "MD",   "MO",
    "MONT",   "VT",   "ARIZ", "ALA"};

bool Dyad_is_abbreviation(const char *key, size_t n) {
  if (n == 0 || n > 6)
    return false; /* the longest is "APPROX" */
  for (size_t i = 0; i < sizeof ABBREVS / sizeof ABBREVS[0]; i++) {
    if (ABBREVS[i][0] == key[0] && strlen(ABBREVS[i]) == n &&
        memcmp(ABBREVS[i], key, n) == 0)
      return true;
  }
  return false;
}

/* ---- tokenizer --------------------------------------------------------- */

struct tz {
  const char *t;
  size_t end;
  struct arena *a;
  struct vec *out;
  struct cp *cps; /* decoded code points of the whole range */
  size_t n;       /* number of code points */
};

static dyad_status push_tok(struct tz *z, uint8_t kind, uint32_t s, uint32_t e,
                            const char *key, size_t klen, uint16_t flags) {
  struct token *tk = Dyad_vec_push(z->out);
  if (!tk)
    return DYAD_ERR_NOMEM;
  if (klen > TOK_MAX_KEY) {
    klen = TOK_MAX_KEY;
    flags |= TOK_CUT;
  }
  char *k = Dyad_arena_strndup(z->a, key, klen);
  if (!k)
    return DYAD_ERR_NOMEM;
  tk->start = s;
  tk->end = e;
  tk->key = k;
  tk->klen = (uint16_t)klen;
  tk->flags = flags;
  tk->kind = kind;
  return DYAD_OK;
}

/* Folds code points cps[a..b) into key; drops periods when `dots` is set
 * (for U.S.-style abbreviations). Returns the length. */
static size_t fold_range(struct tz *z, size_t a, size_t b, char *key,
                         size_t cap, bool dots) {
  size_t k = 0;
  for (size_t i = a; i < b && k + 16 < cap; i++) {
    int32_t c = z->cps[i].c;
    if (c < 0x80) { /* the common case, without a call */
      if (dots && c == '.')
        continue;
      key[k++] = (char)((c >= 'a' && c <= 'z') ? c - 32 : c);
      continue;
    }
    k += fold_cp(c, key + k);
  }
  return k;
}

/* Skips an HTML tag starting at cps[i] == '<'. Returns the index after it,
 * or i when it is not a tag. */
static size_t skip_tag(struct tz *z, size_t i) {
  size_t j = i + 1;
  if (j < z->n && z->cps[j].c == '/')
    j++;
  if (j >= z->n ||
      !(z->cps[j].c < 0x80 && is_alpha_ascii((unsigned char)z->cps[j].c)))
    return i;
  for (size_t k = j; k < z->n && k < i + 400; k++) {
    if (z->cps[k].c == '>')
      return k + 1;
    if (z->cps[k].c == '<' || z->cps[k].c == '\n')
      return i;
  }
  return i;
}

static bool clitic_at(struct tz *z, size_t i, size_t *len, bool *poss) {
  /* cps[i] is an apostrophe; see what follows */
  static const char *const cl[] = {"S", "LL", "RE", "VE", "D", "M"};
  char buf[8];
  size_t k = 0, j = i + 1;
  while (j < z->n && k < 3 && is_wordch(z->cps[j].c)) {
    int32_t c = z->cps[j].c;
    if (c >= 0x80)
      return false;
    buf[k++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
    j++;
  }
  if (j < z->n && is_wordch(z->cps[j].c))
    return false;
  for (size_t m = 0; m < sizeof cl / sizeof cl[0]; m++) {
    if (strlen(cl[m]) == k && memcmp(cl[m], buf, k) == 0) {
      *len = k + 1;
      *poss = (k == 1 && buf[0] == 'S');
      return true;
    }
  }
  return false;
}

dyad_status Dyad_tokenize(const char *text, size_t start, size_t end,
                          struct arena *a, struct vec *out) {
  struct tz z = {text, end, a, out, NULL, 0};
  if (end <= start)
    return DYAD_OK;
  z.cps = Dyad_arena_alloc(a, (end - start) * sizeof *z.cps);
  if (!z.cps)
    return DYAD_ERR_NOMEM;
  bool prev_alnum = false;
  for (size_t i = start; i < end;) {
    struct cp *c = &z.cps[z.n++];
    i += next_cp(text, i, end, prev_alnum, c);
    prev_alnum = c->c < 0x80
                     ? (is_alpha_ascii((unsigned char)c->c) || is_digit(c->c))
                     : is_wordch(c->c);
  }

  char key[TOK_MAX_KEY * 4 + 32];
  uint16_t pending = 0; /* flags for the next token */
  int newlines = 0;
  size_t i = 0;
  while (i < z.n) {
    int32_t c = z.cps[i].c;
    if (is_space(c)) {
      /* LF, CRLF (counted at its LF) and a lone CR end a line */
      if (c == '\n' || (c == '\r' && (i + 1 >= z.n || z.cps[i + 1].c != '\n'))) {
        newlines++;
        pending |= TOK_NEWLINE_BEFORE;
        if (newlines >= 2)
          pending |= TOK_PARA_BEFORE;
      }
      pending |= TOK_SPACE_BEFORE;
      pending &= (uint16_t)~TOK_HYPHEN_BEFORE;
      i++;
      continue;
    }
    if (c != '\r')
      newlines = 0;
    if (c == '<') {
      size_t j = skip_tag(&z, i);
      if (j != i) {
        i = j;
        pending |= TOK_SPACE_BEFORE;
        continue;
      }
    }
    /* a combining mark with no letter before it marks nothing */
    if (c >= 0x300 && utf8proc_category(c) == UTF8PROC_CATEGORY_MN) {
      i++;
      continue;
    }
    uint16_t fl = pending;
    pending = 0;

    if (is_wordch(c) && utf8proc_category(c) != UTF8PROC_CATEGORY_MN) {
      size_t j = i;
      bool all_digit = true, dots = false;
      int letters = 0, uppers = 0;
      while (j < z.n) {
        int32_t d = z.cps[j].c;
        /* ASCII letters, the common case */
        if ((d | 32) >= 'a' && (d | 32) <= 'z') {
          all_digit = false;
          letters++;
          uppers += d <= 'Z';
          j++;
          continue;
        }
        if (is_wordch(d)) {
          if (!is_digit(d))
            all_digit = false;
          if (is_upper(d) || is_lower(d)) {
            letters++;
            if (is_upper(d))
              uppers++;
          }
          j++;
          continue;
        }
        /* number separators: 13,000  1.2 */
        if ((d == ',' || d == '.') && all_digit && j + 1 < z.n &&
            is_digit(z.cps[j + 1].c) && j > i) {
          j++;
          continue;
        }
        /* U.S. U.N. e.g.: single letter + '.' + letter */
        if (d == '.' && j + 2 < z.n && !all_digit &&
            is_wordch(z.cps[j + 1].c) && (z.cps[j + 2].c == '.') &&
            j - i <= 2) {
          dots = true;
          j += 2;
          continue;
        }
        if (d == '.' && dots && j + 1 < z.n && is_wordch(z.cps[j + 1].c) &&
            j + 2 <= z.n) {
          j++;
          continue;
        }
        /* apostrophe inside a word: O'Brien, d'Ivoire; clitics split */
        if (is_apostrophe(d) && j + 1 < z.n && is_wordch(z.cps[j + 1].c)) {
          size_t clen;
          bool poss;
          if (clitic_at(&z, j, &clen, &poss))
            break;
          /* n't: the n belongs to the clitic */
          if (j + 1 < z.n && (z.cps[j + 1].c == 't' || z.cps[j + 1].c == 'T') &&
              j > i && (z.cps[j - 1].c == 'n' || z.cps[j - 1].c == 'N') &&
              (j + 2 >= z.n || !is_wordch(z.cps[j + 2].c)))
            break;
          j++;
          continue;
        }
        break;
      }
      /* n't split: word ends in n + apostrophe + t */
      size_t wend = j;
      bool nt = false;
      if (j + 1 < z.n && is_apostrophe(z.cps[j].c) &&
          (z.cps[j + 1].c == 't' || z.cps[j + 1].c == 'T') && wend - i >= 2 &&
          (z.cps[j - 1].c == 'n' || z.cps[j - 1].c == 'N') &&
          (j + 2 >= z.n || !is_wordch(z.cps[j + 2].c))) {
        nt = true;
        wend = j - 1;
      }
      /* trailing absorbed period: abbreviation, initial, or dotted form */
      bool absorbed = false;
      if (wend == j && j < z.n && z.cps[j].c == '.' && !all_digit) {
        size_t kl = fold_range(&z, i, wend, key, sizeof key, true);
        bool initial = letters == 1 && uppers == 1 && wend - i == 1;
        bool abbr = Dyad_is_abbreviation(key, kl);
        if (abbr && ((kl == 2 && memcmp(key, "NO", 2) == 0) ||
                     (kl == 3 && memcmp(key, "NOS", 3) == 0))) {
          /* "No. 5" is an abbreviation, "said no." is not */
          size_t m = j + 1;
          while (m < z.n && is_space(z.cps[m].c))
            m++;
          abbr = m < z.n && is_digit(z.cps[m].c);
        }
        if (dots || initial || abbr) {
          absorbed = true;
          if (initial)
            fl |= TOK_INITIAL;
        }
      }
      size_t kl = fold_range(&z, i, wend, key, sizeof key, dots);
      if (uppers && uppers == letters && letters >= 2)
        fl |= TOK_ALLCAPS;
      if (letters && is_upper(z.cps[i].c))
        fl |= TOK_CAP;
      if (dots || absorbed)
        fl |= TOK_ABBR;
      uint32_t e = absorbed ? z.cps[j].e : z.cps[wend - 1].e;
      TRY(push_tok(&z, all_digit ? TK_NUM : TK_WORD, z.cps[i].s, e, key, kl,
                   fl));
      i = absorbed ? j + 1 : wend;
      if (nt) {
        TRY(push_tok(&z, TK_CLITIC, z.cps[wend].s, z.cps[j + 1].e, "N'T", 3,
                     0));
        i = j + 2;
      }
      /* hyphen joining two words */
      if (i + 1 < z.n && is_dash(z.cps[i].c) && z.cps[i].c != 0x2014 &&
          z.cps[i].c != 0x2013 && is_wordch(z.cps[i + 1].c)) {
        pending |= TOK_HYPHEN_BEFORE;
        i++;
      }
      continue;
    }

    if (is_apostrophe(c)) {
      size_t clen;
      bool poss;
      struct token *prev =
          out->len ? &VEC_AT(out, struct token, out->len - 1) : NULL;
      bool after_word = prev && (prev->kind == TK_WORD || prev->kind == TK_NUM);
      bool attached = !(fl & TOK_SPACE_BEFORE) || z.cps[i].entity;
      if (after_word && attached && clitic_at(&z, i, &clen, &poss)) {
        size_t kl = fold_range(&z, i, i + clen, key, sizeof key, false);
        key[0] = '\'';
        TRY(push_tok(&z, poss ? TK_POSS : TK_CLITIC, z.cps[i].s,
                     z.cps[i + clen - 1].e, key, kl, fl));
        i += clen;
        continue;
      }
      /* a wire entity set off by a space inside a negation: "won #39;t",
       * "don #39;t" -> WO N'T, DO N'T, as if written "won't" */
      if (after_word && attached && prev->kind == TK_WORD && prev->klen >= 2 &&
          prev->key[prev->klen - 1] == 'N' && i + 1 < z.n &&
          (z.cps[i + 1].c == 't' || z.cps[i + 1].c == 'T') &&
          (i + 2 >= z.n || !is_wordch(z.cps[i + 2].c)) &&
          (unsigned char)text[prev->end - 1] < 0x80) {
        char *pk = (char *)prev->key; /* ours: in the arena */
        prev->klen--;
        pk[prev->klen] = '\0';
        prev->end--; /* the 'n' (one byte) goes to the clitic */
        TRY(push_tok(&z, TK_CLITIC, prev->end, z.cps[i + 1].e, "N'T", 3, 0));
        i += 2;
        continue;
      }
      /* plural possessive: rebels' */
      if (after_word && !(fl & TOK_SPACE_BEFORE) && prev->klen > 1 &&
          prev->key[prev->klen - 1] == 'S' &&
          (i + 1 >= z.n || !is_wordch(z.cps[i + 1].c))) {
        TRY(push_tok(&z, TK_POSS, z.cps[i].s, z.cps[i].e, "'", 1, fl));
        i++;
        continue;
      }
      /* otherwise a single quote mark */
      bool open = (fl & TOK_SPACE_BEFORE) || !prev;
      TRY(push_tok(&z, TK_QUOTE, z.cps[i].s, z.cps[i].e, "'", 1,
                   fl | (open ? TOK_QUOTE_OPEN : TOK_QUOTE_CLOSE)));
      i++;
      continue;
    }
    if (is_dquote(c)) {
      bool open;
      if (c == 0x201C || c == 0x00AB || c == 0x201E)
        open = true;
      else if (c == 0x201D || c == 0x00BB)
        open = false;
      else
        open = (fl & TOK_SPACE_BEFORE) || out->len == 0 ||
               VEC_AT(out, struct token, out->len - 1).kind == TK_LPAREN;
      TRY(push_tok(&z, TK_QUOTE, z.cps[i].s, z.cps[i].e, "\"", 1,
                   fl | (open ? TOK_QUOTE_OPEN : TOK_QUOTE_CLOSE)));
      i++;
      continue;
    }
    if (is_dash(c)) {
      size_t j = i;
      while (j < z.n && is_dash(z.cps[j].c))
        j++;
      TRY(push_tok(&z, TK_DASH, z.cps[i].s, z.cps[j - 1].e, "-", 1, fl));
      i = j;
      continue;
    }
    uint8_t kind = TK_SYM;
    const char *k = NULL;
    switch (c) {
    case ',':
    case 0x3001:
    case 0xFF0C:
      kind = TK_COMMA;
      k = ",";
      break;
    case '.':
    case 0x3002:
      kind = TK_PERIOD;
      k = ".";
      break;
    case 0x2026:
      kind = TK_PERIOD;
      k = "...";
      break;
    case '?':
      kind = TK_QMARK;
      k = "?";
      break;
    case '!':
      kind = TK_EXCL;
      k = "!";
      break;
    case ':':
      kind = TK_COLON;
      k = ":";
      break;
    case ';':
      kind = TK_SEMI;
      k = ";";
      break;
    case '(':
    case '[':
    case '{':
      kind = TK_LPAREN;
      k = "(";
      break;
    case ')':
    case ']':
    case '}':
      kind = TK_RPAREN;
      k = ")";
      break;
    default:
      break;
    }
    if (kind == TK_PERIOD && k[1] == '\0') {
      /* "..." as one period token */
      size_t j = i;
      while (j < z.n && z.cps[j].c == '.')
        j++;
      if (j - i > 1) {
        TRY(push_tok(&z, TK_PERIOD, z.cps[i].s, z.cps[j - 1].e, "...", 3, fl));
        i = j;
        continue;
      }
    }
    if (kind != TK_SYM) {
      TRY(push_tok(&z, kind, z.cps[i].s, z.cps[i].e, k, strlen(k), fl));
    } else {
      size_t kl = fold_cp(c, key);
      TRY(push_tok(&z, TK_SYM, z.cps[i].s, z.cps[i].e, key, kl, fl));
    }
    i++;
  }
  return DYAD_OK;
}

size_t Dyad_fold_word(const char *s, size_t n, char *dst, size_t cap) {
  size_t k = 0, i = 0;
  char tmp[16];
  while (i < n) {
    size_t len;
    int32_t c = Dyad_utf8_decode((const unsigned char *)s + i, n - i, &len);
    i += len;
    size_t m = fold_cp(c, tmp);
    if (k + m >= cap)
      break;
    memcpy(dst + k, tmp, m);
    k += m;
  }
  if (cap)
    dst[k < cap ? k : cap - 1] = '\0';
  return k;
}
