/*
 * mta_tables.h - what the unit tests of Postfix's access tables and
 * Exim's address lists share: table files in a private directory of the
 * test's own, loaded with "-a TYPE:PATH" and their warnings caught, and
 * checks over tables of senders, of known campaigns and of the hosts the
 * map's walks give.
 */
#ifndef PHISHWATCH_TEST_MTA_TABLES_H
#define PHISHWATCH_TEST_MTA_TABLES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "msg.h"
#include "tap.h"
#include "testfile.h"

/* The modules' warnings, printed as phishwatch prints them. */
static const struct say_to test_say = { msg_say, NULL };

#define TEST_DIR_MAX 256
#define TEST_PATH_MAX TESTFILE_PATH_MAX
#define TEST_CAPTURE_MAX 65536
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Private directory for this run's table files, removed at the end. */
static char test_dir[TEST_DIR_MAX];

/* A map as loaded, with what its loading said. */
struct loaded {
	struct access_map *map;
	char path[TEST_PATH_MAX];	/* the file (no type) */
	char captured[TEST_CAPTURE_MAX];	/* stderr of the load */
	size_t bad;
	int status;			/* of access_load() */
};

/* test_dir_make - the private directory under $TMPDIR (or /tmp), named
 * for the test; 0, or -1 with errno set */
static __attribute__((unused)) int test_dir_make(const char *test)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(test_dir, sizeof(test_dir), "%s/%s.XXXXXX",
		 tmp != NULL && *tmp != '\0' ? tmp : "/tmp", test);
	return mkdtemp(test_dir) != NULL ? 0 : -1;
}

/* test_dir_remove - the private directory and the tables in it; 0 or -1 */
static __attribute__((unused)) int test_dir_remove(void)
{
	char cmd[TEST_DIR_MAX + 16];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", test_dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* test_file - name (in test_dir) holding text; its path into path.  The
 * name is kept as given: the type is guessed from it, and the warnings
 * name it. */
static __attribute__((unused)) void
test_file(char *path, const char *name, const char *text)
{
	FILE *f;

	snprintf(path, TEST_PATH_MAX, "%s/%s", test_dir, name);
	f = fopen(path, "w");
	if (f == NULL || fputs(text, f) < 0 || fclose(f) != 0)
		exit(2);
}

/* test_add - load "type:path" (type may be "") into l, stderr kept */
static __attribute__((unused)) void
test_add(struct loaded *l, const char *type, const char *path)
{
	char arg[TEST_PATH_MAX + 32];
	struct testfile_catch c;

	snprintf(arg, sizeof(arg), "%s%s", type, path);
	testfile_catch_begin(&c, test_dir);
	l->status = access_load(l->map, arg, &l->bad);
	testfile_catch_end(&c, l->captured, TEST_CAPTURE_MAX);
}

/* test_load - a new map of one file, named name, holding text */
static __attribute__((unused)) void
test_load(struct loaded *l, const char *type, const char *name,
	  const char *text)
{
	memset(l, 0, sizeof(*l));
	l->map = access_new(&test_say);
	if (l->map == NULL)
		exit(2);
	test_file(l->path, name, text);
	test_add(l, type, l->path);
}

struct sender_case {
	const char *local;
	const char *host;
	int blocked;
	const char *why;
};

/* test_senders - access_sender_blocked() over a table */
static __attribute__((unused)) void
test_senders(const char *what, const struct access_map *map,
	     const struct sender_case *c, size_t n)
{
	char name[300];

	for (size_t i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "%s: %s@%s %s: %s", what,
			 c[i].local ? c[i].local : "", c[i].host,
			 c[i].blocked ? "blocked" : "not blocked", c[i].why);
		tap_is_long(access_sender_blocked(map, c[i].local, c[i].host),
			    c[i].blocked, name);
	}
}

/* test_under - access_blocks_under() for each domain */
static __attribute__((unused)) void
test_under(const char *what, const struct access_map *map,
	   const char *const *known, const char *const *unknown)
{
	char name[300];

	for (size_t i = 0; known[i] != NULL; i++) {
		snprintf(name, sizeof(name), "%s: campaign under %s known",
			 what, known[i]);
		tap_is_long(access_blocks_under(map, known[i]), 1, name);
	}
	for (size_t i = 0; unknown[i] != NULL; i++) {
		snprintf(name, sizeof(name), "%s: nothing known under %s", what,
			 unknown[i]);
		tap_is_long(access_blocks_under(map, unknown[i]), 0, name);
	}
}

/* test_walk_one - the walk's hosts, '|'-separated */
static __attribute__((unused)) void test_walk_one(const char *host, void *ctx)
{
	strcat(ctx, host);
	strcat(ctx, "|");
}

/* A walk of the map's hosts. */
typedef void (*test_walk_fn)(const struct access_map *map,
			     void (*fn)(const char *host, void *ctx),
			     void *ctx);

/* test_walk_by - the hosts a walk gives */
static __attribute__((unused)) void
test_walk_by(test_walk_fn walk, const char *which, const char *what,
	     const struct access_map *map, const char *want)
{
	char seen[4096] = "";
	char name[200];

	walk(map, test_walk_one, seen);
	snprintf(name, sizeof(name), "%s: the walk gives the %s domains",
		 what, which);
	tap_is_str(seen, want, name);
}

/* test_walk - the hosts the walk gives (labels and brands) */
static __attribute__((unused)) void
test_walk(const char *what, const struct access_map *map, const char *want)
{
	test_walk_by(access_walk_blocking_hosts, "blocked", what, map, want);
}

/* test_trusted - the domains the administrator trusts (not lookalikes) */
static __attribute__((unused)) void
test_trusted(const char *what, const struct access_map *map, const char *want)
{
	test_walk_by(access_walk_trusted_hosts, "trusted", what, map, want);
}

#endif
