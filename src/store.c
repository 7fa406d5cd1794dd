/*
 * store - what phishwatch has seen, kept in SQLite (see store.h).
 *
 * NAME
 *	store - campaigns and sender domains across restarts
 *
 * SUMMARY
 *	campaigns(phished_domain PK, first_seen, last_seen, rule,
 *		  first_sender, summarized_at, counters...)
 *	senders(sender_host PK, phished_domain, first_seen, last_seen,
 *		rule, counters...)
 *	campaign_mtas(phished_domain, mta, counters...)
 *	relays(phished_domain, relay)
 *	campaign_hours(phished_domain, hour, counters...)
 *	store_forget() deletes a campaign's rows of all five.
 *	The counters are those of tracker.h; times are seconds since the
 *	epoch (UTC) of the log lines.
 *
 * DESCRIPTION
 *	The schema version is PRAGMA user_version.  Opening a database of
 *	an older version runs one migration step per version, in a single
 *	transaction, so a crash leaves either the old or the new schema; a
 *	newer version, or a database of another program (version 0 with
 *	tables in it), is refused rather than touched.
 *
 *	Counting: the adds create rows with every counter at zero, and
 *	store_count() adds each line's delta to the campaign and sender
 *	rows, so every message is counted once, by one path.
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
 *	(storefile.h) before SQLite opens the database and holds it until
 *	store_close() or death, and a second writer is refused at open,
 *	naming the holder's pid.  That is what keeps the cache below true:
 *	the phished domains of all campaigns are cached in a strmap at
 *	open, so store_campaign_known(), asked for every suspicious sender,
 *	costs one hash and no SQL, and no other process can add a campaign
 *	behind its back (store_open_reader(), for --check and a --report of
 *	the store alone, takes no lock and adds none).
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
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "msg.h"
#include "store.h"
#include "storefile.h"
#include "tracker.h"
#include "strmap.h"

/* Short, so that a locked database makes omprog retry, not hang. */
#define STORE_BUSY_MS 100
/* Names are host names (<= 253) and rule names; longer is a caller bug. */
#define STORE_TEXT_MAX 1024
/* File names in messages are cut here. */
#define STORE_NAME_SHOWN 200
/* The step of the time series: campaign_hours rows. */
#define STORE_HOUR 3600
/* Campaigns expected at open: the cache grows past this on its own. */
#define STORE_CACHE_HINT 256

/* Counter columns, in the order of enum tracker_counter. */
#define STORE_COUNTER_COLUMNS \
	"messages INTEGER NOT NULL DEFAULT 0," \
	" recipients INTEGER NOT NULL DEFAULT 0," \
	" delivered INTEGER NOT NULL DEFAULT 0," \
	" deferred INTEGER NOT NULL DEFAULT 0," \
	" bounced INTEGER NOT NULL DEFAULT 0," \
	" rejected INTEGER NOT NULL DEFAULT 0," \
	" discarded INTEGER NOT NULL DEFAULT 0"
#define STORE_COUNTER_SETS \
	"messages = messages + ?5, recipients = recipients + ?6," \
	" delivered = delivered + ?7, deferred = deferred + ?8," \
	" bounced = bounced + ?9, rejected = rejected + ?10," \
	" discarded = discarded + ?11"

enum store_stmt {
	STMT_BEGIN,
	STMT_COMMIT,
	STMT_ROLLBACK,
	STMT_CAMPAIGN_ADD,
	STMT_SENDER_ADD,
	STMT_SENDER_KNOWN,
	STMT_CAMPAIGN_SEEN,
	STMT_SENDER_SEEN,
	STMT_RELAY_ADD,
	STMT_MTA_SEEN,
	STMT_HOUR_SEEN,
	STMT_BUCKETS,
	STMT_CAMPAIGN_COUNT,
	STMT_CAMPAIGNS,
	STMT_SUMMARIZED,
	STMT_COUNT
};

/*
 * Statements, prepared once at open, each with its name for messages.
 * Both adds take ?1 phished domain, ?2 sender host, ?3 rule, ?4 time,
 * ?5 messages; both seen updates take ?1 phished domain or ?2 sender
 * host, and ?4 time.  min/max keep the times right when the logs of
 * several MTAs arrive out of order.
 */
