/*
 * NAME
 *	access_file - a compiled access map's file, shared with makemap
 * SUMMARY
 *	The lock and the change check that access_db and access_cdb share.
 * DESCRIPTION
 *	makemap (hash, btree and cdb alike) opens the existing map, takes
 *	an exclusive flock(2) on it and only then truncates and rewrites it
 *	in place; sendmail reads under a shared lock and reopens a map whose
 *	file changed.  phishwatch does the same: a shared, non-blocking lock
 *	around each question (so a running makemap costs no wait: the
 *	question goes unanswered, counted and warned about), an fstat(2)
 *	of the open file under that lock, which notices an in-place rewrite
 *	(size, time) before anything of the old contents is used, and a
 *	stat(2) of the path at most once a second, which notices a
 *	replacement by rename (inode).
 *
 *	A library that opens a map by name (libdb) is given the name of
 *	the descriptor opened and checked here (/proc/self/fd/N, or
 *	/dev/fd/N), which opens that same file again: a FIFO or device put
 *	at the path after the check, whose open would block with signals
 *	blocked, never reaches it.
 * DIAGNOSTICS
 *	access_file_refused() warns, rate-limited, that the map could not
 *	answer; the sender is then judged as if the map had no entry for it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "access_backend.h"

/* access_file_now - a monotonic second, cheap enough for every question */
static long access_file_now(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC_COARSE, &ts) < 0)
		return 0;
	return (long)ts.tv_sec;
}

/* access_file_open - open path and take the shared lock */
int access_file_open(struct access_file *f, const char *path,
		     const struct say_to *say)
{
	int saved;

	memset(f, 0, sizeof(*f));
	f->say = say;
	/* O_NONBLOCK: a FIFO must not hold the open (signals are blocked);
	 * it is refused below, as is a device, which could never end. */
	f->fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (f->fd < 0)
		return -1;
	f->path = strdup(path);
	if (f->path == NULL || fstat(f->fd, &f->st) < 0)
		goto fail;
	if (!S_ISREG(f->st.st_mode)) {
		errno = S_ISDIR(f->st.st_mode) ? EISDIR : ESPIPE;
		goto fail;
	}
	if (flock(f->fd, LOCK_SH | LOCK_NB) < 0)
		goto fail;
	f->checked = access_file_now();
	return 0;
fail:
	saved = errno;
	access_file_close(f);
	errno = saved;
	return -1;
}

/* access_file_fd_name - name holds "DIR/N", and it opens f's file */
static int access_file_fd_name(const struct access_file *f, const char *dir,
			       char name[ACCESS_FILE_NAME_MAX])
{
	struct stat st;

	if (snprintf(name, ACCESS_FILE_NAME_MAX, "%s/%d", dir, f->fd)
		>= ACCESS_FILE_NAME_MAX
	    || stat(name, &st) < 0)
		return 0;
	return st.st_dev == f->st.st_dev && st.st_ino == f->st.st_ino;
}

/* access_file_name - the name that opens the file f holds open: the
 * descriptor's, so that nothing put at the path since the check is
 * opened; the path itself only where no /proc or /dev/fd is mounted */
const char *access_file_name(const struct access_file *f,
			     char name[ACCESS_FILE_NAME_MAX])
{
	if (access_file_fd_name(f, "/proc/self/fd", name)
	    || access_file_fd_name(f, "/dev/fd", name))
		return name;
	return f->path;
}

/* access_file_lock - the shared lock, unless makemap holds the file */
int access_file_lock(struct access_file *f)
{
	if (flock(f->fd, LOCK_SH | LOCK_NB) == 0)
		return 0;
	/* Being rewritten in place: what we cached of it is no more. */
	f->stale = 1;
	return -1;
}

/* access_file_unlock - let makemap have it */
void access_file_unlock(struct access_file *f)
{
	(void)flock(f->fd, LOCK_UN);
}

/* access_file_differs - does st describe another file, or this one
 * rewritten, than the one opened? */
static int access_file_differs(const struct access_file *f,
			       const struct stat *st)
{
	return st->st_ino != f->st.st_ino || st->st_dev != f->st.st_dev
	       || st->st_size != f->st.st_size
	       || st->st_mtim.tv_sec != f->st.st_mtim.tv_sec
	       || st->st_mtim.tv_nsec != f->st.st_mtim.tv_nsec;
}

/* access_file_rewritten - has the open file changed since it was opened
 * (makemap rewrote it in place)?  One fstat(2), for every question:
 * what was read or mapped of the old contents must not be used */
int access_file_rewritten(struct access_file *f)
{
	struct stat now;

	if (fstat(f->fd, &now) < 0 || access_file_differs(f, &now)) {
		f->stale = 1;
		return 1;
	}
	return 0;
}

/* access_file_changed - is path another file, or this one rewritten? */
int access_file_changed(struct access_file *f)
{
	struct stat now;
	long second = access_file_now();

	if (f->stale)
		return 1;
	if (second == f->checked)
		return 0;
	f->checked = second;
	if (stat(f->path, &now) < 0)
		return 0; /* gone: keep answering from what is open */
	return access_file_differs(f, &now);
}

/* access_file_refused - one unanswered question, warned rate-limited */
void access_file_refused(struct access_file *f, const char *why)
{
	say_limited(f->say, &f->busy,
		    "access map %.200s: %s; its entries "
		    "are not consulted for this sender",
		    f->path, why);
}

/* access_file_refresh - before a question: the file opened again
 * (reopen) if its path changed; a failure is access_file_begin()'s to
 * tell */
void access_file_refresh(struct access_file *f, access_reopen_fn reopen,
			 void *handle)
{
	if (access_file_changed(f))
		(void)reopen(handle);
}

/* access_file_begin - makemap's shared lock on the file as opened:
 * opened again (reopen) first when it changed, and again under the
 * lock when it was rewritten in place (what was read or cached of the
 * old contents is no more); 0, or -1 warned and counted */
int access_file_begin(struct access_file *f, access_reopen_fn reopen,
		      void *handle)
{
	if (access_file_changed(f) && reopen(handle) < 0) {
		access_file_refused(f, "being rewritten or unreadable");
		return -1;
	}
	if (access_file_lock(f) < 0) {
		access_file_refused(f, "locked by makemap");
		return -1;
	}
	if (!access_file_rewritten(f))
		return 0;
	access_file_unlock(f);
	if (reopen(handle) < 0 || access_file_lock(f) < 0) {
		access_file_refused(f, "being rewritten or unreadable");
		return -1;
	}
	if (!access_file_rewritten(f))
		return 0;
	access_file_unlock(f);
	access_file_refused(f, "being rewritten");
	return -1;
}

/* access_file_close - release descriptor, lock and name */
void access_file_close(struct access_file *f)
{
	if (f->fd >= 0)
		close(f->fd);
	free(f->path);
	f->fd = -1;
	f->path = NULL;
}
