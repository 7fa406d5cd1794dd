/*
 * normalize - MTA log lines to struct mailrec through liblognorm.
 *
 * NAME
 *	normalize - the liblognorm stage of phishwatch
 *
 * SUMMARY
 *	normalize_open() loads rulebase/sendmail.rb; normalize_line() splits
 *	the syslog header off one raw line (sysloghdr) and runs the message
 *	part through the rulebase of the MTA that logged it;
 *	normalize_json() reads the object that rsyslog's mmnormalize made
 *	with the same rules (sendmail-syslog.rb).  Both fill a struct
 *	mailrec (see mailrec.h) whose strings live in the normalizer until
 *	its next call.
 *
 * DESCRIPTION
 *	What is MTA-neutral is done here: the header, liblognorm, the JSON
 *	object, the rule's tag and one hash lookup per JSON field, and the
 *	lead word (sendmail's queue id) that a map's rules begin after.  What an
 *	MTA's words mean is its map's (normalize_mta.h): sendmail's is in
 *	normalize_sendmail.c, and Postfix and Exim add theirs to
 *	normalize_mtas[] below with their rulebases.  The syslog program
 *	picks the MTA of a line (its map's program_is()); a headerless line,
 *	or a JSON object without a program, is the first MTA's.
 *
 *	Each MTA's rulebase is loaded by rulebase.c, which makes any rule
 *	error liblognorm reports fail the load.
 *
 *	ln_normalize() always builds a JSON object, match or not; that
 *	object is kept until the next call and freed then.  liblognorm reads
 *	the input as a C string in places (the unparsed-data field, one byte
 *	of look-ahead in its date parsers), so the line is first copied into
 *	a NUL-terminated buffer of our own, without a trailing CR.
 *
 *	A line under the header of a program no MTA claims is not parsed;
 *	one under a known MTA's that no rule knows is MAILREC_OTHER, as the
 *	catch-all rule of sendmail-syslog.rb makes it.  The header's
 *	pieces are cut out of the copy of the line in place.  A field that
 *	is not a string, or that holds a NUL byte, counts as absent.
 *
 * DIAGNOSTICS
 *	normalize_open() returns NULL with "file:line: reason" (or "file:
 *	reason" when no line applies) in the caller's buffer.  The other
 *	functions report nothing: a line that cannot be used is
 *	MAILREC_UNPARSED, for the caller to count.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <liblognorm.h>
#include <json.h>

#include "normalize.h"
#include "normalize_mta.h"
#include "normalize_postfix.h"
#include "normalize_exim.h"
#include "normalize_sendmail.h"
#include "prefilter.h"
#include "rulebase.h"
#include "strmap.h"
#include "sysloghdr.h"

/* sendmail lines stay below 2 KiB (SYSLOG_BUFSIZE); bound hostile ones */
#define NORMALIZE_LINE_MAX 65536

/* an mmnormalize object of such a line, with room for JSON escapes */
#define NORMALIZE_JSON_MAX ((size_t)4 * NORMALIZE_LINE_MAX)

/* mmnormalize objects are flat plus the tag array; rsyslog may nest a bit */
#define NORMALIZE_JSON_DEPTH 16

/* room for every MTA of normalize_mtas[] */
#define NORMALIZE_MTAS_MAX (MTA_KIND_COUNT - 1)

/* One MTA's rulebase, and its JSON names -> struct normalize_field. */
struct normalize_rb {
	const struct normalize_mta *map;
	struct rulebase rules; /* ctx NULL: not loaded */
	struct strmap *fields;
	struct normalize_field *field; /* what fields points to */
	int lead_slot;                 /* the map's lead_field, or -1 */
	int lead_other;                /* its lead_other_tag, or -1 */
};

struct normalizer {
	struct normalize_rb rb[NORMALIZE_MTAS_MAX]; /* by normalize_mtas */
	struct json_object *last; /* result of the last call */
	char *buf;                /* NUL-terminated copy of the line */
	size_t buf_size;
	struct sysloghdr_line split; /* buf's, when none is handed over */
};

/*
 * The MTAs whose lines normalize reads, each through its map and
 * rulebase; the first is also what a headerless line is taken for.
 * Postfix and Exim join here, each with its own normalize_MTA.c.
 */
