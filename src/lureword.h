/*
 * lureword - the words phishing lures put beside a brand's name.
 *
 * DESCRIPTION
 *	The keyword list of the combination rule (combosquat.h) and of
 *	narrow brand labels (a keyword after a letter or two: gmail):
 *	words of lures in English and the other big languages of
 *	phishing (lureword.c says which and why), such as secure, login,
 *	verify, konto, connexion, factura, paczka.
 */
#ifndef PHISHWATCH_LUREWORD_H
#define PHISHWATCH_LUREWORD_H

#include <stddef.h>

/* The longest word: longer prefixes and suffixes need no lookup. */
#define LUREWORD_MAX 16

/* lureword_is_keyword - s[0..len) is on the list */
int lureword_is_keyword(const char *s, size_t len);

/* lureword_nth - the n-th word of the list in its order, or NULL past
 * its end */
const char *lureword_nth(size_t n);

#endif
