/*
 * syslogout - events as syslog datagrams on a Unix socket (see syslogout.h).
 *
 * DESCRIPTION
 *	One datagram per event: "<PRI>Mmm dd hh:mm:ss phishwatch[PID]: @cee:"
 *	and the JSON text, no trailing newline.  The stamp is RFC 3164 local
 *	time with the day padded by a space ("Mar  3"), month names fixed in
 *	English whatever the locale.  The socket is connected once, so a
 *	send names no address, and waits at most SYSLOGOUT_SEND_TIMEOUT
 *	seconds for room, with SIGTERM and SIGINT let in (stopsig.h): a
 *	receiver that stopped reading yields EAGAIN, which the caller
 *	reports as transient (an omprog retry), instead of hanging the
 *	pipeline; so does a stop signal that comes while it waits.  When rsyslog
 *	restarts, it replaces the socket and the old connection is refused: the
 *	send reconnects once and tries again.
 *
 * DIAGNOSTICS
 *	syslogout_open() fills err ("socket PATH: reason"); syslogout_send()
 *	only sets errno, the caller decides how loud to be.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "stopsig.h"
#include "syslogout.h"

/* A full receiver gets this long before the event is reported as a retry. */
#define SYSLOGOUT_SEND_TIMEOUT 1
/* facility 23 (local7) * 8 + severity 7 (debug): the largest valid PRI */
#define SYSLOGOUT_MAX_PRI 191
#define SYSLOGOUT_TAG     "phishwatch"
#define SYSLOGOUT_COOKIE  "@cee:"

struct syslogout {
	int fd; /* connected socket, -1 after a failed reconnect */
	int pri;
	struct sockaddr_un addr;
	char buf[SYSLOGOUT_MAX_MESSAGE + 1]; /* +1: snprintf's NUL */
};

/* syslogout_connect - a fresh connected datagram socket, or -1 with errno */
static int syslogout_connect(const struct sockaddr_un *addr)
{
	int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	int saved;

	/* No send time-out here: each send is MSG_DONTWAIT, and waits
	 * for room itself (syslogout_write). */
	if (fd < 0)
		return -1;
	if (connect(fd, (const struct sockaddr *)addr, sizeof(*addr)) < 0)
		goto fail;
	return fd;
fail:
	saved = errno;
	(void)close(fd);
	errno = saved;
	return -1;
}

/* syslogout_open - NULL with err filled when the socket is unusable */
struct syslogout *syslogout_open(const char *socket_path, int pri, char *err,
				 size_t err_size)
{
	struct syslogout *out;
	size_t path_len = strlen(socket_path);

	if (pri < 0 || pri > SYSLOGOUT_MAX_PRI) {
		snprintf(err, err_size, "syslog priority %d out of range 0..%d",
			 pri, SYSLOGOUT_MAX_PRI);
		return NULL;
	}
	out = calloc(1, sizeof(*out));
	if (out == NULL) {
		snprintf(err, err_size, "socket %.100s: %s", socket_path,
			 strerror(errno));
		return NULL;
	}
	out->pri = pri;
	out->addr.sun_family = AF_UNIX;
	if (path_len == 0 || path_len >= sizeof(out->addr.sun_path)) {
		snprintf(err, err_size, "socket %.100s: %s", socket_path,
			 strerror(ENAMETOOLONG));
		goto fail;
	}
	memcpy(out->addr.sun_path, socket_path, path_len + 1);
	out->fd = syslogout_connect(&out->addr);
	if (out->fd < 0) {
		snprintf(err, err_size, "socket %.100s: %s", socket_path,
			 strerror(errno));
		goto fail;
	}
	return out;
fail:
	free(out);
	return NULL;
}

/* syslogout_close - close the socket and free */
void syslogout_close(struct syslogout *out)
{
	if (out == NULL)
		return;
	if (out->fd >= 0)
		(void)close(out->fd);
	free(out);
}

/* syslogout_header - "<PRI>Mmm dd hh:mm:ss phishwatch[PID]: @cee:"; length */
static int syslogout_header(struct syslogout *out)
{
	static const char months[12][4] = {"Jan", "Feb", "Mar", "Apr",
					   "May", "Jun", "Jul", "Aug",
					   "Sep", "Oct", "Nov", "Dec"};
	time_t now = time(NULL);
	struct tm local;
	int len;

	if (now == (time_t)-1 || localtime_r(&now, &local) == NULL
	    || local.tm_mon < 0 || local.tm_mon > 11)
		return -1;
	len = snprintf(out->buf, sizeof(out->buf),
		       "<%d>%s %2d %02d:%02d:%02d %s[%ld]: %s", out->pri,
		       months[local.tm_mon], local.tm_mday, local.tm_hour,
		       local.tm_min, local.tm_sec, SYSLOGOUT_TAG,
		       (long)getpid(), SYSLOGOUT_COOKIE);
	return len < 0 || (size_t)len >= sizeof(out->buf) ? -1 : len;
}

/*
 * syslogout_write - one send; when the receiver is behind, a wait for
 * room of up to SYSLOGOUT_SEND_TIMEOUT with the stop signals let in,
 * then once more; 0 or -1 with errno (EAGAIN: still full, or told to
 * stop meanwhile)
 */
static int syslogout_write(int fd, const char *buf, size_t len)
{
	struct pollfd pfd = {.fd = fd, .events = POLLOUT};
	ssize_t sent = send(fd, buf, len, MSG_NOSIGNAL | MSG_DONTWAIT);

	if (sent < 0 && errno == EAGAIN) {
		int ready =
		    stopsig_poll(&pfd, 1, SYSLOGOUT_SEND_TIMEOUT * 1000);

		if (ready < 0 && errno != EINTR)
			return -1;
		if (ready <= 0) {
			errno = EAGAIN;
			return -1;
		}
		sent = send(fd, buf, len, MSG_NOSIGNAL | MSG_DONTWAIT);
	}
	if (sent < 0)
		return -1;
	if ((size_t)sent != len) { /* datagrams go whole or not at all */
		errno = EMSGSIZE;
		return -1;
	}
	return 0;
}

/* syslogout_reconnect - replace the socket after the receiver went away */
static int syslogout_reconnect(struct syslogout *out)
{
	if (out->fd >= 0)
		(void)close(out->fd);
	out->fd = syslogout_connect(&out->addr);
	return out->fd < 0 ? -1 : 0;
}

/* syslogout_send - one message; 0, or -1 with errno (see syslogout.h) */
int syslogout_send(struct syslogout *out, const char *json, size_t len)
{
	int header_len;
	size_t total;

	/*
	 * The emitter writes one line without NUL; rsyslog would escape
	 * either into "#ooo" text, and mmjsonparse would reject the event.
	 */
	if (memchr(json, '\0', len) != NULL
	    || memchr(json, '\n', len) != NULL) {
		errno = EINVAL;
		return -1;
	}
	header_len = syslogout_header(out);
	if (header_len < 0) {
		errno = EINVAL;
		return -1;
	}
	if (len > SYSLOGOUT_MAX_MESSAGE - (size_t)header_len) {
		errno = EMSGSIZE;
		return -1;
	}
	memcpy(out->buf + header_len, json, len);
	total = (size_t)header_len + len;

	if (out->fd >= 0 && syslogout_write(out->fd, out->buf, total) == 0)
		return 0;
	if (out->fd >= 0 && errno != ECONNREFUSED && errno != ENOENT
	    && errno != ENOTCONN)
		return -1;
	if (syslogout_reconnect(out) < 0)
		return -1;
	return syslogout_write(out->fd, out->buf, total);
}
