/*
 * test_lookalike - sender domains that imitate a brand: which senders
 * are lookalikes of which brand by which rule (a table of pairs, both
 * ways), the rule priorities, the guards against false alarms, brand
 * and allow files with their file:line warnings, and learned brands.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <idn2.h>

#include "access.h"
#include "confusable.h"
#include "dictword.h"
#include "brandfile.h"
#include "config.h"
#include "lookalike.h"
#include "msg.h"
#include "tap.h"
#include "testfile.h"

/* The modules' warnings, printed as phishwatch prints them. */
static const struct say_to test_say = { msg_say, NULL };

#define TEST_DIR_MAX 256
#define TEST_PATH_MAX TESTFILE_PATH_MAX
#define TEST_CAPTURE_MAX 65536
#define TEST_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Private directory for this run's files, removed at the end. */
static char test_dir[TEST_DIR_MAX];

/* The brands of the story and a few more, in the order they are added. */
static const char *const test_brands[] = {
	"linkedin.com", "walmart.com", "marriott.com", "amazon.com",
	"paypal.com", "twitter.com", "staples.co.uk", "ebay.com", "ups.com",
	"adp.com", "eftps.com", "mmm.com", "aa.com", "visabusinessnews.com",
	"fedex.com", "netflix.com", "microsoft.com", "apple.com",
	"hilton.com", "dropbox.com", "alibaba.com", "t-mobile.com",
};

/* Legitimate senders the site vouches for. */
static const char *const test_allowed[] = {
	"walmart.ca", "ebay.co.uk", "staples.com",
};

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

