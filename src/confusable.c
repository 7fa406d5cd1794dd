/*
 * NAME
 *	confusable - the skeleton of a domain label (Unicode UTS #39)
 * SUMMARY
 *	ICU uspoof skeletons of decoded labels, folded further: marks
 *	dropped, lower case, Latin letter forms by their Unicode names.
 * DESCRIPTION
 *	UTS #39 maps each character to a prototype that looks the same
 *	(Cyrillic a to a, m to rn, 0 to O); ICU keeps the data current, so
 *	phishwatch keeps no table of its own.  The standard's skeleton does
 *	not drop accents (a skeleton is NFD, and an acute accent is still a
 *	mark) and does not map small capitals or most Latin letter forms,
 *	which phishers use as well: p\u00e1ypal, \u1d1cps.  Those are folded
 *	after the skeleton: nonspacing marks dropped, letters lower-cased,
 *	and a remaining Latin letter whose Unicode name says it is a form of
 *	an ASCII letter ("LATIN LETTER SMALL CAPITAL U", "LATIN SMALL LETTER
 *	L WITH MIDDLE TILDE", "LATIN SMALL LETTER DOTLESS I") taken as that
 *	letter: the names are the standard's, so this too needs no table.
 *	Last, vv and w, i and l, and rn, nn, rr and m are made one (ASCII
 *	look-alikes that UTS #39 leaves apart, as the skeleton keeps no
 *	sequences on the left: it has rn for m, not nn or rr, which read as
 *	m as well in the small sans-serif type of a mail client's list).
 *	confusable_merge_ce() makes c and e one too, for the caller to use
 *	where a looser likeness is safe.
 *
 *	A label mixes scripts when ICU's single-script restriction level
 *	refuses it: Latin with Cyrillic, Greek or Armenian letters.
 *
 *	Labels that are no A-label take a fast path: of the letters, digits
 *	and hyphen, UTS #39 maps only 0, 1 and m, so ICU is not needed (a
 *	unit test checks the path against ICU).  ICU's spoof checker and the
 *	CLDR transform are opened on the first A-label, and ICU's libraries
 *	are loaded then too (icuload.h): they cost megabytes and tens of
 *	milliseconds, which mail without IDN senders never pays.
 *	All buffers are bounded by CONFUSABLE_MAX.  Not for threads: the
 *	lazy opening writes through a const pointer's member.
 */
#include <idn2.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "confusable.h"
#include "hostname.h"
#include "icuload.h"

/* Prefix of an IDNA A-label (RFC 5890). */
#define CONFUSABLE_ACE     "xn--"
#define CONFUSABLE_ACE_LEN (sizeof(CONFUSABLE_ACE) - 1)
/* UTF-16 units a decoded label or its skeleton may take. */
#define CONFUSABLE_WIDE 256
/* A Unicode character name. */
#define CONFUSABLE_NAME_MAX 128

/* CLDR transforms for letters that no confusable prototype or Latin
 * name maps: Cyrillic te, em, ka are t, m, k to a reader.  Of a script
 * that looks nothing like Latin the transform gives a sound (Han nai,
 * katakana a ma zo n), which the caller is told of (CONFUSABLE_SOUND). */
#define CONFUSABLE_TRANSFORM "Any-Latin; Latin-ASCII"

/* Opened on the first IDN label (ICU's confusables data and the CLDR
 * transforms cost megabytes and tens of milliseconds, and most mail has
 * no IDN sender); ASCII labels need neither (confusable_ascii()). */
struct confusable_lazy {
	struct icuload icu;     /* ICU's functions, once loaded */
	USpoofChecker *checker; /* skeletons and scripts, or NULL */
	UTransliterator *latin; /* CONFUSABLE_TRANSFORM, or NULL */
	int failed;             /* ICU could not open one */
};

struct confusable {
	struct confusable_lazy *lazy;
};

static int confusable_char(const struct confusable *cf, UChar32 c,
			   UChar32 out[CONFUSABLE_CHAR_MAX], int *flags);

