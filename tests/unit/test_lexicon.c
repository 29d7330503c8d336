/*
 * test_lexicon.c - the dictionary loaders: PETRARCH config, actors, agents,
 * verbs (PETRARCH-1 and -2 layouts), event nouns, discards, issues; TABARI
 * project, actors, verbs, agents, options; pattern compilation; malformed
 * entries and strict mode; and, when ../shared is present, the reference
 * dictionary sets (the Phoenix and TABARI sets of ../shared).
 *
 * Fixtures: tests/data/dict (invented entries). Run from the repository root
 * (or set DYAD_TESTDATA to the tests/data directory).
 */
#include "harness.h"

#include <stdarg.h>
#include <time.h>

#include "dyad.h"
#include "lexicon/lexicon.h"

/* ---- helpers --------------------------------------------------------------
 */

static const char *data_dir(void) {
  const char *d = getenv("DYAD_TESTDATA");
  return d && *d ? d : "tests/data";
}

/* A path under the fixture directory (rotating static buffers). */
static const char *fx(const char *rel) {
  static char bufs[8][512];
  static int k;
  char *b = bufs[k++ & 7];
  snprintf(b, 512, "%s/dict/%s", data_dir(), rel);
  return b;
}

static dyad_lexicon *load_opts(struct runner *r, const char *p,
                               const dyad_lexicon_options *o) {
  dyad_lexicon *lex = NULL;
  dyad_error e;
  const char *paths[1] = {p};
  dyad_status st = dyad_lexicon_load(paths, 1, o, &lex, &e);
  CHECK_INT(r, st, DYAD_OK);
  if (st != DYAD_OK)
    fprintf(stderr, "  load %s: %s:%u: %s\n", p, e.source, e.line, e.message);
  return lex;
}

static dyad_lexicon *load(struct runner *r, const char *p) {
  return load_opts(r, p, NULL);
}

/* The trie node of a phrase of upper-case words separated by blanks. */
static uint32_t node_of(const struct dyad_lexicon *lex, const char *phrase) {
  uint32_t node = 0;
  const char *p = phrase;
  while (*p && node != LEX_NONE) {
    while (*p == ' ')
      p++;
    size_t n = strcspn(p, " ");
    if (!n)
      break;
    uint32_t wid = Dyad_lex_find_word(lex, p, n);
    node = wid ? Dyad_lex_child(lex, node, wid) : LEX_NONE;
    p += n;
  }
  return node;
}

/* The nth hit of `kind` for a phrase, or NULL. */
static const struct lex_hit *hit_of(const struct dyad_lexicon *lex,
                                    const char *phrase, int kind, int nth) {
  uint32_t node = node_of(lex, phrase);
  if (node == LEX_NONE || node == 0)
    return NULL;
  for (uint32_t h = VEC_AT(&lex->nodes, struct lex_node, node).hits;
       h != LEX_NONE; h = VEC_AT(&lex->hits, struct lex_hit, h).next) {
    const struct lex_hit *x = &VEC_AT(&lex->hits, struct lex_hit, h);
    if (x->kind == kind && nth-- == 0)
      return x;
  }
  return NULL;
}

static const char *str(const struct dyad_lexicon *lex, uint32_t id) {
  return id == LEX_NONE ? "(none)" : Dyad_lex_cstr(lex, id);
}

/* The actor code of a phrase on a date. */
static const char *actor_code(const struct dyad_lexicon *lex,
                              const char *phrase, int date) {
  const struct lex_hit *h = hit_of(lex, phrase, LK_ACTOR, 0);
  if (!h)
    return "(no actor)";
  return str(lex, Dyad_lex_actor_code(lex, h->ref, date));
}

static const struct lex_agent *agent_of(const struct dyad_lexicon *lex,
                                        const char *phrase) {
  const struct lex_hit *h = hit_of(lex, phrase, LK_AGENT, 0);
  return h ? &VEC_AT(&lex->agents, struct lex_agent, h->ref) : NULL;
}

/* The verb form and verb of a phrase (LK_VERB or LK_EVNOUN). */
static const struct lex_vform *vform_of(const struct dyad_lexicon *lex,
                                        const char *phrase, int kind) {
  const struct lex_hit *h = hit_of(lex, phrase, kind, 0);
  return h ? &VEC_AT(&lex->vforms, struct lex_vform, h->ref) : NULL;
}

static const struct lex_verb *verb_of(const struct dyad_lexicon *lex,
                                      const char *phrase, int kind) {
  const struct lex_vform *v = vform_of(lex, phrase, kind);
  return v ? &VEC_AT(&lex->verbs, struct lex_verb, v->verb) : NULL;
}

/* First line of a fixture containing `needle` (1-based), 0 if none. */
static unsigned line_of(const char *path, const char *needle) {
  FILE *f = fopen(path, "rb");
  char line[1024];
  unsigned no = 0;
  if (!f)
    return 0;
  while (fgets(line, sizeof line, f)) {
    no++;
    if (strstr(line, needle)) {
      fclose(f);
      return no;
    }
  }
  fclose(f);
  return 0;
}

static bool ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* A diagnostic from `file` (suffix) at `line` containing `text`. */
static bool has_diag(const struct dyad_lexicon *lex, const char *file,
                     unsigned line, const char *text) {
  for (size_t i = 0; i < dyad_lexicon_diag_count(lex); i++) {
    const dyad_error *d = dyad_lexicon_diag(lex, i);
    if (ends_with(d->source, file) && d->line == line &&
        strstr(d->message, text) && d->code == DYAD_ERR_PARSE)
      return true;
  }
  return false;
}

#define CHECK_DIAG(r, lex, file, needle, text)                                 \
  do {                                                                         \
    unsigned l_ = line_of(fx(file), needle);                                   \
    CHECK(r, l_ > 0);                                                          \
    if (!has_diag(lex, file, l_, text)) {                                      \
      (r)->checks++;                                                           \
      (r)->failed++;                                                           \
      fprintf(stderr, "FAIL %s (%s:%d): no diagnostic %s:%u \"%s\"\n",         \
              (r)->name, __FILE__, __LINE__, file, l_, text);                  \
    } else {                                                                   \
      (r)->checks++;                                                           \
    }                                                                          \
  } while (0)

/* Renders a sequence of elements: words as keys ('=' when exact), joined by
 * '_' (next) or ' ' (skip); sets as &NAME; alternatives as {a | b}. */
static void render_seq(const struct dyad_lexicon *lex, uint32_t els, uint32_t n,
                       char *buf, size_t cap, int depth);

static void cat(char *buf, size_t cap, const char *fmt, ...) {
  size_t k = strlen(buf);
  va_list ap;
  va_start(ap, fmt);
  if (k < cap)
    vsnprintf(buf + k, cap - k, fmt, ap);
  va_end(ap);
}

static void render_alt(const struct dyad_lexicon *lex, uint32_t alt, char *buf,
                       size_t cap, int depth) {
  const struct lex_alt *a = &VEC_AT(&lex->alts, struct lex_alt, alt);
  if (a->name != LEX_NONE && depth > 0) {
    cat(buf, cap, "&%s", Dyad_lex_cstr(lex, a->name));
    return;
  }
  cat(buf, cap, "{");
  for (uint32_t o = 0; o < a->nopts; o++) {
    const struct lex_altopt *op =
        &VEC_AT(&lex->alt_opts, struct lex_altopt, a->opts + o);
    if (o)
      cat(buf, cap, " | ");
    render_seq(lex, op->els, op->nels, buf, cap, depth + 1);
  }
  cat(buf, cap, "}");
}

static void render_seq(const struct dyad_lexicon *lex, uint32_t els, uint32_t n,
                       char *buf, size_t cap, int depth) {
  for (uint32_t i = 0; i < n; i++) {
    const struct lex_pel *e = &VEC_AT(&lex->pels, struct lex_pel, els + i);
    switch (e->type) {
    case PE_WORD:
      cat(buf, cap, "%s%s", Dyad_lex_cstr(lex, e->str), e->exact ? "=" : "");
      break;
    case PE_VERB:
      cat(buf, cap, "*");
      break;
    case PE_SOURCE:
      cat(buf, cap, "$");
      break;
    case PE_TARGET:
      cat(buf, cap, "+");
      break;
    case PE_COMPOUND:
      cat(buf, cap, "%%");
      break;
    case PE_SKIP:
      cat(buf, cap, "^");
      break;
    case PE_ATTRIB:
      cat(buf, cap, "@");
      break;
    case PE_ALT:
      render_alt(lex, e->arg, buf, cap, depth + 1);
      break;
    default:
      cat(buf, cap, "?");
    }
    if (i + 1 < n)
      cat(buf, cap, "%s", e->conn == PC_NEXT ? "_" : " ");
  }
}

