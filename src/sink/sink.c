/*
 * sink.c - the sink stage: events of coded documents out as TSV or JSON
 * Lines (the "Sinks" section of dyad.h).
 *
 * Columns follow the event fields of dyad.h in the order GDELT and Phoenix
 * users expect (ids and date, then who-what-whom, then the scale values,
 * then the evidence: span texts, modality, the dictionary rule; then what
 * the enrich stage read: event date, place, fatalities). A sink
 * builds rows in a buffer and hands them to the caller's write function in
 * whole rows, once per document (or every 256 KiB); after a failed write it
 * writes nothing more and reports DYAD_ERR_IO.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../util/util.h"

/* Rows are flushed when the buffer passes this many bytes. */
#define SINK_FLUSH ((size_t)256 << 10)

struct dyad_sink {
  dyad_output_format fmt;
  dyad_write_fn write;
  void *user;
  bool header_done; /* TSV header written */
  bool wrote;       /* a row was written */
  dyad_ontology ontology;
  dyad_status failed; /* sticky DYAD_ERR_IO after a failed write */
  struct buf out;
};

/* TSV header parts: before the codes, the CAMEO and PLOVER columns, the
 * rest (docs/coding.md, "Output"). */
static const char tsv_head[] = "story_id\tstory_date\tsentence\tsource\ttarget";
static const char tsv_cameo[] = "\tcode\troot\tquad_class\tgoldstein";
static const char tsv_plover[] = "\tplover_type\tplover_mode\tplover_context";
static const char tsv_tail[] =
    "\tsource_text\ttarget_text\tverb_text\tmodality\tnegated\trule\t"
    "event_date\tdate_precision\tdate_text\tcountry\tadmin1\tplace\tlat\t"
    "lon\tgeo_precision\tplace_text\tfatalities\twounded\tcount_text\t"
    "count_qualifier\n";

static dyad_status tsv_header(struct dyad_sink *s) {
  TRY(Dyad_buf_puts(&s->out, tsv_head));
  if (s->ontology != DYAD_ONTOLOGY_PLOVER)
    TRY(Dyad_buf_puts(&s->out, tsv_cameo));
  if (s->ontology != DYAD_ONTOLOGY_CAMEO)
    TRY(Dyad_buf_puts(&s->out, tsv_plover));
  return Dyad_buf_puts(&s->out, tsv_tail);
}

dyad_status dyad_ontology_parse(const char *name, dyad_ontology *out) {
  static const char *const names[] = {"both", "cameo", "plover"};
  if (!name || !out)
    return DYAD_ERR_ARG;
  for (int i = 0; i < 3; i++)
    if (strcmp(name, names[i]) == 0) {
      *out = (dyad_ontology)i;
      return DYAD_OK;
    }
  return DYAD_ERR_ARG;
}

dyad_status dyad_sink_set_ontology(dyad_sink *s, dyad_ontology o) {
  if (!s ||
      (o != DYAD_ONTOLOGY_BOTH && o != DYAD_ONTOLOGY_CAMEO &&
       o != DYAD_ONTOLOGY_PLOVER) ||
      s->header_done || s->wrote)
    return DYAD_ERR_ARG;
  s->ontology = o;
  return DYAD_OK;
}

dyad_status dyad_output_format_parse(const char *name,
                                     dyad_output_format *out) {
  if (!name || !out)
    return DYAD_ERR_ARG;
  if (strcmp(name, "tsv") == 0) {
    *out = DYAD_OUTPUT_TSV;
    return DYAD_OK;
  }
  if (strcmp(name, "jsonl") == 0) {
    *out = DYAD_OUTPUT_JSONL;
    return DYAD_OK;
  }
  return DYAD_ERR_ARG;
}

dyad_status dyad_sink_new(dyad_output_format fmt, dyad_write_fn write,
                          void *user, dyad_sink **out) {
  if (out)
    *out = NULL;
  if (!out || !write || (fmt != DYAD_OUTPUT_TSV && fmt != DYAD_OUTPUT_JSONL))
    return DYAD_ERR_ARG;
  struct dyad_sink *s = calloc(1, sizeof *s);
  if (!s)
    return DYAD_ERR_NOMEM;
  s->fmt = fmt;
  s->write = write;
  s->user = user;
  /* one document's rows: its text may be 64 MiB, quoted in every row */
  Dyad_buf_init(&s->out, 0);
  *out = s;
  return DYAD_OK;
}

