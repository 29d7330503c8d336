/*
 * token.h - tokens with folded match keys and byte spans.
 *
 * Takes: UTF-8 text (a story, or a dictionary phrase). Gives: an array of
 * tokens, each with its byte span in the original text and a folded key:
 * upper case, accents stripped (NFKD, marks removed, via utf8proc), curly
 * quotes and dashes made ASCII, wire artefacts (&lt; #39; quot; #151;)
 * decoded and HTML tags dropped. Possessive 's and the clitics n't 'll 're
 * 've 'd 'm are split off as in Penn Treebank tokenisation, so dictionary
 * phrases written either way ("DIDN'T", "DID N'T") give the same keys.
 * Intra-word hyphens ("al-Qaeda") give two words, the second flagged
 * TOK_HYPHEN_BEFORE, so AL-QAEDA, AL_QAEDA and AL QAEDA all match.
 */
#ifndef DYAD_TOKEN_H
#define DYAD_TOKEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/util.h"

enum tok_kind {
  TK_WORD = 1, /* letters (and digits inside words) */
  TK_NUM,      /* 13,000  1.2  2020 */
  TK_COMMA,
  TK_PERIOD, /* . (sentence end candidate) */
  TK_QMARK,  /* ? */
  TK_EXCL,   /* ! */
  TK_COLON,
  TK_SEMI,
  TK_QUOTE,  /* " “ ” « » and quote-like ' ‘ ’ */
  TK_LPAREN, /* ( [ { */
  TK_RPAREN, /* ) ] } */
  TK_DASH,   /* a free-standing dash: - – — */
  TK_POSS,   /* 's or ' after a plural */
  TK_CLITIC, /* n't 'll 're 've 'd 'm */
  TK_SYM,    /* any other symbol: $ % & / ... */
};

enum tok_flag {
  TOK_CAP = 1 << 0,            /* first letter upper case */
  TOK_ALLCAPS = 1 << 1,        /* every letter upper case (and >= 2 letters) */
  TOK_ABBR = 1 << 2,           /* a period was absorbed: U.S. Gen. J. */
  TOK_HYPHEN_BEFORE = 1 << 3,  /* joined to the previous word by a hyphen */
  TOK_NEWLINE_BEFORE = 1 << 4, /* a line break precedes the token */
  TOK_PARA_BEFORE = 1 << 5,    /* a blank line precedes the token */
  TOK_QUOTE_OPEN = 1 << 6,     /* TK_QUOTE that opens */
  TOK_QUOTE_CLOSE = 1 << 7,    /* TK_QUOTE that closes */
  TOK_SPACE_BEFORE = 1 << 8,   /* white space precedes the token */
  TOK_INITIAL = 1 << 9,        /* a single capital letter with a period */
  TOK_CUT = 1 << 10,           /* key cut to TOK_MAX_KEY bytes */
};

struct token {
  uint32_t start, end; /* byte span in the text, half-open */
  const char *key;     /* folded key, NUL-terminated (arena or static) */
  uint16_t klen;       /* key length in bytes */
  uint16_t flags;      /* enum tok_flag */
  uint8_t kind;        /* enum tok_kind */
  uint8_t fc;          /* function class, set by the parse stage */
  uint16_t pad;
  uint32_t wid; /* lexicon word id, 0 = unknown; set by match */
};

/* Hard limits (STYLE §3): a token key over this many bytes is cut to it
 * and flagged TOK_CUT (dyad_code then warns with DYAD_ERR_LIMIT). */
#define TOK_MAX_KEY 256

/*
 * Tokenises text[start..end) and appends to `out` (a vec of struct token).
 * Keys are allocated in `a`. Returns DYAD_ERR_NOMEM or DYAD_OK. Invalid
 * UTF-8 is not checked here (readers check it); bad bytes fold to '?'.
 */
dyad_status Dyad_tokenize(const char *text, size_t start, size_t end,
                          struct arena *a, struct vec *out) DYAD_WUR;

/*
 * Folds one word (no spaces) to its key into `dst` (capacity `cap`),
 * returns the key length. Used for dictionary words given without context.
 */
size_t Dyad_fold_word(const char *s, size_t n, char *dst, size_t cap);

/* True when the key is an English abbreviation that takes a period
 * (Gen, Mr, Jan, No, ...). */
bool Dyad_is_abbreviation(const char *key, size_t n);

#endif
