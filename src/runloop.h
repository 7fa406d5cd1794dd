/*
 * runloop - read lines, run them through the pipeline, answer rsyslog.
 *
 * DESCRIPTION
 *	The same loop serves the filter (stdin or files) and rsyslog's
 *	omprog.  In omprog mode it prints "OK" once when ready, then exactly
 *	one reply per line, flushed: "OK" once the line is fully processed,
 *	a line starting "retry:" when a transient failure (store locked,
 *	event socket full) means rsyslog should offer the line again.  In
 *	filter mode no one would offer it again: the loop itself tries the
 *	line again every second, saying once that it waits, until it is
 *	done or SIGTERM ends the wait (which it also says).
 *	Signals only set flags and stay blocked while a line is processed;
 *	they are let in only while the loop waits for input (ppoll), so
 *	none is missed and no read(2) is cut short (and during the retry
 *	pause of filter mode).  SIGTERM and SIGINT alone are also let in
 *	wherever else phishwatch could wait for ever (stopsig.h): an event
 *	output waiting for room, a FIFO output waiting for a reader, every
 *	64 reads of an input, an omprog reply waiting for rsyslog to read
 *	(written with write(2), not stdio; the line is then left
 *	unconfirmed, and rsyslog offers it again, as after a kill -9).  An
 *	event write so stopped comes back as a retry (the line not done);
 *	the loop then names the line and stops instead of trying it again.
 *	Between lines the loop acts on them:
 *	SIGTERM/SIGINT stop after the current line, SIGHUP calls the reload
 *	hook, SIGUSR1 prints the counters.  A reload hook may leave the
 *	new configuration loading: the loop then calls the poll hook
 *	between lines, which swaps it in once made, and waits for input in
 *	short slices meanwhile, so that an idle stream swaps it in soon.  Before
 *	it would block waiting for input, the loop commits the store's batched
 *	work; so it does every 8192 lines and at the end.  A commit that fails,
 *	there or inside a line, ends the loop with EX_IOERR in every mode; in
 *	filter mode the loop then says from which line of the input nothing is
 *	stored, for a run after the fault is fixed (the caller discards what was
 *	not committed, so that line is exact).
 *
 * DIAGNOSTICS
 *	The loop prints nothing itself: what it has to tell (waits, the
 *	counters on SIGUSR1, the error that ended it) goes to the say hook
 *	with a level, for main to print (say.h).
 */
#ifndef PHISHWATCH_RUNLOOP_H
#define PHISHWATCH_RUNLOOP_H

#include <signal.h>
#include <stdio.h>

#include "counters.h"
#include "linein.h"
#include "pipeline.h"
#include "say.h"

struct runloop_signals {
	volatile sig_atomic_t term;
	volatile sig_atomic_t hup;
	volatile sig_atomic_t usr1;
};

struct runloop {
	struct linein *in;
	const char *input_name; /* for messages */
	/* why a read failed, given its errno (NULL: strerror) */
	const char *(*read_error)(const void *ctx, int err);
	const void *read_error_ctx;
	struct pipeline *pipe;
	struct counters *counters;
	int replies;          /* omprog: STDOUT_FILENO; -1: filter */
	int replies_nonblock; /* 1: runloop_omprog_nonblock() */
	struct runloop_signals *signals;
	const sigset_t *wait_mask; /* signals unblocked while waiting */
	/* SIGHUP hook: 1 when a new configuration loads meanwhile */
	int (*reload)(void *ctx);
	/* between two lines (NULL: none): 1 while it loads */
	int (*reload_poll)(void *ctx);
	void *reload_ctx; /* of both */
	int reloading;    /* the last word of either */
	say_fn *say;      /* what the loop tells (main prints) */
	void *say_ctx;
	unsigned lines_since_signals; /* the loop's own bookkeeping */
	unsigned lines_since_commit;
	/* -s given: after a failure in filter mode, say from which line
	 * of the input nothing is stored (NULL: the store is in memory) */
	const struct store *store;
	unsigned long long line_no;        /* lines of this input read */
	unsigned long long stored_through; /* lines whose work is committed */
};

/*
 * runloop_run - until EOF or SIGTERM: 0, or a sysexits code (EX_IOERR
 * for a read or reply failure, the pipeline's code when it fails).
 */
int runloop_run(struct runloop *loop);

/* runloop_omprog_ready - the initial "OK" of the omprog protocol on fd;
 * 0, 1 when SIGTERM ended the wait for room (the loop then stops at
 * once), or -1 with errno */
int runloop_omprog_ready(int fd);

/* runloop_omprog_nonblock - replies on fd, a pipe or socket, written at
 * once, waiting only when it is full (on), or fd as it was (off): 1, 0
 * when fd is no pipe or socket (left as it is), -1 with errno */
int runloop_omprog_nonblock(int fd, int on);

#endif
