/*
 * stopsig - waits that SIGTERM and SIGINT can end (see stopsig.h).
 *
 * NAME
 *	stopsig - ppoll with the stopping signals let in
 *
 * DESCRIPTION
 *	The mask is read each time rather than kept: the module holds no
 *	state, and it lets in exactly what main blocked, whatever else a
 *	caller's parent left blocked.  Reading it costs a system call, which
 *	is paid only on the slow path, when a caller is about to wait.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <time.h>

#include "stopsig.h"

/* stopsig_mask - the current mask without SIGTERM and SIGINT */
static int stopsig_mask(sigset_t *mask)
{
	if (sigprocmask(SIG_SETMASK, NULL, mask) < 0)
		return -1;
	sigdelset(mask, SIGTERM);
	sigdelset(mask, SIGINT);
	return 0;
}

/* stopsig_poll - ppoll with the stopping signals let in */
int stopsig_poll(struct pollfd *fds, nfds_t n, int timeout_ms)
{
	struct timespec timeout = {.tv_sec = timeout_ms / 1000,
				   .tv_nsec =
				       (long)(timeout_ms % 1000) * 1000000L};
	sigset_t mask;

	if (stopsig_mask(&mask) < 0)
		return -1;
	return ppoll(fds, n, timeout_ms < 0 ? NULL : &timeout, &mask);
}

/* stopsig_check - one look at what is pending (a single system call on
 * the common path); a stop signal there is let in by a wait of no time */
int stopsig_check(void)
{
	sigset_t pending;

	if (sigpending(&pending) < 0
	    || (!sigismember(&pending, SIGTERM)
		&& !sigismember(&pending, SIGINT)))
		return 0;
	return stopsig_poll(NULL, 0, 0) < 0 ? -1 : 0;
}
