/*
 * test_relaycache - a relay row is known stored only once its
 * transaction committed, never after a rollback, never for another
 * campaign or another relay, never for a relay that is not an IPv4
 * address as hostname.c writes one; a campaign pushed out of the
 * table, rows pushed out of their set and a cleared cache are asked
 * for again; a transaction of more rows than its list still ends
 * right.
 */
#include <stdio.h>
#include <string.h>

#include "relaycache.h"
#include "tap.h"

/* test_commit - pending until the commit, gone after an abort */
static void test_commit(void)
{
	struct relaycache *c = relaycache_new();

	tap_ok(c != NULL, "a cache");
	tap_ok(!relaycache_has(c, "marriott.com", "192.0.2.7"), "empty: not known");
	relaycache_put(c, "marriott.com", "192.0.2.7");
	tap_ok(!relaycache_has(c, "marriott.com", "192.0.2.7"), "put, not committed: not known");
	relaycache_commit(c);
	tap_ok(relaycache_has(c, "marriott.com", "192.0.2.7"), "committed: known");
	relaycache_put(c, "marriott.com", "192.0.2.8");
	relaycache_abort(c);
	tap_ok(!relaycache_has(c, "marriott.com", "192.0.2.8"), "rolled back: not known");
	relaycache_commit(c);
	tap_ok(!relaycache_has(c, "marriott.com", "192.0.2.8"), "nor after a later commit");
	tap_ok(relaycache_has(c, "marriott.com", "192.0.2.7"), "the committed row stays known");
	relaycache_put(c, "marriott.com", "192.0.2.7");
	relaycache_abort(c);
	tap_ok(relaycache_has(c, "marriott.com", "192.0.2.7"), "a committed row put again and rolled back: still stored");
	relaycache_clear(c);
	tap_ok(!relaycache_has(c, "marriott.com", "192.0.2.7"), "cleared: not known");
	relaycache_free(c);
}

/* test_exact - another campaign, another relay, another text */
static void test_exact(void)
{
	static const char *const not_cached[] = {
	    "192.0.2.07", "192.0.2.256", "192.0.2", "192.0.2.7.1", "192.0.2.7 ",
	    "0192.0.2.7", "2001:db8::7", "mx.example.com", "", "1..2.3",
	};
	struct relaycache *c = relaycache_new();
	int known = 0;

	relaycache_put(c, "marriott.com", "192.0.2.7");
	relaycache_put(c, "marriott.com", "0.0.0.0");
	relaycache_put(c, "marriott.com", "255.255.255.255");
	relaycache_commit(c);
	tap_ok(!relaycache_has(c, "marriott.co", "192.0.2.7"), "another campaign: not known");
	tap_ok(!relaycache_has(c, "marriott.com", "192.0.2.70"), "another relay: not known");
	tap_ok(!relaycache_has(c, "marriott.com", "192.0.27.0"), "the same digits, other parts: not known");
	tap_ok(relaycache_has(c, "marriott.com", "0.0.0.0") && relaycache_has(c, "marriott.com", "255.255.255.255"),
	       "the smallest and largest addresses: known");
	for (size_t i = 0; i < sizeof(not_cached) / sizeof(not_cached[0]); i++) {
		relaycache_put(c, "marriott.com", not_cached[i]);
		relaycache_commit(c);
		known += relaycache_has(c, "marriott.com", not_cached[i]);
	}
	tap_is_long(known, 0, "no other text is cached (leading zeros, IPv6, names, bad forms)");
	relaycache_free(c);
}

/* test_bounded - rows and campaigns pushed out are asked for again;
 * only rows put and committed are ever known */
static void test_bounded(void)
{
	struct relaycache *c = relaycache_new();
	char relay[32], name[32];
	int wrong = 0, kept = 0;

	for (int i = 0; i < 3 * RELAYCACHE_ROWS; i++) {
		snprintf(relay, sizeof(relay), "10.%d.%d.%d", i >> 16 & 255,
			 i >> 8 & 255, i & 255);
		relaycache_put(c, "marriott.com", relay);
		if (i % 100 == 99)
			relaycache_commit(c);
	}
	relaycache_commit(c);
	for (int i = 0; i < 4 * RELAYCACHE_ROWS; i++) {
		int has;

		snprintf(relay, sizeof(relay), "10.%d.%d.%d", i >> 16 & 255,
			 i >> 8 & 255, i & 255);
		has = relaycache_has(c, "marriott.com", relay);
		wrong += has && i >= 3 * RELAYCACHE_ROWS;
		kept += has;
	}
	tap_is_long(wrong, 0, "no relay that was never put is known");
	tap_ok(kept > RELAYCACHE_ROWS / 2 && kept <= RELAYCACHE_ROWS, "at most the table's rows known, most of it used");
	for (int i = 0; i < 4 * RELAYCACHE_CAMPAIGNS; i++) {
		snprintf(name, sizeof(name), "brand%d.example", i);
		relaycache_put(c, name, "192.0.2.1");
	}
	relaycache_commit(c);
	tap_ok(!relaycache_has(c, "brand0.example", "192.0.2.1") || !relaycache_has(c, "brand1.example", "192.0.2.1"),
	       "campaigns pushed out of the table: their rows asked for again");
	tap_ok(relaycache_has(c, "brand511.example", "192.0.2.1"), "the latest campaign's row known");
	relaycache_free(c);
}

/* relay_of - the i-th relay of the block 10.net.0.0/16 */
static const char *relay_of(char relay[32], int net, int i)
{
	snprintf(relay, 32, "10.%d.%d.%d", net, i >> 8 & 255, i & 255);
	return relay;
}

/* put_all - n relays of a block put, in one transaction */
static void put_all(struct relaycache *c, int net, int n)
{
	char relay[32];

	for (int i = 0; i < n; i++)
		relaycache_put(c, "marriott.com", relay_of(relay, net, i));
}

/* known_of - how many of n relays of a block are known */
static int known_of(struct relaycache *c, int net, int n)
{
	char relay[32];
	int known = 0;

	for (int i = 0; i < n; i++)
		known += relaycache_has(c, "marriott.com", relay_of(relay, net, i));
	return known;
}

/* test_long_transaction - more rows than the pending list */
static void test_long_transaction(void)
{
	struct relaycache *c = relaycache_new();
	char relay[32];
	int known = 0;
	const int n = RELAYCACHE_PENDING + 500;

	put_all(c, 1, n);
	relaycache_abort(c);
	for (int i = 0; i < n; i++) {
		relaycache_put(c, "marriott.com", relay_of(relay, 1, i));
		relaycache_commit(c);
		known += relaycache_has(c, "marriott.com", relay);
	}
	tap_is_long(known, n, "rolled back beyond the list: each put again, then known");
	put_all(c, 2, n);
	relaycache_abort(c);
	tap_is_long(known_of(c, 2, n), 0, "a transaction beyond the list rolled back: none known");
	put_all(c, 3, n);
	relaycache_commit(c);
	tap_ok(known_of(c, 3, n) > n / 2, "a transaction beyond the list committed: its rows known");
	relaycache_free(c);
}

int main(void)
{
	test_commit();
	test_exact();
	test_bounded();
	test_long_transaction();
	return tap_done();
}
