/*
 * classic.c - the TABARI profile's driver (DYAD_PROFILE_TABARI; classic.h):
 * a document is one TABARI record (TABARI codes a record as one unit: its
 * periods are dropped), unless it has paragraphs - a TABARI record never
 * holds an empty line - in which case each sentence is a record of one
 * story. Each record is parsed (cparse.c) and coded (ccode.c) with the
 * options in force (the coder's struct lex_tabari_opts, TABARI manual ch.
 * 8), and its events are written to the document with TABARI's composite
 * actor codes; a discard, a complex record or a record under the minimum
 * length sets the document's flags. FORWARD carries the first actor and
 * compound of a record to pronouns of the next one in the same story.
 */
#include <stdlib.h>
#include <string.h>

#include "../enrich/enrich.h"
#include "../event/coder.h"
#include "classic.h"

dyad_status Dyad_classic_new(const struct dyad_lexicon *lex,
                             struct classic **out, dyad_error *err) {
  struct classic *cl = calloc(1, sizeof *cl);
  if (!cl)
    return DYAD_ERR_NOMEM;
  Dyad_cl_dict_init(&cl->d);
  dyad_status st = Dyad_cl_dict_build(&cl->d, lex, err);
  if (st != DYAD_OK) {
    Dyad_classic_free(cl);
    return st;
  }
  cl->fwd.last_seq = -1;
  *out = cl;
  return DYAD_OK;
}

void Dyad_classic_free(struct classic *cl) {
  if (!cl)
    return;
  Dyad_cl_dict_fini(&cl->d);
  free(cl);
}

/* ---- options ------------------------------------------------------------ */

static uint32_t code_of(struct classic *cl, const struct dyad_lexicon *lex,
                        uint32_t sid) {
  if (sid == LEX_NONE)
    return 0;
  const char *s = Dyad_lex_cstr(lex, sid);
  uint32_t id;
  if (Dyad_cl_intern(&cl->d.codes, s, strlen(s), &id) != DYAD_OK)
    return 0;
  return id;
}

static void make_opts(const struct dyad_coder *c, struct cl_opts *o) {
  struct classic *cl = c->classic;
  const struct lex_tabari_opts *t = &c->tabari;
  bool tab = t->present;
  memset(o, 0, sizeof *o);
  o->code_by = t->code_by;
  int minw = t->min_words > 0 ? t->min_words : (tab ? 8 : 1);
  o->min_lex = minw - 1;
  if (t->comma_off) {
    o->min_sub = o->min_beg = o->min_end = CL_MAX_LEX;
    o->max_sub = o->max_beg = o->max_end = 0;
  } else if (tab || (!t->comma_min && !t->comma_max && !t->comma_emin &&
                     !t->comma_emax && !t->comma_bmin && !t->comma_bmax)) {
    /* TABARI's defaults for what the options leave at 0 */
    o->min_sub = t->comma_min ? t->comma_min : 2;
    o->max_sub = t->comma_max ? t->comma_max : 10;
    o->min_beg = t->comma_bmin ? t->comma_bmin : CL_MAX_LEX;
    o->max_beg = t->comma_bmax;
    o->min_end = t->comma_emin ? t->comma_emin : 2;
    o->max_end = t->comma_emax ? t->comma_emax : 10;
  } else {
    o->min_sub = t->comma_min;
    o->max_sub = t->comma_max;
    o->min_beg = t->comma_bmin;
    o->max_beg = t->comma_bmax;
    o->min_end = t->comma_emin;
    o->max_end = t->comma_emax;
  }
  o->cx_verbs = t->complex_verbs;
  o->cx_actors = t->complex_actors;
  o->cx_conj = t->complex_conj;
  o->cx_pronouns = t->complex_pronouns;
  o->cx_comma = t->complex_comma;
  o->cx_preact = t->noactprior;
  o->convert_agents = t->convert_agents;
  o->time_shift = t->time_shift;
  o->def_src = t->default_source != LEX_NONE;
  o->def_tgt = t->default_target != LEX_NONE;
  o->def_src_code = code_of(cl, c->lex, t->default_source);
  o->def_tgt_code = code_of(cl, c->lex, t->default_target);
  o->def_prior = o->def_src && t->default_prior;
  o->def_after = o->def_tgt && t->default_after;
  o->no_dyad = cl->d.petrarch && !c->require_dyad;
}

