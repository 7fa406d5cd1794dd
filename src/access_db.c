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
 *	Each question runs under makemap's shared lock (access_file.c); a
 *	file rewritten since it was opened (an fstat under the lock) or
 *	replaced (a stat of the path, once a second) is opened again
 *	first, in O(1): the sender lookups then follow the new map at once, as
 *	sendmail does, while the known-campaign index and the learned
 *	brands are those of the last load (SIGHUP).
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
#include "access_syntax.h"

struct access_db {
	struct access_file file;
	const struct access_syntax_ops *syn;	/* what values mean */
	DB *db;
	DBTYPE type;		/* DB_HASH or DB_BTREE */
	int with_nul;		/* keys stored with their NUL (makemap -N) */
	size_t count;		/* valid entries seen by the last scan */
	char opened_as[ACCESS_FILE_NAME_MAX];	/* the name libdb was given
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
		with_nul = ((const char *) key.data)[key.size - 1] == '\0';
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
	const char *name = h->opened_as[0] != '\0' ? h->opened_as
			   : h->file.path;
	size_t name_len = strlen(name);
	const char *at = strstr(text, name);
	size_t n;

	if (at == NULL) {
		snprintf(out, size, "%s: %s", h->file.path, text);
		return;
	}
	for (n = 0; at != NULL && n < size; at = strstr(text, name)) {
		n += (size_t) snprintf(out + n, size - n, "%.*s%s",
				       (int) (at - text), text, h->file.path);
		text = at + name_len;
	}
	if (n < size)
		snprintf(out + n, size - n, "%s", text);
}

/* access_db_message - libdb's own diagnostics, as ours, naming the
 * map's path: told to the map's say_to (access_db_attach() left the
 * handle in libdb's environment) */
static void access_db_message(const DB_ENV *env, const char *prefix,
			      const char *text)
{
	const struct access_db *h = env != NULL ? env->app_private : NULL;
	char named[ACCESS_DB_MESSAGE_MAX];

	(void) prefix;
	if (h == NULL) {
		say_print(NULL, SAY_WARN, "libdb: %.300s", text);
		return;
	}
	access_db_named(h, text, named, sizeof(named));
	say_print(h->file.say, SAY_WARN, "libdb: %.600s", named);
}

/* access_db_attach - libdb on the file that h->file holds open, by its
 * descriptor's name: h->file checked that it is a regular file, and a
 * FIFO renamed over the path since must not block libdb's open */
static int access_db_attach(struct access_db *h)
{
	char name[ACCESS_FILE_NAME_MAX];
	const char *opened;
	int status = db_create(&h->db, NULL, 0);

	if (status != 0) {
		h->db = NULL;
		errno = access_db_errno(status);
		return -1;
	}
	/* libdb's messages go to the map's say_to, with its path */
	h->db->dbenv->app_private = h;
	h->db->set_errcall(h->db, access_db_message);
	opened = access_file_name(&h->file, name);
	/* the path itself where no /proc is: its messages name it then */
	snprintf(h->opened_as, sizeof(h->opened_as), "%s",
		 opened == name ? opened : "");
	status = h->db->open(h->db, NULL, opened, NULL, DB_UNKNOWN,
			     DB_RDONLY, 0);
	if (status == 0)
		status = h->db->get_type(h->db, &h->type);
	if (status == 0 && h->type != DB_HASH && h->type != DB_BTREE)
		status = EINVAL;
	if (status != 0) {
		h->db->close(h->db, 0);
		h->db = NULL;
		errno = access_db_errno(status);
		return -1;
	}
	h->with_nul = access_db_first_nul(h->db);
	return 0;
}

/* access_db_close - libdb's handle and the file */
static void access_db_close(void *handle)
{
	struct access_db *h = handle;

	if (h == NULL)
		return;
	if (h->db != NULL)
		h->db->close(h->db, 0);
	access_file_close(&h->file);
	free(h);
}

/* access_db_open - open the map, leave it unlocked */
static int access_db_open(const char *path,
			  const struct access_syntax_ops *syn,
			  const struct say_to *say, void **handle,
			  size_t *bad_lines, access_seen_fn seen,
			  void *seen_ctx)
{
	struct access_db *h = calloc(1, sizeof(*h));

	(void) seen;
	(void) seen_ctx;
	*handle = NULL;
	if (bad_lines != NULL)
		*bad_lines = 0;
	if (h == NULL)
		return -1;
	h->syn = syn;
	if (access_file_open(&h->file, path, say) < 0) {
		free(h);
		return -1;
	}
	if (access_db_attach(h) < 0) {
		int saved = errno;

		access_db_close(h);
		errno = saved;
		return -1;
	}
	access_file_unlock(&h->file);
	*handle = h;
	return 0;
}

/* access_db_reopen - the file changed: libdb and the file afresh, or
 * -1 (keeping the old ones) while makemap still writes it */
static int access_db_reopen(void *handle)
{
	struct access_db *h = handle;
	struct access_db fresh;

	memset(&fresh, 0, sizeof(fresh));
	if (access_file_open(&fresh.file, h->file.path, h->file.say) < 0)
		return -1;
	if (access_db_attach(&fresh) < 0) {
		access_file_close(&fresh.file);
		return -1;
	}
	access_file_unlock(&fresh.file);
	fresh.file.busy = h->file.busy;
	fresh.file.generation = h->file.generation + 1;
	fresh.count = h->count;
	fresh.syn = h->syn;
	h->db->close(h->db, 0);
	access_file_close(&h->file);
	*h = fresh;
	h->db->dbenv->app_private = h;	/* not the copy on the stack */
	return 0;
}

/* access_db_refresh - open the file again if the path changed */
static void access_db_refresh(void *handle)
{
	struct access_db *h = handle;

	access_file_refresh(&h->file, access_db_reopen, h);
}

/* access_db_begin - makemap's shared lock, on an up-to-date handle */
static int access_db_begin(void *handle)
{
	struct access_db *h = handle;

	/* libdb caches pages, which a rewrite in place makes wrong. */
	return access_file_begin(&h->file, access_db_reopen, h);
}

/* access_db_end - release the lock */
static void access_db_end(void *handle)
{
	access_file_unlock(&((struct access_db *) handle)->file);
}

/* access_db_get - the action of a lower-case key; a malformed value is
 * no entry, as in the text */
static int access_db_get(void *handle, const char *key, size_t len,
			 enum access_action *action)
{
	struct access_db *h = handle;
	char kbuf[ACCESS_LINE_MAX + 1];
	char vbuf[ACCESS_LINE_MAX + 1];
	DBT k;
	DBT v;
	size_t vlen;
	int status;

