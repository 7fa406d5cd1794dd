/*
 * phishwatch - spot phishing campaigns in sendmail logs as they start.
 *
 * DESCRIPTION
 *	main() only wires: it parses the options, loads the configuration
 *	set, opens the store and the event output, installs the signal
 *	flags and hands every input to the run loop.  See phishwatch(1).
 *
 * DIAGNOSTICS
 *	Exit status follows sysexits.h: 0, EX_USAGE, EX_DATAERR,
 *	EX_NOINPUT, EX_OSERR (out of memory), EX_CANTCREAT (state store),
 *	EX_IOERR.
 */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "assembly.h"
#include "emitter.h"
#include "input.h"
#include "linein.h"
#include "msg.h"
#include "options.h"
#include "pipeline.h"
#include "query.h"
#include "report.h"
#include "reporthtml.h"
#include "runloop.h"
#include "store.h"
#include "tracker.h"

/* The only global state: flags that signal handlers set. */
static struct runloop_signals signals_seen;
/* The signal mask before ours: signals get in only while we wait. */
static sigset_t signals_open;

/* Everything main wires together, so that the reload hook can reach it. */
struct phishwatch {
	struct options opts;
	struct assembly app;  /* config set, store, output, pipeline */
	int store_older;      /* --check: the store's schema is older */
	int replies_nonblock; /* omprog: replies written at once */
};

/* on_signal - set the flag; the run loop acts between lines */
static void on_signal(int sig)
{
	if (sig == SIGHUP)
		signals_seen.hup = 1;
	else if (sig == SIGUSR1)
		signals_seen.usr1 = 1;
	else
		signals_seen.term = 1;
}

/* install_signals - flags only; blocked except while the loop waits */
static void install_signals(int omprog)
{
	struct sigaction sa;
	sigset_t blocked;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	/* rsyslog's omprog ignores SIGINT for its children; so do we then. */
	if (!omprog)
		sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&blocked);
	sigaddset(&blocked, SIGHUP);
	sigaddset(&blocked, SIGUSR1);
	sigaddset(&blocked, SIGTERM);
	sigaddset(&blocked, SIGINT);
	sigprocmask(SIG_BLOCK, &blocked, &signals_open);
}

/* reload_failed - why, and that the old set runs on */
static void reload_failed(const char *err)
{
	msg_error("%s", err);
	msg_warn("reload failed; keeping the previous configuration");
}

/* reload_poll - between lines: the new set in once it is made (or why
 * not); 1 while one loads */
static int reload_poll(void *ctx)
{
	struct phishwatch *pw = ctx;
	char err[ASSEMBLY_ERR_MAX];
	int status;

	if (pw->app.loading == NULL && pw->app.retiring == NULL)
		return 0; /* every line: nothing to do, at once */
	switch (assembly_reload_poll(&pw->app, 0, &status, err)) {
	case ASSEMBLY_RELOAD_SWAPPED:
		msg_info("reloaded rulebase, labels and %zu access map(s)",
			 pw->opts.config.access_count);
		break;
	case ASSEMBLY_RELOAD_FAILED:
		reload_failed(err);
		break;
	case ASSEMBLY_RELOAD_IDLE:
	case ASSEMBLY_RELOAD_LOADING:
		break;
	}
	return pw->app.loading != NULL || pw->app.retiring != NULL;
}

/* reload - SIGHUP: a complete new config set made beside the stream,
 * swapped in by reload_poll(); or the old one kept */
static int reload(void *ctx)
{
	struct phishwatch *pw = ctx;
	char err[ASSEMBLY_ERR_MAX];

	if (assembly_reload_start(&pw->app, &pw->opts.config, err) != 0) {
		reload_failed(err);
		return 0;
	}
	return 1;
}

/*
 * hint_unreadable - after a failed start: for each access map this user
 * may not read, what to do.  Debian's /etc/mail/access is 0600 root, and
 * phishwatch is best run as a user of its own (README, Permissions).
 */
