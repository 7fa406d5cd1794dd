/*
 * tracker - correlate one message's lines by queue id (see tracker.h).
 *
 * DESCRIPTION
 *	Entries live in a strmap by queue id and on one of two doubly
 *	linked lists in order of last use, oldest first, so that eviction
 *	at the cap and expiry past a window both take from a head in O(1):
 *	entries still held for their from= line (an hour at most: sendmail
 *	writes it when the SMTP session ends), and the messages of
 *	campaigns (the queue's return time).  The
 *	campaign of an entry is an interned, reference-counted (phished
 *	domain, sender host) pair shared by all messages of one sender.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "tracker.h"

struct tracker_sender {
	char phished[HOSTNAME_MAX + 1];
	char host[HOSTNAME_MAX + 1];
	unsigned long refs;
};

struct tracker_entry {
	struct tracker_entry *prev, *next; /* least recently used first */
	struct tracker_sender *sender;     /* NULL until the from= line */
	time_t touched;                    /* log time of the last line */
	unsigned long nrcpts;
	unsigned long awaiting;         /* recipients with no final stat */
	unsigned long pending_rejected; /* seen before from= */
	unsigned char discard_pending;  /* seen before from= */
	unsigned char discard_counted;
	unsigned char message_counted; /* by a verdict before from= */
	unsigned char unsaid;          /* from= gave no recipient count */
	char qid[TRACKER_QID_MAX + 1];
	char relay[TRACKER_RELAY_MAX + 1]; /* a client= line's, or "" */
};

/* Entries in order of last use, oldest first. */
struct tracker_list {
	struct tracker_entry *oldest, *newest;
};

struct tracker {
	struct strmap *by_qid;
	struct strmap *senders;
	struct tracker_list held;      /* no from= line yet */
	struct tracker_list attached;  /* a campaign's messages */
	struct tracker_sender *pinned; /* named by the last delta handed out */
	size_t cap;
	time_t window;
	struct tracker_stats stats;
};

/* tracker_new - empty tracker */
struct tracker *tracker_new(size_t cap, time_t window)
{
	struct tracker *t = calloc(1, sizeof(*t));

	if (t == NULL)
		return NULL;
	t->cap = cap > 0 ? cap : 1;
	t->window = window;
	t->by_qid = strmap_new(1024);
	t->senders = strmap_new(64);
	if (t->by_qid == NULL || t->senders == NULL) {
		tracker_free(t);
		return NULL;
	}
	return t;
}

/* tracker_free - release everything */
void tracker_free(struct tracker *t)
{
	if (t == NULL)
		return;
	strmap_free(t->by_qid, free);
	strmap_free(t->senders, free);
	free(t);
}

/* tracker_list_of - the list e is on: held until its from= line */
static struct tracker_list *tracker_list_of(struct tracker *t,
					    const struct tracker_entry *e)
{
	return e->sender != NULL ? &t->attached : &t->held;
}

/* tracker_unlink - take e off its use list */
static void tracker_unlink(struct tracker *t, struct tracker_entry *e)
{
	struct tracker_list *list = tracker_list_of(t, e);

	if (e->prev != NULL)
		e->prev->next = e->next;
	else
		list->oldest = e->next;
	if (e->next != NULL)
		e->next->prev = e->prev;
	else
		list->newest = e->prev;
	e->prev = e->next = NULL;
}

/* tracker_append - put e at the newest end of its list */
static void tracker_append(struct tracker *t, struct tracker_entry *e)
{
	struct tracker_list *list = tracker_list_of(t, e);

	e->prev = list->newest;
	e->next = NULL;
	if (list->newest != NULL)
		list->newest->next = e;
	else
		list->oldest = e;
	list->newest = e;
}

/* tracker_release - drop one reference to an interned sender */
static void tracker_release(struct tracker *t, struct tracker_sender *s)
{
	if (s == NULL || --s->refs > 0)
		return;
	free(strmap_del(t->senders, s->host));
}

/* tracker_drop - remove an entry entirely */
static void tracker_drop(struct tracker *t, struct tracker_entry *e)
{
	tracker_unlink(t, e);
	strmap_del(t->by_qid, e->qid);
	tracker_release(t, e->sender);
	free(e);
	t->stats.open--;
}

