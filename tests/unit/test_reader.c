/*
 * test_reader.c - the readers: plain text, JSON Lines, PETRARCH XML and
 * TABARI records; format detection; gzip and zstd input; limits; positions
 * of rejected stories and of coder errors (dyad_origin_locate); regression
 * cases (tests/fuzz/fuzz_reader.c fuzzes the same entry points).
 */
#include "harness.h"

#include <fcntl.h>
#include <stdint.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "dyad.h"
#include "reader/reader.h"

static dyad_doc *D;

/* A reader over s (NUL-terminated) or n bytes of it. */
static dyad_reader *open_n(const char *name, const char *s, size_t n,
                           dyad_input_format fmt) {
  dyad_reader *r = NULL;
  dyad_error e;
  memset(&e, 0, sizeof e);
  if (dyad_reader_open_mem(name, s, n, fmt, &r, &e) != DYAD_OK) {
    fprintf(stderr, "open %s: %s\n", name, e.message);
    return NULL;
  }
  return r;
}

static dyad_reader *open_s(const char *name, const char *s,
                           dyad_input_format fmt) {
  return open_n(name, s, strlen(s), fmt);
}

static const char *text(void) {
  return dyad_doc_text(D, NULL);
}

/* Reads every story; returns "id|id|..." with "!CODE@L:C" for rejections. */
static const char *all_ids(dyad_reader *r) {
  static char out[4096];
  size_t k = 0;
  out[0] = '\0';
  if (!r)
    return "(no reader)";
  for (int guard = 0; guard < 1000; guard++) {
    dyad_error e;
    memset(&e, 0, sizeof e);
    dyad_status st = dyad_reader_next(r, D, &e);
    if (st == DYAD_END)
      break;
    if (st == DYAD_OK)
      k += (size_t)snprintf(out + k, sizeof out - k, "%s%s", k ? "|" : "",
                            dyad_doc_id(D));
    else
      k += (size_t)snprintf(out + k, sizeof out - k, "%s!%d@%u:%u",
                            k ? "|" : "", (int)st, e.line, e.column);
    if (k >= sizeof out)
      break;
  }
  return out;
}

/* Compresses in[0..n) as one gzip member (zlib) or one zstd frame
 * (libzstd) into out[0..cap); returns the length, 0 on failure. */
static size_t pack(bool zstd, const char *in, size_t n, char *out,
                   size_t cap) {
  if (zstd) {
    size_t k = ZSTD_compress(out, cap, in, n, 3);
    return ZSTD_isError(k) ? 0 : k;
  }
  z_stream z;
  memset(&z, 0, sizeof z);
  if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return 0;
  z.next_in = (Bytef *)(uintptr_t)in;
  z.avail_in = (uInt)n;
  z.next_out = (Bytef *)out;
  z.avail_out = (uInt)cap;
  int rc = deflate(&z, Z_FINISH);
  size_t k = cap - z.avail_out;
  deflateEnd(&z);
  return rc == Z_STREAM_END ? k : 0;
}

/* ---- formats ------------------------------------------------------------- */

static void test_format_names(struct runner *r) {
  dyad_input_format f = DYAD_INPUT_TEXT;
  CASE(r, "input format names");
  CHECK_INT(r, dyad_input_format_parse("auto", &f), DYAD_OK);
  CHECK_INT(r, f, DYAD_INPUT_AUTO);
  CHECK_INT(r, dyad_input_format_parse("petrarch-xml", &f), DYAD_OK);
  CHECK_INT(r, f, DYAD_INPUT_PETRARCH);
  CHECK_INT(r, dyad_input_format_parse("tabari", &f), DYAD_OK);
  CHECK_INT(r, f, DYAD_INPUT_TABARI);
  CHECK_INT(r, dyad_input_format_parse("jsonl", &f), DYAD_OK);
  CHECK_INT(r, dyad_input_format_parse("text", &f), DYAD_OK);
  CHECK_INT(r, f, DYAD_INPUT_TEXT);
  CHECK_INT(r, dyad_input_format_parse("xml", &f), DYAD_ERR_ARG);
  CHECK_INT(r, dyad_input_format_parse(NULL, &f), DYAD_ERR_ARG);

  CASE(r, "detection from content");
  static const struct {
    const char *s;
    dyad_input_format f;
  } cases[] = {
      {"{\"id\":\"a\",\"text\":\"x\"}\n", DYAD_INPUT_JSONL},
      {"\xEF\xBB\xBF  \n{\"id\":\"a\",\"text\":\"x\"}\n", DYAD_INPUT_JSONL},
      {"<?xml version=\"1.0\"?>\n<Sentences></Sentences>\n",
       DYAD_INPUT_PETRARCH},
      {"<!-- c -->\n<Validation><Sentences/></Validation>",
       DYAD_INPUT_PETRARCH},
      {"950101 DEMO-01\nArnor met Gondor.\n\n", DYAD_INPUT_TABARI},
      {"#####\n# comments\n\n20230701 X-1\nText.\n", DYAD_INPUT_TABARI},
      {" date 2023-07-01 Headline\n\nBody.\n", DYAD_INPUT_TEXT},
      {"200101 people marched in Paris\non Monday.\n", DYAD_INPUT_TEXT},
      {"Mali and France.\n950101 DEMO-01\nx\n", DYAD_INPUT_TEXT},
      {"just one line", DYAD_INPUT_TEXT},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    dyad_reader *rd = open_s("t", cases[i].s, DYAD_INPUT_AUTO);
    CHECK(r, rd != NULL);
    CHECK_INT(r, dyad_reader_format(rd), cases[i].f);
    dyad_reader_free(rd);
  }
  dyad_reader_free(NULL);
}

static void test_empty(struct runner *r) {
  static const dyad_input_format fmts[] = {
      DYAD_INPUT_AUTO, DYAD_INPUT_TEXT, DYAD_INPUT_JSONL, DYAD_INPUT_PETRARCH,
      DYAD_INPUT_TABARI};
  CASE(r, "an empty input is reported once (no story), in every format");
  for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
    dyad_reader *rd = open_n("empty.txt", "", 0, fmts[i]);
    CHECK(r, rd != NULL);
    CHECK_STR(r, all_ids(rd), "!10@1:1");
    dyad_reader_free(rd);
  }
  CASE(r, "blank JSON Lines are skipped; with nothing else, no story");
  dyad_reader *rd = open_s("b.jsonl", "\n  \n\t\n", DYAD_INPUT_JSONL);
  CHECK_STR(r, all_ids(rd), "!10@1:1");
  dyad_reader_free(rd);
  rd = open_s("c.jsonl", "\n{\"id\":\"a\",\"text\":\"A.\"}\n\n",
              DYAD_INPUT_JSONL);
  CHECK_STR(r, all_ids(rd), "a");
  dyad_reader_free(rd);
  CASE(r, "a blank text file is a story without text");
  rd = open_s("b.txt", "  \n\n", DYAD_INPUT_TEXT);
  CHECK_STR(r, all_ids(rd), "!10@1:1");
  dyad_reader_free(rd);
}

