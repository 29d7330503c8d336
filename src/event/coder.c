/*
 * coder.c - event coding (pipeline stage "events").
 *
 * For each verb group of a parsed sentence: try the patterns of its verb
 * block longest first (TABARI manual §5.7): the part after
 * '*' is matched forward from the verb, the part before it backward, other
 * words may come between elements unless '_' links them, '$' '+' '%' '^'
 * take actor phrases, '&SET' and '{a|b}' are alternatives. The first pattern
 * that matches gives the code; if none does, the verb's own code. Source
 * and target come from the pattern or, by default, from the clause subject
 * and the first actor phrase after the verb (passive voice swaps them).
 *
 * Then the rules of docs/dictionaries.md "What the engine does": control
 * verbs hand over to their infinitive, intent/threat/refusal/appeal/demand
 * verbs turn the inner act into their family's code (family.c), negated
 * cooperative acts become refusals (CAMEO 12x), hedged, conditional and
 * future statements are not events, reported speech is marked as a claim.
 * The TABARI profile skips those rules, as TABARI did.
 */
#include "coder.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../parse/words.h"
#include "family.h"
#include "match.h"

/* ---- events ------------------------------------------------------------- */

static const char *lexstr(const struct dyad_lexicon *lex, uint32_t id) {
  return id == LEX_NONE ? NULL : Dyad_lex_cstr(lex, id);
}

static bool is_null_code(const char *c) {
  return !c || !*c || strcmp(c, "---") == 0;
}

/* Assault, fight and mass violence (CAMEO roots 18-20): the acts coded even
 * when no actor is named as their author. */
static bool violent(const char *c) {
  return Dyad_cameo_root(c) >= 18;
}

/* A sentence that names a natural disaster or an accident ("floods that
 * killed 340 people"): it gives no violent event. */
static bool names_hazard(const struct sent *s) {
  for (uint32_t k = 0; k < s->n; k++)
    if (s->ti[k].wp & W_HAZARD)
      return true;
  return false;
}

/* True when group g is the last noun phrase (coded or not) before the verb
 * group starting at a0, within [lo, a0): the passive subject itself, not a
 * subject carried over ("Serbia lifted a curfew in Montenegro where 28
 * people have been killed" is not violence against Serbia). */
static bool nearest_before(const struct sent *s, int g, uint32_t lo,
                           uint32_t a0) {
  if (g < 0 || s->groups[g].t0 < lo || s->groups[g].t1 > a0)
    return false;
  for (uint32_t x = 0; x < s->ngroups; x++)
    if (s->groups[x].t0 >= s->groups[g].t1 && s->groups[x].t1 <= a0)
      return false;
  return true;
}

/* "Three civilians died in ...": the phrase starting at token k follows
 * "died in" and the clause's subject `subj` comes before it. */
static bool died_in(const struct sent *s, uint32_t k, int subj) {
  if (k < 2 || subj < 0 || s->groups[subj].t1 >= k - 1 ||
      !Dyad_key_is(&s->tok[k - 1], "IN"))
    return false;
  const struct token *d = &s->tok[k - 2];
  return Dyad_key_is(d, "DIED") || Dyad_key_is(d, "DIE") ||
         Dyad_key_is(d, "DIES") || Dyad_key_is(d, "PERISHED");
}

/* Verbs whose plural subject acts on itself ("the army and the RSF
 * clashed"): each member is the other's target when no other party is
 * named. A '%' pattern cannot say "when no other party is named" ("US and
 * Iraqi forces battled militants" is not mutual), so the rule is here. */
static bool reciprocal(const struct dyad_lexicon *lex, const struct vgroup *v) {
  static const char *const rec[] = {"CLASH", "FIGHT", "BATTLE", "SKIRMISH",
                                    NULL};
  const struct lex_verb *lv = &VEC_AT(&lex->verbs, struct lex_verb, v->verb);
  const char *l = Dyad_lex_cstr(lex, lv->lemma);
  for (int i = 0; rec[i]; i++)
    if (strcmp(l, rec[i]) == 0)
      return true;
  return false;
}

struct evspec {
  const char *builtin; /* name of an engine rule, or NULL */
  const char *code;
  int src, tgt;      /* groups */
  uint32_t vt0, vt1; /* verb tokens */
  uint8_t modality;
  bool negated;
  struct lex_src rule;
  bool compound;       /* mutual events within a compound */
  bool unknown_source; /* violence by an unnamed perpetrator */
};

static bool same_root(const char *a, const char *b);

/* A country's armed opponents: rebels, insurgents and militants (REB) or
 * unaligned armed forces (UAF), the sector right after the country block
 * ("MLIREB", "NGAREBMUS"). */
static bool armed_opponent(const char *code) {
  return strlen(code) >= 6 &&
         (strncmp(code + 3, "REB", 3) == 0 || strncmp(code + 3, "UAF", 3) == 0);
}

