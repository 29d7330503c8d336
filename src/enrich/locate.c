/*
 * locate.c - the location of each event (pipeline stage "enrich"): its
 * place phrase (enrich.c) or the story's dateline, resolved against the
 * gazetteer of the lexicon (gazetteer.h) to a country (ISO 3166 alpha-3),
 * first-level region, place name and coordinates.
 *
 * Which text. The event's place phrase ("near Gao", "in northern Iraq":
 * the words after the directions are looked up, then fewer of them from
 * the left); else a place the gazetteer holds after a noun of settlement
 * ("the town of Gorazde", "the northern city of Kirkuk", "the capital
 * Kabul") or, for an event that is not verbal (quad classes 2 and 4),
 * after "to", "into", "from", "around", "across", "throughout" ("return
 * to Geneva"), the nearest the verb;
 * else, in a sentence that says "in/from/across/within/
 * throughout the country", the country the story names most; else the
 * place of a dateline opening one of the story's first three body
 * sentences ("NAJAF, Iraq - ...": capitalised words, a comma and more of
 * them, an agency in parentheses, then a dash or colon).
 *
 * Which place. A name may be held by several places (Paris in France and
 * in Texas). The words the text adds right after it decide first: ",
 * Texas", "(Gao region)", ", Iraq" name the region or country of the one
 * meant. Then the countries the story names: each country code of the
 * events coded so far (source, target) and of the actors of the
 * sentence (not the name itself, which the dictionaries may list as a
 * capital) counts once (the story's last 64 events); the candidate whose
 * country counts most wins.
 * Then a country before a place before a region of the same name
 * ("Najaf" is the city, "Najaf region" the region); then the most
 * populous.
 *
 * A place phrase the gazetteer does not hold, whose actor code names a
 * country, gives that country (precision country).
 */
#include <math.h>
#include <string.h>

#include "../event/coder.h"
#include "enrich.h"
#include "gazetteer.h"

#define MAX_CAND 64
#define MAX_TALLY 32
#define KEY_MAX 128

struct tally {
  char code[MAX_TALLY][4];
  unsigned n[MAX_TALLY];
  size_t len;
};

static void tally_add(struct tally *t, const char *code) {
  const struct gaz_country *c = Dyad_gaz_country(code);
  if (!c)
    return;
  for (size_t i = 0; i < t->len; i++)
    if (memcmp(t->code[i], c->iso3, 3) == 0) {
      t->n[i]++;
      return;
    }
  if (t->len == MAX_TALLY)
    return;
  memcpy(t->code[t->len], c->iso3, 4);
  t->n[t->len++] = 1;
}

static unsigned tally_of(const struct tally *t, const char *iso3) {
  for (size_t i = 0; i < t->len; i++)
    if (memcmp(t->code[i], iso3, 3) == 0)
      return t->n[i];
  return 0;
}

/* The countries the story names so far: its events' and the actors of
 * sentence `s` but those starting in bytes [ex0, ex1). */
static void story_countries(const struct dyad_lexicon *lex,
                            const struct dyad_doc *doc, const struct sent *s,
                            uint32_t ex0, uint32_t ex1, struct tally *t) {
  memset(t, 0, sizeof *t);
  /* the story's last 64 events: a long story's opening is far */
  size_t from = doc->events.len > 64 ? doc->events.len - 64 : 0;
  for (size_t i = from; i < doc->events.len; i++) {
    const struct dyad_event *e = &VEC_AT(&doc->events, struct dyad_event, i);
    /* not the place codes: they are the dictionaries' reading of the
     * very names to resolve ("Tripoli" is Libya's capital there) */
    tally_add(t, e->source);
    tally_add(t, e->target);
  }
  for (uint32_t i = 0; i < s->n; i++) {
    const struct tinfo *ti = &s->ti[i];
    /* not the name being resolved, which the dictionaries may list */
    if (ti->role != RO_ACTOR || !ti->unit ||
        (s->tok[i].start >= ex0 && s->tok[i].start < ex1))
      continue;
    uint32_t id = Dyad_lex_actor_code(lex, ti->ref, doc->date);
    if (id != LEX_NONE)
      tally_add(t, Dyad_lex_cstr(lex, id));
  }
}

