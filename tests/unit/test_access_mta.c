/*
 * test_access_mta - an Exim address list as a "senders" ACL condition
 * reads it, through -a exim: (domain, *.domain, *@domain, addresses,
 * negation, order across files), the file:line warnings for items it
 * cannot judge, which campaigns it makes known and the hosts it gives
 * the walk; then what all the MTAs' tables share: the -a type guessed
 * from a path, the suggested line in each table's own terms, and tables
 * of two types in one map.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "mta_tables.h"
#include "tap.h"

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

/* test_exim_regex - regular expressions among the items, in their
 * places: "^..." over the whole address lower-cased, "local@^..." and
 * "*@^..." over the domain; one that does not compile defers every
 * sender that reaches it, as Exim does (warned about) */
static void test_exim_regex(void)
{
	static const char first[] =
		"!^boss@.*\\.r1\\.example$\n"
		"^.*@emalsrv\\.r1\\.example$\n"
		"!keep@emalsrv.r2.example\n"
		"^[a-z]+@emalsrv\\.r2\\.\n"
		"*@^emalsrv\\.r3\\.[a-z]+$\n"
		"x4@^emalsrv\\.r4\\.\n"
		"^has blank@emalsrv\\.r5\\.example$\n";
	static const char second[] =
		"!^.*@emalsrv\\.r6\\.example$\n"
		"*@emalsrv.r6.example\n"
		"^x(@emalsrv\\.r7\\.example$\n"
		"!*@emalsrv.r8.example\n";
	static const struct sender_case senders[] = {
		{"a", "emalsrv.r1.example", 1, "a whole-address regex"},
		{"BOSS", "x.r1.example", 0, "a negated one before it, "
		 "the address lower-cased"},
		{"boss", "emalsrv.r1.example", 0, "...for its sender only"},
		{NULL, "emalsrv.r1.example", 1, "a host alone: @host"},
		{"keep", "emalsrv.r2.example", 0, "a literal negated item first"},
		{"a", "emalsrv.r2.example.net", 1, "no $: the end is open"},
		{"a", "emalsrv.r3.example", 1, "*@^re: the domain alone"},
		{"a", "x.emalsrv.r3.example", 0, "...anchored at its start"},
		{"x4", "emalsrv.r4.example", 1, "local@^re"},
		{"y4", "emalsrv.r4.example", 0, "...that local part only"},
		{"has blank", "emalsrv.r5.example", 1, "a blank in a regex"},
		{"a", "emalsrv.r1.example.net", 0, "$ ends the first regex"},
	};
	static const struct sender_case later[] = {
		{"a", "emalsrv.r6.example", 0, "a later file's negated regex "
		 "before its literal item"},
		{"a", "emalsrv.r7.example", 1, "a regex that does not compile "
		 "defers the senders that reach it"},
		{"a", "emalsrv.r8.example", 1, "...the items after it too"},
		{"a", "emalsrv.r1.example.net", 1, "...and any other sender "
		 "the first file let through"},
		{"boss", "emalsrv.r1.example", 0, "not one an earlier item "
		 "decided for"},
	};
	struct loaded l;
	char path2[TEST_PATH_MAX];

	test_load(&l, "exim:", "regex-list", first);
	tap_is_str(l.captured, "", "exim regex: no warning");
	tap_is_long((long)access_entry_count(l.map), 7,
		    "exim regex: seven items, keys and expressions");
	test_senders("exim regex", l.map, senders, COUNT(senders));
	test_file(path2, "regex-list2", second);
	test_add(&l, "exim:", path2);
	tap_ok(strstr(l.captured, "regex-list2:3: item \"^x(@emalsrv\\.r7\\."
			       "example$\": missing closing parenthesis at "
			       "offset 25: Exim defers every sender that "
			       "reaches it (421); taken as blocking\n")
		   != NULL,
	       "exim regex: the one that does not compile, warned about");
	tap_is_long((long)l.bad, 1, "exim regex: ...and counted");
	test_senders("exim regex, two files", l.map, later, COUNT(later));
	tap_is_long(access_blocks_under(l.map, "r1.example"), 0,
		    "exim regex: a regex makes no campaign known");
	access_free(l.map);
}

/* test_exim_bad - lines phishwatch cannot judge: file:line and why */
static void test_exim_bad(void)
{
	static const char list[] =
		"${lookup{x}lsearch{/etc/exim4/senders}}\n"
		"lsearch;/etc/exim4/senders\n"
		"+local_domains\n"
		"two words.example\n"
		"!\n"
		"a@@b.example\n"
		"@[]\n"
		"good.example\n";
	static const char *const want[] = {
		("list:1: item \"${lookup{x}lsearch{/etc/exim4/senders}}\": "
		 "an expansion"),
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
		{"pcre:/x/y", ACCESS_POSTFIX_PCRE, "/x/y"},
		{"regexp:/x/y", ACCESS_POSTFIX_REGEXP, "/x/y"},
		{"/etc/postfix/sender_access.pcre", ACCESS_POSTFIX_PCRE,
		 "/etc/postfix/sender_access.pcre"},
		{"/srv/maps/senders.regexp", ACCESS_POSTFIX_REGEXP,
		 "/srv/maps/senders.regexp"},
		{"postfix:/etc/postfix/x.pcre", ACCESS_POSTFIX,
		 "/etc/postfix/x.pcre"},
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

int main(void)
{
	if (test_dir_make("test_access_mta") < 0) {
		perror("mkdtemp");
		return 2;
	}
	test_exim();
	test_exim_order();
	test_exim_regex();
	test_exim_bad();
	test_spec();
	test_suggest();
	test_mixed_types();
	if (test_dir_remove() < 0)
		return 2;
	return tap_done();
}
