/*
 * enrich.h - event date, location, counts of dead and wounded, and PLOVER
 * coding (pipeline stage "enrich").
 *
 * Takes: a parsed sentence (parse.h), the events coded from it, the story
 * date and the lexicon's gazetteer (gazetteer.h). Gives: each event's date
 * with its precision and the words it came from (when.c), its place phrase
 * and location (enrich.c, locate.c), the numbers of people killed and
 * wounded with how exact they are (toll.c), and its PLOVER type, mode and
 * context (plover.c), all read from the sentence's own words.
 *
 * One scan of the sentence (words.c classifies every word once, into a
 * stack array) finds its time expressions, its tolls and its place
 * phrases; each event then takes the ones nearest to its verb. A sentence
 * without events is scanned only when it may hold a toll for earlier
 * events. Nothing is allocated but a place's three-letter country code and
 * a PLOVER context list that the sentence's words extend, from the
 * document's arena.
 *
 * The rules, with examples, are those of dyad.h ("Events: enrichment"),
 * docs/coding.md ("When, where, how many") and of the comment opening each
 * file.
 */
#ifndef DYAD_ENRICH_H
#define DYAD_ENRICH_H

#include "../parse/parse.h"

/*
 * struct dyad_event.date_precision holds a dyad_date_precision in its low
 * four bits and these flags above them. Events that the enrich stage never
 * saw (the TABARI profile, events made by hand) lack ENRICH_DONE: their
 * fatalities field is not a count, and a non-zero event_date is a TABARI
 * time shift (a day).
 */
enum {
  ENRICH_PREC_MASK = 0x0f,
  ENRICH_APPROX = 0x40, /* "a few weeks ago": the date is a guess */
  ENRICH_DONE = 0x80,   /* the enrich stage filled the event */
};

/* What a word is to the enrich stage (words.c). */
enum ew_kind {
  EW_NONE = 0,
  EW_WEEKDAY,  /* val 0 = Monday .. 6 = Sunday */
  EW_MONTH,    /* val 1..12 */
  EW_MONABBR,  /* Jan Feb ... Sept ...: val 1..12 */
  EW_MAY,      /* May: a month only in context (val 5) */
  EW_DAYREL,   /* yesterday (val 0), today (1), tonight (2), tomorrow (3) */
  EW_UNIT,     /* day (1) week (2) month (3) year (4) weekend (5) decade (6) */
  EW_PART,     /* night (val 1), morning afternoon evening (0) */
  EW_LAST,     /* last */
  EW_THIS,     /* this */
  EW_NEXT,     /* next, coming */
  EW_EARLIER,  /* earlier, later */
  EW_EDGE,     /* early, late, mid: "in early March" */
  EW_AGO,      /* ago */
  EW_PREP,     /* in (1), on (2), during (3), at (4), over (5), near and
                * outside (6) */
  EW_NUMWORD,  /* one .. ninety (val), hundred (100), thousand (1000) */
  EW_DOZEN,    /* dozen (val 12) */
  EW_VAGUE,    /* a lower bound: dozens (24), scores (40), hundreds (200),
                * thousands (2000) */
  EW_FEW,      /* few, several, couple: an approximate count (3 or 2) */
  EW_A,        /* a, an */
  EW_QUAL,     /* before a count: nearly, about, some ... (val 0); words
                * of "at least", "more than", "up to" ... (1); tens (2) */
  EW_KILL,     /* kill, kills, killing (active) */
  EW_KILLED,   /* killed: active or passive */
  EW_DEAD,     /* dead, died, die, dies, dying, perished, slain */
  EW_DEATHS,   /* deaths, fatalities */
  EW_TOLL,     /* toll */
  EW_LIVES,    /* lives */
  EW_CLAIM,    /* claim, claimed, claiming: "claimed 25 lives" */
  EW_BEAUX,    /* was were are is been have has had reported said shot ...:
                * words between a count and "killed" */
  EW_NAMEEND,  /* English, Parliament, capital ...: not a place name; val 1
                * for a direction (north, eastern, central ...) */
  EW_HOLIDAY,  /* good black bloody holy ash palm easter super */
  EW_BOUND,    /* they bound an act in time: after (val 1), before since
                * until till (0), ahead (of) and prior (to) (2) */
  EW_NUM,      /* a number token: val its value (capped at 65535) */
  EW_ORDINAL,  /* 3rd, 26th: val 1..31 */
  EW_WOUNDED,  /* wounded, injured, hurt (val 0); wounding, injuring (1) */
  EW_CASUALTY, /* casualties, casualty (val 0: dead and wounded); injuries
                * (1: wounded) */
};

/* struct eword.flags of EW_NUM */
enum {
  EWF_WHOLE = 1 << 0, /* digits and thousands commas only */
  EWF_YEAR = 1 << 1,  /* four digits, 1800..2199, no comma */
  EWF_BIG = 1 << 2,   /* over 65535: val is capped */
};

struct eword {
  uint8_t kind;  /* enum ew_kind */
  uint8_t flags; /* EWF_* of numbers */
  uint16_t val;
};

/* Classifies token `t` (a word or number) for the enrich stage. */
struct eword Dyad_enrich_word(const struct token *t);

