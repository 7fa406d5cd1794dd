/*
 * query - what phishwatch says of one sender (see query.h).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "access.h"
#include "blank.h"
#include "hostname.h"
#include "linein.h"
#include "lookalike.h"
#include "msg.h"
#include "query.h"
#include "sender.h"
#include "verdict.h"

/* A sender on the command line is at most an address's length. */
#define QUERY_SENDER_MAX (SENDER_LOCAL_MAX + 1 + HOSTNAME_UTF8_MAX)

/* query_parse - sender as an address (with an @) or a host into *s:
 * the gate's verdict on its host (HOST_OK: s->host holds it) */
static enum host_verdict query_parse(const char *sender, struct sender *s)
{
	size_t len = strnlen(sender, QUERY_SENDER_MAX + 1);

	if (len > QUERY_SENDER_MAX)
		return HOST_INVALID;
	if (memchr(sender, '@', len) != NULL)
		return sender_parse(sender, len, s);
	memset(s, 0, sizeof(*s));
	/* a bare address (a relay's, pasted from a log) is no host, and
	 * says so: the gate below would call it no name at all */
	if (hostname_syslog_host(sender, len, s->host) == HOST_IP_LITERAL)
		return HOST_IP_LITERAL;
	s->address = sender;
	s->address_len = len;
	s->key = s->host;
	return hostname_normalize(sender, len, s->host);
}

/* query_why - why the gate passed no host, for the error */
static const char *query_why(enum host_verdict verdict)
{
	switch (verdict) {
	case HOST_NONE:
		return "has no domain part";
	case HOST_IP_LITERAL:
		return "is an IP address, never a phished domain";
	case HOST_LOCAL:
		return "is a local name of one label, never a phished domain";
	default:
		return "is not a sender address or a host name";
	}
}

/* query_printable - sender holds no control byte, so that an error may
 * quote it (the rest of a long one is cut there) */
static int query_printable(const char *sender)
{
	for (const unsigned char *p = (const unsigned char *)sender; *p != 0;
	     p++)
		if (*p < 0x20 || *p == 0x7F)
			return 0;
	return 1;
}

/* query_access_word - the field for what the tables say */
static const char *query_access_word(enum campaign_access access)
{
	switch (access) {
	case CAMPAIGN_BLOCKED:
		return "blocked";
	case CAMPAIGN_MAP_KNOWN:
		return "domain-blocked";
	default:
		return "unblocked";
	}
}

/* query_phish - the fields of a suspicious sender: 0, or -1 when the
 * access line cannot be made */
static int query_phish(const struct config_set *cfg, const struct sender *s,
		       const struct detection *d, FILE *out)
{
	enum campaign_access access = verdict_access(cfg, s, d);

	fprintf(out, "%s\tphish\t%s\t%s\t%s", s->host, d->phished_domain,
		d->rule, query_access_word(access));
	if (access != CAMPAIGN_BLOCKED) {
		char line[ACCESS_SUGGEST_MAX];
		char spelled[HOSTNAME_UTF8_MAX + 1];

		if (access_suggest_spelled(
			access_map_syntax(cfg->access), s->key,
			sender_spelling(s, s->key, spelled), line, sizeof(line))
		    < 0)
			return -1;
		fprintf(out, "\t%s", line);
	}
	fputc('\n', out);
	return 0;
}

/* query_ordinary - the line of an ordinary host, and whose it is */
static void query_ordinary(const struct config_set *cfg, const char *host,
			   FILE *out)
{
	const char *owner = lookalike_owner(cfg->look, host);

	if (owner == NULL)
		fprintf(out, "%s\tordinary\n", host);
	else if (owner[0] == '\0')
		fprintf(out, "%s\tordinary\tallowed\n", host);
	else
		fprintf(out, "%s\tordinary\town\t%s\n", host, owner);
}

enum query_answer query_sender(struct config_set *cfg, const char *sender,
			       const char *where, FILE *out)
{
	struct sender s;
	struct detection d;

	enum host_verdict verdict = query_parse(sender, &s);

	if (verdict != HOST_OK) {
		if (query_printable(sender))
			msg_error("--query: %s%s'%.*s' %s",
				  where != NULL ? where : "",
				  where != NULL ? ": " : "", 80, sender,
				  query_why(verdict));
		else
			msg_error("--query: %s%sa sender with control "
				  "characters %s",
				  where != NULL ? where : "",
				  where != NULL ? ": " : "",
				  query_why(verdict));
		return QUERY_NO_HOST;
	}
	if (!verdict_of(cfg, s.host, &d, &s.key)) {
		query_ordinary(cfg, s.host, out);
		return ferror(out) ? QUERY_FAILED : QUERY_ORDINARY;
	}
	if (query_phish(cfg, &s, &d, out) < 0 || ferror(out))
		return QUERY_FAILED;
	return QUERY_PHISH;
}

int query_count(struct query_tally *tally, enum query_answer answer)
{
	if (answer == QUERY_PHISH)
		tally->phish++;
	else if (answer == QUERY_NO_HOST)
		tally->no_host++;
	return answer == QUERY_FAILED ? -1 : 0;
}

/* query_one_line - the sender on line[0..len) (number n) through
 * query_sender(): 0, or -1 when out failed */
static int query_one_line(struct config_set *cfg, const char *line, size_t len,
			  unsigned long n, FILE *out, struct query_tally *tally)
{
	char where[64];
	char sender[QUERY_LINE_MAX + 1];

	blank_trim(&line, &len);
	if (len == 0 || line[0] == '#')
		return 0;
	snprintf(where, sizeof(where), "standard input:%lu", n);
	if (memchr(line, '\0', len) != NULL) {
		msg_error("--query: %s: a NUL byte; no sender", where);
		tally->no_host++;
		return 0;
	}
	memcpy(sender, line, len);
	sender[len] = '\0';
	return query_count(tally, query_sender(cfg, sender, where, out));
}

int query_lines(struct config_set *cfg, int fd, FILE *out,
		struct query_tally *tally)
{
	struct linein *in = linein_open(fd, QUERY_LINE_MAX);
	unsigned long n = 0;
	int status = 0;

	if (in == NULL)
		return -1;
	while (status == 0) {
		const char *line;
		size_t len;
		enum linein_status got = linein_next(in, &line, &len);

		if (got == LINEIN_EOF || got == LINEIN_ERROR)
			status = got == LINEIN_ERROR ? -1 : 1;
		else if (got == LINEIN_TOO_LONG) {
			msg_error("--query: standard input:%lu: longer than "
				  "%d bytes; no sender",
				  ++n, QUERY_LINE_MAX);
			tally->no_host++;
		} else if (got == LINEIN_LINE)
			status =
			    query_one_line(cfg, line, len, ++n, out, tally);
	}
	linein_close(in);
	return status < 0 ? -1 : 0;
}
