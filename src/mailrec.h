/*
 * mailrec - one MTA log line as the stages after normalize read it.
 *
 * DESCRIPTION
 *	The record that normalize fills, whatever MTA wrote the line: each
 *	MTA's rulebase and field map (normalize_sendmail.c, and one file
 *	like it per MTA) turn that MTA's words into the kinds and fields
 *	below, and no stage after normalize knows which MTA spoke.  String
 *	fields point into storage owned by the normalizer and stay valid
 *	until its next call; NULL means the line did not carry the field.
 *	Nothing here is validated yet: hosts and addresses are the sender's
 *	words, and must pass hostname validation before anyone trusts them.
 *
 *	What the stages do with each kind (pipeline.c): CLIENT keeps the
 *	relay of its queue id for the ACCEPTED line that names none;
 *	ACCEPTED starts a campaign's message (sender -> verdict ->
 *	campaign, its queue id then tracked); DELIVERY, REFUSED at RCPT and
 *	DISCARDED count for a tracked queue id; REFUSED at MAIL with a
 *	sender counts as a message with one refused recipient, and so does
 *	any REFUSED (DISCARDED: one discarded recipient) that names its
 *	sender and no queue id, past the connection, or that ends its
 *	message (ends_message, or a refusal at DATA): a message that no
 *	ACCEPTED line follows (Postfix's NOQUEUE verdicts and its verdicts
 *	at DATA or on the content, Exim's refusals before DATA and after
 *	it), unless the map set no_message: then the verdict's recipient
 *	counts and its message is the one a later ACCEPTED line counts.
 *	Such a verdict with a queue id takes along the recipients refused
 *	at RCPT under it before.  A verdict that ends its message counts
 *	the recipients it says the message had (rcpts_said: the one it
 *	names, or two when it names none), and the close of its session
 *	(session: its counts of transactions and recipients) what the
 *	verdicts of the session left uncounted (refmsg.h).  Verdicts at RCPT
 *	with no queue id that follow one another in one process (syslog host,
 *	program, pid) with the same sender are the recipients of one message:
 *	the first counts the message, the others their recipient only, until the
 *	process logs a session edge (session_edge: smtpd's connect or
 *	disconnect), a CLIENT or an ACCEPTED line, or refuses a recipient of the
 *	run again (a retry); when the message they counted is then accepted (its
 *	other recipients taken: the process's CLIENT line gives its queue id, or
 *	its ACCEPTED line comes from the same process with the same sender),
 *	that ACCEPTED line, or a verdict that ends the message, counts no
 *	message again (refmsg.h). FINISHED lets its queue id go (an
 *	ACCEPTED line that said no recipients, Exim's without a "for" list,
 *	keeps it until then). OTHER but session edges, and refusals at
 *	other stages change nothing.
 *
 * LINE KINDS OF EACH MTA
 *	kind       sendmail (sm-mta, sendmail, sm-msp-queue)
 *	           Postfix (postfix/NAME, postfix-INSTANCE/NAME)
 *	           Exim (exim, exim4; syslog or its mainlog)
 *
 *	CLIENT     sendmail: (none; the relay is on the from= line)
 *	           Postfix: smtpd "QID: client=host[ip]"
 *	           Exim: (none; H= is on the <= line)
 *	ACCEPTED   sendmail: "QID: from=<s>, size=, nrcpts=, msgid=,
 *	             proto=, relay=host [ip]"
 *	           Postfix: qmgr "QID: from=<s>, size=N, nrcpt=N (queue
 *	             active)"; cleanup "QID: message-id=<..>" is OTHER
 *	             with msgid set
 *	           Exim: "QID <= s H=host [ip] P=proto S=size id=msgid
 *	             [for r r ..]": recipients = the list (no count)
 *	DELIVERY   sendmail: "QID: to=<r>,<r>, ..., dsn=, stat=": outcome
 *	             from stat's words, then dsn's class (normalize_sendmail.c);
 *	             one without mailer= that says none is REJECTED (the
 *	             recipients of a message refused after its data)
 *	           Postfix: smtp/local/lmtp/virtual/pipe "QID: to=<r>, ...,
 *	             dsn=, status=sent|deferred|bounced (text)"; qmgr's
 *	             "QID: from=<s>, status=expired, returned to sender"
 *	             BOUNCED with all_pending
 *	           Exim: "QID => r" and "QID -> r" SENT, "QID == r ..."
 *	             DEFERRED, "QID ** r ..." BOUNCED
 *	REFUSED    sendmail: "QID: ruleset=check_mail, arg1=<s>, ...,
 *	             reject=..." stage MAIL, sender = arg1; check_rcpt:
 *	             stage RCPT, recipients = arg1, with the queue id;
 *	             check_relay: CONNECT; check_data/eoh/eom: DATA;
 *	             other rulesets: STAGE_OTHER; reason = reject (a
 *	             check_mail refusal with a queue id counts its message;
 *	             the from= line, nrcpts=0, that 8.17 logs for that
 *	             queue id after it is the same message: tracking.c);
 *	             "QID: Milter: data, reject=..." stage DATA, no sender
 *	             (its to= lines count its recipients)
 *	           Postfix: "NOQUEUE: reject: RCPT from h[ip]: 554 ...;
 *	             from=<s> to=<r> proto=ESMTP helo=<..>" stage RCPT
 *	             (MAIL for "reject: MAIL from", DATA for "DATA",
 *	             "END-OF-MESSAGE" and milter-reject), sender = from=,
 *	             recipients = to=; queue id when the line has one
 *	             instead of NOQUEUE; at DATA ends_message, and
 *	             smtpd's own "reject: DATA|END-OF-MESSAGE" names the
 *	             message's one recipient (rcpts_said ONE) or, when it
 *	             had more, none (MANY); cleanup's "QID: reject:
 *	             header|body LINE from h[ip]; from=<s> to=<r> ..."
 *	             (header_checks, body_checks) likewise, stage DATA,
 *	             naming the last recipient (SOME), as milter-reject
 *	             does
 *	           Exim: "H=host [ip] F=<s> rejected RCPT <r>: reason" RCPT,
 *	             "rejected MAIL" MAIL, "rejected after DATA" (and
 *	             "rejected during MIME ACL checks") DATA with the
 *	             queue id of a message never queued: a refusal at
 *	             DATA ends its message, queue id or not
 *	DISCARDED  sendmail: "QID: discarded" (stage NONE: after the
 *	             message was queued); a ruleset's "discard" verdict:
 *	             the stage of its ruleset (held until ACCEPTED)
 *	           Postfix: smtpd "NOQUEUE: discard: RCPT from ...;
 *	             from=<s> to=<r>" stage RCPT (MAIL, DATA likewise;
 *	             milter-discard too), cleanup's "QID: discard: header
 *	             ..." stage DATA; ends_message: no qmgr line follows a
 *	             discard; one line a message, one recipient named
 *	           Exim: "QID => blackhole (RCPT ACL discarded recipients)"
 *	             stage NONE; before it, for each recipient an ACL's
 *	             discard dropped, "H=host [ip] F=<s> RCPT <r>: discarded
 *	             by RCPT ACL" stage RCPT, no queue id yet, no_message
 *	             (its message's "<=" line follows) (a redirect's
 *	             "=> :blackhole: <r>" is a DELIVERY)
 *	FINISHED   sendmail: (none)
 *	           Postfix: qmgr "QID: removed"
 *	           Exim: "QID Completed"
 *	OTHER      Postfix: smtpd "connect from h[ip]", "disconnect from
 *	             h[ip] ehlo=1 mail=1 rcpt=N ..." with session_edge
 *	             (and disconnect's counts of MAIL and RCPT commands
 *	             in session)
 *	           Exim: "H=host [ip] incomplete transaction (RSET) from
 *	             <s> [for r ..]" (+smtp_incomplete_transaction) with
 *	             session_edge: a transaction's end; the pieces of the
 *	             reject log's copy of a refusal after DATA that list
 *	             its recipients ("[3\16] Envelope-to: <r>", "[4\16]
 *	                 <r>", "[8\16]     ...") with listed and piece,
 *	             and the split line's other pieces with listed OTHER
 *	           every other line of the MTA (auth, TLS, DSN, lost
 *	             connections, daemon chatter), queue id and relay kept
 *	             when the line has them
 *
 *	A queue id written "NOQUEUE" (sendmail, Postfix) is no queue id:
 *	the map leaves qid NULL, so that no stage mistakes it for a message.
 */
