/*
 * normalize - sm-mta log lines to struct smlog through liblognorm.
 *
 * NAME
 *	normalize - the liblognorm stage of phishwatch
 *
 * SUMMARY
 *	normalize_open() loads rulebase/sendmail.rb; normalize_line() splits
 *	the syslog header off one raw line (sysloghdr) and runs the message
 *	part through the rulebase; normalize_json() reads the object that
 *	rsyslog's mmnormalize made with the same rules (sendmail-syslog.rb).
 *	Both fill a struct smlog (see smlog.h) whose strings live in the
 *	normalizer until its next call.
 *
 * DESCRIPTION
 *	liblognorm 2.0.6 reports rule errors only through its error
 *	callback and still returns success from ln_loadSamples(), so the
 *	callback is installed before loading and any message it receives
 *	fails the load; it also hands that callback the debug cookie, so
 *	both cookies point to the normalizer.  A rulebase whose first
 *	line is not exactly "version=2" would silently be read by the old
 *	v1 engine with other semantics; it is refused before liblognorm
 *	sees it.
 *
 *	ln_normalize() always builds a JSON object, match or not; that
 *	object is kept until the next call and freed then.  liblognorm reads
 *	the input as a C string in places (the unparsed-data field, one byte
 *	of look-ahead in its date parsers), so the line is first copied into
 *	a NUL-terminated buffer of our own, without a trailing CR.
 *
 *	A line under the header of another program is not parsed; one
 *	under sendmail's that no rule knows is SMLOG_OTHER, as the
 *	catch-all rule of sendmail-syslog.rb makes it.  The header's
 *	pieces are cut out of the copy of the line in place.
 *
 *	The rule's tag ("event.tags") selects the kind through a table; the
 *	field names are those of smlog.h.  A field that is not a string, or
 *	that holds a NUL byte, counts as absent.  sendmail writes "NOQUEUE"
 *	where a line has no queue id yet; that becomes a NULL qid, so that no
 *	later stage mistakes it for a message.
 *
 * DIAGNOSTICS
 *	normalize_open() returns NULL with "file:line: reason" (or "file:
 *	reason" when no line applies) in the caller's buffer.  The other
 *	functions report nothing: a line that cannot be used is
 *	SMLOG_UNPARSED, for the caller to count.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <liblognorm.h>
#include <json.h>

#include "normalize.h"
#include "strmap.h"
#include "sysloghdr.h"

/* sendmail lines stay below 2 KiB (SYSLOG_BUFSIZE); bound hostile ones */
#define NORMALIZE_LINE_MAX	65536

/* an mmnormalize object of such a line, with room for JSON escapes */
#define NORMALIZE_JSON_MAX	((size_t) 4 * NORMALIZE_LINE_MAX)

/* mmnormalize objects are flat plus the tag array; rsyslog may nest a bit */
#define NORMALIZE_JSON_DEPTH	16

/* the only first line that selects liblognorm's v2 engine */
#define NORMALIZE_V2_MARK	"version=2\n"

struct normalizer {
	ln_ctx ctx;
	struct strmap *fields;		/* JSON name -> struct normalize_field */
	struct json_object *last;	/* result of the last call */
	char *buf;			/* NUL-terminated copy of the line */
	size_t buf_size;
	const char *path;		/* rulebase, only while loading */
	int load_errors;		/* error callbacks while loading */
	char err[NORMALIZE_ERR_MAX];	/* the first of them */
};

/* Where liblognorm says a rule error is: pointers into its message. */
struct normalize_where {
	const char *file;
	int file_len;
	const char *line;
	int line_len;
	const char *reason;
	int reason_len;
};

