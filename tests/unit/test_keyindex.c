/*
 * test_keyindex - the slot of a key found as a scan of the keys finds
 * it, through adds and removals in any order, keys that share a home
 * bucket and runs that wrap round the end of the buckets; a key count
 * that says "none" only when no slot holds the key.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "keyindex.h"
#include "tap.h"

#define SLOTS 128

/* next_random - xorshift64*, a fixed sequence */
static uint64_t next_random(uint64_t *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return *state * 2685821657736338717ULL;
}

/* home_of - the bucket keyindex.c starts a key's run at */
static unsigned home_of(uint64_t key)
{
	return (unsigned)((key * 0x9e3779b97f4a7c15ULL) >> 56);
}

/* key_at - a random nonzero key whose run starts at bucket home */
static uint64_t key_at(uint64_t *state, unsigned home)
{
	uint64_t key;

	do
		key = next_random(state);
	while (key == 0 || home_of(key) != home);
	return key;
}

/* scan - the slot holding key, as a scan finds it, or -1 */
static int scan(const uint64_t *keys, uint64_t key)
{
	for (int i = 0; key != 0 && i < SLOTS; i++)
		if (keys[i] == key)
			return i;
	return -1;
}

/* set_key - slot i takes key (0: frees it), index kept */
static void set_key(struct keyindex *x, uint64_t *keys, int i, uint64_t key)
{
	if (keys[i] != 0)
		keyindex_del(x, keys, i);
	keys[i] = key;
	if (key != 0)
		keyindex_add(x, keys, i);
}

/* all_found - every slot's key found at its slot, and some keys held
 * by none found nowhere */
static int all_found(const struct keyindex *x, const uint64_t *keys,
		     uint64_t *state)
{
	for (int i = 0; i < SLOTS; i++)
		if (keyindex_find(x, keys, keys[i]) != scan(keys, keys[i]))
			return 0;
	for (int n = 0; n < 64; n++) {
		uint64_t other = next_random(state);

		if (keyindex_find(x, keys, other) != scan(keys, other))
			return 0;
	}
	return 1;
}

/* test_churn - slots taken and freed at random, in few home buckets
 * (long runs, some wrapping round bucket 255) and in any */
static void test_churn(void)
{
	static const unsigned homes[] = {254, 255, 0, 1, 7};
	uint64_t state = 88172645463325252ULL;
	uint64_t keys[SLOTS];
	struct keyindex x;
	int same = 1;

	memset(keys, 0, sizeof(keys));
	memset(&x, 0, sizeof(x));
	for (int step = 0; step < 20000 && same; step++) {
		int i = (int)(next_random(&state) % SLOTS);
		uint64_t r = next_random(&state);
		uint64_t key = 0;

		if (r % 4 != 0)
			key = step < 10000 ? key_at(&state, homes[r % 5])
					   : next_random(&state) | 1;
		set_key(&x, keys, i, key);
		same = all_found(&x, keys, &state);
	}
	tap_ok(same, "after 20,000 random changes, every key is where a scan finds it");
}

/* test_run_back - removing the first of a run keeps the rest found */
static void test_run_back(void)
{
	uint64_t state = 7;
	uint64_t keys[SLOTS];
	struct keyindex x;

	memset(keys, 0, sizeof(keys));
	memset(&x, 0, sizeof(x));
	set_key(&x, keys, 0, key_at(&state, 255));
	set_key(&x, keys, 1, key_at(&state, 255));
	set_key(&x, keys, 2, key_at(&state, 0));
	set_key(&x, keys, 3, key_at(&state, 255));
	tap_ok(keyindex_find(&x, keys, keys[3]) == 3, "a run wraps round the last bucket");
	set_key(&x, keys, 0, 0);
	tap_ok(keyindex_find(&x, keys, keys[1]) == 1 && keyindex_find(&x, keys, keys[2]) == 2 && keyindex_find(&x, keys, keys[3]) == 3,
	       "the first of the run removed: the others are still found");
	set_key(&x, keys, 2, 0);
	tap_ok(keyindex_find(&x, keys, keys[3]) == 3, "one in the middle removed: the last is still found");
	tap_ok(keyindex_find(&x, keys, 0) == -1, "key 0 is never found");
}

/* test_count - "none" only for keys no slot holds */
static void test_count(void)
{
	uint64_t state = 99;
	struct keycount c;
	uint64_t a = key_at(&state, 3);
	uint64_t b = key_at(&state, 3);
	uint64_t other = key_at(&state, 4);

	memset(&c, 0, sizeof(c));
	tap_ok(!keycount_may_have(&c, a), "empty: none");
	keycount_add(&c, a);
	keycount_add(&c, a);
	tap_ok(keycount_may_have(&c, a), "held twice: maybe");
	keycount_del(&c, a);
	tap_ok(keycount_may_have(&c, a), "one holder left: maybe");
	tap_ok(keycount_may_have(&c, b), "another key of its bucket: maybe (a scan tells)");
	tap_ok(!keycount_may_have(&c, other), "a key of another bucket: none");
	keycount_del(&c, a);
	tap_ok(!keycount_may_have(&c, a), "no holder left: none");
}

int main(void)
{
	test_churn();
	test_run_back();
	test_count();
	return tap_done();
}