/* tracker_expire_list - drop a list's entries idle past window */
static void tracker_expire_list(struct tracker *t, struct tracker_list *list,
				time_t window, time_t when)
{
	while (list->oldest != NULL && list->oldest->touched + window < when) {
		tracker_drop(t, list->oldest);
		t->stats.expired++;
	}
}

/* tracker_expire - drop entries idle past their window, in log time */
static void tracker_expire(struct tracker *t, time_t when)
{
	tracker_expire_list(t, &t->held, TRACKER_HELD_WINDOW, when);
	tracker_expire_list(t, &t->attached, t->window, when);
}

/* tracker_evict - make room at the cap: held entries go first */
static void tracker_evict(struct tracker *t)
{
	struct tracker_entry *victim =
	    t->held.oldest != NULL ? t->held.oldest : t->attached.oldest;

	tracker_drop(t, victim);
	t->stats.evicted++;
}

/* tracker_qid_real - 1 for a queue id that can be real */
static int tracker_qid_real(const char *qid)
{
	return qid != NULL && *qid != '\0'
	       && strnlen(qid, TRACKER_QID_MAX + 1) <= TRACKER_QID_MAX;
}

/* tracker_qid_ok - 1 for a queue id that can be real, else counted */
static int tracker_qid_ok(struct tracker *t, const char *qid)
{
	if (tracker_qid_real(qid))
		return 1;
	t->stats.bad_qid++;
	return 0;
}

/*
 * tracker_live - the entry of qid as tracker_lookup() at when would find
 * it, changing nothing: NULL when there is none, or when the expiry that
 * comes first would drop it (tracker_expire_list() takes from the oldest
 * end for as long as the entries there are idle past their window)
 */
static const struct tracker_entry *tracker_live(const struct tracker *t,
						const char *qid, time_t when)
{
	const struct tracker_entry *e = strmap_get(t->by_qid, qid);
	const struct tracker_entry *x;
	time_t window;

	if (e == NULL)
		return NULL;
	window = e->sender != NULL ? t->window : TRACKER_HELD_WINDOW;
	x = e->sender != NULL ? t->attached.oldest : t->held.oldest;
	for (; x != NULL && x->touched + window < when; x = x->next)
		if (x == e)
			return NULL;
	return e;
}

/* tracker_lookup - the entry of qid, touched; created when create */
static struct tracker_entry *tracker_lookup(struct tracker *t, const char *qid,
					    time_t when, int create)
{
	struct tracker_entry *e;

	tracker_expire(t, when);
	e = strmap_get(t->by_qid, qid);
	if (e != NULL) {
		tracker_unlink(t, e);
		tracker_append(t, e);
		if (when > e->touched)
			e->touched = when;
		return e;
	}
	if (!create)
		return NULL;
	if (t->stats.open >= t->cap)
		tracker_evict(t);
	e = calloc(1, sizeof(*e));
	if (e == NULL)
		return NULL;
	strcpy(e->qid, qid);
	e->touched = when;
	if (strmap_put(t->by_qid, e->qid, e, NULL) < 0) {
		free(e);
		return NULL;
	}
	tracker_append(t, e);
	t->stats.open++;
	return e;
}

/* tracker_intern - the shared (phished, sender) pair, one more reference */
static struct tracker_sender *
tracker_intern(struct tracker *t, const char *phished, const char *host)
{
	struct tracker_sender *s = strmap_get(t->senders, host);

	if (s == NULL) {
		s = calloc(1, sizeof(*s));
		if (s == NULL)
			return NULL;
		snprintf(s->phished, sizeof(s->phished), "%s", phished);
		snprintf(s->host, sizeof(s->host), "%s", host);
		if (strmap_put(t->senders, s->host, s, NULL) < 0) {
			free(s);
			return NULL;
		}
	}
	s->refs++;
	return s;
}

/* tracker_delta_for - an empty delta naming e's campaign */
static void tracker_delta_for(const struct tracker_entry *e,
			      struct tracker_delta *out)
{
	memset(out, 0, sizeof(*out));
	out->phished_domain = e->sender->phished;
	out->sender_host = e->sender->host;
}

/*
 * tracker_done_if_complete - a message whose every recipient has a
 * final outcome, or that was discarded, will log nothing more: drop it
 * now rather than hold it until the window ends (keeps memory flat).
 * The caller has already copied what it needs from the entry.
 */