static const struct pair_case positive_cases[] = {
	/* The brand label under another public suffix. */
	{"linkedin.net", "linkedin.com", TLD, "the story's linkedin.net"},
	{"linkedin.org", "linkedin.com", TLD, "the story's linkedin.org"},
	{"linkedin.biz", "linkedin.com", TLD, "the story's linkedin.biz"},
	{"e.linkedin.biz", "linkedin.com", TLD, "a host below the lookalike"},
	{"linkedin.co", "linkedin.com", TLD, ".co for .com"},
	{"linkedin.com.au", "linkedin.com", TLD, "a two-label suffix"},
	{"linkedin.blogspot.com", "linkedin.com", TLD,
	 "a private suffix of the list"},
	{"marriott.co.uk", "marriott.com", TLD, "brand.com as brand.co.uk"},
	{"marriott.help", "marriott.com", TLD, "a new gTLD"},
	{"walmart.org", "walmart.com", TLD, "walmart.org"},
	{"amazon.xyz", "amazon.com", TLD, "amazon.xyz"},
	{"paypal.info", "paypal.com", TLD, "paypal.info"},
	{"staples.net", "staples.co.uk", TLD, "brand.co.uk as brand.net"},
	{"ups.net", "ups.com", TLD, "a three-letter brand label"},
	{"mmm.biz", "mmm.com", TLD, "3M's mmm"},
	{"adp.org", "adp.com", TLD, "adp.org"},
	/* A mail affix. */
	{"linkedinmail.com", "linkedin.com", AFFIX, "the story's linkedinmail"},
	{"linkedinmail.net", "linkedin.com", AFFIX, "affix and another TLD"},
	{"linkedinmail.org", "linkedin.com", AFFIX, "linkedinmail.org"},
	{"linkedinmail.biz", "linkedin.com", AFFIX, "linkedinmail.biz"},
	{"linkedin-mail.com", "linkedin.com", AFFIX, "the story's -mail"},
	{"linkedin-mail.net", "linkedin.com", AFFIX, "-mail under .net"},
	{"linkedinemail.com", "linkedin.com", AFFIX, "email after"},
	{"linkedin-email.com", "linkedin.com", AFFIX, "-email after"},
	{"mail-linkedin.com", "linkedin.com", AFFIX, "mail- before"},
	{"email-linkedin.com", "linkedin.com", AFFIX, "email- before"},
	{"emalsrv.linkedinmail.com", "linkedin.com", AFFIX,
	 "a story host below the lookalike"},
	{"marriottmail.com", "marriott.com", AFFIX, "marriottmail"},
	{"walmartmail.net", "walmart.com", AFFIX, "walmartmail.net"},
	{"upsmail.com", "ups.com", AFFIX, "three letters and mail"},
	{"mmm-mail.com", "mmm.com", AFFIX, "mmm-mail"},
	{"paypal-mail.co.uk", "paypal.com", AFFIX, "-mail under co.uk"},
	/* Letters that look alike. */
	{"rnarriott.com", "marriott.com", GLYPH, "rn for m"},
	{"rnarriott.net", "marriott.com", GLYPH, "rn for m, other TLD"},
	{"1inkedin.com", "linkedin.com", GLYPH, "1 for l (a typo too)"},
	{"linkedln.com", "linkedin.com", GLYPH, "l for i"},
	{"paypa1.com", "paypal.com", GLYPH, "1 for l"},
	{"paypai.com", "paypal.com", GLYPH, "i for l"},
	{"amaz0n.com", "amazon.com", GLYPH, "0 for o"},
	{"tvvitter.com", "twitter.com", GLYPH, "vv for w"},
	{"twltter.com", "twitter.com", GLYPH, "l for i"},
	{"rnicrosoft.com", "microsoft.com", GLYPH, "rn for m at the start"},
	{"nnicrosoft.com", "microsoft.com", GLYPH, "nn for m"},
	{"walrrart.com", "walmart.com", GLYPH, "rr for m"},
	{"rnarriot.com", "marriott.com", GLYPH,
	 "rn for m and a letter left out: two steps, 7 letters or more"},
	{"micr0sofft.com", "microsoft.com", GLYPH,
	 "0 for o and a letter doubled"},
	{"micros0ft.com", "microsoft.com", GLYPH, "0 for o"},
	{"app1e.com", "apple.com", GLYPH, "1 for l"},
	{"netf1ix.com", "netflix.com", GLYPH, "1 for l"},
	{"dr0pb0x.com", "dropbox.com", GLYPH, "two zeros (two edits)"},
	{"xn--lnkedin-rog.com", "linkedin.com", GLYPH, "Cyrillic i"},
	{"xn--linkdin-bhg.com", "linkedin.com", GLYPH, "Cyrillic e"},
	{"xn--lnkedin-rfb.com", "linkedin.com", GLYPH, "Latin dotless i"},
	{"xn--linkdin-eya.com", "linkedin.com", GLYPH, "e with acute"},
	{"xn--wlmart-3nf.com", "walmart.com", GLYPH, "Cyrillic a"},
	{"xn--wlmart-pta.com", "walmart.com", GLYPH, "a with acute"},
	{"xn--marrott-uog.com", "marriott.com", GLYPH, "Cyrillic i"},
	{"xn--rnarrott-xhh.com", "marriott.com", GLYPH, "rn and Cyrillic i"},
	{"xn--80ak6aa92e.com", "apple.com", GLYPH, "all Cyrillic apple"},
	{"xn--amazn-uce.com", "amazon.com", GLYPH, "Greek omicron"},
	{"xn--dropbx-fmh.com", "dropbox.com", GLYPH, "Armenian o"},
	{"xn--ypal-43d9g.com", "paypal.com", GLYPH, "Cyrillic p and a"},
	{"xn--80aa.com", "aa.com", GLYPH, "two Cyrillic a: short labels too"},
	{"xn--eby-7cd.com", "ebay.com", GLYPH, "Cyrillic a in ebay"},
	{"xn--up-foc.com", "ups.com", GLYPH, "Cyrillic s in ups"},
	{"xn--taples-hvf.co.uk", "staples.co.uk", GLYPH, "Cyrillic s, co.uk"},
	/* One edit, both labels of 5 or more. */
	{"wallmart.com", "walmart.com", TYPO, "the story's wallmart"},
	{"wallmart.net", "walmart.com", TYPO, "a typo under another TLD"},
	{"emalsrv.wallmart.com", "walmart.com", TYPO, "the story's host"},
	{"walmat.com", "walmart.com", TYPO, "a letter left out"},
	{"walmarts.com", "walmart.com", TYPO, "a letter added at the end"},
	{"walmrat.com", "walmart.com", TYPO, "two letters swapped"},
	{"wal-mart.com", "walmart.com", TYPO, "a hyphen added"},
	{"marriot.com", "marriott.com", TYPO, "marriot"},
	{"mariott.com", "marriott.com", TYPO, "the other r left out"},
	{"marrjott.com", "marriott.com", TYPO, "a letter replaced"},
	{"linkedn.com", "linkedin.com", TYPO, "linkedn"},
	{"linkdein.com", "linkedin.com", TYPO, "swapped in the middle"},
	{"linkedinn.com", "linkedin.com", TYPO, "a letter doubled"},
	{"amazom.com", "amazon.com", TYPO, "the last letter replaced"},
	{"paypall.com", "paypal.com", TYPO, "paypall"},
	{"twiter.com", "twitter.com", TYPO, "one t of a pair"},
	{"twittter.com", "twitter.com", TYPO, "a third t"},
	{"staple.co.uk", "staples.co.uk", TYPO, "the s left out, co.uk"},
	{"eftpss.com", "eftps.com", TYPO, "a five-letter brand label"},
	{"netflx.com", "netflix.com", TYPO, "netflx"},
	{"hiltton.com", "hilton.com", TYPO, "hiltton"},
	{"dropbx.com", "dropbox.com", TYPO, "dropbx"},
	{"microsfot.com", "microsoft.com", TYPO, "swapped near the end"},
	{"visabusinesnews.com", "visabusinessnews.com", TYPO,
	 "a long brand label"},
	{"fedexx.com", "fedex.com", TYPO, "fedexx"},
	/* Short brand labels: a doubled letter or an adjacent swap only. */
	{"eftp.com", "eftps.com", TYPO, "a letter of a 5-letter label left out"},
	{"upss.com", "ups.com", TYPO, "ups with its s doubled"},
	{"uups.com", "ups.com", TYPO, "ups with its u doubled"},
	{"pus.com", "ups.com", TYPO, "ups with u and p swapped"},
	{"usp.com", "ups.com", TYPO, "ups with p and s swapped"},
	{"adpp.com", "adp.com", TYPO, "adp with its p doubled"},
	{"ebbay.com", "ebay.com", TYPO, "ebay with its b doubled"},
	{"eaby.com", "ebay.com", TYPO, "ebay with b and a swapped"},
	{"ebya.net", "ebay.com", TYPO, "a swap under another TLD"},
	{"upps.com", "ups.com", TYPO, "a doubled letter, the brand's suffix"},
	/* Brand label and words of the lure (combosquatting). */
	{"maillinkedin.com", "linkedin.com", COMBO, "mail before, no hyphen"},
	{"linkedin-news.com", "linkedin.com", COMBO, "a hyphenated word"},
	{"linkedinjobs.com", "linkedin.com", COMBO, "jobs is a keyword"},
	{"secure-paypal.com", "paypal.com", COMBO, "secure- before"},
	{"securepaypal.com", "paypal.com", COMBO, "secure before"},
	{"paypal-login.com", "paypal.com", COMBO, "-login after"},
	{"paypallogin.net", "paypal.com", COMBO, "login after"},
	{"securepaypallogin.com", "paypal.com", COMBO, "a keyword each side"},
	{"httpspaypal.com", "paypal.com", COMBO, "a URL's scheme glued on"},
	{"wwwpaypal.com", "paypal.com", COMBO, "www glued on"},
	{"my-paypal-account.com", "paypal.com", COMBO, "three words"},
	{"microsoft-support.com", "microsoft.com", COMBO, "-support"},
	{"microsoftonline-verify.net", "microsoft.com", COMBO,
	 "keyword joined, keyword hyphenated"},
	{"paypal-2024.com", "paypal.com", COMBO, "a number"},
	{"xyzzy-paypal.com", "paypal.com", COMBO,
	 "any word before a long enough brand"},
	{"paypal-business.com", "paypal.com", COMBO, "-business after"},
	{"dropbox-view.net", "dropbox.com", COMBO, "a document to view"},
	{"enroll-microsoft.com", "microsoft.com", COMBO, "enroll- before"},
	{"fedexredelivery.com", "fedex.com", COMBO, "redelivery glued on"},
	{"ups-tracking.com", "ups.com", COMBO, "short brand and a keyword"},
	{"upstracking.com", "ups.com", COMBO, "short brand, no hyphen"},
	{"myebay.com", "ebay.com", COMBO, "a 4-letter name, a short keyword"},
	{"ebayweb.net", "ebay.com", COMBO, "a 4-letter name, web after"},
	{"ebay-refund.net", "ebay.com", COMBO, "ebay-refund"},
	{"appleid-verify.com", "apple.com", COMBO, "id joined, verify"},
	{"amazon-delivery.info", "amazon.com", COMBO, "amazon-delivery"},
	{"fedex-parcel.com", "fedex.com", COMBO, "fedex-parcel"},
	{"upsweb.com", "ups.com", COMBO, "an acronym, a short keyword after"},
	{"adppay.net", "adp.com", COMBO, "an acronym, pay after"},
	/* A brand label with a hyphen: a run of the sender's words. */
	{"t-mobile-login.com", "t-mobile.com", COMBO, "t-mobile, then login"},
	{"secure-t-mobile.net", "t-mobile.com", COMBO, "secure, then t-mobile"},
	{"t-mobilelogin.com", "t-mobile.com", COMBO, "login joined to it"},
	{"xyzzy-t-mobile.com", "t-mobile.com", COMBO,
	 "any word before a long enough brand"},
	/* A 3- or 4-letter name and an English word beside its hyphen. */
	{"ups-summary.com", "ups.com", COMBO, "an acronym, then a word"},
	{"choose-adp.net", "adp.com", COMBO, "a word, then an acronym"},
	{"blue-ebay.com", "ebay.com", COMBO, "a word, then a 4-letter name"},
	{"ebay-agree.org", "ebay.com", COMBO, "a 4-letter name, then a word"},
	/* A word, but the brand's own name with or without an "s". */
	{"amazons.com", "amazon.com", TYPO, "the brand's plural, a word"},
	{"netflixs.com", "netflix.com", TYPO, "the brand with an s"},
	/* Unicode skeletons (UTS #39) and one edit after folding. */
	{"xn--pypal-4ve.com", "paypal.com", GLYPH, "Cyrillic a (paypal)"},
	{"xn--80aaa4ib1d45c.com", "alibaba.com", GLYPH,
	 "all Cyrillic, soft sign for each b (tone six to UTS #39)"},
	{"xn--mazon-i11b.com", "amazon.com", GLYPH, "Latin a with dot below"},
	{"xn--bay-ijz.com", "ebay.com", GLYPH, "e with dot below (ebay)"},
	{"xn--ps-nka.com", "ups.com", GLYPH, "u with grave"},
	{"xn--ps-16r.com", "ups.com", GLYPH, "small capital u"},
	{"xn--lnkedin-lqf.com", "linkedin.com", GLYPH,
	 "a letter no table folds: one edit after folding"},
	{"xn--ppl-5cd2a.com", "apple.com", GLYPH,
	 "mixed Latin and Cyrillic, two letters"},
};

