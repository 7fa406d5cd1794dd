/*
 * test_lookalike_bulk - under a top-level domain sold in bulk for
 * little (bulktld.h), a coined brand name at the start or the end of a
 * label with anything beside it is a combination; under any other
 * suffix, or for a brand that is a word or the part of a longer word,
 * only the other rules decide.  A brand marked !any (lookalike_set_open())
 * takes anything beside it under every suffix, on the same conditions.
 */
#include <errno.h>

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

/* The same brands, some marked !any, one of them a word too. */
static const char *const open_brands[] = {
    "myetherwallet.com", "ethereum.org", "metamask.io", "revolut.com",
    "paypal.com",        "apple.com",    "ebay.com",
};

static const struct pair_case open_cases[] = {
    /* A marked brand with anything beside it, under any suffix. */
    {"metamaskpro.com", "metamask.io", COMBO, "a short word glued"},
    {"metamask2x.com", "metamask.io", COMBO, "digits and a letter glued"},
    {"metamask-api.io", "metamask.io", COMBO, "a word after a hyphen"},
    {"ethereum-eth.info", "ethereum.org", COMBO, "a code after a hyphen"},
    {"bigethereum.org", "ethereum.org", COMBO, "a short word before it"},
    {"myetherwallet-msgsign.com", "myetherwallet.com", COMBO,
     "junk after a hyphen, under .com"},
    {"ethereumnow.net", "ethereum.org", COMBO, "a word glued, under .net"},
    /* Not when a word runs across it, nor for what is not marked. */
    {"revolutionary.com", NULL, NULL, "revolut begins a word"},
    {"paypalace.com", NULL, NULL, "palace begins in paypal (marked)"},
    {"paypal-deutschland.de", NULL, NULL, "paypal is not marked"},
    {"appletree.com", NULL, NULL, "apple is a word: the mark does nothing"},
    {"ebayer.com", NULL, NULL, "four letters: the mark does nothing"},
    {"metamask.io", NULL, NULL, "the brand itself"},
    /* The other rules still come first. */
    {"metamask-login.com", "metamask.io", COMBO, "a keyword"},
    {"metamask.top", "metamask.io", TLD, "the brand under another TLD"},
};

/* The brands of open_brands marked !any, and the one marked !word. */
static const char *const open_marked[] = {
    "myetherwallet.com", "ethereum.org", "metamask.io",
    "revolut.com",       "apple.com",    "ebay.com",
};

/* test_open - brands marked !any (lookalike_set_open()) */
static void test_open(void)
{
	struct lookalike *lk =
	    test_fill_list(open_brands, TEST_COUNT(open_brands));

	for (size_t i = 0; i < TEST_COUNT(open_marked); i++)
		if (lookalike_set_open(lk, open_marked[i]) != 0)
			exit(2);
	if (lookalike_set_word(lk, "apple.com") != 0)
		exit(2);
	tap_ok(lookalike_set_open(lk, "unknown.com") == -1 && errno == EINVAL,
	       "open: an unknown brand is refused (EINVAL)");
	tap_ok(lookalike_set_open(lk, "metamask.io") == 0,
	       "open: marking a brand twice is no error");
	test_pairs(lk, open_cases, TEST_COUNT(open_cases));
	lookalike_free(lk);
}

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
	test_open();
	return tap_done();
}
