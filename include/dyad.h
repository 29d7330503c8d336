/*
 * dyad.h - the public interface of libdyad, a political event coder.
 *
 * dyad turns dated news text into event data: for every sentence that reports
 * an interaction between political actors, one event saying who (source
 * actor) did what (CAMEO event code) to whom (target actor), with the spans of
 * text and the dictionary line that produced it.
 *
 * Ownership, stated once (the rule for every function below unless its
 * docstring says otherwise):
 *   - arguments are borrowed: dyad copies what it keeps;
 *   - pointers returned by getters are borrowed from the handle they come
 *     from and stay valid until that handle is freed, reset or reused;
 *   - handles made by a *_new / *_load / *_open function are freed with the
 *     matching *_free function, which accepts NULL.
 *
 * Threads: a dyad_lexicon is immutable once loaded and may be shared by any
 * number of threads. A dyad_coder, dyad_doc, dyad_reader or dyad_sink is used
 * by one thread at a time; separate handles are independent. The library has
 * no global mutable state, never prints, never aborts and never exits.
 *
 * Text: UTF-8 throughout. Lengths are in bytes. Spans are half-open byte
 * ranges [start, end) into the story text (dyad_doc_text). Dates are
 * integers YYYYMMDD (0 = unknown) or strings "YYYY-MM-DD".
 */
#ifndef DYAD_H
#define DYAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && !defined(DYAD_STATIC_NO_VISIBILITY)
#define DYAD_EXPORT __attribute__((visibility("default")))
#else
#define DYAD_EXPORT
#endif

#define DYAD_VERSION_MAJOR 0
#define DYAD_VERSION_MINOR 1
#define DYAD_VERSION_PATCH 0
#define DYAD_VERSION_STRING "0.1.0"

/** The library version as "MAJOR.MINOR.PATCH" (static string). */
DYAD_EXPORT const char *dyad_version(void);

/** ## Status and errors */

/**
 * Result of every fallible function. Values are append-only.
 */
typedef enum dyad_status {
  DYAD_OK = 0,           /**< success */
  DYAD_END = 1,          /**< a reader has no more stories */
  DYAD_ERR_NOMEM = 2,    /**< an allocation failed; nothing was changed */
  DYAD_ERR_IO = 3,       /**< a file could not be opened or read */
  DYAD_ERR_ARG = 4,      /**< a NULL or out-of-range argument */
  DYAD_ERR_PARSE = 5,    /**< malformed input, dictionary or suite */
  DYAD_ERR_ENCODING = 6, /**< text is not valid UTF-8 */
  DYAD_ERR_LIMIT = 7,    /**< a hard size limit was exceeded */
  DYAD_ERR_DATE = 8,     /**< a malformed or impossible date */
  DYAD_ERR_FORMAT = 9,   /**< input format not recognised */
  DYAD_ERR_EMPTY = 10,   /**< a story without text */
} dyad_status;

/** A static English description of a status, never NULL. */
DYAD_EXPORT const char *dyad_status_str(dyad_status status);

/**
 * Where and why something failed. Caller-owned, filled on failure (and for
 * diagnostics); NULL may be passed wherever a dyad_error * is asked for.
 * `line` and `column` are 1-based (column in bytes); 0 means unknown.
 */
typedef struct dyad_error {
  dyad_status code;
  char source[256];  /**< file name or story id, NUL-terminated */
  unsigned line;     /**< 1-based line, 0 if unknown */
  unsigned column;   /**< 1-based byte column, 0 if unknown */
  size_t offset;     /**< byte offset from the start of the input */
  char message[256]; /**< NUL-terminated; never cut inside a UTF-8 char */
} dyad_error;

/**
 * Formats `err` as "source:line:col: message" (parts that are unknown are
 * left out) into `buf` of `size` bytes, always NUL-terminated. Returns `buf`.
 */
DYAD_EXPORT char *dyad_error_format(const dyad_error *err, char *buf,
                                    size_t size);

/** ## Lexicon: dictionaries compiled once, shared by all threads */

typedef struct dyad_lexicon dyad_lexicon;

/** Options for dyad_lexicon_load. Zero-initialise, then set what you need. */
typedef struct dyad_lexicon_options {
  /** Make every malformed dictionary entry fatal (DYAD_ERR_PARSE). When
   * false, malformed entries are skipped and kept as diagnostics. */
  bool strict;
  /** WordNet `verb.exc` file for irregular verb forms; NULL tries
   * /usr/share/wordnet/verb.exc and otherwise uses regular rules only. */
  const char *verb_exceptions;
  /** A GeoNames dump (allCountries.txt or citiesN.txt: tab-separated,
   * 19 fields) whose places are added to the gazetteer; NULL for none. The
   * admin1CodesASCII.txt of the same directory, when there is one, names
   * the places' regions. A malformed line is skipped and kept as a
   * diagnostic with its file, line and column (fatal with `strict`); a
   * dump that cannot be read fails the load with DYAD_ERR_IO. */
  const char *gazetteer;
  /** Leave out the cities of the libgeonames package (countries and
   * regions of dyad's own table stay). Without `gazetteer`, the gazetteer
   * is built when a coder first looks up a place name (about 50 ms; safe
   * from any number of threads: libgeonames initialises its data once,
   * and the lexicon publishes the gazetteer once, under a lock). */
  bool no_geonames;
} dyad_lexicon_options;

/**
 * Loads and compiles dictionaries into an immutable lexicon.
 *
 * Each of the `npaths` paths is one of: a PETRARCH config file (.ini, as
 * PETR_config.ini), a TABARI .project or .options file, a directory holding
 * one of those, or a single dictionary file whose kind (actors, agents,
 * verbs, discards, issues) is told by its name or content. Formats are
 * described in docs/dictionaries.md (PETRARCH-1/-2 and TABARI 0.8 formats,
 * the TABARI 0.8 manual, the PETRARCH2 documentation).
 *
 * On success stores a new lexicon in `*out` (free with dyad_lexicon_free).
 * Returns DYAD_ERR_ARG (no paths / NULL out), DYAD_ERR_IO (a file cannot be
 * read), DYAD_ERR_FORMAT (a path is none of the above), DYAD_ERR_PARSE (only
 * with `strict`: the first malformed entry, with file and line in `err`),
 * DYAD_ERR_LIMIT (a dictionary exceeds 2^31 entries or bytes), or
 * DYAD_ERR_NOMEM. On failure `*out` is left NULL.
 */
DYAD_EXPORT dyad_status dyad_lexicon_load(const char *const *paths,
                                          size_t npaths,
                                          const dyad_lexicon_options *opts,
                                          dyad_lexicon **out, dyad_error *err);

/** Frees a lexicon. Accepts NULL. No coder may still use it. */
DYAD_EXPORT void dyad_lexicon_free(dyad_lexicon *lex);

/** Number of diagnostics (skipped malformed entries) kept from loading. */
DYAD_EXPORT size_t dyad_lexicon_diag_count(const dyad_lexicon *lex);

/** Diagnostic `i` (< dyad_lexicon_diag_count), borrowed from `lex`. */
DYAD_EXPORT const dyad_error *dyad_lexicon_diag(const dyad_lexicon *lex,
                                                size_t i);

/** Counts of what a lexicon holds, for reports and benchmarks
 * (`dyad dict stats`). */
typedef struct dyad_lexicon_stats {
  size_t actor_phrases, actors, agent_phrases, verb_forms, verbs, patterns,
      synsets, discards, issues, words, bytes;
  /** actor codes restricted to a date range */
  size_t dated_codes;
  /** distinct lemmas of verbs (a multi-word verb is one lemma) and of
   * event nouns */
  size_t verb_lemmas, noun_lemmas;
  /** distinct CAMEO event codes that blocks, verbs and patterns give (not
   * "---", "###", "+++"), and the CAMEO roots 01-20 among them */
  size_t event_codes, event_roots;
} dyad_lexicon_stats;

/** Fills `stats` for `lex`. */
DYAD_EXPORT void dyad_lexicon_get_stats(const dyad_lexicon *lex,
                                        dyad_lexicon_stats *stats);

