/*
 * when.c - the time expressions of a sentence and the dates they name,
 * resolved against the story date D (or the date of the story's dateline;
 * enrich.c). The forms read, with the date each gives and its precision:
 *
 *   "on Friday", "Friday", "Friday night", "early Friday", "Friday's"
 *                      the most recent Friday on or before D; for
 *                      a verb in the future ("will strike on
 *                      Friday") the first on or after D            day
 *   "last Friday"      the most recent Friday before D             day
 *   "next Friday"      the first Friday after D                    day
 *   "yesterday" D-1, "today" "tonight" "this morning" D,
 *   "last night" D-1 (the night before the story), "tomorrow" D+1  day
 *   "last week", "this week", "earlier this week", "next week"
 *                      the Monday of that week                     week
 *   "over the weekend", "last weekend", "next weekend"
 *                      the Monday of that weekend's week           week
 *   "last month", "earlier this month", "next month"   the 1st     month
 *   "last year", "this year", "next year"              January 1   year
 *   "N days/weeks/months/years/decades ago" (digits, number words, "a")
 *                      D-N days, the Monday of the week N weeks
 *                      before, the 1st of the month, January 1
 *   "a few weeks ago", "several days ago", "weeks ago", "decades ago",
 *   "a couple of months ago"  as N = 3 (a couple: 2), flagged approximate
 *   "in March", "in early March", "in mid-March"
 *                      the most recent March not after D's month   month
 *   "last March", "next March"  the March before / after D's month
 *   "March 2021", "in March of 2021"                               month
 *   "on March 3", "March 3rd", "3 March", "the 3rd of March"
 *                      the March 3 nearest D (within six months)   day
 *   "March 3, 2021", "3 March 2021", "Aug. 26, 2004", "2021-03-03" day
 *   "30/06/2023" (day first; "06/30/2023" when the second number is over
 *                      12: month first)                            day
 *   "in 2020", "during 2020", "in early 2020"          January 1   year
 *
 * Months must be capitalised ("march" is a verb) and stand after a
 * preposition or beside a number; "May" needs one of those too. A weekday
 * after Good, Black, Bloody, Holy ... names a day of its own and is not
 * read. An expression right after a determiner or possessive ("the March 3
 * attack", "Iraq's 2005 election") modifies a noun and is not the time of
 * an act; one after since, until, by, before, after, from, ahead of or
 * prior to bounds an act rather than dating it: neither is kept. A
 * possessive expression ("Monday's attack") dates the act of its noun, so
 * only a verb after it. Without a story date the relative forms are kept
 * with date 0 (they still hide the sentence's other expressions from an
 * event whose own clause holds them), and only the absolute forms give
 * dates. Every date made is checked with Dyad_date_valid ("February 30" is
 * no date).
 */
#include <string.h>

#include "enrich.h"

struct scan {
  const struct sent *s;
  const struct eword *w;
  uint32_t n;
  int date; /* story date, 0 unknown */
};

enum mode { M_ON, M_LAST, M_THIS, M_NEXT };

static uint8_t kind(const struct scan *sc, uint32_t i) {
  return i < sc->n ? sc->w[i].kind : (uint8_t)EW_NONE;
}

static bool cap(const struct scan *sc, uint32_t i) {
  return (sc->s->tok[i].flags & (TOK_CAP | TOK_ALLCAPS)) != 0;
}

static bool key_is(const struct scan *sc, uint32_t i, const char *k) {
  return i < sc->n && Dyad_key_is(&sc->s->tok[i], k);
}

/* ---- date arithmetic ---------------------------------------------------- */

static int ymd(int y, int m, int d) {
  int v = y * 10000 + m * 100 + d;
  return y >= 1 && Dyad_date_valid(v) ? v : 0;
}

int Dyad_enrich_add_days(int date, long days) {
  if (!Dyad_date_valid(date))
    return 0;
  int v = Dyad_date_from_days(Dyad_date_to_days(date) + days);
  return Dyad_date_valid(v) ? v : 0;
}

static int monday_of(int date) {
  return Dyad_enrich_add_days(date, -Dyad_date_weekday(date));
}

