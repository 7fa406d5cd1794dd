/*
 * keyindex - the slot of a 64-bit key in a small fixed table (see
 * keyindex.h).
 *
 * DESCRIPTION
 *	A key's home bucket is the top bits of its product with 2^64 / phi
 *	(Fibonacci hashing): the keys are hashes already, but some end in
 *	a fixed bit (refmsg.c's queue ids), and the top bits of the
 *	product mix all of the key's.  Removal moves the rest of the probe
 *	run back (Knuth's algorithm R), so that no tombstones pile up
 *	while processes come and go.
 */
#include "keyindex.h"

#define KEYINDEX_BITS 8
#define KEYINDEX_MASK (KEYINDEX_BUCKETS - 1)

_Static_assert(1 << KEYINDEX_BITS == KEYINDEX_BUCKETS,
	       "KEYINDEX_BITS names the buckets");
_Static_assert(KEYINDEX_BUCKETS >= 2 * 128,
	       "at least twice the slots of refmsg.h");

/* keyindex_home - the bucket a key's probe run starts at */
static unsigned keyindex_home(uint64_t key)
{
	return (unsigned)((key * 0x9e3779b97f4a7c15ULL)
			  >> (64 - KEYINDEX_BITS));
}

/* keyindex_find - the slot of key, or -1 */
int keyindex_find(const struct keyindex *x, const uint64_t *keys, uint64_t key)
{
	unsigned i = keyindex_home(key);

	if (key == 0)
		return -1;
	/* bounded, though the caller's slots leave half the buckets free */
	for (int n = 0; n < KEYINDEX_BUCKETS && x->bucket[i] != 0;
	     n++, i = (i + 1) & KEYINDEX_MASK)
		if (keys[x->bucket[i] - 1] == key)
			return x->bucket[i] - 1;
	return -1;
}

/* keyindex_add - slot, at the end of its key's probe run */
void keyindex_add(struct keyindex *x, const uint64_t *keys, int slot)
{
	unsigned i = keyindex_home(keys[slot]);
	int n = 0;

	while (x->bucket[i] != 0 && ++n < KEYINDEX_BUCKETS)
		i = (i + 1) & KEYINDEX_MASK;
	if (x->bucket[i] == 0) /* else full: a caller's bug, found nowhere */
		x->bucket[i] = (uint8_t)(slot + 1);
}

/* keyindex_between - 1: home h lies cyclically in (hole, at]: the entry
 * at `at` cannot move back into the hole */
static int keyindex_between(unsigned hole, unsigned h, unsigned at)
{
	return hole <= at ? hole < h && h <= at : hole < h || h <= at;
}

/* keyindex_del - slot out; the entries after it in the run move back */
void keyindex_del(struct keyindex *x, const uint64_t *keys, int slot)
{
	unsigned hole = keyindex_home(keys[slot]);
	unsigned at;
	int n = 0;

	while (x->bucket[hole] != 0 && x->bucket[hole] != slot + 1
	       && ++n < KEYINDEX_BUCKETS)
		hole = (hole + 1) & KEYINDEX_MASK;
	if (x->bucket[hole] != slot + 1)
		return;
	x->bucket[hole] = 0;
	for (at = (hole + 1) & KEYINDEX_MASK; x->bucket[at] != 0;
	     at = (at + 1) & KEYINDEX_MASK) {
		if (keyindex_between(
			hole, keyindex_home(keys[x->bucket[at] - 1]), at))
			continue;
		x->bucket[hole] = x->bucket[at];
		x->bucket[at] = 0;
		hole = at;
	}
}

/* keycount_add - one more holder of key */
void keycount_add(struct keycount *c, uint64_t key)
{
	c->n[keyindex_home(key)]++;
}

/* keycount_del - one holder of key fewer */
void keycount_del(struct keycount *c, uint64_t key)
{
	c->n[keyindex_home(key)]--;
}

/* keycount_may_have - 0 only when no holder's key shares key's bucket */
int keycount_may_have(const struct keycount *c, uint64_t key)
{
	return c->n[keyindex_home(key)] != 0;
}
