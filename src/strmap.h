/*
 * strmap - a hash table from NUL-terminated strings to pointers.
 *
 * DESCRIPTION
 *	Open addressing with linear probing; keys are copied into the map,
 *	values are the caller's.  Deletion shifts entries back, so lookups
 *	never see tombstones.  Used for the access map, the label set, the
 *	brand index and the message tracker: every lookup costs one hash of
 *	the key, not a scan.
 */
#ifndef PHISHWATCH_STRMAP_H
#define PHISHWATCH_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct strmap;

/* strmap_hash - the map's hash (FNV-1a, 64 bits), for other tables */
uint64_t strmap_hash(const char *key, size_t len);

struct strmap *strmap_new(size_t expected);
void strmap_free(struct strmap *map, void (*free_value)(void *));

/* strmap_put - insert or replace; -1 when out of memory. *old gets the
 * replaced value (NULL if the key was new) when old is not NULL. */
int strmap_put(struct strmap *map, const char *key, void *value, void **old);

/* strmap_get - the value of key, or NULL */
void *strmap_get(const struct strmap *map, const char *key);

/* strmap_getn - the same for a key that is not NUL-terminated */
void *strmap_getn(const struct strmap *map, const char *key, size_t len);

/* strmap_del - remove key; returns its value, or NULL if absent */
void *strmap_del(struct strmap *map, const char *key);

size_t strmap_count(const struct strmap *map);

/* strmap_walk - call fn for every entry, in no particular order; the map
 * must not change during the walk */
void strmap_walk(const struct strmap *map,
		 void (*fn)(const char *key, void *value, void *ctx),
		 void *ctx);

#endif
