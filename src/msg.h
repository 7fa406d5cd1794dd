/*
 * msg - diagnostics on standard error, never on standard output.
 *
 * DESCRIPTION
 *	Standard output carries data only (events, or omprog replies), so
 *	every diagnostic goes through here to stderr, prefixed with the
 *	program name and a level: "warning" for bad input that is skipped,
 *	"error" for a bad configuration or environment, "info" for counters.
 *	Callers quote untrusted text bounded ("%.100s").  In omprog mode
 *	each line starts with the time, ISO 8601 UTC with milliseconds
 *	("2026-07-03T14:12:20.123Z phishwatch: info: ..."): rsyslog writes
 *	the child's stderr to its output= file as it comes, without one.  msg_warn_limited()
 *	keeps a flood of bad log lines from flooding the diagnostics.
 */
#ifndef PHISHWATCH_MSG_H
#define PHISHWATCH_MSG_H

#include <stdarg.h>

/* Rate limit for warnings about bad input: at most this many per key. */
#define MSG_WARN_BURST 10

void msg_set_timestamps(int on);	/* main, once, before any message */
void msg_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void msg_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void msg_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * msg_warn_limited - warn, unless *seen already passed MSG_WARN_BURST;
 * the caller owns the counter (one per kind of bad input), so the limit
 * needs no global state.  The last warning says that more are suppressed.
 */
void msg_warn_limited(unsigned long *seen, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
