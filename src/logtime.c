/*
 * logtime - syslog time stamps to UTC (see logtime.h).
 *
 * DESCRIPTION
 *	The parsers read fixed positions with explicit digit checks rather
 *	than sscanf(), so that a stamp with trailing garbage or a field out
 *	of range is refused instead of half-read.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "logtime.h"

/* Lines may run ahead of the reference clock by at most this much. */
#define LOGTIME_MAX_AHEAD (24 * 60 * 60)
/* 1990-01-01T00:00:00Z: older than any log phishwatch can be given. */
#define LOGTIME_EARLIEST ((time_t)631152000)

static const char logtime_months[12][4] = {"Jan", "Feb", "Mar", "Apr",
					   "May", "Jun", "Jul", "Aug",
					   "Sep", "Oct", "Nov", "Dec"};

/* logtime_digits - value of n decimal digits at s, or -1 */
static int logtime_digits(const char *s, int n)
{
	int value = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		value = value * 10 + (s[i] - '0');
	}
	return value;
}

/* logtime_clock - hh:mm:ss at s into tm; 0 or -1 */
static int logtime_clock(const char *s, struct tm *tm)
{
	if (s[2] != ':' || s[5] != ':')
		return -1;
	tm->tm_hour = logtime_digits(s, 2);
	tm->tm_min = logtime_digits(s + 3, 2);
	tm->tm_sec = logtime_digits(s + 6, 2);
	if (tm->tm_hour < 0 || tm->tm_hour > 23 || tm->tm_min < 0
	    || tm->tm_min > 59 || tm->tm_sec < 0 || tm->tm_sec > 60)
		return -1;
	return 0;
}

/*
 * logtime_local - mktime() without its cost: glibc's mktime() stats the
 * zone file on every call, which showed as the top system call in
 * profiles.  localtime_r() does not; two rounds find the offset in force
 * at the time itself (a DST change between reference and line included).
 */
static time_t logtime_local(const struct tm *tm)
{
	struct tm copy = *tm;
	time_t as_utc = timegm(&copy);
	time_t guess = as_utc;
	struct tm probe;

	for (int round = 0; round < 2; round++) {
		if (localtime_r(&guess, &probe) == NULL)
			return (time_t)-1;
		guess = as_utc - probe.tm_gmtoff;
	}
	return guess;
}

/* logtime_mday_ok - the day exists in that month of that year: mktime()
 * and timegm() would take Feb 30 for Mar 2 */
static int logtime_mday_ok(int year, int mon, int mday)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30,
				     31, 31, 30, 31, 30, 31};
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return mday >= 1 && mday <= days[mon] + (mon == 1 && leap);
}

/* logtime_in_year - local time of tm in the given year; -1 when the
 * year has no such day (Feb 29) */
static time_t logtime_in_year(const struct tm *partial, int year)
{
	struct tm tm = *partial;

	if (!logtime_mday_ok(year, tm.tm_mon, tm.tm_mday))
		return (time_t)-1;
	tm.tm_year = year - 1900;
	return logtime_local(&tm);
}

/* logtime_fraction - ".123456" at *p into nanoseconds, advancing *p */
static long logtime_fraction(const char **p)
{
	long nsec = 0;
	long scale = 100000000L;

	if (**p != '.')
		return 0;
	for ((*p)++; isdigit((unsigned char)**p); (*p)++) {
		nsec += (**p - '0') * scale;
		scale /= 10;
	}
	return nsec;
}

/* logtime_3164 - "Mmm dd hh:mm:ss" (day space- or zero-padded, or not),
 * perhaps with a fraction of a second (journalctl -o short-precise) */
