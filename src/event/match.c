/*
 * match.c - verb pattern matching (see match.h).
 *
 * The part of a pattern after '*' is matched forward from the verb, the part
 * before it backward from the verb group, by backtracking search: other words
 * may come between elements unless '_' links them (TABARI connectors,
 * TABARI manual §5.7); '$' '+' '%' '^' take actor phrases (a compound counts as
 * one); '&SET' and '{a|b}' are alternatives whose options are element
 * sequences. The search is bounded (depth and steps) so no pattern can make
 * a sentence slow.
 */
#include "match.h"

#include <string.h>

/* ---- pattern matching -------------------------------------------------- */

struct mctx {
  const struct dyad_lexicon *lex;
  const struct sent *s;
  uint32_t lo, hi; /* token bounds */
  int src, tgt;    /* group indexes assigned by $ and + (or -1) */
  bool compound;   /* % matched */
  int steps;       /* work bound */
};

/* A continuation: where to go after an alternative's option matched. */
struct cont {
  const struct lex_pel *els;
  uint32_t k, n; /* forward: next element k; backward: elements [0, k) */
  bool adj;      /* adjacency for that next element */
  const struct cont *up;
};

/* Word element against token q: the same word, or (unless the element is
 * exact) an inflection of it (TABARI's stem match, TABARI manual ch. 5; the
 * inflections are interned by Dyad_lex_finish). */
static bool word_match(const struct mctx *m, const struct lex_pel *e,
                       uint32_t q) {
  uint32_t w = m->s->tok[q].wid;
  if (!e->arg || !w)
    return false;
  if (w == e->arg)
    return true;
  return !e->exact && Dyad_lex_stem(m->lex, w) == e->arg;
}

/* Group starting (fwd) or ending (bwd) at token q, with a code. */
static int group_starting(const struct sent *s, uint32_t q) {
  int g = s->ti[q].group ? (int)s->ti[q].group - 1 : -1;
  if (g >= 0 && s->groups[g].t0 == q && s->groups[g].code)
    return g;
  return -1;
}

static int group_ending(const struct sent *s, uint32_t q1) {
  if (q1 == 0)
    return -1;
  int g = s->ti[q1 - 1].group ? (int)s->ti[q1 - 1].group - 1 : -1;
  if (g >= 0 && s->groups[g].t1 == q1 && s->groups[g].code)
    return g;
  return -1;
}

/* End of a compound starting at group g. */
static uint32_t compound_end(const struct sent *s, int g) {
  uint32_t e = s->groups[g].t1;
  int c = s->groups[g].compound;
  if (c < 0)
    return e;
  for (uint32_t x = (uint32_t)g + 1; x < s->ngroups; x++)
    if (s->groups[x].compound == c)
      e = s->groups[x].t1;
  return e;
}

static uint32_t compound_start(const struct sent *s, int g) {
  uint32_t b = s->groups[g].t0;
  int c = s->groups[g].compound;
  if (c < 0)
    return b;
  for (int x = g; x-- > 0;)
    if (s->groups[x].compound == c)
      b = s->groups[x].t0;
  return b;
}

static bool fwd(struct mctx *m, const struct lex_pel *els, uint32_t k,
                uint32_t n, uint32_t p, bool adj, const struct cont *up,
                int depth);

static bool fwd_next(struct mctx *m, const struct lex_pel *els, uint32_t k,
                     uint32_t n, uint32_t p, const struct cont *up, int depth) {
  bool adj = els[k].conn == PC_NEXT;
  return fwd(m, els, k + 1, n, p, adj, up, depth + 1);
}

