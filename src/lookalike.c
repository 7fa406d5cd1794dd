/*
 * NAME
 *	lookalike - sender domains that imitate a brand's registrable domain
 * SUMMARY
 *	tld-swap, affix-mail, combo, homoglyph and typo variants of known
 *	brands, found in O(label length) hash lookups whatever the number
 *	of brands; a brand's family of own domains is never a lookalike.
 * DESCRIPTION
 *	A brand is a registrable domain, linkedin.com; its label is the
 *	part before the public suffix, linkedin.  A sender is judged by the
 *	first label of its registrable domain (libpsl's built-in list), so
 *	linkedin-mail.net and bounce.linkedin-mail.net are one lookalike.
 *	Each rule looks up a string derived from the sender's label in an
 *	index built from the brand labels when a brand is added:
 *
 *	labels		brand label -> brand: tld-swap, affix-mail, combo.
 *	skeletons	brand label skeleton (confusable.h, UTS #39) ->
 *			brand: homoglyph.
 *	deletions	every label made by deleting one character from a
 *			brand label of 5 or more -> the brands it comes
 *			from.  Two labels are one edit apart only if one is
 *			a deletion of the other, or both share a deletion
 *			(symmetric deletion), so the sender's label and its
 *			own deletions are looked up: 2n + 1 lookups for n
 *			characters, each candidate verified exactly.
 *	skel_deletions	the same for brand skeletons: an IDN label one
 *			edit from a brand once both are folded (a letter
 *			that no table knows among look-alike ones).
 *	shorts		for brand labels under 5 characters, the labels
 *			with one letter doubled or two adjacent letters
 *			swapped -> brand: the only typos of a short label
 *			that few real names make (ubs, nhl, art are names).
 *	own		a family's own domains -> brand: never lookalikes.
 *
 *	A Bloom filter (lookfilter.h) of every label-index key says in one
 *	probe that most candidates are in no index, so a check costs the
 *	same with one brand or 10,000.
 *
 *	Priorities: tld-swap, affix-mail, combo, homoglyph, typo.  The
 *	exact-label rules come first because they are certain; a homoglyph
 *	explains a label better than a typo does (1inkedin is one
 *	substitution too).  Within a rule the brand added first wins
 *	(ordinal), so a brands file loaded first outranks learned brands.
 *
 *	False alarms are kept down by: a brand's own domains (the brand, its
 *	family, hosts below them) never match; the allow list; tld-swap,
 *	affix-mail and combo only for brand labels of 3 or more characters;
 *	typo only when both labels have 5 or more characters, shorter ones
 *	only by a doubled letter or a swap; a learned brand that is itself
 *	a lookalike of a known brand is not learned.
 *
 *	Learned brands are bounded (lookalike_set_learn_max()): each takes
 *	about a kilobyte of index, and campaigns come from the mail stream,
 *	which an attacker writes.  Brands are never removed: a reload
 *	builds a new index.
 */
#include <errno.h>
#include <libpsl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "combosquat.h"
#include "confusable.h"
#include "lookalike.h"
#include "lookfilter.h"
#include "msg.h"
#include "strmap.h"

/* Both labels at least this long before one edit counts (walmart: 7). */
#define LOOKALIKE_TYPO_MIN 5
/* Brand labels shorter than this are matched only as homoglyphs. */
#define LOOKALIKE_SHORT_MIN 3
/* Sites list tens of brands; the maps grow when there are more. */
#define LOOKALIKE_EXPECTED 64

#define LOOKALIKE_COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct lookalike_brand {
	unsigned long ordinal;	/* order of addition: earlier wins ties */
	size_t label_len;	/* length of the first label of domain */
	char *skeleton;		/* of the label; NULL when it has none */
	size_t skeleton_len;
	int any_cc;		/* its label is its own under every ccTLD */
	int narrow;		/* typos: only a doubled letter or a swap */
	int word;		/* the label is a common word (brands file) */
	char domain[];		/* registrable domain, lower case */
};

