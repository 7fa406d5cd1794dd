/*
 * refmsg - the message that verdicts of one SMTP session share (see
 * refmsg.h).
 */
#include <stdio.h>
#include <string.h>

#include "refmsg.h"
#include "strmap.h"

/* refmsg_mixn - h with the text s[0..len) (or its absence, NULL)
 * folded in */
static uint64_t refmsg_mixn(uint64_t h, const char *s, size_t len)
{
	uint64_t v = s != NULL ? strmap_hash(s, len) : 0x9e3779b97f4a7c15ULL;

	return (h ^ v) * 0x100000001b3ULL + 1;
}

/* refmsg_mix - h with the C string s (or its absence) folded in */
static uint64_t refmsg_mix(uint64_t h, const char *s)
{
	return refmsg_mixn(h, s, s != NULL ? strlen(s) : 0);
}

/* refmsg_process_of - the hash of a process, 0 when it names no pid */
static uint64_t refmsg_process_of(const struct refmsg_who *who)
{
	uint64_t h;

	if (who->pid == NULL)
		return 0;
	h = refmsg_mixn(refmsg_mixn(refmsg_mixn(1, who->host, who->host_len),
				    who->program, who->program_len),
			who->pid, who->pid_len);
	return h != 0 ? h : 1;
}

/* refmsg_process - the hash of the line's process, 0 when the line
 * names no pid */
static uint64_t refmsg_process(const struct mailrec *log)
{
	const struct refmsg_who who = {
	    log->mta_host, log->mta_host ? strlen(log->mta_host) : 0,
	    log->program,  log->program ? strlen(log->program) : 0,
	    log->pid,      log->pid ? strlen(log->pid) : 0,
	};

	return refmsg_process_of(&who);
}

/* refmsg_message - what two verdicts of one message share */
static uint64_t refmsg_message(const struct mailrec *log)
{
	uint64_t h = refmsg_mix(refmsg_mix(1, log->sender), log->relay_ip);

	return h != 0 ? h : 1;
}

/* refmsg_address - the hash of a sender without its <>, 0 for none:
 * Exim's refusal writes F=<a@b>, its arrival "<= a@b" */
static uint64_t refmsg_address(const char *sender)
{
	size_t len;

	if (sender == NULL)
		return 0;
	len = strlen(sender);
	if (len >= 2 && sender[0] == '<' && sender[len - 1] == '>') {
		sender++;
		len -= 2;
	}
	return strmap_hash(sender, len) | 1;
}

/* refmsg_queue_idn - the hash of a queue id qid[0..len), 0 for none */
static uint64_t refmsg_queue_idn(const char *qid, size_t len)
{
	return qid != NULL ? strmap_hash(qid, len) | 1 : 0;
}

/* refmsg_queue_id - the hash of a queue id, 0 for none */
static uint64_t refmsg_queue_id(const char *qid)
{
	return refmsg_queue_idn(qid, qid != NULL ? strlen(qid) : 0);
}

/* refmsg_words - what a verdict says, but its time */
static uint64_t refmsg_words(const struct mailrec *log)
{
	uint64_t h = refmsg_mix(1, log->qid);

	h = refmsg_mix(refmsg_mix(h, log->sender), log->recipients);
	h = refmsg_mix(refmsg_mix(h, log->reason), log->relay_ip);
	return (h ^ (uint64_t)log->kind) * 31 + (uint64_t)log->stage;
}

/* refmsg_groups - 1 for a verdict that may share its message: at RCPT,
 * with its sender, before any queue id */
static int refmsg_groups(const struct mailrec *log)
{
	return (log->kind == MAILREC_REFUSED || log->kind == MAILREC_DISCARDED)
	       && log->stage == STAGE_RCPT && log->qid == NULL
	       && log->sender != NULL;
}

/* refmsg_find - the slot index of a process, or -1 (no two slots
 * hold one process: refmsg_take() gives a slot only to a process that
 * has none) */
static int refmsg_find(const struct refmsg *r, uint64_t process)
{
	return keyindex_find(&r->by_process, r->process, process);
}

/* refmsg_set_key - *field (a slot's queue id, 0: none) becomes key,
 * and count follows it */
static void refmsg_set_key(struct keycount *count, uint64_t *field,
			   uint64_t key)
{
	if (*field != 0)
		keycount_del(count, *field);
	*field = key;
	if (key != 0)
		keycount_add(count, key);
}

/* refmsg_set_qid - slot i's queue id (0: none), and its count */
static void refmsg_set_qid(struct refmsg *r, int i, uint64_t qid)
{
	refmsg_set_key(&r->qids, &r->qid[i], qid);
}