static const struct store_sql {
	const char *what;
	const char *sql;
} store_sql[STMT_COUNT] = {
	[STMT_BEGIN] = { "begin", "BEGIN IMMEDIATE" },
	[STMT_COMMIT] = { "commit", "COMMIT" },
	[STMT_ROLLBACK] = { "rollback", "ROLLBACK" },
	[STMT_CAMPAIGN_ADD] = { "add campaign",
	"INSERT INTO campaigns (phished_domain, first_seen, last_seen, rule,"
	" first_sender) VALUES (?1, ?4, ?4, ?3, ?2)"
	" ON CONFLICT (phished_domain) DO NOTHING" },
	[STMT_SENDER_ADD] = { "add sender",
	"INSERT INTO senders (sender_host, phished_domain, first_seen,"
	" last_seen, rule) VALUES (?2, ?1, ?4, ?4, ?3)"
	" ON CONFLICT (sender_host) DO NOTHING" },
	[STMT_SENDER_KNOWN] = { "look up sender",
	"SELECT 1 FROM senders WHERE sender_host = ?2" },
	[STMT_CAMPAIGN_SEEN] = { "count campaign messages",
	"UPDATE campaigns SET " STORE_COUNTER_SETS ","
	" first_seen = min(first_seen, ?4), last_seen = max(last_seen, ?4)"
	" WHERE phished_domain = ?1" },
	[STMT_SENDER_SEEN] = { "count sender messages",
	"UPDATE senders SET " STORE_COUNTER_SETS ","
	" first_seen = min(first_seen, ?4), last_seen = max(last_seen, ?4)"
	" WHERE sender_host = ?2" },
	[STMT_MTA_SEEN] = { "count messages per MTA",
	"INSERT INTO campaign_mtas (phished_domain, mta, messages, recipients,"
	" delivered, deferred, bounced, rejected, discarded)"
	" VALUES (?1, ?3, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
	" ON CONFLICT (phished_domain, mta) DO UPDATE SET "
	STORE_COUNTER_SETS },
	/* ?4: the hour the line was logged in (seconds, a multiple of 3600) */
	[STMT_HOUR_SEEN] = { "count messages per hour",
	"INSERT INTO campaign_hours (phished_domain, hour, messages, recipients,"
	" delivered, deferred, bounced, rejected, discarded)"
	" VALUES (?1, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
	" ON CONFLICT (phished_domain, hour) DO UPDATE SET "
	STORE_COUNTER_SETS },
	/* ?4: the width of a bucket in seconds, a multiple of 3600 */
	[STMT_BUCKETS] = { "list a campaign's counts per bucket",
	"SELECT hour - hour % ?4 AS b, sum(messages), sum(recipients),"
	" sum(delivered), sum(deferred), sum(bounced), sum(rejected),"
	" sum(discarded) FROM campaign_hours WHERE phished_domain = ?1"
	" GROUP BY b ORDER BY b" },
	[STMT_RELAY_ADD] = { "add relay",
	"INSERT INTO relays (phished_domain, relay) VALUES (?1, ?2)"
	" ON CONFLICT DO NOTHING" },
	[STMT_CAMPAIGN_COUNT] = { "count campaigns",
	"SELECT count(*) FROM campaigns" },
	/* ?4: only campaigns quiet since before then and not yet
	 * summarized since their last message; NULL: all of them. */
	[STMT_CAMPAIGNS] = { "list campaigns",
	"SELECT c.phished_domain, c.rule, c.first_seen, c.last_seen,"
	" (SELECT group_concat(sender_host, ',') FROM (SELECT sender_host"
	"  FROM senders s WHERE s.phished_domain = c.phished_domain"
	"  ORDER BY s.first_seen, s.sender_host)),"
	" (SELECT count(*) FROM relays r"
	"  WHERE r.phished_domain = c.phished_domain),"
	" (SELECT group_concat(mta || '=' || messages, ',') FROM (SELECT mta,"
	"  messages FROM campaign_mtas m WHERE m.phished_domain ="
	"  c.phished_domain ORDER BY mta)),"
	" c.messages, c.recipients, c.delivered, c.deferred, c.bounced,"
	" c.rejected, c.discarded FROM campaigns c"
	" WHERE ?4 IS NULL OR (c.last_seen < ?4"
	"  AND (c.summarized_at IS NULL OR c.summarized_at < c.last_seen))"
	" ORDER BY c.first_seen, c.phished_domain" },
	[STMT_SUMMARIZED] = { "mark campaign summarized",
	"UPDATE campaigns SET summarized_at = ?4 WHERE phished_domain = ?1" },
};

/* Parameter numbers shared by the statements above; the counters of
 * struct tracker_delta follow P_COUNTERS in their enum order. */
enum { P_DOMAIN = 1, P_HOST = 2, P_RULE = 3, P_TIME = 4, P_COUNTERS = 5 };

struct store {
	sqlite3 *db;
	sqlite3_stmt *stmt[STMT_COUNT];
	struct strmap *campaigns;	/* phished domains stored; values unused */
	char *name;			/* path or ":memory:", for messages */
	struct storefile *file;		/* NULL in memory */
	char errmsg[STORE_ERR_MAX];
	int busy;			/* last failure was BUSY or LOCKED */
	int stopped;			/* a lasting failure, or discarded:
					 * nothing more is written */
	unsigned long long commits;	/* commits that succeeded */
};

