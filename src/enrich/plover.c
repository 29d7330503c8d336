/*
 * plover.c - PLOVER coding of CAMEO events (pipeline stage "enrich"): the
 * PLOVER event type, mode and context of a CAMEO event code, and the
 * contexts and modes the sentence's own words support.
 *
 * The table. PLOVER (Political Language Ontology for Verifiable Event
 * Records, Open Event Data Alliance, manual draft 0.8, 2021) names 16 event
 * types. Which CAMEO 1.1b3 code falls under which type, with which mode and
 * context, is the correspondence its editors published with the manual
 * (CAMEO2PLOVER-2021); the table below states that correspondence in our own
 * layout: a type per CAMEO root, then the codes that leave their root's type
 * or carry a mode or context, longest prefix first. Where the published
 * correspondence put a context in the mode slot (175, "pro_autocracy") we
 * give it as a context. CAMEO roots 01 (public statement) and 02 (appeal)
 * have no PLOVER type: PLOVER dropped them; their events get "". The test
 * tests/unit/test_plover.c cross-checks every type against the published
 * file when ../shared holds it.
 *
 * The text. The table's mode and context come from the code alone. The
 * sentence may say more: its words add contexts (peacekeeping: "peacekeepers",
 * "MINUSMA"; coup: "coup", "putsch"; terrorism: "terrorist",
 * "jihadist"; elections, corruption, migration, cbrn) from the keyword list
 * KW below, and, for an event whose code gives no mode, a mode its words
 * name: for ASSAULT, "suicide" (suicide-attack), bombs and blasts
 * (explosives), gunfire (firearms), shelling and rockets (heavy-weapons),
 * air strikes (aerial); for PROTEST, rallies and marches (demo), "hunger
 * strike" (hunger), riots (riot), boycotts (boycott), blockades (obstruct).
 * The words are those of the whole sentence: a sentence that names a coup
 * gives that context to each of its events.
 */
#include <stdlib.h>
#include <string.h>

#include "enrich.h"

struct pmap {
  const char *code; /* CAMEO code or root */
  const char *type;
  const char *mode;
  const char *context;
};

