/*
 * doc.c - documents, coders and events: the public API of dyad.h around the
 * pipeline, and the driver that runs a story through it (tokens ->
 * sentences -> lexicon match + parse -> events).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../parse/parse.h"
#include "coder.h"

const char *dyad_version(void) {
  return DYAD_VERSION_STRING;
}

const char *dyad_status_str(dyad_status st) {
  switch (st) {
  case DYAD_OK:
    return "ok";
  case DYAD_END:
    return "end of input";
  case DYAD_ERR_NOMEM:
    return "out of memory";
  case DYAD_ERR_IO:
    return "input/output error";
  case DYAD_ERR_ARG:
    return "invalid argument";
  case DYAD_ERR_PARSE:
    return "malformed input";
  case DYAD_ERR_ENCODING:
    return "text is not valid UTF-8";
  case DYAD_ERR_LIMIT:
    return "size limit exceeded";
  case DYAD_ERR_DATE:
    return "malformed date";
  case DYAD_ERR_FORMAT:
    return "unknown format";
  case DYAD_ERR_EMPTY:
    return "no text";
  }
  return "unknown status";
}

char *dyad_error_format(const dyad_error *err, char *buf, size_t size) {
  if (!buf || !size)
    return buf;
  if (!err) {
    buf[0] = '\0';
    return buf;
  }
  size_t k = 0;
  int w;
  if (err->source[0]) {
    w = snprintf(buf, size, "%s:", err->source);
    k = w > 0 ? (size_t)w : 0;
  }
  if (err->line && k < size) {
    w = snprintf(buf + k, size - k, "%u:", err->line);
    k += w > 0 ? (size_t)w : 0;
    if (err->column && k < size) {
      w = snprintf(buf + k, size - k, "%u:", err->column);
      k += w > 0 ? (size_t)w : 0;
    }
  }
  if (k < size)
    snprintf(buf + k, size - k, "%s%s", k ? " " : "",
             err->message[0] ? err->message : dyad_status_str(err->code));
  return buf;
}

/* ---- documents ------------------------------------------------------------
 */

dyad_status dyad_doc_new(dyad_doc **out) {
  if (!out)
    return DYAD_ERR_ARG;
  dyad_doc *d = calloc(1, sizeof *d);
  if (!d)
    return DYAD_ERR_NOMEM;
  Dyad_arena_init(&d->arena, (size_t)1 << 31);
  Dyad_vec_init(&d->tokens, sizeof(struct token));
  Dyad_vec_init(&d->sentences, sizeof(struct sentence));
  Dyad_vec_init(&d->events, sizeof(struct dyad_event));
  Dyad_buf_init(&d->explain, 0);
  d->id = d->source = d->url = d->text = "";
  *out = d;
  return DYAD_OK;
}

void dyad_doc_free(dyad_doc *d) {
  if (!d)
    return;
  Dyad_arena_fini(&d->arena);
  Dyad_vec_fini(&d->tokens);
  Dyad_vec_fini(&d->sentences);
  Dyad_vec_fini(&d->events);
  Dyad_buf_fini(&d->explain);
  free(d);
}

static void doc_clear(dyad_doc *d) {
  Dyad_arena_reset(&d->arena);
  d->tokens.len = d->sentences.len = d->events.len = 0;
  d->explain.len = 0;
  if (d->explain.data)
    d->explain.data[0] = '\0';
  d->discard_reason = NULL;
  d->flags = 0;
  d->id = d->source = d->url = d->text = "";
  d->len = 0;
  d->date = 0;
  d->headline_end = 0;
}

static const char *dup_or_empty(dyad_doc *d, const char *s, size_t n) {
  if (!s || !n)
    return "";
  return Dyad_arena_strndup(&d->arena, s, n);
}

dyad_status dyad_doc_set(dyad_doc *d, const dyad_story *st) {
  if (!d || !st)
    return DYAD_ERR_ARG;
  size_t tl = st->title ? st->title_len : 0, bl = st->text ? st->text_len : 0;
  if (tl > DYAD_MAX_DOC_BYTES || bl > DYAD_MAX_DOC_BYTES ||
      tl + bl + 2 > DYAD_MAX_DOC_BYTES)
    return DYAD_ERR_LIMIT;
  doc_clear(d);
  d->id = dup_or_empty(d, st->id, st->id_len);
  d->source = dup_or_empty(d, st->source, st->source_len);
  d->url = dup_or_empty(d, st->url, st->url_len);
  if (!d->id || !d->source || !d->url)
    return DYAD_ERR_NOMEM;
  d->date = Dyad_date_valid(st->date) ? st->date : 0;
  /* trim the title; the text is kept as given */
  const char *t = st->title;
  while (tl && (t[0] == ' ' || t[0] == '\t' || t[0] == '\r' || t[0] == '\n')) {
    t++;
    tl--;
  }
  while (tl && (t[tl - 1] == ' ' || t[tl - 1] == '\t' || t[tl - 1] == '\r' ||
                t[tl - 1] == '\n'))
    tl--;
  size_t len = tl ? tl + 2 + bl : bl;
  char *text = Dyad_arena_alloc(&d->arena, len + 1);
  if (!text)
    return DYAD_ERR_NOMEM;
  size_t k = 0;
  if (tl) {
    memcpy(text, t, tl);
    k = tl;
    text[k++] = '\n';
    text[k++] = '\n';
    d->headline_end = tl;
  }
  if (bl)
    memcpy(text + k, st->text, bl);
  text[len] = '\0';
  d->text = text;
  d->len = len;
  return DYAD_OK;
}

