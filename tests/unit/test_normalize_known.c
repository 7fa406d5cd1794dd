/*
 * test_normalize_known - a check_rcpt reject that prefilter_scan() takes
 * apart (PREFILTER_RCPT) becomes, through normalize_known(), the very
 * record the sendmail rulebase makes of it through normalize_line():
 * every shape of relay, a CR at the end, NOQUEUE, no header; the shapes
 * it must leave to the full parse (arg2, relay user, other programs);
 * and a thousand mutations of those lines (bytes inserted, dropped,
 * changed), each of which either takes the full parse or gives the same
 * record.  (A thousand: the unit tests also run under memcheck.)
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "prefilter.h"
#include "tap.h"

#define H "Jul  3 14:12:20 mx1 sm-mta[4707]: "
#define LINE_MAX_TEST 512

/* The lines the prefilter must take apart. */
static const char *const known[] = {
	H "r1: ruleset=check_rcpt, arg1=<a@b.example>, relay=mx.example.net "
	  "[203.0.113.7] (may be forged), reject=550 5.7.1 <a@b.example>... "
	  "Relaying denied",
	H "r2: ruleset=check_rcpt, arg1=<a@b.example>, "
	  "relay=[IPv6:2001:db8::1], reject=550 5.1.1 User unknown",
	H "r3: ruleset=check_rcpt, arg1=<a@b.example>, relay=localhost, "
	  "reject=550 x",
	H "r4: ruleset=check_rcpt, arg1=<a@b.example>, relay=host[192.0.2.4], "
	  "reject=550 x",
	H "r5: ruleset=check_rcpt, arg1=<a@b.example>, relay=h [192.0.2.4], "
	  "reject=550 x\r",
	H "NOQUEUE: ruleset=check_rcpt, arg1=<a@b.example>, relay=h "
	  "[192.0.2.4], reject=550 x",
	H "r6: ruleset=check_rcpt, arg1=a@b.example, relay=h [192.0.2.4], "
	  "reject=x, y, reject=z",
	H "r7: ruleset=check_rcpt, arg1=<a@b.example>, relay=[192.0.2.4] "
	  "(may be forged), reject=550 x",
	"r8: ruleset=check_rcpt, arg1=<a@b.example>, relay=h [192.0.2.4], "
	"reject=550 headerless",
	"2026-07-03T14:12:20.123456+02:00 mx1 sendmail[4707]: r9: "
	"ruleset=check_rcpt, arg1=<a@b.example>, relay=h [192.0.2.4], "
	"reject=550 x",
};

/* Lines that must take the full parse. */
static const char *const parsed[] = {
	H "r10: ruleset=check_rcpt, arg1=<a@b.example>, arg2=x, relay=h "
	  "[192.0.2.4], reject=550 x",
	H "r11: ruleset=check_rcpt, arg1=<a@b.example>, relay=u@h "
	  "[192.0.2.4], reject=550 x",
	H "r12: ruleset=check_rcpt, arg1=<a@b.example>, relay=h  [192.0.2.4], "
	  "reject=550 x",
	H "r13: ruleset=check_rcpt, arg1=<a@b.example>, relay=h [192.0.2.4], "
	  "reject=",
	H "r14: ruleset=check_rcpt, arg1=<a@b.example>, relay=h [192.0.2.4], "
	  "quarantine=x",
	H "r15: ruleset=check_mail, arg1=<a@b.example>, relay=h [192.0.2.4], "
	  "reject=550 x",
	("Jul  3 14:12:20 mx1 postfix/smtpd[4707]: r16: ruleset=check_rcpt, "
	 "arg1=<a@b.example>, relay=h [192.0.2.4], reject=550 x"),
};

/* The string members of struct mailrec. */
static const size_t members[] = {
	offsetof(struct mailrec, timestamp), offsetof(struct mailrec, mta_host),
	offsetof(struct mailrec, program), offsetof(struct mailrec, pid),
	offsetof(struct mailrec, qid), offsetof(struct mailrec, sender),
	offsetof(struct mailrec, recipients), offsetof(struct mailrec, size),
	offsetof(struct mailrec, nrcpts), offsetof(struct mailrec, msgid),
	offsetof(struct mailrec, proto), offsetof(struct mailrec, relay_host),
	offsetof(struct mailrec, relay_ip), offsetof(struct mailrec, dsn),
	offsetof(struct mailrec, status), offsetof(struct mailrec, reason),
};

/* member - a string member of a record */
static const char *member(const struct mailrec *log, size_t offset)
{
	return *(const char *const *) (const void *) ((const char *) log
						       + offset);
}

