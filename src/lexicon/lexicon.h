/*
 * lexicon.h - the compiled dictionaries (pipeline stage "lexicon").
 *
 * Takes: dictionary files in the PETRARCH and TABARI formats
 * (docs/dictionaries.md). Gives: an immutable `struct dyad_lexicon` holding
 *   - a word table: folded key -> word id (wid, 1-based; 0 = unknown);
 *   - one phrase trie over word ids whose nodes carry "hits" (actor, agent,
 *     verb form, discard, issue, noun, adjective, time word, synset member),
 *     so one walk from a token finds every phrase of every kind that starts
 *     there, in time linear in the phrase length;
 *   - actors with date-restricted codes, agents, verbs grouped in blocks,
 *     compiled verb patterns (TABARI/PETRARCH-1 linear syntax), synonym sets,
 *     discards, issues and TABARI options.
 * Everything is built by the loaders through the Dyad_lex_* functions below
 * and never changes after Dyad_lex_finish; coders share it read-only.
 */
#ifndef DYAD_LEXICON_H
#define DYAD_LEXICON_H

#include <pthread.h>
#include <stdatomic.h>

#include <stdbool.h>
#include <stdint.h>

#include "../token/token.h"
#include "../util/util.h"

#define LEX_NONE UINT32_MAX

/* What a trie hit is. */
enum lex_kind {
  LK_ACTOR = 1, /* ref: actor index */
  LK_AGENT,     /* ref: agent index */
  LK_VERB,      /* ref: verb form index */
  LK_NOUN,      /* TABARI <NOUN> list word: ref unused */
  LK_ADJ,       /* TABARI <ADJECTIVE> list word */
  LK_DISCARD,   /* ref: discard index */
  LK_ISSUE,     /* ref: issue index */
  LK_TIME,      /* TABARI <TIME> word: ref: time index */
  LK_EVNOUN,    /* event noun (verb-format noun file): ref verb form */
};

/* Flags on a hit. */
enum lex_hit_flag {
  LH_PLURAL = 1 << 0, /* reached through a generated plural form */
  LH_EXACT = 1 << 1,  /* written with a trailing '_' */
};

struct lex_hit {
  uint8_t kind;    /* enum lex_kind */
  uint8_t flags;   /* enum lex_hit_flag */
  uint16_t nwords; /* phrase length in words */
  uint32_t ref;
  uint32_t next; /* next hit at the same node (build list), LEX_NONE ends */
};

struct lex_node {
  uint32_t hits; /* first hit index, LEX_NONE if none */
};

/* Where an entry came from (for `rule` and diagnostics). */
struct lex_src {
  uint32_t file; /* index into lex->files */
  uint32_t line; /* 1-based */
};

/* An actor code valid on a date range [from, to] (inclusive, YYYYMMDD;
 * 0 and 99999999 for open ends). */
struct lex_datecode {
  uint32_t code; /* string id */
  int from, to;
};

struct lex_actor {
  uint32_t codes, ncodes; /* range in lex->datecodes, in file order */
  uint32_t name;          /* string id of the primary phrase */
  struct lex_src src;
};

struct lex_agent {
  uint32_t code; /* string id, without '~' */
  bool suffix;   /* written "X~": prefixed to the actor code */
  uint32_t name; /* string id of the phrase */
  struct lex_src src;
};

/* Inflection of a verb form (bit set; a form may be several). */
enum vform {
  VF_BASE = 1 << 0, /* attack */
  VF_S = 1 << 1,    /* attacks */
  VF_ED = 1 << 2,   /* attacked (past) */
  VF_EN = 1 << 3,   /* attacked, given (participle) */
  VF_ING = 1 << 4,  /* attacking */
  VF_NOUN = 1 << 5, /* an event noun (singular or plural) */
};

struct lex_vform {
  uint32_t verb; /* verb index */
  uint8_t form;  /* enum vform */
  uint8_t head;  /* index of the inflected word within the phrase */
  uint8_t nwords;
};

struct lex_verb {
  uint32_t block; /* block index */
  uint32_t code;  /* own code (string id) or LEX_NONE: use the block's */
  uint32_t lemma; /* string id */
  struct lex_src src;
  uint32_t code2; /* with an own code "[a:b]": b's string id, else LEX_NONE */
  uint32_t flags; /* with an own code: enum pat_flag ('!' / '?') */
};