void dyad_sink_free(dyad_sink *s) {
  if (!s)
    return;
  Dyad_buf_fini(&s->out);
  free(s);
}

bool dyad_write_stdio(void *user, const char *data, size_t len) {
  if (!user)
    return false;
  return len == 0 || fwrite(data, 1, len, (FILE *)user) == len;
}

static dyad_status flush(struct dyad_sink *s) {
  if (s->failed)
    return s->failed;
  if (s->out.len && !s->write(s->user, s->out.data, s->out.len))
    s->failed = DYAD_ERR_IO;
  s->out.len = 0;
  return s->failed;
}

/* ---- fields -------------------------------------------------------------- */

/* JSON string contents; invalid UTF-8 becomes U+FFFD so the line stays
 * valid JSON whatever the input held. */
static dyad_status json_str(struct buf *b, const char *s, size_t n) {
  while (n) {
    size_t ok = Dyad_utf8_check(s, n);
    TRY(Dyad_buf_json_str(b, s, ok));
    if (ok == n)
      break;
    TRY(Dyad_buf_put(b, "\xEF\xBF\xBD", 3));
    s += ok + 1;
    n -= ok + 1;
  }
  return DYAD_OK;
}

static dyad_status json_key_str(struct buf *b, const char *key, const char *s,
                                size_t n) {
  TRY(Dyad_buf_printf(b, ",\"%s\":\"", key));
  TRY(json_str(b, s, n));
  return Dyad_buf_putc(b, '"');
}

/* The event date: the one the text gives, else the story date. */
static int event_date(const dyad_doc *doc, const dyad_event *ev,
                      dyad_date_precision *p) {
  int d = dyad_event_date(ev, p);
  if (!d && *p == DYAD_DATE_STORY)
    d = dyad_doc_date(doc);
  return d;
}

static const char *base_name(const char *path) {
  const char *b = path ? strrchr(path, '/') : NULL;
  return b ? b + 1 : path ? path : "";
}

/* The text of span `k` of `ev`, clamped to the document. */
static void span_text(const dyad_event *ev, dyad_span_kind k, const char *text,
                      size_t len, const char **s, size_t *n) {
  size_t a, e;
  dyad_event_span(ev, k, &a, &e);
  if (a > len)
    a = len;
  if (e > len)
    e = len;
  *s = text + a;
  *n = e > a ? e - a : 0;
}

/* Goldstein with one decimal ("" for NaN); never "-0.0". */
static void goldstein_str(double g, char out[16]) {
  if (isnan(g)) {
    out[0] = '\0';
    return;
  }
  snprintf(out, 16, "%.1f", g);
  if (strcmp(out, "-0.0") == 0)
    memcpy(out, "0.0", 4);
}

/* A byte span of the text, clamped; n = 0 when absent. */
static void clamp(const char *text, size_t len, size_t a, size_t e,
                  const char **s, size_t *n) {
  if (a > len)
    a = len;
  if (e > len)
    e = len;
  *s = text + a;
  *n = e > a ? e - a : 0;
}

/* Everything the enrich stage gave an event, read through dyad.h. */
struct enr {
  int date;
  dyad_date_precision prec;
  const char *dt; /* date text */
  size_t dtn;
  dyad_location loc;
  const char *lt; /* location text */
  size_t ltn;
  int dead, hurt;
  dyad_count_qualifier qual;
  const char *ct; /* count text */
  size_t ctn;
  const char *ptype, *pmode, *pctx;
};

static void enr_get(const dyad_doc *doc, const dyad_event *ev, const char *text,
                    size_t len, struct enr *x) {
  size_t a, e;
  x->date = event_date(doc, ev, &x->prec);
  dyad_event_date_text(ev, &a, &e);
  clamp(text, len, a, e, &x->dt, &x->dtn);
  if (dyad_event_location(ev, &x->loc) && x->loc.end > x->loc.start) {
    clamp(text, len, x->loc.start, x->loc.end, &x->lt, &x->ltn);
  } else if (dyad_event_place(ev, &a, &e, NULL)) {
    clamp(text, len, a, e, &x->lt, &x->ltn);
  } else {
    x->lt = "";
    x->ltn = 0;
  }
  x->dead = dyad_event_fatalities(ev);
  x->hurt = dyad_event_wounded(ev);
  dyad_event_count_text(ev, &a, &e, &x->qual);
  clamp(text, len, a, e, &x->ct, &x->ctn);
  x->ptype = dyad_event_plover(ev, &x->pmode, &x->pctx);
}

