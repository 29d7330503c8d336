/*
 * classic.h - the TABARI profile (pipeline stages "parse" and "events" for
 * DYAD_PROFILE_TABARI): TABARI 0.8's coding of a record, re-implemented
 * (TABARI 0.8 manual ch. 5-8).
 *
 * Takes: the dictionary files a lexicon was loaded from, the text of a
 * document and the TABARI options in force. Gives: events in the document,
 * and DOC_DISCARDED / DOC_COMPLEX / DOC_SHORT flags.
 *
 * Why the profile keeps its own view of the dictionaries: TABARI matches
 * dictionary words as literal prefixes of text words, and the character
 * after each word of a phrase (blank, '_', '_ ', '~', '=') decides whether
 * that word may match partially and whether other words may come between
 * it and the next. The compiled lexicon folds those spellings away (and adds
 * generated verb forms TABARI never had), so the profile reads the root
 * phrases, patterns and codes again from the files the lexicon names
 * (cdict.c) and keeps them in TABARI's own shape: literals, roots with
 * (literal, connector) phrases, patterns sorted by length, code tables.
 *
 * Files: cdict.c (dictionaries), cparse.c (TABARI's shallow parse: text
 * filter, roots, nouns, compounds, comma clauses, clauses, pronouns,
 * discards, complexity), ccode.c (verbs, patterns, source and target,
 * events), classic.c (driver, options, records, output).
 */
#ifndef DYAD_CLASSIC_H
#define DYAD_CLASSIC_H

#include "../internal.h"

#define CL_NONE UINT32_MAX

/* Hard limits, as TABARI 0.8 had them (TABARI.h), so that records are
 * coded the same way. */
#define CL_MAX_LEX 128 /* words in a record (longer records truncated) */
#define CL_MAX_SYNT (2 * CL_MAX_LEX + 8) /* words + forwarded entries */
#define CL_DEF_WHERE (CL_MAX_SYNT - 1)   /* placeholder of default actors */
#define CL_MAX_LITR 512                  /* matched-literal cells per record */
#define CL_MAX_TAGS 8192                 /* head/tail tags per record */
#define CL_MAX_TEMP 128                  /* words of a matched phrase */
#define CL_MAX_EVENTS 64   /* events per record before expansion */
#define CL_MAX_OUT 128     /* events per record after expansion */
#define CL_LIT_SIZE 64     /* longer words are split, as TABARI did */
#define CL_MAX_RECORD 2047 /* characters of a record's text */

/* Word types (TABARI's wordtype). */
enum cl_wtype {
  W_NULL = 0,
  W_ACTOR,
  W_AGENT,
  W_VERB,
  W_TIME,
  W_ATTRIB,
  W_DETERM,
  W_NOUN,
  W_ADJ,
  W_AUXIL,
  W_BYWORD,
  W_COMMA,
  W_PRONOUN,
  W_CONJ,
  W_PREP,
  W_PLURAL,
  W_NUMBER,
  W_ISSUE,
  W_SYNYM,
  W_CLAUSE,
  W_COMPOUND,
  W_REFERENCE,
  W_SUBORD,
  W_REPLACE,
  W_NULLTAG,
  W_HALT,
};

/* Connectors: the character after a phrase word. Bit 0x4000 and 0x0400
 * mean "partial match allowed" and "words may come between" in patterns;
 * root phrases read the two bits the other way round, as TABARI did. */
#define CN_FULLNEXT 0x0000 /* WORD_NEXT */
#define CN_PARTNEXT 0x4000 /* WORD~_NEXT */
#define CN_FULLSKIP 0x0400 /* WORD_ NEXT */
#define CN_PARTSKIP 0x4400 /* WORD NEXT, and the last word */
#define CN_EQUAL 0x0010    /* WORD= : no regular endings */
#define CN_SYN 0x0002      /* the token is a synonym set (root index) */
#define CN_SYNFS 0x0402    /* &SET followed by a blank */
#define CN_SYNPN 0x4002    /* &SET followed by '_' */

