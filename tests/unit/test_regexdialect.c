/*
 * test_regexdialect - a Postfix table's pattern compiled in its
 * dialect: the defaults (caseless; extended syntax for regexp:), each
 * flag toggling its option, what only PCRE knows, UTF-8, and the
 * reasons given for an unknown flag or a pattern that does not compile.
 */
#include <string.h>

#include "pcreload.h"
#include "regexdialect.h"
#include "tap.h"

/* PCRE2, loaded once for the whole test as a pcre: table loads it. */
static struct pcreload pcre;

/* One pattern, its flags, a subject and whether it matches. */
struct dialect_case {
	enum regexdialect_kind kind;
	const char *pattern;
	const char *flags;
	const char *subject;
	int matches;
	const char *why;
};

static const struct dialect_case dialect_cases[] = {
    {REGEXDIALECT_POSIX, "\\.marriott\\.com$", "", "x@emalsrv.marriott.com", 1,
     "regexp: an unanchored search"},
    {REGEXDIALECT_POSIX, "^marriott", "", "x@marriott.com", 0,
     "regexp: anchors hold"},
    {REGEXDIALECT_POSIX, "MARRIOTT", "", "x@marriott.com", 1,
     "regexp: caseless by default"},
    {REGEXDIALECT_POSIX, "MARRIOTT", "i", "x@marriott.com", 0,
     "regexp: i makes case matter"},
    {REGEXDIALECT_POSIX, "a(b|c)+d", "", "x@acbd.example", 1,
     "regexp: extended syntax by default"},
    {REGEXDIALECT_POSIX, "a(b|c)+d", "x", "x@acbd.example", 0,
     "regexp: x turns to basic syntax, where ( and | are letters"},
    {REGEXDIALECT_POSIX, "a(b|c)+d", "x", "x@a(b|c)+d.example", 1,
     "regexp: ...and match themselves"},
    {REGEXDIALECT_POSIX, "[[:digit:]]{3}\\.", "", "x@mail123.example", 1,
     "regexp: character classes"},
    {REGEXDIALECT_PCRE, "\\d{3}\\.example$", "", "x@mail123.example", 1,
     "pcre: \\d"},
    {REGEXDIALECT_PCRE, "^(?!ok@).*@bank\\.example$", "", "ok@bank.example", 0,
     "pcre: a negative lookahead"},
    {REGEXDIALECT_PCRE, "^(?!ok@).*@bank\\.example$", "", "no@bank.example", 1,
     "pcre: ...that lets another through"},
    {REGEXDIALECT_PCRE, "PAYPAL", "", "x@paypal.com", 1,
     "pcre: caseless by default"},
    {REGEXDIALECT_PCRE, "PAYPAL", "i", "x@paypal.com", 0,
     "pcre: i makes case matter"},
    {REGEXDIALECT_PCRE, "pay pal", "x", "x@paypal.com", 1,
     "pcre: x ignores blanks in the pattern"},
    {REGEXDIALECT_PCRE, "paypal", "A", "x@paypal.com", 0,
     "pcre: A anchors at the start"},
    {REGEXDIALECT_PCRE, "^.\\.example$", "", "x@\xd0\xb0.example", 0,
     "pcre: an address is not one character"},
    {REGEXDIALECT_PCRE, "@.\\.example$", "", "x@\xd0\xb0.example", 1,
     "pcre: UTF-8: a Cyrillic letter is one character"},
    {REGEXDIALECT_PCRE, "@\xd0\x90\\.example$", "", "x@\xd0\xb0.example", 1,
     "pcre: UTF-8: caseless beyond ASCII"},
    {REGEXDIALECT_PCRE, "example$", "", "x\xff@bad.example", 1,
     "pcre: a subject that is not UTF-8 is still searched"},
};

/* test_matches - every case compiles and matches as it should */
static void test_matches(void)
{
	for (size_t i = 0; i < sizeof(dialect_cases) / sizeof(dialect_cases[0]);
	     i++) {
		const struct dialect_case *c = &dialect_cases[i];
		char why[REGEXDIALECT_ERROR_MAX];
		struct regexdialect *re = regexdialect_compile(
		    c->kind, &pcre, c->pattern, strlen(c->pattern), c->flags,
		    strlen(c->flags), why);

		if (!tap_ok(re != NULL, c->why))
			continue;
		tap_is_long(
		    regexdialect_match(re, c->subject, strlen(c->subject)),
		    c->matches, c->why);
		regexdialect_free(re);
	}
}

