/*
 * test_normalize - normalize.c with the real rulebase/sendmail.rb.
 *
 * DESCRIPTION
 *	Every line kind with its header and without (the omprog "%msg%"
 *	form, with and without the leading space), every struct mailrec
 *	member checked (a member not named in a case must be NULL); bad,
 *	v1 and missing rulebases; bytes >= 0x80 at every position of
 *	every sample line (liblognorm 2.0.6's "string" parser crashed on
 *	those; run under valgrind this shows no parser reads out of
 *	bounds); normalize_json() on good, wrong-typed, hostile and
 *	non-JSON input.
 *
 *	The rulebase is $TOP/rulebase/sendmail.rb, or rulebase/sendmail.rb
 *	from the current directory when TOP is not set.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glob.h>

#include "normalize.h"
#include "tap.h"

#define MAX_FIELDS 16

/* The string members of struct mailrec by name. */
static const struct member {
	const char *name;
	size_t offset;
} members[] = {
	{"timestamp", offsetof(struct mailrec, timestamp)},
	{"mta_host", offsetof(struct mailrec, mta_host)},
	{"program", offsetof(struct mailrec, program)},
	{"pid", offsetof(struct mailrec, pid)},
	{"qid", offsetof(struct mailrec, qid)},
	{"sender", offsetof(struct mailrec, sender)},
	{"recipients", offsetof(struct mailrec, recipients)},
	{"size", offsetof(struct mailrec, size)},
	{"nrcpts", offsetof(struct mailrec, nrcpts)},
	{"msgid", offsetof(struct mailrec, msgid)},
	{"proto", offsetof(struct mailrec, proto)},
	{"relay_host", offsetof(struct mailrec, relay_host)},
	{"relay_ip", offsetof(struct mailrec, relay_ip)},
	{"dsn", offsetof(struct mailrec, dsn)},
	{"status", offsetof(struct mailrec, status)},
	{"reason", offsetof(struct mailrec, reason)},
};
#define N_MEMBERS (sizeof(members) / sizeof(members[0]))

struct field {
	const char *name;
	const char *value;
};

struct sample {
	const char *name;
	const char *line;
	enum mailrec_kind kind;
	enum mailrec_outcome outcome;
	enum mailrec_stage stage;
	int forged;
	struct field fields[MAX_FIELDS];	/* after the header, NULL ends */
};

#define HDR "Jul  3 14:12:20 drjemgw sm-mta[4707]: "

/* One line of each sendmail kind, and the record it maps to; the
 * header is checked separately. */
