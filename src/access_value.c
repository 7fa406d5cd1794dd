/*
 * NAME
 *	access_value - what a key and its value mean (access_backend.h)
 * SUMMARY
 *	One reading of an access map entry for every storage kind.
 * DESCRIPTION
 *	Keys may carry a tag, a word and a colon: From:, To:, Connect:,
 *	Spam: or another (GreetPause:, TLS_Clt:, ...).  "IPv6:" starts an
 *	address, not a tag.  Values of From:, To:, Connect:, Spam: and
 *	untagged keys must be one of sendmail's actions: OK, RELAY, SKIP,
 *	DISCARD, REJECT, ERROR:[D.S.N:]### text (quoted or not, the code
 *	may be omitted when there is no D.S.N), the older bare "### text",
 *	QUARANTINE:reason, or FRIEND/HATER/SPAMFRIEND/SPAMHATER; keywords
 *	are case-insensitive as in sendmail's rules.  Values of other tags
 *	belong to features phishwatch does not model and are kept as they
 *	are.  A blocking action is DISCARD, REJECT, ERROR or a bare
 *	4xx/5xx reply; everything else lets the sender through.  Any other
 *	value of a From: or untagged key (FRIEND and HATER too) is what
 *	sendmail.cf's "error from access db" rule takes: check_mail
 *	refuses the sender with it as the reply text (sendmail -bt shows
 *	it), so it is read as ACCESS_ERROR, and warned about, since it is
 *	not what its author can have meant.  SKIP is read as under
 *	FEATURE(access_db)'s skip argument, without which it is such a
 *	value too.  Other tags' unknown values, and a key or value with a
 *	control byte (a compiled map's own terminating NUL aside), are
 *	refused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "access_backend.h"

/* Entries in a static table. */
#define ACCESS_COUNT(a) (sizeof(a) / sizeof((a)[0]))

#define ACCESS_ERROR_PREFIX      "ERROR:"
#define ACCESS_ERROR_LEN         (sizeof(ACCESS_ERROR_PREFIX) - 1)
#define ACCESS_QUARANTINE_PREFIX "QUARANTINE:"
#define ACCESS_QUARANTINE_LEN    (sizeof(ACCESS_QUARANTINE_PREFIX) - 1)

static const struct access_keyword {
	const char *word;
	enum access_action action;
} access_keywords[] = {
    {"OK", ACCESS_OK},
    {"RELAY", ACCESS_RELAY},
    {"SKIP", ACCESS_SKIP},
    {"DISCARD", ACCESS_DISCARD},
    {"REJECT", ACCESS_REJECT},
    {"FRIEND", ACCESS_SPAM_PREF},
    {"HATER", ACCESS_SPAM_PREF},
    {"SPAMFRIEND", ACCESS_SPAM_PREF},
    {"SPAMHATER", ACCESS_SPAM_PREF},
};

static const struct access_tag_name {
	const char *word;
	enum access_tag tag;
} access_tag_names[] = {
    {"from", ACCESS_TAG_FROM},
    {"to", ACCESS_TAG_TO},
    {"connect", ACCESS_TAG_CONNECT},
    {"spam", ACCESS_TAG_SPAM},
};

/* access_blocking - does this action keep the sender out? */
int access_blocking(enum access_action action)
{
	return action == ACCESS_DISCARD || action == ACCESS_REJECT
	       || action == ACCESS_ERROR;
}

/* access_trusting - does this action vouch for the sender?  OK and
 * RELAY do; SKIP (Postfix's DUNNO, an Exim exception) only ends the
 * search */
int access_trusting(enum access_action action)
{
	return action == ACCESS_OK || action == ACCESS_RELAY;
}

/* access_quote_len - how much of len bytes a warning may quote */
int access_quote_len(size_t len)
{
	return len < ACCESS_QUOTE_MAX ? (int)len : ACCESS_QUOTE_MAX;
}

/* access_is_alpha, access_is_digit - ASCII classes, locale-free */
static int access_is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int access_is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* access_tag_of - the tag of key[0..len) and where its body starts */
enum access_tag access_tag_of(const char *key, size_t len, size_t *body)
{
	const char *colon = memchr(key, ':', len);
	size_t word_len;

