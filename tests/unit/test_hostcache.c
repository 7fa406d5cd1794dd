/*
 * test_hostcache - remembered hosts, exact names only, fixed size, clear.
 */
#include <stdio.h>
#include <string.h>

#include "hostcache.h"
#include "tap.h"

int main(void)
{
	struct hostcache *cache = hostcache_new();
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
	return tap_done();
}