/* The first of the month `k` months from date's month. */
static int month_from(int date, int k) {
  int y = date / 10000, m = date / 100 % 100 - 1 + k;
  y += m >= 0 ? m / 12 : -((11 - m) / 12);
  m = ((m % 12) + 12) % 12;
  return ymd(y, m + 1, 1);
}

static int weekday_date(int date, int wd, enum mode mode) {
  if (!date)
    return 0;
  int today = Dyad_date_weekday(date);
  if (mode == M_NEXT) {
    int fwd = (wd - today + 7) % 7;
    return Dyad_enrich_add_days(date, fwd ? fwd : 7);
  }
  int back = (today - wd + 7) % 7;
  if (mode == M_LAST && back == 0)
    back = 7;
  return Dyad_enrich_add_days(date, -back);
}

/* unit: 2 week, 3 month, 4 year, 5 weekend; k = -1 last, 0 this, 1 next */
static int period_date(int date, int unit, int k, uint8_t *prec) {
  if (!date)
    return 0;
  switch (unit) {
  case 2:
    *prec = DYAD_DATE_WEEK;
    return Dyad_enrich_add_days(monday_of(date), 7L * k);
  case 5: {
    /* the weekend's Saturday: the latest on or before D (last: before) */
    *prec = DYAD_DATE_WEEK;
    int back = (Dyad_date_weekday(date) - 5 + 7) % 7;
    if (k < 0 && back == 0)
      back = 7;
    int sat = Dyad_enrich_add_days(date, -back);
    if (k > 0)
      sat = Dyad_enrich_add_days(sat, 7);
    return sat ? monday_of(sat) : 0;
  }
  case 3:
    *prec = DYAD_DATE_MONTH;
    return month_from(date, k);
  case 4:
    *prec = DYAD_DATE_YEAR;
    return ymd(date / 10000 + k, 1, 1);
  default:
    return 0;
  }
}

/* "N <unit> ago" */
static int ago_date(int date, int unit, long n, uint8_t *prec) {
  if (!date || n < 0 || n > 5000)
    return 0;
  switch (unit) {
  case 1:
    *prec = DYAD_DATE_DAY;
    return Dyad_enrich_add_days(date, -n);
  case 2: {
    *prec = DYAD_DATE_WEEK;
    int d = Dyad_enrich_add_days(date, -7 * n);
    return d ? monday_of(d) : 0;
  }
  case 3:
    *prec = DYAD_DATE_MONTH;
    return month_from(date, (int)-n);
  case 4:
    *prec = DYAD_DATE_YEAR;
    return ymd(date / 10000 - (int)n, 1, 1);
  case 6:
    *prec = DYAD_DATE_YEAR;
    return n <= 100 ? ymd(date / 10000 - 10 * (int)n, 1, 1) : 0;
  default:
    return 0;
  }
}

/* A month named without a year. */
static int month_date(int date, int m, enum mode mode) {
  if (!date)
    return 0;
  int y = date / 10000, dm = date / 100 % 100;
  switch (mode) {
  case M_ON:
    return ymd(m <= dm ? y : y - 1, m, 1);
  case M_LAST:
    return ymd(m < dm ? y : y - 1, m, 1);
  case M_NEXT:
    return ymd(m > dm ? y : y + 1, m, 1);
  default:
    return ymd(y, m, 1);
  }
}

/* A day and month without a year: the one nearest the story date. */
static int day_date(int date, int m, int d) {
  if (!date)
    return 0;
  int best = 0;
  long bestdist = 0, base = Dyad_date_to_days(date);
  for (int y = date / 10000 - 1; y <= date / 10000 + 1; y++) {
    int v = ymd(y, m, d);
    if (!v)
      continue;
    long dist = Dyad_date_to_days(v) - base;
    if (dist < 0)
      dist = -dist;
    if (!best || dist < bestdist) {
      best = v;
      bestdist = dist;
    }
  }
  return bestdist <= 184 ? best : 0;
}

/* ---- forms ------------------------------------------------------------- */

static bool is_year(const struct scan *sc, uint32_t i) {
  return kind(sc, i) == EW_NUM && (sc->w[i].flags & EWF_YEAR);
}

