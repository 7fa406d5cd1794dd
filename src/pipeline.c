/*
 * pipeline - one log line through every stage (see pipeline.h).
 *
 * DESCRIPTION
 *	The line-kind table: each kind of struct mailrec is handed to the
 *	stages that it concerns; kinds that change nothing have no
 *	handler.  No handler knows which MTA wrote the line.  An ACCEPTED
 *	line (or a verdict that ends its message: a sender REFUSED at MAIL
 *	or DATA, a refusal or discard with no queue id) goes sender ->
 *	verdict, and when suspicious, under the store lock, campaign_owed
 *	-> event -> campaign_record -> tracking_attach.  A DELIVERY, a
 *	recipient REFUSED at RCPT and a DISCARDED line go to tracking.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign.h"
#include "logclock.h"
#include "normalize_known.h"
#include "pipeline.h"
#include "prefilter.h"
#include "sender.h"
#include "tracking.h"
#include "verdict.h"

struct pipeline {
	struct pipeline_parts parts;
	struct logclock clock;    /* the time of each line */
	struct sender_gate gate;  /* counts what the gate refuses */
	struct campaign camp;     /* the store transaction */
	struct tracking track;    /* a campaign's message lines */
	struct where where;       /* the line, for warnings */
	unsigned long warned_nul; /* rate limits for warnings */
	unsigned long warned_too_long;
};

typedef enum pipeline_result (*pipeline_handler)(struct pipeline *,
						 const struct mailrec *,
						 const char *, size_t);

/* pipeline_new - a pipeline over the given parts */
struct pipeline *pipeline_new(const struct pipeline_parts *parts)
{
	struct pipeline *pipe = calloc(1, sizeof(*pipe));

	if (pipe == NULL)
		return NULL;
	pipe->parts = *parts;
	pipe->where.say = &pipe->parts.say;
	logclock_init(&pipe->clock, parts->counters, &pipe->where);
	pipe->gate.counters = parts->counters;
	pipe->gate.where = &pipe->where;
	pipe->camp.store = parts->store;
	pipe->camp.emitter = parts->emitter;
	pipe->camp.counters = parts->counters;
	pipe->camp.clock = &pipe->clock;
	pipe->camp.summary_interval = parts->summary_interval;
	pipe->camp.sender_events = parts->sender_events > 0
				       ? parts->sender_events
				       : CAMPAIGN_SENDER_EVENTS;
	pipe->track.tracker = parts->tracker;
	pipe->track.camp = &pipe->camp;
	pipe->track.clock = &pipe->clock;
	pipe->track.counters = parts->counters;
	pipe->track.where = &pipe->where;
	return pipe;
}

/* pipeline_free - release the pipeline (not its parts) */
void pipeline_free(struct pipeline *pipe)
{
	free(pipe);
}

/* pipeline_status - exit code owed after PIPELINE_FATAL */
int pipeline_status(const struct pipeline *pipe)
{
	return pipe->camp.status;
}

/* pipeline_error - what broke, after PIPELINE_FATAL or a failed flush */
const char *pipeline_error(const struct pipeline *pipe)
{
	return pipe->camp.error;
}

/* pipeline_set_input - a new input: its name for warnings (NULL: none
 * worth giving) and the clock its RFC 3164 stamps are read against */
void pipeline_set_input(struct pipeline *pipe, const char *name,
			time_t reference)
{
	logclock_set_reference(&pipe->clock, reference);
	where_input(&pipe->where, name, reference);
}

/* pipeline_retry_cause - what refused the last line, and why */
const char *pipeline_retry_cause(const struct pipeline *pipe, const char **why)
{
	return campaign_retry_cause(&pipe->camp, why);
}

/* pipeline_event_source - what the first-seen event is made of */
static void pipeline_event_source(const struct mailrec *log,
				  const struct line_hosts *h,
				  const struct sender *s,
				  const struct detection *d, const char *line,
				  size_t len, struct event_source *src)
{
	memset(src, 0, sizeof(*src));
	src->address = s->address;
	src->address_len = s->address_len;
	src->qid = log->qid;
	src->program = log->program;
	src->pid = log->pid;
	src->mta = h->mta;
	src->mta_kind = log->mta;
	src->relay_ip = h->relay_ip;
	src->relay_host = h->relay_host;
	src->sender_host = s->host;
	src->sender_key = s->key;
	src->detection = d;
	src->line = line;
	src->len = len;
}

/* pipeline_learn - a new campaign's brand joins the index */
static void pipeline_learn(struct pipeline *pipe, const struct detection *d)
{
	if (verdict_learn_brand(pipe->parts.config, d->phished_domain) < 0)
		say_print(&pipe->parts.say, SAY_WARN,
			  "cannot add %.100s to "
			  "the brand index: %s",
			  d->phished_domain, strerror(errno));
}

