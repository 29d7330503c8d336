/*
 * toll.c - death and injury tolls: how many people a sentence says were
 * killed or wounded.
 *
 * The phrases read (a count is digits, number words or the rules below,
 * after "at least", "more than", "over", "up to", "nearly", "about",
 * "some", "an estimated", "another" ...):
 *
 *   kill/kills/killed/killing COUNT     "killed 25 people", "killing 11",
 *                                       "Attack Kills 25", "killed at least 3"
 *   shot dead COUNT                     "shot dead three Palestinians"
 *   wounding/injuring/injures COUNT     "wounding 12" (wounded)
 *   wounded/injured COUNT as the verb   "and injured seven others"
 *   COUNT ... killed/dead/died          "at least 10 Iraqis were killed",
 *                                       "174 peacekeepers have died",
 *                                       "left 3 dead", "two were shot dead"
 *                                       (up to six words between besides
 *                                       auxiliaries; no verb but be, have,
 *                                       reported, said, shot; no
 *                                       preposition but "of" and "to"; no
 *                                       comma)
 *   COUNT ... wounded/injured/hurt      "16 wounded", "16 people were
 *                                       injured" (wounded)
 *   COUNT deaths/fatalities/injuries    "25 deaths", "3 injuries" (wounded)
 *   (death) toll ... COUNT              "a death toll of 40", "the toll rose
 *                                       to 40"
 *   claimed COUNT lives, claiming the lives of COUNT
 *   no casualties/deaths/injuries       0 (casualties: dead and wounded)
 *   no one/nobody ... killed/hurt       0
 *
 * Counts: digits with thousands commas ("13,000"); number words one to
 * ninety, hyphenated tens ("twenty-five"), "N hundred", "N thousand", "a
 * dozen" (12), "N dozen"; "a"/"an" is one only in "a soldier was killed"
 * and after "and"; "one of five ... killed" is five. Counts joined by "and"
 * add up ("25 civilians and 3 soldiers were killed": 28; "killing four
 * soldiers and a civilian": 5), but not one that opens a clause ("killed 22
 * and 40 were wounded": 22 killed, then 40 wounded). Each toll carries how
 * exact it is (dyad_count_qualifier): "at least", "more than", "over" a
 * lower bound; "up to", "as many as", "nearly", "almost" an upper one; "about",
 * "some", "an estimated" approximate. Vague plurals ("dozens", "scores",
 * "hundreds", "thousands", "tens of thousands") give no number (-1),
 * flagged vague. "A few", "several", "many" give no count at all, nor do
 * decimals ("1.2 million"), counts followed by million, billion or percent,
 * ages ("25-year-old") and numbers inside a time expression ("killed in
 * 2003", "killed 3 days ago").
 */
#include <stdint.h>
#include <string.h>

#include "enrich.h"

struct scan {
  const struct sent *s;
  const struct eword *w;
  uint32_t n;
  const struct when *times;
  size_t ntimes;
};

static uint8_t kind(const struct scan *sc, uint32_t i) {
  return i < sc->n ? sc->w[i].kind : (uint8_t)EW_NONE;
}

static bool key_is(const struct scan *sc, uint32_t i, const char *k) {
  return i < sc->n && Dyad_key_is(&sc->s->tok[i], k);
}

static bool in_time(const struct scan *sc, uint32_t i) {
  for (size_t k = 0; k < sc->ntimes; k++)
    if (i >= sc->times[k].t0 && i < sc->times[k].t1)
      return true;
  return false;
}

/* How exact the count of the phrase [t0, t1) is: its qualifier words
 * ("at least", "more than", "over": a lower bound; "up to", "nearly",
 * "almost", "fewer than": an upper bound; "about", "some", "an estimated":
 * approximate) and vague plurals ("dozens", "tens of thousands"). */
