/*
 * NAME
 *	access_postfix - a Postfix access(5) table (access_syntax.h)
 * SUMMARY
 *	What postmap's source says, and how check_sender_access looks a
 *	sender up.
 * DESCRIPTION
 *	Text as postmap reads it: "pattern<white space>action", "#"
 *	comments (the first non-blank character), blank lines; keys are
 *	lower-cased, and one beyond ASCII case-folded (utf8fold.h), as
 *	postmap and smtpd fold keys and senders under SMTPUTF8: an entry
 *	p<Cyrillic a>ypal.com refuses P<Cyrillic A>YPAL.COM.  A line that
 *	starts with white space continues the
 *	one before: it is more of that action's text and changes nothing
 *	of what phishwatch reads (an entry whose action starts on such a
 *	line is refused, with its reason).  postmap's hash: maps (.db) and
 *	cdb: maps (.cdb) hold the same keys and values (access_db.c,
 *	access_cdb.c).
 *
 *	A sender local@host is looked up as smtpd's check_mail_access()
 *	does: "local@host", then the domain (check_domain_access()), then
 *	"local@"; the first entry found decides, DUNNO too ("as if not
 *	found", but the search stops).  The domain part depends on
 *	parent_domain_matches_subdomains.  Postfix's default lists
 *	smtpd_access_maps there (type postfix): host, then each parent
 *	domain ("b.c", "c"), so a bare "marriott.com" key also covers every
 *	subdomain, and ".domain" keys are never looked up (warned about at
 *	load: they block nothing).  Without it (type postfix-dot): host,
 *	then ".b.c", ".c": a bare key covers itself only, ".marriott.com"
 *	its subdomains only.
 *
 *	Actions (keywords case-insensitive, as in smtpd) that block, as
 *	sendmail's DISCARD, REJECT and ERROR do: REJECT [text], DISCARD
 *	[text], DEFER [text], DEFER_IF_PERMIT [text] (the mail is never
 *	accepted), and "4NN text" or "5NN text".  Those that let the sender
 *	through: OK, DUNNO, an all-numerical value (OK to Postfix),
 *	DEFER_IF_REJECT (defers only what a later restriction rejects),
 *	HOLD (held in the queue, as sendmail's QUARANTINE), INFO, WARN,
 *	PREPEND, REDIRECT, FILTER, BCC, RELAY, and restriction names of
 *	smtpd's own in any case (permit, PERMIT, reject_rbl_client) or class
 *	names in lower case: what those decide depends on more than the
 *	table.  DUNNO, HOLD and the actions that only add to the mail
 *	(INFO, WARN, PREPEND, REDIRECT, FILTER, BCC, DEFER_IF_REJECT) are
 *	read as DUNNO is (ACCESS_SKIP; HOLD as ACCESS_QUARANTINE): smtpd
 *	goes on to the next table (access.c).  PREPEND and the like without their argument are refused
 *	with a warning naming file:line (smtpd warns and ignores them).
 *	Anything else (an unknown upper-case word, a reply code outside 4NN
 *	and 5NN, a quoted reply, a lookup table) makes smtpd answer "451
 *	4.3.5 Server configuration error": read as blocking, and warned
 *	about.
 *
 *	The suggested line is "host REJECT Sender banned".
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "access_syntax.h"
#include "hostname.h"

#define ACCESS_POSTFIX_COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const struct access_postfix_word {
	const char *word;
	enum access_action action;
	int needs_text; /* an argument must follow */
} access_postfix_words[] = {
    {"REJECT", ACCESS_REJECT, 0},
    {"DISCARD", ACCESS_DISCARD, 0},
    {"DEFER", ACCESS_ERROR, 0},
    {"DEFER_IF_PERMIT", ACCESS_ERROR, 0},
    {"OK", ACCESS_OK, 0},
    {"DUNNO", ACCESS_SKIP, 0}, /* sendmail's SKIP: no trust */
    /* these add to the mail and let smtpd go on to the next
     * restriction, as DUNNO does (access.c) */
    {"DEFER_IF_REJECT", ACCESS_SKIP, 0},
    {"HOLD", ACCESS_QUARANTINE, 0},
    {"INFO", ACCESS_SKIP, 0},
    {"WARN", ACCESS_SKIP, 0},
    {"PREPEND", ACCESS_SKIP, 1},
    {"REDIRECT", ACCESS_SKIP, 1},
    {"FILTER", ACCESS_SKIP, 1},
    {"BCC", ACCESS_SKIP, 1},
    {"RELAY", ACCESS_OPAQUE, 0},
};

