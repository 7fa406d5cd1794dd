/*
 * NAME
 *	lurepart - a word of a hyphenated label that is a lure's word
 * SUMMARY
 *	Two keywords glued, a keyword glued to an English word, or a
 *	keyword with one slip of the keyboard.
 * DESCRIPTION
 *	See lurepart.h.  A glued word is cut at every place that leaves
 *	LUREPART_PIECE_MIN letters or more on each side; a misspelt one
 *	is compared with each keyword of a length one letter from its own
 *	(oneedit.h: one edit, a letter changed only for a slip of the
 *	finger, keyslip.h; other letters changed make other words of
 *	foreign keywords: downloader, downloaden).
 */
#include <string.h>

#include "dictword.h"
#include "lureword.h"
#include "lurepart.h"
#include "oneedit.h"

/* lurepart_glued - s[0..len) cut somewhere into a keyword and, after or
 * before it, a keyword or (with english) an English word */
static int lurepart_glued(const char *s, size_t len, int english)
{
	for (size_t k = LUREPART_PIECE_MIN; k + LUREPART_PIECE_MIN <= len;
	     k++) {
		int front = lureword_is_keyword(s, k);
		int back = lureword_is_keyword(s + k, len - k);

		if (front && back)
			return 1;
		if (english
		    && ((front && dictword_is_word(s + k, len - k))
			|| (back && dictword_is_word(s, k))))
			return 1;
	}
	return 0;
}

/* lurepart_keywords - s[0..len) is two keywords glued and no English
 * word (securelogin, accountverify) */
int lurepart_keywords(const char *s, size_t len)
{
	return s != NULL && !dictword_is_word(s, len)
	       && lurepart_glued(s, len, 0);
}

/* lurepart_phrase - s[0..len) is two keywords glued, or a keyword and
 * an English word glued in either order (verifyprocess) */
int lurepart_phrase(const char *s, size_t len)
{
	return s != NULL && lurepart_glued(s, len, 1);
}

/* lurepart_misspelt - s[0..len) is no keyword, but one slip from a
 * keyword of LUREPART_SLIP_MIN letters or more */
int lurepart_misspelt(const char *s, size_t len)
{
	const char *keyword;

	if (s == NULL || len + 1 < LUREPART_SLIP_MIN || len > LUREWORD_MAX + 1
	    || lureword_is_keyword(s, len))
		return 0;
	for (size_t n = 0; (keyword = lureword_nth(n)) != NULL; n++) {
		size_t klen = strlen(keyword);

		if (klen >= LUREPART_SLIP_MIN && klen + 1 >= len
		    && klen <= len + 1 && one_slip(s, len, keyword, klen))
			return 1;
	}
	return 0;
}
