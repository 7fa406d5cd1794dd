/*
 * combosquat - a brand label combined with words: secure-paypal.com.
 *
 * DESCRIPTION
 *	Phishers register the brand's name with a word that fits the lure:
 *	paypal-login.com, securepaypal.com, microsoft-support.com,
 *	microsoftonline-verify.net.  combosquat_find() splits a sender's
 *	label into the brand label and the rest, and asks the caller
 *	whether a candidate is a brand label:
 *
 *	-	without a hyphen, a word of the keyword list before or after
 *		the brand label (at most two words: securepaypallogin);
 *	-	with hyphens, a part that is a brand label (or one with
 *		keywords around it), or a run of parts for a brand label
 *		with hyphens (t-mobile-login), while every other part is
 *		a keyword or a number, or a keyword with a number glued
 *		to it (login2, 24support), or two keywords glued into
 *		one (securelogin: lurepart.h), or a country code of two
 *		letters when a keyword is there too (paypal-de-login);
 *		before a brand label of 5 or more characters any other
 *		part will do (anything-paypal: a hyphen marks the brand
 *		as a word of its own, which "office" in openoffice is
 *		not), and after a coined name (below) English words of
 *		the list too (paypal-balance, ethereum-transfer), and
 *		a keyword glued to one or misspelt (verifyprocess,
 *		wallett), not
 *		other names (paypal-deutschland, how owners name their
 *		country sites); a brand label of 3 or 4 letters that is
 *		no word (dhl, usps) takes one English word beside its
 *		hyphen, on either side (dhl-balance, blue-usps), unless
 *		the two make a word (pick-ups);
 *	-	the bits of a URL (http, https, ww, www) glued to any brand
 *		label, since no English word has them (wwwapple);
 *	-	one English word glued before a brand label that no word
 *		ends with: a coined name (bluepaypal) or a short code
 *		(bluedhl); never after it, where owners put theirs
 *		(googlegroups, yahoogroups);
 *	-	a keyword misspelt by one slip glued after a coined name
 *		(metamaskwalet, paypalacount: lurepart.h), which is no
 *		owner's name;
 *	-	a number of two digits or more glued before or after a
 *		coined name, the lure's amount or year (5000paypal,
 *		paypal2019), with keywords too; beside a word or a short
 *		label it is a name of its own (office365, dhl24).
 *
 *	A brand label inside an unrelated word (openoffice, appleton) is
 *	never enough, nor one that ends a word begun in the keyword glued
 *	before it, or starts one ended in the keyword after it
 *	(onlinebanking: bank+ing, webmailing: mail+ing).  The keyword
 *	list is the project's own, written from the words that phishing
 *	reports name in combosquatted domains (account, login, secure,
 *	support, verify, billing, delivery, tracking, refund, wallet...),
 *	in English and the other big languages of phishing (konto,
 *	connexion, factura, paczka: lureword.h).
 */
#ifndef PHISHWATCH_COMBOSQUAT_H
#define PHISHWATCH_COMBOSQUAT_H

#include <stddef.h>

/* Brand labels at least this long combine with any hyphenated word. */
#define COMBOSQUAT_ANY_WORD_MIN 5

/* How a brand label stands beside keywords (*distinct of a
 * combosquat_find_fn).  An acronym (3 letters, not marked a word: the
 * word list has no shorter words) takes any keyword after it (dhlweb);
 * an acronym or a name also takes one English word beside a hyphen
 * (dhl-balance).  A label of 5 or more not marked a word is
 * distinctive: a name before it and a hyphen makes a lure
 * (anything-icloud), unless the label is an English word, before which
 * a name is somebody's phrase (jacobs-united).  A code is a short label
 * that no English word ends with: a word before it cannot make a
 * longer word of it, as set+ups and t+uber do, so it takes keywords on
 * either side (mydhl, dhlweb) and one English word glued before it
 * (bluedhl).  A coined name is
 * no English word and no keyword after a letter or two (paypal, not
 * united, blockchain, icloud): an English word glued before it makes
 * no compound of ordinary words (bluepaypal; trust+icloud and
 * solar+united do), and English words after it and a hyphen are the
 * lure's phrase (paypal-balance; united-internet is a name).  A pair
 * (2 letters: bt, ee) takes keywords only, beside it and a hyphen
 * (bt-billing, my-ee) or glued, 6 letters of them on one side
 * (btsecure) or a URL bit (wwwbt: www.bt.com without its dot): glued
 * to words, numbers or short keywords two letters
 * are a syllable or a model number of anyone's name (bttrack, hp-15). */
enum {
	COMBOSQUAT_COMMON,  /* a word: 5 bytes of keywords, one side;
			     * with hyphens a code before it (fr-ledger) */
	COMBOSQUAT_ACRONYM, /* 3 letters, not a word: as common */
	COMBOSQUAT_NAME,    /* 4 letters, no word: any keyword, one side */
	COMBOSQUAT_CODE,    /* 3 or 4, no word's end: a word before too */
	COMBOSQUAT_NARROW,  /* 5 or more, a keyword after a letter or two
			      * (icloud): any word before it, any keyword */
	COMBOSQUAT_ENGLISH, /* 5 or more, an English word not marked
			      * !word (united): any keyword, and English
			      * words, numbers and codes before it */
	COMBOSQUAT_COINED,  /* 5 or more, neither: a word glued too */
	COMBOSQUAT_PAIR     /* 2 letters: keywords beside a hyphen, or
			      * 6 letters of them glued on one side */
};

/* The brand whose label is s[0..len), or NULL; *distinct set to how it
 * stands beside words (above). */
typedef const void *(*combosquat_find_fn)(const void *ctx, const char *s,
					  size_t len, int *distinct);

/* combosquat_find - the brand that label[0..len) combines with words,
 * or NULL */
const void *combosquat_find(const char *label, size_t len,
			    combosquat_find_fn find, const void *ctx);

#endif
