/*
 * NAME
 *	storestmt - the store's statements (see storeint.h)
 * SUMMARY
 *	Their SQL, prepared once; running and binding them; the failure
 *	each records.
 * DESCRIPTION
 *	Every other file of the store (store.c, storebatch.c, storeread.c,
 *	storeschema.c, storeopen.c) runs its SQL through here, and none of
 *	them through another: the transaction and the adds (store.c) call
 *	the batch (storebatch.c) and the schema (storeschema.c), never the
 *	other way round.  A failure is recorded in the store (errmsg, busy,
 *	corrupt) for store_errmsg() and store_busy(); no function here
 *	prints.
 */
#include <stdio.h>
#include <string.h>

#include "storeint.h"

#define STORE_COUNTER_SETS                                        \
	"messages = messages + ?5, recipients = recipients + ?6," \
	" delivered = delivered + ?7, deferred = deferred + ?8,"  \
	" bounced = bounced + ?9, rejected = rejected + ?10,"     \
	" discarded = discarded + ?11"

/* One campaign's row for struct store_campaign; WHERE and ORDER follow. */
#define STORE_CAMPAIGN_SELECT                                                  \
	"SELECT c.phished_domain, c.rule, c.first_seen, c.last_seen,"          \
	" (SELECT group_concat(sender_host, ',') FROM (SELECT sender_host"     \
	"  FROM senders s WHERE s.phished_domain = c.phished_domain"           \
	"  ORDER BY s.first_seen, s.sender_host)),"                            \
	" (SELECT count(*) FROM relays r"                                      \
	"  WHERE r.phished_domain = c.phished_domain),"                        \
	" (SELECT group_concat(mta || '=' || messages, ',') FROM (SELECT mta," \
	"  messages FROM campaign_mtas m WHERE m.phished_domain ="             \
	"  c.phished_domain ORDER BY mta)),"                                   \
	" c.messages, c.recipients, c.delivered, c.deferred, c.bounced,"       \
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
    [STMT_BEGIN] = {"begin", "BEGIN IMMEDIATE"},
    [STMT_COMMIT] = {"commit", "COMMIT"},
    [STMT_ROLLBACK] = {"rollback", "ROLLBACK"},
    [STMT_CAMPAIGN_ADD] =
	{"add campaign",
	 "INSERT INTO campaigns (phished_domain, first_seen, last_seen, rule,"
	 " first_sender) VALUES (?1, ?4, ?4, ?3, ?2)"
	 " ON CONFLICT (phished_domain) DO NOTHING"},
    [STMT_SENDER_ADD] =
	{"add sender",
	 "INSERT INTO senders (sender_host, phished_domain, first_seen,"
	 " last_seen, rule) VALUES (?2, ?1, ?4, ?4, ?3)"
	 " ON CONFLICT (sender_host) DO NOTHING"},
    [STMT_CAMPAIGN_KNOWN] =
	{"look up campaign",
	 "SELECT 1 FROM campaigns WHERE phished_domain = ?1"},
    [STMT_SENDER_KNOWN] = {"look up sender",
			   "SELECT 1 FROM senders WHERE sender_host = ?2"},
    [STMT_CAMPAIGN_SEEN] =
	{"count campaign messages",
	 "UPDATE campaigns SET " STORE_COUNTER_SETS ","
	 " first_seen = min(first_seen, ?4), last_seen = max(last_seen, ?12)"
	 " WHERE phished_domain = ?1"},
    [STMT_SENDER_SEEN] =
	{"count sender messages",
	 "UPDATE senders SET " STORE_COUNTER_SETS ","
	 " first_seen = min(first_seen, ?4), last_seen = max(last_seen, ?12)"
	 " WHERE sender_host = ?2"},
    [STMT_MTA_SEEN] =
	{"count messages per MTA",
	 "INSERT INTO campaign_mtas (phished_domain, mta, messages, recipients,"
	 " delivered, deferred, bounced, rejected, discarded)"
	 " VALUES (?1, ?3, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
	 " ON CONFLICT (phished_domain, mta) DO UPDATE "
	 "SET " STORE_COUNTER_SETS},
    /* ?4: the hour the line was logged in (seconds, a multiple of 3600) */
    [STMT_HOUR_SEEN] = {"count messages per hour",
			"INSERT INTO campaign_hours (phished_domain, hour, "
			"messages, recipients,"
			" delivered, deferred, bounced, rejected, discarded)"
			" VALUES (?1, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
			" ON CONFLICT (phished_domain, hour) DO UPDATE "
			"SET " STORE_COUNTER_SETS},
    /* ?4: the width of a bucket in seconds, a multiple of 3600 */
    [STMT_BUCKETS] =
	{"list a campaign's counts per bucket",
	 "SELECT hour - hour % ?4 AS b, sum(messages), sum(recipients),"
	 " sum(delivered), sum(deferred), sum(bounced), sum(rejected),"
	 " sum(discarded) FROM campaign_hours WHERE phished_domain = ?1"
	 " GROUP BY b ORDER BY b"},
    [STMT_RELAY_ADD] =
	{"add relay",
	 "INSERT INTO relays (phished_domain, relay) VALUES (?1, ?2)"
	 " ON CONFLICT DO NOTHING"},
    [STMT_CAMPAIGN_COUNT] = {"count campaigns",
			     "SELECT count(*) FROM campaigns"},
    [STMT_CAMPAIGNS] = {"list campaigns", STORE_CAMPAIGN_SELECT
			" ORDER BY c.first_seen, c.phished_domain"},
    /* ?4: campaigns quiet since before then and not yet summarized
	 * since their last message (the partial index of schema 3) */
    [STMT_QUIET] = {"list quiet campaigns", STORE_CAMPAIGN_SELECT
		    " INDEXED BY campaigns_unsummarized"
		    " WHERE (c.summarized_at IS NULL"
		    " OR c.summarized_at < c.last_seen) AND c.last_seen < ?4"
		    " ORDER BY c.first_seen, c.phished_domain"},
    /* ?4: how many; the latest first seen, in the order they came */
    [STMT_RECENT] =
	{"list recent campaigns",
	 "SELECT phished_domain FROM (SELECT phished_domain, first_seen"
	 " FROM campaigns ORDER BY first_seen DESC, phished_domain DESC"
	 " LIMIT ?4) ORDER BY first_seen, phished_domain"},
    [STMT_SUMMARIZED] =
	{"mark campaign summarized",
	 "UPDATE campaigns SET summarized_at = ?4 WHERE phished_domain = ?1"},
    /* ?4: count no further, so that a campaign of thousands of sender
	 * domains costs what one of ?4 does (the index senders_by_campaign) */
    [STMT_SENDER_COUNT] =
	{"count a campaign's sender domains",
	 "SELECT count(*) FROM (SELECT 1 FROM senders WHERE phished_domain = ?1"
	 " LIMIT ?4)"},
};

