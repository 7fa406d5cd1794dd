/*
 * strmap - a hash table from strings to pointers (see strmap.h).
 *
 * DESCRIPTION
 *	Capacity is a power of two kept at most 3/4 full.  Keys are stored
 *	with their hash so that growth and probing rarely compare strings.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"

#define STRMAP_MIN_CAPACITY 16

struct strmap_slot {
	char *key; /* NULL: empty slot */
	size_t key_len;
	uint64_t hash;
	void *value;
};

struct strmap {
	struct strmap_slot *slots;
	size_t capacity; /* power of two */
	size_t count;
};

/* strmap_hash - FNV-1a, 64 bits */
uint64_t strmap_hash(const char *key, size_t len)
{
	uint64_t hash = 14695981039346656037ULL;

	for (size_t i = 0; i < len; i++) {
		hash ^= (unsigned char)key[i];
		hash *= 1099511628211ULL;
	}
	return hash;
}

/* strmap_new - empty map sized for about expected entries */
struct strmap *strmap_new(size_t expected)
{
	struct strmap *map = calloc(1, sizeof(*map));
	size_t capacity = STRMAP_MIN_CAPACITY;

	if (map == NULL)
		return NULL;
	while (capacity < expected + expected / 3 + 1)
		capacity *= 2;
	map->slots = calloc(capacity, sizeof(*map->slots));
	if (map->slots == NULL) {
		free(map);
		return NULL;
	}
	map->capacity = capacity;
	return map;
}

/* strmap_free - release the map, and each value through free_value */
void strmap_free(struct strmap *map, void (*free_value)(void *))
{
	if (map == NULL)
		return;
	for (size_t i = 0; i < map->capacity; i++) {
		if (map->slots[i].key == NULL)
			continue;
		free(map->slots[i].key);
		if (free_value != NULL)
			free_value(map->slots[i].value);
	}
	free(map->slots);
	free(map);
}

/* strmap_find - index of key's slot, or of the empty slot ending its probe */
static size_t strmap_find(const struct strmap *map, const char *key, size_t len,
			  uint64_t hash)
{
	size_t mask = map->capacity - 1;
	size_t i = (size_t)hash & mask;

	while (map->slots[i].key != NULL) {
		const struct strmap_slot *slot = &map->slots[i];

		if (slot->hash == hash && slot->key_len == len
		    && memcmp(slot->key, key, len) == 0)
			return i;
		i = (i + 1) & mask;
	}
	return i;
}

/* strmap_grow - double the capacity, rehashing nothing (hashes are kept) */
static int strmap_grow(struct strmap *map)
{
	size_t capacity = map->capacity * 2;
	struct strmap_slot *slots = calloc(capacity, sizeof(*slots));

	if (slots == NULL)
		return -1;
	for (size_t i = 0; i < map->capacity; i++) {
		struct strmap_slot *slot = &map->slots[i];
		size_t j;

		if (slot->key == NULL)
			continue;
		j = (size_t)slot->hash & (capacity - 1);
		while (slots[j].key != NULL)
			j = (j + 1) & (capacity - 1);
		slots[j] = *slot;
	}
	free(map->slots);
	map->slots = slots;
	map->capacity = capacity;
	return 0;
}

/* strmap_put - insert or replace */
int strmap_put(struct strmap *map, const char *key, void *value, void **old)
{
	size_t len = strlen(key);
	uint64_t hash = strmap_hash(key, len);
	size_t i = strmap_find(map, key, len, hash);
	struct strmap_slot *slot = &map->slots[i];

	if (slot->key != NULL) {
		if (old != NULL)
			*old = slot->value;
		slot->value = value;
		return 0;
	}
	if (old != NULL)
		*old = NULL;
	if ((map->count + 1) * 4 > map->capacity * 3) {
		if (strmap_grow(map) < 0)
			return -1;
		slot = &map->slots[strmap_find(map, key, len, hash)];
	}
	slot->key = malloc(len + 1);
	if (slot->key == NULL)
		return -1;
	memcpy(slot->key, key, len + 1);
	slot->key_len = len;
	slot->hash = hash;
	slot->value = value;
	map->count++;
	return 0;
}

/* strmap_getn - lookup by pointer and length */
void *strmap_getn(const struct strmap *map, const char *key, size_t len)
{
	size_t i = strmap_find(map, key, len, strmap_hash(key, len));

	return map->slots[i].key != NULL ? map->slots[i].value : NULL;
}

/* strmap_get - lookup by C string */
void *strmap_get(const struct strmap *map, const char *key)
{
	return strmap_getn(map, key, strlen(key));
}

/* strmap_del - remove, shifting later members of the probe run back */
void *strmap_del(struct strmap *map, const char *key)
{
	size_t len = strlen(key);
	size_t mask = map->capacity - 1;
	size_t hole = strmap_find(map, key, len, strmap_hash(key, len));
	void *value;

	if (map->slots[hole].key == NULL)
		return NULL;
	value = map->slots[hole].value;
	free(map->slots[hole].key);
	map->slots[hole].key = NULL;
	map->count--;
	for (size_t i = (hole + 1) & mask; map->slots[i].key != NULL;
	     i = (i + 1) & mask) {
		size_t home = (size_t)map->slots[i].hash & mask;

		/* Move back unless its home lies cyclically in (hole, i]. */
		if (((i - home) & mask) >= ((i - hole) & mask)) {
			map->slots[hole] = map->slots[i];
			map->slots[i].key = NULL;
			hole = i;
		}
	}
	return value;
}

/* strmap_count - number of entries */
size_t strmap_count(const struct strmap *map)
{
	return map->count;
}

/* strmap_walk - visit every entry */
void strmap_walk(const struct strmap *map,
		 void (*fn)(const char *key, void *value, void *ctx), void *ctx)
{
	for (size_t i = 0; i < map->capacity; i++)
		if (map->slots[i].key != NULL)
			fn(map->slots[i].key, map->slots[i].value, ctx);
}