/* What smtpd makes of a value (access_postfix_action()). */
enum access_postfix_reading {
	ACCESS_POSTFIX_ACTION,  /* an action, or restrictions */
	ACCESS_POSTFIX_IGNORED, /* an action without its text: warned, skipped */
	ACCESS_POSTFIX_DEFERS   /* neither: "451 4.3.5 Server configuration
				 * error" for the sender */
};

/*
 * Restrictions of smtpd's own that an entry may name in any case
 * (PERMIT lets the sender through): the words, and the prefixes of the
 * families (permit_mynetworks, reject_rbl_client, check_client_access).
 */
static const char *const access_postfix_restrictions[] = {
    "permit",          "reject",         "defer", "defer_if_permit",
    "defer_if_reject", "warn_if_reject", "sleep"};
static const char *const access_postfix_families[] = {"permit_", "reject_",
						      "check_", "defer_"};

/* access_postfix_digits - how many ASCII digits text starts with */
static size_t access_postfix_digits(const char *text, size_t len)
{
	size_t n = 0;

	while (n < len && text[n] >= '0' && text[n] <= '9')
		n++;
	return n;
}

/* access_postfix_builtin - word[0..len) names a restriction of smtpd's
 * own, in any case */
static int access_postfix_builtin(const char *word, size_t len)
{
	for (size_t i = 0;
	     i < ACCESS_POSTFIX_COUNT(access_postfix_restrictions); i++)
		if (strlen(access_postfix_restrictions[i]) == len
		    && strncasecmp(word, access_postfix_restrictions[i], len)
			   == 0)
			return 1;
	for (size_t i = 0; i < ACCESS_POSTFIX_COUNT(access_postfix_families);
	     i++) {
		size_t n = strlen(access_postfix_families[i]);

		if (len > n
		    && strncasecmp(word, access_postfix_families[i], n) == 0)
			return 1;
	}
	return 0;
}

/* access_postfix_class - word[0..len) may name a restriction class of
 * main.cf's: lower-case letters, digits and "_", a letter first */
static int access_postfix_class(const char *word, size_t len)
{
	if (word[0] < 'a' || word[0] > 'z')
		return 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)word[i];

		if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')
		    && c != '_')
			return 0;
	}
	return 1;
}

/*
 * access_postfix_restriction - value[0..len) is a list of restrictions
 * (blanks or commas between them) that smtpd can run: each one of its
 * own, a class name, or a number (sleep's seconds).  A "type:table"
 * anywhere is not: smtpd refuses lookup tables inside access maps.
 */
static int access_postfix_restriction(const char *value, size_t len)
{
	size_t at = 0;

	if (memchr(value, ':', len) != NULL)
		return 0;
	while (at < len) {
		size_t word = at;

		while (word < len && !access_blank(value[word])
		       && value[word] != ',')
			word++;
		if (word > at && !access_postfix_builtin(value + at, word - at)
		    && !access_postfix_class(value + at, word - at)
		    && access_postfix_digits(value + at, word - at)
			   != word - at)
			return 0;
		at = word + 1;
	}
	return 1;
}

/*
 * access_postfix_action - the action of value[0..len), as smtpd's
 * check_table_result() reads it (Postfix 3.7, seen in its replies and
 * log): an action, its reply code, or else a list of restrictions; a
 * value that is none of them ("TEMPFAIL", "650 text", "ERROR:550")
 * makes smtpd defer the sender, which blocks it as DEFER does.
 */