/* confusable_transform - the CLDR transliterator to ASCII Latin */
static UTransliterator *confusable_transform(const struct icuload *icu,
					     UErrorCode *status)
{
	UChar id[sizeof(CONFUSABLE_TRANSFORM)];

	icu->ascii_copy(id, CONFUSABLE_TRANSFORM);
	return icu->trans_open(id, -1, UTRANS_FORWARD, NULL, 0, NULL, status);
}

/* confusable_new - a skeleton maker; ICU is opened when first needed */
struct confusable *confusable_new(void)
{
	struct confusable *cf = calloc(1, sizeof(*cf));

	if (cf == NULL)
		return NULL;
	cf->lazy = calloc(1, sizeof(*cf->lazy));
	if (cf->lazy == NULL) {
		free(cf);
		return NULL;
	}
	return cf;
}

/* confusable_open - ICU's libraries, spoof checker and transform,
 * once; 0, or -1 when ICU cannot open them */
static int confusable_open(const struct confusable *cf)
{
	struct confusable_lazy *lazy = cf->lazy;
	const struct icuload *icu = &lazy->icu;
	UErrorCode status = U_ZERO_ERROR;

	if (lazy->checker != NULL || lazy->failed)
		return lazy->failed ? -1 : 0;
	if (icuload_open(&lazy->icu) < 0) {
		lazy->failed = 1;
		return -1;
	}
	lazy->checker = icu->spoof_open(&status);
	if (U_SUCCESS(status)) {
		icu->spoof_set_level(lazy->checker,
				     USPOOF_SINGLE_SCRIPT_RESTRICTIVE);
		icu->spoof_set_checks(lazy->checker, USPOOF_RESTRICTION_LEVEL,
				      &status);
	}
	if (U_SUCCESS(status))
		lazy->latin = confusable_transform(icu, &status);
	lazy->failed = U_FAILURE(status);
	return lazy->failed ? -1 : 0;
}

/* confusable_free - release the checker */
void confusable_free(struct confusable *cf)
{
	if (cf == NULL)
		return;
	if (cf->lazy != NULL && cf->lazy->checker != NULL)
		cf->lazy->icu.spoof_close(cf->lazy->checker);
	if (cf->lazy != NULL && cf->lazy->latin != NULL)
		cf->lazy->icu.trans_close(cf->lazy->latin);
	if (cf->lazy != NULL)
		icuload_close(&cf->lazy->icu);
	free(cf->lazy);
	free(cf);
}

/* confusable_by_name - the ASCII letter that the Unicode name of c says
 * it is a form of ("LATIN ... LETTER [SMALL CAPITAL|DOTLESS|SCRIPT] X
 * [WITH ...]"), or 0 */
static UChar32 confusable_by_name(const struct icuload *icu, UChar32 c)
{
	static const char *const forms[] = {"SMALL CAPITAL ", "DOTLESS ",
					    "SCRIPT "};
	char name[CONFUSABLE_NAME_MAX];
	UErrorCode status = U_ZERO_ERROR;
	const char *letter;

	icu->char_name(c, U_UNICODE_CHAR_NAME, name, sizeof(name), &status);
	if (U_FAILURE(status) || strncmp(name, "LATIN ", 6) != 0
	    || (letter = strstr(name, "LETTER ")) == NULL)
		return 0;
	letter += 7;
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		size_t n = strlen(forms[i]);

		if (strncmp(letter, forms[i], n) == 0)
			letter += n;
	}
	if (letter[0] < 'A' || letter[0] > 'Z'
	    || (letter[1] != '\0' && strncmp(letter + 1, " WITH ", 6) != 0))
		return 0;
	return letter[0] - 'A' + 'a';
}

/* confusable_fold - one skeleton character as it is kept: -1 to drop
 * it (a nonspacing mark), else lower case, Latin forms by name */