/* A coordinate with five decimals ("" for NaN). */
static void coord_str(double v, char out[24]) {
  if (isnan(v))
    out[0] = '\0';
  else
    snprintf(out, 24, "%.5f", v);
}

static dyad_status tsv_str(struct buf *b, const char *s) {
  TRY(Dyad_buf_putc(b, '\t'));
  return Dyad_buf_tsv_str(b, s, strlen(s));
}

static dyad_status tsv_int(struct buf *b, int v) {
  if (v < 0)
    return Dyad_buf_putc(b, '\t');
  return Dyad_buf_printf(b, "\t%d", v);
}

static dyad_status tsv_row(struct dyad_sink *s, const dyad_doc *doc,
                           const dyad_event *ev, const char *text, size_t len) {
  struct buf *b = &s->out;
  const char *id = dyad_doc_id(doc);
  char date[11], gs[16];
  Dyad_date_str(dyad_doc_date(doc), date);
  goldstein_str(dyad_event_goldstein(ev), gs);
  struct enr x;
  enr_get(doc, ev, text, len, &x);
  TRY(Dyad_buf_tsv_str(b, id, strlen(id)));
  TRY(Dyad_buf_printf(b, "\t%s\t%zu", date, dyad_event_sentence(ev)));
  TRY(tsv_str(b, dyad_event_source(ev)));
  TRY(tsv_str(b, dyad_event_target(ev)));
  if (s->ontology != DYAD_ONTOLOGY_PLOVER) {
    TRY(tsv_str(b, dyad_event_code(ev)));
    TRY(tsv_str(b, dyad_event_root(ev)));
    TRY(Dyad_buf_printf(b, "\t%d\t%s", dyad_event_quad_class(ev), gs));
  }
  if (s->ontology != DYAD_ONTOLOGY_CAMEO) {
    TRY(tsv_str(b, x.ptype));
    TRY(tsv_str(b, x.pmode));
    TRY(tsv_str(b, x.pctx));
  }
  static const dyad_span_kind kinds[3] = {DYAD_SPAN_SOURCE, DYAD_SPAN_TARGET,
                                          DYAD_SPAN_VERB};
  for (int i = 0; i < 3; i++) {
    const char *t;
    size_t n;
    span_text(ev, kinds[i], text, len, &t, &n);
    TRY(Dyad_buf_putc(b, '\t'));
    TRY(Dyad_buf_tsv_str(b, t, n));
  }
  TRY(Dyad_buf_printf(b, "\t%s\t%d\t",
                      dyad_modality_str(dyad_event_modality(ev)),
                      dyad_event_negated(ev) ? 1 : 0));
  const char *file;
  unsigned line;
  if (dyad_event_rule(ev, &file, &line)) {
    const char *bn = base_name(file);
    TRY(Dyad_buf_tsv_str(b, bn, strlen(bn)));
    TRY(Dyad_buf_printf(b, ":%u", line));
  }
  Dyad_date_str(x.date, date);
  TRY(tsv_str(b, date));
  TRY(tsv_str(b, x.date || x.prec != DYAD_DATE_STORY
                     ? dyad_date_precision_str(x.prec)
                     : "unknown"));
  TRY(Dyad_buf_putc(b, '\t'));
  TRY(Dyad_buf_tsv_str(b, x.dt, x.dtn));
  TRY(tsv_str(b, x.loc.country));
  TRY(tsv_str(b, x.loc.admin1));
  TRY(tsv_str(b, x.loc.place));
  char la[24], lo[24];
  coord_str(x.loc.lat, la);
  coord_str(x.loc.lon, lo);
  TRY(Dyad_buf_printf(b, "\t%s\t%s", la, lo));
  TRY(tsv_str(b, dyad_geo_precision_str(x.loc.precision)));
  TRY(Dyad_buf_putc(b, '\t'));
  TRY(Dyad_buf_tsv_str(b, x.lt, x.ltn));
  TRY(tsv_int(b, x.dead));
  TRY(tsv_int(b, x.hurt));
  TRY(Dyad_buf_putc(b, '\t'));
  TRY(Dyad_buf_tsv_str(b, x.ct, x.ctn));
  TRY(tsv_str(b, dyad_count_qualifier_str(x.qual)));
  return Dyad_buf_putc(b, '\n');
}

