/*
 * emitter - first-seen events as JSON lines (see emitter.h).
 *
 * NAME
 *	emitter - build, write and flush one ECS event per first-seen domain
 *
 * SUMMARY
 *	An event is a tree of libfastjson objects, one section per ECS
 *	field set ("event", "email", "source", ...), built by a table of
 *	section builders and serialised compactly on one line.
 *
 * DESCRIPTION
 *	Every string of the event passes emitter_sanitize() first: each
 *	byte outside printable ASCII (0x20..0x7e), and the backslash
 *	itself, becomes the four characters \xHH.  Escaping the backslash
 *	keeps the mapping one to one, so a spammer cannot write the four
 *	characters "\x1b" into an address and have them read as an escaped
 *	ESC.  What libfastjson then quotes is plain ASCII, so the JSON text
 *	is ASCII and no control byte survives JSON decoding either.  Only
 *	phishwatch.suggested_access keeps its TAB: it is an access map line
 *	made by phishwatch from a validated host name, not log text.
 *	libfastjson writes '/' as "\/"; valid JSON, and always so.
 *
 *	A NULL string in struct event is left out, and so is a section
 *	(source, host, process, related.ip) that would be empty.
 *
 *	Files and standard output are written with one writev() of the
 *	line and its newline, not through stdio: no half-written event can
 *	stay in a buffer to come out later glued to the next one, and with
 *	O_APPEND the line lands whole after whatever other writers add.
 *	When the write fails part way (disk full), a regular file is cut
 *	back to where the line began, so no half event stays in it either.
 *
 *	A pipe, FIFO or terminal is written without blocking (a descriptor
 *	of our own, O_NONBLOCK, so standard output's shared one keeps its
 *	flags): the write is tried first, and only when it would block does
 *	the emitter wait for room, with SIGTERM and SIGINT let in
 *	(stopsig.h).  A stop signal ends the wait: the event is reported
 *	not written (EAGAIN), so its line is not done, nothing of it is
 *	committed, and it is processed again when offered again.  A line of
 *	PIPE_BUF bytes or less goes into a pipe whole or not at all; a
 *	longer one cut short by the stop ends the output without its
 *	newline.
 *
 *	An output file is opened safely in a directory others can write
 *	(/tmp, a shared log directory): a symbolic link as its last
 *	component is followed only when it belongs to root or to us and
 *	sits in a directory only root or we can change (/dev/stdout); a new
 *	file is created with O_EXCL, mode 0600; an existing regular file
 *	must be ours, with one link, and not writable by group or others.
 *	A FIFO or character device is fine (/dev/null, a FIFO a collector
 *	reads), unless it belongs to someone else and lies in a directory
 *	group or others can write, where anyone could have planted it.  A
 *	FIFO with no reader is waited for, as a blocking open would, but
 *	with the stop signals let in.
 *
 * DIAGNOSTICS
 *	emitter_open() fills err with the destination and the reason;
 *	emitter_write() returns -1 with errno set.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include <json.h>

#include "emitter.h"
#include "logtime.h"
#include "msg.h"
#include "stopsig.h"
#include "syslogout.h"

/* Log lines are at most 64 KiB (linein.h); no field can be longer. */
#define EMITTER_FIELD_MAX 65536
/* "2026-11-27T00:58:09.123Z" and some room */
#define EMITTER_TIME_MAX 40
/*
 * Log text kept in an event that is too big for a datagram even without
 * event.original, in bytes before escaping (up to 5 bytes each in JSON,
 * "\\xHH"): with host names validated (<= 253), the whole event then
 * stays under 6 KB, below SYSLOGOUT_MAX_MESSAGE whatever the line held.
 */
#define EMITTER_COMPACT_ADDRESS 256	/* RFC 5321's longest path */
#define EMITTER_COMPACT_FIELD 64	/* queue id, header fields, relay ip */
/* Destinations named in messages are cut here. */
#define EMITTER_NAME_SHOWN 200
/* How an output file is opened: never blocking (a FIFO), never a
 * controlling terminal, appending whole lines. */