/* Tag names, indexed by kind; they are the rule tags of sendmail.rb. */
static const char *const normalize_tags[SMLOG_KIND_COUNT] = {
	[SMLOG_UNPARSED] = "unparsed",
	[SMLOG_FROM] = "from",
	[SMLOG_TO] = "to",
	[SMLOG_RULESET] = "ruleset",
	[SMLOG_DISCARDED] = "discarded",
	[SMLOG_DSN] = "dsn",
	[SMLOG_LOST_INPUT] = "lost-input",
	[SMLOG_NO_MAIL] = "no-mail",
	[SMLOG_AUTH] = "auth",
	[SMLOG_STARTTLS] = "starttls",
	[SMLOG_OTHER] = "sendmail-other",
};

/* How a JSON field lands in struct smlog. */
enum normalize_how {
	FIELD_STRING,		/* a const char * member */
	FIELD_FLAG		/* an int member, 1 when the field is present */
};

/* Members of struct smlog and their JSON field names. */
static const struct normalize_field {
	const char *name;
	size_t offset;
	enum normalize_how how;
} normalize_fields[] = {
	{"relay_forged", offsetof(struct smlog, relay_forged), FIELD_FLAG},
	{"discard", offsetof(struct smlog, discard), FIELD_FLAG},
	{"timestamp", offsetof(struct smlog, timestamp), FIELD_STRING},
	{"hostname", offsetof(struct smlog, hostname), FIELD_STRING},
	{"program", offsetof(struct smlog, program), FIELD_STRING},
	{"pid", offsetof(struct smlog, pid), FIELD_STRING},
	{"qid", offsetof(struct smlog, qid), FIELD_STRING},
	{"from", offsetof(struct smlog, from), FIELD_STRING},
	{"size", offsetof(struct smlog, size), FIELD_STRING},
	{"nrcpts", offsetof(struct smlog, nrcpts), FIELD_STRING},
	{"msgid", offsetof(struct smlog, msgid), FIELD_STRING},
	{"proto", offsetof(struct smlog, proto), FIELD_STRING},
	{"daemon", offsetof(struct smlog, daemon), FIELD_STRING},
	{"relay_host", offsetof(struct smlog, relay_host), FIELD_STRING},
	{"relay_ip", offsetof(struct smlog, relay_ip), FIELD_STRING},
	{"to", offsetof(struct smlog, to), FIELD_STRING},
	{"mailer", offsetof(struct smlog, mailer), FIELD_STRING},
	{"dsn", offsetof(struct smlog, dsn), FIELD_STRING},
	{"stat", offsetof(struct smlog, stat), FIELD_STRING},
	{"ruleset", offsetof(struct smlog, ruleset), FIELD_STRING},
	{"arg1", offsetof(struct smlog, arg1), FIELD_STRING},
	{"reject", offsetof(struct smlog, reject), FIELD_STRING},
	{"dsn_qid", offsetof(struct smlog, dsn_qid), FIELD_STRING},
	{"dsn_text", offsetof(struct smlog, dsn_text), FIELD_STRING},
};

/* normalize_kind_name - the tag of a kind, e.g. "from" */
const char *normalize_kind_name(enum smlog_kind kind)
{
	if ((unsigned) kind >= SMLOG_KIND_COUNT)
		return "unknown";
	return normalize_tags[kind];
}

/*
 * normalize_locate - split liblognorm's "rulebase file FILE[LINE]: reason"
 * into its parts; -1 when the message has another shape.
 */
static int normalize_locate(const char *text, size_t len,
			    struct normalize_where *where)
{
	static const char lead[] = "rulebase file ";
	const size_t lead_len = sizeof(lead) - 1;
	const char *file = text + lead_len;
	const char *close;
	const char *bracket;

	if (len <= lead_len || memcmp(text, lead, lead_len) != 0)
		return -1;
	close = memmem(file, len - lead_len, "]: ", 3);
	if (close == NULL)
		return -1;
	bracket = memrchr(file, '[', (size_t) (close - file));
	if (bracket == NULL || bracket == file || bracket + 1 == close
	    || strspn(bracket + 1, "0123456789")
	       != (size_t) (close - bracket - 1))
		return -1;
	where->file = file;
	where->file_len = (int) (bracket - file);
	where->line = bracket + 1;
	where->line_len = (int) (close - bracket - 1);
	where->reason = close + 3;
	where->reason_len = (int) (len - (size_t) (where->reason - text));
	return 0;
}