/* Root defaults (two digits), then codes; sorted by code for bsearch. */
static const struct pmap PMAP[] = {
    {"03", "AGREE", "", ""},
    {"030", "AGREE", "", "diplomatic"},
    {"031", "AGREE", "", "diplomatic"},
    {"0311", "AGREE", "", "economic"},
    {"0312", "AGREE", "", "military"},
    {"0313", "AGREE", "", "legal"},
    {"0314", "AGREE", "", "intelligence"},
    {"032", "AGREE", "", "diplomatic"},
    {"033", "AGREE", "", "diplomatic"},
    {"0331", "AGREE", "", "economic"},
    {"0332", "AGREE", "", "military"},
    {"0333", "AGREE", "", "humanitarian"},
    {"0334", "AGREE", "", "peacekeeping"},
    {"034", "AGREE", "", "political_institutions"},
    {"0341", "AGREE", "", "political_institutions"},
    {"0342", "AGREE", "", "executive"},
    {"0343", "AGREE", "", "rights_freedoms"},
    {"0344", "AGREE", "", "political_institutions"},
    {"0351", "AGREE", "", "rights_freedoms"},
    {"0353", "AGREE", "", "rights_freedoms"},
    {"0354", "AGREE", "", "economic"},
    {"0355", "AGREE", "", "diplomatic"},
    {"0356", "AGREE", "", "military"},
    {"036", "AGREE", "", "diplomatic"},
    {"037", "AGREE", "", "diplomatic"},
    {"038", "AGREE", "", "diplomatic"},
    {"039", "AGREE", "", "diplomatic"},
    {"04", "CONSULT", "", ""},
    {"041", "CONSULT", "phone", ""},
    {"042", "CONSULT", "visit", ""},
    {"043", "CONSULT", "visit", ""},
    {"044", "CONSULT", "third-party", ""},
    {"045", "CONSULT", "", "diplomatic"},
    {"046", "CONSULT", "", "diplomatic"},
    {"05", "SUPPORT", "", "diplomatic"},
    {"06", "COOPERATE", "", ""},
    {"061", "COOPERATE", "", "economic"},
    {"062", "COOPERATE", "", "military"},
    {"063", "COOPERATE", "", "legal"},
    {"064", "COOPERATE", "", "intelligence"},
    {"07", "AID", "", ""},
    {"071", "AID", "", "economic"},
    {"072", "AID", "", "military"},
    {"073", "AID", "", "humanitarian"},
    {"074", "AID", "", "peacekeeping"},
    {"075", "AID", "", "asylum"},
    /* 08: yielding is CONCEDE up to 083, RETREAT from 084 */
    {"08", "CONCEDE", "", ""},
    {"081", "CONCEDE", "", "legal"},
    {"0811", "CONCEDE", "", "democracy"},
    {"0812", "CONCEDE", "", "democracy"},
    {"0813", "RETREAT", "", "legal"},
    {"0814", "RETREAT", "", "legal"},
    {"082", "CONCEDE", "", "democracy"},
    {"083", "CONCEDE", "", "political_institutions"},
    {"0832", "CONCEDE", "", "executive"},
    {"0833", "CONCEDE", "", "rights_freedoms"},
    {"084", "RETREAT", "", ""},
    {"0841", "RETREAT", "release", "legal"},
    {"0842", "RETREAT", "return", "legal"},
    {"085", "RETREAT", "ease", "economic"},
    {"086", "RETREAT", "access", "diplomatic"},
    {"0861", "RETREAT", "access", "peacekeeping"},
    {"0863", "RETREAT", "access", "humanitarian"},
    {"087", "RETREAT", "disarm", "military"},
    {"0871", "RETREAT", "ceasefire", "military"},
    {"0872", "RETREAT", "withdraw", "military"},
    {"09", "ACCUSE", "investigate", ""},
    {"091", "ACCUSE", "investigate", "crime;corruption"},
    {"092", "ACCUSE", "investigate", "human_rights"},
    {"093", "ACCUSE", "investigate", "military"},
    {"094", "ACCUSE", "investigate", "military;legal"},
    {"10", "REQUEST", "", ""},
    {"101", "REQUEST", "assist", ""},
    {"1011", "REQUEST", "assist", "economic"},
    {"1012", "REQUEST", "assist", "military"},
    {"1013", "REQUEST", "assist", "legal"},
    {"1014", "REQUEST", "assist", "intelligence"},
    {"102", "REQUEST", "assist", "diplomatic"},
    {"103", "REQUEST", "assist", ""},
    {"1031", "REQUEST", "assist", "economic"},
    {"1032", "REQUEST", "assist", "military"},
    {"1033", "REQUEST", "assist", "humanitarian"},
    {"1034", "REQUEST", "assist", "peacekeeping"},
    {"104", "REQUEST", "change", "political_institutions"},
    {"1041", "REQUEST", "change", "executive"},
    {"1042", "REQUEST", "change", "executive"},
    {"1043", "REQUEST", "change", "rights_freedoms"},
    {"105", "REQUEST", "change", "legal"},
    {"1051", "REQUEST", "yield", "legal"},
    {"1052", "REQUEST", "yield", "legal"},
    {"1053", "REQUEST", "yield", "legal"},
    {"1054", "REQUEST", "yield", "economic"},
    {"1055", "REQUEST", "yield", "diplomatic"},
    {"1056", "REQUEST", "yield", "military"},
    {"106", "REQUEST", "meet", "diplomatic"},
    {"107", "REQUEST", "meet", "diplomatic"},
    {"108", "REQUEST", "meet", "diplomatic"},
    {"11", "ACCUSE", "disapprove", ""},
    {"1121", "ACCUSE", "allege", "crime;corruption"},
    {"1122", "ACCUSE", "allege", "human_rights"},
    {"1123", "ACCUSE", "allege", "military"},
    {"1124", "ACCUSE", "allege", "military;legal"},
    {"1125", "ACCUSE", "allege", "legal"},
    {"114", "ACCUSE", "allege", "diplomatic"},
    {"115", "ACCUSE", "allege", "legal"},
    {"116", "ACCUSE", "disapprove", "legal"},
    {"12", "REJECT", "", ""},
    {"121", "REJECT", "assist", ""},
    {"1211", "REJECT", "assist", "economic"},
    {"1212", "REJECT", "assist", "military"},
    {"1213", "REJECT", "assist", "legal"},
    {"1214", "REJECT", "assist", "intelligence"},
    {"122", "REJECT", "assist", ""},
    {"1221", "REJECT", "assist", "economic"},
    {"1222", "REJECT", "assist", "military"},
    {"1223", "REJECT", "assist", "humanitarian"},
    {"1224", "REJECT", "assist", "peacekeeping"},
    {"123", "REJECT", "change", "political_institutions"},
    {"1231", "REJECT", "change", "executive"},
    {"1232", "REJECT", "change", "executive"},
    {"1233", "REJECT", "change", "rights_freedoms"},
    {"124", "REJECT", "change", ""},
    {"1241", "REJECT", "change", "executive"},
    {"1243", "REJECT", "yield", "legal"},
    {"1244", "REJECT", "yield", "economic"},
    {"1245", "REJECT", "yield", "diplomatic"},
    {"1246", "REJECT", "yield", "military"},
    {"125", "REJECT", "meet", "diplomatic"},
    {"126", "REJECT", "meet", "diplomatic"},
    {"127", "REJECT", "meet", "diplomatic"},
    {"128", "REJECT", "yield", "legal"},
    {"129", "REJECT", "yield", "diplomatic"},
    {"13", "THREATEN", "", ""},
    {"1311", "THREATEN", "relations", ""},
    {"1312", "THREATEN", "restrict", "economic"},
    {"1313", "THREATEN", "relations", "diplomatic"},
    {"132", "THREATEN", "ban", "executive"},
    {"1321", "THREATEN", "political", "human_rights"},
    {"1322", "THREATEN", "ban", "pro_autocracy"},
    {"1323", "THREATEN", "restrict", "pro_autocracy"},
    {"1324", "THREATEN", "restrict", "pro_autocracy"},
    {"133", "THREATEN", "relations", ""},
    {"134", "THREATEN", "relations", "diplomatic"},
    {"135", "THREATEN", "relations", "diplomatic"},
    {"136", "THREATEN", "expel", "diplomatic"},
    {"137", "THREATEN", "violence", "pro_autocracy"},
    {"138", "THREATEN", "violence", "military"},
    {"1381", "THREATEN", "restrict", "military"},
    {"1382", "THREATEN", "territory", "military"},
    {"1385", "THREATEN", "violence", "cbrn"},
    {"139", "THREATEN", "relations", "diplomatic"},
    {"14", "PROTEST", "", ""},
    {"141", "PROTEST", "demo", ""},
    {"1411", "PROTEST", "demo", "executive"},
    {"1412", "PROTEST", "demo", "executive"},
    {"1413", "PROTEST", "demo", "rights_freedoms"},
    {"1414", "PROTEST", "demo", "political_institutions"},
    {"142", "PROTEST", "hunger", ""},
    {"1421", "PROTEST", "hunger", "executive"},
    {"1422", "PROTEST", "hunger", "executive"},
    {"1423", "PROTEST", "hunger", "rights_freedoms"},
    {"1424", "PROTEST", "hunger", "political_institutions"},
    {"143", "PROTEST", "boycott", ""},
    {"1431", "PROTEST", "boycott", "executive"},
    {"1432", "PROTEST", "boycott", "executive"},
    {"1433", "PROTEST", "boycott", "rights_freedoms"},
    {"1434", "PROTEST", "boycott", "political_institutions"},
    {"144", "PROTEST", "obstruct", ""},
    {"1441", "PROTEST", "obstruct", "executive"},
    {"1442", "PROTEST", "obstruct", "executive"},
    {"1443", "PROTEST", "obstruct", "rights_freedoms"},
    {"1444", "PROTEST", "obstruct", "political_institutions"},
    {"145", "PROTEST", "riot", ""},
    {"1451", "PROTEST", "riot", "executive"},
    {"1452", "PROTEST", "riot", "executive"},
    {"1453", "PROTEST", "riot", "rights_freedoms"},
    {"1454", "PROTEST", "riot", "political_institutions"},
    {"15", "MOBILIZE", "", ""},
    {"151", "MOBILIZE", "police", ""},
    {"152", "MOBILIZE", "troops", "military"},
    {"153", "MOBILIZE", "police", ""},
    {"154", "MOBILIZE", "troops", "military"},
    {"16", "SANCTION", "", ""},
    {"161", "SANCTION", "withdraw", "diplomatic"},
    {"162", "SANCTION", "discontinue", "human_security"},
    {"1621", "SANCTION", "discontinue", "economic"},
    {"1622", "SANCTION", "discontinue", "military"},
    {"1623", "SANCTION", "discontinue", "humanitarian"},
    {"163", "COERCE", "restrict", "diplomatic"}, /* embargo */
    {"164", "SANCTION", "withdraw", "diplomatic"},
    {"165", "SANCTION", "withdraw", "diplomatic"},
    {"166", "SANCTION", "expel", "diplomatic"},
    {"1661", "SANCTION", "expel", "military"},
    {"1662", "SANCTION", "expel", "diplomatic"},
    {"1663", "SANCTION", "expel", "human_security"},
    {"17", "COERCE", "", ""},
    {"171", "COERCE", "seize", "human_security"},
    {"1712", "ASSAULT", "seize", "human_security"}, /* destroy property */
    {"172", "COERCE", "restrict", "executive"},
    {"1721", "COERCE", "restrict", "rights_freedoms"},
    {"1722", "COERCE", "ban", "pro_autocracy"},
    {"1723", "COERCE", "curfew", "pro_autocracy"},
    {"1724", "COERCE", "martial-law", "pro_autocracy"},
    {"173", "COERCE", "arrest", "legal"},
    {"174", "COERCE", "deport", "legal"},
    {"175", "ASSAULT", "", "military;pro_autocracy"}, /* repression */
    {"18", "ASSAULT", "", ""},
    {"181", "ASSAULT", "abduct", ""},
    {"182", "ASSAULT", "beat", ""},
    {"1821", "ASSAULT", "sexual", ""},
    {"1822", "ASSAULT", "torture", ""},
    {"1823", "ASSAULT", "", ""},
    {"183", "ASSAULT", "suicide-attack", ""},
    {"1832", "ASSAULT", "explosives", ""},
    {"1833", "ASSAULT", "explosives", ""},
    {"184", "ASSAULT", "abduct", ""},
    {"185", "ASSAULT", "assassinate", ""},
    {"186", "ASSAULT", "assassinate", ""},
    {"19", "ASSAULT", "", "military"},
    {"191", "COERCE", "restrict", "military"}, /* blockade */
    {"192", "COERCE", "seize", "military"},    /* occupy territory */
    {"193", "ASSAULT", "firearms", "military"},
    {"194", "ASSAULT", "heavy-weapons", "military"},
    {"195", "ASSAULT", "heavy-weapons", "military"},
    {"196", "ASSAULT", "", "legal;military"},
    {"20", "ASSAULT", "massacre", "military"},
    {"201", "ASSAULT", "cleansing", "religion_ethnicity"},
    {"202", "ASSAULT", "massacre", "religion_ethnicity"},
    {"203", "ASSAULT", "cleansing", "religion_ethnicity"},
    {"204", "ASSAULT", "unconventional", "cbrn"},
};

