/*
 * test_access_files - the sendmail access map's files: the value forms
 * it accepts and the file:line warnings for the rest (told to the
 * caller's say hook), several files as one map, text and compiled maps
 * mixed, a .db or .cdb name on a file that is no such map, and the
 * access line suggested to block a sender host.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "access.h"
#include "access_maps.h"
#include "msg.h"
#include "tap.h"

/* One line of the forms map: its text, whether it is warned about, and
 * a sender host to probe afterwards. */
struct form_case {
	const char *text;
	const char *probe;
	int bad;
	int blocked;
};

/* A value of a From: or untagged key that is no action ("MAYBE",
 * "DISCARD # not a comment", a malformed ERROR:) is warned about and
 * blocks: sendmail's check_mail refuses the sender with it as the reply
 * text ("error from access db"; sendmail -bt on Debian's 8.17). */
static const struct form_case form_cases[] = {
	{"ok1.example\tERROR:\"550 text\"", "ok1.example", 0, 1},
	{"ok2.example\tERROR:5.7.1:\"550 text\"", "ok2.example", 0, 1},
	{"ok3.example\tERROR:5.7.1:550 text", "ok3.example", 0, 1},
	{"ok4.example\tERROR:550 Spam not accepted", "ok4.example", 0, 1},
	{"ok5.example\tERROR:Go away", "ok5.example", 0, 1},
	{"ok6.example\t\"550 Mailbox disabled\"", "ok6.example", 0, 1},
	{"ok7.example\t450 4.2.2 Mailbox full", "ok7.example", 0, 1},
	{"ok8.example\terror:4.2.2:450 later", "ok8.example", 0, 1},
	{"ok9.example\tdiscard", "ok9.example", 0, 1},
	{"ok10.example\tQUARANTINE:looks odd", "ok10.example", 0, 0},
	{"GreetPause:ok11.example\t5000", "ok11.example", 0, 0},
	{"TLS_Clt:ok12.example\tPERM+VERIFY:112", "ok12.example", 0, 0},
	{"ok13.example\tREJECT \t ", "ok13.example", 0, 1},
	{"bad1.example\tERROR:\"550 unclosed", "bad1.example", 1, 1},
	{"bad2.example\tERROR:", "bad2.example", 1, 1},
	{"bad3.example\tERROR:5.7.1:no code", "bad3.example", 1, 1},
	{"bad4.example\tERROR:650 wrong class", "bad4.example", 1, 1},
	{"bad5.example\tMAYBE", "bad5.example", 1, 1},
	{"bad6.example\tDISCARD # not a comment", "bad6.example", 1, 1},
	{"no-value-here", NULL, 1, 0},
	{"\tindented.example\tREJECT", "indented.example", 1, 0},
	{"From:\tREJECT", NULL, 1, 0},
	{"bad7.example\tERROR:55 short", "bad7.example", 1, 1},
	{"ok1.example\tOK", "ok1.example", 1, 1},
	{"OK1.EXAMPLE\tOK", "ok1.example", 1, 1},
	{"bad8.example\tREJECT\001", "bad8.example", 1, 0},
	{"FROM:ok14.example\tREJECT", "ok14.example", 0, 1},
	{"bad9.example\t\"550", "bad9.example", 1, 1},
	{"bad10.example\t5.7.1:550 text", "bad10.example", 1, 1},
	{"bad11.example\tQUARANTINE:", "bad11.example", 1, 1},
	{"Connect:bad12.example\tMAYBE", NULL, 1, 0},
	{"IPv6:2001:db8::1\tRELAY", NULL, 0, 0},
	{"ok15.example\tSKIP", "ok15.example", 0, 0},
	{"ok16.example\tRelay", "ok16.example", 0, 0},
	{"# a comment with a\001control byte", NULL, 0, 0},
	{"   ", NULL, 0, 0},
	{"ok17.example\tREJECT\r", "ok17.example", 0, 1},
};

/* test_forms_text - the forms map: the table, one line over the limit,
 * one with a NUL byte, and a last line without newline */
static size_t test_forms_text(char *buf, size_t size)
{
	static const char nul_line[] = "nul.example\tRE\0JECT\n";
	static const char last[] = "last.example\tREJECT";
	size_t len = 0;

	for (size_t i = 0; i < COUNT(form_cases); i++)
		len += (size_t) snprintf(buf + len, size - len, "%s\n",
					 form_cases[i].text);
	memset(buf + len, 'x', 5000);
	memcpy(buf + len, "long.example\tREJECT ", 20);
	len += 5000;
	buf[len++] = '\n';
	memcpy(buf + len, nul_line, sizeof(nul_line) - 1);
	len += sizeof(nul_line) - 1;
	memcpy(buf + len, last, sizeof(last) - 1);
	return len + sizeof(last) - 1;
}

