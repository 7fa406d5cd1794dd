/*
 * utf8fold - Unicode case folding of table keys, as Postfix folds them.
 *
 * DESCRIPTION
 *	Postfix with SMTPUTF8 (smtputf8_enable, the default since 3.0's
 *	compatibility level 1) folds the case of every letter of a table
 *	key that is not all ASCII, with ICU's full case folding (its
 *	casefold(), ucasemap_utf8FoldCase() under the en_US locale), both
 *	when postmap builds a table and when smtpd looks a sender up: a
 *	"pаypal.com" entry (Cyrillic a) refuses PАYPAL.COM too.  sendmail
 *	and Exim fold ASCII letters only.  utf8fold_key() folds as Postfix
 *	does a key beyond ASCII; ICU's libraries are loaded on the first
 *	key (icuload.h), so the caller lowers an ASCII key itself, as
 *	Postfix does, and tables and senders in ASCII never map them.
 *
 *	Not for threads: a folder is opened lazily by its first key.
 *
 * DIAGNOSTICS
 *	utf8fold_key() returns -1 when ICU cannot be loaded or refuses the
 *	text, or the folded key does not fit; the caller then keeps the
 *	key lower-cased in ASCII, as before SMTPUTF8.
 */
#ifndef PHISHWATCH_UTF8FOLD_H
#define PHISHWATCH_UTF8FOLD_H

#include <stddef.h>

struct utf8fold;

/* utf8fold_new - a folder, ICU not loaded yet; NULL when out of memory */
struct utf8fold *utf8fold_new(void);

/* utf8fold_free - release it (NULL: nothing) */
void utf8fold_free(struct utf8fold *fold);

/*
 * utf8fold_key - text[0..len) folded into out (size bytes, NUL added):
 * its length, or -1 (see DIAGNOSTICS)
 */
int utf8fold_key(struct utf8fold *fold, const char *text, size_t len, char *out,
		 size_t size);

#endif
