/*
 * bench.c - the benchmark driver behind `make bench` (bench/run.sh).
 *
 * Links libdyad like any user and includes only dyad.h. Three modes:
 *
 *   bench code DICT CORPUS.jsonl [-m MB] [-n RUNS] [-l LOADRUNS] [-e 0|1]
 *              [-g 0|1]
 *       Loads DICT LOADRUNS times (median load time; -g 0: a gazetteer
 *       without the libgeonames cities), repeats CORPUS in
 *       memory to at least MB megabytes (repeat k > 0 gets ids "rK-<id>"),
 *       then RUNS times reads and codes the whole buffer on one thread
 *       (dyad_reader_open_mem + dyad_reader_next + dyad_code). Prints
 *       "key value" lines: medians of sentences/s, stories/s, MB/s, load
 *       ms, events per story, the peak RSS (getrusage) and the RSS after
 *       the load, and the time of coding a first one-sentence story that
 *       names a place (first_place_ms: the gazetteer is built then). -e 0
 *       codes without the enrich stage (coder option no_enrich:
 *       bench/enrich.sh measures what enrichment costs).
 *   bench corpus CORPUS.jsonl OUT [-m MB]
 *       Writes the same repeated buffer to OUT (for timing the CLI).
 *   bench suite SUITE [-n RUNS]
 *       Opens a validation suite (PETRARCH XML or TABARI project) and runs
 *       it RUNS times: median records/s, open (load) ms, pass count.
 *
 * Times are wall-clock (CLOCK_MONOTONIC). Exit status 0, or 1 on an error
 * (printed as "bench: ...").
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "dyad.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median(double *v, size_t n) {
  qsort(v, n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

static long peak_rss_kb(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss; /* kilobytes on Linux */
}

/* Current RSS in kB from /proc/self/statm (0 when unavailable). */
static long rss_kb(void) {
  FILE *f = fopen("/proc/self/statm", "r");
  long pages = 0, res = 0;
  if (!f)
    return 0;
  if (fscanf(f, "%ld %ld", &pages, &res) != 2)
    res = 0;
  fclose(f);
  return res * 4;
}

static int fail(const char *what, dyad_status st, const dyad_error *err) {
  char buf[600];
  fprintf(stderr, "bench: %s: %s", what, dyad_status_str(st));
  if (err && err->message[0])
    fprintf(stderr, " (%s)", dyad_error_format(err, buf, sizeof buf));
  fputc('\n', stderr);
  return 1;
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "bench: %s: %s\n", path, strerror(errno));
    return NULL;
  }
  size_t cap = 1 << 20, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    size_t k = fread(buf + n, 1, cap - n, f);
    n += k;
    if (n < cap)
      break;
    char *nb = realloc(buf, cap * 2);
    if (!nb) {
      free(buf);
      buf = NULL;
      break;
    }
    buf = nb;
    cap *= 2;
  }
  fclose(f);
  if (!buf) {
    fprintf(stderr, "bench: out of memory reading %s\n", path);
    return NULL;
  }
  *len = n;
  return buf;
}

/* A growable byte buffer for the repeated corpus. */
struct buf {
  char *p;
  size_t len, cap;
};

static int put(struct buf *b, const char *s, size_t n) {
  if (b->len + n > b->cap) {
    size_t cap = b->cap ? b->cap : 1 << 20;
    while (cap < b->len + n)
      cap *= 2;
    char *np = realloc(b->p, cap);
    if (!np)
      return -1;
    b->p = np;
    b->cap = cap;
  }
  memcpy(b->p + b->len, s, n);
  b->len += n;
  return 0;
}

/*
 * Repeats the JSON Lines `src` until the buffer holds at least `min_bytes`.
 * In repeat k > 0 each line's id value (the string after the first
 * `"id":`) gets the prefix "rK-", so every story keeps a distinct id.
 */