#define EMITTER_OPEN_FLAGS (O_WRONLY | O_APPEND | O_NONBLOCK | O_CLOEXEC \
			    | O_NOCTTY)
/* A new output file: for us alone; share it with chgrp and chmod g+r. */
#define EMITTER_FILE_MODE 0600
/* Rounds of "open, else create" lost to another process creating or
 * removing the file in between, before giving up. */
#define EMITTER_OPEN_TRIES 8
/* A FIFO's reader is looked for this often (an open is the only way). */
#define EMITTER_READER_POLL_MS 100
/* Standard output reopened as our own descriptor (emitter_open_stdout) */
#define EMITTER_STDOUT_PATH "/proc/self/fd/1"
/*
 * event.category, always, and event.type, the type ECS expects with each
 * category in the same order (email: info; threat: indicator)
 */
#define EMITTER_CATEGORY_1 "email"
#define EMITTER_CATEGORY_2 "threat"
#define EMITTER_TYPE_1 "info"
#define EMITTER_TYPE_2 "indicator"
/* The ECS release whose field definitions the events follow */
#define EMITTER_ECS_VERSION "9.4.0"
/* event.module, and event.dataset in ECS's "module.dataset" form */
#define EMITTER_MODULE "phishwatch"
#define EMITTER_DATASET "phishwatch.alert"

enum emitter_sink {
	EMITTER_FD,		/* standard output or a file */
	EMITTER_SYSLOG
};

struct emitter {
	enum emitter_sink sink;
	int fd;			/* EMITTER_FD: the descriptor */
	int own_fd;		/* 1: a file we opened and must close */
	int is_stdout;		/* 1: stdio's stdout is flushed first */
	int poll_first;		/* 1: a shared descriptor that may block:
				 * wait for room before each write */
	struct syslogout *syslog;	/* EMITTER_SYSLOG */
};

typedef struct fjson_object json;

/* emitter_sanitize - s with unsafe bytes as \xHH, malloc'd, or NULL */
static char *emitter_sanitize(const char *s, int keep_tab, size_t *out_len)
{
	static const char hex[] = "0123456789abcdef";
	size_t len = strnlen(s, EMITTER_FIELD_MAX);
	char *out = malloc(4 * len + 1);
	size_t n = 0;

	if (out == NULL)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char) s[i];

		if ((c >= 0x20 && c <= 0x7e && c != '\\')
		    || (keep_tab && c == '\t')) {
			out[n++] = (char) c;
			continue;
		}
		out[n++] = '\\';
		out[n++] = 'x';
		out[n++] = hex[c >> 4];
		out[n++] = hex[c & 0x0f];
	}
	out[n] = '\0';
	*out_len = n;
	return out;
}

/* emitter_string - a JSON string of sanitised s; NULL if no memory */
static json *emitter_string(const char *s, int keep_tab)
{
	size_t len;
	char *clean = emitter_sanitize(s, keep_tab, &len);
	json *str;

	if (clean == NULL)
		return NULL;
	/* len <= 4 * EMITTER_FIELD_MAX, far below INT_MAX */
	str = fjson_object_new_string_len(clean, (int) len);
	free(clean);
	return str;
}

/*
 * emitter_put - obj[key] = val, taking val; -1 (val released) on failure.
 * Keys are string literals added once: libfastjson then neither copies
 * nor searches them.  Its add function returns nothing, so success is
 * read from the member count.
 */
static int emitter_put(json *obj, const char *key, json *val)
{
	int before;

	if (val == NULL || obj == NULL) {
		fjson_object_put(val);
		return -1;
	}
	before = fjson_object_object_length(obj);
	fjson_object_object_add_ex(obj, key, val, FJSON_OBJECT_ADD_KEY_IS_NEW
				   | FJSON_OBJECT_KEY_IS_CONSTANT);
	if (fjson_object_object_length(obj) != before + 1) {
		fjson_object_put(val);
		return -1;
	}
	return 0;
}