static UChar32 confusable_fold(const struct icuload *icu, UChar32 c)
{
	UChar32 ascii;

	if (icu->char_type(c) == U_NON_SPACING_MARK)
		return -1;
	c = icu->to_lower(c);
	if (c < 0x80)
		return c;
	ascii = confusable_by_name(icu, c);
	return ascii != 0 ? ascii : c;
}

/* confusable_put - append code point c as UTF-8; -1 when out is full */
static int confusable_put(char *out, size_t *n, UChar32 c)
{
	char bytes[U8_MAX_LENGTH];
	int32_t len = 0;
	UBool error = 0;

	U8_APPEND(bytes, len, (int32_t)sizeof(bytes), c, error);
	if (error || *n + (size_t)len > CONFUSABLE_MAX)
		return -1;
	memcpy(out + *n, bytes, (size_t)len);
	*n += (size_t)len;
	return 0;
}

/* What confusable_append() remembers of an m it made of r r or r n: an
 * n after r r makes r m of the three (herrnes reads as her+rn, hermes),
 * as rn is the closer look-alike of m.  Not code points. */
#define CONFUSABLE_PREV_RR (-2)
#define CONFUSABLE_PREV_RN (-3)

/* What confusable_append() keeps from one letter to the next. */
struct confusable_fold {
	UChar32 prev; /* the last letter, or CONFUSABLE_PREV_RR, _RN */
	int r_first;  /* in: r and two more of r and n read r m */
	int unread;   /* in: a letter read by sound kept as it is */
	int flags;    /* out: CONFUSABLE_RUN when it would have */
};

/* confusable_append - one folded letter after fold->prev, with vv as w;
 * rn, nn and rr as m (UTS #39 writes m as rn; Cyrillic em transforms to
 * m), but r r n as r m, and with fold->r_first any r and two more of r
 * and n; and i as l; -1 when out is full */
static int confusable_append(char out[CONFUSABLE_MAX + 1], size_t *n,
			     struct confusable_fold *fold, UChar32 c)
{
	const UChar32 prev = fold->prev;
	const int run =
	    (prev == CONFUSABLE_PREV_RR || prev == CONFUSABLE_PREV_RN)
	    && (c == 'n' || c == 'r');

	if (c == 'i')
		c = 'l';
	if (run
	    && (fold->r_first || (c == 'n' && prev == CONFUSABLE_PREV_RR))) {
		out[*n - 1] = 'r';
		c = 'm';
	} else if (run)
		fold->flags |= CONFUSABLE_RUN;
	else if (c == 'v' && prev == 'v') {
		out[*n - 1] = 'w';
		fold->prev = 'w';
		return 0;
	} else if ((c == 'n' || c == 'r') && (prev == 'r' || prev == 'n')) {
		out[*n - 1] = 'm';
		fold->prev = prev != 'r' ? 'm'
			     : c == 'r'  ? CONFUSABLE_PREV_RR
					 : CONFUSABLE_PREV_RN;
		return 0;
	}
	if (confusable_put(out, n, c) < 0)
		return -1;
	fold->prev = c;
	return 0;
}

/* confusable_latin - the ASCII letters that CLDR's transform gives for
 * c into out (at most 4), or 0 when it gives none or not only letters */
static int confusable_latin(const struct confusable *cf, UChar32 c,
			    UChar32 out[4])
{
	UChar text[8];
	int32_t len = 0;
	int32_t limit;
	UErrorCode status = U_ZERO_ERROR;
	UBool error = 0;
	int n = 0;

	U16_APPEND(text, len, 2, c, error);
	if (error)
		return 0;
	limit = len;
	cf->lazy->icu.trans_uchars(cf->lazy->latin, text, &len,
				   (int32_t)(sizeof(text) / sizeof(text[0])), 0,
				   &limit, &status);
	if (U_FAILURE(status) || len > 4)
		return 0;
	for (int32_t i = 0; i < len; i++) {
		UChar32 l = cf->lazy->icu.to_lower(text[i]);

		if (l < 'a' || l > 'z')
			return 0;
		out[n++] = l;
	}
	return n;
}