/** Path of the bundled dictionary config compiled into this build, or the
 * value of the environment variable DYAD_DICT when set. Static string. */
DYAD_EXPORT const char *dyad_default_dict(void);

/**
 * What a lint problem is (docs/dictionaries.md, "Lint"). Each kind has one
 * severity, given by dyad_lint_kind_is_error. Values are append-only.
 */
typedef enum dyad_lint_kind {
  /** error: an entry the loader skipped (a dyad_lexicon_diag) */
  DYAD_LINT_LOAD = 0,
  /** warning: a loader note (Latin-1 read, unsupported construct) */
  DYAD_LINT_LOAD_NOTE = 1,
  /** error: an actor phrase in two entries whose undated codes differ */
  DYAD_LINT_ACTOR_CONFLICT = 2,
  /** warning: an actor phrase in two entries with the same codes */
  DYAD_LINT_ACTOR_REPEAT = 3,
  /** error: an agent phrase in two entries with different codes */
  DYAD_LINT_AGENT_CONFLICT = 4,
  /** warning: an agent phrase in two entries with the same code */
  DYAD_LINT_AGENT_REPEAT = 5,
  /** error: a verb (or event noun) form of two verbs with different codes */
  DYAD_LINT_VERB_CONFLICT = 6,
  /** warning: a verb (or event noun) listed twice with the same code */
  DYAD_LINT_VERB_REPEAT = 7,
  /** warning: a discard phrase listed twice */
  DYAD_LINT_DISCARD_REPEAT = 8,
  /** error: a block, verb or pattern code not in CAMEO 1.1b3 */
  DYAD_LINT_EVENT_CODE = 9,
  /** error: an actor or agent code not made of three-letter blocks A-Z */
  DYAD_LINT_ACTOR_CODE = 10,
  /** error: two dated codes (or two undated ones) of an actor overlap */
  DYAD_LINT_DATE_OVERLAP = 11,
  /** warning: ... with the same code */
  DYAD_LINT_DATE_REPEAT = 12,
  /** error: a date range that ends before it starts (dropped) */
  DYAD_LINT_DATE_REVERSED = 13,
  /** error: a pattern without '*' (dropped) */
  DYAD_LINT_NO_VERB = 14,
  /** error: a pattern with two '*' (dropped) */
  DYAD_LINT_TWO_VERBS = 15,
  /** error: a pattern or set naming an undefined &SET (dropped) */
  DYAD_LINT_UNDEFINED_SET = 16,
  /** error: an empty alternative or set member (dropped) */
  DYAD_LINT_EMPTY_OPTION = 17,
  /** error: a pattern identical to an earlier one of its block, another
   * code: never used */
  DYAD_LINT_SHADOWED = 18,
  /** warning: ... with the same code */
  DYAD_LINT_PATTERN_REPEAT = 19,
  /** error: '*' and the words that must follow it form another verb,
   * which the parser reads first, for every verb of the block */
  DYAD_LINT_CAPTURED = 20,
  /** warning: ... for some verbs of the block, which the other verb codes
   * otherwise */
  DYAD_LINT_CAPTURED_PARTLY = 21,
  /** warning: two dated codes share only the day one ends and the other
   * starts (a handover day) */
  DYAD_LINT_DATE_BOUNDARY = 22,
} dyad_lint_kind;

/** The name of a kind as printed ("actor-conflict"); static, never NULL. */
DYAD_EXPORT const char *dyad_lint_kind_name(dyad_lint_kind kind);

/** True when problems of `kind` are errors, false for warnings. */
DYAD_EXPORT bool dyad_lint_kind_is_error(dyad_lint_kind kind);

/** One problem found by dyad_lexicon_lint. Strings are NUL-terminated and
 * borrowed for the duration of the callback only. */
typedef struct dyad_lint_item {
  dyad_lint_kind kind;
  bool error;          /**< dyad_lint_kind_is_error(kind) */
  const char *file;    /**< dictionary file, "" if unknown */
  unsigned line;       /**< 1-based line of the entry, 0 if unknown */
  const char *message; /**< one line, no trailing newline */
} dyad_lint_item;

/** Called once per problem, in file order (files as loaded, then lines). */
typedef void (*dyad_lint_fn)(void *user, const dyad_lint_item *item);

/**
 * Checks a loaded lexicon for entries that conflict, repeat, use codes
 * outside CAMEO 1.1b3 (src/event/cameo.c) or can never match, and passes
 * each problem, with the loader's diagnostics (dyad_lexicon_diag), to `cb`
 * (may be NULL) with `user`. Never prints. The rules are those of
 * docs/dictionaries.md, "Lint". `errors` and `warnings` (each may be NULL)
 * get the counts. Returns DYAD_ERR_ARG (NULL lex), DYAD_ERR_NOMEM (no
 * callback was made) or DYAD_OK.
 */
DYAD_EXPORT dyad_status dyad_lexicon_lint(const dyad_lexicon *lex,
                                          dyad_lint_fn cb, void *user,
                                          size_t *errors, size_t *warnings);

/** ## Documents */

typedef struct dyad_doc dyad_doc;

/**
 * One story as given by the caller. Strings need not be NUL-terminated;
 * NULL with length 0 means absent. `date` is YYYYMMDD or 0 (unknown).
 * The text is the body; a `title` is coded as sentence 0.
 */
typedef struct dyad_story {
  const char *id;
  size_t id_len;
  int date;
  const char *title;
  size_t title_len;
  const char *text;
  size_t text_len;
  const char *source; /**< news source or publisher */
  size_t source_len;
  const char *url;
  size_t url_len;
} dyad_story;

/** Makes an empty document. Returns DYAD_ERR_NOMEM or DYAD_OK. */
DYAD_EXPORT dyad_status dyad_doc_new(dyad_doc **out);

/** Frees a document and everything borrowed from it. Accepts NULL. */
DYAD_EXPORT void dyad_doc_free(dyad_doc *doc);

/**
 * Resets `doc` and copies `story` into it (the story text becomes
 * "title\n\ntext" when a title is given, else the text). Events, sentences
 * and every pointer borrowed from the doc before are invalidated. Returns
 * DYAD_ERR_ARG, DYAD_ERR_LIMIT (text over 64 MiB), DYAD_ERR_NOMEM or DYAD_OK.
 */
DYAD_EXPORT dyad_status dyad_doc_set(dyad_doc *doc, const dyad_story *story);

/** The story id (NUL-terminated, "" if none). */
DYAD_EXPORT const char *dyad_doc_id(const dyad_doc *doc);
/** The story date YYYYMMDD, 0 if unknown. */
DYAD_EXPORT int dyad_doc_date(const dyad_doc *doc);
/** The story text that spans point into; `*len` gets its length. */
DYAD_EXPORT const char *dyad_doc_text(const dyad_doc *doc, size_t *len);
/** Number of sentences found by the last dyad_code call. */
DYAD_EXPORT size_t dyad_doc_sentence_count(const dyad_doc *doc);
/** Byte span of sentence `i` in the story text. */
DYAD_EXPORT void dyad_doc_sentence_span(const dyad_doc *doc, size_t i,
                                        size_t *start, size_t *end);
/** Why a story gave no events: NULL when it has events or none was
 * expected, else a static reason such as "story discarded by +GRAND PRIX". */
DYAD_EXPORT const char *dyad_doc_discard_reason(const dyad_doc *doc);
/** The explanation text built when the coder option `explain` is set
 * (NUL-terminated, "" otherwise). */
DYAD_EXPORT const char *dyad_doc_explain(const dyad_doc *doc);

/** ## Coding */

typedef struct dyad_coder dyad_coder;

/** Coding profile: how literally peer semantics are followed. */
typedef enum dyad_profile {
  /** dyad's rules: hedges, futures, negation and reported speech handled
   * (docs/coding.md). The default. */
  DYAD_PROFILE_DYAD = 0,
  /** TABARI 0.8 semantics, for TABARI and PETRARCH-1 dictionaries and their
   * validation suites: no modality filtering, code by clause. */
  DYAD_PROFILE_TABARI = 1,
} dyad_profile;