/* a day of the month: 1..31 in digits, or an ordinal */
static int day_at(const struct scan *sc, uint32_t i) {
  uint8_t k = kind(sc, i);
  if (k == EW_ORDINAL)
    return sc->w[i].val;
  if (k == EW_NUM && (sc->w[i].flags & EWF_WHOLE) &&
      !(sc->w[i].flags & EWF_YEAR) && sc->w[i].val >= 1 && sc->w[i].val <= 31 &&
      sc->s->tok[i].klen <= 2 &&
      !(i + 1 < sc->n && (sc->s->tok[i + 1].flags & TOK_HYPHEN_BEFORE)))
    return sc->w[i].val;
  return 0;
}

/* the month named at i (capitalised), 0 if none; `abbr` set for "Aug." */
static int month_at(const struct scan *sc, uint32_t i, bool *abbr) {
  uint8_t k = kind(sc, i);
  *abbr = k == EW_MONABBR;
  if ((k == EW_MONTH || k == EW_MONABBR || k == EW_MAY) && cap(sc, i))
    return sc->w[i].val;
  return 0;
}

/* A token after which a bare month or year is a time: in, during, early,
 * late, mid. */
static bool month_context(const struct scan *sc, uint32_t i) {
  if (i == 0)
    return false;
  uint8_t k = kind(sc, i - 1);
  if (k == EW_EDGE)
    return true;
  return k == EW_PREP && (sc->w[i - 1].val == 1 || sc->w[i - 1].val == 3);
}

/* A lower-case open-class word: after "March 25" it makes 25 a count
 * ("in March 25 people died"). */
static bool open_word(const struct scan *sc, uint32_t i) {
  if (i >= sc->n)
    return false;
  const struct token *t = &sc->s->tok[i];
  return t->kind == TK_WORD && !(t->flags & TOK_CAP) &&
         sc->s->ti[i].fc == FC_NONE && kind(sc, i) == EW_NONE;
}

/* Month forms starting at month token i; *end gets the end. */
static bool month_form(const struct scan *sc, uint32_t i, int m, bool abbr,
                       enum mode mode, uint32_t *end, struct when *o) {
  uint32_t j = i + 1;
  int d = day_at(sc, j);
  if (d && !open_word(sc, j + 1)) {
    j++;
    uint32_t y = j;
    if (y < sc->n && sc->s->tok[y].kind == TK_COMMA)
      y++;
    if (is_year(sc, y)) {
      o->date = ymd(sc->w[y].val, m, d);
      j = y + 1;
    } else {
      o->date = day_date(sc->date, m, d);
    }
    o->prec = DYAD_DATE_DAY;
    *end = j;
    return o->date || !sc->date;
  }
  uint32_t y = j;
  if (key_is(sc, y, "OF") || (y < sc->n && sc->s->tok[y].kind == TK_COMMA))
    y++;
  if (is_year(sc, y)) {
    o->date = ymd(sc->w[y].val, m, 1);
    o->prec = DYAD_DATE_MONTH;
    *end = y + 1;
    return o->date != 0;
  }
  if (abbr || (mode == M_ON && !month_context(sc, i)))
    return false;
  o->date = month_date(sc->date, m, mode);
  o->prec = DYAD_DATE_MONTH;
  *end = j;
  return true;
}

/* "N <unit> ago" at i; n < 0 for an approximate count */
static bool ago_form(const struct scan *sc, uint32_t i, uint32_t *end,
                     struct when *o) {
  uint32_t j = i;
  long n = -1;
  bool approx = false;
  uint8_t k = kind(sc, j);
  if (k == EW_A) {
    j++;
    k = kind(sc, j);
    if (k == EW_FEW) {
      n = sc->w[j].val;
      approx = true;
      j++;
      if (key_is(sc, j, "OF"))
        j++;
    } else {
      n = 1;
    }
  } else if (k == EW_FEW) {
    n = sc->w[j].val;
    approx = true;
    j++;
  } else if (k == EW_NUMWORD && sc->w[j].val <= 100) {
    n = sc->w[j].val;
    j++;
  } else if (k == EW_NUM && (sc->w[j].flags & EWF_WHOLE) &&
             !(sc->w[j].flags & EWF_YEAR)) {
    n = sc->w[j].val;
    j++;
  } else if (k == EW_UNIT) {
    n = 3; /* "weeks ago" */
    approx = true;
  }
  if (kind(sc, j) != EW_UNIT || kind(sc, j + 1) != EW_AGO || sc->w[j].val == 5)
    return false;
  /* "weeks ago" with no count must be plural */
  if (n == 3 && approx && j == i &&
      sc->s->tok[j].key[sc->s->tok[j].klen - 1] != 'S')
    return false;
  o->date = ago_date(sc->date, sc->w[j].val, n, &o->prec);
  o->approx = approx;
  *end = j + 2;
  return o->date || !sc->date;
}