/* ---- plain text ---------------------------------------------------------- */

static void test_text(struct runner *r) {
  dyad_error e;
  dyad_reader *rd;
  CASE(r, "text: date line, headline on the same line, body");
  rd = open_s("dir/sub/000_abc.txt",
              " date 2023-07-01 Russia and Wagner stay.\n\nThe Council "
              "decided.\n",
              DYAD_INPUT_AUTO);
  CHECK_INT(r, dyad_reader_format(rd), DYAD_INPUT_TEXT);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_STR(r, dyad_doc_id(D), "000_abc");
  CHECK_INT(r, dyad_doc_date(D), 20230701);
  CHECK_STR(r, text(), "Russia and Wagner stay.\n\n\nThe Council decided.\n");
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_END);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_END);
  dyad_reader_free(rd);

  CASE(r, "text: no date line: date 0, no headline");
  rd = open_s("story.gz", "Mali and France.\nMore text.", DYAD_INPUT_TEXT);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_STR(r, dyad_doc_id(D), "story");
  CHECK_INT(r, dyad_doc_date(D), 0);
  CHECK_STR(r, text(), "Mali and France.\nMore text.");
  dyad_reader_free(rd);

  CASE(r, "text: date forms");
  static const struct {
    const char *in;
    int date;
    const char *text;
  } forms[] = {
      {"date 20230701 Head\nBody", 20230701, "Head\n\nBody"},
      {"\tDATE  2023-07-01\tHead  \r\nBody", 20230701, "Head\n\nBody"},
      {"Date 230701 Head", 20230701, "Head\n\n"},
      {"date 2023-07-01\nHeadline on line two\n", 20230701,
       "Headline on line two\n"},
      {"date palms grow here.\n", 0, "date palms grow here.\n"},
      {"dated 2023-07-01 x\n", 0, "dated 2023-07-01 x\n"},
      /* no date: an open first line before a capital is the headline */
      {"Mali ends mission\nThe junta said so.\n", 0,
       "Mali ends mission\n\nThe junta said so.\n"},
      {"Mali ends mission\n\nthe junta said so.\n", 0,
       "Mali ends mission\n\n\nthe junta said so.\n"},
      /* a date line alone, then a headline on the next line */
      {"date 2023-07-01\nKenya protests\nPolice arrested ten.\n", 20230701,
       "Kenya protests\n\nPolice arrested ten.\n"},
      {"date 2023-07-01\r\nKenya protests\r\n\r\nPolice arrested ten.",
       20230701, "Kenya protests\n\n\r\nPolice arrested ten."},
      /* a sentence wrapped across lines stays whole */
      {"The Council voted to end its\nmission in Mali.\n", 0,
       "The Council voted to end its\nmission in Mali.\n"},
      {"Police arrested protesters in\nNairobi on Tuesday.\n", 0,
       "Police arrested protesters in\nNairobi on Tuesday.\n"},
      {"date 2023-07-01\nthe police in\nNairobi arrested ten.\n", 20230701,
       "the police in\nNairobi arrested ten.\n"},
      {"date 2023-07-01\nPolice arrested ten protesters and\nFive were hurt.",
       20230701, "Police arrested ten protesters and\nFive were hurt."},
      {"Mali ended it.\nThe junta said so.\n", 0,
       "Mali ended it.\nThe junta said so.\n"},
  };
  for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
    rd = open_s("f.txt", forms[i].in, DYAD_INPUT_TEXT);
    CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
    CHECK_INT(r, dyad_doc_date(D), forms[i].date);
    CHECK_STR(r, text(), forms[i].text);
    dyad_reader_free(rd);
  }

  CASE(r, "text: an impossible date is rejected at its column");
  memset(&e, 0, sizeof e);
  rd = open_s("bad.txt", "  date 2023-02-30 Head\nBody\n", DYAD_INPUT_TEXT);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_ERR_DATE);
  CHECK_STR(r, e.source, "bad.txt");
  CHECK_INT(r, e.line, 1);
  CHECK_INT(r, e.column, 8);
  CHECK_INT(r, e.offset, 7);
  CHECK(r, strstr(e.message, "2023-02-30") != NULL);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_END);
  dyad_reader_free(rd);

  CASE(r, "text: a date line alone is a story without text");
  rd = open_s("d.txt", "date 2023-07-01\n\n", DYAD_INPUT_TEXT);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_ERR_EMPTY);
  dyad_reader_free(rd);

  CASE(r, "text: default date only for stories without one");
  rd = open_s("d.txt", "No date here.", DYAD_INPUT_TEXT);
  CHECK_INT(r, dyad_reader_set_default_date(rd, 20240229), DYAD_OK);
  CHECK_INT(r, dyad_reader_set_default_date(rd, 20230229), DYAD_ERR_DATE);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_INT(r, dyad_doc_date(D), 20240229);
  dyad_reader_free(rd);
  rd = open_s("d.txt", "date 2020-01-01 x", DYAD_INPUT_TEXT);
  CHECK_INT(r, dyad_reader_set_default_date(rd, 20240229), DYAD_OK);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_INT(r, dyad_doc_date(D), 20200101);
  dyad_reader_free(rd);

  CASE(r, "text: a BOM is skipped");
  rd = open_s("bom.txt",
              "\xEF\xBB\xBF"
              "date 2023-07-01 Head\nBody",
              DYAD_INPUT_AUTO);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_INT(r, dyad_doc_date(D), 20230701);
  CHECK_STR(r, text(), "Head\n\nBody");
  dyad_reader_free(rd);

  CASE(r, "text: a date line after a blank line starts the next story");
  rd = open_s("dir/two.txt",
              "date 2023-07-01 Head one\n\nBody one.\n\n"
              "date 2023-07-02 Head two\r\n\r\nBody two.\n",
              DYAD_INPUT_TEXT);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_STR(r, dyad_doc_id(D), "two-1");
  CHECK_INT(r, dyad_doc_date(D), 20230701);
  CHECK_STR(r, text(), "Head one\n\n\nBody one.\n\n");
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_STR(r, dyad_doc_id(D), "two-2");
  CHECK_INT(r, dyad_doc_date(D), 20230702);
  CHECK_STR(r, text(), "Head two\n\n\r\nBody two.\n");
  dyad_origin o;
  dyad_reader_origin(rd, &o);
  CHECK_INT(r, o.line, 5);
  CHECK_INT(r, o.offset, 37);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_END);
  dyad_reader_free(rd);

  CASE(r, "text: a bad date of a later story is rejected at its line");
  memset(&e, 0, sizeof e);
  rd = open_s("three.txt",
              "date 2023-07-01 A\n\nBody.\n\ndate 2023-02-30 B\n\nBody.\n"
              "\n  date 20230703 C\n",
              DYAD_INPUT_TEXT);
  CHECK_STR(r, all_ids(rd), "three-1|!8@5:6|three-3");
  dyad_reader_free(rd);

  CASE(r, "text: a date line without a blank line before stays in the story");
  rd = open_s("one.txt",
              "date 2023-07-01 A\n\nBody.\ndate 2023-07-02 is a date.\n",
              DYAD_INPUT_TEXT);
  CHECK_STR(r, all_ids(rd), "one");
  dyad_reader_free(rd);
  rd = open_s("lead.txt", "\n\ndate 2023-07-02 B\n\nBody.\n", DYAD_INPUT_TEXT);
  CHECK_STR(r, all_ids(rd), "lead");
  dyad_reader_free(rd);
}

