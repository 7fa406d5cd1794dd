/*
 * normalize - MTA log lines to struct mailrec through liblognorm.
 *
 * DESCRIPTION
 *	normalize_open() loads a liblognorm v2 rulebase (rulebase/sendmail.rb)
 *	with an error callback installed first: liblognorm 2.0.6 reports rule
 *	errors only there while loading still returns 0, so any callback error
 *	fails the load.  normalize_line() splits the syslog header off one
 *	line, runs the message part through the rulebase of the MTA that
 *	logged it and fills a struct mailrec (mailrec.h), MTA-neutral, whose
 *	strings live until the next call.  normalize_json() fills the same
 *	record from an mmnormalize JSON object (rsyslog's "%$!%" produced
 *	with sendmail-syslog.rb, the same rules).  Each MTA's words are
 *	mapped onto the record in one file of its own (normalize_mta.h).
 *
 * DIAGNOSTICS
 *	normalize_open() returns NULL and leaves a message naming the file,
 *	line and reason in the caller's buffer.
 */
#ifndef PHISHWATCH_NORMALIZE_H
#define PHISHWATCH_NORMALIZE_H

#include <stddef.h>

#include "mailrec.h"
#include "sysloghdr.h"

struct normalizer;

#define NORMALIZE_ERR_MAX 512 /* room for "file:line: reason" */

struct normalizer *normalize_open(const char *rulebase_path,
				  char err[NORMALIZE_ERR_MAX]);
void normalize_close(struct normalizer *norm);

/*
 * normalize_add - load another MTA's rulebase, for the lines whose
 * syslog program its map claims (normalize_open() loads sendmail's);
 * -1 with "file:line: reason" in err, also for an MTA with no map or
 * one loaded already.
 */
int normalize_add(struct normalizer *norm, enum mta_kind mta,
		  const char *rulebase_path, char err[NORMALIZE_ERR_MAX]);

/*
 * normalize_line - normalize line[0..len) (no newline, no NUL inside);
 * returns the kind, MAILREC_UNPARSED when no rule matched.
 */
enum mailrec_kind normalize_line(struct normalizer *norm, const char *line,
				 size_t len, struct mailrec *out);

/*
 * normalize_line_split - normalize_line() given the line's split, as
 * sysloghdr_split() made it of line[0..len) (the prefilter's): it is
 * taken instead of splitting the line again; a split of another length
 * (the line's trailing CR is cut off before the split) or none (NULL)
 * is made anew.
 */
enum mailrec_kind normalize_line_split(struct normalizer *norm,
				       const char *line, size_t len,
				       const struct sysloghdr_line *split,
				       struct mailrec *out);

/*
 * normalize_split - out emptied, line copied into the normalizer (a
 * trailing CR cut off *len) and its header's pieces put into out, as
 * normalize_line_split() does first (split as there): the MTA whose
 * loaded rulebase would read the line, MTA_NONE when none would; *copy
 * is the copy, valid until the next call (for normalize_known.c)
 */
enum mta_kind normalize_split(struct normalizer *norm, const char *line,
			      size_t *len, const struct sysloghdr_line *split,
			      struct mailrec *out, char **copy);

/*
 * normalize_json - fill out from one JSON object text as mmnormalize
 * writes it; MAILREC_UNPARSED when it is not JSON or carries no known tag.
 */
enum mailrec_kind normalize_json(struct normalizer *norm, const char *text,
				 size_t len, struct mailrec *out);

/* normalize_kind_name - the name of a kind, e.g. "accepted" */
const char *normalize_kind_name(enum mailrec_kind kind);

#endif
