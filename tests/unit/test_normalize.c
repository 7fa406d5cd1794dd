/*
 * test_normalize - normalize.c with the real rulebase/sendmail.rb.
 *
 * DESCRIPTION
 *	Every line kind with its header and without (the omprog "%msg%"
 *	form, with and without the leading space), every struct smlog
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

/* The string members of struct smlog by JSON name (as in smlog.h). */
static const struct member {
	const char *name;
	size_t offset;
} members[] = {
	{"timestamp", offsetof(struct smlog, timestamp)},
	{"hostname", offsetof(struct smlog, hostname)},
	{"program", offsetof(struct smlog, program)},
	{"pid", offsetof(struct smlog, pid)},
	{"qid", offsetof(struct smlog, qid)},
	{"from", offsetof(struct smlog, from)},
	{"size", offsetof(struct smlog, size)},
	{"nrcpts", offsetof(struct smlog, nrcpts)},
	{"msgid", offsetof(struct smlog, msgid)},
	{"proto", offsetof(struct smlog, proto)},
	{"daemon", offsetof(struct smlog, daemon)},
	{"relay_host", offsetof(struct smlog, relay_host)},
	{"relay_ip", offsetof(struct smlog, relay_ip)},
	{"to", offsetof(struct smlog, to)},
	{"mailer", offsetof(struct smlog, mailer)},
	{"dsn", offsetof(struct smlog, dsn)},
	{"stat", offsetof(struct smlog, stat)},
	{"ruleset", offsetof(struct smlog, ruleset)},
	{"arg1", offsetof(struct smlog, arg1)},
	{"reject", offsetof(struct smlog, reject)},
	{"dsn_qid", offsetof(struct smlog, dsn_qid)},
	{"dsn_text", offsetof(struct smlog, dsn_text)},
};
#define N_MEMBERS (sizeof(members) / sizeof(members[0]))

struct field {
	const char *name;
	const char *value;
};

struct sample {
	const char *name;
	const char *line;
	enum smlog_kind kind;
	int forged;
	int discard;
	struct field fields[MAX_FIELDS];	/* after the header, NULL ends */
};

#define HDR "Jul  3 14:12:20 drjemgw sm-mta[4707]: "

