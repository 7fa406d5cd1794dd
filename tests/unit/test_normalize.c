/*
 * test_normalize - normalize.c with the real rulebase/sendmail.rb.
 *
 * DESCRIPTION
 *	Every line kind with its header and without (the omprog "%msg%"
 *	form, with and without the leading space), every struct mailrec
 *	member checked (a member not named in a case must be NULL); the
 *	header forms, other programs' lines, a DOS line end, the record's
 *	lifetime, the kinds' names and another MTA's rules.  Hostile
 *	lines and bad rulebases: test_normalize_hostile.c; rsyslog's
 *	JSON objects and the golden pairs: test_normalize_json.c.
 *
 *	The rulebase is $TOP/rulebase/sendmail.rb, or rulebase/sendmail.rb
 *	from the current directory when TOP is not set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "sendmail_samples.h"
#include "tap.h"

/* expected - a sample's value of a member: header, its list, or NULL */
static const char *expected(const struct sample *s, const char *name,
			    int header)
{
	static const struct field hdr[] = {
		{"timestamp", "Jul  3 14:12:20"}, {"mta_host", "drjemgw"},
		{"program", "sm-mta"}, {"pid", "4707"},
	};

	for (size_t i = 0; i < sizeof(hdr) / sizeof(hdr[0]); i++)
		if (strcmp(hdr[i].name, name) == 0)
			return header ? hdr[i].value : NULL;
	for (size_t i = 0; i < MAX_FIELDS && s->fields[i].name != NULL; i++)
		if (strcmp(s->fields[i].name, name) == 0)
			return s->fields[i].value;
	return NULL;
}

/* check_sample - kind and every member of one line */
static void check_sample(struct normalizer *norm, const struct sample *s,
			 const char *line, const char *form, int header)
{
	struct mailrec log;
	char name[256];
	enum mailrec_kind kind;

	kind = normalize_line(norm, line, strlen(line), &log);
	snprintf(name, sizeof(name), "%s (%s): kind", s->name, form);
	tap_is_str(normalize_kind_name(kind), normalize_kind_name(s->kind),
		   name);
	for (size_t i = 0; i < N_MEMBERS; i++) {
		snprintf(name, sizeof(name), "%s (%s): %s", s->name, form,
			 members[i].name);
		tap_is_str(member_value(&log, members[i].name),
			   expected(s, members[i].name, header), name);
	}
	snprintf(name, sizeof(name), "%s (%s): relay_forged", s->name, form);
	tap_is_long(log.relay_forged, s->forged, name);
	snprintf(name, sizeof(name), "%s (%s): outcome", s->name, form);
	tap_is_long(log.outcome, s->outcome, name);
	snprintf(name, sizeof(name), "%s (%s): stage", s->name, form);
	tap_is_long(log.stage, s->stage, name);
	snprintf(name, sizeof(name), "%s (%s): mta", s->name, form);
	tap_is_long(log.mta, MTA_SENDMAIL, name);
}

/* test_samples - each sample with its header, then headerless twice */
static void test_samples(struct normalizer *norm)
{
	for (size_t i = 0; i < N_SAMPLES; i++) {
		const struct sample *s = &samples[i];
		const char *msg = s->line + strlen(HDR);
		char spaced[1024];

		check_sample(norm, s, s->line, "RFC 3164 header", 1);
		if (s->kind == MAILREC_OTHER && s->fields[0].name == NULL)
			continue;	/* headerless needs a queue id */
		snprintf(spaced, sizeof(spaced), " %s", msg);
		check_sample(norm, s, spaced, "headerless, leading space", 0);
		check_sample(norm, s, msg, "headerless", 0);
	}
}