/* True when the word table of words.c is sorted (checked by the tests). */
bool Dyad_enrich_table_sorted(void);

/* Slots of the hash table of words.c (a power of two). */
#define EW_SLOTS 1024
/* Builds the hash table of the word table into `out`; true when words.c
 * holds the same one (checked by the tests, which print `out` if not). */
void Dyad_enrich_hash_build(uint16_t out[EW_SLOTS]);
bool Dyad_enrich_hash_current(void);

/* The integer value of a number token ("13,000" -> 13000), -1 when it is not
 * a whole number (decimals, "25-year-old" parts, over 10^9). */
long Dyad_enrich_number(const struct token *t);

/* A time expression of a sentence. */
struct when {
  uint32_t t0, t1; /* token span, sentence-relative, half-open */
  int date;        /* YYYYMMDD; 0 when relative and no story date */
  uint8_t prec;    /* dyad_date_precision */
  bool approx;     /* "a few weeks ago" */
  bool modifier;   /* "Monday's": it dates a noun, the verb only before it */
  int ahead;       /* a bare weekday: its date for a verb in the future
                    * (the first such day on or after the story's), else 0 */
};

/*
 * Finds the time expressions of sentence `s` (words classified in `w`) and
 * resolves them against the story date `date` (YYYYMMDD or 0). Writes up to
 * `cap` of them to `out`, in text order; returns how many.
 */
size_t Dyad_enrich_times(const struct sent *s, const struct eword *w, int date,
                         struct when *out, size_t cap);

/*
 * The date of a dateline opening the story's body, "BAGHDAD, Aug. 26, 2004
 * -", "MOSCOW, Aug. 18 (Xinhuanet) --", "NEW DELHI, 7 September 2004 -":
 * capitalised place words and commas, a day and month (and year; without
 * one, the date nearest the story date `date`), then a dash, colon,
 * parenthesis or the sentence's end, in the first 16 tokens `t[0..n)`.
 * Returns YYYYMMDD and sets *end to the token after the date, or 0.
 */
int Dyad_enrich_dateline(const struct token *t, uint32_t n, int date,
                         uint32_t *end);

/* What a toll counts. */
enum toll_what {
  TOLL_DEAD = 0,    /* people killed */
  TOLL_WOUNDED = 1, /* people wounded or injured */
  TOLL_BOTH = 2,    /* "no casualties": neither dead nor wounded (count 0) */
};

/* A death or injury toll of a sentence. */
struct toll {
  uint32_t t0, t1; /* token span of the phrase */
  uint32_t anchor; /* the kill, dead, wounded or toll word */
  int count;       /* people killed or wounded; -1 for a vague plural
                    * ("dozens"), whose qual is DYAD_COUNT_VAGUE */
  uint8_t what;    /* enum toll_what */
  uint8_t qual;    /* dyad_count_qualifier */
};

/*
 * Finds the death tolls of sentence `s`; numbers inside the time
 * expressions `times[0..ntimes)` are not counts. Writes up to `cap` to
 * `out` in text order; returns how many.
 */
size_t Dyad_enrich_tolls(const struct sent *s, const struct eword *w,
                         const struct when *times, size_t ntimes,
                         struct toll *out, size_t cap);

/* The PLOVER type, mode and context of CAMEO `code` (plover.c): the entry
 * of the longest prefix of `code` in the table; "" for each when none (the
 * CAMEO roots 01 and 02, which PLOVER dropped). Static strings. Returns
 * whether the table has an entry. */
bool Dyad_plover_of(const char *code, const char **type, const char **mode,
                    const char **context);
/* True when plover.c's code table and keyword list are sorted. */
bool Dyad_plover_table_sorted(void);
bool Dyad_plover_words_sorted(void);

/* The contexts and modes the words of a sentence name (plover.c). */
struct plover_words {
  uint32_t contexts; /* bit i: the i-th context of plover.c */
  uint32_t modes;    /* bit m: the mode M_m of plover.c */
};
void Dyad_plover_words(const struct sent *s, struct plover_words *out);

/* The PLOVER type, mode and context of an event of `code` in a sentence
 * whose words are `w`: the table's, with a mode from the words when the
 * table gives none and the words' contexts added. A context list that
 * grows is copied into `a`. Returns DYAD_ERR_NOMEM or DYAD_OK. */
dyad_status Dyad_plover_event(struct arena *a, const struct plover_words *w,
                              const char *code, const char **type,
                              const char **mode, const char **context) DYAD_WUR;

struct dyad_doc;
/* Resolves the locations of the events [first, ...) of `doc`, coded from
 * sentence `s`, whose place phrases enrich.c has set (locate.c). */
dyad_status Dyad_enrich_locate(const struct dyad_lexicon *lex,
                               struct dyad_doc *doc, const struct sent *s,
                               size_t first) DYAD_WUR;

/* YYYYMMDD `ymd` moved by `days`, 0 when the result is not a valid date. */
int Dyad_enrich_add_days(int ymd, long days);

/* Whether a verb other than the event's own (at token v) starts between
 * tokens a and b of sentence s (the place phrase then belongs to that
 * verb's act). */
bool Dyad_enrich_verb_between(const struct sent *s, uint32_t a, uint32_t b,
                              uint32_t v);

#endif