/* One line of each kind; the header is checked separately. */
static const struct sample samples[] = {
	{"from, bare sender, seed campaign",
	 HDR "r63IA8dJ004707: from=bob@emalsrv.marriott.com, size=0, "
	 "class=0, nrcpts=1, proto=SMTP, daemon=sm-mta, "
	 "relay=eu1sysamx113.postini.com [217.226.243.182]",
	 SMLOG_FROM, 0, 0,
	 {{"qid", "r63IA8dJ004707"}, {"from", "bob@emalsrv.marriott.com"},
	  {"size", "0"}, {"nrcpts", "1"}, {"proto", "SMTP"},
	  {"daemon", "sm-mta"}, {"relay_host", "eu1sysamx113.postini.com"},
	  {"relay_ip", "217.226.243.182"}}},
	{"from, msgid and forged IPv6 relay",
	 HDR "r63ICDA7007088: from=<ups@EMALSRV.UPS.COM.>, size=4242, "
	 "class=0, nrcpts=2, msgid=<20130703141222.1@ups.com>, "
	 "bodytype=8BITMIME, proto=ESMTP, daemon=MTA-v6, "
	 "relay=mail.example.net [IPv6:2001:db8::1] (may be forged)",
	 SMLOG_FROM, 1, 0,
	 {{"qid", "r63ICDA7007088"}, {"from", "<ups@EMALSRV.UPS.COM.>"},
	  {"size", "4242"}, {"nrcpts", "2"},
	  {"msgid", "<20130703141222.1@ups.com>"}, {"proto", "ESMTP"},
	  {"daemon", "MTA-v6"}, {"relay_host", "mail.example.net"},
	  {"relay_ip", "IPv6:2001:db8::1"}}},
	{"from, null sender, relay address only",
	 HDR "r63ICTsI007425: from=<>, size=2311, class=0, nrcpts=1, "
	 "msgid=<r63ICTsI007425@drjemgw>, proto=ESMTP, daemon=MTA, "
	 "relay=[192.0.2.10]",
	 SMLOG_FROM, 0, 0,
	 {{"qid", "r63ICTsI007425"}, {"from", "<>"}, {"size", "2311"},
	  {"nrcpts", "1"}, {"msgid", "<r63ICTsI007425@drjemgw>"},
	  {"proto", "ESMTP"}, {"daemon", "MTA"}, {"relay_ip", "192.0.2.10"}}},
	{"from, local submission, relay=root@localhost",
	 HDR "r63IBGCU006072: from=root, size=523, class=0, nrcpts=1, "
	 "msgid=<201307031411.r63IBGCU006072@drjemgw>, relay=root@localhost",
	 SMLOG_FROM, 0, 0,
	 {{"qid", "r63IBGCU006072"}, {"from", "root"}, {"size", "523"},
	  {"nrcpts", "1"}, {"msgid", "<201307031411.r63IBGCU006072@drjemgw>"},
	  {"relay_host", "localhost"}}},
	{"from, msgid with comma and space falls back, sender kept",
	 HDR "r63ICO8H007346: from=<x@emalsrv.aa.com>, size=10, class=0, "
	 "nrcpts=1, msgid=<a, relay=evil [6.6.6.6], proto=ESMTP, "
	 "daemon=MTA, relay=real.example [192.0.2.20]",
	 SMLOG_FROM, 0, 0,
	 {{"qid", "r63ICO8H007346"}, {"from", "<x@emalsrv.aa.com>"},
	  {"size", "10"}, {"nrcpts", "1"}}},
	{"to, sent",
	 HDR "r63IA8dJ004707: to=<drj@example.com>, delay=00:00:02, "
	 "xdelay=00:00:01, mailer=esmtp, pri=120523, "
	 "relay=mx1.example.com. [192.0.2.25], dsn=2.0.0, "
	 "stat=Sent (OK 1372875142 x)",
	 SMLOG_TO, 0, 0,
	 {{"qid", "r63IA8dJ004707"}, {"to", "<drj@example.com>"},
	  {"mailer", "esmtp"}, {"relay_host", "mx1.example.com."},
	  {"relay_ip", "192.0.2.25"}, {"dsn", "2.0.0"},
	  {"stat", "Sent (OK 1372875142 x)"}}},
	{"to, several recipients, deferred, relay host only",
	 HDR "r63IA8dJ004707: to=<a@example.com>,<b@example.com>, "
	 "delay=00:05:00, xdelay=00:00:30, mailer=esmtp, pri=210523, "
	 "relay=mx.example.com., dsn=4.0.0, "
	 "stat=Deferred: Connection refused by mx.example.com.",
	 SMLOG_TO, 0, 0,
	 {{"qid", "r63IA8dJ004707"}, {"to", "<a@example.com>,<b@example.com>"},
	  {"mailer", "esmtp"}, {"relay_host", "mx.example.com."},
	  {"dsn", "4.0.0"},
	  {"stat", "Deferred: Connection refused by mx.example.com."}}},
	{"to, local user unknown, ctladdr, no relay",
	 HDR "r63IA8dJ004707: to=nosuch, ctladdr=<nosuch@drjemgw> "
	 "(1000/1000), delay=00:00:00, xdelay=00:00:00, mailer=local, "
	 "pri=30437, dsn=5.1.1, stat=User unknown",
	 SMLOG_TO, 0, 0,
	 {{"qid", "r63IA8dJ004707"}, {"to", "nosuch"}, {"mailer", "local"},
	  {"dsn", "5.1.1"}, {"stat", "User unknown"}}},
	{"ruleset, check_mail reject",
	 HDR "r63IBpYm006643: ruleset=check_mail, "
	 "arg1=<amc@emalsrv.linkedin.com>, "
	 "relay=eu1sysamx120.postini.com [217.226.243.189], "
	 "reject=550 5.7.1 <amc@emalsrv.linkedin.com>... Sender banned",
	 SMLOG_RULESET, 0, 0,
	 {{"qid", "r63IBpYm006643"}, {"ruleset", "check_mail"},
	  {"arg1", "<amc@emalsrv.linkedin.com>"},
	  {"relay_host", "eu1sysamx120.postini.com"},
	  {"relay_ip", "217.226.243.189"},
	  {"reject", "550 5.7.1 <amc@emalsrv.linkedin.com>... Sender banned"}}},
	{"ruleset, discard",
	 HDR "r63IAFug004894: ruleset=check_mail, "
	 "arg1=<news@complains.linkedin.com>, "
	 "relay=eu1sysamx110.postini.com [217.226.243.59], discard",
	 SMLOG_RULESET, 0, 1,
	 {{"qid", "r63IAFug004894"}, {"ruleset", "check_mail"},
	  {"arg1", "<news@complains.linkedin.com>"},
	  {"relay_host", "eu1sysamx110.postini.com"},
	  {"relay_ip", "217.226.243.59"}}},
	{"ruleset, check_relay without qid",
	 HDR "ruleset=check_relay, arg1=spam.example, arg2=192.0.2.66, "
	 "relay=spam.example [192.0.2.66] (may be forged), "
	 "reject=550 5.7.1 Access denied",
	 SMLOG_RULESET, 1, 0,
	 {{"ruleset", "check_relay"}, {"arg1", "spam.example"},
	  {"relay_host", "spam.example"}, {"relay_ip", "192.0.2.66"},
	  {"reject", "550 5.7.1 Access denied"}}},
	{"discarded",
	 HDR "r63ICZJq007573: discarded",
	 SMLOG_DISCARDED, 0, 0, {{"qid", "r63ICZJq007573"}}},
	{"dsn",
	 HDR "r63ICfP9007698: r63ICfPA007698: DSN: User unknown",
	 SMLOG_DSN, 0, 0,
	 {{"qid", "r63ICfP9007698"}, {"dsn_qid", "r63ICfPA007698"},
	  {"dsn_text", "User unknown"}}},
	{"lost input channel",
	 HDR "r63ICblx007610: lost input channel from "
	 "eu1sysamx109.postini.com [217.226.243.58] to MTA after rcpt",
	 SMLOG_LOST_INPUT, 0, 0,
	 {{"qid", "r63ICblx007610"}, {"relay_host", "eu1sysamx109.postini.com"},
	  {"relay_ip", "217.226.243.58"}, {"daemon", "MTA"}}},
	{"did not issue MAIL",
	 HDR "r63ICl6Y007792: [192.0.2.99] did not issue "
	 "MAIL/EXPN/VRFY/ETRN during connection to MTA",
	 SMLOG_NO_MAIL, 0, 0,
	 {{"qid", "r63ICl6Y007792"}, {"relay_ip", "192.0.2.99"},
	  {"daemon", "MTA"}}},
	{"AUTH=server",
	 HDR "r63ICYnm007549: AUTH=server, relay=client.example.org "
	 "[192.0.2.31], authid=drj, mech=PLAIN, bits=0",
	 SMLOG_AUTH, 0, 0,
	 {{"qid", "r63ICYnm007549"}, {"relay_host", "client.example.org"},
	  {"relay_ip", "192.0.2.31"}}},
	{"STARTTLS=server",
	 HDR "STARTTLS=server, relay=eu1sysamx139.postini.com "
	 "[217.226.243.228], version=TLSv1.3, verify=NO, "
	 "cipher=TLS_AES_256_GCM_SHA384, bits=256/256",
	 SMLOG_STARTTLS, 0, 0,
	 {{"relay_host", "eu1sysamx139.postini.com"},
	  {"relay_ip", "217.226.243.228"}}},
	{"other, with qid",
	 HDR "r63ICrUW007882: Milter: no active filter",
	 SMLOG_OTHER, 0, 0, {{"qid", "r63ICrUW007882"}}},
	{"other, without qid",
	 HDR "starting daemon (8.15.2): SMTP+queueing@00:10:00",
	 SMLOG_OTHER, 0, 0, {{NULL, NULL}}},
	{"other, NOQUEUE is no queue id",
	 HDR "NOQUEUE: connect from localhost [127.0.0.1]",
	 SMLOG_OTHER, 0, 0, {{NULL, NULL}}},
};
#define N_SAMPLES (sizeof(samples) / sizeof(samples[0]))

