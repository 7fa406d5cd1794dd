/*
 * where - the place of a line (see where.h).
 */
#include <stdio.h>
#include <string.h>

#include "hostname.h"
#include "logtime.h"
#include "tracker.h"
#include "where.h"

/* File names in warnings are cut here. */
#define WHERE_NAME_SHOWN 200

/* where_input - a new input: its name (or none) and clock */
void where_input(struct where *w, const char *input, time_t reference)
{
	w->input = input;
	w->line = 0;
	w->reference = reference;
	w->log = NULL;
}

/* where_qid_ok - a queue id as sendmail writes them (letters, digits)
 * or Exim (letters and digits in groups joined by "-") */
static int where_qid_ok(const char *qid)
{
	size_t len = strnlen(qid, TRACKER_QID_MAX + 1);

	if (len == 0 || len > TRACKER_QID_MAX || qid[0] == '-'
	    || qid[len - 1] == '-')
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!((qid[i] >= '0' && qid[i] <= '9')
		      || (qid[i] >= 'a' && qid[i] <= 'z')
		      || (qid[i] >= 'A' && qid[i] <= 'Z') || qid[i] == '-'))
			return 0;
	return 1;
}

/* where_host - the syslog header's host, through the gate, into buf;
 * 0, or -1 when it has none that passes */
static int where_host(const char *name, char buf[HOSTNAME_MAX + 1])
{
	if (name == NULL)
		return -1;
	return hostname_syslog_host(name, strnlen(name, HOSTNAME_MAX + 1), buf)
		       != HOST_INVALID
		   ? 0
		   : -1;
}

/* where_time - the line's stamp as ISO 8601 UTC into buf; 0, or -1
 * when it has none that can be read */
static int where_time(const struct where *w, char *buf, size_t size)
{
	struct timespec t;
	struct tm tm;

	if (w->log->timestamp == NULL
	    || logtime_parse(w->log->timestamp,
			     w->reference != 0 ? w->reference : time(NULL), &t)
		   < 0
	    || gmtime_r(&t.tv_sec, &tm) == NULL
	    || strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		return -1;
	return 0;
}

/* where_append - " text" (no space first) to buf[0..*len) */
static void where_append(char *buf, size_t *len, const char *prefix,
			 const char *text)
{
	int n = snprintf(buf + *len, WHERE_MAX - *len, "%s%s%s",
			 *len > 0 ? " " : "", prefix, text);

	if (n > 0)
		*len += (size_t)n < WHERE_MAX - *len ? (size_t)n
						     : WHERE_MAX - *len - 1;
}

/* where_format - "FILE:N HOST TIME qid QID", the known parts only */
const char *where_format(const struct where *w, char buf[WHERE_MAX])
{
	size_t len = 0;

	buf[0] = '\0';
	if (w->input != NULL)
		len = (size_t)snprintf(buf, WHERE_MAX, "%.*s:%llu",
				       WHERE_NAME_SHOWN, w->input, w->line);
	if (w->log != NULL) {
		char field[HOSTNAME_MAX + 1];

		if (where_host(w->log->mta_host, field) == 0)
			where_append(buf, &len, "", field);
		if (where_time(w, field, sizeof(field)) == 0)
			where_append(buf, &len, "", field);
		if (w->log->qid != NULL && where_qid_ok(w->log->qid))
			where_append(buf, &len, "qid ", w->log->qid);
	}
	return len > 0 ? buf : "a line";
}

/* where_warn - a warning about the current line, named by its place */
void where_warn(const struct where *w, unsigned long *seen, const char *what)
{
	char buf[WHERE_MAX];

	if (seen != NULL)
		say_limited(w->say, seen, "%s: %s", where_format(w, buf), what);
	else
		say_print(w->say, SAY_WARN, "%s: %s", where_format(w, buf),
			  what);
}