/* ---- JSON Lines ---------------------------------------------------------- */

static void test_jsonl(struct runner *r) {
  dyad_error e;
  dyad_reader *rd;
  CASE(r, "jsonl: fields");
  rd = open_s("w.jsonl",
              "{\"id\": \"a-1\", \"title\": \" Head \", \"text\": \"Body.\", "
              "\"date\": \"2004-08-15\", \"source\": \"AP\", \"url\": "
              "\"http://x\", \"other\": [1, {\"text\": \"no\"}]}\r\n"
              "\n"
              "{\"id\": 42, \"text\": \"Two.\", \"date\": \"20040816\"}\n"
              "{\"text\": \"Three.\", \"date\": \"2004-08-17T10:00:00Z\"}\n"
              "{\"id\": \"n\", \"content\": \"Four.\", \"date\": 20040818}\n",
              DYAD_INPUT_AUTO);
  CHECK_INT(r, dyad_reader_format(rd), DYAD_INPUT_JSONL);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_STR(r, dyad_doc_id(D), "a-1");
  CHECK_INT(r, dyad_doc_date(D), 20040815);
  CHECK_STR(r, text(), "Head\n\nBody.");
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_STR(r, dyad_doc_id(D), "42");
  CHECK_INT(r, dyad_doc_date(D), 20040816);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_STR(r, dyad_doc_id(D), "w-4"); /* no id: name and line */
  CHECK_INT(r, dyad_doc_date(D), 20040817);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_STR(r, text(), "Four.");
  CHECK_INT(r, dyad_doc_date(D), 20040818);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_END);
  dyad_reader_free(rd);

  CASE(r, "jsonl: a line that is not JSON is rejected, the next one read");
  rd = open_s("m.jsonl",
              "{\"id\":\"a\",\"text\":\"A.\"}\n"
              "{\"id\":\"b\",\"text\":\"B.\" oops}\n"
              "this is not JSON\n"
              "[1, 2]\n"
              "{\"id\":\"c\",\"text\":\"C.\"} {}\n"
              "{\"id\":\"d\",\"text\":\"D.\"}\n",
              DYAD_INPUT_JSONL);
  CHECK_STR(r, all_ids(rd), "a|!5@2:23|!5@3:1|!5@4:1|!5@5:24|d");
  dyad_reader_free(rd);

  CASE(r, "jsonl: bad dates and types, with the column of the value");
  rd = open_s("t.jsonl",
              "{\"id\":\"a\",\"date\":\"2004-13-01\",\"text\":\"A.\"}\n"
              "{\"id\":\"b\",\"date\":\"040801\",\"text\":\"B.\"}\n"
              "{\"id\":\"c\",\"date\":true,\"text\":\"C.\"}\n"
              "{\"id\":\"d\",\"text\":7}\n"
              "{\"id\":[1],\"text\":\"E.\"}\n"
              "{\"id\":\"f\",\"title\":{},\"text\":\"F.\"}\n"
              "{\"id\":\"g\",\"date\":null,\"title\":null,\"text\":\"G.\"}\n",
              DYAD_INPUT_JSONL);
  CHECK_STR(r, all_ids(rd), "!8@1:18|!8@2:18|!8@3:18|!5@4:18|!5@5:7|!5@6:19|g");
  dyad_reader_free(rd);

  CASE(r, "jsonl: a story without text");
  memset(&e, 0, sizeof e);
  rd = open_s("e.jsonl",
              "{\"id\":\"x\"}\n  {\"id\":\"y\",\"title\":\" \",\"text\":\"\"}\n"
              "{\"id\":\"z\",\"title\":\"Only a title\"}\n",
              DYAD_INPUT_JSONL);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_ERR_EMPTY);
  CHECK_INT(r, e.line, 1);
  CHECK(r, strstr(e.message, "x") != NULL);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_ERR_EMPTY);
  CHECK_INT(r, e.line, 2);
  CHECK_INT(r, e.column, 3);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_STR(r, text(), "Only a title\n\n");
  dyad_reader_free(rd);

  CASE(r, "jsonl: escapes are decoded");
  rd =
      open_s("u.jsonl",
             "{\"id\":\"u\",\"text\":\"caf\\u00e9 \\\"q\\\"\\n\\t\\ud83d\\ude00"
             "\"}",
             DYAD_INPUT_JSONL);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_STR(r, text(), "caf\xC3\xA9 \"q\"\n\t\xF0\x9F\x98\x80");
  dyad_reader_free(rd);
}

/* A JSON line of n bytes of text. */
static char *long_line(size_t n, size_t *len) {
  char *s = malloc(n + 128);
  if (!s)
    return NULL;
  static const char head[] = "{\"id\":\"long\",\"text\":\"";
  static const char tail[] = "\"}\n{\"id\":\"after\",\"text\":\"x\"}\n";
  memcpy(s, head, sizeof head - 1);
  size_t k = sizeof head - 1;
  for (size_t i = 0; i < n; i++)
    s[k + i] = (i % 7 == 6) ? ' ' : 'a';
  k += n;
  memcpy(s + k, tail, sizeof tail - 1);
  *len = k + sizeof tail - 1;
  return s;
}

