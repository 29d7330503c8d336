/*
 * ccode.c - TABARI's coding of a parsed record (TABARI 0.8 codeEvents;
 * TABARI manual ch. 5): clause by clause, each verb's patterns are tried
 * longest first (the part after '*' forward from the end of the verb, the
 * part before it backward from its start, with TABARI's skip/next and
 * partial/full modes, alternatives and synonym sets); the first matching
 * pattern, or the verb's own code, makes events with the source and target
 * the pattern took or the default rules give (first actor of the clause;
 * first actor after the verb, else before it; passive voice swaps them).
 * Compounds give one event per member; paired codes a reversed event;
 * dominant and subordinate codes are resolved over the record; coded
 * compounds ([A/B]) expand last; duplicates and self-events are dropped.
 */
#include "classic.h"

#include <string.h>

#include "../parse/parse.h"
#include "../parse/words.h"

static void zero(struct cl_actor *a) {
  memset(a, 0, sizeof *a);
}

static bool empty(const struct cl_actor *a) {
  return !a->actor && !a->agent && !a->index;
}

static bool equal(const struct cl_actor *a, const struct cl_actor *b) {
  return a->actor == b->actor && a->agent == b->agent && a->index == b->index;
}

static uint8_t wtype(const struct cl_rec *r, int loc) {
  if (loc < 0 || loc >= CL_MAX_SYNT)
    return W_NULL;
  return r->syn[loc].wtype;
}

static uint32_t root_at(const struct cl_rec *r, int loc) {
  if (loc < 0 || loc >= CL_MAX_SYNT)
    return 0;
  return r->syn[loc].root;
}

/* ---- clauses
 * ------------------------------------------------------------------ */

static bool clause_bounds(struct cl_rec *r) {
  if (!r->has_clauses) {
    if (r->cl1 >= 0)
      return false;
    r->cl0 = 0;
    r->cl1 = r->ilex;
    return true;
  }
  if (r->cl1 >= 0) {
    r->cl0 = r->cl1 + 1;
    while (r->cl0 <= r->ilex && !Dyad_cl_head(r, r->cl0, W_CLAUSE))
      ++r->cl0;
    if (r->cl0 > r->ilex)
      return false;
  } else {
    r->cl0 = 0;
  }
  r->cl1 = r->cl0;
  while (r->cl1 < r->ilex && !Dyad_cl_tail(r, r->cl1, W_CLAUSE))
    ++r->cl1;
  return true;
}

/* ---- actors
 * -------------------------------------------------------------------- */

static void actor_codes(struct classic *cl, struct cl_actor *a, int loc) {
  struct cl_rec *r = &cl->r;
  const struct cl_dict *d = &cl->d;
  for (int guard = 0; Dyad_cl_head(r, loc, W_PRONOUN) && guard < 8; guard++)
    loc = Dyad_cl_reference(r, loc);
  uint32_t root = root_at(r, loc);
  if (!root) {
    zero(a);
    return;
  }
  const struct cl_root *rt = cl_root(d, root - 1);
  a->root = root;
  a->index = 0;
  a->actor = a->agent = 0;
  if (rt->ent != CL_NONE) {
    uint32_t code = cl_ent(d, rt->ent)->code;
    if (rt->type == W_ACTOR) {
      bool comp;
      Dyad_cl_actor_code(d, code, r->julian, &a->actor, &a->agent, &comp);
      if (comp)
        a->index = code;
    } else if (rt->type == W_AGENT && d->petrarch) {
      a->actor = d->null_actor; /* "---GOV" */
      a->agent = code;
    } else if (rt->type == W_AGENT) {
      a->actor = code; /* an agent made an actor (CONVERT AGENTS) */
    }
  }
  a->where = loc;
}

static int actor_tail(const struct cl_rec *r, int loc) {
  if (Dyad_cl_head(r, loc, W_PRONOUN))
    return loc;
  while (loc < r->cl1 && !Dyad_cl_tail(r, loc, W_ACTOR))
    ++loc;
  return loc;
}

static int actor_head(const struct cl_rec *r, int loc, bool *found) {
  if (Dyad_cl_head(r, loc, W_PRONOUN))
    loc = Dyad_cl_reference(r, loc);
  int s = loc;
  while (s >= 0 && !Dyad_cl_head(r, s, W_ACTOR))
    --s;
  if (s < 0) {
    *found = false;
    return loc;
  }
  *found = true;
  return s;
}

static bool is_former(const struct classic *cl, int loc) {
  return wtype(&cl->r, loc) == W_ADJ &&
         root_at(&cl->r, loc) == cl->d.root_former + 1;
}

static uint32_t agent_code(const struct classic *cl, int loc) {
  uint32_t root = root_at(&cl->r, loc);
  if (!root)
    return 0;
  const struct cl_root *rt = cl_root(&cl->d, root - 1);
  return rt->ent == CL_NONE ? 0 : cl_ent(&cl->d, rt->ent)->code;
}

static void np_agent(struct classic *cl, int loc, struct cl_actor *a);

