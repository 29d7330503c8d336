/*
 * test_enrich.c - the enrich stage: event dates (every form, story dates on
 * each weekday, month, year and leap-year boundaries, stories without a
 * date), which expression dates which event, places, death tolls and the
 * numbers that are not tolls, the getters, the TABARI profile's time
 * shifts, and the seed story of ../shared (skipped when absent).
 *
 * Fixtures: tests/data/enrich (countries with capitals, a few agents and
 * verbs); the seed story uses the bundled dictionaries. Run from the
 * repository root (or set DYAD_TESTDATA to the tests/data directory).
 */
#include "harness.h"

#include "enrich/enrich.h"
#include "event/coder.h"

static dyad_lexicon *lex;
static dyad_coder *coder;
static dyad_doc *doc;

static const char *data_dir(void) {
  const char *d = getenv("DYAD_TESTDATA");
  return d && *d ? d : "tests/data";
}

/* What the enrich stage gave one event. */
struct got {
  size_t n; /* events coded */
  bool found;
  int date;
  dyad_date_precision prec;
  bool approx;
  char place[64];
  const char *code;
  int dead;
};

static bool code_story(dyad_coder *c, int date, const char *text) {
  dyad_story st;
  memset(&st, 0, sizeof st);
  st.id = "t";
  st.id_len = 1;
  st.date = date;
  st.text = text;
  st.text_len = strlen(text);
  return dyad_doc_set(doc, &st) == DYAD_OK &&
         dyad_code(c, doc, NULL) == DYAD_OK;
}

/* Describes the event whose verb text starts with `verb` (NULL: the first
 * event). */
static void describe(const char *verb, struct got *g) {
  memset(g, 0, sizeof *g);
  g->code = "";
  g->dead = -2;
  g->n = dyad_doc_event_count(doc);
  size_t len;
  const char *text = dyad_doc_text(doc, &len);
  for (size_t i = 0; i < g->n; i++) {
    const dyad_event *e = dyad_doc_event(doc, i);
    size_t a, b;
    dyad_event_span(e, DYAD_SPAN_VERB, &a, &b);
    if (verb && (b - a < strlen(verb) || strncmp(text + a, verb, strlen(verb))))
      continue;
    g->found = true;
    g->date = dyad_event_date(e, &g->prec);
    g->approx = dyad_event_date_approximate(e);
    if (dyad_event_place(e, &a, &b, &g->code))
      snprintf(g->place, sizeof g->place, "%.*s", (int)(b - a), text + a);
    g->dead = dyad_event_fatalities(e);
    return;
  }
}

static void code_ev(struct runner *r, int date, const char *text,
                    const char *verb, struct got *g) {
  CASE(r, text);
  if (!code_story(coder, date, text)) {
    r->checks++;
    r->failed++;
    fprintf(stderr, "FAIL %s: not coded\n", text);
  }
  describe(verb, g);
  if (!g->found) {
    r->checks++;
    r->failed++;
    fprintf(stderr, "FAIL %s: no event%s%s\n", text, verb ? " of " : "",
            verb ? verb : "");
  }
}

/* The event of `text` (a story of `story`) is dated `want` with `prec`. */
static void date_is(struct runner *r, int story, const char *text, int want,
                    dyad_date_precision prec) {
  struct got g;
  code_ev(r, story, text, NULL, &g);
  if (!g.found)
    return;
  CHECK_INT(r, g.date, want);
  CHECK_STR(r, dyad_date_precision_str(g.prec), dyad_date_precision_str(prec));
}

static void place_is(struct runner *r, const char *text, const char *place,
                     const char *code) {
  struct got g;
  code_ev(r, 20230701, text, NULL, &g);
  if (!g.found)
    return;
  CHECK_STR(r, g.place, place);
  CHECK_STR(r, g.code, code);
}

static void dead_is(struct runner *r, const char *text, int want) {
  struct got g;
  code_ev(r, 20230701, text, NULL, &g);
  if (g.found)
    CHECK_INT(r, g.dead, want);
}

/* Date, precision, approximate flag and date text of the first event. */
static void when_is(struct runner *r, int story, const char *text, int want,
                    dyad_date_precision prec, bool approx, const char *span) {
  struct got g;
  code_ev(r, story, text, NULL, &g);
  if (!g.found)
    return;
  CHECK_INT(r, g.date, want);
  CHECK_STR(r, dyad_date_precision_str(g.prec), dyad_date_precision_str(prec));
  CHECK(r, g.approx == approx);
  size_t a, b, len;
  const char *t = dyad_doc_text(doc, &len);
  char sp[96] = "";
  if (dyad_event_date_text(dyad_doc_event(doc, 0), &a, &b))
    snprintf(sp, sizeof sp, "%.*s", (int)(b - a), t + a);
  CHECK_STR(r, sp, span);
}

/* Every form of the issue "When, where and at what cost", story date
 * Saturday 2023-07-01 unless said. */
static void test_issue_forms(struct runner *r) {
  int sat = 20230701;
  when_is(r, sat, "Russia attacked Ukraine on Friday.", 20230630, DYAD_DATE_DAY,
          false, "on Friday");
  when_is(r, sat, "Russia attacked Ukraine yesterday.", 20230630, DYAD_DATE_DAY,
          false, "yesterday");
  when_is(r, sat, "Russia attacked Ukraine last week.", 20230619,
          DYAD_DATE_WEEK, false, "last week");
  when_is(r, sat, "Russia attacked Ukraine last month.", 20230601,
          DYAD_DATE_MONTH, false, "last month");
  when_is(r, sat, "Russia attacked Ukraine earlier this year.", 20230101,
          DYAD_DATE_YEAR, false, "earlier this year");
  when_is(r, 20210102, "On 31 December 2020, Russia attacked Ukraine.",
          20201231, DYAD_DATE_DAY, false, "On 31 December 2020");
  when_is(r, sat, "Russia attacked Ukraine on June 30.", 20230630,
          DYAD_DATE_DAY, false, "on June 30");
  when_is(r, sat, "Russia attacked Ukraine June 30.", 20230630, DYAD_DATE_DAY,
          false, "June 30");
  when_is(r, sat, "Russia attacked Ukraine on 30/06/2023.", 20230630,
          DYAD_DATE_DAY, false, "on 30/06/2023");
  when_is(r, sat, "Russia attacked Ukraine in 2020.", 20200101, DYAD_DATE_YEAR,
          false, "in 2020");
  when_is(r, sat, "Already in 2020, Russia attacked Ukraine.", 20200101,
          DYAD_DATE_YEAR, false, "in 2020");
  when_is(r, sat, "Russia attacked Ukraine a few weeks ago.", 20230605,
          DYAD_DATE_WEEK, true, "a few weeks ago");
  /* no story date: a relative expression stays unresolved, its text kept */
  when_is(r, 0, "Russia attacked Ukraine on Friday.", 0, DYAD_DATE_UNKNOWN,
          false, "on Friday");
  when_is(r, 0, "Russia attacked Ukraine on 31 December 2020.", 20201231,
          DYAD_DATE_DAY, false, "on 31 December 2020");
  /* a clause's date is its own events' */
  struct got g;
  code_ev(r, sat,
          "Russia attacked Ukraine on Friday, and France accused "
          "Russia in 2020.",
          "attacked", &g);
  if (g.found)
    CHECK_INT(r, g.date, 20230630);
  code_ev(r, sat,
          "Russia attacked Ukraine on Friday, and France accused "
          "Russia in 2020.",
          "accused", &g);
  if (g.found)
    CHECK_INT(r, g.date, 20200101);
}

