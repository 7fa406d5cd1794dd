/*
 * pipeline - one log line through every stage of phishwatch.
 *
 * DESCRIPTION
 *	The data path runs one way:
 *
 *	input -> prefilter -> normalize -> sender -> verdict -> tracking
 *	      -> campaign -> event -> emitter
 *
 *	prefilter.c looks at the raw line (chatter is skipped; the from=
 *	line of an ordinary sender is settled there, by the same sender
 *	gate and verdict as the full path; a check_rcpt reject is taken
 *	apart there for normalize_known()); normalize.c turns the rest into
 *	an MTA-neutral record (mailrec.h; each MTA's words are mapped in
 *	normalize_MTA.c); sender.c passes its hosts and addresses through
 *	the hostname gate; verdict.c says whether the sender is a phish
 *	and what the access map says of it; tracking.c follows a campaign's
 *	message by queue id; campaign.c owns the store transaction (lock
 *	first, event, rows, commit) and turns every failure into a result;
 *	event.c bounds the event's fields; the emitter writes it.
 *
 *	pipeline_line() returns only when the line is fully done (its
 *	event written and flushed, its first-seen row committed), or says
 *	why it is not, so that the omprog loop answers rsyslog truthfully;
 *	a line refused (PIPELINE_RETRY) leaves the tracker, the counters
 *	and the store as they were, so that its next try counts it once.
 *	The parts come in through struct pipeline_parts, which assembly.c
 *	fills (for main, SIGHUP and the fuzz harnesses alike); a SIGHUP
 *	reload swaps the config set there between two lines.
 */
#ifndef PHISHWATCH_PIPELINE_H
#define PHISHWATCH_PIPELINE_H

#include <stddef.h>

#include "config.h"
#include "counters.h"
#include "emitter.h"
#include "result.h"
#include "say.h"
#include "store.h"
#include "tracker.h"

struct pipeline_parts {
	struct config_set *config; /* normalizer, detector, access map */
	struct store *store;
	struct emitter *emitter; /* NULL: count only (--report) */
	struct tracker *tracker; /* queue id correlation */
	struct counters *counters;
	int input_json;          /* lines are mmnormalize JSON */
	time_t summary_interval; /* 0: no campaign-summary events */
	long sender_events;      /* sender-domain events a campaign
					 * gives at most; 0: the default,
					 * CAMPAIGN_SENDER_EVENTS */
	struct say_to say;       /* told of bad lines (main prints) */
};

struct pipeline;

struct pipeline *pipeline_new(const struct pipeline_parts *parts);
void pipeline_free(struct pipeline *pipe);

/* pipeline_line - process line[0..len), no newline; after
 * PIPELINE_RETRY the line counts as a retry only (offer it again) */
enum pipeline_result pipeline_line(struct pipeline *pipe, const char *line,
				   size_t len);

/* pipeline_too_long - a line over limit bytes, skipped by the reader:
 * counted, and warned of as the line of its number */
void pipeline_too_long(struct pipeline *pipe, size_t limit);

/* pipeline_flush - commit batched store work; -1 on failure, and
 * pipeline_error() says what broke, pipeline_status() its exit code */
int pipeline_flush(struct pipeline *pipe);

/*
 * pipeline_set_input - the next lines' input: its name, given in the
 * warnings with the line's number ("FILE:N"; NULL for a stream, whose
 * line numbers no one can look up), and the time that their RFC 3164
 * stamps (no year) are read against: a file's modification time, or 0
 * for the time now (a live stream).
 */
void pipeline_set_input(struct pipeline *pipe, const char *name,
			time_t reference);

/*
 * pipeline_summaries - write a campaign-summary event for each campaign
 * quiet for summary_interval by now (0: the newest log time seen).
 */
enum pipeline_result pipeline_summaries(struct pipeline *pipe, time_t now);

/*
 * pipeline_retry_cause - after PIPELINE_RETRY, what refused the line
 * ("state store", "event output") and, in *why, why ("busy (locked by
 * another process?)", "full (Resource temporarily unavailable)")
 */
const char *pipeline_retry_cause(const struct pipeline *pipe, const char **why);

/* pipeline_status - the sysexits code that a PIPELINE_FATAL deserves */
int pipeline_status(const struct pipeline *pipe);

/* pipeline_error - after PIPELINE_FATAL or a failed pipeline_flush():
 * what broke, for the caller to print (the stages print nothing) */
const char *pipeline_error(const struct pipeline *pipe);

#endif
