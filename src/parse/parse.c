/*
 * parse.c - shallow parse of one sentence (pipeline stage "parse").
 *
 * Steps, each a pass over the sentence's tokens:
 *   1. function classes of closed-class words (words.c);
 *   2. dictionary segmentation: longest-first walk of the lexicon trie at
 *      each token (TABARI's makeSynt idea, TABARI manual ch. 5), choosing one
 *      unit per position: actor, agent, verb, event noun, noun, adjective;
 *   3. verb or noun: a dictionary verb after a determiner, possessive or
 *      number, or capitalised inside a sentence, is a noun (TABARI markNouns);
 *   4. actor groups: noun phrases around actors and agents, with the agent
 *      code composed onto the owning actor ("Mali's foreign minister",
 *      "Minister of Foreign Affairs of Mali"), pronouns resolved to an
 *      antecedent, compounds ("A, B and C") marked;
 *   5. verb groups: auxiliaries, modals, negation, voice, infinitives and the
 *      verb governing an infinitive;
 *   6. clauses: conjunctions, relative pronouns, subordinators, reporting
 *      frames ("X said (that)", "according to X", quotations), conditionals.
 */
#include "parse.h"

#include <stdio.h>
#include <string.h>

#include "../enrich/gazetteer.h"
#include "words.h"

/* ---- small helpers ------------------------------------------------------- */

static bool is_word(const struct token *t) {
  return t->kind == TK_WORD || t->kind == TK_NUM || t->kind == TK_CLITIC ||
         t->kind == TK_POSS;
}

/* The arena array `arr` (n used, *cap allocated, `size`-byte elements)
 * with room for one more: itself, or a copy twice as large (at least
 * `first`), *cap updated. NULL without memory. Old blocks stay in the
 * arena. */
static void *arena_room(struct arena *a, void *arr, uint32_t n, uint32_t *cap,
                        size_t size, uint32_t first) {
  if (n < *cap)
    return arr;
  uint32_t c = *cap ? *cap * 2 : first;
  void *p = Dyad_arena_alloc(a, (size_t)c * size);
  if (!p)
    return NULL;
  if (n)
    memcpy(p, arr, (size_t)n * size);
  *cap = c;
  return p;
}

/* A preposition that may open a clause: "since a junta seized power",
 * "after Russia attacked Ukraine". */
static bool clause_prep(const struct token *t) {
  return Dyad_key_is(t, "SINCE") || Dyad_key_is(t, "AFTER") ||
         Dyad_key_is(t, "BEFORE") || Dyad_key_is(t, "UNTIL") ||
         Dyad_key_is(t, "AS") || Dyad_key_is(t, "ONCE");
}

static dyad_status push_group(struct sent *s, struct arena *a,
                              struct agroup **out) {
  struct agroup *arr =
      arena_room(a, s->groups, s->ngroups, &s->capgroups, sizeof *arr, 16);
  if (!arr)
    return DYAD_ERR_NOMEM;
  s->groups = arr;
  struct agroup *g = &s->groups[s->ngroups++];
  memset(g, 0, sizeof *g);
  g->compound = -1;
  g->prep = -1;
  g->actor = LEX_NONE;
  *out = g;
  return DYAD_OK;
}

static dyad_status push_verb(struct sent *s, struct arena *a,
                             struct vgroup **out) {
  struct vgroup *arr =
      arena_room(a, s->verbs, s->nverbs, &s->capverbs, sizeof *arr, 8);
  if (!arr)
    return DYAD_ERR_NOMEM;
  s->verbs = arr;
  struct vgroup *v = &s->verbs[s->nverbs++];
  memset(v, 0, sizeof *v);
  v->governor = -1;
  *out = v;
  return DYAD_OK;
}

static dyad_status push_clause(struct sent *s, struct arena *a,
                               struct clause **out) {
  struct clause *arr =
      arena_room(a, s->clauses, s->nclauses, &s->capclauses, sizeof *arr, 8);
  if (!arr)
    return DYAD_ERR_NOMEM;
  s->clauses = arr;
  struct clause *c = &s->clauses[s->nclauses++];
  memset(c, 0, sizeof *c);
  c->parent = -1;
  c->subject = -1;
  c->speaker = -1;
  *out = c;
  return DYAD_OK;
}

/* Appends agent code `ag` to `code` unless present at a 3-letter boundary
 * (TABARI findAgent rule, TABARI manual). Result in arena. */
static const char *add_agent(struct arena *a, const char *code, const char *ag,
                             bool prefix) {
  size_t cl = strlen(code), al = strlen(ag);
  if (!al)
    return code;
  for (size_t i = 0; i + al <= cl; i += 3)
    if (memcmp(code + i, ag, al) == 0)
      return code;
  char *r = Dyad_arena_alloc(a, cl + al + 1);
  if (!r)
    return code;
  if (prefix) {
    memcpy(r, ag, al);
    memcpy(r + al, code, cl);
  } else {
    memcpy(r, code, cl);
    memcpy(r + cl, ag, al);
  }
  r[cl + al] = '\0';
  return r;
}

static const char *actor_code(const struct dyad_lexicon *lex, uint32_t actor,
                              int date) {
  uint32_t c = Dyad_lex_actor_code(lex, actor, date);
  if (c == LEX_NONE)
    return NULL;
  return Dyad_lex_cstr(lex, c);
}

static bool ly_adverb(const struct token *t, const struct tinfo *ti) {
  return t->kind == TK_WORD && ti->role == RO_NONE && ti->fc == FC_NONE &&
         t->klen > 4 && memcmp(t->key + t->klen - 2, "LY", 2) == 0;
}

/* ---- step 2: segmentation -------------------------------------------------
 */

struct cand {
  uint16_t len;
  uint32_t ref;
  uint8_t flags;
};

static void segment(const struct dyad_lexicon *lex, struct sent *s) {
  const struct token *tok = s->tok;
  uint32_t n = s->n;
  uint32_t i = 0;
  while (i < n) {
    if (!is_word(&tok[i]) || !tok[i].wid) {
      i++;
      continue;
    }
    struct cand actor = {0, 0, 0}, agent = {0, 0, 0}, verb = {0, 0, 0},
                evn = {0, 0, 0}, noun = {0, 0, 0}, adj = {0, 0, 0},
                tim = {0, 0, 0};
    uint32_t node = 0;
    for (uint32_t j = i; j < n; j++) {
      node = Dyad_lex_child(lex, node, tok[j].wid);
      if (node == LEX_NONE)
        break;
      uint16_t len = (uint16_t)(j - i + 1);
      for (uint32_t h = VEC_AT(&lex->nodes, struct lex_node, node).hits;
           h != LEX_NONE; h = VEC_AT(&lex->hits, struct lex_hit, h).next) {
        const struct lex_hit *hit = &VEC_AT(&lex->hits, struct lex_hit, h);
        struct cand *c = NULL;
        switch (hit->kind) {
        case LK_ACTOR:
          c = &actor;
          break;
        case LK_AGENT:
          c = &agent;
          break;
        case LK_VERB:
          c = &verb;
          break;
        case LK_EVNOUN:
          c = &evn;
          break;
        case LK_NOUN:
          c = &noun;
          break;
        case LK_ADJ:
          c = &adj;
          break;
        case LK_TIME:
          c = &tim;
          break;
        case LK_DISCARD: {
          const struct lex_discard *d =
              &VEC_AT(&lex->discards, struct lex_discard, hit->ref);
          if (d->story) {
            if (s->story_discard < 0)
              s->story_discard = (int)hit->ref;
          } else if (s->discard < 0) {
            s->discard = (int)hit->ref;
          }
          break;
        }
        default:
          break;
        }
        /* longest wins; on equal length the first in file order */
        if (c && len > c->len) {
          c->len = len;
          c->ref = hit->ref;
          c->flags = hit->flags;
        }
      }
    }
    /* "pro-Iranian", "anti-Syria": the actor is what the phrase is for or
     * against, not who it is */
    if (actor.len && (tok[i].flags & TOK_HYPHEN_BEFORE) && i > 0 &&
        (Dyad_key_is(&tok[i - 1], "PRO") || Dyad_key_is(&tok[i - 1], "ANTI") ||
         Dyad_key_is(&tok[i - 1], "NON") || Dyad_key_is(&tok[i - 1], "POST") ||
         Dyad_key_is(&tok[i - 1], "PRE")))
      actor.len = 0;
    /* a lower-case short word never starts a one-word actor: "us", "it" */
    if (actor.len == 1 && !(tok[i].flags & (TOK_CAP | TOK_ALLCAPS)) &&
        Dyad_word_is_common_short(tok[i].key, tok[i].klen) &&
        !(tok[i].flags & TOK_ABBR))
      actor.len = 0;
    uint16_t best = actor.len;
    if (agent.len > best)
      best = agent.len;
    if (noun.len > best)
      best = noun.len;
    if (verb.len > best)
      best = verb.len;
    if (evn.len > best)
      best = evn.len;
    if (adj.len > best)
      best = adj.len;
    if (tim.len > best)
      best = tim.len;
    if (!best) {
      i++;
      continue;
    }
    uint8_t role;
    struct cand *c;
    if (actor.len == best) {
      role = RO_ACTOR;
      c = &actor;
    } else if (agent.len == best) {
      role = RO_AGENT;
      c = &agent;
    } else if (noun.len == best) {
      role = RO_NOUN;
      c = &noun;
    } else if (verb.len == best) {
      role = RO_VERB;
      c = &verb;
    } else if (evn.len == best) {
      role = RO_EVNOUN;
      c = &evn;
    } else if (adj.len == best) {
      role = RO_ADJ;
      c = &adj;
    } else {
      role = RO_TIME;
      c = &tim;
    }
    for (uint32_t k = i; k < i + best; k++) {
      s->ti[k].role = role;
      s->ti[k].ref = c->ref;
      s->ti[k].unit = k == i;
      s->ti[k].hflags = c->flags;
    }
    s->ti[i].ulen = best;
    /* keep an event-noun reading of a verb for step 3 */
    if (role == RO_VERB && evn.len == best)
      s->ti[i].evref = evn.ref + 1;
    i += best;
  }
}

/* ---- step 3: verb or noun ---------------------------------------------------
 */

static bool adjective_like(const struct sent *s, uint32_t k) {
  const struct token *t = &s->tok[k];
  const struct tinfo *ti = &s->ti[k];
  if (t->kind != TK_WORD)
    return false;
  if (ti->role == RO_ADJ)
    return true;
  if (ti->role != RO_NONE || ti->fc != FC_NONE)
    return false;
  /* a plural noun is a head, not a modifier: "the allies demanded" */
  if (t->klen > 3 && t->key[t->klen - 1] == 'S' && t->key[t->klen - 2] != 'S')
    return false;
  /* -ly words are adverbs, not adjectives */
  if (t->klen > 3 && memcmp(t->key + t->klen - 2, "LY", 2) == 0)
    return false;
  return true;
}

static void verbs_or_nouns(const struct dyad_lexicon *lex, struct sent *s,
                           bool tabari) {
  const struct token *tok = s->tok;
  for (uint32_t i = 0; i < s->n; i++) {
    struct tinfo *ti = &s->ti[i];
    if (ti->role != RO_VERB || !ti->unit)
      continue;
    /* the second half of a hyphenated word ("open-ended", "Israeli-backed")
     * is part of an adjective */
    if (!tabari && (tok[i].flags & TOK_HYPHEN_BEFORE)) {
      for (uint32_t m = i; m < i + ti->ulen; m++)
        s->ti[m].role = RO_NONE;
      continue;
    }
    /* "according to X" attributes; it is not the verb ACCORD */
    if (!tabari && Dyad_key_is(&tok[i], "ACCORDING") && i + 1 < s->n &&
        Dyad_key_is(&tok[i + 1], "TO")) {
      for (uint32_t m = i; m < i + ti->ulen; m++)
        s->ti[m].role = RO_NONE;
      continue;
    }
    bool noun = false;
    /* capitalised inside a sentence: a name or title, not a verb */
    if (i > 0 && (tok[i].flags & TOK_CAP) && !(tok[i].flags & TOK_ALLCAPS) &&
        !s->allcaps && tok[i - 1].kind != TK_QUOTE &&
        tok[i - 1].kind != TK_COLON && tok[i - 1].kind != TK_LPAREN &&
        tok[i - 1].kind != TK_DASH && !(tok[i].flags & TOK_PARA_BEFORE))
      noun = true;
    /* determiner, possessive or number before (over up to two adjectives,
     * nouns or actor adjectives: "the Israeli blockade", "the embassy
     * blast") */
    uint32_t k = i;
    int adjs = 0;
    while (k > 0 && adjs <= 2) {
      const struct token *p = &tok[k - 1];
      const struct tinfo *pi = &s->ti[k - 1];
      if (pi->fc == FC_DET || pi->fc == FC_PRONPOSS || p->kind == TK_POSS ||
          p->kind == TK_NUM || pi->fc == FC_NUM) {
        noun = true;
        break;
      }
      /* an actor word used as an adjective ("the Israeli blockade") only
       * before a form that can be a noun: "the council decided" is a verb */
      const struct lex_vform *vf0 =
          &VEC_AT(&lex->vforms, struct lex_vform, ti->ref);
      bool nounish = (vf0->form & (VF_BASE | VF_S)) != 0;
      if (!tabari && (adjective_like(s, k - 1) ||
                      (nounish &&
                       (pi->role == RO_ACTOR || pi->role == RO_AGENT ||
                        pi->role == RO_NOUN || pi->role == RO_EVNOUN) &&
                       pi->unit && pi->ulen == 1 && p->kind == TK_WORD &&
                       (p->key[p->klen - 1] != 'S' ||
                        /* "a Hamas attack": after "a", no plural */
                        (k >= 2 && (Dyad_key_is(&tok[k - 2], "A") ||
                                    Dyad_key_is(&tok[k - 2], "AN"))))))) {
        adjs++;
        k--;
        continue;
      }
      /* a noun of several words before it: "a roadside bomb attack" */
      if (!tabari && nounish && !pi->unit && p->kind == TK_WORD &&
          (pi->role == RO_NOUN || pi->role == RO_EVNOUN) &&
          p->key[p->klen - 1] != 'S') {
        uint32_t u = k - 1;
        while (u > 0 && !s->ti[u].unit && s->ti[u - 1].role == pi->role)
          u--;
        if (s->ti[u].unit && u + s->ti[u].ulen == k) {
          adjs++;
          k = u;
          continue;
        }
      }
      break;
    }
    /* an object right after the word keeps it a verb when adjectives or
     * nouns came between it and the determiner: "the French presidency
     * comes a day before ..." (but "the attacks" stays a noun) */
    if (!tabari && noun && k < i && i + ti->ulen < s->n) {
      uint32_t nx = i + ti->ulen;
      const struct tinfo *ni = &s->ti[nx];
      if (ni->fc == FC_DET || ni->fc == FC_PRONPOSS || ni->fc == FC_NUM ||
          ni->fc == FC_THAT || s->tok[nx].kind == TK_NUM ||
          (ni->role == RO_ACTOR && ni->unit && s->tok[nx].kind == TK_WORD))
        noun = false;
    }
    /* a gerund before "of" is a noun: "the opening of the Games" */
    if (!tabari && i + ti->ulen < s->n &&
        Dyad_key_is(&s->tok[i + ti->ulen], "OF")) {
      const struct lex_vform *vf2 =
          &VEC_AT(&lex->vforms, struct lex_vform, ti->ref);
      if (vf2->form & VF_ING)
        noun = true;
    }
    /* a plural right after a verb is its object: "threatening attacks on
     * the US", "launched raids" */
    if (!tabari && !noun && i > 0 && s->ti[i - 1].role == RO_VERB &&
        s->ti[i - 1].unit) {
      const struct lex_vform *vf4 =
          &VEC_AT(&lex->vforms, struct lex_vform, ti->ref);
      if ((vf4->form & VF_S) &&
          !(vf4->form & (VF_BASE | VF_ED | VF_ING | VF_EN)))
        noun = true;
    }
    /* the object of another verb: "promised Russian support for Mali" */
    if (!tabari && !noun && k < i && k > 0 && s->ti[k - 1].role == RO_VERB) {
      const struct lex_vform *vf1 =
          &VEC_AT(&lex->vforms, struct lex_vform, ti->ref);
      if ((vf1->form & (VF_BASE | VF_S)) && !(vf1->form & VF_ED))
        noun = true;
    }
    /* a noun phrase after a preposition: "over Israeli attacks" (not
     * after a name: "police in Jericho confiscated weapons") */
    bool name_between = false;
    for (uint32_t m = k; m < i; m++)
      if ((tok[m].flags & TOK_CAP) && !s->allcaps && s->ti[m].role != RO_ACTOR)
        name_between = true;
    if (!tabari && !noun && k < i && k > 0 && s->ti[k - 1].fc == FC_PREP &&
        !name_between) {
      const struct lex_vform *vf3 =
          &VEC_AT(&lex->vforms, struct lex_vform, ti->ref);
      if (!(vf3->form & VF_ING))
        noun = true;
    }
    /* a gerund after a preposition and actor words is a noun: "killed in
     * Israeli tank shelling" (but "accused of attacking") */
    if (!tabari && !noun && i >= 2) {
      const struct lex_vform *vf5 =
          &VEC_AT(&lex->vforms, struct lex_vform, ti->ref);
      uint32_t m = i;
      while (m > 0 && i - m < 3 &&
             (s->ti[m - 1].role == RO_ACTOR || s->ti[m - 1].role == RO_AGENT))
        m--;
      /* ... with an agent ("Israeli tank"), not a place named ("the
       * capital of Algiers demanding ...") */
      bool adj = false;
      for (uint32_t q = m; q < i; q++)
        adj |= s->ti[q].role == RO_AGENT;
      if ((vf5->form & VF_ING) && adj && m < i && m > 0 &&
          s->ti[m - 1].fc == FC_PREP)
        noun = true;
    }
    /* after a preposition: "with sanctions", "in jail", "under pressure"
     * (a gerund stays a verb: "accused of attacking") */
    if (!tabari && i > 0 && s->ti[i - 1].fc == FC_PREP) {
      const struct lex_vform *vf =
          &VEC_AT(&lex->vforms, struct lex_vform, ti->ref);
      if (!(vf->form & VF_ING))
        noun = true;
    }
    if (tabari) {
      /* TABARI only shifts after THE/A/AN (markNouns) */
      noun = (i > 0 && (Dyad_key_is(&tok[i - 1], "THE") ||
                        Dyad_key_is(&tok[i - 1], "A") ||
                        Dyad_key_is(&tok[i - 1], "AN"))) ||
             (i > 0 && (tok[i].flags & TOK_CAP) && !s->allcaps &&
              !(tok[i].flags & TOK_ALLCAPS) && tok[i - 1].kind != TK_QUOTE);
    }
    /* a bare form right after another verb is a modifier of what follows
     * ("staged mass demonstrations") */
    if (!tabari && i > 0 && s->ti[i - 1].role == RO_VERB &&
        (i + ti->ulen >= s->n || s->ti[i + ti->ulen].role == RO_EVNOUN ||
         s->ti[i + ti->ulen].role == RO_NOUN ||
         s->ti[i + ti->ulen].fc == FC_PREP ||
         s->tok[i + ti->ulen].kind == TK_COMMA ||
         s->tok[i + ti->ulen].kind == TK_PERIOD ||
         (s->tok[i + ti->ulen].kind == TK_WORD &&
          s->ti[i + ti->ulen].role == RO_NONE &&
          s->ti[i + ti->ulen].fc == FC_NONE))) {
      const struct lex_vform *vf =
          &VEC_AT(&lex->vforms, struct lex_vform, ti->ref);
      if ((vf->form & VF_BASE) && !(vf->form & (VF_ED | VF_EN | VF_ING)))
        noun = true;
    }
    /* "to" + base form is a verb whatever comes before */
    if (i > 0 && s->ti[i - 1].fc == FC_TO) {
      const struct lex_vform *vf =
          &VEC_AT(&lex->vforms, struct lex_vform, ti->ref);
      if (vf->form & VF_BASE)
        noun = false;
    }
    if (!noun)
      continue;
    uint8_t role = ti->evref ? RO_EVNOUN : RO_NOUN;
    uint32_t ref = ti->evref ? ti->evref - 1 : ti->ref;
    for (uint32_t m = i; m < i + ti->ulen; m++) {
      s->ti[m].role = role;
      s->ti[m].ref = ref;
    }
  }
}

