/*
 * lexicon.c - building and querying the compiled lexicon.
 *
 * The phrase trie is stored as a node array plus one hash map of edges keyed
 * by (parent node, word id), so a lookup step is one hash probe and the
 * structure is a few flat arrays (cheap to build, cheap to share). Hits at a
 * node form a linked list through lex->hits.
 */
#include "lexicon.h"
#include "../enrich/gazetteer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void vec_inits(struct dyad_lexicon *lex) {
  Dyad_vec_init(&lex->words, sizeof(uint32_t));
  Dyad_vec_init(&lex->nodes, sizeof(struct lex_node));
  Dyad_vec_init(&lex->hits, sizeof(struct lex_hit));
  Dyad_vec_init(&lex->actors, sizeof(struct lex_actor));
  Dyad_vec_init(&lex->datecodes, sizeof(struct lex_datecode));
  Dyad_vec_init(&lex->agents, sizeof(struct lex_agent));
  Dyad_vec_init(&lex->verbs, sizeof(struct lex_verb));
  Dyad_vec_init(&lex->vforms, sizeof(struct lex_vform));
  Dyad_vec_init(&lex->blocks, sizeof(struct lex_block));
  Dyad_vec_init(&lex->patterns, sizeof(struct lex_pattern));
  Dyad_vec_init(&lex->pat_order, sizeof(uint32_t));
  Dyad_vec_init(&lex->pels, sizeof(struct lex_pel));
  Dyad_vec_init(&lex->alts, sizeof(struct lex_alt));
  Dyad_vec_init(&lex->alt_opts, sizeof(struct lex_altopt));
  Dyad_vec_init(&lex->discards, sizeof(struct lex_discard));
  Dyad_vec_init(&lex->issues, sizeof(struct lex_issue));
  Dyad_vec_init(&lex->times, sizeof(struct lex_time));
  Dyad_vec_init(&lex->files, sizeof(char *));
  Dyad_vec_init(&lex->diags, sizeof(dyad_error));
  Dyad_vec_init(&lex->stem_of, sizeof(uint32_t));
  Dyad_vec_init(&lex->alt_first, sizeof(uint32_t));
}

dyad_status Dyad_lex_init(struct dyad_lexicon *lex) {
  memset(lex, 0, sizeof *lex);
  atomic_init(&lex->gaz, NULL);
  pthread_mutex_init(&lex->gaz_lock, NULL);
  Dyad_buf_init(&lex->strings, (size_t)1 << 31);
  Dyad_u64map_init(&lex->string_map);
  Dyad_u64map_init(&lex->word_map);
  Dyad_u64map_init(&lex->edges);
  Dyad_u64map_init(&lex->synset_map);
  vec_inits(lex);
  /* string id 0 is the empty string */
  TRY(Dyad_buf_putc(&lex->strings, '\0'));
  uint32_t *w = Dyad_vec_push(&lex->words); /* wid 0 unused */
  if (!w)
    return DYAD_ERR_NOMEM;
  struct lex_node *root = Dyad_vec_push(&lex->nodes);
  if (!root)
    return DYAD_ERR_NOMEM;
  root->hits = LEX_NONE;
  TRY(Dyad_lex_str(lex, "---", 3, &lex->str_null));
  TRY(Dyad_lex_str(lex, "###", 3, &lex->str_discard));
  TRY(Dyad_lex_str(lex, "+++", 3, &lex->str_complex));
  lex->tabari.min_words = 0;
  lex->tabari.default_source = LEX_NONE;
  lex->tabari.default_target = LEX_NONE;
  lex->require_dyad = true;
  return DYAD_OK;
}

