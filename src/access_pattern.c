/*
 * NAME
 *	access_pattern - a Postfix regexp: or pcre: table, its rules in order
 * SUMMARY
 *	What regexp_table(5) and pcre_table(5) say, and the first rule
 *	that matches a lookup string.
 * DESCRIPTION
 *	A table of patterns has no keys: Postfix tries its rules in the
 *	file's order on the whole lookup string, and the first that
 *	matches gives the result.  The lines (a logical line starts with
 *	anything but white space; "#" first makes a comment):
 *
 *		/pattern/flags result	the result when pattern matches;
 *		!/pattern/flags result	the result when it does not;
 *		if /pattern/flags	the rules up to the matching endif
 *		if !/pattern/flags	are tried only when it matches (or
 *		endif			not); ifs nest.
 *
 *	The first character of a pattern is its delimiter: anything but
 *	a letter or a digit ("/" by custom; "#" makes the line a comment);
 *	a backslash keeps the next character from closing it, and stays
 *	in the pattern.  The flags are those of regexdialect.h.  A result
 *	is read as an access(5) action by the syntax's value reader
 *	(access_postfix.c): only its first word decides, so a "$1" in its
 *	text changes nothing phishwatch reads.  A rule whose result is on
 *	the continuation lines after it takes it from the first of them
 *	(comment lines between them are skipped).  A rule without any is
 *	given an empty result by Postfix, on which smtpd defers the
 *	sender: it is read as blocking.
 *
 *	access_pattern_ops->get() runs the rules on one lookup string;
 *	the syntax asks it the string Postfix asks (access_postfix.c).
 *	No key is named, so ops->scan() visits nothing: a pattern names
 *	no host for the known-campaign index nor the brand walk.
 * DIAGNOSTICS
 *	What a real Postfix 3.7 skips with a warning is warned about,
 *	"file:line: reason; line skipped", and counted: a pattern that
 *	does not compile, an unknown flag, a pattern without its closing
 *	delimiter, a line that starts with a letter or a digit, an endif
 *	without its if.  What it reads though odd is warned about and
 *	counted, "file:line: reason": a rule without a result (blocking),
 *	text after an if's pattern, on its line or an indented one after
 *	it (ignored; the if's line is named, as Postfix names it), an if
 *	without its endif (it covers the rest of the file).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "access_backend.h"
#include "access_syntax.h"
#include "matchmemo.h"
#include "pcreload.h"
#include "regexdialect.h"
#include "textfile.h"

/* Rules and open ifs grow by doubling from these. */
#define ACCESS_PATTERN_RULES_MIN 64
#define ACCESS_PATTERN_NEST_MIN  8

enum access_rule_kind {
	ACCESS_RULE_MATCH, /* a pattern and its result */
	ACCESS_RULE_IF,
	ACCESS_RULE_ENDIF
};

struct access_rule {
	enum access_rule_kind kind;
	int negated;             /* "!/pattern/": true when no match */
	struct regexdialect *re; /* NULL for endif */
	enum access_action action;
	size_t after;        /* an if: the rule after its endif */
	unsigned long line;  /* for warnings */
	int awaiting_result; /* a match rule whose result comes on the
				* next, continued line */
};

struct access_pattern {
	struct access_rule *rules;
	size_t count;
	size_t size;
	size_t matches; /* match rules: the table's entries */
	size_t *open;   /* the ifs not yet closed, innermost last */
	int after_if;   /* the last logical line was an if */
	size_t nopen;
	size_t open_size;
	enum regexdialect_kind dialect;
	struct pcreload pcre;   /* loaded for a pcre: table only */
	struct matchmemo *memo; /* the last answers (-1: none, else
				   * the action), by lookup string */
	const struct access_syntax_ops *syn;
};

/* A pattern as written: where it is, its flags, the text after it. */
struct access_pattern_text {
	const char *written; /* "!/pattern/flags", for warnings */
	size_t written_len;
	int negated;
	const char *pattern;
	size_t pattern_len;
	const char *flags;
	size_t flags_len;
	const char *rest; /* after the flags and the blanks */
	size_t rest_len;
};

/* access_pattern_split - the delimited pattern at line, its flags, the
 * rest; 0 after a warning when the closing delimiter is missing */
