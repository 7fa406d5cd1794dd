/*
 * test_lookalike_files - the files brands come from: the --brands file
 * with its families and file:line warnings, the --allow file, and brands
 * learned from the blocking entries of the access map.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "access.h"
#include "brandfile.h"
#include "config.h"
#include "lookalike.h"
#include "lookalike_pairs.h"
#include "msg.h"
#include "tap.h"
#include "testfile.h"

/* The modules' warnings, printed as phishwatch prints them. */
static const struct say_to test_say = { msg_say, NULL };

#define TEST_DIR_MAX 256
#define TEST_PATH_MAX TESTFILE_PATH_MAX
#define TEST_CAPTURE_MAX 65536

/* Private directory for this run's files, removed at the end. */
static char test_dir[TEST_DIR_MAX];

/* test_write - a file in test_dir holding text */
static void test_write(char *path, const char *text, size_t len)
{
	testfile_write(path, test_dir, "list", text, len);
}

/* test_capture - call load(lk, path, bad) with its stderr in captured */
static int test_capture(int (*load)(struct lookalike *, const char *,
				    const struct say_to *, size_t *),
			struct lookalike *lk, const char *path, size_t *bad,
			char *captured)
{
	struct testfile_catch c;
	int status;

	testfile_catch_begin(&c, test_dir);
	status = load(lk, path, &test_say, bad);
	testfile_catch_end(&c, captured, TEST_CAPTURE_MAX);
	return status;
}

/* test_has - captured holds path:line and the text */
static void test_has(const char *captured, const char *path, int line,
		     const char *text, const char *name)
{
	char want[TEST_PATH_MAX + 256];

	snprintf(want, sizeof(want), "%s:%d: %s", path, line, text);
	if (!tap_ok(strstr(captured, want) != NULL, name))
		printf("# wanted: %s\n# stderr:\n%s", want, captured);
}

/* test_load_brands - a lookalike with a brands file of text loaded
 * (name: the check that it loads); its warnings in captured, its bad
 * lines in *bad, the file left at path */
static struct lookalike *test_load_brands(const char *text, size_t len,
					  char *path, char *captured,
					  size_t *bad, const char *name)
{
	struct lookalike *lk = lookalike_new();

	test_write(path, text, len);
	tap_is_long(test_capture(brandfile_load, lk, path, bad, captured), 0,
		    name);
	return lk;
}

/* test_brand_file - the --brands file format and its warnings */
static void test_brand_file(void)
{
	static const char text[] =
		"# brands of the story\n"
		"linkedin.com\n"
		"  Walmart.COM   # trailing comment, blanks, case\n"
		"\n"
		"\t# an indented comment\n"
		"emalsrv.marriott.com\n"
		"co.uk\n"
		"not a domain\n"
		"bad_label.com\n"
		"esc\033.com\n"
		"marriott.com\r\n"
		"m\xc3\xbcller.de .com   # UTF-8: its A-labels\n"
		"m\xfcller.de\n"
		"staples.co.uk";
	char path[TEST_PATH_MAX];
	char captured[TEST_CAPTURE_MAX];
	size_t bad = 99;
	struct lookalike *lk = test_load_brands(text, sizeof(text) - 1, path,
						captured, &bad,
						"brands file loaded");
	struct detection d;

	tap_is_long((long) bad, 5, "five bad lines counted");
	tap_is_long((long) lookalike_brand_count(lk), 5, "five brands");
	test_has(captured, path, 6, "\"emalsrv.marriott.com\" read as "
		 "marriott.com, the registrable domain it names",
		 "a host below: read as its domain, and said so");
	test_has(captured, path, 7, "co.uk is a public suffix",
		 "a public suffix");
	test_has(captured, path, 8, "\"not\" is not a hostname; line skipped",
		 "a brand that is no hostname: the line is skipped");
	test_has(captured, path, 9, "\"bad_label.com\" is not a hostname",
		 "not a hostname, quoted");
	test_has(captured, path, 10, "control bytes",
		 "control byte, not quoted");
	test_has(captured, path, 13, "a name with non-ASCII bytes that is no "
		 "internationalized hostname", "a name in Latin-1: no hostname");
	tap_ok(strchr(captured, '\xfc') == NULL, "... and its bytes not quoted");
	tap_ok(strchr(captured, '\033') == NULL, "no escape byte on stderr");
	tap_is_long(lookalike_check(lk, "walmart.net", &d), 1,
		    "indented, commented, upper-case brand was taken");
	tap_is_long(lookalike_check(lk, "marriott.net", &d), 1,
		    "CRLF line was taken");
	tap_is_long(lookalike_check(lk, "staples.net", &d), 1,
		    "last line without newline was taken");
	tap_is_long(lookalike_check(lk, "mueller.de", &d), 1,
		    "a brand written in UTF-8 was taken as its A-labels");
	tap_is_str(d.phished_domain, "xn--mller-kva.de",
		   "... and is reported by them");
	tap_is_long(lookalike_check(lk, "xn--mller-kva.com", &d), 0,
		    "... with its family");
	tap_is_long(brandfile_load(lk, "/nonexistent/brands", &test_say, &bad),
		    -1, "a missing file is an error");
	tap_is_long(errno, ENOENT, "errno ENOENT");
	unlink(path);
	lookalike_free(lk);
}

