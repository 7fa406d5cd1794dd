/*
 * test_tracker - queue-id correlation: rejects before from=, discards,
 * to= outcomes, ordinary senders forgotten, cap eviction, expiry.
 */
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "tracker.h"

static void test_reject_before_from(void)
{
	struct tracker *t = tracker_new(100, 3600);
	struct tracker_delta d;
	struct tracker_stats st;

	tap_is_long(tracker_reject(t, "q1", 10, &d), 0,
		    "reject before from=: held, nothing to count yet");
	tracker_reject(t, "q1", 11, &d);
	tap_is_long(tracker_from(t, "q1", "marriott.com", "emalsrv.marriott.com",
				 0, 12, &d), 1, "from= releases the held counts");
	tap_is_str(d.phished_domain, "marriott.com", "delta names the campaign");
	tap_is_long((long) d.n[TRACK_MESSAGES], 1, "one message");
	tap_is_long((long) d.n[TRACK_REJECTED], 2, "two rejected recipients");
	tap_is_long((long) d.n[TRACK_RECIPIENTS], 2, "recipients = nrcpts + rejected");
	tracker_get_stats(t, &st);
	tap_is_long((long) st.open, 0,
		    "a message with no recipient left open is done: dropped");
	tracker_free(t);
}

/* a sender refused at MAIL under a queue id counted its message; the
 * from= line (nrcpts=0) that sendmail logs for it later is that message */
static void test_counted_before_from(void)
{
	struct tracker *t = tracker_new(100, 3600);
	struct tracker_delta d;

	tap_is_long(tracker_counted(t, "q7", 10), 0, "counted: held");
	tap_is_long(tracker_from_peek(t, "q7", "linkedin.com",
				      "linkedinmail.com", 0, 11, &d), 1,
		    "peek at its from= line");
	tap_is_long((long) d.n[TRACK_MESSAGES], 0,
		    "the from= line counts no second message");
	tracker_from(t, "q7", "linkedin.com", "linkedinmail.com", 0, 11, &d);
	tap_is_long((long) d.n[TRACK_MESSAGES], 0, "nor when attached");
	tracker_from(t, "q8", "linkedin.com", "linkedinmail.com", 0, 12, &d);
	tap_is_long((long) d.n[TRACK_MESSAGES], 1,
		    "another queue id's from= line is a message");
	tracker_free(t);
}

static void test_to_and_discard(void)
{
	struct tracker *t = tracker_new(100, 3600);
	struct tracker_delta d;

	struct tracker_stats st;

	tracker_from(t, "q2", "ups.com", "emalsrv.ups.com", 3, 10, &d);
	tap_is_long(tracker_from(t, "q2", "ups.com", "emalsrv.ups.com", 3, 10,
				 &d), 0, "a repeated from= of an open message "
		    "is counted once");
	tap_is_long(tracker_to(t, "q2", OUTCOME_SENT, 2, 11, &d), 1, "to= counted");
	tap_is_long((long) d.n[TRACK_DELIVERED], 2, "two delivered");
	tracker_to(t, "q2", OUTCOME_DEFERRED, 1, 12, &d);
	tap_is_long((long) d.n[TRACK_DEFERRED], 1, "one deferred");
	tracker_get_stats(t, &st);
	tap_is_long((long) st.open, 1, "a deferred recipient keeps it open");
	tracker_to(t, "q2", OUTCOME_SENT, 1, 13, &d);
	tap_is_str(d.sender_host, "emalsrv.ups.com",
		   "the delta of the last line still names its sender");
	tracker_get_stats(t, &st);
	tap_is_long((long) st.open, 0, "every recipient final: dropped");
	tap_is_long(tracker_to(t, "unknown", OUTCOME_SENT, 1, 12, &d), 0,
		    "to= of an untracked message counts nothing");
	tracker_discard(t, "q3", 1, 13, &d);
	tracker_from(t, "q3", "ups.com", "complains.ups.com", 4, 14, &d);
	tap_is_long((long) d.n[TRACK_DISCARDED], 4,
		    "discard before from=: all nrcpts discarded");
	tracker_get_stats(t, &st);
	tap_is_long((long) st.open, 0, "a discarded message is done");
	tap_is_long(tracker_discard(t, "q3", 0, 15, &d), 0,
		    "the closing discarded line is not counted again");
	tracker_get_stats(t, &st);
	tap_is_long((long) st.open, 0, "... and leaves no entry behind");
	tracker_free(t);
}