/* One brand that a deletion variant comes from. */
struct lookalike_near {
	const struct lookalike_brand *brand;
	struct lookalike_near *next;
};

/* The label indexes, in the filter's rebuild order. */
enum { LK_LABELS, LK_SKELETONS, LK_DELETIONS, LK_SKEL_DELETIONS, LK_SHORTS,
       LK_MAPS };

struct lookalike {
	const psl_ctx_t *psl;		/* built in to libpsl, never freed */
	struct confusable *cf;		/* skeleton maker (ICU) */
	struct strmap *brands;		/* domain -> lookalike_brand (owned) */
	struct strmap *map[LK_MAPS];	/* label indexes, see above */
	struct strmap *own;		/* family domain -> its brand */
	struct strmap *allowed;		/* allowed domain -> lk (a member) */
	struct lookfilter filter;	/* keys of the label indexes */
	unsigned long next_ordinal;
	size_t learned;			/* brands learned, not given */
	size_t learn_max;		/* learned brands kept at most */
	size_t learn_refused;		/* learned brands refused: full */
};

static int lookalike_cc_own(const struct lookalike *lk, const char *reg);

typedef const struct lookalike_brand *
	(*lookalike_rule_fn)(const struct lookalike *lk, const char *label,
			     size_t len);

/* lookalike_near_free - release one deletion variant's brand list */
static void lookalike_near_free(void *value)
{
	struct lookalike_near *near = value;

	while (near != NULL) {
		struct lookalike_near *next = near->next;

		free(near);
		near = next;
	}
}

/* lookalike_brand_free - release a brand and its skeleton */
static void lookalike_brand_free(void *value)
{
	struct lookalike_brand *brand = value;

	if (brand != NULL)
		free(brand->skeleton);
	free(brand);
}

/* lookalike_new - empty brand set and allow list */
struct lookalike *lookalike_new(void)
{
	struct lookalike *lk = calloc(1, sizeof(*lk));
	int failed = 0;

	if (lk == NULL)
		return NULL;
	lk->learn_max = LOOKALIKE_LEARN_MAX;
	lk->psl = psl_builtin();
	lk->cf = confusable_new();
	lk->brands = strmap_new(LOOKALIKE_EXPECTED);
	for (int i = 0; i < LK_MAPS; i++) {
		lk->map[i] = strmap_new(LOOKALIKE_EXPECTED);
		failed |= lk->map[i] == NULL;
	}
	lk->own = strmap_new(LOOKALIKE_EXPECTED);
	lk->allowed = strmap_new(LOOKALIKE_EXPECTED);
	if (failed || lk->psl == NULL || lk->cf == NULL || lk->brands == NULL
	    || lk->own == NULL || lk->allowed == NULL
	    || lookfilter_init(&lk->filter) < 0) {
		lookalike_free(lk);
		return NULL;
	}
	return lk;
}

/* lookalike_free - release the index and its brands */
void lookalike_free(struct lookalike *lk)
{
	if (lk == NULL)
		return;
	for (int i = 0; i < LK_MAPS; i++)
		strmap_free(lk->map[i], i == LK_DELETIONS
				     || i == LK_SKEL_DELETIONS
				     ? lookalike_near_free : NULL);
	strmap_free(lk->own, NULL);
	strmap_free(lk->allowed, NULL);
	strmap_free(lk->brands, lookalike_brand_free);
	confusable_free(lk->cf);
	lookfilter_free(&lk->filter);
	free(lk);
}

/* lookalike_brand_count - brands known */
size_t lookalike_brand_count(const struct lookalike *lk)
{
	return lk != NULL ? strmap_count(lk->brands) : 0;
}

