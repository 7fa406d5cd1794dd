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
 *	a shorter end.  So each question runs under the shared lock and
 *	first checks with fstat(2) that the file is still the one mapped;
 *	if not, or if the path now names another file (a stat once a
 *	second), the file is mapped again (O(1)) before the question is
 *	answered.  That, the handle and what a record means are
 *	access_compiled.c's, shared with access_db.c; this file is
 *	tinycdb's part alone (struct access_engine).
 * DIAGNOSTICS
 *	A file too short to be a cdb map fails to open (EINVAL).  Entries
 *	whose value is no sendmail action are warned about at load ("path:
 *	reason; entry skipped") and count as absent.
 */
#include <cdb.h>
#include <errno.h>
#include <stdlib.h>

#include "access_backend.h"

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

/* access_cdb_attach - map the open file; -1 EINVAL: no cdb map */
static int access_cdb_attach(const struct access_file *f, void **state,
			     int *with_nul)
{
	struct cdb *map = calloc(1, sizeof(*map));

	if (map == NULL)
		return -1;
	if (cdb_init(map, f->fd) < 0) {
		free(map);
		errno = EINVAL;
		return -1;
	}
	*with_nul = access_cdb_first_nul(map);
	*state = map;
	return 0;
}

/* access_cdb_detach - unmap */
static void access_cdb_detach(void *state)
{
	if (state == NULL)
		return;
	cdb_free(state);
	free(state);
}

/* access_cdb_find - a few probes into the mapping: no copy */
static int access_cdb_find(void *state, const char *key, size_t size,
			   const char **value, size_t *value_len,
			   char vbuf[ACCESS_LINE_MAX + 1])
{
	struct cdb *map = state;
	int found = cdb_find(map, key, (unsigned)size);

	(void)vbuf;
	if (found <= 0)
		return found < 0 ? -1 : 0;
	*value = cdb_getdata(map);
	*value_len = cdb_datalen(map);
	return *value == NULL ? -1 : 1;
}

/* access_cdb_each - every record in file order; one the mapping cannot
 * show ends the walk, as the end of the file would */
static int access_cdb_each(void *state,
			   int (*visit)(void *ctx, const char *key,
					size_t key_len, const char *value,
					size_t value_len),
			   void *ctx)
{
	struct cdb *map = state;
	unsigned pos;
	int status;

	cdb_seqinit(&pos, map);
	while ((status = cdb_seqnext(&pos, map)) > 0) {
		const char *key = cdb_getkey(map);
		const char *value = cdb_getdata(map);

		if (key == NULL || value == NULL
		    || visit(ctx, key, cdb_keylen(map), value, cdb_datalen(map))
			   < 0)
			break;
	}
	return status < 0 ? -1 : 0;
}

/* access_cdb_kind - "cdb" */
static const char *access_cdb_kind(const void *state)
{
	(void)state;
	return "cdb";
}

static const struct access_engine access_cdb_engine = {
    access_cdb_attach, access_cdb_detach, access_cdb_find, access_cdb_each,
    access_cdb_kind};

const struct access_ops access_cdb_ops =
    ACCESS_COMPILED_OPS("cdb", &access_cdb_engine);
