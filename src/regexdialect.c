/*
 * NAME
 *	regexdialect - a Postfix table's regular expression, POSIX or PCRE
 * SUMMARY
 *	Compile with the table type's defaults and flags; match a lookup
 *	string.
 * DESCRIPTION
 *	regexp: tables are POSIX extended expressions (regcomp(3)),
 *	case-insensitive; each flag toggles one option: i REG_ICASE, x
 *	REG_EXTENDED, m REG_NEWLINE.  pcre: tables are PCRE, caseless; i
 *	toggles caseless, m multi-line, s dot-all, x extended, A anchored,
 *	E dollar-end-only, U ungreedy (regexp_table(5), pcre_table(5)).
 *	X, PCRE1's "extra" strictness, is what PCRE2 always does, so it
 *	changes nothing.  Postfix compiles a pcre: table as UTF-8 when
 *	SMTPUTF8 is on (its default): so does this, and a subject that is
 *	not valid UTF-8 is still searched (PCRE2_MATCH_INVALID_UTF), as an
 *	SMTPUTF8 sender's may be.
 * DIAGNOSTICS
 *	An unknown flag or a pattern that does not compile is refused with
 *	the library's reason; the caller warns about it.
 */
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pcreload.h"
#include "regexdialect.h"

/* A lookup runs every rule of a table on one address: a pattern that
 * backtracks without end (^(a+)+$ on a long name) is stopped after
 * this many steps, and counts as no match.  PCRE2's own default, ten
 * million, would let one such rule hold the stream for a second. */
#define REGEXDIALECT_MATCH_LIMIT 100000

struct regexdialect {
	enum regexdialect_kind kind;
	regex_t posix;
	pcre2_code *pcre;
	pcre2_match_context *limits;
	pcre2_match_data *data;     /* one lookup at a time: made once */
	const struct pcreload *lib; /* PCRE2's functions (pcre only) */
};

/* One flag letter and the option it toggles. */
struct regexdialect_flag {
	char letter;
	unsigned int option;
};

static const struct regexdialect_flag regexdialect_posix_flags[] = {
    {'i', REG_ICASE}, {'x', REG_EXTENDED}, {'m', REG_NEWLINE}, {0, 0}};

static const struct regexdialect_flag regexdialect_pcre_flags[] = {
    {'i', PCRE2_CASELESS},
    {'m', PCRE2_MULTILINE},
    {'s', PCRE2_DOTALL},
    {'x', PCRE2_EXTENDED},
    {'A', PCRE2_ANCHORED},
    {'E', PCRE2_DOLLAR_ENDONLY},
    {'U', PCRE2_UNGREEDY},
    {'X', 0},
    {0, 0}};

/* regexdialect_options - the defaults toggled by flags[0..len); -1
 * with why when a flag is unknown */
static int regexdialect_options(const struct regexdialect_flag *table,
				unsigned int *options, const char *flags,
				size_t len, char why[REGEXDIALECT_ERROR_MAX])
{
	for (size_t i = 0; i < len; i++) {
		const struct regexdialect_flag *f = table;

		while (f->letter != 0 && f->letter != flags[i])
			f++;
		if (f->letter == 0) {
			snprintf(why, REGEXDIALECT_ERROR_MAX,
				 "unknown flag \"%c\" after the pattern",
				 flags[i] >= 0x21 && flags[i] < 0x7f ? flags[i]
								     : '?');
			errno = EINVAL;
			return -1;
		}
		*options ^= f->option;
	}
	return 0;
}

/*
 * A POSIX expression's cost: about the copies glibc's regcomp() makes of
 * its atoms.  glibc expands each repetition into copies of what it
 * repeats (a{1000} is a thousand a's, a+ is a a*), so nested counts
 * multiply ((a{200}){200}) and stacked operators double at each one
 * (a+++: undefined in POSIX, accepted by glibc): twenty of them took
 * 700 MB and 2.5 s to search one address.  A pattern that would cost
 * more than this is refused instead; no sensible rule comes near it.
 */
#define REGEXDIALECT_POSIX_COST_MAX 20000
/* Groups nested deeper are refused too (the walk below recurses). */
#define REGEXDIALECT_POSIX_DEPTH_MAX 64

/* A walk over a POSIX expression (regexdialect_posix_cost()). */
struct regexdialect_walk {
	const char *p;
	size_t len;
	size_t at;
	int extended; /* ERE: ( ) { } | + ? bare; BRE: \( \) \{ \} \+ \? */
};

/* regexdialect_sat - a + b * c, held at the cost's ceiling plus one */
static size_t regexdialect_sat(size_t a, size_t b, size_t c)
{
	size_t over = REGEXDIALECT_POSIX_COST_MAX + 1;

	if (b > over || c > over || (c != 0 && b > over / c))
		return over;
	return a + b * c > over ? over : a + b * c;
}

