/*
 * access - the MTAs' blocking tables: sendmail's access map, a Postfix
 * access(5) table, an Exim address list; as text or compiled.
 *
 * DESCRIPTION
 *	Each -a argument is one source, "[TYPE:]PATH" (access_spec()):
 *	TYPE is sendmail, postfix, postfix-dot or exim; without one it is
 *	guessed from PATH: under /etc/postfix/, or a name holding
 *	"sender_access": postfix; under /etc/exim4/ or /etc/exim/: exim;
 *	anything else: sendmail (so "-a /etc/mail/access" means what it
 *	always did).
 *
 *	sendmail: the storage is told by the name, in one place
 *	(access.c, access_kind_of): a name ending in ".db" is a Berkeley
 *	DB map as "makemap hash" or "makemap btree" writes it
 *	(/etc/mail/access.db; the file says which of the two), one ending
 *	in ".cdb" a cdb map as sendmail 8.17's "makemap cdb" writes it, and
 *	anything else the source text that makemap reads (/etc/mail/access).
 *	A compiled map is looked up in place, as sendmail does, under
 *	makemap's lock; nothing of it is copied.  The text is parsed into
 *	one compact arena.  Several -a files of sendmail's type (or of
 *	Exim's) act as one map, the first file holding a key deciding for
 *	it; Postfix's tables are asked one after the other, each looked up
 *	whole, the next one only after DUNNO or an action that only adds
 *	to the mail (HOLD, WARN, ...), as smtpd runs its check_sender_access
 *	restrictions.
 *
 *	Text: comments (#), blank lines, "key<whitespace>value".  Keys may
 *	carry a tag (From:, To:, Connect:, Spam:, or another word and a
 *	colon) and are a domain, an address (user@host), a "user@" or an IP
 *	address.  Values: OK, RELAY, SKIP, DISCARD, REJECT, ERROR:"550
 *	text", ERROR:5.7.1:"550 text", ERROR:D.S.N:... .
 *
 *	Matching follows sendmail for an envelope sender: the full
 *	address, then the host and each parent domain in turn, then
 *	"user@"; at each key the From: tagged entry before the untagged
 *	one; the first entry found decides.  A sender is blocked when that
 *	entry's action is DISCARD, REJECT or ERROR; OK, RELAY and SKIP
 *	never block.  No substring matching anywhere.
 *
 *	postfix and postfix-dot: a Postfix access(5) table as
 *	check_sender_access reads it (access_postfix.c): the source text
 *	postmap reads, or postmap's hash: (.db, Berkeley DB) and cdb:
 *	(.cdb) maps.  exim: an Exim address list file (access_exim.c),
 *	always text.  A sender is blocked when the table of any type
 *	given blocks it.
 *
 *	"Is a host below this domain blocked?" (access_blocks_under) is no
 *	lookup: access_load() scans every source once and keeps the answer
 *	as a set of fingerprints, at most ACCESS_UNDER_MAX domains
 *	(access_set.h; 8 to 16 bytes each, no strings).  The hosts that
 *	access_walk_blocking_ hosts() reports (learned labels and brands) are
 *	kept by the same scan, the first ACCESS_WALK_MAX of them in the map's
 *	order (file order for text and cdb, libdb's order for hash and btree): a
 *	map of a million spammers' domains does not make a million brands.  A
 *	compiled map rebuilt by makemap is reopened by the next lookup (O(1)),
 *	so senders are judged by the new map at once; the set and the walk
 *	follow at the next load (SIGHUP).
 *
 * DIAGNOSTICS
 *	access_load() warns about each unreadable line or entry, naming
 *	file:line (text) or file (compiled) and the reason, and skips it
 *	(told to the say_to given to access_new(): nothing is printed
 *	here); a
 *	file that cannot be opened (or is no map of its kind: EINVAL, or
 *	is being rewritten by makemap: EWOULDBLOCK) is an error for the
 *	caller (exit 66).  A lookup in a compiled map that makemap holds
 *	is skipped with a rate-limited warning, told the same way.
 */
