/*
 * lookfilter - a Bloom filter of the lookalike index's keys.
 *
 * DESCRIPTION
 *	Most of the strings that a lookalike check derives from a sender's
 *	label (the label, its deletions, its skeleton) are in no index.
 *	One probe of a small bit array says so without touching the large
 *	hash maps, whose cache misses would otherwise make a check slower
 *	as brands grow.  Blocked: both bits of a key lie in one 64-bit word,
 *	16 bits a key, about 2% false positives.  lookfilter_deletions()
 *	gives the hashes of all n one-character deletions of a label in
 *	O(n), from prefix and suffix hashes; lookfilter_without_two() the
 *	hash of a two-character deletion in O(1) from the same sums.
 */
#ifndef PHISHWATCH_LOOKFILTER_H
#define PHISHWATCH_LOOKFILTER_H

#include <stddef.h>
#include <stdint.h>

#include "strmap.h"

/* Longest key whose deletion hashes lookfilter_deletions() computes. */
#define LOOKFILTER_KEY_MAX 255

struct lookfilter {
	uint64_t *words;
	size_t mask; /* words - 1; words a power of two */
	size_t keys; /* keys set since the last rebuild */
};

/* lookfilter_init - an empty filter; 0, or -1 ENOMEM */
int lookfilter_init(struct lookfilter *f);
void lookfilter_free(struct lookfilter *f);

/* lookfilter_hash - the filter hash of s[0..len) */
uint64_t lookfilter_hash(const char *s, size_t len);

/* lookfilter_deletions - out[i] = lookfilter_hash() of s[0..len) without
 * s[i], for every i (len <= LOOKFILTER_KEY_MAX) */
void lookfilter_deletions(const char *s, size_t len, uint64_t *out);

/* The sums that give the hash of a key less one or two characters in
 * O(1): the base's powers, the raw hash of each prefix and suffix. */
struct lookfilter_sums {
	size_t len; /* of the key; 0 when it is over LOOKFILTER_KEY_MAX */
	uint64_t power[LOOKFILTER_KEY_MAX + 1];
	uint64_t prefix[LOOKFILTER_KEY_MAX + 1]; /* of s[0..i) */
	uint64_t suffix[LOOKFILTER_KEY_MAX + 1]; /* of s[i..len) */
};

/* lookfilter_sums - the sums of s[0..len), O(len) */
void lookfilter_sums(const char *s, size_t len, struct lookfilter_sums *p);

/* lookfilter_without_one - lookfilter_hash() of the key less its
 * character i (i < len) */
uint64_t lookfilter_without_one(const struct lookfilter_sums *p, size_t i);

/* lookfilter_without_two - lookfilter_hash() of the key less its
 * characters i and j (i < j < len) */
uint64_t lookfilter_without_two(const struct lookfilter_sums *p, size_t i,
				size_t j);

/* lookfilter_maybe - 0 when the key of hash h was never added */
int lookfilter_maybe(const struct lookfilter *f, uint64_t h);

/*
 * lookfilter_add - a key just entered into one of maps[0..n); when the
 * filter is full it is rebuilt twice as large from every key of maps.
 * 0, or -1 ENOMEM (the filter is then unchanged).
 */
int lookfilter_add(struct lookfilter *f, const char *key,
		   struct strmap *const *maps, size_t n);

#endif
