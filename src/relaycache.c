/*
 * relaycache - the (campaign, relay) rows a store is known to hold (see
 * relaycache.h).
 *
 * DESCRIPTION
 *	Campaigns: each name may sit in two places of the campaign table
 *	(two hashes of it); a newcomer takes the less recently used of
 *	its two, and with it a number no campaign had before.  Rows: a
 *	set of RELAYCACHE_WAYS places per hash of the campaign's number
 *	and the relay's address; a row is found only by the same number
 *	and the same address.  A row is pending from its put to its
 *	transaction's end; the places put in the open transaction are
 *	listed, so that the end touches only them (the whole table when
 *	the list ran over).
 */
#include <stdlib.h>
#include <string.h>

#include "relaycache.h"

/* A set: one cache line of rows. */
#define RELAYCACHE_WAYS 8
/* The bit of a row's campaign that says it is committed. */
#define RELAYCACHE_STORED 0x80000000u
#define RELAYCACHE_SETS   (RELAYCACHE_ROWS / RELAYCACHE_WAYS)
/* Phished domains are host names (<= 253 characters). */
#define RELAYCACHE_NAME_MAX 255

_Static_assert((RELAYCACHE_SETS & (RELAYCACHE_SETS - 1)) == 0,
	       "sets: a power of two");
_Static_assert((RELAYCACHE_CAMPAIGNS & (RELAYCACHE_CAMPAIGNS - 1)) == 0,
	       "campaigns: a power of two");

struct relaycache_row {
	uint32_t campaign; /* its campaign's number, and RELAYCACHE_STORED
			    * once committed; 0: a free place */
	uint32_t address;  /* the relay, an IPv4 address */
};

_Static_assert(sizeof(struct relaycache_row) == 8, "a row is 8 bytes");

struct relaycache_campaign {
	uint32_t number; /* 0: a free place */
	uint64_t used;   /* when last asked for */
	char name[RELAYCACHE_NAME_MAX + 1];
};

struct relaycache {
	struct relaycache_row row[RELAYCACHE_ROWS];
	struct relaycache_campaign campaign[RELAYCACHE_CAMPAIGNS];
	uint32_t pending[RELAYCACHE_PENDING]; /* places put, this transaction */
	size_t pendings;                      /* how many; more: all rows */
	uint32_t next_number;                 /* the next campaign's */
	uint64_t clock;                       /* campaigns asked for */
	unsigned turn;                        /* the way a full set gives */
};

/* relaycache_new - an empty cache */
struct relaycache *relaycache_new(void)
{
	struct relaycache *cache = calloc(1, sizeof(*cache));

	if (cache != NULL)
		cache->next_number = 1;
	return cache;
}

/* relaycache_free - release it */
void relaycache_free(struct relaycache *cache)
{
	free(cache);
}

/* relaycache_clear - nothing known, numbers from 1 again */
void relaycache_clear(struct relaycache *cache)
{
	if (cache == NULL)
		return;
	memset(cache->row, 0, sizeof(cache->row));
	memset(cache->campaign, 0, sizeof(cache->campaign));
	cache->pendings = 0;
	cache->next_number = 1;
}

/* relaycache_hash - FNV-1a of len bytes of text, from h */
static uint32_t relaycache_hash(uint32_t h, const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)text[i]) * 16777619u;
	return h;
}

/* relaycache_places - the two places a campaign name may sit in */
static void relaycache_places(const char *name, size_t len, size_t at[2])
{
	uint32_t h = relaycache_hash(2166136261u, name, len);

	at[0] = h & (RELAYCACHE_CAMPAIGNS - 1);
	at[1] = (h >> 16) & (RELAYCACHE_CAMPAIGNS - 1);
}

/* relaycache_number - the number of a campaign, 0 when it has none
 * and add is 0 (or its name is too long to keep) */
static uint32_t relaycache_number(struct relaycache *cache, const char *name,
				  int add)
{
	size_t len = strnlen(name, RELAYCACHE_NAME_MAX + 1);
	size_t at[2];
	struct relaycache_campaign *c;

	if (len > RELAYCACHE_NAME_MAX)
		return 0;
	relaycache_places(name, len, at);
	for (int k = 0; k < 2; k++) {
		c = cache->campaign + at[k];
		if (c->number != 0 && strcmp(c->name, name) == 0) {
			c->used = ++cache->clock;
			return c->number;
		}
	}
	if (!add)
		return 0;
	if (cache->next_number == RELAYCACHE_STORED)
		relaycache_clear(cache); /* every number given: start again */
	c = cache->campaign + at[0];
	if (cache->campaign[at[1]].used < c->used)
		c = cache->campaign + at[1];
	c->number = cache->next_number++;
	c->used = ++cache->clock;
	memcpy(c->name, name, len + 1);
	return c->number;
}

