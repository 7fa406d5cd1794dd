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
 *	skel_deletions	the same for brand and family skeletons: an IDN
 *			label one edit from a brand or family label once
 *			both are folded (a letter that no table knows
 *			among look-alike ones), an ASCII label one edit
 *			from a brand label of 7 or more that is not narrow
 *			once folded (a look-alike letter and a typo).
 *	deletions2	every label made by deleting two characters from a
 *			brand label of 11 to 24 that is not narrow: the
 *			sender's label and its deletions of one and two
 *			characters looked up here, in deletions and in
 *			labels find the brands two edits away (myefherwalet,
 *			a real squat of myetherwallet), each verified.
 *	merged		the skeleton of a brand label of 7 or more with c
 *			written e (confusable_merge_ce()) -> brand:
 *			homoglyph, the two swapped both ways
 *			(indcpcndcntrcscrvc, mereadobiteoin).
 *	names		each word of a hyphenated brand label that may be
 *			its name, 4 letters or more (3 leading the label,
 *			its initials), no English word and no keyword
 *			(litecoin of litecoin-foundation, deutsche of
 *			deutsche-bank, vtb of vtb-bank) -> brand: that word
 *			beside keywords is a lure (litecoin-login).
 *	frames		a hyphenated brand label without its first word
 *			and without its last, the hyphen kept, when the
 *			words kept have 3 letters or more (-bank and
 *			deutsche- of deutsche-bank) -> brand: a keyword in
 *			the word's place under the brand's suffix is a
 *			lure (login-bank.de).
 *	shorts		for brand labels under 5 characters, words and
 *			family labels, the labels with one letter doubled
 *			or two adjacent letters swapped -> brand: the only
 *			typos of such a label that few real names make
 *			(ubs, nhl, art are names).
 *	own		a family's own domains -> brand: never lookalikes.
 *	members		a family domain with a label of its own (youtube
 *			of google.com) -> a target in labels, skeletons,
 *			skeleton deletions and shorts only, reported for
 *			its brand; brands win over it.
 *
 *	A Bloom filter (lookfilter.h) of every label-index key says in
 *	one probe that most candidates are in no index, so a check costs
 *	the same with one brand or 10,000.  The indexes are built in
 *	lookindex.c and read by the rules of lookrules.c (the combination
 *	rules in lookcombo.c), through the searches of looksearch.c;
 *	their structures are in lookindex.h.
 *
 *	Priorities: tld-swap, affix-mail, combo, homoglyph, typo, the ASCII
 *	homoglyph-and-typo, then two typos.  The exact-label rules come
 *	first because they are certain; a homoglyph explains a label better
 *	than a typo does (1inkedin is one substitution too), a plain typo
 *	better than a homoglyph and a typo, and that better than two
 *	typos.  Within a rule the brand added first wins (ordinal), so a
 *	brands file loaded first outranks learned brands.  Only when the
 *	registrable domain imitates no brand are the labels below it
 *	searched for a brand's whole domain (lookembed.h:
 *	paypal.com.verify-id.info), reported as "lookalike:embedded".
 *
 *	False alarms are kept down by: a brand's own domains (the brand, its
 *	family, hosts below them) never match; the allow list; tld-swap,
 *	affix-mail and combo only for brand labels of 3 or more characters;
 *	typo only when both labels have 5 or more characters, shorter ones
 *	only by a doubled letter or a swap, two typos only for brand labels
 *	of 11 to 24 given in a brands file; a learned brand that is itself
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

#include "cctld.h"
#include "hostname.h"
#include "lookalike.h"
#include "lookembed.h"
#include "lookindex.h"
#include "vetted.h"

static const struct lookalike_brand *
lookalike_suffix_own(const struct lookalike *lk, const char *reg);

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
	lk->members = strmap_new(LOOKALIKE_EXPECTED);
	lk->allowed = strmap_new(LOOKALIKE_EXPECTED);
	lk->next_member = LOOKALIKE_MEMBER_ORDINAL;
	if (failed || lk->psl == NULL || lk->cf == NULL || lk->brands == NULL
	    || lk->own == NULL || lk->members == NULL || lk->allowed == NULL
	    || lookfilter_init(&lk->filter) < 0
	    || lookfilter_init(&lk->domains) < 0) {
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
						|| i == LK_DELETIONS2
					    ? lookindex_near_free
					    : NULL);
	strmap_free(lk->own, NULL);
	strmap_free(lk->allowed, NULL);
	strmap_free(lk->brands, lookalike_brand_free);
	strmap_free(lk->members, lookalike_brand_free);
	confusable_free(lk->cf);
	lookfilter_free(&lk->filter);
	lookfilter_free(&lk->domains);
	free(lk);
}

