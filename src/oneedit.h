/*
 * oneedit - are two strings one or two typing slips apart?
 *
 * DESCRIPTION
 *	One insertion, deletion, substitution or swap of two adjacent
 *	characters (the optimal string alignment distance is 1): the edits
 *	that a typo makes, and that the lookalike rules verify each
 *	candidate of their symmetric-deletion search with (looksearch.c);
 *	or two of them (distance 2), for long brand labels; or one whose
 *	substitution is a slip of the finger (one_slip()).  A few passes
 *	over the strings, no allocation.
 */
#ifndef PHISHWATCH_ONEEDIT_H
#define PHISHWATCH_ONEEDIT_H

#include <stddef.h>

/* one_edit - a[0..alen) and b[0..blen) are exactly one edit apart */
int one_edit(const char *a, size_t alen, const char *b, size_t blen);

/* one_slip - a[0..alen) and b[0..blen) are one edit apart, and a letter
 * substituted is a typing slip for the other (keyslip.h) */
int one_slip(const char *a, size_t alen, const char *b, size_t blen);

/* two_edits - a[0..alen) and b[0..blen) are exactly two edits apart */
int two_edits(const char *a, size_t alen, const char *b, size_t blen);

#endif