static const struct sample samples[] = {
	{"from, bare sender, seed campaign",
	 HDR "r63IA8dJ004707: from=bob@emalsrv.marriott.com, size=0, "
	 "class=0, nrcpts=1, proto=SMTP, daemon=sm-mta, "
	 "relay=eu1sysamx113.postini.com [217.226.243.182]",
	 MAILREC_ACCEPTED, OUTCOME_NONE, STAGE_NONE, 0,
	 {{"qid", "r63IA8dJ004707"}, {"sender", "bob@emalsrv.marriott.com"},
	  {"size", "0"}, {"nrcpts", "1"}, {"proto", "SMTP"},
	  {"relay_host", "eu1sysamx113.postini.com"},
	  {"relay_ip", "217.226.243.182"}}},
	{"from, msgid and forged IPv6 relay",
	 HDR "r63ICDA7007088: from=<ups@EMALSRV.UPS.COM.>, size=4242, "
	 "class=0, nrcpts=2, msgid=<20130703141222.1@ups.com>, "
	 "bodytype=8BITMIME, proto=ESMTP, daemon=MTA-v6, "
	 "relay=mail.example.net [IPv6:2001:db8::1] (may be forged)",
	 MAILREC_ACCEPTED, OUTCOME_NONE, STAGE_NONE, 1,
	 {{"qid", "r63ICDA7007088"}, {"sender", "<ups@EMALSRV.UPS.COM.>"},
	  {"size", "4242"}, {"nrcpts", "2"},
	  {"msgid", "<20130703141222.1@ups.com>"}, {"proto", "ESMTP"},
	  {"relay_host", "mail.example.net"},
	  {"relay_ip", "IPv6:2001:db8::1"}}},
	{"from, null sender, relay address only",
	 HDR "r63ICTsI007425: from=<>, size=2311, class=0, nrcpts=1, "
	 "msgid=<r63ICTsI007425@drjemgw>, proto=ESMTP, daemon=MTA, "
	 "relay=[192.0.2.10]",
	 MAILREC_ACCEPTED, OUTCOME_NONE, STAGE_NONE, 0,
	 {{"qid", "r63ICTsI007425"}, {"sender", "<>"}, {"size", "2311"},
	  {"nrcpts", "1"}, {"msgid", "<r63ICTsI007425@drjemgw>"},
	  {"proto", "ESMTP"}, {"relay_ip", "192.0.2.10"}}},
	{"from, local submission, relay=root@localhost",
	 HDR "r63IBGCU006072: from=root, size=523, class=0, nrcpts=1, "
	 "msgid=<201307031411.r63IBGCU006072@drjemgw>, relay=root@localhost",
	 MAILREC_ACCEPTED, OUTCOME_NONE, STAGE_NONE, 0,
	 {{"qid", "r63IBGCU006072"}, {"sender", "root"}, {"size", "523"},
	  {"nrcpts", "1"}, {"msgid", "<201307031411.r63IBGCU006072@drjemgw>"},
	  {"relay_host", "localhost"}}},
	{"from, msgid with comma and space falls back, sender kept",
	 HDR "r63ICO8H007346: from=<x@emalsrv.aa.com>, size=10, class=0, "
	 "nrcpts=1, msgid=<a, relay=evil [6.6.6.6], proto=ESMTP, "
	 "daemon=MTA, relay=real.example [192.0.2.20]",
	 MAILREC_ACCEPTED, OUTCOME_NONE, STAGE_NONE, 0,
	 {{"qid", "r63ICO8H007346"}, {"sender", "<x@emalsrv.aa.com>"},
	  {"size", "10"}, {"nrcpts", "1"}}},
	{"to, sent",
	 HDR "r63IA8dJ004707: to=<drj@example.com>, delay=00:00:02, "
	 "xdelay=00:00:01, mailer=esmtp, pri=120523, "
	 "relay=mx1.example.com. [192.0.2.25], dsn=2.0.0, "
	 "stat=Sent (OK 1372875142 x)",
	 MAILREC_DELIVERY, OUTCOME_SENT, STAGE_NONE, 0,
	 {{"qid", "r63IA8dJ004707"}, {"recipients", "<drj@example.com>"},
	  {"relay_host", "mx1.example.com."},
	  {"relay_ip", "192.0.2.25"}, {"dsn", "2.0.0"},
	  {"status", "Sent (OK 1372875142 x)"}}},
	{"to, several recipients, deferred, relay host only",
	 HDR "r63IA8dJ004707: to=<a@example.com>,<b@example.com>, "
	 "delay=00:05:00, xdelay=00:00:30, mailer=esmtp, pri=210523, "
	 "relay=mx.example.com., dsn=4.0.0, "
	 "stat=Deferred: Connection refused by mx.example.com.",
	 MAILREC_DELIVERY, OUTCOME_DEFERRED, STAGE_NONE, 0,
	 {{"qid", "r63IA8dJ004707"},
	  {"recipients", "<a@example.com>,<b@example.com>"},
	  {"relay_host", "mx.example.com."}, {"dsn", "4.0.0"},
	  {"status", "Deferred: Connection refused by mx.example.com."}}},
	{"to, local user unknown, ctladdr, no relay",
	 HDR "r63IA8dJ004707: to=nosuch, ctladdr=<nosuch@drjemgw> "
	 "(1000/1000), delay=00:00:00, xdelay=00:00:00, mailer=local, "
	 "pri=30437, dsn=5.1.1, stat=User unknown",
	 MAILREC_DELIVERY, OUTCOME_BOUNCED, STAGE_NONE, 0,
	 {{"qid", "r63IA8dJ004707"}, {"recipients", "nosuch"},
	  {"dsn", "5.1.1"}, {"status", "User unknown"}}},
	{"to, remote failure with reply= (8.17)",
	 HDR "6B55sIiu018205: to=<nobody@gone.example.net>, "
	 "delay=00:00:00, xdelay=00:00:00, mailer=gone, pri=30258, "
	 "relay=[127.0.0.1] [127.0.0.1], dsn=5.1.1, "
	 "reply=550 5.1.1 No such user here, stat=User unknown",
	 MAILREC_DELIVERY, OUTCOME_BOUNCED, STAGE_NONE, 0,
	 {{"qid", "6B55sIiu018205"}, {"recipients", "<nobody@gone.example.net>"},
	  {"relay_host", "[127.0.0.1]"}, {"relay_ip", "127.0.0.1"},
	  {"dsn", "5.1.1"}, {"status", "User unknown"}}},
	{"to, no mailer: a recipient of a message refused after DATA",
	 HDR "6B55sKER018399: to=<alice@example.org>, delay=00:00:00, "
	 "pri=30266, stat=Message content rejected",
	 MAILREC_DELIVERY, OUTCOME_REJECTED, STAGE_NONE, 0,
	 {{"qid", "6B55sKER018399"}, {"recipients", "<alice@example.org>"},
	  {"status", "Message content rejected"}}},
	{"milter, refusal at end of data",
	 HDR "6B55sKER018399: Milter: data, reject=550 5.7.1 Message content "
	 "rejected",
	 MAILREC_REFUSED, OUTCOME_NONE, STAGE_DATA, 0,
	 {{"qid", "6B55sKER018399"},
	  {"reason", "550 5.7.1 Message content rejected"}}},
	{"ruleset, check_mail reject",
	 HDR "r63IBpYm006643: ruleset=check_mail, "
	 "arg1=<amc@emalsrv.linkedin.com>, "
	 "relay=eu1sysamx120.postini.com [217.226.243.189], "
	 "reject=550 5.7.1 <amc@emalsrv.linkedin.com>... Sender banned",
	 MAILREC_REFUSED, OUTCOME_NONE, STAGE_MAIL, 0,
	 {{"qid", "r63IBpYm006643"}, {"sender", "<amc@emalsrv.linkedin.com>"},
	  {"relay_host", "eu1sysamx120.postini.com"},
	  {"relay_ip", "217.226.243.189"},
	  {"reason", "550 5.7.1 <amc@emalsrv.linkedin.com>... Sender banned"}}},
	{"ruleset, check_mail discard",
	 HDR "r63IAFug004894: ruleset=check_mail, "
	 "arg1=<news@complains.linkedin.com>, "
	 "relay=eu1sysamx110.postini.com [217.226.243.59], discard",
	 MAILREC_DISCARDED, OUTCOME_NONE, STAGE_MAIL, 0,
	 {{"qid", "r63IAFug004894"},
	  {"sender", "<news@complains.linkedin.com>"},
	  {"relay_host", "eu1sysamx110.postini.com"},
	  {"relay_ip", "217.226.243.59"}}},
	{"ruleset, check_rcpt reject",
	 HDR "r6MFf9aB027050: ruleset=check_rcpt, arg1=<victim@example.net>, "
	 "relay=[203.0.113.50], reject=550 5.7.1 <victim@example.net>... "
	 "Relaying denied",
	 MAILREC_REFUSED, OUTCOME_NONE, STAGE_RCPT, 0,
	 {{"qid", "r6MFf9aB027050"}, {"recipients", "<victim@example.net>"},
	  {"relay_ip", "203.0.113.50"},
	  {"reason", "550 5.7.1 <victim@example.net>... Relaying denied"}}},
	{"ruleset, check_rcpt discard",
	 HDR "r6MFf9aB027050: ruleset=check_rcpt, arg1=<victim@example.net>, "
	 "relay=[203.0.113.50], discard",
	 MAILREC_DISCARDED, OUTCOME_NONE, STAGE_RCPT, 0,
	 {{"qid", "r6MFf9aB027050"}, {"recipients", "<victim@example.net>"},
	  {"relay_ip", "203.0.113.50"}}},
	{"ruleset, check_relay without qid",
	 HDR "ruleset=check_relay, arg1=spam.example, arg2=192.0.2.66, "
	 "relay=spam.example [192.0.2.66] (may be forged), "
	 "reject=550 5.7.1 Access denied",
	 MAILREC_REFUSED, OUTCOME_NONE, STAGE_CONNECT, 1,
	 {{"relay_host", "spam.example"}, {"relay_ip", "192.0.2.66"},
	  {"reason", "550 5.7.1 Access denied"}}},
	{"ruleset, check_eoh reject is at DATA",
	 HDR "r63IBpYm006643: ruleset=check_eoh, arg1=<a@b.example>, "
	 "relay=[192.0.2.7], reject=554 5.7.1 Rejected",
	 MAILREC_REFUSED, OUTCOME_NONE, STAGE_DATA, 0,
	 {{"qid", "r63IBpYm006643"}, {"relay_ip", "192.0.2.7"},
	  {"reason", "554 5.7.1 Rejected"}}},
	{"ruleset, quarantine is no verdict",
	 HDR "r6BDG0xG030230: ruleset=check_mail, "
	 "arg1=<notify@customercare.linkedin.com>, "
	 "relay=eu1sysamx110.postini.com [217.226.243.59], "
	 "quarantine=phishing suspect",
	 MAILREC_OTHER, OUTCOME_NONE, STAGE_NONE, 0,
	 {{"qid", "r6BDG0xG030230"},
	  {"relay_host", "eu1sysamx110.postini.com"},
	  {"relay_ip", "217.226.243.59"}}},
	{"discarded",
	 HDR "r63ICZJq007573: discarded",
	 MAILREC_DISCARDED, OUTCOME_NONE, STAGE_NONE, 0,
	 {{"qid", "r63ICZJq007573"}}},
	{"dsn",
	 HDR "r63ICfP9007698: r63ICfPA007698: DSN: User unknown",
	 MAILREC_OTHER, OUTCOME_NONE, STAGE_NONE, 0,
	 {{"qid", "r63ICfP9007698"}}},
	{"lost input channel",
	 HDR "r63ICblx007610: lost input channel from "
	 "eu1sysamx109.postini.com [217.226.243.58] to MTA after rcpt",
	 MAILREC_OTHER, OUTCOME_NONE, STAGE_NONE, 0,
	 {{"qid", "r63ICblx007610"}, {"relay_host", "eu1sysamx109.postini.com"},
	  {"relay_ip", "217.226.243.58"}}},
	{"did not issue MAIL",
	 HDR "r63ICl6Y007792: [192.0.2.99] did not issue "
	 "MAIL/EXPN/VRFY/ETRN during connection to MTA",
	 MAILREC_OTHER, OUTCOME_NONE, STAGE_NONE, 0,
	 {{"qid", "r63ICl6Y007792"}, {"relay_ip", "192.0.2.99"}}},
	{"AUTH=server",
	 HDR "r63ICYnm007549: AUTH=server, relay=client.example.org "
	 "[192.0.2.31], authid=drj, mech=PLAIN, bits=0",
	 MAILREC_OTHER, OUTCOME_NONE, STAGE_NONE, 0,
	 {{"qid", "r63ICYnm007549"}, {"relay_host", "client.example.org"},
	  {"relay_ip", "192.0.2.31"}}},
	{"STARTTLS=server",
	 HDR "STARTTLS=server, relay=eu1sysamx139.postini.com "
	 "[217.226.243.228], version=TLSv1.3, verify=NO, "
	 "cipher=TLS_AES_256_GCM_SHA384, bits=256/256",
	 MAILREC_OTHER, OUTCOME_NONE, STAGE_NONE, 0,
	 {{"relay_host", "eu1sysamx139.postini.com"},
	  {"relay_ip", "217.226.243.228"}}},
	{"other, with qid",
	 HDR "r63ICrUW007882: Milter: no active filter",
	 MAILREC_OTHER, OUTCOME_NONE, STAGE_NONE, 0,
	 {{"qid", "r63ICrUW007882"}}},
	{"other, without qid",
	 HDR "starting daemon (8.15.2): SMTP+queueing@00:10:00",
	 MAILREC_OTHER, OUTCOME_NONE, STAGE_NONE, 0, {{NULL, NULL}}},
	{"other, NOQUEUE is no queue id",
	 HDR "NOQUEUE: connect from localhost [127.0.0.1]",
	 MAILREC_OTHER, OUTCOME_NONE, STAGE_NONE, 0, {{NULL, NULL}}},
};
#define N_SAMPLES (sizeof(samples) / sizeof(samples[0]))