static bool word_tok(const struct token *t) {
  return t->kind == TK_WORD && (t->flags & TOK_CAP);
}

/* The capitalised words right after a place ending at token j: ",
 * Texas", "(Gao Region)" (a lower-case "region" ends them: "(Gao
 * region)" gives "Gao"); their byte span in h[0..1], false if none. */
static bool hint_after(const struct dyad_doc *doc, uint32_t j, uint32_t last,
                       uint32_t h[2]) {
  const struct token *t = doc->tokens.data;
  if (j + 1 >= last || (t[j].kind != TK_COMMA && t[j].kind != TK_LPAREN) ||
      !word_tok(&t[j + 1]))
    return false;
  bool paren = t[j].kind == TK_LPAREN;
  uint32_t k = j + 1;
  while (k < last && k < j + 5 && word_tok(&t[k]))
    k++;
  /* "(Gao region)", "(Gao province)" */
  while (paren && k < last && k < j + 6 && t[k].kind == TK_WORD)
    k++;
  if (paren && (k >= last || t[k].kind != TK_RPAREN))
    return false;
  h[0] = t[j + 1].start;
  h[1] = t[k - 1].end;
  return true;
}

/* ASCII case-insensitive equality of a[0..n) and b[0..n). */
static bool ascii_eq(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z')
      x = (char)(x + 32);
    if (y >= 'A' && y <= 'Z')
      y = (char)(y + 32);
    if (x != y)
      return false;
  }
  return true;
}

static bool same_folded(const char *a, size_t an, const char *b, size_t bn) {
  char fa[KEY_MAX], fb[KEY_MAX];
  size_t x = Dyad_gaz_fold(a, an, fa, sizeof fa);
  size_t y = Dyad_gaz_fold(b, bn, fb, sizeof fb);
  return x && x == y && memcmp(fa, fb, x) == 0;
}

/* The length of hint h without a trailing kind of region: "Gao region" ->
 * "Gao". */
static size_t hint_len(const char *h, size_t hn) {
  static const char *const tail[] = {" region", " province", " state",
                                     " governorate", " district"};
  size_t n = hn;
  for (size_t i = 0; i < sizeof tail / sizeof tail[0]; i++) {
    size_t m = strlen(tail[i]);
    if (n > m && ascii_eq(h + n - m, tail[i], m))
      n -= m;
  }
  return n;
}

/* Whether the hint names the region or the country of entry e: "Texas",
 * "Gao region", "Iraq". */
static bool hint_fits(const struct gazetteer *g, const struct gaz_entry *e,
                      const char *h, size_t hn) {
  size_t n = hint_len(h, hn);
  const char *a = Dyad_gaz_str(g, e->admin1);
  if (a[0]) {
    if (same_folded(a, strlen(a), h, n))
      return true;
    const char *sa = a;
    size_t sn = strlen(a);
    /* "An Najaf", "Ile-de-France Region" */
    const char *sp = strchr(sa, ' ');
    if (sp && sp - sa <= 3 && same_folded(sp + 1, strlen(sp + 1), h, n))
      return true;
    if (sn > n && same_folded(sa, n, h, n) && sa[n] == ' ')
      return true;
  }
  char k[KEY_MAX];
  size_t kn = Dyad_gaz_fold(h, n, k, sizeof k);
  const struct gaz_entry *c[8];
  size_t nc = Dyad_gaz_find(g, k, kn, c, 8);
  for (size_t i = 0; i < nc; i++)
    if (c[i]->level == DYAD_GEO_COUNTRY && memcmp(c[i]->iso3, e->iso3, 3) == 0)
      return true;
  return false;
}

/* The region, else the country, the hint itself names ("Kentucky",
 * "Gao region"); NULL when it names none. */
static const struct gaz_entry *hint_entry(const struct gazetteer *g,
                                          const char *h, size_t hn) {
  size_t n = hint_len(h, hn);
  char k[KEY_MAX];
  size_t kn = Dyad_gaz_fold(h, n, k, sizeof k);
  const struct gaz_entry *c[8], *country = NULL;
  size_t nc = Dyad_gaz_find(g, k, kn, c, 8);
  for (size_t i = 0; i < nc; i++) {
    if (c[i]->level == DYAD_GEO_ADMIN1)
      return c[i];
    if (c[i]->level == DYAD_GEO_COUNTRY && !country)
      country = c[i];
  }
  return country;
}

