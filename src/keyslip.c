/*
 * NAME
 *	keyslip - keyboard neighbours, vowels and flipped bits
 * SUMMARY
 *	keyslip_letters() tells whether one letter typed for another is a
 *	slip.
 * DESCRIPTION
 *	A layout is four rows of keys, each row shifted right of the one
 *	above by a fraction of a key (in quarters: 0, 2, 3 and 5, as on a
 *	typewriter's staggered rows).  Two keys are neighbours when they
 *	sit in one row side by side, or in rows next to each other at most
 *	a key's width apart: f touches r, t, d, g, c and v.
 */
#include <stdlib.h>
#include <string.h>

#include "keyslip.h"

/* Rows of keys and their shift right, in quarters of a key. */
#define KEYSLIP_ROWS    4
#define KEYSLIP_QUARTER 4

struct keyslip_layout {
	const char *row[KEYSLIP_ROWS];
};

static const struct keyslip_layout keyslip_layouts[] = {
    {{"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"}}, /* QWERTY */
    {{"1234567890", "qwertzuiop", "asdfghjkl", "yxcvbnm"}}, /* QWERTZ */
    {{"1234567890", "azertyuiop", "qsdfghjklm", "wxcvbn"}}, /* AZERTY */
};

static const int keyslip_shift[KEYSLIP_ROWS] = {0, 2, 3, 5};

/* keyslip_find - c's row and position in quarters on layout, or 0 */
static int keyslip_find(const struct keyslip_layout *layout, char c, int *row,
			int *x)
{
	for (int r = 0; r < KEYSLIP_ROWS; r++) {
		const char *at = c != '\0' ? strchr(layout->row[r], c) : NULL;

		if (at != NULL) {
			*row = r;
			*x = keyslip_shift[r]
			     + KEYSLIP_QUARTER * (int)(at - layout->row[r]);
			return 1;
		}
	}
	return 0;
}

/* keyslip_neighbours - a and b are keys next to each other on layout */
static int keyslip_neighbours(const struct keyslip_layout *layout, char a,
			      char b)
{
	int ra, xa, rb, xb;

	if (!keyslip_find(layout, a, &ra, &xa)
	    || !keyslip_find(layout, b, &rb, &xb) || abs(ra - rb) > 1)
		return 0;
	return abs(xa - xb) <= KEYSLIP_QUARTER && (ra != rb || xa != xb);
}

/* keyslip_vowel - c is a vowel (y too: facebuuk, yahuo) */
static int keyslip_vowel(char c)
{
	return c != '\0' && strchr("aeiouy", c) != NULL;
}

int keyslip_letters(char a, char b)
{
	unsigned bits = (unsigned char)a ^ (unsigned char)b;

	if (bits == 0)
		return 0;
	if ((bits & (bits - 1)) == 0 || (keyslip_vowel(a) && keyslip_vowel(b)))
		return 1;
	for (size_t i = 0;
	     i < sizeof(keyslip_layouts) / sizeof(keyslip_layouts[0]); i++)
		if (keyslip_neighbours(&keyslip_layouts[i], a, b))
			return 1;
	return 0;
}