void Dyad_lex_fini(struct dyad_lexicon *lex) {
  struct gazetteer *g = atomic_load(&lex->gaz);
  if (g) {
    Dyad_gaz_fini(g);
    free(g);
    atomic_store(&lex->gaz, NULL);
  }
  pthread_mutex_destroy(&lex->gaz_lock);
  for (size_t i = 0; i < lex->files.len; i++)
    free(VEC_AT(&lex->files, char *, i));
  Dyad_buf_fini(&lex->strings);
  Dyad_u64map_fini(&lex->string_map);
  Dyad_u64map_fini(&lex->word_map);
  Dyad_u64map_fini(&lex->edges);
  Dyad_u64map_fini(&lex->synset_map);
  struct vec *vs[] = {&lex->words,    &lex->nodes,     &lex->hits,
                      &lex->actors,   &lex->datecodes, &lex->agents,
                      &lex->verbs,    &lex->vforms,    &lex->blocks,
                      &lex->patterns, &lex->pat_order, &lex->pels,
                      &lex->alts,     &lex->alt_opts,  &lex->discards,
                      &lex->issues,   &lex->times,     &lex->files,
                      &lex->diags,    &lex->stem_of,   &lex->alt_first};
  for (size_t i = 0; i < sizeof vs / sizeof vs[0]; i++)
    Dyad_vec_fini(vs[i]);
}

dyad_status Dyad_lex_str(struct dyad_lexicon *lex, const char *s, size_t n,
                         uint32_t *id) {
  uint64_t h = Dyad_hash_bytes(s, n) & ~(uint64_t)1;
  /* linear probe over (h, h+2, ...) keys to resolve collisions */
  for (int k = 0; k < 8; k++) {
    uint64_t key = h + 2 * (uint64_t)k;
    uint32_t v;
    if (!Dyad_u64map_get(&lex->string_map, key, &v))
      break;
    const char *t = lex->strings.data + v;
    if (strlen(t) == n && memcmp(t, s, n) == 0) {
      *id = v;
      return DYAD_OK;
    }
    if (k == 7)
      h = 0; /* give up interning; append */
  }
  if (lex->strings.len + n + 1 > UINT32_MAX)
    return DYAD_ERR_LIMIT;
  uint32_t off = (uint32_t)lex->strings.len;
  TRY(Dyad_buf_put(&lex->strings, s, n));
  TRY(Dyad_buf_putc(&lex->strings, '\0'));
  if (h) {
    for (int k = 0; k < 8; k++) {
      uint64_t key = h + 2 * (uint64_t)k;
      uint32_t v;
      if (!Dyad_u64map_get(&lex->string_map, key, &v)) {
        TRY(Dyad_u64map_put(&lex->string_map, key, off));
        break;
      }
    }
  }
  *id = off;
  return DYAD_OK;
}

uint32_t Dyad_lex_find_word(const struct dyad_lexicon *lex, const char *key,
                            size_t n) {
  uint64_t h = Dyad_hash_bytes(key, n) & ~(uint64_t)1;
  for (int k = 0; k < 8; k++) {
    uint32_t wid;
    if (!Dyad_u64map_get(&lex->word_map, h + 2 * (uint64_t)k, &wid))
      return 0;
    const char *t = lex->strings.data + VEC_AT(&lex->words, uint32_t, wid);
    if (strncmp(t, key, n) == 0 && t[n] == '\0')
      return wid;
  }
  return 0;
}

dyad_status Dyad_lex_word(struct dyad_lexicon *lex, const char *key, size_t n,
                          uint32_t *wid) {
  uint32_t w = Dyad_lex_find_word(lex, key, n);
  if (w) {
    *wid = w;
    return DYAD_OK;
  }
  uint64_t h = Dyad_hash_bytes(key, n) & ~(uint64_t)1;
  uint64_t slot = 0;
  for (int k = 0; k < 8; k++) {
    uint32_t tmp;
    if (!Dyad_u64map_get(&lex->word_map, h + 2 * (uint64_t)k, &tmp)) {
      slot = h + 2 * (uint64_t)k;
      break;
    }
  }
  if (!slot)
    return DYAD_ERR_LIMIT;
  uint32_t sid;
  TRY(Dyad_lex_str(lex, key, n, &sid));
  uint32_t *p = Dyad_vec_push(&lex->words);
  if (!p)
    return DYAD_ERR_NOMEM;
  *p = sid;
  w = (uint32_t)(lex->words.len - 1);
  TRY(Dyad_u64map_put(&lex->word_map, slot, w));
  *wid = w;
  return DYAD_OK;
}

