/*
 * store - what phishwatch has seen, kept in SQLite (see store.h).
 *
 * NAME
 *	store - campaigns and sender domains across restarts
 *
 * SUMMARY
 *	The tables are in storeschema.c, the statements and the helpers
 *	that run them in storestmt.c; this file holds the transaction
 *	(begin, commit, rollback), the adds and the lookups of the line
 *	path.  store_forget() and the walks are in storeread.c, the counts
 *	of a batch in storebatch.c, open and close in storeopen.c.
 *
 * DESCRIPTION
 *	Counting: the adds create rows with every counter at zero, and
 *	store_count() adds each line's delta to the campaign and sender
 *	rows, so every message is counted once, by one path.  The deltas
 *	are summed in memory and written into the open transaction just
 *	before it commits (or before an add or a read that would see
 *	them), so a batch costs one UPDATE per row it touched, not four
 *	per line, and what a commit stores is what it stored before.
 *
 *	Writes happen in a transaction started with BEGIN IMMEDIATE, so
 *	the only place another writer can make us wait is that BEGIN; after
 *	busy_timeout the call fails with store_busy() set and nothing
 *	changed, and the caller retries the line later (omprog "retry")
 *	instead of hanging.  Adds are idempotent (ON CONFLICT DO NOTHING),
 *	so retrying one after a failed COMMIT is harmless.  An add whose
 *	INSERT fails for a lasting reason (disk full, I/O error) rolls back
 *	the pending batch with it: counts are statistics, while the campaign
 *	rows must never be half written.
 *
 *	One process writes a store: store_open() takes the store's lock
 *	(storefile.h) and holds it until store_close() or death, and a
 *	second writer is refused at open, naming the holder's pid.  That
 *	is what keeps the cache of known campaigns true: no other process
 *	adds or forgets a campaign behind its back.  The cache
 *	(storecache.h) keeps the campaigns of the latest lines, a fixed
 *	number; store_campaign_known() asks SQLite (the primary key) for
 *	the others, so that start-up reads no campaign and memory does not
 *	grow with the store.
 *
 *	A lasting failure (disk full, I/O error, the file removed or
 *	replaced: checked before each commit, since SQLite would go on
 *	writing into an unlinked file) stops the store: every later write
 *	and commit fails too, and store_close() commits nothing, so what is
 *	stored is exactly what was committed before the failure.
 *
 * DIAGNOSTICS
 *	store_open() fills err with the file name and the reason; other
 *	functions return -1 and store_errmsg() says why.
 */
#include <stdio.h>
#include <string.h>

#include "store.h"
#include "storeint.h"

_Static_assert(STORE_ERR_MAX == STOREFILE_ERR_MAX,
	       "a store's message and its file's are one size");

/* store_lock - the write lock, taken now */
int store_lock(struct store *store)
{
	return store_begin(store);
}

/* store_stop - a lasting failure: nothing more is written */
static int store_stop(struct store *store)
{
	store->stopped = 1;
	store->busy = 0;
	return -1;
}

/* store_commit - commit the open transaction, if any */
int store_commit(struct store *store)
{
	if (store->stopped)
		return -1; /* errmsg still says why */
	if (store_batch_write(store) < 0)
		return store->busy ? -1 : store_stop(store);
	if (sqlite3_get_autocommit(store->db))
		return 0;
	if (store->file != NULL && storefile_present(store->file) < 0) {
		memcpy(store->errmsg, store->file->err, sizeof(store->errmsg));
		return store_stop(store);
	}
	if (store_run(store, STMT_COMMIT) < 0) {
		/* A busy COMMIT leaves the transaction open for the next
		 * try; after any other failure SQLite may have rolled the
		 * batch back, or half of it: commit nothing more. */
		return store->busy ? -1 : store_stop(store);
	}
	store->commits++;
	relaycache_commit(store->relays);
	return 0;
}

/* store_commits - commits so far */
unsigned long long store_commits(const struct store *store)
{
	return store->commits;
}

/* store_discard - roll back what is not committed; write nothing more */
int store_discard(struct store *store)
{
	int status = 0;

	if (store == NULL || store->db == NULL || store->stopped)
		return 0;
	store_batch_drop(store);
	if (!sqlite3_get_autocommit(store->db)
	    && sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL)
		   != SQLITE_OK)
		status =
		    store_fail(store, sqlite3_errcode(store->db), "rollback");
	store->stopped = 1;
	return status;
}

/* store_rollback - undo a failed add; its own failure changes nothing
 * but the message, which tells both */
void store_rollback(struct store *store)
{
	char saved[STORE_ERR_MAX];
	int busy = store->busy;

	store_batch_drop(store); /* counts of the same transaction */
	if (sqlite3_get_autocommit(store->db))
		return; /* SQLite rolled back already */
	memcpy(saved, store->errmsg, sizeof(saved));
	if (store_run(store, STMT_ROLLBACK) < 0) {
		char failed[STORE_ERR_MAX];

		memcpy(failed, store->errmsg, sizeof(failed));
		/* Both halves of one bounded message. */
		snprintf(store->errmsg, sizeof(store->errmsg), "%.*s; %.*s",
			 STORE_ERR_MAX / 2 - 2, saved, STORE_ERR_MAX / 2 - 2,
			 failed);
	} else {
		memcpy(store->errmsg, saved, sizeof(saved));
	}
	store->busy = busy;
}

/* store_insert - one add statement with its four parameters */
static int store_insert(struct store *store, enum store_stmt id,
			const char *phished_domain, const char *sender_host,
			const char *rule, time_t seen)
{
	if (store_bind_text(store, id, P_DOMAIN, phished_domain) < 0
	    || store_bind_text(store, id, P_HOST, sender_host) < 0
	    || store_bind_text(store, id, P_RULE, rule) < 0
	    || store_bind_int(store, id, P_TIME, (sqlite3_int64)seen) < 0)
		return -1;
	return store_run(store, id);
}

