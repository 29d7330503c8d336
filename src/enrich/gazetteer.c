/*
 * gazetteer.c - places by name (gazetteer.h): dyad's country table and
 * place facts (countries.c, places.c), the
 * cities of Debian's libgeonames (geonames_get_n_cities / geonames_get_city:
 * name, first-level region, ISO 3166 alpha-2 country, latitude, longitude,
 * population), and the GeoNames dump a caller names ("allCountries.txt",
 * "cities15000.txt": the tab-separated format of the GeoNames export,
 * readme at download.geonames.org/export/dump), with the names of its
 * first-level regions from the admin1CodesASCII.txt beside it when there is
 * one.
 *
 * A city named "Washington D.C." or "Burgdorf, Hanover" is found by the
 * words before the abbreviation or the comma too.
 *
 * Regions. libgeonames names each city's first-level region but holds no
 * region records; each region named becomes an entry of level admin1 at
 * the coordinates of its most populous city (a point inside the region,
 * not its centre), found by its name and by the name without a leading
 * Arabic article or a trailing "Region", "Province", "Governorate",
 * "State" ("An Najaf" is found as "Najaf" too).
 *
 * Index: open addressing over the folded names, all entries of a name
 * found by one probe run. Building reads libgeonames' ~24,000 cities once
 * (about 50 ms, nearly all of it in libgeonames' accessors;
 * bench/RESULTS.md).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <geonames.h>

#include "gazetteer.h"

#define GAZ_KEY_MAX 128
#define COUNTRY_POP 4000000000u /* countries rank above every place */

void Dyad_gaz_init(struct gazetteer *g) {
  memset(g, 0, sizeof *g);
  Dyad_buf_init(&g->strings, (size_t)1 << 31);
  Dyad_vec_init(&g->entries, sizeof(struct gaz_entry));
}

void Dyad_gaz_fini(struct gazetteer *g) {
  if (!g)
    return;
  Dyad_buf_fini(&g->strings);
  Dyad_vec_fini(&g->entries);
  free(g->slots);
  memset(g, 0, sizeof *g);
}

/* Latin-1 supplement letters (U+00C0..U+00FF, UTF-8 C3 80..C3 BF) to their
 * base letter; 0 for the two that are no letter (multiplication and
 * division signs). */
static const char LATIN1[64] =
    "AAAAAAACEEEEIIIIDNOOOOO\0OUUUUYTSAAAAAAACEEEEIIIIDNOOOOO\0OUUUUYTY";

/* Latin Extended-A letters (U+0100..U+017F, UTF-8 C4 80..C5 BF) to their
 * base letter ("Gora\u017Ede" is found as "GORAZDE"). */
static const char LATIN_A[128] = "AAAAAACCCCCCCCDDDDEEEEEEEEEEGGGG"
                                 "GGGGHHHHIIIIIIIIIIJJJJKKKLLLLLLL"
                                 "LLLNNNNNNNNNOOOOOOOORRRRRRSSSSSS"
                                 "SSTTTTTTUUUUUUUUUUUUWWYYYZZZZZZS";

size_t Dyad_gaz_fold(const char *s, size_t n, char *out, size_t cap) {
  size_t o = 0;
  bool space = false;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    char put = 0;
    if (c >= 'a' && c <= 'z')
      put = (char)(c - 32);
    else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
      put = (char)c;
    else if (c == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
             (unsigned char)s[i + 1] <= 0xBF) {
      put = LATIN1[(unsigned char)s[++i] - 0x80];
    } else if ((c == 0xC4 || c == 0xC5) && i + 1 < n &&
               (unsigned char)s[i + 1] >= 0x80 &&
               (unsigned char)s[i + 1] <= 0xBF) {
      put = LATIN_A[(c - 0xC4) * 64 + ((unsigned char)s[++i] - 0x80)];
    } else if (c == '.' || c == '\'') {
      continue;
    } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
               (unsigned char)s[i + 2] == 0x99) {
      i += 2; /* a typographic apostrophe */
      continue;
    } else if (c >= 0x80) {
      put = (char)c; /* other UTF-8 bytes as they are */
    } else {
      space = o > 0;
      continue;
    }
    if (!put)
      continue;
    if (space) {
      if (o + 1 >= cap)
        return 0;
      out[o++] = ' ';
      space = false;
    }
    if (o + 1 >= cap)
      return 0;
    out[o++] = put;
  }
  return o;
}

