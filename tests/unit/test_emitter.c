/*
 * test_emitter - events as JSON: fields, nesting, sanitising, sinks.
 *
 * Every produced line is parsed back with libfastjson and checked by
 * meaning, field by field, as a SIEM would read it.  Sinks are tried for
 * real: a file under $TMPDIR, standard output redirected to a file, and
 * a Unix datagram socket standing in for rsyslog's imuxsock.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include <json.h>

#include "emitter.h"
#include "event.h"
#include "logtime.h"
#include "sample_event.h"
#include "syslogout.h"
#include "tap.h"

#define DIR_MAX_TEST 128
#define PATH_MAX_TEST 256
#define TEXT_MAX 65536
/* Beyond what fits in a syslog datagram once sanitised (x4). */
#define HUGE_FIELD 3000

static char test_dir[DIR_MAX_TEST];

/* test_path - name inside the test directory */
static const char *test_path(const char *name, char *buf, size_t size)
{
	snprintf(buf, size, "%s/%s", test_dir, name);
	return buf;
}

/* sample_time - 2026-11-27T00:58:09.123Z */
static struct timespec sample_time(void)
{
	struct tm tm = { .tm_year = 2026 - 1900, .tm_mon = 10, .tm_mday = 27,
			 .tm_hour = 0, .tm_min = 58, .tm_sec = 9 };
	struct timespec t = { .tv_sec = timegm(&tm), .tv_nsec = 123456789L };

	return t;
}

/* sample_event - an event with every field set */
static struct event sample_event(void)
{
	return sample_event_at(sample_time());
}

/* get - the member at a dotted path ("event.kind"), or NULL */
static struct fjson_object *get(struct fjson_object *obj, const char *path)
{
	char key[64];

	while (obj != NULL && *path != '\0') {
		size_t len = strcspn(path, ".");

		snprintf(key, sizeof(key), "%.*s", (int) len, path);
		if (!fjson_object_object_get_ex(obj, key, &obj))
			return NULL;
		path += len + (path[len] == '.');
	}
	return obj;
}

/* get_str - the string at path, or NULL if absent or not a string */
static const char *get_str(struct fjson_object *obj, const char *path)
{
	struct fjson_object *val = get(obj, path);

	if (!fjson_object_is_type(val, fjson_type_string))
		return NULL;
	return fjson_object_get_string(val);
}

/* get_item - string number i of the array at path, or NULL */
static const char *get_item(struct fjson_object *obj, const char *path,
			    int i)
{
	struct fjson_object *array = get(obj, path);

	if (!fjson_object_is_type(array, fjson_type_array)
	    || i >= fjson_object_array_length(array))
		return NULL;
	return fjson_object_get_string(fjson_object_array_get_idx(array, i));
}

/* array_length - length of the array at path, -1 if not an array */
static long array_length(struct fjson_object *obj, const char *path)
{
	struct fjson_object *array = get(obj, path);

	if (!fjson_object_is_type(array, fjson_type_array))
		return -1;
	return fjson_object_array_length(array);
}

/* printable - every byte is printable ASCII (so no newline either) */
static int printable(const char *text)
{
	for (; *text != '\0'; text++)
		if ((unsigned char) *text < 0x20 || (unsigned char) *text > 0x7e)
			return 0;
	return 1;
}

/* parse - the event text as JSON, NULL if it is not */
static struct fjson_object *parse(const char *text)
{
	enum fjson_tokener_error jerr;
	struct fjson_object *obj = fjson_tokener_parse_verbose(text, &jerr);

	if (obj == NULL)
		printf("# not JSON (%s): %.200s\n",
		       fjson_tokener_error_desc(jerr), text);
	return obj;
}

/* format - the event through emitter_format, parsed; NULL on failure */
static struct fjson_object *format(const struct event *ev, char *text)
{
	if (emitter_format(ev, text, TEXT_MAX) < 0) {
		printf("# emitter_format failed\n");
		return NULL;
	}
	return parse(text);
}

/* check_created - event.created is RFC 3339 UTC and about now (made
 * before this look: within ten minutes on any machine, not the log's
 * time, months away; a few seconds ahead for the coarse clock) */
