/*
 * test_gazetteer.c - the gazetteer of the enrich stage
 * (src/enrich/gazetteer.c, countries.c): the country table (sorted by
 * alpha-2, codes well formed and unique), name folding, the GeoNames dump
 * reader (places, regions, the lines it passes over, every error with its
 * line and column, strict mode), the index, and the cities of libgeonames.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"

#include "enrich/gazetteer.h"

static void fold_is(struct runner *r, const char *in, const char *want) {
  CASE(r, in);
  char out[64];
  size_t n = Dyad_gaz_fold(in, strlen(in), out, sizeof out);
  out[n] = '\0';
  CHECK_STR(r, out, want);
}

static void test_countries(struct runner *r) {
  CASE(r, "country table sorted by alpha-2, codes unique and well formed");
  bool ok = true;
  for (size_t i = 0; i < Dyad_gaz_ncountries; i++) {
    const struct gaz_country *c = &Dyad_gaz_countries[i];
    if (strlen(c->iso2) != 2 || strlen(c->iso3) != 3 || !c->name[0] ||
        c->lat < -90 || c->lat > 90 || c->lon < -180 || c->lon > 180)
      ok = false;
    if (i && strcmp(Dyad_gaz_countries[i - 1].iso2, c->iso2) >= 0)
      ok = false;
    for (size_t j = 0; j < i; j++)
      if (strcmp(Dyad_gaz_countries[j].iso3, c->iso3) == 0)
        ok = false;
  }
  CHECK(r, ok);
  CHECK(r, Dyad_gaz_ncountries >= 240);
  CASE(r, "aliases name known countries");
  ok = true;
  for (size_t i = 0; i < Dyad_gaz_naliases; i++)
    if (!Dyad_gaz_country(Dyad_gaz_aliases[i].iso3))
      ok = false;
  CHECK(r, ok);
  CASE(r, "CAMEO country codes");
  const struct gaz_country *c = Dyad_gaz_country("MLI");
  CHECK(r, c && strcmp(c->name, "Mali") == 0);
  c = Dyad_gaz_country("ROM"); /* CAMEO's Romania */
  CHECK(r, c && strcmp(c->iso3, "ROU") == 0);
  c = Dyad_gaz_country("MLIGOV");
  CHECK(r, c && strcmp(c->iso3, "MLI") == 0);
  CHECK(r, Dyad_gaz_country("IGO") == NULL);
  CHECK(r, Dyad_gaz_country("") == NULL);
}

static void test_fold(struct runner *r) {
  fold_is(r, "Paris", "PARIS");
  fold_is(r, "  New   York ", "NEW YORK");
  fold_is(r, "U.S.", "US");
  fold_is(r, "Cote d'Ivoire", "COTE DIVOIRE");
  fold_is(r, "C\xc3\xb4te d\xe2\x80\x99Ivoire", "COTE DIVOIRE");
  fold_is(r, "\xc3\x8ele-de-France", "ILE DE FRANCE");
  fold_is(r,
          "Gora\xc5\xbe"
          "de",
          "GORAZDE");
  fold_is(r,
          "\xc5\x81\xc3\xb3"
          "d\xc5\xba",
          "LODZ");
  fold_is(r, "...", "");
  CASE(r, "fold: too long for the buffer");
  char small[4];
  CHECK_INT(r, Dyad_gaz_fold("Timbuktu", 8, small, sizeof small), 0);
}

#define ROW(id, name, lat, lon, cls, code, cc, adm1, pop)                      \
  id "\t" name "\t" name "\t\t" lat "\t" lon "\t" cls "\t" code "\t" cc        \
     "\t\t" adm1 "\t\t\t\t" pop "\t\t\tZone\t2020-01-01\n"

