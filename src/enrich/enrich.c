/*
 * enrich.c - event date, place and counts (pipeline stage "enrich"; see
 * enrich.h): which of a sentence's time expressions, place phrases and death
 * tolls belongs to which of its events, and the public getters of those
 * fields (dyad.h, "Events: enrichment").
 *
 * Date. Relative expressions count from the story date, or from the date of
 * a dateline opening the body ("NEW DELHI, Nov 26: India on Friday ...";
 * when.c), the text's own date of writing; the dateline's date itself dates
 * no event. An event takes the expression of its own clause (the clause of
 * its verb) nearest the verb; else one of the clauses holding that clause,
 * nearest first ("X said on Monday that Y attacked Z" dates the attack
 * Monday); else one of the sentence's top-level clauses or of a trailing
 * attribution ("..., police said on Monday"); else none, and the event has
 * the story date (precision "story"). A relative clause, or one opened by
 * after, before, since, until, if or unless, takes no date from the clauses
 * around it. No expression dates a verb after "after" ("resigned Friday, a
 * day after the government sanctioned ...": the sanctions are not dated
 * Friday), nor, unless it is an attribution's, a verb across "before",
 * "since", "until", "ahead of" or "prior to" (may_date).
 *
 * Place. The nearest "in/at/near/outside X" after the verb in the event's
 * clause, else the nearest before it there ("Police in Bujumbura used tear
 * gas"), else one opening the sentence ("In Najaf, police ..."), whose X,
 * after up to two direction words ("in northern Iraq"), is an actor of the
 * dictionaries naming a country, territory, region or seat of government
 * (the bundled dictionaries list capitals with their country; place_code),
 * or, after "in", "near" or "outside", a capitalised name that is no actor
 * ("in Najaf": its text, no code). In a headline, where every word is
 * capitalised, such a name may hold no word of the dictionaries ("Clash in
 * East Congo" names no place "East Congo"). An actor X that is no place (an
 * organisation, a group, a demonym before a noun: "in Iraqi custody") gives
 * none and hides no other. A verbal event (quad classes 1 and 3) takes no
 * place across another verb: "urged all countries to enforce an embargo in
 * Ivory Coast" was not urged in Ivory Coast.
 *
 * Fatalities. For events of CAMEO roots 18, 19, 20 and code 145 (violent
 * protest): the death toll of the sentence (toll.c) that the event's verb
 * tells, else the one nearest the verb, but not one that another event's
 * own kill verb tells ("Israeli troops killed two Palestinians, and
 * helicopters fired three missiles": the missiles have no count), nor, told
 * by a finite kill verb, one a semicolon parts from the event ("Governor
 * Assassinated; Bombing Kills 10"). Events of one incident (a compound's
 * members, an attack and the "killing 10" coded beside it) each carry its
 * toll, so a sum over events counts it more than once. -1 when there is
 * none. Wounded the same way, from the injury tolls. A sentence that codes
 * no event passes its tolls to events told before it (carry_tolls: "174
 * peacekeepers have died in the operation" to the events of the sentence
 * that names "the operation"; "No casualties were reported." to the
 * violent events of one of the two sentences before).
 *
 * PLOVER (plover.c) and the location (locate.c) are set for each event
 * here too, once its place phrase is known.
 */
#include <string.h>

#include "../event/coder.h"
#include "enrich.h"

#define MAX_TIMES 32
#define MAX_TOLLS 16
#define MAX_PLACES 32

struct place {
  uint32_t prep;   /* the preposition token */
  uint32_t x0, x1; /* the place's words */
};

/* The token holding byte `off` (the first token starting at or after it),
 * or -1. */
static long token_at(const struct sent *s, uint32_t off) {
  uint32_t lo = 0, hi = s->n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (s->tok[mid].end <= off)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < s->n ? (long)lo : -1;
}

static uint32_t distance(uint32_t t0, uint32_t t1, uint32_t v) {
  return v < t0 ? t0 - v : v >= t1 ? v - t1 + 1 : 0;
}

/* ---- date -------------------------------------------------------------- */

/* Whether expression `t` may date the verb at v: not a possessive after
 * it; no "after" between the expression and a verb after it ("resigned
 * Friday, a day after the government sanctioned ..."), while "shot dead
 * after their car ran a checkpoint on Saturday" keeps Saturday; and, when
 * `bounded` (the expression is not a trailing attribution's), no "before",
 * "since", "until", "ahead of" or "prior to" between them ("signed ...
 * since their peace treaty 25 years ago"), while "killed 16 ... since the
 * start of Ramadan, officials said on Saturday" keeps Saturday. `bar[i]`
 * counts those words before token i: "after" in the high 16 bits, the
 * others in the low. */
static bool may_date(const struct when *t, uint32_t v, const uint32_t *bar,
                     bool bounded) {
  if (t->modifier && t->t0 > v)
    return false;
  if (v < t->t0)
    return !bounded || (bar[v] & 0xffff) == (bar[t->t0] & 0xffff);
  if (v < t->t1)
    return true;
  if ((bar[t->t1] >> 16) != (bar[v] >> 16))
    return false;
  return !bounded || (bar[t->t1] & 0xffff) == (bar[v] & 0xffff);
}

/* The nearest expression to v in clause c, -1 if none. */
static int time_in_clause(const struct sent *s, const struct when *t, size_t nt,
                          int c, uint32_t v, const uint32_t *bar,
                          bool bounded) {
  int best = -1;
  uint32_t bestd = 0;
  for (size_t i = 0; i < nt; i++) {
    if ((int)s->ti[t[i].t0].clause != c || !may_date(&t[i], v, bar, bounded))
      continue;
    uint32_t d = distance(t[i].t0, t[i].t1, v);
    if (best < 0 || d < bestd) {
      best = (int)i;
      bestd = d;
    }
  }
  return best;
}

