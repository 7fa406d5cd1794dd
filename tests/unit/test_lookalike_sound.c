/*
 * test_lookalike_sound - a letter of a script that looks nothing like
 * Latin (Han, kana, Hangul) is read by CLDR's transform, that is by its
 * sound: such a label is a brand's name only when it spells it whole
 * (アマゾン, amazon), never one edit from it (奈, nai, beside nab).
 * Scripts whose letters pass for Latin keep every rule.  Mixed with
 * Latin letters (ICU's restriction level), such a letter is read as
 * itself, a letter no table folds, standing in for one of a brand's:
 * pคypal with a Thai letter is paypal's.
 */
#include <string.h>

#include "confusable.h"
#include "lookalike_pairs.h"

static const char *const sound_brands[] = {
    "nab.com.au",
    "amazon.com",
    "baidu.com",
    "netflix.com",
    "paypal.com",
};

static const struct pair_case sound_cases[] = {
    /* Read by sound and one edit away: no look-alike. */
    {"xn--nts.com", NULL, NULL, "Han nai, one edit from nab"},
    {"xn--hz2b13s8pc.com", NULL, NULL, "Hangul amajon, one from amazon"},
    {"xn--cckwcxetda.com", NULL, NULL, "katakana amazonn"},
    /* Read by sound and spelled whole: the brand's name. */
    {"xn--cckwcxetd.com", "amazon.com", GLYPH, "katakana amazon"},
    {"xn--wxtr44c.com", "baidu.com", GLYPH, "Han baidu"},
    /* Cyrillic te passes for t: every rule, one edit too. */
    {"xn--neflix-qrf.com", "netflix.com", GLYPH, "Cyrillic te"},
    {"xn--neflx-8ye.com", "netflix.com", GLYPH,
     "Cyrillic te and a letter left out"},
    /* Mixed with Latin letters: a letter in place of a brand's. */
    {"xn--pypal-g7q.com", "paypal.com", GLYPH, "Thai kho khwai for an a"},
    {"xn--amazo-6ru.com", "amazon.com", GLYPH, "Georgian man for the n"},
    {"xn--nb-vqi.com.au", "nab.com.au", GLYPH,
     "Thai kho khwai for the a of a three-letter brand"},
    /* ... but never more than the rules allow a letter no table folds. */
    {"xn--nab-li4b.com", NULL, NULL,
     "katakana a after nab: a short brand takes no added letter"},
    {"xn--netflix-6v4fte.com", NULL, NULL,
     "two katakana letters after netflix: two edits"},
    {"xn--42ca6d5ac4h.com", NULL, NULL, "all Thai: nothing mixed"},
};

/* test_sound_flag - confusable_skeleton() says which labels it read by
 * sound */
static void test_sound_flag(void)
{
	struct confusable *cf = confusable_new();
	char sk[CONFUSABLE_MAX + 1];
	int flags = 0;

	tap_is_long(confusable_skeleton(cf, "xn--nts", 7, sk, &flags), 3,
		    "Han nai: three letters");
	tap_ok((flags & CONFUSABLE_SOUND) != 0, "... read by sound");
	tap_is_long(confusable_skeleton(cf, "xn--neflix-qrf", 14, sk, &flags),
		    7, "Cyrillic te in netflix: seven letters");
	tap_ok((flags & CONFUSABLE_SOUND) == 0, "... read by look");
	tap_is_long(confusable_skeleton(cf, "paypal", 6, sk, &flags), 6,
		    "ASCII: six letters");
	tap_ok(flags == 0, "... no flag");
	tap_is_long(confusable_skeleton(cf, "xn--pypal-g7q", 13, sk, &flags),
		    7, "paypal with a Thai letter for a: kh, two letters");
	tap_ok((flags & CONFUSABLE_SOUND) && (flags & CONFUSABLE_MIXED),
	       "... read by sound, its scripts mixed");
	tap_is_long(confusable_skeleton_unread(cf, "xn--pypal-g7q", 13, sk),
		    8, "unread: the Thai letter kept, three bytes");
	tap_is_str(sk, "p\xe0\xb8\x84ypal", "... in the a's place");
	confusable_free(cf);
}

int main(void)
{
	struct lookalike *lk =
	    test_fill_list(sound_brands, TEST_COUNT(sound_brands));

	test_sound_flag();
	test_pairs(lk, sound_cases, TEST_COUNT(sound_cases));
	lookalike_free(lk);
	return tap_done();
}
