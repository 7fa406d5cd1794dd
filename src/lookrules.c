/*
 * NAME
 *	lookrules - the lookalike rules, each a lookup in the index
 * SUMMARY
 *	tld-swap, affix-mail, combo, homoglyph and typo (one edit, then
 *	two), tried in order.
 * DESCRIPTION
 *	Each rule derives strings from the sender's label and looks them up
 *	in the label indexes of lookindex.h, the Bloom filter first: the
 *	label itself (tld-swap), the label less a mail affix (affix-mail),
 *	the label less keywords and hyphenated words (combo: the rules of
 *	lookcombo.h, one with the brand's domain spelled out, paypal-com;
 *	an IDN label decoded, its parts beyond ASCII by their skeletons;
 *	last of all, a hyphenated label's brand word edited, paypa1-login,
 *	then its words looked up as the names of hyphenated brand labels,
 *	litecoin-login),
 *	the label's skeleton, read as it is and then with cl as d and lc as
 *	k (not into a two-letter brand from three ASCII letters: tcl.com),
 *	and for an IDN label its deletions (homoglyph: equal skeletons,
 *	or one edit after folding, one letter no table folds for the same
 *	letter of a brand each time, or for a two-letter brand one such
 *	letter; where Latin letters mix with letters read by their sound,
 *	those letters as letters no table folds), the label's deletions
 *	(typo, symmetric deletion, each candidate verified by an exact
 *	one-edit test, a letter substituted in 5 or 6 only by a slip:
 *	looksearch.h), the narrow variants of short labels
 *	(typo: a doubled letter, a swap) and, last, the label's deletions
 *	of one and two characters (typo: two edits from a brand label of 11
 *	to 24, lookindex.c).  Within a rule the brand added first wins.
 *	What the edit rules (typo, the ASCII homoglyph and typo) match
 *	is dropped when the sender's label is an English word of its own
 *	(dictword.h), and the next rule is tried; so is what any rule
 *	matches under a suffix whose registry vets its registrants (.edu,
 *	ac.uk: vetted.h) that the brand does not use, and what the edit
 *	rules match of a brand whose family has the sender's label
 *	(deutschebank.pl).  A family label that is an English word counts
 *	only as a homoglyph in an IDN label under its own suffix.
 */
#include <string.h>

#include "dictword.h"
#include "hostname.h"
#include "lookcombo.h"
#include "lookindex.h"
#include "looksearch.h"
#include "oneedit.h"
#include "vetted.h"

/* The same letter no table folds for one of a brand's, two times or
 * more: brand labels this long (bbva). */
#define LOOKALIKE_SAME_UNFOLDED_MIN 4

/* Brand labels this long or shorter: a doubled letter or a swap only
 * under their own suffixes (lookrules_same_suffix()). */
#define LOOKRULES_ACRONYM_MAX 3

typedef const struct lookalike_brand *(*lookrules_rule_fn)(
    const struct lookalike *lk, const char *label, size_t len);

/* lookrules_tld_swap - the brand label itself under another suffix (a
 * family domain's label is not: its owner may hold it there too) */
static const struct lookalike_brand *
lookrules_tld_swap(const struct lookalike *lk, const char *label, size_t len)
{
	const struct lookalike_brand *brand = looksearch_label(lk, label, len);

	return brand != NULL && brand->owner == NULL ? brand : NULL;
}

/* Mail affixes around a brand label, longest first so that
 * linkedin-email is cut at "-email", not "mail". */
static const struct lookrules_affix {
	const char *text;
	size_t len;
	int before; /* 1: "mail-linkedin"; 0: "linkedinmail" */
} lookrules_affixes[] = {
#define LOOKRULES_AFFIX(text, before)          \
	{                                      \
		text, sizeof(text) - 1, before \
	}
    LOOKRULES_AFFIX("-email", 0), LOOKRULES_AFFIX("email-", 1),
    LOOKRULES_AFFIX("email", 0),  LOOKRULES_AFFIX("-mail", 0),
    LOOKRULES_AFFIX("mail-", 1),  LOOKRULES_AFFIX("mail", 0),
#undef LOOKRULES_AFFIX
};