/* ---- step 4: actor groups -------------------------------------------------
 */

/* A capitalised unknown word (a name) that may sit inside an actor phrase:
 * "Foreign Minister Abdoulaye Diop" where only Diop is known. */
/* Lower-case particles inside personal names: "Hamad bin Khalifa al Thani",
 * "Theo van Gogh". */
static bool name_particle(const struct token *t) {
  static const char *const w[] = {
      "BIN", "IBN", "AL", "EL",  "BEN", "VAN", "VON", "DE",  "DA",  "DI",
      "DU",  "LA",  "LE", "DOS", "DAS", "DEL", "DER", "ABU", "BINT"};
  if (t->kind != TK_WORD || (t->flags & TOK_CAP))
    return false;
  for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
    if (Dyad_key_is(t, w[i]))
      return true;
  return false;
}

static bool name_word(const struct sent *s, uint32_t k) {
  const struct token *t = &s->tok[k];
  if (t->kind == TK_WORD && (t->flags & TOK_CAP) && s->ti[k].role == RO_NONE &&
      s->ti[k].fc == FC_NONE && !s->allcaps)
    return true;
  /* a particle counts when a capitalised name word follows it */
  return name_particle(t) && k + 1 < s->n && (s->tok[k + 1].flags & TOK_CAP) &&
         s->tok[k + 1].kind == TK_WORD;
}

/* Words of quantity before "of": "hundreds of thousands of people",
 * "a group of soldiers", "dozens of protesters": the phrase after "of" is
 * the head, not a prepositional object. */
static bool quantity_word(const struct token *t, const struct tinfo *ti) {
  static const char *const w[] = {
      "HUNDREDS",   "THOUSANDS",  "DOZENS",   "SCORES", "TENS",    "MILLIONS",
      "NUMBER",     "GROUP",      "GROUPS",   "SOME",   "MANY",    "MOST",
      "ALL",        "NONE",       "ONE",      "TWO",    "THREE",   "FOUR",
      "FIVE",       "SEVERAL",    "BOTH",     "EACH",   "MEMBERS", "MEMBER",
      "TOTAL",      "HUNDRED",    "THOUSAND", "DOZEN",  "BAND",    "BANDS",
      "BATCH",      "CONTINGENT", "UNIT",     "UNITS",  "TEAM",    "TEAMS",
      "DELEGATION", "CONVOY",     "COLUMN",   "SQUAD",  "PARTY"};
  if (t->kind == TK_NUM || ti->fc == FC_NUM)
    return true;
  for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
    if (Dyad_key_is(t, w[i]))
      return true;
  return false;
}

/* Compass and region words between a preposition and a place: "in south
 * Serbia", "of southern Serbia", "in central Iran". */
static bool region_word(const struct token *t) {
  static const char *const w[] = {
      "NORTH",        "SOUTH",        "EAST",         "WEST",
      "NORTHERN",     "SOUTHERN",     "EASTERN",      "WESTERN",
      "CENTRAL",      "NORTHEASTERN", "NORTHWESTERN", "SOUTHEASTERN",
      "SOUTHWESTERN", "NORTHEAST",    "NORTHWEST",    "SOUTHEAST",
      "SOUTHWEST",    "UPPER",        "LOWER",        "NEIGHBOURING",
      "NEIGHBORING",  "OCCUPIED",     "WAR",          "TORN",
      "RESTIVE",      "VOLATILE",     "TROUBLED",     "BREAKAWAY"};
  for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
    if (Dyad_key_is(t, w[i]))
      return true;
  return false;
}

static int find_prep(const struct sent *s, uint32_t t0) {
  if (t0 == 0)
    return -1;
  uint32_t k = t0 - 1;
  for (int m = 0; m < 3 && k > 0 && region_word(&s->tok[k]); m++)
    k--;
  if (s->ti[k].fc == FC_PREP || s->ti[k].fc == FC_TO) {
    if (k > 0 && Dyad_key_is(&s->tok[k], "OF") &&
        quantity_word(&s->tok[k - 1], &s->ti[k - 1]))
      return -1;
    return (int)k;
  }
  return -1;
}

/* A demonym or adjective of nationality ("Iraqi", "Palestinian", "French"):
 * it describes the people named by the noun after it, whereas a country
 * name before a noun ("Iraq war allies") only modifies it. */
bool Dyad_demonym_like(const struct token *t) {
  static const char *const end[] = {"AN",  "ANS", "ESE", "I",   "IS",
                                    "ISH", "CH",  "IC",  "ERS", "ER"};
  static const char *const w[] = {
      "ARAB",   "GREEK",  "THAI",   "SWISS", "CZECH",  "SERB",
      "CROAT",  "KURD",   "KURDS",  "TURK",  "TURKS",  "ARABS",
      "SERBS",  "CROATS", "POLE",   "POLES", "DANE",   "DANES",
      "SCOT",   "SCOTS",  "BASQUE", "TAMIL", "TAMILS", "UZBEK",
      "KAZAKH", "TAJIK",  "ROMA",   "INUIT", "MAORI",  "ZULU"};
  for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
    if (Dyad_key_is(t, w[i]))
      return true;
  for (size_t i = 0; i < sizeof end / sizeof end[0]; i++) {
    size_t l = strlen(end[i]);
    if (t->klen > l + 2 && memcmp(t->key + t->klen - l, end[i], l) == 0)
      return true;
  }
  return false;
}

static void compose_group(const struct dyad_lexicon *lex, struct sent *s,
                          struct agroup *g, const struct parse_opts *po,
                          struct arena *a) {
  /* collect actors and agents */
  uint32_t owner = LEX_NONE, first = LEX_NONE, best = LEX_NONE;
  uint32_t owner_t = 0, first_t = 0, best_t = 0;
  const char *best_code = NULL, *first_code = NULL, *owner_code = NULL;
  bool ofjoin = false;
  for (uint32_t k = g->t0; k < g->t1; k++) {
    const struct tinfo *ti = &s->ti[k];
    if (ti->role == RO_ACTOR && ti->unit) {
      const char *code = actor_code(lex, ti->ref, po->date);
      uint32_t end = k + ti->ulen;
      if (code && strcmp(code, "---") == 0) {
        g->null_code = true;
        continue;
      }
      if (code && strcmp(code, "###") == 0) {
        g->discard = true;
        continue;
      }
      if (!code)
        continue;
      if (first == LEX_NONE) {
        first = ti->ref;
        first_t = k;
        first_code = code;
      }
      if (end < g->t1 && s->tok[end].kind == TK_POSS && owner == LEX_NONE &&
          end + 1 < g->t1) {
        owner = ti->ref;
        owner_t = k;
        owner_code = code;
      }
      /* a later actor that refines the first ("Russian ... Lavrov") */
      if (best == LEX_NONE || (strlen(code) > strlen(best_code) &&
                               strncmp(code, best_code, 3) == 0)) {
        best = ti->ref;
        best_t = k;
        best_code = code;
      }
      if (k > g->t0 && (Dyad_key_is(&s->tok[k - 1], "OF") ||
                        (k > g->t0 + 1 && s->ti[k - 1].fc == FC_DET &&
                         Dyad_key_is(&s->tok[k - 2], "OF"))))
        ofjoin = true;
    }
  }
  (void)ofjoin;
  uint32_t base = LEX_NONE, bt = 0;
  const char *code = NULL;
  if (owner != LEX_NONE && !po->tabari) {
    base = owner;
    bt = owner_t;
    code = owner_code;
  } else if (best != LEX_NONE && !po->tabari) {
    base = best;
    bt = best_t;
    code = best_code;
  } else if (first != LEX_NONE) {
    base = first;
    bt = first_t;
    code = first_code;
  }
  (void)first_t;
  g->actor = base;
  if (base != LEX_NONE) {
    g->h0 = bt;
    g->h1 = bt + s->ti[bt].ulen;
    g->src_line = VEC_AT(&lex->actors, struct lex_actor, base).src.line;
  }
  /* agents */
  for (uint32_t k = g->t0; k < g->t1; k++) {
    const struct tinfo *ti = &s->ti[k];
    if (ti->role != RO_AGENT || !ti->unit)
      continue;
    /* an agent owned by another actor than the base ("Britain's UN
     * ambassador": the ambassador is Britain's) still composes on base */
    const struct lex_agent *ag =
        &VEC_AT(&lex->agents, struct lex_agent, ti->ref);
    const char *ac = Dyad_lex_cstr(lex, ag->code);
    if (!code) {
      /* agent only: remember the agent code; context fills the actor */
      g->agent_only = true;
      code = add_agent(a, "", ac, false);
      if (g->h1 == 0) {
        g->h0 = k;
        g->h1 = k + ti->ulen;
      }
      continue;
    }
    if (g->agent_only) {
      code = add_agent(a, code, ac, false);
      continue;
    }
    code = add_agent(a, code, ac, ag->suffix);
  }
  g->code = code;
  if (g->h1 == 0) {
    g->h0 = g->t0;
    g->h1 = g->t1;
  }
}

/*
 * The country of the places a sentence names in "in/near/at/outside X"
 * phrases whose X is no actor of the dictionaries, when every place and
 * region of the gazetteer (src/enrich/gazetteer.h) called X lies in one
 * country and all such phrases agree ("an ambush near Gao": MLI); NULL
 * otherwise. Names of countries are actors and left to the rules before.
 */
static const char *place_country(const struct dyad_lexicon *lex,
                                 const struct sent *s, const struct token *tok,
                                 uint32_t n) {
  const char *found = NULL;
  for (uint32_t k = 0; k + 1 < n; k++) {
    if (!Dyad_key_is(&tok[k], "IN") && !Dyad_key_is(&tok[k], "NEAR") &&
        !Dyad_key_is(&tok[k], "AT") && !Dyad_key_is(&tok[k], "OUTSIDE"))
      continue;
    uint32_t j = k + 1;
    if (j < n && Dyad_key_is(&tok[j], "THE"))
      j++;
    uint32_t x0 = j;
    char key[128];
    size_t kl = 0;
    while (j < n && j < x0 + 3 && tok[j].kind == TK_WORD &&
           (tok[j].flags & TOK_CAP) && s->ti[j].role == RO_NONE &&
           s->ti[j].fc == FC_NONE && kl + tok[j].klen + 2 < sizeof key) {
      if (kl)
        key[kl++] = ' ';
      memcpy(key + kl, tok[j].key, tok[j].klen);
      kl += tok[j].klen;
      j++;
    }
    if (j == x0)
      continue;
    /* built on the first name to look up */
    const struct gazetteer *gz = Dyad_lex_gazetteer(lex);
    if (!gz)
      return NULL;
    char folded[128];
    size_t fl = Dyad_gaz_fold(key, kl, folded, sizeof folded);
    const struct gaz_entry *c[32];
    size_t nc = Dyad_gaz_find(gz, folded, fl, c, 32);
    const char *cc = NULL;
    for (size_t i = 0; i < nc; i++) {
      if (c[i]->level == DYAD_GEO_COUNTRY)
        continue;
      if (cc && strcmp(cc, c[i]->iso3) != 0)
        return NULL; /* a name of several countries */
      cc = c[i]->iso3;
    }
    if (!cc)
      continue;
    if (found && strcmp(found, cc) != 0)
      return NULL;
    found = cc;
  }
  return found;
}