static int repeat_corpus(const char *src, size_t n, size_t min_bytes,
                         struct buf *out, size_t *repeats) {
  size_t k = 0;
  if (n == 0)
    return -1;
  while (out->len < min_bytes) {
    const char *s = src, *end = src + n;
    while (s < end) {
      const char *nl = memchr(s, '\n', (size_t)(end - s));
      const char *le = nl ? nl + 1 : end;
      if (k > 0) {
        const char *key = NULL;
        for (const char *q = s; q + 5 < le; q++) {
          if (memcmp(q, "\"id\"", 4) == 0) {
            key = q + 4;
            break;
          }
        }
        const char *quote = NULL;
        if (key) {
          while (key < le && (*key == ' ' || *key == ':'))
            key++;
          if (key < le && *key == '"')
            quote = key + 1;
        }
        char pre[32];
        int pl = snprintf(pre, sizeof pre, "r%zu-", k);
        if (quote) {
          if (put(out, s, (size_t)(quote - s)) || put(out, pre, (size_t)pl) ||
              put(out, quote, (size_t)(le - quote)))
            return -1;
        } else if (put(out, s, (size_t)(le - s))) {
          return -1;
        }
      } else if (put(out, s, (size_t)(le - s))) {
        return -1;
      }
      if (!nl && put(out, "\n", 1))
        return -1;
      s = le;
    }
    k++;
  }
  *repeats = k;
  return 0;
}

struct opts {
  double mb;
  int runs, load_runs;
  int enrich;   /* -e 0: coder option no_enrich */
  int geonames; /* -g 0: lexicon option no_geonames */
};

static void parse_opts(int argc, char **argv, int first, struct opts *o) {
  for (int i = first; i + 1 < argc; i += 2) {
    if (strcmp(argv[i], "-m") == 0)
      o->mb = strtod(argv[i + 1], NULL);
    else if (strcmp(argv[i], "-n") == 0)
      o->runs = (int)strtol(argv[i + 1], NULL, 10);
    else if (strcmp(argv[i], "-l") == 0)
      o->load_runs = (int)strtol(argv[i + 1], NULL, 10);
    else if (strcmp(argv[i], "-e") == 0)
      o->enrich = (int)strtol(argv[i + 1], NULL, 10);
    else if (strcmp(argv[i], "-g") == 0)
      o->geonames = (int)strtol(argv[i + 1], NULL, 10);
  }
  if (o->mb <= 0)
    o->mb = 50;
  if (o->runs < 1)
    o->runs = 3;
  if (o->load_runs < 1)
    o->load_runs = 5;
}

