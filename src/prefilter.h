/*
 * prefilter - skip, before any parsing, the lines that cannot matter.
 *
 * DESCRIPTION
 *	Most lines of a busy mail log are connection chatter (STARTTLS,
 *	AUTH, other daemons).  Only lines that carry a sender, a recipient,
 *	a ruleset verdict, a discard or a DSN can change what phishwatch
 *	knows; each of those holds one of a few fixed words, found here with
 *	memmem() before liblognorm ever sees the line.
 */
#ifndef PHISHWATCH_PREFILTER_H
#define PHISHWATCH_PREFILTER_H

#include <stddef.h>

/* prefilter_may_matter - 0 when the line certainly cannot matter */
int prefilter_may_matter(const char *line, size_t len);

#endif
