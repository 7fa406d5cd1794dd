/*
 * NAME
 *	combosquat - a brand label combined with words: secure-paypal.com
 * SUMMARY
 *	Splits a label at hyphens and at keywords, and asks the caller
 *	whether what is left is a brand label.
 * DESCRIPTION
 *	Without a hyphen only a known keyword may stand beside the brand,
 *	because a brand label inside any longer word is mostly someone
 *	else's name (openoffice, appleton, chaser).  With hyphens the
 *	label is a list of words: the brand may be one of them, or a run
 *	of them when its own label has hyphens (t-mobile-login), possibly
 *	itself joined to keywords (microsoftonline-verify); the other
 *	words must be keywords or numbers, or keywords with a number
 *	glued (paypal-login2: a lure's counter), or two keywords glued
 *	(paypal-securelogin: lurepart.h), or two-letter country
 *	codes among keywords (paypal-de-login; paypal-de alone names an
 *	owner's site), unless the brand label is long enough to be
 *	distinctive and is not the first word, when any word will do
 *	before a coined name (brand-name is how owners name their own
 *	sites, paypal-deutschland, amazon-aws; word-brand is not), and
 *	only English words and codes before a label that is an English
 *	word (blue-google, us-amazon), only a code before a common word
 *	or a family's label (fr-ledger): a name before a word is somebody's
 *	phrase (jacobs-university, david-smith, bet-platform); after a
 *	coined name an English word will do too (paypal-balance,
 *	ethereum-transfer: the lures of real campaigns; owners name
 *	theirs mostly for countries, products and codes, which the word
 *	list does not hold, and an owner's site named with a word,
 *	paypal-marketing, belongs in its family), and there a keyword
 *	glued to an English word or misspelt (metamask-verifyprocess,
 *	metamask-wallett), which also counts glued after a coined name
 *	(metamaskwalet: an English word there is the owner's,
 *	googlegroups; a misspelt keyword is nobody's name).  A brand
 *	label under 5 characters (or a common word) joined without a
 *	hyphen needs 5 or more characters of keywords, on one side of
 *	it: mail+ing, my+box
 *	and post+ups are ordinary words, mail+ing+web a word with a
 *	keyword; a 4-letter label that is no word (ebay, usps, lyft) is a
 *	name that short keywords do not make into a word, and takes any
 *	keyword on one side (myebay, uberpay); one that ends no English
 *	word either (dhl, ebay, not ups or uber: setups, tuber) takes
 *	keywords before it too (webdhl) and one English word glued before
 *	it (bluedhl), as a coined brand name does (bluepaypal): a word
 *	before such a label can make no longer word of it.  After the
 *	brand an English word stays out (googlegroups, ebaystatic: how
 *	owners name their own sites).  The bits of a URL are keywords too
 *	(https-paypal, sslchase), and as long ones: no English word starts
 *	or ends with www or ssl, so wwwapple and sslchase are no compounds
 *	of ordinary words (myapple and chasepay are).  A
 *	brand label that makes an English word with the keyword glued
 *	next to it is a part of that word, however many keywords are
 *	around it: onlinebanking is online and banking, not online, bank
 *	and ing.  A two-letter label takes keywords only: beside a hyphen
 *	(bt-billing, my-ee), or glued when 6 or more letters of them
 *	stand on one side (btsecure, tdaccount) or a bit of a URL, which
 *	no name has (wwwbt: www.bt.com without its dot); beside numbers
 *	and other words, or glued to short keywords, two letters are a
 *	syllable, a model number or someone's initials (hp-15,
 *	td-ameritrade, bttrack).
 *
 *	Keywords (lureword.h) are looked up by binary search, for each
 *	prefix and suffix length up to the longest keyword: a few hundred
 *	comparisons a label, whatever the number of brands; the caller's
 *	brand lookup is one hash probe a candidate.
 */
#include <stdlib.h>
#include <string.h>

#include "combosquat.h"
#include "dictword.h"
#include "hostname.h"
#include "lurepart.h"
#include "lureword.h"

