/*
 * store - what phishwatch has seen, kept in SQLite across restarts.
 *
 * DESCRIPTION
 *	Tables of phished domains (campaigns) and of their sender domains,
 *	each with first and last seen (log time), the rule that matched and
 *	the counters of tracker.h (messages, recipients, delivered,
 *	deferred, bounced, rejected, discarded), and of the relays that
 *	sent each campaign, and each campaign's counters per hour of log
 *	time (the time series of the chronology).  The schema version is PRAGMA
 *	user_version; the database runs in WAL mode and is created mode 0600.
 *	Without a path the database lives in memory.
 *
 *	Nothing is read into memory at open: campaigns are looked up with
 *	indexed queries behind a cache of fixed size, and the walks step
 *	through rows, so that start-up and memory do not grow with the
 *	number of campaigns.  Counts are summed in memory and written
 *	once per row at each commit.
 *
 *	Order of work for a first-seen event: the caller writes and flushes
 *	the event, then store_campaign_add() commits the row.  A crash
 *	between the two repeats an event on restart; it never loses one.
 *	Updates of counts and last-seen times are batched in one open
 *	transaction that store_commit() ends; the caller commits every so
 *	many lines or seconds and at exit.
 *
 *	One process writes a store: store_open() holds the store's lock
 *	(storefile.h) until store_close(), and fails while another process
 *	holds it.  store_open_readonly() takes no lock, for callers that
 *	only read (--check, a --report of the store alone).  Files are refused
 *	that are symbolic links or not the running user's own (storefile.h).
 *	After a lasting failure (disk full, I/O error, the file removed) the
 *	store writes nothing more.
 *
 * DIAGNOSTICS
 *	Functions return -1 and store_errmsg() says why; store_busy() tells
 *	a transient failure (database locked) from a lasting one.  Nothing
 *	is printed here: the caller reports.
 */
#ifndef PHISHWATCH_STORE_H
#define PHISHWATCH_STORE_H

#include <time.h>

#include "tracker.h"

#define STORE_ERR_MAX 512

struct store;

/* store_open - open or create, as the one writer; NULL with err filled
 * on failure (a lock held by another process too, naming its pid) */
struct store *store_open(const char *path, char err[STORE_ERR_MAX]);
/* store_close - commit what is pending and release everything; 0, or
 * -1 with why in err (may be NULL): the commit's failure, and the
 * close's after it ("; close: ...") */
int store_close(struct store *store, char err[STORE_ERR_MAX]);

/*
 * store_open_readonly - an existing store opened read-only (--check, a
 * --report of the store alone), without the writer's lock, its files
 * checked as store_open() checks them: the file is never created,
 * initialised, migrated nor written.  0 with
 * *out set; 1 when there is nothing to read yet (no such file, or an
 * empty one: phishwatch creates or initialises it when it runs, or one
 * of an older schema, err saying "older": phishwatch migrates it when it
 * runs); -1 on failure.  err says why when *out is NULL.
 */
int store_open_readonly(const char *path, struct store **out,
			char err[STORE_ERR_MAX]);
/* store_discard - roll back what is not committed and write nothing
 * more: a run that failed leaves the store as of its last commit; -1
 * when the rollback failed (store_errmsg() says why) */
int store_discard(struct store *store);

/* store_campaign_known - 1 if the phished domain is stored, 0 if not,
 * -1 on failure */
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

/* store_sender_count - sender hosts stored under a campaign, counted
 * up to most (a bound: the cost does not grow past it); -1 on failure */
long store_sender_count(struct store *store, const char *phished_domain,
			long most);

/*
 * store_count - add a tracker delta (messages, recipients, delivered,
 * deferred, bounced, rejected, discarded) to its campaign and sender
 * rows and move their last seen, in the open batch; to the campaign's
 * row for the hour of seen (one UPSERT: the time series); and, when mta (the
 * syslog host that logged the line) is given, to the campaign's row for
 * that MTA, so that several mail servers' counts add up and stay apart.
 * Campaign and sender rows that do not exist are not created: add them
 * first.
 */
int store_count(struct store *store, const struct tracker_delta *delta,
		const char *mta, time_t seen);

/* store_relay - a relay address (or name) seen sending the campaign */
int store_relay(struct store *store, const char *phished_domain,
		const char *relay);

