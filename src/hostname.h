/*
 * hostname - sender hosts taken from addresses and validated.
 *
 * DESCRIPTION
 *	The envelope sender is written by whoever connects to port 25.
 *	Nothing of it may reach an event, the store or an access suggestion
 *	until it passes here: the domain part is taken after the last "@",
 *	lower-cased, its trailing dot removed, and accepted only as a
 *	hostname of LDH labels (letters, digits, hyphen; no leading or
 *	trailing hyphen), each at most 63 octets, 253 in all, with at
 *	least two labels and a TLD that is not all digits.  IP literals
 *	([1.2.3.4], [IPv6:...]) are recognised and reported as such.
 *	The other hosts and addresses a log line gives (the syslog
 *	header's host, the relay's address) pass here too, each by the
 *	rules of the field.
 *	UTF-8 names (SMTPUTF8 senders) are mapped to their A-labels by
 *	UTS #46 first, so a@b\xc3\xbccher.de and a@xn--bcher-kva.de are one
 *	host; sendmail's and rsyslog's octal escapes of such bytes are read
 *	back.  The spelling a sender used is told apart, for the MTAs'
 *	tables, which match it and not the A-labels.
 */
#ifndef PHISHWATCH_HOSTNAME_H
#define PHISHWATCH_HOSTNAME_H

#include <stddef.h>

#define HOSTNAME_MAX       253 /* RFC 1035, without the trailing dot */
#define HOSTNAME_IP_MAX    46  /* INET6_ADDRSTRLEN: an address as text */
#define HOSTNAME_LABEL_MAX 63  /* RFC 1035 */
/* A UTF-8 name longer than this cannot map to a 253-octet host (four
 * octets a character at most, and an A-label is never shorter). */
#define HOSTNAME_UTF8_MAX (4 * HOSTNAME_MAX)

enum host_verdict {
	HOST_OK = 0,     /* host[] holds a valid lower-case hostname */
	HOST_NONE,       /* no domain part: null sender, local user */
	HOST_IP_LITERAL, /* a [...] literal: never a phished domain */
	HOST_LOCAL,      /* one LDH label (root@vm, cron mail): a
				 * local host, never a phished domain */
	HOST_INVALID     /* anything else: counted, never reported */
};

/*
 * hostname_from_address - the validated sender host of addr[0..len)
 * (with or without <>), into host (HOSTNAME_MAX + 1 bytes); when its
 * domain part was written in UTF-8 (sendmail's or rsyslog's octal
 * escapes read back), which host holds as A-labels, that spelling into spelled
 * (ASCII letters lowered, no trailing dot), else "" there.
 */
enum host_verdict hostname_from_address(const char *addr, size_t len,
					char host[HOSTNAME_MAX + 1],
					char spelled[HOSTNAME_UTF8_MAX + 1]);

/*
 * hostname_to_ulabels - a validated host with its A-labels written as
 * UTF-8 U-labels (UTS #46: NFC, lower case) into out: the spelling of
 * a sender who wrote it in UTF-8; 0, or -1 when it cannot be decoded.
 */
int hostname_to_ulabels(const char *host, char out[HOSTNAME_UTF8_MAX + 1]);

/*
 * hostname_normalize - validate and lower-case name[0..len), strip one
 * trailing dot, into host; HOST_OK or HOST_INVALID.
 */
enum host_verdict hostname_normalize(const char *name, size_t len,
				     char host[HOSTNAME_MAX + 1]);

/*
 * hostname_relay_ip - a relay's address as an MTA writes it inside
 * [...]: a dotted quad, "IPv6:" and an IPv6 address (sendmail), or, when
 * bare is set, a bare IPv6 address too (Postfix, Exim; a bare one on a
 * line of an MTA that tags IPv6 is refused), checked with inet_pton() and
 * written back in its canonical form (inet_ntop(), without the tag) into
 * ip; HOST_IP_LITERAL or HOST_INVALID.
 */
enum host_verdict hostname_relay_ip(const char *text, size_t len, int bare,
				    char ip[HOSTNAME_IP_MAX]);

/*
 * hostname_syslog_host - the HOSTNAME of a syslog header: one or more
 * LDH labels (a short name such as "mx1" is fine) whose last one is not
 * all digits, lower-cased, one trailing dot removed, into host
 * (HOST_OK); or an IPv4 or IPv6 address, as syslog daemons write a
 * peer without a name, in canonical form (HOST_IP_LITERAL); else
 * HOST_INVALID and host[] is empty.
 */
enum host_verdict hostname_syslog_host(const char *name, size_t len,
				       char host[HOSTNAME_MAX + 1]);

/* hostname_has_high - a byte of name[0..len) is 0x80 or above: UTF-8,
 * or no text at all */
int hostname_has_high(const char *name, size_t len);

/* hostname_idn2_take - the NUL-terminated s that libidn2 allocated
 * copied into out (max bytes, then a NUL) and freed; its length, or -1
 * when it is longer than max */
long hostname_idn2_take(char *s, char *out, size_t max);

/* hostname_next_word - the next hyphen-separated word of label[0..len)
 * from *at on, empty ones skipped: its start in *word, *at moved past
 * it; its length, or 0 when no word is left (paypal--com-2: paypal,
 * com, 2) */
size_t hostname_next_word(const char *label, size_t len, size_t *at,
			  const char **word);

/* hostname_parent - the parent domain of a host ("b.c" of "a.b.c"), or
 * NULL at the last label; a pointer into host */
const char *hostname_parent(const char *host);

#endif
