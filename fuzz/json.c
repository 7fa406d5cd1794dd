/*
 * fuzz/json.c - "--input json" lines (rsyslog mmnormalize objects)
 * through normalize_json() and the whole pipeline.
 *
 * DESCRIPTION
 *	The objects come from rsyslog, but their values are the words of
 *	the log line, and a misconfigured or hostile upstream may send
 *	anything: wrong types, duplicate keys, deep nesting, huge numbers.
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
	fuzz_pipeline_open(&fuzz, 1);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_pipeline_feed(&fuzz, (const char *) data, size);
	return 0;
}
