/*
 * source.c - the bytes of one input, as they are or decompressed (source.h).
 *
 * gzip goes through zlib's inflate (windowBits 15 + 16: the gzip wrapper of
 * RFC 1952), one member after another as gzip(1) does; bytes after the last
 * member that do not start another are ignored, as gzip(1) ignores trailing
 * garbage. zstd goes through libzstd's streaming decompressor
 * (ZSTD_decompressStream), which runs through every frame, skippable ones
 * included. Neither library hands over less than it has decoded, so a file
 * cut short keeps everything before the cut.
 */
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>
#include <zstd_errors.h>

#include "../internal.h"

#define SRC_CHUNK ((size_t)64 << 10) /* bytes read from a file at once */
#define SRC_PEEK 10                  /* bytes looked at to tell the codec */

enum codec { CODEC_RAW, CODEC_GZIP, CODEC_ZSTD };

struct dyad_source {
  int fd;        /* -1: memory */
  bool close_fd; /* not for standard input */
  unsigned char *in; /* bytes read and not yet used: in[pos, len) */
  size_t cap, len, pos;
  bool eof; /* nothing more to read into `in` (memory: from the start) */
  enum codec codec;
  z_stream z;
  bool z_init;
  ZSTD_DCtx *zd;
  bool frame_end; /* gzip: a member ended; zstd: the last frame is whole */
  bool done;      /* gzip: trailing bytes that are no member: the end */
  dyad_status failed; /* DYAD_OK, or the error every read returns */
  char why[200];
};

static dyad_status fail(dyad_source *s, dyad_status code, const char *fmt, ...)
    DYAD_PRINTF(3, 4);

static dyad_status fail(dyad_source *s, dyad_status code, const char *fmt,
                        ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(s->why, sizeof s->why, fmt, ap);
  va_end(ap);
  s->failed = code;
  return code;
}

/* Reads more of the file into `in` (keeping in[pos, len)). DYAD_OK (maybe
 * nothing: then eof) or a failure. */
static dyad_status fill(dyad_source *s) {
  if (s->eof)
    return DYAD_OK;
  if (s->pos == s->len) {
    s->pos = s->len = 0;
  } else if (s->pos > 0 && s->len == s->cap) {
    memmove(s->in, s->in + s->pos, s->len - s->pos);
    s->len -= s->pos;
    s->pos = 0;
  }
  if (s->len == s->cap)
    return DYAD_OK; /* full: the caller uses what is there first */
  for (;;) {
    ssize_t n = read(s->fd, s->in + s->len, s->cap - s->len);
    if (n > 0) {
      s->len += (size_t)n;
      return DYAD_OK;
    }
    if (n == 0) {
      s->eof = true;
      return DYAD_OK;
    }
    if (errno != EINTR)
      return fail(s, DYAD_ERR_IO, "%s", strerror(errno));
  }
}

static bool starts(const dyad_source *s, const char *magic, size_t n) {
  return s->len - s->pos >= n && memcmp(s->in + s->pos, magic, n) == 0;
}

/* Tells the codec from the first bytes and sets it up. */
static dyad_status start(dyad_source *s) {
  while (s->len < SRC_PEEK && !s->eof)
    TRY(fill(s));
  const char *other = NULL;
  if (starts(s, "\x1F\x8B", 2)) {
    s->codec = CODEC_GZIP;
    if (inflateInit2(&s->z, 15 + 16) != Z_OK)
      return fail(s, DYAD_ERR_NOMEM, "out of memory");
    s->z_init = true;
  } else if (starts(s, "\x28\xB5\x2F\xFD", 4)) {
    s->codec = CODEC_ZSTD;
    s->zd = ZSTD_createDCtx();
    if (!s->zd)
      return fail(s, DYAD_ERR_NOMEM, "out of memory");
  } else if (starts(s, "BZh", 3) && s->len >= 10 && s->in[3] >= '1' &&
             s->in[3] <= '9' &&
             (memcmp(s->in + 4, "\x31\x41\x59\x26\x53\x59", 6) == 0 ||
              memcmp(s->in + 4, "\x17\x72\x45\x38\x50\x90", 6) == 0)) {
    other = "bzip2";
  } else if (starts(s, "\xFD\x37\x7A\x58\x5A\x00", 6)) {
    other = "xz";
  } else if (starts(s, "\x04\x22\x4D\x18", 4)) {
    other = "lz4";
  }
  if (other)
    return fail(s, DYAD_ERR_IO,
                "%s input is not supported (gzip and zstd are)", other);
  return DYAD_OK;
}