/* store_is_busy - a transient lock conflict, worth a retry */
static int store_is_busy(int rc)
{
	return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
}

/* store_fail - remember why (what, SQLite's words) and whether transient */
static int store_fail(struct store *store, int rc, const char *what)
{
	store->busy = store_is_busy(rc);
	snprintf(store->errmsg, sizeof(store->errmsg), "%.*s: %s: %s",
		 STORE_NAME_SHOWN, store->name, what,
		 store->db != NULL ? sqlite3_errmsg(store->db)
				   : sqlite3_errstr(rc));
	return -1;
}

/* store_fail_text - an error that is not SQLite's */
static int store_fail_text(struct store *store, const char *what)
{
	store->busy = 0;
	snprintf(store->errmsg, sizeof(store->errmsg), "%.*s: %s",
		 STORE_NAME_SHOWN, store->name, what);
	return -1;
}

/* store_step - run a statement: SQLITE_ROW, SQLITE_DONE, or -1 (reset) */
static int store_step(struct store *store, enum store_stmt id)
{
	sqlite3_stmt *stmt = store->stmt[id];
	int rc = sqlite3_step(stmt);

	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc;
	store_fail(store, rc, store_sql[id].what);
	/* reset repeats the step's error, recorded just above */
	(void) sqlite3_reset(stmt);
	return -1;
}

/* store_run - a statement whose rows, if any, do not matter; 0 or -1 */
static int store_run(struct store *store, enum store_stmt id)
{
	if (store_step(store, id) < 0)
		return -1;
	(void) sqlite3_reset(store->stmt[id]);	/* the step succeeded */
	return 0;
}

/* store_check_text - a name we are willing to store: set, bounded */
static int store_check_text(struct store *store, const char *text)
{
	if (text == NULL || text[0] == '\0')
		return store_fail_text(store, "empty name");
	if (strnlen(text, STORE_TEXT_MAX + 1) > STORE_TEXT_MAX)
		return store_fail_text(store, "name too long");
	return 0;
}

/* store_bind_text - bind a checked name; the caller resets before it dies */
static int store_bind_text(struct store *store, enum store_stmt id,
			   int param, const char *text)
{
	int rc = sqlite3_bind_text(store->stmt[id], param, text,
				   (int) strlen(text), SQLITE_STATIC);

	return rc == SQLITE_OK ? 0 : store_fail(store, rc, "bind");
}

/* store_bind_int - bind a number */
static int store_bind_int(struct store *store, enum store_stmt id,
			  int param, sqlite3_int64 value)
{
	int rc = sqlite3_bind_int64(store->stmt[id], param, value);

	return rc == SQLITE_OK ? 0 : store_fail(store, rc, "bind");
}

/* store_begin - open the write transaction unless one is open */
static int store_begin(struct store *store)
{
	if (store->stopped)
		return -1;	/* errmsg still says why */
	if (!sqlite3_get_autocommit(store->db))
		return 0;
	return store_run(store, STMT_BEGIN);
}

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
		return -1;	/* errmsg still says why */
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
	return 0;
}

/* store_commits - commits so far */
unsigned long long store_commits(const struct store *store)
{
	return store->commits;
}

/* store_discard - roll back what is not committed; write nothing more */
void store_discard(struct store *store)
{
	if (store == NULL || store->db == NULL || store->stopped)
		return;
	if (!sqlite3_get_autocommit(store->db)
	    && sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL)
	       != SQLITE_OK)
		msg_error("state %.*s: rollback: %s", STORE_NAME_SHOWN,
			  store->name, sqlite3_errmsg(store->db));
	store->stopped = 1;
}

/* store_rollback - undo a failed add; its own failure changes nothing */
static void store_rollback(struct store *store)
{
	char saved[STORE_ERR_MAX];
	int busy = store->busy;

	if (sqlite3_get_autocommit(store->db))
		return;		/* SQLite rolled back already */
	memcpy(saved, store->errmsg, sizeof(saved));
	if (store_run(store, STMT_ROLLBACK) < 0)
		msg_error("%s", store->errmsg);
	memcpy(store->errmsg, saved, sizeof(saved));
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
	    || store_bind_int(store, id, P_TIME, (sqlite3_int64) seen) < 0)
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
	if (store_insert(store, STMT_CAMPAIGN_ADD, phished_domain,
			 sender_host, rule, first_seen) < 0
	    || store_insert(store, STMT_SENDER_ADD, phished_domain,
			    sender_host, rule, first_seen) < 0)
		goto fail;
	if (store_commit(store) < 0)
		return -1;
	if (strmap_get(store->campaigns, phished_domain) == NULL
	    && strmap_put(store->campaigns, phished_domain, store, NULL) < 0)
		return store_fail_text(store, "out of memory");
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
	if (store_insert(store, STMT_SENDER_ADD, phished_domain, sender_host,
			 rule, first_seen) < 0) {
		store_rollback(store);
		return -1;
	}
	return store_commit(store);
}

