/*
 * coder.h - event coding of a parsed sentence (pipeline stage "events").
 *
 * Takes: a parsed sentence (parse.h) and the lexicon. Gives: events appended
 * to the document: (source, target, CAMEO code, spans, rule, modality).
 */
#ifndef DYAD_CODER_H
#define DYAD_CODER_H

#include "../parse/parse.h"
#include "../parse/words.h"

struct classic;

struct dyad_coder {
  const struct dyad_lexicon *lex;
  dyad_coder_options opt;
  /* TABARI options in force: copied from the lexicon at creation, changed
   * by validation suites' OPTION records (src/validate). */
  struct lex_tabari_opts tabari;
  bool require_dyad; /* drop events without a target */
  int new_actor_length;
  struct word_index words; /* closed-class word index (parse/words.h) */
  /* The TABARI profile's dictionaries and working state (src/classic),
   * made by dyad_coder_new for DYAD_PROFILE_TABARI, else NULL. */
  struct classic *classic;
};

/* Codes one sentence of `doc`: appends to doc->events. */
dyad_status Dyad_code_sentence(const struct dyad_coder *c, struct dyad_doc *doc,
                               struct sent *s, struct buf *explain) DYAD_WUR;

/*
 * Enrichment (src/enrich): fills event date, place and fatalities of the
 * events [first, doc->events.len) coded from sentence `s`, from the text
 * and the story date (`date`, YYYYMMDD or 0).
 */
dyad_status Dyad_enrich_sentence(const struct dyad_coder *c,
                                 struct dyad_doc *doc, const struct sent *s,
                                 size_t first, int date) DYAD_WUR;

/*
 * The TABARI profile (src/classic): codes every sentence of `doc` (already
 * tokenised, word ids set, sentences split) the way TABARI 0.8 did, for
 * TABARI and PETRARCH-1 dictionaries and their validation suites. `date` is
 * the story date (or the default date). Appends to doc->events and sets
 * doc->flags.
 */
dyad_status Dyad_classic_code(const struct dyad_coder *c, struct dyad_doc *doc,
                              int date, dyad_error *err) DYAD_WUR;

/* Makes the TABARI profile's state for `lex`: reads the TABARI view of the
 * dictionary files the lexicon was loaded from (src/classic/cdict.c).
 * DYAD_ERR_IO (a file cannot be read again), DYAD_ERR_NOMEM or DYAD_OK. */
dyad_status Dyad_classic_new(const struct dyad_lexicon *lex,
                             struct classic **out, dyad_error *err) DYAD_WUR;
/* Frees it; accepts NULL. */
void Dyad_classic_free(struct classic *cl);

#endif