/* confusable_latinlike - c is of a script whose letters pass for Latin
 * ones (Latin, Greek, Cyrillic, Armenian: UTS #39 maps many of them to
 * ASCII, and CLDR's transform of the rest mostly gives the letter they
 * look like: Cyrillic te, em, ka), or of none (common marks and signs) */
static int confusable_latinlike(const struct confusable *cf, UChar32 c)
{
	UErrorCode status = U_ZERO_ERROR;
	UScriptCode script = cf->lazy->icu.script_of(c, &status);

	return U_FAILURE(status) || script == USCRIPT_LATIN
	       || script == USCRIPT_GREEK || script == USCRIPT_CYRILLIC
	       || script == USCRIPT_ARMENIAN || script == USCRIPT_COMMON
	       || script == USCRIPT_INHERITED;
}

/* confusable_char - the letters a reader sees in code point c, into out
 * (at most CONFUSABLE_CHAR_MAX): its UTS #39 prototype folded when that
 * is ASCII, else the CLDR Latin transform of c when that is letters,
 * else the folded prototype; their number, or -1.  A transform of a
 * letter of a script that looks nothing like Latin is its sound, not
 * its look: *flags (when not NULL) gets CONFUSABLE_SOUND. */
static int confusable_char(const struct confusable *cf, UChar32 c,
			   UChar32 out[CONFUSABLE_CHAR_MAX], int *flags)
{
	UChar one[2] = {0, 0};
	UChar sk[CONFUSABLE_CHAR_MAX * 2];
	int32_t len = 0;
	int32_t sk_len;
	int n = 0;
	int ascii = 1;
	UErrorCode status = U_ZERO_ERROR;
	UBool error = 0;

	U16_APPEND(one, len, 2, c, error);
	sk_len =
	    cf->lazy->icu.spoof_skeleton(cf->lazy->checker, 0, one, len, sk,
					 CONFUSABLE_CHAR_MAX * 2, &status);
	if (error || U_FAILURE(status))
		return -1;
	for (int32_t i = 0; i < sk_len && n < CONFUSABLE_CHAR_MAX;) {
		UChar32 p;

		U16_NEXT(sk, i, sk_len, p);
		p = confusable_fold(&cf->lazy->icu, p);
		if (p >= 0) {
			ascii &= p < 0x80;
			out[n++] = p;
		}
	}
	if (!ascii && cf->lazy->icu.is_alpha(c)) {
		UChar32 latin[CONFUSABLE_CHAR_MAX];
		int m = confusable_latin(cf, c, latin);

		if (m > 0) {
			memcpy(out, latin, (size_t)m * sizeof(*out));
			n = m;
			if (flags != NULL && !confusable_latinlike(cf, c))
				*flags |= CONFUSABLE_SOUND;
		}
	}
	return n;
}

/* confusable_letters - the folded letters code point c stands for, as
 * the skeleton writes them; their number, or -1 */
static int confusable_letters(const struct confusable *cf, UChar32 c,
			      UChar32 seen[CONFUSABLE_CHAR_MAX], int *flags)
{
	int count = confusable_char(cf, c, seen, flags);

	/* UTS #39 writes m as rn: one letter, which a letter before it
	 * must not pair with (her+rn is no he+m+n; the fast path reads
	 * hermes as hermes too) */
	if (count == 2 && seen[0] == 'r' && seen[1] == 'n') {
		seen[0] = 'm';
		count = 1;
	}
	return count;
}

/* confusable_emit - the letters of each code point of wide[0..len) into
 * out, folded and joined; its length, or -1 */
