/*
 * harness.h - a tiny test harness (cmark api_test idea): a runner struct
 * counts checks; a failed check prints the case, what was expected and what
 * was got. Each test program returns non-zero when any check failed.
 */
#ifndef DYAD_HARNESS_H
#define DYAD_HARNESS_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct runner {
  int checks, failed, skipped;
  const char *name; /* current test case */
};

#define CASE(r, n) ((r)->name = (n))

#define CHECK(r, cond)                                                         \
  do {                                                                         \
    (r)->checks++;                                                             \
    if (!(cond)) {                                                             \
      (r)->failed++;                                                           \
      fprintf(stderr, "FAIL %s (%s:%d): %s\n", (r)->name, __FILE__, __LINE__,  \
              #cond);                                                          \
    }                                                                          \
  } while (0)

#define CHECK_STR(r, got, want)                                                \
  do {                                                                         \
    const char *g_ = (got), *w_ = (want);                                      \
    (r)->checks++;                                                             \
    if (!g_ || strcmp(g_, w_) != 0) {                                          \
      (r)->failed++;                                                           \
      fprintf(stderr,                                                          \
              "FAIL %s (%s:%d): %s\n  expected: \"%s\"\n  got:      "          \
              "\"%s\"\n",                                                      \
              (r)->name, __FILE__, __LINE__, #got, w_, g_ ? g_ : "(null)");    \
    }                                                                          \
  } while (0)

#define CHECK_INT(r, got, want)                                                \
  do {                                                                         \
    long long g_ = (long long)(got), w_ = (long long)(want);                   \
    (r)->checks++;                                                             \
    if (g_ != w_) {                                                            \
      (r)->failed++;                                                           \
      fprintf(stderr,                                                          \
              "FAIL %s (%s:%d): %s\n  expected: %lld\n  got:      "            \
              "%lld\n",                                                        \
              (r)->name, __FILE__, __LINE__, #got, w_, g_);                    \
    }                                                                          \
  } while (0)

#define SKIP(r, why)                                                           \
  do {                                                                         \
    (r)->skipped++;                                                            \
    printf("SKIP %s: %s\n", (r)->name, why);                                   \
  } while (0)

static inline int harness_report(struct runner *r, const char *prog) {
  printf("%s: %d checks, %d failed, %d skipped\n", prog, r->checks, r->failed,
         r->skipped);
  return r->failed ? 1 : 0;
}

/* Path of the shared reference data, or NULL when absent (tests skip). */
static inline const char *harness_shared(void) {
  const char *p = getenv("DYAD_SHARED");
  static const char *const cands[] = {"../shared", "../../shared"};
  FILE *f;
  if (p && *p)
    return p;
  for (size_t i = 0; i < sizeof cands / sizeof cands[0]; i++) {
    char path[512];
    snprintf(path, sizeof path, "%s/reference/cameo/cameo_codes.tsv", cands[i]);
    f = fopen(path, "r");
    if (f) {
      fclose(f);
      return cands[i];
    }
  }
  return NULL;
}

#endif