	*body = 0;
	if (colon == NULL || !access_is_alpha((unsigned char)key[0]))
		return ACCESS_UNTAGGED;
	word_len = (size_t)(colon - key);
	for (size_t i = 1; i < word_len; i++) {
		unsigned char c = (unsigned char)key[i];

		if (!access_is_alpha(c) && !access_is_digit(c) && c != '_')
			return ACCESS_UNTAGGED;
	}
	if (word_len == 4 && strncasecmp(key, "ipv6", 4) == 0)
		return ACCESS_UNTAGGED; /* IPv6:1:2:3::4 is an address */
	*body = word_len + 1;
	for (size_t i = 0; i < ACCESS_COUNT(access_tag_names); i++) {
		const char *word = access_tag_names[i].word;

		if (strlen(word) == word_len
		    && strncasecmp(key, word, word_len) == 0)
			return access_tag_names[i].tag;
	}
	return ACCESS_TAG_OTHER;
}

/* access_dsn_len - length of a "D.S.N:" prefix of text, or 0 */
static size_t access_dsn_len(const char *text, size_t len)
{
	size_t i = 2; /* after the class digit and its dot */

	if (len < 6 || (text[0] != '4' && text[0] != '5') || text[1] != '.')
		return 0;
	for (int part = 0; part < 2; part++) {
		size_t digits = 0;

		while (i < len && access_is_digit((unsigned char)text[i])
		       && digits < 3) {
			i++;
			digits++;
		}
		if (digits == 0 || i >= len
		    || text[i] != (part == 0 ? '.' : ':'))
			return 0;
		i++;
	}
	return i;
}

/* access_reply_ok - [D.S.N:]["]### text["], or text with no code when
 * code is optional; an opening quote must be closed */
static int access_reply_ok(const char *text, size_t len, int allow_dsn,
			   int need_code)
{
	size_t dsn = allow_dsn ? access_dsn_len(text, len) : 0;

	if (dsn > 0) {
		text += dsn;
		len -= dsn;
		need_code = 1;
	}
	if (len > 0 && text[0] == '"') {
		if (len < 2 || text[len - 1] != '"')
			return 0;
		text++;
		len -= 2;
	}
	if (len == 0)
		return 0;
	if (!access_is_digit((unsigned char)text[0]))
		return !need_code;
	return len >= 3 && (text[0] == '4' || text[0] == '5')
	       && access_is_digit((unsigned char)text[1])
	       && access_is_digit((unsigned char)text[2])
	       && (len == 3 || text[3] == ' ');
}

/* access_prefix - text starts with word, case-insensitively */
static int access_prefix(const char *text, size_t len, const char *word)
{
	size_t word_len = strlen(word);

	return len >= word_len && strncasecmp(text, word, word_len) == 0;
}

/* access_action_of - the action of value[0..len), or -1 if unknown */
static int access_action_of(const char *value, size_t len,
			    enum access_action *action)
{
	for (size_t i = 0; i < ACCESS_COUNT(access_keywords); i++) {
		if (strlen(access_keywords[i].word) == len
		    && strncasecmp(value, access_keywords[i].word, len) == 0) {
			*action = access_keywords[i].action;
			return 0;
		}
	}
	*action = ACCESS_ERROR;
	if (access_prefix(value, len, ACCESS_ERROR_PREFIX))
		return access_reply_ok(value + ACCESS_ERROR_LEN,
				       len - ACCESS_ERROR_LEN, 1, 0)
			   ? 0
			   : -1;
	if (access_is_digit((unsigned char)value[0]) || value[0] == '"')
		return access_reply_ok(value, len, 0, 1) ? 0 : -1;
	*action = ACCESS_QUARANTINE;
	if (access_prefix(value, len, ACCESS_QUARANTINE_PREFIX)
	    && len > ACCESS_QUARANTINE_LEN)
		return 0; /* a reason is required */
	return -1;
}

/* access_blank - the white space that separates key and value */
int access_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* access_trim_end - drop the white space and CR that end a line */
size_t access_trim_end(const char *line, size_t len)
{
	while (len > 0
	       && (access_blank(line[len - 1]) || line[len - 1] == '\r'))
		len--;
	return len;
}

/* access_has_control - a NUL, control or DEL byte other than tab */
int access_has_control(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];

		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return 1;
	}
	return 0;
}

/* access_value_parse - the action of a key and its value, or why not */
enum access_value_error access_value_parse(const char *key, size_t key_len,
					   const char *value, size_t value_len,
					   enum access_action *action)
{
	size_t body;
	enum access_tag tag;