/* Folds the capitalised words tok[t0, t1) into a gazetteer key; 0 when a
 * word is not capitalised or the key does not fit. */
static size_t name_key(const struct token *tok, uint32_t t0, uint32_t t1,
                       char *out, size_t cap) {
  char key[128];
  size_t kl = 0;
  for (uint32_t j = t0; j < t1; j++) {
    if (tok[j].kind != TK_WORD || !(tok[j].flags & TOK_CAP) ||
        kl + tok[j].klen + 2 >= sizeof key)
      return 0;
    if (kl)
      key[kl++] = ' ';
    memcpy(key + kl, tok[j].key, tok[j].klen);
    kl += tok[j].klen;
  }
  return kl ? Dyad_gaz_fold(key, kl, out, cap) : 0;
}

/* The gazetteer's entries (at most cap, into out) for the name tok[a, b);
 * 0 when it holds none or the name has no key. */
static size_t gaz_entries(const struct gazetteer *gz, const struct token *tok,
                          uint32_t a, uint32_t b, const struct gaz_entry **out,
                          size_t cap) {
  char key[128];
  size_t kl = name_key(tok, a, b, key, sizeof key);
  return kl ? Dyad_gaz_find(gz, key, kl, out, cap) : 0;
}

/* The one country of the regions and countries the gazetteer (src/enrich/
 * gazetteer.h) calls tok[q0, q1) ("Texas": USA, "France": FRA); NULL when
 * it names none or those of several countries. */
static const char *qualifier_country(const struct gazetteer *gz,
                                     const struct token *tok, uint32_t q0,
                                     uint32_t q1) {
  const struct gaz_entry *c[32];
  size_t nc = gaz_entries(gz, tok, q0, q1, c, 32);
  const char *cc = NULL;
  for (size_t i = 0; i < nc; i++) {
    if (c[i]->level != DYAD_GEO_ADMIN1 && c[i]->level != DYAD_GEO_COUNTRY)
      continue;
    if (cc && strcmp(cc, c[i]->iso3) != 0)
      return NULL; /* a name of several countries */
    cc = c[i]->iso3;
  }
  return cc;
}

/* Whether the gazetteer holds a place (a city, town or village) called
 * tok[p0, p1) in country cc (ISO 3166-1 alpha-3). */
static bool holds_place(const struct gazetteer *gz, const struct token *tok,
                        uint32_t p0, uint32_t p1, const char *cc) {
  const struct gaz_entry *c[32];
  size_t nc = gaz_entries(gz, tok, p0, p1, c, 32);
  for (size_t i = 0; i < nc; i++)
    if (c[i]->level == DYAD_GEO_PLACE && strcmp(c[i]->iso3, cc) == 0)
      return true;
  return false;
}

/* The first token of the capitalised words (up to three) that end the
 * span [t0, t1): "Police in Paris" -> "Paris"; t1 when none. */
static uint32_t name_start(const struct token *tok, uint32_t t0, uint32_t t1) {
  uint32_t p0 = t1;
  while (p0 > t0 && p0 + 3 > t1 && tok[p0 - 1].kind == TK_WORD &&
         (tok[p0 - 1].flags & TOK_CAP))
    p0--;
  return p0;
}

/*
 * "Police in Paris, France", "soldiers in Gao, Mali": a country or region
 * the dictionaries list as an actor, after a place name and a comma, where
 * the gazetteer holds a place of that name in that country, says where the
 * place is; it is neither a party of its own nor the subject of what
 * follows. When the place ends an actor phrase ("Police in Paris"), the
 * phrase takes in the qualifier and its country; else ("in Lyon, France")
 * the place's preposition governs the qualifier's phrase, so that "Police
 * in Lyon, France" is FRACOP. Runs before compounds are formed: the
 * qualifier is no member of a list.
 */
static void place_tails(const struct dyad_lexicon *lex, struct sent *s,
                        const struct token *tok, uint32_t n, struct arena *a) {
  const struct gazetteer *gz = NULL;
  for (uint32_t hi = 0; hi < s->ngroups; hi++) {
    struct agroup *h = &s->groups[hi];
    uint32_t q0 = h->t0;
    if (q0 < 2 || tok[q0 - 1].kind != TK_COMMA || h->t1 - q0 > 3 || !h->code ||
        strlen(h->code) < 3 || h->possessor || h->modifier)
      continue;
    bool bare = true;
    for (uint32_t k = q0; k < h->t1; k++)
      bare = bare && s->ti[k].role == RO_ACTOR;
    if (!bare)
      continue;
    uint32_t c = q0 - 1; /* the comma */
    struct agroup *g =
        hi > 0 && s->groups[hi - 1].t1 == c ? &s->groups[hi - 1] : NULL;
    uint32_t p0;
    if (g) {
      /* the place is the name that gave the phrase its code */
      if (g->pronoun || g->agent_only || !g->code || g->h1 != c)
        continue;
      p0 = name_start(tok, g->h0, c);
    } else {
      /* a place no dictionary lists, after a preposition */
      p0 = name_start(tok, 0, c);
      bool named = p0 < c;
      for (uint32_t k = p0; k < c && named; k++)
        named = s->ti[k].group == 0 && s->ti[k].role == RO_NONE &&
                s->ti[k].fc == FC_NONE;
      if (!named || p0 == 0 ||
          (s->ti[p0 - 1].fc != FC_PREP && s->ti[p0 - 1].fc != FC_TO))
        continue;
    }
    if (p0 >= c)
      continue;
    if (!gz && !(gz = Dyad_lex_gazetteer(lex)))
      return;
    const char *cc = qualifier_country(gz, tok, q0, h->t1);
    if (!cc || !holds_place(gz, tok, p0, c, cc))
      continue;
    if (!g) {
      h->prep = find_prep(s, p0);
      continue;
    }
    /* the qualifier's country replaces that of the capital ("Paris, Texas"
     * is done by place_qualifiers when Texas is no actor) */
    if (strncmp(g->code, h->code, 3) != 0) {
      char *code = Dyad_arena_strndup(a, g->code, strlen(g->code));
      if (code) {
        memcpy(code, h->code, 3);
        g->code = code;
      }
    }
    g->t1 = h->t1;
    g->possessor = h->possessor;
    memmove(h, h + 1, (s->ngroups - hi - 1) * sizeof *h);
    s->ngroups--;
    for (uint32_t k = 0; k < n; k++)
      s->ti[k].group = 0;
    for (uint32_t x = 0; x < s->ngroups; x++)
      for (uint32_t k = s->groups[x].t0; k < s->groups[x].t1; k++)
        s->ti[k].group = (uint16_t)(x + 1);
    hi--;
  }
}

/*
 * "Police in Paris, Texas", "Paris, Kentucky": a place the dictionaries
 * code as a country (a capital) followed by a comma and a region or
 * country of another country, where the gazetteer (src/enrich/
 * gazetteer.h) holds a place of that name, is that place: the phrase
 * takes the region's country. Only the country block of its code changes;
 * agents stay ("Police in Paris, Texas": USACOP).
 */
static void place_qualifiers(const struct dyad_lexicon *lex, struct sent *s,
                             const struct token *tok, uint32_t n,
                             struct arena *a) {
  const struct gazetteer *gz = NULL;
  for (uint32_t gi = 0; gi < s->ngroups; gi++) {
    struct agroup *g = &s->groups[gi];
    if (g->pronoun || !g->code || strlen(g->code) < 3 || g->t1 + 1 >= n ||
        tok[g->t1].kind != TK_COMMA)
      continue;
    uint32_t q0 = g->t1 + 1, q1 = q0;
    while (q1 < n && q1 < q0 + 3 && tok[q1].kind == TK_WORD &&
           (tok[q1].flags & TOK_CAP))
      q1++;
    /* the name that ends the phrase: "Police in Paris" */
    uint32_t p0 = name_start(tok, g->t0, g->t1);
    if (q1 == q0 || p0 == g->t1)
      continue;
    if (!gz && !(gz = Dyad_lex_gazetteer(lex)))
      return;
    const char *cc = qualifier_country(gz, tok, q0, q1);
    if (!cc || strncmp(cc, g->code, 3) == 0)
      continue;
    if (holds_place(gz, tok, p0, g->t1, cc)) {
      /* the country block changes, the agents after it stay */
      size_t len = strlen(g->code);
      char *code = Dyad_arena_strndup(a, g->code, len);
      if (code) {
        memcpy(code, cc, 3);
        g->code = code;
      }
    }
  }
}

