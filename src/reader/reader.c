/*
 * reader.c - the reader stage: stories out of plain text, JSON Lines,
 * PETRARCH XML and TABARI text records (the "Readers" section of dyad.h).
 *
 * Bytes come from source.c (as they are, or decompressed: gzip with zlib,
 * zstd with libzstd, never an external program) into a window that holds
 * the current line or story, so an input of any size streams through in
 * bounded memory. Formats follow the TABARI 0.8 manual (text records) and
 * the PETRARCH2 documentation (XML input); JSON is parsed with
 * cJSON, XML with expat. Every rejected story names its input, line and
 * byte column; the text of a story keeps the input's bytes where it can so
 * that dyad_origin_locate can point a coder error back into the input.
 *
 * Note on cJSON: on a parse failure it also records the error position in a
 * process-wide variable that dyad never reads; two readers failing at the
 * same moment in two threads write it concurrently.
 */
#include "reader.h"

#include <cjson/cJSON.h>
#include <expat.h>
#include <stdlib.h>
#include <string.h>

#include "../internal.h"
#include "source.h"

#define RD_CHUNK ((size_t)64 << 10)  /* bytes asked of the source at once */
#define RD_DETECT ((size_t)64 << 10) /* bytes looked at to detect a format */

/* A PETRARCH story being built or waiting to be returned. */
struct xstory {
  char *id, *source; /* malloc'd, NUL-terminated */
  int date;
  struct buf text; /* sentence texts joined by blank lines */
  dyad_status st;  /* DYAD_OK or why the story is rejected */
  dyad_error err;  /* filled when st != DYAD_OK */
  size_t off;      /* input offset of its first <Sentence> */
  unsigned line, col;
};

struct xml_state {
  XML_Parser p;
  unsigned depth;      /* element depth, root = 1 */
  unsigned sent_depth; /* depth of the open <Sentence>, 0 if none */
  unsigned text_depth; /* depth of its open <Text>, 0 if none */
  bool nomem;          /* a callback ran out of memory: parsing stopped */
  bool too_deep;       /* nesting over RD_MAX_XML_DEPTH: parsing stopped */
  unsigned deep_line, deep_col; /* where (the element that went over) */
  size_t deep_off;
  bool done;           /* the parser has seen the end or an error */
  /* the open sentence */
  struct buf sent;
  bool sent_over; /* its text is over the story limit */
  char *sid;      /* story part of its id (malloc'd) */
  char *ssource;
  int sdate;
  bool sdate_bad;
  char sdate_raw[40];
  size_t soff;
  unsigned sline, scol;
  /* the story being built, then stories ready to be returned */
  bool have_cur;
  struct xstory cur;
  struct vec queue; /* struct xstory */
  size_t qhead;
};

struct dyad_reader {
  dyad_input_format fmt;
  char name[256]; /* for errors */
  char stem[256]; /* name without directory and extension: text story id */
  int default_date;
  size_t max_story, max_line;
  /* input */
  dyad_source *src;
  bool src_eof; /* the source has no more bytes */
  bool read_failed; /* plain text: a read error (in final_err) comes after
                     * the whole stories already in the window */
  bool finished;           /* no more stories; `final` is what to report next */
  size_t items;            /* stories and errors returned so far */
  dyad_status final;       /* DYAD_END, or a final error not yet reported */
  dyad_error final_err;
  /* window over the decompressed input: buf[beg, end) not yet consumed */
  char *buf;
  size_t cap, beg, end, scan; /* scan: no '\n' in buf[beg, scan) */
  size_t base;                /* input offset of buf[0] */
  unsigned line;              /* line number at buf[beg] (a line start) */
  size_t bom;                 /* length of a UTF-8 BOM at the start */
  /* the last story */
  struct buf text;
  dyad_origin origin;
  bool has_origin;
  char story_id[256]; /* id of the story last read or rejected */
  bool has_story_id;
  struct xml_state *xml;
  unsigned text_parts; /* plain text: stories taken from this input */
  char text_id[272];   /* plain text: stem-N of a story of several */
};

/* ---- errors -------------------------------------------------------------- */

static dyad_status rd_error(const struct dyad_reader *r, dyad_error *err,
                            dyad_status code, unsigned line, unsigned col,
                            size_t off, const char *fmt, ...) DYAD_PRINTF(7, 8);

static dyad_status rd_error(const struct dyad_reader *r, dyad_error *err,
                            dyad_status code, unsigned line, unsigned col,
                            size_t off, const char *fmt, ...) {
  if (!err)
    return code;
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  Dyad_error_set(err, code, r->name, line, col, "%s", msg);
  err->offset = off;
  return code;
}

/* Ends the reader with `code` (reported once by the next call). */
static dyad_status rd_final(struct dyad_reader *r, dyad_status code,
                            unsigned line, const char *fmt, ...)
    DYAD_PRINTF(4, 5);

static dyad_status rd_final(struct dyad_reader *r, dyad_status code,
                            unsigned line, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  r->finished = true;
  r->final = code;
  Dyad_error_set(&r->final_err, code, r->name, line, 0, "%s", msg);
  r->final_err.offset = r->base + r->end;
  return code;
}

