/*
 * test_sink.c - the sinks: TSV header and rows, JSON Lines objects (checked
 * field by field with cJSON), absent values, escaping, write failures.
 * Events are put into a document by hand (internal.h), so no dictionary is
 * needed; the first is enriched by hand too (event date, place, fatalities),
 * the second is not, as the TABARI profile's events are not.
 */
#include "harness.h"

#include <cjson/cJSON.h>

#include "enrich/enrich.h"
#include "internal.h"

/* Output collected by the write function. */
struct out {
  char data[1 << 16];
  size_t len;
  int calls;
  int fail_after; /* calls that succeed before failing; -1 never fails */
};

static bool collect(void *user, const char *data, size_t len) {
  struct out *o = user;
  if (o->fail_after >= 0 && o->calls >= o->fail_after)
    return false;
  o->calls++;
  if (o->len + len >= sizeof o->data)
    return false;
  memcpy(o->data + o->len, data, len);
  o->len += len;
  o->data[o->len] = '\0';
  return true;
}

static const char story_text[] = "Mali accused\tFrance.\n\nThe UN left Mali.";

/* A document with two events: one full, one without target and rule. */
static dyad_doc *make_doc(const char *id, int date) {
  dyad_doc *d;
  if (dyad_doc_new(&d) != DYAD_OK)
    return NULL;
  dyad_story st;
  memset(&st, 0, sizeof st);
  st.id = id;
  st.id_len = strlen(id);
  st.date = date;
  st.text = story_text;
  st.text_len = sizeof story_text - 1;
  if (dyad_doc_set(d, &st) != DYAD_OK)
    return NULL;
  struct sentence *s0 = Dyad_vec_push(&d->sentences);
  struct sentence *s1 = s0 ? Dyad_vec_push(&d->sentences) : NULL;
  if (!s1)
    return NULL;
  s0 = &VEC_AT(&d->sentences, struct sentence, 0);
  s0->start = 0;
  s0->end = 20;
  s1->start = 22;
  s1->end = 39;
  struct dyad_event *e = Dyad_vec_push(&d->events);
  if (!e)
    return NULL;
  e->source = "MLIGOV";
  e->target = "FRA";
  memcpy(e->code, "112", 4);
  memcpy(e->root, "11", 3);
  e->quad = 3;
  e->goldstein = -2.0;
  e->sentence = 0;
  e->span[DYAD_SPAN_SOURCE][0] = 0;
  e->span[DYAD_SPAN_SOURCE][1] = 4;
  e->span[DYAD_SPAN_TARGET][0] = 13;
  e->span[DYAD_SPAN_TARGET][1] = 19;
  e->span[DYAD_SPAN_VERB][0] = 5;
  e->span[DYAD_SPAN_VERB][1] = 13; /* "accused\t": the tab becomes a space */
  e->modality = DYAD_MOD_CLAIM;
  e->negated = true;
  e->rule_file = "/usr/share/dyad/verbs/09_20_conflict.txt";
  e->rule_line = 1051;
  e->event_date = 20230630;
  e->date_precision = DYAD_DATE_DAY | ENRICH_DONE;
  e->place[0] = 13; /* "France" */
  e->place[1] = 19;
  e->place_code = "FRA";
  e->fatalities = 3;
  e->wounded = 7;
  e->count_qual = DYAD_COUNT_AT_LEAST;
  e->count_text[0] = 0; /* "Mali" stands in for a count phrase */
  e->count_text[1] = 4;
  e->date_text[0] = 5; /* "accused" stands in for a time expression */
  e->date_text[1] = 12;
  e->geo_prec = DYAD_GEO_PLACE;
  e->country = "FRA";
  e->admin1 = "Ile-de-France";
  e->place_name = "Paris";
  e->lat = 48.85341;
  e->lon = 2.3488;
  e->loc_text[0] = 13;
  e->loc_text[1] = 19;
  e->plover = "ACCUSE";
  e->plover_mode = "disapprove";
  e->plover_context = "";
  e = Dyad_vec_push(&d->events);
  if (!e)
    return NULL;
  e->source = "IGOUNO";
  e->target = "";
  memcpy(e->code, "0X1", 4);
  memcpy(e->root, "0X", 3);
  e->quad = 0;
  e->goldstein = NAN;
  e->sentence = 1;
  e->span[DYAD_SPAN_SOURCE][0] = 26;
  e->span[DYAD_SPAN_SOURCE][1] = 28;
  e->span[DYAD_SPAN_VERB][0] = 29;
  e->span[DYAD_SPAN_VERB][1] = 33;
  e->modality = DYAD_MOD_FACT;
  return d;
}

