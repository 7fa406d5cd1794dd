/*
 * dictword - is a label an ordinary English word?
 *
 * DESCRIPTION
 *	A sender label one edit from a brand label is mostly a typo of
 *	it, unless it is a word of its own: finance.com is no typo of
 *	binance.com, chaser.com none of chase.com, interest.com none of
 *	intuit... such names belong to businesses named after the word.
 *	The words are Debian's English word list (the wamerican package,
 *	from SCOWL, /usr/share/dict/american-english): its lower-case
 *	ASCII words of 4 or more letters, some 64,000, compiled into the
 *	program at build time (the Makefile makes $(BUILD)/dictwords.c),
 *	sorted, NUL-separated, one read-only array (about 560 kB of the
 *	binary, paged in only where a lookup touches it: no heap, nothing
 *	to open at run time).
 *
 *	dictword_is_word() is a binary search over that array: about 17
 *	string comparisons, made only for a label a typo rule matched.
 *	dictword_ends() is the same search over a second array, the
 *	endings of 1 to 4 letters of longer words (some 9,700, 46 kB),
 *	made once for each short brand label when it is added
 *	(combosquat.h: is it a code?): an access map's thousands of
 *	learned brands cost as little.
 */
#ifndef PHISHWATCH_DICTWORD_H
#define PHISHWATCH_DICTWORD_H

#include <stddef.h>

/* Shorter words are not on the list (ions, owes: one edit from any
 * short name). */
#define DICTWORD_MIN 4

/* dictword_is_word - s[0..len) (lower case) is a word of the list */
int dictword_is_word(const char *s, size_t len);

/* Longest ending dictword_ends() knows: the brand labels it is asked
 * about are shorter than the typo rules' (LOOKALIKE_TYPO_MIN). */
#define DICTWORD_ENDING_MAX 4

/* dictword_ends - a longer word of the list ends with s[0..len); 0
 * for an s longer than DICTWORD_ENDING_MAX */
int dictword_ends(const char *s, size_t len);

/* The list, made at build time: sorted (C locale) words, each ended by
 * a NUL, dictword_size bytes in all. */
extern const char dictword_text[];
extern const size_t dictword_size;
/* The endings of 1 to DICTWORD_ENDING_MAX letters of longer words,
 * sorted, each ended by a NUL, dictword_endings_size bytes in all. */
extern const char dictword_endings[];
extern const size_t dictword_endings_size;

#endif
