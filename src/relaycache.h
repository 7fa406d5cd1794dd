/*
 * relaycache - the (campaign, relay) rows a store is known to hold, in a
 * fixed table, so that a relay seen again costs no SQL statement.
 *
 * DESCRIPTION
 *	A relay row (storeschema.c: relays) is written once and never
 *	changed: INSERT ... ON CONFLICT DO NOTHING.  In a burst the same
 *	relays send a campaign's messages again and again, and those rows
 *	were 69,435 of the 70,446 statements per million lines, 26,401 of
 *	them distinct.  A row this cache says is stored is not written
 *	again, which changes nothing in the store.
 *
 *	So that it says so only of rows that are there, a row is put when
 *	its INSERT has run, as pending; relaycache_commit() makes the
 *	pending rows stored when their transaction commits, and
 *	relaycache_abort() forgets them when it does not (a rollback, or
 *	a transaction that SQLite ended on its own).  One process writes
 *	a store (store.c), so no other removes a row behind its back; a
 *	campaign forgotten (store_forget()) empties the cache.
 *
 *	The keys are exact, not hashes: each campaign has a number while
 *	its name is in a small table of campaigns (a name pushed out gets
 *	a new number when it comes back, and the rows of the old one are
 *	found no more), and each row keeps its relay, an IPv4 address as
 *	hostname.c writes one, as its 32 bits; any other relay (IPv6, a
 *	name) is never cached and is written as before.  Rows sit in sets
 *	of eight by hash; a new row takes a free place in its set, else
 *	one in turn.  Every byte is allocated at relaycache_new().
 */
#ifndef PHISHWATCH_RELAYCACHE_H
#define PHISHWATCH_RELAYCACHE_H

#include <stddef.h>
#include <stdint.h>

/* Rows: 8 bytes each (128 KiB).  Replaying a burst's relay rows, a
 * least-recently-used cache of 4,096 pairs spared 78% of the repeated
 * writes, one of 32,768 all of them; the peak RSS budget is 8 MB. */
#define RELAYCACHE_ROWS 16384
/* Campaigns with a number at once: a burst has a handful. */
#define RELAYCACHE_CAMPAIGNS 128
/* Rows a transaction may leave pending and still be listed; more make
 * the commit or abort walk the whole table. */
#define RELAYCACHE_PENDING 1024

struct relaycache;

/* relaycache_new - an empty cache; NULL: out of memory.  A NULL cache
 * (a store not ready) knows no row and takes none. */
struct relaycache *relaycache_new(void);
void relaycache_free(struct relaycache *cache);

/* relaycache_has - 1: the row (campaign, relay) is stored (committed) */
int relaycache_has(struct relaycache *cache, const char *campaign,
		   const char *relay);

/* relaycache_put - the row's INSERT ran in the open transaction */
void relaycache_put(struct relaycache *cache, const char *campaign,
		    const char *relay);

/* relaycache_commit - the open transaction committed: its rows are
 * stored */
void relaycache_commit(struct relaycache *cache);

/* relaycache_abort - the open transaction is gone: its rows are not */
void relaycache_abort(struct relaycache *cache);

/* relaycache_clear - forget every row and campaign */
void relaycache_clear(struct relaycache *cache);

#endif
