/*
 * options - the command line, parsed into one struct.
 *
 * DESCRIPTION
 *	The stable command-line contract of DESIGN.md: getopt_long over the
 *	short and long options, values checked here (facility and severity
 *	names, --input forms) so that main only wires.  Nothing is printed
 *	here: --help and --version come back as what main is to print
 *	(options_help, options_version) on standard output before it exits
 *	0; a usage error comes back with a one-line reason that names the
 *	option, which main prints (with a hint at --help) before it exits
 *	EX_USAGE (64).
 */
#ifndef PHISHWATCH_OPTIONS_H
#define PHISHWATCH_OPTIONS_H

#include <stddef.h>

#include "config.h"
#include "hostname.h"

#define OPTIONS_MAX_INPUTS  1024
#define OPTIONS_REPORT_TEXT 1
#define OPTIONS_REPORT_JSON 2
#define OPTIONS_REPORT_HTML 3

struct options {
	struct config_options config; /* rulebase, -a files, labels */
	const char *state;            /* -s FILE, NULL: in memory */
	const char *output;           /* -o DEST, default "-" */
	int syslog_pri;               /* facility | severity for -o syslog */
	int omprog;                   /* --omprog */
	int check;                    /* -n, --check */
	int input_json;               /* --input json */
	int report;                   /* --report: 0 no, 1 text, 2 json */
	unsigned long max_queue_ids;  /* --max-queue-ids */
	long summary_interval;        /* --summary-interval SECONDS, 0 off */
	long max_sender_events;       /* --max-sender-events N, 0 default */
	int query;                    /* --query: inputs are senders */
	const char *forget;           /* --forget DOMAIN, or NULL */
	char forget_buf[HOSTNAME_MAX + 1];      /* DOMAIN, checked, lower */
	const char *inputs[OPTIONS_MAX_INPUTS]; /* FILE...; none: "-" */
	size_t input_count;
};

#define OPTIONS_ERR_MAX 256 /* one line: the option and why */

/* What the program does after parsing its command line. */
enum options_next {
	OPTIONS_RUN,     /* go on with *opts */
	OPTIONS_HELP,    /* print options_help, exit 0 */
	OPTIONS_VERSION, /* print options_version, exit 0 */
	OPTIONS_USAGE    /* a usage error, why in err: exit EX_USAGE */
};

/* The --help text, in parts (NULL ends them), and the --version line;
 * neither ends in a newline of its own but the help's last part. */
extern const char *const options_help[];
extern const char options_version[];

/*
 * options_parse - fill *opts from argv; on OPTIONS_USAGE err holds the
 * reason, naming the option, for the caller to print.  Parses afresh at
 * every call (getopt's scan restarts).
 */
enum options_next options_parse(int argc, char **argv, struct options *opts,
				char err[OPTIONS_ERR_MAX]);

#endif
