/*
 * osa.h - the optimal string alignment distance by its textbook dynamic
 * program: the reference that the edit tests of the lookalike search
 * are checked against (one_edit(), two_edits(), the index's searches).
 */
#ifndef PHISHWATCH_TEST_OSA_H
#define PHISHWATCH_TEST_OSA_H

#include <stddef.h>

/* Strings the reference takes at most. */
#define OSA_MAX 32

/* osa_distance - insertions, deletions, substitutions and swaps of two
 * neighbours that turn a[0..alen) into b[0..blen), no character edited
 * twice; both lengths at most OSA_MAX */
static __attribute__((unused)) size_t
osa_distance(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t d[OSA_MAX + 1][OSA_MAX + 1];

	for (size_t i = 0; i <= alen; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= blen; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= alen; i++)
		for (size_t j = 1; j <= blen; j++) {
			size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);

			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2]
			    && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	return d[alen][blen];
}

#endif
