/*
 * storeopen - open and close a store (see store.h).
 *
 * DESCRIPTION
 *	A writer (store_open()) claims the files (storefile.h: no symbolic
 *	link, the user's own, the lock), opens or creates the database,
 *	checks and migrates its schema and prepares the statements.  A
 *	reader (store_open_readonly(): --check, and a --report of the
 *	store alone) makes the same file checks without the lock, opens
 *	the database read-only, and never creates, migrates nor writes it.
 *	Neither reads a campaign at open: lookups go to SQLite through a
 *	cache of fixed size (storecache.h), so opening a store of a
 *	million campaigns costs what opening one of ten does.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store.h"
#include "storeint.h"

/* store_claim - the files checked (and locked, for a writer) first */
static int store_claim(struct store *store, enum storefile_use use)
{
	store->file = calloc(1, sizeof(*store->file));
	if (store->file == NULL)
		return store_fail_nomem(store);
	if (storefile_open(store->file, store->name, use) < 0) {
		memcpy(store->errmsg, store->file->err, sizeof(store->errmsg));
		free(store->file);
		store->file = NULL;
		return -1;
	}
	return 0;
}

/* store_connect - the SQLite handle and its settings */
static int store_connect(struct store *store, int flags)
{
	int rc;

	/* No SQLITE_OPEN_URI: a path is a path, even "file:...".  The
	 * directory is resolved already (storefile_open()), so NOFOLLOW
	 * refuses a link swapped in for the file itself. */
	if (store->file != NULL)
		flags |= SQLITE_OPEN_NOFOLLOW;
	rc = sqlite3_open_v2(store->file != NULL ? store->file->path
						 : store->name,
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

/* store_ready - statements, the caches and the batch: sizes fixed here */
static int store_ready(struct store *store)
{
	if (store_prepare(store) < 0)
		return -1;
	store->known = storecache_new(STORE_CACHE_SIZE);
	store->senders = storecache_new(STORE_CACHE_SIZE);
	store->batch = storebatch_new();
	store->relays = relaycache_new();
	if (store->known == NULL || store->senders == NULL
	    || store->batch == NULL || store->relays == NULL)
		return store_fail_nomem(store);
	return store_recheck(store);
}

/* store_setup - claim, check, migrate and prepare, as the writer */
static int store_setup(struct store *store, const char *path)
{
	long version;

	if ((path != NULL && store_claim(store, STOREFILE_WRITER) < 0)
	    || store_connect(store, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
		   < 0
	    || store_check_version(store, &version) < 0)
		return -1;
	if (path != NULL && store_set_wal(store) < 0)
		return -1;
	if (store_migrate(store, version) < 0)
		return -1;
	return store_ready(store);
}

/* store_new - an empty handle named for messages; NULL with err */
static struct store *store_new(const char *path, char err[STORE_ERR_MAX])
{
	struct store *store = calloc(1, sizeof(*store));

	if (store != NULL
	    && (store->name = strdup(path != NULL ? path : ":memory:")) != NULL)
		return store;
	free(store);
	snprintf(err, STORE_ERR_MAX, "%.*s: out of memory", STORE_NAME_SHOWN,
		 path != NULL ? path : ":memory:");
	return NULL;
}

/* store_open - open or create, for writing: the lock held */
struct store *store_open(const char *path, char err[STORE_ERR_MAX])
{
	struct store *store = store_new(path, err);

	if (store == NULL)
		return NULL;
	if (store_setup(store, path) < 0) {
		memcpy(err, store->errmsg, STORE_ERR_MAX);
		(void)store_close(store, NULL); /* err says why */
		return NULL;
	}
	return store;
}

/* store_setup_readonly - an existing file, read only: checked, never
 * created, migrated nor switched to WAL; 1 when it holds no schema yet
 * (empty: phishwatch would set it up), 2 when its schema is older
 * (phishwatch would migrate it) */
static int store_setup_readonly(struct store *store)
{
	long version;

	if (store_claim(store, STOREFILE_READER) < 0
	    || store_connect(store, SQLITE_OPEN_READONLY) < 0
	    || store_check_version(store, &version) < 0)
		return -1;
	if (version == 0)
		return 1;
	if (version < STORE_SCHEMA_VERSION) {
		snprintf(store->errmsg, sizeof(store->errmsg),
			 "%.*s: schema "
			 "version %ld, older than this phishwatch's (%d)",
			 STORE_NAME_SHOWN, store->name, version,
			 STORE_SCHEMA_VERSION);
		return 2;
	}
	return store_ready(store);
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
		snprintf(err, STORE_ERR_MAX, "%.*s: %s", STORE_NAME_SHOWN, path,
			 strerror(errno));
		return errno == ENOENT ? 1 : -1;
	}
	store = store_new(path, err);
	if (store == NULL)
		return -1;
	status = store_setup_readonly(store);
	if (status != 0) {
		if (status == 1)
			snprintf(err, STORE_ERR_MAX, "%.*s: empty",
				 STORE_NAME_SHOWN, path);
		else
			memcpy(err, store->errmsg, STORE_ERR_MAX);
		(void)store_close(store, NULL); /* err says why */
		return status > 0 ? 1 : -1;
	}
	*out = store;
	return 0;
}

/* store_close_failed - the close's failure into err, after the
 * commit's when that failed too */
static void store_close_failed(const struct store *store, int rc, int after,
			       char err[STORE_ERR_MAX])
{
	if (after) {
		char first[STORE_ERR_MAX];

		memcpy(first, err, sizeof(first));
		snprintf(err, STORE_ERR_MAX, "%s; close: %s", first,
			 sqlite3_errstr(rc));
		return;
	}
	snprintf(err, STORE_ERR_MAX, "%.*s: close: %s", STORE_NAME_SHOWN,
		 store->name, sqlite3_errstr(rc));
}

/* store_close - commit what is pending, then release everything */
int store_close(struct store *store, char err[STORE_ERR_MAX])
{
	int status = 0;
	int rc;

	if (store == NULL)
		return 0;
	if (store->db != NULL && store->stmt[STMT_COMMIT] != NULL
	    && !store->stopped && store_commit(store) < 0) {
		if (err != NULL)
			memcpy(err, store->errmsg, STORE_ERR_MAX);
		status = -1;
	}
	for (int i = 0; i < STMT_COUNT; i++)
		(void)sqlite3_finalize(store->stmt[i]); /* NULL is fine */
	rc = sqlite3_close(store->db);
	if (rc != SQLITE_OK && err != NULL)
		store_close_failed(store, rc, status, err);
	status = rc != SQLITE_OK ? -1 : status;
	/* The lock last: the next writer finds the database closed. */
	if (store->file != NULL)
		storefile_close(store->file);
	free(store->file);
	storecache_free(store->known);
	storecache_free(store->senders);
	storebatch_free(store->batch);
	relaycache_free(store->relays);
	free(store->name);
	free(store);
	return status;
}