/* Dead, wounded and the qualifier of the first event of `text`. */
static void count_is(struct runner *r, const char *text, int dead, int hurt,
                     dyad_count_qualifier q, const char *span) {
  struct got g;
  code_ev(r, 20230701, text, NULL, &g);
  if (!g.found)
    return;
  const dyad_event *e = dyad_doc_event(doc, 0);
  CHECK_INT(r, dyad_event_fatalities(e), dead);
  CHECK_INT(r, dyad_event_wounded(e), hurt);
  size_t a, b, len;
  dyad_count_qualifier got;
  const char *t = dyad_doc_text(doc, &len);
  bool has = dyad_event_count_text(e, &a, &b, &got);
  CHECK_STR(r, dyad_count_qualifier_str(got), dyad_count_qualifier_str(q));
  char sp[128] = "";
  if (has)
    snprintf(sp, sizeof sp, "%.*s", (int)(b - a), t + a);
  CHECK_STR(r, sp, span);
}

static void test_counts(struct runner *r) {
  count_is(r,
           "Militants attacked Mali, and 2 soldiers were killed and 16 "
           "wounded.",
           2, 16, DYAD_COUNT_EXACT, "2 soldiers were killed and 16 wounded");
  count_is(r, "Militants attacked Mali, killing three and wounding 12.", 3, 12,
           DYAD_COUNT_EXACT, "killing three and wounding 12");
  /* a past-tense injure verb with its count after it */
  count_is(r, "Militants killed five soldiers and injured seven others in Mali.",
           5, 7, DYAD_COUNT_EXACT, "killed five soldiers and injured seven");
  count_is(r, "Militants attacked Mali; the blast wounds 4.", -1, 4,
           DYAD_COUNT_EXACT, "wounds 4");
  count_is(r, "Militants attacked Mali, and 16 injured were taken away.", -1,
           16, DYAD_COUNT_EXACT, "16 injured");
  count_is(r, "Militants attacked Mali, killing at least 12 people.", 12, -1,
           DYAD_COUNT_AT_LEAST, "killing at least 12");
  count_is(r, "Militants attacked Mali, killing about 12 people.", 12, -1,
           DYAD_COUNT_APPROX, "killing about 12");
  count_is(r, "Militants attacked Mali, killing up to 12 people.", 12, -1,
           DYAD_COUNT_AT_MOST, "killing up to 12");
  count_is(r, "Militants attacked Mali, killing dozens.", -1, -1,
           DYAD_COUNT_VAGUE, "killing dozens");
  count_is(r, "Militants attacked Mali; no one was killed.", 0, -1,
           DYAD_COUNT_EXACT, "no one was killed");
  count_is(r, "Militants attacked Mali; nobody was hurt.", -1, 0,
           DYAD_COUNT_EXACT, "nobody was hurt");
  count_is(r, "Militants attacked Mali. No casualties were reported.", 0, 0,
           DYAD_COUNT_EXACT, "No casualties");
  count_is(r, "Militants attacked Mali, and 16 people were injured.", -1, 16,
           DYAD_COUNT_EXACT, "16 people were injured");
  count_is(r, "Militants attacked Mali, killing as many as 12 people.", 12, -1,
           DYAD_COUNT_AT_MOST, "killing as many as 12");
  /* an event keeps the counts of its own sentence */
  count_is(r,
           "Militants attacked Mali, killing 3 people. In Gao, 2 died and 5 "
           "were wounded.",
           3, -1, DYAD_COUNT_EXACT, "killing 3");
  /* never a number the text does not give */
  count_is(r, "Militants attacked Mali.", -1, -1, DYAD_COUNT_NONE, "");
  count_is(r, "Militants attacked Mali, killing several people.", -1, -1,
           DYAD_COUNT_NONE, "");
}

static void plover_is(struct runner *r, const char *code, const char *type,
                      const char *mode, const char *context) {
  CASE(r, code);
  const char *t, *m, *c;
  Dyad_plover_of(code, &t, &m, &c);
  CHECK_STR(r, t, type);
  CHECK_STR(r, m, mode);
  CHECK_STR(r, c, context);
}

static void test_plover(struct runner *r) {
  CASE(r, "plover tables sorted");
  CHECK(r, Dyad_plover_table_sorted());
  CHECK(r, Dyad_plover_words_sorted());
  plover_is(r, "1661", "SANCTION", "expel", "military");
  plover_is(r, "041", "CONSULT", "phone", "");
  plover_is(r, "0834", "CONCEDE", "", "political_institutions");
  plover_is(r, "0872", "RETREAT", "withdraw", "military");
  plover_is(r, "163", "COERCE", "restrict", "diplomatic");
  plover_is(r, "1712", "ASSAULT", "seize", "human_security");
  plover_is(r, "190", "ASSAULT", "", "military");
  plover_is(r, "2041", "ASSAULT", "unconventional", "cbrn");
  plover_is(r, "012", "", "", "");
  plover_is(r, "020", "", "", "");
  plover_is(r, "", "", "", "");
  /* the words of the sentence */
  struct got g;
  code_ev(r, 20230701, "Militants attacked peacekeepers in Mali.", NULL, &g);
  if (g.found) {
    const char *m, *c;
    const char *t = dyad_event_plover(dyad_doc_event(doc, 0), &m, &c);
    CHECK_STR(r, t, "ASSAULT");
    CHECK(r, strstr(c, "peacekeeping") != NULL);
  }
  code_ev(r, 20230701, "A suicide bomber attacked Iraqi police in Baghdad.",
          NULL, &g);
  if (g.found) {
    const char *m, *c;
    const char *t = dyad_event_plover(dyad_doc_event(doc, 0), &m, &c);
    CHECK_STR(r, t, "ASSAULT");
    CHECK_STR(r, m, "suicide-attack");
    CHECK(r, strstr(c, "terrorism") == NULL);
  }
}