static dyad_status add_str(struct gazetteer *g, const char *s, size_t n,
                           uint32_t *off) {
  if (n == 0) {
    *off = 0;
    return DYAD_OK;
  }
  if (g->strings.len + n + 1 >= ((size_t)1 << 31))
    return DYAD_ERR_LIMIT;
  *off = (uint32_t)g->strings.len;
  TRY(Dyad_buf_put(&g->strings, s, n));
  return Dyad_buf_putc(&g->strings, '\0');
}

/* Adds an entry found by `key` (folded here). */
static dyad_status add(struct gazetteer *g, const char *key, size_t keylen,
                       const char *name, uint32_t admin1, const char *iso3,
                       double lat, double lon, uint32_t pop, uint8_t level) {
  char k[GAZ_KEY_MAX];
  size_t kn = Dyad_gaz_fold(key, keylen, k, sizeof k);
  if (!kn)
    return DYAD_OK;
  struct gaz_entry e;
  memset(&e, 0, sizeof e);
  TRY(add_str(g, k, kn, &e.key));
  TRY(add_str(g, name, strlen(name), &e.name));
  e.admin1 = admin1;
  memcpy(e.iso3, iso3, 3);
  e.lat = (float)lat;
  e.lon = (float)lon;
  e.pop = pop;
  e.level = level;
  struct gaz_entry *p = Dyad_vec_push(&g->entries);
  if (!p)
    return DYAD_ERR_NOMEM;
  *p = e;
  return DYAD_OK;
}

static int cmp_iso2(const void *a, const void *b) {
  return memcmp(a, ((const struct gaz_country *)b)->iso2, 2);
}

/* The country of ISO 3166 alpha-2 `iso2` (the table is sorted by it). */
static const struct gaz_country *by_iso2(const char *iso2) {
  if (!iso2 || strlen(iso2) != 2)
    return NULL;
  return bsearch(iso2, Dyad_gaz_countries, Dyad_gaz_ncountries,
                 sizeof Dyad_gaz_countries[0], cmp_iso2);
}

const struct gaz_country *Dyad_gaz_country(const char *code) {
  if (!code || strlen(code) < 3)
    return NULL;
  for (size_t i = 0; i < Dyad_gaz_ncountries; i++)
    if (memcmp(Dyad_gaz_countries[i].iso3, code, 3) == 0)
      return &Dyad_gaz_countries[i];
  /* CAMEO country codes that are not ISO 3166 alpha-3 */
  static const char cameo[][2][4] = {
      {"ROM", "ROU"}, {"ZAR", "COD"}, {"TMP", "TLS"}, {"KSV", "XKX"},
      {"SER", "SRB"}, {"YUG", "SRB"}, {"PAL", "PSE"}, {"BAH", "BHS"}};
  for (size_t i = 0; i < sizeof cameo / sizeof cameo[0]; i++)
    if (memcmp(cameo[i][0], code, 3) == 0)
      return Dyad_gaz_country(cameo[i][1]);
  return NULL;
}

static dyad_status add_countries(struct gazetteer *g) {
  for (size_t i = 0; i < Dyad_gaz_ncountries; i++) {
    const struct gaz_country *c = &Dyad_gaz_countries[i];
    TRY(add(g, c->name, strlen(c->name), c->name, 0, c->iso3, c->lat, c->lon,
            COUNTRY_POP, DYAD_GEO_COUNTRY));
  }
  for (size_t i = 0; i < Dyad_gaz_naliases; i++) {
    const struct gaz_alias *a = &Dyad_gaz_aliases[i];
    const struct gaz_country *c = Dyad_gaz_country(a->iso3);
    if (c)
      TRY(add(g, a->name, strlen(a->name), c->name, 0, c->iso3, c->lat, c->lon,
              COUNTRY_POP, DYAD_GEO_COUNTRY));
  }
  return DYAD_OK;
}

/* A region's name without "Region", "Province" ... or a leading "Al ",
 * "An " ...: the length and start in *n, *s; false when unchanged. */
