/*
 * NAME
 *	access - sendmail's access map, read from its source text
 * SUMMARY
 *	Is this envelope sender already blocked?  Is this campaign known?
 * DESCRIPTION
 *	The source text is what "makemap hash access < access" reads: one
 *	"key<white space>value" a line, "#" comments and blank lines.  As
 *	makemap does, keys are lower-cased (tags too, so From: and FROM:
 *	are one tag), a key must start in the first column, and the first
 *	entry of a key wins: a later duplicate is warned about and skipped,
 *	also across several files loaded into one map (as if they were
 *	concatenated into one makemap run).
 *
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
 *	value is warned about and skipped: whatever sendmail makes of it,
 *	it is not what the line's author meant.
 *
 *	An envelope sender local@host is looked up as sendmail's check_mail
 *	does: "local@host", then host and each parent domain up to the
 *	top-level label, then "local@"; at each key the From: entry before
 *	the untagged one.  The first entry found decides.  To:, Connect:
 *	and Spam: entries never decide for a sender.  FEATURE(lookupdotdomain)
 *	(".domain" keys) is not modelled: it is off by default.
 *
 *	For known campaigns a second set is computed after each file: every
 *	domain at or above the host of a blocking sender entry (domain- or
 *	address-keyed, From: or untagged, with From: deciding when both
 *	exist), down to two labels.  complains.linkedin.com DISCARD puts
 *	complains.linkedin.com and linkedin.com in it, so the linkedin.com
 *	campaign is known in one lookup.  Two-label public suffixes such as
 *	co.uk may also land there; that is harmless because callers ask
 *	only about registrable domains (detector.h), never a public suffix.
 *	A single-label entry such as "com REJECT" blocks every .com sender,
 *	as in sendmail, but makes no campaign known.
 * DIAGNOSTICS
 *	access_load() warns "file:line: reason" about every line it skips
 *	(too long, control bytes, leading white space, no value, unknown
 *	action, empty key, duplicate) and counts it.  Keys and values are
 *	quoted bounded, and only after control bytes were ruled out.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "access.h"
#include "hostname.h"
#include "msg.h"
#include "textfile.h"
#include "strmap.h"

/* makemap's own line buffer is smaller: a longer line is no entry. */
#define ACCESS_LINE_MAX 4096
/* A site's access file holds tens to thousands of entries. */
#define ACCESS_ENTRIES_EXPECTED 256
/* Untrusted text in warnings is cut to this many bytes. */
#define ACCESS_QUOTE_MAX 100

/* Entries in a static table. */
#define ACCESS_COUNT(a) (sizeof(a) / sizeof((a)[0]))

#define ACCESS_FROM_TAG "from:"
#define ACCESS_FROM_LEN (sizeof(ACCESS_FROM_TAG) - 1)
#define ACCESS_ERROR_PREFIX "ERROR:"
#define ACCESS_ERROR_LEN (sizeof(ACCESS_ERROR_PREFIX) - 1)
#define ACCESS_QUARANTINE_PREFIX "QUARANTINE:"
#define ACCESS_QUARANTINE_LEN (sizeof(ACCESS_QUARANTINE_PREFIX) - 1)

/* What phishwatch suggests: a permanent error, as the story settled on. */
#define ACCESS_SUGGEST_VALUE "ERROR:\"550 5.7.1 Sender banned\""

enum access_tag {
	ACCESS_UNTAGGED,
	ACCESS_TAG_FROM,
	ACCESS_TAG_TO,
	ACCESS_TAG_CONNECT,
	ACCESS_TAG_SPAM,
	ACCESS_TAG_OTHER	/* a feature we do not model */
};

enum access_action {
	ACCESS_OK,
	ACCESS_RELAY,
	ACCESS_SKIP,
	ACCESS_QUARANTINE,	/* accepted, held in the queue */
	ACCESS_SPAM_PREF,	/* FRIEND, HATER and the SPAM forms */
	ACCESS_OPAQUE,		/* value of an unmodelled tag */
	ACCESS_DISCARD,		/* the blocking ones from here on */
	ACCESS_REJECT,
	ACCESS_ERROR
};

struct access_entry {
	enum access_tag tag;
	enum access_action action;
	size_t body;		/* offset of the key after its tag */
};

struct access_map {
	struct strmap *entries;		/* lower-cased key -> access_entry */
	struct strmap *blocked_under;	/* domain -> map (a member) */
};


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
static int access_blocking(enum access_action action)
{
	return action == ACCESS_DISCARD || action == ACCESS_REJECT
	    || action == ACCESS_ERROR;
}

/* access_new - an empty map */
struct access_map *access_new(void)
{
	struct access_map *map = calloc(1, sizeof(*map));

