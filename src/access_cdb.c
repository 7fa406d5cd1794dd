/*
 * NAME
 *	access_cdb - a compiled access map: cdb
 * SUMMARY
 *	The file sendmail 8.17's "makemap cdb access" writes (or tinycdb's
 *	"cdb -c"), looked up in place.
 * DESCRIPTION
 *	Keys are lower case without their NUL, or with it when the map was
 *	made with makemap -N; the first record says which.  The file is
 *	mapped read-only (tinycdb), and a question is a few probes into
 *	the mapping: no copy, no system call per key.
 *
 *	makemap rewrites a cdb file in place under its exclusive lock: a
 *	mapping read after that would show other contents, or fault beyond
 *	a shorter end.  So each question runs under the shared lock
 *	(access_file.c) and first checks with fstat(2) that the file is
 *	still the one mapped; if not, or if the path now names another file
 *	(a stat once a second), the file is mapped again (O(1)) before the
 *	question is answered.
 * DIAGNOSTICS
 *	A file too short to be a cdb map fails to open (EINVAL).  Entries
 *	whose value is no sendmail action are warned about at load ("path:
 *	reason; entry skipped") and count as absent.
 */
#include <cdb.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "access_backend.h"
#include "access_syntax.h"

struct access_cdb {
	struct access_file file;
	const struct access_syntax_ops *syn;	/* what values mean */
	struct cdb map;		/* the file, mapped */
	int with_nul;		/* keys stored with their NUL (makemap -N) */
	size_t count;		/* valid entries seen by the last scan */
};

/* access_cdb_first_nul - does the first key end in a NUL (makemap -N)? */
static int access_cdb_first_nul(struct cdb *map)
{
	unsigned pos;
	const char *key;

	cdb_seqinit(&pos, map);
	if (cdb_seqnext(&pos, map) <= 0 || cdb_keylen(map) == 0)
		return 0;
	key = cdb_getkey(map);
	return key != NULL && key[cdb_keylen(map) - 1] == '\0';
}

/* access_cdb_attach - open and map path into h, under the shared lock
 * while it is read; -1 with errno (EINVAL: no cdb map) */
static int access_cdb_attach(struct access_cdb *h, const char *path,
			     const struct say_to *say)
{
	if (access_file_open(&h->file, path, say) < 0)
		return -1;
	if (cdb_init(&h->map, h->file.fd) < 0) {
		access_file_close(&h->file);
		errno = EINVAL;
		return -1;
	}
	h->with_nul = access_cdb_first_nul(&h->map);
	access_file_unlock(&h->file);
	return 0;
}

/* access_cdb_detach - unmap and close */
static void access_cdb_detach(struct access_cdb *h)
{
	cdb_free(&h->map);
	access_file_close(&h->file);
}

/* access_cdb_close - the mapping, the file and the handle */
static void access_cdb_close(void *handle)
{
	struct access_cdb *h = handle;

	if (h == NULL)
		return;
	access_cdb_detach(h);
	free(h);
}

/* access_cdb_open - open and map the map, leave it unlocked */
static int access_cdb_open(const char *path,
			   const struct access_syntax_ops *syn,
			   const struct say_to *say, void **handle,
			   size_t *bad_lines, access_seen_fn seen,
			   void *seen_ctx)
{
	struct access_cdb *h = calloc(1, sizeof(*h));

	(void) seen;
	(void) seen_ctx;
	*handle = NULL;
	if (bad_lines != NULL)
		*bad_lines = 0;
	if (h == NULL)
		return -1;
	h->syn = syn;
	if (access_cdb_attach(h, path, say) < 0) {
		free(h);
		return -1;
	}
	*handle = h;
	return 0;
}

/* access_cdb_reopen - the file changed: map it afresh, or -1 (keeping
 * the old mapping) while makemap still writes it */
