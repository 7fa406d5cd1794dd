/*
 * refmsg - what the verdicts of one SMTP process say together: the
 * message they share, and a verdict written twice.
 *
 * DESCRIPTION
 *	A message refused recipient by recipient before it has a queue id
 *	(Postfix's "NOQUEUE: reject: RCPT ...", Exim's "rejected RCPT")
 *	is logged as one verdict line per recipient, and nothing in those
 *	lines names the message.  What ties them together is the process
 *	that wrote them: an smtpd (or Exim's receiving process) serves one
 *	session at a time, so verdicts at RCPT that follow one another in
 *	one process (syslog host, program, pid) with the same sender are
 *	one message's recipients.  The process's message ends at a session
 *	edge (mailrec.h: session_edge) or a line that gives it a queue id
 *	(CLIENT, ACCEPTED).  A line without a pid (a %msg% template, a
 *	mainlog without +pid) belongs to no known process: each of its
 *	verdicts stays a message of its own.
 *
 *	Exim with syslog_duplication (its default) sends a refusal to
 *	syslog twice, once for its main log and once for its reject log,
 *	the same words in a row from the same process; the map marks such
 *	verdicts (mailrec.h: may_repeat), and a verdict with the words of
 *	its process's last one is that copy (refmsg_is_copy()), once.  A
 *	client that repeats the same refused RCPT command in one session
 *	is counted once too, as syslog cannot tell it from the copy.
 *
 *	The reject log's copy of a refusal after DATA (or of the MIME
 *	ACL) goes on with the message's envelope, one syslog piece a
 *	line ("[2\16] Envelope-from: <s>", "[3\16] Envelope-to: <r1>",
 *	"[4\16]     <r2>" .. up to five, "[8\16]     ..." for more),
 *	then its headers: the only place Exim says how many recipients
 *	the refused message had.  The refusal counted one; each piece
 *	after the first recipient that goes on with the list (the next
 *	piece of the split line, in the same process, nothing else of the
 *	process parsed between but the copy) adds one, "..." one more
 *	at least (refmsg_list_adds()).
 *
 *	When some recipients of a message are refused and others taken, the
 *	refusals counted the message before it had a queue id, and its
 *	ACCEPTED line must not count it again (refmsg_counted()): Exim logs
 *	the arrival from the same process, with the same sender; Postfix's
 *	smtpd logs the queue id (CLIENT) and qmgr, another process, the
 *	ACCEPTED line of that queue id.
 *
 *	A run of refusals ends, too, at a recipient it refused already
 *	(but for the copy): a client that starts the same transaction
 *	again after RSET, the commonest retry, refuses the same recipients
 *	again.  Nothing in a refusal's words marks a new transaction, so a
 *	retry of the same sender to other recipients in one session stays
 *	one message with its first (Postfix's disconnect line counts the
 *	session's MAIL commands, but not whose refusals were whose).
 *
 *	What the lines of a Postfix session leave uncounted, its close
 *	tells: smtpd's disconnect line counts the session's transactions
 *	(MAIL commands taken) and its RCPT commands, taken and tried
 *	(mailrec.h: session).  A campaign's verdicts in the session are
 *	kept for it (refmsg_owe()): the messages they counted, the
 *	recipients they refused at RCPT, and those they counted of the
 *	messages that a verdict ended after taking recipients (a discard,
 *	which names one recipient; a refusal at DATA or of the content,
 *	which names one or none).  At the close (refmsg_settle()):
 *
 *	- when every RCPT command of the session was refused, each of them
 *	  a refusal the campaign counted, each transaction refused at
 *	  least one of them: the session had as many of its messages as
 *	  transactions (no more than refusals), though its refusals named
 *	  no transaction (two after RSET, to other recipients, looked one);
 *
 *	- when every transaction of the session was a message the campaign
 *	  counted, the recipients the session took were those of its
 *	  messages that a verdict ended, and what those lines did not name
 *	  is discarded or refused (when they were of one kind).
 *
 *	Neither tells a transaction that tried no RCPT command (MAIL then
 *	RSET or QUIT) from one whose refusals the campaign counted with
 *	another's: both are one more transaction.  A session of two
 *	campaigns, or with mail of other senders besides (its transactions
 *	or recipients, taken or refused), tells nothing of whose were
 *	whose: nothing is added then.  The same recipient refused twice in
 *	one transaction is two messages, and the close takes none away.

 *	The table is small and fixed: a process whose entry was taken by
 *	others meanwhile counts its next verdict as a new message, as if
 *	it had no table.
 */