/* lookalike_index_first - key -> brand unless an earlier brand has it */
static int lookalike_index_first(struct lookalike *lk, int which,
				 const char *key,
				 const struct lookalike_brand *brand)
{
	if (strmap_get(lk->map[which], key) != NULL)
		return 0;
	if (strmap_put(lk->map[which], key, (void *) brand, NULL) < 0)
		return -1;
	return lookfilter_add(&lk->filter, key, lk->map, LK_MAPS);
}

/* lookalike_index_near - variant -> brand's near list, newest first */
static int lookalike_index_near(struct lookalike *lk, int which,
				const char *variant,
				const struct lookalike_brand *brand)
{
	struct lookalike_near *near = malloc(sizeof(*near));

	if (near == NULL)
		return -1;
	near->brand = brand;
	near->next = strmap_get(lk->map[which], variant);
	if (strmap_put(lk->map[which], variant, near, NULL) < 0) {
		free(near);
		return -1;
	}
	if (near->next == NULL
	    && lookfilter_add(&lk->filter, variant, lk->map, LK_MAPS) < 0)
		return -1;
	return 0;
}

/* lookalike_index_deletions - each distinct one-deletion variant of
 * key[0..len) -> the brand, in index which */
static int lookalike_index_deletions(struct lookalike *lk, int which,
				     const char *key, size_t len,
				     const struct lookalike_brand *brand)
{
	char variant[CONFUSABLE_MAX + 1];

	for (size_t i = 0; i < len; i++) {
		/* Deleting any letter of a run gives the same variant. */
		if (i > 0 && key[i] == key[i - 1])
			continue;
		memcpy(variant, key, i);
		memcpy(variant + i, key + i + 1, len - i - 1);
		variant[len - 1] = '\0';
		if (lookalike_index_near(lk, which, variant, brand) < 0)
			return -1;
	}
	return 0;
}

/* lookalike_index_shorts - a short label with a letter doubled or two
 * adjacent letters swapped -> brand */
static int lookalike_index_shorts(struct lookalike *lk,
				  const struct lookalike_brand *brand)
{
	const char *label = brand->domain;
	size_t len = brand->label_len;
	char variant[HOSTNAME_LABEL_MAX + 2];

	for (size_t i = 0; i < len; i++) {
		memcpy(variant, label, i + 1);
		memcpy(variant + i + 1, label + i, len - i);
		variant[len + 1] = '\0';
		if (lookalike_index_first(lk, LK_SHORTS, variant, brand) < 0)
			return -1;
		if (i + 1 == len || label[i] == label[i + 1])
			continue;
		memcpy(variant, label, len);
		variant[i] = label[i + 1];
		variant[i + 1] = label[i];
		variant[len] = '\0';
		if (lookalike_index_first(lk, LK_SHORTS, variant, brand) < 0)
			return -1;
	}
	return 0;
}

/* lookalike_is_narrow - a label that one edit turns into other names:
 * under 5 characters (ups: ubs, upa), or a keyword after one or two
 * letters (gmail: amail, 1mail, qmail are mail services of their own) */
static int lookalike_is_narrow(const char *label, size_t len)
{
	if (len < LOOKALIKE_TYPO_MIN)
		return 1;
	for (size_t core = 1; core < LOOKALIKE_SHORT_MIN; core++)
		if (combosquat_is_keyword(label + core, len - core))
			return 1;
	return 0;
}

/* lookalike_index - enter a new brand's label into every index */
static int lookalike_index(struct lookalike *lk, struct lookalike_brand *brand)
{
	char label[HOSTNAME_LABEL_MAX + 1];
	char skeleton[CONFUSABLE_MAX + 1];
	int n;

	memcpy(label, brand->domain, brand->label_len);
	label[brand->label_len] = '\0';
	if (lookalike_index_first(lk, LK_LABELS, label, brand) < 0)
		return -1;
	n = confusable_skeleton(lk->cf, label, brand->label_len, skeleton,
				NULL);
	if (n >= 0) {
		brand->skeleton = strdup(skeleton);
		brand->skeleton_len = (size_t) n;
		if (brand->skeleton == NULL
		    || lookalike_index_first(lk, LK_SKELETONS, skeleton,
					     brand) < 0
		    || lookalike_index_deletions(lk, LK_SKEL_DELETIONS,
						 skeleton, (size_t) n,
						 brand) < 0)
			return -1;
	}
	brand->narrow = lookalike_is_narrow(label, brand->label_len);
	if (brand->narrow)
		return lookalike_index_shorts(lk, brand);
	return lookalike_index_deletions(lk, LK_DELETIONS, label,
					 brand->label_len, brand);
}

