/*
 * family.h - code families of complement-taking verbs (see family.c).
 */
#ifndef DYAD_FAMILY_H
#define DYAD_FAMILY_H

#include <stdbool.h>
#include <stddef.h>

enum family {
  FAM_NONE = 0,
  FAM_INTENT, /* 03x */
  FAM_THREAT, /* 13x */
  FAM_REFUSE, /* 12x */
  FAM_APPEAL, /* 02x */
  FAM_DEMAND, /* 10x */
};

/* The family of an outer verb's code, FAM_NONE for ordinary codes. */
enum family Dyad_family_of(const char *code);

/* The code for act `act` under family `f` (static string; returns `outer`
 * unchanged when `act` is not a CAMEO code, NULL when the combination is
 * not an event, e.g. refusing to attack). */
const char *Dyad_family_map(enum family f, const char *outer, const char *act);

/* The refusal code (12x) for a negated cooperative act (roots 03-08), NULL
 * for acts whose negation is no event. */
const char *Dyad_refusal_of(const char *act);

#endif