struct lex_block {
  uint32_t name;        /* string id */
  uint32_t code;        /* default code string id (may be "---") */
  uint32_t pats, npats; /* range in lex->pat_order (sorted longest first) */
  struct lex_src src;
  uint32_t code2; /* "[a:b]": b's string id, else LEX_NONE */
  uint32_t flags; /* enum pat_flag of the code ('!' / '?') */
};

/* Pattern elements (TABARI manual §5.7). */
enum pe_type {
  PE_WORD = 1, /* literal word: wid (or LEX_NONE if unknown) + str */
  PE_VERB,     /* '*' */
  PE_SOURCE,   /* '$' */
  PE_TARGET,   /* '+' */
  PE_COMPOUND, /* '%' */
  PE_SKIP,     /* '^' */
  PE_ATTRIB,   /* '@' */
  PE_ALT,      /* '{ a | b }' or '&SYNSET': arg = alt group index */
};

enum pe_conn {
  PC_SKIP = 0, /* other words may come before the next element */
  PC_NEXT = 1, /* the next element must follow immediately ('_') */
};

struct lex_pel {
  uint8_t type;  /* enum pe_type */
  uint8_t conn;  /* enum pe_conn: link to the next element */
  uint8_t exact; /* PE_WORD: no stem/ending match ('_' or '=') */
  uint8_t pad;
  uint32_t arg; /* PE_WORD: wid (0 = not in word table); PE_ALT: group */
  uint32_t str; /* PE_WORD: string id of the folded word */
};

/* An alternative group: options are element sequences. Synonym sets are
 * alternative groups too (one option per member). */
struct lex_alt {
  uint32_t opts, nopts; /* range in lex->alt_opts */
  uint32_t name;        /* synset name string id or LEX_NONE */
  /* set by Dyad_lex_finish: the sorted word ids an option can start with
   * (range in lex->alt_first); `any` when an option starts with something
   * else (an actor marker), so no quick test is possible */
  uint32_t first, nfirst;
  bool any;
  uint32_t last, nlast; /* the same for the words an option can end with */
  bool any_last;
};
struct lex_altopt {
  uint32_t els, nels; /* range in lex->pels */
};

enum pat_flag {
  PF_DOMINANT = 1 << 0,    /* code written with '!' */
  PF_SUBORDINATE = 1 << 1, /* code written with '?' */
  PF_NOUN = 1 << 2,        /* pattern of an event noun */
  PF_P2 = 1 << 3,          /* from a PETRARCH-2 file: words before '*' are
                            * the subject's head, next to the verb */
};

struct lex_pattern {
  uint32_t block;
  uint32_t els, nels;   /* range in lex->pels */
  uint32_t code, code2; /* string ids; code2 LEX_NONE unless "[a:b]" */
  uint32_t flags;       /* enum pat_flag */
  uint32_t length;      /* letters in fixed words (TABARI §5.7.1) */
  struct lex_src src;
  uint32_t anchors[4]; /* wids of literal words every match needs (the
                        * PE_WORDs outside alternatives, up to 4), 0 ends;
                        * set by Dyad_lex_finish to skip patterns quickly */
};

struct lex_discard {
  bool story; /* '+': whole story */
  uint32_t name;
  struct lex_src src;
};

struct lex_issue {
  uint32_t code; /* string id, LEX_NONE for an ignore phrase */
  struct lex_src src;
};

struct lex_time {
  int shift;     /* days */
  uint32_t code; /* "###", "+++", "---" specials or LEX_NONE */
  struct lex_src src;
  uint32_t block; /* block holding the time word's patterns ("- * AND
                   * TOMORROW [+3]"), its code the word's code as written */
};

/* TABARI options that change coding (TABARI manual ch. 8). */
struct lex_tabari_opts {
  bool present;      /* a TABARI .options file was read */
  int complex_verbs; /* COMPLEX: VERBS[n], 0 = off */
  int complex_actors;
  int complex_conj;
  int complex_pronouns;
  int complex_comma;
  bool noactprior;
  int code_by;   /* 0 clause (default), 1 sentence, 2 all */
  int min_words; /* SET: MINIMUM WORDS (default 8 for TABARI) */
  bool yyyy;     /* SET: YYYY */
  bool time_shift;
  int comma_min, comma_max, comma_bmin, comma_bmax, comma_emin, comma_emax;
  bool comma_off;
  uint32_t default_source, default_target; /* string ids or LEX_NONE */
  bool convert_agents;
  bool default_prior; /* DEFAULT: SOURCE [x] PRIOR: only before the verb */
  bool default_after; /* DEFAULT: TARGET [y] AFTER: only after the verb */
  char forward[32];   /* FORWARD: record-id format ("^^*****NNN*SSS"),
                       * "" = pronouns are not carried across records */
};