static void hint_unreadable(const struct phishwatch *pw)
{
	for (size_t i = 0; i < pw->opts.config.access_count; i++) {
		enum access_syntax syntax;
		const char *path;

		access_spec(pw->opts.config.access_files[i], &syntax, &path);

		if (access(path, R_OK) == 0 || errno != EACCES)
			continue;
		msg_info("%s: let this user (uid %lu) read it: a group of its "
			 "own, e.g. chgrp phishwatch %s && chmod 0640 %s with "
			 "the user in group phishwatch; or run phishwatch as "
			 "rsyslogd's user (see README, Permissions)",
			 path, (unsigned long)getuid(), path, path);
	}
}

/* open_store_check - --check: the store read-only, never created; a
 * missing one is no error (phishwatch creates it when it runs) */
static int open_store_check(struct phishwatch *pw)
{
	char err[STORE_ERR_MAX];
	int status;

	if (pw->opts.state == NULL)
		return 0;
	status = store_open_readonly(pw->opts.state, &pw->app.store, err);
	if (status > 0) {
		pw->store_older = strstr(err, "older") != NULL;
		if (pw->store_older)
			printf("phishwatch: state store %s; phishwatch will "
			       "migrate it when it runs\n",
			       err);
		else
			printf("phishwatch: state store %s: %s; phishwatch "
			       "will create it when it runs\n",
			       pw->opts.state,
			       strstr(err, ": empty") != NULL
				   ? "empty"
				   : "not there yet");
		return 0;
	}
	if (status < 0) {
		msg_error("state %s", err);
		if (strstr(err, strerror(EACCES)) != NULL)
			msg_info("state %s: this user (uid %lu) needs read and "
				 "write access to it and its directory",
				 pw->opts.state, (unsigned long)getuid());
		return EX_CANTCREAT;
	}
	return 0;
}

/* open_store_report - a --report of the store alone only reads (no
 * lock); a store not there yet, empty or of an older schema is opened
 * as a run opens it (created, migrated) */
static int open_store_report(struct phishwatch *pw)
{
	char err[STORE_ERR_MAX];
	int status = 1;

	if (pw->opts.state != NULL)
		status =
		    store_open_readonly(pw->opts.state, &pw->app.store, err);
	if (status > 0)
		pw->app.store = store_open(pw->opts.state, err);
	if (pw->app.store == NULL) {
		msg_error("state %s", err);
		return EX_CANTCREAT;
	}
	return 0;
}

/* say_counters - "WHY: lines=... events=..." */
static void say_counters(const char *why, const struct counters *c)
{
	char line[COUNTERS_LINE_MAX];

	counters_format(c, line, sizeof(line));
	msg_info("%s: %s", why, line);
}

/* open_outputs - store and emitter */
static int open_outputs(struct phishwatch *pw)
{
	char err[STORE_ERR_MAX > EMITTER_ERR_MAX ? STORE_ERR_MAX
						 : EMITTER_ERR_MAX];
	const struct say_to say = {msg_say, NULL};

	/* --check and --query read the store's campaigns (learned
	 * brands), and write nothing */
	if (pw->opts.check || pw->opts.query)
		return open_store_check(pw);
	if (pw->opts.report && pw->opts.input_count == 0)
		return open_store_report(pw);
	pw->app.store = store_open(pw->opts.state, err);
	if (pw->app.store == NULL) {
		msg_error("state %s", err);
		return EX_CANTCREAT;
	}
	if (store_found_empty(pw->app.store))
		msg_warn(
		    "state %s: empty file (0 bytes) taken for a new store; "
		    "if it was a store truncated, each campaign's "
		    "first-seen event comes again",
		    pw->opts.state);
	/* --report prints the chronology instead of events */
	if (pw->opts.report)
		return 0;
	pw->app.emitter =
	    emitter_open(pw->opts.output, pw->opts.syslog_pri, &say, err);
	if (pw->app.emitter == NULL) {
		msg_error("output %s", err);
		return EX_CANTCREAT;
	}
	return 0;
}

/* input_why - input_read_error() as the run loop asks it */
static const char *input_why(const void *in, int err)
{
	return input_read_error(in, err);
}

