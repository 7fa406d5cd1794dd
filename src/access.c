/*
 * NAME
 *	access - sendmail's access map, as text or as makemap compiled it
 * SUMMARY
 *	Is this envelope sender already blocked?  Is this campaign known?
 * DESCRIPTION
 *	Each -a file is one source, of the kind access_kind_of() tells from
 *	its name (access_text.c, access_db.c, access_cdb.c).  A key is
 *	looked up in the sources in the order they were loaded; the first
 *	that holds it answers, as if the files had been concatenated into
 *	one makemap run.
 *
 *	An envelope sender local@host is looked up as sendmail's check_mail
 *	does: "local@host", then host and each parent domain up to the
 *	top-level label, then "local@"; at each key the From: entry before
 *	the untagged one.  The first entry found decides.  To:, Connect:
 *	and Spam: entries never decide for a sender.  FEATURE(lookupdotdomain)
 *	(".domain" keys) is not modelled: it is off by default.
 *
 *	Known campaigns need the other direction, "is anything below this
 *	domain blocked?", which no lookup answers.  So after each load
 *	every source is scanned once (two passes: the From: keys first,
 *	then the entries) and every domain at or above the host of a
 *	blocking sender entry that decides for its key (domain- or
 *	address-keyed, From: or untagged), down to two labels, goes into a
 *	set of 64-bit fingerprints: complains.linkedin.com DISCARD puts
 *	complains.linkedin.com and linkedin.com there.  8 to 16 bytes a
 *	domain, no string kept; two different domains share a fingerprint
 *	with a probability of about n^2/2^65 (1e-7 for two million), and
 *	the only cost of that is one campaign taken as known.  The set is
 *	bounded (ACCESS_UNDER_MAX domains, warned about when reached).  The
 *	same scan keeps the hosts of the first ACCESS_WALK_MAX blocking
 *	domain entries for access_walk_blocking_hosts(), and fills a Bloom
 *	filter of each compiled map's keys (16 bits a key, at most 16 MiB):
 *	nearly every key a sender's lookup tries is absent from the map,
 *	and the filter says so without libdb or tinycdb.  A compiled map
 *	opened again since (rebuilt by makemap) is asked directly until the
 *	next load.
 *
 *	Two-label public suffixes such as co.uk may land in the set; that is
 *	harmless because callers ask only about registrable domains
 *	(detector.h), never a public suffix.  A single-label entry such as
 *	"com REJECT" blocks every .com sender, as in sendmail, but makes no
 *	campaign known.
 * DIAGNOSTICS
 *	Skipped lines and entries are warned about by the kinds; a key that
 *	an earlier -a file holds is warned about as a duplicate (the first
 *	entry wins).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "access.h"
#include "access_backend.h"
#include "hostname.h"
#include "msg.h"
#include "strmap.h"

#define ACCESS_FROM_TAG "from:"
#define ACCESS_FROM_LEN (sizeof(ACCESS_FROM_TAG) - 1)

/* What phishwatch suggests: a permanent error, as the story settled on. */
#define ACCESS_SUGGEST_VALUE "ERROR:\"550 5.7.1 Sender banned\""

/* Fingerprint sets start small and double when half full, up to the
 * largest size (32 MiB), which may fill to ACCESS_UNDER_MAX. */
#define ACCESS_SET_MIN 256
#define ACCESS_SET_SLOTS_MAX ((size_t) 1 << 22)
/* A transparent huge page on x86-64 and arm64. */
#define ACCESS_HUGE_PAGE ((size_t) 2 << 20)

/* As many sources as config.h allows -a files. */
#define ACCESS_SOURCES_MAX 64
/* Bloom filter: 16 bits and 6 probes a key give about 0.1% false
 * positives; at most 2^27 bits (16 MiB). */
#define ACCESS_FILTER_BITS_PER_KEY 16
#define ACCESS_FILTER_PROBES 6
#define ACCESS_FILTER_BITS_MAX ((size_t) 1 << 27)

/* A Bloom filter of a compiled map's keys: most questions ask about
 * keys the map does not hold, and the filter answers those without
 * libdb (about 1% of them still go to the map). */