static dyad_status actor_groups(const struct dyad_lexicon *lex, struct sent *s,
                                const struct parse_opts *po,
                                struct discourse *dc, struct arena *a) {
  const struct token *tok = s->tok;
  uint32_t n = s->n;
  uint32_t i = 0;
  while (i < n) {
    const struct tinfo *ti = &s->ti[i];
    bool starts = (ti->role == RO_ACTOR || ti->role == RO_AGENT) && ti->unit;
    bool pron = !starts && (ti->fc == FC_PRON || ti->fc == FC_PRONPOSS) &&
                tok[i].kind == TK_WORD;
    if (pron && ti->fc == FC_PRONPOSS) {
      /* "his Rwandan Patriotic Front": a determiner of the actor after it */
      uint32_t f = i + 1;
      while (f < n && f < i + 3 && adjective_like(s, f))
        f++;
      if (f < n && s->ti[f].role == RO_ACTOR && s->ti[f].unit)
        pron = false;
    }
    if (!starts && !pron) {
      i++;
      continue;
    }
    struct agroup *g;
    TRY(push_group(s, a, &g));
    uint32_t gid = s->ngroups - 1;
    if (pron) {
      g->t0 = i;
      g->t1 = i + 1;
      g->pronoun = true;
      g->possessor = ti->fc == FC_PRONPOSS;
      /* "its troops": the possessive pronoun owns the following agents */
      uint32_t e = i + 1;
      while (e < n && (s->ti[e].role == RO_AGENT || adjective_like(s, e)) &&
             s->ti[e].role != RO_ACTOR && g->possessor) {
        if (s->ti[e].role == RO_AGENT)
          g->t1 = e + s->ti[e].ulen;
        e += s->ti[e].ulen ? s->ti[e].ulen : 1;
      }
      g->h0 = i;
      g->h1 = i + 1;
      g->prep = find_prep(s, i);
      for (uint32_t k = g->t0; k < g->t1; k++)
        s->ti[k].group = (uint16_t)(gid + 1);
      i = g->t1;
      continue;
    }
    /* extend left over determiners, numbers, adjectives and names */
    uint32_t t0 = i;
    while (t0 > 0 && s->ti[t0 - 1].group == 0 &&
           (s->ti[t0 - 1].fc == FC_DET || s->ti[t0 - 1].fc == FC_PRONPOSS ||
            tok[t0 - 1].kind == TK_NUM || s->ti[t0 - 1].role == RO_ADJ ||
            (name_word(s, t0 - 1) && t0 - 1 > 0)))
      t0--;
    /* extend right */
    uint32_t e = i + ti->ulen;
    bool has_agent = ti->role == RO_AGENT, has_actor = ti->role == RO_ACTOR;
    for (;;) {
      if (e >= n)
        break;
      const struct tinfo *x = &s->ti[e];
      if ((x->role == RO_ACTOR || x->role == RO_AGENT) && x->unit) {
        /* two adjacent actors with no link form one phrase only when the
         * first modifies the second: "Russian Foreign Minister Lavrov"; a
         * determiner starts a new phrase ("the UN The Security Council") */
        if (s->ti[e].fc == FC_DET)
          break;
        if (x->role == RO_ACTOR)
          has_actor = true;
        else
          has_agent = true;
        e += x->ulen;
        continue;
      }
      if (tok[e].kind == TK_POSS && e + 1 < n &&
          (s->ti[e + 1].role == RO_AGENT || s->ti[e + 1].role == RO_ACTOR ||
           adjective_like(s, e + 1))) {
        /* "Mali's foreign minister": include if an agent/actor follows */
        uint32_t f = e + 1;
        while (f < n && adjective_like(s, f) && s->ti[f].role == RO_NONE)
          f++;
        if (f < n && (s->ti[f].role == RO_AGENT || s->ti[f].role == RO_ACTOR)) {
          e = f;
          continue;
        }
        break;
      }
      /* "Nigerian junior foreign minister", "Russian deputy prime minister":
       * an adjective between an actor and an agent */
      if (!po->tabari && (has_actor || has_agent) && adjective_like(s, e) &&
          !(tok[e].flags & TOK_CAP)) {
        uint32_t f = e;
        while (f < n && f < e + 2 && adjective_like(s, f) &&
               !(tok[f].flags & TOK_CAP))
          f++;
        if (f < n && s->ti[f].role == RO_AGENT && s->ti[f].unit) {
          e = f;
          continue;
        }
      }
      if (name_word(s, e) && (has_agent || has_actor)) {
        /* names after a title: "Foreign Minister Abdoulaye Diop" */
        uint32_t f = e;
        while (f < n && name_word(s, f))
          f++;
        if (f < n && s->ti[f].role == RO_ACTOR && s->ti[f].unit) {
          e = f;
          continue;
        }
        if (has_agent && !has_actor) {
          e = f;
          continue;
        }
        /* a title then an unknown name: keep the name in the phrase */
        e = f;
        continue;
      }
      /* agent OF/IN (the) actor: "Minister of Foreign Affairs of Mali" */
      if (has_agent && (Dyad_key_is(&tok[e], "OF") ||
                        (!po->tabari && Dyad_key_is(&tok[e], "IN")))) {
        uint32_t f = e + 1;
        if (f < n && s->ti[f].fc == FC_DET)
          f++;
        if (f < n &&
            (s->ti[f].role == RO_ACTOR ||
             (s->ti[f].role == RO_AGENT && !has_actor)) &&
            s->ti[f].unit && (!has_actor || Dyad_key_is(&tok[e], "OF"))) {
          if (has_actor && s->ti[f].role == RO_ACTOR)
            break; /* "the president of Mali" handled: only if no actor yet */
          e = f;
          continue;
        }
      }
      break;
    }
    /* a capitalised title before "of": "Secretary General of the UN
     * Antonio Guterres" is the UN's, not a phrase inside a preposition */
    if (!po->tabari && t0 >= 2 && Dyad_key_is(&tok[t0 - 1], "OF")) {
      uint32_t k = t0 - 1;
      while (k > 0 && tok[k - 1].kind == TK_WORD &&
             (tok[k - 1].flags & TOK_CAP) && s->ti[k - 1].group == 0 &&
             s->ti[k - 1].fc == FC_NONE &&
             (s->ti[k - 1].role == RO_NONE || s->ti[k - 1].role == RO_AGENT))
        k--;
      bool opens = k == 0 || tok[k - 1].kind == TK_COMMA ||
                   tok[k - 1].kind == TK_QUOTE || s->ti[k - 1].fc == FC_DET ||
                   s->ti[k - 1].fc == FC_CONJ || s->ti[k - 1].fc == FC_THAT;
      if (k < t0 - 1 && opens && !s->allcaps)
        t0 = k > 0 && s->ti[k - 1].fc == FC_DET ? k - 1 : k;
    }
    g->t0 = t0;
    g->t1 = e;
    g->prep = find_prep(s, t0);
    g->possessor = e < n && tok[e].kind == TK_POSS;
    for (uint32_t k = g->t0; k < g->t1; k++)
      s->ti[k].group = (uint16_t)(gid + 1);
    compose_group(lex, s, g, po, a);
    /* an actor that modifies a following common noun is not the actor of
     * the phrase: "Iraq war allies", "Iraq Mortar Attack Kills 25" */
    /* (a country, not an organisation: "the UNITA militarist wing" is
     * UNITA's; not before a word shaped like a verb: "the United States
     * speeded up") */
    if (!po->tabari && e < n && tok[e].kind == TK_WORD && !has_agent &&
        (s->ti[e].role == RO_NONE || s->ti[e].role == RO_EVNOUN ||
         s->ti[e].role == RO_NOUN) &&
        s->ti[e].fc == FC_NONE && !ly_adverb(&tok[e], &s->ti[e]) &&
        !name_particle(&tok[e]) && !Dyad_demonym_like(&tok[e - 1]) && g->code &&
        strlen(g->code) == 3 &&
        !(tok[e].klen > 4 &&
          (memcmp(tok[e].key + tok[e].klen - 2, "ED", 2) == 0 ||
           memcmp(tok[e].key + tok[e].klen - 3, "ING", 3) == 0)) &&
        (!(tok[e].flags & TOK_CAP) || s->allcaps || s->headline) &&
        !(s->ti[e].wp & (W_REPORT | W_HEDGE | W_FUTURE | W_BELIEF | W_FAIL)))
      g->modifier = true;

    i = e;
  }

  if (!po->tabari)
    place_tails(lex, s, tok, n, a);

  /* compounds: G1 (, Gk)* and|or Gn with nothing else between */
  int next_compound = 0;
  for (uint32_t gi = 0; gi + 1 < s->ngroups; gi++) {
    struct agroup *g1 = &s->groups[gi];
    if (g1->pronoun)
      continue;
    uint32_t gj = gi + 1;
    uint32_t last = gi;
    bool linked = false;
    while (gj < s->ngroups) {
      struct agroup *g2 = &s->groups[gj];
      const struct agroup *prev = &s->groups[last];
      if (g2->pronoun)
        break;
      uint32_t k = prev->t1;
      bool comma = false, conj = false;
      int mods = 0;
      while (k < g2->t0) {
        if (tok[k].kind == TK_COMMA && !mods)
          comma = true;
        else if (s->ti[k].fc == FC_CONJ && !Dyad_key_is(&tok[k], "BUT") &&
                 !mods)
          conj = true;
        /* "the army and the paramilitary Rapid Support Forces": a
         * determiner and up to two lower-case words before the last
         * phrase */
        else if (conj && !po->tabari && mods < 3 && tok[k].kind == TK_WORD &&
                 ((s->ti[k].fc == FC_DET && !mods) ||
                  (s->ti[k].fc == FC_NONE && s->ti[k].role == RO_NONE &&
                   !(tok[k].flags & TOK_CAP))))
          mods++;
        else
          break;
        k++;
      }
      if (k != g2->t0 || (!comma && !conj))
        break;
      if (comma && !conj) {
        /* a comma list needs a final conjunction somewhere ahead */
        bool ahead = false;
        for (uint32_t x = gj + 1; x < s->ngroups && !ahead; x++) {
          uint32_t y = s->groups[x - 1].t1;
          while (y < s->groups[x].t0 &&
                 (tok[y].kind == TK_COMMA || s->ti[y].fc == FC_CONJ)) {
            if (s->ti[y].fc == FC_CONJ)
              ahead = true;
            y++;
          }
          if (y != s->groups[x].t0)
            break;
        }
        if (!ahead)
          break;
      }
      linked = true;
      last = gj;
      gj++;
      if (conj)
        break;
    }
    /* "Gunmen killed the governor and a bomber killed 10 people": a verb
     * before the list and one right after it make the last phrase the
     * subject of a new clause */
    if (linked && !po->tabari) {
      bool before = false;
      for (uint32_t k = 0; k < g1->t0 && !before; k++)
        before = s->ti[k].role == RO_VERB;
      uint32_t k = s->groups[last].t1;
      while (k < s->n && (s->ti[k].fc == FC_ADV || s->ti[k].fc == FC_HEDGEADV))
        k++;
      bool after =
          k < s->n && (s->ti[k].role == RO_VERB || s->ti[k].fc == FC_BE ||
                       s->ti[k].fc == FC_HAVE || s->ti[k].fc == FC_MODAL);
      if (before && after) {
        if (last == gi + 1)
          linked = false;
        else
          last--;
      }
    }
    if (linked) {
      for (uint32_t x = gi; x <= last; x++)
        s->groups[x].compound = next_compound;
      next_compound++;
      gi = last;
    }
  }

  if (!po->tabari)
    place_qualifiers(lex, s, tok, n, a);

  /* pronouns and agent-only groups: resolve from context */
  for (uint32_t gi = 0; gi < s->ngroups; gi++) {
    struct agroup *g = &s->groups[gi];
    if (g->pronoun) {
      const struct token *t = &tok[g->t0];
      bool first_person = Dyad_key_is(t, "I") || Dyad_key_is(t, "WE") ||
                          Dyad_key_is(t, "ME") || Dyad_key_is(t, "US") ||
                          Dyad_key_is(t, "MY") || Dyad_key_is(t, "OUR") ||
                          Dyad_key_is(t, "YOU") || Dyad_key_is(t, "YOUR");
      if (first_person)
        continue; /* resolved to the speaker by the clause stage */
      /* expletive "it": "it was believed that", "it is likely to" */
      if (Dyad_key_is(t, "IT") && g->t0 + 1 < n &&
          s->ti[g->t0 + 1].fc == FC_BE) {
        bool expl = false;
        for (uint32_t k = g->t0 + 2; k < n && k < g->t0 + 6; k++)
          if (s->ti[k].fc == FC_THAT || s->ti[k].fc == FC_TO)
            expl = true;
        if (expl)
          continue;
      }
      /* antecedent: the nearest earlier group with a code that is not
       * governed by a preposition; else the story's last subject */
      const char *code = NULL;
      uint32_t actor = LEX_NONE;
      /* "he", "she", "his": a person -- an actor phrase with an agent or a
       * named person -- is preferred to a country ("A British minister said
       * Libya must ... as he embarked") */
      bool personal =
          !po->tabari && (Dyad_key_is(t, "HE") || Dyad_key_is(t, "SHE") ||
                          Dyad_key_is(t, "HIM") || Dyad_key_is(t, "HIS") ||
                          Dyad_key_is(t, "HER"));
      for (int pass = personal ? 0 : 1; pass < 2 && !code; pass++) {
        for (uint32_t hj = gi; hj-- > 0;) {
          const struct agroup *h = &s->groups[hj];
          if (!h->code || h->pronoun || h->prep >= 0 || h->agent_only)
            continue;
          if (pass == 0 && strlen(h->code) <= 3)
            continue;
          code = h->code;
          actor = h->actor;
          break;
        }
      }
      if (!code && po->tabari) {
        for (uint32_t hj = gi; hj-- > 0;) {
          const struct agroup *h = &s->groups[hj];
          if (h->code && !h->pronoun) {
            code = h->code;
            actor = h->actor;
            break;
          }
        }
      }
      if (!code && !po->tabari && dc->last_subject) {
        code = dc->last_subject;
        actor = dc->last_subject_actor;
      }
      if (code) {
        /* "its troops": add the agents of the possessive phrase */
        for (uint32_t k = g->t0; k < g->t1; k++) {
          if (s->ti[k].role == RO_AGENT && s->ti[k].unit) {
            const struct lex_agent *ag =
                &VEC_AT(&lex->agents, struct lex_agent, s->ti[k].ref);
            code = add_agent(a, code, Dyad_lex_cstr(lex, ag->code), ag->suffix);
          }
        }
      }
      g->code = code;
      g->actor = actor;
      continue;
    }
    if (g->agent_only && g->code && !po->tabari) {
      const char *ag = g->code;
      const char *ctx = NULL;
      /* "the junta in Mali", "troops of Mali" right after the group */
      if (g->t1 + 1 < n &&
          (Dyad_key_is(&tok[g->t1], "IN") || Dyad_key_is(&tok[g->t1], "OF"))) {
        for (uint32_t hj = gi + 1; hj < s->ngroups; hj++) {
          const struct agroup *h = &s->groups[hj];
          /* (or the country after the place it names: "police in Lyon,
           * France", place_tails) */
          if ((h->t0 <= g->t1 + 2 || h->prep == (int)g->t1) && h->code &&
              !h->agent_only)
            ctx = h->code;
          break;
        }
        if (ctx && strlen(ctx) > 3) {
          /* country part only */
          char *cc = Dyad_arena_strndup(a, ctx, 3);
          ctx = cc;
        }
      }
      bool placed = false; /* ctx is where the sentence's places are */
      /* "a junta seized power in Mali": a country in an IN phrase close
       * after it, before any comma */
      for (uint32_t hj = gi + 1; !ctx && hj < s->ngroups; hj++) {
        const struct agroup *h = &s->groups[hj];
        if (h->t0 > g->t1 + 12)
          break;
        bool comma = false;
        for (uint32_t k = g->t1; k < h->t0; k++)
          if (tok[k].kind == TK_COMMA || tok[k].kind == TK_SEMI)
            comma = true;
        if (comma)
          break;
        if (h->prep >= 0 &&
            (Dyad_key_is(&tok[h->prep], "IN") ||
             Dyad_key_is(&tok[h->prep], "ACROSS") ||
             Dyad_key_is(&tok[h->prep], "THROUGHOUT") ||
             Dyad_key_is(&tok[h->prep], "FROM")) &&
            h->code && !h->agent_only && !h->pronoun && strlen(h->code) == 3)
          ctx = h->code;
      }
      placed = ctx != NULL;
      /* a civilian agent ("a judge", "the ministry") with no other clue
       * belongs to the one country the sentence names ("Judge Rivera opened
       * investigations against 28 Chilean officials"); armed agents may be
       * foreign and do not */
      if (!ctx && strncmp(ag, "MIL", 3) != 0 && strncmp(ag, "COP", 3) != 0 &&
          strncmp(ag, "REB", 3) != 0 && strncmp(ag, "UAF", 3) != 0 &&
          strncmp(ag, "SPY", 3) != 0 && strncmp(ag, "CRM", 3) != 0) {
        const char *only = NULL;
        bool many = false;
        for (uint32_t hj = 0; hj < s->ngroups && !many; hj++) {
          const struct agroup *h = &s->groups[hj];
          if (hj == gi || !h->code || h->agent_only || h->pronoun ||
              strlen(h->code) < 3 || strncmp(h->code, "IGO", 3) == 0 ||
              strncmp(h->code, "NGO", 3) == 0 ||
              strncmp(h->code, "IMG", 3) == 0)
            continue;
          if (only && strncmp(only, h->code, 3) != 0)
            many = true;
          only = h->code;
        }
        if (only && !many)
          ctx = Dyad_arena_strndup(a, only, 3);
      }
      /* armed men "linked to al-Qaeda": the one militant group the
       * sentence names, whole ("IMGMUSALQ") */
      bool taken = false;
      if (!ctx && !po->tabari &&
          (strncmp(ag, "REB", 3) == 0 || strncmp(ag, "UAF", 3) == 0)) {
        const char *img = NULL;
        int n_img = 0;
        for (uint32_t hj = 0; hj < s->ngroups; hj++) {
          const struct agroup *h = &s->groups[hj];
          if (hj != gi && h->code && !h->agent_only && !h->pronoun &&
              strncmp(h->code, "IMG", 3) == 0 &&
              (!img || strcmp(img, h->code))) {
            img = h->code;
            n_img++;
          }
        }
        if (n_img == 1) {
          g->code = img;
          taken = true;
        }
      }
      if (taken)
        continue;
      /* the story's earlier "X junta" */
      for (int k = 0; !ctx && k < dc->nagent_ctx; k++)
        if (strcmp(dc->agent_ctx[k].agent, ag) == 0)
          ctx = dc->agent_ctx[k].code;
      /* the story's country: the country named most often so far, when
       * one clearly leads ("the junta" in a story about Mali) */
      if (!ctx && dc->ncountries > 0) {
        int best = -1, second = 0;
        for (int k = 0; k < dc->ncountries; k++) {
          if (best < 0 || dc->countries[k].n > dc->countries[best].n) {
            if (best >= 0)
              second = dc->countries[best].n;
            best = k;
          } else if (dc->countries[k].n > second) {
            second = dc->countries[k].n;
          }
        }
        if (best >= 0 && dc->countries[best].n >= 2 &&
            dc->countries[best].n > second)
          ctx = Dyad_arena_strndup(a, dc->countries[best].cc, 3);
      }
      /* the country of the place the sentence names ("soldiers ... in an
       * ambush near Gao": Malian soldiers); for armed opponents, whether
       * those places agree with the country found before (see
       * struct agroup, placed) */
      if (!ctx) {
        ctx = place_country(lex, s, tok, n);
        placed = ctx != NULL;
      } else if (!placed &&
                 (strncmp(ag, "REB", 3) == 0 || strncmp(ag, "UAF", 3) == 0)) {
        const char *pc = place_country(lex, s, tok, n);
        placed = pc && strncmp(pc, ctx, 3) == 0;
      }
      if (ctx) {
        if (strlen(ctx) > 3 && strncmp(ctx + 3, ag, strlen(ag)) == 0)
          g->code = ctx;
        else
          g->code = add_agent(a, ctx, ag, false);
        g->placed = placed;
      } else {
        g->code = NULL; /* an agent with no country: not an actor */
      }
    } else if (g->agent_only) {
      g->code = NULL;
    }
  }
  /* an ethnic group is coded by the country it lives in (CAMEO actor
   * codebook): "ethnic Albanians in south Serbia", "the Albanians of
   * southern Serbia", "ethnic Albanian guerrillas operating in Macedonia" */
  for (uint32_t gi = 0; !po->tabari && gi < s->ngroups; gi++) {
    struct agroup *g = &s->groups[gi];
    if (!g->code || g->pronoun || g->actor == LEX_NONE || g->h1 <= g->h0)
      continue;
    bool ethnic = false;
    for (uint32_t k = g->t0; k < g->h0 + 1 && k < n; k++)
      if (Dyad_key_is(&tok[k], "ETHNIC"))
        ethnic = true;
    if (g->t0 > 0 && Dyad_key_is(&tok[g->t0 - 1], "ETHNIC"))
      ethnic = true;
    if (!Dyad_demonym_like(&tok[g->h1 - 1]))
      continue;
    for (uint32_t hj = gi + 1; hj < s->ngroups; hj++) {
      const struct agroup *h = &s->groups[hj];
      if (h->t0 > g->t1 + 4 || h->prep < 0)
        break;
      bool of = Dyad_key_is(&tok[h->prep], "OF");
      bool in = Dyad_key_is(&tok[h->prep], "IN");
      if (!h->code || strlen(h->code) != 3 || !(of || (in && ethnic)))
        break;
      if (strncmp(h->code, g->code, 3) == 0)
        break;
      size_t cl = strlen(g->code);
      char *c = Dyad_arena_alloc(a, cl + 1);
      if (!c)
        return DYAD_ERR_NOMEM;
      memcpy(c, h->code, 3);
      memcpy(c + 3, g->code + 3, cl - 3 + 1);
      g->code = c;
      break;
    }
  }
  /* peacekeepers of no named organisation (CAMEO IGOPKO) belong to the
   * organisation named in the sentence, else earlier in the story: "the UN
   * Security Council decided to end the peacekeeping operation" */
  if (!po->tabari) {
    const char *org = NULL;
    for (uint32_t gi = 0; gi < s->ngroups && !org; gi++) {
      const char *c = s->groups[gi].code;
      if (c && strncmp(c, "IGO", 3) == 0 && strlen(c) >= 6 &&
          strncmp(c + 3, "PKO", 3) != 0)
        org = c;
    }
    if (!org)
      org = dc->last_igo;
    for (uint32_t gi = 0; org && gi < s->ngroups; gi++) {
      struct agroup *g = &s->groups[gi];
      if (g->code && strcmp(g->code, "IGOPKO") == 0) {
        size_t ol = strlen(org) >= 6 ? 6 : strlen(org);
        char *c = Dyad_arena_alloc(a, ol + 4);
        if (!c)
          return DYAD_ERR_NOMEM;
        memcpy(c, org, ol);
        memcpy(c + ol, "PKO", 4);
        g->code = c;
      }
    }
  }
  /* definite phrases that name an actor of earlier sentences: "the
   * mission", "the operation" */
  if (!po->tabari && dc->nheads) {
    for (uint32_t k = 1; k < n; k++) {
      if (s->ti[k].group || s->ti[k].role != RO_NONE || tok[k].kind != TK_WORD)
        continue;
      if (!Dyad_key_is(&tok[k - 1], "THE"))
        continue;
      for (int h = 0; h < dc->nheads; h++) {
        if (dc->heads[h].wid != tok[k].wid)
          continue;
        struct agroup *g;
        TRY(push_group(s, a, &g));
        g->t0 = k - 1;
        g->t1 = k + 1;
        g->h0 = k - 1;
        g->h1 = k + 1;
        g->code = dc->heads[h].code;
        g->actor = dc->heads[h].actor;
        g->prep = find_prep(s, k - 1);
        g->possessor = k + 1 < n && tok[k + 1].kind == TK_POSS;
        g->pronoun = true; /* a back reference */
        uint32_t gid = s->ngroups - 1;
        s->ti[k - 1].group = s->ti[k].group = (uint16_t)(gid + 1);
        break;
      }
    }
    /* keep groups in text order */
    for (uint32_t x = 1; x < s->ngroups; x++) {
      struct agroup tmp = s->groups[x];
      uint32_t y = x;
      while (y > 0 && s->groups[y - 1].t0 > tmp.t0) {
        s->groups[y] = s->groups[y - 1];
        y--;
      }
      s->groups[y] = tmp;
    }
    for (uint32_t k = 0; k < n; k++)
      s->ti[k].group = 0;
    for (uint32_t x = 0; x < s->ngroups; x++)
      for (uint32_t k = s->groups[x].t0; k < s->groups[x].t1; k++)
        s->ti[k].group = (uint16_t)(x + 1);
  }
  return DYAD_OK;
}

