/*
 * fuzz/lookalike.c - the lookalike rules on hostile sender domains.
 *
 * DESCRIPTION
 *	Each input, up to its first newline, is a sender's domain as a log
 *	line carries it: it passes the same gate as in phishwatch
 *	(hostname_normalize(): UTF-8 mapped to A-labels) and then
 *	lookalike_owned() and lookalike_check() against the shipped
 *	brands (data/brands) and a few more whose labels have hyphens, a
 *	country code for a suffix or two letters (the combination rules'
 *	words, spelled suffixes and names) or are A-labels (their ASCII
 *	readings are targets too), loaded once.  Every verdict
 *	must name a brand and a rule of bounded length; the rest of the
 *	input, if any, is learned as a brand (bounded by
 *	--max-learned-brands' default), so the learned index is fuzzed
 *	too.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "brandfile.h"
#include "detector.h"
#include "fuzzsay.h"
#include "hostname.h"
#include "lookalike.h"

#define FUZZ_BRANDS "data/brands"

/* Brands the shipped list has no label like. */
static const char *const fuzz_brands[] = {
    "litecoin-foundation.org",
    "bank-maskan.ir",
    "metamask.io",
    "reka-ui.com",
    "ee.co.uk",
    "myetherwallet.com",
    "xn--mnchner-bank-dlb.de",
    "xn--80abap1arsf.xn--p1ai",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* fuzz_index - the brands, loaded on the first input and kept */
static struct lookalike *fuzz_index(void)
{
	static const struct say_to say = {fuzz_say, NULL};
	static struct lookalike *lk;
	const char *file = getenv("PHISHWATCH_BRANDS");

	if (lk != NULL)
		return lk;
	lk = lookalike_new();
	if (lk == NULL
	    || brandfile_load(lk, file != NULL ? file : FUZZ_BRANDS, &say, NULL)
		   < 0)
		abort();
	for (size_t i = 0; i < sizeof(fuzz_brands) / sizeof(fuzz_brands[0]);
	     i++)
		if (lookalike_add_brand(lk, fuzz_brands[i]) < 0)
			abort();
	return lk;
}

/* fuzz_judge - the verdict on name[0..len), checked */
static void fuzz_judge(struct lookalike *lk, const char *name, size_t len)
{
	char host[HOSTNAME_MAX + 1];
	struct detection d;

	if (hostname_normalize(name, len, host) != HOST_OK
	    || lookalike_owned(lk, host))
		return;
	memset(&d, 0, sizeof(d));
	if (!lookalike_check(lk, host, &d))
		return;
	if (d.phished_domain[0] == '\0' || d.rule[0] == '\0'
	    || strnlen(d.rule, sizeof(d.rule)) == sizeof(d.rule)
	    || strnlen(d.phished_domain, sizeof(d.phished_domain))
		   == sizeof(d.phished_domain))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lookalike *lk = fuzz_index();
	const char *text = (const char *)data;
	const char *nl = memchr(text, '\n', size);
	size_t len = nl != NULL ? (size_t)(nl - text) : size;
	char learned[HOSTNAME_MAX + 1];
	char host[HOSTNAME_MAX + 1];
	size_t rest;

	fuzz_judge(lk, text, len);
	if (nl == NULL)
		return 0;
	rest = size - len - 1;
	if (rest > HOSTNAME_MAX)
		rest = HOSTNAME_MAX;
	memcpy(learned, nl + 1, rest);
	learned[rest] = '\0';
	if (hostname_normalize(learned, rest, host) == HOST_OK
	    && lookalike_learn_brand(lk, host) >= 0)
		fuzz_judge(lk, text, len);
	return 0;
}
