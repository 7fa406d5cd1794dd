/*
 * tracking - the tracker stage (see tracking.h).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "tracking.h"

/* More recipients than sendmail's MaxRecipientsPerMessage default. */
#define TRACKING_NRCPTS_MAX 100000UL

/* tracking_count_list - the addresses of a recipient list as logged
 * (blanks or commas between them), bounded */
static unsigned long tracking_count_list(const char *list)
{
	unsigned long n = 0;
	int in_word = 0;

	for (const char *p = list; *p != '\0' && n <= TRACKING_NRCPTS_MAX;
	     p++) {
		int sep = *p == ' ' || *p == ',' || *p == '\t';

		if (!sep && !in_word)
			n++;
		in_word = !sep;
	}
	return n <= TRACKING_NRCPTS_MAX ? n : 0;
}

/* tracking_nrcpts - the ACCEPTED line's recipient count, bounded: the
 * count the MTA logged, or the recipients it listed (Exim logs a list
 * with +received_recipients, no count), or TRACKER_NRCPTS_UNSAID when
 * it did neither (Exim's default) */
static unsigned long tracking_nrcpts(const struct mailrec *log)
{
	char *end;
	unsigned long n;

	if (log->nrcpts == NULL)
		return log->recipients != NULL
			   ? tracking_count_list(log->recipients)
			   : TRACKER_NRCPTS_UNSAID;
	if (!isdigit((unsigned char)log->nrcpts[0]))
		return 0;
	n = strtoul(log->nrcpts, &end, 10);
	return *end == '\0' && n <= TRACKING_NRCPTS_MAX ? n : 0;
}

/* tracking_stats - the tracker's evictions and expiries */
static void tracking_stats(struct tracking *t)
{
	struct tracker_stats st;

	tracker_get_stats(t->tracker, &st);
	t->counters->queue_evicted = st.evicted;
	t->counters->queue_expired = st.expired;
	t->counters->queue_bad_qid = st.bad_qid;
}

/* tracking_ends_message - a verdict that names its sender and ends its
 * message: no ACCEPTED line follows (see tracking.h) */
int tracking_ends_message(const struct mailrec *log)
{
	if (log->sender == NULL)
		return 0;
	if (log->ends_message
	    || (log->kind == MAILREC_REFUSED && log->stage == STAGE_DATA))
		return 1;
	return log->qid == NULL && log->stage != STAGE_NONE
	       && log->stage != STAGE_CONNECT;
}

/* tracking_said - the recipients a verdict counts of its own: the one
 * it names, or two when it names none of more (mailrec.h) */
static unsigned long tracking_said(const struct mailrec *log)
{
	return log->rcpts_said == RCPTS_MANY ? 2 : 1;
}

/* tracking_ended - what a verdict that ends a message with a queue id
 * adds besides its own recipient: those refused under the queue id
 * before it, and no message when refusals before the queue id counted
 * it already */
static void tracking_ended(struct tracking *t, const struct mailrec *log,
			   time_t when, struct tracker_delta *delta)
{
	unsigned long held = tracker_held_rejected(t->tracker, log->qid, when);

	delta->n[TRACK_RECIPIENTS] += held;
	delta->n[TRACK_REJECTED] += held;
	if (refmsg_counted(&t->refmsg, log))
		delta->n[TRACK_MESSAGES] = 0;
}

/*
 * tracking_delta_of - what one message line adds, the tracker left as
 * it is (tracking_attach() moves it once the line is done): the
 * tracker's delta for an ACCEPTED line, or, for a verdict that ends a
 * message no ACCEPTED line follows, one message with one recipient,
 * refused or discarded (verdict)
 */
