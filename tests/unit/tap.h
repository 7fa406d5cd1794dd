/*
 * tap.h - a tiny TAP producer for the C unit tests, read by prove.
 *
 * Each check prints "ok N - name" or "not ok N - name" with the values
 * that differed; tap_done() prints the plan and returns the exit code.
 */
#ifndef PHISHWATCH_TAP_H
#define PHISHWATCH_TAP_H

#include <stdio.h>
#include <string.h>

static __attribute__((unused)) int tap_count;
static __attribute__((unused)) int tap_failed;

/* tap_ok - one check */
static __attribute__((unused)) int tap_ok(int cond, const char *name)
{
	tap_count++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - %s\n", cond ? "" : "not ", tap_count, name);
	return cond;
}

/* tap_is_str - strings equal (NULL equals only NULL) */
static __attribute__((unused)) int tap_is_str(const char *got, const char *want, const char *name)
{
	int same = (got == NULL || want == NULL) ? got == want
						 : strcmp(got, want) == 0;

	if (!tap_ok(same, name))
		printf("#   got: '%s'\n# want: '%s'\n", got ? got : "(null)",
		       want ? want : "(null)");
	return same;
}

/* tap_is_long - integers equal */
static __attribute__((unused)) int tap_is_long(long got, long want, const char *name)
{
	if (!tap_ok(got == want, name))
		printf("#   got: %ld\n# want: %ld\n", got, want);
	return got == want;
}

/* tap_done - the plan, and the exit status for prove */
static __attribute__((unused)) int tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed != 0;
}

#endif
