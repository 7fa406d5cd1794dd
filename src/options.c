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

/* Long options without a short form. */
enum {
	OPT_LEARN = 256,
	OPT_OMPROG,
	OPT_INPUT,
	OPT_FACILITY,
	OPT_SEVERITY,
	OPT_REPORT,
	OPT_MAX_QUEUE,
	OPT_SUMMARY,
	OPT_BRANDS,
	OPT_ALLOW,
	OPT_DEFAULT_BRANDS,
	OPT_NO_DEFAULT_BRANDS,
	OPT_MAX_LEARNED,
	OPT_FORGET,
	OPT_QUERY,
	OPT_MAX_SENDER_EVENTS
};

static const struct option options_long[] = {
    {"access", required_argument, NULL, 'a'},
    {"state", required_argument, NULL, 's'},
    {"rulebase", required_argument, NULL, 'r'},
    {"labels", required_argument, NULL, 'l'},
    {"learn-labels", no_argument, NULL, OPT_LEARN},
    {"brands", required_argument, NULL, OPT_BRANDS},
    {"allow", required_argument, NULL, OPT_ALLOW},
    {"default-brands", required_argument, NULL, OPT_DEFAULT_BRANDS},
    {"no-default-brands", no_argument, NULL, OPT_NO_DEFAULT_BRANDS},
    {"max-learned-brands", required_argument, NULL, OPT_MAX_LEARNED},
    {"omprog", no_argument, NULL, OPT_OMPROG},
    {"output", required_argument, NULL, 'o'},
    {"input", required_argument, NULL, OPT_INPUT},
    {"syslog-facility", required_argument, NULL, OPT_FACILITY},
    {"syslog-severity", required_argument, NULL, OPT_SEVERITY},
    {"check", no_argument, NULL, 'n'},
    {"report", optional_argument, NULL, OPT_REPORT},
    {"max-queue-ids", required_argument, NULL, OPT_MAX_QUEUE},
    {"summary-interval", required_argument, NULL, OPT_SUMMARY},
    {"max-sender-events", required_argument, NULL, OPT_MAX_SENDER_EVENTS},
    {"forget", required_argument, NULL, OPT_FORGET},
    {"query", no_argument, NULL, OPT_QUERY},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0}};

struct options_name {
	const char *name;
	int value;
};

static const struct options_name options_facilities[] = {{"mail", LOG_MAIL},
							 {"user", LOG_USER},
							 {"daemon", LOG_DAEMON},
							 {"auth", LOG_AUTH},
							 {"local0", LOG_LOCAL0},
							 {"local1", LOG_LOCAL1},
							 {"local2", LOG_LOCAL2},
							 {"local3", LOG_LOCAL3},
							 {"local4", LOG_LOCAL4},
							 {"local5", LOG_LOCAL5},
							 {"local6", LOG_LOCAL6},
							 {"local7", LOG_LOCAL7},
							 {NULL, 0}};

static const struct options_name options_severities[] = {
    {"emerg", LOG_EMERG}, {"alert", LOG_ALERT},     {"crit", LOG_CRIT},
    {"err", LOG_ERR},     {"warning", LOG_WARNING}, {"notice", LOG_NOTICE},
    {"info", LOG_INFO},   {"debug", LOG_DEBUG},     {NULL, 0}};

/* The help, in parts: C99 promises strings of 4095 bytes only. */
static const char options_usage[] =
    "Usage: phishwatch [OPTION]... [FILE]...\n"
    "Watch sendmail, Postfix and Exim log lines for phishing campaigns that\n"
    "spoof a brand, and print one JSON event the first time each phished\n"
    "domain is seen that no blocking table already blocks.  With no FILE,\n"
    "or when FILE is -, read standard input as a stream (tail -F ... |\n"
    "phishwatch).\n"
    "\n"
    "  -a, --access [TYPE:]FILE  blocking table (repeatable); TYPE sendmail,\n"
    "                          postfix, postfix-dot, pcre, regexp (Postfix's\n"
    "                          tables of patterns) or exim, else guessed "
    "from\n"
    "                          FILE (*.pcre, *.regexp: those; /etc/postfix/ "
    "or\n"
    "                          *sender_access*: postfix; /etc/exim4/,\n"
    "                          /etc/exim/: exim; else sendmail).\n"
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
    "                          entry that is a subdomain\n";

