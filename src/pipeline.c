/*
 * pipeline - one log line through every stage (see pipeline.h).
 *
 * DESCRIPTION
 *	Line kinds are dispatched through a table of handlers; kinds that
 *	change nothing have no handler.  The from= handler is the heart of
 *	phishwatch: validate the sender host, ask the detector, skip what
 *	the access map blocks or the store knows, and otherwise write the
 *	first-seen event before committing it to the store.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "access.h"
#include "hostname.h"
#include "logtime.h"
#include "msg.h"
#include "pipeline.h"
#include "prefilter.h"

/* Local parts longer than this are not looked up as From:user@host keys. */
#define PIPELINE_LOCAL_MAX 256
/* Room for host<TAB>ERROR:"550 5.7.1 Sender banned" */
#define PIPELINE_SUGGEST_MAX (HOSTNAME_MAX + 64)

struct pipeline {
	struct pipeline_parts parts;
	int status;			/* sysexits code after PIPELINE_FATAL */
	unsigned long warned_nul;	/* rate limits for warnings */
	unsigned long warned_host;
	unsigned long warned_time;
};

/* What the from= handler learns about the sender. */
struct sender {
	const char *address;		/* as logged, brackets removed */
	size_t address_len;
	char local[PIPELINE_LOCAL_MAX + 1];	/* lower-cased; "" if too long */
	char host[HOSTNAME_MAX + 1];
};

typedef enum pipeline_result (*pipeline_handler)(struct pipeline *,
						 const struct smlog *,
						 const char *, size_t);

/* pipeline_new - a pipeline over the given parts */
struct pipeline *pipeline_new(const struct pipeline_parts *parts)
{
	struct pipeline *pipe = calloc(1, sizeof(*pipe));

	if (pipe != NULL)
		pipe->parts = *parts;
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
	return pipe->status;
}

/* pipeline_fatal - remember the exit code, report fatal */
static enum pipeline_result pipeline_fatal(struct pipeline *pipe, int status)
{
	pipe->status = status;
	return PIPELINE_FATAL;
}

/* pipeline_store_failure - a store error: retry when transient */
static enum pipeline_result pipeline_store_failure(struct pipeline *pipe)
{
	if (store_busy(pipe->parts.store)) {
		pipe->parts.counters->retries++;
		return PIPELINE_RETRY;
	}
	msg_error("state store: %s", store_errmsg(pipe->parts.store));
	return pipeline_fatal(pipe, EX_IOERR);
}

