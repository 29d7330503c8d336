/*
 * report.h - the per-story report of a run (`--report FILE`): JSON Lines,
 * one object per story read (and one per input that could not be read),
 * in input order, so that every story can be found in exactly one outcome.
 * Any subcommand that reads stories may write one.
 *
 * Row: {"id": STRING|null, "file": STRING, "line": N, "column": N,
 *       "outcome": OUTCOME, "reason": STRING|null, "message": STRING|null,
 *       "events": N, "warning": STRING|null}
 * OUTCOME is one of REPORT_OUTCOMES: "coded" (one event or more),
 * "no_events" (coded, nothing found), "discarded" (a discard rule fired;
 * reason: which), "rejected" (not coded; reason: the dyad_status as a word,
 * such as "encoding" or "limit", message: "file:line:col: what"), or
 * "unreadable" (an input that could not be opened or read on: not a story,
 * counted apart). `warning` is "file:line:col: what" when the story was
 * coded but a limit cut part of it. `line`/`column` are 1-based, 0 when
 * unknown: where the story starts, or, for a story the reader rejected
 * and an unreadable input, where the reader stopped. The id of a story the
 * reader rejected is the one it would have had (dyad_reader_story_id),
 * null when unknown (a line that is not JSON) and for an unreadable input;
 * `message` gives the position of the fault itself. Strings are UTF-8; bytes that are not are written as U+FFFD.
 */
#ifndef DYAD_CLI_REPORT_H
#define DYAD_CLI_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "dyad.h"

#define REPORT_OUTCOMES "coded, no_events, discarded, rejected, unreadable"

struct report_row {
  const char *id;      /* NULL: none (written as null) */
  const char *file;    /* the input's name */
  unsigned line, column;
  const char *outcome; /* one of REPORT_OUTCOMES */
  dyad_status reason;  /* rejected/unreadable: why; else DYAD_OK */
  const char *why;     /* discarded: the discard reason; else NULL */
  const char *message; /* rejected/unreadable: "file:line:col: ..." */
  size_t events;
  const char *warning; /* NULL when none */
};

/* A short word for a status ("encoding", "limit", "empty", ...), static. */
const char *report_reason(dyad_status st);

/* Opens `path` for writing ("-" is standard output); NULL with errno set
 * when it cannot be. */
FILE *report_open(const char *path);

/* Writes one row; false on a write error. */
bool report_write(FILE *f, const struct report_row *row);

/* Flushes and closes (standard output is flushed only); false on a write
 * error. Accepts NULL. */
bool report_close(FILE *f);

#endif
