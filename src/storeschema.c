/*
 * storeschema - the store's tables, statements and migrations.
 *
 * SUMMARY
 *	campaigns(phished_domain PK, first_seen, last_seen, rule,
 *		  first_sender, summarized_at, counters...)
 *	senders(sender_host PK, phished_domain, first_seen, last_seen,
 *		rule, counters...)
 *	campaign_mtas(phished_domain, mta, counters...)
 *	relays(phished_domain, relay)
 *	campaign_hours(phished_domain, hour, counters...)
 *	The counters are those of tracker.h; times are seconds since the
 *	epoch (UTC) of the log lines.  Schema 3 indexes campaigns by first
 *	seen (the brands learned at start: the latest campaigns) and the
 *	campaigns not summarized since their last message (summaries), so
 *	that neither reads every campaign.
 *
 * DESCRIPTION
 *	The schema version is PRAGMA user_version.  Opening a database of
 *	an older version runs one migration step per version, in a single
 *	transaction, so a crash leaves either the old or the new schema; a
 *	newer version, or a database of another program (version 0 with
 *	tables in it), is refused rather than touched.
 */
#include <stdio.h>
#include <string.h>

#include "storeint.h"

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

/* One campaign's row for struct store_campaign; WHERE and ORDER follow. */
#define STORE_CAMPAIGN_SELECT \
	"SELECT c.phished_domain, c.rule, c.first_seen, c.last_seen," \
	" (SELECT group_concat(sender_host, ',') FROM (SELECT sender_host" \
	"  FROM senders s WHERE s.phished_domain = c.phished_domain" \
	"  ORDER BY s.first_seen, s.sender_host))," \
	" (SELECT count(*) FROM relays r" \
	"  WHERE r.phished_domain = c.phished_domain)," \
	" (SELECT group_concat(mta || '=' || messages, ',') FROM (SELECT mta," \
	"  messages FROM campaign_mtas m WHERE m.phished_domain =" \
	"  c.phished_domain ORDER BY mta))," \
	" c.messages, c.recipients, c.delivered, c.deferred, c.bounced," \
	" c.rejected, c.discarded FROM campaigns c"


/*
 * Statements, prepared once at open, each with its name for messages.
 * Both adds take ?1 phished domain, ?2 sender host, ?3 rule, ?4 time,
 * ?5 messages; both seen updates take ?1 phished domain or ?2 sender
 * host, ?4 the first and ?12 the last time of the lines a batch counted
 * (storebatch.c).  min/max keep the times right when the logs of
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
	[STMT_CAMPAIGN_KNOWN] = { "look up campaign",
	"SELECT 1 FROM campaigns WHERE phished_domain = ?1" },
	[STMT_SENDER_KNOWN] = { "look up sender",
	"SELECT 1 FROM senders WHERE sender_host = ?2" },
	[STMT_CAMPAIGN_SEEN] = { "count campaign messages",
	"UPDATE campaigns SET " STORE_COUNTER_SETS ","
	" first_seen = min(first_seen, ?4), last_seen = max(last_seen, ?12)"
	" WHERE phished_domain = ?1" },
	[STMT_SENDER_SEEN] = { "count sender messages",
	"UPDATE senders SET " STORE_COUNTER_SETS ","
	" first_seen = min(first_seen, ?4), last_seen = max(last_seen, ?12)"
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
	[STMT_CAMPAIGNS] = { "list campaigns",
	STORE_CAMPAIGN_SELECT " ORDER BY c.first_seen, c.phished_domain" },
	/* ?4: campaigns quiet since before then and not yet summarized
	 * since their last message (the partial index of schema 3) */
	[STMT_QUIET] = { "list quiet campaigns",
	STORE_CAMPAIGN_SELECT " INDEXED BY campaigns_unsummarized"
	" WHERE (c.summarized_at IS NULL"
	" OR c.summarized_at < c.last_seen) AND c.last_seen < ?4"
	" ORDER BY c.first_seen, c.phished_domain" },
	/* ?4: how many; the latest first seen, in the order they came */
	[STMT_RECENT] = { "list recent campaigns",
	"SELECT phished_domain FROM (SELECT phished_domain, first_seen"
	" FROM campaigns ORDER BY first_seen DESC, phished_domain DESC"
	" LIMIT ?4) ORDER BY first_seen, phished_domain" },
	[STMT_SUMMARIZED] = { "mark campaign summarized",
	"UPDATE campaigns SET summarized_at = ?4 WHERE phished_domain = ?1" },
	/* ?4: count no further, so that a campaign of thousands of sender
	 * domains costs what one of ?4 does (the index senders_by_campaign) */
	[STMT_SENDER_COUNT] = { "count a campaign's sender domains",
	"SELECT count(*) FROM (SELECT 1 FROM senders WHERE phished_domain = ?1"
	" LIMIT ?4)" },
};

/* store_stmt_what - a statement's name, for messages */
const char *store_stmt_what(enum store_stmt id)
{
	return store_sql[id].what;
}

/* store_exec - SQL text without results (open and migrations only) */
static int store_exec(struct store *store, const char *sql, const char *what)
{
	char *why = NULL;
	int rc = sqlite3_exec(store->db, sql, NULL, NULL, &why);

	if (rc == SQLITE_OK)
		return 0;
	store->busy = store_is_busy(rc);
	store_say(store, rc, what, why != NULL ? why : sqlite3_errstr(rc));
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

/* store_migrate_3 - the indexes that spare start-up and summaries a
 * read of every campaign */
static int store_migrate_3(struct store *store)
{
	return store_exec(store,
		"CREATE INDEX IF NOT EXISTS campaigns_by_first_seen"
		" ON campaigns (first_seen, phished_domain);"
		"CREATE INDEX IF NOT EXISTS campaigns_unsummarized"
		" ON campaigns (last_seen)"
		" WHERE summarized_at IS NULL OR summarized_at < last_seen;",
		"create schema 3");
}

static store_migration *const store_migrations[STORE_SCHEMA_VERSION + 1] = {
	[1] = store_migrate_1,
	[2] = store_migrate_2,
	[3] = store_migrate_3,
};

/* store_migrate - from schema version `from` to the current one */
int store_migrate(struct store *store, long from)
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
int store_check_version(struct store *store, long *version)
{
	long tables;

	/* The first read: a file that is not SQLite fails here, but so
	 * does one that cannot be opened (no descriptor left): say which. */
	if (store_query_int(store, "PRAGMA user_version",
			    "read schema version", version) < 0) {
		if (store->corrupt)
			store_fail(store, SQLITE_NOTADB,
				   "not a phishwatch state database");
		return -1;
	}
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
int store_set_wal(struct store *store)
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
int store_prepare(struct store *store)
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
