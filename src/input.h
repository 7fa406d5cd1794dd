/*
 * input - open one input (standard input or a file) as lines.
 *
 * DESCRIPTION
 *	Standard input ("-") is read with read(2), so a pipe from tail -F
 *	or rsyslog is processed line by line as it arrives.  Regular files
 *	are read through zlib, which reads gzip-compressed files (rotated
 *	maillog.1.gz) and plain files alike, so --report takes both.  A
 *	FIFO or device named as a file is read like standard input (not
 *	decompressed): its open does not wait for a writer with signals
 *	blocked, the run loop's wait does, with them let in.  Every 64
 *	reads a pending SIGTERM or SIGINT is let in (stopsig.h), so an
 *	input that never pauses nor ends a line (/dev/zero) cannot hold
 *	the reader for ever: the read then fails with EINTR, which the line
 *	reader reports as LINEIN_AGAIN.
 */
#ifndef PHISHWATCH_INPUT_H
#define PHISHWATCH_INPUT_H

#include <stddef.h>
#include <time.h>

#include "linein.h"

struct input;

/* input_open - NULL with errno set when the file cannot be opened */
struct input *input_open(const char *name, size_t max_line);
void input_close(struct input *in);

struct linein *input_lines(struct input *in);

/* input_mtime - a file's modification time; 0 for standard input */
time_t input_mtime(const struct input *in);

/* input_read_error - why the last read failed, given its errno err:
 * zlib's reason for a compressed file (corrupt, or cut short), else
 * strerror(err) */
const char *input_read_error(const struct input *in, int err);

/* input_name - "standard input" or the path, for messages */
const char *input_name(const struct input *in);

#endif