static dyad_status add_event(const struct dyad_coder *c, struct dyad_doc *doc,
                             struct sent *s, const struct agroup *sg,
                             const struct agroup *tg, const struct evspec *ev) {
  const struct dyad_lexicon *lex = c->lex;
  const char *src = sg && sg->code ? sg->code : NULL;
  const char *tgt = tg && tg->code ? tg->code : NULL;
  if (!src || !*src) {
    if (!ev->unknown_source || !tgt)
      return DYAD_OK;
    src = "";
  }
  /* "Israeli aircraft struck Rafah, killing five people": victims whose
   * country was only inferred from the sentence are not taken to be those
   * of a state or its army using force (CAMEO 18-20); police and
   * governments acting at home keep them ("police opened fire on
   * demonstrators, killing one person"), and so do armed opponents that
   * the sentence places in that country, whom its army fights at home
   * ("Malian troops killed several militants near Mopti": MLIREB; not
   * "... tanks reinforced the siege ... of a three-week insurgency" in a
   * story about U.S. forces) */
  if (c->opt.profile != DYAD_PROFILE_TABARI && tgt && tg->agent_only && *src &&
      same_root(src, tgt) &&
      (strlen(src) == 3 || strncmp(src + 3, "MIL", 3) == 0) &&
      !(armed_opponent(tgt) && tg->placed) && violent(ev->code))
    tgt = NULL;
  if (tgt && strcmp(src, tgt) == 0)
    return DYAD_OK; /* no self-events */
  /* arriving in one's own country ("immigrants who arrived in Canada") is
   * not a visit between actors (CAMEO 042/043); a meeting of two of its
   * actors ("demonstrators received ministers") is */
  if (c->opt.profile != DYAD_PROFILE_TABARI && tgt &&
      Dyad_cameo_is_visit(ev->code) && same_root(src, tgt) &&
      (strlen(src) == 3 || strlen(tgt) == 3))
    return DYAD_OK;
  if (c->require_dyad && !tgt)
    return DYAD_OK;
  if (strlen(ev->code) >= sizeof(((struct dyad_event *)0)->code))
    return DYAD_OK;
  /* at most DYAD_MAX_SENT_EVENTS per sentence (dyad_code warns) */
  if (doc->events.len - doc->ev_first >= DYAD_MAX_SENT_EVENTS) {
    doc->flags |= DOC_EVENTS_CUT;
    return DYAD_OK;
  }
  /* one row per (source, target, code) per sentence */
  for (size_t i = doc->events.len; i-- > 0;) {
    const struct dyad_event *e = &VEC_AT(&doc->events, struct dyad_event, i);
    if (e->sentence != s->index)
      break;
    if (strcmp(e->source, src) == 0 && strcmp(e->target, tgt ? tgt : "") == 0 &&
        strcmp(e->code, ev->code) == 0)
      return DYAD_OK;
  }
  struct dyad_event *e = Dyad_vec_push(&doc->events);
  if (!e)
    return DYAD_ERR_NOMEM;
  e->fatalities = -1;
  e->wounded = -1;
  e->place_code = "";
  e->source = src;
  e->target = tgt ? tgt : "";
  snprintf(e->code, sizeof e->code, "%s", ev->code);
  e->root[0] = ev->code[0];
  e->root[1] = ev->code[0] ? ev->code[1] : '\0';
  e->root[2] = '\0';
  e->quad = Dyad_cameo_quad(ev->code);
  e->goldstein = Dyad_cameo_goldstein(ev->code);
  e->sentence = s->index;
  const struct token *tok = s->tok;
  if (sg) {
    e->span[DYAD_SPAN_SOURCE][0] = tok[sg->h0].start;
    e->span[DYAD_SPAN_SOURCE][1] = tok[sg->h1 - 1].end;
  }
  if (tg && tgt) {
    e->span[DYAD_SPAN_TARGET][0] = tok[tg->h0].start;
    e->span[DYAD_SPAN_TARGET][1] = tok[tg->h1 - 1].end;
  }
  e->span[DYAD_SPAN_VERB][0] = tok[ev->vt0].start;
  e->span[DYAD_SPAN_VERB][1] = tok[ev->vt1 - 1].end;
  e->modality = ev->modality;
  e->negated = ev->negated;
  if (ev->builtin) {
    e->rule_file = ev->builtin;
    e->rule_line = 0;
  } else {
    e->rule_file = ev->rule.file < lex->files.len
                       ? VEC_AT(&lex->files, char *, ev->rule.file)
                       : "";
    e->rule_line = ev->rule.line;
  }
  return DYAD_OK;
}

/* Whether group x stands for event party g: g itself, or a coded member
 * of g's compound. */
static bool member_of(const struct sent *s, int g, uint32_t x) {
  if (g < 0)
    return false;
  int cp = s->groups[g].compound;
  if (cp < 0)
    return x == (uint32_t)g;
  return s->groups[x].compound == cp && s->groups[x].code != NULL;
}

/* The groups [*lo, *hi) that can stand for party g: g itself, or the whole
 * of its compound, whose members are consecutive groups (parse.c links
 * groups gi..last); empty when g < 0. */
static void party_range(const struct sent *s, int g, uint32_t *lo,
                        uint32_t *hi) {
  *lo = *hi = 0;
  if (g < 0)
    return;
  uint32_t a = (uint32_t)g, b = a + 1;
  int cp = s->groups[g].compound;
  if (cp >= 0) {
    while (a > 0 && s->groups[a - 1].compound == cp)
      a--;
    while (b < s->ngroups && s->groups[b].compound == cp)
      b++;
  }
  *lo = a;
  *hi = b;
}

/* Emits events for spec: compounds expand to one event per member, however
 * many ("A, B, ... and Z"), up to DYAD_MAX_SENT_EVENTS a sentence. Linear
 * in the members of the two parties, not in the groups of the sentence. */
static dyad_status emit(const struct dyad_coder *c, struct dyad_doc *doc,
                        struct sent *s, const struct evspec *ev) {
  uint32_t s0, s1, t0, t1;
  party_range(s, ev->src, &s0, &s1);
  party_range(s, ev->tgt, &t0, &t1);
  bool any_src = false;
  for (uint32_t i = s0; i < s1 && !(doc->flags & DOC_EVENTS_CUT); i++) {
    if (!member_of(s, ev->src, i))
      continue;
    any_src = true;
    bool any_tgt = false;
    for (uint32_t j = t0; j < t1 && !(doc->flags & DOC_EVENTS_CUT); j++) {
      if (!member_of(s, ev->tgt, j))
        continue;
      any_tgt = true;
      TRY(add_event(c, doc, s, &s->groups[i], &s->groups[j], ev));
    }
    if (!any_tgt)
      TRY(add_event(c, doc, s, &s->groups[i], NULL, ev));
  }
  if (!any_src && ev->unknown_source)
    for (uint32_t j = t0; j < t1; j++)
      if (member_of(s, ev->tgt, j))
        TRY(add_event(c, doc, s, NULL, &s->groups[j], ev));
  return DYAD_OK;
}