/* member_value - a struct mailrec string member by JSON name */
static const char *member_value(const struct mailrec *log, const char *name)
{
	for (size_t i = 0; i < N_MEMBERS; i++)
		if (strcmp(members[i].name, name) == 0)
			return *(const char *const *) (const void *)
				((const char *) log + members[i].offset);
	return "(no such member)";
}

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

/* test_bounds - over-long lines and NUL bytes are refused */
static void test_bounds(struct normalizer *norm)
{
	static const char with_nul[] = HDR "r63ICZJq007573: discarded\0x";
	size_t big = 70000;
	char *line = malloc(big + 1);
	struct mailrec log;

	tap_ok(line != NULL, "allocate a long line");
	if (line == NULL)
		return;
	memset(line, 'x', big);
	memcpy(line, HDR "r63ICZJq007573: ", strlen(HDR) + 16);
	tap_is_long(normalize_line(norm, line, big, &log), MAILREC_UNPARSED,
		    "a 70000-byte line is refused");
	tap_is_long(normalize_line(norm, line, 60000, &log), MAILREC_OTHER,
		    "a 60000-byte sendmail line is other");
	free(line);
	tap_is_long(normalize_line(norm, with_nul, sizeof(with_nul) - 1, &log),
		    MAILREC_UNPARSED, "a NUL inside the line is refused");
	tap_is_long(normalize_line(norm, with_nul, sizeof(with_nul) - 3, &log),
		    MAILREC_DISCARDED, "the same line without it parses");
	tap_is_long(normalize_line(norm, samples[0].line, 0, &log),
		    MAILREC_UNPARSED, "an empty line is unparsed");
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

/* sane - every member is NULL or a string inside the last call's reach */
static int sane(const struct mailrec *log, enum mailrec_kind kind)
{
	if ((unsigned) kind >= MAILREC_KIND_COUNT || log->kind != kind)
		return 0;
	for (size_t i = 0; i < N_MEMBERS; i++) {
		const char *v = member_value(log, members[i].name);

		if (v != NULL && strlen(v) > 4096)
			return 0;
	}
	return (log->relay_forged == 0 || log->relay_forged == 1)
	       && (unsigned) log->outcome <= OUTCOME_REJECTED
	       && (unsigned) log->stage <= STAGE_OTHER;
}

/* test_high_bytes - bytes >= 0x80 inserted at and written over every byte */
static void test_high_bytes(struct normalizer *norm)
{
	static const char high[] = "\x80\xff\xc3\xa9";
	char line[1024];
	struct mailrec log;
	int all_sane = 1;
	long runs = 0;

	for (size_t s = 0; s < N_SAMPLES; s++) {
		const char *orig = samples[s].line;
		size_t len = strlen(orig);

		for (size_t at = 0; at <= len; at++) {
			enum mailrec_kind kind;

			/* inserted (the line is passed with its length) */
			snprintf(line, sizeof(line), "%.*s%s%s", (int) at, orig,
				 high, orig + at);
			kind = normalize_line(norm, line, len + 4, &log);
			all_sane &= sane(&log, kind);
			/* one byte overwritten */
			if (at < len) {
				snprintf(line, sizeof(line), "%s", orig);
				line[at] = (char) (0x80 + (at % 0x80));
				kind = normalize_line(norm, line, len, &log);
				all_sane &= sane(&log, kind);
				runs++;
			}
			runs++;
		}
	}
	tap_ok(all_sane && runs > 1000,
	       "bytes >= 0x80 at every position: no crash, sane records");
}

/* test_high_bytes_kept - 8-bit text in values is kept, the kind too */
static void test_high_bytes_kept(struct normalizer *norm)
{
	static const char from[] = HDR "r63IA8dJ004707: from=<j\xc3\xb6hn@"
		"ex\xc3\xa4mple.com>, size=1, class=0, nrcpts=1, "
		"msgid=<\x80\xff@x>, proto=ESMTP, daemon=MTA, "
		"relay=h\xe9st.example [192.0.2.1]";
	static const char to[] = HDR "r63IA8dJ004707: to=<\xff@x>, "
		"delay=00:00:00, mailer=esmtp, pri=1, dsn=5.0.0, "
		"stat=Service unavailable \x80\x81\xfe";
	static const char all[] = "\x80\x81\x82\xfe\xff\xc0\xc1\xf5\xf8";
	struct mailrec log;

	tap_is_long(normalize_line(norm, from, strlen(from), &log),
		    MAILREC_ACCEPTED, "8-bit from line is a from line");
	tap_is_str(log.sender, "<j\xc3\xb6hn@ex\xc3\xa4mple.com>",
		   "  UTF-8 sender kept");
	tap_is_str(log.msgid, "<\x80\xff@x>", "  raw 8-bit msgid kept");
	tap_is_str(log.relay_host, "h\xe9st.example", "  8-bit relay kept");
	tap_is_long(normalize_line(norm, to, strlen(to), &log), MAILREC_DELIVERY,
		    "8-bit to line is a to line");
	tap_is_str(log.status, "Service unavailable \x80\x81\xfe",
		   "  8-bit stat kept");
	tap_is_long(normalize_line(norm, all, strlen(all), &log),
		    MAILREC_UNPARSED, "a line of 8-bit bytes only is unparsed");
}

/* write_file - a temporary file with this text; its name in path */
static int write_file(char *path, size_t size, const char *text)
{
	const char *dir = getenv("TMPDIR");
	FILE *fp;
	int fd;

	snprintf(path, size, "%s/normalize-test.XXXXXX",
		 dir != NULL && *dir != '\0' ? dir : "/tmp");
	fd = mkstemp(path);
	if (fd < 0)
		return -1;
	fp = fdopen(fd, "w");
	if (fp == NULL) {
		close(fd);
		unlink(path);
		return -1;
	}
	fputs(text, fp);
	if (fclose(fp) != 0) {
		unlink(path);
		return -1;
	}
	return 0;
}

/* open_fails - this rulebase text is refused, naming file and line */
static void open_fails(const char *text, const char *line, const char *why,
		       const char *name)
{
	char path[512];
	char want[600];
	char err[NORMALIZE_ERR_MAX];
	struct normalizer *norm;

	if (!tap_ok(write_file(path, sizeof(path), text) == 0, name))
		return;
	norm = normalize_open(path, err);
	tap_ok(norm == NULL, "  refused");
	normalize_close(norm);
	printf("# %s\n", err);
	snprintf(want, sizeof(want), "%s:%s: ", path, line);
	if (!tap_ok(strncmp(err, want, strlen(want)) == 0,
		    "  message starts with file:line"))
		printf("#   got: '%s'\n# want: '%s...'\n", err, want);
	if (!tap_ok(strstr(err, why) != NULL, "  message gives the reason"))
		printf("#   got: '%s'\n# want: '...%s...'\n", err, why);
	unlink(path);
}

/* test_bad_rulebases - rule errors, v1 files, missing files */
static void test_bad_rulebases(void)
{
	char err[NORMALIZE_ERR_MAX];
	struct normalizer *norm;
	char path[512];

	/*
	 * liblognorm 2.0.6 itself leaks the tag list of a tagged rule that
	 * fails, and reads uninitialised memory when it quotes bad JSON or a
	 * missing "%": the cases below avoid those, to keep valgrind clean.
	 */
	open_fails("version=2\nrule=:from=%from:word%\n"
		   "rule=:to=%to:no-such-parser%\n", "3",
		   "invalid field type 'no-such-parser'",
		   "unknown parser on line 3");
	open_fails("version=2\n# comment\n\nrule=x:%f:char-to%\n", "4",
		   "needs 'extradata'", "char-to without extradata on line 4");
	open_fails("version=2\nrule=x:%t:date-rfc3164{\"format\":\"x\"}%\n",
		   "2", "invalid value for date-rfc3164:format",
		   "bad parser parameter on line 2");
	open_fails("version=2\nrule=x:%f:word% %g\nrule=y:b\n", "2",
		   "unmatched % character", "runaway rule on line 2");
	open_fails("rule=x:%f:word%\n", "1", "version=2",
		   "a v1 rulebase (no version=2 line)");
	open_fails("version=2 \nrule=x:%f:word%\n", "1", "version=2",
		   "a version line with trailing blank");
	open_fails("", "1", "version=2", "an empty file");

	norm = normalize_open("/nonexistent/phishwatch/sendmail.rb", err);
	tap_ok(norm == NULL, "missing rulebase is refused");
	tap_ok(strstr(err, "/nonexistent/phishwatch/sendmail.rb") != NULL
	       && strstr(err, "No such file") != NULL,
	       "  message names the file and the reason");
	printf("# %s\n", err);

	if (tap_ok(write_file(path, sizeof(path),
			      "version=2\nrule=x:%f:word%\n") == 0,
		   "a small good rulebase")) {
		norm = normalize_open(path, err);
		tap_ok(norm != NULL, "  loads");
		normalize_close(norm);
		unlink(path);
	}
}

/* json_kind - normalize_json on a C string */
static enum mailrec_kind json_kind(struct normalizer *norm, const char *text,
				 struct mailrec *log)
{
	return normalize_json(norm, text, strlen(text), log);
}

/* test_json_good - mmnormalize objects, wrong-typed fields absent */
static void test_json_good(struct normalizer *norm)
{
	static const char good[] =
		"{ \"relay_ip\": \"217.226.243.182\", \"relay_host\": "
		"\"eu1sysamx113.postini.com\", \"daemon\": \"sm-mta\", "
		"\"proto\": \"SMTP\", \"nrcpts\": \"1\", \"class\": \"0\", "
		"\"size\": \"0\", \"from\": \"bob@emalsrv.marriott.com\", "
		"\"qid\": \"r63IA8dJ004707\", \"pid\": \"4707\", "
		"\"program\": \"sm-mta\", \"hostname\": \"drjemgw\", "
		"\"timestamp\": \"Jul  3 14:12:20\", "
		"\"relay_forged\": \"(may be forged)\", "
		"\"event.tags\": [ \"from\" ] }\n";
	struct mailrec log;

	tap_is_long(json_kind(norm, good, &log), MAILREC_ACCEPTED, "json: from");
	tap_is_str(log.sender, "bob@emalsrv.marriott.com", "  sender");
	tap_is_long(log.mta, MTA_SENDMAIL, "  mta");
	tap_is_str(log.mta_host, "drjemgw", "  mta_host");
	tap_is_str(log.relay_ip, "217.226.243.182", "  relay_ip");
	tap_is_str(log.timestamp, "Jul  3 14:12:20", "  timestamp");
	tap_is_long(log.relay_forged, 1, "  relay_forged");
	tap_is_str(log.recipients, NULL, "  recipients absent");

	tap_is_long(json_kind(norm, "{\"event.tags\":[\"x\",\"ruleset\"],"
			      "\"ruleset\":\"check_mail\",\"discard\":"
			      "\"discard\",\"qid\":\"NOQUEUE\"}", &log),
		    MAILREC_DISCARDED, "json: first known tag counts");
	tap_ok(log.stage == STAGE_MAIL, "  a discard at MAIL");
	tap_is_str(log.qid, NULL, "  NOQUEUE is no queue id");

	tap_is_long(json_kind(norm, "{\"event.tags\":[\"to\"],\"to\":42,"
			      "\"stat\":[\"Sent\"],\"dsn\":null,"
			      "\"relay_host\":\"mx.example\",\"relay_forged\":true,"
			      "\"discard\":1}", &log),
		    MAILREC_DELIVERY, "json: wrong-typed fields");
	tap_ok(log.recipients == NULL && log.status == NULL && log.dsn == NULL
	       && log.outcome == OUTCOME_NONE,
	       "  number, array and null fields are absent");
	tap_is_str(log.relay_host, "mx.example", "  the string field is kept");
	tap_ok(log.relay_forged == 0 && log.stage == STAGE_NONE,
	       "  non-string flags are absent");

	tap_is_long(json_kind(norm, "{\"event.tags\":[\"from\"],"
			      "\"from\":\"<a@evil.example\\u0000@good>\"}",
			      &log),
		    MAILREC_ACCEPTED, "json: string with an escaped NUL");
	tap_is_str(log.sender, NULL, "  is absent, not cut short");
}

/* test_json_bad - what is not an mmnormalize object is unparsed */
static void test_json_bad(struct normalizer *norm)
{
	struct mailrec log;
	char *big;

	tap_is_long(json_kind(norm, "{\"event.tags\":\"from\","
			      "\"from\":\"<a@b>\"}", &log),
		    MAILREC_UNPARSED, "json: tags not an array");
	tap_is_long(json_kind(norm, "{\"event.tags\":[1,{},\"nope\"]}", &log),
		    MAILREC_UNPARSED, "json: no known tag");
	tap_is_long(json_kind(norm, "{\"originalmsg\":\"x\","
			      "\"unparsed-data\":\"x\"}", &log),
		    MAILREC_UNPARSED, "json: liblognorm's no-match object");
	tap_is_long(json_kind(norm, "[{\"event.tags\":[\"from\"]}]", &log),
		    MAILREC_UNPARSED, "json: an array is not an object");
	tap_is_long(json_kind(norm, "\"from\"", &log), MAILREC_UNPARSED,
		    "json: a string is not an object");
	tap_is_long(json_kind(norm, "42", &log), MAILREC_UNPARSED,
		    "json: a number is not an object");
	tap_is_long(json_kind(norm, HDR "r63ICZJq007573: discarded", &log),
		    MAILREC_UNPARSED, "json: a raw log line is not JSON");
	tap_is_long(json_kind(norm, "{\"event.tags\":[\"discarded\"]", &log),
		    MAILREC_UNPARSED, "json: truncated object");
	tap_is_long(json_kind(norm, "{\"event.tags\":[\"discarded\"]} {}",
			      &log),
		    MAILREC_UNPARSED, "json: trailing data");
	tap_is_long(json_kind(norm, "{\"event.tags\":[\"discarded\"]} \r\n",
			      &log),
		    MAILREC_DISCARDED, "json: trailing white space is fine");
	tap_is_long(json_kind(norm, "", &log), MAILREC_UNPARSED, "json: empty");
	tap_is_long(normalize_json(norm, "{\"event.tags\":[\"discarded\"]}\0",
				   30, &log),
		    MAILREC_UNPARSED, "json: NUL byte");
	tap_is_long(json_kind(norm, "{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
			      "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],"
			      "\"event.tags\":[\"discarded\"]}", &log),
		    MAILREC_UNPARSED, "json: nesting too deep");

	big = malloc(300000);
	tap_ok(big != NULL, "json: allocate a big object");
	if (big != NULL) {
		size_t n = 0;

		n += (size_t) sprintf(big, "{\"event.tags\":[\"from\"],"
				      "\"from\":\"");
		memset(big + n, 'a', 280000);
		n += 280000;
		memcpy(big + n, "\"}", 3);
		n += 2;
		tap_is_long(normalize_json(norm, big, n, &log),
			    MAILREC_UNPARSED, "json: oversized object refused");
		tap_is_long(normalize_json(norm, big, 1000, &log),
			    MAILREC_UNPARSED, "json: cut object refused");
		free(big);
	}
}

/* test_outcomes - sendmail's stat= and dsn= to a DELIVERY's outcome,
 * through normalize_json() as rsyslog's mmnormalize hands it over */
static void test_outcomes(struct normalizer *norm)
{
	static const struct {
		const char *stat, *dsn;
		enum mailrec_outcome outcome;
	} cases[] = {
		{"Sent (r63ICDA7007088 Message accepted)", "2.0.0", OUTCOME_SENT},
		{"sent", NULL, OUTCOME_SENT},
		{"Deferred: Connection refused by mx.example.", "4.0.0",
		 OUTCOME_DEFERRED},
		{"Deferred", NULL, OUTCOME_DEFERRED},
		{"Operation timed out", "4.4.1", OUTCOME_DEFERRED},
		{"User unknown", "5.1.1", OUTCOME_BOUNCED},
		{"User unknown", NULL, OUTCOME_BOUNCED},
		{"Service unavailable", NULL, OUTCOME_BOUNCED},
		{"Host unknown (Name server: x: host not found)", NULL,
		 OUTCOME_BOUNCED},
		{"Data format error", "5.6.0", OUTCOME_BOUNCED},
		{"queued", NULL, OUTCOME_NONE},
		{NULL, "2.0.0", OUTCOME_NONE},
	};
	char text[512], name[300];
	struct mailrec log;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(text, sizeof(text), "{\"event.tags\":[\"to\"],"
			 "\"qid\":\"q1\",\"to\":\"<a@b.example>\"%s%s%s%s%s%s}",
			 cases[i].stat ? ",\"stat\":\"" : "",
			 cases[i].stat ? cases[i].stat : "",
			 cases[i].stat ? "\"" : "",
			 cases[i].dsn ? ",\"dsn\":\"" : "",
			 cases[i].dsn ? cases[i].dsn : "",
			 cases[i].dsn ? "\"" : "");
		snprintf(name, sizeof(name), "stat=%s dsn=%s: a delivery",
			 cases[i].stat ? cases[i].stat : "(none)",
			 cases[i].dsn ? cases[i].dsn : "(none)");
		tap_is_long(normalize_json(norm, text, strlen(text), &log),
			    MAILREC_DELIVERY, name);
		tap_is_long(log.outcome, cases[i].outcome, "  its outcome");
		tap_is_str(log.status, cases[i].stat, "  status is stat=");
		tap_is_str(log.recipients, "<a@b.example>",
			   "  recipients are to=");
	}
}

