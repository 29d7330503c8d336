/*
 * dict.c - `dyad dict`: dictionary tools, through the public API (dyad.h
 * "Lexicon").
 *
 *   dyad dict lint [--dict PATH]... [--strict]
 *   dyad dict stats [--dict PATH]...
 *
 * loads the dictionaries (default: the bundled set) and prints every
 * problem dyad_lexicon_lint finds, one per line as "file:line: kind:
 * message", then "N problems (K errors, W warnings)". The kinds and which
 * are errors: docs/dictionaries.md, "Lint". `stats` prints what the set
 * holds (dyad_lexicon_get_stats), one "name: count" per line.
 *
 * Exit status (cli.h): 0 no error (with --strict: no problem at all), 1
 * otherwise, 2 usage, 3 the dictionaries cannot be read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dyad.h"

static void usage(FILE *f) {
  fputs(
      "usage: dyad dict lint [--dict PATH]... [--strict]\n"
      "       dyad dict stats [--dict PATH]...\n"
      "\n"
      "stats: what the dictionaries hold, one 'name: count' per line\n"
      "(actor entries and phrases, dated codes, agents, verb and event-noun\n"
      "lemmas, patterns, synonym sets, distinct CAMEO codes and roots).\n"
      "\n"
      "lint:\n"
      "Loads the dictionaries and reports, one per line on standard output,\n"
      "'file:line: kind: message', then 'N problems (K errors, W warnings)'.\n"
      "\n"
      "  --dict PATH   dictionary config, project, directory or file\n"
      "                (repeatable; default: the bundled dictionaries)\n"
      "  --strict      warnings count too: exit 1 on any problem\n"
      "\n"
      "An error is an entry the coder drops, never uses or codes otherwise\n"
      "than it says; a warning is one that is redundant or dead in part.\n"
      "Errors:\n"
      "  load             the loader skipped a malformed entry\n"
      "  actor-conflict   an actor phrase in two entries whose undated codes\n"
      "                   differ (the first entry is used)\n"
      "  agent-conflict   an agent phrase in two entries with other codes\n"
      "  verb-conflict    a verb or event noun form of two verbs with other\n"
      "                   codes, listed as the lemma of one of them\n"
      "  event-code       a block, verb or pattern code not in CAMEO 1.1b3\n"
      "                   (---, ###, +++ are fine)\n"
      "  actor-code       an actor or agent code not made of three-letter\n"
      "                   blocks A-Z\n"
      "  date-overlap     two dated codes of one actor overlap with other\n"
      "                   codes, or two undated codes differ\n"
      "  date-reversed    a date range ends before it starts\n"
      "  no-verb          a pattern without '*'\n"
      "  two-verbs        a pattern with two '*'\n"
      "  undefined-set    a pattern or set names an undefined &SET\n"
      "  empty-option     an empty alternative or set member\n"
      "  shadowed         a pattern identical to an earlier one of its block,\n"
      "                   with another code\n"
      "  captured         '*' and the words that must follow it are another\n"
      "                   verb, read first, for every verb of the block\n"
      "Warnings:\n"
      "  load-note        read with a caveat (Latin-1, unsupported rule)\n"
      "  actor-repeat, agent-repeat, verb-repeat, discard-repeat,\n"
      "  pattern-repeat   an entry listed twice with the same code\n"
      "  date-repeat      overlapping ranges with the same code\n"
      "  date-boundary    ranges of other codes that share only a handover\n"
      "                   day (the first is used on it)\n"
      "  captured-partly  as captured, for some verbs of the block, where the\n"
      "                   other verb codes otherwise\n"
      "Details: docs/dictionaries.md, \"Lint\".\n"
      "\n"
      "exit status: 0 no error, 1 errors (with --strict: any problem),\n"
      "2 usage, 3 the dictionaries cannot be read\n",
      f);
}

static int usage_error(const char *fmt, const char *arg) {
  fputs("dyad: ", stderr);
  fprintf(stderr, fmt, arg);
  fputs("\nTry 'dyad dict --help'.\n", stderr);
  return 2;
}

static void print_item(void *user, const dyad_lint_item *it) {
  FILE *out = user;
  if (it->line)
    fprintf(out, "%s:%u: %s: %s\n", it->file, it->line,
            dyad_lint_kind_name(it->kind), it->message);
  else
    fprintf(out, "%s: %s: %s\n", it->file[0] ? it->file : "dyad",
            dyad_lint_kind_name(it->kind), it->message);
}

static void print_stats(const dyad_lexicon *lex) {
  dyad_lexicon_stats t;
  dyad_lexicon_get_stats(lex, &t);
  printf("actor entries: %zu\n", t.actors);
  printf("actor phrases: %zu\n", t.actor_phrases);
  printf("dated actor codes: %zu\n", t.dated_codes);
  printf("agent phrases: %zu\n", t.agent_phrases);
  printf("verb lemmas: %zu\n", t.verb_lemmas);
  printf("event noun lemmas: %zu\n", t.noun_lemmas);
  printf("verb and noun forms: %zu\n", t.verb_forms);
  printf("patterns: %zu\n", t.patterns);
  printf("synonym sets: %zu\n", t.synsets);
  printf("discards: %zu\n", t.discards);
  printf("CAMEO event codes: %zu\n", t.event_codes);
  printf("CAMEO roots: %zu of 20\n", t.event_roots);
  printf("memory: %zu bytes\n", t.bytes);
}

static int cmd_lint(int argc, char **argv, bool stats) {
  const char **dicts = calloc((size_t)argc + 1, sizeof *dicts);
  size_t ndicts = 0;
  bool strict = false;
  if (!dicts) {
    fputs("dyad: out of memory\n", stderr);
    return 3;
  }
  int ret = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      usage(stdout);
      free(dicts);
      return 0;
    }
    if (!strcmp(a, "--strict") && !stats) {
      strict = true;
    } else if (!strcmp(a, "--dict")) {
      if (i + 1 >= argc) {
        free(dicts);
        return usage_error("%s needs a value", a);
      }
      dicts[ndicts++] = argv[++i];
    } else if (!strncmp(a, "--dict=", 7) && a[7]) {
      dicts[ndicts++] = a + 7;
    } else {
      free(dicts);
      return usage_error("unknown argument '%s'", a);
    }
  }
  if (!ndicts)
    dicts[ndicts++] = dyad_default_dict();

  dyad_lexicon_options lo;
  memset(&lo, 0, sizeof lo);
  dyad_lexicon *lex = NULL;
  dyad_error err;
  dyad_status st = dyad_lexicon_load(dicts, ndicts, &lo, &lex, &err);
  free(dicts);
  if (st != DYAD_OK) {
    char buf[1024];
    fprintf(stderr, "dyad: %s\n", dyad_error_format(&err, buf, sizeof buf));
    return st == DYAD_ERR_ARG ? 2 : 3;
  }
  if (stats) {
    print_stats(lex);
    dyad_lexicon_free(lex);
    if (fflush(stdout) != 0) {
      fputs("dyad: cannot write the report\n", stderr);
      return 3;
    }
    return 0;
  }
  size_t errors = 0, warnings = 0;
  st = dyad_lexicon_lint(lex, print_item, stdout, &errors, &warnings);
  dyad_lexicon_free(lex);
  if (st != DYAD_OK) {
    fprintf(stderr, "dyad: %s\n", dyad_status_str(st));
    return 3;
  }
  size_t n = errors + warnings;
  printf("%zu problem%s (%zu error%s, %zu warning%s)\n", n, n == 1 ? "" : "s",
         errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
  if (fflush(stdout) != 0) {
    fputs("dyad: cannot write the report\n", stderr);
    return 3;
  }
  if (errors || (strict && warnings))
    ret = 1;
  return ret;
}

int dyad_cmd_dict(int argc, char **argv) {
  /* argv[0] is "dict" */
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  const char *sub = argv[1];
  if (!strcmp(sub, "--help") || !strcmp(sub, "-h") || !strcmp(sub, "help")) {
    usage(stdout);
    return 0;
  }
  if (!strcmp(sub, "lint"))
    return cmd_lint(argc - 1, argv + 1, false);
  if (!strcmp(sub, "stats"))
    return cmd_lint(argc - 1, argv + 1, true);
  fprintf(stderr, "dyad: unknown dict command '%s'\nTry 'dyad dict --help'.\n",
          sub);
  return 2;
}