dyad_status Dyad_lex_phrase(struct dyad_lexicon *lex, const char *s, size_t n,
                            uint32_t *wids, size_t cap, size_t *nw,
                            bool *exact) {
  char stackbuf[512];
  char *tmp = n < sizeof stackbuf ? stackbuf : malloc(n + 1);
  if (!tmp)
    return DYAD_ERR_NOMEM;
  /* '_' joins words: make it a space; note a trailing '_' */
  size_t m = n;
  while (m > 0 && (s[m - 1] == ' ' || s[m - 1] == '\t'))
    m--;
  bool ex = m > 0 && s[m - 1] == '_';
  for (size_t i = 0; i < m; i++)
    tmp[i] = s[i] == '_' ? ' ' : s[i];
  struct arena a;
  Dyad_arena_init(&a, 0);
  struct vec toks;
  Dyad_vec_init(&toks, sizeof(struct token));
  dyad_status st = Dyad_tokenize(tmp, 0, m, &a, &toks);
  size_t k = 0;
  if (st == DYAD_OK) {
    for (size_t i = 0; i < toks.len; i++) {
      struct token *t = &VEC_AT(&toks, struct token, i);
      if (k >= cap) {
        st = DYAD_ERR_LIMIT;
        break;
      }
      st = Dyad_lex_word(lex, t->key, t->klen, &wids[k]);
      if (st != DYAD_OK)
        break;
      k++;
    }
  }
  if (st == DYAD_OK && k == 0)
    st = DYAD_ERR_PARSE;
  Dyad_vec_fini(&toks);
  Dyad_arena_fini(&a);
  if (tmp != stackbuf)
    free(tmp);
  *nw = k;
  if (exact)
    *exact = ex;
  return st;
}

dyad_status Dyad_lex_add_hit(struct dyad_lexicon *lex, const uint32_t *wids,
                             size_t n, uint8_t kind, uint32_t ref,
                             uint8_t flags) {
  uint32_t node = 0;
  for (size_t i = 0; i < n; i++) {
    uint32_t c = Dyad_lex_child(lex, node, wids[i]);
    if (c == LEX_NONE) {
      struct lex_node *nn = Dyad_vec_push(&lex->nodes);
      if (!nn)
        return DYAD_ERR_NOMEM;
      nn->hits = LEX_NONE;
      c = (uint32_t)(lex->nodes.len - 1);
      TRY(Dyad_u64map_put(&lex->edges, ((uint64_t)node << 32) | wids[i], c));
    }
    node = c;
  }
  struct lex_node *nd = &VEC_AT(&lex->nodes, struct lex_node, node);
  /* skip exact duplicates (same kind and ref) */
  for (uint32_t h = nd->hits; h != LEX_NONE;
       h = VEC_AT(&lex->hits, struct lex_hit, h).next) {
    struct lex_hit *x = &VEC_AT(&lex->hits, struct lex_hit, h);
    if (x->kind == kind && x->ref == ref)
      return DYAD_OK;
  }
  struct lex_hit *hit = Dyad_vec_push(&lex->hits);
  if (!hit)
    return DYAD_ERR_NOMEM;
  hit->kind = kind;
  hit->flags = flags;
  hit->nwords = (uint16_t)(n > 65535 ? 65535 : n);
  hit->ref = ref;
  nd = &VEC_AT(&lex->nodes, struct lex_node, node);
  /* append at the end so file order is kept */
  hit->next = LEX_NONE;
  uint32_t hid = (uint32_t)(lex->hits.len - 1);
  if (nd->hits == LEX_NONE) {
    nd->hits = hid;
  } else {
    uint32_t h = nd->hits;
    while (VEC_AT(&lex->hits, struct lex_hit, h).next != LEX_NONE)
      h = VEC_AT(&lex->hits, struct lex_hit, h).next;
    VEC_AT(&lex->hits, struct lex_hit, h).next = hid;
  }
  return DYAD_OK;
}

