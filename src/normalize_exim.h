/*
 * normalize_exim - Exim's words mapped onto struct mailrec.
 *
 * DESCRIPTION
 *	The one place that knows what Exim's rule tags and field names
 *	(rulebase/exim.rb) mean: "<=" is ACCEPTED, "=>" and "->" a DELIVERY
 *	sent, "==" deferred, "**" bounced, "Completed" FINISHED, an ACL's
 *	discard DISCARDED, "rejected MAIL", "rejected RCPT", "rejected
 *	after DATA" and "rejected during MIME ACL checks" REFUSED at their
 *	stage.  See mailrec.h for the table of every MTA.
 */
#ifndef PHISHWATCH_NORMALIZE_EXIM_H
#define PHISHWATCH_NORMALIZE_EXIM_H

#include "mailrec.h"
#include "normalize_mta.h"

extern const struct normalize_mta normalize_exim;

#endif
