/*
 * NAME
 *	access_set - fingerprint sets and Bloom filters (access_set.h)
 * SUMMARY
 *	Compact answers to "was this name seen at load?".
 * DESCRIPTION
 *	Sets start small and double when half full, up to the largest
 *	size, which may fill to ACCESS_UNDER_MAX (three quarters).  A large
 *	table is put on huge pages where the kernel offers them, as its
 *	lookups jump all over it.  Filters take 16 bits and 6 probes a key
 *	(about 0.1% false positives), at most 2^27 bits (16 MiB).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "access_set.h"
#include "strmap.h"

#define ACCESS_SET_MIN 256
/* A transparent huge page on x86-64 and arm64. */
#define ACCESS_HUGE_PAGE           ((size_t)2 << 20)
#define ACCESS_FILTER_BITS_PER_KEY 16
#define ACCESS_FILTER_PROBES       6
#define ACCESS_FILTER_BITS_MAX     ((size_t)1 << 27)

/* access_fingerprint - the set's 64-bit name of a string, never 0 */
uint64_t access_fingerprint(const char *text, size_t len)
{
	uint64_t h = strmap_hash(text, len);

	/* FNV's low bits are weak for near-identical names: mix them. */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h != 0 ? h : 1;
}

/* access_set_slot - where fp is, or the empty slot it would take */
static size_t access_set_slot(const struct access_set *set, uint64_t fp)
{
	size_t i = (size_t)fp & set->mask;

	while (set->slots[i] != 0 && set->slots[i] != fp)
		i = (i + 1) & set->mask;
	return i;
}

/* access_set_has - is fp in the set? */
int access_set_has(const struct access_set *set, uint64_t fp)
{
	return set->slots != NULL && set->slots[access_set_slot(set, fp)] == fp;
}

/* access_set_alloc - n zeroed slots; a large table on huge pages where
 * the kernel offers them, as its lookups jump all over it */
static uint64_t *access_set_alloc(size_t n)
{
	size_t bytes = n * sizeof(uint64_t);
	uint64_t *slots;

	if (bytes < ACCESS_HUGE_PAGE)
		return calloc(n, sizeof(uint64_t));
	slots = aligned_alloc(ACCESS_HUGE_PAGE, bytes);
	if (slots == NULL)
		return NULL;
	(void)madvise(slots, bytes, MADV_HUGEPAGE); /* a hint only */
	memset(slots, 0, bytes);
	return slots;
}

/* access_set_resize - n slots (a power of two), every fingerprint
 * placed again; -1 on ENOMEM */
static int access_set_resize(struct access_set *set, size_t n)
{
	struct access_set bigger = {NULL, n - 1, set->count};

	bigger.slots = access_set_alloc(n);
	if (bigger.slots == NULL)
		return -1;
	for (size_t i = 0; set->slots != NULL && i <= set->mask; i++)
		if (set->slots[i] != 0)
			bigger.slots[access_set_slot(&bigger, set->slots[i])] =
			    set->slots[i];
	free(set->slots);
	*set = bigger;
	return 0;
}

/* access_set_reserve - room for about n fingerprints at a quarter full
 * (fewer probes, and no growing on the way); -1 on ENOMEM */
int access_set_reserve(struct access_set *set, size_t n)
{
	size_t slots = ACCESS_SET_MIN;

	while (slots < ACCESS_SET_SLOTS_MAX && slots / 4 < n)
		slots *= 2;
	if (set->slots != NULL && slots <= set->mask + 1)
		return 0;
	return access_set_resize(set, slots);
}

/* access_set_add - fp into the set; 0, 1 when full, -1 on ENOMEM */
int access_set_add(struct access_set *set, uint64_t fp)
{
	size_t slots = set->slots != NULL ? set->mask + 1 : 0;
	/* Half full, or three quarters at the largest size. */
	size_t room =
	    slots < ACCESS_SET_SLOTS_MAX ? slots / 2 : ACCESS_UNDER_MAX;

	if (slots > 0) {
		size_t slot = access_set_slot(set, fp);

		if (set->slots[slot] == fp)
			return 0;
		if (set->count < room) {
			set->slots[slot] = fp;
			set->count++;
			return 0;
		}
		if (slots >= ACCESS_SET_SLOTS_MAX)
			return 1;
	}
	if (access_set_resize(set, slots ? slots * 2 : ACCESS_SET_MIN) < 0)
		return -1;
	set->slots[access_set_slot(set, fp)] = fp;
	set->count++;
	return 0;
}

/* access_filter_reset - an empty filter sized for n keys, not ready;
 * -1 on ENOMEM */
int access_filter_reset(struct access_filter *f, size_t n)
{
	size_t bits = 1024;

	free(f->bits);
	memset(f, 0, sizeof(*f));
	while (bits < ACCESS_FILTER_BITS_MAX
	       && bits / ACCESS_FILTER_BITS_PER_KEY < n)
		bits *= 2;
	f->bits = calloc(bits / 64, sizeof(uint64_t));
	f->mask = bits - 1;
	return f->bits != NULL ? 0 : -1;
}

/* access_filter_probe - the i-th bit of fp (double hashing) */
static size_t access_filter_probe(const struct access_filter *f, uint64_t fp,
				  unsigned i)
{
	return (size_t)((fp >> 32) + i * (fp | 1)) & f->mask;
}

/* access_filter_add - one key's fingerprint */
void access_filter_add(struct access_filter *f, uint64_t fp)
{
	for (unsigned i = 0; i < ACCESS_FILTER_PROBES; i++) {
		size_t bit = access_filter_probe(f, fp, i);

		f->bits[bit / 64] |= (uint64_t)1 << (bit % 64);
	}
}

/* access_filter_lacks - 1 when one of fp's bits is clear */
int access_filter_lacks(const struct access_filter *f, uint64_t fp)
{
	for (unsigned i = 0; i < ACCESS_FILTER_PROBES; i++) {
		size_t bit = access_filter_probe(f, fp, i);

		if (!(f->bits[bit / 64] & ((uint64_t)1 << (bit % 64))))
			return 1;
	}
	return 0;
}
