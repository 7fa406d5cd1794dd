/*
 * NAME
 *	access_db - a compiled access map: Berkeley DB hash or btree
 * SUMMARY
 *	The file "makemap hash access" or "makemap btree access" writes,
 *	looked up in place, as sendmail reads it.
 * DESCRIPTION
 *	The file is opened read-only with libdb (the library sendmail and
 *	makemap use on Debian), which tells hash from btree itself; libdb
 *	opens the file that access_file.c opened and checked, by its
 *	descriptor's name, never the path again.  Keys
 *	are lower case without their NUL, or with it when the map was made
 *	with makemap -N; the first record says which.  Nothing of the map
 *	is copied: a question is one or two libdb gets, each at most a
 *	few page reads that the kernel's page cache and libdb's own small
 *	cache (256 KiB) keep warm.
 *
 *	Each question runs under makemap's shared lock; a file rewritten
 *	since it was opened (an fstat under the lock) or replaced (a stat
 *	of the path, once a second) is opened again first, in O(1): the
 *	sender lookups then follow the new map at once, as sendmail does,
 *	while the known-campaign index and the learned brands are those of
 *	the last load (SIGHUP).  That, the handle and what a record means
 *	are access_compiled.c's, shared with access_cdb.c; this file is
 *	libdb's part alone (struct access_engine).
 * DIAGNOSTICS
 *	A file that is no Berkeley DB hash or btree map fails to open
 *	(EINVAL).  Entries whose value is no sendmail action are warned
 *	about at load ("path: reason; entry skipped") and count as absent.
 */
#include <db.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "access_backend.h"

/* libdb's handle on one map file. */
struct access_db {
	DB *db;
	DBTYPE type;              /* DB_HASH or DB_BTREE */
	char *path;               /* the map's path, which messages name */
	const struct say_to *say; /* where they go */
	char opened_as[ACCESS_FILE_NAME_MAX]; /* the name libdb was given
					 * (/proc/self/fd/N), which its
					 * messages say */
};

/* Room for one of libdb's messages with the map's path put in. */
#define ACCESS_DB_MESSAGE_MAX 1024

/* access_db_errno - errno for a libdb status (positive ones are errno) */
static int access_db_errno(int status)
{
	return status > 0 ? status : EINVAL;
}

/* access_db_first_nul - does the first key end in a NUL (makemap -N)? */
static int access_db_first_nul(DB *db)
{
	DBC *cursor;
	DBT key;
	DBT value;
	int with_nul = 0;

	if (db->cursor(db, NULL, &cursor, 0) != 0)
		return 0;
	memset(&key, 0, sizeof(key));
	memset(&value, 0, sizeof(value));
	/* Only the key's length and last byte: no value copied. */
	value.flags = DB_DBT_PARTIAL | DB_DBT_USERMEM;
	if (cursor->get(cursor, &key, &value, DB_FIRST) == 0 && key.size > 0)
		with_nul = ((const char *)key.data)[key.size - 1] == '\0';
	cursor->close(cursor);
	return with_nul;
}

/*
 * access_db_named - text with each "/proc/self/fd/N" that libdb says
 * (the name it opened the map by) put back as the map's path, into
 * out: no one can look up a descriptor of a process that has exited.
 * A message that names no file gets the path in front.
 */
static void access_db_named(const struct access_db *h, const char *text,
			    char *out, size_t size)
{
	const char *name = h->opened_as[0] != '\0' ? h->opened_as : h->path;
	size_t name_len = strlen(name);
	const char *at = strstr(text, name);
	size_t n;

	if (at == NULL) {
		snprintf(out, size, "%s: %s", h->path, text);
		return;
	}
	for (n = 0; at != NULL && n < size; at = strstr(text, name)) {
		n += (size_t)snprintf(out + n, size - n, "%.*s%s",
				      (int)(at - text), text, h->path);
		text = at + name_len;
	}
	if (n < size)
		snprintf(out + n, size - n, "%s", text);
}

/* access_db_message - libdb's own diagnostics, as ours, naming the
 * map's path: told to the map's say_to (access_db_open_file() left
 * the handle in libdb's environment) */
static void access_db_message(const DB_ENV *env, const char *prefix,
			      const char *text)
{
	const struct access_db *h = env != NULL ? env->app_private : NULL;
	char named[ACCESS_DB_MESSAGE_MAX];

	(void)prefix;
	if (h == NULL) {
		say_print(NULL, SAY_WARN, "libdb: %.300s", text);
		return;
	}
	access_db_named(h, text, named, sizeof(named));
	say_print(h->say, SAY_WARN, "libdb: %.600s", named);
}