/** Coder options. Zero-initialise for the defaults. */
typedef struct dyad_coder_options {
  dyad_profile profile;
  /** Emit hedged, speculative, conditional and future events, flagged by
   * their modality, instead of dropping them. */
  bool keep_hedged;
  /** Build a per-sentence explanation (tokens, phrases, pattern decisions),
   * read with dyad_doc_explain. Slower. */
  bool explain;
  /** Story date used when a story has none (YYYYMMDD, 0 = none). */
  int default_date;
  /** Skip the enrich stage: events keep the story date and get no place,
   * counts or PLOVER coding (for measuring what enrichment costs). */
  bool no_enrich;
} dyad_coder_options;

/**
 * Makes a coder over `lex` (borrowed: it must outlive the coder). `opts`
 * may be NULL for the defaults. Returns DYAD_ERR_ARG or DYAD_ERR_NOMEM.
 */
DYAD_EXPORT dyad_status dyad_coder_new(const dyad_lexicon *lex,
                                       const dyad_coder_options *opts,
                                       dyad_coder **out);

/** Frees a coder. Accepts NULL. */
DYAD_EXPORT void dyad_coder_free(dyad_coder *coder);

/**
 * Codes the story held by `doc`: splits sentences, matches dictionaries,
 * parses, and stores the events in `doc` (read them with dyad_doc_event).
 * Returns DYAD_ERR_ENCODING (text is not UTF-8; `err` has the line and
 * column of the first bad byte), DYAD_ERR_EMPTY (no text), DYAD_ERR_LIMIT
 * (a sentence over 4,096 tokens: it is skipped and the rest coded; the
 * events of other sentences are kept), DYAD_ERR_NOMEM, or DYAD_OK.
 */
DYAD_EXPORT dyad_status dyad_code(dyad_coder *coder, dyad_doc *doc,
                                  dyad_error *err);

/** ## Events */

typedef struct dyad_event dyad_event;

/** How an event was stated in the text. Values are append-only. */
typedef enum dyad_modality {
  DYAD_MOD_FACT = 0,        /**< reported as having happened */
  DYAD_MOD_CLAIM = 1,       /**< attributed: "X said (that) ..." */
  DYAD_MOD_HEDGED = 2,      /**< may, might, believed to, reportedly ... */
  DYAD_MOD_FUTURE = 3,      /**< will, is to, plans to ... (not intent) */
  DYAD_MOD_CONDITIONAL = 4, /**< if ..., unless ... */
  DYAD_MOD_NEGATED = 5,     /**< a negated act kept with --keep-hedged */
} dyad_modality;

/** Static name of a modality ("fact", "claim", "hedged", ...). */
DYAD_EXPORT const char *dyad_modality_str(dyad_modality m);

/** Which span of an event. */
typedef enum dyad_span_kind {
  DYAD_SPAN_SOURCE = 0,
  DYAD_SPAN_TARGET = 1,
  DYAD_SPAN_VERB = 2,
} dyad_span_kind;

/** Number of events coded in `doc`. */
DYAD_EXPORT size_t dyad_doc_event_count(const dyad_doc *doc);
/** Event `i` (< dyad_doc_event_count), borrowed from `doc`. */
DYAD_EXPORT const dyad_event *dyad_doc_event(const dyad_doc *doc, size_t i);

/** Source actor code, e.g. "MLIGOV" ("" if none). */
DYAD_EXPORT const char *dyad_event_source(const dyad_event *ev);
/** Target actor code ("" if none). */
DYAD_EXPORT const char *dyad_event_target(const dyad_event *ev);
/** CAMEO event code, e.g. "1661". */
DYAD_EXPORT const char *dyad_event_code(const dyad_event *ev);
/** CAMEO root code: the first two digits ("16"). */
DYAD_EXPORT const char *dyad_event_root(const dyad_event *ev);
/** Quad class 1-4 (1 verbal cooperation, 2 material cooperation, 3 verbal
 * conflict, 4 material conflict; CAMEO roots 01-05/06-08/09-13/14-20 as
 * GDELT and ICEWS use them), 0 if the code is not a CAMEO code. */
DYAD_EXPORT int dyad_event_quad_class(const dyad_event *ev);
/** Goldstein score -10..+10 from GDELT's CAMEO.goldsteinscale.txt (longest
 * code prefix with a value); NaN if the code is not a CAMEO code. */
DYAD_EXPORT double dyad_event_goldstein(const dyad_event *ev);
/** Index of the sentence the event comes from (0 = headline if any). */
DYAD_EXPORT size_t dyad_event_sentence(const dyad_event *ev);
/** Byte span of a part of the event in the story text; start == end == 0
 * when absent (e.g. no target). */
DYAD_EXPORT void dyad_event_span(const dyad_event *ev, dyad_span_kind kind,
                                 size_t *start, size_t *end);
/** Modality of the event (DYAD_MOD_FACT unless kept with keep_hedged or
 * attributed). */
DYAD_EXPORT dyad_modality dyad_event_modality(const dyad_event *ev);
/** True when the event was coded from a negated or refused act (the code is
 * then the refusal, CAMEO 12x). */
DYAD_EXPORT bool dyad_event_negated(const dyad_event *ev);
/** The dictionary rule that fired: file name and 1-based line; returns
 * false when the event has no rule (never happens for coded events). */
DYAD_EXPORT bool dyad_event_rule(const dyad_event *ev, const char **file,
                                 unsigned *line);

/** ## Events: enrichment
 *
 * When, where, at what cost and in PLOVER's terms, read from the words of
 * the event's own sentence (src/enrich; the rules and their examples are
 * in the opening comments of src/enrich/when.c, toll.c, enrich.c,
 * locate.c and plover.c, and in docs/coding.md, "When, where, how many").
 * Nothing is guessed from outside the sentence but the story date, the
 * dateline that may open the story ("BAGHDAD, Aug. 26 -"), the countries
 * the story names (to choose among places of one name) and the counts of
 * a following sentence that codes no event. The TABARI profile gives the
 * date of its <TIME> shifts only, the PLOVER coding of the code alone, and
 * no place or counts; the coder option no_enrich gives none of them.
 */

/** How much of an event date the text gave. Values are append-only. */
typedef enum dyad_date_precision {
  /** the text dates nothing: the event date is the story date (or 0 when
   * the story has none) */
  DYAD_DATE_STORY = 0,
  DYAD_DATE_DAY = 1,   /**< "on Friday", "yesterday", "March 3, 2021" */
  DYAD_DATE_WEEK = 2,  /**< "last week": the date is that week's Monday */
  DYAD_DATE_MONTH = 3, /**< "in March": the 1st of that month */
  DYAD_DATE_YEAR = 4,  /**< "in 2020": January 1 of that year */
  /** the text dates the event, but relative to a story date the story
   * lacks ("on Friday" with no story date): the event date is 0 and the
   * expression is kept (dyad_event_date_text) */
  DYAD_DATE_UNKNOWN = 5,
} dyad_date_precision;

/** Static name of a precision ("story", "day", "week", "month", "year",
 * "unknown"). */
DYAD_EXPORT const char *dyad_date_precision_str(dyad_date_precision p);

/**
 * The event date YYYYMMDD, and its precision in `*precision` (may be NULL).
 * Relative expressions ("on Friday", "last week", "in March") are resolved
 * against the story date, or against the date of a dateline that opens the
 * body ("BAGHDAD, Aug. 26, 2004 -"): "on Friday" in a story of Saturday
 * 2023-07-01 is 2023-06-30, the most recent Friday on or before it. The
 * expression is the one in the clause of the event's verb nearest the
 * verb, else one of the clauses holding it or of the sentence's main
 * clauses. With none the precision is DYAD_DATE_STORY and the date the
 * story's (the coder's default_date for a story without one). Future dates
 * ("next week") are kept as written. Returns 0 when the date is unknown: a
 * relative expression, or none, in a story without a date; and with
 * DYAD_DATE_STORY for events of the TABARI profile (whose date is then
 * dyad_doc_date). Any other value is a valid date.
 */
DYAD_EXPORT int dyad_event_date(const dyad_event *ev,
                                dyad_date_precision *precision);