static dyad_status json_span(struct buf *b, const char *key,
                             const dyad_event *ev, dyad_span_kind k) {
  size_t a, e;
  dyad_event_span(ev, k, &a, &e);
  if (a == 0 && e == 0)
    return Dyad_buf_printf(b, "\"%s\":null", key);
  return Dyad_buf_printf(b, "\"%s\":[%zu,%zu]", key, a, e);
}

static dyad_status jsonl_row(struct dyad_sink *s, const dyad_doc *doc,
                             const dyad_event *ev, const char *text,
                             size_t len) {
  struct buf *b = &s->out;
  const char *id = dyad_doc_id(doc);
  char date[11], gs[16];
  Dyad_date_str(dyad_doc_date(doc), date);
  goldstein_str(dyad_event_goldstein(ev), gs);
  TRY(Dyad_buf_puts(b, "{\"story_id\":\""));
  TRY(json_str(b, id, strlen(id)));
  TRY(Dyad_buf_putc(b, '"'));
  if (date[0])
    TRY(Dyad_buf_printf(b, ",\"story_date\":\"%s\"", date));
  else
    TRY(Dyad_buf_puts(b, ",\"story_date\":null"));
  TRY(Dyad_buf_printf(b, ",\"sentence\":%zu", dyad_event_sentence(ev)));
  const char *src = dyad_event_source(ev), *tgt = dyad_event_target(ev),
             *code = dyad_event_code(ev), *root = dyad_event_root(ev);
  TRY(json_key_str(b, "source", src, strlen(src)));
  TRY(json_key_str(b, "target", tgt, strlen(tgt)));
  if (s->ontology != DYAD_ONTOLOGY_PLOVER) {
    TRY(json_key_str(b, "code", code, strlen(code)));
    TRY(json_key_str(b, "root", root, strlen(root)));
    TRY(Dyad_buf_printf(b, ",\"quad_class\":%d,\"goldstein\":%s",
                        dyad_event_quad_class(ev), gs[0] ? gs : "null"));
  }
  if (s->ontology != DYAD_ONTOLOGY_CAMEO) {
    const char *pm, *pc;
    const char *pt = dyad_event_plover(ev, &pm, &pc);
    TRY(json_key_str(b, "plover_type", pt, strlen(pt)));
    TRY(json_key_str(b, "plover_mode", pm, strlen(pm)));
    TRY(json_key_str(b, "plover_context", pc, strlen(pc)));
  }
  static const char *const names[3] = {"source_text", "target_text",
                                       "verb_text"};
  for (int i = 0; i < 3; i++) {
    const char *t;
    size_t n;
    span_text(ev, (dyad_span_kind)i, text, len, &t, &n);
    TRY(json_key_str(b, names[i], t, n));
  }
  const char *mod = dyad_modality_str(dyad_event_modality(ev));
  TRY(json_key_str(b, "modality", mod, strlen(mod)));
  TRY(Dyad_buf_printf(b, ",\"negated\":%s",
                      dyad_event_negated(ev) ? "true" : "false"));
  const char *file;
  unsigned line;
  if (dyad_event_rule(ev, &file, &line)) {
    const char *bn = base_name(file);
    TRY(Dyad_buf_puts(b, ",\"rule\":\""));
    TRY(json_str(b, bn, strlen(bn)));
    TRY(Dyad_buf_printf(b, ":%u\"", line));
  } else {
    TRY(Dyad_buf_puts(b, ",\"rule\":null"));
  }
  struct enr x;
  enr_get(doc, ev, text, len, &x);
  Dyad_date_str(x.date, date);
  TRY(Dyad_buf_puts(b, ",\"event_date\":\""));
  TRY(Dyad_buf_puts(b, date));
  TRY(Dyad_buf_puts(b, "\",\"date_precision\":\""));
  TRY(Dyad_buf_puts(b, x.date || x.prec != DYAD_DATE_STORY
                           ? dyad_date_precision_str(x.prec)
                           : "unknown"));
  TRY(Dyad_buf_puts(b, dyad_event_date_approximate(ev)
                           ? "\",\"date_approximate\":true"
                           : "\",\"date_approximate\":false"));
  TRY(json_key_str(b, "date_text", x.dt, x.dtn));
  TRY(json_key_str(b, "country", x.loc.country, strlen(x.loc.country)));
  TRY(json_key_str(b, "admin1", x.loc.admin1, strlen(x.loc.admin1)));
  TRY(json_key_str(b, "place", x.loc.place, strlen(x.loc.place)));
  char la[24], lo[24];
  coord_str(x.loc.lat, la);
  coord_str(x.loc.lon, lo);
  TRY(Dyad_buf_printf(b, ",\"lat\":%s,\"lon\":%s", la[0] ? la : "null",
                      lo[0] ? lo : "null"));
  const char *gp = dyad_geo_precision_str(x.loc.precision);
  TRY(json_key_str(b, "geo_precision", gp, strlen(gp)));
  size_t ps, pe;
  const char *pcode;
  bool place = dyad_event_place(ev, &ps, &pe, &pcode) && pe <= len;
  TRY(json_key_str(b, "place_text", x.lt, x.ltn));
  TRY(json_key_str(b, "place_code", place ? pcode : "",
                   place ? strlen(pcode) : 0));
  if (x.dead >= 0)
    TRY(Dyad_buf_printf(b, ",\"fatalities\":%d", x.dead));
  else
    TRY(Dyad_buf_puts(b, ",\"fatalities\":null"));
  if (x.hurt >= 0)
    TRY(Dyad_buf_printf(b, ",\"wounded\":%d", x.hurt));
  else
    TRY(Dyad_buf_puts(b, ",\"wounded\":null"));
  TRY(json_key_str(b, "count_text", x.ct, x.ctn));
  const char *q = dyad_count_qualifier_str(x.qual);
  TRY(json_key_str(b, "count_qualifier", q, strlen(q)));
  TRY(Dyad_buf_puts(b, ",\"spans\":{"));
  TRY(json_span(b, "source", ev, DYAD_SPAN_SOURCE));
  TRY(Dyad_buf_putc(b, ','));
  TRY(json_span(b, "target", ev, DYAD_SPAN_TARGET));
  TRY(Dyad_buf_putc(b, ','));
  TRY(json_span(b, "verb", ev, DYAD_SPAN_VERB));
  if (place)
    TRY(Dyad_buf_printf(b, ",\"place\":[%zu,%zu]", ps, pe));
  else
    TRY(Dyad_buf_puts(b, ",\"place\":null"));
  TRY(Dyad_buf_putc(b, '}'));
  size_t ss, se;
  dyad_doc_sentence_span(doc, dyad_event_sentence(ev), &ss, &se);
  if (ss > len)
    ss = len;
  if (se > len)
    se = len;
  TRY(json_key_str(b, "sentence_text", text + ss, se > ss ? se - ss : 0));
  return Dyad_buf_puts(b, "}\n");
}