struct access_filter {
	uint64_t *bits;
	size_t mask;		/* bit count - 1 (a power of two) */
	unsigned long generation;	/* of the file it was built from */
	int ready;		/* built by the last index */
};

/* One -a file. */
struct access_source {
	const struct access_ops *ops;
	void *handle;
	char *path;		/* for warnings */
	struct access_filter filter;
};

/* Open-addressing set of 64-bit fingerprints; 0 marks an empty slot. */
struct access_set {
	uint64_t *slots;
	size_t mask;
	size_t count;
};

/* Hosts for access_walk_blocking_hosts(), NUL-separated. */
struct access_hosts {
	char *text;
	size_t used;
	size_t size;
	size_t count;
};

struct access_map {
	struct access_source sources[ACCESS_SOURCES_MAX];
	size_t nsources;
	struct access_set under;	/* domains with a blocked host below */
	struct access_hosts walk;	/* at most ACCESS_WALK_MAX hosts */
	int under_full;			/* ACCESS_UNDER_MAX reached */
};

/* access_kind_of - the storage kind of an -a path: the one place that
 * tells (".db": Berkeley DB hash or btree, the file says which; ".cdb":
 * cdb; anything else: source text) */
static const struct access_ops *access_kind_of(const char *path)
{
	size_t len = strlen(path);

	if (len > 3 && strcmp(path + len - 3, ".db") == 0)
		return &access_db_ops;
	if (len > 4 && strcmp(path + len - 4, ".cdb") == 0)
		return &access_cdb_ops;
	return &access_text_ops;
}

/* access_fingerprint - the set's 64-bit name of a string, never 0 */
static uint64_t access_fingerprint(const char *text, size_t len)
{
	uint64_t h = strmap_hash(text, len);

	/* FNV's low bits are weak for near-identical names: mix them. */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h != 0 ? h : 1;
}

/* access_set_slot - where fp is, or the empty slot it would take */
static size_t access_set_slot(const struct access_set *set, uint64_t fp)
{
	size_t i = (size_t) fp & set->mask;

	while (set->slots[i] != 0 && set->slots[i] != fp)
		i = (i + 1) & set->mask;
	return i;
}

/* access_set_has - is fp in the set? */
static int access_set_has(const struct access_set *set, uint64_t fp)
{
	return set->slots != NULL
	    && set->slots[access_set_slot(set, fp)] == fp;
}

/* access_set_alloc - n zeroed slots; a large table on huge pages where
 * the kernel offers them, as its lookups jump all over it */
static uint64_t *access_set_alloc(size_t n)
{
	size_t bytes = n * sizeof(uint64_t);
	uint64_t *slots;

	if (bytes < ACCESS_HUGE_PAGE)
		return calloc(n, sizeof(uint64_t));
	slots = aligned_alloc(ACCESS_HUGE_PAGE, bytes);
	if (slots == NULL)
		return NULL;
	(void) madvise(slots, bytes, MADV_HUGEPAGE);	/* a hint only */
	memset(slots, 0, bytes);
	return slots;
}

/* access_set_resize - n slots (a power of two), every fingerprint
 * placed again; -1 on ENOMEM */
static int access_set_resize(struct access_set *set, size_t n)
{
	struct access_set bigger = { NULL, n - 1, set->count };

	bigger.slots = access_set_alloc(n);
	if (bigger.slots == NULL)
		return -1;
	for (size_t i = 0; set->slots != NULL && i <= set->mask; i++)
		if (set->slots[i] != 0)
			bigger.slots[access_set_slot(&bigger,
						     set->slots[i])] =
				set->slots[i];
	free(set->slots);
	*set = bigger;
	return 0;
}

/* access_set_reserve - room for about n fingerprints at a quarter full
 * (fewer probes, and no growing on the way); -1 on ENOMEM */
static int access_set_reserve(struct access_set *set, size_t n)
{
	size_t slots = ACCESS_SET_MIN;

	while (slots < ACCESS_SET_SLOTS_MAX && slots / 4 < n)
		slots *= 2;
	if (set->slots != NULL && slots <= set->mask + 1)
		return 0;
	return access_set_resize(set, slots);
}