/* ---- step 5: verb groups ---------------------------------------------------
 */

/* The actor group holding token k, or -1. */
static int group_at(const struct sent *s, uint32_t k) {
  return s->ti[k].group ? (int)s->ti[k].group - 1 : -1;
}

static dyad_status verb_groups(const struct dyad_lexicon *lex, struct sent *s,
                               const struct parse_opts *po, struct arena *a) {
  const struct token *tok = s->tok;
  for (uint32_t i = 0; i < s->n; i++) {
    struct tinfo *ti = &s->ti[i];
    if (!ti->unit || (ti->role != RO_VERB && ti->role != RO_EVNOUN))
      continue;
    struct vgroup *v;
    TRY(push_verb(s, a, &v));
    v->t0 = i;
    v->t1 = i + ti->ulen;
    v->vform = ti->ref;
    const struct lex_vform *vf =
        &VEC_AT(&lex->vforms, struct lex_vform, ti->ref);
    v->verb = vf->verb;
    v->noun = ti->role == RO_EVNOUN;
    v->a0 = i;
    if (v->noun)
      continue;
    uint32_t mods = 0;
    bool be = false, have = false;
    uint32_t k = i;
    while (k > 0) {
      const struct token *p = &tok[k - 1];
      const struct tinfo *pi = &s->ti[k - 1];
      if (pi->fc == FC_BE) {
        be = true;
      } else if (pi->fc == FC_HAVE) {
        have = true;
      } else if (pi->fc == FC_DO) {
      } else if (pi->fc == FC_MODAL) {
        if (Dyad_key_is(p, "WILL") || Dyad_key_is(p, "SHALL") ||
            Dyad_key_is(p, "'LL") || Dyad_key_is(p, "WO"))
          mods |= VM_FUTURE;
        else
          mods |= VM_HEDGE;
        if (Dyad_key_is(p, "WOULD") || Dyad_key_is(p, "'D"))
          mods |= VM_WOULD;
        if (Dyad_key_is(p, "MUST"))
          mods |= VM_MUST;
        else if (Dyad_key_is(p, "SHOULD"))
          mods |= VM_SHOULD;
      } else if (pi->fc == FC_NEG) {
        mods |= VM_NEG;
      } else if (pi->fc == FC_HEDGEADV) {
        mods |= VM_HEDGE;
      } else if (pi->fc == FC_ADV || pi->fc == FC_TIME || ly_adverb(p, pi)) {
      } else if (pi->fc == FC_TO) {
        mods |= VM_INF;
        /* "is to", "are set to", "believed to", "going to" */
        if (k >= 2) {
          const struct token *q = &tok[k - 2];
          if (s->ti[k - 2].wp & W_FAIL)
            mods |= VM_NEG | VM_FAIL;
          else if (Dyad_word_is_hedge_verb(q->key))
            mods |= VM_HEDGE;
          /* "must be ready to mediate": the obligation reaches the act */
          for (uint32_t r = k - 2; r > 0 && r + 4 > k; r--) {
            if (Dyad_key_is(&tok[r - 1], "MUST"))
              mods |= VM_MUST | VM_HEDGE;
            else if (Dyad_key_is(&tok[r - 1], "SHOULD"))
              mods |= VM_SHOULD | VM_HEDGE;
          }
          if (Dyad_key_is(q, "READY") || Dyad_key_is(q, "WILLING") ||
              Dyad_key_is(q, "PREPARED") || Dyad_key_is(q, "COMMITTED") ||
              Dyad_key_is(q, "DETERMINED") || Dyad_key_is(q, "EAGER") ||
              Dyad_key_is(q, "KEEN") || Dyad_key_is(q, "RESOLVED"))
            mods |= VM_INTENT; /* a stated readiness: an intent */
          else if (Dyad_word_is_future_verb(q->key) &&
                   s->ti[k - 2].role != RO_VERB)
            mods |= VM_FUTURE;
          else if (s->ti[k - 2].fc == FC_BE)
            mods |= VM_FUTURE; /* "troops are to withdraw" */
        }
        k--;
        break;
      } else {
        break;
      }
      k--;
    }
    v->a0 = k;
    if (be && (vf->form & VF_EN) && !(vf->form & VF_ING))
      mods |= VM_PASSIVE;
    if (have)
      mods |= VM_PERFECT;
    if (vf->form & VF_ING)
      mods |= VM_ING;
    v->mods = mods;
  }
  /* governors of infinitives: the nearest earlier verb group with only
   * adverbials, prepositional phrases or an object between */
  for (uint32_t vi = 0; vi < s->nverbs; vi++) {
    struct vgroup *v = &s->verbs[vi];
    if (!(v->mods & VM_INF))
      continue;
    for (uint32_t wj = vi; wj-- > 0;) {
      struct vgroup *w = &s->verbs[wj];
      if (w->noun)
        continue;
      /* no clause break between them; and no common noun that the
       * infinitive could belong to ("rejected a U.S. request to
       * interrogate", "offered its good offices to settle"): only actor
       * phrases (the object: "urged Mali to"), adverbials and time words */
      bool broken = false;
      for (uint32_t k = w->t1; k < v->a0; k++) {
        if (tok[k].kind == TK_SEMI || tok[k].kind == TK_QUOTE ||
            s->ti[k].fc == FC_WH || s->ti[k].fc == FC_CONJ ||
            s->ti[k].fc == FC_SUB || s->ti[k].fc == FC_COND)
          broken = true;
        if (!po->tabari && !s->ti[k].group && tok[k].kind == TK_WORD &&
            (s->ti[k].role == RO_EVNOUN || s->ti[k].role == RO_NOUN ||
             (s->ti[k].role == RO_NONE && s->ti[k].fc == FC_NONE &&
              !ly_adverb(&tok[k], &s->ti[k]) && !(tok[k].flags & TOK_CAP))) &&
            k + 1 == v->a0 &&
            /* "took steps to enhance", "made efforts to end": light nouns
             * pass the act on to the verb */
            !Dyad_key_is(&tok[k], "STEPS") && !Dyad_key_is(&tok[k], "STEP") &&
            !Dyad_key_is(&tok[k], "MEASURES") &&
            !Dyad_key_is(&tok[k], "ACTION") &&
            !Dyad_key_is(&tok[k], "EFFORTS") &&
            !Dyad_key_is(&tok[k], "EFFORT") && !Dyad_key_is(&tok[k], "MOVES"))
          broken = true; /* the word right before "to" is a noun */
      }
      if (!broken && v->a0 - w->t1 <= 12)
        v->governor = (int)wj;
      break;
    }
    /* an infinitive that no known verb governs states a purpose or a
     * plan ("troops advanced to retake the city"): not a fact */
    if (v->governor < 0 && !(v->mods & (VM_FUTURE | VM_NEG)))
      v->mods |= VM_HEDGE;
  }
  /* passives without their auxiliary: headlines ("3 UN staff kidnapped in
   * Afghan capital") and reduced relatives ("a French national shot dead in
   * Jeddah", "four servicemen wounded last week"); a participle conjoined
   * with a passive one shares its auxiliary ("was shot and killed") */
  for (uint32_t vi = 0; vi < s->nverbs; vi++) {
    struct vgroup *v = &s->verbs[vi];
    const struct lex_vform *vf =
        &VEC_AT(&lex->vforms, struct lex_vform, v->vform);
    /* a participle: a generated one, or a form the dictionary lists
     * whole ("WOUNDED_", "BACKED_") in -ED */
    const struct token *vt = &tok[v->t1 - 1];
    bool en = (vf->form & VF_EN) ||
              (!po->tabari && v->t1 == v->t0 + 1 && vt->klen > 4 &&
               memcmp(vt->key + vt->klen - 2, "ED", 2) == 0);
    /* no auxiliary of its own (adverbs may come first: "but then
     * released") */
    bool aux = false;
    for (uint32_t k = v->a0; k < v->t0; k++)
      aux |= s->ti[k].fc == FC_BE || s->ti[k].fc == FC_HAVE ||
             s->ti[k].fc == FC_MODAL || s->ti[k].fc == FC_DO ||
             s->ti[k].fc == FC_NEG || s->ti[k].fc == FC_TO;
    if (v->noun || aux || (po->tabari && v->a0 != v->t0) || !en || v->t0 == 0 ||
        (v->mods & VM_PASSIVE))
      continue;
    /* "was shot and killed", "was seized ..., but then released" */
    uint32_t b = v->t0;
    while (b > 0 && (s->ti[b - 1].fc == FC_ADV ||
                     ly_adverb(&s->tok[b - 1], &s->ti[b - 1])))
      b--;
    if (b >= 1 && s->ti[b - 1].fc == FC_CONJ && vi > 0 &&
        (s->verbs[vi - 1].mods & VM_PASSIVE) &&
        (s->verbs[vi - 1].t1 == b - 1 ||
         (b >= 2 && s->tok[b - 2].kind == TK_COMMA) ||
         b - 1 > s->verbs[vi - 1].t1)) {
      v->mods |= VM_PASSIVE;
      continue;
    }
    /* "aid worker Margaret Hassan, kidnapped a week ago, ...", "Anwar
     * Ibrahim, released from jail in June, ...": a participle set off by a
     * comma after an actor phrase describes that actor */
    if (!po->tabari && v->t0 >= 2 && tok[v->t0 - 1].kind == TK_COMMA &&
        s->ti[v->t0 - 2].group && v->t1 < s->n) {
      uint32_t e = v->t1;
      const struct tinfo *ni = &s->ti[e];
      bool when =
          ni->fc == FC_TIME || ni->fc == FC_PREP || tok[e].kind == TK_COMMA ||
          ((ni->fc == FC_DET || ni->fc == FC_NUM || tok[e].kind == TK_NUM) &&
           e + 1 < s->n && s->ti[e + 1].fc == FC_TIME);
      if (when) {
        v->mods |= VM_PASSIVE;
        continue;
      }
    }
    /* "talks mediated by Switzerland", "Russia, backed by China, ...": a
     * participle and its "by" agent after a noun or a comma */
    if (!po->tabari && v->t1 + 1 < s->n && Dyad_key_is(&tok[v->t1], "BY") &&
        (s->ti[v->t1 + 1].group ||
         (s->ti[v->t1 + 1].fc == FC_DET && v->t1 + 2 < s->n &&
          s->ti[v->t1 + 2].group)) &&
        !s->ti[v->t0 - 1].group && s->ti[v->t0 - 1].fc != FC_BE &&
        s->ti[v->t0 - 1].fc != FC_HAVE && s->ti[v->t0 - 1].fc != FC_MODAL &&
        s->ti[v->t0 - 1].fc != FC_PRON &&
        (tok[v->t0 - 1].kind == TK_COMMA ||
         (tok[v->t0 - 1].kind == TK_WORD && s->ti[v->t0 - 1].fc == FC_NONE))) {
      v->mods |= VM_PASSIVE;
      continue;
    }
    /* after an actor phrase, or an actor adjective and its noun ("a Yemeni
     * poet accused of ...") */
    if (!s->ti[v->t0 - 1].group &&
        !(!po->tabari && v->t0 >= 2 && s->ti[v->t0 - 2].group &&
          s->tok[v->t0 - 1].kind == TK_WORD && s->ti[v->t0 - 1].fc == FC_NONE &&
          s->ti[v->t0 - 1].role == RO_NONE && !(s->ti[v->t0 - 1].wp & W_FRAME)))
      continue;
    uint32_t e = v->t1;
    bool object =
        e < s->n &&
        (s->ti[e].group || s->ti[e].fc == FC_DET || s->ti[e].fc == FC_NUM ||
         s->ti[e].fc == FC_PRON || s->ti[e].fc == FC_PRONPOSS);
    if (object)
      continue;
    bool headline = s->headline || s->allcaps;
    /* in running text only before what a passive is followed by */
    const struct token *x = e < s->n ? &s->tok[e] : NULL;
    bool after = !x || x->kind == TK_COMMA || x->kind == TK_PERIOD ||
                 Dyad_key_is(x, "DEAD") || Dyad_key_is(x, "BY") ||
                 Dyad_key_is(x, "IN") || Dyad_key_is(x, "AT") ||
                 Dyad_key_is(x, "NEAR") || Dyad_key_is(x, "DURING") ||
                 Dyad_key_is(x, "LAST") || s->ti[e].fc == FC_TIME ||
                 Dyad_key_is(x, "NEARLY") || Dyad_key_is(x, "UNHARMED") ||
                 Dyad_key_is(x, "EARLIER") || Dyad_key_is(x, "ALIVE") ||
                 Dyad_key_is(x, "OF"); /* "a poet accused of ..." */
    /* only verbs of acts done to someone: "resigned Sunday", "agreed in
     * principle" are intransitive uses */
    const char *code = Dyad_lex_cstr(lex, Dyad_lex_verb_code(lex, v->verb));
    int root = Dyad_cameo_root(code);
    bool done_to =
        root == 11 || root == 12 || root >= 16 || strncmp(code, "084", 3) == 0;
    /* "since a military junta seized power in Mali": in running text, a
     * phrase that opens its clause and has no other verb after it is the
     * subject of an active past tense */
    if (!headline && after && done_to) {
      int g = group_at(s, v->t0 - 1);
      uint32_t gs = g >= 0 ? s->groups[g].t0 : v->t0 - 1;
      const struct tinfo *pi = gs > 0 ? &s->ti[gs - 1] : NULL;
      bool opens = !pi || pi->fc == FC_SUB || pi->fc == FC_CONJ ||
                   pi->fc == FC_THAT || pi->fc == FC_WH || pi->fc == FC_COND ||
                   (pi->fc == FC_PREP && clause_prep(&s->tok[gs - 1]));
      bool later = false;
      for (uint32_t m = v->t1; m < s->n && !later; m++) {
        if (s->tok[m].kind == TK_COMMA || s->tok[m].kind == TK_SEMI ||
            s->ti[m].fc == FC_CONJ || s->ti[m].fc == FC_THAT ||
            s->ti[m].fc == FC_WH)
          break;
        later = s->ti[m].role == RO_VERB || s->ti[m].fc == FC_BE ||
                s->ti[m].fc == FC_HAVE || s->ti[m].fc == FC_MODAL;
      }
      if (opens && !later)
        continue;
    }
    if ((headline || after) && done_to)
      v->mods |= VM_PASSIVE;
  }
  /* a gerund after a preposition is a topic or a purpose, not an act:
   * "no progress on restarting talks", "plans for attacking" ("by
   * attacking" is the means of an act: kept) */
  for (uint32_t vi = 0; vi < s->nverbs; vi++) {
    struct vgroup *v = &s->verbs[vi];
    const struct lex_vform *vf =
        &VEC_AT(&lex->vforms, struct lex_vform, v->vform);
    if (v->noun || v->a0 != v->t0 || !(vf->form & VF_ING) || v->t0 == 0)
      continue;
    const struct token *p = &s->tok[v->t0 - 1];
    /* "guilty of violating", "accused of killing": the act is the claim's
     * content, not a topic */
    bool charged = Dyad_key_is(p, "OF") && v->t0 >= 2 &&
                   (Dyad_key_is(&s->tok[v->t0 - 2], "GUILTY") ||
                    Dyad_key_is(&s->tok[v->t0 - 2], "ACCUSED") ||
                    Dyad_key_is(&s->tok[v->t0 - 2], "CHARGED") ||
                    Dyad_key_is(&s->tok[v->t0 - 2], "CONVICTED") ||
                    Dyad_key_is(&s->tok[v->t0 - 2], "RESPONSIBLE"));
    if (s->ti[v->t0 - 1].fc == FC_PREP && !Dyad_key_is(p, "BY") && !charged)
      v->mods |= VM_HEDGE;
  }
  /* a participle after a noun modifies it ("a phone call threatening
   * ...", "a proposal from Europe calling for ..."): no event of its own */
  for (uint32_t vi = 0; vi < s->nverbs; vi++) {
    struct vgroup *v = &s->verbs[vi];
    const struct lex_vform *vf =
        &VEC_AT(&lex->vforms, struct lex_vform, v->vform);
    if (v->noun || v->a0 != v->t0 || !(vf->form & VF_ING) || v->t0 == 0)
      continue;
    const struct token *p = &s->tok[v->t0 - 1];
    const struct tinfo *pi = &s->ti[v->t0 - 1];
    bool noun_before =
        p->kind == TK_WORD && pi->fc == FC_NONE &&
        (pi->role == RO_NONE || pi->role == RO_NOUN || pi->role == RO_EVNOUN ||
         (pi->group && s->groups[pi->group - 1].prep >= 0));
    /* "issued a declaration demanding that ...": a speech noun's participle
     * is the speaker's act */
    if (Dyad_key_is(p, "DECLARATION") || Dyad_key_is(p, "STATEMENT") ||
        Dyad_key_is(p, "RESOLUTION") || Dyad_key_is(p, "LETTER") ||
        Dyad_key_is(p, "COMMUNIQUE") || Dyad_key_is(p, "MESSAGE") ||
        Dyad_key_is(p, "PETITION") || Dyad_key_is(p, "APPEAL"))
      noun_before = false;
    if (noun_before)
      v->mods |= VM_HEDGE; /* not asserted as an act */
  }
  return DYAD_OK;
}

