/*
 * normalize_known - the records of lines the prefilter took apart.
 *
 * DESCRIPTION
 *	normalize_known() (normalize.h) makes the record of a line whose
 *	every field prefilter_scan() found (struct prefilter_hint, known):
 *	the record normalize_line() would make of it, without liblognorm,
 *	for the lines most often parsed (sendmail's check_rcpt refusals;
 *	Postfix's client=, qmgr from= and delivery to= lines; Exim's
 *	refusals and ACL discards at RCPT).  The line
 *	is copied and its header split as for the parse, by
 *	normalize_split(), so both give the same header fields; a line
 *	whose MTA is not the one the hint was made for (its rulebase not
 *	loaded, another program) takes the full parse.
 */
#ifndef PHISHWATCH_NORMALIZE_KNOWN_H
#define PHISHWATCH_NORMALIZE_KNOWN_H

#include <stddef.h>

#include "mailrec.h"

struct normalizer;

/*
 * normalize_split - out emptied, line copied into the normalizer (a
 * trailing CR cut off *len) and its header's pieces put into out: the
 * MTA whose loaded rulebase would read the line, MTA_NONE when none
 * would; *copy is the copy, valid until the next call
 */
enum mta_kind normalize_split(struct normalizer *norm, const char *line,
			      size_t *len, struct mailrec *out, char **copy);

#endif
