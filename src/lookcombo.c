/*
 * NAME
 *	lookcombo - the combination rules: a brand's name with words of a
 *	lure
 * SUMMARY
 *	lookcombo_words(), lookcombo_spelled(), lookcombo_idn(),
 *	lookcombo_edit(), lookcombo_name(), lookcombo_swapped() and
 *	lookcombo_any_beside(), seven rules of lookrules.c's list, all
 *	reported as lookalike:combo.
 * DESCRIPTION
 *	Each rule reads the sender's label as words (combosquat.h) and asks
 *	of each part whether it stands for a brand, through a lookup of its
 *	own: the brand labels as they are (secure-paypal, paypallogin),
 *	what is left once the brand's domain spelled out is cut
 *	(paypal-com, amazon-co-jp: lookspell.h), an IDN label's parts by
 *	their skeletons (xn--pypal-login-yij), a hyphenated label's word
 *	edited (paypa1-login), the names of hyphenated brand labels
 *	(litecoin-login for litecoin-foundation) and their frames, the
 *	label with its end word swapped (login-bank for deutsche-bank),
 *	and under a top-level domain sold in bulk a coined brand name
 *	with anything beside it (bulktld.h), as under any suffix a brand
 *	marked !any.  Each part
 *	is one probe of the Bloom filter and the label indexes of
 *	lookindex.h, whatever the number of brands.
 */
#include <string.h>

#include "bulktld.h"
#include "combosquat.h"
#include "dictword.h"
#include "hostname.h"
#include "lookcombo.h"
#include "looksearch.h"
#include "lookspell.h"
#include "lureword.h"

/* lookcombo_label - looksearch_label() as a combosquat_find_fn: a
 * label of 5 or more that is not marked a word is distinctive, and
 * coined when it is no English word nor narrow (a keyword after a
 * letter or two: icloud); one of 4 that is no English word a name,
 * one of 3 not marked a word an acronym (the word list has no
 * 3-letter words); either a code when no English word ends with it;
 * one of 2 a pair, whatever its marks (combosquat.h) */
static const void *lookcombo_label(const void *ctx, const char *s, size_t len,
				   int *distinct)
{
	const struct lookalike_brand *brand;

	if (len == LOOKALIKE_PAIR_LEN) {
		*distinct = COMBOSQUAT_PAIR;
		return lookalike_get(ctx, LK_LABELS, s, len,
				     lookfilter_hash(s, len));
	}
	brand = looksearch_label(ctx, s, len);
	*distinct = COMBOSQUAT_COMMON;
	if (brand == NULL || brand->word || brand->owner != NULL)
		return brand; /* a family domain's label: keywords only */
	if (len >= COMBOSQUAT_ANY_WORD_MIN)
		*distinct = dictword_is_word(s, len) ? COMBOSQUAT_ENGLISH
			    : brand->narrow          ? COMBOSQUAT_NARROW
						     : COMBOSQUAT_COINED;
	else if (len + 1 == COMBOSQUAT_ANY_WORD_MIN
		 && !dictword_is_word(s, len))
		*distinct = brand->word_end ? COMBOSQUAT_NAME : COMBOSQUAT_CODE;
	else if (len + 2 == COMBOSQUAT_ANY_WORD_MIN)
		*distinct =
		    brand->word_end ? COMBOSQUAT_ACRONYM : COMBOSQUAT_CODE;
	return brand;
}

/* lookcombo_digits - the digits in s[0..len) */
static size_t lookcombo_digits(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += s[i] >= '0' && s[i] <= '9';
	return n;
}

/* lookcombo_root - the brand a family domain belongs to, or brand */
static const struct lookalike_brand *
lookcombo_root(const struct lookalike_brand *brand)
{
	return brand->owner != NULL ? brand->owner : brand;
}

/* lookcombo_hyphenated - another owner's brand whose label is
 * label[0..len) without its hyphens: la-poste is laposte.fr's label
 * hyphenated (a typo of it, the typo rule's), not a code before poste.it;
 * microsoft-online stays Microsoft's, whose family microsoftonline.com
 * is */
