/*
 * campaign - store policy for suspicious mail: the one transaction owner.
 *
 * DESCRIPTION
 *	The stage after verdict and tracker.  Every path that writes (a
 *	suspicious sender's message, a counted line of a campaign's
 *	message, a campaign summary) takes the store lock first, through
 *	campaign_lock(), before any event is written: a store locked by
 *	another process refuses the line before its event exists, so that
 *	the line offered again does not write the event twice.  Then, for
 *	a message: campaign_owed() reads what the store knows and says
 *	which event, if any, the message owes; campaign_emit() writes it
 *	(event.h bounds its fields, the emitter writes); campaign_record()
 *	adds the campaign and sender rows, the counts and the relay to the
 *	store's batch; campaign_flush() commits the batch.  Any store or
 *	output failure becomes a result here: PIPELINE_RETRY for a busy
 *	store or a full output (campaign_retry_cause() says which and
 *	why), PIPELINE_FATAL otherwise (camp->status says the exit code,
 *	camp->error what broke: this module prints nothing), for filter
 *	and omprog mode alike.
 */
#ifndef PHISHWATCH_CAMPAIGN_H
#define PHISHWATCH_CAMPAIGN_H

#include <time.h>

#include "counters.h"
#include "detector.h"
#include "emitter.h"
#include "event.h"
#include "logclock.h"
#include "result.h"
#include "store.h"
#include "tracker.h"

/* Sender-domain-first-seen events a campaign gives at most, by default
 * (--max-sender-events). */
#define CAMPAIGN_SENDER_EVENTS 20

/* Room for why a line was refused ("full (Resource temporarily ...)"). */
#define CAMPAIGN_WHY_MAX 96
/* Room for what broke ("state store: " and the store's message). */
#define CAMPAIGN_ERR_MAX 640

/* What the access map says of a suspicious sender (verdict_access()). */
enum campaign_access {
	CAMPAIGN_UNKNOWN,  /* the access map says nothing of it */
	CAMPAIGN_BLOCKED,  /* the access map blocks this sender */
	CAMPAIGN_MAP_KNOWN /* the access map blocks its phished domain */
};

struct campaign {
	struct store *store;
	struct emitter *emitter; /* NULL: count only (--report) */
	struct counters *counters;
	const struct logclock *clock; /* the log's clock, for summaries */
	time_t summary_interval;      /* 0: no campaign-summary events */
	long sender_events;           /* sender-domain-first-seen events a
					 * campaign gives at most */
	int status;                   /* sysexits code after PIPELINE_FATAL */
	const char *retry_what;       /* after PIPELINE_RETRY: what refused */
	char retry_why[CAMPAIGN_WHY_MAX]; /* and why */
	char error[CAMPAIGN_ERR_MAX];     /* after PIPELINE_FATAL or a failed
					 * flush: what broke, for the caller
					 * to print */
};

/* campaign_lock - the store's write lock, before anything is written */
enum pipeline_result campaign_lock(struct campaign *camp);

/*
 * campaign_owed - after campaign_lock(): the action of the event the
 * message of sender key owes in *action, or NULL; counted.  A known
 * campaign's new sender domains owe a sender-domain-first-seen event
 * while it has sender_events or fewer stored (its first one included),
 * one sender-domain-limit-reached event at the next, and none after
 * (counted as sender_events_held): a campaign that rotates thousands of
 * hosts must not flood the events' reader.
 */
enum pipeline_result campaign_owed(struct campaign *camp,
				   enum campaign_access access, const char *key,
				   const struct detection *d,
				   const char **action);

/* campaign_emit - write a first-seen event (no emitter: nothing) */
enum pipeline_result campaign_emit(struct campaign *camp,
				   const struct event_source *src);

/* campaign_record - campaign and sender rows, counts and relay (NULL:
 * none) into the batch; *added set when the campaign is new */
enum pipeline_result campaign_record(struct campaign *camp, const char *key,
				     const struct detection *d,
				     const struct tracker_delta *delta,
				     const char *mta, const char *relay,
				     time_t when, int *added);

/* campaign_count - a tracker delta into the batch (after the lock) */
enum pipeline_result campaign_count(struct campaign *camp,
				    const struct tracker_delta *delta,
				    const char *mta, time_t when);

/* campaign_summaries - a campaign-summary event for each campaign quiet
 * for summary_interval by now (0: the log's clock) */
enum pipeline_result campaign_summaries(struct campaign *camp, time_t now);

/* campaign_flush - commit the batch; -1 with camp->error set */
int campaign_flush(struct campaign *camp);

/* campaign_retry_cause - after PIPELINE_RETRY: what refused, and why */
const char *campaign_retry_cause(const struct campaign *camp, const char **why);

#endif
