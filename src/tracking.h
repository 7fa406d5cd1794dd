/*
 * tracking - the tracker stage: a campaign's message after it is accepted.
 *
 * DESCRIPTION
 *	The stage between verdict and campaign.  A suspicious sender's
 *	ACCEPTED line (sendmail's from=) attaches its queue id to the
 *	campaign (tracking_attach(), once the line is done); the message's
 *	other lines (DELIVERY, a recipient REFUSED at RCPT, DISCARDED) then
 *	become counts for that campaign through the tracker (tracker.h), in
 *	a tracking_count that the caller gives to campaign_count().  It
 *	reads struct mailrec only: the outcome of a delivery and the stage
 *	of a verdict come from normalize, whatever the MTA.  A line of a
 *	campaign's message is a write like any other: the store lock is
 *	taken (campaign_lock()) before the tracker moves, so that a refused
 *	line finds it as it was.  tracking_delta_of() is what a message
 *	line adds, read before the line is done so that its event can show
 *	it, the tracker left as it is.
 */
#ifndef PHISHWATCH_TRACKING_H
#define PHISHWATCH_TRACKING_H

#include <time.h>

#include "campaign.h"
#include "counters.h"
#include "detector.h"
#include "logclock.h"
#include "result.h"
#include "mailrec.h"
#include "refmsg.h"
#include "tracker.h"
#include "where.h"

struct tracking {
	struct tracker *tracker;
	struct campaign *camp;
	struct logclock *clock;
	struct counters *counters;
	const struct where *where; /* the line, for warnings */
	struct refmsg refmsg;      /* verdicts' messages by process */
};

/* What a tracked line adds to its campaign's counts. */
struct tracking_count {
	int have;                   /* 1: the line is a campaign's */
	struct tracker_delta delta; /* its counts */
	time_t when;                /* the line's time */
};

/* tracking_delta_of - what a suspicious sender's line adds; verdict is
 * 0 for an ACCEPTED line, or TRACK_REJECTED or TRACK_DISCARDED for a
 * verdict that ends a message no ACCEPTED line follows (a sender
 * refused at MAIL; Postfix's NOQUEUE rejects and its discards) */
void tracking_delta_of(struct tracking *t, const struct mailrec *log,
		       const char *key, const struct detection *d, int verdict,
		       time_t when, struct tracker_delta *delta);

/* tracking_verdict_copy - 1: the verdict is the second copy of its
 * process's last one (mailrec.h: may_repeat), which counts nothing; a
 * third alike would count again */
int tracking_verdict_copy(struct tracking *t, const struct mailrec *log);

/* tracking_ends_message - 1: a verdict that names its sender and ends
 * its message, no ACCEPTED line after it: one the map marks so
 * (ends_message), a refusal at DATA, queue id or not (the message was
 * received whole and refused), and one with no queue id after the
 * connection (Postfix's NOQUEUE verdicts, Exim's refusals before DATA) */
int tracking_ends_message(const struct mailrec *log);

/* tracking_verdict_done - a verdict's counts (delta) are done: the next
 * verdict of its process may be another recipient of its message; what
 * a verdict that ends its message counted is kept for its session's
 * close (tracking_session_end()); a verdict that ends a message with a
 * queue id ends what was kept for it */
void tracking_verdict_done(struct tracking *t, const struct mailrec *log,
			   const struct tracker_delta *delta);

/* tracking_session_end - a line that opens or closes an SMTP session
 * (session_edge): what the counts of a close (mailrec.h: session) add
 * to the campaign whose verdicts the session's were, the messages and
 * recipients those left uncounted (refmsg.h: refmsg_settle()) */
enum pipeline_result tracking_session_end(struct tracking *t,
					  const struct mailrec *log,
					  struct tracking_count *n);

/* tracking_listed - a piece of the recipient list of its process's
 * refusal after DATA (mailrec.h: listed): one recipient more for the
 * campaign that refusal counted, when it goes on with the list */
enum pipeline_result tracking_listed(struct tracking *t,
				     const struct mailrec *log,
				     struct tracking_count *n);

/* tracking_finished - the MTA's last line of a message (FINISHED): its
 * queue id counts no more */
void tracking_finished(struct tracking *t, const struct mailrec *log);

/* tracking_line - any parsed line: one that ends its process's SMTP
 * session or gives it a queue id ends the message its verdicts share */
void tracking_line(struct tracking *t, const struct mailrec *log);

/* tracking_accepted - an ACCEPTED line is done: a message its refused
 * recipients counted is counted no more */
void tracking_accepted(struct tracking *t, const struct mailrec *log);

/* tracking_attach - an ACCEPTED line is done: its queue id joins the
 * campaign */
void tracking_attach(struct tracking *t, const struct mailrec *log,
		     const char *key, const struct detection *d, time_t when);

/* tracking_delivery - a DELIVERY: how the message ended for its
 * recipients */
enum pipeline_result tracking_delivery(struct tracking *t,
				       const struct mailrec *log,
				       struct tracking_count *n);

/* tracking_refused - a recipient REFUSED at RCPT */
enum pipeline_result tracking_refused(struct tracking *t,
				      const struct mailrec *log,
				      struct tracking_count *n);

/* tracking_discarded - a DISCARDED line: held until the ACCEPTED line
 * when it is a verdict during the dialogue (stage set) */
enum pipeline_result tracking_discarded(struct tracking *t,
					const struct mailrec *log,
					struct tracking_count *n);

#endif
