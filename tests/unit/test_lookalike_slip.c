/*
 * test_lookalike_slip - a typo of a brand label of 5 or 6 letters is a
 * letter left out, added or swapped, or one substituted by a slip of
 * the finger (keyboard neighbour, vowel, a bit off); any other letter
 * makes another name (sonos.com beside ionos.com).  Longer labels take
 * any one letter for another.
 */
#include "lookalike_pairs.h"

static const char *const slip_brands[] = {
    "ionos.com",  "zelle.com",  "yahoo.com",   "webex.com",
    "hilton.com", "github.com", "metamask.io",
};

static const struct pair_case slip_cases[] = {
    /* Slips. */
    {"iomos.com", "ionos.com", TYPO, "n for m, neighbours"},
    {"ionis.com", "ionos.com", TYPO, "a vowel for a vowel"},
    {"zekle.com", "zelle.com", TYPO, "l for k, neighbours"},
    {"webec.com", "webex.com", TYPO, "x for c, neighbours"},
    {"hiltin.com", "hilton.com", TYPO, "six letters, a vowel"},
    {"githib.com", "github.com", TYPO, "six letters, a vowel"},
    {"gitgub.com", "github.com", TYPO, "h for g, neighbours"},
    /* The other edits of a typo, whatever the letter. */
    {"ionoxs.com", "ionos.com", TYPO, "a letter added"},
    {"zele.com", "zelle.com", TYPO, "a letter left out"},
    {"yaoho.com", "yahoo.com", TYPO, "two letters swapped"},
    /* Longer labels: any letter for another. */
    {"metamash.io", "metamask.io", TYPO, "eight letters, k for h"},
    /* Another letter in five or six: another name. */
    {"sonos.com", NULL, NULL, "s for i: Sonos"},
    {"zonos.com", NULL, NULL, "z for i"},
    {"welle.io", NULL, NULL, "w for z: a German word"},
    {"vahoo.com", NULL, NULL, "v for y"},
    {"tebex.io", NULL, NULL, "t for w"},
    {"wilton.com", NULL, NULL, "w for h: Wilton"},
    {"lithub.com", NULL, NULL, "l for g: Literary Hub"},
};

int main(void)
{
	struct lookalike *lk =
	    test_fill_list(slip_brands, TEST_COUNT(slip_brands));

	test_pairs(lk, slip_cases, TEST_COUNT(slip_cases));
	lookalike_free(lk);
	return tap_done();
}
