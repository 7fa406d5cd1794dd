/*
 * test_lookalike_joined - a brand whose label has hyphens (rolls-royce,
 * 7-eleven, e-boks, the reading munchner-bank of münchner-bank.de) is
 * imitated with its hyphens dropped and a word beside it
 * (rollsroycelogin, secure-rollsroyce, munchnerbank-secure): reported for
 * the brand, as a combination.  The label without its hyphens alone
 * stays the brand's typo (or homoglyph), under any suffix; with a word
 * that is no keyword it is nobody's; an own domain with that label
 * (deutschebank.com of deutsche-bank.de) is the owner's spelling, whose
 * typos under other suffixes are not reported, as before.
 */
#include "lookalike.h"
#include "lookalike_pairs.h"
#include "tap.h"

#define ROLLS    "rolls-royce.com"
#define ELEVEN   "7-eleven.com"
#define EBOKS    "e-boks.dk"
#define MUNCHNER "xn--mnchner-bank-dlb.de" /* münchner-bank.de */
#define DEUTSCHE "deutsche-bank.de"

static const struct pair_case joined_cases[] = {
    {"rollsroycelogin.com", ROLLS, COMBO, "a keyword glued after it"},
    {"secure-rollsroyce.com", ROLLS, COMBO, "a keyword before it"},
    {"securerollsroyce.net", ROLLS, COMBO, "glued, under another suffix"},
    {"7elevenlogin.com", ELEVEN, COMBO, "a name led by a digit"},
    {"eboksverify.dk", EBOKS, COMBO, "a five-letter one"},
    {"munchnerbank-secure.com", MUNCHNER, COMBO,
     "an internationalized brand's reading without its hyphen"},
    {"munchnerbanklogin.de", MUNCHNER, COMBO, "glued to a keyword"},
    {"rollsroyce.com", ROLLS, TYPO, "alone, it stays a typo"},
    {"rollsroyce.de", ROLLS, TYPO, "under another suffix too"},
    {"eboks.dk", EBOKS, TYPO, "a five-letter one alone"},
    {"munchnerbank.de", MUNCHNER, GLYPH, "the reading alone, a homoglyph"},
    {"rollsroyceholidays.com", NULL, NULL, "a word that is no keyword"},
    {"deutschebank.pl", NULL, NULL,
     "an own domain's label under another suffix: the owner's spelling"},
    {"deutschebank-login.com", DEUTSCHE, COMBO,
     "and with a keyword, reported as before"},
};

int main(void)
{
	static const char *const brands[] = {ROLLS, ELEVEN, EBOKS, MUNCHNER,
					     DEUTSCHE};
	struct lookalike *lk = test_fill_list(brands, TEST_COUNT(brands));

	if (lookalike_add_own(lk, DEUTSCHE, "deutschebank.com") < 0)
		exit(2);
	test_pairs(lk, joined_cases, TEST_COUNT(joined_cases));
	tap_is_long((long)lookalike_brand_count(lk), 5,
		    "a label without its hyphens is no brand of its own");
	tap_is_long(lookalike_owned(lk, "rollsroyce.com"), 0,
		    "nor one of the brand's own domains");
	lookalike_free(lk);
	return tap_done();
}
