/*
 * test_logtime - RFC 3164 and RFC 3339 stamps, year inference; the
 * minute cache gives logtime_parse()'s answers across DST changes (of
 * an hour, and Lord Howe's half hour) and the turn of the year.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "logtime.h"
#include "tap.h"

/* utc - seconds of a UTC date */
static time_t utc(int y, int mo, int d, int h, int mi, int s)
{
	struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
			 .tm_hour = h, .tm_min = mi, .tm_sec = s };

	return timegm(&tm);
}

/* A date and time of day, UTC; all 0: none (no reference time). */
struct ymdhms {
	int y, mo, d, h, mi, s;
};

/* One stamp: parsed against now, what it must give. */
struct stamp_case {
	const char *stamp;
	struct ymdhms now;	/* the reference time (RFC 3164's year) */
	int status;		/* logtime_parse()'s */
	const char *status_name;	/* NULL: status not checked */
	struct ymdhms want;	/* the time read */
	const char *want_name;		/* NULL: time not checked */
};

#define JUL3 { 2026, 7, 3, 15, 0, 0 }	/* the 3164 cases' reference */
#define NOW0 { 0, 0, 0, 0, 0, 0 }

static const struct stamp_case rfc3339_cases[] = {
	{ "2026-11-27T00:58:09.123456+00:00", NOW0, 0,
	  "RFC 3339 with fraction parses", { 2026, 11, 27, 0, 58, 9 },
	  "seconds right" },
	{ "2026-11-27T02:58:09+02:00", NOW0, 0, NULL,
	  { 2026, 11, 27, 0, 58, 9 }, "offset applied" },
	{ "2026-11-27T00:58:09Z", NOW0, 0, "Z form", NOW0, NULL },
	{ "2026-13-27T00:58:09Z", NOW0, -1, "month 13 refused", NOW0, NULL },
	{ "2026-11-27T00:58:09+00:00junk", NOW0, -1,
	  "trailing garbage refused", NOW0, NULL },
	/* ISO 8601's basic offset, as journalctl -o short-iso writes it */
	{ "2026-11-27T00:58:09+0000", NOW0, 0, "offset without a colon",
	  { 2026, 11, 27, 0, 58, 9 }, "seconds right" },
	{ "2026-11-27T02:58:09.123456+0200", NOW0, 0, NULL,
	  { 2026, 11, 27, 0, 58, 9 }, "basic offset applied" },
	{ "2026-11-27T00:58:09+00000", NOW0, -1,
	  "a fifth offset digit refused", NOW0, NULL },
	{ "2026-11-27T00:58:09+0060", NOW0, -1, "minute 60 refused", NOW0,
	  NULL },
};

/* Exim's mainlog stamps: local time, or log_timezone's. */
static const struct stamp_case mainlog_cases[] = {
	{ "2026-12-04 13:40:01", NOW0, 0, "Exim mainlog stamp parses",
	  { 2026, 12, 4, 13, 40, 1 }, "in local time (TZ=UTC)" },
	{ "2026-12-04 14:40:01 +0100", NOW0, 0, "with log_timezone's zone",
	  { 2026, 12, 4, 13, 40, 1 }, "zone applied" },
	{ "2026-12-04 08:40:01 -0500", NOW0, 0, NULL,
	  { 2026, 12, 4, 13, 40, 1 }, "a zone west of UTC" },
	{ "2026-12-04 13:40:01.250", NOW0, 0, "with +millisec's .ddd",
	  { 2026, 12, 4, 13, 40, 1 }, "its second" },
	{ "2026-12-04 14:40:01.999 +0100", NOW0, 0, "with .ddd and a zone",
	  { 2026, 12, 4, 13, 40, 1 }, "zone applied after .ddd" },
	{ "2026-12-04 13:40:01.25", NOW0, -1, "a cut .ddd refused", NOW0,
	  NULL },
	{ "2026-12-04 13:40:01.2x0", NOW0, -1, "a .ddd not of digits refused",
	  NOW0, NULL },
	{ "2026-12-04 13:40", NOW0, -1, "a cut clock refused", NOW0, NULL },
	{ "2026-12-04 13:40:01 +01", NOW0, -1, "a cut zone refused", NOW0,
	  NULL },
	{ "2026-12-04 13:40:01 x0100", NOW0, -1,
	  "a zone without its sign refused", NOW0, NULL },
	{ "2026-12-04 13:40:01 +2400", NOW0, -1, "a zone out of range refused",
	  NOW0, NULL },
	{ "2026-12-04 13:40:01 [123]", NOW0, -1,
	  "a stamp with the pid after it refused", NOW0, NULL },
	{ "2026-12-32 13:40:01", NOW0, -1, "day 32 refused", NOW0, NULL },
};

