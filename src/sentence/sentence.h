/*
 * sentence.h - sentence spans over a token array.
 *
 * Takes: the tokens of one story. Gives: sentences as token ranges. Rules:
 * a sentence ends at . ? ! (with the closing quotes and brackets after it)
 * when the next token can start a sentence; an absorbed abbreviation period
 * ("U.S.") ends one only before a common sentence opener ("The", "He");
 * titles and initials ("Gen.", "J.") never do; a blank line always does;
 * and the headline (first line or the title) is sentence 0.
 */
#ifndef DYAD_SENTENCE_H
#define DYAD_SENTENCE_H

#include "../token/token.h"

struct sentence {
  uint32_t first, last; /* token range [first, last) */
  uint32_t start, end;  /* byte span in the story text */
};

/*
 * Splits tokens[0..n) into sentences appended to `out` (vec of struct
 * sentence). `headline_end` is the byte offset where the headline ends (0
 * when there is none): a sentence always ends there.
 */
dyad_status Dyad_split_sentences(const struct token *toks, size_t n,
                                 size_t headline_end, struct vec *out) DYAD_WUR;

#endif
