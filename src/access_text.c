/*
 * NAME
 *	access_text - the access map's source text, in one arena
 * SUMMARY
 *	The text that "makemap hash access < access" reads, held compactly.
 * DESCRIPTION
 *	What a line says is the syntax's business (access_syntax.h): one
 *	"key<white space>value" a line for sendmail and Postfix, one item
 *	a line for an Exim list.  As makemap and postmap do, keys are
 *	lower-cased (sendmail's tags too, so From: and FROM: are one tag;
 *	a Postfix key beyond ASCII is case-folded as postmap folds it),
 *	and the first entry of a key wins: a later duplicate is warned
 *	about and skipped, also when an earlier -a file of the same type
 *	holds the key (in an Exim list silently: the first of two equal
 *	items decides there too).
 *
 *	Only the key and its action are kept: one arena of records (an
 *	action byte, the key, a NUL) and an open-addressing table of
 *	32-bit arena offsets, at most half full.  That is the key's bytes
 *	plus about ten bytes an entry, and no allocation per entry: a
 *	million-line map of 30-byte lines stays below twice the file's
 *	size.  The arena is limited to 4 GiB (EFBIG beyond).
 * DIAGNOSTICS
 *	"file:line: reason; line skipped" for every line skipped (too
 *	long, and what the syntax refuses; a duplicate), counted.  Keys
 *	and values are quoted bounded, and only after control bytes were
 *	ruled out.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access_backend.h"
#include "access_syntax.h"
#include "matchmemo.h"
#include "pcreload.h"
#include "strmap.h"
#include "textfile.h"

/* A site's access file holds tens to thousands of entries. */
#define ACCESS_TEXT_SLOTS_MIN 1024
#define ACCESS_TEXT_ARENA_MIN 16384
/* An Exim list holds a few regular expressions, if any. */
#define ACCESS_TEXT_PATTERNS_MIN 16
/* Offsets are 32 bits, the table's own 0 meaning "empty". */
#define ACCESS_TEXT_ARENA_MAX ((size_t)UINT32_MAX - 1)

/* A pattern item (an Exim regular expression), in its place among the
 * keys: before the record that follows it in the file. */
struct access_text_pattern {
	size_t place; /* the arena's end when it was read */
	void *item;   /* the syntax's (syn->pattern_new()) */
	enum access_action action;
};

struct access_text {
	char *arena; /* records: action byte, key, NUL */
	size_t used;
	size_t size;
	uint32_t *slots; /* arena offset + 1 of a record; 0: empty */
	size_t mask;     /* slot count - 1 (a power of two) */
	size_t count;
	const struct access_loading *loading; /* while loading */
	const struct access_syntax_ops *syn;  /* what a line says */
	struct access_line_state state;
	struct access_text_pattern *patterns; /* in the file's order */
	size_t npatterns;
	size_t patterns_size;
	struct pcreload pcre;   /* loaded by the first pattern item */
	struct matchmemo *memo; /* the patterns' last answers, by address
				 * (-1: none, else the pattern's index) */
};

/* access_text_slot - where key lives, or the empty slot it would take */
static size_t access_text_slot(const struct access_text *t, const char *key,
			       size_t len)
{
	uint64_t hash = strmap_hash(key, len);
	size_t i = (size_t)(hash ^ (hash >> 32)) & t->mask;

	for (;; i = (i + 1) & t->mask) {
		const char *rec;

		if (t->slots[i] == 0)
			return i;
		rec = t->arena + t->slots[i];
		if (memcmp(rec, key, len) == 0 && rec[len] == '\0')
			return i;
	}
}

/* access_text_grow_slots - twice the slots, every record placed again */
static int access_text_grow_slots(struct access_text *t)
{
	size_t n = (t->mask + 1) * 2;
	uint32_t *old = t->slots;
	size_t old_n = t->mask + 1;

	t->slots = calloc(n, sizeof(*t->slots));
	if (t->slots == NULL) {
		t->slots = old;
		return -1;
	}
	t->mask = n - 1;
	for (size_t i = 0; i < old_n; i++) {
		const char *key;

		if (old[i] == 0)
			continue;
		key = t->arena + old[i];
		t->slots[access_text_slot(t, key, strlen(key))] = old[i];
	}
	free(old);
	return 0;
}

