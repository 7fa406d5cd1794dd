/*
 * prefilter_text - the byte tests the prefilter reads a line with.
 *
 * DESCRIPTION
 *	The pieces that prefilter.c and prefilter_sendmail.c share: each
 *	reads from p up to end (never past it, never allocating) as one
 *	of liblognorm's parsers of the rulebases would, so that a piece
 *	the prefilter finds is the value the rulebase gives.  They are
 *	static inline: they run for every byte of the lines most often
 *	seen, where a call each would show.
 */
#ifndef PHISHWATCH_PREFILTER_TEXT_H
#define PHISHWATCH_PREFILTER_TEXT_H

#include <stddef.h>
#include <string.h>

#include "prefilter.h"

/* prefilter_alnum - 1 for [A-Za-z0-9] */
static inline int prefilter_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
	       || (c >= '0' && c <= '9');
}

/* prefilter_starts - the text at p, up to end, begins with word */
static inline int prefilter_starts(const char *p, const char *end,
				   const char *word)
{
	size_t n = strlen(word);

	return (size_t)(end - p) >= n && memcmp(p, word, n) == 0;
}

/* prefilter_relay_char - 1 for a byte of a plain relay name or address
 * (none of the rulebase's stops: blank, comma, brackets, @) */
static inline int prefilter_relay_char(char c)
{
	return prefilter_alnum(c) || c == '.' || c == '-' || c == '_'
	       || c == ':';
}

/* prefilter_span - the run of relay bytes at *p, moved past */
static inline struct prefilter_span prefilter_span(const char **p,
						   const char *end)
{
	struct prefilter_span span = {*p, 0};

	while (*p < end && prefilter_relay_char(**p))
		(*p)++;
	span.len = (size_t)(*p - span.text);
	return span;
}

/* prefilter_upto - the bytes from *p to the first c (one at least, as
 * liblognorm's char-to takes them), *p moved onto c; len 0 when none */
static inline struct prefilter_span prefilter_upto(const char **p,
						   const char *end, char c)
{
	struct prefilter_span span = {*p, 0};
	const char *stop = memchr(*p, c, (size_t)(end - *p));

	if (stop != NULL && stop > *p) {
		span.len = (size_t)(stop - *p);
		*p = stop;
	}
	return span;
}

/* prefilter_digits - the digits at *p (liblognorm's number), moved past */
static inline struct prefilter_span prefilter_digits(const char **p,
						     const char *end)
{
	struct prefilter_span span = {*p, 0};

	while (*p < end && **p >= '0' && **p <= '9')
		(*p)++;
	span.len = (size_t)(*p - span.text);
	return span;
}

/*
 * prefilter_relay - sendmail's relay= value at p: "HOST", "HOST [IP]",
 * "HOST[IP]" or "[IP]" of plain bytes, then maybe " (may be forged)",
 * as sendmail.rb's relay parts read them (no user@): what follows, or
 * NULL for another shape
 */
static inline const char *prefilter_relay(const char *p, const char *end,
					  struct prefilter_hint *hint)
{
	static const char forged[] = " (may be forged)";

	hint->relay_host = prefilter_span(&p, end);
	if (hint->relay_host.len > 0 && prefilter_starts(p, end, " ["))
		p++;
	if (p < end && *p == '[') {
		p++;
		hint->relay_ip = prefilter_span(&p, end);
		if (hint->relay_ip.len == 0 || p >= end || *p++ != ']')
			return NULL;
	}
	if (hint->relay_host.len == 0 && hint->relay_ip.len == 0)
		return NULL;
	if (prefilter_starts(p, end, forged)) {
		hint->relay_forged = 1;
		p += sizeof(forged) - 1;
	}
	return p;
}

#endif