/* test_rulesets - a ruleset's verdict to a kind and stage, through
 * normalize_json(); the first case of each is a known ruleset */
static void test_rulesets(struct normalizer *norm)
{
	static const struct {
		const char *ruleset, *verdict;
		enum mailrec_kind kind;
		enum mailrec_stage stage;
	} cases[] = {
		{"check_mail", "reject", MAILREC_REFUSED, STAGE_MAIL},
		{"check_rcpt", "reject", MAILREC_REFUSED, STAGE_RCPT},
		{"check_relay", "reject", MAILREC_REFUSED, STAGE_CONNECT},
		{"check_data", "reject", MAILREC_REFUSED, STAGE_DATA},
		{"check_eom", "reject", MAILREC_REFUSED, STAGE_DATA},
		{"check_etrn", "reject", MAILREC_REFUSED, STAGE_OTHER},
		{"check_mail", "discard", MAILREC_DISCARDED, STAGE_MAIL},
		{"check_rcpt", "discard", MAILREC_DISCARDED, STAGE_RCPT},
		{"check_relay", "discard", MAILREC_DISCARDED, STAGE_CONNECT},
		{"tls_server", "discard", MAILREC_DISCARDED, STAGE_OTHER},
		{"check_mail", "quarantine", MAILREC_OTHER, STAGE_NONE},
		{NULL, "reject", MAILREC_OTHER, STAGE_NONE},
	};
	char text[512], name[300];
	struct mailrec log;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(text, sizeof(text), "{\"event.tags\":[\"ruleset\"],"
			 "\"program\":\"sm-mta\",\"qid\":\"q1\",%s%s%s"
			 "\"arg1\":\"<x@y.example>\",\"%s\":\"550 no\"}",
			 cases[i].ruleset ? "\"ruleset\":\"" : "",
			 cases[i].ruleset ? cases[i].ruleset : "",
			 cases[i].ruleset ? "\"," : "", cases[i].verdict);
		snprintf(name, sizeof(name), "ruleset=%s %s: %s",
			 cases[i].ruleset ? cases[i].ruleset : "(none)",
			 cases[i].verdict, normalize_kind_name(cases[i].kind));
		tap_is_str(normalize_kind_name(normalize_json(norm, text,
			   strlen(text), &log)),
			   normalize_kind_name(cases[i].kind), name);
		tap_is_long(log.stage, cases[i].stage, "  at its stage");
		tap_is_str(log.sender, cases[i].stage == STAGE_MAIL
			   ? "<x@y.example>" : NULL, "  sender: check_mail's arg1");
		tap_is_str(log.recipients, cases[i].stage == STAGE_RCPT
			   ? "<x@y.example>" : NULL,
			   "  recipients: check_rcpt's arg1");
		tap_is_str(log.reason, cases[i].kind == MAILREC_REFUSED
			   ? "550 no" : NULL, "  reason: reject=");
		tap_is_str(log.qid, "q1", "  the queue id kept");
	}
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

