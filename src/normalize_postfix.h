/*
 * normalize_postfix - Postfix's words mapped onto struct mailrec.
 *
 * DESCRIPTION
 *	The one place that knows what Postfix's rule tags and field names
 *	(rulebase/postfix.rb) mean: smtpd's client= is CLIENT, qmgr's
 *	from= ACCEPTED, a delivery agent's to= a DELIVERY whose outcome
 *	its status= word gives, qmgr's removed FINISHED, and the reject
 *	and discard verdicts of smtpd and milters REFUSED and DISCARDED at
 *	the stage they name.  See mailrec.h for the table of every MTA.
 */
#ifndef PHISHWATCH_NORMALIZE_POSTFIX_H
#define PHISHWATCH_NORMALIZE_POSTFIX_H

#include "mailrec.h"
#include "normalize_mta.h"

extern const struct normalize_mta normalize_postfix;

/* normalize_postfix_outcome - a to= line's status= word to an outcome */
enum mailrec_outcome normalize_postfix_outcome(const char *status);

/* normalize_postfix_stage - the stage word of a verdict ("RCPT",
 * "END-OF-MESSAGE") to its SMTP stage */
enum mailrec_stage normalize_postfix_stage(const char *stage);

/* normalize_postfix_rcpts - the recipients of a session's one mail
 * transaction, from the counts of smtpd's disconnect line, or 0 */
unsigned long normalize_postfix_rcpts(const char *commands);

#endif
