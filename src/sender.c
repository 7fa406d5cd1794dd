/*
 * sender - the sender and the hosts of a line (see sender.h).
 */
#include <ctype.h>
#include <string.h>

#include "sender.h"

/* sender_split - brackets off, local part lower-cased */
static void sender_split(const char *from, size_t len, struct sender *s)
{
	const char *at;
	size_t local_len;

	if (len >= 2 && from[0] == '<' && from[len - 1] == '>') {
		from++;
		len -= 2;
	}
	s->address = from;
	s->address_len = len;
	s->local[0] = '\0';
	at = memrchr(from, '@', len);
	local_len = at != NULL ? (size_t)(at - from) : 0;
	if (local_len == 0 || local_len > SENDER_LOCAL_MAX)
		return;
	for (size_t i = 0; i < local_len; i++)
		s->local[i] = (char)tolower((unsigned char)from[i]);
	s->local[local_len] = '\0';
}

/* sender_parse - split, and the host through the gate */
enum host_verdict sender_parse(const char *address, size_t len,
			       struct sender *s)
{
	sender_split(address, len, s);
	s->key = s->host;
	return hostname_from_address(s->address, s->address_len, s->host,
				     s->spelled);
}

/* sender_labels - the labels of a name */
static size_t sender_labels(const char *name)
{
	size_t n = 1;

	for (const char *p = strchr(name, '.'); p != NULL;
	     p = strchr(p + 1, '.'))
		n++;
	return n;
}

/* sender_spelling - name's last labels as the sender wrote them; when a
 * spelling's dots are not the host's (an ideographic full stop, which
 * UTS #46 maps to '.'), name's U-labels; a name libidn2 cannot decode
 * (none that passed the gate) stays as it is */
const char *sender_spelling(const struct sender *s, const char *name,
			    char buf[HOSTNAME_UTF8_MAX + 1])
{
	size_t want, have;
	const char *part = s->spelled;

	if (s->spelled[0] == '\0')
		return name;
	want = sender_labels(name);
	have = sender_labels(s->spelled);
	if (have != sender_labels(s->host) || want > have)
		return hostname_to_ulabels(name, buf) < 0 ? name : buf;
	for (; have > want; have--)
		part = strchr(part, '.') + 1;
	return part;
}

/* sender_store_key - s->key as spelled, when it fits a host's room */
const char *sender_store_key(const struct sender *s,
			     char buf[HOSTNAME_UTF8_MAX + 1])
{
	const char *key = sender_spelling(s, s->key, buf);

	return strlen(key) <= HOSTNAME_MAX ? key : s->key;
}

/* sender_check - validated sender host, counted when it is not */
int sender_check(struct sender_gate *gate, const char *address,
		 struct sender *s)
{
	struct counters *c = gate->counters;

	switch (sender_parse(address, strlen(address), s)) {
	case HOST_OK:
		c->senders++;
		return 0;
	case HOST_IP_LITERAL:
		c->ip_literals++;
		return -1;
	case HOST_LOCAL:
		c->local_senders++; /* cron mail: ordinary, no warning */
		return -1;
	case HOST_INVALID:
		c->invalid_hosts++;
		where_warn(gate->where, &gate->warned_host,
			   "sender host is not a hostname; skipped");
		return -1;
	default:
		return -1; /* null sender or a local user */
	}
}

/* sender_valid_or_null - a validated host name, or NULL */
static const char *sender_valid_or_null(const char *name,
					char buf[HOSTNAME_MAX + 1])
{
	if (name == NULL
	    || hostname_normalize(name, strlen(name), buf) != HOST_OK)
		return NULL;
	return buf;
}

/* sender_mta - the syslog host that logged the line, when it is a
 * host name or an address (into buf), else NULL: counted when invalid */
const char *sender_mta(struct sender_gate *gate, const struct mailrec *log,
		       char buf[HOSTNAME_MAX + 1])
{
	const char *name = log->mta_host;

	if (name == NULL)
		return NULL;
	if (hostname_syslog_host(name, strlen(name), buf) != HOST_INVALID)
		return buf;
	gate->counters->invalid_fields++;
	where_warn(gate->where, &gate->warned_mta,
		   "syslog host is not a host "
		   "name or an address; omitted");
	return NULL;
}

/* sender_relay_ip - the relay address as the MTA writes it (IPv4, or
 * IPv6: and IPv6, or bare IPv6 when the record says the MTA writes it
 * so), canonical into buf, else NULL: counted when invalid.
 * source.ip is an ECS "ip" field: a SIEM drops a whole event whose ip
 * is text, and the store's relays would count one address twice. */
static const char *sender_relay_ip(struct sender_gate *gate,
				   const struct mailrec *log,
				   char buf[HOSTNAME_IP_MAX])
{
	const char *ip = log->relay_ip;

	if (ip == NULL)
		return NULL;
	if (hostname_relay_ip(ip, strlen(ip), log->relay_ip_bare, buf)
	    == HOST_IP_LITERAL)
		return buf;
	gate->counters->invalid_fields++;
	where_warn(gate->where, &gate->warned_relay,
		   "relay address is not an "
		   "IP address; omitted");
	return NULL;
}

/* sender_line_hosts - the line's hosts and addresses, through the gate
 * once; a relay name that is no domain ("localhost") is only left out:
 * reverse DNS gives such names, sendmail and syslog do not give such
 * addresses */
void sender_line_hosts(struct sender_gate *gate, const struct mailrec *log,
		       struct line_hosts *h)
{
	h->mta = sender_mta(gate, log, h->mta_buf);
	h->relay_ip = sender_relay_ip(gate, log, h->ip_buf);
	h->relay_host = sender_valid_or_null(log->relay_host, h->relay_buf);
}
