/*
 * test_lookalike - sender domains that imitate a brand: which senders
 * are lookalikes of which brand by which rule (a table of pairs, both
 * ways), the acceptance pairs, and which rule and brand win when
 * several could.  The index itself, brand and allow files:
 * test_lookalike_index.c and test_lookalike_files.c.
 */
#include <stdio.h>
#include <string.h>

#include "lookalike.h"
#include "lookalike_pairs.h"
#include "tap.h"

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
	{"xn--dropx-4jb.com", "dropbox.com", GLYPH,
	 "tone six for b, an o left out: an unfolded letter and a typo"},
	{"xn--wlnart-wyc.com", "walmart.com", GLYPH,
	 "schwa for a, n for m: an unfolded letter and a typo"},
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
	{"xn--wlnrt-elcc.com", NULL, NULL,
	 "two schwas and a typo in walmart: three changes"},
	{"xn--mazom-dlc.com", NULL, NULL,
	 "schwa and a typo in a 6-letter label (amazon)"},
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
	tap_is_str(lookalike_owner(lk, "e.linkedin.com"), "linkedin.com",
		   "owner: a host below the brand is the brand's");
	tap_is_str(lookalike_owner(lk, "mail.walmart.ca"), "",
		   "owner: allowed, nobody's brand");
	tap_ok(lookalike_owner(lk, "wallmart.com") == NULL,
	       "owner: a lookalike is nobody's");
	tap_ok(lookalike_owner(lk, "gmail.com") == NULL,
	       "owner: another name is nobody's");
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

int main(void)
{
	struct lookalike *lk;

	printf("# %zu positive and %zu negative pairs\n",
	       TEST_COUNT(positive_cases), TEST_COUNT(negative_cases));
	lk = test_fill();
	test_pairs(lk, positive_cases, TEST_COUNT(positive_cases));
	test_pairs(lk, negative_cases, TEST_COUNT(negative_cases));
	lookalike_free(lk);
	test_acceptance();
	test_priorities();
	return tap_done();
}
