/*
 * test_lookalike_members - a brand's family domains as targets of their
 * own: a family label of 5 or more characters (youtube of google.com)
 * with keywords, a mail affix, as a homoglyph (in an IDN label, one
 * edit once folded too) or with a letter doubled
 * or two swapped is reported for the brand; the family domains
 * themselves never are, nor the label under another suffix (not as a
 * typo of the brand's label either), its other typos, numbered names,
 * or family labels that are English words, but for their homoglyphs in
 * IDN under their own suffix; and a brand always wins over a family
 * label.
 */
#include <stdio.h>
#include <string.h>

#include "lookalike.h"
#include "lookalike_pairs.h"
#include "tap.h"

static const struct pair_case member_cases[] = {
	/* A family label imitated: reported for the brand. */
	{"youtube-login.com", "google.com", COMBO, "a keyword after it"},
	{"secure-youtube.com", "google.com", COMBO, "a keyword before it"},
	{"youtubelogin.com", "google.com", COMBO, "a keyword glued on"},
	{"mail.youtube-login.com", "google.com", COMBO, "a host below it"},
	{"youtubemail.com", "google.com", AFFIX, "a mail affix"},
	{"y0utube.com", "google.com", GLYPH, "a digit for a letter"},
	{"xn--outube-o1e.com", "google.com", GLYPH,
	 "Greek upsilon for y: one edit once folded"},
	{"yuotube.com", "google.com", TYPO, "two letters swapped"},
	{"youtubbe.com", "google.com", TYPO, "a letter doubled"},
	{"llist-manage.com", "mailchimp.com", TYPO,
	 "a letter doubled in Mailchimp's link domain"},
	{"canada-login.com", "cra-arc.gc.ca", COMBO,
	 "a country's name with a keyword: a tax lure"},
	{"1and1-login.com", "ionos.com", COMBO,
	 "digits of the family label are no number beside it"},
	{"secure1and1.com", "ionos.com", COMBO, "nor glued to a keyword"},
	/* The family itself, and what is no lure of it. */
	{"youtube.com", NULL, NULL, "a family domain"},
	{"m.youtube.com", NULL, NULL, "a host below a family domain"},
	{"youtube.net", NULL, NULL,
	 "the family label under another suffix: the owner's or not"},
	{"youtub.com", NULL, NULL, "a letter left out: no typo of a family"},
	{"youtuhe.com", NULL, NULL, "a letter replaced: nor this one"},
	{"youtube-2.com", NULL, NULL, "numbered: a name of its own"},
	{"from-canada.com", NULL, NULL, "an English word, no keyword"},
	{"office-login.com", NULL, NULL,
	 "office.com's label is an English word"},
	{"xn--windws-zqf.com", "microsoft.com", GLYPH,
	 "but windows.com with a Cyrillic o is it spoofed"},
	{"xn--offce-1sa.com", "microsoft.com", GLYPH,
	 "so is office.com with an accented i"},
	{"xn--windws-zqf.de", NULL, NULL,
	 "not under a suffix the family does not use"},
	{"windovvs.com", NULL, NULL,
	 "nor in ASCII: vv for w in an English word is anyone's name"},
	{"list-manage1.com", NULL, NULL, "a digit added: a generic edit"},
	{"1and1-2.com", NULL, NULL, "a digit-bearing family label numbered"},
	/* The family label under another suffix, one edit from the
	 * brand's label: the owner's spelling, no typo. */
	{"deutschebank.pl", NULL, NULL,
	 "a family label is no typo of the brand's (a hyphen left out)"},
	{"credit-agricole.ua", NULL, NULL,
	 "nor the other way round (a hyphen added)"},
	{"deutschebank-login.pl", "deutsche-bank.de", COMBO,
	 "that family label with a keyword is still a lure"},
	{"deutsche-bnak.pl", "deutsche-bank.de", TYPO,
	 "and the brand's own typos still are"},
	{"googlemail.ml", "google.com", AFFIX,
	 "a mail affix on the brand's label still is, family label or not"},
	/* A brand wins over a family label. */
	{"canada-post.ca", "canadapost.ca", TYPO,
	 "a hyphen in canadapost, not canada with a keyword"},
	{"discrodapp.net", "discordapp.net", TYPO,
	 "the brand discordapp.net, not discord.com's discordapp.com"},
};

/* test_fill_members - brands with families, in brands file order */
static struct lookalike *test_fill_members(void)
{
	static const char *const families[][3] = {
		{"google.com", "youtube.com", "googlemail.com"},
		{"microsoft.com", "office.com", "windows.com"},
		{"mailchimp.com", "list-manage.com", NULL},
		{"cra-arc.gc.ca", "canada.ca", NULL},
		{"canadapost.ca", NULL, NULL},
		{"discord.com", "discordapp.com", NULL},
		{"discordapp.net", NULL, NULL},
		{"ionos.com", "1and1.com", NULL},
		{"deutsche-bank.de", "deutschebank.com", NULL},
		{"creditagricole.com", "credit-agricole.fr", NULL},
	};
	struct lookalike *lk = lookalike_new();

	if (lk == NULL)
		exit(2);
	for (size_t i = 0; i < TEST_COUNT(families); i++) {
		if (lookalike_add_brand(lk, families[i][0]) != 1)
			exit(2);
		for (size_t j = 1; j < 3 && families[i][j] != NULL; j++)
			if (lookalike_add_own(lk, families[i][0],
					      families[i][j])
			    != 1)
				exit(2);
	}
	return lk;
}

int main(void)
{
	struct lookalike *lk = test_fill_members();

	test_pairs(lk, member_cases, TEST_COUNT(member_cases));
	tap_is_long((long)lookalike_brand_count(lk), 10,
		    "family domains are no brands of their own");
	tap_is_long(lookalike_learn_brand(lk, "youtube-login.com"), 0,
		    "a family label's lookalike is not learned as a brand");
	lookalike_free(lk);
	return tap_done();
}