static uint8_t qualifier(const struct scan *sc, uint32_t t0, uint32_t t1) {
  uint8_t q = DYAD_COUNT_EXACT;
  for (uint32_t j = t0; j < t1 && j < sc->n; j++) {
    uint8_t k = kind(sc, j);
    if (k == EW_VAGUE || (k == EW_QUAL && sc->w[j].val == 2))
      return DYAD_COUNT_VAGUE;
    if (q != DYAD_COUNT_EXACT)
      continue;
    if ((key_is(sc, j, "AT") && key_is(sc, j + 1, "LEAST")) ||
        (key_is(sc, j, "MORE") && key_is(sc, j + 1, "THAN")) ||
        key_is(sc, j, "OVER"))
      q = DYAD_COUNT_AT_LEAST;
    else if ((key_is(sc, j, "UP") && key_is(sc, j + 1, "TO")) ||
             (key_is(sc, j, "AS") && key_is(sc, j + 1, "MANY") &&
              key_is(sc, j + 2, "AS")) ||
             ((key_is(sc, j, "FEWER") || key_is(sc, j, "LESS")) &&
              key_is(sc, j + 1, "THAN")) ||
             key_is(sc, j, "NEARLY") || key_is(sc, j, "ALMOST"))
      q = DYAD_COUNT_AT_MOST;
    else if (key_is(sc, j, "ABOUT") || key_is(sc, j, "AROUND") ||
             key_is(sc, j, "SOME") || key_is(sc, j, "APPROXIMATELY") ||
             key_is(sc, j, "ROUGHLY") || key_is(sc, j, "ESTIMATED") ||
             (key_is(sc, j, "CLOSE") && key_is(sc, j + 1, "TO")))
      q = DYAD_COUNT_APPROX;
  }
  return q;
}

/* What the anchor word at a counts. */
static uint8_t what_of(const struct scan *sc, uint32_t a) {
  uint8_t k = kind(sc, a);
  if (k == EW_WOUNDED || (k == EW_CASUALTY && sc->w[a].val == 1))
    return TOLL_WOUNDED;
  if (k == EW_CASUALTY)
    return TOLL_BOTH;
  return TOLL_DEAD;
}

/* "No one was killed", "nobody was hurt": a zero before the kill or wound
 * word at a, with only auxiliaries between; the phrase's start, or -1. */
static long nobody_before(const struct scan *sc, uint32_t a) {
  for (uint32_t j = a, steps = 0; j > 0 && steps < 4; steps++) {
    j--;
    if (key_is(sc, j, "NOBODY"))
      return (long)j;
    if (key_is(sc, j, "ONE") && j > 0 && key_is(sc, j - 1, "NO"))
      return (long)j - 1;
    if (kind(sc, j) != EW_BEAUX)
      return -1;
  }
  return -1;
}

/* Skips "at least", "more than", "nearly" ... before a count. */
static uint32_t skip_qual(const struct scan *sc, uint32_t j) {
  for (int round = 0; round < 3 && j < sc->n; round++) {
    uint8_t k = kind(sc, j);
    if (k != EW_QUAL && k != EW_PREP && k != EW_A)
      break;
    if ((key_is(sc, j, "AT") && key_is(sc, j + 1, "LEAST")) ||
        ((key_is(sc, j, "MORE") || key_is(sc, j, "FEWER") ||
          key_is(sc, j, "LESS")) &&
         key_is(sc, j + 1, "THAN")) ||
        (key_is(sc, j, "UP") && key_is(sc, j + 1, "TO")) ||
        (key_is(sc, j, "CLOSE") && key_is(sc, j + 1, "TO")) ||
        (k == EW_A && key_is(sc, j + 1, "ESTIMATED")))
      j += 2;
    else if (key_is(sc, j, "AS") && key_is(sc, j + 1, "MANY") &&
             key_is(sc, j + 2, "AS"))
      j += 3;
    else if ((k == EW_PREP && sc->w[j].val == 5) ||
             (k == EW_QUAL && sc->w[j].val == 0))
      j++; /* over, nearly, about ... */
    else
      break;
  }
  return j;
}

/* A word after a number that makes it no head count. */
static bool not_people(const struct scan *sc, uint32_t j) {
  if (j >= sc->n)
    return false;
  const struct token *t = &sc->s->tok[j];
  if (t->flags & TOK_HYPHEN_BEFORE)
    return true; /* 25-year-old, 3-0 */
  return Dyad_key_is(t, "MILLION") || Dyad_key_is(t, "BILLION") ||
         Dyad_key_is(t, "PERCENT") || Dyad_key_is(t, "PER") ||
         Dyad_key_is(t, "%") || Dyad_key_is(t, "TIMES") ||
         Dyad_key_is(t, "KM") || Dyad_key_is(t, "MILES") ||
         Dyad_key_is(t, "KILOMETRES") || Dyad_key_is(t, "KILOMETERS") ||
         Dyad_key_is(t, "METRES") || Dyad_key_is(t, "METERS") ||
         Dyad_key_is(t, "YARDS") || Dyad_key_is(t, "DOLLARS") ||
         Dyad_key_is(t, "TONS") || Dyad_key_is(t, "TONNES") ||
         kind(sc, j) == EW_UNIT;
}