/* test_brand_forms - brands as reports and feeds write them: a host
 * below the domain, a URL, a mail address or its domain, a wildcard,
 * each read as the registrable domain it names, with a warning that is
 * no bad line; and a byte order mark, left out of a file only phishwatch
 * reads.  A URL of a public suffix or of no host is still nothing. */
static void test_brand_forms(void)
{
	static const char text[] =
		"\xef\xbb\xbfpaypal.com   # a byte order mark before it\n"
		"www.ebay.com\n"
		"https://www.wellsfargo.com/signin?x=1\n"
		"http://netflix.com:8080\n"
		"security@amazon.com\n"
		"@docusign.com .net\n"
		"*.chase.com\n"
		"https://co.uk/\n"
		"ftp://\n"
		"apple.com/\n"
		"https://netflix.com/\xff\n";
	char path[TEST_PATH_MAX];
	char captured[TEST_CAPTURE_MAX];
	size_t bad = 99;
	struct lookalike *lk = test_load_brands(text, sizeof(text) - 1, path,
						captured, &bad,
						"brands in other forms loaded");
	struct detection d;

	tap_is_long((long) bad, 2, "a public suffix and an empty URL are bad");
	tap_is_long((long) lookalike_brand_count(lk), 8, "eight brands");
	test_has(captured, path, 1, "starts with a UTF-8 byte order mark "
		 "(bytes EF BB BF), left out\n", "the mark: said, left out");
	test_has(captured, path, 2, "\"www.ebay.com\" read as ebay.com",
		 "a host below its domain");
	test_has(captured, path, 3, "\"https://www.wellsfargo.com/"
		 "signin?x=1\" read as wellsfargo.com",
		 "a URL with a path and a query");
	test_has(captured, path, 4, "\"http://netflix.com:8080\" read as "
		 "netflix.com", "a URL with a port");
	test_has(captured, path, 5, "\"security@amazon.com\" read as "
		 "amazon.com", "a mail address");
	test_has(captured, path, 7, "\"*.chase.com\" read as chase.com",
		 "a wildcard");
	test_has(captured, path, 8, "co.uk is a public suffix",
		 "a URL of a public suffix is no brand");
	test_has(captured, path, 9, "\"ftp://\" is not a hostname",
		 "a URL with no host is none");
	test_has(captured, path, 10, "\"apple.com/\" read as apple.com",
		 "a host with a path and no scheme");
	test_has(captured, path, 11, "a name with non-ASCII bytes read as "
		 "netflix.com", "a byte above ASCII in a path: not quoted");
	tap_ok(strchr(captured, '\xff') == NULL, "... and its byte not written");
	tap_is_long(lookalike_check(lk, "paypa1.com", &d), 1,
		    "the brand after the mark was taken");
	tap_is_long(lookalike_check(lk, "ebay-login.com", &d), 1,
		    "www.ebay.com: ebay.com's lures");
	tap_is_str(d.phished_domain, "ebay.com", "... reported as ebay.com");
	tap_is_long(lookalike_check(lk, "wellsfarg0.com", &d), 1,
		    "the URL's brand was taken");
	tap_is_long(lookalike_check(lk, "docusign.net", &d), 0,
		    "an address's domain keeps its family");
	tap_is_long(lookalike_check(lk, "chasse.com", &d), 1,
		    "the wildcard's brand was taken");
	unlink(path);
	lookalike_free(lk);
}

/* test_brand_family - own domains on a brand's line are never lookalikes,
 * of their brand or of any other; dot words are the label elsewhere */