/* normalize_on_error - liblognorm's error callback: remember, fail load */
static void normalize_on_error(void *cookie, const char *text, size_t len)
{
	struct normalizer *norm = cookie;
	struct normalize_where where;

	if (norm == NULL || norm->load_errors++ > 0)
		return;			/* the first error is the cause */
	while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r'))
		len--;
	if (len > NORMALIZE_ERR_MAX)
		len = NORMALIZE_ERR_MAX;	/* bounds the %.*s below */
	if (normalize_locate(text, len, &where) == 0)
		snprintf(norm->err, sizeof(norm->err), "%.*s:%.*s: %.*s",
			 where.file_len > 200 ? 200 : where.file_len,
			 where.file, where.line_len, where.line,
			 where.reason_len, where.reason);
	else
		snprintf(norm->err, sizeof(norm->err), "%.200s: %.*s",
			 norm->path != NULL ? norm->path : "rulebase",
			 (int) len, text);
}

/* normalize_check_version - the file opens, and its first line is v2 */
static int normalize_check_version(const char *path, char *err)
{
	char first[sizeof(NORMALIZE_V2_MARK) + 1];
	FILE *fp = fopen(path, "r");

	if (fp == NULL) {
		snprintf(err, NORMALIZE_ERR_MAX, "%.200s: %s", path,
			 strerror(errno));
		return -1;
	}
	if (fgets(first, sizeof(first), fp) == NULL
	    || strcmp(first, NORMALIZE_V2_MARK) != 0) {
		if (ferror(fp))
			snprintf(err, NORMALIZE_ERR_MAX, "%.200s: %s", path,
				 strerror(errno));
		else
			snprintf(err, NORMALIZE_ERR_MAX,
				 "%.200s:1: first line must be exactly "
				 "\"version=2\"", path);
		fclose(fp);
		return -1;
	}
	fclose(fp);
	return 0;
}

/* normalize_index_fields - the name -> field map of normalize_fill() */
static int normalize_index_fields(struct normalizer *norm)
{
	size_t n = sizeof(normalize_fields) / sizeof(normalize_fields[0]);

	norm->fields = strmap_new(n);
	if (norm->fields == NULL)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (strmap_put(norm->fields, normalize_fields[i].name,
			       (void *) &normalize_fields[i], NULL) < 0)
			return -1;
	return 0;
}

/* normalize_open - load a liblognorm v2 rulebase */
struct normalizer *normalize_open(const char *rulebase_path,
				  char err[NORMALIZE_ERR_MAX])
{
	struct normalizer *norm;

	err[0] = '\0';
	if (normalize_check_version(rulebase_path, err) < 0)
		return NULL;
	norm = calloc(1, sizeof(*norm));
	if (norm == NULL || normalize_index_fields(norm) < 0
	    || (norm->ctx = ln_initCtx()) == NULL) {
		snprintf(err, NORMALIZE_ERR_MAX, "%.200s: out of memory",
			 rulebase_path);
		goto fail;
	}
	norm->path = rulebase_path;
	/*
	 * liblognorm 2.0.6 hands the error callback the debug cookie, not
	 * its own: set both.  The debug callback itself stays NULL, so no
	 * debug text is ever formatted.
	 */
	if (ln_setDebugCB(norm->ctx, NULL, norm) != 0
	    || ln_setErrMsgCB(norm->ctx, normalize_on_error, norm) != 0) {
		snprintf(err, NORMALIZE_ERR_MAX,
			 "%.200s: cannot install the error callback",
			 rulebase_path);
		goto fail;
	}
	if (ln_loadSamples(norm->ctx, rulebase_path) != 0
	    && norm->load_errors == 0)
		snprintf(norm->err, sizeof(norm->err),
			 "%.200s: liblognorm could not load it", rulebase_path);
	if (norm->load_errors > 0 || norm->err[0] != '\0') {
		memcpy(err, norm->err, NORMALIZE_ERR_MAX);
		goto fail;
	}
	norm->path = NULL;		/* the caller's string may go now */
	return norm;

fail:
	normalize_close(norm);
	return NULL;
}

