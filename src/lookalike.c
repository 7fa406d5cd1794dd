/*
 * NAME
 *	lookalike - sender domains that imitate a brand's registrable domain
 * SUMMARY
 *	tld-swap, affix-mail, homoglyph and typo variants of known brands,
 *	found in O(label length) hash lookups whatever the number of brands.
 * DESCRIPTION
 *	A brand is a registrable domain, linkedin.com; its label is the
 *	part before the public suffix, linkedin.  A sender is judged by the
 *	first label of its registrable domain (libpsl's built-in list), so
 *	linkedin-mail.net and bounce.linkedin-mail.net are one lookalike.
 *	Each rule looks up a string derived from the sender's label in an
 *	index built from the brand labels when a brand is added:
 *
 *	labels		brand label -> brand.  tld-swap looks up the
 *			sender's label (its registrable domain is no brand,
 *			so the suffix differs); affix-mail looks it up with
 *			a "mail" affix cut off.
 *	skeletons	brand label skeleton -> brand.  A skeleton is a
 *			label with its look-alike letters made one: IDN
 *			labels decoded (libidn2) and their confusable
 *			letters mapped to ASCII, then rn -> m, vv -> w,
 *			0 -> o, 1 and i -> l.  rnarriott and marriott share
 *			"marrlott".
 *	deletions	every label made by deleting one character from a
 *			brand label of 5 or more -> the brands it comes
 *			from.  Two labels are one edit apart only if one is
 *			a deletion of the other, or both share a deletion
 *			(symmetric deletion), so the sender's label and its
 *			own deletions are looked up: 2n + 1 lookups for n
 *			characters.  Each candidate is then verified with an
 *			exact one-edit test (optimal string alignment).
 *
 *	Most of a line's candidate strings are in no index.  A Bloom filter
 *	of every key of the three indexes (16 bits a key, both bits of a
 *	key in one 64-bit word) says so in one probe, and the maps are
 *	consulted only for what passes it.  For 10,000 brands the filter
 *	takes 256 KiB and stays in cache where the maps (megabytes) do not:
 *	without it a check cost about 2x more with 10,000 brands than with
 *	one, with it under 10% more (bench/lookalike-bench.c).  The filter
 *	hashes of all n deletions of a label come from prefix and suffix
 *	hashes in O(n), not O(n^2).
 *
 *	Priorities: tld-swap, affix-mail, homoglyph, typo.  The exact-label
 *	rules come first because they are certain; a homoglyph explains a
 *	label better than a typo does (1inkedin is one substitution too);
 *	typo, the loosest, comes last.  Within a rule the brand added first
 *	wins (ordinal), so a --brands file loaded first outranks learned
 *	brands and the answer never depends on hash order.
 *
 *	False alarms are kept down by: the brand's own registrable domain
 *	and its subdomains never match; the allow list (a host at or below
 *	an allowed domain never matches); tld-swap and affix-mail only for
 *	brand labels of 3 or more characters (two-letter names are
 *	registered by unrelated owners under most suffixes, and gmail,
 *	ymail, qqmail are mail services of their own); typo only when both
 *	labels have 5 or more characters; a learned brand that is itself a
 *	lookalike of a known brand is not learned.
 *
 *	Brands are never removed: a reload builds a new index.
 * DIAGNOSTICS
 *	lookalike_load_brands() and lookalike_load_allow() warn "file:line:
 *	reason; line skipped" about each line they skip (too long, control
 *	or non-ASCII bytes, more than one word, not a hostname, a public
 *	suffix, not a registrable domain) and count it; items are quoted
 *	bounded, and only after control bytes were ruled out.  A file that
 *	cannot be read is the caller's error (-1, errno).
 */
#include <errno.h>
#include <idn2.h>
#include <libpsl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lookalike.h"
#include "msg.h"
#include "strmap.h"
#include "textfile.h"

/* Both labels at least this long before one edit counts (walmart: 7). */
#define LOOKALIKE_TYPO_MIN 5
/* Brand labels shorter than this are matched only as homoglyphs. */
#define LOOKALIKE_SHORT_MIN 3
/* A brand or allow file line: one domain and a comment. */
#define LOOKALIKE_LINE_MAX 1024
/* Untrusted text in warnings is cut to this many bytes. */
#define LOOKALIKE_QUOTE_MAX 100
/* Sites list tens of brands; the maps grow when there are more. */
#define LOOKALIKE_EXPECTED 64
/* Prefix of an IDNA A-label (RFC 5890). */
#define LOOKALIKE_ACE_PREFIX "xn--"
#define LOOKALIKE_ACE_LEN (sizeof(LOOKALIKE_ACE_PREFIX) - 1)

