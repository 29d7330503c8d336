/*
 * gazetteer.h - places by name, for the locations of events (stage
 * "enrich").
 *
 * Takes: dyad's country table (countries.c), its place facts (places.c),
 * the cities of Debian's
 * libgeonames package (about 24,000 places of 15,000 people or more, with
 * their first-level region, country and coordinates; GeoNames data, CC BY
 * 4.0), and optionally a GeoNames dump named by the caller. Gives: for a
 * folded name ("GAO", "NEW YORK"), every place, region and country of that
 * name. Built once per lexicon, on the first lookup
 * (Dyad_lex_gazetteer) or at load when a dump is named; immutable and
 * shared after.
 */
#ifndef DYAD_GAZETTEER_H
#define DYAD_GAZETTEER_H

#include "../internal.h"

struct gaz_country {
  char iso2[3];     /* ISO 3166-1 alpha-2 */
  char iso3[4];     /* ISO 3166-1 alpha-3 */
  const char *name; /* common English name */
  float lat, lon;   /* approximate centre, degrees */
};

struct gaz_alias {
  char iso3[4];
  const char *name;
};

/* A place of dyad's own facts (places.c). */
struct gaz_place {
  const char *names;  /* "Name|Other name|...": the first is its name */
  char iso3[4];       /* country, ISO 3166-1 alpha-3 */
  const char *admin1; /* first-level region; "" for a region itself */
  float lat, lon;     /* degrees, WGS84 */
  uint32_t pop;       /* rounded population: ranks places of one name */
  uint8_t level;      /* DYAD_GEO_PLACE or DYAD_GEO_ADMIN1 */
};

extern const struct gaz_place Dyad_gaz_places[];
extern const size_t Dyad_gaz_nplaces;

extern const struct gaz_country Dyad_gaz_countries[];
extern const size_t Dyad_gaz_ncountries;
extern const struct gaz_alias Dyad_gaz_aliases[];
extern const size_t Dyad_gaz_naliases;

/* One named place. Strings are offsets into gazetteer.strings. */
struct gaz_entry {
  uint32_t key;    /* the folded name it is found by */
  uint32_t name;   /* its name as the source writes it */
  uint32_t admin1; /* the first-level region holding it; 0 = "" */
  char iso3[4];    /* its country */
  float lat, lon;  /* degrees */
  uint32_t pop;    /* population; countries rank above every place */
  uint8_t level;   /* dyad_geo_precision */
};

struct gazetteer {
  struct buf strings; /* NUL-separated; offset 0 is "" */
  struct vec entries; /* struct gaz_entry */
  uint32_t *slots;    /* entry index + 1 by hash of key; 0 empty */
  size_t nslots;      /* a power of two */
};

/* Folds a name for lookup into out (cap bytes): ASCII letters upper case,
 * Latin-1 and Latin Extended-A letters to their base letter, periods and
 * apostrophes dropped, other punctuation and blanks as one space. Returns the
 * length, 0 when nothing is left or it does not fit. */
size_t Dyad_gaz_fold(const char *s, size_t n, char *out, size_t cap);

/* Builds `g` from the country table, the libgeonames cities (unless
 * `no_geonames`) and the GeoNames dump at `path` (may be NULL), naming its
 * regions from the admin1CodesASCII.txt of the same directory when there
 * is one, then the place facts of places.c whose names it does not hold
 * yet in their country. Bad lines
 * of the dump go to `diags` (dyad_error, file:line:col) or, with `strict`,
 * fail with DYAD_ERR_PARSE in `err`. DYAD_ERR_IO when the dump cannot be
 * read, DYAD_ERR_NOMEM. */
dyad_status Dyad_gaz_build(struct gazetteer *g, bool no_geonames,
                           const char *path, bool strict, struct vec *diags,
                           dyad_error *err) DYAD_WUR;

/* Adds the places of a GeoNames dump held in memory (`name` for messages):
 * tab-separated lines of 19 fields (geonameid, name, asciiname,
 * alternatenames, latitude, longitude, feature class, feature code,
 * country code, cc2, admin1 code, admin2, admin3, admin4, population,
 * elevation, dem, timezone, modification date). Populated places (class P)
 * become places, first-level divisions (A ADM1) regions; other features
 * are passed over. Then call Dyad_gaz_index. */
dyad_status Dyad_gaz_add_geonames(struct gazetteer *g, const char *name,
                                  const char *data, size_t len, bool strict,
                                  struct vec *diags, dyad_error *err) DYAD_WUR;

/* Names the regions of the places added since entry `first` from a
 * GeoNames admin1CodesASCII.txt held in memory (`name` for messages):
 * lines "ML.08<TAB>Kidal<TAB>Kidal<TAB>2455290"; a place whose region code
 * is listed gets the region's name. Bad lines as Dyad_gaz_add_geonames. */
dyad_status Dyad_gaz_admin1_names(struct gazetteer *g, const char *name,
                                  const char *data, size_t len, size_t first,
                                  bool strict, struct vec *diags,
                                  dyad_error *err) DYAD_WUR;

/* (Re)builds the hash index after entries were added. */
dyad_status Dyad_gaz_index(struct gazetteer *g) DYAD_WUR;

void Dyad_gaz_init(struct gazetteer *g);
void Dyad_gaz_fini(struct gazetteer *g);

/* The entries whose folded name is key[0..n): up to cap of them in out;
 * returns how many. */
size_t Dyad_gaz_find(const struct gazetteer *g, const char *key, size_t n,
                     const struct gaz_entry **out, size_t cap);

static inline const char *Dyad_gaz_str(const struct gazetteer *g,
                                       uint32_t off) {
  return g->strings.data + off;
}

/* The country of alpha-3 (or CAMEO country) code `code` (3 letters), NULL
 * if the table has none. */
const struct gaz_country *Dyad_gaz_country(const char *code);

#endif
