/*
 * bulktld - is a top-level domain one sold in bulk for little, where
 * most phishing names are registered?
 *
 * DESCRIPTION
 *	The public reports on where phishing and spam domains are
 *	registered (the abuse rankings of anti-spam organisations, the
 *	domain-abuse studies of the last decade) find them gathered under
 *	a few dozen top-level domains: new generic ones sold for a dollar
 *	or two, often in bulk (.top, .xyz, .online, .site, .icu, .cfd),
 *	and the country domains once given away free (.tk, .ml, .ga, .cf,
 *	.gq).  A brand's owner rarely puts its name there; a squatter who
 *	registers names by the hundred, one campaign each
 *	(myetherwallet-msgsign.space, ethereumnow.top), mostly does.  The
 *	combination rules (lookcombo.h) take a coined brand name with
 *	anything beside it under these; under any other suffix only words
 *	of a lure, which owners' own names (paypal-deutschland.de,
 *	redditmedia.com) are not.
 *
 *	The list is the project's own, from those reports; it is no
 *	verdict on a registry, and a name under it is judged by the same
 *	rules as any other, with that one rule more.
 */
#ifndef PHISHWATCH_BULKTLD_H
#define PHISHWATCH_BULKTLD_H

/* bulktld_suffix - suffix (a public suffix, lower case, no leading dot)
 * is a whole top-level domain on the list: "top" is, "com" and "co.uk"
 * are not */
int bulktld_suffix(const char *suffix);

#endif