static bool short_region(const char **s, size_t *n) {
  static const char *const tail[] = {" Region", " Province", " Governorate",
                                     " State",  " Oblast",   " Department"};
  static const char *const head[] = {"Al ",  "An ", "Ar ", "As ",
                                     "Ash ", "At ", "Az ", "Ad "};
  bool changed = false;
  for (size_t i = 0; i < sizeof tail / sizeof tail[0]; i++) {
    size_t m = strlen(tail[i]);
    if (*n > m + 2 && memcmp(*s + *n - m, tail[i], m) == 0) {
      *n -= m;
      changed = true;
      break;
    }
  }
  for (size_t i = 0; i < sizeof head / sizeof head[0]; i++) {
    size_t m = strlen(head[i]);
    if (*n > m + 2 && memcmp(*s, head[i], m) == 0) {
      *s += m;
      *n -= m;
      changed = true;
      break;
    }
  }
  return changed;
}

/* The length of a city's name without what follows a comma or a last
 * abbreviation ("Washington D.C."), 0 when there is nothing to drop. */
static size_t short_city(const char *name) {
  const char *comma = strchr(name, ',');
  if (comma && comma > name)
    return (size_t)(comma - name);
  const char *sp = strrchr(name, ' ');
  if (sp && sp > name && strchr(sp, '.'))
    return (size_t)(sp - name);
  return 0;
}

/* A region seen in the city list: its most populous city and total. */
struct region {
  uint32_t name; /* offset in strings */
  char iso3[4];
  float lat, lon;
  uint32_t best, pop;
};

static dyad_status add_geonames_package(struct gazetteer *g) {
  int n = geonames_get_n_cities();
  struct vec regions;
  Dyad_vec_init(&regions, sizeof(struct region));
  struct u64map seen; /* hash(country, region) -> region index + 1 */
  Dyad_u64map_init(&seen);
  dyad_status st = DYAD_OK;
  for (int i = 0; i < n && st == DYAD_OK; i++) {
    GeonamesCity *city = geonames_get_city(i);
    if (!city)
      continue;
    const char *name = geonames_city_get_name(city);
    const char *state = geonames_city_get_state(city);
    const struct gaz_country *c = by_iso2(geonames_city_get_country_code(city));
    double lat = geonames_city_get_latitude(city);
    double lon = geonames_city_get_longitude(city);
    uint32_t pop = geonames_city_get_population(city);
    if (!name || !c) {
      geonames_city_free(city);
      continue;
    }
    uint32_t admin1 = 0;
    if (state && state[0]) {
      st = add_str(g, state, strlen(state), &admin1);
      /* the region, once per country */
      uint64_t h = Dyad_hash_bytes(state, strlen(state)) ^
                   Dyad_hash_bytes(c->iso3, 3) * 31u;
      uint32_t idx = 0;
      if (st == DYAD_OK && Dyad_u64map_get(&seen, h, &idx)) {
        struct region *r = &VEC_AT(&regions, struct region, idx - 1);
        r->pop += pop;
        if (pop > r->best) {
          r->best = pop;
          r->lat = (float)lat;
          r->lon = (float)lon;
        }
      } else if (st == DYAD_OK) {
        struct region *r = Dyad_vec_push(&regions);
        if (!r) {
          st = DYAD_ERR_NOMEM;
        } else {
          r->name = admin1;
          memcpy(r->iso3, c->iso3, 4);
          r->lat = (float)lat;
          r->lon = (float)lon;
          r->best = r->pop = pop;
          st = Dyad_u64map_put(&seen, h, (uint32_t)regions.len);
        }
      }
    }
    if (st == DYAD_OK)
      st = add(g, name, strlen(name), name, admin1, c->iso3, lat, lon, pop,
               DYAD_GEO_PLACE);
    /* "Washington D.C." is found as "Washington", "Burgdorf, Hanover" as
     * "Burgdorf" */
    size_t short_len = short_city(name);
    if (st == DYAD_OK && short_len)
      st = add(g, name, short_len, name, admin1, c->iso3, lat, lon, pop,
               DYAD_GEO_PLACE);
    geonames_city_free(city);
  }
  for (size_t i = 0; i < regions.len && st == DYAD_OK; i++) {
    struct region *r = &VEC_AT(&regions, struct region, i);
    /* copy: add() may move the strings */
    char name[GAZ_KEY_MAX];
    snprintf(name, sizeof name, "%s", Dyad_gaz_str(g, r->name));
    st = add(g, name, strlen(name), name, r->name, r->iso3, r->lat, r->lon,
             r->pop, DYAD_GEO_ADMIN1);
    const char *s = name;
    size_t len = strlen(name);
    if (st == DYAD_OK && short_region(&s, &len))
      st = add(g, s, len, name, r->name, r->iso3, r->lat, r->lon, r->pop,
               DYAD_GEO_ADMIN1);
  }
  Dyad_u64map_fini(&seen);
  Dyad_vec_fini(&regions);
  return st;
}

