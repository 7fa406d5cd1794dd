/*
 * storeint - what the files of the store module share: store.c (the
 * transaction, the adds, the lookups), storeopen.c (open and close),
 * storeschema.c (tables and migrations), storestmt.c (the statements,
 * and running them), storebatch.c (the counts of a batch) and
 * storeread.c (reports, summaries, forgetting).  No other module
 * includes it: they see store.h.  storestmt.c is the bottom: it calls
 * no other file of the store.  It includes no store.h: the files that
 * store.c calls (storestmt.c, storeschema.c, storebatch.c) see only
 * this, so that the store's includes run one way.
 */
#ifndef PHISHWATCH_STOREINT_H
#define PHISHWATCH_STOREINT_H

#include <sqlite3.h>
#include <time.h>

#include "relaycache.h"
#include "storecache.h"
#include "storefile.h"
#include "tracker.h"

/* PRAGMA user_version of the tables storeschema.c makes. */
#define STORE_SCHEMA_VERSION 3
/* Short, so that a locked database makes omprog retry, not hang. */
#define STORE_BUSY_MS 100
/* Names are host names (<= 253) and rule names; longer is a caller bug. */
#define STORE_TEXT_MAX 1024
/* File names in messages are cut here. */
#define STORE_NAME_SHOWN 200
/* The step of the time series: campaign_hours rows. */
#define STORE_HOUR 3600
/* Campaigns, and sender hosts, known without asking SQLite: those of
 * the latest lines. */
#define STORE_CACHE_SIZE 2048
/* SQLite's page cache for a store file, KiB.  Its default (2 MiB)
 * grew with the relays table to most of a stream's peak RSS; the hot
 * names are in the caches above, so the pages are read once per batch,
 * and the OS keeps the file's pages. */
#define STORE_PAGE_CACHE_KIB 512
/* Rows counted in memory between two writes; more are written early,
 * into the same open transaction.  A burst's commit writes 500 to
 * 600 rows (most of them sender hosts and relays): a table of 512
 * filled in most commits, and a row seen again after the early write
 * was written twice. */
#define STORE_BATCH_ROWS 2048

enum store_stmt {
	STMT_BEGIN,
	STMT_COMMIT,
	STMT_ROLLBACK,
	STMT_CAMPAIGN_ADD,
	STMT_SENDER_ADD,
	STMT_CAMPAIGN_KNOWN,
	STMT_SENDER_KNOWN,
	STMT_CAMPAIGN_SEEN,
	STMT_SENDER_SEEN,
	STMT_RELAY_ADD,
	STMT_MTA_SEEN,
	STMT_HOUR_SEEN,
	STMT_BUCKETS,
	STMT_CAMPAIGN_COUNT,
	STMT_CAMPAIGNS,
	STMT_QUIET,
	STMT_RECENT,
	STMT_SUMMARIZED,
	STMT_SENDER_COUNT,
	STMT_COUNT
};

/* Parameter numbers shared by the statements (storeschema.c); the
 * counters of struct tracker_delta follow P_COUNTERS in their enum
 * order, and P_LAST (a last seen) follows them. */
enum {
	P_DOMAIN = 1,
	P_HOST = 2,
	P_RULE = 3,
	P_TIME = 4,
	P_COUNTERS = 5,
	P_LAST = P_COUNTERS + TRACK_COUNTERS
};

struct storebatch;

struct store {
	sqlite3 *db;
	sqlite3_stmt *stmt[STMT_COUNT];
	struct storecache *known;       /* campaigns found stored */
	struct storecache *senders;     /* sender hosts found stored */
	struct storebatch *batch;       /* counts not yet written */
	struct relaycache *relays;      /* relay rows known stored */
	char *name;                     /* path or ":memory:", for messages */
	struct storefile *file;         /* NULL in memory */
	char errmsg[STOREFILE_ERR_MAX]; /* STORE_ERR_MAX (store.c) */
	int busy;                       /* last failure was BUSY or LOCKED */
	int corrupt;                    /* last failure: a damaged file */
	int nomem;                      /* last failure: out of memory */
	int stopped;                    /* a lasting failure, or discarded:
					 * nothing more is written */
	unsigned long long commits;     /* commits that succeeded */
};

/* storestmt.c */
int store_is_busy(int rc);
void store_say(struct store *store, int rc, const char *what, const char *why);
int store_fail(struct store *store, int rc, const char *what);
int store_fail_text(struct store *store, const char *what);
int store_fail_nomem(struct store *store);
int store_step(struct store *store, enum store_stmt id);
int store_run(struct store *store, enum store_stmt id);
int store_check_text(struct store *store, const char *text);
int store_bind_text(struct store *store, enum store_stmt id, int param,
		    const char *text);
int store_bind_int(struct store *store, enum store_stmt id, int param,
		   sqlite3_int64 value);
int store_begin(struct store *store);
int store_prepare(struct store *store);

/* store.c */
void store_rollback(struct store *store);

/* storeschema.c */
int store_check_version(struct store *store, long *version);
int store_migrate(struct store *store, long from);
int store_set_wal(struct store *store);

/* storebatch.c: the counts of store_count() and store_relay() */
struct storebatch *storebatch_new(void);
void storebatch_free(struct storebatch *batch);
/* store_batch_count, store_batch_relay - checked names, in the open
 * transaction, into the batch (written early when it is full) */
int store_batch_count(struct store *store, const struct tracker_delta *delta,
		      const char *mta, time_t seen);
int store_batch_relay(struct store *store, const char *phished_domain,
		      const char *relay);
/* store_batch_write - the counts into the open transaction, before a
 * commit and before any statement that reads or adds what they count */
int store_batch_write(struct store *store);
/* store_batch_drop - forget them: their transaction was rolled back */
void store_batch_drop(struct store *store);

#endif