/** True when the event date is a guess at a vague expression: "a few weeks
 * ago" and "several days ago" are read as three weeks, three days. */
DYAD_EXPORT bool dyad_event_date_approximate(const dyad_event *ev);

/**
 * Where the event happened: the nearest "in/at/near/outside X" phrase of
 * the verb's clause (after the verb, else before it, else one opening the
 * sentence) whose X is an actor of the dictionaries naming a country,
 * territory, region or seat of government ("in Baghdad", "in northern
 * Iraq", "at the White House"), or, after "in", "near" or "outside", a
 * capitalised name that is no actor ("in Najaf"). A verbal event (quad
 * classes 1 and 3) takes no place across another verb. Sets `*start`,
 * `*end` to the place's byte span in the story text and `*code` to its
 * country code (the first three letters of X's actor code, e.g. "IRQ"; ""
 * for a name with no actor); each may be NULL. Returns false, with 0, 0,
 * "", when the sentence names no place for the event.
 */
DYAD_EXPORT bool dyad_event_place(const dyad_event *ev, size_t *start,
                                  size_t *end, const char **code);

/**
 * People killed in the event, as its sentence counts them ("killed 25
 * people", "at least 10 Iraqis were killed", "left 3 dead", "a death toll
 * of 40", "No casualties were reported" and "no one was killed": 0), for
 * events of CAMEO roots 18, 19, 20 and code 145: the count the event's
 * verb tells, else the one nearest it that no other event's own kill verb
 * tells ("X killed 2, and Y fired missiles": Y's event has none). A
 * sentence that codes no event gives its count to events told before it:
 * "A total of 174 peacekeepers have died in the operation" to the events
 * of the latest sentence holding "operation" (of any code), "No casualties
 * were reported." to the violent events of one of the two sentences
 * before. Events of one incident (a compound's members, an attack and the
 * killing coded beside it) carry the same toll: do not sum over events.
 * "At least N" gives N, flagged (dyad_event_count_text); vague plurals
 * ("dozens", "hundreds") give -1, flagged DYAD_COUNT_VAGUE; "several" and
 * "a few" give none. Returns -1 when the text gives no number or the event
 * is of another kind. Rules: src/enrich/toll.c and docs/coding.md, "How
 * many".
 */
DYAD_EXPORT int dyad_event_fatalities(const dyad_event *ev);

/**
 * The byte span in the story text of the time expression that dates the
 * event ("on Friday", "a few weeks ago", "On 31 December 2020"); each of
 * `start`, `end` may be NULL. Returns false, with 0, 0, when the text dates
 * nothing (precision DYAD_DATE_STORY).
 */
DYAD_EXPORT bool dyad_event_date_text(const dyad_event *ev, size_t *start,
                                      size_t *end);

/** How exact a count of dead or wounded is. Values are append-only. */
typedef enum dyad_count_qualifier {
  DYAD_COUNT_NONE = 0,     /**< the text gives no count */
  DYAD_COUNT_EXACT = 1,    /**< "killed 12", "No casualties were reported" */
  DYAD_COUNT_AT_LEAST = 2, /**< "at least 12", "more than 12", "over 12" */
  /** "up to 12", "as many as 12", "nearly 12", "almost 12" */
  DYAD_COUNT_AT_MOST = 3,
  DYAD_COUNT_APPROX = 4,   /**< "about 12", "some 12", "an estimated 12" */
  /** "dozens", "hundreds", "scores", "tens of thousands": the count is
   * unknown (-1) and flagged */
  DYAD_COUNT_VAGUE = 5,
} dyad_count_qualifier;

/** Static name of a qualifier ("", "exact", "at_least", "at_most",
 * "approximate", "vague"). */
DYAD_EXPORT const char *dyad_count_qualifier_str(dyad_count_qualifier q);

/**
 * People wounded or injured in the event, by the same rules as
 * dyad_event_fatalities ("2 soldiers were killed and 16 wounded" -> 16,
 * "wounding 12", "nobody was hurt" -> 0, "No casualties were reported" ->
 * 0). Returns -1 when the text gives no number.
 */
DYAD_EXPORT int dyad_event_wounded(const dyad_event *ev);

/**
 * The count phrase(s) behind dyad_event_fatalities and dyad_event_wounded:
 * their byte span in the story text ("2 soldiers were killed and 16
 * wounded"; it may lie in a later sentence than the event's, see
 * dyad_event_fatalities), and how exact the counts are (the death count's
 * qualifier when there is one, else the wounded count's). `start`, `end`,
 * `qual` may be NULL. Returns false, with 0, 0, DYAD_COUNT_NONE, when the
 * event has no count.
 */
DYAD_EXPORT bool dyad_event_count_text(const dyad_event *ev, size_t *start,
                                       size_t *end,
                                       dyad_count_qualifier *qual);

/** How precise a location is. Values are append-only. */
typedef enum dyad_geo_precision {
  DYAD_GEO_NONE = 0,    /**< no location */
  DYAD_GEO_PLACE = 1,   /**< a city, town or village, with coordinates */
  DYAD_GEO_ADMIN1 = 2,  /**< a first-level region (province, state) */
  DYAD_GEO_COUNTRY = 3, /**< a country: its centroid */
} dyad_geo_precision;

/** Static name of a precision ("", "place", "admin1", "country"). */
DYAD_EXPORT const char *dyad_geo_precision_str(dyad_geo_precision p);

/**
 * Where an event happened, resolved against the gazetteer of the lexicon
 * (dyad_lexicon_options.gazetteer). Strings are NUL-terminated, borrowed
 * from the lexicon (valid while it lives), "" when unknown.
 */
typedef struct dyad_location {
  const char *country; /**< ISO 3166-1 alpha-3 ("MLI"), "" unknown */
  const char *admin1;  /**< first-level region ("Gao"), "" unknown */
  const char *place;   /**< the gazetteer's name of the place ("Gao") */
  double lat, lon;     /**< degrees, WGS84; NaN when unknown */
  dyad_geo_precision precision;
  size_t start, end;   /**< byte span of the place's text, 0, 0 none */
} dyad_location;

/**
 * Fills `*loc` with the event's location: the place phrase that
 * dyad_event_place finds, else the story's dateline ("NAJAF, Iraq -"),
 * looked up in the gazetteer. A name the gazetteer holds in several
 * countries goes to the one the story names most (its actors and places),
 * then to the most populous ("Paris, Texas" names its state; "Paris" in a
 * story about France is Paris, FRA). A country name gives precision
 * DYAD_GEO_COUNTRY, a region DYAD_GEO_ADMIN1, a city DYAD_GEO_PLACE. A
 * place phrase the gazetteer does not hold keeps its span with the country
 * of its actor code, when it has one. Returns whether a location was found
 * (`loc` is cleared, lat/lon NaN, when not). Sources of the tables:
 * docs/coding.md, "Where".
 */
DYAD_EXPORT bool dyad_event_location(const dyad_event *ev, dyad_location *loc);

/**
 * The event's PLOVER coding (PLOVER manual draft 0.8, Open Event Data
 * Alliance, 2021): the event type of its CAMEO code ("SANCTION"), by the
 * CAMEO-to-PLOVER correspondence published with that manual (our table:
 * src/enrich/plover.c), and in `*mode` and `*context` (each may be NULL)
 * the mode ("expel") and contexts joined by ';' ("military;peacekeeping"),
 * from the code and from the sentence's words (docs/coding.md, "PLOVER").
 * Static or borrowed from the doc. Returns "" (and "" for both) for codes
 * of CAMEO roots 01 and 02, which PLOVER has no type for, and when the
 * coder option no_enrich is set. The TABARI profile gives the code's
 * PLOVER coding only (no words of the sentence).
 */
DYAD_EXPORT const char *dyad_event_plover(const dyad_event *ev,
                                          const char **mode,
                                          const char **context);

/** ## Readers: stories from files and streams */

typedef struct dyad_reader dyad_reader;

