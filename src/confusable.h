/*
 * confusable - the skeleton of a domain label (Unicode UTS #39).
 *
 * DESCRIPTION
 *	Two labels that a reader cannot tell apart have the same skeleton:
 *	rnarriott and marriott, paypal with a Cyrillic a and paypal.  The
 *	skeleton is ICU's uspoof skeleton (the confusables data of Unicode
 *	UTS #39) of the label, A-labels (xn--) decoded first with libidn2,
 *	then folded further so that accents and letter forms do not count:
 *	combining marks dropped, letters lower-cased, a Latin letter that
 *	the Unicode name calls a form of an ASCII letter (LATIN LETTER SMALL
 *	CAPITAL U, LATIN SMALL LETTER DOTLESS I) taken as that letter, and
 *	the ASCII look-alikes vv/w and i/l made one.  The result is UTF-8;
 *	for an ASCII label it is ASCII.
 *
 *	confusable_skeleton() also tells whether the label was an IDN and
 *	whether its letters mix scripts (Latin with Cyrillic, or with Thai),
 *	which no ordinary name does (ICU's single-script restriction level).
 */
#ifndef PHISHWATCH_CONFUSABLE_H
#define PHISHWATCH_CONFUSABLE_H

#include <stddef.h>
#include <stdint.h>

/* Longest skeleton kept, in bytes (a folded label may grow). */
#define CONFUSABLE_MAX 255

/* Longest decoded label kept, in bytes (UTF-8 of a 63-octet A-label). */
#define CONFUSABLE_TEXT_MAX 252

/* What confusable_skeleton() saw in a label. */
#define CONFUSABLE_IDN   1 /* an A-label that decoded */
#define CONFUSABLE_MIXED 2 /* its letters mix scripts */
#define CONFUSABLE_RUN   4 /* r and two of r and n: r m another way */
#define CONFUSABLE_SOUND 8 /* a letter read by its sound (Han, kana) */

struct confusable;

/* confusable_new - a skeleton maker (ICU spoof checker); NULL on error */
struct confusable *confusable_new(void);
void confusable_free(struct confusable *cf);

/*
 * confusable_skeleton - the skeleton of label[0..len) (ASCII, lower
 * case, an A-label decoded) into out, NUL-terminated; its length, or -1
 * when the label does not decode or the skeleton is too long.  *flags
 * gets CONFUSABLE_IDN, CONFUSABLE_MIXED, CONFUSABLE_RUN and
 * CONFUSABLE_SOUND bits (flags may be NULL).
 */
int confusable_skeleton(const struct confusable *cf, const char *label,
			size_t len, char out[CONFUSABLE_MAX + 1], int *flags);

/*
 * confusable_skeleton_unread - confusable_skeleton() of label[0..len)
 * with each letter that it would read by its sound (CONFUSABLE_SOUND)
 * kept as it is, a letter that no table folds: for a label that mixes
 * such letters with Latin ones (pคypal, with a Thai letter), where the
 * letter stands in for a Latin one and its sound means nothing; its
 * length, or -1 as confusable_skeleton().
 */
int confusable_skeleton_unread(const struct confusable *cf, const char *label,
			       size_t len, char out[CONFUSABLE_MAX + 1]);

/* confusable_merge_ce - skeleton sk[0..n) with c written e, into out
 * (n + 1 bytes, NUL-terminated): the two ASCII letters that look alike
 * at a glance in a mail client's small type and that impersonators swap
 * both ways (indcpcndcnt, mereadobiteoin); too loose a likeness for a
 * short label (cbc, ebc), so the caller keeps it to long ones */
void confusable_merge_ce(const char *sk, size_t n, char *out);

/* confusable_is_ace - label[0..len) starts an A-label ("xn--" and more) */
int confusable_is_ace(const char *label, size_t len);

/* Longest reading kept: a DNS label. */
#define CONFUSABLE_READING_MAX 63

/*
 * confusable_reading - A-label label[0..len) as a reader writes it in
 * ASCII: each character beyond ASCII by CLDR's transform (bücher:
 * bucher, münchner-bank: munchner-bank, сбербанк: sberbank) into out,
 * NUL-terminated; its length, or -1 when the label is no A-label, a
 * character has no ASCII letters, or the reading is no LDH label of
 * CONFUSABLE_READING_MAX bytes or fewer
 */
int confusable_reading(const struct confusable *cf, const char *label,
		       size_t len, char out[CONFUSABLE_READING_MAX + 1]);

/* confusable_decode - the UTF-8 text of A-label label[0..len) into out,
 * NUL-terminated; its length, or -1 when it is no A-label or does not
 * decode */
int confusable_decode(const char *label, size_t len,
		      char out[CONFUSABLE_TEXT_MAX + 1]);

/* Letters one character may stand for (m: r n). */
#define CONFUSABLE_CHAR_MAX 4

/* The folded letters of each character of a decoded label, found once
 * (ICU's work), so that the skeleton of any part of the label costs
 * none: the brand in paypal-login written with a Cyrillic a. */
struct confusable_glyphs {
	size_t count;                       /* characters */
	size_t at[CONFUSABLE_TEXT_MAX + 1]; /* byte offset of each; the end */
	int32_t letter[CONFUSABLE_TEXT_MAX][CONFUSABLE_CHAR_MAX];
	int letters[CONFUSABLE_TEXT_MAX]; /* how many of letter[] each */
};

/* confusable_glyphs - the characters of UTF-8 text[0..len) into g; 0,
 * or -1 when text is no UTF-8, too long, or ICU cannot open */
int confusable_glyphs(const struct confusable *cf, const char *text, size_t len,
		      struct confusable_glyphs *g);

/* confusable_part_skeleton - the skeleton of the text's bytes from..to
 * (confusable_skeleton() of that part alone) into out; its length, or
 * -1 when from or to is inside a character */
int confusable_part_skeleton(const struct confusable_glyphs *g, size_t from,
			     size_t to, char out[CONFUSABLE_MAX + 1]);

/* A sender's label, its skeleton and the readings of it tried so far
 * (confusable_next_reading()); which and r_first 0 before the first. */
struct confusable_readings {
	const char *label;
	size_t len;
	const char *sk; /* confusable_skeleton()'s of label */
	size_t n;
	int flags; /* confusable_skeleton()'s */
	unsigned long which;
	int r_first;
};

/*
 * confusable_next_reading - the next reading of a sender's skeleton
 * other than itself into out (NUL-terminated); its length, or -1 when
 * none is left.  First cl as d and lc as k, two letters that pass for
 * one in a mail client's small type: every pair first, then fewer, down
 * to one (up to CONFUSABLE_PAIRS_MAX pairs; with more, all only), so
 * that a brand's own cl is kept (souncloucl: the d is the second cl).
 * Then, when the skeleton had a run (CONFUSABLE_RUN), an r before two
 * more of r and n as r m (platfornn, platforrr: platform), where the
 * skeleton reads m n, m r, so that ornnia is omnia.  The lookalike
 * rules read only a sender's skeleton so, never a brand's: the ci of
 * citi (cl once i reads as l) is no d.
 */
#define CONFUSABLE_PAIRS_MAX 3
int confusable_next_reading(const struct confusable *cf,
			    struct confusable_readings *r,
			    char out[CONFUSABLE_MAX + 1]);

#endif