/* Literal ids below SL_LIMIT are the pattern symbols. */
enum {
  SL_COMMA = 1,
  SL_NUMBER = 2,
  SL_VERB = 3,     /* '*' */
  SL_SOURCE = 4,   /* '$' */
  SL_TARGET = 5,   /* '+' */
  SL_ATTRIB = 6,   /* '@' */
  SL_COMPOUND = 7, /* '%' */
  SL_SKIP = 8,     /* '^' */
  SL_OPEN = 9,     /* '{' */
  SL_OR = 10,      /* '|' */
  SL_CLOSE = 11,   /* '}' */
  SL_LIMIT = 16,
};

/* Code ids of the special codes; every other code id is larger. */
enum {
  CC_NULL = 1,    /* "---" */
  CC_COMPLEX = 2, /* "+++" */
  CC_DISCARD = 3, /* "###" */
  CC_BLANK = 4,   /* "***" */
};

/* Interned strings: id (1-based) -> NUL-terminated bytes. */
struct cl_strtab {
  struct buf chars;
  struct vec offs;   /* uint32_t offset per id; id 0 unused */
  struct u64map map; /* probe(hash) -> id */
};

struct cl_lit {
  uint32_t str; /* id in dict->litstr */
  uint16_t len;
  uint32_t first, last; /* roots whose phrase starts with it, in order */
  uint32_t discard;     /* 1 + the first discard phrase that starts with
                         * it (chained by cl_discard.next), 0 none */
};

/* An entry: what roots share (synonyms of an actor, forms of a verb). */
struct cl_ent {
  uint32_t code; /* W_ACTOR: actor code list; W_AGENT: code id; W_VERB,
                  * W_ATTRIB: event code; W_TIME: time code; else 0 */
  uint32_t pats; /* first pattern, longest first; CL_NONE = none */
  uint32_t file; /* index into dict->files */
  uint32_t line;
  uint32_t name;   /* root index of the first phrase (for output) */
  uint32_t patent; /* entry whose patterns apply, CL_NONE = its own */
};

struct cl_root {
  uint32_t phrase; /* index of its first cell in dict->cells */
  uint8_t type;    /* enum cl_wtype */
  uint32_t ent;    /* CL_NONE for the built-in words */
  uint32_t next;   /* next root starting with the same literal */
};

struct cl_pat {
  uint32_t phrase;
  uint32_t code;      /* event code (or time code) index */
  int length, maxalt; /* TABARI lengthPattern */
  uint32_t next;
  uint32_t file, line;
};

/* An event code: [a], [a:b], with '?' (subordinate) and '!' (dominant). */
struct cl_evcode {
  uint32_t code, pair; /* code ids; pair 0 = none */
  uint8_t sub, dom, psub, pdom;
};

/* Actor codes: date blocks in file order; each holds a compound list of
 * (actor, agent) code ids. */
enum { AB_ANY = 0, AB_BEFORE, AB_AFTER, AB_RANGE };
struct cl_ablock {
  uint8_t kind;
  long d1, d2; /* days since 1970-01-01 */
  uint32_t items, nitems;
};
struct cl_aitem {
  uint32_t actor, agent;
};
struct cl_acode {
  uint32_t blocks, nblocks;
};

/* A time code: a shift in days, or one of the special codes. */
struct cl_time {
  int shift;
  uint32_t special; /* CC_* or 0 */
};