#define NPMAP (sizeof PMAP / sizeof PMAP[0])

bool Dyad_plover_table_sorted(void) {
  for (size_t i = 1; i < NPMAP; i++)
    if (strcmp(PMAP[i - 1].code, PMAP[i].code) >= 0)
      return false;
  return true;
}

static int cmp_code(const void *k, const void *e) {
  return strcmp((const char *)k, ((const struct pmap *)e)->code);
}

bool Dyad_plover_of(const char *code, const char **type, const char **mode,
                    const char **context) {
  char k[8];
  size_t n = code ? strlen(code) : 0;
  const struct pmap *hit = NULL;
  if (n >= 2 && n < sizeof k) {
    memcpy(k, code, n + 1);
    /* the longest prefix the table holds */
    for (; n >= 2 && !hit; n--) {
      k[n] = '\0';
      hit = bsearch(k, PMAP, NPMAP, sizeof PMAP[0], cmp_code);
    }
  }
  *type = hit ? hit->type : "";
  *mode = hit ? hit->mode : "";
  *context = hit ? hit->context : "";
  return hit != NULL;
}

/* ---- the sentence's words ------------------------------------------------ */

/* Contexts the words of a sentence name (bit i of a mask: CONTEXT[i]). */
static const char *const CONTEXT[] = {"peacekeeping", "coup",       "terrorism",
                                      "elections",    "corruption", "migration",
                                      "cbrn"};

