/*
 * linein - bounded, NUL-safe line reader for streams (see linein.h).
 *
 * DESCRIPTION
 *	One buffer of max_line + LINEIN_BLOCK bytes.  Lines are handed out
 *	from it in place; when no newline is left, the tail is moved to the
 *	front and read(2) fills the rest.  read(2) returns what the pipe
 *	holds, so a line is processed as soon as it is complete.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "linein.h"

/* One read(2) asks for up to this much: large blocks, few system calls. */
#define LINEIN_BLOCK 65536

struct linein {
	linein_read_fn read_fn;
	void *read_ctx;
	int fd; /* polled by linein_wait(); -1: never blocks */
	size_t max_line;
	char *buf;
	size_t size;    /* allocated */
	size_t start;   /* first byte not yet handed out */
	size_t end;     /* one past the last byte read */
	size_t scanned; /* bytes from start known to hold no newline */
	char *found;    /* the newline that ends the line at start, once
			 * linein_buffered() or linein_next() found it */
	int discarding; /* inside an over-long line: drop to newline */
	int eof;
};

/* linein_read_fd - read(2) as a linein_read_fn */
static long linein_read_fd(void *ctx, char *buf, size_t size)
{
	return read(*(int *)ctx, buf, size);
}

/* linein_open_source - reader over any byte source */
struct linein *linein_open_source(linein_read_fn read_fn, void *ctx,
				  int poll_fd, size_t max_line)
{
	struct linein *in = calloc(1, sizeof(*in));

	if (in == NULL)
		return NULL;
	in->read_fn = read_fn;
	in->read_ctx = ctx;
	in->fd = poll_fd;
	in->max_line = max_line;
	in->size = max_line + LINEIN_BLOCK;
	in->buf = malloc(in->size);
	if (in->buf == NULL) {
		free(in);
		return NULL;
	}
	return in;
}

/* linein_open - reader for fd with lines up to max_line bytes */
struct linein *linein_open(int fd, size_t max_line)
{
	struct linein *in =
	    linein_open_source(linein_read_fd, NULL, fd, max_line);

	if (in != NULL)
		in->read_ctx = &in->fd;
	return in;
}

/* linein_close - free the reader */
void linein_close(struct linein *in)
{
	if (in == NULL)
		return;
	free(in->buf);
	free(in);
}

/* linein_take - hand out buf[start..stop) as a line, CR dropped */
static void linein_take(struct linein *in, size_t stop, size_t next,
			const char **line, size_t *len)
{
	size_t n = stop - in->start;

	if (n > 0 && in->buf[in->start + n - 1] == '\r')
		n--;
	*line = in->buf + in->start;
	*len = n;
	in->start = next;
	in->scanned = 0;
	in->found = NULL;
}

/* linein_fill - make room and read once; bytes read, 0 at EOF, -1 error */
static ssize_t linein_fill(struct linein *in)
{
	ssize_t got;

	if (in->start > 0) {
		memmove(in->buf, in->buf + in->start, in->end - in->start);
		in->end -= in->start;
		in->start = 0;
	}
	got = in->read_fn(in->read_ctx, in->buf + in->end, in->size - in->end);
	if (got > 0)
		in->end += (size_t)got;
	return got;
}

/* linein_find_newline - position of the next newline, or NULL; kept,
 * so that the wait for a line and its taking look for it once */
static char *linein_find_newline(struct linein *in)
{
	char *from = in->buf + in->start + in->scanned;
	char *nl;

	if (in->found != NULL)
		return in->found;
	nl = memchr(from, '\n', in->end - in->start - in->scanned);
	if (nl == NULL)
		in->scanned = in->end - in->start;
	in->found = nl;
	return nl;
}

/* linein_next - the next line, or why there is none */
enum linein_status linein_next(struct linein *in, const char **line,
			       size_t *len)
{
	for (;;) {
		char *nl = linein_find_newline(in);
		ssize_t got;

		if (nl != NULL) {
			size_t stop = (size_t)(nl - in->buf);

			if (in->discarding) {
				in->discarding = 0;
				in->start = stop + 1;
				in->scanned = 0;
				in->found = NULL;
				continue;
			}
			if (stop - in->start > in->max_line) {
				in->start = stop + 1;
				in->scanned = 0;
				in->found = NULL;
				return LINEIN_TOO_LONG;
			}
			linein_take(in, stop, stop + 1, line, len);
			return LINEIN_LINE;
		}
		if (in->end - in->start > in->max_line) {
			/* Over the limit with no newline: drop what we have. */
			int first = !in->discarding;

			in->discarding = 1;
			in->start = in->end = in->scanned = 0;
			in->found = NULL;
			if (first)
				return LINEIN_TOO_LONG;
		}
		if (in->eof)
			break;
		got = linein_fill(in);
		if (got < 0)
			return errno == EINTR ? LINEIN_AGAIN : LINEIN_ERROR;
		if (got == 0)
			in->eof = 1;
	}
	if (in->end > in->start && !in->discarding) {
		linein_take(in, in->end, in->end, line, len);
		return LINEIN_LINE;
	}
	in->start = in->end = 0;
	return LINEIN_EOF;
}

/* linein_limit - the max_line it was opened with */
size_t linein_limit(const struct linein *in)
{
	return in->max_line;
}

/* linein_buffered - a complete line (or EOF) is available without a read */
int linein_buffered(struct linein *in)
{
	if (in->eof)
		return 1;
	return linein_find_newline(in) != NULL;
}

/* linein_wait - poll for input up to timeout_ms, under mask if given */
int linein_wait(struct linein *in, int timeout_ms, const sigset_t *mask)
{
	struct pollfd pfd = {.fd = in->fd, .events = POLLIN};
	struct timespec timeout = {.tv_sec = timeout_ms / 1000,
				   .tv_nsec =
				       (long)(timeout_ms % 1000) * 1000000L};
	int ready;

	if (linein_buffered(in) || in->fd < 0)
		return 1;
	ready = ppoll(&pfd, 1, &timeout, mask);
	if (ready < 0)
		return errno == EINTR ? -1 : 1; /* let read(2) report it */
	return ready > 0;
}