	if (len > ACCESS_LINE_MAX)
		return 0;
	memcpy(kbuf, key, len);
	kbuf[len] = '\0';
	memset(&k, 0, sizeof(k));
	memset(&v, 0, sizeof(v));
	k.data = kbuf;
	k.size = (u_int32_t) (len + (h->with_nul ? 1 : 0));
	v.data = vbuf;
	v.ulen = sizeof(vbuf);
	v.flags = DB_DBT_USERMEM;
	status = h->db->get(h->db, NULL, &k, &v, 0);
	if (status == DB_NOTFOUND || status == DB_BUFFER_SMALL)
		return 0;
	if (status != 0)
		return -1;
	vlen = v.size;
	return access_value_stored(h->syn->value, kbuf, &len, vbuf, &vlen,
				   action) == ACCESS_VALUE_OK;
}

/* access_db_visit - one record of a scan: to fn, or warned about */
static int access_db_visit(struct access_db *h, const DBT *k, const DBT *v,
			   access_scan_fn fn, void *ctx, size_t *bad)
{
	enum access_action action;
	enum access_value_error why;
	size_t len = k->size;
	size_t vlen = v->size;

	why = access_value_stored(h->syn->value, k->data, &len, v->data,
				  &vlen, &action);
	if (why != ACCESS_VALUE_OK) {
		access_value_skip(h->file.say, h->file.path, why, k->data, len, v->data,
				  vlen, bad);
		return 0;
	}
	h->count++;
	return fn(k->data, len, action, ctx);
}

/* access_db_scan - every record with a cursor, in libdb's order */
static int access_db_scan(void *handle, access_scan_fn fn, void *ctx,
			  size_t *bad)
{
	struct access_db *h = handle;
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
	h->count = 0;
	while ((status = cursor->get(cursor, &k, &v, DB_NEXT)) == 0)
		if (access_db_visit(h, &k, &v, fn, ctx, bad) < 0)
			break;
	cursor->close(cursor);
	free(k.data);
	free(v.data);
	return status == 0 || status == DB_NOTFOUND ? 0 : -1;
}

/* access_db_count - records seen by the last scan */
static size_t access_db_count(const void *handle)
{
	return ((const struct access_db *) handle)->count;
}

/* access_db_generation - how often the file was opened again */
static unsigned long access_db_generation(const void *handle)
{
	return ((const struct access_db *) handle)->file.generation;
}

/* access_db_kind - "hash" or "btree", as the file says */
static const char *access_db_kind(const void *handle)
{
	return ((const struct access_db *) handle)->type == DB_BTREE
	    ? "btree" : "hash";
}

const struct access_ops access_db_ops = {
	"hash", access_db_open, access_db_get, access_db_scan,
	access_db_refresh, access_db_begin, access_db_end, access_db_count,
	access_db_generation, access_db_kind,
	access_db_close
};
