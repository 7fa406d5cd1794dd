/*
 * test_lookalike_owners - senders that hold a brand-like name by an
 * owner's right, not a squatter's: a school or an agency under a suffix
 * whose registry vets who registers (.edu, ac.id, k12.ut.us) is no
 * lookalike of a brand elsewhere, while the same names under suffixes
 * open to anyone, and a brand's typos under its own vetted suffix, are.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lookalike.h"
#include "tap.h"

#define TEST_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Brands of the pairs below, as a site's --brands would name them. */
static const char *const test_brands[] = {
    "ups.com",  "hsbc.com",   "pnc.com",    "webex.com", "hilton.com",
    "citi.com", "united.com", "paypal.com", "irs.gov",   "hmrc.gov.uk",
};

/* A sender host and the brand it imitates (NULL: none), and why. */
struct owner_case {
	const char *host;
	const char *brand;
	const char *why;
};

static const struct owner_case test_cases[] = {
    /* Vetted suffixes the brand does not use: the registry's check. */
    {"ups.edu", NULL, "the University of Puget Sound, not UPS"},
    {"hsbc.edu", NULL, "a brand label under .edu"},
    {"pnc.ac.id", NULL, "an Indonesian polytechnic under ac.id"},
    {"weber.edu", NULL, "a university one letter from webex"},
    {"weber.k12.ut.us", NULL, "a school district under k12.ut.us"},
    {"milton.edu", NULL, "a school one letter from hilton"},
    {"chilton.school.nz", NULL, "a school under school.nz"},
    {"ciit.edu.ph", NULL, "a swap of citi under edu.ph"},
    {"unitec.edu.mx", NULL, "a university one letter from united"},
    {"mail.unitec.ac.nz", NULL, "a host below a school's domain"},
    {"paypal.gov.br", NULL, "a government suffix (gov.br)"},
    {"paypal.gob.mx", NULL, "gob.mx"},
    {"paypal.gouv.fr", NULL, "gouv.fr"},
    {"paypal.mil", NULL, ".mil"},
    {"paypal.int", NULL, ".int"},
    {"hmrc.gov.au", NULL, "an agency's label under another government"},
    /* Suffixes open to anyone, though named like the vetted ones. */
    {"paypal.ac", "paypal.com", ".ac alone is Ascension Island, open"},
    {"paypal.education", "paypal.com", ".education is an open gTLD"},
    {"paypal.school", "paypal.com", ".school is an open gTLD"},
    {"weber.com", "webex.com", "the same typo under .com"},
    {"ups.net", "ups.com", "the brand label under .net"},
    /* A vetted suffix the brand uses itself still counts. */
    {"iirs.gov", "irs.gov", "a doubled letter under the brand's .gov"},
    {"hmrrc.gov.uk", "hmrc.gov.uk", "a doubled letter under gov.uk"},
};

/* test_fill - an index of the brands */
static struct lookalike *test_fill(void)
{
	struct lookalike *lk = lookalike_new();

	if (lk == NULL)
		exit(2);
	for (size_t i = 0; i < TEST_COUNT(test_brands); i++)
		if (lookalike_add_brand(lk, test_brands[i]) != 1)
			exit(2);
	return lk;
}

/* test_case - one sender: the verdict, and for a match the brand */
static void test_case(const struct lookalike *lk, const struct owner_case *c)
{
	char name[256];
	struct detection d;
	int found;

	memset(&d, 0, sizeof(d));
	found = lookalike_check(lk, c->host, &d);
	snprintf(name, sizeof(name), "%s %s: %s", c->host,
		 c->brand != NULL ? c->brand : "none", c->why);
	if (tap_is_long(found, c->brand != NULL, name) && found)
		tap_is_str(d.phished_domain, c->brand, name);
}

int main(void)
{
	struct lookalike *lk = test_fill();

	for (size_t i = 0; i < TEST_COUNT(test_cases); i++)
		test_case(lk, &test_cases[i]);
	lookalike_free(lk);
	return tap_done();
}
