/*
 * replay.c - a main() for the fuzz targets without libFuzzer: runs
 * LLVMFuzzerTestOneInput once on every file named (directories: on every
 * file in them). Linked with one tests/fuzz/fuzz_*.c by `make fuzz-regress`
 * (any C compiler, ASan+UBSan), so that the seeds and the regression inputs
 * of tests/fuzz/regress/<target>/ run without clang. Prints the number of
 * inputs run; a sanitizer report or a trap ends the process non-zero.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "replay: cannot open %s\n", path);
    return -1;
  }
  size_t cap = 1 << 16, n = 0;
  uint8_t *buf = malloc(cap);
  while (buf) {
    n += fread(buf + n, 1, cap - n, f);
    if (n < cap)
      break;
    uint8_t *nb = realloc(buf, cap * 2);
    if (!nb) {
      free(buf);
      buf = NULL;
      break;
    }
    buf = nb;
    cap *= 2;
  }
  fclose(f);
  if (!buf)
    return -1;
  if (getenv("REPLAY_VERBOSE"))
    fprintf(stderr, "replay: %s\n", path);
  LLVMFuzzerTestOneInput(buf, n);
  free(buf);
  return 0;
}

int main(int argc, char **argv) {
  size_t runs = 0;
  int rc = 0;
  for (int i = 1; i < argc; i++) {
    struct stat sb;
    if (stat(argv[i], &sb) != 0) {
      fprintf(stderr, "replay: no %s\n", argv[i]);
      rc = 2;
      continue;
    }
    if (!S_ISDIR(sb.st_mode)) {
      if (run_file(argv[i]) == 0)
        runs++;
      else
        rc = 2;
      continue;
    }
    DIR *d = opendir(argv[i]);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
      if (e->d_name[0] == '.')
        continue;
      char path[4096];
      snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
      if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
        if (run_file(path) == 0)
          runs++;
        else
          rc = 2;
      }
    }
    if (d)
      closedir(d);
  }
  printf("replay: %zu inputs\n", runs);
  return rc;
}