/* ---- step 6: clauses
 * --------------------------------------------------------- */

static bool verb_follows(const struct sent *s, uint32_t k, uint32_t lim) {
  /* after a conjunction: optional adverbs/aux/neg/modal then a verb */
  while (k < lim) {
    const struct tinfo *ti = &s->ti[k];
    if (ti->role == RO_VERB)
      return true;
    if (ti->fc == FC_ADV || ti->fc == FC_BE || ti->fc == FC_HAVE ||
        ti->fc == FC_DO || ti->fc == FC_MODAL || ti->fc == FC_NEG ||
        ti->fc == FC_HEDGEADV || ti->fc == FC_TO || ly_adverb(&s->tok[k], ti)) {
      k++;
      continue;
    }
    return false;
  }
  return false;
}

/* After an actor phrase: a finite predicate (auxiliary, modal, negation or
 * a verb) follows. */
static bool predicate_follows(const struct sent *s, uint32_t k, uint32_t lim) {
  while (k < lim && (s->ti[k].fc == FC_ADV || s->ti[k].fc == FC_HEDGEADV ||
                     ly_adverb(&s->tok[k], &s->ti[k])))
    k++;
  if (k >= lim)
    return false;
  const struct tinfo *ti = &s->ti[k];
  return ti->role == RO_VERB || ti->fc == FC_BE || ti->fc == FC_HAVE ||
         ti->fc == FC_DO || ti->fc == FC_MODAL || ti->fc == FC_NEG;
}

/* A plain noun word: no actor, verb or event noun, no function word. */
static bool plain_noun(const struct sent *s, uint32_t k) {
  const struct tinfo *ti = &s->ti[k];
  return s->tok[k].kind == TK_WORD && ti->group == 0 && ti->fc == FC_NONE &&
         (ti->role == RO_NONE || ti->role == RO_NOUN || ti->role == RO_ADJ);
}

/* "fired tear gas and water cannon at protesters": the conjunction at k
 * joins two noun phrases that name no actor, not two clauses; the phrase
 * after it (a determiner, numbers, up to four plain words) ends at a
 * preposition, a conjunction or punctuation, not at a predicate of its own
 * ("... and tensions rose" keeps its clause when "rose" is a verb of the
 * dictionaries). */
static bool noun_pair(const struct sent *s, uint32_t k) {
  if (k == 0 || !plain_noun(s, k - 1))
    return false;
  uint32_t m = k + 1, words = 0;
  if (m < s->n && s->ti[m].fc == FC_DET)
    m++;
  while (
      m < s->n && words < 4 &&
      (plain_noun(s, m) || s->tok[m].kind == TK_NUM || s->ti[m].fc == FC_NUM)) {
    m++;
    words++;
  }
  if (!words)
    return false;
  if (m >= s->n)
    return true;
  const struct token *t = &s->tok[m];
  return t->kind == TK_PERIOD || t->kind == TK_COMMA || t->kind == TK_SEMI ||
         s->ti[m].fc == FC_PREP || s->ti[m].fc == FC_TO ||
         s->ti[m].fc == FC_CONJ;
}

static dyad_status clauses(struct sent *s, const struct parse_opts *po,
                           struct arena *a) {
  const struct token *tok = s->tok;
  uint32_t n = s->n;
  /* boundaries: mark the token that starts a new clause and its type */
  uint8_t *start = Dyad_arena_calloc(a, n + 1, 1);
  uint8_t *ctype = Dyad_arena_calloc(a, n + 1, 1);
  if (!start || !ctype)
    return DYAD_ERR_NOMEM;
  bool inquote = false;
  for (uint32_t k = 0; k < n; k++) {
    const struct token *t = &tok[k];
    const struct tinfo *ti = &s->ti[k];
    if (t->kind == TK_QUOTE && t->klen == 1 && t->key[0] == '"') {
      if (t->flags & TOK_QUOTE_OPEN) {
        inquote = true;
        start[k] = 1;
        ctype[k] = CL_MAIN;
      } else {
        inquote = false;
        if (k + 1 < n) {
          start[k + 1] = 1;
          ctype[k + 1] = CL_MAIN;
        }
      }
      continue;
    }
    if (t->kind == TK_SEMI) {
      start[k] = 1;
      ctype[k] = CL_MAIN;
      continue;
    }
    if (ti->fc == FC_CONJ && !ti->group && k > 0) {
      /* not inside a compound actor */
      int gl = k > 0 ? group_at(s, k - 1) : -1;
      int gr = k + 1 < n ? group_at(s, k + 1) : -1;
      if (k + 2 < n && gr < 0 && s->ti[k + 1].fc == FC_DET)
        gr = group_at(s, k + 2);
      bool compound = gl >= 0 && gr >= 0 && s->groups[gl].compound >= 0 &&
                      s->groups[gl].compound == s->groups[gr].compound;
      /* "Laurent Fabius and a group of deputies held talks": no verb yet
       * since the clause began, so "and" joins the subject's phrases */
      if (!compound && !po->tabari && gl >= 0) {
        uint32_t c0 = k;
        while (c0 > 0 && !start[c0])
          c0--;
        bool verb = false;
        for (uint32_t m = c0; m < k && !verb; m++)
          verb = s->ti[m].role == RO_VERB || s->ti[m].fc == FC_BE ||
                 s->ti[m].fc == FC_HAVE || s->ti[m].fc == FC_MODAL;
        bool later = false;
        for (uint32_t m = k + 1; m < n && !later; m++)
          later = s->ti[m].role == RO_VERB;
        if (!verb && later)
          compound = true;
      }
      if (!compound && !po->tabari && gl < 0 && noun_pair(s, k))
        compound = true;
      if (!compound) {
        start[k] = 1;
        ctype[k] = verb_follows(s, k + 1, n) ? CL_CONJ : CL_MAIN;
      }
      continue;
    }
    if (po->tabari)
      continue;
    if (ti->fc == FC_WH && k > 0) {
      start[k] = 1;
      ctype[k] = CL_REL;
      /* "The junta, which seized power in 2022, has turned to Russia": a
       * relative clause set off by commas ends at the next comma after its
       * verb, where the main clause goes on */
      if (!po->tabari && tok[k - 1].kind == TK_COMMA) {
        bool verb = false;
        for (uint32_t m = k + 1; m + 1 < n; m++) {
          if (tok[m].kind == TK_SEMI || tok[m].kind == TK_QUOTE ||
              s->ti[m].fc == FC_WH || s->ti[m].fc == FC_THAT)
            break;
          verb |= s->ti[m].role == RO_VERB || s->ti[m].fc == FC_BE;
          if (verb && tok[m].kind == TK_COMMA) {
            if (predicate_follows(s, m + 1, n)) {
              start[m + 1] = 1;
              ctype[m + 1] = CL_CONJ;
            }
            break;
          }
        }
      }
      continue;
    }
    if (ti->fc == FC_COND) {
      start[k] = 1;
      ctype[k] = CL_COND;
      continue;
    }
    if (ti->fc == FC_SUB) {
      start[k] = 1;
      ctype[k] = CL_SUB;
      continue;
    }
    if (ti->fc == FC_THAT && k > 0) {
      /* "said that", "believed that", "fears that", "announced on Sunday
       * that": a reported clause; after a noun it is a relative pronoun */
      uint32_t q = k - 1;
      while (q > 0 && k - q < 5 &&
             (s->ti[q].fc == FC_TIME || s->ti[q].fc == FC_ADV ||
              Dyad_key_is(&tok[q], "ON") || Dyad_key_is(&tok[q], "LAST") ||
              tok[q].kind == TK_COMMA || ly_adverb(&tok[q], &s->ti[q])))
        q--;
      bool rep = (s->ti[q].wp & (W_REPORT | W_HEDGE | W_BELIEF)) ||
                 s->ti[q].role == RO_VERB;
      start[k] = 1;
      ctype[k] = rep ? CL_REPORTED : CL_REL;
      continue;
    }
    /* "since a junta seized power": a preposition that opens a clause */
    if (ti->fc == FC_PREP && k + 1 < n && clause_prep(t)) {
      for (uint32_t m = k + 1; m < n; m++) {
        const struct token *x = &tok[m];
        if (x->kind == TK_COMMA || x->kind == TK_SEMI || x->kind == TK_PERIOD ||
            x->kind == TK_QUOTE || s->ti[m].fc == FC_CONJ ||
            s->ti[m].fc == FC_PREP || s->ti[m].fc == FC_TO)
          break;
        if (s->ti[m].role == RO_VERB || s->ti[m].fc == FC_BE ||
            s->ti[m].fc == FC_HAVE || s->ti[m].fc == FC_MODAL) {
          if (m > k + 1) {
            start[k] = 1;
            ctype[k] = CL_SUB;
          }
          break;
        }
      }
      continue;
    }
    /* "X said Y attacked Z", "said he was aware", "says evacuations have
     * helped": a reporting verb followed by a phrase and a predicate opens
     * a reported clause */
    uint32_t rv = k; /* the reporting word, over time words: "announced
                      * Wednesday it would ..." */
    while (rv > 1 && rv + 4 > k &&
           (s->ti[rv - 1].fc == FC_TIME || s->ti[rv - 1].fc == FC_ADV ||
            /* "said on Friday they would ..." */
            (rv < k && s->ti[rv].fc == FC_TIME &&
             Dyad_key_is(&tok[rv - 1], "ON"))))
      rv--;
    /* also a demand without "that": "demanded France release ..." */
    if (rv > 0 &&
        ((s->ti[rv - 1].wp & W_REPORT) ||
         (!po->tabari && (s->ti[rv - 1].wp & W_HEDGE) &&
          s->ti[rv - 1].role == RO_VERB)) &&
        s->ti[rv - 1].group == 0 && ti->fc != FC_PREP && ti->fc != FC_TO &&
        ti->fc != FC_TIME && ti->fc != FC_ADV && t->kind == TK_WORD) {
      uint32_t m = k;
      while (m < n && m < k + 10 &&
             (s->ti[m].group || s->ti[m].fc == FC_DET ||
              s->ti[m].fc == FC_NUM ||
              (s->ti[m].fc == FC_CONJ && m + 1 < n && s->ti[m + 1].group) ||
              (tok[m].kind == TK_WORD && s->ti[m].fc == FC_NONE &&
               s->ti[m].role != RO_VERB) ||
              tok[m].kind == TK_POSS || tok[m].kind == TK_NUM))
        m++;
      if (m > k && predicate_follows(s, m, n)) {
        start[k] = 1;
        ctype[k] = CL_REPORTED;
      }
    }
    (void)inquote;
  }
  /* a trailing attribution after the last comma: "..., a senior official
   * said on Saturday.", "..., said Diop.", "..., Israeli military sources
   * told reporters." Everything before it is what the speaker said. */
  if (!po->tabari && n > 3) {
    uint32_t e = n;
    while (e > 0 &&
           (tok[e - 1].kind == TK_PERIOD || tok[e - 1].kind == TK_QUOTE ||
            tok[e - 1].kind == TK_RPAREN))
      e--;
    uint32_t k = e;
    while (k > 0 && tok[k - 1].kind != TK_COMMA)
      k--;
    if (k > 1 && k < e && !start[k - 1]) {
      int reports = 0, verbs = 0, bad = 0;
      for (uint32_t m = k; m < e; m++) {
        /* "..., analysts believe.": a belief is attributed as a report is */
        if (s->ti[m].wp & (W_REPORT | W_BELIEF))
          reports++;
        else if (s->ti[m].role == RO_VERB)
          verbs++;
        /* "..., Russia will respond": a modal makes it a clause of its
         * own, not an attribution */
        if (s->ti[m].fc == FC_CONJ || s->ti[m].fc == FC_THAT ||
            s->ti[m].fc == FC_WH || tok[m].kind == TK_QUOTE ||
            s->ti[m].fc == FC_MODAL)
          bad++;
      }
      if (reports == 1 && verbs == 0 && !bad && e - k <= 14) {
        start[k - 1] = 1;
        ctype[k - 1] = CL_FRAME;
      } else if (reports == 0 && verbs == 1 && !bad && e - k <= 10 &&
                 s->ti[k].group && s->groups[s->ti[k].group - 1].t0 == k &&
                 s->groups[s->ti[k].group - 1].prep < 0) {
        /* "..., a human rights group protested here Wednesday.": a clause
         * of its own whose subject is the phrase after the comma */
        start[k - 1] = 1;
        ctype[k - 1] = CL_MAIN;
      }
    }
  }
  /* "If Mali attacks France, Russia will respond", "Although X ..., Y
   * ...": a sentence that opens with a condition or a subordinate clause
   * returns to its main clause after the first comma that follows a verb */
  bool lead = !po->tabari && n > 0 && start[0] &&
              (ctype[0] == CL_COND || ctype[0] == CL_SUB);
  if (lead) {
    bool verb = false;
    for (uint32_t k = 1; k + 1 < n; k++) {
      if (start[k])
        break;
      verb |= s->ti[k].role == RO_VERB;
      if (verb && tok[k].kind == TK_COMMA) {
        start[k + 1] = 1;
        ctype[k + 1] = CL_MAIN;
        break;
      }
    }
  }
  /* build clauses */
  struct clause *c;
  TRY(push_clause(s, a, &c));
  c->t0 = 0;
  c->type = lead ? ctype[0] : CL_MAIN;
  for (uint32_t k = 1; k < n; k++) {
    if (!start[k])
      continue;
    s->clauses[s->nclauses - 1].t1 = k;
    int parent = (int)s->nclauses - 1;
    TRY(push_clause(s, a, &c));
    c->t0 = k;
    c->type = ctype[k];
    if (c->type != CL_MAIN)
      c->parent = parent;
  }
  s->clauses[s->nclauses - 1].t1 = n;
  /* quoted clauses */
  inquote = false;
  for (uint32_t ci = 0; ci < s->nclauses; ci++) {
    struct clause *cl = &s->clauses[ci];
    const struct token *t = &tok[cl->t0];
    if (t->kind == TK_QUOTE && (t->flags & TOK_QUOTE_OPEN))
      inquote = true;
    cl->quoted = inquote;
    for (uint32_t k = cl->t0; k < cl->t1; k++)
      if (tok[k].kind == TK_QUOTE && (tok[k].flags & TOK_QUOTE_CLOSE))
        inquote = false;
    for (uint32_t k = cl->t0; k < cl->t1; k++)
      s->ti[k].clause = (uint16_t)ci;
  }
  for (uint32_t vi = 0; vi < s->nverbs; vi++)
    s->verbs[vi].clause = s->ti[s->verbs[vi].t0].clause;
  return DYAD_OK;
}

