/*
 * counters - what happened to the input (see counters.h).
 */
#include <stdio.h>

#include "counters.h"

/* counters_format - "lines=... events=..." */
void counters_format(const struct counters *c, char *buf, size_t size)
{
	snprintf(buf, size,
		 "lines=%llu too_long=%llu "
		 "nul_bytes=%llu prefiltered=%llu to_parse=%llu parsed=%llu "
		 "parsed_sendmail=%llu parsed_postfix=%llu parsed_exim=%llu "
		 "unparsed=%llu senders=%llu local_senders=%llu "
		 "invalid_hosts=%llu ip_literals=%llu suspicious=%llu "
		 "blocked=%llu known=%llu events=%llu bad_time=%llu "
		 "clock_skew=%llu invalid_fields=%llu retries=%llu "
		 "summaries=%llu queue_evicted=%llu queue_expired=%llu "
		 "queue_bad_qid=%llu sender_events_held=%llu",
		 c->lines, c->too_long, c->nul_bytes, c->prefiltered,
		 c->to_parse, c->parsed, c->parsed_by[MTA_SENDMAIL],
		 c->parsed_by[MTA_POSTFIX], c->parsed_by[MTA_EXIM], c->unparsed,
		 c->senders, c->local_senders, c->invalid_hosts, c->ip_literals,
		 c->suspicious, c->blocked, c->known, c->events, c->bad_time,
		 c->clock_skew, c->invalid_fields, c->retries, c->summaries,
		 c->queue_evicted, c->queue_expired, c->queue_bad_qid,
		 c->sender_events_held);
}
