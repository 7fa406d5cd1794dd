/*
 * test_access - sendmail access map, as source text and as makemap
 * compiles it (Berkeley DB hash and btree, cdb; with and without -N):
 * which senders it blocks (full address, host and parents, user@; From:
 * before untagged; the first entry found decides), which campaigns it
 * makes known, the value forms it accepts, the file:line warnings for
 * the rest, the bounded brand walk, makemap's lock and a rebuilt map;
 * a FIFO put at a compiled map's path between its check and libdb's
 * open.
 */
#include <cdb.h>
#include <db.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
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

/* test_write - a map file in test_dir holding len bytes of text */
static void test_write(char *path, const char *text, size_t len)
{
	testfile_write(path, test_dir, "map", text, len);
}

/* test_load_path - load path into map; its stderr into captured */
static void test_load_path(struct access_map *map, const char *path,
			   size_t *bad, char *captured)
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
static void test_load_more(struct access_map *map, const char *text,
			   size_t len, char *path, size_t *bad, char *captured)
{
	test_write(path, text, len);
	test_load_path(map, path, bad, captured);
}

/* test_load - a new map loaded from text */
static struct access_map *test_load(const char *text, size_t len,
				    char *path, size_t *bad, char *captured)
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

static const char *const kind_names[KIND_COUNT] = {
	"text", "hash", "btree", "cdb", "hash -N", "cdb -N"
};

