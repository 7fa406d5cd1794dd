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
 *	A syslog datagram has a size limit that a line does not: an event
 *	that does not fit is sent again without event.original, and if it
 *	still does not fit, once more with its log text cut short with a
 *	"..." mark, so that a line never stops the stream (rsyslog would
 *	offer it again forever).
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

/*
 * Log text kept in an event that is too big for a datagram even without
 * event.original, in bytes before escaping (up to 5 bytes each in JSON,
 * "\\xHH"): with host names validated (<= 253), the whole event then
 * stays under 6 KB, below SYSLOGOUT_MAX_MESSAGE whatever the line held.
 */
#define EMITTER_COMPACT_ADDRESS 256	/* RFC 5321's longest path */
#define EMITTER_COMPACT_FIELD 64	/* queue id, header fields, relay ip */

enum emitter_sink {
	EMITTER_FD,		/* standard output or a file */
	EMITTER_SYSLOG
};

struct emitter {
	enum emitter_sink sink;
	struct outfd out;		/* EMITTER_FD */
	struct syslogout *syslog;	/* EMITTER_SYSLOG */
};

/* emitter_format - the event's text into buf */
long emitter_format(const struct event *ev, char *buf, size_t size)
{
	struct fjson_object *root = ecsjson_build(ev, 1);
	const char *text;
	size_t len;
	long result = -1;

	if (root == NULL)
		return -1;
	text = ecsjson_text(root, &len);
	if (text != NULL && len < size) {
		memcpy(buf, text, len + 1);
		result = (long) len;
	}
	ecsjson_free(root);
	return result;
}

/* emitter_send_fd - one line to standard output or the file */
static int emitter_send_fd(struct emitter *em, const struct event *ev)
{
	struct fjson_object *root = ecsjson_build(ev, 1);
	const char *text;
	size_t len;
	int result = -1;
	int saved;

	if (root == NULL)
		return -1;
	text = ecsjson_text(root, &len);
	if (text != NULL)
		result = outfd_write_line(&em->out, text, len);
	saved = errno;
	ecsjson_free(root);
	errno = saved;
	return result;
}

/* emitter_send_syslog_once - build and send; -1 with errno */
static int emitter_send_syslog_once(struct emitter *em,
				    const struct event *ev, int with_original)
{
	struct fjson_object *root = ecsjson_build(ev, with_original);
	const char *text;
	size_t len;
	int result = -1;
	int saved;

	if (root == NULL)
		return -1;
	text = ecsjson_text(root, &len);
	if (text != NULL)
		result = syslogout_send(em->syslog, text, len);
	saved = errno;
	ecsjson_free(root);
	errno = saved;
	return result;
}

/* emitter_cut - s itself, or its first max bytes ending in "..." in buf */
static const char *emitter_cut(const char *s, char *buf, size_t max)
{
	static const char mark[] = "...";

	if (s == NULL || strnlen(s, max + 1) <= max)
		return s;
	memcpy(buf, s, max - (sizeof(mark) - 1));
	memcpy(buf + max - (sizeof(mark) - 1), mark, sizeof(mark));
	return buf;
}

/*
 * emitter_send_compact - the last resort for an event that is too big
 * even without event.original: its log text cut short, so that it fits
 * whatever bytes the line held (an error here would stop the stream on
 * that line, and rsyslog would offer it again forever)
 */
static int emitter_send_compact(struct emitter *em, const struct event *ev)
{
	char address[EMITTER_COMPACT_ADDRESS + 1];
	char qid[EMITTER_COMPACT_FIELD + 1];
	char hostname[EMITTER_COMPACT_FIELD + 1];
	char program[EMITTER_COMPACT_FIELD + 1];
	char source_ip[EMITTER_COMPACT_FIELD + 1];
	struct event compact = *ev;

	compact.sender_address = emitter_cut(ev->sender_address, address,
					     EMITTER_COMPACT_ADDRESS);
	compact.qid = emitter_cut(ev->qid, qid, EMITTER_COMPACT_FIELD);
	compact.hostname = emitter_cut(ev->hostname, hostname,
				       EMITTER_COMPACT_FIELD);
	compact.program = emitter_cut(ev->program, program,
				      EMITTER_COMPACT_FIELD);
	compact.source_ip = emitter_cut(ev->source_ip, source_ip,
					EMITTER_COMPACT_FIELD);
	return emitter_send_syslog_once(em, &compact, 0);
}

/* emitter_send_syslog - one datagram; without event.original if too big,
 * and with the log text cut short if still too big */
static int emitter_send_syslog(struct emitter *em, const struct event *ev)
{
	if (emitter_send_syslog_once(em, ev, 1) == 0)
		return 0;
	if (errno != EMSGSIZE)
		return -1;
	if (ev->original != NULL && emitter_send_syslog_once(em, ev, 0) == 0)
		return 0;
	if (errno != EMSGSIZE)
		return -1;
	return emitter_send_compact(em, ev);
}

/* emitter_write - build, write and flush one event */
int emitter_write(struct emitter *em, const struct event *ev)
{
	if (em->sink == EMITTER_SYSLOG)
		return emitter_send_syslog(em, ev);
	return emitter_send_fd(em, ev);
}

/* emitter_open_syslog - "syslog" or "syslog:SOCKET" */
static int emitter_open_syslog(struct emitter *em, const char *dest,
			       int syslog_pri, char err[EMITTER_ERR_MAX])
{
	const char *socket_path = dest[6] == ':' ? dest + 7
				  : SYSLOGOUT_DEFAULT_SOCKET;

	if (*socket_path == '\0') {
		snprintf(err, EMITTER_ERR_MAX, "%s: no socket path after "
			 "\"syslog:\"", dest);
		return -1;
	}
	em->sink = EMITTER_SYSLOG;
	/* Its message names the socket ("socket PATH: reason"). */
	em->syslog = syslogout_open(socket_path, syslog_pri, err,
				    EMITTER_ERR_MAX);
	return em->syslog == NULL ? -1 : 0;
}

/* emitter_open - choose the sink from dest */
struct emitter *emitter_open(const char *dest, int syslog_pri,
			     emitter_notice *notice,
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
		opened = outfd_open_file(&em->out, dest, notice, err);
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
