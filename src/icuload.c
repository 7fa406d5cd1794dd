/*
 * icuload - ICU's functions, loaded on first use (see icuload.h).
 */
#include <dlfcn.h>
#include <stddef.h>
#include <string.h>
#include <unicode/uvernum.h>

#include "dlsyms.h"
#include "icuload.h"

/* ICU renames each entry point after its version (uspoof_open_72), as
 * its headers do for a program linked to it. */
#define ICULOAD_NAME(f) f "_" U_ICU_VERSION_SHORT
#define ICULOAD_LIB     "libicui18n.so." U_ICU_VERSION_SHORT

/* What to look up, and where it goes. */
static const struct dlsyms_entry icuload_syms[] = {
    {ICULOAD_NAME("uspoof_open"), offsetof(struct icuload, spoof_open)},
    {ICULOAD_NAME("uspoof_close"), offsetof(struct icuload, spoof_close)},
    {ICULOAD_NAME("uspoof_setRestrictionLevel"),
     offsetof(struct icuload, spoof_set_level)},
    {ICULOAD_NAME("uspoof_setChecks"),
     offsetof(struct icuload, spoof_set_checks)},
    {ICULOAD_NAME("uspoof_getSkeleton"),
     offsetof(struct icuload, spoof_skeleton)},
    {ICULOAD_NAME("uspoof_check"), offsetof(struct icuload, spoof_check)},
    {ICULOAD_NAME("utrans_openU"), offsetof(struct icuload, trans_open)},
    {ICULOAD_NAME("utrans_close"), offsetof(struct icuload, trans_close)},
    {ICULOAD_NAME("utrans_transUChars"),
     offsetof(struct icuload, trans_uchars)},
    {ICULOAD_NAME("u_charName"), offsetof(struct icuload, char_name)},
    {ICULOAD_NAME("u_charType"), offsetof(struct icuload, char_type)},
    {ICULOAD_NAME("u_tolower"), offsetof(struct icuload, to_lower)},
    {ICULOAD_NAME("u_isalpha"), offsetof(struct icuload, is_alpha)},
    {ICULOAD_NAME("uscript_getScript"), offsetof(struct icuload, script_of)},
    {ICULOAD_NAME("u_strFromUTF8"), offsetof(struct icuload, from_utf8)},
    {ICULOAD_NAME("u_uastrcpy"), offsetof(struct icuload, ascii_copy)},
    {ICULOAD_NAME("ucasemap_open"), offsetof(struct icuload, casemap_open)},
    {ICULOAD_NAME("ucasemap_close"), offsetof(struct icuload, casemap_close)},
    {ICULOAD_NAME("ucasemap_utf8FoldCase"),
     offsetof(struct icuload, casemap_fold_utf8)},
};

/* icuload_open - dlopen() the i18n library (the common one comes with
 * it, and dlsym() searches both), then every function */
int icuload_open(struct icuload *icu)
{
	memset(icu, 0, sizeof(*icu));
	/* Never unloaded: ICU keeps caches (confusables data, transforms)
	 * in its own globals for the process's life, as it does when linked;
	 * unloading would leave them reachable from nowhere, and a later
	 * load would build them again. */
	icu->lib = dlopen(ICULOAD_LIB, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
	if (icu->lib == NULL)
		return -1;
	if (dlsyms_fill(icu->lib, icuload_syms,
			sizeof(icuload_syms) / sizeof(icuload_syms[0]), icu)
	    < 0) {
		icuload_close(icu);
		return -1;
	}
	return 0;
}

/* icuload_close - dlclose() and forget every function */
void icuload_close(struct icuload *icu)
{
	if (icu->lib != NULL)
		dlclose(icu->lib);
	memset(icu, 0, sizeof(*icu));
}
