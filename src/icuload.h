/*
 * icuload - the few ICU functions confusable and utf8fold need, loaded
 * on first use.
 *
 * DESCRIPTION
 *	Linking ICU costs every run some 3 MB of resident memory before
 *	the first line (the relocations and symbol tables of libicuuc,
 *	libicui18n and the C++ runtime they pull in), although only an IDN
 *	sender ever needs it.  icuload_open() opens ICU's i18n library (and
 *	with it the common one) with dlopen() and looks its functions up by
 *	their versioned names, those of the ICU whose headers phishwatch
 *	was built with; icuload_close() lets them go.  A run without IDN
 *	senders never maps ICU at all.
 *
 * DIAGNOSTICS
 *	icuload_open() returns -1 when the library or a function is not
 *	there (the caller treats it as ICU failing to open its data).
 */
#ifndef PHISHWATCH_ICULOAD_H
#define PHISHWATCH_ICULOAD_H

#include <unicode/uchar.h>
#include <unicode/ucasemap.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/utrans.h>

struct icuload {
	void *lib; /* dlopen() handle, or NULL */
	USpoofChecker *(*spoof_open)(UErrorCode *);
	void (*spoof_close)(USpoofChecker *);
	void (*spoof_set_level)(USpoofChecker *, URestrictionLevel);
	void (*spoof_set_checks)(USpoofChecker *, int32_t, UErrorCode *);
	int32_t (*spoof_skeleton)(const USpoofChecker *, uint32_t,
				  const UChar *, int32_t, UChar *, int32_t,
				  UErrorCode *);
	int32_t (*spoof_check)(const USpoofChecker *, const UChar *, int32_t,
			       int32_t *, UErrorCode *);
	UTransliterator *(*trans_open)(const UChar *, int32_t, UTransDirection,
				       const UChar *, int32_t, UParseError *,
				       UErrorCode *);
	void (*trans_close)(UTransliterator *);
	void (*trans_uchars)(const UTransliterator *, UChar *, int32_t *,
			     int32_t, int32_t, int32_t *, UErrorCode *);
	int32_t (*char_name)(UChar32, UCharNameChoice, char *, int32_t,
			     UErrorCode *);
	int8_t (*char_type)(UChar32);
	UChar32 (*to_lower)(UChar32);
	UBool (*is_alpha)(UChar32);
	UScriptCode (*script_of)(UChar32, UErrorCode *);
	UChar *(*from_utf8)(UChar *, int32_t, int32_t *, const char *, int32_t,
			    UErrorCode *);
	UChar *(*ascii_copy)(UChar *, const char *);
	UCaseMap *(*casemap_open)(const char *, uint32_t, UErrorCode *);
	void (*casemap_close)(UCaseMap *);
	int32_t (*casemap_fold_utf8)(const UCaseMap *, char *, int32_t,
				     const char *, int32_t, UErrorCode *);
};

/* icuload_open - ICU's library and functions into *icu: 0, or -1 with
 * *icu left closed */
int icuload_open(struct icuload *icu);

/* icuload_close - let the library go (a closed one: nothing) */
void icuload_close(struct icuload *icu);

#endif
