/*
 * storeschema - the store's tables and migrations (the statements are in
 * storestmt.c).
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
#define STORE_COUNTER_COLUMNS                     \
	"messages INTEGER NOT NULL DEFAULT 0,"    \
	" recipients INTEGER NOT NULL DEFAULT 0," \
	" delivered INTEGER NOT NULL DEFAULT 0,"  \
	" deferred INTEGER NOT NULL DEFAULT 0,"   \
	" bounced INTEGER NOT NULL DEFAULT 0,"    \
	" rejected INTEGER NOT NULL DEFAULT 0,"   \
	" discarded INTEGER NOT NULL DEFAULT 0"

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
		*value = (long)sqlite3_column_int64(stmt, 0);
	else
		store_fail(store, rc == SQLITE_DONE ? SQLITE_ERROR : rc, what);
	/* finalize repeats the step's error, recorded above */
	(void)sqlite3_finalize(stmt);
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
		snprintf(buf, size, "%s", (const char *)text);
	else
		store_fail(store,
			   rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_NOMEM
								 : rc,
			   what);
	(void)sqlite3_finalize(stmt);
	return text != NULL ? 0 : -1;
}

/*
 * Migration steps: store_migrations[v] turns schema v - 1 into v.  Each
 * runs inside the migration transaction.  To extend the schema, add a
 * step (ALTER TABLE campaigns ADD COLUMN ... DEFAULT 0) and raise
 * STORE_SCHEMA_VERSION in storeint.h.
 */
typedef int store_migration(struct store *store);

/* store_migrate_1 - campaigns, their sender domains and relays */
static int store_migrate_1(struct store *store)
{
	return store_exec(
	    store,
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
	return store_exec(
	    store,
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
		(void)sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* store_check_version - read user_version; refuse what is not ours */
int store_check_version(struct store *store, long *version)
{
	long tables;

	/* The first read: a file that is not SQLite fails here, but so
	 * does one that cannot be opened (no descriptor left): say which. */
	if (store_query_int(store, "PRAGMA user_version", "read schema version",
			    version)
	    < 0) {
		if (store->corrupt)
			store_fail(store, SQLITE_NOTADB,
				   "not a phishwatch state database");
		return -1;
	}
	if (*version > STORE_SCHEMA_VERSION) {
		snprintf(store->errmsg, sizeof(store->errmsg),
			 "%.*s: schema "
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
			    "read schema", &tables)
	    < 0)
		return -1;
	if (tables > 0)
		return store_fail_text(
		    store, "a SQLite database of another "
			   "program (tables, but no schema version)");
	return 0;
}

/* store_set_wal - WAL journal (readers never block the writer), and a
 * page cache of a fixed size (STORE_PAGE_CACHE_KIB) */
int store_set_wal(struct store *store)
{
	char mode[16];
	char sql[64];

	if (store_query_text(store, "PRAGMA journal_mode = WAL", "set WAL mode",
			     mode, sizeof(mode))
	    < 0)
		return -1;
	if (strcmp(mode, "wal") != 0)
		return store_fail_text(store, "WAL mode refused");
	snprintf(sql, sizeof(sql), "PRAGMA cache_size = -%d",
		 STORE_PAGE_CACHE_KIB);
	if (store_exec(store, sql, "cache size") < 0)
		return -1;
	/* In WAL mode a power cut may lose the last commits, never
	 * consistency: a lost campaign row only repeats its event. */
	return store_exec(store, "PRAGMA synchronous = NORMAL", "synchronous");
}