/* store_check_names - the three names of an add */
static int store_check_names(struct store *store, const char *phished_domain,
			     const char *sender_host, const char *rule)
{
	if (store_check_text(store, phished_domain) < 0
	    || store_check_text(store, sender_host) < 0
	    || store_check_text(store, rule) < 0)
		return -1;
	return 0;
}

/* store_campaign_add - campaign and first sender, one transaction */
int store_campaign_add(struct store *store, const char *phished_domain,
		       const char *sender_host, const char *rule,
		       time_t first_seen)
{
	if (store_check_names(store, phished_domain, sender_host, rule) < 0
	    || store_begin(store) < 0)
		return -1;
	/* The counts first, so that they find the rows they found before. */
	if (store_batch_write(store) < 0
	    || store_insert(store, STMT_CAMPAIGN_ADD, phished_domain,
			    sender_host, rule, first_seen)
		   < 0
	    || store_insert(store, STMT_SENDER_ADD, phished_domain, sender_host,
			    rule, first_seen)
		   < 0)
		goto fail;
	if (store_commit(store) < 0)
		return -1;
	storecache_put(store->known, phished_domain);
	storecache_put(store->senders, sender_host);
	return 0;
fail:
	store_rollback(store);
	return -1;
}

/* store_sender_add - a new sender host of a campaign, committed */
int store_sender_add(struct store *store, const char *phished_domain,
		     const char *sender_host, const char *rule,
		     time_t first_seen)
{
	if (store_check_names(store, phished_domain, sender_host, rule) < 0
	    || store_begin(store) < 0)
		return -1;
	if (store_batch_write(store) < 0
	    || store_insert(store, STMT_SENDER_ADD, phished_domain, sender_host,
			    rule, first_seen)
		   < 0) {
		store_rollback(store);
		return -1;
	}
	if (store_commit(store) < 0)
		return -1;
	storecache_put(store->senders, sender_host);
	return 0;
}

/* store_count - a delta into its campaign, sender, MTA and hour rows
 * (storebatch.c), in the open transaction */
int store_count(struct store *store, const struct tracker_delta *delta,
		const char *mta, time_t seen)
{
	if (store_check_text(store, delta->phished_domain) < 0
	    || store_check_text(store, delta->sender_host) < 0
	    || (mta != NULL && store_check_text(store, mta) < 0)
	    || store_begin(store) < 0)
		return -1;
	return store_batch_count(store, delta, mta, seen);
}

/* store_relay - a relay of a campaign, in the batch */
int store_relay(struct store *store, const char *phished_domain,
		const char *relay)
{
	if (store_check_text(store, phished_domain) < 0
	    || store_check_text(store, relay) < 0 || store_begin(store) < 0)
		return -1;
	return store_batch_relay(store, phished_domain, relay);
}

/* store_campaign_known - from the cache, else one indexed lookup */
int store_campaign_known(struct store *store, const char *phished_domain)
{
	int rc;

	if (phished_domain == NULL || phished_domain[0] == '\0'
	    || strnlen(phished_domain, STORE_TEXT_MAX + 1) > STORE_TEXT_MAX)
		return 0;
	if (storecache_has(store->known, phished_domain))
		return 1;
	if (store_bind_text(store, STMT_CAMPAIGN_KNOWN, P_DOMAIN,
			    phished_domain)
	    < 0)
		return -1;
	rc = store_step(store, STMT_CAMPAIGN_KNOWN);
	if (rc < 0)
		return -1;
	(void)sqlite3_reset(store->stmt[STMT_CAMPAIGN_KNOWN]);
	if (rc != SQLITE_ROW)
		return 0;
	storecache_put(store->known, phished_domain);
	return 1;
}

/* store_sender_known - from the cache, else one indexed lookup */
int store_sender_known(struct store *store, const char *sender_host)
{
	int rc;

	if (store_check_text(store, sender_host) < 0)
		return -1;
	if (storecache_has(store->senders, sender_host))
		return 1;
	if (store_bind_text(store, STMT_SENDER_KNOWN, P_HOST, sender_host) < 0)
		return -1;
	rc = store_step(store, STMT_SENDER_KNOWN);
	if (rc < 0)
		return -1;
	(void)sqlite3_reset(store->stmt[STMT_SENDER_KNOWN]);
	if (rc != SQLITE_ROW)
		return 0;
	storecache_put(store->senders, sender_host);
	return 1;
}

/* store_clear_error - no failure yet: a caller that runs several steps
 * (a report) can then tell a store failure from one of its own */
void store_clear_error(struct store *store)
{
	store->errmsg[0] = '\0';
}

/* store_errmsg - why the last call failed */
const char *store_errmsg(const struct store *store)
{
	return store->errmsg;
}

/* store_corrupt - 1 when the last failure was a damaged database: a
 * lookup, not the open, now finds the pages it needs damaged */
int store_corrupt(const struct store *store)
{
	return store->corrupt;
}

/* store_found_empty - 1 when the store's file existed with 0 bytes: it
 * was taken for a new store (a truncated one repeats its events) */
int store_found_empty(const struct store *store)
{
	return store->file != NULL && store->file->found_empty;
}

/* store_nomem - 1 when the last failure was out of memory */
int store_nomem(const struct store *store)
{
	return store->nomem;
}

/* store_busy - 1 when the last failure was a lock conflict */
int store_busy(const struct store *store)
{
	return store->busy;
}
