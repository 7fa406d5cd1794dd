/*
 * ecsjson - an event as one line of ECS JSON (see ecsjson.h).
 *
 * NAME
 *	ecsjson - serialize a struct event with libfastjson
 *
 * SUMMARY
 *	An event is a tree of libfastjson objects, one section per ECS
 *	field set ("event", "email", "source", ...), built by a table of
 *	section builders and serialised compactly on one line.
 *
 * DESCRIPTION
 *	Every string of the event passes ecsjson_sanitize() first: each
 *	byte outside printable ASCII (0x20..0x7e), and the backslash
 *	itself, becomes the four characters \xHH.  Escaping the backslash
 *	keeps the mapping one to one, so a spammer cannot write the four
 *	characters "\x1b" into an address and have them read as an escaped
 *	ESC.  What libfastjson then quotes is plain ASCII, so the JSON text
 *	is ASCII and no control byte survives JSON decoding either.  Only
 *	phishwatch.suggested_access keeps its TAB, and its UTF-8: it is an
 *	access map line made by phishwatch from a validated host name, not
 *	log text, and for a sender who wrote the name in UTF-8 it names the
 *	host so, since that is what the MTA matches.  Each character of it
 *	is still checked: well-formed UTF-8 with no C1 control, line
 *	separator or bidirectional control, else escaped as above; and it
 *	is written as JSON's \uXXXX (ecsjson_ascii()), so that the text of
 *	every event stays ASCII and a JSON reader gets the line back in
 *	UTF-8.
 *	libfastjson writes '/' as "\/"; valid JSON, and always so.
 *
 *	A NULL string in struct event is left out, and so is a section
 *	(source, host, process, related.ip) that would be empty.
 *
 * DIAGNOSTICS
 *	ecsjson_build() returns NULL with errno set (ENOMEM); so does
 *	ecsjson_text() (ENOMEM, EMSGSIZE), never a text cut short.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json.h>

#include "ecsjson.h"
#include "hostname.h"
#include "logtime.h"

/* Log lines are at most 64 KiB (linein.h); no field can be longer. */
#define ECSJSON_FIELD_MAX 65536
/* "2026-11-27T00:58:09.123Z" and some room */
#define ECSJSON_TIME_MAX 40
/* An event's text starts in this much room, doubled as it grows (most
 * events are 1 to 2 KiB) */
#define ECSJSON_TEXT_FIRST 2048
/* and never grows past this: event.c bounds every field (log text by
 * the 64 KiB of a line, 4 bytes a byte escaped), so no event comes
 * near it; one beyond it is refused (EMSGSIZE: event.c then writes it
 * without event.original) rather than grown without end. */
#define ECSJSON_TEXT_MAX ((size_t)1 << 20)
/*
 * event.category, always, and event.type, the type ECS expects with each
 * category in the same order (email: info; threat: indicator)
 */
#define ECSJSON_CATEGORY_1 "email"
#define ECSJSON_CATEGORY_2 "threat"
#define ECSJSON_TYPE_1     "info"
#define ECSJSON_TYPE_2     "indicator"
/* The ECS release whose field definitions the events follow */
#define ECSJSON_ECS_VERSION "9.4.0"
/* event.module, and event.dataset in ECS's "module.dataset" form */
#define ECSJSON_MODULE  "phishwatch"
#define ECSJSON_DATASET "phishwatch.alert"

typedef struct fjson_object json;

/* What ecsjson_sanitize() keeps of an access line besides printable
 * ASCII: its TAB, and characters of a U-label. */
#define ECSJSON_KEEP_TAB  1
#define ECSJSON_KEEP_UTF8 2

/* ecsjson_utf8_shown - the code point cp of n bytes is one to show: not
 * overlong, no surrogate, no C1 control, no line or paragraph separator
 * (U+2028, U+2029), no bidirectional control (U+202A..E, U+2066..9) */
static int ecsjson_utf8_shown(uint32_t cp, size_t n)
{
	static const uint32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};

	return cp >= least[n] && cp >= 0xa0 && cp <= 0x10ffff
	       && !(cp >= 0xd800 && cp <= 0xdfff)
	       && !(cp >= 0x2028 && cp <= 0x202e)
	       && !(cp >= 0x2066 && cp <= 0x2069);
}

/* ecsjson_utf8_char - the well-formed UTF-8 character at s[0..left) of
 * a code point ecsjson_utf8_shown() takes: its length (its code point in
 * *cp), or 0 */