/* refmsg_set_client_qid - slot i's client_qid (0: none), and its count */
static void refmsg_set_client_qid(struct refmsg *r, int i, uint64_t qid)
{
	refmsg_set_key(&r->client_qids, &r->slot[i].client_qid, qid);
}

/* refmsg_has_qid - 0: no slot's queue id is qid (a scan would find none) */
static int refmsg_has_qid(const struct refmsg *r, uint64_t qid)
{
	return qid != 0 && keycount_may_have(&r->qids, qid);
}

/* refmsg_take - the slot of a process; when it has none, the next one
 * in turn, cleared for it */
static int refmsg_take(struct refmsg *r, uint64_t process)
{
	int i = refmsg_find(r, process);

	if (i >= 0)
		return i;
	i = (int)r->next;
	r->next = (r->next + 1) % REFMSG_SLOTS;
	if (r->slot[i].list.open)
		r->lists--; /* another process's, forgotten */
	refmsg_set_client_qid(r, i, 0);
	refmsg_set_qid(r, i, 0);
	keyindex_del(&r->by_process, r->process, i);
	memset(&r->slot[i], 0, sizeof(r->slot[i]));
	r->process[i] = process;
	keyindex_add(&r->by_process, r->process, i);
	return i;
}

/* refmsg_refused_before - 1: the run refused the verdict's recipient
 * already: a new transaction's */
static int refmsg_refused_before(const struct refmsg_slot *s,
				 const struct mailrec *log)
{
	uint64_t rcpt = refmsg_address(log->recipients);

	for (unsigned k = 0; rcpt != 0 && k < s->rcpts; k++)
		if (s->rcpt[k] == rcpt)
			return 1;
	return 0;
}

/* refmsg_continues - 1: another recipient of the process's message */
int refmsg_continues(const struct refmsg *r, const struct mailrec *log)
{
	int i;

	if (!refmsg_groups(log))
		return 0;
	i = refmsg_find(r, refmsg_process(log));
	return i >= 0 && r->slot[i].message != 0
	       && r->slot[i].message == refmsg_message(log)
	       && !refmsg_refused_before(&r->slot[i], log);
}

/* refmsg_is_copy - 1: the second copy of the process's last verdict */
int refmsg_is_copy(const struct refmsg *r, const struct mailrec *log)
{
	int i;

	if (!log->may_repeat)
		return 0;
	i = refmsg_find(r, refmsg_process(log));
	return i >= 0 && r->slot[i].copyable
	       && r->slot[i].words == refmsg_words(log);
}

/* refmsg_copy_seen - no more copies of the process's last verdict */
void refmsg_copy_seen(struct refmsg *r, const struct mailrec *log)
{
	int i = refmsg_find(r, refmsg_process(log));

	if (i >= 0)
		r->slot[i].copyable = 0;
}

/* refmsg_note - the verdict's message is its process's now */
void refmsg_note(struct refmsg *r, const struct mailrec *log, int counted)
{
	uint64_t process = refmsg_process(log);
	int goes_on = refmsg_continues(r, log);

	struct refmsg_slot *s;

	if (process == 0)
		return;
	s = &r->slot[refmsg_take(r, process)];
	s->message = refmsg_groups(log) ? refmsg_message(log) : 0;
	s->counted = (goes_on && s->counted) || counted;
	s->sender = refmsg_address(log->sender);
	s->words = refmsg_words(log);
	s->copyable = log->may_repeat;
	if (!goes_on)
		s->rcpts = 0;
	if (s->message != 0 && s->rcpts < REFMSG_RCPTS)
		s->rcpt[s->rcpts++] = refmsg_address(log->recipients);
}

/* refmsg_list_close - slot i's list is over */
static void refmsg_list_close(struct refmsg *r, int i)
{
	if (i >= 0 && r->slot[i].list.open) {
		r->slot[i].list.open = 0;
		r->lists--;
	}
}

/* refmsg_list_open - the refusal's list may follow its copy */
void refmsg_list_open(struct refmsg *r, const struct mailrec *log,
		      const char *phished, const char *sender_host)
{
	uint64_t process = refmsg_process(log);
	struct refmsg_listing *l;

	if (process == 0)
		return;
	l = &r->slot[refmsg_take(r, process)].list;
	if (!l->open)
		r->lists++;
	l->open = 1;
	l->next = 0;
	l->more = 0;
	snprintf(l->phished, sizeof(l->phished), "%s", phished);
	snprintf(l->sender_host, sizeof(l->sender_host), "%s", sender_host);
}