/* ---- GeoNames dumps ---------------------------------------------------- */

static dyad_status bad_line(const char *name, unsigned line, unsigned col,
                            bool strict, struct vec *diags, dyad_error *err,
                            const char *msg) {
  if (strict)
    return Dyad_error_set(err, DYAD_ERR_PARSE, name, line, col, "%s", msg);
  if (diags) {
    dyad_error *d = Dyad_vec_push(diags);
    if (!d)
      return DYAD_ERR_NOMEM;
    Dyad_error_set(d, DYAD_ERR_PARSE, name, line, col, "%s", msg);
  }
  return DYAD_OK;
}

/* A decimal number field [s, s+n) in [lo, hi]. */
static bool number(const char *s, size_t n, double lo, double hi, double *v) {
  char tmp[32];
  if (n == 0 || n >= sizeof tmp)
    return false;
  memcpy(tmp, s, n);
  tmp[n] = '\0';
  for (size_t i = 0; i < n; i++)
    if (!((tmp[i] >= '0' && tmp[i] <= '9') || tmp[i] == '-' || tmp[i] == '.' ||
          tmp[i] == '+'))
      return false;
  char *end = NULL;
  errno = 0;
  double d = strtod(tmp, &end);
  if (errno || end != tmp + n || !(d >= lo && d <= hi))
    return false;
  *v = d;
  return true;
}

#define GN_FIELDS 19

