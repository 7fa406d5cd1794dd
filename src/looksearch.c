/*
 * NAME
 *	looksearch - brands one or two edits from a label
 * SUMMARY
 *	Symmetric-deletion searches of the label indexes, each candidate
 *	verified by an exact test.
 * DESCRIPTION
 *	One edit: the key in the one-deletion index, and each of the key's
 *	n deletions in the labels and in the one-deletion index: 2n + 1
 *	lookups.  Two edits: the key in the two-deletion index, each of
 *	its deletions in the deletion indexes, and each of its deletions
 *	of two characters in all three: about n * n / 2 lookups, made only
 *	for labels that a brand of the two-deletion index can be two
 *	edits from (lookrules.c).  Deleting any letter of a run gives the
 *	same variant, so a run's later letters are skipped.
 */
#include <string.h>

#include "looksearch.h"
#include "oneedit.h"

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

/* Which lengths of the two-deletion index's labels a key of n can be two
 * edits from, and so which lookups can find one: the key in deletions2
 * (labels of n + 2), its deletions in deletions and deletions2 (n and
 * n + 1), its deletions of two in labels, deletions, deletions2 (n - 2,
 * n - 1, n). */
#define LOOKSEARCH_SHORTER2 1U
#define LOOKSEARCH_SHORTER1 2U
#define LOOKSEARCH_SAME     4U
#define LOOKSEARCH_LONGER1  8U
#define LOOKSEARCH_LONGER2  16U
#define LOOKSEARCH_NOT_LONGER \
	(LOOKSEARCH_SHORTER2 | LOOKSEARCH_SHORTER1 | LOOKSEARCH_SAME)

/* looksearch_near_lengths - the lengths n - 2 .. n + 2 that labels of the
 * two-deletion index have, as the bits above */
static unsigned looksearch_near_lengths(const struct lookalike *lk, size_t n)
{
	if (n < 2 || n - 2 >= 32)
		return 0;
	return (unsigned)(lk->two_edit_lengths >> (n - 2)) & 31U;
}

/* looksearch_deleted - best, or an earlier brand whose deletions of one
 * or two characters include s[0..slen) (which passed the filter) */
static const struct lookalike_brand *
looksearch_deleted(const struct lookalike *lk,
		   const struct looksearch_edit *how,
		   const struct lookalike_brand *best, const char *key,
		   size_t len, const char *s, size_t slen)
{
	best = looksearch_nearest(
	    how, best, strmap_getn(lk->map[LK_DELETIONS], s, slen), key, len);
	return looksearch_nearest(
	    how, best, strmap_getn(lk->map[LK_DELETIONS2], s, slen), key, len);
}

/* looksearch_without_two - best, or an earlier brand two edits from key
 * whose label, or one of its deletions of one or two characters, is key
 * less its characters i and j (hash h) */
static const struct lookalike_brand *
looksearch_without_two(const struct lookalike *lk,
		       const struct looksearch_edit *how,
		       const struct lookalike_brand *best, const char *key,
		       size_t len, size_t i, size_t j, uint64_t h)
{
	char variant[LOOKFILTER_KEY_MAX];

	if (!lookfilter_maybe(&lk->filter, h))
		return best;
	memcpy(variant, key, i);
	memcpy(variant + i, key + i + 1, j - i - 1);
	memcpy(variant + j - 1, key + j + 1, len - j - 1);
	best = looksearch_better(
	    how, best, strmap_getn(lk->map[LK_LABELS], variant, len - 2), key,
	    len);
	return looksearch_deleted(lk, how, best, key, len, variant, len - 2);
}

/* looksearch_two - key in deletions2; each deletion of key in both
 * deletion indexes; each deletion of two in those and the labels.  The
 * hashes come from one set of sums, and a variant is written out only
 * when the filter lets its hash through. */
