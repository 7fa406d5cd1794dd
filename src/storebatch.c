/*
 * storebatch - the counts of a batch, summed in memory and written once
 * per row at the commit (see storeint.h).
 *
 * DESCRIPTION
 *	store_count() and store_relay() used to run four to five SQL
 *	statements per campaign line; in a burst that was most of the
 *	time.  They now add the line's delta to a row of a fixed table,
 *	one row per campaign, sender host, campaign and MTA, campaign and
 *	hour, and campaign and relay: a hash, a compare and some
 *	additions, nothing allocated.  store_batch_write() runs one
 *	statement per row, in the transaction the lines were counted in
 *	(store_count() in store.c checks the names and opens it, as it
 *	did), before that transaction
 *	commits and before any add or read that would see the counts: what
 *	each commit stores, and what each read sees, are what they were.
 *	A table that fills is written early, into the same transaction.
 *
 *	A row written is taken off the table at once, so that a write
 *	that fails half way (busy) and is tried again writes each row
 *	once.  A rollback, or a transaction SQLite ended on its own after
 *	an error, takes the table's rows with it, as it took their
 *	UPDATEs before.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "storeint.h"

#define STOREBATCH_SLOTS (4 * STORE_BATCH_ROWS) /* a power of two */
#define STOREBATCH_NONE  UINT16_MAX
/* The names of the rows, one after the other (128 bytes a row). */
#define STOREBATCH_TEXT (256 * 1024)
/* The most one store_count() call adds: four rows of two names each. */
#define STOREBATCH_CALL_TEXT (4 * 2 * (STORE_TEXT_MAX + 1))

enum storebatch_kind {
	SB_CAMPAIGN, /* key: phished domain */
	SB_SENDER,   /* key: sender host */
	SB_MTA,      /* key, sub: phished domain, MTA */
	SB_HOUR,     /* key, hour: phished domain, hour */
	SB_RELAY     /* key, sub: phished domain, relay */
};

struct storebatch_row {
	enum storebatch_kind kind;
	uint32_t hash;
	int counted;               /* first and last are set */
	sqlite3_int64 hour;        /* SB_HOUR */
	sqlite3_int64 first, last; /* SB_CAMPAIGN, SB_SENDER */
	sqlite3_int64 n[TRACK_COUNTERS];
	const char *key; /* in the batch's text */
	const char *sub; /* in the batch's text; "" */
};

struct storebatch {
	size_t used;                     /* rows 0..used-1 */
	size_t written;                  /* rows 0..written-1 are in SQLite */
	size_t text_used;                /* bytes of text taken */
	uint16_t slot[STOREBATCH_SLOTS]; /* row numbers, or NONE */
	struct storebatch_row row[STORE_BATCH_ROWS];
	char text[STOREBATCH_TEXT];
};

/* storebatch_new - an empty table; its rows' pages are touched only
 * as rows are used */
struct storebatch *storebatch_new(void)
{
	struct storebatch *batch = calloc(1, sizeof(*batch));

	if (batch != NULL)
		memset(batch->slot, 0xff, sizeof(batch->slot));
	return batch;
}

/* storebatch_free - release the table */
void storebatch_free(struct storebatch *batch)
{
	free(batch);
}

/* storebatch_clear - no row left */
static void storebatch_clear(struct storebatch *batch)
{
	if (batch->used == 0)
		return;
	memset(batch->slot, 0xff, sizeof(batch->slot));
	batch->used = batch->written = batch->text_used = 0;
}

/* storebatch_text - a copy of name in the batch's text (room checked
 * by store_batch_room()) */
static const char *storebatch_text(struct storebatch *batch, const char *name)
{
	size_t len = strlen(name) + 1;
	char *copy = batch->text + batch->text_used;

	memcpy(copy, name, len);
	batch->text_used += len;
	return copy;
}