/* At most this many keywords around the brand in one word. */
#define COMBOSQUAT_DEPTH 2
/* A brand label left after the keywords are cut has this many or more. */
#define COMBOSQUAT_CORE_MIN 3
/* Keyword bytes a brand label under 5 characters needs beside it. */
#define COMBOSQUAT_SHORT_CUT 5
/* Words of a hyphenated label considered; more is not a name. */
#define COMBOSQUAT_WORDS_MAX 8

/* combosquat_is_number - s[0..len) is all digits */
static int combosquat_is_number(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return len > 0;
}

/* Which ends of a word keywords were cut from, and whether a number was
 * cut. */
#define COMBOSQUAT_FRONT  1
#define COMBOSQUAT_BACK   2
#define COMBOSQUAT_NUMBER 4

/* A brand label left after keywords is this long at least: a pair. */
#define COMBOSQUAT_PAIR_MIN 2
/* Keyword bytes glued to a pair (two letters) at least, on one side:
 * shorter keywords make its initials of anyone's name (bttrack, tdpay). */
#define COMBOSQUAT_PAIR_CUT 6

/* Digits a number glued to a brand label has at least: one is a typo. */
#define COMBOSQUAT_NUMBER_MIN 2

/* Bytes a URL bit counts for: as many as the longest keywords a brand
 * label needs glued beside it (a pair's): no name has one. */
#define COMBOSQUAT_URL_WEIGHT COMBOSQUAT_PAIR_CUT

/* combosquat_url_bit - s[0..len) is ww, www, http, https or ssl (the s
 * of https): a keyword that no English word has at its start or end */
static int combosquat_url_bit(const char *s, size_t len)
{
	if (len == 3 && memcmp(s, "ssl", len) == 0)
		return 1;
	if (len == 2 || len == 3)
		return memcmp(s, "www", len) == 0;
	return (len == 4 || len == 5) && memcmp(s, "https", len) == 0;
}

/* combosquat_cut_weight - the bytes a cut keyword counts for */
static size_t combosquat_cut_weight(const char *s, size_t len)
{
	return combosquat_url_bit(s, len) ? COMBOSQUAT_URL_WEIGHT : len;
}

/* combosquat_enough - keywords of cut bytes cut from sides make a brand
 * label of this kind (combosquat.h) a combination: a number only beside
 * a coined one; any keywords beside a distinctive one; keywords on one
 * side of a name or a code; after an acronym, whose end other words
 * have (sync+ing), any keyword; 6 bytes of them on one side of a pair;
 * else 5 bytes, on one side */
static int combosquat_enough(int distinct, size_t cut, int sides)
{
	int one_side = (sides & (COMBOSQUAT_FRONT | COMBOSQUAT_BACK))
		       != (COMBOSQUAT_FRONT | COMBOSQUAT_BACK);

	/* A number glued to a word or a short label is a name of its own
	 * (office365, 7eleven, web3); to a coined name, the lure's amount
	 * or year (5000ethereum, binance2019). */
	if (sides & COMBOSQUAT_NUMBER)
		return distinct == COMBOSQUAT_COINED;

	switch (distinct) {
	case COMBOSQUAT_NARROW:
	case COMBOSQUAT_ENGLISH:
	case COMBOSQUAT_COINED:
		return 1;
	case COMBOSQUAT_NAME:
	case COMBOSQUAT_CODE:
		return one_side;
	case COMBOSQUAT_ACRONYM:
		if (sides == COMBOSQUAT_BACK)
			return 1;
		break;
	case COMBOSQUAT_PAIR:
		return cut >= COMBOSQUAT_PAIR_CUT && one_side;
	default:
		break;
	}
	return cut >= COMBOSQUAT_SHORT_CUT && one_side;
}

/* What was cut from a word around its brand label so far. */
struct combosquat_cuts {
	size_t bytes; /* keyword bytes (a URL bit counts as a long one) */
	int sides;    /* COMBOSQUAT_FRONT, _BACK, _NUMBER */
	size_t front; /* the keyword cut last just before the rest, or 0 */
	size_t back;  /* the keyword cut last just after it, or 0 */
};

/* Nothing cut yet. */
static const struct combosquat_cuts combosquat_uncut = {0, 0, 0, 0};

