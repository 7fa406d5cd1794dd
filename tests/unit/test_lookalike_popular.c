/*
 * test_lookalike_popular - the domains popular companies run besides
 * their brand's, which lists of popular sites carry: a brand that owns
 * its label under every country code owns it under a language
 * community's top-level domain too (google.cat), not under a city's or
 * an open one; one that owns it under every suffix (.*), under any
 * registry's but not a hosting service's; and the shipped brands file names the payment, media,
 * developer and corporate domains of its brands as their own, while
 * the lures made of those names still count.
 */
#include <stdlib.h>

#include "brandfile.h"
#include "lookalike_pairs.h"
#include "msg.h"

/* The brands file's warnings, printed as phishwatch prints them. */
static const struct say_to test_say = {msg_say, NULL};

/* Brands that run a site in most countries (.cc), one that not, and
 * one that runs its label under every registry's suffix (.*). */
static const char *const test_brands[] = {"google.com", "airbnb.com",
					  "paypal.com", "kayak.com"};

/* A .cc brand's label under a language community's domain is its own;
 * a city's and an open domain's are anybody's. */
static const struct pair_case community_cases[] = {
    {"google.cat", NULL, NULL, "Google's Catalan site"},
    {"google.eus", NULL, NULL, "the Basque community's domain"},
    {"airbnb.scot", NULL, NULL, "the Scottish community's domain"},
    {"airbnb.quebec", NULL, NULL, "Quebec's domain"},
    {"google.de", NULL, NULL, "a country code, as before"},
    {"google.berlin", "google.com", TLD, "a city's domain serves anyone"},
    {"airbnb.online", "airbnb.com", TLD, "an open generic domain"},
    {"paypal.cat", "paypal.com", TLD, "a brand without .cc owns no .cat"},
    {"google-login.cat", "google.com", COMBO, "a lure under .cat"},
    {"google.github.io", "google.com", TLD,
     "a hosting service's suffix ending in a country code"},
    {"airbnb.blogspot.de", "airbnb.com", TLD,
     "a hosting service's suffix under a country's"},
};

/* A .* brand's label under any registry's suffix is its own, not under
 * a hosting service's (the Public Suffix List's private section); its
 * other look-alikes still count. */
static const struct pair_case every_suffix_cases[] = {
    {"kayak.de", NULL, NULL, "a country code"},
    {"kayak.co.uk", NULL, NULL, "a country's second level"},
    {"kayak.travel", NULL, NULL, "a generic suffix"},
    {"mail.kayak.travel", NULL, NULL, "a host below it"},
    {"kayak.github.io", "kayak.com", TLD, "a hosting service's suffix"},
    {"kayak.netlify.app", "kayak.com", TLD, "another hosting service"},
    {"kayac.com", "kayak.com", TYPO, "a typo still counts"},
    {"kayak-login.com", "kayak.com", COMBO, "a lure still counts"},
    {"paypal.travel", "paypal.com", TLD, "a brand without .*"},
};

