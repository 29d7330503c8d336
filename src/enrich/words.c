/*
 * words.c - the words the enrich stage reads: weekdays, months and the
 * other words of time expressions, number words, and the words of death
 * tolls. Closed English word classes, as src/parse/words.c keeps for the
 * parser; the two tables differ in what they serve (a month is not a
 * function class). One sorted table, reached through a hash table, looked
 * up once per word of a sentence that has events.
 */
#include <string.h>

#include "enrich.h"

struct ewentry {
  const char *key;
  uint8_t kind; /* enum ew_kind */
  uint16_t val;
};

/* Sorted by key (strcmp order); the unit tests check it. */
static const struct ewentry EWORDS[] = {
    {"A", EW_A, 0},
    {"ABOUT", EW_QUAL, 0},
    {"ADDITION", EW_NAMEEND, 0},
    {"ADDITIONAL", EW_QUAL, 0},
    {"AFTER", EW_BOUND, 1},
    {"AFTERNOON", EW_PART, 0},
    {"AGO", EW_AGO, 0},
    {"AHEAD", EW_BOUND, 2},
    {"ALL", EW_BEAUX, 0},
    {"ALMOST", EW_QUAL, 0},
    {"ALREADY", EW_BEAUX, 0},
    {"ALSO", EW_BEAUX, 0},
    {"AN", EW_A, 0},
    {"ANOTHER", EW_QUAL, 0},
    {"APPROXIMATELY", EW_QUAL, 0},
    {"APR", EW_MONABBR, 4},
    {"APRIL", EW_MONTH, 4},
    {"ARABIC", EW_NAMEEND, 0},
    {"ARE", EW_BEAUX, 0},
    {"AROUND", EW_QUAL, 0},
    {"AS", EW_QUAL, 1},
    {"ASH", EW_HOLIDAY, 0},
    {"AT", EW_PREP, 4},
    {"AUG", EW_MONABBR, 8},
    {"AUGUST", EW_MONTH, 8},
    {"BE", EW_BEAUX, 0},
    {"BEATEN", EW_BEAUX, 0},
    {"BEEN", EW_BEAUX, 0},
    {"BEFORE", EW_BOUND, 0},
    {"BEING", EW_BEAUX, 0},
    {"BELIEVED", EW_BEAUX, 0},
    {"BLACK", EW_HOLIDAY, 0},
    {"BLOODY", EW_HOLIDAY, 0},
    {"BURNED", EW_BEAUX, 0},
    {"BURNT", EW_BEAUX, 0},
    {"CAPITAL", EW_NAMEEND, 0},
    {"CASUALTIES", EW_CASUALTY, 0},
    {"CASUALTY", EW_CASUALTY, 0},
    {"CENTRAL", EW_NAMEEND, 1},
    {"CHARGE", EW_NAMEEND, 0},
    {"CITY", EW_NAMEEND, 0},
    {"CLAIM", EW_CLAIM, 0},
    {"CLAIMED", EW_CLAIM, 0},
    {"CLAIMING", EW_CLAIM, 0},
    {"CLAIMS", EW_CLAIM, 0},
    {"CLOSE", EW_QUAL, 1},
    {"COMING", EW_NEXT, 0},
    {"CONFIRMED", EW_BEAUX, 0},
    {"CONGRESS", EW_NAMEEND, 0},
    {"CONTROL", EW_NAMEEND, 0},
    {"COUPLE", EW_FEW, 2},
    {"COURT", EW_NAMEEND, 0},
    {"DAY", EW_UNIT, 1},
    {"DAYS", EW_UNIT, 1},
    {"DEAD", EW_DEAD, 0},
    {"DEATHS", EW_DEATHS, 0},
    {"DEC", EW_MONABBR, 12},
    {"DECADE", EW_UNIT, 6},
    {"DECADES", EW_UNIT, 6},
    {"DECEMBER", EW_MONTH, 12},
    {"DIE", EW_DEAD, 0},
    {"DIED", EW_DEAD, 0},
    {"DIES", EW_DEAD, 0},
    {"DOZEN", EW_DOZEN, 12},
    {"DOZENS", EW_VAGUE, 24},
    {"DURING", EW_PREP, 3},
    {"DYING", EW_DEAD, 0},
    {"EARLIER", EW_EARLIER, 0},
    {"EARLY", EW_EDGE, 0},
    {"EAST", EW_NAMEEND, 1},
    {"EASTER", EW_HOLIDAY, 0},
    {"EASTERN", EW_NAMEEND, 1},
    {"EIGHT", EW_NUMWORD, 8},
    {"EIGHTEEN", EW_NUMWORD, 18},
    {"EIGHTY", EW_NUMWORD, 80},
    {"ELEVEN", EW_NUMWORD, 11},
    {"ENGLISH", EW_NAMEEND, 0},
    {"ESTIMATED", EW_QUAL, 1},
    {"EVENING", EW_PART, 0},
    {"FACT", EW_NAMEEND, 0},
    {"FATALITIES", EW_DEATHS, 0},
    {"FAVOR", EW_NAMEEND, 0},
    {"FAVOUR", EW_NAMEEND, 0},
    {"FEARED", EW_BEAUX, 0},
    {"FEB", EW_MONABBR, 2},
    {"FEBRUARY", EW_MONTH, 2},
    {"FEW", EW_FEW, 3},
    {"FEWER", EW_QUAL, 1},
    {"FIFTEEN", EW_NUMWORD, 15},
    {"FIFTY", EW_NUMWORD, 50},
    {"FIVE", EW_NUMWORD, 5},
    {"FORTY", EW_NUMWORD, 40},
    {"FOUND", EW_BEAUX, 0},
    {"FOUR", EW_NUMWORD, 4},
    {"FOURTEEN", EW_NUMWORD, 14},
    {"FRIDAY", EW_WEEKDAY, 4},
    {"FURTHER", EW_QUAL, 0},
    {"GENERAL", EW_NAMEEND, 0},
    {"GOD", EW_NAMEEND, 0},
    {"GOOD", EW_HOLIDAY, 0},
    {"HACKED", EW_BEAUX, 0},
    {"HAD", EW_BEAUX, 0},
    {"HAS", EW_BEAUX, 0},
    {"HAVE", EW_BEAUX, 0},
    {"HOLY", EW_HOLIDAY, 0},
    {"HUNDRED", EW_NUMWORD, 100},
    {"HUNDREDS", EW_VAGUE, 200},
    {"HURT", EW_WOUNDED, 0},
    {"IN", EW_PREP, 1},
    {"INJURED", EW_WOUNDED, 0},
    {"INJURES", EW_WOUNDED, 1},
    {"INJURIES", EW_CASUALTY, 1},
    {"INJURING", EW_WOUNDED, 1},
    {"IS", EW_BEAUX, 0},
    {"ISLAM", EW_NAMEEND, 0},
    {"JAN", EW_MONABBR, 1},
    {"JANUARY", EW_MONTH, 1},
    {"JUL", EW_MONABBR, 7},
    {"JULY", EW_MONTH, 7},
    {"JUN", EW_MONABBR, 6},
    {"JUNE", EW_MONTH, 6},
    {"JUST", EW_QUAL, 0},
    {"KILL", EW_KILL, 0},
    {"KILLED", EW_KILLED, 0},
    {"KILLING", EW_KILL, 0},
    {"KILLS", EW_KILL, 0},
    {"LAST", EW_LAST, 0},
    {"LATE", EW_EDGE, 0},
    {"LATER", EW_EARLIER, 0},
    {"LEAST", EW_QUAL, 1},
    {"LESS", EW_QUAL, 1},
    {"LIVES", EW_LIVES, 0},
    {"MANY", EW_QUAL, 1},
    {"MAR", EW_MONABBR, 3},
    {"MARCH", EW_MONTH, 3},
    {"MAUNDY", EW_HOLIDAY, 0},
    {"MAY", EW_MAY, 5},
    {"MID", EW_EDGE, 0},
    {"MONDAY", EW_WEEKDAY, 0},
    {"MONTH", EW_UNIT, 3},
    {"MONTHS", EW_UNIT, 3},
    {"MORE", EW_QUAL, 1},
    {"MORNING", EW_PART, 0},
    {"NEAR", EW_PREP, 6},
    {"NEARLY", EW_QUAL, 0},
    {"NEXT", EW_NEXT, 0},
    {"NIGHT", EW_PART, 1},
    {"NINE", EW_NUMWORD, 9},
    {"NINETEEN", EW_NUMWORD, 19},
    {"NINETY", EW_NUMWORD, 90},
    {"NORTH", EW_NAMEEND, 1},
    {"NORTHEAST", EW_NAMEEND, 1},
    {"NORTHEASTERN", EW_NAMEEND, 1},
    {"NORTHERN", EW_NAMEEND, 1},
    {"NORTHWEST", EW_NAMEEND, 1},
    {"NORTHWESTERN", EW_NAMEEND, 1},
    {"NOV", EW_MONABBR, 11},
    {"NOVEMBER", EW_MONTH, 11},
    {"NOW", EW_BEAUX, 0},
    {"OCT", EW_MONABBR, 10},
    {"OCTOBER", EW_MONTH, 10},
    {"OFFICE", EW_NAMEEND, 0},
    {"ON", EW_PREP, 2},
    {"ONE", EW_NUMWORD, 1},
    {"ONLY", EW_QUAL, 0},
    {"ORDER", EW_NAMEEND, 0},
    {"OUTSIDE", EW_PREP, 6},
    {"OVER", EW_PREP, 5},
    {"PALM", EW_HOLIDAY, 0},
    {"PARLIAMENT", EW_NAMEEND, 0},
    {"PARTICULAR", EW_NAMEEND, 0},
    {"PERISHED", EW_DEAD, 0},
    {"POWER", EW_NAMEEND, 0},
    {"PRINCIPLE", EW_NAMEEND, 0},
    {"PRIOR", EW_BOUND, 2},
    {"PROVINCE", EW_NAMEEND, 0},
    {"PUBLIC", EW_NAMEEND, 0},
    {"REGION", EW_NAMEEND, 0},
    {"REPORTED", EW_BEAUX, 0},
    {"REPORTEDLY", EW_BEAUX, 0},
    {"RESPONSE", EW_NAMEEND, 0},
    {"ROUGHLY", EW_QUAL, 0},
    {"SAID", EW_BEAUX, 0},
    {"SATURDAY", EW_WEEKDAY, 5},
    {"SCORES", EW_VAGUE, 40},
    {"SENATE", EW_NAMEEND, 0},
    {"SEP", EW_MONABBR, 9},
    {"SEPT", EW_MONABBR, 9},
    {"SEPTEMBER", EW_MONTH, 9},
    {"SEVEN", EW_NUMWORD, 7},
    {"SEVENTEEN", EW_NUMWORD, 17},
    {"SEVENTY", EW_NUMWORD, 70},
    {"SEVERAL", EW_FEW, 3},
    {"SHOT", EW_BEAUX, 0},
    {"SINCE", EW_BOUND, 0},
    {"SIX", EW_NUMWORD, 6},
    {"SIXTEEN", EW_NUMWORD, 16},
    {"SIXTY", EW_NUMWORD, 60},
    {"SLAIN", EW_DEAD, 0},
    {"SOME", EW_QUAL, 0},
    {"SOUTH", EW_NAMEEND, 1},
    {"SOUTHEAST", EW_NAMEEND, 1},
    {"SOUTHEASTERN", EW_NAMEEND, 1},
    {"SOUTHERN", EW_NAMEEND, 1},
    {"SOUTHWEST", EW_NAMEEND, 1},
    {"SOUTHWESTERN", EW_NAMEEND, 1},
    {"STABBED", EW_BEAUX, 0},
    {"SUNDAY", EW_WEEKDAY, 6},
    {"SUPER", EW_HOLIDAY, 0},
    {"SUPPORT", EW_NAMEEND, 0},
    {"TEN", EW_NUMWORD, 10},
    {"TENS", EW_QUAL, 2},
    {"THAN", EW_QUAL, 1},
    {"THIRTEEN", EW_NUMWORD, 13},
    {"THIRTY", EW_NUMWORD, 30},
    {"THIS", EW_THIS, 0},
    {"THOUGHT", EW_BEAUX, 0},
    {"THOUSAND", EW_NUMWORD, 1000},
    {"THOUSANDS", EW_VAGUE, 2000},
    {"THREE", EW_NUMWORD, 3},
    {"THURSDAY", EW_WEEKDAY, 3},
    {"TILL", EW_BOUND, 0},
    {"TODAY", EW_DAYREL, 1},
    {"TOLL", EW_TOLL, 0},
    {"TOMORROW", EW_DAYREL, 3},
    {"TONIGHT", EW_DAYREL, 2},
    {"TOTAL", EW_NAMEEND, 0},
    {"TUESDAY", EW_WEEKDAY, 1},
    {"TWELVE", EW_NUMWORD, 12},
    {"TWENTY", EW_NUMWORD, 20},
    {"TWO", EW_NUMWORD, 2},
    {"UNTIL", EW_BOUND, 0},
    {"UP", EW_QUAL, 1},
    {"WAS", EW_BEAUX, 0},
    {"WEDNESDAY", EW_WEEKDAY, 2},
    {"WEEK", EW_UNIT, 2},
    {"WEEKEND", EW_UNIT, 5},
    {"WEEKS", EW_UNIT, 2},
    {"WERE", EW_BEAUX, 0},
    {"WEST", EW_NAMEEND, 1},
    {"WESTERN", EW_NAMEEND, 1},
    {"WOUNDED", EW_WOUNDED, 0},
    {"WOUNDING", EW_WOUNDED, 1},
    {"WOUNDS", EW_WOUNDED, 1},
    {"YEAR", EW_UNIT, 4},
    {"YEARS", EW_UNIT, 4},
    {"YESTERDAY", EW_DAYREL, 0},
};