/* combosquat_cut - cuts with bytes more cut from side (COMBOSQUAT_FRONT
 * or COMBOSQUAT_BACK), the last of them a keyword of length keyword
 * (0: a number), more sides */
static struct combosquat_cuts combosquat_cut(struct combosquat_cuts cuts,
					     int side, size_t bytes,
					     size_t keyword, int more)
{
	cuts.bytes += bytes;
	cuts.sides |= side | more;
	if (side == COMBOSQUAT_FRONT)
		cuts.front = keyword;
	else
		cuts.back = keyword;
	return cuts;
}

static const void *combosquat_strip(const char *word, size_t len, int depth,
				    struct combosquat_cuts cuts,
				    combosquat_find_fn find, const void *ctx);

/* combosquat_digits - the digits that word[0..len) begins with (step 1)
 * or ends with (step -1) */
static size_t combosquat_digits(const char *word, size_t len, int step)
{
	size_t n = 0;

	while (n < len
	       && combosquat_is_number(step > 0 ? word + n : word + len - 1 - n,
				       1))
		n++;
	return n;
}

/* combosquat_strip_number - combosquat_strip() with the number glued at
 * word's front or back cut (5000ethereum, binance2019) */
static const void *combosquat_strip_number(const char *word, size_t len,
					   int depth,
					   struct combosquat_cuts cuts,
					   combosquat_find_fn find,
					   const void *ctx)
{
	size_t front = combosquat_digits(word, len, 1);
	size_t back = combosquat_digits(word, len, -1);
	const void *brand = NULL;

	if (front >= COMBOSQUAT_NUMBER_MIN
	    && front + COMBOSQUAT_CORE_MIN <= len)
		brand = combosquat_strip(word + front, len - front, depth - 1,
					 combosquat_cut(cuts, COMBOSQUAT_FRONT,
							front, 0,
							COMBOSQUAT_NUMBER),
					 find, ctx);
	if (brand == NULL && back >= COMBOSQUAT_NUMBER_MIN
	    && back + COMBOSQUAT_CORE_MIN <= len)
		brand =
		    combosquat_strip(word, len - back, depth - 1,
				     combosquat_cut(cuts, COMBOSQUAT_BACK, back,
						    0, COMBOSQUAT_NUMBER),
				     find, ctx);
	return brand;
}

/* Letters of a keyword that make an English word with a brand label at
 * least: fewer make words of anything (s+ing, chase+r). */
#define COMBOSQUAT_JOIN_MIN 3

/* combosquat_joins_word - word[0..len) is the end of an English word
 * begun with the keyword cut just before it, or with a keyword that
 * ends that one, or the start of a word ended likewise after it: the
 * brand label is then a part of that word, not a name beside a keyword
 * (online+bank+ing, webmail+ing; not online+ups: line is no keyword) */
static int combosquat_joins_word(const char *word, size_t len,
				 const struct combosquat_cuts *cuts)
{
	for (size_t j = COMBOSQUAT_JOIN_MIN; j <= cuts->front; j++)
		if ((j == cuts->front || lureword_is_keyword(word - j, j))
		    && dictword_is_word(word - j, j + len))
			return 1;
	for (size_t j = COMBOSQUAT_JOIN_MIN; j <= cuts->back; j++)
		if ((j == cuts->back || lureword_is_keyword(word + len, j))
		    && dictword_is_word(word, len + j))
			return 1;
	return 0;
}

/* combosquat_may_be_core - s[0..len) may be a brand label left once
 * cut[0..k) is cut beside it, bytes cut before: 3 bytes or more, or a
 * pair (a brand of two letters, looked up first: the keyword lookups
 * cost more, and a pair is rare) beside enough keywords */
static int combosquat_may_be_core(const char *s, size_t len, size_t bytes,
				  const char *cut, size_t k,
				  combosquat_find_fn find, const void *ctx)
{
	int distinct;

	if (len >= COMBOSQUAT_CORE_MIN)
		return 1;
	return len == COMBOSQUAT_PAIR_MIN
	       && bytes + combosquat_cut_weight(cut, k) >= COMBOSQUAT_PAIR_CUT
	       && find(ctx, s, len, &distinct) != NULL;
}