static void test_names(struct runner *r) {
  dyad_output_format f = DYAD_OUTPUT_JSONL;
  CASE(r, "output format names");
  CHECK_INT(r, dyad_output_format_parse("tsv", &f), DYAD_OK);
  CHECK_INT(r, f, DYAD_OUTPUT_TSV);
  CHECK_INT(r, dyad_output_format_parse("jsonl", &f), DYAD_OK);
  CHECK_INT(r, f, DYAD_OUTPUT_JSONL);
  CHECK_INT(r, dyad_output_format_parse("csv", &f), DYAD_ERR_ARG);
  CHECK_INT(r, dyad_output_format_parse(NULL, &f), DYAD_ERR_ARG);
  dyad_sink *s = NULL;
  CASE(r, "sink arguments");
  CHECK_INT(r, dyad_sink_new(DYAD_OUTPUT_TSV, NULL, NULL, &s), DYAD_ERR_ARG);
  CHECK_INT(r, dyad_sink_new((dyad_output_format)7, collect, NULL, &s),
            DYAD_ERR_ARG);
  CHECK(r, s == NULL);
  CHECK_INT(r, dyad_sink_write(NULL, NULL), DYAD_ERR_ARG);
  dyad_sink_free(NULL);
}

static void test_tsv(struct runner *r) {
  static struct out o;
  memset(&o, 0, sizeof o);
  o.fail_after = -1;
  dyad_sink *s = NULL;
  dyad_doc *d = make_doc("story\t1", 20230701);
  CASE(r, "tsv: header and rows");
  CHECK(r, d != NULL);
  CHECK_INT(r, dyad_sink_new(DYAD_OUTPUT_TSV, collect, &o, &s), DYAD_OK);
  CHECK_INT(r, dyad_sink_write(s, d), DYAD_OK);
  CHECK_INT(r, dyad_sink_finish(s), DYAD_OK);
  CHECK_STR(r, o.data,
            "story_id\tstory_date\tsentence\tsource\ttarget\tcode\troot\t"
            "quad_class\tgoldstein\tplover_type\tplover_mode\t"
            "plover_context\tsource_text\ttarget_text\tverb_text\t"
            "modality\tnegated\trule\tevent_date\tdate_precision\t"
            "date_text\tcountry\tadmin1\tplace\tlat\tlon\tgeo_precision\t"
            "place_text\tfatalities\twounded\tcount_text\tcount_qualifier\n"
            "story 1\t2023-07-01\t0\tMLIGOV\tFRA\t112\t11\t3\t-2.0\t"
            "ACCUSE\tdisapprove\t\tMali\t"
            "France\taccused \tclaim\t1\t09_20_conflict.txt:1051\t"
            "2023-06-30\tday\taccused\tFRA\tIle-de-France\tParis\t48.85341\t"
            "2.34880\tplace\tFrance\t3\t7\tMali\tat_least\n"
            "story 1\t2023-07-01\t1\tIGOUNO\t\t0X1\t0X\t0\t\t\t\t\tUN\t\t"
            "left\tfact\t0\t\t2023-07-01\tstory\t\t\t\t\t\t\t\t\t\t\t\t"
            "\n");
  dyad_sink_free(s);
  dyad_doc_free(d);

  CASE(r, "tsv: no date, header once, header alone when nothing coded");
  memset(&o, 0, sizeof o);
  o.fail_after = -1;
  d = make_doc("x", 0);
  CHECK_INT(r, dyad_sink_new(DYAD_OUTPUT_TSV, collect, &o, &s), DYAD_OK);
  CHECK_INT(r, dyad_sink_write(s, d), DYAD_OK);
  CHECK_INT(r, dyad_sink_write(s, d), DYAD_OK);
  CHECK_INT(r, dyad_sink_finish(s), DYAD_OK);
  CHECK(r, strstr(o.data, "x\t\t0\tMLIGOV") != NULL);
  /* the second event: no date in the text and none for the story */
  CHECK(r, strstr(o.data, "\tfact\t0\t\t\tunknown\t\t\t\t\t\t\t\t\t\t"
                          "\t\t\n") != NULL);
  CHECK(r, strstr(o.data + 1, "story_id") == NULL);
  size_t lines = 0;
  for (size_t i = 0; i < o.len; i++)
    lines += o.data[i] == '\n';
  CHECK_INT(r, lines, 5);
  dyad_sink_free(s);
  dyad_doc_free(d);
  memset(&o, 0, sizeof o);
  o.fail_after = -1;
  CHECK_INT(r, dyad_sink_new(DYAD_OUTPUT_TSV, collect, &o, &s), DYAD_OK);
  CHECK_INT(r, dyad_sink_finish(s), DYAD_OK);
  CHECK(r, strncmp(o.data, "story_id\t", 9) == 0);
  CHECK(r, o.len > 0 && o.data[o.len - 1] == '\n');
  dyad_sink_free(s);

  CASE(r, "tsv: a failed write is reported and sticks");
  memset(&o, 0, sizeof o);
  o.fail_after = 0;
  d = make_doc("x", 0);
  CHECK_INT(r, dyad_sink_new(DYAD_OUTPUT_TSV, collect, &o, &s), DYAD_OK);
  CHECK_INT(r, dyad_sink_write(s, d), DYAD_ERR_IO);
  CHECK_INT(r, dyad_sink_write(s, d), DYAD_ERR_IO);
  CHECK_INT(r, dyad_sink_finish(s), DYAD_ERR_IO);
  CHECK_INT(r, o.len, 0);
  dyad_sink_free(s);
  dyad_doc_free(d);
}