/* member_value - a struct smlog string member by JSON name */
static const char *member_value(const struct smlog *log, const char *name)
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
		{"timestamp", "Jul  3 14:12:20"}, {"hostname", "drjemgw"},
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
	struct smlog log;
	char name[256];
	enum smlog_kind kind;

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
	snprintf(name, sizeof(name), "%s (%s): discard", s->name, form);
	tap_is_long(log.discard, s->discard, name);
}

/* test_samples - each sample with its header, then headerless twice */
static void test_samples(struct normalizer *norm)
{
	for (size_t i = 0; i < N_SAMPLES; i++) {
		const struct sample *s = &samples[i];
		const char *msg = s->line + strlen(HDR);
		char spaced[1024];

		check_sample(norm, s, s->line, "RFC 3164 header", 1);
		if (s->kind == SMLOG_OTHER && s->fields[0].name == NULL)
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
	struct smlog log;

	for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
		snprintf(line, sizeof(line), "%s%s", heads[i].head, body);
		tap_is_long(normalize_line(norm, line, strlen(line), &log),
			    SMLOG_DISCARDED, heads[i].timestamp);
		tap_is_str(log.timestamp, heads[i].timestamp, "timestamp");
		tap_is_str(log.hostname, heads[i].host, "hostname");
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
	struct smlog log;

	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		enum smlog_kind kind =
			normalize_line(norm, lines[i], strlen(lines[i]), &log);

		tap_is_str(normalize_kind_name(kind), "unparsed", lines[i]);
		tap_ok(log.from == NULL && log.qid == NULL,
		       "  and leaves no field");
	}
}

