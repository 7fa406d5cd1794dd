/*
 * access_backend - what the access map's storage kinds share (internal).
 *
 * DESCRIPTION
 *	access.c asks one question of every -a file, in order: "which
 *	action has this key?"; the first file that holds the key answers,
 *	as if the files had been concatenated into one makemap run.  Each
 *	storage kind answers it its own way:
 *
 *	access_text.c	the source text, parsed into one arena at load;
 *	access_db.c	a Berkeley DB hash or btree file (makemap hash,
 *			makemap btree), looked up in place with libdb;
 *	access_cdb.c	a cdb file (sendmail 8.17's makemap cdb), looked
 *			up in place with tinycdb;
 *	access_compiled.c  what the two compiled kinds share: the handle,
 *			makemap's lock and reopening (access_file.c),
 *			the meaning of a record; each gives it only its
 *			library's attach, find and walk (struct
 *			access_engine).
 *
 *	Keys are lower case as makemap writes them (tags too), without the
 *	terminating NUL; a compiled map made with makemap -N holds keys
 *	and values with their NUL, and the compiled kinds find those too.
 *	access_value_parse() gives the same meaning to a value, whichever
 *	kind stores it, so one source file means the same in all of them.
 *
 *	ops->scan() visits every entry once, for the known-campaign index
 *	and the brand walk that access.c builds at load; ops->get() is
 *	the lookup on the stream's path.  ops->refresh() comes before each
 *	question (a compiled map notices a replaced file there, once a
 *	second); ops->begin() and ops->end() bracket the gets of one
 *	question, only when one is needed (a compiled map takes makemap's
 *	lock there, and notices a file rewritten in place).
 */
#ifndef PHISHWATCH_ACCESS_BACKEND_H
#define PHISHWATCH_ACCESS_BACKEND_H

#include <stddef.h>
#include <sys/stat.h>

#include "say.h"

struct access_syntax_ops;

/* makemap's own line buffer is smaller: a longer key or value is none. */
#define ACCESS_LINE_MAX 4096
/* Untrusted text in warnings is cut to this many bytes. */
#define ACCESS_QUOTE_MAX 100

enum access_tag {
	ACCESS_UNTAGGED,
	ACCESS_TAG_FROM,
	ACCESS_TAG_TO,
	ACCESS_TAG_CONNECT,
	ACCESS_TAG_SPAM,
	ACCESS_TAG_OTHER /* a feature we do not model */
};

enum access_action {
	ACCESS_OK,
	ACCESS_RELAY,
	ACCESS_SKIP,
	ACCESS_QUARANTINE, /* accepted, held in the queue */
	ACCESS_SPAM_PREF,  /* FRIEND, HATER and the SPAM forms */
	ACCESS_OPAQUE,     /* value of an unmodelled tag */
	ACCESS_DISCARD,    /* the blocking ones from here on */
	ACCESS_REJECT,
	ACCESS_ERROR
};

/* Why access_value_parse() refused an entry. */
enum access_value_error {
	ACCESS_VALUE_OK,
	ACCESS_VALUE_EMPTY_KEY, /* nothing after the tag */
	ACCESS_VALUE_UNKNOWN,   /* unknown or malformed action */
	/* no action of sendmail's for a sender (From: or untagged key):
	 * check_mail refuses the sender with the value as its reply text,
	 * so the entry is read as ACCESS_ERROR, and still warned about */
	ACCESS_VALUE_NO_ACTION,
	/* neither action nor restriction of Postfix's: smtpd defers the
	 * sender ("451 4.3.5 Server configuration error"), so the entry is
	 * read as ACCESS_ERROR, and still warned about */
	ACCESS_VALUE_DEFERS
};

/* access_value_read - the entry is read (ACCESS_VALUE_OK, or
 * ACCESS_VALUE_NO_ACTION or ACCESS_VALUE_DEFERS, which are warned about
 * too) */
int access_value_read(enum access_value_error why);

/* access_blocking - does this action keep the sender out? */
int access_blocking(enum access_action action);

/* access_trusting - does this action vouch for the sender (OK, RELAY)? */
int access_trusting(enum access_action action);

/* access_tag_of - the tag of key[0..len) and where its body starts */
enum access_tag access_tag_of(const char *key, size_t len, size_t *body);

/*
 * access_value_parse - the action of key[0..key_len) with its value;
 * values of unmodelled tags are ACCESS_OPAQUE whatever they say.
 */
enum access_value_error access_value_parse(const char *key, size_t key_len,
					   const char *value, size_t value_len,
					   enum access_action *action);

/* Room for a reason: two quotes and the words around them. */
#define ACCESS_REASON_MAX (2 * ACCESS_QUOTE_MAX + 128)

/* access_value_reason - why an entry was refused or is odd, quoted
 * bounded */
void access_value_reason(enum access_value_error why, const char *key,
			 size_t key_len, const char *value, size_t value_len,
			 char *buf, size_t size);

