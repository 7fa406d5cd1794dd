/*
 * NAME
 *	dictword - is a label an ordinary English word?
 * SUMMARY
 *	Binary search of the word list compiled into the program.
 * DESCRIPTION
 *	The list is one array of sorted words, each ended by a NUL, and no
 *	index: a probe lands anywhere inside a word and steps back to its
 *	start (as look(1) does in a sorted file), so the list costs its
 *	bytes and nothing more.  See dictword.h for where it comes from.
 */
#include <string.h>

#include "dictword.h"

/* dictword_start - the start of the word that holds byte at */
static size_t dictword_start(size_t at)
{
	while (at > 0 && dictword_text[at - 1] != '\0')
		at--;
	return at;
}

/* dictword_cmp - s[0..len) against the word at start, as strcmp */
static int dictword_cmp(const char *s, size_t len, size_t start)
{
	const char *word = dictword_text + start;
	size_t wlen = strlen(word);
	int c = memcmp(s, word, len < wlen ? len : wlen);

	if (c != 0)
		return c;
	return len < wlen ? -1 : len > wlen;
}

/* dictword_is_word - s[0..len) is on the list */
int dictword_is_word(const char *s, size_t len)
{
	size_t lo = 0;
	size_t hi = dictword_size; /* words start in [lo, hi) */

	if (s == NULL || len < DICTWORD_MIN || memchr(s, '\0', len) != NULL)
		return 0;
	while (lo < hi) {
		size_t start = dictword_start(lo + (hi - lo) / 2);
		int c = dictword_cmp(s, len, start);

		if (c == 0)
			return 1;
		if (c < 0)
			hi = start;
		else
			lo = start + strlen(dictword_text + start) + 1;
	}
	return 0;
}

/* dictword_ends - a longer word of the list ends with s[0..len): the
 * label and its NUL searched for with memmem(), which skips through the
 * list many bytes a step; a match at a word's start is the word itself */
int dictword_ends(const char *s, size_t len)
{
	char needle[DICTWORD_ENDING_MAX + 1];
	const char *at = dictword_text;
	const char *end = dictword_text + dictword_size;

	if (s == NULL || len == 0 || len > DICTWORD_ENDING_MAX
	    || memchr(s, '\0', len) != NULL)
		return 0;
	memcpy(needle, s, len);
	needle[len] = '\0';
	while ((at = memmem(at, (size_t)(end - at), needle, len + 1)) != NULL) {
		if (at > dictword_text && at[-1] != '\0')
			return 1;
		at += len + 1;
	}
	return 0;
}