static int cmd_code(const char *dict, const char *corpus, struct opts *o) {
  dyad_error err;
  memset(&err, 0, sizeof err);
  const char *paths[1] = {dict};
  dyad_lexicon *lex = NULL;
  double *loads = calloc((size_t)o->load_runs, sizeof *loads);
  if (!loads)
    return 1;
  for (int i = 0; i < o->load_runs; i++) {
    if (lex) {
      dyad_lexicon_free(lex);
      lex = NULL;
    }
    double t0 = now();
    dyad_lexicon_options lo;
    memset(&lo, 0, sizeof lo);
    lo.no_geonames = o->geonames == 0;
    dyad_status st = dyad_lexicon_load(paths, 1, &lo, &lex, &err);
    loads[i] = (now() - t0) * 1e3;
    if (st != DYAD_OK) {
      free(loads);
      return fail(dict, st, &err);
    }
  }
  double load_ms = median(loads, (size_t)o->load_runs);
  free(loads);
  long rss_lex = rss_kb();
  dyad_lexicon_stats ls;
  dyad_lexicon_get_stats(lex, &ls);

  size_t srclen;
  char *src = slurp(corpus, &srclen);
  if (!src)
    return 1;
  struct buf b = {0};
  size_t repeats = 0;
  if (repeat_corpus(src, srclen, (size_t)(o->mb * 1e6), &b, &repeats)) {
    fprintf(stderr, "bench: cannot build the corpus\n");
    return 1;
  }
  free(src);

  dyad_coder *coder = NULL;
  dyad_coder_options co;
  memset(&co, 0, sizeof co);
  co.no_enrich = o->enrich == 0;
  dyad_status st = dyad_coder_new(lex, &co, &coder);
  if (st != DYAD_OK)
    return fail("coder", st, NULL);
  dyad_doc *doc = NULL;
  if (dyad_doc_new(&doc) != DYAD_OK)
    return fail("doc", DYAD_ERR_NOMEM, NULL);
  /* the first place to look up builds the gazetteer (src/enrich) */
  static const char first_text[] = "Malian troops attacked rebels in Gao.";
  dyad_story first = {0};
  first.id = "first";
  first.id_len = 5;
  first.date = 20230701;
  first.text = first_text;
  first.text_len = sizeof first_text - 1;
  double t_first = now();
  if (dyad_doc_set(doc, &first) != DYAD_OK ||
      dyad_code(coder, doc, NULL) != DYAD_OK)
    return fail("first story", DYAD_ERR_NOMEM, NULL);
  double first_ms = (now() - t_first) * 1e3;

  double *sps = calloc((size_t)o->runs, sizeof *sps);
  double *dps = calloc((size_t)o->runs, sizeof *dps);
  double *mbs = calloc((size_t)o->runs, sizeof *mbs);
  double *cps = calloc((size_t)o->runs, sizeof *cps);
  if (!sps || !dps || !mbs || !cps)
    return 1;
  size_t stories = 0, sentences = 0, events = 0, rejected = 0;
  for (int run = 0; run < o->runs; run++) {
    dyad_reader *r = NULL;
    stories = sentences = events = rejected = 0;
    double tcode = 0;
    double t0 = now();
    st = dyad_reader_open_mem("bench.jsonl", b.p, b.len, DYAD_INPUT_JSONL, &r,
                              &err);
    if (st != DYAD_OK)
      return fail("reader", st, &err);
    for (;;) {
      st = dyad_reader_next(r, doc, &err);
      if (st == DYAD_END)
        break;
      if (st != DYAD_OK) {
        rejected++;
        continue;
      }
      double c0 = now();
      st = dyad_code(coder, doc, &err);
      tcode += now() - c0;
      if (st != DYAD_OK && st != DYAD_ERR_LIMIT) {
        rejected++;
        continue;
      }
      stories++;
      sentences += dyad_doc_sentence_count(doc);
      events += dyad_doc_event_count(doc);
    }
    double t = now() - t0;
    dyad_reader_free(r);
    sps[run] = (double)sentences / t;
    dps[run] = (double)stories / t;
    mbs[run] = (double)b.len / 1e6 / t;
    cps[run] = (double)sentences / tcode;
  }
  printf("dict %s\n", dict);
  printf("lexicon_actor_phrases %zu\n", ls.actor_phrases);
  printf("lexicon_verb_forms %zu\n", ls.verb_forms);
  printf("lexicon_patterns %zu\n", ls.patterns);
  printf("corpus_mb %.1f\n", (double)b.len / 1e6);
  printf("corpus_repeats %zu\n", repeats);
  printf("runs %d\n", o->runs);
  printf("stories %zu\n", stories);
  printf("sentences %zu\n", sentences);
  printf("events %zu\n", events);
  printf("rejected %zu\n", rejected);
  printf("sentences_per_s %.0f\n", median(sps, (size_t)o->runs));
  printf("stories_per_s %.0f\n", median(dps, (size_t)o->runs));
  printf("mb_per_s %.2f\n", median(mbs, (size_t)o->runs));
  printf("code_only_sentences_per_s %.0f\n", median(cps, (size_t)o->runs));
  printf("load_ms %.1f\n", load_ms);
  printf("first_place_ms %.1f\n", first_ms);
  printf("events_per_story %.3f\n",
         stories ? (double)events / (double)stories : 0.0);
  printf("rss_after_load_mb %.1f\n", (double)rss_lex / 1024.0);
  printf("peak_rss_mb %.1f\n", (double)peak_rss_kb() / 1024.0);
  free(sps);
  free(dps);
  free(mbs);
  free(cps);
  free(b.p);
  dyad_doc_free(doc);
  dyad_coder_free(coder);
  dyad_lexicon_free(lex);
  return 0;
}