/* An agent right after the actor, or right before it (past OF/IN):
 * "Arnor's foreign minister", "the foreign minister of Arnor". FORMER
 * next to either makes the agent ~ELI. */
static void find_agent(struct classic *cl, int loc, struct cl_actor *a) {
  struct cl_rec *r = &cl->r;
  if (cl->d.petrarch && a->actor == cl->d.null_actor)
    return; /* an agent standing for an actor keeps its own code */
  bool found = false, former = false;
  int tloc = actor_tail(r, loc);
  if (is_former(cl, tloc + 1)) {
    former = true;
    ++tloc;
  }
  if (loc > 0 && !former && is_former(cl, loc - 1))
    former = true;
  if (wtype(r, tloc + 1) == W_AGENT && Dyad_cl_head(r, tloc + 1, W_AGENT)) {
    found = true;
    a->agtroot = root_at(r, tloc + 1);
    a->agtloc = tloc + 1;
    a->agent = former ? cl->d.agent_eli : agent_code(cl, tloc + 1);
  } else {
    if (wtype(r, loc - 1) == W_PREP)
      loc--;
    if (wtype(r, loc - 1) == W_AGENT && Dyad_cl_tail(r, loc - 1, W_AGENT)) {
      int s = loc - 1;
      while (s >= 0 && !Dyad_cl_head(r, s, W_AGENT))
        --s;
      if (s >= 0) {
        found = true;
        a->agtroot = root_at(r, s);
        a->agtloc = s;
        if (s > 0 && !former && is_former(cl, s - 1))
          former = true;
        a->agent = former ? cl->d.agent_eli : agent_code(cl, s);
      }
    }
  }
  if (!found) {
    a->agent = 0;
    a->agtroot = 0;
    a->agtloc = -1;
    if (cl->d.petrarch)
      np_agent(cl, loc, a);
  }
}

/* PETRARCH dictionaries: PETRARCH-1 gave an actor every agent of its noun
 * phrase. Without a parse, the phrase around the actor is taken as the
 * words next to it that are possessives ('s), articles, numbers or words
 * with no closed-class or dictionary role ("Gondor's main opposition
 * group", "first Deputy Prime Minister Telemar"), and a preposition OF, IN
 * or FROM before the actor ("soldiers from Gondor"). */
static bool np_prep(const struct cl_rec *r, int k) {
  if (k < 0 || k > r->ilex)
    return false;
  const char *t = r->w[k].t;
  return !strcmp(t, "OF") || !strcmp(t, "IN") || !strcmp(t, "FROM");
}

static void np_agent(struct classic *cl, int loc, struct cl_actor *a) {
  struct cl_rec *r = &cl->r;
  int tloc = actor_tail(r, loc);
  int k = tloc + 1;
  for (int n = 0; n < 6; n++) {
    if (Dyad_cl_np_filler(r, k))
      k++;
    else if (wtype(r, k) == W_CONJ && Dyad_cl_np_filler(r, k - 1) &&
             Dyad_cl_np_filler(r, k + 1))
      k++;
    else
      break;
  }
  if (wtype(r, k) == W_AGENT && Dyad_cl_head(r, k, W_AGENT)) {
    a->agtroot = root_at(r, k);
    a->agtloc = k;
    a->agent = agent_code(cl, k);
    return;
  }
  k = loc - 1;
  if (np_prep(r, k))
    k--;
  for (int n = 0;
       n < 4 && Dyad_cl_np_filler(r, k) && !Dyad_cl_tail(r, k, W_AGENT); n++)
    k--;
  if (wtype(r, k) == W_AGENT && Dyad_cl_tail(r, k, W_AGENT)) {
    int s = k;
    while (s >= 0 && !Dyad_cl_head(r, s, W_AGENT))
      --s;
    if (s >= 0) {
      a->agtroot = root_at(r, s);
      a->agtloc = s;
      a->agent = agent_code(cl, s);
    }
  }
}

static int find_actor(struct classic *cl, int loc, struct cl_actor *a) {
  struct cl_rec *r = &cl->r;
  while (loc <= r->cl1) {
    if (wtype(r, loc) == W_ACTOR && Dyad_cl_head(r, loc, W_ACTOR)) {
      actor_codes(cl, a, loc);
      find_agent(cl, loc, a);
      return loc;
    }
    ++loc;
  }
  return -1;
}

static int back_actor(struct classic *cl, int loc, struct cl_actor *a) {
  struct cl_rec *r = &cl->r;
  while (loc >= r->cl0) {
    if (wtype(r, loc) == W_ACTOR) {
      bool found;
      loc = actor_head(r, loc, &found);
      if (!found)
        return -1;
      actor_codes(cl, a, loc);
      find_agent(cl, loc, a);
      return loc;
    }
    --loc;
  }
  return -1;
}

/* Head of the compound whose tail is at loc (TABARI getCompound), -1. */
static int compound_head(const struct cl_rec *r, int loc) {
  int ix = Dyad_cl_tail_index(r, loc, W_COMPOUND);
  if (!ix)
    return -1;
  int s = loc;
  while (s >= 0 && !Dyad_cl_check_head(r, s, W_COMPOUND, ix))
    --s;
  return s;
}