/* refmsg_list_of - the open list of the line's process, or NULL */
static const struct refmsg_listing *refmsg_list_of(const struct refmsg *r,
						   const struct mailrec *log)
{
	int i = r->lists > 0 ? refmsg_find(r, refmsg_process(log)) : -1;

	return i >= 0 && r->slot[i].list.open ? &r->slot[i].list : NULL;
}

/* refmsg_list_adds - the list one more recipient is of, or NULL */
const struct refmsg_listing *refmsg_list_adds(const struct refmsg *r,
					      const struct mailrec *log)
{
	const struct refmsg_listing *l = refmsg_list_of(r, log);

	if (l == NULL || log->listed != LISTED_MORE || l->next == 0
	    || log->piece != l->next || l->more >= REFMSG_LISTED_MORE)
		return NULL;
	return l;
}

/* refmsg_list_piece - the list goes on after the piece, or is over */
void refmsg_list_piece(struct refmsg *r, const struct mailrec *log)
{
	int i = r->lists > 0 ? refmsg_find(r, refmsg_process(log)) : -1;
	struct refmsg_listing *l;

	if (i < 0 || !r->slot[i].list.open)
		return;
	l = &r->slot[i].list;
	if (log->listed == LISTED_OTHER && l->next == 0)
		return; /* the sender's piece before the list */
	if (refmsg_list_adds(r, log) != NULL)
		l->more++;
	else if (log->listed != LISTED_FIRST || l->next != 0
		 || log->piece == 0) {
		refmsg_list_close(r, i);
		return;
	}
	l->next = log->piece + 1;
}

/* refmsg_list_line - a line of the process that is neither a piece of
 * its list nor its refusal's copy ends the list */
static void refmsg_list_line(struct refmsg *r, const struct mailrec *log)
{
	if (r->lists == 0 || log->listed != LISTED_NONE
	    || refmsg_is_copy(r, log))
		return;
	refmsg_list_close(r, refmsg_find(r, refmsg_process(log)));
}

/* refmsg_line - the process's run of verdicts ends at a session edge
 * or when a queue id begins, which its counted message keeps, and
 * which is its session's message (the slot taken for it) */
void refmsg_line(struct refmsg *r, const struct mailrec *log)
{
	uint64_t process = refmsg_process(log);
	int client = log->kind == MAILREC_CLIENT && log->qid != NULL;
	struct refmsg_slot *s;
	int i;

	if (process == 0)
		return;
	refmsg_list_line(r, log);
	if (!log->session_edge && !client)
		return;
	i = client ? refmsg_take(r, process) : refmsg_find(r, process);
	if (i < 0)
		return;
	s = &r->slot[i];
	if (client && s->message != 0 && s->counted) {
		refmsg_set_qid(r, i, refmsg_queue_id(log->qid));
		s->qid_sender = s->sender;
		/* its message takes recipients now: one its verdicts did
		 * not count, unless a verdict ends it */
		s->owed.runs_taken += s->owed.due;
	}
	if (client)
		refmsg_set_client_qid(r, i, refmsg_queue_id(log->qid));
	s->message = 0;
}

/* refmsg_counted - 1: the refusals of the ACCEPTED line's message (or
 * of a verdict's that ends it) counted it: in its own process (Exim),
 * or under its queue id */
int refmsg_counted(const struct refmsg *r, const struct mailrec *log)
{
	uint64_t sender = refmsg_address(log->sender);
	uint64_t qid = refmsg_queue_id(log->qid);
	int i = refmsg_find(r, refmsg_process(log));

	if (sender == 0)
		return 0;
	if (i >= 0 && r->slot[i].message != 0 && r->slot[i].counted
	    && r->slot[i].sender == sender)
		return 1;
	if (!refmsg_has_qid(r, qid))
		return 0;
	for (int j = 0; j < REFMSG_SLOTS; j++)
		if (r->qid[j] == qid && r->slot[j].qid_sender == sender)
			return 1;
	return 0;
}

/* refmsg_accepted - the process's run and the queue id are over */
void refmsg_accepted(struct refmsg *r, const struct mailrec *log)
{
	uint64_t qid = refmsg_queue_id(log->qid);
	int i = refmsg_find(r, refmsg_process(log));

	if (i >= 0)
		r->slot[i].message = 0;
	for (int j = 0; refmsg_has_qid(r, qid) && j < REFMSG_SLOTS; j++)
		if (r->qid[j] == qid)
			refmsg_set_qid(r, j, 0);
}

/* refmsg_session - the slot of the session a line's message is of: the
 * process whose CLIENT line gave its queue id, or its own */
