/*
 * outfd - an output descriptor for event lines: opened safely, written
 * a whole line at a time.
 *
 * DESCRIPTION
 *	The transport under the emitter for standard output and files.
 *	outfd_open_file() opens a path for appending without following a
 *	planted symbolic link, creating a new file O_EXCL mode 0600 and
 *	refusing a file that is not ours alone; a FIFO with no reader is
 *	waited for with the stop signals let in (say, when not NULL, is
 *	told once, at SAY_INFO).  outfd_open_stdout() takes standard output,
 *	through a non-blocking descriptor of our own where it may block.
 *	outfd_write_line() writes text and a newline with one writev(), waiting
 *	for room with SIGTERM and SIGINT let in; a regular file is cut back to
 *	where the line began when the write fails part way. Nothing here knows
 *	what the line says.
 *
 * DIAGNOSTICS
 *	outfd_open_file() returns -1 with err filled (destination and
 *	reason); outfd_write_line() returns -1 with errno set (EAGAIN when a
 *	stop signal ended the wait for room).
 */
#ifndef PHISHWATCH_OUTFD_H
#define PHISHWATCH_OUTFD_H

#include <stddef.h>

#include "say.h"

#define OUTFD_ERR_MAX 512

struct outfd {
	int fd;
	int own_fd;     /* 1: a descriptor we opened and must close */
	int is_stdout;  /* 1: stdio's stdout is flushed first */
	int poll_first; /* 1: a shared descriptor that may block:
				 * wait for room before each write */
};

int outfd_open_file(struct outfd *out, const char *dest,
		    const struct say_to *say, char err[OUTFD_ERR_MAX]);
void outfd_open_stdout(struct outfd *out);
int outfd_write_line(const struct outfd *out, const char *text, size_t len);
void outfd_close(struct outfd *out);

#endif