/* The most recent `wd` (0 Monday) on or before `ymd`, by walking back. */
static int walk_back(int ymd, int wd) {
  long d = Dyad_date_to_days(ymd);
  while (Dyad_date_weekday(Dyad_date_from_days(d)) != wd)
    d--;
  return Dyad_date_from_days(d);
}

/* ---- tests ----------------------------------------------------------- */

static void test_words(struct runner *r) {
  CASE(r, "word table sorted");
  CHECK(r, Dyad_enrich_table_sorted());
  CASE(r, "word hash table current");
  CHECK(r, Dyad_enrich_hash_current());
  if (!Dyad_enrich_hash_current()) {
    static uint16_t t[EW_SLOTS];
    Dyad_enrich_hash_build(t);
    printf("EWHASH of src/enrich/words.c should read:\n");
    for (int i = 0; i < EW_SLOTS; i++)
      printf("%s%u,%s", i % 16 ? " " : "    ", t[i], i % 16 == 15 ? "\n" : "");
  }
  CASE(r, "add days");
  CHECK_INT(r, Dyad_enrich_add_days(20240228, 1), 20240229);
  CHECK_INT(r, Dyad_enrich_add_days(20230228, 1), 20230301);
  CHECK_INT(r, Dyad_enrich_add_days(20240101, -1), 20231231);
  CHECK_INT(r, Dyad_enrich_add_days(20230230, 1), 0);
  CASE(r, "precision names");
  CHECK_STR(r, dyad_date_precision_str(DYAD_DATE_STORY), "story");
  CHECK_STR(r, dyad_date_precision_str(DYAD_DATE_WEEK), "week");
  CHECK_STR(r, dyad_date_precision_str((dyad_date_precision)9), "unknown");
}

static void test_weekdays(struct runner *r) {
  static const char *const names[7] = {"Monday",   "Tuesday", "Wednesday",
                                       "Thursday", "Friday",  "Saturday",
                                       "Sunday"};
  /* a story on each day of a week that spans a month's end */
  for (int s = 0; s < 7; s++) {
    int story = Dyad_date_from_days(Dyad_date_to_days(20230626) + s);
    for (int wd = 0; wd < 7; wd++) {
      char text[128];
      snprintf(text, sizeof text, "Russia attacked Ukraine on %s.", names[wd]);
      date_is(r, story, text, walk_back(story, wd), DYAD_DATE_DAY);
    }
  }
  /* the seed story's rule: Friday in a Saturday story is the day before,
   * Saturday in a Saturday story is the day itself */
  date_is(r, 20230701, "Russia attacked Ukraine on Friday.", 20230630,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia attacked Ukraine on Saturday.", 20230701,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia attacked Ukraine Friday.", 20230630,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia attacked Ukraine on Monday night.", 20230626,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia attacked Ukraine early Thursday.", 20230629,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia attacked Ukraine late on Tuesday.", 20230627,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia attacked Ukraine last Saturday.", 20230624,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia attacked Ukraine last Friday.", 20230630,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia met Ukraine next Saturday.", 20230708,
          DYAD_DATE_DAY);
  date_is(r, 20230630, "Russia met Ukraine next Saturday.", 20230701,
          DYAD_DATE_DAY);
  /* a verb in the future looks ahead (kept with keep_hedged) */
  dyad_coder_options ho;
  memset(&ho, 0, sizeof ho);
  ho.keep_hedged = true;
  dyad_coder *hc = NULL;
  CASE(r, "Russia will meet Ukraine on Friday.");
  if (dyad_coder_new(lex, &ho, &hc) == DYAD_OK &&
      code_story(hc, 20230628, "Russia will meet Ukraine on Friday.") &&
      dyad_doc_event_count(doc) > 0) {
    dyad_date_precision p;
    CHECK_INT(r, dyad_event_date(dyad_doc_event(doc, 0), &p), 20230630);
    CHECK_INT(r, p, DYAD_DATE_DAY);
    CHECK_INT(r, dyad_event_modality(dyad_doc_event(doc, 0)), DYAD_MOD_FUTURE);
  } else {
    CHECK(r, !"a future event kept with keep_hedged");
  }
  dyad_coder_free(hc);
  date_is(r, 20230701, "Russia attacked Ukraine earlier on Monday.", 20230626,
          DYAD_DATE_DAY);
  /* weekdays across a year's end and a leap day */
  date_is(r, 20240101, "Russia attacked Ukraine on Friday.", 20231229,
          DYAD_DATE_DAY);
  date_is(r, 20240301, "Russia attacked Ukraine on Thursday.", 20240229,
          DYAD_DATE_DAY);
  /* a weekday that names a day of its own */
  date_is(r, 20230701, "Russia attacked Ukraine on Good Friday.", 20230701,
          DYAD_DATE_STORY);
  date_is(r, 20230701, "Russia attacked the Friday prayers in Ukraine.",
          20230701, DYAD_DATE_STORY);
}

static void test_days(struct runner *r) {
  date_is(r, 20230701, "Russia attacked Ukraine yesterday.", 20230630,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia attacked Ukraine yesterday morning.", 20230630,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia attacked Ukraine today.", 20230701,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia attacked Ukraine earlier today.", 20230701,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia attacked Ukraine tonight.", 20230701,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia attacked Ukraine this morning.", 20230701,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia attacked Ukraine last night.", 20230630,
          DYAD_DATE_DAY);
  /* month, year and leap-day boundaries */
  date_is(r, 20230301, "Russia attacked Ukraine yesterday.", 20230228,
          DYAD_DATE_DAY);
  date_is(r, 20240301, "Russia attacked Ukraine yesterday.", 20240229,
          DYAD_DATE_DAY);
  date_is(r, 20000301, "Russia attacked Ukraine yesterday.", 20000229,
          DYAD_DATE_DAY);
  date_is(r, 19000301, "Russia attacked Ukraine yesterday.", 19000228,
          DYAD_DATE_DAY);
  date_is(r, 20240101, "Russia attacked Ukraine last night.", 20231231,
          DYAD_DATE_DAY);
  /* tomorrow is kept: "Russia met Ukraine tomorrow" is odd, but a date */
  date_is(r, 20231231, "Russia met Ukraine tomorrow.", 20240101, DYAD_DATE_DAY);
}

