/*
 * access_syntax - what each MTA's blocking table means (internal).
 *
 * DESCRIPTION
 *	access.c holds the sources (-a files) and the index; the storage
 *	kinds (access_backend.h) hold keys and actions.  What a line of a
 *	table says, which keys a sender is looked up under, what a
 *	blocking entry names for the index and how a suggested line is
 *	written differ between the MTAs, and each is one module:
 *
 *	access_sendmail.c  sendmail's access map (makemap's source, .db,
 *			   .cdb): tags, From: before untagged, parents;
 *	access_postfix.c   a Postfix access(5) table as check_sender_access
 *			   reads it (source, postmap hash: .db, cdb: .cdb),
 *			   and its regexp: and pcre: tables (rules in
 *			   order: access_pattern.c);
 *	access_exim.c	   an Exim address list file as a "senders" ACL
 *			   condition reads it (text only).
 *
 *	Sources of one syntax act as one table, the first file holding a
 *	key deciding for it; tables of different syntaxes are asked one
 *	after the other (access.c).
 */
#ifndef PHISHWATCH_ACCESS_SYNTAX_H
#define PHISHWATCH_ACCESS_SYNTAX_H

#include <stddef.h>

#include "access_backend.h"
#include "access_type.h"
#include "textfile.h"

/* One question to the sources of one syntax (access.c). */
struct access_query;

/* access_query_get - the action of a lower-case key: the first source
 * of the query's syntax that holds it answers; 1, or 0 */
int access_query_get(struct access_query *q, const char *key, size_t len,
		     enum access_action *action);

/* access_query_find - as access_query_get, and *order: where the entry
 * stands among the sources' lines (earlier: smaller) */
int access_query_find(struct access_query *q, const char *key, size_t len,
		      enum access_action *action, unsigned long long *order);

/* access_query_match - the first pattern item of the query's syntax
 * that matches local@host: 1 with its action and *order (as
 * access_query_find's), or 0 */
int access_query_match(struct access_query *q, const char *local,
		       const char *host, enum access_action *action,
		       unsigned long long *order);

/* access_query_fold - key[0..len) as the query's syntax folds its keys,
 * into out (size bytes, NUL added): the length, or -1 when it does not
 * fit; an access_fold_fn whose ctx is the query */
int access_query_fold(const char *key, size_t len, char *out, size_t size,
		      void *query);

/* What one text line holds (key not lower-cased yet). */
struct access_line {
	const char *key;
	size_t key_len;
	enum access_action action;
	int pattern; /* the key is an item to match (syn->pattern_new()),
		      * not to look up: an Exim regular expression */
};

struct pcreload;

/* Room for why a pattern item is read otherwise than written. */
#define ACCESS_PATTERN_WHY_MAX 512

/* A list's pattern item (an Exim regular expression), made from its
 * text with PCRE2 (loaded): NULL when memory ran out; why set when the
 * item is read otherwise than written (and *action set for it) */
typedef void *(*access_pattern_new_fn)(const struct pcreload *pcre,
				       const char *item, size_t len,
				       enum access_action *action,
				       char why[ACCESS_PATTERN_WHY_MAX]);
/* Does the pattern match local@host (local NULL: a host alone)? 1, 0 */
typedef int (*access_pattern_match_fn)(const void *pattern, const char *local,
				       const char *host);

/* What a reader keeps from line to line of one text file. */
struct access_line_state {
	int after_entry; /* the last logical line was an entry */
};

/* What an entry's key names, for the index. */
struct access_named {
	const char *host; /* in the key: the domain blocked or trusted */
	size_t host_len;
	int domain_key; /* a domain, not one address (the walk) */
	int shadowable; /* sendmail: a From: twin decides instead */
	int client;     /* sendmail Connect:: a connecting host, never
				 * a sender blocked, but a domain trusted */
};