	if (map == NULL)
		return NULL;
	map->entries = strmap_new(ACCESS_ENTRIES_EXPECTED);
	map->blocked_under = strmap_new(ACCESS_ENTRIES_EXPECTED);
	if (map->entries == NULL || map->blocked_under == NULL) {
		access_free(map);
		return NULL;
	}
	return map;
}

/* access_free - release the map and its entries */
void access_free(struct access_map *map)
{
	if (map == NULL)
		return;
	strmap_free(map->entries, free);
	strmap_free(map->blocked_under, NULL);
	free(map);
}

/* access_quote_len - how much of len bytes a warning may quote */
static int access_quote_len(size_t len)
{
	return len < ACCESS_QUOTE_MAX ? (int) len : ACCESS_QUOTE_MAX;
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

/* access_is_blank - the white space that separates key and value */
static int access_is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* access_tag_of - the tag of key[0..len) and where its body starts */
static enum access_tag access_tag_of(const char *key, size_t len,
				     size_t *body)
{
	const char *colon = memchr(key, ':', len);
	size_t word_len;

	*body = 0;
	if (colon == NULL || !access_is_alpha((unsigned char) key[0]))
		return ACCESS_UNTAGGED;
	word_len = (size_t) (colon - key);
	for (size_t i = 1; i < word_len; i++) {
		unsigned char c = (unsigned char) key[i];

		if (!access_is_alpha(c) && !access_is_digit(c) && c != '_')
			return ACCESS_UNTAGGED;
	}
	if (word_len == 4 && strncasecmp(key, "ipv6", 4) == 0)
		return ACCESS_UNTAGGED;	/* IPv6:1:2:3::4 is an address */
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
	size_t i = 2;		/* after the class digit and its dot */

	if (len < 6 || (text[0] != '4' && text[0] != '5') || text[1] != '.')
		return 0;
	for (int part = 0; part < 2; part++) {
		size_t digits = 0;

		while (i < len && access_is_digit((unsigned char) text[i])
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
	if (!access_is_digit((unsigned char) text[0]))
		return !need_code;
	return len >= 3 && (text[0] == '4' || text[0] == '5')
	    && access_is_digit((unsigned char) text[1])
	    && access_is_digit((unsigned char) text[2])
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
				       len - ACCESS_ERROR_LEN, 1, 0) ? 0 : -1;
	if (access_is_digit((unsigned char) value[0]) || value[0] == '"')
		return access_reply_ok(value, len, 0, 1) ? 0 : -1;
	*action = ACCESS_QUARANTINE;
	if (access_prefix(value, len, ACCESS_QUARANTINE_PREFIX)
	    && len > ACCESS_QUARANTINE_LEN)
		return 0;		/* a reason is required */
	return -1;
}

/* access_has_control - a NUL, control or DEL byte other than tab */
static int access_has_control(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char) text[i];

		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return 1;
	}
	return 0;
}