static void test_dump(struct runner *r) {
  static const char dump[] = "# a comment\n" ROW(
      "1", "Kidal", "18.44111", "1.40778", "P", "PPLA", "ML", "08", "25617")
      ROW("2", "Kidal Region", "19.0", "1.0", "A", "ADM1", "ML", "08", "67739")
          ROW("3", "Mount Nowhere", "1", "1", "T", "MT", "ML", "", "0") "\n"
      /* line 6: a bad latitude at column 12 */
      ROW("4", "Bad", "north", "1", "P", "PPL", "ML", "", "0")
      /* line 7: an unknown country at column 30 */
      ROW("5", "Nowhere", "1", "1", "P", "PPL", "ZZ", "", "0")
      /* line 8: too few fields */
      "6\tshort\n"
      /* line 9: a population that is no number, no newline at the end */
      "7\tX\tX\t\t1\t1\tP\tPPL\tML\t\t\t\t\t\tmany\t\t\tZone\t2020-01-01";
  struct gazetteer g;
  Dyad_gaz_init(&g);
  struct vec diags;
  Dyad_vec_init(&diags, sizeof(dyad_error));
  dyad_error err;
  memset(&err, 0, sizeof err);
  CASE(r, "dump: read, bad lines kept as diagnostics");
  CHECK_INT(r, Dyad_buf_putc(&g.strings, '\0'), DYAD_OK);
  CHECK_INT(r,
            Dyad_gaz_add_geonames(&g, "d.txt", dump, sizeof dump - 1, false,
                                  &diags, &err),
            DYAD_OK);
  CHECK_INT(r, Dyad_gaz_index(&g), DYAD_OK);
  CHECK_INT(r, diags.len, 4);
  static const unsigned want[4][2] = {{6, 12}, {7, 30}, {8, 1}, {9, 26}};
  for (size_t i = 0; i < diags.len && i < 4; i++) {
    const dyad_error *d = &VEC_AT(&diags, dyad_error, i);
    CASE(r, d->message);
    CHECK_INT(r, d->line, want[i][0]);
    CHECK_INT(r, d->column, want[i][1]);
    CHECK_STR(r, d->source, "d.txt");
  }
  CASE(r, "dump: a place, its region code, a region; no mountain");
  const struct gaz_entry *e[8];
  size_t n = Dyad_gaz_find(&g, "KIDAL", 5, e, 8);
  CHECK_INT(r, n, 1);
  if (n == 1) {
    CHECK_STR(r, e[0]->iso3, "MLI");
    CHECK_STR(r, Dyad_gaz_str(&g, e[0]->admin1), "ML.08");
    CHECK_INT(r, e[0]->level, DYAD_GEO_PLACE);
    CHECK_INT(r, e[0]->pop, 25617);
  }
  n = Dyad_gaz_find(&g, "KIDAL REGION", 12, e, 8);
  CHECK_INT(r, n, 1);
  if (n == 1)
    CHECK_INT(r, e[0]->level, DYAD_GEO_ADMIN1);
  CASE(r, "admin1CodesASCII.txt: region names, bad lines");
  static const char adm[] = "ML.08\tKidal\tKidal\t2455290\n"
                            "ML.09\n"
                            "ML.10\t\xff\tX\t1\n";
  size_t before = diags.len;
  CHECK_INT(r,
            Dyad_gaz_admin1_names(&g, "a.txt", adm, sizeof adm - 1, 0, false,
                                  &diags, &err),
            DYAD_OK);
  CHECK_INT(r, diags.len - before, 2);
  if (diags.len == before + 2) {
    const dyad_error *d = &VEC_AT(&diags, dyad_error, before);
    CHECK_INT(r, d->line, 2);
    CHECK_INT(r, d->column, 1);
    d = &VEC_AT(&diags, dyad_error, before + 1);
    CHECK_INT(r, d->line, 3);
    CHECK_INT(r, d->column, 7);
    CHECK_STR(r, d->message, "region name is not UTF-8");
  }
  n = Dyad_gaz_find(&g, "KIDAL", 5, e, 8);
  CHECK_INT(r, n, 1);
  if (n == 1)
    CHECK_STR(r, Dyad_gaz_str(&g, e[0]->admin1), "Kidal");
  CHECK_INT(r, Dyad_gaz_find(&g, "MOUNT NOWHERE", 13, e, 8), 0);
  CHECK_INT(r, Dyad_gaz_find(&g, "BAD", 3, e, 8), 0);
  Dyad_gaz_fini(&g);
  Dyad_vec_fini(&diags);

  CASE(r, "dump: strict, the first bad line fails");
  Dyad_gaz_init(&g);
  CHECK_INT(r, Dyad_buf_putc(&g.strings, '\0'), DYAD_OK);
  CHECK_INT(r,
            Dyad_gaz_add_geonames(&g, "d.txt", dump, sizeof dump - 1, true,
                                  NULL, &err),
            DYAD_ERR_PARSE);
  CHECK_INT(r, err.line, 6);
  CHECK_INT(r, err.column, 12);
  CHECK_STR(r, err.message, "latitude is not a number from -90 to 90");
  Dyad_gaz_fini(&g);
}

