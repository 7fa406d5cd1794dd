/*
 * NAME
 *	access_exim - an Exim address list file (access_syntax.h)
 * SUMMARY
 *	The file an ACL's "senders" condition names, as Exim reads it.
 * DESCRIPTION
 *	Debian's exim4 configuration denies the senders listed in
 *	/etc/exim4/local_sender_blacklist, an address list given as a file
 *	name: each line is one item, white space around it is ignored, and
 *	"#" at the start of a line or after white space starts a comment
 *	(a "#" inside an item is part of it).  Items, matched without
 *	regard to case as Exim does unless +caseful is given:
 *
 *	local@domain	that address
 *	*@domain	every address at domain
 *	domain		every address at domain (an item without "@" is
 *			matched against the domain only)
 *	*.domain	every address at a subdomain of domain, not domain
 *	*domain		every domain that ends in "domain": domain, its
 *			subdomains, and xdomain, as Exim matches it
 *	*@*.domain	as *.domain, *@*domain as *domain
 *	!item		not in the list
 *
 *	Exim scans the list in order and the first item that matches
 *	decides; so does phishwatch, with the items of several -a files of
 *	type exim in the order given.  A sender matched by a positive item
 *	is blocked (the ACL denies or discards it); by a negative one, or
 *	by none, it is not.  A regular expression is matched as Exim 4.96
 *	matches it (match.c; tests/mta/exim-regex.t holds what a real
 *	Exim replied): "^..." against the whole address, lower-cased
 *	first, "local@^..." and "*@^..." against the domain alone; PCRE,
 *	caseless, anchored only by its own "^"; the whole line is the
 *	item, blanks and "$" included.  One that does not compile makes
 *	Exim defer every sender that reaches it: it is warned about, and
 *	read as a blocking item that every sender matches.  Lookups
 *	(type;...), named lists (+name), "@" items and expansions are not
 *	modelled: such a line is warned about (file:line and why) and
 *	skipped, as is an item with white space inside or a malformed one.
 *	Exim lists are always text.
 *
 *	The suggested line is the sender's host, an item of the list.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "access_syntax.h"
#include "hostname.h"
#include "regexdialect.h"

/* access_exim_trim - the item between white space; a comment cut off */
static size_t access_exim_trim(const char **line, size_t len)
{
	const char *s = *line;

	for (size_t i = 0; i < len; i++)
		if (s[i] == '#' && (i == 0 || access_blank(s[i - 1]))) {
			len = i;
			break;
		}
	len = access_trim_end(s, len);
	while (len > 0 && access_blank(*s)) {
		s++;
		len--;
	}
	*line = s;
	return len;
}

/* access_exim_domain_ok - a domain pattern: [*]name, name of letters,
 * digits, '-', '_' and '.' ("*" alone too), or of UTF-8 bytes: Exim
 * matches a domain an SMTPUTF8 sender wrote so, as written */
static int access_exim_domain_ok(const char *d, size_t len)
{
	size_t i = len > 0 && d[0] == '*' ? 1 : 0;

	if (len == 0)
		return 0;
	for (; i < len; i++) {
		unsigned char c = (unsigned char)d[i];

		if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z')
		    && !(c >= '0' && c <= '9') && c != '-' && c != '_'
		    && c != '.' && c < 0x80)
			return 0;
	}
	return 1;
}

/* access_exim_unmodelled - why an item of another kind is skipped, or
 * NULL for an address or domain item */
static const char *access_exim_unmodelled(const char *item, size_t len)
{
	if (item[0] == '^')
		return "a regular expression";
	if (item[0] == '+')
		return "a named list";
	if (item[0] == '@')
		return "an \"@\" item";
	if (item[0] == '$' || memchr(item, '$', len) != NULL)
		return "an expansion (not expanded in a list file)";
	if (memchr(item, ';', len) != NULL)
		return "a lookup";
	if (item[0] == '/')
		return "a file name (not read inside a list file)";
	return NULL;
}

/* access_exim_item_ok - local@domain or domain, as modelled */
static int access_exim_item_ok(const char *item, size_t len)
{
	const char *at = memrchr(item, '@', len);
	size_t local;

	if (at == NULL)
		return access_exim_domain_ok(item, len);
	local = (size_t)(at - item);
	if (local == 0 || (item[0] == '*' && local > 1)
	    || memchr(item, '@', local) != NULL)
		return 0; /* *suffix local parts are not modelled */
	return access_exim_domain_ok(at + 1, len - local - 1);
}

/* access_exim_regex_domain - where the domain regex of "local@^re" or
 * "*@^re" starts (split at the last "@", as Exim splits it), or NULL */
