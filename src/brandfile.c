/*
 * NAME
 *	brandfile - brands files and allow files
 * SUMMARY
 *	Line parsing with file:line warnings; brand families.
 * DESCRIPTION
 *	Lines are bounded (BRANDFILE_LINE_MAX) and may hold no control
 *	byte before the comment; items are quoted bounded in warnings, and
 *	only after control bytes were ruled out.  A name written in UTF-8
 *	(müller.de) is taken as its A-labels (UTS #46), as a sender's is.
 *	The brands that the access map teaches are learned in config.c.
 * DIAGNOSTICS
 *	"file:line: reason; line skipped" for a line or word skipped (too
 *	long, control bytes, more than one word in an allow file, not a
 *	hostname, a public suffix); "file:line: "NAME" read as DOMAIN, the
 *	registrable domain it names" for a brand or family word written as
 *	a host below it, a URL, an address or a wildcard, which is kept;
 *	"file:line: a ranked list: each line's rank left out" once a file,
 *	for the first line of a list of popular sites as they are
 *	published (Tranco, Umbrella: "1,google.com"; "1 google.com"), whose
 *	rank is no name and whose domain is read as a brand or allowed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blank.h"
#include "brandfile.h"
#include "combosquat.h"
#include "hostname.h"
#include "textfile.h"

/* A brands or allow file line: a brand, its family and a comment. */
#define BRANDFILE_LINE_MAX 4096
/* Words of one line: the brand and its family. */
#define BRANDFILE_WORDS_MAX 128
/* Untrusted text in warnings is cut to this many bytes. */
#define BRANDFILE_QUOTE_MAX 100

/* The words of one line, NUL-terminated in place. */
struct brandfile_words {
	char text[BRANDFILE_LINE_MAX + 1];
	char *word[BRANDFILE_WORDS_MAX];
	size_t count;
};

/* What a list file holds: add one line's words; -1 only ENOMEM. */
typedef int (*brandfile_line_fn)(struct lookalike *lk,
				 struct textfile_where *src,
				 struct brandfile_words *words);

/* brandfile_host_warn - warn about an item that names no hostname or a
 * public suffix: the brand, whose line is skipped, or a family word, the
 * only word left out; one with bytes above ASCII is not quoted: they may
 * be no UTF-8 at all */
static void brandfile_host_warn(struct textfile_where *src,
				enum lookalike_verdict verdict,
				const char *item, const char *host, int family)
{
	char why[BRANDFILE_QUOTE_MAX + HOSTNAME_MAX + 64];

	if (verdict == LOOKALIKE_NOT_HOST
	    && hostname_has_high(item, strlen(item)))
		snprintf(why, sizeof(why),
			 "a name with non-ASCII bytes that is no "
			 "internationalized hostname (UTF-8, UTS #46)");
	else if (verdict == LOOKALIKE_NOT_HOST)
		snprintf(why, sizeof(why), "\"%.*s\" is not a hostname",
			 BRANDFILE_QUOTE_MAX, item);
	else
		snprintf(why, sizeof(why),
			 "%s is a public suffix, not a domain", host);
	if (family)
		textfile_warn_word(src, "%s", why);
	else
		textfile_warn(src, "%s", why);
}

/* brandfile_read_as - say that item was read as the registrable domain
 * reg; an item with bytes above ASCII is not quoted: those around the
 * host it names (a URL's path) were never checked to be UTF-8 */
static void brandfile_read_as(struct textfile_where *src, const char *item,
			      const char *reg)
{
	if (hostname_has_high(item, strlen(item)))
		textfile_note(src,
			      "a name with non-ASCII bytes read as %s, the "
			      "registrable domain it names",
			      reg);
	else
		textfile_note(src,
			      "\"%.*s\" read as %s, the registrable domain it "
			      "names",
			      BRANDFILE_QUOTE_MAX, item, reg);
}

/*
 * brandfile_host_part - the host that item names when it is written as a
 * URL (https://www.paypal.com/signin, paypal.com/), a mail address or its
 * domain (service@paypal.com, @paypal.com) or a wildcard (*.paypal.com),
 * the forms brands are copied in from reports and feeds: copied into
 * buf, or item itself when it is none of them.  The host ends at a path,
 * a query or a port; the item is bounded by the line.
 */
