/*
 * test_hostname - sender hosts from addresses: what passes the gate
 * (lower-cased, trailing dot gone) and what never does (quotes,
 * backslashes, escapes, spaces, high bytes, over-long names).
 */
#include <stdio.h>
#include <string.h>

#include "hostname.h"
#include "tap.h"

struct address_case {
	const char *addr;
	size_t len;		/* 0: strlen(addr) */
	enum host_verdict want;
	const char *host;	/* expected host[] */
	const char *name;
};

static const struct address_case address_cases[] = {
	{"<x@EMALSRV.AA.COM>", 0, HOST_OK, "emalsrv.aa.com",
	 "upper case is lowered (acceptance: aa.com campaign)"},
	{"<x@complains.staples.co.uk>", 0, HOST_OK, "complains.staples.co.uk",
	 "multi-label public suffix kept whole"},
	{"<abcdefghijabcdefghijabcdefghijabcdefghij@emalsrv.ups.com>", 0,
	 HOST_OK, "emalsrv.ups.com", "40-character local part"},
	{"bare@complains.ebay.com", 0, HOST_OK, "complains.ebay.com",
	 "bare address without <>"},
	{"<x@emalsrv.adp.com.>", 0, HOST_OK, "emalsrv.adp.com",
	 "trailing dot removed"},
	{"<\"a@b\"@emalsrv.ups.com>", 0, HOST_OK, "emalsrv.ups.com",
	 "domain part is after the last @"},
	{"<@relay.example,@hop.example:u@Dest.Example>", 0, HOST_OK,
	 "dest.example", "source route: the final host"},
	{"<x@xn--bcher-kva.example>", 0, HOST_OK, "xn--bcher-kva.example",
	 "punycode label"},
	{"<x@a-b.c-d.example>", 0, HOST_OK, "a-b.c-d.example",
	 "inner hyphens"},
	{"<x@1.2.3.example>", 0, HOST_OK, "1.2.3.example",
	 "numeric labels below a real TLD"},
	{"<>", 0, HOST_NONE, "", "null sender"},
	{"MAILER-DAEMON", 0, HOST_NONE, "", "local user without @"},
	{"<user@>", 0, HOST_NONE, "", "empty domain part"},
	{"", 0, HOST_NONE, "", "empty address"},
	{"<x@[192.0.2.1]>", 0, HOST_IP_LITERAL, "", "IPv4 literal"},
	{"x@[IPv6:2001:db8::1]", 0, HOST_IP_LITERAL, "", "IPv6 literal"},
	{"x@[ipv6:::ffff:192.0.2.1]", 0, HOST_IP_LITERAL, "",
	 "IPv6 tag case-insensitive"},
	{"x@[192.0.2.300]", 0, HOST_INVALID, "", "bad IPv4 literal"},
	{"x@[evil.example]", 0, HOST_INVALID, "", "name in brackets"},
	{"x@[IPv6:]", 0, HOST_INVALID, "", "empty IPv6 literal"},
	{"x@[192.0.2.1", 0, HOST_INVALID, "", "unclosed literal"},
	{"<x@emalsrv.evil\"com>", 0, HOST_INVALID, "", "double quote"},
	{"<x@emalsrv.evil\\ncom.example>", 0, HOST_INVALID, "",
	 "backslash-n written out"},
	{"<x@emalsrv.evil\ncom.example>", 0, HOST_INVALID, "",
	 "real newline"},
	{"<x@emalsrv.\033[31mred.example>", 0, HOST_INVALID, "",
	 "ANSI escape"},
	{"<x@emalsrv.bad_host.example>", 0, HOST_INVALID, "", "underscore"},
	{"<x@b\xc3\xbc" "cher.de>", 0, HOST_OK, "xn--bcher-kva.de",
	 "UTF-8 (SMTPUTF8): its A-labels"},
	{"<c@b\\303\\274cher.de>", 0, HOST_OK, "xn--bcher-kva.de",
	 "sendmail's octal escapes of UTF-8, read back"},
	{"<b@p\\320\\260ypal.com>", 0, HOST_OK, "xn--pypal-4ve.com",
	 "sendmail's escapes of a Cyrillic a (a real sm-mta line)"},
	{"<b@p#320#260ypal.com>", 0, HOST_OK, "xn--pypal-4ve.com",
	 "rsyslog's escapes of 8-bit bytes (#ooo), read back"},
	{"<x@evil#041.example>", 0, HOST_INVALID, "",
	 "rsyslog's escape of a control byte stays a '#'"},
	{"<x@evil\\101.example>", 0, HOST_INVALID, "",
	 "an escape of an ASCII byte is no sendmail's: a backslash"},
	{"<x@b\\303\\27cher.de>", 0, HOST_INVALID, "",
	 "an escape cut short stays a backslash"},
	{"<x@\\303\\050x.example>", 0, HOST_INVALID, "",
	 "escapes that make no UTF-8"},
	{"<x@\\233[31m.example>", 0, HOST_INVALID, "",
	 "an escaped C1 control (CSI)"},
	{"<x@emal srv.example>", 0, HOST_INVALID, "", "space"},
	{"<x@emalsrv.example >", 0, HOST_INVALID, "", "trailing space"},
	{"<x@\xc3\xa9malsrv.example>", 0, HOST_OK, "xn--malsrv-9ua.example",
	 "UTF-8: the U-label as its A-label (UTS #46)"},
	{"<x@marr\xd1\x96ott.com>", 0, HOST_OK, "xn--marrott-uog.com",
	 "UTF-8: a Cyrillic i, as the A-label"},
	{"<x@B\xc3\x9c" "CHER.de>", 0, HOST_OK, "xn--bcher-kva.de",
	 "UTF-8 in upper case: mapped to lower case"},
	{"<x@emalsrv.\xc3.com>", 0, HOST_INVALID, "", "UTF-8 cut short"},
	{"<x@\xc3\xa9_x.example>", 0, HOST_INVALID, "",
	 "UTF-8 with an underscore"},
	{"<x@\xe2\x80\xae.example>", 0, HOST_INVALID, "",
	 "UTF-8 of a format character (RLO)"},
	{"<x@emalsrv.\xff.com>", 0, HOST_INVALID, "", "byte 0xff"},
	{"<x@emalsrv.ex\0ample.com>", 24, HOST_INVALID, "", "NUL byte"},
	{"<x@localhost>", 0, HOST_LOCAL, "", "single label: a local host"},
	{"root@vm", 0, HOST_LOCAL, "", "cron mail from a short name"},
	{"<root@VM.>", 0, HOST_LOCAL, "", "single label, trailing dot"},
	{"<x@v_m>", 0, HOST_INVALID, "", "single label with underscore"},
	{"<x@-vm>", 0, HOST_INVALID, "", "single label, leading hyphen"},
	{"<x@v\033[31mm>", 0, HOST_INVALID, "", "single label, escape"},
	{"<x@123>", 0, HOST_INVALID, "", "single label, all digits"},
	{"<x@192.0.2.1>", 0, HOST_INVALID, "", "dotted quad, no brackets"},
	{"<x@a..example>", 0, HOST_INVALID, "", "empty label"},
	{"<x@.a.example>", 0, HOST_INVALID, "", "leading dot"},
	{"<x@a.example..>", 0, HOST_INVALID, "", "two trailing dots"},
	{"<x@.>", 0, HOST_INVALID, "", "only a dot"},
	{"<x@-a.example>", 0, HOST_INVALID, "", "leading hyphen"},
	{"<x@a-.example>", 0, HOST_INVALID, "", "trailing hyphen"},
	{"<x@a.example->", 0, HOST_INVALID, "", "hyphen at the end of TLD"},
	{"<x@a.example", 0, HOST_OK, "a.example",
	 "a stray < is part of the local part"},
	{"x@a.example>", 0, HOST_INVALID, "", "> without <"},
	{"<x@a\\.example>", 0, HOST_INVALID, "", "backslash"},
	{"<x@a.example,>", 0, HOST_INVALID, "", "comma"},
};