/**
 * Input formats. Values are append-only. What each holds:
 *   - text: one story per file, or several: an optional first line
 *     "date YYYY-MM-DD" (or YYYYMMDD; blanks before it allowed) followed on
 *     the same line by the headline (the story title), then the body.
 *     Without a headline on the date line (or without a date line), the
 *     first body line is the headline when it has no closing punctuation,
 *     starts in capitals, does not end in a function word ("in", "the",
 *     "and", ...), holds a space, is at most 200 bytes and is followed by
 *     a capitalised or blank line. A
 *     date line that follows a blank line, after some text, starts the
 *     next story. The story id is the file name without directory and
 *     extension, with "-1", "-2", ... when the file holds several.
 *   - jsonl: one object per line with "id" (string or number; else
 *     "NAME-LINE"), "text" (or "content"), and optional "title", "date"
 *     ("YYYY-MM-DD", "YYYYMMDD", an ISO 8601 time or the number YYYYMMDD),
 *     "source", "url". Blank lines are skipped.
 *   - petrarch-xml: <Sentence date=".." id="STORY_SENT"><Text>..</Text>
 *     </Sentence> anywhere in the document (<Sentences>, <Validation>);
 *     consecutive sentences of one STORY are one story, their texts joined
 *     by blank lines; date YYYYMMDD or YYMMDD; <Parse> is ignored
 *     (PETRARCH2 documentation).
 *   - tabari: a record starts at a line beginning with a digit, "YYMMDD ID"
 *     or "YYYYMMDD ID", and its text runs to the next empty line; other
 *     lines are comments, and C block comments in the text are blanked
 *     (TABARI 0.8 manual).
 * DYAD_INPUT_AUTO tells them apart by the first bytes: '{' is JSON Lines,
 * '<' XML, a first record header before any text line TABARI, else text.
 */
typedef enum dyad_input_format {
  DYAD_INPUT_AUTO = 0,     /**< detect from content */
  DYAD_INPUT_TEXT = 1,     /**< stories led by "date YYYY-MM-DD" lines */
  DYAD_INPUT_JSONL = 2,    /**< one JSON object per line */
  DYAD_INPUT_PETRARCH = 3, /**< PETRARCH XML <Sentences>/<Sentence> */
  DYAD_INPUT_TABARI = 4,   /**< TABARI text records "YYMMDD ID" */
} dyad_input_format;

/** Parses "auto", "text", "jsonl", "petrarch-xml", "tabari"; returns
 * DYAD_ERR_ARG for anything else. */
DYAD_EXPORT dyad_status dyad_input_format_parse(const char *name,
                                                dyad_input_format *out);

/**
 * Opens a reader over the bytes `data[0..len)` (copied), named `name` for
 * errors and for the story id of plain text input (the name without
 * directory and extension). gzip and zstd data are decompressed. Returns
 * DYAD_ERR_FORMAT (AUTO could not tell), DYAD_ERR_NOMEM or DYAD_OK.
 */
DYAD_EXPORT dyad_status dyad_reader_open_mem(const char *name, const void *data,
                                             size_t len, dyad_input_format fmt,
                                             dyad_reader **out,
                                             dyad_error *err);

/**
 * Opens a reader over a file (`path`), or standard input when `path` is
 * "-" (named "<stdin>" in errors, story id "stdin"). The input is read as a
 * stream; only a story or a line over 64 MiB is refused, by
 * dyad_reader_next. Returns DYAD_ERR_IO (cannot open or read),
 * DYAD_ERR_FORMAT, DYAD_ERR_NOMEM or DYAD_OK.
 */
DYAD_EXPORT dyad_status dyad_reader_open_path(const char *path,
                                              dyad_input_format fmt,
                                              dyad_reader **out,
                                              dyad_error *err);

/**
 * Reads the next story into `doc`. Returns DYAD_OK (doc filled), DYAD_END
 * (no more stories), or an error for a story that was rejected: `err` says
 * where and why (file:line:col), and the next call goes on with the story
 * after it. Rejections: DYAD_ERR_PARSE (a JSON line that is not a JSON
 * object, a field of the wrong type), DYAD_ERR_DATE (a malformed date),
 * DYAD_ERR_EMPTY (no title and no text), DYAD_ERR_LIMIT (a story or a line
 * over 64 MiB). DYAD_ERR_IO, DYAD_ERR_NOMEM and the DYAD_ERR_PARSE of
 * malformed XML are final: the stories before them have been returned, and
 * the next call returns DYAD_END. An input that holds no story at all
 * (empty, blank lines only, XML without sentences) gives DYAD_ERR_EMPTY at
 * 1:1 once, then DYAD_END. Invalid UTF-8
 * is passed through (dyad_code reports it; see dyad_origin_locate).
 */
DYAD_EXPORT dyad_status dyad_reader_next(dyad_reader *r, dyad_doc *doc,
                                         dyad_error *err);

/** The format the reader detected or was given. */
DYAD_EXPORT dyad_input_format dyad_reader_format(const dyad_reader *r);

/**
 * Gives stories read from now on that have no date the date `ymd`
 * (YYYYMMDD; 0, the default, leaves them at 0). Returns DYAD_ERR_ARG (NULL
 * reader), DYAD_ERR_DATE (an impossible date) or DYAD_OK.
 */
DYAD_EXPORT dyad_status dyad_reader_set_default_date(dyad_reader *r, int ymd);

/**
 * Where a story lies in its input: a plain value, copied out of the reader
 * after each story (dyad_reader_origin) and kept beside it, to turn a
 * position in the story text into one in the input (dyad_origin_locate).
 * Fields starting with `_` are private to the library.
 */
typedef struct dyad_origin {
  size_t offset;   /**< byte offset of the story in the (decompressed) input */
  unsigned line;   /**< its 1-based line */
  unsigned column; /**< its 1-based byte column */
  unsigned _nparts;
  struct {
    size_t text;   /* where the part starts in the story text */
    size_t offset; /* ... and in the input */
    size_t exact;  /* bytes from there that are the input's bytes as is */
    unsigned line, column;
  } _part[2];
} dyad_origin;

/**
 * The id of the story the last dyad_reader_next call read or rejected
 * (DYAD_OK, or an error about one story: DYAD_ERR_DATE, DYAD_ERR_PARSE,
 * DYAD_ERR_EMPTY, DYAD_ERR_LIMIT), as the story would have had it, cut to
 * 255 bytes; NUL-terminated, owned by the reader, valid until its next
 * call. NULL when the id was not known yet (a JSON line that does not parse,
 * an "id" that is neither a string nor a number), after DYAD_END or an
 * error about the whole input, and for a NULL reader.
 */
DYAD_EXPORT const char *dyad_reader_story_id(const dyad_reader *r);

/** Copies the origin of the story last read by dyad_reader_next (DYAD_OK)
 * into `out`; zeroes it when there is none. */
DYAD_EXPORT void dyad_reader_origin(const dyad_reader *r, dyad_origin *out);

/**
 * Moves the position in `err`, a line and column in the story text of `doc`
 * as dyad_code reports them, to the input the story came from (`o`): sets
 * line, column and offset. Plain text and TABARI stories map byte for byte;
 * in JSON Lines a position after an escape sequence, and in PETRARCH XML any
 * position, is given as the start of its string or story. An `err` without
 * a line gets the start of the story. `err->source` is left as it is.
 */
DYAD_EXPORT void dyad_origin_locate(const dyad_origin *o, const dyad_doc *doc,
                                    dyad_error *err);

/** Frees a reader. Accepts NULL. */
DYAD_EXPORT void dyad_reader_free(dyad_reader *r);

/** ## Sinks: events out */

typedef struct dyad_sink dyad_sink;

/** Output formats. Values are append-only. */
typedef enum dyad_output_format {
  DYAD_OUTPUT_TSV = 0,   /**< header line, then one row per event */
  DYAD_OUTPUT_JSONL = 1, /**< one JSON object per event, every field */
} dyad_output_format;

/** Parses "tsv" or "jsonl"; DYAD_ERR_ARG otherwise. */
DYAD_EXPORT dyad_status dyad_output_format_parse(const char *name,
                                                 dyad_output_format *out);

/** Where a sink writes: called with each chunk of output; returns false on
 * failure, which the sink reports as DYAD_ERR_IO. */
