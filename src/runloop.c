/*
 * runloop - read, process, reply (see runloop.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "runloop.h"
#include "stopsig.h"

/* In filter mode, a line the store or the event output refused (locked,
 * full) is tried again after this pause: no one else would offer it
 * again. */
#define RUNLOOP_RETRY_PAUSE_MS 1000
/* Idle this long with batched work pending, then commit it. */
#define RUNLOOP_IDLE_COMMIT_MS 1000
/* While a new configuration loads: the longest wait for input between
 * two looks at it. */
#define RUNLOOP_RELOAD_POLL_MS 10
/* Lines between two looks at pending signals when input never pauses. */
#define RUNLOOP_SIGNAL_EVERY 1024
/* Lines between two commits when input never pauses: what a crash of
 * the filter mode can cost at most (each commit writes WAL pages: at
 * every 1024 lines that was a tenth of the time on a busy log) */
#define RUNLOOP_COMMIT_EVERY 8192
/* The longest omprog reply and its newline, with room to spare. */
#define RUNLOOP_REPLY_MAX 64

/*
 * runloop_reply - one omprog reply line: 0, 1 when SIGTERM came while
 * rsyslog did not read (the reply not written), -1 with errno on
 * failure.  Not through stdio, whose write would block with signals
 * blocked, beyond SIGTERM, should rsyslog stop reading: the wait for
 * room lets the stop signals in (stopsig.h), and a reply, far shorter
 * than PIPE_BUF, then goes into the pipe whole with one write(2).  On a
 * non-blocking descriptor (runloop_omprog_nonblock()) the write comes
 * first and the wait only when the pipe is full: one system call a
 * reply, where the wait first cost three (sigprocmask, ppoll, write).
 */
static int runloop_reply(int fd, const char *text, int nonblock)
{
	char line[RUNLOOP_REPLY_MAX];
	struct pollfd pfd = {.fd = fd, .events = POLLOUT};
	size_t len = strnlen(text, sizeof(line) - 1);
	size_t done = 0;
	int wait = !nonblock;

	memcpy(line, text, len); /* our own constant texts */
	line[len++] = '\n';
	while (done < len) {
		ssize_t n;

		if (wait && stopsig_poll(&pfd, 1, -1) < 0) {
			if (errno == EINTR)
				return 1;
			return -1;
		}
		n = write(fd, line + done, len - done);
		if (n > 0)
			done += (size_t)n;
		else if (n < 0 && errno != EAGAIN)
			return -1;
		wait = 1;
	}
	return 0;
}

/* runloop_omprog_ready - tell rsyslog we are ready; SIGTERM while it
 * does not read sets the loop's flag, and the loop then stops at once */
int runloop_omprog_ready(int fd)
{
	return runloop_reply(fd, "OK", 0);
}

/* runloop_omprog_nonblock - the reply descriptor non-blocking (on) or
 * blocking again (off), when it is a pipe or a socket: rsyslog's own,
 * which no one else writes (never a terminal, whose mode the shell
 * shares); 1 when it is one, 0 when not, -1 with errno */
int runloop_omprog_nonblock(int fd, int on)
{
	struct stat st;
	int flags;

	if (fstat(fd, &st) < 0)
		return -1;
	if (!S_ISFIFO(st.st_mode) && !S_ISSOCK(st.st_mode))
		return 0;
	flags = fcntl(fd, F_GETFL);
	if (flags < 0
	    || fcntl(fd, F_SETFL, on ? flags | O_NONBLOCK : flags & ~O_NONBLOCK)
		   < 0)
		return -1;
	return 1;
}