/* long_name - total octets: labels of label_len 'a's joined by dots */
static void long_name(char *buf, size_t total, size_t label_len)
{
	for (size_t i = 0; i < total; i++)
		buf[i] = (i + 1) % (label_len + 1) == 0 ? '.' : 'a';
	buf[total - 1] = 'a';
	buf[total] = '\0';
}

static void test_address_table(void)
{
	char host[HOSTNAME_MAX + 1];
	char name[256];
	char spelled[HOSTNAME_UTF8_MAX + 1];

	for (size_t i = 0; i < sizeof(address_cases) / sizeof(address_cases[0]);
	     i++) {
		const struct address_case *c = &address_cases[i];
		size_t len = c->len != 0 ? c->len : strlen(c->addr);
		enum host_verdict got;

		memset(host, 'X', sizeof(host));
		got = hostname_from_address(c->addr, len, host, spelled);
		snprintf(name, sizeof(name), "verdict: %s", c->name);
		tap_is_long(got, c->want, name);
		snprintf(name, sizeof(name), "host: %s", c->name);
		tap_is_str(host, c->host, name);
	}
}

static void test_lengths(void)
{
	char name[400];
	char addr[420];
	char host[HOSTNAME_MAX + 1];
	char spelled[HOSTNAME_UTF8_MAX + 1];

	/* 63-octet labels pass, 64 do not. */
	memset(name, 'a', 63);
	memcpy(name + 63, ".example", 9);
	tap_is_long(hostname_normalize(name, strlen(name), host), HOST_OK,
		    "63-octet label passes");
	memset(name, 'a', 64);
	memcpy(name + 64, ".example", 9);
	tap_is_long(hostname_normalize(name, strlen(name), host), HOST_INVALID,
		    "64-octet label fails");
	/* 253 octets pass, 254 fail; 253 plus a trailing dot pass. */
	long_name(name, 253, 50);
	tap_is_long(hostname_normalize(name, 253, host), HOST_OK,
		    "253-octet name passes");
	tap_is_long((long) strlen(host), 253, "all of it kept");
	name[253] = '.';
	name[254] = '\0';
	tap_is_long(hostname_normalize(name, 254, host), HOST_OK,
		    "253 octets and a trailing dot pass");
	long_name(name, 254, 50);
	tap_is_long(hostname_normalize(name, 254, host), HOST_INVALID,
		    "254-octet name fails");
	/* A 300-character host, as a spammer might send. */
	snprintf(addr, sizeof(addr), "<x@emalsrv.");
	memset(addr + strlen(addr), 'a', 300);
	memcpy(addr + 11 + 300, ".com>", 6);
	tap_is_long(hostname_from_address(addr, strlen(addr), host, spelled),
		    HOST_INVALID, "300-character host fails");
	tap_is_str(host, "", "and leaves host empty");
}

