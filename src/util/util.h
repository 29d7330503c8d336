/*
 * util.h - arena, capped byte buffer, growable arrays, hashing, error fill.
 *
 * Takes: nothing from other stages. Gives: the memory and error helpers every
 * stage uses. Per-document memory comes from an arena that is reset between
 * documents; long-lived lexicon memory uses malloc through dyn arrays.
 */
#ifndef DYAD_UTIL_H
#define DYAD_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dyad.h"

#if defined(__GNUC__)
#define DYAD_WUR __attribute__((warn_unused_result))
#define DYAD_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define DYAD_WUR
#define DYAD_PRINTF(a, b)
#endif

/* Propagate a non-OK status (jq's TRY idea). */
#define TRY(expr)                                                              \
  do {                                                                         \
    dyad_status try_s_ = (expr);                                               \
    if (try_s_ != DYAD_OK)                                                     \
      return try_s_;                                                           \
  } while (0)

/* ---- arena ------------------------------------------------------------- */

/* A bump allocator made of chained blocks. Reset keeps the first block. */
struct arena_block;
struct arena {
  struct arena_block *head; /* current block, newest first */
  size_t total;             /* bytes in all blocks */
  size_t cap;               /* refuse to grow past this many bytes */
};

void Dyad_arena_init(struct arena *a, size_t cap);
void Dyad_arena_fini(struct arena *a);
/* Frees all blocks but the first; everything allocated is invalid after. */
void Dyad_arena_reset(struct arena *a);
/* 8-byte aligned memory, NULL on exhaustion or over the cap. */
void *Dyad_arena_alloc(struct arena *a, size_t n) DYAD_WUR;
void *Dyad_arena_calloc(struct arena *a, size_t n, size_t size) DYAD_WUR;
/* NUL-terminated copy of s[0..n). */
char *Dyad_arena_strndup(struct arena *a, const char *s, size_t n) DYAD_WUR;

/* ---- growable byte buffer ---------------------------------------------- */

struct buf {
  char *data; /* NUL-terminated when len > 0 or after buf_cstr */
  size_t len; /* bytes used, excluding the NUL */
  size_t cap; /* bytes allocated */
  size_t max; /* refuse to grow past this (0 = 1 GiB) */
};

void Dyad_buf_init(struct buf *b, size_t max);
void Dyad_buf_fini(struct buf *b);
dyad_status Dyad_buf_reserve(struct buf *b, size_t extra) DYAD_WUR;
dyad_status Dyad_buf_put(struct buf *b, const void *p, size_t n) DYAD_WUR;
dyad_status Dyad_buf_putc(struct buf *b, char c) DYAD_WUR;
dyad_status Dyad_buf_puts(struct buf *b, const char *s) DYAD_WUR;
dyad_status Dyad_buf_printf(struct buf *b, const char *fmt, ...)
    DYAD_PRINTF(2, 3) DYAD_WUR;
/* Appends s as JSON string contents (no quotes), escaping as RFC 8259. */
dyad_status Dyad_buf_json_str(struct buf *b, const char *s, size_t n) DYAD_WUR;
/* Appends s with TAB, CR and LF replaced by spaces (for TSV fields). */
dyad_status Dyad_buf_tsv_str(struct buf *b, const char *s, size_t n) DYAD_WUR;
const char *Dyad_buf_cstr(struct buf *b);

/* ---- growable array of fixed-size items --------------------------------- */

struct vec {
  void *data;
  size_t len, cap, size; /* size = bytes per item */
};
void Dyad_vec_init(struct vec *v, size_t item_size);
void Dyad_vec_fini(struct vec *v);
/* Pointer to a new zeroed item at the end, NULL on NOMEM. */
void *Dyad_vec_push(struct vec *v) DYAD_WUR;
dyad_status Dyad_vec_reserve(struct vec *v, size_t n) DYAD_WUR;
#define VEC_AT(v, type, i) (((type *)(v)->data)[i])

/* ---- hashing ------------------------------------------------------------ */

uint64_t Dyad_hash_bytes(const void *p, size_t n);
static inline uint64_t Dyad_hash_u64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

/* Open-addressing map u64 -> u32 (keys != UINT64_MAX). Read-only lookups
 * are thread safe once building is done. */
struct u64map {
  uint64_t *keys;
  uint32_t *vals;
  size_t cap, len; /* cap is a power of two */
};
void Dyad_u64map_init(struct u64map *m);
void Dyad_u64map_fini(struct u64map *m);
dyad_status Dyad_u64map_put(struct u64map *m, uint64_t key,
                            uint32_t val) DYAD_WUR;
/* Returns true and sets *val when found. */
bool Dyad_u64map_get(const struct u64map *m, uint64_t key, uint32_t *val);

/* ---- errors ------------------------------------------------------------- */

/* Fills err (if not NULL) and returns code. */
dyad_status Dyad_error_set(dyad_error *err, dyad_status code,
                           const char *source, unsigned line, unsigned column,
                           const char *fmt, ...) DYAD_PRINTF(6, 7);
/* Line and column (1-based, bytes) of offset `off` in text. */
void Dyad_line_col(const char *text, size_t len, size_t off, unsigned *line,
                   unsigned *col);

/* ---- UTF-8 ------------------------------------------------------------- */

/* Offset of the first invalid UTF-8 byte in s[0..n), or n if valid. */
size_t Dyad_utf8_check(const char *s, size_t n);
/* Decodes one code point at s (n > 0 bytes left); sets *len (>= 1). Returns
 * U+FFFD for invalid sequences. */
int32_t Dyad_utf8_decode(const unsigned char *s, size_t n, size_t *len);

/* ---- dates -------------------------------------------------------------- */

/* Parses "YYYY-MM-DD", "YYYYMMDD" or "YYMMDD" (00-30 -> 20xx). Returns
 * YYYYMMDD or 0 when malformed or impossible. */
int Dyad_date_parse(const char *s, size_t n);
/* YYYYMMDD -> "YYYY-MM-DD" in out[11]; "" for 0 or a value that is not a
 * valid date. */
void Dyad_date_str(int ymd, char out[11]);
bool Dyad_date_valid(int ymd);
/* Days since 1970-01-01 and back. */
long Dyad_date_to_days(int ymd);
int Dyad_date_from_days(long days);
/* Day of week 0 = Monday .. 6 = Sunday. */
int Dyad_date_weekday(int ymd);

#endif
