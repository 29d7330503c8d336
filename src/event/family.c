/*
 * family.c - CAMEO code families for verbs that take another act as their
 * complement: intent (03x: "promised to send aid"), threat (13x:
 * "threatened to impose sanctions"), refusal (12x: "refused to release",
 * "said it would not provide support"), appeal (02x: "urged X to hold
 * talks") and demand (10x: "demanded that troops withdraw").
 *
 * Each table maps the CAMEO 1.1b3 code of the act to the code of the same
 * act under the family, following the codebook's parallel structure (CAMEO
 * Conflict and Mediation Event Observations codebook, 2012: e.g. 0331
 * "express intent to provide economic aid" mirrors 071 "provide economic
 * aid"; 1243 "refuse to release persons" mirrors 084 "return, release").
 */
#include <string.h>

#include "family.h"

#include "../lexicon/lexicon.h"

struct fmap {
  const char *act; /* code prefix of the act */
  const char *out; /* family code */
};

/* Longest matching prefix wins: list longer prefixes first. */
static const struct fmap INTENT[] = {
    {"061", "0311"},  {"062", "0312"},  {"063", "0313"},  {"064", "0314"},
    {"06", "031"},    {"071", "0331"},  {"072", "0332"},  {"073", "0333"},
    {"074", "0334"},  {"07", "033"},    {"0831", "0341"}, {"0832", "0342"},
    {"0833", "0343"}, {"0834", "0344"}, {"083", "034"},   {"081", "0351"},
    {"082", "0352"},  {"084", "0353"},  {"085", "0354"},  {"086", "0355"},
    {"087", "0356"},  {"08", "035"},    {"045", "039"},   {"04", "036"},
    {"057", "037"},   {"05", "032"},    {"03", NULL},     {"", "030"},
};

static const struct fmap THREAT[] = {
    {"162", "1311"},  {"163", "1312"},  {"161", "1313"},  {"164", "134"},
    {"165", "135"},   {"166", "136"},   {"16", "131"},    {"1721", "1321"},
    {"1722", "1322"}, {"1723", "1323"}, {"1724", "1324"}, {"172", "132"},
    {"17", "137"},    {"14", "133"},    {"15", "138"},    {"18", "1383"},
    {"191", "1381"},  {"192", "1382"},  {"19", "1384"},   {"204", "1385"},
    {"20", "1383"},   {"13", NULL},     {"", "130"},
};

static const struct fmap REFUSE[] = {
    {"045", "126"},   {"04", "125"},    {"057", "127"},   {"05", "120"},
    {"061", "1211"},  {"062", "1212"},  {"063", "1213"},  {"064", "1214"},
    {"06", "121"},    {"071", "1221"},  {"072", "1222"},  {"073", "1223"},
    {"074", "1224"},  {"07", "122"},    {"081", "1241"},  {"082", "1242"},
    {"0831", "1231"}, {"0832", "1232"}, {"0833", "1233"}, {"0834", "1234"},
    {"083", "123"},   {"084", "1243"},  {"085", "1244"},  {"086", "1245"},
    {"087", "1246"},  {"08", "124"},    {"031", "121"},   {"032", "120"},
    {"033", "122"},   {"034", "123"},   {"035", "124"},   {"036", "125"},
    {"037", "127"},   {"038", "126"},   {"039", "126"},   {"03", "120"},
    {"12", NULL},     {"", ""},
};

static const struct fmap APPEAL[] = {
    {"045", "028"},   {"04", "026"},    {"05", "022"},    {"061", "0211"},
    {"062", "0212"},  {"063", "0213"},  {"064", "0214"},  {"06", "021"},
    {"071", "0231"},  {"072", "0232"},  {"073", "0233"},  {"074", "0234"},
    {"07", "023"},    {"0831", "0241"}, {"0832", "0242"}, {"0833", "0243"},
    {"0834", "0244"}, {"083", "024"},   {"081", "0251"},  {"082", "0252"},
    {"084", "0253"},  {"085", "0254"},  {"086", "0255"},  {"087", "0256"},
    {"08", "025"},    {"02", NULL},     {"", "020"},
};

static const struct fmap DEMAND[] = {
    {"045", "108"},   {"04", "106"},    {"05", "102"},    {"061", "1011"},
    {"062", "1012"},  {"063", "1013"},  {"064", "1014"},  {"06", "101"},
    {"071", "1031"},  {"072", "1032"},  {"073", "1033"},  {"074", "1034"},
    {"07", "103"},    {"0831", "1041"}, {"0832", "1042"}, {"0833", "1043"},
    {"0834", "1044"}, {"083", "104"},   {"081", "1051"},  {"082", "1052"},
    {"084", "1053"},  {"085", "1054"},  {"086", "1055"},  {"087", "1056"},
    {"08", "105"},    {"166", "1056"},  {"10", NULL},     {"", "100"},
};

static const char *lookup(const struct fmap *t, size_t n, const char *act) {
  for (size_t i = 0; i < n; i++) {
    size_t l = strlen(t[i].act);
    if (strncmp(act, t[i].act, l) == 0)
      return t[i].out ? t[i].out : act;
  }
  return NULL;
}

#define LOOKUP(t, a) lookup(t, sizeof t / sizeof t[0], a)

enum family Dyad_family_of(const char *code) {
  if (!code || strlen(code) < 3 || code[0] < '0' || code[0] > '9')
    return FAM_NONE;
  if (strncmp(code, "03", 2) == 0)
    return FAM_INTENT;
  if (strncmp(code, "13", 2) == 0)
    return FAM_THREAT;
  if (strncmp(code, "12", 2) == 0)
    return FAM_REFUSE;
  if (strncmp(code, "02", 2) == 0)
    return FAM_APPEAL;
  if (strncmp(code, "10", 2) == 0)
    return FAM_DEMAND;
  return FAM_NONE;
}

/* Roots whose acts, intended, are threats (CAMEO 13x): coercion and force.
 * An intent to investigate (09) or to criticise (11) is not a threat, nor
 * one to move forces (15: "agreed to redeploy troops"), which is said of
 * allies as much as of foes. */
static bool conflict_root(const char *act) {
  int r = Dyad_cameo_root(act);
  return r >= 16 || r == 14 || r == 10 || r == 13;
}

const char *Dyad_family_map(enum family f, const char *outer, const char *act) {
  if (!act || strlen(act) < 2 || act[0] < '0' || act[0] > '9')
    return outer;
  switch (f) {
  case FAM_INTENT:
    /* intent to do harm is a threat ("vowed to retaliate") */
    if (conflict_root(act) && strncmp(act, "13", 2) != 0)
      return LOOKUP(THREAT, act);
    return LOOKUP(INTENT, act);
  case FAM_THREAT:
    return LOOKUP(THREAT, act);
  case FAM_REFUSE: {
    const char *r = LOOKUP(REFUSE, act);
    return r && *r ? r : NULL; /* refusing to attack is not an event */
  }
  case FAM_APPEAL:
    return LOOKUP(APPEAL, act);
  case FAM_DEMAND:
    return LOOKUP(DEMAND, act);
  default:
    return outer;
  }
}

const char *Dyad_refusal_of(const char *act) {
  if (!act || strlen(act) < 2)
    return NULL;
  int r = (act[0] - '0') * 10 + (act[1] - '0');
  if (r < 3 || r > 8)
    return NULL; /* negated conflict acts and statements: no event */
  const char *x = LOOKUP(REFUSE, act);
  return x && *x ? x : NULL;
}