/* ---- default source and target
 * ------------------------------------------------ */

static void default_source(struct classic *cl, const struct cl_opts *o) {
  struct cl_rec *r = &cl->r;
  zero(&r->src);
  r->src.root = cl->d.root_default + 1;
  r->src.actor = o->def_src_code;
  r->src.where = CL_DEF_WHERE;
  r->reg_src = true;
}

static void default_target(struct classic *cl, const struct cl_opts *o) {
  struct cl_rec *r = &cl->r;
  zero(&r->tgt);
  r->tgt.root = cl->d.root_default + 1;
  r->tgt.actor = o->def_tgt_code;
  r->tgt.where = CL_DEF_WHERE;
  r->reg_tgt = true;
}

static void regular_source(struct classic *cl, const struct cl_opts *o,
                           int index) {
  struct cl_rec *r = &cl->r;
  int loc = r->cl0;
  for (;;) {
    struct cl_actor a;
    zero(&a);
    int at = find_actor(cl, loc, &a);
    if (at < 0)
      break;
    if (o->def_prior && at > index) {
      default_source(cl, o);
      return;
    }
    if (!equal(&a, &r->tgt)) {
      r->src = a;
      r->reg_src = true;
      return;
    }
    loc = at + 1;
  }
  if (o->def_src)
    default_source(cl, o);
}

static void regular_target(struct classic *cl, const struct cl_opts *o,
                           int index) {
  struct cl_rec *r = &cl->r;
  int loc = index + 1;
  for (;;) {
    struct cl_actor a;
    zero(&a);
    int at = find_actor(cl, loc, &a);
    if (at < 0)
      break;
    if (!equal(&a, &r->src)) {
      r->tgt = a;
      r->reg_tgt = true;
      return;
    }
    loc = at + 1;
  }
  if (o->def_after) {
    default_target(cl, o);
    return;
  }
  loc = index - 1;
  for (;;) {
    struct cl_actor a;
    zero(&a);
    int at = back_actor(cl, loc, &a);
    if (at < 0)
      break;
    if (!equal(&a, &r->src)) {
      r->tgt = a;
      return;
    }
    loc = at - 1;
  }
  if (r->src.index || (r->src.where >= 0 && r->src.where < CL_MAX_SYNT &&
                       r->syn[r->src.where].compd))
    r->tgt = r->src;
  else if (o->def_src)
    default_target(cl, o);
}

/* WAS/WERE/BEEN one or two words before the verb and BY within three
 * words after it. */
static bool check_passive(struct cl_rec *r, int index) {
  if (wtype(r, index + 1) != W_BYWORD && wtype(r, index + 2) != W_BYWORD &&
      wtype(r, index + 3) != W_BYWORD)
    return false;
  bool p = (index > 0 && wtype(r, index - 1) == W_AUXIL) ||
           (index > 1 && wtype(r, index - 2) == W_AUXIL);
  if (p)
    r->passive = true;
  return p;
}

/* ---- events
 * ------------------------------------------------------------------------ */

static void put_event(struct classic *cl, uint32_t evcode, uint32_t pat,
                      uint32_t ent, int index, const struct cl_actor *s,
                      const struct cl_actor *t) {
  struct cl_rec *r = &cl->r;
  const struct cl_evcode *ec =
      &VEC_AT(&cl->d.evcodes, struct cl_evcode, evcode);
  ++r->nev;
  if (r->nev >= CL_MAX_EVENTS || (ec->pair && r->nev >= CL_MAX_EVENTS - 1)) {
    --r->nev;
    return;
  }
  if (r->nev > 0)
    r->ev[r->nev - 1].next = r->nev;
  struct cl_event *e = &r->ev[r->nev];
  e->source = s->actor;
  e->srcagt = s->agent;
  e->srcidx = s->index;
  e->srcloc = s->where;
  e->target = t->actor;
  e->taragt = t->agent;
  e->taridx = t->index;
  e->tarloc = t->where;
  e->evtloc = index;
  e->pat = pat;
  e->ent = ent;
  e->fisevt = true;
  e->event = ec->code;
  e->fissub = ec->sub;
  e->fisdom = ec->dom;
  e->notarget = empty(t);
  if (ec->pair) {
    ++r->nev;
    r->ev[r->nev - 1].next = r->nev;
    e = &r->ev[r->nev];
    e->source = t->actor;
    e->srcagt = t->agent;
    e->srcidx = t->index;
    e->srcloc = t->where;
    e->target = s->actor;
    e->taragt = s->agent;
    e->taridx = s->index;
    e->tarloc = s->where;
    e->evtloc = index;
    e->pat = pat;
    e->ent = ent;
    e->fisevt = true;
    e->event = ec->pair;
    e->fissub = ec->psub;
    e->fisdom = ec->pdom;
  }
  e->next = -1;
}