/* Domains of the shipped brands' owners, and lures made of them. */
static const struct pair_case family_cases[] = {
    {"telekom.com", NULL, NULL, "Deutsche Telekom's group site"},
    {"amazonpay.com", NULL, NULL, "Amazon Pay"},
    {"payments-amazon.com", NULL, NULL, "Amazon Pay's checkout scripts"},
    {"images-amazon.com", NULL, NULL, "Amazon's older image host"},
    {"alibabacloud.com", NULL, NULL, "Alibaba Cloud"},
    {"aliyun.com", NULL, NULL, "Alibaba Cloud in China"},
    {"aliexpress.ru", NULL, NULL, "AliExpress Russia"},
    {"aolcdn.com", NULL, NULL, "AOL's static files"},
    {"klarnacdn.net", NULL, NULL, "Klarna's checkout scripts"},
    {"s-microsoft.com", NULL, NULL, "Microsoft's static files"},
    {"shopifycdn.com", NULL, NULL, "Shopify's storefront files"},
    {"pinterestmail.com", NULL, NULL, "Pinterest's notification mail"},
    {"att.tv", NULL, NULL, "AT&T TV"},
    {"binance.vision", NULL, NULL, "Binance's public market data"},
    {"github.dev", NULL, NULL, "GitHub's web editor"},
    {"atlassian.design", NULL, NULL, "Atlassian's design system"},
    {"paypal-marketing.co.uk", NULL, NULL, "PayPal's marketing site"},
    {"paypal-summary.com", "paypal.com", COMBO, "a word after the brand"},
    {"telekom-login.com", "telekom.de", COMBO, "a lure on the brand"},
    {"amazonpay-verify.com", "amazon.com", COMBO, "a lure on Amazon Pay"},
    {"aliexpress.info", "aliexpress.com", TLD, "not .ru: anybody's"},
    {"telekom.info", "telekom.de", TLD, "the brand under an open domain"},
    {"githubb.com", "github.com", TYPO, "a typo of the brand"},
    {"marriottrewards.com", NULL, NULL, "Marriott's loyalty site"},
    {"discord.store", NULL, NULL, "Discord's merchandise store"},
    {"lloydsbank.co.uk", NULL, NULL, "Lloyds Bank's UK domain"},
    {"postemobile.it", NULL, NULL, "Poste Italiane's mobile network"},
    {"telekom.hu", NULL, NULL, "Magyar Telekom"},
    {"telekom.si", "telekom.de", TLD, "another Telekom: still reported"},
    {"telekorn.de", "telekom.de", GLYPH, "a homoglyph still counts"},
    {"marriottrewards-login.com", "marriott.com", COMBO,
     "a lure on the loyalty site"},
    {"discord.shop", "discord.com", TLD, "not .store: anybody's"},
    {"amazonwebservices.com", NULL, NULL, "Amazon Web Services"},
    {"ads-twitter.com", NULL, NULL, "Twitter's conversion tracking"},
    {"mcafeesecure.com", NULL, NULL, "McAfee's trustmark"},
    {"salesforce-sites.com", NULL, NULL, "Salesforce Sites"},
    {"amazonwebservlces.com", "amazon.com", GLYPH,
     "a look-alike of the family's name"},
    {"salesforce-sites-login.com", "salesforce.com", COMBO,
     "a lure on the family's name"},
    {"github.blog", NULL, NULL, "GitHub's blog"},
    {"expediagroup.com", NULL, NULL, "Expedia Group"},
    {"slack-files.com", NULL, NULL, "Slack's public file links"},
    {"discord.gift", NULL, NULL, "Discord's gift links"},
    {"jpmorganaccess.com", NULL, NULL, "J.P. Morgan ACCESS"},
    {"bnpparibas.de", NULL, NULL, "BNP Paribas in Germany"},
    {"ingbusiness.pl", NULL, NULL, "ING's banking for companies"},
    {"discord-gift.com", "discord.com", COMBO, "a lure on the gift links"},
    {"discord.gifts", "discord.com", TLD, "not .gift: anybody's"},
    {"bnpparibas.info", "bnpparibas.com", TLD, "not a country's: anybody's"},
    {"jpmorganaccess-verify.com", "chase.com", COMBO,
     "a lure on the treasury platform"},
};

/* test_shipped - a lookalike with the shipped brands file loaded */
static struct lookalike *test_shipped(void)
{
	const char *top = getenv("TOP");
	char path[4096];
	struct lookalike *lk = lookalike_new();
	size_t bad = 0;

	snprintf(path, sizeof(path), "%s%sdata/brands", top != NULL ? top : "",
		 top != NULL ? "/" : "");
	if (lk == NULL)
		exit(2);
	tap_ok(brandfile_load(lk, path, &test_say, &bad) == 0 && bad == 0,
	       "data/brands loads with no bad line");
	return lk;
}

int main(void)
{
	struct lookalike *lk =
	    test_fill_list(test_brands, TEST_COUNT(test_brands));

	if (lookalike_own_cc(lk, "google.com") != 0
	    || lookalike_own_cc(lk, "airbnb.com") != 0
	    || lookalike_own_all(lk, "kayak.com") != 0
	    || lookalike_own_all(lk, "nobrand.com") != -1)
		exit(2);
	test_pairs(lk, community_cases, TEST_COUNT(community_cases));
	test_pairs(lk, every_suffix_cases, TEST_COUNT(every_suffix_cases));
	lookalike_free(lk);
	lk = test_shipped();
	test_pairs(lk, family_cases, TEST_COUNT(family_cases));
	lookalike_free(lk);
	return tap_done();
}