/* same_record - 1 when two records agree in kind and every member */
static int same_record(const struct mailrec *a, const struct mailrec *b,
		       const char **differs)
{
	*differs = "kind";
	if (a->kind != b->kind)
		return 0;
	for (size_t i = 0; i < N_MEMBERS; i++) {
		const char *x = member_value(a, members[i].name);
		const char *y = member_value(b, members[i].name);

		*differs = members[i].name;
		if ((x == NULL) != (y == NULL)
		    || (x != NULL && strcmp(x, y) != 0))
			return 0;
	}
	*differs = "mta, relay_forged, outcome or stage";
	return a->mta == b->mta && a->relay_forged == b->relay_forged
	       && a->outcome == b->outcome && a->stage == b->stage;
}

/* chomp - length of a line without its newline */
static size_t chomp(char *line)
{
	size_t len = strlen(line);

	if (len > 0 && line[len - 1] == '\n')
		line[--len] = '\0';
	return len;
}

/*
 * golden_pair - NAME.in through normalize_line() against NAME.ref
 * (lognormalizer's objects with sendmail-syslog.rb, which golden.t keeps
 * true) through normalize_json(): the header split here and the
 * header rules there must make the same record of every line
 */
static void golden_pair(struct normalizer *norm, struct normalizer *json,
			const char *in_path)
{
	char ref_path[4096], in_line[8192], ref_line[65536], name[4200];
	FILE *in, *ref;
	int n = 0;

	snprintf(ref_path, sizeof(ref_path), "%.*s.ref",
		 (int) (strlen(in_path) - 3), in_path);
	in = fopen(in_path, "r");
	ref = fopen(ref_path, "r");
	if (!tap_ok(in != NULL && ref != NULL, in_path))
		goto done;
	while (fgets(in_line, sizeof(in_line), in) != NULL) {
		struct mailrec a, b;
		const char *differs;

		n++;
		snprintf(name, sizeof(name), "%s:%d: header split agrees "
			 "with sendmail-syslog.rb", strrchr(in_path, '/') + 1, n);
		if (fgets(ref_line, sizeof(ref_line), ref) == NULL) {
			tap_ok(0, name);
			break;
		}
		normalize_line(norm, in_line, chomp(in_line), &a);
		normalize_json(json, ref_line, chomp(ref_line), &b);
		if (!tap_ok(same_record(&a, &b, &differs), name))
			printf("#   %s differs\n", differs);
	}
done:
	if (in != NULL)
		fclose(in);
	if (ref != NULL)
		fclose(ref);
}