/* A clause that does not share the time of the clause holding it: a
 * relative clause ("the man who attacked ... was arrested Monday"), or one
 * opened by after, before, since, until, if or unless. */
static bool own_time(const struct sent *s, const struct eword *w, uint32_t c) {
  const struct clause *cl = &s->clauses[c];
  if (cl->type == CL_REL)
    return true;
  if (cl->type != CL_SUB && cl->type != CL_COND)
    return false;
  return cl->t0 < s->n &&
         (w[cl->t0].kind == EW_BOUND || Dyad_key_is(&s->tok[cl->t0], "IF") ||
          Dyad_key_is(&s->tok[cl->t0], "UNLESS"));
}

static int pick_time(const struct sent *s, const struct eword *w,
                     const struct when *t, size_t nt, int clause, uint32_t v,
                     const uint32_t *bar) {
  if (!nt)
    return -1;
  /* the event's clause, then the clauses that hold it */
  for (int c = clause, depth = 0; c >= 0 && depth < 64; depth++) {
    int b = time_in_clause(s, t, nt, c, v, bar,
                           (uint32_t)c >= s->nclauses ||
                               s->clauses[c].type != CL_FRAME);
    if (b >= 0)
      return b;
    if ((uint32_t)c >= s->nclauses || own_time(s, w, (uint32_t)c))
      return -1;
    c = s->clauses[c].parent;
  }
  /* the sentence's: top-level clauses and trailing attributions */
  int best = -1;
  uint32_t bestd = 0;
  for (size_t i = 0; i < nt; i++) {
    uint32_t c = s->ti[t[i].t0].clause;
    if ((c < s->nclauses && s->clauses[c].parent >= 0 &&
         s->clauses[c].type != CL_FRAME) ||
        !may_date(&t[i], v, bar,
                  c >= s->nclauses || s->clauses[c].type != CL_FRAME))
      continue;
    uint32_t d = distance(t[i].t0, t[i].t1, v);
    if (best < 0 || d < bestd) {
      best = (int)i;
      bestd = d;
    }
  }
  return best;
}

/* Whether the verb at v (of `clause`) speaks of the future: "will strike". */
static bool future(const struct sent *s, int clause, uint32_t v) {
  if (clause >= 0 && (uint32_t)clause < s->nclauses &&
      (s->clauses[clause].mods & VM_FUTURE))
    return true;
  for (uint32_t i = 0; i < s->nverbs; i++)
    if (v >= s->verbs[i].t0 && v < s->verbs[i].t1)
      return (s->verbs[i].mods & VM_FUTURE) != 0;
  return false;
}

/* ---- place ------------------------------------------------------------- */

/* An actor code that names a place: a country, a territory, a region
 * ("PSEGZS") or a seat of government ("the Kremlin": RUSGOV), not an
 * organisation, a group ("PSEREBHMS") or a people ("CHR"). */
static bool place_code(const char *c) {
  if (!c)
    return false;
  size_t n = strlen(c);
  if (n != 3 && n != 6)
    return false;
  for (size_t i = 0; i < n; i++)
    if (c[i] < 'A' || c[i] > 'Z')
      return false;
  static const char nonplace[][4] = {"IGO", "NGO", "IMG", "MNC", "UIS", "UNK",
                                     "NGM", "CHR", "MOS", "JEW", "BUD", "HIN"};
  static const char group[][4] = {"REB", "OPP", "PTY", "INS", "UAF", "CVL",
                                  "BUS", "MED", "EDU", "LAB", "AGR", "CRM",
                                  "REF", "HRI", "ENV", "ELI", "MOD", "RAD",
                                  "SEP", "IMG", "NGO", "IGO", "REL"};
  for (size_t i = 0; i < sizeof nonplace / sizeof nonplace[0]; i++)
    if (memcmp(c, nonplace[i], 3) == 0)
      return false;
  for (size_t i = 0; n == 6 && i < sizeof group / sizeof group[0]; i++)
    if (memcmp(c + 3, group[i], 3) == 0)
      return false;
  return true;
}

/* A lower-case open-class word: a demonym before it modifies a noun ("in
 * Iraqi custody"). */
static bool noun_after(const struct sent *s, const struct eword *w,
                       uint32_t j) {
  if (j >= s->n)
    return false;
  const struct token *t = &s->tok[j];
  if (t->kind != TK_WORD || (t->flags & TOK_CAP) || w[j].kind != EW_NONE)
    return false;
  if (s->ti[j].fc != FC_NONE)
    return false;
  return s->ti[j].role != RO_VERB;
}

/* After a possessor ("in Iraq's"): a place inside it ("Iraq's capital",
 * "Iraq's restive north", "Iraq's Anbar province"), not a point of view
 * ("in Iraq's interest"). `p` is the 's token. */
static bool place_owned(const struct sent *s, const struct eword *w,
                        uint32_t p) {
  static const char *const inside[] = {
      "CAPITAL",  "CITY",        "TOWN",    "VILLAGE", "PROVINCE",  "REGION",
      "DISTRICT", "NORTH",       "SOUTH",   "EAST",    "WEST",      "BORDER",
      "NORTHERN", "SOUTHERN",    "EASTERN", "WESTERN", "CENTRAL",   "STATE",
      "AREA",     "COUNTRYSIDE", "COAST",   "PORT",    "HEARTLAND", "STREETS"};
  for (uint32_t j = p + 1; j < s->n && j < p + 4; j++) {
    const struct token *t = &s->tok[j];
    if (t->kind != TK_WORD)
      return false;
    if ((t->flags & TOK_CAP) && !s->allcaps && !s->headline &&
        w[j].kind == EW_NONE)
      return true;
    for (size_t i = 0; i < sizeof inside / sizeof inside[0]; i++)
      if (Dyad_key_is(t, inside[i]))
        return true;
  }
  return false;
}