/* combosquat_strip - the brand in word[0..len) once up to depth more
 * keywords are cut from its ends; cuts: what was cut already (nothing
 * is no combination).  A short or common-word brand label needs long
 * keywords on one side only: mail+ing and my+box are words, and a short
 * label between two words is a syllable of a longer one (mail+ing+web),
 * while ups+tracking is a lure (combosquat_enough()); and the keyword
 * next to it must make no word with it (combosquat_joins_word()). */
static const void *combosquat_strip(const char *word, size_t len, int depth,
				    struct combosquat_cuts cuts,
				    combosquat_find_fn find, const void *ctx)
{
	const void *brand;
	int distinct = 0;

	if (cuts.bytes > 0 && (brand = find(ctx, word, len, &distinct)) != NULL
	    && combosquat_enough(distinct, cuts.bytes, cuts.sides)
	    && !combosquat_joins_word(word, len, &cuts))
		return brand;
	if (depth == 0)
		return NULL;
	brand = combosquat_strip_number(word, len, depth, cuts, find, ctx);
	if (brand != NULL)
		return brand;
	for (size_t k = 2; k <= LUREWORD_MAX && k + COMBOSQUAT_PAIR_MIN <= len;
	     k++) {
		if (combosquat_may_be_core(word + k, len - k, cuts.bytes, word,
					   k, find, ctx)
		    && lureword_is_keyword(word, k)
		    && (brand = combosquat_strip(
			    word + k, len - k, depth - 1,
			    combosquat_cut(cuts, COMBOSQUAT_FRONT,
					   combosquat_cut_weight(word, k), k,
					   0),
			    find, ctx))
			   != NULL)
			return brand;
		if (combosquat_may_be_core(word, len - k, cuts.bytes,
					   word + len - k, k, find, ctx)
		    && lureword_is_keyword(word + len - k, k)
		    && (brand = combosquat_strip(
			    word, len - k, depth - 1,
			    combosquat_cut(
				cuts, COMBOSQUAT_BACK,
				combosquat_cut_weight(word + len - k, k), k, 0),
			    find, ctx))
			   != NULL)
			return brand;
	}
	return NULL;
}

/* A word of a label with its length. */
struct combosquat_span {
	const char *s;
	size_t len;
};

/* A hyphenated label cut into words. */
struct combosquat_words {
	struct combosquat_span word[COMBOSQUAT_WORDS_MAX];
	size_t count;
};

/* combosquat_split - label[0..len) at its hyphens; 0 when it has none
 * or too many words */
static int combosquat_split(const char *label, size_t len,
			    struct combosquat_words *words)
{
	const char *word;
	size_t at = 0;
	size_t n;

	words->count = 0;
	while ((n = hostname_next_word(label, len, &at, &word)) > 0) {
		if (words->count == COMBOSQUAT_WORDS_MAX)
			return 0;
		words->word[words->count].s = word;
		words->word[words->count++].len = n;
	}
	return words->count > 1;
}

/* The word that owners glue before their brand for their mail servers
 * (emailebay.com is eBay's); the affix-mail rule takes it only with a
 * hyphen (email-paypal). */
#define COMBOSQUAT_MAIL_WORD "email"
/* The other mail affix of that rule, and the one on the keyword list. */
#define COMBOSQUAT_MAIL_SHORT "mail"

/* combosquat_is - s[0..len) is word */
static int combosquat_is(const char *s, size_t len, const char *word)
{
	return strlen(word) == len && memcmp(s, word, len) == 0;
}

/* What combosquat_others_plain() takes besides keywords. */
#define COMBOSQUAT_TAKE_NUMBER    1
#define COMBOSQUAT_TAKE_ENGLISH   2
#define COMBOSQUAT_TAKE_CODE      4 /* among keywords */
#define COMBOSQUAT_TAKE_LONE_CODE 8 /* with no keyword too */
/* Letters of a country or language code. */
#define COMBOSQUAT_CODE_LEN 2

/* combosquat_numbered - s[0..len) is a keyword with a number glued to
 * it (login2, secure365, 24support): a lure's counter, as a number of
 * its own would be */
