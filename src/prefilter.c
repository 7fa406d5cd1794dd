/*
 * prefilter - skip lines that cannot matter (see prefilter.h).
 */
#include <string.h>

#include "prefilter.h"

/* prefilter_may_matter - look for the words of the lines that matter */
int prefilter_may_matter(const char *line, size_t len)
{
	static const char *const words[] = {
		"from=", "to=", "ruleset=", "discarded", "DSN:"
	};

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (memmem(line, len, words[i], strlen(words[i])) != NULL)
			return 1;
	return 0;
}
