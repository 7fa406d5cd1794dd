/*
 * test_combo_parts - lure words that are no keyword themselves beside a
 * brand label (lookalike:combo): two keywords glued, a keyword glued to
 * an English word, a keyword misspelt (lurepart.h); where each counts,
 * and the names one letter from a keyword that must not.
 */
#include "lookalike_pairs.h"
#include "lurepart.h"

/* A coined name, a code (dhl), a four-letter code (ebay), two letters
 * (bt), and a common word marked in the brands file (apple). */
static const char *const test_brands[] = {
    "paypal.com", "microsoft.com", "dhl.com",
    "ebay.com",   "bt.com",        "apple.com",
};

/* Brands marked !word in a brands file. */
static const char *const test_words[] = {"apple.com"};

static const struct pair_case positive_cases[] = {
    /* Two keywords glued stand wherever a keyword stands. */
    {"paypal-securelogin.com", "paypal.com", COMBO,
     "two keywords glued after a coined name"},
    {"securelogin-apple.com", "apple.com", COMBO,
     "two keywords glued before a marked word"},
    {"apple-securelogin.com", "apple.com", COMBO,
     "two keywords glued after a marked word"},
    {"dhl-accountverify.com", "dhl.com", COMBO,
     "two keywords glued after a code"},
    {"bt-securelogin.com", "bt.com", COMBO,
     "two keywords glued beside two letters"},
    /* A keyword and an English word glued, after a coined name. */
    {"paypal-verifyprocess.com", "paypal.com", COMBO,
     "a keyword, then a word, after a coined name"},
    {"microsoft-decentralizedwallet.com", "microsoft.com", COMBO,
     "a word, then a keyword, after a coined name"},
    /* A keyword misspelt after a coined name and a hyphen. */
    {"paypal-wallett.com", "paypal.com", COMBO, "a letter added"},
    {"paypal-acount.com", "paypal.com", COMBO, "a letter left out"},
    {"paypal-singin.com", "paypal.com", COMBO, "two letters swapped"},
    {"paypal-accounr.com", "paypal.com", COMBO, "a key beside the letter"},
    /* Glued after a coined name too. */
    {"paypalacount.com", "paypal.com", COMBO,
     "a misspelt keyword glued after a coined name"},
    {"microsoftwalet.net", "microsoft.com", COMBO,
     "a misspelt keyword glued after a coined name"},
};

static const struct pair_case negative_cases[] = {
    /* An English word glued to a keyword counts only where English
     * words do: not beside a brand label that is a word. */
    {"apple-verifyprocess.com", NULL, NULL,
     "a keyword and a word glued beside a marked word"},
    {"apple-passport.com", NULL, NULL,
     "a word that splits into two keywords beside a marked word"},
    /* Two-letter keywords are syllables of anything. */
    {"paypal-mylogin.com", NULL, NULL, "my is too short to be cut"},
    /* Misspelt: only keywords of six letters or more, one slip away. */
    {"paypal-logan.com", NULL, NULL, "one slip from a five-letter keyword"},
    {"paypaldownloader.com", NULL, NULL,
     "a letter changed for one no key beside it (downloaden)"},
    {"paypal-acuont.com", NULL, NULL, "two slips from a keyword"},
    /* Glued after the brand: only a misspelt keyword, only after a
     * coined name; an English word there is the owner's. */
    {"paypalwallets.com", NULL, NULL,
     "an English plural glued after a coined name"},
    {"ebayacount.com", NULL, NULL,
     "a misspelt keyword glued after a code"},
    {"appleacount.com", NULL, NULL,
     "a misspelt keyword glued after a marked word"},
};

/* test_keywords - lurepart_keywords() on its own */
static void test_keywords(void)
{
	tap_ok(lurepart_keywords("securelogin", 11), "secure and login glued");
	tap_ok(lurepart_keywords("loginsecure", 11), "login and secure glued");
	tap_ok(!lurepart_keywords("passport", 8),
	       "an English word is one word, not pass and port");
	tap_ok(!lurepart_keywords("mylogin", 7), "a two-letter piece");
	tap_ok(!lurepart_keywords("verifyprocess", 13),
	       "a keyword and an English word: not two keywords");
	tap_ok(!lurepart_keywords("login", 5), "one keyword is not two");
	tap_ok(!lurepart_keywords(NULL, 5), "NULL");
	tap_ok(!lurepart_keywords("", 0), "the empty word");
}

/* test_phrase - lurepart_phrase() on its own */
static void test_phrase(void)
{
	tap_ok(lurepart_phrase("verifyprocess", 13), "a keyword, then a word");
	tap_ok(lurepart_phrase("processverify", 13), "a word, then a keyword");
	tap_ok(lurepart_phrase("securelogin", 11), "two keywords");
	tap_ok(!lurepart_phrase("processing", 10), "an English word alone");
	tap_ok(!lurepart_phrase("verifyxqzt", 10),
	       "a keyword and no word after it");
	tap_ok(!lurepart_phrase(NULL, 4), "NULL");
}

/* test_misspelt - lurepart_misspelt() on its own */
static void test_misspelt(void)
{
	tap_ok(lurepart_misspelt("wallett", 7), "wallet, a letter added");
	tap_ok(lurepart_misspelt("conect", 6), "connect, a letter left out");
	tap_ok(lurepart_misspelt("givaway", 7), "giveaway, a letter left out");
	tap_ok(lurepart_misspelt("singin", 6), "signin, two letters swapped");
	tap_ok(lurepart_misspelt("accounr", 7), "account, t typed as r");
	tap_ok(!lurepart_misspelt("wallet", 6), "a keyword is no misspelling");
	tap_ok(!lurepart_misspelt("logan", 5), "login has five letters only");
	tap_ok(!lurepart_misspelt("downloader", 10),
	       "downloaden with r for n: no key beside it");
	tap_ok(!lurepart_misspelt("acuont", 6), "two slips from account");
	tap_ok(!lurepart_misspelt("acconnt", 7),
	       "account with n for u: no key beside it");
	tap_ok(!lurepart_misspelt("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 30),
	       "longer than any keyword");
	tap_ok(!lurepart_misspelt(NULL, 6), "NULL");
	tap_ok(!lurepart_misspelt("", 0), "the empty word");
}

int main(void)
{
	struct lookalike *lk =
	    test_fill_marked(test_brands, TEST_COUNT(test_brands), test_words,
			     TEST_COUNT(test_words));

	test_pairs(lk, positive_cases, TEST_COUNT(positive_cases));
	test_pairs(lk, negative_cases, TEST_COUNT(negative_cases));
	test_keywords();
	test_phrase();
	test_misspelt();
	lookalike_free(lk);
	return tap_done();
}
