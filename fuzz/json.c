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

FUZZ_PIPELINE_HARNESS(1)
