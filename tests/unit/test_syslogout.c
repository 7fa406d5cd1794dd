/*
 * test_syslogout - events as syslog datagrams, against a private socket.
 *
 * Each check binds its own datagram socket in a temporary directory,
 * never /dev/log, and reads back what syslogout sent.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "syslogout.h"
#include "tap.h"

#define PRI_MAIL_NOTICE (LOG_MAIL | LOG_NOTICE)	/* 2 * 8 + 5 = 21 */

struct sink {
	char dir[64];
	char path[96];	/* dir + "/events.sock" fits sun_path (108) */
	int fd;
};

/* sink_bind - a datagram socket at dir/events.sock; 0 or -1 */
static int sink_bind(struct sink *sink)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };

	snprintf(addr.sun_path, sizeof(addr.sun_path), "%s", sink->path);
	sink->fd = socket(AF_UNIX, SOCK_DGRAM, 0);
	if (sink->fd < 0)
		return -1;
	if (bind(sink->fd, (struct sockaddr *) &addr, sizeof(addr)) < 0) {
		close(sink->fd);
		sink->fd = -1;
		return -1;
	}
	return 0;
}

/* sink_open - a fresh directory and a socket bound in it; 0 or -1 */
static int sink_open(struct sink *sink)
{
	snprintf(sink->dir, sizeof(sink->dir), "/tmp/pw-syslogout.XXXXXX");
	if (mkdtemp(sink->dir) == NULL)
		return -1;
	snprintf(sink->path, sizeof(sink->path), "%s/events.sock", sink->dir);
	return sink_bind(sink);
}

/* sink_unbind - close and remove the socket, keep the directory */
static void sink_unbind(struct sink *sink)
{
	if (sink->fd >= 0)
		close(sink->fd);
	sink->fd = -1;
	unlink(sink->path);
}

/* sink_close - remove socket and directory */
static void sink_close(struct sink *sink)
{
	sink_unbind(sink);
	rmdir(sink->dir);
}

/* sink_recv - one datagram as a string, or -1 when none is waiting */
static ssize_t sink_recv(const struct sink *sink, char *buf, size_t size)
{
	ssize_t n = recv(sink->fd, buf, size - 1, MSG_DONTWAIT);

	buf[n < 0 ? 0 : n] = '\0';
	return n;
}

/* expected_header - what syslogout writes for pri at time t, then json */
static void expected_header(char *buf, size_t size, int pri, time_t t,
			    const char *json)
{
	static const char months[12][4] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun",
		"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
	};
	struct tm tm;

	localtime_r(&t, &tm);
	snprintf(buf, size, "<%d>%s %2d %02d:%02d:%02d phishwatch[%ld]: @cee:%s",
		 pri, months[tm.tm_mon], tm.tm_mday, tm.tm_hour, tm.tm_min,
		 tm.tm_sec, (long) getpid(), json);
}

/* test_format - exact header, PRI and JSON, no newline added */
static void test_format(void)
{
	static const char json[] = "{\"event\":{\"kind\":\"alert\"}}";
	struct sink sink = { .fd = -1 };
	struct syslogout *out;
	char err[256] = "";
	char got[SYSLOGOUT_MAX_MESSAGE + 2];
	char want_before[256];
	char want_after[256];
	time_t before, after;
	int rc;

	if (!tap_ok(sink_open(&sink) == 0, "private socket bound"))
		return;
	out = syslogout_open(sink.path, PRI_MAIL_NOTICE, err, sizeof(err));
	tap_ok(out != NULL, "open connects to a bound socket");
	if (out == NULL) {
		sink_close(&sink);
		return;
	}
	before = time(NULL);
	rc = syslogout_send(out, json, strlen(json));
	after = time(NULL);
	tap_is_long(rc, 0, "send returns 0");
	sink_recv(&sink, got, sizeof(got));
	/* stamped at some second from before to after: on a loaded machine
	 * the send may take more than one */
	expected_header(want_after, sizeof(want_after), PRI_MAIL_NOTICE, after,
			json);
	for (time_t t = before; t <= after; t++) {
		expected_header(want_before, sizeof(want_before),
				PRI_MAIL_NOTICE, t, json);
		if (strcmp(got, want_before) == 0)
			break;
	}
	tap_is_str(got, want_before,
		   "datagram is <PRI>Mmm dd hh:mm:ss phishwatch[PID]: @cee:JSON");
	tap_ok(strncmp(got, "<21>", 4) == 0, "PRI is mail.notice as given");
	tap_ok(sink_recv(&sink, got, sizeof(got)) < 0,
	       "exactly one datagram per event");
	syslogout_close(out);
	sink_close(&sink);
}

