/*
 * confload - a config set loaded on a thread of its own, for SIGHUP.
 *
 * DESCRIPTION
 *	A reload reads the rulebases and every map and brand file again:
 *	seconds for an access map of a million entries, during which the
 *	stream would stand still.  confload_start() makes the new set on
 *	a thread of its own (config_load(), then the brands of the store's
 *	campaigns, read beforehand by the caller, which owns the store),
 *	while the caller goes on with the old set.  confload_loaded() says,
 *	without waiting, when confload_take() can hand the new set over;
 *	the caller swaps it in between two lines and gives the old set to
 *	confload_retire(), whose thread frees it, so that the stream does
 *	not wait for that either.  confload_join() waits for the thread and
 *	releases everything; confload_idle() says when it would not wait;
 *	confload_leave() does not wait, for a process that is ending.
 *
 *	The thread runs with every signal blocked (the caller's loop takes
 *	them) and touches nothing but its own set, the names it was given,
 *	and the options, which must not change until confload_join(); the
 *	say hook of the options is called from it (msg.c writes each line
 *	whole).
 */
#ifndef PHISHWATCH_CONFLOAD_H
#define PHISHWATCH_CONFLOAD_H

#include "config.h"

struct confload;

/* confload_start - load opts and learn names (taken over) on a thread;
 * NULL with errno when no thread could be started */
struct confload *confload_start(const struct config_options *opts,
				struct config_names *names);

/* confload_loaded - 1 when the set is made (or failed) */
int confload_loaded(const struct confload *cl);

/* confload_wait - until confload_loaded() */
void confload_wait(struct confload *cl);

/* confload_take - once loaded: 0 with the new set in *set, or a
 * config_load() status with why in err (nothing in *set) */
int confload_take(struct confload *cl, struct config_set *set,
		  char err[CONFIG_ERR_MAX]);

/* confload_retire - after confload_take(): the thread frees old (which
 * may be NULL: nothing to free) and ends */
void confload_retire(struct confload *cl, const struct config_set *old);

/* confload_idle - 1 when confload_join() would not wait */
int confload_idle(const struct confload *cl);

/* confload_join - wait for the thread, free what it holds (a set never
 * taken, an old set), release cl (may be NULL) */
void confload_join(struct confload *cl);

/*
 * confload_leave - for a process about to end, which must not wait for
 * a load (seconds for a big map) to stop when told to: a thread that
 * has not ended is detached and releases everything itself when done,
 * or dies with the process; one that has ended is joined.  The options
 * must then stay as they are until the process ends.
 */
void confload_leave(struct confload *cl);

#endif
