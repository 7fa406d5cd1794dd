/*
 * tracker - correlate the lines of one message by queue id.
 *
 * DESCRIPTION
 *	A message's story is spread over several lines (struct mailrec
 *	kinds): recipients refused at RCPT (logged BEFORE the message is
 *	accepted: sendmail's check_rcpt rejects come before its from=
 *	line, which then says nrcpts=0), the ACCEPTED line, DELIVERY lines
 *	with each recipient's outcome, a DISCARDED line (after the message
 *	was queued) or a discard verdict during the dialogue.  The tracker
 *	remembers, per queue id, which campaign the message belongs to
 *	(once its ACCEPTED line showed a suspicious sender) and what was
 *	seen before that, and turns each line into counter increments for
 *	the campaign.  The names below say from= for ACCEPTED and to= for
 *	DELIVERY, after sendmail, whose lines they were first.  An MTA that
 *	names the relay on a line of its own before the ACCEPTED one
 *	(Postfix's client=) has it kept here by queue id, too.
 *
 *	Only queue ids that can still matter are kept: a from= line of an
 *	ordinary sender forgets its queue id.  Memory is bounded: at most
 *	cap open queue ids (the least recently used is evicted and counted)
 *	and none older than the window in log time (expired and counted).
 */
#ifndef PHISHWATCH_TRACKER_H
#define PHISHWATCH_TRACKER_H

#include <stddef.h>
#include <time.h>

#include "hostname.h"
#include "mailrec.h"

#define TRACKER_DEFAULT_CAP 100000 /* open queue ids */
#define TRACKER_DEFAULT_WINDOW \
	(5 * 24 * 3600) /* sendmail's queue return time */
#define TRACKER_QID_MAX 32
/* A relay address kept from a client= line: any IPv6 text fits. */
#define TRACKER_RELAY_MAX 63
/* Lines held for a from= line that never came (a connection dropped
 * after a reject) wait no longer than an SMTP session can last. */
#define TRACKER_HELD_WINDOW \
	3600 /* sendmail's are 14; longer ones are not ids */

/* What one line adds to its campaign's counters. */
enum tracker_counter {
	TRACK_MESSAGES,   /* from= lines */
	TRACK_RECIPIENTS, /* accepted (nrcpts) + rejected recipients */
	TRACK_DELIVERED,  /* to= recipients with stat=Sent */
	TRACK_DEFERRED,   /* to= recipients deferred (each attempt) */
	TRACK_BOUNCED,    /* to= recipients failed for good */
	TRACK_REJECTED,   /* recipients refused by a ruleset */
	TRACK_DISCARDED,  /* recipients of a discarded message */
	TRACK_COUNTERS
};

struct tracker_delta {
	const char *phished_domain; /* valid until the next tracker call */
	const char *sender_host;
	unsigned long n[TRACK_COUNTERS];
};

struct tracker_stats {
	unsigned long long open;    /* queue ids held now */
	unsigned long long evicted; /* dropped at the cap */
	unsigned long long expired; /* dropped past the window */
	unsigned long long bad_qid; /* queue ids too long to be real */
};

struct tracker;

struct tracker *tracker_new(size_t cap, time_t window);
void tracker_free(struct tracker *t);

/* The nrcpts of a from= line that says no count and lists no recipient
 * (Exim without log_selector +received_recipients, its default): the
 * message's recipients are counted as their deliveries end, and it is
 * held until its last line (tracker_forget()) or the window ends. */
#define TRACKER_NRCPTS_UNSAID ((unsigned long)-1)

/*
 * tracker_from - a from= line of a suspicious sender: attach qid to the
 * campaign; *out gets the message, its recipients (nrcpts, or
 * TRACKER_NRCPTS_UNSAID) and anything seen before.  Returns 1 when *out
 * holds counts, 0 when not, -1 on error.
 */
int tracker_from(struct tracker *t, const char *qid, const char *phished,
		 const char *sender, unsigned long nrcpts, time_t when,
		 struct tracker_delta *out);

/*
 * tracker_from_peek - what tracker_from() would put into *out now, with
 * the same return value (never -1), changing nothing: for a caller that
 * must show the counts (in an event) before it knows the line is done,
 * and calls tracker_from() only then, so that a line refused and tried
 * again counts its message once.  out's names are phished and sender.
 */
int tracker_from_peek(const struct tracker *t, const char *qid,
		      const char *phished, const char *sender,
		      unsigned long nrcpts, time_t when,
		      struct tracker_delta *out);

/* tracker_holds - 1 when qid[0..len) is an open message of a campaign
 * (its to= lines count); lets the caller skip the others unparsed */
int tracker_holds(const struct tracker *t, const char *qid, size_t len);

/* tracker_held_rejected - the recipients refused under qid before a
 * from= line that did not come yet (0 for none), as at when: what a
 * verdict that ends the message (no from= line follows) counts with
 * it, before it tracker_forget()s qid */
unsigned long tracker_held_rejected(const struct tracker *t, const char *qid,
				    time_t when);

/* tracker_forget - a from= line of an ordinary sender, or the MTA's
 * last line of qid's message (Postfix's "removed", Exim's "Completed"):
 * nothing more of it counts, drop qid */
void tracker_forget(struct tracker *t, const char *qid);

/* tracker_counted - a verdict counted the message of qid (sendmail's
 * check_mail refusal): a from= line that comes later for qid (sendmail
 * 8.17 ends the transaction with one, nrcpts=0) is the same message,
 * no other; held like a refusal before from=.  0, or -1 out of memory */
int tracker_counted(struct tracker *t, const char *qid, time_t when);

/* tracker_reject - a ruleset reject of one recipient (or the sender) */
int tracker_reject(struct tracker *t, const char *qid, time_t when,
		   struct tracker_delta *out);

/*
 * tracker_discard - the message was discarded, counted once per
 * message.  A ruleset "discard" verdict comes before the from= line
 * and is held (held); sendmail's "qid: discarded" comes after it and
 * only completes a message already attached (not held), so that it
 * never leaves an entry behind.
 */
int tracker_discard(struct tracker *t, const char *qid, int held, time_t when,
		    struct tracker_delta *out);

/* The n of tracker_to() for every recipient with no final outcome yet
 * (mailrec.h: all_pending). */
#define TRACKER_RCPTS_PENDING ((unsigned long)-1)

/* tracker_to - a delivery line for n recipients (or
 * TRACKER_RCPTS_PENDING) that ended as outcome (OUTCOME_NONE counts
 * nothing) */
int tracker_to(struct tracker *t, const char *qid, enum mailrec_outcome outcome,
	       unsigned long n, time_t when, struct tracker_delta *out);

/*
 * tracker_client - the relay address of qid, from a line that comes
 * before its from= line and names it there only (Postfix's smtpd
 * client=), held like a reject until the from= line or the held window
 * ends; an address too long to be one is ignored.  0, or -1 when out of
 * memory.
 */
int tracker_client(struct tracker *t, const char *qid, const char *relay,
		   time_t when);

/* tracker_relay - the relay address tracker_client() kept for qid, or
 * NULL; valid until the next tracker call */
const char *tracker_relay(const struct tracker *t, const char *qid);

void tracker_get_stats(const struct tracker *t, struct tracker_stats *s);

#endif