/* emitter_put_str - obj[key] = sanitised s; nothing when s is NULL */
static int emitter_put_str(json *obj, const char *key, const char *s)
{
	return s == NULL ? 0 : emitter_put(obj, key, emitter_string(s, 0));
}

/* emitter_put_time - obj[key] = t as RFC 3339 UTC */
static int emitter_put_time(json *obj, const char *key,
			    const struct timespec *t)
{
	char text[EMITTER_TIME_MAX];

	if (logtime_format(t, text, sizeof(text)) < 0)
		return -1;
	return emitter_put(obj, key, fjson_object_new_string(text));
}

/*
 * emitter_object - a new object attached as parent[key], owned by the
 * parent (so a failure later needs no unwinding here); NULL on failure
 */
static json *emitter_object(json *parent, const char *key)
{
	json *child = fjson_object_new_object();

	return emitter_put(parent, key, child) == 0 ? child : NULL;
}

/* emitter_array - a new array attached as parent[key]; NULL on failure */
static json *emitter_array(json *parent, const char *key)
{
	json *child = fjson_object_new_array();

	return emitter_put(parent, key, child) == 0 ? child : NULL;
}

/* emitter_push_str - append sanitised s; nothing when s is NULL */
static int emitter_push_str(json *array, const char *s)
{
	json *val;

	if (s == NULL)
		return 0;
	if (array == NULL || (val = emitter_string(s, 0)) == NULL)
		return -1;
	if (fjson_object_array_add(array, val) != 0) {
		fjson_object_put(val);
		return -1;
	}
	return 0;
}

/* emitter_pid - the pid digits as a number, or -1 if they are not one */
static long emitter_pid(const char *digits)
{
	char *end;
	long pid;

	if (digits == NULL || digits[0] < '0' || digits[0] > '9')
		return -1;
	errno = 0;
	pid = strtol(digits, &end, 10);
	if (errno != 0 || *end != '\0' || pid > INT32_MAX)
		return -1;
	return pid;
}

/* emitter_timestamp - "@timestamp": the log line's time */
static int emitter_timestamp(json *root, const struct event *ev)
{
	return emitter_put_time(root, "@timestamp", &ev->log_time);
}

/* emitter_pair - parent[key] = [first, second] */
static int emitter_pair(json *parent, const char *key, const char *first,
			const char *second)
{
	json *array = emitter_array(parent, key);

	if (emitter_push_str(array, first) < 0
	    || emitter_push_str(array, second) < 0)
		return -1;
	return 0;
}

/*
 * emitter_event - "event": kind, action, category, type, module, dataset,
 * created, and the original line when there is one (ECS keeps the raw
 * text in event.original; event.original is no ECS field)
 */
static int emitter_event(json *root, const struct event *ev)
{
	json *event = emitter_object(root, "event");
	struct timespec now;

	if (event == NULL || clock_gettime(CLOCK_REALTIME, &now) < 0
	    || emitter_put(event, "kind", fjson_object_new_string("alert")) < 0
	    || emitter_put_str(event, "action", ev->action) < 0
	    || emitter_pair(event, "category", EMITTER_CATEGORY_1,
			    EMITTER_CATEGORY_2) < 0
	    || emitter_pair(event, "type", EMITTER_TYPE_1, EMITTER_TYPE_2) < 0
	    || emitter_put_str(event, "module", EMITTER_MODULE) < 0
	    || emitter_put_str(event, "dataset", EMITTER_DATASET) < 0
	    || emitter_put_time(event, "created", &now) < 0)
		return -1;
	return emitter_put_str(event, "original", ev->original);
}

/* emitter_ecs - "ecs": the version of the field definitions followed */
static int emitter_ecs(json *root, const struct event *ev)
{
	(void) ev;
	return emitter_put_str(emitter_object(root, "ecs"), "version",
			       EMITTER_ECS_VERSION);
}

/* emitter_observer - "observer": phishwatch itself, which made the event */
static int emitter_observer(json *root, const struct event *ev)
{
	json *observer = emitter_object(root, "observer");

	(void) ev;
	if (emitter_put_str(observer, "product", "phishwatch") < 0)
		return -1;
	return emitter_put_str(observer, "version", PW_VERSION);
}

