/*
 * test_store - the SQLite store in its file: schema, persistence,
 * batching, locking, files that are no store of ours, a file removed
 * under it.  (Its rows through the API: test_store_memory.)
 *
 * Each check names one behaviour.  File stores live in a fresh directory
 * under $TMPDIR that the test removes at the end.  A second SQLite
 * connection plays the other process: a reader that must not see an
 * uncommitted batch, or a writer holding the lock.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store.h"
#include "store_messages.h"
#include "storeint.h"	/* the schema version it writes */
#include "tap.h"

#define DIR_MAX_TEST 256
#define PATH_MAX_TEST 512

static char test_dir[DIR_MAX_TEST];

/* test_path - name inside the test directory */
static const char *test_path(const char *name, char *buf, size_t size)
{
	snprintf(buf, size, "%s/%s", test_dir, name);
	return buf;
}

/* other_open - a second connection, as another process would have */
static sqlite3 *other_open(const char *path)
{
	sqlite3 *db = NULL;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE
			    | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		printf("# cannot open %s: %s\n", path, sqlite3_errmsg(db));
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

/* other_exec - SQL on the second connection; 0 or -1 */
static int other_exec(sqlite3 *db, const char *sql)
{
	char *why = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &why) == SQLITE_OK)
		return 0;
	printf("# %s: %s\n", sql, why != NULL ? why : "?");
	sqlite3_free(why);
	return -1;
}

/* other_long - first column of the first row, or -1 */
static long other_long(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *stmt = NULL;
	long value = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK
	    && sqlite3_step(stmt) == SQLITE_ROW)
		value = (long) sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return value;
}

/* other_text - first column of the first row into buf, or "" */
static const char *other_text(sqlite3 *db, const char *sql, char *buf,
			      size_t size)
{
	sqlite3_stmt *stmt = NULL;

	buf[0] = '\0';
	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK
	    && sqlite3_step(stmt) == SQLITE_ROW
	    && sqlite3_column_text(stmt, 0) != NULL)
		snprintf(buf, size, "%s", sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return buf;
}

/* file_mode - permission bits of path, or -1 */
static long file_mode(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long) (st.st_mode & 07777) : -1;
}

/* write_file - path holds exactly text */
static int write_file(const char *path, const char *text, size_t len)
{
	FILE *fp = fopen(path, "w");
	int ok;

	if (fp == NULL)
		return -1;
	ok = fwrite(text, 1, len, fp) == len;
	return fclose(fp) == 0 && ok ? 0 : -1;
}

/* test_file_create - a new file: mode 0600, WAL, schema version */
static void test_file_create(void)
{
	char path[PATH_MAX_TEST], wal[PATH_MAX_TEST + 8], buf[64];
	char err[STORE_ERR_MAX] = "";
	struct store *st;
	sqlite3 *other;

	test_path("state.db", path, sizeof(path));
	snprintf(wal, sizeof(wal), "%s-wal", path);
	umask(0);	/* the store, not the umask, must keep it private */
	st = store_open(path, err);
	umask(022);
	if (!tap_ok(st != NULL, "file store created")) {
		printf("# %s\n", err);
		return;
	}
	tap_is_long(file_mode(path), 0600, "file: created mode 0600");
	tap_is_long(store_campaign_add(st, "marriott.com",
				       "emalsrv.marriott.com", "label:emalsrv",
				       1000), 0, "file: campaign add");
	tap_is_long(file_mode(wal), 0600, "file: WAL file mode 0600 too");
	other = other_open(path);
	tap_is_str(other_text(other, "PRAGMA journal_mode", buf, sizeof(buf)),
		   "wal", "file: WAL mode on");
	tap_is_long(other_long(other, "PRAGMA user_version"),
		    STORE_SCHEMA_VERSION, "file: user_version is the schema");
	tap_is_long(other_long(other, "SELECT messages FROM campaigns"), 0,
		    "file: an add starts the counters at zero");
	tap_is_str(other_text(other, "SELECT first_sender FROM campaigns",
			      buf, sizeof(buf)), "emalsrv.marriott.com",
		   "file: first sender stored");
	sqlite3_close(other);
	store_close(st, NULL);
}

/* test_file_reopen - what was committed is there after a restart */
static void test_file_reopen(void)
{
	char path[PATH_MAX_TEST], err[STORE_ERR_MAX] = "";
	struct store *st;

	test_path("state.db", path, sizeof(path));
	st = store_open(path, err);
	if (!tap_ok(st != NULL, "reopen: store opens again")) {
		printf("# %s\n", err);
		return;
	}
	tap_is_long(store_campaign_known(st, "marriott.com"), 1,
		    "reopen: campaign known after restart");
	tap_is_long(store_sender_known(st, "emalsrv.marriott.com"), 1,
		    "reopen: sender known after restart");
	tap_is_long(store_campaign_count(st), 1, "reopen: one campaign");
	tap_is_long(seen_one(st, "marriott.com", "emalsrv.marriott.com",
			       900), 0, "reopen: seen (pending at close)");
	store_close(st, NULL);
	st = store_open(path, err);
	if (!tap_ok(st != NULL, "reopen: store opens a third time"))
		return;
	store_close(st, NULL);
}