static void test_forms(void)
{
	static char text[16384];
	char path[TEST_PATH_MAX];
	char captured[TEST_CAPTURE_MAX];
	char want[TEST_PATH_MAX + 32];
	char name[256];
	size_t len = test_forms_text(text, sizeof(text));
	size_t bad = 0;
	size_t want_bad = 2;	/* the long line and the NUL line */
	struct access_map *map = test_load(text, len, path, &bad, captured);
	unsigned long n = COUNT(form_cases);

	for (size_t i = 0; i < COUNT(form_cases); i++) {
		const struct form_case *c = &form_cases[i];

		want_bad += (size_t) c->bad;
		snprintf(want, sizeof(want), "%s:%lu: ", path,
			 (unsigned long) i + 1);
		snprintf(name, sizeof(name), "line %lu %s warned: %.60s",
			 (unsigned long) i + 1, c->bad ? "is" : "is not",
			 c->text);
		tap_is_long(strstr(captured, want) != NULL, c->bad, name);
		if (c->probe == NULL)
			continue;
		snprintf(name, sizeof(name), "line %lu then %s %s",
			 (unsigned long) i + 1, c->probe,
			 c->blocked ? "blocked" : "not blocked");
		tap_is_long(access_sender_blocked(map, "x", c->probe),
			    c->blocked, name);
	}
	tap_is_long((long) bad, (long) want_bad, "bad lines counted");
	snprintf(want, sizeof(want), "%s:%lu: longer than", path, n + 1);
	tap_ok(strstr(captured, want) != NULL, "long line: file:line");
	snprintf(want, sizeof(want), "%s:%lu: NUL", path, n + 2);
	tap_ok(strstr(captured, want) != NULL, "NUL line: file:line");
	tap_is_long(access_sender_blocked(map, "x", "long.example"), 0,
		    "an over-long line is no entry");
	tap_is_long(access_sender_blocked(map, "x", "nul.example"), 0,
		    "a NUL line is no entry");
	tap_is_long(access_sender_blocked(map, "x", "last.example"), 1,
		    "a last line without newline is an entry");
	tap_ok(strstr(captured, "duplicate") != NULL, "duplicates named");
	tap_ok(strchr(captured, '\001') == NULL,
	       "control bytes never reach the warnings");
	access_free(map);
	unlink(path);
}

static void test_files(void)
{
	char first[TEST_PATH_MAX];
	char second[TEST_PATH_MAX];
	char missing[TEST_PATH_MAX];
	char captured[TEST_CAPTURE_MAX];
	static const char second_text[] =
		"dup.example\tOK\nsecond.example\tDISCARD\n";
	size_t bad = 99;
	struct access_map *map = test_load("dup.example\tREJECT\n", 19, first,
					   &bad, captured);

	tap_is_long(access_blocks_under(map, "second.example"), 0,
		    "second file not loaded yet");
	test_load_more(map, second_text, sizeof(second_text) - 1, second, &bad,
		       captured);
	tap_is_long((long) bad, 1, "its duplicate is a skipped line");
	tap_ok(strstr(captured, ":1: duplicate key \"dup.example\"") != NULL,
	       "the duplicate is named with file:line");
	tap_is_long(access_sender_blocked(map, "x", "dup.example"), 1,
		    "first file wins on the same key");
	tap_is_long(access_sender_blocked(map, "x", "second.example"), 1,
		    "entries of the second file count");
	tap_is_long(access_blocks_under(map, "second.example"), 1,
		    "known campaigns recomputed after each file");
	tap_is_long((long) access_entry_count(map), 2, "two entries");
	snprintf(missing, sizeof(missing), "%s/nonexistent", test_dir);
	errno = 0;
	tap_is_long(access_load(map, missing, &bad), -1, "missing file: -1");
	tap_is_long(errno, ENOENT, "missing file: errno ENOENT");
	errno = 0;
	tap_is_long(access_load(map, test_dir, NULL), -1, "directory: -1");
	tap_is_long(errno, EISDIR, "directory: errno EISDIR");
	tap_is_long((long) access_entry_count(map), 2, "map unchanged");
	access_free(map);
	access_free(NULL);
	unlink(first);
	unlink(second);
}

static void test_suggest(void)
{
	static const char want[] =
		"emalsrv.marriott.com\tERROR:\"550 5.7.1 Sender banned\"";
	char buf[128];
	long len = (long) sizeof(want) - 1;

	tap_is_long(access_suggest("emalsrv.marriott.com", buf, sizeof(buf)),
		    len, "suggestion: its length");
	tap_is_str(buf, want, "suggestion blocks the sender host");
	tap_is_long(access_suggest("emalsrv.marriott.com", buf,
				   sizeof(want)), len, "exact fit");
	tap_is_long(access_suggest("emalsrv.marriott.com", buf,
				   sizeof(want) - 1), -1, "one byte short");
	tap_is_long(errno, ENOSPC, "errno ENOSPC");
	tap_is_str(buf, "", "nothing half-written");
	tap_is_long(access_suggest("Emalsrv.marriott.com", buf, sizeof(buf)),
		    -1, "not lower-cased: refused");
	tap_is_long(access_suggest("emalsrv.evil\"com.example", buf,
				   sizeof(buf)), -1, "a quote: refused");
	tap_is_long(access_suggest("evil\tERROR:x", buf, sizeof(buf)), -1,
		    "a tab: refused");
	tap_is_long(access_suggest(NULL, buf, sizeof(buf)), -1, "NULL host");
	tap_is_long(errno, EINVAL, "errno EINVAL");
}