/* store_update - one counting update with its key, time and counts */
static int store_update(struct store *store, enum store_stmt id, int param,
			const char *key, const struct tracker_delta *delta,
			time_t seen)
{
	if (store_bind_text(store, id, param, key) < 0
	    || store_bind_int(store, id, P_TIME, (sqlite3_int64) seen) < 0)
		return -1;
	for (int i = 0; i < TRACK_COUNTERS; i++)
		if (store_bind_int(store, id, P_COUNTERS + i,
				   (sqlite3_int64) delta->n[i]) < 0)
			return -1;
	return store_run(store, id);
}

/* store_count_mta - the delta again, under the MTA that logged it */
static int store_count_mta(struct store *store,
			   const struct tracker_delta *delta, const char *mta)
{
	if (store_bind_text(store, STMT_MTA_SEEN, P_RULE, mta) < 0)
		return -1;
	return store_update(store, STMT_MTA_SEEN, P_DOMAIN,
			    delta->phished_domain, delta, 0);
}

/* store_hour - the start of the hour of t (UTC), for the time series */
static time_t store_hour(time_t t)
{
	return t - (t % STORE_HOUR + STORE_HOUR) % STORE_HOUR;
}

/* store_count - add a delta to its campaign, sender, MTA and hour rows */
int store_count(struct store *store, const struct tracker_delta *delta,
		const char *mta, time_t seen)
{
	if (store_check_text(store, delta->phished_domain) < 0
	    || store_check_text(store, delta->sender_host) < 0
	    || (mta != NULL && store_check_text(store, mta) < 0)
	    || store_begin(store) < 0)
		return -1;
	/* On failure the batch stays open: counts are not worth a rollback. */
	if (store_update(store, STMT_CAMPAIGN_SEEN, P_DOMAIN,
			 delta->phished_domain, delta, seen) < 0
	    || store_update(store, STMT_SENDER_SEEN, P_HOST,
			    delta->sender_host, delta, seen) < 0
	    || (mta != NULL && store_count_mta(store, delta, mta) < 0)
	    || store_update(store, STMT_HOUR_SEEN, P_DOMAIN,
			    delta->phished_domain, delta, store_hour(seen)) < 0)
		return -1;
	return 0;
}

/* store_relay - remember a relay address of a campaign, in the batch */
int store_relay(struct store *store, const char *phished_domain,
		const char *relay)
{
	if (store_check_text(store, phished_domain) < 0
	    || store_check_text(store, relay) < 0 || store_begin(store) < 0
	    || store_bind_text(store, STMT_RELAY_ADD, P_DOMAIN,
			       phished_domain) < 0
	    || store_bind_text(store, STMT_RELAY_ADD, P_HOST, relay) < 0)
		return -1;
	return store_run(store, STMT_RELAY_ADD);
}

/* store_campaign_row - the current row of STMT_CAMPAIGNS as a struct */
static void store_campaign_row(sqlite3_stmt *stmt, struct store_campaign *c)
{
	c->phished_domain = (const char *) sqlite3_column_text(stmt, 0);
	c->rule = (const char *) sqlite3_column_text(stmt, 1);
	c->first_seen = (time_t) sqlite3_column_int64(stmt, 2);
	c->last_seen = (time_t) sqlite3_column_int64(stmt, 3);
	c->senders = (const char *) sqlite3_column_text(stmt, 4);
	c->relays = (unsigned long long) sqlite3_column_int64(stmt, 5);
	c->mtas = (const char *) sqlite3_column_text(stmt, 6);
	for (int i = 0; i < TRACK_COUNTERS; i++)
		c->n[i] = (unsigned long long) sqlite3_column_int64(stmt, 7 + i);
	if (c->senders == NULL)
		c->senders = "";
	if (c->mtas == NULL)
		c->mtas = "";
}

