/*
 * test_strmap - insert, replace, lookup, delete with backward shift, growth.
 */
#include <stdint.h>
#include <stdio.h>

#include "strmap.h"
#include "tap.h"

static void count_entry(const char *key, void *value, void *ctx)
{
	(void) key;
	(void) value;
	(*(long *) ctx)++;
}

int main(void)
{
	struct strmap *map = strmap_new(4);
	char key[32];
	void *old;
	int all_found = 1;
	long walked = 0;

	tap_ok(map != NULL, "map created");
	tap_is_long(strmap_put(map, "a.com", (void *) 1, &old), 0, "insert");
	tap_ok(old == NULL, "new key has no old value");
	strmap_put(map, "a.com", (void *) 2, &old);
	tap_ok(old == (void *) 1, "replace returns the old value");
	tap_ok(strmap_get(map, "a.com") == (void *) 2, "lookup");
	tap_ok(strmap_getn(map, "a.comX", 5) == (void *) 2,
	       "lookup by length ignores what follows");
	tap_ok(strmap_get(map, "b.com") == NULL, "absent key");
	for (intptr_t i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "k%ld", (long) i);
		strmap_put(map, key, (void *) (i + 1), NULL);
	}
	for (intptr_t i = 0; i < 5000; i += 2) {
		snprintf(key, sizeof(key), "k%ld", (long) i);
		strmap_del(map, key);
	}
	for (intptr_t i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "k%ld", (long) i);
		if ((strmap_get(map, key) != NULL) != (i % 2 == 1))
			all_found = 0;
	}
	tap_ok(all_found, "after growth and deleting half, the rest are found");
	tap_is_long((long) strmap_count(map), 2501, "count");
	strmap_walk(map, count_entry, &walked);
	tap_is_long(walked, 2501, "walk visits every entry");
	tap_ok(strmap_del(map, "nope") == NULL, "deleting an absent key");
	strmap_free(map, NULL);
	return tap_done();
}