/* pipeline_event - the event the message owes, if any (lock held) */
static enum pipeline_result
pipeline_event(struct pipeline *pipe, const char *action,
	       const struct mailrec *log, const struct line_hosts *h,
	       const struct sender *s, const char *key,
	       const struct detection *d, const struct tracker_delta *delta,
	       const char *line, size_t len, const struct timespec *when)
{
	struct event_source src;

	if (action == NULL)
		return PIPELINE_DONE;
	pipeline_event_source(log, h, s, d, line, len, &src);
	src.sender_spelled = key; /* the store's: as the sender wrote it */
	src.action = action;
	src.when = *when;
	src.delta = delta;
	src.access = pipe->parts.config->access;
	return campaign_emit(&pipe->camp, &src);
}

/*
 * pipeline_campaign_message - a suspicious sender's ACCEPTED line, or a
 * verdict that ends its message before any ACCEPTED line (verdict:
 * TRACK_REJECTED or TRACK_DISCARDED, see tracking.h).  The lock first: a busy
 * store must not leave an event written, or the retried line would
 * repeat it.  And the tracker last: a line refused and tried again must
 * find it as it was, or its message would count as a repeated ACCEPTED
 * line, never counted.
 */
static enum pipeline_result
pipeline_campaign_message(struct pipeline *pipe, const struct mailrec *log,
			  const struct sender *s, const struct detection *d,
			  int verdict, const char *line, size_t len)
{
	struct tracker_delta delta = {0};
	struct line_hosts h;
	struct timespec when;
	char spelled[HOSTNAME_UTF8_MAX + 1];
	const char *key = sender_store_key(s, spelled);
	enum campaign_access access = verdict_access(pipe->parts.config, s, d);
	enum pipeline_result result = campaign_lock(&pipe->camp);
	const char *action = NULL;
	int added = 0;

	if (result == PIPELINE_DONE)
		result = campaign_owed(&pipe->camp, access, key, d, &action);
	if (result != PIPELINE_DONE)
		return result;
	logclock_of(&pipe->clock, log->timestamp, &when);
	sender_line_hosts(&pipe->gate, log, &h);
	tracking_delta_of(&pipe->track, log, key, d, verdict, when.tv_sec,
			  &delta);
	result = pipeline_event(pipe, action, log, &h, s, key, d, &delta, line,
				len, &when);
	if (result == PIPELINE_DONE)
		result = campaign_record(&pipe->camp, key, d, &delta, h.mta,
					 h.relay_ip != NULL ? h.relay_ip
							    : h.relay_host,
					 when.tv_sec, &added);
	if (added)
		pipeline_learn(pipe, d);
	if (result == PIPELINE_DONE && !verdict)
		tracking_attach(&pipe->track, log, key, d, when.tv_sec);
	else if (result == PIPELINE_DONE)
		tracking_verdict_done(&pipe->track, log, &delta);
	return result;
}

/* pipeline_on_client - the relay of a queue id, kept for its ACCEPTED
 * line (Postfix's client= comes first; its from= names no relay) */
static enum pipeline_result pipeline_on_client(struct pipeline *pipe,
					       const struct mailrec *log,
					       const char *line, size_t len)
{
	struct timespec when;

	(void)line;
	(void)len;
	if (log->qid == NULL || log->relay_ip == NULL)
		return PIPELINE_DONE;
	logclock_of(&pipe->clock, log->timestamp, &when);
	if (tracker_client(pipe->parts.tracker, log->qid, log->relay_ip,
			   when.tv_sec)
	    < 0)
		where_warn(&pipe->where, NULL,
			   "out of memory tracking a queue id");
	return PIPELINE_DONE;
}

/* pipeline_with_relay - a line that names no relay with the one a
 * CLIENT line gave its queue id (in *copy), else the line */
static const struct mailrec *pipeline_with_relay(struct pipeline *pipe,
						 const struct mailrec *log,
						 struct mailrec *copy)
{
	if (log->relay_ip != NULL || log->relay_host != NULL)
		return log;
	*copy = *log;
	copy->relay_ip = tracker_relay(pipe->parts.tracker, log->qid);
	return copy;
}

/* pipeline_on_accepted - a message accepted: is this the start of a
 * campaign?  An ACCEPTED line without a relay takes the one a CLIENT
 * line gave its queue id. */
