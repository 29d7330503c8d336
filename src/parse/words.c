/*
 * words.c - closed English word classes used by the shallow parser.
 *
 * Determiners, pronouns, prepositions, conjunctions, auxiliaries, modals,
 * negations, subordinators, hedging adverbs and verbs, reporting verbs,
 * time words. These are grammar, not dictionary content: they are the same
 * for every dictionary set. Keys are folded (upper case, ASCII).
 */
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "words.h"

struct wc {
  const char *key;
  uint8_t fc;
};

/* Sorted by key (strcmp order) for bsearch. */
static const struct wc CLASSES[] = {
    {"'D", FC_MODAL},      {"'LL", FC_MODAL},     {"'M", FC_BE},
    {"'RE", FC_BE},        {"'VE", FC_HAVE},      {"A", FC_DET},
    {"ABOARD", FC_PREP},   {"ABOUT", FC_PREP},    {"ABOVE", FC_PREP},
    {"ACROSS", FC_PREP},   {"AFTER", FC_PREP},    {"AGAINST", FC_PREP},
    {"ALLEGEDLY", FC_HEDGEADV}, {"ALONG", FC_PREP}, {"ALREADY", FC_ADV},
    {"ALSO", FC_ADV},      {"ALTHOUGH", FC_SUB},  {"AM", FC_BE},
    {"AMID", FC_PREP},     {"AMIDST", FC_PREP},   {"AMONG", FC_PREP},
    {"AN", FC_DET},        {"AND", FC_CONJ},      {"ANOTHER", FC_DET},
    {"ANY", FC_DET},       {"APPARENTLY", FC_HEDGEADV},
    {"ARE", FC_BE},        {"AROUND", FC_PREP},   {"AS", FC_PREP},
    {"AT", FC_PREP},       {"BE", FC_BE},         {"BECAUSE", FC_SUB},
    {"BEEN", FC_BE},       {"BEFORE", FC_PREP},   {"BEHIND", FC_PREP},
    {"BEING", FC_BE},      {"BETWEEN", FC_PREP},  {"BEYOND", FC_PREP},
    {"BOTH", FC_DET},      {"BUT", FC_CONJ},      {"BY", FC_PREP},
    {"CA", FC_MODAL},     {"CAN", FC_MODAL},     {"COULD", FC_MODAL},   {"DESPITE", FC_PREP},
    {"DID", FC_DO},        {"DO", FC_DO},         {"DOES", FC_DO},
    {"DURING", FC_PREP},   {"EACH", FC_DET},      {"EARLIER", FC_ADV},
    {"EITHER", FC_DET},    {"EVEN", FC_ADV},      {"EVERY", FC_DET},
    {"FINALLY", FC_ADV},   {"FOR", FC_PREP},      {"FORMALLY", FC_ADV},
    {"FROM", FC_PREP},     {"FURTHER", FC_ADV},   {"HAD", FC_HAVE},
    {"HAS", FC_HAVE},      {"HAVE", FC_HAVE},     {"HAVING", FC_HAVE},
    {"HE", FC_PRON},       {"HER", FC_PRONPOSS},  {"HIM", FC_PRON},
    {"HIS", FC_PRONPOSS},  {"HOWEVER", FC_ADV},   {"I", FC_PRON},
    {"IF", FC_COND},       {"IN", FC_PREP},       {"INSIDE", FC_PREP},
    {"INSTEAD", FC_ADV},   {"INTO", FC_PREP},     {"IS", FC_BE},
    {"IT", FC_PRON},       {"ITS", FC_PRONPOSS},  {"JUST", FC_ADV},
    {"LATER", FC_ADV},     {"LIKELY", FC_HEDGEADV},
    {"MAY", FC_MODAL},     {"ME", FC_PRON},       {"MIGHT", FC_MODAL},
    {"MUST", FC_MODAL},    {"MY", FC_PRONPOSS},   {"N'T", FC_NEG},
    {"NEAR", FC_PREP},     {"NEITHER", FC_DET},   {"NEVER", FC_NEG},
    {"NO", FC_DET},        {"NOR", FC_CONJ},      {"NOT", FC_NEG},
    {"NOW", FC_ADV},       {"OF", FC_PREP},       {"OFF", FC_PREP},
    {"OFFICIALLY", FC_ADV},{"ON", FC_PREP},       {"ONCE", FC_ADV},
    {"ONTO", FC_PREP},     {"OR", FC_CONJ},       {"OUR", FC_PRONPOSS},
    {"OUTSIDE", FC_PREP},  {"OVER", FC_PREP},     {"PERHAPS", FC_HEDGEADV},
    {"POSSIBLY", FC_HEDGEADV}, {"PROBABLY", FC_HEDGEADV},
    {"PUBLICLY", FC_ADV},  {"RECENTLY", FC_ADV},  {"REPEATEDLY", FC_ADV},
    {"REPORTEDLY", FC_HEDGEADV}, {"SEVERAL", FC_DET},
    {"SHALL", FC_MODAL},   {"SHE", FC_PRON},      {"SHOULD", FC_MODAL},
    {"SINCE", FC_PREP},    {"SO", FC_ADV},        {"SOME", FC_DET},
    {"STILL", FC_ADV},     {"SUPPOSEDLY", FC_HEDGEADV},
    {"THAT", FC_THAT},     {"THE", FC_DET},       {"THEIR", FC_PRONPOSS},
    {"THEM", FC_PRON},     {"THEN", FC_ADV},      {"THESE", FC_DET},
    {"THEY", FC_PRON},     {"THIS", FC_DET},      {"THOSE", FC_DET},
    {"THOUGH", FC_SUB},    {"THROUGH", FC_PREP},  {"THROUGHOUT", FC_PREP},
    {"TO", FC_TO},         {"TOGETHER", FC_ADV},  {"TOWARD", FC_PREP},
    {"TOWARDS", FC_PREP},  {"UNDER", FC_PREP},    {"UNLESS", FC_COND},
    {"UNTIL", FC_PREP},    {"UPON", FC_PREP},     {"US", FC_PRON},
    {"VIA", FC_PREP},      {"WAS", FC_BE},        {"WE", FC_PRON},
    {"WERE", FC_BE},       {"WHEN", FC_SUB},      {"WHEREAS", FC_SUB},
    {"WHETHER", FC_COND},  {"WHICH", FC_WH},      {"WHILE", FC_SUB},
    {"WHO", FC_WH},        {"WHOM", FC_WH},       {"WHOSE", FC_WH},
    {"WILL", FC_MODAL},    {"WITH", FC_PREP},     {"WITHIN", FC_PREP},
    {"WITHOUT", FC_PREP},  {"WO", FC_MODAL},      {"WOULD", FC_MODAL},
    {"YESTERDAY", FC_TIME},{"YOU", FC_PRON},      {"YOUR", FC_PRONPOSS},
};