/* lookalike_insert - a validated registrable domain as a new brand:
 * 1, or 0 when it is one already, -1 ENOMEM */
static int lookalike_insert(struct lookalike *lk, const char *domain)
{
	size_t len = strlen(domain);
	struct lookalike_brand *brand;

	if (strmap_get(lk->brands, domain) != NULL)
		return 0;
	brand = calloc(1, sizeof(*brand) + len + 1);
	if (brand == NULL)
		goto fail;
	memcpy(brand->domain, domain, len + 1);
	brand->label_len = (size_t) (strchr(domain, '.') - domain);
	brand->ordinal = lk->next_ordinal++;
	if (strmap_put(lk->brands, brand->domain, brand, NULL) < 0) {
		free(brand);
		goto fail;
	}
	if (lookalike_index(lk, brand) < 0)
		goto fail;
	return 1;
fail:
	errno = ENOMEM;
	return -1;
}

/* lookalike_judge - validate and lower-case name into host */
enum lookalike_verdict lookalike_judge(const struct lookalike *lk,
				       const char *name,
				       char host[HOSTNAME_MAX + 1],
				       const char **reg)
{
	*reg = NULL;
	if (lk == NULL || name == NULL
	    || hostname_normalize(name, strnlen(name, HOSTNAME_MAX + 2), host)
	       != HOST_OK)
		return LOOKALIKE_NOT_HOST;
	*reg = psl_registrable_domain(lk->psl, host);
	if (*reg == NULL)
		return LOOKALIKE_SUFFIX;
	return *reg == host ? LOOKALIKE_REGISTRABLE : LOOKALIKE_BELOW;
}

/* lookalike_add_brand - a brand from the administrator */
int lookalike_add_brand(struct lookalike *lk, const char *domain)
{
	char host[HOSTNAME_MAX + 1];
	const char *reg;

	if (lookalike_judge(lk, domain, host, &reg) != LOOKALIKE_REGISTRABLE) {
		errno = EINVAL;
		return -1;
	}
	return lookalike_insert(lk, host);
}

/* lookalike_add_own - domain belongs to brand's family */
int lookalike_add_own(struct lookalike *lk, const char *brand,
		      const char *domain)
{
	char host[HOSTNAME_MAX + 1];
	const char *reg;
	struct lookalike_brand *b;

	if (lookalike_judge(lk, domain, host, &reg) != LOOKALIKE_REGISTRABLE
	    || (b = strmap_get(lk->brands, brand)) == NULL) {
		errno = EINVAL;
		return -1;
	}
	if (strmap_get(lk->own, host) != NULL)
		return 0;
	if (strmap_put(lk->own, host, b, NULL) < 0) {
		errno = ENOMEM;
		return -1;
	}
	return 1;
}

