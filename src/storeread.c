/*
 * storeread - the store's walks (reports, summaries, the brands learned
 * at start), a campaign's time series, and forgetting a campaign (see
 * store.h).
 *
 * DESCRIPTION
 *	Each walk is one prepared statement stepped row by row: nothing is
 *	held in memory but the row at hand, however many campaigns there
 *	are.  The counts of the open batch are written first (storebatch.c),
 *	so that a walk sees every line counted so far, as it always did.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "store.h"
#include "storeint.h"

/* store_campaign_row - the current row of STMT_CAMPAIGNS as a struct */
static void store_campaign_row(sqlite3_stmt *stmt, struct store_campaign *c)
{
	c->phished_domain = (const char *)sqlite3_column_text(stmt, 0);
	c->rule = (const char *)sqlite3_column_text(stmt, 1);
	c->first_seen = (time_t)sqlite3_column_int64(stmt, 2);
	c->last_seen = (time_t)sqlite3_column_int64(stmt, 3);
	c->senders = (const char *)sqlite3_column_text(stmt, 4);
	c->relays = (unsigned long long)sqlite3_column_int64(stmt, 5);
	c->mtas = (const char *)sqlite3_column_text(stmt, 6);
	for (int i = 0; i < TRACK_COUNTERS; i++)
		c->n[i] = (unsigned long long)sqlite3_column_int64(stmt, 7 + i);
	if (c->senders == NULL)
		c->senders = "";
	if (c->mtas == NULL)
		c->mtas = "";
}

/* store_walk - campaigns in order of first seen; quiet_before 0: all */
static int store_walk(struct store *store, time_t quiet_before,
		      store_campaign_fn fn, void *ctx)
{
	enum store_stmt id = quiet_before == 0 ? STMT_CAMPAIGNS : STMT_QUIET;
	sqlite3_stmt *stmt = store->stmt[id];
	struct store_campaign c;
	int rc;
	int status = 0;

	if (store_batch_write(store) < 0
	    || (quiet_before != 0
		&& store_bind_int(store, id, P_TIME, quiet_before) < 0))
		return -1;
	while (status == 0 && (rc = store_step(store, id)) == SQLITE_ROW) {
		store_campaign_row(stmt, &c);
		if (c.phished_domain != NULL && c.rule != NULL)
			status = fn(&c, ctx);
	}
	(void)sqlite3_reset(stmt);
	return rc < 0 ? -1 : status;
}

/* store_campaigns - every campaign, oldest first */
int store_campaigns(struct store *store, store_campaign_fn fn, void *ctx)
{
	return store_walk(store, 0, fn, ctx);
}

/* store_quiet_campaigns - campaigns quiet since before a time and not
 * summarized since their last message */
int store_quiet_campaigns(struct store *store, time_t quiet_before,
			  store_campaign_fn fn, void *ctx)
{
	return store_walk(store, quiet_before > 0 ? quiet_before : 1, fn, ctx);
}

/* store_buckets - a campaign's counts per bucket of width seconds */
int store_buckets(struct store *store, const char *phished_domain, long width,
		  store_bucket_fn fn, void *ctx)
{
	sqlite3_stmt *stmt = store->stmt[STMT_BUCKETS];
	struct store_bucket b;
	int rc;
	int status = 0;

	if (width < STORE_HOUR || width % STORE_HOUR != 0)
		return store_fail_text(store, "bucket width not whole hours");
	if (store_check_text(store, phished_domain) < 0
	    || store_batch_write(store) < 0
	    || store_bind_text(store, STMT_BUCKETS, P_DOMAIN, phished_domain)
		   < 0
	    || store_bind_int(store, STMT_BUCKETS, P_TIME, width) < 0)
		return -1;
	while (status == 0
	       && (rc = store_step(store, STMT_BUCKETS)) == SQLITE_ROW) {
		b.start = (time_t)sqlite3_column_int64(stmt, 0);
		for (int i = 0; i < TRACK_COUNTERS; i++)
			b.n[i] = (unsigned long long)sqlite3_column_int64(
			    stmt, 1 + i);
		status = fn(&b, ctx);
	}
	(void)sqlite3_reset(stmt);
	return rc < 0 ? -1 : status;
}

/* store_summarized - a campaign's summary went out at its last_seen */
int store_summarized(struct store *store, const char *phished_domain,
		     time_t last_seen)
{
	if (store_check_text(store, phished_domain) < 0
	    || store_begin(store) < 0
	    || store_bind_text(store, STMT_SUMMARIZED, P_DOMAIN, phished_domain)
		   < 0
	    || store_bind_int(store, STMT_SUMMARIZED, P_TIME,
			      (sqlite3_int64)last_seen)
		   < 0)
		return -1;
	return store_run(store, STMT_SUMMARIZED);
}