static dyad_source *src_new(void) {
  dyad_source *s = calloc(1, sizeof *s);
  if (s)
    s->fd = -1;
  return s;
}

static dyad_status opened(dyad_source *s, dyad_source **out, char *why,
                          size_t whylen) {
  dyad_status st = start(s);
  if (st != DYAD_OK) {
    if (why && whylen)
      snprintf(why, whylen, "%s", s->why);
    Dyad_src_free(s);
    return st;
  }
  *out = s;
  return DYAD_OK;
}

dyad_status Dyad_src_open_path(const char *path, dyad_source **out, char *why,
                               size_t whylen) {
  *out = NULL;
  if (why && whylen)
    why[0] = '\0';
  dyad_source *s = src_new();
  if (!s || !(s->in = malloc(SRC_CHUNK))) {
    free(s);
    if (why && whylen)
      snprintf(why, whylen, "out of memory");
    return DYAD_ERR_NOMEM;
  }
  s->cap = SRC_CHUNK;
  if (!path) {
    s->fd = 0;
  } else {
    s->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (s->fd < 0) {
      if (why && whylen)
        snprintf(why, whylen, "%s", strerror(errno));
      free(s->in);
      free(s);
      return DYAD_ERR_IO;
    }
    s->close_fd = true;
  }
  return opened(s, out, why, whylen);
}

dyad_status Dyad_src_open_mem(const void *data, size_t len, dyad_source **out,
                              char *why, size_t whylen) {
  *out = NULL;
  if (why && whylen)
    why[0] = '\0';
  dyad_source *s = src_new();
  if (!s || !(s->in = malloc(len ? len : 1))) {
    free(s);
    if (why && whylen)
      snprintf(why, whylen, "out of memory");
    return DYAD_ERR_NOMEM;
  }
  if (len)
    memcpy(s->in, data, len);
  s->cap = s->len = len;
  s->eof = true;
  return opened(s, out, why, whylen);
}

/* Bytes decoded so far in this call are returned first; the failure, kept
 * in s, comes with the next call. */
static dyad_status give(dyad_source *s, size_t produced, size_t *got) {
  *got = produced;
  if (produced)
    return DYAD_OK;
  return s->failed ? s->failed : DYAD_END;
}

