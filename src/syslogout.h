/*
 * syslogout - events as syslog datagrams on a Unix socket.
 *
 * DESCRIPTION
 *	Sends "<PRI>Mmm dd hh:mm:ss phishwatch[PID]: @cee:" followed by the
 *	JSON text as one datagram to a Unix datagram socket: /dev/log by
 *	default, or the dedicated imuxsock socket that the shipped rsyslog
 *	config opens with its own ruleset (so events never pass journald and
 *	never loop back into the omprog action).  A message longer than the
 *	limit is refused with EMSGSIZE, never truncated.
 */
#ifndef PHISHWATCH_SYSLOGOUT_H
#define PHISHWATCH_SYSLOGOUT_H

#include <stddef.h>

#define SYSLOGOUT_DEFAULT_SOCKET "/dev/log"
/* rsyslog 8.2302 keeps 8096 bytes of a datagram (its default
 * $MaxMessageSize less header room); longer ones arrive cut */
#define SYSLOGOUT_MAX_MESSAGE 8096

struct syslogout;

/* syslogout_open - NULL with err filled when the socket is unusable */
struct syslogout *syslogout_open(const char *socket_path, int pri, char *err,
				 size_t err_size);
void syslogout_close(struct syslogout *out);

/*
 * syslogout_send - one message; 0, or -1 with errno: EMSGSIZE (too
 * long), EAGAIN/ENOBUFS (receiver full: transient), ECONNREFUSED or
 * ENOENT (socket gone: reconnect tried once).
 */
int syslogout_send(struct syslogout *out, const char *json, size_t len);

#endif