/* emitter_email - "email": from.address[0] and local_id; none in a
 * summary, which is about no one message */
static int emitter_email(json *root, const struct event *ev)
{
	json *email;

	if (ev->sender_address == NULL && ev->qid == NULL)
		return 0;
	email = emitter_object(root, "email");
	if (ev->sender_address != NULL
	    && emitter_push_str(emitter_array(emitter_object(email, "from"),
					      "address"),
				ev->sender_address) < 0)
		return -1;
	return emitter_put_str(email, "local_id", ev->qid);
}

/* emitter_source - "source": ip and domain of the relay, when known */
static int emitter_source(json *root, const struct event *ev)
{
	json *source;

	if (ev->source_ip == NULL && ev->source_domain == NULL)
		return 0;
	source = emitter_object(root, "source");
	if (emitter_put_str(source, "ip", ev->source_ip) < 0)
		return -1;
	return emitter_put_str(source, "domain", ev->source_domain);
}

/* emitter_host - "host": the MTA's name from the syslog header */
static int emitter_host(json *root, const struct event *ev)
{
	if (ev->hostname == NULL)
		return 0;
	return emitter_put_str(emitter_object(root, "host"), "hostname",
			       ev->hostname);
}

/* emitter_process - "process": name and pid from the syslog header */
static int emitter_process(json *root, const struct event *ev)
{
	long pid = emitter_pid(ev->pid);
	json *process;

	if (ev->program == NULL && pid < 0)
		return 0;
	process = emitter_object(root, "process");
	if (emitter_put_str(process, "name", ev->program) < 0)
		return -1;
	return pid < 0 ? 0 : emitter_put(process, "pid",
					 fjson_object_new_int64(pid));
}

/* emitter_threat - "threat": indicator.type and indicator.url.domain */
static int emitter_threat(json *root, const struct event *ev)
{
	json *indicator = emitter_object(emitter_object(root, "threat"),
					 "indicator");

	if (emitter_put(indicator, "type",
			fjson_object_new_string("domain-name")) < 0)
		return -1;
	return emitter_put_str(emitter_object(indicator, "url"), "domain",
			       ev->sender_host);
}

/* emitter_rule - "rule": the detector rule that matched */
static int emitter_rule(json *root, const struct event *ev)
{
	return emitter_put_str(emitter_object(root, "rule"), "name", ev->rule);
}

/* emitter_campaign - "phishwatch.campaign": the campaign's counters */
static int emitter_campaign(json *pw, const struct event *ev)
{
	static const char *const names[TRACK_COUNTERS] = {
		[TRACK_MESSAGES] = "messages",
		[TRACK_RECIPIENTS] = "recipients",
		[TRACK_DELIVERED] = "delivered",
		[TRACK_DEFERRED] = "deferred",
		[TRACK_BOUNCED] = "bounced",
		[TRACK_REJECTED] = "rejected",
		[TRACK_DISCARDED] = "discarded",
	};
	json *campaign = emitter_object(pw, "campaign");

	for (int i = 0; i < TRACK_COUNTERS; i++)
		if (emitter_put(campaign, names[i],
				json_object_new_int64((int64_t) ev->counters[i]))
		    < 0)
			return -1;
	return 0;
}

/* emitter_phishwatch - "phishwatch": our own fields */
static int emitter_phishwatch(json *root, const struct event *ev)
{
	json *pw = emitter_object(root, "phishwatch");

	if (emitter_put_str(pw, "phished_domain", ev->phished_domain) < 0
	    || emitter_put_str(pw, "sender_domain", ev->sender_domain != NULL
			       ? ev->sender_domain : ev->sender_host) < 0)
		return -1;
	if (ev->counters != NULL && emitter_campaign(pw, ev) < 0)
		return -1;
	if (ev->suggested_access == NULL)
		return 0;
	/* An access map line: its TAB is the separator, not log text. */
	return emitter_put(pw, "suggested_access",
			   emitter_string(ev->suggested_access, 1));
}