/* The pattern from `file` (suffix) at the line containing `needle`. */
static const struct lex_pattern *pattern_at(const struct dyad_lexicon *lex,
                                            const char *file,
                                            const char *needle) {
  unsigned line = line_of(fx(file), needle);
  for (size_t i = 0; i < lex->patterns.len; i++) {
    const struct lex_pattern *p =
        &VEC_AT(&lex->patterns, struct lex_pattern, i);
    if (p->src.line == line &&
        ends_with(VEC_AT(&lex->files, char *, p->src.file), file))
      return p;
  }
  return NULL;
}

static const char *render_pattern(const struct dyad_lexicon *lex,
                                  const struct lex_pattern *p) {
  static char buf[1024];
  buf[0] = '\0';
  if (!p)
    return "(no pattern)";
  render_seq(lex, p->els, p->nels, buf, sizeof buf, 0);
  return buf;
}

static const char *render_synset(const struct dyad_lexicon *lex,
                                 const char *name) {
  static char buf[1024];
  buf[0] = '\0';
  for (size_t i = 0; i < lex->alts.len; i++) {
    const struct lex_alt *a = &VEC_AT(&lex->alts, struct lex_alt, i);
    if (a->name != LEX_NONE && strcmp(Dyad_lex_cstr(lex, a->name), name) == 0) {
      render_alt(lex, (uint32_t)i, buf, sizeof buf, 0);
      return buf;
    }
  }
  return "(no set)";
}

static const struct lex_block *block_named(const struct dyad_lexicon *lex,
                                           const char *name) {
  for (size_t i = 0; i < lex->blocks.len; i++) {
    const struct lex_block *b = &VEC_AT(&lex->blocks, struct lex_block, i);
    if (strcmp(Dyad_lex_cstr(lex, b->name), name) == 0)
      return b;
  }
  return NULL;
}

static bool verb_exc_present(void) {
  FILE *f = fopen("/usr/share/wordnet/verb.exc", "r");
  if (f)
    fclose(f);
  return f != NULL;
}

/* ---- API ------------------------------------------------------------------
 */

static void test_api(struct runner *r) {
  CASE(r, "api arguments");
  dyad_lexicon *lex = (dyad_lexicon *)1;
  dyad_error e;
  const char *paths[1] = {fx("actors.txt")};
  CHECK_INT(r, dyad_lexicon_load(paths, 0, NULL, &lex, &e), DYAD_ERR_ARG);
  CHECK(r, lex == NULL);
  CHECK_INT(r, dyad_lexicon_load(NULL, 1, NULL, &lex, NULL), DYAD_ERR_ARG);
  CHECK_INT(r, dyad_lexicon_load(paths, 1, NULL, NULL, &e), DYAD_ERR_ARG);
  const char *nul[1] = {NULL};
  CHECK_INT(r, dyad_lexicon_load(nul, 1, NULL, &lex, &e), DYAD_ERR_ARG);
  dyad_lexicon_free(NULL);
  CHECK_INT(r, dyad_lexicon_diag_count(NULL), 0);
  CHECK(r, dyad_lexicon_diag(NULL, 0) == NULL);

  CASE(r, "missing path");
  const char *none[1] = {fx("no_such_file.txt")};
  CHECK_INT(r, dyad_lexicon_load(none, 1, NULL, &lex, &e), DYAD_ERR_IO);
  CHECK(r, lex == NULL);
  CHECK(r, strstr(e.source, "no_such_file.txt") != NULL);

  CASE(r, "unrecognised file");
  const char *empty[1] = {fx("empty.dat")};
  CHECK_INT(r, dyad_lexicon_load(empty, 1, NULL, &lex, &e), DYAD_ERR_FORMAT);
  CHECK(r, strstr(e.source, "empty.dat") != NULL);

  CASE(r, "kind from content");
  lex = load(r, fx("ruritania.dat"));
  if (lex) {
    CHECK_STR(r, actor_code(lex, "RURITANIAN", 0), "RUR");
    dyad_lexicon_stats s;
    dyad_lexicon_get_stats(lex, &s);
    CHECK_INT(r, s.actors, 1);
    CHECK_INT(r, s.actor_phrases, 2);
    CHECK_INT(r, dyad_lexicon_diag_count(lex), 0);
    CHECK(r, dyad_lexicon_diag(lex, 0) == NULL);
  }
  dyad_lexicon_free(lex);

  CASE(r, "several paths");
  const char *two[2] = {fx("actors2.txt"), fx("ruritania.dat")};
  lex = NULL;
  CHECK_INT(r, dyad_lexicon_load(two, 2, NULL, &lex, &e), DYAD_OK);
  if (lex) {
    CHECK_STR(r, actor_code(lex, "ELBONIA", 0), "ELB");
    CHECK_STR(r, actor_code(lex, "RURITANIA", 0), "RUR");
  }
  dyad_lexicon_free(lex);

  CASE(r, "verb exceptions file named but missing");
  dyad_lexicon_options o = {0};
  o.verb_exceptions = fx("no_such.exc");
  const char *vp[1] = {fx("verbs_p2.txt")};
  lex = NULL;
  CHECK_INT(r, dyad_lexicon_load(vp, 1, &o, &lex, &e), DYAD_ERR_IO);
  CHECK(r, strstr(e.source, "no_such.exc") != NULL);
  CHECK(r, lex == NULL);
}

static void test_default_dict(struct runner *r) {
  CASE(r, "default dictionary");
  const char *old = getenv("DYAD_DICT");
  char *save = old ? strdup(old) : NULL;
  unsetenv("DYAD_DICT");
  const char *d = dyad_default_dict();
  CHECK(r, d != NULL && strlen(d) > 0);
  CHECK(r, ends_with(d, ".ini"));
  setenv("DYAD_DICT", "/tmp/elsewhere.ini", 1);
  CHECK_STR(r, dyad_default_dict(), "/tmp/elsewhere.ini");
  if (save) {
    setenv("DYAD_DICT", save, 1);
    free(save);
  } else {
    unsetenv("DYAD_DICT");
  }
}

/* ---- PETRARCH -------------------------------------------------------------
 */

