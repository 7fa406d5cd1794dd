/*
 * test_lookalike_rn - brand labels with an r or n before an m (hermes,
 * farmers): an accented letter in them is a homoglyph, as in any other
 * label, and so is the m written rn after the r (herrnes).  UTS #39
 * writes m as rn, and the r before it must not take that r for an rr.
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
};

int main(void)
{
	struct lookalike *lk = lookalike_new();

	if (lk == NULL || lookalike_add_brand(lk, "hermes.com") != 1
	    || lookalike_add_brand(lk, "farmers.com") != 1)
		return 2;
	test_pairs(lk, rn_cases, TEST_COUNT(rn_cases));
	lookalike_free(lk);
	return tap_done();
}
