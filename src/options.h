/*
 * options - the command line, parsed into one struct.
 *
 * DESCRIPTION
 *	The stable command-line contract of DESIGN.md: getopt_long over the
 *	short and long options, values checked here (facility and severity
 *	names, --input forms) so that main only wires.  --help prints the
 *	usage on stdout and exits 0; a usage error prints a one-line reason
 *	and a hint on stderr and exits 64.
 */
#ifndef PHISHWATCH_OPTIONS_H
#define PHISHWATCH_OPTIONS_H

#include <stddef.h>

#include "config.h"
#include "hostname.h"

#define OPTIONS_MAX_INPUTS 1024
#define OPTIONS_REPORT_TEXT 1
#define OPTIONS_REPORT_JSON 2
#define OPTIONS_REPORT_HTML 3

struct options {
	struct config_options config;	/* rulebase, -a files, labels */
	const char *state;		/* -s FILE, NULL: in memory */
	const char *output;		/* -o DEST, default "-" */
	int syslog_pri;			/* facility | severity for -o syslog */
	int omprog;			/* --omprog */
	int check;			/* -n, --check */
	int input_json;			/* --input json */
	int report;			/* --report: 0 no, 1 text, 2 json */
	unsigned long max_queue_ids;	/* --max-queue-ids */
	long summary_interval;		/* --summary-interval SECONDS, 0 off */
	long max_sender_events;		/* --max-sender-events N, 0 default */
	const char *forget;		/* --forget DOMAIN, or NULL */
	char forget_buf[HOSTNAME_MAX + 1];	/* DOMAIN, checked, lower */
	const char *inputs[OPTIONS_MAX_INPUTS];	/* FILE...; none: "-" */
	size_t input_count;
};

/* What the program does after parsing its command line. */
enum options_next {
	OPTIONS_RUN,		/* go on with *opts */
	OPTIONS_EXIT		/* exit with *status: 0 after --help or
				 * --version, EX_USAGE after a usage error
				 * (already reported on stderr) */
};

/*
 * options_parse - fill *opts from argv; OPTIONS_RUN, or OPTIONS_EXIT
 * with the exit status in *status.
 */
enum options_next options_parse(int argc, char **argv, struct options *opts,
				int *status);

#endif