/* The capitalised name starting at j (after "in", "the" and directions):
 * sets *x1 to its end; false if none. */
static bool name_after(const struct sent *s, const struct eword *w, uint32_t j,
                       uint32_t *x1) {
  uint32_t start = j;
  while (j < s->n && j < start + 4) {
    const struct token *t = &s->tok[j];
    const struct tinfo *ti = &s->ti[j];
    bool joined = j > start && (t->flags & TOK_HYPHEN_BEFORE);
    if (t->kind != TK_WORD || (!(t->flags & TOK_CAP) && !joined) || ti->group ||
        (w[j].kind != EW_NONE && w[j].kind != EW_HOLIDAY &&
         !(w[j].kind == EW_NAMEEND && j > start)) ||
        ti->fc != FC_NONE || (ti->role != RO_NONE && ti->role != RO_TIME) ||
        ((s->headline || s->allcaps) && t->wid))
      break;
    j++;
  }
  if (j == start)
    return false;
  /* "in Congress", "in East": a word that is no place ("Sadr City" is) */
  if (w[start].kind == EW_NAMEEND)
    return false;
  *x1 = j;
  return true;
}

/*
 * The place phrases of the sentence: a preposition of place, then an actor
 * of the dictionaries whose code names a place (its code, on the story
 * date, in `codes`), or a capitalised name that is no actor.
 */
static size_t find_places(const struct dyad_lexicon *lex, const struct sent *s,
                          const struct eword *w, int date, struct place *out,
                          const char **codes, size_t cap) {
  size_t np = 0;
  for (uint32_t k = 0; k + 1 < s->n && np < cap; k++) {
    if (w[k].kind != EW_PREP)
      continue;
    bool in = w[k].val == 1, near = w[k].val == 6;
    if (!in && !near && w[k].val != 4)
      continue;
    uint32_t j = k + 1;
    if (j + 1 < s->n && Dyad_key_is(&s->tok[j], "THE"))
      j++;
    /* "in northern Iraq", "in north-west Pakistan", "in central Baghdad" */
    uint32_t x0 = j;
    while (j + 1 < s->n && j < x0 + 2 && w[j].kind == EW_NAMEEND &&
           w[j].val == 1 && s->ti[j].role != RO_ACTOR)
      j++;
    if (j > x0 && s->ti[j].role != RO_ACTOR &&
        !(s->tok[j].kind == TK_WORD && (s->tok[j].flags & TOK_CAP) &&
          !s->allcaps && !s->headline))
      j = x0;
    const struct tinfo *ti = &s->ti[j];
    struct place p = {k, x0, j};
    if (ti->role == RO_ACTOR && ti->unit) {
      uint32_t e = j + (ti->ulen ? ti->ulen : 1);
      uint32_t id = Dyad_lex_actor_code(lex, ti->ref, date);
      const char *code = id != LEX_NONE ? Dyad_lex_cstr(lex, id) : NULL;
      if (!place_code(code) ||
          (noun_after(s, w, e) && Dyad_demonym_like(&s->tok[e - 1])) ||
          (e < s->n && s->tok[e].kind == TK_POSS && !place_owned(s, w, e)))
        continue;
      p.x1 = e;
      codes[np] = code;
    } else if (ti->group || (!in && !near) || !name_after(s, w, j, &p.x1)) {
      continue;
    } else {
      codes[np] = NULL;
    }
    out[np++] = p;
  }
  return np;
}

/* Whether a verb other than the event's own (at v) stands between tokens
 * a and b: the place phrase then belongs to that verb's act ("urged all
 * countries to enforce an embargo in Ivory Coast"). */
bool Dyad_enrich_verb_between(const struct sent *s, uint32_t a, uint32_t b,
                              uint32_t v) {
  for (uint32_t i = 0; i < s->nverbs; i++) {
    const struct vgroup *g = &s->verbs[i];
    if (!g->noun && g->t0 > a && g->t0 < b && !(v >= g->t0 && v < g->t1))
      return true;
  }
  return false;
}

/* The event's place: the nearest after its verb in its clause, else the
 * nearest before it there, else one opening the sentence. A verbal event
 * (`verbal`: quad classes 1 and 3) takes none across another verb. */
static int pick_place(const struct sent *s, const struct place *p, size_t np,
                      int clause, uint32_t v, bool verbal) {
  int after = -1, before = -1;
  for (size_t i = 0; i < np; i++) {
    if ((int)s->ti[p[i].prep].clause != clause)
      continue;
    if (p[i].prep > v) {
      if (after < 0)
        after = (int)i;
    } else {
      before = (int)i;
    }
  }
  int best = after >= 0 ? after : before;
  /* "In Najaf, police arrested ...": a place opening the sentence */
  if (best < 0 && np && p[0].prep == 0)
    best = 0;
  /* "Two soldiers were killed and 16 wounded in a bomb attack near
   * Kandahar": a clause of its own without a verb of its own (its verb is
   * the event's, left out) places the event */
  for (size_t i = 0; best < 0 && i < np; i++) {
    int pc = (int)s->ti[p[i].prep].clause;
    if (p[i].prep > v && pc > clause && pc < (int)s->nclauses &&
        s->clauses[pc].subject < 0 &&
        (s->clauses[pc].type == CL_MAIN || s->clauses[pc].type == CL_CONJ) &&
        !Dyad_enrich_verb_between(s, v, p[i].prep, v))
      best = (int)i;
  }
  if (best >= 0 && verbal &&
      (p[best].prep > v ? Dyad_enrich_verb_between(s, v, p[best].prep, v)
                        : Dyad_enrich_verb_between(s, p[best].prep, v, v)))
    return -1;
  return best;
}

