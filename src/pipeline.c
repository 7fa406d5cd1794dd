/*
 * pipeline - one log line through every stage (see pipeline.h).
 *
 * DESCRIPTION
 *	Line kinds are dispatched through a table of handlers; kinds that
 *	change nothing have no handler.  The from= handler is the heart of
 *	phishwatch: validate the sender host, ask the detector, skip what
 *	the access map blocks or the store knows, and otherwise write the
 *	first-seen event before committing it to the store.  The other
 *	handlers feed the tracker, which turns to= lines, ruleset verdicts
 *	and discards into counts for the campaign their message belongs to.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "access.h"
#include "hostcache.h"
#include "hostname.h"
#include "logtime.h"
#include "lookalike.h"
#include "msg.h"
#include "pipeline.h"
#include "prefilter.h"

/* Local parts longer than this are not looked up as From:user@host keys. */
#define PIPELINE_LOCAL_MAX 256
/* Room for host<TAB>ERROR:"550 5.7.1 Sender banned" */
#define PIPELINE_SUGGEST_MAX (HOSTNAME_MAX + 64)
/* Time stamps are short; longer ones are not cached. */
#define PIPELINE_STAMP_MAX 48
/* Header fields (host, program, queue id) longer than this are omitted. */
#define PIPELINE_FIELD_MAX 255
/* Sender addresses in events are cut here (RFC 5321 allows 256). */
#define PIPELINE_ADDRESS_MAX 1024
/* More recipients than sendmail's MaxRecipientsPerMessage default. */
#define PIPELINE_NRCPTS_MAX 100000UL
/* Room for why a line was refused ("full (Resource temporarily ...)"). */
#define PIPELINE_WHY_MAX 96

struct pipeline {
	struct pipeline_parts parts;
	struct hostcache *ordinary;	/* hosts lately found no phish, */
	const struct lookalike *ordinary_look;	/* as of this brand index */
	size_t ordinary_brands;		/* and this many brands */
	int status;			/* sysexits code after PIPELINE_FATAL */
	time_t reference;		/* RFC 3164 stamps: 0 = now */
	time_t newest;			/* newest log time seen */
	char stamp[PIPELINE_STAMP_MAX];	/* last stamp parsed, and its time: */
	struct timespec stamp_time;	/* lines of one second share it */
	unsigned long warned_nul;	/* rate limits for warnings */
	unsigned long warned_host;
	unsigned long warned_time;
	unsigned long warned_skew;
	unsigned long warned_mta;
	unsigned long warned_relay;
	const char *retry_what;		/* after PIPELINE_RETRY: what refused */
	char retry_why[PIPELINE_WHY_MAX];	/* and why */
};

/* The hosts and addresses of a line, through the gate (hostname.h):
 * NULL when the line has none, or none that passed. */
struct line_hosts {
	const char *mta;		/* the syslog header's host */
	const char *relay_ip;		/* relay address, canonical */
	const char *relay_host;		/* relay name */
	char mta_buf[HOSTNAME_MAX + 1];
	char ip_buf[HOSTNAME_IP_MAX];
	char relay_buf[HOSTNAME_MAX + 1];
};

/* What the from= handler learns about the sender. */
struct sender {
	const char *address;		/* as logged, brackets removed */
	size_t address_len;
	char local[PIPELINE_LOCAL_MAX + 1];	/* lower-cased; "" if too long */
	char host[HOSTNAME_MAX + 1];
	const char *key;		/* what the store and access line name:
					 * the host, or a lookalike's whole
					 * registrable domain */
};

/* What the access map and the store say of a suspicious sender. */
enum campaign_status {
	CAMPAIGN_FAILED = -1,	/* the store failed */
	CAMPAIGN_BLOCKED,	/* the access map blocks this sender */
	CAMPAIGN_KNOWN,		/* the access map or the store knows it */
	CAMPAIGN_NEW		/* a first-seen event is owed */
};

typedef enum pipeline_result (*pipeline_handler)(struct pipeline *,
						 const struct smlog *,
						 const char *, size_t);

/* pipeline_new - a pipeline over the given parts */
struct pipeline *pipeline_new(const struct pipeline_parts *parts)
{
	struct pipeline *pipe = calloc(1, sizeof(*pipe));

	if (pipe == NULL)
		return NULL;
	pipe->parts = *parts;
	pipe->ordinary = hostcache_new();
	if (pipe->ordinary == NULL) {
		free(pipe);
		return NULL;
	}
	return pipe;
}

/* pipeline_free - release the pipeline (not its parts) */
void pipeline_free(struct pipeline *pipe)
{
	if (pipe == NULL)
		return;
	hostcache_free(pipe->ordinary);
	free(pipe);
}

/* pipeline_status - exit code owed after PIPELINE_FATAL */
int pipeline_status(const struct pipeline *pipe)
{
	return pipe->status;
}