/* Subjects, speakers and clause modality. */
/* The root of what a framing verb or noun asks, promises or rejects: its own
 * code, or where that is null ("demand [---]", coded only by its patterns)
 * the root all its patterns share; 0 if none. */
static int framing_root(const struct dyad_lexicon *lex, uint32_t verb) {
  int r = Dyad_cameo_root(Dyad_lex_cstr(lex, Dyad_lex_verb_code(lex, verb)));
  if (r)
    return r;
  const struct lex_verb *lv = &VEC_AT(&lex->verbs, struct lex_verb, verb);
  const struct lex_block *bl =
      &VEC_AT(&lex->blocks, struct lex_block, lv->block);
  for (uint32_t i = 0; i < bl->npats; i++) {
    uint32_t pi = VEC_AT(&lex->pat_order, uint32_t, bl->pats + i);
    const struct lex_pattern *p =
        &VEC_AT(&lex->patterns, struct lex_pattern, pi);
    int pr =
        p->code == LEX_NONE ? 0 : Dyad_cameo_root(Dyad_lex_cstr(lex, p->code));
    if (!pr)
      continue;
    if (!r)
      r = pr;
    else if (r != pr)
      return 0;
  }
  return r;
}

static void clause_roles(struct sent *s, const struct parse_opts *po) {
  const struct token *tok = s->tok;
  /* "is considering expelling the ambassador", "plans sending troops": a
   * gerund right after a verb of planning or deliberation has not happened */
  if (!po->tabari)
    for (uint32_t vi = 1; vi < s->nverbs; vi++) {
      struct vgroup *v = &s->verbs[vi];
      const struct vgroup *w = &s->verbs[vi - 1];
      if (v->noun || w->noun || v->a0 != w->t1 || !(v->mods & VM_ING))
        continue;
      if (s->ti[w->t0].wp & (W_FUTURE | W_HEDGE))
        v->mods |= VM_FUTURE;
    }
  /* "as the opposition threatened": a preposition that opens a clause
   * does not govern the clause's subject */
  for (uint32_t ci = 0; ci < s->nclauses; ci++) {
    const struct clause *cl = &s->clauses[ci];
    if (cl->type != CL_SUB || s->ti[cl->t0].fc != FC_PREP)
      continue;
    for (uint32_t gi = 0; gi < s->ngroups; gi++)
      if (s->groups[gi].prep == (int)cl->t0)
        s->groups[gi].prep = -1;
  }
  for (uint32_t ci = 0; ci < s->nclauses; ci++) {
    struct clause *cl = &s->clauses[ci];
    /* subject: the first group before the clause's first verb that no
     * preposition governs (TABARI: the first actor of the clause) */
    uint32_t vstart = cl->t1, from = cl->t0;
    bool opener = false;
    for (uint32_t vi = 0; vi < s->nverbs; vi++) {
      const struct vgroup *v = &s->verbs[vi];
      if (v->clause != (int)ci || v->noun)
        continue;
      /* "Using tear gas, police dispersed ...": a participle that opens
       * the clause and ends at a comma is no predicate; the subject stands
       * before the verb after the comma */
      if (!po->tabari && !opener && v->a0 == cl->t0 && (v->mods & VM_ING)) {
        uint32_t k = v->t1;
        while (k < cl->t1 && tok[k].kind != TK_COMMA &&
               s->ti[k].role != RO_VERB)
          k++;
        if (k < cl->t1 && tok[k].kind == TK_COMMA) {
          opener = true;
          from = k + 1; /* not "its" in "Widening its pursuit, Israel" */
          continue;
        }
      }
      vstart = v->a0;
      break;
    }
    int subj = -1, any = -1;
    for (uint32_t gi = 0; gi < s->ngroups; gi++) {
      const struct agroup *g = &s->groups[gi];
      if (g->t0 < from || g->t0 >= vstart)
        continue;
      if (!g->code)
        continue;
      if (any < 0)
        any = (int)gi;
      if (g->prep < 0 && subj < 0 && !g->modifier)
        subj = (int)gi;
    }
    if (po->tabari)
      subj = any;
    else if (subj < 0 && any >= 0 && s->groups[any].prep >= 0 &&
             Dyad_key_is(&tok[s->groups[any].prep], "OF") == false)
      subj = -1;
    /* relative clause: the phrase before "who/which" */
    if (subj < 0 && cl->type == CL_REL && cl->t0 > 0) {
      int g = group_at(s, cl->t0 - 1);
      if (g < 0 && cl->t0 > 1 && tok[cl->t0 - 1].kind == TK_COMMA)
        g = group_at(s, cl->t0 - 2);
      subj = g;
    }
    /* conjoined verb phrase: the previous clause's subject carries over;
     * after a reported clause, "but" returns to the reporting clause ("X
     * said he was aware ..., but called it irreplaceable") */
    if (subj < 0 && cl->type == CL_CONJ && ci > 0) {
      const struct clause *prev = &s->clauses[ci - 1];
      if (Dyad_key_is(&tok[cl->t0], "BUT") && prev->type == CL_REPORTED &&
          prev->parent >= 0) {
        cl->parent = prev->parent;
        subj = s->clauses[prev->parent].subject;
      } else {
        subj = prev->subject;
      }
    }
    cl->subject = subj;
    if (cl->type == CL_COND)
      cl->mods |= VM_COND;
  }
  /* "demanded that Israel ease restrictions", "urged that ...": what a
   * demand, appeal or promise asks for has not happened */
  for (uint32_t ci = 0; ci < s->nclauses; ci++) {
    struct clause *cl = &s->clauses[ci];
    if (cl->type != CL_REPORTED || cl->t0 == 0)
      continue;
    uint32_t q = cl->t0 - 1;
    if (Dyad_key_is(&tok[cl->t0], "THAT"))
      q = cl->t0 - 1;
    while (q > 0 && (s->ti[q].fc == FC_TIME || s->ti[q].fc == FC_ADV))
      q--;
    uint32_t vq = q;
    while (vq > 0 && !s->ti[vq].unit)
      vq--;
    if (s->ti[vq].role == RO_VERB || s->ti[vq].role == RO_EVNOUN) {
      for (uint32_t vi = 0; vi < s->nverbs; vi++) {
        const struct vgroup *w = &s->verbs[vi];
        if (w->t0 != vq)
          continue;
        int r = framing_root(s->lex, w->verb);
        /* "reiterated its demand that Israel ease restrictions": the act
         * asked for is what the speaker demands (10x) or appeals for (02x),
         * as if "Israel must ease"; promised, rejected or threatened acts
         * (03x, 12x, 13x) are not facts */
        if (!po->tabari && r == 10)
          cl->mods |= VM_MUST;
        else if (!po->tabari && r == 2)
          cl->mods |= VM_SHOULD;
        else if (r == 2 || r == 3 || r == 10 || r == 12 || r == 13)
          cl->mods |= VM_HEDGE;
      }
    }
  }
  /* reported clauses: the speaker is the subject of the reporting clause */
  for (uint32_t ci = 0; ci < s->nclauses; ci++) {
    struct clause *cl = &s->clauses[ci];
    if (cl->type == CL_REPORTED && cl->parent >= 0) {
      const struct clause *p = &s->clauses[cl->parent];
      cl->speaker = p->subject;
      /* "it was believed that", "fears that": hedged */
      if (cl->t0 > 0) {
        const struct token *q = &tok[cl->t0 - 1];
        if (q->kind == TK_WORD && Dyad_key_is(q, "THAT") && cl->t0 > 1)
          q = &tok[cl->t0 - 2];
        if (Dyad_word_is_hedge_verb(q->key))
          cl->mods |= VM_HEDGE;
        else
          cl->mods |= VM_CLAIM;
      } else {
        cl->mods |= VM_CLAIM;
      }
      cl->mods |= p->mods & (VM_HEDGE | VM_COND);
    } else if (cl->type == CL_CONJ && ci > 0) {
      /* "X said Y attacked Z and killed W" continues the reported clause;
       * "X said he was aware but called it ..." returns to X's own acts */
      const struct clause *prev = &s->clauses[ci - 1];
      bool contrast = Dyad_key_is(&tok[cl->t0], "BUT");
      if (contrast && prev->type == CL_REPORTED && prev->parent >= 0) {
        cl->mods |= s->clauses[prev->parent].mods & (VM_HEDGE | VM_COND);
      } else {
        cl->mods |= prev->mods & (VM_HEDGE | VM_COND | VM_CLAIM);
        if (cl->speaker < 0)
          cl->speaker = prev->speaker;
      }
    } else if (cl->type == CL_REL && cl->parent >= 0) {
      cl->mods |= s->clauses[cl->parent].mods & (VM_HEDGE | VM_COND);
    }
  }
  /* a trailing attribution: earlier clauses are what its speaker said */
  for (uint32_t ci = 0; !po->tabari && ci < s->nclauses; ci++) {
    if (s->clauses[ci].type != CL_FRAME)
      continue;
    struct clause *fr = &s->clauses[ci];
    /* the speaker: the frame's actor phrase; "a spokesman for the Israeli
     * prime minister" speaks for the minister */
    int sp = -1, any = -1;
    for (uint32_t gi = 0; gi < s->ngroups; gi++) {
      const struct agroup *g = &s->groups[gi];
      if (g->t0 < fr->t0 || g->t0 >= fr->t1 || !g->code)
        continue;
      if (any < 0)
        any = (int)gi;
      if (g->prep < 0 && sp < 0)
        sp = (int)gi;
    }
    if (sp < 0)
      sp = any;
    fr->subject = sp;
    fr->parent = -1;
    /* "..., analysts believe.": what others believe is no fact */
    bool belief = false;
    for (uint32_t m = fr->t0; m < fr->t1; m++)
      belief |= (s->ti[m].wp & W_BELIEF) && !(s->ti[m].wp & W_REPORT);
    for (uint32_t cj = 0; cj < ci; cj++) {
      struct clause *cl = &s->clauses[cj];
      if (cl->quoted)
        continue;
      cl->mods |= VM_CLAIM | (belief ? VM_HEDGE : 0);
      if (cl->speaker < 0)
        cl->speaker = sp;
    }
  }
  /* "according to X": X is the speaker of the sentence's statements */
  for (uint32_t k = 0; !po->tabari && k + 2 < s->n; k++) {
    if (!Dyad_key_is(&tok[k], "ACCORDING") || !Dyad_key_is(&tok[k + 1], "TO"))
      continue;
    int g = group_at(s, k + 2);
    if (g < 0 && k + 3 < s->n && s->ti[k + 2].fc == FC_DET)
      g = group_at(s, k + 3);
    if (g < 0 || !s->groups[g].code)
      break;
    for (uint32_t ci = 0; ci < s->nclauses; ci++) {
      struct clause *cl = &s->clauses[ci];
      if (cl->quoted)
        continue;
      if (cl->speaker < 0)
        cl->speaker = g;
      cl->mods |= VM_CLAIM;
    }
    break;
  }
  /* quotations: the speaker is the actor next to a reporting word after
   * the closing quote ("..., Britain's UN ambassador said") or before the
   * opening one ("X said: '...'") */
  for (uint32_t ci = 0; ci < s->nclauses; ci++) {
    struct clause *cl = &s->clauses[ci];
    if (!cl->quoted)
      continue;
    int speaker = -1;
    /* after the quote */
    uint32_t k = cl->t1;
    while (k < s->n &&
           !(tok[k].kind == TK_QUOTE && (tok[k].flags & TOK_QUOTE_CLOSE)))
      k++;
    for (uint32_t m = k + 1; m < s->n && m < k + 12 && speaker < 0; m++) {
      int g = group_at(s, m);
      if (g >= 0 && s->groups[g].code) {
        speaker = g;
        break;
      }
      if (s->ti[m].wp & W_REPORT) {
        g = m + 1 < s->n ? group_at(s, m + 1) : -1;
        if (g >= 0 && s->groups[g].code)
          speaker = g;
        break;
      }
    }
    if (speaker < 0) {
      /* before the quote */
      uint32_t q = cl->t0;
      for (uint32_t m = q; m-- > 0 && m + 10 > q;) {
        int g = group_at(s, m);
        if (g >= 0 && s->groups[g].code) {
          speaker = g;
          break;
        }
      }
    }
    cl->speaker = speaker;
  }
  /* first person pronouns take the speaker's code */
  for (uint32_t gi = 0; gi < s->ngroups; gi++) {
    struct agroup *g = &s->groups[gi];
    if (!g->pronoun || g->code)
      continue;
    const struct clause *cl = &s->clauses[s->ti[g->t0].clause];
    int sp = cl->speaker;
    if (sp < 0 && cl->quoted) {
      for (uint32_t cj = 0; cj < s->nclauses; cj++)
        if (s->clauses[cj].quoted && s->clauses[cj].speaker >= 0)
          sp = s->clauses[cj].speaker;
    }
    if (sp >= 0 && s->groups[sp].code) {
      g->code = s->groups[sp].code;
      g->actor = s->groups[sp].actor;
    }
  }
  /* subjects may now be resolved pronouns */
  for (uint32_t ci = 0; ci < s->nclauses; ci++) {
    struct clause *cl = &s->clauses[ci];
    if (cl->subject >= 0)
      continue;
    uint32_t vstart = cl->t1;
    for (uint32_t vi = 0; vi < s->nverbs; vi++)
      if (s->verbs[vi].clause == (int)ci && !s->verbs[vi].noun) {
        vstart = s->verbs[vi].a0;
        break;
      }
    for (uint32_t gi = 0; gi < s->ngroups; gi++) {
      const struct agroup *g = &s->groups[gi];
      if (g->t0 >= cl->t0 && g->t0 < vstart && g->code && g->prep < 0 &&
          !g->modifier) {
        cl->subject = (int)gi;
        break;
      }
    }
  }
}

