/*
 * test_store_memory - the store's rows through its API, on a store in
 * memory: campaigns and senders added and known, names refused, a
 * campaign forgotten, counts walked per hour or per day, more campaigns
 * than the cache of known ones holds, and a batch of more rows than its
 * table.
 */
#include <stdio.h>
#include <string.h>

#include "store.h"
#include "store_messages.h"
#include "storeint.h"	/* the cache's size and its evictions */
#include "tap.h"

/* test_memory - without a path the store works, in memory */
static void test_memory(void)
{
	char err[STORE_ERR_MAX] = "";
	struct store *st = store_open(NULL, err);
	char long_name[STORE_ERR_MAX * 4];

	if (!tap_ok(st != NULL, "memory store opens")) {
		printf("# %s\n", err);
		return;
	}
	tap_is_long(store_campaign_count(st), 0, "memory: starts empty");
	tap_is_long(store_campaign_known(st, "marriott.com"), 0,
		    "memory: unknown campaign is not known");
	tap_is_long(store_campaign_add(st, "marriott.com",
				       "emalsrv.marriott.com", "label:emalsrv",
				       1000), 0, "memory: campaign add");
	tap_is_long(store_campaign_known(st, "marriott.com"), 1,
		    "memory: added campaign is known");
	tap_is_long(store_sender_known(st, "emalsrv.marriott.com"), 1,
		    "memory: campaign add records its first sender");
	tap_is_long(store_sender_known(st, "complains.marriott.com"), 0,
		    "memory: other sender not known");
	tap_is_long(store_campaign_add(st, "marriott.com",
				       "emalsrv.marriott.com", "label:emalsrv",
				       1000), 0,
		    "memory: adding the same campaign again is harmless");
	tap_is_long(store_campaign_count(st), 1, "memory: one campaign");
	tap_is_long(store_sender_add(st, "linkedin.com",
				     "complains.linkedin.com",
				     "label:complains", 1001), 0,
		    "memory: sender of an access-map-only campaign is stored");
	tap_is_long(store_campaign_known(st, "linkedin.com"), 0,
		    "memory: ... without making its campaign stored");
	tap_is_long(seen_one(st, "marriott.com", "emalsrv.marriott.com",
			       1002), 0, "memory: seen in a batch");
	tap_is_long(store_commit(st), 0, "memory: commit");
	tap_is_long(store_commit(st), 0, "memory: commit with nothing open");
	memset(long_name, 'a', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	tap_is_long(store_campaign_add(st, long_name, "x.example", "r", 1), -1,
		    "memory: overlong name refused");
	tap_ok(!store_busy(st), "memory: ... and that is not transient");
	tap_is_long(store_campaign_known(st, long_name), 0,
		    "memory: overlong name is not known");
	tap_is_long(store_campaign_add(st, NULL, "x.example", "r", 1), -1,
		    "memory: NULL name refused");
	tap_ok(strstr(store_errmsg(st), ":memory:") != NULL,
	       "memory: messages name the store");
	store_close(st, NULL);
}

/* test_forget - a campaign's rows go, others stay, the cache follows */
static void test_forget(void)
{
	char err[STORE_ERR_MAX] = "";
	struct store *st = store_open(NULL, err);
	struct store_forgotten gone;

	if (!tap_ok(st != NULL, "forget: memory store opens"))
		return;
	store_campaign_add(st, "marriott.com", "emalsrv.marriott.com",
			   "label:emalsrv", 1000);
	store_sender_add(st, "marriott.com", "complains.marriott.com",
			 "label:complains", 1001);
	store_campaign_add(st, "ups.com", "emalsrv.ups.com", "label:emalsrv",
			   1002);
	store_relay(st, "marriott.com", "192.0.2.7");
	tap_is_long(store_commit(st), 0, "forget: rows committed");
	tap_is_long(store_forget(st, "marriott.com", &gone), 0,
		    "forget: a stored campaign");
	tap_is_long(gone.campaigns, 1, "forget: its campaign row");
	tap_is_long(gone.senders, 2, "forget: its two sender domains");
	tap_is_long(gone.relays, 1, "forget: its relay");
	tap_is_long(store_campaign_known(st, "marriott.com"), 0,
		    "forget: no longer known (cache)");
	tap_is_long(store_sender_known(st, "complains.marriott.com"), 0,
		    "forget: its sender no longer known");
	tap_is_long(store_campaign_count(st), 1, "forget: the other stays");
	tap_is_long(store_forget(st, "marriott.com", &gone), 0,
		    "forget: again is no failure");
	tap_is_long(gone.campaigns + gone.senders + gone.mtas + gone.relays
		    + gone.hours, 0, "forget: ... and deletes nothing");
	tap_is_long(store_forget(st, NULL, &gone), -1, "forget: NULL refused");
	store_close(st, NULL);
}

/* bucket_line - a bucket as "start:messages", appended to a buffer */
static int bucket_line(const struct store_bucket *b, void *ctx)
{
	char *buf = ctx;
	size_t n = strlen(buf);

	snprintf(buf + n, 256 - n, "%s%lld:%llu", n > 0 ? " " : "",
		 (long long) b->start, b->n[TRACK_MESSAGES]);
	return 0;
}

/* test_buckets - counts per hour, walked per hour or per day */
static void test_buckets(void)
{
	char err[STORE_ERR_MAX] = "";
	struct store *st = store_open(NULL, err);
	char buf[256] = "";

	if (!tap_ok(st != NULL, "buckets: memory store opens"))
		return;
	store_campaign_add(st, "marriott.com", "emalsrv.marriott.com",
			   "label:emalsrv", 86400);
	tap_is_long(seen_one(st, "marriott.com", "emalsrv.marriott.com",
			     86400 + 10) == 0 && seen_one(st, "marriott.com",
			     "emalsrv.marriott.com", 86400 + 3599) == 0
		    && seen_one(st, "marriott.com", "emalsrv.marriott.com",
				86400 + 3600) == 0
		    && seen_one(st, "marriott.com", "emalsrv.marriott.com",
				2 * 86400 + 7200) == 0, 1,
		    "buckets: four lines counted");
	tap_is_long(store_buckets(st, "marriott.com", 3600, bucket_line,
				  buf), 0, "buckets: hours walked");
	tap_is_str(buf, "86400:2 90000:1 180000:1",
		   "buckets: per hour, the hour's first second, oldest first");
	buf[0] = '\0';
	store_buckets(st, "marriott.com", 86400, bucket_line, buf);
	tap_is_str(buf, "86400:3 172800:1", "buckets: per day");
	buf[0] = '\0';
	store_buckets(st, "linkedin.com", 3600, bucket_line, buf);
	tap_is_str(buf, "", "buckets: none for another campaign");
	tap_is_long(store_buckets(st, "marriott.com", 1800, bucket_line, buf),
		    -1, "buckets: a width of less than an hour is refused");
	store_close(st, NULL);
}

/* cache_add - campaign i (brandI.example, sender emalsrv.brandI.example) */
static int cache_add(struct store *st, int i)
{
	char domain[64], sender[80];

	snprintf(domain, sizeof(domain), "brand%d.example", i);
	snprintf(sender, sizeof(sender), "emalsrv.%s", domain);
	return store_campaign_add(st, domain, sender, "label:emalsrv",
				  1000 + i);
}

/* sum_messages - store_campaigns() callback: messages of all campaigns */
static int sum_messages(const struct store_campaign *c, void *ctx)
{
	*(unsigned long long *) ctx += c->n[TRACK_MESSAGES];
	return 0;
}

/* count_all - one message for each campaign i < n, in one batch: more
 * rows than the batch table holds, so written early, then committed */
static int count_all(struct store *st, int n)
{
	char domain[64], sender[80];
	int failed = 0;

	for (int i = 0; i < n; i++) {
		snprintf(domain, sizeof(domain), "brand%d.example", i);
		snprintf(sender, sizeof(sender), "emalsrv.%s", domain);
		failed += seen_one(st, domain, sender, 6000 + i) < 0;
	}
	return failed == 0 ? store_commit(st) : -1;
}

/* test_cache - more campaigns than the cache holds: the evicted ones
 * are read again from SQLite, still known (no second first-seen); a
 * forgotten one is neither cached nor known */
static void test_cache(void)
{
	enum { N = STORE_CACHE_SIZE + 16 };
	char err[STORE_ERR_MAX] = "";
	struct store *st = store_open(NULL, err);
	struct store_forgotten gone;
	unsigned long long sum = 0;
	int failed = 0;

	if (!tap_ok(st != NULL, "cache: store opens"))
		return;
	for (int i = 0; i < N; i++)
		failed += cache_add(st, i) < 0;
	tap_is_long(failed, 0, "cache: more campaigns than the cache holds");
	tap_ok(storecache_evictions(st->known) >= 16,
	       "cache: the oldest campaigns were evicted");
	tap_is_long(storecache_has(st->known, "brand0.example"), 0,
		    "cache: brand0.example is out of the cache");
	tap_is_long(store_campaign_known(st, "brand0.example"), 1,
		    "cache: an evicted campaign is still known (read again)");
	tap_is_long(storecache_has(st->known, "brand0.example"), 1,
		    "cache: and cached again");
	tap_is_long(store_sender_known(st, "emalsrv.brand1.example"), 1,
		    "cache: an evicted sender is still known");
	tap_is_long(store_campaign_known(st, "brand-never.example"), 0,
		    "cache: a campaign never added is not known");
	tap_is_long(seen_one(st, "brand2.example", "emalsrv.brand2.example",
			     5000), 0, "cache: an evicted campaign counted");
	tap_is_long(store_commit(st), 0, "cache: commit");
	tap_is_long(store_campaign_count(st), N, "cache: every row stored");
	tap_is_long(count_all(st, N), 0, "batch: more rows than its table");
	tap_is_long(store_campaigns(st, sum_messages, &sum), 0, "batch: walk");
	tap_is_long((long) sum, N + 1, "batch: every message counted once");
	tap_is_long(store_forget(st, "brand0.example", &gone), 0,
		    "cache: forget a cached campaign");
	tap_is_long(store_campaign_known(st, "brand0.example"), 0,
		    "cache: a forgotten campaign is no longer known");
	tap_is_long(store_sender_known(st, "emalsrv.brand0.example"), 0,
		    "cache: nor its sender");
	store_close(st, NULL);
}

int main(void)
{
	test_memory();
	test_forget();
	test_buckets();
	test_cache();
	return tap_done();
}