/* test_headers - the three header forms and program names */
static void test_headers(struct normalizer *norm)
{
	static const char body[] = "r63IA8dJ004707: discarded";
	static const struct {
		const char *head, *timestamp, *host, *program, *pid;
	} heads[] = {
		{"Jul  3 14:12:20 drjemgw sm-mta[4707]: ", "Jul  3 14:12:20",
		 "drjemgw", "sm-mta", "4707"},
		{"Jul 3 14:12:20 drjemgw sendmail[17]: ", "Jul 3 14:12:20",
		 "drjemgw", "sendmail", "17"},
		{"2026-11-27T00:58:09.123456+00:00 mx-2.example.org "
		 "sm-msp-queue[123456]: ", "2026-11-27T00:58:09.123456+00:00",
		 "mx-2.example.org", "sm-msp-queue", "123456"},
		{"2026-11-27T00:58:09Z mx sm-mta[1]: ", "2026-11-27T00:58:09Z",
		 "mx", "sm-mta", "1"},
	};
	char line[512];
	struct mailrec log;

	for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
		snprintf(line, sizeof(line), "%s%s", heads[i].head, body);
		tap_is_long(normalize_line(norm, line, strlen(line), &log),
			    MAILREC_DISCARDED, heads[i].timestamp);
		tap_is_str(log.timestamp, heads[i].timestamp, "timestamp");
		tap_is_str(log.mta_host, heads[i].host, "mta_host");
		tap_is_str(log.program, heads[i].program, "program");
		tap_is_str(log.pid, heads[i].pid, "pid");
		tap_is_str(log.qid, "r63IA8dJ004707", "qid");
	}
}

/*
 * test_leads - the queue id is cut off before the rules, which begin
 * after it; a first word that no rule reads after is no queue id, and
 * the rules read the whole message part; a queue id that no rule reads
 * after makes an "other" line of its own (all headerless: under a
 * header every line of sendmail's is one of its kinds)
 */
static void test_leads(struct normalizer *norm)
{
	static const struct {
		const char *line;
		enum mailrec_kind kind;
		const char *qid, *reason;
	} leads[] = {
		{"r1: Milter: data, reject=550 5.7.1 no", MAILREC_REFUSED,
		 "r1", "550 5.7.1 no"},
		{"Milter: data, reject=550 5.7.1 no", MAILREC_REFUSED, NULL,
		 "550 5.7.1 no"},
		{"r1: dsn-qid: DSN: x", MAILREC_OTHER, "r1", NULL},
		{"dsn-qid: DSN: x", MAILREC_OTHER, NULL, NULL},
		{"r1: r2: discarded", MAILREC_OTHER, "r1", NULL},
		{"r1: collect: premature EOM", MAILREC_OTHER, "r1", NULL},
		{"r1:  discarded", MAILREC_OTHER, "r1", NULL},
		{"r 1: discarded", MAILREC_UNPARSED, NULL, NULL},
		{"r1:discarded", MAILREC_UNPARSED, NULL, NULL},
		{": discarded", MAILREC_UNPARSED, NULL, NULL},
		{"r1: ", MAILREC_OTHER, "r1", NULL},
		{"r1:", MAILREC_UNPARSED, NULL, NULL},
		{"NOQUEUE: Milter: data, reject=550 x", MAILREC_REFUSED, NULL,
		 "550 x"},
	};
	struct mailrec log;

	for (size_t i = 0; i < sizeof(leads) / sizeof(leads[0]); i++) {
		const char *line = leads[i].line;

		tap_is_str(normalize_kind_name(
			       normalize_line(norm, line, strlen(line), &log)),
			   normalize_kind_name(leads[i].kind), line);
		tap_is_str(log.qid, leads[i].qid, "  its queue id");
		tap_is_str(log.reason, leads[i].reason, "  its reply");
	}
}

