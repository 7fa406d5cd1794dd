/*
 * NAME
 *	access_cdb - a compiled access map: cdb
 * SUMMARY
 *	The file sendmail 8.17's "makemap cdb access" writes (or tinycdb's
 *	"cdb -c"), looked up in place.
 * DESCRIPTION
 *	Keys are lower case without their NUL, or with it when the map was
 *	made with makemap -N; the first record says which.  A question is
 *	tinycdb's cdb_seek() on the descriptor: a few pread-sized reads,
 *	no mapping kept.  makemap rewrites a cdb file in place (under its
 *	exclusive lock, see access_file.c); a mapping held across that
 *	would fault, so the file is mapped only for the scan at load, under
 *	the shared lock, and unmapped after it.
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

struct access_cdb {
	struct access_file file;
	int with_nul;		/* keys stored with their NUL (makemap -N) */
	size_t count;		/* entries seen by the last scan */
};

/* access_cdb_first_nul - does the first key end in a NUL (makemap -N)?
 * -1 when the file is no cdb map */
static int access_cdb_first_nul(int fd)
{
	struct cdb map;
	unsigned pos;
	int with_nul = 0;

	if (cdb_init(&map, fd) < 0)
		return -1;
	cdb_seqinit(&pos, &map);
	if (cdb_seqnext(&pos, &map) > 0 && cdb_keylen(&map) > 0) {
		const char *key = cdb_getkey(&map);

		with_nul = key != NULL && key[cdb_keylen(&map) - 1] == '\0';
	}
	cdb_free(&map);
	return with_nul;
}

/* access_cdb_close - the file and the handle */
static void access_cdb_close(void *handle)
{
	struct access_cdb *h = handle;

	if (h == NULL)
		return;
	access_file_close(&h->file);
	free(h);
}

/* access_cdb_attach - open path into f; its key form into *with_nul */
static int access_cdb_attach(struct access_file *f, const char *path,
			     int *with_nul)
{
	if (access_file_open(f, path) < 0)
		return -1;
	*with_nul = access_cdb_first_nul(f->fd);
	access_file_unlock(f);
	if (*with_nul < 0) {
		access_file_close(f);
		errno = EINVAL;
		return -1;
	}
	return 0;
}

/* access_cdb_open - open the map, leave it unlocked */
static int access_cdb_open(const char *path, void **handle,
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
	if (access_cdb_attach(&h->file, path, &h->with_nul) < 0) {
		free(h);
		return -1;
	}
	*handle = h;
	return 0;
}

/* access_cdb_begin - makemap's shared lock, on the file the path names */
static int access_cdb_begin(void *handle)
{
	struct access_cdb *h = handle;

	if (access_file_changed(&h->file)) {
		struct access_file fresh;
		int with_nul;

		if (access_cdb_attach(&fresh, h->file.path, &with_nul) < 0) {
			access_file_refused(&h->file,
					    "being rewritten or unreadable");
			return -1;
		}
		fresh.busy = h->file.busy;
		access_file_close(&h->file);
		h->file = fresh;
		h->with_nul = with_nul;
	}
	if (access_file_lock(&h->file) < 0) {
		access_file_refused(&h->file, "locked by makemap");
		return -1;
	}
	return 0;
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
	char vbuf[ACCESS_LINE_MAX + 1];
	unsigned vlen;
	size_t vsize;
	int found;

	if (len > ACCESS_LINE_MAX)
		return 0;
	memcpy(kbuf, key, len);
	kbuf[len] = '\0';
	found = cdb_seek(h->file.fd, kbuf, (unsigned) len + (h->with_nul ? 1 : 0),
			 &vlen);
	if (found <= 0)
		return found < 0 ? -1 : 0;
	if (vlen > sizeof(vbuf))
		return 0;	/* longer than any value we take */
	if (cdb_bread(h->file.fd, vbuf, (int) vlen) < 0)
		return -1;
	vsize = vlen;
	return access_value_stored(kbuf, &len, vbuf, &vsize, action)
	    == ACCESS_VALUE_OK;
}

/* access_cdb_visit - one record of a scan: to fn, or warned about */
static int access_cdb_visit(struct access_cdb *h, struct cdb *map,
			    access_scan_fn fn, void *ctx, size_t *bad)
{
	const char *key = cdb_getkey(map);
	const char *value = cdb_getdata(map);
	size_t len = cdb_keylen(map);
	size_t vlen = cdb_datalen(map);
	enum access_action action;
	enum access_value_error why;

	if (key == NULL || value == NULL)
		return -1;
	h->count++;
	why = access_value_stored(key, &len, value, &vlen, &action);
	if (why != ACCESS_VALUE_OK) {
		access_value_skip(h->file.path, why, key, len, value, vlen,
				  bad);
		return 0;
	}
	return fn(key, len, action, ctx);
}

/* access_cdb_scan - every record in file order, the file mapped */
static int access_cdb_scan(void *handle, access_scan_fn fn, void *ctx,
			   size_t *bad)
{
	struct access_cdb *h = handle;
	struct cdb map;
	unsigned pos;
	int status;

	if (cdb_init(&map, h->file.fd) < 0)
		return -1;
	h->count = 0;
	cdb_seqinit(&pos, &map);
	while ((status = cdb_seqnext(&pos, &map)) > 0)
		if (access_cdb_visit(h, &map, fn, ctx, bad) < 0)
			break;
	cdb_free(&map);
	return status < 0 ? -1 : 0;
}

/* access_cdb_count - records seen by the last scan */
static size_t access_cdb_count(const void *handle)
{
	return ((const struct access_cdb *) handle)->count;
}

/* access_cdb_kind - "cdb" */
static const char *access_cdb_kind(const void *handle)
{
	(void) handle;
	return "cdb";
}

const struct access_ops access_cdb_ops = {
	"cdb", access_cdb_open, access_cdb_get, access_cdb_scan,
	access_cdb_begin, access_cdb_end, access_cdb_count, access_cdb_kind,
	access_cdb_close
};
