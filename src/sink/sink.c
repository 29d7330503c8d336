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
  bool header_done;   /* TSV header written */
  dyad_status failed; /* sticky DYAD_ERR_IO after a failed write */
  struct buf out;
};

static const char tsv_header[] =
    "story_id\tstory_date\tsentence\tsource\ttarget\tcode\troot\tquad_class\t"
    "goldstein\tsource_text\ttarget_text\tverb_text\tmodality\tnegated\t"
    "rule\tevent_date\tplace\tfatalities\n";

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

/* "YYYY-MM-DD", "" for 0 (unknown) or a value that is not a date. */
static void date_str(int ymd, char out[11]) {
  if (!Dyad_date_valid(ymd)) {
    out[0] = '\0';
    return;
  }
  unsigned v = (unsigned)ymd;
  static const unsigned pos[8] = {0, 1, 2, 3, 5, 6, 8, 9};
  for (int i = 7; i >= 0; i--) {
    out[pos[i]] = (char)('0' + v % 10);
    v /= 10;
  }
  out[4] = out[7] = '-';
  out[10] = '\0';
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

static dyad_status tsv_row(struct dyad_sink *s, const dyad_doc *doc,
                           const dyad_event *ev, const char *text, size_t len) {
  struct buf *b = &s->out;
  const char *id = dyad_doc_id(doc);
  char date[11], gs[16];
  date_str(dyad_doc_date(doc), date);
  goldstein_str(dyad_event_goldstein(ev), gs);
  TRY(Dyad_buf_tsv_str(b, id, strlen(id)));
  TRY(Dyad_buf_printf(b, "\t%s\t%zu\t", date, dyad_event_sentence(ev)));
  const char *codes[4] = {dyad_event_source(ev), dyad_event_target(ev),
                          dyad_event_code(ev), dyad_event_root(ev)};
  for (int i = 0; i < 4; i++) {
    TRY(Dyad_buf_tsv_str(b, codes[i], strlen(codes[i])));
    TRY(Dyad_buf_putc(b, '\t'));
  }
  TRY(Dyad_buf_printf(b, "%d\t%s", dyad_event_quad_class(ev), gs));
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
  dyad_date_precision p;
  date_str(event_date(doc, ev, &p), date);
  TRY(Dyad_buf_putc(b, '\t'));
  TRY(Dyad_buf_puts(b, date));
  TRY(Dyad_buf_putc(b, '\t'));
  size_t ps, pe;
  if (dyad_event_place(ev, &ps, &pe, NULL) && pe <= len)
    TRY(Dyad_buf_tsv_str(b, text + ps, pe - ps));
  int dead = dyad_event_fatalities(ev);
  if (dead >= 0)
    TRY(Dyad_buf_printf(b, "\t%d\n", dead));
  else
    TRY(Dyad_buf_puts(b, "\t\n"));
  return DYAD_OK;
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
  date_str(dyad_doc_date(doc), date);
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
  TRY(json_key_str(b, "code", code, strlen(code)));
  TRY(json_key_str(b, "root", root, strlen(root)));
  TRY(Dyad_buf_printf(b, ",\"quad_class\":%d,\"goldstein\":%s",
                      dyad_event_quad_class(ev), gs[0] ? gs : "null"));
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
  dyad_date_precision p;
  date_str(event_date(doc, ev, &p), date);
  TRY(Dyad_buf_puts(b, ",\"event_date\":\""));
  TRY(Dyad_buf_puts(b, date));
  TRY(Dyad_buf_puts(b, "\",\"date_precision\":\""));
  TRY(Dyad_buf_puts(b, dyad_date_precision_str(p)));
  TRY(Dyad_buf_puts(b, dyad_event_date_approximate(ev)
                           ? "\",\"date_approximate\":true"
                           : "\",\"date_approximate\":false"));
  size_t ps, pe;
  const char *pcode;
  bool place = dyad_event_place(ev, &ps, &pe, &pcode) && pe <= len;
  TRY(json_key_str(b, "place_text", place ? text + ps : "",
                   place ? pe - ps : 0));
  TRY(json_key_str(b, "place_code", place ? pcode : "",
                   place ? strlen(pcode) : 0));
  int dead = dyad_event_fatalities(ev);
  if (dead >= 0)
    TRY(Dyad_buf_printf(b, ",\"fatalities\":%d", dead));
  else
    TRY(Dyad_buf_puts(b, ",\"fatalities\":null"));
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
    TRY(Dyad_buf_put(&s->out, tsv_header, sizeof tsv_header - 1));
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
    TRY(Dyad_buf_put(&s->out, tsv_header, sizeof tsv_header - 1));
    s->header_done = true;
  }
  return flush(s);
}