static void check_created(struct fjson_object *obj)
{
	const char *created = get_str(obj, "event.created");
	struct timespec t = { 0, 0 };
	time_t now = time(NULL);

	tap_ok(created != NULL && strlen(created) == 24
	       && created[23] == 'Z'
	       && logtime_parse(created, now, &t) == 0
	       && t.tv_sec >= now - 600 && t.tv_sec <= now + 5,
	       "event.created is now, RFC 3339 UTC");
}

/* test_required_fields - every field of DESIGN.md "Events", nested */
static void test_required_fields(void)
{
	static char text[TEXT_MAX];
	struct event ev = sample_event();
	struct fjson_object *obj = format(&ev, text);
	struct fjson_object *pid = get(obj, "process.pid");

	if (!tap_ok(obj != NULL, "event is JSON"))
		return;
	tap_ok(printable(text), "event is one line of printable ASCII");
	tap_is_str(get_str(obj, "@timestamp"), "2026-11-27T00:58:09.123Z",
		   "@timestamp is the log time, RFC 3339 UTC");
	tap_is_str(get_str(obj, "event.kind"), "alert", "event.kind");
	tap_is_str(get_str(obj, "event.action"), "phished-domain-first-seen",
		   "event.action");
	tap_is_long(array_length(obj, "event.category"), 2,
		    "event.category has two entries");
	tap_is_str(get_item(obj, "event.category", 0), "email",
		   "event.category[0]");
	tap_is_str(get_item(obj, "event.category", 1), "threat",
		   "event.category[1]");
	tap_is_long(array_length(obj, "event.type"), 2,
		    "event.type has two entries");
	tap_is_str(get_item(obj, "event.type", 0), "info",
		   "event.type[0]: ECS's type for category email");
	tap_is_str(get_item(obj, "event.type", 1), "indicator",
		   "event.type[1]: ECS's type for category threat");
	tap_ok(get_str(obj, "ecs.version") != NULL
	       && strncmp(get_str(obj, "ecs.version"), "9.", 2) == 0,
	       "ecs.version is a 9.x release");
	tap_is_str(get_str(obj, "event.module"), "phishwatch", "event.module");
	tap_is_str(get_str(obj, "event.dataset"), "phishwatch.alert",
		   "event.dataset");
	tap_is_str(get_str(obj, "observer.product"), "phishwatch",
		   "observer.product");
	tap_is_str(get_str(obj, "observer.version"), PW_VERSION,
		   "observer.version");
	check_created(obj);
	tap_is_long(array_length(obj, "email.from.address"), 1,
		    "email.from.address is an array of one");
	tap_is_str(get_item(obj, "email.from.address", 0),
		   "bounce-1234@emalsrv.marriott.com", "email.from.address[0]");
	tap_is_str(get_str(obj, "email.local_id"), "5AR0w9Xx012345",
		   "email.local_id");
	tap_is_str(get_str(obj, "source.ip"), "192.0.2.7", "source.ip");
	tap_is_str(get_str(obj, "source.domain"), "mta7.example.net",
		   "source.domain");
	tap_is_str(get_str(obj, "host.hostname"), "mx1", "host.hostname");
	tap_is_str(get_str(obj, "process.name"), "sm-mta", "process.name");
	tap_ok(fjson_object_is_type(pid, fjson_type_int)
	       && fjson_object_get_int64(pid) == 4321,
	       "process.pid is the number 4321");
	tap_is_str(get_str(obj, "threat.indicator.type"), "domain-name",
		   "threat.indicator.type");
	tap_is_str(get_str(obj, "threat.indicator.url.domain"),
		   "emalsrv.marriott.com", "threat.indicator.url.domain");
	tap_is_str(get_str(obj, "rule.name"), "label:emalsrv", "rule.name");
	tap_is_str(get_str(obj, "phishwatch.phished_domain"), "marriott.com",
		   "phishwatch.phished_domain");
	tap_is_str(get_str(obj, "phishwatch.sender_domain"),
		   "emalsrv.marriott.com", "phishwatch.sender_domain");
	tap_is_str(get_str(obj, "phishwatch.suggested_access"),
		   ev.suggested_access,
		   "phishwatch.suggested_access keeps its TAB");
	tap_is_str(get_str(obj, "event.original"), ev.original,
		   "event.original");
	tap_ok(get(obj, "log") == NULL,
	       "no log object: log.original is no ECS field");
	tap_is_long(array_length(obj, "related.hosts"), 2,
		    "related.hosts: sender and relay");
	tap_is_str(get_item(obj, "related.hosts", 0), "emalsrv.marriott.com",
		   "related.hosts[0] is the sender host");
	tap_is_str(get_item(obj, "related.hosts", 1), "mta7.example.net",
		   "related.hosts[1] is the relay");
	tap_is_str(get_item(obj, "related.ip", 0), "192.0.2.7",
		   "related.ip[0] is the relay address");
	tap_ok(strncmp(text, "{\"@timestamp\":", 14) == 0,
	       "compact: no spaces, @timestamp first");
	fjson_object_put(obj);
}

