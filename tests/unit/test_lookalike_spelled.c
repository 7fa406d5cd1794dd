/*
 * test_lookalike_spelled - a brand's domain spelled out in a label, its
 * dots as hyphens or left out (lookalike:combo): paypal-com.net,
 * amazon-co-jp.top, apple-com-verify.info, paypalcom.xyz,
 * metamask-io.online, metamaskio.live.  A lone country code not the
 * brand's own is an owner's country site, a word's label with a generic
 * name or a code is anyone's, and glued only the brand's own suffix
 * counts: a generic name after a label of 3 or more, a country code
 * after one of 5 or more with nothing else beside them.
 */
#include "lookalike_pairs.h"

/* Coined names, words (marked and not), a two-letter label, and
 * amazon.com, whose label is an English word. */
static const char *const test_brands[] = {
    "paypal.com", "netflix.com", "amazon.com", "apple.com",
    "office.com", "bt.com",      "free.fr",    "metamask.io",
};

/* Brands marked !word in a brands file. */
static const char *const test_words[] = {"apple.com", "office.com"};

static const struct pair_case positive_cases[] = {
    {"paypal-com.net", "paypal.com", COMBO, "the domain, a hyphen for its dot"},
    {"paypalcom.xyz", "paypal.com", COMBO, "glued, its own suffix"},
    {"amazon-co-jp.top", "amazon.com", COMBO,
     "a suffix of two labels: even a word's label"},
    {"paypal-com-au.info", "paypal.com", COMBO, "another country's suffix"},
    {"apple-com-verify.info", "apple.com", COMBO,
     "a word's label, a keyword after the suffix"},
    {"secure-paypal-com.info", "paypal.com", COMBO, "a keyword before"},
    {"securepaypalcom.info", "paypal.com", COMBO, "all glued"},
    {"netflix-com-billing.top", "netflix.com", COMBO,
     "a keyword after the suffix"},
    {"paypal-com-2024.top", "paypal.com", COMBO, "a number after it"},
    {"paypal-org.info", "paypal.com", COMBO, "any generic name hyphenated"},
    {"metamask-io.online", "metamask.io", COMBO,
     "a country code that is the brand's own suffix"},
    {"bt-com-billing.xyz", "bt.com", COMBO, "two letters, a hyphen"},
    {"metamaskio.live", "metamask.io", COMBO,
     "its own country code glued: the domain without its dot"},
};

static const struct pair_case negative_cases[] = {
    {"paypal-de.com", NULL, NULL, "a lone country code: an owner's site"},
    {"paypal-co.com", NULL, NULL, "co alone is a country code too"},
    {"paypalde.com", NULL, NULL, "a country code glued, not its own"},
    {"freefr.com", NULL, NULL, "a word's label with its own code glued"},
    {"office-com.jp", NULL, NULL, "a word's label with a generic name"},
    {"apple-com.xyz", NULL, NULL, "a marked word likewise"},
    {"free-org.com", NULL, NULL, "an English word's label likewise"},
    {"paypalorg.com", NULL, NULL, "glued, a suffix not the brand's own"},
    {"btcom.xyz", NULL, NULL, "glued two letters: a syllable"},
    {"paypal-com-deutschland.de", NULL, NULL,
     "a name after the suffix, no keyword"},
    {"netflixcom-charts.com", NULL, NULL, "a word that is no keyword"},
};

int main(void)
{
	struct lookalike *lk =
	    test_fill_marked(test_brands, TEST_COUNT(test_brands), test_words,
			     TEST_COUNT(test_words));

	test_pairs(lk, positive_cases, TEST_COUNT(positive_cases));
	test_pairs(lk, negative_cases, TEST_COUNT(negative_cases));
	lookalike_free(lk);
	return tap_done();
}
