/*
 * NAME
 *	lookindex - the lookalike index: a brand's label into every index
 * SUMMARY
 *	lookindex_add() enters a new brand; lookindex_shorts() the narrow
 *	typos of a brand found to be a common word later.
 * DESCRIPTION
 *	The indexes are described in lookalike.c, their structures in
 *	lookindex.h; the rules that read them are in lookrules.c,
 *	lookcombo.c and looksearch.c.  A key names its first brand
 *	(labels, skeletons, shorts: a family domain's target gives way to
 *	any brand), or the list of brands it was derived from (the
 *	deletion indexes), newest first; the Bloom filter learns every
 *	key.
 *
 *	Only the brand labels of 11 to 24 that are not narrow take the
 *	two-deletion index (about n * n / 2 keys for n letters): shorter
 *	ones are two edits from many other names.  Nor do learned brands:
 *	their number is bounded, not their labels' length.
 */
#include <stdlib.h>
#include <string.h>

#include "dictword.h"
#include "hostname.h"
#include "lookindex.h"
#include "lureword.h"

/* lookindex_near_free - release one deletion variant's brand list */
void lookindex_near_free(void *value)
{
	struct lookalike_near *near = value;

	while (near != NULL) {
		struct lookalike_near *next = near->next;

		free(near);
		near = next;
	}
}

/* lookindex_first - key -> brand unless an earlier brand has it
 * (a family domain's target gives way to any brand) */
static int lookindex_first(struct lookalike *lk, int which, const char *key,
			   const struct lookalike_brand *brand)
{
	const struct lookalike_brand *had = strmap_get(lk->map[which], key);

	if (had != NULL && (had->owner == NULL || brand->owner != NULL))
		return 0;
	if (strmap_put(lk->map[which], key, (void *)brand, NULL) < 0)
		return -1;
	return had != NULL ? 0
			   : lookfilter_add(&lk->filter, key, lk->map, LK_MAPS);
}

/* lookindex_near - variant -> brand's near list, newest first */
static int lookindex_near(struct lookalike *lk, int which, const char *variant,
			  const struct lookalike_brand *brand)
{
	struct lookalike_near *had = strmap_get(lk->map[which], variant);
	struct lookalike_near *near;

	/* A brand's variants are entered one after another, so a variant
	 * it made before (abab less a,b or less b,a) is at the head. */
	if (had != NULL && had->brand == brand)
		return 0;
	near = malloc(sizeof(*near));
	if (near == NULL)
		return -1;
	near->brand = brand;
	near->next = had;
	if (strmap_put(lk->map[which], variant, near, NULL) < 0) {
		free(near);
		return -1;
	}
	if (near->next == NULL
	    && lookfilter_add(&lk->filter, variant, lk->map, LK_MAPS) < 0)
		return -1;
	return 0;
}

/* lookindex_deletions - each distinct one-deletion variant of
 * key[0..len) -> the brand, in index which */
static int lookindex_deletions(struct lookalike *lk, int which, const char *key,
			       size_t len, const struct lookalike_brand *brand)
{
	char variant[CONFUSABLE_MAX + 1];

	for (size_t i = 0; i < len; i++) {
		/* Deleting any letter of a run gives the same variant. */
		if (i > 0 && key[i] == key[i - 1])
			continue;
		memcpy(variant, key, i);
		memcpy(variant + i, key + i + 1, len - i - 1);
		variant[len - 1] = '\0';
		if (lookindex_near(lk, which, variant, brand) < 0)
			return -1;
	}
	return 0;
}

/* A label's length is a bit of lk->two_edit_lengths. */
_Static_assert(LOOKALIKE_TWO_EDIT_MAX < 32, "two-edit lengths fit 32 bits");

/* lookindex_two_deletions - each two-deletion variant of key[0..len) ->
 * the brand, in the deletions2 index */
