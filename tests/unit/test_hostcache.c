/*
 * test_hostcache - remembered hosts, exact names only, fixed size, clear
 * by generation: a host of an older one is never served, and a clear
 * touches none of the cache's memory; HOSTCACHE_WAYS hosts of one hash
 * all stay, one more pushes the oldest out, and a newcomer takes the
 * place of a host of an older generation first.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hostcache.h"
#include "strmap.h"
#include "tap.h"

/* same_pair - n names whose hashes fall on one slot (and set) */
static void same_pair(char names[][32], int n)
{
	unsigned long want = 0;
	int found = 0;

	for (int i = 0; found < n; i++) {
		unsigned long pair;

		snprintf(names[found], sizeof(names[found]), "p%d.example", i);
		pair = (unsigned long)(strmap_hash(names[found],
						   strlen(names[found]))
				       % HOSTCACHE_SLOTS);
		if (found == 0)
			want = pair;
		if (pair == want)
			found++;
	}
}

/* kept - how many of names[from..to) the cache has */
static int kept(const struct hostcache *cache, char names[][32], int from,
		int to)
{
	int n = 0;

	for (int i = from; i < to; i++)
		n += hostcache_has(cache, names[i]);
	return n;
}

/* test_pairs - HOSTCACHE_WAYS hosts of one set are all kept; one more
 * evicts the one added first; after a clear, newcomers take the places
 * of the older generation */
static void test_pairs(void)
{
	struct hostcache *cache = hostcache_new();
	char names[2 * HOSTCACHE_WAYS + 1][32];

	same_pair(names, 2 * HOSTCACHE_WAYS + 1);
	for (int i = 0; i < HOSTCACHE_WAYS; i++)
		hostcache_add(cache, names[i]);
	tap_is_long(kept(cache, names, 0, HOSTCACHE_WAYS), HOSTCACHE_WAYS,
		    "HOSTCACHE_WAYS hosts of one hash are all kept");
	hostcache_add(cache, names[HOSTCACHE_WAYS]);
	tap_ok(!hostcache_has(cache, names[0])
		   && kept(cache, names, 1, HOSTCACHE_WAYS + 1)
			  == HOSTCACHE_WAYS,
	       "one more pushes the oldest out");
	hostcache_clear(cache);
	for (int i = HOSTCACHE_WAYS + 1; i < 2 * HOSTCACHE_WAYS + 1; i++)
		hostcache_add(cache, names[i]);
	tap_is_long(kept(cache, names, HOSTCACHE_WAYS + 1,
			 2 * HOSTCACHE_WAYS + 1),
		    HOSTCACHE_WAYS, "after a clear, a full set of newcomers all kept");
	tap_is_long(kept(cache, names, 0, HOSTCACHE_WAYS + 1), 0,
		    "and none of the older generation served");
	hostcache_free(cache);
}

/* resident_kib - the process's resident set, or -1 */
static long resident_kib(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	long size, resident = -1;

	if (f == NULL)
		return -1;
	if (fscanf(f, "%ld %ld", &size, &resident) != 2)
		resident = -1;
	fclose(f);
	return resident < 0 ? -1 : resident * (sysconf(_SC_PAGESIZE) / 1024);
}

/* test_generations - what was there before a clear is gone, what comes
 * after is there, however many clears */
static void test_generations(void)
{
	struct hostcache *cache = hostcache_new();
	int stale = 0, fresh = 0;

	hostcache_add(cache, "ordinary.example");
	hostcache_add(cache, "other.example");
	hostcache_clear(cache);
	tap_is_long(hostcache_has(cache, "ordinary.example"), 0,
		    "a host cached before a clear (a new brand) is not served");
	hostcache_add(cache, "ordinary.example");
	tap_is_long(hostcache_has(cache, "ordinary.example"), 1,
		    "the same host cached again after it is");
	tap_is_long(hostcache_has(cache, "other.example"), 0,
		    "and another host of the old generation still is not");
	for (int i = 0; i < 1000; i++) {
		hostcache_clear(cache);
		stale += hostcache_has(cache, "ordinary.example");
		hostcache_add(cache, "ordinary.example");
		fresh += hostcache_has(cache, "ordinary.example");
	}
	tap_ok(stale == 0 && fresh == 1000,
	       "a thousand clears: never stale, always fresh");
	hostcache_free(cache);
}

/* test_clear_touches_nothing - clearing a cache that was never filled
 * leaves its 512 KiB out of memory: a clear moves the generation and
 * writes no slot (it wrote the first byte of all 8192, at each brand
 * learned) */
static void test_clear_touches_nothing(void)
{
	struct hostcache *cache = hostcache_new();
	long before, after;

	hostcache_add(cache, "ordinary.example");
	(void) resident_kib();	/* stdio's buffers in first */
	before = resident_kib();
	for (int i = 0; i < 100; i++)
		hostcache_clear(cache);
	after = resident_kib();
	tap_ok(before > 0 && after >= 0, "the resident set can be read");
	tap_ok(after - before < 64,
	       "a hundred clears bring no slot page in (resident growth "
	       "under 64 KiB)");
	if (after - before >= 64)
		printf("# resident before %ld KiB, after %ld KiB\n", before,
		       after);
	hostcache_free(cache);
}

int main(void)
{
	struct hostcache *cache;

	/* First, while the allocator still maps a new cache afresh: one
	 * that reuses a freed one's memory is resident from the start. */
	test_clear_touches_nothing();
	cache = hostcache_new();
	char host[64];
	char longname[HOSTCACHE_NAME_MAX + 2];
	int kept = 0;

	tap_ok(cache != NULL, "cache created");
	tap_is_long(hostcache_has(cache, "example.org"), 0, "empty at first");
	hostcache_add(cache, "example.org");
	tap_is_long(hostcache_has(cache, "example.org"), 1, "an added host is there");
	tap_is_long(hostcache_has(cache, "example.or"), 0, "a prefix is not");
	tap_is_long(hostcache_has(cache, "xexample.org"), 0, "a longer name is not");
	for (int i = 0; i < 10 * HOSTCACHE_SLOTS; i++) {
		snprintf(host, sizeof(host), "h%d.example", i);
		hostcache_add(cache, host);
	}
	for (int i = 0; i < 10 * HOSTCACHE_SLOTS; i++) {
		snprintf(host, sizeof(host), "h%d.example", i);
		kept += hostcache_has(cache, host);
	}
	tap_ok(kept > 0 && kept <= HOSTCACHE_SLOTS,
	       "never more hosts than slots: newcomers replace");
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	hostcache_add(cache, longname);
	tap_is_long(hostcache_has(cache, longname), 0,
		    "a name over HOSTCACHE_NAME_MAX is never cached");
	hostcache_clear(cache);
	tap_is_long(hostcache_has(cache, "h1.example"), 0, "clear forgets");
	hostcache_free(cache);
	test_generations();
	test_pairs();
	return tap_done();
}
