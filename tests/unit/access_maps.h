/*
 * access_maps.h - what the access map unit tests share: map files in a
 * private directory of the test's own, written as source text or as
 * makemap compiles them (Berkeley DB hash and btree, cdb; with and
 * without -N), loaded with their warnings caught, the story's map, and
 * checks over tables of senders and of known campaigns.
 */
#ifndef PHISHWATCH_TEST_ACCESS_MAPS_H
#define PHISHWATCH_TEST_ACCESS_MAPS_H

#include <cdb.h>
#include <db.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "access.h"
#include "msg.h"
#include "tap.h"
#include "testfile.h"

/* The modules' warnings, printed as phishwatch prints them. */
static const struct say_to test_say = { msg_say, NULL };

#define TEST_DIR_MAX 256
#define TEST_PATH_MAX TESTFILE_PATH_MAX
#define TEST_CAPTURE_MAX 65536

/* Private directory for this run's map files, removed at the end. */
static char test_dir[TEST_DIR_MAX];

/* test_dir_make - the private directory under $TMPDIR (or /tmp), named
 * for the test; 0, or -1 with errno set */
static __attribute__((unused)) int test_dir_make(const char *test)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(test_dir, sizeof(test_dir), "%s/%s.XXXXXX",
		 tmp != NULL && *tmp != '\0' ? tmp : "/tmp", test);
	return mkdtemp(test_dir) != NULL ? 0 : -1;
}

/* test_write - a map file in test_dir holding len bytes of text */
static __attribute__((unused)) void
test_write(char *path, const char *text, size_t len)
{
	testfile_write(path, test_dir, "map", text, len);
}

/* test_load_path - load path into map; its stderr into captured */
static __attribute__((unused)) void
test_load_path(struct access_map *map, const char *path, size_t *bad,
	       char *captured)
{
	struct testfile_catch c;

	if (map == NULL)
		exit(2);
	testfile_catch_begin(&c, test_dir);
	if (access_load(map, path, bad) < 0) {
		perror("access_load");
		exit(2);
	}
	testfile_catch_end(&c, captured, TEST_CAPTURE_MAX);
}

/* test_load_more - load text into map; its stderr into captured */
static __attribute__((unused)) void
test_load_more(struct access_map *map, const char *text, size_t len, char *path,
	       size_t *bad, char *captured)
{
	test_write(path, text, len);
	test_load_path(map, path, bad, captured);
}

/* test_load - a new map loaded from text */
static __attribute__((unused)) struct access_map *
test_load(const char *text, size_t len, char *path, size_t *bad, char *captured)
{
	struct access_map *map = access_new(&test_say);

	test_load_more(map, text, len, path, bad, captured);
	return map;
}

/* The storage kinds one source text is tried in. */
enum test_kind {
	KIND_TEXT, KIND_HASH, KIND_BTREE, KIND_CDB, KIND_HASH_NUL,
	KIND_CDB_NUL, KIND_COUNT
};

static __attribute__((unused)) const char *const kind_names[KIND_COUNT] = {
	"text", "hash", "btree", "cdb", "hash -N", "cdb -N"
};

/* What access_source_kind() says of each. */
static __attribute__((unused)) const char *const kind_reported[KIND_COUNT] = {
	"text", "hash", "btree", "cdb", "hash", "cdb"
};

/* One "key value" line of a source text, as makemap splits it. */
struct test_pair {
	char key[512];
	char value[512];
	size_t key_len;
	size_t value_len;
};

/* test_pair_of - line[0..len) as makemap reads it: key lower-cased up
 * to the first blank, value after the blanks; 0 for comments, blanks */
