/*
 * validate.c - `dyad validate`: runs a peer validation suite (PETRARCH XML
 * or TABARI project) through the public API (dyad.h "Validation") and
 * prints each failing record, a "N passed, N failed" line and a breakdown.
 *
 *   dyad validate SUITE [--dict PATH]... [--min-pass RATE] [--verbose]
 *                 [--profile dyad|tabari] [--all] [--keep-hedged]
 *
 * Exit status (cli.h): 0 when every checked record passed, or, with
 * --min-pass RATE, when passed / (passed + failed) >= RATE; 1 otherwise;
 * 2 usage; 3 the suite or its dictionaries could not be read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dyad.h"

static void usage(FILE *f) {
  fputs("usage: dyad validate SUITE [--dict PATH]... [--min-pass RATE]\n"
        "                     [--verbose] [--profile dyad|tabari] [--all]\n"
        "                     [--keep-hedged]\n"
        "  SUITE          PETRARCH validation XML or TABARI .project\n"
        "  --dict PATH    a directory to look for the dictionaries the suite\n"
        "                 names, or dictionary files/configs used instead\n"
        "                 (repeatable)\n"
        "  --min-pass R   exit 0 when passed/(passed+failed) >= R (0..1);\n"
        "                 without it, exit 1 when any record failed\n"
        "  --verbose      also print each failing record's text and cause\n"
        "  --profile P    coding profile (default: tabari for TABARI projects\n"
        "                 and PETRARCH-1 suites, else dyad)\n"
        "  --all          PETRARCH: also run categories not in <Include>\n"
        "  --keep-hedged  keep hedged/future/conditional events\n",
        f);
}

/* Pass/fail counts of one category or difference. */
struct tally {
  char name[64];
  size_t passed, failed, skipped;
};

struct report {
  bool verbose;
  struct tally *cats;
  size_t ncats, capcats;
  size_t diffs[16];
  size_t uncoded; /* records dyad_code rejected */
  bool nomem;
};

static struct tally *tally_of(struct report *r, const char *name) {
  for (size_t i = 0; i < r->ncats; i++)
    if (strcmp(r->cats[i].name, name) == 0)
      return &r->cats[i];
  if (r->ncats == r->capcats) {
    size_t cap = r->capcats ? r->capcats * 2 : 32;
    struct tally *t = realloc(r->cats, cap * sizeof *t);
    if (!t) {
      r->nomem = true;
      return NULL;
    }
    r->cats = t;
    r->capcats = cap;
  }
  struct tally *t = &r->cats[r->ncats++];
  memset(t, 0, sizeof *t);
  snprintf(t->name, sizeof t->name, "%s", *name ? name : "(none)");
  return t;
}

static void on_record(void *user, const dyad_validate_record *rec) {
  struct report *r = user;
  if (rec->result == DYAD_VALIDATE_OPTION) {
    if (r->verbose)
      printf("option %s:%u: %s%s%s%s\n", rec->file, rec->line, rec->id,
             rec->modelled ? "" : " (not modelled)", rec->got[0] ? " " : "",
             rec->got);
    return;
  }
  struct tally *t = tally_of(r, rec->category);
  if (t) {
    if (rec->result == DYAD_VALIDATE_PASS)
      t->passed++;
    else if (rec->result == DYAD_VALIDATE_FAIL)
      t->failed++;
    else
      t->skipped++;
  }
  if (rec->code_status != DYAD_OK)
    r->uncoded++;
  if (rec->result == DYAD_VALIDATE_FAIL) {
    if ((size_t)rec->diff < sizeof r->diffs / sizeof r->diffs[0])
      r->diffs[rec->diff]++;
    printf("%s: expected %s got %s\n", rec->id, rec->expected, rec->got);
  } else if (rec->result == DYAD_VALIDATE_SKIP && r->verbose) {
    printf("%s: skipped: expected %s got %s\n", rec->id, rec->expected,
           rec->got);
  }
  if (r->verbose && rec->result != DYAD_VALIDATE_PASS) {
    if (rec->result == DYAD_VALIDATE_FAIL)
      printf("    why: %s (%s:%u)\n", dyad_validate_diff_str(rec->diff),
             rec->file, rec->line);
    if (rec->code_status != DYAD_OK)
      printf("    coding: %s\n", dyad_status_str(rec->code_status));
    printf("    text: %s\n", rec->text);
  }
}

static int cmp_tally(const void *a, const void *b) {
  return strcmp(((const struct tally *)a)->name,
                ((const struct tally *)b)->name);
}

static int fail_status(const dyad_error *err, dyad_status st) {
  char msg[768];
  dyad_error_format(err, msg, sizeof msg);
  fprintf(stderr, "dyad: %s\n", msg[0] ? msg : dyad_status_str(st));
  return st == DYAD_ERR_ARG ? 2 : 3;
}