static int lookcombo_hyphenated(const struct lookalike *lk,
				const struct lookalike_brand *brand,
				const char *label, size_t len)
{
	char joined[HOSTNAME_LABEL_MAX + 1];
	const struct lookalike_brand *other;
	size_t n = 0;

	if (len > HOSTNAME_LABEL_MAX)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (label[i] != '-')
			joined[n++] = label[i];
	if (n == len)
		return 0; /* no hyphen */
	other =
	    lookalike_get(lk, LK_LABELS, joined, n, lookfilter_hash(joined, n));
	return other != NULL && lookcombo_root(other) != lookcombo_root(brand);
}

/* lookcombo_words - the brand label with words of the lure around it;
 * a label that is an English word of its own is none (checkups), nor
 * one that is another brand's label hyphenated */
const struct lookalike_brand *lookcombo_words(const struct lookalike *lk,
					      const char *label, size_t len)
{
	const struct lookalike_brand *brand;

	if (confusable_is_ace(label, len))
		return NULL;
	brand = combosquat_find(label, len, lookcombo_label, lk);
	/* A family label numbered (canada-11) is a name of its own, its lures
	 * words; the label's own digits are no number (1and1-login). */
	if (brand != NULL && brand->owner != NULL
	    && lookcombo_digits(label, len)
		   > lookcombo_digits(brand->domain, brand->label_len))
		return NULL;
	/* Looked up only for a match: most labels are no combination. */
	return brand != NULL
		       && (dictword_is_word(label, len)
			   || lookcombo_hyphenated(lk, brand, label, len))
		   ? NULL
		   : brand;
}

/* lookcombo_own_suffix - suffix[0..len) is brand's public suffix */
static int lookcombo_own_suffix(const struct lookalike_brand *brand,
				const char *suffix, size_t len)
{
	const char *own = brand->domain + brand->label_len + 1;

	return strlen(own) == len && memcmp(own, suffix, len) == 0;
}

/* lookcombo_keywords - a combosquat_find_fn: the brand whose label
 * s[0..len) is, as a common word (keywords only beside it) or a pair */
static const void *lookcombo_keywords(const void *ctx, const char *s,
				      size_t len, int *distinct)
{
	*distinct =
	    len == LOOKALIKE_PAIR_LEN ? COMBOSQUAT_PAIR : COMBOSQUAT_COMMON;
	return lookalike_get(ctx, LK_LABELS, s, len, lookfilter_hash(s, len));
}

/* lookcombo_spelled_alone - brand's label with the suffix of cut spelled
 * after it and nothing else is a lure: a name's (paypal-com), or a
 * word's with a suffix of two labels (amazon-co-jp); a word with a
 * generic name is anyone's (office-com.jp) */
static int lookcombo_spelled_alone(const struct lookalike_brand *brand,
				   const struct lookspell_cut *cut)
{
	return !(brand->word
		 || dictword_is_word(brand->domain, brand->label_len))
	       || memchr(cut->suffix, '-', cut->suffix_len) != NULL;
}

/* lookcombo_spelled_brand - a lookspell_fn: the brand whose label ends
 * where the spelled suffix was cut, when the rest is that label alone
 * (paypal-com, amazon-co-jp: lookcombo_spelled_alone()) or the label with
 * keywords or numbers (apple-com-verify: apple-verify); glued
 * (paypalcom), the suffix must be the brand's own, and a label of two
 * letters is none (btcom is a syllable) */
static const void *lookcombo_spelled_brand(const void *ctx,
					   const struct lookspell_cut *cut)
{
	const struct lookalike *lk = ctx;

	for (size_t start = 0; start < cut->brand_end; start++) {
		const char *s = cut->rest + start;
		size_t n = cut->brand_end - start;
		const struct lookalike_brand *brand =
		    lookalike_get(lk, LK_LABELS, s, n, lookfilter_hash(s, n));

		if (brand == NULL || (cut->glued && n < LOOKALIKE_SHORT_MIN)
		    || (cut->own_only
			&& !lookcombo_own_suffix(brand, cut->suffix,
						 cut->suffix_len)))
			continue;
		if (start == 0 && n == cut->len)
			return lookcombo_spelled_alone(brand, cut) ? brand
								   : NULL;
		if (combosquat_find(cut->rest, cut->len, lookcombo_keywords, lk)
		    == brand)
			return brand;
	}
	return NULL;
}

