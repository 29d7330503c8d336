/*
 * parse.h - shallow parse of one sentence (pipeline stage "parse").
 *
 * Takes: the tokens of a sentence and the lexicon. Gives: a `struct sent`
 * holding
 *   - per-token annotations: function class (determiner, preposition,
 *     auxiliary, modal, negation, ...) and dictionary role (actor, agent,
 *     verb, event noun) from a longest-first walk of the lexicon trie;
 *   - actor groups: noun phrases that name actors, with agents composed
 *     into one CAMEO code ("Mali's foreign minister", "the Minister of
 *     Foreign Affairs of Mali" -> MLIGOV), compounds ("Russia and Wagner"),
 *     and whether a preposition governs them;
 *   - verb groups: each dictionary verb used as a verb, with negation,
 *     modality (future, hedge), voice, infinitive and the verb that governs
 *     an infinitive ("decided ... to end");
 *   - clauses: spans split at conjunctions, subordinators, relative
 *     pronouns, reporting frames ("X said that"), quotations and comma
 *     clauses, each with its subject actor group and its modality.
 * No external parser: everything comes from the dictionaries and a few
 * closed English word classes kept here.
 */
#ifndef DYAD_PARSE_H
#define DYAD_PARSE_H

#include "../internal.h"

/* Function classes of closed-class English words (struct token.fc). */
enum fclass {
  FC_NONE = 0,
  FC_DET,      /* the a an this these ... */
  FC_PRON,     /* he she it they ... */
  FC_PRONPOSS, /* his her its their */
  FC_PREP,     /* of in on at by for with to from ... */
  FC_CONJ,     /* and or but nor */
  FC_BE,       /* be is are was were been being am */
  FC_HAVE,     /* have has had having */
  FC_DO,       /* do does did */
  FC_MODAL,    /* will would shall should can could may might must */
  FC_NEG,      /* not n't never */
  FC_WH,       /* who which whom whose */
  FC_THAT,     /* that */
  FC_SUB,      /* because although though while whereas if unless ... */
  FC_COND,     /* if unless whether */
  FC_ADV,      /* also already still just reportedly instead ... */
  FC_HEDGEADV, /* reportedly allegedly possibly probably apparently ... */
  FC_TO,       /* to (infinitive or preposition) */
  FC_NUM,      /* numbers and number words */
  FC_TIME,     /* Monday, January, yesterday, week ... */
};

/* Token roles from dictionary segmentation. */
enum role {
  RO_NONE = 0,
  RO_ACTOR,
  RO_AGENT,
  RO_VERB,
  RO_EVNOUN, /* an event noun (or a verb used as a noun) */
  RO_NOUN,   /* TABARI <NOUN> list or a verb demoted to a noun */
  RO_ADJ,    /* TABARI <ADJECTIVE> list */
  RO_TIME,
};

struct tinfo {
  uint8_t fc;      /* enum fclass */
  uint8_t role;    /* enum role, on every token of the unit */
  uint8_t unit;    /* 1 on the first token of a dictionary unit */
  uint8_t hflags;  /* lex_hit flags */
  uint16_t ulen;   /* tokens in the unit (first token only) */
  uint16_t group;  /* actor group id + 1, 0 none */
  uint16_t clause; /* clause index */
  uint8_t wp;      /* enum wprop (words.h) */
  uint8_t pad;
  uint32_t ref;   /* actor / agent / vform index */
  uint32_t evref; /* event-noun reading of a verb unit + 1, 0 none */
};

struct agroup {
  uint32_t t0, t1;   /* token span (sentence-relative), half-open */
  uint32_t h0, h1;   /* span of the words that gave the code */
  const char *code;  /* composed code, arena string; NULL if none */
  uint32_t actor;    /* main actor index or LEX_NONE */
  int compound;      /* compound id shared by members, -1 if none */
  int prep;          /* index of the governing preposition token, -1 */
  bool pronoun;      /* a pronoun resolved to an antecedent */
  bool agent_only;   /* no actor: code inferred from context */
  bool placed;       /* agent_only, and its country is that of an "in/of X"
                      * phrase after it or of the places the sentence names
                      * ("militants near Mopti": MLI) */
  bool possessor;    /* followed by 's */
  bool modifier;     /* modifies a following common noun: not a subject */
  bool null_code;    /* an actor coded [---] */
  bool discard;      /* an actor coded [###] */
  uint32_t src_line; /* actor entry line (rule provenance) */
};

enum vmod {
  VM_FUTURE = 1 << 0,
  VM_HEDGE = 1 << 1,
  VM_COND = 1 << 2,
  VM_NEG = 1 << 3,
  VM_PASSIVE = 1 << 4,
  VM_INF = 1 << 5,   /* infinitive ("to end") */
  VM_CLAIM = 1 << 6, /* inside reported speech */
  VM_QUESTION = 1 << 7,
  VM_PERFECT = 1 << 8,
  VM_ING = 1 << 9,     /* progressive or gerund */
  VM_FAIL = 1 << 10,   /* "failed to": the act did not happen, no refusal */
  VM_MUST = 1 << 11,   /* must, have to: an obligation */
  VM_SHOULD = 1 << 12, /* should, ought to: a recommendation */
  VM_INTENT = 1 << 13, /* "is ready / willing / prepared to": an intent */
  VM_WOULD = 1 << 14,  /* "would": in reported speech, the future of then */
};

