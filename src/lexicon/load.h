/*
 * load.h - the machinery shared by the dictionary loaders (private to
 * src/lexicon: load.c, load_petrarch.c, load_tabari.c, pattern.c).
 *
 * Takes: paths of PETRARCH and TABARI dictionary files. Gives: entries added
 * to a `struct dyad_lexicon` under construction. Synonym sets and verb
 * patterns are kept as text while the files are read and compiled once every
 * file has been read (Dyad_ld_compile), because a pattern may use a synonym
 * set defined later in the same file or in another file, and because a set
 * name written with '_' ("&TIETYPES_MEMOS") can only be split once every set
 * name is known.
 */
#ifndef DYAD_LEXICON_LOAD_H
#define DYAD_LEXICON_LOAD_H

#include "lexicon.h"

/* Hard limits on dictionary entries (STYLE §3). */
#define LD_MAX_WORDS 64               /* words (tokens) in one phrase */
#define LD_STR_(x) #x
#define LD_STR(x) LD_STR_(x)
/* What a phrase over LD_MAX_WORDS is called in diagnostics. */
#define LD_TOO_LONG "too long (over " LD_STR(LD_MAX_WORDS) " words)"
#define LD_MAX_FILE ((size_t)1 << 31) /* bytes in one dictionary file */
#define LD_MAX_DEPTH 8                /* nesting of { } in a pattern */
#define LD_MAX_VARIANTS 256 /* expansions of one agent or issue line */

/* How a synonym-set member is read (patterns are always TABARI syntax). */
enum ld_dialect {
  LD_TABARI = 0,   /* TABARI: blank = words may come between */
  LD_PETRARCH = 1, /* PETRARCH: the words of a member are consecutive */
};

/* One dictionary file in memory, read line by line. */
struct ld_file {
  char *data; /* whole file (malloc'd) */
  size_t len;
  size_t pos;     /* start of the next line */
  unsigned no;    /* number of the line last returned (1-based) */
  uint32_t fidx;  /* index in lex->files */
  struct buf fix; /* the current line with Latin-1 bytes made UTF-8 */
  unsigned latin1, latin1_line; /* lines read as Latin-1, the first one */
  bool at_end;                  /* the end was reached (and reported) */
};

/* A line: bytes s[0..n), no line terminator; no = 1-based line number. */
struct ld_line {
  const char *s;
  size_t n;
  unsigned no;
};

/* A phrase folded to word ids. */
struct ld_phrase {
  uint32_t wids[LD_MAX_WORDS];
  size_t n;
  bool exact; /* written with a trailing '_' or '=' */
  bool noend; /* written with a trailing '=' (TABARI: no endings) */
};

/* What a verb line says (PETRARCH block members, TABARI roots, event
 * nouns). Strings are slices of the line. */
struct ld_verbdef {
  const char *text; /* the phrase, '+' marking the inflected word */
  size_t n;
  const char *forms; /* inside "{...}" (may be empty), or NULL */
  size_t nforms;
  uint32_t block;
  uint32_t code, code2, flags; /* own code (LEX_NONE: the block's) */
  bool noun;   /* an event noun: singular + plural, no verb endings */
  bool tabari; /* TABARI root: '_' keeps endings, '{...}' adds forms */
  struct lex_src src;
};

/* Loading state: one per dyad_lexicon_load call. */
struct loader {
  struct dyad_lexicon *lex;
  bool strict;
  dyad_error *err;
  /* WordNet verb.exc, loaded when the first verb is read */
  const char *exc_path;
  bool exc_required; /* given in the options: missing is an error */
  bool exc_tried;
  struct verb_exc *exc;
  /* deferred synonym sets and patterns (compiled by Dyad_ld_compile) */
  struct buf text; /* their texts */
  struct vec psyn; /* struct ld_psyn */
  struct vec pmem; /* struct ld_pmem */
  struct vec ppat; /* struct ld_ppat */
  /* scratch */
  struct arena arena; /* tokenizer keys; reset after each word */
  struct vec toks;    /* struct token */
  struct vec spels;   /* struct lex_pel: sequences being compiled */
  struct vec sopts;   /* struct lex_altopt: options being collected */
  /* the last verb read, for a TABARI "{ FORMS }" line after its root */
  uint32_t last_verb;
  size_t last_nwords, last_head;
  bool last_exact;
  /* counts for dyad_lexicon_get_stats */
  size_t actor_phrases, agent_phrases;
};