/* run_input - one input through the loop */
static int run_input(struct phishwatch *pw, const char *name)
{
	struct input *in = input_open(name, LINEIN_MAX);
	struct runloop loop = {0};
	int status;

	if (in == NULL) {
		msg_error("%s: %s", name, strerror(errno));
		return errno == ENOMEM ? EX_OSERR : EX_NOINPUT;
	}
	loop.in = input_lines(in);
	loop.input_name = input_name(in);
	loop.read_error = input_why;
	loop.read_error_ctx = in;
	/* Line numbers help in a file, not in a stream (omprog: rsyslog's
	 * feed, which no one can look up). */
	pipeline_set_input(
	    pw->app.pipe,
	    pw->opts.omprog || strcmp(name, "-") == 0 ? NULL : input_name(in),
	    input_mtime(in));
	loop.pipe = pw->app.pipe;
	loop.counters = &pw->app.counters;
	loop.replies = pw->opts.omprog ? STDOUT_FILENO : -1;
	loop.replies_nonblock = pw->replies_nonblock;
	loop.signals = &signals_seen;
	loop.wait_mask = &signals_open;
	loop.reload = reload;
	loop.reload_poll = reload_poll;
	loop.reload_ctx = pw;
	loop.say = msg_say;
	loop.store = pw->opts.state != NULL ? pw->app.store : NULL;
	status = runloop_run(&loop);
	input_close(in);
	return status;
}

/* shares_stderr - 1 when fd is the same pipe or socket as standard
 * error (2>&1): made non-blocking, it would make diagnostics fail when
 * full */
