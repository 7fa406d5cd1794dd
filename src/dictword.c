/*
 * NAME
 *	dictword - is a label an ordinary English word?
 * SUMMARY
 *	Binary search of the word list compiled into the program.
 * DESCRIPTION
 *	The list is one array of sorted words, each ended by a NUL, and no
 *	index: a probe lands anywhere inside a word and steps back to its
 *	start (as look(1) does in a sorted file), so the list costs its
 *	bytes and nothing more.  A second array, searched the same way,
 *	holds the short endings of the words.  See dictword.h for where
 *	they come from.
 */
#include <string.h>

#include "dictword.h"

/* dictword_start - the start of the word of text that holds byte at */
static size_t dictword_start(const char *text, size_t at)
{
	while (at > 0 && text[at - 1] != '\0')
		at--;
	return at;
}

/* dictword_cmp - s[0..len) against the word at start, as strcmp */
static int dictword_cmp(const char *s, size_t len, const char *word)
{
	size_t wlen = strlen(word);
	int c = memcmp(s, word, len < wlen ? len : wlen);

	if (c != 0)
		return c;
	return len < wlen ? -1 : len > wlen;
}

/* dictword_lower - the start of the first word of text (size bytes of
 * sorted words) that is not before s[0..len), or size */
static size_t dictword_lower(const char *text, size_t size, const char *s,
			     size_t len)
{
	size_t lo = 0;
	size_t hi = size; /* words before lo are before s, from hi on not */

	while (lo < hi) {
		size_t start = dictword_start(text, lo + (hi - lo) / 2);

		if (dictword_cmp(s, len, text + start) <= 0)
			hi = start;
		else
			lo = start + strlen(text + start) + 1;
	}
	return lo;
}

/* dictword_is_word - s[0..len) is on the list */
int dictword_is_word(const char *s, size_t len)
{
	size_t at;

	if (s == NULL || len < DICTWORD_MIN || memchr(s, '\0', len) != NULL)
		return 0;
	at = dictword_lower(dictword_text, dictword_size, s, len);
	return at < dictword_size
	       && dictword_cmp(s, len, dictword_text + at) == 0;
}

/* dictword_ends - a longer word of the list ends with s[0..len): s is
 * one of the endings made at build time */
int dictword_ends(const char *s, size_t len)
{
	size_t at;

	if (s == NULL || len == 0 || len > DICTWORD_ENDING_MAX
	    || memchr(s, '\0', len) != NULL)
		return 0;
	at = dictword_lower(dictword_endings, dictword_endings_size, s, len);
	return at < dictword_endings_size
	       && dictword_cmp(s, len, dictword_endings + at) == 0;
}