/* Filter: 16 bits per key keeps false positives near 2%. */
#define LOOKALIKE_FILTER_KEYS_PER_WORD 4
#define LOOKALIKE_FILTER_MIN_WORDS 16
/* Polynomial hash base (odd) and the length mixed into the hash. */
#define LOOKALIKE_HASH_BASE 0x100000001b3ULL
#define LOOKALIKE_HASH_LENGTH 0x9e3779b97f4a7c15ULL

#define LOOKALIKE_COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct lookalike_brand {
	unsigned long ordinal;	/* order of addition: earlier wins ties */
	size_t label_len;	/* length of the first label of domain */
	char domain[];		/* registrable domain, lower case */
};

/* One brand that a deletion variant comes from. */
struct lookalike_near {
	const struct lookalike_brand *brand;
	struct lookalike_near *next;
};

/*
 * A Bloom filter of every key of labels, skeletons and deletions: most
 * of a line's 2n + 10 candidate strings are in no index, and one probe
 * of a small bit array says so without touching the large hash maps,
 * whose cache misses would otherwise make a check slower as brands grow.
 * Blocked: both bits of a key lie in one 64-bit word.
 */
struct lookalike_filter {
	uint64_t *words;
	size_t mask;			/* words - 1; words a power of two */
	size_t keys;			/* keys set since the last rebuild */
};

struct lookalike {
	const psl_ctx_t *psl;		/* built in to libpsl, never freed */
	struct strmap *brands;		/* domain -> lookalike_brand (owned) */
	struct strmap *labels;		/* brand label -> first brand */
	struct strmap *skeletons;	/* label skeleton -> first brand */
	struct strmap *deletions;	/* label minus one char -> near list */
	struct strmap *allowed;		/* allowed domain -> lk (a member) */
	struct lookalike_filter filter;	/* keys of the three label indexes */
	unsigned long next_ordinal;
};

/* What a brand or allow item is, for errors and warnings. */
enum lookalike_verdict {
	LOOKALIKE_REGISTRABLE,	/* a registrable domain */
	LOOKALIKE_BELOW,	/* a host below its registrable domain */
	LOOKALIKE_SUFFIX,	/* a public suffix: nobody's domain */
	LOOKALIKE_NOT_HOST	/* not a valid hostname */
};

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

/* lookalike_new - empty brand set and allow list */
struct lookalike *lookalike_new(void)
{
	struct lookalike *lk = calloc(1, sizeof(*lk));

	if (lk == NULL)
		return NULL;
	lk->psl = psl_builtin();
	if (lk->psl == NULL)
		goto fail;
	lk->brands = strmap_new(LOOKALIKE_EXPECTED);
	lk->labels = strmap_new(LOOKALIKE_EXPECTED);
	lk->skeletons = strmap_new(LOOKALIKE_EXPECTED);
	lk->deletions = strmap_new(LOOKALIKE_EXPECTED * 8);
	lk->allowed = strmap_new(LOOKALIKE_EXPECTED);
	lk->filter.words = calloc(LOOKALIKE_FILTER_MIN_WORDS,
				  sizeof(*lk->filter.words));
	lk->filter.mask = LOOKALIKE_FILTER_MIN_WORDS - 1;
	if (lk->brands == NULL || lk->labels == NULL || lk->skeletons == NULL
	    || lk->deletions == NULL || lk->allowed == NULL
	    || lk->filter.words == NULL)
		goto fail;
	return lk;
fail:
	lookalike_free(lk);
	return NULL;
}

/* lookalike_free - release the index and its brands */
void lookalike_free(struct lookalike *lk)
{
	if (lk == NULL)
		return;
	strmap_free(lk->labels, NULL);
	strmap_free(lk->skeletons, NULL);
	strmap_free(lk->deletions, lookalike_near_free);
	strmap_free(lk->allowed, NULL);
	strmap_free(lk->brands, free);
	free(lk->filter.words);
	free(lk);
}

/* lookalike_brand_count - brands known */
size_t lookalike_brand_count(const struct lookalike *lk)
{
	return lk != NULL ? strmap_count(lk->brands) : 0;
}

/* lookalike_finish - a polynomial hash of a len-byte string, mixed
 * (splitmix64's finalizer) so that every bit depends on every byte */
static uint64_t lookalike_finish(uint64_t h, size_t len)
{
	h ^= (uint64_t) len * LOOKALIKE_HASH_LENGTH;
	h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
	h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
	return h ^ (h >> 31);
}