/* normalize_close - release everything */
void normalize_close(struct normalizer *norm)
{
	if (norm == NULL)
		return;
	if (norm->last != NULL)
		json_object_put(norm->last);
	if (norm->ctx != NULL)
		ln_exitCtx(norm->ctx);
	strmap_free(norm->fields, NULL);
	free(norm->buf);
	free(norm);
}

/* normalize_forget - free the previous call's object */
static void normalize_forget(struct normalizer *norm)
{
	if (norm->last != NULL) {
		json_object_put(norm->last);
		norm->last = NULL;
	}
}

/* normalize_string - a value as a C string; NULL unless a clean string */
static const char *normalize_string(struct json_object *val)
{
	const char *text;

	if (!json_object_is_type(val, json_type_string))
		return NULL;
	text = json_object_get_string(val);
	if (text == NULL
	    || strlen(text) != (size_t) json_object_get_string_len(val))
		return NULL;		/* a NUL inside would cut it short */
	return text;
}

/* normalize_kind - the kind named by the first known tag */
static enum smlog_kind normalize_kind(struct json_object *obj)
{
	struct json_object *tags;
	int count;

	if (!json_object_object_get_ex(obj, "event.tags", &tags)
	    || !json_object_is_type(tags, json_type_array))
		return SMLOG_UNPARSED;
	count = json_object_array_length(tags);
	for (int i = 0; i < count; i++) {
		struct json_object *tag = json_object_array_get_idx(tags, i);
		const char *name;

		if (tag == NULL || !json_object_is_type(tag, json_type_string))
			continue;
		name = json_object_get_string(tag);
		for (int k = SMLOG_UNPARSED + 1; k < SMLOG_KIND_COUNT; k++)
			if (strcmp(name, normalize_tags[k]) == 0)
				return (enum smlog_kind) k;
	}
	return SMLOG_UNPARSED;
}

/* normalize_set - one member from one value */
static void normalize_set(struct smlog *out, const struct normalize_field *f,
			  struct json_object *val)
{
	const char *text = normalize_string(val);
	char *member = (char *) out + f->offset;

	if (f->how == FIELD_FLAG)
		*(int *) (void *) member = text != NULL;
	else
		*(const char **) (void *) member = text;
}

/*
 * normalize_fill - kind and fields from one object, in one pass over its
 * members with a hash lookup each (field-by-field lookups compare every
 * name with strcmp, and showed at the top of profiles)
 */
static enum smlog_kind normalize_fill(const struct normalizer *norm,
				      struct json_object *obj,
				      struct smlog *out)
{
	struct fjson_object_iterator it, end;

	out->kind = normalize_kind(obj);
	if (out->kind == SMLOG_UNPARSED)
		return SMLOG_UNPARSED;
	it = fjson_object_iter_begin(obj);
	end = fjson_object_iter_end(obj);
	for (; !fjson_object_iter_equal(&it, &end);
	     fjson_object_iter_next(&it)) {
		const struct normalize_field *f =
			strmap_get(norm->fields, fjson_object_iter_peek_name(&it));

		if (f != NULL)
			normalize_set(out, f, fjson_object_iter_peek_value(&it));
	}
	if (out->qid != NULL && strcmp(out->qid, "NOQUEUE") == 0)
		out->qid = NULL;
	return out->kind;
}

