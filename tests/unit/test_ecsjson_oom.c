/*
 * test_ecsjson_oom - an event built while memory runs out: every
 * allocation of the build, in turn, is made to fail once.  The build
 * then gives NULL (ENOMEM) or a whole event, and never crashes: out of
 * memory, libfastjson 1.2304 hands out an array without its list, which
 * crashed phishwatch (SIGSEGV under ulimit -v) when it added to it or
 * released it.  The failures are injected by replacing malloc(),
 * calloc() and realloc() in this program, which libfastjson calls too;
 * under a sanitizer, which owns the allocator, there is nothing to test.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ecsjson.h"
#include "sample_event.h"
#include "tap.h"

#if defined(__SANITIZE_ADDRESS__)
#define OOM_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define OOM_SANITIZED 1
#endif
#endif

#ifndef OOM_SANITIZED
extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t size);

/* The allocation (counted from 1 once armed) that fails; 0: none. */
static long oom_fail_at;
static long oom_calls;
static int oom_armed;

/* oom_fails - count one allocation; 1 when it is the one to fail */
static int oom_fails(void)
{
	if (!oom_armed)
		return 0;
	return ++oom_calls == oom_fail_at;
}

void *malloc(size_t size)
{
	return oom_fails() ? NULL : __libc_malloc(size);
}

void *calloc(size_t n, size_t size)
{
	return oom_fails() ? NULL : __libc_calloc(n, size);
}

void *realloc(void *p, size_t size)
{
	return oom_fails() ? NULL : __libc_realloc(p, size);
}

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

	oom_fail_at = n;
	oom_calls = 0;
	errno = 0;
	oom_armed = 1;
	root = ecsjson_build(&ev, 1);
	oom_armed = 0;
	*calls = oom_calls;
	result = root != NULL ? 1 : errno == ENOMEM ? 0 : -1;
	ecsjson_free(root);
	return result;
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
	oom_fail_at = 2;
	oom_calls = 0;
	oom_armed = 1;
	errno = 0;
	array = ecsjson_new_array();
	oom_armed = 0;
	tap_ok(array == NULL && errno == ENOMEM,
	       "no memory for the array's list: NULL, ENOMEM");
	return tap_done();
}
#else
int main(void)
{
	printf("1..0 # SKIP the sanitizer owns malloc: no failure to inject\n");
	return 0;
}
#endif