/* lookalike_hash - the filter hash of s[0..len) */
static uint64_t lookalike_hash(const char *s, size_t len)
{
	uint64_t h = 0;

	for (size_t i = 0; i < len; i++)
		h = h * LOOKALIKE_HASH_BASE + (unsigned char) s[i];
	return lookalike_finish(h, len);
}

/* lookalike_deletion_hashes - out[i] = lookalike_hash() of s without
 * s[i], for every i, in O(len) instead of O(len^2): the hash of a
 * deletion is the prefix's hash shifted up by the suffix's length plus
 * the suffix's hash */
static void lookalike_deletion_hashes(const char *s, size_t len,
				      uint64_t out[HOSTNAME_LABEL_MAX])
{
	uint64_t power[HOSTNAME_LABEL_MAX + 1];
	uint64_t suffix[HOSTNAME_LABEL_MAX + 1];
	uint64_t prefix = 0;

	power[0] = 1;
	for (size_t i = 1; i <= len; i++)
		power[i] = power[i - 1] * LOOKALIKE_HASH_BASE;
	suffix[len] = 0;
	for (size_t i = len; i-- > 0;)
		suffix[i] = suffix[i + 1]
			    + (unsigned char) s[i] * power[len - 1 - i];
	for (size_t i = 0; i < len; i++) {
		out[i] = lookalike_finish(prefix * power[len - 1 - i]
					  + suffix[i + 1], len - 1);
		prefix = prefix * LOOKALIKE_HASH_BASE + (unsigned char) s[i];
	}
}

/* lookalike_filter_bits - the two bits of hash h in its word */
static uint64_t lookalike_filter_bits(uint64_t h)
{
	return (1ULL << ((h >> 52) & 63)) | (1ULL << ((h >> 58) & 63));
}

/* lookalike_maybe - 0 when the key of hash h is in no label index */
static int lookalike_maybe(const struct lookalike *lk, uint64_t h)
{
	uint64_t bits = lookalike_filter_bits(h);

	return (lk->filter.words[h & lk->filter.mask] & bits) == bits;
}

/* lookalike_filter_set - set the bits of one key (a strmap_walk fn) */
static void lookalike_filter_set(const char *key, void *value, void *ctx)
{
	struct lookalike_filter *filter = ctx;
	uint64_t h = lookalike_hash(key, strlen(key));

	(void) value;
	filter->words[h & filter->mask] |= lookalike_filter_bits(h);
	filter->keys++;
}

/* lookalike_filter_grow - twice the words, every index key set again */
static int lookalike_filter_grow(struct lookalike *lk)
{
	size_t words = (lk->filter.mask + 1) * 2;
	struct lookalike_filter bigger = { NULL, words - 1, 0 };

	bigger.words = calloc(words, sizeof(*bigger.words));
	if (bigger.words == NULL)
		return -1;
	strmap_walk(lk->labels, lookalike_filter_set, &bigger);
	strmap_walk(lk->skeletons, lookalike_filter_set, &bigger);
	strmap_walk(lk->deletions, lookalike_filter_set, &bigger);
	free(lk->filter.words);
	lk->filter = bigger;
	return 0;
}

/* lookalike_filter_add - a key just entered into a label index */
static int lookalike_filter_add(struct lookalike *lk, const char *key)
{
	if (lk->filter.keys >= (lk->filter.mask + 1)
			       * LOOKALIKE_FILTER_KEYS_PER_WORD)
		return lookalike_filter_grow(lk);	/* key included */
	lookalike_filter_set(key, NULL, &lk->filter);
	return 0;
}

/*
 * Letters that look like an ASCII letter, as IDN labels use them to
 * imitate a brand; '.' stands for "none".  U+00C0..U+00FF (Latin-1) and
 * U+0100..U+017F (Latin Extended-A): accents dropped.
 */
static const char lookalike_latin1[] =
	"aaaaaa.ceeeeiiii" "dnooooo.ouuuuy.." "aaaaaa.ceeeeiiii"
	"dnooooo.ouuuuy.y";
static const char lookalike_latin_ext_a[] =
	"aaaaaaccccccccdd" "ddeeeeeeeeeegggg" "gggghhhhiiiiiiii"
	"ii..jjkkklllllll" "lllnnnnnnnnnoooo" "oo..rrrrrrssssss"
	"ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzf";

/* A letter of another script and the ASCII letter it looks like. */
struct lookalike_glyph {
	uint32_t code;
	char ascii;
};