/* The entry a name (bytes [p, p+n)) stands for, with the hint [h, h+hn)
 * (may be empty), NULL if the gazetteer has none. */
struct story {
  const struct dyad_lexicon *lex;
  const struct dyad_doc *doc;
  const struct sent *s;
  bool tallied;
  uint32_t ex0, ex1; /* the name the tally was made for */
  struct tally t;
  const struct gazetteer *g; /* the lexicon's, fetched on first need */
  bool nomem;                /* it could not be built */
};

/* The lexicon's gazetteer, built on the first name to look up (a story
 * without one never builds it); NULL, with st->nomem, when it cannot be. */
static const struct gazetteer *story_gaz(struct story *st) {
  if (!st->g && !st->nomem) {
    st->g = Dyad_lex_gazetteer(st->lex);
    st->nomem = !st->g;
  }
  return st->g;
}

/* The story's country tally for resolving the name at bytes [ex0, ex1),
 * made on first use. */
static const struct tally *story_tally(struct story *st, uint32_t ex0,
                                       uint32_t ex1) {
  if (!st->tallied || st->ex0 != ex0 || st->ex1 != ex1) {
    story_countries(st->lex, st->doc, st->s, ex0, ex1, &st->t);
    st->tallied = true;
    st->ex0 = ex0;
    st->ex1 = ex1;
  }
  return &st->t;
}

static const struct gaz_entry *resolve(const struct gazetteer *g, const char *p,
                                       size_t n, const char *h, size_t hn,
                                       struct story *st) {
  char k[KEY_MAX];
  size_t kn = Dyad_gaz_fold(p, n, k, sizeof k);
  const struct gaz_entry *c[MAX_CAND];
  size_t nc = 0;
  /* "northern Iraq", "the Gao region": without the lower-case words that
   * open it ("South Asia" is no place "Asia", "African Union" no "Union") */
  size_t off = 0;
  const char *w = p, *end = p + n;
  for (int round = 0; round < 3 && kn > off; round++) {
    nc = Dyad_gaz_find(g, k + off, kn - off, c, MAX_CAND);
    if (nc)
      break;
    const char *sp = memchr(k + off, ' ', kn - off);
    while (w < end && (*w == ' ' || *w == '-'))
      w++;
    if (!sp || w >= end || !(*w >= 'a' && *w <= 'z'))
      break;
    off = (size_t)(sp - k) + 1;
    while (w < end && *w != ' ' && *w != '-')
      w++;
  }
  if (!nc && kn > 7 && memcmp(k + kn - 7, " REGION", 7) == 0)
    nc = Dyad_gaz_find(g, k, kn - 7, c, MAX_CAND);
  if (nc == 1 && (!hn || hint_fits(g, c[0], h, hn)))
    return c[0];
  uint32_t at = (uint32_t)(p - st->doc->text);
  const struct tally *t = nc ? story_tally(st, at, at + (uint32_t)n) : NULL;
  const struct gaz_entry *best = NULL;
  unsigned long long bs = 0;
  for (size_t i = 0; i < nc; i++) {
    unsigned long long sc = 0;
    if (hn && hint_fits(g, c[i], h, hn))
      sc += 1ull << 62;
    sc += (unsigned long long)(tally_of(t, c[i]->iso3) < 1000
                                   ? tally_of(t, c[i]->iso3)
                                   : 1000)
          << 40;
    /* a country, then a place, then a region of the same name: "Najaf"
     * is the city unless the text says "region" */
    sc += c[i]->level == DYAD_GEO_COUNTRY ? 1ull << 34
          : c[i]->level == DYAD_GEO_PLACE ? 1ull << 33
                                          : 0;
    sc += c[i]->pop;
    if (!best || sc > bs) {
      best = c[i];
      bs = sc;
    }
  }
  /* "Paris, Kentucky" where the gazetteer holds no Paris in Kentucky: the
   * region (or country) the words after the name give, not another Paris */
  if (hn && (!best || bs < (1ull << 62))) {
    const struct gaz_entry *r = hint_entry(g, h, hn);
    if (r)
      return r;
  }
  return best;
}