static const struct normalize_mta *const normalize_mtas[] = {
    &normalize_sendmail,
    &normalize_postfix,
    &normalize_exim,
};
#define NORMALIZE_MTAS (sizeof(normalize_mtas) / sizeof(normalize_mtas[0]))
_Static_assert(NORMALIZE_MTAS <= NORMALIZE_MTAS_MAX, "one slot per MTA");
_Static_assert(NORMALIZE_ERR_MAX == RULEBASE_ERR_MAX, "one message size");

/* Where a JSON field lands: an MTA's slot, or a header member. */
struct normalize_field {
	int slot;      /* index in the map's fields, or -1 */
	size_t header; /* offset in struct mailrec when -1 */
};

/* The syslog header's fields, the same for every MTA's rulebase. */
static const struct {
	const char *name;
	size_t offset;
} normalize_header_fields[] = {
    {"timestamp", offsetof(struct mailrec, timestamp)},
    {"hostname", offsetof(struct mailrec, mta_host)},
    {"program", offsetof(struct mailrec, program)},
    {"pid", offsetof(struct mailrec, pid)},
};
#define NORMALIZE_HEADER_FIELDS \
	(sizeof(normalize_header_fields) / sizeof(normalize_header_fields[0]))

/* Kind names, for tests and diagnostics. */
static const char *const normalize_kinds[MAILREC_KIND_COUNT] = {
    [MAILREC_UNPARSED] = "unparsed", [MAILREC_CLIENT] = "client",
    [MAILREC_ACCEPTED] = "accepted", [MAILREC_DELIVERY] = "delivery",
    [MAILREC_REFUSED] = "refused",   [MAILREC_DISCARDED] = "discarded",
    [MAILREC_FINISHED] = "finished", [MAILREC_OTHER] = "other",
};

/* normalize_kind_name - the name of a kind, e.g. "accepted" */
const char *normalize_kind_name(enum mailrec_kind kind)
{
	if ((unsigned)kind >= MAILREC_KIND_COUNT)
		return "unknown";
	return normalize_kinds[kind];
}

/* normalize_index_of - the index of name in the NULL-ended names, or -1
 * (also for name NULL) */