/* Single confusables from other blocks, sorted by code point. */
static const struct lookalike_glyph lookalike_glyphs[] = {
	{0x0251, 'a'}, {0x0261, 'g'}, {0x0269, 'i'},		/* IPA */
	{0x03B1, 'a'}, {0x03B3, 'y'}, {0x03B9, 'i'}, {0x03BA, 'k'},
	{0x03BD, 'v'}, {0x03BF, 'o'}, {0x03C1, 'p'}, {0x03C5, 'u'},
	{0x03C7, 'x'}, {0x03C9, 'w'}, {0x03F2, 'c'}, {0x03F3, 'j'}, /* Greek */
	{0x0430, 'a'}, {0x0435, 'e'}, {0x043E, 'o'}, {0x0440, 'p'},
	{0x0441, 'c'}, {0x0443, 'y'}, {0x0445, 'x'}, {0x0455, 's'},
	{0x0456, 'i'}, {0x0457, 'i'}, {0x0458, 'j'}, {0x0461, 'w'},
	{0x0475, 'v'}, {0x04AF, 'y'}, {0x04BB, 'h'}, {0x04CF, 'l'},
	{0x0501, 'd'}, {0x051B, 'q'}, {0x051D, 'w'},		/* Cyrillic */
	{0x0570, 'h'}, {0x0575, 'j'}, {0x0578, 'n'}, {0x057D, 'u'},
	{0x0581, 'g'}, {0x0585, 'o'},				/* Armenian */
};

/* lookalike_glyph_cmp - bsearch order of lookalike_glyphs */
static int lookalike_glyph_cmp(const void *key, const void *member)
{
	const struct lookalike_glyph *glyph = member;
	uint32_t code = *(const uint32_t *) key;
	uint32_t other = glyph->code;

	return code < other ? -1 : code > other;
}

/* lookalike_fold_code - the ASCII letter a code point looks like, or 0 */
static char lookalike_fold_code(uint32_t code)
{
	const struct lookalike_glyph *glyph;
	char c;

	if ((code >= 'a' && code <= 'z') || (code >= '0' && code <= '9')
	    || code == '-')
		return (char) code;
	if (code >= 'A' && code <= 'Z')
		return (char) (code - 'A' + 'a');
	if (code >= 0xC0 && code <= 0xFF)
		c = lookalike_latin1[code - 0xC0];
	else if (code >= 0x100 && code <= 0x17F)
		c = lookalike_latin_ext_a[code - 0x100];
	else {
		glyph = bsearch(&code, lookalike_glyphs,
				LOOKALIKE_COUNT(lookalike_glyphs),
				sizeof(lookalike_glyphs[0]),
				lookalike_glyph_cmp);
		return glyph != NULL ? glyph->ascii : '\0';
	}
	return c == '.' ? '\0' : c;
}

/* lookalike_fold_idn - an xn-- label decoded, each letter replaced by
 * the ASCII letter it looks like, into out; its length, or -1 when it
 * does not decode or holds a letter like none */
static int lookalike_fold_idn(const char *label, size_t len,
			      char out[HOSTNAME_LABEL_MAX + 1])
{
	char ace[HOSTNAME_LABEL_MAX + 1];
	uint32_t *wide = NULL;
	int n = 0;

	if (len > HOSTNAME_LABEL_MAX)
		return -1;
	memcpy(ace, label, len);
	ace[len] = '\0';
	if (idn2_to_unicode_8z4z(ace, &wide, 0) != IDN2_OK || wide == NULL)
		goto fail;
	for (const uint32_t *code = wide; *code != 0; code++) {
		char c = lookalike_fold_code(*code);

		if (c == '\0' || n == HOSTNAME_LABEL_MAX)
			goto fail;
		out[n++] = c;
	}
	idn2_free(wide);
	return n;
fail:
	idn2_free(wide);
	return -1;
}

/* lookalike_skeleton - label with look-alike letters made one (rn -> m,
 * vv -> w, 0 -> o, 1 and i -> l; IDN decoded and folded) into out; its
 * length, or -1 */
