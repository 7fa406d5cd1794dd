/*
 * test_lookalike_pair - two-letter brand labels (bt.com, td.com): their
 * homoglyphs are lookalikes, in another script or with a letter that no
 * table folds standing for one of theirs, but no generic edit of two
 * letters is, nor an accented letter that folds to another one, nor cl
 * read as d in three ASCII letters (tcl: an acronym); with a
 * hyphen, keywords of a lure beside them are a combination, and glued
 * ones of six letters or more on one side, or a URL bit (wwwbt), but
 * glued short keywords, words, numbers and ordinary words are not.
 */
#include <stdio.h>

#include "lookalike.h"
#include "lookalike_pairs.h"
#include "tap.h"

static const struct pair_case pair_cases[] = {
    /* Homoglyphs: what a reader takes for the brand. */
    {"xn--r1at.com", "bt.com", GLYPH,
     "bt in Cyrillic: soft sign (tone six to UTS #39) and te"},
    {"xn--t-6oa.com", "bt.com", GLYPH, "Latin tone six for b"},
    {"xn--qha0f.com", "bt.com", GLYPH, "tone six, and t with palatal hook"},
    {"mail.xn--r1at.com", "bt.com", GLYPH, "a host below it"},
    {"xn--r1a69a.com", "td.com", GLYPH, "Cyrillic te for t"},
    {"xn--cl-x0s.com", "td.com", GLYPH, "t with dot below, cl for d"},
    /* Read out of three ASCII letters, two are somebody's acronym. */
    {"tcl.com", NULL, NULL, "cl for d: TCL's name"},
    {"tc1.com", NULL, NULL, "cl for d, a one for l"},
    /* Two letters changed generically are somebody else's name. */
    {"dt.com", NULL, NULL, "one letter substituted"},
    {"tb.com", NULL, NULL, "the two letters swapped"},
    {"btt.com", NULL, NULL, "a letter doubled"},
    {"lbt.com", NULL, NULL, "a letter added"},
    {"bt.net", NULL, NULL, "the label under another suffix"},
    {"xn--t-gia.com", NULL, NULL, "d with caron folds to d: dt"},
    {"xn--lt-7rs.com", NULL, NULL, "l and b with line below: lbt"},
    {"xn--11aa.com", NULL, NULL, "two letters no table folds"},
    {"xn--x-6oa.com", NULL, NULL, "tone six beside a letter no brand has"},
    {"xn--t-kq6a.com", NULL, NULL, "a CJK letter imitates no Latin one"},
    {"xn--t-66a.com", NULL, NULL,
     "a modifier letter (glottal stop) is of no alphabet"},
    {"xn--t-p9a.com", NULL, NULL, "nor is the modifier letter voicing"},
    /* Keywords beside the pair and a hyphen: the lures of real
	 * campaigns against carriers (ee-billing-recovery.web.app). */
    {"bt-billing.com", "bt.com", COMBO, "a keyword after it"},
    {"my-bt.net", "bt.com", COMBO, "a keyword before it"},
    {"secure-td-login.com", "td.com", COMBO, "keywords on both sides"},
    {"bt-billing.web.app", "bt.com", COMBO, "under a hosting suffix"},
    /* Anything else beside two letters is anyone's name or code. */
    {"bt-mail-billing.com", "bt.com", COMBO, "a keyword beside mail"},
    {"bt-mail.net", NULL, NULL, "mail alone: anyone's mail host"},
    {"mail-bt-mail.net", NULL, NULL, "mail on both sides"},
    {"email-bt.com", NULL, NULL, "email, no keyword"},
    /* Glued, keywords of six letters or more on one side: a lure
	 * (btsecure, tdaccount), not initials beside a word. */
    {"btbilling.com", "bt.com", COMBO, "a long keyword glued after it"},
    {"accounttd.com", "td.com", COMBO, "a long keyword glued before it"},
    {"btsecurelogin.com", "bt.com", COMBO, "two keywords glued after it"},
    {"bttrack.com", NULL, NULL, "a keyword of five letters glued"},
    {"mywwwbt.com", "bt.com", COMBO, "a URL bit and a keyword glued"},
    {"wwwbt.com", "bt.com", COMBO,
     "a URL bit alone: www.bt.com without its dot, nobody's initials"},
    {"btssl.com", "bt.com", COMBO, "ssl glued after it"},
    {"httpstd.com", "td.com", COMBO, "https glued before it"},
    {"mybt.com", NULL, NULL, "a short keyword glued before it"},
    {"securebtlogin.com", NULL, NULL, "keywords glued on both sides"},
    {"btbilling2019.com", NULL, NULL, "a number glued too"},
    {"bthoneymoon.com", NULL, NULL, "an English word glued, no keyword"},
    {"bt-2019.com", NULL, NULL, "a number: a model or a year"},
    {"bt-billing-2019.com", NULL, NULL, "a number beside a keyword"},
    {"bt-balance.com", NULL, NULL, "an English word, no keyword"},
    {"bt-billing2.com", NULL, NULL, "a keyword with a number glued"},
    {"td-ameritrade.com", NULL, NULL, "a name after it"},
    {"sm-bt.net", NULL, NULL, "two letters before it"},
    /* Their own domains. */
    {"bt.com", NULL, NULL, "the brand itself"},
    {"btinternet.com", NULL, NULL, "a family domain"},
};

int main(void)
{
	struct lookalike *lk = lookalike_new();

	if (lk == NULL || lookalike_add_brand(lk, "bt.com") != 1
	    || lookalike_add_own(lk, "bt.com", "btinternet.com") != 1
	    || lookalike_add_brand(lk, "td.com") != 1
	    || lookalike_add_brand(lk, "ups.com") != 1)
		return 2;
	test_pairs(lk, pair_cases, TEST_COUNT(pair_cases));
	lookalike_free(lk);
	return tap_done();
}