static void test_limits(struct runner *r) {
  dyad_error e;
  size_t len;
  char *s;
  CASE(r, "a 10 MB line is read whole");
  s = long_line((size_t)10 << 20, &len);
  dyad_reader *rd = open_n("ten.jsonl", s, len, DYAD_INPUT_AUTO);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  size_t tl;
  dyad_doc_text(D, &tl);
  CHECK_INT(r, tl, (size_t)10 << 20);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_STR(r, dyad_doc_id(D), "after");
  dyad_reader_free(rd);
  free(s);

  CASE(r, "a line over 64 MiB is rejected, the next one read");
  s = long_line(RD_MAX_LINE + 10, &len);
  rd = open_n("big.jsonl", s, len, DYAD_INPUT_JSONL);
  memset(&e, 0, sizeof e);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_ERR_LIMIT);
  CHECK_INT(r, e.line, 1);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_STR(r, dyad_doc_id(D), "after");
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_END);
  dyad_reader_free(rd);
  free(s);

  CASE(r, "lowered limits: line, story, TABARI record, XML story");
  rd = open_s("l.jsonl",
              "{\"id\":\"a\",\"text\":\"short\"}\n"
              "{\"id\":\"b\",\"text\":\"this line is longer than forty\"}\n"
              "{\"id\":\"c\",\"text\":\"ok\"}",
              DYAD_INPUT_JSONL);
  Dyad_reader_set_limits(rd, 0, 40);
  CHECK_STR(r, all_ids(rd), "a|!7@2:1|c");
  dyad_reader_free(rd);
  rd = open_s("l.txt", "0123456789 0123456789", DYAD_INPUT_TEXT);
  Dyad_reader_set_limits(rd, 10, 0);
  CHECK_STR(r, all_ids(rd), "!7@1:1");
  dyad_reader_free(rd);
  rd = open_s("l.text",
              "950101 A\nshort\n\n950101 B\nlong line of text here\nmore\n\n"
              "950101 C\nok\n",
              DYAD_INPUT_TABARI);
  Dyad_reader_set_limits(rd, 12, 0);
  CHECK_STR(r, all_ids(rd), "A|!7@4:1|C");
  dyad_reader_free(rd);
  rd = open_s("l.xml",
              "<Sentences>\n"
              "<Sentence id=\"S1_1\"><Text>ab</Text></Sentence>\n"
              "<Sentence id=\"S2_1\"><Text>abcdef</Text></Sentence>\n"
              "<Sentence id=\"S2_2\"><Text>abcdef</Text></Sentence>\n"
              "<Sentence id=\"S3_1\"><Text>x</Text></Sentence>\n"
              "</Sentences>\n",
              DYAD_INPUT_PETRARCH);
  Dyad_reader_set_limits(rd, 10, 0);
  CHECK_STR(r, all_ids(rd), "S1|!7@3:1|S3");
  dyad_reader_free(rd);

  CASE(r, "XML nested over RD_MAX_XML_DEPTH: the stories before, then the "
          "limit at the element that goes over");
  {
    size_t cap = 64 + (RD_MAX_XML_DEPTH + 8) * 7 + 256, k = 0;
    char *x = malloc(cap);
    k += (size_t)snprintf(x + k, cap - k,
                          "<Sentences>\n<Sentence id=\"A1_1\"><Text>ok"
                          "</Text></Sentence>\n");
    for (int i = 2; i <= RD_MAX_XML_DEPTH + 5; i++) /* root is depth 1 */
      k += (size_t)snprintf(x + k, cap - k, "<b>");
    rd = open_n("deep.xml", x, k, DYAD_INPUT_PETRARCH);
    /* line 3; element RD_MAX_XML_DEPTH + 1 is the RD_MAX_XML_DEPTH-th <b>,
     * at column 3 * (RD_MAX_XML_DEPTH - 1) + 1 */
    char want[64];
    snprintf(want, sizeof want, "A1|!7@3:%d", 3 * (RD_MAX_XML_DEPTH - 1) + 1);
    CHECK_STR(r, all_ids(rd), want);
    dyad_reader_free(rd);
    free(x);
  }
}

/* LF, CRLF and lone CR end lines alike, also a CRLF cut between reads. */
static void test_line_ends(struct runner *r) {
  dyad_reader *rd;
  CASE(r, "JSON Lines: lone CR line ends");
  rd = open_s("cr.jsonl",
              "{\"id\":\"a\",\"text\":\"x\"}\r{\"id\":\"b\",\"text\":\"y\"}\r"
              "\r{\"id\":\"c\",\"text\":\"z\"}",
              DYAD_INPUT_JSONL);
  CHECK_STR(r, all_ids(rd), "a|b|c");
  dyad_reader_free(rd);
  CASE(r, "TABARI records: CRLF, lone CR and LF mixed; line numbers count "
          "each end");
  rd = open_s("mixed.rec",
              "950101 A\r\nfirst\r\n\r\n950101 B\rsecond\r\r950101 C\n"
              "third\n\n950101 D\rcut\r",
              DYAD_INPUT_TABARI);
  CHECK_STR(r, all_ids(rd), "A|B|C|D");
  dyad_reader_free(rd);
  rd = open_s("mixed.rec", "950101 A\rfirst\r\r951301 B\rbad\r",
              DYAD_INPUT_TABARI);
  CHECK_STR(r, all_ids(rd), "A|!8@4:1");
  dyad_reader_free(rd);
}

/* ---- PETRARCH XML -------------------------------------------------------- */

static const char petr_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- sample -->\n"
    "<Sentences>\n"
    "<Sentence date = \"20080804\" id =\"AFP_ENG_0625_4\" source = \"AFP\" "
    "sentence = \"True\">\n"
    "<Text>\n"
    "  The stopover came &amp; went.\n"
    "</Text>\n"
    "<Parse>\n(ROOT (S (NP (DT The))))\n</Parse>\n"
    "</Sentence>\n"
    "<Sentence date=\"20080804\" id=\"AFP_ENG_0625_5\"><Text>Second "
    "sentence.</Text></Sentence>\n"
    "<Sentence date=\"080806\" id=\"NYT0001_1\"><Parse>x</Parse><Text>"
    "Other story.</Text></Sentence>\n"
    "<Sentence date=\"19950101\" id=\"DEMO-00\"><Text>Arnor</Text>"
    "</Sentence>\n"
    "<Sentence date=\"20080804\" id=\"AFP_ENG_0625_6\"><Text>Back again."
    "</Text></Sentence>\n"
    "</Sentences>\n";