static enum access_postfix_reading
access_postfix_action(const char *value, size_t len, enum access_action *action)
{
	size_t word = 0;
	size_t digits = access_postfix_digits(value, len);

	*action = ACCESS_ERROR;
	if (digits == len) {
		*action = ACCESS_OK; /* all-numerical: OK to Postfix */
		return ACCESS_POSTFIX_ACTION;
	}
	if (digits == 3 && access_blank(value[3]))
		return value[0] == '4' || value[0] == '5'
			   ? ACCESS_POSTFIX_ACTION
			   : ACCESS_POSTFIX_DEFERS;
	while (word < len && !access_blank(value[word]))
		word++;
	for (size_t i = 0; i < ACCESS_POSTFIX_COUNT(access_postfix_words);
	     i++) {
		const struct access_postfix_word *w = &access_postfix_words[i];

		if (strlen(w->word) == word
		    && strncasecmp(value, w->word, word) == 0) {
			*action = w->action;
			return w->needs_text && word == len
				   ? ACCESS_POSTFIX_IGNORED
				   : ACCESS_POSTFIX_ACTION;
		}
	}
	if (!access_postfix_restriction(value, len))
		return ACCESS_POSTFIX_DEFERS;
	*action = ACCESS_OPAQUE;
	return ACCESS_POSTFIX_ACTION;
}

/* access_postfix_value - a key and its action (compiled maps too) */
static enum access_value_error
access_postfix_value(const char *key, size_t key_len, const char *value,
		     size_t value_len, enum access_action *action)
{
	if (key_len == 0 || access_has_control(key, key_len)
	    || access_has_control(value, value_len))
		return ACCESS_VALUE_UNKNOWN;
	if (value_len == 0)
		return ACCESS_VALUE_UNKNOWN;
	switch (access_postfix_action(value, value_len, action)) {
	case ACCESS_POSTFIX_ACTION:
		return ACCESS_VALUE_OK;
	case ACCESS_POSTFIX_DEFERS:
		return ACCESS_VALUE_DEFERS;
	case ACCESS_POSTFIX_IGNORED:
		break;
	}
	return ACCESS_VALUE_UNKNOWN;
}

/* access_postfix_split - key and value of a line that starts with a
 * key; 1 and the entry, or 0 (warned) */
static int access_postfix_split(struct textfile_where *src, const char *line,
				size_t len, struct access_line *out)
{
	size_t key_len;
	size_t value;
	enum access_value_error why;

	if (!access_split(src, line, len, "action on its line", &key_len,
			  &value))
		return 0;
	why = access_postfix_value(line, key_len, line + value, len - value,
				   &out->action);
	if (!access_entry_read(src, why, line, key_len, line + value,
			       len - value))
		return 0;
	out->key = line;
	out->key_len = key_len;
	return 1;
}

/* access_postfix_pattern - the line is one of a regexp: or pcre: table:
 * "/pattern/flags action", "!/pattern/ action", "if /pattern/", "endif";
 * postmap's source never starts a key with a slash, nor holds keys named
 * if and endif without an action */
static int access_postfix_pattern(const char *line, size_t len)
{
	size_t word = 0;

	while (word < len && !access_blank(line[word]))
		word++;
	if (line[0] == '/' || (len > 1 && line[0] == '!' && line[1] == '/'))
		return 1;
	return (word == 2 && strncasecmp(line, "if", 2) == 0 && word < len)
	       || (word == 5 && strncasecmp(line, "endif", 5) == 0);
}

