/*
 * test_normalize_split - the prefilter splits every line's syslog
 * header, and normalize_line_split() takes that split instead of
 * splitting the line again: the record it makes with the split handed
 * over is the very record normalize_line() makes of the raw line alone,
 * for every line of the rulebases' golden inputs (sendmail, Postfix,
 * Exim), of the sample log and of the MTA recordings, and for each of
 * them with a CR at its end (the split of the raw line no longer fits
 * the copy without its CR: made anew).  The handed split is the one
 * taken: a sendmail line handed a split that says "another program" is
 * not parsed, unless the split is of another length.
 */
#include <glob.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "prefilter.h"
#include "rulebases.h"
#include "sendmail_samples.h"
#include "tap.h"

#define LINE_MAX_TEST 8192 /* above every line of the inputs read */

/* string_member - where a string member of a record is */
static const char **string_member(struct mailrec *log, size_t i)
{
	return (const char **) (void *) ((char *) log + members[i].offset);
}

/* same_record - 1 when two records agree in every member: the strings
 * by their text, the rest byte for byte (both were emptied first) */
static int same_record(const struct mailrec *a, const struct mailrec *b)
{
	struct mailrec x, y;

	memcpy(&x, a, sizeof(x));
	memcpy(&y, b, sizeof(y));
	for (size_t i = 0; i < N_MEMBERS; i++) {
		const char **p = string_member(&x, i);
		const char **q = string_member(&y, i);

		if ((*p == NULL) != (*q == NULL)
		    || (*p != NULL && strcmp(*p, *q) != 0))
			return 0;
		*p = *q = NULL;
	}
	return memcmp(&x, &y, sizeof(x)) == 0;
}

/* handed_same - 1 when line[0..len) makes the same record from the raw
 * line (raw) as with the prefilter's split handed over (handed); each
 * normalizer keeps its record's strings; *parsed counts the records */
static int handed_same(struct normalizer *raw, struct normalizer *handed,
		       const char *line, size_t len, int *parsed)
{
	struct prefilter_hint hint;
	struct mailrec a, b;
	enum mailrec_kind kind = normalize_line(raw, line, len, &a);

	(void) prefilter_scan(line, len, &hint);
	if (kind != MAILREC_UNPARSED)
		(*parsed)++;
	return normalize_line_split(handed, line, len, &hint.split, &b) == kind
	       && same_record(&a, &b);
}

/* check_file - every line of path (name: under the top directory), as
 * it is and with a CR at its end, makes the same record with the split
 * handed over; the number of records made */
static int check_file(struct normalizer *raw, struct normalizer *handed,
		      const char *path, const char *name_of)
{
	char line[LINE_MAX_TEST + 2], name[4200];
	int lines = 0, parsed = 0, differ = 0;
	FILE *fp = fopen(path, "r");

	snprintf(name, sizeof(name), "%s opens", name_of);
	if (!tap_ok(fp != NULL, name))
		return 0;
	while (fgets(line, sizeof(line), fp) != NULL) {
		size_t len = strcspn(line, "\n");

		lines++;
		line[len] = '\r'; /* the fgets buffer has room for it */
		if ((!handed_same(raw, handed, line, len, &parsed)
		     || !handed_same(raw, handed, line, len + 1, &parsed))
		    && differ++ < 5)
			printf("# differs: %.*s\n", (int) len, line);
	}
	fclose(fp);
	snprintf(name, sizeof(name), "%s: %d lines, %d records, the same "
		 "with the split handed over", name_of, lines, parsed);
	tap_ok(lines > 0 && differ == 0, name);
	return parsed;
}

/* check_glob - check_file() for each file the pattern under top
 * names; the number of records made */
static int check_glob(struct normalizer *raw, struct normalizer *handed,
		      const char *top, const char *pattern)
{
	char path[4096];
	int parsed = 0;
	glob_t g;

	snprintf(path, sizeof(path), "%s/%s", top, pattern);
	if (!tap_ok(glob(path, 0, NULL, &g) == 0, pattern))
		return 0;
	for (size_t i = 0; i < g.gl_pathc; i++)
		parsed += check_file(raw, handed, g.gl_pathv[i],
				     g.gl_pathv[i] + strlen(top) + 1);
	globfree(&g);
	return parsed;
}

/* check_taken - the split handed over is the one taken, when it was
 * made of the line's length */
static void check_taken(struct normalizer *norm)
{
	static const char line[] =
	    "Jul  3 14:12:20 mx1 sm-mta[4707]: r63IA8dJ004707: "
	    "from=<bob@example.com>, size=0, class=0, nrcpts=1, "
	    "proto=SMTP, daemon=MTA, relay=mx.example.net [192.0.2.1]";
	struct prefilter_hint hint;
	struct mailrec log;

	(void) prefilter_scan(line, strlen(line), &hint);
	tap_is_long(normalize_line_split(norm, line, strlen(line),
					 &hint.split, &log),
		    MAILREC_ACCEPTED, "a from= line with its own split");
	hint.split.form = SYSLOGHDR_OTHER;
	tap_is_long(normalize_line_split(norm, line, strlen(line),
					 &hint.split, &log),
		    MAILREC_UNPARSED,
		    "handed a split of another program's: taken, not parsed");
	hint.split.len++;
	tap_is_long(normalize_line_split(norm, line, strlen(line),
					 &hint.split, &log),
		    MAILREC_ACCEPTED,
		    "a split of another length: made anew, parsed");
}

int main(void)
{
	const char *top = getenv("TOP") != NULL ? getenv("TOP") : ".";
	/* two normalizers: the two records must live side by side */
	struct normalizer *raw = rulebases(top);
	struct normalizer *handed = rulebases(top);
	int parsed = 0;

	if (raw == NULL || handed == NULL)
		return tap_done();
	check_taken(handed);
	parsed += check_glob(raw, handed, top, "tests/rulebase/*.in");
	parsed += check_glob(raw, handed, top, "tests/rulebase/*/*.in");
	parsed += check_glob(raw, handed, top, "examples/maillog.sample");
	parsed += check_glob(raw, handed, top, "tests/mta/*/*.log");
	parsed += check_glob(raw, handed, top, "tests/mta/*/mainlog");
	/* the inputs' lines, each twice, nearly all of a known MTA's */
	tap_ok(parsed > 6000, "thousands of records compared");
	normalize_close(raw);
	normalize_close(handed);
	return tap_done();
}