static void test_petrarch_actors(struct runner *r,
                                 const struct dyad_lexicon *lex) {
  CASE(r, "petrarch actors: phrases and synonyms");
  CHECK_STR(r, actor_code(lex, "FREEDONIA", 0), "FRD");
  CHECK_STR(r, actor_code(lex, "FREEDONIAN", 0), "FRD");
  CHECK_STR(r, actor_code(lex, "REPUBLIC OF FREEDONIA", 0), "FRD");
  CHECK_STR(r, actor_code(lex, "GRAND FENWICK", 0), "FRD");
  CHECK_STR(r, actor_code(lex, "SYLVANIAN", 0), "SYL");
  /* no date: today's, so the open range [FRDELI >19340101] holds */
  CHECK_STR(r, actor_code(lex, "PRESIDENT FIREFLY", 0), "FRDELI");
  CHECK_STR(r, actor_code(lex, "MARX BROTHERS", 0), "---");
  CHECK_STR(r, actor_code(lex, "DUCK SOUP ISLANDS", 0), "FRD/SYL");
  CHECK_STR(r, actor_code(lex, "AL KABOOM", 0), "IMGKBM");
  CHECK_STR(r, actor_code(lex, "UNO", 0), "IGOUNO");
  CHECK_STR(r, actor_code(lex, "ELBONIAN", 0), "ELB"); /* list, 2nd line */

  CASE(r, "petrarch actors: plurals and exact phrases");
  const struct lex_hit *h = hit_of(lex, "FREEDONIANS", LK_ACTOR, 0);
  CHECK(r, h && (h->flags & LH_PLURAL));
  h = hit_of(lex, "FREEDONIAN", LK_ACTOR, 0);
  CHECK(r, h && !(h->flags & LH_PLURAL) && h->nwords == 1);
  h = hit_of(lex, "GRAND FENWICK", LK_ACTOR, 0);
  CHECK(r, h && (h->flags & LH_EXACT) && h->nwords == 2);
  CHECK(r, hit_of(lex, "GRAND FENWICKS", LK_ACTOR, 0) == NULL);
  CHECK(r, hit_of(lex, "SYLVANIAS", LK_ACTOR, 0) == NULL);
  CHECK(r, hit_of(lex, "ELBONIANS", LK_ACTOR, 0) == NULL);
  h = hit_of(lex, "FREEDONIA", LK_ACTOR, 0);
  if (h) {
    const struct lex_actor *a = &VEC_AT(&lex->actors, struct lex_actor, h->ref);
    CHECK_STR(r, Dyad_lex_cstr(lex, a->name), "FREEDONIA");
    CHECK(r, ends_with(VEC_AT(&lex->files, char *, a->src.file), "actors.txt"));
    CHECK_INT(r, a->src.line, line_of(fx("actors.txt"), "FREEDONIA  [FRD]"));
  }

  CASE(r, "petrarch actors: date codes (inclusive ranges)");
  /* [FRDGOV 19330101-19331231] [FRDELI >19340101] [FRDOPP < 321231]
   * [FRDCIV] */
  CHECK_STR(r, actor_code(lex, "RUFUS FIREFLY", 19330101), "FRDGOV");
  CHECK_STR(r, actor_code(lex, "RUFUS FIREFLY", 19330615), "FRDGOV");
  CHECK_STR(r, actor_code(lex, "RUFUS FIREFLY", 19331231), "FRDGOV");
  CHECK_STR(r, actor_code(lex, "RUFUS FIREFLY", 19340101), "FRDELI");
  CHECK_STR(r, actor_code(lex, "RUFUS FIREFLY", 20200101), "FRDELI");
  CHECK_STR(r, actor_code(lex, "RUFUS FIREFLY", 19321231), "FRDOPP");
  CHECK_STR(r, actor_code(lex, "RUFUS FIREFLY", 19000101), "FRDOPP");
  CHECK_STR(r, actor_code(lex, "RUFUS FIREFLY", 0), "FRDELI");
  CHECK_STR(r, actor_code(lex, "TRENTINO", 0), "SYLELI"); /* no open range */
  /* inline forms [SYLGOV 330101 - 331115] [SYLELI] */
  CHECK_STR(r, actor_code(lex, "TRENTINO", 19330101), "SYLGOV");
  CHECK_STR(r, actor_code(lex, "TRENTINO", 19331115), "SYLGOV");
  CHECK_STR(r, actor_code(lex, "TRENTINO", 19331116), "SYLELI");
  CHECK_STR(r, actor_code(lex, "TRENTINO", 19321231), "SYLELI");
  CHECK_STR(r, actor_code(lex, "TRENTINO", 0), "SYLELI");
  h = hit_of(lex, "RUFUS FIREFLY", LK_ACTOR, 0);
  if (h) {
    const struct lex_actor *a = &VEC_AT(&lex->actors, struct lex_actor, h->ref);
    CHECK_INT(r, a->ncodes, 4);
    const struct lex_datecode *d =
        &VEC_AT(&lex->datecodes, struct lex_datecode, a->codes);
    CHECK_INT(r, d[0].from, 19330101);
    CHECK_INT(r, d[0].to, 19331231);
    CHECK_INT(r, d[1].from, 19340101);
    CHECK_INT(r, d[1].to, 99999999);
    CHECK_INT(r, d[2].from, 0);
    CHECK_INT(r, d[2].to, 19321231);
    CHECK_INT(r, d[3].from, 0);
    CHECK_INT(r, d[3].to, 99999999);
  }
}

static void test_petrarch_agents(struct runner *r,
                                 const struct dyad_lexicon *lex) {
  CASE(r, "petrarch agents");
  const struct lex_agent *a = agent_of(lex, "FOREIGN MINISTER");
  CHECK(r, a && !a->suffix);
  if (a)
    CHECK_STR(r, str(lex, a->code), "GOV");
  a = agent_of(lex, "RELIEF AGENCY");
  CHECK(r, a && a->suffix);
  if (a)
    CHECK_STR(r, str(lex, a->code), "NGO");
  CHECK(r, agent_of(lex, "RELIEF AGENCIES") == a);
  const struct lex_hit *h = hit_of(lex, "FOREIGN MINISTERS", LK_AGENT, 0);
  CHECK(r, h && (h->flags & LH_PLURAL));
  CHECK(r, agent_of(lex, "POLICE") != NULL);
  CHECK(r, agent_of(lex, "POLICES") == NULL); /* {} no plural */
  a = agent_of(lex, "CHIEF JUSTICE");
  CHECK(r, a && agent_of(lex, "CHIEFS JUSTICE") == a);
  CHECK(r, agent_of(lex, "CHIEF JUSTICES") == NULL);
  CHECK(r, agent_of(lex, "DEPUTIES") != NULL);
  CHECK(r, agent_of(lex, "WITNESSES") != NULL);
  CHECK(r, agent_of(lex, "ENVOYS") != NULL);
  CHECK(r, agent_of(lex, "JUNTAS") != NULL);
  a = agent_of(lex, "BORDER OFFICER");
  CHECK(r, a != NULL);
  CHECK(r, agent_of(lex, "BORDER OFFICERS") == a);
  CHECK(r, agent_of(lex, "BORDER OFFICIAL") == a);
  CHECK(r, agent_of(lex, "BORDER OFFICIALS") == NULL); /* no plural */
  if (a)
    CHECK_STR(r, str(lex, a->name), "BORDER_!OFFICER!");
  h = hit_of(lex, "TOP DIPLOMAT", LK_AGENT, 0);
  CHECK(r, h && (h->flags & LH_EXACT));
  CHECK(r, agent_of(lex, "TOP DIPLOMATS") == NULL);
  CHECK_INT(r, lex->agents.len, 10);
}