static const struct stamp_case rfc3164_cases[] = {
	{ "Jul  3 14:12:20", JUL3, 0, "RFC 3164 space-padded day",
	  { 2026, 7, 3, 14, 12, 20 }, "in the reference year (TZ=UTC)" },
	{ "Jul 3 14:12:20", JUL3, 0, "single-space day", NOW0, NULL },
	{ "Dec 31 23:59:59", { 2027, 1, 1, 0, 5, 0 }, 0,
	  "December read in January", { 2026, 12, 31, 23, 59, 59 },
	  "falls in the previous year" },
	{ "Jan  1 00:01:00", { 2026, 12, 31, 23, 59, 0 }, 0, NULL,
	  { 2027, 1, 1, 0, 1, 0 },
	  "a line minutes ahead across New Year takes the next year" },
	{ "Jul  4 14:00:00", JUL3, 0, NULL, { 2026, 7, 4, 14, 0, 0 },
	  "less than a day ahead stays in this year" },
	{ "Jul  5 14:00:00", JUL3, 0, NULL, { 2025, 7, 5, 14, 0, 0 },
	  "more than a day ahead is last year" },
	{ "Jul 03 14:12:20.654321", JUL3, 0,
	  "a fraction after the clock (journalctl -o short-precise)",
	  { 2026, 7, 3, 14, 12, 20 }, "its second as without it" },
	{ "Foo  3 14:12:20", JUL3, -1, "unknown month refused", NOW0, NULL },
	{ "Jul 33 14:12:20", JUL3, -1, "day 33 refused", NOW0, NULL },
	{ "Jul  3 25:12:20", JUL3, -1, "hour 25 refused", NOW0, NULL },
	{ "", JUL3, -1, "empty refused", NOW0, NULL },
};

/* A day its month does not have (Feb 30, Apr 31, Feb 29 of a common
 * year) is refused, not moved into the next month. */
static const struct stamp_case no_such_day_cases[] = {
	{ "2026-02-30T14:12:20Z", NOW0, -1, "RFC 3339 Feb 30 refused", NOW0,
	  NULL },
	{ "2026-04-31T14:12:20+02:00", NOW0, -1, "RFC 3339 Apr 31 refused",
	  NOW0, NULL },
	{ "2026-02-29T14:12:20Z", NOW0, -1,
	  "RFC 3339 Feb 29 of a common year refused", NOW0, NULL },
	{ "2024-02-29T14:12:20Z", NOW0, 0,
	  "RFC 3339 Feb 29 of a leap year taken", NOW0, NULL },
	{ "2100-02-29T14:12:20Z", NOW0, -1, "2100 is no leap year", NOW0,
	  NULL },
	{ "2026-02-30 14:12:20", NOW0, -1, "Exim mainlog Feb 30 refused", NOW0,
	  NULL },
	{ "Feb 30 14:12:20", JUL3, -1, "RFC 3164 Feb 30 refused", NOW0, NULL },
	{ "Nov 31 14:12:20", JUL3, -1, "RFC 3164 Nov 31 refused", NOW0, NULL },
	{ "Feb 29 14:12:20", JUL3, 0, "RFC 3164 Feb 29 read in a common year",
	  { 2024, 2, 29, 14, 12, 20 }, "is the last Feb 29, not Mar 1" },
};