typedef bool (*dyad_write_fn)(void *user, const char *data, size_t len);

/**
 * Makes a sink writing through `write` (called with `user`). Returns
 * DYAD_ERR_ARG or DYAD_ERR_NOMEM.
 */
DYAD_EXPORT dyad_status dyad_sink_new(dyad_output_format fmt,
                                      dyad_write_fn write, void *user,
                                      dyad_sink **out);

/** Which event codes a sink writes. Values are append-only. */
typedef enum dyad_ontology {
  /** CAMEO (code, root, quad_class, goldstein) and PLOVER (plover_type,
   * plover_mode, plover_context) columns. The default. */
  DYAD_ONTOLOGY_BOTH = 0,
  DYAD_ONTOLOGY_CAMEO = 1,  /**< the CAMEO columns only */
  DYAD_ONTOLOGY_PLOVER = 2, /**< the PLOVER columns only */
} dyad_ontology;

/** Parses "both", "cameo" or "plover"; DYAD_ERR_ARG otherwise. */
DYAD_EXPORT dyad_status dyad_ontology_parse(const char *name,
                                           dyad_ontology *out);

/** Picks the event-code columns of `sink` (default DYAD_ONTOLOGY_BOTH).
 * Returns DYAD_ERR_ARG (NULL sink, an unknown value, or output already
 * written) or DYAD_OK. */
DYAD_EXPORT dyad_status dyad_sink_set_ontology(dyad_sink *sink,
                                              dyad_ontology ontology);

/**
 * Writes the events of a coded `doc`. The TSV header is written before the
 * first row. TSV columns, in this order (docs/coding.md, "Output"):
 * story_id, story_date, sentence, source, target, [code, root, quad_class,
 * goldstein] (CAMEO), [plover_type, plover_mode, plover_context] (PLOVER;
 * see dyad_sink_set_ontology), source_text, target_text, verb_text,
 * modality, negated, rule, event_date (the story date when the text gives
 * none; "" when unknown), date_precision (dyad_date_precision_str),
 * date_text, country (ISO 3166 alpha-3), admin1, place (the gazetteer's
 * name), lat, lon (degrees, 5 decimals), geo_precision
 * (dyad_geo_precision_str), place_text (the words the location was read
 * from), fatalities, wounded ("" when unknown), count_text,
 * count_qualifier (dyad_count_qualifier_str). JSON Lines has the same
 * fields (unknown numbers and coordinates null) and adds date_approximate,
 * place_code (the country of the place phrase's actor code), spans
 * (source, target, verb, place: [start, end] or null) and sentence_text.
 * Returns DYAD_ERR_IO (the write function failed) or DYAD_OK.
 */
DYAD_EXPORT dyad_status dyad_sink_write(dyad_sink *sink, const dyad_doc *doc);

/** Writes what is pending (the TSV header when no event was written). The
 * sink may be written to again afterwards (the header is not repeated). */
DYAD_EXPORT dyad_status dyad_sink_finish(dyad_sink *sink);

/** Frees a sink. Accepts NULL. */
DYAD_EXPORT void dyad_sink_free(dyad_sink *sink);

/** A dyad_write_fn over a stdio stream (`user` is the FILE *). */
DYAD_EXPORT bool dyad_write_stdio(void *user, const char *data, size_t len);

/** ## Store: an event database (SQLite)
 *
 * A store is one SQLite 3 file holding every story an ingest read, the
 * sentences that gave events, one row per event report (every field of the
 * JSON Lines sink) and the de-duplicated events (clusters) those reports
 * form. The schema is docs/schema.sql; the rules (what counts as the same
 * event, how a changed story is replaced) are in docs/store.md. The
 * database uses WAL journaling: writes happen in the transactions the
 * caller opens with dyad_store_begin and closes with dyad_store_commit, so
 * a process killed at any moment leaves the stories of every committed
 * transaction and nothing of the open one.
 *
 * Threads: a dyad_store is used by one thread at a time, except
 * dyad_store_seen, which any thread may call at any time. Several
 * processes may read one database while one writes it.
 */

typedef struct dyad_store dyad_store;

/** Options of dyad_store_open. Zero-initialise for the defaults. */
typedef struct dyad_store_options {
  /** Open for reading only (queries, series, exports); the file must
   * exist. */
  bool read_only;
  /** De-duplication window in days (0..365): reports whose event dates
   * lie within this many days of a cluster's date join it. Used when the
   * database is made (0 here means the default, 1); an existing database
   * keeps its own window, and a different non-zero value is refused. */
  int window_days;
  /** Load the (story id, content hash) of every stored story at open, for
   * dyad_store_seen. */
  bool load_seen;
} dyad_store_options;

/**
 * Opens the store at `path`, making the file and its schema when it does
 * not exist (unless read_only). `opts` may be NULL. On success stores a
 * handle in `*out` (free with dyad_store_free). Returns DYAD_ERR_ARG (NULL
 * path or out, a window out of range or different from the database's),
 * DYAD_ERR_IO (SQLite cannot open or write the file; `err` has SQLite's
 * message), DYAD_ERR_FORMAT (the file is not a dyad store, or has another
 * schema version) or DYAD_ERR_NOMEM. On failure `*out` is left NULL.
 */
DYAD_EXPORT dyad_status dyad_store_open(const char *path,
                                        const dyad_store_options *opts,
                                        dyad_store **out, dyad_error *err);

/** Closes a store; an open transaction is rolled back. Accepts NULL. */
DYAD_EXPORT void dyad_store_free(dyad_store *store);

/** The schema a new store is given (docs/schema.sql as compiled in;
 * static string). */
DYAD_EXPORT const char *dyad_store_schema(void);

/** The de-duplication window of the open store, in days. */
DYAD_EXPORT int dyad_store_window(const dyad_store *store);

/**
 * A 64-bit content hash of a story: FNV-1a over its date and its text
 * (headline and body as dyad_doc_text gives them), then mixed. Two stories
 * with the same date and text have the same hash; a change of either
 * changes it (with probability 1 - 2^-64). Stable across runs and
 * machines.
 */
DYAD_EXPORT unsigned long long dyad_doc_hash(const dyad_doc *doc);

/**
 * True when the store held story `id` with content hash `hash` when it
 * was opened with load_seen (false without it). Reads a table made at open
 * and never changed afterwards, so any thread may call it while another
 * writes through the store: stories put since the open are not seen.
 */
DYAD_EXPORT bool dyad_store_seen(const dyad_store *store, const char *id,
                                 unsigned long long hash);

/** Starts a write transaction. Returns DYAD_ERR_ARG (read-only store or a
 * transaction already open), DYAD_ERR_IO (SQLite failed; `err` says why)
 * or DYAD_OK. */
DYAD_EXPORT dyad_status dyad_store_begin(dyad_store *store, dyad_error *err);

/** Commits the open transaction: everything put since dyad_store_begin
 * is then stored, or, on failure, nothing of it. Returns DYAD_ERR_ARG (no
 * transaction), DYAD_ERR_IO or DYAD_OK. */
DYAD_EXPORT dyad_status dyad_store_commit(dyad_store *store, dyad_error *err);

/** What dyad_store_put did with a story. Values are append-only. */
typedef enum dyad_store_result {
  DYAD_STORE_ADDED = 0,     /**< a new story id */
  DYAD_STORE_UNCHANGED = 1, /**< same id and hash: nothing written */
  DYAD_STORE_REPLACED = 2,  /**< same id, new hash: the old rows removed */
} dyad_store_result;

/** How a story fared before it reached the store. */
typedef struct dyad_store_story_info {
  const char *input;  /**< the file it was read from (NULL: unknown) */
  /** What dyad_code returned: DYAD_OK; DYAD_ERR_LIMIT (coded, one
   * sentence skipped); any other status rejects the story (no events). */
  dyad_status status;
  /** The message of a non-OK status ("file:line:col: ..."), or NULL. */
  const char *message;
} dyad_store_story_info;