static void test_petrarch_verbs(struct runner *r,
                                const struct dyad_lexicon *lex) {
  CASE(r, "petrarch-1 verbs: blocks and forms");
  const struct lex_block *b = block_named(lex, "DELIVER");
  CHECK(r, b != NULL);
  if (b)
    CHECK_STR(r, str(lex, b->code), "070");
  const char *forms[] = {
      "DELIVER",     "DELIVERS", "DELIVERED",   "DELIVERING", "SEND",
      "SENDS",       "SENT",     "SENDING",     "HAND OVER",  "HANDS OVER",
      "HANDED OVER", "AIR DROP", "AIR DROPPED", "MEET",       "MET",
      "MEETS",       "SCOF AT",  "SCOFFED AT"};
  for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
    if (!vform_of(lex, forms[i], LK_VERB)) {
      r->checks++;
      r->failed++;
      fprintf(stderr, "FAIL %s: no verb form \"%s\"\n", r->name, forms[i]);
    }
  }
  const struct lex_vform *v = vform_of(lex, "SENT", LK_VERB);
  CHECK(r, v && v->form == (VF_ED | VF_EN));
  v = vform_of(lex, "SENDS", LK_VERB);
  CHECK(r, v && v->form == VF_S);
  v = vform_of(lex, "SENDING", LK_VERB);
  CHECK(r, v && v->form == VF_ING);
  v = vform_of(lex, "DELIVER", LK_VERB);
  CHECK(r, v && v->form == VF_BASE);
  CHECK(r, vform_of(lex, "SENDED", LK_VERB) == NULL);
  v = vform_of(lex, "HANDED OVER", LK_VERB);
  CHECK(r, v && v->head == 0 && v->nwords == 2);
  v = vform_of(lex, "AIR DROPPED", LK_VERB);
  CHECK(r, v && v->head == 1 && v->nwords == 2);
  CHECK(r, vform_of(lex, "AIRS DROP", LK_VERB) == NULL);
  const struct lex_verb *lv = verb_of(lex, "AIR DROPPING", LK_VERB);
  CHECK(r, lv != NULL);
  if (lv) {
    CHECK_STR(r, str(lex, lv->code), "071");
    CHECK_STR(r, str(lex, lv->lemma), "AIR DROP");
    CHECK_STR(r,
              str(lex, Dyad_lex_verb_code(
                           lex, (uint32_t)(lv - (const struct lex_verb *)
                                                    lex->verbs.data))),
              "071");
  }
  lv = verb_of(lex, "DELIVERED", LK_VERB);
  CHECK(r, lv && lv->code == LEX_NONE);
  if (lv)
    CHECK_STR(r,
              str(lex, Dyad_lex_verb_code(
                           lex, (uint32_t)(lv - (const struct lex_verb *)
                                                    lex->verbs.data))),
              "070");
  lv = verb_of(lex, "SUPPLIES", LK_VERB);
  CHECK(r, lv && lv->code == lex->str_null);
  lv = verb_of(lex, "CONVEYED", LK_VERB);
  CHECK(r, lv && lv->flags == PF_DOMINANT && lv->code2 == LEX_NONE);
  if (lv)
    CHECK_STR(r, str(lex, lv->code), "072");
  lv = verb_of(lex, "SCOFFED AT", LK_VERB);
  if (lv)
    CHECK_STR(r, str(lex, lv->code), "041");

  CASE(r, "verb inflections from WordNet");
  if (!verb_exc_present()) {
    SKIP(r, "/usr/share/wordnet/verb.exc not found (package wordnet-base)");
  } else {
    v = vform_of(lex, "GAVE", LK_VERB);
    CHECK(r, v && (v->form & VF_ED));
    CHECK(r, vform_of(lex, "GIVEN", LK_VERB) != NULL);
    CHECK(r, vform_of(lex, "GIVES", LK_VERB) != NULL);
    CHECK(r, vform_of(lex, "GIVING", LK_VERB) != NULL);
    CHECK(r, vform_of(lex, "GIVED", LK_VERB) == NULL);
  }

  CASE(r, "petrarch-1 synonym sets");
  CHECK_STR(r, render_synset(lex, "CARGO"),
            "{GRAIN | MEDICAL_SUPPLIES | &LATECARGO | RELIEF_GOODS=}");
  CHECK_STR(r, render_synset(lex, "ENVOYS"), "{ENVOY= | PEACE_MEDIATOR=}");
  CHECK_STR(r, render_synset(lex, "LATECARGO"), "{FUEL | SPARE_PARTS}");
  CHECK_STR(r, render_synset(lex, "AIDWORDS"), "{AID | ASSISTANCE | &CARGO}");

  CASE(r, "petrarch-1 patterns");
  struct {
    const char *needle, *want, *code, *code2;
    uint32_t flags, length;
  } pats[] = {
      {"- * &CARGO TO +", "* &CARGO TO +", "073", NULL, 0, 2},
      {"- $ * AID_TO +", "$ * AID=_TO +", "074", "075", 0, 5},
      {"- * { FOOD", "* {FOOD | WATER | &AIDWORDS}", "076", NULL,
       PF_SUBORDINATE, 0},
      {"- * { ARMS", "* {ARMS | {HEAVY | LIGHT} WEAPONS}", "077", NULL, 0, 0},
      {"- ^ % *_TROOPS", "^ % *_TROOPS", "078", NULL, 0, 6},
      {"- * &ENVOYS_ABROAD", "* &ENVOYS_ABROAD", "079", NULL, 0, 6},
      {"- @ * REPORTS", "@ * REPORTS", "X1", NULL, 0, 7},
      {"- * NOTHING", "* NOTHING", "###", NULL, 0, 7},
      {"- * SOMETHING", "* SOMETHING", "+++", NULL, 0, 9},
      {"- * EVERYTHING", "* EVERYTHING", "---", NULL, 0, 10},
      {"- IN_ *", "IN= *", "075A", NULL, 0, 2},
      {"- RECENT~_*", "RECENT_*", "abc", NULL, 0, 6},
      {"- * EXACT_ WORD=", "* EXACT= WORD=", "070", NULL, 0, 9},
      {"- % * [041:041]", "% *", "041", "041", 0, 0},
  };
  for (size_t i = 0; i < sizeof pats / sizeof pats[0]; i++) {
    const struct lex_pattern *p =
        pattern_at(lex, "verbs_p1.txt", pats[i].needle);
    CHECK(r, p != NULL);
    if (!p)
      continue;
    CHECK_STR(r, render_pattern(lex, p), pats[i].want);
    CHECK_STR(r, str(lex, p->code), pats[i].code);
    CHECK_STR(r, str(lex, p->code2), pats[i].code2 ? pats[i].code2 : "(none)");
    CHECK_INT(r, p->flags, pats[i].flags);
    CHECK_INT(r, p->length, pats[i].length);
  }

  CASE(r, "patterns sorted longest first per block");
  if (b) {
    CHECK_INT(r, b->npats, 13);
    uint32_t prev = UINT32_MAX;
    for (uint32_t i = 0; i < b->npats; i++) {
      uint32_t pi = VEC_AT(&lex->pat_order, uint32_t, b->pats + i);
      const struct lex_pattern *p =
          &VEC_AT(&lex->patterns, struct lex_pattern, pi);
      CHECK(r, p->length <= prev);
      CHECK_INT(r, p->block,
                (uint32_t)(b - (const struct lex_block *)lex->blocks.data));
      prev = p->length;
    }
    const struct lex_pattern *first =
        &VEC_AT(&lex->patterns, struct lex_pattern,
                VEC_AT(&lex->pat_order, uint32_t, b->pats));
    CHECK_STR(r, render_pattern(lex, first), "* EVERYTHING");
  }
}

static void test_petrarch_rest(struct runner *r,
                               const struct dyad_lexicon *lex) {
  CASE(r, "event nouns");
  const struct lex_vform *v = vform_of(lex, "AIRSTRIKE", LK_EVNOUN);
  CHECK(r, v && v->form == VF_NOUN);
  CHECK(r, vform_of(lex, "AIRSTRIKE", LK_VERB) == NULL);
  const struct lex_hit *h = hit_of(lex, "AIRSTRIKES", LK_EVNOUN, 0);
  CHECK(r, h && (h->flags & LH_PLURAL));
  CHECK(r, vform_of(lex, "AIRSTRIKED", LK_EVNOUN) == NULL);
  CHECK(r, vform_of(lex, "BOMBARDMENTS", LK_EVNOUN) != NULL);
  const struct lex_verb *lv = verb_of(lex, "BOMBARDMENT", LK_EVNOUN);
  if (lv)
    CHECK_STR(r, str(lex, lv->code), "1951");
  CHECK(r, vform_of(lex, "CRISES", LK_EVNOUN) != NULL);
  CHECK(r, vform_of(lex, "CRISISES", LK_EVNOUN) == NULL);
  CHECK(r, vform_of(lex, "SHELLING", LK_EVNOUN) != NULL);
  CHECK(r, vform_of(lex, "SHELLINGS", LK_EVNOUN) == NULL);
  v = vform_of(lex, "MILITARY OPERATIONS ZONE", LK_EVNOUN);
  CHECK(r, v && v->head == 1 && v->nwords == 3);
  v = vform_of(lex, "AIR RAIDS", LK_EVNOUN);
  CHECK(r, v && v->head == 1);
  const struct lex_pattern *p = pattern_at(lex, "nouns.txt", "- * ON +");
  CHECK(r, p && (p->flags & PF_NOUN));
  if (p)
    CHECK_STR(r, str(lex, p->code), "1952");

  CASE(r, "discards");
  h = hit_of(lex, "GRAND PRIX", LK_DISCARD, 0);
  CHECK(r, h != NULL);
  if (h)
    CHECK(r, VEC_AT(&lex->discards, struct lex_discard, h->ref).story);
  h = hit_of(lex, "CHESS OLYMPIAD", LK_DISCARD, 0);
  CHECK(r, h != NULL);
  if (h)
    CHECK(r, !VEC_AT(&lex->discards, struct lex_discard, h->ref).story);
  h = hit_of(lex, "WORLD CUP", LK_DISCARD, 0);
  CHECK(r, h && (h->flags & LH_EXACT));

  CASE(r, "issues");
  const char *water[] = {
      "DROUGHT",   "DROUGHTS",   "IRRIGATE",           "IRRIGATES",
      "IRRIGATED", "IRRIGATING", "CROSS BORDER CANAL", "CROSS BORDER CANALS"};
  for (size_t i = 0; i < sizeof water / sizeof water[0]; i++) {
    h = hit_of(lex, water[i], LK_ISSUE, 0);
    CHECK(r, h != NULL);
    if (h)
      CHECK_STR(r,
                str(lex, VEC_AT(&lex->issues, struct lex_issue, h->ref).code),
                i < 6 ? "WATER_SCARCITY" : "WATER_RIGHTS");
  }
  h = hit_of(lex, "WATER POLO", LK_ISSUE, 0);
  CHECK(r,
        h && VEC_AT(&lex->issues, struct lex_issue, h->ref).code == LEX_NONE);
}

