/*
 * NAME
 *	access_query - one question to the sources of an access map
 *	(access_map.h)
 * SUMMARY
 *	Which action has this key, in the first source that holds it?
 * DESCRIPTION
 *	The sources of one syntax are asked in the order they were loaded;
 *	the first that holds the key answers.  A compiled map's Bloom
 *	filter settles most questions without libdb or tinycdb; a source
 *	is begun (a compiled map takes makemap's lock) only when its
 *	filter cannot say, and a question ends every source it began.
 *	Both the lookups (access.c) and the scan at load (access_index.c)
 *	ask through here, so neither calls the other.
 */
#include <stddef.h>

#include "access_map.h"
#include "access_syntax.h"
#include "hostname.h"
#include "utf8fold.h"

/* access_filter_absent - 1 when the source surely lacks the key */
static int access_filter_absent(const struct access_source *src,
				const char *key, size_t len)
{
	const struct access_filter *f = &src->filter;

	/* A file opened again since the scan may hold other keys. */
	if (!f->ready || f->generation != src->ops->generation(src->handle))
		return 0;
	return access_filter_lacks(f, access_fingerprint(key, len));
}

/* access_source_get - the entry of key in source i, and its order; a
 * source first asked is begun (1, or refused: -1) here, so that a
 * question its filter settles costs a compiled map no system call */
static int access_source_get(const struct access_query *q, size_t i,
			     const char *key, size_t len,
			     enum access_action *action,
			     unsigned long long *order)
{
	const struct access_source *src = &q->map->sources[i];
	size_t place = 0;
	int found;

	if (q->answering[i] < 0 || access_filter_absent(src, key, len))
		return 0;
	if (q->answering[i] == 0)
		q->answering[i] = src->ops->begin(src->handle) == 0 ? 1 : -1;
	if (q->answering[i] < 0)
		return 0;
	if (src->ops == &access_text_ops)
		found = access_text_find(src->handle, key, len, action, &place);
	else
		found = src->ops->get(src->handle, key, len, action) > 0;
	if (found && order != NULL)
		*order = ((unsigned long long)i << ACCESS_ORDER_SHIFT) | place;
	return found;
}

/* access_query_find - the first source of the syntax holding key */
int access_query_find(struct access_query *q, const char *key, size_t len,
		      enum access_action *action, unsigned long long *order)
{
	for (size_t i = q->from; i < q->upto; i++)
		if (q->map->sources[i].syn == q->syn
		    && access_source_get(q, i, key, len, action, order))
			return 1;
	return 0;
}

/* access_query_match - the first source of the syntax whose pattern
 * items match (only the text holds them) */
int access_query_match(struct access_query *q, const char *local,
		       const char *host, enum access_action *action,
		       unsigned long long *order)
{
	for (size_t i = q->from; i < q->upto; i++) {
		const struct access_source *src = &q->map->sources[i];
		size_t place;

		if (src->syn == q->syn && src->ops == &access_text_ops
		    && access_text_match(src->handle, local, host, action,
					 &place)) {
			*order = ((unsigned long long)i << ACCESS_ORDER_SHIFT)
				 | place;
			return 1;
		}
	}
	return 0;
}

/* access_query_fold - Postfix's fold beyond ASCII, else (and when ICU
 * cannot fold) ASCII letters lowered, as makemap and Exim do */
int access_query_fold(const char *key, size_t len, char *out, size_t size,
		      void *query)
{
	const struct access_query *q = query;

	if (q->syn->fold_utf8 && hostname_has_high(key, len)) {
		int folded = utf8fold_key(q->map->fold, key, len, out, size);

		if (folded >= 0)
			return folded;
	}
	if (len >= size)
		return -1;
	access_lower(key, len, out);
	out[len] = '\0';
	return (int)len;
}

/* access_query_get - as access_query_find, without the order */
int access_query_get(struct access_query *q, const char *key, size_t len,
		     enum access_action *action)
{
	return access_query_find(q, key, len, action, NULL);
}

/* access_query_earlier - the sources an entry at upto is shadowed by */
struct access_query access_query_earlier(const struct access_map *map,
					 int *answering, size_t upto,
					 const struct access_syntax_ops *syn)
{
	struct access_query q = {map, answering, upto, syn,
				 access_syntax_chained(syn) ? upto : 0};

	return q;
}

/* access_prepare - a new question: every source not yet begun, a
 * compiled map opened again first if its file changed (cheap: a stat at
 * most once a second) */
void access_prepare(const struct access_map *map, int *answering)
{
	for (size_t i = 0; i < map->nsources; i++) {
		answering[i] = 0;
		map->sources[i].ops->refresh(map->sources[i].handle);
	}
}

/* access_begin - every source begun now (a scan reads all of them); the
 * number that cannot answer */
size_t access_begin(const struct access_map *map, int *answering)
{
	size_t silent = 0;

	for (size_t i = 0; i < map->nsources; i++) {
		const struct access_source *src = &map->sources[i];

		answering[i] = src->ops->begin(src->handle) == 0 ? 1 : -1;
		silent += answering[i] < 0;
	}
	return silent;
}

/* access_end - release what was begun */
void access_end(const struct access_map *map, const int *answering)
{
	for (size_t i = 0; i < map->nsources; i++)
		if (answering[i] > 0)
			map->sources[i].ops->end(map->sources[i].handle);
}

/* access_sources_count - entries of every source (a compiled map's as
 * its last scan counted them) */
size_t access_sources_count(const struct access_map *map)
{
	size_t n = 0;

	for (size_t i = 0; i < map->nsources; i++)
		n += map->sources[i].ops->count(map->sources[i].handle);
	return n;
}
