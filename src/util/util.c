/*
 * util.c - arena, byte buffer, vectors, hashing, error fill, UTF-8 and date
 * helpers shared by every stage.
 */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- arena ------------------------------------------------------------- */

struct arena_block {
  struct arena_block *next;
  size_t size, used;
  _Alignas(max_align_t) unsigned char mem[];
};

#define ARENA_FIRST 65536

void Dyad_arena_init(struct arena *a, size_t cap) {
  a->head = NULL;
  a->total = 0;
  a->cap = cap ? cap : ((size_t)1 << 32);
}

void Dyad_arena_fini(struct arena *a) {
  struct arena_block *b = a->head;
  while (b) {
    struct arena_block *n = b->next;
    free(b);
    b = n;
  }
  a->head = NULL;
  a->total = 0;
}

void Dyad_arena_reset(struct arena *a) {
  struct arena_block *b = a->head, *keep = NULL;
  /* keep the largest block (the last in the chain is the first made, but a
   * larger later block is more useful for the next document) */
  while (b) {
    struct arena_block *n = b->next;
    if (!keep || b->size > keep->size) {
      if (keep)
        free(keep);
      keep = b;
    } else {
      free(b);
    }
    b = n;
  }
  if (keep) {
    keep->next = NULL;
    keep->used = 0;
    a->total = keep->size;
  } else {
    a->total = 0;
  }
  a->head = keep;
}

void *Dyad_arena_alloc(struct arena *a, size_t n) {
  n = (n + 7) & ~(size_t)7;
  if (n == 0)
    n = 8;
  struct arena_block *b = a->head;
  if (b && b->size - b->used >= n) {
    void *p = b->mem + b->used;
    b->used += n;
    return p;
  }
  size_t size = b ? b->size * 2 : ARENA_FIRST;
  if (size < n)
    size = n;
  if (size > ((size_t)1 << 28) && n <= ((size_t)1 << 28))
    size = ((size_t)1 << 28) > n ? ((size_t)1 << 28) : n;
  if (a->total + size > a->cap) {
    if (a->total + n > a->cap)
      return NULL;
    size = n;
  }
  struct arena_block *nb = malloc(sizeof *nb + size);
  if (!nb)
    return NULL;
  nb->size = size;
  nb->used = n;
  nb->next = a->head;
  a->head = nb;
  a->total += size;
  return nb->mem;
}

void *Dyad_arena_calloc(struct arena *a, size_t n, size_t size) {
  if (size && n > SIZE_MAX / size)
    return NULL;
  void *p = Dyad_arena_alloc(a, n * size);
  if (p)
    memset(p, 0, n * size);
  return p;
}

char *Dyad_arena_strndup(struct arena *a, const char *s, size_t n) {
  char *p = Dyad_arena_alloc(a, n + 1);
  if (!p)
    return NULL;
  if (n)
    memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

/* ---- buffer ------------------------------------------------------------ */

void Dyad_buf_init(struct buf *b, size_t max) {
  b->data = NULL;
  b->len = b->cap = 0;
  b->max = max ? max : ((size_t)1 << 30);
}

void Dyad_buf_fini(struct buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

dyad_status Dyad_buf_reserve(struct buf *b, size_t extra) {
  if (extra > b->max || b->len > b->max - extra)
    return DYAD_ERR_LIMIT;
  size_t need = b->len + extra + 1;
  if (need <= b->cap)
    return DYAD_OK;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < need)
    cap = cap > SIZE_MAX / 2 ? need : cap * 2;
  char *p = realloc(b->data, cap);
  if (!p)
    return DYAD_ERR_NOMEM;
  b->data = p;
  b->cap = cap;
  return DYAD_OK;
}

dyad_status Dyad_buf_put(struct buf *b, const void *p, size_t n) {
  TRY(Dyad_buf_reserve(b, n));
  if (n)
    memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0';
  return DYAD_OK;
}

dyad_status Dyad_buf_putc(struct buf *b, char c) {
  return Dyad_buf_put(b, &c, 1);
}

dyad_status Dyad_buf_puts(struct buf *b, const char *s) {
  return Dyad_buf_put(b, s, strlen(s));
}

dyad_status Dyad_buf_printf(struct buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char small[256];
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0)
    return DYAD_ERR_ARG;
  if ((size_t)n < sizeof small)
    return Dyad_buf_put(b, small, (size_t)n);
  TRY(Dyad_buf_reserve(b, (size_t)n));
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
  return DYAD_OK;
}