static void set_entry(const struct gazetteer *g, struct dyad_event *e,
                      const struct gaz_entry *x) {
  e->country = x->iso3; /* lives in the lexicon */
  e->geo_prec = x->level;
  e->lat = x->lat;
  e->lon = x->lon;
  if (x->level == DYAD_GEO_PLACE) {
    e->place_name = Dyad_gaz_str(g, x->name);
    e->admin1 = Dyad_gaz_str(g, x->admin1);
  } else if (x->level == DYAD_GEO_ADMIN1) {
    e->admin1 = Dyad_gaz_str(g, x->admin1 ? x->admin1 : x->name);
  }
}

static void set_country(struct dyad_event *e, const struct gaz_country *c) {
  e->country = c->iso3; /* static */
  e->geo_prec = DYAD_GEO_COUNTRY;
  e->lat = c->lat;
  e->lon = c->lon;
}

/* The place of a dateline opening the story's body: its byte span in
 * p[0..1] and the words after its comma in h[0..1] (h[1] == h[0] when
 * none). False when the body opens with none. */
static bool dateline_place(const struct dyad_doc *doc, uint32_t p[2],
                           uint32_t h[2]) {
  const struct sentence *se = doc->sentences.data;
  const struct token *t = doc->tokens.data;
  for (size_t i = 0; i < doc->sentences.len && i < 3; i++) {
    if (doc->headline_end && se[i].start < doc->headline_end)
      continue;
    uint32_t a = se[i].first, last = se[i].last, k = a;
    while (k < last && k < a + 4 && word_tok(&t[k]))
      k++;
    if (k == a || k >= last)
      continue;
    p[0] = t[a].start;
    p[1] = t[k - 1].end;
    h[0] = h[1] = 0;
    if (t[k].kind == TK_COMMA) {
      uint32_t m = k + 1;
      while (m < last && m < k + 4 && word_tok(&t[m]))
        m++;
      if (m == k + 1 || m >= last)
        continue;
      h[0] = t[k + 1].start;
      h[1] = t[m - 1].end;
      k = m;
    }
    /* an agency in parentheses: "(AP)" */
    if (k < last && t[k].kind == TK_LPAREN) {
      uint32_t m = k + 1;
      while (m < last && m < k + 5 && t[m].kind != TK_RPAREN)
        m++;
      if (m >= last || t[m].kind != TK_RPAREN)
        continue;
      k = m + 1;
    }
    if (k < last && (t[k].kind == TK_DASH || t[k].kind == TK_COLON))
      return true;
  }
  return false;
}

/* Whether token j of s is a capitalised word that names no time: the
 * start of a place name. */
static bool name_tok(const struct sent *s, uint32_t j) {
  const struct token *t = &s->tok[j];
  if (!word_tok(t))
    return false;
  static const char *const no[] = {"MONDAY",   "TUESDAY", "WEDNESDAY",
                                   "THURSDAY", "FRIDAY",  "SATURDAY",
                                   "SUNDAY",   "THE",     "A"};
  for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
    if (Dyad_key_is(t, no[i]))
      return false;
  return true;
}

/*
 * A place the sentence names outside the phrases enrich.c reads: after a
 * noun of settlement ("the town of Gorazde", "the northern city of
 * Kirkuk", "the capital Kabul", "the province of Herat") or, for an event
 * that is not verbal, after "to", "into", "from", "around", "across",
 * "throughout" ("return to Geneva", "power lines leading into Kabul"),
 * in the clause of the event's verb with no other verb between. The one
 * nearest the verb at v whose name the gazetteer holds; its entry, with the
 * name's tokens in *a, *b.
 */