static int access_pattern_split(struct textfile_where *src, const char *line,
				size_t len, struct access_pattern_text *out)
{
	size_t at = 0;
	size_t end;
	char delimiter;

	out->negated = len > 0 && line[0] == '!';
	at = (size_t)out->negated;
	if (at == len) {
		textfile_warn(src, "no pattern after \"!\"");
		return 0;
	}
	delimiter = line[at++];
	if ((delimiter >= 'a' && delimiter <= 'z')
	    || (delimiter >= 'A' && delimiter <= 'Z')
	    || (delimiter >= '0' && delimiter <= '9')) {
		textfile_warn(src,
			      "\"%.*s\" is no rule: a pattern starts with "
			      "a delimiter such as \"/\" (a line of a table "
			      "of keys?)",
			      access_quote_len(len), line);
		return 0;
	}
	for (end = at; end < len && line[end] != delimiter; end++)
		if (line[end] == '\\' && end + 1 < len)
			end++;
	if (end == len) {
		textfile_warn(src, "pattern \"%.*s\" has no closing \"%c\"",
			      access_quote_len(len), line, delimiter);
		return 0;
	}
	out->pattern = line + at;
	out->pattern_len = end - at;
	out->flags = line + end + 1;
	for (at = end + 1; at < len && !access_blank(line[at]); at++)
		;
	out->flags_len = (size_t)(line + at - out->flags);
	out->written = line;
	out->written_len = at;
	while (at < len && access_blank(line[at]))
		at++;
	out->rest = line + at;
	out->rest_len = len - at;
	return 1;
}

/* access_pattern_add - a new rule of kind at src's line; NULL (ENOMEM) */
static struct access_rule *access_pattern_add(struct access_pattern *p,
					      struct textfile_where *src,
					      enum access_rule_kind kind)
{
	struct access_rule *rule;

	if (access_grow((void **)&p->rules, p->count, &p->size,
			sizeof(*p->rules), ACCESS_PATTERN_RULES_MIN)
	    < 0)
		return NULL;
	rule = &p->rules[p->count];
	memset(rule, 0, sizeof(*rule));
	rule->kind = kind;
	rule->line = src->line;
	return rule;
}

/* access_pattern_compile - the rule's expression; 0 after a warning
 * when it does not compile, -1 when memory ran out */
static int access_pattern_compile(struct access_pattern *p,
				  struct textfile_where *src,
				  const struct access_pattern_text *text,
				  struct access_rule *rule)
{
	char why[REGEXDIALECT_ERROR_MAX];

	rule->negated = text->negated;
	rule->re = regexdialect_compile(p->dialect, &p->pcre, text->pattern,
					text->pattern_len, text->flags,
					text->flags_len, why);
	if (rule->re != NULL)
		return 1;
	if (errno == ENOMEM)
		return -1;
	textfile_warn(src, "pattern \"%.*s\": %s",
		      access_quote_len(text->pattern_len), text->pattern, why);
	return 0;
}

/* access_pattern_result - a match rule's action from its result; 1
 * when read (warned about too when odd), 0 after a warning; the
 * pattern as written names it in warnings */
static int access_pattern_result(struct access_pattern *p,
				 struct textfile_where *src,
				 const char *written, size_t written_len,
				 const char *result, size_t len,
				 enum access_action *action)
{
	enum access_value_error why =
	    p->syn->value(written, written_len, result, len, action);

	return access_entry_read(src, why, written, written_len, result, len);
}

/* access_pattern_match_rule - "[!]/pattern/flags result" */
static int access_pattern_match_rule(struct access_pattern *p,
				     struct textfile_where *src,
				     const char *line, size_t len)
{
	struct access_pattern_text text;
	struct access_rule *rule;
	int compiled;

	if (!access_pattern_split(src, line, len, &text))
		return 0;
	rule = access_pattern_add(p, src, ACCESS_RULE_MATCH);
	if (rule == NULL)
		return -1;
	compiled = access_pattern_compile(p, src, &text, rule);
	if (compiled <= 0)
		return compiled;
	if (text.rest_len == 0)
		rule->awaiting_result = 1; /* on the next, continued line */
	else if (!access_pattern_result(p, src, text.written, text.written_len,
					text.rest, text.rest_len,
					&rule->action)) {
		regexdialect_free(rule->re);
		return 0;
	}
	p->count++;
	p->matches += !rule->awaiting_result;
	return 0;
}

/* access_pattern_if - "if [!]/pattern/flags": a rule, and one more if
 * open */
static int access_pattern_if(struct access_pattern *p,
			     struct textfile_where *src, const char *line,
			     size_t len)
{
	struct access_pattern_text text;
	struct access_rule *rule;
	int compiled;

	if (!access_pattern_split(src, line, len, &text))
		return 0;
	if (text.rest_len > 0)
		textfile_warn_read(src,
				   "text \"%.*s\" after the pattern of an "
				   "if is ignored, as Postfix ignores it",
				   access_quote_len(text.rest_len), text.rest);
	if (access_grow((void **)&p->open, p->nopen, &p->open_size,
			sizeof(*p->open), ACCESS_PATTERN_NEST_MIN)
	    < 0)
		return -1;
	rule = access_pattern_add(p, src, ACCESS_RULE_IF);
	if (rule == NULL)
		return -1;
	compiled = access_pattern_compile(p, src, &text, rule);
	if (compiled <= 0)
		return compiled;
	p->open[p->nopen++] = p->count++;
	p->after_if = 1;
	return 0;
}

