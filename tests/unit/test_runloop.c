/*
 * test_runloop - runloop.c over a real pipeline (assembly.c, an
 * in-memory store, no event output) and lines from a file.
 *
 *	Filter mode reads to the end and counts every line, an over-long
 *	one included; omprog mode answers each line "OK" and nothing else;
 *	the flags the signal handlers set are acted on between lines
 *	(SIGUSR1: the counters told to the say hook; SIGHUP: the reload
 *	hook; SIGTERM: stop, having read nothing); a read error and a reply
 *	that cannot be written end the loop with EX_IOERR and an error
 *	told to the say hook.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "assembly.h"
#include "runloop.h"
#include "tap.h"

#define LINE_LIMIT 512		/* lines longer than this are too long */
#define SAID_MAX 16

static char rulebase[4096];

static const char ordinary_line[] = "Jul  3 14:12:20 mx1 sm-mta[4707]: "
	"q1: from=<a@example.org>, size=4210, class=0, nrcpts=1, "
	"msgid=<q1@mail.example>, proto=ESMTP, daemon=MTA, "
	"relay=mail.example.net [203.0.113.7]\n";
static const char junk_line[] = "not a log line at all\n";

/* What the say hook was told. */
struct said {
	int count[SAY_ERROR + 1];
	char last[SAY_ERROR + 1][SAY_MAX];
};

/* say_hook - record a message by level */
static void say_hook(void *ctx, enum say_level level, const char *text)
{
	struct said *said = ctx;

	said->count[level]++;
	snprintf(said->last[level], SAY_MAX, "%s", text);
}

/* reload_hook - count the reloads (each one done at once) */
static int reload_hook(void *ctx)
{
	(*(int *) ctx)++;
	return 0;
}

/* no_outputs - assembly hook: a store in memory, no event output */
static int no_outputs(void *ctx, struct assembly *a,
		      char err[ASSEMBLY_ERR_MAX])
{
	char why[STORE_ERR_MAX];

	(void) ctx;
	a->store = store_open(NULL, why);
	if (a->store != NULL)
		return 0;
	snprintf(err, ASSEMBLY_ERR_MAX, "%s", why);
	return EX_CANTCREAT;
}

/* A loop and everything under it. */
struct rig {
	struct config_options opts;
	struct assembly app;
	struct runloop_signals signals;
	struct runloop loop;
	struct said said;
	int reloads;
	int fd;
	char input[64];
};

/* rig_open - a loop over the text of lines (written to a file) */
static void rig_open(struct rig *r, const char *lines)
{
	struct assembly_plan plan = { 0 };
	char err[ASSEMBLY_ERR_MAX];
	size_t len = strlen(lines);

	memset(r, 0, sizeof(*r));
	r->opts.rulebase = rulebase;
	plan.config = &r->opts;
	plan.open_outputs = no_outputs;
	plan.max_queue_ids = 100;
	snprintf(r->input, sizeof(r->input), "/tmp/test_runloop.XXXXXX");
	r->fd = mkstemp(r->input);
	if (r->fd < 0 || write(r->fd, lines, len) != (ssize_t) len
	    || lseek(r->fd, 0, SEEK_SET) != 0
	    || assembly_open(&r->app, &plan, err) != 0)
		exit(tap_ok(0, "rig: input file and assembly") + 1);
	r->loop.in = linein_open(r->fd, LINE_LIMIT);
	r->loop.input_name = "test input";
	r->loop.pipe = r->app.pipe;
	r->loop.counters = &r->app.counters;
	r->loop.replies = -1;		/* filter mode */
	r->loop.signals = &r->signals;
	r->loop.reload = reload_hook;
	r->loop.reload_ctx = &r->reloads;
	r->loop.say = say_hook;
	r->loop.say_ctx = &r->said;
	if (r->loop.in == NULL)
		exit(tap_ok(0, "rig: linein") + 1);
}

/* rig_close - release and remove */
static void rig_close(struct rig *r)
{
	linein_close(r->loop.in);
	assembly_close(&r->app, NULL);
	close(r->fd);
	unlink(r->input);
}

/* long_line - a line over LINE_LIMIT, newline-terminated, malloc'd */
static char *long_line(void)
{
	char *s = malloc(LINE_LIMIT * 2 + 2);

	if (s == NULL)
		exit(tap_ok(0, "memory") + 1);
	memset(s, 'x', LINE_LIMIT * 2);
	s[LINE_LIMIT * 2] = '\n';
	s[LINE_LIMIT * 2 + 1] = '\0';
	return s;
}

/* test_filter - to the end, every line counted, nothing told */
static void test_filter(void)
{
	char *over = long_line();
	char text[4096];
	struct rig r;

	snprintf(text, sizeof(text), "%s%s%s", ordinary_line, over, junk_line);
	rig_open(&r, text);
	tap_is_long(runloop_run(&r.loop), 0, "filter: 0 at the end");
	tap_is_long((long) r.app.counters.lines, 3, "filter: three lines");
	tap_is_long((long) r.app.counters.too_long, 1,
		    "filter: one too long, counted");
	tap_is_long((long) r.app.counters.senders, 1, "filter: one sender");
	tap_is_long(r.said.count[SAY_ERROR] + r.said.count[SAY_WARN], 0,
		    "filter: no error or warning told");
	rig_close(&r);
	free(over);
}

