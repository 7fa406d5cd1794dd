/*
 * hostcache - host names recently found ordinary (see hostcache.h).
 */
#include <stdlib.h>
#include <string.h>

#include "hostcache.h"
#include "strmap.h"

struct hostcache {
	char host[HOSTCACHE_SLOTS][HOSTCACHE_NAME_MAX + 1];	/* "" = empty */
};

/* hostcache_slot - the host's slot */
static size_t hostcache_slot(const char *host)
{
	return (size_t) (strmap_hash(host, strlen(host)) % HOSTCACHE_SLOTS);
}

/* hostcache_new - an empty cache */
struct hostcache *hostcache_new(void)
{
	return calloc(1, sizeof(struct hostcache));
}

/* hostcache_free - release it */
void hostcache_free(struct hostcache *cache)
{
	free(cache);
}

/* hostcache_has - exact match in the host's slot */
int hostcache_has(const struct hostcache *cache, const char *host)
{
	return strcmp(cache->host[hostcache_slot(host)], host) == 0;
}

/* hostcache_add - the host takes its slot */
void hostcache_add(struct hostcache *cache, const char *host)
{
	size_t len = strnlen(host, HOSTCACHE_NAME_MAX + 1);

	if (len == 0 || len > HOSTCACHE_NAME_MAX)
		return;
	memcpy(cache->host[hostcache_slot(host)], host, len + 1);
}

/* hostcache_clear - every slot empty */
void hostcache_clear(struct hostcache *cache)
{
	for (size_t i = 0; i < HOSTCACHE_SLOTS; i++)
		cache->host[i][0] = '\0';
}
