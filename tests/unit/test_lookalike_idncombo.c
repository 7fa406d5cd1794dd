/*
 * test_lookalike_idncombo - internationalized labels that combine a
 * brand label with words (lookalike:combo): decoded, split as an ASCII
 * label is, the brand's part read by its skeleton, so a look-alike
 * letter inside the brand and a brand written in UTF-8 count as the
 * brand; what an ASCII label would not make a combination still is none.
 */
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
    {"xn--pypalfind-0yh.com", NULL, NULL, "an English word glued after it"},
    {"xn--mnchen-login-dlb.de", NULL, NULL, "no brand's skeleton in it"},
    {"xn--mller-mnchen-dlbg.de", NULL, NULL, "a place's name after the brand"},
    {"xn--mller-kva.de", NULL, NULL, "the brand itself"},
    {"xn--zz-zzzzzz.com", NULL, NULL, "an A-label that does not decode"},
};

int main(void)
{
	struct lookalike *lk =
	    test_fill_list(test_brands, TEST_COUNT(test_brands));

	test_pairs(lk, idn_cases, TEST_COUNT(idn_cases));
	lookalike_free(lk);
	return tap_done();
}