static void tracker_done_if_complete(struct tracker *t, struct tracker_entry *e)
{
	if (e->sender == NULL
	    || ((e->awaiting > 0 || e->unsaid) && !e->discard_counted))
		return;
	/* The caller's delta names this sender: keep it until next call. */
	e->sender->refs++;
	t->pinned = e->sender;
	tracker_drop(t, e);
}

/* tracker_unpin - the previous delta is spent: let its sender go */
static void tracker_unpin(struct tracker *t)
{
	struct tracker_sender *s = t->pinned;

	t->pinned = NULL;
	tracker_release(t, s);
}

/*
 * tracker_begin - the start of every call about one line: the previous
 * delta is spent, and the entry of qid (created when create), or NULL
 * with *status 0 (no usable queue id, counted) or -1 (out of memory)
 */
static struct tracker_entry *tracker_begin(struct tracker *t, const char *qid,
					   time_t when, int create, int *status)
{
	struct tracker_entry *e = NULL;

	tracker_unpin(t);
	*status = 0;
	if (tracker_qid_ok(t, qid)) {
		e = tracker_lookup(t, qid, when, create);
		if (e == NULL && create)
			*status = -1;
	}
	return e;
}

/* tracker_from_counts - what a from= line adds, given what its entry
 * (NULL: none yet) holds from the lines before it */
static void tracker_from_counts(const struct tracker_entry *e,
				unsigned long nrcpts, struct tracker_delta *out)
{
	unsigned long rejected = e != NULL ? e->pending_rejected : 0;

	if (nrcpts == TRACKER_NRCPTS_UNSAID)
		nrcpts = 0; /* counted as their deliveries end */
	out->n[TRACK_MESSAGES] = e != NULL && e->message_counted ? 0 : 1;
	out->n[TRACK_RECIPIENTS] = nrcpts + rejected;
	out->n[TRACK_REJECTED] = rejected;
	if (e != NULL && e->discard_pending && !e->discard_counted)
		out->n[TRACK_DISCARDED] = nrcpts;
}

/* tracker_from - attach a message to its campaign */
int tracker_from(struct tracker *t, const char *qid, const char *phished,
		 const char *sender, unsigned long nrcpts, time_t when,
		 struct tracker_delta *out)
{
	int status;
	struct tracker_entry *e = tracker_begin(t, qid, when, 1, &status);

	if (e == NULL)
		return status;
	if (e->sender != NULL)
		return 0;     /* a repeated from= line: counted once */
	tracker_unlink(t, e); /* from the held list... */
	e->sender = tracker_intern(t, phished, sender);
	tracker_append(t, e); /* ...to the attached one */
	if (e->sender == NULL)
		return -1;
	e->unsaid = nrcpts == TRACKER_NRCPTS_UNSAID;
	e->nrcpts = e->unsaid ? 0 : nrcpts;
	tracker_delta_for(e, out);
	tracker_from_counts(e, nrcpts, out);
	if (e->discard_pending)
		e->discard_counted = 1;
	e->pending_rejected = 0;
	e->awaiting = e->nrcpts;
	tracker_done_if_complete(t, e);
	return 1;
}

/* tracker_from_peek - tracker_from()'s counts, nothing changed */
int tracker_from_peek(const struct tracker *t, const char *qid,
		      const char *phished, const char *sender,
		      unsigned long nrcpts, time_t when,
		      struct tracker_delta *out)
{
	const struct tracker_entry *e;

	if (!tracker_qid_real(qid))
		return 0;
	e = tracker_live(t, qid, when);
	if (e != NULL && e->sender != NULL)
		return 0;
	memset(out, 0, sizeof(*out));
	out->phished_domain = phished;
	out->sender_host = sender;
	tracker_from_counts(e, nrcpts, out);
	return 1;
}

/* tracker_holds - an attached entry exists for qid */
int tracker_holds(const struct tracker *t, const char *qid, size_t len)
{
	const struct tracker_entry *e = strmap_getn(t->by_qid, qid, len);

	return e != NULL && e->sender != NULL;
}

/* tracker_held_rejected - the refusals held for qid's from= line */
unsigned long tracker_held_rejected(const struct tracker *t, const char *qid,
				    time_t when)
{
	const struct tracker_entry *e;

	if (!tracker_qid_real(qid))
		return 0;
	e = tracker_live(t, qid, when);
	return e != NULL && e->sender == NULL ? e->pending_rejected : 0;
}

