/*
 * logtime - syslog time stamps to UTC.
 *
 * DESCRIPTION
 *	Three forms: RFC 3164 ("Jul  3 14:12:20", local time, no year),
 *	RFC 3339 ("2026-11-27T00:58:09.123456+00:00", as rsyslog's
 *	RSYSLOG_FileFormat writes; "+0000" as journalctl -o short-iso
 *	does) and Exim's own log ("2026-12-04
 *	13:40:01", local time, or "2026-12-04 13:40:01 +0100" with Exim's
 *	log_timezone).  An RFC 3164 stamp takes the year that
 *	puts it no more than a day after the reference time (the time now,
 *	or the newest stamp seen when reading old logs), so December lines
 *	read in January fall in the previous year.  logtime_far() tells a
 *	stamp that no clock can explain.
 */
#ifndef PHISHWATCH_LOGTIME_H
#define PHISHWATCH_LOGTIME_H

#include <time.h>

/* logtime_parse - stamp to *out; 0, or -1 when it is none of the forms */
int logtime_parse(const char *stamp, time_t reference, struct timespec *out);

/* The RFC 3164 minute last parsed by logtime_parse_minute(), and its
 * time; empty (zeroed) at first. */
struct logtime_minute {
	char prefix[24]; /* "Jul  3 14:12:" */
	time_t at;       /* the time of its second 0 */
};

/*
 * logtime_parse_minute - logtime_parse(), the same answer, but an RFC
 * 3164 stamp of the minute that *m holds costs an addition: the zone's
 * offsets and their changes fall on whole minutes, so the seconds of
 * a minute add to its start (a leap second's 60 apart); and within the
 * year window around the reference that the minute's start was read
 * in, its seconds take the same year.  Any other stamp is parsed
 * whole.
 */
int logtime_parse_minute(struct logtime_minute *m, const char *stamp,
			 time_t reference, struct timespec *out);

/*
 * logtime_far - 1 when t is no time a log line can have: more than a day
 * ahead of both the log's clock (the newest time read so far, 0 before
 * the first) and the clock now, or before 1990.  One such stamp must not
 * move the log's clock: that would expire every open message at once.
 */
int logtime_far(time_t t, time_t log_clock, time_t now);

/* logtime_format - RFC 3339 UTC with milliseconds ("...T...Z") */
int logtime_format(const struct timespec *t, char *buf, size_t size);

#endif