#ifndef PHISHWATCH_MAILREC_H
#define PHISHWATCH_MAILREC_H

/* The MTA whose rulebase read the line. */
enum mta_kind {
	MTA_NONE = 0, /* no line read */
	MTA_SENDMAIL,
	MTA_POSTFIX,
	MTA_EXIM,
	MTA_KIND_COUNT
};

/* What the line says happened, whatever the MTA's words. */
enum mailrec_kind {
	MAILREC_UNPARSED = 0, /* no MTA line that a rulebase knows */
	MAILREC_CLIENT,       /* a queue id's connecting relay */
	MAILREC_ACCEPTED,     /* a message queued, with its sender */
	MAILREC_DELIVERY,     /* recipients with an outcome */
	MAILREC_REFUSED,      /* a refusal during the SMTP dialogue */
	MAILREC_DISCARDED,    /* a message discarded */
	MAILREC_FINISHED,     /* a queue id that will log nothing more */
	MAILREC_OTHER,        /* any other line of a known MTA */
	MAILREC_KIND_COUNT
};

/* How a DELIVERY ended for its recipients. */
enum mailrec_outcome {
	OUTCOME_NONE = 0, /* not a delivery, or an outcome not known */
	OUTCOME_SENT,     /* delivered (for good) */
	OUTCOME_DEFERRED, /* this attempt failed, will be retried */
	OUTCOME_BOUNCED,  /* failed for good */
	OUTCOME_REJECTED  /* refused with its message after the data,
			   * never tried (sendmail's to= line without
			   * mailer= after "Milter: data, reject=") */
};