struct normalize_case {
	const char *name;
	enum host_verdict want;
	const char *host;
};

static const struct normalize_case normalize_cases[] = {
	{"Mail.Example.COM", HOST_OK, "mail.example.com"},
	{"mail.example.com.", HOST_OK, "mail.example.com"},
	{"eu1sysamx113.postini.com", HOST_OK, "eu1sysamx113.postini.com"},
	{"example.123", HOST_INVALID, ""},
	{"example.c0m", HOST_OK, "example.c0m"},
	{"", HOST_INVALID, ""},
	{".", HOST_INVALID, ""},
	{"com", HOST_INVALID, ""},
	{"[192.0.2.1]", HOST_INVALID, ""},
	{"a.b", HOST_OK, "a.b"},
};

static void test_normalize_table(void)
{
	char host[HOSTNAME_MAX + 1];
	char name[128];

	for (size_t i = 0;
	     i < sizeof(normalize_cases) / sizeof(normalize_cases[0]); i++) {
		const struct normalize_case *c = &normalize_cases[i];

		snprintf(name, sizeof(name), "normalize \"%s\"", c->name);
		tap_is_long(hostname_normalize(c->name, strlen(c->name), host),
			    c->want, name);
		tap_is_str(host, c->host, name);
	}
	tap_is_long(hostname_normalize("a.example.com", 9, host), HOST_OK,
		    "normalize honours the length (\"a.example\")");
	tap_is_str(host, "a.example", "only len bytes are read");
	tap_is_long(hostname_normalize(NULL, 0, host), HOST_INVALID,
		    "NULL name");
}