enum {
  M_SUICIDE = 1,
  M_EXPLOSIVES,
  M_FIREARMS,
  M_HEAVY,
  M_AERIAL,
  M_DEMO,
  M_HUNGER,
  M_RIOT,
  M_BOYCOTT,
  M_OBSTRUCT,
};

static const char *const MODE[] = {"",         "suicide-attack", "explosives",
                                   "firearms", "heavy-weapons",  "aerial",
                                   "demo",     "hunger",         "riot",
                                   "boycott",  "obstruct"};

struct kw {
  const char *key; /* folded (upper-case) token key */
  uint8_t context; /* 1 + index in CONTEXT, 0 none */
  uint8_t mode;    /* M_*, 0 none */
};

/* Sorted by key (strcmp order); the unit tests check it. */
static const struct kw KW[] = {
    {"AIRSTRIKE", 0, M_AERIAL},
    {"AIRSTRIKES", 0, M_AERIAL},
    {"AMISOM", 1, 0},
    {"ARTILLERY", 0, M_HEAVY},
    {"ASYLUM", 6, 0},
    {"BALLOT", 4, 0},
    {"BALLOTS", 4, 0},
    {"BLAST", 0, M_EXPLOSIVES},
    {"BLOCKADE", 0, M_OBSTRUCT},
    {"BOMB", 0, M_EXPLOSIVES},
    {"BOMBING", 0, M_EXPLOSIVES},
    {"BOMBINGS", 0, M_EXPLOSIVES},
    {"BOMBS", 0, M_EXPLOSIVES},
    {"BOYCOTT", 0, M_BOYCOTT},
    {"BOYCOTTED", 0, M_BOYCOTT},
    {"BRIBERY", 5, 0},
    {"CHEMICAL", 7, 0},
    {"CORRUPTION", 5, 0},
    {"COUP", 2, 0},
    {"COUPS", 2, 0},
    {"DEMONSTRATION", 0, M_DEMO},
    {"DEMONSTRATIONS", 0, M_DEMO},
    {"DEMONSTRATORS", 0, M_DEMO},
    {"ELECTION", 4, 0},
    {"ELECTIONS", 4, 0},
    {"ELECTORAL", 4, 0},
    {"EMBEZZLEMENT", 5, 0},
    {"EXPLOSION", 0, M_EXPLOSIVES},
    {"EXPLOSIVE", 0, M_EXPLOSIVES},
    {"EXPLOSIVES", 0, M_EXPLOSIVES},
    {"GUNFIRE", 0, M_FIREARMS},
    {"GUNMAN", 0, M_FIREARMS},
    {"GUNMEN", 0, M_FIREARMS},
    {"HUNGER", 0, M_HUNGER},
    {"IED", 0, M_EXPLOSIVES},
    {"JIHADIST", 3, 0},
    {"JIHADISTS", 3, 0},
    {"MARCHED", 0, M_DEMO},
    {"MIGRANTS", 6, 0},
    {"MINUSCA", 1, 0},
    {"MINUSMA", 1, 0},
    {"MONUSCO", 1, 0},
    {"MORTAR", 0, M_HEAVY},
    {"MORTARS", 0, M_HEAVY},
    {"NERVE", 7, 0},
    {"PEACEKEEPER", 1, 0},
    {"PEACEKEEPERS", 1, 0},
    {"PEACEKEEPING", 1, 0},
    {"PROTESTERS", 0, M_DEMO},
    {"PUTSCH", 2, 0},
    {"RALLY", 0, M_DEMO},
    {"REFERENDUM", 4, 0},
    {"REFUGEES", 6, 0},
    {"RIOT", 0, M_RIOT},
    {"RIOTERS", 0, M_RIOT},
    {"RIOTS", 0, M_RIOT},
    {"ROCKET", 0, M_HEAVY},
    {"ROCKETS", 0, M_HEAVY},
    {"SARIN", 7, 0},
    {"SHELLING", 0, M_HEAVY},
    {"SHOT", 0, M_FIREARMS},
    {"SUICIDE", 0, M_SUICIDE},
    {"TERROR", 3, 0},
    {"TERRORISM", 3, 0},
    {"TERRORIST", 3, 0},
    {"TERRORISTS", 3, 0},
    {"UNIFIL", 1, 0},
    {"UNMISS", 1, 0},
    {"VOTERS", 4, 0},
};