static int combosquat_numbered(const char *s, size_t len)
{
	size_t front = combosquat_digits(s, len, 1);
	size_t back = front < len ? combosquat_digits(s, len, -1) : 0;

	return front + back > 0 && front + back < len
	       && lureword_is_keyword(s + front, len - front - back);
}

/* combosquat_is_code - s[0..len) is two letters: a country or language
 * code (de, jp, us) */
static int combosquat_is_code(const char *s, size_t len)
{
	return len == COMBOSQUAT_CODE_LEN && s[0] >= 'a' && s[0] <= 'z'
	       && s[1] >= 'a' && s[1] <= 'z';
}

/* combosquat_is_phrase_word - s[0..len) is an English word, or a
 * keyword glued to one, or a keyword misspelt (lurepart.h): where
 * English words count, a lure's phrase (paypal-balance,
 * metamask-verifyprocess, metamask-wallett) */
static int combosquat_is_phrase_word(const char *s, size_t len)
{
	return dictword_is_word(s, len) || lurepart_phrase(s, len)
	       || lurepart_misspelt(s, len);
}

/* What a word beside the brand label is to combosquat_others_plain(). */
enum combosquat_other_kind {
	COMBOSQUAT_OTHER_NONE,    /* none the rule takes */
	COMBOSQUAT_OTHER_KEYWORD, /* a keyword, or two glued */
	COMBOSQUAT_OTHER_CODE,    /* two letters */
	COMBOSQUAT_OTHER_TAKEN    /* a number or a word, as take says */
};

/* combosquat_other - what word w is, with take (COMBOSQUAT_TAKE_*); the
 * dearer tests last, as most words of a label are keywords or numbers
 * or nothing the rule takes (two keywords glued are sought at each cut,
 * a misspelt one among all keywords) */
static enum combosquat_other_kind
combosquat_other(const struct combosquat_span *w, int take)
{
	if (lureword_is_keyword(w->s, w->len))
		return COMBOSQUAT_OTHER_KEYWORD;
	if ((take & (COMBOSQUAT_TAKE_CODE | COMBOSQUAT_TAKE_LONE_CODE))
	    && combosquat_is_code(w->s, w->len))
		return COMBOSQUAT_OTHER_CODE;
	if ((take & COMBOSQUAT_TAKE_NUMBER)
	    && (combosquat_is_number(w->s, w->len)
		|| combosquat_numbered(w->s, w->len)))
		return COMBOSQUAT_OTHER_TAKEN;
	if (lurepart_keywords(w->s, w->len))
		return COMBOSQUAT_OTHER_KEYWORD;
	return (take & COMBOSQUAT_TAKE_ENGLISH)
		       && combosquat_is_phrase_word(w->s, w->len)
		   ? COMBOSQUAT_OTHER_TAKEN
		   : COMBOSQUAT_OTHER_NONE;
}

/* combosquat_others_plain - every word outside words first..last is a
 * keyword, or a number or a keyword with one glued, or an English word,
 * as take says; with COMBOSQUAT_TAKE_CODE, two letters too when a
 * keyword is among them (paypal-de-login; paypal-de alone is how owners
 * name a country's site), with COMBOSQUAT_TAKE_LONE_CODE when none is */
static int combosquat_others_plain(const struct combosquat_words *words,
				   size_t first, size_t last, int take)
{
	size_t keywords = 0;
	size_t codes = 0;

	for (size_t i = 0; i < words->count; i++) {
		const struct combosquat_span *w = &words->word[i];

		if (i >= first && i <= last)
			continue;
		switch (combosquat_other(w, take)) {
		case COMBOSQUAT_OTHER_KEYWORD:
			keywords++;
			break;
		case COMBOSQUAT_OTHER_CODE:
			codes++;
			break;
		case COMBOSQUAT_OTHER_TAKEN:
			break;
		default:
			return 0;
		}
	}
	return codes == 0 || keywords > 0 || (take & COMBOSQUAT_TAKE_LONE_CODE);
}

/*
 * combosquat_pair_lure - the words outside words first..last, beside a
 * two-letter label, are keywords, and not the mail affix alone: a mail
 * host named with two letters (aa-mail) is anyone's, and the affix-mail
 * rule, whose word it is, leaves two letters out.
 */
