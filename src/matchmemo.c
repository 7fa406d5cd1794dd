/*
 * NAME
 *	matchmemo - a table of patterns' last answers (see matchmemo.h)
 * SUMMARY
 *	A direct-mapped cache of strings and small answers.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "matchmemo.h"
#include "strmap.h"

struct matchmemo_slot {
	uint16_t len; /* 0: empty (an empty string is never asked) */
	int answer;
	char key[MATCHMEMO_KEY_MAX];
};

struct matchmemo {
	struct matchmemo_slot slots[MATCHMEMO_SLOTS];
};

/* matchmemo_new - every slot empty */
struct matchmemo *matchmemo_new(void)
{
	return calloc(1, sizeof(struct matchmemo));
}

/* matchmemo_free - release the slots */
void matchmemo_free(struct matchmemo *memo)
{
	free(memo);
}

/* matchmemo_slot - where key lives, if anywhere */
static size_t matchmemo_slot(const char *key, size_t len)
{
	uint64_t hash = strmap_hash(key, len);

	return (size_t)(hash ^ (hash >> 32)) & (MATCHMEMO_SLOTS - 1);
}

/* matchmemo_get - the answer kept for key */
int matchmemo_get(const struct matchmemo *memo, const char *key, size_t len,
		  int *answer)
{
	const struct matchmemo_slot *s;

	if (len == 0 || len > MATCHMEMO_KEY_MAX)
		return 0;
	s = &memo->slots[matchmemo_slot(key, len)];
	if (s->len != len || memcmp(s->key, key, len) != 0)
		return 0;
	*answer = s->answer;
	return 1;
}

/* matchmemo_put - key's answer, in place of its slot's older one */
void matchmemo_put(struct matchmemo *memo, const char *key, size_t len,
		   int answer)
{
	struct matchmemo_slot *s;

	if (len == 0 || len > MATCHMEMO_KEY_MAX)
		return;
	s = &memo->slots[matchmemo_slot(key, len)];
	memcpy(s->key, key, len);
	s->len = (uint16_t)len;
	s->answer = answer;
}
