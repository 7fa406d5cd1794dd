/*
 * NAME
 *	access_index - the scan of every source at load (access_map.h)
 * SUMMARY
 *	Which domains lie above blocked hosts; which hosts the walk gives.
 * DESCRIPTION
 *	Two passes over every source: the first remembers the bodies of
 *	sendmail's From: keys (an untagged key with a From: twin does not
 *	decide), the second asks each syntax what a blocking entry names
 *	and puts its domains into the set, keeps the domains that OK and
 *	RELAY entries name (the administrator's trusted senders), fills the
 *	compiled maps' Bloom filters, and warns about keys an earlier source of
 *	the same type holds.  See access.c for what the set and the walk are
 *	for.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "access_map.h"
#include "hostname.h"

#define ACCESS_FROM_TAG "from:"
#define ACCESS_FROM_LEN (sizeof(ACCESS_FROM_TAG) - 1)

/* Context of the two scans that build the index. */
struct access_indexer {
	struct access_map *map;
	int *answering;
	size_t source;          /* the source being scanned */
	size_t *bad;            /* the newest source's duplicates */
	struct access_set from; /* bodies of From: keys (pass one) */
	int from_full;          /* then look them up instead */
	struct access_set under;
	struct access_hosts walk;
	struct access_hosts trusted;
	int under_full;
	int failed; /* errno */
};

/* access_index_query - a question to the sources of the scanned one's
 * table, before upto */
static struct access_query access_index_query(const struct access_indexer *ix,
					      size_t upto)
{
	return access_query_earlier(ix->map, ix->answering, upto,
				    ix->map->sources[ix->source].syn);
}

/* access_hosts_add - one host for the walk, while there is room */
static int access_hosts_add(struct access_hosts *walk, const char *host)
{
	size_t len = strlen(host) + 1;

	if (walk->count >= ACCESS_WALK_MAX)
		return 0;
	if (walk->used + len > walk->size) {
		size_t size = walk->size ? walk->size * 2 : 4096;
		char *text = realloc(walk->text, size);

		if (text == NULL)
			return -1;
		walk->text = text;
		walk->size = size;
	}
	memcpy(walk->text + walk->used, host, len);
	walk->used += len;
	walk->count++;
	return 0;
}

/* access_index_from - pass one: remember the body of every From: key
 * of sendmail's maps */
static int access_index_from(const char *key, size_t len,
			     enum access_action action, void *ctx)
{
	struct access_indexer *ix = ctx;
	int added;

	(void)action;
	if (ix->map->sources[ix->source].syn != &access_sendmail_syntax
	    || len <= ACCESS_FROM_LEN
	    || memcmp(key, ACCESS_FROM_TAG, ACCESS_FROM_LEN) != 0)
		return 0;
	added = access_set_add(
	    &ix->from,
	    access_fingerprint(key + ACCESS_FROM_LEN, len - ACCESS_FROM_LEN));
	if (added < 0)
		ix->failed = ENOMEM;
	ix->from_full |= added > 0;
	return added < 0 ? -1 : 0;
}

/* access_index_overridden - an untagged sendmail key has a From: twin,
 * which decides instead */
static int access_index_overridden(const struct access_indexer *ix,
				   const char *key, size_t len)
{
	char tagged[ACCESS_FROM_LEN + ACCESS_LINE_MAX];
	struct access_query q = access_index_query(ix, ix->map->nsources);
	enum access_action action;

	if (!ix->from_full)
		return access_set_has(&ix->from, access_fingerprint(key, len));
	memcpy(tagged, ACCESS_FROM_TAG, ACCESS_FROM_LEN);
	memcpy(tagged + ACCESS_FROM_LEN, key, len);
	return access_query_get(&q, tagged, ACCESS_FROM_LEN + len, &action);
}

/* access_index_host - a blocked host: its domains down to two labels
 * into the set, and the host itself for the walk when the key names
 * a domain, not an address */
static int access_index_host(struct access_indexer *ix, const char *host,
			     size_t len, int domain_key)
{
	char h[HOSTNAME_MAX + 1];

	if (hostname_normalize(host, len, h) != HOST_OK)
		return 0;
	for (const char *d = h;
	     d != NULL && strchr(d, '.') != NULL && !ix->under_full;
	     d = hostname_parent(d)) {
		int added = access_set_add(&ix->under,
					   access_fingerprint(d, strlen(d)));

		if (added < 0)
			return -1;
		ix->under_full = added > 0;
	}
	return domain_key ? access_hosts_add(&ix->walk, h) : 0;
}

/* access_index_trusted - a domain an OK or RELAY entry names, for
 * access_walk_trusted_hosts(); not an address (one sender of a domain
 * vouches for none of the others), a single label or an IP address */
static int access_index_trusted(struct access_indexer *ix,
				const struct access_named *named)
{
	char h[HOSTNAME_MAX + 1];
	const char *last;

	if (!named->domain_key
	    || hostname_normalize(named->host, named->host_len, h) != HOST_OK)
		return 0;
	last = strrchr(h, '.');
	if (last == NULL || strspn(last + 1, "0123456789") == strlen(last + 1))
		return 0; /* "org OK" is nobody's; 10.1.2 RELAY a net */
	return access_hosts_add(&ix->trusted, h);
}