/* test_not_a_map - a .db or .cdb name on a file that is no such map */
static void test_not_a_map(void)
{
	static const char *const names[] = { "junk.db", "junk.cdb" };
	char path[TEST_PATH_MAX];

	for (size_t i = 0; i < COUNT(names); i++) {
		struct access_map *map = access_new(&test_say);
		char name[128];
		int fd;

		snprintf(path, sizeof(path), "%s/%s", test_dir, names[i]);
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (fd < 0 || write(fd, "a.example REJECT\n", 17) != 17)
			exit(2);
		close(fd);
		errno = 0;
		snprintf(name, sizeof(name), "%s of text: refused", names[i]);
		tap_is_long(access_load(map, path, NULL), -1, name);
		tap_is_long(errno, EINVAL, "errno EINVAL");
		tap_is_long((long) access_entry_count(map), 0, "no entries");
		access_free(map);
		unlink(path);
	}
}

/* test_mixed - a text file and a compiled map as one map: the first
 * file holding a key decides, the duplicate is warned about */
static void test_mixed(void)
{
	char text_path[TEST_PATH_MAX];
	char db_path[TEST_PATH_MAX];
	char captured[TEST_CAPTURE_MAX];
	size_t bad = 0;
	struct access_map *map = test_load("dup.example\tOK\n", 15, text_path,
					   &bad, captured);

	test_map_path(KIND_HASH, db_path);
	test_makemap(KIND_HASH, "dup.example\tREJECT\nnew.example\tREJECT\n",
		     db_path);
	test_load_path(map, db_path, &bad, captured);
	tap_is_long(access_sender_blocked(map, "x", "dup.example"), 0,
		    "text then hash: the text's OK decides");
	tap_is_long(access_sender_blocked(map, "x", "new.example"), 1,
		    "the hash map's own entry counts");
	tap_is_long(access_blocks_under(map, "dup.example"), 0,
		    "a shadowed REJECT makes no campaign known");
	tap_is_long((long) bad, 1, "the duplicate is a skipped entry");
	tap_ok(strstr(captured, "duplicate key \"dup.example\"") != NULL,
	       "and is warned about");
	access_free(map);
	unlink(text_path);
	unlink(db_path);
}

/* What a say hook was told. */
struct test_said {
	char text[TEST_CAPTURE_MAX];
	int warnings;
};

/* test_hook - keep the last warning, count them */
static void test_hook(void *ctx, enum say_level level, const char *text)
{
	struct test_said *said = ctx;

	said->warnings += level == SAY_WARN;
	snprintf(said->text, sizeof(said->text), "%s", text);
}

/* test_told - a skipped line and a duplicate reach the caller's say
 * hook, whole, and the map itself prints nothing */
static void test_told(void)
{
	struct test_said said = { "", 0 };
	struct say_to hook = { test_hook, &said };
	struct access_map *map = access_new(&hook);
	char path[TEST_PATH_MAX];
	char captured[TEST_CAPTURE_MAX];
	size_t bad = 0;

	test_write(path, "bad.example\n", 12);
	test_load_path(map, path, &bad, captured);
	tap_is_str(captured, "", "the map prints nothing itself");
	tap_is_long(said.warnings, 1, "the skipped line is told to the hook");
	tap_ok(strstr(said.text, path) != NULL
	       && strstr(said.text, ":1: key \"bad.example\" has no value; "
			 "line skipped") != NULL, "naming file:line and why");
	unlink(path);	/* test_load_more() writes a file of its own */
	test_load_more(map, "bad.example OK\n", 15, path, &bad, captured);
	tap_ok(strstr(said.text, "duplicate key \"bad.example\"") == NULL,
	       "a line skipped makes no duplicate");
	access_free(map);
	unlink(path);
	map = access_new(NULL);
	test_write(path, "bad.example\n", 12);
	test_load_path(map, path, &bad, captured);
	tap_is_str(captured, "", "without a hook nothing is told");
	tap_is_long((long) bad, 1, "and the line still counts as skipped");
	access_free(map);
	unlink(path);
}

int main(void)
{
	if (test_dir_make("test_access_files") < 0) {
		perror("mkdtemp");
		return 2;
	}
	test_not_a_map();
	test_mixed();
	test_told();
	test_forms();
	test_files();
	test_suggest();
	rmdir(test_dir);
	return tap_done();
}
