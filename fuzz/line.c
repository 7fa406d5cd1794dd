/*
 * fuzz/line.c - raw sm-mta log lines through the whole pipeline.
 *
 * DESCRIPTION
 *	Each input is one or more lines (split at newlines) as an
 *	attacker could make sendmail log them: prefilter, liblognorm with
 *	rulebase/sendmail.rb, tracker, detector, access map, store and the
 *	emitter, exactly as phishwatch runs them.
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz.h"

static struct fuzz_pipeline fuzz;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Loading the rulebase takes a while: before the clock of -timeout runs. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void) argc;
	(void) argv;
	fuzz_pipeline_open(&fuzz, 0);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_pipeline_feed(&fuzz, (const char *) data, size);
	return 0;
}