/* runloop_say - a message for main to print (nothing without a hook) */
static void runloop_say(const struct runloop *loop, enum say_level level,
			const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void runloop_say(const struct runloop *loop, enum say_level level,
			const char *fmt, ...)
{
	char text[SAY_MAX];
	va_list ap;

	if (loop->say == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	loop->say(loop->say_ctx, level, text);
}

/* runloop_signals - act on the flags the handlers set */
static void runloop_service_signals(struct runloop *loop)
{
	if (loop->signals->usr1) {
		loop->signals->usr1 = 0;
		char line[COUNTERS_LINE_MAX];

		counters_format(loop->counters, line, sizeof(line));
		runloop_say(loop, SAY_INFO, "counters: %s", line);
	}
	if (loop->signals->hup) {
		loop->signals->hup = 0;
		if (pipeline_flush(loop->pipe) < 0)
			runloop_say(loop, SAY_WARN,
				    "commit before reload failed: %s",
				    pipeline_error(loop->pipe));
		if (loop->reload != NULL)
			loop->reloading = loop->reload(loop->reload_ctx) > 0;
	}
}

/* runloop_commits - the store's commits so far (0 without a store) */
static unsigned long long runloop_commits(const struct runloop *loop)
{
	return loop->store != NULL ? store_commits(loop->store) : 0;
}

/* runloop_commit - commit what the lines read so far changed; a failure
 * is fatal (its exit code in *status: EX_IOERR, EX_OSERR out of memory):
 * the store stops at its last commit */
static int runloop_commit(struct runloop *loop, int *status)
{
	if (pipeline_flush(loop->pipe) < 0) {
		runloop_say(loop, SAY_ERROR, "%s", pipeline_error(loop->pipe));
		*status = pipeline_status(loop->pipe);
		return -1;
	}
	loop->stored_through = loop->line_no;
	return 0;
}

/*
 * runloop_tick - campaign summaries now and then: by log time while
 * lines flow, by the clock when the input is idle; -1 when fatal
 */
static int runloop_tick(struct runloop *loop, time_t now, int *status)
{
	unsigned long long before = runloop_commits(loop);

	if (pipeline_summaries(loop->pipe, now) == PIPELINE_FATAL) {
		runloop_say(loop, SAY_ERROR, "%s", pipeline_error(loop->pipe));
		*status = pipeline_status(loop->pipe);
		return -1;
	}
	/* Between lines: a commit covered every line read. */
	if (runloop_commits(loop) != before)
		loop->stored_through = loop->line_no;
	return 0;
}

/*
 * runloop_wait - wait for input, committing batched work when idle;
 * 1 when a line can be read, 0 to go round again (signal, time-out),
 * -1 when a commit or a summary failed (the exit code in *status)
 */
static int runloop_wait(struct runloop *loop, int *status)
{
	static const struct timespec no_time = {0, 0};
	int ready;

	/* Busy input never waits: let blocked signals in now and then. */
	if (++loop->lines_since_signals >= RUNLOOP_SIGNAL_EVERY) {
		loop->lines_since_signals = 0;
		/* nor does it wait to commit: bound what a crash can lose */
		loop->lines_since_commit += RUNLOOP_SIGNAL_EVERY;
		if (loop->lines_since_commit >= RUNLOOP_COMMIT_EVERY) {
			loop->lines_since_commit = 0;
			if (runloop_commit(loop, status) < 0)
				return -1;
		}
		if (runloop_tick(loop, 0, status) < 0)
			return -1;
		if (loop->signals->term) /* came during a summary */
			return 0;
		if (loop->wait_mask != NULL
		    && ppoll(NULL, 0, &no_time, loop->wait_mask) < 0)
			return 0;
	}
	ready = linein_wait(loop->in,
			    loop->reloading ? RUNLOOP_RELOAD_POLL_MS
					    : RUNLOOP_IDLE_COMMIT_MS,
			    loop->wait_mask);
	if (ready == 0 && loop->reloading)
		return 0; /* idle work once the new set is in */
	if (ready == 0
	    && (runloop_commit(loop, status) < 0
		|| runloop_tick(loop, time(NULL), status) < 0))
		return -1;
	return ready > 0;
}

/*
 * runloop_pause - the retry pause of filter mode, with signals let in;
 * 0 to try the line again, -1 when told to terminate meanwhile
 */
static int runloop_pause(struct runloop *loop)
{
	static const struct timespec pause = {RUNLOOP_RETRY_PAUSE_MS / 1000,
					      (RUNLOOP_RETRY_PAUSE_MS % 1000)
						  * 1000000L};

	(void)ppoll(NULL, 0, &pause, loop->wait_mask);
	runloop_service_signals(loop);
	return loop->signals->term ? -1 : 0;
}

/* runloop_undone - SIGTERM came while the line waited for what: say
 * so; the line counts as done, and the loop stops */
static enum pipeline_result runloop_undone(struct runloop *loop,
					   const char *what)
{
	runloop_say(loop, SAY_WARN,
		    "%s: line %llu not processed: terminated while waiting for "
		    "the %s",
		    loop->input_name, loop->counters->lines + 1, what);
	return PIPELINE_DONE;
}

/*
 * runloop_process - pipeline_line(), and in filter mode again after a
 * pause for as long as the store or the event output refuses the line
 * (a lock held by another process, a full event socket), saying which;
 * SIGTERM ends the wait, saying so
 */
static enum pipeline_result runloop_process(struct runloop *loop,
					    const char *line, size_t len)
{
	enum pipeline_result result;
	const char *what = NULL;
	const char *why;
	int waited = 0;

	while ((result = pipeline_line(loop->pipe, line, len)) == PIPELINE_RETRY
	       && loop->replies < 0) {
		what = pipeline_retry_cause(loop->pipe, &why);
		/* told to stop while the line waited (for room in the event
		 * output): it is not done, and stays undone */
		if (loop->signals->term)
			return runloop_undone(loop, what);
		if (!waited++)
			runloop_say(
			    loop, SAY_WARN,
			    "%s: line %llu: %s %s; waiting to try again",
			    loop->input_name, loop->counters->lines + 1, what,
			    why);
		if (runloop_pause(loop) < 0)
			return runloop_undone(loop, what);
	}
	if (waited && result == PIPELINE_DONE)
		runloop_say(loop, SAY_INFO,
			    "%s: line %llu: %s free again, line done",
			    loop->input_name, loop->counters->lines, what);
	return result;
}

/*
 * runloop_confirm - the reply to the line just read: 0, or EX_IOERR.
 * SIGTERM while rsyslog does not read leaves the line unconfirmed (its
 * work committed if it was done): rsyslog offers it again to the next
 * phishwatch, as after a kill -9.  The flag the signal set stops the
 * loop.
 */
static int runloop_confirm(struct runloop *loop, const char *text)
{
	int status = runloop_reply(loop->replies, text, loop->replies_nonblock);

	if (status < 0)
		runloop_say(loop, SAY_ERROR, "cannot write omprog reply: %s",
			    strerror(errno));
	if (status > 0)
		runloop_say(loop, SAY_WARN,
			    "%s: line %llu not confirmed: terminated while "
			    "waiting for rsyslog to read the reply; rsyslog "
			    "offers the line again",
			    loop->input_name, loop->line_no);
	return status < 0 ? EX_IOERR : 0;
}

/* runloop_handle - one line through the pipeline, and its reply */
static int runloop_handle(struct runloop *loop, const char *line, size_t len)
{
	unsigned long long before = runloop_commits(loop);
	enum pipeline_result result;
	int status = 0;

	loop->line_no++;
	result = runloop_process(loop, line, len);
	/* A commit inside the line (a new campaign's row) covered every
	 * line before it, but perhaps only part of this one. */
	if (runloop_commits(loop) != before
	    && loop->stored_through < loop->line_no - 1)
		loop->stored_through = loop->line_no - 1;
	if (result == PIPELINE_FATAL) {
		runloop_say(loop, SAY_ERROR, "%s", pipeline_error(loop->pipe));
		return pipeline_status(loop->pipe);
	}
	/*
	 * "OK" makes rsyslog forget the line, so what the line changed is
	 * committed first: a kill -9 under steady input, which never idles,
	 * lost every count since the last idle moment.  A failed commit is
	 * fatal without a reply: rsyslog restarts us and offers the line
	 * again to a store that never saw it.
	 */
	if (loop->replies >= 0 && result == PIPELINE_DONE
	    && runloop_commit(loop, &status) < 0)
		return status;
	/* In filter mode runloop_process() waits out every refusal. */
	if (loop->replies < 0)
		return 0;
	return runloop_confirm(loop,
			       result == PIPELINE_DONE
				   ? "OK"
				   : "retry: transient failure, offer again");
}

/* runloop_too_long - an over-long line is counted, and done */
static int runloop_too_long(struct runloop *loop)
{
	loop->line_no++;
	pipeline_too_long(loop->pipe, linein_limit(loop->in));
	return loop->replies >= 0 ? runloop_confirm(loop, "OK") : 0;
}

/* runloop_read_error - why the read just failed */
static const char *runloop_read_error(const struct runloop *loop)
{
	int err = errno;

	if (loop->read_error == NULL)
		return strerror(err);
	return loop->read_error(loop->read_error_ctx, err);
}

/* runloop_lines - the loop itself: 0 or an exit code */
static int runloop_lines(struct runloop *loop)
{
	int status = 0;

	for (;;) {
		const char *line = NULL;
		size_t len = 0;
		int ready;

		runloop_service_signals(loop);
		if (loop->signals->term)
			break;
		if (loop->reload_poll != NULL)
			loop->reloading =
			    loop->reload_poll(loop->reload_ctx) > 0;
		ready = runloop_wait(loop, &status);
		if (ready < 0)
			return status;
		if (ready == 0)
			continue;
		switch (linein_next(loop->in, &line, &len)) {
		case LINEIN_LINE:
			status = runloop_handle(loop, line, len);
			break;
		case LINEIN_TOO_LONG:
			status = runloop_too_long(loop);
			break;
		case LINEIN_AGAIN:
			continue;
		case LINEIN_EOF:
			if (runloop_tick(loop, 0, &status) < 0
			    || runloop_commit(loop, &status) < 0)
				return status;
			return 0;
		case LINEIN_ERROR:
			runloop_say(loop, SAY_ERROR, "%s: read error: %s",
				    loop->input_name, runloop_read_error(loop));
			return EX_IOERR;
		}
		if (status != 0)
			return status;
	}
	return runloop_commit(loop, &status) < 0 ? status : 0;
}

/*
 * runloop_unstored - after a failure in filter mode: the store is kept
 * as of its last commit (main discards the rest), so say from which
 * line a run after the fault is fixed must read again.  (In omprog
 * mode rsyslog offers again every line not answered OK.)
 */
static void runloop_unstored(const struct runloop *loop)
{
	if (loop->replies >= 0 || loop->store == NULL)
		return;
	runloop_say(
	    loop, SAY_ERROR,
	    "%s: nothing from line %llu on is in the state store: once "
	    "the fault is fixed, run again on this input from line %llu "
	    "(lines read: %llu)",
	    loop->input_name, loop->stored_through + 1,
	    loop->stored_through + 1, loop->line_no);
}

/* runloop_run - the loop, and what a failure left unstored */
int runloop_run(struct runloop *loop)
{
	int status = runloop_lines(loop);

	if (status != 0)
		runloop_unstored(loop);
	return status;
}
