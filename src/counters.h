/*
 * counters - what happened to the input, for the administrator.
 *
 * DESCRIPTION
 *	Plain counters, one per outcome, printed to stderr at exit and on
 *	SIGUSR1.  Every line that is skipped is counted here under a reason,
 *	so nothing is dropped silently.
 */
#ifndef PHISHWATCH_COUNTERS_H
#define PHISHWATCH_COUNTERS_H

#include <stddef.h>

#include "mailrec.h"

struct counters {
	unsigned long long lines;       /* lines read */
	unsigned long long too_long;    /* over LINEIN_MAX, skipped */
	unsigned long long nul_bytes;   /* lines holding NUL, skipped */
	unsigned long long prefiltered; /* cannot matter, not parsed */
	unsigned long long to_parse;    /* reached the normalizer */
	unsigned long long parsed;      /* a rule matched */
	unsigned long long parsed_by[MTA_KIND_COUNT]; /* the same, by
							 * the MTA whose
							 * rulebase read it */
	unsigned long long unparsed;                  /* no rule matched */
	unsigned long long senders;        /* from= lines with a sender */
	unsigned long long local_senders;  /* sender host one label */
	unsigned long long invalid_hosts;  /* sender host not a hostname */
	unsigned long long ip_literals;    /* sender host an IP literal */
	unsigned long long suspicious;     /* sender matched the detector */
	unsigned long long blocked;        /* suspicious, already blocked */
	unsigned long long known;          /* suspicious, campaign known */
	unsigned long long events;         /* events written */
	unsigned long long bad_time;       /* time stamp unreadable */
	unsigned long long clock_skew;     /* time stamp far from any clock */
	unsigned long long invalid_fields; /* syslog host or relay
						 * address invalid, left out */
	unsigned long long retries;        /* transient failures reported */
	unsigned long long summaries;      /* campaign-summary events written */
	unsigned long long queue_evicted;  /* tracker: dropped at the cap */
	unsigned long long queue_expired;  /* tracker: idle past the window */
	unsigned long long queue_bad_qid;  /* tracker: queue id too long
						 * to be real, not tracked */
	unsigned long long sender_events_held; /* new sender domains of a
						 * campaign past its
						 * --max-sender-events */
};

/* Room for the whole "name=value ..." line. */
#define COUNTERS_LINE_MAX 1024

/* counters_format - "lines=... events=..." into buf (the caller prints
 * it, with its own prefix) */
void counters_format(const struct counters *c, char *buf, size_t size);

#endif