void tracking_delta_of(struct tracking *t, const struct mailrec *log,
		       const char *key, const struct detection *d, int verdict,
		       time_t when, struct tracker_delta *delta)
{
	int have = 0;

	if (!verdict)
		have =
		    tracker_from_peek(t->tracker, log->qid, d->phished_domain,
				      key, tracking_nrcpts(log), when, delta);
	if (have > 0) {
		/* its refused recipients counted the message already */
		if (refmsg_counted(&t->refmsg, log))
			delta->n[TRACK_MESSAGES] = 0;
		return;
	}
	memset(delta, 0, sizeof(*delta));
	delta->phished_domain = d->phished_domain;
	delta->sender_host = key;
	/* an ACCEPTED line seen before is not counted twice */
	delta->n[TRACK_MESSAGES] =
	    have == 0 && log->qid != NULL && !verdict ? 0 : 1;
	if (verdict == TRACK_REJECTED || verdict == TRACK_DISCARDED) {
		delta->n[TRACK_RECIPIENTS] = tracking_said(log);
		delta->n[verdict] = tracking_said(log);
	}
	/* a verdict on a recipient whose message a later ACCEPTED line
	 * counts, or the next recipient of the message the process's last
	 * verdict counted (mailrec.h) */
	if (verdict && (log->no_message || refmsg_continues(&t->refmsg, log)))
		delta->n[TRACK_MESSAGES] = 0;
	if (verdict && log->qid != NULL && tracking_ends_message(log))
		tracking_ended(t, log, when, delta);
}

/* tracking_verdict_copy - the copy of the process's last verdict */
int tracking_verdict_copy(struct tracking *t, const struct mailrec *log)
{
	if (!refmsg_is_copy(&t->refmsg, log))
		return 0;
	refmsg_copy_seen(&t->refmsg, log);
	return 1;
}

/* tracking_tally - what a verdict that ends its message counted, as
 * its session's close reads it (refmsg.h): 0 for one the close knows
 * nothing of (a refusal at MAIL, whose transaction never began) */
static int tracking_tally(const struct mailrec *log,
			  const struct tracker_delta *delta,
			  struct refmsg_tally *t)
{
	int rcpt = log->stage == STAGE_RCPT && log->qid == NULL;

	memset(t, 0, sizeof(*t));
	t->messages = delta->n[TRACK_MESSAGES];
	if (log->no_message
	    || (log->kind == MAILREC_REFUSED && log->stage != STAGE_DATA
		&& !rcpt))
		return 0;
	if (log->kind == MAILREC_REFUSED && rcpt) {
		t->refused = delta->n[TRACK_REJECTED];
		return 1;
	}
	/* a message that took recipients: a discard (smtpd's at RCPT
	 * before its queue id), or a refusal at DATA */
	t->taken = tracking_said(log);
	if (log->rcpts_said != RCPTS_ONE)
		t->untold = log->kind;
	t->ends_run = log->qid != NULL && t->messages == 0;
	t->will_take = rcpt;
	return 1;
}

/* tracking_mail_refused - a sender refused at MAIL under a queue id
 * (sendmail's check_mail) counted its message: the from= line that
 * sendmail 8.17 logs for that queue id after it (nrcpts=0) is the same
 * message (tracker_counted()); older logs have none, and the verdict
 * alone counts it */
static void tracking_mail_refused(struct tracking *t, const struct mailrec *log,
				  const struct tracker_delta *delta)
{
	struct timespec when;

	if (log->qid == NULL || log->kind != MAILREC_REFUSED
	    || log->stage != STAGE_MAIL || delta->n[TRACK_MESSAGES] == 0)
		return;
	logclock_of(t->clock, log->timestamp, &when);
	if (tracker_counted(t->tracker, log->qid, when.tv_sec) < 0)
		where_warn(t->where, NULL, "out of memory tracking a queue id");
}

/* tracking_verdict_done - the verdict's message is its process's; what
 * it counted is kept for its session's close; one that ends a message
 * with a queue id ends what was kept for it */
