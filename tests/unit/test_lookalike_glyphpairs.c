/*
 * test_lookalike_glyphpairs - two letters that pass for one: cl for d and
 * lc for k in a sender's label are a homoglyph of the brand, alone or
 * beside other look-alike letters; a brand's own letters are not read so
 * (the ci of citi is no d), nor are ordinary words with cl in them.
 * A brand with a cl of its own (soundcloud, clickbank) is imitated
 * with its other letters written so: only some of the sender's pairs
 * stand for a letter.
 */
#include <stdio.h>

#include "lookalike.h"
#include "lookalike_pairs.h"
#include "tap.h"

static const struct pair_case glyph_pair_cases[] = {
    {"aclobe.com", "adobe.com", GLYPH, "cl for d"},
    {"lcraken.com", "kraken.com", GLYPH, "lc for k"},
    {"gocladdy.com", "godaddy.com", GLYPH, "cl for one d of three"},
    {"goclaclcly.com", "godaddy.com", GLYPH, "cl for every d"},
    {"clhl.com", "dhl.com", GLYPH, "cl for the d of a short brand"},
    {"xn--aclbe-lua.com", "adobe.com", GLYPH,
     "cl for d beside an accented o"},
    {"aciobe.com", "adobe.com", GLYPH, "ci for d: i reads as l"},
    {"dti.com", NULL, NULL, "the ci of citi is no d"},
    {"click.com", NULL, NULL, "a word with cl and ck"},
    {"cleanmail.com", NULL, NULL, "a word with cl beside a keyword"},
    {"adobe.com", NULL, NULL, "the brand itself"},
    {"souncloucl.com", "soundcloud.com", GLYPH,
     "cl for the second d, the brand's own cl kept"},
    {"soundcloucl.com", "soundcloud.com", GLYPH,
     "cl for the last d of a brand with cl"},
    {"souclcloucl.com", "soundcloud.com", GLYPH,
     "cl for both d of a brand with cl"},
    {"xn--soudcloucl-y0b.com", "soundcloud.com", GLYPH,
     "cl for d beside an accented n in a brand with cl"},
    {"sourdcloucl.com", "soundcloud.com", GLYPH,
     "cl for d and r for n in a brand with cl"},
    {"clickbanlc.com", "clickbank.com", GLYPH,
     "lc for the last k, the brand's own cl kept"},
    {"cloudclub.com", NULL, NULL, "two words with cl, no brand"},
    {"soundcloud.com", NULL, NULL, "the brand with cl itself"},
};

int main(void)
{
	static const char *const brands[] = {
	    "adobe.com", "kraken.com",     "godaddy.com",  "dhl.com",
	    "citi.com",  "soundcloud.com", "clickbank.com"};
	struct lookalike *lk = lookalike_new();

	if (lk == NULL)
		return 2;
	for (size_t i = 0; i < TEST_COUNT(brands); i++)
		if (lookalike_add_brand(lk, brands[i]) != 1)
			return 2;
	test_pairs(lk, glyph_pair_cases, TEST_COUNT(glyph_pair_cases));
	lookalike_free(lk);
	return tap_done();
}
