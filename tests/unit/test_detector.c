/*
 * test_detector - suspicious labels below a registrable domain: which
 * senders are phishes and which brand they spoof; label lists; learning.
 */
#include <stdio.h>
#include <string.h>

#include "detector.h"
#include "hostname.h"
#include "tap.h"

struct check_case {
	const char *address;	/* envelope sender as logged */
	int want;		/* 1: suspicious */
	const char *phished;	/* when suspicious */
	const char *rule;
	const char *name;
};

static const struct check_case check_cases[] = {
	{"<x@EMALSRV.AA.COM>", 1, "aa.com", "label:emalsrv",
	 "upper-case sender host gives aa.com"},
	{"<x@complains.staples.co.uk>", 1, "staples.co.uk", "label:complains",
	 "co.uk suffix gives staples.co.uk"},
	{"<x@emalsrv.staples.co.uk>", 1, "staples.co.uk", "label:emalsrv",
	 "emalsrv under co.uk"},
	{"<abcdefghijabcdefghijabcdefghijabcdefghij@emalsrv.ups.com>", 1,
	 "ups.com", "label:emalsrv", "a 40-character local part is caught"},
	{"bare@complains.ebay.com", 1, "ebay.com", "label:complains",
	 "a bare address (no <>) is caught"},
	{"<x@emalsrv.adp.com.>", 1, "adp.com", "label:emalsrv",
	 "a trailing dot is removed"},
	{"<Ezra_Holt@emalsrv.marriott.com>", 1, "marriott.com",
	 "label:emalsrv", "the story's July 3rd sender"},
	{"<x@EmalSrv.Wallmart.COM>", 1, "wallmart.com", "label:emalsrv",
	 "mixed case, the spammer's own misspelling"},
	{"<x@complains.mmm.com>", 1, "mmm.com", "label:complains", "3M"},
	{"<x@emalsrv.deep.sub.linkedin.com>", 1, "linkedin.com",
	 "label:emalsrv", "several labels below the brand"},
	{"<x@emalsrv.city.kawasaki.jp>", 1, "city.kawasaki.jp",
	 "label:emalsrv", "exception rule of the suffix list"},
	{"<x@emalsrv.com>", 0, NULL, NULL,
	 "the label is the registrable domain itself"},
	{"<x@complains.co.uk>", 0, NULL, NULL,
	 "label over a public suffix is the registrable domain"},
	{"<x@mail.emalsrv.com>", 0, NULL, NULL,
	 "only the left-most label counts"},
	{"<reservations@marriott.com>", 0, NULL, NULL, "the real brand"},
	{"<messages-noreply@linkedin.com>", 0, NULL, NULL, "ham"},
	{"<x@emalsrvx.marriott.com>", 0, NULL, NULL, "no prefix matching"},
	{"<x@xemalsrv.marriott.com>", 0, NULL, NULL, "no suffix matching"},
};

static void test_check_table(const struct detector *det)
{
	char host[HOSTNAME_MAX + 1];
	char spelled[HOSTNAME_UTF8_MAX + 1];
	char name[256];

	for (size_t i = 0; i < sizeof(check_cases) / sizeof(check_cases[0]);
	     i++) {
		const struct check_case *c = &check_cases[i];
		struct detection d;
		int got;

		memset(&d, 0, sizeof(d));
		if (hostname_from_address(c->address, strlen(c->address), host, spelled)
		    != HOST_OK) {
			tap_ok(0, c->name);
			continue;
		}
		got = detector_check(det, host, &d);
		snprintf(name, sizeof(name), "%s: verdict", c->name);
		tap_is_long(got, c->want, name);
		if (!c->want || !got)
			continue;
		snprintf(name, sizeof(name), "%s: phished domain", c->name);
		tap_is_str(d.phished_domain, c->phished, name);
		snprintf(name, sizeof(name), "%s: registrable", c->name);
		tap_is_str(d.registrable, c->phished, name);
		snprintf(name, sizeof(name), "%s: rule", c->name);
		tap_is_str(d.rule, c->rule, name);
	}
}

struct labels_case {
	const char *list;
	const char *host;	/* checked afterwards */
	const char *name;
	int want;		/* detector_set_labels() */
	int suspicious;		/* detector_check(host) */
};

