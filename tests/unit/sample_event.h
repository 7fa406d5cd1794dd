/*
 * sample_event.h - the event with every field set that the emitter and
 * ecsjson tests build and serialize (a phished-domain-first-seen event
 * of the marriott.com campaign, as sm-mta logged it).
 */
#ifndef PHISHWATCH_TEST_SAMPLE_EVENT_H
#define PHISHWATCH_TEST_SAMPLE_EVENT_H

#include <time.h>

#include "ecsjson.h"

/* sample_event_at - the event, logged at log_time; no counters */
static __attribute__((unused)) struct event
sample_event_at(struct timespec log_time)
{
	struct event ev = {
		.action = EVENT_ACTION_PHISHED_FIRST,
		.log_time = log_time,
		.sender_address = "bounce-1234@emalsrv.marriott.com",
		.qid = "5AR0w9Xx012345",
		.source_ip = "192.0.2.7",
		.source_domain = "mta7.example.net",
		.hostname = "mx1",
		.program = "sm-mta",
		.pid = "4321",
		.sender_host = "emalsrv.marriott.com",
		.rule = "label:emalsrv",
		.phished_domain = "marriott.com",
		.suggested_access =
			"emalsrv.marriott.com\tERROR:\"550 5.7.1 Sender banned\"",
		.original = "Nov 27 00:58:09 mx1 sm-mta[4321]: 5AR0w9Xx012345: "
			"from=<bounce-1234@emalsrv.marriott.com>, size=1234",
	};

	return ev;
}

#endif