/* test_not_sendmail - other programs' lines stay unparsed */
static void test_not_sendmail(struct normalizer *norm)
{
	static const char *const lines[] = {
		"Jul  3 14:12:20 drjemgw postfix/smtpd[811]: 4BxQ2m0ZyLz9: "
		"client=mail.example.org[192.0.2.5]",
		"Jul  3 14:12:20 drjemgw postfix/qmgr[812]: 4BxQ2m0ZyLz9: "
		"from=<bob@emalsrv.marriott.com>, size=1234, nrcpts=1 "
		"(queue active)",
		"Jul  3 14:17:01 drjemgw CRON[9944]: (root) CMD (cd / && "
		"run-parts --report /etc/cron.hourly)",
		"Jul  3 14:12:20 drjemgw sshd[3301]: Accepted publickey for "
		"drj from 192.0.2.7 port 52814 ssh2",
		"Jul  3 14:12:20 drjemgw sm-mta-x[1]: r63IA8dJ004707: discarded",
		"starting daemon (8.15.2): SMTP+queueing@00:10:00",
		"",
		" ",
	};
	struct mailrec log;

	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		enum mailrec_kind kind =
			normalize_line(norm, lines[i], strlen(lines[i]), &log);

		tap_is_str(normalize_kind_name(kind), "unparsed", lines[i]);
		tap_ok(log.sender == NULL && log.qid == NULL
		       && log.mta == MTA_NONE,
		       "  and leaves no field");
	}
}


/* test_crlf - a line from a DOS file keeps its last field */
static void test_crlf(struct normalizer *norm)
{
	char crlf[512];
	struct mailrec log;

	snprintf(crlf, sizeof(crlf), "%s\r", samples[0].line);
	tap_is_long(normalize_line(norm, crlf, strlen(crlf), &log),
		    MAILREC_ACCEPTED, "a trailing CR is dropped");
	tap_is_str(log.relay_ip, "217.226.243.182",
		   "  and the relay at the end still parses");
}

/* test_add - another MTA's rules load only through a map of its own */
static void test_add(struct normalizer *norm, const char *path)
{
	char err[NORMALIZE_ERR_MAX];

	tap_is_long(normalize_add(norm, MTA_SENDMAIL, path, err), -1,
		    "sendmail's rules twice are refused");
	tap_ok(strstr(err, "loaded already") != NULL, "  saying so");
	tap_is_long(normalize_add(norm, MTA_NONE, path, err), -1,
		    "an MTA with no field map is refused");
	tap_ok(strstr(err, "no field map") != NULL, "  saying so");
}

/* test_kind_names - the name of each kind */
static void test_kind_names(void)
{
	static const char *const names[MAILREC_KIND_COUNT] = {
		"unparsed", "client", "accepted", "delivery", "refused",
		"discarded", "finished", "other",
	};

	for (int k = 0; k < MAILREC_KIND_COUNT; k++)
		tap_is_str(normalize_kind_name((enum mailrec_kind) k), names[k],
			   "kind name");
	tap_is_str(normalize_kind_name(MAILREC_KIND_COUNT), "unknown",
		   "out-of-range kind");
}

/* test_lifetime - the previous record stays whole until the next call */
static void test_lifetime(struct normalizer *norm)
{
	const char *line = samples[0].line;
	struct mailrec a, b;

	normalize_line(norm, line, strlen(line), &a);
	tap_is_str(a.sender, "bob@emalsrv.marriott.com",
		   "record readable after the call");
	normalize_line(norm, "x", 1, &b);
	tap_ok(b.kind == MAILREC_UNPARSED && b.sender == NULL,
	       "an unparsed line clears the record");
}

int main(void)
{
	char path[4096];
	struct normalizer *norm = samples_open(getenv("TOP"), path,
					       sizeof(path));

	if (!tap_ok(norm != NULL, "rulebase/sendmail.rb loads"))
		return tap_done();
	test_samples(norm);
	test_headers(norm);
	test_leads(norm);
	test_not_sendmail(norm);
	test_crlf(norm);
	test_lifetime(norm);
	test_add(norm, path);
	normalize_close(norm);
	test_kind_names();
	return tap_done();
}