static const char *access_exim_regex_domain(const char *item, size_t len)
{
	const char *at = memrchr(item, '@', len);

	if (at == NULL || at == item || at + 1 == item + len || at[1] != '^')
		return NULL;
	return at + 1;
}

/* access_exim_is_regex - an item Exim matches as a regular expression:
 * "^..." against the whole address, "local@^..." against the domain */
static int access_exim_is_regex(const char *item, size_t len)
{
	return item[0] == '^' || access_exim_regex_domain(item, len) != NULL;
}

/* access_exim_line - one item of the list */
static int access_exim_line(struct access_line_state *st,
			    struct textfile_where *src, const char *line,
			    size_t len, struct access_line *out)
{
	const char *why;

	(void)st;
	len = access_exim_trim(&line, len);
	if (len == 0)
		return 0;
	if (access_has_control(line, len)) {
		textfile_warn(src, "NUL or control byte");
		return 0;
	}
	/* A negated item is an exception to a block list, no trust. */
	out->action = line[0] == '!' ? ACCESS_SKIP : ACCESS_REJECT;
	if (line[0] == '!') {
		line++;
		len = access_exim_trim(&line, len - 1);
	}
	if (len > 0 && access_exim_is_regex(line, len)) {
		out->key = line; /* blanks and "$" belong to the expression */
		out->key_len = len;
		out->pattern = 1;
		return 1;
	}
	why = len == 0 ? "an empty negated item"
	      : memchr(line, ' ', len) || memchr(line, '\t', len)
		  ? "white space inside an item"
		  : access_exim_unmodelled(line, len);
	if (why == NULL && !access_exim_item_ok(line, len))
		why = "not an address, *@domain, domain or *.domain";
	if (why != NULL) {
		textfile_warn(src, "item \"%.*s\": %s", access_quote_len(len),
			      line, why);
		return 0;
	}
	out->key = line;
	out->key_len = len;
	return 1;
}

/* access_exim_value - compiled maps do not hold Exim lists */
static enum access_value_error
access_exim_value(const char *key, size_t key_len, const char *value,
		  size_t value_len, enum access_action *action)
{
	(void)key;
	(void)key_len;
	(void)value;
	(void)value_len;
	(void)action;
	return ACCESS_VALUE_UNKNOWN;
}

/* Where the search stands: the earliest matching item so far. */
struct access_exim_best {
	int found;
	unsigned long long order;
	enum access_action action;
};

/* access_exim_better - an item that matches: it decides if earlier */
static void access_exim_better(struct access_exim_best *best,
			       enum access_action action,
			       unsigned long long order)
{
	if (!best->found || order < best->order) {
		best->found = 1;
		best->order = order;
		best->action = action;
	}
}

/* access_exim_try - the item part1 + part2 (lower case), if earlier */
static void access_exim_try(struct access_query *q, const char *part1,
			    const char *part2, struct access_exim_best *best)
{
	char key[ACCESS_LINE_MAX + 1];
	size_t len1 = strnlen(part1, ACCESS_LINE_MAX + 1);
	size_t len2 = strnlen(part2, ACCESS_LINE_MAX + 1);
	enum access_action action;
	unsigned long long order;

	if (len1 + len2 > ACCESS_LINE_MAX)
		return;
	access_lower(part1, len1, key);
	memcpy(key + len1, part2, len2);
	if (access_query_find(q, key, len1 + len2, &action, &order))
		access_exim_better(best, action, order);
}

/* access_exim_try_patterns - the first regular expression that
 * matches, if earlier than the items found */
static void access_exim_try_patterns(struct access_query *q, const char *local,
				     const char *host,
				     struct access_exim_best *best)
{
	enum access_action action;
	unsigned long long order;

	if (access_query_match(q, local, host, &action, &order))
		access_exim_better(best, action, order);
}

/* access_exim_sender - the first item that matches local@host */
static int access_exim_sender(struct access_query *q, const char *local,
			      const char *host, enum access_action *action)
{
	struct access_exim_best best = {0, 0, ACCESS_OK};
	char at_host[HOSTNAME_UTF8_MAX + 2];

	snprintf(at_host, sizeof(at_host), "@%.*s", HOSTNAME_UTF8_MAX, host);
	if (local != NULL && *local != '\0')
		access_exim_try(q, local, at_host, &best);
	access_exim_try(q, "*", at_host, &best);
	access_exim_try(q, "", host, &best);
	access_exim_try(q, "*", "", &best);
	access_exim_try(q, "*@*", "", &best);
	/* "*" then any end of the domain, as Exim matches it: *.b.c,
	 * *b.c and *x.b.c for ax.b.c (a host of at most 253 bytes: as
	 * many lookups, for the senders that are looked up at all) */
	for (const char *s = host; *s != '\0'; s++) {
		access_exim_try(q, "*", s, &best);
		access_exim_try(q, "*@*", s, &best);
	}
	/* the regular expressions in their places among the items */
	access_exim_try_patterns(q, local, host, &best);
	*action = best.action;
	return best.found;
}

