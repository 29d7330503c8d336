/*
 * enrich.c - event date, place and fatalities (pipeline stage "enrich").
 */
#include "../event/coder.h"

dyad_status Dyad_enrich_sentence(const struct dyad_coder *c,
                                 struct dyad_doc *doc, const struct sent *s,
                                 size_t first, int date) {
  (void)c;
  (void)s;
  (void)date;
  for (size_t i = first; i < doc->events.len; i++) {
    struct dyad_event *e = &VEC_AT(&doc->events, struct dyad_event, i);
    e->fatalities = -1;
  }
  return DYAD_OK;
}
