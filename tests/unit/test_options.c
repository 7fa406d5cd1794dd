/*
 * test_options - options.c: the command line into struct options.
 *
 *	A usage error comes back as OPTIONS_USAGE with a reason that names
 *	the option (nothing is printed: main prints it and exits 64); the
 *	help and the version come back for main to print; good command
 *	lines fill the struct, the defaults where nothing is given.  The
 *	error cases are one table: argv, and what the reason must say.
 */
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#include "options.h"
#include "tap.h"

#define ARGS_MAX 8

/* One command line and what parsing it must give. */
struct parse_case {
	const char *args[ARGS_MAX];	/* after argv[0]; NULL ends them */
	enum options_next want;
	const char *reason;		/* a part of err, or NULL */
};

static const struct parse_case usage_cases[] = {
	{ { "--bogus" }, OPTIONS_USAGE, "unrecognized option '--bogus'" },
	{ { "-x" }, OPTIONS_USAGE, "unrecognized option '-x'" },
	{ { "-a" }, OPTIONS_USAGE, "option '-a' needs a value" },
	{ { "--state" }, OPTIONS_USAGE, "option '--state' needs a value" },
	{ { "--check=yes" }, OPTIONS_USAGE, "option '--check' takes no value" },
	{ { "--max-queue-ids", "abc" }, OPTIONS_USAGE,
	  "--max-queue-ids takes a number from 1 to 100000000, not 'abc'" },
	{ { "--max-queue-ids", "0" }, OPTIONS_USAGE, "not '0'" },
	{ { "--summary-interval", "12x" }, OPTIONS_USAGE,
	  "--summary-interval takes a number" },
	{ { "--max-sender-events", "-1" }, OPTIONS_USAGE,
	  "--max-sender-events takes a number" },
	{ { "--max-learned-brands", "99999999999999999999" }, OPTIONS_USAGE,
	  "--max-learned-brands takes a number" },
	{ { "--report=pdf" }, OPTIONS_USAGE,
	  "--report takes text, json or html, not 'pdf'" },
	{ { "--input", "xml" }, OPTIONS_USAGE,
	  "--input takes raw or json, not 'xml'" },
	{ { "--syslog-facility", "kern0" }, OPTIONS_USAGE,
	  "--syslog-facility takes mail," },
	{ { "--syslog-severity", "loud" }, OPTIONS_USAGE,
	  "--syslog-severity takes emerg," },
	{ { "--forget", "not a host" }, OPTIONS_USAGE,
	  "--forget takes a domain name" },
	{ { "--forget", "example.com" }, OPTIONS_USAGE,
	  "--forget needs the store: -s FILE" },
	{ { "--forget", "example.com", "-s", "st", "-n" }, OPTIONS_USAGE,
	  "--forget takes no input file, --check" },
	{ { "--omprog", "-o", "f", "in" }, OPTIONS_USAGE,
	  "--omprog reads standard input only" },
	{ { "--omprog" }, OPTIONS_USAGE, "--omprog needs -o syslog" },
	{ { "--omprog", "-o", "f", "--report" }, OPTIONS_USAGE,
	  "--omprog and --report exclude each other" },
	{ { "--help" }, OPTIONS_HELP, NULL },
	{ { "-V" }, OPTIONS_VERSION, NULL },
	{ { "-n", "--help" }, OPTIONS_HELP, NULL },
};

/* parse - args (NULL-ended, argv[0] added) through options_parse */
static enum options_next parse(const char *const *args, struct options *opts,
			       char err[OPTIONS_ERR_MAX])
{
	char *argv[ARGS_MAX + 2] = { "phishwatch" };
	int argc = 1;

	for (size_t i = 0; i < ARGS_MAX && args[i] != NULL; i++)
		argv[argc++] = (char *) args[i];
	argv[argc] = NULL;
	return options_parse(argc, argv, opts, err);
}

/* test_table - every case: the outcome, and the reason where one is due */
static void test_table(void)
{
	static struct options opts;
	char err[OPTIONS_ERR_MAX];
	char name[160];

	for (size_t i = 0; i < sizeof(usage_cases) / sizeof(usage_cases[0]);
	     i++) {
		const struct parse_case *c = &usage_cases[i];
		enum options_next got = parse(c->args, &opts, err);

		snprintf(name, sizeof(name), "%s %s: outcome %d", c->args[0],
			 c->args[1] != NULL ? c->args[1] : "", (int) c->want);
		tap_is_long(got, c->want, name);
		if (c->reason == NULL)
			continue;
		snprintf(name, sizeof(name), "%s: says \"%s\"", c->args[0],
			 c->reason);
		if (!tap_ok(strstr(err, c->reason) != NULL, name))
			printf("#   err: '%s'\n", err);
	}
}

/* test_defaults - no option: stdin, stdout, mail.warning, the caps */
static void test_defaults(void)
{
	static struct options opts;
	static const char *const none[] = { NULL };
	char err[OPTIONS_ERR_MAX];

	tap_is_long(parse(none, &opts, err), OPTIONS_RUN, "no option: run");
	tap_is_long((long) opts.input_count, 1, "one input");
	tap_is_str(opts.inputs[0], "-", "standard input");
	tap_is_str(opts.output, "-", "standard output");
	tap_is_long(opts.syslog_pri, LOG_MAIL | LOG_WARNING, "mail.warning");
	tap_is_long((long) opts.max_queue_ids, 100000, "100000 queue ids");
	tap_ok(opts.state == NULL && !opts.check && !opts.omprog
	       && !opts.report, "no store, no check, no omprog, no report");
}

/* test_values - given options land in their fields */
static void test_values(void)
{
	static struct options opts;
	static const char *const args[] = {
		"-a", "postfix:/x/access", "-r", "exim:/r/exim.rb",
		"--syslog-facility", "LOCAL3", "--syslog-severity", "info",
		NULL
	};
	static const char *const more[] = {
		"--report=json", "-s", "st", "--max-queue-ids", "7",
		"--forget", NULL
	};
	static const char *const forget[] = {
		"--forget", "Example.COM", "-s", "st", NULL
	};
	char err[OPTIONS_ERR_MAX];

	tap_is_long(parse(args, &opts, err), OPTIONS_RUN, "values: run");
	tap_is_str(opts.config.access_files[0], "postfix:/x/access",
		   "-a kept whole, type and all");
	tap_is_str(opts.config.rulebase_exim, "/r/exim.rb", "-r exim:FILE");
	tap_is_long(opts.syslog_pri, LOG_LOCAL3 | LOG_INFO,
		    "facility and severity, any case");
	tap_is_long(parse(more, &opts, err), OPTIONS_USAGE,
		    "--forget at the end lacks its value");
	tap_is_long(parse(forget, &opts, err), OPTIONS_RUN, "--forget: run");
	tap_is_str(opts.forget, "example.com", "--forget lower-cased");
	tap_is_long((long) opts.input_count, 0, "--forget reads no input");
}

int main(void)
{
	test_table();
	test_defaults();
	test_values();
	return tap_done();
}