#define NKW (sizeof KW / sizeof KW[0])

/* For each first letter A-Z, bit n set when KW holds a key of n bytes
 * starting with it: most words are passed over without a search. Made from
 * KW; the unit tests check it (Dyad_plover_words_sorted). */
static const uint16_t KWMASK[26] = {
    0x0640 /* A */, 0x03f0 /* B */, 0x0530 /* C */, 0x6000 /* D */,
    0x1700 /* E */, 0x0000 /* F */, 0x00c0 /* G */, 0x0040 /* H */,
    0x0008 /* I */, 0x0300 /* J */, 0x0000 /* K */, 0x0000 /* L */,
    0x01c0 /* M */, 0x0020 /* N */, 0x0000 /* O */, 0x1c40 /* P */,
    0x0000 /* Q */, 0x05f0 /* R */, 0x01b0 /* S */, 0x0640 /* T */,
    0x0040 /* U */, 0x0040 /* V */, 0x0000 /* W */, 0x0000 /* X */,
    0x0000 /* Y */, 0x0000 /* Z */,
};

bool Dyad_plover_words_sorted(void) {
  uint16_t mask[26] = {0};
  for (size_t i = 0; i < NKW; i++) {
    if (i && strcmp(KW[i - 1].key, KW[i].key) >= 0)
      return false;
    size_t n = strlen(KW[i].key);
    if (n > 15 || KW[i].key[0] < 'A' || KW[i].key[0] > 'Z')
      return false;
    mask[KW[i].key[0] - 'A'] |= (uint16_t)(1u << n);
  }
  return memcmp(mask, KWMASK, sizeof mask) == 0;
}