	if (key_len == 0 || access_has_control(key, key_len)
	    || access_has_control(value, value_len))
		return ACCESS_VALUE_UNKNOWN;
	tag = access_tag_of(key, key_len, &body);
	if (tag == ACCESS_TAG_OTHER) {
		*action = ACCESS_OPAQUE;
		return ACCESS_VALUE_OK;
	}
	if (body == key_len)
		return ACCESS_VALUE_EMPTY_KEY;
	if (value_len == 0)
		return ACCESS_VALUE_UNKNOWN;
	if (tag != ACCESS_TAG_FROM && tag != ACCESS_UNTAGGED)
		return access_action_of(value, value_len, action) < 0
			   ? ACCESS_VALUE_UNKNOWN
			   : ACCESS_VALUE_OK;
	/* check_mail: OK, RELAY, DISCARD, QUARANTINE:, REJECT, ERROR:
	 * (and SKIP under FEATURE(access_db)'s skip), and for anything
	 * else sendmail.cf's "error from access db" rule */
	if (access_action_of(value, value_len, action) < 0
	    || *action == ACCESS_SPAM_PREF) {
		*action = ACCESS_ERROR;
		return ACCESS_VALUE_NO_ACTION;
	}
	return ACCESS_VALUE_OK;
}

/* access_value_meaning - what the daemon makes of a value that is read
 * though it is no action (access_value_read()), or NULL */
static const char *access_value_meaning(enum access_value_error why)
{
	switch (why) {
	case ACCESS_VALUE_NO_ACTION:
		return "is no sendmail action: sendmail refuses the sender "
		       "with it as the reply";
	case ACCESS_VALUE_DEFERS:
		return "is neither action nor restriction: smtpd defers the "
		       "sender (451 4.3.5 Server configuration error)";
	default:
		return NULL;
	}
}

/* access_value_read - OK, or read though odd */
int access_value_read(enum access_value_error why)
{
	return why == ACCESS_VALUE_OK || access_value_meaning(why) != NULL;
}

/* access_value_reason - why an entry was refused, quoted bounded */
void access_value_reason(enum access_value_error why, const char *key,
			 size_t key_len, const char *value, size_t value_len,
			 char *buf, size_t size)
{
	/* Control bytes never reach a warning: quote none of such text. */
	if (access_has_control(key, key_len))
		key_len = 0;
	if (access_has_control(value, value_len))
		value_len = 0;
	if (why == ACCESS_VALUE_EMPTY_KEY)
		snprintf(buf, size, "key \"%.*s\" is empty after its tag",
			 access_quote_len(key_len), key);
	else if (access_value_meaning(why) != NULL)
		snprintf(
		    buf, size, "\"%.*s\" of key \"%.*s\" %s; taken as blocking",
		    access_quote_len(value_len), value,
		    access_quote_len(key_len), key, access_value_meaning(why));
	else
		snprintf(buf, size,
			 "unknown or malformed action \"%.*s\" "
			 "for key \"%.*s\"",
			 access_quote_len(value_len), value,
			 access_quote_len(key_len), key);
}

/* access_value_stored - a compiled map's entry: without the NUL that
 * makemap -N stores after key and value, and without the blanks and CR
 * that end the value (makemap keeps a CRLF source's CR, which sendmail's
 * rules take for white space: "REJECT\r" refuses), then as any other */
enum access_value_error access_value_stored(access_value_fn parse,
					    const char *key, size_t *key_len,
					    const char *value,
					    size_t *value_len,
					    enum access_action *action)
{
	if (*key_len > 0 && key[*key_len - 1] == '\0')
		(*key_len)--;
	if (*value_len > 0 && value[*value_len - 1] == '\0')
		(*value_len)--;
	*value_len = access_trim_end(value, *value_len);
	if (*key_len > ACCESS_LINE_MAX || *value_len > ACCESS_LINE_MAX)
		return ACCESS_VALUE_UNKNOWN;
	return parse(key, *key_len, value, *value_len, action);
}

/* access_value_skip - warn about and count a compiled map's refused
 * entry, when the caller counts (bad not NULL) */
void access_value_skip(const struct say_to *say, const char *path,
		       enum access_value_error why, const char *key,
		       size_t key_len, const char *value, size_t value_len,
		       size_t *bad)
{
	char reason[ACCESS_REASON_MAX];

	if (bad == NULL)
		return;
	access_value_reason(why, key, key_len, value, value_len, reason,
			    sizeof(reason));
	say_print(say, SAY_WARN, "%.200s: %s%s", path, reason,
		  access_value_read(why) ? "" : "; entry skipped");
	(*bad)++;
}

/* access_grow - room for one more of n items of item bytes in *items
 * (*size of them), doubled from min */
int access_grow(void **items, size_t n, size_t *size, size_t item, size_t min)
{
	size_t want = *size ? *size * 2 : min;
	void *grown;

	if (n < *size)
		return 0;
	grown = reallocarray(*items, want, item);
	if (grown == NULL)
		return -1;
	*items = grown;
	*size = want;
	return 0;
}
