/*
 * options - command-line parsing (see options.h).
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <syslog.h>
#include <sysexits.h>

#include "options.h"
#include "tracker.h"

#ifndef PW_VERSION
#define PW_VERSION "dev"
#endif
#ifndef PW_BRANDS
#define PW_BRANDS "/usr/local/share/phishwatch/brands"
#endif
#ifndef PW_RULEBASE
#define PW_RULEBASE "/usr/local/share/phishwatch/sendmail.rb"
#endif

/* What the option helpers return to say "go on parsing"; anything else
 * is the exit status (sysexits.h codes and 0 are all >= 0). */
#define OPTIONS_GO_ON (-1)

/* Long options without a short form. */
enum {
	OPT_LEARN = 256, OPT_OMPROG, OPT_INPUT, OPT_FACILITY, OPT_SEVERITY,
	OPT_REPORT, OPT_MAX_QUEUE, OPT_SUMMARY, OPT_BRANDS, OPT_ALLOW,
	OPT_DEFAULT_BRANDS, OPT_NO_DEFAULT_BRANDS, OPT_MAX_LEARNED, OPT_FORGET,
	OPT_MAX_SENDER_EVENTS
};

static const struct option options_long[] = {
	{ "access", required_argument, NULL, 'a' },
	{ "state", required_argument, NULL, 's' },
	{ "rulebase", required_argument, NULL, 'r' },
	{ "labels", required_argument, NULL, 'l' },
	{ "learn-labels", no_argument, NULL, OPT_LEARN },
	{ "brands", required_argument, NULL, OPT_BRANDS },
	{ "allow", required_argument, NULL, OPT_ALLOW },
	{ "default-brands", required_argument, NULL, OPT_DEFAULT_BRANDS },
	{ "no-default-brands", no_argument, NULL, OPT_NO_DEFAULT_BRANDS },
	{ "max-learned-brands", required_argument, NULL, OPT_MAX_LEARNED },
	{ "omprog", no_argument, NULL, OPT_OMPROG },
	{ "output", required_argument, NULL, 'o' },
	{ "input", required_argument, NULL, OPT_INPUT },
	{ "syslog-facility", required_argument, NULL, OPT_FACILITY },
	{ "syslog-severity", required_argument, NULL, OPT_SEVERITY },
	{ "check", no_argument, NULL, 'n' },
	{ "report", optional_argument, NULL, OPT_REPORT },
	{ "max-queue-ids", required_argument, NULL, OPT_MAX_QUEUE },
	{ "summary-interval", required_argument, NULL, OPT_SUMMARY },
	{ "max-sender-events", required_argument, NULL,
	  OPT_MAX_SENDER_EVENTS },
	{ "forget", required_argument, NULL, OPT_FORGET },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

struct options_name {
	const char *name;
	int value;
};

static const struct options_name options_facilities[] = {
	{ "mail", LOG_MAIL }, { "user", LOG_USER }, { "daemon", LOG_DAEMON },
	{ "auth", LOG_AUTH }, { "local0", LOG_LOCAL0 },
	{ "local1", LOG_LOCAL1 }, { "local2", LOG_LOCAL2 },
	{ "local3", LOG_LOCAL3 }, { "local4", LOG_LOCAL4 },
	{ "local5", LOG_LOCAL5 }, { "local6", LOG_LOCAL6 },
	{ "local7", LOG_LOCAL7 }, { NULL, 0 }
};

static const struct options_name options_severities[] = {
	{ "emerg", LOG_EMERG }, { "alert", LOG_ALERT }, { "crit", LOG_CRIT },
	{ "err", LOG_ERR }, { "warning", LOG_WARNING },
	{ "notice", LOG_NOTICE }, { "info", LOG_INFO },
	{ "debug", LOG_DEBUG }, { NULL, 0 }
};

static const char options_usage[] =
"Usage: phishwatch [OPTION]... [FILE]...\n"
"Watch sendmail, Postfix and Exim log lines for phishing campaigns that\n"
"spoof a brand, and print one JSON event the first time each phished\n"
"domain is seen that no blocking table already blocks.  With no FILE,\n"
"or when FILE is -, read standard input as a stream (tail -F ... |\n"
"phishwatch).\n"
"\n"
"  -a, --access [TYPE:]FILE  blocking table (repeatable); TYPE sendmail,\n"
"                          postfix, postfix-dot or exim, else guessed from\n"
"                          FILE (/etc/postfix/ or *sender_access*: postfix;\n"
"                          /etc/exim4/, /etc/exim/: exim; else sendmail).\n"
"                          sendmail and postfix: FILE.db (hash, btree) or\n"
"                          FILE.cdb as makemap or postmap wrote it, else\n"
"                          the source text\n"
"  -s, --state FILE        SQLite store kept across restarts\n"
"                          (default: in memory, forgotten at exit)\n"
"  -r, --rulebase [MTA:]FILE  rulebase of MTA's lines: sendmail (the\n"
"                          default MTA) or exim; repeatable (default:\n"
"                          " PW_RULEBASE ";\n"
"                          postfix.rb and exim.rb beside sendmail's)\n"
"  -l, --labels LIST       comma list of suspicious left-most labels,\n"
"                          replacing the default (emalsrv,complains)\n"
"      --learn-labels      add the first label of every blocking access\n"
"                          entry that is a subdomain\n"
"      --brands FILE       more brands (a brand a line, then its own\n"
"                          domains) whose lookalikes (linkedinmail.com,\n"
"                          wallmart.com) are phish, after the shipped list;\n"
"                          the store's campaigns and the access map's\n"
"                          blocked subdomains are brands too\n"
"      --default-brands FILE  the shipped brands list (default:\n"
"                          " PW_BRANDS ", when installed)\n"
"      --no-default-brands  no shipped list: --brands replaces it\n"
"      --max-learned-brands N  brands learned from campaigns kept at\n"
"                          most (default 10000)\n"
"      --allow FILE        sender domains never taken for lookalikes\n"
"  -o, --output DEST       '-' (standard output, the default), a file\n"
"                          (appended), or syslog[:SOCKET] (default\n"
"                          socket /dev/log)\n"
"      --syslog-facility F facility for -o syslog (default mail)\n"
"      --syslog-severity S severity for -o syslog (default warning)\n"
"      --omprog            run as an rsyslog omprog action with\n"
"                          confirmMessages=\"on\"\n"
"      --input FORM        raw (syslog lines, the default) or json\n"
"                          (rsyslog mmnormalize output, one object a line)\n"
"      --report[=text|json|html] read every input to the end (gzip\n"
"                          too), then print the campaign chronology\n"
"                          instead of events (html: one page with an SVG\n"
"                          timeline); with -s and no FILE, from the store\n"
"      --summary-interval SECONDS\n"
"                          a campaign-summary event when a campaign has\n"
"                          been quiet that long (default: none)\n"
"      --max-sender-events N  sender-domain-first-seen events a campaign\n"
"                          gives at most, then one\n"
"                          sender-domain-limit-reached (default 20)\n"
"      --max-queue-ids N   open queue ids tracked at most (default 100000)\n"
"  -n, --check             load and validate rulebase, access maps and\n"
"                          store, then exit\n"
"      --forget DOMAIN     with -s: remove the campaign of the phished\n"
"                          DOMAIN from the store (it is new again, and no\n"
"                          longer a learned brand), then exit\n"
"  -h, --help              show this help and exit\n"
"  -V, --version           show the version and exit\n";

/* The end of the help, apart: C99 promises strings of 4095 bytes only. */
static const char options_usage_end[] =
"\n"
"Signals: SIGHUP reloads access maps, labels and rulebase (the store is\n"
"kept); SIGUSR1 prints the counters on standard error.\n"
"Exit status: 0 ok, 1 no such campaign (--forget), 64 usage, 65 bad\n"
"rulebase, access, brands or allow data, 66 an input or one of those\n"
"files missing, 71 out of memory, 73 state store or output unusable,\n"
"74 I/O error.\n"
"See phishwatch(1).\n";

/* options_lookup - value of a facility or severity name, or -1 */
static int options_lookup(const struct options_name *table, const char *name)
{
	for (; table->name != NULL; table++)
		if (strcasecmp(table->name, name) == 0)
			return table->value;
	return -1;
}

/* options_usage_error - one line why, one line where to look */
static int options_usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static int options_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "phishwatch: error: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\nTry 'phishwatch --help' for more information.\n");
	va_end(ap);
	return EX_USAGE;
}

