/*
 * store - what phishwatch has seen, kept in SQLite across restarts.
 *
 * DESCRIPTION
 *	Tables of phished domains (campaigns) and of their sender domains,
 *	each with first and last seen (log time), the rule that matched and
 *	a message count.  The schema version is PRAGMA user_version; the
 *	database runs in WAL mode and is created mode 0600.  Without a path
 *	the database lives in memory.
 *
 *	Order of work for a first-seen event: the caller writes and flushes
 *	the event, then store_campaign_add() commits the row.  A crash
 *	between the two repeats an event on restart; it never loses one.
 *	Updates of counts and last-seen times are batched in one open
 *	transaction that store_commit() ends; the caller commits every so
 *	many lines or seconds and at exit.
 *
 * DIAGNOSTICS
 *	Functions return -1 and store_errmsg() says why; store_busy() tells
 *	a transient failure (database locked) from a lasting one.
 */
#ifndef PHISHWATCH_STORE_H
#define PHISHWATCH_STORE_H

#include <time.h>

#define STORE_ERR_MAX 512
#define STORE_SCHEMA_VERSION 1

struct store;

/* store_open - open or create; NULL with err filled on failure */
struct store *store_open(const char *path, char err[STORE_ERR_MAX]);
void store_close(struct store *store);	/* commits what is pending */

/* store_campaign_known - 1 if the phished domain is stored, 0 if not */
int store_campaign_known(struct store *store, const char *phished_domain);

/* store_campaign_add - record a new campaign and its first sender host,
 * committed on return */
int store_campaign_add(struct store *store, const char *phished_domain,
		       const char *sender_host, const char *rule,
		       time_t first_seen);

/* store_sender_known - 1 if the sender host is stored, 0 if not */
int store_sender_known(struct store *store, const char *sender_host);

/* store_sender_add - record a sender host under a campaign, committed */
int store_sender_add(struct store *store, const char *phished_domain,
		     const char *sender_host, const char *rule,
		     time_t first_seen);

/* store_seen - one more message from sender_host of a stored campaign:
 * count and last seen, in the open batch */
int store_seen(struct store *store, const char *phished_domain,
	       const char *sender_host, time_t seen);

/* store_commit - commit the open batch, if any */
int store_commit(struct store *store);

/* store_campaign_count - campaigns stored (for --check and tests) */
long store_campaign_count(struct store *store);

const char *store_errmsg(const struct store *store);
int store_busy(const struct store *store);	/* last failure was SQLITE_BUSY/LOCKED */

#endif
