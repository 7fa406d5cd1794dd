/*
 * NAME
 *	access_compiled - one body for the compiled access maps
 * SUMMARY
 *	The handle of a map that makemap or postmap compiled (libdb hash
 *	or btree, cdb), over the library that reads it.
 * DESCRIPTION
 *	Both compiled kinds read their file in place under makemap's shared
 *	lock and open it again when it was rewritten or replaced
 *	(access_file.c); both store keys lower case, with or without their
 *	NUL (makemap -N), and give a value the meaning access_value_stored()
 *	gives it.  That is all here, once; access_db.c and access_cdb.c
 *	give only their library's part (struct access_engine): attach to
 *	the open file, find a key, walk the records.
 *
 *	Reopening builds a whole new handle beside the old one and swaps
 *	it in only when it attached: a file that makemap is still writing
 *	leaves the old mapping answering.
 * DIAGNOSTICS
 *	Opening fails with errno (EINVAL: the file is not of the kind).
 *	Records whose value is no action are warned about at a scan
 *	("path: reason; entry skipped") and count as absent.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "access_backend.h"
#include "access_syntax.h"

struct access_compiled {
	struct access_file file;
	const struct access_syntax_ops *syn; /* what values mean */
	const struct access_engine *engine;
	void *state;  /* the library's, on file */
	int with_nul; /* keys stored with their NUL (makemap -N) */
	size_t count; /* valid entries seen by the last scan */
};

/* One scan: whom to hand each valid record, where to count bad ones. */
struct access_compiled_walk {
	struct access_compiled *h;
	access_scan_fn fn;
	void *ctx;
	size_t *bad;
};

/* access_compiled_attach - open path, the library on it, unlocked */
static int access_compiled_attach(struct access_compiled *h, const char *path,
				  const struct say_to *say)
{
	if (access_file_open(&h->file, path, say) < 0)
		return -1;
	if (h->engine->attach(&h->file, &h->state, &h->with_nul) < 0) {
		int saved = errno;

		access_file_close(&h->file);
		errno = saved;
		return -1;
	}
	access_file_unlock(&h->file);
	return 0;
}

/* access_compiled_detach - the library, then the file */
static void access_compiled_detach(struct access_compiled *h)
{
	h->engine->detach(h->state);
	h->state = NULL;
	access_file_close(&h->file);
}

/* access_compiled_open - a handle over ops->engine, left unlocked; a
 * compiled map holds each key once, folded by makemap or postmap:
 * loading is the text's concern */
int access_compiled_open(const struct access_ops *ops, const char *path,
			 const struct access_syntax_ops *syn,
			 const struct say_to *say, void **handle,
			 size_t *bad_lines,
			 const struct access_loading *loading)
{
	struct access_compiled *h = calloc(1, sizeof(*h));

	(void)loading;
	*handle = NULL;
	if (bad_lines != NULL)
		*bad_lines = 0;
	if (h == NULL)
		return -1;
	h->syn = syn;
	h->engine = ops->engine;
	if (access_compiled_attach(h, path, say) < 0) {
		free(h);
		return -1;
	}
	*handle = h;
	return 0;
}

/* access_compiled_close - the library, the file and the handle */
void access_compiled_close(void *handle)
{
	struct access_compiled *h = handle;

	if (h == NULL)
		return;
	access_compiled_detach(h);
	free(h);
}

/* access_compiled_reopen - the file changed: attach afresh, or -1
 * (keeping the old one) while makemap still writes it */
static int access_compiled_reopen(void *handle)
{
	struct access_compiled *h = handle;
	struct access_compiled fresh;

	memset(&fresh, 0, sizeof(fresh));
	fresh.engine = h->engine;
	if (access_compiled_attach(&fresh, h->file.path, h->file.say) < 0)
		return -1;
	fresh.file.busy = h->file.busy;
	fresh.file.generation = h->file.generation + 1;
	fresh.count = h->count;
	fresh.syn = h->syn;
	access_compiled_detach(h);
	*h = fresh;
	return 0;
}

/* access_compiled_refresh - open the file again if the path changed */
void access_compiled_refresh(void *handle)
{
	struct access_compiled *h = handle;

	access_file_refresh(&h->file, access_compiled_reopen, h);
}

/* access_compiled_begin - makemap's shared lock, on an up-to-date
 * handle: what a library read or cached of a rewritten file is wrong */
int access_compiled_begin(void *handle)
{
	struct access_compiled *h = handle;

	return access_file_begin(&h->file, access_compiled_reopen, h);
}

/* access_compiled_end - release the lock */
void access_compiled_end(void *handle)
{
	access_file_unlock(&((struct access_compiled *)handle)->file);
}

/* access_compiled_get - the action of a lower-case key; a malformed
 * value is no entry, as in the text */
int access_compiled_get(void *handle, const char *key, size_t len,
			enum access_action *action)
{
	struct access_compiled *h = handle;
	char kbuf[ACCESS_LINE_MAX + 1];
	char vbuf[ACCESS_LINE_MAX + 1];
	const char *value;
	size_t vlen;
	int found;

	if (len > ACCESS_LINE_MAX)
		return 0;
	memcpy(kbuf, key, len);
	kbuf[len] = '\0';
	found = h->engine->find(h->state, kbuf, len + (h->with_nul ? 1 : 0),
				&value, &vlen, vbuf);
	if (found <= 0)
		return found;
	return access_value_read(access_value_stored(h->syn->value, kbuf, &len,
						     value, &vlen, action));
}

/* access_compiled_visit - one record of a scan: to fn, or warned about */
static int access_compiled_visit(void *ctx, const char *key, size_t len,
				 const char *value, size_t vlen)
{
	struct access_compiled_walk *walk = ctx;
	struct access_compiled *h = walk->h;
	enum access_action action;
	enum access_value_error why;

	why = access_value_stored(h->syn->value, key, &len, value, &vlen,
				  &action);
	if (why != ACCESS_VALUE_OK)
		access_value_skip(h->file.say, h->file.path, why, key, len,
				  value, vlen, walk->bad);
	if (!access_value_read(why))
		return 0;
	h->count++;
	return walk->fn(key, len, action, walk->ctx);
}

/* access_compiled_scan - every record in the library's order */
int access_compiled_scan(void *handle, access_scan_fn fn, void *ctx,
			 size_t *bad)
{
	struct access_compiled *h = handle;
	struct access_compiled_walk walk = {h, fn, ctx, bad};

	h->count = 0;
	return h->engine->each(h->state, access_compiled_visit, &walk);
}

/* access_compiled_count - records seen by the last scan */
size_t access_compiled_count(const void *handle)
{
	return ((const struct access_compiled *)handle)->count;
}

/* access_compiled_generation - how often the file was opened again */
unsigned long access_compiled_generation(const void *handle)
{
	return ((const struct access_compiled *)handle)->file.generation;
}

/* access_compiled_kind - what the library says the file is */
const char *access_compiled_kind(const void *handle)
{
	const struct access_compiled *h = handle;

	return h->engine->kind_of(h->state);
}