/* The next actor root of a compound after idx, -1 when none. */
static int next_member(const struct cl_rec *r, int idx) {
  ++idx;
  while (idx < CL_DEF_WHERE &&
         (!r->syn[idx].root || r->syn[idx].wtype != W_ACTOR))
    ++idx;
  return idx < CL_DEF_WHERE ? idx : -1;
}

static bool member_last(const struct cl_rec *r, int idx) {
  int k = idx;
  while (k < CL_DEF_WHERE && !Dyad_cl_tail(r, k, W_ACTOR))
    ++k;
  return k >= CL_DEF_WHERE || Dyad_cl_tail(r, k, W_COMPOUND);
}

static bool compd(const struct cl_rec *r, int where) {
  return where >= 0 && where < CL_MAX_SYNT && r->syn[where].compd;
}

static void make_event(struct classic *cl, const struct cl_opts *o,
                       uint32_t evcode, uint32_t pat, uint32_t ent, int index) {
  struct cl_rec *r = &cl->r;
  const struct cl_evcode *ec =
      &VEC_AT(&cl->d.evcodes, struct cl_evcode, evcode);
  if (ec->code == CC_NULL && !ec->sub && !ec->dom && !ec->pair)
    return;
  if (empty(&r->src))
    regular_source(cl, o, index);
  if (empty(&r->tgt))
    regular_target(cl, o, index);
  if (empty(&r->src) || (empty(&r->tgt) && !o->no_dyad))
    return;
  if (r->reg_src && r->reg_tgt && check_passive(r, index)) {
    struct cl_actor t = r->src;
    r->src = r->tgt;
    r->tgt = t;
  }
  if (!compd(r, r->src.where) && !compd(r, r->tgt.where)) {
    put_event(cl, evcode, pat, ent, index, &r->src, &r->tgt);
  } else {
    bool cs = compd(r, r->src.where) &&
              Dyad_cl_check_tail(r, r->src.where, W_COMPOUND);
    int is = cs ? compound_head(r, r->src.where) : r->src.where;
    if (is < 0)
      is = r->src.where;
    uint32_t sagent = 0; /* PETRARCH: an agent before the compound */
    for (int guard = 0; guard < CL_MAX_LEX; guard++) {
      struct cl_actor ts, tt;
      zero(&ts);
      if (is == CL_DEF_WHERE) {
        ts = r->src;
      } else {
        actor_codes(cl, &ts, is);
        find_agent(cl, is, &ts);
        if (cl->d.petrarch) {
          if (ts.agent && ts.agtloc >= 0 && ts.agtloc < is && cs)
            sagent = ts.agent;
          else if (!ts.agent)
            ts.agent = sagent;
        }
      }
      bool ct = compd(r, r->tgt.where) &&
                Dyad_cl_check_tail(r, r->tgt.where, W_COMPOUND);
      int it = ct ? compound_head(r, r->tgt.where) : r->tgt.where;
      if (it < 0)
        it = r->tgt.where;
      for (int g2 = 0; g2 < CL_MAX_LEX; g2++) {
        zero(&tt);
        if (it == CL_DEF_WHERE) {
          tt = r->tgt;
        } else {
          actor_codes(cl, &tt, it);
          find_agent(cl, it, &tt);
        }
        put_event(cl, evcode, pat, ent, index, &ts, &tt);
        if (!ct)
          break;
        it = next_member(r, it);
        if (it < 0)
          goto done;
        if (member_last(r, it))
          ct = false;
      }
      if (!cs)
        break;
      is = next_member(r, is);
      if (is < 0)
        break;
      if (member_last(r, is))
        cs = false;
    }
  }
done:
  if (!r->reg_src)
    zero(&r->src);
  if (!r->reg_tgt)
    zero(&r->tgt);
}

/* ---- pattern matching
 * --------------------------------------------------------- */

static int next_check(struct classic *cl);

static int continue_check(struct classic *cl) {
  struct cl_rec *r = &cl->r;
  if (r->high) {
    if (++r->loc > r->cl1)
      return 0;
  } else {
    if (--r->loc < 0)
      return 0;
  }
  return 2;
}

static int next_check(struct classic *cl) {
  struct cl_rec *r = &cl->r;
  if (r->high) {
    if (r->cond && (r->pp[2] == SL_OR || r->pp[2] == SL_CLOSE)) {
      r->cond = false;
      while (r->pp[0] && r->pp[0] != SL_CLOSE)
        r->pp += 2;
    }
    r->skipmode = (r->pp[1] & CN_FULLSKIP) != 0;
    r->pp += 2;
    if (!r->pp[0])
      return 1;
    if (++r->loc > r->cl1)
      return 0;
  } else {
    r->pp -= 2;
    if (r->pp < r->pthis)
      return 1;
    if (r->cond && (r->pp[0] == SL_OR || r->pp[0] == SL_OPEN)) {
      r->cond = false;
      while (r->pp > r->pthis && r->pp[0] != SL_OPEN)
        r->pp -= 2;
      r->pp -= 2;
    }
    r->skipmode = (r->pp[1] & CN_FULLSKIP) != 0;
    if (--r->loc < 0)
      return 0;
  }
  r->fullmode = !(r->pp[1] & CN_PARTNEXT);
  return 2;
}

