/*
 * input - standard input or a (possibly gzip-compressed) file as lines.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "input.h"

struct input {
	const char *name;
	int fd;
	time_t mtime;		/* 0 for standard input */
	gzFile gz;		/* NULL for standard input */
	struct linein *lines;
};

/* input_gz_read - gzread as a linein_read_fn */
static long input_gz_read(void *ctx, char *buf, size_t size)
{
	struct input *in = ctx;
	int got;
	int zerr;

	if (size > INT_MAX)
		size = INT_MAX;
	got = gzread(in->gz, buf, (unsigned) size);
	if (got >= 0)
		return got;
	gzerror(in->gz, &zerr);
	errno = zerr == Z_ERRNO ? errno : EIO;
	return -1;
}

/* input_open_file - a file through zlib (plain files pass through) */
static int input_open_file(struct input *in, size_t max_line)
{
	struct stat st;

	in->fd = open(in->name, O_RDONLY);
	if (in->fd < 0)
		return -1;
	if (fstat(in->fd, &st) == 0)
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
		in->lines = linein_open(STDIN_FILENO, max_line);
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
		gzclose(in->gz);	/* closes fd too */
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

/* input_name - for messages */
const char *input_name(const struct input *in)
{
	return in->name;
}
