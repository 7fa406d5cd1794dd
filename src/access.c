/*
 * NAME
 *	access - the MTAs' blocking tables, as text or compiled
 * SUMMARY
 *	Is this envelope sender already blocked?  Is this campaign known?
 * DESCRIPTION
 *	Each -a argument is one source: an optional type (sendmail:,
 *	postfix:, postfix-dot:, exim:; guessed from the path when absent,
 *	access_spec()) and a path, whose storage kind its name tells
 *	(access_kind_of(): access_text.c, access_db.c, access_cdb.c).  The
 *	type's module (access_syntax.h) says what the entries mean.  A key
 *	is looked up in the sources of its type in the order they were
 *	loaded; the first that holds it answers, as if the files had been
 *	concatenated into one makemap or postmap run.  A sender is blocked
 *	when the table of any type present blocks it: phishwatch may read
 *	the logs of several MTAs at once, and a campaign one of them
 *	already blocks is no news to the administrator.
 *
 *	Known campaigns need the other direction, "is anything below this
 *	domain blocked?", which no lookup answers.  So after each load
 *	every source is scanned once (two passes: sendmail's From: keys
 *	first, then the entries) and every domain at or above the host
 *	that a blocking sender entry names and decides for, down to two
 *	labels, goes into a set of 64-bit fingerprints (access_set.h):
 *	complains.linkedin.com DISCARD puts complains.linkedin.com and
 *	linkedin.com there.  8 to 16 bytes a domain, no string kept; two
 *	different domains share a fingerprint with a probability of about
 *	n^2/2^65 (1e-7 for two million), and the only cost of that is one
 *	campaign taken as known.  The set is bounded (ACCESS_UNDER_MAX
 *	domains, warned about when reached).  The same scan keeps the
 *	hosts of the first ACCESS_WALK_MAX blocking domain entries for
 *	access_walk_blocking_hosts(), and fills a Bloom filter of each
 *	compiled map's keys: nearly every key a sender's lookup tries is
 *	absent from the map, and the filter says so without libdb or
 *	tinycdb.  A compiled map opened again since (rebuilt by makemap or
 *	postmap) is asked directly until the next load.
 *
 *	Two-label public suffixes such as co.uk may land in the set; that is
 *	harmless because callers ask only about registrable domains
 *	(detector.h), never a public suffix.  A single-label entry such as
 *	"com REJECT" blocks every .com sender, as in sendmail, but makes no
 *	campaign known.
 * DIAGNOSTICS
 *	Skipped lines and entries are warned about by the kinds and the
 *	syntaxes; a key that an earlier -a file of the same type holds is
 *	warned about as a duplicate (the first entry wins), except in Exim
 *	lists, where a repeated item is no mistake.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "access_backend.h"
#include "access_map.h"
#include "hostname.h"
#include "utf8fold.h"

/* access_kind_of - the storage kind of a path of a syntax: the one place
 * that tells (".db": Berkeley DB hash or btree, the file says which;
 * ".cdb": cdb; anything else, and every Exim list: source text) */
static const struct access_ops *
access_kind_of(const char *path, const struct access_syntax_ops *syn)
{
	size_t len = strlen(path);

	if (syn->form != ACCESS_FORM_KEYS)
		return &access_pattern_ops;
	if (!syn->compiled)
		return &access_text_ops;
	if (len > 3 && strcmp(path + len - 3, ".db") == 0)
		return &access_db_ops;
	if (len > 4 && strcmp(path + len - 4, ".cdb") == 0)
		return &access_cdb_ops;
	return &access_text_ops;
}

/* access_new - an empty map that tells say (may be NULL) */
struct access_map *access_new(const struct say_to *say)
{
	struct access_map *map = calloc(1, sizeof(struct access_map));

	if (map == NULL)
		return NULL;
	map->fold = utf8fold_new();
	if (map->fold == NULL) {
		free(map);
		return NULL;
	}
	if (say != NULL)
		map->say = *say;
	return map;
}

/* access_free - release the map and its sources */
void access_free(struct access_map *map)
{
	if (map == NULL)
		return;
	for (size_t i = 0; i < map->nsources; i++) {
		map->sources[i].ops->close(map->sources[i].handle);
		free(map->sources[i].path);
		free(map->sources[i].filter.bits);
	}
	free(map->under.slots);
	free(map->walk.text);
	free(map->trusted.text);
	utf8fold_free(map->fold);
	free(map);
}

/* access_seen - is key held by a source of the new one's syntax loaded
 * before it? */
static int access_seen(const char *key, size_t len, void *ctx)
{
	enum access_action action;

	return access_query_get(ctx, key, len, &action);
}