#ifndef PHISHWATCH_ACCESS_H
#define PHISHWATCH_ACCESS_H

#include <stddef.h>

#include "access_type.h"
#include "hostname.h"
#include "say.h"

struct access_map;

/* Blocking domain entries that access_walk_blocking_hosts() reports. */
#define ACCESS_WALK_MAX 10000

/* access_new - an empty map; what loading and lookups warn about is
 * told to say (NULL: nobody) */
struct access_map *access_new(const struct say_to *say);
void access_free(struct access_map *map);

/*
 * access_load - add one -a argument ([TYPE:]PATH) as the last source
 * and index the map again; 0 on success (*bad_lines counts the skipped
 * lines or entries), -1 with errno when the file cannot be read.
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
 * itself or any host below it (a known campaign); O(1), from the set
 * built at load.
 */
int access_blocks_under(const struct access_map *map, const char *domain);

/* access_walk_blocking_hosts - call fn with the host of every blocking
 * From:/untagged domain entry that decides for its key, at most
 * ACCESS_WALK_MAX of them (for --learn-labels and the brand set) */
void access_walk_blocking_hosts(const struct access_map *map,
				void (*fn)(const char *host, void *ctx),
				void *ctx);

/* access_walk_trusted_hosts - call fn with the domain of every OK or
 * RELAY entry that decides for its key (sendmail: From:, Connect: or
 * untagged; Postfix: OK, not DUNNO; Exim lists block only), at most
 * ACCESS_WALK_MAX of them: the administrator vouches for these senders,
 * so they are no lookalikes (config.h hands them to lookalike_allow()) */
void access_walk_trusted_hosts(const struct access_map *map,
			       void (*fn)(const char *host, void *ctx),
			       void *ctx);

/* access_entry_count - entries of all sources (a compiled map's as its
 * last scan counted them) */
size_t access_entry_count(const struct access_map *map);

/* access_source_kind - "text", "hash", "btree" or "cdb": the kind of the
 * i-th -a file, or NULL */
const char *access_source_kind(const struct access_map *map, size_t i);

/* access_source_syntax - "sendmail", "postfix", "postfix-dot" or
 * "exim": the type of the i-th -a file, or NULL */
const char *access_source_syntax(const struct access_map *map, size_t i);

/* access_map_syntax - the type of the first -a file (sendmail when
 * there is none): the one suggestions are written in */
enum access_syntax access_map_syntax(const struct access_map *map);

/* access_map_syntax_for - the type to suggest in for a line of the MTA
 * whose tables are of type own: the first -a file of that MTA's (a
 * postfix-dot file is Postfix's), else access_map_syntax() */
enum access_syntax access_map_syntax_for(const struct access_map *map,
					 enum access_syntax own);

/* Room for a suggested line: host<TAB>ERROR:"550 5.7.1 Sender banned"
 * and the other types' lines, the host in UTF-8 (hostname.h). */
#define ACCESS_SUGGEST_MAX (HOSTNAME_UTF8_MAX + 64)

/*
 * access_suggest_as - the table line that blocks host (a validated
 * hostname) in a type's own terms: sendmail as access_suggest();
 * postfix: host REJECT Sender banned (postfix-dot: the same);
 * exim: host.  Its length, or -1 (EINVAL, ENOSPC).
 */
int access_suggest_as(enum access_syntax syntax, const char *host, char *buf,
		      size_t size);

/*
 * access_suggest_spelled - access_suggest_as(), the host written as
 * spelled (NULL: as host), a spelling of host (its UTF-8, or host
 * itself): the line that blocks a sender who wrote it so (SMTPUTF8),
 * since the MTAs match that spelling only.
 */
int access_suggest_spelled(enum access_syntax syntax, const char *host,
			   const char *spelled, char *buf, size_t size);

/*
 * access_suggest - the access line that blocks host (a validated
 * hostname): host<TAB>ERROR:"550 5.7.1 Sender banned"; -1 if too long.
 */
int access_suggest(const char *host, char *buf, size_t size);

#endif