static const char options_usage_brands[] =
    "      --brands FILE       more brands (a brand a line, then its own\n"
    "                          domains; UTF-8 names as their A-labels,\n"
    "                          and as read in ASCII: bucher-login.de for\n"
    "                          xn--bcher-kva.de; names with hyphens also\n"
    "                          without them: rollsroycelogin.com for\n"
    "                          rolls-royce.com)\n"
    "                          whose lookalikes (linkedinmail.com,\n"
    "                          wallmart.com; two typos of a name of 11 or\n"
    "                          more: myefherwalet.com; a number beside a\n"
    "                          coined name: paypal2019.com, or a word\n"
    "                          after it and a hyphen: paypal-balance.com;\n"
    "                          two keywords glued: paypal-securelogin.com,\n"
    "                          or one misspelt after a coined name:\n"
    "                          paypal-acount.com, paypalacount.com;\n"
    "                          a keyword and a hyphen beside two letters:\n"
    "                          bt-billing.com, or six letters of keywords\n"
    "                          glued: btsecure.com, or www: wwwbt.com;\n"
    "                          the initials leading a hyphenated name\n"
    "                          with keywords: cra-refund.ca for\n"
    "                          cra-arc.gc.ca, or a keyword for the word\n"
    "                          at either end under the brand's suffix:\n"
    "                          login-bank.de; the brand in another\n"
    "                          script with keywords: xn--pypal-login-yij.com,\n"
    "                          or with a look-alike or a typo and\n"
    "                          keywords: paypa1-login.com; its domain\n"
    "                          spelled out: paypal-com.net, and under\n"
    "                          its own country code without its dot:\n"
    "                          metamaskio.live; crypto lures' words:\n"
    "                          ledger-usdt.com; e written\n"
    "                          c in a long name: socictcgcncralc.com;\n"
    "                          anything beside a coined name under a\n"
    "                          TLD sold in bulk: paypalnow.top, and\n"
    "                          under any beside a brand marked !any:\n"
    "                          metamaskpro.com;\n"
    "                          its domain in front of another:\n"
    "                          paypal.com.verify-id.info)\n"
    "                          are phish, after the shipped list; the\n"
    "                          store's campaigns and the access map's\n"
    "                          blocked subdomains are brands too\n"
    "      --default-brands FILE  the shipped brands list (default:\n"
    "                          " PW_BRANDS ", when installed;\n"
    "                          a warning when it is not)\n"
    "      --no-default-brands  no shipped list: --brands replaces it\n"
    "      --max-learned-brands N  brands learned from campaigns kept at\n"
    "                          most (default 10000)\n"
    "      --allow FILE        sender domains never taken for lookalikes\n";

static const char options_usage_output[] =
    "  -o, --output DEST       '-' (standard output, the default), a file\n"
    "                          (appended), or syslog[:SOCKET] (default\n"
    "                          socket /dev/log)\n"
    "      --syslog-facility F facility for -o syslog (default mail)\n"
    "      --syslog-severity S severity for -o syslog (default warning)\n"
    "      --omprog            run as an rsyslog omprog action with\n"
    "                          confirmMessages=\"on\"\n"
    "      --input FORM        raw (syslog lines, the default: RFC 3164,\n"
    "                          3339 or 5424, journalctl's short forms,\n"
    "                          or Exim's mainlog) or json\n"
    "                          (rsyslog mmnormalize output, one object a "
    "line)\n"
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
    "      --max-queue-ids N   open queue ids tracked at most (default "
    "100000)\n"
    "  -n, --check             load and validate rulebase, access maps and\n"
    "                          store, then exit\n"
    "      --forget DOMAIN     with -s: remove the campaign of the phished\n"
    "                          DOMAIN from the store (it is new again, and no\n"
    "                          longer a learned brand), then exit\n"
    "      --query SENDER...   print what each SENDER (an address or a host)\n"
    "                          would give with these brands, allow list and\n"
    "                          tables, one line each: HOST ordinary (own\n"
    "                          BRAND, or allowed), or HOST phish PHISHED\n"
    "                          RULE blocked|domain-blocked|unblocked and the\n"
    "                          line that blocks it; then exit 0 (a phish\n"
    "                          among them) or 1 (none); a SENDER of - reads\n"
    "                          senders from standard input, one a line\n"
    "  -h, --help              show this help and exit\n"
    "  -V, --version           show the version and exit\n";