/* emitter_related - "related": host names and addresses, for pivoting */
static int emitter_related(json *root, const struct event *ev)
{
	const char *relay = ev->source_domain;
	json *related = emitter_object(root, "related");
	json *hosts = emitter_array(related, "hosts");

	if (relay != NULL && ev->sender_host != NULL
	    && strcmp(relay, ev->sender_host) == 0)
		relay = NULL;	/* listed once */
	if (emitter_push_str(hosts, ev->sender_host) < 0
	    || emitter_push_str(hosts, relay) < 0)
		return -1;
	if (ev->source_ip == NULL)
		return 0;
	return emitter_push_str(emitter_array(related, "ip"), ev->source_ip);
}

typedef int emitter_section(json *root, const struct event *ev);

/* The sections of an event, in output order. */
static emitter_section *const emitter_sections[] = {
	emitter_timestamp, emitter_ecs, emitter_event, emitter_email,
	emitter_source, emitter_host, emitter_process, emitter_threat,
	emitter_rule, emitter_phishwatch, emitter_related, emitter_observer,
};

/* emitter_build - the event as a JSON tree (without event.original
 * unless with_original); NULL (errno set) on failure */
static json *emitter_build(const struct event *ev, int with_original)
{
	json *root = fjson_object_new_object();
	size_t n = sizeof(emitter_sections) / sizeof(emitter_sections[0]);
	struct event shown = *ev;

	if (!with_original)
		shown.original = NULL;
	if (root == NULL)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		if (emitter_sections[i](root, &shown) < 0)
			goto fail;
	}
	return root;
fail:
	fjson_object_put(root);
	errno = ENOMEM;
	return NULL;
}

/* emitter_text - the tree as compact one-line text, owned by the tree */
static const char *emitter_text(json *root, size_t *len)
{
	const char *text = fjson_object_to_json_string_ext(root,
						FJSON_TO_STRING_PLAIN);

	if (text == NULL) {
		errno = ENOMEM;
		return NULL;
	}
	*len = strlen(text);
	return text;
}

/* emitter_format - the event's text into buf */
long emitter_format(const struct event *ev, char *buf, size_t size)
{
	json *root = emitter_build(ev, 1);
	const char *text;
	size_t len;
	long result = -1;

	if (root == NULL)
		return -1;
	text = emitter_text(root, &len);
	if (text != NULL && len < size) {
		memcpy(buf, text, len + 1);
		result = (long) len;
	}
	fjson_object_put(root);
	return result;
}

/*
 * emitter_wait_room - wait until fd takes more, with the stop signals
 * let in; -1 with EAGAIN when told to stop: the output is still full,
 * and the caller treats the event as not written
 */
static int emitter_wait_room(int fd)
{
	struct pollfd pfd = { .fd = fd, .events = POLLOUT };

	/* POLLERR or POLLHUP: the next write says what went wrong. */
	if (stopsig_poll(&pfd, 1, -1) >= 0)
		return 0;
	if (errno == EINTR)
		errno = EAGAIN;
	return -1;
}

/* emitter_write_line - text and a newline with one writev, all of it;
 * a descriptor that would block is waited on, stop signals let in */
static int emitter_write_line(const struct emitter *em, const char *text,
			      size_t len)
{
	struct iovec iov[2] = {
		{ .iov_base = (void *) text, .iov_len = len },
		{ .iov_base = (void *) "\n", .iov_len = 1 },
	};
	int first = 0;

	while (first < 2) {
		ssize_t n;

		if (em->poll_first && emitter_wait_room(em->fd) < 0)
			return -1;
		n = writev(em->fd, iov + first, 2 - first);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN && emitter_wait_room(em->fd) == 0)
			continue;
		if (n < 0)
			return -1;
		if (n == 0) {	/* never for files and pipes; do not spin */
			errno = EIO;
			return -1;
		}
		while (first < 2 && (size_t) n >= iov[first].iov_len)
			n -= (ssize_t) iov[first++].iov_len;
		if (first < 2) {
			iov[first].iov_base = (char *) iov[first].iov_base + n;
			iov[first].iov_len -= (size_t) n;
		}
	}
	return 0;
}

