/*
 * test_lookalike_bulk - under a top-level domain sold in bulk for
 * little (bulktld.h), a coined brand name at the start or the end of a
 * label with anything beside it is a combination; under any other
 * suffix, or for a brand that is a word or the part of a longer word,
 * only the other rules decide.
 */
#include "bulktld.h"
#include "lookalike_pairs.h"

static const char *const bulk_brands[] = {
    "myetherwallet.com", "ethereum.org", "metamask.io",
    "revolut.com",       "paypal.com",   "apple.com",
    "zelle.com",         "ebay.com",     "webex.com",
};

static const struct pair_case bulk_cases[] = {
    /* A coined name with anything after it, hyphenated or glued. */
    {"myetherwallet-msgsign.space", "myetherwallet.com", COMBO,
     "junk after a hyphen"},
    {"myetherwallet-de.top", "myetherwallet.com", COMBO,
     "a country code alone"},
    {"ethereumnow.top", "ethereum.org", COMBO, "a short word glued"},
    {"metamasksite.live", NULL, NULL, ".live is not on the list"},
    {"metamaskrestores.link", "metamask.io", COMBO, "a word glued"},
    {"paypal4th.xyz", "paypal.com", COMBO, "digits and letters glued"},
    /* ... or before it. */
    {"jhfjmyetherwallet.site", "myetherwallet.com", COMBO, "junk before it"},
    {"x-paypal.tk", "paypal.com", COMBO, "a formerly free country TLD"},
    /* The same names under other suffixes: the other rules only. */
    {"myetherwallet-msgsign.com", NULL, NULL, ".com is open to owners"},
    {"ethereumnow.net", NULL, NULL, ".net likewise"},
    {"paypal-deutschland.de", NULL, NULL, "an owner's country site"},
    {"myetherwallet-msgsign.com.tk", NULL, NULL,
     "a country's zone is not the whole TLD"},
    /* A brand that is a word, a short name, a part of a longer word. */
    {"appletree.top", NULL, NULL, "apple is a word"},
    {"gazelle.top", NULL, NULL, "zelle ends a word"},
    {"webexample.win", NULL, NULL, "example begins in webex"},
    {"paypalace.top", NULL, NULL, "palace begins in paypal"},
    {"revolutionary2.fun", NULL, NULL, "revolut begins a word"},
    {"ebayer.top", NULL, NULL, "four letters are no coined name"},
    /* What the rules took before still takes its own rule. */
    {"paypal.top", "paypal.com", TLD, "the brand under another TLD"},
    {"paypal-login.top", "paypal.com", COMBO, "a keyword"},
};

/* test_bulk_list - bulktld_suffix() on whole TLDs and zones */
static void test_bulk_list(void)
{
	tap_ok(bulktld_suffix("top") && bulktld_suffix("xyz")
		   && bulktld_suffix("accountant") && bulktld_suffix("xyz"),
	       "bulktld: the first, the last and others of the list");
	tap_ok(!bulktld_suffix("com") && !bulktld_suffix("co.uk")
		   && !bulktld_suffix("com.tk") && !bulktld_suffix("")
		   && !bulktld_suffix(NULL) && !bulktld_suffix("TOP"),
	       "bulktld: open suffixes, zones, nothing, upper case are not");
}

int main(void)
{
	struct lookalike *lk =
	    test_fill_list(bulk_brands, TEST_COUNT(bulk_brands));

	test_bulk_list();
	test_pairs(lk, bulk_cases, TEST_COUNT(bulk_cases));
	lookalike_free(lk);
	return tap_done();
}
