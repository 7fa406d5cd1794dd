/*
 * stopsig - wait on a descriptor with the stopping signals let in.
 *
 * DESCRIPTION
 *	phishwatch keeps its signals blocked while it works, so that no
 *	system call is cut short and none is missed (runloop.h).  Whatever
 *	could block for ever outside the run loop's own wait (an event
 *	output nobody reads, a FIFO with no reader yet, an input that never
 *	ends) waits through stopsig_poll() instead: ppoll(2) under the
 *	current mask with SIGTERM and SIGINT let in, atomically, so a stop
 *	signal that came before the wait still ends it.  Their handlers only
 *	set the run loop's flag; SIGHUP and SIGUSR1 stay blocked and wait
 *	for the loop.  Since only the stopping signals are let in, an
 *	interrupted wait means "stop now".
 *
 * DIAGNOSTICS
 *	stopsig_poll() returns -1 with errno EINTR when a stopping signal
 *	came, or with ppoll's errno.
 */
#ifndef PHISHWATCH_STOPSIG_H
#define PHISHWATCH_STOPSIG_H

#include <poll.h>

/*
 * stopsig_poll - ppoll(fds, n) for up to timeout_ms (-1: no limit) with
 * SIGTERM and SIGINT let in: the number of ready descriptors, 0 on
 * time-out, -1 (EINTR) when told to stop.  n may be 0: a plain pause.
 */
int stopsig_poll(struct pollfd *fds, nfds_t n, int timeout_ms);

/* stopsig_check - -1 (EINTR) when a stopping signal is pending, else 0;
 * for loops that never block but could run for long */
int stopsig_check(void);

#endif