static bool fwd(struct mctx *m, const struct lex_pel *els, uint32_t k,
                uint32_t n, uint32_t p, bool adj, const struct cont *up,
                int depth) {
  if (depth > 48 || ++m->steps > 20000)
    return false;
  if (k == n) {
    if (!up)
      return true;
    return fwd(m, up->els, up->k, up->n, p, up->adj, up->up, depth + 1);
  }
  const struct lex_pel *e = &els[k];
  for (uint32_t q = p; q < m->hi; q++) {
    if (q > p && adj)
      break;
    switch (e->type) {
    case PE_WORD:
      if (word_match(m, e, q) && fwd_next(m, els, k, n, q + 1, up, depth))
        return true;
      break;
    case PE_SOURCE:
    case PE_TARGET:
    case PE_COMPOUND:
    case PE_SKIP:
    case PE_ATTRIB: {
      int g = group_starting(m->s, q);
      if (g < 0)
        break;
      if (e->type == PE_COMPOUND && m->s->groups[g].compound < 0)
        break;
      int os = m->src, ot = m->tgt;
      bool oc = m->compound;
      uint32_t end = compound_end(m->s, g);
      if (e->type == PE_SOURCE)
        m->src = g;
      else if (e->type == PE_TARGET)
        m->tgt = g;
      else if (e->type == PE_COMPOUND) {
        m->src = m->tgt = g;
        m->compound = true;
      }
      if (fwd_next(m, els, k, n, end, up, depth))
        return true;
      m->src = os;
      m->tgt = ot;
      m->compound = oc;
      break;
    }
    case PE_ALT: {
      const struct lex_alt *al = &VEC_AT(&m->lex->alts, struct lex_alt, e->arg);
      if (!Dyad_lex_alt_may_start(m->lex, al, m->s->tok[q].wid))
        break;
      struct cont c = {els, k + 1, n, e->conn == PC_NEXT, up};
      for (uint32_t o = 0; o < al->nopts; o++) {
        const struct lex_altopt *op =
            &VEC_AT(&m->lex->alt_opts, struct lex_altopt, al->opts + o);
        const struct lex_pel *oe =
            &VEC_AT(&m->lex->pels, struct lex_pel, op->els);
        if (op->nels && fwd(m, oe, 0, op->nels, q, true, &c, depth + 1))
          return true;
      }
      break;
    }
    default:
      return false;
    }
  }
  return false;
}

/* Backward: match els[0..k) so that element k-1 ends at or before p. */
static bool bwd(struct mctx *m, const struct lex_pel *els, uint32_t k,
                uint32_t p, bool adj, const struct cont *up, int depth);

static bool bwd_next(struct mctx *m, const struct lex_pel *els, uint32_t k,
                     uint32_t p, const struct cont *up, int depth) {
  /* element k-1 matched starting at p; the element before it is k-2 */
  bool adj = k >= 2 && els[k - 2].conn == PC_NEXT;
  return bwd(m, els, k - 1, p, adj, up, depth + 1);
}

static bool bwd(struct mctx *m, const struct lex_pel *els, uint32_t k,
                uint32_t p, bool adj, const struct cont *up, int depth) {
  if (depth > 48 || ++m->steps > 20000)
    return false;
  if (k == 0) {
    if (!up)
      return true;
    return bwd(m, up->els, up->k, p, up->adj, up->up, depth + 1);
  }
  const struct lex_pel *e = &els[k - 1];
  for (uint32_t q1 = p; q1 > m->lo; q1--) {
    if (q1 < p && adj)
      break;
    uint32_t q = q1 - 1; /* token the element ends on */
    switch (e->type) {
    case PE_WORD:
      if (word_match(m, e, q) && bwd_next(m, els, k, q, up, depth))
        return true;
      break;
    case PE_SOURCE:
    case PE_TARGET:
    case PE_COMPOUND:
    case PE_SKIP:
    case PE_ATTRIB: {
      int g = group_ending(m->s, q1);
      if (g < 0)
        break;
      if (e->type == PE_COMPOUND && m->s->groups[g].compound < 0)
        break;
      int os = m->src, ot = m->tgt;
      bool oc = m->compound;
      uint32_t b = compound_start(m->s, g);
      int first = g;
      while (first > 0 && m->s->groups[first].compound >= 0 &&
             m->s->groups[first - 1].compound == m->s->groups[g].compound)
        first--;
      if (e->type == PE_SOURCE)
        m->src = first;
      else if (e->type == PE_TARGET)
        m->tgt = first;
      else if (e->type == PE_COMPOUND) {
        m->src = m->tgt = first;
        m->compound = true;
      }
      if (bwd_next(m, els, k, b, up, depth))
        return true;
      m->src = os;
      m->tgt = ot;
      m->compound = oc;
      break;
    }
    case PE_ALT: {
      const struct lex_alt *al = &VEC_AT(&m->lex->alts, struct lex_alt, e->arg);
      if (!Dyad_lex_alt_may_end(m->lex, al, m->s->tok[q].wid))
        break;
      bool adj_before = k >= 2 && els[k - 2].conn == PC_NEXT;
      struct cont c = {els, k - 1, 0, adj_before, up};
      for (uint32_t o = 0; o < al->nopts; o++) {
        const struct lex_altopt *op =
            &VEC_AT(&m->lex->alt_opts, struct lex_altopt, al->opts + o);
        const struct lex_pel *oe =
            &VEC_AT(&m->lex->pels, struct lex_pel, op->els);
        if (op->nels && bwd(m, oe, op->nels, q1, true, &c, depth + 1))
          return true;
      }
      break;
    }
    default:
      return false;
    }
  }
  return false;
}

