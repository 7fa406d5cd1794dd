/*
 * normalize_known - the records of lines the prefilter took apart.
 *
 * DESCRIPTION
 *	normalize_known() makes the record of a line whose every field
 *	prefilter_scan() found (struct prefilter_hint, known): the record
 *	normalize_line() would make of it, without liblognorm, for the
 *	lines most often parsed (sendmail's ruleset verdicts, "discarded",
 *	from= and to= lines; Postfix's
 *	client=, qmgr from= and delivery to= lines; Exim's refusals and
 *	ACL discards at RCPT).  The line is copied and the prefilter's
 *	split of its header taken as for the parse, by normalize_split()
 *	(normalize.h), so both give the same header fields; a line whose
 *	MTA is not the one the hint was made for (its rulebase not loaded,
 *	another program) takes the full parse.
 */
#ifndef PHISHWATCH_NORMALIZE_KNOWN_H
#define PHISHWATCH_NORMALIZE_KNOWN_H

#include <stddef.h>

#include "mailrec.h"
#include "normalize.h"
#include "prefilter.h"

/*
 * normalize_known - line[0..len) that prefilter_scan() took apart
 * (hint->known): the record normalize_line() would give, without
 * liblognorm
 */
enum mailrec_kind normalize_known(struct normalizer *norm, const char *line,
				  size_t len, const struct prefilter_hint *hint,
				  struct mailrec *out);

#endif
