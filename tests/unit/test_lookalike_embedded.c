/*
 * test_lookalike_embedded - a brand's whole domain at the front of
 * someone else's host (paypal.com.verify-id.info): found at any label
 * below the registrable domain, followed by a dot or a hyphen, for a
 * brand or a family domain; never the brand's label alone, never when
 * the registrable domain imitates a brand itself (that rule is named),
 * never below an allowed domain or a vetted suffix.
 */
#include <stdio.h>

#include "lookalike.h"
#include "lookalike_pairs.h"
#include "tap.h"

#define EMBED LOOKALIKE_EMBEDDED

static const struct pair_case embedded_cases[] = {
    {"paypal.com.verify-id.info", "paypal.com", EMBED, "a dot after it"},
    {"www.paypal.com.verify-id.info", "paypal.com", EMBED, "a label before it"},
    {"paypal.com-login.net", "paypal.com", EMBED, "a hyphen after it"},
    {"metamask.io-restore.net", "metamask.io", EMBED,
     "a hyphen after a two-letter suffix"},
    {"signin.t-mobile.com.a.b.example-mail.top", "t-mobile.com", EMBED,
     "a brand with a hyphen, deep below"},
    {"staples.co.uk.shop-x.com", "staples.co.uk", EMBED,
     "a brand of three labels"},
    {"googlemail.com.inbox-x.net", "google.com", EMBED,
     "a family domain, reported for its brand"},
    {"paypal.com.paypall.com", "paypal.com", "lookalike:typo",
     "the registrable domain's own rule first"},
    {"paypal.zendesk.com", NULL, NULL, "the brand's label alone"},
    {"paypal.company.com", NULL, NULL, "a longer label after it"},
    {"paypalcom.verify-id.info", NULL, NULL, "no dot inside"},
    {"mail.paypal.com", NULL, NULL, "the brand's own host"},
    {"paypal.com", NULL, NULL, "the brand itself"},
    {"paypal.com.walmart.ca", NULL, NULL, "below an allowed domain"},
    {"paypal.com.cs.example.edu", NULL, NULL, "below a vetted suffix"},
    {"verify-id.info", NULL, NULL, "the registrable domain alone"},
    {"a.b.c.d.e.f.g.h.paypal.verify-id.info", NULL, NULL,
     "the label without its suffix"},
};

/* test_long_host - a host of 253 bytes, 127 labels: the brand in its
 * last labels is found, and none in a host with no brand */
static void test_long_host(const struct lookalike *lk)
{
	char host[HOSTNAME_MAX + 1];
	struct detection d;
	size_t n = 0;
	const char *tail = "paypal.com.verify-id.info";

	while (n + 2 + strlen(tail) <= HOSTNAME_MAX) {
		host[n++] = 'a';
		host[n++] = '.';
	}
	snprintf(host + n, sizeof(host) - n, "%s", tail);
	tap_is_long((long)strlen(host), HOSTNAME_MAX,
		    "the long host has 253 bytes");
	tap_is_long(lookalike_check(lk, host, &d), 1,
		    "a brand after 114 one-letter labels is found");
	tap_is_str(d.rule, EMBED, "by the embedded rule");
	host[n] = '\0';
	snprintf(host + n, sizeof(host) - n, "%s", "x-y.verify-id.info");
	tap_is_long(lookalike_check(lk, host, &d), 0,
		    "a long host with no brand in it is none");
}

/* test_zones - what the access line blocks: the domain after the
 * brand's when it lies below the registrable domain (a hoster's
 * customer), else the registrable domain */
static void test_zones(const struct lookalike *lk)
{
	static const char *const cases[][2] = {
	    {"paypal.com.verify-id.info", "verify-id.info"},
	    {"www.paypal.com.verify-id.info", "verify-id.info"},
	    {"paypal.com.u12.cp.hoster.ru", "u12.cp.hoster.ru"},
	    {"x.paypal.com.u12.hoster.ru", "u12.hoster.ru"},
	    {"paypal.com-login.net", "com-login.net"},
	    {"metamask.io-restore.net", "io-restore.net"},
	    {"paypal.com.x-y.verify-id.info", "x-y.verify-id.info"},
	};
	char name[128];

	for (size_t i = 0; i < TEST_COUNT(cases); i++) {
		struct detection d;

		memset(&d, 0, sizeof(d));
		snprintf(name, sizeof(name), "%s: the access line blocks %s",
			 cases[i][0], cases[i][1]);
		if (tap_is_long(lookalike_check(lk, cases[i][0], &d), 1, name))
			tap_is_str(d.registrable, cases[i][1], name);
	}
}

/* test_many - brands and family domains added after the filter of
 * their domains was rebuilt many times are found, the first and the
 * last alike */
static void test_many(void)
{
	struct lookalike *lk = lookalike_new();
	char name[64];
	char host[128];
	struct detection d;
	int failed = 0;

	if (lk == NULL)
		exit(2);
	for (int i = 0; i < 3000 && !failed; i++) {
		snprintf(name, sizeof(name), "brand%04dq.com", i);
		failed |= lookalike_add_brand(lk, name) != 1;
		snprintf(host, sizeof(host), "brand%04dq-own.net", i);
		failed |= lookalike_add_own(lk, name, host) != 1;
	}
	tap_is_long(failed, 0, "3000 brands and 3000 family domains added");
	for (int i = 0; i < 3000; i += 2999) {
		snprintf(host, sizeof(host), "brand%04dq.com.verify-id.info",
			 i);
		snprintf(name, sizeof(name), "brand%04dq.com", i);
		tap_is_long(lookalike_check(lk, host, &d), 1, host);
		tap_is_str(d.phished_domain, name, "its brand");
		snprintf(host, sizeof(host), "brand%04dq-own.net-x.info", i);
		tap_is_long(lookalike_check(lk, host, &d), 1, host);
		tap_is_str(d.phished_domain, name, "the family domain's brand");
	}
	lookalike_free(lk);
}

int main(void)
{
	struct lookalike *lk = test_fill();

	if (lookalike_add_brand(lk, "metamask.io") != 1
	    || lookalike_add_brand(lk, "google.com") != 1
	    || lookalike_add_own(lk, "google.com", "googlemail.com") != 1)
		return 2;
	test_pairs(lk, embedded_cases, TEST_COUNT(embedded_cases));
	test_long_host(lk);
	test_zones(lk);
	lookalike_free(lk);
	test_many();
	return tap_done();
}