/* RFC 3164 stamps are local time, DST included (TZ=America/New_York). */
static const struct stamp_case local_zone_cases[] = {
	{ "Jul 23 14:12:20", { 2026, 7, 24, 0, 0, 0 }, 0, NULL,
	  { 2026, 7, 23, 18, 12, 20 }, "summer: EDT, UTC-4" },
	{ "Jan 15 09:00:00", { 2026, 1, 16, 0, 0, 0 }, 0, NULL,
	  { 2026, 1, 15, 14, 0, 0 }, "winter: EST, UTC-5" },
	{ "Mar  8 03:30:00", { 2026, 3, 9, 0, 0, 0 }, 0, NULL,
	  { 2026, 3, 8, 7, 30, 0 }, "just after the spring change: EDT" },
	{ "Mar  8 01:30:00", { 2026, 3, 9, 0, 0, 0 }, 0, NULL,
	  { 2026, 3, 8, 6, 30, 0 }, "just before it: EST" },
};

/* utc_of - seconds of a date, 0 for none */
static time_t utc_of(struct ymdhms at)
{
	if (at.y == 0)
		return 0;
	return utc(at.y, at.mo, at.d, at.h, at.mi, at.s);
}

/* test_stamps - each case: the status and the time it names */
static void test_stamps(const struct stamp_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct stamp_case *c = &cases[i];
		struct timespec t = { 0, 0 };
		int status = logtime_parse(c->stamp, utc_of(c->now), &t);

		if (c->status_name != NULL)
			tap_is_long(status, c->status, c->status_name);
		if (c->want_name != NULL)
			tap_is_long((long) t.tv_sec, (long) utc_of(c->want),
				    c->want_name);
	}
}

#define TEST_STAMPS(cases) test_stamps((cases), sizeof(cases) / sizeof(cases[0]))

/* test_3339 - the fraction kept, and a time formatted back */
static void test_3339(void)
{
	struct timespec t;
	char buf[64];

	TEST_STAMPS(rfc3339_cases);
	logtime_parse("2026-11-27T00:58:09.123456+00:00", 0, &t);
	tap_is_long(t.tv_nsec / 1000, 123456, "fraction right");
	t.tv_sec = utc(2026, 11, 27, 0, 58, 9);
	t.tv_nsec = 123456789;
	logtime_format(&t, buf, sizeof(buf));
	tap_is_str(buf, "2026-11-27T00:58:09.123Z", "formatted as RFC 3339 UTC");
}

/* test_3164_fraction - a fraction after an RFC 3164 clock is kept, as
 * in RFC 3339's, and the minute cache reads such a stamp alike */
static void test_3164_fraction(void)
{
	struct logtime_minute m = {{0}, 0};
	const time_t reference = utc(2026, 7, 3, 15, 0, 0);
	struct timespec t = {0, 0};

	tap_is_long(logtime_parse("Jul  3 14:12:20.654321", reference, &t), 0,
		    "short-precise stamp read");
	tap_is_long(t.tv_nsec / 1000, 654321, "its fraction kept");
	t.tv_nsec = 0;
	tap_is_long(logtime_parse_minute(&m, "Jul  3 14:12:20.5", reference,
					 &t),
		    0, "the minute cache reads it");
	tap_is_long(t.tv_nsec, 500000000L, "with its fraction");
	tap_is_long((long)(t.tv_sec - utc(2026, 7, 3, 14, 12, 20)), 0,
		    "and its second");
}

/* test_unix - journalctl -o short-unix: seconds since the epoch and a
 * fraction, nothing after them */
