/*
 * suspcache - host names lately found suspicious (see suspcache.h).
 */
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "suspcache.h"

struct suspcache_slot {
	char host[HOSTCACHE_NAME_MAX + 1];	/* "" = empty */
	int lookalike;
	struct detection d;
};

struct suspcache {
	struct suspcache_slot slot[SUSPCACHE_SLOTS];
	unsigned used;		/* slots filled since the last clear */
};

/* suspcache_slot - the host's slot */
static size_t suspcache_slot(const char *host, size_t len)
{
	return (size_t) (strmap_hash(host, len) % SUSPCACHE_SLOTS);
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

/* suspcache_get - exact match in the host's slot */
int suspcache_get(const struct suspcache *cache, const char *host,
		  struct detection *d, int *lookalike)
{
	size_t len = strnlen(host, HOSTCACHE_NAME_MAX + 1);
	const struct suspcache_slot *s;

	if (cache->used == 0 || len == 0 || len > HOSTCACHE_NAME_MAX)
		return 0;
	s = &cache->slot[suspcache_slot(host, len)];
	if (memcmp(s->host, host, len + 1) != 0)
		return 0;
	*d = s->d;
	*lookalike = s->lookalike;
	return 1;
}

/* suspcache_put - the host takes its slot */
void suspcache_put(struct suspcache *cache, const char *host,
		   const struct detection *d, int lookalike)
{
	size_t len = strnlen(host, HOSTCACHE_NAME_MAX + 1);
	struct suspcache_slot *s;

	if (len == 0 || len > HOSTCACHE_NAME_MAX)
		return;
	s = &cache->slot[suspcache_slot(host, len)];
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