struct cl_dict {
  struct cl_strtab litstr; /* literal texts */
  struct cl_strtab codes;  /* code texts; ids 1-4 are CC_* */
  struct vec lits;         /* struct cl_lit, index = literal id (0 unused) */
  struct u64map litmap;    /* literal text id -> literal id */
  struct vec roots;        /* struct cl_root */
  struct vec ents;         /* struct cl_ent */
  struct vec pats;         /* struct cl_pat */
  struct vec cells;        /* int32_t: (token, connector) pairs */
  struct vec evcodes;      /* struct cl_evcode */
  struct vec acodes;       /* struct cl_acode */
  struct vec ablocks;      /* struct cl_ablock */
  struct vec aitems;       /* struct cl_aitem */
  struct vec times;        /* struct cl_time */
  struct vec files;        /* const char * (borrowed from the lexicon) */
  struct vec discards;     /* PETRARCH discards: struct cl_discard */
  /* roots of the built-in words */
  uint32_t lit_and, lit_nor, lit_the, lit_he, lit_it;
  uint32_t root_former, root_default;
  uint32_t agent_eli;  /* code id of "~ELI" */
  uint32_t null_actor; /* code id written "---": an agent without an actor
                        * (PETRARCH "---GOV"), kept apart from CC_NULL */
  bool has_time, has_attrib;
  bool petrarch; /* read from PETRARCH-format files */
};

/* A PETRARCH discard phrase: literal ids, whole words, consecutive. */
struct cl_discard {
  uint32_t cells; /* index into dict->cells: literal ids, 0-terminated */
  uint32_t next;  /* 1 + the next discard with the same first literal */
  bool story;
};

/* ---- per-record working state ------------------------------------------ */

struct cl_word {
  const char *t; /* upper-case text (NUL-terminated, in the rec buffer) */
  uint16_t n;
  uint16_t flags;  /* enum cl_wflag */
  int32_t ilit;    /* >0 start in litr[], 0 none, <0 -symbol */
  uint32_t b0, b1; /* byte span in the document text */
};

enum cl_wflag {
  WF_MIDCAP = 1 << 0,
  WF_INITCAP = 1 << 1,
  WF_NUMBER = 1 << 2,
  WF_COMMA = 1 << 3,
};

struct cl_syn {
  int32_t ilit;
  uint32_t root; /* root index (head word of a root), 0 = none */
  uint8_t wtype;
  uint8_t compd;      /* part of a compound (TABARI setCompd) */
  int32_t head, tail; /* tag lists */
};

struct cl_tag {
  int32_t tag; /* enum cl_wtype, or CL_REFER | word index */
  int32_t index;
  int32_t next;
};
#define CL_REFER 0x8000

struct cl_actor {
  uint32_t actor, agent;  /* code ids; 0 none */
  uint32_t index;         /* acode index when a compound code, else 0 */
  uint32_t root, agtroot; /* +1, 0 none */
  int where;
  int agtloc; /* word of the agent's head, -1 none */
};

struct cl_event {
  uint32_t source, srcagt, srcidx; /* srcidx: acode + 1, 0 none */
  int srcloc;
  uint32_t target, taragt, taridx;
  int tarloc;
  uint32_t event;
  int evtloc;
  uint32_t pat; /* pattern index, or CL_NONE for a root's own code */
  uint32_t ent; /* verb entry */
  bool fisevt, fissub, fisdom;
  bool notarget; /* coded without a target (PETRARCH, require_dyad off) */
  int next;
};

/* The options of the TABARI profile, from struct lex_tabari_opts plus what
 * only the profile models (DEFAULT PRIOR/AFTER, FORWARD). */
struct cl_opts {
  int code_by; /* 0 clause, 1 sentence, 2 all */
  int min_lex; /* minimum words - 1, compared with the last word index */
  int min_sub, max_sub, min_beg, max_beg, min_end, max_end;
  int cx_verbs, cx_actors, cx_conj, cx_pronouns, cx_comma;
  bool cx_preact, cx_check;
  bool convert_agents, time_shift;
  bool def_src, def_tgt, def_prior, def_after;
  bool no_dyad; /* PETRARCH require_dyad off: events may lack a target */
  uint32_t def_src_code, def_tgt_code; /* code ids */
};

