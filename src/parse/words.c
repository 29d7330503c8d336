/*
 * words.c - closed English word classes used by the shallow parser.
 *
 * Determiners, pronouns, prepositions, conjunctions, auxiliaries, modals,
 * negations, subordinators, hedging adverbs, time words, and the verbs that
 * frame other verbs: reporting (say, tell), hedging (believed, feared),
 * future and intention (plan, set to, want), belief (negated: doubt) and
 * failure (failed to), and the hazards whose deaths no actor caused (flood,
 * earthquake, crash). These are grammar, not dictionary content: they are
 * the same for every dictionary set. Keys are folded (upper case, ASCII).
 * One sorted table, looked up once per token.
 */
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "words.h"

struct wc {
  const char *key;
  uint8_t fc;    /* enum fclass */
  uint8_t props; /* enum wprop */
};

/* Sorted by key (strcmp order) for bsearch; the unit tests check it. */
static const struct wc WORDS[] = {
    {"'D", FC_MODAL, 0},
    {"'LL", FC_MODAL, 0},
    {"'M", FC_BE, 0},
    {"'RE", FC_BE, 0},
    {"'VE", FC_HAVE, 0},
    {"A", FC_DET, 0},
    {"ABOARD", FC_PREP, 0},
    {"ABOUT", FC_PREP, W_FUTURE},
    {"ABOVE", FC_PREP, 0},
    {"ACCIDENT", FC_NONE, W_HAZARD},
    {"ACCIDENTS", FC_NONE, W_HAZARD},
    {"ACCUSED", FC_NONE, 0},
    {"ACKNOWLEDGE", FC_NONE, W_REPORT},
    {"ACKNOWLEDGED", FC_NONE, W_REPORT},
    {"ACROSS", FC_PREP, 0},
    {"ADD", FC_NONE, W_REPORT},
    {"ADDED", FC_NONE, W_REPORT},
    {"ADDS", FC_NONE, W_REPORT},
    {"ADMIT", FC_NONE, W_REPORT},
    {"ADMITTED", FC_NONE, W_REPORT},
    {"AFTER", FC_PREP, 0},
    {"AFTERNOON", FC_TIME, 0},
    {"AFTERSHOCK", FC_NONE, W_HAZARD},
    {"AFTERSHOCKS", FC_NONE, W_HAZARD},
    {"AGAIN", FC_ADV, 0},
    {"AGAINST", FC_PREP, 0},
    {"AGREED", FC_NONE, 0},
    {"AIM", FC_NONE, W_FUTURE},
    {"AIMED", FC_NONE, W_FUTURE},
    {"AIMS", FC_NONE, W_FUTURE},
    {"ALL", FC_DET, 0},
    {"ALLEGATION", FC_NONE, W_HEDGE},
    {"ALLEGATIONS", FC_NONE, W_HEDGE},
    {"ALLEGED", FC_NONE, W_HEDGE | W_PLANNED},
    {"ALLEGEDLY", FC_HEDGEADV, 0},
    {"ALONG", FC_PREP, 0},
    {"ALREADY", FC_ADV, 0},
    {"ALSO", FC_ADV, 0},
    {"ALTHOUGH", FC_SUB, 0},
    {"AM", FC_BE, 0},
    {"AMID", FC_PREP, 0},
    {"AMIDST", FC_PREP, 0},
    {"AMONG", FC_PREP, 0},
    {"AN", FC_DET, 0},
    {"AND", FC_CONJ, 0},
    {"ANNOUNCE", FC_NONE, W_REPORT},
    {"ANNOUNCED", FC_NONE, W_REPORT},
    {"ANNOUNCES", FC_NONE, W_REPORT},
    {"ANOTHER", FC_DET, 0},
    {"ANTICIPATED", FC_NONE, W_PLANNED},
    {"ANY", FC_DET, 0},
    {"APPARENTLY", FC_HEDGEADV, 0},
    {"APPEAR", FC_NONE, W_HEDGE},
    {"APPEARED", FC_NONE, W_HEDGE},
    {"APPEARS", FC_NONE, W_HEDGE},
    {"APRIL", FC_TIME, 0},
    {"ARE", FC_BE, 0},
    {"ARGUE", FC_NONE, W_REPORT},
    {"ARGUED", FC_NONE, W_REPORT},
    {"ARGUES", FC_NONE, W_REPORT},
    {"AROUND", FC_PREP, 0},
    {"AS", FC_PREP, 0},
    {"ASKED", FC_NONE, 0},
    {"ASSERT", FC_NONE, W_REPORT},
    {"ASSERTED", FC_NONE, W_REPORT},
    {"ASSERTS", FC_NONE, W_REPORT},
    {"ASSUMED", FC_NONE, W_HEDGE},
    {"AT", FC_PREP, 0},
    {"AUGUST", FC_TIME, 0},
    {"AVALANCHE", FC_NONE, W_HAZARD},
    {"BE", FC_BE, 0},
    {"BECAUSE", FC_SUB, 0},
    {"BEEN", FC_BE, 0},
    {"BEFORE", FC_PREP, 0},
    {"BEHIND", FC_PREP, 0},
    {"BEING", FC_BE, 0},
    {"BELIEVE", FC_NONE, W_BELIEF},
    {"BELIEVED", FC_NONE, W_HEDGE},
    {"BELIEVES", FC_NONE, W_BELIEF},
    {"BETWEEN", FC_PREP, 0},
    {"BEYOND", FC_PREP, 0},
    {"BILL", FC_NONE, W_TOPIC},
    {"BLAZE", FC_NONE, W_HAZARD},
    {"BLIZZARD", FC_NONE, W_HAZARD},
    {"BOTH", FC_DET, 0},
    {"BUT", FC_CONJ, 0},
    {"BY", FC_PREP, 0},
    {"CA", FC_MODAL, 0},
    {"CALLS", FC_NONE, W_HEDGE | W_TOPIC},
    {"CAN", FC_MODAL, 0},
    {"CHARGED", FC_NONE, 0},
    {"CHOLERA", FC_NONE, W_HAZARD},
    {"CLAIM", FC_NONE, W_REPORT},
    {"CLAIMED", FC_NONE, W_REPORT},
    {"CLAIMS", FC_NONE, W_REPORT | W_TOPIC},
    {"COMMENT", FC_NONE, W_REPORT},
    {"COMMENTED", FC_NONE, W_REPORT},
    {"COMMENTS", FC_NONE, W_REPORT},
    {"CONFIRM", FC_NONE, W_REPORT},
    {"CONFIRMED", FC_NONE, W_REPORT},
    {"CONFIRMS", FC_NONE, W_REPORT},
    {"CONSIDER", FC_NONE, W_FUTURE},
    {"CONSIDERING", FC_NONE, W_FUTURE},
    {"CONSIDERS", FC_NONE, W_FUTURE},
    {"CONTEMPLATE", FC_NONE, W_FUTURE},
    {"CONTEMPLATED", FC_NONE, W_FUTURE},
    {"CONTEMPLATES", FC_NONE, W_FUTURE},
    {"CONTEMPLATING", FC_NONE, W_FUTURE},
    {"COULD", FC_MODAL, 0},
    {"COULDN", FC_NONE, W_FAIL},
    {"CRASH", FC_NONE, W_HAZARD},
    {"CRASHED", FC_NONE, W_HAZARD},
    {"CRASHES", FC_NONE, W_HAZARD},
    {"CYCLONE", FC_NONE, W_HAZARD},
    {"DAY", FC_TIME, 0},
    {"DAYS", FC_TIME, 0},
    {"DEADLINE", FC_NONE, W_TOPIC},
    {"DEAL", FC_NONE, W_TOPIC},
    {"DEBATE", FC_NONE, W_TOPIC},
    {"DEBATES", FC_NONE, W_TOPIC},
    {"DECEMBER", FC_TIME, 0},
    {"DECLARE", FC_NONE, W_REPORT},
    {"DECLARED", FC_NONE, W_REPORT},
    {"DECLARES", FC_NONE, W_REPORT},
    {"DEMAND", FC_NONE, W_HEDGE},
    {"DEMANDS", FC_NONE, W_HEDGE | W_TOPIC},
    {"DERAILED", FC_NONE, W_HAZARD},
    {"DESPITE", FC_PREP, 0},
    {"DID", FC_DO, 0},
    {"DISEASE", FC_NONE, W_HAZARD},
    {"DO", FC_DO, 0},
    {"DOES", FC_DO, 0},
    {"DROUGHT", FC_NONE, W_HAZARD},
    {"DUE", FC_NONE, W_FUTURE},
    {"DURING", FC_PREP, 0},
    {"EACH", FC_DET, 0},
    {"EARLIER", FC_ADV, 0},
    {"EARTHQUAKE", FC_NONE, W_HAZARD},
    {"EARTHQUAKES", FC_NONE, W_HAZARD},
    {"EITHER", FC_DET, 0},
    {"EMPHASISED", FC_NONE, W_REPORT},
    {"EMPHASIZED", FC_NONE, W_REPORT},
    {"EPIDEMIC", FC_NONE, W_HAZARD},
    {"ERUPTION", FC_NONE, W_HAZARD},
    {"ESTIMATED", FC_NONE, W_HEDGE},
    {"EVEN", FC_ADV, 0},
    {"EVENING", FC_TIME, 0},
    {"EVERY", FC_DET, 0},
    {"EXPECT", FC_NONE, W_FUTURE | W_BELIEF},
    {"EXPECTED", FC_NONE, W_HEDGE | W_PLANNED},
    {"EXPECTS", FC_NONE, W_FUTURE | W_BELIEF},
    {"EXPLAIN", FC_NONE, W_REPORT},
    {"EXPLAINED", FC_NONE, W_REPORT},
    {"EXPLAINS", FC_NONE, W_REPORT},
    {"FAIL", FC_NONE, W_FAIL},
    {"FAILED", FC_NONE, W_FAIL},
    {"FAILING", FC_NONE, W_FAIL},
    {"FAILS", FC_NONE, W_FAIL},
    {"FAMINE", FC_NONE, W_HAZARD},
    {"FEAR", FC_NONE, W_HEDGE},
    {"FEARED", FC_NONE, W_HEDGE | W_PLANNED},
    {"FEARS", FC_NONE, W_HEDGE | W_TOPIC},
    {"FEBRUARY", FC_TIME, 0},
    {"FINALLY", FC_ADV, 0},
    {"FLOOD", FC_NONE, W_HAZARD},
    {"FLOODING", FC_NONE, W_HAZARD},
    {"FLOODS", FC_NONE, W_HAZARD},
    {"FOR", FC_PREP, 0},
    {"FORECAST", FC_NONE, W_HEDGE},
    {"FORESEE", FC_NONE, W_BELIEF},
    {"FORMALLY", FC_ADV, 0},
    {"FRIDAY", FC_TIME, 0},
    {"FROM", FC_PREP, 0},
    {"FURTHER", FC_ADV, 0},
    {"FUTURE", FC_NONE, W_PLANNED},
    {"GOING", FC_NONE, W_FUTURE},
    {"HAD", FC_HAVE, 0},
    {"HAS", FC_HAVE, 0},
    {"HAVE", FC_HAVE, 0},
    {"HAVING", FC_HAVE, 0},
    {"HE", FC_PRON, 0},
    {"HEATWAVE", FC_NONE, W_HAZARD},
    {"HER", FC_PRONPOSS, 0},
    {"HERE", FC_ADV, 0},
    {"HIM", FC_PRON, 0},
    {"HIS", FC_PRONPOSS, 0},
    {"HOPE", FC_NONE, W_REPORT | W_FUTURE},
    {"HOPED", FC_NONE, W_REPORT | W_FUTURE},
    {"HOPES", FC_NONE, W_REPORT | W_FUTURE},
    {"HOWEVER", FC_ADV, 0},
    {"HURRICANE", FC_NONE, W_HAZARD},
    {"HURRICANES", FC_NONE, W_HAZARD},
    {"HYPOTHETICAL", FC_NONE, W_PLANNED},
    {"I", FC_PRON, 0},
    {"IF", FC_COND, 0},
    {"IMMINENT", FC_NONE, W_PLANNED},
    {"IN", FC_PREP, 0},
    {"INDICATIONS", FC_NONE, W_HEDGE},
    {"INSIDE", FC_PREP, 0},
    {"INSIST", FC_NONE, W_REPORT},
    {"INSISTED", FC_NONE, W_REPORT},
    {"INSISTENCE", FC_NONE, W_HEDGE},
    {"INSISTS", FC_NONE, W_REPORT},
    {"INSTEAD", FC_ADV, 0},
    {"INTEND", FC_NONE, W_FUTURE},
    {"INTENDED", FC_NONE, W_FUTURE | W_PLANNED},
    {"INTENDS", FC_NONE, W_FUTURE},
    {"INTO", FC_PREP, 0},
    {"IS", FC_BE, 0},
    {"ISSUE", FC_NONE, W_TOPIC},
    {"IT", FC_PRON, 0},
    {"ITS", FC_PRONPOSS, 0},
    {"JANUARY", FC_TIME, 0},
    {"JULY", FC_TIME, 0},
    {"JUNE", FC_TIME, 0},
    {"JUST", FC_ADV, 0},
    {"LANDSLIDE", FC_NONE, W_HAZARD},
    {"LANDSLIDES", FC_NONE, W_HAZARD},
    {"LATER", FC_ADV, 0},
    {"LIKELY", FC_HEDGEADV, W_HEDGE},
    {"LOOMING", FC_NONE, W_PLANNED},
    {"MARCH", FC_TIME, 0},
    {"MAY", FC_MODAL, 0},
    {"ME", FC_PRON, 0},
    {"MIGHT", FC_MODAL, 0},
    {"MONDAY", FC_TIME, 0},
    {"MONTH", FC_TIME, 0},
    {"MONTHS", FC_TIME, 0},
    {"MOOTED", FC_NONE, W_PLANNED},
    {"MORNING", FC_TIME, 0},
    {"MUDSLIDE", FC_NONE, W_HAZARD},
    {"MUDSLIDES", FC_NONE, W_HAZARD},
    {"MULL", FC_NONE, W_FUTURE},
    {"MULLED", FC_NONE, W_FUTURE},
    {"MULLING", FC_NONE, W_FUTURE},
    {"MULLS", FC_NONE, W_FUTURE},
    {"MUST", FC_MODAL, 0},
    {"MY", FC_PRONPOSS, 0},
    {"N'T", FC_NEG, 0},
    {"NEAR", FC_PREP, 0},
    {"NEGLECT", FC_NONE, W_FAIL},
    {"NEGLECTED", FC_NONE, W_FAIL},
    {"NEGLECTS", FC_NONE, W_FAIL},
    {"NEGOTIATIONS", FC_NONE, W_TOPIC},
    {"NEITHER", FC_DET, 0},
    {"NEVER", FC_NEG, 0},
    {"NIGHT", FC_TIME, 0},
    {"NO", FC_DET, 0},
    {"NOR", FC_CONJ, 0},
    {"NOT", FC_NEG, 0},
    {"NOTE", FC_NONE, W_REPORT},
    {"NOTED", FC_NONE, W_REPORT},
    {"NOTES", FC_NONE, W_REPORT},
    {"NOVEMBER", FC_TIME, 0},
    {"NOW", FC_ADV, 0},
    {"OCTOBER", FC_TIME, 0},
    {"OF", FC_PREP, 0},
    {"OFF", FC_PREP, 0},
    {"OFFER", FC_NONE, W_HEDGE},
    {"OFFERS", FC_NONE, W_HEDGE},
    {"OFFICIALLY", FC_ADV, 0},
    {"OMITTED", FC_NONE, W_FAIL},
    {"ON", FC_PREP, 0},
    {"ONCE", FC_ADV, 0},
    {"ONTO", FC_PREP, 0},
    {"OPTION", FC_NONE, W_TOPIC},
    {"OPTIONS", FC_NONE, W_TOPIC},
    {"OR", FC_CONJ, 0},
    {"OTHER", FC_DET, 0},
    {"OUGHT", FC_NONE, W_FUTURE},
    {"OUR", FC_PRONPOSS, 0},
    {"OUTBREAK", FC_NONE, W_HAZARD},
    {"OUTSIDE", FC_PREP, 0},
    {"OVER", FC_PREP, 0},
    {"PENDING", FC_NONE, W_PLANNED},
    {"PERHAPS", FC_HEDGEADV, 0},
    {"PLAN", FC_NONE, W_FUTURE | W_TOPIC},
    {"PLANNED", FC_NONE, W_FUTURE | W_PLANNED},
    {"PLANNING", FC_NONE, W_FUTURE},
    {"PLANS", FC_NONE, W_FUTURE | W_TOPIC},
    {"PLEDGED", FC_NONE, 0},
    {"PONDER", FC_NONE, W_FUTURE},
    {"PONDERED", FC_NONE, W_FUTURE},
    {"PONDERING", FC_NONE, W_FUTURE},
    {"PONDERS", FC_NONE, W_FUTURE},
    {"POSSIBILITY", FC_NONE, W_HEDGE},
    {"POSSIBLE", FC_NONE, W_HEDGE | W_PLANNED},
    {"POSSIBLY", FC_HEDGEADV, 0},
    {"POTENTIAL", FC_NONE, W_PLANNED},
    {"PREDICTED", FC_NONE, W_HEDGE},
    {"PREPARING", FC_NONE, W_FUTURE},
    {"PRESUMED", FC_NONE, W_HEDGE},
    {"PROBABLE", FC_NONE, W_HEDGE},
    {"PROBABLY", FC_HEDGEADV, 0},
    {"PROCESS", FC_NONE, W_TOPIC},
    {"PROMISED", FC_NONE, W_PLANNED},
    {"PROPOSAL", FC_NONE, W_HEDGE | W_TOPIC},
    {"PROPOSALS", FC_NONE, W_HEDGE | W_TOPIC},
    {"PROPOSED", FC_NONE, W_PLANNED},
    {"PROPOSITION", FC_NONE, W_TOPIC},
    {"PROSPECTIVE", FC_NONE, W_PLANNED},
    {"PUBLICLY", FC_ADV, 0},
    {"QUAKE", FC_NONE, W_HAZARD},
    {"QUAKES", FC_NONE, W_HAZARD},
    {"QUESTION", FC_NONE, W_TOPIC},
    {"RAINSTORM", FC_NONE, W_HAZARD},
    {"READY", FC_NONE, W_FUTURE},
    {"RECALL", FC_NONE, W_REPORT},
    {"RECALLED", FC_NONE, W_REPORT},
    {"RECENTLY", FC_ADV, 0},
    {"REMARK", FC_NONE, W_REPORT},
    {"REMARKED", FC_NONE, W_REPORT},
    {"REPEATEDLY", FC_ADV, 0},
    {"REPLIED", FC_NONE, W_REPORT},
    {"REPLY", FC_NONE, W_REPORT},
    {"REPORT", FC_NONE, W_REPORT},
    {"REPORTED", FC_NONE, W_REPORT},
    {"REPORTEDLY", FC_HEDGEADV, 0},
    {"REPORTS", FC_NONE, W_REPORT},
    {"REPUTED", FC_NONE, W_HEDGE},
    {"REQUEST", FC_NONE, W_HEDGE},
    {"REQUESTS", FC_NONE, W_HEDGE},
    {"RESPOND", FC_NONE, W_REPORT},
    {"RESPONDED", FC_NONE, W_REPORT},
    {"REVEAL", FC_NONE, W_REPORT},
    {"REVEALED", FC_NONE, W_REPORT},
    {"RUMOR", FC_NONE, W_HEDGE},
    {"RUMORED", FC_NONE, W_HEDGE | W_PLANNED},
    {"RUMORS", FC_NONE, W_HEDGE | W_TOPIC},
    {"RUMOUR", FC_NONE, W_HEDGE},
    {"RUMOURED", FC_NONE, W_HEDGE | W_PLANNED},
    {"RUMOURS", FC_NONE, W_HEDGE | W_TOPIC},
    {"SAID", FC_NONE, W_REPORT},
    {"SATURDAY", FC_TIME, 0},
    {"SAY", FC_NONE, W_REPORT},
    {"SAYING", FC_NONE, W_REPORT},
    {"SAYS", FC_NONE, W_REPORT},
    {"SCHEDULE", FC_NONE, W_TOPIC},
    {"SCHEDULED", FC_NONE, W_FUTURE},
    {"SEE", FC_NONE, W_BELIEF},
    {"SEEK", FC_NONE, W_FUTURE},
    {"SEEKS", FC_NONE, W_FUTURE},
    {"SEEM", FC_NONE, W_HEDGE},
    {"SEEMED", FC_NONE, W_HEDGE},
    {"SEEMS", FC_NONE, W_HEDGE},
    {"SEES", FC_NONE, W_BELIEF},
    {"SEPTEMBER", FC_TIME, 0},
    {"SET", FC_NONE, W_FUTURE},
    {"SEVERAL", FC_DET, 0},
    {"SHALL", FC_MODAL, 0},
    {"SHE", FC_PRON, 0},
    {"SHOULD", FC_MODAL, 0},
    {"SIGNS", FC_NONE, W_HEDGE},
    {"SINCE", FC_PREP, 0},
    {"SO", FC_ADV, 0},
    {"SOME", FC_DET, 0},
    {"SOUGHT", FC_NONE, W_FUTURE},
    {"SPECULATED", FC_NONE, W_HEDGE},
    {"SPECULATION", FC_NONE, W_HEDGE},
    {"STAMPEDE", FC_NONE, W_HAZARD},
    {"STATE", FC_NONE, W_REPORT},
    {"STATED", FC_NONE, W_REPORT},
    {"STATES", FC_NONE, W_REPORT},
    {"STILL", FC_ADV, 0},
    {"STORM", FC_NONE, W_HAZARD},
    {"STORMS", FC_NONE, W_HAZARD},
    {"STRATEGY", FC_NONE, W_TOPIC},
    {"STRESS", FC_NONE, W_REPORT},
    {"STRESSED", FC_NONE, W_REPORT},
    {"STRESSES", FC_NONE, W_REPORT},
    {"SUGGEST", FC_NONE, W_REPORT},
    {"SUGGESTED", FC_NONE, W_REPORT},
    {"SUGGESTS", FC_NONE, W_REPORT},
    {"SUNDAY", FC_TIME, 0},
    {"SUPPOSED", FC_NONE, W_HEDGE},
    {"SUPPOSEDLY", FC_HEDGEADV, 0},
    {"SUSPECTED", FC_NONE, W_HEDGE | W_PLANNED},
    {"SUSPICION", FC_NONE, W_HEDGE},
    {"SUSPICIONS", FC_NONE, W_HEDGE},
    {"TALKS", FC_NONE, W_TOPIC},
    {"TELL", FC_NONE, W_REPORT},
    {"TELLS", FC_NONE, W_REPORT},
    {"THAT", FC_THAT, 0},
    {"THE", FC_DET, 0},
    {"THEIR", FC_PRONPOSS, 0},
    {"THEM", FC_PRON, 0},
    {"THEN", FC_ADV, 0},
    {"THERE", FC_ADV, 0},
    {"THESE", FC_DET, 0},
    {"THEY", FC_PRON, 0},
    {"THINK", FC_NONE, W_BELIEF},
    {"THINKS", FC_NONE, W_BELIEF},
    {"THIS", FC_DET, 0},
    {"THOSE", FC_DET, 0},
    {"THOUGH", FC_SUB, 0},
    {"THOUGHT", FC_NONE, W_HEDGE},
    {"THREAT", FC_NONE, W_TOPIC},
    {"THREATENED", FC_NONE, W_PLANNED},
    {"THREATS", FC_NONE, W_TOPIC},
    {"THROUGH", FC_PREP, 0},
    {"THROUGHOUT", FC_PREP, 0},
    {"THURSDAY", FC_TIME, 0},
    {"TIMETABLE", FC_NONE, W_TOPIC},
    {"TO", FC_TO, 0},
    {"TODAY", FC_TIME, 0},
    {"TOGETHER", FC_ADV, 0},
    {"TOLD", FC_NONE, W_REPORT},
    {"TOMORROW", FC_TIME, 0},
    {"TONIGHT", FC_TIME, 0},
    {"TORNADO", FC_NONE, W_HAZARD},
    {"TOWARD", FC_PREP, 0},
    {"TOWARDS", FC_PREP, 0},
    {"TREMOR", FC_NONE, W_HAZARD},
    {"TRUST", FC_NONE, W_BELIEF},
    {"TRUSTS", FC_NONE, W_BELIEF},
    {"TSUNAMI", FC_NONE, W_HAZARD},
    {"TUESDAY", FC_TIME, 0},
    {"TYPHOON", FC_NONE, W_HAZARD},
    {"TYPHOONS", FC_NONE, W_HAZARD},
    {"UNDER", FC_PREP, 0},
    {"UNLESS", FC_COND, 0},
    {"UNLIKELY", FC_NONE, W_HEDGE},
    {"UNTIL", FC_PREP, 0},
    {"UPON", FC_PREP, 0},
    {"US", FC_PRON, 0},
    {"VIA", FC_PREP, 0},
    {"VOLCANO", FC_NONE, W_HAZARD},
    {"VOTE", FC_NONE, W_TOPIC},
    {"VOWED", FC_NONE, 0},
    {"WANT", FC_NONE, W_FUTURE},
    {"WANTED", FC_NONE, W_FUTURE},
    {"WANTS", FC_NONE, W_FUTURE},
    {"WARNED", FC_NONE, 0},
    {"WAS", FC_BE, 0},
    {"WE", FC_PRON, 0},
    {"WEDNESDAY", FC_TIME, 0},
    {"WEEK", FC_TIME, 0},
    {"WEEKEND", FC_TIME, 0},
    {"WEEKS", FC_TIME, 0},
    {"WEIGH", FC_NONE, W_FUTURE},
    {"WEIGHED", FC_NONE, W_FUTURE},
    {"WEIGHING", FC_NONE, W_FUTURE},
    {"WEIGHS", FC_NONE, W_FUTURE},
    {"WERE", FC_BE, 0},
    {"WHEN", FC_SUB, 0},
    {"WHEREAS", FC_SUB, 0},
    {"WHETHER", FC_COND, 0},
    {"WHICH", FC_WH, 0},
    {"WHILE", FC_SUB, 0},
    {"WHO", FC_WH, 0},
    {"WHOM", FC_WH, 0},
    {"WHOSE", FC_WH, 0},
    {"WILDFIRE", FC_NONE, W_HAZARD},
    {"WILDFIRES", FC_NONE, W_HAZARD},
    {"WILL", FC_MODAL, 0},
    {"WISH", FC_NONE, W_FUTURE},
    {"WISHES", FC_NONE, W_FUTURE},
    {"WITH", FC_PREP, 0},
    {"WITHIN", FC_PREP, 0},
    {"WITHOUT", FC_PREP, 0},
    {"WO", FC_MODAL, 0},
    {"WONDERED", FC_NONE, W_REPORT},
    {"WOULD", FC_MODAL, W_FUTURE},
    {"WRITE", FC_NONE, W_REPORT},
    {"WRITES", FC_NONE, W_REPORT},
    {"WROTE", FC_NONE, W_REPORT},
    {"YEAR", FC_TIME, 0},
    {"YEARS", FC_TIME, 0},
    {"YESTERDAY", FC_TIME, 0},
    {"YOU", FC_PRON, 0},
    {"YOUR", FC_PRONPOSS, 0},
};

