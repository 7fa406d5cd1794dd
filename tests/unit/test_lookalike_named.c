/*
 * test_lookalike_named - a hyphenated brand label is known by its name
 * word (litecoin of litecoin-foundation, deutsche of deutsche-bank): that
 * word beside keywords or numbers is a combination (lookalike:combo),
 * as the brand's whole label is, and so are the initials that lead one
 * (vtb of vtb-bank).  A generic word of the label (bank, foundation,
 * eat), a short one after its first, or a name beside words that are
 * no keywords is not, nor a label that spells another known name.  (Under
 * the brand's own suffix a keyword in place of a word is a swap:
 * test_lookalike_swapped.c.)
 */
#include "lookalike_pairs.h"

/* Hyphenated brands whose name comes first or last, one whose first
 * word is an English word, and a brand that owns deutschepost.de. */
static const char *const test_brands[] = {
    "litecoin-foundation.org",
    "deutsche-bank.de",
    "bank-maskan.ir",
    "just-eat.com",
    "vtb-bank.by",
    "reka-ui.com",
    "dhl.com",
};

static const struct pair_case positive_cases[] = {
    {"litecoin-login.org", "litecoin-foundation.org", COMBO,
     "the name, then a keyword for the generic word"},
    {"secure-litecoin.com", "litecoin-foundation.org", COMBO,
     "a keyword before the name"},
    {"deutsche-login.de", "deutsche-bank.de", COMBO,
     "a name that is no English word"},
    {"deutsche-online-2024.com", "deutsche-bank.de", COMBO,
     "a keyword and a number"},
    {"maskan-login.ir", "bank-maskan.ir", COMBO, "the name last in the brand"},
    {"reka-verify.com", "reka-ui.com", COMBO, "a name of 4 letters"},
    {"vtb-login.com", "vtb-bank.by", COMBO,
     "3 letters leading the label: the brand's initials"},
    {"secure-vtb.ru", "vtb-bank.by", COMBO, "a keyword before the initials"},
};

static const struct pair_case negative_cases[] = {
    {"just-login.net", NULL, NULL, "an English word is anyone's"},
    {"login-eat.net", NULL, NULL,
     "nor is the generic word, 3 letters after the first: no initials"},
    {"bank-login.com", NULL, NULL, "bank, the generic word first"},
    {"login-ui.com", NULL, NULL, "2 letters are no name"},
    {"vtblogin.com", NULL, NULL, "initials glued to a keyword"},
    {"litecoin-charts.org", NULL, NULL, "a word that is no keyword"},
    {"litecoinlogin.org", NULL, NULL,
     "glued: the name is a word of the label, not a piece of one"},
    {"deutsche-post.de", NULL, NULL,
     "the hyphenated spelling of another known name (deutschepost.de)"},
    {"deutsche-bahn-login.de", NULL, NULL,
     "another name after it: only keywords may stand beside the name"},
};

int main(void)
{
	struct lookalike *lk =
	    test_fill_list(test_brands, TEST_COUNT(test_brands));

	if (lookalike_add_own(lk, "dhl.com", "deutschepost.de") != 1)
		return 2;
	test_pairs(lk, positive_cases, TEST_COUNT(positive_cases));
	test_pairs(lk, negative_cases, TEST_COUNT(negative_cases));
	/* A learned brand's words are not vetted as names. */
	if (lookalike_learn_brand(lk, "zorbix-mailer.com") < 0)
		return 2;
	test_pairs(lk,
		   (const struct pair_case[]){{"zorbix-login.com", NULL, NULL,
					       "a learned brand's word"}},
		   1);
	lookalike_free(lk);
	return tap_done();
}
