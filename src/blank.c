/*
 * blank - the blanks around the words of a line (see blank.h).
 */
#include "blank.h"

int blank_is(char c)
{
	return c == ' ' || c == '\t';
}

void blank_trim(const char **s, size_t *len)
{
	while (*len > 0 && blank_is(**s)) {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && blank_is((*s)[*len - 1]))
		(*len)--;
}
