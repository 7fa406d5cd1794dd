/*
 * test_ecsjson_oom - an event built while memory runs out: every
 * allocation of the build, in turn, is made to fail once.  The build
 * then gives NULL (ENOMEM) or a whole event, and never crashes: out of
 * memory, libfastjson 1.2304 hands out an array without its list, which
 * crashed phishwatch (SIGSEGV under ulimit -v) when it added to it or
 * released it.  The failures are injected by replacing malloc(),
 * calloc() and realloc() in this program, which libfastjson calls too
 * (oom.h); under a sanitizer, which owns the allocator, there is
 * nothing to test.
 *
 * The text of a built event, too, with each allocation of its
 * serialization failing in turn, is either the whole text or NULL
 * (ENOMEM): libfastjson's own serializer ignored a failed growth of its
 * print buffer and handed out an event cut short, or an empty one.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ecsjson.h"
#include "sample_event.h"
#include "tap.h"

#include "oom.h"

#ifndef OOM_SANITIZED
/* sample_event - an event with every field set, arrays included */
static struct event sample_event(void)
{
	static const unsigned long long counters[TRACK_COUNTERS] = { 3, 4 };
	struct event ev = sample_event_at((struct timespec) { 1764205089, 0 });

	ev.counters = counters;
	return ev;
}

/* build_with_failure - build the event with allocation n failing;
 * 1 if it was built, 0 if refused with ENOMEM, -1 otherwise */
static int build_with_failure(long n, long *calls)
{
	struct event ev = sample_event();
	struct fjson_object *root;
	int result;

	errno = 0;
	oom_arm(n);
	root = ecsjson_build(&ev, 1);
	*calls = oom_disarm();
	result = root != NULL ? 1 : errno == ENOMEM ? 0 : -1;
	ecsjson_free(root);
	return result;
}

/* same_text - a and b are the same event text but for event.created,
 * the time each was built */
static int same_text(const char *a, size_t a_len, const char *b)
{
	static const char created[] = "\"created\":\"";
	const char *at = strstr(a, created);
	size_t skip;

	if (a_len != strlen(b) || at == NULL)
		return 0;
	skip = (size_t) (at - a) + sizeof(created) - 1;
	/* the stamp itself: "2026-11-27T00:58:09.123Z" */
	return strncmp(a, b, skip) == 0
	       && strcmp(a + skip + 24, b + skip + 24) == 0;
}

/* text_with_failure - the text of ev, built afresh (a tree may keep
 * its text), with allocation n of the serialization failing: 1 whole,
 * 0 refused (ENOMEM), -1 anything else (cut short, empty); *calls: the
 * allocations the serialization made */
static int text_with_failure(const struct event *ev, const char *whole,
			     long n, long *calls)
{
	struct fjson_object *root = ecsjson_build(ev, 1);
	size_t len = 0;
	char *text;
	int result;

	if (root == NULL)
		return -1;
	errno = 0;
	oom_arm(n);
	text = ecsjson_text(root, &len);
	*calls = oom_disarm();
	if (text == NULL) {
		result = errno == ENOMEM ? 0 : -1;
		ecsjson_free(root);
		return result;
	}
	result = same_text(text, len, whole) ? 1 : -1;
	if (result < 0)
		printf("# allocation %ld failing: %zu bytes of %zu: %.60s\n",
		       n, len, strlen(whole), text);
	free(text);
	ecsjson_free(root);
	return result;
}

/* test_text - every allocation of the serialization of an event with
 * a long event.original (its text grows several times) fails in turn */
static void test_text(void)
{
	static char original[6000];
	struct event ev = sample_event();
	struct fjson_object *root;
	size_t len = 0;
	char *whole;
	long calls = 0, refused = 0, bad = 0, n;

	memset(original, 'x', sizeof(original) - 1);
	ev.original = original;
	root = ecsjson_build(&ev, 1);
	whole = root != NULL ? ecsjson_text(root, &len) : NULL;
	if (!tap_ok(whole != NULL && len > sizeof(original),
		    "with memory enough the whole text"))
		return;
	for (n = 1; n < 1000; n++) {
		int got = text_with_failure(&ev, whole, n, &calls);

		bad += got < 0;
		refused += got == 0;
		if (calls < n)
			break;
	}
	tap_ok(n > 2 && n < 1000, "every allocation of the text was made to "
	       "fail (more than one)");
	tap_ok(refused > 0, "a text whose allocation failed is refused");
	tap_is_long(bad, 0, "never a text cut short or empty: whole, or NULL "
		    "with ENOMEM");
	free(whole);
	ecsjson_free(root);
}

int main(void)
{
	struct fjson_object *array;
	long calls = 0;
	long refused = 0;
	int bad = 0;
	long n;

	/* Each allocation of the build fails once, until a build makes no
	 * more allocations than the one that was to fail (none failed). */
	for (n = 1; n < 10000; n++) {
		int built = build_with_failure(n, &calls);

		if (built < 0)
			bad++;
		refused += built == 0;
		if (calls < n)
			break;
	}
	tap_ok(n < 10000, "every allocation of an event build was made to fail");
	tap_ok(refused > 0, "builds whose allocation failed are refused");
	tap_is_long(bad, 0, "a refused build says ENOMEM");
	tap_is_long(build_with_failure(0, &calls), 1,
		    "with memory enough the event is built");
	array = ecsjson_new_array();
	tap_ok(array != NULL, "an array when memory is there");
	ecsjson_free(array);
	/* The second allocation is the list of the array. */
	errno = 0;
	oom_arm(2);
	array = ecsjson_new_array();
	(void) oom_disarm();
	tap_ok(array == NULL && errno == ENOMEM,
	       "no memory for the array's list: NULL, ENOMEM");
	test_text();
	return tap_done();
}
#else
int main(void)
{
	printf("1..0 # SKIP the sanitizer owns malloc: no failure to inject\n");
	return 0;
}
#endif
