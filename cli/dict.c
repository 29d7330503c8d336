/*
 * dict.c - `dyad dict`: dictionary tools (not built yet).
 */
#include <stdio.h>

#include "cli.h"

int dyad_cmd_dict(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fputs("dyad dict: not built\n", stderr);
  return 2;
}
