/*
 * NAME
 *	utf8fold - Unicode case folding of table keys (see utf8fold.h)
 * SUMMARY
 *	ICU's case map, opened on first use.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "icuload.h"
#include "utf8fold.h"

/* The locale Postfix opens its case map with. */
#define UTF8FOLD_LOCALE "en_US"

struct utf8fold {
	struct icuload icu;
	UCaseMap *map; /* NULL until the first key beyond ASCII */
	int failed;    /* ICU could not be loaded: never tried again */
};

struct utf8fold *utf8fold_new(void)
{
	return calloc(1, sizeof(struct utf8fold));
}

void utf8fold_free(struct utf8fold *fold)
{
	if (fold == NULL)
		return;
	if (fold->map != NULL)
		fold->icu.casemap_close(fold->map);
	icuload_close(&fold->icu);
	free(fold);
}

/* utf8fold_open - ICU's case map, on the first key that needs it */
static int utf8fold_open(struct utf8fold *fold)
{
	UErrorCode status = U_ZERO_ERROR;

	if (fold->map != NULL || fold->failed)
		return fold->failed ? -1 : 0;
	if (icuload_open(&fold->icu) == 0)
		fold->map = fold->icu.casemap_open(
		    UTF8FOLD_LOCALE, U_FOLD_CASE_DEFAULT, &status);
	fold->failed = fold->map == NULL || U_FAILURE(status);
	return fold->failed ? -1 : 0;
}

int utf8fold_key(struct utf8fold *fold, const char *text, size_t len, char *out,
		 size_t size)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t folded;

	if (size == 0 || len > INT32_MAX || size > INT32_MAX)
		return -1;
	if (utf8fold_open(fold) < 0)
		return -1;
	folded = fold->icu.casemap_fold_utf8(fold->map, out, (int32_t)size,
					     text, (int32_t)len, &status);
	/* ICU writes no NUL when the result fills the buffer exactly
	 * (U_STRING_NOT_TERMINATED_WARNING): that is no room for ours. */
	if (U_FAILURE(status) || folded < 0 || (size_t)folded >= size)
		return -1;
	out[folded] = '\0';
	return folded;
}
