/*
 * validate.h - peer validation suites (pipeline stage "validate").
 *
 * Takes: a PETRARCH validation XML file (<Validation> with <Environment>,
 * <Sentence> records and <Config> elements) or a TABARI .project whose
 * <textfile> records carry their expectations in a comment block (TABARI
 * 0.8.4). Gives: the suite read into a list of items (records and option
 * changes, in file order) with their expectations; a lexicon loaded from the
 * dictionaries the suite names; and, when run, one verdict per record and a
 * summary (dyad.h "Validation").
 *
 * Files: validate.c (the public API, comparison, reporting), petrarch.c (XML
 * reader), tabari.c (project and text reader), options.c (TABARI options
 * lines).
 */
#ifndef DYAD_VALIDATE_H
#define DYAD_VALIDATE_H

#include "../internal.h"

/* Hard limits on suites (STYLE §3). */
#define VD_MAX_FILE ((size_t)256 << 20) /* bytes in one suite or text file */
#define VD_MAX_EVENTS 4096              /* expected events in one record */
#define VD_MAX_DICTS 64                 /* dictionary files one suite names */

/* One expected event. Strings are normalised (vd_norm_actor/vd_norm_code)
 * and live in the suite arena. */
struct vd_exp {
  const char *src, *tgt, *code;
  int date; /* TABARI date after '}' as YYYYMMDD, 0 = none given */
};

/* What a record expects besides (or instead of) its events. */
enum vd_flag {
  VX_NOEVENTS = 1 << 0, /* PETRARCH noevents="True"; TABARI {---} */
  VX_DISCARD = 1 << 1,  /* storydiscard / sentencediscard; TABARI {###} */
  VX_COMPLEX = 1 << 2,  /* TABARI {+++} */
  VX_ERROR = 1 << 3,    /* PETRARCH error="..." other than a discard */
  VX_SKIP = 1 << 4,     /* TABARI -{ before any checked block */
  VX_PARTIAL = 1 << 5,  /* TABARI -{ after checked blocks: subset check */
};
#define VX_OUTCOME (VX_NOEVENTS | VX_DISCARD | VX_COMPLEX)

enum vd_kind {
  VI_RECORD = 0, /* a test record */
  VI_CONFIG = 1, /* PETRARCH <Config option= value=> */
  VI_OPTION = 2, /* TABARI { OPTION: ... } line */
};

/* One item of a suite, in file order. */
struct vd_item {
  uint8_t kind;         /* enum vd_kind */
  bool excluded;        /* PETRARCH: category not in <Include> */
  unsigned flags;       /* enum vd_flag */
  const char *file;     /* file the item is in (suite arena) */
  unsigned line;        /* 1-based line where it starts */
  const char *id;       /* record id; option text for VI_OPTION/VI_CONFIG */
  const char *category; /* "" when none */
  const char *datestr;  /* digits as written ("" when none) */
  const char *text;     /* text to code; "" when none */
  const char *error;    /* PETRARCH error= value, NULL when none */
  const char *value;    /* VI_CONFIG: the value */
  struct vd_exp *exp;   /* expected events (suite arena) */
  size_t nexp;
};

struct dyad_suite {
  dyad_suite_kind kind;
  dyad_profile profile;
  bool keep_hedged;
  bool all_categories;
  char *path;               /* suite file (malloc'd) */
  struct arena arena;       /* every string and array of the items */
  struct vec items;         /* struct vd_item */
  size_t records;           /* VI_RECORD items that will run */
  size_t not_run;           /* TABARI records after the end marker */
  size_t options;           /* VI_CONFIG + VI_OPTION items */
  struct buf dicts;         /* dictionary paths loaded, ", "-joined */
  struct buf excluded;      /* categories left out by <Include>, " "-joined */
  struct dyad_lexicon *lex; /* owned: private to this suite */
  bool petrarch1;           /* PETRARCH suite with PETRARCH-1 verb patterns */
};

/* ---- petrarch.c ---------------------------------------------------------- */

/* Reads a PETRARCH validation XML file into `s` and loads the dictionaries
 * its <Environment> names (or `dicts`). */
dyad_status Dyad_vd_petrarch_read(struct dyad_suite *s,
                                  const dyad_validate_options *o,
                                  dyad_error *err) DYAD_WUR;

/* ---- tabari.c ------------------------------------------------------------ */

/* Reads a TABARI .project (or a text file when dictionaries are given) into
 * `s` and loads the project's dictionaries (or `dicts`). */
dyad_status Dyad_vd_tabari_read(struct dyad_suite *s,
                                const dyad_validate_options *o,
                                dyad_error *err) DYAD_WUR;
/* The date of a TABARI record: the first 6 digits (YYMMDD, 00-30 = 20xx)
 * or, with SET: YYYY, the first 8 (YYYYMMDD). 0 when invalid. */
int Dyad_vd_tabari_date(const char *digits, bool yyyy);

/* ---- options.c ----------------------------------------------------------- */

/*
 * Applies one TABARI options command (TABARI manual ch. 8),
 * e.g. "COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR", "SET: YYYY = TRUE",
 * "DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER", "COMMA: OFF",
 * to `o`. Codes named by DEFAULT: are interned into `lex` (which must be
 * private to the caller while this runs). `*modelled` (may be NULL) is set
 * false when the command is valid but changes nothing dyad models (OUTPUT:,
 * LABEL:, NONEVENTS:, SET: LABEL ...). Returns DYAD_ERR_PARSE for an unknown
 * command or a malformed value (message in `err`), DYAD_ERR_NOMEM, or
 * DYAD_OK. On failure `o` is unchanged.
 */
dyad_status Dyad_tabari_option_line(struct dyad_lexicon *lex,
                                    struct lex_tabari_opts *o, const char *s,
                                    size_t n, bool *modelled,
                                    dyad_error *err) DYAD_WUR;

/* ---- validate.c: shared helpers ------------------------------------------ */

/* Reads a whole file (at most VD_MAX_FILE bytes) into malloc'd memory,
 * NUL-terminated. DYAD_ERR_IO, DYAD_ERR_LIMIT or DYAD_ERR_NOMEM. */
dyad_status Dyad_vd_slurp(const char *path, char **data, size_t *len,
                          dyad_error *err) DYAD_WUR;
/* Copies s[0..n) into the suite arena with bytes that are not UTF-8 read as
 * Latin-1 (TABARI and old PETRARCH files). NULL on NOMEM. */
char *Dyad_vd_text(struct dyad_suite *s, const char *p, size_t n);
/* Normalised actor code in the suite arena: blanks removed, "" -> "---";
 * quoted new-actor text ("THE MINISTRY") keeps its quotes, upper-cased with
 * blank runs folded. */
const char *Dyad_vd_norm_actor(struct dyad_suite *s, const char *p, size_t n);
/* Normalised event code: blanks removed. */
const char *Dyad_vd_norm_code(struct dyad_suite *s, const char *p, size_t n);
/* Appends an item (zeroed) to the suite; NULL on NOMEM. */
struct vd_item *Dyad_vd_item(struct dyad_suite *s);
/* Directory part of a path ("." when none), malloc'd. */
char *Dyad_vd_dirname(const char *path);
/* dir + "/" + name (name unchanged when absolute), malloc'd. */
char *Dyad_vd_join(const char *dir, const char *name);
bool Dyad_vd_is_dir(const char *path);
bool Dyad_vd_is_file(const char *path);
/* Loads the lexicon from `paths` into s->lex, noting them in s->dicts. */
dyad_status Dyad_vd_load(struct dyad_suite *s, const char *const *paths,
                         size_t n, dyad_error *err) DYAD_WUR;

#endif
