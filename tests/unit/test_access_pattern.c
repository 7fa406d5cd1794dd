/*
 * test_access_pattern - Postfix regexp: and pcre: tables as
 * check_sender_access reads them: the rules tried in order on the whole
 * address, folded to lower case, and on nothing else (never the domain
 * alone, as a real Postfix 3.7 showed); "!" and nested ifs; a result on
 * the continuation line; the file:line warnings for lines Postfix
 * would skip; the type guessed from the name; the suggested rule; and
 * that a pattern makes no campaign known and gives no host to the walk.
 */
#include <stdio.h>
#include <string.h>

#include "access.h"
#include "mta_tables.h"
#include "tap.h"

/* A sender_access table of patterns as a site may write it, in both
 * dialects (nothing in it is PCRE's alone). */
static const char pattern_table[] =
	"# senders we refuse by pattern\n"
	"/[@.]marriott\\.com$/          REJECT spoofed brand\n"
	"/^ok@/                         OK\n"
	"/@emalsrv\\.hilton\\.com$/      DISCARD\n"
	"/^emalsrv\\.p2\\.example$/      REJECT\n"
	"/^spammer@bad\\.example$/      550 5.7.1 go away\n"
	"if /\\.bank\\.example$/\n"
	"!/^(alerts|news)@/             REJECT not our senders\n"
	"if !/@mail\\./\n"
	"/./                            HOLD\n"
	"endif\n"
	"endif\n"
	"/\\.later\\.example$/\n"
	"    DEFER try again\n"
	"/\\.dunno\\.example$/          DUNNO\n"
	"/\\.dunno\\.example$/          REJECT\n"
	"/LINKEDIN/                     REJECT any case\n"
	"/^x@EXACT\\.example$/i          REJECT case matters\n";

static const struct sender_case pattern_senders[] = {
	{"a", "marriott.com", 1, "the pattern on the whole address"},
	{"a", "emalsrv.marriott.com", 1, "a subdomain"},
	{"a", "notmarriott.com", 0, "[@.] keeps other names out"},
	{"ok", "marriott.com", 1, "an earlier rule decides: REJECT"},
	{"ok", "any.example", 0, "OK for the local part"},
	{"a", "emalsrv.hilton.com", 1, "DISCARD"},
	{"a", "x.emalsrv.hilton.com", 0, "the pattern says @ before it"},
	{"a", "emalsrv.p2.example", 0, "the domain alone is never asked"},
	{"", "emalsrv.p2.example", 0, "...nor for a host alone, asked "
	 "as @host"},
	{"", "emalsrv.marriott.com", 1, "@host: a pattern on the end"},
	{"spammer", "bad.example", 1, "a whole address"},
	{"other", "bad.example", 0, "another user of the domain"},
	{"a", "x.bank.example", 1, "inside an if, a negated rule"},
	{"alerts", "x.bank.example", 0, "HOLD in the nested if decides on "
	 "the whole address"},
	{"alerts", "mail.bank.example", 0, "the nested if skips @mail., "
	 "and the domain alone is not tried"},
	{"ALERTS", "x.bank.example", 0, "the address folded to lower case"},
	{"a", "z.later.example", 1, "the result on the continuation line"},
	{"a", "z.dunno.example", 0, "the first match decides: DUNNO"},
	{"a", "complains.linkedin.com", 1, "caseless by default"},
	{"x", "exact.example", 0, "i: case matters, and hosts are lower"},
	{"a", "other.example", 0, "no rule matches"},
};

/* test_dialects - the table read as regexp: and as pcre:, and as
 * guessed from a name ending in .regexp or .pcre */
static void test_dialects(void)
{
	static const char *const types[] = {"regexp:", "pcre:", "", ""};
	static const char *const names[] = {"sender_access", "sender_access",
					    "senders.regexp", "senders.pcre"};
	static const char *const kinds[] = {"regexp", "pcre", "regexp",
					    "pcre"};

	for (size_t i = 0; i < COUNT(types); i++) {
		struct loaded l;
		char what[64];

		snprintf(what, sizeof(what), "%s%s", types[i], names[i]);
		test_load(&l, types[i], names[i], pattern_table);
		tap_is_long(l.status, 0, what);
		tap_is_str(l.captured, "", "no warning");
		tap_is_str(access_source_syntax(l.map, 0), kinds[i],
			   "the type");
		tap_is_str(access_source_kind(l.map, 0), kinds[i], "the kind");
		tap_is_long((long)access_entry_count(l.map), 12,
			    "twelve rules with a result");
		test_senders(what, l.map, pattern_senders,
			     COUNT(pattern_senders));
		tap_is_long(access_blocks_under(l.map, "marriott.com"), 0,
			    "a pattern makes no campaign known");
		test_walk(what, l.map, "");
		access_free(l.map);
	}
}

