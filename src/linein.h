/*
 * linein - bounded, NUL-safe line reader for streams.
 *
 * DESCRIPTION
 *	Reads a file descriptor in large blocks and hands out one line at a
 *	time, without its newline (a CR before it is dropped too).  A line
 *	is handed out as soon as its newline has arrived, so a pipe from
 *	tail -F or rsyslog's omprog is processed as it comes, never held
 *	back waiting for more input.  Lines longer than the limit are not
 *	cut into pieces: the reader reports LINEIN_TOO_LONG once and
 *	discards the rest up to the next newline.  A last line without a
 *	newline is still a line.  NUL bytes are data; len tells the length.
 */
#ifndef PHISHWATCH_LINEIN_H
#define PHISHWATCH_LINEIN_H

#include <signal.h>
#include <stddef.h>

/* sendmail's lines stay far below this; it bounds hostile ones */
#define LINEIN_MAX 65536

enum linein_status {
	LINEIN_LINE,     /* *line, *len hold a line */
	LINEIN_TOO_LONG, /* a line over the limit was skipped */
	LINEIN_EOF,
	LINEIN_AGAIN, /* read interrupted by a signal: call again */
	LINEIN_ERROR  /* read error, errno set */
};

struct linein;

/* A source of bytes: like read(2), -1 with errno on error, 0 at end. */
typedef long (*linein_read_fn)(void *ctx, char *buf, size_t size);

/* linein_open - lines of a file descriptor read with read(2) */
struct linein *linein_open(int fd, size_t max_line);

/*
 * linein_open_source - lines of another byte source (a gzip stream);
 * poll_fd is polled by linein_wait(), or -1 when the source never blocks.
 */
struct linein *linein_open_source(linein_read_fn read_fn, void *ctx,
				  int poll_fd, size_t max_line);
void linein_close(struct linein *in); /* frees; does not close fd */

/* linein_next - the next line; valid until the next call */
enum linein_status linein_next(struct linein *in, const char **line,
			       size_t *len);

/* linein_limit - the longest line it hands out, in bytes */
size_t linein_limit(const struct linein *in);

/* linein_buffered - 1 when a whole line is already buffered, so that
 * linein_next() will not block */
int linein_buffered(struct linein *in);

/*
 * linein_wait - wait up to timeout_ms for input: 1 when there is some
 * (or a buffered line), 0 on time-out, -1 when a signal interrupted.
 * Lets the caller commit batched work before it sits idle.  With mask,
 * the wait runs under that signal mask (ppoll), so a caller that keeps
 * its signals blocked while it works can never miss one here.
 */
int linein_wait(struct linein *in, int timeout_ms, const sigset_t *mask);

#endif