static void test_build(struct runner *r) {
  struct gazetteer g;
  Dyad_gaz_init(&g);
  CASE(r, "build: countries and libgeonames");
  CHECK_INT(r, Dyad_gaz_build(&g, false, NULL, false, NULL, NULL), DYAD_OK);
  CHECK(r, g.entries.len > 20000);
  const struct gaz_entry *e[16];
  size_t n = Dyad_gaz_find(&g, "GAO", 3, e, 16);
  bool city = false, region = false;
  for (size_t i = 0; i < n; i++) {
    if (e[i]->level == DYAD_GEO_PLACE && strcmp(e[i]->iso3, "MLI") == 0) {
      city = true;
      CHECK(r, e[i]->lat > 16 && e[i]->lat < 17);
    }
    region |= e[i]->level == DYAD_GEO_ADMIN1;
  }
  CHECK(r, city);
  CHECK(r, region);
  CASE(r, "build: a region without its article");
  n = Dyad_gaz_find(&g, "NAJAF", 5, e, 16);
  region = false;
  for (size_t i = 0; i < n; i++)
    region |= e[i]->level == DYAD_GEO_ADMIN1 &&
              strcmp(Dyad_gaz_str(&g, e[i]->name), "An Najaf") == 0;
  CHECK(r, region);
  CASE(r, "build: countries and their other names");
  n = Dyad_gaz_find(&g, "IVORY COAST", 11, e, 16);
  CHECK(r, n >= 1 && strcmp(e[0]->iso3, "CIV") == 0);
  n = Dyad_gaz_find(&g, "BRITAIN", 7, e, 16);
  CHECK(r, n >= 1 && strcmp(e[0]->iso3, "GBR") == 0 &&
               e[0]->level == DYAD_GEO_COUNTRY);
  CASE(r, "build: a missing dump");
  Dyad_gaz_fini(&g);
  Dyad_gaz_init(&g);
  dyad_error err;
  memset(&err, 0, sizeof err);
  CHECK_INT(r,
            Dyad_gaz_build(&g, true, "/nonexistent/allCountries.txt", false,
                           NULL, &err),
            DYAD_ERR_IO);
  CHECK_STR(r, err.source, "/nonexistent/allCountries.txt");
  Dyad_gaz_fini(&g);
}

/* The one entry of level `level` in country iso3 found by `name`, NULL
 * when there is none or several. */
static const struct gaz_entry *one(const struct gazetteer *g, const char *name,
                                   const char *iso3, int level) {
  char k[128];
  size_t kn = Dyad_gaz_fold(name, strlen(name), k, sizeof k);
  const struct gaz_entry *e[64], *hit = NULL;
  size_t n = Dyad_gaz_find(g, k, kn, e, 64);
  for (size_t i = 0; i < n; i++)
    if (e[i]->level == level && strcmp(e[i]->iso3, iso3) == 0) {
      if (hit)
        return NULL;
      hit = e[i];
    }
  return hit;
}

static void place_at(struct runner *r, const struct gazetteer *g,
                     const char *name, const char *iso3, const char *called,
                     const char *admin1, double lat, double lon) {
  CASE(r, name);
  const struct gaz_entry *e = one(g, name, iso3, DYAD_GEO_PLACE);
  CHECK(r, e != NULL);
  if (!e)
    return;
  CHECK_STR(r, Dyad_gaz_str(g, e->name), called);
  CHECK_STR(r, Dyad_gaz_str(g, e->admin1), admin1);
  CHECK(r, fabs(e->lat - lat) < 0.01 && fabs(e->lon - lon) < 0.01);
}

