/*
 * say - how a library module hands a message to its caller to print.
 *
 * DESCRIPTION
 *	Library modules print nothing: an error ends a call with a status
 *	and a message in the caller's buffer.  A module that runs for long
 *	and has things to tell as it goes (the run loop: waiting on a lock,
 *	counters on SIGUSR1) tells them to a say_fn its caller gave it,
 *	with a level; main alone turns levels into msg(3)-style output.
 *	Modules that meet bad input while they load or read (a map's
 *	skipped lines, a log line that names no host) tell it the same
 *	way, through the struct say_to their caller handed them.
 */
#ifndef PHISHWATCH_SAY_H
#define PHISHWATCH_SAY_H

enum say_level { SAY_INFO, SAY_WARN, SAY_ERROR };

/* say_fn - one message, its text complete (no prefix, no newline) */
typedef void say_fn(void *ctx, enum say_level level, const char *text);

/* The longest message a module composes for say_fn: a path of PATH_MAX
 * and a reason that quotes a bounded part of a line. */
#define SAY_MAX 6144
/* Rate limit for warnings about bad input: at most this many per kind. */
#define SAY_BURST 10

/* Whom a module tells: fn (NULL: nobody) with its ctx. */
struct say_to {
	say_fn *fn;
	void *ctx;
};

/* say_print - one message at a level, formatted into SAY_MAX bytes;
 * nothing when to or to->fn is NULL */
void say_print(const struct say_to *to, enum say_level level, const char *fmt,
	       ...) __attribute__((format(printf, 3, 4)));

/*
 * say_limited - a warning, unless *seen already passed SAY_BURST; the
 * caller owns the counter (one per kind of bad input), so the limit
 * needs no global state.  The last warning says that more are
 * suppressed.
 */
void say_limited(const struct say_to *to, unsigned long *seen, const char *fmt,
		 ...) __attribute__((format(printf, 3, 4)));

#endif