/* lookcombo_spelled_cc - the label is a brand's domain under a country
 * code with its dot left out and nothing else (metamaskio for
 * metamask.io, a real squat's name): the brand's own code only, after a
 * label of 5 or more that is no word (guu and ru make guuru; a word's
 * label with a code is anyone's) */
static const struct lookalike_brand *
lookcombo_spelled_cc(const struct lookalike *lk, const char *label, size_t len)
{
	size_t n = len - LOOKSPELL_CC_LEN;
	const struct lookalike_brand *brand;

	if (len < COMBOSQUAT_ANY_WORD_MIN + LOOKSPELL_CC_LEN
	    || label[n - 1] == '-')
		return NULL;
	brand =
	    lookalike_get(lk, LK_LABELS, label, n, lookfilter_hash(label, n));
	return brand != NULL && brand->owner == NULL && !brand->word
		       && lookcombo_own_suffix(brand, label + n,
					       LOOKSPELL_CC_LEN)
		       && !dictword_is_word(label, n)
		   ? brand
		   : NULL;
}

/* lookcombo_spelled - a brand's domain spelled out in the label, dots
 * as hyphens or left out (lookspell.h): paypal-com, amazon-co-jp,
 * apple-com-verify, paypalcom, and under a country code the label with
 * the code glued and nothing else (metamaskio) */
const struct lookalike_brand *lookcombo_spelled(const struct lookalike *lk,
						const char *label, size_t len)
{
	const struct lookalike_brand *brand;

	if (confusable_is_ace(label, len))
		return NULL;
	brand =
	    lookspell_find(lk->psl, label, len, lookcombo_spelled_brand, lk);
	return brand != NULL ? brand : lookcombo_spelled_cc(lk, label, len);
}

/* A decoded IDN label and its characters' letters, for the combination
 * rule's lookups (lookcombo_glyphs()). */
struct lookcombo_decoded {
	const struct lookalike *lk;
	const char *text;
	struct confusable_glyphs glyphs;
};

/* lookcombo_glyphs - lookcombo_label() for a part of a
 * decoded IDN label (ctx: its lookcombo_decoded): an ASCII part as it is,
 * one with other letters by its skeleton, as the brand label whose
 * skeleton it has (a part that ends inside a character is none) */
static const void *lookcombo_glyphs(const void *ctx, const char *s, size_t len,
				    int *distinct)
{
	const struct lookcombo_decoded *idn = ctx;
	const struct lookalike_brand *brand;
	size_t from = (size_t)(s - idn->text);
	char sk[CONFUSABLE_MAX + 1];
	int n;

	if (!hostname_has_high(s, len))
		return lookcombo_label(idn->lk, s, len, distinct);
	*distinct = COMBOSQUAT_COMMON;
	n = confusable_part_skeleton(&idn->glyphs, from, from + len, sk);
	if (n < 0)
		return NULL;
	brand = lookalike_get(idn->lk, LK_SKELETONS, sk, (size_t)n,
			      lookfilter_hash(sk, (size_t)n));
	return brand != NULL ? lookcombo_label(idn->lk, brand->domain,
					       brand->label_len, distinct)
			     : NULL;
}

/* lookcombo_idn - an IDN label, decoded, that combines a brand
 * label with words as lookcombo_words() reads an ASCII one, the brand's
 * part read by its skeleton: paypal-login with a Cyrillic a, and
 * m\u00fcller-login for m\u00fcller.de (xn--mller-kva.de); the letters of
 * its characters are found once, not for each part tried */