static int normalize_index_of(const char *const *names, const char *name)
{
	for (int i = 0; name != NULL && names[i] != NULL; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

/* normalize_index_lead - where the map's lead goes; -1 when it names no
 * lead, or a field or tag that it does not have */
static void normalize_index_lead(struct normalize_rb *rb)
{
	rb->lead_slot =
	    normalize_index_of(rb->map->fields, rb->map->lead_field);
	rb->lead_other =
	    rb->lead_slot < 0
		? -1
		: normalize_index_of(rb->map->tags, rb->map->lead_other_tag);
}

/* normalize_index_fields - one MTA's name -> field map for
 * normalize_fill(): the header's names, then the map's */
static int normalize_index_fields(struct normalize_rb *rb)
{
	size_t n = 0;

	while (rb->map->fields[n] != NULL)
		n++;
	if (n > NORMALIZE_SLOTS_MAX)
		return -1; /* a map this file was not built for */
	rb->field = calloc(n + NORMALIZE_HEADER_FIELDS, sizeof(*rb->field));
	rb->fields = strmap_new(n + NORMALIZE_HEADER_FIELDS);
	if (rb->field == NULL || rb->fields == NULL)
		return -1;
	for (size_t i = 0; i < NORMALIZE_HEADER_FIELDS; i++) {
		rb->field[i].slot = -1;
		rb->field[i].header = normalize_header_fields[i].offset;
		if (strmap_put(rb->fields, normalize_header_fields[i].name,
			       &rb->field[i], NULL)
		    < 0)
			return -1;
	}
	for (size_t i = 0; i < n; i++) {
		rb->field[NORMALIZE_HEADER_FIELDS + i].slot = (int)i;
		if (strmap_put(rb->fields, rb->map->fields[i],
			       &rb->field[NORMALIZE_HEADER_FIELDS + i], NULL)
		    < 0)
			return -1;
	}
	return 0;
}

/* normalize_load - one MTA's rulebase and field index into rb */
static int normalize_load(struct normalize_rb *rb, const char *path, char *err)
{
	if (rulebase_load(&rb->rules, path, err) < 0)
		return -1;
	normalize_index_lead(rb);
	if (normalize_index_fields(rb) < 0) {
		snprintf(err, NORMALIZE_ERR_MAX, "%.200s: out of memory", path);
		return -1;
	}
	return 0;
}

/* normalize_unload - one MTA's rules gone, its map kept */
static void normalize_unload(struct normalize_rb *rb)
{
	rulebase_unload(&rb->rules);
	strmap_free(rb->fields, NULL);
	free(rb->field);
	rb->fields = NULL;
	rb->field = NULL;
}

/* normalize_add - one more MTA's rulebase, read by its map (a failed
 * load leaves the others as they were) */
int normalize_add(struct normalizer *norm, enum mta_kind mta,
		  const char *rulebase_path, char err[NORMALIZE_ERR_MAX])
{
	err[0] = '\0';
	for (size_t i = 0; i < NORMALIZE_MTAS; i++) {
		if (norm->rb[i].map->mta != mta)
			continue;
		if (norm->rb[i].rules.ctx != NULL) {
			snprintf(err, NORMALIZE_ERR_MAX,
				 "%.200s: the %s rules "
				 "are loaded already",
				 rulebase_path, norm->rb[i].map->name);
			return -1;
		}
		if (normalize_load(&norm->rb[i], rulebase_path, err) < 0) {
			normalize_unload(&norm->rb[i]);
			return -1;
		}
		return 0;
	}
	snprintf(err, NORMALIZE_ERR_MAX, "%.200s: no field map for this MTA",
		 rulebase_path);
	return -1;
}

/* normalize_open - a normalizer with sendmail's rulebase loaded */
struct normalizer *normalize_open(const char *rulebase_path,
				  char err[NORMALIZE_ERR_MAX])
{
	struct normalizer *norm = calloc(1, sizeof(*norm));

	err[0] = '\0';
	if (norm == NULL) {
		snprintf(err, NORMALIZE_ERR_MAX, "%.200s: out of memory",
			 rulebase_path);
		return NULL;
	}
	for (size_t i = 0; i < NORMALIZE_MTAS; i++)
		norm->rb[i].map = normalize_mtas[i];
	if (normalize_add(norm, MTA_SENDMAIL, rulebase_path, err) < 0) {
		normalize_close(norm);
		return NULL;
	}
	return norm;
}

/* normalize_close - release everything */
void normalize_close(struct normalizer *norm)
{
	if (norm == NULL)
		return;
	if (norm->last != NULL)
		json_object_put(norm->last);
	for (size_t i = 0; i < NORMALIZE_MTAS; i++)
		normalize_unload(&norm->rb[i]);
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
	    || strlen(text) != (size_t)json_object_get_string_len(val))
		return NULL; /* a NUL inside would cut it short */
	return text;
}

/* normalize_tag - the index in map's tags of the object's first known
 * tag, or -1 */
static int normalize_tag(const struct normalize_mta *map,
			 struct json_object *obj)
{
	struct json_object *tags;
	int count;

	if (!json_object_object_get_ex(obj, "event.tags", &tags)
	    || !json_object_is_type(tags, json_type_array))
		return -1;
	count = json_object_array_length(tags);
	for (int i = 0; i < count; i++) {
		struct json_object *tag = json_object_array_get_idx(tags, i);
		int k;

		if (tag == NULL || !json_object_is_type(tag, json_type_string))
			continue;
		k = normalize_index_of(map->tags, json_object_get_string(tag));
		if (k >= 0)
			return k;
	}
	return -1;
}

/* normalize_record - the map's record of tag and the fields in slot,
 * and of the lead cut off before the rules (or NULL) */
static enum mailrec_kind normalize_record(const struct normalize_rb *rb,
					  int tag, const char *slot[],
					  const char *lead, struct mailrec *out)
{
	if (lead != NULL)
		slot[rb->lead_slot] = lead;
	out->mta = rb->map->mta;
	rb->map->to_record(tag, slot, out);
	return out->kind;
}

/*
 * normalize_fill - kind and fields from one object, in one pass over its
 * members with a hash lookup each (field-by-field lookups compare every
 * name with strcmp, and showed at the top of profiles), and the lead
 * cut off before the rules (or NULL); the MTA's map makes the record of
 * its fields
 */
static enum mailrec_kind normalize_fill(const struct normalize_rb *rb,
					struct json_object *obj,
					const char *lead, struct mailrec *out)
{
	const char *slot[NORMALIZE_SLOTS_MAX] = {NULL};
	struct fjson_object_iterator it, end;
	int tag = normalize_tag(rb->map, obj);

	if (tag < 0)
		return out->kind = MAILREC_UNPARSED;
	it = fjson_object_iter_begin(obj);
	end = fjson_object_iter_end(obj);
	for (; !fjson_object_iter_equal(&it, &end);
	     fjson_object_iter_next(&it)) {
		const struct normalize_field *f =
		    strmap_get(rb->fields, fjson_object_iter_peek_name(&it));
		const char *text;

		if (f == NULL)
			continue;
		text = normalize_string(fjson_object_iter_peek_value(&it));
		if (f->slot >= 0)
			slot[f->slot] = text;
		else
			*(const char **)(void *)((char *)out + f->header) =
			    text;
	}
	return normalize_record(rb, tag, slot, lead, out);
}

/* normalize_copy - line[0..len) into our NUL-terminated buffer */
static int normalize_copy(struct normalizer *norm, const char *line, size_t len)
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
			     struct mailrec *out)
{
	const struct {
		const struct sysloghdr_span *span;
		const char **member;
	} pieces[] = {
	    {&hdr->stamp, &out->timestamp},
	    {&hdr->host, &out->mta_host},
	    {&hdr->program, &out->program},
	    {&hdr->pid, &out->pid},
	};