static void test_petrarch_config(struct runner *r) {
  CASE(r, "petrarch config (directory -> test.ini)");
  dyad_lexicon *lex = load(r, fx(""));
  if (!lex)
    return;
  CHECK_INT(r, dyad_lexicon_diag_count(lex), 0);
  for (size_t i = 0; i < dyad_lexicon_diag_count(lex); i++) {
    const dyad_error *d = dyad_lexicon_diag(lex, i);
    fprintf(stderr, "  %s:%u: %s\n", d->source, d->line, d->message);
  }
  CHECK(r, lex->petrarch_config);
  CHECK_INT(r, lex->new_actor_length, 4);
  CHECK(r, !lex->require_dyad);
  CHECK(r, !lex->tabari.present);
  dyad_lexicon_stats s;
  dyad_lexicon_get_stats(lex, &s);
  CHECK_INT(r, s.actors, 9);
  CHECK_INT(r, s.verbs, 15);
  CHECK_INT(r, s.synsets, 4);
  CHECK_INT(r, s.discards, 3);
  CHECK_INT(r, s.issues, 4);
  CHECK_INT(r, s.patterns, 15);
  CHECK(r, s.words > 50 && s.bytes > 1000);
  test_petrarch_actors(r, lex);
  test_petrarch_agents(r, lex);
  test_petrarch_verbs(r, lex);
  test_petrarch_rest(r, lex);
  dyad_lexicon_free(lex);

  CASE(r, "config naming a missing file");
  dyad_error e;
  const char *p[1] = {fx("bad/missing.ini")};
  lex = (dyad_lexicon *)1;
  CHECK_INT(r, dyad_lexicon_load(p, 1, NULL, &lex, &e), DYAD_ERR_IO);
  CHECK(r, lex == NULL);
  CHECK(r, strstr(e.source, "no_such_actors.txt") != NULL);
}

static void test_petrarch2_verbs(struct runner *r) {
  CASE(r, "petrarch-2 verbs");
  dyad_lexicon_options o = {0};
  o.strict = true; /* transformations are noted, not errors */
  dyad_lexicon *lex = load_opts(r, fx("verbs_p2.txt"), &o);
  if (!lex)
    return;
  CHECK_INT(r, dyad_lexicon_diag_count(lex), 1);
  CHECK_DIAG(r, lex, "verbs_p2.txt", "~ a (a b ATTACK)",
             "3 transformation rules not supported");
  struct {
    const char *needle, *want, *code, *code2;
    uint32_t length;
  } pats[] = {
      {"- * &WEAPONRY", "* &WEAPONRY", "072", NULL, 0},
      {"- * {MILITARY AID}", "* MILITARY_AID", "072", NULL, 11},
      {"- * (TO REBELS)", "* TO REBELS", "1823", NULL, 8},
      {"- POLICE *", "POLICE * TO BORDER_AREA", "154", NULL, 18},
      {"- * (BY/WITH", "* {BY | WITH} SANCTIONS", "163", NULL, 9},
      {"- * (BEFORE COURT)", "* BEFORE COURT", "", "173", 11},
  };
  for (size_t i = 0; i < sizeof pats / sizeof pats[0]; i++) {
    const struct lex_pattern *p =
        pattern_at(lex, "verbs_p2.txt", pats[i].needle);
    CHECK(r, p != NULL);
    if (!p)
      continue;
    CHECK_STR(r, render_pattern(lex, p), pats[i].want);
    CHECK_STR(r, str(lex, p->code), pats[i].code);
    CHECK_STR(r, str(lex, p->code2), pats[i].code2 ? pats[i].code2 : "(none)");
    CHECK_INT(r, p->length, pats[i].length);
  }
  CHECK_STR(r, render_synset(lex, "WEAPONRY"), "{RIFLE | ROCKET_LAUNCHER}");
  CHECK(r, vform_of(lex, "FURNISHED", LK_VERB) != NULL);
  const struct lex_vform *v = vform_of(lex, "SHIPPED OUT", LK_VERB);
  CHECK(r, v && v->head == 0);
  /* "+ANGERED_BY {}": the form as written only */
  const struct lex_verb *lv = verb_of(lex, "ANGERED BY", LK_VERB);
  CHECK(r, lv != NULL);
  size_t nforms = 0;
  for (size_t i = 0; lv && i < lex->vforms.len; i++)
    if (&VEC_AT(&lex->verbs, struct lex_verb,
                VEC_AT(&lex->vforms, struct lex_vform, i).verb) == lv)
      nforms++;
  CHECK_INT(r, nforms, 1);
  dyad_lexicon_free(lex);
}

/* ---- TABARI -----------------------------------------------------------------
 */