static int wc_cmp(const void *k, const void *e) {
  return strcmp(k, ((const struct wc *)e)->key);
}

uint8_t Dyad_word_class(const char *key) {
  const struct wc *w = bsearch(key, CLASSES, sizeof CLASSES / sizeof CLASSES[0],
                               sizeof CLASSES[0], wc_cmp);
  if (w)
    return w->fc;
  static const char *const time_words[] = {
      "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
      "SUNDAY", "TODAY", "TONIGHT", "TOMORROW", "JANUARY", "FEBRUARY",
      "MARCH", "APRIL", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER",
      "NOVEMBER", "DECEMBER", "WEEK", "WEEKS", "MONTH", "MONTHS", "YEAR",
      "YEARS", "DAY", "DAYS", "WEEKEND", "MORNING", "EVENING", "AFTERNOON",
      "NIGHT"};
  for (size_t i = 0; i < sizeof time_words / sizeof time_words[0]; i++)
    if (strcmp(key, time_words[i]) == 0)
      return FC_TIME;
  return FC_NONE;
}

static bool in_list(const char *key, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(key, list[i]) == 0)
      return true;
  return false;
}
#define IN(key, list) in_list(key, list, sizeof list / sizeof list[0])

bool Dyad_word_is_reporting(const char *key) {
  static const char *const w[] = {
      "SAY",       "SAYS",       "SAID",       "SAYING",     "TELL",
      "TELLS",     "TOLD",       "ADD",        "ADDS",       "ADDED",
      "STATE",     "STATES",     "STATED",     "NOTE",       "NOTES",
      "NOTED",     "ANNOUNCE",   "ANNOUNCES",  "ANNOUNCED",  "DECLARE",
      "DECLARES",  "DECLARED",   "REPORT",     "REPORTS",    "REPORTED",
      "CLAIM",     "CLAIMS",     "CLAIMED",    "INSIST",     "INSISTS",
      "INSISTED",  "EXPLAIN",    "EXPLAINS",   "EXPLAINED",  "ASSERT",
      "ASSERTS",   "ASSERTED",   "CONFIRM",    "CONFIRMS",   "CONFIRMED",
      "ARGUE",     "ARGUES",     "ARGUED",     "WRITE",      "WRITES",
      "WROTE",     "COMMENT",    "COMMENTS",   "COMMENTED",  "REMARK",
      "REMARKED",  "STRESS",     "STRESSED",   "STRESSES",   "EMPHASIZED",
      "EMPHASISED","SUGGEST",    "SUGGESTED",  "SUGGESTS",   "ACKNOWLEDGE",
      "ACKNOWLEDGED", "ADMIT",   "ADMITTED",   "REVEAL",     "REVEALED",
      "RECALL",    "RECALLED",   "REPLY",      "REPLIED",    "RESPOND",
      "RESPONDED", "AGREED",     "PROMISED",   "VOWED",      "PLEDGED",
      "WARNED",    "THREATENED", "CHARGED",    "ALLEGED",    "ACCUSED",
      "HOPE",      "HOPES",      "HOPED",      "ASKED",      "WONDERED"};
  return IN(key, w);
}