/* ---- fatalities -------------------------------------------------------- */

static bool violent(const struct dyad_event *e) {
  return (e->root[0] == '1' && e->root[1] == '8') ||
         (e->root[0] == '1' && e->root[1] == '9') ||
         (e->root[0] == '2' && e->root[1] == '0') ||
         strncmp(e->code, "145", 3) == 0;
}

/* The verb token of event `e` of sentence `s`, -1 if none. */
static long verb_token(const struct sent *s, const struct dyad_event *e) {
  if (e->span[DYAD_SPAN_VERB][1] <= e->span[DYAD_SPAN_VERB][0])
    return -1;
  return token_at(s, e->span[DYAD_SPAN_VERB][0]);
}

/* A toll a finite kill verb tells: "X killed 25", "Bombing Kills 10" (not
 * "killing 11", which follows the act it counts). */
static bool active(const struct sent *s, const struct eword *w,
                   const struct toll *t) {
  uint32_t a = t->anchor;
  return (w[a].kind == EW_KILL || w[a].kind == EW_KILLED) && t->t0 == a &&
         !Dyad_key_is(&s->tok[a], "KILLING");
}

/*
 * Marks the tolls that a finite kill verb tells ("Israeli troops killed two
 * Palestinians") when that verb is another violent event's own: they are
 * that event's only ("..., and helicopters fired three missiles": the
 * missiles have no count). "killing 11" after an act is the act's toll too.
 */
static void own_tolls(const struct dyad_doc *doc, const struct sent *s,
                      const struct eword *w, size_t first, const struct toll *t,
                      size_t nt, bool *owned) {
  for (size_t i = 0; i < nt; i++) {
    owned[i] = false;
    uint32_t a = t[i].anchor;
    if (!active(s, w, &t[i]))
      continue;
    for (size_t j = first; j < doc->events.len && !owned[i]; j++) {
      const struct dyad_event *e = &VEC_AT(&doc->events, struct dyad_event, j);
      owned[i] = violent(e) && verb_token(s, e) == (long)a;
    }
  }
}

/* Whether a semicolon stands between tokens a and b. */
static bool semi_between(const struct sent *s, uint32_t a, uint32_t b) {
  for (uint32_t k = a < b ? a : b, e = a < b ? b : a; k < e; k++)
    if (s->tok[k].kind == TK_SEMI)
      return true;
  return false;
}

/* The event's toll: the one its verb tells, else the nearest its verb v
 * that no other event's verb owns and, told by a finite kill verb, no
 * semicolon parts from it ("Governor Assassinated; Bombing Kills 10"). */
static int pick_toll(const struct sent *s, const struct eword *w,
                     const struct toll *t, size_t nt, const bool *owned,
                     uint32_t v, bool wounded) {
  int best = -1;
  uint32_t bestd = 0;
  for (size_t i = 0; i < nt; i++) {
    if (t[i].what != TOLL_BOTH && (t[i].what == TOLL_WOUNDED) != wounded)
      continue;
    if ((owned[i] && t[i].anchor != v) ||
        (active(s, w, &t[i]) && semi_between(s, t[i].anchor, v)))
      continue;
    uint32_t d = t[i].anchor == v ? 0 : distance(t[i].t0, t[i].t1, v) + 1;
    if (best < 0 || d < bestd) {
      best = (int)i;
      bestd = d;
    }
  }
  return best;
}

/* ---- the stage ------------------------------------------------------------
 */

/* A word the parser has told apart that words.c does not hold: an actor,
 * an agent, a pronoun, a conjunction, a modal (but "May"), a negation,
 * "that", "who", "if": not looked up. */
static bool skip_word(const struct token *t, const struct tinfo *ti) {
  if (ti->role == RO_ACTOR || ti->role == RO_AGENT)
    return true;
  switch (ti->fc) {
  case FC_MODAL:
    return !(t->flags & TOK_CAP); /* May */
  case FC_PRON:
  case FC_PRONPOSS:
  case FC_CONJ:
  case FC_DO:
  case FC_NEG:
  case FC_WH:
  case FC_THAT:
  case FC_COND:
    return true;
  default:
    return false;
  }
}

/* The date of the story's dateline (Dyad_enrich_dateline), 0 if none;
 * *end gets the byte offset where the date ends (the parser may have left
 * the dateline out of its sentence's tokens). */
static int dateline(const struct dyad_doc *doc, int date, uint32_t *end) {
  const struct sentence *se = doc->sentences.data;
  const struct token *t = doc->tokens.data;
  for (size_t i = 0; i < doc->sentences.len && i < 3; i++) {
    if (doc->headline_end && se[i].start < doc->headline_end)
      continue;
    uint32_t e = 0;
    int d = Dyad_enrich_dateline(t + se[i].first, se[i].last - se[i].first,
                                 date, &e);
    *end = d ? t[se[i].first + e - 1].end : 0;
    return d;
  }
  return 0;
}

