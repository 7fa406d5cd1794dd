/*
 * hostcache - host names recently found ordinary (see hostcache.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hostcache.h"
#include "strmap.h"

#define HOSTCACHE_LINE 64 /* one slot, one cache line */

struct hostcache_slot {
	uint32_t generation; /* the cache's when filled; 0: never */
	char host[HOSTCACHE_NAME_MAX + 1];
};

struct hostcache {
	struct hostcache_slot *slot; /* aligned to a line, in mem */
	void *mem;
	uint32_t generation; /* slots of another one are empty */
};

/* hostcache_set - the first of the host's HOSTCACHE_WAYS slots */
static struct hostcache_slot *hostcache_set(const struct hostcache *cache,
					    const char *host, size_t len)
{
	size_t sets = HOSTCACHE_SLOTS / HOSTCACHE_WAYS;

	return &cache->slot[strmap_hash(host, len) % sets * HOSTCACHE_WAYS];
}

/* hostcache_match - the slot holds host[0..len], filled since the
 * last clear */
static int hostcache_match(const struct hostcache *cache,
			   const struct hostcache_slot *s, const char *host,
			   size_t len)
{
	return s->generation == cache->generation && s->host[0] == host[0]
	       && memcmp(s->host, host, len + 1) == 0;
}

/* hostcache_new - an empty cache; calloc's pages stay untouched (and out
 * of the resident set) until a slot is filled */
struct hostcache *hostcache_new(void)
{
	struct hostcache *cache = calloc(1, sizeof(*cache));
	uintptr_t at;

	if (cache == NULL)
		return NULL;
	_Static_assert(sizeof(struct hostcache_slot) == HOSTCACHE_LINE,
		       "a slot is one cache line");
	cache->mem = calloc(1, HOSTCACHE_SLOTS * sizeof(struct hostcache_slot)
				   + HOSTCACHE_LINE);
	if (cache->mem == NULL) {
		free(cache);
		return NULL;
	}
	at = ((uintptr_t)cache->mem + HOSTCACHE_LINE - 1)
	     & ~(uintptr_t)(HOSTCACHE_LINE - 1);
	cache->slot = (struct hostcache_slot *)at;
	cache->generation = 1;
	return cache;
}

/* hostcache_free - release it */
void hostcache_free(struct hostcache *cache)
{
	if (cache == NULL)
		return;
	free(cache->mem);
	free(cache);
}

/* hostcache_has - exact match in one of the host's slots, filled
 * since the last clear */
int hostcache_has(const struct hostcache *cache, const char *host)
{
	size_t len = strnlen(host, HOSTCACHE_NAME_MAX + 1);
	const struct hostcache_slot *s;

	if (len == 0 || len > HOSTCACHE_NAME_MAX)
		return 0;
	s = hostcache_set(cache, host, len);
	for (int k = 0; k < HOSTCACHE_WAYS; k++)
		if (hostcache_match(cache, &s[k], host, len))
			return 1;
	return 0;
}

/* hostcache_add - the host takes the first slot of its set */
void hostcache_add(struct hostcache *cache, const char *host)
{
	size_t len = strnlen(host, HOSTCACHE_NAME_MAX + 1);
	struct hostcache_slot *s;
	int k = 0;

	if (len == 0 || len > HOSTCACHE_NAME_MAX)
		return;
	s = hostcache_set(cache, host, len);
	/* the newer hosts move back one, into the first slot of an older
	 * generation, or the set's oldest one out */
	while (k < HOSTCACHE_WAYS - 1 && s[k].generation == cache->generation)
		k++;
	memmove(s + 1, s, (size_t)k * sizeof(*s));
	memcpy(s[0].host, host, len + 1);
	s[0].generation = cache->generation;
}

/* hostcache_clear - a new generation: every slot filled before is
 * empty, and no slot is touched (a new campaign's brand clears the
 * cache; writing all 8192 slots cost 512 KiB of memory traffic each
 * time).  Only when the count wraps are the slots written, so that
 * one filled 2^32 clears ago cannot come back. */
void hostcache_clear(struct hostcache *cache)
{
	if (++cache->generation != 0)
		return;
	for (size_t i = 0; i < HOSTCACHE_SLOTS; i++)
		cache->slot[i].generation = 0;
	cache->generation = 1;
}
