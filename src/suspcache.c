/*
 * suspcache - host names lately found suspicious (see suspcache.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "suspcache.h"

struct suspcache_slot {
	char host[HOSTCACHE_NAME_MAX + 1]; /* "" = empty */
	int lookalike;
	struct detection d;
};

struct suspcache {
	struct suspcache_slot slot[SUSPCACHE_SLOTS];
	unsigned used; /* slots filled since the last clear */
};

/* suspcache_slots - the host's two slots: one from the hash's low bits,
 * one from higher bits, so that two campaign hosts whose first slots
 * collide (a sender of one and of another, taking turns) both stay */
static void suspcache_slots(const char *host, size_t len, size_t slot[2])
{
	uint64_t h = strmap_hash(host, len);

	slot[0] = (size_t)(h % SUSPCACHE_SLOTS);
	slot[1] = (size_t)((h >> 32) % SUSPCACHE_SLOTS);
}

/* suspcache_new - an empty cache */
struct suspcache *suspcache_new(void)
{
	return calloc(1, sizeof(struct suspcache));
}

/* suspcache_free - release it */
void suspcache_free(struct suspcache *cache)
{
	free(cache);
}

/* suspcache_find - the slot of the host's two that holds it, or -1 */
static int suspcache_find(const struct suspcache *cache, const char *host,
			  size_t len, const size_t slot[2])
{
	for (int i = 0; i < 2; i++)
		if (memcmp(cache->slot[slot[i]].host, host, len + 1) == 0)
			return (int)slot[i];
	return -1;
}

/* suspcache_get - exact match in one of the host's slots */
int suspcache_get(const struct suspcache *cache, const char *host,
		  struct detection *d, int *lookalike)
{
	size_t len = strnlen(host, HOSTCACHE_NAME_MAX + 1);
	size_t slot[2];
	int i;

	if (cache->used == 0 || len == 0 || len > HOSTCACHE_NAME_MAX)
		return 0;
	suspcache_slots(host, len, slot);
	if ((i = suspcache_find(cache, host, len, slot)) < 0)
		return 0;
	*d = cache->slot[i].d;
	*lookalike = cache->slot[i].lookalike;
	return 1;
}

/* suspcache_put - the host takes its slot: the one it has, else the
 * second when the first is taken and the second free, else the first */
void suspcache_put(struct suspcache *cache, const char *host,
		   const struct detection *d, int lookalike)
{
	size_t len = strnlen(host, HOSTCACHE_NAME_MAX + 1);
	size_t slot[2];
	struct suspcache_slot *s;
	int i;

	if (len == 0 || len > HOSTCACHE_NAME_MAX)
		return;
	suspcache_slots(host, len, slot);
	if ((i = suspcache_find(cache, host, len, slot)) < 0)
		i = (int)(cache->slot[slot[0]].host[0] != '\0'
				  && cache->slot[slot[1]].host[0] == '\0'
			      ? slot[1]
			      : slot[0]);
	s = &cache->slot[i];
	memcpy(s->host, host, len + 1);
	s->lookalike = lookalike;
	s->d = *d;
	cache->used++;
}

/* suspcache_clear - every slot empty (an empty cache is not touched:
 * most clears come while no campaign host was seen) */
void suspcache_clear(struct suspcache *cache)
{
	if (cache->used == 0)
		return;
	for (size_t i = 0; i < SUSPCACHE_SLOTS; i++)
		cache->slot[i].host[0] = '\0';
	cache->used = 0;
}