/* access_insert - a parsed entry under its lower-cased key */
static int access_insert(struct access_map *map, struct textfile_where *src,
			 const char *key, size_t key_len,
			 const struct access_entry *parsed)
{
	char lower[ACCESS_LINE_MAX + 1];
	struct access_entry *entry;

	for (size_t i = 0; i < key_len; i++) {
		unsigned char c = (unsigned char) key[i];

		lower[i] = (char) (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	lower[key_len] = '\0';
	if (strmap_get(map->entries, lower) != NULL) {
		textfile_warn(src, "duplicate key \"%.*s\"; the first entry wins",
			    access_quote_len(key_len), key);
		return 0;
	}
	entry = malloc(sizeof(*entry));
	if (entry == NULL)
		return -1;
	*entry = *parsed;
	if (strmap_put(map->entries, lower, entry, NULL) < 0) {
		free(entry);
		return -1;
	}
	return 0;
}

/* access_parse_value - tag and action of key and value, or a warning */
static int access_parse_value(struct textfile_where *src, const char *key,
			      size_t key_len, const char *value,
			      size_t value_len, struct access_entry *entry)
{
	entry->tag = access_tag_of(key, key_len, &entry->body);
	if (entry->tag == ACCESS_TAG_OTHER) {
		entry->action = ACCESS_OPAQUE;
		return 0;
	}
	if (entry->body == key_len) {
		textfile_warn(src, "key \"%.*s\" is empty after its tag",
			    access_quote_len(key_len), key);
		return -1;
	}
	if (access_action_of(value, value_len, &entry->action) < 0) {
		textfile_warn(src, "unknown or malformed action \"%.*s\" "
			    "for key \"%.*s\"",
			    access_quote_len(value_len), value,
			    access_quote_len(key_len), key);
		return -1;
	}
	return 0;
}

/* access_parse_line - one source line: skip, warn or insert; -1 on ENOMEM */
static int access_parse_line(struct access_map *map, struct textfile_where *src,
			     const char *line, size_t len)
{
	struct access_entry entry;
	size_t key_len = 0;
	size_t value;

	while (len > 0
	       && (access_is_blank(line[len - 1]) || line[len - 1] == '\r'))
		len--;
	if (len == 0 || line[0] == '#')
		return 0;
	if (access_has_control(line, len)) {
		textfile_warn(src, "NUL or control byte");
		return 0;
	}
	if (access_is_blank(line[0])) {
		textfile_warn(src, "leading white space (makemap rejects it)");
		return 0;
	}
	while (key_len < len && !access_is_blank(line[key_len]))
		key_len++;
	value = key_len;
	while (value < len && access_is_blank(line[value]))
		value++;
	if (value == len) {
		textfile_warn(src, "key \"%.*s\" has no value",
			    access_quote_len(key_len), line);
		return 0;
	}
	if (access_parse_value(src, line, key_len, line + value, len - value,
			       &entry) < 0)
		return 0;
	return access_insert(map, src, line, key_len, &entry);
}

/* access_sender_host - the valid host of a From:/untagged entry that
 * decides for its key and blocks, into host; 0 when there is none */
static int access_sender_host(const struct access_map *map, const char *key,
			      const struct access_entry *entry,
			      int with_addresses, char host[HOSTNAME_MAX + 1])
{
	const char *body = key + entry->body;
	const char *at = strrchr(body, '@');

	if (entry->tag != ACCESS_TAG_FROM && entry->tag != ACCESS_UNTAGGED)
		return 0;
	if (!access_blocking(entry->action))
		return 0;
	if (at != NULL && !with_addresses)
		return 0;
	if (entry->tag == ACCESS_UNTAGGED) {
		char tagged[ACCESS_FROM_LEN + ACCESS_LINE_MAX + 1];

		/* A From: entry for the same key decides instead. */
		if (snprintf(tagged, sizeof(tagged), "%s%s", ACCESS_FROM_TAG,
			     body) >= (int) sizeof(tagged)
		    || strmap_get(map->entries, tagged) != NULL)
			return 0;
	}
	body = at != NULL ? at + 1 : body;
	return hostname_normalize(body, strlen(body), host) == HOST_OK;
}

/* Context of the walk that fills blocked_under. */
struct access_indexer {
	const struct access_map *map;
	struct strmap *index;
	int failed;
};

/* access_index_one - one entry's host and its parents down to 2 labels */
static void access_index_one(const char *key, void *value, void *ctx)
{
	struct access_indexer *ix = ctx;
	char host[HOSTNAME_MAX + 1];

	if (ix->failed
	    || !access_sender_host(ix->map, key, value, 1, host))
		return;
	for (const char *d = host; d != NULL && strchr(d, '.') != NULL;
	     d = hostname_parent(d)) {
		if (strmap_put(ix->index, d, ix->index, NULL) < 0) {
			ix->failed = 1;
			return;
		}
	}
}

/* access_index - recompute blocked_under from every entry */
static int access_index(struct access_map *map)
{
	struct access_indexer ix = { map, NULL, 0 };

	ix.index = strmap_new(strmap_count(map->entries));
	if (ix.index == NULL)
		return -1;
	strmap_walk(map->entries, access_index_one, &ix);
	if (ix.failed) {
		strmap_free(ix.index, NULL);
		errno = ENOMEM;
		return -1;
	}
	strmap_free(map->blocked_under, NULL);
	map->blocked_under = ix.index;
	return 0;
}

/* access_line - textfile callback: one line into the map */
static int access_line(void *ctx, struct textfile_where *where,
		       const char *line, size_t len)
{
	return access_parse_line(ctx, where, line, len);
}

/* access_load - add the entries of one source file; after a read or
 * memory error the map holds part of it and is for the caller to drop */
int access_load(struct access_map *map, const char *path, size_t *bad_lines)
{
	if (textfile_read(path, ACCESS_LINE_MAX, access_line, map,
			  bad_lines) < 0)
		return -1;
	return access_index(map);
}

/* access_decide - the entry for "from:"body or body; buf holds the
 * former, body_len long after the tag */
static const struct access_entry *access_decide(const struct access_map *map,
						const char *buf,
						size_t body_len)
{
	const struct access_entry *entry;

	entry = strmap_getn(map->entries, buf, ACCESS_FROM_LEN + body_len);
	if (entry != NULL && entry->tag == ACCESS_TAG_FROM)
		return entry;
	entry = strmap_getn(map->entries, buf + ACCESS_FROM_LEN, body_len);
	if (entry != NULL && entry->tag == ACCESS_UNTAGGED)
		return entry;
	return NULL;
}

/* access_lookup - the entry that decides for part1 + part2 (part1
 * lower-cased; part2 a validated host, already lower case) */
static const struct access_entry *access_lookup(const struct access_map *map,
						const char *part1,
						const char *part2)
{
	char buf[ACCESS_FROM_LEN + ACCESS_LINE_MAX + 1];
	size_t len1 = strnlen(part1, ACCESS_LINE_MAX + 1);
	size_t len2 = strnlen(part2, ACCESS_LINE_MAX + 1);

	if (len1 + len2 > ACCESS_LINE_MAX)
		return NULL;	/* longer than any key we hold */
	memcpy(buf, ACCESS_FROM_TAG, ACCESS_FROM_LEN);
	for (size_t i = 0; i < len1; i++) {
		unsigned char c = (unsigned char) part1[i];

		buf[ACCESS_FROM_LEN + i] =
			(char) (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	memcpy(buf + ACCESS_FROM_LEN + len1, part2, len2);
	buf[ACCESS_FROM_LEN + len1 + len2] = '\0';
	return access_decide(map, buf, len1 + len2);
}

/* access_sender_entry - the entry that decides for local@host */
static const struct access_entry *
access_sender_entry(const struct access_map *map, const char *local,
		    const char *host)
{
	const struct access_entry *entry = NULL;

	if (local != NULL && *local != '\0') {
		char at_host[HOSTNAME_MAX + 2];

		snprintf(at_host, sizeof(at_host), "@%.*s", HOSTNAME_MAX, host);
		entry = access_lookup(map, local, at_host);
		if (entry != NULL)
			return entry;
	}
	for (const char *d = host; d != NULL && entry == NULL;
	     d = hostname_parent(d))
		entry = access_lookup(map, "", d);
	if (entry == NULL && local != NULL && *local != '\0')
		entry = access_lookup(map, local, "@");
	return entry;
}

/* access_sender_blocked - does the deciding entry block local@host? */
int access_sender_blocked(const struct access_map *map, const char *local,
			  const char *host)
{
	const struct access_entry *entry;

	if (map == NULL || host == NULL || *host == '\0')
		return 0;
	entry = access_sender_entry(map, local, host);
	return entry != NULL && access_blocking(entry->action);
}

/* access_blocks_under - a blocking sender entry at or below domain? */
int access_blocks_under(const struct access_map *map, const char *domain)
{
	if (map == NULL || domain == NULL)
		return 0;
	return strmap_get(map->blocked_under, domain) != NULL;
}

/* Context of access_walk_blocking_hosts(). */
struct access_walker {
	const struct access_map *map;
	void (*fn)(const char *host, void *ctx);
	void *ctx;
};

/* access_walk_one - report one blocking domain entry */
static void access_walk_one(const char *key, void *value, void *ctx)
{
	struct access_walker *walker = ctx;
	char host[HOSTNAME_MAX + 1];

	if (access_sender_host(walker->map, key, value, 0, host))
		walker->fn(host, walker->ctx);
}

/* access_walk_blocking_hosts - every blocking From:/untagged domain */
void access_walk_blocking_hosts(const struct access_map *map,
				void (*fn)(const char *host, void *ctx),
				void *ctx)
{
	struct access_walker walker = { map, fn, ctx };

	if (map != NULL && fn != NULL)
		strmap_walk(map->entries, access_walk_one, &walker);
}

/* access_entry_count - entries loaded */
size_t access_entry_count(const struct access_map *map)
{
	return map != NULL ? strmap_count(map->entries) : 0;
}

/* access_suggest - host<TAB>ERROR:"550 5.7.1 Sender banned" into buf;
 * its length, or -1 (EINVAL: not a normalized host, ENOSPC: too long) */
int access_suggest(const char *host, char *buf, size_t size)
{
	char checked[HOSTNAME_MAX + 1];
	int len;

	if (host == NULL
	    || hostname_normalize(host, strnlen(host, HOSTNAME_MAX + 2),
				  checked) != HOST_OK
	    || strcmp(checked, host) != 0) {
		errno = EINVAL;
		return -1;
	}
	len = snprintf(buf, size, "%s\t%s", host, ACCESS_SUGGEST_VALUE);
	if (len < 0 || (size_t) len >= size) {
		if (size > 0)
			buf[0] = '\0';
		errno = ENOSPC;
		return -1;
	}
	return len;
}
