/*
 * test_lookalike_swapped - a hyphenated brand label with the word at one
 * end swapped for a keyword, under the brand's own suffix, is a
 * combination (lookalike:combo): login-bank.de for deutsche-bank.de,
 * verify-arc.gc.ca for cra-arc.gc.ca, login-mobile.com for t-mobile.com.
 * Under another suffix the words kept are anybody's, a letter or two
 * kept is anybody's name (t-online), a word that is no keyword is a name
 * of its own (berliner-bank), and a label that spells another known name
 * is that name's.
 */
#include "lookalike_pairs.h"

/* Hyphenated brands of two and three words, one led by a letter, one
 * whose end word has 2 letters, and a brand that owns deutschepost.de. */
static const char *const test_brands[] = {
    "deutsche-bank.de", "t-mobile.com",	    "cra-arc.gc.ca",
    "bank-of-ireland.co.uk", "reka-ui.com", "dhl.com",
};

static const struct pair_case positive_cases[] = {
    {"login-bank.de", "deutsche-bank.de", COMBO,
     "the name swapped for a keyword, the generic word kept"},
    {"deutsche-verify.de", "deutsche-bank.de", COMBO,
     "the generic word swapped (the name rule finds it too)"},
    {"secure-mobile.com", "t-mobile.com", COMBO,
     "the letter swapped, the word kept under .com"},
    {"verify-arc.gc.ca", "cra-arc.gc.ca", COMBO,
     "the initials swapped under a government's zone"},
    {"bank-of-login.co.uk", "bank-of-ireland.co.uk", COMBO,
     "the last of three words swapped"},
    {"secure-of-ireland.co.uk", "bank-of-ireland.co.uk", COMBO,
     "the first of three words swapped"},
    {"www-bank.de", "deutsche-bank.de", COMBO, "a URL bit as the keyword"},
};

static const struct pair_case negative_cases[] = {
    {"login-bank.com", NULL, NULL, "another suffix: anybody's words"},
    {"secure-mobile.net", NULL, NULL, "another suffix, .net"},
    {"t-online.com", NULL, NULL, "a letter and a keyword: no frame"},
    {"login-ui.com", NULL, NULL, "2 letters kept: no frame"},
    {"berliner-bank.de", NULL, NULL, "a name swapped in, no keyword"},
    {"login-secure-bank.de", NULL, NULL,
     "two words in the place of one: a label of its own"},
    {"deutsche-post.de", NULL, NULL,
     "a keyword swapped in that spells another known name"},
    {"loginbank.de", NULL, NULL, "glued: no hyphen, no frame"},
    {"zorbix-login.com", NULL, NULL, "a learned brand's frame"},
    {"login-direkt.de", NULL, NULL, "a family domain's frame"},
};

int main(void)
{
	struct lookalike *lk =
	    test_fill_list(test_brands, TEST_COUNT(test_brands));

	/* Deutsche Post's own name, a family domain and a learned brand,
	 * whose frames are not vetted. */
	if (lookalike_add_own(lk, "dhl.com", "deutschepost.de") != 1
	    || lookalike_add_own(lk, "deutsche-bank.de", "db-direkt.de") != 1
	    || lookalike_learn_brand(lk, "zorbix-mailer.com") < 0)
		return 2;
	test_pairs(lk, positive_cases, TEST_COUNT(positive_cases));
	test_pairs(lk, negative_cases, TEST_COUNT(negative_cases));
	lookalike_free(lk);
	return tap_done();
}