/* lookalike_brand_count - brands known */
size_t lookalike_brand_count(const struct lookalike *lk)
{
	return lk != NULL ? strmap_count(lk->brands) : 0;
}

/* lookalike_domain_added - domain, just put in brands or own, into the
 * filter of those domains; 0, or -1 ENOMEM */
static int lookalike_domain_added(struct lookalike *lk, const char *domain)
{
	struct strmap *const maps[] = {lk->brands, lk->own};

	return lookfilter_add(&lk->domains, domain, maps, 2);
}

/* lookalike_insert - a validated registrable domain as a new target in
 * targets (lk->brands, or lk->members with its owner), learned or given:
 * 1, or 0 when it is one already, -1 ENOMEM */
static int lookalike_insert(struct lookalike *lk, struct strmap *targets,
			    const char *domain,
			    const struct lookalike_brand *owner, int learned)
{
	size_t len = strlen(domain);
	struct lookalike_brand *brand;

	if (strmap_get(targets, domain) != NULL)
		return 0;
	brand = calloc(1, sizeof(*brand) + len + 1);
	if (brand == NULL)
		goto fail;
	memcpy(brand->domain, domain, len + 1);
	brand->label_len = (size_t)(strchr(domain, '.') - domain);
	brand->ordinal = owner != NULL ? lk->next_member++ : lk->next_ordinal++;
	brand->owner = owner;
	brand->learned = learned;
	if (strmap_put(targets, brand->domain, brand, NULL) < 0) {
		free(brand);
		goto fail;
	}
	if ((targets == lk->brands
	     && lookalike_domain_added(lk, brand->domain) < 0)
	    || lookindex_add(lk, brand) < 0)
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
	    || hostname_normalize(name, strnlen(name, HOSTNAME_UTF8_MAX + 1),
				  host)
		   != HOST_OK)
		return LOOKALIKE_NOT_HOST;
	*reg = psl_registrable_domain(lk->psl, host);
	if (*reg == NULL)
		return LOOKALIKE_SUFFIX;
	return *reg == host ? LOOKALIKE_REGISTRABLE : LOOKALIKE_BELOW;
}

/*
 * lookalike_add_reading - for a brand whose label is an A-label, its
 * label as a reader writes it in ASCII under the same suffix (bücher.de:
 * bucher.de) as a target reported for the brand, as a family domain is,
 * but not one of the brand's own domains: phishers write the name so
 * (bucher-login.de, munchner-bank-secure.de), and what a family label
 * takes is what such a reading takes (keywords, a doubled letter or a
 * swap, homoglyphs); the reading itself stays the brand's homoglyph.
 * The reading's domain into domain ("" for none), and 0, or -1 ENOMEM.
 */
static int lookalike_add_reading(struct lookalike *lk,
				 const struct lookalike_brand *brand,
				 char domain[HOSTNAME_MAX + 1])
{
	char reading[CONFUSABLE_READING_MAX + 1];
	int n;

	domain[0] = '\0';
	if (!confusable_is_ace(brand->domain, brand->label_len))
		return 0;
	n = confusable_reading(lk->cf, brand->domain, brand->label_len,
			       reading);
	if (n < LOOKALIKE_TYPO_MIN
	    || snprintf(domain, HOSTNAME_MAX + 1, "%s%s", reading,
			brand->domain + brand->label_len)
		   > HOSTNAME_MAX
	    || strmap_get(lk->brands, domain) != NULL
	    || strmap_get(lk->own, domain) != NULL) {
		domain[0] = '\0';
		return 0;
	}
	return lookalike_insert(lk, lk->members, domain, brand, 0) < 0 ? -1 : 0;
}

/*
 * lookalike_add_unhyphenated - for a hyphenated label of brand's, the
 * brand's own (rolls-royce.com) or its reading (munchner-bank.de), the
 * label with its hyphens left out under the same suffix (rollsroyce.com)
 * as a target reported for the brand, as lookalike_add_reading()'s is:
 * phishers drop the hyphen before they add a word (rollsroycelogin,
 * munchnerbank-secure), and the label alone stays the brand's typo or
 * homoglyph.  None when it is a brand or an own domain already, or
 * shorter than a typo's labels.  0, or -1 ENOMEM.
 */