/* access_set_add - fp into the set; 0, 1 when full, -1 on ENOMEM */
static int access_set_add(struct access_set *set, uint64_t fp)
{
	size_t slots = set->slots != NULL ? set->mask + 1 : 0;
	/* Half full, or three quarters at the largest size. */
	size_t room = slots < ACCESS_SET_SLOTS_MAX ? slots / 2
	    : ACCESS_UNDER_MAX;

	if (slots > 0) {
		size_t slot = access_set_slot(set, fp);

		if (set->slots[slot] == fp)
			return 0;
		if (set->count < room) {
			set->slots[slot] = fp;
			set->count++;
			return 0;
		}
		if (slots >= ACCESS_SET_SLOTS_MAX)
			return 1;
	}
	if (access_set_resize(set, slots ? slots * 2 : ACCESS_SET_MIN) < 0)
		return -1;
	set->slots[access_set_slot(set, fp)] = fp;
	set->count++;
	return 0;
}

/* access_filter_reset - an empty filter sized for n keys, not ready;
 * -1 on ENOMEM */
static int access_filter_reset(struct access_filter *f, size_t n)
{
	size_t bits = 1024;

	free(f->bits);
	memset(f, 0, sizeof(*f));
	while (bits < ACCESS_FILTER_BITS_MAX
	       && bits / ACCESS_FILTER_BITS_PER_KEY < n)
		bits *= 2;
	f->bits = calloc(bits / 64, sizeof(uint64_t));
	f->mask = bits - 1;
	return f->bits != NULL ? 0 : -1;
}

/* access_filter_probe - the i-th bit of fp (double hashing) */
static size_t access_filter_probe(const struct access_filter *f, uint64_t fp,
				  unsigned i)
{
	return (size_t) ((fp >> 32) + i * (fp | 1)) & f->mask;
}

/* access_filter_add - one key's fingerprint */
static void access_filter_add(struct access_filter *f, uint64_t fp)
{
	for (unsigned i = 0; i < ACCESS_FILTER_PROBES; i++) {
		size_t bit = access_filter_probe(f, fp, i);

		f->bits[bit / 64] |= (uint64_t) 1 << (bit % 64);
	}
}

/* access_filter_absent - 1 when the source surely lacks the key */
static int access_filter_absent(const struct access_source *src,
				const char *key, size_t len)
{
	const struct access_filter *f = &src->filter;
	uint64_t fp;

	/* A file opened again since the scan may hold other keys. */
	if (!f->ready || f->generation != src->ops->generation(src->handle))
		return 0;
	fp = access_fingerprint(key, len);
	for (unsigned i = 0; i < ACCESS_FILTER_PROBES; i++) {
		size_t bit = access_filter_probe(f, fp, i);

		if (!(f->bits[bit / 64] & ((uint64_t) 1 << (bit % 64))))
			return 1;
	}
	return 0;
}

/* access_new - an empty map */
struct access_map *access_new(void)
{
	return calloc(1, sizeof(struct access_map));
}

/* access_free - release the map and its sources */
void access_free(struct access_map *map)
{
	if (map == NULL)
		return;
	for (size_t i = 0; i < map->nsources; i++) {
		map->sources[i].ops->close(map->sources[i].handle);
		free(map->sources[i].path);
		free(map->sources[i].filter.bits);
	}
	free(map->under.slots);
	free(map->walk.text);
	free(map);
}

/* access_get - the action of a lower-case key: the first of the first
 * upto sources that answers and holds it.  answering[i] is 0 until
 * source i is first asked (then begun: 1, or refused: -1), so that a
 * question its filter settles costs a compiled map no system call. */
static int access_get(const struct access_map *map, int *answering,
		      size_t upto, const char *key, size_t len,
		      enum access_action *action)
{
	for (size_t i = 0; i < upto; i++) {
		const struct access_source *src = &map->sources[i];

		if (answering[i] < 0 || access_filter_absent(src, key, len))
			continue;
		if (answering[i] == 0)
			answering[i] = src->ops->begin(src->handle) == 0 ? 1 : -1;
		if (answering[i] > 0
		    && src->ops->get(src->handle, key, len, action) > 0)
			return 1;
	}
	return 0;
}