/* test_golden - every golden pair of tests/rulebase */
static void test_golden(struct normalizer *norm, const char *top,
			const char *rulebase)
{
	char pattern[4096], err[NORMALIZE_ERR_MAX];
	/* its own normalizer: the two records must live side by side */
	struct normalizer *json = normalize_open(rulebase, err);
	glob_t g;

	snprintf(pattern, sizeof(pattern), "%s%stests/rulebase/*.in",
		 top != NULL ? top : "", top != NULL ? "/" : "");
	if (!tap_ok(json != NULL, "a second normalizer for the .ref objects"))
		return;
	if (tap_ok(glob(pattern, 0, NULL, &g) == 0 && g.gl_pathc >= 20,
		   "golden pairs found")) {
		for (size_t i = 0; i < g.gl_pathc; i++)
			golden_pair(norm, json, g.gl_pathv[i]);
	}
	globfree(&g);
	normalize_close(json);
}

int main(void)
{
	const char *top = getenv("TOP");
	char path[4096];
	char err[NORMALIZE_ERR_MAX];
	struct normalizer *norm;

	snprintf(path, sizeof(path), "%s%srulebase/sendmail.rb",
		 top != NULL ? top : "", top != NULL ? "/" : "");
	norm = normalize_open(path, err);
	if (!tap_ok(norm != NULL, "rulebase/sendmail.rb loads")) {
		printf("# %s\n", err);
		return tap_done();
	}
	test_samples(norm);
	test_headers(norm);
	test_not_sendmail(norm);
	test_bounds(norm);
	test_crlf(norm);
	test_high_bytes(norm);
	test_high_bytes_kept(norm);
	test_json_good(norm);
	test_json_bad(norm);
	test_outcomes(norm);
	test_rulesets(norm);
	test_lifetime(norm);
	test_golden(norm, top, path);
	test_add(norm, path);
	normalize_close(norm);
	test_bad_rulebases();
	test_kind_names();
	return tap_done();
}