/* access_index_duplicate - a key an earlier source of the same syntax
 * holds: that one decides (warned about once, at the newest source) */
static int access_index_duplicate(const struct access_indexer *ix,
				  const char *key, size_t len)
{
	const struct access_source *src = &ix->map->sources[ix->source];
	struct access_query q = access_index_query(ix, ix->source);
	enum access_action earlier;

	if (ix->source == 0 || !access_query_get(&q, key, len, &earlier))
		return 0;
	if (ix->bad != NULL && !src->syn->quiet_duplicates) {
		say_print(&ix->map->say, SAY_WARN,
			  "%.200s: duplicate key "
			  "\"%.*s\"; the first entry wins",
			  src->path, access_quote_len(len), key);
		(*ix->bad)++;
	}
	return 1;
}

/* access_index_entry - pass two: one entry of source ix->source */
static int access_index_entry(const char *key, size_t len,
			      enum access_action action, void *ctx)
{
	struct access_indexer *ix = ctx;
	const struct access_source *src = &ix->map->sources[ix->source];
	struct access_named named = {NULL, 0, 0, 0, 0};

	if (src->filter.bits != NULL)
		access_filter_add(&ix->map->sources[ix->source].filter,
				  access_fingerprint(key, len));
	if (access_index_duplicate(ix, key, len)
	    || !(access_blocking(action) || access_trusting(action))
	    || !src->syn->named(key, len, &named))
		return 0;
	if (named.shadowable && access_index_overridden(ix, key, len))
		return 0;
	if (access_trusting(action)
		? access_index_trusted(ix, &named) < 0
		: !named.client
		      && access_index_host(ix, named.host, named.host_len,
					   named.domain_key)
			     < 0) {
		ix->failed = ENOMEM;
		return -1;
	}
	return 0;
}

/* access_index_filter - pass two fills a compiled map's filter anew
 * (sized by the count of pass one); what is held in memory (the text,
 * the patterns) needs none */
static int access_index_filter(struct access_source *src)
{
	if (src->ops->engine == NULL)
		return 0;
	if (access_filter_reset(&src->filter, src->ops->count(src->handle)) < 0)
		return -1;
	src->filter.generation = src->ops->generation(src->handle);
	return 0;
}

/* access_index_pass - one scan of every source */
static int access_index_pass(struct access_indexer *ix, access_scan_fn fn,
			     size_t *bad)
{
	struct access_map *map = ix->map;

	for (ix->source = 0; ix->source < map->nsources; ix->source++) {
		struct access_source *src = &map->sources[ix->source];
		size_t *newest = ix->source + 1 == map->nsources ? bad : NULL;

		ix->bad = newest;
		if (fn == access_index_entry && access_index_filter(src) < 0) {
			ix->failed = ENOMEM;
			return -1;
		}
		if (src->ops->scan(src->handle, fn, ix, newest) < 0
		    && ix->failed == 0)
			ix->failed = EIO;
		if (ix->failed != 0)
			return -1;
		src->filter.ready =
		    src->filter.bits != NULL && fn == access_index_entry;
	}
	return 0;
}

/* access_index_done - the new set and walk replace the old ones */
static void access_index_done(struct access_map *map, struct access_indexer *ix)
{
	if (ix->under_full && !map->under_full)
		say_print(&map->say, SAY_WARN,
			  "access maps: more than %d "
			  "domains above blocked hosts; campaigns below the "
			  "others are not known from the maps",
			  ACCESS_UNDER_MAX);
	map->under_full = ix->under_full;
	free(map->under.slots);
	free(map->walk.text);
	free(map->trusted.text);
	map->under = ix->under;
	map->walk = ix->walk;
	map->trusted = ix->trusted;
}

/* access_index - both passes, then the new index */
int access_index(struct access_map *map, size_t *bad)
{
	int answering[ACCESS_SOURCES_MAX];
	struct access_indexer ix;
	int status;

	memset(&ix, 0, sizeof(ix));
	ix.map = map;
	ix.answering = answering;
	if (access_begin(map, answering) > 0) {
		access_end(map, answering);
		errno = EWOULDBLOCK; /* makemap is writing one of them */
		return -1;
	}
	status = access_index_pass(&ix, access_index_from, NULL);
	/* Pass one counted the compiled maps' entries: size the set once. */
	if (status == 0
	    && access_set_reserve(&ix.under, access_sources_count(map)) < 0) {
		ix.failed = ENOMEM;
		status = -1;
	}
	if (status == 0)
		status = access_index_pass(&ix, access_index_entry, bad);
	access_end(map, answering);
	free(ix.from.slots);
	if (status < 0) {
		free(ix.under.slots);
		free(ix.walk.text);
		free(ix.trusted.text);
		errno = ix.failed;
		return -1;
	}
	access_index_done(map, &ix);
	return 0;
}