static const char options_usage_end[] =
    "\n"
    "Signals: SIGHUP reloads access maps, labels and rulebase (the store is\n"
    "kept); SIGUSR1 prints the counters on standard error.\n"
    "Exit status: 0 ok, 1 no such campaign (--forget) or no phish (--query),\n"
    "64 usage, 65 bad rulebase, access, brands or allow data, or a SENDER\n"
    "that is no address or host name, 66 an input or one of those files\n"
    "missing, 71 out of memory, 73 state store or output unusable, 74 I/O\n"
    "error.\n"
    "See phishwatch(1).\n";

const char *const options_help[] = {options_usage, options_usage_brands,
				    options_usage_output, options_usage_end,
				    NULL};
const char options_version[] = "phishwatch " PW_VERSION;

/* options_lookup - value of a facility or severity name, or -1 */
static int options_lookup(const struct options_name *table, const char *name)
{
	for (; table->name != NULL; table++)
		if (strcasecmp(table->name, name) == 0)
			return table->value;
	return -1;
}

/* options_usage_error - why the command line is wrong, into err, for
 * main to print; OPTIONS_USAGE */
static enum options_next options_usage_error(char *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static enum options_next options_usage_error(char *err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, OPTIONS_ERR_MAX, fmt, ap);
	va_end(ap);
	return OPTIONS_USAGE;
}

/* options_number - a whole number in [min, max], or -1 after a message */
static long options_number(const char *option, const char *arg, long min,
			   long max, char *err)
{
	char *end;
	long value;

	errno = 0;
	value = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || value < min
	    || value > max) {
		options_usage_error(err,
				    "%s takes a number from %ld to %ld, not "
				    "'%.40s'",
				    option, min, max, arg);
		return -1;
	}
	return value;
}

/* options_report - --report, --report=json or --report=html */
static enum options_next options_report(struct options *opts, const char *arg,
					char *err)
{
	if (arg == NULL || strcmp(arg, "text") == 0)
		opts->report = OPTIONS_REPORT_TEXT;
	else if (strcmp(arg, "json") == 0)
		opts->report = OPTIONS_REPORT_JSON;
	else if (strcmp(arg, "html") == 0)
		opts->report = OPTIONS_REPORT_HTML;
	else
		return options_usage_error(err,
					   "--report takes text, json or html, "
					   "not '%.40s'",
					   arg);
	return OPTIONS_RUN;
}

/* options_forget - --forget DOMAIN: a host name, kept lower-cased */
static enum options_next options_forget(struct options *opts, const char *arg,
					char *err)
{
	if (hostname_normalize(arg, strnlen(arg, HOSTNAME_MAX + 2),
			       opts->forget_buf)
	    != HOST_OK)
		return options_usage_error(err,
					   "--forget takes a domain name, not "
					   "'%.40s'",
					   arg);
	opts->forget = opts->forget_buf;
	return OPTIONS_RUN;
}

/* options_forget_alone - --forget changes the store and does nothing
 * else: it needs -s and takes no input, --check, --report or --omprog */
static enum options_next options_forget_alone(const struct options *opts,
					      char *err)
{
	if (opts->forget == NULL)
		return OPTIONS_RUN;
	if (opts->state == NULL)
		return options_usage_error(err,
					   "--forget needs the store: -s FILE");
	if (opts->input_count > 0 || opts->check || opts->report
	    || opts->omprog)
		return options_usage_error(err,
					   "--forget takes no input file, "
					   "--check, --report or --omprog");
	return OPTIONS_RUN;
}

/* options_query_alone - --query judges the senders named and reads no
 * log: it needs one and takes no --check, --report, --omprog or
 * --forget */
static enum options_next options_query_alone(const struct options *opts,
					     char *err)
{
	if (opts->input_count == 0)
		return options_usage_error(err, "--query needs a sender: "
						"--query SENDER...");
	if (opts->check || opts->report || opts->omprog || opts->forget != NULL)
		return options_usage_error(err, "--query takes no --check, "
						"--report, --omprog or "
						"--forget");
	return OPTIONS_RUN;
}

/* options_rulebase - "-r [sendmail:|exim:]FILE": the MTA's rulebase
 * (Exim's otherwise comes from the directory of sendmail's) */