/* FORWARD: the positions of the story and sentence numbers in a record
 * id, as the format string gives them ("^^*****NNN*SSS": '^' blanks after
 * the date, N story, S sentence). */
static void forward_setup(struct cl_forward *f, const char *fmt) {
  bool on = fmt[0] && strchr(fmt, 'S') && !strstr(fmt, "OFF");
  if (!on) {
    f->on = false;
    return;
  }
  if (!f->on) {
    f->last_seq = -1;
    f->last_id[0] = '\0';
    f->nprev = 0;
  }
  f->on = true;
  f->id_loc = 0;
  while (fmt[f->id_loc] == '^')
    f->id_loc++;
  const char *n = strchr(fmt, 'N'), *s = strchr(fmt, 'S');
  f->story_loc = n ? (int)(n - fmt) : 0;
  f->story_len = 0;
  while (n && n[f->story_len] == 'N')
    f->story_len++;
  f->sent_loc = s ? (int)(s - fmt) : 0;
  f->sent_len = 0;
  while (s && s[f->sent_len] == 'S')
    f->sent_len++;
}

/* May the record with this id use what the previous record left? */
static bool forward_id(struct cl_forward *f, const char *id) {
  size_t n = strlen(id);
  int sl = f->sent_loc - f->id_loc;
  if (sl < 0 || (size_t)(sl + f->sent_len) > n ||
      (size_t)(f->story_loc + f->story_len) > n) {
    f->last_seq = -1;
    return false;
  }
  if (strncmp(f->last_id + f->story_loc < f->last_id + sizeof f->last_id
                  ? f->last_id + f->story_loc
                  : "",
              id + f->story_loc, (size_t)f->story_len) != 0)
    f->last_seq = -1;
  snprintf(f->last_id, sizeof f->last_id, "%s", id);
  int seq = 0;
  for (int i = 0; i < f->sent_len; i++) {
    char ch = id[sl + i];
    if (ch < '0' || ch > '9')
      break;
    seq = seq * 10 + (ch - '0');
  }
  bool can = f->last_seq >= 0 && seq == f->last_seq + 1;
  f->last_seq = seq;
  return can;
}

/* ---- output
 * ------------------------------------------------------------------ */

/* TABARI's composite code: "~X" agents follow the actor code, "X~" agents
 * precede it; an agent code already in the actor code at a 3-character
 * boundary is not repeated. */
static const char *composite(struct dyad_doc *d, const struct cl_dict *dict,
                             uint32_t actor, uint32_t agent) {
  const char *a = actor == dict->null_actor ? "---" : cl_code(dict, actor);
  if (!agent)
    return a;
  const char *g = cl_code(dict, agent);
  size_t al = strlen(a), gl = strlen(g);
  char *s = Dyad_arena_alloc(&d->arena, al + gl + 2);
  if (!s)
    return NULL;
  if (g[0] == '~') {
    const char *p = strstr(a, g + 1);
    if (p && (p - a) % 3 == 0)
      return a;
    memcpy(s, a, al);
    memcpy(s + al, g + 1, gl);
    return s;
  }
  size_t tl = gl ? gl - 1 : 0;
  char tmp[64];
  if (tl >= sizeof tmp)
    tl = sizeof tmp - 1;
  memcpy(tmp, g, tl);
  tmp[tl] = '\0';
  const char *p = tl ? strstr(a, tmp) : a;
  size_t k = 0;
  if (!p || (p - a) % 3 != 0) {
    memcpy(s, tmp, tl);
    k = tl;
  }
  memcpy(s + k, a, al + 1);
  return s;
}