/* Quotes at most 32 bytes of s[0..n) for a message (cut at a UTF-8 char). */
static const char *quote(char *out, size_t cap, const char *s, size_t n) {
  size_t k = n < 32 ? n : 32;
  while (k < n && k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
    k--;
  snprintf(out, cap, "\"%.*s%s\"", (int)k, s, k < n ? "..." : "");
  return out;
}

/* ---- input window -------------------------------------------------------- */

/* Reads more bytes into the window. DYAD_OK (maybe none: then src_eof),
 * DYAD_ERR_IO or DYAD_ERR_NOMEM (the reader is finished). */
static dyad_status rd_fill(struct dyad_reader *r) {
  if (r->src_eof)
    return DYAD_OK;
  if (r->beg > 0 && r->cap - r->end < RD_CHUNK) {
    memmove(r->buf, r->buf + r->beg, r->end - r->beg);
    r->base += r->beg;
    r->end -= r->beg;
    r->scan -= r->beg;
    r->beg = 0;
  }
  if (r->cap - r->end < RD_CHUNK) {
    size_t cap = r->cap ? r->cap * 2 : RD_CHUNK * 2;
    while (cap - r->end < RD_CHUNK)
      cap *= 2;
    char *p = realloc(r->buf, cap);
    if (!p)
      return rd_final(r, DYAD_ERR_NOMEM, r->line, "out of memory");
    r->buf = p;
    r->cap = cap;
  }
  /* bytes come as they are read or decompressed: a pipe is not waited on
   * for more than what it has */
  size_t got = 0;
  dyad_status st =
      Dyad_src_read(r->src, r->buf + r->end, r->cap - r->end, &got);
  if (st == DYAD_END) {
    r->src_eof = true;
    return DYAD_OK;
  }
  if (st == DYAD_ERR_NOMEM)
    return rd_final(r, DYAD_ERR_NOMEM, r->line, "out of memory");
  if (st != DYAD_OK)
    return rd_final(r, DYAD_ERR_IO, r->line, "read error: %s",
                    Dyad_src_error(r->src));
  r->end += got;
  return DYAD_OK;
}

/* Drops the window's bytes (they have been used). */
static void rd_drop(struct dyad_reader *r) {
  r->base += r->end;
  r->beg = r->end = r->scan = 0;
}

/* One line of the input: s[0..n) without its end ("\n", "\r\n" or "\r"). */
struct line {
  const char *s;
  size_t n;
  size_t off;  /* input offset of s[0] */
  unsigned no; /* 1-based line number */
};

/*
 * Where the first line in p[0..n) ends: at "\n", "\r\n" or a lone "\r".
 * Returns the offset of the end's first byte with its length in *term, or
 * with *term = 0 when no end is there yet: n, or the offset of a "\r" that
 * is the last byte (a "\r\n" cut between two reads) unless `eof`. Reads
 * only the bytes up to the end it finds.
 */
/*
 * True when a line of tl bytes starts in lower case or ends in a word that
 * cannot end a headline ("the police in"): a sentence wrapped onto the
 * next line, not a headline.
 */
static bool open_end(const char *t, size_t tl) {
  static const char *const words[] = {
      "a",   "an",   "and", "as",   "at",   "but", "by",   "for",  "from",
      "in",  "into", "of",  "on",   "or",   "the", "than", "that", "to",
      "was", "were", "with", "who", "which", "is", "are",  "has",  "have"};
  if (t[0] >= 'a' && t[0] <= 'z')
    return true;
  size_t b = tl;
  while (b > 0 && t[b - 1] != ' ' && t[b - 1] != '\t')
    b--;
  size_t wl = tl - b;
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    if (strlen(words[i]) == wl && memcmp(words[i], t + b, wl) == 0)
      return true;
  return false;
}

static size_t eol(const char *p, size_t n, bool eof, size_t *term) {
  const char *nl = memchr(p, '\n', n);
  size_t lim = nl ? (size_t)(nl - p) : n;
  const char *cr = memchr(p, '\r', lim);
  *term = 0;
  if (cr) {
    size_t i = (size_t)(cr - p);
    if (i + 1 < n)
      *term = p[i + 1] == '\n' ? 2 : 1;
    else if (eof)
      *term = 1;
    return i;
  }
  if (nl)
    *term = 1;
  return lim;
}

/*
 * Next line into *ln (valid until the next call). DYAD_OK, DYAD_END,
 * DYAD_ERR_LIMIT (a line over max_line: skipped, *ln has its number and
 * offset, n = 0), or a final error. Lines end at LF, CRLF or a lone CR.
 */
static dyad_status rd_line(struct dyad_reader *r, struct line *ln) {
  for (;;) {
    size_t term = 0, at = r->end;
    if (r->scan < r->end)
      at = r->scan +
           eol(r->buf + r->scan, r->end - r->scan, r->src_eof, &term);
    if (term || (r->src_eof && r->beg < r->end)) {
      size_t e = term ? at : r->end;
      ln->s = r->buf + r->beg;
      ln->n = e - r->beg;
      ln->off = r->base + r->beg;
      ln->no = r->line;
      r->beg = r->scan = e + term;
      r->line++;
      if (ln->n > r->max_line) {
        ln->n = 0;
        return DYAD_ERR_LIMIT;
      }
      return DYAD_OK;
    }
    if (r->src_eof)
      return DYAD_END;
    r->scan = at;
    if (r->end - r->beg > r->max_line + 1) {
      /* too long: drop it as it comes, up to its end */
      ln->s = "";
      ln->n = 0;
      ln->off = r->base + r->beg;
      ln->no = r->line;
      for (;;) {
        rd_drop(r);
        TRY(rd_fill(r));
        if (r->end == 0) {
          r->line++;
          return DYAD_ERR_LIMIT;
        }
        at = eol(r->buf, r->end, r->src_eof, &term);
        if (term) {
          r->beg = r->scan = at + term;
          r->line++;
          return DYAD_ERR_LIMIT;
        }
      }
    }
    TRY(rd_fill(r));
  }
}

/* ---- opening ------------------------------------------------------------- */

static bool blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
         c == '\v';
}

static bool digit(char c) {
  return c >= '0' && c <= '9';
}

static void set_names(struct dyad_reader *r, const char *name, bool in) {
  if (!name || !*name)
    name = in ? "<stdin>" : "<memory>";
  snprintf(r->name, sizeof r->name, "%s", name);
  if (in) {
    snprintf(r->stem, sizeof r->stem, "stdin");
    return;
  }
  const char *b = strrchr(name, '/');
  b = b ? b + 1 : name;
  size_t n = strlen(b);
  static const char *const zext[] = {".gz",  ".zst", ".zstd",
                                     ".bz2", ".xz",  ".lz4"};
  for (size_t i = 0; i < sizeof zext / sizeof zext[0]; i++) {
    size_t el = strlen(zext[i]);
    if (n > el && strcmp(b + n - el, zext[i]) == 0) {
      n -= el;
      break;
    }
  }
  for (size_t i = n; i > 1; i--) {
    if (b[i - 1] == '.') {
      n = i - 1;
      break;
    }
  }
  if (n >= sizeof r->stem)
    n = sizeof r->stem - 1;
  memcpy(r->stem, b, n);
  r->stem[n] = '\0';
}

enum { NO, YES, MAYBE };

/* Looks at the start of the input: TABARI when its first record header
 * ("YYMMDD ID" or "YYYYMMDD ID", a valid date, one-word id) comes before
 * any other line that could be story text. MAYBE: more bytes are needed. */
static int looks_tabari(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    size_t term;
    size_t le = i + eol(s + i, n - i, false, &term);
    if (!term)
      return MAYBE; /* a line is judged once it is whole */
    const char *l = s + i;
    size_t ln = le - i;
    while (ln && blank(l[ln - 1]))
      ln--;
    if (ln && digit(l[0])) {
      size_t k = 0;
      while (k < ln && digit(l[k]))
        k++;
      if ((k != 6 && k != 8) || !Dyad_date_parse(l, k))
        return NO;
      size_t a = k;
      while (a < ln && blank(l[a]))
        a++;
      if (a == ln)
        return NO;
      for (size_t b = a; b < ln; b++)
        if (blank(l[b]))
          return NO;
      return YES;
    }
    /* comment lines of TABARI files: blank or starting with a symbol */
    if (ln && !(l[0] == '#' || l[0] == '/' || l[0] == '*' || l[0] == ';' ||
                l[0] == '=' || l[0] == '-' || l[0] == '<'))
      return NO;
    i = le + term;
  }
  return MAYBE;
}

/* The format of an input starting with s[0..n) (`all`: the whole input);
 * DYAD_INPUT_AUTO when more bytes are needed to tell. */
static dyad_input_format detect(const char *s, size_t n, bool all) {
  size_t i = 0;
  while (i < n && blank(s[i]))
    i++;
  if (i < n && s[i] == '{')
    return DYAD_INPUT_JSONL;
  if (i < n && s[i] == '<')
    return DYAD_INPUT_PETRARCH;
  int t = i < n ? looks_tabari(s, n) : MAYBE;
  if (t == YES)
    return DYAD_INPUT_TABARI;
  if (t == NO || all)
    return DYAD_INPUT_TEXT;
  return DYAD_INPUT_AUTO;
}

static dyad_status xml_start(struct dyad_reader *r);

static dyad_status rd_open(struct dyad_reader *r, dyad_input_format fmt,
                           dyad_error *err) {
  /* peek at the start: enough to see a BOM and detect the format; a read
   * error after some bytes (a file cut short) leaves them to be read, and
   * comes again after them (the source keeps it) */
  bool cut = false;
  for (;;) {
    bool all = r->src_eof || cut || r->end >= RD_DETECT;
    if (r->end >= 3 || all) {
      r->bom = r->end >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
      if (fmt != DYAD_INPUT_AUTO)
        break;
      /* nothing read yet: buf may still be NULL, and NULL + 0 is undefined */
      fmt = detect(r->buf ? r->buf + r->bom : "", r->end - r->bom, all);
      if (fmt != DYAD_INPUT_AUTO)
        break;
    }
    dyad_status st = rd_fill(r);
    if (st != DYAD_OK) {
      if (st == DYAD_ERR_NOMEM || r->end == 0) {
        if (err)
          *err = r->final_err;
        return st;
      }
      r->finished = false; /* the bytes first; the source keeps the error */
      r->final = DYAD_END;
      cut = true;
    }
  }
  r->fmt = fmt;
  /* expat reads the BOM itself; the other formats skip it */
  if (fmt != DYAD_INPUT_PETRARCH)
    r->beg = r->scan = r->bom;
  if (fmt == DYAD_INPUT_PETRARCH && r->end > 0) {
    dyad_status st = xml_start(r);
    if (st != DYAD_OK)
      return rd_error(r, err, st, 0, 0, 0, "%s", dyad_status_str(st));
  }
  return DYAD_OK;
}