static void test_unix(void)
{
	struct timespec t = {0, 0};

	tap_is_long(logtime_parse("1796405208.123456", 0, &t), 0,
		    "short-unix stamp read");
	tap_is_long((long)(t.tv_sec - utc(2026, 12, 4, 17, 26, 48)), 0,
		    "its second");
	tap_is_long(t.tv_nsec / 1000, 123456, "its fraction");
	tap_is_long(logtime_parse("1796405208", 0, &t), -1,
		    "seconds without a fraction refused");
	tap_is_long(logtime_parse("1796405208.5x", 0, &t), -1,
		    "a fraction followed by more refused");
	tap_is_long(logtime_parse("12345678.5", 0, &t), -1,
		    "eight digits refused");
}

/* test_full - journalctl -o short-full: the clock in the local zone,
 * the hour shown twice told apart by the zone's name, a name that is
 * not the local zone's refused, UTC anywhere */
static void test_full(void)
{
	struct timespec t = {0, 0};

	setenv("TZ", "America/New_York", 1);
	tzset();
	tap_is_long(logtime_parse("Fri 2026-12-04 12:26:48 EST", 0, &t), 0,
		    "short-full stamp read");
	tap_is_long((long)(t.tv_sec - utc(2026, 12, 4, 17, 26, 48)), 0,
		    "EST: five hours behind UTC");
	logtime_parse("Sun 2026-11-01 01:30:00 EDT", 0, &t);
	tap_is_long((long)(t.tv_sec - utc(2026, 11, 1, 5, 30, 0)), 0,
		    "the hour shown twice, EDT: the first");
	logtime_parse("Sun 2026-11-01 01:30:00 EST", 0, &t);
	tap_is_long((long)(t.tv_sec - utc(2026, 11, 1, 6, 30, 0)), 0,
		    "the hour shown twice, EST: the second");
	tap_is_long(logtime_parse("Fri 2026-12-04 18:26:48 CET", 0, &t), -1,
		    "another zone's name refused");
	tap_is_long(logtime_parse("Fri 2026-12-04 17:26:48 UTC", 0, &t), 0,
		    "UTC read in any zone");
	tap_is_long((long)(t.tv_sec - utc(2026, 12, 4, 17, 26, 48)), 0,
		    "as UTC");
	tap_is_long(logtime_parse("Fri 2026-12-32 17:26:48 UTC", 0, &t), -1,
		    "day 32 refused");
	setenv("TZ", "UTC", 1);
	tzset();
}

/* test_local_zone - the local-zone table under New York's rules */
static void test_local_zone(void)
{
	setenv("TZ", "America/New_York", 1);
	tzset();
	TEST_STAMPS(local_zone_cases);
	setenv("TZ", "UTC", 1);
	tzset();
}

/* test_cut_offsets - a zone offset cut short is refused, and read no
 * further than its end (found by fuzz/json.c; ASan builds check it: each
 * stamp sits in a heap block of its own length) */
static void test_cut_offsets(void)
{
	static const char *const cut[] = {
		"2026-11-27T00:58:09+", "2026-11-27T00:58:09+1",
		"2026-11-27T00:58:09+12", "2026-11-27T00:58:09+12:",
		"2026-11-27T00:58:09+12:3", "2026-11-27T00:58:09.5-0",
		"2026-11-27T00:58:09+123",
	};
	struct timespec t;

	for (size_t i = 0; i < sizeof(cut) / sizeof(cut[0]); i++) {
		char *stamp = strdup(cut[i]);

		tap_is_long(stamp != NULL ? logtime_parse(stamp, 0, &t) : -1,
			    -1, cut[i]);
		free(stamp);
	}
}

