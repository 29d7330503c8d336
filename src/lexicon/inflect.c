/*
 * inflect.c - verb inflections for dictionary verbs.
 *
 * Regular English rules (3rd person -s/-es/-ies, past -ed/-d/-ied with final
 * consonant doubling, -ing with e-dropping) plus the irregular forms of
 * WordNet 3.0's exception list `verb.exc` (Debian package wordnet-base,
 * /usr/share/wordnet/verb.exc: lines "inflected lemma"). TABARI generated
 * S/ED/ES/EN/ING endings the same way (TABARI manual ch. 5); PETRARCH-2 lists
 * irregular forms in {...} after the verb.
 */
#include "lexicon.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct exc_pair {
  char *lemma;
  char *form;
};

struct verb_exc {
  struct exc_pair *pairs;
  size_t n;
};

static int pair_cmp(const void *a, const void *b) {
  const struct exc_pair *x = a, *y = b;
  int c = strcmp(x->lemma, y->lemma);
  return c ? c : strcmp(x->form, y->form);
}

static char *upper_dup(const char *s, size_t n) {
  char *p = malloc(n + 1);
  if (!p)
    return NULL;
  for (size_t i = 0; i < n; i++)
    p[i] = (char)toupper((unsigned char)s[i]);
  p[n] = '\0';
  return p;
}

dyad_status Dyad_verb_exc_load(const char *path, struct verb_exc **out) {
  *out = NULL;
  FILE *f = fopen(path, "r");
  if (!f)
    return DYAD_ERR_IO;
  struct verb_exc *e = calloc(1, sizeof *e);
  size_t cap = 0;
  char line[256];
  dyad_status st = e ? DYAD_OK : DYAD_ERR_NOMEM;
  while (st == DYAD_OK && fgets(line, sizeof line, f)) {
    char *sp = strchr(line, ' ');
    if (!sp)
      continue;
    char *form = line;
    size_t fl = (size_t)(sp - line);
    char *lemma = sp + 1;
    size_t ll = strcspn(lemma, " \r\n");
    if (!fl || !ll)
      continue;
    if (e->n == cap) {
      cap = cap ? cap * 2 : 4096;
      struct exc_pair *p = realloc(e->pairs, cap * sizeof *p);
      if (!p) {
        st = DYAD_ERR_NOMEM;
        break;
      }
      e->pairs = p;
    }
    struct exc_pair *p = &e->pairs[e->n];
    p->lemma = upper_dup(lemma, ll);
    p->form = upper_dup(form, fl);
    if (!p->lemma || !p->form) {
      free(p->lemma);
      free(p->form);
      st = DYAD_ERR_NOMEM;
      break;
    }
    /* WordNet writes multi-word entries with '_' */
    for (char *c = p->lemma; *c; c++)
      if (*c == '_')
        *c = ' ';
    for (char *c = p->form; *c; c++)
      if (*c == '_')
        *c = ' ';
    e->n++;
  }
  fclose(f);
  if (st != DYAD_OK) {
    Dyad_verb_exc_free(e);
    return st;
  }
  qsort(e->pairs, e->n, sizeof *e->pairs, pair_cmp);
  *out = e;
  return DYAD_OK;
}

void Dyad_verb_exc_free(struct verb_exc *e) {
  if (!e)
    return;
  for (size_t i = 0; i < e->n; i++) {
    free(e->pairs[i].lemma);
    free(e->pairs[i].form);
  }
  free(e->pairs);
  free(e);
}

static uint8_t guess_kind(const char *lemma, const char *form) {
  size_t n = strlen(form), ln = strlen(lemma);
  if (n > 3 && strcmp(form + n - 3, "ING") == 0)
    return VF_ING;
  if (n > ln && form[n - 1] == 'S' && strncmp(form, lemma, ln) == 0)
    return VF_S;
  return VF_ED | VF_EN;
}

