/*
 * report - the campaign chronology, for people or for machines.
 *
 * DESCRIPTION
 *	Prints every campaign of the store in order of first seen, as the
 *	seed's author kept it by hand: date, phished domain, its sender
 *	domains, messages, delivered and blocked (rejected + discarded).
 *	Text is a fixed-width table; JSON is one object per campaign and
 *	line, built with libfastjson, with every counter.  Everything
 *	printed comes from the store, where only validated host names go.
 */
#ifndef PHISHWATCH_REPORT_H
#define PHISHWATCH_REPORT_H

#include <stdio.h>

#include "store.h"

/* report_print - the chronology on fp; 0, or -1 (store or I/O error) */
int report_print(struct store *store, FILE *fp, int json);

#endif