static const struct gaz_entry *named_place(const struct sent *s, uint32_t v,
                                           bool verbal, struct story *st,
                                           uint32_t *a, uint32_t *b) {
  static const char *const nouns[] = {"TOWN",     "CITY",    "VILLAGE",
                                      "PROVINCE", "CAPITAL", "DISTRICT",
                                      "PORT",     "REGION",  "TOWNSHIP"};
  static const char *const dirs[] = {"TO",     "INTO",   "FROM",
                                     "AROUND", "ACROSS", "THROUGHOUT"};
  const struct gaz_entry *best = NULL;
  uint32_t bestd = UINT32_MAX;
  for (uint32_t j = 0; j + 1 < s->n; j++) {
    const struct token *t = &s->tok[j];
    if (t->kind != TK_WORD || (t->flags & TOK_CAP))
      continue;
    bool noun = false, dir = false;
    for (size_t i = 0; i < sizeof nouns / sizeof nouns[0] && !noun; i++)
      noun = Dyad_key_is(t, nouns[i]);
    for (size_t i = 0; !verbal && i < sizeof dirs / sizeof dirs[0] && !dir; i++)
      dir = Dyad_key_is(t, dirs[i]);
    if (!noun && !dir)
      continue;
    /* "to X" in the event's clause, and no other act's destination: "cut
     * cooperation with France and has turned to Russia" was not cut in
     * Russia */
    if (dir && ((v < s->n && s->ti[j].clause != s->ti[v].clause) ||
                Dyad_enrich_verb_between(s, v < j ? v : j, v < j ? j : v, v)))
      continue;
    uint32_t k = j + 1;
    if (noun && k < s->n && Dyad_key_is(&s->tok[k], "CITY"))
      k++;
    if (k < s->n && Dyad_key_is(&s->tok[k], noun ? "OF" : "THE"))
      k++;
    uint32_t x0 = k;
    while (k < s->n && k < x0 + 3 && name_tok(s, k))
      k++;
    if (k == x0)
      continue;
    uint32_t d = x0 > v ? x0 - v : v - x0;
    if (d >= bestd)
      continue;
    uint32_t h[2] = {0, 0};
    if (k + 1 < s->n && s->tok[k].kind == TK_COMMA &&
        word_tok(&s->tok[k + 1])) {
      h[0] = s->tok[k + 1].start;
      h[1] = s->tok[k + 1].end;
    }
    const char *text = st->doc->text;
    const struct gazetteer *g = story_gaz(st);
    if (!g)
      return NULL;
    const struct gaz_entry *x = resolve(g, text + s->tok[x0].start,
                                        s->tok[k - 1].end - s->tok[x0].start,
                                        text + h[0], h[1] - h[0], st);
    if (!x)
      continue;
    best = x;
    bestd = d;
    *a = x0;
    *b = k;
  }
  return best;
}

/* The token of "country" where the sentence says "in/from/across/
 * within/throughout the country", -1 if it does not. */
static long the_country(const struct sent *s) {
  for (uint32_t i = 0; i + 2 < s->n; i++)
    if (Dyad_key_is(&s->tok[i + 2], "COUNTRY") &&
        Dyad_key_is(&s->tok[i + 1], "THE") &&
        (Dyad_key_is(&s->tok[i], "IN") || Dyad_key_is(&s->tok[i], "FROM") ||
         Dyad_key_is(&s->tok[i], "ACROSS") ||
         Dyad_key_is(&s->tok[i], "WITHIN") ||
         Dyad_key_is(&s->tok[i], "THROUGHOUT")))
      return (long)i + 2;
  return -1;
}

static const struct gaz_country *tally_top(const struct tally *t) {
  size_t best = SIZE_MAX;
  for (size_t i = 0; i < t->len; i++)
    if (best == SIZE_MAX || t->n[i] > t->n[best])
      best = i;
  return best == SIZE_MAX ? NULL : Dyad_gaz_country(t->code[best]);
}

/* The token of the document at byte offset `off` (the first ending after
 * it) in sentence tokens [a, b). */
static uint32_t doc_token_after(const struct dyad_doc *doc, uint32_t a,
                                uint32_t b, uint32_t off) {
  const struct token *t = doc->tokens.data;
  while (a < b && t[a].start < off)
    a++;
  return a;
}

