/*
 * NAME
 *	lookfilter - a Bloom filter of the lookalike index's keys
 * SUMMARY
 *	A blocked Bloom filter (two bits in one 64-bit word a key), grown
 *	by rebuilding from the maps, and O(n) deletion hashes.
 * DESCRIPTION
 *	For 10,000 brands the filter takes 256 KiB and stays in cache where
 *	the maps (megabytes) do not: without it a check cost about 2x more
 *	with 10,000 brands than with one, with it under 10% more
 *	(bench/lookalike-bench.c).  The hash is polynomial, so that the
 *	hash of s without s[i] is the prefix's hash shifted by the suffix's
 *	length plus the suffix's hash, then mixed; without s[i] and s[j],
 *	the middle's hash comes from two prefixes' (lookfilter_sums).
 */
#include <stdlib.h>
#include <string.h>

#include "lookfilter.h"

/* 16 bits a key keeps false positives near 2%. */
#define LOOKFILTER_KEYS_PER_WORD 4
#define LOOKFILTER_MIN_WORDS     16
/* Polynomial hash base (odd) and the length mixed into the hash. */
#define LOOKFILTER_BASE   0x100000001b3ULL
#define LOOKFILTER_LENGTH 0x9e3779b97f4a7c15ULL

/* lookfilter_init - an empty filter */
int lookfilter_init(struct lookfilter *f)
{
	f->words = calloc(LOOKFILTER_MIN_WORDS, sizeof(*f->words));
	f->mask = LOOKFILTER_MIN_WORDS - 1;
	f->keys = 0;
	return f->words != NULL ? 0 : -1;
}

/* lookfilter_free - release the bits */
void lookfilter_free(struct lookfilter *f)
{
	free(f->words);
	f->words = NULL;
}

/* lookfilter_finish - a polynomial hash of a len-byte string, mixed
 * (splitmix64's finalizer) so that every bit depends on every byte */
static uint64_t lookfilter_finish(uint64_t h, size_t len)
{
	h ^= (uint64_t)len * LOOKFILTER_LENGTH;
	h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
	h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
	return h ^ (h >> 31);
}

/* lookfilter_hash - the filter hash of s[0..len) */
uint64_t lookfilter_hash(const char *s, size_t len)
{
	uint64_t h = 0;

	for (size_t i = 0; i < len; i++)
		h = h * LOOKFILTER_BASE + (unsigned char)s[i];
	return lookfilter_finish(h, len);
}

/* lookfilter_sums - the powers of the base, and the raw hash of every
 * prefix and suffix of s[0..len) */
void lookfilter_sums(const char *s, size_t len, struct lookfilter_sums *p)
{
	p->len = len > LOOKFILTER_KEY_MAX ? 0 : len;
	len = p->len;
	p->power[0] = 1;
	p->prefix[0] = 0;
	for (size_t i = 1; i <= len; i++) {
		p->power[i] = p->power[i - 1] * LOOKFILTER_BASE;
		p->prefix[i] = p->prefix[i - 1] * LOOKFILTER_BASE
			       + (unsigned char)s[i - 1];
	}
	p->suffix[len] = 0;
	for (size_t i = len; i-- > 0;)
		p->suffix[i] = p->suffix[i + 1]
			       + (unsigned char)s[i] * p->power[len - 1 - i];
}

/* lookfilter_without_one - the prefix before i shifted past the suffix
 * after it, plus that suffix */
uint64_t lookfilter_without_one(const struct lookfilter_sums *p, size_t i)
{
	const size_t n = p->len;

	return lookfilter_finish(
	    p->prefix[i] * p->power[n - 1 - i] + p->suffix[i + 1], n - 1);
}

/* lookfilter_without_two - the prefix before i, the middle between i
 * and j (the prefix to j less the prefix to i + 1, shifted) and the
 * suffix after j, each shifted past what follows it */
uint64_t lookfilter_without_two(const struct lookfilter_sums *p, size_t i,
				size_t j)
{
	const size_t n = p->len;
	const uint64_t middle =
	    p->prefix[j] - p->prefix[i + 1] * p->power[j - i - 1];

	return lookfilter_finish(p->prefix[i] * p->power[n - 2 - i]
				     + middle * p->power[n - 1 - j]
				     + p->suffix[j + 1],
				 n - 2);
}

/* lookfilter_deletions - the hash of every one-deletion of s, O(len) */
void lookfilter_deletions(const char *s, size_t len, uint64_t *out)
{
	struct lookfilter_sums sums;

	if (len > LOOKFILTER_KEY_MAX)
		return;
	lookfilter_sums(s, len, &sums);
	for (size_t i = 0; i < len; i++)
		out[i] = lookfilter_without_one(&sums, i);
}

/* lookfilter_bits - the two bits of hash h in its word */
static uint64_t lookfilter_bits(uint64_t h)
{
	return (1ULL << ((h >> 52) & 63)) | (1ULL << ((h >> 58) & 63));
}

/* lookfilter_maybe - 0 when the key of hash h is in no index */
int lookfilter_maybe(const struct lookfilter *f, uint64_t h)
{
	uint64_t bits = lookfilter_bits(h);

	return (f->words[h & f->mask] & bits) == bits;
}

/* lookfilter_set - set the bits of one key (a strmap_walk fn) */
static void lookfilter_set(const char *key, void *value, void *ctx)
{
	struct lookfilter *f = ctx;
	uint64_t h = lookfilter_hash(key, strlen(key));

	(void)value;
	f->words[h & f->mask] |= lookfilter_bits(h);
	f->keys++;
}

/* lookfilter_grow - twice the words, every key of maps set again */
static int lookfilter_grow(struct lookfilter *f, struct strmap *const *maps,
			   size_t n)
{
	size_t words = (f->mask + 1) * 2;
	struct lookfilter bigger = {NULL, words - 1, 0};

	bigger.words = calloc(words, sizeof(*bigger.words));
	if (bigger.words == NULL)
		return -1;
	for (size_t i = 0; i < n; i++)
		strmap_walk(maps[i], lookfilter_set, &bigger);
	free(f->words);
	*f = bigger;
	return 0;
}

/* lookfilter_add - a key just entered into one of maps */
int lookfilter_add(struct lookfilter *f, const char *key,
		   struct strmap *const *maps, size_t n)
{
	if (f->keys >= (f->mask + 1) * LOOKFILTER_KEYS_PER_WORD)
		return lookfilter_grow(f, maps, n); /* key included */
	lookfilter_set(key, NULL, f);
	return 0;
}