static int state_check(struct classic *cl, int result) {
  struct cl_rec *r = &cl->r;
  bool ok = r->fullmode ? result == 2 : result != 0;
  if (ok)
    return next_check(cl);
  return r->skipmode ? continue_check(cl) : 0;
}

static void save_state(struct cl_rec *r) {
  r->cond = true;
  r->cloc = r->loc;
  r->clen = r->lenalt;
  r->cskip = r->skipmode;
}

static void restore_state(struct cl_rec *r) {
  r->loc = r->cloc;
  r->lenalt = r->clen;
  r->skipmode = r->cskip;
}

static void init_cond(struct cl_rec *r) {
  save_state(r);
  r->pp += r->high ? 2 : -2;
}

static void cond_check(struct cl_rec *r, int *state) {
  if (r->high) {
    while (r->pp[0] && r->pp[0] != SL_OR && r->pp[0] != SL_CLOSE)
      r->pp += 2;
    if (r->pp[0] != SL_OR)
      return;
  } else {
    while (r->pp >= r->pthis && r->pp[0] != SL_OR && r->pp[0] != SL_OPEN)
      r->pp -= 2;
    if (r->pp < r->pthis || r->pp[0] != SL_OR)
      return;
  }
  restore_state(r);
  r->pp += r->high ? 2 : -2;
  r->fullmode = !(r->pp[1] & CN_PARTNEXT);
  *state = 2;
}

/* 0 no, 1 partial, 2 exact: is literal `lit` in the list of word loc? */
static int has_litr(const struct cl_rec *r, int loc, int32_t lit) {
  if (loc < 0 || loc >= CL_MAX_SYNT || r->syn[loc].ilit <= 0)
    return 0;
  for (const int32_t *lp = &r->litr[r->syn[loc].ilit]; lp[0]; lp += 2)
    if (lp[0] == lit)
      return lp[1] ? 2 : 1;
  return 0;
}

static int comp_target(struct classic *cl) {
  struct cl_rec *r = &cl->r;
  int32_t tok = r->pp[0];
  bool found = false;
  if (tok >= SL_LIMIT) {
    int m = has_litr(r, r->loc, tok);
    if (m && r->cond)
      r->lenalt += VEC_AT(&cl->d.lits, struct cl_lit, (uint32_t)tok).len;
    return m;
  }
  uint8_t wt = wtype(r, r->loc);
  if (tok == SL_SOURCE && wt == W_ACTOR) {
    r->isrc = actor_head(r, r->loc, &found);
  } else if (tok == SL_TARGET && wt == W_ACTOR) {
    r->itgt = actor_head(r, r->loc, &found);
  } else if (tok == SL_ATTRIB && wt == W_ACTOR) {
    r->iatt = actor_head(r, r->loc, &found);
  } else if (tok == SL_SKIP && wt == W_ACTOR) {
    if (r->high) {
      actor_head(r, r->loc, &found);
      if (found)
        r->loc = actor_tail(r, r->loc);
    } else {
      r->loc = actor_head(r, r->loc, &found);
    }
  } else if (tok == SL_COMPOUND && Dyad_cl_head(r, r->loc, W_COMPOUND)) {
    int s = Dyad_cl_check_tail(r, r->loc, W_COMPOUND) ? r->loc : -1;
    r->icmp = s;
    found = s >= 0;
  }
  return found ? 2 : 0;
}

static int comp_synset(struct classic *cl, int depth);

/* A synonym set member matched at the current word; the word position and
 * pattern position are restored afterwards (TABARI checksubPattern). */
static int check_sub(struct classic *cl, const struct cl_pat *p, int depth) {
  struct cl_rec *r = &cl->r;
  const int32_t *spp = r->pp, *sthis = r->pthis;
  int sloc = r->loc;
  int state = 2, result;
  r->pthis = r->pp = cl_cells(&cl->d, p->phrase);
  while (state == 2) {
    if (r->pp[1] & CN_SYN) {
      if (r->high) {
        result = comp_synset(cl, depth + 1);
      } else {
        save_state(r);
        int more = 1;
        result = 0;
        while (more) {
          result = comp_synset(cl, depth + 1);
          more = result ? 0 : continue_check(cl);
        }
        if (!result) {
          r->cond = false;
          restore_state(r);
        }
      }
    } else {
      result = comp_target(cl);
    }
    state = state_check(cl, result);
  }
  r->pp = spp;
  r->pthis = sthis;
  r->loc = sloc;
  return state ? 2 : 0;
}