static const struct kw *kw_find(const char *key, size_t n) {
  size_t lo = 0, hi = NKW;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strncmp(KW[mid].key, key, n);
    if (c == 0 && KW[mid].key[n] != '\0')
      c = 1;
    if (c < 0)
      lo = mid + 1;
    else if (c > 0)
      hi = mid;
    else
      return &KW[mid];
  }
  return NULL;
}

void Dyad_plover_words(const struct sent *s, struct plover_words *out) {
  memset(out, 0, sizeof *out);
  for (uint32_t i = 0; i < s->n; i++) {
    const struct token *t = &s->tok[i];
    if (t->kind != TK_WORD || t->klen < 3 || t->klen > 15 || t->key[0] < 'A' ||
        t->key[0] > 'Z' || !(KWMASK[t->key[0] - 'A'] & (1u << t->klen)))
      continue;
    const struct kw *k = kw_find(t->key, t->klen);
    if (!k)
      continue;
    if (k->context)
      out->contexts |= 1u << (k->context - 1);
    /* the first mode word of each kind, in text order */
    if (k->mode && !(out->modes & (1u << k->mode))) {
      out->modes |= 1u << k->mode;
      /* "hunger strike", not "hunger" alone */
      if (k->mode == M_HUNGER &&
          !(i + 1 < s->n && Dyad_key_is(&s->tok[i + 1], "STRIKE")))
        out->modes &= ~(1u << k->mode);
    }
  }
}