static void test_periods(struct runner *r) {
  /* weeks: the Monday of the week */
  date_is(r, 20230701, "Russia attacked Ukraine last week.", 20230619,
          DYAD_DATE_WEEK);
  date_is(r, 20230701, "Russia attacked Ukraine this week.", 20230626,
          DYAD_DATE_WEEK);
  date_is(r, 20230701, "Russia attacked Ukraine earlier this week.", 20230626,
          DYAD_DATE_WEEK);
  date_is(r, 20230701, "Russia met Ukraine next week.", 20230703,
          DYAD_DATE_WEEK);
  date_is(r, 20230626, "Russia attacked Ukraine last week.", 20230619,
          DYAD_DATE_WEEK);
  date_is(r, 20230702, "Russia attacked Ukraine last week.", 20230619,
          DYAD_DATE_WEEK);
  date_is(r, 20240103, "Russia attacked Ukraine last week.", 20231225,
          DYAD_DATE_WEEK);
  /* weekends */
  date_is(r, 20230703, "Russia attacked Ukraine over the weekend.", 20230626,
          DYAD_DATE_WEEK);
  date_is(r, 20230702, "Russia attacked Ukraine at the weekend.", 20230626,
          DYAD_DATE_WEEK);
  date_is(r, 20230701, "Russia attacked Ukraine last weekend.", 20230619,
          DYAD_DATE_WEEK);
  /* months: the first */
  date_is(r, 20230701, "Russia attacked Ukraine last month.", 20230601,
          DYAD_DATE_MONTH);
  date_is(r, 20230715, "Russia attacked Ukraine earlier this month.", 20230701,
          DYAD_DATE_MONTH);
  date_is(r, 20240115, "Russia attacked Ukraine last month.", 20231201,
          DYAD_DATE_MONTH);
  date_is(r, 20231215, "Russia met Ukraine next month.", 20240101,
          DYAD_DATE_MONTH);
  /* years */
  date_is(r, 20230701, "Russia attacked Ukraine last year.", 20220101,
          DYAD_DATE_YEAR);
  date_is(r, 20230701, "Russia attacked Ukraine earlier this year.", 20230101,
          DYAD_DATE_YEAR);
  date_is(r, 20231231, "Russia met Ukraine next year.", 20240101,
          DYAD_DATE_YEAR);
}

static void test_ago(struct runner *r) {
  date_is(r, 20230701, "Russia attacked Ukraine two days ago.", 20230629,
          DYAD_DATE_DAY);
  date_is(r, 20230301, "Russia attacked Ukraine 3 days ago.", 20230226,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia attacked Ukraine a week ago.", 20230619,
          DYAD_DATE_WEEK);
  date_is(r, 20230701, "Russia attacked Ukraine 3 weeks ago.", 20230605,
          DYAD_DATE_WEEK);
  date_is(r, 20230701, "Russia attacked Ukraine a month ago.", 20230601,
          DYAD_DATE_MONTH);
  date_is(r, 20230115, "Russia attacked Ukraine two months ago.", 20221101,
          DYAD_DATE_MONTH);
  date_is(r, 20230701, "Russia attacked Ukraine two years ago.", 20210101,
          DYAD_DATE_YEAR);
  struct got g;
  code_ev(r, 20230701, "Russia attacked Ukraine decades ago.", NULL, &g);
  CHECK_INT(r, g.date, 19930101);
  CHECK_INT(r, g.prec, DYAD_DATE_YEAR);
  CHECK(r, g.approx);
  date_is(r, 20230701, "Russia attacked Ukraine two decades ago.", 20030101,
          DYAD_DATE_YEAR);
  code_ev(r, 20230701, "Russia attacked Ukraine a few weeks ago.", NULL, &g);
  CHECK_INT(r, g.date, 20230605);
  CHECK_INT(r, g.prec, DYAD_DATE_WEEK);
  CHECK(r, g.approx);
  code_ev(r, 20230701, "Russia attacked Ukraine several days ago.", NULL, &g);
  CHECK_INT(r, g.date, 20230628);
  CHECK(r, g.approx);
  code_ev(r, 20230701, "Russia attacked Ukraine weeks ago.", NULL, &g);
  CHECK_INT(r, g.date, 20230605);
  CHECK(r, g.approx);
  code_ev(r, 20230701, "Russia attacked Ukraine a couple of months ago.", NULL,
          &g);
  CHECK_INT(r, g.date, 20230501);
  CHECK(r, g.approx);
  code_ev(r, 20230701, "Russia attacked Ukraine two days ago.", NULL, &g);
  CHECK(r, !g.approx);
}

static void test_months(struct runner *r) {
  /* the most recent such month not after the story's */
  date_is(r, 20230701, "Russia attacked Ukraine in March.", 20230301,
          DYAD_DATE_MONTH);
  date_is(r, 20230210, "Russia attacked Ukraine in March.", 20220301,
          DYAD_DATE_MONTH);
  date_is(r, 20230701, "Russia attacked Ukraine in July.", 20230701,
          DYAD_DATE_MONTH);
  date_is(r, 20240105, "Russia attacked Ukraine in December.", 20231201,
          DYAD_DATE_MONTH);
  date_is(r, 20230701, "Russia attacked Ukraine in early March.", 20230301,
          DYAD_DATE_MONTH);
  date_is(r, 20230701, "Russia attacked Ukraine in mid-March.", 20230301,
          DYAD_DATE_MONTH);
  date_is(r, 20230701, "Russia attacked Ukraine in May.", 20230501,
          DYAD_DATE_MONTH);
  date_is(r, 20230701, "Russia attacked Ukraine last July.", 20220701,
          DYAD_DATE_MONTH);
  date_is(r, 20230701, "Russia attacked Ukraine last March.", 20230301,
          DYAD_DATE_MONTH);
  date_is(r, 20230701, "Russia met Ukraine next March.", 20240301,
          DYAD_DATE_MONTH);
  date_is(r, 20230701, "Russia attacked Ukraine in March 2021.", 20210301,
          DYAD_DATE_MONTH);
  date_is(r, 20230701, "Russia attacked Ukraine in March of 2021.", 20210301,
          DYAD_DATE_MONTH);
  /* months that are no time */
  date_is(r, 20230701, "Russia attacked Ukraine, as May said.", 20230701,
          DYAD_DATE_STORY);
  date_is(r, 20230701, "Russia attacked the march in Ukraine.", 20230701,
          DYAD_DATE_STORY);
}

