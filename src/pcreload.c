/*
 * pcreload - PCRE2's functions, loaded on first use (see pcreload.h).
 */
#include <dlfcn.h>
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "dlsyms.h"
#include "pcreload.h"

/* The 8-bit library's soname, as Debian's libpcre2-8-0 installs it. */
#define PCRELOAD_LIB "libpcre2-8.so.0"

/* The headers name each function after its code unit width
 * (pcre2_compile is pcre2_compile_8): the name to look up. */
#define PCRELOAD_NAME(f) #f "_8"

/* What to look up, and where it goes. */
static const struct dlsyms_entry pcreload_syms[] = {
    {PCRELOAD_NAME(pcre2_compile), offsetof(struct pcreload, compile)},
    {PCRELOAD_NAME(pcre2_code_free), offsetof(struct pcreload, code_free)},
    {PCRELOAD_NAME(pcre2_match_data_create_from_pattern),
     offsetof(struct pcreload, match_data_create)},
    {PCRELOAD_NAME(pcre2_match_data_free),
     offsetof(struct pcreload, match_data_free)},
    {PCRELOAD_NAME(pcre2_match), offsetof(struct pcreload, match)},
    {PCRELOAD_NAME(pcre2_get_error_message),
     offsetof(struct pcreload, error_message)},
    {PCRELOAD_NAME(pcre2_match_context_create),
     offsetof(struct pcreload, match_context_create)},
    {PCRELOAD_NAME(pcre2_match_context_free),
     offsetof(struct pcreload, match_context_free)},
    {PCRELOAD_NAME(pcre2_set_match_limit),
     offsetof(struct pcreload, set_match_limit)},
};

/* pcreload_open - dlopen() the library, then every function */
int pcreload_open(struct pcreload *pcre)
{
	memset(pcre, 0, sizeof(*pcre));
	pcre->lib = dlopen(PCRELOAD_LIB, RTLD_NOW | RTLD_LOCAL);
	if (pcre->lib == NULL) {
		errno = ELIBACC;
		return -1;
	}
	if (dlsyms_fill(pcre->lib, pcreload_syms,
			sizeof(pcreload_syms) / sizeof(pcreload_syms[0]), pcre)
	    < 0) {
		pcreload_close(pcre);
		errno = ELIBACC;
		return -1;
	}
	return 0;
}

/* pcreload_close - dlclose() and forget every function */
void pcreload_close(struct pcreload *pcre)
{
	if (pcre->lib != NULL)
		dlclose(pcre->lib);
	memset(pcre, 0, sizeof(*pcre));
}
