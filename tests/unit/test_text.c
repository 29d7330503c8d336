/*
 * test_text.c - tokenizer, sentence splitter, closed word classes, dates and
 * UTF-8 helpers.
 */
#include "harness.h"

#include "parse/parse.h"
#include "parse/words.h"
#include "sentence/sentence.h"
#include "token/token.h"
#include "util/util.h"

static struct arena A;

/* Tokenises s and writes the keys joined by '|' into out. */
static const char *keys(const char *s, struct vec *toks) {
  static char out[4096];
  toks->len = 0;
  if (Dyad_tokenize(s, 0, strlen(s), &A, toks) != DYAD_OK)
    return "(error)";
  size_t k = 0;
  out[0] = '\0';
  for (size_t i = 0; i < toks->len; i++) {
    struct token *t = &VEC_AT(toks, struct token, i);
    k += (size_t)snprintf(out + k, sizeof out - k, "%s%.*s", i ? "|" : "",
                          (int)t->klen, t->key);
  }
  return out;
}

static void test_tokens(struct runner *r) {
  struct vec t;
  Dyad_vec_init(&t, sizeof(struct token));
  CASE(r, "possessive and curly apostrophe");
  CHECK_STR(r, keys("Mali’s junta", &t), "MALI|'S|JUNTA");
  CHECK_INT(r, VEC_AT(&t, struct token, 1).kind, TK_POSS);
  CASE(r, "negative clitic");
  CHECK_STR(r, keys("We didn't and can't", &t), "WE|DID|N'T|AND|CA|N'T");
  /* a wire entity with a space before it: "won #39;t" */
  CHECK_STR(r, keys("They won #39;t give in, Mali won", &t),
            "THEY|WO|N'T|GIVE|IN|,|MALI|WON");
  CASE(r, "accents fold");
  CHECK_STR(r, keys("António Guterres, Erdoğan, Łódź", &t),
            "ANTONIO|GUTERRES|,|ERDOGAN|,|LODZ");
  CASE(r, "abbreviations keep their period");
  CHECK_STR(r, keys("U.S. troops and Gen. Smith.", &t),
            "US|TROOPS|AND|GEN|SMITH|.");
  CHECK(r, VEC_AT(&t, struct token, 0).flags & TOK_ABBR);
  CASE(r, "numbers");
  CHECK_STR(r, keys("13,000 soldiers and 1.2 billion", &t),
            "13,000|SOLDIERS|AND|1.2|BILLION");
  CHECK_INT(r, VEC_AT(&t, struct token, 0).kind, TK_NUM);
  CASE(r, "hyphenated names");
  CHECK_STR(r, keys("al-Shabaab fighters", &t), "AL|SHABAAB|FIGHTERS");
  CHECK(r, VEC_AT(&t, struct token, 1).flags & TOK_HYPHEN_BEFORE);
  CASE(r, "wire artefacts");
  CHECK_STR(
      r, keys("Iraq #39;s  quot;deal quot; &lt;b&gt;...&lt;/b&gt; #36;5", &t),
      "IRAQ|'S|\"|DEAL|\"|...|$|5");
  CASE(r, "O'Brien and d'Ivoire stay whole");
  CHECK_STR(r, keys("O'Brien visited Cote d'Ivoire", &t),
            "O'BRIEN|VISITED|COTE|D'IVOIRE");
  CASE(r, "spans point at the original bytes");
  keys("Le président", &t);
  CHECK_INT(r, VEC_AT(&t, struct token, 1).start, 3);
  CHECK_INT(r, VEC_AT(&t, struct token, 1).end, 13);
  CASE(r, "quotes open and close");
  keys("“We do not believe,” she said.", &t);
  CHECK(r, VEC_AT(&t, struct token, 0).flags & TOK_QUOTE_OPEN);
  CHECK(r, VEC_AT(&t, struct token, 6).flags & TOK_QUOTE_CLOSE);
  CASE(r, "dictionary phrases fold like text");
  char buf[64];
  Dyad_fold_word("Goïta", 6, buf, sizeof buf);
  CHECK_STR(r, buf, "GOITA");
  Dyad_vec_fini(&t);
}

static size_t split(const char *s, size_t headline_end, struct vec *sents) {
  struct vec t;
  Dyad_vec_init(&t, sizeof(struct token));
  sents->len = 0;
  if (Dyad_tokenize(s, 0, strlen(s), &A, &t) != DYAD_OK ||
      Dyad_split_sentences(t.data, t.len, headline_end, sents) != DYAD_OK)
    sents->len = 0;
  Dyad_vec_fini(&t);
  return sents->len;
}