/* pipeline_set_reference - the clock RFC 3164 stamps are read against */
void pipeline_set_reference(struct pipeline *pipe, time_t reference)
{
	pipe->reference = reference;
	pipe->stamp[0] = '\0';
}

/* pipeline_fatal - remember the exit code, report fatal */
static enum pipeline_result pipeline_fatal(struct pipeline *pipe, int status)
{
	pipe->status = status;
	return PIPELINE_FATAL;
}

/* pipeline_retry - a transient failure: what refused the line, and why */
static enum pipeline_result pipeline_retry(struct pipeline *pipe,
					   const char *what, const char *why)
{
	pipe->parts.counters->retries++;
	pipe->retry_what = what;
	snprintf(pipe->retry_why, sizeof(pipe->retry_why), "%s", why);
	return PIPELINE_RETRY;
}

/* pipeline_retry_cause - what refused the last line, and why */
const char *pipeline_retry_cause(const struct pipeline *pipe,
				 const char **why)
{
	*why = pipe->retry_what != NULL ? pipe->retry_why : "";
	return pipe->retry_what != NULL ? pipe->retry_what : "line";
}

/* pipeline_store_failure - a store error: retry when transient */
static enum pipeline_result pipeline_store_failure(struct pipeline *pipe)
{
	if (store_busy(pipe->parts.store))
		return pipeline_retry(pipe, "state store",
				      "busy (locked by another process?)");
	msg_error("state store: %s", store_errmsg(pipe->parts.store));
	return pipeline_fatal(pipe, EX_IOERR);
}

/* pipeline_emit_failure - an event that could not be written */
static enum pipeline_result pipeline_emit_failure(struct pipeline *pipe)
{
	char why[PIPELINE_WHY_MAX];

	if (errno == EAGAIN || errno == ENOBUFS) {
		snprintf(why, sizeof(why), "full (%s)", strerror(errno));
		return pipeline_retry(pipe, "event output", why);
	}
	msg_error("cannot write event: %s", strerror(errno));
	return pipeline_fatal(pipe, EX_IOERR);
}

/* pipeline_split_address - brackets off, local part lower-cased */
static void pipeline_split_address(const char *from, size_t len,
				   struct sender *s)
{
	const char *at;
	size_t local_len;

	if (len >= 2 && from[0] == '<' && from[len - 1] == '>') {
		from++;
		len -= 2;
	}
	s->address = from;
	s->address_len = len;
	s->local[0] = '\0';
	at = memrchr(from, '@', len);
	local_len = at != NULL ? (size_t) (at - from) : 0;
	if (local_len == 0 || local_len > PIPELINE_LOCAL_MAX)
		return;
	for (size_t i = 0; i < local_len; i++)
		s->local[i] = (char) tolower((unsigned char) from[i]);
	s->local[local_len] = '\0';
}

/* pipeline_sender_host - validated sender host, counted when it is not */
static int pipeline_sender_host(struct pipeline *pipe, const char *address,
				struct sender *s)
{
	struct counters *c = pipe->parts.counters;

	pipeline_split_address(address, strlen(address), s);
	switch (hostname_from_address(s->address, s->address_len, s->host)) {
	case HOST_OK:
		c->senders++;
		return 0;
	case HOST_IP_LITERAL:
		c->ip_literals++;
		return -1;
	case HOST_INVALID:
		c->invalid_hosts++;
		msg_warn_limited(&pipe->warned_host,
				 "line %llu: sender host is not a hostname; "
				 "skipped", c->lines);
		return -1;
	default:
		return -1;	/* null sender or a local user */
	}
}

/* pipeline_stamp_time - the time of a stamp; -1 when unreadable */
static int pipeline_stamp_time(struct pipeline *pipe, const char *stamp,
			       time_t now, struct timespec *t)
{
	if (strcmp(stamp, pipe->stamp) == 0) {
		*t = pipe->stamp_time;	/* mktime() is dear; seconds repeat */
		return 0;
	}
	if (logtime_parse(stamp, pipe->reference != 0 ? pipe->reference : now,
			  t) < 0)
		return -1;
	if (strlen(stamp) < sizeof(pipe->stamp)) {
		strcpy(pipe->stamp, stamp);
		pipe->stamp_time = *t;
	}
	return 0;
}

/* pipeline_log_clock - the log's clock, for a line whose own stamp is
 * of no use: the newest time read, or now before the first one */
static void pipeline_log_clock(const struct pipeline *pipe,
			       const struct timespec *now, struct timespec *t)
{
	if (pipe->newest == 0) {
		*t = *now;
		return;
	}
	t->tv_sec = pipe->newest;
	t->tv_nsec = 0;
}