/* lookalike_set_word - brand's label is a common word: narrow typos */
int lookalike_set_word(struct lookalike *lk, const char *brand)
{
	struct lookalike_brand *b = lk != NULL ? strmap_get(lk->brands, brand)
					       : NULL;
	int was_narrow;

	if (b == NULL) {
		errno = EINVAL;
		return -1;
	}
	was_narrow = b->narrow;
	b->word = 1;
	b->narrow = 1;
	if (!was_narrow && lookalike_index_shorts(lk, b) < 0) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

/* lookalike_own_cc - brand owns its label under every ccTLD */
int lookalike_own_cc(struct lookalike *lk, const char *brand)
{
	struct lookalike_brand *b = lk != NULL ? strmap_get(lk->brands, brand)
					       : NULL;

	if (b == NULL) {
		errno = EINVAL;
		return -1;
	}
	b->any_cc = 1;
	return 0;
}

/* lookalike_one_edit - a and b are one insertion, deletion, substitution
 * or adjacent transposition apart (optimal string alignment distance 1) */
static int lookalike_one_edit(const char *a, size_t alen, const char *b,
			      size_t blen)
{
	size_t i = 0;

	if (alen < blen)
		return lookalike_one_edit(b, blen, a, alen);
	if (alen - blen > 1)
		return 0;
	while (i < blen && a[i] == b[i])
		i++;
	if (alen > blen)	/* a[i] inserted */
		return memcmp(a + i + 1, b + i, blen - i) == 0;
	if (i == alen)		/* equal */
		return 0;
	if (memcmp(a + i + 1, b + i + 1, alen - i - 1) == 0)
		return 1;	/* a[i] substituted */
	return i + 1 < alen && a[i] == b[i + 1] && a[i + 1] == b[i]
	       && memcmp(a + i + 2, b + i + 2, alen - i - 2) == 0;
}

/* How a one-edit search compares: raw labels or skeletons. */
struct lookalike_edit {
	int exact;		/* index of whole keys */
	int deletions;		/* index of one-deletion variants */
	int skeleton;		/* compare skeletons, not labels */
	size_t min_len;		/* brand labels shorter are not matched */
	int same_len_short;	/* short brands: substitution only */
};

/* lookalike_better - candidate when it is one edit from key and earlier
 * than best, else best */
static const struct lookalike_brand *
lookalike_better(const struct lookalike_edit *how,
		 const struct lookalike_brand *best,
		 const struct lookalike_brand *candidate, const char *key,
		 size_t len)
{
	const char *other;
	size_t other_len;

	if (candidate == NULL || candidate->label_len < how->min_len
	    || (!how->skeleton && candidate->narrow)
	    || (best != NULL && best->ordinal < candidate->ordinal))
		return best;
	other = how->skeleton ? candidate->skeleton : candidate->domain;
	other_len = how->skeleton ? candidate->skeleton_len
				  : candidate->label_len;
	if (other == NULL || (how->same_len_short && other_len != len
			      && candidate->narrow))
		return best;
	return lookalike_one_edit(key, len, other, other_len) ? candidate
							      : best;
}

/* lookalike_nearest - the best of best and a near list's brands */
static const struct lookalike_brand *
lookalike_nearest(const struct lookalike_edit *how,
		  const struct lookalike_brand *best,
		  const struct lookalike_near *near, const char *key,
		  size_t len)
{
	for (; near != NULL; near = near->next)
		best = lookalike_better(how, best, near->brand, key, len);
	return best;
}

/* lookalike_get - the value of key[0..len) (hash h) in label index
 * which; the filter is asked first, the map only when it may be there */
static void *lookalike_get(const struct lookalike *lk, int which,
			   const char *key, size_t len, uint64_t h)
{
	return lookfilter_maybe(&lk->filter, h)
	       ? strmap_getn(lk->map[which], key, len) : NULL;
}

/* lookalike_search - the earliest brand one edit from key[0..len): key
 * and each of its deletions looked up (symmetric deletion) */
static const struct lookalike_brand *
lookalike_search(const struct lookalike *lk, const struct lookalike_edit *how,
		 const char *key, size_t len)
{
	uint64_t hashes[LOOKFILTER_KEY_MAX];
	char variant[LOOKFILTER_KEY_MAX];
	const struct lookalike_brand *best;

	if (len < 2 || len > LOOKFILTER_KEY_MAX)
		return NULL;
	/* A letter left out: marriot. */
	best = lookalike_nearest(how, NULL,
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
		best = lookalike_better(how, best,
					strmap_getn(lk->map[how->exact],
						    variant, len - 1),
					key, len);
		best = lookalike_nearest(how, best,
					 strmap_getn(lk->map[how->deletions],
						     variant, len - 1),
					 key, len);
	}
	return best;
}

/* lookalike_label - label[0..len) as a brand label of 3 or more */
static const struct lookalike_brand *
lookalike_label(const struct lookalike *lk, const char *s, size_t len)
{
	const struct lookalike_brand *brand;

	brand = lookalike_get(lk, LK_LABELS, s, len, lookfilter_hash(s, len));
	return brand != NULL && brand->label_len >= LOOKALIKE_SHORT_MIN
	       ? brand : NULL;
}

/* lookalike_combo_label - lookalike_label() as a combosquat_find_fn */
static const void *lookalike_combo_label(const void *ctx, const char *s,
					 size_t len, int *distinct)
{
	const struct lookalike_brand *brand = lookalike_label(ctx, s, len);

	*distinct = brand != NULL && !brand->word
		    && len >= COMBOSQUAT_ANY_WORD_MIN;
	return brand;
}

/* lookalike_tld_swap - the brand label itself under another suffix */
static const struct lookalike_brand *
lookalike_tld_swap(const struct lookalike *lk, const char *label, size_t len)
{
	return lookalike_label(lk, label, len);
}

/* Mail affixes around a brand label, longest first so that
 * linkedin-email is cut at "-email", not "mail". */
static const struct lookalike_affix {
	const char *text;
	size_t len;
	int before;		/* 1: "mail-linkedin"; 0: "linkedinmail" */
} lookalike_affixes[] = {
#define LOOKALIKE_AFFIX(text, before) { text, sizeof(text) - 1, before }
	LOOKALIKE_AFFIX("-email", 0),
	LOOKALIKE_AFFIX("email-", 1),
	LOOKALIKE_AFFIX("email", 0),
	LOOKALIKE_AFFIX("-mail", 0),
	LOOKALIKE_AFFIX("mail-", 1),
	LOOKALIKE_AFFIX("mail", 0),
#undef LOOKALIKE_AFFIX
};

/* lookalike_affix - the brand label with a mail affix, any suffix */
static const struct lookalike_brand *
lookalike_affix(const struct lookalike *lk, const char *label, size_t len)
{
	for (size_t i = 0; i < LOOKALIKE_COUNT(lookalike_affixes); i++) {
		const struct lookalike_affix *affix = &lookalike_affixes[i];
		const char *rest = affix->before ? label + affix->len : label;
		size_t rest_len = len - affix->len;
		const char *at;
		const struct lookalike_brand *brand;

		if (len < affix->len + LOOKALIKE_SHORT_MIN)
			continue;
		at = affix->before ? label : label + rest_len;
		if (memcmp(at, affix->text, affix->len) != 0)
			continue;
		brand = lookalike_label(lk, rest, rest_len);
		if (brand != NULL)
			return brand;
	}
	return NULL;
}

/* lookalike_combo - the brand label with words of the lure around it */
static const struct lookalike_brand *
lookalike_combo(const struct lookalike *lk, const char *label, size_t len)
{
	if (len > 4 && memcmp(label, "xn--", 4) == 0)
		return NULL;
	return combosquat_find(label, len, lookalike_combo_label, lk);
}

/* lookalike_mask - key with every non-ASCII character as one '*' byte,
 * so that a letter no table folds is one edit, not a byte run; length */
static size_t lookalike_mask(const char *key, size_t len, char *out)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char) key[i];

		if (c < 0x80)
			out[n++] = (char) c;
		else if (c >= 0xC0)
			out[n++] = '*';
	}
	out[n] = '\0';
	return n;
}

