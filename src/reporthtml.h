/*
 * reporthtml - the campaign chronology as one self-contained HTML page.
 *
 * DESCRIPTION
 *	reporthtml_print() writes a page with no script, no style sheet,
 *	font or image from elsewhere, and no network reference: an inline
 *	SVG timeline, one row per campaign, its bar from the campaign's
 *	first to its last message on a shared time axis, coloured by what
 *	the site did with its mail (delivered against blocked), then the
 *	table of the text report.  The markup is well-formed XML (XHTML
 *	syntax inside an HTML5 page), so any XML parser can check it, and
 *	every text from the store is escaped, though only validated host
 *	names and rule names go there.
 *
 *	The store keeps each campaign's totals and its first and last time,
 *	not a series per hour: a bar shows when a campaign ran and how its
 *	mail fared, not how its volume moved within that span.
 */
#ifndef PHISHWATCH_REPORTHTML_H
#define PHISHWATCH_REPORTHTML_H

#include <stdio.h>

#include "store.h"

/* reporthtml_print - the page on fp; 0, or -1 (store or I/O error) */
int reporthtml_print(struct store *store, FILE *fp);

#endif
