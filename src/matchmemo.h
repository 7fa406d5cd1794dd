/*
 * matchmemo - the last answers of a table of patterns, by lookup string.
 *
 * DESCRIPTION
 *	A Postfix pcre: or regexp: table and an Exim list's regular
 *	expressions are answered by running their rules one after the
 *	other: a thousand rules cost a thousand matches a sender.  A
 *	campaign's senders repeat line after line (a burst is a few
 *	addresses, thousands of times), and a table of patterns never
 *	changes once loaded (a reload makes a new one), so its answers are
 *	kept: MATCHMEMO_SLOTS of them, one a slot by the string's hash, a
 *	newer answer taking the slot of an older one; nothing grows.
 *	Slots hold the strings themselves: a crafted address whose hash
 *	collides with a blocked one gets its own answer.  Strings longer
 *	than MATCHMEMO_KEY_MAX are answered every time.
 */
#ifndef PHISHWATCH_MATCHMEMO_H
#define PHISHWATCH_MATCHMEMO_H

#include <stddef.h>

#define MATCHMEMO_SLOTS 512 /* a burst's addresses, and more */
/* An address of a 64-byte local part at a long host fits; a slot is
 * the string, its length and the answer: 136 kB in all. */
#define MATCHMEMO_KEY_MAX 255

struct matchmemo;

/* matchmemo_new - an empty memo; NULL when memory ran out */
struct matchmemo *matchmemo_new(void);
void matchmemo_free(struct matchmemo *memo);

/* matchmemo_get - 1 and *answer when key[0..len) was answered */
int matchmemo_get(const struct matchmemo *memo, const char *key, size_t len,
		  int *answer);

/* matchmemo_put - key[0..len)'s answer (too long a key: nothing) */
void matchmemo_put(struct matchmemo *memo, const char *key, size_t len,
		   int answer);

#endif