/*
 * pipeline_log_time - the line's time: now when it has no stamp (a live
 * stream's message part); the log's clock when its stamp is unreadable
 * or far from any clock (logtime_far()), counted, so that one bad stamp
 * neither moves that clock nor expires the open messages of a log read
 * later than it was written, nor makes its campaigns look quiet
 */
static void pipeline_log_time(struct pipeline *pipe, const struct smlog *log,
			      struct timespec *t)
{
	struct counters *c = pipe->parts.counters;
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	*t = now;
	if (log->timestamp != NULL) {
		if (pipeline_stamp_time(pipe, log->timestamp, now.tv_sec,
					t) < 0) {
			c->bad_time++;
			msg_warn_limited(&pipe->warned_time, "line %llu: "
					 "unreadable time stamp; using the "
					 "log's clock", c->lines);
			pipeline_log_clock(pipe, &now, t);
			return;
		}
		if (logtime_far(t->tv_sec, pipe->newest, now.tv_sec)) {
			c->clock_skew++;
			msg_warn_limited(&pipe->warned_skew, "line %llu: time "
					 "stamp far from the log's clock and "
					 "the clock; using the log's clock",
					 c->lines);
			pipeline_log_clock(pipe, &now, t);
			return;
		}
	}
	if (t->tv_sec > pipe->newest)
		pipe->newest = t->tv_sec;
}

/* pipeline_valid_or_null - a validated host name, or NULL */
static const char *pipeline_valid_or_null(const char *name,
					  char buf[HOSTNAME_MAX + 1])
{
	if (name == NULL
	    || hostname_normalize(name, strlen(name), buf) != HOST_OK)
		return NULL;
	return buf;
}

/* pipeline_short_or_null - a header field short enough to report */
static const char *pipeline_short_or_null(const char *s)
{
	return s != NULL && strnlen(s, PIPELINE_FIELD_MAX + 1)
			    <= PIPELINE_FIELD_MAX ? s : NULL;
}

/* pipeline_event_address - the sender address for the event, cut at
 * PIPELINE_ADDRESS_MAX with a visible mark (an event must fit a syslog
 * datagram, and a 60 KiB local part is no address anyone needs whole) */
static char *pipeline_event_address(const struct sender *s)
{
	static const char mark[] = "...";
	size_t keep = s->address_len;
	char *address;

	if (keep <= PIPELINE_ADDRESS_MAX)
		return strndup(s->address, keep);
	keep = PIPELINE_ADDRESS_MAX - (sizeof(mark) - 1);
	address = malloc(PIPELINE_ADDRESS_MAX + 1);
	if (address != NULL) {
		memcpy(address, s->address, keep);
		memcpy(address + keep, mark, sizeof(mark));
	}
	return address;
}

/* pipeline_digits_or_null - a pid made of digits only, or NULL */
static const char *pipeline_digits_or_null(const char *s)
{
	if (s == NULL || *s == '\0' || strspn(s, "0123456789") != strlen(s))
		return NULL;
	return s;
}

/* pipeline_mta - the syslog host that logged the line, when it is a
 * host name or an address (into buf), else NULL: counted when invalid */
static const char *pipeline_mta(struct pipeline *pipe, const struct smlog *log,
				char buf[HOSTNAME_MAX + 1])
{
	const char *name = log->hostname;

	if (name == NULL)
		return NULL;
	if (hostname_syslog_host(name, strlen(name), buf) != HOST_INVALID)
		return buf;
	pipe->parts.counters->invalid_fields++;
	msg_warn_limited(&pipe->warned_mta, "line %llu: syslog host is not "
			 "a host name or an address; omitted",
			 pipe->parts.counters->lines);
	return NULL;
}

/* pipeline_relay_ip - the relay address as sendmail writes it (IPv4, or
 * IPv6: and IPv6), canonical into buf, else NULL: counted when invalid.
 * source.ip is an ECS "ip" field: a SIEM drops a whole event whose ip
 * is text, and the store's relays would count one address twice. */
static const char *pipeline_relay_ip(struct pipeline *pipe,
				     const struct smlog *log,
				     char buf[HOSTNAME_IP_MAX])
{
	const char *ip = log->relay_ip;

	if (ip == NULL)
		return NULL;
	if (hostname_relay_ip(ip, strlen(ip), buf) == HOST_IP_LITERAL)
		return buf;
	pipe->parts.counters->invalid_fields++;
	msg_warn_limited(&pipe->warned_relay, "line %llu: relay address is "
			 "not an IP address; omitted",
			 pipe->parts.counters->lines);
	return NULL;
}

/* pipeline_line_hosts - the line's hosts and addresses, through the
 * gate once; a relay name that is no domain ("localhost") is only
 * left out: reverse DNS gives such names, sendmail and syslog do not
 * give such addresses */