/* store_recent_campaigns - the phished domains of the latest campaigns */
int store_recent_campaigns(struct store *store, size_t most, store_name_fn fn,
			   void *ctx)
{
	sqlite3_stmt *stmt = store->stmt[STMT_RECENT];
	int rc;
	int status = 0;

	if (most > (size_t)INT64_MAX)
		most = (size_t)INT64_MAX;
	if (store_batch_write(store) < 0
	    || store_bind_int(store, STMT_RECENT, P_TIME, (sqlite3_int64)most)
		   < 0)
		return -1;
	while (status == 0
	       && (rc = store_step(store, STMT_RECENT)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(stmt, 0);

		if (name != NULL)
			status = fn(name, ctx);
	}
	(void)sqlite3_reset(stmt);
	return rc < 0 ? -1 : status;
}

/*
 * The rows that name a campaign, in the order of struct store_forgotten.
 * Prepared when asked for, not at open: forgetting is rare and runs
 * alone.
 */
static const char *const store_forget_sql[] = {
    "DELETE FROM campaigns WHERE phished_domain = ?1",
    "DELETE FROM senders WHERE phished_domain = ?1",
    "DELETE FROM campaign_mtas WHERE phished_domain = ?1",
    "DELETE FROM relays WHERE phished_domain = ?1",
    "DELETE FROM campaign_hours WHERE phished_domain = ?1",
};

/* store_delete - one DELETE of a campaign's rows: rows gone, or -1 */
static long store_delete(struct store *store, const char *sql,
			 const char *phished_domain)
{
	sqlite3_stmt *stmt = NULL;
	long gone = -1;
	int rc = sqlite3_prepare_v2(store->db, sql, -1, &stmt, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_bind_text(stmt, 1, phished_domain, -1,
				       SQLITE_STATIC);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(stmt);
	if (rc == SQLITE_DONE)
		gone = (long)sqlite3_changes(store->db);
	else
		store_fail(store, rc == SQLITE_OK ? SQLITE_ERROR : rc,
			   "forget campaign");
	/* finalize repeats the step's error, recorded above */
	(void)sqlite3_finalize(stmt);
	return gone;
}

/* store_forget - a campaign's rows deleted in one transaction, and the
 * cache told */
int store_forget(struct store *store, const char *phished_domain,
		 struct store_forgotten *gone)
{
	long n[sizeof(store_forget_sql) / sizeof(store_forget_sql[0])];

	memset(gone, 0, sizeof(*gone));
	if (store_check_text(store, phished_domain) < 0
	    || store_begin(store) < 0)
		return -1;
	if (store_batch_write(store) < 0) {
		store_rollback(store);
		return -1;
	}
	for (size_t i = 0; i < sizeof(n) / sizeof(n[0]); i++) {
		n[i] = store_delete(store, store_forget_sql[i], phished_domain);
		if (n[i] < 0) {
			store_rollback(store);
			return -1;
		}
	}
	if (store_commit(store) < 0)
		return -1;
	storecache_del(store->known, phished_domain);
	relaycache_clear(store->relays); /* its relay rows are gone */
	/* Its sender hosts are not listed here: start again. */
	storecache_clear(store->senders);
	gone->campaigns = n[0];
	gone->senders = n[1];
	gone->mtas = n[2];
	gone->relays = n[3];
	gone->hours = n[4];
	return 0;
}

/* store_campaign_count - rows in campaigns, or -1 */
long store_campaign_count(struct store *store)
{
	sqlite3_stmt *stmt = store->stmt[STMT_CAMPAIGN_COUNT];
	int rc = store_step(store, STMT_CAMPAIGN_COUNT);
	long count;

	if (rc < 0)
		return -1;
	if (rc != SQLITE_ROW) {
		(void)sqlite3_reset(stmt);
		return store_fail_text(store, "count campaigns: no row");
	}
	count = (long)sqlite3_column_int64(stmt, 0);
	(void)sqlite3_reset(stmt);
	return count;
}

/* store_sender_count - sender rows of a campaign, counted up to most */
long store_sender_count(struct store *store, const char *phished_domain,
			long most)
{
	sqlite3_stmt *stmt = store->stmt[STMT_SENDER_COUNT];
	long count;
	int rc;

	if (store_bind_text(store, STMT_SENDER_COUNT, P_DOMAIN, phished_domain)
		< 0
	    || store_bind_int(store, STMT_SENDER_COUNT, P_TIME,
			      (sqlite3_int64)(most < 0 ? 0 : most))
		   < 0)
		return -1;
	rc = store_step(store, STMT_SENDER_COUNT);
	if (rc < 0)
		return -1;
	count = rc == SQLITE_ROW ? (long)sqlite3_column_int64(stmt, 0) : 0;
	(void)sqlite3_reset(stmt);
	return count;
}