/* First actor group after token p within [p, hi) whose code differs from
 * the source's (the default target, TABARI getRegularTarget). */
/* Same actor at the level of its first block (country), or of its first two
 * blocks for international codes (IGOUNO vs IGOAFR). */
static bool same_root(const char *a, const char *b) {
  if (!a || !b)
    return false;
  size_t n = 3;
  if (strncmp(a, "IGO", 3) == 0 || strncmp(a, "NGO", 3) == 0 ||
      strncmp(a, "IMG", 3) == 0 || strncmp(a, "MNC", 3) == 0)
    n = 6;
  return strlen(a) >= n && strlen(b) >= n && strncmp(a, b, n) == 0;
}

static int target_after_x(const struct sent *s, uint32_t p, uint32_t hi,
                          int src, bool tabari) {
  const char *sc = src >= 0 ? s->groups[src].code : NULL;
  int fallback = -1;
  for (uint32_t g = 0; g < s->ngroups; g++) {
    const struct agroup *x = &s->groups[g];
    if (x->t0 < p || x->t0 >= hi || !x->code)
      continue;
    if (src >= 0 && s->groups[src].compound >= 0 &&
        x->compound == s->groups[src].compound)
      continue;
    if (sc && strcmp(sc, x->code) == 0)
      continue;
    /* "agreed to a ceasefire in talks mediated by Switzerland": the "by"
     * agent of a later participle is not this act's target ("rejected
     * calls by Belarus" is: the calls' author) */
    if (!tabari && x->prep > 0 && (uint32_t)x->prep > p &&
        Dyad_key_is(&s->tok[x->prep], "BY") &&
        s->ti[x->prep - 1].role == RO_VERB)
      continue;
    /* dyad: the source's own country as a possessive ("Russia's support",
     * "its war with Iraq") or one of the source's own units ("the Security
     * Council ended MINUSMA, its mission in Mali") is not the target while
     * another actor follows (the possessive never is); the country as the
     * object is ("French farmers blockaded Paris") */
    if (!tabari && same_root(sc, x->code)) {
      /* a possessive, or a demonym used as one ("promised Russian support
       * for Mali") */
      bool poss =
          x->pronoun || (x->t1 < s->n && s->tok[x->t1].kind == TK_POSS) ||
          (x->t1 == x->t0 + 1 && x->t1 < s->n &&
           s->tok[x->t1].kind == TK_WORD && s->ti[x->t1].fc == FC_NONE &&
           !s->ti[x->t1].wp && s->ti[x->t1].role != RO_VERB &&
           s->ti[x->t1].role != RO_ACTOR && !(s->tok[x->t1].flags & TOK_CAP) &&
           Dyad_demonym_like(&s->tok[x->t0]));
      bool unit = strncmp(x->code, sc, strlen(sc)) == 0;
      /* the source's own country or itself as a possessive never is ("ahead
       * of Israel's planned pullout"); another sector's may be ("protest
       * President Assad's failure") */
      if (poss && (strlen(x->code) == 3 || unit ||
                   strncmp(sc, x->code, strlen(x->code)) == 0))
        continue;
      if (poss || unit) {
        if (fallback < 0)
          fallback = (int)g; /* the target when no other actor follows */
        continue;
      }
    }
    return (int)g;
  }
  return fallback;
}

static int target_after(const struct sent *s, uint32_t p, uint32_t hi,
                        int src) {
  return target_after_x(s, p, hi, src, false);
}

static int target_before(const struct sent *s, uint32_t lo, uint32_t p,
                         int src) {
  const char *sc = src >= 0 ? s->groups[src].code : NULL;
  for (uint32_t g = 0; g < s->ngroups; g++) {
    const struct agroup *x = &s->groups[g];
    if (x->t0 < lo || x->t1 > p || !x->code || (int)g == src)
      continue;
    if (sc && strcmp(sc, x->code) == 0)
      continue;
    return (int)g;
  }
  return -1;
}

/* The "by" agent of a passive verb: the first group after the verb that
 * the preposition BY governs. */
static int by_agent(const struct sent *s, const struct vgroup *v, uint32_t hi) {
  for (uint32_t g = 0; g < s->ngroups; g++) {
    const struct agroup *x = &s->groups[g];
    if (x->t0 < v->t1 || x->t0 >= hi || x->prep < 0)
      continue;
    if (x->t0 > v->t1 + 4)
      break;
    /* "killed by his captors": a possessive pronoun is not the agent */
    if (Dyad_key_is(&s->tok[x->prep], "BY") &&
        !(x->pronoun && s->ti[x->t0].fc == FC_PRONPOSS))
      return (int)g;
  }
  return -1;
}

static const char *family_mapped(const char *outer, const char *inner) {
  enum family f = Dyad_family_of(outer);
  if (f == FAM_NONE)
    return outer;
  return Dyad_family_map(f, outer, inner);
}

/* The clause bounds a verb's patterns may look in. */
static void verb_bounds(const struct sent *s, const struct vgroup *v,
                        bool tabari, uint32_t *lo, uint32_t *hi) {
  const struct clause *cl = &s->clauses[v->clause];
  *lo = cl->t0;
  *hi = cl->t1;
  if (!tabari) {
    /* objects may sit in a following reported or relative clause of the
     * same verb ("urged X to ..."), never past a new main clause */
    for (uint32_t ci = (uint32_t)v->clause + 1; ci < s->nclauses; ci++) {
      const struct clause *n = &s->clauses[ci];
      if (n->type == CL_MAIN || n->type == CL_CONJ)
        break;
      if (n->type != CL_REL)
        break;
      *hi = n->t1;
    }
  }
}

/* A reporting verb ("said", "commented") that introduces a reported
 * clause or a quotation of its subject. */