/* The other hosts and addresses of a line: relay addresses as the MTAs
 * write them (sendmail tags IPv6, Postfix and Exim do not), syslog
 * header hosts.  HOST_OK or HOST_IP_LITERAL give the
 * canonical text. */
static const struct normalize_case relay_cases[] = {
	{"192.0.2.1", HOST_IP_LITERAL, "192.0.2.1"},
	{"IPv6:2001:DB8:0:0::1", HOST_IP_LITERAL, "2001:db8::1"},
	{"ipv6:::ffff:192.0.2.1", HOST_IP_LITERAL, "::ffff:192.0.2.1"},
	{"dead.beef", HOST_INVALID, ""},
	{"2001:db8::1", HOST_INVALID, ""},	/* sendmail tags IPv6 */
	{"::1", HOST_INVALID, ""},
	{"IPv6:192.0.2.1", HOST_INVALID, ""},
	{"IPv6:", HOST_INVALID, ""},
	{"IPv6:2001:db8::1%eth0", HOST_INVALID, ""},
	{"192.0.2.01", HOST_INVALID, ""},
	{"1.2.3", HOST_INVALID, ""},
	{"192.0.2.1 ", HOST_INVALID, ""},
	{"", HOST_INVALID, ""},
	{"IPv6:1:2:3:4:5:6:7:8:9:0:1:2:3:4:5:6:7:8:9:0:1:2:3:4:5:6", HOST_INVALID, ""},
};

/* The same from an MTA that writes IPv6 bare: Postfix's
 * client=host[2001:db8::1], Exim's H=host [::1]; the tag still read. */
static const struct normalize_case bare_cases[] = {
	{"2001:DB8::1", HOST_IP_LITERAL, "2001:db8::1"},
	{"::1", HOST_IP_LITERAL, "::1"},
	{"IPv6:2001:DB8:0:0::1", HOST_IP_LITERAL, "2001:db8::1"},
	{"192.0.2.1", HOST_IP_LITERAL, "192.0.2.1"},
	{"2001:db8::1%eth0", HOST_INVALID, ""},
	{"2001:db8::1:", HOST_INVALID, ""},
	{":", HOST_INVALID, ""},
	{"IPv6:", HOST_INVALID, ""},
	{"dead:beef:zz::1", HOST_INVALID, ""},
};

static const struct normalize_case syslog_cases[] = {
	{"mx1", HOST_OK, "mx1"},
	{"MX4.Example.", HOST_OK, "mx4.example"},
	{"mail-1.example.org", HOST_OK, "mail-1.example.org"},
	{"192.0.2.7", HOST_IP_LITERAL, "192.0.2.7"},
	{"2001:DB8::5", HOST_IP_LITERAL, "2001:db8::5"},
	{"mx1..-evil-", HOST_INVALID, ""},
	{"-mx2", HOST_INVALID, ""},
	{"mx5_x", HOST_INVALID, ""},
	{"mx..", HOST_INVALID, ""},
	{"192.0.2.300", HOST_INVALID, ""},
	{"123", HOST_INVALID, ""},
	{"IPv6:2001:db8::1", HOST_INVALID, ""},
	{"", HOST_INVALID, ""},
	{".", HOST_INVALID, ""},
};

