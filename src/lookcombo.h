/*
 * lookcombo - the combination rules of lookrules.c (lookalike:combo):
 * the brand label with keywords and words of a lure, with its domain
 * spelled out, in an IDN label, edited, as the name in a hyphenated
 * brand label, or with anything beside it under a top-level domain
 * sold in bulk.  Internal to the lookalike index, as lookindex.h is.
 * Each takes the first label of a sender's registrable domain,
 * label[0..len), and gives the brand it combines, or NULL.
 */
#ifndef PHISHWATCH_LOOKCOMBO_H
#define PHISHWATCH_LOOKCOMBO_H

#include <stddef.h>

#include "lookindex.h"

/* lookcombo_words - the brand label with words of the lure around it
 * (combosquat.h); a label that is an English word of its own is none
 * (checkups) */
const struct lookalike_brand *lookcombo_words(const struct lookalike *lk,
					      const char *label, size_t len);

/* lookcombo_spelled - a brand's domain spelled out in the label, dots
 * as hyphens or left out (lookspell.h): paypal-com, amazon-co-jp */
const struct lookalike_brand *lookcombo_spelled(const struct lookalike *lk,
						const char *label, size_t len);

/* lookcombo_idn - an IDN label, decoded, that combines a brand label
 * with words, the brand's part read by its skeleton (xn--pypal-login-yij) */
const struct lookalike_brand *lookcombo_idn(const struct lookalike *lk,
					    const char *label, size_t len);

/* lookcombo_edit - a hyphenated ASCII label whose brand word is a
 * look-alike or a typo of the brand label, beside keywords or numbers
 * (paypa1-login, secure-paypai) */
const struct lookalike_brand *lookcombo_edit(const struct lookalike *lk,
					     const char *label, size_t len);

/* lookcombo_name - a hyphenated ASCII label whose words are the name in
 * a hyphenated brand label and keywords or numbers (litecoin-login for
 * litecoin-foundation.org) */
const struct lookalike_brand *lookcombo_name(const struct lookalike *lk,
					     const char *label, size_t len);

/* lookcombo_swapped - a hyphenated ASCII label that is a hyphenated
 * brand label with its first or last word swapped for a keyword, under
 * the brand's own suffix (login-bank.de for deutsche-bank.de) */
const struct lookalike_brand *lookcombo_swapped(const struct lookalike *lk,
						const char *label, size_t len);

/* lookcombo_any_beside - a brand label at the start or the end of the
 * label, with anything beside it: a coined one under a top-level domain
 * sold in bulk for little (bulktld.h: myetherwallet-msgsign.space), one
 * marked !any under any suffix (metamaskpro.com) */
const struct lookalike_brand *
lookcombo_any_beside(const struct lookalike *lk, const char *label, size_t len);

#endif