static const char *brandfile_host_part(const char *item,
				       char buf[BRANDFILE_LINE_MAX + 1])
{
	const char *scheme = strstr(item, "://");
	const char *from = scheme != NULL ? scheme + 3 : item;
	const char *at = scheme == NULL ? strrchr(item, '@') : NULL;
	size_t len;

	if (at != NULL)
		from = at + 1;
	else if (strncmp(from, "*.", 2) == 0)
		from += 2;
	len = strcspn(from, "/?:");
	if (from == item && item[len] == '\0')
		return item;
	memcpy(buf, from, len);
	buf[len] = '\0';
	return buf;
}

/* brandfile_registrable - item (a family word: family set) as a
 * registrable domain into host, or a warning and 0; a host below one
 * (www.paypal.com), or one written as a URL, an address or a wildcard,
 * is read as its registrable domain, with a warning that says so: the
 * brand is plain, and nothing is lost */
static int brandfile_registrable(struct lookalike *lk,
				 struct textfile_where *src, const char *item,
				 char host[HOSTNAME_MAX + 1], int family)
{
	char buf[BRANDFILE_LINE_MAX + 1];
	const char *name = brandfile_host_part(item, buf);
	const char *reg;
	enum lookalike_verdict verdict = lookalike_judge(lk, name, host, &reg);

	if (verdict != LOOKALIKE_REGISTRABLE && verdict != LOOKALIKE_BELOW) {
		brandfile_host_warn(src, verdict, item, host, family);
		return 0;
	}
	if (verdict == LOOKALIKE_BELOW || name != item) {
		brandfile_read_as(src, item, reg);
		memmove(host, reg, strlen(reg) + 1);
	}
	return 1;
}

/* brandfile_open - brand's "!any": anything beside a label of
 * COMBOSQUAT_ANY_WORD_MIN letters or more makes a lookalike; beside a
 * shorter one most names would be one, and the mark is refused */
static int brandfile_open(struct lookalike *lk, struct textfile_where *src,
			  const char *brand, size_t label_len)
{
	if (label_len < COMBOSQUAT_ANY_WORD_MIN) {
		textfile_warn_word(
		    src, "!any needs a label of %d letters or more: %s",
		    COMBOSQUAT_ANY_WORD_MIN, brand);
		return 0;
	}
	return lookalike_set_open(lk, brand) < 0 ? -1 : 0;
}

/* brandfile_own - one family word of brand (label: its first label) */
static int brandfile_own(struct lookalike *lk, struct textfile_where *src,
			 const char *brand, size_t label_len, const char *word)
{
	char name[HOSTNAME_MAX + 2];
	char host[HOSTNAME_MAX + 1];

	if (strcmp(word, ".cc") == 0)
		return lookalike_own_cc(lk, brand) < 0 ? -1 : 0;
	if (strcmp(word, ".*") == 0)
		return lookalike_own_all(lk, brand) < 0 ? -1 : 0;
	if (strcmp(word, "!word") == 0)
		return lookalike_set_word(lk, brand) < 0 ? -1 : 0;
	if (strcmp(word, "!any") == 0)
		return brandfile_open(lk, src, brand, label_len);
	if (word[0] == '.') {
		if (label_len + strlen(word) >= sizeof(name)) {
			textfile_warn_word(src, "%s%.*s is too long", brand,
					   BRANDFILE_QUOTE_MAX, word);
			return 0;
		}
		memcpy(name, brand, label_len);
		strcpy(name + label_len, word);
		word = name;
	}
	if (!brandfile_registrable(lk, src, word, host, 1))
		return 0;
	return lookalike_add_own(lk, brand, host) < 0 && errno == ENOMEM ? -1
									 : 0;
}

/* brandfile_brand_line - a brand and its family */
static int brandfile_brand_line(struct lookalike *lk,
				struct textfile_where *src,
				struct brandfile_words *words)
{
	char brand[HOSTNAME_MAX + 1];

	if (!brandfile_registrable(lk, src, words->word[0], brand, 0))
		return 0;
	if (lookalike_add_brand(lk, brand) < 0)
		return -1;
	for (size_t i = 1; i < words->count; i++)
		if (brandfile_own(lk, src, brand, strcspn(brand, "."),
				  words->word[i])
		    < 0)
			return -1;
	return 0;
}

/* brandfile_allow_line - one line of an allow file */
static int brandfile_allow_line(struct lookalike *lk,
				struct textfile_where *src,
				struct brandfile_words *words)
{
	char host[HOSTNAME_MAX + 1];
	const char *reg;
	enum lookalike_verdict verdict;

	if (words->count > 1) {
		textfile_warn(src, "more than one word");
		return 0;
	}
	verdict = lookalike_judge(lk, words->word[0], host, &reg);
	if (verdict != LOOKALIKE_REGISTRABLE && verdict != LOOKALIKE_BELOW) {
		brandfile_host_warn(src, verdict, words->word[0], host, 0);
		return 0;
	}
	return lookalike_allow(lk, host) < 0 ? -1 : 0;
}