static int lookalike_add_unhyphenated(struct lookalike *lk,
				      const struct lookalike_brand *brand,
				      const char *domain)
{
	char joined[HOSTNAME_MAX + 1];
	struct lookalike_brand *member;
	size_t n = 0;
	const char *dot = strchr(domain, '.');

	if (dot == NULL || memchr(domain, '-', (size_t)(dot - domain)) == NULL
	    || confusable_is_ace(domain, (size_t)(dot - domain)))
		return 0;
	for (const char *p = domain; p < dot; p++)
		if (*p != '-')
			joined[n++] = *p;
	if (n < LOOKALIKE_TYPO_MIN)
		return 0;
	memcpy(joined + n, dot, strlen(dot) + 1);
	if (strmap_get(lk->brands, joined) != NULL
	    || strmap_get(lk->own, joined) != NULL)
		return 0;
	if (lookalike_insert(lk, lk->members, joined, brand, 0) < 0)
		return -1;
	member = strmap_get(lk->members, joined);
	if (member != NULL)
		member->joined = 1;
	return 0;
}

/* lookalike_add_brand - a brand from the administrator, its reading and
 * the unhyphenated forms of both */
int lookalike_add_brand(struct lookalike *lk, const char *domain)
{
	char host[HOSTNAME_MAX + 1];
	const char *reg;
	char reading[HOSTNAME_MAX + 1];
	const struct lookalike_brand *brand;
	int added;

	if (lookalike_judge(lk, domain, host, &reg) != LOOKALIKE_REGISTRABLE) {
		errno = EINVAL;
		return -1;
	}
	added = lookalike_insert(lk, lk->brands, host, NULL, 0);
	if (added <= 0)
		return added;
	brand = strmap_get(lk->brands, host);
	if (lookalike_add_reading(lk, brand, reading) < 0
	    || lookalike_add_unhyphenated(lk, brand, brand->domain) < 0
	    || (reading[0] != '\0'
		&& lookalike_add_unhyphenated(lk, brand, reading) < 0))
		return -1;
	return added;
}

/*
 * lookalike_distinct_member - family domain host of brand b is imitated
 * as the brand itself is (youtube-login.com for google.com): its label
 * is not the brand's (docusign.net) and has 5 or more characters.  One
 * that is an English word (office.com, windows.com) is dropped when it
 * matches (lookrules.c), which spares the word list's pages at start.
 * tld-swap never takes it: who owns a family domain's label under other
 * suffixes, the family does not say.
 */
static int lookalike_distinct_member(const struct lookalike_brand *b,
				     const char *host)
{
	size_t len = strcspn(host, ".");

	return len >= LOOKALIKE_TYPO_MIN
	       && !(len == b->label_len && memcmp(host, b->domain, len) == 0);
}

/* lookalike_unjoin - an own domain of brand b, host, whose label is b's
 * label without its hyphens (deutschebank.com of deutsche-bank.de): that
 * label is the owner's spelling after all, as a family label is */
static void lookalike_unjoin(struct lookalike *lk,
			     const struct lookalike_brand *b, const char *host)
{
	char joined[HOSTNAME_MAX + 1];
	size_t label = strcspn(host, ".");
	struct lookalike_brand *member;

	if (snprintf(joined, sizeof(joined), "%.*s%s", (int)label, host,
		     b->domain + b->label_len)
	    > HOSTNAME_MAX)
		return;
	member = strmap_get(lk->members, joined);
	if (member != NULL && member->joined && member->owner == b)
		member->joined = 0;
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
	if (strmap_put(lk->own, host, b, NULL) < 0
	    || lookalike_domain_added(lk, host) < 0) {
		errno = ENOMEM;
		return -1;
	}
	if (lookalike_distinct_member(b, host)
	    && lookalike_insert(lk, lk->members, host, b, 0) < 0)
		return -1;
	lookalike_unjoin(lk, b, host);
	return 1;
}

