/*
 * test_matchmemo - a table of patterns' last answers: kept by the whole
 * string, never another string's answer, a newer answer in place of an
 * older one, keys too long never kept.
 */
#include <stdio.h>
#include <string.h>

#include "matchmemo.h"
#include "tap.h"

int main(void)
{
	struct matchmemo *memo = matchmemo_new();
	char key[MATCHMEMO_KEY_MAX + 2];
	int answer = 99;
	int wrong = 0;

	if (!tap_ok(memo != NULL, "a memo"))
		return tap_done();
	tap_is_long(matchmemo_get(memo, "a@b.example", 11, &answer), 0,
		    "empty: nothing kept");
	matchmemo_put(memo, "a@b.example", 11, 7);
	tap_is_long(matchmemo_get(memo, "a@b.example", 11, &answer), 1,
		    "an answer kept");
	tap_is_long(answer, 7, "...as given");
	tap_is_long(matchmemo_get(memo, "a@b.exampl", 10, &answer), 0,
		    "a shorter string is another");
	matchmemo_put(memo, "a@b.example", 11, -1);
	matchmemo_get(memo, "a@b.example", 11, &answer);
	tap_is_long(answer, -1, "a newer answer replaces it");
	/* many more strings than slots: each answer read back is its own */
	for (int i = 0; i < 4 * MATCHMEMO_SLOTS; i++) {
		int n = snprintf(key, sizeof(key), "u%d@h.example", i);

		matchmemo_put(memo, key, (size_t)n, i);
	}
	for (int i = 0; i < 4 * MATCHMEMO_SLOTS; i++) {
		int n = snprintf(key, sizeof(key), "u%d@h.example", i);

		if (matchmemo_get(memo, key, (size_t)n, &answer)
		    && answer != i)
			wrong++;
	}
	tap_is_long(wrong, 0, "full: never another string's answer");
	memset(key, 'x', sizeof(key));
	matchmemo_put(memo, key, MATCHMEMO_KEY_MAX + 1, 5);
	tap_is_long(matchmemo_get(memo, key, MATCHMEMO_KEY_MAX + 1, &answer),
		    0, "a string too long is not kept");
	matchmemo_put(memo, key, MATCHMEMO_KEY_MAX, 6);
	tap_is_long(matchmemo_get(memo, key, MATCHMEMO_KEY_MAX, &answer), 1,
		    "one of the longest length is");
	tap_is_long(matchmemo_get(memo, "", 0, &answer), 0,
		    "the empty string is never kept");
	matchmemo_free(memo);
	return tap_done();
}