/* storebatch_hash - FNV-1a over the kind, the names and the hour */
static uint32_t storebatch_hash(enum storebatch_kind kind, const char *key,
				const char *sub, sqlite3_int64 hour)
{
	uint32_t h = 2166136261u ^ (uint32_t)kind;

	for (; *key != '\0'; key++)
		h = (h ^ (unsigned char)*key) * 16777619u;
	h = (h ^ 0xffu) * 16777619u;
	for (; *sub != '\0'; sub++)
		h = (h ^ (unsigned char)*sub) * 16777619u;
	return (h ^ (uint32_t)(hour / STORE_HOUR)) * 16777619u;
}

/* storebatch_find - the row of (kind, key, sub, hour), added with zero
 * counts when new (store_batch_room() made room for it) */
static struct storebatch_row *storebatch_find(struct storebatch *batch,
					      enum storebatch_kind kind,
					      const char *key, const char *sub,
					      sqlite3_int64 hour)
{
	uint32_t hash = storebatch_hash(kind, key, sub, hour);
	size_t i = hash & (STOREBATCH_SLOTS - 1);
	struct storebatch_row *row;

	for (; batch->slot[i] != STOREBATCH_NONE;
	     i = (i + 1) & (STOREBATCH_SLOTS - 1)) {
		row = batch->row + batch->slot[i];
		if (row->hash == hash && row->kind == kind && row->hour == hour
		    && strcmp(row->key, key) == 0 && strcmp(row->sub, sub) == 0)
			return row;
	}
	batch->slot[i] = (uint16_t)batch->used;
	row = batch->row + batch->used++;
	row->kind = kind;
	row->hash = hash;
	row->hour = hour;
	row->counted = 0;
	row->first = row->last = 0;
	memset(row->n, 0, sizeof(row->n));
	row->key = storebatch_text(batch, key);
	row->sub = storebatch_text(batch, sub);
	return row;
}

/* storebatch_add - a delta into its row; the first and last times of
 * the lines it summed */
static void storebatch_add(struct storebatch_row *row,
			   const struct tracker_delta *delta,
			   sqlite3_int64 seen)
{
	for (int i = 0; i < TRACK_COUNTERS; i++)
		row->n[i] += (sqlite3_int64)delta->n[i];
	if (!row->counted || seen < row->first)
		row->first = seen;
	if (!row->counted || seen > row->last)
		row->last = seen;
	row->counted = 1;
}

/* store_hour - the start of the hour of t (UTC), for the time series */
static sqlite3_int64 store_hour(time_t t)
{
	return (sqlite3_int64)(t - (t % STORE_HOUR + STORE_HOUR) % STORE_HOUR);
}

/* store_batch_room - room for the rows of one more call, writing the
 * table early (into the open transaction) when it has not */
static int store_batch_room(struct store *store)
{
	struct storebatch *batch = store->batch;

	if (batch->used + 4 <= STORE_BATCH_ROWS
	    && batch->text_used + STOREBATCH_CALL_TEXT <= STOREBATCH_TEXT)
		return 0;
	return store_batch_write(store);
}

/* store_batch_count - a checked delta into its campaign, sender, MTA
 * and hour rows, in the open transaction */
int store_batch_count(struct store *store, const struct tracker_delta *delta,
		      const char *mta, time_t seen)
{
	struct storebatch *batch = store->batch;
	sqlite3_int64 when = (sqlite3_int64)seen;

	if (store_batch_room(store) < 0)
		return -1;
	storebatch_add(
	    storebatch_find(batch, SB_CAMPAIGN, delta->phished_domain, "", 0),
	    delta, when);
	storebatch_add(
	    storebatch_find(batch, SB_SENDER, delta->sender_host, "", 0), delta,
	    when);
	if (mta != NULL)
		storebatch_add(storebatch_find(batch, SB_MTA,
					       delta->phished_domain, mta, 0),
			       delta, when);
	storebatch_add(storebatch_find(batch, SB_HOUR, delta->phished_domain,
				       "", store_hour(seen)),
		       delta, when);
	return 0;
}

