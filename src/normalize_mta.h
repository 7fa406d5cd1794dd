/*
 * normalize_mta - what one MTA adds to normalize: its map.
 *
 * DESCRIPTION
 *	normalize.c does the MTA-neutral work (syslog header, liblognorm,
 *	mmnormalize JSON, the rule's tag, the JSON fields); each MTA gives
 *	it one struct normalize_mta, in a file of its own
 *	(normalize_sendmail.c), and its rulebase.  Adding an MTA is that
 *	file, its rulebase and a line in normalize.c's list of maps;
 *	nothing after normalize changes.
 *
 *	program_is() says whether a syslog program name is the MTA's
 *	(sm-mta; later postfix/smtpd, postfix-out/qmgr, exim4); it picks
 *	the map, and so the rulebase, for each line.  tags are the rule
 *	tags of the rulebase ("event.tags"), fields the JSON field names
 *	it writes besides the syslog header's; normalize hands to_record()
 *	the index of the line's tag and one slot per field name, in the
 *	order of fields: the value, or NULL when the line did not carry it
 *	(or carried something other than a clean string).  to_record()
 *	fills everything of struct mailrec but the header and mta.  A map
 *	may also name a lead_field (see there).
 */
#ifndef PHISHWATCH_NORMALIZE_MTA_H
#define PHISHWATCH_NORMALIZE_MTA_H

#include <stddef.h>

#include "mailrec.h"

/* Field names an MTA's rulebase may write, at most. */
#define NORMALIZE_SLOTS_MAX 32

struct normalize_mta {
	enum mta_kind mta;
	const char *name; /* "sendmail", for messages */
	int (*program_is)(const char *program, size_t len);
	const char *const *tags;   /* rule tags, NULL ends */
	const char *const *fields; /* JSON field names, NULL ends */
	void (*to_record)(int tag, const char *const slot[],
			  struct mailrec *out);
	/*
	 * The field of a message part's first word when ": " follows it
	 * and it holds no blank or colon (sendmail's queue id,
	 * "r63IA8dJ004707: "), or NULL.  The rules begin after that word:
	 * normalize hands them the rest and gives the word to this field;
	 * when they read nothing there, it tries the whole message part
	 * ("Milter: data, reject=..." has no queue id).  An optional part
	 * at the head of every rule would double the paths liblognorm
	 * walks as it loads them.
	 */
	const char *lead_field;
	/* the tag of a line with such a word that no rule reads
	 * (sendmail-other); NULL: the line stays unparsed */
	const char *lead_other_tag;
};

#endif
