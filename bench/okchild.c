/*
 * okchild - the least an omprog child can do, for bench/omprog.sh.
 *
 * DESCRIPTION
 *	Takes phishwatch's place under rsyslog's omprog (confirmMessages
 *	on) to measure what the handshake alone allows on this machine: it
 *	answers "OK" when ready and "OK" to every line, and does nothing
 *	else but what the bench needs to see the end of a run: for a line
 *	holding "from=<probe@emalsrv.DOMAIN>" it sends an event datagram
 *	naming DOMAIN to the socket of "-o syslog:PATH", as phishwatch
 *	would.  Every other argument is ignored.  Not part of phishwatch.
 */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define OKCHILD_LINE_MAX 65536
#define OKCHILD_PROBE "from=<probe@emalsrv."

/* okchild_socket - a datagram socket connected to PATH, or -1 */
static int okchild_socket(const char *path)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_DGRAM, 0);

	if (fd < 0 || strlen(path) >= sizeof(addr.sun_path))
		return -1;
	memcpy(addr.sun_path, path, strlen(path) + 1);
	if (connect(fd, (struct sockaddr *) &addr, sizeof(addr)) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* okchild_event - the event of a probe line, if it is one */
static void okchild_event(int fd, const char *line)
{
	const char *dom = strstr(line, OKCHILD_PROBE);
	char event[512];
	int len;

	if (fd < 0 || dom == NULL)
		return;
	dom += strlen(OKCHILD_PROBE);
	len = snprintf(event, sizeof(event), "<14>okchild[%d]: @cee:"
		       "{\"phishwatch\":{\"phished_domain\":\"%.*s\"}}",
		       (int) getpid(), (int) strcspn(dom, ">\"\\"), dom);
	if (len > 0 && (size_t) len < sizeof(event))
		(void) send(fd, event, (size_t) len, 0);
}

int main(int argc, char **argv)
{
	static char line[OKCHILD_LINE_MAX];
	int fd = -1;

	for (int i = 1; i + 1 < argc; i++)
		if (strcmp(argv[i], "-o") == 0
		    && strncmp(argv[i + 1], "syslog:", 7) == 0)
			fd = okchild_socket(argv[i + 1] + 7);
	if (puts("OK") == EOF || fflush(stdout) == EOF)
		return 1;
	while (fgets(line, sizeof(line), stdin) != NULL) {
		okchild_event(fd, line);
		if (puts("OK") == EOF || fflush(stdout) == EOF)
			return 1;
	}
	return 0;
}