static bool frames_speech(const struct sent *s, const struct vgroup *v) {
  if (!(s->ti[v->t0].wp & W_REPORT))
    return false;
  if (s->clauses[v->clause].type == CL_FRAME)
    return true;
  for (uint32_t ci = 0; ci < s->nclauses; ci++) {
    const struct clause *cl = &s->clauses[ci];
    if (cl->type == CL_REPORTED && cl->parent == v->clause)
      return true;
    if (cl->quoted && (int)ci != v->clause)
      return true;
  }
  return false;
}

/* A word that may sit inside a noun phrase before its head: an unknown
 * word that is not an adverb, or an actor or agent word used as an
 * adjective. */
static bool adjective_word(const struct sent *s, uint32_t k) {
  const struct token *t = &s->tok[k];
  const struct tinfo *ti = &s->ti[k];
  if (t->kind != TK_WORD)
    return false;
  if (ti->role == RO_ACTOR || ti->role == RO_AGENT || ti->role == RO_ADJ)
    return true;
  if (ti->role != RO_NONE || ti->fc != FC_NONE || (ti->wp & W_FRAME))
    return false;
  return !(t->klen > 4 && memcmp(t->key + t->klen - 2, "LY", 2) == 0);
}

/* An event noun that names no act that happened: one qualified as to come
 * ("the planned pullout", "a possible attack") or one that only modifies
 * the head noun after it ("the pull-out debate", "ceasefire talks"). */
static bool noun_not_event(const struct sent *s, const struct vgroup *v) {
  for (uint32_t k = v->t0, m = 0; k > 0 && m < 3; k--, m++) {
    if (s->tok[k - 1].kind != TK_WORD || s->ti[k - 1].group)
      break;
    if (s->ti[k - 1].wp & W_PLANNED)
      return true;
  }
  return v->t1 < s->n && s->tok[v->t1].kind == TK_WORD &&
         (s->ti[v->t1].wp & W_TOPIC);
}

/* Modality of a verb group: its own markers plus its clause's. */
static uint32_t vmods(const struct sent *s, const struct vgroup *v) {
  return v->mods | s->clauses[v->clause].mods;
}