/* test_refused - what does not compile, and why */
static void test_refused(void)
{
	char why[REGEXDIALECT_ERROR_MAX];

	tap_ok(
	    regexdialect_compile(REGEXDIALECT_POSIX, NULL, "a(b", 3, "", 0, why)
		== NULL,
	    "regexp: an unbalanced parenthesis is refused");
	tap_ok(strlen(why) > 0, "regexp: ...with regerror's reason");
	tap_ok(
	    regexdialect_compile(REGEXDIALECT_PCRE, &pcre, "a(b", 3, "", 0, why)
		== NULL,
	    "pcre: an unbalanced parenthesis is refused");
	tap_is_str(why, "missing closing parenthesis at offset 3",
		   "pcre: ...with PCRE2's reason and where");
	tap_ok(
	    regexdialect_compile(REGEXDIALECT_POSIX, NULL, "a", 1, "s", 1, why)
		== NULL,
	    "regexp: s is no flag of regexp: tables");
	tap_is_str(why, "unknown flag \"s\" after the pattern",
		   "regexp: ...named");
	tap_ok(
	    regexdialect_compile(REGEXDIALECT_PCRE, &pcre, "a", 1, "q", 1, why)
		== NULL,
	    "pcre: q is no flag");
}

/* test_backtracking - a PCRE pattern that backtracks without end is
 * stopped, and says so (-1), soon */
static void test_backtracking(void)
{
	static const char subject[] = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
				      "aaaaaaaaaaaaaaaaaaaaaaaa@example.com";
	char why[REGEXDIALECT_ERROR_MAX];
	struct regexdialect *re = regexdialect_compile(
	    REGEXDIALECT_PCRE, &pcre, "^(a+)+$", 7, "", 0, why);

	if (!tap_ok(re != NULL, "pcre: ^(a+)+$ compiles"))
		return;
	tap_is_long(regexdialect_match(re, subject, strlen(subject)), -1,
		    "pcre: ...and is stopped on 64 a's and a domain");
	regexdialect_free(re);
}

/* test_cost - POSIX patterns that glibc would expand past all bounds
 * are refused; large but sane ones are not */
static void test_cost(void)
{
	static const char *const refused[] = {
	    "^a\\.++++++++++++++++++++example$",
	    "(a{200}){200}",
	    "((a{30}){30}){30}",
	    "(((((((((((((((a+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)",
	};
	static const char *const taken[] = {
	    "a{1000}",    "^([a-z]{2,10}\\.){1,5}example\\.com$",
	    "[]{}+*]+x",  "[[:digit:]]{3}",
	    "(a|b|c)*@x",
	};
	char why[REGEXDIALECT_ERROR_MAX];

	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		tap_ok(regexdialect_compile(REGEXDIALECT_POSIX, NULL,
					    refused[i], strlen(refused[i]), "",
					    0, why)
			   == NULL,
		       refused[i]);
		tap_is_str(why,
			   "repetitions nested or stacked beyond 20000 "
			   "copies, which regcomp would expand",
			   "...refused for its cost");
	}
	for (size_t i = 0; i < sizeof(taken) / sizeof(taken[0]); i++) {
		struct regexdialect *re =
		    regexdialect_compile(REGEXDIALECT_POSIX, NULL, taken[i],
					 strlen(taken[i]), "", 0, why);

		tap_ok(re != NULL, taken[i]);
		regexdialect_free(re);
	}
	tap_ok(regexdialect_compile(REGEXDIALECT_POSIX, NULL,
				    "\\(a\\{200\\}\\)\\{200\\}", 19, "x", 1,
				    why)
		   == NULL,
	       "basic syntax (x): nested counts refused too");
}

int main(void)
{
	if (pcreload_open(&pcre) < 0) {
		perror("pcreload_open");
		return 2;
	}
	test_matches();
	test_refused();
	test_cost();
	test_backtracking();
	pcreload_close(&pcre);
	return tap_done();
}