/* access_postfix_read - one line; dotted: ".domain" keys are looked up */
static int access_postfix_read(struct access_line_state *st,
			       struct textfile_where *src, const char *line,
			       size_t len, struct access_line *out, int dotted)
{
	size_t lead;

	if (!access_line_content(src, line, &len, &lead))
		return 0;
	if (lead > 0) { /* more text of the entry before */
		if (!st->after_entry)
			textfile_warn(src, "continuation line with no entry "
					   "before it");
		return 0;
	}
	st->after_entry = 1;
	if (access_postfix_pattern(line, len)) {
		textfile_warn(src,
			      "\"%.*s\" is a line of a regexp: or pcre: "
			      "table: name the file as main.cf does, with -a "
			      "regexp:FILE or -a pcre:FILE (read as postmap's "
			      "source, nothing it blocks counts as blocked)",
			      access_quote_len(len), line);
		return 0;
	}
	if (line[0] == '.' && !dotted) {
		size_t key_len = 1;

		while (key_len < len && !access_blank(line[key_len]))
			key_len++;

		textfile_warn(src,
			      "key \"%.*s\" is never looked up: Postfix's "
			      "default parent_domain_matches_subdomains "
			      "makes \"%.*s\" cover the subdomains (type "
			      "postfix-dot: for the other setting)",
			      access_quote_len(key_len), line,
			      access_quote_len(key_len - 1), line + 1);
		return 0;
	}
	return access_postfix_split(src, line, len, out);
}

/* access_postfix_line, access_postfix_dot_line - the two styles */
static int access_postfix_line(struct access_line_state *st,
			       struct textfile_where *src, const char *line,
			       size_t len, struct access_line *out)
{
	return access_postfix_read(st, src, line, len, out, 0);
}

static int access_postfix_dot_line(struct access_line_state *st,
				   struct textfile_where *src, const char *line,
				   size_t len, struct access_line *out)
{
	return access_postfix_read(st, src, line, len, out, 1);
}

/* access_postfix_get - the entry of part1 + part2 + part3, folded as
 * smtpd folds a lookup key (the keys were folded when loaded) */
static int access_postfix_get(struct access_query *q, const char *part1,
			      const char *part2, const char *part3,
			      enum access_action *action)
{
	char key[ACCESS_LINE_MAX + 1];
	char folded[ACCESS_LINE_MAX + 1];
	const char *parts[] = {part1, part2, part3};
	size_t len = 0;
	int folded_len;

	for (size_t i = 0; i < 3; i++) {
		size_t n = strnlen(parts[i], ACCESS_LINE_MAX + 1);

		if (len + n > ACCESS_LINE_MAX)
			return 0; /* longer than any key we hold */
		memcpy(key + len, parts[i], n);
		len += n;
	}
	folded_len = access_query_fold(key, len, folded, sizeof(folded), q);
	return folded_len >= 0
	       && access_query_get(q, folded, (size_t)folded_len, action);
}

/* access_postfix_lookup - check_mail_access(): address, domain and its
 * parents (".parent" when dotted), "local@" */
static int access_postfix_lookup(struct access_query *q, const char *local,
				 const char *host, enum access_action *action,
				 int dotted)
{
	int has_local = local != NULL && *local != '\0';

	if (has_local && access_postfix_get(q, local, "@", host, action))
		return 1;
	if (access_postfix_get(q, "", "", host, action))
		return 1;
	for (const char *dot = strchr(host, '.'); dot != NULL;
	     dot = strchr(dot + 1, '.'))
		if (access_postfix_get(q, "", "", dotted ? dot : dot + 1,
				       action))
			return 1;
	return has_local && access_postfix_get(q, local, "@", "", action);
}

/* access_postfix_sender, access_postfix_dot_sender - the two styles */
static int access_postfix_sender(struct access_query *q, const char *local,
				 const char *host, enum access_action *action)
{
	return access_postfix_lookup(q, local, host, action, 0);
}

static int access_postfix_dot_sender(struct access_query *q, const char *local,
				     const char *host,
				     enum access_action *action)
{
	return access_postfix_lookup(q, local, host, action, 1);
}

/* access_postfix_names - the host a key names: user@host, domain, and
 * when dotted .domain (its subdomains: the domain is above them) */
static int access_postfix_names(const char *key, size_t len,
				struct access_named *out, int dotted)
{
	const char *at = memrchr(key, '@', len);

	if (at != NULL) {
		out->host = at + 1;
		out->host_len = (size_t)(key + len - at - 1);
		return out->host_len > 0;
	}
	if (key[0] == '.' && !dotted)
		return 0; /* never looked up */
	out->host = key[0] == '.' ? key + 1 : key;
	out->host_len = key[0] == '.' ? len - 1 : len;
	out->domain_key = 1;
	return 1;
}