const struct lookalike_brand *lookcombo_idn(const struct lookalike *lk,
					    const char *label, size_t len)
{
	char text[CONFUSABLE_TEXT_MAX + 1];
	struct lookcombo_decoded idn;
	int n = confusable_decode(label, len, text);

	if (n < 0
	    || confusable_glyphs(lk->cf, text, (size_t)n, &idn.glyphs) < 0)
		return NULL;
	idn.lk = lk;
	idn.text = text;
	return combosquat_find(text, (size_t)n, lookcombo_glyphs, &idn);
}

/* A hyphenated ASCII label whose parts the edited-brand combination rule
 * looks up (lookcombo_edited_word()). */
struct lookcombo_parts {
	const struct lookalike *lk;
	const char *label;
	size_t len;
};

/* lookcombo_whole_run - s[0..len) is a run of whole hyphen-separated
 * words of parts' label, not a piece of a word */
static int lookcombo_whole_run(const struct lookcombo_parts *parts,
			       const char *s, size_t len)
{
	const char *end = parts->label + parts->len;

	return (s == parts->label || s[-1] == '-')
	       && (s + len == end || s[len] == '-');
}

/* lookcombo_edited_label - the brand whose label s[0..len) is with a
 * look-alike letter (paypa1, micros0ft) or a typo of a label of 5 or
 * more (paypai, facebok; the narrow typos of short labels need the
 * sender's suffix, which a word of a label has not); NULL for an
 * English word (a typo of one brand is often a word: chaser) and for a
 * brand's or family's own label, which is the combination rule's */
static const struct lookalike_brand *
lookcombo_edited_label(const struct lookalike *lk, const char *s, size_t len)
{
	char sk[CONFUSABLE_MAX + 1];
	int flags = 0;
	int n;
	const struct lookalike_brand *brand;

	if (dictword_is_word(s, len)
	    || lookalike_get(lk, LK_LABELS, s, len, lookfilter_hash(s, len))
		   != NULL)
		return NULL;
	n = confusable_skeleton(lk->cf, s, len, sk, &flags);
	brand = n > 0 ? lookalike_get(lk, LK_SKELETONS, sk, (size_t)n,
				      lookfilter_hash(sk, (size_t)n))
		      : NULL;
	if (brand == NULL)
		brand = looksearch_one(lk, &looksearch_one_typo, s, len);
	return brand != NULL && brand->label_len >= LOOKALIKE_SHORT_MIN
		       && !looksearch_family_label(lk, brand, s, len)
		   ? brand
		   : NULL;
}

/* lookcombo_edited_word - a combosquat_find_fn for a whole word of a
 * hyphenated label that is a brand label edited (paypa1-login,
 * secure-paypai): the brand it stands for, as a common word whatever its
 * label, so every other word must be a keyword or a number (an edit
 * widens the names that match: max-weber-schule, adx-telecom); a piece
 * of a word is none (no keyword is cut from an edited label) */
static const void *lookcombo_edited_word(const void *ctx, const char *s,
					 size_t len, int *distinct)
{
	const struct lookcombo_parts *parts = ctx;

	*distinct = COMBOSQUAT_COMMON;
	if (!lookcombo_whole_run(parts, s, len) || memchr(s, '-', len) != NULL)
		return NULL;
	return lookcombo_edited_label(parts->lk, s, len);
}

/*
 * lookcombo_edit - a hyphenated ASCII label whose brand word is itself a
 * look-alike or a typo of the brand label, with keywords or numbers
 * around it: paypa1-login, login-micros0ft, secure-paypai.  Phishers
 * stack the two disguises; dnstwist, which applies one fuzzer at a
 * time, makes none.  Tried after every other rule: a name one rule
 * explains is named so.
 */
const struct lookalike_brand *lookcombo_edit(const struct lookalike *lk,
					     const char *label, size_t len)
{
	struct lookcombo_parts parts = {lk, label, len};

	if (memchr(label, '-', len) == NULL || confusable_is_ace(label, len))
		return NULL;
	return combosquat_find(label, len, lookcombo_edited_word, &parts);
}