static int comp_synset(struct classic *cl, int depth) {
  struct cl_rec *r = &cl->r;
  const struct cl_dict *d = &cl->d;
  if (depth > 16)
    return 0;
  uint32_t root = (uint32_t)r->pp[0];
  if (root >= d->roots.len || cl_root(d, root)->ent == CL_NONE)
    return 0;
  for (uint32_t pi = cl_ent(d, cl_root(d, root)->ent)->pats; pi != CL_NONE;
       pi = cl_pat(d, pi)->next) {
    int m = check_sub(cl, cl_pat(d, pi), depth);
    if (m)
      return m;
  }
  return 0;
}

/* TABARI checkPattern: the part after '*' from the end of the root at loc,
 * then the part before it from its start. */
static bool check_pattern(struct classic *cl, const struct cl_pat *p, int loc,
                          uint8_t wt) {
  struct cl_rec *r = &cl->r;
  const int32_t *ph = cl_cells(&cl->d, p->phrase);
  r->lenalt = 0;
  r->cond = false;
  r->pthis = r->pp = ph;
  r->loc = loc;
  while (r->pp[0] && r->pp[0] != SL_VERB)
    r->pp += 2;
  if (!r->pp[0])
    return false;
  const int32_t *pverb = r->pp;
  while (wtype(r, r->loc) != W_HALT && r->loc < r->isynt &&
         !Dyad_cl_tail(r, r->loc, wt))
    ++r->loc;
  r->high = true;
  int state = next_check(cl), result;
  while (state == 2) {
    if (r->pp[1] & CN_SYN) {
      result = comp_synset(cl, 0);
    } else {
      if (r->pp[0] == SL_OPEN)
        init_cond(r);
      result = comp_target(cl);
    }
    state = state_check(cl, result);
    if (!state && r->cond)
      cond_check(r, &state);
  }
  if (!state)
    return false;
  if (pverb == ph)
    return true;
  r->high = false;
  r->pp = pverb;
  r->loc = loc;
  state = next_check(cl);
  while (state == 2) {
    if (r->pp[1] & CN_SYN) {
      save_state(r);
      int more = 1;
      result = 0;
      while (more) {
        result = comp_synset(cl, 0);
        more = result ? 0 : continue_check(cl);
      }
      if (!result) {
        r->cond = false;
        restore_state(r);
      }
    } else {
      if (r->pp[0] == SL_CLOSE)
        init_cond(r);
      result = comp_target(cl);
    }
    state = state_check(cl, result);
    if (!state && r->cond)
      cond_check(r, &state);
  }
  return state != 0;
}

/* ---- verbs
 * ------------------------------------------------------------------------- */

static void do_verb(struct classic *cl, const struct cl_opts *o, int index) {
  struct cl_rec *r = &cl->r;
  const struct cl_dict *d = &cl->d;
  zero(&r->tgt);
  if (r->passive) {
    zero(&r->src);
    r->passive = false;
  }
  uint32_t root = root_at(r, index);
  if (!root || cl_root(d, root - 1)->ent == CL_NONE)
    return;
  uint32_t ent = cl_root(d, root - 1)->ent;
  const struct cl_ent *e = cl_ent(d, ent);
  uint32_t pats = e->patent != CL_NONE ? cl_ent(d, e->patent)->pats : e->pats;
  bool gotpat = false, gotalt = false, make = false;
  int old = r->nev, maxlen = 0;
  for (uint32_t pi = pats; pi != CL_NONE && !gotpat; pi = cl_pat(d, pi)->next) {
    const struct cl_pat *p = cl_pat(d, pi);
    if (gotalt && p->length <= maxlen) {
      gotpat = true; /* nothing shorter can beat the alternatives' match */
      break;
    }
    r->isrc = r->itgt = r->iatt = r->icmp = -1;
    if (!check_pattern(cl, p, index, W_VERB))
      continue;
    if (r->lenalt) {
      gotalt = true;
      if (p->length + r->lenalt > maxlen) {
        make = true;
        maxlen = p->length - p->maxalt + r->lenalt;
      }
    } else {
      gotalt = false;
      gotpat = true;
      make = true;
    }
    if (make) {
      if (r->isrc >= 0) {
        actor_codes(cl, &r->src, r->isrc);
        find_agent(cl, r->isrc, &r->src);
      }
      if (r->itgt >= 0) {
        actor_codes(cl, &r->tgt, r->itgt);
        find_agent(cl, r->itgt, &r->tgt);
      }
      if (r->icmp >= 0) {
        actor_codes(cl, &r->src, r->icmp);
        actor_codes(cl, &r->tgt, r->icmp);
      }
      r->nev = old;
      make_event(cl, o, p->code, pi, ent, index);
      make = false;
    }
  }
  if (!gotpat && e->code) {
    r->isrc = r->itgt = r->iatt = r->icmp = -1;
    make_event(cl, o, e->code, CL_NONE, ent, index);
  }
}