/* regexdialect_special - the expression's operator ch is next (bare in
 * ERE, after a backslash in BRE); it is consumed */
static int regexdialect_special(struct regexdialect_walk *w, char ch)
{
	size_t skip = w->extended ? 0 : 1;

	if (w->at + skip >= w->len || w->p[w->at + skip] != ch
	    || (!w->extended && w->p[w->at] != '\\'))
		return 0;
	w->at += skip + 1;
	return 1;
}

/* regexdialect_count - the copies a repetition operator makes of what
 * it follows, consumed (0: none here): 2 for * + ?, the larger bound
 * and one for {m,n} */
static size_t regexdialect_count(struct regexdialect_walk *w)
{
	size_t m = 0;
	size_t n = 0;

	if (w->p[w->at] == '*') {
		w->at++;
		return 2;
	}
	if (regexdialect_special(w, '+') || regexdialect_special(w, '?'))
		return 2;
	if (!regexdialect_special(w, '{'))
		return 0;
	while (w->at < w->len && w->p[w->at] >= '0' && w->p[w->at] <= '9')
		m = regexdialect_sat(0, m, 10) + (size_t)(w->p[w->at++] - '0');
	if (w->at < w->len && w->p[w->at] == ',')
		w->at++;
	while (w->at < w->len && w->p[w->at] >= '0' && w->p[w->at] <= '9')
		n = regexdialect_sat(0, n, 10) + (size_t)(w->p[w->at++] - '0');
	while (w->at < w->len && w->p[w->at] != '}')
		w->at++;
	w->at += w->at < w->len;
	return regexdialect_sat(1, m > n ? m : n, 1);
}

/* regexdialect_bracket - past a bracket expression at w->at ("[") */
static void regexdialect_bracket(struct regexdialect_walk *w)
{
	w->at++;
	if (w->at < w->len && w->p[w->at] == '^')
		w->at++;
	if (w->at < w->len && w->p[w->at] == ']')
		w->at++;
	while (w->at < w->len && w->p[w->at] != ']') {
		char c = w->p[w->at];

		if (c == '[' && w->at + 1 < w->len
		    && (w->p[w->at + 1] == ':' || w->p[w->at + 1] == '.'
			|| w->p[w->at + 1] == '=')) {
			char end = w->p[w->at + 1];

			w->at += 2;
			while (
			    w->at + 1 < w->len
			    && !(w->p[w->at] == end && w->p[w->at + 1] == ']'))
				w->at++;
			w->at += 2;
			continue;
		}
		w->at++;
	}
	w->at += w->at < w->len;
}

static size_t regexdialect_sequence(struct regexdialect_walk *w, int depth);

/* regexdialect_item - one atom or group at w->at, consumed: its cost */
static size_t regexdialect_item(struct regexdialect_walk *w, int depth)
{
	if (regexdialect_special(w, '(')) {
		size_t inner;

		if (depth >= REGEXDIALECT_POSIX_DEPTH_MAX)
			return REGEXDIALECT_POSIX_COST_MAX + 1;
		inner = regexdialect_sequence(w, depth + 1);
		(void)regexdialect_special(w, ')');
		return regexdialect_sat(1, inner, 1);
	}
	if (w->p[w->at] == '[')
		regexdialect_bracket(w);
	else
		w->at += w->p[w->at] == '\\' && w->at + 1 < w->len ? 2 : 1;
	return 1;
}

/* regexdialect_sequence - items up to the group's end (not consumed),
 * alternatives added up, each item times the copies its operators
 * make */
static size_t regexdialect_sequence(struct regexdialect_walk *w, int depth)
{
	size_t total = 0;

	while (w->at < w->len) {
		size_t item;
		size_t copies;
		size_t before = w->at;

		if (regexdialect_special(w, ')')) {
			w->at = before; /* the caller's to consume */
			return total;
		}
		if (regexdialect_special(w, '|'))
			continue;
		item = regexdialect_item(w, depth);
		while (w->at < w->len && (copies = regexdialect_count(w)) > 0)
			item = regexdialect_sat(0, item, copies);
		total = regexdialect_sat(total, item, 1);
	}
	return total;
}

/* regexdialect_posix_cost - the cost of pattern[0..len), a stray close
 * of a group read as a letter */
static size_t regexdialect_posix_cost(const char *pattern, size_t len,
				      int extended)
{
	struct regexdialect_walk w = {pattern, len, 0, extended};
	size_t total = 0;

	while (w.at < w.len) {
		total =
		    regexdialect_sat(total, regexdialect_sequence(&w, 0), 1);
		if (w.at < w.len && !regexdialect_special(&w, ')'))
			w.at++;
	}
	return total;
}

