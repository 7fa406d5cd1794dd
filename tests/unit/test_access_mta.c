/*
 * test_access_mta - the blocking tables of Postfix and Exim, and the -a
 * type: a Postfix access(5) table as check_sender_access reads it (the
 * default parent_domain_matches_subdomains and the other setting, its
 * actions, postmap's hash: and cdb: maps), an Exim address list as a
 * "senders" ACL condition reads it (domain, *.domain, *@domain,
 * addresses, negation, order), the file:line warnings for malformed
 * lines, which campaigns each makes known, the hosts it gives the
 * walk, the type guessed from a path, and the suggested line in each
 * table's own terms.
 */
#include <cdb.h>
#include <db.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "access.h"
#include "msg.h"
#include "tap.h"

/* The modules' warnings, printed as phishwatch prints them. */
static const struct say_to test_say = { msg_say, NULL };

#define TEST_PATH_MAX 512
#define TEST_CAPTURE_MAX 65536
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static char test_dir[256];

/* A map as loaded, with what its loading said. */
struct loaded {
	struct access_map *map;
	char path[TEST_PATH_MAX];	/* the file (no type) */
	char captured[TEST_CAPTURE_MAX];	/* stderr of the load */
	size_t bad;
	int status;			/* of access_load() */
};

/* test_file - name (in test_dir) holding text */
static void test_file(char *path, const char *name, const char *text)
{
	FILE *f;

	snprintf(path, TEST_PATH_MAX, "%s/%s", test_dir, name);
	f = fopen(path, "w");
	if (f == NULL || fputs(text, f) < 0 || fclose(f) != 0)
		exit(2);
}