static void pipeline_line_hosts(struct pipeline *pipe, const struct smlog *log,
				struct line_hosts *h)
{
	h->mta = pipeline_mta(pipe, log, h->mta_buf);
	h->relay_ip = pipeline_relay_ip(pipe, log, h->ip_buf);
	h->relay_host = pipeline_valid_or_null(log->relay_host, h->relay_buf);
}

/* pipeline_emit - write the first-seen event of a new campaign */
static int pipeline_emit(struct pipeline *pipe, const char *action,
			 const struct smlog *log, const struct line_hosts *h,
			 const struct sender *s, const struct detection *d,
			 const struct tracker_delta *delta, const char *line,
			 size_t len, const struct timespec *when)
{
	char suggest[PIPELINE_SUGGEST_MAX];
	unsigned long long counts[TRACK_COUNTERS];
	struct event ev = { 0 };
	char *address, *original;
	int status = -1;

	if (access_suggest(s->key, suggest, sizeof(suggest)) < 0)
		return -1;
	/* The line lives in the reader's buffer, not NUL-terminated. */
	address = pipeline_event_address(s);
	original = strndup(line, len);
	if (address == NULL || original == NULL)
		goto done;
	for (int i = 0; i < TRACK_COUNTERS; i++)
		counts[i] = delta->n[i];
	ev.action = action;
	ev.log_time = *when;
	ev.sender_address = address;
	ev.qid = pipeline_short_or_null(log->qid);
	ev.source_ip = h->relay_ip;
	ev.source_domain = h->relay_host;
	ev.hostname = h->mta;
	ev.program = pipeline_short_or_null(log->program);
	ev.pid = pipeline_digits_or_null(log->pid);
	ev.sender_host = s->host;
	ev.sender_domain = s->key;
	ev.rule = d->rule;
	ev.phished_domain = d->phished_domain;
	ev.suggested_access = suggest;
	ev.original = original;
	ev.counters = counts;
	status = emitter_write(pipe->parts.emitter, &ev);
done:
	free(address);
	free(original);
	return status;
}

/* pipeline_tracker_stats - the tracker's evictions and expiries */
static void pipeline_tracker_stats(struct pipeline *pipe)
{
	struct tracker_stats st;

	tracker_get_stats(pipe->parts.tracker, &st);
	pipe->parts.counters->queue_evicted = st.evicted;
	pipe->parts.counters->queue_expired = st.expired;
}

/* pipeline_count - add a tracker delta to the store's batch */
static enum pipeline_result pipeline_count(struct pipeline *pipe,
					   const struct tracker_delta *delta,
					   const char *mta, time_t when)
{
	if (store_count(pipe->parts.store, delta, mta, when) < 0)
		return pipeline_store_failure(pipe);
	return PIPELINE_DONE;
}

/* pipeline_tracked - the result of a tracker call, counted if it has counts */
static enum pipeline_result pipeline_tracked(struct pipeline *pipe,
					     const struct smlog *log, int have,
					     const struct tracker_delta *delta,
					     time_t when)
{
	char mta[HOSTNAME_MAX + 1];

	if (have < 0)
		msg_warn("line %llu: out of memory tracking a queue id",
			 pipe->parts.counters->lines);
	pipeline_tracker_stats(pipe);
	if (have <= 0)
		return PIPELINE_DONE;
	return pipeline_count(pipe, delta, pipeline_mta(pipe, log, mta), when);
}

/* pipeline_campaign_status - blocked, known or new (see the enum) */
static enum campaign_status pipeline_campaign_status(struct pipeline *pipe,
						     const struct sender *s,
						     const struct detection *d)
{
	const struct config_set *cfg = pipe->parts.config;
	int known;

	if (access_sender_blocked(cfg->access, s->local[0] ? s->local : NULL,
				  s->host)) {
		pipe->parts.counters->blocked++;
		return CAMPAIGN_BLOCKED;
	}
	if (access_blocks_under(cfg->access, d->phished_domain)) {
		pipe->parts.counters->known++;
		return CAMPAIGN_KNOWN;
	}
	known = store_campaign_known(pipe->parts.store, d->phished_domain);
	if (known < 0)
		return CAMPAIGN_FAILED;
	if (known > 0)
		pipe->parts.counters->known++;
	return known ? CAMPAIGN_KNOWN : CAMPAIGN_NEW;
}

/* pipeline_is_lookalike - the detection came from a lookalike rule */
static int pipeline_is_lookalike(const struct detection *d)
{
	return strncmp(d->rule, "lookalike:", 10) == 0;
}

/* pipeline_detect - lookalike first (it names the brand imitated, even
 * under an odd label), then the label rule */
static int pipeline_detect(struct pipeline *pipe, struct sender *s,
			   struct detection *d)
{
	const struct config_set *cfg = pipe->parts.config;
	size_t brands = lookalike_brand_count(cfg->look);