static void test_other_fields(void)
{
	char out[HOSTNAME_MAX + 1];
	char name[160];
	size_t n;

	n = sizeof(relay_cases) / sizeof(relay_cases[0]);
	for (size_t i = 0; i < n; i++) {
		const struct normalize_case *c = &relay_cases[i];

		snprintf(name, sizeof(name), "relay address \"%s\"", c->name);
		tap_is_long(hostname_relay_ip(c->name, strlen(c->name), 0,
					      out), c->want, name);
		tap_is_str(out, c->host, name);
	}
	n = sizeof(bare_cases) / sizeof(bare_cases[0]);
	for (size_t i = 0; i < n; i++) {
		const struct normalize_case *c = &bare_cases[i];

		snprintf(name, sizeof(name), "relay address \"%s\", IPv6 "
			 "written bare", c->name);
		tap_is_long(hostname_relay_ip(c->name, strlen(c->name), 1,
					      out), c->want, name);
		tap_is_str(out, c->host, name);
	}
	n = sizeof(syslog_cases) / sizeof(syslog_cases[0]);
	for (size_t i = 0; i < n; i++) {
		const struct normalize_case *c = &syslog_cases[i];

		snprintf(name, sizeof(name), "syslog host \"%s\"", c->name);
		tap_is_long(hostname_syslog_host(c->name, strlen(c->name), out),
			    c->want, name);
		tap_is_str(out, c->host, name);
	}
	tap_is_long(hostname_relay_ip(NULL, 0, 1, out), HOST_INVALID,
		    "relay address NULL");
	tap_is_long(hostname_syslog_host(NULL, 0, out), HOST_INVALID,
		    "syslog host NULL");
	tap_is_long(hostname_syslog_host("mx1.example.org", 3, out), HOST_OK,
		    "syslog host honours the length");
	tap_is_str(out, "mx1", "only len bytes are read");
}

/* The bounds that the one pass over a usual name decides itself: what
 * it takes must be what the label checks take, and what it refuses is
 * still decided by them (a high byte: an IDN). */
static const struct normalize_case one_pass_cases[] = {
	{"Mail-1.Example.ORG", HOST_OK, "mail-1.example.org"},
	{"a.b.", HOST_OK, "a.b"},
	{"a.b..", HOST_INVALID, ""},
	{".a.b", HOST_INVALID, ""},
	{"a..b", HOST_INVALID, ""},
	{"a.-b.example", HOST_INVALID, ""},
	{"a.b-.example", HOST_INVALID, ""},
	{"a.example-", HOST_INVALID, ""},
	{"a.-example", HOST_INVALID, ""},
	{"1.2", HOST_INVALID, ""},
	{"a.12", HOST_INVALID, ""},
	{"1.a2", HOST_OK, "1.a2"},
	{"12.a.3b", HOST_OK, "12.a.3b"},
	{"a-.", HOST_INVALID, ""},
	{"a_b.example", HOST_INVALID, ""},
	{"b\xc3\xbc" "cher.example", HOST_OK, "xn--bcher-kva.example"},
	{"B\xc3\x9c" "CHER.example", HOST_OK, "xn--bcher-kva.example"},
};

/* name: labels of label_len and one of last_len, dots between */
static void labels_name(char *buf, size_t label_len, size_t last_len)
{
	memset(buf, 'a', label_len);
	buf[label_len] = '.';
	memset(buf + label_len + 1, 'b', last_len);
	buf[label_len + 1 + last_len] = '\0';
}