/* logtime_far - ahead of both clocks by more than a day, or before 1990 */
static void test_far(void)
{
	const time_t now = 1764892800;	/* 2025-12-05 */
	const time_t day = 24 * 60 * 60;

	tap_is_long(logtime_far(now, 0, now), 0, "now: not far");
	tap_is_long(logtime_far(now + day, 0, now), 0,
		    "a day ahead of the clock: not far");
	tap_is_long(logtime_far(now + day + 1, 0, now), 1,
		    "more than a day ahead of the clock, no log clock: far");
	tap_is_long(logtime_far(4102444800, now, now), 1, "2100: far");
	tap_is_long(logtime_far(now + 3 * day, now + 2 * day + 10, now), 0,
		    "ahead of the clock, within a day of the log's: not far");
	tap_is_long(logtime_far(now - 10, now - 400 * day, now), 0,
		    "years ahead of an old log's clock, in the past: not far");
	tap_is_long(logtime_far(631152000, 0, now), 0, "1990-01-01: not far");
	tap_is_long(logtime_far(631151999, 0, now), 1, "1989-12-31: far");
	tap_is_long(logtime_far(0, now, now), 1, "1970: far");
}

/* minute_window - every 11th second (a few stamps a minute) of the six
 * hours around the UTC time, as a syslog stamp of the zone, parsed
 * alike with and without the minute cache: against the time itself (a
 * live stream) or a reference that puts the last four fifths of them
 * more than a day ahead (an old log: the year before); the stamps that
 * differ */
static int minute_window(time_t at, struct logtime_minute *m, int live)
{
	int differ = 0;

	for (time_t t = at - 3 * 3600; t < at + 3 * 3600; t += 11) {
		struct timespec slow, fast;
		struct tm tm;
		char stamp[32];
		time_t ref = live ? t + 5 : at - 26 * 3600;
		int a, b;

		localtime_r(&t, &tm);
		strftime(stamp, sizeof(stamp), "%b %e %H:%M:%S", &tm);
		a = logtime_parse(stamp, ref, &slow);
		b = logtime_parse_minute(m, stamp, ref, &fast);
		if ((a != b || (a == 0 && slow.tv_sec != fast.tv_sec))
		    && differ++ < 3)
			printf("# %s ref %ld: %ld, cached %ld\n", stamp,
			       (long)ref, (long)slow.tv_sec, (long)fast.tv_sec);
	}
	return differ;
}

/* test_minute - the minute cache, in zones with DST changes: the UTC
 * times of 2026's changes and of the zone's new year */
static void test_minute(void)
{
	const struct {
		const char *zone;
		time_t at[3];
	} zones[] = {
	    {"America/New_York",
	     {utc(2026, 3, 8, 7, 0, 0), utc(2026, 11, 1, 6, 0, 0),
	      utc(2027, 1, 1, 5, 0, 0)}},
	    {"Europe/London",
	     {utc(2026, 3, 29, 1, 0, 0), utc(2026, 10, 25, 1, 0, 0),
	      utc(2027, 1, 1, 0, 0, 0)}},
	    {"Australia/Lord_Howe", /* half an hour */
	     {utc(2026, 4, 4, 15, 0, 0), utc(2026, 10, 3, 15, 30, 0),
	      utc(2026, 12, 31, 13, 0, 0)}},
	};
	char name[96];

	for (size_t z = 0; z < sizeof(zones) / sizeof(zones[0]); z++) {
		struct logtime_minute m = {{0}, 0};
		int differ = 0;

		setenv("TZ", zones[z].zone, 1);
		tzset();
		for (size_t d = 0; d < 3; d++)
			differ += minute_window(zones[z].at[d], &m, 1)
				  + minute_window(zones[z].at[d], &m, 0);
		snprintf(name, sizeof(name),
			 "%s: the minute cache gives the parse's times",
			 zones[z].zone);
		tap_is_long(differ, 0, name);
	}
	setenv("TZ", "UTC", 1);
	tzset();
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	test_3339();
	TEST_STAMPS(mainlog_cases);
	TEST_STAMPS(rfc3164_cases);
	test_3164_fraction();
	test_unix();
	test_full();
	TEST_STAMPS(no_such_day_cases);
	test_local_zone();
	test_cut_offsets();
	test_far();
	test_minute();
	return tap_done();
}