static int logtime_3164(const char *s, time_t reference, struct timespec *out)
{
	struct tm tm = {0};
	struct tm ref_tm;
	int month = -1;
	const char *p = s + 4;
	int year;

	for (int m = 0; m < 12; m++)
		if (strncmp(s, logtime_months[m], 3) == 0)
			month = m;
	if (month < 0 || s[3] != ' ')
		return -1;
	if (*p == ' ')
		p++;
	tm.tm_mday = isdigit((unsigned char)p[1]) ? logtime_digits(p, 2)
						  : logtime_digits(p, 1);
	p += isdigit((unsigned char)p[1]) ? 2 : 1;
	if (tm.tm_mday < 1 || tm.tm_mday > 31 || *p++ != ' '
	    || logtime_clock(p, &tm) < 0)
		return -1;
	p += 8; /* hh:mm:ss */
	out->tv_nsec = logtime_fraction(&p);
	tm.tm_mon = month;
	if (localtime_r(&reference, &ref_tm) == NULL)
		return -1;
	/* Newest year first that does not put the line past the reference. */
	for (year = ref_tm.tm_year + 1900 + 1;; year--) {
		time_t t = logtime_in_year(&tm, year);

		if (t != (time_t)-1 && t <= reference + LOGTIME_MAX_AHEAD) {
			out->tv_sec = t;
			return 0;
		}
		if (year < ref_tm.tm_year + 1900 - 1)
			return -1;
	}
}

/* logtime_offset - "Z", "+hh:mm"/"-hh:mm" or ISO 8601's basic "+hhmm"
 * (journalctl -o short-iso) into seconds east of UTC */
static int logtime_offset(const char *p, long *seconds)
{
	int sign, hours, minutes;
	int colon;

	if ((p[0] == 'Z' || p[0] == 'z') && p[1] == '\0') {
		*seconds = 0;
		return 0;
	}
	if (p[0] != '+' && p[0] != '-')
		return -1;
	sign = p[0] == '-' ? -1 : 1;
	/* In this order: each check proves the bytes the next one reads
	 * are inside the string ("+12" ends before its minutes). */
	hours = logtime_digits(p + 1, 2);
	if (hours < 0 || hours > 23
	    || (p[3] != ':' && !isdigit((unsigned char)p[3])))
		return -1;
	colon = p[3] == ':';
	minutes = logtime_digits(p + 3 + colon, 2);
	if (minutes < 0 || minutes > 59 || p[5 + colon] != '\0')
		return -1;
	*seconds = sign * (hours * 3600L + minutes * 60L);
	return 0;
}

/* logtime_date - "YYYY-MM-DD?hh:mm:ss" (s at least 19 bytes) into *tm */
static int logtime_date(const char *s, struct tm *tm)
{
	if (s[4] != '-' || s[7] != '-')
		return -1;
	tm->tm_year = logtime_digits(s, 4) - 1900;
	tm->tm_mon = logtime_digits(s + 5, 2) - 1;
	tm->tm_mday = logtime_digits(s + 8, 2);
	if (tm->tm_year < 70 || tm->tm_mon < 0 || tm->tm_mon > 11
	    || !logtime_mday_ok(tm->tm_year + 1900, tm->tm_mon, tm->tm_mday))
		return -1;
	return logtime_clock(s + 11, tm);
}

/* logtime_3339 - "YYYY-MM-DDThh:mm:ss[.frac](Z|+hh:mm)" */
static int logtime_3339(const char *s, struct timespec *out)
{
	struct tm tm = {0};
	const char *p = s + 19;
	long offset;
	long nsec;

	if (strlen(s) < 20 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')
	    || logtime_date(s, &tm) < 0)
		return -1;
	nsec = logtime_fraction(&p);
	if (logtime_offset(p, &offset) < 0)
		return -1;
	out->tv_sec = timegm(&tm) - offset;
	out->tv_nsec = nsec;
	return 0;
}

/* logtime_millisec - log_selector +millisec's ".ddd" at s (4 bytes
 * left at least) in nanoseconds, or -1 */
static long logtime_millisec(const char *s)
{
	int ms = s[0] == '.' ? logtime_digits(s + 1, 3) : -1;

	return ms < 0 ? -1 : ms * 1000000L;
}

/*
 * logtime_mainlog - Exim's own log: "YYYY-MM-DD hh:mm:ss" in the host's
 * local time, perhaps with log_selector +millisec's ".ddd", perhaps
 * with log_timezone's " +hhmm" (" -hhmm") after it
 */