/* A from= line that says no count (Exim's default log selectors): the
 * message is held until its last line, and its recipients are counted
 * as their deliveries end; a deferral counts none. */
static void test_unsaid_count(void)
{
	struct tracker *t = tracker_new(100, 3600);
	struct tracker_delta d;
	struct tracker_stats st;

	tap_is_long(tracker_from(t, "q4", "dhl.com", "emalsrv.dhl.com",
				 TRACKER_NRCPTS_UNSAID, 10, &d),
		    1, "unsaid count: from= counted");
	tap_is_long((long)d.n[TRACK_MESSAGES], 1, "one message");
	tap_is_long((long)d.n[TRACK_RECIPIENTS], 0, "no recipient yet");
	tap_ok(tracker_holds(t, "q4", 2), "held with no recipient said");
	tracker_to(t, "q4", OUTCOME_SENT, 1, 11, &d);
	tap_is_long((long)d.n[TRACK_RECIPIENTS], 1,
		    "a delivery counts its recipient");
	tap_is_long((long)d.n[TRACK_DELIVERED], 1, "and delivers it");
	tracker_to(t, "q4", OUTCOME_DEFERRED, 1, 12, &d);
	tap_is_long((long)d.n[TRACK_RECIPIENTS], 0,
		    "a deferral counts no recipient");
	tap_is_long((long)d.n[TRACK_DEFERRED], 1, "but the deferral");
	tracker_to(t, "q4", OUTCOME_BOUNCED, 1, 13, &d);
	tap_is_long((long)d.n[TRACK_RECIPIENTS], 1,
		    "the deferred recipient counts when it bounces");
	tap_ok(tracker_holds(t, "q4", 2), "still held: more may come");
	tracker_forget(t, "q4");
	tracker_get_stats(t, &st);
	tap_is_long((long)st.open, 0, "its last line lets it go");
	tracker_free(t);
}

/* A line for every recipient still pending (Postfix's expired message):
 * those with no final outcome, and the message is done. */
static void test_all_pending(void)
{
	struct tracker *t = tracker_new(100, 3600);
	struct tracker_delta d;
	struct tracker_stats st;

	tracker_from(t, "q5", "dhl.com", "emalsrv.dhl.com", 3, 10, &d);
	tracker_to(t, "q5", OUTCOME_SENT, 1, 11, &d);
	tracker_to(t, "q5", OUTCOME_DEFERRED, 2, 12, &d);
	tap_is_long(tracker_to(t, "q5", OUTCOME_BOUNCED, TRACKER_RCPTS_PENDING,
			       13, &d),
		    1, "every pending recipient: counted");
	tap_is_long((long)d.n[TRACK_BOUNCED], 2,
		    "the two with no final outcome bounce");
	tracker_get_stats(t, &st);
	tap_is_long((long)st.open, 0, "and the message is done");
	tracker_free(t);
}

