/*
 * test_lookalike_rn - brand labels with an r or n before an m (hermes,
 * farmers): an accented letter in them is a homoglyph, as in any other
 * label, and so is the m written rn after the r (herrnes).  UTS #39
 * writes m as rn, and the r before it must not take that r for an rr.
 * The m written nn or rr after the r (hernnes, platforrr) is read as
 * well, while an m written rn before an n (ornnia of omnia) still is.
 */
#include <stdio.h>

#include "lookalike.h"
#include "lookalike_pairs.h"
#include "tap.h"

static const struct pair_case rn_cases[] = {
    {"xn--hrmes-bsa.com", "hermes.com", GLYPH, "an acute e before rm"},
    {"xn--herms-7ra.com", "hermes.com", GLYPH, "a grave e after rm"},
    {"xn--frmers-ita.com", "farmers.com", GLYPH, "a grave a before rm"},
    {"xn--farmrs-eva.com", "farmers.com", GLYPH, "an acute e after rm"},
    {"herrnes.com", "hermes.com", GLYPH, "rn for the m after an r"},
    {"farrners.com", "farmers.com", GLYPH, "the same in farmers"},
    {"hermes.com", NULL, NULL, "the brand itself"},
    {"farmers.com", NULL, NULL, "the other brand itself"},
    {"hernnes.com", "hermes.com", GLYPH, "nn for the m after an r"},
    {"herrres.com", "hermes.com", GLYPH, "rr for the m after an r"},
    {"farnners.com", "farmers.com", GLYPH, "nn for the m of farmers"},
    {"platfornn.sh", "platform.sh", GLYPH, "nn for the last m"},
    {"platforrr.sh", "platform.sh", GLYPH, "rr for the last m"},
    {"xn--pltfornn-b0a.sh", "platform.sh", GLYPH,
     "nn for the m beside an a with a ring"},
    {"plaftornn.sh", "platform.sh", GLYPH, "nn for the m and a swap"},
    {"ornnia.com", "omnia.com", GLYPH, "rn for the m before an n"},
    {"hemnes.com", NULL, NULL, "m before n is no r before m"},
    {"cornrows.com", NULL, NULL, "a word with rnr, no brand"},
};

int main(void)
{
	static const char *const brands[] = {"hermes.com", "farmers.com",
					     "platform.sh", "omnia.com"};
	struct lookalike *lk = test_fill_list(brands, TEST_COUNT(brands));

	test_pairs(lk, rn_cases, TEST_COUNT(rn_cases));
	lookalike_free(lk);
	return tap_done();
}