static int cmd_corpus(const char *corpus, const char *outpath, struct opts *o) {
  size_t srclen, repeats = 0;
  char *src = slurp(corpus, &srclen);
  if (!src)
    return 1;
  struct buf b = {0};
  if (repeat_corpus(src, srclen, (size_t)(o->mb * 1e6), &b, &repeats)) {
    fprintf(stderr, "bench: cannot build the corpus\n");
    return 1;
  }
  free(src);
  FILE *f = fopen(outpath, "wb");
  if (!f || fwrite(b.p, 1, b.len, f) != b.len || fclose(f) != 0) {
    fprintf(stderr, "bench: cannot write %s\n", outpath);
    return 1;
  }
  free(b.p);
  printf("corpus_mb %.1f\ncorpus_repeats %zu\n", (double)b.len / 1e6, repeats);
  return 0;
}

static int cmd_suite(const char *path, struct opts *o) {
  dyad_error err;
  memset(&err, 0, sizeof err);
  dyad_suite *s = NULL;
  double t0 = now();
  dyad_status st = dyad_suite_open(path, NULL, &s, &err);
  double open_ms = (now() - t0) * 1e3;
  if (st != DYAD_OK)
    return fail(path, st, &err);
  double *rps = calloc((size_t)o->runs, sizeof *rps);
  double *tms = calloc((size_t)o->runs, sizeof *tms);
  if (!rps || !tms)
    return 1;
  dyad_validate_summary sum;
  memset(&sum, 0, sizeof sum);
  for (int i = 0; i < o->runs; i++) {
    double t1 = now();
    st = dyad_suite_run(s, NULL, NULL, &sum, &err);
    double t = now() - t1;
    if (st != DYAD_OK)
      return fail(path, st, &err);
    tms[i] = t * 1e3;
    rps[i] = (double)(sum.passed + sum.failed + sum.skipped) / t;
  }
  printf("suite %s\n", path);
  printf("records %zu\n", sum.records);
  printf("passed %zu\n", sum.passed);
  printf("failed %zu\n", sum.failed);
  printf("open_ms %.1f\n", open_ms);
  printf("run_ms %.1f\n", median(tms, (size_t)o->runs));
  printf("records_per_s %.0f\n", median(rps, (size_t)o->runs));
  printf("end_to_end_ms %.1f\n", open_ms + median(tms, (size_t)o->runs));
  free(rps);
  free(tms);
  dyad_suite_free(s);
  return 0;
}

int main(int argc, char **argv) {
  struct opts o = {0, 0, 0, 1, 1};
  if (argc >= 4 && strcmp(argv[1], "code") == 0) {
    parse_opts(argc, argv, 4, &o);
    return cmd_code(argv[2], argv[3], &o);
  }
  if (argc >= 4 && strcmp(argv[1], "corpus") == 0) {
    parse_opts(argc, argv, 4, &o);
    return cmd_corpus(argv[2], argv[3], &o);
  }
  if (argc >= 3 && strcmp(argv[1], "suite") == 0) {
    parse_opts(argc, argv, 3, &o);
    return cmd_suite(argv[2], &o);
  }
  fprintf(stderr, "usage: bench code DICT CORPUS [-m MB] [-n RUNS] [-l N]\n"
                  "       bench corpus CORPUS OUT [-m MB]\n"
                  "       bench suite SUITE [-n RUNS]\n");
  return 2;
}
