/*
 * reporthtml - the campaign chronology as one self-contained HTML page.
 *
 * DESCRIPTION
 *	reporthtml_print() writes a page with no script, no style sheet,
 *	font or image from elsewhere, and no network reference: an inline
 *	SVG timeline, one row per campaign on a shared time axis in UTC,
 *	cut into hours when the campaigns span three days or less and into
 *	days beyond; each bucket with lines is a stacked bar, delivered
 *	(red) under blocked (green) under messages with neither outcome
 *	yet (grey), to one scale for all rows, its counts in data-
 *	attributes and a tooltip; then the table of the text report.  The
 *	markup is well-formed XML (XHTML syntax inside an HTML5 page), so
 *	any XML parser can check it, and every text from the store is
 *	escaped, though only validated host names and rule names go there.
 *
 *	The buckets come from the store's hours (store_buckets()), which
 *	the counting fills line by line, so a report of log files and one
 *	of the store alone draw the same.  A campaign with no hours (counted
 *	by a store of schema 1) is drawn as a thin line over its span.
 */
#ifndef PHISHWATCH_REPORTHTML_H
#define PHISHWATCH_REPORTHTML_H

#include <stdio.h>

#include "store.h"

/* reporthtml_print - the page on fp; 0, or -1 (store or I/O error) */
int reporthtml_print(struct store *store, FILE *fp);

#endif