/* normalize_copy - line[0..len) into our NUL-terminated buffer */
static int normalize_copy(struct normalizer *norm, const char *line,
			  size_t len)
{
	if (len + 1 > norm->buf_size) {
		size_t size = norm->buf_size ? norm->buf_size : 1024;
		char *buf;

		while (size < len + 1)
			size *= 2;
		buf = realloc(norm->buf, size);
		if (buf == NULL)
			return -1;
		norm->buf = buf;
		norm->buf_size = size;
	}
	memcpy(norm->buf, line, len);
	norm->buf[len] = '\0';
	return 0;
}

/*
 * normalize_header - the header's pieces as C strings in our copy of the
 * line (each ends where a separator was, before the message part)
 */
static void normalize_header(char *buf, const struct sysloghdr *hdr,
			     struct smlog *out)
{
	const struct {
		const struct sysloghdr_span *span;
		const char **member;
	} pieces[] = {
		{&hdr->stamp, &out->timestamp},
		{&hdr->host, &out->hostname},
		{&hdr->program, &out->program},
		{&hdr->pid, &out->pid},
	};

	for (size_t i = 0; i < sizeof(pieces) / sizeof(pieces[0]); i++) {
		buf[pieces[i].span->off + pieces[i].span->len] = '\0';
		*pieces[i].member = buf + pieces[i].span->off;
	}
}

/*
 * normalize_line - one raw line: the header split off here, the message
 * part through the rulebase; a sendmail line no rule knows is "other"
 */
enum smlog_kind normalize_line(struct normalizer *norm, const char *line,
			       size_t len, struct smlog *out)
{
	struct sysloghdr hdr;
	enum sysloghdr_form form;
	enum smlog_kind kind;

	memset(out, 0, sizeof(*out));
	normalize_forget(norm);
	if (len > 0 && line[len - 1] == '\r')
		len--;			/* a log file that went through DOS */
	if (len > NORMALIZE_LINE_MAX || memchr(line, '\0', len) != NULL
	    || normalize_copy(norm, line, len) < 0)
		return SMLOG_UNPARSED;
	form = sysloghdr_split(norm->buf, len, &hdr);
	if (form == SYSLOGHDR_OTHER)
		return SMLOG_UNPARSED;
	/* no match may be an error return or an object without a tag */
	kind = SMLOG_UNPARSED;
	if (ln_normalize(norm->ctx, norm->buf + hdr.message.off,
			 hdr.message.len, &norm->last) == 0
	    && norm->last != NULL)
		kind = normalize_fill(norm, norm->last, out);
	if (form == SYSLOGHDR_SENDMAIL) {
		normalize_header(norm->buf, &hdr, out);
		if (kind == SMLOG_UNPARSED)
			kind = out->kind = SMLOG_OTHER;
	}
	return kind;
}

/* normalize_json - one mmnormalize object */
enum smlog_kind normalize_json(struct normalizer *norm, const char *text,
			       size_t len, struct smlog *out)
{
	struct fjson_tokener *tok;
	struct json_object *obj;
	int used;

	memset(out, 0, sizeof(*out));
	normalize_forget(norm);
	if (len == 0 || len > NORMALIZE_JSON_MAX
	    || memchr(text, '\0', len) != NULL)
		return SMLOG_UNPARSED;
	tok = fjson_tokener_new_ex(NORMALIZE_JSON_DEPTH);
	if (tok == NULL)
		return SMLOG_UNPARSED;
	obj = fjson_tokener_parse_ex(tok, text, (int) len);
	used = tok->char_offset;
	if (obj != NULL && fjson_tokener_get_error(tok)
	    != fjson_tokener_success) {
		json_object_put(obj);
		obj = NULL;
	}
	fjson_tokener_free(tok);
	if (obj == NULL)
		return SMLOG_UNPARSED;
	/* one object and nothing after it but white space */
	while (used >= 0 && (size_t) used < len
	       && strchr(" \t\r\n", text[used]) != NULL)
		used++;
	if (!json_object_is_type(obj, json_type_object)
	    || used < 0 || (size_t) used != len) {
		json_object_put(obj);
		return SMLOG_UNPARSED;
	}
	norm->last = obj;
	return normalize_fill(norm, obj, out);
}
