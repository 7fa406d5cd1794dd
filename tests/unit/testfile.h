/*
 * testfile.h - files for the unit tests that load them: a file of given
 * text in the test's own directory, and standard error caught while a
 * module loads one (what msg_say() printed about its lines).
 */
#ifndef PHISHWATCH_TEST_TESTFILE_H
#define PHISHWATCH_TEST_TESTFILE_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define TESTFILE_PATH_MAX 512

/* Standard error, caught into a file of the test's directory. */
struct testfile_catch {
	char log[TESTFILE_PATH_MAX];
	int saved;		/* the real standard error */
	int fd;
};

/* testfile_write - dir/PREFIX.XXXXXX holding text[0..len); its name
 * into path (TESTFILE_PATH_MAX); a failure ends the test */
static __attribute__((unused)) void
testfile_write(char *path, const char *dir, const char *prefix,
	       const char *text, size_t len)
{
	int fd;

	snprintf(path, TESTFILE_PATH_MAX, "%s/%s.XXXXXX", dir, prefix);
	fd = mkstemp(path);
	if (fd < 0 || write(fd, text, len) != (ssize_t) len || close(fd) < 0) {
		perror("test file");
		exit(2);
	}
}

/* testfile_catch_begin - standard error into dir/stderr from here */
static __attribute__((unused)) void
testfile_catch_begin(struct testfile_catch *c, const char *dir)
{
	snprintf(c->log, sizeof(c->log), "%s/stderr", dir);
	fflush(stderr);
	c->saved = dup(2);
	c->fd = open(c->log, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (c->saved < 0 || c->fd < 0 || dup2(c->fd, 2) < 0)
		exit(2);
}

/* testfile_catch_end - standard error back; what it caught into
 * captured (size bytes, NUL-terminated) */
static __attribute__((unused)) void
testfile_catch_end(struct testfile_catch *c, char *captured, size_t size)
{
	ssize_t got;

	fflush(stderr);
	dup2(c->saved, 2);
	close(c->saved);
	got = pread(c->fd, captured, size - 1, 0);
	captured[got > 0 ? got : 0] = '\0';
	close(c->fd);
	unlink(c->log);
}

#endif
