/*
 * access_set - fingerprint sets and Bloom filters of the access maps
 * (internal to the access modules).
 *
 * DESCRIPTION
 *	access.c indexes the maps at load into a set of 64-bit
 *	fingerprints (the domains above blocked hosts) and a Bloom filter
 *	of each compiled map's keys; both live here, apart from the
 *	question of what the entries mean.
 */
#ifndef PHISHWATCH_ACCESS_SET_H
#define PHISHWATCH_ACCESS_SET_H

#include <stddef.h>
#include <stdint.h>

/* Domains known to lie above blocked hosts (access.h); more are not
 * indexed.  Below three quarters of the largest set. */
#define ACCESS_UNDER_MAX 3000000
/* The set's largest size (32 MiB), which may fill to ACCESS_UNDER_MAX. */
#define ACCESS_SET_SLOTS_MAX ((size_t)1 << 22)

/* Open-addressing set of 64-bit fingerprints; 0 marks an empty slot. */
struct access_set {
	uint64_t *slots;
	size_t mask;
	size_t count;
};

/* A Bloom filter of a compiled map's keys: most questions ask about
 * keys the map does not hold, and the filter answers those without
 * libdb (about 1% of them still go to the map). */
struct access_filter {
	uint64_t *bits;
	size_t mask;              /* bit count - 1 (a power of two) */
	unsigned long generation; /* of the file it was built from */
	int ready;                /* built by the last index */
};

/* access_fingerprint - the set's 64-bit name of a string, never 0 */
uint64_t access_fingerprint(const char *text, size_t len);

/* access_set_has - is fp in the set? */
int access_set_has(const struct access_set *set, uint64_t fp);

/* access_set_reserve - room for about n fingerprints; -1 on ENOMEM */
int access_set_reserve(struct access_set *set, size_t n);

/* access_set_add - fp into the set; 0, 1 when full, -1 on ENOMEM */
int access_set_add(struct access_set *set, uint64_t fp);

/* access_filter_reset - an empty filter sized for n keys, not ready;
 * -1 on ENOMEM */
int access_filter_reset(struct access_filter *f, size_t n);

/* access_filter_add - one key's fingerprint */
void access_filter_add(struct access_filter *f, uint64_t fp);

/* access_filter_lacks - 1 when fp was surely never added */
int access_filter_lacks(const struct access_filter *f, uint64_t fp);

#endif
