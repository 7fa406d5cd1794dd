/*
 * NAME
 *	hostname - sender hosts taken from addresses and validated
 * SUMMARY
 *	The one gate every sender host passes before anything trusts it.
 * DESCRIPTION
 *	hostname_from_address() takes the domain part of an envelope
 *	sender after its last "@" (so a source route "@a,@b:user@host"
 *	yields "host"), with or without the surrounding <>.  The null
 *	sender <>, a local user without "@" and an empty domain part are
 *	HOST_NONE.  A domain part in square brackets is an address
 *	literal: [192.0.2.1] or [IPv6:2001:db8::1], checked with
 *	inet_pton() and reported as HOST_IP_LITERAL; a bracketed thing
 *	that is no address is HOST_INVALID.  A domain part of one LDH
 *	label (root@vm, as cron and other local mail is sent) is
 *	HOST_LOCAL: an ordinary sender, but no domain a campaign can spoof.
 *
 *	hostname_normalize() accepts a hostname only when it is made of
 *	LDH labels (letters, digits, hyphen; no hyphen at either end of a
 *	label), each 1..63 octets, at most 253 octets in all after one
 *	trailing dot is removed, with at least two labels and a top-level
 *	label that is not all digits (so a dotted quad is not a host).
 *	Everything else, quotes, backslashes, white space, control and
 *	escape bytes, underscores, empty labels, is
 *	HOST_INVALID: such text never reaches an event, the store or an
 *	access suggestion.  The result is lower-cased.
 *
 *	A sender name with bytes >= 0x80 is taken as UTF-8 (an SMTPUTF8
 *	sender, a@b\xc3\xbccher.de) and mapped to its A-labels first, by
 *	libidn2's UTS #46 (nontransitional) lookup: bücher.de is
 *	xn--bcher-kva.de, the same host as when written so.  Invalid UTF-8,
 *	or a name that IDNA refuses, stays HOST_INVALID.  sendmail logs
 *	each such byte of an address as a backslash and three octal digits
 *	(from=<a@b\303\274cher.de>), and rsyslog, told to escape 8-bit
 *	bytes on receive (parser.escape8BitCharactersOnReceive), as "#" and
 *	three (b#303#274cher.de); in a domain part, where neither is valid,
 *	hostname_from_address() reads them back first.  It keeps
 *	the spelling of a domain written in UTF-8 (ASCII letters lowered,
 *	as sendmail and Exim fold them): the MTAs' tables match that, not
 *	its A-labels.  hostname_to_ulabels() spells a host in U-labels
 *	(NFC, lower case) when no spelling was seen.
 *
 *	hostname_relay_ip() and hostname_syslog_host() pass the other
 *	hosts and addresses of a log line: the relay's address as the MTA
 *	writes it (sendmail's relay=[...], IPv6 tagged; Postfix's and
 *	Exim's [...], IPv6 bare), and the syslog header's host, which
 *	may be a short name or a bare address.  Addresses are written back
 *	by inet_ntop(), so one address has one spelling.
 *
 *	On any verdict but HOST_OK, host[] is the empty string (the two
 *	functions above give the address on HOST_IP_LITERAL).
 * DIAGNOSTICS
 *	None: the verdict tells the caller, who counts.
 */
#include <arpa/inet.h>
#include <idn2.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hostname.h"

/* "IPv6:" prefix of an IPv6 address literal (RFC 5321 4.1.3) */
#define HOSTNAME_IPV6_TAG "IPv6:"
#define HOSTNAME_IPV6_LEN (sizeof(HOSTNAME_IPV6_TAG) - 1)

_Static_assert(HOSTNAME_IP_MAX >= INET6_ADDRSTRLEN,
	       "HOSTNAME_IP_MAX holds any address inet_ntop() writes");

/* hostname_is_ldh - letter, digit or hyphen (ASCII only, no locale) */
static int hostname_is_ldh(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
	       || (c >= '0' && c <= '9') || c == '-';
}

