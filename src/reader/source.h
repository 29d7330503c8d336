/*
 * source.h - the bytes of one input for the reader: a file, standard input
 * or a copy of the caller's memory, as they are or decompressed. The codec
 * is told from the first bytes: gzip (RFC 1952 magic 1F 8B; zlib, every
 * member of a multi-member file) or zstd (RFC 8878 magic 28 B5 2F FD;
 * libzstd, every frame); anything else is read as it is.
 *
 * Bytes decompressed before a fault (a file cut short, a damaged block) are
 * all handed over first; the fault comes on the next read, so the reader
 * can keep every whole story before it.
 */
#ifndef DYAD_READER_SOURCE_H
#define DYAD_READER_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "dyad.h"

typedef struct dyad_source dyad_source;

/*
 * Opens the file at `path`, or standard input when `path` is NULL (not
 * closed by Dyad_src_free), and reads its first bytes to tell the codec.
 * On success *out owns the file. Errors: DYAD_ERR_IO (cannot be opened or
 * read, or a bzip2, xz or lz4 file: why in `why`, NUL-terminated, of
 * `whylen` bytes; errno's text where there is one), DYAD_ERR_NOMEM.
 */
dyad_status Dyad_src_open_path(const char *path, dyad_source **out, char *why,
                               size_t whylen);

/*
 * Opens `len` bytes at `data`, which are copied. Errors as
 * Dyad_src_open_path (DYAD_ERR_IO only for bzip2, xz or lz4 bytes).
 */
dyad_status Dyad_src_open_mem(const void *data, size_t len, dyad_source **out,
                              char *why, size_t whylen);

/*
 * Reads at most `cap` (> 0) bytes of the input's content into `dst`.
 * Returns DYAD_OK with *got > 0; DYAD_END at the end (*got = 0);
 * DYAD_ERR_IO (a read error, or compressed data cut short or damaged:
 * Dyad_src_error says what) or DYAD_ERR_NOMEM. An error is returned again
 * by every later call. A pipe is not waited on for more than it holds once
 * some bytes are there.
 */
dyad_status Dyad_src_read(dyad_source *s, char *dst, size_t cap, size_t *got);

/* What the last error was ("truncated gzip input", ...); "" when none.
 * Owned by the source. */
const char *Dyad_src_error(const dyad_source *s);

/* Closes the file (not standard input) and frees everything; NULL is a
 * no-op. */
void Dyad_src_free(dyad_source *s);

#endif
