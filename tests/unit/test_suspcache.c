/*
 * test_suspcache - suspicious hosts kept with their detection, exact
 * names only, fixed size, clear.
 */
#include <stdio.h>
#include <string.h>

#include "suspcache.h"
#include "tap.h"

int main(void)
{
	struct suspcache *cache = suspcache_new();
	struct detection d, got;
	char host[64];
	char longname[HOSTCACHE_NAME_MAX + 2];
	int lookalike = -1;
	int kept = 0;

	tap_ok(cache != NULL, "cache created");
	memset(&d, 0, sizeof(d));
	strcpy(d.phished_domain, "marriott.com");
	strcpy(d.registrable, "marriott.com");
	strcpy(d.rule, "label:emalsrv");
	tap_is_long(suspcache_get(cache, "emalsrv.marriott.com", &got,
				  &lookalike), 0, "empty at first");
	suspcache_put(cache, "emalsrv.marriott.com", &d, 0);
	memset(&got, 0, sizeof(got));
	tap_is_long(suspcache_get(cache, "emalsrv.marriott.com", &got,
				  &lookalike), 1, "an added host is there");
	tap_ok(strcmp(got.phished_domain, "marriott.com") == 0
	       && strcmp(got.registrable, "marriott.com") == 0
	       && strcmp(got.rule, "label:emalsrv") == 0 && lookalike == 0,
	       "with its detection and how it was found");
	strcpy(d.phished_domain, "paypal.com");
	strcpy(d.registrable, "paypa1.com");
	strcpy(d.rule, "lookalike:homoglyph");
	suspcache_put(cache, "mail.paypa1.com", &d, 1);
	tap_ok(suspcache_get(cache, "mail.paypa1.com", &got, &lookalike) == 1
	       && lookalike == 1 && strcmp(got.registrable, "paypa1.com") == 0,
	       "a lookalike keeps its registrable domain");
	tap_is_long(suspcache_get(cache, "emalsrv.marriott.co", &got,
				  &lookalike), 0, "a prefix is not there");
	tap_is_long(suspcache_get(cache, "xemalsrv.marriott.com", &got,
				  &lookalike), 0, "a longer name is not");
	/* the same first slot (FNV-1a % 128): senders of two campaigns
	 * taking turns were judged afresh each time */
	suspcache_clear(cache);
	suspcache_put(cache, "emalsrv.marriott.com", &d, 0);
	suspcache_put(cache, "paypa1.com", &d, 1);
	tap_ok(suspcache_get(cache, "emalsrv.marriott.com", &got, &lookalike)
	       && suspcache_get(cache, "paypa1.com", &got, &lookalike),
	       "two hosts of one first slot both stay");
	for (int i = 0; i < 10 * SUSPCACHE_SLOTS; i++) {
		snprintf(host, sizeof(host), "h%d.example", i);
		suspcache_put(cache, host, &d, 1);
	}
	for (int i = 0; i < 10 * SUSPCACHE_SLOTS; i++) {
		snprintf(host, sizeof(host), "h%d.example", i);
		kept += suspcache_get(cache, host, &got, &lookalike);
	}
	tap_ok(kept > 0 && kept <= SUSPCACHE_SLOTS,
	       "never more hosts than slots: newcomers replace");
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	suspcache_put(cache, longname, &d, 0);
	tap_is_long(suspcache_get(cache, longname, &got, &lookalike), 0,
		    "a name over HOSTCACHE_NAME_MAX is never cached");
	suspcache_clear(cache);
	tap_is_long(suspcache_get(cache, "h1.example", &got, &lookalike), 0,
		    "clear forgets");
	suspcache_free(cache);
	return tap_done();
}
