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

/* textfile_vsay - a warning "file:line: reason" and what came of the
 * line (after: "; line skipped", or nothing) */
static void textfile_vsay(const struct textfile_where *where, const char *after,
			  const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

static void textfile_vsay(const struct textfile_where *where, const char *after,
			  const char *fmt, va_list ap)
{
	char reason[TEXTFILE_REASON_MAX];

	vsnprintf(reason, sizeof(reason), fmt, ap);
	say_print(where->say, SAY_WARN, "%s:%lu: %s%s", where->path,
		  where->line, reason, after);
}

/* textfile_warn - one warning, one more bad line */
void textfile_warn(struct textfile_where *where, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	textfile_vsay(where, "; line skipped", fmt, ap);
	va_end(ap);
	where->bad++;
}

/* textfile_warn_read - "file:line: reason", counted, the line read */
void textfile_warn_read(struct textfile_where *where, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	textfile_vsay(where, "", fmt, ap);
	va_end(ap);
	where->bad++;
}

/* textfile_warn_word - one warning, one more bad line, whose other words
 * are still read */
void textfile_warn_word(struct textfile_where *where, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	textfile_vsay(where, "; that word left out", fmt, ap);
	va_end(ap);
	where->bad++;
}

/* textfile_note - one warning about a line that is still read */
void textfile_note(struct textfile_where *where, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	textfile_vsay(where, "", fmt, ap);
	va_end(ap);
}

/* What a UTF-8 byte order mark that starts a file is to its readers. */
enum textfile_bom {
	TEXTFILE_BOM_IN_KEY, /* makemap keeps it in the first key */
	TEXTFILE_BOM_MARK    /* only an editor's mark: left out */
};

/* The reading of one file. */
struct textfile_reading {
	struct textfile_where where;
	enum textfile_bom bom;
};

/*
 * textfile_bom - the length of a UTF-8 byte order mark that starts the
 * first line, 0 when none.  An editor that adds one makes it part of the
 * first key: makemap keeps those bytes in the key, so that sendmail never
 * matches that entry, and the same key here would match nothing either,
 * silently: the line is warned about and skipped (-1), as makemap's map
 * would never use it.  In a file no makemap reads the mark is left out.
 */
static int textfile_bom(struct textfile_reading *r, const char *line,
			size_t len)
{
	static const char bom[] = "\xef\xbb\xbf";

	if (r->where.line != 1 || len < sizeof(bom) - 1
	    || memcmp(line, bom, sizeof(bom) - 1) != 0)
		return 0;
	if (r->bom == TEXTFILE_BOM_MARK) {
		textfile_note(&r->where, "starts with a UTF-8 byte order mark "
					 "(bytes EF BB BF), left out");
		return (int)sizeof(bom) - 1;
	}
	textfile_warn(&r->where,
		      "starts with a UTF-8 byte order mark (bytes EF "
		      "BB BF), which would be part of its first key (makemap "
		      "keeps it: sendmail never matches that entry); save the "
		      "file without it");
	return -1;
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
			  struct textfile_reading *r)
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
		int mark;

		if (got == LINEIN_AGAIN)
			continue;
		if (got == LINEIN_EOF)
			status = 0;
		if (got == LINEIN_EOF || got == LINEIN_ERROR)
			break;
		r->where.line++;
		if (got == LINEIN_TOO_LONG) {
			textfile_warn(&r->where, "longer than %zu bytes", max);
			continue;
		}
		mark = textfile_bom(r, line, len);
		if (mark >= 0
		    && fn(ctx, &r->where, line + mark, len - (size_t)mark) < 0)
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

/* textfile_read_as - open, read every line, close; bom: what a byte
 * order mark that starts the file is */
static int textfile_read_as(const char *path, size_t max, textfile_line_fn fn,
			    void *ctx, const struct say_to *say,
			    size_t *bad_lines, enum textfile_bom bom)
{
	struct textfile_reading r = {{path, 0, 0, say}, bom};
	int fd;
	int status;
	int saved;

	if (bad_lines != NULL)
		*bad_lines = 0;
	fd = textfile_open(path, say);
	if (fd < 0)
		return -1;
	status = textfile_lines(fd, max, fn, ctx, &r);
	saved = errno;
	close(fd);
	if (bad_lines != NULL)
		*bad_lines = r.where.bad;
	errno = saved;
	return status;
}

/* textfile_read - a file that makemap may read too */
int textfile_read(const char *path, size_t max, textfile_line_fn fn, void *ctx,
		  const struct say_to *say, size_t *bad_lines)
{
	return textfile_read_as(path, max, fn, ctx, say, bad_lines,
				TEXTFILE_BOM_IN_KEY);
}

/* textfile_read_own - a file only phishwatch reads */
int textfile_read_own(const char *path, size_t max, textfile_line_fn fn,
		      void *ctx, const struct say_to *say, size_t *bad_lines)
{
	return textfile_read_as(path, max, fn, ctx, say, bad_lines,
				TEXTFILE_BOM_MARK);
}