/* store_stmt_what - a statement's name, for messages */
static const char *store_stmt_what(enum store_stmt id)
{
	return store_sql[id].what;
}

/* store_is_busy - a transient lock conflict, worth a retry */
int store_is_busy(int rc)
{
	return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
}

/*
 * store_say - errmsg: the store, what was done, SQLite's words, and for a
 * file that could not be opened or read the system's reason: SQLite says
 * only "unable to open database file" whether the directory is missing,
 * the descriptors ran out (EMFILE) or the journal may not be created
 */
void store_say(struct store *store, int rc, const char *what, const char *why)
{
	int sys = store->db != NULL ? sqlite3_system_errno(store->db) : 0;
	int os = (rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_IOERR;

	snprintf(store->errmsg, sizeof(store->errmsg), "%.*s: %s: %s%s%s%s",
		 STORE_NAME_SHOWN, store->name, what, why,
		 os && sys != 0 ? " (" : "",
		 os && sys != 0 ? strerror(sys) : "",
		 os && sys != 0 ? ")" : "");
}

/* store_fail - remember why (what, SQLite's words) and whether transient */
int store_fail(struct store *store, int rc, const char *what)
{
	store->busy = store_is_busy(rc);
	store->corrupt =
	    (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
	store->nomem = (rc & 0xff) == SQLITE_NOMEM;
	store_say(store, rc, what,
		  store->db != NULL ? sqlite3_errmsg(store->db)
				    : sqlite3_errstr(rc));
	return -1;
}

/* store_fail_text - an error that is not SQLite's */
int store_fail_text(struct store *store, const char *what)
{
	store->busy = 0;
	store->corrupt = 0;
	store->nomem = 0;
	snprintf(store->errmsg, sizeof(store->errmsg), "%.*s: %s",
		 STORE_NAME_SHOWN, store->name, what);
	return -1;
}

/* store_fail_nomem - an allocation of ours failed */
int store_fail_nomem(struct store *store)
{
	store_fail_text(store, "out of memory");
	store->nomem = 1;
	return -1;
}

/* store_step - run a statement: SQLITE_ROW, SQLITE_DONE, or -1 (reset) */
int store_step(struct store *store, enum store_stmt id)
{
	sqlite3_stmt *stmt = store->stmt[id];
	int rc = sqlite3_step(stmt);

	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc;
	store_fail(store, rc, store_stmt_what(id));
	/* reset repeats the step's error, recorded just above */
	(void)sqlite3_reset(stmt);
	return -1;
}

/* store_run - a statement whose rows, if any, do not matter; 0 or -1 */
int store_run(struct store *store, enum store_stmt id)
{
	if (store_step(store, id) < 0)
		return -1;
	(void)sqlite3_reset(store->stmt[id]); /* the step succeeded */
	return 0;
}

/* store_check_text - a name we are willing to store: set, bounded */
int store_check_text(struct store *store, const char *text)
{
	if (text == NULL || text[0] == '\0')
		return store_fail_text(store, "empty name");
	if (strnlen(text, STORE_TEXT_MAX + 1) > STORE_TEXT_MAX)
		return store_fail_text(store, "name too long");
	return 0;
}

/* store_bind_text - bind a checked name; the caller resets before it dies */
int store_bind_text(struct store *store, enum store_stmt id, int param,
		    const char *text)
{
	int rc = sqlite3_bind_text(store->stmt[id], param, text,
				   (int)strlen(text), SQLITE_STATIC);

	return rc == SQLITE_OK ? 0 : store_fail(store, rc, "bind");
}

/* store_bind_int - bind a number */
int store_bind_int(struct store *store, enum store_stmt id, int param,
		   sqlite3_int64 value)
{
	int rc = sqlite3_bind_int64(store->stmt[id], param, value);

	return rc == SQLITE_OK ? 0 : store_fail(store, rc, "bind");
}

/* store_begin - open the write transaction unless one is open */
int store_begin(struct store *store)
{
	if (store->stopped)
		return -1; /* errmsg still says why */
	if (!sqlite3_get_autocommit(store->db))
		return 0;
	/* Relay rows put since the last commit were in a transaction
	 * that ended without one (SQLite rolled it back on its own). */
	relaycache_abort(store->relays);
	return store_run(store, STMT_BEGIN);
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
