/*
 * query - what phishwatch says of one sender, for --query.
 *
 * DESCRIPTION
 *	An administrator who writes a brands, allow or access file wants
 *	to know what a sender will give before mail comes from it, as
 *	postmap -q answers for a Postfix table and sendmail -bt for its
 *	rulesets.  query_sender() reads SENDER as an envelope address or a
 *	bare host (UTF-8 too), takes its host through the same gate and the
 *	same verdict as a logged sender (sender.h, verdict.h), and prints
 *	one line of tab-separated fields:
 *
 *		HOST	ordinary[	own	BRAND |	allowed]
 *		HOST	phish	PHISHED	RULE	ACCESS[	LINE]
 *
 *	After ordinary, whose the host is when it is somebody's
 *	(lookalike_owner()): own and the brand when it is at or below the
 *	brand's domain or one of its own, allowed when the allow list or a
 *	blocking table's trusted entry has it.
 *	ACCESS is what the blocking tables say: "blocked" (the host, a
 *	parent or the address), "domain-blocked" (another sender of the
 *	phished domain: a known campaign) or "unblocked"; LINE, given
 *	when the sender is not blocked, is the table line that would
 *	block it, in the first table's syntax (it holds a tab itself).
 *	Nothing is counted or stored.  query_lines() reads the senders
 *	from a stream (standard input), one a line, for a list of them
 *	too long for a command line.
 */
#ifndef PHISHWATCH_QUERY_H
#define PHISHWATCH_QUERY_H

#include <stdio.h>

#include "config.h"

enum query_answer {
	QUERY_ORDINARY, /* no rule takes it */
	QUERY_PHISH,    /* a label or lookalike rule takes it */
	QUERY_NO_HOST,  /* not an address or a host: said on stderr */
	QUERY_FAILED    /* the line could not be written */
};

/* How many of the senders were phish and how many named no host. */
struct query_tally {
	size_t phish;
	size_t no_host;
};

/* query_sender - the verdict on sender, one line on out; where (NULL
 * for a sender on the command line) names its line in an error */
enum query_answer query_sender(struct config_set *cfg, const char *sender,
			       const char *where, FILE *out);

/* query_count - answer added to *tally: 0, or -1 for QUERY_FAILED */
int query_count(struct query_tally *tally, enum query_answer answer);

/*
 * query_lines - query_sender() for each line of fd, a sender a line
 * (--query -, as postmap -q - reads its keys): blanks around it left
 * out, empty lines and # comments skipped; a line of over
 * QUERY_LINE_MAX bytes or with a NUL is no host, said with its line
 * number.  0, or -1 with errno when fd cannot be read or out written.
 */
int query_lines(struct config_set *cfg, int fd, FILE *out,
		struct query_tally *tally);

/* The longest line query_lines() takes: an address, with room. */
#define QUERY_LINE_MAX 1024

#endif