/* tracker_forget - an ordinary message, or one whose MTA logs no more
 * of it: nothing more to learn */
void tracker_forget(struct tracker *t, const char *qid)
{
	struct tracker_entry *e;

	tracker_unpin(t);
	if (qid == NULL)
		return;
	e = strmap_get(t->by_qid, qid);
	if (e != NULL)
		tracker_drop(t, e);
}

/* tracker_reject - one refused recipient */
int tracker_reject(struct tracker *t, const char *qid, time_t when,
		   struct tracker_delta *out)
{
	int status;
	struct tracker_entry *e = tracker_begin(t, qid, when, 1, &status);

	if (e == NULL)
		return status;
	if (e->sender == NULL) {
		e->pending_rejected++;
		return 0;
	}
	tracker_delta_for(e, out);
	out->n[TRACK_REJECTED] = 1;
	out->n[TRACK_RECIPIENTS] = 1;
	return 1;
}

/* tracker_counted - the message of qid counted before its from= line */
int tracker_counted(struct tracker *t, const char *qid, time_t when)
{
	int status;
	struct tracker_entry *e = tracker_begin(t, qid, when, 1, &status);

	if (e == NULL)
		return status;
	if (e->sender == NULL)
		e->message_counted = 1;
	return 0;
}

/* tracker_discard - the whole message discarded, counted once */
int tracker_discard(struct tracker *t, const char *qid, int held, time_t when,
		    struct tracker_delta *out)
{
	int status;
	struct tracker_entry *e = tracker_begin(t, qid, when, held, &status);

	if (e == NULL)
		return status;
	if (e->sender == NULL) {
		e->discard_pending = 1;
		return 0;
	}
	if (e->discard_counted)
		return 0;
	e->discard_counted = 1;
	tracker_delta_for(e, out);
	out->n[TRACK_DISCARDED] = e->nrcpts;
	tracker_done_if_complete(t, e);
	return 1;
}

/* tracker_to - recipients of a delivery line */
int tracker_to(struct tracker *t, const char *qid, enum mailrec_outcome outcome,
	       unsigned long n, time_t when, struct tracker_delta *out)
{
	static const enum tracker_counter counter_of[] = {
	    [OUTCOME_SENT] = TRACK_DELIVERED,
	    [OUTCOME_DEFERRED] = TRACK_DEFERRED,
	    [OUTCOME_BOUNCED] = TRACK_BOUNCED,
	    [OUTCOME_REJECTED] = TRACK_REJECTED,
	};
	int status;
	struct tracker_entry *e = tracker_begin(t, qid, when, 0, &status);

	(void)status; /* a to= line never creates an entry */
	if (e == NULL || e->sender == NULL || outcome == OUTCOME_NONE
	    || (unsigned)outcome >= sizeof(counter_of) / sizeof(counter_of[0]))
		return 0;
	if (n == TRACKER_RCPTS_PENDING)
		n = e->awaiting;
	tracker_delta_for(e, out);
	out->n[counter_of[outcome]] = n;
	/* a deferred recipient is counted when its delivery ends */
	if (e->unsaid && outcome != OUTCOME_DEFERRED)
		out->n[TRACK_RECIPIENTS] = n;
	if (outcome != OUTCOME_DEFERRED)
		e->awaiting -= n < e->awaiting ? n : e->awaiting;
	tracker_done_if_complete(t, e);
	return 1;
}

/* tracker_client - the relay of a message not accepted yet */
int tracker_client(struct tracker *t, const char *qid, const char *relay,
		   time_t when)
{
	int status;
	struct tracker_entry *e;

	if (relay == NULL || strlen(relay) > TRACKER_RELAY_MAX)
		return 0;
	e = tracker_begin(t, qid, when, 1, &status);
	if (e == NULL)
		return status;
	if (e->sender == NULL)
		strcpy(e->relay, relay);
	return 0;
}

/* tracker_relay - what tracker_client() kept for qid, or NULL */
const char *tracker_relay(const struct tracker *t, const char *qid)
{
	const struct tracker_entry *e;

	if (qid == NULL)
		return NULL;
	e = strmap_get(t->by_qid, qid);
	return e != NULL && e->relay[0] != '\0' ? e->relay : NULL;
}

/* tracker_get_stats - a copy of the counters */
void tracker_get_stats(const struct tracker *t, struct tracker_stats *s)
{
	*s = t->stats;
}