#define NWORDS (sizeof WORDS / sizeof WORDS[0])

static int wc_cmp(const void *k, const void *e) {
  return strcmp(k, ((const struct wc *)e)->key);
}

static const struct wc *find(const char *key) {
  return bsearch(key, WORDS, NWORDS, sizeof WORDS[0], wc_cmp);
}

static uint32_t whash(const char *k) {
  uint32_t h = 2166136261u; /* FNV-1a */
  for (; *k; k++)
    h = (h ^ (unsigned char)*k) * 16777619u;
  return h;
}

void Dyad_word_index_build(struct word_index *ix) {
  memset(ix->slot, 0, sizeof ix->slot);
  for (size_t i = 0; i < NWORDS; i++) {
    uint32_t h = whash(WORDS[i].key) & (WORD_INDEX_SLOTS - 1);
    while (ix->slot[h])
      h = (h + 1) & (WORD_INDEX_SLOTS - 1);
    ix->slot[h] = (uint16_t)(i + 1);
  }
}

void Dyad_word_lookup_ix(const struct word_index *ix, const char *key,
                         uint8_t *fc, uint8_t *props) {
  for (uint32_t h = whash(key) & (WORD_INDEX_SLOTS - 1); ix->slot[h];
       h = (h + 1) & (WORD_INDEX_SLOTS - 1)) {
    const struct wc *w = &WORDS[ix->slot[h] - 1];
    if (w->key[0] == key[0] && strcmp(w->key, key) == 0) {
      *fc = w->fc;
      *props = w->props;
      return;
    }
  }
  *fc = FC_NONE;
  *props = 0;
}

