/*
 * test_lookalike_stacked - two disguises at once: a hyphenated label
 * whose brand word is itself a look-alike or a typo of the brand label,
 * with words of the lure beside it (lookalike:combo): paypa1-login,
 * secure-paypai.  Each disguise alone keeps its own rule's name, and
 * what the combination rule refuses for the brand's own label it
 * refuses for an edited one too.
 */
#include "lookalike_pairs.h"

/* Coined names, a short code, a brand whose label is a word, and one
 * with a family domain (canada.ca, below). */
static const char *const test_brands[] = {
    "paypal.com", "microsoft.com", "facebook.com", "amazon.com",    "ups.com",
    "chase.com",  "docusign.com",  "webex.com",    "cra-arc.gc.ca",
};

/* Brands marked !word in a brands file. */
static const char *const test_words[] = {"chase.com"};

static const struct pair_case positive_cases[] = {
    /* A look-alike letter in the brand word. */
    {"paypa1-login.com", "paypal.com", COMBO, "1 for l, a keyword after"},
    {"login-micros0ft.com", "microsoft.com", COMBO,
     "0 for o, a keyword before"},
    {"secure-rnicrosoft.net", "microsoft.com", COMBO, "rn for m"},
    {"secure-paypa1-login.com", "paypal.com", COMBO, "keywords on both sides"},
    /* A typo of a brand label of 5 or more. */
    {"secure-paypai.com", "paypal.com", COMBO, "a letter changed"},
    {"facebok-login.com", "facebook.com", COMBO, "a letter left out"},
    {"my-arnazon-account.com", "amazon.com", COMBO, "rn for m, two keywords"},
    {"docusing-verify.net", "docusign.com", COMBO, "two letters swapped"},
};

static const struct pair_case negative_cases[] = {
    /* Each disguise alone keeps its own rule. */
    {"paypa1.com", "paypal.com", GLYPH, "the look-alike label alone"},
    {"facebok.com", "facebook.com", TYPO, "the typo alone"},
    {"paypal-login.com", "paypal.com", COMBO, "the brand's own label"},
    /* An edit widens the names that match: only keywords and numbers
     * may stand beside an edited brand word. */
    {"m-facebookk.com", NULL, NULL, "a word that is no keyword before it"},
    {"max-weber-schule.de", NULL, NULL, "a name one edit from webex"},
    {"canada-11.com", NULL, NULL,
     "a family label as it is: the combination rule's"},
    /* What the combination rule refuses, edited or not. */
    {"paypai-deutschland.com", NULL, NULL,
     "a name that is no keyword after the brand word"},
    {"secure-chaser.com", NULL, NULL, "an English word one edit away"},
    {"chasse-login.com", NULL, NULL,
     "a typo of a marked word: the typo rules spare it too"},
    {"upps-login.com", NULL, NULL,
     "a short label's doubled letter: the sender's suffix decides that"},
    {"securepaypai.com", NULL, NULL, "glued: the brand word is no word"},
};

int main(void)
{
	struct lookalike *lk =
	    test_fill_marked(test_brands, TEST_COUNT(test_brands), test_words,
			     TEST_COUNT(test_words));

	if (lookalike_add_own(lk, "cra-arc.gc.ca", "canada.ca") != 1)
		return 2;
	test_pairs(lk, positive_cases, TEST_COUNT(positive_cases));
	test_pairs(lk, negative_cases, TEST_COUNT(negative_cases));
	lookalike_free(lk);
	return tap_done();
}
