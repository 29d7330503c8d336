/*
 * store.c - `dyad query`, `dyad series` and `dyad export`: reading an event
 * store made by `dyad ingest` (docs/store.md). Each opens the store read
 * only, turns its options into a dyad_store_filter and writes what the
 * library gives to standard output.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dyad.h"

enum cmd { CMD_QUERY, CMD_SERIES, CMD_EXPORT };

static const char *const NAMES[3] = {"query", "series", "export"};

static void usage(enum cmd c, FILE *f) {
  static const char filters[] =
      "filters (actor and event codes match as prefixes: RUS matches\n"
      "RUSGOV; dates are event dates, inclusive):\n"
      "  --source CODE        source actor\n"
      "  --target CODE        target actor\n"
      "  --dyad A,B           source A and target B (directed)\n"
      "  --code C             CAMEO event code (19 matches 190-196x)\n"
      "  --root R             CAMEO root code (exact, e.g. 04)\n"
      "  --quad Q             quad class 1-4\n"
      "  --from YYYY-MM-DD    --to YYYY-MM-DD\n"
      "  --country ISO3       country of the event's place\n"
      "  --raw                the event reports, one per story sentence,\n"
      "                       instead of the de-duplicated events (--dedup,\n"
      "                       the default)\n";
  if (c == CMD_QUERY)
    fputs("usage: dyad query --db FILE [filters] [--format tsv|jsonl|csv]\n"
          "\n"
          "Writes the events of the store that match, in date order.\n"
          "\n",
          f);
  else if (c == CMD_SERIES)
    fputs("usage: dyad series --db FILE --by day|week|month\n"
          "       [--measure count|goldstein|quad] [--format tsv|csv] "
          "[filters]\n"
          "\n"
          "Writes one row per period (weeks start on Monday), periods\n"
          "without events included with zeros, from --from (else the first\n"
          "event) to --to (else the last). count: events; goldstein: events,\n"
          "sum and mean of Goldstein scores; quad: events and events per\n"
          "quad class q1-q4.\n"
          "\n",
          f);
  else
    fputs("usage: dyad export --db FILE --format phoenix|gdelt|icews "
          "[filters]\n"
          "\n"
          "Writes the events in a field format: Phoenix (26 columns), the\n"
          "GDELT 2.0 event table (61 columns, those dyad cannot fill left\n"
          "empty) or ICEWS (20 columns, with a header); docs/store.md.\n"
          "\n",
          f);
  fputs(filters, f);
  fputs("exit status: 0 ok, 2 usage, 3 the store cannot be read or output "
        "written\n",
        f);
}

static int usage_error(enum cmd c, const char *fmt, const char *arg) {
  fputs("dyad: ", stderr);
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\nTry 'dyad %s --help'.\n", NAMES[c]);
  return 2;
}

static int run(enum cmd c, int argc, char **argv) {
  dyad_store_filter f;
  memset(&f, 0, sizeof f);
  const char *db = NULL;
  dyad_store_format fmt = DYAD_STORE_TSV;
  bool fmt_set = false, by_set = false;
  dyad_series_period by = DYAD_SERIES_DAY;
  dyad_series_measure measure = DYAD_SERIES_COUNT;
  char *dyad_arg = NULL;
  int ret = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *v;
    bool missing = false;
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      usage(c, stdout);
      goto done;
    } else if ((v = dyad_cli_opt_value(argc, argv, &i, "--db", &missing))) {
      db = v;
    } else if ((v = dyad_cli_opt_value(argc, argv, &i, "--source", &missing))) {
      f.source = v;
    } else if ((v = dyad_cli_opt_value(argc, argv, &i, "--target", &missing))) {
      f.target = v;
    } else if ((v = dyad_cli_opt_value(argc, argv, &i, "--dyad", &missing))) {
      const char *comma = strchr(v, ',');
      if (!comma || strchr(comma + 1, ',')) {
        ret = usage_error(c, "--dyad wants SOURCE,TARGET, not '%s'", v);
        goto done;
      }
      free(dyad_arg);
      dyad_arg = strdup(v);
      if (!dyad_arg) {
        fputs("dyad: out of memory\n", stderr);
        ret = 3;
        goto done;
      }
      dyad_arg[comma - v] = '\0';
      f.source = dyad_arg;
      f.target = dyad_arg + (comma - v) + 1;
    } else if ((v = dyad_cli_opt_value(argc, argv, &i, "--code", &missing))) {
      f.code = v;
    } else if ((v = dyad_cli_opt_value(argc, argv, &i, "--root", &missing))) {
      f.root = v;
    } else if ((v = dyad_cli_opt_value(argc, argv, &i, "--quad", &missing))) {
      if (strlen(v) != 1 || v[0] < '1' || v[0] > '4') {
        ret = usage_error(c, "--quad wants 1, 2, 3 or 4, not '%s'", v);
        goto done;
      }
      f.quad_class = v[0] - '0';
    } else if ((v = dyad_cli_opt_value(argc, argv, &i, "--from", &missing)) ||
               (v = dyad_cli_opt_value(argc, argv, &i, "--to", &missing))) {
      int d = dyad_cli_parse_date(v);
      if (!d) {
        ret = usage_error(c, "bad date '%s' (YYYY-MM-DD)", v);
        goto done;
      }
      if (strncmp(a, "--from", 6) == 0)
        f.from = d;
      else
        f.to = d;
    } else if ((v = dyad_cli_opt_value(argc, argv, &i, "--country",
                                       &missing))) {
      f.country = v;
    } else if (strcmp(a, "--raw") == 0) {
      f.raw = true;
    } else if (strcmp(a, "--dedup") == 0) {
      f.raw = false;
    } else if ((v = dyad_cli_opt_value(argc, argv, &i, "--format", &missing))) {
      bool ok = dyad_store_format_parse(v, &fmt) == DYAD_OK;
      if (c == CMD_QUERY)
        ok = ok && fmt <= DYAD_STORE_CSV;
      else if (c == CMD_SERIES)
        ok = ok && (fmt == DYAD_STORE_TSV || fmt == DYAD_STORE_CSV);
      else
        ok = ok && fmt >= DYAD_STORE_PHOENIX;
      if (!ok) {
        ret = usage_error(c,
                          c == CMD_QUERY    ? "--format: tsv, jsonl or csv, "
                                              "not '%s'"
                          : c == CMD_SERIES ? "--format: tsv or csv, not '%s'"
                                            : "--format: phoenix, gdelt or "
                                              "icews, not '%s'",
                          v);
        goto done;
      }
      fmt_set = true;
    } else if (c == CMD_SERIES &&
               (v = dyad_cli_opt_value(argc, argv, &i, "--by", &missing))) {
      if (strcmp(v, "day") == 0)
        by = DYAD_SERIES_DAY;
      else if (strcmp(v, "week") == 0)
        by = DYAD_SERIES_WEEK;
      else if (strcmp(v, "month") == 0)
        by = DYAD_SERIES_MONTH;
      else {
        ret = usage_error(c, "--by: day, week or month, not '%s'", v);
        goto done;
      }
      by_set = true;
    } else if (c == CMD_SERIES &&
               (v = dyad_cli_opt_value(argc, argv, &i, "--measure",
                                       &missing))) {
      if (strcmp(v, "count") == 0)
        measure = DYAD_SERIES_COUNT;
      else if (strcmp(v, "goldstein") == 0)
        measure = DYAD_SERIES_GOLDSTEIN;
      else if (strcmp(v, "quad") == 0)
        measure = DYAD_SERIES_QUAD;
      else {
        ret =
            usage_error(c, "--measure: count, goldstein or quad, not '%s'", v);
        goto done;
      }
    } else {
      ret = usage_error(
          c, missing ? "option %s needs a value" : "unknown option '%s'", a);
      goto done;
    }
    if (missing) {
      ret = usage_error(c, "option %s needs a value", a);
      goto done;
    }
  }
  if (!db) {
    ret = usage_error(c, "%s", "no store: give --db FILE");
    goto done;
  }
  if (c == CMD_EXPORT && !fmt_set) {
    ret = usage_error(c, "%s", "--format phoenix, gdelt or icews is needed");
    goto done;
  }
  if (c == CMD_SERIES && !by_set) {
    ret = usage_error(c, "%s", "--by day, week or month is needed");
    goto done;
  }
  if (f.from && f.to && f.from > f.to) {
    ret = usage_error(c, "%s", "--from is after --to");
    goto done;
  }
  dyad_store_options so;
  memset(&so, 0, sizeof so);
  so.read_only = true;
  dyad_store *st = NULL;
  dyad_error err;
  memset(&err, 0, sizeof err);
  char buf[1024];
  if (dyad_store_open(db, &so, &st, &err) != DYAD_OK) {
    fprintf(stderr, "dyad: %s\n", dyad_error_format(&err, buf, sizeof buf));
    ret = 3;
    goto done;
  }
  static char obuf[1 << 16];
  setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
  dyad_status s =
      c == CMD_SERIES
          ? dyad_store_series(st, &f, by, measure, fmt, dyad_write_stdio,
                              stdout, NULL, &err)
          : dyad_store_query(st, &f, fmt, dyad_write_stdio, stdout, NULL, &err);
  if (fflush(stdout) != 0 && s == DYAD_OK) {
    s = DYAD_ERR_IO;
    snprintf(err.message, sizeof err.message, "write error");
  }
  if (s != DYAD_OK) {
    fprintf(stderr, "dyad: %s: %s\n", db,
            dyad_error_format(&err, buf, sizeof buf));
    ret = s == DYAD_ERR_ARG ? 2 : 3;
  }
  dyad_store_free(st);
done:
  free(dyad_arg);
  return ret;
}

int dyad_cmd_query(int argc, char **argv) {
  return run(CMD_QUERY, argc, argv);
}

int dyad_cmd_series(int argc, char **argv) {
  return run(CMD_SERIES, argc, argv);
}

int dyad_cmd_export(int argc, char **argv) {
  return run(CMD_EXPORT, argc, argv);
}
