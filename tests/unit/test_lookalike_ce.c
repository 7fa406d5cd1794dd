/*
 * test_lookalike_ce - c and e swapped, both ways and many times, in a
 * brand label of 7 or more (indepcndcntrcscrvc, mereadobiteoin): a
 * homoglyph, once the skeletons of both have c written e; in shorter
 * labels two letters swapped so are somebody's acronym (ebc, cbe).
 */
#include "lookalike_pairs.h"

static const char *const ce_brands[] = {
    "independentreserve.com",
    "mercadobitcoin.com.br",
    "coinbase.com",
    "cbc.ca",
    "accent.com",
};

static const struct pair_case ce_cases[] = {
    {"indepcndcntrcscrvc.com", "independentreserve.com", GLYPH,
     "every e written c"},
    {"mereadobiteoin.com.br", "mercadobitcoin.com.br", GLYPH,
     "every c written e"},
    {"eoinbasc.com", "coinbase.com", GLYPH, "c for e and e for c at once"},
    {"xn--indepndcntrcscrvc-wbc.com", "independentreserve.com", GLYPH,
     "an IDN: c with a dot above among them"},
    {"xn--mreadobiteoin-3o2g.com.br", "mercadobitcoin.com.br", GLYPH,
     "an IDN: e with a dot below among them"},
    {"mail.mereadobiteoin.net", "mercadobitcoin.com.br", GLYPH,
     "a host below it, under another suffix"},
    /* Short labels: others' names. */
    {"ebe.ca", NULL, NULL, "three letters"},
    {"aeeent.com", NULL, NULL, "six letters"},
    /* What c and e swapped do not excuse. */
    {"indepcndcntrcscrvcs.com", NULL, NULL, "and a letter added"},
};

int main(void)
{
	struct lookalike *lk = test_fill_list(ce_brands, TEST_COUNT(ce_brands));

	test_pairs(lk, ce_cases, TEST_COUNT(ce_cases));
	lookalike_free(lk);
	return tap_done();
}
