/*
 * storecache - bounded LRU set of names (see storecache.h).
 *
 * DESCRIPTION
 *	Entries live in one array allocated at creation.  A name is found
 *	through an open hash table of entry numbers (twice as many slots
 *	as entries, linear probing, deletion by moving the run back), and
 *	the entries are chained from the most to the least recently used;
 *	when every entry is taken, the least recent one is reused.  Nothing
 *	is allocated after storecache_new().
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "storecache.h"

#define STORECACHE_NONE UINT32_MAX

struct storecache_entry {
	char name[STORECACHE_NAME_MAX + 1];
	uint32_t hash;
	uint32_t newer, older; /* the recency chain */
};

struct storecache {
	struct storecache_entry *entry;
	uint32_t *slot;           /* entry numbers, or NONE */
	size_t size, used, slots; /* slots: a power of two */
	uint32_t newest, oldest;
	unsigned long long evictions;
};

/* storecache_hash - FNV-1a of the name, and its length */
static uint32_t storecache_hash(const char *name, size_t *len)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i <= STORECACHE_NAME_MAX && name[i] != '\0'; i++)
		h = (h ^ (unsigned char)name[i]) * 16777619u;
	*len = i;
	return h;
}

/* storecache_new - every entry and slot, allocated once */
struct storecache *storecache_new(size_t size)
{
	struct storecache *cache;

	if (size == 0 || size > UINT32_MAX / 4)
		return NULL;
	cache = calloc(1, sizeof(*cache));
	if (cache == NULL)
		return NULL;
	for (cache->slots = 2; cache->slots < 2 * size; cache->slots *= 2)
		;
	cache->size = size;
	cache->entry = calloc(size, sizeof(*cache->entry));
	cache->slot = malloc(cache->slots * sizeof(*cache->slot));
	if (cache->entry == NULL || cache->slot == NULL) {
		storecache_free(cache);
		return NULL;
	}
	memset(cache->slot, 0xff, cache->slots * sizeof(*cache->slot));
	cache->newest = cache->oldest = STORECACHE_NONE;
	return cache;
}

/* storecache_free - release it all */
void storecache_free(struct storecache *cache)
{
	if (cache == NULL)
		return;
	free(cache->entry);
	free(cache->slot);
	free(cache);
}

/* storecache_find - the slot of name, or of the free slot ending its run */
static size_t storecache_find(const struct storecache *cache, const char *name,
			      uint32_t hash)
{
	size_t mask = cache->slots - 1;
	size_t i = hash & mask;

	while (cache->slot[i] != STORECACHE_NONE) {
		const struct storecache_entry *e =
		    cache->entry + cache->slot[i];

		if (e->hash == hash && strcmp(e->name, name) == 0)
			break;
		i = (i + 1) & mask;
	}
	return i;
}

/* storecache_unchain - take entry n out of the recency chain */
static void storecache_unchain(struct storecache *cache, uint32_t n)
{
	struct storecache_entry *e = cache->entry + n;

	if (e->newer != STORECACHE_NONE)
		cache->entry[e->newer].older = e->older;
	else
		cache->newest = e->older;
	if (e->older != STORECACHE_NONE)
		cache->entry[e->older].newer = e->newer;
	else
		cache->oldest = e->newer;
}

/* storecache_chain - entry n becomes the most recent */
static void storecache_chain(struct storecache *cache, uint32_t n)
{
	struct storecache_entry *e = cache->entry + n;

	e->newer = STORECACHE_NONE;
	e->older = cache->newest;
	if (cache->newest != STORECACHE_NONE)
		cache->entry[cache->newest].newer = n;
	cache->newest = n;
	if (cache->oldest == STORECACHE_NONE)
		cache->oldest = n;
}

/* storecache_has - a hit moves the name to the front */
int storecache_has(struct storecache *cache, const char *name)
{
	size_t len;
	uint32_t hash = storecache_hash(name, &len);
	size_t i;

	if (len > STORECACHE_NAME_MAX)
		return 0;
	i = storecache_find(cache, name, hash);
	if (cache->slot[i] == STORECACHE_NONE)
		return 0;
	storecache_unchain(cache, cache->slot[i]);
	storecache_chain(cache, cache->slot[i]);
	return 1;
}

/* storecache_remove - empty slot i; the entries after it in its run
 * move back, so that every lookup still finds them (no tombstones) */
static void storecache_remove(struct storecache *cache, size_t i)
{
	size_t mask = cache->slots - 1;
	size_t j = i;

	cache->slot[i] = STORECACHE_NONE;
	for (j = (j + 1) & mask; cache->slot[j] != STORECACHE_NONE;
	     j = (j + 1) & mask) {
		size_t home = cache->entry[cache->slot[j]].hash & mask;

		/* j stays when its home lies cyclically in (i, j] */
		if (i <= j ? (i < home && home <= j) : (i < home || home <= j))
			continue;
		cache->slot[i] = cache->slot[j];
		cache->slot[j] = STORECACHE_NONE;
		i = j;
	}
}

/* storecache_reuse - the least recent entry, emptied: its number */
static uint32_t storecache_reuse(struct storecache *cache)
{
	uint32_t n = cache->oldest;
	struct storecache_entry *e = cache->entry + n;

	/* An entry emptied by storecache_del() is in no slot. */
	if (e->name[0] != '\0') {
		storecache_remove(cache,
				  storecache_find(cache, e->name, e->hash));
		cache->evictions++;
	}
	storecache_unchain(cache, n);
	return n;
}

/* storecache_put - a name the store holds */
void storecache_put(struct storecache *cache, const char *name)
{
	size_t len;
	uint32_t hash = storecache_hash(name, &len);
	uint32_t n;

	if (len == 0 || len > STORECACHE_NAME_MAX
	    || storecache_has(cache, name))
		return;
	n = cache->used < cache->size ? (uint32_t)cache->used++
				      : storecache_reuse(cache);
	memcpy(cache->entry[n].name, name, len + 1);
	cache->entry[n].hash = hash;
	cache->slot[storecache_find(cache, name, hash)] = n;
	storecache_chain(cache, n);
}

/* storecache_del - a name the store no longer holds: its entry emptied
 * and made the least recent, the first to be reused */
void storecache_del(struct storecache *cache, const char *name)
{
	size_t len;
	uint32_t hash = storecache_hash(name, &len);
	size_t i;
	uint32_t n;
	struct storecache_entry *e;

	if (len == 0 || len > STORECACHE_NAME_MAX)
		return;
	i = storecache_find(cache, name, hash);
	n = cache->slot[i];
	if (n == STORECACHE_NONE)
		return;
	storecache_remove(cache, i);
	storecache_unchain(cache, n);
	e = cache->entry + n;
	e->name[0] = '\0';
	e->older = STORECACHE_NONE;
	e->newer = cache->oldest;
	if (cache->oldest != STORECACHE_NONE)
		cache->entry[cache->oldest].older = n;
	cache->oldest = n;
	if (cache->newest == STORECACHE_NONE)
		cache->newest = n;
}

/* storecache_clear - every entry free again */
void storecache_clear(struct storecache *cache)
{
	memset(cache->slot, 0xff, cache->slots * sizeof(*cache->slot));
	cache->used = 0;
	cache->newest = cache->oldest = STORECACHE_NONE;
}

/* storecache_evictions - names pushed out so far */
unsigned long long storecache_evictions(const struct storecache *cache)
{
	return cache->evictions;
}