/* access_postfix_named, access_postfix_dot_named - the two styles */
static int access_postfix_named(const char *key, size_t len,
				struct access_named *out)
{
	return access_postfix_names(key, len, out, 0);
}

static int access_postfix_dot_named(const char *key, size_t len,
				    struct access_named *out)
{
	return access_postfix_names(key, len, out, 1);
}

/* access_postfix_suggest - "host REJECT Sender banned" */
static int access_postfix_suggest(const char *host, char *buf, size_t size)
{
	return snprintf(buf, size, "%s REJECT Sender banned", host);
}

const struct access_syntax_ops access_postfix_syntax = {ACCESS_POSTFIX,
							"postfix",
							1,
							0,
							1,
							access_postfix_line,
							access_postfix_value,
							access_postfix_sender,
							access_postfix_named,
							access_postfix_suggest,
							ACCESS_FORM_KEYS,
							NULL,
							NULL,
							NULL};

const struct access_syntax_ops access_postfix_dot_syntax = {
    ACCESS_POSTFIX_DOT,
    "postfix-dot",
    1,
    0,
    1,
    access_postfix_dot_line,
    access_postfix_value,
    access_postfix_dot_sender,
    access_postfix_dot_named,
    access_postfix_suggest,
    ACCESS_FORM_KEYS,
    NULL,
    NULL,
    NULL};

/*
 * access_postfix_pattern_sender - check_mail_access() on a regexp: or
 * pcre: table: the whole address alone, folded to lower case as smtpd
 * folds it (so a case-sensitive pattern in capitals matches nothing);
 * the domain, its parents and "local@" are partial keys, which smtpd
 * never asks a table of patterns (a real Postfix 3.7 let a sender
 * through that only /^domain$/ would match).  A host asked without a
 * local part (--query HOST) is asked as "@host": a pattern on the
 * domain's end still matches it.
 */
static int access_postfix_pattern_sender(struct access_query *q,
					 const char *local, const char *host,
					 enum access_action *action)
{
	return access_postfix_get(q, local != NULL ? local : "", "@", host,
				  action);
}

/* access_postfix_pattern_named - a pattern names no host */
static int access_postfix_pattern_named(const char *key, size_t len,
					struct access_named *out)
{
	(void)key;
	(void)len;
	(void)out;
	return 0;
}

/* access_postfix_pattern_suggest - the rule that blocks host and the
 * hosts below it, as a table key "host" does: "/[@.]host$/ REJECT
 * Sender banned", its dots escaped (a hostname holds no other
 * character special to either dialect) */
static int access_postfix_pattern_suggest(const char *host, char *buf,
					  size_t size)
{
	size_t at = 0;
	int tail;

	if (size < 6)
		return -1;
	memcpy(buf, "/[@.]", 5);
	at = 5;
	for (const char *c = host; *c != '\0'; c++) {
		if (at + 3 >= size)
			return -1;
		if (*c == '.')
			buf[at++] = '\\';
		buf[at++] = *c;
	}
	tail = snprintf(buf + at, size - at, "$/ REJECT Sender banned");
	return tail < 0 ? -1 : (int)at + tail;
}

const struct access_syntax_ops access_postfix_regexp_syntax = {
    ACCESS_POSTFIX_REGEXP,
    "regexp",
    0,
    0,
    1,
    access_postfix_line,
    access_postfix_value,
    access_postfix_pattern_sender,
    access_postfix_pattern_named,
    access_postfix_pattern_suggest,
    ACCESS_FORM_REGEXP,
    NULL,
    NULL,
    NULL};

const struct access_syntax_ops access_postfix_pcre_syntax = {
    ACCESS_POSTFIX_PCRE,
    "pcre",
    0,
    0,
    1,
    access_postfix_line,
    access_postfix_value,
    access_postfix_pattern_sender,
    access_postfix_pattern_named,
    access_postfix_pattern_suggest,
    ACCESS_FORM_PCRE,
    NULL,
    NULL,
    NULL};