/* options_number - a whole number in [min, max], or -1 after a message */
static long options_number(const char *option, const char *arg, long min,
			   long max)
{
	char *end;
	long value;

	errno = 0;
	value = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || value < min
	    || value > max) {
		options_usage_error("%s takes a number from %ld to %ld, not "
				    "'%.40s'", option, min, max, arg);
		return -1;
	}
	return value;
}

/* options_report - --report, --report=json or --report=html */
static int options_report(struct options *opts, const char *arg)
{
	if (arg == NULL || strcmp(arg, "text") == 0)
		opts->report = OPTIONS_REPORT_TEXT;
	else if (strcmp(arg, "json") == 0)
		opts->report = OPTIONS_REPORT_JSON;
	else if (strcmp(arg, "html") == 0)
		opts->report = OPTIONS_REPORT_HTML;
	else
		return options_usage_error("--report takes text, json or html, "
					   "not '%.40s'", arg);
	return OPTIONS_GO_ON;
}

/* options_forget - --forget DOMAIN: a host name, kept lower-cased */
static int options_forget(struct options *opts, const char *arg)
{
	if (hostname_normalize(arg, strnlen(arg, HOSTNAME_MAX + 2),
			       opts->forget_buf) != HOST_OK)
		return options_usage_error("--forget takes a domain name, not "
					   "'%.40s'", arg);
	opts->forget = opts->forget_buf;
	return OPTIONS_GO_ON;
}

