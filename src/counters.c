/*
 * counters - what happened to the input (see counters.h).
 */
#include <stdio.h>

#include "counters.h"
#include "msg.h"

/* One line of 21 counters of up to 20 digits each, and their names. */
#define COUNTERS_LINE_MAX 1024

/* counters_print - "phishwatch: info: WHY: lines=... events=..."; on
 * stderr through msg, which may put the time in front */
void counters_print(FILE *fp, const char *why, const struct counters *c)
{
	char line[COUNTERS_LINE_MAX];

	snprintf(line, sizeof(line), "%s: lines=%llu too_long=%llu "
		"nul_bytes=%llu prefiltered=%llu sendmail=%llu parsed=%llu "
		"unparsed=%llu senders=%llu invalid_hosts=%llu "
		"ip_literals=%llu suspicious=%llu blocked=%llu known=%llu "
		"events=%llu bad_time=%llu clock_skew=%llu "
		"invalid_fields=%llu retries=%llu summaries=%llu "
		"queue_evicted=%llu queue_expired=%llu", why,
		c->lines, c->too_long, c->nul_bytes, c->prefiltered,
		c->sendmail, c->parsed, c->unparsed, c->senders,
		c->invalid_hosts, c->ip_literals, c->suspicious, c->blocked,
		c->known, c->events, c->bad_time, c->clock_skew,
		c->invalid_fields, c->retries, c->summaries,
		c->queue_evicted, c->queue_expired);
	if (fp == stderr) {
		msg_info("%s", line);
		return;
	}
	fprintf(fp, "phishwatch: info: %s\n", line);
	fflush(fp);
}