/* hostname_lower - ASCII lower case, independent of the locale */
static char hostname_lower(unsigned char c)
{
	return (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

/* hostname_label_ok - one label: 1..63 LDH octets, no edge hyphen */
static int hostname_label_ok(const char *label, size_t len)
{
	if (len == 0 || len > HOSTNAME_LABEL_MAX)
		return 0;
	if (label[0] == '-' || label[len - 1] == '-')
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!hostname_is_ldh((unsigned char)label[i]))
			return 0;
	return 1;
}

/* hostname_all_digits - the label is made of digits only */
static int hostname_all_digits(const char *label, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (label[i] < '0' || label[i] > '9')
			return 0;
	return 1;
}

/* hostname_plain_byte - c lower-cased when it is a letter, digit or
 * hyphen; 0 for any other byte */
static unsigned char hostname_plain_byte(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return (unsigned char)(c - 'A' + 'a');
	if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
		return c;
	return 0;
}

/* hostname_plain - the usual name in one pass (every sender's domain
 * and relay comes here): ASCII LDH labels of 1..63 octets without an
 * edge hyphen, at least min_labels, the last not all digits, one
 * trailing dot stripped; lower-cased into host.  0 for any other name
 * (host then garbage): the full checks below decide it, as before. */
static int hostname_plain(const char *name, size_t len, size_t min_labels,
			  char host[HOSTNAME_MAX + 1])
{
	size_t start = 0, labels = 1;
	int digits = 1; /* the label so far is digits only */

	if (len > 0 && name[len - 1] == '.')
		len--;
	if (len == 0 || len > HOSTNAME_MAX)
		return 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];

		if (c == '.') {
			if (i == start || i - start > HOSTNAME_LABEL_MAX
			    || name[i - 1] == '-')
				return 0;
			labels++;
			start = i + 1;
			digits = 1;
		} else if ((c = hostname_plain_byte(c)) == 0
			   || (c == '-' && i == start)) {
			return 0;
		} else {
			digits &= c >= '0' && c <= '9';
		}
		host[i] = (char)c;
	}
	if (len == start || len - start > HOSTNAME_LABEL_MAX
	    || name[len - 1] == '-' || digits || labels < min_labels)
		return 0;
	host[len] = '\0';
	return 1;
}

/* hostname_labels - validate at least min_labels LDH labels, the last
 * not all digits; strip one trailing dot, lower-case into host */
static enum host_verdict hostname_labels(const char *name, size_t len,
					 size_t min_labels,
					 char host[HOSTNAME_MAX + 1])
{
	size_t start = 0;
	size_t labels = 0;

	if (name != NULL && hostname_plain(name, len, min_labels, host))
		return HOST_OK;
	host[0] = '\0';
	if (name == NULL)
		return HOST_INVALID;
	if (len > 0 && name[len - 1] == '.')
		len--;
	if (len == 0 || len > HOSTNAME_MAX)
		return HOST_INVALID;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && name[i] != '.')
			continue;
		if (!hostname_label_ok(name + start, i - start))
			return HOST_INVALID;
		labels++;
		if (i < len)
			start = i + 1;
	}
	if (labels < min_labels
	    || hostname_all_digits(name + start, len - start))
		return HOST_INVALID;
	for (size_t i = 0; i < len; i++)
		host[i] = hostname_lower((unsigned char)name[i]);
	host[len] = '\0';
	return HOST_OK;
}

long hostname_idn2_take(char *s, char *out, size_t max)
{
	size_t n = strlen(s);

	if (n > max) {
		idn2_free(s);
		return -1;
	}
	memcpy(out, s, n + 1);
	idn2_free(s);
	return (long)n;
}

/* hostname_to_alabels - a UTF-8 name[0..len) with its U-labels mapped to
 * A-labels (UTS #46) into out; 0, or -1 when it is not a valid IDN */
static int hostname_to_alabels(const char *name, size_t len,
			       char out[HOSTNAME_MAX + 1])
{
	char utf8[HOSTNAME_UTF8_MAX + 1];
	char *ace = NULL;

	if (len > HOSTNAME_UTF8_MAX)
		return -1;
	memcpy(utf8, name, len);
	utf8[len] = '\0';
	if (memchr(utf8, '\0', len) != NULL
	    || idn2_lookup_u8((const uint8_t *)utf8, (uint8_t **)&ace,
			      IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL)
		   != IDN2_OK)
		return -1;
	return hostname_idn2_take(ace, out, HOSTNAME_MAX) < 0 ? -1 : 0;
}

int hostname_has_high(const char *name, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)name[i] >= 0x80)
			return 1;
	return 0;
}

/* hostname_octal_byte - the byte of sendmail's escape "\ooo", or
 * rsyslog's "#ooo", at s when it is one of a byte >= 0200, else -1 */
static int hostname_octal_byte(const char *s, size_t left)
{
	int value = 0;

	if (left < 4 || (s[0] != '\\' && s[0] != '#') || s[1] < '2'
	    || s[1] > '3')
		return -1;
	for (size_t i = 1; i < 4; i++) {
		if (s[i] < '0' || s[i] > '7')
			return -1;
		value = value * 8 + (s[i] - '0');
	}
	return value;
}