struct vgroup {
  uint32_t t0, t1; /* the verb unit tokens */
  uint32_t a0;     /* first token of the verb group (aux, modal, neg) */
  uint32_t vform;  /* lexicon vform index */
  uint32_t verb;   /* lexicon verb index */
  uint32_t mods;   /* enum vmod */
  int governor;    /* governing verb group for an infinitive, -1 */
  int clause;
  bool noun;  /* an event noun, not a verb */
  bool coded; /* consumed by the coder */
};

enum clause_type {
  CL_MAIN = 0,
  CL_CONJ,     /* after and/but/or: subject may carry over */
  CL_REL,      /* who/which */
  CL_SUB,      /* because/although/when/after ... */
  CL_COND,     /* if/unless */
  CL_REPORTED, /* said (that) ... */
  CL_COMMA,    /* comma-delimited insertion */
  CL_FRAME,    /* a trailing attribution: "..., officials said." */
};

struct clause {
  uint32_t t0, t1;
  uint8_t type;  /* enum clause_type */
  int parent;    /* clause index or -1 */
  int subject;   /* actor group index or -1 */
  int speaker;   /* actor group of the reporting frame, -1 */
  uint32_t mods; /* modality inherited by its verbs (VM_*) */
  bool quoted;   /* inside quotation marks */
};

struct sent {
  const struct dyad_lexicon *lex;
  const struct token *tok; /* tokens of the sentence */
  uint32_t n;
  uint32_t index;   /* sentence index in the story */
  struct tinfo *ti; /* n entries */
  struct agroup *groups;
  uint32_t ngroups, capgroups;
  struct vgroup *verbs;
  uint32_t nverbs, capverbs;
  struct clause *clauses;
  uint32_t nclauses, capclauses;
  int discard;        /* discard index hit (sentence), -1 none */
  int story_discard;  /* story-level discard hit, -1 none */
  bool complex;       /* TABARI complexity limits exceeded */
  uint64_t words[16]; /* bit set of word ids and their stems (mod 1024)
                       * for skipping patterns quickly */
  bool allcaps;       /* most words capitalised (headline style) */
  bool headline;      /* the story's headline */
};

/* Story-level memory shared across sentences (coreference). */
struct discourse {
  const char *last_subject; /* code of the last subject actor */
  uint32_t last_subject_actor;
  /* agent code -> last full code seen with it (e.g. MIL -> MLIMIL) */
  struct {
    char agent[8];
    const char *code;
  } agent_ctx[16];
  int nagent_ctx;
  /* head word id -> code of an actor phrase seen before ("the mission") */
  struct {
    uint32_t wid;
    const char *code;
    uint32_t actor;
  } heads[32];
  int nheads;
  /* the last international organisation named (IGOUNO, IGOAFRAFU, ...) */
  const char *last_igo;
  /* country-level codes counted in the story */
  struct {
    char cc[4];
    int n;
  } countries[16];
  int ncountries;
};

struct word_index;

struct parse_opts {
  int date;        /* story date for date-restricted codes */
  bool tabari;     /* TABARI profile */
  bool headline;   /* the sentence is the story's headline */
  bool first_body; /* the first sentence of the body (may hold a dateline) */
  const struct word_index *words; /* closed-class index (words.h), or NULL */
};

/*
 * Parses tokens[0..n) of one sentence. Memory from `a`. Returns
 * DYAD_ERR_NOMEM or DYAD_OK.
 */
dyad_status Dyad_parse(const struct dyad_lexicon *lex, const struct token *tok,
                       uint32_t n, const struct parse_opts *po,
                       struct discourse *dc, struct arena *a,
                       struct sent *s) DYAD_WUR;

/* Updates the discourse memory after a sentence is coded. */
void Dyad_discourse_update(const struct dyad_lexicon *lex, struct sent *s,
                           struct discourse *dc);

/* Appends a readable dump of the parse to `b` (for --explain). */
dyad_status Dyad_parse_explain(const struct dyad_lexicon *lex,
                               const struct sent *s, struct buf *b) DYAD_WUR;

/* True when word `wid` (or a word it inflects) may occur in the sentence
 * (a Bloom-style test: false positives only). */
static inline bool Dyad_sent_has_word(const struct sent *s, uint32_t wid) {
  return (s->words[(wid >> 6) & 15] >> (wid & 63)) & 1;
}

static inline void Dyad_sent_add_word(struct sent *s, uint32_t wid) {
  s->words[(wid >> 6) & 15] |= (uint64_t)1 << (wid & 63);
}

/* A demonym or nationality adjective ("Iraqi", "Palestinian", "French"),
 * told by its shape. */
bool Dyad_demonym_like(const struct token *t);

/* Key comparison helper. */
static inline bool Dyad_key_is(const struct token *t, const char *k) {
  size_t i = 0;
  for (; k[i]; i++)
    if (i >= t->klen || t->key[i] != k[i])
      return false;
  return i == t->klen;
}

#endif