static const char *jstr(const cJSON *o, const char *k) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
  return cJSON_IsString(v) ? v->valuestring : "(not a string)";
}

static void test_jsonl(struct runner *r) {
  static struct out o;
  memset(&o, 0, sizeof o);
  o.fail_after = -1;
  dyad_sink *s = NULL;
  dyad_doc *d = make_doc("a\"b\xFF", 20230701);
  CASE(r, "jsonl: every field, valid JSON");
  CHECK_INT(r, dyad_sink_new(DYAD_OUTPUT_JSONL, collect, &o, &s), DYAD_OK);
  CHECK_INT(r, dyad_sink_write(s, d), DYAD_OK);
  CHECK_INT(r, dyad_sink_finish(s), DYAD_OK);
  char *nl = strchr(o.data, '\n');
  CHECK(r, nl != NULL);
  if (!nl)
    return;
  cJSON *j = cJSON_ParseWithLength(o.data, (size_t)(nl - o.data));
  CHECK(r, j != NULL);
  CHECK_STR(r, jstr(j, "story_id"), "a\"b\xEF\xBF\xBD");
  CHECK_STR(r, jstr(j, "story_date"), "2023-07-01");
  CHECK_INT(r, cJSON_GetObjectItem(j, "sentence")->valuedouble, 0);
  CHECK_STR(r, jstr(j, "source"), "MLIGOV");
  CHECK_STR(r, jstr(j, "target"), "FRA");
  CHECK_STR(r, jstr(j, "code"), "112");
  CHECK_STR(r, jstr(j, "root"), "11");
  CHECK_INT(r, cJSON_GetObjectItem(j, "quad_class")->valuedouble, 3);
  CHECK(r, cJSON_GetObjectItem(j, "goldstein")->valuedouble == -2.0);
  CHECK_STR(r, jstr(j, "source_text"), "Mali");
  CHECK_STR(r, jstr(j, "verb_text"), "accused\t");
  CHECK_STR(r, jstr(j, "modality"), "claim");
  CHECK(r, cJSON_IsTrue(cJSON_GetObjectItem(j, "negated")));
  CHECK_STR(r, jstr(j, "rule"), "09_20_conflict.txt:1051");
  CHECK_STR(r, jstr(j, "sentence_text"), "Mali accused\tFrance.");
  CHECK_STR(r, jstr(j, "event_date"), "2023-06-30");
  CHECK_STR(r, jstr(j, "date_precision"), "day");
  CHECK(r, cJSON_IsFalse(cJSON_GetObjectItem(j, "date_approximate")));
  CHECK_STR(r, jstr(j, "place_text"), "France");
  CHECK_STR(r, jstr(j, "place_code"), "FRA");
  CHECK_INT(r, cJSON_GetObjectItem(j, "fatalities")->valuedouble, 3);
  const cJSON *sp = cJSON_GetObjectItem(j, "spans");
  const cJSON *tg = cJSON_GetObjectItem(sp, "target");
  CHECK(r, cJSON_IsArray(tg) && cJSON_GetArraySize(tg) == 2);
  CHECK_INT(r, cJSON_GetArrayItem(tg, 0)->valuedouble, 13);
  CHECK_INT(r, cJSON_GetArrayItem(tg, 1)->valuedouble, 19);
  cJSON_Delete(j);
  CHECK(r, strstr(o.data, "\"spans\":{\"source\":[0,4],\"target\":[13,19],"
                          "\"verb\":[5,13],\"place\":[13,19]}") != NULL);

  CASE(r, "jsonl: absent values are null");
  char *second = nl + 1;
  nl = strchr(second, '\n');
  j = nl ? cJSON_ParseWithLength(second, (size_t)(nl - second)) : NULL;
  CHECK(r, j != NULL);
  CHECK(r, cJSON_IsNull(cJSON_GetObjectItem(j, "goldstein")));
  CHECK(r, cJSON_IsNull(cJSON_GetObjectItem(j, "rule")));
  CHECK(r, cJSON_IsFalse(cJSON_GetObjectItem(j, "negated")));
  CHECK_STR(r, jstr(j, "target"), "");
  CHECK_STR(r, jstr(j, "target_text"), "");
  CHECK(r, cJSON_IsNull(
               cJSON_GetObjectItem(cJSON_GetObjectItem(j, "spans"), "target")));
  CHECK_STR(r, jstr(j, "sentence_text"), "The UN left Mali.");
  CHECK_STR(r, jstr(j, "event_date"), "2023-07-01");
  CHECK_STR(r, jstr(j, "date_precision"), "story");
  CHECK_STR(r, jstr(j, "place_text"), "");
  CHECK_STR(r, jstr(j, "place_code"), "");
  CHECK(r, cJSON_IsNull(cJSON_GetObjectItem(j, "fatalities")));
  CHECK(r, cJSON_IsNull(
               cJSON_GetObjectItem(cJSON_GetObjectItem(j, "spans"), "place")));
  cJSON_Delete(j);
  CHECK(r, nl && nl[1] == '\0');
  dyad_sink_free(s);
  dyad_doc_free(d);

  CASE(r, "jsonl: no date is null; nothing written without events");
  memset(&o, 0, sizeof o);
  o.fail_after = -1;
  d = make_doc("n", 0);
  CHECK_INT(r, dyad_sink_new(DYAD_OUTPUT_JSONL, collect, &o, &s), DYAD_OK);
  CHECK_INT(r, dyad_sink_write(s, d), DYAD_OK);
  CHECK(r, strstr(o.data, "\"story_date\":null") != NULL);
  /* the text's date stays; the story date is unknown */
  CHECK(r, strstr(o.data, "\"event_date\":\"2023-06-30\"") != NULL);
  CHECK(r, strstr(o.data, "\"event_date\":\"\",\"date_precision\":"
                          "\"unknown\"") != NULL);
  d->events.len = 0;
  size_t before = o.len;
  CHECK_INT(r, dyad_sink_write(s, d), DYAD_OK);
  CHECK_INT(r, dyad_sink_finish(s), DYAD_OK);
  CHECK_INT(r, o.len, before);
  dyad_sink_free(s);
  dyad_doc_free(d);
}