/* test_batch - seen updates stay invisible until store_commit */
static void test_batch(void)
{
	char path[PATH_MAX_TEST], err[STORE_ERR_MAX] = "";
	const char *count = "SELECT messages FROM campaigns";
	struct store *st;
	sqlite3 *other;

	test_path("state.db", path, sizeof(path));
	st = store_open(path, err);
	other = other_open(path);
	if (!tap_ok(st != NULL && other != NULL, "batch: stores open"))
		goto done;
	/* the seen pending at close in test_file_reopen */
	tap_is_long(other_long(other, count), 1,
		    "batch: close committed the pending batch");
	tap_is_long(other_long(other, "SELECT first_seen FROM campaigns"), 900,
		    "batch: an older line moves first_seen back");
	for (int i = 0; i < 3; i++)
		seen_one(st, "marriott.com", "emalsrv.marriott.com", 2000 + i);
	tap_is_long(other_long(other, count), 1,
		    "batch: others do not see an open batch");
	tap_is_long(store_commit(st), 0, "batch: commit");
	tap_is_long(other_long(other, count), 4, "batch: committed counts");
	tap_is_long(other_long(other, "SELECT last_seen FROM campaigns"), 2002,
		    "batch: last_seen is the newest");
	tap_is_long(other_long(other, "SELECT messages FROM senders WHERE "
			       "sender_host = 'emalsrv.marriott.com'"), 4,
		    "batch: sender counted too");
	seen_one(st, "marriott.com", "emalsrv.marriott.com", 2010);
	tap_is_long(store_sender_add(st, "marriott.com",
				     "complains.marriott.com", "label:complains",
				     2011), 0, "batch: sender add");
	tap_is_long(other_long(other, count), 5,
		    "batch: an add commits the pending batch");
	tap_is_long(other_long(other, "SELECT messages FROM senders WHERE "
			       "sender_host = 'complains.marriott.com'"), 0,
		    "batch: a sender add leaves the counting to store_count");
done:
	sqlite3_close(other);
	store_close(st, NULL);
}

/* test_busy - another writer holds the lock: fail fast, then recover */
static void test_busy(void)
{
	char path[PATH_MAX_TEST], err[STORE_ERR_MAX] = "";
	struct store *st;
	sqlite3 *other;

	test_path("state.db", path, sizeof(path));
	st = store_open(path, err);
	other = other_open(path);
	if (!tap_ok(st != NULL && other != NULL
		    && other_exec(other, "BEGIN IMMEDIATE") == 0,
		    "busy: other connection holds the write lock"))
		goto done;
	tap_is_long(seen_one(st, "marriott.com", "emalsrv.marriott.com",
			       3000), -1, "busy: seen fails while locked");
	tap_ok(store_busy(st), "busy: ... and store_busy says so");
	tap_is_long(store_campaign_add(st, "staples.co.uk",
				       "emalsrv.staples.co.uk", "label:emalsrv",
				       3001), -1, "busy: add fails while locked");
	tap_ok(store_busy(st), "busy: ... transient");
	tap_ok(strstr(store_errmsg(st), "locked") != NULL,
	       "busy: message says locked");
	tap_is_long(store_campaign_known(st, "staples.co.uk"), 0,
		    "busy: failed add is not known");
	other_exec(other, "ROLLBACK");
	tap_is_long(store_campaign_add(st, "staples.co.uk",
				       "emalsrv.staples.co.uk", "label:emalsrv",
				       3001), 0, "busy: retry after unlock");
	tap_is_long(store_campaign_known(st, "staples.co.uk"), 1,
		    "busy: retried add is known");
	tap_is_long(other_long(other, "SELECT count(*) FROM campaigns"), 2,
		    "busy: retried add committed");
done:
	sqlite3_close(other);
	store_close(st, NULL);
}

/* expect_refused - store_open fails, naming the file and saying what */
static void expect_refused(const char *path, const char *why,
			   const char *name)
{
	char err[STORE_ERR_MAX] = "";
	char check[128];
	struct store *st = store_open(path, err);

	tap_ok(st == NULL, name);
	store_close(st, NULL);
	snprintf(check, sizeof(check), "%s: message names the file", name);
	tap_ok(strncmp(err, path, strlen(path)) == 0, check);
	snprintf(check, sizeof(check), "%s: message says '%s'", name, why);
	if (!tap_ok(strstr(err, why) != NULL, check))
		printf("# %s\n", err);
}

