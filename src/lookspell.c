/*
 * NAME
 *	lookspell - a brand's domain spelled out in a label
 * SUMMARY
 *	lookspell_find() cuts a spelled suffix (paypal-com, amazon-co-jp,
 *	paypalcom) out of a label and asks the caller about the rest.
 * DESCRIPTION
 *	See lookspell.h.  A label of n bytes has at most n hyphens, each
 *	followed by at most LOOKSPELL_WORDS_MAX words to try; a run of two
 *	or more words is looked up in libpsl's built-in list, one word only
 *	compared with the seven generic names.
 */
#include <string.h>

#include "hostname.h"
#include "lookspell.h"

/* The generic top-level domains of RFC 1591, the ones a reader knows
 * for the end of a domain; each has three letters. */
#define LOOKSPELL_GENERIC_LEN 3
static const char *const lookspell_generic[] = {"com", "edu", "gov", "int",
						"mil", "net", "org"};

#define LOOKSPELL_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* lookspell_is_generic - s[0..len) is a generic top-level domain of
 * RFC 1591 */
static int lookspell_is_generic(const char *s, size_t len)
{
	if (len != LOOKSPELL_GENERIC_LEN)
		return 0;
	for (size_t i = 0; i < LOOKSPELL_COUNT(lookspell_generic); i++)
		if (memcmp(lookspell_generic[i], s, len) == 0)
			return 1;
	return 0;
}

/* lookspell_is_suffix - run[0..len), of words hyphen-separated, spells
 * a public suffix: LOOKSPELL_ANY for a generic name alone or two or
 * more labels of one in the ICANN section (co-jp: co.jp),
 * LOOKSPELL_OWN for two letters alone (a country code: only the
 * brand's own counts), else 0 */
static int lookspell_is_suffix(const psl_ctx_t *psl, const char *run,
			       size_t len, size_t words)
{
	char dotted[HOSTNAME_LABEL_MAX + 1];

	if (words == 1)
		return lookspell_is_generic(run, len) ? LOOKSPELL_ANY
		       : len == LOOKSPELL_CC_LEN      ? LOOKSPELL_OWN
						      : 0;
	/* The ICANN section's suffixes of two labels or more that brands
	 * use end with a country code (co.jp, com.au); the others are
	 * museums', aviation's and professions' (.museum, .aero, .pro):
	 * other runs need no lookup. */
	if (len > HOSTNAME_LABEL_MAX || len <= LOOKSPELL_CC_LEN
	    || run[len - LOOKSPELL_CC_LEN - 1] != '-')
		return 0;
	for (size_t i = 0; i < len; i++)
		dotted[i] = run[i] == '-' ? '.' : run[i];
	dotted[len] = '\0';
	return psl_is_public_suffix2(psl, dotted,
				     PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE)
		   ? LOOKSPELL_ANY
		   : 0;
}

/* lookspell_try - fn's brand for label[0..len) less label[from..to), the
 * suffix, and less the hyphen before it when it was not glued (hyphen:
 * 1); the brand label is to end where the suffix began */
static const void *lookspell_try(const char *label, size_t len, size_t from,
				 size_t to, int hyphen, int which,
				 lookspell_fn fn, const void *ctx)
{
	char rest[HOSTNAME_LABEL_MAX + 1];
	size_t start = from - (size_t)hyphen;
	struct lookspell_cut cut;

	if (len > HOSTNAME_LABEL_MAX || start == 0)
		return NULL;
	memcpy(rest, label, start);
	memcpy(rest + start, label + to, len - to);
	rest[start + len - to] = '\0';
	cut.rest = rest;
	cut.len = start + len - to;
	cut.brand_end = start;
	cut.suffix = label + from;
	cut.suffix_len = to - from;
	cut.glued = !hyphen;
	cut.own_only = which == LOOKSPELL_OWN;
	/* fn() returns a brand of its own, never cut or rest */
	/* cppcheck-suppress returnDanglingLifetime */
	return fn(ctx, &cut);
}

/* lookspell_hyphenated - fn's brand for label less a spelled suffix of
 * one to LOOKSPELL_WORDS_MAX words after the hyphen at label[at] */
static const void *lookspell_hyphenated(const psl_ctx_t *psl, const char *label,
					size_t len, size_t at, lookspell_fn fn,
					const void *ctx)
{
	size_t words = 0;

	for (size_t end = at + 1; end <= len; end++) {
		const void *brand;
		int which;

		if (end < len && label[end] != '-')
			continue;
		if (label[end - 1] == '-' || ++words > LOOKSPELL_WORDS_MAX)
			return NULL; /* an empty word, or too many */
		which = lookspell_is_suffix(psl, label + at + 1, end - at - 1,
					    words);
		if (which != 0
		    && (brand = lookspell_try(label, len, at + 1, end, 1, which,
					      fn, ctx))
			   != NULL)
			return brand;
	}
	return NULL;
}

/* lookspell_glued - fn's brand for label less a generic name glued at
 * the end of the word that ends at label[end] */
static const void *lookspell_glued(const char *label, size_t len, size_t end,
				   lookspell_fn fn, const void *ctx)
{
	size_t from = end - LOOKSPELL_GENERIC_LEN;

	if (end <= LOOKSPELL_GENERIC_LEN || label[from - 1] == '-'
	    || !lookspell_is_generic(label + from, LOOKSPELL_GENERIC_LEN))
		return NULL;
	return lookspell_try(label, len, from, end, 0, LOOKSPELL_OWN, fn, ctx);
}

/* lookspell_find - the first brand fn finds in label[0..len) less a
 * spelled suffix, or NULL */
const void *lookspell_find(const psl_ctx_t *psl, const char *label, size_t len,
			   lookspell_fn fn, const void *ctx)
{
	if (psl == NULL || label == NULL || fn == NULL
	    || len > HOSTNAME_LABEL_MAX)
		return NULL;
	for (size_t i = 1; i <= len; i++) {
		const void *brand = NULL;

		if (i < len && label[i] == '-' && label[i - 1] != '-')
			brand =
			    lookspell_hyphenated(psl, label, len, i, fn, ctx);
		if (brand == NULL && (i == len || label[i] == '-'))
			brand = lookspell_glued(label, len, i, fn, ctx);
		if (brand != NULL)
			return brand;
	}
	return NULL;
}