dyad_status Dyad_gaz_add_geonames(struct gazetteer *g, const char *name,
                                  const char *data, size_t len, bool strict,
                                  struct vec *diags, dyad_error *err) {
  unsigned line = 0;
  size_t pos = 0;
  while (pos < len) {
    line++;
    const char *l = data + pos;
    const char *nl = memchr(l, '\n', len - pos);
    size_t ll = nl ? (size_t)(nl - l) : len - pos;
    pos += ll + (nl ? 1 : 0);
    if (ll && l[ll - 1] == '\r')
      ll--;
    if (ll == 0 || l[0] == '#')
      continue;
    const char *f[GN_FIELDS];
    size_t fl[GN_FIELDS];
    size_t nf = 0, start = 0;
    for (size_t i = 0; i <= ll; i++) {
      if (i < ll && l[i] != '\t')
        continue;
      if (nf < GN_FIELDS) {
        f[nf] = l + start;
        fl[nf] = i - start;
      }
      nf++;
      start = i + 1;
    }
    char msg[128];
    if (nf != GN_FIELDS) {
      snprintf(msg, sizeof msg, "%zu tab-separated fields, want %d", nf,
               GN_FIELDS);
      TRY(bad_line(name, line, 1, strict, diags, err, msg));
      continue;
    }
    unsigned col[GN_FIELDS];
    for (size_t i = 0; i < GN_FIELDS; i++)
      col[i] = (unsigned)(f[i] - l) + 1;
    if (fl[1] == 0 || fl[1] >= GAZ_KEY_MAX) {
      TRY(bad_line(name, line, col[1], strict, diags, err,
                   "empty or over-long place name"));
      continue;
    }
    if (Dyad_utf8_check(f[1], fl[1]) != fl[1]) {
      TRY(bad_line(name, line, col[1], strict, diags, err,
                   "place name is not UTF-8"));
      continue;
    }
    double lat, lon, pop = 0;
    if (!number(f[4], fl[4], -90, 90, &lat)) {
      TRY(bad_line(name, line, col[4], strict, diags, err,
                   "latitude is not a number from -90 to 90"));
      continue;
    }
    if (!number(f[5], fl[5], -180, 180, &lon)) {
      TRY(bad_line(name, line, col[5], strict, diags, err,
                   "longitude is not a number from -180 to 180"));
      continue;
    }
    if (fl[14] && !number(f[14], fl[14], 0, 4e9, &pop)) {
      TRY(bad_line(name, line, col[14], strict, diags, err,
                   "population is not a whole number"));
      continue;
    }
    bool place = fl[6] == 1 && f[6][0] == 'P';
    bool adm1 = fl[6] == 1 && f[6][0] == 'A' && fl[7] == 4 &&
                memcmp(f[7], "ADM1", 4) == 0;
    if (!place && !adm1)
      continue;
    char cc[3] = {0};
    if (fl[8] == 2) {
      cc[0] = f[8][0];
      cc[1] = f[8][1];
    }
    const struct gaz_country *c = by_iso2(cc);
    if (!c) {
      TRY(bad_line(name, line, col[8], strict, diags, err,
                   "country code is not an ISO 3166 alpha-2 code"));
      continue;
    }
    char nm[GAZ_KEY_MAX];
    memcpy(nm, f[1], fl[1]);
    nm[fl[1]] = '\0';
    /* the region's code ("ML.07") stands for its name, which the dump's
     * companion file admin1CodesASCII.txt holds */
    uint32_t admin1 = 0;
    if (place && fl[10] && fl[10] < 20) {
      char code[32];
      snprintf(code, sizeof code, "%s.%.*s", cc, (int)fl[10], f[10]);
      TRY(add_str(g, code, strlen(code), &admin1));
    } else if (adm1) {
      TRY(add_str(g, nm, fl[1], &admin1));
    }
    TRY(add(g, nm, fl[1], nm, admin1, c->iso3, lat, lon, (uint32_t)pop,
            place ? DYAD_GEO_PLACE : DYAD_GEO_ADMIN1));
    /* the ASCII name too, when it differs ("Sao Paulo") */
    if (fl[2] && fl[2] < GAZ_KEY_MAX &&
        (fl[2] != fl[1] || memcmp(f[1], f[2], fl[1]) != 0))
      TRY(add(g, f[2], fl[2], nm, admin1, c->iso3, lat, lon, (uint32_t)pop,
              place ? DYAD_GEO_PLACE : DYAD_GEO_ADMIN1));
  }
  return DYAD_OK;
}

/* Reads the file at `path` into b; DYAD_ERR_IO with `err` filled when it
 * cannot. *missing is set (and DYAD_OK returned) when it does not exist
 * and `missing` is not NULL. */
static dyad_status slurp(const char *path, struct buf *b, bool *missing,
                         dyad_error *err) {
  FILE *fp = fopen(path, "rb");
  if (!fp && missing && errno == ENOENT) {
    *missing = true;
    return DYAD_OK;
  }
  if (!fp)
    return Dyad_error_set(err, DYAD_ERR_IO, path, 0, 0, "cannot open: %s",
                          strerror(errno));
  char chunk[1 << 16];
  size_t n;
  dyad_status st = DYAD_OK;
  while (st == DYAD_OK && (n = fread(chunk, 1, sizeof chunk, fp)) > 0)
    st = Dyad_buf_put(b, chunk, n);
  if (st == DYAD_OK && ferror(fp))
    st = Dyad_error_set(err, DYAD_ERR_IO, path, 0, 0, "read error");
  fclose(fp);
  return st;
}