	for (size_t i = 0; i < sizeof(pieces) / sizeof(pieces[0]); i++) {
		if (pieces[i].span->len == 0)
			continue; /* a mainlog line: no host, no program */
		buf[pieces[i].span->off + pieces[i].span->len] = '\0';
		*pieces[i].member = buf + pieces[i].span->off;
	}
}

/*
 * normalize_rb_of - the loaded rulebase of the MTA whose program this
 * is, or NULL; no program (a headerless line, a JSON object without
 * one) is the first MTA's
 */
static const struct normalize_rb *
normalize_rb_of(const struct normalizer *norm, const char *program, size_t len)
{
	if (program == NULL)
		return norm->rb[0].rules.ctx != NULL ? &norm->rb[0] : NULL;
	for (size_t i = 0; i < NORMALIZE_MTAS; i++)
		if (norm->rb[i].rules.ctx != NULL
		    && norm->rb[i].map->program_is(program, len))
			return &norm->rb[i];
	return NULL;
}

/* normalize_rb_of_mta - the loaded rulebase of one MTA, or NULL */
static const struct normalize_rb *
normalize_rb_of_mta(const struct normalizer *norm, enum mta_kind mta)
{
	for (size_t i = 0; i < NORMALIZE_MTAS; i++)
		if (norm->rb[i].rules.ctx != NULL
		    && norm->rb[i].map->mta == mta)
			return &norm->rb[i];
	return NULL;
}

/* normalize_rb_of_line - the rulebase of a split line: its program's,
 * Exim's for a line of Exim's own mainlog (its shape says whose it is),
 * the first MTA's for the message part alone */
static const struct normalize_rb *
normalize_rb_of_line(const struct normalizer *norm,
		     const struct sysloghdr_line *split)
{
	if (split->form == SYSLOGHDR_MAINLOG)
		return normalize_rb_of_mta(norm, MTA_EXIM);
	if (split->form == SYSLOGHDR_NONE)
		return normalize_rb_of(norm, NULL, 0);
	return normalize_rb_of(norm, norm->buf + split->hdr.program.off,
			       split->hdr.program.len);
}

/* normalize_split_copy - the split of the copy of a line, len bytes
 * long: the one handed over when it was made of as many bytes (the
 * copy's are the line's; a CR cut off makes the lengths differ), else
 * made here */
static const struct sysloghdr_line *
normalize_split_copy(struct normalizer *norm, size_t len,
		     const struct sysloghdr_line *handed)
{
	if (handed != NULL && handed->len == len)
		return handed;
	norm->split.len = len;
	norm->split.form = sysloghdr_split(norm->buf, len, &norm->split.hdr);
	return &norm->split;
}