/* test_optional_fields - what the line lacks is left out, not null */
static void test_optional_fields(void)
{
	static char text[TEXT_MAX];
	struct event ev = sample_event();
	struct fjson_object *obj;

	ev.source_ip = NULL;
	ev.source_domain = NULL;
	ev.hostname = NULL;
	ev.program = NULL;
	ev.pid = NULL;
	ev.original = NULL;
	obj = format(&ev, text);
	if (!tap_ok(obj != NULL, "minimal event is JSON"))
		return;
	tap_ok(get(obj, "source") == NULL, "no relay: no source");
	tap_ok(get(obj, "host") == NULL, "no hostname: no host");
	tap_ok(get(obj, "process") == NULL, "no program or pid: no process");
	tap_ok(get(obj, "event.original") == NULL,
	       "no original: no event.original");
	tap_ok(get(obj, "related.ip") == NULL, "no relay: no related.ip");
	tap_is_long(array_length(obj, "related.hosts"), 1,
		    "related.hosts holds the sender host alone");
	fjson_object_put(obj);

	ev = sample_event();
	ev.pid = "12ab";
	ev.source_domain = ev.sender_host;
	obj = format(&ev, text);
	tap_ok(obj != NULL && get(obj, "process.pid") == NULL
	       && get_str(obj, "process.name") != NULL,
	       "pid that is not a number is left out, name kept");
	tap_is_long(array_length(obj, "related.hosts"), 1,
		    "related.hosts lists a host once");
	fjson_object_put(obj);
}

/* test_sanitizer - hostile bytes come out as \xHH, JSON stays valid */
static void test_sanitizer(void)
{
	static char text[TEXT_MAX];
	struct event ev = sample_event();
	struct fjson_object *obj;
	const char *address, *original;

	ev.sender_address = "a\"b\\c\nd\x1b[31m\xc3\xa9\x7f@x.example";
	ev.qid = "\r\t";
	ev.original = "tab\there / slash \xff\x01 end";
	obj = format(&ev, text);
	if (!tap_ok(obj != NULL, "hostile strings: still valid JSON"))
		return;
	tap_ok(printable(text), "hostile strings: output is printable ASCII");
	tap_ok(strchr(text, '\x1b') == NULL, "hostile strings: no raw ESC");
	address = get_item(obj, "email.from.address", 0);
	tap_is_str(address,
		   "a\"b\\x5cc\\x0ad\\x1b[31m\\xc3\\xa9\\x7f@x.example",
		   "quote kept; backslash, newline, ESC, 8-bit, DEL as \\xHH");
	tap_ok(address != NULL && printable(address),
	       "decoded address is printable: no control byte survives");
	tap_is_str(get_str(obj, "email.local_id"), "\\x0d\\x09",
		   "CR and TAB in log text become \\xHH");
	original = get_str(obj, "event.original");
	tap_is_str(original, "tab\\x09here / slash \\xff\\x01 end",
		   "event.original sanitised");
	tap_ok(strstr(text, "here \\/ slash") != NULL,
	       "libfastjson writes '/' as \\/ (valid JSON, decodes to '/')");
	fjson_object_put(obj);
}