/* FORWARD: state carried from one record to the next. */
struct cl_forward {
  bool on; /* FORWARD: set */
  int id_loc, story_loc, story_len, sent_loc, sent_len;
  char last_id[64];
  int last_seq;
  bool can; /* this record may use the previous one */
  /* what the previous record left: its first actor and compound */
  int nprev;
  uint32_t prev_root[CL_MAX_LEX];
  uint8_t prev_type[CL_MAX_LEX];
  uint8_t prev_head[CL_MAX_LEX], prev_tail[CL_MAX_LEX];
  int prev_actor;           /* index in prev_* of the actor, -1 */
  int prev_cmp0, prev_cmp1; /* range in prev_* of the compound, -1 */
  int last_synt;
};

struct cl_rec {
  /* text */
  char buf[4 * CL_MAX_RECORD + 64];
  struct cl_word w[CL_MAX_LEX];
  int ilex;  /* index of the last word, -1 none */
  bool caps; /* no lower-case letter in the record */
  int32_t litr[CL_MAX_LITR];
  int nlitr;
  /* parse */
  struct cl_syn syn[CL_MAX_SYNT];
  int isynt; /* index of the Halt entry */
  struct cl_tag tags[CL_MAX_TAGS];
  int ntag;
  int temp[CL_MAX_TEMP];
  int ntemp;
  bool has_clauses, complex, discard;
  bool seen_cap;   /* a capitalised word was seen (the first is initial) */
  int parse_error; /* enum cl_perr */
  int fwd_actor, fwd_compd;
  /* coding */
  struct cl_event ev[CL_MAX_EVENTS + 2];
  int nev;                         /* index of the last event, -1 none */
  struct cl_event out[CL_MAX_OUT]; /* the events to emit, in order */
  int nout;
  int problem; /* enum cl_problem */
  struct cl_actor src, tgt;
  bool reg_src, reg_tgt, passive;
  int cl0, cl1; /* clause bounds */
  bool has_discard, has_complex;
  long julian, shifted; /* record date, time-shifted date (0 none) */
  /* pattern matcher */
  const int32_t *pp, *pthis;
  int loc;
  bool skipmode, fullmode, high, cond, cskip;
  int cloc, clen, ctemp, lenalt;
  int isrc, itgt, iatt, icmp;
};

/* Why a record gave no events (TABARI's problem strings). */
enum cl_problem {
  CP_NONE = 0,
  CP_INPUT,    /* "Input error": no text, too few or too many words */
  CP_DISCARD,  /* a discard code */
  CP_COMPLEX,  /* complexity limits or a complex code */
  CP_NOEVENTS, /* no (valid) events */
};

enum cl_perr {
  PE_OK = 0,
  PE_NOTEXT,
  PE_TOOLONG,
  PE_TOOSHORT,
};

/* The profile's state, one per coder. */
struct classic {
  struct cl_dict d;
  struct cl_forward fwd;
  struct cl_rec r;
};

/* ---- cdict.c ------------------------------------------------------------- */

/* Builds the TABARI view of the dictionaries `lex` was loaded from.
 * DYAD_ERR_IO (a file cannot be read again), DYAD_ERR_NOMEM or DYAD_OK. */
dyad_status Dyad_cl_dict_build(struct cl_dict *d,
                               const struct dyad_lexicon *lex,
                               dyad_error *err) DYAD_WUR;
void Dyad_cl_dict_init(struct cl_dict *d);
void Dyad_cl_dict_fini(struct cl_dict *d);

/* Reads one file into `d`; `kind` is 'A' actors, 'G' agents, 'V' verbs,
 * 'D' discards; `petrarch` selects PETRARCH's layout and comment rules. */
dyad_status Dyad_cl_dict_file(struct cl_dict *d, const char *path, int kind,
                              bool petrarch, dyad_error *err) DYAD_WUR;