/* test_sizes - the limit is the whole datagram; longer is refused whole */
static void test_sizes(void)
{
	struct sink sink = { .fd = -1 };
	struct syslogout *out;
	char err[256];
	char header[256];
	char got[SYSLOGOUT_MAX_MESSAGE + 2];
	char *json = malloc(SYSLOGOUT_MAX_MESSAGE + 1);
	size_t fits;
	ssize_t n;
	int rc;

	if (json == NULL || sink_open(&sink) < 0) {
		tap_ok(0, "size tests set up");
		free(json);
		return;
	}
	out = syslogout_open(sink.path, PRI_MAIL_NOTICE, err, sizeof(err));
	if (out == NULL) {
		tap_ok(0, "size tests set up");
		sink_close(&sink);
		free(json);
		return;
	}
	expected_header(header, sizeof(header), PRI_MAIL_NOTICE, time(NULL), "");
	fits = SYSLOGOUT_MAX_MESSAGE - strlen(header);
	memset(json, 'x', SYSLOGOUT_MAX_MESSAGE);

	errno = 0;
	rc = syslogout_send(out, json, fits + 1);
	tap_ok(rc == -1 && errno == EMSGSIZE,
	       "one byte over the limit: -1 with EMSGSIZE");
	tap_ok(sink_recv(&sink, got, sizeof(got)) < 0,
	       "nothing sent for an oversized message (never truncated)");

	rc = syslogout_send(out, json, SYSLOGOUT_MAX_MESSAGE);
	tap_ok(rc == -1 && errno == EMSGSIZE, "JSON alone as long as the limit: EMSGSIZE");

	/* The stamp's digits have fixed width, so the header length holds. */
	rc = syslogout_send(out, json, fits);
	n = sink_recv(&sink, got, sizeof(got));
	tap_is_long(rc, 0, "a message of exactly the limit is sent");
	tap_is_long((long) n, SYSLOGOUT_MAX_MESSAGE,
		    "and arrives whole, SYSLOGOUT_MAX_MESSAGE bytes");

	tap_ok(syslogout_send(out, "{\"a\":\n1}", 8) == -1 && errno == EINVAL,
	       "a newline inside the JSON is refused (EINVAL)");
	tap_ok(syslogout_send(out, "{\"a\":\0}", 7) == -1 && errno == EINVAL,
	       "a NUL inside the JSON is refused (EINVAL)");
	tap_ok(sink_recv(&sink, got, sizeof(got)) < 0,
	       "nothing sent for refused messages");
	syslogout_close(out);
	sink_close(&sink);
	free(json);
}

/* test_missing - open and send fail cleanly without a receiver */
static void test_missing(void)
{
	struct sink sink = { .fd = -1 };
	struct syslogout *out;
	char err[256] = "";
	char got[256];
	int rc;

	out = syslogout_open("/nonexistent/phishwatch/events.sock",
			     PRI_MAIL_NOTICE, err, sizeof(err));
	tap_ok(out == NULL, "open fails when the socket does not exist");
	tap_ok(strstr(err, "/nonexistent/phishwatch/events.sock") != NULL
	       && strstr(err, strerror(ENOENT)) != NULL,
	       "the error names the socket and the reason");

	out = syslogout_open("/tmp/x.sock", 192, err, sizeof(err));
	tap_ok(out == NULL && strstr(err, "192") != NULL,
	       "open refuses a priority above 191");

	if (sink_open(&sink) < 0) {
		tap_ok(0, "reconnect tests set up");
		return;
	}
	out = syslogout_open(sink.path, LOG_MAIL | LOG_INFO, err, sizeof(err));
	if (out == NULL) {
		tap_ok(0, "reconnect tests set up");
		sink_close(&sink);
		return;
	}
	/* rsyslog restarted: same path, new socket */
	sink_unbind(&sink);
	if (sink_bind(&sink) < 0)
		tap_ok(0, "socket re-bound");
	rc = syslogout_send(out, "{}", 2);
	tap_is_long(rc, 0, "send reconnects once when the socket was replaced");
	sink_recv(&sink, got, sizeof(got));
	tap_ok(strncmp(got, "<22>", 4) == 0 && strstr(got, "@cee:{}") != NULL,
	       "the new socket receives the event");

	/* receiver gone for good */
	sink_unbind(&sink);
	errno = 0;
	rc = syslogout_send(out, "{}", 2);
	tap_ok(rc == -1 && (errno == ENOENT || errno == ECONNREFUSED),
	       "socket gone: -1 with ENOENT or ECONNREFUSED");
	if (sink_bind(&sink) < 0)
		tap_ok(0, "socket re-bound");
	tap_is_long(syslogout_send(out, "{}", 2), 0,
		    "a later send reconnects after a failed reconnect");
	syslogout_close(out);
	sink_close(&sink);
}

/* test_full - a receiver that stopped reading: EAGAIN, not a hang */
static void test_full(void)
{
	struct sink sink = { .fd = -1 };
	struct syslogout *out;
	char err[256];
	time_t start;
	int rc = 0;
	int sent = 0;

	if (sink_open(&sink) < 0) {
		tap_ok(0, "full-receiver test set up");
		return;
	}
	out = syslogout_open(sink.path, PRI_MAIL_NOTICE, err, sizeof(err));
	if (out == NULL) {
		tap_ok(0, "full-receiver test set up");
		sink_close(&sink);
		return;
	}
	/* Only the send that finds the receiver full waits (a second); the
	 * bound says it gives up, not how fast a loaded machine is, which
	 * stretched the sends before it past a tighter one. */
	start = time(NULL);
	while (sent < 100000 && (rc = syslogout_send(out, "{}", 2)) == 0) {
		sent++;
		start = time(NULL);
	}
	tap_ok(rc == -1 && (errno == EAGAIN || errno == ENOBUFS),
	       "full receiver: -1 with EAGAIN (transient, retry)");
	tap_ok(time(NULL) - start <= 60, "and gives up waiting for room");
	syslogout_close(out);
	sink_close(&sink);
}

int main(void)
{
	test_format();
	test_sizes();
	test_missing();
	test_full();
	syslogout_close(NULL);
	return tap_done();
}
