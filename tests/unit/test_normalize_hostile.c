/*
 * test_normalize_hostile - normalize.c on what it must refuse or survive:
 * over-long lines and NUL bytes, bytes >= 0x80 at every position of
 * every sample line (liblognorm 2.0.6's "string" parser crashed on
 * those; run under valgrind this shows no parser reads out of bounds),
 * 8-bit text kept in values, and bad, v1 and missing rulebases, each
 * refused naming file and line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "normalize.h"
#include "sendmail_samples.h"
#include "tap.h"

/* test_bounds - over-long lines and NUL bytes are refused */
static void test_bounds(struct normalizer *norm)
{
	static const char with_nul[] = HDR "r63ICZJq007573: discarded\0x";
	size_t big = 70000;
	char *line = malloc(big + 1);
	struct mailrec log;

	tap_ok(line != NULL, "allocate a long line");
	if (line == NULL)
		return;
	memset(line, 'x', big);
	memcpy(line, HDR "r63ICZJq007573: ", strlen(HDR) + 16);
	tap_is_long(normalize_line(norm, line, big, &log), MAILREC_UNPARSED,
		    "a 70000-byte line is refused");
	tap_is_long(normalize_line(norm, line, 60000, &log), MAILREC_OTHER,
		    "a 60000-byte sendmail line is other");
	free(line);
	tap_is_long(normalize_line(norm, with_nul, sizeof(with_nul) - 1, &log),
		    MAILREC_UNPARSED, "a NUL inside the line is refused");
	tap_is_long(normalize_line(norm, with_nul, sizeof(with_nul) - 3, &log),
		    MAILREC_DISCARDED, "the same line without it parses");
	tap_is_long(normalize_line(norm, samples[0].line, 0, &log),
		    MAILREC_UNPARSED, "an empty line is unparsed");
}


/* sane - every member is NULL or a string inside the last call's reach */
static int sane(const struct mailrec *log, enum mailrec_kind kind)
{
	if ((unsigned) kind >= MAILREC_KIND_COUNT || log->kind != kind)
		return 0;
	for (size_t i = 0; i < N_MEMBERS; i++) {
		const char *v = member_value(log, members[i].name);

		if (v != NULL && strlen(v) > 4096)
			return 0;
	}
	return (log->relay_forged == 0 || log->relay_forged == 1)
	       && (unsigned) log->outcome <= OUTCOME_REJECTED
	       && (unsigned) log->stage <= STAGE_OTHER;
}

/* test_high_bytes - bytes >= 0x80 inserted at and written over every byte */
static void test_high_bytes(struct normalizer *norm)
{
	static const char high[] = "\x80\xff\xc3\xa9";
	char line[1024];
	struct mailrec log;
	int all_sane = 1;
	long runs = 0;

	for (size_t s = 0; s < N_SAMPLES; s++) {
		const char *orig = samples[s].line;
		size_t len = strlen(orig);

		for (size_t at = 0; at <= len; at++) {
			enum mailrec_kind kind;

			/* inserted (the line is passed with its length) */
			snprintf(line, sizeof(line), "%.*s%s%s", (int) at, orig,
				 high, orig + at);
			kind = normalize_line(norm, line, len + 4, &log);
			all_sane &= sane(&log, kind);
			/* one byte overwritten */
			if (at < len) {
				snprintf(line, sizeof(line), "%s", orig);
				line[at] = (char) (0x80 + (at % 0x80));
				kind = normalize_line(norm, line, len, &log);
				all_sane &= sane(&log, kind);
				runs++;
			}
			runs++;
		}
	}
	tap_ok(all_sane && runs > 1000,
	       "bytes >= 0x80 at every position: no crash, sane records");
}

/* test_high_bytes_kept - 8-bit text in values is kept, the kind too */
static void test_high_bytes_kept(struct normalizer *norm)
{
	static const char from[] = HDR "r63IA8dJ004707: from=<j\xc3\xb6hn@"
		"ex\xc3\xa4mple.com>, size=1, class=0, nrcpts=1, "
		"msgid=<\x80\xff@x>, proto=ESMTP, daemon=MTA, "
		"relay=h\xe9st.example [192.0.2.1]";
	static const char to[] = HDR "r63IA8dJ004707: to=<\xff@x>, "
		"delay=00:00:00, mailer=esmtp, pri=1, dsn=5.0.0, "
		"stat=Service unavailable \x80\x81\xfe";
	static const char all[] = "\x80\x81\x82\xfe\xff\xc0\xc1\xf5\xf8";
	struct mailrec log;

	tap_is_long(normalize_line(norm, from, strlen(from), &log),
		    MAILREC_ACCEPTED, "8-bit from line is a from line");
	tap_is_str(log.sender, "<j\xc3\xb6hn@ex\xc3\xa4mple.com>",
		   "  UTF-8 sender kept");
	tap_is_str(log.msgid, "<\x80\xff@x>", "  raw 8-bit msgid kept");
	tap_is_str(log.relay_host, "h\xe9st.example", "  8-bit relay kept");
	tap_is_long(normalize_line(norm, to, strlen(to), &log), MAILREC_DELIVERY,
		    "8-bit to line is a to line");
	tap_is_str(log.status, "Service unavailable \x80\x81\xfe",
		   "  8-bit stat kept");
	tap_is_long(normalize_line(norm, all, strlen(all), &log),
		    MAILREC_UNPARSED, "a line of 8-bit bytes only is unparsed");
}