/* One campaign as the report and the summaries see it. */
struct store_campaign {
	const char *phished_domain;
	const char *rule;    /* the rule that first matched */
	const char *senders; /* sender hosts, comma list, oldest first */
	time_t first_seen, last_seen;
	unsigned long long n[TRACK_COUNTERS]; /* enum tracker_counter */
	unsigned long long relays;            /* distinct relays */
	const char *mtas; /* "mx1=20,mx2=30": messages per MTA */
};

/* Called per campaign; a non-zero return stops the walk and is returned. */
typedef int (*store_campaign_fn)(const struct store_campaign *c, void *ctx);

/* store_campaigns - every campaign, by first seen; strings valid in fn */
int store_campaigns(struct store *store, store_campaign_fn fn, void *ctx);

/* Called per name; a non-zero return stops the walk and is returned. */
typedef int (*store_name_fn)(const char *name, void *ctx);

/* store_recent_campaigns - the phished domains of the most campaigns
 * first seen last, oldest of them first (the brands learned at start) */
int store_recent_campaigns(struct store *store, size_t most, store_name_fn fn,
			   void *ctx);

/* store_quiet_campaigns - campaigns with no message since before
 * quiet_before and no summary since their last message */
int store_quiet_campaigns(struct store *store, time_t quiet_before,
			  store_campaign_fn fn, void *ctx);

/* One bucket of a campaign's time series: the counters of the lines
 * logged from start (UTC) for the bucket's width. */
struct store_bucket {
	time_t start;
	unsigned long long n[TRACK_COUNTERS]; /* enum tracker_counter */
};

/* Called per bucket; a non-zero return stops the walk and is returned. */
typedef int (*store_bucket_fn)(const struct store_bucket *b, void *ctx);

/*
 * store_buckets - a campaign's counters per bucket of width seconds (a
 * multiple of 3600: hours, days), oldest first; buckets with no line
 * are not walked.  Callable from within a store_campaigns() walk.
 * Campaigns counted before the store kept hours (schema 1) have none.
 */
int store_buckets(struct store *store, const char *phished_domain, long width,
		  store_bucket_fn fn, void *ctx);

/* store_summarized - record that a summary covered up to last_seen */
int store_summarized(struct store *store, const char *phished_domain,
		     time_t last_seen);

/* What store_forget() deleted: rows of each table. */
struct store_forgotten {
	long campaigns; /* 1, or 0: no campaign row */
	long senders;   /* its sender domains */
	long mtas;      /* its counts per MTA */
	long relays;    /* its relays */
	long hours;     /* its counts per hour */
};

/*
 * store_forget - delete a campaign (its campaign row, the sender domains
 * stored under it, its rows per MTA and per hour, its relays), committed on
 * return, so that it is new again and its brand is no longer learned at
 * the next start; *gone says how many rows went (all 0: unknown).
 */
int store_forget(struct store *store, const char *phished_domain,
		 struct store_forgotten *gone);

/*
 * store_lock - open the batch now (BEGIN IMMEDIATE, the write lock),
 * unless it is open: after this succeeds nothing waits on another
 * writer until store_commit(), so a caller that takes it before it
 * changes anything (an event written, the tracker moved) never has to
 * undo work when the database is busy.  -1 with store_busy() when
 * another process holds the lock.
 */
int store_lock(struct store *store);

/* store_commit - commit the open batch, if any; a failure other than
 * store_busy() stops the store (nothing more is written) */
int store_commit(struct store *store);

/* store_commits - how many commits succeeded: a caller that sees it
 * move knows that everything before was committed */
unsigned long long store_commits(const struct store *store);

/* store_campaign_count - campaigns stored (for --check and tests) */
long store_campaign_count(struct store *store);

const char *store_errmsg(const struct store *store);
void store_clear_error(struct store *store);
int store_busy(
    const struct store *store); /* last failure was SQLITE_BUSY/LOCKED */
/* store_corrupt - the last failure was a damaged database (a store that
 * cannot be read, as at open: exit 73) */
int store_corrupt(const struct store *store);
/* store_found_empty - the file existed with 0 bytes and was taken for
 * a new store (a store truncated to nothing: its events come again) */
int store_found_empty(const struct store *store);
/* store_nomem - the last failure was out of memory (SQLite's or ours:
 * exit 71) */
int store_nomem(const struct store *store);

#endif