static dyad_status read_gzip(dyad_source *s, char *dst, size_t cap,
                             size_t *got) {
  uInt want = cap > UINT_MAX ? UINT_MAX : (uInt)cap;
  s->z.next_out = (Bytef *)dst;
  s->z.avail_out = want;
  for (;;) {
    size_t produced = want - s->z.avail_out;
    if (produced)
      return give(s, produced, got);
    if (s->done)
      return give(s, 0, got);
    if (s->pos == s->len && fill(s) != DYAD_OK)
      return give(s, produced, got);
    if (s->frame_end) {
      /* another member, or the end (trailing bytes are ignored) */
      if (s->pos == s->len || s->in[s->pos] != 0x1F) {
        s->done = true;
        continue;
      }
      if (inflateReset(&s->z) != Z_OK) {
        fail(s, DYAD_ERR_IO, "damaged gzip input");
        continue;
      }
      s->frame_end = false;
    }
    if (s->pos == s->len) {
      fail(s, DYAD_ERR_IO, "truncated gzip input");
      return give(s, produced, got);
    }
    size_t avail = s->len - s->pos;
    uInt in = avail > UINT_MAX ? UINT_MAX : (uInt)avail;
    s->z.next_in = s->in + s->pos;
    s->z.avail_in = in;
    int rc = inflate(&s->z, Z_NO_FLUSH);
    s->pos += in - s->z.avail_in;
    if (rc == Z_STREAM_END) {
      s->frame_end = true;
    } else if (rc == Z_MEM_ERROR) {
      fail(s, DYAD_ERR_NOMEM, "out of memory");
      return give(s, want - s->z.avail_out, got);
    } else if (rc == Z_BUF_ERROR && s->z.avail_in == in &&
               s->z.avail_out == want) {
      /* no progress with input and room for output: cannot happen with
       * zlib as documented; stop rather than spin */
      fail(s, DYAD_ERR_IO, "damaged gzip input");
      return give(s, 0, got);
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      fail(s, DYAD_ERR_IO, "damaged gzip input (%s)",
           s->z.msg ? s->z.msg : "bad data");
      return give(s, want - s->z.avail_out, got);
    }
  }
}

static dyad_status read_zstd(dyad_source *s, char *dst, size_t cap,
                             size_t *got) {
  ZSTD_outBuffer out = {dst, cap, 0};
  for (;;) {
    if (s->pos == s->len && !s->eof && fill(s) != DYAD_OK)
      return give(s, out.pos, got);
    ZSTD_inBuffer in = {s->in + s->pos, s->len - s->pos, 0};
    if (in.size == 0 && s->frame_end)
      return give(s, out.pos, got); /* the end, every frame whole */
    size_t rc = ZSTD_decompressStream(s->zd, &out, &in);
    s->pos += in.pos;
    if (ZSTD_isError(rc)) {
      if (ZSTD_getErrorCode(rc) == ZSTD_error_memory_allocation)
        fail(s, DYAD_ERR_NOMEM, "out of memory");
      else
        fail(s, DYAD_ERR_IO, "damaged zstd input (%s)",
             ZSTD_getErrorName(rc));
      return give(s, out.pos, got);
    }
    s->frame_end = rc == 0;
    if (out.pos)
      return give(s, out.pos, got);
    if (s->pos == s->len && s->eof && !s->frame_end && in.pos == 0) {
      /* no input left, nothing more comes out: the frame was cut */
      fail(s, DYAD_ERR_IO, "truncated zstd input");
      return give(s, 0, got);
    }
  }
}

dyad_status Dyad_src_read(dyad_source *s, char *dst, size_t cap, size_t *got) {
  *got = 0;
  if (s->failed)
    return s->failed;
  switch (s->codec) {
  case CODEC_GZIP:
    return read_gzip(s, dst, cap, got);
  case CODEC_ZSTD:
    return read_zstd(s, dst, cap, got);
  default:
    break;
  }
  if (s->pos < s->len) {
    size_t n = s->len - s->pos < cap ? s->len - s->pos : cap;
    memcpy(dst, s->in + s->pos, n);
    s->pos += n;
    *got = n;
    return DYAD_OK;
  }
  while (!s->eof) {
    ssize_t n = read(s->fd, dst, cap);
    if (n > 0) {
      *got = (size_t)n;
      return DYAD_OK;
    }
    if (n == 0)
      s->eof = true;
    else if (errno != EINTR)
      return fail(s, DYAD_ERR_IO, "%s", strerror(errno));
  }
  return DYAD_END;
}

const char *Dyad_src_error(const dyad_source *s) {
  return s && s->failed ? s->why : "";
}

void Dyad_src_free(dyad_source *s) {
  if (!s)
    return;
  if (s->z_init)
    inflateEnd(&s->z);
  ZSTD_freeDCtx(s->zd);
  if (s->close_fd)
    close(s->fd);
  free(s->in);
  free(s);
}
