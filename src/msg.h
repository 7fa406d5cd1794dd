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
 *	the child's stderr to its output= file as it comes, without one.
 *	Only main prints: library modules hand their messages to the
 *	say_fn they were given (say.h), which main makes msg_say().
 */
#ifndef PHISHWATCH_MSG_H
#define PHISHWATCH_MSG_H

#include <stdarg.h>

#include "say.h"

void msg_set_timestamps(int on); /* main, once, before any message */
void msg_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void msg_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void msg_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* msg_hint - a line for the person at the terminal, after an error: no
 * prefix, no level ("Try 'phishwatch --help' ...") */
void msg_hint(const char *text);

/* msg_say - the say_fn (say.h) that main hands the library modules: a
 * message printed at its level */
void msg_say(void *ctx, enum say_level level, const char *text);

#endif
