/*
 * detector - is this sender host a phish, and of which brand?
 *
 * DESCRIPTION
 *	A sender host is suspicious when its left-most label is in the
 *	label set (default "emalsrv" and "complains") and lies below the
 *	registrable domain, which libpsl's built-in list gives
 *	(emalsrv.staples.co.uk -> staples.co.uk).  The phished domain is
 *	that registrable domain: the brand being spoofed.  Hosts given here
 *	must already be validated and lower-cased (hostname.h).
 *	The label set is a strmap: a lookup costs one hash per line.
 */
#ifndef PHISHWATCH_DETECTOR_H
#define PHISHWATCH_DETECTOR_H

#include <stddef.h>

#include "hostname.h"

#define DETECTOR_DEFAULT_LABELS "emalsrv,complains"
#define DETECTOR_RULE_MAX       96 /* "label:" + one label, or a lookalike rule */

struct detector;

struct detection {
	char
	    phished_domain[HOSTNAME_MAX + 1]; /* the brand, e.g. marriott.com */
	/* the sender host's registrable domain; for a lookalike what its
	 * access line blocks, which for a brand's domain below someone
	 * else's (lookembed.h) may lie below the registrable domain */
	char registrable[HOSTNAME_MAX + 1];
	char rule[DETECTOR_RULE_MAX]; /* e.g. "label:emalsrv" */
};

/* detector_new - a detector with the default label set */
struct detector *detector_new(void);
void detector_free(struct detector *det);

/*
 * detector_set_labels - replace the label set with a comma list;
 * -1 (set unchanged) when an item is not a valid label, err says which.
 */
int detector_set_labels(struct detector *det, const char *list, char *err,
			size_t err_size);

/* detector_add_label - add one label (lower-cased); -1 if invalid */
int detector_add_label(struct detector *det, const char *label);

/*
 * detector_learn_from_host - with --learn-labels: if host is a subdomain
 * of its registrable domain (complains.linkedin.com), add its first
 * label; returns 1 when a label was added, 0 when not, -1 on error.
 */
int detector_learn_from_host(struct detector *det, const char *host);

/*
 * detector_registrable - the registrable domain of host into out;
 * -1 when there is none (host is itself a public suffix).
 */
int detector_registrable(const struct detector *det, const char *host,
			 char out[HOSTNAME_MAX + 1]);

/* detector_check - 1 and *out filled when host is suspicious, else 0 */
int detector_check(const struct detector *det, const char *host,
		   struct detection *out);

#endif
