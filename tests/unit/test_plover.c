/*
 * test_plover.c - dyad's CAMEO-to-PLOVER table (src/enrich/plover.c)
 * cross-checked against the correspondence published with the PLOVER
 * manual draft 0.8, ../shared/reference/plover/CAMEO2PLOVER-2021.txt (read
 * in place, never copied; skipped when absent): every CAMEO code the file
 * maps must get the same PLOVER event type, and the same mode where the
 * file gives one, from dyad. The one known difference is 175, whose
 * "pro_autocracy" the file writes in the mode slot: dyad gives it as a
 * context (the manual lists it among contexts). Also: every CAMEO 1.1b3
 * code of roots 03-20 (../shared/reference/cameo/cameo_codes.tsv) has a
 * type, and roots 01 and 02 have none.
 */
#include "harness.h"

#include "enrich/enrich.h"

/* Trims blanks at both ends of s (in place). */
static char *trim(char *s) {
  while (*s == ' ' || *s == '\t')
    s++;
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
               s[n - 1] == '\r'))
    s[--n] = '\0';
  return s;
}

static void test_reference(struct runner *r, const char *shared) {
  char path[512];
  snprintf(path, sizeof path, "%s/reference/plover/CAMEO2PLOVER-2021.txt",
           shared);
  CASE(r, "CAMEO2PLOVER-2021.txt");
  FILE *f = fopen(path, "r");
  if (!f) {
    SKIP(r, "CAMEO2PLOVER-2021.txt not found in ../shared/reference/plover");
    return;
  }
  char line[512];
  int mapped = 0;
  while (fgets(line, sizeof line, f)) {
    char *hash = strchr(line, '#');
    if (hash)
      *hash = '\0';
    char *colon = strchr(line, ':');
    if (!colon)
      continue;
    *colon = '\0';
    char *code = trim(line);
    size_t n = strlen(code);
    /* root headers ("08: RETREAT") name a type for part of a root only */
    if (n < 3 || n > 4 || strspn(code, "0123456789") != n)
      continue;
    char *fields[3] = {"", "", ""};
    char *p = colon + 1;
    for (int i = 0; i < 3 && p; i++) {
      char *comma = strchr(p, ',');
      if (comma)
        *comma = '\0';
      fields[i] = trim(p);
      p = comma ? comma + 1 : NULL;
    }
    const char *type, *mode, *ctx;
    Dyad_plover_of(code, &type, &mode, &ctx);
    static char name[64];
    snprintf(name, sizeof name, "CAMEO %s -> %s", code, fields[0]);
    CASE(r, name);
    CHECK_STR(r, type, fields[0]);
    if (fields[1][0] && strcmp(code, "175") != 0)
      CHECK_STR(r, mode, fields[1]);
    mapped++;
  }
  fclose(f);
  CASE(r, "CAMEO2PLOVER-2021.txt: codes read");
  CHECK(r, mapped > 250);
}

static void test_cameo_codes(struct runner *r, const char *shared) {
  char path[512];
  snprintf(path, sizeof path, "%s/reference/cameo/cameo_codes.tsv", shared);
  CASE(r, "cameo_codes.tsv");
  FILE *f = fopen(path, "r");
  if (!f) {
    SKIP(r, "cameo_codes.tsv not found in ../shared/reference/cameo");
    return;
  }
  char line[1024];
  int n = 0;
  while (fgets(line, sizeof line, f)) {
    char *tab = strchr(line, '\t');
    if (!tab)
      continue;
    *tab = '\0';
    size_t len = strlen(line);
    if (len < 2 || len > 4 || strspn(line, "0123456789") != len)
      continue;
    const char *type, *mode, *ctx;
    Dyad_plover_of(line, &type, &mode, &ctx);
    static char name[64];
    snprintf(name, sizeof name, "CAMEO %s has a PLOVER type", line);
    CASE(r, name);
    bool dropped = line[0] == '0' && (line[1] == '1' || line[1] == '2');
    CHECK(r, dropped ? type[0] == '\0' : type[0] != '\0');
    n++;
  }
  fclose(f);
  CASE(r, "cameo_codes.tsv: codes read");
  CHECK(r, n > 200);
}

int main(void) {
  struct runner r = {0};
  CASE(&r, "tables sorted");
  CHECK(&r, Dyad_plover_table_sorted());
  CHECK(&r, Dyad_plover_words_sorted());
  const char *shared = harness_shared();
  if (!shared) {
    CASE(&r, "reference files");
    SKIP(&r, "../shared is absent (set DYAD_SHARED)");
  } else {
    test_reference(&r, shared);
    test_cameo_codes(&r, shared);
  }
  return harness_report(&r, "test_plover");
}