/* test_refused - files that are not our database are left alone */
static void test_refused(void)
{
	static const char garbage[] = "this is not an SQLite database at all, "
		"just some text that a careless admin put where the state "
		"file should be.\n";
	char path[PATH_MAX_TEST], buf[64];
	sqlite3 *other;
	struct stat st;

	test_path("garbage.db", path, sizeof(path));
	write_file(path, garbage, sizeof(garbage) - 1);
	expect_refused(path, "not a database", "garbage file refused");
	tap_ok(stat(path, &st) == 0 && st.st_size == sizeof(garbage) - 1,
	       "garbage file left as it was");

	test_path("newer.db", path, sizeof(path));
	other = other_open(path);
	snprintf(buf, sizeof(buf), "PRAGMA user_version = %d",
		 STORE_SCHEMA_VERSION + 1);
	other_exec(other, "CREATE TABLE campaigns (x)");
	other_exec(other, buf);
	sqlite3_close(other);
	expect_refused(path, "newer", "newer schema version refused");

	test_path("foreign.db", path, sizeof(path));
	other = other_open(path);
	other_exec(other, "CREATE TABLE mine (x)");
	sqlite3_close(other);
	expect_refused(path, "another program", "other program's db refused");

	test_path("no/such/dir.db", path, sizeof(path));
	expect_refused(path, "No such file", "missing directory refused");
}

/* test_empty_file - a zero-byte file (touch) becomes a store */
static void test_empty_file(void)
{
	char path[PATH_MAX_TEST], err[STORE_ERR_MAX] = "";
	struct store *st;

	test_path("empty.db", path, sizeof(path));
	write_file(path, "", 0);
	st = store_open(path, err);
	tap_ok(st != NULL, "empty file becomes a store");
	if (st != NULL)
		tap_is_long(store_campaign_count(st), 0, "empty file: no rows");
	store_close(st, NULL);
}

/* test_stopped - the file removed under an open store: the next commit
 * fails, saying so, and nothing more is written; store_discard() drops
 * what was not committed */
static void test_stopped(void)
{
	char path[PATH_MAX_TEST], err[STORE_ERR_MAX] = "";
	struct store *st;
	sqlite3 *other;
	unsigned long long commits;

	test_path("gone.db", path, sizeof(path));
	st = store_open(path, err);
	if (!tap_ok(st != NULL, "stopped: store opens")) {
		printf("# %s\n", err);
		return;
	}
	commits = store_commits(st);
	tap_is_long(store_campaign_add(st, "ups.com", "emalsrv.ups.com",
				       "label:emalsrv", 1000), 0,
		    "stopped: campaign add");
	tap_ok(store_commits(st) == commits + 1, "stopped: the add counts a commit");
	tap_is_long(seen_one(st, "ups.com", "emalsrv.ups.com", 1001), 0,
		    "stopped: a count in the batch");
	unlink(path);
	tap_is_long(store_commit(st), -1, "stopped: commit of a removed store fails");
	tap_ok(strstr(store_errmsg(st), "gone.db: removed while phishwatch "
		      "ran") != NULL, "stopped: the message says so");
	tap_is_long(store_busy(st), 0, "stopped: not a transient failure");
	tap_is_long(seen_one(st, "ups.com", "emalsrv.ups.com", 1002), -1,
		    "stopped: nothing more is written");
	store_close(st, NULL);

	test_path("discard.db", path, sizeof(path));
	st = store_open(path, err);
	if (!tap_ok(st != NULL, "discard: store opens"))
		return;
	store_campaign_add(st, "ups.com", "emalsrv.ups.com", "label:emalsrv",
			   1000);
	seen_one(st, "ups.com", "emalsrv.ups.com", 1001);
	store_discard(st);
	store_close(st, NULL);
	st = store_open(path, err);
	if (!tap_ok(st != NULL, "discard: store opens again"))
		return;
	tap_is_long(store_campaign_known(st, "ups.com"), 1,
		    "discard: the committed campaign is kept");
	other = other_open(path);
	tap_is_long(other_long(other, "SELECT messages FROM campaigns"), 0,
		    "discard: the count not committed is dropped");
	sqlite3_close(other);
	store_close(st, NULL);
}

/* cleanup - remove the test directory and its files */
static void cleanup(void)
{
	static const char *const names[] = {
		"state.db", "state.db-wal", "state.db-shm", "garbage.db",
		"newer.db", "foreign.db", "empty.db", "empty.db-wal",
		"empty.db-shm", "state.db-lock", "garbage.db-lock",
		"newer.db-lock", "foreign.db-lock", "empty.db-lock",
		"gone.db-lock", "gone.db-wal", "gone.db-shm",
		"discard.db", "discard.db-wal",
		"discard.db-shm", "discard.db-lock",
	};
	char path[PATH_MAX_TEST];

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		unlink(test_path(names[i], path, sizeof(path)));
	rmdir(test_dir);
}

int main(void)
{
	const char *tmp = getenv("TMPDIR");

	if (tmp == NULL || tmp[0] == '\0' || strlen(tmp) > DIR_MAX_TEST / 2)
		tmp = "/tmp";
	snprintf(test_dir, sizeof(test_dir), "%s/pw-store-XXXXXX", tmp);
	if (mkdtemp(test_dir) == NULL) {
		printf("Bail out! cannot create %s\n", test_dir);
		return 1;
	}
	test_file_create();
	test_file_reopen();
	test_batch();
	test_busy();
	test_refused();
	test_empty_file();
	test_stopped();
	cleanup();
	return tap_done();
}