static enum options_next options_rulebase(struct options *opts, const char *arg)
{
	if (strncmp(arg, "exim:", 5) == 0)
		opts->config.rulebase_exim = arg + 5;
	else if (strncmp(arg, "sendmail:", 9) == 0)
		opts->config.rulebase = arg + 9;
	else
		opts->config.rulebase = arg;
	return OPTIONS_RUN;
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
static enum options_next options_priority(struct options *opts, int facility,
					  const char *name, char *err)
{
	const struct options_name *table =
	    facility ? options_facilities : options_severities;
	int value = options_lookup(table, name);

	if (value < 0)
		return options_usage_error(
		    err, "%s takes %s, not '%.40s'",
		    facility ? "--syslog-facility" : "--syslog-severity",
		    facility ? "mail, user, daemon, auth "
			       "or local0 to local7"
			     : "emerg, alert, crit, err, warning, "
			       "notice, info or debug",
		    name);
	if (facility)
		opts->syslog_pri = value | LOG_PRI(opts->syslog_pri);
	else
		opts->syslog_pri = LOG_FAC(opts->syslog_pri) << 3 | value;
	return OPTIONS_RUN;
}

/* options_brands - the shipped brands list and the learned brands cap */
static enum options_next options_brands(int opt, struct options *opts,
					char *err)
{
	long value;

	switch (opt) {
	case OPT_DEFAULT_BRANDS:
		opts->config.default_brands = optarg;
		opts->config.default_brands_given = 1;
		return OPTIONS_RUN;
	case OPT_NO_DEFAULT_BRANDS:
		opts->config.default_brands = NULL;
		return OPTIONS_RUN;
	default:
		value = options_number("--max-learned-brands", optarg, 0,
				       10000000, err);
		opts->config.max_learned_brands = (size_t)value;
		return value < 0 ? OPTIONS_USAGE : OPTIONS_RUN;
	}
}

/* options_bounds - the numbers that bound the tracker and the events */
static enum options_next options_bounds(int opt, struct options *opts,
					char *err)
{
	long value;

	switch (opt) {
	case OPT_MAX_QUEUE:
		value = options_number("--max-queue-ids", optarg, 1, 100000000,
				       err);
		opts->max_queue_ids = (unsigned long)value;
		break;
	case OPT_SUMMARY:
		value = options_number("--summary-interval", optarg, 1,
				       366L * 24 * 3600, err);
		opts->summary_interval = value;
		break;
	default:
		value = options_number("--max-sender-events", optarg, 1,
				       1000000, err);
		opts->max_sender_events = value;
		break;
	}
	return value < 0 ? OPTIONS_USAGE : OPTIONS_RUN;
}

/* options_set - an option that only sets a field: 1 when opt is one */
static int options_set(int opt, struct options *opts)
{
	switch (opt) {
	case 's':
		opts->state = optarg;
		break;
	case 'l':
		opts->config.labels = optarg;
		break;
	case 'o':
		opts->output = optarg;
		break;
	case 'n':
		opts->check = 1;
		break;
	case OPT_LEARN:
		opts->config.learn_labels = 1;
		break;
	case OPT_BRANDS:
		opts->config.brands = optarg;
		break;
	case OPT_ALLOW:
		opts->config.allow = optarg;
		break;
	case OPT_OMPROG:
		opts->omprog = 1;
		break;
	case OPT_QUERY:
		opts->query = 1;
		opts->config.no_lines = 1;
		break;
	default:
		return 0;
	}
	return 1;
}

/* options_access - one more -a file */
static enum options_next options_access(struct options *opts, char *err)
{
	if (opts->config.access_count >= CONFIG_MAX_ACCESS)
		return options_usage_error(err, "too many -a files (limit %d)",
					   CONFIG_MAX_ACCESS);
	opts->config.access_files[opts->config.access_count++] = optarg;
	return OPTIONS_RUN;
}

/* options_input - --input raw or json */
static enum options_next options_input(struct options *opts, char *err)
{
	if (strcmp(optarg, "json") != 0 && strcmp(optarg, "raw") != 0)
		return options_usage_error(err,
					   "--input takes raw or json, "
					   "not '%.40s'",
					   optarg);
	opts->input_json = strcmp(optarg, "json") == 0;
	return OPTIONS_RUN;
}

/* options_one - apply one option; OPTIONS_RUN to go on */
static enum options_next options_one(int opt, struct options *opts, char *err)
{
	if (options_set(opt, opts))
		return OPTIONS_RUN;
	switch (opt) {
	case 'a':
		return options_access(opts, err);
	case 'r':
		return options_rulebase(opts, optarg);
	case OPT_DEFAULT_BRANDS:
	case OPT_NO_DEFAULT_BRANDS:
	case OPT_MAX_LEARNED:
		return options_brands(opt, opts, err);
	case OPT_FACILITY:
		return options_priority(opts, 1, optarg, err);
	case OPT_SEVERITY:
		return options_priority(opts, 0, optarg, err);
	case OPT_INPUT:
		return options_input(opts, err);
	case OPT_REPORT:
		return options_report(opts, optarg, err);
	case OPT_FORGET:
		return options_forget(opts, optarg, err);
	case OPT_MAX_QUEUE:
	case OPT_SUMMARY:
	case OPT_MAX_SENDER_EVENTS:
		return options_bounds(opt, opts, err);
	case 'h':
		return OPTIONS_HELP;
	case 'V':
		return OPTIONS_VERSION;
	default:
		return OPTIONS_USAGE; /* options_bad() said why */
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
		if (strlen(o->name) == len
		    && strncmp(o->name, arg + 2, len) == 0)
			return o->has_arg == no_argument;
	return 0;
}

/*
 * options_bad - what getopt_long found wrong, into err like every other
 * usage error; its own messages are off (opterr 0), since only main
 * prints.  arg is the word it stopped at.
 */
static enum options_next options_bad(int opt, const char *arg, char *err)
{
	int is_long = strncmp(arg, "--", 2) == 0;