static void test_petrarch(struct runner *r) {
  dyad_error e;
  dyad_reader *rd;
  CASE(r, "petrarch: STORY_SENT ids grouped, texts joined, Parse ignored");
  rd = open_s("g.xml", petr_xml, DYAD_INPUT_AUTO);
  CHECK_INT(r, dyad_reader_format(rd), DYAD_INPUT_PETRARCH);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_STR(r, dyad_doc_id(D), "AFP_ENG_0625");
  CHECK_INT(r, dyad_doc_date(D), 20080804);
  CHECK_STR(r, text(), "The stopover came & went.\n\nSecond sentence.");
  dyad_origin o;
  dyad_reader_origin(rd, &o);
  CHECK_INT(r, o.line, 4);
  CHECK_INT(r, o.column, 1);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_STR(r, dyad_doc_id(D), "NYT0001");
  CHECK_INT(r, dyad_doc_date(D), 20080806);
  CHECK_STR(r, text(), "Other story.");
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_STR(r, dyad_doc_id(D), "DEMO-00");
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_STR(r, dyad_doc_id(D), "AFP_ENG_0625"); /* not consecutive: new */
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_END);
  dyad_reader_free(rd);

  CASE(r, "petrarch: <Validation> wrapper, no id, bad date, no text");
  rd = open_s("v.xml",
              "<Validation>\n<Environment><Verbfile>x</Verbfile>"
              "</Environment>\n<Sentences>\n"
              "<Sentence date=\"19950101\" id=\"A_1\" category=\"DEMO\">\n"
              "<EventCoding sourcecode=\"ARN\"/>\n<Text>Arnor met.</Text>\n"
              "</Sentence>\n"
              "<Sentence date=\"1995-13-01\" id=\"B_1\"><Text>x</Text>"
              "</Sentence>\n"
              "<Sentence date=\"19950101\"><Text>No id.</Text></Sentence>\n"
              "<Sentence date=\"19950101\" id=\"C_1\"><Text> </Text>"
              "</Sentence>\n"
              "</Sentences>\n</Validation>\n",
              DYAD_INPUT_AUTO);
  CHECK_STR(r, all_ids(rd), "A|!8@8:1|v-9|!10@10:1");
  dyad_reader_free(rd);

  CASE(r, "petrarch: a file cut in half: stories before, then the error");
  size_t cut = (size_t)(strstr(petr_xml, "Other story") - petr_xml) + 3;
  rd = open_n("cut.xml", petr_xml, cut, DYAD_INPUT_AUTO);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_STR(r, dyad_doc_id(D), "AFP_ENG_0625");
  CHECK_STR(r, text(), "The stopover came & went.\n\nSecond sentence.");
  memset(&e, 0, sizeof e);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_ERR_PARSE);
  CHECK_STR(r, e.source, "cut.xml");
  CHECK_INT(r, e.line, 13);
  CHECK(r, e.column > 1);
  CHECK(r, strstr(e.message, "XML") != NULL);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_END);
  dyad_reader_free(rd);

  CASE(r, "petrarch: malformed XML, byte column after multibyte text");
  memset(&e, 0, sizeof e);
  rd = open_s("m.xml",
              "<Sentences>\n<Sentence id=\"A_1\"><Text>\xC3\xA9\xC3\xA9</Tex>"
              "</Sentence></Sentences>",
              DYAD_INPUT_PETRARCH);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_ERR_PARSE);
  CHECK_INT(r, e.line, 2);
  CHECK_INT(r, e.column, 32);
  dyad_reader_free(rd);
}

/* ---- TABARI -------------------------------------------------------------- */

static void test_tabari(struct runner *r) {
  dyad_error e;
  dyad_reader *rd;
  CASE(r, "tabari: records, comments, /* */ removed");
  rd = open_s("demo.text",
              "#########\n# header comment\n\n"
              "950101*INTRO\nIntro text /* a comment\nover lines */ ends.\n\n"
              "comment line between records\n"
              "950102  DEMO-01\nArnor is about to restore ties \n"
              "with Gondor.\n/*\\n{ ARN / GON / 064 } */\n\n"
              "20230701 NEW-1\r\nEight digit date.\r\n\r\n"
              "9501201 BAD-1\nSeven digits.\n\n"
              "950101 EMPTY\n/* only a comment */\n\n"
              "950101\nNo id.\n",
              DYAD_INPUT_AUTO);
  CHECK_INT(r, dyad_reader_format(rd), DYAD_INPUT_TABARI);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_STR(r, dyad_doc_id(D), "*INTRO");
  CHECK_INT(r, dyad_doc_date(D), 19950101);
  CHECK_STR(r, text(), "Intro text             \n              ends.");
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_STR(r, dyad_doc_id(D), "DEMO-01");
  CHECK_INT(r, dyad_doc_date(D), 19950102);
  CHECK_STR(r, text(),
            "Arnor is about to restore ties \nwith Gondor.\n"
            "                          ");
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_STR(r, dyad_doc_id(D), "NEW-1");
  CHECK_INT(r, dyad_doc_date(D), 20230701);
  CHECK_STR(r, text(), "Eight digit date.");
  memset(&e, 0, sizeof e);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_ERR_DATE);
  CHECK_INT(r, e.line, 17);
  CHECK(r, strstr(e.message, "BAD-1") != NULL);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_ERR_EMPTY);
  CHECK_INT(r, e.line, 20);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_STR(r, dyad_doc_id(D), "demo-23");
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_END);
  dyad_reader_free(rd);
}

/* ---- the id of a story read or rejected ---------------------------------- */

/* Reads every story; returns "id|id|..." from dyad_reader_story_id, with
 * "(null)" where it has none and "!" before a rejection. */
static const char *story_ids(dyad_reader *r) {
  static char out[2048];
  size_t k = 0;
  out[0] = '\0';
  for (int guard = 0; guard < 100; guard++) {
    dyad_error e;
    dyad_status st = dyad_reader_next(r, D, &e);
    if (st == DYAD_END)
      break;
    const char *id = dyad_reader_story_id(r);
    k += (size_t)snprintf(out + k, sizeof out - k, "%s%s%s", k ? "|" : "",
                          st == DYAD_OK ? "" : "!", id ? id : "(null)");
    if (k >= sizeof out)
      break;
  }
  return out;
}

static void test_story_id(struct runner *r) {
  dyad_reader *rd;
  CASE(r, "story id: of stories read and rejected, in each format");
  CHECK(r, dyad_reader_story_id(NULL) == NULL);
  rd = open_s("j.jsonl",
              "{\"id\":\"a\",\"date\":\"2023-13-01\",\"text\":\"A.\"}\n"
              "{\"id\":7,\"text\":\"A.\"}\n"
              "{\"text\":\"\"}\n"
              "not json\n"
              "{\"id\":[1],\"text\":\"A.\"}\n",
              DYAD_INPUT_JSONL);
  CHECK_STR(r, story_ids(rd), "!a|7|!j-3|!(null)|!(null)");
  CHECK(r, dyad_reader_story_id(rd) == NULL); /* after DYAD_END */
  dyad_reader_free(rd);
  rd = open_s("t.txt",
              "date 2023-02-30 Head\nBody.\n\ndate 2023-03-01 Head\nBody.\n",
              DYAD_INPUT_TEXT);
  CHECK_STR(r, story_ids(rd), "!t-1|t-2");
  dyad_reader_free(rd);
  rd = open_s("x.xml",
              "<Sentences><Sentence date=\"20231340\" id=\"XB_1\"><Text>A."
              "</Text></Sentence><Sentence date=\"20230101\" id=\"XC_1\">"
              "<Text>B.</Text></Sentence></Sentences>\n",
              DYAD_INPUT_PETRARCH);
  CHECK_STR(r, story_ids(rd), "!XB|XC");
  dyad_reader_free(rd);
  rd = open_s("r.tab", "231340 T-9\nA.\n\n230101 T-10\nB.\n\n",
              DYAD_INPUT_TABARI);
  CHECK_STR(r, story_ids(rd), "!T-9|T-10");
  dyad_reader_free(rd);

  CASE(r, "story id: a long id is cut at a character boundary");
  char line[700];
  int n = snprintf(line, sizeof line, "{\"id\":\"");
  for (int i = 0; i < 200; i++)
    n += snprintf(line + n, sizeof line - (size_t)n, "\xC3\xA9"); /* e-acute */
  snprintf(line + n, sizeof line - (size_t)n,
           "\",\"date\":\"x\",\"text\":\"A.\"}");
  rd = open_s("long.jsonl", line, DYAD_INPUT_JSONL);
  dyad_error e;
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_ERR_DATE);
  const char *id = dyad_reader_story_id(rd);
  CHECK(r, id != NULL);
  CHECK_INT(r, id ? strlen(id) : 0, 254);
  dyad_reader_free(rd);
}