/* Code of verb group v in bounds [lo, hi). */
void Dyad_match_verb(const struct dyad_lexicon *lex, const struct sent *s,
                     const struct vgroup *v, uint32_t lo, uint32_t hi,
                     struct vcode *out) {
  const struct lex_verb *lv = &VEC_AT(&lex->verbs, struct lex_verb, v->verb);
  const struct lex_block *bl =
      &VEC_AT(&lex->blocks, struct lex_block, lv->block);
  out->code = Dyad_lex_verb_code(lex, v->verb);
  out->code2 = LEX_NONE;
  out->src = out->tgt = -1;
  out->compound = false;
  out->pattern = LEX_NONE;
  out->rule = lv->src;
  for (uint32_t i = 0; i < bl->npats; i++) {
    uint32_t pi = VEC_AT(&lex->pat_order, uint32_t, bl->pats + i);
    const struct lex_pattern *p =
        &VEC_AT(&lex->patterns, struct lex_pattern, pi);
    if (p->anchors[0] &&
        (!Dyad_sent_has_word(s, p->anchors[0]) ||
         (p->anchors[1] &&
          (!Dyad_sent_has_word(s, p->anchors[1]) ||
           (p->anchors[2] &&
            (!Dyad_sent_has_word(s, p->anchors[2]) ||
             (p->anchors[3] && !Dyad_sent_has_word(s, p->anchors[3]))))))))
      continue; /* a word the pattern needs is not in the sentence */
    const struct lex_pel *els = &VEC_AT(&lex->pels, struct lex_pel, p->els);
    /* find '*' */
    uint32_t star = UINT32_MAX;
    for (uint32_t k = 0; k < p->nels; k++)
      if (els[k].type == PE_VERB) {
        star = k;
        break;
      }
    if (star == UINT32_MAX)
      continue;
    struct mctx m = {lex, s, lo, hi, -1, -1, false, 0};
    bool adj_after = els[star].conn == PC_NEXT;
    if (!fwd(&m, els, star + 1, p->nels, v->t1, adj_after, NULL, 0))
      continue;
    int fs = m.src, ft = m.tgt;
    bool fc = m.compound;
    m.steps = 0;
    bool adj_before =
        star > 0 && (els[star - 1].conn == PC_NEXT || (p->flags & PF_P2));
    /* the pre part is matched against the words before the verb group,
     * skipping its auxiliaries unless the pattern names them */
    if (!bwd(&m, els, star, v->t0, adj_before, NULL, 0) &&
        (v->a0 == v->t0 || !bwd(&m, els, star, v->a0, adj_before, NULL, 0)))
      continue;
    if (m.src < 0)
      m.src = fs;
    if (m.tgt < 0)
      m.tgt = ft;
    out->code = p->code;
    out->code2 = p->code2;
    out->src = m.src;
    out->tgt = m.tgt;
    out->compound = m.compound || fc;
    out->pattern = pi;
    out->rule = p->src;
    return;
  }
}
