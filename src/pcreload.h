/*
 * pcreload - the few PCRE2 functions a pcre: table needs, loaded on
 * first use.
 *
 * DESCRIPTION
 *	Only a Postfix pcre: table (-a pcre:FILE) needs PCRE2, so it is
 *	not linked: a run without one never maps it, and keeps the
 *	address space it had (tests/faults/memlimit.t starts phishwatch
 *	under limits just above what its linked libraries take).
 *	pcreload_open() opens the 8-bit library with dlopen() and looks
 *	its functions up, by the names its headers give them;
 *	pcreload_close() lets them go.
 *
 * DIAGNOSTICS
 *	pcreload_open() returns -1 when the library or a function is not
 *	there (ELIBACC); the caller says the table cannot be read.
 */
#ifndef PHISHWATCH_PCRELOAD_H
#define PHISHWATCH_PCRELOAD_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

struct pcreload {
	void *lib; /* dlopen() handle, or NULL */
	pcre2_code *(*compile)(PCRE2_SPTR, PCRE2_SIZE, uint32_t, int *,
			       PCRE2_SIZE *, pcre2_compile_context *);
	void (*code_free)(pcre2_code *);
	pcre2_match_data *(*match_data_create)(const pcre2_code *,
					       pcre2_general_context *);
	void (*match_data_free)(pcre2_match_data *);
	int (*match)(const pcre2_code *, PCRE2_SPTR, PCRE2_SIZE, PCRE2_SIZE,
		     uint32_t, pcre2_match_data *, pcre2_match_context *);
	int (*error_message)(int, PCRE2_UCHAR *, PCRE2_SIZE);
	pcre2_match_context *(*match_context_create)(pcre2_general_context *);
	void (*match_context_free)(pcre2_match_context *);
	int (*set_match_limit)(pcre2_match_context *, uint32_t);
};

/* pcreload_open - PCRE2's library and functions into *pcre: 0, or -1
 * (errno ELIBACC) with *pcre left closed */
int pcreload_open(struct pcreload *pcre);

/* pcreload_close - let the library go (a closed one: nothing) */
void pcreload_close(struct pcreload *pcre);

#endif