/* ---- invalid UTF-8 and positions ----------------------------------------- */

/* Where the first invalid byte of the doc lands in the input. */
static void locate_bad(dyad_reader *rd, unsigned *line, unsigned *col,
                       size_t *off) {
  size_t len;
  const char *t = dyad_doc_text(D, &len);
  dyad_error e;
  memset(&e, 0, sizeof e);
  e.line = 1;
  e.column = 1;
  for (size_t i = 0; i < len; i++) {
    if ((unsigned char)t[i] == 0xFF)
      break;
    if (t[i] == '\n') {
      e.line++;
      e.column = 1;
    } else {
      e.column++;
    }
  }
  dyad_origin o;
  dyad_reader_origin(rd, &o);
  dyad_origin_locate(&o, D, &e);
  *line = e.line;
  *col = e.column;
  *off = e.offset;
}

static void test_utf8_positions(struct runner *r) {
  dyad_error e;
  dyad_reader *rd;
  unsigned line, col;
  size_t off;
  CASE(r, "invalid UTF-8 passes through; text maps byte for byte");
  const char *txt =
      "date 2023-07-01 Head \xC3\xA9 x\n\nLine two.\nBad \xFF here.\n";
  rd = open_s("u.txt", txt, DYAD_INPUT_TEXT);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK(r, strchr(text(), '\xFF') != NULL);
  locate_bad(rd, &line, &col, &off);
  CHECK_INT(r, line, 4);
  CHECK_INT(r, col, 5);
  CHECK_INT(r, off, (size_t)(strchr(txt, '\xFF') - txt));
  dyad_reader_free(rd);

  CASE(r, "invalid UTF-8 in a headline");
  txt = "date 2023-07-01 He\xFF"
        "ad\nBody\n";
  rd = open_s("h.txt", txt, DYAD_INPUT_TEXT);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  locate_bad(rd, &line, &col, &off);
  CHECK_INT(r, line, 1);
  CHECK_INT(r, col, 19);
  dyad_reader_free(rd);

  CASE(r, "invalid UTF-8 in a headline on the line after the date");
  txt = "date 2023-07-01\nHe\xFF"
        "ad line\nBody.\n";
  rd = open_s("h2.txt", txt, DYAD_INPUT_TEXT);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  CHECK_STR(r, text(),
            "He\xFF"
            "ad line\n\nBody.\n");
  locate_bad(rd, &line, &col, &off);
  CHECK_INT(r, line, 2);
  CHECK_INT(r, col, 3);
  CHECK_INT(r, off, (size_t)18);
  dyad_reader_free(rd);
  txt = "date 2023-07-01\nHead line\nBo\xFF"
        "dy.\n";
  rd = open_s("h3.txt", txt, DYAD_INPUT_TEXT);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  locate_bad(rd, &line, &col, &off);
  CHECK_INT(r, line, 3);
  CHECK_INT(r, col, 3);
  CHECK_INT(r, off, (size_t)28);
  dyad_reader_free(rd);

  CASE(r, "jsonl: position of a bad byte, before and after an escape");
  txt = "{\"id\":\"a\"}\n{\"id\":\"b\",\"title\":\"T\",\"text\":\"ab\xFF"
        "c\"}\n{\"id\":\"c\",\"text\":\"a\\nb\xFF\"}\n";
  rd = open_s("u.jsonl", txt, DYAD_INPUT_JSONL);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_ERR_EMPTY);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  locate_bad(rd, &line, &col, &off);
  CHECK_INT(r, line, 2);
  CHECK_INT(r, col, 33);
  CHECK_INT(r, off, (size_t)(strchr(txt, '\xFF') - txt));
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  locate_bad(rd, &line, &col, &off);
  CHECK_INT(r, line, 3);
  CHECK_INT(r, col, 19); /* after an escape: the start of the string */
  dyad_reader_free(rd);

  CASE(r, "tabari: position of a bad byte");
  txt = "# c\n950101 T-1\nfirst line\nsec\xFF"
        "ond\n\n";
  rd = open_s("u.text", txt, DYAD_INPUT_TABARI);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  locate_bad(rd, &line, &col, &off);
  CHECK_INT(r, line, 4);
  CHECK_INT(r, col, 4);
  CHECK_INT(r, off, (size_t)(strchr(txt, '\xFF') - txt));
  dyad_reader_free(rd);

  CASE(r, "an error without a line is put at the story");
  rd = open_s("p.jsonl", "\n\n  {\"id\":\"a\",\"text\":\"x\"}",
              DYAD_INPUT_JSONL);
  CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
  dyad_origin o;
  dyad_reader_origin(rd, &o);
  memset(&e, 0, sizeof e);
  dyad_origin_locate(&o, D, &e);
  CHECK_INT(r, e.line, 3);
  CHECK_INT(r, e.column, 1);
  CHECK_INT(r, e.offset, 2);
  dyad_reader_free(rd);
}

/* ---- compressed input, files, stdin -------------------------------------- */

static void test_compressed(struct runner *r) {
  static const char jl[] = "{\"id\":\"z1\",\"text\":\"One.\"}\n"
                           "{\"id\":\"z2\",\"text\":\"Two.\"}\n";
  static char buf[1 << 16];
  for (int z = 0; z < 2; z++) {
    CASE(r, z ? "zstd input" : "gzip input");
    size_t n = pack(z, jl, sizeof jl - 1, buf, sizeof buf);
    CHECK(r, n > 4);
    CHECK(r, z ? (unsigned char)buf[0] == 0x28 : (unsigned char)buf[0] == 0x1F);
    dyad_reader *rd =
        open_n(z ? "c.jsonl.zst" : "c.jsonl.gz", buf, n, DYAD_INPUT_AUTO);
    CHECK_INT(r, dyad_reader_format(rd), DYAD_INPUT_JSONL);
    CHECK_STR(r, all_ids(rd), "z1|z2");
    dyad_reader_free(rd);
    CASE(r, z ? "zstd text story: id without both extensions"
              : "gzip text story: id without both extensions");
    static const char story[] = "date 2023-07-01 Head\n\nBody.\n";
    n = pack(z, story, sizeof story - 1, buf, sizeof buf);
    rd =
        open_n(z ? "dir/s1.txt.zst" : "dir/s1.txt.gz", buf, n, DYAD_INPUT_AUTO);
    CHECK_STR(r, all_ids(rd), "s1");
    dyad_reader_free(rd);
  }
  CASE(r, "truncated gzip: an I/O error");
  size_t n = pack(false, jl, sizeof jl - 1, buf, sizeof buf);
  dyad_reader *rd = NULL;
  dyad_error e;
  memset(&e, 0, sizeof e);
  dyad_status st =
      dyad_reader_open_mem("t.gz", buf, n / 2, DYAD_INPUT_AUTO, &rd, &e);
  if (st == DYAD_OK) /* the error may come with the first read */
    st = dyad_reader_next(rd, D, &e);
  CHECK_INT(r, st, DYAD_ERR_IO);
  CHECK_STR(r, e.source, "t.gz");
  dyad_reader_free(rd);
}