static __attribute__((unused)) int
test_pair_of(const char *line, size_t len, struct test_pair *p)
{
	size_t i = 0;
	size_t v;

	if (len == 0 || line[0] == '#' || len >= sizeof(p->key))
		return 0;
	while (i < len && line[i] != ' ' && line[i] != '\t') {
		char c = line[i];

		p->key[i++] = (char) (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	for (v = i; v < len && (line[v] == ' ' || line[v] == '\t'); v++)
		;
	if (i == 0 || v == len)
		return 0;
	p->key_len = i;
	p->key[i] = '\0';	/* makemap -N stores this NUL too */
	p->value_len = len - v;
	if (p->value_len >= sizeof(p->value))
		return 0;
	memcpy(p->value, line + v, p->value_len);
	p->value[p->value_len] = '\0';
	return 1;
}

/* test_put - one pair into an open Berkeley DB or cdb being made */
static __attribute__((unused)) void
test_put(DB *db, struct cdb_make *cm, const struct test_pair *p, int with_nul)
{
	DBT k;
	DBT v;

	memset(&k, 0, sizeof(k));
	memset(&v, 0, sizeof(v));
	k.data = (void *) p->key;
	k.size = (u_int32_t) (p->key_len + (with_nul ? 1 : 0));
	v.data = (void *) p->value;
	v.size = (u_int32_t) (p->value_len + (with_nul ? 1 : 0));
	if (db != NULL && db->put(db, NULL, &k, &v, DB_NOOVERWRITE) != 0
	    && db->get(db, NULL, &k, &v, 0) != 0)
		exit(2);
	if (cm != NULL && cdb_make_put(cm, k.data, k.size, v.data, v.size,
				       CDB_PUT_INSERT) < 0)
		exit(2);
}

/* test_makemap - what "makemap TYPE path < text" writes, into path:
 * keys lower-cased, first of a key kept, NULs only with -N */
static __attribute__((unused)) void
test_makemap(enum test_kind kind, const char *text, const char *path)
{
	int nul = kind == KIND_HASH_NUL || kind == KIND_CDB_NUL;
	int cdb = kind == KIND_CDB || kind == KIND_CDB_NUL;
	struct test_pair pair;
	struct cdb_make cm;
	DB *db = NULL;
	int fd = -1;

	memset(&pair, 0, sizeof(pair));
	if (cdb) {
		fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
		if (fd < 0 || cdb_make_start(&cm, fd) < 0)
			exit(2);
	} else if (db_create(&db, NULL, 0) != 0
		   || db->open(db, NULL, path, NULL,
			       kind == KIND_BTREE ? DB_BTREE : DB_HASH,
			       DB_CREATE | DB_TRUNCATE, 0600) != 0) {
		exit(2);
	}
	for (const char *line = text; *line != '\0';) {
		const char *nl = strchr(line, '\n');
		size_t len = nl != NULL ? (size_t) (nl - line) : strlen(line);

		if (test_pair_of(line, len, &pair))
			test_put(db, cdb ? &cm : NULL, &pair, nul);
		line += len + (nl != NULL);
	}
	if (cdb && (cdb_make_finish(&cm) < 0 || close(fd) < 0))
		exit(2);
	if (!cdb && db->close(db, 0) != 0)
		exit(2);
}

/* test_map_path - a fresh name in test_dir with the kind's suffix */
static __attribute__((unused)) void
test_map_path(enum test_kind kind, char *path)
{
	static int serial;
	const char *suffix = kind == KIND_TEXT ? ""
	    : kind == KIND_CDB || kind == KIND_CDB_NUL ? ".cdb" : ".db";

	snprintf(path, TEST_PATH_MAX, "%s/compiled%d%s", test_dir, ++serial,
		 suffix);
}

/* test_load_kind - a new map from text, stored as kind */
static __attribute__((unused)) struct access_map *
test_load_kind(enum test_kind kind, const char *text, char *path, size_t *bad,
	       char *captured)
{
	struct access_map *map;

	if (kind == KIND_TEXT)
		return test_load(text, strlen(text), path, bad, captured);
	test_map_path(kind, path);
	test_makemap(kind, text, path);
	map = access_new(&test_say);
	test_load_path(map, path, bad, captured);
	return map;
}

struct sender_case {
	const char *local;	/* NULL: host lookups only */
	const char *host;
	int blocked;
	const char *name;
};

/* test_senders - access_sender_blocked() over a table */
static __attribute__((unused)) void
test_senders(const struct access_map *map, const struct sender_case *cases,
	     size_t n)
{
	char name[256];

	for (size_t i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "%s@%s: %s",
			 cases[i].local ? cases[i].local : "(none)",
			 cases[i].host, cases[i].name);
		tap_is_long(access_sender_blocked(map, cases[i].local,
						  cases[i].host),
			    cases[i].blocked, name);
	}
}

struct under_case {
	const char *domain;
	int known;
	const char *name;
};

/* test_under - access_blocks_under() over a table */
static __attribute__((unused)) void
test_under(const struct access_map *map, const struct under_case *cases,
	   size_t n)
{
	char name[256];

	for (size_t i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "blocks under %s: %s",
			 cases[i].domain, cases[i].name);
		tap_is_long(access_blocks_under(map, cases[i].domain),
			    cases[i].known, name);
	}
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The story's map, one entry a line, with the blog's flattened comment. */
static __attribute__((unused)) const char story_map[] =
	"# 7/11/13 linkedinmail.com DISCARD linkedinmail.net DISCARD\n"
	"\n"
	"linkedinmail.com\tDISCARD\n"
	"linkedinmail.net\tDISCARD\n"
	"complains.linkedin.com\tDISCARD\n"
	"customercare.linkedin.com DISCARD\n"
	"linkedin-mail.com\tERROR:\"550 Sender banned. Please use legitimate "
	"domain to send email.\"\n"
	"Connect:127.0.0.1\tRELAY\n"
	"To:emalsrv.marriott.com\tREJECT\n"
	"Connect:emalsrv.ups.com\tREJECT\n"
	"Spam:abuse@\tFRIEND\n"
	"mar\tOK\n";

#endif