/* The expression starting at token i (never a preposition). */
static bool form_at(const struct scan *sc, uint32_t i, uint32_t *end,
                    struct when *o) {
  const struct eword *w = sc->w;
  uint8_t k = kind(sc, i);
  o->prec = DYAD_DATE_DAY;
  o->approx = false;
  o->date = 0;
  o->ahead = 0;
  switch (k) {
  case EW_LAST:
  case EW_THIS:
  case EW_NEXT: {
    enum mode mode = k == EW_LAST ? M_LAST : k == EW_THIS ? M_THIS : M_NEXT;
    uint32_t j = i + 1;
    uint8_t k2 = kind(sc, j);
    bool abbr;
    int m;
    if (k2 == EW_UNIT && w[j].val >= 2 && w[j].val <= 5 &&
        sc->s->tok[j].key[sc->s->tok[j].klen - 1] != 'S') {
      o->date = period_date(sc->date, w[j].val,
                            mode == M_LAST   ? -1
                            : mode == M_NEXT ? 1
                                             : 0,
                            &o->prec);
      *end = j + 1;
      return o->date || !sc->date;
    }
    if (k2 == EW_WEEKDAY) {
      o->date = weekday_date(sc->date, w[j].val, mode);
      *end = j + 1 + (kind(sc, j + 1) == EW_PART);
      return true;
    }
    if ((m = month_at(sc, j, &abbr)) != 0 && !abbr)
      return month_form(sc, j, m, false, mode, end, o);
    if (k2 == EW_PART && (mode == M_THIS || (mode == M_LAST && w[j].val))) {
      o->date = mode == M_LAST ? Dyad_enrich_add_days(sc->date, -1) : sc->date;
      *end = j + 1;
      return true;
    }
    return false;
  }
  case EW_EARLIER: {
    /* "earlier this week", "later today", "earlier on Monday" */
    uint32_t j = i + 1;
    if (kind(sc, j) == EW_THIS || kind(sc, j) == EW_DAYREL ||
        kind(sc, j) == EW_WEEKDAY ||
        (kind(sc, j) == EW_PREP && w[j].val == 2 &&
         kind(sc, j + 1) == EW_WEEKDAY)) {
      if (kind(sc, j) == EW_PREP)
        j++;
      return form_at(sc, j, end, o);
    }
    return false;
  }
  case EW_WEEKDAY: {
    if (i > 0 && kind(sc, i - 1) == EW_HOLIDAY)
      return false;
    uint32_t j = i + 1;
    /* "Monday, June 30, 2003": the written date */
    uint32_t mj = j < sc->n && sc->s->tok[j].kind == TK_COMMA ? j + 1 : j;
    bool abbr;
    int m = month_at(sc, mj, &abbr);
    if (m && day_at(sc, mj + 1))
      return month_form(sc, mj, m, abbr, M_ON, end, o);
    o->date = weekday_date(sc->date, w[i].val, M_ON);
    /* "will strike on Friday": the first Friday on or after D */
    if (sc->date) {
      int fwd = (w[i].val - Dyad_date_weekday(sc->date) + 7) % 7;
      o->ahead = Dyad_enrich_add_days(sc->date, fwd);
    }
    *end = j + (kind(sc, j) == EW_PART);
    return true;
  }
  case EW_DAYREL: {
    static const int shift[4] = {-1, 0, 0, 1};
    o->date =
        sc->date ? Dyad_enrich_add_days(sc->date, shift[w[i].val & 3]) : 0;
    *end = i + 1 + (kind(sc, i + 1) == EW_PART);
    return true;
  }
  case EW_MONTH:
  case EW_MONABBR:
  case EW_MAY: {
    bool abbr;
    int m = month_at(sc, i, &abbr);
    if (!m)
      return false;
    if (k == EW_MAY && i == 0)
      return false;
    return month_form(sc, i, m, abbr, M_ON, end, o);
  }
  case EW_EDGE: {
    /* "early March", "mid-March", "late 2004" */
    bool abbr;
    int m = month_at(sc, i + 1, &abbr);
    if (m && !abbr) {
      if (!month_form(sc, i + 1, m, false, M_ON, end, o))
        return false;
      return true;
    }
    if (is_year(sc, i + 1) && month_context(sc, i)) {
      o->date = ymd(w[i + 1].val, 1, 1);
      o->prec = DYAD_DATE_YEAR;
      *end = i + 2;
      return o->date != 0;
    }
    return false;
  }
  case EW_ORDINAL:
  case EW_NUM: {
    /* 2021-03-03 */
    if (is_year(sc, i) && i + 2 < sc->n && kind(sc, i + 1) == EW_NUM &&
        kind(sc, i + 2) == EW_NUM &&
        (sc->s->tok[i + 1].flags & TOK_HYPHEN_BEFORE) &&
        (sc->s->tok[i + 2].flags & TOK_HYPHEN_BEFORE) &&
        sc->s->tok[i + 1].klen == 2 && sc->s->tok[i + 2].klen == 2) {
      o->date = ymd(w[i].val, w[i + 1].val, w[i + 2].val);
      *end = i + 3;
      return o->date != 0;
    }
    /* 30/06/2023, 06/30/2023 */
    if (k == EW_NUM && i + 4 < sc->n && key_is(sc, i + 1, "/") &&
        kind(sc, i + 2) == EW_NUM && key_is(sc, i + 3, "/") &&
        is_year(sc, i + 4) && sc->s->tok[i].klen <= 2 &&
        sc->s->tok[i + 2].klen <= 2) {
      int a = w[i].val, b = w[i + 2].val;
      /* day first (the wire's and most of the world's order) unless the
       * first number cannot be a month's day but the second can */
      o->date = b > 12 ? ymd(w[i + 4].val, a, b) : ymd(w[i + 4].val, b, a);
      *end = i + 5;
      return o->date != 0;
    }
    /* 3 March (2021), the 3rd of March */
    int d = day_at(sc, i);
    if (d) {
      uint32_t j = i + 1;
      if (k == EW_ORDINAL && key_is(sc, j, "OF"))
        j++;
      bool abbr;
      int m = month_at(sc, j, &abbr);
      if (m) {
        if (is_year(sc, j + 1)) {
          o->date = ymd(w[j + 1].val, m, d);
          *end = j + 2;
          return o->date != 0;
        }
        o->date = day_date(sc->date, m, d);
        *end = j + 1;
        return o->date || !sc->date;
      }
    }
    /* in 2020 */
    if (is_year(sc, i) && month_context(sc, i) && kind(sc, i - 1) == EW_PREP) {
      o->date = ymd(w[i].val, 1, 1);
      o->prec = DYAD_DATE_YEAR;
      *end = i + 1;
      return o->date != 0;
    }
    return k == EW_NUM && ago_form(sc, i, end, o);
  }
  case EW_NUMWORD:
  case EW_A:
  case EW_FEW:
    return ago_form(sc, i, end, o);
  case EW_UNIT:
    if (w[i].val == 5 && i >= 2 && key_is(sc, i - 1, "THE") &&
        kind(sc, i - 2) == EW_PREP &&
        (w[i - 2].val == 4 || w[i - 2].val == 5)) {
      /* over the weekend, at the weekend */
      o->date = period_date(sc->date, 5, 0, &o->prec);
      *end = i + 1;
      return o->date || !sc->date;
    }
    return ago_form(sc, i, end, o);
  default:
    return false;
  }
}

