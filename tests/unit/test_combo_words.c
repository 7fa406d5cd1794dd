/*
 * test_combo_words - brand labels combined with ordinary English words
 * (lookalike:combo): which words may stand beside which kinds of brand
 * label, and the owners' own compounds and ordinary compounds that must
 * stay unmatched.  Pairs both ways, checked as lookalike_pairs.h does.
 */
#include "dictword.h"
#include "lookalike_pairs.h"

/* Brands of every kind: coined names, codes (dhl, adp, ebay), labels
 * that end English words (ups: setups; uber: tuber), English words
 * (united, blockchain), a keyword after a letter (icloud), common
 * words marked in the brands file (apple, office), and an acronym that
 * ends many words (ing: banking, mailing). */
static const char *const test_brands[] = {
    "paypal.com", "microsoft.com", "google.com",   "yahoo.com",
    "dhl.com",    "adp.com",       "ebay.com",     "ups.com",
    "uber.com",   "united.com",    "icloud.com",   "blockchain.com",
    "apple.com",  "office.com",    "docusign.com", "ing.com",
    "poste.it",   "laposte.fr",
};

/* Brands marked !word in a brands file. */
static const char *const test_words[] = {"apple.com", "office.com",
					 "poste.it"};

static const struct pair_case positive_cases[] = {
    /* An English word glued before a coined brand name. */
    {"choosepaypal.com", "paypal.com", COMBO, "a word before a coined name"},
    {"bluemicrosoft.net", "microsoft.com", COMBO,
     "a word before a coined name"},
    {"choosedocusign.org", "docusign.com", COMBO,
     "a word before a coined name"},
    /* An English word after a coined name and a hyphen: phishers name
     * their lures so (ethereum-transfer, ethereum-mixer). */
    {"paypal-marketing.com", "paypal.com", COMBO,
     "a word after a coined name and a hyphen"},
    {"microsoft-choose-balance.org", "microsoft.com", COMBO,
     "two words after a coined name"},
    {"paypal-transfer-2019.com", "paypal.com", COMBO,
     "a word and a number after a coined name"},
    /* An English word before a brand that is a word and a hyphen. */
    {"blue-google.com", "google.com", COMBO, "a word before a word, hyphen"},
    {"blue-united-2019.com", "united.com", COMBO,
     "a word and a number beside a word"},
    {"xyzzy-paypal.com", "paypal.com", COMBO, "any name before a coined one"},
    {"us-google.com", "google.com", COMBO, "a code before a word"},
    /* Codes: short labels that no English word ends with. */
    {"bluedhl.com", "dhl.com", COMBO, "a word before a three-letter code"},
    {"agreeebay.com", "ebay.com", COMBO, "a word before a four-letter code"},
    {"webdhl.com", "dhl.com", COMBO, "a short keyword before a code"},
    {"ssladp.net", "adp.com", COMBO, "a short keyword before a code"},
    /* URL bits beside any brand label count as long keywords. */
    {"wwwapple.com", "apple.com", COMBO, "www before a common-word brand"},
    {"https-wwwapple.com", "apple.com", COMBO, "https-www before it"},
    {"appleww.com", "apple.com", COMBO, "ww after a common-word brand"},
    {"httpups.com", "ups.com", COMBO, "http before an acronym"},
    {"wwwoffice.net", "office.com", COMBO, "www before a marked word"},
    {"sslapple.com", "apple.com", COMBO, "ssl (the s of https) before it"},
    {"officessl.com", "office.com", COMBO, "ssl after a marked word"},
    {"sslups.com", "ups.com", COMBO, "ssl before an acronym"},
    /* A number glued to a coined name: the lure's amount or year. */
    {"5000paypal.com", "paypal.com", COMBO, "an amount before a coined name"},
    {"paypal2019.net", "paypal.com", COMBO, "a year after a coined name"},
    {"securepaypal2020.com", "paypal.com", COMBO,
     "a keyword and a number around it"},
    {"paypal2.com", "paypal.com", TYPO, "one digit: a typo, no number"},
    /* Keywords beside a label that ends words, making none with it. */
    {"mobileing.com", "ing.com", COMBO, "a long keyword before an acronym"},
    {"ingsecure.com", "ing.com", COMBO, "a keyword after an acronym"},
    {"upstracking.com", "ups.com", COMBO, "a long keyword after ups"},
    /* A keyword with a number glued to it: a lure's counter. */
    {"apple-support24.com", "apple.com", COMBO,
     "a numbered keyword beside a marked word"},
    {"paypal-login2.com", "paypal.com", COMBO, "a numbered keyword after"},
    {"dhl-24track.com", "dhl.com", COMBO, "the number before the keyword"},
    /* A country code beside the brand and a keyword. */
    {"paypal-de-login.com", "paypal.com", COMBO,
     "a country code between the brand and a keyword"},
    {"secure-us-apple.com", "apple.com", COMBO,
     "a keyword and a code before a marked word"},
    {"dhl-de-tracking.com", "dhl.com", COMBO, "a code beside a short name"},
    /* A country code alone before a marked word and a hyphen: the shape
     * of squats on hardware-wallet and bank names (fr-ledger.com, on
     * MetaMask's list), no phrase of anyone's. */
    {"us-apple.com", "apple.com", COMBO, "a code alone before a marked word"},
    {"fr-office.net", "office.com", COMBO, "a code alone before a marked word"},
    {"it-poste.com", "poste.it", COMBO, "a code alone before a marked word"},
    {"fr-paypa1.com", "paypal.com", COMBO,
     "a code alone before an edited brand word (a fuzzer's find: the word's"
     " neighbours are read in the label itself)"},
    {"la-poste.fr", "laposte.fr", TYPO,
     "a code and a marked word that are another brand's label, hyphenated"},
};