/* emitter_line_start - where the next line begins in a regular file, or
 * -1 for anything else (a pipe, a terminal, /dev/full) */
static off_t emitter_line_start(int fd)
{
	struct stat st;
	int flags = fcntl(fd, F_GETFL);

	if (flags < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		return -1;
	return (flags & O_APPEND) ? st.st_size : lseek(fd, 0, SEEK_CUR);
}

/*
 * emitter_undo_line - after a failed write (disk full, quota), cut a
 * regular file back to where the line began: a half event left there
 * would be glued to the next one and spoil both for every reader
 */
static void emitter_undo_line(int fd, off_t start)
{
	int saved = errno;

	if (start >= 0 && ftruncate(fd, start) == 0)
		(void) lseek(fd, start, SEEK_SET);
	errno = saved;
}

/* emitter_send_fd - one line to standard output or the file */
static int emitter_send_fd(struct emitter *em, const struct event *ev)
{
	json *root = emitter_build(ev, 1);
	const char *text;
	size_t len;
	int result = -1;
	int saved;

	if (root == NULL)
		return -1;
	/* Whatever main printed through stdio goes out first. */
	if (em->is_stdout && fflush(stdout) == EOF)
		goto done;
	text = emitter_text(root, &len);
	if (text != NULL) {
		off_t start = emitter_line_start(em->fd);

		result = emitter_write_line(em, text, len);
		if (result < 0)
			emitter_undo_line(em->fd, start);
	}
done:
	saved = errno;
	fjson_object_put(root);
	errno = saved;
	return result;
}

/* emitter_send_syslog_once - build and send; -1 with errno */
static int emitter_send_syslog_once(struct emitter *em,
				    const struct event *ev, int with_original)
{
	json *root = emitter_build(ev, with_original);
	const char *text;
	size_t len;
	int result = -1;
	int saved;

	if (root == NULL)
		return -1;
	text = emitter_text(root, &len);
	if (text != NULL)
		result = syslogout_send(em->syslog, text, len);
	saved = errno;
	fjson_object_put(root);
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

/* emitter_dir_of - the directory part of path into buf ("." if none) */
static const char *emitter_dir_of(const char *path, char *buf, size_t size)
{
	size_t n = strnlen(path, size);

	if (n >= size)
		return NULL;
	memcpy(buf, path, n + 1);
	return dirname(buf);
}

/* emitter_dir_open - 1 when someone but its owner may add to the
 * directory of path (group or others can write it), or it cannot be
 * told; 0 when only its owner can; *dir filled for further checks */
static int emitter_dir_open(const char *path, struct stat *dir)
{
	char buf[PATH_MAX];
	const char *name = emitter_dir_of(path, buf, sizeof(buf));

	if (name == NULL || stat(name, dir) < 0)
		return 1;
	return (dir->st_mode & (S_IWGRP | S_IWOTH)) != 0;
}

/*
 * emitter_link_trusted - path is a symbolic link we may follow: ours or
 * root's, in a directory of ours or root's that no one else can change
 * (or sticky, where no one else can remove or replace the link); then
 * no one else can point it elsewhere between our look and our open.
 * 1 trusted, 0 not, -1 when path is no symbolic link at all.
 */
static int emitter_link_trusted(const char *path)
{
	uid_t me = geteuid();
	struct stat link, dir;
	int open_dir;

	if (lstat(path, &link) < 0 || !S_ISLNK(link.st_mode))
		return -1;
	if (link.st_uid != me && link.st_uid != 0)
		return 0;
	open_dir = emitter_dir_open(path, &dir);
	if (open_dir && (dir.st_mode & S_ISVTX) == 0)
		return 0;
	return dir.st_uid == me || dir.st_uid == 0;
}

/*
 * emitter_open_path - dest opened for appending, created 0600 with
 * O_EXCL when missing (never through a link); the descriptor, or -1
 * with errno (ELOOP: a symbolic link, not followed unless follow)
 */
static int emitter_open_path(const char *dest, int follow)
{
	int nofollow = follow ? 0 : O_NOFOLLOW;

	for (int i = 0; i < EMITTER_OPEN_TRIES; i++) {
		int fd = open(dest, EMITTER_OPEN_FLAGS | nofollow);

		if (fd >= 0 || errno != ENOENT || follow)
			return fd;
		fd = open(dest, EMITTER_OPEN_FLAGS | O_CREAT | O_EXCL
			  | O_NOFOLLOW, EMITTER_FILE_MODE);
		if (fd >= 0 && fchmod(fd, EMITTER_FILE_MODE) < 0) {
			int saved = errno;	/* a umask took a bit */

			(void) close(fd);
			errno = saved;
			return -1;
		}
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	return -1;
}

/* emitter_is_fifo - dest (or what it links to, if follow) is a FIFO */
static int emitter_is_fifo(const char *dest, int follow)
{
	struct stat st;

	if ((follow ? stat(dest, &st) : lstat(dest, &st)) < 0)
		return 0;
	return S_ISFIFO(st.st_mode);
}

/*
 * emitter_open_wait - emitter_open_path(), waiting for a reader when
 * dest is a FIFO that has none yet (as a blocking open would, but
 * with the stop signals let in); -1 with EINTR when told to stop
 */
static int emitter_open_wait(const char *dest, int follow)
{
	int said = 0;

	for (;;) {
		int fd = emitter_open_path(dest, follow);

		if (fd >= 0 || errno != ENXIO || !emitter_is_fifo(dest, follow))
			return fd;
		if (!said++)
			msg_info("output %.*s: a FIFO that no process reads "
				 "yet; waiting for a reader",
				 EMITTER_NAME_SHOWN, dest);
		if (stopsig_poll(NULL, 0, EMITTER_READER_POLL_MS) < 0)
			return -1;
	}
}

/* emitter_check_file - an existing regular file must be ours alone */
static int emitter_check_file(const struct stat *st, const char *dest,
			      char err[EMITTER_ERR_MAX])
{
	const char *why = NULL;
	char text[128];

	if (st->st_uid != geteuid()) {
		snprintf(text, sizeof(text), "owned by uid %lu, not by uid %lu "
			 "that phishwatch runs as", (unsigned long) st->st_uid,
			 (unsigned long) geteuid());
		why = text;
	} else if (st->st_mode & (S_IWGRP | S_IWOTH)) {
		snprintf(text, sizeof(text), "writable by group or others "
			 "(mode %04o)", (unsigned) (st->st_mode & 07777));
		why = text;
	} else if (st->st_nlink > 1) {
		why = "more than one hard link to it";
	}
	if (why == NULL)
		return 0;
	snprintf(err, EMITTER_ERR_MAX, "%.*s: refused: %s", EMITTER_NAME_SHOWN,
		 dest, why);
	return -1;
}

/* emitter_check_fd - what was opened may be written: a regular file of
 * ours, or a FIFO or character device that no stranger planted */
static int emitter_check_fd(int fd, const char *dest,
			    char err[EMITTER_ERR_MAX])
{
	uid_t me = geteuid();
	struct stat st, dir;

	if (fstat(fd, &st) < 0) {
		snprintf(err, EMITTER_ERR_MAX, "%.*s: %s", EMITTER_NAME_SHOWN,
			 dest, strerror(errno));
		return -1;
	}
	if (S_ISREG(st.st_mode))
		return emitter_check_file(&st, dest, err);
	if (!S_ISFIFO(st.st_mode) && !S_ISCHR(st.st_mode)) {
		snprintf(err, EMITTER_ERR_MAX, "%.*s: refused: not a regular "
			 "file, FIFO or character device", EMITTER_NAME_SHOWN,
			 dest);
		return -1;
	}
	if (st.st_uid == me || st.st_uid == 0 || !emitter_dir_open(dest, &dir))
		return 0;
	snprintf(err, EMITTER_ERR_MAX, "%.*s: refused: a %s of uid %lu in a "
		 "directory that group or others can write",
		 EMITTER_NAME_SHOWN, dest, S_ISFIFO(st.st_mode) ? "FIFO"
		 : "device", (unsigned long) st.st_uid);
	return -1;
}

/* emitter_open_error - why dest could not be opened */
static void emitter_open_error(const char *dest, int err_no, int link,
			       char err[EMITTER_ERR_MAX])
{
	if (link == 0)
		snprintf(err, EMITTER_ERR_MAX, "%.*s: refused: a symbolic "
			 "link, followed only when it and its directory belong "
			 "to root or to uid %lu and no one else can change "
			 "them; name the file itself", EMITTER_NAME_SHOWN, dest,
			 (unsigned long) geteuid());
	else if (err_no == EINTR)
		snprintf(err, EMITTER_ERR_MAX, "%.*s: told to stop while "
			 "waiting for a reader of the FIFO", EMITTER_NAME_SHOWN,
			 dest);
	else
		snprintf(err, EMITTER_ERR_MAX, "%.*s: cannot open for "
			 "appending: %s", EMITTER_NAME_SHOWN, dest,
			 strerror(err_no));
}

/* emitter_open_file - an output file, FIFO or device (see the top) */
static int emitter_open_file(struct emitter *em, const char *dest,
			     char err[EMITTER_ERR_MAX])
{
	int link = -1;

	em->sink = EMITTER_FD;
	em->fd = emitter_open_wait(dest, 0);
	if (em->fd < 0 && errno == ELOOP) {
		link = emitter_link_trusted(dest);
		if (link > 0)
			em->fd = emitter_open_wait(dest, 1);
		else
			errno = ELOOP;
	}
	if (em->fd < 0) {
		emitter_open_error(dest, errno, link, err);
		return -1;
	}
	em->own_fd = 1;
	return emitter_check_fd(em->fd, dest, err);
}

/*
 * emitter_open_stdout - standard output; when it is a pipe, FIFO or
 * terminal, through a descriptor of our own opened O_NONBLOCK, so that
 * a reader that stopped reading cannot hold us with signals blocked,
 * and the descriptor we share with the shell keeps its flags.  Where
 * that cannot be had (a socket; no /proc), the shared one is used, and
 * each write waits for room first.
 */
static void emitter_open_stdout(struct emitter *em)
{
	struct stat st;
	int fd;

	em->sink = EMITTER_FD;
	em->fd = STDOUT_FILENO;
	em->is_stdout = 1;
	/* A regular file never blocks; a closed stdout fails at the write. */
	if (fstat(STDOUT_FILENO, &st) < 0 || S_ISREG(st.st_mode))
		return;
	fd = open(EMITTER_STDOUT_PATH, O_WRONLY | O_NONBLOCK | O_CLOEXEC
		  | O_NOCTTY);
	if (fd < 0) {
		em->poll_first = 1;
		return;
	}
	em->fd = fd;
	em->own_fd = 1;
}

/* emitter_open - choose the sink from dest */
struct emitter *emitter_open(const char *dest, int syslog_pri,
			     char err[EMITTER_ERR_MAX])
{
	struct emitter *em = calloc(1, sizeof(*em));
	int opened = 0;

	if (em == NULL) {
		snprintf(err, EMITTER_ERR_MAX, "out of memory");
		return NULL;
	}
	em->fd = -1;
	if (dest == NULL || strcmp(dest, "-") == 0) {
		emitter_open_stdout(em);
	} else if (strcmp(dest, "syslog") == 0
		   || strncmp(dest, "syslog:", 7) == 0) {
		opened = emitter_open_syslog(em, dest, syslog_pri, err);
	} else if (*dest == '\0') {
		snprintf(err, EMITTER_ERR_MAX, "empty output path");
		opened = -1;
	} else {
		opened = emitter_open_file(em, dest, err);
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
	/* Each line went out whole through writev() already: a failing
	 * close() could only report what the caller can no longer act on. */
	if (em->own_fd)
		(void) close(em->fd);
	free(em);
}
