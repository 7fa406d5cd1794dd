/*
 * NAME
 *	cctld - top-level domains of countries and of language communities
 * SUMMARY
 *	cctld_is_country() tests a top-level domain's letters.
 * DESCRIPTION
 *	Country codes are the top-level domains of two letters (ISO 3166).
 *	The community domains are the few that ICANN delegated to a
 *	language and its culture, each with a sponsor that requires
 *	content in that language or ties to that community: .cat (Catalan,
 *	the first, 2005), .eus (Basque), .gal (Galician), .bzh (Breton),
 *	.cymru and .wales (Welsh), .scot (Scots and Gaelic), .corsica and
 *	.quebec.  City domains (.berlin, .london) and generic ones
 *	(.online) stay out: those serve anyone, like .com.
 */
#include <string.h>

#include "cctld.h"

/* Top-level domains of a language's community, as a country's. */
static const char *const cctld_communities[] = {
    "bzh", "cat", "corsica", "cymru", "eus", "gal", "quebec", "scot", "wales"};

#define CCTLD_COUNT (sizeof(cctld_communities) / sizeof(cctld_communities[0]))

/* cctld_is_code - tld is two letters a to z: an ISO 3166 country code */
static int cctld_is_code(const char *tld)
{
	return strlen(tld) == 2 && tld[0] >= 'a' && tld[0] <= 'z'
	       && tld[1] >= 'a' && tld[1] <= 'z';
}

int cctld_is_country(const char *tld)
{
	if (cctld_is_code(tld))
		return 1;
	for (size_t i = 0; i < CCTLD_COUNT; i++)
		if (strcmp(cctld_communities[i], tld) == 0)
			return 1;
	return 0;
}