dyad_status Dyad_enrich_locate(const struct dyad_lexicon *lex,
                               struct dyad_doc *doc, const struct sent *s,
                               size_t first) {
  struct story st = {lex, doc, s, false, 0, 0, {{{0}}, {0}, 0}, NULL, false};
  const struct gazetteer *g;
  bool dl_done = false, dl = false;
  long country_phrase = the_country(s);
  uint32_t dp[2] = {0, 0}, dh[2] = {0, 0};
  const struct sentence *se =
      &VEC_AT(&doc->sentences, struct sentence, s->index);
  for (size_t i = first; i < doc->events.len; i++) {
    struct dyad_event *e = &VEC_AT(&doc->events, struct dyad_event, i);
    e->country = e->admin1 = e->place_name = "";
    e->geo_prec = DYAD_GEO_NONE;
    e->lat = e->lon = NAN;
    e->loc_text[0] = e->loc_text[1] = 0;
    if (e->place[1] > e->place[0]) {
      e->loc_text[0] = e->place[0];
      e->loc_text[1] = e->place[1];
      uint32_t h[2] = {0, 0};
      uint32_t j = doc_token_after(doc, se->first, se->last, e->place[1]);
      hint_after(doc, j, se->last, h);
      if (!(g = story_gaz(&st)))
        return DYAD_ERR_NOMEM;
      const struct gaz_entry *x =
          resolve(g, doc->text + e->place[0], e->place[1] - e->place[0],
                  doc->text + h[0], h[1] - h[0], &st);
      if (x) {
        set_entry(g, e, x);
      } else {
        const struct gaz_country *c = e->place_code && e->place_code[0]
                                          ? Dyad_gaz_country(e->place_code)
                                          : NULL;
        if (c)
          set_country(e, c);
      }
      continue;
    }
    /* "the town of Gorazde", "return to Geneva" */
    {
      uint32_t v = 0, a = 0, b = 0;
      while (v < s->n && s->tok[v].end <= e->span[DYAD_SPAN_VERB][0])
        v++;
      const struct gaz_entry *x =
          named_place(s, v, e->quad == 1 || e->quad == 3, &st, &a, &b);
      if (st.nomem)
        return DYAD_ERR_NOMEM;
      if (x) {
        set_entry(st.g, e, x);
        e->loc_text[0] = s->tok[a].start;
        e->loc_text[1] = s->tok[b - 1].end;
        continue;
      }
    }
    if (country_phrase >= 0) {
      const struct gaz_country *c = tally_top(story_tally(&st, 0, 0));
      if (c) {
        set_country(e, c);
        e->loc_text[0] = s->tok[country_phrase - 1].start; /* "the country" */
        e->loc_text[1] = s->tok[country_phrase].end;
        continue;
      }
    }
    if (!dl_done) {
      dl = dateline_place(doc, dp, dh);
      dl_done = true;
    }
    if (dl) {
      if (!(g = story_gaz(&st)))
        return DYAD_ERR_NOMEM;
      const struct gaz_entry *x =
          resolve(g, doc->text + dp[0], dp[1] - dp[0], doc->text + dh[0],
                  dh[1] - dh[0], &st);
      if (x) {
        set_entry(g, e, x);
        e->loc_text[0] = dp[0];
        e->loc_text[1] = dp[1];
      }
    }
  }
  return DYAD_OK;
}

/* ---- getters (dyad.h) ---------------------------------------------------- */

const char *dyad_geo_precision_str(dyad_geo_precision p) {
  switch (p) {
  case DYAD_GEO_PLACE:
    return "place";
  case DYAD_GEO_ADMIN1:
    return "admin1";
  case DYAD_GEO_COUNTRY:
    return "country";
  case DYAD_GEO_NONE:
    break;
  }
  return "";
}

bool dyad_event_location(const dyad_event *e, dyad_location *loc) {
  if (!loc)
    return e && e->geo_prec;
  memset(loc, 0, sizeof *loc);
  loc->country = loc->admin1 = loc->place = "";
  loc->lat = loc->lon = NAN;
  if (!e || !e->geo_prec)
    return false;
  loc->country = e->country ? e->country : "";
  loc->admin1 = e->admin1 ? e->admin1 : "";
  loc->place = e->place_name ? e->place_name : "";
  loc->lat = e->lat;
  loc->lon = e->lon;
  loc->precision = (dyad_geo_precision)e->geo_prec;
  loc->start = e->loc_text[0];
  loc->end = e->loc_text[1];
  return true;
}