/* access_prepare - a new question: every source not yet begun, a
 * compiled map opened again first if its file changed (cheap: a stat at
 * most once a second) */
static void access_prepare(const struct access_map *map, int *answering)
{
	for (size_t i = 0; i < map->nsources; i++) {
		answering[i] = 0;
		map->sources[i].ops->refresh(map->sources[i].handle);
	}
}

/* access_begin - every source begun now (a scan reads all of them); the
 * number that cannot answer */
static size_t access_begin(const struct access_map *map, int *answering)
{
	size_t silent = 0;

	for (size_t i = 0; i < map->nsources; i++) {
		const struct access_source *src = &map->sources[i];

		answering[i] = src->ops->begin(src->handle) == 0 ? 1 : -1;
		silent += answering[i] < 0;
	}
	return silent;
}

/* access_end - release what was begun */
static void access_end(const struct access_map *map, const int *answering)
{
	for (size_t i = 0; i < map->nsources; i++)
		if (answering[i] > 0)
			map->sources[i].ops->end(map->sources[i].handle);
}

/* Context of access_seen(). */
struct access_seen_ctx {
	const struct access_map *map;
	int *answering;
};

/* access_seen - is key held by a source loaded before the new one? */
static int access_seen(const char *key, size_t len, void *ctx)
{
	const struct access_seen_ctx *seen = ctx;
	enum access_action action;

	return access_get(seen->map, seen->answering, seen->map->nsources,
			  key, len, &action);
}

/* Context of the two scans that build the index. */
struct access_indexer {
	struct access_map *map;
	int *answering;
	size_t source;			/* the source being scanned */
	size_t *bad;			/* the newest source's duplicates */
	struct access_set from;		/* bodies of From: keys (pass one) */
	int from_full;			/* then look them up instead */
	struct access_set under;
	struct access_hosts walk;
	int under_full;
	int failed;			/* errno */
};

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

/* access_index_from - pass one: remember the body of every From: key */
static int access_index_from(const char *key, size_t len,
			     enum access_action action, void *ctx)
{
	struct access_indexer *ix = ctx;
	int added;

	(void) action;
	if (len <= ACCESS_FROM_LEN || memcmp(key, ACCESS_FROM_TAG,
					     ACCESS_FROM_LEN) != 0)
		return 0;
	added = access_set_add(&ix->from,
			       access_fingerprint(key + ACCESS_FROM_LEN,
						  len - ACCESS_FROM_LEN));
	if (added < 0)
		ix->failed = ENOMEM;
	ix->from_full |= added > 0;
	return added < 0 ? -1 : 0;
}

/* access_index_overridden - an untagged key has a From: twin, which
 * decides instead */
static int access_index_overridden(const struct access_indexer *ix,
				   const char *key, size_t len)
{
	char tagged[ACCESS_FROM_LEN + ACCESS_LINE_MAX];
	enum access_action action;

	if (!ix->from_full)
		return access_set_has(&ix->from, access_fingerprint(key, len));
	memcpy(tagged, ACCESS_FROM_TAG, ACCESS_FROM_LEN);
	memcpy(tagged + ACCESS_FROM_LEN, key, len);
	return access_get(ix->map, ix->answering, ix->map->nsources, tagged,
			  ACCESS_FROM_LEN + len, &action);
}

/* access_index_host - a blocked host: its domains down to two labels
 * into the set, and the host itself for the walk when the key names
 * no user */
static int access_index_host(struct access_indexer *ix, const char *host,
			     size_t len, int domain_key)
{
	char h[HOSTNAME_MAX + 1];

	if (hostname_normalize(host, len, h) != HOST_OK)
		return 0;
	for (const char *d = h; d != NULL && strchr(d, '.') != NULL
	     && !ix->under_full; d = hostname_parent(d)) {
		int added = access_set_add(&ix->under,
					   access_fingerprint(d, strlen(d)));

		if (added < 0)
			return -1;
		ix->under_full = added > 0;
	}
	return domain_key ? access_hosts_add(&ix->walk, h) : 0;
}

/* access_index_entry - pass two: one entry of source ix->source */
static int access_index_entry(const char *key, size_t len,
			      enum access_action action, void *ctx)
{
	struct access_indexer *ix = ctx;
	struct access_filter *filter = &ix->map->sources[ix->source].filter;
	enum access_action earlier;
	const char *at;
	size_t body;