/* Stories "date 2023-07-01 Story I\nWORDS.\n\n" of pseudo-random words
 * (poorly compressible) into out; the offset of each story in starts. */
static size_t many_stories(char *out, size_t cap, size_t n, size_t *starts) {
  size_t k = 0;
  unsigned x = 12345;
  for (size_t i = 0; i < n; i++) {
    starts[i] = k;
    k += (size_t)snprintf(out + k, cap - k, "date 2023-07-01 Story %zu\n", i);
    for (int w = 0; w < 30; w++) {
      for (int c = 0; c < 6; c++) {
        x = x * 1103515245u + 12345u;
        out[k++] = (char)('a' + (x >> 16) % 26);
      }
      out[k++] = ' ';
    }
    k += (size_t)snprintf(out + k, cap - k, "end.\n\n");
  }
  return k;
}

/* Reads every story of a compressed input; returns how many came out
 * whole, with the status that ended the input in *end. */
static size_t count_stories(const char *name, const char *in, size_t n,
                            dyad_status *end, dyad_error *e) {
  dyad_reader *rd = NULL;
  size_t ok = 0;
  memset(e, 0, sizeof *e);
  *end = dyad_reader_open_mem(name, in, n, DYAD_INPUT_AUTO, &rd, e);
  while (*end == DYAD_OK && (*end = dyad_reader_next(rd, D, e)) == DYAD_OK)
    ok++;
  dyad_reader_free(rd);
  return ok;
}

static void test_cut_and_joined(struct runner *r) {
  enum { N = 2000 };
  size_t cap = (size_t)1 << 20;
  char *txt = malloc(cap), *z = malloc(cap), *two = malloc(2 * cap);
  size_t *starts = malloc(N * sizeof *starts);
  if (!txt || !z || !two || !starts)
    goto out;
  size_t k = many_stories(txt, cap, N, starts);
  CHECK(r, k > (size_t)300 << 10); /* several 64 KiB blocks */
  dyad_status end;
  dyad_error e;

  CASE(r, "gzip cut short: every whole story before the cut, then the "
          "error at the cut story's line");
  size_t n = pack(false, txt, k, z, cap);
  /* the bytes gzip can give back from the first half */
  size_t got = 0;
  {
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    char *plain = malloc(cap);
    if (plain && inflateInit2(&zs, 15 + 16) == Z_OK) {
      zs.next_in = (Bytef *)z;
      zs.avail_in = (uInt)(n / 2);
      zs.next_out = (Bytef *)plain;
      zs.avail_out = (uInt)cap;
      inflate(&zs, Z_SYNC_FLUSH);
      got = cap - zs.avail_out;
      inflateEnd(&zs);
    }
    free(plain);
  }
  size_t begun = 0; /* stories that start in what gzip gives back */
  while (begun < N && starts[begun] < got)
    begun++;
  CHECK(r, begun > 100 && begun < N);
  CHECK_INT(r, count_stories("cut.txt.gz", z, n / 2, &end, &e), begun - 1);
  CHECK_INT(r, end, DYAD_ERR_IO);
  CHECK_INT(r, e.line, (unsigned)(3 * (begun - 1) + 1));
  CHECK(r, strstr(e.message, "truncated gzip input") != NULL);

  CASE(r, "gzip damaged in the middle: the stories before, then the error");
  memcpy(two, z, n);
  for (size_t i = n / 2; i < n / 2 + 64; i++)
    two[i] = (char)~two[i];
  size_t ok = count_stories("bad.txt.gz", two, n, &end, &e);
  CHECK(r, ok > 100 && ok < N);
  CHECK_INT(r, end, DYAD_ERR_IO);
  CHECK(r, strstr(e.message, "gzip input") != NULL);

  CASE(r, "gzip of two members, then zeros: every story of both");
  /* txt ends with a blank line: the second member's story is a story */
  n = pack(false, txt, k, two, cap);
  size_t n2 = pack(false, "date 2023-07-02 Last\nThe end.\n", 30, two + n,
                2 * cap - n);
  memset(two + n + n2, 0, 512);
  CHECK_INT(r, count_stories("two.txt.gz", two, n + n2 + 512, &end, &e),
            N + 1);
  CHECK_INT(r, end, DYAD_END);

  CASE(r, "zstd of two frames: every story of both");
  n = pack(true, txt, k, two, cap);
  n2 = pack(true, "date 2023-07-02 Last\nThe end.\n", 30, two + n,
                2 * cap - n);
  CHECK_INT(r, count_stories("two.txt.zst", two, n + n2, &end, &e), N + 1);
  CHECK_INT(r, end, DYAD_END);

  CASE(r, "zstd cut short: the stories of the whole blocks, then the error");
  ok = count_stories("cut.txt.zst", two, n / 2, &end, &e);
  CHECK(r, ok < N);
  CHECK_INT(r, end, DYAD_ERR_IO);
  CHECK(r, strstr(e.message, "truncated zstd input") != NULL);

  CASE(r, "bzip2, xz and lz4 input: a clear error");
  static const struct {
    const char *bytes;
    size_t n;
    const char *what;
  } other[] = {
      {"BZh91AY&SY\0\0\0", 13, "bzip2 input is not supported"},
      {"\xFD" "7zXZ\0\0\0", 9, "xz input is not supported"},
      {"\x04\x22\x4D\x18\0\0", 6, "lz4 input is not supported"},
  };
  for (size_t i = 0; i < sizeof other / sizeof other[0]; i++) {
    CHECK_INT(r, count_stories("o.txt", other[i].bytes, other[i].n, &end, &e),
              0);
    CHECK_INT(r, end, DYAD_ERR_IO);
    CHECK(r, strstr(e.message, other[i].what) != NULL);
  }
  CASE(r, "text that starts like bzip2's name is text");
  static const char bz[] = "BZh9 is a code name.\n";
  CHECK_INT(r, count_stories("bz.txt", bz, sizeof bz - 1, &end, &e), 1);
out:
  free(txt);
  free(z);
  free(two);
  free(starts);
}