static dyad_status explain(struct dyad_doc *doc, const struct dyad_event *e) {
  char date[16] = "-";
  int d = e->event_date;
  if (d)
    snprintf(date, sizeof date, "%04d-%02d-%02d", d / 10000, d / 100 % 100,
             d % 100);
  dyad_date_precision p;
  dyad_event_date(e, &p);
  TRY(Dyad_buf_printf(&doc->explain, "  enrich %s: date %s (%s%s)", e->code,
                      date, dyad_date_precision_str(p),
                      (e->date_precision & ENRICH_APPROX) ? ", approximate"
                                                          : ""));
  if (e->date_text[1] > e->date_text[0])
    TRY(Dyad_buf_printf(&doc->explain, " from \"%.*s\"",
                        (int)(e->date_text[1] - e->date_text[0]),
                        doc->text + e->date_text[0]));
  if (e->place[1] > e->place[0])
    TRY(Dyad_buf_printf(
        &doc->explain, ", place \"%.*s\" %s", (int)(e->place[1] - e->place[0]),
        doc->text + e->place[0], e->place_code[0] ? e->place_code : "-"));
  if (e->geo_prec && e->loc_text[1] > e->loc_text[0] &&
      (e->loc_text[0] != e->place[0] || e->loc_text[1] != e->place[1]))
    TRY(Dyad_buf_printf(&doc->explain, ", located by \"%.*s\"",
                        (int)(e->loc_text[1] - e->loc_text[0]),
                        doc->text + e->loc_text[0]));
  if (e->geo_prec)
    TRY(Dyad_buf_printf(&doc->explain, ", location %s/%s/%s %.4f %.4f (%s)",
                        e->country, e->admin1[0] ? e->admin1 : "-",
                        e->place_name[0] ? e->place_name : "-", e->lat, e->lon,
                        dyad_geo_precision_str(e->geo_prec)));
  if (e->fatalities >= 0)
    TRY(Dyad_buf_printf(&doc->explain, ", killed %d", e->fatalities));
  if (e->wounded >= 0)
    TRY(Dyad_buf_printf(&doc->explain, ", wounded %d", e->wounded));
  if (e->count_qual)
    TRY(Dyad_buf_printf(&doc->explain, " (%s, \"%.*s\")",
                        dyad_count_qualifier_str(e->count_qual),
                        (int)(e->count_text[1] - e->count_text[0]),
                        doc->text + e->count_text[0]));
  if (e->plover && e->plover[0])
    TRY(Dyad_buf_printf(&doc->explain, ", PLOVER %s mode %s context %s",
                        e->plover, e->plover_mode[0] ? e->plover_mode : "-",
                        e->plover_context[0] ? e->plover_context : "-"));
  return Dyad_buf_putc(&doc->explain, '\n');
}

/* --explain: a time expression of the sentence and what it resolves to,
 * whether or not an event takes it. */
static dyad_status explain_time(struct dyad_doc *doc, const struct sent *s,
                                const struct when *t) {
  size_t a = s->tok[t->t0].start, e = s->tok[t->t1 - 1].end;
  TRY(Dyad_buf_printf(&doc->explain, "  time \"%.*s\": ", (int)(e - a),
                      doc->text + a));
  if (t->date)
    TRY(Dyad_buf_printf(&doc->explain, "%04d-%02d-%02d", t->date / 10000,
                        t->date / 100 % 100, t->date % 100));
  else
    TRY(Dyad_buf_puts(&doc->explain, "unresolved (no story date)"));
  TRY(Dyad_buf_printf(&doc->explain, " (%s%s)\n",
                      dyad_date_precision_str((dyad_date_precision)t->prec),
                      t->approx ? ", approximate" : ""));
  return DYAD_OK;
}

/* Byte span of tokens [t0, t1) of `s`. */
static void byte_span(const struct sent *s, uint32_t t0, uint32_t t1,
                      uint32_t out[2]) {
  out[0] = s->tok[t0].start;
  out[1] = s->tok[t1 - 1].end;
}

/* Widens the count span of `e` to hold toll `t` of sentence `s`. */
static void count_span(struct dyad_event *e, const struct sent *s,
                       const struct toll *t) {
  uint32_t sp[2];
  byte_span(s, t->t0, t->t1, sp);
  if (e->count_text[1] <= e->count_text[0]) {
    e->count_text[0] = sp[0];
    e->count_text[1] = sp[1];
    return;
  }
  if (sp[0] < e->count_text[0])
    e->count_text[0] = sp[0];
  if (sp[1] > e->count_text[1])
    e->count_text[1] = sp[1];
}

/* Gives event `e` the counts of tolls `dead` and `hurt` (-1: none). */
static void set_counts(struct dyad_event *e, const struct sent *s,
                       const struct toll *t, int dead, int hurt) {
  if (dead >= 0) {
    e->fatalities = t[dead].count;
    e->count_qual = t[dead].qual;
    count_span(e, s, &t[dead]);
  }
  if (hurt >= 0) {
    e->wounded = t[hurt].count;
    if (!e->count_qual)
      e->count_qual = t[hurt].qual;
    count_span(e, s, &t[hurt]);
  }
}

/* Whether the sentence of doc sentence index `si` holds a token whose key
 * is that of token `k`. */
static bool sentence_has(const struct dyad_doc *doc, size_t si,
                         const struct token *k) {
  const struct sentence *se = &VEC_AT(&doc->sentences, struct sentence, si);
  const struct token *t = doc->tokens.data;
  for (uint32_t i = se->first; i < se->last; i++)
    if (t[i].klen == k->klen && memcmp(t[i].key, k->key, k->klen) == 0)
      return true;
  return false;
}

/*
 * The tolls of a sentence that codes no event ("A total of 174 peacekeepers
 * have died in the operation", "No casualties were reported") count for
 * events told before it: when the toll is followed by "in/during the X" and
 * an earlier sentence with events holds the word X, the events of the
 * latest such sentence; else the violent events of the latest sentence
 * with events, when it is one of the two sentences before. An event keeps
 * a count its own sentence gave.
 */
