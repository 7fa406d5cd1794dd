/*
 * storefile - the state store's files, checked and locked (see storefile.h).
 *
 * NAME
 *	storefile - safe opening and the one-writer lock of the store
 *
 * DESCRIPTION
 *	phishwatch often runs as root (rsyslogd's omprog children are
 *	root's unless told otherwise), and a store may sit where other
 *	users can create names.  So the store file is created with O_EXCL
 *	and opened with O_NOFOLLOW, and every file SQLite will write must be
 *	a regular file of the running user that no one else may write and
 *	that has no other name: a link planted by another user, or a
 *	database of theirs (a hot journal of theirs would be rolled back
 *	into ours), is refused rather than touched.  The checks run again
 *	once SQLite has opened everything, so that a file swapped in
 *	between is caught before any line is processed.
 *
 *	The lock: a POSIX write lock (fcntl F_SETLK) on a file of its own
 *	beside the store, held on one descriptor for the process's life.
 *	The kernel frees it when the process dies, even by SIGKILL, so
 *	rsyslog's restart of a killed child finds the store free at once;
 *	and F_GETLK names the pid of the holder, which flock() and OFD
 *	locks cannot.  Not on the database file itself: SQLite keeps POSIX
 *	locks there, and a process loses all its POSIX locks on a file when
 *	it closes any descriptor of it, so a descriptor of ours beside
 *	SQLite's would put its locks at risk.  The lock file is ours alone
 *	and opened once, so that hazard cannot touch it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "storefile.h"

/* File names in messages are cut here. */
#define STOREFILE_NAME_SHOWN 200
/* Room for the longest suffix below. */
#define STOREFILE_SUFFIX_MAX 16

/* SQLite's files beside the database (WAL mode, and the rollback
 * journal used while the journal mode is switched). */
static const char *const storefile_companions[] = {"-wal", "-shm", "-journal"};

/* storefile_fail - the file and the reason, into sf->err */
static int storefile_fail(struct storefile *sf, const char *shown,
			  const char *why)
{
	snprintf(sf->err, sizeof(sf->err), "%.*s: %s", STOREFILE_NAME_SHOWN,
		 shown, why);
	return -1;
}

/* storefile_names - a companion's path and its name for messages */
static int storefile_names(struct storefile *sf, const char *suffix, char *file,
			   char *shown)
{
	if ((size_t)snprintf(file, PATH_MAX, "%s%s", sf->path, suffix)
	    >= PATH_MAX)
		return storefile_fail(sf, sf->name, strerror(ENAMETOOLONG));
	snprintf(shown, PATH_MAX + STOREFILE_SUFFIX_MAX, "%s%s", sf->name,
		 suffix);
	return 0;
}

/* storefile_check_stat - a regular file of ours that only we can write */
static int storefile_check_stat(struct storefile *sf, const char *shown,
				const struct stat *st)
{
	char why[128];

	if (S_ISLNK(st->st_mode))
		return storefile_fail(sf, shown,
				      "a symbolic link: refused "
				      "(a store is never opened through one)");
	if (!S_ISREG(st->st_mode))
		return storefile_fail(sf, shown, "not a regular file: refused");
	if (st->st_uid != geteuid()) {
		snprintf(why, sizeof(why),
			 "owned by uid %lu, not by the user "
			 "running phishwatch (uid %lu): refused",
			 (unsigned long)st->st_uid, (unsigned long)geteuid());
		return storefile_fail(sf, shown, why);
	}
	if (st->st_mode & (S_IWGRP | S_IWOTH)) {
		snprintf(why, sizeof(why),
			 "writable by group or others "
			 "(mode %04o): refused",
			 (unsigned)(st->st_mode & 07777));
		return storefile_fail(sf, shown, why);
	}
	if (st->st_nlink > 1) {
		snprintf(why, sizeof(why),
			 "%lu hard links: refused (its other "
			 "names could change it)",
			 (unsigned long)st->st_nlink);
		return storefile_fail(sf, shown, why);
	}
	return 0;
}