static dyad_status rd_new(const char *name, bool in, dyad_input_format fmt,
                          dyad_reader **out, dyad_error *err) {
  if (!out || (int)fmt < DYAD_INPUT_AUTO || fmt > DYAD_INPUT_TABARI)
    return Dyad_error_set(err, DYAD_ERR_ARG, name ? name : "", 0, 0,
                          "invalid argument");
  *out = NULL;
  struct dyad_reader *r = calloc(1, sizeof *r);
  if (!r)
    return Dyad_error_set(err, DYAD_ERR_NOMEM, name ? name : "", 0, 0,
                          "out of memory");
  set_names(r, name, in);
  r->max_story = RD_MAX_STORY;
  r->max_line = RD_MAX_LINE;
  r->line = 1;
  r->final = DYAD_END;
  Dyad_buf_init(&r->text, RD_MAX_STORY + 16);
  *out = r;
  return DYAD_OK;
}

dyad_status dyad_reader_open_mem(const char *name, const void *data, size_t len,
                                 dyad_input_format fmt, dyad_reader **out,
                                 dyad_error *err) {
  if (out)
    *out = NULL;
  if (!out || (!data && len))
    return Dyad_error_set(err, DYAD_ERR_ARG, name ? name : "", 0, 0,
                          "invalid argument");
  struct dyad_reader *r;
  TRY(rd_new(name, false, fmt, &r, err));
  char why[256];
  dyad_status st = Dyad_src_open_mem(data, len, &r->src, why, sizeof why);
  if (st != DYAD_OK) {
    st = rd_error(r, err, st, 0, 0, 0, "cannot read: %s", why);
    dyad_reader_free(r);
    *out = NULL;
    return st;
  }
  st = rd_open(r, fmt, err);
  if (st != DYAD_OK) {
    dyad_reader_free(r);
    r = NULL;
  }
  *out = r;
  return st;
}

dyad_status dyad_reader_open_path(const char *path, dyad_input_format fmt,
                                  dyad_reader **out, dyad_error *err) {
  if (out)
    *out = NULL;
  if (!out || !path || !*path)
    return Dyad_error_set(err, DYAD_ERR_ARG, path ? path : "", 0, 0,
                          "invalid argument");
  bool in = strcmp(path, "-") == 0;
  struct dyad_reader *r;
  TRY(rd_new(in ? NULL : path, in, fmt, &r, err));
  char why[256];
  dyad_status st = Dyad_src_open_path(in ? NULL : path, &r->src, why,
                                      sizeof why);
  if (st != DYAD_OK) {
    st = rd_error(r, err, st, 0, 0, 0, "cannot read: %s", why);
    dyad_reader_free(r);
    *out = NULL;
    return st;
  }
  st = rd_open(r, fmt, err);
  if (st != DYAD_OK) {
    dyad_reader_free(r);
    r = NULL;
  }
  *out = r;
  return st;
}

static void xml_free(struct xml_state *x);

void dyad_reader_free(dyad_reader *r) {
  if (!r)
    return;
  Dyad_src_free(r->src);
  xml_free(r->xml);
  Dyad_buf_fini(&r->text);
  free(r->buf);
  free(r);
}

dyad_input_format dyad_reader_format(const dyad_reader *r) {
  return r ? r->fmt : DYAD_INPUT_AUTO;
}

dyad_status dyad_reader_set_default_date(dyad_reader *r, int ymd) {
  if (!r)
    return DYAD_ERR_ARG;
  if (ymd && !Dyad_date_valid(ymd))
    return DYAD_ERR_DATE;
  r->default_date = ymd;
  return DYAD_OK;
}

void Dyad_reader_set_limits(dyad_reader *r, size_t max_story, size_t max_line) {
  if (!r)
    return;
  if (max_story)
    r->max_story = max_story;
  if (max_line)
    r->max_line = max_line;
}

dyad_status dyad_input_format_parse(const char *name, dyad_input_format *out) {
  static const struct {
    const char *name;
    dyad_input_format fmt;
  } names[] = {{"auto", DYAD_INPUT_AUTO},
               {"text", DYAD_INPUT_TEXT},
               {"jsonl", DYAD_INPUT_JSONL},
               {"petrarch-xml", DYAD_INPUT_PETRARCH},
               {"tabari", DYAD_INPUT_TABARI}};
  if (!name || !out)
    return DYAD_ERR_ARG;
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    if (strcmp(name, names[i].name) == 0) {
      *out = names[i].fmt;
      return DYAD_OK;
    }
  }
  return DYAD_ERR_ARG;
}

/* ---- origins ------------------------------------------------------------- */

static void origin_start(struct dyad_reader *r, size_t off, unsigned line,
                         unsigned col) {
  memset(&r->origin, 0, sizeof r->origin);
  r->origin.offset = off;
  r->origin.line = line;
  r->origin.column = col;
  r->has_origin = true;
}

/* The id of the story being read, kept for dyad_reader_story_id; cut to
 * 255 bytes at a UTF-8 character boundary. */
static void keep_id(struct dyad_reader *r, const char *id) {
  size_t n = strlen(id);
  if (n >= sizeof r->story_id) {
    n = sizeof r->story_id - 1;
    while (n > 0 && ((unsigned char)id[n] & 0xC0) == 0x80)
      n--;
  }
  memcpy(r->story_id, id, n);
  r->story_id[n] = '\0';
  r->has_story_id = true;
}

static void origin_part(struct dyad_reader *r, size_t text, size_t off,
                        unsigned line, unsigned col, size_t exact) {
  dyad_origin *o = &r->origin;
  if (o->_nparts >= 2)
    return;
  o->_part[o->_nparts].text = text;
  o->_part[o->_nparts].offset = off;
  o->_part[o->_nparts].line = line;
  o->_part[o->_nparts].column = col;
  o->_part[o->_nparts].exact = exact;
  o->_nparts++;
}

const char *dyad_reader_story_id(const dyad_reader *r) {
  return r && r->has_story_id ? r->story_id : NULL;
}

void dyad_reader_origin(const dyad_reader *r, dyad_origin *out) {
  if (!out)
    return;
  if (r && r->has_origin)
    *out = r->origin;
  else
    memset(out, 0, sizeof *out);
}

void dyad_origin_locate(const dyad_origin *o, const dyad_doc *doc,
                        dyad_error *err) {
  if (!o || !err)
    return;
  size_t len = 0;
  const char *text = doc ? dyad_doc_text(doc, &len) : "";
  if (!err->line || !o->_nparts) {
    err->line = o->line;
    err->column = o->column;
    err->offset = o->offset;
    return;
  }
  /* the offset in the story text of (line, column) */
  size_t at = 0;
  unsigned l = 1;
  while (l < err->line && at < len) {
    const char *nl = memchr(text + at, '\n', len - at);
    if (!nl) {
      at = len;
      break;
    }
    at = (size_t)(nl - text) + 1;
    l++;
  }
  if (err->column > 1)
    at += err->column - 1;
  if (at > len)
    at = len;
  unsigned k = 0;
  for (unsigned i = 1; i < o->_nparts && i < 2; i++)
    if (o->_part[i].text <= at)
      k = i;
  const size_t pt = o->_part[k].text;
  size_t d = at >= pt ? at - pt : 0;
  if (d > o->_part[k].exact)
    d = 0; /* not byte for byte: the start of the part */
  unsigned line = o->_part[k].line, col = o->_part[k].column;
  for (size_t i = pt; i < pt + d && i < len; i++) {
    if (text[i] == '\n') {
      line++;
      col = 1;
    } else {
      col++;
    }
  }
  err->line = line;
  err->column = col;
  err->offset = o->_part[k].offset + d;
}