struct dyad_lexicon {
  /* strings: all names and codes, NUL-separated, interned */
  struct buf strings;
  struct u64map string_map; /* hash -> string id (offset) chain via probe */
  /* words */
  struct vec words;       /* uint32_t string id per wid (index 0 unused) */
  struct u64map word_map; /* hash(key) -> wid */
  /* trie */
  struct vec nodes;    /* struct lex_node; node 0 = root */
  struct u64map edges; /* (node << 32 | wid) -> child node */
  struct vec hits;     /* struct lex_hit */
  /* entries */
  struct vec actors, datecodes, agents, verbs, vforms, blocks, patterns,
      pat_order, pels, alts, alt_opts, discards, issues, times;
  struct u64map synset_map; /* hash(name) -> alt group */
  struct vec files;         /* char * (malloc'd) */
  struct vec diags;         /* dyad_error */
  struct lex_tabari_opts tabari;
  /* PETRARCH config options that change coding */
  bool petrarch_config;
  int new_actor_length;
  bool require_dyad;
  /* set by Dyad_lex_finish */
  struct vec alt_first; /* uint32_t: first words of alternative groups */
  struct vec stem_of;   /* uint32_t per wid: the non-exact pattern word it
                         * inflects (TIES -> TIE), 0 if none */
  bool finished;
  uint32_t str_null, str_discard, str_complex; /* "---" "###" "+++" */
  /* places by name (src/enrich/gazetteer.h): built at load when a GeoNames
   * dump is named, else on first use by Dyad_lex_gazetteer under gaz_lock
   * (the one part of a loaded lexicon that changes; published once) */
  _Atomic(struct gazetteer *) gaz;
  pthread_mutex_t gaz_lock;
  bool gaz_no_geonames; /* dyad_lexicon_options.no_geonames */
};

/* The lexicon's gazetteer, built on first use (thread-safe); NULL when it
 * cannot be built (out of memory). */
const struct gazetteer *Dyad_lex_gazetteer(const struct dyad_lexicon *lex);

/* ---- building (loaders) ------------------------------------------------- */

dyad_status Dyad_lex_init(struct dyad_lexicon *lex) DYAD_WUR;
void Dyad_lex_fini(struct dyad_lexicon *lex);

/* Interns a string (exact bytes); returns its id through *id. */
dyad_status Dyad_lex_str(struct dyad_lexicon *lex, const char *s, size_t n,
                         uint32_t *id) DYAD_WUR;
/* The NUL-terminated string of an id. */
static inline const char *Dyad_lex_cstr(const struct dyad_lexicon *lex,
                                        uint32_t id) {
  return lex->strings.data + id;
}

/* Interns a folded word key; returns its wid (>= 1). */
dyad_status Dyad_lex_word(struct dyad_lexicon *lex, const char *key, size_t n,
                          uint32_t *wid) DYAD_WUR;
/* Looks a folded key up; 0 if unknown. Thread safe after finish. */
uint32_t Dyad_lex_find_word(const struct dyad_lexicon *lex, const char *key,
                            size_t n);

/*
 * Tokenises a dictionary phrase the way story text is tokenised ('_' is a
 * space) and interns its words into wids[0..*n) (capacity `cap`). A
 * trailing '_' sets *exact. Returns DYAD_ERR_PARSE for an empty phrase,
 * DYAD_ERR_LIMIT when longer than `cap` words.
 */
dyad_status Dyad_lex_phrase(struct dyad_lexicon *lex, const char *s, size_t n,
                            uint32_t *wids, size_t cap, size_t *nw,
                            bool *exact) DYAD_WUR;

/* Adds a hit for the phrase wids[0..n). */
dyad_status Dyad_lex_add_hit(struct dyad_lexicon *lex, const uint32_t *wids,
                             size_t n, uint8_t kind, uint32_t ref,
                             uint8_t flags) DYAD_WUR;

