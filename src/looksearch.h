/*
 * looksearch - brands one or two edits from a label, by symmetric deletion
 *
 * DESCRIPTION
 *	Two strings are at most k edits apart only if deleting at most k
 *	characters from each leaves one string: so the key and its
 *	deletions are looked up in the indexes of brand labels and of
 *	their deletions (lookindex.h), and each brand found is verified
 *	by an exact test.  The Bloom filter answers most lookups.  The
 *	cost depends on the key's length, not on the number of brands.
 */
#ifndef PHISHWATCH_LOOKSEARCH_H
#define PHISHWATCH_LOOKSEARCH_H

#include <stddef.h>

#include "lookindex.h"

/* How a search compares: raw labels or skeletons, and which brands. */
struct looksearch_edit {
	int exact;          /* index of whole keys */
	int deletions;      /* index of one-deletion variants */
	int skeleton;       /* compare skeletons, not labels */
	size_t min_len;     /* brand labels shorter are not matched */
	int same_len_short; /* short brands: substitution only */
	int skip_narrow;    /* narrow brand labels are not matched */
	/* the exact test of a candidate: one_edit(), two_edits() */
	int (*apart)(const char *a, size_t alen, const char *b, size_t blen);
};

/* looksearch_one - the earliest brand one edit from key[0..len) by how;
 * NULL when none */
const struct lookalike_brand *looksearch_one(const struct lookalike *lk,
					     const struct looksearch_edit *how,
					     const char *key, size_t len);

/* looksearch_two - the earliest brand two edits from key[0..len) by how
 * (raw labels; deletions of two from the deletions2 index); NULL when
 * none */
const struct lookalike_brand *looksearch_two(const struct lookalike *lk,
					     const struct looksearch_edit *how,
					     const char *key, size_t len);

/* looksearch_label - the brand whose label is s[0..len), of 3 or more
 * characters; NULL when none */
const struct lookalike_brand *looksearch_label(const struct lookalike *lk,
					       const char *s, size_t len);

/* One edit from a brand label of 5 or more that is not narrow. */
extern const struct looksearch_edit looksearch_one_typo;

/* looksearch_family_label - label[0..len) is a label of brand's family
 * (deutschebank of deutsche-bank.de's deutschebank.com): the owner's
 * spelling, no typo of the brand's label (looksearch.c) */
int looksearch_family_label(const struct lookalike *lk,
			    const struct lookalike_brand *brand,
			    const char *label, size_t len);

#endif