const char *dyad_doc_id(const dyad_doc *d) {
  return d ? d->id : "";
}
int dyad_doc_date(const dyad_doc *d) {
  return d ? d->date : 0;
}

const char *dyad_doc_text(const dyad_doc *d, size_t *len) {
  if (len)
    *len = d ? d->len : 0;
  return d ? d->text : "";
}

size_t dyad_doc_sentence_count(const dyad_doc *d) {
  return d ? d->sentences.len : 0;
}

void dyad_doc_sentence_span(const dyad_doc *d, size_t i, size_t *start,
                            size_t *end) {
  size_t s = 0, e = 0;
  if (d && i < d->sentences.len) {
    const struct sentence *x = &VEC_AT(&d->sentences, struct sentence, i);
    s = x->start;
    e = x->end;
  }
  if (start)
    *start = s;
  if (end)
    *end = e;
}

const char *dyad_doc_discard_reason(const dyad_doc *d) {
  return d ? d->discard_reason : NULL;
}

const char *dyad_doc_explain(const dyad_doc *d) {
  return d && d->explain.data ? d->explain.data : "";
}

size_t dyad_doc_event_count(const dyad_doc *d) {
  return d ? d->events.len : 0;
}

const dyad_event *dyad_doc_event(const dyad_doc *d, size_t i) {
  if (!d || i >= d->events.len)
    return NULL;
  return &VEC_AT(&d->events, struct dyad_event, i);
}

/* ---- events ----------------------------------------------------------------
 */

const char *dyad_event_source(const dyad_event *e) {
  return e ? e->source : "";
}
const char *dyad_event_target(const dyad_event *e) {
  return e ? e->target : "";
}
const char *dyad_event_code(const dyad_event *e) {
  return e ? e->code : "";
}
const char *dyad_event_root(const dyad_event *e) {
  return e ? e->root : "";
}
int dyad_event_quad_class(const dyad_event *e) {
  return e ? e->quad : 0;
}
double dyad_event_goldstein(const dyad_event *e) {
  return e ? e->goldstein : NAN;
}
size_t dyad_event_sentence(const dyad_event *e) {
  return e ? e->sentence : 0;
}

void dyad_event_span(const dyad_event *e, dyad_span_kind k, size_t *start,
                     size_t *end) {
  size_t s = 0, x = 0;
  if (e && (int)k >= 0 && k <= DYAD_SPAN_VERB) {
    s = e->span[k][0];
    x = e->span[k][1];
  }
  if (start)
    *start = s;
  if (end)
    *end = x;
}

dyad_modality dyad_event_modality(const dyad_event *e) {
  return e ? (dyad_modality)e->modality : DYAD_MOD_FACT;
}

bool dyad_event_negated(const dyad_event *e) {
  return e && e->negated;
}

bool dyad_event_rule(const dyad_event *e, const char **file, unsigned *line) {
  if (!e || !e->rule_file)
    return false;
  if (file)
    *file = e->rule_file;
  if (line)
    *line = e->rule_line;
  return true;
}

const char *dyad_modality_str(dyad_modality m) {
  switch (m) {
  case DYAD_MOD_FACT:
    return "fact";
  case DYAD_MOD_CLAIM:
    return "claim";
  case DYAD_MOD_HEDGED:
    return "hedged";
  case DYAD_MOD_FUTURE:
    return "future";
  case DYAD_MOD_CONDITIONAL:
    return "conditional";
  case DYAD_MOD_NEGATED:
    return "negated";
  }
  return "unknown";
}

/* ---- coders -----------------------------------------------------------------
 */

