/*
 * test_lookalike_idncombo - internationalized labels that combine a
 * brand label with words (lookalike:combo): decoded, split as an ASCII
 * label is, the brand's part read by its skeleton, so a look-alike
 * letter inside the brand and a brand written in UTF-8 count as the
 * brand; what an ASCII label would not make a combination still is none.
 */
#include <string.h>

#include "confusable.h"
#include "lookalike_pairs.h"

/* Coined names, a short code, and a brand whose name is an IDN
 * (müller.de). */
static const char *const test_brands[] = {"paypal.com", "docusign.com",
					  "ups.com", "xn--mller-kva.de"};

static const struct pair_case idn_cases[] = {
    /* The brand with a look-alike letter, and keywords. */
    {"xn--pypal-login-yij.com", "paypal.com", COMBO,
     "paypal with a Cyrillic a, a keyword after it"},
    {"xn--secure-pypal-49j.com", "paypal.com", COMBO, "a keyword before it"},
    {"xn--pypalsecure-yij.com", "paypal.com", COMBO, "a keyword glued on"},
    {"xn--dcusign-verify-vzl.net", "docusign.com", COMBO,
     "docusign with a Cyrillic o"},
    {"xn--us-tracking-goj.com", "ups.com", COMBO,
     "a three-letter code with a Cyrillic er"},
    /* A word of another script before a distinctive brand. */
    {"xn---paypal-iggs3hqd.com", "paypal.com", COMBO,
     "a Russian word before it, as any word may be"},
    /* A brand whose own name is an IDN. */
    {"xn--mller-login-thb.com", "xn--mller-kva.de", COMBO,
     "muller with its umlaut and a keyword"},
    {"xn--loginmller-feb.com", "xn--mller-kva.de", COMBO,
     "a keyword glued before it"},
    /* The look-alike label alone is the homoglyph rule's. */
    {"xn--pypal-4ve.com", "paypal.com", GLYPH, "paypal with a Cyrillic a"},
    /* As for ASCII labels: no combination. */
    {"xn--paypal--pggs3hqd.com", NULL, NULL,
     "a word after the brand that is no keyword nor English"},
    {"xn--pypalchoose-yij.com", NULL, NULL, "an English word glued after it"},
    {"xn--mnchen-login-dlb.de", NULL, NULL, "no brand's skeleton in it"},
    {"xn--mller-mnchen-dlbg.de", NULL, NULL, "a place's name after the brand"},
    {"xn--mller-kva.de", NULL, NULL, "the brand itself"},
    {"xn--zz-zzzzzz.com", NULL, NULL, "an A-label that does not decode"},
};

/* test_part_skeletons - a part's skeleton, from the letters found once,
 * is the skeleton of the part alone */
static void test_part_skeletons(void)
{
	/* "p\u0430ypal-rnail", the Cyrillic a two bytes; rn reads m, i l */
	static const char text[] = "p\xd0\xb0ypal-rnail";
	static const struct {
		size_t from, to;
		const char *want;
	} parts[] = {
	    {0, 7, "paypal"}, {8, 13, "mall"}, {0, 13, "paypal-mall"},
	    {1, 3, "a"},      {0, 0, ""},
	};
	struct confusable *cf = confusable_new();
	struct confusable_glyphs g;
	char sk[CONFUSABLE_MAX + 1];
	char ace_sk[CONFUSABLE_MAX + 1];

	tap_is_long(confusable_glyphs(cf, text, strlen(text), &g), 0,
		    "the letters of a decoded label");
	for (size_t i = 0; i < TEST_COUNT(parts); i++) {
		int n = confusable_part_skeleton(&g, parts[i].from, parts[i].to,
						 sk);

		tap_is_str(n >= 0 ? sk : NULL, parts[i].want, parts[i].want);
	}
	tap_is_long(confusable_part_skeleton(&g, 2, 7, sk), -1,
		    "a part that starts inside a character is none");
	tap_is_long(confusable_skeleton(cf, "xn--pypal-4ve", 13, ace_sk, NULL),
		    6, "the same part as an A-label");
	confusable_part_skeleton(&g, 0, 7, sk);
	tap_is_str(sk, ace_sk, "... has the same skeleton");
	tap_is_long(confusable_glyphs(cf, "p\xd0ypal", 6, &g), -1,
		    "text that is no UTF-8 has no letters");
	confusable_free(cf);
}

int main(void)
{
	struct lookalike *lk =
	    test_fill_list(test_brands, TEST_COUNT(test_brands));

	test_pairs(lk, idn_cases, TEST_COUNT(idn_cases));
	test_part_skeletons();
	lookalike_free(lk);
	return tap_done();
}
