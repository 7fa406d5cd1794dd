/*
 * brandfile - where the lookalike index gets its brands and allowed
 * domains: brands files and allow files (the access map's brands are
 * learned by config.h).
 *
 * DESCRIPTION
 *	A brands file has one brand a line, then the brand's own domains,
 *	then an optional comment:
 *
 *		# brand	own domains...			# why
 *		docusign.com .net docusign.eu           # envelopes come from
 *		docusign.net
 *
 *	The first word is a registrable domain that phishers imitate.
 *	Each further word is a registrable domain of the same owner (its
 *	family), which is never taken for a lookalike; ".cc" is its label
 *	under every country-code suffix, ".*" under every public suffix
 *	(a brand that runs a site under most of them); "!word" says that the brand's
 *	label is a common word (apple, orange), whose typos and compounds
 *	are mostly other names: typos only by a doubled letter or a swap,
 *	combinations only with keywords; "!any" says that anything beside
 *	a label of 5 or more makes a combination (metamaskpro: for a brand
 *	squatted with any word, whose own names are its family), and is
 *	refused with a warning on a shorter one; another word that starts
 *	with a dot is the brand's label under that suffix (.net:
 *	docusign.net, .co.uk: docusign.co.uk).  A brand may come back on
 *	later lines to name more of its family.  "#" to the end of a line is
 *	a comment; blank lines are ignored.  An allow file has one domain a
 *	line and comments.
 *
 *	Bad words are warned about (file:line: reason, told to say) and
 *	counted in
 *	*bad_lines; the rest of the line is still used.
 */
#ifndef PHISHWATCH_BRANDFILE_H
#define PHISHWATCH_BRANDFILE_H

#include <stddef.h>

#include "lookalike.h"
#include "say.h"

/* brandfile_load - the brands and families of a brands file; 0, or -1
 * with errno when it cannot be read or memory runs out */
int brandfile_load(struct lookalike *lk, const char *path,
		   const struct say_to *say, size_t *bad_lines);

/* brandfile_load_allow - lookalike_allow() for each line of a file */
int brandfile_load_allow(struct lookalike *lk, const char *path,
			 const struct say_to *say, size_t *bad_lines);

#endif