dyad_status Dyad_gaz_admin1_names(struct gazetteer *g, const char *name,
                                  const char *data, size_t len, size_t first,
                                  bool strict, struct vec *diags,
                                  dyad_error *err) {
  struct u64map names; /* hash of "ML.08" -> offset of "Kidal" */
  Dyad_u64map_init(&names);
  dyad_status st = DYAD_OK;
  unsigned line = 0;
  size_t pos = 0;
  while (st == DYAD_OK && pos < len) {
    line++;
    const char *l = data + pos;
    const char *nl = memchr(l, '\n', len - pos);
    size_t ll = nl ? (size_t)(nl - l) : len - pos;
    pos += ll + (nl ? 1 : 0);
    if (ll && l[ll - 1] == '\r')
      ll--;
    if (ll == 0 || l[0] == '#')
      continue;
    const char *t1 = memchr(l, '\t', ll);
    const char *t2 =
        t1 ? memchr(t1 + 1, '\t', ll - (size_t)(t1 + 1 - l)) : NULL;
    size_t cl = t1 ? (size_t)(t1 - l) : 0;
    size_t nn = t2 ? (size_t)(t2 - t1 - 1) : 0;
    if (!t2 || cl < 4 || cl > 24 || l[2] != '.' || nn == 0 ||
        nn >= GAZ_KEY_MAX) {
      st = bad_line(name, line,
                    t1 && cl >= 4 && cl <= 24 && l[2] == '.' ? (unsigned)cl + 2
                                                             : 1,
                    strict, diags, err,
                    "want a code (\"ML.08\"), a name and more fields");
      continue;
    }
    if (Dyad_utf8_check(t1 + 1, nn) != nn) {
      st = bad_line(name, line, (unsigned)cl + 2, strict, diags, err,
                    "region name is not UTF-8");
      continue;
    }
    uint32_t off;
    st = add_str(g, t1 + 1, nn, &off);
    if (st == DYAD_OK)
      st = Dyad_u64map_put(&names, Dyad_hash_bytes(l, cl), off);
  }
  /* the places of the dump name their region by code */
  for (size_t i = first; st == DYAD_OK && i < g->entries.len; i++) {
    struct gaz_entry *e = &VEC_AT(&g->entries, struct gaz_entry, i);
    if (e->level != DYAD_GEO_PLACE || !e->admin1)
      continue;
    const char *code = Dyad_gaz_str(g, e->admin1);
    uint32_t off;
    if (Dyad_u64map_get(&names, Dyad_hash_bytes(code, strlen(code)), &off))
      e->admin1 = off;
  }
  Dyad_u64map_fini(&names);
  return st;
}

static dyad_status load_file(struct gazetteer *g, const char *path, bool strict,
                             struct vec *diags, dyad_error *err) {
  struct buf b;
  Dyad_buf_init(&b, (size_t)1 << 34);
  size_t first = g->entries.len;
  dyad_status st = slurp(path, &b, NULL, err);
  if (st == DYAD_OK)
    st = Dyad_gaz_add_geonames(g, path, b.data ? b.data : "", b.len, strict,
                               diags, err);
  Dyad_buf_fini(&b);
  if (st != DYAD_OK)
    return st;
  /* admin1CodesASCII.txt beside the dump names its regions */
  const char *slash = strrchr(path, '/');
  size_t dl = slash ? (size_t)(slash - path) + 1 : 0;
  static const char companion[] = "admin1CodesASCII.txt";
  char *cp = malloc(dl + sizeof companion);
  if (!cp)
    return DYAD_ERR_NOMEM;
  memcpy(cp, path, dl);
  memcpy(cp + dl, companion, sizeof companion);
  bool missing = false;
  Dyad_buf_init(&b, (size_t)1 << 30);
  st = slurp(cp, &b, &missing, err);
  if (st == DYAD_OK && !missing)
    st = Dyad_gaz_admin1_names(g, cp, b.data ? b.data : "", b.len, first,
                               strict, diags, err);
  Dyad_buf_fini(&b);
  free(cp);
  return st;
}

/* ---- index ----------------------------------------------------------------
 */

static uint32_t key_hash(const char *k, size_t n) {
  return (uint32_t)Dyad_hash_bytes(k, n);
}

dyad_status Dyad_gaz_index(struct gazetteer *g) {
  size_t want = 64;
  while (want < g->entries.len * 2)
    want *= 2;
  uint32_t *slots = calloc(want, sizeof *slots);
  if (!slots)
    return DYAD_ERR_NOMEM;
  if (g->entries.len >= UINT32_MAX) {
    free(slots);
    return DYAD_ERR_LIMIT;
  }
  for (size_t i = 0; i < g->entries.len; i++) {
    const struct gaz_entry *e = &VEC_AT(&g->entries, struct gaz_entry, i);
    const char *k = Dyad_gaz_str(g, e->key);
    size_t h = key_hash(k, strlen(k)) & (want - 1);
    while (slots[h])
      h = (h + 1) & (want - 1);
    slots[h] = (uint32_t)i + 1;
  }
  free(g->slots);
  g->slots = slots;
  g->nslots = want;
  return DYAD_OK;
}