static void test_places(struct runner *r) {
  CASE(r, "place facts: names, codes and coordinates well formed");
  bool ok = true;
  for (size_t i = 0; i < Dyad_gaz_nplaces; i++) {
    const struct gaz_place *p = &Dyad_gaz_places[i];
    if (!p->names[0] || p->names[strlen(p->names) - 1] == '|' ||
        strstr(p->names, "||") || !Dyad_gaz_country(p->iso3) || p->lat < -90 ||
        p->lat > 90 || p->lon < -180 || p->lon > 180 ||
        (p->level != DYAD_GEO_PLACE && p->level != DYAD_GEO_ADMIN1) ||
        (p->level == DYAD_GEO_PLACE && !p->admin1[0]))
      ok = false;
    /* inside the country's box: within 12 degrees of its centre */
    const struct gaz_country *c = Dyad_gaz_country(p->iso3);
    if (c && (fabs(c->lat - p->lat) > 12 || fabs(c->lon - p->lon) > 12))
      ok = false;
  }
  CHECK(r, ok);
  struct gazetteer g;
  for (int pass = 0; pass < 2; pass++) {
    Dyad_gaz_init(&g);
    bool no_geonames = pass == 1;
    CASE(r, no_geonames ? "place facts without libgeonames"
                        : "place facts with libgeonames");
    CHECK_INT(r, Dyad_gaz_build(&g, no_geonames, NULL, false, NULL, NULL),
              DYAD_OK);
    place_at(r, &g, "Kidal", "MLI", "Kidal", "Kidal", 18.44, 1.41);
    place_at(r, &g, "Menaka", "MLI", "Ménaka", "Ménaka", 15.92, 2.40);
    place_at(r, &g, "Gaza City", "PSE", "Gaza", "Gaza Strip", 31.50, 34.47);
    place_at(r, &g, "Gaza", "PSE", "Gaza", "Gaza Strip", 31.50, 34.47);
    place_at(r, &g, "Khan Younis", "PSE", "Khan Yunis", "Gaza Strip", 31.34,
             34.31);
    place_at(r, &g, "El Fasher", "SDN", "Al-Fashir", "Northern Darfur", 13.63,
             25.35);
    place_at(r, &g, "Hodeidah", "YEM", "Al Hudaydah", "Al Hudaydah Governorate",
             14.80, 42.95);
    place_at(r, &g, "Vuhledar", "UKR", "Vuhledar", "Donetsk Oblast", 47.78,
             37.25);
    CASE(r, "place facts: Gaza is no country, the Gaza Strip a region");
    CHECK(r, one(&g, "Gaza", "PSE", DYAD_GEO_COUNTRY) == NULL);
    CHECK(r, one(&g, "Gaza Strip", "PSE", DYAD_GEO_ADMIN1) != NULL);
    Dyad_gaz_fini(&g);
  }
  CASE(r, "place facts: a dump's own record of a place is kept alone");
  Dyad_gaz_init(&g);
  char path[] = "/tmp/dyad-test-gaz-XXXXXX";
  int fd = mkstemp(path);
  FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
  CHECK(r, f != NULL);
  if (!f)
    return;
  fputs("9\tKidal\tKidal\t\t18.5\t1.5\tP\tPPLA\tML\t\t08\t\t\t\t1\t\t\t\t"
        "2012-01-01\n",
        f);
  fclose(f);
  CHECK_INT(r, Dyad_gaz_build(&g, true, path, true, NULL, NULL), DYAD_OK);
  remove(path);
  const struct gaz_entry *e = one(&g, "Kidal", "MLI", DYAD_GEO_PLACE);
  CHECK(r, e && fabs(e->lat - 18.5) < 0.001);
  place_at(r, &g, "Tessalit", "MLI", "Tessalit", "Kidal", 20.20, 1.01);
  Dyad_gaz_fini(&g);
}

int main(void) {
  struct runner r = {0};
  test_countries(&r);
  test_places(&r);
  test_fold(&r);
  test_dump(&r);
  test_build(&r);
  return harness_report(&r, "test_gazetteer");
}
