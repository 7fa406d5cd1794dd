/*
 * NAME
 *	say - a library module's message, handed to its caller (say.h)
 * SUMMARY
 *	Format once, bounded; rate-limit warnings about bad input.
 */
#include <stdarg.h>
#include <stdio.h>

#include "say.h"

/* say_vprint - fmt into a bounded buffer, then to the caller */
static void say_vprint(const struct say_to *to, enum say_level level,
		       const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

static void say_vprint(const struct say_to *to, enum say_level level,
		       const char *fmt, va_list ap)
{
	char text[SAY_MAX];

	vsnprintf(text, sizeof(text), fmt, ap);
	to->fn(to->ctx, level, text);
}

/* say_print - one message at a level */
void say_print(const struct say_to *to, enum say_level level, const char *fmt,
	       ...)
{
	va_list ap;

	if (to == NULL || to->fn == NULL)
		return;
	va_start(ap, fmt);
	say_vprint(to, level, fmt, ap);
	va_end(ap);
}

/* say_limited - warn at most SAY_BURST times per counter */
void say_limited(const struct say_to *to, unsigned long *seen, const char *fmt,
		 ...)
{
	va_list ap;

	*seen += 1;
	if (*seen > SAY_BURST || to == NULL || to->fn == NULL)
		return;
	va_start(ap, fmt);
	say_vprint(to, SAY_WARN, fmt, ap);
	va_end(ap);
	if (*seen == SAY_BURST)
		to->fn(to->ctx, SAY_WARN,
		       "further warnings of this kind "
		       "suppressed; see the counters");
}
