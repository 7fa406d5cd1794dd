/*
 * outfd - an output descriptor for event lines (see outfd.h).
 *
 * NAME
 *	outfd - open an output file safely, write whole lines to it
 *
 * DESCRIPTION
 *	Files and standard output are written with one writev() of the
 *	line and its newline, not through stdio: no half-written event can
 *	stay in a buffer to come out later glued to the next one, and with
 *	O_APPEND the line lands whole after whatever other writers add.
 *	When the write fails part way (disk full), a regular file is cut
 *	back to where the line began, so no half event stays in it either.
 *
 *	A pipe, FIFO or terminal is written without blocking (a descriptor
 *	of our own, O_NONBLOCK, so standard output's shared one keeps its
 *	flags): the write is tried first, and only when it would block does
 *	the writer wait for room, with SIGTERM and SIGINT let in
 *	(stopsig.h).  A stop signal ends the wait: the line is reported
 *	not written (EAGAIN), so it is not done, nothing of it is
 *	committed, and it is processed again when offered again.  A line of
 *	PIPE_BUF bytes or less goes into a pipe whole or not at all; a
 *	longer one cut short by the stop ends the output without its
 *	newline.
 *
 *	An output file is opened safely in a directory others can write
 *	(/tmp, a shared log directory): a symbolic link as its last
 *	component is followed only when it belongs to root or to us and
 *	sits in a directory only root or we can change (/dev/stdout); a new
 *	file is created with O_EXCL, mode 0600; an existing regular file
 *	must be ours, with one link, and not writable by group or others.
 *	A FIFO or character device is fine (/dev/null, a FIFO a collector
 *	reads), unless it belongs to someone else and lies in a directory
 *	group or others can write, where anyone could have planted it.  A
 *	FIFO with no reader is waited for, as a blocking open would, but
 *	with the stop signals let in.
 *
 * DIAGNOSTICS
 *	outfd_open_file() fills err with the destination and the reason;
 *	outfd_write_line() returns -1 with errno set.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "outfd.h"
#include "stopsig.h"

/* Destinations named in messages are cut here. */
#define OUTFD_NAME_SHOWN 200
/* How an output file is opened: never blocking (a FIFO), never a
 * controlling terminal, appending whole lines. */
#define OUTFD_OPEN_FLAGS \
	(O_WRONLY | O_APPEND | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
/* A new output file: for us alone; share it with chgrp and chmod g+r. */
#define OUTFD_FILE_MODE 0600
/* Rounds of "open, else create" lost to another process creating or
 * removing the file in between, before giving up. */
#define OUTFD_OPEN_TRIES 8
/* A FIFO's reader is looked for this often (an open is the only way). */
#define OUTFD_READER_POLL_MS 100
/* Standard output reopened as our own descriptor (outfd_open_stdout) */
#define OUTFD_STDOUT_PATH "/proc/self/fd/1"

static int outfd_wait_room(int fd)
{
	struct pollfd pfd = {.fd = fd, .events = POLLOUT};

	/* POLLERR or POLLHUP: the next write says what went wrong. */
	if (stopsig_poll(&pfd, 1, -1) >= 0)
		return 0;
	if (errno == EINTR)
		errno = EAGAIN;
	return -1;
}

/* outfd_write_all - text and a newline with one writev, all of it;
 * a descriptor that would block is waited on, stop signals let in */
static int outfd_write_all(const struct outfd *out, const char *text,
			   size_t len)
{
	struct iovec iov[2] = {
	    {.iov_base = (void *)text, .iov_len = len},
	    {.iov_base = (void *)"\n", .iov_len = 1},
	};
	int first = 0;

	while (first < 2) {
		ssize_t n;

		if (out->poll_first && outfd_wait_room(out->fd) < 0)
			return -1;
		n = writev(out->fd, iov + first, 2 - first);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN && outfd_wait_room(out->fd) == 0)
			continue;
		if (n < 0)
			return -1;
		if (n == 0) { /* never for files and pipes; do not spin */
			errno = EIO;
			return -1;
		}
		while (first < 2 && (size_t)n >= iov[first].iov_len)
			n -= (ssize_t)iov[first++].iov_len;
		if (first < 2) {
			iov[first].iov_base = (char *)iov[first].iov_base + n;
			iov[first].iov_len -= (size_t)n;
		}
	}
	return 0;
}

/* outfd_line_start - where the next line begins in a regular file, or
 * -1 for anything else (a pipe, a terminal, /dev/full) */
