/*
 * textfile - configuration text files line by line (see textfile.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "linein.h"
#include "textfile.h"

/* Room for a reason that quotes a bounded part of the line. */
#define TEXTFILE_REASON_MAX 1024
/* A file larger than this is no hand-edited map: a wrong path (a log, a
 * disk image).  A million access map lines of 64 bytes fit. */
#define TEXTFILE_SIZE_MAX (64L * 1024 * 1024)

/* What the reader reads through: the descriptor and what it gave. */
struct textfile_source {
	int fd;
	long total;
};

/* textfile_warn - one warning, one more bad line */
void textfile_warn(struct textfile_where *where, const char *fmt, ...)
{
	char reason[TEXTFILE_REASON_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	say_print(where->say, SAY_WARN, "%s:%lu: %s; line skipped", where->path,
		  where->line, reason);
	where->bad++;
}

/*
 * textfile_bom - does the first line start with a UTF-8 byte order mark?
 * An editor that adds one makes it part of the first key: makemap keeps
 * those bytes in the key, so that sendmail never matches that entry,
 * and the same key here would match nothing either, silently.  The line
 * is warned about and skipped, as makemap's map would never use it.
 */
static int textfile_bom(struct textfile_where *where, const char *line,
			size_t len)
{
	static const char bom[] = "\xef\xbb\xbf";

	if (where->line != 1 || len < sizeof(bom) - 1
	    || memcmp(line, bom, sizeof(bom) - 1) != 0)
		return 0;
	textfile_warn(where,
		      "starts with a UTF-8 byte order mark (bytes EF "
		      "BB BF), which would be part of its first key (makemap "
		      "keeps it: sendmail never matches that entry); save the "
		      "file without it");
	return 1;
}

/* textfile_read_some - read(2), stopping with EFBIG past the size limit
 * (the file grew while we read it) */
static long textfile_read_some(void *ctx, char *buf, size_t size)
{
	struct textfile_source *src = ctx;
	ssize_t got = read(src->fd, buf, size);

	if (got > 0 && (src->total += got) > TEXTFILE_SIZE_MAX) {
		errno = EFBIG;
		return -1;
	}
	return got;
}

/* textfile_lines - the reading loop over an open descriptor */
static int textfile_lines(int fd, size_t max, textfile_line_fn fn, void *ctx,
			  struct textfile_where *where)
{
	struct textfile_source src = {fd, 0};
	struct linein *in =
	    linein_open_source(textfile_read_some, &src, -1, max);
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
		else if (textfile_bom(where, line, len))
			continue;
		else if (fn(ctx, where, line, len) < 0)
			break;
	}
	linein_close(in);
	return status;
}

/*
 * textfile_open - path for reading, if it is a regular file of sane
 * size: a FIFO would block the open and the reads with signals blocked,
 * a device (/dev/zero) would never end.  O_NONBLOCK only keeps the
 * open of a FIFO from waiting for a writer; a regular file ignores it.
 */
static int textfile_open(const char *path, const struct say_to *say)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	int err_no = 0;

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0) {
		err_no = errno;
	} else if (S_ISDIR(st.st_mode)) {
		err_no = EISDIR;
	} else if (!S_ISREG(st.st_mode)) {
		say_print(say, SAY_ERROR,
			  "%s: not a regular file (a FIFO or "
			  "device may block or never end): refused",
			  path);
		err_no = EINVAL;
	} else if (st.st_size > TEXTFILE_SIZE_MAX) {
		say_print(say, SAY_ERROR, "%s: larger than %ld MiB: refused",
			  path, TEXTFILE_SIZE_MAX >> 20);
		err_no = EFBIG;
	}
	if (err_no == 0)
		return fd;
	close(fd);
	errno = err_no;
	return -1;
}

/* textfile_read - open, read every line, close */
int textfile_read(const char *path, size_t max, textfile_line_fn fn, void *ctx,
		  const struct say_to *say, size_t *bad_lines)
{
	struct textfile_where where = {path, 0, 0, say};
	int fd;
	int status;
	int saved;

	if (bad_lines != NULL)
		*bad_lines = 0;
	fd = textfile_open(path, say);
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