/* options_forget_alone - --forget changes the store and does nothing
 * else: it needs -s and takes no input, --check, --report or --omprog */
static int options_forget_alone(const struct options *opts)
{
	if (opts->forget == NULL)
		return OPTIONS_GO_ON;
	if (opts->state == NULL)
		return options_usage_error("--forget needs the store: -s FILE");
	if (opts->input_count > 0 || opts->check || opts->report
	    || opts->omprog)
		return options_usage_error("--forget takes no input file, "
					   "--check, --report or --omprog");
	return OPTIONS_GO_ON;
}

/* options_rulebase - "-r [sendmail:|exim:]FILE": the MTA's rulebase
 * (Exim's otherwise comes from the directory of sendmail's) */
static int options_rulebase(struct options *opts, const char *arg)
{
	if (strncmp(arg, "exim:", 5) == 0)
		opts->config.rulebase_exim = arg + 5;
	else if (strncmp(arg, "sendmail:", 9) == 0)
		opts->config.rulebase = arg + 9;
	else
		opts->config.rulebase = arg;
	return OPTIONS_GO_ON;
}

/* options_defaults - everything not given on the command line */
static void options_defaults(struct options *opts)
{
	memset(opts, 0, sizeof(*opts));
	opts->config.rulebase = PW_RULEBASE;
	opts->config.default_brands = PW_BRANDS;
	opts->config.max_learned_brands = LOOKALIKE_LEARN_MAX;
	opts->output = "-";
	opts->syslog_pri = LOG_MAIL | LOG_WARNING;
	opts->max_queue_ids = TRACKER_DEFAULT_CAP;
}

/* options_priority - replace the facility or severity part of pri */
static int options_priority(struct options *opts, int facility,
			    const char *name)
{
	const struct options_name *table = facility ? options_facilities
						    : options_severities;
	int value = options_lookup(table, name);

	if (value < 0)
		return options_usage_error("unknown syslog %s '%.40s'",
					   facility ? "facility" : "severity",
					   name);
	if (facility)
		opts->syslog_pri = value | LOG_PRI(opts->syslog_pri);
	else
		opts->syslog_pri = LOG_FAC(opts->syslog_pri) << 3 | value;
	return OPTIONS_GO_ON;
}

/* options_brands - the shipped brands list and the learned brands cap */
static int options_brands(int opt, struct options *opts)
{
	long value;

	switch (opt) {
	case OPT_DEFAULT_BRANDS:
		opts->config.default_brands = optarg;
		opts->config.default_brands_given = 1;
		return OPTIONS_GO_ON;
	case OPT_NO_DEFAULT_BRANDS:
		opts->config.default_brands = NULL;
		return OPTIONS_GO_ON;
	default:
		value = options_number("--max-learned-brands", optarg, 0,
				       10000000);
		opts->config.max_learned_brands = (size_t) value;
		return value < 0 ? EX_USAGE : OPTIONS_GO_ON;
	}
}

/* options_bounds - the numbers that bound the tracker and the events */
static int options_bounds(int opt, struct options *opts)
{
	long value;

	switch (opt) {
	case OPT_MAX_QUEUE:
		value = options_number("--max-queue-ids", optarg, 1, 100000000);
		opts->max_queue_ids = (unsigned long) value;
		break;
	case OPT_SUMMARY:
		value = options_number("--summary-interval", optarg, 1,
				       366L * 24 * 3600);
		opts->summary_interval = value;
		break;
	default:
		value = options_number("--max-sender-events", optarg, 1,
				       1000000);
		opts->max_sender_events = value;
		break;
	}
	return value < 0 ? EX_USAGE : OPTIONS_GO_ON;
}

