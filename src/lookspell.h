/*
 * lookspell - a brand's domain spelled out in a label, its dots as
 * hyphens or left out: paypal-com, amazon-co-jp, apple-com-verify,
 * paypalcom.
 *
 * DESCRIPTION
 *	A label cannot hold a dot, so phishers write the brand's whole
 *	domain into it with a hyphen for each dot (paypal-com.info,
 *	amazon-co-jp.top, apple-com-verify.xyz) or with none
 *	(paypalcom.net).  The suffix is no keyword, so the combination
 *	rule saw a brand beside a word of no lure.
 *
 *	lookspell_find() cuts each spelled suffix out of the label and asks
 *	the caller whether what is left, with the brand label ending where
 *	the suffix began, is the brand or a combination of it.  A spelled
 *	suffix is a run of hyphen-separated words after a hyphen that is a
 *	suffix of the Public Suffix List's ICANN section: two or more
 *	labels ending with a country code (co-jp, com-br), or one of the
 *	generic top-level domains of RFC 1591 (com, net, org, edu, gov,
 *	mil, int).  A lone country code counts only as the brand's own
 *	suffix (metamask-io of metamask.io): owners name their other
 *	country sites so (paypal-de, vodafone-uk).  Glued, only the brand's
 *	own suffix counts, one of those generic ones after its label
 *	(paypalcom of paypal.com): any three letters glued to a name are
 *	mostly the rest of a word.
 */
#ifndef PHISHWATCH_LOOKSPELL_H
#define PHISHWATCH_LOOKSPELL_H

#include <libpsl.h>
#include <stddef.h>

/* Words of a spelled suffix at most: com-au and k12-ca-us have 2 and 3. */
#define LOOKSPELL_WORDS_MAX 3
/* Letters of a country code. */
#define LOOKSPELL_CC_LEN 2

/* What a spelled suffix counts for: any brand's label before it, or
 * only one whose own suffix it is. */
#define LOOKSPELL_ANY 1
#define LOOKSPELL_OWN 2

/* What is left of a label once a spelled suffix is cut: rest[0..len),
 * whose brand label is to end at rest[brand_end] (the hyphen or the end
 * where the suffix was), and the suffix as spelled, suffix[0..suffix_len)
 * (com, co-jp): when own_only, it counts only as the brand's own. */
struct lookspell_cut {
	const char *rest;
	size_t len;
	size_t brand_end;
	const char *suffix;
	size_t suffix_len;
	int glued;    /* the suffix was glued to the word before it */
	int own_only; /* glued, or a country code alone */
};

typedef const void *(*lookspell_fn)(const void *ctx,
				    const struct lookspell_cut *cut);

/* lookspell_find - the first brand fn finds in label[0..len) less a
 * spelled suffix (above), or NULL; label is an ASCII label of at most
 * 63 bytes */
const void *lookspell_find(const psl_ctx_t *psl, const char *label, size_t len,
			   lookspell_fn fn, const void *ctx);

#endif