	/* A reload or a new brand can make an ordinary host suspicious. */
	if (pipe->ordinary_look != cfg->look || pipe->ordinary_brands != brands) {
		hostcache_clear(pipe->ordinary);
		pipe->ordinary_look = cfg->look;
		pipe->ordinary_brands = brands;
	}
	s->key = s->host;
	if (hostcache_has(pipe->ordinary, s->host))
		return 0;
	if (lookalike_check(cfg->look, s->host, d)) {
		s->key = d->registrable;
		return 1;
	}
	if (detector_check(cfg->det, s->host, d))
		return 1;
	hostcache_add(pipe->ordinary, s->host);
	return 0;
}

/*
 * pipeline_event_owed - the action of the event this message owes, or
 * NULL: a new campaign, or a lookalike sender domain not yet seen under
 * a known one (not when the access map already blocks it)
 */
static const char *pipeline_event_owed(struct pipeline *pipe,
				       enum campaign_status status,
				       const struct sender *s,
				       const struct detection *d, int *failed)
{
	int known;

	*failed = 0;
	if (status == CAMPAIGN_NEW)
		return EVENT_ACTION_PHISHED_FIRST;
	if (status != CAMPAIGN_KNOWN || !pipeline_is_lookalike(d))
		return NULL;
	known = store_sender_known(pipe->parts.store, s->key);
	*failed = known < 0;
	return known == 0 ? EVENT_ACTION_SENDER_FIRST : NULL;
}

/* pipeline_campaign_add - a campaign row; its brand joins the index */
static enum pipeline_result pipeline_campaign_add(struct pipeline *pipe,
						  const struct sender *s,
						  const struct detection *d,
						  time_t when)
{
	if (store_campaign_add(pipe->parts.store, d->phished_domain, s->key,
			       d->rule, when) < 0)
		return pipeline_store_failure(pipe);
	if (lookalike_learn_brand(pipe->parts.config->look,
				  d->phished_domain) < 0)
		msg_warn("cannot add %.100s to the brand index: %s",
			 d->phished_domain, strerror(errno));
	return PIPELINE_DONE;
}

/* pipeline_ensure_rows - campaign and sender rows of a message */
static enum pipeline_result pipeline_ensure_rows(struct pipeline *pipe,
						 const struct sender *s,
						 const struct detection *d,
						 time_t when)
{
	struct store *store = pipe->parts.store;
	int known = store_campaign_known(store, d->phished_domain);

	/* New, or known from the access map only: a row all the same. */
	if (known == 0)
		return pipeline_campaign_add(pipe, s, d, when);
	known = known < 0 ? -1 : store_sender_known(store, s->key);
	if (known < 0 || (known == 0 && store_sender_add(store,
				d->phished_domain, s->key, d->rule, when) < 0))
		return pipeline_store_failure(pipe);
	return PIPELINE_DONE;
}

/* pipeline_relay - remember which relay sent the campaign: its address,
 * or its name when it has none (both through the gate) */
static enum pipeline_result pipeline_relay(struct pipeline *pipe,
					   const struct line_hosts *h,
					   const struct detection *d)
{
	const char *relay = h->relay_ip != NULL ? h->relay_ip : h->relay_host;

	if (relay == NULL)
		return PIPELINE_DONE;
	if (store_relay(pipe->parts.store, d->phished_domain, relay) < 0)
		return pipeline_store_failure(pipe);
	return PIPELINE_DONE;
}

/* pipeline_nrcpts - the from= line's recipient count, bounded */
static unsigned long pipeline_nrcpts(const struct smlog *log)
{
	char *end;
	unsigned long n;

	if (log->nrcpts == NULL || !isdigit((unsigned char) log->nrcpts[0]))
		return 0;
	n = strtoul(log->nrcpts, &end, 10);
	return *end == '\0' && n <= PIPELINE_NRCPTS_MAX ? n : 0;
}

/*
 * pipeline_delta_of - what one message line adds, the tracker left as it
 * is (pipeline_attach() moves it once the line is done): the tracker's
 * delta for a from= line, or, for a sender refused at MAIL (no from=
 * line follows), one message with one refused recipient
 */
static void pipeline_delta_of(struct pipeline *pipe, const struct smlog *log,
			      const struct sender *s,
			      const struct detection *d, int refused,
			      time_t when, struct tracker_delta *delta)
{
	int have = 0;

	if (!refused)
		have = tracker_from_peek(pipe->parts.tracker, log->qid,
					 d->phished_domain, s->key,
					 pipeline_nrcpts(log), when, delta);
	if (have > 0)
		return;
	memset(delta, 0, sizeof(*delta));
	delta->phished_domain = d->phished_domain;
	delta->sender_host = s->key;
	/* a from= line seen before is not counted twice */
	delta->n[TRACK_MESSAGES] = have == 0 && log->qid != NULL && !refused
				   ? 0 : 1;
	if (refused) {
		delta->n[TRACK_RECIPIENTS] = 1;
		delta->n[TRACK_REJECTED] = 1;
	}
}

