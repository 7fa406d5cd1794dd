/*
 * where - the place of a line, as an administrator can look it up.
 *
 * DESCRIPTION
 *	A warning about a bad line names that line by what the MTA's own
 *	log shows: the host of its syslog header, its log time (ISO 8601,
 *	UTC) and its queue id (struct mailrec, whatever the MTA), e.g.
 *
 *	mx1.example.com 2026-12-04T13:40:01Z qid 4B7Ha1xK012345: ...
 *
 *	In omprog mode the number of a line in rsyslog's feed means nothing
 *	to anyone; only in filter mode with a file does "FILE:N" come
 *	first, since that file can be opened at that line.  Each field is
 *	given only when the line has it and it passes: the host through the
 *	hostname gate, the time read as logclock reads it, the queue id
 *	letters and digits (Exim's joined by "-") of at most TRACKER_QID_MAX.
 *	Nothing of the line reaches a warning unchecked.  With nothing known (a
 *	line with a NUL byte read from a stream) the place is "a line".
 *
 *	The pipeline owns one struct where, moves it line by line, and the
 *	stages that warn read it.
 */
#ifndef PHISHWATCH_WHERE_H
#define PHISHWATCH_WHERE_H

#include <time.h>

#include "mailrec.h"
#include "say.h"

/* Room for "FILE:N HOST TIME qid QID" with FILE cut at 200 bytes. */
#define WHERE_MAX 600

struct where {
	const char *input;         /* a file in filter mode, else NULL */
	unsigned long long line;   /* the line's number in it */
	time_t reference;          /* RFC 3164 stamps: 0 = now */
	const struct mailrec *log; /* the line's record, NULL unparsed */
	const struct say_to *say;  /* told of the warnings (say.h) */
};

/* where_input - the next lines come from input (NULL: no line numbers),
 * their RFC 3164 stamps read against reference */
void where_input(struct where *w, const char *input, time_t reference);

/* where_format - the place of the current line into buf */
const char *where_format(const struct where *w, char buf[WHERE_MAX]);

/* where_warn - "PLACE: what" told to w->say, rate-limited by *seen
 * when not NULL */
void where_warn(const struct where *w, unsigned long *seen, const char *what);

#endif