static void test_forget_cap_expire(void)
{
	struct tracker *t = tracker_new(3, 100);
	struct tracker_delta d;
	struct tracker_stats st;
	char qid[16];

	tracker_reject(t, "ham", 1, &d);
	tracker_forget(t, "ham");
	tracker_get_stats(t, &st);
	tap_is_long((long) st.open, 0, "an ordinary sender's queue id is forgotten");
	for (int i = 0; i < 5; i++) {
		snprintf(qid, sizeof(qid), "c%d", i);
		tracker_reject(t, qid, 10 + i, &d);
	}
	tracker_get_stats(t, &st);
	tap_is_long((long) st.open, 3, "never more than the cap");
	tap_is_long((long) st.evicted, 2, "evictions counted");
	tap_is_long(tracker_from(t, "c0", "a.com", "emalsrv.a.com", 1, 20, &d), 1,
		    "an evicted id starts afresh");
	tap_is_long((long) d.n[TRACK_REJECTED], 0, "its held reject was lost with it");
	tracker_reject(t, "late", 200, &d);
	tracker_get_stats(t, &st);
	tap_is_long((long) st.expired, 1, "a campaign message idle past the "
		    "window expires");
	tap_is_long((long) st.open, 3, "held lines wait longer (an hour)");
	tracker_reject(t, "later", 200 + TRACKER_HELD_WINDOW + 100, &d);
	tracker_get_stats(t, &st);
	tap_is_long((long) st.expired, 4, "held lines expire after an hour");
	tap_is_long((long) st.open, 1, "only the newest is left");
	tap_is_long(tracker_reject(t, "0123456789012345678901234567890123456789", 9999, &d),
		    0, "an over-long queue id is not tracked");
	tracker_get_stats(t, &st);
	tap_is_long((long) st.bad_qid, 1, "and is counted");
	tracker_free(t);
}

/* a delivery with no known outcome counts nothing (normalize's maps
 * give the outcome; normalize_sendmail's words are in test_normalize) */
static void test_no_outcome(void)
{
	struct tracker *t = tracker_new(10, 3600);
	struct tracker_delta d;

	tracker_from(t, "q1", "marriott.com", "emalsrv.marriott.com", 1, 10,
		     &d);
	tap_is_long(tracker_to(t, "q1", OUTCOME_NONE, 1, 11, &d), 0,
		    "no outcome: nothing counted");
	tap_ok(tracker_holds(t, "q1", 2), "  and the message still open");
	tap_is_long(tracker_to(t, "q1", OUTCOME_BOUNCED, 1, 12, &d), 1,
		    "bounced counted");
	tap_is_long((long) d.n[TRACK_BOUNCED], 1, "  as bounced");
	tracker_free(t);
}

/* tracker_from_peek() gives tracker_from()'s counts and changes nothing,
 * however often it is asked (a line refused and tried again) */
static void test_peek(void)
{
	struct tracker *t = tracker_new(100, 3600);
	struct tracker_delta d;
	struct tracker_stats st;

	tracker_reject(t, "q1", 10, &d);
	tracker_discard(t, "q1", 1, 10, &d);
	for (int i = 0; i < 3; i++) {
		memset(&d, 0, sizeof(d));
		tap_is_long(tracker_from_peek(t, "q1", "ups.com",
					      "emalsrv.ups.com", 2, 11, &d), 1,
			    "peek: a from= line not yet seen has counts");
		tap_is_long((long) d.n[TRACK_MESSAGES], 1, "peek: one message");
	}
	tap_is_long((long) d.n[TRACK_REJECTED], 1, "peek: the held reject");
	tap_is_long((long) d.n[TRACK_RECIPIENTS], 3, "peek: nrcpts + rejected");
	tap_is_long((long) d.n[TRACK_DISCARDED], 2, "peek: the held discard");
	tap_is_str(d.phished_domain, "ups.com", "peek: names the campaign");
	tap_ok(!tracker_holds(t, "q1", 2), "peek: the queue id is not attached");
	tap_is_long(tracker_from(t, "q1", "ups.com", "emalsrv.ups.com", 2, 11,
				 &d), 1, "from= after the peeks: counts");
	tap_is_long((long) d.n[TRACK_MESSAGES] + (long) d.n[TRACK_REJECTED]
		    + (long) d.n[TRACK_DISCARDED], 4,
		    "from= after the peeks: the same counts");
	tracker_from(t, "q3", "ups.com", "emalsrv.ups.com", 1, 12, &d);
	tap_is_long(tracker_from_peek(t, "q3", "ups.com", "emalsrv.ups.com",
				      1, 12, &d), 0,
		    "peek after from=: a repeat, nothing to count");
	tap_is_long(tracker_from_peek(t, "", "ups.com", "x.ups.com", 1, 12,
				      &d), 0, "peek: no queue id, no counts");
	tracker_get_stats(t, &st);
	tap_is_long((long) st.bad_qid, 0, "peek: counts no bad queue id");
	/* an entry the next lookup would expire is not there for the peek */
	tracker_reject(t, "q2", 100, &d);
	memset(&d, 0, sizeof(d));
	tracker_from_peek(t, "q2", "dhl.com", "emalsrv.dhl.com", 1,
			  100 + TRACKER_HELD_WINDOW + 1, &d);
	tap_is_long((long) d.n[TRACK_REJECTED], 0,
		    "peek: a held entry past its window is not counted");
	tracker_from(t, "q2", "dhl.com", "emalsrv.dhl.com", 1,
		     100 + TRACKER_HELD_WINDOW + 1, &d);
	tap_is_long((long) d.n[TRACK_REJECTED], 0,
		    "from=: nor by tracker_from()");
	tracker_free(t);
}