/* Words before an expression that make it modify a noun or bound an act. */
static bool excluded_before(const struct scan *sc, uint32_t t0, uint32_t i) {
  if (t0 == 0)
    return false;
  uint32_t p = t0 - 1;
  const struct token *t = &sc->s->tok[p];
  static const char *const bounds[] = {"SINCE",  "UNTIL", "TILL", "BY",
                                       "BEFORE", "AFTER", "FROM", "THROUGH",
                                       "AHEAD",  "PRIOR"};
  for (size_t b = 0; b < sizeof bounds / sizeof bounds[0]; b++)
    if (Dyad_key_is(t, bounds[b]))
      return true;
  if (t0 == i) {
    /* "the March 3 attack", "Iraq's 2005 election", "its March decision";
     * "over the weekend" and "the 3rd of March" carry their own "the" */
    uint8_t fc = sc->s->ti[p].fc;
    if ((fc == FC_DET || fc == FC_PRONPOSS || t->kind == TK_POSS) &&
        kind(sc, i) != EW_ORDINAL && kind(sc, i) != EW_UNIT)
      return true;
  }
  return false;
}

size_t Dyad_enrich_times(const struct sent *s, const struct eword *w, int date,
                         struct when *out, size_t cap) {
  struct scan sc = {s, w, s->n, Dyad_date_valid(date) ? date : 0};
  size_t nout = 0;
  for (uint32_t i = 0; i < s->n && nout < cap;) {
    uint8_t k = w[i].kind;
    if (k == EW_NONE || k == EW_PREP || k == EW_QUAL || k == EW_BEAUX) {
      i++;
      continue;
    }
    struct when o;
    uint32_t end = i;
    if (!form_at(&sc, i, &end, &o) || end <= i) {
      i++;
      continue;
    }
    uint32_t t0 = i;
    /* a preposition (and "the" of "over the weekend") belongs to it */
    if (t0 > 0 && w[t0 - 1].kind == EW_EDGE)
      t0--;
    if (t0 > 1 && kind(&sc, i) == EW_UNIT && key_is(&sc, t0 - 1, "THE"))
      t0--;
    if (t0 > 0 && w[t0 - 1].kind == EW_PREP)
      t0--;
    if (!excluded_before(&sc, t0, i)) {
      o.t0 = t0;
      o.t1 = end;
      o.modifier = end < s->n && s->tok[end].kind == TK_POSS;
      if (o.date && !Dyad_date_valid(o.date))
        o.date = 0;
      out[nout++] = o;
    }
    i = end;
  }
  return nout;
}