void tracking_verdict_done(struct tracking *t, const struct mailrec *log,
			   const struct tracker_delta *delta)
{
	struct refmsg_tally tally;

	refmsg_note(&t->refmsg, log, delta->n[TRACK_MESSAGES] > 0);
	/* Exim's reject log may list the refused message's recipients */
	if (log->kind == MAILREC_REFUSED && log->stage == STAGE_DATA
	    && delta->n[TRACK_REJECTED] > 0)
		refmsg_list_open(&t->refmsg, log, delta->phished_domain,
				 delta->sender_host);
	if (!tracking_ends_message(log)) {
		tracking_mail_refused(t, log, delta);
		return;
	}
	if (tracking_tally(log, delta, &tally))
		refmsg_owe(&t->refmsg, log, delta->phished_domain,
			   delta->sender_host, &tally);
	if (log->qid != NULL) {
		tracker_forget(t->tracker, log->qid);
		refmsg_accepted(&t->refmsg, log);
	}
}

/* tracking_count_for - n made ready for counts of the campaign of
 * phished (sender host host) at log's time, once the campaign may be
 * written to (else the reason to wait, n untouched) */
static enum pipeline_result tracking_count_for(struct tracking *t,
					       const struct mailrec *log,
					       const char *phished,
					       const char *host,
					       struct tracking_count *n)
{
	enum pipeline_result result = campaign_lock(t->camp);
	struct timespec when;

	if (result != PIPELINE_DONE)
		return result;
	logclock_of(t->clock, log->timestamp, &when);
	n->when = when.tv_sec;
	memset(&n->delta, 0, sizeof(n->delta));
	n->delta.phished_domain = phished;
	n->delta.sender_host = host;
	return PIPELINE_DONE;
}

/* tracking_session_end - a session's close (or start): what its counts
 * tell that its campaign's verdicts left uncounted */
enum pipeline_result tracking_session_end(struct tracking *t,
					  const struct mailrec *log,
					  struct tracking_count *n)
{
	const struct refmsg_owed *o = refmsg_owed(&t->refmsg, log);
	struct refmsg_due due;

	n->have = 0;
	if (o == NULL)
		return PIPELINE_DONE;
	if (refmsg_settle(o, &log->session, &due)) {
		enum pipeline_result result =
		    tracking_count_for(t, log, o->phished, o->sender_host, n);

		if (result != PIPELINE_DONE)
			return result;
		n->delta.n[TRACK_MESSAGES] = due.messages;
		n->delta.n[TRACK_RECIPIENTS] = due.recipients;
		n->delta.n[due.kind == MAILREC_DISCARDED ? TRACK_DISCARDED
							 : TRACK_REJECTED] =
		    due.recipients;
		n->have = 1;
	}
	refmsg_paid(&t->refmsg, log);
	return PIPELINE_DONE;
}

/* tracking_listed - one recipient more of a refusal after DATA */
enum pipeline_result tracking_listed(struct tracking *t,
				     const struct mailrec *log,
				     struct tracking_count *n)
{
	const struct refmsg_listing *l = refmsg_list_adds(&t->refmsg, log);

	n->have = 0;
	if (l != NULL) {
		enum pipeline_result result =
		    tracking_count_for(t, log, l->phished, l->sender_host, n);

		if (result != PIPELINE_DONE)
			return result;
		n->delta.n[TRACK_RECIPIENTS] = 1;
		n->delta.n[TRACK_REJECTED] = 1;
		n->have = 1;
	}
	refmsg_list_piece(&t->refmsg, log);
	return PIPELINE_DONE;
}

/* tracking_finished - FINISHED: the queue id is let go */
void tracking_finished(struct tracking *t, const struct mailrec *log)
{
	tracker_forget(t->tracker, log->qid);
	tracking_stats(t);
}

/* tracking_line - a session edge or a queue id ends the process's run
 * of verdicts */
void tracking_line(struct tracking *t, const struct mailrec *log)
{
	refmsg_line(&t->refmsg, log);
}

/* tracking_accepted - an ACCEPTED line done */
void tracking_accepted(struct tracking *t, const struct mailrec *log)
{
	refmsg_accepted(&t->refmsg, log);
}