/* Postfix's client= line gives the relay before the from= line does not */
static void test_client_relay(void)
{
	struct tracker *t = tracker_new(100, 10 * TRACKER_HELD_WINDOW);
	struct tracker_delta d;
	struct tracker_stats st;
	char long_relay[TRACKER_RELAY_MAX + 2];

	tap_is_long(tracker_client(t, "4jgyns2gyTz8dSM", "192.0.2.7", 10), 0,
		    "client=: kept, nothing to count");
	tap_is_str(tracker_relay(t, "4jgyns2gyTz8dSM"), "192.0.2.7",
		   "the relay of the queue id");
	tap_is_str(tracker_relay(t, "other"), NULL, "none for another one");
	tap_is_long(tracker_holds(t, "4jgyns2gyTz8dSM", 15), 0,
		    "a queue id with only a relay is no campaign's message");
	tap_is_long(tracker_from(t, "4jgyns2gyTz8dSM", "marriott.com",
				 "emalsrv.marriott.com", 1, 11, &d), 1,
		    "from= after client=: the message counts");
	tap_is_long((long) d.n[TRACK_MESSAGES], 1, "one message");
	tracker_client(t, "ham", "192.0.2.8", 12);
	tracker_forget(t, "ham");
	tap_is_str(tracker_relay(t, "ham"), NULL,
		   "an ordinary sender's from= forgets the relay");
	memset(long_relay, 'a', sizeof(long_relay) - 1);
	long_relay[sizeof(long_relay) - 1] = '\0';
	tracker_client(t, "q9", long_relay, 13);
	tap_is_str(tracker_relay(t, "q9"), NULL, "a relay too long is ignored");
	tracker_client(t, "q8", "192.0.2.9", 20);
	tracker_client(t, "q7", "192.0.2.9", 20 + TRACKER_HELD_WINDOW + 1);
	tracker_get_stats(t, &st);
	tap_is_long((long) st.expired, 1,
		    "a relay whose from= never came expires with the held window");
	tracker_free(t);
}

/* test_held_rejected - what a verdict that ends a message with a queue
 * id counts of the refusals held for it */
static void test_held_rejected(void)
{
	struct tracker *t = tracker_new(100, 3600);
	struct tracker_delta d;

	tap_is_long((long) tracker_held_rejected(t, "q9", 10), 0,
		    "no entry: nothing held");
	tracker_reject(t, "q9", 10, &d);
	tracker_reject(t, "q9", 11, &d);
	tap_is_long((long) tracker_held_rejected(t, "q9", 12), 2,
		    "two recipients refused under the queue id, held");
	tap_is_long((long) tracker_held_rejected(t, "q9", 12 + 2 * 3600), 0,
		    "none past the held window");
	tracker_from(t, "q9", "marriott.com", "emalsrv.marriott.com", 1, 13, &d);
	tap_is_long((long) tracker_held_rejected(t, "q9", 13), 0,
		    "a from= line took them: none held");
	tap_is_long((long) tracker_held_rejected(t, NULL, 13), 0,
		    "no queue id: none");
	tracker_free(t);
}

int main(void)
{
	test_held_rejected();
	test_client_relay();
	test_reject_before_from();
	test_counted_before_from();
	test_peek();
	test_to_and_discard();
	test_forget_cap_expire();
	test_unsaid_count();
	test_all_pending();
	test_no_outcome();
	return tap_done();
}