static dyad_status carry_tolls(struct dyad_doc *doc, const struct sent *s,
                               const struct eword *w, const struct toll *t,
                               size_t nt, bool explain) {
  if (!doc->events.len)
    return DYAD_OK;
  for (size_t i = 0; i < nt; i++) {
    /* the noun of "in the operation", "during the attack" */
    long noun = -1;
    uint32_t j = t[i].t1;
    if (j + 1 < s->n && w[j].kind == EW_PREP &&
        (w[j].val == 1 || w[j].val == 3) && Dyad_key_is(&s->tok[j + 1], "THE"))
      for (uint32_t k = j + 2; k < s->n && k < j + 5; k++)
        if (s->tok[k].kind == TK_WORD && !(s->tok[k].flags & TOK_CAP) &&
            s->ti[k].fc == FC_NONE) {
          noun = (long)k;
          break;
        }
    size_t target = SIZE_MAX; /* the sentence whose events take it */
    bool only_violent = true;
    if (noun >= 0) {
      /* the story's last 64 events */
      size_t stop = doc->events.len > 64 ? doc->events.len - 64 : 0;
      for (size_t k = doc->events.len; k-- > stop;) {
        const struct dyad_event *e =
            &VEC_AT(&doc->events, struct dyad_event, k);
        if (e->sentence >= s->index)
          continue;
        if (sentence_has(doc, e->sentence, &s->tok[noun])) {
          target = e->sentence;
          only_violent = false;
          break;
        }
      }
    }
    if (target == SIZE_MAX) {
      const struct dyad_event *last =
          &VEC_AT(&doc->events, struct dyad_event, doc->events.len - 1);
      if (last->sentence < s->index && last->sentence + 2 >= s->index)
        target = last->sentence;
    }
    if (target == SIZE_MAX)
      continue;
    for (size_t k = doc->events.len; k-- > 0;) {
      struct dyad_event *e = &VEC_AT(&doc->events, struct dyad_event, k);
      if (e->sentence < target)
        break;
      if (e->sentence != target || (only_violent && !violent(e)))
        continue;
      /* an event keeps the counts its own sentence gives ("At least 69
       * people have been killed and scores wounded ... In Baghdad, 47 died
       * and over 120 were injured": the 120 are Baghdad's only) */
      bool own = e->count_qual != DYAD_COUNT_NONE && e->sentence == target &&
                 e->count_text[0] < s->tok[0].start;
      bool dead = t[i].what != TOLL_WOUNDED && e->fatalities < 0 && !own;
      bool hurt = t[i].what != TOLL_DEAD && e->wounded < 0 && !own;
      if (t[i].count < 0 && t[i].qual != DYAD_COUNT_VAGUE)
        continue;
      if (!dead && !hurt)
        continue;
      set_counts(e, s, t, dead ? (int)i : -1, hurt ? (int)i : -1);
      if (explain)
        TRY(Dyad_buf_printf(
            &doc->explain,
            "  enrich: \"%.*s\" counts for event %s of sentence %u\n",
            (int)(s->tok[t[i].t1 - 1].end - s->tok[t[i].t0].start),
            doc->text + s->tok[t[i].t0].start, e->code, e->sentence));
    }
  }
  return DYAD_OK;
}

/* Classifies the words of sentence `s` into w and the time bars into bar
 * (see may_date). */
static void classify(const struct sent *s, uint32_t n, struct eword *w,
                     uint32_t *bar) {
  bar[0] = 0;
  for (uint32_t i = 0; i < n; i++) {
    /* actors, agents and some closed classes hold none of its words */
    if (skip_word(&s->tok[i], &s->ti[i])) {
      w[i] = (struct eword){EW_NONE, 0, 0};
      bar[i + 1] = bar[i];
      continue;
    }
    w[i] = Dyad_enrich_word(&s->tok[i]);
    uint32_t bound = 0;
    if (w[i].kind == EW_BOUND && w[i].val == 1)
      bound = (uint32_t)1 << 16;
    else if (w[i].kind == EW_BOUND &&
             (w[i].val == 0 ||
              (i + 1 < n && (Dyad_key_is(&s->tok[i + 1], "OF") ||
                             Dyad_key_is(&s->tok[i + 1], "TO")))))
      bound = 1; /* "ahead of", "prior to"; not "push ahead with" */
    bar[i + 1] = bar[i] + bound;
  }
}

/* A cheap test that a sentence may count dead or wounded: a word that
 * starts as a toll word (words.c: EW_KILL ... EW_CASUALTY) does. */
static bool may_count(const struct sent *s) {
  static const char *const stem[] = {
      "KILL",    "DEAD", "DIE",  "DEATH", "WOUND",  "INJUR", "CASUALT",
      "FATALIT", "HURT", "TOLL", "SLAIN", "PERISH", "LIVES", "SHOT"};
  for (uint32_t i = 0; i < s->n; i++) {
    const struct token *t = &s->tok[i];
    if (t->kind != TK_WORD || t->klen < 3)
      continue;
    switch (t->key[0]) {
    case 'K':
    case 'D':
    case 'W':
    case 'I':
    case 'C':
    case 'F':
    case 'H':
    case 'T':
    case 'S':
    case 'P':
    case 'L':
      break;
    default:
      continue;
    }
    for (size_t k = 0; k < sizeof stem / sizeof stem[0]; k++) {
      size_t m = strlen(stem[k]);
      if (t->key[0] == stem[k][0] && t->klen >= m &&
          memcmp(t->key, stem[k], m) == 0)
        return true;
    }
  }
  return false;
}

/* The violent events of one sentence are one incident ("Militants killed
 * five police officers and injured seven in an attack in Peshawar last
 * week"): an event without a date, place or counts of its own takes those
 * of another violent event of the sentence by the same source, with no
 * semicolon between, so the rows of the incident agree. */
