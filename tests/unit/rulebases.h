/*
 * rulebases.h - what the unit tests of the MTA-neutral normalizer
 * share: sendmail's, Postfix's and Exim's real rulebases loaded into
 * one normalizer from $TOP (or the current directory when TOP is not
 * set), each load a test of its own.
 */
#ifndef PHISHWATCH_TEST_RULEBASES_H
#define PHISHWATCH_TEST_RULEBASES_H

#include <stdio.h>

#include "normalize.h"
#include "tap.h"

/* rulebases - the three MTAs' rulebases in one normalizer, or NULL */
static __attribute__((unused)) struct normalizer *
rulebases(const char *top)
{
	char path[4096];
	char err[NORMALIZE_ERR_MAX];
	struct normalizer *norm;

	snprintf(path, sizeof(path), "%s%srulebase/sendmail.rb",
		 top != NULL ? top : "", top != NULL ? "/" : "");
	norm = normalize_open(path, err);
	if (!tap_ok(norm != NULL, "rulebase/sendmail.rb loads"))
		return NULL;
	snprintf(path, sizeof(path), "%s%srulebase/postfix.rb",
		 top != NULL ? top : "", top != NULL ? "/" : "");
	if (!tap_ok(normalize_add(norm, MTA_POSTFIX, path, err) == 0,
		    "rulebase/postfix.rb loads"))
		return NULL;
	snprintf(path, sizeof(path), "%s%srulebase/exim.rb",
		 top != NULL ? top : "", top != NULL ? "/" : "");
	if (!tap_ok(normalize_add(norm, MTA_EXIM, path, err) == 0,
		    "rulebase/exim.rb loads"))
		return NULL;
	return norm;
}

#endif