/* test_bounds - over-long lines and NUL bytes are refused */
static void test_bounds(struct normalizer *norm)
{
	static const char with_nul[] = HDR "r63ICZJq007573: discarded\0x";
	size_t big = 70000;
	char *line = malloc(big + 1);
	struct smlog log;

	tap_ok(line != NULL, "allocate a long line");
	if (line == NULL)
		return;
	memset(line, 'x', big);
	memcpy(line, HDR "r63ICZJq007573: ", strlen(HDR) + 16);
	tap_is_long(normalize_line(norm, line, big, &log), SMLOG_UNPARSED,
		    "a 70000-byte line is refused");
	tap_is_long(normalize_line(norm, line, 60000, &log), SMLOG_OTHER,
		    "a 60000-byte sendmail line is other");
	free(line);
	tap_is_long(normalize_line(norm, with_nul, sizeof(with_nul) - 1, &log),
		    SMLOG_UNPARSED, "a NUL inside the line is refused");
	tap_is_long(normalize_line(norm, with_nul, sizeof(with_nul) - 3, &log),
		    SMLOG_DISCARDED, "the same line without it parses");
	tap_is_long(normalize_line(norm, samples[0].line, 0, &log),
		    SMLOG_UNPARSED, "an empty line is unparsed");
}

/* test_crlf - a line from a DOS file keeps its last field */
static void test_crlf(struct normalizer *norm)
{
	char crlf[512];
	struct smlog log;

	snprintf(crlf, sizeof(crlf), "%s\r", samples[0].line);
	tap_is_long(normalize_line(norm, crlf, strlen(crlf), &log),
		    SMLOG_FROM, "a trailing CR is dropped");
	tap_is_str(log.relay_ip, "217.226.243.182",
		   "  and the relay at the end still parses");
}