	if (filter->bits != NULL)
		access_filter_add(filter, access_fingerprint(key, len));
	if (ix->source > 0 && access_get(ix->map, ix->answering, ix->source,
					 key, len, &earlier)) {
		if (ix->bad != NULL) {
			msg_warn("%.200s: duplicate key \"%.*s\"; the first "
				 "entry wins", ix->map->sources[ix->source].path,
				 access_quote_len(len), key);
			(*ix->bad)++;
		}
		return 0;
	}
	if (!access_blocking(action))
		return 0;
	switch (access_tag_of(key, len, &body)) {
	case ACCESS_UNTAGGED:
		if (access_index_overridden(ix, key, len))
			return 0;
		break;
	case ACCESS_TAG_FROM:
		break;
	default:
		return 0;
	}
	at = memrchr(key + body, '@', len - body);
	if (access_index_host(ix, at != NULL ? at + 1 : key + body,
			      at != NULL ? (size_t) (key + len - at - 1)
			      : len - body, at == NULL) < 0) {
		ix->failed = ENOMEM;
		return -1;
	}
	return 0;
}

/* access_index_filter - pass two fills a compiled map's filter anew
 * (sized by the count of pass one); the text needs none */
static int access_index_filter(struct access_source *src)
{
	if (src->ops == &access_text_ops)
		return 0;
	if (access_filter_reset(&src->filter,
				src->ops->count(src->handle)) < 0)
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
		src->filter.ready = src->filter.bits != NULL
		    && fn == access_index_entry;
	}
	return 0;
}

/* access_index - both passes; the new set and walk replace the old ones */
static int access_index(struct access_map *map, size_t *bad)
{
	int answering[ACCESS_SOURCES_MAX];
	struct access_indexer ix;
	int status;

	memset(&ix, 0, sizeof(ix));
	ix.map = map;
	ix.answering = answering;
	if (access_begin(map, answering) > 0) {
		access_end(map, answering);
		errno = EWOULDBLOCK;	/* makemap is writing one of them */
		return -1;
	}
	status = access_index_pass(&ix, access_index_from, NULL);
	/* Pass one counted the compiled maps' entries: size the set once. */
	if (status == 0 && access_set_reserve(&ix.under,
					      access_entry_count(map)) < 0) {
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
		errno = ix.failed;
		return -1;
	}
	if (ix.under_full && !map->under_full)
		msg_warn("access maps: more than %d domains above blocked "
			 "hosts; campaigns below the others are not known "
			 "from the maps", ACCESS_UNDER_MAX);
	map->under_full = ix.under_full;
	free(map->under.slots);
	free(map->walk.text);
	map->under = ix.under;
	map->walk = ix.walk;
	return 0;
}

/* access_load - add one -a file as the last source, then index them */
int access_load(struct access_map *map, const char *path, size_t *bad_lines)
{
	const struct access_ops *ops = access_kind_of(path);
	int answering[ACCESS_SOURCES_MAX];
	struct access_seen_ctx seen = { map, answering };
	struct access_source *src;
	size_t bad = 0;
	int status;
	int saved;

	if (bad_lines != NULL)
		*bad_lines = 0;
	if (map->nsources >= ACCESS_SOURCES_MAX) {
		errno = EMFILE;
		return -1;
	}
	src = &map->sources[map->nsources];
	/* Earlier sources answer access_seen() while the text loads. */
	access_prepare(map, answering);
	status = ops->open(path, &src->handle, &bad, access_seen, &seen);
	saved = errno;
	access_end(map, answering);
	if (status < 0) {
		errno = saved;
		return -1;
	}
	src->ops = ops;
	src->path = strdup(path);
	if (src->path == NULL) {
		ops->close(src->handle);
		return -1;
	}
	map->nsources++;
	if (access_index(map, &bad) < 0)
		return -1;
	if (bad_lines != NULL)
		*bad_lines = bad;
	return 0;
}

/* access_decide - the entry for "from:"body or body; buf holds the
 * former, body_len long after the tag */