static void test_stdio(struct runner *r) {
  CASE(r, "dyad_write_stdio");
  FILE *f = tmpfile();
  if (!f) {
    SKIP(r, "no tmpfile");
    return;
  }
  CHECK(r, dyad_write_stdio(f, "abc", 3));
  CHECK(r, dyad_write_stdio(f, "", 0));
  CHECK(r, !dyad_write_stdio(NULL, "abc", 3));
  rewind(f);
  char buf[8] = {0};
  CHECK_INT(r, fread(buf, 1, sizeof buf - 1, f), 3);
  CHECK_STR(r, buf, "abc");
  fclose(f);
}

static void test_ontology(struct runner *r) {
  static struct out o;
  memset(&o, 0, sizeof o);
  o.fail_after = -1;
  dyad_ontology on = DYAD_ONTOLOGY_BOTH;
  CASE(r, "ontology names");
  CHECK_INT(r, dyad_ontology_parse("plover", &on), DYAD_OK);
  CHECK_INT(r, on, DYAD_ONTOLOGY_PLOVER);
  CHECK_INT(r, dyad_ontology_parse("cameo", &on), DYAD_OK);
  CHECK_INT(r, on, DYAD_ONTOLOGY_CAMEO);
  CHECK_INT(r, dyad_ontology_parse("both", &on), DYAD_OK);
  CHECK_INT(r, on, DYAD_ONTOLOGY_BOTH);
  CHECK_INT(r, dyad_ontology_parse("PLOVER", &on), DYAD_ERR_ARG);
  CHECK_INT(r, dyad_ontology_parse(NULL, &on), DYAD_ERR_ARG);

  CASE(r, "ontology plover: the PLOVER columns instead of CAMEO's");
  dyad_sink *s = NULL;
  dyad_doc *d = make_doc("p", 20230701);
  CHECK(r, d != NULL);
  CHECK_INT(r, dyad_sink_new(DYAD_OUTPUT_TSV, collect, &o, &s), DYAD_OK);
  CHECK_INT(r, dyad_sink_set_ontology(s, DYAD_ONTOLOGY_PLOVER), DYAD_OK);
  CHECK_INT(r, dyad_sink_set_ontology(s, (dyad_ontology)7), DYAD_ERR_ARG);
  CHECK_INT(r, dyad_sink_write(s, d), DYAD_OK);
  CHECK(r, strncmp(o.data,
                   "story_id\tstory_date\tsentence\tsource\ttarget\t"
                   "plover_type\tplover_mode\tplover_context\tsource_text\t",
                   strlen("story_id\tstory_date\tsentence\tsource\ttarget\t"
                          "plover_type\tplover_mode\tplover_context\t"
                          "source_text\t")) == 0);
  CHECK(r, strstr(o.data, "p\t2023-07-01\t0\tMLIGOV\tFRA\tACCUSE\t"
                          "disapprove\t\tMali\t") != NULL);
  CHECK(r, strstr(o.data, "\tgoldstein\t") == NULL);
  CASE(r, "ontology: not after output");
  CHECK_INT(r, dyad_sink_set_ontology(s, DYAD_ONTOLOGY_CAMEO), DYAD_ERR_ARG);
  dyad_sink_free(s);

  CASE(r, "ontology cameo, JSON Lines: no PLOVER fields");
  memset(&o, 0, sizeof o);
  o.fail_after = -1;
  CHECK_INT(r, dyad_sink_new(DYAD_OUTPUT_JSONL, collect, &o, &s), DYAD_OK);
  CHECK_INT(r, dyad_sink_set_ontology(s, DYAD_ONTOLOGY_CAMEO), DYAD_OK);
  CHECK_INT(r, dyad_sink_write(s, d), DYAD_OK);
  CHECK(r, strstr(o.data, "\"plover_type\"") == NULL);
  CHECK(r, strstr(o.data, "\"code\":\"112\"") != NULL);
  CHECK(r, strstr(o.data, "\"wounded\":7,\"count_text\":\"Mali\","
                          "\"count_qualifier\":\"at_least\"") != NULL);
  CHECK(r, strstr(o.data, "\"country\":\"FRA\",\"admin1\":\"Ile-de-France\","
                          "\"place\":\"Paris\",\"lat\":48.85341,"
                          "\"lon\":2.34880,\"geo_precision\":\"place\"") !=
               NULL);
  dyad_sink_free(s);
  dyad_doc_free(d);
}

int main(void) {
  struct runner r = {0, 0, 0, ""};
  test_names(&r);
  test_tsv(&r);
  test_jsonl(&r);
  test_stdio(&r);
  test_ontology(&r);
  return harness_report(&r, "test_sink");
}
