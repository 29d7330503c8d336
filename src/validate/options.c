/*
 * options.c - one TABARI options command applied to struct lex_tabari_opts
 * (TABARI 0.8 manual ch. 8, "The .options file").
 *
 * Validation records change options mid-run with "{ OPTION: <command> }"
 * (TABARI 0.8.4 validation records), so the commands are read here one line at a time:
 *
 *   COMPLEX: VERBS[n] ACTORS[n] CONJ[n] PRONOUNS[n] COMMA[n] NOACTPRIOR ...
 *       replaces every complexity limit (a COMPLEX: line without NOACTPRIOR
 *       turns it off: Validate.text DEFAULT-CMD01);
 *   SET: CODE BY CLAUSE|SENTENCE, CODE ALL, MINIMUM WORDS = n, YYYY = T|F,
 *       TIME SHIFT [= T|F], CONVERT AGENT(S) = T|F; other SET: names of the
 *       manual are accepted and not modelled;
 *   DEFAULT: OFF | SOURCE [code] [PRIOR] TARGET [code] [AFTER]
 *       sets only what it names ("DEFAULT: OFF is needed first to reset");
 *   COMMA: OFF | MIN n MAX n BMIN n BMAX n EMIN n EMAX n ('=' optional);
 *   FORWARD: format [OFF] kept as written (the coder reads it);
 *   OUTPUT:, LABEL:, NONEVENTS: accepted, not modelled.
 *
 * Values: T, TRUE, YES, 1 / F, FALSE, NO, 0, any case.
 */
#include "validate.h"

#include <ctype.h>
#include <string.h>

/* A cursor over the command text. */
struct cur {
  const char *p, *e;
};

static void skip_blanks(struct cur *c) {
  while (c->p < c->e &&
         (*c->p == ' ' || *c->p == '\t' || *c->p == '\r' || *c->p == '\n'))
    c->p++;
}

/* Next word of letters (and '_'), upper-cased into w; false at the end. */
static bool word(struct cur *c, char *w, size_t cap) {
  skip_blanks(c);
  size_t n = 0;
  while (c->p < c->e && (isalpha((unsigned char)*c->p) || *c->p == '_')) {
    if (n + 1 < cap)
      w[n++] = (char)toupper((unsigned char)*c->p);
    c->p++;
  }
  w[n] = '\0';
  return n > 0;
}

static bool peek(struct cur *c, char ch) {
  skip_blanks(c);
  if (c->p < c->e && *c->p == ch) {
    c->p++;
    return true;
  }
  return false;
}

/* "[n]", "= n", "n" (blanks allowed); false when no number follows. */
static bool number(struct cur *c, int *v) {
  bool br = peek(c, '[');
  if (!br)
    (void)peek(c, '=');
  skip_blanks(c);
  const char *s = c->p;
  long x = 0;
  while (c->p < c->e && isdigit((unsigned char)*c->p) && x < 1000000)
    x = x * 10 + (*c->p++ - '0');
  if (c->p == s)
    return false;
  if (br && !peek(c, ']'))
    return false;
  *v = (int)x;
  return true;
}

/* "= value" or nothing (true); false for a value that is not boolean. */
static bool boolean(struct cur *c, bool *v) {
  char w[16];
  if (!peek(c, '=')) {
    skip_blanks(c);
    if (c->p >= c->e) {
      *v = true;
      return true;
    }
  }
  skip_blanks(c);
  if (c->p < c->e && (*c->p == '1' || *c->p == '0')) {
    *v = *c->p++ == '1';
    return true;
  }
  if (!word(c, w, sizeof w))
    return false;
  if (!strcmp(w, "T") || !strcmp(w, "TRUE") || !strcmp(w, "YES") ||
      !strcmp(w, "ON"))
    *v = true;
  else if (!strcmp(w, "F") || !strcmp(w, "FALSE") || !strcmp(w, "NO") ||
           !strcmp(w, "OFF"))
    *v = false;
  else
    return false;
  return true;
}

