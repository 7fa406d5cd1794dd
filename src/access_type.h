/*
 * access_type - whose blocking table an -a argument is.
 *
 * DESCRIPTION
 *	The type of an -a argument "[TYPE:]PATH", apart from the map, so
 *	that the modules of each MTA's syntax (access_syntax.h) and the
 *	map's callers (access.h) name it without either including the
 *	other.  access_spec() is in access_syntax.c.
 */
#ifndef PHISHWATCH_ACCESS_TYPE_H
#define PHISHWATCH_ACCESS_TYPE_H

/* Whose table an -a file is. */
enum access_syntax {
	ACCESS_SENDMAIL,       /* sendmail's access map */
	ACCESS_POSTFIX,        /* Postfix access(5), default parent style */
	ACCESS_POSTFIX_DOT,    /* the same, smtpd_access_maps not in
				 * parent_domain_matches_subdomains */
	ACCESS_EXIM,           /* an Exim address list file */
	ACCESS_POSTFIX_REGEXP, /* a Postfix regexp: table */
	ACCESS_POSTFIX_PCRE    /* a Postfix pcre: table */
};

/* access_spec - the type and the path of an -a argument "[TYPE:]PATH";
 * without a known TYPE, the whole argument is the path and the type is
 * guessed from it */
void access_spec(const char *arg, enum access_syntax *syntax,
		 const char **path);

#endif