static enum pipeline_result pipeline_on_accepted(struct pipeline *pipe,
						 const struct mailrec *log,
						 const char *line, size_t len)
{
	struct mailrec with_relay;
	struct sender s;
	struct detection d;

	if (log->sender == NULL)
		return PIPELINE_DONE;
	log = pipeline_with_relay(pipe, log, &with_relay);
	if (sender_check(&pipe->gate, log->sender, &s) < 0
	    || !verdict_of(pipe->parts.config, s.host, &d, &s.key)) {
		tracker_forget(pipe->parts.tracker, log->qid);
		/* Summaries need the log's clock, ordinary mail moves it. */
		if (pipe->parts.summary_interval > 0) {
			struct timespec when;

			logclock_of(&pipe->clock, log->timestamp, &when);
		}
		return PIPELINE_DONE;
	}
	pipe->parts.counters->suspicious++;
	return pipeline_campaign_message(pipe, log, &s, &d, 0, line, len);
}

/* pipeline_refused_sender - a suspicious sender's message ended by a
 * verdict (TRACK_REJECTED, TRACK_DISCARDED) before any ACCEPTED line;
 * one without a relay takes its queue id's (cleanup's verdicts name it
 * in their text only), and an ordinary sender's queue id is dropped */
static enum pipeline_result
pipeline_refused_sender(struct pipeline *pipe, const struct mailrec *log,
			int verdict, const char *line, size_t len)
{
	struct mailrec with_relay;
	struct sender s;
	struct detection d;

	if (log->sender == NULL)
		return PIPELINE_DONE;
	log = pipeline_with_relay(pipe, log, &with_relay);
	if (sender_check(&pipe->gate, log->sender, &s) < 0
	    || !verdict_of(pipe->parts.config, s.host, &d, &s.key)) {
		if (log->qid != NULL && tracking_ends_message(log))
			tracker_forget(pipe->parts.tracker, log->qid);
		return PIPELINE_DONE;
	}
	/* Exim's reject log copy of the verdict it just logged */
	if (tracking_verdict_copy(&pipe->track, log))
		return PIPELINE_DONE;
	pipe->parts.counters->suspicious++;
	return pipeline_campaign_message(pipe, log, &s, &d, verdict, line, len);
}

/* pipeline_counted - a tracked line's counts, if it had any, into the
 * store's batch, under the MTA that logged it (through the gate) */
static enum pipeline_result pipeline_counted(struct pipeline *pipe,
					     const struct mailrec *log,
					     enum pipeline_result result,
					     const struct tracking_count *n)
{
	char mta[HOSTNAME_MAX + 1];

	if (result != PIPELINE_DONE || !n->have)
		return result;
	return campaign_count(&pipe->camp, &n->delta,
			      sender_mta(&pipe->gate, log, mta), n->when);
}

/*
 * pipeline_on_refused - a refusal: at MAIL, of a sender that may be a
 * campaign's; at RCPT, of one recipient of a message that may become
 * one, or, with its sender and no queue id, of a message of its own.
 * A refusal at the connection has no message after it, and the other
 * stages are not counted.
 */
static enum pipeline_result pipeline_on_refused(struct pipeline *pipe,
						const struct mailrec *log,
						const char *line, size_t len)
{
	struct tracking_count n;

	if (log->stage == STAGE_MAIL || tracking_ends_message(log))
		return pipeline_refused_sender(pipe, log, TRACK_REJECTED, line,
					       len);
	if (log->stage != STAGE_RCPT)
		return PIPELINE_DONE;
	return pipeline_counted(pipe, log,
				tracking_refused(&pipe->track, log, &n), &n);
}

/* pipeline_on_delivery - recipients delivered, deferred or bounced */
static enum pipeline_result pipeline_on_delivery(struct pipeline *pipe,
						 const struct mailrec *log,
						 const char *line, size_t len)
{
	struct tracking_count n;

	(void)line;
	(void)len;
	return pipeline_counted(pipe, log,
				tracking_delivery(&pipe->track, log, &n), &n);
}

/* pipeline_on_discarded - a message discarded: with its sender and no
 * queue id, a message of its own; else for the tracker */
static enum pipeline_result pipeline_on_discarded(struct pipeline *pipe,
						  const struct mailrec *log,
						  const char *line, size_t len)
{
	struct tracking_count n;

	if (tracking_ends_message(log))
		return pipeline_refused_sender(pipe, log, TRACK_DISCARDED, line,
					       len);
	return pipeline_counted(pipe, log,
				tracking_discarded(&pipe->track, log, &n), &n);
}

/* pipeline_on_other - a line that opens or closes an SMTP session:
 * what the close of one that discarded a message owes it; a piece of
 * the recipient list of a refusal after DATA: its recipient */