static int logtime_mainlog(const char *s, struct timespec *out)
{
	struct tm tm = {0};
	size_t len = strlen(s);
	size_t at = 19; /* after the seconds, and their .ddd */
	long nsec = 0;
	int hours, minutes;
	long sign;

	if (len < at || s[10] != ' ' || logtime_date(s, &tm) < 0)
		return -1;
	if (len >= at + 4 && s[at] == '.') {
		if ((nsec = logtime_millisec(s + at)) < 0)
			return -1;
		at += 4;
	}
	out->tv_nsec = nsec;
	if (len == at) {
		out->tv_sec = logtime_local(&tm);
		return out->tv_sec == (time_t)-1 ? -1 : 0;
	}
	if (len != at + 6 || s[at] != ' '
	    || (s[at + 1] != '+' && s[at + 1] != '-'))
		return -1;
	sign = s[at + 1] == '-' ? -1 : 1;
	hours = logtime_digits(s + at + 2, 2);
	minutes = logtime_digits(s + at + 4, 2);
	if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59)
		return -1;
	out->tv_sec = timegm(&tm) - sign * (hours * 3600L + minutes * 60L);
	return 0;
}

/* logtime_same_clock - a and b show the same local date and clock */
static int logtime_same_clock(const struct tm *a, const struct tm *b)
{
	return a->tm_year == b->tm_year && a->tm_mon == b->tm_mon
	       && a->tm_mday == b->tm_mday && a->tm_hour == b->tm_hour
	       && a->tm_min == b->tm_min && a->tm_sec == b->tm_sec;
}

/*
 * logtime_zoned - the instant whose clock in the local zone is *tm and
 * whose zone is named zone there (as strftime's %Z names it: CET, EDT,
 * +03), or -1.  journalctl prints in its own local zone; an instant is
 * taken only when phishwatch's zone gives that name at that clock, so
 * the hour that a return from summer time shows twice is told apart by
 * its name, and a zone that is not phishwatch's is refused, not
 * guessed.  UTC and GMT are the same everywhere.
 */
static time_t logtime_zoned(const struct tm *tm, const char *zone)
{
	/* the offsets a wall clock can be away from the first guess */
	static const long shifts[] = {0, -3600, 3600, -1800, 1800};
	struct tm copy = *tm;
	time_t guess;

	if (strcmp(zone, "UTC") == 0 || strcmp(zone, "GMT") == 0)
		return timegm(&copy);
	guess = logtime_local(tm);
	if (guess == (time_t)-1)
		return -1;
	for (size_t i = 0; i < sizeof(shifts) / sizeof(shifts[0]); i++) {
		time_t t = guess + shifts[i];
		struct tm probe;

		if (localtime_r(&t, &probe) != NULL
		    && logtime_same_clock(&probe, tm) && probe.tm_zone != NULL
		    && strcmp(probe.tm_zone, zone) == 0)
			return t;
	}
	return -1;
}

/* logtime_full - journalctl -o short-full's "Www YYYY-MM-DD hh:mm:ss
 * ZONE" */
static int logtime_full(const char *s, struct timespec *out)
{
	struct tm tm = {0};

	if (strlen(s) < 25 || s[3] != ' ' || s[14] != ' ' || s[23] != ' '
	    || logtime_date(s + 4, &tm) < 0)
		return -1;
	out->tv_sec = logtime_zoned(&tm, s + 24);
	out->tv_nsec = 0;
	return out->tv_sec == (time_t)-1 ? -1 : 0;
}

/* logtime_unix - journalctl -o short-unix's "seconds.fraction" since
 * the epoch (sysloghdr takes 9 to 12 digits and a fraction) */
static int logtime_unix(const char *s, struct timespec *out)
{
	const char *p = s;
	time_t sec = 0;

	for (; isdigit((unsigned char)*p) && p - s < 12; p++)
		sec = sec * 10 + (*p - '0');
	if (p - s < 9 || *p != '.')
		return -1;
	out->tv_nsec = logtime_fraction(&p);
	if (*p != '\0')
		return -1;
	out->tv_sec = sec;
	return 0;
}