static int lookalike_skeleton(const char *label, size_t len,
			      char out[HOSTNAME_LABEL_MAX + 1])
{
	char folded[HOSTNAME_LABEL_MAX + 1];
	int n = 0;

	if (len > HOSTNAME_LABEL_MAX)
		return -1;
	if (len > LOOKALIKE_ACE_LEN
	    && memcmp(label, LOOKALIKE_ACE_PREFIX, LOOKALIKE_ACE_LEN) == 0) {
		int folded_len = lookalike_fold_idn(label, len, folded);

		if (folded_len < 0)
			return -1;
		label = folded;
		len = (size_t) folded_len;
	}
	for (size_t i = 0; i < len; i++) {
		char c = label[i];
		char next = i + 1 < len ? label[i + 1] : '\0';

		if ((c == 'r' && next == 'n') || (c == 'v' && next == 'v')) {
			out[n++] = c == 'r' ? 'm' : 'w';
			i++;
		} else if (c == '0')
			out[n++] = 'o';
		else
			out[n++] = c == '1' || c == 'i' ? 'l' : c;
	}
	out[n] = '\0';
	return n;
}

/* lookalike_index_first - key -> brand unless an earlier brand has it */
static int lookalike_index_first(struct lookalike *lk, struct strmap *map,
				 const char *key,
				 const struct lookalike_brand *brand)
{
	if (strmap_get(map, key) != NULL)
		return 0;
	if (strmap_put(map, key, (void *) brand, NULL) < 0)
		return -1;
	return lookalike_filter_add(lk, key);
}

/* lookalike_index_deletions - each distinct one-deletion variant of a
 * long enough brand label -> its near list, newest brand at the head */
static int lookalike_index_deletions(struct lookalike *lk,
				     const struct lookalike_brand *brand)
{
	const char *label = brand->domain;
	size_t len = brand->label_len;
	char variant[HOSTNAME_LABEL_MAX];

	if (len < LOOKALIKE_TYPO_MIN)
		return 0;
	for (size_t i = 0; i < len; i++) {
		struct lookalike_near *near;

		/* Deleting any letter of a run gives the same variant. */
		if (i > 0 && label[i] == label[i - 1])
			continue;
		memcpy(variant, label, i);
		memcpy(variant + i, label + i + 1, len - i - 1);
		variant[len - 1] = '\0';
		near = malloc(sizeof(*near));
		if (near == NULL)
			return -1;
		near->brand = brand;
		near->next = strmap_get(lk->deletions, variant);
		if (strmap_put(lk->deletions, variant, near, NULL) < 0) {
			free(near);
			return -1;
		}
		if (near->next == NULL
		    && lookalike_filter_add(lk, variant) < 0)
			return -1;
	}
	return 0;
}

/* lookalike_index - enter a new brand's label into every index */
static int lookalike_index(struct lookalike *lk,
			   const struct lookalike_brand *brand)
{
	char label[HOSTNAME_LABEL_MAX + 1];
	char skeleton[HOSTNAME_LABEL_MAX + 1];
	int skeleton_len;

	memcpy(label, brand->domain, brand->label_len);
	label[brand->label_len] = '\0';
	if (lookalike_index_first(lk, lk->labels, label, brand) < 0)
		return -1;
	skeleton_len = lookalike_skeleton(label, brand->label_len, skeleton);
	if (skeleton_len >= 0
	    && lookalike_index_first(lk, lk->skeletons, skeleton, brand) < 0)
		return -1;
	return lookalike_index_deletions(lk, brand);
}

/* lookalike_insert - a validated registrable domain as a new brand:
 * 1, or 0 when it is one already, -1 ENOMEM */
