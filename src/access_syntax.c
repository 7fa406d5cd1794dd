/*
 * NAME
 *	access_syntax - which MTA's table an -a argument is (access_type.h)
 * SUMMARY
 *	"[TYPE:]PATH", and the type guessed from the path.
 * DESCRIPTION
 *	A known TYPE before the first colon decides; anything else is a
 *	path as a whole (so "-a /etc/mail/access" and any sendmail path
 *	keep their meaning).  Without a type, the path tells: below
 *	/etc/postfix/, or a file name holding "sender_access" (the name
 *	Postfix's documentation gives the table), is Postfix; below
 *	/etc/exim4/ or /etc/exim/ is Exim; everything else is sendmail.
 *	Only the text of the argument is looked at, never the file.
 */
#include <string.h>

#include "access_syntax.h"

static const struct access_type_name {
	const char *prefix;
	enum access_syntax syntax;
} access_type_names[] = {
    {"sendmail:", ACCESS_SENDMAIL},       {"postfix:", ACCESS_POSTFIX},
    {"postfix-dot:", ACCESS_POSTFIX_DOT}, {"exim:", ACCESS_EXIM},
    {"regexp:", ACCESS_POSTFIX_REGEXP},   {"pcre:", ACCESS_POSTFIX_PCRE},
};

#define ACCESS_TYPE_COUNT \
	(sizeof(access_type_names) / sizeof(access_type_names[0]))

/* access_under - path lies below directory dir ("/etc/postfix/") */
static int access_under(const char *path, const char *dir)
{
	return strncmp(path, dir, strlen(dir)) == 0;
}

/* access_guess - the type a path without one has */
static enum access_syntax access_guess(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *name = slash != NULL ? slash + 1 : path;
	const char *dot = strrchr(name, '.');

	if (dot != NULL && strcmp(dot, ".pcre") == 0)
		return ACCESS_POSTFIX_PCRE;
	if (dot != NULL && strcmp(dot, ".regexp") == 0)
		return ACCESS_POSTFIX_REGEXP;
	if (access_under(path, "/etc/postfix/")
	    || strstr(name, "sender_access") != NULL)
		return ACCESS_POSTFIX;
	if (access_under(path, "/etc/exim4/")
	    || access_under(path, "/etc/exim/"))
		return ACCESS_EXIM;
	return ACCESS_SENDMAIL;
}

/* access_spec - the type and the path of an -a argument */
void access_spec(const char *arg, enum access_syntax *syntax, const char **path)
{
	for (size_t i = 0; i < ACCESS_TYPE_COUNT; i++) {
		size_t len = strlen(access_type_names[i].prefix);

		if (strncmp(arg, access_type_names[i].prefix, len) == 0) {
			*syntax = access_type_names[i].syntax;
			*path = arg + len;
			return;
		}
	}
	*syntax = access_guess(arg);
	*path = arg;
}

/* access_syntax_of - the module of a syntax */
const struct access_syntax_ops *access_syntax_of(enum access_syntax syntax)
{
	switch (syntax) {
	case ACCESS_POSTFIX:
		return &access_postfix_syntax;
	case ACCESS_POSTFIX_DOT:
		return &access_postfix_dot_syntax;
	case ACCESS_EXIM:
		return &access_exim_syntax;
	case ACCESS_POSTFIX_REGEXP:
		return &access_postfix_regexp_syntax;
	case ACCESS_POSTFIX_PCRE:
		return &access_postfix_pcre_syntax;
	default:
		return &access_sendmail_syntax;
	}
}

/* access_syntax_chained - Postfix's tables, each its own restriction */
int access_syntax_chained(const struct access_syntax_ops *syn)
{
	switch (syn->syntax) {
	case ACCESS_POSTFIX:
	case ACCESS_POSTFIX_DOT:
	case ACCESS_POSTFIX_REGEXP:
	case ACCESS_POSTFIX_PCRE:
		return 1;
	default:
		return 0;
	}
}

/* access_lower - ASCII lower case, whatever the locale */
void access_lower(const char *text, size_t len, char *buf)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];

		buf[i] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
}

/* access_split - the key, the blanks after it, the value */
int access_split(struct textfile_where *src, const char *line, size_t len,
		 const char *missing, size_t *key_len, size_t *value)
{
	size_t k = 0;
	size_t v;

	while (k < len && !access_blank(line[k]))
		k++;
	v = k;
	while (v < len && access_blank(line[v]))
		v++;
	if (v == len) {
		textfile_warn(src, "key \"%.*s\" has no %s",
			      access_quote_len(k), line, missing);
		return 0;
	}
	*key_len = k;
	*value = v;
	return 1;
}

/* access_entry_read - read, read and warned about, or skipped */
int access_entry_read(struct textfile_where *src, enum access_value_error why,
		      const char *key, size_t key_len, const char *value,
		      size_t value_len)
{
	char reason[ACCESS_REASON_MAX];

	if (why == ACCESS_VALUE_OK)
		return 1;
	access_value_reason(why, key, key_len, value, value_len, reason,
			    sizeof(reason));
	if (!access_value_read(why)) {
		textfile_warn(src, "%s", reason);
		return 0;
	}
	textfile_warn_read(src, "%s", reason);
	return 1;
}

/* access_line_content - past a Postfix line's blanks, comments and
 * control bytes */
int access_line_content(struct textfile_where *src, const char *line,
			size_t *len, size_t *lead)
{
	*len = access_trim_end(line, *len);
	*lead = 0;
	while (*lead < *len && access_blank(line[*lead]))
		(*lead)++;
	if (*lead == *len || line[*lead] == '#')
		return 0;
	if (access_has_control(line, *len)) {
		textfile_warn(src, "NUL or control byte");
		return 0;
	}
	return 1;
}
