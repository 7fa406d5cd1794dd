/*
 * oom.h - allocation failures on demand, for the out-of-memory tests.
 *
 * A test program that includes this replaces malloc(), calloc() and
 * realloc() (libfastjson, SQLite and liblognorm call them too): once
 * oom_arm(n) is called, the n-th allocation from then on fails, once,
 * with errno ENOMEM, until oom_disarm(), which says how many were asked
 * for.  Under a
 * sanitizer, which owns the allocator, OOM_SANITIZED is defined and
 * nothing is replaced: the test then has nothing to test and says so.
 */
#ifndef PHISHWATCH_OOM_H
#define PHISHWATCH_OOM_H

#include <errno.h>
#include <stddef.h>

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

/* oom_fails - count one allocation; 1 (errno ENOMEM, as glibc's
 * malloc sets it) when it is the one to fail */
static int oom_fails(void)
{
	if (!oom_armed || ++oom_calls != oom_fail_at)
		return 0;
	errno = ENOMEM;
	return 1;
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

/* oom_arm - the n-th allocation from now on fails (0: none does) */
static __attribute__((unused)) void oom_arm(long n)
{
	oom_fail_at = n;
	oom_calls = 0;
	oom_armed = 1;
}

/* oom_disarm - allocations succeed again; how many there were */
static __attribute__((unused)) long oom_disarm(void)
{
	oom_armed = 0;
	return oom_calls;
}
#endif

#endif