/* ---- driver -----------------------------------------------------------------
 */

/* Counts a mention of country cc (its first 3 letters) in the story: w = 2
 * for the headline, which names what the story is about. */
static void count_country(struct discourse *dc, const char *cc, int w) {
  int slot = -1;
  for (int k = 0; k < dc->ncountries; k++)
    if (strncmp(dc->countries[k].cc, cc, 3) == 0)
      slot = k;
  if (slot < 0 && dc->ncountries < 16) {
    slot = dc->ncountries++;
    memcpy(dc->countries[slot].cc, cc, 3);
    dc->countries[slot].cc[3] = '\0';
    dc->countries[slot].n = 0;
  }
  if (slot >= 0)
    dc->countries[slot].n += w;
}

/* A code whose first block is a country's: not an international,
 * non-governmental or multinational one, nor a militant group's. */
static bool country_code(const char *code) {
  return strlen(code) >= 3 && code[0] >= 'A' && code[0] <= 'Z' &&
         strncmp(code, "IGO", 3) != 0 && strncmp(code, "NGO", 3) != 0 &&
         strncmp(code, "IMG", 3) != 0 && strncmp(code, "MNC", 3) != 0;
}

/* The one country the actors of a headline rubric tok[0, n) name ("KENYA:",
 * "NAIROBI, Kenya -"), NULL when none or several: the longest actor phrase
 * of the lexicon at each word. */
static const char *rubric_country(const struct dyad_lexicon *lex,
                                  const struct token *tok, uint32_t n,
                                  int date) {
  const char *found = NULL;
  for (uint32_t i = 0; i < n; i++) {
    if (!is_word(&tok[i]) || !tok[i].wid)
      continue;
    uint32_t node = 0, best = 0, ref = LEX_NONE;
    for (uint32_t j = i; j < n; j++) {
      node = Dyad_lex_child(lex, node, tok[j].wid);
      if (node == LEX_NONE)
        break;
      for (uint32_t h = VEC_AT(&lex->nodes, struct lex_node, node).hits;
           h != LEX_NONE; h = VEC_AT(&lex->hits, struct lex_hit, h).next) {
        const struct lex_hit *hit = &VEC_AT(&lex->hits, struct lex_hit, h);
        if (hit->kind == LK_ACTOR && j - i + 1 > best) {
          best = j - i + 1;
          ref = hit->ref;
        }
      }
    }
    if (!best)
      continue;
    const char *code = actor_code(lex, ref, date);
    if (code && country_code(code)) {
      if (found && strncmp(found, code, 3) != 0)
        return NULL;
      found = code;
    }
    i += best - 1;
  }
  return found;
}

dyad_status Dyad_parse(const struct dyad_lexicon *lex, const struct token *tok,
                       uint32_t n, const struct parse_opts *po,
                       struct discourse *dc, struct arena *a, struct sent *s) {
  memset(s, 0, sizeof *s);
  const struct token *tok0 = tok;
  /* a wire dateline before a dash is not part of the sentence: "NAJAF,
   * Iraq - Explosions ...", "AP - The man ...", "Canadian Press - VANCOUVER
   * (CP) - The sister ..." */
  if (!po->tabari) {
    /* later sentences too, after a photo caption ("... October 4. AP.
     * BAGHDAD (AFP) - Britain's ..."), but only in the strict wire form:
     * an upper-case place first, a dash soon after */
    bool strict = !po->first_body;
    for (int round = 0; round < 3; round++) {
      uint32_t k = 0;
      bool ok =
          n > 0 && ((tok[0].kind == TK_WORD && (tok[0].flags & TOK_CAP)) ||
                    tok[0].kind == TK_NUM);
      bool num = false;
      while (ok && k < n && k < 12 && tok[k].kind != TK_DASH &&
             tok[k].kind != TK_COLON) {
        const struct token *t = &tok[k];
        /* "Bukavu/Nairobi -" */
        bool slash = t->kind == TK_SYM && t->end - t->start == 1 && k > 0 &&
                     tok[k - 1].kind == TK_WORD;
        /* an agency in parentheses may be lower case: "(dpa)" */
        bool agency = t->kind == TK_WORD && k > 0 &&
                      tok[k - 1].kind == TK_LPAREN && k + 1 < n &&
                      tok[k + 1].kind == TK_RPAREN;
        ok = (t->kind == TK_WORD && (t->flags & (TOK_CAP | TOK_ALLCAPS))) ||
             agency || t->kind == TK_COMMA || t->kind == TK_LPAREN ||
             t->kind == TK_RPAREN || t->kind == TK_PERIOD ||
             t->kind == TK_NUM || slash;
        num |= t->kind == TK_NUM;
        k++;
      }
      bool caps_first = n > 0 && ((tok[0].flags & TOK_ALLCAPS) || k <= 3 ||
                                  tok[0].kind == TK_NUM);
      if (strict && (!(tok[0].flags & TOK_ALLCAPS) || k > 6))
        caps_first = false;
      /* "HANOI:" takes a colon, so do a rubric ("World News:") and a dated
       * place ("Islamabad, Nov 9 :"); a dash may be written "--" */
      bool colon = k < n && tok[k].kind == TK_COLON &&
                   ((tok[0].flags & TOK_ALLCAPS) ||
                    (!strict && (k <= 2 || (num && k <= 5))));
      if (colon && !strict && num && k <= 5)
        caps_first = true;
      if (!ok || k >= n || k >= 12 || (tok[k].kind != TK_DASH && !colon) ||
          !caps_first || k + 1 >= n) {
        /* "TAIPEI A strong earthquake ...": an upper-case place run into
         * the sentence, told by the capitalised article after it */
        if (!strict && n > 3 && tok[0].kind == TK_WORD &&
            (tok[0].flags & TOK_ALLCAPS) && tok[0].klen >= 4 &&
            tok[1].kind == TK_WORD && (tok[1].flags & TOK_CAP) &&
            !(tok[1].flags & TOK_ALLCAPS) && !(tok[2].flags & TOK_ALLCAPS) &&
            (Dyad_key_is(&tok[1], "A") || Dyad_key_is(&tok[1], "AN") ||
             Dyad_key_is(&tok[1], "THE"))) {
          tok += 1;
          n -= 1;
        }
        break;
      }
      tok += k + 1;
      n -= k + 1;
    }
    /* a rubric of the headline ("KENYA: Police disperse protest") names
     * what the story is about, as the rest of the headline does */
    if (po->headline && tok > tok0) {
      const char *cc =
          rubric_country(lex, tok0, (uint32_t)(tok - tok0), po->date);
      if (cc)
        count_country(dc, cc, 2);
    }
  }
  s->tok = tok;
  s->n = n;
  s->lex = lex;
  s->headline = po->headline;
  s->discard = -1;
  s->story_discard = -1;
  s->ti = Dyad_arena_calloc(a, n ? n : 1, sizeof *s->ti);
  if (!s->ti)
    return DYAD_ERR_NOMEM;
  int words = 0, caps = 0;
  for (uint32_t i = 0; i < n; i++) {
    const struct token *t = &tok[i];
    if (t->kind == TK_WORD || t->kind == TK_CLITIC) {
      if (po->words)
        Dyad_word_lookup_ix(po->words, t->key, &s->ti[i].fc, &s->ti[i].wp);
      else
        Dyad_word_lookup(t->key, &s->ti[i].fc, &s->ti[i].wp);
      if (t->kind == TK_WORD && t->klen > 3) {
        words++;
        if (t->flags & TOK_CAP)
          caps++;
      }
    } else if (t->kind == TK_NUM) {
      s->ti[i].fc = FC_NUM;
    }
  }
  s->allcaps = words >= 3 && caps * 10 >= words * 7;
  for (uint32_t i = 0; i < n; i++) {
    uint32_t w = tok[i].wid;
    if (!w)
      continue;
    Dyad_sent_add_word(s, w);
    uint32_t st = Dyad_lex_stem(lex, w);
    if (st)
      Dyad_sent_add_word(s, st);
  }
  segment(lex, s);
  verbs_or_nouns(lex, s, po->tabari);
  TRY(actor_groups(lex, s, po, dc, a));
  TRY(verb_groups(lex, s, po, a));
  TRY(clauses(s, po, a));
  clause_roles(s, po);
  return DYAD_OK;
}

void Dyad_discourse_update(const struct dyad_lexicon *lex, struct sent *s,
                           struct discourse *dc) {
  /* last subject: the main clause's subject */
  for (uint32_t ci = 0; ci < s->nclauses; ci++) {
    int g = s->clauses[ci].subject;
    if (g >= 0 && s->groups[g].code && !s->groups[g].agent_only) {
      dc->last_subject = s->groups[g].code;
      dc->last_subject_actor = s->groups[g].actor;
      break;
    }
  }
  for (uint32_t gi = 0; gi < s->ngroups; gi++) {
    const struct agroup *g = &s->groups[gi];
    if (!g->code || g->pronoun)
      continue;
    size_t cl = strlen(g->code);
    /* count the country of every actor named (not international codes);
     * the headline names what the story is about: it counts double */
    if (!g->agent_only && country_code(g->code))
      count_country(dc, g->code, s->headline ? 2 : 1);
    if (cl >= 6 && strncmp(g->code, "IGO", 3) == 0 &&
        strncmp(g->code + 3, "PKO", 3) != 0)
      dc->last_igo = g->code;
    /* agent context: "MLIMIL" remembers MIL -> MLIMIL */
    if (cl >= 6 && g->code[0] != '-') {
      const char *ag = g->code + 3;
      int slot = -1;
      for (int k = 0; k < dc->nagent_ctx; k++)
        if (strncmp(dc->agent_ctx[k].agent, ag, 7) == 0)
          slot = k;
      if (slot < 0 && dc->nagent_ctx < 16 && strlen(ag) < 8)
        slot = dc->nagent_ctx++;
      size_t al = strlen(ag);
      if (slot >= 0 && al < sizeof dc->agent_ctx[slot].agent) {
        memcpy(dc->agent_ctx[slot].agent, ag, al + 1);
        dc->agent_ctx[slot].code = g->code;
      }
    }
    /* head word of the actor phrase for "the mission"-style references */
    if (g->actor != LEX_NONE && g->h1 > g->h0) {
      uint32_t head = s->tok[g->h1 - 1].wid;
      if (head && s->tok[g->h1 - 1].klen > 3) {
        int slot = -1;
        for (int k = 0; k < dc->nheads; k++)
          if (dc->heads[k].wid == head)
            slot = k;
        if (slot < 0 && dc->nheads < 32)
          slot = dc->nheads++;
        if (slot >= 0) {
          dc->heads[slot].wid = head;
          dc->heads[slot].code = g->code;
          dc->heads[slot].actor = g->actor;
        }
        /* a mission is also called "the operation", and the reverse */
        static const char *const same[] = {"MISSION", "OPERATION", "FORCE"};
        bool grouped = false;
        for (size_t m = 0; m < 3; m++)
          if (Dyad_key_is(&s->tok[g->h1 - 1], same[m]))
            grouped = true;
        for (size_t m = 0; grouped && m < 3; m++) {
          uint32_t w = Dyad_lex_find_word(lex, same[m], strlen(same[m]));
          if (!w || w == head)
            continue;
          int sl = -1;
          for (int k = 0; k < dc->nheads; k++)
            if (dc->heads[k].wid == w)
              sl = k;
          if (sl < 0 && dc->nheads < 32)
            sl = dc->nheads++;
          if (sl >= 0) {
            dc->heads[sl].wid = w;
            dc->heads[sl].code = g->code;
            dc->heads[sl].actor = g->actor;
          }
        }
      }
    }
  }
}

static const char *role_name(uint8_t r) {
  switch (r) {
  case RO_ACTOR:
    return "ACTOR";
  case RO_AGENT:
    return "AGENT";
  case RO_VERB:
    return "VERB";
  case RO_EVNOUN:
    return "EVNOUN";
  case RO_NOUN:
    return "NOUN";
  case RO_ADJ:
    return "ADJ";
  case RO_TIME:
    return "TIME";
  default:
    return "";
  }
}

/* enum vmod bits by name, comma-terminated. */
static dyad_status explain_mods(struct buf *b, uint32_t mods) {
  static const char *const mn[] = {"future",  "hedge",  "cond",  "neg",
                                   "passive", "inf",    "claim", "question",
                                   "perfect", "ing",    "fail",  "must",
                                   "should",  "intent", "would"};
  for (unsigned m = 0; m < sizeof mn / sizeof mn[0]; m++)
    if (mods & (1u << m))
      TRY(Dyad_buf_printf(b, "%s,", mn[m]));
  return DYAD_OK;
}

dyad_status Dyad_parse_explain(const struct dyad_lexicon *lex,
                               const struct sent *s, struct buf *b) {
  TRY(Dyad_buf_puts(b, "  tokens:"));
  for (uint32_t i = 0; i < s->n; i++) {
    const struct token *t = &s->tok[i];
    TRY(Dyad_buf_printf(b, " %.*s", (int)t->klen, t->key));
    if (s->ti[i].unit && s->ti[i].role)
      TRY(Dyad_buf_printf(b, "/%s", role_name(s->ti[i].role)));
  }
  TRY(Dyad_buf_putc(b, '\n'));
  for (uint32_t gi = 0; gi < s->ngroups; gi++) {
    const struct agroup *g = &s->groups[gi];
    TRY(Dyad_buf_printf(
        b, "  actor %u: [%u,%u) code=%s%s%s%s", gi, g->t0, g->t1,
        g->code ? g->code : "-", g->pronoun ? " pronoun" : "",
        g->compound >= 0 ? " compound" : "", g->prep >= 0 ? " in-pp" : ""));
    TRY(Dyad_buf_puts(b, " \""));
    for (uint32_t k = g->t0; k < g->t1; k++)
      TRY(Dyad_buf_printf(b, "%s%.*s", k > g->t0 ? " " : "",
                          (int)s->tok[k].klen, s->tok[k].key));
    TRY(Dyad_buf_puts(b, "\"\n"));
  }
  for (uint32_t vi = 0; vi < s->nverbs; vi++) {
    const struct vgroup *v = &s->verbs[vi];
    const struct lex_verb *lv = &VEC_AT(&lex->verbs, struct lex_verb, v->verb);
    TRY(Dyad_buf_printf(b, "  verb %u: %s%s clause=%d gov=%d mods=", vi,
                        Dyad_lex_cstr(lex, lv->lemma), v->noun ? " (noun)" : "",
                        v->clause, v->governor));
    TRY(explain_mods(b, v->mods));
    TRY(Dyad_buf_putc(b, '\n'));
  }
  for (uint32_t ci = 0; ci < s->nclauses; ci++) {
    const struct clause *c = &s->clauses[ci];
    static const char *const ct[] = {"main", "conj",     "rel",   "sub",
                                     "cond", "reported", "comma", "frame"};
    TRY(Dyad_buf_printf(b, "  clause %u: [%u,%u) %s subj=%d speaker=%d%s mods=",
                        ci, c->t0, c->t1, ct[c->type], c->subject, c->speaker,
                        c->quoted ? " quoted" : ""));
    TRY(explain_mods(b, c->mods));
    TRY(Dyad_buf_putc(b, '\n'));
  }
  return DYAD_OK;
}