#ifndef PHISHWATCH_REFMSG_H
#define PHISHWATCH_REFMSG_H

#include <stddef.h>
#include <stdint.h>

#include "hostname.h"
#include "keyindex.h"
#include "mailrec.h"

/* Processes remembered at once: more than the SMTP sessions that a busy
 * MTA refuses recipients in (or, Postfix, takes a message in) at the
 * same moment. */
#define REFMSG_SLOTS 128
_Static_assert(REFMSG_SLOTS * 2 <= KEYINDEX_BUCKETS,
	       "the process index has twice the slots' buckets");
/* Recipients of a run of refusals told apart from a new transaction's:
 * more than a refused client usually tries in one. */
#define REFMSG_RCPTS 8

/* What a campaign's verdicts counted in one SMTP session, for its
 * close (refmsg_settle()). */
struct refmsg_owed {
	int due;   /* 0: nothing kept */
	int mixed; /* 1: verdicts of another campaign too: nothing told */
	char phished[HOSTNAME_MAX + 1];
	char sender_host[HOSTNAME_MAX + 1];
	unsigned long messages; /* messages its verdicts counted */
	unsigned long refused;  /* recipients they refused at RCPT, no
				 * queue id */
	unsigned long taken;    /* recipients they counted of the messages
				 * a verdict ended after taking them */
	unsigned untold;        /* bits 1 << kind: the kinds (DISCARDED,
				 * REFUSED) of such messages whose line
				 * did not name all */
	long runs_taken;        /* runs of refusals whose message went on
				 * to take recipients, less those a
				 * verdict ended: other than 0, some
				 * message took recipients uncounted */
};

/* What one verdict counted, for its session's close. */
struct refmsg_tally {
	unsigned long messages;   /* the message, or 0 */
	unsigned long refused;    /* recipients refused at RCPT */
	unsigned long taken;      /* of a message it ended after taking them */
	enum mailrec_kind untold; /* their kind when it did not name all,
				   * else MAILREC_UNPARSED */
	int ends_run;             /* 1: it ended a message whose run of
				 * refusals its queue id took on */
	int will_take;            /* 1: its message takes a queue id next
				 * (smtpd's DISCARD at RCPT) */
};

/* What a session's close adds to its campaign. */
struct refmsg_due {
	unsigned long messages;   /* transactions not counted */
	unsigned long recipients; /* recipients taken, not counted */
	enum mailrec_kind kind;   /* theirs: DISCARDED or REFUSED */
};

/* Recipients of a refusal after DATA that its list's pieces add at most:
 * Exim lists four after the first, then "..." for any more. */
#define REFMSG_LISTED_MORE 5

/* The recipient list of a refusal after DATA that the pieces after its
 * second copy carry (Exim's reject log, mailrec.h: listed), for the
 * campaign the refusal counted. */
struct refmsg_listing {
	int open;           /* 1: the process's pieces count for it */
	unsigned long next; /* the piece that goes on with the list; 0:
			     * its first not seen yet */
	unsigned more;      /* recipients its pieces added */
	char phished[HOSTNAME_MAX + 1];
	char sender_host[HOSTNAME_MAX + 1];
};

struct refmsg_slot {
	uint64_t message;            /* hash of sender and relay; 0: none */
	uint64_t words;              /* hash of the last verdict's words */
	int copyable;                /* 1: its copy may come next */
	int counted;                 /* 1: a verdict counted the message */
	uint64_t sender;             /* its sender (no <>); 0: none */
	uint64_t qid_sender;         /* and its sender */
	uint64_t client_qid;         /* the queue id of its last CLIENT
					 * line: its session's message */
	uint64_t rcpt[REFMSG_RCPTS]; /* the run's refused recipients */
	unsigned rcpts;              /* how many rcpt holds */
	struct refmsg_owed owed;     /* for the session's close */
	struct refmsg_listing list;  /* its refusal's recipient list */
};

/* A slot's process and queue id are kept apart from the slot, side by
 * side, and indexed (keyindex.h): every line looks them up, most lines
 * several times, and a scan of the slots read a cache line per slot, a
 * scan of the keys some 600 instructions.  A zeroed struct is empty. */
struct refmsg {
	struct refmsg_slot slot[REFMSG_SLOTS];
	uint64_t process[REFMSG_SLOTS]; /* slot i's: hash of host, program,
					 * pid; 0: free */
	uint64_t qid[REFMSG_SLOTS];     /* the queue id a CLIENT line gave
					 * slot i's counted message; 0: none */
	struct keyindex by_process;     /* the slot of each process */
	struct keycount qids;           /* the queue ids in qid */
	struct keycount client_qids;    /* the slots' client_qid */
	unsigned next;                  /* the slot a new process takes */
	unsigned lists;                 /* slots whose list is open */
};