static void test_brand_family(void)
{
	static const char text[] =
		"docusign.com .net docusign.eu   # envelopes: docusign.net\n"
		"google.com googlemail.com .co.uk\n"
		"att.com .net\n"
		"paypal.com .de bad_word.com   # a bad word\n"
		"paypal.com .fr   # a brand may come back\n"
		"linkedin.com\n";
	static const struct pair_case cases[] = {
		{"docusign.net", NULL, NULL, "docusign's envelope domain"},
		{"mail.docusign.net", NULL, NULL, "below a family domain"},
		{"docusign.eu", NULL, NULL, "a family domain by name"},
		{"googlemail.com", NULL, NULL, "google's mail domain"},
		{"google.co.uk", NULL, NULL, "google under co.uk"},
		{"att.net", NULL, NULL, "AT&T's own att.net"},
		{"paypal.de", NULL, NULL, "paypal.de"},
		{"paypal.fr", NULL, NULL, "family on a second line"},
		{"docusign.org", "docusign.com", TLD, "not in the family"},
		{"google.net", "google.com", TLD, "not in the family"},
		{"paypal.it", "paypal.com", TLD, "not in the family"},
		{"docusing.net", "docusign.com", TYPO, "a typo of the family"},
		{"att-login.net", "att.com", COMBO, "att with a keyword"},
		{"tat.net", "att.com", TYPO, "a swap under a family's suffix"},
		{"attt.net", "att.com", TYPO, "doubled under a family's suffix"},
		{"tat.org", NULL, NULL, "a swap under none of att's suffixes"},
	};
	char path[TEST_PATH_MAX];
	char captured[TEST_CAPTURE_MAX];
	struct lookalike *lk = lookalike_new();
	size_t bad = 99;

	test_write(path, text, sizeof(text) - 1);
	tap_is_long(test_capture(brandfile_load, lk, path, &bad, captured), 0,
		    "brands file with families loaded");
	tap_is_long((long) bad, 1, "the bad family word counted");
	tap_is_long((long) lookalike_brand_count(lk), 5,
		    "families are no brands of their own");
	test_has(captured, path, 4,
		 "\"bad_word.com\" is not a hostname; that word left out",
		 "a bad family word: that word left out, not the line");
	test_pairs(lk, cases, TEST_COUNT(cases));
	tap_is_long(lookalike_learn_brand(lk, "googlemail.com"), 0,
		    "a family domain is never learned as a brand");
	lookalike_free(lk);
	unlink(path);
}

/* test_ranked_list - a list of popular sites as published, ranks first:
 * CSV (Tranco, Umbrella, with more columns too) or a rank and a blank;
 * the ranks are left out, said once, and the names read */
static void test_ranked_list(void)
{
	static const char text[] = "1,paypal.com\n"
				   "2,1,microsoft.com,com,3000\n"
				   "3\tamazon.com   # a tab after the rank\n"
				   "4 163.com .net\n"
				   "126.com\n"
				   "5\n"
				   "6,\n";
	static const char allowed[] = "1,walmart.ca\n2 paypal.de\n";
	char path[TEST_PATH_MAX];
	char captured[TEST_CAPTURE_MAX];
	size_t bad = 99;
	struct lookalike *lk = test_load_brands(text, sizeof(text) - 1, path,
						captured, &bad,
						"a ranked list loaded");
	struct detection d;

	tap_is_long((long) lookalike_brand_count(lk), 5, "five brands");
	tap_is_long((long) bad, 2, "a rank alone and a rank with no name");
	test_has(captured, path, 1,
		 "a ranked list: each line's rank left out\n",
		 "the ranks: said at the first line");
	tap_ok(strstr(captured, ":2: a ranked") == NULL, "... once a file");
	test_has(captured, path, 6, "\"5\" is not a hostname",
		 "a rank alone is no brand");
	tap_is_long(lookalike_check(lk, "paypa1.com", &d), 1,
		    "the CSV's brand taken");
	tap_is_long(lookalike_check(lk, "micros0ft.com", &d), 1,
		    "the name among more columns taken");
	tap_is_long(lookalike_check(lk, "amazon-login.com", &d), 1,
		    "the name after a rank and a tab taken");
	tap_is_long(lookalike_check(lk, "163.net", &d), 0,
		    "a name that starts with digits keeps its family");
	tap_is_long(lookalike_check(lk, "163.org", &d), 1,
		    "... and is a brand");
	tap_is_long(lookalike_check(lk, "126.org", &d), 1,
		    "a line of digits and a dot is no rank");
	unlink(path);
	test_write(path, allowed, sizeof(allowed) - 1);
	lookalike_add_brand(lk, "walmart.com");
	tap_is_long(test_capture(brandfile_load_allow, lk, path, &bad,
				 captured), 0, "a ranked allow file loaded");
	tap_is_long((long) bad, 0, "no bad line");
	tap_is_long(lookalike_check(lk, "walmart.ca", &d), 0,
		    "the CSV's name allowed");
	tap_is_long(lookalike_check(lk, "paypal.de", &d), 0,
		    "the name after a rank and a blank allowed");
	unlink(path);
	lookalike_free(lk);
}

