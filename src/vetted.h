/*
 * vetted - is a public suffix one whose registry vets who registers?
 *
 * DESCRIPTION
 *	Some registries give names only to the institutions they check:
 *	EDUCAUSE's .edu, the US government's .gov and .mil, IANA's .int
 *	for treaty bodies, and a country's academic, school and government
 *	zones (ac.uk, edu.au, gob.mx, gouv.fr, school.nz, k12.ut.us) with
 *	those below them (nsw.edu.au, service.gov.uk, kent.sch.uk).  A
 *	school or an agency named like a brand there (ups.edu, the
 *	University of Puget Sound; weber.edu beside webex) holds its name
 *	by that check, which no squatter passes: the lookalike rules
 *	(lookrules.h) do not count such a name against a brand that does
 *	not use the suffix itself.
 */
#ifndef PHISHWATCH_VETTED_H
#define PHISHWATCH_VETTED_H

/* vetted_suffix - suffix (a public suffix, lower case, no leading dot:
 * "edu", "nsw.edu.au") is one whose registry vets its registrants */
int vetted_suffix(const char *suffix);

#endif