/* What a verdict that ends its message says of the recipients that the
 * message had (taken at RCPT: those refused there have lines of their
 * own). */
enum mailrec_rcpts {
	RCPTS_SOME = 0, /* the one it names, maybe more (a discard; a
			 * verdict on the content names the last) */
	RCPTS_ONE,      /* the one it names and no other */
	RCPTS_MANY      /* none named: two or more */
};

/* A piece of the recipient list that a verdict's second copy carries
 * (Exim's reject log copy of a refusal after DATA, in syslog with
 * syslog_duplication: "Envelope-to: <r>", then "    <r>" for each next
 * one up to five, "    ..." when there were more). */
enum mailrec_listed {
	LISTED_NONE = 0, /* no such piece */
	LISTED_FIRST,    /* the list's first recipient */
	LISTED_MORE,     /* one more recipient ("...": one more at least) */
	LISTED_OTHER     /* another piece of a split line, no recipient */
};

/* What a session's close says of its commands (Postfix's disconnect
 * line: "ehlo=1 mail=2 rcpt=1/3 ..."); all 0 when it says nothing. */
struct mailrec_session {
	int told;                 /* 1: the line counts its commands */
	unsigned long mails;      /* MAIL commands taken: its transactions */
	unsigned long rcpts;      /* RCPT commands taken */
	unsigned long rcpt_tries; /* RCPT commands, taken or refused */
};

/* Where in the SMTP dialogue a REFUSED or DISCARDED verdict fell. */
enum mailrec_stage {
	STAGE_NONE = 0, /* not a verdict, or after queueing */
	STAGE_CONNECT,  /* the client connection (or HELO) */
	STAGE_MAIL,     /* MAIL FROM: the sender */
	STAGE_RCPT,     /* RCPT TO: one recipient */
	STAGE_DATA,     /* DATA, the headers or the end of message */
	STAGE_OTHER     /* another check (ETRN, VRFY, TLS, ...) */
};

struct mailrec {
	enum mailrec_kind kind;
	enum mta_kind mta;
	/* syslog header; all NULL for a headerless (%msg%) line */
	const char *timestamp; /* RFC 3164 or RFC 3339 text */
	const char *mta_host;  /* the syslog header's host name */
	const char *program;   /* sm-mta, postfix/qmgr, exim4, ... */
	const char *pid;
	int session_edge;               /* 1: the line opens or closes an SMTP
				 * session of its process (pid), or ends
				 * a transaction (Exim's incomplete
				 * transaction: RSET, QUIT) */
	struct mailrec_session session; /* a session's close: its counts */
	const char *qid; /* the MTA's queue id; never "NOQUEUE" */
	/* the message */
	const char *sender;     /* envelope sender as logged: <a@b>, a@b, <> */
	const char *recipients; /* recipient list as logged, commas */
	const char *size;       /* bytes, as logged */
	const char *nrcpts;     /* accepted recipients, as logged */
	const char *msgid;      /* Message-ID header */
	const char *proto;      /* SMTP, ESMTP, ESMTPS, ... */
	/* the connecting (or, in a DELIVERY, receiving) relay */
	const char *relay_host; /* name as logged, may be absent */
	const char *relay_ip;   /* address as logged (IPv6: prefix kept) */
	int relay_ip_bare;      /* 1: the MTA writes IPv6 without sendmail's
				 * "IPv6:" (Postfix, Exim); a bare one on
				 * sendmail's line is no address */
	int relay_forged;       /* 1: the MTA doubted the name */
	/* DELIVERY */
	enum mailrec_outcome outcome;
	int all_pending;    /* 1: for every recipient of its message with no
			  * final outcome yet, none named (Postfix's qmgr
			  * "from=<s>, status=expired": the queue's time is
			  * up, and no line names the recipients bounced) */
	const char *dsn;    /* e.g. 2.0.0 */
	const char *status; /* the MTA's text: "Sent (...)", "sent (250 ..)" */
	/* REFUSED and DISCARDED */
	enum mailrec_stage stage;
	const char *reason; /* the reply text: "550 5.7.1 ... banned" */
	int may_repeat;     /* 1: the MTA may write this verdict twice
				 * in a row, the same words (Exim's
				 * syslog_duplication): the second counts
				 * nothing */
	int no_message;     /* 1: a verdict on one recipient of a
				 * message whose own ACCEPTED line comes
				 * later and counts it: the recipient
				 * counts, no message of its own */
	int ends_message;   /* 1: a verdict that ends its message,
				 * queue id or not: no ACCEPTED line follows
				 * (Postfix's discards, its refusals at DATA
				 * and of the headers or body) */
	enum mailrec_rcpts rcpts_said; /* ends_message: how many
				 * recipients its message had */
	/* OTHER: a piece of the recipient list of its process's last
	 * verdict, and the piece's place in the line the MTA split */
	enum mailrec_listed listed;
	unsigned long piece;
};

#endif