/* hostname_unescape - domain[0..len) with sendmail's and rsyslog's
 * octal escapes of bytes >= 0200 read back into out; its length, or -1 when it does not
 * fit (anything else is copied, and judged by the checks after) */
static long hostname_unescape(const char *domain, size_t len,
			      char out[HOSTNAME_UTF8_MAX + 1])
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		int byte = hostname_octal_byte(domain + i, len - i);

		if (n == HOSTNAME_UTF8_MAX)
			return -1;
		if (byte < 0) {
			out[n++] = domain[i];
			continue;
		}
		out[n++] = (char)byte;
		i += 3;
	}
	out[n] = '\0';
	return (long)n;
}

int hostname_to_ulabels(const char *host, char out[HOSTNAME_UTF8_MAX + 1])
{
	char *utf8 = NULL;

	if (host == NULL || idn2_to_unicode_8z8z(host, &utf8, 0) != IDN2_OK)
		return -1;
	return hostname_idn2_take(utf8, out, HOSTNAME_UTF8_MAX) < 0 ? -1 : 0;
}

/* hostname_normalize - validate, strip one trailing dot, lower-case; a
 * UTF-8 name as its A-labels */
enum host_verdict hostname_normalize(const char *name, size_t len,
				     char host[HOSTNAME_MAX + 1])
{
	char ascii[HOSTNAME_MAX + 1];

	if (name != NULL && hostname_plain(name, len, 2, host))
		return HOST_OK;
	if (name != NULL && hostname_has_high(name, len)) {
		host[0] = '\0';
		if (hostname_to_alabels(name, len, ascii) < 0)
			return HOST_INVALID;
		name = ascii;
		len = strlen(ascii);
	}
	return hostname_labels(name, len, 2, host);
}

/*
 * hostname_ip - text[0..len) as an address of family, checked by
 * inet_pton() and written back by inet_ntop() into ip (when not NULL),
 * so that one address has one spelling in events and the store
 */
static enum host_verdict hostname_ip(int family, const char *text, size_t len,
				     char ip[HOSTNAME_IP_MAX])
{
	char copy[HOSTNAME_IP_MAX];
	unsigned char addr[sizeof(struct in6_addr)];

	if (ip != NULL)
		ip[0] = '\0';
	if (len == 0 || len >= sizeof(copy) || memchr(text, '\0', len) != NULL)
		return HOST_INVALID;
	memcpy(copy, text, len);
	copy[len] = '\0';
	if (inet_pton(family, copy, addr) != 1)
		return HOST_INVALID;
	/* inet_pton() takes a dotted quad only in its one canonical form
	 * (four decimal parts, no leading zeros): that is inet_ntop()'s,
	 * whose sprintf() showed in every campaign line's profile */
	if (ip != NULL && family == AF_INET)
		memcpy(ip, copy, len + 1);
	else if (ip != NULL
		 && inet_ntop(family, addr, ip, HOSTNAME_IP_MAX) == NULL)
		return HOST_INVALID;
	return HOST_IP_LITERAL;
}

/* hostname_tagged_ip - a dotted quad, or "IPv6:" (any case) and an
 * IPv6 address: the inside of an address literal */
static enum host_verdict hostname_tagged_ip(const char *text, size_t len,
					    char ip[HOSTNAME_IP_MAX])
{
	if (len > HOSTNAME_IPV6_LEN
	    && strncasecmp(text, HOSTNAME_IPV6_TAG, HOSTNAME_IPV6_LEN) == 0)
		return hostname_ip(AF_INET6, text + HOSTNAME_IPV6_LEN,
				   len - HOSTNAME_IPV6_LEN, ip);
	return hostname_ip(AF_INET, text, len, ip);
}

/* hostname_relay_ip - a relay address as an MTA logs it, canonical, no
 * tag: sendmail tags IPv6 ("IPv6:2001:db8::1"); Postfix and Exim do not
 * ("host[2001:db8::1]", "H=host [2001:db8::1]"): bare says so */
enum host_verdict hostname_relay_ip(const char *text, size_t len, int bare,
				    char ip[HOSTNAME_IP_MAX])
{
	ip[0] = '\0';
	if (text == NULL)
		return HOST_INVALID;
	if (bare && memchr(text, ':', len) != NULL
	    && (len <= HOSTNAME_IPV6_LEN
		|| strncasecmp(text, HOSTNAME_IPV6_TAG, HOSTNAME_IPV6_LEN)
		       != 0))
		return hostname_ip(AF_INET6, text, len, ip);
	return hostname_tagged_ip(text, len, ip);
}

