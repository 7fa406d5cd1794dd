/*
 * suspcache - host names lately found suspicious, with what was found.
 *
 * DESCRIPTION
 *	In a campaign burst a third of the from= lines come from a few
 *	campaign hosts, and each of them was judged twice (the fast path,
 *	then the full parse), each time with two libpsl lookups and the
 *	lookalike rules.  The cache keeps each such host's detection in a
 *	few fixed slots (two possible slots per host, by hash; a
 *	newcomer takes a free one of its two, else replaces the host of
 *	its first), so its memory never grows.  Slots hold the host names
 *	themselves: a crafted name that collides with a campaign host gets
 *	its own verdict.  As with the ordinary-host cache (hostcache.h),
 *	the caller clears it whenever what makes a host suspicious changes.
 */
#ifndef PHISHWATCH_SUSPCACHE_H
#define PHISHWATCH_SUSPCACHE_H

#include "detector.h"
#include "hostcache.h"

/* A burst has a few dozen campaign hosts at a time: 128 slots of some
 * 670 bytes, touched as used. */
#define SUSPCACHE_SLOTS 128

struct suspcache;

struct suspcache *suspcache_new(void);
void suspcache_free(struct suspcache *cache);

/* suspcache_get - 1 and *d, *lookalike as stored when host is there */
int suspcache_get(const struct suspcache *cache, const char *host,
		  struct detection *d, int *lookalike);

/* suspcache_put - remember host (a validated hostname) and its detection
 * (lookalike: found by the lookalike rules, not the label rule) */
void suspcache_put(struct suspcache *cache, const char *host,
		   const struct detection *d, int lookalike);

/* suspcache_clear - forget every host */
void suspcache_clear(struct suspcache *cache);

#endif