/* access_text_room - room for one more record of len key bytes */
static int access_text_room(struct access_text *t, size_t len)
{
	size_t need = t->used + len + 2;
	size_t size = t->size ? t->size : ACCESS_TEXT_ARENA_MIN;
	char *arena;

	if ((t->count + 1) * 2 > t->mask + 1 && access_text_grow_slots(t) < 0)
		return -1;
	if (need <= t->size)
		return 0;
	if (need > ACCESS_TEXT_ARENA_MAX) {
		errno = EFBIG;
		return -1;
	}
	while (size < need)
		size = size > ACCESS_TEXT_ARENA_MAX / 2 ? ACCESS_TEXT_ARENA_MAX
							: size * 2;
	arena = realloc(t->arena, size);
	if (arena == NULL)
		return -1;
	t->arena = arena;
	t->size = size;
	return 0;
}

/* access_text_insert - a parsed entry under its lower-cased key */
static int access_text_insert(struct access_text *t, struct textfile_where *src,
			      const char *key, size_t len,
			      enum access_action action)
{
	const struct access_loading *loading = t->loading;
	char lower[ACCESS_LINE_MAX + 1];
	int folded =
	    loading->fold(key, len, lower, sizeof(lower), loading->ctx);
	size_t slot;

	if (folded < 0) {
		textfile_warn(src,
			      "key \"%.*s\" is longer than %d bytes once "
			      "its case is folded",
			      access_quote_len(len), key, ACCESS_LINE_MAX);
		return 0;
	}
	if (access_text_room(t, (size_t)folded) < 0)
		return -1;
	slot = access_text_slot(t, lower, (size_t)folded);
	if (t->slots[slot] != 0
	    || loading->seen(lower, (size_t)folded, loading->ctx)) {
		/* In a list the first of two equal items decides anyway. */
		if (!t->syn->quiet_duplicates)
			textfile_warn(src,
				      "duplicate key \"%.*s\"; the "
				      "first entry wins",
				      access_quote_len(len), key);
		return 0;
	}
	len = (size_t)folded;
	t->arena[t->used] = (char)action;
	memcpy(t->arena + t->used + 1, lower, len);
	t->arena[t->used + 1 + len] = '\0';
	t->slots[slot] = (uint32_t)t->used + 1;
	t->used += len + 2;
	t->count++;
	return 0;
}

/* access_text_pattern - a pattern item goes in, in its place; the
 * syntax says when it reads it otherwise than written */
static int access_text_pattern(struct access_text *t,
			       struct textfile_where *src,
			       const struct access_line *entry)
{
	struct access_text_pattern *p;
	char why[ACCESS_PATTERN_WHY_MAX] = "";

	if (t->pcre.lib == NULL && pcreload_open(&t->pcre) < 0)
		return -1;
	if (t->memo == NULL && (t->memo = matchmemo_new()) == NULL)
		return -1;
	if (access_grow((void **)&t->patterns, t->npatterns, &t->patterns_size,
			sizeof(*t->patterns), ACCESS_TEXT_PATTERNS_MIN)
	    < 0)
		return -1;
	p = &t->patterns[t->npatterns];
	p->place = t->used;
	p->action = entry->action;
	p->item = t->syn->pattern_new(&t->pcre, entry->key, entry->key_len,
				      &p->action, why);
	if (p->item == NULL)
		return -1;
	if (why[0] != '\0')
		textfile_warn_read(src, "%s", why);
	t->npatterns++;
	return 0;
}

/* access_text_line - textfile callback: the syntax reads the line,
 * the entry it gives goes in */
static int access_text_line(void *ctx, struct textfile_where *src,
			    const char *line, size_t len)
{
	struct access_text *t = ctx;
	struct access_line entry = {0};

	if (t->syn->line(&t->state, src, line, len, &entry) <= 0)
		return 0;
	if (entry.pattern)
		return access_text_pattern(t, src, &entry);
	return access_text_insert(t, src, entry.key, entry.key_len,
				  entry.action);
}

/* access_text_close - release the arena and the table */
static void access_text_close(void *handle)
{
	struct access_text *t = handle;

	if (t == NULL)
		return;
	for (size_t i = 0; i < t->npatterns; i++)
		t->syn->pattern_free(t->patterns[i].item);
	free(t->patterns);
	pcreload_close(&t->pcre);
	matchmemo_free(t->memo);
	free(t->arena);
	free(t->slots);
	free(t);
}

