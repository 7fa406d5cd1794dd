/*
 * test_store_readonly - store_open_readonly(), what --check uses: it
 * reads an existing store and never creates, initialises or writes one.
 *
 * Files live in a fresh directory under $TMPDIR, removed at the end.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store.h"
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

/* entries - files in the test directory */
static int entries(void)
{
	DIR *dir = opendir(test_dir);
	struct dirent *e;
	int n = 0;

	if (dir == NULL)
		return -1;
	while ((e = readdir(dir)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(dir);
	return n;
}

/* test_missing - no file: 1, and still no file */
static void test_missing(void)
{
	char path[PATH_MAX_TEST], err[STORE_ERR_MAX] = "";
	struct store *st = (struct store *) &st;

	test_path("typo.db", path, sizeof(path));
	tap_is_long(store_open_readonly(path, &st, err), 1,
		    "missing store: 1 (will be created)");
	tap_ok(st == NULL, "missing store: no handle");
	tap_ok(access(path, F_OK) < 0, "missing store: not created");
	tap_is_long(entries(), 0, "missing store: no file at all (-wal, -shm)");
}

/* test_empty - a zero-byte file is not initialised */
static void test_empty(void)
{
	char path[PATH_MAX_TEST], err[STORE_ERR_MAX] = "";
	struct store *st = NULL;
	struct stat before, after;
	FILE *f = fopen(test_path("empty.db", path, sizeof(path)), "w");

	if (f != NULL)
		fclose(f);
	stat(path, &before);
	tap_is_long(store_open_readonly(path, &st, err), 1,
		    "empty file: 1 (will be initialised)");
	tap_ok(stat(path, &after) == 0 && after.st_size == 0
	       && before.st_mtime == after.st_mtime, "empty file: untouched");
	unlink(path);
}

/* test_existing - a store written before is read, and left as it was */
static void test_existing(void)
{
	char path[PATH_MAX_TEST], err[STORE_ERR_MAX] = "";
	struct store *st = store_open(test_path("state.db", path,
						sizeof(path)), err);
	struct stat before, after;

	if (!tap_ok(st != NULL, "a store to read"))
		return;
	tap_is_long(store_campaign_add(st, "marriott.com",
				       "emalsrv.marriott.com", "label:emalsrv",
				       100), 0, "with one campaign");
	store_close(st, NULL);
	stat(path, &before);
	st = NULL;
	tap_is_long(store_open_readonly(path, &st, err), 0,
		    "existing store opens read-only");
	if (st == NULL) {
		printf("# %s\n", err);
		return;
	}
	tap_is_long(store_campaign_count(st), 1, "read-only: one campaign");
	tap_is_long(store_campaign_known(st, "marriott.com"), 1,
		    "read-only: the campaign is known");
	tap_ok(store_campaign_add(st, "ups.com", "emalsrv.ups.com",
				  "label:emalsrv", 200) < 0
	       && strstr(store_errmsg(st), "readonly") != NULL,
	       "read-only: a write is refused");
	store_close(st, NULL);
	tap_ok(stat(path, &after) == 0 && after.st_size == before.st_size
	       && after.st_mtime == before.st_mtime, "read-only: file unchanged");
	unlink(path);
}

/* test_garbage - a file that is no store is an error, not "empty" */
static void test_garbage(void)
{
	char path[PATH_MAX_TEST], err[STORE_ERR_MAX] = "";
	struct store *st = NULL;
	FILE *f = fopen(test_path("garbage.db", path, sizeof(path)), "w");

	if (f != NULL) {
		fputs("this is not a database, just text of some length\n", f);
		fclose(f);
	}
	tap_is_long(store_open_readonly(path, &st, err), -1,
		    "garbage: refused");
	tap_ok(strstr(err, "garbage.db") != NULL, "garbage: err names it");
	unlink(path);
}

int main(void)
{
	const char *tmp = getenv("TMPDIR");
	char path[PATH_MAX_TEST];

	if (tmp == NULL || tmp[0] == '\0' || strlen(tmp) > DIR_MAX_TEST / 2)
		tmp = "/tmp";
	snprintf(test_dir, sizeof(test_dir), "%s/pw-store-ro-XXXXXX", tmp);
	if (mkdtemp(test_dir) == NULL) {
		printf("Bail out! cannot create %s\n", test_dir);
		return 1;
	}
	test_missing();
	test_empty();
	test_existing();
	test_garbage();
	unlink(test_path("state.db-wal", path, sizeof(path)));
	unlink(test_path("state.db-shm", path, sizeof(path)));
	rmdir(test_dir);
	return tap_done();
}