#define NWORDS (sizeof EWORDS / sizeof EWORDS[0])

/*
 * EWORDS index + 1 by the FNV-1a hash of the key (linear probing), 0 for an
 * empty slot: a word costs one hash and about one comparison. Made from
 * EWORDS by Dyad_enrich_hash_build; the unit tests check that this copy
 * matches it and print the table to paste here when it does not.
 */
static const uint16_t EWHASH[EW_SLOTS] = {
    0,   0,   141, 0,   0,   0,   0,   247, 0,   0,   0,   0,   0,   0,   0,
    0,   73,  0,   0,   0,   45,  0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   95,  0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   205, 0,   0,   229, 215, 0,   0,   0,   0,   0,   0,
    198, 0,   0,   119, 189, 0,   0,   28,  32,  0,   0,   0,   0,   231, 0,
    98,  206, 21,  51,  42,  65,  74,  163, 136, 185, 202, 0,   0,   0,   0,
    0,   0,   0,   0,   0,   158, 0,   0,   0,   0,   0,   0,   225, 55,  0,
    0,   0,   0,   0,   0,   0,   0,   0,   162, 0,   0,   211, 0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   177, 147, 0,   0,   157, 0,   0,
    0,   0,   0,   226, 0,   153, 0,   0,   0,   0,   0,   0,   155, 0,   91,
    0,   17,  0,   123, 0,   0,   4,   0,   0,   0,   0,   188, 0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   16,  96,
    132, 0,   214, 0,   0,   0,   7,   68,  25,  69,  0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   112, 222, 0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   33,  0,   224, 227, 0,   0,   142,
    0,   0,   0,   0,   0,   137, 0,   0,   0,   0,   0,   0,   0,   240, 92,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   77,  104, 0,   0,
    80,  93,  216, 0,   0,   0,   0,   63,  0,   0,   0,   54,  170, 0,   0,
    0,   79,  164, 0,   234, 86,  0,   0,   184, 175, 0,   127, 0,   0,   0,
    113, 223, 0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    239, 169, 0,   187, 0,   0,   0,   0,   0,   0,   0,   165, 0,   0,   0,
    0,   0,   0,   150, 0,   0,   0,   0,   0,   0,   0,   0,   154, 23,  219,
    0,   111, 0,   0,   0,   144, 0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   15,  0,   245, 53,  0,   0,   0,   0,   0,   220, 0,   140, 212, 0,
    0,   0,   0,   0,   0,   0,   48,  0,   0,   200, 47,  0,   14,  83,  0,
    166, 131, 0,   0,   0,   0,   0,   50,  0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   208, 0,   0,   0,   236, 0,   0,   145, 0,   120, 0,
    0,   0,   0,   81,  0,   5,   0,   0,   0,   0,   0,   0,   0,   0,   102,
    0,   0,   0,   0,   0,   0,   139, 203, 0,   0,   0,   0,   0,   0,   31,
    0,   49,  0,   0,   84,  174, 0,   78,  27,  38,  0,   0,   0,   0,   0,
    244, 0,   0,   0,   0,   0,   0,   0,   34,  87,  242, 0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   125, 146, 230, 0,   37,  0,   0,   59,
    0,   207, 0,   0,   0,   0,   0,   0,   6,   0,   0,   0,   0,   0,   0,
    126, 0,   76,  0,   0,   0,   0,   0,   0,   0,   52,  0,   0,   71,  0,
    0,   0,   143, 168, 0,   0,   0,   0,   0,   0,   159, 100, 0,   0,   0,
    183, 99,  0,   0,   0,   128, 133, 0,   9,   0,   173, 82,  0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   204,
    0,   0,   0,   0,   29,  0,   0,   0,   0,   0,   0,   176, 0,   0,   66,
    101, 0,   0,   20,  0,   0,   0,   0,   180, 0,   0,   0,   0,   0,   0,
    0,   0,   110, 0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   186, 0,   182, 116, 0,   0,   149, 152, 0,   0,   0,
    0,   0,   0,   0,   0,   0,   118, 0,   0,   0,   0,   90,  0,   0,   0,
    0,   0,   0,   210, 18,  89,  0,   0,   0,   43,  0,   135, 243, 199, 0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   246, 0,   72,  0,   0,   0,
    0,   0,   94,  13,  121, 30,  0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   108, 0,   39,  0,   0,   0,   0,   0,   0,
    0,   237, 0,   0,   0,   0,   0,   0,   97,  0,   36,  1,   197, 218, 0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   115, 201, 0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   179, 75,  0,   0,
    8,   62,  0,   61,  67,  57,  0,   0,   0,   0,   0,   0,   156, 0,   0,
    0,   60,  0,   0,   0,   41,  46,  103, 0,   0,   0,   0,   129, 0,   0,
    0,   0,   0,   0,   0,   0,   217, 0,   0,   0,   130, 11,  0,   0,   56,
    0,   0,   0,   2,   109, 0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   124, 40,  228, 0,   0,   194, 0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   26,  0,   0,   0,   0,   138, 0,   161,
    0,   44,  58,  238, 0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   213, 0,   0,   0,   190, 0,   0,   0,   0,   0,   35,  0,
    0,   0,   0,   64,  160, 0,   0,   19,  0,   0,   0,   0,   0,   0,   209,
    0,   0,   221, 0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   191, 0,   0,   0,   0,   196, 0,   0,   0,   0,   0,   0,   12,
    0,   24,  114, 148, 0,   0,   0,   0,   0,   0,   0,   0,   0,   233, 0,
    0,   0,   151, 167, 192, 0,   0,   3,   171, 0,   0,   0,   0,   193, 107,
    0,   88,  0,   0,   241, 0,   0,   0,   0,   0,   0,   70,  117, 178, 195,
    0,   0,   85,  106, 0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   172,
    181, 22,  122, 0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   134, 0,
    0,   0,   10,  105, 232, 0,   0,   0,   0,   0,   235, 0,   0,   0,   0,
    0,   0,   0,   0,
};