/* sane - every member is NULL or a string inside the last call's reach */
static int sane(const struct smlog *log, enum smlog_kind kind)
{
	if ((unsigned) kind >= SMLOG_KIND_COUNT || log->kind != kind)
		return 0;
	for (size_t i = 0; i < N_MEMBERS; i++) {
		const char *v = member_value(log, members[i].name);

		if (v != NULL && strlen(v) > 4096)
			return 0;
	}
	return (log->relay_forged == 0 || log->relay_forged == 1)
	       && (log->discard == 0 || log->discard == 1);
}

/* test_high_bytes - bytes >= 0x80 inserted at and written over every byte */
static void test_high_bytes(struct normalizer *norm)
{
	static const char high[] = "\x80\xff\xc3\xa9";
	char line[1024];
	struct smlog log;
	int all_sane = 1;
	long runs = 0;

	for (size_t s = 0; s < N_SAMPLES; s++) {
		const char *orig = samples[s].line;
		size_t len = strlen(orig);

		for (size_t at = 0; at <= len; at++) {
			enum smlog_kind kind;

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
	struct smlog log;

	tap_is_long(normalize_line(norm, from, strlen(from), &log),
		    SMLOG_FROM, "8-bit from line is a from line");
	tap_is_str(log.from, "<j\xc3\xb6hn@ex\xc3\xa4mple.com>",
		   "  UTF-8 sender kept");
	tap_is_str(log.msgid, "<\x80\xff@x>", "  raw 8-bit msgid kept");
	tap_is_str(log.relay_host, "h\xe9st.example", "  8-bit relay kept");
	tap_is_long(normalize_line(norm, to, strlen(to), &log), SMLOG_TO,
		    "8-bit to line is a to line");
	tap_is_str(log.stat, "Service unavailable \x80\x81\xfe",
		   "  8-bit stat kept");
	tap_is_long(normalize_line(norm, all, strlen(all), &log),
		    SMLOG_UNPARSED, "a line of 8-bit bytes only is unparsed");
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
static enum smlog_kind json_kind(struct normalizer *norm, const char *text,
				 struct smlog *log)
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
	struct smlog log;

	tap_is_long(json_kind(norm, good, &log), SMLOG_FROM, "json: from");
	tap_is_str(log.from, "bob@emalsrv.marriott.com", "  from");
	tap_is_str(log.relay_ip, "217.226.243.182", "  relay_ip");
	tap_is_str(log.timestamp, "Jul  3 14:12:20", "  timestamp");
	tap_is_long(log.relay_forged, 1, "  relay_forged");
	tap_is_str(log.to, NULL, "  to absent");

	tap_is_long(json_kind(norm, "{\"event.tags\":[\"x\",\"ruleset\"],"
			      "\"ruleset\":\"check_mail\",\"discard\":"
			      "\"discard\",\"qid\":\"NOQUEUE\"}", &log),
		    SMLOG_RULESET, "json: first known tag counts");
	tap_ok(log.discard == 1, "  discard");
	tap_is_str(log.qid, NULL, "  NOQUEUE is no queue id");

	tap_is_long(json_kind(norm, "{\"event.tags\":[\"to\"],\"to\":42,"
			      "\"stat\":[\"Sent\"],\"dsn\":null,"
			      "\"mailer\":\"esmtp\",\"relay_forged\":true,"
			      "\"discard\":1}", &log),
		    SMLOG_TO, "json: wrong-typed fields");
	tap_ok(log.to == NULL && log.stat == NULL && log.dsn == NULL,
	       "  number, array and null fields are absent");
	tap_is_str(log.mailer, "esmtp", "  the string field is kept");
	tap_ok(log.relay_forged == 0 && log.discard == 0,
	       "  non-string flags are absent");

	tap_is_long(json_kind(norm, "{\"event.tags\":[\"from\"],"
			      "\"from\":\"<a@evil.example\\u0000@good>\"}",
			      &log),
		    SMLOG_FROM, "json: string with an escaped NUL");
	tap_is_str(log.from, NULL, "  is absent, not cut short");
}

/* test_json_bad - what is not an mmnormalize object is unparsed */
static void test_json_bad(struct normalizer *norm)
{
	struct smlog log;
	char *big;

	tap_is_long(json_kind(norm, "{\"event.tags\":\"from\","
			      "\"from\":\"<a@b>\"}", &log),
		    SMLOG_UNPARSED, "json: tags not an array");
	tap_is_long(json_kind(norm, "{\"event.tags\":[1,{},\"nope\"]}", &log),
		    SMLOG_UNPARSED, "json: no known tag");
	tap_is_long(json_kind(norm, "{\"originalmsg\":\"x\","
			      "\"unparsed-data\":\"x\"}", &log),
		    SMLOG_UNPARSED, "json: liblognorm's no-match object");
	tap_is_long(json_kind(norm, "[{\"event.tags\":[\"from\"]}]", &log),
		    SMLOG_UNPARSED, "json: an array is not an object");
	tap_is_long(json_kind(norm, "\"from\"", &log), SMLOG_UNPARSED,
		    "json: a string is not an object");
	tap_is_long(json_kind(norm, "42", &log), SMLOG_UNPARSED,
		    "json: a number is not an object");
	tap_is_long(json_kind(norm, HDR "r63ICZJq007573: discarded", &log),
		    SMLOG_UNPARSED, "json: a raw log line is not JSON");
	tap_is_long(json_kind(norm, "{\"event.tags\":[\"discarded\"]", &log),
		    SMLOG_UNPARSED, "json: truncated object");
	tap_is_long(json_kind(norm, "{\"event.tags\":[\"discarded\"]} {}",
			      &log),
		    SMLOG_UNPARSED, "json: trailing data");
	tap_is_long(json_kind(norm, "{\"event.tags\":[\"discarded\"]} \r\n",
			      &log),
		    SMLOG_DISCARDED, "json: trailing white space is fine");
	tap_is_long(json_kind(norm, "", &log), SMLOG_UNPARSED, "json: empty");
	tap_is_long(normalize_json(norm, "{\"event.tags\":[\"discarded\"]}\0",
				   30, &log),
		    SMLOG_UNPARSED, "json: NUL byte");
	tap_is_long(json_kind(norm, "{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
			      "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],"
			      "\"event.tags\":[\"discarded\"]}", &log),
		    SMLOG_UNPARSED, "json: nesting too deep");

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
			    SMLOG_UNPARSED, "json: oversized object refused");
		tap_is_long(normalize_json(norm, big, 1000, &log),
			    SMLOG_UNPARSED, "json: cut object refused");
		free(big);
	}
}