/* tracking_attach - the message's later lines count for the campaign */
void tracking_attach(struct tracking *t, const struct mailrec *log,
		     const char *key, const struct detection *d, time_t when)
{
	struct tracker_delta done;

	if (tracker_from(t->tracker, log->qid, d->phished_domain, key,
			 tracking_nrcpts(log), when, &done)
	    < 0)
		where_warn(t->where, NULL, "out of memory tracking a queue id");
	tracking_stats(t);
}

/* tracking_lock_if_held - the store lock before a line of a campaign's
 * message moves the tracker (a refused line must find it as it was) */
static enum pipeline_result tracking_lock_if_held(struct tracking *t,
						  const char *qid)
{
	if (qid == NULL || !tracker_holds(t->tracker, qid, strlen(qid)))
		return PIPELINE_DONE;
	return campaign_lock(t->camp);
}

/* tracking_done - the tracker's answer (have: 1 counts owed, 0 none,
 * -1 out of memory) into *n */
static enum pipeline_result tracking_done(struct tracking *t, int have,
					  struct tracking_count *n)
{
	if (have < 0)
		where_warn(t->where, NULL, "out of memory tracking a queue id");
	tracking_stats(t);
	n->have = have > 0;
	return PIPELINE_DONE;
}

/* tracking_begin - the lock if the message is a campaign's, then the
 * line's time */
static enum pipeline_result tracking_begin(struct tracking *t,
					   const struct mailrec *log,
					   struct tracking_count *n)
{
	enum pipeline_result locked = tracking_lock_if_held(t, log->qid);
	struct timespec when;

	n->have = 0;
	if (locked != PIPELINE_DONE)
		return locked;
	logclock_of(t->clock, log->timestamp, &when);
	n->when = when.tv_sec;
	return PIPELINE_DONE;
}

/* tracking_recipients - how many addresses a recipient list names */
static unsigned long tracking_recipients(const char *list)
{
	unsigned long n = 1;
	int depth = 0;
	int quoted = 0;

	for (const char *p = list; *p != '\0'; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && *p == '<')
			depth++;
		else if (!quoted && *p == '>' && depth > 0)
			depth--;
		else if (!quoted && depth == 0 && *p == ',')
			n++;
	}
	return n;
}

/* tracking_delivery - a DELIVERY: how the message ended for its
 * recipients */
enum pipeline_result tracking_delivery(struct tracking *t,
				       const struct mailrec *log,
				       struct tracking_count *n)
{
	enum pipeline_result result;

	n->have = 0;
	if (log->recipients == NULL && !log->all_pending)
		return PIPELINE_DONE;
	result = tracking_begin(t, log, n);
	if (result != PIPELINE_DONE)
		return result;
	return tracking_done(
	    t,
	    tracker_to(t->tracker, log->qid, log->outcome,
		       log->all_pending ? TRACKER_RCPTS_PENDING
					: tracking_recipients(log->recipients),
		       n->when, &n->delta),
	    n);
}

/* tracking_refused - a recipient refused at RCPT, for the message */
enum pipeline_result tracking_refused(struct tracking *t,
				      const struct mailrec *log,
				      struct tracking_count *n)
{
	enum pipeline_result result = tracking_begin(t, log, n);

	if (result != PIPELINE_DONE)
		return result;
	return tracking_done(
	    t, tracker_reject(t->tracker, log->qid, n->when, &n->delta), n);
}

/* tracking_discarded - a DISCARDED: a verdict during the dialogue
 * (its stage set) is held until the message's ACCEPTED line; one
 * after queueing only completes a message already attached */
enum pipeline_result tracking_discarded(struct tracking *t,
					const struct mailrec *log,
					struct tracking_count *n)
{
	enum pipeline_result result = tracking_begin(t, log, n);

	if (result != PIPELINE_DONE)
		return result;
	return tracking_done(t,
			     tracker_discard(t->tracker, log->qid,
					     log->stage != STAGE_NONE, n->when,
					     &n->delta),
			     n);
}