static void share_incident(struct dyad_doc *doc, const struct sent *s,
                           size_t first) {
  size_t n = doc->events.len;
  for (size_t i = first; i < n; i++) {
    struct dyad_event *e = &VEC_AT(&doc->events, struct dyad_event, i);
    if (!violent(e))
      continue;
    long ve = verb_token(s, e);
    for (size_t j = first; j < n; j++) {
      const struct dyad_event *o = &VEC_AT(&doc->events, struct dyad_event, j);
      if (j == i || !violent(o) || strcmp(e->source, o->source) != 0)
        continue;
      /* one author, and no semicolon between: "US troops attacked Najaf; a
       * bomb killed 5 Iraqis in Baghdad" are two */
      long vo = verb_token(s, o);
      if (ve < 0 || vo < 0 ||
          semi_between(s, (uint32_t)(ve < vo ? ve : vo),
                       (uint32_t)(ve < vo ? vo : ve)))
        continue;
      if (!e->date_text[1] && o->date_text[1]) {
        e->event_date = o->event_date;
        e->date_precision = o->date_precision;
        e->date_text[0] = o->date_text[0];
        e->date_text[1] = o->date_text[1];
      }
      if (!e->place[1] && o->place[1]) {
        e->place[0] = o->place[0];
        e->place[1] = o->place[1];
        e->place_code = o->place_code;
      }
      /* each count the row lacks ("killed five ... and injured seven":
       * the injure row takes the five dead); its count text then spans
       * both */
      bool none = e->fatalities < 0 && e->wounded < 0;
      bool took = false;
      if (e->fatalities < 0 && o->fatalities >= 0) {
        e->fatalities = o->fatalities;
        took = true;
      }
      if (e->wounded < 0 && o->wounded >= 0) {
        e->wounded = o->wounded;
        took = true;
      }
      if (none && took) {
        e->count_qual = o->count_qual;
        e->count_text[0] = o->count_text[0];
        e->count_text[1] = o->count_text[1];
      } else if (took && o->count_text[1]) {
        if (o->count_text[0] < e->count_text[0])
          e->count_text[0] = o->count_text[0];
        if (o->count_text[1] > e->count_text[1])
          e->count_text[1] = o->count_text[1];
      }
    }
  }
}

dyad_status Dyad_enrich_sentence(const struct dyad_coder *c,
                                 struct dyad_doc *doc, const struct sent *s,
                                 size_t first, int date) {
  if (c->opt.no_enrich)
    return DYAD_OK;
  bool none = first >= doc->events.len;
  /* a sentence without events may only carry counts to earlier events
   * (and, for --explain, show the times it names) */
  bool idle = none && (!doc->events.len || !may_count(s));
  if (idle && !c->opt.explain)
    return DYAD_OK;
  uint32_t n = s->n < DYAD_MAX_SENT_TOKENS ? s->n : DYAD_MAX_SENT_TOKENS;
  struct sent view = *s;
  view.n = n;
  struct eword w[DYAD_MAX_SENT_TOKENS];
  uint32_t bar[DYAD_MAX_SENT_TOKENS + 1];
  bool any_violent = false;
  for (size_t i = first; i < doc->events.len; i++)
    any_violent |= violent(&VEC_AT(&doc->events, struct dyad_event, i));
  classify(&view, n, w, bar);
  if (!Dyad_date_valid(date))
    date = 0;
  /* relative dates count from the dateline's date when there is one */
  uint32_t dl_end = 0;
  int ref = dateline(doc, date, &dl_end);
  if (!ref)
    ref = date;
  struct when times[MAX_TIMES];
  size_t nt = Dyad_enrich_times(&view, w, ref, times, MAX_TIMES);
  if (dl_end && n && s->tok[0].start < dl_end) {
    /* the dateline's own date dates no event */
    size_t k = 0;
    for (size_t i = 0; i < nt; i++)
      if (s->tok[times[i].t0].start >= dl_end)
        times[k++] = times[i];
    nt = k;
  }
  if (c->opt.explain)
    for (size_t i = 0; i < nt; i++)
      TRY(explain_time(doc, &view, &times[i]));
  if (idle)
    return DYAD_OK;
  struct toll tolls[MAX_TOLLS];
  if (none) {
    size_t nl = Dyad_enrich_tolls(&view, w, times, nt, tolls, MAX_TOLLS);
    TRY(carry_tolls(doc, &view, w, tolls, nl, c->opt.explain));
    return DYAD_OK;
  }
  size_t nl = any_violent
                  ? Dyad_enrich_tolls(&view, w, times, nt, tolls, MAX_TOLLS)
                  : 0;
  bool owned[MAX_TOLLS];
  own_tolls(doc, &view, w, first, tolls, nl, owned);
  struct place places[MAX_PLACES];
  const char *codes[MAX_PLACES];   /* actor codes of the places */
  const char *country[MAX_PLACES]; /* their first three letters */
  size_t np = find_places(c->lex, &view, w, date, places, codes, MAX_PLACES);
  for (size_t i = 0; i < np; i++)
    country[i] = NULL;
  struct plover_words pw;
  Dyad_plover_words(&view, &pw);

  for (size_t i = first; i < doc->events.len; i++) {
    struct dyad_event *e = &VEC_AT(&doc->events, struct dyad_event, i);
    long v = verb_token(&view, e);
    int clause = v >= 0 ? (int)s->ti[v].clause : -1;
    uint32_t vt = v >= 0 ? (uint32_t)v : 0;

    int ti = v >= 0 ? pick_time(&view, w, times, nt, clause, vt, bar)
                    : pick_time(&view, w, times, nt, -1, 0, bar);
    e->event_date = date;
    e->date_precision = DYAD_DATE_STORY;
    e->date_text[0] = e->date_text[1] = 0;
    if (ti >= 0 && times[ti].date) {
      e->event_date = times[ti].ahead && future(&view, clause, vt)
                          ? times[ti].ahead
                          : times[ti].date;
      e->date_precision = times[ti].prec;
      if (times[ti].approx)
        e->date_precision |= ENRICH_APPROX;
      byte_span(&view, times[ti].t0, times[ti].t1, e->date_text);
    } else if (ti >= 0) {
      e->event_date = 0; /* a relative date and no story date */
      e->date_precision = DYAD_DATE_UNKNOWN;
      byte_span(&view, times[ti].t0, times[ti].t1, e->date_text);
    }
    e->date_precision |= ENRICH_DONE;

    e->place[0] = e->place[1] = 0;
    e->place_code = "";
    int pi = v >= 0 ? pick_place(&view, places, np, clause, vt,
                                 e->quad == 1 || e->quad == 3)
                    : -1;
    if (pi >= 0) {
      const struct place *p = &places[pi];
      e->place[0] = s->tok[p->x0].start;
      e->place[1] = s->tok[p->x1 - 1].end;
      if (codes[pi]) {
        if (!country[pi]) {
          const char *gc = codes[pi];
          country[pi] =
              strlen(gc) == 3 ? gc : Dyad_arena_strndup(&doc->arena, gc, 3);
          if (!country[pi])
            return DYAD_ERR_NOMEM;
        }
        e->place_code = country[pi];
      }
    }

    e->fatalities = -1;
    e->wounded = -1;
    e->count_qual = DYAD_COUNT_NONE;
    e->count_text[0] = e->count_text[1] = 0;
    if (nl && violent(e))
      set_counts(e, &view, tolls,
                 pick_toll(&view, w, tolls, nl, owned, vt, false),
                 pick_toll(&view, w, tolls, nl, owned, vt, true));
    TRY(Dyad_plover_event(&doc->arena, &pw, e->code, &e->plover,
                          &e->plover_mode, &e->plover_context));
  }
  share_incident(doc, &view, first);
  TRY(Dyad_enrich_locate(c->lex, doc, &view, first));
  if (c->opt.explain)
    for (size_t i = first; i < doc->events.len; i++)
      TRY(explain(doc, &VEC_AT(&doc->events, struct dyad_event, i)));
  return DYAD_OK;
}