/* Byte span of the root at word loc (to its tail tag of `type`). */
static void word_span(const struct cl_rec *r, int loc, int type, uint32_t *b0,
                      uint32_t *b1) {
  *b0 = *b1 = 0;
  if (loc < 0 || loc > r->ilex)
    return;
  int e = loc;
  while (e < r->ilex && !Dyad_cl_tail(r, e, type) &&
         !Dyad_cl_head(r, loc, W_PRONOUN))
    e++;
  *b0 = r->w[loc].b0;
  *b1 = r->w[e].b1;
}

static dyad_status emit(struct classic *cl, const struct dyad_coder *c,
                        struct dyad_doc *d, uint32_t sentence) {
  struct cl_rec *r = &cl->r;
  const struct cl_dict *dict = &cl->d;
  for (int i = 0; i < r->nout; i++) {
    const struct cl_event *e = &r->out[i];
    const char *code = cl_code(dict, e->event);
    if (!code[0] || strlen(code) >= sizeof(((struct dyad_event *)0)->code))
      continue;
    const char *src = composite(d, dict, e->source, e->srcagt);
    const char *tgt = composite(d, dict, e->target, e->taragt);
    if (!src || !tgt)
      return DYAD_ERR_NOMEM;
    if (!tgt[0] && !e->notarget)
      continue;
    struct dyad_event *ev = Dyad_vec_push(&d->events);
    if (!ev)
      return DYAD_ERR_NOMEM;
    ev->source = src;
    ev->target = tgt;
    ev->fatalities = -1; /* unknown until the enrich stage says otherwise */
    ev->wounded = -1;
    ev->place_code = "";
    memcpy(ev->code, code, strlen(code) + 1);
    ev->root[0] = code[0];
    ev->root[1] = code[0] ? code[1] : '\0';
    ev->root[2] = '\0';
    ev->quad = Dyad_cameo_quad(code);
    ev->goldstein = Dyad_cameo_goldstein(code);
    /* PLOVER from the code alone: the profile has no enrich stage */
    Dyad_plover_of(code, &ev->plover, &ev->plover_mode, &ev->plover_context);
    ev->sentence = sentence;
    word_span(r, e->srcloc, W_ACTOR, &ev->span[DYAD_SPAN_SOURCE][0],
              &ev->span[DYAD_SPAN_SOURCE][1]);
    word_span(r, e->tarloc, W_ACTOR, &ev->span[DYAD_SPAN_TARGET][0],
              &ev->span[DYAD_SPAN_TARGET][1]);
    word_span(r, e->evtloc, W_VERB, &ev->span[DYAD_SPAN_VERB][0],
              &ev->span[DYAD_SPAN_VERB][1]);
    ev->modality = DYAD_MOD_FACT;
    ev->negated = false;
    uint32_t file = CL_NONE, line = 0;
    if (e->pat != CL_NONE) {
      file = cl_pat(dict, e->pat)->file;
      line = cl_pat(dict, e->pat)->line;
    } else if (e->ent != CL_NONE) {
      file = cl_ent(dict, e->ent)->file;
      line = cl_ent(dict, e->ent)->line;
    }
    ev->rule_file =
        file < dict->files.len ? VEC_AT(&dict->files, const char *, file) : "";
    ev->rule_line = line;
    ev->event_date = r->shifted ? Dyad_date_from_days(r->shifted) : 0;
  }
  return DYAD_OK;
}

/* ---- PETRARCH discards
 * --------------------------------------------------------- */

/* 1 sentence discard, 2 story discard, 0 none: a discard phrase's words
 * found consecutive in the record. The phrases are found through the
 * literal of each word of the record (cl_lit.discard), so the cost is one
 * look-up per word, not one comparison per phrase and word. */