int dyad_cmd_validate(int argc, char **argv) {
  const char *suite = NULL, *dicts[64];
  size_t ndicts = 0;
  double min_pass = -1;
  dyad_validate_options o;
  memset(&o, 0, sizeof o);
  struct report r;
  memset(&r, 0, sizeof r);
  /* argv[0] is "validate" (or the program, with "validate" in argv[1]) */
  int i0 = argc > 1 && strcmp(argv[0], "validate") != 0 &&
                   strcmp(argv[1], "validate") == 0
               ? 2
               : 1;
  for (int i = i0; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (!strcmp(a, "--dict") && v) {
      if (ndicts == sizeof dicts / sizeof dicts[0]) {
        fprintf(stderr, "dyad: too many --dict\n");
        return 2;
      }
      dicts[ndicts++] = v;
      i++;
    } else if (!strncmp(a, "--dict=", 7)) {
      if (ndicts == sizeof dicts / sizeof dicts[0]) {
        fprintf(stderr, "dyad: too many --dict\n");
        return 2;
      }
      dicts[ndicts++] = a + 7;
    } else if (!strcmp(a, "--min-pass") && v) {
      char *end;
      min_pass = strtod(v, &end);
      if (end == v || *end || min_pass < 0 || min_pass > 1) {
        fprintf(stderr,
                "dyad: --min-pass wants a rate from 0 to 1, not "
                "\"%s\"\n",
                v);
        return 2;
      }
      i++;
    } else if (!strcmp(a, "--profile") && v) {
      o.profile_set = true;
      if (!strcmp(v, "dyad"))
        o.profile = DYAD_PROFILE_DYAD;
      else if (!strcmp(v, "tabari"))
        o.profile = DYAD_PROFILE_TABARI;
      else {
        fprintf(stderr, "dyad: --profile is dyad or tabari, not \"%s\"\n", v);
        return 2;
      }
      i++;
    } else if (!strcmp(a, "--verbose") || !strcmp(a, "-v")) {
      r.verbose = true;
    } else if (!strcmp(a, "--all")) {
      o.all_categories = true;
    } else if (!strcmp(a, "--keep-hedged")) {
      o.keep_hedged = true;
    } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      usage(stdout);
      return 0;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "dyad: validate: unknown or incomplete option %s\n", a);
      usage(stderr);
      return 2;
    } else if (!suite) {
      suite = a;
    } else {
      fprintf(stderr, "dyad: validate: one suite at a time (%s)\n", a);
      return 2;
    }
  }
  if (!suite) {
    usage(stderr);
    return 2;
  }
  o.dicts = dicts;
  o.ndicts = ndicts;
  dyad_error err;
  memset(&err, 0, sizeof err);
  dyad_suite *s = NULL;
  dyad_status st = dyad_suite_open(suite, &o, &s, &err);
  if (st != DYAD_OK)
    return fail_status(&err, st);
  dyad_validate_summary info;
  dyad_suite_info(s, &info);
  printf("dyad validate: %s, %zu records, rule: %s\n",
         dyad_suite_kind_str(info.kind), info.records, info.rule);
  printf("profile: %s; dictionaries: %s\n",
         info.profile == DYAD_PROFILE_TABARI ? "tabari" : "dyad", info.dicts);
  if (info.not_run)
    printf("not run: %zu records from FINAL-01 on (the end of TABARI's "
           "standard suite)\n",
           info.not_run);
  fflush(stdout);
  dyad_validate_summary sum;
  st = dyad_suite_run(s, on_record, &r, &sum, &err);
  if (st != DYAD_OK) {
    dyad_suite_free(s);
    free(r.cats);
    return fail_status(&err, st);
  }
  size_t total = sum.passed + sum.failed;
  printf("%zu passed, %zu failed\n", sum.passed, sum.failed);
  if (sum.skipped) {
    if (sum.kind == DYAD_SUITE_PETRARCH && sum.excluded[0])
      printf("skipped: %zu (categories not in <Include>: %s; --all runs "
             "them)\n",
             sum.skipped, sum.excluded);
    else
      printf("skipped: %zu (\"-{\": not checked)\n", sum.skipped);
  }
  if (sum.options)
    printf("options: %zu applied (%zu not modelled by dyad)\n", sum.options,
           sum.options_unmodelled);
  printf("events: %zu expected, %zu matched, %zu missing, %zu extra\n",
         sum.expected_events, sum.matched_events, sum.missing_events,
         sum.extra_events);
  if (r.uncoded)
    printf("rejected by the coder: %zu records (counted as nothing coded)\n",
           r.uncoded);
  if (sum.failed) {
    printf("failures by difference:");
    bool first = true;
    for (int d = 1; d < 16; d++)
      if (r.diffs[d]) {
        printf("%s %s %zu", first ? "" : ",",
               dyad_validate_diff_str((dyad_validate_diff)d), r.diffs[d]);
        first = false;
      }
    printf("\n");
  }
  if (r.ncats) {
    qsort(r.cats, r.ncats, sizeof *r.cats, cmp_tally);
    printf("by category (passed/run):");
    for (size_t i = 0; i < r.ncats; i++) {
      const struct tally *t = &r.cats[i];
      if (t->passed + t->failed)
        printf("%s %s %zu/%zu", i ? "," : "", t->name, t->passed,
               t->passed + t->failed);
      else
        printf("%s %s skipped", i ? "," : "", t->name);
    }
    printf("\n");
  }
  int rc = 0;
  double rate = total ? (double)sum.passed / (double)total : 1.0;
  if (min_pass >= 0 && rate < min_pass) {
    printf("pass rate %.3f is below --min-pass %.3f\n", rate, min_pass);
    rc = 1;
  } else if (min_pass < 0 && sum.failed) {
    rc = 1;
  }
  dyad_suite_free(s);
  free(r.cats);
  return rc;
}
