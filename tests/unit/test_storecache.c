/*
 * test_storecache - the fixed-size cache of known campaigns: bounded,
 * least recently used out first, every cached name found after many
 * evictions, emptied entries reused first.
 */
#include <stdio.h>
#include <string.h>

#include "storecache.h"
#include "tap.h"

/* name_of - the i-th test name */
static const char *name_of(int i, char *buf, size_t size)
{
	snprintf(buf, size, "brand%d.example", i);
	return buf;
}

/* test_lru - the least recent goes first; a hit makes a name recent */
static void test_lru(void)
{
	struct storecache *c = storecache_new(4);
	const char *names[] = { "a.com", "b.com", "c.com", "d.com" };

	if (!tap_ok(c != NULL, "lru: created"))
		return;
	for (int i = 0; i < 4; i++)
		storecache_put(c, names[i]);
	tap_ok(storecache_has(c, "a.com") && storecache_has(c, "d.com"),
	       "lru: full, every name there");
	tap_is_long((long) storecache_evictions(c), 0, "lru: no eviction yet");
	storecache_put(c, "e.com");	/* b.com is now the least recent */
	tap_is_long((long) storecache_evictions(c), 1, "lru: one eviction");
	tap_is_long(storecache_has(c, "b.com"), 0, "lru: b.com pushed out");
	tap_ok(storecache_has(c, "a.com") && storecache_has(c, "c.com")
	       && storecache_has(c, "d.com") && storecache_has(c, "e.com"),
	       "lru: a.com, touched, stays with the others");
	storecache_put(c, "a.com");
	tap_is_long((long) storecache_evictions(c), 1,
		    "lru: putting a cached name evicts nothing");
	storecache_del(c, "c.com");
	tap_is_long(storecache_has(c, "c.com"), 0, "del: c.com gone");
	storecache_put(c, "f.com");
	tap_is_long((long) storecache_evictions(c), 1,
		    "del: the emptied entry is reused, nothing evicted");
	tap_ok(storecache_has(c, "a.com") && storecache_has(c, "d.com")
	       && storecache_has(c, "e.com") && storecache_has(c, "f.com"),
	       "del: the other names stay");
	storecache_free(c);
}

/* test_bounded - many more names than entries: the last ones found,
 * the others not, however the hash runs were reshuffled */
static void test_bounded(void)
{
	enum { SIZE = 64, NAMES = 10000 };
	struct storecache *c = storecache_new(SIZE);
	char buf[64];
	int found_new = 0, found_old = 0;

	if (!tap_ok(c != NULL, "bounded: created"))
		return;
	for (int i = 0; i < NAMES; i++) {
		storecache_put(c, name_of(i, buf, sizeof(buf)));
		if (i % 7 == 0)		/* forget some, to mix holes in */
			storecache_del(c, name_of(i / 2, buf, sizeof(buf)));
	}
	for (int i = NAMES - SIZE / 2; i < NAMES; i++)
		found_new += storecache_has(c, name_of(i, buf, sizeof(buf)));
	for (int i = 0; i < NAMES - SIZE; i++)
		found_old += storecache_has(c, name_of(i, buf, sizeof(buf)));
	tap_is_long(found_new, SIZE / 2, "bounded: the latest names found");
	tap_is_long(found_old, 0, "bounded: no older name left");
	tap_ok(storecache_evictions(c) >= NAMES - 2 * SIZE,
	       "bounded: evictions counted");
	storecache_free(c);
}

/* test_refused - what never enters */
static void test_refused(void)
{
	struct storecache *c = storecache_new(2);
	char name[STORECACHE_NAME_MAX + 2];

	if (!tap_ok(c != NULL, "refused: created"))
		return;
	memset(name, 'x', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	storecache_put(c, name);
	tap_is_long(storecache_has(c, name), 0, "refused: too long a name");
	storecache_put(c, "");
	tap_is_long(storecache_has(c, ""), 0, "refused: an empty name");
	name[STORECACHE_NAME_MAX] = '\0';
	storecache_put(c, name);
	tap_is_long(storecache_has(c, name), 1, "the longest name fits");
	tap_ok(storecache_new(0) == NULL, "refused: a cache of no entry");
	storecache_free(c);
}

int main(void)
{
	test_lru();
	test_bounded();
	test_refused();
	return tap_done();
}
