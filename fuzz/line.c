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

FUZZ_PIPELINE_HARNESS(0)
