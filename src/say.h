/*
 * say - how a library module hands a message to its caller to print.
 *
 * DESCRIPTION
 *	Library modules print nothing: an error ends a call with a status
 *	and a message in the caller's buffer.  A module that runs for long
 *	and has things to tell as it goes (the run loop: waiting on a lock,
 *	counters on SIGUSR1) tells them to a say_fn its caller gave it,
 *	with a level; main alone turns levels into msg(3)-style output.
 */
#ifndef PHISHWATCH_SAY_H
#define PHISHWATCH_SAY_H

enum say_level {
	SAY_INFO,
	SAY_WARN,
	SAY_ERROR
};

/* say_fn - one message, its text complete (no prefix, no newline) */
typedef void say_fn(void *ctx, enum say_level level, const char *text);

/* The longest message a module composes for say_fn. */
#define SAY_MAX 1024

#endif