static void test_tabari(struct runner *r) {
  CASE(r, "tabari project (directory -> t.project)");
  dyad_lexicon *lex = load(r, fx("tabari"));
  if (!lex)
    return;
  CHECK_INT(r, dyad_lexicon_diag_count(lex), 1);
  CHECK_DIAG(r, lex, "tabari/t.project", "<issuesfile>", "not supported");
  CHECK(r, !lex->petrarch_config);

  CASE(r, "tabari actors");
  CHECK_STR(r, actor_code(lex, "OSTERLICH", 0), "OST");
  CHECK_STR(r, actor_code(lex, "LATVERIA", 0), "LAT/OST");
  CHECK_STR(r, actor_code(lex, "ZENDA", 0), "ZEN"); /* repeated tag */
  CHECK_STR(r, actor_code(lex, "BUG PLANET", 0), "KLNREB");
  CHECK_STR(r, actor_code(lex, "KLENDATHU", 19950601), "KLN");
  CHECK_STR(r, actor_code(lex, "KLENDATHU", 19950602), "KLNGOV");
  CHECK_STR(r, actor_code(lex, "KLENDATHU", 19990815), "KLNGOV");
  CHECK_STR(r, actor_code(lex, "KLENDATHU", 19990816), "KLNREB");
  CHECK_STR(r, actor_code(lex, "MADRIPOOR", 19890101), "###");
  CHECK_STR(r, actor_code(lex, "MADRIPOOR", 19890102), "MAD");
  CHECK_STR(r, actor_code(lex, "GENOSHA", 0), "+++");
  CHECK_STR(r, actor_code(lex, "MUMMUDRAI", 0), "---");
  const struct lex_hit *h = hit_of(lex, "WAKANDA", LK_ACTOR, 0);
  CHECK(r, h && (h->flags & LH_EXACT));
  CHECK(r, hit_of(lex, "WAKANDAS", LK_ACTOR, 0) == NULL);
  CHECK(r, hit_of(lex, "LATVERIAS", LK_ACTOR, 0) == NULL);
  CHECK(r, hit_of(lex, "OSTERLICHES", LK_ACTOR, 0) != NULL);
  CHECK(r, hit_of(lex, "NOT READ", LK_ACTOR, 0) == NULL); /* after ~~FINISH */
  CHECK(r, hit_of(lex, "WIDGETS", LK_NOUN, 0) != NULL);
  h = hit_of(lex, "GIZMO", LK_NOUN, 0);
  CHECK(r, h && (h->flags & LH_EXACT));
  CHECK(r, hit_of(lex, "SHINY", LK_ADJ, 0) != NULL);
  CHECK(r, hit_of(lex, "SHINY", LK_ACTOR, 0) == NULL);

  CASE(r, "tabari agents");
  const struct lex_agent *a = agent_of(lex, "MINISTER");
  CHECK(r, a && !a->suffix);
  if (a)
    CHECK_STR(r, str(lex, a->code), "GOV");
  CHECK(r, agent_of(lex, "MINISTERS") == NULL);
  a = agent_of(lex, "RELIEF AGENCY");
  CHECK(r, a && a->suffix);
  CHECK(r, agent_of(lex, "SOLDIERS") != NULL);
  CHECK(r, agent_of(lex, "NOT READ") == NULL);

  CASE(r, "tabari options");
  const struct lex_tabari_opts *t = &lex->tabari;
  CHECK(r, t->present);
  CHECK_INT(r, t->complex_verbs, 5);
  CHECK_INT(r, t->complex_actors, 7);
  CHECK_INT(r, t->complex_conj, 4);
  CHECK_INT(r, t->complex_pronouns, 3);
  CHECK_INT(r, t->complex_comma, 2);
  CHECK(r, t->noactprior);
  CHECK_INT(r, t->code_by, 1);
  CHECK_INT(r, t->min_words, 5);
  CHECK(r, t->yyyy);
  CHECK(r, t->time_shift);
  CHECK(r, !t->convert_agents);
  CHECK_INT(r, t->comma_min, 2);
  CHECK_INT(r, t->comma_max, 9);
  CHECK_INT(r, t->comma_bmin, 1);
  CHECK_INT(r, t->comma_bmax, 3);
  CHECK_INT(r, t->comma_emin, 2);
  CHECK_INT(r, t->comma_emax, 8);
  CHECK(r, !t->comma_off);
  CHECK_STR(r, str(lex, t->default_source), "FRD");
  CHECK_STR(r, str(lex, t->default_target), "SYL");
  CHECK(r, t->default_prior);
  CHECK(r, t->default_after);
  CHECK_STR(r, t->forward, "^^^ OFF");

  CASE(r, "tabari verbs: roots and forms");
  const struct lex_block *b = block_named(lex, "SHIP");
  CHECK(r, b != NULL);
  if (b)
    CHECK_STR(r, str(lex, b->code), "070");
  const char *ship[] = {"SHIP", "SHIPS", "SHIPPED", "SHIPPING", "SHIPT"};
  for (size_t i = 0; i < 5; i++)
    CHECK(r, vform_of(lex, ship[i], LK_VERB) != NULL);
  const struct lex_vform *v = vform_of(lex, "SHIPPED", LK_VERB);
  CHECK(r, v && (v->form & VF_ED));
  CHECK(r, hit_of(lex, "SHIPPED", LK_VERB, 1) == NULL); /* merged */
  const struct lex_verb *lv = verb_of(lex, "SHIPT", LK_VERB);
  CHECK(r, lv && lv->code == LEX_NONE);
  b = block_named(lex, "TRADE=");
  CHECK(r, b != NULL);
  if (b) {
    CHECK_STR(r, str(lex, b->code), "061");
    CHECK_STR(r, str(lex, b->code2), "062");
  }
  h = hit_of(lex, "TRADE", LK_VERB, 0);
  CHECK(r, h && (h->flags & LH_EXACT));
  CHECK(r, hit_of(lex, "TRADES", LK_VERB, 0) == NULL);
  h = hit_of(lex, "PROMISED", LK_VERB, 0);
  CHECK(r, h && (h->flags & LH_EXACT));
  v = vform_of(lex, "CALLED ON", LK_VERB);
  CHECK(r, v && v->head == 0 && v->nwords == 2);
  CHECK(r, vform_of(lex, "GARBAGE", LK_VERB) == NULL);

  CASE(r, "tabari time words");
  h = hit_of(lex, "NEXT FORTNIGHT", LK_TIME, 0);
  CHECK(r, h != NULL);
  if (h)
    CHECK_INT(r, VEC_AT(&lex->times, struct lex_time, h->ref).shift, 14);
  h = hit_of(lex, "EONS AGO", LK_TIME, 0);
  if (h)
    CHECK_STR(r, str(lex, VEC_AT(&lex->times, struct lex_time, h->ref).code),
              "###");
  h = hit_of(lex, "SOMEDAY", LK_TIME, 0);
  CHECK(r, h != NULL);
  if (h) {
    const struct lex_time *tm = &VEC_AT(&lex->times, struct lex_time, h->ref);
    CHECK_STR(r, str(lex, tm->code), "---");
    const struct lex_block *tb =
        &VEC_AT(&lex->blocks, struct lex_block, tm->block);
    CHECK_INT(r, tb->npats, 1);
    if (tb->npats) {
      const struct lex_pattern *p =
          &VEC_AT(&lex->patterns, struct lex_pattern,
                  VEC_AT(&lex->pat_order, uint32_t, tb->pats));
      CHECK_STR(r, render_pattern(lex, p), "* AND=_ANOTHER DAY");
      CHECK_STR(r, str(lex, p->code), "+15");
    }
  }

  CASE(r, "tabari synonym sets and patterns");
  CHECK_STR(r, render_synset(lex, "GADGETS"),
            "{WIDGET | SPROCKET WHEEL | &GIZMOS_SET}");
  CHECK_STR(r, render_synset(lex, "GIZMOS"), "{GIZMO | DOOHICKEY=_$}");
  struct {
    const char *needle, *want, *code;
    uint32_t flags;
  } pats[] = {
      {"- * &GADGETS_TO +", "* &GADGETS_TO +", "072", 0},
      {"- $ * { ARMS", "$ * {ARMS | FOOD AID | &GIZMOS} TO= +", "073",
       PF_DOMINANT},
      {"- REFUSED_TO_*", "REFUSED=_TO=_*", "---", 0},
      {"- % *_AGREEMENT", "% *_AGREEMENT", "062", 0},
      {"- ^ * WITH +", "^ * WITH +", "063", PF_SUBORDINATE},
      {"- * THE_NEAT~_PLACE", "* THE=_NEAT_PLACE", "abc", 0},
      {"- SDF * S", "SDF * S", "075A", 0},
  };
  for (size_t i = 0; i < sizeof pats / sizeof pats[0]; i++) {
    const struct lex_pattern *p =
        pattern_at(lex, "tabari/t.verbs", pats[i].needle);
    CHECK(r, p != NULL);
    if (!p)
      continue;
    CHECK_STR(r, render_pattern(lex, p), pats[i].want);
    CHECK_STR(r, str(lex, p->code), pats[i].code);
    CHECK_INT(r, p->flags, pats[i].flags);
  }
  dyad_lexicon_free(lex);

  CASE(r, "tabari options alone");
  lex = load(r, fx("tabari/t.options"));
  if (lex) {
    CHECK(r, lex->tabari.present);
    CHECK_INT(r, lex->tabari.complex_verbs, 5); /* the line after ~ unread */
  }
  dyad_lexicon_free(lex);
}

/* ---- malformed entries ------------------------------------------------------
 */