dyad_status Dyad_code_sentence(const struct dyad_coder *c, struct dyad_doc *doc,
                               struct sent *s, struct buf *explain) {
  const struct dyad_lexicon *lex = c->lex;
  bool tabari = c->opt.profile == DYAD_PROFILE_TABARI;
  bool hazard = !tabari && names_hazard(s); /* once per sentence */
  for (uint32_t vi = 0; vi < s->nverbs; vi++) {
    struct vgroup *v = &s->verbs[vi];
    if (v->coded)
      continue;
    if (v->noun) {
      /* event nouns: "Russia's support for Mali", "an attack by X on Y" */
      if (tabari || noun_not_event(s, v))
        continue;
      struct vcode vc;
      uint32_t lo, hi;
      verb_bounds(s, v, tabari, &lo, &hi);
      Dyad_match_verb(lex, s, v, lo, hi, &vc);
      const char *code = lexstr(lex, vc.code);
      if (is_null_code(code))
        continue;
      int src = vc.src, tgt = vc.tgt;
      if (src < 0) {
        /* owner: "Russia's support", "French withdrawal", "by X" */
        if (v->t0 > 0) {
          int g = s->ti[v->t0 - 1].group ? (int)s->ti[v->t0 - 1].group - 1 : -1;
          if (g < 0 && v->t0 > 1 && s->tok[v->t0 - 1].kind != TK_POSS)
            g = -1;
          uint32_t k = v->t0;
          while (k > 0 && s->ti[k - 1].group == 0 && k + 4 > v->t0 &&
                 s->ti[k - 1].role == RO_NONE &&
                 s->tok[k - 1].kind == TK_WORD && s->ti[k - 1].fc == FC_NONE)
            k--;
          if (k > 1 && s->tok[k - 1].kind == TK_POSS && s->ti[k - 2].group)
            g = (int)s->ti[k - 2].group - 1; /* "Russia's support" */
          else if (k > 0 && s->tok[k - 1].kind == TK_POSS && s->ti[k - 1].group)
            g = (int)s->ti[k - 1].group - 1;
          else if (k > 0 && s->ti[k - 1].group) {
            /* "Israeli airstrikes": an actor adjective owns the noun only
             * when the phrase is not inside a prepositional phrase ("walked
             * away from African Union peace talks") */
            g = (int)s->ti[k - 1].group - 1;
            uint32_t st0 = s->groups[g].t0;
            /* (violence keeps its author: "killed in Israeli tank
             * shelling") */
            if (st0 > 0 && !violent(code) &&
                (s->ti[st0 - 1].fc == FC_PREP || s->ti[st0 - 1].fc == FC_TO))
              g = -1;
            /* a country name before the noun is where, not who: "Iraq
             * mortar attack" (but "Israeli airstrikes", "Hamas attack") */
            else if (s->groups[g].code && strlen(s->groups[g].code) == 3 &&
                     !Dyad_demonym_like(&s->tok[s->groups[g].t1 - 1]))
              g = -1;
          }
          if (g >= 0 && s->groups[g].code)
            src = g;
        }
        if (src < 0) {
          int b = by_agent(s, v, hi);
          if (b >= 0)
            src = b;
        }
      }
      /* the verb before the noun in its clause: a coded verb codes its own
       * object ("rejected an invitation to talks"); a verb with no code of
       * its own lends its subject and its modality ("held talks",
       * "continued their hunger strike", "to join six-party talks") */
      int wv = -1;
      for (uint32_t wj = 0; wj < s->nverbs; wj++) {
        const struct vgroup *w = &s->verbs[wj];
        if (!w->noun && w->t1 <= v->t0 && w->clause == v->clause)
          wv = (int)wj;
      }
      uint32_t vm = 0;
      if (wv >= 0) {
        const struct vgroup *w = &s->verbs[wv];
        /* governed: coded with its verb; not so the place of a passive
         * ("were killed in Israeli shelling": the shelling is the act) */
        if (w->coded ||
            (!is_null_code(lexstr(lex, Dyad_lex_verb_code(lex, w->verb))) &&
             !(w->mods & VM_PASSIVE)))
          continue;
        vm = w->mods & (VM_NEG | VM_HEDGE | VM_FUTURE | VM_COND | VM_FAIL);
      }
      if (src < 0) {
        /* the noun as the direct object: not inside a prepositional
         * phrase, after the clause's subject */
        uint32_t k = v->t0;
        while (k > 0 &&
               (s->ti[k - 1].fc == FC_DET || s->ti[k - 1].fc == FC_PRONPOSS ||
                s->ti[k - 1].fc == FC_NUM || adjective_word(s, k - 1)))
          k--;
        int subj = s->clauses[v->clause].subject;
        bool pp =
            k > 0 && (s->ti[k - 1].fc == FC_PREP || s->ti[k - 1].fc == FC_TO);
        /* "engaged in ethnic cleansing", "involved in the attack": the
         * phrase names the act itself */
        if (pp && k > 1 && Dyad_key_is(&s->tok[k - 1], "IN") &&
            (Dyad_key_is(&s->tok[k - 2], "ENGAGED") ||
             Dyad_key_is(&s->tok[k - 2], "INVOLVED") ||
             Dyad_key_is(&s->tok[k - 2], "PARTICIPATED") ||
             Dyad_key_is(&s->tok[k - 2], "ENGAGING") ||
             Dyad_key_is(&s->tok[k - 2], "ENGAGE")))
          pp = false;
        if (!pp && subj >= 0 && s->groups[subj].t1 <= k &&
            (wv >= 0 || k > s->groups[subj].t1))
          src = subj;
        /* "Three civilians died in a suicide bombing": the act of an
         * unnamed perpetrator on the subject, coded with an empty source
         * as GDELT leaves Actor1 empty */
        if (src < 0 && !tabari && pp && violent(code) && wv < 0 &&
            died_in(s, k, subj)) {
          uint32_t mods = s->clauses[v->clause].mods;
          if ((mods & (VM_NEG | VM_FUTURE | VM_HEDGE | VM_COND)) &&
              !c->opt.keep_hedged)
            continue;
          struct evspec ev = {NULL,    code,        -1,            subj,
                              v->t0,   v->t1,       DYAD_MOD_FACT, false,
                              vc.rule, vc.compound, true};
          if (mods & VM_CLAIM)
            ev.modality = DYAD_MOD_CLAIM;
          if (mods & VM_HEDGE)
            ev.modality = DYAD_MOD_HEDGED;
          TRY(emit(c, doc, s, &ev));
          v->coded = true;
          continue;
        }
      }
      if (src < 0)
        continue;
      /* "Two soldiers died in a Hamas attack": the dead are its target */
      if (tgt < 0 && !tabari && violent(code) && wv < 0) {
        uint32_t k = v->t0;
        while (k > 0 && (s->ti[k - 1].fc == FC_DET ||
                         (s->ti[k - 1].group &&
                          (int)s->ti[k - 1].group - 1 == src)))
          k--;
        int subj = s->clauses[v->clause].subject;
        if (subj != src && died_in(s, k, subj))
          tgt = subj;
      }
      if (tgt < 0)
        tgt = target_after(s, v->t1, hi, src);
      uint32_t mods = s->clauses[v->clause].mods | vm;
      if ((mods & (VM_NEG | VM_FUTURE)) && !c->opt.keep_hedged)
        continue;
      if ((mods & (VM_HEDGE | VM_COND)) && !c->opt.keep_hedged)
        continue;
      struct evspec ev = {NULL,    code,        src,           tgt,
                          v->t0,   v->t1,       DYAD_MOD_FACT, false,
                          vc.rule, vc.compound, false};
      if (mods & VM_CLAIM)
        ev.modality = DYAD_MOD_CLAIM;
      if (mods & VM_HEDGE)
        ev.modality = DYAD_MOD_HEDGED;
      TRY(emit(c, doc, s, &ev));
      v->coded = true;
      continue;
    }
    uint32_t lo, hi;
    verb_bounds(s, v, tabari, &lo, &hi);
    struct vcode vc;
    Dyad_match_verb(lex, s, v, lo, hi, &vc);
    const char *code = lexstr(lex, vc.code);
    const char *code2 = lexstr(lex, vc.code2);
    if (code && strcmp(code, "###") == 0) {
      s->discard = 0; /* a discard pattern: no events from this sentence */
      return DYAD_OK;
    }
    /* the complement: an infinitive this verb governs, or for a family
     * verb the verb of the "that" clause right after it ("demanded that
     * Mugabe abandon his policy") */
    int comp = -1;
    for (uint32_t wj = vi + 1; wj < s->nverbs; wj++)
      if (s->verbs[wj].governor == (int)vi) {
        comp = (int)wj;
        break;
      }
    if (comp < 0 && !tabari && code && Dyad_family_of(code) != FAM_NONE &&
        vi + 1 < s->nverbs) {
      const struct vgroup *w = &s->verbs[vi + 1];
      const struct clause *wc = &s->clauses[w->clause];
      if (!w->noun && wc->type == CL_REPORTED && wc->parent == v->clause &&
          wc->t0 <= v->t1 + 1)
        comp = (int)vi + 1;
    }
    uint32_t mods = tabari ? 0 : vmods(s, v);
    const struct lex_verb *lv = &VEC_AT(&lex->verbs, struct lex_verb, v->verb);
    const char *lemma = Dyad_lex_cstr(lex, lv->lemma);
    if (!tabari && frames_speech(s, v) && vc.pattern == LEX_NONE)
      continue; /* "X said (that) ...": the content is the event */
    /* "Russia said that Sudan must return the helicopter" where the act has
     * no code of its own: still a demand (100), or with "should" an appeal
     * (020), by the speaker */
    bool generic_demand = false;
    if (!tabari && is_null_code(code) && comp < 0 &&
        (mods & (VM_MUST | VM_SHOULD)) && s->clauses[v->clause].speaker >= 0 &&
        !(s->ti[v->t0].wp & (W_REPORT | W_HEDGE | W_BELIEF))) {
      code = (mods & VM_MUST) ? "100" : "020";
      generic_demand = true;
    }
    if (is_null_code(code)) {
      /* a control verb hands its modality to its complement */
      if (comp >= 0 && !tabari) {
        struct vgroup *w = &s->verbs[comp];
        w->mods |= v->mods & (VM_NEG | VM_HEDGE | VM_FUTURE | VM_COND);
        if (Dyad_word_is_failure_verb(s->tok[v->t0].key))
          w->mods |= VM_NEG | VM_FAIL;
        else if (Dyad_word_is_hedge_verb(s->tok[v->t0].key))
          w->mods |= VM_HEDGE;
        else if (Dyad_word_is_future_verb(s->tok[v->t0].key) ||
                 Dyad_word_is_future_verb(lemma))
          w->mods |= VM_FUTURE;
        if (w->clause != v->clause)
          w->clause = v->clause;
      }
      continue;
    }
    /* family verbs turn the complement's act into their own family */
    int src = vc.src, tgt = vc.tgt;
    uint32_t vt0 = v->t0, vt1 = v->t1;
    bool negated = false, unknown_source = false;
    if (comp >= 0) {
      struct vgroup *w = &s->verbs[comp];
      if (!tabari && Dyad_family_of(code) != FAM_NONE) {
        struct vcode wc;
        uint32_t wlo, whi;
        verb_bounds(s, w, tabari, &wlo, &whi);
        Dyad_match_verb(lex, s, w, wlo, whi, &wc);
        const char *inner = lexstr(lex, wc.code);
        /* "vowed to continue the war": an act with no code of its own
         * carries on the event noun it takes as object */
        if (is_null_code(inner)) {
          for (uint32_t ni = (uint32_t)comp + 1; ni < s->nverbs; ni++) {
            const struct vgroup *nv = &s->verbs[ni];
            if (!nv->noun)
              break;
            if (nv->t0 > w->t1 + 3 || nv->clause != w->clause)
              break;
            bool plain = true;
            for (uint32_t k = w->t1; k < nv->t0; k++)
              if (s->ti[k].fc != FC_DET && s->ti[k].fc != FC_PRONPOSS &&
                  !adjective_word(s, k))
                plain = false;
            if (!plain)
              break;
            struct vcode nc;
            Dyad_match_verb(lex, s, nv, wlo, whi, &nc);
            if (!is_null_code(lexstr(lex, nc.code))) {
              wc = nc;
              inner = lexstr(lex, nc.code);
            }
            break;
          }
        }
        int outer = Dyad_family_of(code);
        if (!is_null_code(inner)) {
          /* "vowed not to return the Golan": a promise not to act is a
           * refusal of the act */
          const char *mapped =
              (w->mods & VM_NEG) && Dyad_family_of(code) == FAM_INTENT
                  ? Dyad_refusal_of(inner)
                  : family_mapped(code, inner);
          if (!mapped)
            code = NULL;
          else
            code = mapped;
          if (tgt < 0) {
            /* the object of the outer verb ("urged Mali to ..."), else the
             * inner act's target */
            int t = target_after(s, v->t1, w->a0, src);
            /* "urged Western allies to send systems to Ukraine": an
             * appeal or demand made of a phrase with no code has no
             * target; the inner act's is not the one appealed to */
            bool addressee = false;
            if ((outer == FAM_APPEAL || outer == FAM_DEMAND) && t < 0)
              for (uint32_t k = v->t1; k < w->a0 && !addressee; k++)
                addressee = s->tok[k].kind == TK_WORD &&
                            s->ti[k].fc == FC_NONE &&
                            s->ti[k].role != RO_VERB;
            tgt = t >= 0 || addressee
                      ? t
                      : (wc.tgt >= 0 ? wc.tgt
                                     : target_after(s, w->t1, whi, src));
          }
          vt1 = w->t1;
          vc.rule = wc.pattern != LEX_NONE ? wc.rule : vc.rule;
          if (w->mods & VM_NEG)
            negated = true;
        }
      }
      w->coded = true;
      if (!code)
        continue;
    }
    /* source and target */
    if (src < 0) {
      int subj = s->clauses[v->clause].subject;
      if (tabari) {
        /* TABARI: first actor of the clause distinct from the target */
        for (uint32_t g = 0; g < s->ngroups; g++) {
          const struct agroup *x = &s->groups[g];
          if (x->t0 >= lo && x->t0 < hi && x->code && (int)g != tgt &&
              (tgt < 0 || strcmp(x->code, s->groups[tgt].code) != 0) &&
              x->t0 < v->t0) {
            subj = (int)g;
            break;
          }
        }
      }
      /* a clause whose first verb had no subject ("In what has been
       * described as a U-turn, President X has reneged"): the nearest
       * actor phrase before this verb that no preposition governs */
      if (subj < 0 && !tabari) {
        for (uint32_t g = 0; g < s->ngroups; g++) {
          const struct agroup *x = &s->groups[g];
          if (x->t0 >= lo && x->t1 <= v->a0 && x->code && x->prep < 0 &&
              !x->modifier)
            subj = (int)g;
        }
      }
      src = subj;
    }
    bool passive = (v->mods & VM_PASSIVE) != 0;
    if (passive && vc.src < 0 && vc.tgt < 0) {
      int by = by_agent(s, v, hi);
      if (by >= 0) {
        tgt = src;
        src = by;
      } else if (!tabari && violent(code) &&
                 nearest_before(s, src, lo, v->a0)) {
        /* "A journalist was killed in a car bomb": the act is coded with
         * an unknown source, as GDELT leaves Actor1 empty */
        tgt = src;
        src = -1;
        unknown_source = true;
      } else if (!tabari) {
        continue; /* "X was attacked": no source */
      }
    }
    /* a target chosen before the source was known may be the source
     * itself ("Iran threatened to launch an offensive in its war with
     * Iraq"): the next actor after the act instead */
    if (!tabari && tgt >= 0 && src >= 0 && s->groups[tgt].code &&
        s->groups[src].code &&
        strcmp(s->groups[tgt].code, s->groups[src].code) == 0)
      tgt = target_after(s, vt1, hi, src);
    /* "urged Western allies to send air defence systems to Ukraine": an
     * appeal or demand (02x, 10x) made of a phrase with no code has no
     * target; the actor inside the act asked for is not the one asked */
    bool asked = false;
    int inf = comp;
    if (inf < 0 && vi + 1 < s->nverbs && !s->verbs[vi + 1].noun &&
        (s->verbs[vi + 1].mods & VM_INF))
      inf = (int)vi + 1;
    if (!tabari && tgt < 0 && inf >= 0 && code &&
        (Dyad_cameo_root(code) == 2 || Dyad_cameo_root(code) == 10)) {
      const struct vgroup *w = &s->verbs[inf];
      bool coded = false;
      for (uint32_t k = v->t1; k < w->a0 && !asked; k++) {
        coded |= s->ti[k].group != 0;
        asked = !coded && s->tok[k].kind == TK_WORD &&
                s->ti[k].fc == FC_NONE && s->ti[k].role == RO_NONE;
      }
    }
    if (tgt < 0 && !asked) {
      tgt = target_after(s, vt1, hi, src);
      if (tgt < 0 && tabari)
        tgt = target_before(s, lo, v->t0, src);
    }
    if (src < 0 && !tabari && violent(code) && !passive) {
      /* "A roadside bombing killed one U.S. soldier": no actor did it */
      unknown_source = true;
    }
    if (src < 0 && (!unknown_source || tgt < 0))
      continue;
    /* "An earthquake rocked Bali, killing one person": deaths in a sentence
     * that names a natural disaster or an accident are not violence */
    if (hazard && violent(code))
      continue;
    /* modality rules (dyad profile) */
    uint8_t modality = DYAD_MOD_FACT;
    if (!tabari) {
      bool hedge = (mods & VM_HEDGE) != 0, cond = (mods & VM_COND) != 0;
      bool future = (mods & VM_FUTURE) != 0, neg = (mods & VM_NEG) != 0;
      bool claim = (mods & VM_CLAIM) != 0;
      /* "X said it would ...": in reported speech "would" is the future
       * seen from then, not a hedge */
      if (claim && (mods & VM_WOULD)) {
        hedge = (mods & (VM_MUST | VM_SHOULD)) != 0;
        future = true;
      }
      const struct clause *cl = &s->clauses[v->clause];
      /* "X said Y must release the prisoners": a demand by X of Y;
       * "should": an appeal */
      enum family fam = Dyad_family_of(code);
      if ((mods & (VM_MUST | VM_SHOULD)) && !cond && cl->speaker >= 0 &&
          src >= 0 && s->groups[cl->speaker].code && s->groups[src].code &&
          strcmp(s->groups[src].code, s->groups[cl->speaker].code) != 0 &&
          ((fam != FAM_DEMAND && fam != FAM_APPEAL) || generic_demand)) {
        const char *m =
            generic_demand
                ? code
                : Dyad_family_map((mods & VM_MUST) ? FAM_DEMAND : FAM_APPEAL,
                                  code, code);
        if (!m)
          continue;
        code = m;
        code2 = NULL;
        tgt = src;
        src = cl->speaker;
        hedge = future = claim = false;
        mods &= ~(uint32_t)(VM_NEG);
        neg = false;
      }
      bool own = cl->speaker >= 0 && src >= 0 && s->groups[src].code &&
                 s->groups[cl->speaker].code &&
                 same_root(s->groups[src].code, s->groups[cl->speaker].code);
      /* "X is ready to withdraw", "X is willing to talk": a stated
       * readiness is a statement of intent (a readiness to harm, a threat) */
      if ((mods & VM_INTENT) && !neg && Dyad_family_of(code) == FAM_NONE) {
        /* "Iran ready to test a missile": a readiness to show force is a
         * threat, though an agreement to move forces is not (family.c) */
        bool force = Dyad_cameo_root(code) == 15;
        const char *m =
            Dyad_family_map(force ? FAM_THREAT : FAM_INTENT, code, code);
        if (!m)
          continue;
        code = m;
        code2 = NULL;
        hedge = future = false;
      }
      /* "X will impose sanctions if Y ...", "X may halt mediation unless
       * ...": a conditional statement of one's own future act is an offer
       * or a threat (CAMEO 03x / 13x) */
      bool attached_cond = false, unless = false;
      for (uint32_t cj = 0; cj < s->nclauses; cj++)
        if (s->clauses[cj].type == CL_COND &&
            (s->clauses[cj].parent == v->clause ||
             (cj + 1 == (uint32_t)v->clause))) {
          attached_cond = true;
          if (Dyad_key_is(&s->tok[s->clauses[cj].t0], "UNLESS"))
            unless = true;
        }
      /* a hedged act under "if" is speculation ("Israel could strike if
       * Tehran retaliates"); under "unless" it is still a threat */
      if (((future && !hedge) || (hedge && unless)) && attached_cond && !cond &&
          !neg &&
          (cl->speaker < 0 || own) && Dyad_family_of(code) == FAM_NONE) {
        /* "unless" makes any announced act a threat */
        const char *m =
            Dyad_family_map(unless ? FAM_THREAT : FAM_INTENT, code, code);
        if (!m)
          continue;
        code = m;
        code2 = NULL;
        hedge = future = claim = false;
      }
      /* "X said it would send aid": the speaker's own future act is a
       * statement of intent; "X said it would not" a refusal */

      /* an announced future act of coercion or force by the speaker is the
       * decision announced ("announced it would prohibit all aid"): coded
       * as the act, a claim; cooperation announced is a statement of
       * intent (below) */
      int root = Dyad_cameo_root(code);
      if (future && !hedge && own && claim && !cond && !neg && root >= 14 &&
          Dyad_family_of(code) == FAM_NONE) {
        future = false;
      } else if ((future || hedge) && own && claim && !cond &&
                 Dyad_family_of(code) == FAM_NONE) {
        const char *m = neg ? Dyad_refusal_of(code)
                            : Dyad_family_map(FAM_INTENT, code, code);
        if (!m)
          continue;
        code = m;
        code2 = NULL;
        negated = neg;
        hedge = future = neg = false;
      } else if ((future || hedge) && cl->quoted && !cond &&
                 Dyad_family_of(code) == FAM_NONE && src >= 0 &&
                 s->groups[src].pronoun) {
        /* "We will send aid", in a quotation, by the speaker */
        const char *m = neg ? Dyad_refusal_of(code)
                            : Dyad_family_map(FAM_INTENT, code, code);
        if (!m)
          continue;
        code = m;
        code2 = NULL;
        negated = neg;
        hedge = future = neg = false;
      }
      if (neg) {
        const char *r = (mods & VM_FAIL) ? NULL : Dyad_refusal_of(code);
        if (r && !hedge && !cond && !future) {
          code = r;
          code2 = NULL;
          negated = true;
        } else if (c->opt.keep_hedged) {
          modality = DYAD_MOD_NEGATED;
          negated = true;
        } else {
          continue;
        }
      }
      if (modality == DYAD_MOD_FACT) {
        if (cond)
          modality = DYAD_MOD_CONDITIONAL;
        else if (hedge)
          modality = DYAD_MOD_HEDGED;
        else if (future)
          modality = DYAD_MOD_FUTURE;
        else if (claim)
          modality = DYAD_MOD_CLAIM;
      }
      if ((modality == DYAD_MOD_CONDITIONAL || modality == DYAD_MOD_HEDGED ||
           modality == DYAD_MOD_FUTURE) &&
          !c->opt.keep_hedged)
        continue;
    }
    if (is_null_code(code))
      continue;
    /* "The US, Russia and Switzerland met yesterday": a meeting (04x, not
     * a visit) of a compound subject with no other party is among its
     * members, as the '%' pattern marker codes it */
    bool mutual = vc.compound;
    /* likewise an agreement or a promise of a compound subject with no
     * other party ("Armenia and Azerbaijan agreed to a ceasefire"): 03x,
     * 05x, 0871, and fights among themselves (mediators, 045, mediate
     * between others) */
    bool among = !tabari && src >= 0 && s->groups[src].compound >= 0 &&
                 ((Dyad_cameo_root(code) == 4 && !Dyad_cameo_is_visit(code) &&
                   strcmp(code, "045") != 0) ||
                  Dyad_cameo_root(code) == 3 || Dyad_cameo_root(code) == 5 ||
                  strcmp(code, "0871") == 0 || reciprocal(lex, v));
    /* "held talks in Beijing", "agreed to a ceasefire in Moscow": the
     * place after "in" or "at" is the venue, not the other party */
    if (among && !mutual && tgt >= 0 && vc.tgt < 0 &&
        s->groups[tgt].prep >= 0 &&
        (Dyad_key_is(&s->tok[s->groups[tgt].prep], "IN") ||
         Dyad_key_is(&s->tok[s->groups[tgt].prep], "AT")))
      tgt = -1;
    if (among && !mutual && tgt < 0)
      mutual = true;
    struct evspec ev = {NULL,     code,    src,     tgt,    vt0,           vt1,
                        modality, negated, vc.rule, mutual, unknown_source};
    if (mutual && src >= 0 && s->groups[src].compound >= 0) {
      /* '%': mutual events among the members of the compound */
      int cp = s->groups[src].compound;
      for (uint32_t a = 0; a < s->ngroups; a++) {
        if (s->groups[a].compound != cp)
          continue;
        for (uint32_t b = 0; b < s->ngroups; b++) {
          if (a == b || s->groups[b].compound != cp)
            continue;
          TRY(add_event(c, doc, s, &s->groups[a], &s->groups[b], &ev));
        }
      }
    } else {
      TRY(emit(c, doc, s, &ev));
      if (code2 && !is_null_code(code2) && tgt >= 0) {
        struct evspec ev2 = ev;
        ev2.code = code2;
        ev2.src = tgt;
        ev2.tgt = src;
        TRY(emit(c, doc, s, &ev2));
      }
    }
    v->coded = true;
    if (tabari && c->tabari.code_by == 0) {
      /* TABARI codes the first event of each clause (CODE BY CLAUSE) */
      for (uint32_t wj = vi + 1; wj < s->nverbs; wj++)
        if (s->verbs[wj].clause == v->clause)
          s->verbs[wj].coded = true;
    }
  }
  /* doubt: "X does not believe that ..." is a pessimistic comment (012) */
  if (!tabari) {
    for (uint32_t k = 1; k + 1 < s->n; k++) {
      if (!(s->ti[k].wp & W_BELIEF) || s->ti[k - 1].fc != FC_NEG)
        continue;
      const struct clause *cl = &s->clauses[s->ti[k].clause];
      int src = cl->subject;
      if (src < 0 || !s->groups[src].code)
        continue;
      int tgt = target_after(s, k + 1, s->n, src);
      struct evspec ev = {"dyad:doubt",  "012", src,    tgt,   k,    k + 1,
                          DYAD_MOD_FACT, false, {0, 0}, false, false};
      if (cl->quoted || (cl->mods & VM_CLAIM))
        ev.modality = DYAD_MOD_CLAIM;
      TRY(emit(c, doc, s, &ev));
    }
  }
  (void)explain;
  return DYAD_OK;
}