/* access_text_open - parse one source file into a new arena */
static int access_text_open(const struct access_ops *ops, const char *path,
			    const struct access_syntax_ops *syn,
			    const struct say_to *say, void **handle,
			    size_t *bad_lines,
			    const struct access_loading *loading)
{
	struct access_text *t = calloc(1, sizeof(*t));

	(void)ops;
	*handle = NULL;
	if (t == NULL)
		return -1;
	t->slots = calloc(ACCESS_TEXT_SLOTS_MIN, sizeof(*t->slots));
	t->mask = ACCESS_TEXT_SLOTS_MIN - 1;
	t->loading = loading;
	t->syn = syn;
	if (t->slots == NULL
	    || textfile_read(path, ACCESS_LINE_MAX, access_text_line, t, say,
			     bad_lines)
		   < 0) {
		int saved = errno;

		access_text_close(t);
		errno = saved;
		return -1;
	}
	t->loading = NULL;
	*handle = t;
	return 0;
}

/* access_text_find - the action of a lower-case key, and its place:
 * the arena grows in the file's order */
int access_text_find(void *handle, const char *key, size_t len,
		     enum access_action *action, size_t *place)
{
	struct access_text *t = handle;
	size_t slot;

	if (len > ACCESS_LINE_MAX || memchr(key, '\0', len) != NULL)
		return 0;
	slot = access_text_slot(t, key, len);
	if (t->slots[slot] == 0)
		return 0;
	*action = (enum access_action)t->arena[t->slots[slot] - 1];
	*place = t->slots[slot];
	return 1;
}

/* access_text_first_match - the index of the first pattern item that
 * matches, or -1 */
static int access_text_first_match(const struct access_text *t,
				   const char *local, const char *host)
{
	for (size_t i = 0; i < t->npatterns; i++)
		if (t->syn->pattern_match(t->patterns[i].item, local, host))
			return (int)i;
	return -1;
}

/* access_text_match - the first pattern item that matches, kept for
 * the address's next lookup */
int access_text_match(void *handle, const char *local, const char *host,
		      enum access_action *action, size_t *place)
{
	struct access_text *t = handle;
	char address[MATCHMEMO_KEY_MAX + 1];
	int len;
	int first;

	if (t->npatterns == 0)
		return 0;
	len = snprintf(address, sizeof(address), "%s@%s",
		       local != NULL ? local : "", host);
	if (len < 0 || (size_t)len >= sizeof(address)
	    || !matchmemo_get(t->memo, address, (size_t)len, &first)) {
		first = access_text_first_match(t, local, host);
		if (len > 0 && (size_t)len < sizeof(address))
			matchmemo_put(t->memo, address, (size_t)len, first);
	}
	if (first < 0)
		return 0;
	*action = t->patterns[first].action;
	*place = t->patterns[first].place;
	return 1;
}

/* access_text_get - the action of a lower-case key */
static int access_text_get(void *handle, const char *key, size_t len,
			   enum access_action *action)
{
	size_t place;

	return access_text_find(handle, key, len, action, &place);
}

/* access_text_scan - every record, in the file's order */
static int access_text_scan(void *handle, access_scan_fn fn, void *ctx,
			    size_t *bad)
{
	struct access_text *t = handle;

	(void)bad; /* bad lines were warned about at load */
	for (size_t off = 0; off < t->used;) {
		const char *key = t->arena + off + 1;
		size_t len = strlen(key);

		if (fn(key, len, (enum access_action)t->arena[off], ctx) < 0)
			break;
		off += len + 2;
	}
	return 0;
}

/* access_memory_refresh, access_memory_begin, access_memory_end - a
 * kind held in memory has nothing to look at or lock */
void access_memory_refresh(void *handle)
{
	(void)handle;
}

int access_memory_begin(void *handle)
{
	(void)handle;
	return 0;
}

void access_memory_end(void *handle)
{
	(void)handle;
}

/* access_text_count - entries held, keys and pattern items */
static size_t access_text_count(const void *handle)
{
	const struct access_text *t = handle;

	return t->count + t->npatterns;
}

/* access_memory_generation - what is held in memory never changes once
 * loaded */
unsigned long access_memory_generation(const void *handle)
{
	(void)handle;
	return 0;
}

/* access_text_kind - "text" */
static const char *access_text_kind(const void *handle)
{
	(void)handle;
	return "text";
}

const struct access_ops access_text_ops = {"text",
					   access_text_open,
					   access_text_get,
					   access_text_scan,
					   access_memory_refresh,
					   access_memory_begin,
					   access_memory_end,
					   access_text_count,
					   access_memory_generation,
					   access_text_kind,
					   access_text_close,
					   NULL};