/* brandfile_parse_line - the words of line[0..len) before any "#"
 * comment; 0 when there are none, -1 when the line was warned about */
static int brandfile_parse_line(struct textfile_where *src, const char *line,
				size_t len, struct brandfile_words *words)
{
	const char *hash = memchr(line, '#', len);
	size_t end = hash != NULL ? (size_t)(hash - line) : len;
	char *p = words->text;

	for (size_t i = 0; i < end; i++) {
		unsigned char c = (unsigned char)line[i];

		if ((c < 0x20 && c != '\t') || c == 0x7F) {
			textfile_warn(src, "control bytes");
			return -1;
		}
	}
	memcpy(words->text, line, end);
	words->text[end] = '\0';
	words->count = 0;
	while (*p != '\0') {
		while (blank_is(*p))
			*p++ = '\0';
		if (*p == '\0')
			break;
		if (words->count == BRANDFILE_WORDS_MAX) {
			textfile_warn(src, "more than %d words",
				      BRANDFILE_WORDS_MAX);
			return -1;
		}
		words->word[words->count++] = p;
		while (*p != '\0' && !blank_is(*p))
			p++;
	}
	return words->count > 0;
}

/* A list file being read: where its lines go. */
struct brandfile_reading {
	struct lookalike *lk;
	brandfile_line_fn add;
	struct brandfile_words words;
	int ranked; /* a rank was left out, and said so */
};

/* brandfile_digits - the digits that s starts with */
static size_t brandfile_digits(const char *s)
{
	return strspn(s, "0123456789");
}

/*
 * brandfile_unrank - a line of a ranked list without its rank: "1 name"
 * loses its first word, "1,name" (CSV: Tranco, Umbrella; "1,1,name,com,..."
 * with more columns) the ranks before its name and the columns after it
 * (no hostname holds a comma); said once a file.  A rank is digits only:
 * no registrable domain is, so no brand is taken for one.
 */
static void brandfile_unrank(struct textfile_where *src,
			     struct brandfile_words *words, int *ranked)
{
	char *first = words->word[0];
	size_t n = brandfile_digits(first);

	if (n == 0 || (first[n] != ',' && first[n] != '\0')
	    || (first[n] == '\0' && words->count < 2))
		return;
	if (first[n] == '\0') {
		words->count--;
		memmove(words->word, words->word + 1,
			words->count * sizeof(words->word[0]));
	} else {
		while (n > 0 && first[n] == ',') {
			first += n + 1;
			n = brandfile_digits(first);
		}
		first[strcspn(first, ",")] = '\0';
		words->word[0] = first;
	}
	if (!*ranked)
		textfile_note(src, "a ranked list: each line's rank left out");
	*ranked = 1;
}

/* brandfile_line - textfile callback: one line's words through add */
static int brandfile_line(void *ctx, struct textfile_where *where,
			  const char *line, size_t len)
{
	struct brandfile_reading *reading = ctx;

	if (brandfile_parse_line(where, line, len, &reading->words) != 1)
		return 0;
	brandfile_unrank(where, &reading->words, &reading->ranked);
	return reading->add(reading->lk, where, &reading->words);
}

/* brandfile_read - read a list file through add */
static int brandfile_read(struct lookalike *lk, const char *path,
			  const struct say_to *say, size_t *bad_lines,
			  brandfile_line_fn add)
{
	struct brandfile_reading *reading;
	int status;

	if (bad_lines != NULL)
		*bad_lines = 0;
	if (lk == NULL || path == NULL) {
		errno = EINVAL;
		return -1;
	}
	reading = malloc(sizeof(*reading));
	if (reading == NULL)
		return -1;
	reading->lk = lk;
	reading->add = add;
	reading->ranked = 0;
	status = textfile_read_own(path, BRANDFILE_LINE_MAX, brandfile_line,
				   reading, say, bad_lines);
	free(reading);
	return status;
}

/* brandfile_load - brands and families from a file */
int brandfile_load(struct lookalike *lk, const char *path,
		   const struct say_to *say, size_t *bad_lines)
{
	return brandfile_read(lk, path, say, bad_lines, brandfile_brand_line);
}

/* brandfile_load_allow - allowed domains from a file */
int brandfile_load_allow(struct lookalike *lk, const char *path,
			 const struct say_to *say, size_t *bad_lines)
{
	return brandfile_read(lk, path, say, bad_lines, brandfile_allow_line);
}
