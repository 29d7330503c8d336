/*
 * fuzz_sentence.c - libFuzzer target for tokenising and sentence splitting
 * of arbitrary text (Dyad_tokenize + Dyad_split_sentences, the first steps
 * of dyad_code, on bytes that no reader has checked).
 *
 * The first byte picks the headline end: 0 none, else the offset of the
 * first newline (as a story whose first line is its title). The rest is the
 * text. Checks: token spans lie in the text, in order, without overlap, with
 * a NUL-terminated key of klen < 4 * TOK_MAX_KEY + 32 bytes; sentences cover
 * the tokens exactly once, in order, each non-empty, with byte spans from
 * their first token's start to their last token's end; no sentence crosses
 * the headline end. A violation traps. Seeds: tests/fuzz/seeds/sentence/.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "dyad.h"
#include "sentence/sentence.h"
#include "token/token.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c)                                                               \
  do {                                                                         \
    if (!(c))                                                                  \
      __builtin_trap();                                                        \
  } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  const char *text = (const char *)data + 1;
  size_t len = size - 1;
  size_t headline_end = 0;
  if (data[0] & 1) {
    const char *nl = memchr(text, '\n', len);
    headline_end = nl ? (size_t)(nl - text) : 0;
  }
  struct arena a;
  struct vec toks, sents;
  Dyad_arena_init(&a, 0);
  Dyad_vec_init(&toks, sizeof(struct token));
  Dyad_vec_init(&sents, sizeof(struct sentence));
  if (Dyad_tokenize(text, 0, len, &a, &toks) != DYAD_OK)
    goto out;
  const struct token *t = toks.data;
  for (size_t i = 0; i < toks.len; i++) {
    CHECK(t[i].start < t[i].end && t[i].end <= len);
    CHECK(i == 0 || t[i - 1].end <= t[i].start);
    CHECK(t[i].key != NULL && strlen(t[i].key) == t[i].klen);
    CHECK(t[i].klen < TOK_MAX_KEY * 4 + 32);
    CHECK(t[i].kind >= TK_WORD && t[i].kind <= TK_SYM);
  }
  if (Dyad_split_sentences(t, toks.len, headline_end, &sents) != DYAD_OK)
    goto out;
  const struct sentence *s = sents.data;
  size_t next = 0;
  for (size_t i = 0; i < sents.len; i++) {
    CHECK(s[i].first == next && s[i].first < s[i].last &&
          s[i].last <= toks.len);
    CHECK(s[i].start == t[s[i].first].start &&
          s[i].end == t[s[i].last - 1].end);
    if (headline_end && t[s[i].first].start < headline_end)
      for (size_t k = s[i].first + 1; k < s[i].last; k++)
        CHECK(t[k].start < headline_end);
    next = s[i].last;
  }
  CHECK(next == toks.len);
out:
  Dyad_vec_fini(&sents);
  Dyad_vec_fini(&toks);
  Dyad_arena_fini(&a);
  return 0;
}