/* lookcombo_named_word - a combosquat_find_fn for a whole word of a
 * hyphenated label that is the name in a hyphenated brand label
 * (litecoin of litecoin-foundation): that brand, as a common word, so
 * every other word must be a keyword or a number */
static const void *lookcombo_named_word(const void *ctx, const char *s,
					size_t len, int *distinct)
{
	const struct lookcombo_parts *parts = ctx;

	*distinct = COMBOSQUAT_COMMON;
	if (!lookcombo_whole_run(parts, s, len) || memchr(s, '-', len) != NULL)
		return NULL;
	return lookalike_get(parts->lk, LK_NAMES, s, len,
			     lookfilter_hash(s, len));
}

/* lookcombo_has_name - a word of the hyphenated label[0..len) is the
 * name of a hyphenated brand label: one probe a word, most of them
 * answered by the Bloom filter, before the words are combined */
static int lookcombo_has_name(const struct lookalike *lk, const char *label,
			      size_t len)
{
	const char *word;
	size_t at = 0;
	size_t n;

	while ((n = hostname_next_word(label, len, &at, &word)) > 0)
		if (lookalike_get(lk, LK_NAMES, word, n,
				  lookfilter_hash(word, n))
		    != NULL)
			return 1;
	return 0;
}

/* lookcombo_spells_label - label[0..len) without its hyphens is a
 * brand's or a family domain's label: deutsche-post of deutschepost.de */
static int lookcombo_spells_label(const struct lookalike *lk, const char *label,
				  size_t len)
{
	char joined[HOSTNAME_LABEL_MAX + 1];
	size_t n = 0;

	for (size_t i = 0; i < len && i < HOSTNAME_LABEL_MAX; i++)
		if (label[i] != '-')
			joined[n++] = label[i];
	return lookalike_get(lk, LK_LABELS, joined, n,
			     lookfilter_hash(joined, n))
	       != NULL;
}

/*
 * lookcombo_name - a hyphenated ASCII label whose words are the
 * name of a hyphenated brand label and keywords or numbers: deutsche-
 * login for deutsche-bank.de, litecoin-account for litecoin-foundation.
 * Such a brand is known by its name; its generic word (bank,
 * foundation) is the one a phisher swaps for the lure's.  A label that
 * spells another known name with hyphens is that name's (deutsche-post:
 * Deutsche Post's deutschepost.de, not Deutsche Bank's).
 */
const struct lookalike_brand *lookcombo_name(const struct lookalike *lk,
					     const char *label, size_t len)
{
	struct lookcombo_parts parts = {lk, label, len};

	if (memchr(label, '-', len) == NULL || confusable_is_ace(label, len)
	    || !lookcombo_has_name(lk, label, len)
	    || lookcombo_spells_label(lk, label, len))
		return NULL;
	return combosquat_find(label, len, lookcombo_named_word, &parts);
}

/* lookcombo_frame - the brand that frame[0..len) is a frame of
 * (lookindex.h: -bank of deutsche-bank) under the brand's own suffix,
 * the string suffix, when word[0..wlen), the rest of the label, is a
 * keyword; NULL when none */
static const struct lookalike_brand *
lookcombo_frame(const struct lookalike *lk, const char *word, size_t wlen,
		const char *frame, size_t len, const char *suffix)
{
	const struct lookalike_brand *brand;

	if (!lureword_is_keyword(word, wlen))
		return NULL;
	brand = lookalike_get(lk, LK_FRAMES, frame, len,
			      lookfilter_hash(frame, len));
	/* The suffix is measured only for a match: most labels are none. */
	return brand != NULL
		       && lookcombo_own_suffix(brand, suffix, strlen(suffix))
		   ? brand
		   : NULL;
}