static void test_one_pass(void)
{
	char host[HOSTNAME_MAX + 1];
	char name[160];
	char buf[140];

	for (size_t i = 0;
	     i < sizeof(one_pass_cases) / sizeof(one_pass_cases[0]); i++) {
		const struct normalize_case *c = &one_pass_cases[i];

		snprintf(name, sizeof(name), "one pass \"%s\"", c->name);
		tap_is_long(hostname_normalize(c->name, strlen(c->name), host),
			    c->want, name);
		tap_is_str(host, c->host, name);
	}
	labels_name(buf, 63, 63);
	tap_is_long(hostname_normalize(buf, strlen(buf), host), HOST_OK,
		    "one pass: labels of 63 octets");
	labels_name(buf, 64, 3);
	tap_is_long(hostname_normalize(buf, strlen(buf), host), HOST_INVALID,
		    "one pass: a first label of 64 octets");
	labels_name(buf, 3, 64);
	tap_is_long(hostname_normalize(buf, strlen(buf), host), HOST_INVALID,
		    "one pass: a last label of 64 octets");
	tap_is_long(hostname_syslog_host("Mx7", 3, host), HOST_OK,
		    "one pass: one label where one is enough");
	tap_is_str(host, "mx7", "one pass: one label lowered");
	tap_is_long(hostname_normalize("mx7", 3, host), HOST_INVALID,
		    "one pass: one label where two are needed");
}

static void test_parent(void)
{
	static const char *const chain[] = {
		"emalsrv.staples.co.uk", "staples.co.uk", "co.uk", "uk", NULL
	};
	const char *d = chain[0];
	int i = 0;

	while (d != NULL) {
		tap_is_str(d, chain[i], "parent chain");
		d = hostname_parent(d);
		i++;
	}
	tap_ok(chain[i] == NULL, "chain ends after the last label");
	tap_ok(hostname_parent("uk") == NULL, "no parent of a single label");
	tap_ok(hostname_parent("uk.") == NULL, "no empty parent");
	tap_ok(hostname_parent(NULL) == NULL, "NULL host");
}

/* The spelling of a domain written in UTF-8, escaped or not. */
static void test_spelled(void)
{
	static const struct {
		const char *addr;
		const char *spelled;
		const char *name;
	} cases[] = {
	    {"<x@B\xc3\xbc" "cher.DE.>", "b\xc3\xbc" "cher.de",
	     "raw UTF-8: ASCII lowered, the trailing dot gone"},
	    {"<c@b\\303\\274cher.de>", "b\xc3\xbc" "cher.de",
	     "sendmail's escaped UTF-8, read back"},
	    {"<d@P\xd0\x90YPAL.COM>", "p\xd0\x90ypal.com",
	     "a capital Cyrillic A stays: sendmail and Exim fold ASCII only"},
	    {"<x@xn--bcher-kva.de>", "", "none for the A-label spelling"},
	    {"<b\xc3\xbc@emalsrv.marriott.com>", "",
	     "none for a UTF-8 local part"},
	    {"<x@b\xc3\xbc" "cher>", "", "none for a local host"},
	    {"<>", "", "none for the null sender"},
	};
	char host[HOSTNAME_MAX + 1];
	char spelled[HOSTNAME_UTF8_MAX + 1];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		memset(spelled, 'X', sizeof(spelled));
		hostname_from_address(cases[i].addr, strlen(cases[i].addr),
				      host, spelled);
		tap_is_str(spelled, cases[i].spelled, cases[i].name);
	}
}

/* The spelling a UTF-8 sender used, back from the A-labels. */
static void test_ulabels(void)
{
	char out[HOSTNAME_UTF8_MAX + 1];

	tap_is_long(hostname_to_ulabels("sub.xn--pypal-4ve.com", out), 0,
		    "U-labels of a host with an A-label");
	tap_is_str(out, "sub.p\xd0\xb0ypal.com", "... the Cyrillic a again");
	tap_is_long(hostname_to_ulabels("emalsrv.marriott.com", out), 0,
		    "an ASCII host");
	tap_is_str(out, "emalsrv.marriott.com", "... is its own spelling");
	tap_is_long(hostname_to_ulabels("xn--zz.com", out), -1,
		    "an A-label that decodes to nothing is refused");
}

int main(void)
{
	test_address_table();
	test_spelled();
	test_ulabels();
	test_lengths();
	test_normalize_table();
	test_other_fields();
	test_one_pass();
	test_parent();
	return tap_done();
}