/* store_walk - campaigns in order of first seen; quiet_before 0: all */
static int store_walk(struct store *store, time_t quiet_before,
		      store_campaign_fn fn, void *ctx)
{
	sqlite3_stmt *stmt = store->stmt[STMT_CAMPAIGNS];
	struct store_campaign c;
	int rc;
	int status = 0;

	if (quiet_before == 0)
		rc = sqlite3_bind_null(stmt, P_TIME);
	else
		rc = sqlite3_bind_int64(stmt, P_TIME, quiet_before);
	if (rc != SQLITE_OK)
		return store_fail(store, rc, "bind");
	while (status == 0 && (rc = store_step(store, STMT_CAMPAIGNS))
	       == SQLITE_ROW) {
		store_campaign_row(stmt, &c);
		if (c.phished_domain != NULL && c.rule != NULL)
			status = fn(&c, ctx);
	}
	(void) sqlite3_reset(stmt);
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
int store_buckets(struct store *store, const char *phished_domain,
		  long width, store_bucket_fn fn, void *ctx)
{
	sqlite3_stmt *stmt = store->stmt[STMT_BUCKETS];
	struct store_bucket b;
	int rc;
	int status = 0;

	if (width < STORE_HOUR || width % STORE_HOUR != 0)
		return store_fail_text(store, "bucket width not whole hours");
	if (store_check_text(store, phished_domain) < 0
	    || store_bind_text(store, STMT_BUCKETS, P_DOMAIN,
			       phished_domain) < 0
	    || store_bind_int(store, STMT_BUCKETS, P_TIME, width) < 0)
		return -1;
	while (status == 0 && (rc = store_step(store, STMT_BUCKETS))
	       == SQLITE_ROW) {
		b.start = (time_t) sqlite3_column_int64(stmt, 0);
		for (int i = 0; i < TRACK_COUNTERS; i++)
			b.n[i] = (unsigned long long)
				 sqlite3_column_int64(stmt, 1 + i);
		status = fn(&b, ctx);
	}
	(void) sqlite3_reset(stmt);
	return rc < 0 ? -1 : status;
}

/* store_summarized - a campaign's summary went out at its last_seen */
int store_summarized(struct store *store, const char *phished_domain,
		     time_t last_seen)
{
	if (store_check_text(store, phished_domain) < 0
	    || store_begin(store) < 0
	    || store_bind_text(store, STMT_SUMMARIZED, P_DOMAIN,
			       phished_domain) < 0
	    || store_bind_int(store, STMT_SUMMARIZED, P_TIME,
			      (sqlite3_int64) last_seen) < 0)
		return -1;
	return store_run(store, STMT_SUMMARIZED);
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
		gone = (long) sqlite3_changes(store->db);
	else
		store_fail(store, rc == SQLITE_OK ? SQLITE_ERROR : rc,
			   "forget campaign");
	/* finalize repeats the step's error, recorded above */
	(void) sqlite3_finalize(stmt);
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
	for (size_t i = 0; i < sizeof(n) / sizeof(n[0]); i++) {
		n[i] = store_delete(store, store_forget_sql[i],
				    phished_domain);
		if (n[i] < 0) {
			store_rollback(store);
			return -1;
		}
	}
	if (store_commit(store) < 0)
		return -1;
	(void) strmap_del(store->campaigns, phished_domain);
	gone->campaigns = n[0];
	gone->senders = n[1];
	gone->mtas = n[2];
	gone->relays = n[3];
	gone->hours = n[4];
	return 0;
}

/* store_campaign_known - from the cache */
int store_campaign_known(struct store *store, const char *phished_domain)
{
	if (phished_domain == NULL
	    || strnlen(phished_domain, STORE_TEXT_MAX + 1) > STORE_TEXT_MAX)
		return 0;
	return strmap_get(store->campaigns, phished_domain) != NULL;
}

/* store_sender_known - one indexed lookup */
int store_sender_known(struct store *store, const char *sender_host)
{
	int rc;

	if (store_check_text(store, sender_host) < 0
	    || store_bind_text(store, STMT_SENDER_KNOWN, P_HOST,
			       sender_host) < 0)
		return -1;
	rc = store_step(store, STMT_SENDER_KNOWN);
	if (rc < 0)
		return -1;
	(void) sqlite3_reset(store->stmt[STMT_SENDER_KNOWN]);
	return rc == SQLITE_ROW;
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
		(void) sqlite3_reset(stmt);
		return store_fail_text(store, "count campaigns: no row");
	}
	count = (long) sqlite3_column_int64(stmt, 0);
	(void) sqlite3_reset(stmt);
	return count;
}

/* store_errmsg - why the last call failed */
const char *store_errmsg(const struct store *store)
{
	return store->errmsg;
}

/* store_busy - 1 when the last failure was a lock conflict */
int store_busy(const struct store *store)
{
	return store->busy;
}

/* store_exec - SQL text without results (open and migrations only) */
static int store_exec(struct store *store, const char *sql, const char *what)
{
	char *why = NULL;
	int rc = sqlite3_exec(store->db, sql, NULL, NULL, &why);

	if (rc == SQLITE_OK)
		return 0;
	store->busy = store_is_busy(rc);
	snprintf(store->errmsg, sizeof(store->errmsg), "%.*s: %s: %s",
		 STORE_NAME_SHOWN, store->name, what,
		 why != NULL ? why : sqlite3_errstr(rc));
	sqlite3_free(why);
	return -1;
}