static int confusable_emit(const struct confusable *cf, const UChar *wide,
			   int32_t len, struct confusable_fold *fold,
			   char out[CONFUSABLE_MAX + 1])
{
	size_t n = 0;

	for (int32_t i = 0; i < len;) {
		UChar32 c;
		UChar32 seen[CONFUSABLE_CHAR_MAX];
		int sound = 0;
		int count;

		U16_NEXT(wide, i, len, c);
		count = confusable_letters(cf, c, seen, &sound);
		if (count < 0)
			return -1;
		/* fold->unread: the letter itself, not its sound */
		if (fold->unread && (sound & CONFUSABLE_SOUND)) {
			seen[0] = c;
			count = 1;
		}
		fold->flags |= sound;
		for (int k = 0; k < count; k++)
			if (confusable_append(out, &n, fold, seen[k]) < 0)
				return -1;
	}
	out[n] = '\0';
	return (int)n;
}

/* confusable_ascii - the skeleton of a label that is no A-label: of the
 * letters, digits and hyphen, UTS #39 maps only 0 (to O), 1 (to l) and m
 * (to rn, which confusable_append() writes m), so ICU is not needed
 * (test_lookalike_index checks this against ICU); its length, or -1 */
static int confusable_ascii(const char *label, size_t len,
			    struct confusable_fold *fold,
			    char out[CONFUSABLE_MAX + 1])
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		UChar32 c = (unsigned char)label[i];

		if (c >= 0x80)
			return -1;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		c = c == '0' ? 'o' : c == '1' ? 'l' : c;
		if (confusable_append(out, &n, fold, c) < 0)
			return -1;
	}
	out[n] = '\0';
	return (int)n;
}

void confusable_merge_ce(const char *sk, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		out[i] = sk[i] == 'c' ? 'e' : sk[i];
	out[n] = '\0';
}

int confusable_is_ace(const char *label, size_t len)
{
	return len > CONFUSABLE_ACE_LEN
	       && memcmp(label, CONFUSABLE_ACE, CONFUSABLE_ACE_LEN) == 0;
}

int confusable_decode(const char *label, size_t len,
		      char out[CONFUSABLE_TEXT_MAX + 1])
{
	char ace[HOSTNAME_LABEL_MAX + 1];
	char *utf8 = NULL;

	if (label == NULL || len > HOSTNAME_LABEL_MAX
	    || !confusable_is_ace(label, len))
		return -1;
	memcpy(ace, label, len);
	ace[len] = '\0';
	if (idn2_to_unicode_8z8z(ace, &utf8, 0) != IDN2_OK)
		return -1;
	return (int)hostname_idn2_take(utf8, out, CONFUSABLE_TEXT_MAX);
}

/* confusable_wide - A-label label decoded, as UTF-16 into wide; its
 * length, or -1; *flags gets CONFUSABLE_IDN */
static int32_t confusable_wide(const struct icuload *icu, const char *label,
			       size_t len, UChar wide[CONFUSABLE_WIDE],
			       int *flags)
{
	char text[CONFUSABLE_TEXT_MAX + 1];
	UErrorCode status = U_ZERO_ERROR;
	int32_t n = -1;
	int tlen = confusable_decode(label, len, text);

	if (tlen < 0)
		return -1;
	*flags |= CONFUSABLE_IDN;
	icu->from_utf8(wide, CONFUSABLE_WIDE, &n, text, tlen, &status);
	return U_SUCCESS(status) && n < CONFUSABLE_WIDE ? n : -1;
}

/* confusable_fold_label - the folded UTS #39 skeleton of a label, runs
 * of r and n read as fold says; fold->flags gets what was seen */
static int confusable_fold_label(const struct confusable *cf, const char *label,
				 size_t len, char out[CONFUSABLE_MAX + 1],
				 struct confusable_fold *fold)
{
	UChar wide[CONFUSABLE_WIDE];
	UErrorCode status = U_ZERO_ERROR;
	int32_t n;