static const struct pair_case negative_cases[] = {
	/* The brands themselves and their hosts. */
	{"linkedin.com", NULL, NULL, "the brand itself"},
	{"e.linkedin.com", NULL, NULL, "a brand's own host"},
	{"mail.linkedin.com", NULL, NULL, "a brand's own mail host"},
	{"bounce.news.linkedin.com", NULL, NULL, "deep below the brand"},
	{"walmart.com", NULL, NULL, "walmart.com itself"},
	{"email.walmart.com", NULL, NULL, "walmart's own email host"},
	{"marriott.com", NULL, NULL, "marriott.com itself"},
	{"emalsrv.marriott.com", NULL, NULL, "spoofed host: the detector's"},
	/* Special-use names (RFC 2606, RFC 6761): nobody can register them. */
	{"linkedin.example", NULL, NULL, "a brand's label under .example"},
	{"paypa1.test", NULL, NULL, "a typo under .test"},
	{"amazon-login.invalid", NULL, NULL, "a combo under .invalid"},
	{"rnarriott.marriott.com", NULL, NULL, "a homoglyph below the brand"},
	{"staples.co.uk", NULL, NULL, "a co.uk brand itself"},
	{"news.staples.co.uk", NULL, NULL, "below a co.uk brand"},
	{"ups.com", NULL, NULL, "a short brand itself"},
	{"aa.com", NULL, NULL, "a two-letter brand itself"},
	/* Allowed. */
	{"walmart.ca", NULL, NULL, "walmart.ca is allowed"},
	{"email.walmart.ca", NULL, NULL, "below an allowed domain"},
	{"ebay.co.uk", NULL, NULL, "ebay.co.uk is allowed"},
	{"staples.com", NULL, NULL, "staples.com is allowed"},
	{"mail.staples.com", NULL, NULL, "below staples.com"},
	/* A brand first, then a word that is no keyword: how owners name
	 * their own campaign and country sites. */
	{"paypal-xyzzy.com", NULL, NULL, "brand-first, not a keyword"},
	{"amazon-plugh.org", NULL, NULL, "brand-first, not a keyword"},
	/* Everyday senders. */
	{"marketo.com", NULL, NULL, "marketo"},
	{"mailchimp.com", NULL, NULL, "mailchimp: mail before, no hyphen"},
	{"mcsv.net", NULL, NULL, "mailchimp's sending domain"},
	{"gmail.com", NULL, NULL, "gmail: g is no brand"},
	{"googlemail.com", NULL, NULL, "googlemail"},
	{"hotmail.com", NULL, NULL, "hotmail"},
	{"outlook.com", NULL, NULL, "outlook"},
	{"yahoo.com", NULL, NULL, "yahoo"},
	{"ymail.com", NULL, NULL, "ymail"},
	{"sendgrid.net", NULL, NULL, "sendgrid"},
	{"amazonses.com", NULL, NULL, "amazonses: ses is no mail affix"},
	{"mailgun.net", NULL, NULL, "mailgun"},
	{"mandrillapp.com", NULL, NULL, "mandrill"},
	{"salesforce.com", NULL, NULL, "salesforce"},
	{"exacttarget.com", NULL, NULL, "exacttarget"},
	{"constantcontact.com", NULL, NULL, "constantcontact"},
	{"zendesk.com", NULL, NULL, "zendesk"},
	{"github.com", NULL, NULL, "github"},
	{"bounces.google.com", NULL, NULL, "google"},
	{"protection.outlook.com", NULL, NULL, "outlook relays"},
	/* Short labels: tld-swap and affix need 3 letters. */
	{"aa.org", NULL, NULL, "aa.org belongs to someone else"},
	{"aamail.com", NULL, NULL, "two letters and mail"},
	{"aa-mail.net", NULL, NULL, "two letters and -mail"},
	/* Typo guards. */
	{"ebey.com", NULL, NULL, "ebay has 4 letters: no typo"},
	{"wlamrat.com", NULL, NULL, "two edits from walmart"},
	{"walmrta.com", NULL, NULL, "a rotation is two edits"},
	{"maryott.com", NULL, NULL, "two edits from marriott"},
	{"linkedout.com", NULL, NULL, "three edits from linkedin"},
	{"amazing.com", NULL, NULL, "two edits from amazon"},
	{"twitch.tv", NULL, NULL, "far from twitter"},
	{"fedora.com", NULL, NULL, "far from fedex"},
	/* Affix guards. */
	{"linkedinmailer.com", NULL, NULL, "mailer is no affix"},
	/* Homoglyph guards. */
	{"apq1e.com", NULL, NULL,
	 "1 for l and a typo: two steps leave a 5-letter label"},
	{"xn--bcher-kva.com", NULL, NULL, "an IDN word, no brand"},
	{"xn--mnchen-3ya.de", NULL, NULL, "muenchen"},
	{"xn--fiqs8s.com", NULL, NULL, "CJK: no ASCII look-alike"},
	{"xn--e1afmkfd.com", NULL, NULL, "a Cyrillic word with no twin"},
	{"xn--strae-oqa.de", NULL, NULL, "sharp s is no letter pair"},
	{"xn--zzzzzzz.com", NULL, NULL, "punycode of garbage"},
	{"xn--80aa0cn9bb.com", NULL, NULL,
	 "two soft signs in a 6-letter label (paypal)"},
	{"xn--80aa6fab1d45c.com", NULL, NULL,
	 "three soft signs in alibaba: more than two changes"},
	/* Short brand labels: no generic one-edit. */
	{"ubs.com", NULL, NULL, "ubs: one substitution from ups, a bank"},
	{"upa.com", NULL, NULL, "one substitution from ups"},
	{"up.com", NULL, NULL, "a letter of ups left out"},
	{"upsa.com", NULL, NULL, "a letter added to ups"},
	{"ebey.net", NULL, NULL, "one substitution from ebay"},
	{"adps.com", NULL, NULL, "a letter added to adp"},
	/* Three letters: a swap or a doubled letter and another suffix. */
	{"usp.br", NULL, NULL, "ups swapped under .br: a university"},
	{"pus.net", NULL, NULL, "ups swapped under .net"},
	{"adpp.org", NULL, NULL, "adp doubled under .org"},
	{"mmmm.co.uk", NULL, NULL, "mmm doubled under .co.uk"},
	/* Combosquat guards: a brand label inside an unrelated word. */
	{"mailupsweb.com", NULL, NULL,
	 "a short label between two words is a syllable (mailing)"},
	{"appleton.com", NULL, NULL, "apple inside a town's name"},
	{"pineapple.com", NULL, NULL, "apple at the end of a word"},
	{"groups.com", NULL, NULL, "ups at the end of a word"},
	{"startups.com", NULL, NULL, "ups ending startups"},
	{"checkups.com", NULL, NULL, "check and ups, but a word of its own"},
	{"myebayweb.com", NULL, NULL, "a 4-letter name between keywords"},
	{"upstream.com", NULL, NULL, "ups starting upstream"},
	{"pick-ups.com", NULL, NULL, "a short brand beside a non-keyword"},
	{"ups-and-downs.com", NULL, NULL, "ups beside ordinary words"},
	{"start-ups.com", NULL, NULL, "a word with a hyphen (startups)"},
	{"blue-sky-ebay.com", NULL, NULL,
	 "two words before a 4-letter name: the phrase takes one"},
	{"ups-xq.com", NULL, NULL, "a short name beside no word"},
	{"t-mobile-xyzzy.com", NULL, NULL, "a brand run first, then no keyword"},
	{"t-login.com", NULL, NULL, "a part of a hyphenated brand label"},
	{"webups.com", NULL, NULL, "an acronym after a short keyword"},
	{"signups.com", NULL, NULL, "-ups after a keyword: an English ending"},
	{"adpost.com", NULL, NULL, "adp starting adpost"},
	{"fedexfield.com", NULL, NULL, "field is no keyword"},
	{"hiltonhead.com", NULL, NULL, "head is no keyword"},
	{"netflixlife.com", NULL, NULL, "life is no keyword"},
	/* One edit from a brand, but an ordinary word of its own. */
	{"papal.com", NULL, NULL, "papal: paypal less a letter, a word"},
	{"apply.com", NULL, NULL, "apply: apple with one letter changed"},
	{"twitted.com", NULL, NULL, "twitted: a word, not twitter"},
	/* Nobody's domain. */
	{"co.uk", NULL, NULL, "a public suffix has no registrable domain"},
	{"blogspot.com", NULL, NULL, "a private public suffix"},
};