/*
 * lookcombo_swapped - a hyphenated ASCII label that is a hyphenated
 * brand label with the word at one end swapped for a keyword, under the
 * brand's own suffix: login-bank.de for deutsche-bank.de,
 * verify-arc.gc.ca for cra-arc.gc.ca, login-mobile.com for t-mobile.com.
 * The lure borrows the brand's frame, its other words and its suffix;
 * those words must be 3 letters or more (lookindex.h), and under
 * another suffix the same words are anybody's (online-bank.com).  A
 * label that spells another known name with hyphens is that name's
 * (deutsche-post.de beside deutsche-bank.de: Deutsche Post's
 * deutschepost.de).
 */
const struct lookalike_brand *lookcombo_swapped(const struct lookalike *lk,
						const char *label, size_t len)
{
	const char *suffix = label + len + 1;
	const char *first = memchr(label, '-', len);
	const char *last;
	const struct lookalike_brand *brand;

	if (first == NULL || confusable_is_ace(label, len))
		return NULL;
	last = (const char *)memrchr(label, '-', len) + 1;
	brand = lookcombo_frame(lk, label, (size_t)(first - label), first,
				len - (size_t)(first - label), suffix);
	if (brand == NULL)
		brand = lookcombo_frame(lk, last, len - (size_t)(last - label),
					label, (size_t)(last - label), suffix);
	/* Looked up only for a match: most labels are no frame's. */
	return brand != NULL && !lookcombo_spells_label(lk, label, len) ? brand
									: NULL;
}

/* lookcombo_open - the brand whose label s[0..len) is, when anything
 * may stand beside it: one marked !any (lookalike_set_open()) that is
 * no common word, or under a suffix sold in bulk (bulk) a coined name
 * (combosquat.h: no English word, nor a keyword after a letter or two) */
static const struct lookalike_brand *
lookcombo_open(const struct lookalike *lk, const char *s, size_t len, int bulk)
{
	int distinct = 0;
	const struct lookalike_brand *brand =
	    lookcombo_label(lk, s, len, &distinct);

	if (brand == NULL)
		return NULL;
	if (brand->open && !brand->word && brand->owner == NULL)
		return brand;
	return bulk && distinct == COMBOSQUAT_COINED ? brand : NULL;
}

/* lookcombo_word_across - an English word at the start or the end of
 * label[0..len) runs across position cut, where a brand label begins or
 * ends: the brand is then a part of that word (revolut in
 * revolutionary, webex in webexample, zelle in gazelle) */
static int lookcombo_word_across(const char *label, size_t len, size_t cut)
{
	for (size_t end = cut + 1; end <= len; end++)
		if (dictword_is_word(label, end))
			return 1;
	for (size_t start = 0; start < cut; start++)
		if (dictword_is_word(label + start, len - start))
			return 1;
	return 0;
}

/* lookcombo_any_beside - a brand label at the start or the end of the
 * label with anything beside it, glued or hyphenated, unless an English
 * word runs across it: under a top-level domain sold in bulk for little
 * (bulktld.h), a coined one (myetherwallet-msgsign.space,
 * ethereumnow.top), where a brand's name is seldom its owner's and
 * squatters name their hosts with whatever comes to hand; under any
 * suffix, one marked !any (metamaskpro.com, ethereum-eth.info), which
 * its owner's names are the family of.  Up to two hash probes a length
 * under such a suffix; under another, at the lengths of marked labels
 * only (most often none). */
const struct lookalike_brand *
lookcombo_any_beside(const struct lookalike *lk, const char *label, size_t len)
{
	int bulk = bulktld_suffix(label + len + 1);

	if ((!bulk && lk->open_lengths == 0) || confusable_is_ace(label, len))
		return NULL;
	for (size_t n = COMBOSQUAT_ANY_WORD_MIN; n < len; n++) {
		const struct lookalike_brand *brand;

		if (!bulk && !(lk->open_lengths & (UINT64_C(1) << n)))
			continue;
		brand = lookcombo_open(lk, label, n, bulk);

		if (brand != NULL && !lookcombo_word_across(label, len, n))
			return brand;
		brand = lookcombo_open(lk, label + len - n, n, bulk);
		if (brand != NULL
		    && !lookcombo_word_across(label, len, len - n))
			return brand;
	}
	return NULL;
}
