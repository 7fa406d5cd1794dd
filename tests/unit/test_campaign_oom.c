/*
 * test_campaign_oom - the store and output path of a first-seen message
 * while memory runs out.  campaign.c's steps for a new campaign (lock,
 * what is owed, the event, the rows, the commit) run on a fresh
 * in-memory store with events into a file, each allocation they make
 * (the event's tree and text, SQLite's statements and pages) failing
 * once, in turn (oom.h).
 *
 *	Out of memory is the system's failure, sysexits' EX_OSERR: the
 *	message ends PIPELINE_FATAL with exit code 71 and an error that
 *	says so; before, an event that could not be made exited 74 (an
 *	I/O error), and SQLite's SQLITE_NOMEM too.  Nothing is lost: no
 *	campaign is stored without its event written, an event is never
 *	left half in the file, and a message is never done without its
 *	event.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "campaign.h"
#include "tap.h"

#include "oom.h"

#ifndef OOM_SANITIZED
#define PHISH_LINE "Jul  3 14:12:20 mx1 sm-mta[4707]: q1: " \
	"from=<a@emalsrv.marriott.com>, size=4210, class=0, nrcpts=1, " \
	"relay=mail.example.net [203.0.113.7]"
#define PHISH_ADDRESS "a@emalsrv.marriott.com"
#define PHISH_HOST "emalsrv.marriott.com"

/* What one try left behind. */
struct outcome {
	enum pipeline_result result;
	int status;		/* camp.status after PIPELINE_FATAL */
	int says_nomem;		/* the error names the lack of memory */
	long events;		/* whole lines in the event file */
	int partial;		/* the file ends inside a line */
	long campaigns;		/* campaigns in the store */
	long calls;		/* allocations the steps asked for */
};

/* file_lines - whole lines of path, and whether a part line follows */
static long file_lines(const char *path, int *partial)
{
	FILE *fp = fopen(path, "r");
	long n = 0;
	int ch, last = '\n';

	*partial = 0;
	if (fp == NULL)
		return -1;
	while ((ch = getc(fp)) != EOF) {
		n += ch == '\n';
		last = ch;
	}
	fclose(fp);
	*partial = last != '\n';
	return n;
}

/* message_steps - pipeline_campaign_message()'s store and output steps
 * for a new campaign's message */
static enum pipeline_result message_steps(struct campaign *camp)
{
	static const struct detection d = {
		"marriott.com", "marriott.com", "label:emalsrv"
	};
	struct tracker_delta delta = { d.phished_domain, PHISH_HOST, { 1 } };
	struct event_source src = {
		.when = { 1751551940, 0 }, .address = PHISH_ADDRESS,
		.address_len = strlen(PHISH_ADDRESS), .qid = "q1",
		.program = "sm-mta", .pid = "4707", .mta = "mx1",
		.relay_ip = "203.0.113.7", .sender_host = PHISH_HOST,
		.sender_key = PHISH_HOST, .detection = &d, .delta = &delta,
		.line = PHISH_LINE, .len = strlen(PHISH_LINE),
	};
	enum pipeline_result result = campaign_lock(camp);
	int added = 0;

	if (result == PIPELINE_DONE)
		result = campaign_owed(camp, CAMPAIGN_UNKNOWN, PHISH_HOST, &d,
				       &src.action);
	if (result == PIPELINE_DONE && src.action != NULL)
		result = campaign_emit(camp, &src);
	if (result == PIPELINE_DONE)
		result = campaign_record(camp, PHISH_HOST, &d, &delta, "mx1",
					 src.relay_ip, src.when.tv_sec, &added);
	if (result == PIPELINE_DONE && campaign_flush(camp) < 0)
		result = PIPELINE_FATAL;
	return result;
}

/* try_message - the steps on a fresh store, allocation n failing */
static void try_message(long n, struct outcome *out)
{
	char events[] = "/tmp/test_campaign_oom.XXXXXX";
	char err[STORE_ERR_MAX + EMITTER_ERR_MAX];
	struct counters counters = { 0 };
	struct logclock clock = { 0 };
	struct campaign camp = { 0 };
	int fd = mkstemp(events);

	if (fd >= 0)
		close(fd);
	camp.store = store_open(NULL, err);
	camp.emitter = fd < 0 ? NULL : emitter_open(events, 0, NULL, err);
	camp.counters = &counters;
	camp.clock = &clock;
	camp.sender_events = CAMPAIGN_SENDER_EVENTS;
	if (camp.store == NULL || camp.emitter == NULL)
		exit(tap_ok(0, "the rig: store, event file") + 1);
	oom_arm(n);
	out->result = message_steps(&camp);
	out->calls = oom_disarm();
	out->status = out->result == PIPELINE_FATAL ? camp.status : 0;
	out->says_nomem = strstr(camp.error, "out of memory") != NULL
			  || strstr(camp.error, strerror(ENOMEM)) != NULL;
	emitter_close(camp.emitter);
	out->events = file_lines(events, &out->partial);
	/* what a run would keep: the last commit */
	(void) store_discard(camp.store);
	out->campaigns = store_campaign_count(camp.store);
	store_close(camp.store, NULL);
	unlink(events);
}

int main(void)
{
	struct outcome out;
	long fatal = 0, not_71 = 0, silent = 0, lost = 0, torn = 0, n;

	try_message(0, &out);
	tap_ok(out.result == PIPELINE_DONE && out.events == 1
	       && out.campaigns == 1, "memory enough: one event, one campaign");
	for (n = 1; n < 100000; n++) {
		struct outcome o;

		try_message(n, &o);
		fatal += o.result == PIPELINE_FATAL;
		if (o.result == PIPELINE_FATAL
		    && (o.status != EX_OSERR || !o.says_nomem)) {
			not_71++;
			printf("# allocation %ld failing: exit %d\n", n,
			       o.status);
		}
		silent += o.result == PIPELINE_DONE && o.events != 1;
		lost += o.campaigns > o.events;
		torn += o.partial;
		if (o.calls < n)
			break;
	}
	printf("# %ld allocations, %ld of them fatal when failing\n",
	       out.calls, fatal);
	tap_ok(n < 100000 && fatal > 0, "each allocation failed once; some "
	       "tries fatal");
	tap_is_long(not_71, 0, "out of memory: exit code 71 (EX_OSERR), and "
		    "the error says so");
	tap_is_long(silent, 0, "never done without its event");
	tap_is_long(lost, 0, "never a campaign stored without its event");
	tap_is_long(torn, 0, "never part of an event in the file");
	return tap_done();
}
#else
int main(void)
{
	printf("1..0 # SKIP the sanitizer owns malloc: no failure to inject\n");
	return 0;
}
#endif
