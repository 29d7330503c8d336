/*
 * reader.h - the reader stage: stories from files and streams.
 *
 * Takes: bytes (a file, standard input or memory), possibly gzip or zstd
 * compressed, in one of four formats: plain text (one story), JSON Lines,
 * PETRARCH XML, TABARI text records. Gives: one story at a time, copied into
 * a dyad_doc by dyad_reader_next, and where it came from (dyad_origin).
 * Input is read as a stream in chunks: the size of an input is not limited,
 * only that of one story and one line (RD_MAX_STORY, RD_MAX_LINE).
 */
#ifndef DYAD_READER_H
#define DYAD_READER_H

#include "../util/util.h"

/* Hard limits (STYLE §3): a story or a single line over these is rejected
 * with DYAD_ERR_LIMIT and the reader goes on with the next one. */
#define RD_MAX_STORY ((size_t)64 << 20)
#define RD_MAX_LINE ((size_t)64 << 20)
/* PETRARCH XML elements nested deeper than this end the input with
 * DYAD_ERR_LIMIT at the element that goes over (the stories before it are
 * given first); the format needs 3 levels. */
#define RD_MAX_XML_DEPTH 256

/* Lowers the story and line limits of `r` (tests and fuzzing: the limit
 * paths without 64 MiB inputs). 0 keeps a limit as it is. */
void Dyad_reader_set_limits(dyad_reader *r, size_t max_story, size_t max_line);

#endif