static int combosquat_pair_lure(const struct combosquat_words *words,
				size_t first, size_t last)
{
	int lure = 0;

	for (size_t i = 0; i < words->count; i++)
		if (i < first || i > last)
			lure |=
			    !combosquat_is(words->word[i].s, words->word[i].len,
					   COMBOSQUAT_MAIL_SHORT);
	return lure && combosquat_others_plain(words, first, last, 0);
}

/*
 * combosquat_name_phrase - the two words of a hyphenated label are a
 * brand label of 3 or 4 letters that is no word (word number brand) and an
 * English word, in either order: dhl-balance, blue-usps.  With a hyphen
 * no longer word is made (what keeps a short label beside short
 * keywords unhyphenated), and an acronym or short name beside an
 * ordinary word is the lure's phrase; the two joined must not be a word
 * themselves (pick-ups, set-ups are pickups, setups).
 */
static int combosquat_name_phrase(const struct combosquat_words *words,
				  size_t brand, int distinct)
{
	const struct combosquat_span *w = words->word;
	char joined[HOSTNAME_LABEL_MAX + 1];

	/* the other word is w[1 - brand]: only with two words, brand 0 or 1 */
	if (words->count != 2 || brand > 1
	    || (distinct != COMBOSQUAT_ACRONYM && distinct != COMBOSQUAT_NAME
		&& distinct != COMBOSQUAT_CODE)
	    || !dictword_is_word(w[1 - brand].s, w[1 - brand].len)
	    || w[0].len + w[1].len > HOSTNAME_LABEL_MAX)
		return 0;
	memcpy(joined, w[0].s, w[0].len);
	memcpy(joined + w[0].len, w[1].s, w[1].len);
	return !dictword_is_word(joined, w[0].len + w[1].len);
}

/*
 * combosquat_others_fit - the words outside first..last, which are not
 * all keywords and numbers, may stand beside a brand label of this kind
 * (combosquat.h): any name before a coined or narrow label, English
 * words, numbers and codes before one that is an English word, a code
 * before a common word, English words after a coined name, one English
 * word beside a short name.
 */
static int combosquat_others_fit(const struct combosquat_words *words,
				 size_t first, size_t last, int distinct)
{
	switch (distinct) {
	case COMBOSQUAT_COINED:
		return first > 0
		       || combosquat_others_plain(
			   words, first, last,
			   COMBOSQUAT_TAKE_NUMBER | COMBOSQUAT_TAKE_ENGLISH);
	case COMBOSQUAT_NARROW:
		return first > 0;
	case COMBOSQUAT_COMMON:
		/* fr-ledger, us-ledger: squats on MetaMask's list; a code
		 * before a word is nobody's phrase, after it an owner's
		 * country site (apple-us) */
		return first > 0
		       && combosquat_others_plain(words, first, last,
						  COMBOSQUAT_TAKE_LONE_CODE);
	case COMBOSQUAT_ENGLISH:
		return first > 0
		       && combosquat_others_plain(
			   words, first, last,
			   COMBOSQUAT_TAKE_NUMBER | COMBOSQUAT_TAKE_ENGLISH
			       | COMBOSQUAT_TAKE_LONE_CODE);
	default:
		return first == last
		       && combosquat_name_phrase(words, first, distinct);
	}
}

/*
 * combosquat_run - the brand that words first..last of a hyphenated label
 * are, alone or with keywords joined, with the other words as the rules
 * require (any word before a coined brand, English words before one that
 * is a word; after it keywords and numbers, and English words after a
 * coined name; one English word beside a short name).  A run of words
 * is what a hyphenated brand label is (t-mobile-login,
 * secure-deutsche-bank); the whole label is a brand only with keywords
 * joined to it (t-mobilelogin).
 */