/* A regular expression item, as Exim matches it (match.c of 4.96, and
 * what a real Exim replied: tests/mta/exim-regex.t). */
struct access_exim_regex {
	struct regexdialect *re; /* caseless PCRE; NULL: defers */
	char *local; /* "local@^re": the local part ("*": any); NULL for a
		      * "^re" item, matched against the whole address */
};

/* access_exim_regex_free - one item's expression and local part */
static void access_exim_regex_free(void *pattern)
{
	struct access_exim_regex *r = pattern;

	if (r == NULL)
		return;
	regexdialect_free(r->re);
	free(r->local);
	free(r);
}

/* access_exim_regex_new - the item compiled as Exim compiles it: PCRE,
 * caseless, anchored only by its own "^".  One that does not compile
 * makes Exim panic at it, and every sender that reaches the item is
 * deferred ("421 Unexpected failure"): a blocking item, warned about */
static void *access_exim_regex_new(const struct pcreload *pcre,
				   const char *item, size_t len,
				   enum access_action *action,
				   char why[ACCESS_PATTERN_WHY_MAX])
{
	struct access_exim_regex *r = calloc(1, sizeof(*r));
	const char *domain =
	    item[0] == '^' ? NULL : access_exim_regex_domain(item, len);
	const char *expr = domain != NULL ? domain : item;
	char reason[REGEXDIALECT_ERROR_MAX];

	if (r == NULL)
		return NULL;
	if (domain != NULL) {
		r->local = strndup(item, (size_t)(domain - 1 - item));
		if (r->local == NULL) {
			free(r);
			return NULL;
		}
	}
	r->re =
	    regexdialect_compile(REGEXDIALECT_PCRE, pcre, expr,
				 len - (size_t)(expr - item), "", 0, reason);
	if (r->re == NULL && errno == ENOMEM) {
		access_exim_regex_free(r);
		return NULL;
	}
	if (r->re == NULL) {
		*action = ACCESS_REJECT;
		snprintf(why, ACCESS_PATTERN_WHY_MAX,
			 "item \"%.*s\": %.*s: Exim defers every sender that "
			 "reaches it (421); taken as blocking",
			 access_quote_len(len), item,
			 REGEXDIALECT_ERROR_MAX - 1, reason);
	}
	return r;
}

/* access_exim_regex_match - local@host, lower-cased as Exim lowers the
 * address before it matches a list (local NULL: "@host") */
static int access_exim_regex_match(const void *pattern, const char *local,
				   const char *host)
{
	const struct access_exim_regex *r = pattern;
	char address[ACCESS_LINE_MAX + 1];
	int len;

	if (r->re == NULL)
		return 1; /* Exim goes no further */
	if (r->local != NULL) {
		if (strcmp(r->local, "*") != 0
		    && (local == NULL || strcasecmp(local, r->local) != 0))
			return 0;
		return regexdialect_match(r->re, host, strlen(host)) == 1;
	}
	len = snprintf(address, sizeof(address), "%s@%s",
		       local != NULL ? local : "", host);
	if (len < 0 || (size_t)len >= sizeof(address))
		return 0;
	access_lower(address, (size_t)len, address);
	return regexdialect_match(r->re, address, (size_t)len) == 1;
}

/* access_exim_named - the domain an item covers */
static int access_exim_named(const char *key, size_t len,
			     struct access_named *out)
{
	const char *at = memrchr(key, '@', len);
	const char *d = at != NULL ? at + 1 : key;
	size_t dlen = at != NULL ? (size_t)(key + len - at - 1) : len;

	out->domain_key = at == NULL || (at == key + 1 && key[0] == '*');
	if (dlen > 0 && d[0] == '*') {
		d++;
		dlen--;
	}
	if (dlen > 0 && d[0] == '.') {
		d++;
		dlen--;
	}
	out->host = d;
	out->host_len = dlen;
	return dlen > 0;
}

/* access_exim_suggest - the host: an item of the list */
static int access_exim_suggest(const char *host, char *buf, size_t size)
{
	return snprintf(buf, size, "%s", host);
}

const struct access_syntax_ops access_exim_syntax = {ACCESS_EXIM,
						     "exim",
						     0,
						     1,
						     0,
						     access_exim_line,
						     access_exim_value,
						     access_exim_sender,
						     access_exim_named,
						     access_exim_suggest,
						     ACCESS_FORM_KEYS,
						     access_exim_regex_new,
						     access_exim_regex_match,
						     access_exim_regex_free};