/* ---- writing ------------------------------------------------------------- */

dyad_status dyad_sink_write(dyad_sink *s, const dyad_doc *doc) {
  if (!s || !doc)
    return DYAD_ERR_ARG;
  if (s->failed)
    return s->failed;
  if (s->fmt == DYAD_OUTPUT_TSV && !s->header_done) {
    TRY(tsv_header(s));
    s->header_done = true;
  }
  size_t len;
  const char *text = dyad_doc_text(doc, &len);
  size_t n = dyad_doc_event_count(doc);
  for (size_t i = 0; i < n; i++) {
    const dyad_event *ev = dyad_doc_event(doc, i);
    size_t mark = s->out.len;
    dyad_status st = s->fmt == DYAD_OUTPUT_TSV
                         ? tsv_row(s, doc, ev, text, len)
                         : jsonl_row(s, doc, ev, text, len);
    if (st != DYAD_OK) {
      /* no half row: drop what this event wrote */
      s->out.len = mark;
      if (s->out.data)
        s->out.data[mark] = '\0';
      return st;
    }
    s->wrote = true;
    if (s->out.len >= SINK_FLUSH)
      TRY(flush(s));
  }
  return flush(s);
}

dyad_status dyad_sink_finish(dyad_sink *s) {
  if (!s)
    return DYAD_ERR_ARG;
  if (s->failed)
    return s->failed;
  if (s->fmt == DYAD_OUTPUT_TSV && !s->header_done) {
    TRY(tsv_header(s));
    s->header_done = true;
  }
  return flush(s);
}