/* ---- dateline ----------------------------------------------------------- */

static bool month_word(struct eword w) {
  return w.kind == EW_MONTH || w.kind == EW_MONABBR || w.kind == EW_MAY;
}

int Dyad_enrich_dateline(const struct token *t, uint32_t n, int date,
                         uint32_t *end) {
  *end = 0;
  if (n > 16)
    n = 16;
  /* the place, capitalised words and commas, up to the day's number (the
   * month is the last capitalised word, or the word after the number) */
  uint32_t q = 0;
  while (q < n && q < 12 &&
         (t[q].kind == TK_COMMA ||
          (t[q].kind == TK_WORD && (t[q].flags & (TOK_CAP | TOK_ALLCAPS)))))
    q++;
  if (q >= n || t[q].kind != TK_NUM || t[q].klen > 2)
    return 0;
  struct eword day = Dyad_enrich_word(&t[q]);
  if (!(day.flags & EWF_WHOLE) || day.val < 1 || day.val > 31)
    return 0;
  int m = 0;
  uint32_t j;
  struct eword mw;
  if (q >= 2 && month_word(mw = Dyad_enrich_word(&t[q - 1]))) {
    m = mw.val; /* BAGHDAD, Aug. 26 */
    j = q + 1;
  } else if (q >= 1 && q + 1 < n &&
             month_word(mw = Dyad_enrich_word(&t[q + 1]))) {
    m = mw.val; /* NEW DELHI, 7 September */
    j = q + 2;
  } else {
    return 0;
  }
  int y = 0;
  if (j + 1 < n && t[j].kind == TK_COMMA && t[j + 1].kind == TK_NUM)
    j++;
  if (j < n && t[j].kind == TK_NUM) {
    struct eword yw = Dyad_enrich_word(&t[j]);
    if (yw.flags & EWF_YEAR) {
      y = yw.val;
      j++;
    }
  }
  /* then the body: a dash, colon, parenthesis, period or the end */
  bool sep = j >= n;
  for (uint32_t k = j; k < n && k < j + 3 && !sep; k++)
    sep = t[k].kind == TK_DASH || t[k].kind == TK_COLON ||
          t[k].kind == TK_LPAREN || t[k].kind == TK_PERIOD;
  if (!sep)
    return 0;
  int v = y ? ymd(y, m, day.val)
            : day_date(Dyad_date_valid(date) ? date : 0, m, day.val);
  if (v)
    *end = j;
  return v;
}