static void test_sentences(struct runner *r) {
  struct vec s;
  Dyad_vec_init(&s, sizeof(struct sentence));
  CASE(r, "titles, initials and decimals do not end sentences");
  CHECK_INT(r,
            split("Gen. J. Smith met Mr. Jones at 3.5 km. They talked.", 0, &s),
            2);
  CASE(r, "U.S. before a sentence opener ends one");
  CHECK_INT(r, split("He flew to the U.S. The talks began.", 0, &s), 2);
  CHECK_INT(r, split("The U.S. Army moved.", 0, &s), 1);
  CASE(r, "closing quote belongs to the sentence");
  const char *q = "“We will go.” She left.";
  CHECK_INT(r, split(q, 0, &s), 2);
  CHECK_INT(r, VEC_AT(&s, struct sentence, 0).end, strlen("“We will go.”"));
  CASE(r, "headline is sentence 0");
  const char *h = "Mali junta rejects talks\n\nThe junta said no. It left.";
  CHECK_INT(r, split(h, strlen("Mali junta rejects talks"), &s), 3);
  CASE(r, "headline with a full stop: the body's first word stays");
  const char *h2 = "Head line here.\n\nof the UN The Council met.";
  CHECK_INT(r, split(h2, strlen("Head line here."), &s), 2);
  CASE(r, "blank line ends a sentence");
  CHECK_INT(r, split("A first line without a stop\n\nA second one", 0, &s), 2);
  CASE(r, "lower case after a period continues");
  CHECK_INT(r, split("It rose 5 p.m. on Friday.", 0, &s), 1);
  Dyad_vec_fini(&s);
}

static void test_words(struct runner *r) {
  CASE(r, "word class table is sorted (bsearch)");
  CHECK(r, Dyad_word_table_sorted());
  CHECK_INT(r, Dyad_word_class("THE"), FC_DET);
  CHECK_INT(r, Dyad_word_class("N'T"), FC_NEG);
  CHECK_INT(r, Dyad_word_class("WOULD"), FC_MODAL);
  CHECK_INT(r, Dyad_word_class("FRANCE"), FC_NONE);
  CHECK(r, Dyad_word_is_reporting("SAID"));
  CHECK(r, Dyad_word_is_hedge_verb("BELIEVED"));
  CASE(r, "the hash index finds every word, and no other");
  struct word_index ix;
  Dyad_word_index_build(&ix);
  CHECK(r, Dyad_word_index_agrees(&ix));
  uint8_t fc = 99, pr = 99;
  Dyad_word_lookup_ix(&ix, "FRANCE", &fc, &pr);
  CHECK_INT(r, fc, FC_NONE);
  CHECK_INT(r, pr, 0);
  Dyad_word_lookup_ix(&ix, "SAID", &fc, &pr);
  CHECK(r, (pr & W_REPORT) != 0);
  Dyad_word_lookup_ix(&ix, "", &fc, &pr);
  CHECK_INT(r, fc, FC_NONE);
}

static void test_util(struct runner *r) {
  CASE(r, "dates");
  CHECK_INT(r, Dyad_date_parse("2023-07-01", 10), 20230701);
  CHECK_INT(r, Dyad_date_parse("950101", 6), 19950101);
  CHECK_INT(r, Dyad_date_parse("100101", 6), 20100101);
  CHECK_INT(r, Dyad_date_parse("2023-02-30", 10), 0);
  CHECK_INT(r, Dyad_date_weekday(20230630), 4); /* a Friday */
  CHECK_INT(r, Dyad_date_from_days(Dyad_date_to_days(20240229) + 1), 20240301);
  CASE(r, "utf8 check");
  CHECK_INT(r, Dyad_utf8_check("ab\xc3\xa9", 4), 4);
  CHECK_INT(r, Dyad_utf8_check("ab\xc3", 3), 2);
  CHECK_INT(r, Dyad_utf8_check("\xef\xbf\xbd", 3), 3);
  CHECK_INT(r, Dyad_utf8_check("\xed\xa0\x80", 3), 0);
  CASE(r, "json escaping");
  struct buf b;
  Dyad_buf_init(&b, 0);
  CHECK(r, Dyad_buf_json_str(&b, "a\"b\\c\n\x01", 7) == DYAD_OK);
  CHECK_STR(r, Dyad_buf_cstr(&b), "a\\\"b\\\\c\\n\\u0001");
  Dyad_buf_fini(&b);
  CASE(r, "line and column");
  unsigned l, c;
  Dyad_line_col("ab\ncd", 5, 4, &l, &c);
  CHECK_INT(r, l, 2);
  CHECK_INT(r, c, 2);
}

int main(void) {
  struct runner r = {0, 0, 0, ""};
  Dyad_arena_init(&A, 0);
  test_tokens(&r);
  test_sentences(&r);
  test_words(&r);
  test_util(&r);
  Dyad_arena_fini(&A);
  return harness_report(&r, "test_text");
}