static void test_malformed(struct runner *r) {
  CASE(r, "malformed actors");
  dyad_lexicon *lex = load(r, fx("bad/actors_bad.txt"));
  if (lex) {
    const char *f = "bad/actors_bad.txt";
    CHECK_DIAG(r, lex, f, "+STRAY_SYNONYM", "without an actor");
    CHECK_DIAG(r, lex, f, "[STR]", "codes without an actor");
    CHECK_DIAG(r, lex, f, "PARTY_OF_NONE", "has no code");
    CHECK_DIAG(r, lex, f, "BAD_DATE", "malformed date restriction");
    CHECK_DIAG(r, lex, f, "REVERSED", "malformed date restriction");
    CHECK_DIAG(r, lex, f, "SINGLE_DATE", "malformed date restriction");
    CHECK_DIAG(r, lex, f, "NO_BRACKET", "missing ']'");
    CHECK_DIAG(r, lex, f, "BAD_CODE", "malformed actor code");
    CHECK_DIAG(r, lex, f, "TRAILING", "after codes");
    CHECK_INT(r, dyad_lexicon_diag_count(lex), 9);
    CHECK_STR(r, actor_code(lex, "GOOD ONE", 0), "GD1");
    CHECK_STR(r, actor_code(lex, "LAST ONE", 0), "LST");
    CHECK_STR(r, actor_code(lex, "BAD DATE", 20200101), "BDT");
    CHECK(r, hit_of(lex, "PARTY OF NONE", LK_ACTOR, 0) == NULL);
    CHECK(r, hit_of(lex, "STRAY SYNONYM", LK_ACTOR, 0) == NULL);
    const dyad_error *d = dyad_lexicon_diag(lex, 0);
    CHECK_INT(r, d->code, DYAD_ERR_PARSE);
  }
  dyad_lexicon_free(lex);

  CASE(r, "malformed agents");
  lex = load(r, fx("bad/agents_bad.txt"));
  if (lex) {
    const char *f = "bad/agents_bad.txt";
    CHECK_DIAG(r, lex, f, "NO_CODE_HERE", "has no code");
    CHECK_DIAG(r, lex, f, "NO_TILDE", "needs a '~'");
    CHECK_DIAG(r, lex, f, "!NOPE!", "!NOPE! is not defined");
    CHECK_DIAG(r, lex, f, "UNCLOSED", "missing '}'");
    CHECK_DIAG(r, lex, f, "MISSING", "missing ']'");
    CHECK_DIAG(r, lex, f, "!HALF", "malformed substitution set");
    CHECK_INT(r, dyad_lexicon_diag_count(lex), 6);
    CHECK(r, agent_of(lex, "GOOD AGENT") != NULL);
    CHECK_INT(r, lex->agents.len, 1);
  }
  dyad_lexicon_free(lex);

  CASE(r, "malformed verbs and patterns");
  lex = load(r, fx("bad/verbs_bad.txt"));
  if (lex) {
    const char *f = "bad/verbs_bad.txt";
    CHECK_DIAG(r, lex, f, "ORPHAN", "outside a block");
    CHECK_DIAG(r, lex, f, "RUNAWAY", "outside a block");
    CHECK_DIAG(r, lex, f, "NOCODE", "has no code");
    CHECK_DIAG(r, lex, f, "DOUBLE_DASH", "malformed pattern line");
    CHECK_DIAG(r, lex, f, "TWO * STARS", "more than one '*'");
    CHECK_DIAG(r, lex, f, "NO STAR", "no '*'");
    CHECK_DIAG(r, lex, f, "UNCLOSED | GROUP", "missing '}'");
    CHECK_DIAG(r, lex, f, "UNOPENED", "without a matching '{'");
    CHECK_DIAG(r, lex, f, "NOSUCHSET", "undefined synonym set &NOSUCHSET");
    CHECK_DIAG(r, lex, f, "BADCODE", "malformed code [01$]");
    CHECK_DIAG(r, lex, f, "| EMPTY", "empty alternative");
    CHECK_DIAG(r, lex, f, "BAD_FORMS", "missing '}'");
    CHECK_DIAG(r, lex, f, "SPLIT", "malformed code [01@]");
    CHECK_DIAG(r, lex, f, "{{{{{{{{{", "nested more than 8 deep");
    CHECK_INT(r, dyad_lexicon_diag_count(lex), 14);
    CHECK_INT(r, lex->patterns.len, 1);
    const struct lex_pattern *p = pattern_at(lex, f, "FINE");
    CHECK(r, p != NULL);
    if (p)
      CHECK_STR(r, render_pattern(lex, p), "* FINE");
    CHECK(r, vform_of(lex, "BAD", LK_VERB) != NULL);
    CHECK(r, vform_of(lex, "SPLIT", LK_VERB) == NULL);
  }
  dyad_lexicon_free(lex);

  CASE(r, "synonym set cycles");
  lex = load(r, fx("bad/cycle_verbs.txt"));
  if (lex) {
    CHECK_DIAG(r, lex, "bad/cycle_verbs.txt", "&ALPHA", "refers to itself");
    CHECK_DIAG(r, lex, "bad/cycle_verbs.txt", "&EMPTYSET", "has no members");
    CHECK_STR(r, render_synset(lex, "ALPHA"), "{ONE | &BETA}");
    CHECK_STR(r, render_synset(lex, "BETA"), "{TWO}");
    CHECK_INT(r, lex->patterns.len, 1);
  }
  dyad_lexicon_free(lex);

  CASE(r, "malformed issues");
  lex = load(r, fx("bad/issues_bad.txt"));
  if (lex) {
    const char *f = "bad/issues_bad.txt";
    CHECK_DIAG(r, lex, f, "<ISSUE TYPE", "without a CATEGORY");
    CHECK_DIAG(r, lex, f, "no code here", "has no code");
    CHECK_DIAG(r, lex, f, "bad [code", "malformed issue code");
    CHECK_INT(r, lex->issues.len, 1);
    CHECK(r, hit_of(lex, "GOOD PHRASE", LK_ISSUE, 0) != NULL);
  }
  dyad_lexicon_free(lex);

  CASE(r, "malformed options");
  lex = load(r, fx("bad/bad.options"));
  if (lex) {
    const char *f = "bad/bad.options";
    CHECK_DIAG(r, lex, f, "NONSENSE", "expected \"COMMAND");
    CHECK_DIAG(r, lex, f, "FOO: BAR", "unknown option command");
    CHECK_DIAG(r, lex, f, "VERBS[x]", "unknown COMPLEX option");
    CHECK_DIAG(r, lex, f, "lots", "malformed SET");
    CHECK_INT(r, lex->tabari.complex_verbs, 3);
  }
  dyad_lexicon_free(lex);

  CASE(r, "bytes that are not UTF-8");
  lex = load(r, fx("bad/latin1_actors.txt"));
  if (lex) {
    CHECK_STR(r, actor_code(lex, "CAFE SOCIETY", 0), "CFE");
    CHECK_STR(r, actor_code(lex, "PLAIN", 0), "PLN");
    CHECK_DIAG(r, lex, "bad/latin1_actors.txt", "LINE [BAD]", "byte 0x85");
    unsigned l = line_of(fx("bad/latin1_actors.txt"), "_SOCIETY");
    bool noted = false;
    for (size_t i = 0; i < dyad_lexicon_diag_count(lex); i++) {
      const dyad_error *d = dyad_lexicon_diag(lex, i);
      if (d->line == l && strstr(d->message, "read as Latin-1"))
        noted = true;
    }
    CHECK(r, noted);
  }
  dyad_lexicon_free(lex);
}

static void test_strict(struct runner *r) {
  struct {
    const char *file, *needle, *text;
  } cases[] = {
      {"bad/actors_bad.txt", "+STRAY_SYNONYM", "without an actor"},
      {"bad/agents_bad.txt", "NO_CODE_HERE", "has no code"},
      {"bad/verbs_bad.txt", "ORPHAN", "outside a block"},
      {"bad/cycle_verbs.txt", "&EMPTYSET", "has no members"},
      {"bad/issues_bad.txt", "<ISSUE TYPE", "CATEGORY"},
      {"bad/bad.options", "NONSENSE", "COMMAND"},
      {"bad/latin1_actors.txt", "LINE [BAD]", "byte 0x85"},
  };
  dyad_lexicon_options o = {0};
  o.strict = true;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    CASE(r, cases[i].file);
    dyad_lexicon *lex = (dyad_lexicon *)1;
    dyad_error e;
    const char *p[1] = {fx(cases[i].file)};
    CHECK_INT(r, dyad_lexicon_load(p, 1, &o, &lex, &e), DYAD_ERR_PARSE);
    CHECK(r, lex == NULL);
    CHECK_INT(r, e.code, DYAD_ERR_PARSE);
    CHECK(r, ends_with(e.source, cases[i].file));
    CHECK_INT(r, e.line, line_of(fx(cases[i].file), cases[i].needle));
    CHECK(r, strstr(e.message, cases[i].text) != NULL);
  }
  CASE(r, "strict: clean fixtures load");
  dyad_lexicon *lex = load_opts(r, fx("test.ini"), &o);
  dyad_lexicon_free(lex);
}

/* ---- reference sets
 * ------------------------------------------------------------ */

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static bool exists(const char *p) {
  FILE *f = fopen(p, "r");
  if (f)
    fclose(f);
  return f != NULL;
}