static const void *combosquat_run(const struct combosquat_words *words,
				  size_t first, size_t last,
				  combosquat_find_fn find, const void *ctx)
{
	const char *s = words->word[first].s;
	size_t len = (size_t)(words->word[last].s - s) + words->word[last].len;
	int plain = combosquat_others_plain(
	    words, first, last, COMBOSQUAT_TAKE_NUMBER | COMBOSQUAT_TAKE_CODE);
	int distinct = 0;
	const void *brand = NULL;

	if (first > 0 || last + 1 < words->count)
		brand = find(ctx, s, len, &distinct);
	if (brand != NULL && distinct == COMBOSQUAT_PAIR)
		return combosquat_pair_lure(words, first, last) ? brand : NULL;
	/* find() returns a brand of its index, never &distinct */
	if (brand != NULL
	    && (plain || combosquat_others_fit(words, first, last, distinct)))
		/* cppcheck-suppress returnDanglingLifetime */
		return brand;
	return plain ? combosquat_strip(s, len, COMBOSQUAT_DEPTH,
					combosquat_uncut, find, ctx)
		     : NULL;
}

/* combosquat_hyphenated - the brand of the first run of words, shortest
 * first, that is one (combosquat_run()) */
static const void *combosquat_hyphenated(const struct combosquat_words *words,
					 combosquat_find_fn find,
					 const void *ctx)
{
	for (size_t first = 0; first < words->count; first++)
		for (size_t last = first; last < words->count; last++) {
			const void *brand =
			    combosquat_run(words, first, last, find, ctx);

			if (brand != NULL)
				return brand;
		}
	return NULL;
}

/*
 * combosquat_word_before - the brand that word[0..len) is with one
 * English word glued before it, when no English word ends with its
 * label: a coined name (bluepaypal) or a code (bluedhl); not the
 * word of the owners' mail servers.  The brand is looked up first, one
 * hash probe a split; the word list only for a brand found.
 */
static const void *combosquat_word_before(const char *word, size_t len,
					  combosquat_find_fn find,
					  const void *ctx)
{
	for (size_t k = DICTWORD_MIN; k + COMBOSQUAT_CORE_MIN <= len; k++) {
		int distinct = 0;
		const void *brand = find(ctx, word + k, len - k, &distinct);

		if (brand != NULL
		    && (distinct == COMBOSQUAT_COINED
			|| distinct == COMBOSQUAT_CODE)
		    && !combosquat_is(word, k, COMBOSQUAT_MAIL_WORD)
		    && dictword_is_word(word, k))
			/* find() returns a brand of its index, never &distinct */
			/* cppcheck-suppress returnDanglingLifetime */
			return brand;
	}
	return NULL;
}

/*
 * combosquat_slip_after - the brand that word[0..len) is with a keyword
 * misspelt glued after it, when its label is a coined name
 * (metamaskwalet, paypalacount): a misspelt lure word is no owner's
 * name for a site, as English words after the brand are (googlegroups,
 * paypalwallets: a plural that is a word stays out).
 */
static const void *combosquat_slip_after(const char *word, size_t len,
					 combosquat_find_fn find,
					 const void *ctx)
{
	/* a coined label has COMBOSQUAT_ANY_WORD_MIN letters or more: no
	 * shorter one is looked up */
	for (size_t k = COMBOSQUAT_ANY_WORD_MIN;
	     k + LUREPART_SLIP_MIN <= len + 1; k++) {
		int distinct = 0;
		const void *brand = find(ctx, word, k, &distinct);

		if (brand != NULL && distinct == COMBOSQUAT_COINED
		    && !dictword_is_word(word + k, len - k)
		    && lurepart_misspelt(word + k, len - k))
			/* find() returns a brand of its index, never &distinct */
			/* cppcheck-suppress returnDanglingLifetime */
			return brand;
	}
	return NULL;
}

/* combosquat_find - the brand a label combines with words, or NULL */
const void *combosquat_find(const char *label, size_t len,
			    combosquat_find_fn find, const void *ctx)
{
	struct combosquat_words words;

	if (find == NULL || label == NULL)
		return NULL;
	if (memchr(label, '-', len) == NULL) {
		const void *brand = combosquat_strip(
		    label, len, COMBOSQUAT_DEPTH, combosquat_uncut, find, ctx);

		if (brand == NULL)
			brand = combosquat_word_before(label, len, find, ctx);
		return brand != NULL
			   ? brand
			   : combosquat_slip_after(label, len, find, ctx);
	}
	if (!combosquat_split(label, len, &words))
		return NULL;
	return combosquat_hyphenated(&words, find, ctx);
}