/* test_access_line_utf8 - the access line of a sender who wrote UTF-8:
 * its characters as \uXXXX, the text ASCII, decoded back whole; what
 * is no character to show still \xHH */
static void test_access_line_utf8(void)
{
	static char text[TEXT_MAX];
	struct event ev = sample_event();
	struct fjson_object *obj;

	ev.suggested_access = "p\xd0\xb0ypal.com\tERROR:x \xf0\x9f\x98\x80";
	obj = format(&ev, text);
	if (!tap_ok(obj != NULL, "UTF-8 access line: valid JSON"))
		return;
	tap_ok(printable(text), "UTF-8 access line: the text is ASCII");
	tap_ok(strstr(text, "p\\u0430ypal.com\\tERROR:x \\ud83d\\ude00")
		   != NULL,
	       "... a Cyrillic a as \\u0430, past U+FFFF a surrogate pair");
	tap_is_str(get_str(obj, "phishwatch.suggested_access"),
		   ev.suggested_access, "... decoded, the line as made");
	fjson_object_put(obj);
	ev.suggested_access = "a\xc2\x9b" "b\xe2\x80\xae" "c\xd0\tx \xc0\xaf";
	obj = format(&ev, text);
	if (!tap_ok(obj != NULL, "unsafe bytes in an access line: valid JSON"))
		return;
	tap_is_str(get_str(obj, "phishwatch.suggested_access"),
		   "a\\xc2\\x9bb\\xe2\\x80\\xaec\\xd0\tx \\xc0\\xaf",
		   "... a C1 control, a bidi override, a cut and an overlong "
		   "character as \\xHH");
	fjson_object_put(obj);
}

/* test_format_bounds - emitter_format refuses a small buffer */
static void test_format_bounds(void)
{
	struct event ev = sample_event();
	char small[64];
	static char text[TEXT_MAX];
	long len = emitter_format(&ev, text, sizeof(text));

	tap_ok(len > 0 && (size_t) len == strlen(text),
	       "emitter_format returns the length");
	tap_is_long(emitter_format(&ev, small, sizeof(small)), -1,
		    "emitter_format: -1 when it does not fit");
}

