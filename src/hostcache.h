/*
 * hostcache - host names recently found ordinary, to skip asking again.
 *
 * DESCRIPTION
 *	Most from= lines come from a few thousand ordinary senders that
 *	repeat all day, and deciding that one is no phish costs a libpsl
 *	lookup and the lookalike rules.  The cache remembers such hosts in
 *	a fixed number of slots (HOSTCACHE_WAYS for each hash, a set; a
 *	newcomer takes the first, the set's newer hosts move back one, into
 *	the first slot of an older generation, or the oldest one out), so
 *	its memory never grows.  Slots hold the host
 *	names themselves, not only hashes: a crafted name that collides
 *	with an ordinary one must never be waved through.  The caller
 *	clears it whenever what makes a host suspicious changes (a new
 *	brand, which each new campaign teaches); a clear starts a new
 *	generation and touches no slot: a slot filled in an older one is
 *	empty.  A reload builds a new set with a new cache.
 */
#ifndef PHISHWATCH_HOSTCACHE_H
#define PHISHWATCH_HOSTCACHE_H

#include <stddef.h>

#define HOSTCACHE_SLOTS 8192 /* a day's distinct senders at a busy site */
/* Slots go by sets: a host may take any of its set's, so that busy hosts
 * whose hash falls on one set do not evict each other (with pairs, 4,472
 * senders pushed each other out of 4,096 pairs: two thirds of a burst's
 * lookalike checks were of hosts checked before). */
#define HOSTCACHE_WAYS 8
/* Longer names are rare in mail and simply not cached: a slot is the
 * name and its generation in one 64-byte line, 512 KiB in all. */
#define HOSTCACHE_NAME_MAX 59

struct hostcache;

struct hostcache *hostcache_new(void);
void hostcache_free(struct hostcache *cache);

/* hostcache_has - 1 when host was added since the last clear */
int hostcache_has(const struct hostcache *cache, const char *host);

/* hostcache_add - remember host (a validated hostname) */
void hostcache_add(struct hostcache *cache, const char *host);

/* hostcache_clear - forget every host (in constant time) */
void hostcache_clear(struct hostcache *cache);

#endif