	if (cf == NULL)
		return -1;
	if (!confusable_is_ace(label, len))
		return confusable_ascii(label, len, fold, out);
	if (confusable_open(cf) < 0)
		return -1;
	n = confusable_wide(&cf->lazy->icu, label, len, wide, &fold->flags);
	if (n < 0)
		return -1;
	if ((fold->flags & CONFUSABLE_IDN)
	    && (cf->lazy->icu.spoof_check(cf->lazy->checker, wide, n, NULL,
					  &status)
		& USPOOF_RESTRICTION_LEVEL)
		   != 0)
		fold->flags |= CONFUSABLE_MIXED;
	return confusable_emit(cf, wide, n, fold, out);
}

int confusable_skeleton(const struct confusable *cf, const char *label,
			size_t len, char out[CONFUSABLE_MAX + 1], int *flags)
{
	struct confusable_fold fold = {0};
	int n = confusable_fold_label(cf, label, len, out, &fold);

	if (flags != NULL)
		*flags = n >= 0 ? fold.flags : 0;
	return n;
}

int confusable_skeleton_unread(const struct confusable *cf, const char *label,
			       size_t len, char out[CONFUSABLE_MAX + 1])
{
	struct confusable_fold fold = {.unread = 1};

	return confusable_fold_label(cf, label, len, out, &fold);
}

/* confusable_read_char - c (lower case) as a reader writes it in ASCII,
 * appended to out at *n: itself when an ASCII letter, digit or hyphen,
 * else CLDR's transform of it; -1 when it has none or out is full */
static int confusable_read_char(const struct confusable *cf, UChar32 c,
				char out[CONFUSABLE_READING_MAX + 1], size_t *n)
{
	UChar32 latin[CONFUSABLE_CHAR_MAX];
	int m = 1;

	if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
		latin[0] = c;
	else
		m = confusable_latin(cf, c, latin);
	if (m <= 0 || *n + (size_t)m > CONFUSABLE_READING_MAX)
		return -1;
	for (int i = 0; i < m; i++)
		out[(*n)++] = (char)latin[i];
	return 0;
}

int confusable_reading(const struct confusable *cf, const char *label,
		       size_t len, char out[CONFUSABLE_READING_MAX + 1])
{
	UChar wide[CONFUSABLE_WIDE];
	int flags = 0;
	int32_t n;
	size_t used = 0;

	if (cf == NULL || label == NULL || out == NULL
	    || !confusable_is_ace(label, len) || confusable_open(cf) < 0)
		return -1;
	n = confusable_wide(&cf->lazy->icu, label, len, wide, &flags);
	for (int32_t i = 0; i < n;) {
		UChar32 c;

		U16_NEXT(wide, i, n, c);
		if (confusable_read_char(cf, cf->lazy->icu.to_lower(c), out,
					 &used)
		    < 0)
			return -1;
	}
	out[used] = '\0';
	return n > 0 && out[0] != '-' && out[used - 1] != '-' ? (int)used : -1;
}

int confusable_glyphs(const struct confusable *cf, const char *text, size_t len,
		      struct confusable_glyphs *g)
{
	int32_t i = 0;

	if (cf == NULL || text == NULL || len > CONFUSABLE_TEXT_MAX
	    || confusable_open(cf) < 0)
		return -1;
	g->count = 0;
	while ((size_t)i < len) {
		UChar32 c;
		int count;

		g->at[g->count] = (size_t)i;
		U8_NEXT(text, i, (int32_t)len, c);
		if (c < 0)
			return -1;
		count = confusable_letters(cf, c, g->letter[g->count], NULL);
		if (count < 0)
			return -1;
		g->letters[g->count++] = count;
	}
	g->at[g->count] = len;
	return 0;
}

/* confusable_glyph_at - the character of g that starts at byte offset,
 * or -1 when none does */