/* lookalike_homoglyph - a label with a brand label's skeleton, or an IDN
 * label one edit from one once both are folded */
static const struct lookalike_brand *
lookalike_homoglyph(const struct lookalike *lk, const char *label, size_t len)
{
	static const struct lookalike_edit how = {
		LK_SKELETONS, LK_SKEL_DELETIONS, 1, LOOKALIKE_SHORT_MIN, 1
	};
	char sk[CONFUSABLE_MAX + 1];
	char masked[CONFUSABLE_MAX + 1];
	int flags;
	int n = confusable_skeleton(lk->cf, label, len, sk, &flags);
	const struct lookalike_brand *brand;

	if (n < 0)
		return NULL;
	brand = lookalike_get(lk, LK_SKELETONS, sk, (size_t) n,
			      lookfilter_hash(sk, (size_t) n));
	if (brand != NULL && !(brand->label_len == len
			       && memcmp(brand->domain, label, len) == 0))
		return brand;
	if (!(flags & CONFUSABLE_IDN))
		return NULL;
	return lookalike_search(lk, &how, masked,
				lookalike_mask(sk, (size_t) n, masked));
}

/* lookalike_typo - one edit from a brand label of 5 or more (the sender's
 * 4 or more); for narrow brand labels a doubled letter or a swap */
