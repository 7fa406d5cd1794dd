/*
 * lookalike - sender domains that imitate a brand's registrable domain.
 *
 * DESCRIPTION
 *	The story's spammer did not only spoof hosts under a brand
 *	(emalsrv.marriott.com): it also sent from names of its own that
 *	look like the brand, linkedinmail.com, linkedin-mail.com,
 *	linkedin.biz, wallmart.com.  Given a set of brands (registrable
 *	domains: linkedin.com), lookalike_check() tells whether a sender
 *	host's registrable domain imitates one, which brand, and by which
 *	rule.  The rules, tried in this order (the first that matches
 *	decides, and within a rule the brand added first):
 *
 *	lookalike:tld-swap	the brand label under another public
 *				suffix: linkedin.biz, marriott.co.uk
 *	lookalike:affix-mail	the brand label with "mail", "email",
 *				"-mail", "-email" after it or "mail-",
 *				"email-" before it, under any suffix:
 *				linkedinmail.com, linkedin-mail.net
 *	lookalike:combo		the brand label with keywords of a lure
 *				(combosquat.h): secure-paypal.com,
 *				paypallogin.net, microsoft-support.com;
 *				never a label that is an English word
 *	lookalike:homoglyph	the same UTS #39 skeleton (confusable.h):
 *				rnarriott.com, xn--lnkedin-rog.com; an IDN
 *				label one edit from a brand once folded;
 *				after typo, an ASCII label one edit from a
 *				brand label of 7 or more once folded
 *				(rnarriot.com)
 *	lookalike:typo		one insertion, deletion, substitution or
 *				adjacent transposition, brand labels of 5
 *				or more characters: wallmart.com, marriot.com
 *				(in 5 or 6, a letter substituted only by a
 *				slip of the finger, keyslip.h: not sonos of
 *				ionos); narrow labels (under 5, a common word, gmail)
 *				only a doubled letter or a swap: upss, usp
 *				(three-letter ones under the brand's own
 *				suffixes only: not usp.br);
 *				never a sender label that is an English
 *				word of its own (dictword.h: finance is no
 *				typo of binance), nor a homoglyph and a typo
 *	lookalike:embedded	when the registrable domain imitates no
 *				brand: a brand's whole domain (or a family
 *				domain) at a label below it, followed by a
 *				dot or a hyphen (lookembed.h):
 *				paypal.com.verify-id.info,
 *				metamask.io-restore.net; its access line
 *				blocks what follows the brand's domain
 *
 *	Never a lookalike: a brand's own registrable domain, its family
 *	(lookalike_add_own(), lookalike_own_cc()) and every host below
 *	them; a host at or below an allowed domain (the allow file, the
 *	access map's OK and RELAY domains: config.h); anything when no brand
 *	is known.  tld-swap, affix-mail and combo ignore brand labels of
 *	fewer than 3 characters (aa.org belongs to others).

 *	Brands come from three places: brands files (brandfile.h) and
 *	explicit calls (always taken), and learned ones, the store's phished
 *	domains and the access map's blocking entries, which config.h hands
 *	to lookalike_learn_brand() (taken unless they are
 *	themselves a lookalike of a brand already known, so that a campaign
 *	stored as wallmart.com does not turn the real walmart.com into a
 *	suspect, and at most lookalike_set_learn_max() of them).
 *
 *	Every index is a hash map keyed by a string derived from a label,
 *	built as brands are added, so a check costs O(label length) lookups
 *	whatever the number of brands, and adding a brand at run time costs
 *	O(label length) insertions.  Hosts given here must be validated and
 *	lower-cased (hostname.h).
 */
#ifndef PHISHWATCH_LOOKALIKE_H
#define PHISHWATCH_LOOKALIKE_H

#include <stddef.h>

#include "detector.h"
#include "hostname.h"

/* Learned brands kept at most, by default (--max-learned-brands). */
#define LOOKALIKE_LEARN_MAX 10000

/* The rule of a brand's whole domain below another's (lookembed.h). */
#define LOOKALIKE_EMBEDDED "lookalike:embedded"

struct lookalike;
struct say_to;

/* What a brand or allow item is, for errors and warnings. */
enum lookalike_verdict {
	LOOKALIKE_REGISTRABLE, /* a registrable domain */
	LOOKALIKE_BELOW,       /* a host below its registrable domain */
	LOOKALIKE_SUFFIX,      /* a public suffix: nobody's domain */
	LOOKALIKE_NOT_HOST     /* not a valid hostname */
};