static void test_day_dates(struct runner *r) {
  date_is(r, 20230701, "Russia attacked Ukraine on March 3.", 20230303,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia attacked Ukraine on March 3rd.", 20230303,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia attacked Ukraine on 3 March.", 20230303,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia attacked Ukraine on the 3rd of March.", 20230303,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia attacked Ukraine on March 3, 2021.", 20210303,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia attacked Ukraine on 3 March 2021.", 20210303,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia attacked Ukraine on Aug. 26, 2004.", 20040826,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia attacked Ukraine on 2021-03-03.", 20210303,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia attacked Ukraine on Monday, March 3, 2021.",
          20210303, DYAD_DATE_DAY);
  /* the nearest such day: across a year's end, and ahead of the story */
  date_is(r, 20240105, "Russia attacked Ukraine on December 28.", 20231228,
          DYAD_DATE_DAY);
  date_is(r, 20231228, "Russia met Ukraine on January 4.", 20240104,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia met Ukraine on July 15.", 20230715,
          DYAD_DATE_DAY);
  /* leap days */
  date_is(r, 20240310, "Russia attacked Ukraine on February 29.", 20240229,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia attacked Ukraine on February 29, 2024.",
          20240229, DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia attacked Ukraine on February 29, 2023.",
          20230701, DYAD_DATE_STORY);
  date_is(r, 20230701, "Russia attacked Ukraine on February 30.", 20230701,
          DYAD_DATE_STORY);
  /* "in March 25 people": 25 is a count */
  date_is(r, 20230701, "Russia attacked Ukraine in March 25 times.", 20230301,
          DYAD_DATE_MONTH);
}

static void test_years(struct runner *r) {
  date_is(r, 20230701, "Russia attacked Ukraine in 2020.", 20200101,
          DYAD_DATE_YEAR);
  date_is(r, 20230701, "Russia attacked Ukraine during 2020.", 20200101,
          DYAD_DATE_YEAR);
  date_is(r, 20230701, "Russia attacked Ukraine in early 2020.", 20200101,
          DYAD_DATE_YEAR);
  date_is(r, 20230701, "Russia attacked Ukraine in 1999.", 19990101,
          DYAD_DATE_YEAR);
  /* a year that modifies a noun or bounds an act */
  date_is(r, 20230701, "Russia attacked Ukraine over the 2020 vote.", 20230701,
          DYAD_DATE_STORY);
  date_is(r, 20230701, "Russia has attacked Ukraine since 2020.", 20230701,
          DYAD_DATE_STORY);
  date_is(r, 20230701, "Russia attacked Ukraine in 300 places.", 20230701,
          DYAD_DATE_STORY);
}

static void test_excluded(struct runner *r) {
  date_is(r, 20230701, "Russia accused Ukraine over the March 3 attack.",
          20230701, DYAD_DATE_STORY);
  date_is(r, 20230701, "Russia accused Ukraine over Monday's attack.", 20230701,
          DYAD_DATE_STORY);
  date_is(r, 20230701, "Russia attacked Ukraine since last year.", 20230701,
          DYAD_DATE_STORY);
  date_is(r, 20230701, "Russia attacked Ukraine before Friday.", 20230701,
          DYAD_DATE_STORY);
  date_is(r, 20230701, "Russia attacked Ukraine after Monday.", 20230701,
          DYAD_DATE_STORY);
  date_is(r, 20230701, "Russia attacked Ukraine.", 20230701, DYAD_DATE_STORY);
}

static void test_no_story_date(struct runner *r) {
  /* only absolute dates without a story date; relative ones are unknown */
  date_is(r, 0, "Russia attacked Ukraine on Friday.", 0, DYAD_DATE_UNKNOWN);
  date_is(r, 0, "Russia attacked Ukraine yesterday.", 0, DYAD_DATE_UNKNOWN);
  date_is(r, 0, "Russia attacked Ukraine last week.", 0, DYAD_DATE_UNKNOWN);
  date_is(r, 0, "Russia attacked Ukraine in March.", 0, DYAD_DATE_UNKNOWN);
  date_is(r, 0, "Russia attacked Ukraine on March 3.", 0, DYAD_DATE_UNKNOWN);
  date_is(r, 0, "Russia attacked Ukraine.", 0, DYAD_DATE_STORY);
  date_is(r, 0, "Russia attacked Ukraine in 2020.", 20200101, DYAD_DATE_YEAR);
  date_is(r, 0, "Russia attacked Ukraine in March 2021.", 20210301,
          DYAD_DATE_MONTH);
  date_is(r, 0, "Russia attacked Ukraine on March 3, 2021.", 20210303,
          DYAD_DATE_DAY);
  /* a relative date in the event's clause hides the sentence's others */
  date_is(r, 0, "In 2020, Russia said that Mali attacked France on Friday.", 0,
          DYAD_DATE_UNKNOWN);
}

/* A dateline's date is the text's own date: relative dates count from it,
 * and it dates no event itself. */
static void test_dateline(struct runner *r) {
  date_is(r, 0,
          "BAGHDAD, Aug. 26, 2004 - Iraqi insurgents attacked US troops on "
          "Tuesday.",
          20040824, DYAD_DATE_DAY);
  date_is(r, 20040830,
          "MOSCOW, Aug. 18 (Itar-Tass) -- Russian troops attacked Ukraine on "
          "Wednesday.",
          20040818, DYAD_DATE_DAY);
  date_is(r, 0,
          "NEW DELHI, 7 September 2004 - Russian troops attacked Ukraine "
          "yesterday.",
          20040906, DYAD_DATE_DAY);
  date_is(r, 20040830,
          "KANDAHAR, Afghanistan, Dec 14 -- Russian troops attacked Ukraine "
          "last week.",
          20041206, DYAD_DATE_WEEK);
  /* the dateline's date is not the event's: the story date is */
  date_is(r, 20040830,
          "BAGHDAD, Aug. 26, 2004 - Iraqi insurgents attacked US troops.",
          20040830, DYAD_DATE_STORY);
  /* no dateline: an agency name, a date inside the sentence */
  date_is(r, 20040830,
          "Reuters - Iraqi insurgents attacked US troops on Tuesday.", 20040824,
          DYAD_DATE_DAY);
  date_is(r, 20040830,
          "Iraqi insurgents attacked US troops on Aug. 26, 2004 - and on "
          "Tuesday.",
          20040826, DYAD_DATE_DAY);
}

