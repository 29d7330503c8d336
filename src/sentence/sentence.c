/*
 * sentence.c - sentence splitting (pipeline stage "sentences").
 *
 * Works on tokens, so abbreviations, initials and decimals are already
 * settled by the tokenizer (a decimal point never becomes a period token;
 * "Gen." and "U.S." carry their period inside the word token). What is left
 * here is deciding which terminal marks end a sentence.
 */
#include "sentence.h"

#include <string.h>

static bool key_is(const struct token *t, const char *k) {
  size_t n = strlen(k);
  return t->klen == n && memcmp(t->key, k, n) == 0;
}

/* Words that commonly open a sentence; after "U.S." they signal an end. */
static bool opener(const struct token *t) {
  static const char *const w[] = {
      "THE",     "A",         "AN",        "HE",        "SHE",   "IT",
      "THEY",    "WE",        "I",         "IN",        "ON",    "AT",
      "BUT",     "THIS",      "THAT",      "THESE",     "THOSE", "HIS",
      "HER",     "ITS",       "THEIR",     "OUR",       "THERE", "AFTER",
      "BEFORE",  "WHEN",      "WHILE",     "AS",        "SINCE", "MEANWHILE",
      "HOWEVER", "AND",       "ALSO",      "ACCORDING", "LAST",  "EARLIER",
      "LATER",   "OFFICIALS", "MEANWHILE", "SOME",      "MANY",  "NO"};
  if (!(t->flags & TOK_CAP))
    return false;
  for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
    if (key_is(t, w[i]))
      return true;
  return false;
}

static bool is_title_abbr(const struct token *t) {
  static const char *const w[] = {
      "MR",   "MRS",  "MS",  "DR",  "PROF", "GEN",  "LT",   "COL",
      "MAJ",  "CAPT", "SGT", "CPL", "ADM",  "CMDR", "GOV",  "SEN",
      "REP",  "PRES", "REV", "ST",  "HON",  "AMB",  "BRIG", "SUPT",
      "INSP", "NO",   "NOS", "VS",  "GENS", "REPS", "SENS", "MESSRS",
      "JAN",  "FEB",  "MAR", "APR", "JUN",  "JUL",  "AUG",  "SEP",
      "SEPT", "OCT",  "NOV", "DEC", "MT",   "FT",   "ATTY"};
  for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
    if (key_is(t, w[i]))
      return true;
  return false;
}

static bool can_start(const struct token *t) {
  if (t->flags & TOK_PARA_BEFORE)
    return true;
  switch (t->kind) {
  case TK_WORD:
    return (t->flags & TOK_CAP) != 0;
  case TK_NUM:
  case TK_LPAREN:
  case TK_DASH:
    return true;
  case TK_QUOTE:
    return (t->flags & TOK_QUOTE_OPEN) != 0;
  default:
    return false;
  }
}

static dyad_status emit(const struct token *toks, size_t a, size_t b,
                        struct vec *out) {
  if (b <= a)
    return DYAD_OK;
  struct sentence *s = Dyad_vec_push(out);
  if (!s)
    return DYAD_ERR_NOMEM;
  s->first = (uint32_t)a;
  s->last = (uint32_t)b;
  s->start = toks[a].start;
  s->end = toks[b - 1].end;
  return DYAD_OK;
}

dyad_status Dyad_split_sentences(const struct token *toks, size_t n,
                                 size_t headline_end, struct vec *out) {
  size_t first = 0;
  bool headline_done = headline_end == 0;
  for (size_t i = 0; i < n; i++) {
    const struct token *t = &toks[i];
    if (i > first) {
      bool cut = (t->flags & TOK_PARA_BEFORE) != 0;
      if (!headline_done && t->start >= headline_end) {
        cut = true;
        headline_done = true;
      }
      if (cut) {
        TRY(emit(toks, first, i, out));
        first = i;
      }
    }
    bool end = false;
    size_t j = i + 1;
    if (t->kind == TK_PERIOD || t->kind == TK_QMARK || t->kind == TK_EXCL) {
      /* absorb closing quotes and brackets (not over the headline's end) */
      while (j < n && (headline_done || toks[j].start < headline_end) &&
             ((toks[j].kind == TK_QUOTE && !(toks[j].flags & TOK_QUOTE_OPEN)) ||
              toks[j].kind == TK_RPAREN) &&
             !(toks[j].flags & TOK_SPACE_BEFORE && toks[j].kind == TK_QUOTE &&
               j + 1 < n && !(toks[j + 1].flags & TOK_SPACE_BEFORE)))
        j++;
      end = j >= n || can_start(&toks[j]) ||
            (toks[j].kind == TK_QUOTE && (toks[j].flags & TOK_SPACE_BEFORE));
      if (t->kind == TK_PERIOD && t->klen == 3 && j < n &&
          !(toks[j].flags & TOK_CAP))
        end = false;
    } else if (t->kind == TK_WORD && (t->flags & TOK_ABBR) && j < n &&
               !(t->flags & TOK_INITIAL) && !is_title_abbr(t) &&
               t->end > t->start && opener(&toks[j])) {
      end = true;
    }
    if (end) {
      if (!headline_done && j < n && toks[j].start >= headline_end)
        headline_done = true; /* the headline ended with its own stop */
      TRY(emit(toks, first, j, out));
      first = j;
      i = j - 1;
    }
  }
  return emit(toks, first, n, out);
}