/* access_has_control - a NUL, control or DEL byte other than tab */
int access_has_control(const char *text, size_t len);

/* access_blank - the white space that separates key and value */
int access_blank(char c);

/* access_trim_end - len without the white space and CR at the end */
size_t access_trim_end(const char *line, size_t len);

/* access_grow - room for one more of n items of item bytes in *items,
 * which holds *size of them: doubled (from min) when full; -1 (ENOMEM) */
int access_grow(void **items, size_t n, size_t *size, size_t item, size_t min);

/* access_quote_len - how much of len bytes a warning may quote */
int access_quote_len(size_t len);

/* A syntax's reading of a key and its value (access_value_parse()). */
typedef enum access_value_error (*access_value_fn)(const char *key,
						   size_t key_len,
						   const char *value,
						   size_t value_len,
						   enum access_action *action);

/* access_value_stored - a compiled map's entry: without the NUL that
 * makemap -N (and postmap) stores after key and value (both lengths
 * shortened), then as parse */
enum access_value_error access_value_stored(access_value_fn parse,
					    const char *key, size_t *key_len,
					    const char *value,
					    size_t *value_len,
					    enum access_action *action);

/* access_value_skip - "path: reason; entry skipped" told to say, counted
 * in *bad; nothing when bad is NULL (a scan that already warned once) */
void access_value_skip(const struct say_to *say, const char *path,
		       enum access_value_error why, const char *key,
		       size_t key_len, const char *value, size_t value_len,
		       size_t *bad);

/* One entry of a scan: a lower-case key and its action. */
typedef int (*access_scan_fn)(const char *key, size_t key_len,
			      enum access_action action, void *ctx);

/* Is key already held by a file loaded before this one? */
typedef int (*access_seen_fn)(const char *key, size_t key_len, void *ctx);

/* key[0..len) as the table's MTA folds its case, into out (size bytes,
 * NUL added): the folded length, or -1 (too long) */
typedef int (*access_fold_fn)(const char *key, size_t len, char *out,
			      size_t size, void *ctx);

/* What a text source asks of the map while it loads: whether earlier
 * files hold a key, and how its keys are folded. */
struct access_loading {
	access_seen_fn seen;
	access_fold_fn fold;
	void *ctx;
};

struct access_engine;

struct access_ops {
	const char *kind; /* "text", "hash", "btree", "cdb" */
	/* 0, or -1 with errno; *bad_lines counts entries skipped, each
	 * told to say (which outlives the handle); ops is this table */
	int (*open)(const struct access_ops *ops, const char *path,
		    const struct access_syntax_ops *syn,
		    const struct say_to *say, void **handle, size_t *bad_lines,
		    const struct access_loading *loading);
	/* 1 and *action when key is held, 0 when not, -1 on an error */
	int (*get)(void *handle, const char *key, size_t len,
		   enum access_action *action);
	/* fn for every valid entry, in the file's order; stops when fn
	 * returns < 0; 0, or -1 on an error; refused entries are warned
	 * about and counted in *bad unless bad is NULL */
	int (*scan)(void *handle, access_scan_fn fn, void *ctx, size_t *bad);
	/* before each question: open the file again if it changed */
	void (*refresh)(void *handle);
	/* 0 when the map can answer now; -1 (warned) when it cannot */
	int (*begin)(void *handle);
	void (*end)(void *handle);
	size_t (*count)(const void *handle);
	/* changes whenever the file was opened again (what a scan saw of
	 * it may be out of date) */
	unsigned long (*generation)(const void *handle);
	const char *(*kind_of)(const void *handle);
	void (*close)(void *handle);
	const struct access_engine *engine; /* a compiled kind's library;
						 * NULL: the text */
};

/*
 * A compiled map's file, as makemap shares it: makemap rewrites the
 * file in place under an exclusive flock(2), so a reader holds a shared
 * one while it reads, and reopens the file once it changed (rewritten
 * in place or replaced by a rename).
 */
struct access_file {
	char *path;
	int fd;
	struct stat st;           /* the file as opened */
	long checked;             /* monotonic second of the last look */
	int stale;                /* reopen before the next answer */
	unsigned long generation; /* opened again this many times */
	unsigned long busy;       /* answers refused while makemap held it */
	const struct say_to *say; /* told of them, rate-limited */
};

/* access_file_open - open path and take the shared lock; 0, or -1 with
 * errno (EWOULDBLOCK: makemap is writing it; ESPIPE: a FIFO or device,
 * which could block or never end, refused without waiting) */
int access_file_open(struct access_file *f, const char *path,
		     const struct say_to *say);

/* Room for "/proc/self/fd/N". */
#define ACCESS_FILE_NAME_MAX 32

/* access_file_name - a name that opens the very file f holds open
 * (/proc/self/fd/N, /dev/fd/N; f->path where neither exists), for a
 * library that opens by name: no FIFO put at the path since it was
 * checked can block that open */