static int access_cdb_reopen(void *handle)
{
	struct access_cdb *h = handle;
	struct access_cdb fresh;

	memset(&fresh, 0, sizeof(fresh));
	if (access_cdb_attach(&fresh, h->file.path, h->file.say) < 0)
		return -1;
	fresh.file.busy = h->file.busy;
	fresh.file.generation = h->file.generation + 1;
	fresh.count = h->count;
	fresh.syn = h->syn;
	access_cdb_detach(h);
	*h = fresh;
	return 0;
}

/* access_cdb_refresh - open the file again if the path changed */
static void access_cdb_refresh(void *handle)
{
	struct access_cdb *h = handle;

	access_file_refresh(&h->file, access_cdb_reopen, h);
}

/* access_cdb_begin - makemap's shared lock, on an up-to-date handle */
static int access_cdb_begin(void *handle)
{
	struct access_cdb *h = handle;

	return access_file_begin(&h->file, access_cdb_reopen, h);
}

/* access_cdb_end - release the lock */
static void access_cdb_end(void *handle)
{
	access_file_unlock(&((struct access_cdb *) handle)->file);
}

/* access_cdb_get - the action of a lower-case key */
static int access_cdb_get(void *handle, const char *key, size_t len,
			  enum access_action *action)
{
	struct access_cdb *h = handle;
	char kbuf[ACCESS_LINE_MAX + 1];
	size_t vlen;
	int found;

	if (len > ACCESS_LINE_MAX)
		return 0;
	memcpy(kbuf, key, len);
	kbuf[len] = '\0';
	found = cdb_find(&h->map, kbuf, (unsigned) len + (h->with_nul ? 1 : 0));
	if (found <= 0)
		return found < 0 ? -1 : 0;
	vlen = cdb_datalen(&h->map);
	if (cdb_getdata(&h->map) == NULL)
		return -1;
	return access_value_stored(h->syn->value, kbuf, &len,
				   cdb_getdata(&h->map), &vlen, action)
	    == ACCESS_VALUE_OK;
}

/* access_cdb_visit - one record of a scan: to fn, or warned about */
static int access_cdb_visit(struct access_cdb *h, access_scan_fn fn,
			    void *ctx, size_t *bad)
{
	const char *key = cdb_getkey(&h->map);
	const char *value = cdb_getdata(&h->map);
	size_t len = cdb_keylen(&h->map);
	size_t vlen = cdb_datalen(&h->map);
	enum access_action action;
	enum access_value_error why;

	if (key == NULL || value == NULL)
		return -1;
	why = access_value_stored(h->syn->value, key, &len, value, &vlen,
				  &action);
	if (why != ACCESS_VALUE_OK) {
		access_value_skip(h->file.say, h->file.path, why, key, len, value, vlen,
				  bad);
		return 0;
	}
	h->count++;
	return fn(key, len, action, ctx);
}

/* access_cdb_scan - every record in file order */
static int access_cdb_scan(void *handle, access_scan_fn fn, void *ctx,
			   size_t *bad)
{
	struct access_cdb *h = handle;
	unsigned pos;
	int status;

	h->count = 0;
	cdb_seqinit(&pos, &h->map);
	while ((status = cdb_seqnext(&pos, &h->map)) > 0)
		if (access_cdb_visit(h, fn, ctx, bad) < 0)
			break;
	return status < 0 ? -1 : 0;
}

/* access_cdb_count - records seen by the last scan */
static size_t access_cdb_count(const void *handle)
{
	return ((const struct access_cdb *) handle)->count;
}

/* access_cdb_generation - how often the file was opened again */
static unsigned long access_cdb_generation(const void *handle)
{
	return ((const struct access_cdb *) handle)->file.generation;
}

/* access_cdb_kind - "cdb" */
static const char *access_cdb_kind(const void *handle)
{
	(void) handle;
	return "cdb";
}

const struct access_ops access_cdb_ops = {
	"cdb", access_cdb_open, access_cdb_get, access_cdb_scan,
	access_cdb_refresh, access_cdb_begin, access_cdb_end, access_cdb_count,
	access_cdb_generation, access_cdb_kind,
	access_cdb_close
};