/* access_pattern_endif - closes the innermost if */
static int access_pattern_endif(struct access_pattern *p,
				struct textfile_where *src)
{
	if (p->nopen == 0) {
		textfile_warn(src, "endif without an if");
		return 0;
	}
	if (access_pattern_add(p, src, ACCESS_RULE_ENDIF) == NULL)
		return -1;
	p->rules[p->open[--p->nopen]].after = ++p->count;
	return 0;
}

/* access_pattern_keyword - line starts with word (any case) and then
 * no letter or digit, as Postfix tells "if" and "endif" from patterns;
 * where the rest starts, after blanks, or 0 */
static size_t access_pattern_keyword(const char *line, size_t len,
				     const char *word)
{
	size_t n = strlen(word);
	size_t at = n;

	if (len < n || strncasecmp(line, word, n) != 0
	    || (len > n
		&& ((line[n] >= 'a' && line[n] <= 'z')
		    || (line[n] >= 'A' && line[n] <= 'Z')
		    || (line[n] >= '0' && line[n] <= '9'))))
		return 0;
	while (at < len && access_blank(line[at]))
		at++;
	return at;
}

/* access_pattern_awaiting - the last rule, when it still waits for the
 * result a continuation line gives; NULL otherwise */
static struct access_rule *access_pattern_awaiting(struct access_pattern *p)
{
	if (p->count == 0 || !p->rules[p->count - 1].awaiting_result)
		return NULL;
	return &p->rules[p->count - 1];
}

/* access_pattern_no_result - the last rule got no result: Postfix
 * gives an empty one, on which smtpd defers the sender ("451 4.3.5
 * Server configuration error"): a blocking rule, warned about at its
 * own line */
static void access_pattern_no_result(struct access_pattern *p,
				     struct textfile_where *src)
{
	struct access_rule *rule = access_pattern_awaiting(p);
	struct textfile_where at;

	if (rule == NULL)
		return;
	at = *src;
	at.line = rule->line;
	textfile_warn_read(&at, "pattern without a result: Postfix gives an "
				"empty one, and smtpd defers the sender (451 "
				"4.3.5 Server configuration error); taken as "
				"blocking");
	src->bad = at.bad;
	rule->awaiting_result = 0;
	rule->action = ACCESS_ERROR;
	p->matches++;
}

/* access_pattern_continued - a line that starts with white space: the
 * result of a rule that waits for it, else more text of one */
static int access_pattern_continued(struct access_pattern *p,
				    struct textfile_where *src,
				    const char *text, size_t len)
{
	struct access_rule *rule = access_pattern_awaiting(p);
	char name[64];
	int name_len;

	if (p->after_if) { /* Postfix joins it to the if: one line */
		struct textfile_where at = *src;

		at.line = p->rules[p->count - 1].line;
		textfile_warn_read(&at,
				   "text \"%.*s\" on the indented line after "
				   "this if is ignored, as Postfix ignores it "
				   "(a rule inside an if starts at the line's "
				   "start)",
				   access_quote_len(len), text);
		src->bad = at.bad;
		return 0;
	}
	if (rule == NULL)
		return 0;
	rule->awaiting_result = 0;
	name_len =
	    snprintf(name, sizeof(name), "the pattern of line %lu", rule->line);
	if (!access_pattern_result(p, src, name, (size_t)name_len, text, len,
				   &rule->action)) {
		regexdialect_free(rule->re);
		p->count--;
		return 0;
	}
	p->matches++;
	return 0;
}

/* access_pattern_line - textfile callback: one line of the table */
static int access_pattern_line(void *ctx, struct textfile_where *src,
			       const char *line, size_t len)
{
	struct access_pattern *p = ctx;
	size_t lead;
	size_t rest;

	if (!access_line_content(src, line, &len, &lead))
		return 0;
	if (lead > 0)
		return access_pattern_continued(p, src, line + lead,
						len - lead);
	access_pattern_no_result(p, src);
	p->after_if = 0;
	if ((rest = access_pattern_keyword(line, len, "endif")) > 0)
		return access_pattern_endif(p, src);
	if ((rest = access_pattern_keyword(line, len, "if")) > 0)
		return access_pattern_if(p, src, line + rest, len - rest);
	return access_pattern_match_rule(p, src, line, len);
}