/* lookalike_set_word - brand's label is a common word: narrow typos */
int lookalike_set_word(struct lookalike *lk, const char *brand)
{
	struct lookalike_brand *b =
	    lk != NULL ? strmap_get(lk->brands, brand) : NULL;
	int was_narrow;

	if (b == NULL) {
		errno = EINVAL;
		return -1;
	}
	was_narrow = b->narrow;
	b->word = 1;
	b->narrow = 1;
	if (!was_narrow && lookindex_shorts(lk, b) < 0) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

/* lookalike_given - the brand added as brand, or NULL with errno EINVAL */
static struct lookalike_brand *lookalike_given(struct lookalike *lk,
					       const char *brand)
{
	struct lookalike_brand *b =
	    lk != NULL ? strmap_get(lk->brands, brand) : NULL;

	if (b == NULL)
		errno = EINVAL;
	return b;
}

/* lookalike_set_open - anything beside brand's label makes a
 * combination (lookcombo_open()) */
int lookalike_set_open(struct lookalike *lk, const char *brand)
{
	struct lookalike_brand *b = lookalike_given(lk, brand);

	if (b == NULL)
		return -1;
	b->open = 1;
	/* a label has at most HOSTNAME_LABEL_MAX (63) bytes: one bit each */
	if (b->label_len <= HOSTNAME_LABEL_MAX)
		lk->open_lengths |= UINT64_C(1) << b->label_len;
	return 0;
}

/* lookalike_own_cc - brand owns its label under every ccTLD */
int lookalike_own_cc(struct lookalike *lk, const char *brand)
{
	struct lookalike_brand *b = lookalike_given(lk, brand);

	if (b == NULL)
		return -1;
	b->any_cc = 1;
	return 0;
}

/* lookalike_own_all - brand owns its label under every public suffix */
int lookalike_own_all(struct lookalike *lk, const char *brand)
{
	struct lookalike_brand *b = lookalike_given(lk, brand);

	if (b == NULL)
		return -1;
	b->any_suffix = 1;
	return 0;
}

/* lookalike_set_learn_max - learned brands kept at most, and whom to
 * tell of the first refused */
void lookalike_set_learn_max(struct lookalike *lk, size_t max,
			     const struct say_to *say)
{
	if (lk == NULL)
		return;
	lk->learn_max = max;
	if (say != NULL)
		lk->say = *say;
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
	    || strmap_get(lk->own, host) != NULL
	    || lookalike_suffix_own(lk, host) != NULL
	    || lookrules_variant(lk, host, &rule) != NULL)
		return 0;
	if (lk->learned >= lk->learn_max) {
		if (lk->learn_refused++ == 0)
			say_print(&lk->say, SAY_WARN,
				  "%zu brands learned "
				  "from campaigns, the most kept "
				  "(--max-learned-brands): %s and later ones "
				  "are not learned",
				  lk->learn_max, host);
		return 0;
	}
	added = lookalike_insert(lk, lk->brands, host, NULL, 1);
	if (added > 0)
		lk->learned++;
	return added;
}

/* lookalike_suffix_own - reg is a brand's label under a suffix the brand
 * owns it under: every registry's suffix (.*), or every country-code
 * suffix (or a language community's, cctld.h); never one of the Public
 * Suffix List's private section, where a hosting service gives names
 * to anyone (github.io, blogspot.de: they end in a country code too):
 * that brand, or NULL */
static const struct lookalike_brand *
lookalike_suffix_own(const struct lookalike *lk, const char *reg)
{
	size_t label_len = strcspn(reg, ".");
	const struct lookalike_brand *brand = lookalike_get(
	    lk, LK_LABELS, reg, label_len, lookfilter_hash(reg, label_len));

	if (brand == NULL || !(brand->any_suffix || brand->any_cc)
	    || !psl_is_public_suffix2(lk->psl, reg + label_len + 1,
				      PSL_TYPE_ICANN))
		return NULL;
	return brand->any_suffix || cctld_is_country(strrchr(reg, '.') + 1)
		   ? brand
		   : NULL;
}

/* lookalike_named - the brand whose domain or family domain
 * name[0..len) is (a lookembed_named_fn); the filter of those domains
 * answers most questions.  Not the brand's label under a country-code
 * suffix: its label and two letters are too often a host's own words
 * (live.vu.edu.au). */
static const void *lookalike_named(const void *ctx, const char *name,
				   size_t len)
{
	const struct lookalike *lk = ctx;
	const struct lookalike_brand *brand;

	if (!lookfilter_maybe(&lk->domains, lookfilter_hash(name, len)))
		return NULL;
	brand = strmap_getn(lk->brands, name, len);
	return brand != NULL ? brand : strmap_getn(lk->own, name, len);
}

/* lookalike_owner_of - the brand whose domain, family domain or label
 * under its own suffixes the registrable domain reg is, or NULL */
