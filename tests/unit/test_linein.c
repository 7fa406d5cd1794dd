/*
 * test_linein - the bounded line reader: CRLF, NUL bytes, long lines,
 * a last line without newline, lines handed out as soon as they arrive.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "linein.h"
#include "tap.h"

/* reader_over - a reader of a pipe already holding text, then closed */
static struct linein *reader_over(const char *text, size_t len,
				  size_t max_line, int *fd)
{
	int p[2];

	if (pipe(p) < 0 || write(p[1], text, len) != (ssize_t) len)
		abort();
	close(p[1]);
	*fd = p[0];
	return linein_open(p[0], max_line);
}

static void test_basic_lines(void)
{
	static const char text[] = "one\r\ntwo\n\nlast";
	int fd;
	struct linein *in = reader_over(text, sizeof(text) - 1, 100, &fd);
	const char *line;
	size_t len;

	tap_is_long(linein_next(in, &line, &len), LINEIN_LINE, "first line");
	tap_ok(len == 3 && memcmp(line, "one", 3) == 0, "CR before LF dropped");
	linein_next(in, &line, &len);
	tap_ok(len == 3 && memcmp(line, "two", 3) == 0, "second line");
	linein_next(in, &line, &len);
	tap_is_long((long) len, 0, "empty line kept");
	tap_is_long(linein_next(in, &line, &len), LINEIN_LINE,
		    "last line without newline is a line");
	tap_ok(len == 4 && memcmp(line, "last", 4) == 0, "its text");
	tap_is_long(linein_next(in, &line, &len), LINEIN_EOF, "then EOF");
	linein_close(in);
	close(fd);
}

static void test_nul_bytes(void)
{
	static const char text[] = "a\0b\nc\n";
	int fd;
	struct linein *in = reader_over(text, sizeof(text) - 1, 100, &fd);
	const char *line;
	size_t len;

	linein_next(in, &line, &len);
	tap_ok(len == 3 && line[1] == '\0' && line[2] == 'b',
	       "NUL byte is data, length tells");
	linein_next(in, &line, &len);
	tap_ok(len == 1 && line[0] == 'c', "line after NUL line intact");
	linein_close(in);
	close(fd);
}

static void test_too_long(void)
{
	size_t big = 300000;
	char *text = malloc(big + 4);
	/* more than a pipe holds: the text goes through a file */
	char path[] = "/tmp/linein-test.XXXXXX";
	int fd = mkstemp(path);
	struct linein *in;
	const char *line;
	size_t len;

	memset(text, 'x', big);
	memcpy(text + big, "\nok\n", 4);
	if (fd < 0 || write(fd, text, big + 4) != (ssize_t) (big + 4))
		abort();
	lseek(fd, 0, SEEK_SET);
	unlink(path);
	in = linein_open(fd, 1000);
	tap_is_long(linein_next(in, &line, &len), LINEIN_TOO_LONG,
		    "over-long line reported once");
	tap_is_long(linein_next(in, &line, &len), LINEIN_LINE,
		    "reader resumes after the over-long line");
	tap_ok(len == 2 && memcmp(line, "ok", 2) == 0,
	       "next line intact, no piece of the long one");
	tap_is_long(linein_next(in, &line, &len), LINEIN_EOF, "EOF");
	linein_close(in);
	close(fd);
	free(text);
}

static void test_exact_limit(void)
{
	char text[12];
	int fd;
	struct linein *in;
	const char *line;
	size_t len;

	memset(text, 'y', 10);
	text[10] = '\n';
	in = reader_over(text, 11, 10, &fd);
	tap_is_long(linein_next(in, &line, &len), LINEIN_LINE,
		    "a line of exactly the limit is kept");
	tap_is_long((long) len, 10, "whole");
	linein_close(in);
	close(fd);
}

static void test_streaming(void)
{
	int p[2];
	struct linein *in;
	const char *line;
	size_t len;

	if (pipe(p) < 0 || write(p[1], "first\n", 6) != 6)
		abort();
	in = linein_open(p[0], 100);
	/* the writer is still open: the line must come without EOF */
	tap_is_long(linein_next(in, &line, &len), LINEIN_LINE,
		    "complete line handed out while the writer stays open");
	tap_is_long(linein_wait(in, 10, NULL), 0, "then nothing ready: wait times out");
	if (write(p[1], "second\n", 7) != 7)
		abort();
	tap_is_long(linein_wait(in, 1000, NULL), 1, "wait sees new input");
	close(p[1]);
	linein_next(in, &line, &len);
	tap_ok(len == 6 && memcmp(line, "second", 6) == 0, "second line");
	linein_close(in);
	close(p[0]);
}

int main(void)
{
	test_basic_lines();
	test_nul_bytes();
	test_too_long();
	test_exact_limit();
	test_streaming();
	return tap_done();
}
