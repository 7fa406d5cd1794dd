/*
 * NAME
 *	oneedit - one or two insertions, deletions, substitutions or swaps
 *	apart
 * SUMMARY
 *	one_edit() and two_edits() compare the strings past their common
 *	beginning.
 * DESCRIPTION
 *	After the common prefix, the rest of the longer string less one
 *	character must equal the rest of the shorter (an insertion), or
 *	the rests less one character each must be equal (a substitution),
 *	or the two next characters swapped must leave equal rests (a
 *	transposition).  Equal strings are no edit apart.  Two edits: some
 *	alignment makes its first edit where the strings first differ, so
 *	one of those four first edits must leave rests at most one edit
 *	apart (the optimal string alignment distance).  A slip: one edit
 *	whose letter substituted, if it is one, keyslip.h takes for a slip.
 */
#include <string.h>

#include "keyslip.h"
#include "oneedit.h"

int one_edit(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i = 0;

	if (alen < blen)
		return one_edit(b, blen, a, alen);
	if (alen - blen > 1)
		return 0;
	while (i < blen && a[i] == b[i])
		i++;
	if (alen > blen) /* a[i] inserted */
		return memcmp(a + i + 1, b + i, blen - i) == 0;
	if (i == alen) /* equal */
		return 0;
	if (memcmp(a + i + 1, b + i + 1, alen - i - 1) == 0)
		return 1; /* a[i] substituted */
	return i + 1 < alen && a[i] == b[i + 1] && a[i + 1] == b[i]
	       && memcmp(a + i + 2, b + i + 2, alen - i - 2) == 0;
}

int one_slip(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i = 0;

	if (!one_edit(a, alen, b, blen))
		return 0;
	if (alen != blen) /* a letter inserted or left out */
		return 1;
	while (a[i] == b[i])
		i++;
	/* one letter for another, or else two swapped */
	return memcmp(a + i + 1, b + i + 1, alen - i - 1) != 0
	       || keyslip_letters(a[i], b[i]);
}

/* two_edits_rest - a[0..alen) and b[0..blen) at most one edit apart */
static int two_edits_rest(const char *a, size_t alen, const char *b,
			  size_t blen)
{
	return (alen == blen && memcmp(a, b, alen) == 0)
	       || one_edit(a, alen, b, blen);
}

int two_edits(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i = 0;

	if (alen < blen)
		return two_edits(b, blen, a, alen);
	if (alen - blen > 2 || two_edits_rest(a, alen, b, blen))
		return 0;
	while (i < blen && a[i] == b[i])
		i++;
	a += i;
	b += i;
	alen -= i;
	blen -= i;
	if (blen == 0) /* two inserted at the end */
		return alen == 2;
	/* The first edit: a[0] inserted, b[0] inserted, one for the
	 * other, or the two next swapped. */
	return two_edits_rest(a + 1, alen - 1, b, blen)
	       || two_edits_rest(a, alen, b + 1, blen - 1)
	       || two_edits_rest(a + 1, alen - 1, b + 1, blen - 1)
	       || (blen > 1 && a[0] == b[1] && a[1] == b[0]
		   && two_edits_rest(a + 2, alen - 2, b + 2, blen - 2));
}