static uint32_t fnv(const char *k, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)k[i];
    h *= 16777619u;
  }
  return h;
}

bool Dyad_enrich_table_sorted(void) {
  for (size_t i = 1; i < NWORDS; i++)
    if (strcmp(EWORDS[i - 1].key, EWORDS[i].key) >= 0)
      return false;
  return true;
}

void Dyad_enrich_hash_build(uint16_t out[EW_SLOTS]) {
  memset(out, 0, EW_SLOTS * sizeof out[0]);
  for (size_t i = 0; i < NWORDS; i++) {
    uint32_t h = fnv(EWORDS[i].key, strlen(EWORDS[i].key)) & (EW_SLOTS - 1);
    while (out[h])
      h = (h + 1) & (EW_SLOTS - 1);
    out[h] = (uint16_t)(i + 1);
  }
}

bool Dyad_enrich_hash_current(void) {
  uint16_t t[EW_SLOTS];
  Dyad_enrich_hash_build(t);
  return memcmp(t, EWHASH, sizeof t) == 0;
}

static const struct ewentry *find(const char *key, size_t n) {
  uint32_t h = fnv(key, n) & (EW_SLOTS - 1);
  for (uint16_t slot; (slot = EWHASH[h]) != 0; h = (h + 1) & (EW_SLOTS - 1)) {
    const struct ewentry *e = &EWORDS[slot - 1];
    if (e->key[0] == key[0] && strncmp(e->key, key, n) == 0 &&
        e->key[n] == '\0')
      return e;
  }
  return NULL;
}