static const struct pair_case negative_cases[] = {
    /* A number glued to a word or a short label is a name of its own. */
    {"united2020.com", NULL, NULL, "a number after an English word"},
    {"apple365.com", NULL, NULL, "a number after a marked word"},
    {"dhl24.com", NULL, NULL, "a number after a code"},
    /* A word glued after the brand is how owners and others name sites
     * (googlegroups, fedexfield); with a hyphen, after a brand label that
     * is a word it is a phrase. */
    {"googlegroups.com", NULL, NULL, "an owner's compound, word after"},
    {"yahoogroups.com", NULL, NULL, "an owner's compound, word after"},
    {"paypalbalance.com", NULL, NULL, "a word glued after a coined name"},
    {"dhlbalance.com", NULL, NULL, "a word glued after a code"},
    {"united-balance.com", NULL, NULL, "a word after a word, hyphenated"},
    {"icloud-balance.com", NULL, NULL, "a keyword compound, hyphenated"},
    {"paypal-deutschland.com", NULL, NULL, "no English word after it"},
    {"paypal-nordica.com", NULL, NULL, "no English word after it"},
    {"paypal-choose-deutschland.com", NULL, NULL,
     "one word after it no English word"},
    /* A name before a brand that is a word is somebody's phrase. */
    {"jacobs-united.com", NULL, NULL, "a name before a word"},
    {"riwutz-google.com", NULL, NULL, "a name before a word"},
    {"de-google-ify.org", NULL, NULL, "a code and a syllable around it"},
    {"apple-us.com", NULL, NULL, "a code after a marked word: a country's site"},
    {"blue-apple.com", NULL, NULL, "an English word before a marked word"},
    {"us-apple-pie.com", NULL, NULL, "a code, then a word after a marked word"},
    {"emailebay.com", NULL, NULL, "an owner's mail servers (eBay's)"},
    /* Ordinary compounds: the brand label is a word or a keyword after
	 * a letter, or the rest of a longer word. */
    {"solarunited.net", NULL, NULL, "a word before a brand that is a word"},
    {"tempblockchain.com", NULL, NULL, "a word before a brand that is a word"},
    {"trusticloud.us", NULL, NULL, "a word before a keyword compound"},
    {"blueuber.com", NULL, NULL, "uber ends tuber: a word before it"},
    {"blueups.com", NULL, NULL, "ups ends setups: a word before it"},
    {"webups.com", NULL, NULL, "a short keyword before ups"},
    {"signups.com", NULL, NULL, "sign+ups, an English ending"},
    /* The brand label ends a word begun in the keyword before it. */
    {"onlinebanking.com", NULL, NULL, "online+bank+ing: banking"},
    {"mobiletracking.ru", NULL, NULL, "mobile+track+ing: tracking"},
    {"webmailing.com", NULL, NULL, "webmail+ing: mailing"},
    {"loginbackups.com", NULL, NULL, "login+back+ups: backups"},
    {"paypal-l2.com", NULL, NULL, "a letter and a number: no keyword"},
    {"apple-garden24.com", NULL, NULL, "a numbered word that is no keyword"},
    {"apple-de.com", NULL, NULL,
     "a country code alone: an owner's country site"},
    {"paypal-de-2019.com", NULL, NULL, "a code and a number, no keyword"},
    {"bt-uk-billing.com", NULL, NULL,
     "a code beside two letters: keywords only"},
    /* Short keywords before a common word make ordinary names. */
    {"myapple.com", NULL, NULL, "a short keyword before a marked word"},
    {"authapple.com", NULL, NULL, "a short keyword that is no URL bit"},
    {"postoffice.co.uk", NULL, NULL, "a short keyword before a marked word"},
    {"homeoffice.gov.uk", NULL, NULL, "a short keyword before a marked word"},
    /* A word too short for the list, and a word that is no brand. */
    {"redpaypal.com", NULL, NULL, "a three-letter word: not on the list"},
    {"choosepaypa.com", NULL, NULL, "no brand after the word"},
};