static int discarded(const struct classic *cl) {
  const struct cl_dict *d = &cl->d;
  const struct cl_rec *r = &cl->r;
  int best = 0;
  for (int k = 0; k <= r->ilex && best < 2; k++) {
    uint32_t lit = Dyad_cl_lit(d, r->w[k].t, r->w[k].n);
    if (!lit)
      continue;
    uint32_t xi = VEC_AT(&d->lits, struct cl_lit, lit).discard;
    for (; xi; xi = VEC_AT(&d->discards, struct cl_discard, xi - 1).next) {
      const struct cl_discard *x = &VEC_AT(&d->discards, struct cl_discard, xi - 1);
      const int32_t *p = cl_cells(d, x->cells);
      int j = 1; /* p[0] is the word's own literal */
      while (p[j] && k + j <= r->ilex) {
        const struct cl_word *w = &r->w[k + j];
        const struct cl_lit *l =
            &VEC_AT(&d->lits, struct cl_lit, (uint32_t)p[j]);
        if (l->len != w->n ||
            memcmp(Dyad_cl_str(&d->litstr, l->str), w->t, w->n) != 0)
          break;
        j++;
      }
      if (!p[j] && (x->story ? 2 : 1) > best)
        best = x->story ? 2 : 1;
    }
  }
  return best;
}

/* ---- records
 * -------------------------------------------------------------------- */

static dyad_status code_record(struct classic *cl, const struct dyad_coder *c,
                               const struct cl_opts *o, struct dyad_doc *d,
                               size_t b0, size_t b1, long julian,
                               uint32_t sentence, bool *story_discard) {
  struct cl_rec *r = &cl->r;
  r->julian = julian;
  Dyad_cl_parse(cl, o, d->text + b0, b1 - b0, (uint32_t)b0);
  if (r->parse_error == PE_TOOSHORT)
    d->flags |= DOC_SHORT;
  if (!r->parse_error && cl->d.discards.len) {
    int x = discarded(cl);
    if (x) {
      d->flags |= DOC_DISCARDED;
      if (x == 2)
        *story_discard = true;
      return DYAD_OK;
    }
  }
  Dyad_cl_code(cl, o);
  if (r->problem == CP_DISCARD)
    d->flags |= DOC_DISCARDED;
  else if (r->problem == CP_COMPLEX)
    d->flags |= DOC_COMPLEX;
  if (r->problem != CP_NONE)
    return DYAD_OK;
  return emit(cl, c, d, sentence);
}

/* True when the text has an empty line between two non-empty ones. */
static bool has_paragraphs(const char *t, size_t n) {
  size_t i = 0;
  while (i < n && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\n'))
    i++;
  bool text = false;
  for (; i < n; i++) {
    if (t[i] != '\n')
      continue;
    size_t j = i + 1;
    while (j < n && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r'))
      j++;
    if (j < n && t[j] == '\n') {
      while (j < n &&
             (t[j] == ' ' || t[j] == '\t' || t[j] == '\r' || t[j] == '\n'))
        j++;
      if (j < n)
        text = true;
      break;
    }
  }
  return text;
}

dyad_status Dyad_classic_code(const struct dyad_coder *c, struct dyad_doc *d,
                              int date, dyad_error *err) {
  struct classic *cl = c->classic;
  (void)err;
  if (!cl)
    return DYAD_ERR_ARG;
  struct cl_opts o;
  make_opts(c, &o);
  forward_setup(&cl->fwd, c->tabari.forward);
  long julian = date && Dyad_date_valid(date) ? Dyad_date_to_days(date) : 0;
  bool story_discard = false;
  if (!has_paragraphs(d->text, d->len)) {
    cl->fwd.can = cl->fwd.on && forward_id(&cl->fwd, d->id);
    TRY(code_record(cl, c, &o, d, 0, d->len, julian, 0, &story_discard));
  } else {
    for (size_t si = 0; si < d->sentences.len; si++) {
      const struct sentence *se = &VEC_AT(&d->sentences, struct sentence, si);
      cl->fwd.can = cl->fwd.on && si > 0;
      TRY(code_record(cl, c, &o, d, se->start, se->end, julian, (uint32_t)si,
                      &story_discard));
    }
  }
  if (story_discard) {
    d->events.len = 0;
    d->flags |= DOC_DISCARDED;
    d->discard_reason = "story discarded";
  }
  return DYAD_OK;
}