/*
 * The count at j (after qualifiers): its value, or -1. *end gets the token
 * after it; *article is set when the count is a bare "a"/"an".
 */
static long count_at(const struct scan *sc, uint32_t j, uint32_t *end,
                     bool *article) {
  *article = false;
  uint8_t k = kind(sc, j);
  if (in_time(sc, j))
    return -1;
  long v = -1;
  uint32_t e = j + 1;
  if (k == EW_NUM) {
    if (!(sc->w[j].flags & EWF_WHOLE))
      return -1;
    v = Dyad_enrich_number(&sc->s->tok[j]);
  } else if (k == EW_NUMWORD) {
    v = sc->w[j].val;
    /* twenty-five */
    if (v >= 20 && v < 100 && kind(sc, e) == EW_NUMWORD &&
        (sc->s->tok[e].flags & TOK_HYPHEN_BEFORE) && sc->w[e].val < 10) {
      v += sc->w[e].val;
      e++;
    }
  } else if (k == EW_VAGUE) {
    v = sc->w[j].val;
    if (key_is(sc, j + 1, "OF") && kind(sc, j + 2) == EW_VAGUE)
      return -1; /* "hundreds of thousands": too vague */
  } else if (k == EW_QUAL && sc->w[j].val == 2 && key_is(sc, j + 1, "OF") &&
             key_is(sc, j + 2, "THOUSANDS")) {
    v = 20000;
    e = j + 3;
  } else if (k == EW_A) {
    if (kind(sc, e) == EW_DOZEN) {
      v = 12;
      e++;
    } else if (key_is(sc, e, "HUNDRED")) {
      v = 100;
      e++;
    } else if (kind(sc, e) == EW_FEW || kind(sc, e) == EW_NUM ||
               kind(sc, e) == EW_NUMWORD || kind(sc, e) == EW_VAGUE) {
      return -1;
    } else {
      *article = true;
      *end = e;
      return 1;
    }
  } else {
    return -1;
  }
  /* two hundred, three dozen */
  if (v > 0 && v < 1000 && (k == EW_NUM || k == EW_NUMWORD)) {
    if (key_is(sc, e, "HUNDRED")) {
      v *= 100;
      e++;
    } else if (key_is(sc, e, "THOUSAND")) {
      v *= 1000;
      e++;
    } else if (kind(sc, e) == EW_DOZEN) {
      v *= 12;
      e++;
    }
  }
  if (v < 0 || v > 1000000 || not_people(sc, e))
    return -1;
  *end = e;
  return v;
}

/* A word that may stand between a count and its "killed"/"dead". */
static bool gap_word(const struct scan *sc, uint32_t j) {
  const struct token *t = &sc->s->tok[j];
  const struct tinfo *ti = &sc->s->ti[j];
  uint8_t k = kind(sc, j);
  if (t->kind == TK_POSS)
    return true;
  if (t->kind != TK_WORD)
    return false;
  /* "US soldiers": an actor's words, whatever else they spell */
  if (k == EW_BEAUX || ti->role == RO_ACTOR || ti->role == RO_AGENT)
    return true;
  if (k != EW_NONE && k != EW_NUMWORD && k != EW_VAGUE && k != EW_HOLIDAY &&
      k != EW_NAMEEND)
    return false;
  if (ti->role == RO_VERB)
    return false;
  switch (ti->fc) {
  case FC_NONE:
  case FC_DET:
  case FC_PRONPOSS:
  case FC_BE:
  case FC_HAVE:
  case FC_ADV:
  case FC_NUM:
  case FC_TO: /* "are reported to have been killed" */
    return true;
  case FC_PREP:
    return Dyad_key_is(t, "OF");
  default:
    return false;
  }
}

/* A word of a count's noun phrase: "Iraqi civilians", "U.S. soldiers". */
static bool noun_word(const struct scan *sc, uint32_t j) {
  const struct token *t = &sc->s->tok[j];
  const struct tinfo *ti = &sc->s->ti[j];
  if (t->kind == TK_POSS)
    return true;
  return t->kind == TK_WORD && kind(sc, j) == EW_NONE && ti->role != RO_VERB &&
         ti->fc == FC_NONE;
}

/* After a count ending at e: "... and N more" in the same noun phrase
 * ("killing 35 children and seven adults", "four soldiers and a
 * civilian") adds to *v, unless that count starts a clause of its own
 * ("killed 22 people and 40 were wounded"). Returns the end. */
