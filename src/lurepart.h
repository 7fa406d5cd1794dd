/*
 * lurepart - a word of a hyphenated label that is a lure's word, though
 * not a keyword itself: paypal-securelogin, metamask-wallett.
 *
 * DESCRIPTION
 *	Between hyphens phishers glue two lure words into one
 *	(paypal-securelogin, paypal-accountverify), a lure word to an
 *	ordinary one (metamask-verifyprocess, opensea-decentralizedwallet),
 *	or misspell the lure word (metamask-wallett, opensea-conect,
 *	myetherwallet-singin, ethereum-givaway).  The combination rule
 *	(combosquat.h) took a word beside a brand only when it was a
 *	keyword, a number or, after a coined name, an English word, so
 *	none of these counted.
 *
 *	lurepart_keywords() says whether a word is two keywords glued
 *	(each of 3 letters or more, and not an English word as a whole:
 *	passport is one word, not pass and port); it may stand wherever
 *	a keyword may.  lurepart_phrase() also takes a keyword glued to
 *	an English word of 4 letters or more on either side, and
 *	lurepart_misspelt() a word one slip from a keyword of 6 letters
 *	or more (a letter left out, added or swapped with the next, or
 *	changed by a slip of the finger: a key beside it, a vowel for a
 *	vowel, keyslip.h): both only where the
 *	combination rule takes English words already, after a coined
 *	brand name and its hyphen, where a phrase of ordinary words is
 *	the lure's; the misspelt one also glued after a coined name
 *	(metamaskwalet), where an English word is the owner's.  Shorter
 *	keywords are one slip from too many names (login: logic, logan).
 *
 *	The first two cut the word at each place and look both pieces
 *	up (a binary search each); the third compares the word with the
 *	keywords of about its length (oneedit.h).  They run only for a
 *	word beside a brand label that a combination has already found.
 */
#ifndef PHISHWATCH_LUREPART_H
#define PHISHWATCH_LUREPART_H

#include <stddef.h>

/* Letters of each keyword glued into one word at least: two-letter
 * keywords (my, id, go) are syllables of anything. */
#define LUREPART_PIECE_MIN 3
/* Letters of a keyword that a misspelt word may be one slip from. */
#define LUREPART_SLIP_MIN 6

/* lurepart_keywords - s[0..len) is two keywords glued and no English
 * word (securelogin, accountverify) */
int lurepart_keywords(const char *s, size_t len);

/* lurepart_phrase - s[0..len) is two keywords glued, or a keyword and
 * an English word glued in either order (verifyprocess) */
int lurepart_phrase(const char *s, size_t len);

/* lurepart_misspelt - s[0..len) is no keyword, but one slip from a
 * keyword of LUREPART_SLIP_MIN letters or more (wallett, conect,
 * singin) */
int lurepart_misspelt(const char *s, size_t len);

#endif