static size_t ecsjson_utf8_char(const unsigned char *s, size_t left,
				uint32_t *cp)
{
	size_t n = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc0 ? 2 : 0;

	if (n == 0 || n > left || s[0] >= 0xf8)
		return 0;
	*cp = s[0] & (0x7f >> n);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3f);
	}
	return ecsjson_utf8_shown(*cp, n) ? n : 0;
}

/* ecsjson_sanitize - s with unsafe bytes as \xHH, malloc'd, or NULL;
 * keep: ECSJSON_KEEP_* */
static char *ecsjson_sanitize(const char *s, int keep, size_t *out_len)
{
	static const char hex[] = "0123456789abcdef";
	size_t len = strnlen(s, ECSJSON_FIELD_MAX);
	char *out = malloc(4 * len + 1);
	size_t n = 0;

	if (out == NULL)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		uint32_t cp;
		size_t wide =
		    (keep & ECSJSON_KEEP_UTF8) && c >= 0x80 ? ecsjson_utf8_char(
			(const unsigned char *)s + i, len - i, &cp)
							    : 0;

		if (wide > 0) {
			memcpy(out + n, s + i, wide);
			n += wide;
			i += wide - 1;
			continue;
		}
		if ((c >= 0x20 && c <= 0x7e && c != '\\')
		    || ((keep & ECSJSON_KEEP_TAB) && c == '\t')) {
			out[n++] = (char)c;
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

/* ecsjson_string - a JSON string of sanitised s; NULL if no memory */
static json *ecsjson_string(const char *s, int keep)
{
	size_t len;
	char *clean = ecsjson_sanitize(s, keep, &len);
	json *str;

	if (clean == NULL)
		return NULL;
	/* len <= 4 * ECSJSON_FIELD_MAX, far below INT_MAX */
	str = fjson_object_new_string_len(clean, (int)len);
	free(clean);
	return str;
}

/*
 * ecsjson_put - obj[key] = val, taking val; -1 (val released) on failure.
 * Keys are string literals added once: libfastjson then neither copies
 * nor searches them.  Its add function returns nothing, so success is
 * read from the member count.
 */
static int ecsjson_put(json *obj, const char *key, json *val)
{
	int before;

	if (val == NULL || obj == NULL) {
		fjson_object_put(val);
		return -1;
	}
	before = fjson_object_object_length(obj);
	fjson_object_object_add_ex(obj, key, val,
				   FJSON_OBJECT_ADD_KEY_IS_NEW
				       | FJSON_OBJECT_KEY_IS_CONSTANT);
	if (fjson_object_object_length(obj) != before + 1) {
		fjson_object_put(val);
		return -1;
	}
	return 0;
}

/* ecsjson_put_str - obj[key] = sanitised s; nothing when s is NULL */
static int ecsjson_put_str(json *obj, const char *key, const char *s)
{
	return s == NULL ? 0 : ecsjson_put(obj, key, ecsjson_string(s, 0));
}

/* ecsjson_put_time - obj[key] = t as RFC 3339 UTC */
static int ecsjson_put_time(json *obj, const char *key,
			    const struct timespec *t)
{
	char text[ECSJSON_TIME_MAX];

	if (logtime_format(t, text, sizeof(text)) < 0)
		return -1;
	return ecsjson_put(obj, key, fjson_object_new_string(text));
}

/*
 * ecsjson_object - a new object attached as parent[key], owned by the
 * parent (so a failure later needs no unwinding here); NULL on failure
 */
static json *ecsjson_object(json *parent, const char *key)
{
	json *child = fjson_object_new_object();

	return ecsjson_put(parent, key, child) == 0 ? child : NULL;
}

/*
 * ecsjson_new_array - an empty array, or NULL (errno ENOMEM).  Out of
 * memory, libfastjson 1.2304 returns an array without its list, on which
 * adding a member or releasing it dereferences NULL: such an array is
 * left unreleased (a few bytes, once memory is short) rather than crash.
 */
json *ecsjson_new_array(void)
{
	json *array = fjson_object_new_array();

	if (array != NULL && fjson_object_get_array(array) == NULL)
		array = NULL;
	if (array == NULL)
		errno = ENOMEM;
	return array;
}

/* ecsjson_array - a new array attached as parent[key]; NULL on failure */
static json *ecsjson_array(json *parent, const char *key)
{
	json *child = ecsjson_new_array();

	return ecsjson_put(parent, key, child) == 0 ? child : NULL;
}

/* ecsjson_push_str - append sanitised s; nothing when s is NULL */
static int ecsjson_push_str(json *array, const char *s)
{
	json *val;

	if (s == NULL)
		return 0;
	if (array == NULL || (val = ecsjson_string(s, 0)) == NULL)
		return -1;
	if (fjson_object_array_add(array, val) != 0) {
		fjson_object_put(val);
		return -1;
	}
	return 0;
}

/* ecsjson_pid - the pid digits as a number, or -1 if they are not one */
static long ecsjson_pid(const char *digits)
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

/* ecsjson_timestamp - "@timestamp": the log line's time */
static int ecsjson_timestamp(json *root, const struct event *ev)
{
	return ecsjson_put_time(root, "@timestamp", &ev->log_time);
}

/* ecsjson_pair - parent[key] = [first, second] */
static int ecsjson_pair(json *parent, const char *key, const char *first,
			const char *second)
{
	json *array = ecsjson_array(parent, key);

	if (ecsjson_push_str(array, first) < 0
	    || ecsjson_push_str(array, second) < 0)
		return -1;
	return 0;
}

/*
 * ecsjson_event - "event": kind, action, category, type, module, dataset,
 * created, and the original line when there is one (ECS keeps the raw
 * text in event.original; event.original is no ECS field)
 */
static int ecsjson_event(json *root, const struct event *ev)
{
	json *event = ecsjson_object(root, "event");
	struct timespec now;

	if (event == NULL || clock_gettime(CLOCK_REALTIME, &now) < 0
	    || ecsjson_put(event, "kind", fjson_object_new_string("alert")) < 0
	    || ecsjson_put_str(event, "action", ev->action) < 0
	    || ecsjson_pair(event, "category", ECSJSON_CATEGORY_1,
			    ECSJSON_CATEGORY_2)
		   < 0
	    || ecsjson_pair(event, "type", ECSJSON_TYPE_1, ECSJSON_TYPE_2) < 0
	    || ecsjson_put_str(event, "module", ECSJSON_MODULE) < 0
	    || ecsjson_put_str(event, "dataset", ECSJSON_DATASET) < 0
	    || ecsjson_put_time(event, "created", &now) < 0)
		return -1;
	return ecsjson_put_str(event, "original", ev->original);
}

/* ecsjson_ecs - "ecs": the version of the field definitions followed */
static int ecsjson_ecs(json *root, const struct event *ev)
{
	(void)ev;
	return ecsjson_put_str(ecsjson_object(root, "ecs"), "version",
			       ECSJSON_ECS_VERSION);
}

/* ecsjson_observer - "observer": phishwatch itself, which made the event */
static int ecsjson_observer(json *root, const struct event *ev)
{
	json *observer = ecsjson_object(root, "observer");

	(void)ev;
	if (ecsjson_put_str(observer, "product", "phishwatch") < 0)
		return -1;
	return ecsjson_put_str(observer, "version", PW_VERSION);
}

/* ecsjson_email - "email": from.address[0] and local_id; none in a
 * summary, which is about no one message */
static int ecsjson_email(json *root, const struct event *ev)
{
	json *email;

	if (ev->sender_address == NULL && ev->qid == NULL)
		return 0;
	email = ecsjson_object(root, "email");
	if (ev->sender_address != NULL
	    && ecsjson_push_str(
		   ecsjson_array(ecsjson_object(email, "from"), "address"),
		   ev->sender_address)
		   < 0)
		return -1;
	return ecsjson_put_str(email, "local_id", ev->qid);
}

/* ecsjson_source - "source": ip and domain of the relay, when known */
static int ecsjson_source(json *root, const struct event *ev)
{
	json *source;

	if (ev->source_ip == NULL && ev->source_domain == NULL)
		return 0;
	source = ecsjson_object(root, "source");
	if (ecsjson_put_str(source, "ip", ev->source_ip) < 0)
		return -1;
	return ecsjson_put_str(source, "domain", ev->source_domain);
}

/* ecsjson_host - "host": the MTA's name from the syslog header */
static int ecsjson_host(json *root, const struct event *ev)
{
	if (ev->hostname == NULL)
		return 0;
	return ecsjson_put_str(ecsjson_object(root, "host"), "hostname",
			       ev->hostname);
}

/* ecsjson_process - "process": name and pid from the syslog header */
static int ecsjson_process(json *root, const struct event *ev)
{
	long pid = ecsjson_pid(ev->pid);
	json *process;

	if (ev->program == NULL && pid < 0)
		return 0;
	process = ecsjson_object(root, "process");
	if (ecsjson_put_str(process, "name", ev->program) < 0)
		return -1;
	return pid < 0
		   ? 0
		   : ecsjson_put(process, "pid", fjson_object_new_int64(pid));
}

/* ecsjson_threat - "threat": indicator.type and indicator.url.domain */
static int ecsjson_threat(json *root, const struct event *ev)
{
	json *indicator =
	    ecsjson_object(ecsjson_object(root, "threat"), "indicator");

	if (ecsjson_put(indicator, "type",
			fjson_object_new_string("domain-name"))
	    < 0)
		return -1;
	return ecsjson_put_str(ecsjson_object(indicator, "url"), "domain",
			       ev->sender_host);
}

/* ecsjson_rule - "rule": the detector rule that matched */
static int ecsjson_rule(json *root, const struct event *ev)
{
	return ecsjson_put_str(ecsjson_object(root, "rule"), "name", ev->rule);
}

/* ecsjson_campaign - "phishwatch.campaign": the campaign's counters */
static int ecsjson_campaign(json *pw, const struct event *ev)
{
	static const char *const names[TRACK_COUNTERS] = {
	    [TRACK_MESSAGES] = "messages",   [TRACK_RECIPIENTS] = "recipients",
	    [TRACK_DELIVERED] = "delivered", [TRACK_DEFERRED] = "deferred",
	    [TRACK_BOUNCED] = "bounced",     [TRACK_REJECTED] = "rejected",
	    [TRACK_DISCARDED] = "discarded",
	};
	json *campaign = ecsjson_object(pw, "campaign");

	for (int i = 0; i < TRACK_COUNTERS; i++)
		if (ecsjson_put(campaign, names[i],
				json_object_new_int64((int64_t)ev->counters[i]))
		    < 0)
			return -1;
	return 0;
}

/* ecsjson_phishwatch - "phishwatch": our own fields */
static int ecsjson_phishwatch(json *root, const struct event *ev)
{
	json *pw = ecsjson_object(root, "phishwatch");

	if (ecsjson_put_str(pw, "phished_domain", ev->phished_domain) < 0
	    || ecsjson_put_str(pw, "sender_domain",
			       ev->sender_domain != NULL ? ev->sender_domain
							 : ev->sender_host)
		   < 0)
		return -1;
	if (ev->counters != NULL && ecsjson_campaign(pw, ev) < 0)
		return -1;
	if (ev->suggested_access == NULL)
		return 0;
	/* An access map line: its TAB is the separator, not log text. */
	return ecsjson_put(
	    pw, "suggested_access",
	    ecsjson_string(ev->suggested_access,
			   ECSJSON_KEEP_TAB | ECSJSON_KEEP_UTF8));
}

/* ecsjson_related - "related": host names and addresses, for pivoting */
static int ecsjson_related(json *root, const struct event *ev)
{
	const char *relay = ev->source_domain;
	json *related = ecsjson_object(root, "related");
	json *hosts = ecsjson_array(related, "hosts");

	if (relay != NULL && ev->sender_host != NULL
	    && strcmp(relay, ev->sender_host) == 0)
		relay = NULL; /* listed once */
	if (ecsjson_push_str(hosts, ev->sender_host) < 0
	    || ecsjson_push_str(hosts, relay) < 0)
		return -1;
	if (ev->source_ip == NULL)
		return 0;
	return ecsjson_push_str(ecsjson_array(related, "ip"), ev->source_ip);
}

typedef int ecsjson_section(json *root, const struct event *ev);

/* The sections of an event, in output order. */
static ecsjson_section *const ecsjson_sections[] = {
    ecsjson_timestamp, ecsjson_ecs,        ecsjson_event,   ecsjson_email,
    ecsjson_source,    ecsjson_host,       ecsjson_process, ecsjson_threat,
    ecsjson_rule,      ecsjson_phishwatch, ecsjson_related, ecsjson_observer,
};

/* ecsjson_build - the event as a JSON tree (without event.original
 * unless with_original); NULL (errno set) on failure */
json *ecsjson_build(const struct event *ev, int with_original)
{
	json *root = fjson_object_new_object();
	size_t n = sizeof(ecsjson_sections) / sizeof(ecsjson_sections[0]);
	struct event shown = *ev;

	if (!with_original)
		shown.original = NULL;
	if (root == NULL)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		if (ecsjson_sections[i](root, &shown) < 0)
			goto fail;
	}
	return root;
fail:
	fjson_object_put(root);
	errno = ENOMEM;
	return NULL;
}

/*
 * The text of an event is made here, not by libfastjson's own
 * fjson_object_to_json_string_ext(): its print buffer ignores a failed
 * growth (it drops the bytes and goes on), so that out of memory an
 * event came out cut short, or empty, as if whole.  Its dump function
 * hands every piece to ecsjson_take() instead, which either keeps it or
 * says the text is lost.
 */
struct ecsjson_sink {
	char *text;
	size_t len;
	size_t size;
	int error; /* errno of the first piece not kept */
};

/* ecsjson_take - fjson_write_fn: append a piece; 0 once one is lost */
static size_t ecsjson_take(void *ctx, const char *piece, size_t len)
{
	struct ecsjson_sink *sink = ctx;
	size_t size = sink->size ? sink->size : ECSJSON_TEXT_FIRST;
	char *text;

	if (sink->error != 0)
		return 0;
	if (len > ECSJSON_TEXT_MAX - sink->len) {
		sink->error = EMSGSIZE;
		return 0;
	}
	while (size < sink->len + len + 1)
		size *= 2;
	if (size != sink->size) {
		if ((text = realloc(sink->text, size)) == NULL) {
			sink->error = ENOMEM;
			return 0;
		}
		sink->text = text;
		sink->size = size;
	}
	memcpy(sink->text + sink->len, piece, len);
	sink->len += len;
	sink->text[sink->len] = '\0';
	return len;
}

/* ecsjson_escape_unit - one UTF-16 unit as JSON's \uXXXX into the sink */
static void ecsjson_escape_unit(struct ecsjson_sink *sink, uint32_t unit)
{
	static const char hex[] = "0123456789abcdef";
	char esc[6] = {'\\',
		       'u',
		       hex[(unit >> 12) & 0xf],
		       hex[(unit >> 8) & 0xf],
		       hex[(unit >> 4) & 0xf],
		       hex[unit & 0xf]};

	ecsjson_take(sink, esc, sizeof(esc));
}

/*
 * ecsjson_ascii - text[0..len) into sink with each UTF-8 character as
 * JSON's \uXXXX (a pair of them past U+FFFF), so that an event stays
 * ASCII: the only such characters are an access line's, which
 * ecsjson_sanitize() checked, and rsyslog (which may escape 8-bit bytes
 * on receive), mail and terminals see none, while a JSON reader gets
 * the character back.  A byte of no such character (none comes here)
 * becomes U+FFFD.
 */
static void ecsjson_ascii(const char *text, size_t len,
			  struct ecsjson_sink *sink)
{
	for (size_t i = 0; i < len && sink->error == 0; i++) {
		const unsigned char *at = (const unsigned char *)text + i;
		uint32_t cp = 0xfffd;
		size_t n;

		if (*at < 0x80) {
			ecsjson_take(sink, text + i, 1);
			continue;
		}
		n = ecsjson_utf8_char(at, len - i, &cp);
		if (n == 0)
			cp = 0xfffd;
		else
			i += n - 1;
		if (cp > 0xffff) {
			ecsjson_escape_unit(sink,
					    0xd800 + ((cp - 0x10000) >> 10));
			cp = 0xdc00 + ((cp - 0x10000) & 0x3ff);
		}
		ecsjson_escape_unit(sink, cp);
	}
}

/* ecsjson_text - the tree as compact one-line ASCII text, malloc'd: the
 * whole text or NULL (errno ENOMEM, or EMSGSIZE past ECSJSON_TEXT_MAX) */
char *ecsjson_text(json *root, size_t *len)
{
	struct ecsjson_sink sink = {NULL, 0, 0, 0};
	struct ecsjson_sink ascii = {NULL, 0, 0, 0};
	size_t told = fjson_object_dump_ext(root, FJSON_TO_STRING_PLAIN,
					    ecsjson_take, &sink);

	/* What the dump says it wrote is what was kept, or a piece is
	 * missing. */
	if (sink.error == 0 && (told != sink.len || sink.len == 0))
		sink.error = ENOMEM;
	if (sink.error == 0 && hostname_has_high(sink.text, sink.len)) {
		ecsjson_ascii(sink.text, sink.len, &ascii);
		free(sink.text);
		sink = ascii;
	}
	if (sink.error != 0) {
		free(sink.text);
		errno = sink.error;
		return NULL;
	}
	*len = sink.len;
	return sink.text;
}

/* ecsjson_free - release the tree and its text */
void ecsjson_free(json *root)
{
	fjson_object_put(root);
}
