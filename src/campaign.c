/*
 * campaign - store policy, the one transaction owner (see campaign.h).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "campaign.h"

/* campaign_fatal - remember the exit code, report fatal */
static enum pipeline_result campaign_fatal(struct campaign *camp, int status)
{
	camp->status = status;
	return PIPELINE_FATAL;
}

/* campaign_retry - a transient failure: what refused the line, and why */
static enum pipeline_result campaign_retry(struct campaign *camp,
					   const char *what, const char *why)
{
	camp->counters->retries++;
	camp->retry_what = what;
	snprintf(camp->retry_why, sizeof(camp->retry_why), "%s", why);
	return PIPELINE_RETRY;
}

/* campaign_retry_cause - what refused the last line, and why */
const char *campaign_retry_cause(const struct campaign *camp, const char **why)
{
	*why = camp->retry_what != NULL ? camp->retry_why : "";
	return camp->retry_what != NULL ? camp->retry_what : "line";
}

/*
 * campaign_store_status - the exit code a lasting store failure owes:
 * damage is found where a lookup reads, no longer all at open (73, as
 * at open); out of memory is the system's failure, not the disk's (71,
 * sysexits' EX_OSERR); anything else is an I/O error (74)
 */
static int campaign_store_status(const struct campaign *camp)
{
	if (store_corrupt(camp->store))
		return EX_CANTCREAT;
	return store_nomem(camp->store) ? EX_OSERR : EX_IOERR;
}

/* campaign_store_failure - a store error: retry when transient */
static enum pipeline_result campaign_store_failure(struct campaign *camp)
{
	if (store_busy(camp->store))
		return campaign_retry(camp, "state store",
				      "busy (locked by another process?)");
	snprintf(camp->error, sizeof(camp->error), "state store: %s",
		 store_errmsg(camp->store));
	return campaign_fatal(camp, campaign_store_status(camp));
}

/* campaign_emit_failure - an event that could not be written */
static enum pipeline_result campaign_emit_failure(struct campaign *camp)
{
	if (errno == EAGAIN || errno == ENOBUFS) {
		char why[CAMPAIGN_WHY_MAX];

		snprintf(why, sizeof(why), "full (%s)", strerror(errno));
		return campaign_retry(camp, "event output", why);
	}
	snprintf(camp->error, sizeof(camp->error), "cannot write event: %s",
		 strerror(errno));
	/* An event that could not be made for want of memory: 71, as for
	 * the store; the line is not done either way. */
	return campaign_fatal(camp, errno == ENOMEM ? EX_OSERR : EX_IOERR);
}

/* campaign_lock - the lock first, on every path that writes */
enum pipeline_result campaign_lock(struct campaign *camp)
{
	if (store_lock(camp->store) < 0)
		return campaign_store_failure(camp);
	return PIPELINE_DONE;
}

/* campaign_sender_owed - a new sender domain of a known campaign: an
 * event while the campaign has sender_events or fewer stored, the limit
 * event at the next, then none; the count stops past the limit, so that
 * a flood of hosts costs no more per line than the limit does */
static enum pipeline_result campaign_sender_owed(struct campaign *camp,
						 const struct detection *d,
						 const char **action)
{
	long max = camp->sender_events;
	long stored =
	    store_sender_count(camp->store, d->phished_domain, max + 2);

	if (stored < 0)
		return campaign_store_failure(camp);
	if (stored <= max)
		*action = EVENT_ACTION_SENDER_FIRST;
	else if (stored == max + 1)
		*action = EVENT_ACTION_SENDER_LIMIT;
	else
		camp->counters->sender_events_held++;
	return PIPELINE_DONE;
}

/*
 * campaign_owed - a new campaign owes a phished-domain event; a sender
 * host (label rule) or lookalike domain not yet seen under a known
 * campaign owes a sender-domain event, once: blocking the host that
 * the first event named must not leave the campaign's next host
 * (complains.marriott.com after emalsrv.marriott.com) delivered
 * without a word; a sender the access map blocks owes none
 */
enum pipeline_result campaign_owed(struct campaign *camp,
				   enum campaign_access access, const char *key,
				   const struct detection *d,
				   const char **action)
{
	int known = 1;

	*action = NULL;
	if (access == CAMPAIGN_BLOCKED) {
		camp->counters->blocked++;
		return PIPELINE_DONE;
	}
	if (access != CAMPAIGN_MAP_KNOWN) {
		known = store_campaign_known(camp->store, d->phished_domain);
		if (known < 0)
			return campaign_store_failure(camp);
	}
	if (!known) {
		*action = EVENT_ACTION_PHISHED_FIRST;
		return PIPELINE_DONE;
	}
	camp->counters->known++;
	known = store_sender_known(camp->store, key);
	if (known < 0)
		return campaign_store_failure(camp);
	return known == 0 ? campaign_sender_owed(camp, d, action)
			  : PIPELINE_DONE;
}

