/*
 * keyindex - where a 64-bit key sits in a small fixed table of slots,
 * without scanning the slots.
 *
 * DESCRIPTION
 *	A table of at most KEYINDEX_SLOTS slots (refmsg.h: one per SMTP
 *	process) keeps its keys, nonzero hashes, in an array of its own;
 *	finding a key by scanning that array cost some 600 instructions
 *	a look-up, several look-ups a line.  Two structures answer in a few:
 *
 *	- struct keyindex: the slot of a key, for keys that no two slots
 *	  hold at once (a process).  Open addressing, linear probing,
 *	  twice as many buckets as slots, each bucket a slot number plus
 *	  one (0: empty); it compares the keys in the caller's array, so
 *	  the caller adds a slot after setting its key and removes it
 *	  before changing it.
 *
 *	- struct keycount: whether any slot may hold a key, for keys that
 *	  several slots may share (a queue id).  A count of keys per
 *	  bucket: a zero says "none" for sure, anything else "scan", so a
 *	  caller that scans only then finds what its scan found.
 *
 *	Both are plain arrays: a zeroed struct is an empty one, and
 *	nothing is allocated.
 */
#ifndef PHISHWATCH_KEYINDEX_H
#define PHISHWATCH_KEYINDEX_H

#include <stdint.h>

/* Slots indexed at most: a bucket holds a slot number plus one. */
#define KEYINDEX_SLOTS 255
/* Buckets: a power of two, at least twice the slots (refmsg.h has
 * 128), so that a probe run stays short. */
#define KEYINDEX_BUCKETS 256

struct keyindex {
	uint8_t bucket[KEYINDEX_BUCKETS]; /* slot + 1; 0: empty */
};

struct keycount {
	uint8_t n[KEYINDEX_BUCKETS]; /* keys (of < 256 slots) per bucket */
};

/* keyindex_find - the slot whose key (keys[slot]) is key, or -1; key 0
 * is never found */
int keyindex_find(const struct keyindex *x, const uint64_t *keys, uint64_t key);

/* keyindex_add - slot, whose key keys[slot] (nonzero, held by no other
 * slot) was just set */
void keyindex_add(struct keyindex *x, const uint64_t *keys, int slot);

/* keyindex_del - slot, whose key keys[slot] is about to change (no-op
 * when it is not there) */
void keyindex_del(struct keyindex *x, const uint64_t *keys, int slot);

/* keycount_add, keycount_del - one slot more, or fewer, holds key
 * (nonzero; del only after its add) */
void keycount_add(struct keycount *c, uint64_t key);
void keycount_del(struct keycount *c, uint64_t key);

/* keycount_may_have - 0: no slot holds key; 1: some slot may */
int keycount_may_have(const struct keycount *c, uint64_t key);

#endif