size_t Dyad_gaz_find(const struct gazetteer *g, const char *key, size_t n,
                     const struct gaz_entry **out, size_t cap) {
  if (!g->nslots || !n)
    return 0;
  size_t found = 0;
  for (size_t h = key_hash(key, n) & (g->nslots - 1); g->slots[h];
       h = (h + 1) & (g->nslots - 1)) {
    const struct gaz_entry *e =
        &VEC_AT(&g->entries, struct gaz_entry, g->slots[h] - 1);
    const char *k = Dyad_gaz_str(g, e->key);
    if (strncmp(k, key, n) == 0 && k[n] == '\0' && found < cap)
      out[found++] = e;
  }
  return found;
}

/* Whether the indexed gazetteer holds a place or region (`level`) named
 * name[0..n) in country iso3. */
static bool holds(const struct gazetteer *g, const char *name, size_t n,
                  const char *iso3, uint8_t level) {
  char k[GAZ_KEY_MAX];
  size_t kn = Dyad_gaz_fold(name, n, k, sizeof k);
  const struct gaz_entry *c[64];
  size_t nc = kn ? Dyad_gaz_find(g, k, kn, c, 64) : 0;
  for (size_t i = 0; i < nc; i++)
    if (c[i]->level == level && memcmp(c[i]->iso3, iso3, 3) == 0)
      return true;
  return false;
}

/* The place facts of places.c, each name the index does not hold yet in
 * the fact's country (the index is that of the entries before). */
static dyad_status add_places(struct gazetteer *g) {
  for (size_t i = 0; i < Dyad_gaz_nplaces; i++) {
    const struct gaz_place *p = &Dyad_gaz_places[i];
    const char *bar = strchr(p->names, '|');
    size_t first = bar ? (size_t)(bar - p->names) : strlen(p->names);
    char name[GAZ_KEY_MAX];
    snprintf(name, sizeof name, "%.*s", (int)first, p->names);
    const char *a = p->admin1[0] ? p->admin1 : name;
    uint32_t admin1 = 0;
    bool have_admin1 = false;
    char seen[8][GAZ_KEY_MAX]; /* the folded names of the fact so far */
    size_t nseen = 0;
    for (const char *s = p->names; *s;) {
      const char *e = strchr(s, '|');
      size_t n = e ? (size_t)(e - s) : strlen(s);
      char k[GAZ_KEY_MAX];
      size_t kn = Dyad_gaz_fold(s, n, k, sizeof k);
      k[kn] = '\0';
      bool again = false; /* "Ménaka" and "Menaka" fold alike */
      for (size_t j = 0; j < nseen; j++)
        again |= strcmp(seen[j], k) == 0;
      if (nseen < 8)
        memcpy(seen[nseen++], k, kn + 1);
      if (kn && !again && !holds(g, s, n, p->iso3, p->level)) {
        if (!have_admin1) {
          TRY(add_str(g, a, strlen(a), &admin1));
          have_admin1 = true;
        }
        TRY(add(g, s, n, name, admin1, p->iso3, p->lat, p->lon, p->pop,
                p->level));
      }
      s += n + (e != NULL);
    }
  }
  return DYAD_OK;
}

dyad_status Dyad_gaz_build(struct gazetteer *g, bool no_geonames,
                           const char *path, bool strict, struct vec *diags,
                           dyad_error *err) {
  /* offset 0 is "" */
  TRY(Dyad_buf_putc(&g->strings, '\0'));
  TRY(add_countries(g));
  if (!no_geonames)
    TRY(add_geonames_package(g));
  if (path)
    TRY(load_file(g, path, strict, diags, err));
  TRY(Dyad_gaz_index(g));
  size_t before = g->entries.len;
  TRY(add_places(g));
  return g->entries.len == before ? DYAD_OK : Dyad_gaz_index(g);
}
