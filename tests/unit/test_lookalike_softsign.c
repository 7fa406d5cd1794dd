/*
 * test_lookalike_softsign - one letter that no table folds, standing for
 * the same letter of a brand each time it comes (the Cyrillic soft sign
 * for b, which UTS #39 takes for Latin tone six): bybit, bbva and btcbox
 * in Cyrillic are homoglyphs; two different such letters, or one
 * standing for two of the brand's letters, are not.
 */
#include "lookalike_pairs.h"

static const char *const softsign_brands[] = {
    "bybit.com",
    "bbva.es",
    "btcbox.co.jp",
};

static const struct pair_case softsign_cases[] = {
    {"xn--r1ab0ab4c.com", "bybit.com", GLYPH, "bybit: soft sign for b twice"},
    {"xn--80a9ca8n.es", "bbva.es", GLYPH, "bbva: soft signs and izhitsa"},
    {"xn--n1afco5ac.co.jp", "btcbox.co.jp", GLYPH, "btcbox in Cyrillic"},
    {"mail.xn--80a9ca8n.com", "bbva.es", GLYPH, "a host, another suffix"},
    {"xn--r1abvg6c.com", NULL, NULL, "a soft sign and a hard sign"},
    {"xn--qia64kba9a2c.com", NULL, NULL,
     "a soft sign and Latin tone two: two letters, not one"},
    {"xn--80a9caa.es", NULL, NULL, "a soft sign for b and for v"},
    {"xn--r1aabb6bbbb0ge.com", NULL, NULL, "bybit twice over"},
};

int main(void)
{
	struct lookalike *lk =
	    test_fill_list(softsign_brands, TEST_COUNT(softsign_brands));

	test_pairs(lk, softsign_cases, TEST_COUNT(softsign_cases));
	lookalike_free(lk);
	return tap_done();
}