static const struct lookalike_brand *
lookalike_typo(const struct lookalike *lk, const char *label, size_t len)
{
	static const struct lookalike_edit how = {
		LK_LABELS, LK_DELETIONS, 0, LOOKALIKE_TYPO_MIN, 0
	};
	const struct lookalike_brand *brand;

	brand = lookalike_get(lk, LK_SHORTS, label, len,
			      lookfilter_hash(label, len));
	if (brand != NULL && brand->label_len >= LOOKALIKE_SHORT_MIN)
		return brand;
	/* A 4-letter sender is a 5-letter brand with a letter left out. */
	if (len + 1 < LOOKALIKE_TYPO_MIN)
		return NULL;
	return lookalike_search(lk, &how, label, len);
}

/* The rules in order of priority: the first match decides. */
static const struct lookalike_rule {
	const char *name;
	lookalike_rule_fn match;
} lookalike_rules[] = {
	{"lookalike:tld-swap", lookalike_tld_swap},
	{"lookalike:affix-mail", lookalike_affix},
	{"lookalike:combo", lookalike_combo},
	{"lookalike:homoglyph", lookalike_homoglyph},
	{"lookalike:typo", lookalike_typo},
};

/* lookalike_variant - the brand a registrable domain that is no brand
 * imitates, and *rule the rule's name; NULL when none */
static const struct lookalike_brand *
lookalike_variant(const struct lookalike *lk, const char *reg,
		  const char **rule)
{
	const char *dot = strchr(reg, '.');

	if (dot == NULL)
		return NULL;
	for (size_t i = 0; i < LOOKALIKE_COUNT(lookalike_rules); i++) {
		const struct lookalike_brand *brand;

		brand = lookalike_rules[i].match(lk, reg, (size_t) (dot - reg));
		if (brand != NULL) {
			*rule = lookalike_rules[i].name;
			return brand;
		}
	}
	return NULL;
}

/* lookalike_set_learn_max - learned brands kept at most */
void lookalike_set_learn_max(struct lookalike *lk, size_t max)
{
	if (lk != NULL)
		lk->learn_max = max;
}

/* lookalike_learn_refused - learned brands refused since the cap */
size_t lookalike_learn_refused(const struct lookalike *lk)
{
	return lk != NULL ? lk->learn_refused : 0;
}

/* lookalike_learn_brand - a brand learned from the store */
int lookalike_learn_brand(struct lookalike *lk, const char *domain)
{
	char host[HOSTNAME_MAX + 1];
	const char *reg;
	const char *rule;
	int added;

	if (lookalike_judge(lk, domain, host, &reg) != LOOKALIKE_REGISTRABLE) {
		errno = EINVAL;
		return -1;
	}
	if (strmap_get(lk->brands, host) != NULL
	    || strmap_get(lk->own, host) != NULL || lookalike_cc_own(lk, host)
	    || lookalike_variant(lk, host, &rule) != NULL)
		return 0;
	if (lk->learned >= lk->learn_max) {
		if (lk->learn_refused++ == 0)
			msg_warn("%zu brands learned from campaigns, the most "
				 "kept (--max-learned-brands): %s and later "
				 "ones are not learned", lk->learn_max, host);
		return 0;
	}
	added = lookalike_insert(lk, host);
	if (added > 0)
		lk->learned++;
	return added;
}

