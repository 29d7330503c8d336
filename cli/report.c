/*
 * report.c - JSON Lines rows of the per-story report (report.h).
 */
#include "report.h"

#include <string.h>

const char *report_reason(dyad_status st) {
  switch (st) {
  case DYAD_OK:
    return "ok";
  case DYAD_END:
    return "end";
  case DYAD_ERR_NOMEM:
    return "nomem";
  case DYAD_ERR_IO:
    return "io";
  case DYAD_ERR_ARG:
    return "arg";
  case DYAD_ERR_PARSE:
    return "parse";
  case DYAD_ERR_ENCODING:
    return "encoding";
  case DYAD_ERR_LIMIT:
    return "limit";
  case DYAD_ERR_DATE:
    return "date";
  case DYAD_ERR_FORMAT:
    return "format";
  case DYAD_ERR_EMPTY:
    return "empty";
  }
  return "unknown";
}

FILE *report_open(const char *path) {
  if (strcmp(path, "-") == 0)
    return stdout;
  return fopen(path, "w");
}

/* Length of the valid UTF-8 sequence at s[0..n), 0 when it is not one
 * (RFC 3629: no overlongs, no surrogates, nothing over U+10FFFF). */
static size_t utf8_seq(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  size_t len;
  unsigned min;
  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (n < len)
    return 0;
  unsigned cp = c & (0x7F >> len);
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80)
      return 0;
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return len;
}

static void put_str(FILE *f, const char *s) {
  if (!s) {
    fputs("null", f);
    return;
  }
  const unsigned char *p = (const unsigned char *)s;
  size_t n = strlen(s);
  fputc('"', f);
  for (size_t i = 0; i < n;) {
    unsigned c = p[i];
    if (c == '"' || c == '\\') {
      fputc('\\', f);
      fputc((int)c, f);
      i++;
    } else if (c < 0x20) {
      fprintf(f, c == '\n' ? "\\n" : c == '\t' ? "\\t" : "\\u%04x", c);
      i++;
    } else {
      size_t k = utf8_seq(p + i, n - i);
      if (k == 0) {
        fputs("\xEF\xBF\xBD", f);
        i++;
      } else {
        fwrite(p + i, 1, k, f);
        i += k;
      }
    }
  }
  fputc('"', f);
}

bool report_write(FILE *f, const struct report_row *r) {
  fputs("{\"id\": ", f);
  put_str(f, r->id);
  fputs(", \"file\": ", f);
  put_str(f, r->file);
  fprintf(f, ", \"line\": %u, \"column\": %u, \"outcome\": ", r->line,
          r->column);
  put_str(f, r->outcome);
  fputs(", \"reason\": ", f);
  put_str(f, r->why ? r->why
                    : r->reason != DYAD_OK ? report_reason(r->reason) : NULL);
  fputs(", \"message\": ", f);
  put_str(f, r->message);
  fprintf(f, ", \"events\": %zu, \"warning\": ", r->events);
  put_str(f, r->warning);
  fputs("}\n", f);
  return !ferror(f);
}

bool report_close(FILE *f) {
  if (!f)
    return true;
  bool ok = fflush(f) == 0 && !ferror(f);
  if (f != stdout && fclose(f) != 0)
    ok = false;
  return ok;
}
