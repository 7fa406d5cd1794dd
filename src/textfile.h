/*
 * textfile - configuration text files read line by line, with file:line.
 *
 * DESCRIPTION
 *	The access map, --brands and --allow are small text files that the
 *	administrator edits by hand.  textfile_read() opens one, hands each
 *	line (no newline; a CR before it dropped) to the caller's parser
 *	with its position, and warns about lines over the limit itself.
 *	textfile_warn() tells the caller's say_to (say.h) "file:line:
 *	reason; line skipped" and counts
 *	the line, so every parser reports the same way and the caller can
 *	tell --check how many lines were bad; textfile_warn_word() does the
 *	same for one word of a line whose other words are still read
 *	("file:line: reason; that word left out"); textfile_note() tells of a
 *	line read otherwise than written ("file:line: reason"), which is
 *	not bad: nothing of it was lost.  A first line that starts
 *	with a UTF-8 byte order mark is such a line: makemap would keep
 *	the mark in the first key, which then matches nothing (in a file
 *	only phishwatch reads, textfile_read_own(), the mark is left out).
 *
 *	Only a regular file of at most 64 MiB is read: a FIFO would block
 *	the open and each read with signals blocked, a device (/dev/zero)
 *	would never end; either is refused with a message to say (errno EINVAL,
 *	or EFBIG for the size, also when the file grows past it while read).
 */
#ifndef PHISHWATCH_TEXTFILE_H
#define PHISHWATCH_TEXTFILE_H

#include <stddef.h>

#include "say.h"

/* Where a file is being read, for warnings. */
struct textfile_where {
	const char *path;
	unsigned long line;       /* 1 for the first line */
	size_t bad;               /* lines skipped with a warning */
	const struct say_to *say; /* told of them (say.h) */
};

/* One line; a negative return stops the reading (errno set). */
typedef int (*textfile_line_fn)(void *ctx, struct textfile_where *where,
				const char *line, size_t len);

/*
 * textfile_read - every line of path through fn; lines over max bytes
 * are warned about (to say) and skipped.  0, or -1 with errno when the
 * file cannot be read or fn stopped (a file refused for its kind or
 * size is told to say as an error first); *bad_lines (may be NULL)
 * counts the lines skipped with a warning.
 */
int textfile_read(const char *path, size_t max, textfile_line_fn fn, void *ctx,
		  const struct say_to *say, size_t *bad_lines);

/*
 * textfile_read_own - textfile_read() for a file that only phishwatch
 * reads (--brands, --allow): no makemap keeps a byte order mark there,
 * so one is left out of the first line, with a note, and the line read.
 */
int textfile_read_own(const char *path, size_t max, textfile_line_fn fn,
		      void *ctx, const struct say_to *say, size_t *bad_lines);

/* textfile_warn - "file:line: reason; line skipped", counted */
void textfile_warn(struct textfile_where *where, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* textfile_warn_word - "file:line: reason; that word left out", counted:
 * one bad word of a line whose other words are still read */
void textfile_warn_word(struct textfile_where *where, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* textfile_warn_read - "file:line: reason" for a line still read,
 * counted: read as the program it belongs to reads it, but not as its
 * author can have meant it */
void textfile_warn_read(struct textfile_where *where, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* textfile_note - "file:line: reason" for a line still read, not counted */
void textfile_note(struct textfile_where *where, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