/* relaycache_address - 1 and *address when relay is an IPv4 address as
 * hostname.c writes one (four decimal parts of 0 to 255, no leading
 * zero): then text and number say the same, and the number is the key */
static int relaycache_address(const char *relay, uint32_t *address)
{
	const char *p = relay;
	uint32_t a = 0;

	for (int part = 0; part < 4; part++) {
		unsigned v = 0;
		int digits = 0;

		if (part > 0 && *p++ != '.')
			return 0;
		for (; *p >= '0' && *p <= '9' && digits < 4; p++, digits++)
			v = v * 10 + (unsigned)(*p - '0');
		if (digits == 0 || digits > 3 || v > 255
		    || (digits > 1 && p[-digits] == '0'))
			return 0;
		a = a << 8 | v;
	}
	*address = a;
	return *p == '\0';
}

/* relaycache_find - the place of the row, or -1; *set: its set's first */
static long relaycache_find(const struct relaycache *cache, uint32_t number,
			    uint32_t address, size_t *set)
{
	uint32_t h = (address ^ number * 0x9e3779b9u) * 2654435761u;

	*set = (size_t)(h >> 11) % RELAYCACHE_SETS * RELAYCACHE_WAYS;
	for (size_t i = *set; i < *set + RELAYCACHE_WAYS; i++) {
		const struct relaycache_row *r = cache->row + i;

		if ((r->campaign & ~RELAYCACHE_STORED) == number
		    && r->address == address)
			return (long)i;
	}
	return -1;
}

/* relaycache_has - a stored row of the campaign and relay */
int relaycache_has(struct relaycache *cache, const char *campaign,
		   const char *relay)
{
	uint32_t address, number;
	size_t set;
	long i;

	if (cache == NULL || !relaycache_address(relay, &address))
		return 0;
	number = relaycache_number(cache, campaign, 0);
	if (number == 0)
		return 0;
	i = relaycache_find(cache, number, address, &set);
	return i >= 0 && (cache->row[i].campaign & RELAYCACHE_STORED) != 0;
}

/* relaycache_place - a free place of the set, else one in turn */
static size_t relaycache_place(struct relaycache *cache, size_t set)
{
	for (size_t i = set; i < set + RELAYCACHE_WAYS; i++)
		if (cache->row[i].campaign == 0)
			return i;
	return set + (cache->turn++ % RELAYCACHE_WAYS);
}

/* relaycache_put - the row, pending until its transaction ends */
void relaycache_put(struct relaycache *cache, const char *campaign,
		    const char *relay)
{
	uint32_t address, number;
	size_t set, i;

	if (cache == NULL || !relaycache_address(relay, &address))
		return;
	number = relaycache_number(cache, campaign, 1);
	if (number == 0 || relaycache_find(cache, number, address, &set) >= 0)
		return; /* pending already, or stored */
	i = relaycache_place(cache, set);
	cache->row[i].campaign = number;
	cache->row[i].address = address;
	if (cache->pendings < RELAYCACHE_PENDING)
		cache->pending[cache->pendings] = (uint32_t)i;
	cache->pendings++;
}

/* relaycache_end - every pending row stored (commit), or freed */
static void relaycache_end(struct relaycache *cache, int commit)
{
	int all;
	size_t n;

	if (cache == NULL || cache->pendings == 0)
		return;
	all = cache->pendings > RELAYCACHE_PENDING;
	n = all ? RELAYCACHE_ROWS : cache->pendings;
	for (size_t k = 0; k < n; k++) {
		struct relaycache_row *r =
		    cache->row + (all ? k : cache->pending[k]);

		if (r->campaign == 0 || (r->campaign & RELAYCACHE_STORED))
			continue;
		if (commit)
			r->campaign |= RELAYCACHE_STORED;
		else
			r->campaign = 0;
	}
	cache->pendings = 0;
}

/* relaycache_commit - the pending rows are stored */
void relaycache_commit(struct relaycache *cache)
{
	relaycache_end(cache, 1);
}

/* relaycache_abort - the pending rows are gone */
void relaycache_abort(struct relaycache *cache)
{
	relaycache_end(cache, 0);
}