bool Dyad_word_is_hedge_verb(const char *key) {
  /* Verbs of belief, expectation and rumour: "X is believed to ...", "it
   * was thought that ...", "fears that ...". */
  static const char *const w[] = {
      "BELIEVED", "THOUGHT",   "SUSPECTED", "EXPECTED",  "RUMORED",
      "RUMOURED", "SUPPOSED",  "PRESUMED",  "ALLEGED",   "REPUTED",
      "LIKELY",   "UNLIKELY",  "SEEM",      "SEEMS",     "SEEMED",
      "APPEAR",   "APPEARS",   "APPEARED",  "FEAR",      "FEARS",
      "FEARED",   "SPECULATED", "ESTIMATED", "ASSUMED",  "PREDICTED",
      "FORECAST", "POSSIBLE",  "PROBABLE"};
  return IN(key, w);
}

bool Dyad_word_is_future_verb(const char *key) {
  /* "X plans to", "is set to", "is due to", "is going to", "intends to" */
  static const char *const w[] = {
      "PLAN",   "PLANS",   "PLANNED", "PLANNING", "SET",    "DUE",
      "GOING",  "INTEND",  "INTENDS", "INTENDED", "SCHEDULED", "ABOUT",
      "PREPARING", "READY", "AIM",    "AIMS",     "AIMED",  "HOPE",
      "HOPES",  "HOPED",   "WANT",    "WANTS",    "WANTED", "SEEK",
      "SEEKS",  "SOUGHT",  "EXPECT",  "EXPECTS",  "WISH",   "WISHES",
      "WOULD",  "OUGHT"};
  return IN(key, w);
}

bool Dyad_word_is_belief_verb(const char *key) {
  /* Negated, these express doubt: a pessimistic comment (CAMEO 012). */
  static const char *const w[] = {"BELIEVE", "BELIEVES", "THINK", "THINKS",
                                  "EXPECT",  "EXPECTS",  "TRUST", "TRUSTS",
                                  "SEE",     "SEES",     "FORESEE"};
  return IN(key, w);
}

bool Dyad_word_is_common_short(const char *key, size_t n) {
  /* Short English words that collide with upper-case acronyms in actor
   * dictionaries (US = United States; IT, AT, ...). A lower-case token with
   * one of these keys never starts an actor. */
  return n <= 3;
}

bool Dyad_word_table_sorted(void) {
  for (size_t i = 1; i < sizeof CLASSES / sizeof CLASSES[0]; i++)
    if (strcmp(CLASSES[i - 1].key, CLASSES[i].key) >= 0)
      return false;
  return true;
}

bool Dyad_word_is_failure_verb(const char *key) {
  /* "X failed to meet ...": the complement did not happen */
  static const char *const w[] = {"FAIL", "FAILS", "FAILED", "FAILING",
                                  "NEGLECT", "NEGLECTS", "NEGLECTED",
                                  "OMITTED", "COULDN"};
  return IN(key, w);
}