/* store_query_int - the integer in the first row of a query */
static int store_query_int(struct store *store, const char *sql,
			   const char *what, long *value)
{
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(store->db, sql, -1, &stmt, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*value = (long) sqlite3_column_int64(stmt, 0);
	else
		store_fail(store, rc == SQLITE_DONE ? SQLITE_ERROR : rc, what);
	/* finalize repeats the step's error, recorded above */
	(void) sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* store_query_text - the text in the first row of a query, bounded */
static int store_query_text(struct store *store, const char *sql,
			    const char *what, char *buf, size_t size)
{
	sqlite3_stmt *stmt = NULL;
	const unsigned char *text = NULL;
	int rc = sqlite3_prepare_v2(store->db, sql, -1, &stmt, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		text = sqlite3_column_text(stmt, 0);
	if (text != NULL)
		snprintf(buf, size, "%s", (const char *) text);
	else
		store_fail(store, rc == SQLITE_ROW || rc == SQLITE_DONE
			   ? SQLITE_NOMEM : rc, what);
	(void) sqlite3_finalize(stmt);
	return text != NULL ? 0 : -1;
}

/*
 * Migration steps: store_migrations[v] turns schema v - 1 into v.  Each
 * runs inside the migration transaction.  To extend the schema, add a
 * step (ALTER TABLE campaigns ADD COLUMN ... DEFAULT 0) and raise
 * STORE_SCHEMA_VERSION in store.h.
 */
typedef int store_migration(struct store *store);

/* store_migrate_1 - campaigns, their sender domains and relays */
static int store_migrate_1(struct store *store)
{
	return store_exec(store,
		"CREATE TABLE campaigns ("
		" phished_domain TEXT PRIMARY KEY NOT NULL,"
		" first_seen INTEGER NOT NULL,"
		" last_seen INTEGER NOT NULL,"
		" rule TEXT NOT NULL,"
		" first_sender TEXT NOT NULL,"
		" summarized_at INTEGER,"
		" " STORE_COUNTER_COLUMNS ");"
		/* No foreign key: a sender may be counted before its
		 * campaign row is written (access-map campaigns). */
		"CREATE TABLE senders ("
		" sender_host TEXT PRIMARY KEY NOT NULL,"
		" phished_domain TEXT NOT NULL,"
		" first_seen INTEGER NOT NULL,"
		" last_seen INTEGER NOT NULL,"
		" rule TEXT NOT NULL,"
		" " STORE_COUNTER_COLUMNS ");"
		"CREATE INDEX senders_by_campaign ON senders (phished_domain);"
		"CREATE TABLE campaign_mtas ("
		" phished_domain TEXT NOT NULL,"
		" mta TEXT NOT NULL,"
		" " STORE_COUNTER_COLUMNS ","
		" PRIMARY KEY (phished_domain, mta)) WITHOUT ROWID;"
		"CREATE TABLE relays ("
		" phished_domain TEXT NOT NULL,"
		" relay TEXT NOT NULL,"
		" PRIMARY KEY (phished_domain, relay)) WITHOUT ROWID;",
		"create schema 1");
}

/* store_migrate_2 - each campaign's counts per hour (the chronology's
 * time series); campaigns counted before have none, and keep their
 * totals in campaigns */
static int store_migrate_2(struct store *store)
{
	return store_exec(store,
		"CREATE TABLE campaign_hours ("
		" phished_domain TEXT NOT NULL,"
		" hour INTEGER NOT NULL,"
		" " STORE_COUNTER_COLUMNS ","
		" PRIMARY KEY (phished_domain, hour)) WITHOUT ROWID;",
		"create schema 2");
}

static store_migration *const store_migrations[STORE_SCHEMA_VERSION + 1] = {
	[1] = store_migrate_1,
	[2] = store_migrate_2,
};

/* store_migrate - from schema version `from` to the current one */
static int store_migrate(struct store *store, long from)
{
	char sql[64];

	if (from == STORE_SCHEMA_VERSION)
		return 0;
	if (store_exec(store, "BEGIN IMMEDIATE", "migrate") < 0)
		return -1;
	for (long v = from + 1; v <= STORE_SCHEMA_VERSION; v++) {
		if (store_migrations[v] == NULL) {
			store_fail_text(store, "no migration step (a bug)");
			goto fail;
		}
		if (store_migrations[v](store) < 0)
			goto fail;
	}
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d",
		 STORE_SCHEMA_VERSION);
	if (store_exec(store, sql, "set schema version") < 0
	    || store_exec(store, "COMMIT", "migrate") < 0)
		goto fail;
	return 0;
fail:
	if (!sqlite3_get_autocommit(store->db))
		(void) sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* store_check_version - read user_version; refuse what is not ours */
static int store_check_version(struct store *store, long *version)
{
	long tables;

	/* The first read: a file that is not SQLite fails here. */
	if (store_query_int(store, "PRAGMA user_version",
			    "not a phishwatch state database", version) < 0)
		return -1;
	if (*version > STORE_SCHEMA_VERSION) {
		snprintf(store->errmsg, sizeof(store->errmsg), "%.*s: schema "
			 "version %ld is newer than this phishwatch knows (%d)",
			 STORE_NAME_SHOWN, store->name, *version,
			 STORE_SCHEMA_VERSION);
		return -1;
	}
	if (*version < 0)
		return store_fail_text(store, "negative schema version");
	if (*version > 0)
		return 0;
	if (store_query_int(store, "SELECT count(*) FROM sqlite_master",
			    "read schema", &tables) < 0)
		return -1;
	if (tables > 0)
		return store_fail_text(store, "a SQLite database of another "
				       "program (tables, but no schema version)");
	return 0;
}

/* store_set_wal - WAL journal (readers never block the writer) */
static int store_set_wal(struct store *store)
{
	char mode[16];

	if (store_query_text(store, "PRAGMA journal_mode = WAL",
			     "set WAL mode", mode, sizeof(mode)) < 0)
		return -1;
	if (strcmp(mode, "wal") != 0)
		return store_fail_text(store, "WAL mode refused");
	/* In WAL mode a power cut may lose the last commits, never
	 * consistency: a lost campaign row only repeats its event. */
	return store_exec(store, "PRAGMA synchronous = NORMAL", "synchronous");
}

/* store_prepare - every statement, once */
static int store_prepare(struct store *store)
{
	for (int i = 0; i < STMT_COUNT; i++) {
		int rc = sqlite3_prepare_v3(store->db, store_sql[i].sql, -1,
					    SQLITE_PREPARE_PERSISTENT,
					    &store->stmt[i], NULL);

		if (rc != SQLITE_OK)
			return store_fail(store, rc, store_sql[i].what);
	}
	return 0;
}

/* store_load_cache - the phished domains already stored */
static int store_load_cache(struct store *store)
{
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(store->db,
		"SELECT phished_domain FROM campaigns", -1, &stmt, NULL);

	while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const unsigned char *name = sqlite3_column_text(stmt, 0);

		if (name == NULL || strmap_put(store->campaigns,
					       (const char *) name, store,
					       NULL) < 0)
			rc = SQLITE_NOMEM;
		else
			rc = SQLITE_OK;
	}
	if (rc != SQLITE_DONE)
		store_fail(store, rc, "load campaigns");
	(void) sqlite3_finalize(stmt);	/* repeats the error, if any */
	return rc == SQLITE_DONE ? 0 : -1;
}

/* store_claim - the files checked (and locked, for a writer) first */
static int store_claim(struct store *store, enum storefile_use use)
{
	store->file = calloc(1, sizeof(*store->file));
	if (store->file == NULL)
		return store_fail_text(store, "out of memory");
	if (storefile_open(store->file, store->name, use) < 0) {
		memcpy(store->errmsg, store->file->err, sizeof(store->errmsg));
		free(store->file);
		store->file = NULL;
		return -1;
	}
	return 0;
}

/* store_connect - the files, the SQLite handle and its settings */
static int store_connect(struct store *store, const char *path,
			 enum storefile_use use)
{
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	int rc;

	if (path != NULL && store_claim(store, use) < 0)
		return -1;
	/* No SQLITE_OPEN_URI: a path is a path, even "file:...".  The
	 * directory is resolved already (storefile_open()), so NOFOLLOW
	 * refuses a link swapped in for the file itself. */
	if (path != NULL)
		flags |= SQLITE_OPEN_NOFOLLOW;
	rc = sqlite3_open_v2(path != NULL ? store->file->path : store->name,
			     &store->db, flags, NULL);
	if (rc != SQLITE_OK)
		return store_fail(store, rc, "open");
	if ((rc = sqlite3_extended_result_codes(store->db, 1)) != SQLITE_OK
	    || (rc = sqlite3_busy_timeout(store->db, STORE_BUSY_MS))
	       != SQLITE_OK)
		return store_fail(store, rc, "settings");
	return 0;
}

/* store_recheck - the files SQLite opened are the ones checked */
static int store_recheck(struct store *store)
{
	if (store->file == NULL || storefile_recheck(store->file) == 0)
		return 0;
	memcpy(store->errmsg, store->file->err, sizeof(store->errmsg));
	return -1;
}

/* store_setup - check, migrate, prepare and cache */
static int store_setup(struct store *store, const char *path,
		       enum storefile_use use)
{
	long version;

	if (store_connect(store, path, use) < 0
	    || store_check_version(store, &version) < 0)
		return -1;
	if (path != NULL && store_set_wal(store) < 0)
		return -1;
	if (store_migrate(store, version) < 0 || store_prepare(store) < 0)
		return -1;
	store->campaigns = strmap_new(STORE_CACHE_HINT);
	if (store->campaigns == NULL)
		return store_fail_text(store, "out of memory");
	if (store_load_cache(store) < 0)
		return -1;
	return store_recheck(store);
}

/* store_open_as - open or create, as a writer or a reader */
static struct store *store_open_as(const char *path, enum storefile_use use,
				   char err[STORE_ERR_MAX])
{
	struct store *store = calloc(1, sizeof(*store));

	if (store == NULL)
		goto nomem;
	store->name = strdup(path != NULL ? path : ":memory:");
	if (store->name == NULL)
		goto nomem;
	if (store_setup(store, path, use) < 0) {
		memcpy(err, store->errmsg, STORE_ERR_MAX);
		store_close(store);
		return NULL;
	}
	return store;
nomem:
	free(store);
	snprintf(err, STORE_ERR_MAX, "%.*s: out of memory", STORE_NAME_SHOWN,
		 path != NULL ? path : ":memory:");
	return NULL;
}

/* store_setup_readonly - an existing file, read only: checked and
 * cached, never created, migrated nor switched to WAL; 1 when it holds
 * no schema yet (empty: phishwatch would set it up), 2 when its schema
 * is older (phishwatch would migrate it) */
static int store_setup_readonly(struct store *store)
{
	long version;
	int rc = sqlite3_open_v2(store->name, &store->db,
				 SQLITE_OPEN_READONLY, NULL);

	if (rc != SQLITE_OK)
		return store_fail(store, rc, "open read-only");
	if ((rc = sqlite3_extended_result_codes(store->db, 1)) != SQLITE_OK
	    || (rc = sqlite3_busy_timeout(store->db, STORE_BUSY_MS))
	       != SQLITE_OK)
		return store_fail(store, rc, "settings");
	if (store_check_version(store, &version) < 0)
		return -1;
	if (version == 0)
		return 1;
	if (version < STORE_SCHEMA_VERSION) {
		snprintf(store->errmsg, sizeof(store->errmsg), "%.*s: schema "
			 "version %ld, older than this phishwatch's (%d)",
			 STORE_NAME_SHOWN, store->name, version,
			 STORE_SCHEMA_VERSION);
		return 2;
	}
	if (store_prepare(store) < 0)
		return -1;
	store->campaigns = strmap_new(STORE_CACHE_HINT);
	if (store->campaigns == NULL)
		return store_fail_text(store, "out of memory");
	return store_load_cache(store);
}

/* store_open_readonly - an existing store, for reading only */
int store_open_readonly(const char *path, struct store **out,
			char err[STORE_ERR_MAX])
{
	struct store *store;
	struct stat st;
	int status;

	*out = NULL;
	if (stat(path, &st) < 0) {
		snprintf(err, STORE_ERR_MAX, "%.*s: %s", STORE_NAME_SHOWN,
			 path, strerror(errno));
		return errno == ENOENT ? 1 : -1;
	}
	store = calloc(1, sizeof(*store));
	if (store == NULL || (store->name = strdup(path)) == NULL) {
		free(store);
		snprintf(err, STORE_ERR_MAX, "%.*s: out of memory",
			 STORE_NAME_SHOWN, path);
		return -1;
	}
	status = store_setup_readonly(store);
	if (status != 0) {
		if (status == 1)
			snprintf(err, STORE_ERR_MAX, "%.*s: empty",
				 STORE_NAME_SHOWN, path);
		else
			memcpy(err, store->errmsg, STORE_ERR_MAX);
		store_close(store);
		return status > 0 ? 1 : -1;
	}
	*out = store;
	return 0;
}

/* store_open - open or create, for writing: the lock held */
struct store *store_open(const char *path, char err[STORE_ERR_MAX])
{
	return store_open_as(path, STOREFILE_WRITER, err);
}

/* store_open_reader - open or create, without the writer's lock */
struct store *store_open_reader(const char *path, char err[STORE_ERR_MAX])
{
	return store_open_as(path, STOREFILE_READER, err);
}

/* store_close - commit what is pending, then release everything */
void store_close(struct store *store)
{
	int rc;

	if (store == NULL)
		return;
	if (store->db != NULL && store->stmt[STMT_COMMIT] != NULL
	    && !store->stopped && store_commit(store) < 0)
		msg_error("state %s", store->errmsg);
	for (int i = 0; i < STMT_COUNT; i++)
		(void) sqlite3_finalize(store->stmt[i]);	/* NULL is fine */
	rc = sqlite3_close(store->db);
	if (rc != SQLITE_OK)
		msg_error("state %.*s: close: %s", STORE_NAME_SHOWN,
			  store->name, sqlite3_errstr(rc));
	/* The lock last: the next writer finds the database closed. */
	if (store->file != NULL)
		storefile_close(store->file);
	free(store->file);
	strmap_free(store->campaigns, NULL);
	free(store->name);
	free(store);
}