/* test_allow_file - the --allow file and long lines */
static void test_allow_file(void)
{
	char text[8192];
	char path[TEST_PATH_MAX];
	char captured[TEST_CAPTURE_MAX];
	struct lookalike *lk = lookalike_new();
	struct detection d;
	size_t bad = 0;
	size_t len;

	len = (size_t) snprintf(text, sizeof(text),
				"walmart.ca # Walmart Canada\n"
				"news.linkedin.net\n"
				"com\n");
	memset(text + len, 'a', 5000);
	len += 5000;
	len += (size_t) snprintf(text + len, sizeof(text) - len,
				 "\nlinkedin.org\n");
	lookalike_add_brand(lk, "walmart.com");
	lookalike_add_brand(lk, "linkedin.com");
	test_write(path, text, len);
	tap_is_long(test_capture(brandfile_load_allow, lk, path, &bad,
				 captured), 0, "allow file loaded");
	tap_is_long((long) bad, 2, "two bad lines");
	test_has(captured, path, 3, "\"com\" is not a hostname",
		 "a TLD is no hostname");
	test_has(captured, path, 4, "longer than 4096 bytes", "a long line");
	tap_is_long(lookalike_check(lk, "walmart.ca", &d), 0, "allowed");
	tap_is_long(lookalike_check(lk, "news.linkedin.net", &d), 0,
		    "an allowed host");
	tap_is_long(lookalike_check(lk, "linkedin.net", &d), 1,
		    "not its parent");
	tap_is_long(lookalike_check(lk, "linkedin.org", &d), 0,
		    "the line after the long one was read");
	unlink(path);
	lookalike_free(lk);
}

/* test_access - brands learned from the blocking access entries */
static void test_access(void)
{
	static const char text[] =
		"linkedinmail.com\tDISCARD\n"
		"linkedin.net\tDISCARD\n"
		"complains.linkedin.com\tDISCARD\n"
		"emalsrv.marriott.com\tERROR:\"550 5.7.1 Sender banned\"\n"
		"news.linkedinmail.org\tDISCARD\n"
		"emalsrv.wallmart.com\tREJECT\n"
		"customercare.ups.com\tOK\n";
	char path[TEST_PATH_MAX];
	struct access_map *map = access_new(&test_say);
	struct lookalike *lk = lookalike_new();
	struct detection d;
	size_t learned = 99;

	test_write(path, text, sizeof(text) - 1);
	if (access_load(map, path, NULL) < 0)
		exit(2);
	tap_is_long(config_learn_access(lk, map, &learned), 0,
		    "learned from the access map");
	tap_is_long((long) learned, 3, "linkedin, marriott, wallmart");
	tap_is_long(lookalike_check(lk, "linkedin-mail.biz", &d), 1,
		    "linkedin.com is a brand");
	tap_is_str(d.phished_domain, "linkedin.com", "and the one imitated");
	tap_is_long(lookalike_check(lk, "marriott.org", &d), 1,
		    "marriott.com is a brand");
	tap_is_long(lookalike_check(lk, "linkedinmail.com", &d), 1,
		    "a whole blocked domain is no brand, but a lookalike");
	tap_is_long(lookalike_check(lk, "ups.net", &d), 0,
		    "an OK entry teaches nothing");
	lookalike_free(lk);
	lk = lookalike_new();
	lookalike_add_brand(lk, "walmart.com");
	tap_is_long(config_learn_access(lk, map, &learned), 0,
		    "again, walmart.com given first");
	tap_is_long((long) learned, 2, "wallmart.com is then not learned");
	tap_is_long(lookalike_check(lk, "walmart.com", &d), 0,
		    "so walmart.com is no typo of wallmart.com");
	tap_is_long(config_learn_access(lk, NULL, &learned), 0,
		    "no access map");
	tap_is_long((long) learned, 0, "learns nothing");
	lookalike_free(lk);
	access_free(map);
	unlink(path);
}

int main(void)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(test_dir, sizeof(test_dir), "%s/test_lookalike.XXXXXX",
		 tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(test_dir) == NULL) {
		perror("mkdtemp");
		return 2;
	}
	test_brand_file();
	test_brand_forms();
	test_ranked_list();
	test_allow_file();
	test_brand_family();
	test_access();
	rmdir(test_dir);
	return tap_done();
}