size_t Dyad_verb_exc_forms(const struct verb_exc *e, const char *lemma,
                           char forms[][64], uint8_t *kinds, size_t cap) {
  if (!e || !e->n)
    return 0;
  size_t lo = 0, hi = e->n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (strcmp(e->pairs[mid].lemma, lemma) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  size_t k = 0;
  for (size_t i = lo; i < e->n && k < cap; i++) {
    if (strcmp(e->pairs[i].lemma, lemma) != 0)
      break;
    size_t fl = strlen(e->pairs[i].form);
    if (fl >= 64)
      continue;
    memcpy(forms[k], e->pairs[i].form, fl + 1);
    kinds[k] = guess_kind(lemma, e->pairs[i].form);
    k++;
  }
  return k;
}

static bool vowel(char c) {
  return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

/* Consonant-vowel-consonant ending where the final consonant doubles
 * (STOP -> STOPPED). Returns 0 no, 1 yes (one syllable), 2 maybe. */
static int doubles(const char *w, size_t n) {
  if (n < 3)
    return 0;
  char c3 = w[n - 1], c2 = w[n - 2], c1 = w[n - 3];
  if (vowel(c3) || c3 == 'W' || c3 == 'X' || c3 == 'Y' || !vowel(c2) ||
      vowel(c1) || !isalpha((unsigned char)c3))
    return 0;
  if (n >= 4 && c1 == 'Q')
    return 0;
  int groups = 0;
  bool in = false;
  for (size_t i = 0; i < n; i++) {
    bool v = vowel(w[i]) || (w[i] == 'Y' && i > 0);
    if (v && !in)
      groups++;
    in = v;
  }
  return groups <= 1 ? 1 : 2;
}

static size_t put(char forms[][64], uint8_t *kinds, size_t k, const char *s,
                  size_t n, uint8_t kind) {
  if (n >= 64)
    return k;
  for (size_t i = 0; i < k; i++) {
    if (strlen(forms[i]) == n && memcmp(forms[i], s, n) == 0) {
      kinds[i] |= kind;
      return k;
    }
  }
  memcpy(forms[k], s, n);
  forms[k][n] = '\0';
  kinds[k] = kind;
  return k + 1;
}

size_t Dyad_inflect(const char *lemma, char forms[][64], uint8_t *kinds,
                    const struct verb_exc *exc) {
  /* Capacity: callers pass arrays of at least 12 entries. */
  size_t n = strlen(lemma);
  size_t k = 0;
  char buf[72];
  if (n == 0 || n > 56)
    return 0;
  k = put(forms, kinds, k, lemma, n, VF_BASE);
  /* irregular forms first: they decide whether regular past is made */
  char xf[8][64];
  uint8_t xk[8];
  /* at most 6 irregular forms, so that the total stays within 12:
   * base + 6 + S + 2 past + 2 -ing */
  size_t nx = Dyad_verb_exc_forms(exc, lemma, xf, xk, 6);
  bool irregular_past = false;
  for (size_t i = 0; i < nx; i++) {
    if (xk[i] & (VF_ED | VF_EN)) {
      /* doubled forms (ABETTED) are regular spellings WordNet lists */
      if (!(strncmp(xf[i], lemma, n) == 0 && strlen(xf[i]) == n + 3))
        irregular_past = true;
    }
    k = put(forms, kinds, k, xf[i], strlen(xf[i]), xk[i]);
  }
  bool alpha_end = isalpha((unsigned char)lemma[n - 1]);
  if (!alpha_end)
    return k;
  char last = lemma[n - 1], prev = n > 1 ? lemma[n - 2] : 0;
  /* 3rd person singular */
  if (last == 'S' || last == 'X' || last == 'Z' || last == 'O' ||
      (last == 'H' && (prev == 'C' || prev == 'S'))) {
    snprintf(buf, sizeof buf, "%sES", lemma);
  } else if (last == 'Y' && !vowel(prev)) {
    snprintf(buf, sizeof buf, "%.*sIES", (int)(n - 1), lemma);
  } else {
    snprintf(buf, sizeof buf, "%sS", lemma);
  }
  k = put(forms, kinds, k, buf, strlen(buf), VF_S);
  int dbl = doubles(lemma, n);
  /* past and participle */
  if (!irregular_past) {
    if (last == 'E') {
      snprintf(buf, sizeof buf, "%sD", lemma);
      k = put(forms, kinds, k, buf, strlen(buf), VF_ED | VF_EN);
    } else if (last == 'Y' && !vowel(prev)) {
      snprintf(buf, sizeof buf, "%.*sIED", (int)(n - 1), lemma);
      k = put(forms, kinds, k, buf, strlen(buf), VF_ED | VF_EN);
    } else {
      if (dbl) {
        snprintf(buf, sizeof buf, "%s%cED", lemma, last);
        k = put(forms, kinds, k, buf, strlen(buf), VF_ED | VF_EN);
      }
      if (dbl != 1) {
        snprintf(buf, sizeof buf, "%sED", lemma);
        k = put(forms, kinds, k, buf, strlen(buf), VF_ED | VF_EN);
      }
    }
  }
  /* present participle */
  if (n >= 2 && last == 'E' && prev == 'I') {
    snprintf(buf, sizeof buf, "%.*sYING", (int)(n - 2), lemma);
  } else if (last == 'E' && prev != 'E' && prev != 'Y' && prev != 'O' &&
             n > 2) {
    snprintf(buf, sizeof buf, "%.*sING", (int)(n - 1), lemma);
  } else if (dbl == 1) {
    snprintf(buf, sizeof buf, "%s%cING", lemma, last);
  } else {
    snprintf(buf, sizeof buf, "%sING", lemma);
  }
  k = put(forms, kinds, k, buf, strlen(buf), VF_ING);
  if (dbl == 2) {
    snprintf(buf, sizeof buf, "%s%cING", lemma, last);
    k = put(forms, kinds, k, buf, strlen(buf), VF_ING);
  }
  return k;
}