/**
 * Stores a story `doc` (coded by dyad_code, or rejected by it as `info`
 * says; `info` may be NULL for a coded story) inside the open transaction:
 * its stories row (outcome coded, no_events, discarded or rejected with
 * the reason), the sentences that gave events, one events row per event,
 * each joined to its cluster or opening one (docs/store.md). A story id
 * already stored with the same content hash is left alone
 * (DYAD_STORE_UNCHANGED); with another hash its rows are removed first,
 * its clusters recounted and emptied ones dropped (DYAD_STORE_REPLACED).
 * `result` may be NULL. Returns DYAD_ERR_ARG (NULL store or doc, no open
 * transaction, a story without an id), DYAD_ERR_IO (SQLite failed: the
 * transaction should not be committed) or DYAD_ERR_NOMEM.
 */
DYAD_EXPORT dyad_status dyad_store_put(dyad_store *store, const dyad_doc *doc,
                                       const dyad_store_story_info *info,
                                       dyad_store_result *result,
                                       dyad_error *err);

/**
 * Accounts for a story the reader rejected (no document): a stories row
 * with outcome rejected, story id `id` (the caller's choice: `dyad ingest`
 * uses "input:line"), `input` and `message` as the reason, hashed by its
 * message. Same results and errors as dyad_store_put.
 */
DYAD_EXPORT dyad_status dyad_store_put_rejected(dyad_store *store,
                                                const char *id,
                                                const char *input,
                                                const char *message,
                                                dyad_store_result *result,
                                                dyad_error *err);

/** Row counts of a store's tables (dyad_store_counts). */
typedef struct dyad_store_counts {
  size_t stories, coded, no_events, discarded, rejected;
  size_t sentences, events, clusters;
} dyad_store_counts;

/** Counts the rows of each table. Returns DYAD_ERR_ARG, DYAD_ERR_IO or
 * DYAD_OK. */
DYAD_EXPORT dyad_status dyad_store_get_counts(dyad_store *store,
                                              dyad_store_counts *out,
                                              dyad_error *err);

/**
 * Which events a query, series or export reads. Zero-initialise: every
 * field left 0 or NULL matches everything. Actor codes match as prefixes
 * ("RUS" matches RUS, RUSGOV, RUSMIL; "" matches only an empty actor).
 */
typedef struct dyad_store_filter {
  const char *source;  /**< source actor code prefix */
  const char *target;  /**< target actor code prefix */
  const char *code;    /**< CAMEO event code prefix ("19" = root 19) */
  const char *root;    /**< CAMEO root code, exact ("04") */
  int quad_class;      /**< 1-4; 0 = any */
  int from, to;        /**< event dates YYYYMMDD, inclusive; 0 = open */
  /** the country of the event's location, ISO 3166-1 alpha-3, exact
   * ("MLI"); of the first report for de-duplicated events */
  const char *country;
  /** Read the raw event reports instead of the de-duplicated events.
   * Without it, dates are the clusters' dates (docs/store.md). */
  bool raw;
} dyad_store_filter;

/** Row formats of dyad_store_query. Values are append-only. */
typedef enum dyad_store_format {
  DYAD_STORE_TSV = 0,     /**< header line, tab-separated */
  DYAD_STORE_JSONL = 1,   /**< one JSON object a row */
  DYAD_STORE_CSV = 2,     /**< header line, RFC 4180 quoting */
  DYAD_STORE_PHOENIX = 3, /**< Phoenix: 26 tab-separated columns */
  DYAD_STORE_GDELT = 4,   /**< GDELT 2.0 event table: 61 columns */
  DYAD_STORE_ICEWS = 5,   /**< ICEWS: 20 columns with a header */
} dyad_store_format;

/** Parses "tsv", "jsonl", "csv", "phoenix", "gdelt", "icews";
 * DYAD_ERR_ARG otherwise. */
DYAD_EXPORT dyad_status dyad_store_format_parse(const char *name,
                                                dyad_store_format *out);

/**
 * Writes the events matching `f` (NULL: all) through `write` (called with
 * `user`) in format `fmt`, in event date order (unknown dates first), then
 * by id. The columns of each format are listed in docs/store.md; the
 * de-duplicated rows carry the mention and story counts and the supporting
 * (story id, sentence) pairs. `rows` (may be NULL) gets the number of
 * rows written. Returns DYAD_ERR_ARG (NULL store, write, or a filter value
 * out of range), DYAD_ERR_IO (SQLite failed or write returned false) or
 * DYAD_ERR_NOMEM.
 */
DYAD_EXPORT dyad_status dyad_store_query(dyad_store *store,
                                         const dyad_store_filter *f,
                                         dyad_store_format fmt,
                                         dyad_write_fn write, void *user,
                                         size_t *rows, dyad_error *err);

/** Periods of a series. Values are append-only. */
typedef enum dyad_series_period {
  DYAD_SERIES_DAY = 0,   /**< 'YYYY-MM-DD' */
  DYAD_SERIES_WEEK = 1,  /**< ISO weeks, named by their Monday */
  DYAD_SERIES_MONTH = 2, /**< 'YYYY-MM' */
} dyad_series_period;

/** What a series counts. Values are append-only. */
typedef enum dyad_series_measure {
  DYAD_SERIES_COUNT = 0,     /**< columns: period, events */
  /** columns: period, events, goldstein_sum, goldstein_mean (empty when
   * no event has a score) */
  DYAD_SERIES_GOLDSTEIN = 1,
  /** columns: period, events, q1, q2, q3, q4 (events per quad class) */
  DYAD_SERIES_QUAD = 2,
} dyad_series_measure;

/**
 * Writes a time series of the events matching `f` (NULL: all) as TSV with
 * a header (or CSV when `fmt` is DYAD_STORE_CSV): one row per period from
 * f->from (else the earliest matching event date) to f->to (else the
 * latest), periods without events included with zeros. Events with an
 * unknown date are left out. `rows` (may be NULL) gets the rows written.
 * Returns DYAD_ERR_ARG (NULL store or write, a format other than TSV or
 * CSV, from after to, or more than 1,000,000 periods), DYAD_ERR_IO or
 * DYAD_ERR_NOMEM.
 */
DYAD_EXPORT dyad_status dyad_store_series(dyad_store *store,
                                          const dyad_store_filter *f,
                                          dyad_series_period by,
                                          dyad_series_measure measure,
                                          dyad_store_format fmt,
                                          dyad_write_fn write, void *user,
                                          size_t *rows, dyad_error *err);

/** ## Validation: peer test suites
 *
 * Runs the validation suites of the peer coders (TABARI 0.8.4,
 * PETRARCH) with the dictionaries they name, and compares what dyad codes with
 * what each record expects:
 *
 *   - PETRARCH validation XML (PETR.UnitTest.records.xml; UniversalPetrarch
 *     petr2_gsr_dev.xml): each <Sentence> is one story, its <Text> dated by
 *     its `date`; <Parse> is ignored. A record passes when the SET of coded
 *     (source, target, code) equals the set of its <EventCoding> elements;
 *     noevents="True" passes when nothing is coded; error="storydiscard" or
 *     "sentencediscard" when the story was discarded and nothing coded; any
 *     other error= when nothing is coded. The run starts from PETRARCH's
 *     defaults (require_dyad true, new_actor_length 0, comma_* of the
 *     shipped PETR_config.ini) unless a PETRARCH config is among the
 *     dictionaries; <Config> elements change require_dyad,
 *     new_actor_length and comma_* for the records after them.
 *   - TABARI projects (Validate.project): each text record is one story;
 *     its comment block holds "{ SRC / TGT / CODE }" blocks (blanks ignored),
 *     "{---}" (no events), "{###}" (discarded), "{+++}" (too complex), "-{"
 *     (do not check from here) and "{ OPTION: line }" (options for the
 *     records after it; such records are not tests). A record passes when
 *     the MULTISET of coded (source, target, code) equals its blocks, in any
 *     order (TABARI compares in order); with SET: TIME SHIFT on, a date
 *     written after "}" must equal the event's date. As in TABARI, a record
 *     that gave no events also passes when a block names why ({---}; {###}
 *     and the story discarded; {+++} and marked complex), and coded events
 *     fail a record holding such a block. A record whose first block is
 *     "-{" is skipped; one with checked blocks before "-{" passes when
 *     those are all coded. The run stops at the record FINAL-01 (the end
 *     of TABARI's standard suite); the records after it are not run.
 *
 * A null actor is written "---" in both formats; dyad's empty actor code
 * compares equal to it. Quoted new-actor text ("THE MINISTRY OF MAGIC")
 * compares case-insensitively with blank runs folded.
 */