/* test_add - load "type:path" (type may be "") into l, stderr kept */
static void test_add(struct loaded *l, const char *type, const char *path)
{
	char arg[TEST_PATH_MAX + 32];
	char log[TEST_PATH_MAX];
	int saved = dup(2);
	int fd;
	ssize_t got;

	snprintf(arg, sizeof(arg), "%s%s", type, path);
	snprintf(log, sizeof(log), "%s/stderr", test_dir);
	fflush(stderr);
	fd = open(log, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (saved < 0 || fd < 0 || dup2(fd, 2) < 0)
		exit(2);
	l->status = access_load(l->map, arg, &l->bad);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	got = pread(fd, l->captured, TEST_CAPTURE_MAX - 1, 0);
	l->captured[got > 0 ? got : 0] = '\0';
	close(fd);
}

/* test_load - a new map of one file, named name, holding text */
static void test_load(struct loaded *l, const char *type, const char *name,
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
static void test_senders(const char *what, const struct access_map *map,
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
static void test_under(const char *what, const struct access_map *map,
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
static void test_walk_one(const char *host, void *ctx)
{
	strcat(ctx, host);
	strcat(ctx, "|");
}

/* A walk of the map's hosts. */
typedef void (*test_walk_fn)(const struct access_map *map,
			     void (*fn)(const char *host, void *ctx),
			     void *ctx);

/* test_walk_by - the hosts a walk gives */
static void test_walk_by(test_walk_fn walk, const char *which,
			 const char *what, const struct access_map *map,
			 const char *want)
{
	char seen[4096] = "";
	char name[200];

	walk(map, test_walk_one, seen);
	snprintf(name, sizeof(name), "%s: the walk gives the %s domains",
		 what, which);
	tap_is_str(seen, want, name);
}

/* test_walk - the hosts the walk gives (labels and brands) */
static void test_walk(const char *what, const struct access_map *map,
		      const char *want)
{
	test_walk_by(access_walk_blocking_hosts, "blocked", what, map, want);
}

/* test_trusted - the domains the administrator trusts (not lookalikes) */
static void test_trusted(const char *what, const struct access_map *map,
			 const char *want)
{
	test_walk_by(access_walk_trusted_hosts, "trusted", what, map, want);
}

/* A sender_access table as a Postfix site writes it. */
static const char postfix_table[] =
	"# /etc/postfix/sender_access\n"
	"marriott.com            REJECT Sender banned\n"
	"ok.marriott.com         OK\n"
	"dunno.marriott.com      DUNNO\n"
	"complains.linkedin.com  DISCARD\n"
	"spammer@bad.example     550 5.7.1 go away\n"
	"Postmaster@             REJECT\n"
	"tmp.example             450 4.7.1 try later\n"
	"defer.example           defer\n"
	"permit.example          DEFER_IF_PERMIT\n"
	"hold.example            HOLD\n"
	"cond.example            DEFER_IF_REJECT\n"
	"class.example           reject_unknown_sender_domain\n"
	"num.example             1234567\n"
	"warn.example            WARN look at this\n"
	"    and its text goes on on this line\n";

static const struct sender_case postfix_senders[] = {
	{"a", "marriott.com", 1, "the domain key"},
	{"a", "emalsrv.marriott.com", 1, "a bare domain covers subdomains "
	 "(parent_domain_matches_subdomains default)"},
	{"a", "x.y.marriott.com", 1, "two levels down"},
	{"a", "ok.marriott.com", 0, "a nearer OK decides"},
	{"a", "x.dunno.marriott.com", 0, "DUNNO stops the search"},
	{"a", "complains.linkedin.com", 1, "DISCARD"},
	{"a", "linkedin.com", 0, "parent of a blocked host"},
	{"spammer", "bad.example", 1, "address key, 5NN text"},
	{"SPAMMER", "bad.example", 1, "address key, case folded"},
	{"other", "bad.example", 0, "another user of the domain"},
	{"postmaster", "any.example", 1, "user@ key"},
	{"a", "tmp.example", 1, "4NN text"},
	{"a", "defer.example", 1, "DEFER (lower case keyword)"},
	{"a", "permit.example", 1, "DEFER_IF_PERMIT"},
	{"a", "hold.example", 0, "HOLD accepts"},
	{"a", "cond.example", 0, "DEFER_IF_REJECT depends on later rules"},
	{"a", "class.example", 0, "a restriction name depends on more"},
	{"a", "num.example", 0, "all-numerical is OK"},
	{"a", "warn.example", 0, "WARN accepts (continued text ignored)"},
	{"a", "marriott.com.evil.example", 0, "no substring match"},
};

static const char *const postfix_known[] = {
	"marriott.com", "linkedin.com", "bad.example", "tmp.example", NULL
};
static const char *const postfix_unknown[] = {
	"ups.com", "hold.example", "num.example", "any.example", NULL
};

/* test_postfix - the table as text */
static void test_postfix(void)
{
	struct loaded l;

	test_load(&l, "postfix:", "table", postfix_table);
	tap_is_long(l.status, 0, "postfix table: loaded");
	tap_is_long((long) l.bad, 0, "postfix table: no bad line");
	tap_is_str(l.captured, "", "postfix table: no warning");
	tap_is_str(access_source_syntax(l.map, 0), "postfix",
		   "postfix table: its type");
	tap_is_long(access_map_syntax(l.map), ACCESS_POSTFIX,
		    "postfix table: suggestions in its terms");
	test_senders("postfix", l.map, postfix_senders,
		     COUNT(postfix_senders));
	test_under("postfix", l.map, postfix_known, postfix_unknown);
	test_walk("postfix", l.map, "marriott.com|complains.linkedin.com|"
		  "tmp.example|defer.example|permit.example|");
	/* OK and all-numerical; DUNNO only stops the search */
	test_trusted("postfix", l.map, "ok.marriott.com|num.example|");
	access_free(l.map);
}

/* test_postfix_dot - ".domain" keys: never looked up with Postfix's
 * default (warned), the subdomains with the other setting */
static void test_postfix_dot(void)
{
	static const char table[] =
		"marriott.com\tREJECT\n"
		".linkedin.com\tREJECT\n";
	static const struct sender_case deflt[] = {
		{"a", "emalsrv.marriott.com", 1, "bare key covers subdomains"},
		{"a", "complains.linkedin.com", 0, ".domain never looked up"},
		{"a", "linkedin.com", 0, "nor the domain itself"},
	};
	static const struct sender_case dotted[] = {
		{"a", "marriott.com", 1, "bare key: the domain"},
		{"a", "emalsrv.marriott.com", 0, "bare key: not subdomains"},
		{"a", "complains.linkedin.com", 1, ".domain: a subdomain"},
		{"a", "x.y.linkedin.com", 1, ".domain: deeper"},
		{"a", "linkedin.com", 0, ".domain: not the domain itself"},
	};
	static const char *const none[] = { NULL };
	static const char *const dot_known[] = { "linkedin.com", NULL };
	struct loaded l;

	test_load(&l, "postfix:", "dot-default", table);
	tap_is_long((long) l.bad, 1, "postfix .domain: one line skipped");
	tap_ok(strstr(l.captured, "dot-default:2: key \".linkedin.com\" is "
		      "never looked up") != NULL,
	       "postfix .domain: warning names file:line and why");
	test_senders("postfix", l.map, deflt, COUNT(deflt));
	tap_is_long(access_blocks_under(l.map, "linkedin.com"), 0,
		    "postfix: an unused .domain makes nothing known");
	access_free(l.map);
	test_load(&l, "postfix-dot:", "dot-other", table);
	tap_is_long((long) l.bad, 0, "postfix-dot: no bad line");
	test_senders("postfix-dot", l.map, dotted, COUNT(dotted));
	test_under("postfix-dot", l.map, dot_known, none);
	access_free(l.map);
}

/* test_postfix_bad - malformed lines: file:line and the reason */
static void test_postfix_bad(void)
{
	static const char table[] =
		"  REJECT stray continuation\n"
		"good.example REJECT\n"
		"no-action-here\n"
		"x.example MAYBE\n"
		"y.example 250 fine\n"
		"z.example PREPEND\n"
		"w.example REJECT \x01\n";
	static const char *const want[] = {
		"bad:1: continuation line with no entry before it",
		"bad:3: key \"no-action-here\" has no action on its line",
		("bad:4: unknown or malformed action \"MAYBE\" for key "
		 "\"x.example\""),
		"bad:5: unknown or malformed action \"250 fine\"",
		"bad:6: unknown or malformed action \"PREPEND\"",
		"bad:7: NUL or control byte",
	};
	struct loaded l;

	test_load(&l, "postfix:", "bad", table);
	tap_is_long(l.status, 0, "postfix bad lines: the table still loads");
	tap_is_long((long) l.bad, 6, "postfix bad lines: six skipped");
	for (size_t i = 0; i < COUNT(want); i++)
		tap_ok(strstr(l.captured, want[i]) != NULL, want[i]);
	tap_is_long(access_sender_blocked(l.map, "a", "good.example"), 1,
		    "postfix bad lines: the good line blocks");
	tap_is_long(access_sender_blocked(l.map, "a", "x.example"), 0,
		    "postfix bad lines: a skipped line blocks nothing");
	access_free(l.map);
}

/* test_postmap - what postmap hash: (keys and values with their NUL,
 * as on Linux) or cdb: writes of the table, into path */
static void test_postmap(const char *path, int cdb, const char *text)
{
	char line[512];
	struct cdb_make cm;
	DB *db = NULL;
	FILE *in = fmemopen((void *) text, strlen(text), "r");
	int fd = cdb ? open(path, O_RDWR | O_CREAT | O_TRUNC, 0600) : -1;

	if (in == NULL || (cdb && (fd < 0 || cdb_make_start(&cm, fd) < 0))
	    || (!cdb && (db_create(&db, NULL, 0) != 0
			 || db->open(db, NULL, path, NULL, DB_HASH,
				     DB_CREATE | DB_TRUNCATE, 0600) != 0)))
		exit(2);
	while (fgets(line, sizeof(line), in) != NULL) {
		int more = line[0] == ' ' || line[0] == '\t';
		char *key = strtok(line, " \t\n");
		char *value = strtok(NULL, "\n");
		DBT k, v;

		if (more || key == NULL || key[0] == '#' || value == NULL)
			continue;	/* comments; continuation lines */
		value += strspn(value, " \t");
		for (char *c = key; *c != '\0'; c++)
			*c = (char) (*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a'
				     : *c);
		memset(&k, 0, sizeof(k));
		memset(&v, 0, sizeof(v));
		k.data = key;
		k.size = (u_int32_t) strlen(key) + (cdb ? 0 : 1);
		v.data = value;
		v.size = (u_int32_t) strlen(value) + (cdb ? 0 : 1);
		if ((cdb && cdb_make_add(&cm, key, k.size, value, v.size) < 0)
		    || (!cdb && db->put(db, NULL, &k, &v, 0) != 0))
			exit(2);
	}
	fclose(in);
	if ((cdb && (cdb_make_finish(&cm) < 0 || close(fd) < 0))
	    || (!cdb && db->close(db, 0) != 0))
		exit(2);
}

/* test_postfix_compiled - postmap's hash: and cdb: maps judge as the
 * text does */
static void test_postfix_compiled(void)
{
	static const char *const kinds[] = { "hash", "cdb" };
	static const char *const names[] = { "sender_access.db",
					     "sender_access.cdb" };

	for (int cdb = 0; cdb < 2; cdb++) {
		struct loaded l;
		char what[64];

		memset(&l, 0, sizeof(l));
		l.map = access_new(&test_say);
		snprintf(l.path, sizeof(l.path), "%s/%s", test_dir,
			 names[cdb]);
		test_postmap(l.path, cdb, postfix_table);
		test_add(&l, "postfix:", l.path);
		snprintf(what, sizeof(what), "postfix %s", kinds[cdb]);
		tap_is_long(l.status, 0, "postmap map: loaded");
		tap_is_str(access_source_kind(l.map, 0), kinds[cdb],
			   "postmap map: its kind");
		tap_is_str(l.captured, "", "postmap map: no warning");
		test_senders(what, l.map, postfix_senders,
			     COUNT(postfix_senders));
		test_under(what, l.map, postfix_known, postfix_unknown);
		access_free(l.map);
	}
}

/* An address list as Debian's exim4 local_sender_blacklist holds it. */
static const char exim_list[] =
	"# senders denied at RCPT time\n"
	"emalsrv.marriott.com\n"
	"  *.linkedin.com   \n"
	"*@linkedinmail.com\n"
	"Spammer@bad.example   # a comment after white space\n"
	"!good.ups.com\n"
	"*.ups.com\n"
	"! keep.fedex.com\n"
	"*@*.fedex.com\n"
	"user#tag@hash.example\n"
	"*dhl.com\n"
	"\n";

static const struct sender_case exim_senders[] = {
	{"a", "emalsrv.marriott.com", 1, "a domain item"},
	{"a", "x.emalsrv.marriott.com", 0, "a domain item: not subdomains"},
	{"a", "marriott.com", 0, "nor the parent"},
	{"a", "complains.linkedin.com", 1, "*.domain: a subdomain"},
	{"a", "linkedin.com", 0, "*.domain: not the domain itself"},
	{"a", "linkedinmail.com", 1, "*@domain"},
	{"a", "mail.linkedinmail.com", 0, "*@domain: not subdomains"},
	{"spammer", "bad.example", 1, "an address, matched caselessly"},
	{"other", "bad.example", 0, "another user of its domain"},
	{"a", "good.ups.com", 0, "a negative item earlier decides"},
	{"a", "x.ups.com", 1, "the wildcard for the others"},
	{"a", "keep.fedex.com", 0, "\"! item\" with white space"},
	{"a", "ship.fedex.com", 1, "*@*.domain"},
	{"user#tag", "hash.example", 1, "a # inside an item is no comment"},
	{"a", "dhl.com", 1, "*domain: the domain"},
	{"a", "mail.dhl.com", 1, "*domain: a subdomain"},
	{"a", "evil.example", 0, "not listed"},
};

static const char *const exim_known[] = {
	"marriott.com", "linkedin.com", "linkedinmail.com", "bad.example",
	"ups.com", "fedex.com", "dhl.com", NULL
};
static const char *const exim_unknown[] = { "evil.example", NULL };

/* test_exim - the list, guessed from its path's name here: exim: */
static void test_exim(void)
{
	struct loaded l;

	test_load(&l, "exim:", "local_sender_blacklist", exim_list);
	tap_is_long(l.status, 0, "exim list: loaded");
	tap_is_long((long) l.bad, 0, "exim list: no bad line");
	tap_is_str(l.captured, "", "exim list: no warning");
	tap_is_str(access_source_syntax(l.map, 0), "exim",
		   "exim list: its type");
	tap_is_str(access_source_kind(l.map, 0), "text",
		   "exim list: always text");
	test_senders("exim", l.map, exim_senders, COUNT(exim_senders));
	test_under("exim", l.map, exim_known, exim_unknown);
	test_walk("exim", l.map, "emalsrv.marriott.com|linkedin.com|"
		  "linkedinmail.com|ups.com|fedex.com|dhl.com|");
	/* a negated item is an exception to a block list, no trust */
	test_trusted("exim", l.map, "");
	access_free(l.map);
}

/* test_exim_order - the first matching item decides, across -a files
 * of type exim in the order given */
static void test_exim_order(void)
{
	struct loaded l;
	char second[TEST_PATH_MAX];

	test_load(&l, "exim:", "order-first", "*.example.org\n");
	test_file(second, "order-second", "!keep.example.org\n");
	test_add(&l, "exim:", second);
	tap_is_long(access_sender_blocked(l.map, "a", "keep.example.org"), 1,
		    "exim: a later file's negative item comes too late");
	access_free(l.map);
	test_load(&l, "exim:", "order-third", "!keep.example.org\n");
	test_file(second, "order-fourth", "*.example.org\n");
	test_add(&l, "exim:", second);
	tap_is_long(access_sender_blocked(l.map, "a", "keep.example.org"), 0,
		    "exim: an earlier file's negative item decides");
	tap_is_long(access_sender_blocked(l.map, "a", "other.example.org"), 1,
		    "exim: the later file's wildcard for the others");
	tap_is_long((long) l.bad, 0, "exim: items of two files, no warning");
	access_free(l.map);
}

/* test_exim_bad - lines phishwatch cannot judge: file:line and why */
static void test_exim_bad(void)
{
	static const char list[] =
		"^.*@bad\\.example$\n"
		"lsearch;/etc/exim4/senders\n"
		"+local_domains\n"
		"two words.example\n"
		"!\n"
		"a@@b.example\n"
		"@[]\n"
		"good.example\n";
	static const char *const want[] = {
		"list:1: item \"^.*@bad\\.example$\": a regular expression",
		"list:2: item \"lsearch;/etc/exim4/senders\": a lookup",
		"list:3: item \"+local_domains\": a named list",
		"list:4: item \"two words.example\": white space inside",
		"list:5: item \"\": an empty negated item",
		"list:6: item \"a@@b.example\": not an address",
		"list:7: item \"@[]\": an \"@\" item",
	};
	struct loaded l;

	test_load(&l, "exim:", "list", list);
	tap_is_long(l.status, 0, "exim bad lines: the list still loads");
	tap_is_long((long) l.bad, 7, "exim bad lines: seven skipped");
	for (size_t i = 0; i < COUNT(want); i++)
		tap_ok(strstr(l.captured, want[i]) != NULL, want[i]);
	tap_is_long(access_sender_blocked(l.map, "a", "good.example"), 1,
		    "exim bad lines: the good item blocks");
	access_free(l.map);
}

struct spec_case {
	const char *arg;
	enum access_syntax syntax;
	const char *path;
};

/* test_spec - -a [TYPE:]PATH, and the type guessed from the path */
static void test_spec(void)
{
	static const struct spec_case cases[] = {
		{"/etc/mail/access", ACCESS_SENDMAIL, "/etc/mail/access"},
		{"/etc/mail/access.db", ACCESS_SENDMAIL, "/etc/mail/access.db"},
		{"access", ACCESS_SENDMAIL, "access"},
		{"/etc/postfix/sender_access", ACCESS_POSTFIX,
		 "/etc/postfix/sender_access"},
		{"/etc/postfix/access.db", ACCESS_POSTFIX,
		 "/etc/postfix/access.db"},
		{"/srv/maps/sender_access", ACCESS_POSTFIX,
		 "/srv/maps/sender_access"},
		{"/etc/exim4/local_sender_blacklist", ACCESS_EXIM,
		 "/etc/exim4/local_sender_blacklist"},
		{"/etc/exim/blocked", ACCESS_EXIM, "/etc/exim/blocked"},
		{"exim:/etc/mail/blocked", ACCESS_EXIM, "/etc/mail/blocked"},
		{"postfix:/x/y", ACCESS_POSTFIX, "/x/y"},
		{"postfix-dot:/x/y", ACCESS_POSTFIX_DOT, "/x/y"},
		{"sendmail:/etc/postfix/old", ACCESS_SENDMAIL,
		 "/etc/postfix/old"},
		{"other:/x", ACCESS_SENDMAIL, "other:/x"},
	};
	char name[200];

	for (size_t i = 0; i < COUNT(cases); i++) {
		enum access_syntax syntax = ACCESS_SENDMAIL;
		const char *path = NULL;

		access_spec(cases[i].arg, &syntax, &path);
		snprintf(name, sizeof(name), "-a %s: type", cases[i].arg);
		tap_is_long(syntax, cases[i].syntax, name);
		snprintf(name, sizeof(name), "-a %s: path", cases[i].arg);
		tap_is_str(path, cases[i].path, name);
	}
}

/* test_suggest - the line that blocks the host, in each table's terms */
static void test_suggest(void)
{
	char buf[128];

	tap_is_long(access_suggest_as(ACCESS_POSTFIX, "emalsrv.marriott.com",
				      buf, sizeof(buf)), 41,
		    "postfix suggestion: its length");
	tap_is_str(buf, "emalsrv.marriott.com REJECT Sender banned",
		   "postfix suggestion: access(5) line");
	access_suggest_as(ACCESS_POSTFIX_DOT, "emalsrv.marriott.com", buf,
			  sizeof(buf));
	tap_is_str(buf, "emalsrv.marriott.com REJECT Sender banned",
		   "postfix-dot suggestion: the same line");
	tap_is_long(access_suggest_as(ACCESS_EXIM, "emalsrv.marriott.com",
				      buf, sizeof(buf)), 20,
		    "exim suggestion: its length");
	tap_is_str(buf, "emalsrv.marriott.com", "exim suggestion: an item");
	access_suggest_as(ACCESS_SENDMAIL, "emalsrv.marriott.com", buf,
			  sizeof(buf));
	tap_is_str(buf, "emalsrv.marriott.com\tERROR:\"550 5.7.1 Sender "
		   "banned\"", "sendmail suggestion unchanged");
	tap_is_long(access_suggest_as(ACCESS_POSTFIX, "emalsrv.marriott.com",
				      buf, 41), -1,
		    "postfix suggestion: one byte short");
	tap_is_str(buf, "", "postfix suggestion: nothing half-written");
	tap_is_long(access_suggest_as(ACCESS_EXIM, "Evil.example", buf,
				      sizeof(buf)), -1,
		    "exim suggestion: an unchecked host refused");
	tap_is_long(access_map_syntax(NULL), ACCESS_SENDMAIL,
		    "no map: suggestions for sendmail");
}

/* test_mixed_types - sendmail's map and a Postfix table at once: each
 * blocks by its own rules, the first given sets the suggestion, a key
 * in both is no duplicate */
static void test_mixed_types(void)
{
	struct loaded l;
	char second[TEST_PATH_MAX];

	test_load(&l, "", "access", "marriott.com\tOK\n");
	test_file(second, "sender_access", "marriott.com REJECT\n"
		  "ups.com REJECT\n");
	test_add(&l, "", second);
	tap_is_long((long) l.bad, 0, "mixed: the same key in two types is "
		    "no duplicate");
	tap_is_str(access_source_syntax(l.map, 1), "postfix",
		   "mixed: sender_access guessed as postfix");
	tap_is_long(access_sender_blocked(l.map, "a", "emalsrv.ups.com"), 1,
		    "mixed: the Postfix table blocks");
	tap_is_long(access_sender_blocked(l.map, "a", "emalsrv.marriott.com"),
		    1, "mixed: sendmail's OK does not unblock Postfix's entry");
	tap_is_long(access_map_syntax(l.map), ACCESS_SENDMAIL,
		    "mixed: the first file's type suggests");
	tap_is_long(access_map_syntax_for(l.map, ACCESS_POSTFIX),
		    ACCESS_POSTFIX, "mixed: a Postfix line suggests in the "
		    "Postfix table's terms");
	tap_is_long(access_map_syntax_for(l.map, ACCESS_SENDMAIL),
		    ACCESS_SENDMAIL, "mixed: a sendmail line in sendmail's");
	tap_is_long(access_map_syntax_for(l.map, ACCESS_EXIM),
		    ACCESS_SENDMAIL, "mixed: an Exim line, no Exim list: the "
		    "first file's terms");
	access_free(l.map);
}

/* test_lmdb - postmap's lmdb: maps are not read: a clear error */
static void test_lmdb(void)
{
	struct loaded l;

	test_load(&l, "postfix:", "sender_access.lmdb", "not lmdb\n");
	tap_is_long(l.status, -1, "postfix lmdb: refused");
	tap_is_long(errno, ENOTSUP, "postfix lmdb: ENOTSUP");
	access_free(l.map);
}

int main(void)
{
	const char *tmp = getenv("TMPDIR");
	char cmd[400];

	snprintf(test_dir, sizeof(test_dir), "%s/test_access_mta.XXXXXX",
		 tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(test_dir) == NULL) {
		perror("mkdtemp");
		return 2;
	}
	test_postfix();
	test_postfix_dot();
	test_postfix_bad();
	test_postfix_compiled();
	test_exim();
	test_exim_order();
	test_exim_bad();
	test_spec();
	test_suggest();
	test_mixed_types();
	test_lmdb();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", test_dir);
	if (system(cmd) != 0)
		return 2;
	return tap_done();
}
