/*
 * test_lookalike_owners - senders that hold a brand-like name by an
 * owner's right, not a squatter's: a school or an agency under a suffix
 * whose registry vets who registers (.edu, ac.id, k12.ut.us) is no
 * lookalike of a brand elsewhere, while the same names under suffixes
 * open to anyone, and a brand's typos under its own vetted suffix, are.
 */
#include "lookalike_pairs.h"

/* Brands of the pairs below, as a site's --brands would name them. */
static const char *const test_brands[] = {
    "ups.com",    "hsbc.com",    "pnc.com",    "webex.com",
    "hilton.com", "citi.com",    "united.com", "paypal.com",
    "irs.gov",    "hmrc.gov.uk", "dhl.com",
};

/* Senders, the brand each imitates (NULL: none) and by which rule. */
static const struct pair_case owner_cases[] = {
    /* Vetted suffixes the brand does not use: the registry's check. */
    {"ups.edu", NULL, NULL, "the University of Puget Sound, not UPS"},
    {"hsbc.edu", NULL, NULL, "a brand label under .edu"},
    {"pnc.ac.id", NULL, NULL, "an Indonesian polytechnic under ac.id"},
    {"weber.edu", NULL, NULL, "a university one letter from webex"},
    {"weber.k12.ut.us", NULL, NULL, "a school district under k12.ut.us"},
    {"milton.edu", NULL, NULL, "a school one letter from hilton"},
    {"chilton.school.nz", NULL, NULL, "a school under school.nz"},
    {"ciit.edu.ph", NULL, NULL, "a swap of citi under edu.ph"},
    {"unitec.edu.mx", NULL, NULL, "a university one letter from united"},
    {"mail.unitec.ac.nz", NULL, NULL, "a host below a school's domain"},
    {"paypal.gov.br", NULL, NULL, "a government suffix (gov.br)"},
    {"paypal.gob.mx", NULL, NULL, "gob.mx"},
    {"paypal.gouv.fr", NULL, NULL, "gouv.fr"},
    {"paypal-login.gc.ca", NULL, NULL, "gc.ca, Canada's government"},
    {"secure-paypal.gv.at", NULL, NULL, "gv.at, Austria's"},
    {"paypal.gub.uy", NULL, NULL, "gub.uy, Uruguay's"},
    {"paypal.mil", NULL, NULL, ".mil"},
    {"paypal.int", NULL, NULL, ".int"},
    {"hmrc.gov.au", NULL, NULL, "an agency's label under another government"},
    /* Suffixes below a vetted second-level one: a school's district
     * under sch.uk (*.sch.uk), a state's schools and agencies. */
    {"milton.kent.sch.uk", NULL, NULL, "a school under kent.sch.uk"},
    {"ups.nsw.edu.au", NULL, NULL, "a school under nsw.edu.au"},
    {"dhl.sp.gov.br", NULL, NULL, "a state agency under sp.gov.br"},
    {"paypal.service.gov.uk", NULL, NULL, "a service under service.gov.uk"},
    {"ups.chtr.k12.ma.us", NULL, NULL, "a charter school under k12.ma.us"},
    /* Suffixes open to anyone, though named like the vetted ones. */
    {"paypal.ac", "paypal.com", TLD, ".ac alone is Ascension Island, open"},
    {"paypal.education", "paypal.com", TLD, ".education is an open gTLD"},
    {"paypal.school", "paypal.com", TLD, ".school is an open gTLD"},
    {"paypal-login.go.it", "paypal.com", COMBO,
     "go.it is a province's geographic zone"},
    {"unitec.com", "united.com", TYPO, "the same typo under .com"},
    {"weber.com", NULL, NULL, "r for x is no slip: Weber's grills"},
    {"ups.net", "ups.com", TLD, "the brand label under .net"},
    /* A vetted suffix the brand uses itself still counts. */
    {"iirs.gov", "irs.gov", TYPO, "a doubled letter under the brand's .gov"},
    {"hmrrc.gov.uk", "hmrc.gov.uk", TYPO, "a doubled letter under gov.uk"},
};

int main(void)
{
	struct lookalike *lk =
	    test_fill_list(test_brands, TEST_COUNT(test_brands));

	test_pairs(lk, owner_cases, TEST_COUNT(owner_cases));
	lookalike_free(lk);
	return tap_done();
}