/* normalize_prepare - out emptied, line copied (a trailing CR cut off
 * *len) and its header split (*split: the one handed over, or NULL;
 * then the one taken): the rulebase of its MTA, or NULL */
static const struct normalize_rb *
normalize_prepare(struct normalizer *norm, const char *line, size_t *len,
		  const struct sysloghdr_line **split, struct mailrec *out)
{
	memset(out, 0, sizeof(*out));
	normalize_forget(norm);
	if (*len > 0 && line[*len - 1] == '\r')
		(*len)--; /* a log file that went through DOS */
	if (*len > NORMALIZE_LINE_MAX || memchr(line, '\0', *len) != NULL
	    || normalize_copy(norm, line, *len) < 0)
		return NULL;
	*split = normalize_split_copy(norm, *len, *split);
	if ((*split)->form == SYSLOGHDR_OTHER)
		return NULL;
	return normalize_rb_of_line(norm, *split);
}

/*
 * normalize_lead_len - the length of the first word of msg[0..len) when
 * ": " follows it and it holds no blank or colon, else 0: what the
 * rules' char-to ": " and ": " read as a queue id before they began
 * after it
 */
static size_t normalize_lead_len(const char *msg, size_t len)
{
	size_t n = 0;

	while (n < len && msg[n] != ':' && msg[n] != ' ')
		n++;
	if (n == 0 || len - n < 2 || msg[n] != ':' || msg[n + 1] != ' ')
		return 0;
	return n;
}

/* normalize_rules - msg[0..len) through rb's rules, lead (or NULL) as
 * its lead field: the kind of the record made, or MAILREC_UNPARSED */
static enum mailrec_kind normalize_rules(struct normalizer *norm,
					 const struct normalize_rb *rb,
					 const char *msg, size_t len,
					 const char *lead, struct mailrec *out)
{
	normalize_forget(norm);
	/* no match may be an error return or an object without a tag */
	if (ln_normalize(rb->rules.ctx, msg, len, &norm->last) != 0
	    || norm->last == NULL)
		return MAILREC_UNPARSED;
	return normalize_fill(rb, norm->last, lead, out);
}

/* normalize_lead_only - the record of a line with a lead that no rule
 * reads: the map's lead_other_tag with the lead alone */
static enum mailrec_kind normalize_lead_only(const struct normalize_rb *rb,
					     const char *lead,
					     struct mailrec *out)
{
	const char *slot[NORMALIZE_SLOTS_MAX] = {NULL};

	return normalize_record(rb, rb->lead_other, slot, lead, out);
}

/*
 * normalize_message - the message part msg[0..len) of our copy of the
 * line through rb's rules, in the order the optional queue id at the
 * head of every rule tried it in: after its lead (the lead a C string
 * meanwhile, its ":" a NUL), then whole, then the lead alone.  The
 * rules never read past len, and the copy ends in a NUL there.
 */
static enum mailrec_kind normalize_message(struct normalizer *norm,
					   const struct normalize_rb *rb,
					   char *msg, size_t len,
					   struct mailrec *out)
{
	size_t lead = rb->lead_slot >= 0 ? normalize_lead_len(msg, len) : 0;
	enum mailrec_kind kind;

	if (lead > 0) {
		msg[lead] = '\0';
		kind = normalize_rules(norm, rb, msg + lead + 2, len - lead - 2,
				       msg, out);
		if (kind != MAILREC_UNPARSED)
			return kind;
		msg[lead] = ':';
		memset(out, 0, sizeof(*out)); /* what a map left of it */
	}
	kind = normalize_rules(norm, rb, msg, len, NULL, out);
	if (kind == MAILREC_UNPARSED && lead > 0 && rb->lead_other >= 0) {
		msg[lead] = '\0';
		kind = normalize_lead_only(rb, msg, out);
	}
	return kind;
}

/* normalize_line - see normalize.h */
enum mailrec_kind normalize_line(struct normalizer *norm, const char *line,
				 size_t len, struct mailrec *out)
{
	return normalize_line_split(norm, line, len, NULL, out);
}

