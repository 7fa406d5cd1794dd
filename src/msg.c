/*
 * msg - diagnostics on standard error (see msg.h).
 */
#include <stdio.h>
#include <time.h>

#include "msg.h"

/* "2026-07-03T14:12:20.123Z" */
#define MSG_STAMP_MAX 32

/* Every diagnostic names the program, whatever argv[0] was. */
static const char progname[] = "phishwatch";
static int with_stamps;

/* msg_set_timestamps - prefix each line with the time (omprog mode:
 * rsyslog's output= file keeps the lines as they are, without a time) */
void msg_set_timestamps(int on)
{
	with_stamps = on;
}

/* msg_stamp - the current time, ISO 8601 UTC with milliseconds, and a
 * space, into buf; "" when the clock cannot be read */
static const char *msg_stamp(char buf[MSG_STAMP_MAX])
{
	struct timespec now;
	struct tm tm;
	size_t n;

	buf[0] = '\0';
	if (clock_gettime(CLOCK_REALTIME, &now) < 0
	    || gmtime_r(&now.tv_sec, &tm) == NULL)
		return buf;
	n = strftime(buf, MSG_STAMP_MAX, "%Y-%m-%dT%H:%M:%S", &tm);
	if (n == 0)
		return buf;
	snprintf(buf + n, MSG_STAMP_MAX - n, ".%03ldZ ", now.tv_nsec / 1000000);
	return buf;
}

/* msg_vprint - one diagnostic line at the given level; the attribute
 * lets the compiler check that fmt is always a caller's literal */
static void msg_vprint(const char *level, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

static void msg_vprint(const char *level, const char *fmt, va_list ap)
{
	char stamp[MSG_STAMP_MAX];

	/* one line whole: a reload's thread may say something meanwhile */
	flockfile(stderr);
	fprintf(stderr, "%s%s: %s: ", with_stamps ? msg_stamp(stamp) : "",
		progname, level);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	fflush(stderr);
	funlockfile(stderr);
}

/* msg_info - informational message (counters, reloads) */
void msg_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_vprint("info", fmt, ap);
	va_end(ap);
}

/* msg_warn - bad input, skipped */
void msg_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_vprint("warning", fmt, ap);
	va_end(ap);
}

/* msg_error - bad configuration or environment */
void msg_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_vprint("error", fmt, ap);
	va_end(ap);
}

/* msg_hint - a plain line after an error */
void msg_hint(const char *text)
{
	fprintf(stderr, "%s\n", text);
	fflush(stderr);
}

/* msg_say - a library module's message, printed at its level */
void msg_say(void *ctx, enum say_level level, const char *text)
{
	(void)ctx;
	if (level == SAY_ERROR)
		msg_error("%s", text);
	else if (level == SAY_WARN)
		msg_warn("%s", text);
	else
		msg_info("%s", text);
}
