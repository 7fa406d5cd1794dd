/*
 * regexdialect - one regular expression of a Postfix lookup table, in
 * the dialect of its table type: regexp: (POSIX) or pcre: (PCRE2).
 *
 * DESCRIPTION
 *	A pattern of regexp_table(5) or pcre_table(5) is compiled with the
 *	table's default options toggled by the flags written after it
 *	(regexp: i case, x extended syntax, m newlines; pcre: i, m, s, x,
 *	A, E, U, X), as Postfix compiles it: case-insensitive unless i
 *	is given, extended syntax in a regexp: table unless x is given.
 *	regexdialect_match() says whether it matches a whole lookup
 *	string (an unanchored search, as Postfix makes it).  PCRE2 is
 *	the caller's, loaded (pcreload.h) only where a pcre: table is.
 */
#ifndef PHISHWATCH_REGEXDIALECT_H
#define PHISHWATCH_REGEXDIALECT_H

#include <stddef.h>

struct pcreload;

enum regexdialect_kind {
	REGEXDIALECT_POSIX, /* regexp: tables, regcomp(3) */
	REGEXDIALECT_PCRE   /* pcre: tables, PCRE2 */
};

struct regexdialect;

/* Room for why a pattern or a flag was refused. */
#define REGEXDIALECT_ERROR_MAX 160

/*
 * regexdialect_compile - pattern[0..len) with flags[0..flags_len), in
 * PCRE with pcre's functions (loaded, kept while re lives; NULL for
 * POSIX); NULL with why (a NUL-ended reason) when the pattern does not
 * compile or a flag is unknown (errno ENOMEM when memory ran out)
 */
struct regexdialect *regexdialect_compile(enum regexdialect_kind kind,
					  const struct pcreload *pcre,
					  const char *pattern, size_t len,
					  const char *flags, size_t flags_len,
					  char why[REGEXDIALECT_ERROR_MAX]);

/* regexdialect_match - 1 when re matches subject[0..len), 0 when not,
 * -1 when it cannot tell (out of memory, a match limit) */
int regexdialect_match(const struct regexdialect *re, const char *subject,
		       size_t len);

void regexdialect_free(struct regexdialect *re);

#endif