/* logtime_parse - any of the forms */
int logtime_parse(const char *stamp, time_t reference, struct timespec *out)
{
	if (stamp == NULL || strnlen(stamp, 64) >= 64)
		return -1;
	if (isdigit((unsigned char)stamp[0])) {
		if (logtime_3339(stamp, out) == 0
		    || logtime_mainlog(stamp, out) == 0)
			return 0;
		return logtime_unix(stamp, out);
	}
	if (strnlen(stamp, 16) < 14)
		return -1;
	if (stamp[8] == '-') /* "Fri 2026-...", not "Jul 13 14:..." */
		return logtime_full(stamp, out);
	return logtime_3164(stamp, reference, out);
}

/* logtime_minute_fits - the minute that starts at `at`, read against an
 * earlier reference, takes the year it took against this one: none of
 * its seconds is more than a day ahead of the reference, and the same
 * minute a year later is */
static int logtime_minute_fits(time_t at, time_t reference)
{
	return at + 60 <= reference + LOGTIME_MAX_AHEAD
	       && at + 364L * 24 * 60 * 60 > reference + LOGTIME_MAX_AHEAD;
}

/* logtime_minute_start - *m holds the minute of stamp[0..len), read
 * against reference; 0, or -1 when it cannot */
static int logtime_minute_start(struct logtime_minute *m, const char *stamp,
				size_t len, time_t reference)
{
	char whole[sizeof(m->prefix) + 2];
	struct timespec t;
	struct tm tm;

	memcpy(whole, stamp, len);
	memcpy(whole + len, "00", 3);
	m->prefix[0] = '\0';
	if (logtime_3164(whole, reference, &t) < 0
	    || localtime_r(&t.tv_sec, &tm) == NULL || tm.tm_gmtoff % 60 != 0)
		return -1;
	memcpy(m->prefix, stamp, len);
	m->prefix[len] = '\0';
	m->at = t.tv_sec;
	return 0;
}

/* logtime_parse_minute - see logtime.h */
int logtime_parse_minute(struct logtime_minute *m, const char *stamp,
			 time_t reference, struct timespec *out)
{
	size_t len = strlen(stamp);
	int sec;

	/* "Mmm dd hh:mm:ss": the seconds, and the minute before them */
	if (len < 9 || len - 2 >= sizeof(m->prefix)
	    || !isalpha((unsigned char)stamp[0]) || stamp[len - 3] != ':'
	    || !isdigit((unsigned char)stamp[len - 2])
	    || !isdigit((unsigned char)stamp[len - 1])
	    || (sec = logtime_digits(stamp + len - 2, 2)) > 59)
		return logtime_parse(stamp, reference, out);
	if ((strncmp(m->prefix, stamp, len - 2) != 0
	     || m->prefix[len - 2] != '\0'
	     || !logtime_minute_fits(m->at, reference))
	    && (logtime_minute_start(m, stamp, len - 2, reference) < 0
		|| !logtime_minute_fits(m->at, reference)))
		return logtime_parse(stamp, reference, out);
	out->tv_sec = m->at + sec;
	out->tv_nsec = 0;
	return 0;
}

/* logtime_far - a stamp that neither clock explains */
int logtime_far(time_t t, time_t log_clock, time_t now)
{
	if (t < LOGTIME_EARLIEST)
		return 1;
	/* Ahead of both: an old log read today may jump years ahead of
	 * its own clock and still be in the past; and a log that runs
	 * ahead of this host's clock keeps time from line to line. */
	return t - LOGTIME_MAX_AHEAD > log_clock && t - LOGTIME_MAX_AHEAD > now;
}

/* logtime_format - RFC 3339 UTC with milliseconds */
int logtime_format(const struct timespec *t, char *buf, size_t size)
{
	struct tm tm;
	char whole[32];
	int n;

	if (gmtime_r(&t->tv_sec, &tm) == NULL
	    || strftime(whole, sizeof(whole), "%Y-%m-%dT%H:%M:%S", &tm) == 0)
		return -1;
	n = snprintf(buf, size, "%s.%03ldZ", whole, t->tv_nsec / 1000000L);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}
