/*
 * cli.h - the subcommands of the dyad command. main.c dispatches on the
 * first argument; each subcommand gets argc/argv starting at its own name
 * (argv[0] is "code", "validate" or "dict") and returns the exit status:
 * 0 ok, 1 some stories or records failed, 2 usage, 3 I/O or system error.
 */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

/* `dyad code`: stories in, events out (main.c). */
int dyad_cmd_code(int argc, char **argv);
/* `dyad validate`: peer validation suites (validate.c). */
int dyad_cmd_validate(int argc, char **argv);
/* `dyad dict`: dictionary tools (dict.c). */
int dyad_cmd_dict(int argc, char **argv);

/* `dyad ingest`: stories into an event store (main.c). */
int dyad_cmd_ingest(int argc, char **argv);
/* `dyad query`, `dyad series`, `dyad export`: reading a store (store.c). */
int dyad_cmd_query(int argc, char **argv);
int dyad_cmd_series(int argc, char **argv);
int dyad_cmd_export(int argc, char **argv);

/* Shared option helpers (main.c). */
#include <stdbool.h>
/* Value of option `name` at argv[*i] ("--name V" or "--name=V"); NULL when
 * argv[*i] is another option. *missing when the value is absent. */
const char *dyad_cli_opt_value(int argc, char **argv, int *i, const char *name,
                               bool *missing);
/* "YYYY-MM-DD" -> YYYYMMDD, 0 when malformed or impossible. */
int dyad_cli_parse_date(const char *s);

#endif