const char *access_file_name(const struct access_file *f,
			     char name[ACCESS_FILE_NAME_MAX]);

/* access_file_lock, access_file_unlock - the shared lock; -1 when
 * makemap holds the file (then f->stale is set: it is being rewritten) */
int access_file_lock(struct access_file *f);
void access_file_unlock(struct access_file *f);

/* access_file_rewritten - 1 (and f->stale) when the open file changed
 * since it was opened; call it under the lock */
int access_file_rewritten(struct access_file *f);

/* access_file_changed - 1 when path is no longer the file opened (or is
 * stale); looked at most once a second, except when stale */
int access_file_changed(struct access_file *f);

/* Open a compiled map's file again, with whatever its kind keeps of it
 * (f is the handle's own: it is replaced whole); 0, or -1 keeping the
 * old one. */
typedef int (*access_reopen_fn)(void *handle);

/* access_file_refresh - open the file again (reopen) if its path
 * changed: before each question */
void access_file_refresh(struct access_file *f, access_reopen_fn reopen,
			 void *handle);

/* access_file_begin - the shared lock on an up-to-date file, reopened
 * when changed or rewritten in place; 0, or -1 (warned, rate-limited) */
int access_file_begin(struct access_file *f, access_reopen_fn reopen,
		      void *handle);

/* access_file_refused - count and warn (rate-limited, to f->say) a
 * question the map could not answer */
void access_file_refused(struct access_file *f, const char *why);

void access_file_close(struct access_file *f);

extern const struct access_ops access_text_ops;

/* A postfix regexp: or pcre: table: its rules, run in order
 * (access_pattern.c). */
extern const struct access_ops access_pattern_ops;

/* What a kind held in memory does where a compiled map looks at its
 * file: nothing to refresh, lock or unlock, never another generation
 * (the text's and the patterns'). */
void access_memory_refresh(void *handle);
int access_memory_begin(void *handle);
void access_memory_end(void *handle);
unsigned long access_memory_generation(const void *handle);

/* access_text_find - a text source's get, and where the entry stands
 * in its file (*place: earlier lines smaller) */
int access_text_find(void *handle, const char *key, size_t len,
		     enum access_action *action, size_t *place);

/* access_text_match - the first pattern item of a text source (an Exim
 * regular expression) that matches local@host: 1 with its action and
 * *place (as access_text_find()'s, among the keys), or 0 */
int access_text_match(void *handle, const char *local, const char *host,
		      enum access_action *action, size_t *place);

/*
 * A compiled map's library (libdb, tinycdb): what access_compiled.c,
 * the one body of both compiled kinds, asks of it.  The file is open
 * and locked when attach() runs.
 */
struct access_engine {
	/* the library on f's descriptor; *with_nul: keys stored with their
	 * NUL (makemap -N), as the first record says; 0, or -1 with errno */
	int (*attach)(const struct access_file *f, void **state, int *with_nul);
	void (*detach)(void *state);
	/* key[0..size) (its NUL counted when stored with it): 1 with the
	 * value (in vbuf, or the library's own memory), 0 when absent or
	 * too long, -1 on an error */
	int (*find)(void *state, const char *key, size_t size,
		    const char **value, size_t *value_len,
		    char vbuf[ACCESS_LINE_MAX + 1]);
	/* each record in the file's order to visit, until it returns < 0;
	 * 0, or -1 on an error */
	int (*each)(void *state,
		    int (*visit)(void *ctx, const char *key, size_t key_len,
				 const char *value, size_t value_len),
		    void *ctx);
	const char *(*kind_of)(const void *state); /* "hash", "cdb" */
};

/* The ops of a compiled kind over engine: access_compiled.c's own. */
#define ACCESS_COMPILED_OPS(kind, engine)                                 \
	{                                                                 \
		(kind), access_compiled_open, access_compiled_get,        \
		    access_compiled_scan, access_compiled_refresh,        \
		    access_compiled_begin, access_compiled_end,           \
		    access_compiled_count, access_compiled_generation,    \
		    access_compiled_kind, access_compiled_close, (engine) \
	}

int access_compiled_open(const struct access_ops *ops, const char *path,
			 const struct access_syntax_ops *syn,
			 const struct say_to *say, void **handle,
			 size_t *bad_lines,
			 const struct access_loading *loading);
int access_compiled_get(void *handle, const char *key, size_t len,
			enum access_action *action);
int access_compiled_scan(void *handle, access_scan_fn fn, void *ctx,
			 size_t *bad);
void access_compiled_refresh(void *handle);
int access_compiled_begin(void *handle);
void access_compiled_end(void *handle);
size_t access_compiled_count(const void *handle);
unsigned long access_compiled_generation(const void *handle);
const char *access_compiled_kind(const void *handle);
void access_compiled_close(void *handle);

extern const struct access_ops access_db_ops;
extern const struct access_ops access_cdb_ops;

#endif