/* lookrules_affix - the brand label with a mail affix, any suffix */
static const struct lookalike_brand *
lookrules_affix(const struct lookalike *lk, const char *label, size_t len)
{
	for (size_t i = 0; i < LOOKALIKE_COUNT(lookrules_affixes); i++) {
		const struct lookrules_affix *affix = &lookrules_affixes[i];
		const char *rest = affix->before ? label + affix->len : label;
		size_t rest_len = len - affix->len;
		const char *at;
		const struct lookalike_brand *brand;

		if (len < affix->len + LOOKALIKE_SHORT_MIN)
			continue;
		at = affix->before ? label : label + rest_len;
		if (memcmp(at, affix->text, affix->len) != 0)
			continue;
		brand = looksearch_label(lk, rest, rest_len);
		if (brand != NULL)
			return brand;
	}
	return NULL;
}

/* lookrules_mask - key with every non-ASCII character as one '*' byte,
 * so that a letter no table folds is one edit, not a byte run; length */
static size_t lookrules_mask(const char *key, size_t len, char *out)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)key[i];

		if (c < 0x80)
			out[n++] = (char)c;
		else if (c >= 0xC0)
			out[n++] = '*';
	}
	out[n] = '\0';
	return n;
}

/* lookrules_unfolded_count - the letters no table folds ('*') in
 * masked[0..len) */
static size_t lookrules_unfolded_count(const char *masked, size_t len)
{
	size_t count = 0;

	for (size_t i = 0; i < len; i++)
		count += masked[i] == '*';
	return count;
}

/*
 * lookrules_two_unfolded - an IDN label whose folded skeleton has one or
 * two letters that no table folds (masked '*') where a brand label of 7
 * or more that is not narrow has letters, and is one edit from that
 * label elsewhere: Cyrillic soft sign, whose UTS #39 prototype is Latin
 * tone six and not b, twice in alibaba, or once in airbank with its n
 * as r.  The first '*' is tried as every letter; the other '*' or an
 * ASCII typo is the one edit of the search.  Two changes, as
 * lookrules_homoglyph_edit() allows an ASCII look-alike and a typo.
 */
static const struct lookalike_brand *
lookrules_two_unfolded(const struct lookalike *lk, char *masked, size_t len)
{
	static const struct looksearch_edit how = {
	    LK_SKELETONS, LK_SKEL_DELETIONS, 1, LOOKALIKE_TWO_STEP_MIN, 0, 1,
	    one_edit};
	char *first = memchr(masked, '*', len);
	const struct lookalike_brand *brand = NULL;
	size_t count = lookrules_unfolded_count(masked, len);

	if (count == 0 || count > 2 || len + 1 < LOOKALIKE_TWO_STEP_MIN)
		return NULL;
	for (char c = 'a'; c <= 'z' && brand == NULL; c++) {
		*first = c;
		brand = looksearch_one(lk, &how, masked, len);
	}
	*first = '*';
	return brand;
}

/*
 * lookrules_latinlike - the UTF-8 character at s (len bytes left) is of
 * Latin Extended-B or IPA (U+0180 to U+02AF), Greek or Cyrillic (U+0370
 * to U+052F), whose letters pass for Latin ones; not a modifier letter
 * between them (glottal stop), nor a CJK or Arabic letter.
 */
static int lookrules_latinlike(const char *s, size_t len)
{
	unsigned char lead = (unsigned char)s[0];
	unsigned long cp;

	if (len < 2 || (lead & 0xE0) != 0xC0)
		return 0;
	cp = (unsigned long)(lead & 0x1F) << 6 | ((unsigned char)s[1] & 0x3F);
	return (cp >= 0x180 && cp <= 0x2AF) || (cp >= 0x370 && cp <= 0x52F);
}

/*
 * lookrules_pair_unfolded - an IDN label whose folded skeleton sk is a
 * two-letter brand label with one letter that no table folds (masked
 * '*') in place of one of the brand's: bt in Cyrillic, whose soft sign
 * UTS #39 takes for Latin tone six and not for b.  The other rules leave
 * two-letter labels alone (any generic edit of two letters is another
 * name); this one takes no edit of its own, only a Latin-like letter
 * standing for one, so an accented letter that folds to another (d with
 * caron for b) is not enough.
 */