static uint32_t and_more(const struct scan *sc, uint32_t e, long *v) {
  uint32_t j = e;
  for (int round = 0; round < 3; round++) {
    uint32_t k = j;
    while (k < sc->n && k < j + 4 && noun_word(sc, k))
      k++;
    if (!key_is(sc, k, "AND"))
      break;
    uint32_t qe;
    bool art;
    long v2 = count_at(sc, skip_qual(sc, k + 1), &qe, &art);
    if (v2 <= 0)
      break;
    uint32_t m = qe;
    while (m < sc->n && m < qe + 4 && noun_word(sc, m))
      m++;
    if (m < sc->n && (kind(sc, m) == EW_BEAUX || kind(sc, m) == EW_KILLED ||
                      kind(sc, m) == EW_DEAD || sc->s->ti[m].role == RO_VERB))
      break;
    *v += v2;
    j = m;
  }
  return j;
}

/* COUNT ... killed/dead at i; fills *o. */
static bool count_first(const struct scan *sc, uint32_t i, struct toll *o) {
  uint32_t j = skip_qual(sc, i), e;
  bool article;
  /* "no one was killed" is a zero, read at the kill word */
  if (key_is(sc, j, "ONE") && j > 0 && key_is(sc, j - 1, "NO"))
    return false;
  long v = count_at(sc, j, &e, &article);
  if (v < 0)
    return false;
  /* "one of five Palestinians killed" */
  uint32_t of_end;
  bool of_article;
  long of;
  if (v == 1 && key_is(sc, e, "OF") &&
      (of = count_at(sc, skip_qual(sc, e + 1), &of_end, &of_article)) > 1 &&
      !of_article) {
    v = of;
    e = of_end;
    article = false;
  }
  long total = v;
  bool singular = false;
  uint32_t gap = 0;
  for (j = e; j < sc->n && gap <= 6; j++) {
    uint8_t k = kind(sc, j);
    if (k == EW_KILLED || k == EW_DEAD ||
        (k == EW_WOUNDED && sc->w[j].val == 0) ||
        (k == EW_CASUALTY && sc->w[j].val == 1 && gap <= 2 && !article) ||
        (k == EW_DEATHS && gap <= 2 && !article)) {
      /* "a soldier was killed"; "a man and two women were shot dead" */
      if (article && !singular && total == 1)
        return false;
      o->t0 = i;
      o->t1 = j + 1;
      o->anchor = j;
      o->count = (int)total;
      o->what = what_of(sc, j);
      return true;
    }
    if (key_is(sc, j, "WAS") || key_is(sc, j, "HAS"))
      singular = true;
    if (key_is(sc, j, "AND")) {
      /* 25 civilians and 3 soldiers */
      uint32_t q = skip_qual(sc, j + 1), qe;
      bool a2;
      long v2 = count_at(sc, q, &qe, &a2);
      if (v2 > 0 && !a2) {
        total += v2;
        j = qe - 1;
        gap++;
        continue;
      }
      gap++;
      continue;
    }
    if (!gap_word(sc, j))
      return false;
    /* "were", "have been", "reported to": auxiliaries are not counted */
    if (kind(sc, j) != EW_BEAUX && sc->s->ti[j].fc != FC_TO)
      gap++;
  }
  return false;
}

