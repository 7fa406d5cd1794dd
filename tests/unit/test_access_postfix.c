/*
 * test_access_postfix - a Postfix access(5) table as check_sender_access
 * reads it, through -a postfix: and postfix-dot:: the default
 * parent_domain_matches_subdomains and the other setting, its actions,
 * the file:line warnings for malformed lines, which campaigns it makes
 * known, the hosts it gives the walk, postmap's hash: and cdb: maps, and
 * its lmdb: maps refused.
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
#include "mta_tables.h"
#include "tap.h"

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

/* test_postfix_pattern - a regexp: or pcre: table given as postfix: each
 * pattern line warned about (file:line), none taken for a key; the
 * plain keys of the same file still read */
static void test_postfix_pattern(void)
{
	static const char table[] =
		"/\\.marriott\\.com$/ REJECT spoofed\n"
		"!/^ok@/ DUNNO\n"
		"if /^emalsrv\\./\n"
		"/linkedin/i REJECT\n"
		"endif\n"
		"bad.example REJECT\n";
	static const struct sender_case senders[] = {
		{"a", "emalsrv.marriott.com", 0, "a pattern is no key"},
		{"a", "bad.example", 1, "a plain key of the same file"},
	};
	struct loaded l;

	test_load(&l, "postfix:", "sender_access.pcre", table);
	tap_is_long((long) l.bad, 5, "postfix pcre: five pattern lines skipped");
	tap_ok(strstr(l.captured, "sender_access.pcre:1: \"/\\.marriott"
		      "\\.com$/ REJECT spoofed\" is a line of a regexp: or "
		      "pcre: table") != NULL
	       && strstr(l.captured, "sender_access.pcre:5: \"endif\"") != NULL,
	       "postfix pcre: each warning names file:line and why");
	test_senders("postfix pcre", l.map, senders, COUNT(senders));
	access_free(l.map);
}

/* test_postfix_bad - malformed lines: file:line and the reason; a value
 * that is neither action nor restriction (MAYBE, a 2xx reply) is read
 * as smtpd takes it, a deferral of the sender, and still warned about */
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
		("bad:4: \"MAYBE\" of key \"x.example\" is neither action "
		 "nor restriction: smtpd defers the sender (451 4.3.5 Server "
		 "configuration error); taken as blocking"),
		"bad:5: \"250 fine\" of key \"y.example\" is neither action",
		"bad:6: unknown or malformed action \"PREPEND\"",
		"bad:7: NUL or control byte",
	};
	struct loaded l;

	test_load(&l, "postfix:", "bad", table);
	tap_is_long(l.status, 0, "postfix bad lines: the table still loads");
	tap_is_long((long) l.bad, 6, "postfix bad lines: six warned about");
	for (size_t i = 0; i < COUNT(want); i++)
		tap_ok(strstr(l.captured, want[i]) != NULL, want[i]);
	tap_is_long(access_sender_blocked(l.map, "a", "good.example"), 1,
		    "postfix bad lines: the good line blocks");
	tap_is_long(access_sender_blocked(l.map, "a", "z.example"), 0,
		    "postfix bad lines: a skipped line blocks nothing");
	tap_is_long(access_sender_blocked(l.map, "a", "x.example"), 1,
		    "postfix bad lines: a value smtpd defers on blocks");
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
	if (test_dir_make("test_access_postfix") < 0) {
		perror("mkdtemp");
		return 2;
	}
	test_postfix();
	test_postfix_dot();
	test_postfix_pattern();
	test_postfix_bad();
	test_postfix_compiled();
	test_lmdb();
	if (test_dir_remove() < 0)
		return 2;
	return tap_done();
}