/* access_pattern_unclosed - each if left open at the end is warned
 * about; it covers the rest of the file */
static void access_pattern_unclosed(struct access_pattern *p, const char *path,
				    const struct say_to *say, size_t *bad_lines)
{
	struct textfile_where at = {path, 0, 0, say};

	access_pattern_no_result(p, &at);
	while (p->nopen > 0) {
		struct access_rule *rule = &p->rules[p->open[--p->nopen]];

		at.line = rule->line;
		rule->after = p->count;
		textfile_warn_read(&at, "if without an endif: it covers the "
					"rest of the file");
	}
	if (bad_lines != NULL)
		*bad_lines += at.bad;
}

/* access_pattern_close - every rule's expression, and the handle */
static void access_pattern_close(void *handle)
{
	struct access_pattern *p = handle;

	if (p == NULL)
		return;
	for (size_t i = 0; i < p->count; i++)
		regexdialect_free(p->rules[i].re);
	pcreload_close(&p->pcre);
	matchmemo_free(p->memo);
	free(p->rules);
	free(p->open);
	free(p);
}

/* access_pattern_open - read and compile one table */
static int access_pattern_open(const struct access_ops *ops, const char *path,
			       const struct access_syntax_ops *syn,
			       const struct say_to *say, void **handle,
			       size_t *bad_lines,
			       const struct access_loading *loading)
{
	struct access_pattern *p = calloc(1, sizeof(*p));

	(void)ops;
	(void)loading; /* no keys: nothing is folded, nothing shadowed */
	*handle = NULL;
	if (p == NULL)
		return -1;
	p->syn = syn;
	p->dialect = syn->form == ACCESS_FORM_PCRE ? REGEXDIALECT_PCRE
						   : REGEXDIALECT_POSIX;
	p->memo = matchmemo_new();
	if (p->memo == NULL
	    || (p->dialect == REGEXDIALECT_PCRE && pcreload_open(&p->pcre) < 0)
	    || textfile_read(path, ACCESS_LINE_MAX, access_pattern_line, p, say,
			     bad_lines)
		   < 0) {
		int saved = errno;

		access_pattern_close(p);
		errno = saved;
		return -1;
	}
	access_pattern_unclosed(p, path, say, bad_lines);
	*handle = p;
	return 0;
}

/* access_pattern_run - the result of the first rule that matches
 * key[0..len) (NUL-ended there), ifs skipping what they do not cover;
 * 1, 0, or -1 when a match could not be told */
static int access_pattern_run(const struct access_pattern *p, const char *key,
			      size_t len, enum access_action *action)
{
	size_t i = 0;

	while (i < p->count) {
		const struct access_rule *rule = &p->rules[i];
		int matched;

		if (rule->kind == ACCESS_RULE_ENDIF) {
			i++;
			continue;
		}
		matched = regexdialect_match(rule->re, key, len);
		if (matched < 0)
			return -1;
		if (rule->kind == ACCESS_RULE_IF) {
			i = matched != rule->negated ? i + 1 : rule->after;
			continue;
		}
		if (matched != rule->negated) {
			*action = rule->action;
			return 1;
		}
		i++;
	}
	return 0;
}

/* access_pattern_get - the rules' answer for key, kept for its next
 * lookup (a campaign's sender comes back line after line) */
static int access_pattern_get(void *handle, const char *key, size_t len,
			      enum access_action *action)
{
	struct access_pattern *p = handle;
	int answer;
	int found;

	if (matchmemo_get(p->memo, key, len, &answer)) {
		*action = (enum access_action)answer;
		return answer >= 0;
	}
	found = access_pattern_run(p, key, len, action);
	if (found >= 0)
		matchmemo_put(p->memo, key, len, found ? (int)*action : -1);
	return found;
}

/* access_pattern_scan - no rule names a key */
static int access_pattern_scan(void *handle, access_scan_fn fn, void *ctx,
			       size_t *bad)
{
	(void)handle;
	(void)fn;
	(void)ctx;
	(void)bad;
	return 0;
}

/* access_pattern_count - the rules that give a result */
static size_t access_pattern_count(const void *handle)
{
	return ((const struct access_pattern *)handle)->matches;
}

/* access_pattern_kind - "regexp" or "pcre" */
static const char *access_pattern_kind(const void *handle)
{
	const struct access_pattern *p = handle;

	return p->dialect == REGEXDIALECT_PCRE ? "pcre" : "regexp";
}

const struct access_ops access_pattern_ops = {
    "patterns",          access_pattern_open,   access_pattern_get,
    access_pattern_scan, access_memory_refresh, access_memory_begin,
    access_memory_end,   access_pattern_count,  access_memory_generation,
    access_pattern_kind, access_pattern_close,  NULL};