/* hostname_syslog_host - a syslog header's host: a name or an address */
enum host_verdict hostname_syslog_host(const char *name, size_t len,
				       char host[HOSTNAME_MAX + 1])
{
	enum host_verdict v;

	host[0] = '\0';
	if (name == NULL)
		return HOST_INVALID;
	v = hostname_ip(memchr(name, ':', len) != NULL ? AF_INET6 : AF_INET,
			name, len, host);
	if (v == HOST_IP_LITERAL)
		return v;
	return hostname_labels(name, len, 1, host);
}

/* hostname_literal - the verdict on "[...]", brackets included */
static enum host_verdict hostname_literal(const char *lit, size_t len)
{
	if (len < 2 || lit[len - 1] != ']')
		return HOST_INVALID;
	return hostname_tagged_ip(lit + 1, len - 2, NULL);
}

/* hostname_last_at - the last '@' in addr[0..len), or NULL */
static const char *hostname_last_at(const char *addr, size_t len)
{
	while (len > 0) {
		len--;
		if (addr[len] == '@')
			return addr + len;
	}
	return NULL;
}

/* hostname_domain - a sender's domain part: a hostname, or one label
 * (a local host: host[] left empty, since it is no domain) */
static enum host_verdict hostname_domain(const char *domain, size_t len,
					 char host[HOSTNAME_MAX + 1])
{
	if (hostname_normalize(domain, len, host) == HOST_OK)
		return HOST_OK;
	/* At least one label passed where two did not: exactly one. */
	if (hostname_labels(domain, len, 1, host) == HOST_OK) {
		host[0] = '\0';
		return HOST_LOCAL;
	}
	return HOST_INVALID;
}

/* hostname_spelled - a UTF-8 domain as written, ASCII letters lowered
 * and one trailing dot gone (what sendmail and Exim fold: only ASCII),
 * into spelled; "" unless it passed as host */
static void hostname_spelled(const char *domain, size_t len,
			     enum host_verdict verdict,
			     char spelled[HOSTNAME_UTF8_MAX + 1])
{
	spelled[0] = '\0';
	if (verdict != HOST_OK || !hostname_has_high(domain, len))
		return;
	if (len > 0 && domain[len - 1] == '.')
		len--;
	for (size_t i = 0; i < len; i++)
		spelled[i] = hostname_lower((unsigned char)domain[i]);
	spelled[len] = '\0';
}

/* hostname_from_address - the validated domain part of a sender, and
 * its spelling when it was written in UTF-8 */
enum host_verdict hostname_from_address(const char *addr, size_t len,
					char host[HOSTNAME_MAX + 1],
					char spelled[HOSTNAME_UTF8_MAX + 1])
{
	char unescaped[HOSTNAME_UTF8_MAX + 1];
	const char *at;
	const char *domain;
	size_t domain_len;
	enum host_verdict verdict;

	host[0] = '\0';
	spelled[0] = '\0';
	if (addr == NULL)
		return HOST_NONE;
	if (len >= 2 && addr[0] == '<' && addr[len - 1] == '>') {
		addr++;
		len -= 2;
	}
	at = hostname_last_at(addr, len);
	if (at == NULL)
		return HOST_NONE;
	domain = at + 1;
	domain_len = len - (size_t)(domain - addr);
	if (domain_len == 0)
		return HOST_NONE;
	if (domain[0] == '[')
		return hostname_literal(domain, domain_len);
	if (memchr(domain, '\\', domain_len) != NULL
	    || memchr(domain, '#', domain_len) != NULL) {
		long n = hostname_unescape(domain, domain_len, unescaped);

		if (n < 0)
			return HOST_INVALID;
		domain = unescaped;
		domain_len = (size_t)n;
	}
	verdict = hostname_domain(domain, domain_len, host);
	hostname_spelled(domain, domain_len, verdict, spelled);
	return verdict;
}

/* hostname_parent - "b.c" of "a.b.c"; NULL for a single label */
const char *hostname_parent(const char *host)
{
	const char *dot;

	if (host == NULL)
		return NULL;
	dot = strchr(host, '.');
	return dot != NULL && dot[1] != '\0' ? dot + 1 : NULL;
}

/* hostname_next_word - the next hyphen-separated word of label[0..len)
 * from *at on, empty ones skipped; its length, 0 at the end */
size_t hostname_next_word(const char *label, size_t len, size_t *at,
			  const char **word)
{
	size_t start = *at;
	size_t end;

	while (start < len && label[start] == '-')
		start++;
	end = start;
	while (end < len && label[end] != '-')
		end++;
	*word = label + start;
	*at = end;
	return end - start;
}
