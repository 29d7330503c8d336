/*
 * classic.c - the TABARI profile: coding as TABARI 0.8 did (coders.md §1).
 *
 * Until the classic parser lands this profile uses dyad's own parser with
 * its modality rules switched off.
 */
#include "../event/coder.h"

#include <string.h>

dyad_status Dyad_classic_code(const struct dyad_coder *c, struct dyad_doc *d,
                              int date, dyad_error *err) {
  const struct dyad_lexicon *lex = c->lex;
  struct token *toks = d->tokens.data;
  struct parse_opts po = {date, true};
  struct discourse dc;
  memset(&dc, 0, sizeof dc);
  (void)err;
  for (size_t si = 0; si < d->sentences.len; si++) {
    const struct sentence *se = &VEC_AT(&d->sentences, struct sentence, si);
    uint32_t n = se->last - se->first;
    if (n > DYAD_MAX_SENT_TOKENS)
      continue;
    struct sent s;
    TRY(Dyad_parse(lex, toks + se->first, n, &po, &dc, &d->arena, &s));
    s.index = (uint32_t)si;
    if (s.discard >= 0 || s.story_discard >= 0) {
      d->flags |= DOC_DISCARDED;
      continue;
    }
    TRY(Dyad_code_sentence(c, d, &s, &d->explain));
    Dyad_discourse_update(lex, &s, &dc);
  }
  return DYAD_OK;
}