/* How a table's entries are written: keys, or Postfix's patterns. */
enum access_form {
	ACCESS_FORM_KEYS,   /* a key and its value a line (or compiled) */
	ACCESS_FORM_REGEXP, /* regexp_table(5): POSIX expressions */
	ACCESS_FORM_PCRE    /* pcre_table(5): PCRE */
};

struct access_syntax_ops {
	enum access_syntax syntax;
	const char *name;     /* as in -a NAME:PATH */
	int compiled;         /* ".db" and ".cdb" names are compiled maps */
	int quiet_duplicates; /* a repeated key is no mistake (a list) */
	int fold_utf8;        /* keys beyond ASCII case-folded (utf8fold.h),
			       * not only their ASCII letters lowered */
	/* one text line: 1 and *out, or 0 (blank, comment, or warned and
	 * counted through textfile_warn) */
	int (*line)(struct access_line_state *st, struct textfile_where *src,
		    const char *line, size_t len, struct access_line *out);
	/* a compiled map's value */
	enum access_value_error (*value)(const char *key, size_t key_len,
					 const char *value, size_t value_len,
					 enum access_action *action);
	/* the action that decides for local@host (local may be NULL); 1
	 * when an entry decides, 0 when none */
	int (*sender)(struct access_query *q, const char *local,
		      const char *host, enum access_action *action);
	/* 1 and *out when an entry's key names a sender's host (or, for
	 * trust only, a client's: out->client) */
	int (*named)(const char *key, size_t len, struct access_named *out);
	/* the table line that blocks host (validated), or -1 (ENOSPC) */
	int (*suggest)(const char *host, char *buf, size_t size);
	enum access_form form; /* patterns: access_pattern_ops holds them */
	/* pattern items among the keys (Exim's regular expressions), or
	 * NULL: the text kind keeps them in their places (access_text.c) */
	access_pattern_new_fn pattern_new;
	access_pattern_match_fn pattern_match;
	void (*pattern_free)(void *pattern);
};

extern const struct access_syntax_ops access_sendmail_syntax;
extern const struct access_syntax_ops access_postfix_syntax;
extern const struct access_syntax_ops access_postfix_dot_syntax;
extern const struct access_syntax_ops access_exim_syntax;
extern const struct access_syntax_ops access_postfix_regexp_syntax;
extern const struct access_syntax_ops access_postfix_pcre_syntax;

/* access_syntax_chained - a Postfix table, of keys or of patterns:
 * each is a check_sender_access restriction of its own, asked in its
 * turn (smtpd's restriction list), never one table with the others */
int access_syntax_chained(const struct access_syntax_ops *syn);

/* access_syntax_of - the module of a syntax */
const struct access_syntax_ops *access_syntax_of(enum access_syntax syntax);

/* access_lower - len bytes of text lower-cased (ASCII) into buf */
void access_lower(const char *text, size_t len, char *buf);

/*
 * access_split - a text line that starts with its key: 1 with the
 * key's length and where the value starts, or 0 after warning through
 * textfile_warn() that "key "KEY" has no MISSING" (nothing follows it)
 */
int access_split(struct textfile_where *src, const char *line, size_t len,
		 const char *missing, size_t *key_len, size_t *value);

/*
 * access_line_content - a Postfix table's line (the source postmap
 * reads, a table of patterns): 1 with *len shortened past the white
 * space and CR that end it and *lead the white space it starts with
 * (more than none: it continues the line before); 0 for a blank line
 * or a comment, or after warning through textfile_warn() of a NUL or
 * control byte
 */
int access_line_content(struct textfile_where *src, const char *line,
			size_t *len, size_t *lead);

/*
 * access_entry_read - a text entry's reading why (access_value_parse()
 * and the like): 1 when the entry is read, warned about through src too
 * when it is read though odd (access_value_read()); 0 when it is
 * skipped, warned about
 */
int access_entry_read(struct textfile_where *src, enum access_value_error why,
		      const char *key, size_t key_len, const char *value,
		      size_t value_len);

#endif
