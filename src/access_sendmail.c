/*
 * NAME
 *	access_sendmail - sendmail's access map (access_syntax.h)
 * SUMMARY
 *	What makemap's source says, and how check_mail looks a sender up.
 * DESCRIPTION
 *	Text: one "key<white space>value" a line, "#" comments and blank
 *	lines; a key must start in the first column (makemap refuses
 *	anything else).  Values as access_value.c reads them.
 *
 *	An envelope sender local@host is looked up as sendmail's check_mail
 *	does: "local@host", then host and each parent domain up to the
 *	top-level label, then "local@"; at each key the From: entry before
 *	the untagged one.  The first entry found decides.  To:, Connect:
 *	and Spam: entries never decide for a sender.  FEATURE(lookupdotdomain)
 *	(".domain" keys) is not modelled: it is off by default.
 *
 *	The suggested line is host<TAB>ERROR:"550 5.7.1 Sender banned": a
 *	permanent error, and the key also covers the host's subdomains.
 */
#include <stdio.h>
#include <string.h>

#include "access_syntax.h"
#include "hostname.h"

#define ACCESS_FROM_TAG "from:"
#define ACCESS_FROM_LEN (sizeof(ACCESS_FROM_TAG) - 1)

/* What phishwatch suggests: a permanent error, as the story settled on. */
#define ACCESS_SUGGEST_VALUE "ERROR:\"550 5.7.1 Sender banned\""

/* access_sendmail_entry - key and value: the entry, or warned */
static int access_sendmail_entry(struct textfile_where *src, const char *line,
				 size_t key_len, size_t value, size_t len,
				 struct access_line *out)
{
	enum access_value_error why;

	why = access_value_parse(line, key_len, line + value, len - value,
				 &out->action);
	if (!access_entry_read(src, why, line, key_len, line + value,
			       len - value))
		return 0;
	out->key = line;
	out->key_len = key_len;
	return 1;
}

/* access_sendmail_line - one line of makemap's source */
static int access_sendmail_line(struct access_line_state *st,
				struct textfile_where *src, const char *line,
				size_t len, struct access_line *out)
{
	size_t key_len;
	size_t value;

	(void)st;
	len = access_trim_end(line, len);
	if (len == 0 || line[0] == '#')
		return 0;
	if (access_has_control(line, len)) {
		textfile_warn(src, "NUL or control byte");
		return 0;
	}
	if (access_blank(line[0])) {
		textfile_warn(src, "leading white space (makemap rejects it)");
		return 0;
	}
	if (!access_split(src, line, len, "value", &key_len, &value))
		return 0;
	return access_sendmail_entry(src, line, key_len, value, len, out);
}

/* access_sendmail_decide - the entry for "from:"body or body; buf holds
 * the former, body_len long after the tag */
static int access_sendmail_decide(struct access_query *q, const char *buf,
				  size_t body_len, enum access_action *action)
{
	size_t tag_body;

	if (access_query_get(q, buf, ACCESS_FROM_LEN + body_len, action))
		return 1;
	return access_query_get(q, buf + ACCESS_FROM_LEN, body_len, action)
	       && access_tag_of(buf + ACCESS_FROM_LEN, body_len, &tag_body)
		      == ACCESS_UNTAGGED;
}

/* access_sendmail_lookup - the entry that decides for part1 + part2
 * (part1 lower-cased here; part2 a validated host, already lower case) */
static int access_sendmail_lookup(struct access_query *q, const char *part1,
				  const char *part2, enum access_action *action)
{
	char buf[ACCESS_FROM_LEN + ACCESS_LINE_MAX + 1];
	size_t len1 = strnlen(part1, ACCESS_LINE_MAX + 1);
	size_t len2 = strnlen(part2, ACCESS_LINE_MAX + 1);

	if (len1 + len2 > ACCESS_LINE_MAX)
		return 0; /* longer than any key we hold */
	memcpy(buf, ACCESS_FROM_TAG, ACCESS_FROM_LEN);
	access_lower(part1, len1, buf + ACCESS_FROM_LEN);
	memcpy(buf + ACCESS_FROM_LEN + len1, part2, len2);
	buf[ACCESS_FROM_LEN + len1 + len2] = '\0';
	return access_sendmail_decide(q, buf, len1 + len2, action);
}

/* access_sendmail_sender - the action that decides for local@host */
static int access_sendmail_sender(struct access_query *q, const char *local,
				  const char *host, enum access_action *action)
{
	int found = 0;

	if (local != NULL && *local != '\0') {
		char at_host[HOSTNAME_UTF8_MAX + 2];

		snprintf(at_host, sizeof(at_host), "@%.*s", HOSTNAME_UTF8_MAX,
			 host);
		if (access_sendmail_lookup(q, local, at_host, action))
			return 1;
	}
	for (const char *d = host; d != NULL && !found; d = hostname_parent(d))
		found = access_sendmail_lookup(q, "", d, action);
	if (!found && local != NULL && *local != '\0')
		found = access_sendmail_lookup(q, local, "@", action);
	return found;
}

/* access_sendmail_named - the host of a From:, Connect: or untagged key
 * (an untagged one gives way to its From: twin; a Connect: one names a
 * client: the administrator trusts it, it blocks no sender) */
static int access_sendmail_named(const char *key, size_t len,
				 struct access_named *out)
{
	const char *at;
	size_t body;

	switch (access_tag_of(key, len, &body)) {
	case ACCESS_UNTAGGED:
		out->shadowable = 1;
		break;
	case ACCESS_TAG_FROM:
		break;
	case ACCESS_TAG_CONNECT:
		out->client = 1;
		break;
	default:
		return 0;
	}
	at = memrchr(key + body, '@', len - body);
	out->host = at != NULL ? at + 1 : key + body;
	out->host_len = at != NULL ? (size_t)(key + len - at - 1) : len - body;
	out->domain_key = at == NULL;
	return 1;
}

/* access_sendmail_suggest - host<TAB>ERROR:"550 5.7.1 Sender banned" */
static int access_sendmail_suggest(const char *host, char *buf, size_t size)
{
	return snprintf(buf, size, "%s\t%s", host, ACCESS_SUGGEST_VALUE);
}

const struct access_syntax_ops access_sendmail_syntax = {
    ACCESS_SENDMAIL,
    "sendmail",
    1,
    0,
    0,
    access_sendmail_line,
    access_value_parse,
    access_sendmail_sender,
    access_sendmail_named,
    access_sendmail_suggest,
    ACCESS_FORM_KEYS,
    NULL,
    NULL,
    NULL};