/* pipeline_split_address - brackets off, local part lower-cased */
static void pipeline_split_address(const char *from, struct sender *s)
{
	size_t len = strlen(from);
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
static int pipeline_sender_host(struct pipeline *pipe, const struct smlog *log,
				struct sender *s)
{
	struct counters *c = pipe->parts.counters;

	pipeline_split_address(log->from, s);
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

/* pipeline_log_time - the line's time, or now when it has none */
static void pipeline_log_time(struct pipeline *pipe, const struct smlog *log,
			      struct timespec *t)
{
	clock_gettime(CLOCK_REALTIME, t);
	if (log->timestamp == NULL)
		return;
	if (logtime_parse(log->timestamp, t->tv_sec, t) < 0) {
		pipe->parts.counters->bad_time++;
		msg_warn_limited(&pipe->warned_time,
				 "line %llu: unreadable time stamp; using now",
				 pipe->parts.counters->lines);
	}
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

/* pipeline_digits_or_null - a pid made of digits only, or NULL */
static const char *pipeline_digits_or_null(const char *s)
{
	if (s == NULL || *s == '\0' || strspn(s, "0123456789") != strlen(s))
		return NULL;
	return s;
}

/* pipeline_emit - write the first-seen event of a new campaign */
static int pipeline_emit(struct pipeline *pipe, const struct smlog *log,
			 const struct sender *s, const struct detection *d,
			 const char *line, size_t len,
			 const struct timespec *when)
{
	char address[PIPELINE_LOCAL_MAX + HOSTNAME_MAX + 2];
	char relay[HOSTNAME_MAX + 1];
	char suggest[PIPELINE_SUGGEST_MAX];
	const char *ip = log->relay_ip;
	struct event ev = { 0 };
	char *original;
	int status;

	if (access_suggest(s->host, suggest, sizeof(suggest)) < 0)
		return -1;
	/* The line lives in the reader's buffer, not NUL-terminated. */
	original = strndup(line, len);
	if (original == NULL)
		return -1;
	if (ip != NULL && strncmp(ip, "IPv6:", 5) == 0)
		ip += 5;
	snprintf(address, sizeof(address), "%.*s",
		 (int) (s->address_len < sizeof(address) - 1
			? s->address_len : sizeof(address) - 1), s->address);
	ev.action = EVENT_ACTION_PHISHED_FIRST;
	ev.log_time = *when;
	ev.sender_address = address;
	ev.qid = log->qid;
	ev.source_ip = ip;
	ev.source_domain = pipeline_valid_or_null(log->relay_host, relay);
	ev.hostname = log->hostname;
	ev.program = log->program;
	ev.pid = pipeline_digits_or_null(log->pid);
	ev.sender_host = s->host;
	ev.rule = d->rule;
	ev.phished_domain = d->phished_domain;
	ev.suggested_access = suggest;
	ev.original = original;
	status = emitter_write(pipe->parts.emitter, &ev);
	free(original);
	return status;
}

/* pipeline_new_campaign - event out and flushed, then the row committed */
static enum pipeline_result
pipeline_new_campaign(struct pipeline *pipe, const struct smlog *log,
		      const struct sender *s, const struct detection *d,
		      const char *line, size_t len)
{
	struct timespec when;

	pipeline_log_time(pipe, log, &when);
	if (pipeline_emit(pipe, log, s, d, line, len, &when) < 0) {
		if (errno == EAGAIN || errno == ENOBUFS) {
			pipe->parts.counters->retries++;
			return PIPELINE_RETRY;
		}
		msg_error("cannot write event: %s", strerror(errno));
		return pipeline_fatal(pipe, EX_IOERR);
	}
	pipe->parts.counters->events++;
	if (store_campaign_add(pipe->parts.store, d->phished_domain, s->host,
			       d->rule, when.tv_sec) < 0)
		return pipeline_store_failure(pipe);
	return PIPELINE_DONE;
}

/* pipeline_known_campaign - count a message of a stored campaign */
static enum pipeline_result
pipeline_known_campaign(struct pipeline *pipe, const struct smlog *log,
			const struct sender *s, const struct detection *d)
{
	struct timespec when;
	int known_sender;

	pipe->parts.counters->known++;
	pipeline_log_time(pipe, log, &when);
	known_sender = store_sender_known(pipe->parts.store, s->host);
	if (known_sender < 0)
		return pipeline_store_failure(pipe);
	if (!known_sender
	    && store_sender_add(pipe->parts.store, d->phished_domain, s->host,
				d->rule, when.tv_sec) < 0)
		return pipeline_store_failure(pipe);
	if (store_seen(pipe->parts.store, d->phished_domain, s->host,
		       when.tv_sec) < 0)
		return pipeline_store_failure(pipe);
	return PIPELINE_DONE;
}

/* pipeline_on_from - a from= line: is this the start of a campaign? */
static enum pipeline_result pipeline_on_from(struct pipeline *pipe,
					     const struct smlog *log,
					     const char *line, size_t len)
{
	const struct config_set *cfg = pipe->parts.config;
	struct sender s;
	struct detection d;
	int known;

	if (log->from == NULL || pipeline_sender_host(pipe, log, &s) < 0)
		return PIPELINE_DONE;
	if (!detector_check(cfg->det, s.host, &d))
		return PIPELINE_DONE;
	pipe->parts.counters->suspicious++;
	if (access_sender_blocked(cfg->access, s.local[0] ? s.local : NULL,
				  s.host)) {
		pipe->parts.counters->blocked++;
		return PIPELINE_DONE;
	}
	if (access_blocks_under(cfg->access, d.phished_domain)) {
		pipe->parts.counters->known++;
		return PIPELINE_DONE;
	}
	known = store_campaign_known(pipe->parts.store, d.phished_domain);
	if (known < 0)
		return pipeline_store_failure(pipe);
	if (known)
		return pipeline_known_campaign(pipe, log, &s, &d);
	return pipeline_new_campaign(pipe, log, &s, &d, line, len);
}

static const pipeline_handler pipeline_handlers[SMLOG_KIND_COUNT] = {
	[SMLOG_FROM] = pipeline_on_from,
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

/* pipeline_line - process one line */
enum pipeline_result pipeline_line(struct pipeline *pipe, const char *line,
				   size_t len)
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
	if (!pipe->parts.input_json && !prefilter_may_matter(line, len)) {
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

/* pipeline_flush - commit the store's open batch */
int pipeline_flush(struct pipeline *pipe)
{
	if (store_commit(pipe->parts.store) < 0) {
		msg_error("state store: %s", store_errmsg(pipe->parts.store));
		return -1;
	}
	return 0;
}
