/*
 * test_lookalike_reading - a brand whose label is an A-label (bücher.de,
 * münchner-bank.de, сбербанк.рф) is also imitated in ASCII, as a reader
 * writes its name: that reading with keywords, a doubled letter or a
 * swap is reported for the brand; the reading under other suffixes
 * (sberbank.ru) and with words that are no keywords is not, and no
 * reading is anybody's own domain.  confusable_reading() itself, byte
 * for byte, and what it refuses.
 */
#include <stdio.h>

#include "confusable.h"
#include "lookalike.h"
#include "lookalike_pairs.h"
#include "tap.h"

#define BUCHER   "xn--bcher-kva.de"         /* bücher.de */
#define MUNCHNER "xn--mnchner-bank-dlb.de"  /* münchner-bank.de */
#define SBERBANK "xn--80abap1arsf.xn--p1ai" /* сбербанк.рф */

static const struct pair_case reading_cases[] = {
    {"bucher-login.de", BUCHER, COMBO, "the reading with a keyword"},
    {"bucherlogin.de", BUCHER, COMBO, "glued to it"},
    {"secure-bucher.com", BUCHER, COMBO,
     "a keyword before it, under another suffix"},
    {"bucher-online.ch", BUCHER, COMBO, "and after it"},
    {"munchner-bank-login.de", MUNCHNER, COMBO,
     "a hyphenated reading with a keyword"},
    {"sberbank-online.com", SBERBANK, COMBO,
     "a Cyrillic brand's transliteration with a keyword"},
    {"online-sberbank.com", SBERBANK, COMBO, "the keyword before it"},
    {"sberbankk.ru", SBERBANK, TYPO, "the transliteration, a letter doubled"},
    {"bucher.de", BUCHER, GLYPH,
     "the reading itself under the brand's suffix stays a homoglyph"},
    {"sberbank.ru", NULL, NULL,
     "the reading under another suffix is nobody's look-alike (tld-swap "
     "does not take it, as for a family label)"},
    {"bucher-family.de", NULL, NULL, "a word that is no keyword"},
    {"bucherer.de", NULL, NULL, "a longer name that holds the reading"},
};

/* test_readings - confusable_reading() of some A-labels */
static void test_readings(void)
{
	static const char *const cases[][2] = {
	    {"xn--bcher-kva", "bucher"},
	    {"xn--mnchner-bank-dlb", "munchner-bank"},
	    {"xn--80abap1arsf", "sberbank"},
	};
	struct confusable *cf = confusable_new();
	char out[CONFUSABLE_READING_MAX + 1];

	if (cf == NULL)
		exit(2);
	for (size_t i = 0; i < TEST_COUNT(cases); i++) {
		int n = confusable_reading(cf, cases[i][0], strlen(cases[i][0]),
					   out);

		tap_is_long(n, (long)strlen(cases[i][1]), cases[i][0]);
		tap_is_str(n >= 0 ? out : "", cases[i][1], cases[i][1]);
	}
	tap_is_long(confusable_reading(cf, "bucher", 6, out), -1,
		    "an ASCII label has no reading of its own");
	tap_is_long(confusable_reading(cf, "xn--zz", 6, out), -1,
		    "an A-label that does not decode has none");
	confusable_free(cf);
}

int main(void)
{
	static const char *const brands[] = {BUCHER, MUNCHNER, SBERBANK};
	struct lookalike *lk = test_fill_list(brands, TEST_COUNT(brands));

	test_readings();
	test_pairs(lk, reading_cases, TEST_COUNT(reading_cases));
	tap_is_long((long)lookalike_brand_count(lk), 3,
		    "a reading is no brand of its own");
	tap_is_long(lookalike_owned(lk, "bucher.de"), 0,
		    "nor one of the brand's own domains");
	tap_is_long(lookalike_owned(lk, "sberbank.ru"), 0,
		    "not under another suffix either");
	lookalike_free(lk);
	return tap_done();
}