/* ---- story out ----------------------------------------------------------- */

static int story_date(const struct dyad_reader *r, int date) {
  return date ? date : r->default_date;
}

/* Copies the story into doc; a limit is reported at the story's origin. */
static dyad_status put_story(struct dyad_reader *r, dyad_doc *doc,
                             const dyad_story *st, dyad_error *err) {
  if (st->title_len + st->text_len > r->max_story)
    return rd_error(r, err, DYAD_ERR_LIMIT, r->origin.line, r->origin.column,
                    r->origin.offset, "story of more than %zu bytes",
                    r->max_story);
  dyad_status s = dyad_doc_set(doc, st);
  if (s == DYAD_ERR_LIMIT)
    return rd_error(r, err, s, r->origin.line, r->origin.column,
                    r->origin.offset, "story of more than %zu bytes",
                    r->max_story);
  if (s != DYAD_OK)
    return rd_final(r, s, r->line, "%s", dyad_status_str(s));
  return DYAD_OK;
}

static bool all_blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!blank(s[i]))
      return false;
  return true;
}

/* Trims blanks from both ends; *skip gets the bytes cut at the front. */
static const char *trim(const char *s, size_t *n, size_t *skip) {
  size_t a = 0, m = *n;
  while (a < m && blank(s[a]))
    a++;
  while (m > a && blank(s[m - 1]))
    m--;
  *n = m - a;
  if (skip)
    *skip = a;
  return s + a;
}

/* ---- plain text ---------------------------------------------------------- */

/* A date token of a "date" line: YYYY-MM-DD, YYYYMMDD or YYMMDD. */
static bool date_shaped(const char *s, size_t n) {
  if (n == 10) {
    for (size_t i = 0; i < n; i++)
      if ((i == 4 || i == 7) ? s[i] != '-' : !digit(s[i]))
        return false;
    return true;
  }
  if (n != 8 && n != 6)
    return false;
  for (size_t i = 0; i < n; i++)
    if (!digit(s[i]))
      return false;
  return true;
}

/* Whether line s[0..n) is a date line ("date" in any case, after spaces or
 * tabs, a blank and a date_shaped token); [*j, *k) is the token. */
static bool date_line(const char *s, size_t n, size_t *j, size_t *k) {
  size_t i = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t'))
    i++;
  if (n - i <= 5 || (s[i] != 'd' && s[i] != 'D') ||
      (s[i + 1] != 'a' && s[i + 1] != 'A') ||
      (s[i + 2] != 't' && s[i + 2] != 'T') ||
      (s[i + 3] != 'e' && s[i + 3] != 'E') || !blank(s[i + 4]))
    return false;
  size_t a = i + 4;
  while (a < n && blank(s[a]))
    a++;
  size_t b = a;
  while (b < n && !blank(s[b]))
    b++;
  *j = a;
  *k = b;
  return date_shaped(s + a, b - a);
}

/*
 * Where the next story of a file of several starts in s[0..n): at a date
 * line that follows a blank line, after some text. Returns its offset, with
 * the lines before it in *lines, or 0 when s holds one story.
 */
static size_t text_split(const char *s, size_t n, unsigned *lines) {
  bool text = false, prev_blank = false;
  unsigned no = 0;
  for (size_t p = 0; p < n; no++) {
    size_t term, j, k;
    size_t e = p + eol(s + p, n - p, true, &term);
    if (p > 0 && text && prev_blank && date_line(s + p, e - p, &j, &k)) {
      *lines = no;
      return p;
    }
    prev_blank = all_blank(s + p, e - p);
    text = text || !prev_blank;
    if (!term)
      break;
    p = e + term;
  }
  return 0;
}

/* The story read: the window moves past it (to the next story of the
 * file at `split`, `lines` lines on), or is dropped. */
static void text_done(struct dyad_reader *r, size_t split, unsigned lines) {
  if (!split) {
    rd_drop(r);
    return;
  }
  r->beg += split;
  r->scan = r->beg;
  r->line += lines;
}

/* The read error of a truncated or damaged input, after the whole stories
 * read before it: reported at the line where the story it cut starts. */
static dyad_status text_failed(struct dyad_reader *r, dyad_error *err) {
  dyad_status code = r->final_err.code;
  r->final_err.line = r->line;
  r->final_err.offset = r->base + r->beg;
  if (err)
    *err = r->final_err;
  rd_drop(r);
  r->read_failed = false;
  r->finished = true;
  r->final = DYAD_END;
  return code;
}