static void check_verbs(struct classic *cl, const struct cl_opts *o) {
  struct cl_rec *r = &cl->r;
  zero(&r->src);
  r->passive = false;
  r->cl0 = 0;
  r->cl1 = -1;
  int start = -1;
  while (clause_bounds(r)) {
    if (r->cl1 - r->cl0 < 2)
      continue;
    if (r->cl0 && Dyad_cl_head(r, r->cl0, W_ACTOR))
      actor_codes(cl, &r->src, r->cl0);
    zero(&r->tgt);
    int index = r->cl0;
    bool got = false;
    if (o->code_by == 0)
      start = r->nev;
    while (index <= r->cl1) {
      if (Dyad_cl_skip_segment(r, &index, W_SUBORD))
        continue;
      if (Dyad_cl_head(r, index, W_VERB)) {
        do_verb(cl, o, index);
        if (o->code_by < 2) {
          for (int e = start + 1; e <= r->nev; ++e)
            if (r->ev[e].fisevt && !r->ev[e].fissub) {
              got = true;
              if (o->code_by == 1)
                return;
              break;
            }
        }
      }
      if (got)
        break;
      ++index;
    }
  }
}

/* ---- time shifts
 * ------------------------------------------------------------------ */

/* Applies a time code; false for a null code (look further). */
static bool shift_date(struct classic *cl, uint32_t tcode) {
  struct cl_rec *r = &cl->r;
  if (r->shifted)
    return true;
  if (tcode >= cl->d.times.len)
    return false;
  const struct cl_time *t = &VEC_AT(&cl->d.times, struct cl_time, tcode);
  if (t->special == CC_DISCARD) {
    r->discard = true;
    return true;
  }
  if (t->special == CC_COMPLEX) {
    r->complex = true;
    return true;
  }
  if (t->special)
    return false;
  r->julian += t->shift;
  r->shifted = r->julian;
  return true;
}

static void check_time(struct classic *cl) {
  struct cl_rec *r = &cl->r;
  const struct cl_dict *d = &cl->d;
  for (int k = 0; k < r->isynt; k++) {
    if (!Dyad_cl_head(r, k, W_TIME))
      continue;
    uint32_t root = root_at(r, k);
    if (!root || cl_root(d, root - 1)->ent == CL_NONE)
      continue;
    const struct cl_ent *e = cl_ent(d, cl_root(d, root - 1)->ent);
    for (uint32_t pi = e->pats; pi != CL_NONE; pi = cl_pat(d, pi)->next) {
      r->isrc = r->itgt = r->iatt = r->icmp = -1;
      r->cl0 = 0;
      r->cl1 = r->ilex;
      if (check_pattern(cl, cl_pat(d, pi), k, W_TIME) &&
          shift_date(cl, cl_pat(d, pi)->code))
        return;
    }
    if (shift_date(cl, e->code))
      return;
    while (k < r->isynt && !Dyad_cl_tail(r, k, W_TIME))
      ++k;
  }
}

/* ---- dominant, subordinate, compounds, duplicates
 * ---------------------------- */

static void evaluate_events(struct cl_rec *r) {
  bool nonsub = false, dom = false, hasnull = false;
  for (int k = 0; k <= r->nev; ++k) {
    struct cl_event *e = &r->ev[k];
    if (e->event == CC_NULL) {
      e->fisevt = false;
      e->fissub = true;
      hasnull = true;
    }
    if (e->event == CC_DISCARD) {
      r->has_discard = true;
      break;
    }
    if (e->event == CC_COMPLEX || e->source == CC_COMPLEX ||
        e->target == CC_COMPLEX) {
      r->has_complex = true;
      break;
    }
    if (e->fisdom) {
      dom = nonsub = true;
      break;
    }
    if (!nonsub && !e->fissub)
      nonsub = true;
  }
  if (dom) {
    for (int k = 0; k <= r->nev; ++k)
      if (!r->ev[k].fisdom)
        r->ev[k].fisevt = false;
  } else if (nonsub) {
    for (int k = 0; k <= r->nev; ++k)
      if (r->ev[k].fissub)
        r->ev[k].fisevt = false;
  }
  if (dom || nonsub || hasnull) {
    int n = 0;
    for (int k = 0; k <= r->nev; ++k)
      if (r->ev[k].fisevt)
        r->ev[n++] = r->ev[k];
    r->nev = n - 1;
    for (int k = 0; k < n; k++)
      r->ev[k].next = k + 1 < n ? k + 1 : -1;
  }
}

static bool same_actors(const struct cl_event *e) {
  if (e->source <= CC_BLANK || (e->target <= CC_BLANK && !e->notarget))
    return true;
  return e->source == e->target && e->srcagt == e->taragt;
}

static bool event_dup(const struct cl_rec *r, int i) {
  const struct cl_event *e = &r->ev[i];
  for (int k = 0; k < i; k++) {
    const struct cl_event *x = &r->ev[k];
    if (x->source == e->source && x->srcagt == e->srcagt &&
        x->target == e->target && x->taragt == e->taragt &&
        x->event == e->event)
      return true;
  }
  return false;
}