/* What access_source_kind() says of each. */
static const char *const kind_reported[KIND_COUNT] = {
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
static int test_pair_of(const char *line, size_t len, struct test_pair *p)
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
static void test_put(DB *db, struct cdb_make *cm, const struct test_pair *p,
		     int with_nul)
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
static void test_makemap(enum test_kind kind, const char *text,
			 const char *path)
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
static void test_map_path(enum test_kind kind, char *path)
{
	static int serial;
	const char *suffix = kind == KIND_TEXT ? ""
	    : kind == KIND_CDB || kind == KIND_CDB_NUL ? ".cdb" : ".db";

	snprintf(path, TEST_PATH_MAX, "%s/compiled%d%s", test_dir, ++serial,
		 suffix);
}

/* test_load_kind - a new map from text, stored as kind */
static struct access_map *test_load_kind(enum test_kind kind,
					 const char *text, char *path,
					 size_t *bad, char *captured)
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
static void test_senders(const struct access_map *map,
			 const struct sender_case *cases, size_t n)
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
static void test_under(const struct access_map *map,
		       const struct under_case *cases, size_t n)
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
static const char story_map[] =
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

static const struct sender_case story_senders[] = {
	{"a", "complains.linkedin.com", 1, "DISCARD entry"},
	{"a", "x.complains.linkedin.com", 1, "below a DISCARD entry"},
	{"a", "emalsrv.linkedin.com", 0, "sibling of a blocked host"},
	{"a", "linkedin.com", 0, "parent of a blocked host"},
	{"a", "linkedinmail.com", 1, "lookalike brand+mail"},
	{"a", "mail.linkedinmail.com", 1, "below the lookalike"},
	{"a", "linkedin-mail.com", 1, "ERROR entry"},
	{"a", "emalsrv.marriott.com", 0, "To: never blocks a sender"},
	{"a", "emalsrv.ups.com", 0, "Connect: never blocks a sender"},
	{"a", "marriott.com", 0, "no substring match (mar)"},
	{NULL, "complains.linkedin.com", 1, "host only"},
};

static const struct under_case story_under[] = {
	{"linkedin.com", 1, "complains.linkedin.com makes the campaign known"},
	{"complains.linkedin.com", 1, "the entry's own host"},
	{"linkedinmail.com", 1, "a two-label entry"},
	{"linkedin-mail.com", 1, "an ERROR entry"},
	{"com", 0, "never the public suffix"},
	{"marriott.com", 0, "To: entries know no campaign"},
	{"ups.com", 0, "Connect: entries know no campaign"},
	{"staples.co.uk", 0, "unrelated"},
};

static void test_story(enum test_kind kind)
{
	char path[TEST_PATH_MAX];
	char captured[TEST_CAPTURE_MAX];
	char name[128];
	size_t bad = 99;
	struct access_map *map = test_load_kind(kind, story_map, path, &bad,
						captured);

	printf("# story map as %s\n", kind_names[kind]);
	snprintf(name, sizeof(name), "story map as %s: ", kind_names[kind]);
	tap_is_long((long) bad, 0, "story map: no bad lines");
	tap_is_str(captured, "", "story map: no warnings");
	tap_is_long((long) access_entry_count(map), 10, "story map: entries");
	tap_is_str(access_source_kind(map, 0), kind_reported[kind],
		   strcat(name, "kind told by the name and the file"));
	test_senders(map, story_senders, COUNT(story_senders));
	test_under(map, story_under, COUNT(story_under));
	access_free(map);
	unlink(path);
}

/* Precedence: addresses, From: before untagged, first found decides. */
static const char precedence_map[] =
	"linkedin.com\tOK\n"
	"From:x.linkedin.com\tREJECT\n"
	"From:Spammer@Bad.Example\tREJECT\n"
	"bad.example\tOK\n"
	"FREE.STEALTH.MAILER@\tERROR:550 Spam not accepted\n"
	"From:joe@\tDISCARD\n"
	"good@spam.example\tOK\n"
	"spam.example\tREJECT\n"
	"okay.cyberspammer.com\tOK\n"
	"cyberspammer.com\tERROR:\"550 We don't accept mail from spammers\"\n"
	"From:another.dom\tREJECT\n"
	"From:good@another.dom\tOK\n"
	"shadow.example\tREJECT\n"
	"From:shadow.example\tOK\n"
	"From:user@emalsrv.aa.com\tREJECT\n"
	"com\tREJECT\n"
	"org\tOK\n";

static const struct sender_case precedence_senders[] = {
	{"a", "x.linkedin.com", 1, "From: host entry below an OK parent"},
	{"a", "sub.x.linkedin.com", 1, "the nearer parent decides"},
	{"a", "y.linkedin.com", 0, "the OK parent decides"},
	{"a", "linkedin.com", 0, "OK entry"},
	{"spammer", "bad.example", 1, "full address before the domain OK"},
	{"SPAMMER", "bad.example", 1, "local part compared lower-cased"},
	{"other", "bad.example", 0, "domain OK for others"},
	{"free.stealth.mailer", "any.example", 1, "user@ entry"},
	{"free.stealth.mailer", "bad.example", 0,
	 "domain before user@: the OK decides"},
	{"joe", "any.example", 1, "From:user@ entry"},
	{NULL, "any.example", 0, "no local part: no user@ lookup"},
	{"", "any.example", 0, "empty local part: no user@ lookup"},
	{"good", "spam.example", 0, "address OK before domain REJECT"},
	{"bad", "spam.example", 1, "domain REJECT"},
	{"x", "okay.cyberspammer.com", 0, "more specific OK"},
	{"x", "other.cyberspammer.com", 1, "parent ERROR"},
	{"x", "another.dom", 1, "From: domain entry"},
	{"good", "another.dom", 0, "From: address OK first"},
	{"x", "shadow.example", 0, "From: OK before untagged REJECT"},
	{"user", "emalsrv.aa.com", 1, "From:user@host"},
	{"other", "emalsrv.aa.com", 1, "top-level entry com"},
	{"x", "example.org", 0, "top-level OK"},
	{"x", "example.net", 0, "no entry at all"},
};

static const struct under_case precedence_under[] = {
	{"linkedin.com", 1, "From:x.linkedin.com REJECT below it"},
	{"bad.example", 1, "address-keyed From: entry"},
	{"spam.example", 1, "domain REJECT"},
	{"cyberspammer.com", 1, "ERROR entry"},
	{"another.dom", 1, "From: domain entry"},
	{"shadow.example", 0, "From: OK decides over untagged REJECT"},
	{"aa.com", 1, "From:user@emalsrv.aa.com"},
	{"emalsrv.aa.com", 1, "its host"},
	{"com", 0, "a single-label entry makes no campaign known"},
	{"example.net", 0, "nothing there"},
};

/* Hosts reported by access_walk_blocking_hosts(), '|'-separated. */
struct walk_seen {
	char hosts[1024];
	int count;
};

static void test_walk_one(const char *host, void *ctx)
{
	struct walk_seen *seen = ctx;
	size_t used = strlen(seen->hosts);

	snprintf(seen->hosts + used, sizeof(seen->hosts) - used, "|%s|",
		 host);
	seen->count++;
}

/* test_trusted - the precedence map's OK domains that decide (a hash
 * or btree map walks in its own order): not an address
 * (good@spam.example) nor a single label (org) */
static void test_trusted(const struct access_map *map)
{
	static const char *const trusted[] = {
		"|linkedin.com|", "|bad.example|", "|okay.cyberspammer.com|",
		"|shadow.example|"
	};
	struct walk_seen seen = { "", 0 };

	access_walk_trusted_hosts(map, test_walk_one, &seen);
	tap_is_long(seen.count, 4, "trusted: the OK domain entries that "
		    "decide, once each");
	for (size_t i = 0; i < COUNT(trusted); i++)
		tap_ok(strstr(seen.hosts, trusted[i]) != NULL, trusted[i]);
}

static void test_precedence(enum test_kind kind)
{
	static const char *const walked[] = {
		"|x.linkedin.com|", "|spam.example|", "|cyberspammer.com|",
		"|another.dom|"
	};
	char path[TEST_PATH_MAX];
	char captured[TEST_CAPTURE_MAX];
	struct walk_seen seen = { "", 0 };
	size_t bad = 99;
	struct access_map *map = test_load_kind(kind, precedence_map, path,
						&bad, captured);

	printf("# precedence map as %s\n", kind_names[kind]);
	tap_is_long((long) bad, 0, "precedence map: no bad lines");
	test_senders(map, precedence_senders, COUNT(precedence_senders));
	test_under(map, precedence_under, COUNT(precedence_under));
	access_walk_blocking_hosts(map, test_walk_one, &seen);
	tap_is_long(seen.count, 4,
		    "walk: blocking domain entries that decide, once each");
	for (size_t i = 0; i < COUNT(walked); i++)
		tap_ok(strstr(seen.hosts, walked[i]) != NULL, walked[i]);
	tap_ok(strstr(seen.hosts, "shadow") == NULL,
	       "walk: not a REJECT that a From: OK overrides");
	tap_ok(strstr(seen.hosts, "@") == NULL, "walk: no address entries");
	test_trusted(map);
	access_free(map);
	unlink(path);
}

/* One line of the forms map: its text, whether it is warned about, and
 * a sender host to probe afterwards. */
struct form_case {
	const char *text;
	const char *probe;
	int bad;
	int blocked;
};

static const struct form_case form_cases[] = {
	{"ok1.example\tERROR:\"550 text\"", "ok1.example", 0, 1},
	{"ok2.example\tERROR:5.7.1:\"550 text\"", "ok2.example", 0, 1},
	{"ok3.example\tERROR:5.7.1:550 text", "ok3.example", 0, 1},
	{"ok4.example\tERROR:550 Spam not accepted", "ok4.example", 0, 1},
	{"ok5.example\tERROR:Go away", "ok5.example", 0, 1},
	{"ok6.example\t\"550 Mailbox disabled\"", "ok6.example", 0, 1},
	{"ok7.example\t450 4.2.2 Mailbox full", "ok7.example", 0, 1},
	{"ok8.example\terror:4.2.2:450 later", "ok8.example", 0, 1},
	{"ok9.example\tdiscard", "ok9.example", 0, 1},
	{"ok10.example\tQUARANTINE:looks odd", "ok10.example", 0, 0},
	{"GreetPause:ok11.example\t5000", "ok11.example", 0, 0},
	{"TLS_Clt:ok12.example\tPERM+VERIFY:112", "ok12.example", 0, 0},
	{"ok13.example\tREJECT \t ", "ok13.example", 0, 1},
	{"bad1.example\tERROR:\"550 unclosed", "bad1.example", 1, 0},
	{"bad2.example\tERROR:", "bad2.example", 1, 0},
	{"bad3.example\tERROR:5.7.1:no code", "bad3.example", 1, 0},
	{"bad4.example\tERROR:650 wrong class", "bad4.example", 1, 0},
	{"bad5.example\tMAYBE", "bad5.example", 1, 0},
	{"bad6.example\tDISCARD # not a comment", "bad6.example", 1, 0},
	{"no-value-here", NULL, 1, 0},
	{"\tindented.example\tREJECT", "indented.example", 1, 0},
	{"From:\tREJECT", NULL, 1, 0},
	{"bad7.example\tERROR:55 short", "bad7.example", 1, 0},
	{"ok1.example\tOK", "ok1.example", 1, 1},
	{"OK1.EXAMPLE\tOK", "ok1.example", 1, 1},
	{"bad8.example\tREJECT\001", "bad8.example", 1, 0},
	{"FROM:ok14.example\tREJECT", "ok14.example", 0, 1},
	{"bad9.example\t\"550", "bad9.example", 1, 0},
	{"bad10.example\t5.7.1:550 text", "bad10.example", 1, 0},
	{"bad11.example\tQUARANTINE:", "bad11.example", 1, 0},
	{"Connect:bad12.example\tMAYBE", NULL, 1, 0},
	{"IPv6:2001:db8::1\tRELAY", NULL, 0, 0},
	{"ok15.example\tSKIP", "ok15.example", 0, 0},
	{"ok16.example\tRelay", "ok16.example", 0, 0},
	{"# a comment with a\001control byte", NULL, 0, 0},
	{"   ", NULL, 0, 0},
	{"ok17.example\tREJECT\r", "ok17.example", 0, 1},
};

/* test_forms_text - the forms map: the table, one line over the limit,
 * one with a NUL byte, and a last line without newline */
static size_t test_forms_text(char *buf, size_t size)
{
	static const char nul_line[] = "nul.example\tRE\0JECT\n";
	static const char last[] = "last.example\tREJECT";
	size_t len = 0;

	for (size_t i = 0; i < COUNT(form_cases); i++)
		len += (size_t) snprintf(buf + len, size - len, "%s\n",
					 form_cases[i].text);
	memset(buf + len, 'x', 5000);
	memcpy(buf + len, "long.example\tREJECT ", 20);
	len += 5000;
	buf[len++] = '\n';
	memcpy(buf + len, nul_line, sizeof(nul_line) - 1);
	len += sizeof(nul_line) - 1;
	memcpy(buf + len, last, sizeof(last) - 1);
	return len + sizeof(last) - 1;
}

static void test_forms(void)
{
	static char text[16384];
	char path[TEST_PATH_MAX];
	char captured[TEST_CAPTURE_MAX];
	char want[TEST_PATH_MAX + 32];
	char name[256];
	size_t len = test_forms_text(text, sizeof(text));
	size_t bad = 0;
	size_t want_bad = 2;	/* the long line and the NUL line */
	struct access_map *map = test_load(text, len, path, &bad, captured);
	unsigned long n = COUNT(form_cases);

	for (size_t i = 0; i < COUNT(form_cases); i++) {
		const struct form_case *c = &form_cases[i];

		want_bad += (size_t) c->bad;
		snprintf(want, sizeof(want), "%s:%lu: ", path,
			 (unsigned long) i + 1);
		snprintf(name, sizeof(name), "line %lu %s warned: %.60s",
			 (unsigned long) i + 1, c->bad ? "is" : "is not",
			 c->text);
		tap_is_long(strstr(captured, want) != NULL, c->bad, name);
		if (c->probe == NULL)
			continue;
		snprintf(name, sizeof(name), "line %lu then %s %s",
			 (unsigned long) i + 1, c->probe,
			 c->blocked ? "blocked" : "not blocked");
		tap_is_long(access_sender_blocked(map, "x", c->probe),
			    c->blocked, name);
	}
	tap_is_long((long) bad, (long) want_bad, "bad lines counted");
	snprintf(want, sizeof(want), "%s:%lu: longer than", path, n + 1);
	tap_ok(strstr(captured, want) != NULL, "long line: file:line");
	snprintf(want, sizeof(want), "%s:%lu: NUL", path, n + 2);
	tap_ok(strstr(captured, want) != NULL, "NUL line: file:line");
	tap_is_long(access_sender_blocked(map, "x", "long.example"), 0,
		    "an over-long line is no entry");
	tap_is_long(access_sender_blocked(map, "x", "nul.example"), 0,
		    "a NUL line is no entry");
	tap_is_long(access_sender_blocked(map, "x", "last.example"), 1,
		    "a last line without newline is an entry");
	tap_ok(strstr(captured, "duplicate") != NULL, "duplicates named");
	tap_ok(strchr(captured, '\001') == NULL,
	       "control bytes never reach the warnings");
	access_free(map);
	unlink(path);
}

static void test_files(void)
{
	char first[TEST_PATH_MAX];
	char second[TEST_PATH_MAX];
	char missing[TEST_PATH_MAX];
	char captured[TEST_CAPTURE_MAX];
	static const char second_text[] =
		"dup.example\tOK\nsecond.example\tDISCARD\n";
	size_t bad = 99;
	struct access_map *map = test_load("dup.example\tREJECT\n", 19, first,
					   &bad, captured);

	tap_is_long(access_blocks_under(map, "second.example"), 0,
		    "second file not loaded yet");
	test_load_more(map, second_text, sizeof(second_text) - 1, second, &bad,
		       captured);
	tap_is_long((long) bad, 1, "its duplicate is a skipped line");
	tap_ok(strstr(captured, ":1: duplicate key \"dup.example\"") != NULL,
	       "the duplicate is named with file:line");
	tap_is_long(access_sender_blocked(map, "x", "dup.example"), 1,
		    "first file wins on the same key");
	tap_is_long(access_sender_blocked(map, "x", "second.example"), 1,
		    "entries of the second file count");
	tap_is_long(access_blocks_under(map, "second.example"), 1,
		    "known campaigns recomputed after each file");
	tap_is_long((long) access_entry_count(map), 2, "two entries");
	snprintf(missing, sizeof(missing), "%s/nonexistent", test_dir);
	errno = 0;
	tap_is_long(access_load(map, missing, &bad), -1, "missing file: -1");
	tap_is_long(errno, ENOENT, "missing file: errno ENOENT");
	errno = 0;
	tap_is_long(access_load(map, test_dir, NULL), -1, "directory: -1");
	tap_is_long(errno, EISDIR, "directory: errno EISDIR");
	tap_is_long((long) access_entry_count(map), 2, "map unchanged");
	access_free(map);
	access_free(NULL);
	unlink(first);
	unlink(second);
}

static void test_empty(void)
{
	struct access_map *map = access_new(&test_say);
	struct walk_seen seen = { "", 0 };

	tap_is_long(access_sender_blocked(map, "x", "a.example"), 0,
		    "empty map blocks nothing");
	tap_is_long(access_blocks_under(map, "a.example"), 0,
		    "empty map knows no campaign");
	access_walk_blocking_hosts(map, test_walk_one, &seen);
	tap_is_long(seen.count, 0, "empty map walks nothing");
	tap_is_long((long) access_entry_count(map), 0, "no entries");
	access_free(map);
}

static void test_suggest(void)
{
	static const char want[] =
		"emalsrv.marriott.com\tERROR:\"550 5.7.1 Sender banned\"";
	char buf[128];
	long len = (long) sizeof(want) - 1;

	tap_is_long(access_suggest("emalsrv.marriott.com", buf, sizeof(buf)),
		    len, "suggestion: its length");
	tap_is_str(buf, want, "suggestion blocks the sender host");
	tap_is_long(access_suggest("emalsrv.marriott.com", buf,
				   sizeof(want)), len, "exact fit");
	tap_is_long(access_suggest("emalsrv.marriott.com", buf,
				   sizeof(want) - 1), -1, "one byte short");
	tap_is_long(errno, ENOSPC, "errno ENOSPC");
	tap_is_str(buf, "", "nothing half-written");
	tap_is_long(access_suggest("Emalsrv.marriott.com", buf, sizeof(buf)),
		    -1, "not lower-cased: refused");
	tap_is_long(access_suggest("emalsrv.evil\"com.example", buf,
				   sizeof(buf)), -1, "a quote: refused");
	tap_is_long(access_suggest("evil\tERROR:x", buf, sizeof(buf)), -1,
		    "a tab: refused");
	tap_is_long(access_suggest(NULL, buf, sizeof(buf)), -1, "NULL host");
	tap_is_long(errno, EINVAL, "errno EINVAL");
}


/* Counts the hosts of a walk. */
static void test_walk_count(const char *host, void *ctx)
{
	(void) host;
	(*(size_t *) ctx)++;
}

/* test_walk_bound - a map of more blocking domains than the walk may
 * report: the walk stops at ACCESS_WALK_MAX, lookups and known
 * campaigns still cover every entry */
static void test_walk_bound(enum test_kind kind)
{
	size_t n = ACCESS_WALK_MAX + 500;
	size_t size = n * 40 + 1;
	char *text = malloc(size);
	char path[TEST_PATH_MAX];
	char captured[TEST_CAPTURE_MAX];
	char name[128];
	size_t used = 0;
	size_t walked = 0;
	size_t bad = 0;
	struct access_map *map;

	if (text == NULL)
		exit(2);
	for (size_t i = 0; i < n; i++)
		used += (size_t) snprintf(text + used, size - used,
					  "mail.spam%zu.example\tREJECT\n", i);
	map = test_load_kind(kind, text, path, &bad, captured);
	access_walk_blocking_hosts(map, test_walk_count, &walked);
	snprintf(name, sizeof(name), "%s: the walk reports at most %d hosts "
		 "of %zu", kind_names[kind], ACCESS_WALK_MAX, n);
	tap_is_long((long) walked, ACCESS_WALK_MAX, name);
	snprintf(name, sizeof(name), "%s: the last entry still blocks",
		 kind_names[kind]);
	snprintf(text, size, "mail.spam%zu.example", n - 1);
	tap_is_long(access_sender_blocked(map, "x", text), 1, name);
	snprintf(name, sizeof(name), "%s: and makes its campaign known",
		 kind_names[kind]);
	snprintf(text, size, "spam%zu.example", n - 1);
	tap_is_long(access_blocks_under(map, text), 1, name);
	access_free(map);
	unlink(path);
	free(text);
}

/* test_lock - makemap holds its exclusive lock while it rewrites the
 * map: the map is not read meanwhile (a warning says so), and answers
 * again once the lock is gone */
static void test_lock(enum test_kind kind)
{
	char path[TEST_PATH_MAX];
	char captured[TEST_CAPTURE_MAX];
	char name[128];
	size_t bad = 0;
	struct access_map *map = test_load_kind(kind, story_map, path, &bad,
						captured);
	int fd = open(path, O_RDONLY);
	int saved = dup(2);
	int devnull = open("/dev/null", O_WRONLY);

	if (fd < 0 || saved < 0 || devnull < 0 || flock(fd, LOCK_EX) < 0)
		exit(2);
	fflush(stderr);
	dup2(devnull, 2);	/* the rate-limited warning */
	snprintf(name, sizeof(name), "%s: not read while makemap holds it",
		 kind_names[kind]);
	tap_is_long(access_sender_blocked(map, "a", "linkedinmail.com"), 0,
		    name);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	close(devnull);
	flock(fd, LOCK_UN);
	close(fd);
	snprintf(name, sizeof(name), "%s: read again once makemap is done",
		 kind_names[kind]);
	tap_is_long(access_sender_blocked(map, "a", "linkedinmail.com"), 1,
		    name);
	access_free(map);
	unlink(path);
}

/* test_wait_blocked - poll until host's verdict is want (1200 looks,
 * a minute or more: a map is looked at again at most once a second, and
 * a loaded machine stretches the looks) */
static int test_wait_blocked(const struct access_map *map, const char *host,
			     int want)
{
	struct timespec tick = { 0, 50 * 1000 * 1000 };

	for (int i = 0; i < 1200; i++) {
		if (access_sender_blocked(map, "x", host) == want)
			return 1;
		nanosleep(&tick, NULL);
	}
	return 0;
}

/* test_rebuilt - makemap rewrites the file in place, or another tool
 * renames a new one over it: lookups follow without a reload */
static void test_rebuilt(enum test_kind kind)
{
	char path[TEST_PATH_MAX];
	char fresh[TEST_PATH_MAX + 8];
	char captured[TEST_CAPTURE_MAX];
	char name[128];
	size_t bad = 0;
	struct access_map *map = test_load_kind(kind, "a.example\tREJECT\n",
						path, &bad, captured);

	tap_is_long(access_sender_blocked(map, "x", "a.example"), 1,
		    "before: a.example blocked");
	test_makemap(kind, "b.example\tREJECT\n", path);	/* in place */
	snprintf(name, sizeof(name), "%s rewritten in place: the new entry "
		 "blocks", kind_names[kind]);
	tap_ok(test_wait_blocked(map, "b.example", 1), name);
	tap_is_long(access_sender_blocked(map, "x", "a.example"), 0,
		    "the old entry no more");
	snprintf(fresh, sizeof(fresh), "%s.new", path);
	test_makemap(kind, "c.example\tREJECT\n", fresh);
	if (rename(fresh, path) < 0)
		exit(2);
	snprintf(name, sizeof(name), "%s replaced by rename: the new entry "
		 "blocks", kind_names[kind]);
	tap_ok(test_wait_blocked(map, "c.example", 1), name);
	tap_is_long(access_sender_blocked(map, "x", "b.example"), 0,
		    "the replaced entry no more");
	access_free(map);
	unlink(path);
}

/* test_not_a_map - a .db or .cdb name on a file that is no such map */
static void test_not_a_map(void)
{
	static const char *const names[] = { "junk.db", "junk.cdb" };
	char path[TEST_PATH_MAX];

	for (size_t i = 0; i < COUNT(names); i++) {
		struct access_map *map = access_new(&test_say);
		char name[128];
		int fd;

		snprintf(path, sizeof(path), "%s/%s", test_dir, names[i]);
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (fd < 0 || write(fd, "a.example REJECT\n", 17) != 17)
			exit(2);
		close(fd);
		errno = 0;
		snprintf(name, sizeof(name), "%s of text: refused", names[i]);
		tap_is_long(access_load(map, path, NULL), -1, name);
		tap_is_long(errno, EINVAL, "errno EINVAL");
		tap_is_long((long) access_entry_count(map), 0, "no entries");
		access_free(map);
		unlink(path);
	}
}

/* test_mixed - a text file and a compiled map as one map: the first
 * file holding a key decides, the duplicate is warned about */
static void test_mixed(void)
{
	char text_path[TEST_PATH_MAX];
	char db_path[TEST_PATH_MAX];
	char captured[TEST_CAPTURE_MAX];
	size_t bad = 0;
	struct access_map *map = test_load("dup.example\tOK\n", 15, text_path,
					   &bad, captured);

	test_map_path(KIND_HASH, db_path);
	test_makemap(KIND_HASH, "dup.example\tREJECT\nnew.example\tREJECT\n",
		     db_path);
	test_load_path(map, db_path, &bad, captured);
	tap_is_long(access_sender_blocked(map, "x", "dup.example"), 0,
		    "text then hash: the text's OK decides");
	tap_is_long(access_sender_blocked(map, "x", "new.example"), 1,
		    "the hash map's own entry counts");
	tap_is_long(access_blocks_under(map, "dup.example"), 0,
		    "a shadowed REJECT makes no campaign known");
	tap_is_long((long) bad, 1, "the duplicate is a skipped entry");
	tap_ok(strstr(captured, "duplicate key \"dup.example\"") != NULL,
	       "and is warned about");
	access_free(map);
	unlink(text_path);
	unlink(db_path);
}

/* A FIFO to put at a compiled map's path for the time of libdb's open:
 * at the shared lock that access_file takes right after it checked the
 * file, and back again at the unlock that follows libdb's open. */
static struct {
	const char *path;	/* the map; NULL: nothing to do */
	char fifo[TEST_PATH_MAX];
	char kept[TEST_PATH_MAX];	/* the map's file meanwhile */
	int swapped;
} test_swap;

/* flock - the system call, with the map's path swapped around it */
int flock(int fd, int op)
{
	if (test_swap.path != NULL && !test_swap.swapped
	    && (op & LOCK_SH) != 0) {
		if (link(test_swap.path, test_swap.kept) < 0
		    || rename(test_swap.fifo, test_swap.path) < 0)
			exit(2);
		test_swap.swapped = 1;
	} else if (test_swap.path != NULL && test_swap.swapped
		   && (op & LOCK_UN) != 0) {
		if (rename(test_swap.kept, test_swap.path) < 0)
			exit(2);
		test_swap.path = NULL;
	}
	return (int) syscall(SYS_flock, fd, op);
}

/* test_swap_blocked - libdb's open of the FIFO never came back */
static void test_swap_blocked(int sig)
{
	static const char line[] = "\nnot ok - libdb opened the FIFO put at the "
	    "map's path after its check, and blocked\n";

	(void) sig;
	(void) write(STDOUT_FILENO, line, sizeof(line) - 1);
	_exit(1);
}

/* test_fifo_swap - a FIFO renamed over a .db map between its check and
 * libdb's open (no writer: opening it by name would block for ever,
 * with signals blocked in phishwatch) is never opened: libdb reads the
 * file that was checked */
static void test_fifo_swap(void)
{
	char path[TEST_PATH_MAX];
	struct access_map *map = access_new(NULL);
	size_t bad = 0;
	int status;

	test_map_path(KIND_HASH, path);
	test_makemap(KIND_HASH, "swapped.example\tREJECT\n", path);
	snprintf(test_swap.fifo, sizeof(test_swap.fifo), "%s/swap.fifo",
		 test_dir);
	snprintf(test_swap.kept, sizeof(test_swap.kept), "%s/swap.kept",
		 test_dir);
	if (map == NULL || mkfifo(test_swap.fifo, 0600) < 0)
		exit(2);
	test_swap.path = path;
	signal(SIGALRM, test_swap_blocked);
	alarm(60);	/* the open takes milliseconds; a blocked one ends */
	status = access_load(map, path, &bad);
	alarm(0);
	tap_ok(test_swap.swapped && test_swap.path == NULL,
	       "a FIFO stood at the path while libdb opened the map");
	tap_is_long(status, 0, "the file checked is the file libdb read");
	tap_is_long((long) access_entry_count(map), 1, "with its entry");
	tap_is_long(access_sender_blocked(map, "x", "swapped.example"), 1,
		    "which blocks its sender");
	access_free(map);
	unlink(path);
}

/* What a say hook was told. */
struct test_said {
	char text[TEST_CAPTURE_MAX];
	int warnings;
};

/* test_hook - keep the last warning, count them */
static void test_hook(void *ctx, enum say_level level, const char *text)
{
	struct test_said *said = ctx;

	said->warnings += level == SAY_WARN;
	snprintf(said->text, sizeof(said->text), "%s", text);
}

/* test_told - a skipped line and a duplicate reach the caller's say
 * hook, whole, and the map itself prints nothing */
static void test_told(void)
{
	struct test_said said = { "", 0 };
	struct say_to hook = { test_hook, &said };
	struct access_map *map = access_new(&hook);
	char path[TEST_PATH_MAX];
	char captured[TEST_CAPTURE_MAX];
	size_t bad = 0;

	test_write(path, "bad.example\n", 12);
	test_load_path(map, path, &bad, captured);
	tap_is_str(captured, "", "the map prints nothing itself");
	tap_is_long(said.warnings, 1, "the skipped line is told to the hook");
	tap_ok(strstr(said.text, path) != NULL
	       && strstr(said.text, ":1: key \"bad.example\" has no value; "
			 "line skipped") != NULL, "naming file:line and why");
	test_load_more(map, "bad.example OK\n", 15, path, &bad, captured);
	tap_ok(strstr(said.text, "duplicate key \"bad.example\"") == NULL,
	       "a line skipped makes no duplicate");
	access_free(map);
	unlink(path);
	map = access_new(NULL);
	test_write(path, "bad.example\n", 12);
	test_load_path(map, path, &bad, captured);
	tap_is_str(captured, "", "without a hook nothing is told");
	tap_is_long((long) bad, 1, "and the line still counts as skipped");
	access_free(map);
	unlink(path);
}

int main(void)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(test_dir, sizeof(test_dir), "%s/test_access.XXXXXX",
		 tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(test_dir) == NULL) {
		perror("mkdtemp");
		return 2;
	}
	for (int kind = 0; kind < KIND_COUNT; kind++) {
		test_story((enum test_kind) kind);
		test_precedence((enum test_kind) kind);
	}
	for (int kind = 0; kind < KIND_COUNT; kind++)
		test_walk_bound((enum test_kind) kind);
	for (int kind = KIND_HASH; kind < KIND_COUNT; kind++) {
		test_lock((enum test_kind) kind);
		test_rebuilt((enum test_kind) kind);
	}
	test_not_a_map();
	test_mixed();
	test_told();
	test_fifo_swap();
	test_forms();
	test_files();
	test_empty();
	test_suggest();
	rmdir(test_dir);
	return tap_done();
}