static long confusable_glyph_at(const struct confusable_glyphs *g,
				size_t offset)
{
	size_t lo = 0;
	size_t hi = g->count + 1;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (g->at[mid] == offset)
			return (long)mid;
		if (g->at[mid] < offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int confusable_part_skeleton(const struct confusable_glyphs *g, size_t from,
			     size_t to, char out[CONFUSABLE_MAX + 1])
{
	struct confusable_fold fold = {0};
	long first = confusable_glyph_at(g, from);
	long last = confusable_glyph_at(g, to);
	size_t n = 0;

	if (first < 0 || last < first)
		return -1;
	for (long c = first; c < last; c++)
		for (int k = 0; k < g->letters[c]; k++)
			if (confusable_append(out, &n, &fold, g->letter[c][k])
			    < 0)
				return -1;
	out[n] = '\0';
	return (int)n;
}

/* confusable_skeleton_r_first - confusable_skeleton() with an r before
 * two more of r and n read r m */
static int confusable_skeleton_r_first(const struct confusable *cf,
				       const char *label, size_t len,
				       char out[CONFUSABLE_MAX + 1])
{
	struct confusable_fold fold = {.r_first = 1};

	return confusable_fold_label(cf, label, len, out, &fold);
}

/* confusable_glyph_pair_at - sk[i..n) starts with cl or lc */
static int confusable_glyph_pair_at(const char *sk, size_t n, size_t i)
{
	return i + 1 < n
	       && ((sk[i] == 'c' && sk[i + 1] == 'l')
		   || (sk[i] == 'l' && sk[i + 1] == 'c'));
}

/* confusable_glyph_pair_count - the cl and lc pairs in sk[0..n), read
 * from the left as confusable_glyph_pairs() does */
static size_t confusable_glyph_pair_count(const char *sk, size_t n)
{
	size_t count = 0;

	for (size_t i = 0; i < n; i++)
		if (confusable_glyph_pair_at(sk, n, i)) {
			count++;
			i++;
		}
	return count;
}

/* confusable_glyph_pairs - sk[0..n) with the pairs whose bit is set in
 * which (bit 0 the first from the left) read as one letter into out;
 * its length, or 0 when none was */
static size_t confusable_glyph_pairs(const char *sk, size_t n,
				     unsigned long which,
				     char out[CONFUSABLE_MAX + 1])
{
	size_t m = 0;
	size_t pair = 0;
	int merged = 0;

	for (size_t i = 0; i < n && m < CONFUSABLE_MAX; i++) {
		if (!confusable_glyph_pair_at(sk, n, i)) {
			out[m++] = sk[i];
			continue;
		}
		/* A pair left as it is stays two letters, and still a pair:
		 * which counts pairs, not readings. */
		if (pair < CHAR_BIT * sizeof(which) && (which >> pair & 1)) {
			out[m++] = sk[i] == 'c' ? 'd' : 'k';
			merged = 1;
		} else if (m + 1 < CONFUSABLE_MAX) {
			out[m++] = sk[i];
			out[m++] = sk[i + 1];
		}
		pair++;
		i++;
	}
	out[m] = '\0';
	return merged ? m : 0;
}

/* confusable_pair_reading - the next reading of sk[0..n) with cl and lc
 * pairs as letters (confusable_next_reading()); its length, or 0 when
 * none is left; *which 0 for the first */
static size_t confusable_pair_reading(const char *sk, size_t n,
				      unsigned long *which,
				      char out[CONFUSABLE_MAX + 1])
{
	if (*which == 0) {
		size_t count = confusable_glyph_pair_count(sk, n);

		if (count == 0)
			return 0;
		*which =
		    count > CONFUSABLE_PAIRS_MAX ? ~0UL : (1UL << count) - 1;
	} else if (*which == ~0UL || --*which == 0)
		return 0;
	return confusable_glyph_pairs(sk, n, *which, out);
}

int confusable_next_reading(const struct confusable *cf,
			    struct confusable_readings *r,
			    char out[CONFUSABLE_MAX + 1])
{
	size_t m;

	if (r->r_first)
		return -1;
	m = confusable_pair_reading(r->sk, r->n, &r->which, out);
	if (m > 0)
		return (int)m;
	r->r_first = 1;
	return (r->flags & CONFUSABLE_RUN)
		   ? confusable_skeleton_r_first(cf, r->label, r->len, out)
		   : -1;
}