	if (opt == ':' && is_long)
		return options_usage_error(err, "option '%.100s' needs a value",
					   arg);
	if (opt == ':')
		return options_usage_error(err, "option '-%c' needs a value",
					   optopt);
	if (is_long && options_takes_no_value(arg))
		return options_usage_error(err, "option '%.*s' takes no value",
					   (int)strcspn(arg, "="), arg);
	if (is_long)
		return options_usage_error(err, "unrecognized option '%.100s'",
					   arg);
	return options_usage_error(err, "unrecognized option '-%c'", optopt);
}

/* options_omprog_alone - --omprog reads standard input and writes its
 * replies to standard output, which nothing else may then use */
static enum options_next options_omprog_alone(const struct options *opts,
					      char *err)
{
	if (!opts->omprog)
		return OPTIONS_RUN;
	if (opts->input_count > 0)
		return options_usage_error(err, "--omprog reads standard input "
						"only");
	if (strcmp(opts->output, "-") == 0)
		return options_usage_error(err, "--omprog needs -o "
						"syslog[:SOCKET] or -o FILE: "
						"standard output carries the "
						"replies");
	if (opts->report)
		return options_usage_error(err, "--omprog and --report exclude "
						"each other");
	return OPTIONS_RUN;
}

/* options_parse_all - argv into *opts; OPTIONS_RUN to go on */
static enum options_next options_parse_all(int argc, char **argv,
					   struct options *opts, char *err)
{
	enum options_next next;
	int opt;

	options_defaults(opts);
	opterr = 0;
	optind = 0; /* glibc: a fresh scan (unit tests parse many times) */
	while ((opt = getopt_long(argc, argv, ":a:s:r:l:o:nhV", options_long,
				  NULL))
	       != -1) {
		next = opt == '?' || opt == ':'
			   ? options_bad(opt, argv[optind - 1], err)
			   : options_one(opt, opts, err);
		if (next != OPTIONS_RUN)
			return next;
	}
	if (argc - optind > OPTIONS_MAX_INPUTS)
		return options_usage_error(err,
					   "too many input files (limit "
					   "%d)",
					   OPTIONS_MAX_INPUTS);
	for (int i = optind; i < argc; i++)
		opts->inputs[opts->input_count++] = argv[i];
	if (opts->query)
		return options_query_alone(opts, err);
	if (opts->forget != NULL)
		return options_forget_alone(opts, err);
	next = options_omprog_alone(opts, err);
	/* --report -s FILE alone reads the store, not standard input. */
	if (opts->input_count == 0 && !(opts->report && opts->state != NULL))
		opts->inputs[opts->input_count++] = "-";
	return next;
}

/* options_parse - argv into *opts; why it is wrong into err */
enum options_next options_parse(int argc, char **argv, struct options *opts,
				char err[OPTIONS_ERR_MAX])
{
	err[0] = '\0';
	return options_parse_all(argc, argv, opts, err);
}