/* test_fill - a lookalike with the table's brands and allow list */
static struct lookalike *test_fill(void)
{
	struct lookalike *lk = lookalike_new();

	if (lk == NULL)
		exit(2);
	for (size_t i = 0; i < TEST_COUNT(test_brands); i++)
		if (lookalike_add_brand(lk, test_brands[i]) != 1)
			exit(2);
	for (size_t i = 0; i < TEST_COUNT(test_allowed); i++)
		if (lookalike_allow(lk, test_allowed[i]) != 1)
			exit(2);
	return lk;
}

/* test_pairs - each case: the verdict, and for a match brand and rule */
static void test_pairs(const struct lookalike *lk, const struct pair_case *c,
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

/* test_acceptance - the acceptance, brands and senders verbatim */
static void test_acceptance(void)
{
	static const char *const brands[] = {
		"linkedin.com", "walmart.com", "marriott.com",
	};
	static const struct pair_case cases[] = {
		{"linkedinmail.com", "linkedin.com", AFFIX, "acceptance"},
		{"linkedin-mail.net", "linkedin.com", AFFIX, "acceptance"},
		{"linkedin.biz", "linkedin.com", TLD, "acceptance"},
		{"wallmart.com", "walmart.com", TYPO, "acceptance"},
		{"marriot.com", "marriott.com", TYPO, "acceptance"},
		{"rnarriott.com", "marriott.com", GLYPH, "acceptance"},
		{"xn--lnkedin-rog.com", "linkedin.com", GLYPH, "acceptance"},
		{"linkedin.com", NULL, NULL, "acceptance"},
		{"e.linkedin.com", NULL, NULL, "acceptance"},
		{"walmart.ca", NULL, NULL, "acceptance, allowed"},
		{"marketo.com", NULL, NULL, "acceptance"},
		{"mailchimp.com", NULL, NULL, "acceptance"},
		{"gmail.com", NULL, NULL, "acceptance"},
	};
	struct lookalike *lk = lookalike_new();
	struct detection d;

	for (size_t i = 0; i < TEST_COUNT(brands); i++)
		tap_is_long(lookalike_add_brand(lk, brands[i]), 1, brands[i]);
	tap_is_long(lookalike_check(lk, "walmart.ca", &d), 1,
		    "walmart.ca is a tld-swap until allowed");
	tap_is_long(lookalike_allow(lk, "walmart.ca"), 1, "allow walmart.ca");
	test_pairs(lk, cases, TEST_COUNT(cases));
	memset(&d, 0, sizeof(d));
	tap_is_long(lookalike_check(lk, "emalsrv.linkedin-mail.net", &d), 1,
		    "a host below a lookalike");
	tap_is_str(d.registrable, "linkedin-mail.net",
		   "registrable: what the access line blocks");
	tap_is_str(d.phished_domain, "linkedin.com", "phished: the brand");
	lookalike_free(lk);
}

/* Which rule and which brand a host gets when several could. */
struct priority_case {
	const char *host;
	int found;		/* lookalike_check()'s */
	const char *found_name;	/* NULL: not checked */
	const char *rule;	/* NULL: not checked */
	const char *rule_name;
	const char *phished;	/* NULL: not checked */
	const char *phished_name;
};

/* test_priority - the brands in their order, then each case */
static void test_priority(const char *const *brands, size_t n_brands,
			  const struct priority_case *cases, size_t n)
{
	struct lookalike *lk = lookalike_new();
	struct detection d;

	for (size_t i = 0; i < n_brands; i++)
		lookalike_add_brand(lk, brands[i]);
	for (size_t i = 0; i < n; i++) {
		const struct priority_case *c = &cases[i];
		int found = lookalike_check(lk, c->host, &d);

		if (c->found_name != NULL)
			tap_is_long(found, c->found, c->found_name);
		if (c->rule != NULL)
			tap_is_str(d.rule, c->rule, c->rule_name);
		if (c->phished != NULL)
			tap_is_str(d.phished_domain, c->phished,
				   c->phished_name);
	}
	lookalike_free(lk);
}

/* test_priorities - which rule and which brand when several could */
static void test_priorities(void)
{
	static const char *const brands[] = {
		"walmert.com", "walmart.com", "linkedin.com",
		"linkedinmail.net", "linkedin.co.uk",
	};
	static const struct priority_case cases[] = {
		{ "walmurt.com", 1, NULL, NULL, NULL, "walmert.com",
		  "one edit from two brands: the one added first" },
		{ "linkedinmail.org", 1, NULL, TLD, "tld-swap before affix-mail",
		  "linkedinmail.net", "of linkedinmail.net" },
		{ "linkedin.org", 1, NULL, NULL, NULL, "linkedin.com",
		  "one label, two brands: the one added first" },
		{ "linkedin.co.uk", 0, "a brand under another suffix is a brand",
		  NULL, NULL, NULL, NULL },
		{ "1inkedin.com", 1, NULL, GLYPH, "homoglyph before typo", NULL,
		  NULL },
		{ "linkedinmaul.com", 1, NULL, TYPO,
		  "affix-mail needs the affix exactly", "linkedinmail.net",
		  "so maul is a typo of the brand linkedinmail.net" },
	};
	static const char *const reversed[] = { "walmart.com", "walmert.com" };
	static const struct priority_case other_order[] = {
		{ "walmurt.com", 1, NULL, NULL, NULL, "walmart.com",
		  "the other order, the other brand" },
	};

	test_priority(brands, TEST_COUNT(brands), cases, TEST_COUNT(cases));
	test_priority(reversed, TEST_COUNT(reversed), other_order,
		      TEST_COUNT(other_order));
}

/* test_api - arguments refused or accepted, return values */
static void test_api(void)
{
	struct lookalike *lk = lookalike_new();
	struct detection d;

	memset(&d, 0x55, sizeof(d));
	tap_is_long(lookalike_check(lk, "linkedinmail.com", &d), 0,
		    "no brands: nothing is a lookalike");
	tap_ok(((unsigned char *) &d)[0] == 0x55, "out untouched on 0");
	tap_is_long(lookalike_add_brand(lk, "LinkedIn.COM."), 1,
		    "a brand in any case, trailing dot");
	tap_is_long(lookalike_add_brand(lk, "linkedin.com"), 0,
		    "the same brand again");
	tap_is_long((long) lookalike_brand_count(lk), 1, "one brand");
	errno = 0;
	tap_is_long(lookalike_add_brand(lk, "emalsrv.marriott.com"), -1,
		    "a host below a registrable domain is no brand");
	tap_is_long(errno, EINVAL, "errno EINVAL");
	tap_is_long(lookalike_add_brand(lk, "co.uk"), -1, "a public suffix");
	tap_is_long(lookalike_add_brand(lk, "com"), -1, "a TLD");
	tap_is_long(lookalike_add_brand(lk, "bad host.com"), -1, "a space");
	tap_is_long(lookalike_add_brand(lk, NULL), -1, "NULL");
	tap_is_long(lookalike_add_brand(NULL, "x.com"), -1, "no index");
	tap_is_long(lookalike_allow(lk, "co.uk"), -1, "allow a suffix: no");
	tap_is_long(lookalike_allow(lk, "Mail.LinkedIn.NET"), 1,
		    "allow a host, any case");
	tap_is_long(lookalike_allow(lk, "mail.linkedin.net"), 0,
		    "allowed already");
	tap_is_long(lookalike_check(lk, "mail.linkedin.net", &d), 0,
		    "the allowed host");
	tap_is_long(lookalike_check(lk, "other.linkedin.net", &d), 1,
		    "its sibling is not allowed");
	tap_is_long(lookalike_check(lk, "xn--zz", &d), 0, "one label");
	tap_is_long(lookalike_check(lk, NULL, &d), 0, "NULL host");
	tap_is_long(lookalike_check(lk, "linkedin.net", NULL), 0, "NULL out");
	tap_is_long(lookalike_check(NULL, "linkedin.net", &d), 0, "NULL lk");
	tap_is_long((long) lookalike_brand_count(NULL), 0, "no index: none");
	lookalike_free(lk);
	lookalike_free(NULL);
}

/* test_learn - brands learned from the store at run time */
static void test_learn(void)
{
	struct lookalike *lk = test_fill();
	size_t before = lookalike_brand_count(lk);
	struct detection d;

	tap_is_long(lookalike_check(lk, "hsbc.com", &d), 0,
		    "hsbc.com before hsbc.co.uk is known");
	tap_is_long(lookalike_learn_brand(lk, "hsbc.co.uk"), 1,
		    "a campaign added at run time");
	tap_is_long(lookalike_check(lk, "hsbc.com", &d), 1,
		    "then hsbc.com imitates it");
	tap_is_long(lookalike_learn_brand(lk, "wallmart.com"), 0,
		    "a stored lookalike is not learned as a brand");
	tap_is_long(lookalike_check(lk, "wallmart.com", &d), 1,
		    "so wallmart.com still imitates walmart.com");
	tap_is_long(lookalike_learn_brand(lk, "linkedin.com"), 0,
		    "a brand already");
	tap_is_long(lookalike_learn_brand(lk, "x.linkedin.com"), -1,
		    "not a registrable domain");
	tap_is_long((long) lookalike_brand_count(lk), (long) before + 1,
		    "one brand learned");
	lookalike_free(lk);
}

/* test_write - a file in test_dir holding text */
static void test_write(char *path, const char *text, size_t len)
{
	testfile_write(path, test_dir, "list", text, len);
}

/* test_capture - call load(lk, path, bad) with its stderr in captured */
static int test_capture(int (*load)(struct lookalike *, const char *,
				    const struct say_to *, size_t *),
			struct lookalike *lk, const char *path, size_t *bad,
			char *captured)
{
	struct testfile_catch c;
	int status;

	testfile_catch_begin(&c, test_dir);
	status = load(lk, path, &test_say, bad);
	testfile_catch_end(&c, captured, TEST_CAPTURE_MAX);
	return status;
}

/* test_has - captured holds path:line and the text */
static void test_has(const char *captured, const char *path, int line,
		     const char *text, const char *name)
{
	char want[TEST_PATH_MAX + 256];

	snprintf(want, sizeof(want), "%s:%d: %s", path, line, text);
	if (!tap_ok(strstr(captured, want) != NULL, name))
		printf("# wanted: %s\n# stderr:\n%s", want, captured);
}

/* test_brand_file - the --brands file format and its warnings */
static void test_brand_file(void)
{
	static const char text[] =
		"# brands of the story\n"
		"linkedin.com\n"
		"  Walmart.COM   # trailing comment, blanks, case\n"
		"\n"
		"\t# an indented comment\n"
		"emalsrv.marriott.com\n"
		"co.uk\n"
		"not a domain\n"
		"bad_label.com\n"
		"esc\033.com\n"
		"marriott.com\r\n"
		"staples.co.uk";
	char path[TEST_PATH_MAX];
	char captured[TEST_CAPTURE_MAX];
	struct lookalike *lk = lookalike_new();
	struct detection d;
	size_t bad = 99;

	test_write(path, text, sizeof(text) - 1);
	tap_is_long(test_capture(brandfile_load, lk, path, &bad,
				 captured), 0, "brands file loaded");
	tap_is_long((long) bad, 5, "five bad lines counted");
	tap_is_long((long) lookalike_brand_count(lk), 4, "four brands");
	test_has(captured, path, 6, "emalsrv.marriott.com is not a "
		 "registrable domain (marriott.com is)", "below: says which is");
	test_has(captured, path, 7, "co.uk is a public suffix",
		 "a public suffix");
	test_has(captured, path, 8, "\"not\" is not a hostname",
		 "a brand that is no hostname: the line is skipped");
	test_has(captured, path, 9, "\"bad_label.com\" is not a hostname",
		 "not a hostname, quoted");
	test_has(captured, path, 10, "control or non-ASCII bytes",
		 "control byte, not quoted");
	tap_ok(strchr(captured, '\033') == NULL, "no escape byte on stderr");
	tap_is_long(lookalike_check(lk, "walmart.net", &d), 1,
		    "indented, commented, upper-case brand was taken");
	tap_is_long(lookalike_check(lk, "marriott.net", &d), 1,
		    "CRLF line was taken");
	tap_is_long(lookalike_check(lk, "staples.net", &d), 1,
		    "last line without newline was taken");
	tap_is_long(brandfile_load(lk, "/nonexistent/brands", &test_say, &bad),
		    -1, "a missing file is an error");
	tap_is_long(errno, ENOENT, "errno ENOENT");
	unlink(path);
	lookalike_free(lk);
}

/* test_brand_family - own domains on a brand's line are never lookalikes,
 * of their brand or of any other; dot words are the label elsewhere */
static void test_brand_family(void)
{
	static const char text[] =
		"docusign.com .net docusign.eu   # envelopes: docusign.net\n"
		"google.com googlemail.com .co.uk\n"
		"att.com .net\n"
		"paypal.com .de bad_word.com   # a bad word\n"
		"paypal.com .fr   # a brand may come back\n"
		"linkedin.com\n";
	static const struct pair_case cases[] = {
		{"docusign.net", NULL, NULL, "docusign's envelope domain"},
		{"mail.docusign.net", NULL, NULL, "below a family domain"},
		{"docusign.eu", NULL, NULL, "a family domain by name"},
		{"googlemail.com", NULL, NULL, "google's mail domain"},
		{"google.co.uk", NULL, NULL, "google under co.uk"},
		{"att.net", NULL, NULL, "AT&T's own att.net"},
		{"paypal.de", NULL, NULL, "paypal.de"},
		{"paypal.fr", NULL, NULL, "family on a second line"},
		{"docusign.org", "docusign.com", TLD, "not in the family"},
		{"google.net", "google.com", TLD, "not in the family"},
		{"paypal.it", "paypal.com", TLD, "not in the family"},
		{"docusing.net", "docusign.com", TYPO, "a typo of the family"},
		{"att-login.net", "att.com", COMBO, "att with a keyword"},
		{"tat.net", "att.com", TYPO, "a swap under a family's suffix"},
		{"attt.net", "att.com", TYPO, "doubled under a family's suffix"},
		{"tat.org", NULL, NULL, "a swap under none of att's suffixes"},
	};
	char path[TEST_PATH_MAX];
	char captured[TEST_CAPTURE_MAX];
	struct lookalike *lk = lookalike_new();
	size_t bad = 99;

	test_write(path, text, sizeof(text) - 1);
	tap_is_long(test_capture(brandfile_load, lk, path, &bad, captured), 0,
		    "brands file with families loaded");
	tap_is_long((long) bad, 1, "the bad family word counted");
	tap_is_long((long) lookalike_brand_count(lk), 5,
		    "families are no brands of their own");
	test_has(captured, path, 4, "\"bad_word.com\" is not a hostname",
		 "a bad family word");
	test_pairs(lk, cases, TEST_COUNT(cases));
	tap_is_long(lookalike_learn_brand(lk, "googlemail.com"), 0,
		    "a family domain is never learned as a brand");
	lookalike_free(lk);
	unlink(path);
}

/* test_ascii_skeleton - the ASCII fast path of confusable_skeleton()
 * agrees with ICU's UTS #39 data: each letter, digit and hyphen after an
 * accented a (an A-label, which goes through ICU) folds as it does alone */
static void test_ascii_skeleton(void)
{
	static const char ldh[] = "abcdefghijklmnopqrstuvwxyz0123456789-";
	struct confusable *cf = confusable_new();
	size_t agree = 0;

	for (const char *c = ldh; *c != '\0'; c++) {
		char utf8[16];
		char plain[4] = { *c, 'q', '\0', '\0' };
		char *ace = NULL;
		char via_icu[CONFUSABLE_MAX + 1];
		char alone[CONFUSABLE_MAX + 1];
		int n;

		snprintf(utf8, sizeof(utf8), "\xc3\xa1%cq", *c);
		if (idn2_to_ascii_8z(utf8, &ace, 0) != IDN2_OK)
			continue;
		n = confusable_skeleton(cf, ace, strlen(ace), via_icu, NULL);
		idn2_free(ace);
		if (n < 1 || confusable_skeleton(cf, plain, 2, alone, NULL) < 0)
			continue;
		agree += via_icu[0] == 'a' && strcmp(via_icu + 1, alone) == 0;
	}
	tap_is_long((long) agree, (long) strlen(ldh),
		    "ASCII skeletons agree with ICU's for every LDH character");
	confusable_free(cf);
}

/* test_learn_cap - learned brands stop at the cap and are counted;
 * brands given by the administrator do not count */
static void test_learn_cap(void)
{
	struct lookalike *lk = lookalike_new();
	char name[64];
	size_t added = 0;

	lookalike_set_learn_max(lk, 100, NULL);
	for (int i = 0; i < 1000; i++) {
		snprintf(name, sizeof(name), "campaign%dxq%d.com", i, i * 7);
		added += (size_t) lookalike_learn_brand(lk, name);
	}
	tap_is_long((long) added, 100, "100 learned, then full");
	tap_is_long((long) lookalike_learn_refused(lk), 900,
		    "every refused brand counted");
	tap_is_long(lookalike_add_brand(lk, "linkedin.com"), 1,
		    "a given brand is added past the cap");
	lookalike_free(lk);
}

/* test_allow_file - the --allow file and long lines */
static void test_allow_file(void)
{
	char text[8192];
	char path[TEST_PATH_MAX];
	char captured[TEST_CAPTURE_MAX];
	struct lookalike *lk = lookalike_new();
	struct detection d;
	size_t bad = 0;
	size_t len;

	len = (size_t) snprintf(text, sizeof(text),
				"walmart.ca # Walmart Canada\n"
				"news.linkedin.net\n"
				"com\n");
	memset(text + len, 'a', 5000);
	len += 5000;
	len += (size_t) snprintf(text + len, sizeof(text) - len,
				 "\nlinkedin.org\n");
	lookalike_add_brand(lk, "walmart.com");
	lookalike_add_brand(lk, "linkedin.com");
	test_write(path, text, len);
	tap_is_long(test_capture(brandfile_load_allow, lk, path, &bad,
				 captured), 0, "allow file loaded");
	tap_is_long((long) bad, 2, "two bad lines");
	test_has(captured, path, 3, "\"com\" is not a hostname",
		 "a TLD is no hostname");
	test_has(captured, path, 4, "longer than 4096 bytes", "a long line");
	tap_is_long(lookalike_check(lk, "walmart.ca", &d), 0, "allowed");
	tap_is_long(lookalike_check(lk, "news.linkedin.net", &d), 0,
		    "an allowed host");
	tap_is_long(lookalike_check(lk, "linkedin.net", &d), 1,
		    "not its parent");
	tap_is_long(lookalike_check(lk, "linkedin.org", &d), 0,
		    "the line after the long one was read");
	unlink(path);
	lookalike_free(lk);
}

/* test_access - brands learned from the blocking access entries */
static void test_access(void)
{
	static const char text[] =
		"linkedinmail.com\tDISCARD\n"
		"linkedin.net\tDISCARD\n"
		"complains.linkedin.com\tDISCARD\n"
		"emalsrv.marriott.com\tERROR:\"550 5.7.1 Sender banned\"\n"
		"news.linkedinmail.org\tDISCARD\n"
		"emalsrv.wallmart.com\tREJECT\n"
		"customercare.ups.com\tOK\n";
	char path[TEST_PATH_MAX];
	struct access_map *map = access_new(&test_say);
	struct lookalike *lk = lookalike_new();
	struct detection d;
	size_t learned = 99;

	test_write(path, text, sizeof(text) - 1);
	if (access_load(map, path, NULL) < 0)
		exit(2);
	tap_is_long(config_learn_access(lk, map, &learned), 0,
		    "learned from the access map");
	tap_is_long((long) learned, 3, "linkedin, marriott, wallmart");
	tap_is_long(lookalike_check(lk, "linkedin-mail.biz", &d), 1,
		    "linkedin.com is a brand");
	tap_is_str(d.phished_domain, "linkedin.com", "and the one imitated");
	tap_is_long(lookalike_check(lk, "marriott.org", &d), 1,
		    "marriott.com is a brand");
	tap_is_long(lookalike_check(lk, "linkedinmail.com", &d), 1,
		    "a whole blocked domain is no brand, but a lookalike");
	tap_is_long(lookalike_check(lk, "ups.net", &d), 0,
		    "an OK entry teaches nothing");
	lookalike_free(lk);
	lk = lookalike_new();
	lookalike_add_brand(lk, "walmart.com");
	tap_is_long(config_learn_access(lk, map, &learned), 0,
		    "again, walmart.com given first");
	tap_is_long((long) learned, 2, "wallmart.com is then not learned");
	tap_is_long(lookalike_check(lk, "walmart.com", &d), 0,
		    "so walmart.com is no typo of wallmart.com");
	tap_is_long(config_learn_access(lk, NULL, &learned), 0,
		    "no access map");
	tap_is_long((long) learned, 0, "learns nothing");
	lookalike_free(lk);
	access_free(map);
	unlink(path);
}

/* test_random - the next number of a 64-bit LCG kept by the caller */
static unsigned long test_random(unsigned long long *state)
{
	*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned long) (*state >> 33);
}