long Dyad_enrich_number(const struct token *t) {
  if (t->kind != TK_NUM || !t->klen)
    return -1;
  long v = 0;
  size_t run = 0; /* digits since the start or the last comma */
  bool comma = false;
  for (size_t i = 0; i < t->klen; i++) {
    char c = t->key[i];
    if (c >= '0' && c <= '9') {
      if (v > 100000000)
        return -1;
      v = v * 10 + (c - '0');
      run++;
    } else if (c == ',') {
      /* "13,000": groups of three digits after the first */
      if (run == 0 || run > 3 || (comma && run != 3))
        return -1;
      comma = true;
      run = 0;
    } else {
      return -1; /* a decimal point or anything else */
    }
  }
  if (run == 0 || (comma && run != 3))
    return -1;
  return v;
}

struct eword Dyad_enrich_word(const struct token *t) {
  struct eword w = {EW_NONE, 0, 0};
  if (t->kind == TK_NUM) {
    long v = Dyad_enrich_number(t);
    w.kind = EW_NUM;
    if (v < 0)
      return w;
    w.flags = EWF_WHOLE;
    if (v > 65535) {
      w.flags |= EWF_BIG;
      v = 65535;
    }
    w.val = (uint16_t)v;
    if (t->klen == 4 && v >= 1800 && v <= 2199)
      w.flags |= EWF_YEAR;
    return w;
  }
  if (t->kind != TK_WORD || t->klen < 1 || t->klen > 13)
    return w;
  /* ordinals: 1st 2nd 3rd 26th */
  if (t->key[0] >= '0' && t->key[0] <= '9') {
    unsigned v = 0;
    size_t i = 0;
    while (i < t->klen && i < 2 && t->key[i] >= '0' && t->key[i] <= '9')
      v = v * 10 + (unsigned)(t->key[i++] - '0');
    if (i + 2 == t->klen && v >= 1 && v <= 31 &&
        (memcmp(t->key + i, "ST", 2) == 0 || memcmp(t->key + i, "ND", 2) == 0 ||
         memcmp(t->key + i, "RD", 2) == 0 ||
         memcmp(t->key + i, "TH", 2) == 0)) {
      w.kind = EW_ORDINAL;
      w.val = (uint16_t)v;
    }
    return w;
  }
  if (t->key[0] < 'A' || t->key[0] > 'Y')
    return w;
  const struct ewentry *e = find(t->key, t->klen);
  if (e) {
    w.kind = e->kind;
    w.val = e->val;
  }
  return w;
}
