/*
 * sendmail_samples.h - what the sendmail normalizer unit tests share: a
 * line of each sendmail kind with the struct mailrec it maps to, the
 * record's string members by name, and the real rulebase/sendmail.rb
 * opened from $TOP (or the current directory when TOP is not set).
 */
#ifndef PHISHWATCH_TEST_SENDMAIL_SAMPLES_H
#define PHISHWATCH_TEST_SENDMAIL_SAMPLES_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "normalize.h"

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
static __attribute__((unused)) const struct sample samples[] = {
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
static __attribute__((unused)) const char *
member_value(const struct mailrec *log, const char *name)
{
	for (size_t i = 0; i < N_MEMBERS; i++)
		if (strcmp(members[i].name, name) == 0)
			return *(const char *const *) (const void *)
				((const char *) log + members[i].offset);
	return "(no such member)";
}

/* samples_open - rulebase/sendmail.rb under top (NULL: the current
 * directory), its path into path; NULL, with the reason printed as a
 * TAP comment, when it does not load */
static __attribute__((unused)) struct normalizer *
samples_open(const char *top, char *path, size_t size)
{
	char err[NORMALIZE_ERR_MAX];
	struct normalizer *norm;

	snprintf(path, size, "%s%srulebase/sendmail.rb",
		 top != NULL ? top : "", top != NULL ? "/" : "");
	norm = normalize_open(path, err);
	if (norm == NULL)
		printf("# %s\n", err);
	return norm;
}

#endif
