/*
 * smlog - one sm-mta log line, normalized into typed fields.
 *
 * DESCRIPTION
 *	The record that normalize fills from liblognorm's output (or from an
 *	mmnormalize JSON object) and that every later stage reads.  String
 *	fields point into storage owned by the normalizer and stay valid
 *	until its next call; NULL means the line did not carry the field.
 *	Nothing here is validated yet: hosts and addresses are the sender's
 *	words, and must pass hostname validation before anyone trusts them.
 *
 *	The JSON field names of rulebase/sendmail.rb are given beside each
 *	member; they are the contract between the rulebase and this code.
 */
#ifndef PHISHWATCH_SMLOG_H
#define PHISHWATCH_SMLOG_H

/* Line kinds, from the rule's tag (liblognorm "event.tags"). */
enum smlog_kind {
	SMLOG_UNPARSED = 0,	/* not a sendmail line we understand */
	SMLOG_FROM,		/* tag "from": qid: from=<...>, size=... */
	SMLOG_TO,		/* tag "to": qid: to=<...>, ..., stat=... */
	SMLOG_RULESET,		/* tag "ruleset": ruleset=check_*, arg1=... */
	SMLOG_DISCARDED,	/* tag "discarded": qid: discarded */
	SMLOG_DSN,		/* tag "dsn": qid: dsnqid: DSN: text */
	SMLOG_LOST_INPUT,	/* tag "lost-input": lost input channel */
	SMLOG_NO_MAIL,		/* tag "no-mail": did not issue MAIL/EXPN/... */
	SMLOG_AUTH,		/* tag "auth": AUTH=server, ... */
	SMLOG_STARTTLS,		/* tag "starttls": STARTTLS=server, ... */
	SMLOG_OTHER,		/* tag "sendmail-other": any other sm-mta line */
	SMLOG_KIND_COUNT
};

struct smlog {
	enum smlog_kind kind;
	/* syslog header; all NULL for a headerless (%msg%) line */
	const char *timestamp;	/* "timestamp": RFC 3164 or RFC 3339 text */
	const char *hostname;	/* "hostname" */
	const char *program;	/* "program": sm-mta, sendmail, sm-msp-queue */
	const char *pid;	/* "pid" */
	const char *qid;	/* "qid": sendmail queue id */
	/* from= */
	const char *from;	/* "from": as logged: <a@b>, a@b or <> */
	const char *size;	/* "size" */
	const char *nrcpts;	/* "nrcpts" */
	const char *msgid;	/* "msgid" */
	const char *proto;	/* "proto" */
	const char *daemon;	/* "daemon" */
	/* relay=, in from=, to= and ruleset= lines */
	const char *relay_host;	/* "relay_host": name as logged, may be absent */
	const char *relay_ip;	/* "relay_ip": address inside [], IPv6: kept */
	int relay_forged;	/* "relay_forged" present: "(may be forged)" */
	/* to= */
	const char *to;		/* "to": recipient list as logged, commas */
	const char *mailer;	/* "mailer" */
	const char *dsn;	/* "dsn": e.g. 2.0.0 */
	const char *stat;	/* "stat": Sent (...), Deferred: ..., ... */
	/* ruleset= */
	const char *ruleset;	/* "ruleset": check_mail, check_rcpt, ... */
	const char *arg1;	/* "arg1" */
	const char *reject;	/* "reject": "550 5.7.1 <a@b>... text" */
	int discard;		/* "discard" present: ruleset said discard */
	/* DSN: */
	const char *dsn_qid;	/* "dsn_qid": queue id of the DSN message */
	const char *dsn_text;	/* "dsn_text" */
};

#endif
