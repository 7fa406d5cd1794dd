/*
 * storecache - a fixed-size cache of the names a store has, least
 * recently used out first.
 *
 * DESCRIPTION
 *	The store asks SQLite (an indexed lookup) whether it knows a
 *	phished domain or a sender host; the answers "known" for the
 *	campaigns and senders of the last lines are kept here, so that a
 *	burst of one campaign costs one hash per line and no SQL.  The cache
 *	holds at most the number of names given to storecache_new(), all its
 *	memory taken there: a store of a million campaigns costs no more than
 *	one of ten.  A name that does not fit an entry (over
 *	STORECACHE_NAME_MAX) is never cached; the caller asks SQLite each time.
 *
 *	Only names the store holds are put: a miss says "ask SQLite",
 *	never "unknown", so an evicted campaign seen again is found there
 *	and is not new.
 */
#ifndef PHISHWATCH_STORECACHE_H
#define PHISHWATCH_STORECACHE_H

#include <stddef.h>

/* Host names are at most 253 characters. */
#define STORECACHE_NAME_MAX 255

struct storecache;

/* storecache_new - room for size names (>= 1); NULL: out of memory */
struct storecache *storecache_new(size_t size);
void storecache_free(struct storecache *cache);

/* storecache_has - 1 if name is cached (it becomes the most recent) */
int storecache_has(struct storecache *cache, const char *name);

/* storecache_put - cache name, evicting the least recent when full */
void storecache_put(struct storecache *cache, const char *name);

/* storecache_del - forget name, if cached */
void storecache_del(struct storecache *cache, const char *name);

/* storecache_clear - forget every name */
void storecache_clear(struct storecache *cache);

/* storecache_evictions - names pushed out so far (tests, statistics) */
unsigned long long storecache_evictions(const struct storecache *cache);

#endif
