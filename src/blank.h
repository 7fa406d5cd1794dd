/*
 * blank - the blanks around the words of a line: space and tab.
 *
 * DESCRIPTION
 *	The brands and allow files, the --labels list and the senders of
 *	--query - separate and surround their words with spaces and tabs,
 *	and nothing else: a CR is dropped with the newline by the line
 *	readers (textfile.h, linein.h), any other control byte is the
 *	caller's to refuse.
 */
#ifndef PHISHWATCH_BLANK_H
#define PHISHWATCH_BLANK_H

#include <stddef.h>

/* blank_is - c is a space or a tab */
int blank_is(char c);

/* blank_trim - *s, *len without the blanks at either end */
void blank_trim(const char **s, size_t *len);

#endif