dyad_status Dyad_buf_json_str(struct buf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  TRY(Dyad_buf_reserve(b, n));
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\')
      continue;
    TRY(Dyad_buf_put(b, s + run, i - run));
    run = i + 1;
    char esc[7] = {'\\', 0, 0, 0, 0, 0, 0};
    size_t el = 2;
    switch (c) {
    case '"':
      esc[1] = '"';
      break;
    case '\\':
      esc[1] = '\\';
      break;
    case '\n':
      esc[1] = 'n';
      break;
    case '\r':
      esc[1] = 'r';
      break;
    case '\t':
      esc[1] = 't';
      break;
    default:
      esc[1] = 'u';
      esc[2] = '0';
      esc[3] = '0';
      esc[4] = hex[c >> 4];
      esc[5] = hex[c & 15];
      el = 6;
    }
    TRY(Dyad_buf_put(b, esc, el));
  }
  return Dyad_buf_put(b, s + run, n - run);
}

dyad_status Dyad_buf_tsv_str(struct buf *b, const char *s, size_t n) {
  TRY(Dyad_buf_reserve(b, n));
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '\t' || c == '\n' || c == '\r')
      c = ' ';
    b->data[b->len++] = c;
  }
  b->data[b->len] = '\0';
  return DYAD_OK;
}

const char *Dyad_buf_cstr(struct buf *b) {
  if (!b->data)
    return "";
  return b->data;
}

/* ---- vec --------------------------------------------------------------- */

void Dyad_vec_init(struct vec *v, size_t item_size) {
  v->data = NULL;
  v->len = v->cap = 0;
  v->size = item_size;
}

void Dyad_vec_fini(struct vec *v) {
  free(v->data);
  v->data = NULL;
  v->len = v->cap = 0;
}

dyad_status Dyad_vec_reserve(struct vec *v, size_t n) {
  if (n <= v->cap)
    return DYAD_OK;
  size_t cap = v->cap ? v->cap : 16;
  while (cap < n)
    cap *= 2;
  if (cap > SIZE_MAX / v->size)
    return DYAD_ERR_LIMIT;
  void *p = realloc(v->data, cap * v->size);
  if (!p)
    return DYAD_ERR_NOMEM;
  v->data = p;
  v->cap = cap;
  return DYAD_OK;
}

void *Dyad_vec_push(struct vec *v) {
  if (v->len == v->cap && Dyad_vec_reserve(v, v->len + 1) != DYAD_OK)
    return NULL;
  void *p = (char *)v->data + v->len * v->size;
  memset(p, 0, v->size);
  v->len++;
  return p;
}

/* ---- hashing ----------------------------------------------------------- */

uint64_t Dyad_hash_bytes(const void *p, size_t n) {
  /* FNV-1a 64 with a final mix. */
  const unsigned char *s = p;
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < n; i++) {
    h ^= s[i];
    h *= 0x100000001b3ULL;
  }
  return Dyad_hash_u64(h);
}

void Dyad_u64map_init(struct u64map *m) {
  m->keys = NULL;
  m->vals = NULL;
  m->cap = m->len = 0;
}

void Dyad_u64map_fini(struct u64map *m) {
  free(m->keys);
  free(m->vals);
  Dyad_u64map_init(m);
}

static dyad_status u64map_grow(struct u64map *m) {
  size_t cap = m->cap ? m->cap * 2 : 1024;
  uint64_t *keys = malloc(cap * sizeof *keys);
  uint32_t *vals = malloc(cap * sizeof *vals);
  if (!keys || !vals) {
    free(keys);
    free(vals);
    return DYAD_ERR_NOMEM;
  }
  memset(keys, 0xff, cap * sizeof *keys);
  for (size_t i = 0; i < m->cap; i++) {
    if (m->keys[i] == UINT64_MAX)
      continue;
    size_t j = Dyad_hash_u64(m->keys[i]) & (cap - 1);
    while (keys[j] != UINT64_MAX)
      j = (j + 1) & (cap - 1);
    keys[j] = m->keys[i];
    vals[j] = m->vals[i];
  }
  free(m->keys);
  free(m->vals);
  m->keys = keys;
  m->vals = vals;
  m->cap = cap;
  return DYAD_OK;
}

dyad_status Dyad_u64map_put(struct u64map *m, uint64_t key, uint32_t val) {
  if ((m->len + 1) * 2 > m->cap)
    TRY(u64map_grow(m));
  size_t j = Dyad_hash_u64(key) & (m->cap - 1);
  while (m->keys[j] != UINT64_MAX && m->keys[j] != key)
    j = (j + 1) & (m->cap - 1);
  if (m->keys[j] == UINT64_MAX)
    m->len++;
  m->keys[j] = key;
  m->vals[j] = val;
  return DYAD_OK;
}

bool Dyad_u64map_get(const struct u64map *m, uint64_t key, uint32_t *val) {
  if (!m->cap)
    return false;
  size_t j = Dyad_hash_u64(key) & (m->cap - 1);
  while (m->keys[j] != UINT64_MAX) {
    if (m->keys[j] == key) {
      *val = m->vals[j];
      return true;
    }
    j = (j + 1) & (m->cap - 1);
  }
  return false;
}