/* test_omprog - one "OK" per line after the first "OK" */
static void test_omprog(void)
{
	char text[4096], replies[64] = "";
	char path[] = "/tmp/test_runloop.XXXXXX";
	struct rig r;
	int out = mkstemp(path);
	ssize_t n;

	snprintf(text, sizeof(text), "%s%s", ordinary_line, junk_line);
	rig_open(&r, text);
	r.loop.replies = out;
	tap_is_long(out >= 0 ? runloop_omprog_ready(out) : -1, 0,
		    "omprog: ready");
	tap_is_long(runloop_run(&r.loop), 0, "omprog: 0 at the end");
	if (out >= 0) {
		n = pread(out, replies, sizeof(replies) - 1, 0);
		replies[n > 0 ? n : 0] = '\0';
		close(out);
		unlink(path);
	}
	tap_is_str(replies, "OK\nOK\nOK\n", "omprog: ready, then OK per line");
	rig_close(&r);
}

/* test_omprog_pipe - replies on a non-blocking pipe: one write each,
 * the same replies; the pipe blocking again after; a file left alone */
static void test_omprog_pipe(void)
{
	char text[4096], replies[64] = "";
	char path[] = "/tmp/test_runloop.XXXXXX";
	struct rig r;
	int p[2] = { -1, -1 };
	int file = mkstemp(path);
	ssize_t n;

	tap_ok(pipe(p) == 0 && file >= 0, "a pipe and a file");
	tap_is_long(runloop_omprog_nonblock(p[1], 1), 1,
		    "a pipe is made non-blocking");
	tap_ok((fcntl(p[1], F_GETFL) & O_NONBLOCK) != 0, "O_NONBLOCK set");
	snprintf(text, sizeof(text), "%s%s", ordinary_line, junk_line);
	rig_open(&r, text);
	r.loop.replies = p[1];
	r.loop.replies_nonblock = 1;
	tap_is_long(runloop_run(&r.loop), 0, "non-blocking replies: 0");
	n = read(p[0], replies, sizeof(replies) - 1);
	replies[n > 0 ? n : 0] = '\0';
	tap_is_str(replies, "OK\nOK\n", "one OK per line");
	rig_close(&r);
	tap_is_long(runloop_omprog_nonblock(p[1], 0), 1, "blocking again");
	tap_ok((fcntl(p[1], F_GETFL) & O_NONBLOCK) == 0, "O_NONBLOCK cleared");
	tap_is_long(runloop_omprog_nonblock(file, 1), 0,
		    "a regular file is left as it is");
	tap_ok((fcntl(file, F_GETFL) & O_NONBLOCK) == 0, "still blocking");
	close(p[0]);
	close(p[1]);
	close(file);
	unlink(path);
}

/* test_signals - the flags acted on between lines */
static void test_signals(void)
{
	struct rig r;

	rig_open(&r, ordinary_line);
	r.signals.usr1 = 1;
	r.signals.hup = 1;
	tap_is_long(runloop_run(&r.loop), 0, "signals: 0 at the end");
	tap_is_long(r.reloads, 1, "SIGHUP: the reload hook, once");
	tap_ok(r.signals.hup == 0 && r.signals.usr1 == 0, "flags cleared");
	tap_is_long(r.said.count[SAY_INFO], 1, "SIGUSR1: one message");
	tap_ok(strncmp(r.said.last[SAY_INFO], "counters: lines=", 16) == 0,
	       "SIGUSR1: the counters");
	rig_close(&r);
	rig_open(&r, ordinary_line);
	r.signals.term = 1;
	tap_is_long(runloop_run(&r.loop), 0, "SIGTERM: 0");
	tap_is_long((long) r.app.counters.lines, 0, "SIGTERM: nothing read");
	rig_close(&r);
}

/* test_failures - a read error and a reply that cannot be written */
static void test_failures(void)
{
	struct rig r;
	int full = open("/dev/full", O_WRONLY);
	int dir = open("/", O_RDONLY | O_DIRECTORY);

	rig_open(&r, ordinary_line);
	linein_close(r.loop.in);
	r.loop.in = linein_open(dir, LINE_LIMIT);
	tap_is_long(runloop_run(&r.loop), EX_IOERR, "read error: EX_IOERR");
	tap_ok(strstr(r.said.last[SAY_ERROR], "test input: read error") != NULL,
	       "read error: told, naming the input");
	rig_close(&r);
	close(dir);
	rig_open(&r, ordinary_line);
	r.loop.replies = full;
	tap_is_long(full >= 0 ? runloop_run(&r.loop) : -1, EX_IOERR,
		    "reply to /dev/full: EX_IOERR");
	tap_ok(strstr(r.said.last[SAY_ERROR], "cannot write omprog reply")
	       != NULL, "reply to /dev/full: told");
	if (full >= 0)
		close(full);
	rig_close(&r);
}

int main(void)
{
	const char *top = getenv("TOP");

	snprintf(rulebase, sizeof(rulebase), "%s%srulebase/sendmail.rb",
		 top != NULL ? top : "", top != NULL ? "/" : "");
	test_filter();
	test_omprog();
	test_omprog_pipe();
	test_signals();
	test_failures();
	return tap_done();
}