/* Adds TABARI's built-in words (articles, conjunctions, pronouns, ...);
 * called once, before any file. */
dyad_status Dyad_cl_dict_builtins(struct cl_dict *d) DYAD_WUR;

/* String tables. */
const char *Dyad_cl_str(const struct cl_strtab *t, uint32_t id);
uint32_t Dyad_cl_find(const struct cl_strtab *t, const char *s, size_t n);
dyad_status Dyad_cl_intern(struct cl_strtab *t, const char *s, size_t n,
                           uint32_t *id) DYAD_WUR;
/* Literal id of a text, 0 when it is not a dictionary literal. */
uint32_t Dyad_cl_lit(const struct cl_dict *d, const char *s, size_t n);
/* Days since 1970 of a dictionary or record date: YYMMDD (00-30 = 20xx)
 * or YYYYMMDD; -1 when malformed. */
long Dyad_cl_julian(const char *s, size_t n);
/* An event code from the text inside [...] (TABARI storeEventString). */
dyad_status Dyad_cl_evcode(struct cl_dict *d, const char *s, size_t n,
                           uint32_t *out) DYAD_WUR;

static inline struct cl_root *cl_root(const struct cl_dict *d, uint32_t i) {
  return &VEC_AT(&d->roots, struct cl_root, i);
}
static inline struct cl_ent *cl_ent(const struct cl_dict *d, uint32_t i) {
  return &VEC_AT(&d->ents, struct cl_ent, i);
}
static inline struct cl_pat *cl_pat(const struct cl_dict *d, uint32_t i) {
  return &VEC_AT(&d->pats, struct cl_pat, i);
}
static inline const int32_t *cl_cells(const struct cl_dict *d, uint32_t i) {
  return &VEC_AT(&d->cells, int32_t, i);
}
static inline const char *cl_code(const struct cl_dict *d, uint32_t id) {
  return Dyad_cl_str(&d->codes, id);
}

/* ---- cparse.c ------------------------------------------------------------ */

/* Filters and parses record text[0..n) (byte offsets `base` + i) into
 * cl->r (TABARI doParsing). */
void Dyad_cl_parse(struct classic *cl, const struct cl_opts *o,
                   const char *text, size_t n, uint32_t base);

/* Tag helpers shared with the coder. */
bool Dyad_cl_head(const struct cl_rec *r, int loc, int tag);
bool Dyad_cl_head_ix(const struct cl_rec *r, int loc, int tag, int *index);
bool Dyad_cl_tail(const struct cl_rec *r, int loc, int tag);
bool Dyad_cl_tail_ix(const struct cl_rec *r, int loc, int tag, int index);
int Dyad_cl_tail_index(const struct cl_rec *r, int loc, int tag);
bool Dyad_cl_check_head(const struct cl_rec *r, int loc, int tag, int index);
bool Dyad_cl_check_tail(const struct cl_rec *r, int loc, int tag);
int Dyad_cl_reference(const struct cl_rec *r, int loc);
bool Dyad_cl_skip_segment(const struct cl_rec *r, int *loc, int tag);
/* PETRARCH mode: word k may sit inside a noun phrase next to an actor
 * (possessive, article, number, open-class word with no dictionary role). */
bool Dyad_cl_np_filler(const struct cl_rec *r, int k);
/* The first actor code of an actor entry on the record's date. */
void Dyad_cl_actor_code(const struct cl_dict *d, uint32_t acode, long julian,
                        uint32_t *actor, uint32_t *agent, bool *compound);

/* ---- ccode.c ------------------------------------------------------------- */

/* Codes the parsed record (TABARI codeEvents); results in cl->r.ev. */
void Dyad_cl_code(struct classic *cl, const struct cl_opts *o);
/* Number of coded events and event i (after expansion): source and
 * target composite codes written into the caller's buffers. */
int Dyad_cl_nevents(const struct classic *cl);

#endif