struct ld_psyn {
  uint32_t alt;   /* alternative group reserved for the set */
  uint32_t first; /* first member (index in pmem), LEX_NONE if none */
  uint32_t last;
  uint8_t dialect;
  bool exact; /* name written with a trailing '_': members exact */
  struct lex_src src;
};

struct ld_pmem {
  uint32_t off, len; /* text in ld->text */
  uint32_t next;     /* next member of the same set, LEX_NONE ends */
  struct lex_src src;
};

struct ld_ppat {
  uint32_t off, len; /* text in ld->text (after the leading '-') */
  uint32_t block;
  uint32_t flags; /* PF_NOUN for event-noun patterns */
  struct lex_src src;
};

/* ---- load.c: files, lines, diagnostics --------------------------------- */

/* Reads `path` into `f` and registers it. DYAD_ERR_IO (err names the file),
 * DYAD_ERR_LIMIT (over 2 GiB) or DYAD_ERR_NOMEM. */
dyad_status Dyad_ld_open(struct loader *ld, const char *path,
                         struct ld_file *f) DYAD_WUR;
void Dyad_ld_close(struct ld_file *f);
/* Next line into *ln; *got false at the end. A line with bytes that are
 * neither UTF-8 nor Latin-1 letters (NUL, C1 controls) is reported and
 * skipped; Latin-1 bytes are converted to UTF-8. A leading BOM is skipped. */
dyad_status Dyad_ld_line(struct loader *ld, struct ld_file *f,
                         struct ld_line *ln, bool *got) DYAD_WUR;

/* A malformed entry: recorded as a diagnostic; with `strict` also written
 * to the caller's error and DYAD_ERR_PARSE returned. */
dyad_status Dyad_ld_bad(struct loader *ld, uint32_t file, unsigned line,
                        const char *fmt, ...) DYAD_PRINTF(4, 5) DYAD_WUR;
/* The same at a known 1-based column of the line. */
dyad_status Dyad_ld_bad_at(struct loader *ld, uint32_t file, unsigned line,
                           unsigned col, const char *fmt, ...)
    DYAD_PRINTF(5, 6) DYAD_WUR;
/* An unsupported construct: recorded, never fatal. */
dyad_status Dyad_ld_note(struct loader *ld, uint32_t file, unsigned line,
                         const char *fmt, ...) DYAD_PRINTF(4, 5) DYAD_WUR;

/* ---- load.c: text helpers ---------------------------------------------- */

/* Removes a comment: from the first of `chars` outside "[...]" to the end.
 * Returns the new length (trailing blanks removed too). */
size_t Dyad_ld_uncomment(const char *s, size_t n, const char *chars);
/* Trims blanks (space, tab, CR, FF, VT) at both ends of s[0..*n). */
const char *Dyad_ld_trim(const char *s, size_t *n);
bool Dyad_ld_blank(char c);
/* Case-insensitive prefix test. */
bool Dyad_ld_prefix(const char *s, size_t n, const char *prefix);
/* Bytes of s[0..n) to quote in a message: at most 60, whole UTF-8 chars. */
int Dyad_ld_snip(const char *s, size_t n);

/* Folds a phrase: words split at blanks and '_', each word tokenised as
 * story text is. DYAD_ERR_PARSE (empty), DYAD_ERR_LIMIT (too many words) or
 * DYAD_ERR_NOMEM. `starts` (may be NULL, LD_MAX_WORDS + 1 entries) gets the
 * index of the first token of each written word. */
dyad_status Dyad_ld_phrase(struct loader *ld, const char *s, size_t n,
                           struct ld_phrase *ph, size_t *starts,
                           size_t *nwritten) DYAD_WUR;
/* Folds one written word (no blanks, no '_') and appends its word ids to
 * wids[*n..cap). */
dyad_status Dyad_ld_word(struct loader *ld, const char *s, size_t n,
                         uint32_t *wids, size_t *nw, size_t cap) DYAD_WUR;

/* Regular English plural of an upper-case word into out (cap bytes):
 * +S, consonant+Y -> IES, S/X/Z/CH/SH -> ES. Returns its length, 0 when the
 * word takes none (it does not end in a letter, or is too long). */
size_t Dyad_ld_plural(const char *w, size_t n, char *out, size_t cap);