/* store_batch_relay - a checked relay of a campaign, in the batch */
int store_batch_relay(struct store *store, const char *phished_domain,
		      const char *relay)
{
	/* Stored already: its INSERT ... DO NOTHING would change nothing. */
	if (relaycache_has(store->relays, phished_domain, relay))
		return 0;
	if (store_batch_room(store) < 0)
		return -1;
	(void)storebatch_find(store->batch, SB_RELAY, phished_domain, relay, 0);
	return 0;
}

/* storebatch_bind - the names and times of a row into its statement */
static int storebatch_bind(struct store *store, enum store_stmt id,
			   const struct storebatch_row *row)
{
	switch (row->kind) {
	case SB_CAMPAIGN:
	case SB_SENDER:
		return store_bind_text(store, id,
				       row->kind == SB_CAMPAIGN ? P_DOMAIN
								: P_HOST,
				       row->key)
				   < 0
			       || store_bind_int(store, id, P_TIME, row->first)
				      < 0
			       || store_bind_int(store, id, P_LAST, row->last)
				      < 0
			   ? -1
			   : 0;
	case SB_MTA:
		return store_bind_text(store, id, P_DOMAIN, row->key) < 0
			       || store_bind_text(store, id, P_RULE, row->sub)
				      < 0
			   ? -1
			   : 0;
	case SB_HOUR:
		return store_bind_text(store, id, P_DOMAIN, row->key) < 0
			       || store_bind_int(store, id, P_TIME, row->hour)
				      < 0
			   ? -1
			   : 0;
	case SB_RELAY:
		return store_bind_text(store, id, P_DOMAIN, row->key) < 0
			       || store_bind_text(store, id, P_HOST, row->sub)
				      < 0
			   ? -1
			   : 0;
	}
	return store_fail_text(store, "bad batch row (a bug)");
}

/* storebatch_write_row - one row's statement */
static int storebatch_write_row(struct store *store,
				const struct storebatch_row *row)
{
	static const enum store_stmt stmt_of[] = {
	    [SB_CAMPAIGN] = STMT_CAMPAIGN_SEEN, [SB_SENDER] = STMT_SENDER_SEEN,
	    [SB_MTA] = STMT_MTA_SEEN,           [SB_HOUR] = STMT_HOUR_SEEN,
	    [SB_RELAY] = STMT_RELAY_ADD,
	};
	enum store_stmt id = stmt_of[row->kind];

	if (storebatch_bind(store, id, row) < 0)
		return -1;
	if (row->kind != SB_RELAY)
		for (int i = 0; i < TRACK_COUNTERS; i++)
			if (store_bind_int(store, id, P_COUNTERS + i, row->n[i])
			    < 0)
				return -1;
	if (store_run(store, id) < 0)
		return -1;
	if (row->kind == SB_RELAY) /* stored once its transaction commits */
		relaycache_put(store->relays, row->key, row->sub);
	return 0;
}

/* store_batch_write - every row not yet written, then an empty table */
int store_batch_write(struct store *store)
{
	struct storebatch *batch = store->batch;

	if (batch == NULL || batch->used == 0)
		return 0;
	/* No transaction: SQLite rolled back the one they were counted in
	 * (after an error), and the counts went with it, as they did. */
	if (sqlite3_get_autocommit(store->db)) {
		storebatch_clear(batch);
		relaycache_abort(store->relays);
		return 0;
	}
	for (; batch->written < batch->used; batch->written++)
		if (storebatch_write_row(store, batch->row + batch->written)
		    < 0)
			return -1;
	storebatch_clear(batch);
	return 0;
}

/* store_batch_drop - the rows of a transaction rolled back */
void store_batch_drop(struct store *store)
{
	if (store->batch != NULL)
		storebatch_clear(store->batch);
	relaycache_abort(store->relays); /* their relay rows too */
}