static void test_corrupt_xml_gz(struct runner *r) {
  CASE(r, "gzip XML cut short: the stories before it, then an I/O error");
  size_t cap = (size_t)1 << 20, k = 0;
  char *xml = malloc(cap), *gz = malloc(cap);
  if (!xml || !gz) {
    free(xml);
    free(gz);
    return;
  }
  k += (size_t)snprintf(xml, cap, "<Sentences>\n");
  for (unsigned i = 0; i < 3000; i++)
    k += (size_t)snprintf(xml + k, cap - k,
                          "<Sentence date=\"20080804\" id=\"S%u_1\"><Text>"
                          "Story %u of the corrupt stream, %u.</Text>"
                          "</Sentence>\n",
                          i, i * 7919u % 10007u, i * 104729u);
  k += (size_t)snprintf(xml + k, cap - k, "</Sentences>\n");
  size_t n = pack(false, xml, k, gz, cap);
  dyad_reader *rd = open_n("cut.xml.gz", gz, n * 3 / 4, DYAD_INPUT_AUTO);
  CHECK(r, rd != NULL);
  size_t ok = 0;
  dyad_status st = DYAD_OK;
  dyad_error e;
  while (rd && (st = dyad_reader_next(rd, D, &e)) == DYAD_OK)
    ok++;
  CHECK(r, ok > 100 && ok < 3000);
  CHECK_INT(r, st, DYAD_ERR_IO);
  CHECK_INT(r, rd ? dyad_reader_next(rd, D, &e) : DYAD_END, DYAD_END);
  dyad_reader_free(rd);
  free(xml);
  free(gz);
}

static void test_paths(struct runner *r) {
  dyad_reader *rd = NULL;
  dyad_error e;
  memset(&e, 0, sizeof e);
  CASE(r, "a missing file is an I/O error naming it");
  CHECK_INT(
      r, dyad_reader_open_path("/nonexistent/x.txt", DYAD_INPUT_AUTO, &rd, &e),
      DYAD_ERR_IO);
  CHECK(r, rd == NULL);
  CHECK_STR(r, e.source, "/nonexistent/x.txt");
  CHECK_INT(r, dyad_reader_open_path(NULL, DYAD_INPUT_AUTO, &rd, &e),
            DYAD_ERR_ARG);
  CHECK_INT(r, dyad_reader_open_mem("x", NULL, 3, DYAD_INPUT_AUTO, &rd, &e),
            DYAD_ERR_ARG);
  CHECK_INT(r, dyad_reader_open_mem("x", "", 0, (dyad_input_format)9, &rd, &e),
            DYAD_ERR_ARG);

  CASE(r, "a file and standard input");
  char path[] = "/tmp/dyad_test_reader_XXXXXX";
  int fd = mkstemp(path);
  CHECK(r, fd >= 0);
  if (fd < 0)
    return;
  static const char body[] = "950101 S-1\nText one.\n\n950102 S-2\nTwo.\n";
  CHECK_INT(r, write(fd, body, sizeof body - 1), (long)(sizeof body - 1));
  close(fd);
  CHECK_INT(r, dyad_reader_open_path(path, DYAD_INPUT_AUTO, &rd, &e), DYAD_OK);
  CHECK_STR(r, all_ids(rd), "S-1|S-2");
  dyad_reader_free(rd);
  int saved = dup(0);
  fd = open(path, 0);
  if (saved >= 0 && fd >= 0 && dup2(fd, 0) == 0) {
    CHECK_INT(r, dyad_reader_open_path("-", DYAD_INPUT_TEXT, &rd, &e), DYAD_OK);
    CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
    CHECK_STR(r, dyad_doc_id(D), "stdin");
    dyad_reader_free(rd);
    dup2(saved, 0);
  } else {
    SKIP(r, "cannot redirect standard input");
  }
  if (fd >= 0)
    close(fd);
  if (saved >= 0)
    close(saved);
  unlink(path);
}

/* ---- shared data --------------------------------------------------------- */

static void test_shared(struct runner *r) {
  const char *sh = harness_shared();
  char path[1024];
  dyad_reader *rd = NULL;
  dyad_error e;
  CASE(r, "shared: the sample story");
  if (!sh) {
    SKIP(r, "no shared data (../shared; set DYAD_SHARED)");
    return;
  }
  snprintf(path, sizeof path, "%s/inputs/000_6835885b00529384.txt", sh);
  if (dyad_reader_open_path(path, DYAD_INPUT_AUTO, &rd, &e) != DYAD_OK) {
    SKIP(r, "inputs/000_6835885b00529384.txt is absent");
  } else {
    CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_OK);
    CHECK_STR(r, dyad_doc_id(D), "000_6835885b00529384");
    CHECK_INT(r, dyad_doc_date(D), 20230701);
    CHECK(r, strncmp(text(), "Russia and Wagner are believed", 30) == 0);
    CHECK_INT(r, dyad_reader_next(rd, D, &e), DYAD_END);
    dyad_reader_free(rd);
  }
  CASE(r, "shared: agnews JSON Lines");
  snprintf(path, sizeof path, "%s/inputs/agnews/world-test.jsonl", sh);
  if (dyad_reader_open_path(path, DYAD_INPUT_AUTO, &rd, &e) != DYAD_OK) {
    SKIP(r, "inputs/agnews/world-test.jsonl is absent");
  } else {
    size_t n = 0, bad = 0;
    dyad_status st;
    while ((st = dyad_reader_next(rd, D, &e)) != DYAD_END)
      st == DYAD_OK ? n++ : bad++;
    CHECK_INT(r, n, 1900);
    CHECK_INT(r, bad, 0);
    dyad_reader_free(rd);
  }
  CASE(r, "shared: PETRARCH and TABARI samples");
  static const struct {
    const char *file;
    dyad_input_format fmt;
    size_t min;
  } files[] = {
      {"reference/petrarch2/GigaWord.sample.PETR.xml", DYAD_INPUT_PETRARCH, 30},
      {"reference/petrarch2/PETR.UnitTest.records.xml", DYAD_INPUT_PETRARCH,
       250},
      {"reference/tabari/TABARI.Demo.text", DYAD_INPUT_TABARI, 40},
      {"reference/tabari/Validate.text", DYAD_INPUT_TABARI, 400},
  };
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
    snprintf(path, sizeof path, "%s/%s", sh, files[i].file);
    if (dyad_reader_open_path(path, DYAD_INPUT_AUTO, &rd, &e) != DYAD_OK) {
      SKIP(r, files[i].file);
      continue;
    }
    CHECK_INT(r, dyad_reader_format(rd), files[i].fmt);
    size_t n = 0;
    dyad_status st;
    while ((st = dyad_reader_next(rd, D, &e)) != DYAD_END)
      if (st == DYAD_OK)
        n++;
    CHECK(r, n >= files[i].min);
    dyad_reader_free(rd);
  }
}

int main(void) {
  struct runner r = {0, 0, 0, ""};
  if (dyad_doc_new(&D) != DYAD_OK)
    return 1;
  test_format_names(&r);
  test_empty(&r);
  test_text(&r);
  test_jsonl(&r);
  test_limits(&r);
  test_line_ends(&r);
  test_petrarch(&r);
  test_tabari(&r);
  test_utf8_positions(&r);
  test_story_id(&r);
  test_compressed(&r);
  test_cut_and_joined(&r);
  test_corrupt_xml_gz(&r);
  test_paths(&r);
  test_shared(&r);
  dyad_doc_free(D);
  return harness_report(&r, "test_reader");
}