static int refmsg_session(const struct refmsg *r, const struct mailrec *log)
{
	uint64_t qid = refmsg_queue_id(log->qid);

	if (qid == 0)
		return refmsg_find(r, refmsg_process(log));
	if (!keycount_may_have(&r->client_qids, qid))
		return -1;
	for (int i = 0; i < REFMSG_SLOTS; i++)
		if (r->process[i] != 0 && r->slot[i].client_qid == qid)
			return i;
	return -1;
}

/* refmsg_owe_for - o kept for the campaign (phished, sender_host):
 * 1, or 0 when o holds another's (mixed then) */
static int refmsg_owe_for(struct refmsg_owed *o, const char *phished,
			  const char *sender_host)
{
	if (!o->due) {
		memset(o, 0, sizeof(*o));
		snprintf(o->phished, sizeof(o->phished), "%s", phished);
		snprintf(o->sender_host, sizeof(o->sender_host), "%s",
			 sender_host);
		o->due = 1;
	}
	if (strcmp(o->phished, phished) != 0
	    || strcmp(o->sender_host, sender_host) != 0)
		o->mixed = 1;
	return !o->mixed;
}

/* refmsg_owe - what a verdict counted, kept for its session's close */
void refmsg_owe(struct refmsg *r, const struct mailrec *log,
		const char *phished, const char *sender_host,
		const struct refmsg_tally *t)
{
	int i = refmsg_session(r, log);
	struct refmsg_owed *o;

	if (i < 0)
		return;
	o = &r->slot[i].owed;
	if (!refmsg_owe_for(o, phished, sender_host))
		return;
	o->messages += t->messages;
	o->refused += t->refused;
	o->taken += t->taken;
	if (t->untold != MAILREC_UNPARSED)
		o->untold |= 1u << t->untold;
	o->runs_taken -= t->ends_run + t->will_take;
}

/* refmsg_owed - the owed of the line's process, or NULL */
const struct refmsg_owed *refmsg_owed(const struct refmsg *r,
				      const struct mailrec *log)
{
	int i = refmsg_find(r, refmsg_process(log));

	return i >= 0 && r->slot[i].owed.due ? &r->slot[i].owed : NULL;
}

/* refmsg_settle - what the close adds (see refmsg.h) */
int refmsg_settle(const struct refmsg_owed *o, const struct mailrec_session *s,
		  struct refmsg_due *d)
{
	memset(d, 0, sizeof(*d));
	if (!o->due || o->mixed || !s->told)
		return 0;
	/* every RCPT refused, each one the campaign's: each transaction
	 * is one of its messages */
	if (s->rcpts == 0 && s->rcpt_tries == o->refused && o->refused > 0) {
		unsigned long most =
		    s->mails < o->refused ? s->mails : o->refused;

		d->messages = most > o->messages ? most - o->messages : 0;
		return d->messages > 0;
	}
	/* every transaction its message, every message taking recipients
	 * ended by a verdict: what the session took, they had */
	if (s->mails != o->messages || o->runs_taken != 0
	    || s->rcpts <= o->taken)
		return 0;
	if (o->untold == 1u << MAILREC_DISCARDED)
		d->kind = MAILREC_DISCARDED;
	else if (o->untold == 1u << MAILREC_REFUSED)
		d->kind = MAILREC_REFUSED;
	else
		return 0;
	d->recipients = s->rcpts - o->taken;
	return 1;
}

/* refmsg_paid - nothing owed by the line's process any more */
void refmsg_paid(struct refmsg *r, const struct mailrec *log)
{
	int i = refmsg_find(r, refmsg_process(log));

	if (i >= 0)
		r->slot[i].owed.due = 0;
}

/* refmsg_edge_matters - 1: a session edge of who would end a run of
 * verdicts, or close a session whose verdicts were kept for it */
int refmsg_edge_matters(const struct refmsg *r, const struct refmsg_who *who)
{
	int i = refmsg_find(r, refmsg_process_of(who));

	return i >= 0 && (r->slot[i].message != 0 || r->slot[i].owed.due);
}

/* refmsg_accepted_matters - 1: refmsg_accepted() of an ACCEPTED line
 * of who with queue id qid[0..len) would change the table */
int refmsg_accepted_matters(const struct refmsg *r,
			    const struct refmsg_who *who, const char *qid,
			    size_t len)
{
	uint64_t q = refmsg_queue_idn(qid, len);

	if (refmsg_edge_matters(r, who))
		return 1;
	if (!refmsg_has_qid(r, q))
		return 0;
	for (int j = 0; j < REFMSG_SLOTS; j++)
		if (r->qid[j] == q)
			return 1;
	return 0;
}