/* access_db_open_file - libdb on the file that f holds open, by its
 * descriptor's name: f was checked to be a regular file, and a FIFO
 * renamed over the path since must not block libdb's open; a libdb
 * status */
static int access_db_open_file(struct access_db *h, const struct access_file *f)
{
	char name[ACCESS_FILE_NAME_MAX];
	const char *opened;
	int status = db_create(&h->db, NULL, 0);

	if (status != 0) {
		h->db = NULL;
		return status;
	}
	/* libdb's messages go to the map's say_to, with its path */
	h->path = strdup(f->path);
	if (h->path == NULL)
		return ENOMEM;
	h->say = f->say;
	h->db->dbenv->app_private = h;
	h->db->set_errcall(h->db, access_db_message);
	opened = access_file_name(f, name);
	/* the path itself where no /proc is: its messages name it then */
	snprintf(h->opened_as, sizeof(h->opened_as), "%s",
		 opened == name ? opened : "");
	status =
	    h->db->open(h->db, NULL, opened, NULL, DB_UNKNOWN, DB_RDONLY, 0);
	if (status == 0)
		status = h->db->get_type(h->db, &h->type);
	if (status == 0 && h->type != DB_HASH && h->type != DB_BTREE)
		status = EINVAL;
	return status;
}

/* access_db_detach - libdb's handle */
static void access_db_detach(void *state)
{
	struct access_db *h = state;

	if (h == NULL)
		return;
	if (h->db != NULL)
		h->db->close(h->db, 0);
	free(h->path);
	free(h);
}

/* access_db_attach - libdb on the open file; -1 EINVAL: no hash or
 * btree map */
static int access_db_attach(const struct access_file *f, void **state,
			    int *with_nul)
{
	struct access_db *h = calloc(1, sizeof(*h));
	int status;

	if (h == NULL)
		return -1;
	status = access_db_open_file(h, f);
	if (status != 0) {
		access_db_detach(h);
		errno = access_db_errno(status);
		return -1;
	}
	*with_nul = access_db_first_nul(h->db);
	*state = h;
	return 0;
}

/* access_db_find - one libdb get, the value into vbuf */
static int access_db_find(void *state, const char *key, size_t size,
			  const char **value, size_t *value_len,
			  char vbuf[ACCESS_LINE_MAX + 1])
{
	struct access_db *h = state;
	DBT k;
	DBT v;
	int status;

	memset(&k, 0, sizeof(k));
	memset(&v, 0, sizeof(v));
	k.data = (void *)key;
	k.size = (u_int32_t)size;
	v.data = vbuf;
	v.ulen = ACCESS_LINE_MAX + 1;
	v.flags = DB_DBT_USERMEM;
	status = h->db->get(h->db, NULL, &k, &v, 0);
	if (status == DB_NOTFOUND || status == DB_BUFFER_SMALL)
		return 0;
	if (status != 0)
		return -1;
	*value = vbuf;
	*value_len = v.size;
	return 1;
}

/* access_db_each - every record with a cursor, in libdb's order */
static int access_db_each(void *state,
			  int (*visit)(void *ctx, const char *key,
				       size_t key_len, const char *value,
				       size_t value_len),
			  void *ctx)
{
	struct access_db *h = state;
	DBC *cursor;
	DBT k;
	DBT v;
	int status;

	if (h->db->cursor(h->db, NULL, &cursor, 0) != 0)
		return -1;
	memset(&k, 0, sizeof(k));
	memset(&v, 0, sizeof(v));
	/* One buffer each, grown by libdb to the largest record. */
	k.flags = DB_DBT_REALLOC;
	v.flags = DB_DBT_REALLOC;
	while ((status = cursor->get(cursor, &k, &v, DB_NEXT)) == 0)
		if (visit(ctx, k.data, k.size, v.data, v.size) < 0)
			break;
	cursor->close(cursor);
	free(k.data);
	free(v.data);
	return status == 0 || status == DB_NOTFOUND ? 0 : -1;
}

/* access_db_kind - "hash" or "btree", as the file says */
static const char *access_db_kind(const void *state)
{
	return ((const struct access_db *)state)->type == DB_BTREE ? "btree"
								   : "hash";
}

static const struct access_engine access_db_engine = {
    access_db_attach, access_db_detach, access_db_find, access_db_each,
    access_db_kind};

const struct access_ops access_db_ops =
    ACCESS_COMPILED_OPS("hash", &access_db_engine);
