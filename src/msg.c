/*
 * msg - diagnostics on standard error (see msg.h).
 */
#include <stdio.h>

#include "msg.h"

/* Set once by main before anything runs; read-only afterwards. */
static const char *progname = "phishwatch";

/* msg_set_progname - name used as the prefix of every diagnostic */
void msg_set_progname(const char *name)
{
	progname = name;
}

/* msg_vprint - one diagnostic line at the given level; the attribute
 * lets the compiler check that fmt is always a caller's literal */
static void msg_vprint(const char *level, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

static void msg_vprint(const char *level, const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: %s: ", progname, level);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	fflush(stderr);
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

/* msg_warn_limited - warn at most MSG_WARN_BURST times per counter */
void msg_warn_limited(unsigned long *seen, const char *fmt, ...)
{
	va_list ap;

	*seen += 1;
	if (*seen > MSG_WARN_BURST)
		return;
	va_start(ap, fmt);
	msg_vprint("warning", fmt, ap);
	va_end(ap);
	if (*seen == MSG_WARN_BURST)
		msg_warn("further warnings of this kind suppressed; see the counters");
}
