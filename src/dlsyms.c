/*
 * dlsyms - a library's functions into typed members (see dlsyms.h).
 */
#include <dlfcn.h>
#include <string.h>

#include "dlsyms.h"

/* dlsyms_fill - dlsym() each name, stored at its offset */
int dlsyms_fill(void *lib, const struct dlsyms_entry *syms, size_t n,
		void *base)
{
	for (size_t i = 0; i < n; i++) {
		void *fn = dlsym(lib, syms[i].name);

		if (fn == NULL)
			return -1;
		/* POSIX: a function's address as dlsym() gives it; stored
		 * into its typed member byte for byte (ISO C has no cast
		 * between object and function pointers) */
		memcpy((char *)base + syms[i].offset, &fn, sizeof(fn));
	}
	return 0;
}