/* The (actor, agent) items of a coded compound on the record's date. */
static uint32_t compound_items(const struct classic *cl, uint32_t acode,
                               const struct cl_aitem **items) {
  const struct cl_dict *d = &cl->d;
  *items = NULL;
  if (!acode || acode > d->acodes.len)
    return 0;
  const struct cl_acode *a = &VEC_AT(&d->acodes, struct cl_acode, acode - 1);
  for (uint32_t i = 0; i < a->nblocks; i++) {
    const struct cl_ablock *b =
        &VEC_AT(&d->ablocks, struct cl_ablock, a->blocks + i);
    long j = cl->r.julian;
    bool ok = b->kind == AB_ANY || (b->kind == AB_BEFORE && j < b->d1) ||
              (b->kind == AB_AFTER && j > b->d1) ||
              (b->kind == AB_RANGE && j >= b->d1 && j <= b->d2);
    if (ok && b->nitems) {
      *items = &VEC_AT(&d->aitems, struct cl_aitem, b->items);
      return b->nitems;
    }
  }
  return 0;
}

static void expand_compounds(struct classic *cl) {
  struct cl_rec *r = &cl->r;
  int ievt = r->nev;
  int last = -1;
  int n0 = r->nev;
  for (int k = 0; k <= n0; ++k) {
    if (last >= 0)
      r->ev[last].next = k;
    last = k;
    int inext = r->ev[k].next;
    if (!r->ev[k].srcidx)
      continue;
    const struct cl_aitem *it;
    uint32_t n = compound_items(cl, r->ev[k].srcidx, &it);
    r->ev[k].srcidx = 0;
    if (n) {
      r->ev[k].source = it[0].actor;
      r->ev[k].srcagt = it[0].agent;
    }
    for (uint32_t i = 1; i < n; i++) {
      if (++ievt >= CL_MAX_EVENTS) {
        r->nev = ievt - 1;
        return;
      }
      r->ev[last].next = ievt;
      r->ev[ievt] = r->ev[k];
      r->ev[ievt].source = it[i].actor;
      r->ev[ievt].srcagt = it[i].agent;
      r->ev[ievt].srcidx = 0;
      r->ev[ievt].next = inext;
      last = ievt;
    }
  }
  r->nev = ievt;
  last = -1;
  int k = 0;
  while (k >= 0 && r->nev >= 0) {
    if (last >= 0)
      r->ev[last].next = k;
    last = k;
    int inext = r->ev[k].next;
    if (r->ev[k].taridx) {
      const struct cl_aitem *it;
      uint32_t n = compound_items(cl, r->ev[k].taridx, &it);
      r->ev[k].taridx = 0;
      if (n) {
        r->ev[k].target = it[0].actor;
        r->ev[k].taragt = it[0].agent;
      }
      for (uint32_t i = 1; i < n; i++) {
        if (++ievt >= CL_MAX_EVENTS) {
          r->nev = ievt - 1;
          return;
        }
        r->ev[ievt] = r->ev[k];
        r->ev[ievt].target = it[i].actor;
        r->ev[ievt].taragt = it[i].agent;
        r->ev[ievt].taridx = 0;
        if (same_actors(&r->ev[ievt]) || event_dup(r, ievt)) {
          --ievt;
        } else {
          r->ev[last].next = ievt;
          r->ev[ievt].next = inext;
          last = ievt;
        }
      }
    }
    k = inext;
  }
  r->nev = ievt;
}

/* The final list in TABARI's order, without duplicates and self-events. */
static void make_strings(struct classic *cl) {
  struct cl_rec *r = &cl->r;
  int n = 0;
  for (int k = 0, guard = 0; k >= 0 && k <= r->nev && guard <= CL_MAX_EVENTS;
       k = r->ev[k].next, guard++) {
    if (!same_actors(&r->ev[k]) && !event_dup(r, k))
      r->out[n++] = r->ev[k];
    if (n >= CL_MAX_OUT)
      break;
  }
  r->nout = n;
}

/* ---- driver
 * ------------------------------------------------------------------------- */

void Dyad_cl_code(struct classic *cl, const struct cl_opts *o) {
  struct cl_rec *r = &cl->r;
  r->nev = -1;
  r->nout = 0;
  r->has_discard = r->has_complex = false;
  r->reg_src = r->reg_tgt = false;
  r->shifted = 0;
  r->problem = CP_NONE;
  if (r->parse_error) {
    r->problem = CP_INPUT;
    return;
  }
  if (o->time_shift && cl->d.has_time)
    check_time(cl);
  if (r->discard) {
    r->problem = CP_DISCARD;
    return;
  }
  if (r->complex) {
    r->problem = CP_COMPLEX;
    return;
  }
  check_verbs(cl, o);
  if (r->nev < 0) {
    r->problem = CP_NOEVENTS;
    return;
  }
  evaluate_events(r);
  if (r->nev < 0) {
    r->problem = CP_NOEVENTS;
    return;
  }
  if (r->has_discard) {
    r->problem = CP_DISCARD;
    return;
  }
  if (r->has_complex) {
    r->problem = CP_COMPLEX;
    return;
  }
  expand_compounds(cl);
  make_strings(cl);
  if (!r->nout)
    r->problem = CP_NOEVENTS;
}