static void test_which(struct runner *r) {
  /* the event's clause first */
  struct got g;
  code_ev(r, 20230701,
          "Iraqi police said on Monday that Iraqi insurgents attacked US "
          "troops last week.",
          "attacked", &g);
  CHECK_INT(r, g.date, 20230619);
  /* then the clause that holds it */
  date_is(r, 20230701,
          "Iraqi police said on Monday that Iraqi insurgents attacked US "
          "troops.",
          20230626, DYAD_DATE_DAY);
  /* a trailing attribution is the sentence's */
  date_is(r, 20230701,
          "Iraqi insurgents attacked US troops, Iraqi police said on "
          "Monday.",
          20230626, DYAD_DATE_DAY);
  /* the nearest to the verb in its clause */
  code_ev(r, 20230701, "On Friday Russia said Mali attacked France on Monday.",
          "attacked", &g);
  CHECK_INT(r, g.date, 20230626);
  /* no date across "after" to a verb after it, nor across "ahead of" */
  code_ev(r, 20230701,
          "Mali accused France on Monday, a day after Russia attacked "
          "Ukraine.",
          "attacked", &g);
  CHECK_INT(r, g.prec, DYAD_DATE_STORY);
  describe("accused", &g);
  CHECK_INT(r, g.date, 20230626);
  /* an "after" clause's time dates its own verb only */
  code_ev(r, 20230701,
          "Russia attacked Ukraine after Mali accused France on Monday.",
          "attacked", &g);
  CHECK_INT(r, g.prec, DYAD_DATE_STORY);
  describe("accused", &g);
  CHECK_INT(r, g.date, 20230626);
  date_is(r, 20230701, "Russia attacked Ukraine ahead of the talks on Monday.",
          20230701, DYAD_DATE_STORY);
  date_is(r, 20230701, "Russia pushed ahead and attacked Ukraine on Monday.",
          20230626, DYAD_DATE_DAY);
  /* a relative clause dates its own verb only */
  code_ev(r, 20230701, "Iraq accused Israel, which attacked Iraq in 2003.",
          "accused", &g);
  CHECK_INT(r, g.date, 20230701);
  CHECK_INT(r, g.prec, DYAD_DATE_STORY);
  /* a time that modifies a noun dates the verb only before it */
  date_is(r, 20230701, "At Monday's summit Russia met Ukraine.", 20230626,
          DYAD_DATE_DAY);
  date_is(r, 20230701, "Russia met Ukraine at Monday's summit.", 20230701,
          DYAD_DATE_STORY);
  /* two events, two dates */
  code_ev(r, 20230701,
          "Mali accused France on Monday, and Russia attacked Ukraine on "
          "Friday.",
          "accused", &g);
  CHECK_INT(r, g.date, 20230626);
  describe("attacked", &g);
  CHECK_INT(r, g.date, 20230630);
  /* the seed story's sentence shape: the control verb's clause */
  date_is(r, 20230701, "The Security Council decided on Friday to attack Mali.",
          20230630, DYAD_DATE_DAY);
}

static void test_places(struct runner *r) {
  place_is(r, "Iraqi insurgents attacked US troops in Baghdad.", "Baghdad",
           "IRQ");
  place_is(r, "Israeli troops attacked Palestinians in the Gaza Strip.",
           "Gaza Strip", "PSE");
  place_is(r, "Mali met France at the White House.", "White House", "USA");
  place_is(r, "Mali met France in the Kremlin.", "Kremlin", "RUS");
  place_is(r, "Afghan troops attacked the Taliban near Kabul.", "Kabul", "AFG");
  place_is(r, "Russian troops attacked Ukraine outside Kyiv on Monday.", "Kyiv",
           "UKR");
  /* a capitalised name that is no actor: its text, no code */
  place_is(r, "Russian troops attacked Ukraine in Kharkiv.", "Kharkiv", "");
  place_is(r, "Russian troops attacked Ukraine in Nova Kakhovka.",
           "Nova Kakhovka", "");
  place_is(r, "Russian troops attacked Ukraine near Bakhmut.", "Bakhmut", "");
  place_is(r, "Iraqi troops attacked insurgents in Sadr City on Monday.",
           "Sadr City", "");
  /* directions before the place belong to it */
  place_is(r, "Iraqi troops attacked insurgents in northern Iraq.",
           "northern Iraq", "IRQ");
  place_is(r, "Russian troops attacked Ukraine in eastern Kharkiv.",
           "eastern Kharkiv", "");
  place_is(r, "Russian troops attacked the army in North Korea on a cold day.",
           "North Korea", "PRK");
  /* a demonym before "capital" or "city" is the place's country */
  place_is(r, "Iraqi insurgents attacked US troops in the Iraqi capital.",
           "Iraqi", "IRQ");
  /* a verbal act is not placed across another verb */
  place_is(r, "Mali met France in Baghdad.", "Baghdad", "IRQ");
  place_is(r, "Mali urged France to attack insurgents in Baghdad.", "", "");
  /* the place of a possessor: inside it, not a point of view */
  place_is(r, "Iraqi insurgents attacked US troops in Iraq's capital.", "Iraq",
           "IRQ");
  place_is(r, "Russia attacked Ukraine in Russia's interest.", "", "");
  /* before the verb when none follows it */
  place_is(r, "Police in Baghdad arrested Iraqi insurgents.", "Baghdad", "IRQ");
  place_is(r, "In Najaf, Iraqi police arrested US troops.", "Najaf", "IRQ");
  /* the nearest after the verb */
  place_is(r,
           "Iraqi troops attacked insurgents in Najaf and in Baghdad on "
           "Monday.",
           "Najaf", "IRQ");
  /* no place: an organisation, a demonym before a noun, a month, a year,
   * words that are no place, another clause's place */
  place_is(r, "Mali accused France in the Security Council.", "", "");
  place_is(r, "Israeli troops attacked Palestinians at Hamas offices.", "", "");
  place_is(r, "US troops attacked insurgents in Iraqi custody.", "", "");
  place_is(r, "US troops attacked insurgents in Iraq overnight.", "Iraq",
           "IRQ");
  place_is(r, "Russia attacked Ukraine in March.", "", "");
  place_is(r, "Russia attacked Ukraine in 2020.", "", "");
  place_is(r, "Russia attacked Ukraine in English.", "", "");
  place_is(r, "Russia accused Ukraine, which is in Kharkiv.", "", "");
  place_is(r, "Russia attacked Ukraine.", "", "");
  /* the span points at the name in the story text */
  CASE(r, "place span");
  if (code_story(coder, 20230701, "Mali attacked France in Paris.")) {
    size_t a = 1, b = 1;
    const char *code = NULL;
    CHECK(r, dyad_event_place(dyad_doc_event(doc, 0), &a, &b, &code));
    CHECK_INT(r, a, 24);
    CHECK_INT(r, b, 29);
    CHECK_STR(r, code, "FRA");
    CHECK(r, dyad_event_place(dyad_doc_event(doc, 0), NULL, NULL, NULL));
  }
  CHECK(r, !dyad_event_place(NULL, NULL, NULL, NULL));
}