static const struct labels_case labels_cases[] = {
	{"billing, Notices", "notices.paypal.com",
	 "labels trimmed and lower-cased", 0, 1},
	{"billing, Notices", "billing.paypal.com",
	 "first item", 0, 1},
	{"billing, Notices", "emalsrv.amazon.com",
	 "the list replaces the default set", 0, 0},
	{"\tspaced\t,x-y ", "x-y.example.com",
	 "tabs and spaces", 0, 1},
	{"a1", "a1.example.com",
	 "digits", 0, 1},
	{"bad label", "emalsrv.amazon.com",
	 "a space inside: error, set unchanged", -1, 1},
	{"", "emalsrv.amazon.com",
	 "empty list is an error", -1, 1},
	{"emalsrv,,complains", "emalsrv.amazon.com",
	 "empty item is an error", -1, 1},
	{"emalsrv,", "emalsrv.amazon.com",
	 "trailing comma is an error", -1, 1},
	{" , ", "emalsrv.amazon.com",
	 "blank items are errors", -1, 1},
	{"-x", "emalsrv.amazon.com",
	 "leading hyphen", -1, 1},
	{"x-", "emalsrv.amazon.com",
	 "trailing hyphen", -1, 1},
	{"a.b", "emalsrv.amazon.com",
	 "a dot is not in a label", -1, 1},
	{"under_score", "emalsrv.amazon.com",
	 "underscore", -1, 1},
	{"caf\xc3\xa9", "emalsrv.amazon.com",
	 "byte >= 0x80", -1, 1},
	{"esc\033", "emalsrv.amazon.com",
	 "escape byte", -1, 1},
	{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	 "emalsrv.amazon.com", "64-octet label", -1, 1},
};

static void test_labels_table(void)
{
	char name[256];
	char err[256];

	for (size_t i = 0; i < sizeof(labels_cases) / sizeof(labels_cases[0]);
	     i++) {
		const struct labels_case *c = &labels_cases[i];
		struct detector *det = detector_new();
		struct detection d;
		int got;

		if (!tap_ok(det != NULL, "detector created"))
			return;
		err[0] = '\0';
		got = detector_set_labels(det, c->list, err, sizeof(err));
		snprintf(name, sizeof(name), "set_labels: %s", c->name);
		tap_is_long(got, c->want, name);
		snprintf(name, sizeof(name), "error message says why: %s",
			 c->name);
		tap_ok(c->want == 0 ? err[0] == '\0'
				    : strstr(err, "item") != NULL, name);
		snprintf(name, sizeof(name), "then %s: %s", c->host, c->name);
		tap_is_long(detector_check(det, c->host, &d), c->suspicious,
			    name);
		detector_free(det);
	}
}

static void test_add_and_learn(void)
{
	struct detector *det = detector_new();
	struct detection d;
	char err[64];

	tap_is_long(detector_add_label(det, "Inbound"), 0, "add a label");
	tap_is_long(detector_check(det, "inbound.linkedin.com", &d), 1,
		    "added label is used");
	tap_is_str(d.rule, "label:inbound", "its rule, lower-cased");
	tap_is_long(detector_add_label(det, "in bound"), -1,
		    "invalid label refused");
	tap_is_long(detector_add_label(det, NULL), -1, "NULL label refused");
	tap_is_long(detector_learn_from_host(det, "customercare.linkedin.com"),
		    1, "learned from a blocked subdomain");
	tap_is_long(detector_check(det, "customercare.ups.com", &d), 1,
		    "learned label catches another brand");
	tap_is_str(d.phished_domain, "ups.com", "phished domain of it");
	tap_is_long(detector_learn_from_host(det, "customercare.linkedin.com"),
		    0, "learning the same label again adds nothing");
	tap_is_long(detector_learn_from_host(det, "linkedinmail.com"), 0,
		    "a registrable domain teaches no label");
	tap_is_long(detector_check(det, "linkedinmail.foo.com", &d), 0,
		    "so linkedinmail is no label");
	tap_is_long(detector_learn_from_host(det, "co.uk"), 0,
		    "a public suffix teaches no label");
	tap_is_long(detector_learn_from_host(det, "news.staples.co.uk"), 1,
		    "subdomain under a two-label suffix");
	tap_is_long(detector_set_labels(det, "x,", NULL, 0), -1,
		    "error without a message buffer");
	tap_is_long(detector_set_labels(det, "x", err, 1), 0,
		    "tiny message buffer");
	detector_free(det);
}

static void test_registrable(void)
{
	struct detector *det = detector_new();
	char out[HOSTNAME_MAX + 1];

	tap_is_long(detector_registrable(det, "emalsrv.staples.co.uk", out), 0,
		    "registrable of a subdomain");
	tap_is_str(out, "staples.co.uk", "is staples.co.uk");
	tap_is_long(detector_registrable(det, "marriott.com", out), 0,
		    "registrable of a registrable domain");
	tap_is_str(out, "marriott.com", "is itself");
	tap_is_long(detector_registrable(det, "co.uk", out), -1,
		    "a public suffix has none");
	tap_is_str(out, "", "and out is empty");
	tap_is_long(detector_registrable(det, "com", out), -1, "nor a TLD");
	detector_free(det);
}

int main(void)
{
	struct detector *det = detector_new();

	if (!tap_ok(det != NULL, "detector with the default labels"))
		return tap_done();
	test_check_table(det);
	tap_is_long(detector_check(det, "emalsrv", NULL), 0,
		    "a host without a dot is never suspicious");
	detector_free(det);
	detector_free(NULL);
	test_labels_table();
	test_add_and_learn();
	test_registrable();
	return tap_done();
}