static int lookindex_two_deletions(struct lookalike *lk, const char *key,
				   size_t len,
				   const struct lookalike_brand *brand)
{
	char variant[HOSTNAME_LABEL_MAX + 1];

	for (size_t i = 0; i < len; i++) {
		if (i > 0 && key[i] == key[i - 1])
			continue;
		for (size_t j = i + 1; j < len; j++) {
			if (j > i + 1 && key[j] == key[j - 1])
				continue;
			memcpy(variant, key, i);
			memcpy(variant + i, key + i + 1, j - i - 1);
			memcpy(variant + j - 1, key + j + 1, len - j - 1);
			variant[len - 2] = '\0';
			if (lookindex_near(lk, LK_DELETIONS2, variant, brand)
			    < 0)
				return -1;
		}
	}
	return 0;
}

/* lookindex_shorts - a short label with a letter doubled or two
 * adjacent letters swapped -> brand */
int lookindex_shorts(struct lookalike *lk, const struct lookalike_brand *brand)
{
	const char *label = brand->domain;
	size_t len = brand->label_len;
	char variant[HOSTNAME_LABEL_MAX + 2];

	for (size_t i = 0; i < len; i++) {
		memcpy(variant, label, i + 1);
		memcpy(variant + i + 1, label + i, len - i);
		variant[len + 1] = '\0';
		if (lookindex_first(lk, LK_SHORTS, variant, brand) < 0)
			return -1;
		if (i + 1 == len || label[i] == label[i + 1])
			continue;
		memcpy(variant, label, len);
		variant[i] = label[i + 1];
		variant[i + 1] = label[i];
		variant[len] = '\0';
		if (lookindex_first(lk, LK_SHORTS, variant, brand) < 0)
			return -1;
	}
	return 0;
}

/* lookindex_is_name - s[0..len), a word of a hyphenated brand label
 * (its first when first), may be the brand's name: 4 letters or more,
 * or 3 leading the label, the brand's initials (vtb of vtb-bank, cra of
 * cra-arc; the word list, of 4 letters and more, cannot tell a short
 * word after them, eat of just-eat, from initials); no number, no
 * English word (just of just-eat, bank of bank-maskan are anyone's) and
 * no keyword (a lure's own word) */
static int lookindex_is_name(const char *s, size_t len, int first)
{
	if (len < LOOKALIKE_NAME_MIN
	    && !(first && len == LOOKALIKE_INITIALS_LEN))
		return 0;
	for (size_t i = 0; i < len; i++)
		if (s[i] < 'a' || s[i] > 'z')
			return 0;
	return !dictword_is_word(s, len) && !lureword_is_keyword(s, len);
}

/* lookindex_names - each word of a given brand's hyphenated label that
 * may be its name -> the brand (litecoin-foundation: litecoin; the
 * rule takes it beside keywords only).  Family domains' and learned
 * brands' labels are left out: their words are not vetted as names. */
static int lookindex_names(struct lookalike *lk,
			   const struct lookalike_brand *brand)
{
	const char *label = brand->domain;
	size_t len = brand->label_len;
	char key[HOSTNAME_LABEL_MAX + 1];
	const char *word;
	size_t at = 0;
	size_t n;

	if (brand->owner != NULL || brand->learned
	    || memchr(label, '-', len) == NULL || confusable_is_ace(label, len))
		return 0;
	while ((n = hostname_next_word(label, len, &at, &word)) > 0) {
		if (!lookindex_is_name(word, n, word == label))
			continue;
		memcpy(key, word, n);
		key[n] = '\0';
		if (lookindex_first(lk, LK_NAMES, key, brand) < 0)
			return -1;
	}
	return 0;
}

/* lookindex_frame - key[0..len) of a frame of brand: its hyphenated
 * label without the word at one end, the hyphen kept (-bank, bank-of-),
 * when the words kept are long enough to be the brand's */
static int lookindex_frame(struct lookalike *lk, const char *key, size_t len,
			   const struct lookalike_brand *brand)
{
	char frame[HOSTNAME_LABEL_MAX + 1];

	if (len <= LOOKALIKE_FRAME_MIN || len > HOSTNAME_LABEL_MAX)
		return 0;
	memcpy(frame, key, len);
	frame[len] = '\0';
	return lookindex_first(lk, LK_FRAMES, frame, brand);
}

/* lookindex_frames - a given brand's hyphenated label without its first
 * word and without its last -> brand (deutsche-bank: -bank and
 * deutsche-; lookcombo_swapped() reads them).  The same brands as
 * lookindex_names(): other labels' words are not vetted. */