/* storefile_resolve - the directory resolved, the last name kept */
static int storefile_resolve(struct storefile *sf, const char *name)
{
	const char *slash = strrchr(name, '/');
	const char *base = slash != NULL ? slash + 1 : name;
	char dir[PATH_MAX];
	char *real;
	int n;

	if (*base == '\0' || strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
		return storefile_fail(sf, name, "not the name of a file");
	if (slash == NULL)
		snprintf(dir, sizeof(dir), ".");
	else if (slash == name)
		snprintf(dir, sizeof(dir), "/");
	else if ((size_t)(slash - name) >= sizeof(dir))
		return storefile_fail(sf, name, strerror(ENAMETOOLONG));
	else
		snprintf(dir, sizeof(dir), "%.*s", (int)(slash - name), name);
	real = realpath(dir, NULL);
	if (real == NULL)
		return storefile_fail(sf, name, strerror(errno));
	n = snprintf(sf->path, sizeof(sf->path), "%s/%s",
		     strcmp(real, "/") == 0 ? "" : real, base);
	free(real);
	if (n < 0 || (size_t)n >= sizeof(sf->path))
		return storefile_fail(sf, name, strerror(ENAMETOOLONG));
	return 0;
}

/* storefile_open_own - create (O_EXCL, 0600) or open without following
 * a link, then check; the descriptor, or -1; *created tells which */
static int storefile_open_own(struct storefile *sf, const char *file,
			      const char *shown, struct stat *st, int *created)
{
	/* O_NONBLOCK: a FIFO planted under the name must not hang us. */
	int flags = O_RDWR | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
	int fd = open(file, flags | O_CREAT | O_EXCL, 0600);

	*created = fd >= 0;
	if (fd < 0 && errno == EEXIST)
		fd = open(file, flags);
	if (fd < 0 && errno == ELOOP)
		return storefile_fail(sf, shown,
				      "a symbolic link: refused "
				      "(a store is never opened through one)");
	if (fd < 0)
		return storefile_fail(sf, shown, strerror(errno));
	if (fstat(fd, st) < 0) {
		storefile_fail(sf, shown, strerror(errno));
		(void)close(fd);
		return -1;
	}
	if (storefile_check_stat(sf, shown, st) < 0) {
		(void)close(fd);
		return -1;
	}
	return fd;
}

/* storefile_held - the message for a lock held by another process */
static int storefile_held(struct storefile *sf, const struct flock *fl)
{
	char why[160];

	if (fl->l_pid > 0)
		snprintf(why, sizeof(why),
			 "in use by another phishwatch (pid "
			 "%ld holds its lock): one process writes a store at "
			 "a time",
			 (long)fl->l_pid);
	else
		snprintf(why, sizeof(why),
			 "in use by another phishwatch (in "
			 "another pid namespace): one process writes a store "
			 "at a time");
	return storefile_fail(sf, sf->name, why);
}

/* storefile_try_lock - F_SETLK on fd: 0, 1 when held by another, -1 */
static int storefile_try_lock(struct storefile *sf, int fd, const char *shown)
{
	struct flock fl;

	for (int tries = 0; tries < 2; tries++) {
		memset(&fl, 0, sizeof(fl));
		fl.l_type = F_WRLCK;
		fl.l_whence = SEEK_SET;
		if (fcntl(fd, F_SETLK, &fl) == 0)
			return 0;
		if (errno != EACCES && errno != EAGAIN)
			return storefile_fail(sf, shown, strerror(errno));
		memset(&fl, 0, sizeof(fl));
		fl.l_type = F_WRLCK;
		fl.l_whence = SEEK_SET;
		if (fcntl(fd, F_GETLK, &fl) < 0)
			return storefile_fail(sf, shown, strerror(errno));
		if (fl.l_type != F_UNLCK)
			return storefile_held(sf, &fl);
		/* the holder let go between the two calls: once more */
	}
	return storefile_fail(sf, shown, "lock taken and freed repeatedly");
}

/* storefile_lock - the writer's lock, kept on sf->lock_fd */
static int storefile_lock(struct storefile *sf)
{
	char file[PATH_MAX];
	char shown[PATH_MAX + STOREFILE_SUFFIX_MAX];
	struct stat st;
	int created;
	int fd;

	if (storefile_names(sf, STOREFILE_LOCK_SUFFIX, file, shown) < 0)
		return -1;
	fd = storefile_open_own(sf, file, shown, &st, &created);
	if (fd < 0)
		return -1;
	if (storefile_try_lock(sf, fd, shown) < 0) {
		(void)close(fd);
		return -1;
	}
	sf->lock_fd = fd;
	return 0;
}

/* storefile_check_companions - SQLite's files beside the store, if any */
static int storefile_check_companions(struct storefile *sf)
{
	char file[PATH_MAX];
	char shown[PATH_MAX + STOREFILE_SUFFIX_MAX];
	struct stat st;
	size_t n = sizeof(storefile_companions) / sizeof(*storefile_companions);

	for (size_t i = 0; i < n; i++) {
		if (storefile_names(sf, storefile_companions[i], file, shown)
		    < 0)
			return -1;
		if (lstat(file, &st) < 0) {
			if (errno == ENOENT)
				continue;
			return storefile_fail(sf, shown, strerror(errno));
		}
		if (storefile_check_stat(sf, shown, &st) < 0)
			return -1;
	}
	return 0;
}

/* storefile_open - see storefile.h */
int storefile_open(struct storefile *sf, const char *name,
		   enum storefile_use use)
{
	struct stat st;
	int created;
	int fd;

	sf->name = name;
	sf->lock_fd = -1;
	if (storefile_resolve(sf, name) < 0)
		return -1;
	fd = storefile_open_own(sf, sf->path, name, &st, &created);
	if (fd < 0)
		return -1;
	/* Closed before SQLite opens the file: closing a descriptor of
	 * it later would drop SQLite's locks (see the top of this file). */
	(void)close(fd);
	/* SQLite takes an empty file for a new database, and so does
	 * phishwatch (a sqlite3 shell, touch or install(1) leave one), but
	 * the caller says so: a store truncated to nothing gives every
	 * campaign's first-seen event again. */
	sf->found_empty = !created && st.st_size == 0;
	sf->dev = st.st_dev;
	sf->ino = st.st_ino;
	if (use == STOREFILE_WRITER && storefile_lock(sf) < 0)
		return -1;
	if (storefile_check_companions(sf) < 0) {
		storefile_close(sf);
		return -1;
	}
	return 0;
}

/* storefile_recheck - the same file under the name, all still ours */
int storefile_recheck(struct storefile *sf)
{
	struct stat st;

	if (lstat(sf->path, &st) < 0)
		return storefile_fail(sf, sf->name, strerror(errno));
	if (st.st_dev != sf->dev || st.st_ino != sf->ino)
		return storefile_fail(sf, sf->name,
				      "replaced by another file "
				      "while it was opened: refused");
	if (storefile_check_stat(sf, sf->name, &st) < 0)
		return -1;
	return storefile_check_companions(sf);
}

/* storefile_lock_present - the lock file still has its name: removed,
 * it would let a second writer start beside us */
static int storefile_lock_present(struct storefile *sf)
{
	char file[PATH_MAX];
	char shown[PATH_MAX + STOREFILE_SUFFIX_MAX];
	struct stat held, named;

	if (sf->lock_fd < 0)
		return 0;
	if (storefile_names(sf, STOREFILE_LOCK_SUFFIX, file, shown) < 0)
		return -1;
	if (fstat(sf->lock_fd, &held) < 0)
		return storefile_fail(sf, shown, strerror(errno));
	if (lstat(file, &named) < 0 || named.st_dev != held.st_dev
	    || named.st_ino != held.st_ino)
		return storefile_fail(sf, shown,
				      "removed or replaced while "
				      "phishwatch ran: another phishwatch "
				      "could start on the store");
	return 0;
}

/* storefile_present - the path still names the file SQLite writes, and
 * the lock is still the store's */
int storefile_present(struct storefile *sf)
{
	struct stat st;

	if (lstat(sf->path, &st) < 0) {
		char why[160];

		snprintf(why, sizeof(why),
			 "removed while phishwatch ran (%s): "
			 "what it writes now would be lost",
			 strerror(errno));
		return storefile_fail(sf, sf->name, why);
	}
	if (st.st_dev != sf->dev || st.st_ino != sf->ino)
		return storefile_fail(sf, sf->name,
				      "replaced by another file "
				      "while phishwatch ran: what it writes "
				      "now would be lost");
	return storefile_lock_present(sf);
}

/* storefile_close - the lock goes with its descriptor */
void storefile_close(struct storefile *sf)
{
	if (sf->lock_fd >= 0)
		(void)close(sf->lock_fd);
	sf->lock_fd = -1;
}