static bool near(size_t got, size_t want, double tol) {
  double g = (double)got, w = (double)want;
  return g >= w * (1 - tol) && g <= w * (1 + tol);
}

static void test_reference(struct runner *r) {
  const char *sh = harness_shared();
  char p[1024];
  CASE(r, "reference: Phoenix set (PETR_config.ini)");
  snprintf(p, sizeof p, "%s/reference/petrarch2/PETR_config.ini", sh ? sh : "");
  if (!sh || !exists(p)) {
    SKIP(r, "../shared/reference/petrarch2 not found");
  } else {
    double t0 = now_ms();
    dyad_lexicon *lex = load(r, p);
    double ms = now_ms() - t0;
    if (lex) {
      dyad_lexicon_stats s;
      dyad_lexicon_get_stats(lex, &s);
      printf("Phoenix set: %.1f ms; %zu actor phrases, %zu actors, %zu "
             "agents, %zu verbs, %zu forms, %zu patterns, %zu synsets, %zu "
             "discards, %zu issues, %zu diagnostics\n",
             ms, s.actor_phrases, s.actors, lex->agents.len, s.verbs,
             s.verb_forms, s.patterns, s.synsets, s.discards, s.issues,
             dyad_lexicon_diag_count(lex));
      /* counted in the files: 25,917 + 7,907 + 1,793 phrases (some are repeats
       * or lack a code), 2,243 agents, CAMEO.2.0.txt 1,817 verb lines,
       * 4,668 patterns (2 use undefined sets), 40 synsets, 506 discards,
       * 2,976 + 181 issue phrases */
      CHECK(r, near(s.actor_phrases, 35617, 0.02));
      CHECK(r, near(s.actors, 27252, 0.01));
      CHECK(r, near(lex->agents.len, 2243, 0.01));
      CHECK_INT(r, s.verbs, 1817);
      CHECK_INT(r, s.patterns, 4666);
      CHECK_INT(r, s.synsets, 40);
      CHECK_INT(r, s.discards, 506);
      CHECK(r, near(s.issues, 2976 + 181, 0.01));
      CHECK(r, dyad_lexicon_diag_count(lex) < 100);
      /* a dated Phoenix actor */
      CHECK(r, hit_of(lex, "AFGHANISTAN", LK_ACTOR, 0) != NULL);
      CHECK_STR(r, actor_code(lex, "AFGHANISTAN", 20100101), "AFG");
    }
    dyad_lexicon_free(lex);
  }

  CASE(r, "reference: PETR.Validate set");
  const char *names[] = {"actors", "agents", "verbs", "discards"};
  const char *vp[4];
  char vb[4][1024];
  bool all = sh != NULL;
  for (int i = 0; i < 4 && all; i++) {
    snprintf(vb[i], sizeof vb[i], "%s/reference/petrarch2/PETR.Validate.%s.txt",
             sh, names[i]);
    vp[i] = vb[i];
    all = exists(vb[i]);
  }
  if (!all) {
    SKIP(r, "PETR.Validate.* not found");
  } else {
    dyad_lexicon *lex = NULL;
    dyad_error e;
    CHECK_INT(r, dyad_lexicon_load(vp, 4, NULL, &lex, &e), DYAD_OK);
    if (lex) {
      dyad_lexicon_stats s;
      dyad_lexicon_get_stats(lex, &s);
      CHECK_INT(r, dyad_lexicon_diag_count(lex), 0);
      CHECK_INT(r, s.actors, 128);
      CHECK_INT(r, lex->agents.len, 88);
      CHECK_INT(r, s.synsets, 17);
      CHECK_INT(r, s.patterns, 474);
      CHECK_INT(r, lex->blocks.len, 261);
      CHECK_INT(r, s.discards, 9);
      CHECK_STR(r, actor_code(lex, "SAM GAMGEE", 20100110), "ORCHOB");
      CHECK_STR(r, actor_code(lex, "SAM GAMGEE", 20080119), "HOBCIV");
      CHECK_STR(r, actor_code(lex, "SAM GAMGEE", 20080120), "HOBCIV");
      CHECK_STR(r, actor_code(lex, "SAM GAMGEE", 20130120), "HOBELI");
    }
    dyad_lexicon_free(lex);
  }

  CASE(r, "reference: TABARI Validate.project");
  snprintf(p, sizeof p, "%s/reference/tabari/Validate.project", sh ? sh : "");
  if (!sh || !exists(p)) {
    SKIP(r, "../shared/reference/tabari not found");
  } else {
    double t0 = now_ms();
    dyad_lexicon *lex = load(r, p);
    double ms = now_ms() - t0;
    if (lex) {
      dyad_lexicon_stats s;
      dyad_lexicon_get_stats(lex, &s);
      printf("TABARI validation set: %.1f ms; %zu actors, %zu verbs, %zu "
             "patterns, %zu agents\n",
             ms, s.actors, s.verbs, s.patterns, lex->agents.len);
      /* counted in the files: 120 actors + 5 synonyms, 8 nouns, 5 adjectives,
       * 131 code blocks; 283 roots, 407 patterns + 2 time-word patterns,
       * 5 synsets with 23 members, 12 TIME lines; 86 agents (81 + 5) */
      CHECK_INT(r, dyad_lexicon_diag_count(lex), 0);
      CHECK_INT(r, s.actors, 120);
      CHECK_INT(r, s.actor_phrases, 125);
      CHECK_INT(r, lex->datecodes.len, 131);
      CHECK_INT(r, s.verbs, 283);
      CHECK_INT(r, s.patterns, 409);
      CHECK_INT(r, s.synsets, 5);
      CHECK_INT(r, lex->times.len, 10);
      CHECK_INT(r, lex->agents.len, 86);
      size_t members = 0;
      for (size_t i = 0; i < lex->alts.len; i++)
        if (VEC_AT(&lex->alts, struct lex_alt, i).name != LEX_NONE)
          members += VEC_AT(&lex->alts, struct lex_alt, i).nopts;
      CHECK_INT(r, members, 23);
      CHECK(r, lex->tabari.present);
      CHECK_INT(r, lex->tabari.complex_verbs, 5);
      CHECK_INT(r, lex->tabari.complex_conj, 4);
      CHECK(r, lex->tabari.noactprior);
      CHECK_STR(r, actor_code(lex, "GOLLUM", 19950531), "HOB");
      CHECK_STR(r, actor_code(lex, "SMEAGOL", 19950601), "HOB");
      CHECK_STR(r, actor_code(lex, "SMEAGOL", 19950602), "HOBGOV");
      CHECK(r, hit_of(lex, "BEES", LK_NOUN, 0) != NULL);
      CHECK(r, hit_of(lex, "LOVELY", LK_ADJ, 0) != NULL);
    }
    dyad_lexicon_free(lex);
  }

  CASE(r, "reference: CAMEO.091003.master.verbs (not all UTF-8)");
  snprintf(p, sizeof p, "%s/reference/tabari/CAMEO.091003.master.verbs",
           sh ? sh : "");
  if (!sh || !exists(p)) {
    SKIP(r, "CAMEO.091003.master.verbs not found");
  } else {
    dyad_lexicon *lex = load(r, p);
    if (lex) {
      dyad_lexicon_stats s;
      dyad_lexicon_get_stats(lex, &s);
      /* 1,216 roots, 15,582 patterns, of which 13 are malformed */
      CHECK_INT(r, s.verbs, 1216);
      CHECK_INT(r, s.patterns, 15569);
      bool noted = false;
      for (size_t i = 0; i < dyad_lexicon_diag_count(lex); i++)
        if (strstr(dyad_lexicon_diag(lex, i)->message, "Latin-1"))
          noted = true;
      CHECK(r, noted);
    }
    dyad_lexicon_free(lex);
  }
}

int main(void) {
  struct runner r = {0, 0, 0, ""};
  test_api(&r);
  test_default_dict(&r);
  test_petrarch_config(&r);
  test_petrarch2_verbs(&r);
  test_tabari(&r);
  test_malformed(&r);
  test_strict(&r);
  test_reference(&r);
  return harness_report(&r, "test_lexicon");
}
