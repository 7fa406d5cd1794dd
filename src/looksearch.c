/*
 * NAME
 *	looksearch - brands one edit from a label
 * SUMMARY
 *	Symmetric-deletion searches of the label indexes, each candidate
 *	verified by an exact test.
 * DESCRIPTION
 *	The key in the one-deletion index, and each of the key's n
 *	deletions in the labels and in the one-deletion index: 2n + 1
 *	lookups.  Deleting any letter of a run gives the same variant, so
 *	a run's later letters are skipped.
 */
#include <string.h>

#include "looksearch.h"

/* looksearch_better - candidate when it is how->apart from key and
 * earlier than best, else best */
static const struct lookalike_brand *looksearch_better(
    const struct looksearch_edit *how, const struct lookalike_brand *best,
    const struct lookalike_brand *candidate, const char *key, size_t len)
{
	const char *other;
	size_t other_len;

	if (candidate == NULL || candidate->label_len < how->min_len
	    || (how->skip_narrow && candidate->narrow)
	    || (best != NULL && best->ordinal < candidate->ordinal))
		return best;
	other = how->skeleton ? candidate->skeleton : candidate->domain;
	other_len =
	    how->skeleton ? candidate->skeleton_len : candidate->label_len;
	if (other == NULL
	    || (how->same_len_short && other_len != len && candidate->narrow))
		return best;
	return how->apart(key, len, other, other_len) ? candidate : best;
}

/* looksearch_nearest - the best of best and a near list's brands */
static const struct lookalike_brand *looksearch_nearest(
    const struct looksearch_edit *how, const struct lookalike_brand *best,
    const struct lookalike_near *near, const char *key, size_t len)
{
	for (; near != NULL; near = near->next)
		best = looksearch_better(how, best, near->brand, key, len);
	return best;
}

/* looksearch_one - key and each of its deletions looked up */
const struct lookalike_brand *looksearch_one(const struct lookalike *lk,
					     const struct looksearch_edit *how,
					     const char *key, size_t len)
{
	uint64_t hashes[LOOKFILTER_KEY_MAX];
	char variant[LOOKFILTER_KEY_MAX];
	const struct lookalike_brand *best;

	if (len < 2 || len > LOOKFILTER_KEY_MAX)
		return NULL;
	/* A letter left out: marriot. */
	best = looksearch_nearest(how, NULL,
				  lookalike_get(lk, how->deletions, key, len,
						lookfilter_hash(key, len)),
				  key, len);
	lookfilter_deletions(key, len, hashes);
	for (size_t i = 0; i < len; i++) {
		/* Deleting any letter of a run gives the same variant. */
		if ((i > 0 && key[i] == key[i - 1])
		    || !lookfilter_maybe(&lk->filter, hashes[i]))
			continue;
		memcpy(variant, key, i);
		memcpy(variant + i, key + i + 1, len - i - 1);
		best = looksearch_better(
		    how, best,
		    strmap_getn(lk->map[how->exact], variant, len - 1), key,
		    len);
		best = looksearch_nearest(
		    how, best,
		    strmap_getn(lk->map[how->deletions], variant, len - 1), key,
		    len);
	}
	return best;
}