static off_t outfd_line_start(int fd)
{
	struct stat st;
	int flags = fcntl(fd, F_GETFL);

	if (flags < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		return -1;
	return (flags & O_APPEND) ? st.st_size : lseek(fd, 0, SEEK_CUR);
}

/*
 * outfd_undo_line - after a failed write (disk full, quota), cut a
 * regular file back to where the line began: a half event left there
 * would be glued to the next one and spoil both for every reader
 */
static void outfd_undo_line(int fd, off_t start)
{
	int saved = errno;

	if (start >= 0 && ftruncate(fd, start) == 0)
		(void)lseek(fd, start, SEEK_SET);
	errno = saved;
}

static const char *outfd_dir_of(const char *path, char *buf, size_t size)
{
	size_t n = strnlen(path, size);

	if (n >= size)
		return NULL;
	memcpy(buf, path, n + 1);
	return dirname(buf);
}

/* outfd_dir_open - 1 when someone but its owner may add to the
 * directory of path (group or others can write it), or it cannot be
 * told; 0 when only its owner can; *dir filled for further checks */
static int outfd_dir_open(const char *path, struct stat *dir)
{
	char buf[PATH_MAX];
	const char *name = outfd_dir_of(path, buf, sizeof(buf));

	if (name == NULL || stat(name, dir) < 0)
		return 1;
	return (dir->st_mode & (S_IWGRP | S_IWOTH)) != 0;
}

/*
 * outfd_link_trusted - path is a symbolic link we may follow: ours or
 * root's, in a directory of ours or root's that no one else can change
 * (or sticky, where no one else can remove or replace the link); then
 * no one else can point it elsewhere between our look and our open.
 * 1 trusted, 0 not, -1 when path is no symbolic link at all.
 */
static int outfd_link_trusted(const char *path)
{
	uid_t me = geteuid();
	struct stat link, dir;
	int open_dir;

	if (lstat(path, &link) < 0 || !S_ISLNK(link.st_mode))
		return -1;
	if (link.st_uid != me && link.st_uid != 0)
		return 0;
	open_dir = outfd_dir_open(path, &dir);
	if (open_dir && (dir.st_mode & S_ISVTX) == 0)
		return 0;
	return dir.st_uid == me || dir.st_uid == 0;
}

/*
 * outfd_open_path - dest opened for appending, created 0600 with
 * O_EXCL when missing (never through a link); the descriptor, or -1
 * with errno (ELOOP: a symbolic link, not followed unless follow)
 */
static int outfd_open_path(const char *dest, int follow)
{
	int nofollow = follow ? 0 : O_NOFOLLOW;

	for (int i = 0; i < OUTFD_OPEN_TRIES; i++) {
		int fd = open(dest, OUTFD_OPEN_FLAGS | nofollow);

		if (fd >= 0 || errno != ENOENT || follow)
			return fd;
		fd =
		    open(dest, OUTFD_OPEN_FLAGS | O_CREAT | O_EXCL | O_NOFOLLOW,
			 OUTFD_FILE_MODE);
		if (fd >= 0 && fchmod(fd, OUTFD_FILE_MODE) < 0) {
			int saved = errno; /* a umask took a bit */

			(void)close(fd);
			errno = saved;
			return -1;
		}
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	return -1;
}

/* outfd_is_fifo - dest (or what it links to, if follow) is a FIFO */
static int outfd_is_fifo(const char *dest, int follow)
{
	struct stat st;

	if ((follow ? stat(dest, &st) : lstat(dest, &st)) < 0)
		return 0;
	return S_ISFIFO(st.st_mode);
}

/*
 * outfd_open_wait - outfd_open_path(), waiting for a reader when
 * dest is a FIFO that has none yet (as a blocking open would, but
 * with the stop signals let in); -1 with EINTR when told to stop
 */
static int outfd_open_wait(const char *dest, int follow,
			   const struct say_to *say)
{
	int said = 0;

	for (;;) {
		int fd = outfd_open_path(dest, follow);

		if (fd >= 0 || errno != ENXIO || !outfd_is_fifo(dest, follow))
			return fd;
		if (!said++)
			say_print(say, SAY_INFO,
				  "output %.*s: a FIFO that no "
				  "process reads yet; waiting for a reader",
				  OUTFD_NAME_SHOWN, dest);
		if (stopsig_poll(NULL, 0, OUTFD_READER_POLL_MS) < 0)
			return -1;
	}
}

/* outfd_check_file - an existing regular file must be ours alone */
static int outfd_check_file(const struct stat *st, const char *dest,
			    char err[OUTFD_ERR_MAX])
{
	const char *why = NULL;
	char text[128];

	if (st->st_uid != geteuid()) {
		snprintf(text, sizeof(text),
			 "owned by uid %lu, not by uid %lu "
			 "that phishwatch runs as",
			 (unsigned long)st->st_uid, (unsigned long)geteuid());
		why = text;
	} else if (st->st_mode & (S_IWGRP | S_IWOTH)) {
		snprintf(text, sizeof(text),
			 "writable by group or others "
			 "(mode %04o)",
			 (unsigned)(st->st_mode & 07777));
		why = text;
	} else if (st->st_nlink > 1) {
		why = "more than one hard link to it";
	}
	if (why == NULL)
		return 0;
	snprintf(err, OUTFD_ERR_MAX, "%.*s: refused: %s", OUTFD_NAME_SHOWN,
		 dest, why);
	return -1;
}

/* outfd_check_fd - what was opened may be written: a regular file of
 * ours, or a FIFO or character device that no stranger planted */
static int outfd_check_fd(int fd, const char *dest, char err[OUTFD_ERR_MAX])
{
	uid_t me = geteuid();
	struct stat st, dir;

	if (fstat(fd, &st) < 0) {
		snprintf(err, OUTFD_ERR_MAX, "%.*s: %s", OUTFD_NAME_SHOWN, dest,
			 strerror(errno));
		return -1;
	}
	if (S_ISREG(st.st_mode))
		return outfd_check_file(&st, dest, err);
	if (!S_ISFIFO(st.st_mode) && !S_ISCHR(st.st_mode)) {
		snprintf(err, OUTFD_ERR_MAX,
			 "%.*s: refused: not a regular "
			 "file, FIFO or character device",
			 OUTFD_NAME_SHOWN, dest);
		return -1;
	}
	if (st.st_uid == me || st.st_uid == 0 || !outfd_dir_open(dest, &dir))
		return 0;
	snprintf(err, OUTFD_ERR_MAX,
		 "%.*s: refused: a %s of uid %lu in a "
		 "directory that group or others can write",
		 OUTFD_NAME_SHOWN, dest,
		 S_ISFIFO(st.st_mode) ? "FIFO" : "device",
		 (unsigned long)st.st_uid);
	return -1;
}

/* outfd_open_error - why dest could not be opened */
static void outfd_open_error(const char *dest, int err_no, int link,
			     char err[OUTFD_ERR_MAX])
{
	if (link == 0)
		snprintf(err, OUTFD_ERR_MAX,
			 "%.*s: refused: a symbolic "
			 "link, followed only when it and its directory belong "
			 "to root or to uid %lu and no one else can change "
			 "them; name the file itself",
			 OUTFD_NAME_SHOWN, dest, (unsigned long)geteuid());
	else if (err_no == EINTR)
		snprintf(err, OUTFD_ERR_MAX,
			 "%.*s: told to stop while "
			 "waiting for a reader of the FIFO",
			 OUTFD_NAME_SHOWN, dest);
	else
		snprintf(err, OUTFD_ERR_MAX,
			 "%.*s: cannot open for "
			 "appending: %s",
			 OUTFD_NAME_SHOWN, dest, strerror(err_no));
}

/* outfd_open_file - an output file, FIFO or device (see the top) */
int outfd_open_file(struct outfd *out, const char *dest,
		    const struct say_to *say, char err[OUTFD_ERR_MAX])
{
	int link = -1;

	memset(out, 0, sizeof(*out));
	out->fd = outfd_open_wait(dest, 0, say);
	if (out->fd < 0 && errno == ELOOP) {
		link = outfd_link_trusted(dest);
		if (link > 0)
			out->fd = outfd_open_wait(dest, 1, say);
		else
			errno = ELOOP;
	}
	if (out->fd < 0) {
		outfd_open_error(dest, errno, link, err);
		return -1;
	}
	out->own_fd = 1;
	return outfd_check_fd(out->fd, dest, err);
}

/*
 * outfd_open_stdout - standard output; when it is a pipe, FIFO or
 * terminal, through a descriptor of our own opened O_NONBLOCK, so that
 * a reader that stopped reading cannot hold us with signals blocked,
 * and the descriptor we share with the shell keeps its flags.  Where
 * that cannot be had (a socket; no /proc), the shared one is used, and
 * each write waits for room first.
 */
void outfd_open_stdout(struct outfd *out)
{
	struct stat st;
	int fd;

	memset(out, 0, sizeof(*out));
	out->fd = STDOUT_FILENO;
	out->is_stdout = 1;
	/* A regular file never blocks; a closed stdout fails at the write,
	 * and so must one not open for writing (main holds a closed one
	 * read-only on /dev/null): opening it anew would make it writable. */
	if (fstat(STDOUT_FILENO, &st) < 0 || S_ISREG(st.st_mode)
	    || (fcntl(STDOUT_FILENO, F_GETFL) & O_ACCMODE) == O_RDONLY)
		return;
	fd = open(OUTFD_STDOUT_PATH,
		  O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		out->poll_first = 1;
		return;
	}
	out->fd = fd;
	out->own_fd = 1;
}

/* outfd_write_line - one whole line, or a regular file cut back to where
 * it began */
int outfd_write_line(const struct outfd *out, const char *text, size_t len)
{
	off_t start;
	int result;

	/* Whatever main printed through stdio goes out first. */
	if (out->is_stdout && fflush(stdout) == EOF)
		return -1;
	start = outfd_line_start(out->fd);
	result = outfd_write_all(out, text, len);
	if (result < 0)
		outfd_undo_line(out->fd, start);
	return result;
}

/* outfd_close - close a descriptor of our own (never standard output's) */
void outfd_close(struct outfd *out)
{
	/* Each line went out whole through writev() already: a failing
	 * close() could only report what the caller can no longer act on. */
	if (out->own_fd)
		(void)close(out->fd);
	out->own_fd = 0;
	out->fd = -1;
}