/* campaign_emit - the event, before the store's rows (lock held) */
enum pipeline_result campaign_emit(struct campaign *camp,
				   const struct event_source *src)
{
	if (camp->emitter == NULL)
		return PIPELINE_DONE;
	if (event_first_seen(camp->emitter, src) < 0)
		return campaign_emit_failure(camp);
	camp->counters->events++;
	return PIPELINE_DONE;
}

/* campaign_rows - campaign and sender rows of a message */
static enum pipeline_result campaign_rows(struct campaign *camp,
					  const char *key,
					  const struct detection *d,
					  time_t when, int *added)
{
	struct store *store = camp->store;
	int known = store_campaign_known(store, d->phished_domain);

	/* New, or known from the access map only: a row all the same. */
	if (known == 0) {
		if (store_campaign_add(store, d->phished_domain, key, d->rule,
				       when)
		    < 0)
			return campaign_store_failure(camp);
		*added = 1;
		return PIPELINE_DONE;
	}
	known = known < 0 ? -1 : store_sender_known(store, key);
	if (known < 0
	    || (known == 0
		&& store_sender_add(store, d->phished_domain, key, d->rule,
				    when)
		       < 0))
		return campaign_store_failure(camp);
	return PIPELINE_DONE;
}

/* campaign_record - rows, counts, then which relay sent it */
enum pipeline_result campaign_record(struct campaign *camp, const char *key,
				     const struct detection *d,
				     const struct tracker_delta *delta,
				     const char *mta, const char *relay,
				     time_t when, int *added)
{
	enum pipeline_result result;

	*added = 0;
	result = campaign_rows(camp, key, d, when, added);
	if (result == PIPELINE_DONE)
		result = campaign_count(camp, delta, mta, when);
	if (result != PIPELINE_DONE || relay == NULL)
		return result;
	if (store_relay(camp->store, d->phished_domain, relay) < 0)
		return campaign_store_failure(camp);
	return PIPELINE_DONE;
}

/* campaign_count - add a tracker delta to the store's batch */
enum pipeline_result campaign_count(struct campaign *camp,
				    const struct tracker_delta *delta,
				    const char *mta, time_t when)
{
	if (store_count(camp->store, delta, mta, when) < 0)
		return campaign_store_failure(camp);
	return PIPELINE_DONE;
}

/* campaign_flush - commit the store's open batch; on failure the exit
 * code it owes is in camp->status */
int campaign_flush(struct campaign *camp)
{
	if (store_commit(camp->store) < 0) {
		snprintf(camp->error, sizeof(camp->error), "state store: %s",
			 store_errmsg(camp->store));
		camp->status = campaign_store_status(camp);
		return -1;
	}
	return 0;
}

/* campaign_summary_one - the summary of one campaign, then its mark */
static int campaign_summary_one(const struct store_campaign *c, void *ctx)
{
	struct campaign *camp = ctx;

	if (event_summary(camp->emitter, c) < 0)
		return campaign_emit_failure(camp);
	camp->counters->summaries++;
	if (store_summarized(camp->store, c->phished_domain, c->last_seen) < 0)
		return campaign_store_failure(camp);
	return PIPELINE_DONE;
}

/* campaign_summary_owed - stop the walk at the first quiet campaign */
static int campaign_summary_owed(const struct store_campaign *c, void *ctx)
{
	(void)c;
	(void)ctx;
	return 1;
}

/*
 * campaign_summaries - summaries of the campaigns that went quiet: the
 * store lock first, as for a line (lock, event, mark, commit), so that
 * a store locked by another process refuses the summary before it is
 * written, not its mark after it, which wrote it again at every try
 */
enum pipeline_result campaign_summaries(struct campaign *camp, time_t now)
{
	struct store *store = camp->store;
	enum pipeline_result locked;
	time_t quiet_before;
	int result;

	if (camp->summary_interval <= 0 || camp->emitter == NULL)
		return PIPELINE_DONE;
	if (now == 0)
		now = camp->clock->newest;
	if (now <= camp->summary_interval)
		return PIPELINE_DONE;
	quiet_before = now - camp->summary_interval;
	/* A read first: most ticks owe nothing, and need no write lock. */
	result = store_quiet_campaigns(store, quiet_before,
				       campaign_summary_owed, NULL);
	if (result == 0)
		return PIPELINE_DONE;
	if (result < 0)
		return campaign_store_failure(camp);
	locked = campaign_lock(camp);
	if (locked != PIPELINE_DONE)
		return locked;
	result = store_quiet_campaigns(store, quiet_before,
				       campaign_summary_one, camp);
	if (result < 0)
		return campaign_store_failure(camp);
	if (result == PIPELINE_DONE && campaign_flush(camp) < 0)
		return PIPELINE_FATAL; /* camp->status says which */
	return (enum pipeline_result)result;
}