/* test_one_edit - label with one random edit that changes it, keeping
 * 5 or more letters (deletions only from labels of 6 or more) */
static void test_one_edit(unsigned long long *state, const char *label,
			  char *out)
{
	size_t len = strlen(label);
	size_t at = test_random(state) % len;
	unsigned long op = test_random(state) % 4;
	char c = (char) ('a' + test_random(state) % 26);

	memcpy(out, label, len + 1);
	if (op == 0 && len > 5) {		/* delete */
		memmove(out + at, out + at + 1, len - at);
	} else if (op == 1) {			/* insert */
		memmove(out + at + 1, out + at, len - at + 1);
		out[at] = c;
	} else if (op == 2 && at + 1 < len && out[at] != out[at + 1]) {
		out[at] = label[at + 1];	/* swap two neighbours */
		out[at + 1] = label[at];
	} else {				/* substitute */
		out[at] = out[at] == c ? (char) ('a' + (c - 'a' + 1) % 26) : c;
	}
}

/* test_many - with thousands of brands (the filter grown many times),
 * a one-edit variant of every brand is still found */
static void test_many(void)
{
	enum { MANY = 3000 };
	static const char consonants[] = "bcdfghjklnpqrtvxz";
	static char labels[MANY][16];
	unsigned long long state = 42;
	struct lookalike *lk = lookalike_new();
	char host[HOSTNAME_MAX + 1];
	char edited[32];
	size_t found = 0;
	struct detection d;

	for (size_t i = 0; i < MANY; i++) {
		size_t len = 5 + test_random(&state) % 8;

		/* No vowel, m, s, w or y: no keyword ends a label, so no
		 * brand is narrow (gmail is: a keyword after one letter) */
		for (size_t j = 0; j < len; j++)
			labels[i][j] = consonants[test_random(&state)
						  % (sizeof(consonants) - 1)];
		labels[i][len] = '\0';
		snprintf(host, sizeof(host), "%.15s.com", labels[i]);
		if (lookalike_add_brand(lk, host) < 0)
			exit(2);
	}
	for (size_t i = 0; i < MANY; i++) {
		test_one_edit(&state, labels[i], edited);
		snprintf(host, sizeof(host), "%s.net", edited);
		found += (size_t) lookalike_check(lk, host, &d);
	}
	tap_is_long((long) found, MANY,
		    "a one-edit variant of each of 3000 brands is found");
	tap_is_long(lookalike_check(lk, "marketo.com", &d), 0,
		    "an unrelated sender is still none");
	lookalike_free(lk);
}

