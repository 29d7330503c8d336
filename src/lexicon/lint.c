/*
 * lint.c - dyad_lexicon_lint: checks a compiled lexicon for entries that
 * conflict, repeat, carry codes outside CAMEO 1.1b3 or can never match
 * (pipeline stage "lexicon"; the rules and their severities are those of
 * docs/dictionaries.md, "Lint").
 *
 * Everything is read from the lexicon as the coders see it: a phrase defined
 * twice is two hits at one trie node (the first in file order is the one the
 * parser uses), patterns are compared as compiled element sequences, and the
 * entries the loader dropped are known from its diagnostics, which are
 * passed on with a kind told by their message. Problems are collected, put
 * in file order and handed to the callback; nothing is printed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define OPEN_END 99999999
#define ALT_DEPTH 16 /* inline '{ | }' nesting compared (loader allows 8) */

static const struct {
  const char *name;
  bool error;
} KINDS[] = {
    [DYAD_LINT_LOAD] = {"load", true},
    [DYAD_LINT_LOAD_NOTE] = {"load-note", false},
    [DYAD_LINT_ACTOR_CONFLICT] = {"actor-conflict", true},
    [DYAD_LINT_ACTOR_REPEAT] = {"actor-repeat", false},
    [DYAD_LINT_AGENT_CONFLICT] = {"agent-conflict", true},
    [DYAD_LINT_AGENT_REPEAT] = {"agent-repeat", false},
    [DYAD_LINT_VERB_CONFLICT] = {"verb-conflict", true},
    [DYAD_LINT_VERB_REPEAT] = {"verb-repeat", false},
    [DYAD_LINT_DISCARD_REPEAT] = {"discard-repeat", false},
    [DYAD_LINT_EVENT_CODE] = {"event-code", true},
    [DYAD_LINT_ACTOR_CODE] = {"actor-code", true},
    [DYAD_LINT_DATE_OVERLAP] = {"date-overlap", true},
    [DYAD_LINT_DATE_REPEAT] = {"date-repeat", false},
    [DYAD_LINT_DATE_REVERSED] = {"date-reversed", true},
    [DYAD_LINT_NO_VERB] = {"no-verb", true},
    [DYAD_LINT_TWO_VERBS] = {"two-verbs", true},
    [DYAD_LINT_UNDEFINED_SET] = {"undefined-set", true},
    [DYAD_LINT_EMPTY_OPTION] = {"empty-option", true},
    [DYAD_LINT_SHADOWED] = {"shadowed", true},
    [DYAD_LINT_PATTERN_REPEAT] = {"pattern-repeat", false},
    [DYAD_LINT_CAPTURED] = {"captured", true},
    [DYAD_LINT_CAPTURED_PARTLY] = {"captured-partly", false},
    [DYAD_LINT_DATE_BOUNDARY] = {"date-boundary", false},
};
#define NKINDS (sizeof KINDS / sizeof KINDS[0])

DYAD_EXPORT const char *dyad_lint_kind_name(dyad_lint_kind kind) {
  return (size_t)kind < NKINDS && KINDS[kind].name ? KINDS[kind].name : "?";
}

DYAD_EXPORT bool dyad_lint_kind_is_error(dyad_lint_kind kind) {
  return (size_t)kind < NKINDS ? KINDS[kind].error : true;
}

/* ---- collecting problems --------------------------------------------------
 */

struct item {
  uint32_t file; /* index in lex->files; UINT32_MAX: unknown (sorts last) */
  uint32_t line;
  uint32_t seq; /* order found: keeps a stable sort */
  uint32_t kind;
  uint32_t msg;      /* offset in lint.text */
  const char *fname; /* loader diagnostics: their own file name */
};

struct lint {
  const struct dyad_lexicon *lex;
  struct vec items; /* struct item */
  struct buf text;  /* messages, NUL-separated */
  /* the trie upside down: parent node and word of each node */
  uint32_t *parent, *pword;
  /* per verb: the trie node of its base form (LEX_NONE if none) */
  uint32_t *base_node;
  /* verbs of each block as linked lists: first per block, next per verb */
  uint32_t *block_first, *verb_next;
  bool *time_block; /* blocks of TABARI time words (codes are shifts) */
  char scratch[3][512];
};

static const char *file_name(const struct dyad_lexicon *lex, uint32_t file) {
  return file < lex->files.len ? VEC_AT(&lex->files, char *, file) : "";
}

static dyad_status add(struct lint *L, dyad_lint_kind kind, struct lex_src src,
                       const char *fmt, ...) DYAD_PRINTF(4, 5);
static dyad_status add(struct lint *L, dyad_lint_kind kind, struct lex_src src,
                       const char *fmt, ...) {
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  struct item *it = Dyad_vec_push(&L->items);
  if (!it)
    return DYAD_ERR_NOMEM;
  it->file = src.file < L->lex->files.len ? src.file : UINT32_MAX;
  it->line = src.line;
  it->seq = (uint32_t)(L->items.len - 1);
  it->kind = (uint32_t)kind;
  it->msg = (uint32_t)L->text.len;
  it->fname = NULL;
  TRY(Dyad_buf_put(&L->text, msg, strlen(msg) + 1));
  return DYAD_OK;
}