/* lookalike_cc_own - reg is a brand's label under a country-code
 * suffix and the brand owns its label under all of them */
static int lookalike_cc_own(const struct lookalike *lk, const char *reg)
{
	const char *tld = strrchr(reg, '.') + 1;
	size_t label_len = strcspn(reg, ".");
	const struct lookalike_brand *brand;

	if (strlen(tld) != 2 || tld[0] < 'a' || tld[0] > 'z'
	    || tld[1] < 'a' || tld[1] > 'z')
		return 0;
	brand = lookalike_get(lk, LK_LABELS, reg, label_len,
			      lookfilter_hash(reg, label_len));
	return brand != NULL && brand->any_cc;
}

/* lookalike_own - host or one of its parents down to its registrable
 * domain reg (a pointer into host) is allowed, or reg is a family's */
static int lookalike_own(const struct lookalike *lk, const char *host,
			 const char *reg)
{
	if (strmap_get(lk->brands, reg) != NULL
	    || strmap_get(lk->own, reg) != NULL || lookalike_cc_own(lk, reg))
		return 1;
	if (strmap_count(lk->allowed) == 0)
		return 0;
	for (const char *d = host; d != NULL; d = hostname_parent(d)) {
		if (strmap_get(lk->allowed, d) != NULL)
			return 1;
		if (d == reg)
			break;
	}
	return 0;
}

/* lookalike_owned - host is at or below a brand, a family domain or an
 * allowed domain */
int lookalike_owned(const struct lookalike *lk, const char *host)
{
	const char *reg;

	if (lk == NULL || host == NULL
	    || strnlen(host, HOSTNAME_MAX + 1) > HOSTNAME_MAX)
		return 0;
	reg = psl_registrable_domain(lk->psl, host);
	return reg != NULL && lookalike_own(lk, host, reg);
}

/* lookalike_check - does host's registrable domain imitate a brand? */
int lookalike_check(const struct lookalike *lk, const char *host,
		    struct detection *out)
{
	const struct lookalike_brand *brand;
	const char *reg;
	const char *rule = NULL;

	if (lk == NULL || host == NULL || out == NULL
	    || strmap_count(lk->brands) == 0
	    || strnlen(host, HOSTNAME_MAX + 1) > HOSTNAME_MAX)
		return 0;
	reg = psl_registrable_domain(lk->psl, host);
	if (reg == NULL || lookalike_own(lk, host, reg))
		return 0;
	brand = lookalike_variant(lk, reg, &rule);
	if (brand == NULL)
		return 0;
	memcpy(out->phished_domain, brand->domain, strlen(brand->domain) + 1);
	memcpy(out->registrable, reg, strlen(reg) + 1);
	snprintf(out->rule, sizeof(out->rule), "%s", rule);
	return 1;
}

/* lookalike_allow - never report domain or hosts below it */
int lookalike_allow(struct lookalike *lk, const char *domain)
{
	char host[HOSTNAME_MAX + 1];
	const char *reg;
	enum lookalike_verdict verdict = lookalike_judge(lk, domain, host, &reg);

	if (verdict != LOOKALIKE_REGISTRABLE && verdict != LOOKALIKE_BELOW) {
		errno = EINVAL;
		return -1;
	}
	if (strmap_get(lk->allowed, host) != NULL)
		return 0;
	if (strmap_put(lk->allowed, host, lk, NULL) < 0) {
		errno = ENOMEM;
		return -1;
	}
	return 1;
}