/* "[CODE]" -> interned string id. */
static dyad_status code(struct dyad_lexicon *lex, struct cur *c, uint32_t *id,
                        bool *ok) {
  *ok = false;
  if (!peek(c, '['))
    return DYAD_OK;
  const char *s = c->p;
  while (c->p < c->e && *c->p != ']')
    c->p++;
  if (c->p >= c->e)
    return DYAD_OK;
  size_t n = (size_t)(c->p - s);
  c->p++;
  while (n && (*s == ' ' || *s == '\t')) {
    s++;
    n--;
  }
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
    n--;
  if (!n)
    return DYAD_OK;
  TRY(Dyad_lex_str(lex, s, n, id));
  *ok = true;
  return DYAD_OK;
}

static dyad_status bad(dyad_error *err, const char *s, size_t n,
                       const char *why) {
  return Dyad_error_set(err, DYAD_ERR_PARSE, "", 0, 0, "%s: \"%.*s\"", why,
                        (int)(n > 120 ? 120 : n), s);
}

static bool complex_cmd(struct cur *c, struct lex_tabari_opts *t) {
  char w[32];
  t->complex_verbs = t->complex_actors = t->complex_conj = 0;
  t->complex_pronouns = t->complex_comma = 0;
  t->noactprior = false;
  while (word(c, w, sizeof w)) {
    int v = 0;
    if (!strcmp(w, "VERBS") || !strcmp(w, "ACTORS") || !strcmp(w, "CONJ") ||
        !strcmp(w, "PRONOUNS") || !strcmp(w, "COMMA") ||
        !strcmp(w, "LATEVERB")) {
      if (!number(c, &v))
        return false;
      if (!strcmp(w, "VERBS"))
        t->complex_verbs = v;
      else if (!strcmp(w, "ACTORS"))
        t->complex_actors = v;
      else if (!strcmp(w, "CONJ"))
        t->complex_conj = v;
      else if (!strcmp(w, "PRONOUNS"))
        t->complex_pronouns = v;
      else if (!strcmp(w, "COMMA"))
        t->complex_comma = v;
    } else if (!strcmp(w, "NOACTPRIOR")) {
      t->noactprior = true;
    } else if (!strcmp(w, "ACTPRIOR")) {
      t->noactprior = false;
    } else if (strcmp(w, "NOSOURCE") && strcmp(w, "NOTARGET") &&
               strcmp(w, "NOVERB") && strcmp(w, "NOEVENT") &&
               strcmp(w, "ACTAFTER") && strcmp(w, "EXPLAIN")) {
      return false;
    }
  }
  skip_blanks(c);
  return c->p >= c->e;
}

/* SET: names of the manual that dyad does not model. */
static const char *const set_unmodelled[] = {
    "LABEL",       "SKIP RECORDS", "VERB USAGE",     "ACTOR USAGE",
    "AGENT USAGE", "DUP WARNING",  "MATCH",          "FBIS",
    "HAIKU",       "ALLCAPS",      "CHECK DOMINANT",
};

static bool set_cmd(struct cur *c, struct lex_tabari_opts *t, bool *modelled) {
  char name[64] = "", w[32];
  size_t n = 0;
  /* the name: words up to '=' or a digit */
  for (;;) {
    struct cur save = *c;
    if (!word(c, w, sizeof w)) {
      *c = save;
      break;
    }
    size_t wl = strlen(w);
    if (n + wl + 2 >= sizeof name)
      return false;
    if (n)
      name[n++] = ' ';
    memcpy(name + n, w, wl + 1);
    n += wl;
    if (!strcmp(name, "CODE BY CLAUSE") || !strcmp(name, "CODE BY SENTENCE") ||
        !strcmp(name, "CODE ALL"))
      break;
  }
  if (!strcmp(name, "CODE BY CLAUSE"))
    t->code_by = 0;
  else if (!strcmp(name, "CODE BY SENTENCE"))
    t->code_by = 1;
  else if (!strcmp(name, "CODE ALL"))
    t->code_by = 2;
  else if (!strcmp(name, "MINIMUM WORDS"))
    return number(c, &t->min_words);
  else if (!strcmp(name, "YYYY"))
    return boolean(c, &t->yyyy);
  else if (!strcmp(name, "TIME SHIFT"))
    return boolean(c, &t->time_shift);
  else if (!strcmp(name, "CONVERT AGENT") || !strcmp(name, "CONVERT AGENTS"))
    return boolean(c, &t->convert_agents);
  else {
    for (size_t i = 0; i < sizeof set_unmodelled / sizeof *set_unmodelled; i++)
      if (!strcmp(name, set_unmodelled[i])) {
        *modelled = false;
        return true;
      }
    return false;
  }
  skip_blanks(c);
  return c->p >= c->e;
}

