/*
 * test_lookspell - the spelled suffixes lookspell_find() cuts out of a
 * label, and what it hands the caller: the rest, where the brand label
 * must end, the suffix as spelled, and whether it counts only as the
 * brand's own.  A caller that accepts nothing sees every cut in order;
 * one that accepts a given rest stops the search there.  Labels of 63
 * bytes, empty words and runs of more words than a suffix has are
 * walked without a cut that is not one.
 */
#include <libpsl.h>
#include <stdio.h>
#include <string.h>

#include "lookspell.h"
#include "tap.h"

/* Every cut seen, as "rest|brand_end|suffix|glued|own_only;". */
struct test_seen {
	char text[1024];
	const char *accept; /* the rest that ends the search, or NULL */
};

/* test_record - a lookspell_fn that writes each cut down */
static const void *test_record(const void *ctx, const struct lookspell_cut *cut)
{
	struct test_seen *seen = (struct test_seen *)ctx;
	size_t used = strlen(seen->text);

	snprintf(seen->text + used, sizeof(seen->text) - used,
		 "%.*s|%zu|%.*s|%d|%d;", (int)cut->len, cut->rest,
		 cut->brand_end, (int)cut->suffix_len, cut->suffix, cut->glued,
		 cut->own_only);
	if (strlen(cut->rest) != cut->len)
		tap_ok(0, "the rest is NUL-terminated at its length");
	return seen->accept != NULL && strcmp(seen->accept, cut->rest) == 0
		   ? seen
		   : NULL;
}

/* test_cuts - the cuts of label, in order, as test_record() writes them */
static void test_cuts(const char *label, const char *want)
{
	struct test_seen seen = {"", NULL};
	const void *got = lookspell_find(psl_builtin(), label, strlen(label),
					 test_record, &seen);
	char name[160];

	snprintf(name, sizeof(name), "%s: cuts", label);
	tap_is_str(seen.text, want, name);
	snprintf(name, sizeof(name), "%s: nothing accepted, NULL", label);
	tap_ok(got == NULL, name);
}

int main(void)
{
	struct test_seen seen = {"", "paypal-verify"};
	char longest[64];

	test_cuts("paypal-com", "paypal|6|com|0|0;");
	test_cuts("paypalcom", "paypal|6|com|1|1;");
	/* a generic name after a hyphen is no glued one too */
	test_cuts("apple-com-verify", "apple-verify|5|com|0|0;");
	test_cuts("amazon-co-jp", "amazon-jp|6|co|0|1;amazon|6|co-jp|0|0;"
				  "amazon-co|9|jp|0|1;");
	test_cuts("paypal-de", "paypal|6|de|0|1;");
	/* a word of no generic name is none; co-uk-ltd is none, but the
	 * runs in it that are (two letters alone: the brand's own only) */
	test_cuts("paypal-login", "");
	test_cuts("x-co-uk-ltd-y", "x-uk-ltd-y|1|co|0|1;x-ltd-y|1|co-uk|0|0;"
				   "x-co-ltd-y|4|uk|0|1;");
	/* nothing before the suffix, an empty word, a lone hyphen */
	test_cuts("com-paypal", "");
	test_cuts("-com", "");
	test_cuts("paypal--com", "");
	test_cuts("-", "");
	test_cuts("", "");
	/* a suffix of a museum's, not a country's: no lookup is made */
	test_cuts("paypal-art-museum", "");
	/* the longest label, its suffix at the very end */
	memset(longest, 'a', 59);
	memcpy(longest + 59, "-com", 5);
	test_cuts(longest,
		  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|"
		  "59|com|0|0;");
	/* a caller that accepts a rest ends the search there */
	tap_ok(lookspell_find(psl_builtin(), "paypal-com-verify",
			      strlen("paypal-com-verify"), test_record, &seen)
		   == &seen,
	       "the caller's brand is returned");
	tap_is_str(seen.text, "paypal-verify|6|com|0|0;",
		   "no cut is tried after the one accepted");
	tap_ok(lookspell_find(NULL, "paypal-com", 10, test_record, &seen)
		   == NULL,
	       "no suffix list: NULL");
	tap_ok(
	    lookspell_find(psl_builtin(), "paypal-com", 64, test_record, &seen)
		== NULL,
	    "a label over 63 bytes: NULL");
	return tap_done();
}