static enum pipeline_result pipeline_on_other(struct pipeline *pipe,
					      const struct mailrec *log,
					      const char *line, size_t len)
{
	struct tracking_count n;

	(void)line;
	(void)len;
	if (log->listed != LISTED_NONE)
		return pipeline_counted(
		    pipe, log, tracking_listed(&pipe->track, log, &n), &n);
	if (!log->session_edge)
		return PIPELINE_DONE;
	return pipeline_counted(
	    pipe, log, tracking_session_end(&pipe->track, log, &n), &n);
}

/* pipeline_on_finished - a message's last line: its queue id is let go
 * (a message whose recipients its ACCEPTED line did not say is held
 * until then) */
static enum pipeline_result pipeline_on_finished(struct pipeline *pipe,
						 const struct mailrec *log,
						 const char *line, size_t len)
{
	(void)line;
	(void)len;
	tracking_finished(&pipe->track, log);
	return PIPELINE_DONE;
}

/* What each kind of line is handed to. */
static const pipeline_handler pipeline_handlers[MAILREC_KIND_COUNT] = {
    [MAILREC_CLIENT] = pipeline_on_client,
    [MAILREC_ACCEPTED] = pipeline_on_accepted,
    [MAILREC_DELIVERY] = pipeline_on_delivery,
    [MAILREC_REFUSED] = pipeline_on_refused,
    [MAILREC_DISCARDED] = pipeline_on_discarded,
    [MAILREC_FINISHED] = pipeline_on_finished,
    [MAILREC_OTHER] = pipeline_on_other,
};

/* pipeline_who - the process the prefilter found in a line's header */
static void pipeline_who(const struct prefilter_hint *hint,
			 struct refmsg_who *who)
{
	who->host = hint->host.len > 0 ? hint->host.text : NULL;
	who->host_len = hint->host.len;
	who->program = hint->program.len > 0 ? hint->program.text : NULL;
	who->program_len = hint->program.len;
	who->pid = hint->pid.len > 0 ? hint->pid.text : NULL;
	who->pid_len = hint->pid.len;
}

/*
 * pipeline_fast_from - 1 when the ACCEPTED line the prefilter found is
 * an ordinary sender's, and its full parse would only forget its queue
 * id (the same gate and verdict as pipeline_on_accepted; a null sender
 * is no sender there either), with no run of verdicts of its process
 * or queue id for tracking_accepted() to end; forgotten here then
 */
static int pipeline_fast_from(struct pipeline *pipe,
			      const struct prefilter_hint *hint)
{
	char qid[TRACKER_QID_MAX + 1];
	struct refmsg_who who;
	struct sender s;
	struct detection d;
	enum host_verdict host;

	/* Summaries read the clock from every from= line: parse them. */
	if (pipe->parts.summary_interval > 0 || hint->qid_len > TRACKER_QID_MAX)
		return 0;
	host = sender_parse(hint->address, hint->address_len, &s);
	if (host != HOST_OK && host != HOST_LOCAL && host != HOST_NONE)
		return 0;
	if (host == HOST_OK
	    && verdict_of(pipe->parts.config, s.host, &d, &s.key))
		return 0;
	pipeline_who(hint, &who);
	if (refmsg_accepted_matters(&pipe->track.refmsg, &who, hint->qid,
				    hint->qid_len))
		return 0;
	if (host == HOST_OK)
		pipe->parts.counters->senders++;
	else if (host == HOST_LOCAL)
		pipe->parts.counters->local_senders++;
	memcpy(qid, hint->qid, hint->qid_len);
	qid[hint->qid_len] = '\0';
	tracker_forget(pipe->parts.tracker, qid);
	return 1;
}

/*
 * pipeline_fast_skip - 1 when the prefilter's look at the raw line
 * shows that the full parse could change nothing: chatter, the from=
 * line of an ordinary sender (pipeline_fast_from), a to= line of a
 * message that is no campaign's, or a session edge of a process with
 * no run of verdicts to end.  The prefilter knows the from= and to=
 * lines of sendmail, Postfix and Exim; everything else takes the full
 * parse (a sendmail from= or to= line that is not skipped is taken
 * apart then, prefilter_detail(), for normalize_known()).
 */