uint8_t Dyad_word_class(const char *key) {
  const struct wc *w = find(key);
  return w ? w->fc : FC_NONE;
}

uint8_t Dyad_word_props(const char *key) {
  const struct wc *w = find(key);
  return w ? w->props : 0;
}

void Dyad_word_lookup(const char *key, uint8_t *fc, uint8_t *props) {
  const struct wc *w = find(key);
  *fc = w ? w->fc : FC_NONE;
  *props = w ? w->props : 0;
}

bool Dyad_word_is_reporting(const char *key) {
  return Dyad_word_props(key) & W_REPORT;
}
bool Dyad_word_is_hedge_verb(const char *key) {
  return Dyad_word_props(key) & W_HEDGE;
}
bool Dyad_word_is_future_verb(const char *key) {
  return Dyad_word_props(key) & W_FUTURE;
}
bool Dyad_word_is_belief_verb(const char *key) {
  return Dyad_word_props(key) & W_BELIEF;
}
bool Dyad_word_is_failure_verb(const char *key) {
  return Dyad_word_props(key) & W_FAIL;
}

bool Dyad_word_is_common_short(const char *key, size_t n) {
  /* Short English words collide with upper-case acronyms in actor
   * dictionaries (US = United States; IT, AT, ...): a lower-case token of
   * three letters or fewer never starts a one-word actor. */
  (void)key;
  return n <= 3;
}

bool Dyad_word_table_sorted(void) {
  for (size_t i = 1; i < sizeof WORDS / sizeof WORDS[0]; i++)
    if (strcmp(WORDS[i - 1].key, WORDS[i].key) >= 0)
      return false;
  return true;
}

bool Dyad_word_index_agrees(const struct word_index *ix) {
  for (size_t i = 0; i < NWORDS; i++) {
    uint8_t fc, pr;
    Dyad_word_lookup_ix(ix, WORDS[i].key, &fc, &pr);
    if (fc != WORDS[i].fc || pr != WORDS[i].props)
      return false;
  }
  return true;
}