/*
 * normalize_line_split - one raw line: the header split off (or the
 * split handed over taken), the message part through its MTA's
 * rulebase; a line of a known MTA that no rule knows is "other".
 * sysloghdr passes the headers of sendmail's and Exim's programs, and
 * Exim's mainlog lines; the program (or the mainlog's shape) picks the
 * MTA here.
 */
enum mailrec_kind normalize_line_split(struct normalizer *norm,
				       const char *line, size_t len,
				       const struct sysloghdr_line *handed,
				       struct mailrec *out)
{
	const struct sysloghdr_line *split = handed;
	const struct normalize_rb *rb;
	enum mailrec_kind kind;

	rb = normalize_prepare(norm, line, &len, &split, out);
	if (rb == NULL)
		return MAILREC_UNPARSED;
	kind = normalize_message(norm, rb, norm->buf + split->hdr.message.off,
				 split->hdr.message.len, out);
	if (split->form != SYSLOGHDR_NONE) {
		normalize_header(norm->buf, &split->hdr, out);
		if (kind == MAILREC_UNPARSED) {
			kind = out->kind = MAILREC_OTHER;
			out->mta = rb->map->mta;
		}
	}
	return kind;
}

/* normalize_split - see normalize.h */
enum mta_kind normalize_split(struct normalizer *norm, const char *line,
			      size_t *len, const struct sysloghdr_line *handed,
			      struct mailrec *out, char **copy)
{
	const struct sysloghdr_line *split = handed;
	const struct normalize_rb *rb =
	    normalize_prepare(norm, line, len, &split, out);

	if (rb == NULL)
		return MTA_NONE;
	if (split->form != SYSLOGHDR_NONE)
		normalize_header(norm->buf, &split->hdr, out);
	*copy = norm->buf;
	return rb->map->mta;
}

/* normalize_json_rb - the rulebase of the object's "program" field;
 * one that no map claims, or none, is read as the first MTA's (as
 * rsyslog's mmnormalize objects of sendmail-syslog.rb always were) */
static const struct normalize_rb *
normalize_json_rb(const struct normalizer *norm, struct json_object *obj)
{
	const struct normalize_rb *rb = NULL;
	struct json_object *val;
	const char *program;

	if (json_object_object_get_ex(obj, "program", &val)
	    && (program = normalize_string(val)) != NULL)
		rb = normalize_rb_of(norm, program, strlen(program));
	return rb != NULL ? rb : normalize_rb_of(norm, NULL, 0);
}

/* normalize_json_object - text[0..len) as one JSON object, and nothing
 * after it but white space; NULL if it is not */
static struct json_object *normalize_json_object(const char *text, size_t len)
{
	struct fjson_tokener *tok;
	struct json_object *obj;
	int used;

	tok = fjson_tokener_new_ex(NORMALIZE_JSON_DEPTH);
	if (tok == NULL)
		return NULL;
	obj = fjson_tokener_parse_ex(tok, text, (int)len);
	used = tok->char_offset;
	if (obj != NULL
	    && fjson_tokener_get_error(tok) != fjson_tokener_success) {
		json_object_put(obj);
		obj = NULL;
	}
	fjson_tokener_free(tok);
	if (obj == NULL)
		return NULL;
	while (used >= 0 && (size_t)used < len
	       && strchr(" \t\r\n", text[used]) != NULL)
		used++;
	if (!json_object_is_type(obj, json_type_object) || used < 0
	    || (size_t)used != len) {
		json_object_put(obj);
		return NULL;
	}
	return obj;
}

/* normalize_json - one mmnormalize object, mapped as its MTA's line */
enum mailrec_kind normalize_json(struct normalizer *norm, const char *text,
				 size_t len, struct mailrec *out)
{
	const struct normalize_rb *rb;

	memset(out, 0, sizeof(*out));
	normalize_forget(norm);
	if (len == 0 || len > NORMALIZE_JSON_MAX
	    || memchr(text, '\0', len) != NULL)
		return MAILREC_UNPARSED;
	norm->last = normalize_json_object(text, len);
	if (norm->last == NULL)
		return MAILREC_UNPARSED;
	rb = normalize_json_rb(norm, norm->last);
	if (rb == NULL)
		return MAILREC_UNPARSED;
	return normalize_fill(rb, norm->last, NULL, out);
}
