/*
 * words.h - closed English word classes (see words.c).
 */
#ifndef DYAD_WORDS_H
#define DYAD_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Properties of framing verbs and adverbs. */
enum wprop {
  W_REPORT = 1 << 0,  /* say, tell, add, announce, ... (reporting frames) */
  W_HEDGE = 1 << 1,   /* believed, thought, expected, feared, ... */
  W_FUTURE = 1 << 2,  /* plan, set, due, going, intend, want, seek, ... */
  W_BELIEF = 1 << 3,  /* believe, think, expect, trust (negated: doubt) */
  W_FAIL = 1 << 4,    /* fail, neglect (the complement did not happen) */
  W_HAZARD = 1 << 5,  /* flood, earthquake, accident, crash: deaths no actor
                         caused */
  W_PLANNED = 1 << 6, /* planned, proposed, possible, alleged: an event noun
                         after it has not happened */
  W_TOPIC = 1 << 7,   /* debate, plan, talks, deal: an event noun before it
                         only names a topic ("the pull-out debate") */
};
/* The props of verbs that frame another act. */
#define W_FRAME (W_REPORT | W_HEDGE | W_FUTURE | W_BELIEF | W_FAIL)

/* enum fclass of a folded key, FC_NONE if open-class. */
uint8_t Dyad_word_class(const char *key);
/* enum wprop bits of a folded key. */
uint8_t Dyad_word_props(const char *key);
/* Both at once (one lookup). */
void Dyad_word_lookup(const char *key, uint8_t *fc, uint8_t *props);

/* A hash index over the table, for the per-token lookup of the parser:
 * one hash and usually one comparison instead of a binary search. Built
 * once per coder (a handle's state, not a global: STYLE §5). */
#define WORD_INDEX_SLOTS 2048 /* a power of two, over four times the table */
struct word_index {
  uint16_t slot[WORD_INDEX_SLOTS]; /* 1 + table entry; 0 empty */
};
void Dyad_word_index_build(struct word_index *ix);
/* Dyad_word_lookup through the index. */
void Dyad_word_lookup_ix(const struct word_index *ix, const char *key,
                         uint8_t *fc, uint8_t *props);
/* 1 if the index finds every table entry with its class (unit tests). */
bool Dyad_word_index_agrees(const struct word_index *ix);
/* say, tell, add, announce, ... (reporting frames) */
bool Dyad_word_is_reporting(const char *key);
/* believed, thought, expected, feared, ... (hedges) */
bool Dyad_word_is_hedge_verb(const char *key);
/* plan, set, due, going, intend, want, seek, ... (futures) */
bool Dyad_word_is_future_verb(const char *key);
/* believe, think, expect, trust (negated: doubt) */
bool Dyad_word_is_belief_verb(const char *key);
/* fail, neglect (the complement did not happen) */
bool Dyad_word_is_failure_verb(const char *key);
/* short words that collide with acronyms when lower case */
bool Dyad_word_is_common_short(const char *key, size_t n);
/* 1 if the class table is sorted (checked by the unit tests) */
bool Dyad_word_table_sorted(void);

#endif