static int lookalike_insert(struct lookalike *lk, const char *domain)
{
	size_t len = strlen(domain);
	struct lookalike_brand *brand;

	if (strmap_get(lk->brands, domain) != NULL)
		return 0;
	brand = malloc(sizeof(*brand) + len + 1);
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

/* lookalike_judge - validate and lower-case name into host; what it is
 * (*reg: its registrable domain, a pointer into host, or NULL) */
static enum lookalike_verdict lookalike_judge(const struct lookalike *lk,
					      const char *name,
					      char host[HOSTNAME_MAX + 1],
					      const char **reg)
{
	*reg = NULL;
	if (name == NULL
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

	if (lk == NULL
	    || lookalike_judge(lk, domain, host, &reg)
	       != LOOKALIKE_REGISTRABLE) {
		errno = EINVAL;
		return -1;
	}
	return lookalike_insert(lk, host);
}

/* lookalike_one_edit - a and b are one insertion, deletion, substitution
 * or adjacent transposition apart (optimal string alignment distance 1) */
static int lookalike_one_edit(const char *a, size_t alen, const char *b,
			      size_t blen)
{
	size_t i = 0;

	if (alen < blen) {
		const char *s = a;
		size_t n = alen;

		a = b;
		alen = blen;
		b = s;
		blen = n;
	}
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

/* lookalike_better - candidate when it is one edit from label and
 * earlier than best, else best */
static const struct lookalike_brand *
lookalike_better(const struct lookalike_brand *best,
		 const struct lookalike_brand *candidate, const char *label,
		 size_t len)
{
	if (candidate == NULL || candidate->label_len < LOOKALIKE_TYPO_MIN
	    || (best != NULL && best->ordinal < candidate->ordinal))
		return best;
	if (!lookalike_one_edit(label, len, candidate->domain,
				candidate->label_len))
		return best;
	return candidate;
}

/* lookalike_nearest - the best of best and a near list's brands */
static const struct lookalike_brand *
lookalike_nearest(const struct lookalike_brand *best,
		  const struct lookalike_near *near, const char *label,
		  size_t len)
{
	for (; near != NULL; near = near->next)
		best = lookalike_better(best, near->brand, label, len);
	return best;
}

/* lookalike_get - the value of key[0..len) (hash h) in one of the label
 * indexes; the filter is asked first, the map only when it may be there */
static void *lookalike_get(const struct lookalike *lk,
			   const struct strmap *map, const char *key,
			   size_t len, uint64_t h)
{
	return lookalike_maybe(lk, h) ? strmap_getn(map, key, len) : NULL;
}

/* lookalike_tld_swap - the brand label itself under another suffix */
static const struct lookalike_brand *
lookalike_tld_swap(const struct lookalike *lk, const char *label, size_t len)
{
	const struct lookalike_brand *brand;

	brand = lookalike_get(lk, lk->labels, label, len,
			      lookalike_hash(label, len));

	return brand != NULL && brand->label_len >= LOOKALIKE_SHORT_MIN
	       ? brand : NULL;
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
		brand = lookalike_get(lk, lk->labels, rest, rest_len,
				      lookalike_hash(rest, rest_len));
		if (brand != NULL)
			return brand;
	}
	return NULL;
}

/* lookalike_homoglyph - another label with a brand label's skeleton */
static const struct lookalike_brand *
lookalike_homoglyph(const struct lookalike *lk, const char *label, size_t len)
{
	char skeleton[HOSTNAME_LABEL_MAX + 1];
	int skeleton_len = lookalike_skeleton(label, len, skeleton);
	const struct lookalike_brand *brand;

	if (skeleton_len < 0)
		return NULL;
	brand = lookalike_get(lk, lk->skeletons, skeleton,
			      (size_t) skeleton_len,
			      lookalike_hash(skeleton, (size_t) skeleton_len));
	if (brand == NULL
	    || (brand->label_len == len && memcmp(brand->domain, label, len) == 0))
		return NULL;
	return brand;
}

/* lookalike_typo_at - best, or a brand one edit from label whose label
 * is label without label[i] (wallmart), or shares that deletion with
 * label (walnart, walmrat) */
static const struct lookalike_brand *
lookalike_typo_at(const struct lookalike *lk,
		  const struct lookalike_brand *best, const char *label,
		  size_t len, size_t i)
{
	char variant[HOSTNAME_LABEL_MAX];

	memcpy(variant, label, i);
	memcpy(variant + i, label + i + 1, len - i - 1);
	best = lookalike_better(best, strmap_getn(lk->labels, variant,
						  len - 1), label, len);
	return lookalike_nearest(best, strmap_getn(lk->deletions, variant,
						   len - 1), label, len);
}

/* lookalike_typo - one edit from a brand label, both 5 or longer; the
 * sender's label and each of its deletions looked up (symmetric delete) */
static const struct lookalike_brand *
lookalike_typo(const struct lookalike *lk, const char *label, size_t len)
{
	uint64_t hashes[HOSTNAME_LABEL_MAX];
	const struct lookalike_brand *best;

	if (len < LOOKALIKE_TYPO_MIN || len > HOSTNAME_LABEL_MAX)
		return NULL;
	/* A letter left out: marriot. */
	best = lookalike_nearest(NULL, lookalike_get(lk, lk->deletions, label,
						     len,
						     lookalike_hash(label, len)),
				 label, len);
	lookalike_deletion_hashes(label, len, hashes);
	for (size_t i = 0; i < len; i++) {
		/* Deleting any letter of a run gives the same variant. */
		if ((i > 0 && label[i] == label[i - 1])
		    || !lookalike_maybe(lk, hashes[i]))
			continue;
		best = lookalike_typo_at(lk, best, label, len, i);
	}
	return best;
}

/* The rules in order of priority: the first match decides. */
static const struct lookalike_rule {
	const char *name;
	lookalike_rule_fn match;
} lookalike_rules[] = {
	{"lookalike:tld-swap", lookalike_tld_swap},
	{"lookalike:affix-mail", lookalike_affix},
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

/* lookalike_learn_brand - a brand learned from the store */
int lookalike_learn_brand(struct lookalike *lk, const char *domain)
{
	char host[HOSTNAME_MAX + 1];
	const char *reg;
	const char *rule;

	if (lk == NULL
	    || lookalike_judge(lk, domain, host, &reg)
	       != LOOKALIKE_REGISTRABLE) {
		errno = EINVAL;
		return -1;
	}
	if (strmap_get(lk->brands, host) != NULL
	    || lookalike_variant(lk, host, &rule) != NULL)
		return 0;
	return lookalike_insert(lk, host);
}

/* lookalike_allowed - host or one of its parents down to its registrable
 * domain reg (a pointer into host) is on the allow list */
static int lookalike_allowed(const struct lookalike *lk, const char *host,
			     const char *reg)
{
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
	if (reg == NULL || strmap_get(lk->brands, reg) != NULL
	    || lookalike_allowed(lk, host, reg))
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
	enum lookalike_verdict verdict;

	verdict = lk != NULL ? lookalike_judge(lk, domain, host, &reg)
			     : LOOKALIKE_NOT_HOST;
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


/* What a list file holds: validate and add one item; -1 only ENOMEM. */
typedef int (*lookalike_item_fn)(struct lookalike *lk,
				 struct textfile_where *src,
				 const char *item);

/* lookalike_host_warn - warn about an item that is no usable host */
static void lookalike_host_warn(struct textfile_where *src,
				enum lookalike_verdict verdict,
				const char *item, const char *host)
{
	if (verdict == LOOKALIKE_NOT_HOST)
		textfile_warn(src, "\"%.*s\" is not a hostname",
			       LOOKALIKE_QUOTE_MAX, item);
	else
		textfile_warn(src, "%s is a public suffix, not a domain",
			       host);
}

/* lookalike_brand_item - one line of a brands file */
static int lookalike_brand_item(struct lookalike *lk,
				struct textfile_where *src,
				const char *item)
{
	char host[HOSTNAME_MAX + 1];
	const char *reg;
	enum lookalike_verdict verdict = lookalike_judge(lk, item, host, &reg);

	if (verdict == LOOKALIKE_BELOW) {
		textfile_warn(src, "%s is not a registrable domain (%s is)",
			       host, reg);
		return 0;
	}
	if (verdict != LOOKALIKE_REGISTRABLE) {
		lookalike_host_warn(src, verdict, item, host);
		return 0;
	}
	return lookalike_insert(lk, host) < 0 ? -1 : 0;
}

/* lookalike_allow_item - one line of an allow file */
static int lookalike_allow_item(struct lookalike *lk,
				struct textfile_where *src,
				const char *item)
{
	char host[HOSTNAME_MAX + 1];
	const char *reg;
	enum lookalike_verdict verdict = lookalike_judge(lk, item, host, &reg);

	if (verdict != LOOKALIKE_REGISTRABLE && verdict != LOOKALIKE_BELOW) {
		lookalike_host_warn(src, verdict, item, host);
		return 0;
	}
	return lookalike_allow(lk, host) < 0 ? -1 : 0;
}

/* lookalike_is_blank - space or tab */
static int lookalike_is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* lookalike_parse_line - the one word of line[0..len) before any "#"
 * comment to item; 0 when the line is blank or a comment, -1 when it
 * was warned about, 1 when item holds a word */
static int lookalike_parse_line(struct textfile_where *src,
				const char *line, size_t len,
				char item[LOOKALIKE_LINE_MAX + 1])
{
	const char *hash = memchr(line, '#', len);
	size_t start = 0;
	size_t end = hash != NULL ? (size_t) (hash - line) : len;

	for (size_t i = 0; i < end; i++) {
		unsigned char c = (unsigned char) line[i];

		if ((c < 0x20 && c != '\t') || c >= 0x7F) {
			textfile_warn(src, "control or non-ASCII bytes");
			return -1;
		}
	}
	while (start < end && lookalike_is_blank(line[start]))
		start++;
	while (end > start && lookalike_is_blank(line[end - 1]))
		end--;
	if (start == end)
		return 0;
	for (size_t i = start; i < end; i++) {
		if (lookalike_is_blank(line[i])) {
			textfile_warn(src, "more than one word");
			return -1;
		}
	}
	memcpy(item, line + start, end - start);
	item[end - start] = '\0';
	return 1;
}

/* A list file being read: where its items go. */
struct lookalike_reading {
	struct lookalike *lk;
	lookalike_item_fn add;
};

/* lookalike_line - textfile callback: one line's item through add */
static int lookalike_line(void *ctx, struct textfile_where *where,
			  const char *line, size_t len)
{
	struct lookalike_reading *reading = ctx;
	char item[LOOKALIKE_LINE_MAX + 1];

	if (lookalike_parse_line(where, line, len, item) != 1)
		return 0;
	return reading->add(reading->lk, where, item);
}

/* lookalike_load - read a list file through add */
static int lookalike_load(struct lookalike *lk, const char *path,
			  size_t *bad_lines, lookalike_item_fn add)
{
	struct lookalike_reading reading = { lk, add };

	if (bad_lines != NULL)
		*bad_lines = 0;
	if (lk == NULL || path == NULL) {
		errno = EINVAL;
		return -1;
	}
	return textfile_read(path, LOOKALIKE_LINE_MAX, lookalike_line,
			     &reading, bad_lines);
}

/* lookalike_load_brands - brands from a file */
int lookalike_load_brands(struct lookalike *lk, const char *path,
			  size_t *bad_lines)
{
	return lookalike_load(lk, path, bad_lines, lookalike_brand_item);
}

/* lookalike_load_allow - allowed domains from a file */
int lookalike_load_allow(struct lookalike *lk, const char *path,
			 size_t *bad_lines)
{
	return lookalike_load(lk, path, bad_lines, lookalike_allow_item);
}

/* The registrable domains above blocking access entries, collected. */
struct lookalike_harvest {
	const psl_ctx_t *psl;
	struct strmap *found;		/* domain -> harvest (a member) */
	const char **domains;		/* found's keys, for sorting */
	size_t count;
	int failed;
};

/* lookalike_harvest_host - the registrable domain of a blocked host that
 * lies strictly below it; a blocked registrable domain is a spammer's */
static void lookalike_harvest_host(const char *host, void *ctx)
{
	struct lookalike_harvest *harvest = ctx;
	const char *reg;

	if (harvest->failed)
		return;
	reg = psl_registrable_domain(harvest->psl, host);
	if (reg == NULL || reg == host)
		return;
	if (strmap_put(harvest->found, reg, harvest, NULL) < 0)
		harvest->failed = 1;
}

/* lookalike_harvest_key - one collected domain into the array */
static void lookalike_harvest_key(const char *key, void *value, void *ctx)
{
	struct lookalike_harvest *harvest = ctx;

	(void) value;
	harvest->domains[harvest->count++] = key;
}

/* lookalike_shorter_first - shorter labels first, then by name, so that
 * linkedin.com is a brand before linkedinmail.com is judged */
static int lookalike_shorter_first(const void *a, const void *b)
{
	const char *x = *(const char *const *) a;
	const char *y = *(const char *const *) b;
	size_t xlen = strcspn(x, ".");
	size_t ylen = strcspn(y, ".");

	if (xlen != ylen)
		return xlen < ylen ? -1 : 1;
	return strcmp(x, y);
}

/* lookalike_learn_access - brands from the access map's blocked hosts */
int lookalike_learn_access(struct lookalike *lk, const struct access_map *map,
			   size_t *learned)
{
	struct lookalike_harvest harvest = { NULL, NULL, NULL, 0, 0 };
	size_t added = 0;
	int status = -1;

	if (learned != NULL)
		*learned = 0;
	if (lk == NULL)
		return 0;
	harvest.psl = lk->psl;
	harvest.found = strmap_new(LOOKALIKE_EXPECTED);
	if (harvest.found == NULL)
		goto fail;
	access_walk_blocking_hosts(map, lookalike_harvest_host, &harvest);
	harvest.domains = calloc(strmap_count(harvest.found) + 1,
				 sizeof(*harvest.domains));
	if (harvest.failed || harvest.domains == NULL)
		goto fail;
	strmap_walk(harvest.found, lookalike_harvest_key, &harvest);
	qsort(harvest.domains, harvest.count, sizeof(*harvest.domains),
	      lookalike_shorter_first);
	for (size_t i = 0; i < harvest.count; i++) {
		int got = lookalike_learn_brand(lk, harvest.domains[i]);

		if (got < 0)
			goto fail;
		added += (size_t) got;
	}
	status = 0;
fail:
	free(harvest.domains);
	strmap_free(harvest.found, NULL);
	if (learned != NULL)
		*learned = added;
	if (status < 0)
		errno = ENOMEM;
	return status;
}