/* Parses a verb or pattern code (the text inside "[...]"): "070",
 * "042:043", ":173", "031!", "025?", "---", "###", "+++", "075A", "+3".
 * Returns false when malformed. */
bool Dyad_ld_code(struct loader *ld, const char *s, size_t n, uint32_t *code,
                  uint32_t *code2, uint32_t *flags, dyad_status *st);

/* ---- load.c: entries ---------------------------------------------------- */

/* Loads WordNet's verb.exc once (absent: regular rules only, unless the
 * caller named the file). */
dyad_status Dyad_ld_need_exc(struct loader *ld) DYAD_WUR;
/* Adds a block; *idx gets its index. */
dyad_status Dyad_ld_block(struct loader *ld, const char *name, size_t n,
                          uint32_t code, uint32_t code2, uint32_t flags,
                          struct lex_src src, uint32_t *idx) DYAD_WUR;
/* Adds a verb (or event noun) and all its forms. A malformed phrase is
 * reported (Dyad_ld_bad) and skipped. */
dyad_status Dyad_ld_verb(struct loader *ld,
                         const struct ld_verbdef *d) DYAD_WUR;
/* Adds the forms of a TABARI "{ FORM FORM }" line to the last verb. */
dyad_status Dyad_ld_verb_forms(struct loader *ld, const char *s, size_t n,
                               struct lex_src src) DYAD_WUR;

/* Starts a synonym set "&NAME" (a set defined twice gets the members of
 * both); members follow with Dyad_ld_member. *syn gets its index. */
dyad_status Dyad_ld_synset(struct loader *ld, const char *name, size_t n,
                           uint8_t dialect, struct lex_src src,
                           uint32_t *syn) DYAD_WUR;
dyad_status Dyad_ld_member(struct loader *ld, uint32_t syn, const char *s,
                           size_t n, struct lex_src src) DYAD_WUR;
/* Keeps a pattern line (text after the leading '-') for compilation. */
dyad_status Dyad_ld_pattern(struct loader *ld, uint32_t block, const char *s,
                            size_t n, uint32_t flags,
                            struct lex_src src) DYAD_WUR;

/* ---- pattern.c ----------------------------------------------------------- */

/* The alternative group of a synonym set by name (case-insensitive, without
 * '&'), or LEX_NONE. */
uint32_t Dyad_ld_find_synset(const struct dyad_lexicon *lex, const char *name,
                             size_t n);
/* Registers a set name for its alternative group. */
dyad_status Dyad_ld_name_synset(struct dyad_lexicon *lex, const char *name,
                                size_t n, uint32_t alt) DYAD_WUR;
/* Compiles every kept synonym set and pattern. */
dyad_status Dyad_ld_compile(struct loader *ld) DYAD_WUR;

/* ---- load_petrarch.c ------------------------------------------------------
 */

dyad_status Dyad_ld_petrarch_config(struct loader *ld,
                                    const char *path) DYAD_WUR;
dyad_status Dyad_ld_petrarch_actors(struct loader *ld,
                                    const char *path) DYAD_WUR;
dyad_status Dyad_ld_petrarch_agents(struct loader *ld,
                                    const char *path) DYAD_WUR;
dyad_status Dyad_ld_petrarch_verbs(struct loader *ld, const char *path,
                                   bool nouns) DYAD_WUR;
dyad_status Dyad_ld_petrarch_discards(struct loader *ld,
                                      const char *path) DYAD_WUR;
dyad_status Dyad_ld_petrarch_issues(struct loader *ld,
                                    const char *path) DYAD_WUR;

/* Shared by both actor formats: `tabari` selects comment rules. */
dyad_status Dyad_ld_actors(struct loader *ld, const char *path,
                           bool tabari) DYAD_WUR;
/* Shared by both agent formats. */
dyad_status Dyad_ld_agents(struct loader *ld, const char *path,
                           bool tabari) DYAD_WUR;

/* ---- load_tabari.c --------------------------------------------------------
 */

dyad_status Dyad_ld_tabari_project(struct loader *ld,
                                   const char *path) DYAD_WUR;
dyad_status Dyad_ld_tabari_verbs(struct loader *ld, const char *path) DYAD_WUR;
dyad_status Dyad_ld_tabari_options(struct loader *ld,
                                   const char *path) DYAD_WUR;

#endif
