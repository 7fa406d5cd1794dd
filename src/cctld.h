/*
 * cctld - does a top-level domain stand for a country or a language's
 * community?
 *
 * DESCRIPTION
 *	A brand marked .cc in a brands file owns its label under every
 *	country-code suffix: it runs a site or a mail service in most
 *	countries.  Such brands run one for a language's community under
 *	that community's own top-level domain too (google.cat, Google's
 *	Catalan site), as ICANN delegated those domains to serve a
 *	language and culture as a country code serves a country.
 */
#ifndef PHISHWATCH_CCTLD_H
#define PHISHWATCH_CCTLD_H

/* cctld_is_country - tld (lower case, no dot: "de", "cat") is a
 * country-code top-level domain or a language community's */
int cctld_is_country(const char *tld);

#endif