static int shares_stderr(int fd)
{
	struct stat a, b;

	return fstat(fd, &a) == 0 && fstat(STDERR_FILENO, &b) == 0
	       && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* run_inputs - every input in turn; a missing one does not stop the rest */
static int run_inputs(struct phishwatch *pw)
{
	int status = 0;
	int ready;

	if (pw->opts.omprog && !shares_stderr(STDOUT_FILENO))
		pw->replies_nonblock =
		    runloop_omprog_nonblock(STDOUT_FILENO, 1) > 0;
	ready = pw->opts.omprog ? runloop_omprog_ready(STDOUT_FILENO) : 0;
	if (ready < 0) {
		msg_error("cannot write omprog reply: %s", strerror(errno));
		status = EX_IOERR;
	} else if (ready > 0)
		msg_warn("terminated while waiting for rsyslog to read the "
			 "first OK");
	for (size_t i = 0; ready >= 0 && i < pw->opts.input_count; i++) {
		int one = run_input(pw, pw->opts.inputs[i]);

		if (one == EX_NOINPUT && status == 0)
			status = one;
		else if (one != 0 && one != EX_NOINPUT) {
			status = one;
			break;
		}
		if (signals_seen.term)
			break;
	}
	if (pw->replies_nonblock) /* as rsyslog made it */
		(void)runloop_omprog_nonblock(STDOUT_FILENO, 0);
	return status;
}

/* check_report - --check: what was loaded, and the verdict */
static int check_report(const struct phishwatch *pw)
{
	if (pw->app.config.access_bad_lines > 0
	    || pw->app.config.brand_bad_lines > 0) {
		msg_error("%zu access map and %zu brand/allow line(s) "
			  "warned about",
			  pw->app.config.access_bad_lines,
			  pw->app.config.brand_bad_lines);
		return EX_DATAERR;
	}
	if (pw->opts.config.access_count == 0)
		msg_warn("no access map given (-a FILE): nothing counts as "
			 "blocked, and every campaign as new");
	printf("phishwatch: configuration OK: rulebase %s, ",
	       pw->opts.config.rulebase);
	if (pw->opts.config.access_count == 0)
		printf("no access map, ");
	else
		printf("%zu access entries, ",
		       access_entry_count(pw->app.config.access));
	if (pw->app.store != NULL)
		printf("%ld campaign(s) in the store\n",
		       store_campaign_count(pw->app.store));
	else
		printf("%s\n", pw->store_older          ? "store to be migrated"
			       : pw->opts.state != NULL ? "no store yet"
							: "store in memory");
	return 0;
}

/* run_queries - --query: a line for each sender named, or read from
 * standard input for "-"; 0 when one is a phish, 1 when none,
 * EX_DATAERR when one names no host, EX_IOERR when standard input or
 * output fails */
static int run_queries(struct phishwatch *pw)
{
	struct query_tally tally = {0, 0};

	for (size_t i = 0; i < pw->opts.input_count; i++) {
		const char *sender = pw->opts.inputs[i];
		int status =
		    strcmp(sender, "-") == 0
			? query_lines(&pw->app.config, STDIN_FILENO, stdout,
				      &tally)
			: query_count(&tally,
				      query_sender(&pw->app.config, sender,
						   NULL, stdout));

		if (status < 0) {
			msg_error("--query %.80s: %s", sender, strerror(errno));
			return EX_IOERR;
		}
	}
	if (fflush(stdout) != 0) {
		msg_error("standard output: %s", strerror(errno));
		return EX_IOERR;
	}
	return tally.no_host > 0 ? EX_DATAERR : tally.phish > 0 ? 0 : 1;
}

/* print_report - --report: commit, then the chronology on stdout */
static int print_report(struct phishwatch *pw, int status)
{
	if (pipeline_flush(pw->app.pipe) < 0) {
		msg_error("%s", pipeline_error(pw->app.pipe));
		return pipeline_status(pw->app.pipe);
	}
	store_clear_error(pw->app.store);
	if ((pw->opts.report == OPTIONS_REPORT_HTML
		 ? reporthtml_print(pw->app.store, stdout)
		 : report_print(pw->app.store, stdout,
				pw->opts.report == OPTIONS_REPORT_JSON))
	    < 0) {
		/* A store that cannot be read (corrupt pages) is the store's
		 * failure, not standard output's with a stale errno. */
		if (store_errmsg(pw->app.store)[0] != '\0') {
			msg_error("state %s", store_errmsg(pw->app.store));
			return EX_CANTCREAT;
		}
		msg_error("cannot print the report: %s", strerror(errno));
		return EX_IOERR;
	}
	return status;
}

/*
 * forget - --forget DOMAIN: the campaign out of the store, under the
 * writer lock like any writer; 0, 1 when the store holds no such
 * campaign, or EX_CANTCREAT.  Brands are learned from the store at
 * start, so the next start no longer takes DOMAIN for one.
 */
static int forget(const struct options *opts)
{
	char err[STORE_ERR_MAX];
	struct store_forgotten gone;
	struct store *store;
	int failed;

	/* A mistyped -s must not leave a new empty store behind. */
	if (access(opts->state, F_OK) < 0 && errno == ENOENT) {
		msg_error("state %.200s: no such store; nothing to forget",
			  opts->state);
		return 1;
	}
	store = store_open(opts->state, err);
	if (store == NULL) {
		msg_error("state %s", err);
		return EX_CANTCREAT;
	}
	failed = store_forget(store, opts->forget, &gone);
	if (failed)
		msg_error("state %s", store_errmsg(store));
	if (store_close(store, err) < 0)
		msg_error("state %s", err);
	if (failed)
		return EX_CANTCREAT;
	if (gone.campaigns + gone.senders + gone.mtas + gone.relays + gone.hours
	    == 0) {
		msg_error("no campaign %s in the store %.200s", opts->forget,
			  opts->state);
		return 1;
	}
	printf("phishwatch: forgot campaign %s: %ld campaign, %ld sender "
	       "domain(s), %ld relay(s), %ld MTA count(s)\n",
	       opts->forget, gone.campaigns, gone.senders, gone.relays,
	       gone.mtas);
	return 0;
}

/* open_outputs_hook - assembly_open()'s way to the store and output */
static int open_outputs_hook(void *ctx, struct assembly *a,
			     char err[ASSEMBLY_ERR_MAX])
{
	(void)a;   /* pw->app itself */
	(void)err; /* open_outputs() says why */
	return open_outputs(ctx);
}

/* start - load and open everything; 0 or an exit code */
static int start(struct phishwatch *pw)
{
	struct assembly_plan plan = {0};
	char err[ASSEMBLY_ERR_MAX];
	int status;

	pw->opts.config.say = msg_say;
	plan.config = &pw->opts.config;
	plan.open_outputs = open_outputs_hook;
	plan.ctx = pw;
	plan.max_queue_ids = pw->opts.max_queue_ids;
	plan.summary_interval = pw->opts.summary_interval;
	plan.sender_events = pw->opts.max_sender_events;
	plan.input_json = pw->opts.input_json;
	plan.config_only = pw->opts.check || pw->opts.query;
	status = assembly_open(&pw->app, &plan, err);
	if (status != 0 && err[0] != '\0')
		msg_error("%s", err);
	if (status != 0 && pw->app.failed_config)
		hint_unreadable(pw);
	return status;
}

/*
 * hold_std_fds - a closed standard descriptor (0, 1 or 2) is held open on
 * /dev/null, for the other direction only: otherwise the next file opened
 * (the store's lock file, an access map) would take its number, and events
 * meant for standard output would be written into that file.  Opened the
 * wrong way, the descriptor still fails as a closed one does (EBADF), so
 * a closed standard output is an error when the first event is written,
 * and a closed standard input one when it is read, never silent.
 */
static int hold_std_fds(void)
{
	for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; fd++) {
		if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
			continue;
		if (open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY)
		    != fd)
			return -1;
	}
	return 0;
}

