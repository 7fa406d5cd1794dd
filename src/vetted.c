/*
 * NAME
 *	vetted - public suffixes whose registry vets who registers
 * SUMMARY
 *	vetted_suffix() looks a suffix's labels up in two short lists.
 * DESCRIPTION
 *	A whole top-level domain is vetted when its last label is on the
 *	first list; a country's zone is when any label before the last is
 *	on the second: edu.au and nsw.edu.au both, as the states' schools
 *	sit below the national academic zone.  The lists are the zones'
 *	conventional names, not any registry's data: a zone that vets
 *	under another name is simply not exempted, and the rules treat it
 *	as open to anyone, as they did before.
 */
#include <string.h>

#include "vetted.h"

/* Last labels of whole vetted top-level domains. */
static const char *const vetted_tlds[] = {"edu", "gov", "mil", "int"};
/* Labels that name a country's vetted zone, or one above it: schools,
 * the military, and governments by their names in several languages
 * and abbreviations (gc.ca, gv.at, gub.uy).  Not "go": go.jp is
 * Japan's government, but go.it is named for the province of Gorizia,
 * one of the geographic zones of .it. */
static const char *const vetted_zones[] = {
    "ac", "edu", "gov", "govt", "gob",    "gouv", "gc",
    "gv", "gub", "mil", "sch",  "school", "k12"};

#define VETTED_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* vetted_in - word[0..len) is one of list's n words */
static int vetted_in(const char *const *list, size_t n, const char *word,
		     size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(list[i]) == len && memcmp(list[i], word, len) == 0)
			return 1;
	return 0;
}

int vetted_suffix(const char *suffix)
{
	const char *last = strrchr(suffix, '.');
	const char *tld = last != NULL ? last + 1 : suffix;

	if (vetted_in(vetted_tlds, VETTED_COUNT(vetted_tlds), tld, strlen(tld)))
		return 1;
	for (const char *at = suffix; at < tld; at += strcspn(at, ".") + 1)
		if (vetted_in(vetted_zones, VETTED_COUNT(vetted_zones), at,
			      strcspn(at, ".")))
			return 1;
	return 0;
}