/* lookalike_judge - validate and lower-case name into host: what it is,
 * *reg its registrable domain (a pointer into host) or NULL */
enum lookalike_verdict lookalike_judge(const struct lookalike *lk,
				       const char *name,
				       char host[HOSTNAME_MAX + 1],
				       const char **reg);

/* lookalike_new - an index with no brands and an empty allow list */
struct lookalike *lookalike_new(void);
void lookalike_free(struct lookalike *lk);

/*
 * lookalike_add_brand - take domain (a registrable domain, any case) as
 * a brand: 1 when added, 0 when it already was one, -1 with errno
 * EINVAL (not a registrable domain) or ENOMEM.  After ENOMEM the index
 * may be incomplete: drop it.
 */
int lookalike_add_brand(struct lookalike *lk, const char *domain);

/*
 * lookalike_add_own - domain (a registrable domain) belongs to the
 * family of brand (one already added, as lower case): it and the hosts
 * below it are never lookalikes.  A family label of 5 or more characters
 * that is not the brand's and no English word becomes a target of the
 * affix-mail, combo (keywords only) and homoglyph rules, reported for
 * brand; any brand wins over it.  1 added, 0 already there, -1 with
 * errno EINVAL (domain not registrable, brand unknown) or ENOMEM.
 */
int lookalike_add_own(struct lookalike *lk, const char *brand,
		      const char *domain);

/* lookalike_own_cc - brand (added, lower case) owns its label under
 * every country-code suffix (.de, .co.uk, .com.br); 0, or -1 EINVAL */
int lookalike_own_cc(struct lookalike *lk, const char *brand);

/* lookalike_own_all - brand (added, lower case) owns its label under
 * every public suffix, generic ones too (kayak.travel): its tld-swaps
 * are never reported, its other look-alikes are; 0, or -1 EINVAL */
int lookalike_own_all(struct lookalike *lk, const char *brand);

/* lookalike_set_word - brand's label is a common word (apple, orange):
 * typos of it only by a doubled letter or a swap, and combinations only
 * with keywords; 0, or -1 EINVAL (unknown brand) or ENOMEM */
int lookalike_set_word(struct lookalike *lk, const char *brand);

/* lookalike_set_open - brand's label (5 or more letters, not a common
 * word) makes a combination with anything glued or hyphenated before or
 * after it (metamaskpro, ethereum-eth), as under a suffix sold in bulk:
 * for a name that phishers squat with whatever comes to hand and whose
 * owner's other names are in its family; 0, or -1 EINVAL (unknown
 * brand) */
int lookalike_set_open(struct lookalike *lk, const char *brand);

/*
 * lookalike_learn_brand - the same for a brand learned from the store
 * (a campaign's phished domain): 0, and nothing added, also when domain
 * is itself a lookalike of a known brand or a family's own, or when the
 * learned brands reached their cap (counted).
 */
int lookalike_learn_brand(struct lookalike *lk, const char *domain);

/* lookalike_set_learn_max - learned brands kept at most (default
 * LOOKALIKE_LEARN_MAX); given brands do not count; the first refused
 * is told to say (NULL: nobody) */
void lookalike_set_learn_max(struct lookalike *lk, size_t max,
			     const struct say_to *say);

/* lookalike_learn_refused - learned brands refused because of the cap */
size_t lookalike_learn_refused(const struct lookalike *lk);

/*
 * lookalike_allow - never report domain or any host below it; domain is
 * a hostname that is not a public suffix.  1 added, 0 already there,
 * -1 with errno EINVAL or ENOMEM.
 */
int lookalike_allow(struct lookalike *lk, const char *domain);

/* lookalike_owned - 1 when host is at or below a brand, a domain of a
 * brand's family or an allowed domain: never a lookalike */
int lookalike_owned(const struct lookalike *lk, const char *host);

/* lookalike_owner - whose an owned host is (lookalike_owned()): the
 * domain of the brand whose own it is, "" when only the allow list (or a
 * blocking table's trusted entry) has it; NULL when nobody's */
const char *lookalike_owner(const struct lookalike *lk, const char *host);

/* lookalike_brand_count - brands known */
size_t lookalike_brand_count(const struct lookalike *lk);

/*
 * lookalike_check - 1 when the registrable domain of host imitates a
 * brand: out->phished_domain is the brand, out->registrable the sender's
 * registrable domain (what an access line should block), out->rule the
 * rule ("lookalike:typo").  0 otherwise, *out untouched.
 */
int lookalike_check(const struct lookalike *lk, const char *host,
		    struct detection *out);

#endif