/* ---- getters (dyad.h) ------------------------------------------------------
 */

int dyad_event_date(const dyad_event *e, dyad_date_precision *precision) {
  dyad_date_precision p = DYAD_DATE_STORY;
  int d = 0;
  if (e) {
    d = e->event_date;
    if (e->date_precision & ENRICH_DONE)
      p = (dyad_date_precision)(e->date_precision & ENRICH_PREC_MASK);
    else if (d)
      p = DYAD_DATE_DAY; /* a TABARI time shift */
  }
  if (precision)
    *precision = p;
  return d;
}

bool dyad_event_date_approximate(const dyad_event *e) {
  return e && (e->date_precision & ENRICH_APPROX);
}

bool dyad_event_place(const dyad_event *e, size_t *start, size_t *end,
                      const char **code) {
  bool has = e && e->place[1] > e->place[0];
  if (start)
    *start = has ? e->place[0] : 0;
  if (end)
    *end = has ? e->place[1] : 0;
  if (code)
    *code = has && e->place_code ? e->place_code : "";
  return has;
}

int dyad_event_fatalities(const dyad_event *e) {
  if (!e || !(e->date_precision & ENRICH_DONE) || e->fatalities < 0)
    return -1;
  return e->fatalities;
}

const char *dyad_date_precision_str(dyad_date_precision p) {
  switch (p) {
  case DYAD_DATE_STORY:
    return "story";
  case DYAD_DATE_DAY:
    return "day";
  case DYAD_DATE_WEEK:
    return "week";
  case DYAD_DATE_MONTH:
    return "month";
  case DYAD_DATE_YEAR:
    return "year";
  case DYAD_DATE_UNKNOWN:
    break;
  }
  return "unknown";
}

bool dyad_event_date_text(const dyad_event *e, size_t *start, size_t *end) {
  bool has = e && (e->date_precision & ENRICH_DONE) &&
             e->date_text[1] > e->date_text[0];
  if (start)
    *start = has ? e->date_text[0] : 0;
  if (end)
    *end = has ? e->date_text[1] : 0;
  return has;
}

int dyad_event_wounded(const dyad_event *e) {
  if (!e || !(e->date_precision & ENRICH_DONE) || e->wounded < 0)
    return -1;
  return e->wounded;
}

bool dyad_event_count_text(const dyad_event *e, size_t *start, size_t *end,
                           dyad_count_qualifier *qual) {
  bool has = e && (e->date_precision & ENRICH_DONE) && e->count_qual;
  if (start)
    *start = has ? e->count_text[0] : 0;
  if (end)
    *end = has ? e->count_text[1] : 0;
  if (qual)
    *qual = has ? (dyad_count_qualifier)e->count_qual : DYAD_COUNT_NONE;
  return has;
}

const char *dyad_count_qualifier_str(dyad_count_qualifier q) {
  switch (q) {
  case DYAD_COUNT_EXACT:
    return "exact";
  case DYAD_COUNT_AT_LEAST:
    return "at_least";
  case DYAD_COUNT_AT_MOST:
    return "at_most";
  case DYAD_COUNT_APPROX:
    return "approximate";
  case DYAD_COUNT_VAGUE:
    return "vague";
  case DYAD_COUNT_NONE:
    break;
  }
  return "";
}

const char *dyad_event_plover(const dyad_event *e, const char **mode,
                              const char **context) {
  bool has = e && e->plover && e->plover[0];
  if (mode)
    *mode = has && e->plover_mode ? e->plover_mode : "";
  if (context)
    *context = has && e->plover_context ? e->plover_context : "";
  return has ? e->plover : "";
}
