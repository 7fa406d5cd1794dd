/*
 * dlsyms - the functions of a library opened with dlopen(), looked up
 * into the members of a struct of typed function pointers.
 *
 * DESCRIPTION
 *	icuload.h and pcreload.h load libraries only a few runs need.
 *	Each names its functions in a table of names and offsets into its
 *	own struct; dlsyms_fill() looks every one up and stores it.
 */
#ifndef PHISHWATCH_DLSYMS_H
#define PHISHWATCH_DLSYMS_H

#include <stddef.h>

/* One function: its name in the library, its member in the struct. */
struct dlsyms_entry {
	const char *name;
	size_t offset;
};

/* dlsyms_fill - each function of syms[0..n) from lib into base's
 * members: 0, or -1 when one is missing (some members then set) */
int dlsyms_fill(void *lib, const struct dlsyms_entry *syms, size_t n,
		void *base);

#endif