static void test_tolls(struct runner *r) {
  dead_is(r, "Russian troops attacked Ukraine, killing 11.", 11);
  dead_is(r, "Russian troops killed 25 people in Ukraine.", 25);
  dead_is(r, "Russian troops attacked Iraq, killing at least 25 Iraqis.", 25);
  dead_is(r, "Russian troops killed more than 700 in Ukraine.", 700);
  dead_is(r, "Russian troops killed 1,200 soldiers in Ukraine.", 1200);
  dead_is(r,
          "At least 10 Iraqis were killed when US troops attacked Najaf "
          "yesterday.",
          10);
  dead_is(r, "US troops attacked Najaf, and 174 Iraqis have died.", 174);
  dead_is(r, "US troops attacked Najaf, leaving 3 dead.", 3);
  dead_is(r, "Israeli troops attacked Gaza; three were shot dead.", 3);
  dead_is(r, "Israeli troops bombed Gaza, shooting dead two Palestinians.", 2);
  dead_is(r, "Israeli troops attacked Gaza, and a death toll of 40 was given.",
          40);
  dead_is(r, "Israeli troops attacked Gaza, and the death toll rose to 52.",
          52);
  dead_is(r, "Israeli troops attacked Gaza, claiming 25 lives.", 25);
  dead_is(r, "Israeli troops attacked Gaza, claiming the lives of 9 people.",
          9);
  dead_is(r, "Israeli troops attacked Gaza, causing 25 deaths.", 25);
  /* number words */
  dead_is(r, "Russian troops attacked Ukraine, killing three.", 3);
  dead_is(r, "Russian troops attacked Ukraine, killing twenty-five.", 25);
  dead_is(r, "Russian troops attacked Ukraine, killing two hundred.", 200);
  dead_is(r, "Russian troops attacked Ukraine, killing a dozen people.", 12);
  dead_is(r, "Russian troops attacked Ukraine, killing three dozen people.",
          36);
  dead_is(r, "Russian troops attacked Ukraine, and a soldier was killed.", 1);
  /* vague words: no count (flagged vague, see test_counts) */
  dead_is(r, "Russian troops attacked Ukraine, killing dozens.", -1);
  dead_is(r, "Russian troops attacked Ukraine, killing dozens of people.", -1);
  dead_is(r, "Russian troops attacked Ukraine, killing hundreds.", -1);
  dead_is(r, "Russian troops attacked Ukraine, killing tens of thousands.", -1);
  dead_is(r, "Russian troops attacked Ukraine, killing several people.", -1);
  dead_is(r, "Russian troops attacked Ukraine, killing a few soldiers.", -1);
  dead_is(r, "Russian troops attacked Ukraine, killing many.", -1);
  dead_is(r, "US troops attacked Najaf, and two US soldiers were killed.", 2);
  dead_is(r,
          "US troops attacked Najaf; at least nine Iraqis and four US "
          "soldiers are reported to have been killed.",
          13);
  dead_is(r, "US troops attacked Najaf, and three were said killed.", 3);
  dead_is(r,
          "US troops attacked Najaf, and one of five Iraqis killed was a "
          "child.",
          5);
  /* a semicolon parts a finite kill verb's toll from another act */
  dead_is(r, "US troops attacked Najaf; a bomb killed 5 Iraqis in Baghdad.",
          -1);
  /* counts that add up */
  dead_is(r,
          "Russian troops attacked Ukraine, and 25 civilians and 3 soldiers "
          "were killed.",
          28);
  /* numbers that are no toll */
  dead_is(r, "Russian troops attacked Ukraine, and 25 people were arrested.",
          -1);
  dead_is(r, "Russian troops attacked Ukraine, who killed in 2003.", -1);
  dead_is(r, "Russian troops attacked Ukraine, killing 3 days ago.", -1);
  dead_is(r, "Russian troops attacked Ukraine, killing a 25-year-old man.", -1);
  dead_is(r, "Russian troops attacked Ukraine, killing 1.2 million.", -1);
  dead_is(r, "Russian troops attacked Ukraine, wounding 25 people.", -1);
  dead_is(r, "Russian troops attacked Ukraine, and 25 people were injured.",
          -1);
  dead_is(r, "Russian troops attacked Ukraine with 13,000 troops.", -1);
  /* the toll nearest the event's verb */
  struct got g;
  code_ev(r, 20230701,
          "Russian troops attacked Kyiv, where 4 were killed, and Ukrainian "
          "troops shelled Moscow, where 9 died.",
          "shelled", &g);
  CHECK_INT(r, g.dead, 9);
  describe("attacked", &g);
  CHECK_INT(r, g.dead, 4);
  /* "killing 4" after an act is its toll, and the killing's if coded */
  code_ev(r, 20230701, "Russian troops attacked Kyiv, killing 4.", "killing",
          &g);
  CHECK_INT(r, g.dead, 4);
  describe("attacked", &g);
  CHECK_INT(r, g.dead, 4);
  /* counts joined by "and" */
  dead_is(r,
          "Russian troops attacked Kyiv, killing 35 children and seven "
          "adults.",
          42);
  dead_is(r,
          "Russian troops attacked Kyiv, killing four soldiers and a "
          "civilian.",
          5);
  dead_is(r,
          "Russian troops attacked Kyiv, killing 22 people, and 40 were "
          "wounded.",
          22);
  dead_is(r,
          "Russian troops attacked Kyiv, raising the death toll to 22 "
          "Ukrainians and one Russian.",
          23);
  /* a toll told by another event's kill verb is that event's only */
  code_ev(r, 20230701,
          "Ukrainian troops killed 9 Russians, and Russian troops shelled "
          "Kyiv.",
          "shelled", &g);
  CHECK_INT(r, g.dead, -1);
  describe("killed", &g);
  CHECK_INT(r, g.dead, 9);
  /* ... but a passive toll is the sentence's */
  code_ev(r, 20230701,
          "Three Iraqis were killed when US troops attacked Najaf.", NULL, &g);
  CHECK_INT(r, g.dead, 3);
  dead_is(r,
          "US troops attacked Najaf, and a man and two women were shot "
          "dead.",
          3);
  /* only violent events carry a toll */
  code_ev(r, 20230701,
          "Iraqi police arrested US troops after a bomb killed 25 people.",
          "arrested", &g);
  CHECK_INT(r, g.dead, -1);
  code_ev(r, 20230701,
          "Palestinian protesters rioted in Gaza, and two were "
          "killed.",
          NULL, &g);
  CHECK_INT(r, g.dead, 2);
  CHECK_INT(r, dyad_event_fatalities(NULL), -1);
}

