/*
 * normalize_sendmail - sendmail's words mapped onto struct mailrec.
 *
 * DESCRIPTION
 *	The one place that knows what sendmail's rule tags and field names
 *	(rulebase/sendmail.rb) mean: from= is ACCEPTED, to= a DELIVERY whose
 *	outcome its stat= and dsn= give, a ruleset's reject a REFUSED at
 *	the stage of its ruleset, its discard and "qid: discarded" are
 *	DISCARDED.  See mailrec.h for the table of every MTA.
 */
#ifndef PHISHWATCH_NORMALIZE_SENDMAIL_H
#define PHISHWATCH_NORMALIZE_SENDMAIL_H

#include "mailrec.h"
#include "normalize_mta.h"

extern const struct normalize_mta normalize_sendmail;

/* normalize_sendmail_outcome - stat= text (dsn= helps) to an outcome */
enum mailrec_outcome normalize_sendmail_outcome(const char *stat,
						const char *dsn);

/* normalize_sendmail_to_outcome - a to= line's: as above, and REJECTED
 * for one without mailer= (but with delay=) that says no outcome */
enum mailrec_outcome normalize_sendmail_to_outcome(const char *stat,
						   const char *dsn, int mailer,
						   int delay);

/* normalize_sendmail_stage - a ruleset name to its SMTP stage */
enum mailrec_stage normalize_sendmail_stage(const char *ruleset);

#endif