/* regexdialect_posix - regcomp() of a NUL-ended copy of the pattern */
static int regexdialect_posix(struct regexdialect *re, const char *pattern,
			      size_t len, unsigned int options,
			      char why[REGEXDIALECT_ERROR_MAX])
{
	char *text;
	int status;

	if (regexdialect_posix_cost(pattern, len, (options & REG_EXTENDED) != 0)
	    > REGEXDIALECT_POSIX_COST_MAX) {
		snprintf(why, REGEXDIALECT_ERROR_MAX,
			 "repetitions nested or stacked beyond %d copies, "
			 "which regcomp would expand",
			 REGEXDIALECT_POSIX_COST_MAX);
		errno = EINVAL;
		return -1;
	}
	text = strndup(pattern, len);
	if (text == NULL)
		return -1;
	status = regcomp(&re->posix, text, (int)options | REG_NOSUB);
	free(text);
	if (status != 0) {
		regerror(status, &re->posix, why, REGEXDIALECT_ERROR_MAX);
		regfree(&re->posix);
		errno = EINVAL;
		return -1;
	}
	return 0;
}

/* regexdialect_pcre - pcre2_compile() as Postfix calls it for UTF-8 */
static int regexdialect_pcre(struct regexdialect *re, const char *pattern,
			     size_t len, unsigned int options,
			     char why[REGEXDIALECT_ERROR_MAX])
{
	int code;
	PCRE2_SIZE offset;
	PCRE2_UCHAR message[REGEXDIALECT_ERROR_MAX - 40]; /* and the offset */

	re->pcre =
	    re->lib->compile((PCRE2_SPTR)pattern, len,
			     options | PCRE2_UTF | PCRE2_MATCH_INVALID_UTF,
			     &code, &offset, NULL);
	if (re->pcre != NULL) {
		re->limits = re->lib->match_context_create(NULL);
		re->data = re->lib->match_data_create(re->pcre, NULL);
		if (re->limits == NULL || re->data == NULL) {
			re->lib->match_data_free(re->data);
			re->lib->match_context_free(re->limits);
			re->lib->code_free(re->pcre);
			errno = ENOMEM;
			return -1;
		}
		re->lib->set_match_limit(re->limits, REGEXDIALECT_MATCH_LIMIT);
		return 0;
	}
	if (code == PCRE2_ERROR_NOMEMORY) {
		errno = ENOMEM;
		return -1;
	}
	if (re->lib->error_message(code, message, sizeof(message)) < 0)
		snprintf((char *)message, sizeof(message), "error %d", code);
	snprintf(why, REGEXDIALECT_ERROR_MAX, "%.*s at offset %zu",
		 (int)sizeof(message) - 1, (const char *)message,
		 (size_t)offset);
	errno = EINVAL;
	return -1;
}

/* regexdialect_compile - one pattern with its flags */
struct regexdialect *regexdialect_compile(enum regexdialect_kind kind,
					  const struct pcreload *pcre,
					  const char *pattern, size_t len,
					  const char *flags, size_t flags_len,
					  char why[REGEXDIALECT_ERROR_MAX])
{
	struct regexdialect *re = calloc(1, sizeof(*re));
	unsigned int options = kind == REGEXDIALECT_PCRE
				   ? PCRE2_CASELESS
				   : REG_EXTENDED | REG_ICASE;
	int status;

	snprintf(why, REGEXDIALECT_ERROR_MAX, "out of memory");
	if (re == NULL)
		return NULL;
	re->kind = kind;
	re->lib = pcre;
	status = regexdialect_options(kind == REGEXDIALECT_PCRE
					  ? regexdialect_pcre_flags
					  : regexdialect_posix_flags,
				      &options, flags, flags_len, why);
	if (status == 0)
		status =
		    kind == REGEXDIALECT_PCRE
			? regexdialect_pcre(re, pattern, len, options, why)
			: regexdialect_posix(re, pattern, len, options, why);
	if (status < 0) {
		free(re);
		return NULL;
	}
	return re;
}

/* regexdialect_match - an unanchored search of subject (NUL-ended at
 * len for POSIX, whose regexec() reads to the NUL) */
int regexdialect_match(const struct regexdialect *re, const char *subject,
		       size_t len)
{
	int status;

	if (re->kind == REGEXDIALECT_POSIX) {
		if (memchr(subject, '\0', len) != NULL || subject[len] != '\0')
			return -1;
		return regexec(&re->posix, subject, 0, NULL, 0) == 0;
	}
	status = re->lib->match(re->pcre, (PCRE2_SPTR)subject, len, 0, 0,
				re->data, re->limits);
	if (status >= 0)
		return 1;
	return status == PCRE2_ERROR_NOMATCH ? 0 : -1;
}

/* regexdialect_free - release a compiled pattern */
void regexdialect_free(struct regexdialect *re)
{
	if (re == NULL)
		return;
	if (re->kind == REGEXDIALECT_PCRE) {
		re->lib->match_data_free(re->data);
		re->lib->match_context_free(re->limits);
		re->lib->code_free(re->pcre);
	} else
		regfree(&re->posix);
	free(re);
}