/*
 * parse_options - the command line into *opts: -1 to run, or the exit
 * status after printing the help, the version or why it is wrong
 */
static int parse_options(int argc, char **argv, struct options *opts)
{
	char err[OPTIONS_ERR_MAX];

	switch (options_parse(argc, argv, opts, err)) {
	case OPTIONS_RUN:
		return -1;
	case OPTIONS_HELP:
		for (size_t i = 0; options_help[i] != NULL; i++)
			fputs(options_help[i], stdout);
		return 0;
	case OPTIONS_VERSION:
		printf("%s\n", options_version);
		return 0;
	default:
		msg_error("%s", err);
		msg_hint("Try 'phishwatch --help' for more information.");
		return EX_USAGE;
	}
}

/*
 * one_arena - every thread allocates from the main heap.  glibc gives a
 * second thread (the SIGHUP loader) an arena of its own, reserving 64
 * MiB of address space; under a ulimit -v that cannot have it, each of
 * that thread's allocations became a mapping of its own, a page or more
 * for a few bytes, and the load ran out of memory inside liblognorm,
 * which crashes rather than fails.  One thread at a time allocates
 * much, so sharing the heap costs nothing.
 */
static void one_arena(void)
{
#ifdef M_ARENA_MAX
	(void)mallopt(M_ARENA_MAX, 1);
#endif
}

int main(int argc, char **argv)
{
	static struct phishwatch pw;
	char err[ASSEMBLY_ERR_MAX];
	int status;

	one_arena();
	if (hold_std_fds() < 0)
		return EX_OSERR;
	status = parse_options(argc, argv, &pw.opts);
	if (status >= 0)
		return status;
	if (pw.opts.forget != NULL)
		return forget(&pw.opts);
	msg_set_timestamps(pw.opts.omprog);
	install_signals(pw.opts.omprog);
	status = start(&pw);
	if (status == 0 && pw.opts.check)
		status = check_report(&pw);
	else if (status == 0 && pw.opts.query)
		status = run_queries(&pw);
	else if (status == 0) {
		status = run_inputs(&pw);
		/* A failed run leaves the store as of its last commit, the
		 * line the run loop named to read again from. */
		if (status != 0 && status != EX_NOINPUT
		    && store_discard(pw.app.store) < 0)
			msg_error("state %s", store_errmsg(pw.app.store));
		/* --report -s STORE alone read no line: no counters */
		if (pw.opts.input_count > 0)
			say_counters("exit", &pw.app.counters);
		if (pw.opts.report && status != EX_IOERR && status != EX_OSERR)
			status = print_report(&pw, status);
	}
	if (assembly_loading(&pw.app))
		msg_info("stopping: the reload under way is given up");
	if (assembly_close(&pw.app, err) < 0)
		msg_error("state %s", err);
	return status;
}
