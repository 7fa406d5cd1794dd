/*
 * textfile - configuration text files line by line (see textfile.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

#include "linein.h"
#include "msg.h"
#include "textfile.h"

/* Room for a reason that quotes a bounded part of the line. */
#define TEXTFILE_REASON_MAX 1024

/* textfile_warn - one warning, one more bad line */
void textfile_warn(struct textfile_where *where, const char *fmt, ...)
{
	char reason[TEXTFILE_REASON_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	msg_warn("%s:%lu: %s; line skipped", where->path, where->line, reason);
	where->bad++;
}

/* textfile_lines - the reading loop over an open descriptor */
static int textfile_lines(int fd, size_t max, textfile_line_fn fn, void *ctx,
			  struct textfile_where *where)
{
	struct linein *in = linein_open(fd, max);
	const char *line;
	size_t len;
	int status = -1;

	if (in == NULL)
		return -1;
	for (;;) {
		enum linein_status got = linein_next(in, &line, &len);

		if (got == LINEIN_AGAIN)
			continue;
		if (got == LINEIN_EOF)
			status = 0;
		if (got == LINEIN_EOF || got == LINEIN_ERROR)
			break;
		where->line++;
		if (got == LINEIN_TOO_LONG)
			textfile_warn(where, "longer than %zu bytes", max);
		else if (fn(ctx, where, line, len) < 0)
			break;
	}
	linein_close(in);
	return status;
}

/* textfile_read - open, read every line, close */
int textfile_read(const char *path, size_t max, textfile_line_fn fn,
		  void *ctx, size_t *bad_lines)
{
	struct textfile_where where = { path, 0, 0 };
	int fd;
	int status;
	int saved;

	if (bad_lines != NULL)
		*bad_lines = 0;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	status = textfile_lines(fd, max, fn, ctx, &where);
	saved = errno;
	close(fd);
	if (bad_lines != NULL)
		*bad_lines = where.bad;
	errno = saved;
	return status;
}