/* test_pattern_bad - lines Postfix skips: warned about, file:line */
static void test_pattern_bad(void)
{
	static const char table[] =
		"/(unclosed/ REJECT\n"
		"/no-end REJECT\n"
		"/\\.p1\\.example$/q REJECT\n"
		"/\\.p2\\.example$/\n"
		"/\\.p3\\.example$/ TEMPFAIL\n"
		"endif\n"
		"if /x/ REJECT\n"
		"/\\.p4\\.example$/ PREPEND\n"
		"if /\\.p5\\.example$/\n"
		"\t/^b@/ REJECT\n"
		"/^a@/ REJECT\n"
		"emalsrv.p6.example REJECT\n";
	static const char *const want[] = {
		"bad.pcre:1: pattern \"(unclosed\": missing closing "
		"parenthesis at offset 9; line skipped",
		"bad.pcre:2: pattern \"/no-end REJECT\" has no closing \"/\"",
		"bad.pcre:3: pattern \"\\.p1\\.example$\": unknown flag \"q\"",
		"bad.pcre:4: pattern without a result: Postfix gives an empty "
		"one, and smtpd defers the sender (451 4.3.5 Server "
		"configuration error); taken as blocking\n",
		"bad.pcre:5: \"TEMPFAIL\" of key \"/\\.p3\\.example$/\" is "
		"neither action nor restriction",
		"bad.pcre:6: endif without an if",
		"bad.pcre:7: text \"REJECT\" after the pattern of an if is "
		"ignored, as Postfix ignores it\n",
		"bad.pcre:8: unknown or malformed action \"PREPEND\"",
		"bad.pcre:7: if without an endif: it covers the rest",
		"bad.pcre:9: if without an endif: it covers the rest",
		"bad.pcre:9: text \"/^b@/ REJECT\" on the indented line after "
		"this if is ignored, as Postfix ignores it",
		"bad.pcre:12: \"emalsrv.p6.example REJECT\" is no rule: a "
		"pattern starts with a delimiter",
	};
	static const struct sender_case senders[] = {
		{"a", "x.p2.example", 1, "a rule without a result defers"},
		{"a", "x.p3.example", 1, "a value smtpd defers on blocks"},
		{"a", "x.p4.example", 0, "PREPEND without text: skipped"},
		{"a", "x.p5.example", 1, "an unclosed if covers the rest"},
		{"b", "x.p5.example", 0, "an indented rule is none"},
		{"a", "x.p6.example", 0, "...only where it matches"},
		{"a", "emalsrv.p6.example", 0, "a line of a table of keys is "
		 "no rule"},
	};
	struct loaded l;

	test_load(&l, "", "bad.pcre", table);
	tap_is_long(l.status, 0, "bad lines: the table still loads");
	tap_is_long((long)l.bad, 12, "bad lines: twelve warned about");
	for (size_t i = 0; i < COUNT(want); i++)
		tap_ok(strstr(l.captured, want[i]) != NULL, want[i]);
	test_senders("bad lines", l.map, senders, COUNT(senders));
	access_free(l.map);
}

/* test_pattern_suggest - the rule that blocks a host and below it */
static void test_pattern_suggest(void)
{
	char buf[ACCESS_SUGGEST_MAX];
	int len = access_suggest_as(ACCESS_POSTFIX_PCRE, "emalsrv.marriott.com",
				    buf, sizeof(buf));

	tap_is_str(buf, "/[@.]emalsrv\\.marriott\\.com$/ REJECT Sender banned",
		   "suggestion: the dots escaped, the host and below it");
	tap_is_long(len, (long)strlen(buf), "suggestion: its length");
	access_suggest_as(ACCESS_POSTFIX_REGEXP, "a.example", buf,
			  sizeof(buf));
	tap_is_str(buf, "/[@.]a\\.example$/ REJECT Sender banned",
		   "suggestion: the same rule for regexp:");
	tap_is_long(access_suggest_as(ACCESS_POSTFIX_PCRE, "a.example", buf,
				      12),
		    -1, "suggestion: one too short is refused");
	tap_is_str(buf, "", "suggestion: nothing half-written");
}

/* test_pattern_suggested_rule - the suggested rule, loaded, blocks the
 * host and its subdomains and nothing else */
static void test_pattern_suggested_rule(void)
{
	static const struct sender_case senders[] = {
		{"a", "emalsrv.marriott.com", 1, "the host"},
		{"a", "x.emalsrv.marriott.com", 1, "below it"},
		{"a", "xemalsrv.marriott.com", 0, "not another name"},
		{"a", "marriott.com", 0, "nor the parent"},
	};
	char rule[ACCESS_SUGGEST_MAX + 1];
	struct loaded l;

	access_suggest_as(ACCESS_POSTFIX_PCRE, "emalsrv.marriott.com", rule,
			  sizeof(rule) - 1);
	strcat(rule, "\n");
	test_load(&l, "pcre:", "suggested", rule);
	tap_is_str(l.captured, "", "suggested rule: loads without a warning");
	test_senders("suggested rule", l.map, senders, COUNT(senders));
	access_free(l.map);
}

int main(void)
{
	if (test_dir_make("test_access_pattern") < 0) {
		perror("mkdtemp");
		return 2;
	}
	test_dialects();
	test_pattern_bad();
	test_pattern_suggest();
	test_pattern_suggested_rule();
	if (test_dir_remove() < 0)
		return 2;
	return tap_done();
}
