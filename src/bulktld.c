/*
 * NAME
 *	bulktld - top-level domains sold in bulk for little
 * SUMMARY
 *	bulktld_suffix() looks a suffix up in one sorted list.
 * DESCRIPTION
 *	Only a whole top-level domain counts: a country's second-level
 *	zone (com.tk) is a registry of its own, and is left to the other
 *	rules.
 */
#include <stdlib.h>
#include <string.h>

#include "bulktld.h"

/* Sorted (bsearch): the new generic TLDs that the abuse reports rank
 * highest, with their registries' other low-priced ones, older and
 * newer, and the formerly free country domains. */
static const char *const bulktld_list[] = {
    "accountant", "bid",     "bond",    "buzz",   "cf",       "cfd",   "click",
    "club",       "cricket", "cyou",    "date",   "download", "faith", "fun",
    "ga",         "gdn",     "gq",      "host",   "icu",      "link",  "loan",
    "men",        "ml",      "monster", "online", "party",    "press", "pw",
    "racing",     "rest",    "review",  "sbs",    "science",  "shop",  "site",
    "space",      "store",   "stream",  "tech",   "tk",       "top",   "trade",
    "uno",        "vip",     "website", "win",    "work",     "xyz",
};

#define BULKTLD_COUNT (sizeof(bulktld_list) / sizeof(bulktld_list[0]))

/* bulktld_compare - bsearch's order of a key and an entry */
static int bulktld_compare(const void *key, const void *entry)
{
	return strcmp(key, *(const char *const *)entry);
}

int bulktld_suffix(const char *suffix)
{
	return suffix != NULL
	       && bsearch(suffix, bulktld_list, BULKTLD_COUNT,
			  sizeof(bulktld_list[0]), bulktld_compare)
		      != NULL;
}