/* ---- errors ------------------------------------------------------------ */

static void copy_trunc_utf8(char *dst, size_t cap, const char *src) {
  size_t n = strlen(src);
  if (n >= cap) {
    n = cap - 1;
    /* back off to a UTF-8 character boundary */
    while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
      n--;
  }
  memcpy(dst, src, n);
  dst[n] = '\0';
}

dyad_status Dyad_error_set(dyad_error *err, dyad_status code,
                           const char *source, unsigned line, unsigned column,
                           const char *fmt, ...) {
  if (!err)
    return code;
  err->code = code;
  copy_trunc_utf8(err->source, sizeof err->source, source ? source : "");
  err->line = line;
  err->column = column;
  char tmp[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  copy_trunc_utf8(err->message, sizeof err->message, tmp);
  return code;
}

void Dyad_line_col(const char *text, size_t len, size_t off, unsigned *line,
                   unsigned *col) {
  unsigned l = 1;
  size_t ls = 0;
  if (off > len)
    off = len;
  for (size_t i = 0; i < off; i++) {
    if (text[i] == '\n') {
      l++;
      ls = i + 1;
    }
  }
  *line = l;
  *col = (unsigned)(off - ls + 1);
}

/* ---- UTF-8 ------------------------------------------------------------- */

int32_t Dyad_utf8_decode(const unsigned char *s, size_t n, size_t *len) {
  unsigned c = s[0];
  if (c < 0x80) {
    *len = 1;
    return (int32_t)c;
  }
  int need;
  int32_t cp, min;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
    cp = c & 0x1F;
    min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    cp = c & 0x0F;
    min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    cp = c & 0x07;
    min = 0x10000;
  } else {
    *len = 1;
    return 0xFFFD;
  }
  if ((size_t)need >= n) {
    *len = 1;
    return 0xFFFD;
  }
  for (int i = 1; i <= need; i++) {
    if ((s[i] & 0xC0) != 0x80) {
      *len = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *len = 1;
    return 0xFFFD;
  }
  *len = (size_t)need + 1;
  return cp;
}

size_t Dyad_utf8_check(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    if (u[i] < 0x80) {
      i++;
      continue;
    }
    size_t l;
    int32_t cp = Dyad_utf8_decode(u + i, n - i, &l);
    if (cp == 0xFFFD) {
      /* a literal U+FFFD is valid: EF BF BD */
      if (!(l == 3 && u[i] == 0xEF && u[i + 1] == 0xBF && u[i + 2] == 0xBD))
        return i;
    }
    i += l;
  }
  return n;
}

/* ---- dates ------------------------------------------------------------- */

static bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int mdays(int y, int m) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : d[m - 1];
}

bool Dyad_date_valid(int ymd) {
  int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= mdays(y, m);
}

void Dyad_date_str(int ymd, char out[11]) {
  if (!Dyad_date_valid(ymd)) {
    out[0] = '\0';
    return;
  }
  unsigned v = (unsigned)ymd;
  static const unsigned pos[8] = {0, 1, 2, 3, 5, 6, 8, 9};
  for (int i = 7; i >= 0; i--) {
    out[pos[i]] = (char)('0' + v % 10);
    v /= 10;
  }
  out[4] = out[7] = '-';
  out[10] = '\0';
}

int Dyad_date_parse(const char *s, size_t n) {
  char dig[9];
  size_t k = 0;
  if (n == 10 && s[4] == '-' && s[7] == '-') {
    for (size_t i = 0; i < n; i++) {
      if (i == 4 || i == 7)
        continue;
      if (s[i] < '0' || s[i] > '9')
        return 0;
      dig[k++] = s[i];
    }
  } else if (n == 8 || n == 6) {
    for (size_t i = 0; i < n; i++) {
      if (s[i] < '0' || s[i] > '9')
        return 0;
      dig[k++] = s[i];
    }
  } else {
    return 0;
  }
  int v = 0;
  for (size_t i = 0; i < k; i++)
    v = v * 10 + (dig[i] - '0');
  if (k == 6) {
    int yy = v / 10000;
    v += (yy <= 30 ? 20000000 : 19000000);
  }
  return Dyad_date_valid(v) ? v : 0;
}

long Dyad_date_to_days(int ymd) {
  /* days from civil, Howard Hinnant's algorithm (public domain idea) */
  long y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int Dyad_date_from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp + (mp < 10 ? 3 : -9);
  y += m <= 2;
  return (int)(y * 10000 + m * 100 + d);
}

int Dyad_date_weekday(int ymd) {
  long days = Dyad_date_to_days(ymd); /* 1970-01-01 was a Thursday (3) */
  long w = (days + 3) % 7;
  if (w < 0)
    w += 7;
  return (int)w;
}