static int cmp_item(const void *a, const void *b) {
  const struct item *x = a, *y = b;
  if (x->file != y->file)
    return x->file < y->file ? -1 : 1;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* "file:line" of a source, into one of the scratch buffers. */
static const char *where(struct lint *L, int slot, struct lex_src src) {
  snprintf(L->scratch[slot], sizeof L->scratch[slot], "%s:%u",
           file_name(L->lex, src.file), (unsigned)src.line);
  return L->scratch[slot];
}

/* The words of trie node `node`, blank-separated, into scratch `slot`. */
static const char *phrase(struct lint *L, int slot, uint32_t node) {
  const struct dyad_lexicon *lex = L->lex;
  uint32_t path[64];
  size_t n = 0;
  for (uint32_t x = node; x != 0 && x != LEX_NONE && n < 64; x = L->parent[x])
    path[n++] = L->pword[x];
  char *out = L->scratch[slot];
  size_t cap = sizeof L->scratch[slot], k = 0;
  out[0] = '\0';
  while (n > 0) {
    uint32_t wid = path[--n];
    const char *w = wid < lex->words.len
                        ? Dyad_lex_cstr(lex, VEC_AT(&lex->words, uint32_t, wid))
                        : "?";
    size_t wl = strlen(w);
    if (k + wl + 5 >= cap) {
      memcpy(out + k, "...", 4);
      return out;
    }
    if (k)
      out[k++] = ' ';
    memcpy(out + k, w, wl + 1);
    k += wl;
  }
  return out;
}

/* ---- codes ----------------------------------------------------------------
 */

static bool special_code(const char *c) {
  return !strcmp(c, "---") || !strcmp(c, "###") || !strcmp(c, "+++");
}

static bool event_code_ok(const struct dyad_lexicon *lex, uint32_t id) {
  if (id == LEX_NONE)
    return true;
  const char *c = Dyad_lex_cstr(lex, id);
  return !*c || special_code(c) || Dyad_cameo_known(c);
}

/* Actor and agent codes: blocks of three letters A-Z; TABARI compounds
 * "ATL/LEM" are checked part by part. */
static bool actor_code_ok(const char *c) {
  if (special_code(c))
    return true;
  size_t run = 0;
  for (const char *p = c;; p++) {
    if (*p == '/' || !*p) {
      if (run == 0 || run % 3)
        return false;
      if (!*p)
        return true;
      run = 0;
    } else if (*p >= 'A' && *p <= 'Z') {
      run++;
    } else {
      return false;
    }
  }
}

static dyad_status check_event_code(struct lint *L, struct lex_src src,
                                    const char *what, uint32_t code,
                                    uint32_t code2) {
  const struct dyad_lexicon *lex = L->lex;
  uint32_t ids[2] = {code, code2};
  for (int k = 0; k < 2; k++)
    if (!event_code_ok(lex, ids[k]))
      TRY(add(L, DYAD_LINT_EVENT_CODE, src,
              "%s: [%s] is not a CAMEO 1.1b3 event code", what,
              Dyad_lex_cstr(lex, ids[k])));
  return DYAD_OK;
}

static dyad_status check_codes(struct lint *L) {
  const struct dyad_lexicon *lex = L->lex;
  char what[300];
  for (size_t b = 0; b < lex->blocks.len; b++) {
    const struct lex_block *bl = &VEC_AT(&lex->blocks, struct lex_block, b);
    if (L->time_block[b])
      continue;
    snprintf(what, sizeof what, "block %s", Dyad_lex_cstr(lex, bl->name));
    TRY(check_event_code(L, bl->src, what, bl->code, bl->code2));
  }
  for (size_t v = 0; v < lex->verbs.len; v++) {
    const struct lex_verb *vb = &VEC_AT(&lex->verbs, struct lex_verb, v);
    if (vb->code == LEX_NONE ||
        (vb->block < lex->blocks.len && L->time_block[vb->block]))
      continue;
    snprintf(what, sizeof what, "verb \"%s\"", Dyad_lex_cstr(lex, vb->lemma));
    TRY(check_event_code(L, vb->src, what, vb->code, vb->code2));
  }
  for (size_t i = 0; i < lex->patterns.len; i++) {
    const struct lex_pattern *p =
        &VEC_AT(&lex->patterns, struct lex_pattern, i);
    if (p->block < lex->blocks.len && L->time_block[p->block])
      continue;
    TRY(check_event_code(L, p->src, "pattern", p->code, p->code2));
  }
  for (size_t a = 0; a < lex->actors.len; a++) {
    const struct lex_actor *ac = &VEC_AT(&lex->actors, struct lex_actor, a);
    for (uint32_t k = 0; k < ac->ncodes; k++) {
      const struct lex_datecode *d =
          &VEC_AT(&lex->datecodes, struct lex_datecode, ac->codes + k);
      const char *c = Dyad_lex_cstr(lex, d->code);
      if (!actor_code_ok(c))
        TRY(add(L, DYAD_LINT_ACTOR_CODE, ac->src,
                "actor \"%s\": code [%s] is not made of three-letter blocks "
                "A-Z",
                Dyad_lex_cstr(lex, ac->name), c));
    }
  }
  for (size_t g = 0; g < lex->agents.len; g++) {
    const struct lex_agent *ag = &VEC_AT(&lex->agents, struct lex_agent, g);
    const char *c = Dyad_lex_cstr(lex, ag->code);
    if (!actor_code_ok(c))
      TRY(add(L, DYAD_LINT_ACTOR_CODE, ag->src,
              "agent \"%s\": code [%s%s%s] is not made of three-letter "
              "blocks A-Z",
              Dyad_lex_cstr(lex, ag->name), ag->suffix ? "" : "~", c,
              ag->suffix ? "~" : ""));
  }
  return DYAD_OK;
}

/* ---- date ranges ----------------------------------------------------------
 */

static bool dated(const struct lex_datecode *d) {
  return d->from != 0 || d->to != OPEN_END;
}

/* "[CODE 20080409-20110406]", "[CODE >20210611]", "[CODE <19991231]". */
static void fmt_datecode(const struct dyad_lexicon *lex,
                         const struct lex_datecode *d, char *out, size_t cap) {
  const char *c = Dyad_lex_cstr(lex, d->code);
  if (!dated(d))
    snprintf(out, cap, "[%s]", c);
  else if (d->to == OPEN_END)
    snprintf(out, cap, "[%s >%d]", c, d->from);
  else if (d->from == 0)
    snprintf(out, cap, "[%s <%d]", c, d->to);
  else
    snprintf(out, cap, "[%s %d-%d]", c, d->from, d->to);
}

static dyad_status check_dates(struct lint *L) {
  const struct dyad_lexicon *lex = L->lex;
  char a[128], b[128];
  for (size_t i = 0; i < lex->actors.len; i++) {
    const struct lex_actor *ac = &VEC_AT(&lex->actors, struct lex_actor, i);
    const struct lex_datecode *dc =
        &VEC_AT(&lex->datecodes, struct lex_datecode, ac->codes);
    const char *name = Dyad_lex_cstr(lex, ac->name);
    for (uint32_t x = 0; x < ac->ncodes; x++) {
      for (uint32_t y = x + 1; y < ac->ncodes; y++) {
        const struct lex_datecode *p = &dc[x], *q = &dc[y];
        if (dated(p) != dated(q))
          continue; /* an undated code is the default, not a rival */
        bool same = p->code == q->code;
        fmt_datecode(lex, p, a, sizeof a);
        fmt_datecode(lex, q, b, sizeof b);
        if (!dated(p)) {
          TRY(add(L, same ? DYAD_LINT_DATE_REPEAT : DYAD_LINT_DATE_OVERLAP,
                  ac->src,
                  same ? "actor \"%s\": undated code %s given twice"
                       : "actor \"%s\": two undated codes %s and %s; only the "
                         "first is used",
                  name, a, b));
          continue;
        }
        int from = p->from > q->from ? p->from : q->from;
        int to = p->to < q->to ? p->to : q->to;
        if (from > to)
          continue;
        /* a handover: one range ends the day the other starts */
        bool boundary = from == to && (p->to == q->from || q->to == p->from);
        if (same)
          TRY(add(L, DYAD_LINT_DATE_REPEAT, ac->src,
                  "actor \"%s\": %s and %s overlap with the same code; merge "
                  "them",
                  name, a, b));
        else if (boundary)
          TRY(add(L, DYAD_LINT_DATE_BOUNDARY, ac->src,
                  "actor \"%s\": %s and %s share the day %d, where the first "
                  "is used",
                  name, a, b, from));
        else
          TRY(add(L, DYAD_LINT_DATE_OVERLAP, ac->src,
                  "actor \"%s\": %s and %s overlap on %d-%d, where the first "
                  "is used",
                  name, a, b, from, to));
      }
    }
  }
  return DYAD_OK;
}

/* ---- phrases defined twice ------------------------------------------------
 */

/* The undated code of an actor (the default), LEX_NONE if it has none. */
static uint32_t undated_code(const struct dyad_lexicon *lex,
                             const struct lex_actor *a) {
  for (uint32_t k = 0; k < a->ncodes; k++) {
    const struct lex_datecode *d =
        &VEC_AT(&lex->datecodes, struct lex_datecode, a->codes + k);
    if (!dated(d))
      return d->code;
  }
  return LEX_NONE;
}

static bool same_datecodes(const struct dyad_lexicon *lex,
                           const struct lex_actor *a,
                           const struct lex_actor *b) {
  if (a->ncodes != b->ncodes)
    return false;
  for (uint32_t k = 0; k < a->ncodes; k++) {
    const struct lex_datecode *x =
        &VEC_AT(&lex->datecodes, struct lex_datecode, a->codes + k);
    const struct lex_datecode *y =
        &VEC_AT(&lex->datecodes, struct lex_datecode, b->codes + k);
    if (x->code != y->code || x->from != y->from || x->to != y->to)
      return false;
  }
  return true;
}

static void actor_codes_str(const struct dyad_lexicon *lex,
                            const struct lex_actor *a, char *out, size_t cap) {
  uint32_t u = undated_code(lex, a);
  if (u != LEX_NONE) {
    snprintf(out, cap, "[%s]", Dyad_lex_cstr(lex, u));
    return;
  }
  size_t k = 0;
  out[0] = '\0';
  for (uint32_t i = 0; i < a->ncodes && k + 1 < cap; i++) {
    char one[128];
    fmt_datecode(lex,
                 &VEC_AT(&lex->datecodes, struct lex_datecode, a->codes + i),
                 one, sizeof one);
    int w = snprintf(out + k, cap - k, "%s%s", i ? " " : "", one);
    if (w < 0 || (size_t)w >= cap - k)
      break;
    k += (size_t)w;
  }
}

static const char *plural_note(const struct lex_hit *h) {
  return h->flags & LH_PLURAL ? " (a plural)" : "";
}

static dyad_status actor_pair(struct lint *L, uint32_t node,
                              const struct lex_hit *first,
                              const struct lex_hit *h) {
  const struct dyad_lexicon *lex = L->lex;
  const struct lex_actor *a = &VEC_AT(&lex->actors, struct lex_actor,
                                      first->ref),
                         *b = &VEC_AT(&lex->actors, struct lex_actor, h->ref);
  uint32_t ua = undated_code(lex, a), ub = undated_code(lex, b);
  bool same = ua == ub && (ua != LEX_NONE || same_datecodes(lex, a, b));
  char ca[256], cb[256];
  actor_codes_str(lex, a, ca, sizeof ca);
  actor_codes_str(lex, b, cb, sizeof cb);
  return add(
      L, same ? DYAD_LINT_ACTOR_REPEAT : DYAD_LINT_ACTOR_CONFLICT, b->src,
      "actor phrase \"%s\"%s %s of \"%s\" is already%s in \"%s\" %s "
      "(%s)%s",
      phrase(L, 0, node), plural_note(h), cb, Dyad_lex_cstr(lex, b->name),
      plural_note(first), Dyad_lex_cstr(lex, a->name), ca, where(L, 1, a->src),
      same ? "" : ", which is used");
}

static dyad_status agent_pair(struct lint *L, uint32_t node,
                              const struct lex_hit *first,
                              const struct lex_hit *h) {
  const struct dyad_lexicon *lex = L->lex;
  const struct lex_agent *a = &VEC_AT(&lex->agents, struct lex_agent,
                                      first->ref),
                         *b = &VEC_AT(&lex->agents, struct lex_agent, h->ref);
  bool same = a->code == b->code && a->suffix == b->suffix;
  const char *ca = Dyad_lex_cstr(lex, a->code),
             *cb = Dyad_lex_cstr(lex, b->code);
  return add(
      L, same ? DYAD_LINT_AGENT_REPEAT : DYAD_LINT_AGENT_CONFLICT, b->src,
      "agent phrase \"%s\"%s [%s%s%s] is already%s agent \"%s\" "
      "[%s%s%s] (%s)%s",
      phrase(L, 0, node), plural_note(h), b->suffix ? "" : "~", cb,
      b->suffix ? "~" : "", plural_note(first), Dyad_lex_cstr(lex, a->name),
      a->suffix ? "" : "~", ca, a->suffix ? "~" : "", where(L, 1, a->src),
      same ? "" : ", which is used");
}

/* The effective code of a verb as text ("190", "042:043"). */
static void verb_code_str(const struct dyad_lexicon *lex, uint32_t verb,
                          char *out, size_t cap) {
  const struct lex_verb *v = &VEC_AT(&lex->verbs, struct lex_verb, verb);
  uint32_t c = v->code, c2 = v->code2;
  if (c == LEX_NONE) {
    const struct lex_block *b =
        &VEC_AT(&lex->blocks, struct lex_block, v->block);
    c = b->code;
    c2 = b->code2;
  }
  snprintf(out, cap, "%s%s%s", Dyad_lex_cstr(lex, c), c2 == LEX_NONE ? "" : ":",
           c2 == LEX_NONE ? "" : Dyad_lex_cstr(lex, c2));
}

static bool base_form(const struct lex_vform *f, const struct lex_hit *h) {
  if (h->kind == LK_EVNOUN)
    return !(h->flags & LH_PLURAL);
  return (f->form & VF_BASE) != 0;
}

static dyad_status verb_pair(struct lint *L, uint32_t node,
                             const struct lex_vform *fa,
                             const struct lex_vform *fb, bool noun,
                             bool a_listed, bool b_listed) {
  bool both_listed = a_listed && b_listed;
  const struct dyad_lexicon *lex = L->lex;
  const struct lex_verb *a = &VEC_AT(&lex->verbs, struct lex_verb, fa->verb),
                        *b = &VEC_AT(&lex->verbs, struct lex_verb, fb->verb);
  char ca[64], cb[64];
  verb_code_str(lex, fa->verb, ca, sizeof ca);
  verb_code_str(lex, fb->verb, cb, sizeof cb);
  bool same = strcmp(ca, cb) == 0;
  if (same && !both_listed)
    return DYAD_OK;
  const char *ba =
      Dyad_lex_cstr(lex, VEC_AT(&lex->blocks, struct lex_block, a->block).name);
  const char *bb =
      Dyad_lex_cstr(lex, VEC_AT(&lex->blocks, struct lex_block, b->block).name);
  const char *what = noun ? "noun" : "verb";
  char fa_txt[300] = "", fb_txt[300] = "";
  if (!both_listed) {
    /* name the lemma the inflected form comes from */
    const struct lex_verb *iv = a_listed ? b : a;
    snprintf(a_listed ? fb_txt : fa_txt, sizeof fa_txt, " (a form of \"%s\")",
             Dyad_lex_cstr(lex, iv->lemma));
  }
  return add(L, same ? DYAD_LINT_VERB_REPEAT : DYAD_LINT_VERB_CONFLICT, b->src,
             "%s \"%s\"%s [%s] in block %s is already a %s%s of block %s "
             "[%s] (%s)%s",
             what, phrase(L, 0, node), fb_txt, cb, bb, what, fa_txt, ba, ca,
             where(L, 1, a->src), same ? "" : ", which is used");
}

static dyad_status check_node(struct lint *L, uint32_t node) {
  const struct dyad_lexicon *lex = L->lex;
  uint32_t head = VEC_AT(&lex->nodes, struct lex_node, node).hits;
  const struct lex_hit *first_actor = NULL, *first_agent = NULL,
                       *first_disc = NULL;
  for (uint32_t i = head; i != LEX_NONE;
       i = VEC_AT(&lex->hits, struct lex_hit, i).next) {
    const struct lex_hit *h = &VEC_AT(&lex->hits, struct lex_hit, i);
    switch (h->kind) {
    case LK_ACTOR:
      if (!first_actor)
        first_actor = h;
      else if (h->ref != first_actor->ref &&
               (!(h->flags & LH_PLURAL) || !(first_actor->flags & LH_PLURAL)))
        TRY(actor_pair(L, node, first_actor, h));
      break;
    case LK_AGENT:
      if (!first_agent)
        first_agent = h;
      else if (h->ref != first_agent->ref &&
               (!(h->flags & LH_PLURAL) || !(first_agent->flags & LH_PLURAL)))
        TRY(agent_pair(L, node, first_agent, h));
      break;
    case LK_DISCARD:
      if (!first_disc) {
        first_disc = h;
      } else if (h->ref != first_disc->ref) {
        const struct lex_discard *a =
                                     &VEC_AT(&lex->discards, struct lex_discard,
                                             first_disc->ref),
                                 *b = &VEC_AT(&lex->discards,
                                              struct lex_discard, h->ref);
        TRY(add(L, DYAD_LINT_DISCARD_REPEAT, b->src,
                "discard \"%s\" is already listed (%s)%s", phrase(L, 0, node),
                where(L, 1, a->src),
                a->story == b->story ? ""
                : a->story           ? ", there for the whole story"
                                     : ", there for the sentence only"));
      }
      break;
    default:
      break;
    }
  }
  /* verbs and event nouns: a form of two verbs, the lemma as listed of at
   * least one of them; the first in file order is used. A form that is
   * only inflected from both lemmas is no listing and not reported; one
   * inflected from a lemma that another verb lists (FOUND, of FIND) is,
   * when the codes differ. */
  for (int noun = 0; noun < 2; noun++) {
    uint8_t kind = noun ? LK_EVNOUN : LK_VERB;
    const struct lex_vform *first = NULL;
    bool first_base = false;
    for (uint32_t i = head; i != LEX_NONE;
         i = VEC_AT(&lex->hits, struct lex_hit, i).next) {
      const struct lex_hit *h = &VEC_AT(&lex->hits, struct lex_hit, i);
      if (h->kind != kind)
        continue;
      const struct lex_vform *f =
          &VEC_AT(&lex->vforms, struct lex_vform, h->ref);
      bool b = base_form(f, h);
      if (!first) {
        first = f;
        first_base = b;
      } else if (f->verb != first->verb && (b || first_base)) {
        TRY(verb_pair(L, node, first, f, noun, first_base, b));
      }
    }
  }
  return DYAD_OK;
}

/* ---- patterns -------------------------------------------------------------
 */

static bool same_alt(const struct dyad_lexicon *lex, uint32_t a, uint32_t b,
                     int depth);

static bool same_els(const struct dyad_lexicon *lex, uint32_t ea, uint32_t na,
                     uint32_t eb, uint32_t nb, int depth) {
  if (na != nb)
    return false;
  for (uint32_t i = 0; i < na; i++) {
    const struct lex_pel *x = &VEC_AT(&lex->pels, struct lex_pel, ea + i);
    const struct lex_pel *y = &VEC_AT(&lex->pels, struct lex_pel, eb + i);
    if (x->type != y->type || x->conn != y->conn || x->exact != y->exact)
      return false;
    if (x->type == PE_WORD && x->str != y->str)
      return false;
    if (x->type == PE_ALT && !same_alt(lex, x->arg, y->arg, depth + 1))
      return false;
  }
  return true;
}

/* Two alternative groups are the same when they are one synonym set, or
 * unnamed with the same options. Depth is bounded by ALT_DEPTH (inline
 * groups nest at most LD_MAX_DEPTH deep; named sets are not entered). */
static bool same_alt(const struct dyad_lexicon *lex, uint32_t a, uint32_t b,
                     int depth) {
  if (a == b)
    return true;
  if (depth > ALT_DEPTH || a >= lex->alts.len || b >= lex->alts.len)
    return false;
  const struct lex_alt *x = &VEC_AT(&lex->alts, struct lex_alt, a);
  const struct lex_alt *y = &VEC_AT(&lex->alts, struct lex_alt, b);
  if (x->name != LEX_NONE || y->name != LEX_NONE || x->nopts != y->nopts)
    return false;
  for (uint32_t k = 0; k < x->nopts; k++) {
    const struct lex_altopt *o =
        &VEC_AT(&lex->alt_opts, struct lex_altopt, x->opts + k);
    const struct lex_altopt *p =
        &VEC_AT(&lex->alt_opts, struct lex_altopt, y->opts + k);
    if (!same_els(lex, o->els, o->nels, p->els, p->nels, depth))
      return false;
  }
  return true;
}

static void pattern_code_str(const struct dyad_lexicon *lex,
                             const struct lex_pattern *p, char *out,
                             size_t cap) {
  snprintf(out, cap, "%s%s%s%s%s", Dyad_lex_cstr(lex, p->code),
           p->code2 == LEX_NONE ? "" : ":",
           p->code2 == LEX_NONE ? "" : Dyad_lex_cstr(lex, p->code2),
           p->flags & PF_DOMINANT ? "!" : "",
           p->flags & PF_SUBORDINATE ? "?" : "");
}

/* Patterns of a block are sorted longest first, file order within a
 * length, so an identical pattern is in the same run of equal length and
 * the earlier one in the file comes first and is the one tried. */
static dyad_status check_repeats(struct lint *L) {
  const struct dyad_lexicon *lex = L->lex;
  const uint32_t *ord = lex->pat_order.data;
  char ca[64], cb[64];
  for (size_t b = 0; b < lex->blocks.len; b++) {
    const struct lex_block *bl = &VEC_AT(&lex->blocks, struct lex_block, b);
    uint32_t run = bl->pats;
    for (uint32_t i = bl->pats; i < bl->pats + bl->npats; i++) {
      const struct lex_pattern *p =
          &VEC_AT(&lex->patterns, struct lex_pattern, ord[i]);
      if (p->length !=
          VEC_AT(&lex->patterns, struct lex_pattern, ord[run]).length)
        run = i;
      for (uint32_t j = run; j < i; j++) {
        const struct lex_pattern *q =
            &VEC_AT(&lex->patterns, struct lex_pattern, ord[j]);
        if (!same_els(lex, q->els, q->nels, p->els, p->nels, 0))
          continue;
        pattern_code_str(lex, q, ca, sizeof ca);
        pattern_code_str(lex, p, cb, sizeof cb);
        bool same = strcmp(ca, cb) == 0;
        TRY(add(L, same ? DYAD_LINT_PATTERN_REPEAT : DYAD_LINT_SHADOWED, p->src,
                same ? "pattern [%s] of block %s repeats the one at %s"
                     : "pattern [%s] of block %s is the same as the one at %s "
                       "[%s], which is tried first: it is never used",
                cb, Dyad_lex_cstr(lex, bl->name), where(L, 0, q->src), ca));
        break;
      }
    }
  }
  return DYAD_OK;
}

/* A pattern "* W1 W2 ..." whose verb followed by its first words is itself
 * a verb phrase ("VOTE" + "- *~ AGAINST" and the verb "VOTE AGAINST"): the
 * parser takes the longest verb, so those words, when adjacent, are read as
 * the other verb and never come after this pattern's '*'. */
static dyad_status check_captured(struct lint *L) {
  const struct dyad_lexicon *lex = L->lex;
  for (size_t i = 0; i < lex->patterns.len; i++) {
    const struct lex_pattern *p =
        &VEC_AT(&lex->patterns, struct lex_pattern, i);
    if (p->block >= lex->blocks.len || L->time_block[p->block])
      continue;
    const struct lex_pel *els = &VEC_AT(&lex->pels, struct lex_pel, p->els);
    uint32_t star = 0;
    while (star < p->nels && els[star].type != PE_VERB)
      star++;
    if (star + 1 >= p->nels || els[star + 1].type != PE_WORD)
      continue;
    uint8_t kind = p->flags & PF_NOUN ? LK_EVNOUN : LK_VERB;
    size_t nverbs = 0, nadjacent = 0, ndiffer = 0;
    uint32_t ex_node = LEX_NONE, ex_verb = LEX_NONE;
    bool ex_adjacent = false, ex_differs = false;
    char pc[64], vc[64];
    pattern_code_str(lex, p, pc, sizeof pc);
    for (uint32_t v = L->block_first[p->block]; v != LEX_NONE;
         v = L->verb_next[v]) {
      nverbs++;
      uint32_t node = L->base_node[v];
      bool adjacent = els[star].conn == PC_NEXT;
      for (uint32_t k = star + 1; node != LEX_NONE && k < p->nels &&
                                  els[k].type == PE_WORD && els[k].arg;
           k++) {
        node = Dyad_lex_child(lex, node, els[k].arg);
        if (node == LEX_NONE)
          break;
        uint32_t other = LEX_NONE;
        for (uint32_t h = VEC_AT(&lex->nodes, struct lex_node, node).hits;
             h != LEX_NONE && other == LEX_NONE;
             h = VEC_AT(&lex->hits, struct lex_hit, h).next) {
          const struct lex_hit *x = &VEC_AT(&lex->hits, struct lex_hit, h);
          if (x->kind == kind)
            other = VEC_AT(&lex->vforms, struct lex_vform, x->ref).verb;
        }
        if (other != LEX_NONE) {
          if (adjacent)
            nadjacent++;
          verb_code_str(lex, other, vc, sizeof vc);
          bool differs = adjacent && strcmp(vc, pc) != 0;
          if (differs)
            ndiffer++;
          if (ex_node == LEX_NONE || (adjacent && !ex_adjacent) ||
              (differs && !ex_differs)) {
            ex_node = node;
            ex_verb = other;
            ex_adjacent = adjacent;
            ex_differs = differs;
          }
          break;
        }
        adjacent = adjacent && els[k].conn == PC_NEXT;
      }
    }
    /* Words that may come between: the phrase is read as the other verb
     * when adjacent and this pattern serves the separated case, a common
     * and deliberate pairing ("claimed responsibility" / "claimed full
     * responsibility"), so only adjacency makes a pattern dead. */
    bool dead = nadjacent && nadjacent == nverbs;
    /* dead for some verbs only: it matters when the other verb codes the
     * words otherwise than this pattern would */
    if (!dead && !ndiffer)
      continue;
    const struct lex_verb *ov = &VEC_AT(&lex->verbs, struct lex_verb, ex_verb);
    const char *ob = Dyad_lex_cstr(
        lex, VEC_AT(&lex->blocks, struct lex_block, ov->block).name);
    verb_code_str(lex, ex_verb, vc, sizeof vc);
    char extra[96] = "";
    if (!dead)
      snprintf(extra, sizeof extra, "; it still serves %zu of the %zu verbs",
               nverbs - nadjacent, nverbs);
    TRY(add(L, dead ? DYAD_LINT_CAPTURED : DYAD_LINT_CAPTURED_PARTLY, p->src,
            "pattern [%s] of block %s: \"%s\" is a %s of block %s [%s] (%s), "
            "read as that %s first%s",
            pc,
            Dyad_lex_cstr(
                lex, VEC_AT(&lex->blocks, struct lex_block, p->block).name),
            phrase(L, 0, ex_node), kind == LK_EVNOUN ? "noun" : "verb", ob, vc,
            where(L, 1, ov->src), kind == LK_EVNOUN ? "noun" : "verb", extra));
  }
  return DYAD_OK;
}

/* ---- the loader's diagnostics ---------------------------------------------
 */

/* "malformed date restriction in [CODE d1-d2]" where d1 > d2: the loader
 * drops such a code; tell it apart from a malformed one. */
static bool reversed_range(const char *msg) {
  const char *lb = strchr(msg, '[');
  const char *rb = lb ? strchr(lb, ']') : NULL;
  if (!lb || !rb)
    return false;
  char r[64];
  size_t n = 0;
  const char *p = lb + 1;
  while (p < rb && *p != ' ' && *p != '\t')
    p++;
  for (; p < rb && n + 1 < sizeof r; p++)
    if (*p != ' ' && *p != '\t')
      r[n++] = *p;
  r[n] = '\0';
  const char *dash = strchr(r, '-');
  if (!n || r[0] == '<' || r[0] == '>' || !dash)
    return false;
  int from = Dyad_date_parse(r, (size_t)(dash - r));
  int to = Dyad_date_parse(dash + 1, strlen(dash + 1));
  return from && to && from > to;
}

static dyad_lint_kind diag_kind(const char *msg) {
  static const struct {
    const char *text;
    dyad_lint_kind kind;
  } map[] = {
      {"no '*'", DYAD_LINT_NO_VERB},
      {"more than one '*'", DYAD_LINT_TWO_VERBS},
      {"undefined synonym set", DYAD_LINT_UNDEFINED_SET},
      {"empty alternative", DYAD_LINT_EMPTY_OPTION},
      {"empty choice", DYAD_LINT_EMPTY_OPTION},
      {"empty '{ }'", DYAD_LINT_EMPTY_OPTION},
      {"empty member", DYAD_LINT_EMPTY_OPTION},
      {"empty synonym set member", DYAD_LINT_EMPTY_OPTION},
      {"read as Latin-1", DYAD_LINT_LOAD_NOTE},
      {"not supported", DYAD_LINT_LOAD_NOTE},
      {"unknown dictionary key", DYAD_LINT_LOAD_NOTE},
  };
  for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
    if (strstr(msg, map[i].text))
      return map[i].kind;
  if (strstr(msg, "malformed date restriction") && reversed_range(msg))
    return DYAD_LINT_DATE_REVERSED;
  return DYAD_LINT_LOAD;
}

static dyad_status add_diags(struct lint *L) {
  const struct dyad_lexicon *lex = L->lex;
  for (size_t i = 0; i < lex->diags.len; i++) {
    const dyad_error *d = &VEC_AT(&lex->diags, dyad_error, i);
    dyad_lint_kind kind = diag_kind(d->message);
    struct lex_src src = {UINT32_MAX, d->line};
    for (uint32_t f = 0; f < lex->files.len; f++)
      if (!strcmp(VEC_AT(&lex->files, char *, f), d->source)) {
        src.file = f;
        break;
      }
    TRY(add(L, kind, src, "%s%s", d->message,
            kind == DYAD_LINT_DATE_REVERSED
                ? " (the range ends before it starts)"
                : ""));
    struct item *it = &VEC_AT(&L->items, struct item, L->items.len - 1);
    if (src.file == UINT32_MAX)
      it->fname = d->source;
  }
  return DYAD_OK;
}

/* ---- setup ----------------------------------------------------------------
 */

static dyad_status lint_init(struct lint *L, const struct dyad_lexicon *lex) {
  memset(L, 0, sizeof *L);
  L->lex = lex;
  Dyad_vec_init(&L->items, sizeof(struct item));
  Dyad_buf_init(&L->text, 0);
  size_t nn = lex->nodes.len, nv = lex->verbs.len, nb = lex->blocks.len;
  L->parent = calloc(nn + 1, sizeof *L->parent);
  L->pword = calloc(nn + 1, sizeof *L->pword);
  L->base_node = malloc((nv + 1) * sizeof *L->base_node);
  L->verb_next = malloc((nv + 1) * sizeof *L->verb_next);
  L->block_first = malloc((nb + 1) * sizeof *L->block_first);
  L->time_block = calloc(nb + 1, sizeof *L->time_block);
  if (!L->parent || !L->pword || !L->base_node || !L->verb_next ||
      !L->block_first || !L->time_block)
    return DYAD_ERR_NOMEM;
  const struct u64map *e = &lex->edges;
  for (size_t i = 0; i < e->cap; i++) {
    if (e->keys[i] == UINT64_MAX)
      continue;
    uint32_t child = e->vals[i];
    if (child < nn) {
      L->parent[child] = (uint32_t)(e->keys[i] >> 32);
      L->pword[child] = (uint32_t)(e->keys[i] & 0xFFFFFFFFu);
    }
  }
  for (size_t v = 0; v < nv; v++)
    L->base_node[v] = LEX_NONE;
  for (size_t node = 1; node < nn; node++)
    for (uint32_t h = VEC_AT(&lex->nodes, struct lex_node, node).hits;
         h != LEX_NONE; h = VEC_AT(&lex->hits, struct lex_hit, h).next) {
      const struct lex_hit *x = &VEC_AT(&lex->hits, struct lex_hit, h);
      if (x->kind != LK_VERB && x->kind != LK_EVNOUN)
        continue;
      const struct lex_vform *f =
          &VEC_AT(&lex->vforms, struct lex_vform, x->ref);
      if (f->verb < nv && base_form(f, x) && L->base_node[f->verb] == LEX_NONE)
        L->base_node[f->verb] = (uint32_t)node;
    }
  for (size_t b = 0; b < nb; b++)
    L->block_first[b] = LEX_NONE;
  for (size_t v = nv; v-- > 0;) {
    uint32_t b = VEC_AT(&lex->verbs, struct lex_verb, v).block;
    L->verb_next[v] = LEX_NONE;
    if (b < nb) {
      L->verb_next[v] = L->block_first[b];
      L->block_first[b] = (uint32_t)v;
    }
  }
  for (size_t t = 0; t < lex->times.len; t++) {
    uint32_t b = VEC_AT(&lex->times, struct lex_time, t).block;
    if (b < nb)
      L->time_block[b] = true;
  }
  return DYAD_OK;
}

static void lint_fini(struct lint *L) {
  Dyad_vec_fini(&L->items);
  Dyad_buf_fini(&L->text);
  free(L->parent);
  free(L->pword);
  free(L->base_node);
  free(L->verb_next);
  free(L->block_first);
  free(L->time_block);
}

static dyad_status run(struct lint *L) {
  TRY(add_diags(L));
  for (size_t node = 1; node < L->lex->nodes.len; node++)
    TRY(check_node(L, (uint32_t)node));
  TRY(check_codes(L));
  TRY(check_dates(L));
  TRY(check_repeats(L));
  TRY(check_captured(L));
  return DYAD_OK;
}

DYAD_EXPORT dyad_status dyad_lexicon_lint(const dyad_lexicon *lex,
                                          dyad_lint_fn cb, void *user,
                                          size_t *errors, size_t *warnings) {
  if (errors)
    *errors = 0;
  if (warnings)
    *warnings = 0;
  if (!lex)
    return DYAD_ERR_ARG;
  struct lint L;
  dyad_status st = lint_init(&L, lex);
  if (st == DYAD_OK)
    st = run(&L);
  if (st != DYAD_OK) {
    lint_fini(&L);
    return st;
  }
  if (L.items.len > 1)
    qsort(L.items.data, L.items.len, sizeof(struct item), cmp_item);
  size_t ne = 0, nw = 0;
  for (size_t i = 0; i < L.items.len; i++) {
    const struct item *it = &VEC_AT(&L.items, struct item, i);
    dyad_lint_item out;
    out.kind = (dyad_lint_kind)it->kind;
    out.error = dyad_lint_kind_is_error(out.kind);
    out.file = it->fname ? it->fname : file_name(lex, it->file);
    out.line = it->line;
    out.message = L.text.data + it->msg;
    if (out.error)
      ne++;
    else
      nw++;
    if (cb)
      cb(user, &out);
  }
  lint_fini(&L);
  if (errors)
    *errors = ne;
  if (warnings)
    *warnings = nw;
  return DYAD_OK;
}