/* The mode the words give an event of `type` whose code gave none. */
static const char *text_mode(const char *type, uint32_t modes) {
  static const uint8_t assault[] = {M_SUICIDE, M_EXPLOSIVES, M_AERIAL, M_HEAVY,
                                    M_FIREARMS};
  static const uint8_t protest[] = {M_HUNGER, M_RIOT, M_BOYCOTT, M_OBSTRUCT,
                                    M_DEMO};
  const uint8_t *order = NULL;
  size_t n = 0;
  if (strcmp(type, "ASSAULT") == 0) {
    order = assault;
    n = sizeof assault;
  } else if (strcmp(type, "PROTEST") == 0) {
    order = protest;
    n = sizeof protest;
  }
  for (size_t i = 0; i < n; i++)
    if (modes & (1u << order[i]))
      return MODE[order[i]];
  return "";
}

/* Whether `list` (names joined by ';') holds `name`. */
static bool has_context(const char *list, const char *name) {
  size_t n = strlen(name);
  for (const char *p = list; *p;) {
    const char *e = strchr(p, ';');
    size_t m = e ? (size_t)(e - p) : strlen(p);
    if (m == n && memcmp(p, name, n) == 0)
      return true;
    if (!e)
      break;
    p = e + 1;
  }
  return false;
}

dyad_status Dyad_plover_event(struct arena *a, const struct plover_words *w,
                              const char *code, const char **type,
                              const char **mode, const char **context) {
  const char *ctx;
  Dyad_plover_of(code, type, mode, &ctx);
  *context = ctx;
  if (!**type)
    return DYAD_OK;
  if (!**mode)
    *mode = text_mode(*type, w->modes);
  if (!w->contexts)
    return DYAD_OK;
  char buf[256];
  size_t n = strlen(ctx);
  memcpy(buf, ctx, n);
  bool added = false;
  for (size_t i = 0; i < sizeof CONTEXT / sizeof CONTEXT[0]; i++) {
    if (!(w->contexts & (1u << i)) || has_context(ctx, CONTEXT[i]))
      continue;
    size_t m = strlen(CONTEXT[i]);
    if (n + m + 2 > sizeof buf)
      break;
    if (n)
      buf[n++] = ';';
    memcpy(buf + n, CONTEXT[i], m);
    n += m;
    added = true;
  }
  if (!added)
    return DYAD_OK;
  const char *s = Dyad_arena_strndup(a, buf, n);
  if (!s)
    return DYAD_ERR_NOMEM;
  *context = s;
  return DYAD_OK;
}