/* pipeline_attach - a from= line is done: its queue id joins the
 * campaign, and the message's later lines count for it */
static void pipeline_attach(struct pipeline *pipe, const struct smlog *log,
			    const struct sender *s, const struct detection *d,
			    time_t when)
{
	struct tracker_delta done;

	if (tracker_from(pipe->parts.tracker, log->qid, d->phished_domain,
			 s->key, pipeline_nrcpts(log), when, &done) < 0)
		msg_warn("line %llu: out of memory tracking a queue id",
			 pipe->parts.counters->lines);
	pipeline_tracker_stats(pipe);
}

/*
 * pipeline_campaign_message - a suspicious sender's from= line, or its
 * MAIL command refused by check_mail (refused)
 */
static enum pipeline_result
pipeline_campaign_message(struct pipeline *pipe, const struct smlog *log,
			  const struct sender *s, const struct detection *d,
			  int refused, const char *line, size_t len)
{
	struct tracker_delta delta = { 0 };
	struct line_hosts hosts;
	struct timespec when;
	enum pipeline_result result;
	enum campaign_status status;
	const char *action;
	int failed;

	/* The lock first: a busy store must not leave an event written, or
	 * the retried line would repeat it.  And the tracker last: a line
	 * refused (store busy after the event's commit, event output full)
	 * and tried again must find it as it was, or its message would
	 * count as a repeated from= line, never counted. */
	if (store_lock(pipe->parts.store) < 0)
		return pipeline_store_failure(pipe);
	status = pipeline_campaign_status(pipe, s, d);
	action = pipeline_event_owed(pipe, status, s, d, &failed);
	if (status == CAMPAIGN_FAILED || failed)
		return pipeline_store_failure(pipe);
	pipeline_log_time(pipe, log, &when);
	pipeline_line_hosts(pipe, log, &hosts);
	pipeline_delta_of(pipe, log, s, d, refused, when.tv_sec, &delta);
	if (action != NULL && pipe->parts.emitter != NULL) {
		if (pipeline_emit(pipe, action, log, &hosts, s, d, &delta,
				  line, len, &when) < 0)
			return pipeline_emit_failure(pipe);
		pipe->parts.counters->events++;
	}
	result = pipeline_ensure_rows(pipe, s, d, when.tv_sec);
	if (result == PIPELINE_DONE)
		result = pipeline_count(pipe, &delta, hosts.mta, when.tv_sec);
	if (result == PIPELINE_DONE)
		result = pipeline_relay(pipe, &hosts, d);
	if (result == PIPELINE_DONE && !refused)
		pipeline_attach(pipe, log, s, d, when.tv_sec);
	return result;
}

/* pipeline_on_from - a from= line: is this the start of a campaign? */
static enum pipeline_result pipeline_on_from(struct pipeline *pipe,
					     const struct smlog *log,
					     const char *line, size_t len)
{
	struct sender s;
	struct detection d;

	if (log->from == NULL)
		return PIPELINE_DONE;
	if (pipeline_sender_host(pipe, log->from, &s) < 0
	    || !pipeline_detect(pipe, &s, &d)) {
		tracker_forget(pipe->parts.tracker, log->qid);
		/* Summaries need the log's clock, ordinary mail moves it. */
		if (pipe->parts.summary_interval > 0) {
			struct timespec when;

			pipeline_log_time(pipe, log, &when);
		}
		return PIPELINE_DONE;
	}
	pipe->parts.counters->suspicious++;
	return pipeline_campaign_message(pipe, log, &s, &d, 0, line, len);
}

/* pipeline_recipients - how many addresses a to= list names */
static unsigned long pipeline_recipients(const char *list)
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

/* pipeline_lock_if_held - the store lock before a line of a campaign's
 * message moves the tracker (see pipeline_campaign_message) */
static int pipeline_lock_if_held(struct pipeline *pipe, const char *qid)
{
	if (qid == NULL
	    || !tracker_holds(pipe->parts.tracker, qid, strlen(qid)))
		return 0;
	return store_lock(pipe->parts.store);
}

/* pipeline_on_to - a to= line: how the message ended for its recipients */
static enum pipeline_result pipeline_on_to(struct pipeline *pipe,
					   const struct smlog *log,
					   const char *line, size_t len)
{
	struct tracker_delta delta;
	struct timespec when;
	int have;

	(void) line;
	(void) len;
	if (log->to == NULL)
		return PIPELINE_DONE;
	if (pipeline_lock_if_held(pipe, log->qid) < 0)
		return pipeline_store_failure(pipe);
	pipeline_log_time(pipe, log, &when);
	have = tracker_to(pipe->parts.tracker, log->qid,
			  tracker_classify(log->stat, log->dsn),
			  pipeline_recipients(log->to), when.tv_sec, &delta);
	return pipeline_tracked(pipe, log, have, &delta, when.tv_sec);
}