static const struct lookalike_brand *
lookalike_owner_of(const struct lookalike *lk, const char *reg)
{
	const struct lookalike_brand *brand = strmap_get(lk->brands, reg);

	if (brand == NULL)
		brand = strmap_get(lk->own, reg);
	if (brand == NULL)
		brand = lookalike_suffix_own(lk, reg);
	return brand != NULL && brand->owner != NULL ? brand->owner : brand;
}

/* lookalike_allowed - host or one of its parents down to its
 * registrable domain reg (a pointer into host) is allowed */
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

/* lookalike_own - reg is a family's, or host is allowed */
static int lookalike_own(const struct lookalike *lk, const char *host,
			 const char *reg)
{
	return lookalike_owner_of(lk, reg) != NULL
	       || lookalike_allowed(lk, host, reg);
}

/* lookalike_owner - whose an owned host is: a brand's domain, "" when
 * only the allow list has it, NULL when it is nobody's */
const char *lookalike_owner(const struct lookalike *lk, const char *host)
{
	const struct lookalike_brand *brand;
	const char *reg;

	if (lk == NULL || host == NULL
	    || strnlen(host, HOSTNAME_MAX + 1) > HOSTNAME_MAX)
		return NULL;
	reg = psl_registrable_domain(lk->psl, host);
	if (reg == NULL)
		return NULL;
	brand = lookalike_owner_of(lk, reg);
	if (brand != NULL)
		return brand->domain;
	return lookalike_allowed(lk, host, reg) ? "" : NULL;
}

/* lookalike_owned - host is at or below a brand, a family domain or an
 * allowed domain: somebody's */
int lookalike_owned(const struct lookalike *lk, const char *host)
{
	return lookalike_owner(lk, host) != NULL;
}

/* lookalike_reserved - reg is under a special-use name of RFC 2606 and
 * RFC 6761 (example, test, invalid, localhost): nobody can register
 * one, so it cannot be a squat, only a test or an anonymized log */
static int lookalike_reserved(const char *reg)
{
	static const char *const reserved[] = {"example", "test", "invalid",
					       "localhost"};
	const char *tld = strrchr(reg, '.');

	tld = tld == NULL ? reg : tld + 1;
	for (size_t i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++)
		if (strcmp(tld, reserved[i]) == 0)
			return 1;
	return 0;
}

/* lookalike_embedded - the brand whose domain host carries before its
 * registrable domain reg (lookembed.h), and in *zone what its access
 * line blocks; NULL below a vetted suffix, where the domain is an
 * institution's (a university's) and its access line must not be
 * suggested */
static const struct lookalike_brand *
lookalike_embedded(const struct lookalike *lk, const char *host,
		   const char *reg, const char **zone)
{
	const struct lookalike_brand *brand =
	    lookembed_find(host, reg, lookalike_named, lk, zone);

	return brand != NULL && !vetted_suffix(reg + strcspn(reg, ".") + 1)
		   ? brand
		   : NULL;
}

/* lookalike_check - does host's registrable domain imitate a brand? */
int lookalike_check(const struct lookalike *lk, const char *host,
		    struct detection *out)
{
	const struct lookalike_brand *brand;
	const char *reg;
	const char *blocked; /* what the access line blocks */
	const char *rule = NULL;

	if (lk == NULL || host == NULL || out == NULL
	    || strmap_count(lk->brands) == 0
	    || strnlen(host, HOSTNAME_MAX + 1) > HOSTNAME_MAX)
		return 0;
	reg = psl_registrable_domain(lk->psl, host);
	if (reg == NULL || lookalike_reserved(reg)
	    || lookalike_own(lk, host, reg))
		return 0;
	blocked = reg;
	brand = lookrules_variant(lk, reg, &rule);
	if (brand == NULL) {
		brand = lookalike_embedded(lk, host, reg, &blocked);
		rule = LOOKALIKE_EMBEDDED;
	}
	if (brand == NULL)
		return 0;
	if (brand->owner != NULL)
		brand = brand->owner; /* reported for the brand */
	memcpy(out->phished_domain, brand->domain, strlen(brand->domain) + 1);
	memcpy(out->registrable, blocked, strlen(blocked) + 1);
	snprintf(out->rule, sizeof(out->rule), "%s", rule);
	return 1;
}

/* lookalike_allow - never report domain or hosts below it */
int lookalike_allow(struct lookalike *lk, const char *domain)
{
	char host[HOSTNAME_MAX + 1];
	const char *reg;
	enum lookalike_verdict verdict =
	    lookalike_judge(lk, domain, host, &reg);

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