static int lookindex_frames(struct lookalike *lk,
			    const struct lookalike_brand *brand)
{
	const char *label = brand->domain;
	size_t len = brand->label_len;
	const char *first = memchr(label, '-', len);
	const char *last;

	if (brand->owner != NULL || brand->learned || first == NULL
	    || confusable_is_ace(label, len))
		return 0;
	last = (const char *)memrchr(label, '-', len) + 1;
	if (lookindex_frame(lk, first, len - (size_t)(first - label), brand)
	    < 0)
		return -1;
	return lookindex_frame(lk, label, (size_t)(last - label), brand);
}

/* lookindex_is_narrow - a label that one edit turns into other names:
 * under 5 characters (ups: ubs, upa), or a keyword after one or two
 * letters (gmail: amail, 1mail, qmail are mail services of their own) */
static int lookindex_is_narrow(const char *label, size_t len)
{
	if (len < LOOKALIKE_TYPO_MIN)
		return 1;
	for (size_t core = 1; core < LOOKALIKE_SHORT_MIN; core++)
		if (lureword_is_keyword(label + core, len - core))
			return 1;
	return 0;
}

/* lookindex_merged - a brand label of 7 or more whose skeleton
 * skeleton[0..n) has a c or an e: that skeleton with c written e, into
 * the merged index */
static int lookindex_merged(struct lookalike *lk,
			    const struct lookalike_brand *brand,
			    const char *skeleton, size_t n)
{
	char merged[CONFUSABLE_MAX + 1];

	if (brand->label_len < LOOKALIKE_MERGED_MIN
	    || strpbrk(skeleton, "ce") == NULL)
		return 0;
	confusable_merge_ce(skeleton, n, merged);
	return lookindex_first(lk, LK_MERGED, merged, brand);
}

/* lookindex_add - enter a new brand's label into every index */
int lookindex_add(struct lookalike *lk, struct lookalike_brand *brand)
{
	char label[HOSTNAME_LABEL_MAX + 1];
	char skeleton[CONFUSABLE_MAX + 1];
	int n;

	memcpy(label, brand->domain, brand->label_len);
	label[brand->label_len] = '\0';
	if (lookindex_first(lk, LK_LABELS, label, brand) < 0
	    || lookindex_names(lk, brand) < 0
	    || lookindex_frames(lk, brand) < 0)
		return -1;
	n = confusable_skeleton(lk->cf, label, brand->label_len, skeleton,
				NULL);
	if (n >= 0) {
		brand->skeleton = strdup(skeleton);
		brand->skeleton_len = (size_t)n;
		if (brand->skeleton == NULL
		    || lookindex_first(lk, LK_SKELETONS, skeleton, brand) < 0
		    || lookindex_merged(lk, brand, skeleton, (size_t)n) < 0
		    || lookindex_deletions(lk, LK_SKEL_DELETIONS, skeleton,
					   (size_t)n, brand)
			   < 0)
			return -1;
	}
	/* A family domain's label takes keywords, its skeleton (an IDN
	 * label one edit from it once folded too) and the narrow typos
	 * (yotuube, youttube): its other typos are often others' names
	 * (list-manage1, mygo beside mygov), and their index would take as
	 * much memory as the brands' own. */
	brand->narrow = brand->owner != NULL
			|| lookindex_is_narrow(label, brand->label_len);
	brand->word_end = brand->label_len < LOOKALIKE_TYPO_MIN
			  && dictword_ends(label, brand->label_len);
	if (brand->narrow)
		return lookindex_shorts(lk, brand);
	if (lookindex_deletions(lk, LK_DELETIONS, label, brand->label_len,
				brand)
	    < 0)
		return -1;
	/* Learned brands come from mail that anybody writes: a label of
	 * 63 would take 1,953 more keys. */
	if (brand->label_len < LOOKALIKE_TWO_EDIT_MIN
	    || brand->label_len > LOOKALIKE_TWO_EDIT_MAX || brand->learned)
		return 0;
	lk->two_edit_lengths |= (uint32_t)1 << brand->label_len;
	return lookindex_two_deletions(lk, label, brand->label_len, brand);
}