/* pipeline_rejected_sender - check_mail refused a suspicious sender */
static enum pipeline_result pipeline_rejected_sender(struct pipeline *pipe,
						     const struct smlog *log,
						     const char *line,
						     size_t len)
{
	struct sender s;
	struct detection d;

	if (log->arg1 == NULL || pipeline_sender_host(pipe, log->arg1, &s) < 0
	    || !pipeline_detect(pipe, &s, &d))
		return PIPELINE_DONE;
	pipe->parts.counters->suspicious++;
	return pipeline_campaign_message(pipe, log, &s, &d, 1, line, len);
}

/* pipeline_on_ruleset - a ruleset verdict: reject or discard */
static enum pipeline_result pipeline_on_ruleset(struct pipeline *pipe,
						const struct smlog *log,
						const char *line, size_t len)
{
	struct tracker_delta delta;
	struct timespec when;
	int have;

	if ((log->reject == NULL && !log->discard) || log->ruleset == NULL)
		return PIPELINE_DONE;
	if (log->reject != NULL && strcmp(log->ruleset, "check_mail") == 0)
		return pipeline_rejected_sender(pipe, log, line, len);
	/* Only a refused RCPT is followed by its message's from= line;
	 * check_relay refuses the connection, and no message follows. */
	if (log->reject != NULL && strcmp(log->ruleset, "check_rcpt") != 0)
		return PIPELINE_DONE;
	if (pipeline_lock_if_held(pipe, log->qid) < 0)
		return pipeline_store_failure(pipe);
	pipeline_log_time(pipe, log, &when);
	if (log->discard)
		have = tracker_discard(pipe->parts.tracker, log->qid, 1,
				       when.tv_sec, &delta);
	else
		have = tracker_reject(pipe->parts.tracker, log->qid,
				      when.tv_sec, &delta);
	return pipeline_tracked(pipe, log, have, &delta, when.tv_sec);
}

/* pipeline_on_discarded - "qid: discarded" */
static enum pipeline_result pipeline_on_discarded(struct pipeline *pipe,
						  const struct smlog *log,
						  const char *line, size_t len)
{
	struct tracker_delta delta;
	struct timespec when;
	int have;

	(void) line;
	(void) len;
	if (pipeline_lock_if_held(pipe, log->qid) < 0)
		return pipeline_store_failure(pipe);
	pipeline_log_time(pipe, log, &when);
	have = tracker_discard(pipe->parts.tracker, log->qid, 0, when.tv_sec,
			       &delta);
	return pipeline_tracked(pipe, log, have, &delta, when.tv_sec);
}

static const pipeline_handler pipeline_handlers[SMLOG_KIND_COUNT] = {
	[SMLOG_FROM] = pipeline_on_from,
	[SMLOG_TO] = pipeline_on_to,
	[SMLOG_RULESET] = pipeline_on_ruleset,
	[SMLOG_DISCARDED] = pipeline_on_discarded,
};

/* pipeline_normalize - raw line or JSON object into *log */
static enum smlog_kind pipeline_normalize(struct pipeline *pipe,
					  const char *line, size_t len,
					  struct smlog *log)
{
	struct normalizer *norm = pipe->parts.config->norm;

	if (pipe->parts.input_json)
		return normalize_json(norm, line, len, log);
	return normalize_line(norm, line, len, log);
}

/*
 * pipeline_fast_skip - 1 when the prefilter's look at the raw line
 * shows that the full parse could change nothing: chatter, the from=
 * line of an ordinary sender (its queue id is forgotten), or a to=
 * line of a message that is no campaign's
 */
static int pipeline_fast_skip(struct pipeline *pipe, const char *line,
			      size_t len)
{
	struct prefilter_hint hint;
	char qid[TRACKER_QID_MAX + 1];
	struct sender s;
	struct detection d;

	switch (prefilter_scan(line, len, &hint)) {
	case PREFILTER_SKIP:
		return 1;
	case PREFILTER_TO:
		return !tracker_holds(pipe->parts.tracker, hint.qid,
				      hint.qid_len);
	case PREFILTER_FROM:
		break;
	default:
		return 0;
	}
	/* Summaries read the clock from every from= line: parse them. */
	if (pipe->parts.summary_interval > 0
	    || hint.qid_len > TRACKER_QID_MAX)
		return 0;
	pipeline_split_address(hint.address, hint.address_len, &s);
	if (hostname_from_address(s.address, s.address_len, s.host) != HOST_OK
	    || pipeline_detect(pipe, &s, &d))
		return 0;
	memcpy(qid, hint.qid, hint.qid_len);
	qid[hint.qid_len] = '\0';
	tracker_forget(pipe->parts.tracker, qid);
	pipe->parts.counters->senders++;
	return 1;
}

