/*
 * emitter - first-seen events as JSON lines (see emitter.h).
 *
 * NAME
 *	emitter - serialize one event and write it to its sink
 *
 * SUMMARY
 *	The last stage: an event whose fields event.c bounded already is
 *	serialized by ecsjson.c and written whole, by outfd.c to standard
 *	output or a file, or by syslogout.c as one datagram.
 *
 * DESCRIPTION
 *	Nothing of an event is changed here: a syslog datagram that it
 *	does not fit fails with EMSGSIZE, and event.c (event_write())
 *	sends it again smaller.
 *
 * DIAGNOSTICS
 *	emitter_open() fills err with the destination and the reason;
 *	emitter_write() returns -1 with errno set.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ecsjson.h"
#include "emitter.h"
#include "outfd.h"
#include "syslogout.h"

enum emitter_sink {
	EMITTER_FD, /* standard output or a file */
	EMITTER_SYSLOG
};

struct emitter {
	enum emitter_sink sink;
	struct outfd out;         /* EMITTER_FD */
	struct syslogout *syslog; /* EMITTER_SYSLOG */
};

/* emitter_format - the event's text into buf */
long emitter_format(const struct event *ev, char *buf, size_t size)
{
	struct fjson_object *root = ecsjson_build(ev, 1);
	char *text;
	size_t len;
	long result = -1;

	if (root == NULL)
		return -1;
	text = ecsjson_text(root, &len);
	if (text != NULL && len < size) {
		memcpy(buf, text, len + 1);
		result = (long)len;
	}
	free(text);
	ecsjson_free(root);
	return result;
}

/* emitter_send - the event's text to its sink; -1 with errno */
static int emitter_send(struct emitter *em, const char *text, size_t len)
{
	if (em->sink == EMITTER_SYSLOG)
		return syslogout_send(em->syslog, text, len);
	return outfd_write_line(&em->out, text, len);
}

/* emitter_write - build, write and flush one event */
int emitter_write(struct emitter *em, const struct event *ev)
{
	struct fjson_object *root = ecsjson_build(ev, 1);
	char *text;
	size_t len;
	int result = -1;
	int saved;

	if (root == NULL)
		return -1;
	text = ecsjson_text(root, &len);
	if (text != NULL)
		result = emitter_send(em, text, len);
	saved = errno;
	free(text);
	ecsjson_free(root);
	errno = saved;
	return result;
}

/* emitter_open_syslog - "syslog" or "syslog:SOCKET" */
static int emitter_open_syslog(struct emitter *em, const char *dest,
			       int syslog_pri, char err[EMITTER_ERR_MAX])
{
	const char *socket_path =
	    dest[6] == ':' ? dest + 7 : SYSLOGOUT_DEFAULT_SOCKET;

	if (*socket_path == '\0') {
		snprintf(err, EMITTER_ERR_MAX,
			 "%s: no socket path after "
			 "\"syslog:\"",
			 dest);
		return -1;
	}
	em->sink = EMITTER_SYSLOG;
	/* Its message names the socket ("socket PATH: reason"). */
	em->syslog =
	    syslogout_open(socket_path, syslog_pri, err, EMITTER_ERR_MAX);
	return em->syslog == NULL ? -1 : 0;
}

/* emitter_open - choose the sink from dest */
struct emitter *emitter_open(const char *dest, int syslog_pri,
			     const struct say_to *say,
			     char err[EMITTER_ERR_MAX])
{
	struct emitter *em = calloc(1, sizeof(*em));
	int opened = 0;

	if (em == NULL) {
		snprintf(err, EMITTER_ERR_MAX, "out of memory");
		return NULL;
	}
	em->out.fd = -1;
	em->sink = EMITTER_FD;
	if (dest == NULL || strcmp(dest, "-") == 0) {
		outfd_open_stdout(&em->out);
	} else if (strcmp(dest, "syslog") == 0
		   || strncmp(dest, "syslog:", 7) == 0) {
		opened = emitter_open_syslog(em, dest, syslog_pri, err);
	} else if (*dest == '\0') {
		snprintf(err, EMITTER_ERR_MAX, "empty output path");
		opened = -1;
	} else {
		opened = outfd_open_file(&em->out, dest, say, err);
	}
	if (opened < 0) {
		emitter_close(em);
		return NULL;
	}
	return em;
}

/* emitter_close - close the sink (never standard output) */
void emitter_close(struct emitter *em)
{
	if (em == NULL)
		return;
	if (em->syslog != NULL)
		syslogout_close(em->syslog);
	outfd_close(&em->out);
	free(em);
}