/* test_kind_names - the tag of each kind */
static void test_kind_names(void)
{
	static const char *const names[SMLOG_KIND_COUNT] = {
		"unparsed", "from", "to", "ruleset", "discarded", "dsn",
		"lost-input", "no-mail", "auth", "starttls", "sendmail-other",
	};

	for (int k = 0; k < SMLOG_KIND_COUNT; k++)
		tap_is_str(normalize_kind_name((enum smlog_kind) k), names[k],
			   "kind name");
	tap_is_str(normalize_kind_name(SMLOG_KIND_COUNT), "unknown",
		   "out-of-range kind");
}

/* test_lifetime - the previous record stays whole until the next call */
static void test_lifetime(struct normalizer *norm)
{
	const char *line = samples[0].line;
	struct smlog a, b;

	normalize_line(norm, line, strlen(line), &a);
	tap_is_str(a.from, "bob@emalsrv.marriott.com",
		   "record readable after the call");
	normalize_line(norm, "x", 1, &b);
	tap_ok(b.kind == SMLOG_UNPARSED && b.from == NULL,
	       "an unparsed line clears the record");
}

/* same_record - 1 when two records agree in kind and every member */
static int same_record(const struct smlog *a, const struct smlog *b,
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
	*differs = "relay_forged or discard";
	return a->relay_forged == b->relay_forged && a->discard == b->discard;
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
		struct smlog a, b;
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
	test_lifetime(norm);
	test_golden(norm, top, path);
	normalize_close(norm);
	test_bad_rulebases();
	test_kind_names();
	return tap_done();
}