/* test_word_ends - which short labels end English words of the list */
static void test_word_ends(void)
{
	tap_is_long(dictword_ends("ups", 3), 1, "ups ends setups");
	tap_is_long(dictword_ends("uber", 4), 1, "uber ends tuber");
	tap_is_long(dictword_ends("ing", 3), 1, "ing ends many words");
	tap_is_long(dictword_ends("dhl", 3), 0, "dhl ends no word");
	tap_is_long(dictword_ends("ebay", 4), 0, "ebay ends no word");
	tap_is_long(dictword_ends("setups", 6), 0,
		    "a word is not its own ending");
	tap_is_long(dictword_ends("", 0), 0, "the empty label ends nothing");
	tap_is_long(dictword_ends("u\0s", 3), 0, "a NUL inside ends nothing");
	tap_is_long(dictword_ends(NULL, 3), 0, "NULL ends nothing");
}

/* test_scan_ends - dictword_ends() by a scan of the whole list */
static int test_scan_ends(const char *s, size_t len)
{
	for (size_t at = 0; at < dictword_size;) {
		const char *word = dictword_text + at;
		size_t wlen = strlen(word);

		if (wlen > len && memcmp(word + wlen - len, s, len) == 0)
			return 1;
		at += wlen + 1;
	}
	return 0;
}

/* test_ends_against_scan - the backward search answers as the scan for
 * every short ending of one word in TEST_ENDS_STRIDE and for made-up
 * labels (an ending missed, or one of a word that is only itself, shows
 * here) */
#define TEST_ENDS_STRIDE 499
static void test_ends_against_scan(void)
{
	size_t checked = 0, differ = 0, words = 0;
	static const char *const made_up[] = {"dhl", "ebay", "zzzz", "aaa",
					      "ups", "qxj",  "ing",  "ly"};

	for (size_t at = 0; at < dictword_size; words++) {
		const char *word = dictword_text + at;
		size_t wlen = strlen(word);

		at += wlen + 1;
		if (words % TEST_ENDS_STRIDE != 0)
			continue;
		for (size_t len = 1; len <= wlen && len <= DICTWORD_ENDING_MAX;
		     len++, checked++)
			differ += dictword_ends(word + wlen - len, len)
				  != test_scan_ends(word + wlen - len, len);
	}
	for (size_t i = 0; i < TEST_COUNT(made_up); i++, checked++)
		differ += dictword_ends(made_up[i], strlen(made_up[i]))
			  != test_scan_ends(made_up[i], strlen(made_up[i]));
	tap_ok(checked > 500, "endings checked against the scan");
	tap_is_long((long)differ, 0, "the endings' search answers as the scan");
}

int main(void)
{
	struct lookalike *lk =
	    test_fill_marked(test_brands, TEST_COUNT(test_brands), test_words,
			     TEST_COUNT(test_words));

	test_pairs(lk, positive_cases, TEST_COUNT(positive_cases));
	test_pairs(lk, negative_cases, TEST_COUNT(negative_cases));
	test_word_ends();
	test_ends_against_scan();
	lookalike_free(lk);
	return tap_done();
}