dyad_status dyad_coder_new(const dyad_lexicon *lex,
                           const dyad_coder_options *opts, dyad_coder **out) {
  if (!lex || !out)
    return DYAD_ERR_ARG;
  dyad_coder *c = calloc(1, sizeof *c);
  if (!c)
    return DYAD_ERR_NOMEM;
  c->lex = lex;
  if (opts)
    c->opt = *opts;
  c->tabari = lex->tabari;
  c->require_dyad = lex->petrarch_config && lex->require_dyad &&
                    c->opt.profile == DYAD_PROFILE_TABARI;
  c->new_actor_length = lex->new_actor_length;
  Dyad_word_index_build(&c->words);
  if (c->opt.profile == DYAD_PROFILE_TABARI) {
    dyad_status st = Dyad_classic_new(lex, &c->classic, NULL);
    if (st != DYAD_OK) {
      free(c);
      return st;
    }
  }
  *out = c;
  return DYAD_OK;
}

void dyad_coder_free(dyad_coder *c) {
  if (c)
    Dyad_classic_free(c->classic);
  free(c);
}

dyad_status dyad_code(dyad_coder *c, dyad_doc *d, dyad_error *err) {
  if (!c || !d)
    return DYAD_ERR_ARG;
  const struct dyad_lexicon *lex = c->lex;
  /* a second call on the same doc starts over */
  d->tokens.len = d->sentences.len = d->events.len = 0;
  d->explain.len = 0;
  if (d->explain.data)
    d->explain.data[0] = '\0'; /* no stale explanation without explain */
  d->discard_reason = NULL;
  d->flags = 0;
  size_t bad = Dyad_utf8_check(d->text, d->len);
  if (bad < d->len) {
    unsigned line, col;
    Dyad_line_col(d->text, d->len, bad, &line, &col);
    Dyad_error_set(err, DYAD_ERR_ENCODING, d->id, line, col,
                   "invalid UTF-8 byte 0x%02X", (unsigned char)d->text[bad]);
    if (err)
      err->offset = bad;
    return DYAD_ERR_ENCODING;
  }
  size_t nonspace = 0;
  for (size_t i = 0; i < d->len && !nonspace; i++)
    if (d->text[i] != ' ' && d->text[i] != '\n' && d->text[i] != '\t' &&
        d->text[i] != '\r')
      nonspace = 1;
  if (!nonspace)
    return Dyad_error_set(err, DYAD_ERR_EMPTY, d->id, 0, 0,
                          "story has no text");
  TRY(Dyad_tokenize(d->text, 0, d->len, &d->arena, &d->tokens));
  struct token *toks = d->tokens.data;
  dyad_status result = DYAD_OK;
  for (size_t i = 0; i < d->tokens.len; i++) {
    toks[i].wid = Dyad_lex_find_word(lex, toks[i].key, toks[i].klen);
    if ((toks[i].flags & TOK_CUT) && result == DYAD_OK) {
      unsigned line, col;
      Dyad_line_col(d->text, d->len, toks[i].start, &line, &col);
      Dyad_error_set(err, DYAD_ERR_LIMIT, d->id, line, col,
                     "word of %u bytes matched on its first %d bytes (limit)",
                     toks[i].end - toks[i].start, TOK_MAX_KEY);
      result = DYAD_ERR_LIMIT;
    }
  }
  TRY(Dyad_split_sentences(toks, d->tokens.len, d->headline_end,
                           &d->sentences));
  int date = d->date ? d->date : c->opt.default_date;
  if (c->opt.profile == DYAD_PROFILE_TABARI) {
    dyad_status cs = Dyad_classic_code(c, d, date, result ? NULL : err);
    return cs == DYAD_OK ? result : cs;
  }
  struct parse_opts po = {date, c->opt.profile == DYAD_PROFILE_TABARI, false,
                          false, &c->words};
  struct discourse dc;
  memset(&dc, 0, sizeof dc);
  int story_discard = -1;
  for (size_t si = 0; si < d->sentences.len; si++) {
    const struct sentence *se = &VEC_AT(&d->sentences, struct sentence, si);
    uint32_t n = se->last - se->first;
    if (n > DYAD_MAX_SENT_TOKENS) {
      if (result == DYAD_OK) { /* the first limit reached is told */
        unsigned line, col;
        Dyad_line_col(d->text, d->len, se->start, &line, &col);
        Dyad_error_set(err, DYAD_ERR_LIMIT, d->id, line, col,
                       "sentence of %u tokens skipped (limit %d)", n,
                       DYAD_MAX_SENT_TOKENS);
      }
      result = DYAD_ERR_LIMIT;
      continue;
    }
    struct sent s;
    po.headline = d->headline_end && se->end <= d->headline_end;
    po.first_body =
        d->headline_end
            ? se->start > d->headline_end &&
                  (si == 0 ||
                   VEC_AT(&d->sentences, struct sentence, si - 1).end <=
                       d->headline_end)
            : si == 0;
    TRY(Dyad_parse(lex, toks + se->first, n, &po, &dc, &d->arena, &s));
    s.index = (uint32_t)si;
    if (s.story_discard >= 0 && story_discard < 0)
      story_discard = s.story_discard;
    if (c->opt.explain) {
      TRY(Dyad_buf_printf(&d->explain, "sentence %zu: %.*s\n", si,
                          (int)(se->end - se->start), d->text + se->start));
      TRY(Dyad_parse_explain(lex, &s, &d->explain));
    }
    if (s.discard >= 0) {
      d->flags |= DOC_DISCARDED;
      if (c->opt.explain) {
        const struct lex_discard *x =
            &VEC_AT(&lex->discards, struct lex_discard, s.discard);
        TRY(Dyad_buf_printf(&d->explain, "  discarded by %s\n",
                            Dyad_lex_cstr(lex, x->name)));
      }
      Dyad_discourse_update(lex, &s, &dc);
      continue;
    }
    size_t before = d->events.len;
    d->ev_first = before;
    d->flags &= ~(unsigned)DOC_EVENTS_CUT;
    TRY(Dyad_code_sentence(c, d, &s, &d->explain));
    if ((d->flags & DOC_EVENTS_CUT) && result == DYAD_OK) {
      unsigned line, col;
      Dyad_line_col(d->text, d->len, se->start, &line, &col);
      Dyad_error_set(err, DYAD_ERR_LIMIT, d->id, line, col,
                     "sentence gave more than %d events: the first %d kept",
                     DYAD_MAX_SENT_EVENTS, DYAD_MAX_SENT_EVENTS);
      result = DYAD_ERR_LIMIT;
    }
    TRY(Dyad_enrich_sentence(c, d, &s, before, date));
    if (s.discard >= 0) {
      d->flags |= DOC_DISCARDED;
      d->events.len = before;
    }
    if (s.complex)
      d->flags |= DOC_COMPLEX;
    if (c->opt.explain) {
      for (size_t k = before; k < d->events.len; k++) {
        const struct dyad_event *e = &VEC_AT(&d->events, struct dyad_event, k);
        TRY(Dyad_buf_printf(&d->explain, "  event: %s %s %s (%s:%u)\n",
                            e->source, e->target[0] ? e->target : "-", e->code,
                            e->rule_file, e->rule_line));
      }
    }
    Dyad_discourse_update(lex, &s, &dc);
  }
  /* a headline event the body tells again (same code, the same or more
   * specific actors) is reported once, from the body, where its sentence
   * gives the detail */
  if (d->headline_end && c->opt.profile != DYAD_PROFILE_TABARI) {
    size_t w = 0;
    for (size_t k = 0; k < d->events.len; k++) {
      const struct dyad_event *e = &VEC_AT(&d->events, struct dyad_event, k);
      const struct sentence *se =
          &VEC_AT(&d->sentences, struct sentence, e->sentence);
      bool repeated = false;
      if (se->end <= d->headline_end) {
        for (size_t j = k + 1; j < d->events.len && !repeated; j++) {
          const struct dyad_event *f =
              &VEC_AT(&d->events, struct dyad_event, j);
          const struct sentence *sf =
              &VEC_AT(&d->sentences, struct sentence, f->sentence);
          /* the same code between the same countries: headlines name
           * actors loosely ("Burkina Faso junta" BFAMIL, "Burkina Faso's
           * military government" BFAGOVMIL in the lead); an empty target
           * in the headline is one the lead may name */
          repeated = sf->end > d->headline_end &&
                     strncmp(e->source, f->source, 3) == 0 &&
                     (!e->target[0] || strncmp(e->target, f->target, 3) == 0) &&
                     strcmp(e->code, f->code) == 0;
        }
      }
      if (repeated) {
        if (c->opt.explain)
          TRY(Dyad_buf_printf(
              &d->explain,
              "headline event %s %s %s: told again in the body, "
              "reported from there\n",
              e->source, e->target[0] ? e->target : "-", e->code));
        continue;
      }
      if (w != k)
        VEC_AT(&d->events, struct dyad_event, w) = *e;
      w++;
    }
    d->events.len = w;
  }
  if (story_discard >= 0) {
    const struct lex_discard *x =
        &VEC_AT(&lex->discards, struct lex_discard, story_discard);
    d->events.len = 0;
    d->flags |= DOC_DISCARDED;
    const char *name = Dyad_lex_cstr(lex, x->name);
    size_t nl = strlen(name);
    char *r = Dyad_arena_alloc(&d->arena, nl + 32);
    if (r) {
      memcpy(r, "story discarded by +", 20);
      memcpy(r + 20, name, nl + 1);
      d->discard_reason = r;
    } else {
      d->discard_reason = "story discarded";
    }
  }
  return result;
}