/* write_file - a temporary file with this text; its name in path */
static int write_file(char *path, size_t size, const char *text)
{
	const char *dir = getenv("TMPDIR");
	FILE *fp;
	int fd;

	snprintf(path, size, "%s/normalize-test.XXXXXX",
		 dir != NULL && *dir != '\0' ? dir : "/tmp");
	fd = mkstemp(path);
	if (fd < 0)
		return -1;
	fp = fdopen(fd, "w");
	if (fp == NULL) {
		close(fd);
		unlink(path);
		return -1;
	}
	fputs(text, fp);
	if (fclose(fp) != 0) {
		unlink(path);
		return -1;
	}
	return 0;
}

/* open_fails - this rulebase text is refused, naming file and line */
static void open_fails(const char *text, const char *line, const char *why,
		       const char *name)
{
	char path[512];
	char want[600];
	char err[NORMALIZE_ERR_MAX];
	struct normalizer *norm;

	if (!tap_ok(write_file(path, sizeof(path), text) == 0, name))
		return;
	norm = normalize_open(path, err);
	tap_ok(norm == NULL, "  refused");
	normalize_close(norm);
	printf("# %s\n", err);
	snprintf(want, sizeof(want), "%s:%s: ", path, line);
	if (!tap_ok(strncmp(err, want, strlen(want)) == 0,
		    "  message starts with file:line"))
		printf("#   got: '%s'\n# want: '%s...'\n", err, want);
	if (!tap_ok(strstr(err, why) != NULL, "  message gives the reason"))
		printf("#   got: '%s'\n# want: '...%s...'\n", err, why);
	unlink(path);
}

/* test_bad_rulebases - rule errors, v1 files, missing files */
static void test_bad_rulebases(void)
{
	char err[NORMALIZE_ERR_MAX];
	struct normalizer *norm;
	char path[512];

	/*
	 * liblognorm 2.0.6 itself leaks the tag list of a tagged rule that
	 * fails, and reads uninitialised memory when it quotes bad JSON or a
	 * missing "%": the cases below avoid those, to keep valgrind clean.
	 */
	open_fails("version=2\nrule=:from=%from:word%\n"
		   "rule=:to=%to:no-such-parser%\n", "3",
		   "invalid field type 'no-such-parser'",
		   "unknown parser on line 3");
	open_fails("version=2\n# comment\n\nrule=x:%f:char-to%\n", "4",
		   "needs 'extradata'", "char-to without extradata on line 4");
	open_fails("version=2\nrule=x:%t:date-rfc3164{\"format\":\"x\"}%\n",
		   "2", "invalid value for date-rfc3164:format",
		   "bad parser parameter on line 2");
	open_fails("version=2\nrule=x:%f:word% %g\nrule=y:b\n", "2",
		   "unmatched % character", "runaway rule on line 2");
	open_fails("rule=x:%f:word%\n", "1", "version=2",
		   "a v1 rulebase (no version=2 line)");
	open_fails("version=2 \nrule=x:%f:word%\n", "1", "version=2",
		   "a version line with trailing blank");
	open_fails("", "1", "version=2", "an empty file");

	norm = normalize_open("/nonexistent/phishwatch/sendmail.rb", err);
	tap_ok(norm == NULL, "missing rulebase is refused");
	tap_ok(strstr(err, "/nonexistent/phishwatch/sendmail.rb") != NULL
	       && strstr(err, "No such file") != NULL,
	       "  message names the file and the reason");
	printf("# %s\n", err);

	if (tap_ok(write_file(path, sizeof(path),
			      "version=2\nrule=x:%f:word%\n") == 0,
		   "a small good rulebase")) {
		norm = normalize_open(path, err);
		tap_ok(norm != NULL, "  loads");
		normalize_close(norm);
		unlink(path);
	}
}

int main(void)
{
	char path[4096];
	struct normalizer *norm = samples_open(getenv("TOP"), path,
					       sizeof(path));

	if (norm == NULL) {
		printf("Bail out! rulebase/sendmail.rb does not load\n");
		return 2;
	}
	test_bounds(norm);
	test_high_bytes(norm);
	test_high_bytes_kept(norm);
	normalize_close(norm);
	test_bad_rulebases();
	return tap_done();
}