/* pipeline_line_once - process one line, counting it */
static enum pipeline_result pipeline_line_once(struct pipeline *pipe,
					       const char *line, size_t len)
{
	struct counters *c = pipe->parts.counters;
	struct smlog log;
	enum smlog_kind kind;

	c->lines++;
	if (memchr(line, '\0', len) != NULL) {
		c->nul_bytes++;
		msg_warn_limited(&pipe->warned_nul,
				 "line %llu: NUL byte in line; skipped",
				 c->lines);
		return PIPELINE_DONE;
	}
	/* JSON input was normalized upstream: the raw words are gone. */
	if (!pipe->parts.input_json && pipeline_fast_skip(pipe, line, len)) {
		c->prefiltered++;
		return PIPELINE_DONE;
	}
	c->sendmail++;
	kind = pipeline_normalize(pipe, line, len, &log);
	if (kind == SMLOG_UNPARSED) {
		c->unparsed++;
		return PIPELINE_DONE;
	}
	c->parsed++;
	if (pipeline_handlers[kind] == NULL)
		return PIPELINE_DONE;
	return pipeline_handlers[kind](pipe, &log, line, len);
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
	const time_t newest = pipe->newest;
	enum pipeline_result result = pipeline_line_once(pipe, line, len);

	/* The handlers change the tracker and the store only when the line
	 * is done; what else a refused try moved is put back here. */
	if (result == PIPELINE_RETRY) {
		unsigned long long retries = c->retries;

		*c = before;
		c->retries = retries;
		pipe->newest = newest;
	}
	return result;
}

/* pipeline_flush - commit the store's open batch */
int pipeline_flush(struct pipeline *pipe)
{
	if (store_commit(pipe->parts.store) < 0) {
		msg_error("state store: %s", store_errmsg(pipe->parts.store));
		return -1;
	}
	return 0;
}

/* pipeline_first_sender - the first host of a comma list, into buf */
static const char *pipeline_first_sender(const char *list, char *buf,
					 size_t size)
{
	size_t n = strcspn(list, ",");

	if (n == 0 || n >= size)
		return NULL;
	memcpy(buf, list, n);
	buf[n] = '\0';
	return buf;
}

/* pipeline_summary_one - the campaign-summary event of one campaign */
static int pipeline_summary_one(const struct store_campaign *c, void *ctx)
{
	struct pipeline *pipe = ctx;
	char sender[HOSTNAME_MAX + 1];
	struct event ev = { 0 };

	ev.action = EVENT_ACTION_SUMMARY;
	ev.log_time.tv_sec = c->last_seen;
	ev.sender_host = pipeline_first_sender(c->senders, sender,
					       sizeof(sender));
	ev.rule = c->rule;
	ev.phished_domain = c->phished_domain;
	ev.counters = c->n;
	if (emitter_write(pipe->parts.emitter, &ev) < 0)
		return pipeline_emit_failure(pipe);
	pipe->parts.counters->summaries++;
	if (store_summarized(pipe->parts.store, c->phished_domain,
			     c->last_seen) < 0)
		return pipeline_store_failure(pipe);
	return PIPELINE_DONE;
}

/* pipeline_summary_owed - stop the walk at the first quiet campaign */
static int pipeline_summary_owed(const struct store_campaign *c, void *ctx)
{
	(void) c;
	(void) ctx;
	return 1;
}

/*
 * pipeline_summaries - summaries of the campaigns that went quiet: the
 * store lock first, as for a line (lock, event, mark, commit), so that
 * a store locked by another process refuses the summary before it is
 * written, not its mark after it, which wrote it again at every try
 */
enum pipeline_result pipeline_summaries(struct pipeline *pipe, time_t now)
{
	struct store *store = pipe->parts.store;
	time_t quiet_before;
	int result;

	if (pipe->parts.summary_interval <= 0 || pipe->parts.emitter == NULL)
		return PIPELINE_DONE;
	if (now == 0)
		now = pipe->newest;
	if (now <= pipe->parts.summary_interval)
		return PIPELINE_DONE;
	quiet_before = now - pipe->parts.summary_interval;
	/* A read first: most ticks owe nothing, and need no write lock. */
	result = store_quiet_campaigns(store, quiet_before,
				       pipeline_summary_owed, NULL);
	if (result == 0)
		return PIPELINE_DONE;
	if (result < 0 || store_lock(store) < 0)
		return pipeline_store_failure(pipe);
	result = store_quiet_campaigns(store, quiet_before,
				       pipeline_summary_one, pipe);
	if (result < 0)
		return pipeline_store_failure(pipe);
	if (result == PIPELINE_DONE && pipeline_flush(pipe) < 0)
		return pipeline_fatal(pipe, EX_IOERR);
	return (enum pipeline_result) result;
}