static int pipeline_fast_skip(struct pipeline *pipe, const char *line,
			      size_t len, struct prefilter_hint *hint)
{
	struct refmsg_who who;

	switch (prefilter_scan(line, len, hint)) {
	case PREFILTER_SKIP:
		return 1;
	case PREFILTER_TO:
		if (!tracker_holds(pipe->parts.tracker, hint->qid,
				   hint->qid_len))
			return 1;
		prefilter_detail(line, len, hint);
		return 0;
	case PREFILTER_DONE:
		return !tracker_holds(pipe->parts.tracker, hint->qid,
				      hint->qid_len);
	case PREFILTER_FROM:
		if (pipeline_fast_from(pipe, hint))
			return 1;
		prefilter_detail(line, len, hint);
		return 0;
	case PREFILTER_EDGE:
		pipeline_who(hint, &who);
		return !refmsg_edge_matters(&pipe->track.refmsg, &who);
	default:
		return 0;
	}
}

/* pipeline_normalize - raw line or JSON object into *log; a line the
 * prefilter took apart (hint->known) is made a record of without the
 * rulebase, and any other reuses the prefilter's split of its header */
static enum mailrec_kind pipeline_normalize(struct pipeline *pipe,
					    const char *line, size_t len,
					    const struct prefilter_hint *hint,
					    struct mailrec *log)
{
	struct normalizer *norm = pipe->parts.config->norm;

	if (pipe->parts.input_json)
		return normalize_json(norm, line, len, log);
	if (hint->known != MAILREC_UNPARSED)
		return normalize_known(norm, line, len, hint, log);
	return normalize_line_split(norm, line, len, &hint->split, log);
}

/* pipeline_line_once - process one line, counting it */
static enum pipeline_result pipeline_line_once(struct pipeline *pipe,
					       const char *line, size_t len)
{
	struct counters *c = pipe->parts.counters;
	struct prefilter_hint hint; /* prefilter_scan() empties it */
	struct mailrec log;
	enum mailrec_kind kind;
	enum pipeline_result result;

	c->lines++;
	if (memchr(line, '\0', len) != NULL) {
		c->nul_bytes++;
		where_warn(&pipe->where, &pipe->warned_nul,
			   "NUL byte in line; skipped");
		return PIPELINE_DONE;
	}
	/* JSON input was normalized upstream: the raw words are gone. */
	hint.known = MAILREC_UNPARSED;
	if (!pipe->parts.input_json
	    && pipeline_fast_skip(pipe, line, len, &hint)) {
		c->prefiltered++;
		return PIPELINE_DONE;
	}
	c->to_parse++;
	kind = pipeline_normalize(pipe, line, len, &hint, &log);
	if (kind == MAILREC_UNPARSED) {
		c->unparsed++;
		return PIPELINE_DONE;
	}
	c->parsed++;
	if ((unsigned)log.mta < MTA_KIND_COUNT)
		c->parsed_by[log.mta]++;
	tracking_line(&pipe->track, &log);
	if (pipeline_handlers[kind] == NULL)
		return PIPELINE_DONE;
	pipe->where.log = &log;
	result = pipeline_handlers[kind](pipe, &log, line, len);
	pipe->where.log = NULL; /* the record dies with the line */
	if (result == PIPELINE_DONE && kind == MAILREC_ACCEPTED)
		tracking_accepted(&pipe->track, &log);
	return result;
}

/*
 * pipeline_line - process one line; a line to be offered again counts
 * only as a retry, so that each line is counted once, when it is done
 */
enum pipeline_result pipeline_line(struct pipeline *pipe, const char *line,
				   size_t len)
{
	struct counters *c = pipe->parts.counters;
	const struct counters before = *c;
	const time_t newest = pipe->clock.newest;
	enum pipeline_result result;

	pipe->where.line++;
	result = pipeline_line_once(pipe, line, len);
	/* The stages change the tracker and the store only when the line
	 * is done; what else a refused try moved is put back here. */
	if (result == PIPELINE_RETRY) {
		unsigned long long retries = c->retries;

		*c = before;
		c->retries = retries;
		pipe->clock.newest = newest;
		pipe->where.line--; /* it is offered again */
	}
	return result;
}

/* pipeline_too_long - a line cut off at the reader's limit: counted,
 * said, and numbered, so that the warnings after it name their lines */
void pipeline_too_long(struct pipeline *pipe, size_t limit)
{
	char what[80];

	pipe->where.line++;
	pipe->parts.counters->lines++;
	pipe->parts.counters->too_long++;
	snprintf(what, sizeof(what), "line longer than %zu bytes; skipped",
		 limit);
	where_warn(&pipe->where, &pipe->warned_too_long, what);
}

/* pipeline_flush - commit the store's open batch */
int pipeline_flush(struct pipeline *pipe)
{
	return campaign_flush(&pipe->camp);
}

/* pipeline_summaries - campaign-summary events of quiet campaigns */
enum pipeline_result pipeline_summaries(struct pipeline *pipe, time_t now)
{
	return campaign_summaries(&pipe->camp, now);
}