/* Registers a file name; returns its index. */
dyad_status Dyad_lex_file(struct dyad_lexicon *lex, const char *name,
                          uint32_t *idx) DYAD_WUR;

/* Records a diagnostic "file:line:col: message" (kept, not fatal); col 0
 * when the column is not known. */
dyad_status Dyad_lex_diag(struct dyad_lexicon *lex, uint32_t file,
                          unsigned line, unsigned col, const char *fmt, ...)
    DYAD_PRINTF(5, 6) DYAD_WUR;

/* Generates the regular inflections of a verb word (upper case):
 * forms[k] gets each form and kinds[k] its enum vform bits; returns the
 * count (<= 6). `exc` gives irregular forms from WordNet (may be NULL). */
struct verb_exc; /* WordNet verb.exc table */
size_t Dyad_inflect(const char *lemma, char forms[][64], uint8_t *kinds,
                    const struct verb_exc *exc);
dyad_status Dyad_verb_exc_load(const char *path,
                               struct verb_exc **out) DYAD_WUR;
void Dyad_verb_exc_free(struct verb_exc *exc);
/* Irregular forms of `lemma` from the table: fills like Dyad_inflect. */
size_t Dyad_verb_exc_forms(const struct verb_exc *exc, const char *lemma,
                           char forms[][64], uint8_t *kinds, size_t cap);

/* Finalises: sorts each block's patterns longest first. */
dyad_status Dyad_lex_finish(struct dyad_lexicon *lex) DYAD_WUR;

/* ---- matching (coders) -------------------------------------------------- */

/* True when an option of alt group `al` may start with word `wid` (or the
 * pattern word it inflects). */
bool Dyad_lex_alt_may_start(const struct dyad_lexicon *lex,
                            const struct lex_alt *al, uint32_t wid);
/* True when an option of `al` may end with word `wid`. */
bool Dyad_lex_alt_may_end(const struct dyad_lexicon *lex,
                          const struct lex_alt *al, uint32_t wid);

/* The pattern word that `wid` is an inflection of, 0 if none. */
static inline uint32_t Dyad_lex_stem(const struct dyad_lexicon *lex,
                                     uint32_t wid) {
  return wid < lex->stem_of.len ? VEC_AT(&lex->stem_of, uint32_t, wid) : 0;
}

/* Child of `node` by word, or LEX_NONE. */
static inline uint32_t Dyad_lex_child(const struct dyad_lexicon *lex,
                                      uint32_t node, uint32_t wid) {
  uint32_t c;
  if (!wid)
    return LEX_NONE;
  if (Dyad_u64map_get(&lex->edges, ((uint64_t)node << 32) | wid, &c))
    return c;
  return LEX_NONE;
}

/* The code string of an actor on a date (YYYYMMDD, 0 = unknown): first
 * range that holds, else the first undated code; LEX_NONE if none holds.
 * Date 0 is taken as today: the first range without an end, else the first
 * undated code, else the last dated one.
 * (docs/dictionaries.md "Actors": inclusive ranges.) */
uint32_t Dyad_lex_actor_code(const struct dyad_lexicon *lex, uint32_t actor,
                             int date);

/* The CAMEO root (1-20) of an event code string ("1384" -> 13), 0 for
 * anything else ("---", "", letters). (CAMEO 1.1b3: two-digit roots.) */
static inline int Dyad_cameo_root(const char *code) {
  if (!code || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9')
    return 0;
  int r = (code[0] - '0') * 10 + (code[1] - '0');
  return r >= 1 && r <= 20 ? r : 0;
}

/* A visit made or hosted (CAMEO 042, 043): directed, unlike the rest of
 * 04x. */
static inline bool Dyad_cameo_is_visit(const char *code) {
  return Dyad_cameo_root(code) == 4 && (code[2] == '2' || code[2] == '3');
}

/* The effective code of a verb (own, else its block's). */
static inline uint32_t Dyad_lex_verb_code(const struct dyad_lexicon *lex,
                                          uint32_t verb) {
  const struct lex_verb *v = &VEC_AT(&lex->verbs, struct lex_verb, verb);
  if (v->code != LEX_NONE)
    return v->code;
  return VEC_AT(&lex->blocks, struct lex_block, v->block).code;
}

#endif
