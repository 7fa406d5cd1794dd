/*
 * access - sendmail's access map, read from its source text.
 *
 * DESCRIPTION
 *	Reads the text that makemap turns into access.db: comments (#),
 *	blank lines, "key<whitespace>value".  Keys may carry a tag
 *	(From:, To:, Connect:, Spam:, or another word and a colon) and are
 *	a domain, an address (user@host), a "user@" or an IP address.
 *	Values: OK, RELAY, SKIP, DISCARD, REJECT, ERROR:"550 text",
 *	ERROR:5.7.1:"550 text", ERROR:D.S.N:... .
 *
 *	Matching follows sendmail for an envelope sender: the full
 *	address, then the host and each parent domain in turn, then
 *	"user@"; at each key the From: tagged entry before the untagged
 *	one; the first entry found decides.  A sender is blocked when that
 *	entry's action is DISCARD, REJECT or ERROR; OK, RELAY and SKIP
 *	never block.  No substring matching anywhere.
 *
 * DIAGNOSTICS
 *	access_load() warns about each unreadable line, naming file:line
 *	and the reason, and skips it; a file that cannot be opened is an
 *	error for the caller (exit 66).
 */
#ifndef PHISHWATCH_ACCESS_H
#define PHISHWATCH_ACCESS_H

#include <stddef.h>

struct access_map;

/* access_new - an empty map */
struct access_map *access_new(void);
void access_free(struct access_map *map);

/*
 * access_load - add the entries of one access source file; 0 on
 * success (*bad_lines counts the skipped lines), -1 with errno when
 * the file cannot be read.
 */
int access_load(struct access_map *map, const char *path, size_t *bad_lines);

/*
 * access_sender_blocked - 1 when the envelope sender local@host is
 * blocked (local may be NULL: only the host and its parents are
 * looked up); host validated and lower-cased.
 */
int access_sender_blocked(const struct access_map *map, const char *local,
			  const char *host);

/*
 * access_blocks_under - 1 when a blocking entry exists for domain
 * itself or any host below it (a known campaign); O(1).
 */
int access_blocks_under(const struct access_map *map, const char *domain);

/* access_walk_blocking_hosts - call fn with the host of every blocking
 * From:/untagged domain entry (for --learn-labels and the brand set) */
void access_walk_blocking_hosts(const struct access_map *map,
				void (*fn)(const char *host, void *ctx),
				void *ctx);

/* access_entry_count - entries loaded */
size_t access_entry_count(const struct access_map *map);

/*
 * access_suggest - the access line that blocks host (a validated
 * hostname): host<TAB>ERROR:"550 5.7.1 Sender banned"; -1 if too long.
 */
int access_suggest(const char *host, char *buf, size_t size);

#endif
