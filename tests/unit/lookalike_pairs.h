/*
 * lookalike_pairs.h - what the lookalike unit tests share: a table of
 * (sender host, brand it imitates, rule) pairs and its check, and an
 * index filled with the brands of the story and the site's allow list.
 */
#ifndef PHISHWATCH_TEST_LOOKALIKE_PAIRS_H
#define PHISHWATCH_TEST_LOOKALIKE_PAIRS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lookalike.h"
#include "tap.h"

#define TEST_COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct pair_case {
	const char *host;	/* validated sender host */
	const char *brand;	/* the brand it imitates; NULL: none */
	const char *rule;
	const char *why;
};

#define TLD "lookalike:tld-swap"
#define AFFIX "lookalike:affix-mail"
#define GLYPH "lookalike:homoglyph"
#define TYPO "lookalike:typo"
#define COMBO "lookalike:combo"

/* test_fill_list - a lookalike with brands[0..n) added, in that order */
static __attribute__((unused)) struct lookalike *
test_fill_list(const char *const *brands, size_t n)
{
	struct lookalike *lk = lookalike_new();

	if (lk == NULL)
		exit(2);
	for (size_t i = 0; i < n; i++)
		if (lookalike_add_brand(lk, brands[i]) != 1)
			exit(2);
	return lk;
}

/* test_fill_marked - a lookalike with brands[0..n) added, and
 * words[0..m) of them marked common words (!word in a brands file) */
static __attribute__((unused)) struct lookalike *
test_fill_marked(const char *const *brands, size_t n, const char *const *words,
		 size_t m)
{
	struct lookalike *lk = test_fill_list(brands, n);

	for (size_t i = 0; i < m; i++)
		if (lookalike_set_word(lk, words[i]) != 0)
			exit(2);
	return lk;
}

/* test_fill - a lookalike with the story's brands and allow list */
static __attribute__((unused)) struct lookalike *test_fill(void)
{
	/* The brands of the story and a few more, in the order they are
	 * added. */
	static const char *const brands[] = {
		"linkedin.com", "walmart.com", "marriott.com", "amazon.com",
		"paypal.com", "twitter.com", "staples.co.uk", "ebay.com",
		"ups.com", "adp.com", "eftps.com", "mmm.com", "aa.com",
		"visabusinessnews.com", "fedex.com", "netflix.com",
		"microsoft.com", "apple.com", "hilton.com", "dropbox.com",
		"alibaba.com", "t-mobile.com",
	};
	/* Legitimate senders the site vouches for. */
	static const char *const allowed[] = {
		"walmart.ca", "ebay.co.uk", "staples.com",
	};
	struct lookalike *lk = test_fill_list(brands, TEST_COUNT(brands));

	for (size_t i = 0; i < TEST_COUNT(allowed); i++)
		if (lookalike_allow(lk, allowed[i]) != 1)
			exit(2);
	return lk;
}

/* test_pairs - each case: the verdict, and for a match brand and rule */
static __attribute__((unused)) void
test_pairs(const struct lookalike *lk, const struct pair_case *c,
	   size_t count)
{
	char name[256];

	for (size_t i = 0; i < count; i++, c++) {
		struct detection d;
		int got;

		memset(&d, 0, sizeof(d));
		got = lookalike_check(lk, c->host, &d);
		snprintf(name, sizeof(name), "%s: %s %s", c->host,
			 c->brand != NULL ? "imitates" : "is no lookalike",
			 c->why);
		if (!tap_is_long(got, c->brand != NULL, name) || !got)
			continue;
		snprintf(name, sizeof(name), "%s: brand and rule", c->host);
		tap_is_str(d.phished_domain, c->brand, name);
		tap_is_str(d.rule, c->rule, name);
	}
}

/* TEST_LIST_MAIN - main() of a test that checks a table of positive
 * cases and one of negative cases against a list of brands alone */
#define TEST_LIST_MAIN(brands, positive, negative)              \
	int main(void)                                          \
	{                                                       \
		struct lookalike *lk =                          \
		    test_fill_list(brands, TEST_COUNT(brands)); \
                                                                \
		test_pairs(lk, positive, TEST_COUNT(positive)); \
		test_pairs(lk, negative, TEST_COUNT(negative)); \
		lookalike_free(lk);                             \
		return tap_done();                              \
	}

#endif
