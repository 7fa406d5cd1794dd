/*
 * storefile - the state store's files: never through a symbolic link,
 * only when they are the user's own, and one writer at a time.
 *
 * DESCRIPTION
 *	storefile_open() resolves the directory of the store's path (a
 *	directory may be a symbolic link; the last component may not),
 *	creates the store file mode 0600 with O_EXCL when it is new, and
 *	refuses the store, or one of SQLite's files beside it (-wal, -shm,
 *	-journal), when it is a symbolic link, not a regular file, owned
 *	by another user, writable by group or others, or has another hard
 *	link.  An existing store file of 0 bytes is taken for a new store
 *	(as SQLite does), and found_empty says so for a warning: a store
 *	truncated to nothing gives every first-seen event again.  A writer also
 *	takes the store's lock, held until storefile_close() or the process's
 *	death, so that the kernel frees it at once when a writer is killed.
 *	storefile_recheck() repeats the checks once SQLite has opened the files;
 *	storefile_present() tells, before each commit, whether the path still
 *	names the file that was opened (a store whose directory was removed
 *	would otherwise take commits into an unlinked file).
 *
 * DIAGNOSTICS
 *	Functions return -1 with err filled: the file and the reason.
 */
#ifndef PHISHWATCH_STOREFILE_H
#define PHISHWATCH_STOREFILE_H

#include <limits.h>
#include <sys/types.h>

#define STOREFILE_ERR_MAX 512
/* The lock file beside the store: store path + this suffix. */
#define STOREFILE_LOCK_SUFFIX "-lock"

struct storefile {
	char path[PATH_MAX]; /* what SQLite opens: the directory
					 * resolved, the last name as given */
	const char *name;    /* as given, for messages */
	dev_t dev;           /* the store file as checked */
	ino_t ino;
	int lock_fd;     /* -1: no lock held */
	int found_empty; /* an existing file of 0 bytes, taken
					 * for a new store */
	char err[STOREFILE_ERR_MAX];
};

enum storefile_use {
	STOREFILE_READER, /* --check, a --report of the store alone */
	STOREFILE_WRITER  /* everything else: takes the lock */
};

/* storefile_open - resolve, create or check, lock; 0 or -1 */
int storefile_open(struct storefile *sf, const char *name,
		   enum storefile_use use);

/* storefile_recheck - after SQLite opened them: the same, still ours */
int storefile_recheck(struct storefile *sf);

/* storefile_present - 0 while the path names the opened file (and the
 * lock file the one locked), else -1 */
int storefile_present(struct storefile *sf);

/* storefile_close - release the lock */
void storefile_close(struct storefile *sf);

#endif