/* A line's process as its header names it, before any parse: each
 * piece's text and length (NULL: the line has none), the values that
 * the line's record would carry in mta_host, program and pid. */
struct refmsg_who {
	const char *host;
	size_t host_len;
	const char *program;
	size_t program_len;
	const char *pid;
	size_t pid_len;
};

/* refmsg_continues - 1: the verdict is another recipient of the message
 * its process's last verdict began (the table left as it is) */
int refmsg_continues(const struct refmsg *r, const struct mailrec *log);

/* refmsg_is_copy - 1: the verdict is the copy of its process's last
 * one (the table left as it is) */
int refmsg_is_copy(const struct refmsg *r, const struct mailrec *log);

/* refmsg_copy_seen - the copy came: a third alike is no copy */
void refmsg_copy_seen(struct refmsg *r, const struct mailrec *log);

/* refmsg_note - a verdict done (counted: 1 when it counted a message):
 * its process's message is its own */
void refmsg_note(struct refmsg *r, const struct mailrec *log, int counted);

/* refmsg_line - any line: a session edge or a CLIENT line ends its
 * process's run of verdicts (a CLIENT line's queue id is the message's
 * its verdicts counted); any but a piece of its list or its refusal's
 * copy closes the list of its refusal after DATA */
void refmsg_line(struct refmsg *r, const struct mailrec *log);

/* refmsg_counted - 1: an ACCEPTED line's message was counted by its
 * refused recipients (the table left as it is) */
int refmsg_counted(const struct refmsg *r, const struct mailrec *log);

/* refmsg_accepted - an ACCEPTED line done, or a verdict that ends its
 * message: its process's run and its queue id are over */
void refmsg_accepted(struct refmsg *r, const struct mailrec *log);

/* refmsg_owe - a verdict of the campaign (phished, sender_host)
 * counted *t: kept for its session's close; the session is the line's
 * process's, or, for a line with a queue id, the process whose CLIENT
 * line gave it */
void refmsg_owe(struct refmsg *r, const struct mailrec *log,
		const char *phished, const char *sender_host,
		const struct refmsg_tally *t);

/* refmsg_owed - what was kept for the session that the line closes,
 * or NULL (the table left as it is) */
const struct refmsg_owed *refmsg_owed(const struct refmsg *r,
				      const struct mailrec *log);

/* refmsg_settle - what the close s adds to o's campaign: 1 and *d
 * when anything, else 0 */
int refmsg_settle(const struct refmsg_owed *o, const struct mailrec_session *s,
		  struct refmsg_due *d);

/* refmsg_paid - the line's process owes nothing more (what
 * refmsg_owed() gave stays readable until the next refmsg_owe()) */
void refmsg_paid(struct refmsg *r, const struct mailrec *log);

/* refmsg_list_open - a refusal after DATA of the campaign (phished,
 * sender_host) counted its message: the pieces that list its
 * recipients may follow its copy */
void refmsg_list_open(struct refmsg *r, const struct mailrec *log,
		      const char *phished, const char *sender_host);

/* refmsg_list_adds - the open list the piece adds one recipient to (its
 * next piece, a recipient after the first), or NULL (the table left as
 * it is) */
const struct refmsg_listing *refmsg_list_adds(const struct refmsg *r,
					      const struct mailrec *log);

/* refmsg_list_piece - the piece done: the list goes on after it, or,
 * when it does not go on with it, is closed (another piece of the split
 * line, which lists no recipient, is passed over before the list's
 * first, and ends it after) */
void refmsg_list_piece(struct refmsg *r, const struct mailrec *log);

/*
 * refmsg_edge_matters - 1: a session edge of who would end its run of
 * verdicts (refmsg_line() would change the table) or close a session
 * whose verdicts were kept for it (refmsg_owed()); a caller may
 * skip the parse of an edge when neither holds
 */
int refmsg_edge_matters(const struct refmsg *r, const struct refmsg_who *who);

/*
 * refmsg_accepted_matters - 1: an ACCEPTED line of who with queue id
 * qid[0..len) would change the table (refmsg_accepted()); a caller may
 * skip the parse of an ordinary sender's line when it would not
 */
int refmsg_accepted_matters(const struct refmsg *r,
			    const struct refmsg_who *who, const char *qid,
			    size_t len);

#endif