dyad_status Dyad_lex_file(struct dyad_lexicon *lex, const char *name,
                          uint32_t *idx) {
  for (size_t i = 0; i < lex->files.len; i++) {
    if (strcmp(VEC_AT(&lex->files, char *, i), name) == 0) {
      *idx = (uint32_t)i;
      return DYAD_OK;
    }
  }
  size_t n = strlen(name);
  char *copy = malloc(n + 1);
  if (!copy)
    return DYAD_ERR_NOMEM;
  memcpy(copy, name, n + 1);
  char **slot = Dyad_vec_push(&lex->files);
  if (!slot) {
    free(copy);
    return DYAD_ERR_NOMEM;
  }
  *slot = copy;
  *idx = (uint32_t)(lex->files.len - 1);
  return DYAD_OK;
}

dyad_status Dyad_lex_diag(struct dyad_lexicon *lex, uint32_t file,
                          unsigned line, unsigned col, const char *fmt, ...) {
  dyad_error *e = Dyad_vec_push(&lex->diags);
  if (!e)
    return DYAD_ERR_NOMEM;
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  const char *fname =
      file < lex->files.len ? VEC_AT(&lex->files, char *, file) : "";
  Dyad_error_set(e, DYAD_ERR_PARSE, fname, line, col, "%s", msg);
  return DYAD_OK;
}

uint32_t Dyad_lex_actor_code(const struct dyad_lexicon *lex, uint32_t actor,
                             int date) {
  const struct lex_actor *a = &VEC_AT(&lex->actors, struct lex_actor, actor);
  uint32_t undated = LEX_NONE, last = LEX_NONE, current = LEX_NONE;
  for (uint32_t i = 0; i < a->ncodes; i++) {
    const struct lex_datecode *d =
        &VEC_AT(&lex->datecodes, struct lex_datecode, a->codes + i);
    bool dated = d->from != 0 || d->to != 99999999;
    if (!dated) {
      if (undated == LEX_NONE)
        undated = d->code;
      continue;
    }
    last = d->code;
    if (d->to == 99999999 && current == LEX_NONE)
      current = d->code;
    if (date && date >= d->from && date <= d->to)
      return d->code;
  }
  /* no date: the story is taken to be today's, so a range without an end
   * ("[RUSGOV >20120507]": in office now) holds */
  if (!date && current != LEX_NONE)
    return current;
  if (undated != LEX_NONE)
    return undated;
  return date ? LEX_NONE : last;
}

/* Collects the word ids the options of alt group `i` can start (or, with
 * `last`, end) with into lex->alt_first, sorted; marks the group `any` when
 * an option starts (ends) with an actor marker or is empty. Nested groups
 * are walked with an explicit stack (no recursion the input controls). */
static dyad_status alt_edges(struct dyad_lexicon *lex, uint32_t i, bool last) {
  uint32_t start = (uint32_t)lex->alt_first.len, count = 0;
  bool any = false;
  uint32_t stack[64];
  int sp = 0, visited = 0;
  stack[sp++] = i;
  while (sp > 0 && !any) {
    uint32_t g = stack[--sp];
    if (++visited > 256) {
      any = true;
      break;
    }
    const struct lex_alt *ga = &VEC_AT(&lex->alts, struct lex_alt, g);
    for (uint32_t o = 0; o < ga->nopts && !any; o++) {
      const struct lex_altopt *op =
          &VEC_AT(&lex->alt_opts, struct lex_altopt, ga->opts + o);
      if (!op->nels) {
        any = true;
        break;
      }
      const struct lex_pel *e = &VEC_AT(&lex->pels, struct lex_pel,
                                        op->els + (last ? op->nels - 1 : 0));
      if (e->type == PE_WORD && e->arg) {
        uint32_t *slot = Dyad_vec_push(&lex->alt_first);
        if (!slot)
          return DYAD_ERR_NOMEM;
        *slot = e->arg;
        count++;
      } else if (e->type == PE_ALT && sp < 64) {
        stack[sp++] = e->arg;
      } else if (e->type == PE_WORD) {
        continue; /* a word no story has: the option never matches */
      } else {
        any = true;
      }
    }
  }
  struct lex_alt *al = &VEC_AT(&lex->alts, struct lex_alt, i);
  if (any) {
    lex->alt_first.len = start;
    count = 0;
  }
  /* no member yet: data may still be NULL, and NULL + 0 is undefined */
  uint32_t *f = count ? (uint32_t *)lex->alt_first.data + start : NULL;
  for (uint32_t a = 1; a < count; a++) {
    uint32_t v = f[a], b = a;
    while (b > 0 && f[b - 1] > v) {
      f[b] = f[b - 1];
      b--;
    }
    f[b] = v;
  }
  if (last) {
    al->last = start;
    al->nlast = count;
    al->any_last = any;
  } else {
    al->first = start;
    al->nfirst = count;
    al->any = any;
  }
  return DYAD_OK;
}

