/*
 * match.h - verb pattern matching (TABARI / PETRARCH-1 linear patterns).
 *
 * Takes: a parsed sentence (actor groups, verb groups) and a verb group.
 * Gives: the code of the first pattern of the verb's block that matches,
 * longest first (TABARI manual §5.7), with the actor groups that '$' and
 * '+' took, or the verb's own code when no pattern matches.
 */
#ifndef DYAD_MATCH_H
#define DYAD_MATCH_H

#include "../parse/parse.h"

struct vcode {
  uint32_t code, code2; /* string ids; code2 LEX_NONE unless paired */
  int src, tgt;         /* groups from $ / + (or %), -1 if none */
  bool compound;        /* '%' matched */
  uint32_t pattern;     /* pattern index or LEX_NONE (verb's own code) */
  struct lex_src rule;  /* pattern's or verb's file and line */
};

/* Codes verb group v, matching patterns within tokens [lo, hi). */
void Dyad_match_verb(const struct dyad_lexicon *lex, const struct sent *s,
                     const struct vgroup *v, uint32_t lo, uint32_t hi,
                     struct vcode *out);

#endif
