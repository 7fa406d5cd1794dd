/*
 * NAME
 *	oneedit - one insertion, deletion, substitution or swap apart
 * SUMMARY
 *	one_edit() compares the strings past their common beginning.
 * DESCRIPTION
 *	After the common prefix, the rest of the longer string less one
 *	character must equal the rest of the shorter (an insertion), or
 *	the rests less one character each must be equal (a substitution),
 *	or the two next characters swapped must leave equal rests (a
 *	transposition).  Equal strings are no edit apart.
 */
#include <string.h>

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