/* access_lmdb - postmap's lmdb: map, which is not read */
static int access_lmdb(const char *path, const struct access_syntax_ops *syn)
{
	size_t len = strlen(path);

	return syn->compiled && len > 5 && strcmp(path + len - 5, ".lmdb") == 0;
}

/* access_open_source - open path as the next source, earlier sources of
 * its syntax answering access_seen() while a text loads, its keys
 * folded as the syntax's MTA folds them */
static int access_open_source(struct access_map *map, const char *path,
			      const struct access_syntax_ops *syn, size_t *bad)
{
	int answering[ACCESS_SOURCES_MAX];
	struct access_query seen =
	    access_query_earlier(map, answering, map->nsources, syn);
	struct access_loading loading = {access_seen, access_query_fold, &seen};
	struct access_source *src = &map->sources[map->nsources];
	const struct access_ops *ops = access_kind_of(path, syn);
	int status;
	int saved;

	if (access_lmdb(path, syn)) {
		errno = ENOTSUP; /* no LMDB reader here: the source */
		return -1;
	}
	access_prepare(map, answering);
	status =
	    ops->open(ops, path, syn, &map->say, &src->handle, bad, &loading);
	saved = errno;
	access_end(map, answering);
	if (status < 0) {
		errno = saved;
		return -1;
	}
	src->ops = ops;
	src->syn = syn;
	src->path = strdup(path);
	if (src->path == NULL) {
		ops->close(src->handle);
		return -1;
	}
	map->nsources++;
	return 0;
}

/* access_load - add one -a argument as the last source, then index */
int access_load(struct access_map *map, const char *arg, size_t *bad_lines)
{
	enum access_syntax syntax;
	const char *path;
	size_t bad = 0;

	if (bad_lines != NULL)
		*bad_lines = 0;
	if (map->nsources >= ACCESS_SOURCES_MAX) {
		errno = EMFILE;
		return -1;
	}
	access_spec(arg, &syntax, &path);
	if (access_open_source(map, path, access_syntax_of(syntax), &bad) < 0
	    || access_index(map, &bad) < 0)
		return -1;
	if (bad_lines != NULL)
		*bad_lines = bad;
	return 0;
}

/* access_first_of - is source i the first of its syntax? */
static int access_first_of(const struct access_map *map, size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (map->sources[j].syn == map->sources[i].syn)
			return 0;
	return 1;
}

/* access_mta_of - the MTA a type's table is for (Postfix: any form) */
static enum access_syntax access_mta_of(enum access_syntax syntax)
{
	switch (syntax) {
	case ACCESS_POSTFIX_DOT:
	case ACCESS_POSTFIX_REGEXP:
	case ACCESS_POSTFIX_PCRE:
		return ACCESS_POSTFIX;
	default:
		return syntax;
	}
}

/* access_postfix_goes_on - after this result smtpd asks the next
 * restriction: DUNNO, and the actions that only add to the mail (HOLD,
 * WARN, INFO, PREPEND, FILTER, REDIRECT, BCC, DEFER_IF_REJECT), as a
 * real Postfix 3.7 showed (tests/mta/postfix-chain.t) */
static int access_postfix_goes_on(enum access_action action)
{
	return action == ACCESS_SKIP || action == ACCESS_QUARANTINE;
}

/* access_source_answer - what source i decides for local@host: 1 with
 * *action when it decides, 0 when it leaves the sender to the next.
 * A Postfix table decides alone, in its turn (smtpd runs the
 * restrictions in order, a table's whole lookup before the next
 * table's); the tables of sendmail or Exim act as one, answered at the
 * first of them. */
static int access_source_answer(const struct access_map *map, int *answering,
				size_t i, const char *local, const char *host,
				enum access_action *action)
{
	const struct access_syntax_ops *syn = map->sources[i].syn;
	struct access_query q = {map, answering, map->nsources, syn, 0};

	if (access_syntax_chained(syn)) {
		q.from = i;
		q.upto = i + 1;
		return syn->sender(&q, local, host, action)
		       && !access_postfix_goes_on(*action);
	}
	return access_first_of(map, i) && syn->sender(&q, local, host, action);
}

/* access_sender_blocked - does the deciding entry of any MTA's tables
 * block local@host? */
int access_sender_blocked(const struct access_map *map, const char *local,
			  const char *host)
{
	int answering[ACCESS_SOURCES_MAX];
	int blocked = 0;
	int postfix_decided = 0;

	if (map == NULL || host == NULL || *host == '\0' || map->nsources == 0)
		return 0;
	access_prepare(map, answering);
	for (size_t i = 0; i < map->nsources && !blocked; i++) {
		int postfix = access_syntax_chained(map->sources[i].syn);
		enum access_action action;

		if (postfix && postfix_decided)
			continue; /* an earlier table ended the restrictions */
		if (!access_source_answer(map, answering, i, local, host,
					  &action))
			continue;
		postfix_decided |= postfix;
		blocked = access_blocking(action);
	}
	access_end(map, answering);
	return blocked;
}