static dyad_status default_cmd(struct dyad_lexicon *lex, struct cur *c,
                               struct lex_tabari_opts *t, bool *ok) {
  char w[32];
  *ok = true;
  while (*ok && word(c, w, sizeof w)) {
    if (!strcmp(w, "OFF")) {
      t->default_source = LEX_NONE;
      t->default_target = LEX_NONE;
      t->default_prior = false;
      t->default_after = false;
    } else if (!strcmp(w, "SOURCE")) {
      TRY(code(lex, c, &t->default_source, ok));
    } else if (!strcmp(w, "TARGET")) {
      TRY(code(lex, c, &t->default_target, ok));
    } else if (!strcmp(w, "PRIOR")) {
      t->default_prior = true;
    } else if (!strcmp(w, "AFTER")) {
      t->default_after = true;
    } else {
      *ok = false;
    }
  }
  skip_blanks(c);
  if (c->p < c->e)
    *ok = false;
  return DYAD_OK;
}

static bool comma_cmd(struct cur *c, struct lex_tabari_opts *t) {
  char w[32];
  bool any = false;
  while (word(c, w, sizeof w)) {
    int v;
    if (!strcmp(w, "OFF")) {
      t->comma_off = true;
      any = true;
      continue;
    }
    if (!number(c, &v))
      return false;
    if (!strcmp(w, "MIN"))
      t->comma_min = v;
    else if (!strcmp(w, "MAX"))
      t->comma_max = v;
    else if (!strcmp(w, "BMIN"))
      t->comma_bmin = v;
    else if (!strcmp(w, "BMAX"))
      t->comma_bmax = v;
    else if (!strcmp(w, "EMIN"))
      t->comma_emin = v;
    else if (!strcmp(w, "EMAX"))
      t->comma_emax = v;
    else
      return false;
    t->comma_off = false;
    any = true;
  }
  skip_blanks(c);
  return any && c->p >= c->e;
}

dyad_status Dyad_tabari_option_line(struct dyad_lexicon *lex,
                                    struct lex_tabari_opts *o, const char *s,
                                    size_t n, bool *modelled, dyad_error *err) {
  bool dummy;
  if (!modelled)
    modelled = &dummy;
  *modelled = true;
  if (!lex || !o || !s)
    return DYAD_ERR_ARG;
  /* drop a trailing comment end and '}' left by the caller */
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' ||
               s[n - 1] == '\n' || s[n - 1] == '}' || s[n - 1] == '/' ||
               s[n - 1] == '*'))
    n--;
  struct cur c = {s, s + n};
  char kw[32];
  if (!word(&c, kw, sizeof kw) || !peek(&c, ':'))
    return bad(err, s, n, "options command without 'NAME:'");
  struct lex_tabari_opts t = *o;
  bool ok = true;
  if (!strcmp(kw, "COMPLEX")) {
    ok = complex_cmd(&c, &t);
  } else if (!strcmp(kw, "SET")) {
    ok = set_cmd(&c, &t, modelled);
  } else if (!strcmp(kw, "DEFAULT")) {
    TRY(default_cmd(lex, &c, &t, &ok));
  } else if (!strcmp(kw, "COMMA")) {
    ok = comma_cmd(&c, &t);
  } else if (!strcmp(kw, "FORWARD")) {
    /* the record-id format and ON/OFF, kept as written for the coder */
    skip_blanks(&c);
    size_t fl = (size_t)(c.e - c.p);
    if (fl >= sizeof t.forward)
      return bad(err, s, n, "FORWARD: format too long");
    memcpy(t.forward, c.p, fl);
    t.forward[fl] = '\0';
  } else if (!strcmp(kw, "OUTPUT") || !strcmp(kw, "LABEL") ||
             !strcmp(kw, "NONEVENTS")) {
    *modelled = false;
  } else {
    return bad(err, s, n, "unknown options command");
  }
  if (!ok) {
    *modelled = true;
    return bad(err, s, n, "malformed options command");
  }
  *o = t;
  return DYAD_OK;
}