/* same_as_parse - 1 when normalize_known() gives normalize_line()'s
 * record for line (the parse's strings copied first: both calls share
 * the normalizer's buffer) */
static int same_as_parse(struct normalizer *norm, const char *line,
			 size_t len, const struct prefilter_hint *hint)
{
	char copy[sizeof(members) / sizeof(members[0])][LINE_MAX_TEST + 1];
	const char *want[sizeof(members) / sizeof(members[0])];
	struct mailrec parse, fast;
	enum mailrec_kind kind = normalize_line(norm, line, len, &parse);
	int same;

	for (size_t i = 0; i < sizeof(members) / sizeof(members[0]); i++) {
		const char *v = member(&parse, members[i]);

		want[i] = v == NULL ? NULL : copy[i];
		if (v != NULL)
			snprintf(copy[i], sizeof(copy[i]), "%s", v);
	}
	same = normalize_known(norm, line, len, hint, &fast) == kind
	       && fast.kind == parse.kind && fast.stage == parse.stage
	       && fast.mta == parse.mta
	       && fast.relay_forged == parse.relay_forged;
	for (size_t i = 0; i < sizeof(members) / sizeof(members[0]); i++) {
		const char *got = member(&fast, members[i]);

		if ((got == NULL) != (want[i] == NULL)
		    || (got != NULL && strcmp(got, want[i]) != 0))
			same = 0;
	}
	return same;
}

/* mutate - line with a few bytes inserted, dropped or changed */
static size_t mutate(const char *line, char out[LINE_MAX_TEST + 1],
		     unsigned *seed)
{
	static const char bytes[] = " ,[]@:.-_<>\"()\r\tab1=;";
	size_t len = strlen(line);
	int edits = 1 + (int) (*seed % 3);

	memcpy(out, line, len + 1);
	for (int e = 0; e < edits && len > 1 && len < LINE_MAX_TEST; e++) {
		size_t pos;
		char c;

		*seed = *seed * 1103515245u + 12345u;
		pos = (*seed >> 8) % len;
		c = bytes[(*seed >> 20) % (sizeof(bytes) - 1)];
		if (*seed % 3 == 0) {
			memmove(out + pos + 1, out + pos, len - pos + 1);
			out[pos] = c;
			len++;
		} else if (*seed % 3 == 1) {
			memmove(out + pos, out + pos + 1, len - pos);
			len--;
		} else {
			out[pos] = c;
		}
	}
	return len;
}

int main(void)
{
	const char *top = getenv("TOP");
	char path[4096];
	char err[NORMALIZE_ERR_MAX];
	char line[LINE_MAX_TEST + 1];
	struct prefilter_hint hint;
	struct normalizer *norm;
	unsigned seed = 14;
	int taken = 0, differ = 0;

	snprintf(path, sizeof(path), "%s%srulebase/sendmail.rb",
		 top != NULL ? top : "", top != NULL ? "/" : "");
	norm = normalize_open(path, err);
	if (!tap_ok(norm != NULL, "rulebase/sendmail.rb loads"))
		return tap_done();
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		size_t len = strlen(known[i]);

		snprintf(line, sizeof(line), "taken apart: %.40s", known[i]
			 + (strncmp(known[i], H, strlen(H)) == 0 ? strlen(H) : 0));
		tap_ok(prefilter_scan(known[i], len, &hint) == PREFILTER_RCPT
		       && same_as_parse(norm, known[i], len, &hint), line);
	}
	for (size_t i = 0; i < sizeof(parsed) / sizeof(parsed[0]); i++) {
		snprintf(line, sizeof(line), "full parse: %.50s", parsed[i]
			 + (strncmp(parsed[i], H, strlen(H)) == 0 ? strlen(H) : 0));
		tap_ok(prefilter_scan(parsed[i], strlen(parsed[i]), &hint)
		       != PREFILTER_RCPT, line);
	}
	for (int m = 0; m < 1000; m++) {
		const char *from = known[m % (sizeof(known) / sizeof(known[0]))];
		size_t len = mutate(from, line, &seed);

		if (prefilter_scan(line, len, &hint) != PREFILTER_RCPT)
			continue;
		taken++;
		if (!same_as_parse(norm, line, len, &hint) && differ++ < 5)
			printf("# differs: %s\n", line);
	}
	tap_ok(taken > 100, "mutants taken apart by the prefilter: some");
	tap_is_long(differ, 0, "each gives the rulebase's record");
	normalize_close(norm);
	return tap_done();
}