dyad_status Dyad_lex_finish(struct dyad_lexicon *lex) {
  size_t n = lex->patterns.len;
  TRY(Dyad_vec_reserve(&lex->pat_order, n));
  for (size_t i = 0; i < n; i++)
    VEC_AT(&lex->pat_order, uint32_t, i) = (uint32_t)i;
  lex->pat_order.len = n;
  /* Sort by (block, length desc, file order). Patterns arrive grouped by
   * block, so an insertion sort is near linear; qsort would need a global
   * context pointer (C11 has no qsort_r). */
  uint32_t *ord = lex->pat_order.data;
  for (size_t i = 1; i < n; i++) {
    uint32_t v = ord[i];
    const struct lex_pattern *pv =
        &VEC_AT(&lex->patterns, struct lex_pattern, v);
    size_t j = i;
    while (j > 0) {
      const struct lex_pattern *pu =
          &VEC_AT(&lex->patterns, struct lex_pattern, ord[j - 1]);
      bool before = pu->block > pv->block ||
                    (pu->block == pv->block && pu->length < pv->length);
      if (!before)
        break;
      ord[j] = ord[j - 1];
      j--;
    }
    ord[j] = v;
  }
  for (size_t b = 0; b < lex->blocks.len; b++) {
    struct lex_block *bl = &VEC_AT(&lex->blocks, struct lex_block, b);
    bl->pats = 0;
    bl->npats = 0;
  }
  for (size_t i = 0; i < n; i++) {
    const struct lex_pattern *p =
        &VEC_AT(&lex->patterns, struct lex_pattern, ord[i]);
    if (p->block >= lex->blocks.len)
      continue;
    struct lex_block *bl = &VEC_AT(&lex->blocks, struct lex_block, p->block);
    if (bl->npats == 0)
      bl->pats = (uint32_t)i;
    bl->npats++;
  }
  /* stems: the inflections a non-exact pattern word matches (TABARI's
   * automatic endings, TABARI manual ch. 5), interned so that matching compares
   * word ids only */
  static const char *const endings[] = {"S", "ES", "ED", "D",  "ING",
                                        "N", "EN", "ER", "ERS"};
  struct vec variants;
  Dyad_vec_init(&variants, sizeof(uint64_t)); /* (variant wid << 32) | stem */
  dyad_status st = DYAD_OK;
  /* each stem once, however many patterns use it */
  size_t nstems = lex->words.len;
  uint8_t *seen = calloc(nstems ? nstems : 1, 1);
  if (!seen)
    st = DYAD_ERR_NOMEM;
  for (size_t i = 0; i < lex->pels.len && st == DYAD_OK; i++) {
    const struct lex_pel *e = &VEC_AT(&lex->pels, struct lex_pel, i);
    if (e->type != PE_WORD || e->exact || !e->arg)
      continue;
    if (e->arg < nstems) {
      if (seen[e->arg])
        continue;
      seen[e->arg] = 1;
    }
    const char *ws = Dyad_lex_cstr(lex, e->str);
    size_t wl = strlen(ws);
    if (wl < 3 || wl > 60)
      continue;
    /* a copy: interning the variants below may move lex->strings */
    char key[80];
    memcpy(key, ws, wl);
    for (size_t k = 0; k < sizeof endings / sizeof endings[0] + 2; k++) {
      size_t kl = wl;
      const char *end;
      if (k < sizeof endings / sizeof endings[0]) {
        end = endings[k];
      } else {
        key[kl++] = key[wl - 1]; /* a doubled final consonant */
        end = k == sizeof endings / sizeof endings[0] ? "ED" : "ING";
      }
      size_t el = strlen(end);
      memcpy(key + kl, end, el);
      kl += el;
      uint32_t vw;
      st = Dyad_lex_word(lex, key, kl, &vw);
      if (st != DYAD_OK)
        break;
      uint64_t *slot = Dyad_vec_push(&variants);
      if (!slot) {
        st = DYAD_ERR_NOMEM;
        break;
      }
      *slot = ((uint64_t)vw << 32) | e->arg;
    }
  }
  free(seen);
  if (st == DYAD_OK)
    st = Dyad_vec_reserve(&lex->stem_of, lex->words.len);
  if (st != DYAD_OK) {
    Dyad_vec_fini(&variants);
    return st;
  }
  lex->stem_of.len = lex->words.len;
  memset(lex->stem_of.data, 0, lex->words.len * sizeof(uint32_t));
  for (size_t i = 0; i < variants.len; i++) {
    uint64_t v = VEC_AT(&variants, uint64_t, i);
    uint32_t vw = (uint32_t)(v >> 32), stem = (uint32_t)v;
    if (!VEC_AT(&lex->stem_of, uint32_t, vw))
      VEC_AT(&lex->stem_of, uint32_t, vw) = stem;
  }
  Dyad_vec_fini(&variants);
  /* first and last words of alternative groups */
  for (size_t i = 0; i < lex->alts.len; i++) {
    TRY(alt_edges(lex, (uint32_t)i, false));
    TRY(alt_edges(lex, (uint32_t)i, true));
  }
  /* anchors: a literal word that must occur for the pattern to match */
  for (size_t i = 0; i < n; i++) {
    struct lex_pattern *p = &VEC_AT(&lex->patterns, struct lex_pattern, i);
    memset(p->anchors, 0, sizeof p->anchors);
    int na = 0;
    for (uint32_t k = 0; k < p->nels && na < 4; k++) {
      const struct lex_pel *e = &VEC_AT(&lex->pels, struct lex_pel, p->els + k);
      if (e->type == PE_WORD && e->arg)
        p->anchors[na++] = e->arg;
    }
  }
  lex->finished = true;
  return DYAD_OK;
}