/* The TABARI profile sets event dates from <TIME> shifts only. */
static void test_tabari(struct runner *r) {
  char path[512];
  snprintf(path, sizeof path, "%s/classic/classic.project", data_dir());
  const char *paths[] = {path};
  dyad_lexicon *tl = NULL;
  dyad_coder *tc = NULL;
  dyad_coder_options co;
  memset(&co, 0, sizeof co);
  co.profile = DYAD_PROFILE_TABARI;
  CASE(r, "TABARI profile: time shift");
  if (dyad_lexicon_load(paths, 1, NULL, &tl, NULL) != DYAD_OK ||
      dyad_coder_new(tl, &co, &tc) != DYAD_OK) {
    SKIP(r, "cannot load tests/data/classic/classic.project");
    dyad_lexicon_free(tl);
    return;
  }
  tc->tabari.time_shift = true;
  CHECK(r, code_story(tc, 19950601, "Alderia will visit Borvia tomorrow."));
  CHECK(r, dyad_doc_event_count(doc) > 0);
  if (dyad_doc_event_count(doc)) {
    const dyad_event *e = dyad_doc_event(doc, 0);
    dyad_date_precision p = DYAD_DATE_YEAR;
    CHECK_INT(r, dyad_event_date(e, &p), 19950602);
    CHECK_INT(r, p, DYAD_DATE_DAY);
    CHECK_INT(r, dyad_event_fatalities(e), -1);
    CHECK(r, !dyad_event_place(e, NULL, NULL, NULL));
  }
  tc->tabari.time_shift = false;
  CASE(r, "TABARI profile: no shift");
  CHECK(r, code_story(tc, 19950601, "Alderia condemned Borvia today."));
  if (dyad_doc_event_count(doc)) {
    dyad_date_precision p = DYAD_DATE_YEAR;
    CHECK_INT(r, dyad_event_date(dyad_doc_event(doc, 0), &p), 0);
    CHECK_INT(r, p, DYAD_DATE_STORY);
  }
  dyad_coder_free(tc);
  dyad_lexicon_free(tl);
}

/* The seed story: "on Friday" in a Saturday 2023-07-01 story dates the
 * Security Council's decision 2023-06-30. */
static void test_seed(struct runner *r) {
  CASE(r, "seed story");
  const char *shared = harness_shared();
  if (!shared) {
    SKIP(r, "../shared is absent (set DYAD_SHARED)");
    return;
  }
  char path[1024];
  snprintf(path, sizeof path, "%s/inputs/000_6835885b00529384.txt", shared);
  const char *dict = dyad_default_dict();
  const char *paths[] = {dict};
  dyad_lexicon *bl = NULL;
  dyad_coder *bc = NULL;
  dyad_reader *rd = NULL;
  dyad_doc *sd = NULL;
  if (dyad_lexicon_load(paths, 1, NULL, &bl, NULL) != DYAD_OK ||
      dyad_coder_new(bl, NULL, &bc) != DYAD_OK ||
      dyad_reader_open_path(path, DYAD_INPUT_AUTO, &rd, NULL) != DYAD_OK ||
      dyad_doc_new(&sd) != DYAD_OK) {
    SKIP(r, "seed story or bundled dictionaries cannot be read");
    goto done;
  }
  CHECK_INT(r, dyad_reader_next(rd, sd, NULL), DYAD_OK);
  CHECK_INT(r, dyad_doc_date(sd), 20230701);
  CHECK_INT(r, dyad_code(bc, sd, NULL), DYAD_OK);
  bool council = false, diop = false;
  for (size_t i = 0; i < dyad_doc_event_count(sd); i++) {
    const dyad_event *e = dyad_doc_event(sd, i);
    dyad_date_precision p;
    int d = dyad_event_date(e, &p);
    if (dyad_event_sentence(e) == 1 &&
        strcmp(dyad_event_source(e), "IGOUNO") == 0) {
      council = true;
      CHECK_INT(r, d, 20230630);
      CHECK_INT(r, p, DYAD_DATE_DAY);
    }
    if (dyad_event_sentence(e) == 2 &&
        strcmp(dyad_event_source(e), "MLIGOV") == 0) {
      /* "a few weeks ago": about three weeks before, approximate */
      diop = true;
      CHECK_INT(r, d, 20230605);
      CHECK_INT(r, p, DYAD_DATE_WEEK);
      CHECK(r, dyad_event_date_approximate(e));
    }
    /* "since a military junta seized power in Mali in 2020" */
    size_t va, vb, tl;
    const char *txt = dyad_doc_text(sd, &tl);
    dyad_event_span(e, DYAD_SPAN_VERB, &va, &vb);
    if (dyad_event_sentence(e) == 10 && vb - va >= 6 &&
        strncmp(txt + va, "seized", 6) == 0) {
      CHECK_INT(r, d, 20200101);
      CHECK_INT(r, p, DYAD_DATE_YEAR);
    }
    /* sentences with no time of their own */
    size_t si = dyad_event_sentence(e);
    if (si == 8 || si == 11 || si == 13 || si == 15) {
      CHECK_INT(r, d, 20230701);
      CHECK_INT(r, p, DYAD_DATE_STORY);
    }
  }
  CHECK(r, council);
  CHECK(r, diop);
done:
  dyad_doc_free(sd);
  dyad_reader_free(rd);
  dyad_coder_free(bc);
  dyad_lexicon_free(bl);
}

int main(void) {
  struct runner r = {0, 0, 0, ""};
  char path[512];
  snprintf(path, sizeof path, "%s/enrich/enrich.ini", data_dir());
  const char *paths[] = {path};
  dyad_error err;
  memset(&err, 0, sizeof err);
  if (dyad_lexicon_load(paths, 1, NULL, &lex, &err) != DYAD_OK ||
      dyad_coder_new(lex, NULL, &coder) != DYAD_OK ||
      dyad_doc_new(&doc) != DYAD_OK) {
    fprintf(stderr, "test_enrich: cannot load %s: %s\n", path, err.message);
    return 1;
  }
  test_words(&r);
  test_weekdays(&r);
  test_days(&r);
  test_periods(&r);
  test_ago(&r);
  test_months(&r);
  test_day_dates(&r);
  test_years(&r);
  test_excluded(&r);
  test_no_story_date(&r);
  test_dateline(&r);
  test_which(&r);
  test_places(&r);
  test_tolls(&r);
  test_counts(&r);
  test_issue_forms(&r);
  test_plover(&r);
  test_tabari(&r);
  test_seed(&r);
  dyad_doc_free(doc);
  dyad_coder_free(coder);
  dyad_lexicon_free(lex);
  return harness_report(&r, "test_enrich");
}
