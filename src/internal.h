/*
 * internal.h - private types shared across stages; never installed.
 *
 * The document owns one arena: tokens, keys, sentences, events and their
 * strings all come from it and are released together by dyad_doc_set (reset)
 * or dyad_doc_free.
 */
#ifndef DYAD_INTERNAL_H
#define DYAD_INTERNAL_H

#include "dyad.h"
#include "lexicon/lexicon.h"
#include "sentence/sentence.h"
#include "token/token.h"
#include "util/util.h"

/* Hard limits (STYLE §3). */
#define DYAD_MAX_DOC_BYTES ((size_t)64 << 20)
#define DYAD_MAX_SENT_TOKENS 4096 /* over: the sentence is skipped */
#define DYAD_MAX_SENT_EVENTS 256  /* over: the first ones are kept */

struct dyad_event {
  const char *source; /* arena strings, "" when absent */
  const char *target;
  char code[8];       /* CAMEO event code */
  char root[3];       /* first two digits */
  int quad;           /* 1-4, 0 unknown */
  double goldstein;   /* NaN when unknown */
  uint32_t sentence;  /* sentence index */
  uint32_t span[3][2]; /* [DYAD_SPAN_*][start, end) bytes; 0,0 = none */
  uint8_t modality;   /* dyad_modality */
  bool negated;
  const char *rule_file; /* borrowed from the lexicon */
  uint32_t rule_line;
  int event_date;     /* YYYYMMDD resolved from the text, 0 = story date */
  uint8_t date_precision; /* dyad_date_precision of event_date */
  int fatalities;     /* people killed, from the text; -1 unknown */
  uint32_t place[2];  /* byte span of the event's place name; 0,0 none */
  const char *place_code; /* actor code of the place (country), "" none */
  uint32_t date_text[2]; /* byte span of the time expression; 0,0 none */
  int wounded;        /* people wounded, from the text; -1 unknown */
  uint32_t count_text[2]; /* byte span of the count phrase(s); 0,0 none */
  uint8_t count_qual; /* dyad_count_qualifier of the counts */
  uint8_t geo_prec;   /* dyad_geo_precision of the location */
  const char *country; /* ISO 3166 alpha-3 of the location, "" none */
  const char *admin1;  /* first-level region name, "" none */
  const char *place_name; /* gazetteer name of the place, "" none */
  double lat, lon;    /* degrees WGS84; NaN when no location */
  uint32_t loc_text[2]; /* byte span the location was read from; 0,0 none */
  const char *plover;         /* PLOVER event type, "" none (static) */
  const char *plover_mode;    /* PLOVER mode, "" none (static) */
  const char *plover_context; /* contexts joined by ';', "" none */
};

struct dyad_doc {
  struct arena arena;
  const char *id;     /* "" when absent */
  int date;
  const char *source, *url; /* "" when absent */
  const char *text;   /* story text, NUL-terminated */
  size_t len;
  size_t headline_end; /* byte offset where the headline ends, 0 if none */
  struct vec tokens;    /* struct token */
  struct vec sentences; /* struct sentence */
  struct vec events;    /* struct dyad_event */
  const char *discard_reason; /* arena or static, NULL if none */
  unsigned flags;     /* enum doc_flag: what happened while coding */
  size_t ev_first;    /* the first event of the sentence being coded */
  struct buf explain;
};

enum doc_flag {
  DOC_DISCARDED = 1 << 0, /* a discard phrase or code fired */
  DOC_COMPLEX = 1 << 1,   /* TABARI complexity limits exceeded */
  DOC_SHORT = 1 << 2,     /* under TABARI's minimum words */
  DOC_EVENTS_CUT = 1 << 3, /* a sentence reached DYAD_MAX_SENT_EVENTS */
};

/* Quad class and Goldstein score of a CAMEO code (src/event/cameo.c). */
int Dyad_cameo_quad(const char *code);
double Dyad_cameo_goldstein(const char *code);
/* True when `code` is in the CAMEO 1.1b3 event code list. */
bool Dyad_cameo_known(const char *code);

#endif
