/*
 * store_messages.h - what the store's unit tests share: a message of a
 * sender host counted through store_count(), as the tracker hands one
 * over.
 */
#ifndef PHISHWATCH_TEST_STORE_MESSAGES_H
#define PHISHWATCH_TEST_STORE_MESSAGES_H

#include <time.h>

#include "store.h"

/* seen_one - one more message of sender_host, through store_count */
static __attribute__((unused)) int
seen_one(struct store *st, const char *phished, const char *sender_host,
	 time_t when)
{
	struct tracker_delta delta = { .phished_domain = phished,
				       .sender_host = sender_host };

	delta.n[TRACK_MESSAGES] = 1;
	return store_count(st, &delta, NULL, when);
}

#endif