/* Every this many words of the list are looked up (and the last):
 * enough for the search, little under valgrind. */
#define TEST_WORD_STRIDE 5

/* test_dictword - the binary search finds the words of the list, from
 * the first to the last, and nothing between two of them or beyond
 * either end */
static void test_dictword(void)
{
	size_t found = 0;
	size_t between = 0;
	size_t words = 0;
	size_t tried = 0;

	for (size_t at = 0; at < dictword_size;) {
		const char *word = dictword_text + at;
		size_t len = strlen(word);
		char longer[64];

		at += len + 1;
		if (words++ % TEST_WORD_STRIDE != 0 && at < dictword_size)
			continue;
		tried++;
		found += (size_t) dictword_is_word(word, len);
		snprintf(longer, sizeof(longer), "%szq", word);
		between += (size_t) dictword_is_word(longer, len + 2);
	}
	tap_ok(words > 50000, "dictword: tens of thousands of words");
	tap_is_long((long) found, (long) tried, "dictword: each one found");
	tap_is_long((long) between, 0, "dictword: none with zq after it");
	tap_is_long(dictword_is_word("aaaa", 4) + dictword_is_word("zzzzzz", 6)
		    + dictword_is_word("paypal", 6) + dictword_is_word("ups", 3),
		    0, "dictword: before the first, after the last, a brand, "
		    "too short");
	tap_is_long(dictword_is_word("finance", 7)
		    + dictword_is_word("chaser", 6), 2,
		    "dictword: finance and chaser are words");
}

int main(void)
{
	const char *tmp = getenv("TMPDIR");
	struct lookalike *lk;

	snprintf(test_dir, sizeof(test_dir), "%s/test_lookalike.XXXXXX",
		 tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(test_dir) == NULL) {
		perror("mkdtemp");
		return 2;
	}
	printf("# %zu positive and %zu negative pairs\n",
	       TEST_COUNT(positive_cases), TEST_COUNT(negative_cases));
	lk = test_fill();
	test_pairs(lk, positive_cases, TEST_COUNT(positive_cases));
	test_pairs(lk, negative_cases, TEST_COUNT(negative_cases));
	lookalike_free(lk);
	test_acceptance();
	test_priorities();
	test_api();
	test_learn();
	test_brand_file();
	test_allow_file();
	test_brand_family();
	test_learn_cap();
	test_ascii_skeleton();
	test_dictword();
	test_access();
	test_many();
	rmdir(test_dir);
	return tap_done();
}
