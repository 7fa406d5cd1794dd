/*
 * fuzzsay.h - the say function of the libFuzzer harnesses.
 *
 * DESCRIPTION
 *	fuzz_say() is handed to the modules where main hands msg_say():
 *	they tell it what a run prints on standard error.  Whatever the
 *	input, a message must be one bounded line at a known level; else
 *	the harness aborts, which libFuzzer reports as a crash.  Messages
 *	are counted (ctx: an unsigned long, or NULL), not printed, so that
 *	the fuzzer's own output stays readable.
 */
#ifndef PHISHWATCH_FUZZSAY_H
#define PHISHWATCH_FUZZSAY_H

#include <stdlib.h>
#include <string.h>

#include "say.h"

/* fuzz_say - check one message, count it */
static void fuzz_say(void *ctx, enum say_level level, const char *text)
{
	size_t len = strnlen(text, SAY_MAX);

	if (len >= SAY_MAX || memchr(text, '\n', len) != NULL
	    || (level != SAY_INFO && level != SAY_WARN && level != SAY_ERROR))
		abort();
	if (ctx != NULL)
		*(unsigned long *) ctx += 1;
}

#endif