/* read_file - whole file into buf (NUL-terminated); length or -1 */
static long read_file(const char *path, char *buf, size_t size)
{
	FILE *fp = fopen(path, "r");
	size_t n;

	if (fp == NULL)
		return -1;
	n = fread(buf, 1, size - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	return (long) n;
}

/* check_line - line number n (from 0) of text is an event */
static int check_line(const char *text, int n)
{
	const char *line = text;
	char copy[TEXT_MAX];
	struct fjson_object *obj;
	int ok;

	for (int i = 0; i < n && line != NULL; i++)
		line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL;
	if (line == NULL)
		return 0;
	snprintf(copy, sizeof(copy), "%.*s", (int) strcspn(line, "\n"), line);
	obj = parse(copy);
	ok = get_str(obj, "event.kind") != NULL;
	fjson_object_put(obj);
	return ok;
}

/* count_lines - newlines in text */
static int count_lines(const char *text)
{
	int n = 0;

	for (; *text != '\0'; text++)
		n += *text == '\n';
	return n;
}

/* test_file_sink - a file is created 0600 and appended to */
static void test_file_sink(void)
{
	static char text[TEXT_MAX];
	char path[PATH_MAX_TEST], err[EMITTER_ERR_MAX] = "";
	struct event ev = sample_event();
	struct emitter *em;
	struct stat st;

	test_path("events.json", path, sizeof(path));
	umask(0);
	em = emitter_open(path, 0, NULL, err);
	umask(022);
	if (!tap_ok(em != NULL, "file sink opens")) {
		printf("# %s\n", err);
		return;
	}
	tap_ok(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600,
	       "file sink: created mode 0600");
	tap_is_long(emitter_write(em, &ev), 0, "file sink: first event");
	emitter_close(em);
	em = emitter_open(path, 0, NULL, err);
	tap_is_long(em != NULL ? emitter_write(em, &ev) : -1, 0,
		    "file sink: reopened, second event");
	emitter_close(em);
	read_file(path, text, sizeof(text));
	tap_is_long(count_lines(text), 2, "file sink: appended, two lines");
	tap_ok(check_line(text, 0) && check_line(text, 1),
	       "file sink: each line is an event");
	unlink(path);
}

/* test_file_errors - unusable destinations fail and say why */
static void test_file_errors(void)
{
	char err[EMITTER_ERR_MAX] = "";
	struct event ev = sample_event();
	struct emitter *em;

	em = emitter_open(test_dir, 0, NULL, err);
	tap_ok(em == NULL, "a directory is refused as output");
	emitter_close(em);
	tap_ok(strncmp(err, test_dir, strlen(test_dir)) == 0
	       && strstr(err, "directory") != NULL,
	       "... with a message naming it and the reason");
	em = emitter_open("", 0, NULL, err);
	tap_ok(em == NULL, "empty output path refused");
	emitter_close(em);
	if (access("/dev/full", W_OK) != 0) {
		tap_ok(1, "# SKIP no /dev/full");
		return;
	}
	em = emitter_open("/dev/full", 0, NULL, err);
	errno = 0;
	tap_is_long(em != NULL ? emitter_write(em, &ev) : 0, -1,
		    "write error is reported");
	tap_is_long(errno, ENOSPC, "... with errno from the write");
	emitter_close(em);
}

/* test_stdout_sink - "-" writes one line to standard output */
static void test_stdout_sink(void)
{
	static char text[TEXT_MAX];
	char path[PATH_MAX_TEST], err[EMITTER_ERR_MAX] = "";
	struct event ev = sample_event();
	struct emitter *em;
	int saved, fd, rc;

	test_path("stdout.json", path, sizeof(path));
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	/* opened once standard output is in place, as main does: a pipe
	 * or terminal there is taken as a descriptor of the emitter's own */
	if (fd < 0 || saved < 0 || dup2(fd, STDOUT_FILENO) < 0
	    || (em = emitter_open("-", 0, NULL, err)) == NULL) {
		tap_ok(0, "stdout sink set up");
		return;
	}
	printf("before\n");	/* stdio output stays in order */
	rc = emitter_write(em, &ev);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	close(fd);
	emitter_close(em);
	tap_is_long(rc, 0, "stdout sink: event written");
	read_file(path, text, sizeof(text));
	tap_ok(strncmp(text, "before\n{", 8) == 0 && count_lines(text) == 2
	       && check_line(text, 1),
	       "stdout sink: after earlier stdio output, one event line");
	unlink(path);
}

/* receiver - a bound datagram socket, as rsyslog's imuxsock */
static int receiver(const char *path)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	size_t len = strlen(path);
	int fd;

	if (len >= sizeof(addr.sun_path))
		return -1;
	memcpy(addr.sun_path, path, len + 1);
	fd = socket(AF_UNIX, SOCK_DGRAM, 0);
	if (fd >= 0 && bind(fd, (struct sockaddr *) &addr, sizeof(addr)) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* receive - one datagram's JSON part, parsed; NULL if none or not JSON */
static struct fjson_object *receive(int fd, char *buf, size_t size)
{
	ssize_t n = recv(fd, buf, size - 1, MSG_DONTWAIT);
	const char *json;

	if (n < 0)
		return NULL;
	buf[n] = '\0';
	json = strstr(buf, "@cee:");
	return json != NULL ? parse(json + 5) : NULL;
}

/* test_syslog_sink - datagrams; too big: without event.original, then
 * cut (event_write()) */
static void test_syslog_sink(void)
{
	static char buf[TEXT_MAX];
	static char huge[HUGE_FIELD + 1];
	char path[PATH_MAX_TEST], dest[PATH_MAX_TEST + 8];
	char err[EMITTER_ERR_MAX] = "";
	struct event ev = sample_event();
	struct emitter *em;
	struct fjson_object *obj;
	int fd;

	test_path("log.sock", path, sizeof(path));
	snprintf(dest, sizeof(dest), "syslog:%s", path);
	fd = receiver(path);
	em = emitter_open(dest, LOG_LOCAL0 | LOG_INFO, NULL, err);
	if (!tap_ok(fd >= 0 && em != NULL, "syslog sink opens")) {
		printf("# %s\n", err);
		goto done;
	}
	tap_is_long(emitter_write(em, &ev), 0, "syslog: event sent");
	obj = receive(fd, buf, sizeof(buf));
	tap_ok(strncmp(buf, "<134>", 5) == 0, "syslog: PRI local0.info");
	tap_is_str(get_str(obj, "event.original"), ev.original,
		   "syslog: event with event.original");
	fjson_object_put(obj);

	memset(huge, 0xff, HUGE_FIELD);	/* 4 times as long once escaped */
	ev.original = huge;
	errno = 0;
	tap_ok(emitter_write(em, &ev) < 0 && errno == EMSGSIZE
	       && receive(fd, buf, sizeof(buf)) == NULL,
	       "syslog: the emitter cuts nothing: too big, EMSGSIZE, not sent");
	tap_is_long(event_write(em, &ev), 0, "syslog: oversized event sent");
	obj = receive(fd, buf, sizeof(buf));
	tap_ok(obj != NULL && get(obj, "event.original") == NULL
	       && get_str(obj, "event.kind") != NULL,
	       "syslog: ... again without event.original");
	fjson_object_put(obj);

	ev.sender_address = huge;
	ev.qid = huge + HUGE_FIELD - 255;
	tap_is_long(event_write(em, &ev), 0,
		    "syslog: too big even without event.original: sent");
	obj = receive(fd, buf, sizeof(buf));
	tap_ok(obj != NULL && get(obj, "event.original") == NULL
	       && strlen(buf) <= SYSLOGOUT_MAX_MESSAGE,
	       "... as one whole datagram within the limit");
	tap_ok(get(obj, "email.from.address") != NULL
	       && strlen(fjson_object_get_string(fjson_object_array_get_idx(
			get(obj, "email.from.address"), 0))) == 4 * 253 + 3,
	       "... the address cut at 256 bytes (escaped) with \"...\"");
	tap_is_long((long) strlen(get_str(obj, "email.local_id")), 4 * 61 + 3,
		    "... the queue id at 64");
	fjson_object_put(obj);
done:
	emitter_close(em);
	if (fd >= 0)
		close(fd);
	unlink(path);
}

/* test_syslog_errors - a missing socket or path is refused at open */
static void test_syslog_errors(void)
{
	char path[PATH_MAX_TEST], dest[PATH_MAX_TEST + 8];
	char err[EMITTER_ERR_MAX] = "";
	struct emitter *em;

	test_path("no.sock", path, sizeof(path));
	snprintf(dest, sizeof(dest), "syslog:%s", path);
	em = emitter_open(dest, LOG_LOCAL0 | LOG_INFO, NULL, err);
	tap_ok(em == NULL && strstr(err, path) != NULL,
	       "syslog: missing socket refused, message names it");
	emitter_close(em);
	em = emitter_open("syslog:", LOG_LOCAL0 | LOG_INFO, NULL, err);
	tap_ok(em == NULL, "syslog: empty socket path refused");
	emitter_close(em);
}

int main(void)
{
	const char *tmp = getenv("TMPDIR");

	/* sun_path holds about 100 bytes: keep the directory short */
	if (tmp == NULL || tmp[0] == '\0' || strlen(tmp) > 60)
		tmp = "/tmp";
	snprintf(test_dir, sizeof(test_dir), "%s/pw-emit-XXXXXX", tmp);
	if (mkdtemp(test_dir) == NULL) {
		printf("Bail out! cannot create %s\n", test_dir);
		return 1;
	}
	test_required_fields();
	test_optional_fields();
	test_sanitizer();
	test_access_line_utf8();
	test_format_bounds();
	test_file_sink();
	test_file_errors();
	test_stdout_sink();
	test_syslog_sink();
	test_syslog_errors();
	rmdir(test_dir);
	return tap_done();
}
