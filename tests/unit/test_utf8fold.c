/*
 * test_utf8fold - table keys folded as Postfix folds them: ASCII
 * lower-cased, other text by ICU's full case folding, every key
 * bounded by the caller's buffer.
 */
#include <string.h>

#include "tap.h"
#include "utf8fold.h"

struct fold_case {
	const char *text;
	const char *want; /* NULL: refused */
	const char *why;
};

static const struct fold_case fold_cases[] = {
    {"PayPal.COM", "paypal.com", "ASCII: letters lowered"},
    {"P\320\220YPAL.COM", "p\320\260ypal.com",
     "a capital Cyrillic A folds to the small one Postfix's tables hold"},
    {"B\303\234CHER.DE", "b\303\274cher.de", "a capital U with diaeresis"},
    {"STRA\303\237E.DE", "strasse.de",
     "full folding: sharp s is ss, as ICU folds it for Postfix"},
    {"\316\243\316\244\316\221.gr", "\317\203\317\204\316\261.gr",
     "Greek capitals"},
    {"p\320\260ypal.com", "p\320\260ypal.com", "folded text is kept"},
    {"", "", "empty stays empty"},
};

/* fold_one - text folded, or NULL when refused */
static const char *fold_one(struct utf8fold *fold, const char *text, char *out,
			    size_t size)
{
	return utf8fold_key(fold, text, strlen(text), out, size) < 0 ? NULL
								     : out;
}

int main(void)
{
	struct utf8fold *fold = utf8fold_new();
	char out[64];

	if (!tap_ok(fold != NULL, "a folder"))
		return tap_done();
	for (size_t i = 0; i < sizeof(fold_cases) / sizeof(fold_cases[0]); i++)
		tap_is_str(fold_one(fold, fold_cases[i].text, out, sizeof(out)),
			   fold_cases[i].want, fold_cases[i].why);
	/* A capital I with dot above folds to i and a combining dot: one
	 * byte more, the length returned is the folded one. */
	tap_is_long(utf8fold_key(fold, "\304\260STANBUL", 9, out, sizeof(out)),
		    10, "the length is the folded one (one byte more)");
	tap_is_str(out, "i\314\207stanbul", "... and the text");
	tap_is_str(fold_one(fold, "ABCD", out, 4), NULL,
		   "ASCII with no room for the NUL: refused");
	tap_is_str(
	    fold_one(fold, "\304\260STANBUL", out, 10), NULL,
	    "folded past the buffer (10 bytes and a NUL in 10): refused");
	tap_is_str(fold_one(fold, "\304\260STANBUL", out, 11),
		   "i\314\207stanbul", "... and read in 11");
	utf8fold_free(fold);
	utf8fold_free(NULL);
	tap_ok(1, "freed, NULL too");
	return tap_done();
}
