/*
 * input - standard input or a (possibly gzip-compressed) file as lines.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "input.h"
#include "stopsig.h"

/*
 * Reads between two looks at a pending SIGTERM: an input that never
 * pauses and never ends a line (/dev/zero) keeps the line reader
 * reading without returning to the run loop, which lets signals in
 * only between lines.  One look per 64 blocks of up to 64 KiB costs
 * nothing on a busy stream.
 */
#define INPUT_SIGNAL_EVERY 64

struct input {
	const char *name;
	int fd;
	int own_fd;     /* 1: a FIFO or device we opened */
	time_t mtime;   /* 0 for standard input */
	gzFile gz;      /* NULL for standard input, FIFOs, devices */
	unsigned reads; /* since the last look at signals */
	struct linein *lines;
	char why[120]; /* zlib's reason for the last failed read, or "" */
};

/* input_stop - every so many reads, -1 (EINTR) if told to stop */
static int input_stop(struct input *in)
{
	if (++in->reads < INPUT_SIGNAL_EVERY)
		return 0;
	in->reads = 0;
	return stopsig_check();
}

/* input_fd_read - read(2) as a linein_read_fn, signals let in now and then */
static long input_fd_read(void *ctx, char *buf, size_t size)
{
	struct input *in = ctx;

	if (input_stop(in) < 0)
		return -1;
	return read(in->fd, buf, size);
}

/*
 * input_gz_read - gzread as a linein_read_fn.  zlib reports a file that
 * ends inside a gzip stream (cut short while being written or copied)
 * only through gzerror() at the end, as Z_BUF_ERROR: a read error
 * here, as gunzip makes it, not an end, so that what is missing is said.
 */
static long input_gz_read(void *ctx, char *buf, size_t size)
{
	struct input *in = ctx;
	const char *zmsg;
	int got;
	int zerr;

	if (input_stop(in) < 0)
		return -1;
	if (size > INT_MAX)
		size = INT_MAX;
	got = gzread(in->gz, buf, (unsigned)size);
	if (got > 0)
		return got;
	zmsg = gzerror(in->gz, &zerr);
	if (got == 0 && zerr != Z_BUF_ERROR)
		return 0;
	if (zerr == Z_ERRNO)
		return -1; /* read(2)'s errno */
	/* zlib names a descriptor opened with gzdopen() "<fd:N>: " */
	if (strncmp(zmsg, "<fd:", 4) == 0 && strstr(zmsg, ": ") != NULL)
		zmsg = strstr(zmsg, ": ") + 2;
	snprintf(in->why, sizeof(in->why), "%s",
		 zerr == Z_BUF_ERROR
		     ? "compressed data cut short (unexpected end of file)"
		     : zmsg);
	errno = EIO;
	return -1;
}

/* input_open_stream - a FIFO or device read like standard input: with
 * read(2), each line as it comes, waited for by the run loop */
static int input_open_stream(struct input *in, size_t max_line)
{
	int flags = fcntl(in->fd, F_GETFL);

	in->own_fd = 1;
	/* Opened without blocking only so as not to wait for a writer
	 * with signals blocked; the run loop's wait (ppoll) lets them in. */
	if (flags < 0 || fcntl(in->fd, F_SETFL, flags & ~O_NONBLOCK) < 0)
		return -1;
	in->lines = linein_open_source(input_fd_read, in, in->fd, max_line);
	return in->lines == NULL ? -1 : 0;
}

/* input_open_file - a regular file through zlib (plain files pass
 * through); a FIFO or device as a stream */
static int input_open_file(struct input *in, size_t max_line)
{
	struct stat st;

	in->fd = open(in->name, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (in->fd < 0)
		return -1;
	if (fstat(in->fd, &st) < 0) {
		int saved = errno;

		close(in->fd);
		errno = saved;
		return -1;
	}
	if (!S_ISREG(st.st_mode))
		return input_open_stream(in, max_line);
	in->mtime = st.st_mtime;
	in->gz = gzdopen(in->fd, "rb");
	if (in->gz == NULL) {
		close(in->fd);
		errno = ENOMEM;
		return -1;
	}
	gzbuffer(in->gz, 128 * 1024);
	in->lines = linein_open_source(input_gz_read, in, -1, max_line);
	return in->lines == NULL ? -1 : 0;
}

/* input_open - "-" or a path */
struct input *input_open(const char *name, size_t max_line)
{
	struct input *in = calloc(1, sizeof(*in));

	if (in == NULL)
		return NULL;
	in->name = name;
	if (strcmp(name, "-") == 0) {
		in->name = "standard input";
		in->fd = STDIN_FILENO;
		in->lines = linein_open_source(input_fd_read, in, STDIN_FILENO,
					       max_line);
		if (in->lines != NULL)
			return in;
	} else if (input_open_file(in, max_line) == 0) {
		return in;
	}
	input_close(in);
	return NULL;
}

/* input_close - release; closes the file, never standard input */
void input_close(struct input *in)
{
	int saved = errno;

	if (in == NULL)
		return;
	linein_close(in->lines);
	if (in->gz != NULL)
		gzclose(in->gz); /* closes fd too */
	else if (in->own_fd)
		close(in->fd);
	free(in);
	errno = saved;
}

/* input_lines - the line reader */
struct linein *input_lines(struct input *in)
{
	return in->lines;
}

/* input_mtime - the reference clock for the file's RFC 3164 stamps */
time_t input_mtime(const struct input *in)
{
	return in->mtime;
}

/* input_read_error - zlib's reason, else err's */
const char *input_read_error(const struct input *in, int err)
{
	return in->why[0] != '\0' ? in->why : strerror(err);
}

/* input_name - for messages */
const char *input_name(const struct input *in)
{
	return in->name;
}