const struct lookalike_brand *looksearch_two(const struct lookalike *lk,
					     const struct looksearch_edit *how,
					     const char *key, size_t len)
{
	const unsigned near = looksearch_near_lengths(lk, len);
	struct lookfilter_sums sums;
	char variant[LOOKFILTER_KEY_MAX];
	const struct lookalike_brand *best = NULL;

	if (len < 3 || near == 0)
		return NULL;
	/* Two letters left out: etherwallet of myetherwallet. */
	if (near & LOOKSEARCH_LONGER2)
		best = looksearch_nearest(
		    how, NULL,
		    lookalike_get(lk, LK_DELETIONS2, key, len,
				  lookfilter_hash(key, len)),
		    key, len);
	lookfilter_sums(key, len, &sums);
	for (size_t i = 0; i < len; i++) {
		const uint64_t h = lookfilter_without_one(&sums, i);

		if (i > 0 && key[i] == key[i - 1])
			continue;
		if ((near & (LOOKSEARCH_SAME | LOOKSEARCH_LONGER1))
		    && lookfilter_maybe(&lk->filter, h)) {
			memcpy(variant, key, i);
			memcpy(variant + i, key + i + 1, len - i - 1);
			best = looksearch_deleted(lk, how, best, key, len,
						  variant, len - 1);
		}
		for (size_t j = i + 1;
		     (near & LOOKSEARCH_NOT_LONGER) != 0 && j < len; j++)
			if (j == i + 1 || key[j] != key[j - 1])
				best = looksearch_without_two(
				    lk, how, best, key, len, i, j,
				    lookfilter_without_two(&sums, i, j));
	}
	return best;
}

/* looksearch_label - label[0..len) as a brand label of 3 or more */
const struct lookalike_brand *looksearch_label(const struct lookalike *lk,
					       const char *s, size_t len)
{
	const struct lookalike_brand *brand;

	brand = lookalike_get(lk, LK_LABELS, s, len, lookfilter_hash(s, len));
	return brand != NULL && brand->label_len >= LOOKALIKE_SHORT_MIN ? brand
									: NULL;
}

/* looksearch_typo_apart - a[0..alen) and b[0..blen) are one typo apart:
 * in a label under 7 letters a letter substituted must be a slip of the
 * finger (keyslip.h), since five or six letters with any one changed
 * are mostly another name (sonos of ionos, welle of zelle); a longer
 * label stays the brand's with any one (metamash) */
static int looksearch_typo_apart(const char *a, size_t alen, const char *b,
				 size_t blen)
{
	return alen < LOOKALIKE_TWO_STEP_MIN ? one_slip(a, alen, b, blen)
					     : one_edit(a, alen, b, blen);
}

/* One edit from a brand label of 5 or more that is not narrow. */
const struct looksearch_edit looksearch_one_typo = {
    .exact = LK_LABELS,
    .deletions = LK_DELETIONS,
    .min_len = LOOKALIKE_TYPO_MIN,
    .skip_narrow = 1,
    .apart = looksearch_typo_apart};

/* looksearch_family_label - label[0..len) is a label of brand's family
 * (deutschebank of deutsche-bank.de's deutschebank.com): the owner's
 * spelling, no typo of the brand's label, and tld-swap never takes it
 * under another suffix (who owns it there, the family does not say).
 * A mail affix or keyword on the brand's label (facebookmail.ml) still
 * counts: the style of the owner's names is a lure.  The index keeps a
 * label's first family.  A label that is the brand's own without its
 * hyphens (lookalike.c) is none: it is no spelling of the owner's. */
int looksearch_family_label(const struct lookalike *lk,
			    const struct lookalike_brand *brand,
			    const char *label, size_t len)
{
	const struct lookalike_brand *same = lookalike_get(
	    lk, LK_LABELS, label, len, lookfilter_hash(label, len));
	const struct lookalike_brand *owner =
	    brand->owner != NULL ? brand->owner : brand;

	return same != NULL && same->owner == owner && !same->joined;
}