static bool in_sorted(const uint32_t *f, uint32_t n, uint32_t w) {
  uint32_t lo = 0, hi = n;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if (f[mid] < w)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < n && f[lo] == w;
}

static bool edge_has(const struct dyad_lexicon *lex, uint32_t first, uint32_t n,
                     uint32_t wid) {
  if (!wid)
    return false;
  const uint32_t *f = (const uint32_t *)lex->alt_first.data + first;
  if (in_sorted(f, n, wid))
    return true;
  uint32_t stem = Dyad_lex_stem(lex, wid);
  return stem && in_sorted(f, n, stem);
}

bool Dyad_lex_alt_may_start(const struct dyad_lexicon *lex,
                            const struct lex_alt *al, uint32_t wid) {
  if (al->any || !lex->finished)
    return true;
  return edge_has(lex, al->first, al->nfirst, wid);
}

bool Dyad_lex_alt_may_end(const struct dyad_lexicon *lex,
                          const struct lex_alt *al, uint32_t wid) {
  if (al->any_last || !lex->finished)
    return true;
  return edge_has(lex, al->last, al->nlast, wid);
}

const struct gazetteer *Dyad_lex_gazetteer(const struct dyad_lexicon *clex) {
  /* the cache is the one mutable part of a loaded lexicon (which is never
   * defined const: dyad_lexicon_load allocates it), behind its lock */
  struct dyad_lexicon *lex = (struct dyad_lexicon *)clex;
  struct gazetteer *g = atomic_load_explicit(&lex->gaz, memory_order_acquire);
  if (g)
    return g;
  pthread_mutex_lock(&lex->gaz_lock);
  g = atomic_load_explicit(&lex->gaz, memory_order_relaxed);
  if (!g) {
    g = malloc(sizeof *g);
    if (g) {
      Dyad_gaz_init(g);
      if (Dyad_gaz_build(g, lex->gaz_no_geonames, NULL, false, NULL, NULL) !=
          DYAD_OK) {
        Dyad_gaz_fini(g);
        free(g);
        g = NULL;
      } else {
        atomic_store_explicit(&lex->gaz, g, memory_order_release);
      }
    }
  }
  pthread_mutex_unlock(&lex->gaz_lock);
  return g;
}