/** Suite formats. Values are append-only. */
typedef enum dyad_suite_kind {
  DYAD_SUITE_AUTO = 0,     /**< tell from the file */
  DYAD_SUITE_PETRARCH = 1, /**< PETRARCH validation XML */
  DYAD_SUITE_TABARI = 2,   /**< TABARI .project (or text file + dicts) */
} dyad_suite_kind;

/** Static name of a suite format ("PETRARCH suite", "TABARI project"). */
DYAD_EXPORT const char *dyad_suite_kind_str(dyad_suite_kind kind);

/** Options of a validation run. Zero-initialise for the defaults. */
typedef struct dyad_validate_options {
  dyad_suite_kind kind; /**< AUTO (default) or the suite's format */
  /** Dictionaries. One directory: searched for the files a PETRARCH suite
   * names when they are neither beside the suite nor in its sibling
   * directory petrarch2/. Otherwise (files: a config, project or dictionary
   * files): loaded instead of the dictionaries the suite names. */
  const char *const *dicts;
  size_t ndicts;
  /** When false the profile is TABARI for TABARI projects and for PETRARCH
   * suites whose verb file has PETRARCH-1 patterns, else DYAD. */
  bool profile_set;
  dyad_profile profile;
  bool keep_hedged; /**< passed to the coder (dyad_coder_options) */
  /** PETRARCH: also run records whose category is missing from the
   * suite's <Include> list (by default they are skipped, as PETRARCH-1
   * did). */
  bool all_categories;
} dyad_validate_options;

/** Verdict on one record. Values are append-only. */
typedef enum dyad_validate_result {
  DYAD_VALIDATE_PASS = 0,
  DYAD_VALIDATE_FAIL = 1,
  /** coded but not checked: TABARI "-{" before any checked block, or a
   * PETRARCH category left out by <Include> */
  DYAD_VALIDATE_SKIP = 2,
  /** not a test: a PETRARCH <Config> or TABARI OPTION record was applied
   * (`id` holds the option text, `modelled` says whether dyad uses it) */
  DYAD_VALIDATE_OPTION = 3,
} dyad_validate_result;

/** How the coded events differ from the expected ones. Append-only. */
typedef enum dyad_validate_diff {
  DYAD_DIFF_NONE = 0,
  DYAD_DIFF_MISSING = 1,       /**< expected events not coded, nothing extra */
  DYAD_DIFF_EXTRA = 2,         /**< every expected event coded, plus others */
  DYAD_DIFF_CODE = 3,          /**< same (source, target) pairs, other codes */
  DYAD_DIFF_ACTOR = 4,         /**< same codes, other source or target */
  DYAD_DIFF_MIXED = 5,         /**< missing and extra events of both kinds */
  DYAD_DIFF_NOT_DISCARDED = 6, /**< a discard was expected; none fired */
  DYAD_DIFF_NOT_COMPLEX = 7,   /**< TABARI {+++}: not marked complex */
  DYAD_DIFF_DATE = 8, /**< TABARI time shift: events right, dates not */
} dyad_validate_diff;

/** Static description of a difference ("missing event", "wrong code"). */
DYAD_EXPORT const char *dyad_validate_diff_str(dyad_validate_diff diff);

/**
 * One record as given to the callback. Every string is NUL-terminated and
 * borrowed for the duration of the call only. Event lists are written
 * "{SRC TGT CODE, SRC TGT CODE}" ("{}" when empty; TABARI with time shift
 * adds "@YYYYMMDD"); special expectations as "{noevents}", "{discard}",
 * "{complex}", "{error:NAME}", and partial checks end in ", ...}"; `got`
 * ends in " (discarded)" or " (complex)" when the story was so marked.
 */
typedef struct dyad_validate_record {
  const char *file;     /**< file holding the record */
  unsigned line;        /**< 1-based line where the record starts */
  const char *id;       /**< record id (option text for OPTION) */
  const char *category; /**< PETRARCH category; TABARI id prefix */
  int date;             /**< story date YYYYMMDD, 0 if invalid */
  const char *text;     /**< text as coded, blank runs folded */
  const char *expected;
  const char *got;
  dyad_validate_result result;
  dyad_validate_diff diff;
  size_t expected_events, matched_events, missing_events, extra_events;
  bool modelled; /**< OPTION: false when dyad does not model the option */
  dyad_status code_status; /**< what dyad_code returned (DYAD_OK mostly;
                                an error counts as "nothing coded") */
} dyad_validate_record;

/** Called once per record and per applied option, in file order. */
typedef void (*dyad_validate_record_fn)(void *user,
                                        const dyad_validate_record *rec);

/** What a run found; dyad_suite_info fills the fields known before it. */
typedef struct dyad_validate_summary {
  dyad_suite_kind kind;
  dyad_profile profile;
  const char *rule;     /**< static: the comparison rule, one line */
  const char *dicts;    /**< dictionary paths, ", "-joined (borrowed) */
  const char *excluded; /**< categories left out by <Include> (borrowed) */
  size_t records;       /**< test records to run (options not counted) */
  size_t options;       /**< options records / <Config> elements */
  size_t not_run;       /**< TABARI records after FINAL-01 */
  size_t passed, failed, skipped;
  size_t options_unmodelled; /**< options dyad does not model */
  size_t expected_events, matched_events, missing_events, extra_events;
} dyad_validate_summary;

typedef struct dyad_suite dyad_suite;

/**
 * Reads a suite (`path`: PETRARCH XML or TABARI .project) and loads the
 * dictionaries it names (see dyad_validate_options.dicts). `opts` may be
 * NULL. On success stores a handle in `*out` (free with dyad_suite_free).
 * Returns DYAD_ERR_ARG, DYAD_ERR_IO (suite or a dictionary cannot be
 * read or found; `err` names it), DYAD_ERR_FORMAT (neither format),
 * DYAD_ERR_PARSE (malformed XML, with line and column), DYAD_ERR_LIMIT
 * (file over 256 MiB) or DYAD_ERR_NOMEM, or any status of
 * dyad_lexicon_load. On failure `*out` is left NULL.
 */
DYAD_EXPORT dyad_status dyad_suite_open(const char *path,
                                        const dyad_validate_options *opts,
                                        dyad_suite **out, dyad_error *err);

/** Fills `info` with what is known before running: kind, profile, rule,
 * dicts, excluded, records, options, not_run (the rest zero). */
DYAD_EXPORT void dyad_suite_info(const dyad_suite *suite,
                                 dyad_validate_summary *info);

/**
 * Codes every record of `suite` and compares. `cb` (may be NULL) is called
 * with `user` for each record and option; `out` (may be NULL) gets the
 * summary. A run can be repeated; each starts from the suite's initial
 * options. Returns DYAD_ERR_NOMEM (the run stops), DYAD_ERR_ARG or DYAD_OK;
 * records that dyad_code rejects are verdicts, not errors.
 */
DYAD_EXPORT dyad_status dyad_suite_run(dyad_suite *suite,
                                       dyad_validate_record_fn cb, void *user,
                                       dyad_validate_summary *out,
                                       dyad_error *err);

/** Frees a suite and its lexicon. Accepts NULL. */
DYAD_EXPORT void dyad_suite_free(dyad_suite *suite);

/** One call: dyad_suite_open, dyad_suite_run, dyad_suite_free. Returns the
 * first failing status of those. */
DYAD_EXPORT dyad_status dyad_validate_run(const char *suite,
                                          const dyad_validate_options *opts,
                                          dyad_validate_record_fn cb,
                                          void *user,
                                          dyad_validate_summary *out,
                                          dyad_error *err);

#ifdef __cplusplus
}
#endif

#endif /* DYAD_H */