static int access_decide(const struct access_map *map, int *answering,
			 const char *buf,
			 size_t body_len, enum access_action *action)
{
	size_t tag_body;

	if (access_get(map, answering, map->nsources, buf,
		       ACCESS_FROM_LEN + body_len, action))
		return 1;
	return access_get(map, answering, map->nsources, buf + ACCESS_FROM_LEN,
			  body_len, action)
	    && access_tag_of(buf + ACCESS_FROM_LEN, body_len, &tag_body)
	    == ACCESS_UNTAGGED;
}

/* access_lookup - the entry that decides for part1 + part2 (part1
 * lower-cased here; part2 a validated host, already lower case) */
static int access_lookup(const struct access_map *map, int *answering,
			 const char *part1, const char *part2,
			 enum access_action *action)
{
	char buf[ACCESS_FROM_LEN + ACCESS_LINE_MAX + 1];
	size_t len1 = strnlen(part1, ACCESS_LINE_MAX + 1);
	size_t len2 = strnlen(part2, ACCESS_LINE_MAX + 1);

	if (len1 + len2 > ACCESS_LINE_MAX)
		return 0;	/* longer than any key we hold */
	memcpy(buf, ACCESS_FROM_TAG, ACCESS_FROM_LEN);
	for (size_t i = 0; i < len1; i++) {
		unsigned char c = (unsigned char) part1[i];

		buf[ACCESS_FROM_LEN + i] =
			(char) (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	memcpy(buf + ACCESS_FROM_LEN + len1, part2, len2);
	buf[ACCESS_FROM_LEN + len1 + len2] = '\0';
	return access_decide(map, answering, buf, len1 + len2, action);
}

/* access_sender_action - the action that decides for local@host */
static int access_sender_action(const struct access_map *map,
				int *answering, const char *local, const char *host,
				enum access_action *action)
{
	int found = 0;

	if (local != NULL && *local != '\0') {
		char at_host[HOSTNAME_MAX + 2];

		snprintf(at_host, sizeof(at_host), "@%.*s", HOSTNAME_MAX, host);
		if (access_lookup(map, answering, local, at_host, action))
			return 1;
	}
	for (const char *d = host; d != NULL && !found; d = hostname_parent(d))
		found = access_lookup(map, answering, "", d, action);
	if (!found && local != NULL && *local != '\0')
		found = access_lookup(map, answering, local, "@", action);
	return found;
}

/* access_sender_blocked - does the deciding entry block local@host? */
int access_sender_blocked(const struct access_map *map, const char *local,
			  const char *host)
{
	int answering[ACCESS_SOURCES_MAX];
	enum access_action action;
	int found;

	if (map == NULL || host == NULL || *host == '\0' || map->nsources == 0)
		return 0;
	access_prepare(map, answering);
	found = access_sender_action(map, answering, local, host, &action);
	access_end(map, answering);
	return found && access_blocking(action);
}

/* access_blocks_under - a blocking sender entry at or below domain? */
int access_blocks_under(const struct access_map *map, const char *domain)
{
	if (map == NULL || domain == NULL)
		return 0;
	return access_set_has(&map->under,
			      access_fingerprint(domain,
						 strnlen(domain,
							 HOSTNAME_MAX + 1)));
}

/* access_walk_blocking_hosts - the hosts kept by the last index */
void access_walk_blocking_hosts(const struct access_map *map,
				void (*fn)(const char *host, void *ctx),
				void *ctx)
{
	if (map == NULL || fn == NULL)
		return;
	for (size_t off = 0; off < map->walk.used;) {
		const char *host = map->walk.text + off;

		fn(host, ctx);
		off += strlen(host) + 1;
	}
}

/* access_entry_count - entries of every source */
size_t access_entry_count(const struct access_map *map)
{
	size_t n = 0;

	for (size_t i = 0; map != NULL && i < map->nsources; i++)
		n += map->sources[i].ops->count(map->sources[i].handle);
	return n;
}

/* access_source_kind - "text", "hash", "btree" or "cdb" of source i */
const char *access_source_kind(const struct access_map *map, size_t i)
{
	if (map == NULL || i >= map->nsources)
		return NULL;
	return map->sources[i].ops->kind_of(map->sources[i].handle);
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