size_t Dyad_enrich_tolls(const struct sent *s, const struct eword *w,
                         const struct when *times, size_t ntimes,
                         struct toll *out, size_t cap) {
  struct scan sc = {s, w, s->n, times, ntimes};
  size_t nout = 0;
  for (uint32_t i = 0; i < s->n && nout < cap;) {
    uint8_t k = w[i].kind;
    struct toll o;
    memset(&o, 0, sizeof o);
    uint32_t e;
    bool article;
    long v;
    long z;
    switch (k) {
    case EW_DEATHS:
    case EW_CASUALTY:
      /* no casualties, no deaths, no injuries */
      if (i > 0 && key_is(&sc, i - 1, "NO")) {
        o.t0 = i - 1;
        o.t1 = i + 1;
        o.anchor = i;
        o.what = what_of(&sc, i);
        out[nout++] = o;
        i++;
        continue;
      }
      break;
    case EW_WOUNDED:
      if (w[i].val == 0 && (z = nobody_before(&sc, i)) >= 0) {
        o.t0 = (uint32_t)z;
        o.t1 = i + 1;
        o.anchor = i;
        o.what = TOLL_WOUNDED;
        out[nout++] = o;
        i++;
        continue;
      }
      /* wounding 12, injures 5; "(and) injured seven others" when the
       * word is a verb: the parser took it for one, or it follows "and"
       * (not "16 injured") */
      if (w[i].val == 1 || s->ti[i].role == RO_VERB ||
          (i > 0 && key_is(&sc, i - 1, "AND"))) {
        v = count_at(&sc, skip_qual(&sc, i + 1), &e, &article);
        if (v >= 0 && !article) {
          e = and_more(&sc, e, &v);
          o.t0 = i;
          o.t1 = e;
          o.anchor = i;
          o.count = (int)(v < INT32_MAX ? v : INT32_MAX);
          o.what = TOLL_WOUNDED;
          out[nout++] = o;
          i = e;
          continue;
        }
      }
      break;
    case EW_DEAD:
      /* shot dead three Palestinians */
      if (!(i > 0 &&
            (key_is(&sc, i - 1, "SHOT") || key_is(&sc, i - 1, "SHOOTING") ||
             key_is(&sc, i - 1, "SHOOTS"))))
        break;
      /* fall through */
    case EW_KILL:
    case EW_KILLED:
      if (k == EW_KILLED && (z = nobody_before(&sc, i)) >= 0) {
        o.t0 = (uint32_t)z;
        o.t1 = i + 1;
        o.anchor = i;
        out[nout++] = o;
        i++;
        continue;
      }
      /* killed 25 people */
      v = count_at(&sc, skip_qual(&sc, i + 1), &e, &article);
      if (v >= 0 && !article) {
        e = and_more(&sc, e, &v);
        o.t0 = i;
        o.t1 = e;
        o.anchor = i;
        o.count = (int)(v < INT32_MAX ? v : INT32_MAX);
        out[nout++] = o;
        i = e;
        continue;
      }
      break;
    case EW_TOLL: {
      /* the death toll rose to 40 */
      uint32_t t0 = i > 0 && key_is(&sc, i - 1, "DEATH") ? i - 1 : i;
      for (uint32_t j = i + 1; j < s->n && j <= i + 8; j++) {
        uint8_t tk = s->tok[j].kind;
        if (tk == TK_PERIOD || tk == TK_SEMI || tk == TK_QUOTE ||
            tk == TK_COLON)
          break;
        v = count_at(&sc, j, &e, &article);
        if (v >= 0 && !article) {
          e = and_more(&sc, e, &v);
          o.t0 = t0;
          o.t1 = e;
          o.anchor = i;
          o.count = (int)v;
          out[nout++] = o;
          i = e;
          goto next;
        }
        if (in_time(&sc, j))
          continue;
      }
      break;
    }
    case EW_CLAIM: {
      /* claimed 25 lives; claiming the lives of 25 people */
      uint32_t j = skip_qual(&sc, i + 1);
      v = count_at(&sc, j, &e, &article);
      if (v >= 0 && !article && kind(&sc, e) == EW_LIVES) {
        o.t0 = i;
        o.t1 = e + 1;
        o.anchor = i;
        o.count = (int)v;
        out[nout++] = o;
        i = e + 1;
        continue;
      }
      if (key_is(&sc, i + 1, "THE") && kind(&sc, i + 2) == EW_LIVES &&
          key_is(&sc, i + 3, "OF")) {
        v = count_at(&sc, skip_qual(&sc, i + 4), &e, &article);
        if (v >= 0 && !article) {
          o.t0 = i;
          o.t1 = e;
          o.anchor = i;
          o.count = (int)v;
          out[nout++] = o;
          i = e;
          continue;
        }
      }
      break;
    }
    default:
      break;
    }
    if (k == EW_NUM || k == EW_NUMWORD || k == EW_VAGUE || k == EW_A ||
        k == EW_QUAL || (k == EW_PREP && (w[i].val == 4 || w[i].val == 5))) {
      if (count_first(&sc, i, &o)) {
        out[nout++] = o;
        i = o.t1;
        continue;
      }
    }
    i++;
  next:;
  }
  for (size_t k = 0; k < nout; k++) {
    out[k].qual = out[k].count == 0 && out[k].t0 + 1 < s->n &&
                          (key_is(&sc, out[k].t0, "NO") ||
                           key_is(&sc, out[k].t0, "NOBODY"))
                      ? DYAD_COUNT_EXACT
                      : qualifier(&sc, out[k].t0, out[k].t1);
    if (out[k].qual == DYAD_COUNT_VAGUE)
      out[k].count = -1;
  }
  return nout;
}