static const struct lookalike_brand *
lookrules_pair_unfolded(const struct lookalike *lk, const char *sk,
			size_t sk_len, char *masked, size_t len)
{
	static const char ldh[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	char *unfolded = memchr(masked, '*', len);
	size_t at = unfolded != NULL ? (size_t)(unfolded - masked) : 0;
	const struct lookalike_brand *brand = NULL;

	/* A '*' stands for one character: its bytes start at sk[at] when
	 * it is first, at sk[1] when it follows one ASCII letter. */
	if (len != LOOKALIKE_PAIR_LEN || unfolded == NULL
	    || masked[len - 1 - at] == '*'
	    || !lookrules_latinlike(sk + at, sk_len - at))
		return NULL;
	for (const char *c = ldh; *c != '\0' && brand == NULL; c++) {
		*unfolded = *c;
		brand = lookalike_get(lk, LK_SKELETONS, masked, len,
				      lookfilter_hash(masked, len));
		if (brand != NULL && brand->label_len != LOOKALIKE_PAIR_LEN)
			brand = NULL;
	}
	*unfolded = '*';
	return brand;
}

/* lookrules_utf8_len - the bytes of the UTF-8 character led by lead */
static size_t lookrules_utf8_len(unsigned char lead)
{
	return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

/* lookrules_one_unfolded - every character beyond ASCII in sk[0..n) is
 * the same one, a Latin-like letter (lookrules_latinlike()) */
static int lookrules_one_unfolded(const char *sk, size_t n)
{
	const char *first = NULL;
	size_t first_len = 0;

	for (size_t i = 0; i < n;) {
		size_t k = lookrules_utf8_len((unsigned char)sk[i]);

		if (k > n - i)
			return 0;
		if (k > 1) {
			if (first == NULL) {
				first = sk + i;
				first_len = k;
			} else if (k != first_len
				   || memcmp(first, sk + i, k) != 0)
				return 0;
		}
		i += k;
	}
	return first != NULL && lookrules_latinlike(first, first_len);
}

/*
 * lookrules_same_unfolded - an IDN label whose folded skeleton sk has
 * one letter that no table folds (masked '*') two times or more, each
 * time in place of the same letter of a brand label of 4 or more:
 * bybit and bbva with Cyrillic soft signs for their b (UTS #39 takes it
 * for Latin tone six).  One such letter is one edit (looksearch_one());
 * the same one again is the same stand-in, no second change.
 */
static const struct lookalike_brand *
lookrules_same_unfolded(const struct lookalike *lk, const char *sk,
			size_t sk_len, char *masked, size_t len)
{
	char letters[CONFUSABLE_MAX + 1];
	const struct lookalike_brand *brand = NULL;

	if (lookrules_unfolded_count(masked, len) < 2
	    || len < LOOKALIKE_SAME_UNFOLDED_MIN
	    || !lookrules_one_unfolded(sk, sk_len))
		return NULL;
	for (char c = 'a'; c <= 'z' && brand == NULL; c++) {
		for (size_t i = 0; i <= len; i++)
			letters[i] = masked[i] == '*' ? c : masked[i];
		brand = lookalike_get(lk, LK_SKELETONS, letters, len,
				      lookfilter_hash(letters, len));
	}
	return brand;
}

/* lookrules_other - brand, unless its label is label[0..len) itself */
static const struct lookalike_brand *
lookrules_other(const struct lookalike_brand *brand, const char *label,
		size_t len)
{
	return brand != NULL && brand->label_len == len
		       && memcmp(brand->domain, label, len) == 0
		   ? NULL
		   : brand;
}

/* lookrules_skeleton_match - a brand whose skeleton sk[0..n) is, not the
 * label itself; for an IDN label not read by its sound (CONFUSABLE_SOUND:
 * an edit of a sound is no look-alike), one edit from one once both are
 * folded, two letters no table folds from a long one, or one from a
 * two-letter one */
static const struct lookalike_brand *
lookrules_skeleton_match(const struct lookalike *lk, const char *label,
			 size_t len, const char *sk, size_t n, int flags)
{
	static const struct looksearch_edit how = {
	    LK_SKELETONS, LK_SKEL_DELETIONS, 1, LOOKALIKE_SHORT_MIN, 1, 0,
	    one_edit};
	char masked[CONFUSABLE_MAX + 1];
	const struct lookalike_brand *brand;
	size_t mlen;

	brand = lookrules_other(
	    lookalike_get(lk, LK_SKELETONS, sk, n, lookfilter_hash(sk, n)),
	    label, len);
	if (brand != NULL)
		return brand;
	/* A label read by its sound (Han, kana) is a brand's name only
	 * spelled whole: an edit of a sound is no look-alike. */
	if (!(flags & CONFUSABLE_IDN) || (flags & CONFUSABLE_SOUND))
		return NULL;
	mlen = lookrules_mask(sk, n, masked);
	brand = looksearch_one(lk, &how, masked, mlen);
	if (brand == NULL)
		brand = lookrules_two_unfolded(lk, masked, mlen);
	if (brand == NULL)
		brand = lookrules_same_unfolded(lk, sk, n, masked, mlen);
	return brand != NULL ? brand
			     : lookrules_pair_unfolded(lk, sk, n, masked, mlen);
}

/* lookrules_merged - a brand label of 7 or more, not label[0..len)
 * itself, whose skeleton is the label's skeleton sk[0..n) once c is
 * written e in both (confusable_merge_ce()): indepcndcntrcscrvc,
 * mereadobiteoin */
static const struct lookalike_brand *
lookrules_merged(const struct lookalike *lk, const char *label, size_t len,
		 const char *sk, size_t n)
{
	char merged[CONFUSABLE_MAX + 1];

	if (n < LOOKALIKE_MERGED_MIN)
		return NULL;
	confusable_merge_ce(sk, n, merged);
	return lookrules_other(
	    lookalike_get(lk, LK_MERGED, merged, n, lookfilter_hash(merged, n)),
	    label, len);
}

/* lookrules_mixed - for a label whose letters mix Latin with a script
 * that looks nothing like Latin (flags from its skeleton: Thai,
 * Georgian, Ethiopic, kana), the brand it is with each letter of that
 * script kept as a letter no table folds (confusable_skeleton_unread()):
 * no ordinary name mixes scripts (ICU's restriction level), so such a
 * letter in a brand's Latin name stands in for one of its letters
 * (pคypal, amazoმ), and its sound means nothing there */
static const struct lookalike_brand *lookrules_mixed(const struct lookalike *lk,
						     const char *label,
						     size_t len, int flags)
{
	char sk[CONFUSABLE_MAX + 1];
	int n;

	if (!(flags & CONFUSABLE_MIXED) || !(flags & CONFUSABLE_SOUND))
		return NULL;
	n = confusable_skeleton_unread(lk->cf, label, len, sk);
	if (n < 0)
		return NULL;
	return lookrules_skeleton_match(lk, label, len, sk, (size_t)n,
					flags & ~CONFUSABLE_SOUND);
}

/* lookrules_homoglyph - a label with a brand label's skeleton, read as
 * it is, with cl for d and lc for k, or with an r before two more of r
 * and n as r m (lookrules_skeleton_match()); last, with c and e made
 * one in a long label (lookrules_merged()) */
static const struct lookalike_brand *
lookrules_homoglyph(const struct lookalike *lk, const char *label, size_t len)
{
	char sk[CONFUSABLE_MAX + 1];
	char other[CONFUSABLE_MAX + 1];
	struct confusable_readings r = {label, len, sk, 0, 0, 0, 0};
	int n = confusable_skeleton(lk->cf, label, len, sk, &r.flags);
	const struct lookalike_brand *brand;

	if (n < 0)
		return NULL;
	r.n = (size_t)n;
	brand = lookrules_skeleton_match(lk, label, len, sk, r.n, r.flags);
	while (brand == NULL
	       && (n = confusable_next_reading(lk->cf, &r, other)) >= 0) {
		brand = lookrules_skeleton_match(lk, label, len, other,
						 (size_t)n, r.flags);
		/* Two letters read out of three ASCII ones are somebody's
		 * acronym: tcl.com is TCL's, not td.com's. */
		if (brand != NULL && brand->label_len <= LOOKALIKE_PAIR_LEN
		    && !(r.flags & CONFUSABLE_IDN))
			brand = NULL;
	}
	if (brand == NULL)
		brand = lookrules_mixed(lk, label, len, r.flags);
	return brand != NULL || (r.flags & CONFUSABLE_SOUND)
		   ? brand
		   : lookrules_merged(lk, label, len, sk, r.n);
}

/*
 * lookrules_same_suffix - the registrable domain label[0..len).suffix is
 * under the public suffix of brand or of a family domain of the brand's
 * label (dhl.de of dhl.com).  A three-letter brand label with a letter
 * doubled or two swapped is another short name; under a suffix the
 * brand does not use, it is two changes away from the brand and mostly
 * somebody else's acronym (usp.br, a university, beside ups.com).
 */
static int lookrules_same_suffix(const struct lookalike *lk,
				 const struct lookalike_brand *brand,
				 const char *label, size_t len)
{
	const char *suffix = label + len + 1;
	size_t slen = strlen(suffix);
	char key[HOSTNAME_MAX + 1];

	if (strcmp(brand->domain + brand->label_len + 1, suffix) == 0)
		return 1;
	if (brand->label_len + 1 + slen > HOSTNAME_MAX)
		return 0;
	memcpy(key, brand->domain, brand->label_len + 1);
	memcpy(key + brand->label_len + 1, suffix, slen + 1);
	return strmap_get(lk->own, key) == brand;
}

/* lookrules_narrow_typo - the brand or family label of which label is a
 * doubled letter or a swap (the shorts index), a three-letter one only
 * under its own suffixes; NULL when none */
static const struct lookalike_brand *
lookrules_narrow_typo(const struct lookalike *lk, const char *label, size_t len)
{
	const struct lookalike_brand *brand = lookalike_get(
	    lk, LK_SHORTS, label, len, lookfilter_hash(label, len));

	if (brand == NULL || brand->label_len < LOOKALIKE_SHORT_MIN)
		return NULL;
	return brand->label_len > LOOKRULES_ACRONYM_MAX
		       || lookrules_same_suffix(lk, brand, label, len)
		   ? brand
		   : NULL;
}

/* lookrules_typo - one edit from a brand label of 5 or more (the sender's
 * 4 or more); for narrow brand labels and family labels a doubled letter
 * or a swap (lookrules_narrow_typo()) */
static const struct lookalike_brand *
lookrules_typo(const struct lookalike *lk, const char *label, size_t len)
{
	const struct lookalike_brand *narrow =
	    lookrules_narrow_typo(lk, label, len);
	const struct lookalike_brand *brand;

	/* A 4-letter sender is a 5-letter brand with a letter left out. */
	if ((narrow != NULL && narrow->owner == NULL)
	    || len + 1 < LOOKALIKE_TYPO_MIN)
		return narrow;
	/* A brand's typo wins over a family label's (discrodapp.net is
	 * discordapp.net's, not discord.com's discordapp.com's). */
	brand = looksearch_one(lk, &looksearch_one_typo, label, len);
	return brand != NULL ? brand : narrow;
}

/*
 * lookrules_homoglyph_edit - an ASCII label whose skeleton is one edit
 * from the skeleton of a brand label of 7 or more that is not narrow,
 * when the labels themselves are further apart: a look-alike letter plus
 * a typo (r0binhoodl, rnicrosft).  Two changes leave a 5-letter label
 * someone else's name (amail, emeil, smell of ameli), so only longer
 * labels.  Tried after typo, which
 * names a plain one-edit label better; IDN labels were tried by
 * lookrules_homoglyph() already.
 */
static const struct lookalike_brand *
lookrules_homoglyph_edit(const struct lookalike *lk, const char *label,
			 size_t len)
{
	static const struct looksearch_edit how = {
	    LK_SKELETONS, LK_SKEL_DELETIONS, 1, LOOKALIKE_TWO_STEP_MIN, 0, 1,
	    one_edit};
	char sk[CONFUSABLE_MAX + 1];
	char other[CONFUSABLE_MAX + 1];
	struct confusable_readings r = {label, len, sk, 0, 0, 0, 0};
	const struct lookalike_brand *brand;
	int n;

	if (len + 1 < LOOKALIKE_TWO_STEP_MIN)
		return NULL;
	n = confusable_skeleton(lk->cf, label, len, sk, &r.flags);
	if (n < 0 || (r.flags & CONFUSABLE_IDN))
		return NULL;
	r.n = (size_t)n;
	brand = looksearch_one(lk, &how, sk, r.n);
	while (brand == NULL
	       && (n = confusable_next_reading(lk->cf, &r, other)) >= 0)
		brand = looksearch_one(lk, &how, other, (size_t)n);
	return brand;
}

/*
 * lookrules_two_typos - two edits from a brand label of 11 to 24 that
 * is not narrow nor learned (myefherwalet, etherwallet, my-ether-wallet of
 * myetherwallet): who squats a long name takes two slips as readily as
 * one, and a label that long is two edits from few other names.  Tried
 * last: one edit, or a look-alike letter, names a label better.
 */
static const struct lookalike_brand *
lookrules_two_typos(const struct lookalike *lk, const char *label, size_t len)
{
	static const struct looksearch_edit how = {
	    LK_LABELS, LK_DELETIONS, 0, LOOKALIKE_TWO_EDIT_MIN, 0,
	    1,         two_edits};

	/* looksearch_two() returns at once when no label indexed is within
	 * two letters of len's length. */
	return looksearch_two(lk, &how, label, len);
}

/* lookrules_plural - a is b with an "s" after it */
static int lookrules_plural(const char *a, size_t alen, const char *b,
			    size_t blen)
{
	return alen == blen + 1 && a[blen] == 's' && memcmp(a, b, blen) == 0;
}

/*
 * lookrules_other_word - label[0..len), matched by an edit rule, is an
 * ordinary word of its own (dictword.h): finance is no typo of binance,
 * chaser none of chase.  The brand label with an "s" or without its
 * last "s" (amazons, staple of staples) is still the brand's name.
 */
static int lookrules_other_word(const struct lookalike_brand *brand,
				const char *label, size_t len)
{
	if (lookrules_plural(label, len, brand->domain, brand->label_len)
	    || lookrules_plural(brand->domain, brand->label_len, label, len))
		return 0;
	return dictword_is_word(label, len);
}

/* The rules in order of priority: the first match decides. */
static const struct lookrules_rule {
	const char *name;
	lookrules_rule_fn match;
	int edit; /* an edit of the brand: words are spared */
} lookrules_rules[] = {
    {"lookalike:tld-swap", lookrules_tld_swap, 0},
    {"lookalike:affix-mail", lookrules_affix, 0},
    {"lookalike:combo", lookcombo_words, 0},
    {"lookalike:combo", lookcombo_spelled, 0},
    {"lookalike:homoglyph", lookrules_homoglyph, 0},
    {"lookalike:combo", lookcombo_idn, 0},
    {"lookalike:typo", lookrules_typo, 1},
    {"lookalike:homoglyph", lookrules_homoglyph_edit, 1},
    {"lookalike:typo", lookrules_two_typos, 1},
    {"lookalike:combo", lookcombo_edit, 0},
    {"lookalike:combo", lookcombo_name, 0},
    {"lookalike:combo", lookcombo_swapped, 0},
    {"lookalike:combo", lookcombo_any_beside, 0},
};

/* lookrules_squattable - a match of brand by reg[0..len).suffix counts:
 * the suffix is open to anyone, or it is the brand's own (irs.gov's
 * typos under .gov: the registry vetted those, not the brand) */
static int lookrules_squattable(const struct lookalike *lk,
				const struct lookalike_brand *brand,
				const char *reg, size_t len)
{
	return !vetted_suffix(reg + len + 1)
	       || lookrules_same_suffix(lk, brand, reg, len);
}

/* lookrules_member_spoof - member, a family domain whose label is an
 * English word (messenger.com of facebook.com), matched by rule: the
 * homoglyph rule on an internationalized label under the family
 * domain's own suffix is that domain spoofed (messenger.com with a
 * Cyrillic e), a name no owner gives a site; what other rules match of
 * such a label is others' names (office, windows) */
static int lookrules_member_spoof(const struct lookalike *lk,
				  const struct lookalike_brand *member,
				  const struct lookrules_rule *rule,
				  const char *reg, size_t len)
{
	return rule->match == lookrules_homoglyph && confusable_is_ace(reg, len)
	       && lookrules_same_suffix(lk, member, reg, len);
}

/* lookrules_variant - the brand a registrable domain that is no brand
 * imitates, and *rule the rule's name; NULL when none.  A family
 * domain's label matched by a rule gives way to a brand that a later
 * rule finds (canada-post: canadapost.ca by a typo, not canada.ca's
 * brand by a keyword), and is none when it is an English word, but
 * for its IDN homoglyphs (lookrules_member_spoof()). */
const struct lookalike_brand *lookrules_variant(const struct lookalike *lk,
						const char *reg,
						const char **rule)
{
	const char *dot = strchr(reg, '.');
	const struct lookalike_brand *member = NULL;

	if (dot == NULL)
		return NULL;
	for (size_t i = 0; i < LOOKALIKE_COUNT(lookrules_rules); i++) {
		const size_t len = (size_t)(dot - reg);
		const struct lookalike_brand *brand =
		    lookrules_rules[i].match(lk, reg, len);

		if (brand == NULL
		    || (lookrules_rules[i].edit
			&& (lookrules_other_word(brand, reg, len)
			    || looksearch_family_label(lk, brand, reg, len)))
		    || !lookrules_squattable(lk, brand, reg, len))
			continue;
		if (brand->owner == NULL) {
			*rule = lookrules_rules[i].name;
			return brand;
		}
		/* office.com, windows.com: a family label that is an English
		 * word is in others' names, but not spoofed in IDN */
		if (member == NULL
		    && (!dictword_is_word(brand->domain, brand->label_len)
			|| lookrules_member_spoof(
			    lk, brand, &lookrules_rules[i], reg, len))) {
			*rule = lookrules_rules[i].name;
			member = brand;
		}
	}
	return member;
}
