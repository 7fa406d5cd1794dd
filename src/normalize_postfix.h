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

/* normalize_postfix_session - the counts of smtpd's disconnect line
 * ("ehlo=1 mail=2 rcpt=1/3 ... commands=8/10") into *out (told 0 when
 * it has none) */
void normalize_postfix_session(const char *commands,
			       struct mailrec_session *out);

#endif