/* access_blocks_under - a blocking sender entry at or below domain? */
int access_blocks_under(const struct access_map *map, const char *domain)
{
	if (map == NULL || domain == NULL)
		return 0;
	return access_set_has(
	    &map->under,
	    access_fingerprint(domain, strnlen(domain, HOSTNAME_MAX + 1)));
}

/* access_walk - fn with each host of a list the last index kept */
static void access_walk(const struct access_hosts *hosts,
			void (*fn)(const char *host, void *ctx), void *ctx)
{
	for (size_t off = 0; off < hosts->used;) {
		const char *host = hosts->text + off;

		fn(host, ctx);
		off += strlen(host) + 1;
	}
}

/* access_walk_blocking_hosts - the blocked hosts kept by the last index */
void access_walk_blocking_hosts(const struct access_map *map,
				void (*fn)(const char *host, void *ctx),
				void *ctx)
{
	if (map != NULL && fn != NULL)
		access_walk(&map->walk, fn, ctx);
}

/* access_walk_trusted_hosts - the trusted domains the last index kept */
void access_walk_trusted_hosts(const struct access_map *map,
			       void (*fn)(const char *host, void *ctx),
			       void *ctx)
{
	if (map != NULL && fn != NULL)
		access_walk(&map->trusted, fn, ctx);
}

/* access_entry_count - entries of every source */
size_t access_entry_count(const struct access_map *map)
{
	return map != NULL ? access_sources_count(map) : 0;
}

/* access_source_kind - "text", "hash", "btree" or "cdb" of source i */
const char *access_source_kind(const struct access_map *map, size_t i)
{
	if (map == NULL || i >= map->nsources)
		return NULL;
	return map->sources[i].ops->kind_of(map->sources[i].handle);
}

/* access_source_syntax - the type of source i */
const char *access_source_syntax(const struct access_map *map, size_t i)
{
	if (map == NULL || i >= map->nsources)
		return NULL;
	return map->sources[i].syn->name;
}

/* access_map_syntax - the type of the first -a file: suggestions are
 * written for it (sendmail without one) */
enum access_syntax access_map_syntax(const struct access_map *map)
{
	if (map == NULL || map->nsources == 0)
		return ACCESS_SENDMAIL;
	return map->sources[0].syn->syntax;
}

/* access_same_mta - 1 when two types are one MTA's tables */
static int access_same_mta(enum access_syntax a, enum access_syntax b)
{
	return access_mta_of(a) == access_mta_of(b);
}

/* access_map_syntax_for - the first -a file of own's MTA sets the
 * suggestion's terms; without one, the first -a file does */
enum access_syntax access_map_syntax_for(const struct access_map *map,
					 enum access_syntax own)
{
	for (size_t i = 0; map != NULL && i < map->nsources; i++)
		if (access_same_mta(map->sources[i].syn->syntax, own))
			return map->sources[i].syn->syntax;
	return access_map_syntax(map);
}

/* access_suggest_spelled - the line of a syntax's table that blocks
 * host, as spelled; its length, or -1 (EINVAL: not a normalized host,
 * or a spelling that is not the same host, ENOSPC: too long) */
int access_suggest_spelled(enum access_syntax syntax, const char *host,
			   const char *spelled, char *buf, size_t size)
{
	char checked[HOSTNAME_MAX + 1];
	int len;

	if (host == NULL
	    || hostname_normalize(host, strnlen(host, HOSTNAME_MAX + 2),
				  checked)
		   != HOST_OK
	    || strcmp(checked, host) != 0) {
		errno = EINVAL;
		return -1;
	}
	if (spelled != NULL
	    && (hostname_normalize(
		    spelled, strnlen(spelled, HOSTNAME_UTF8_MAX + 1), checked)
		    != HOST_OK
		|| strcmp(checked, host) != 0)) {
		errno = EINVAL;
		return -1;
	}
	len = access_syntax_of(syntax)->suggest(
	    spelled != NULL ? spelled : host, buf, size);
	if (len < 0 || (size_t)len >= size) {
		if (size > 0)
			buf[0] = '\0';
		errno = ENOSPC;
		return -1;
	}
	return len;
}

/* access_suggest_as - the line of a syntax's table that blocks host */
int access_suggest_as(enum access_syntax syntax, const char *host, char *buf,
		      size_t size)
{
	return access_suggest_spelled(syntax, host, NULL, buf, size);
}

/* access_suggest - sendmail's line: host<TAB>ERROR:"550 5.7.1 ..." */
int access_suggest(const char *host, char *buf, size_t size)
{
	return access_suggest_as(ACCESS_SENDMAIL, host, buf, size);
}