static dyad_status text_next(struct dyad_reader *r, dyad_doc *doc,
                             dyad_error *err) {
  while (!r->src_eof && !r->read_failed && r->end - r->beg <= r->max_story) {
    dyad_status fs = rd_fill(r);
    if (fs == DYAD_ERR_IO)
      r->read_failed = true; /* the stories before it first */
    else if (fs != DYAD_OK)
      return fs;
  }
  r->finished = true;
  r->final = DYAD_END;
  size_t n = r->end - r->beg;
  const size_t start = r->base + r->beg;
  const unsigned L = r->line; /* input line of the story's first line */
  if (n == 0)
    return r->read_failed ? text_failed(r, err) : DYAD_END;
  /* a file of several stories: this one ends where the next date line
   * after a blank line begins */
  unsigned lines = 0;
  size_t split = text_split(r->buf + r->beg,
                            n > r->max_story ? r->max_story + 1 : n, &lines);
  if (split) {
    n = split;
    r->finished = false;
  } else if (r->read_failed) {
    /* the last story, cut by the error: it is the error */
    return text_failed(r, err);
  }
  if (r->read_failed)
    r->finished = false; /* the error is still to come */
  const char *id = r->stem;
  if (split || r->text_parts) {
    snprintf(r->text_id, sizeof r->text_id, "%s-%u", r->stem,
             ++r->text_parts);
    id = r->text_id;
  }
  origin_start(r, start, L, 1);
  keep_id(r, id);
  if (n > r->max_story) {
    while (!r->src_eof) {
      rd_drop(r);
      TRY(rd_fill(r));
    }
    rd_drop(r);
    return rd_error(r, err, DYAD_ERR_LIMIT, L, 1, start,
                    "story of more than %zu bytes", r->max_story);
  }
  const char *s = r->buf + r->beg;
  size_t term; /* bytes of the end of line 1: LF, CRLF or CR; 0 none */
  size_t l1 = eol(s, n, true, &term); /* end of line 1 */
  const char *nl = term ? s + l1 : NULL;
  dyad_story st;
  memset(&st, 0, sizeof st);
  st.id = id;
  st.id_len = strlen(id);
  st.text = s;
  st.text_len = n;
  size_t body = 0; /* offset of the text in s */
  unsigned body_line = L;
  {
    size_t j, k;
    if (date_line(s, l1, &j, &k)) {
      int date = Dyad_date_parse(s + j, k - j);
      if (!date) {
        char q[64];
        text_done(r, split, lines);
        return rd_error(r, err, DYAD_ERR_DATE, L, (unsigned)(j + 1), start + j,
                        "malformed date %s", quote(q, sizeof q, s + j, k - j));
      }
      st.date = date;
      size_t skip, tl = l1 - k;
      st.title = trim(s + k, &tl, &skip);
      st.title_len = tl;
      body = nl ? l1 + term : n;
      body_line = L + 1;
      if (tl)
        origin_part(r, 0, start + k + skip, L, (unsigned)(k + skip + 1), tl);
      st.text = s + body;
      st.text_len = n - body;
    }
  }
  /* no headline yet (no date line, or nothing after the date): the first
   * body line, without closing punctuation and followed by a line that
   * starts with a capital or a blank line, is the headline ("Peacekeepers
   * fire on troops\nBukavu - ..."); a line wrapped inside a sentence goes
   * on in lower case and stays in the body */
  bool head = st.title_len == 0 && (body == 0 || body < n);
  if (head && body > 0) {
    s += body;
    n -= body;
    l1 = eol(s, n, true, &term);
    nl = term ? s + l1 : NULL;
  }
  if (head && nl && l1 > 0 && l1 <= 200) {
    size_t tl = l1, skip;
    const char *t = trim(s, &tl, &skip);
    size_t j = l1 + term;
    while (j < n && (s[j] == ' ' || s[j] == '\t'))
      j++;
    bool blank_after = j < n && (s[j] == '\n' || s[j] == '\r');
    while (j < n &&
           (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n'))
      j++;
    char last = tl ? t[tl - 1] : '.';
    bool closed = last == '.' || last == '!' || last == '?' || last == ':' ||
                  last == ';' || last == ',' || last == '"' || last == '\'' ||
                  (unsigned char)last >= 0x80;
    bool cap_next = j < n && ((s[j] >= 'A' && s[j] <= 'Z') || digit(s[j]));
    if (tl && !closed && j < n && (blank_after || cap_next) &&
        memchr(t, ' ', tl) && !open_end(t, tl)) {
      st.title = t;
      st.title_len = tl;
      origin_part(r, 0, start + body + skip, body_line, (unsigned)(skip + 1),
                  tl);
      st.text = s + l1 + term;
      st.text_len = n - l1 - term;
      body += l1 + term;
      body_line++;
    }
  }
  s = r->buf + r->beg; /* the story again, from its first line */
  n = st.text + st.text_len - s;
  st.date = story_date(r, st.date);
  origin_part(r, st.title_len ? st.title_len + 2 : 0, start + body, body_line,
              1, n - body);
  dyad_status ret;
  if (all_blank(st.title, st.title_len) && all_blank(st.text, st.text_len))
    ret = rd_error(r, err, DYAD_ERR_EMPTY, L, 1, start, "story has no text");
  else
    ret = put_story(r, doc, &st, err);
  text_done(r, split, lines);
  return ret;
}

/* ---- JSON Lines ---------------------------------------------------------- */

static size_t js_ws(const char *s, size_t n, size_t i) {
  while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
    i++;
  return i;
}

/* i at '"': the index after the closing quote. */
static size_t js_string(const char *s, size_t n, size_t i) {
  for (i++; i < n; i++) {
    if (s[i] == '\\')
      i++;
    else if (s[i] == '"')
      return i + 1;
  }
  return n;
}

static size_t js_value(const char *s, size_t n, size_t i) {
  if (i >= n)
    return n;
  if (s[i] == '"')
    return js_string(s, n, i);
  if (s[i] == '{' || s[i] == '[') {
    size_t depth = 0;
    while (i < n) {
      char c = s[i];
      if (c == '"') {
        i = js_string(s, n, i);
        continue;
      }
      if (c == '{' || c == '[')
        depth++;
      else if ((c == '}' || c == ']') && --depth == 0)
        return i + 1;
      i++;
    }
    return n;
  }
  while (i < n && s[i] != ',' && s[i] != '}' && s[i] != ']' && !blank(s[i]))
    i++;
  return i;
}

enum { JK_ID, JK_TEXT, JK_CONTENT, JK_TITLE, JK_DATE, JK_N };

/* Offsets of the values of the top-level keys of a JSON object that cJSON
 * has accepted (the first of each name), SIZE_MAX when absent. */
static void js_keys(const char *s, size_t n, size_t pos[JK_N]) {
  static const char *const names[JK_N] = {"id", "text", "content", "title",
                                          "date"};
  for (int k = 0; k < JK_N; k++)
    pos[k] = SIZE_MAX;
  size_t i = js_ws(s, n, 0);
  if (i >= n || s[i] != '{')
    return;
  i = js_ws(s, n, i + 1);
  while (i < n && s[i] == '"') {
    size_t ke = js_string(s, n, i);
    const char *key = s + i + 1;
    size_t kl = ke > i + 1 ? ke - i - 2 : 0;
    i = js_ws(s, n, ke);
    if (i >= n || s[i] != ':')
      return;
    i = js_ws(s, n, i + 1);
    for (int k = 0; k < JK_N; k++)
      if (pos[k] == SIZE_MAX && strlen(names[k]) == kl &&
          memcmp(names[k], key, kl) == 0)
        pos[k] = i;
    i = js_ws(s, n, js_value(s, n, i));
    if (i >= n || s[i] != ',')
      return;
    i = js_ws(s, n, i + 1);
  }
}

/* Bytes of a raw JSON string value at s[i] (after its quote) that are as
 * they are decoded: up to the first escape. */
static size_t js_exact(const char *s, size_t n, size_t i) {
  size_t a = i + 1, j = a;
  while (j < n && s[j] != '\\' && s[j] != '"')
    j++;
  return j - a;
}

static dyad_status jsonl_story(struct dyad_reader *r, const struct line *ln,
                               dyad_doc *doc, dyad_error *err) {
  const char *s = ln->s;
  size_t n = ln->n;
  const char *end = NULL;
  origin_start(r, ln->off, ln->no, 1);
  cJSON *j = cJSON_ParseWithLengthOpts(s, n, &end, 0);
  if (!j) {
    size_t at = end && end >= s && end <= s + n ? (size_t)(end - s) : 0;
    return rd_error(r, err, DYAD_ERR_PARSE, ln->no, (unsigned)(at + 1),
                    ln->off + at, "malformed JSON");
  }
  size_t at = end && end >= s && end <= s + n ? (size_t)(end - s) : n;
  at = js_ws(s, n, at);
  dyad_status ret = DYAD_OK;
  if (at < n) {
    ret = rd_error(r, err, DYAD_ERR_PARSE, ln->no, (unsigned)(at + 1),
                   ln->off + at, "text after the JSON value");
    goto out;
  }
  size_t first = js_ws(s, n, 0);
  if (!cJSON_IsObject(j)) {
    ret = rd_error(r, err, DYAD_ERR_PARSE, ln->no, (unsigned)(first + 1),
                   ln->off + first, "expected a JSON object");
    goto out;
  }
  size_t pos[JK_N];
  js_keys(s, n, pos);
#define COL(k) (pos[k] == SIZE_MAX ? first + 1 : pos[k] + 1)
  dyad_story st;
  memset(&st, 0, sizeof st);
  /* id: a string or a number, else "<stem>-<line>" */
  char idbuf[300];
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, "id");
  if (cJSON_IsString(v) && v->valuestring[0]) {
    st.id = v->valuestring;
  } else if (cJSON_IsNumber(v)) {
    double d = v->valuedouble;
    /* an integral id within range prints as one ("7"), any other number
     * as written; the range test comes first (a cast out of range is
     * undefined) */
    if (d > -9.2e18 && d < 9.2e18 && d == (double)(long long)d)
      snprintf(idbuf, sizeof idbuf, "%lld", (long long)d);
    else
      snprintf(idbuf, sizeof idbuf, "%.17g", d);
    st.id = idbuf;
  } else if (v && !cJSON_IsNull(v) && !cJSON_IsString(v)) {
    ret = rd_error(r, err, DYAD_ERR_PARSE, ln->no, (unsigned)COL(JK_ID),
                   ln->off + COL(JK_ID) - 1,
                   "\"id\" is neither a string nor a number");
    goto out;
  } else {
    snprintf(idbuf, sizeof idbuf, "%s-%u", r->stem, ln->no);
    st.id = idbuf;
  }
  st.id_len = strlen(st.id);
  keep_id(r, st.id);
  /* text (or content), title: strings or null */
  int tk = JK_TEXT;
  const cJSON *text = cJSON_GetObjectItemCaseSensitive(j, "text");
  if (!text || cJSON_IsNull(text)) {
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(j, "content");
    if (c) {
      text = c;
      tk = JK_CONTENT;
    }
  }
  const cJSON *title = cJSON_GetObjectItemCaseSensitive(j, "title");
  if (text && !cJSON_IsNull(text) && !cJSON_IsString(text)) {
    ret = rd_error(r, err, DYAD_ERR_PARSE, ln->no, (unsigned)COL(tk),
                   ln->off + COL(tk) - 1, "\"%s\" is not a string",
                   tk == JK_TEXT ? "text" : "content");
    goto out;
  }
  if (title && !cJSON_IsNull(title) && !cJSON_IsString(title)) {
    ret = rd_error(r, err, DYAD_ERR_PARSE, ln->no, (unsigned)COL(JK_TITLE),
                   ln->off + COL(JK_TITLE) - 1, "\"title\" is not a string");
    goto out;
  }
  /* date: "YYYY-MM-DD", "YYYYMMDD", an ISO 8601 time, or a number */
  const cJSON *date = cJSON_GetObjectItemCaseSensitive(j, "date");
  if (cJSON_IsString(date) && date->valuestring[0]) {
    const char *ds = date->valuestring;
    size_t dl = strlen(ds);
    if (dl > 10 && ds[4] == '-' && (ds[10] == 'T' || ds[10] == ' '))
      dl = 10;
    st.date = Dyad_date_parse(ds, dl);
    if (!st.date || dl == 6) {
      char q[64];
      ret = rd_error(r, err, DYAD_ERR_DATE, ln->no, (unsigned)COL(JK_DATE),
                     ln->off + COL(JK_DATE) - 1, "malformed date %s",
                     quote(q, sizeof q, ds, strlen(ds)));
      goto out;
    }
  } else if (cJSON_IsNumber(date)) {
    double d = date->valuedouble;
    st.date = d >= 10000101 && d <= 99991231 && d == (double)(int)d &&
                      Dyad_date_valid((int)d)
                  ? (int)d
                  : 0;
    if (!st.date) {
      ret = rd_error(r, err, DYAD_ERR_DATE, ln->no, (unsigned)COL(JK_DATE),
                     ln->off + COL(JK_DATE) - 1, "malformed date %.17g", d);
      goto out;
    }
  } else if (date && !cJSON_IsNull(date) && !cJSON_IsString(date)) {
    ret = rd_error(r, err, DYAD_ERR_DATE, ln->no, (unsigned)COL(JK_DATE),
                   ln->off + COL(JK_DATE) - 1,
                   "\"date\" is neither a string nor a number");
    goto out;
  }
  st.date = story_date(r, st.date);
  const cJSON *src = cJSON_GetObjectItemCaseSensitive(j, "source");
  if (cJSON_IsString(src)) {
    st.source = src->valuestring;
    st.source_len = strlen(src->valuestring);
  }
  const cJSON *url = cJSON_GetObjectItemCaseSensitive(j, "url");
  if (cJSON_IsString(url)) {
    st.url = url->valuestring;
    st.url_len = strlen(url->valuestring);
  }
  if (cJSON_IsString(title)) {
    size_t skip, tl = strlen(title->valuestring);
    st.title = trim(title->valuestring, &tl, &skip);
    st.title_len = tl;
    if (tl && pos[JK_TITLE] != SIZE_MAX && s[pos[JK_TITLE]] == '"') {
      size_t ex = js_exact(s, n, pos[JK_TITLE]);
      size_t a = pos[JK_TITLE] + 1 + (skip <= ex ? skip : 0);
      ex = skip <= ex ? ex - skip : 0;
      origin_part(r, 0, ln->off + a, ln->no, (unsigned)(a + 1), ex);
    } else if (tl) {
      origin_part(r, 0, ln->off + first, ln->no, (unsigned)(first + 1), 0);
    }
  }
  if (cJSON_IsString(text)) {
    st.text = text->valuestring;
    st.text_len = strlen(text->valuestring);
    size_t tpos = st.title_len ? st.title_len + 2 : 0;
    if (pos[tk] != SIZE_MAX && s[pos[tk]] == '"')
      origin_part(r, tpos, ln->off + pos[tk] + 1, ln->no,
                  (unsigned)(pos[tk] + 2), js_exact(s, n, pos[tk]));
    else
      origin_part(r, tpos, ln->off + first, ln->no, (unsigned)(first + 1), 0);
  }
#undef COL
  if (all_blank(st.title, st.title_len) && all_blank(st.text, st.text_len)) {
    ret = rd_error(r, err, DYAD_ERR_EMPTY, ln->no, (unsigned)(first + 1),
                   ln->off + first, "story %s has no text", st.id);
    goto out;
  }
  ret = put_story(r, doc, &st, err);
out:
  cJSON_Delete(j);
  return ret;
}

static dyad_status jsonl_next(struct dyad_reader *r, dyad_doc *doc,
                              dyad_error *err) {
  for (;;) {
    struct line ln;
    dyad_status st = rd_line(r, &ln);
    if (st == DYAD_END) {
      r->finished = true;
      r->final = DYAD_END;
      return DYAD_END;
    }
    if (st == DYAD_ERR_LIMIT) {
      origin_start(r, ln.off, ln.no, 1);
      return rd_error(r, err, st, ln.no, 1, ln.off,
                      "line of more than %zu bytes", r->max_line);
    }
    if (st != DYAD_OK)
      return st;
    if (all_blank(ln.s, ln.n))
      continue;
    return jsonl_story(r, &ln, doc, err);
  }
}

/* ---- TABARI records ------------------------------------------------------ */

/* Blanks out C comments in s[0..n), keeping line breaks (and offsets). An
 * unclosed comment runs to the end. */
static void blank_comments(char *s, size_t n) {
  bool in = false;
  for (size_t i = 0; i < n; i++) {
    if (!in && s[i] == '/' && i + 1 < n && s[i + 1] == '*') {
      in = true;
      s[i] = s[i + 1] = ' ';
      i++;
    } else if (in && s[i] == '*' && i + 1 < n && s[i + 1] == '/') {
      in = false;
      s[i] = s[i + 1] = ' ';
      i++;
    } else if (in && s[i] != '\n') {
      s[i] = ' ';
    }
  }
}

static dyad_status tabari_next(struct dyad_reader *r, dyad_doc *doc,
                               dyad_error *err) {
  struct line ln;
  dyad_status st;
  /* the header: the next line starting with a digit */
  for (;;) {
    st = rd_line(r, &ln);
    if (st == DYAD_END) {
      r->finished = true;
      r->final = DYAD_END;
      return DYAD_END;
    }
    if (st == DYAD_ERR_LIMIT)
      continue; /* a long comment line */
    if (st != DYAD_OK)
      return st;
    if (ln.n && digit(ln.s[0]))
      break;
  }
  const unsigned hline = ln.no;
  const size_t hoff = ln.off;
  origin_start(r, hoff, hline, 1);
  size_t k = 0;
  while (k < ln.n && digit(ln.s[k]))
    k++;
  int date = (k == 6 || k == 8) ? Dyad_date_parse(ln.s, k) : 0;
  char datetok[16];
  snprintf(datetok, sizeof datetok, "%.*s", (int)(k < 12 ? k : 12), ln.s);
  size_t il = ln.n - k;
  char id[300];
  const char *ids = trim(ln.s + k, &il, NULL);
  if (il == 0)
    snprintf(id, sizeof id, "%s-%u", r->stem, hline);
  else
    snprintf(id, sizeof id, "%.*s", (int)(il < 255 ? il : 255), ids);
  keep_id(r, id);
  /* text lines up to an empty line */
  r->text.len = 0;
  bool over = false, first = true;
  unsigned tline = hline + 1;
  size_t toff = hoff;
  for (;;) {
    st = rd_line(r, &ln);
    if (st == DYAD_END)
      break;
    if (st == DYAD_ERR_LIMIT) {
      over = true;
      continue;
    }
    if (st != DYAD_OK)
      return st;
    if (ln.n == 0)
      break;
    if (over)
      continue;
    if (r->text.len + ln.n + 1 > r->max_story) {
      over = true;
      continue;
    }
    if (first) {
      tline = ln.no;
      toff = ln.off;
    }
    if ((!first && Dyad_buf_putc(&r->text, '\n') != DYAD_OK) ||
        Dyad_buf_put(&r->text, ln.s, ln.n) != DYAD_OK)
      return rd_final(r, DYAD_ERR_NOMEM, ln.no, "out of memory");
    first = false;
  }
  if (!date)
    return rd_error(r, err, DYAD_ERR_DATE, hline, 1, hoff,
                    "record %s: malformed date \"%s\" (YYMMDD or YYYYMMDD)", id,
                    datetok);
  if (over)
    return rd_error(r, err, DYAD_ERR_LIMIT, hline, 1, hoff,
                    "record %s: more than %zu bytes", id, r->max_story);
  blank_comments(r->text.data, r->text.len);
  if (all_blank(r->text.data, r->text.len))
    return rd_error(r, err, DYAD_ERR_EMPTY, hline, 1, hoff,
                    "record %s has no text", id);
  origin_part(r, 0, toff, tline, 1, r->text.len);
  dyad_story s;
  memset(&s, 0, sizeof s);
  s.id = id;
  s.id_len = strlen(id);
  s.date = story_date(r, date);
  s.text = r->text.data;
  s.text_len = r->text.len;
  return put_story(r, doc, &s, err);
}

/* ---- PETRARCH XML -------------------------------------------------------- */

static void xstory_fini(struct xstory *s) {
  free(s->id);
  free(s->source);
  Dyad_buf_fini(&s->text);
  memset(s, 0, sizeof *s);
}

static void xml_free(struct xml_state *x) {
  if (!x)
    return;
  if (x->p)
    XML_ParserFree(x->p);
  Dyad_buf_fini(&x->sent);
  free(x->sid);
  free(x->ssource);
  if (x->have_cur)
    xstory_fini(&x->cur);
  for (size_t i = x->qhead; i < x->queue.len; i++)
    xstory_fini(&VEC_AT(&x->queue, struct xstory, i));
  Dyad_vec_fini(&x->queue);
  free(x);
}

static char *xstrdup(const char *s, size_t n) {
  char *p = malloc(n + 1);
  if (p) {
    memcpy(p, s, n);
    p[n] = '\0';
  }
  return p;
}

/* The byte column of the parser's position (expat counts characters). */
static unsigned xml_col(XML_Parser p) {
  int off = 0, size = 0;
  const char *ctx = XML_GetInputContext(p, &off, &size);
  unsigned chars = (unsigned)XML_GetCurrentColumnNumber(p) + 1;
  if (!ctx || off < 0 || off > size)
    return chars;
  int i = off;
  while (i > 0 && ctx[i - 1] != '\n')
    i--;
  if (i == 0 && (XML_Index)off != XML_GetCurrentByteIndex(p))
    return chars; /* the line starts before the context */
  return (unsigned)(off - i) + 1;
}

static void xml_push_cur(struct xml_state *x) {
  if (!x->have_cur)
    return;
  struct xstory *q = Dyad_vec_push(&x->queue);
  if (!q) {
    x->nomem = true;
    XML_StopParser(x->p, XML_FALSE);
    return;
  }
  *q = x->cur;
  memset(&x->cur, 0, sizeof x->cur);
  x->have_cur = false;
}

static void xml_stop_nomem(struct xml_state *x) {
  x->nomem = true;
  XML_StopParser(x->p, XML_FALSE);
}

static void XMLCALL xml_on_start(void *ud, const XML_Char *name,
                                 const XML_Char **atts) {
  struct dyad_reader *r = ud;
  struct xml_state *x = r->xml;
  x->depth++;
  if (x->nomem || x->too_deep)
    return;
  if (x->depth > RD_MAX_XML_DEPTH) {
    x->too_deep = true;
    x->deep_line = (unsigned)XML_GetCurrentLineNumber(x->p);
    x->deep_col = xml_col(x->p);
    x->deep_off = (size_t)XML_GetCurrentByteIndex(x->p);
    XML_StopParser(x->p, XML_FALSE);
    return;
  }
  if (!x->sent_depth && strcmp(name, "Sentence") == 0) {
    x->sent_depth = x->depth;
    x->sent.len = 0;
    x->sent_over = false;
    x->sdate = 0;
    x->sdate_bad = false;
    x->sline = (unsigned)XML_GetCurrentLineNumber(x->p);
    x->scol = xml_col(x->p);
    x->soff = (size_t)XML_GetCurrentByteIndex(x->p);
    free(x->sid);
    free(x->ssource);
    x->sid = x->ssource = NULL;
    for (size_t i = 0; atts[i] && atts[i + 1]; i += 2) {
      const char *k = atts[i], *v = atts[i + 1];
      if (strcmp(k, "id") == 0 && !x->sid) {
        /* STORY_SENT: the sentence part starts with a digit ("_4",
         * "_2.75"); the story part may hold '_' itself */
        const char *u = strrchr(v, '_');
        size_t n = strlen(v);
        if (u && u > v && digit(u[1]))
          n = (size_t)(u - v);
        x->sid = xstrdup(v, n);
        if (!x->sid) {
          xml_stop_nomem(x);
          return;
        }
      } else if (strcmp(k, "date") == 0) {
        size_t n = strlen(v);
        const char *d = trim(v, &n, NULL);
        size_t dl = n;
        /* "20080801 12:00" (PETRARCH drops a time after a blank) */
        for (size_t i2 = 0; i2 < n; i2++)
          if (blank(d[i2])) {
            dl = i2;
            break;
          }
        x->sdate = dl ? Dyad_date_parse(d, dl) : 0;
        x->sdate_bad = dl && (!x->sdate || dl == 10);
        snprintf(x->sdate_raw, sizeof x->sdate_raw, "%.*s",
                 (int)(n < 32 ? n : 32), d);
      } else if (strcmp(k, "source") == 0 && !x->ssource) {
        x->ssource = xstrdup(v, strlen(v));
        if (!x->ssource) {
          xml_stop_nomem(x);
          return;
        }
      }
    }
    if (!x->sid) {
      char id[300];
      snprintf(id, sizeof id, "%s-%u", r->stem, x->sline);
      x->sid = xstrdup(id, strlen(id));
      if (!x->sid) {
        xml_stop_nomem(x);
        return;
      }
    }
  } else if (x->sent_depth && x->depth == x->sent_depth + 1 && !x->text_depth &&
             strcmp(name, "Text") == 0) {
    x->text_depth = x->depth;
  }
}

static void xml_end_sentence(struct dyad_reader *r) {
  struct xml_state *x = r->xml;
  if (x->nomem || !x->sid)
    return;
  if (x->have_cur && strcmp(x->cur.id, x->sid) != 0)
    xml_push_cur(x);
  if (x->nomem)
    return;
  struct xstory *c = &x->cur;
  if (!x->have_cur) {
    memset(c, 0, sizeof *c);
    Dyad_buf_init(&c->text, r->max_story + 16);
    c->id = x->sid;
    x->sid = NULL;
    c->source = x->ssource;
    x->ssource = NULL;
    c->date = x->sdate;
    c->off = x->soff;
    c->line = x->sline;
    c->col = x->scol;
    x->have_cur = true;
  }
  if (x->sdate_bad && c->st == DYAD_OK) {
    c->st = rd_error(r, &c->err, DYAD_ERR_DATE, x->sline, x->scol, x->soff,
                     "story %s: malformed date \"%s\"", c->id, x->sdate_raw);
  }
  if (x->sent_over && c->st == DYAD_OK) {
    c->st = rd_error(r, &c->err, DYAD_ERR_LIMIT, c->line, c->col, c->off,
                     "story %s: more than %zu bytes", c->id, r->max_story);
  }
  if (c->st != DYAD_OK) {
    Dyad_buf_fini(&c->text);
    return;
  }
  size_t n = x->sent.len;
  const char *t = trim(x->sent.data ? x->sent.data : "", &n, NULL);
  if (!n)
    return;
  if (c->text.len + n + 2 > r->max_story) {
    c->st = rd_error(r, &c->err, DYAD_ERR_LIMIT, c->line, c->col, c->off,
                     "story %s: more than %zu bytes", c->id, r->max_story);
    Dyad_buf_fini(&c->text);
    return;
  }
  if ((c->text.len && Dyad_buf_put(&c->text, "\n\n", 2) != DYAD_OK) ||
      Dyad_buf_put(&c->text, t, n) != DYAD_OK)
    xml_stop_nomem(x);
}

static void XMLCALL xml_on_end(void *ud, const XML_Char *name) {
  struct dyad_reader *r = ud;
  struct xml_state *x = r->xml;
  (void)name;
  if (x->text_depth == x->depth) {
    x->text_depth = 0;
  } else if (x->sent_depth == x->depth) {
    xml_end_sentence(r);
    x->sent_depth = 0;
    x->text_depth = 0;
  }
  x->depth--;
}

static void XMLCALL xml_on_text(void *ud, const XML_Char *s, int len) {
  struct dyad_reader *r = ud;
  struct xml_state *x = r->xml;
  if (!x->text_depth || x->sent_over || x->nomem || len <= 0)
    return;
  if (x->sent.len + (size_t)len > r->max_story) {
    x->sent_over = true;
    return;
  }
  if (Dyad_buf_put(&x->sent, s, (size_t)len) != DYAD_OK)
    xml_stop_nomem(x);
}

static dyad_status xml_start(struct dyad_reader *r) {
  struct xml_state *x = calloc(1, sizeof *x);
  if (!x)
    return DYAD_ERR_NOMEM;
  r->xml = x;
  x->p = XML_ParserCreate(NULL);
  if (!x->p)
    return DYAD_ERR_NOMEM;
  Dyad_buf_init(&x->sent, r->max_story + 16);
  Dyad_vec_init(&x->queue, sizeof(struct xstory));
  XML_SetUserData(x->p, r);
  XML_SetElementHandler(x->p, xml_on_start, xml_on_end);
  XML_SetCharacterDataHandler(x->p, xml_on_text);
  return DYAD_OK;
}

/* Feeds the parser until a story is ready or the input ends. */
static dyad_status xml_feed(struct dyad_reader *r) {
  struct xml_state *x = r->xml;
  while (x->qhead == x->queue.len && !x->done) {
    if (r->beg == r->end && !r->src_eof) {
      rd_drop(r);
      dyad_status st = rd_fill(r);
      if (st == DYAD_ERR_IO) {
        /* a corrupt compressed stream: the sentences read so far first */
        x->done = true;
        xml_push_cur(x);
        r->finished = x->nomem;
        return x->nomem ? rd_final(r, DYAD_ERR_NOMEM, r->line, "out of memory")
                        : DYAD_OK;
      }
      if (st != DYAD_OK)
        return st;
    }
    size_t n = r->end - r->beg;
    const bool last = r->src_eof;
    const char *p = r->buf ? r->buf + r->beg : "";
    while (n > 0 || last) {
      int piece = n > (size_t)1 << 30 ? 1 << 30 : (int)n;
      enum XML_Status xs = XML_Parse(x->p, p, piece, last && piece == (int)n);
      p += piece;
      n -= (size_t)piece;
      r->beg += (size_t)piece;
      if (x->nomem)
        return rd_final(r, DYAD_ERR_NOMEM, r->line, "out of memory");
      if (xs == XML_STATUS_ERROR) {
        x->done = true;
        xml_push_cur(x);
        if (x->nomem)
          return rd_final(r, DYAD_ERR_NOMEM, r->line, "out of memory");
        if (x->too_deep) {
          rd_final(r, DYAD_ERR_LIMIT, x->deep_line,
                   "XML elements nested more than %d deep", RD_MAX_XML_DEPTH);
          r->final_err.column = x->deep_col;
          r->final_err.offset = x->deep_off;
        } else {
          unsigned line = (unsigned)XML_GetCurrentLineNumber(x->p);
          rd_final(r, DYAD_ERR_PARSE, line, "malformed XML: %s",
                   XML_ErrorString(XML_GetErrorCode(x->p)));
          r->final_err.column = xml_col(x->p);
          r->final_err.offset = (size_t)XML_GetCurrentByteIndex(x->p);
        }
        r->finished = false; /* the queue first */
        return DYAD_OK;
      }
      if (last && n == 0) {
        x->done = true;
        xml_push_cur(x);
        if (x->nomem)
          return rd_final(r, DYAD_ERR_NOMEM, r->line, "out of memory");
        break;
      }
    }
  }
  return DYAD_OK;
}

static dyad_status xml_next(struct dyad_reader *r, dyad_doc *doc,
                            dyad_error *err) {
  struct xml_state *x = r->xml;
  if (!x) { /* empty input */
    r->finished = true;
    r->final = DYAD_END;
    return DYAD_END;
  }
  TRY(xml_feed(r));
  if (x->qhead == x->queue.len) {
    r->finished = true;
    if (r->final == DYAD_OK)
      r->final = DYAD_END;
    dyad_status f = r->final;
    if (f != DYAD_END && err)
      *err = r->final_err;
    r->final = DYAD_END;
    return f;
  }
  struct xstory *s = &VEC_AT(&x->queue, struct xstory, x->qhead);
  x->qhead++;
  origin_start(r, s->off, s->line, s->col);
  origin_part(r, 0, s->off, s->line, s->col, 0);
  if (s->id)
    keep_id(r, s->id);
  dyad_status ret;
  if (s->st != DYAD_OK) {
    ret = s->st;
    if (err)
      *err = s->err;
  } else if (all_blank(s->text.data, s->text.len)) {
    ret = rd_error(r, err, DYAD_ERR_EMPTY, s->line, s->col, s->off,
                   "story %s has no text", s->id);
  } else {
    dyad_story st;
    memset(&st, 0, sizeof st);
    st.id = s->id;
    st.id_len = strlen(s->id);
    st.date = story_date(r, s->date);
    st.text = s->text.data;
    st.text_len = s->text.len;
    if (s->source) {
      st.source = s->source;
      st.source_len = strlen(s->source);
    }
    ret = put_story(r, doc, &st, err);
  }
  xstory_fini(s);
  if (x->qhead == x->queue.len)
    x->qhead = x->queue.len = 0;
  return ret;
}

/* ---- next ---------------------------------------------------------------- */

dyad_status dyad_reader_next(dyad_reader *r, dyad_doc *doc, dyad_error *err) {
  if (!r || !doc)
    return Dyad_error_set(err, DYAD_ERR_ARG, r ? r->name : "", 0, 0,
                          "invalid argument");
  r->has_origin = false;
  r->has_story_id = false;
  if (r->finished) {
    dyad_status f = r->final;
    if (f != DYAD_END && err)
      *err = r->final_err;
    r->final = DYAD_END;
    return f;
  }
  dyad_status st;
  switch (r->fmt) {
  case DYAD_INPUT_JSONL:
    st = jsonl_next(r, doc, err);
    break;
  case DYAD_INPUT_PETRARCH:
    st = xml_next(r, doc, err);
    break;
  case DYAD_INPUT_TABARI:
    st = tabari_next(r, doc, err);
    break;
  default:
    st = text_next(r, doc, err);
    break;
  }
  if (r->finished && r->final != DYAD_END && st == r->final) {
    /* a final error reported now */
    if (err)
      *err = r->final_err;
    r->final = DYAD_END;
  }
  /* an input that holds no story at all is reported once, not passed over
   * in silence */
  if (st == DYAD_END && r->items == 0) {
    r->items++;
    return Dyad_error_set(err, DYAD_ERR_EMPTY, r->name, 1, 1,
                          "no story in this input (empty)");
  }
  r->items++;
  return st;
}