/* options_one - apply one option; -1 to go on, or an exit code */
static int options_one(int opt, struct options *opts)
{
	switch (opt) {
	case 'a':
		if (opts->config.access_count >= CONFIG_MAX_ACCESS)
			return options_usage_error("too many -a files "
						   "(limit %d)",
						   CONFIG_MAX_ACCESS);
		opts->config.access_files[opts->config.access_count++] = optarg;
		return OPTIONS_GO_ON;
	case 's': opts->state = optarg; return OPTIONS_GO_ON;
	case 'r': return options_rulebase(opts, optarg);
	case 'l': opts->config.labels = optarg; return OPTIONS_GO_ON;
	case 'o': opts->output = optarg; return OPTIONS_GO_ON;
	case 'n': opts->check = 1; return OPTIONS_GO_ON;
	case OPT_LEARN: opts->config.learn_labels = 1; return OPTIONS_GO_ON;
	case OPT_BRANDS: opts->config.brands = optarg; return OPTIONS_GO_ON;
	case OPT_ALLOW: opts->config.allow = optarg; return OPTIONS_GO_ON;
	case OPT_DEFAULT_BRANDS: case OPT_NO_DEFAULT_BRANDS:
	case OPT_MAX_LEARNED:
		return options_brands(opt, opts);
	case OPT_OMPROG: opts->omprog = 1; return OPTIONS_GO_ON;
	case OPT_FACILITY: return options_priority(opts, 1, optarg);
	case OPT_SEVERITY: return options_priority(opts, 0, optarg);
	case OPT_INPUT:
		if (strcmp(optarg, "json") == 0 || strcmp(optarg, "raw") == 0) {
			opts->input_json = strcmp(optarg, "json") == 0;
			return OPTIONS_GO_ON;
		}
		return options_usage_error("--input takes raw or json, not "
					   "'%.40s'", optarg);
	case OPT_REPORT: return options_report(opts, optarg);
	case OPT_FORGET: return options_forget(opts, optarg);
	case OPT_MAX_QUEUE: case OPT_SUMMARY: case OPT_MAX_SENDER_EVENTS:
		return options_bounds(opt, opts);
	case 'h':
		fputs(options_usage, stdout);
		fputs(options_usage_end, stdout);
		return 0;
	case 'V': printf("phishwatch %s\n", PW_VERSION); return 0;
	default:
		return EX_USAGE;	/* options_bad() said why */
	}
}

/* options_takes_no_value - the long option NAME=VALUE names one that takes
 * no value (so the value, not the name, is what is wrong) */
static int options_takes_no_value(const char *arg)
{
	size_t len = strcspn(arg + 2, "=");

	if (arg[2 + len] != '=')
		return 0;
	for (const struct option *o = options_long; o->name != NULL; o++)
		if (strlen(o->name) == len && strncmp(o->name, arg + 2, len) == 0)
			return o->has_arg == no_argument;
	return 0;
}

/*
 * options_bad - what getopt_long found wrong, said like every other
 * error ("phishwatch: error: ..."); its own messages are off (opterr 0)
 * because they lack that prefix.  arg is the word it stopped at.
 */
static int options_bad(int opt, const char *arg)
{
	int is_long = strncmp(arg, "--", 2) == 0;

	if (opt == ':' && is_long)
		return options_usage_error("option '%.100s' needs a value", arg);
	if (opt == ':')
		return options_usage_error("option '-%c' needs a value", optopt);
	if (is_long && options_takes_no_value(arg))
		return options_usage_error("option '%.*s' takes no value",
					   (int) strcspn(arg, "="), arg);
	if (is_long)
		return options_usage_error("unrecognized option '%.100s'", arg);
	return options_usage_error("unrecognized option '-%c'", optopt);
}

/* options_parse_all - argv into *opts; OPTIONS_GO_ON or an exit code */
static int options_parse_all(int argc, char **argv, struct options *opts)
{
	int opt;

	options_defaults(opts);
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":a:s:r:l:o:nhV", options_long,
				  NULL)) != -1) {
		int status = opt == '?' || opt == ':'
			     ? options_bad(opt, argv[optind - 1])
			     : options_one(opt, opts);

		if (status != OPTIONS_GO_ON)
			return status;
	}
	if (argc - optind > OPTIONS_MAX_INPUTS)
		return options_usage_error("too many input files (limit %d)",
					   OPTIONS_MAX_INPUTS);
	for (int i = optind; i < argc; i++)
		opts->inputs[opts->input_count++] = argv[i];
	if (opts->forget != NULL)
		return options_forget_alone(opts);
	if (opts->omprog && opts->input_count > 0)
		return options_usage_error("--omprog reads standard input "
					   "only");
	/* In omprog mode stdout carries the protocol replies and nothing else. */
	if (opts->omprog && strcmp(opts->output, "-") == 0)
		return options_usage_error("--omprog needs -o syslog[:SOCKET] "
					   "or -o FILE: standard output carries "
					   "the replies");
	if (opts->omprog && opts->report)
		return options_usage_error("--omprog and --report exclude each "
					   "other");
	/* --report -s FILE alone reads the store, not standard input. */
	if (opts->input_count == 0 && !(opts->report && opts->state != NULL))
		opts->inputs[opts->input_count++] = "-";
	return OPTIONS_GO_ON;
}

/* options_parse - argv into *opts: run, or exit with *status */
enum options_next options_parse(int argc, char **argv, struct options *opts,
				int *status)
{
	*status = options_parse_all(argc, argv, opts);
	if (*status != OPTIONS_GO_ON)
		return OPTIONS_EXIT;
	*status = 0;
	return OPTIONS_RUN;
}
