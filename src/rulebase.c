/*
 * rulebase - load one liblognorm v2 rulebase, failing on any rule error.
 *
 * NAME
 *	rulebase - liblognorm rulebase loading for normalize
 *
 * SUMMARY
 *	rulebase_load() gives a liblognorm context with one MTA's rulebase
 *	loaded, or a message naming the file, line and reason;
 *	rulebase_unload() frees it.
 *
 * DESCRIPTION
 *	liblognorm 2.0.6 reports rule errors only through its error
 *	callback and still returns success from ln_loadSamples(), so the
 *	callback is installed before loading and any message it receives
 *	fails the load; it also hands that callback the debug cookie, so
 *	both cookies point to the struct rulebase, which must therefore
 *	stay where it is while the context lives.  A rulebase whose first
 *	line is not exactly "version=2" would silently be read by the old
 *	v1 engine with other semantics; it is refused before liblognorm
 *	sees it.
 *
 * DIAGNOSTICS
 *	rulebase_load() returns -1 with "file:line: reason" (or "file:
 *	reason" when no line applies) in the caller's buffer.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include <liblognorm.h>

#include "rulebase.h"

/* the only first line that selects liblognorm's v2 engine */
#define RULEBASE_V2_MARK "version=2\n"

/* Where liblognorm says a rule error is: pointers into its message. */
struct rulebase_where {
	const char *file;
	int file_len;
	const char *line;
	int line_len;
	const char *reason;
	int reason_len;
};

/*
 * rulebase_locate - split liblognorm's "rulebase file FILE[LINE]: reason"
 * into its parts; -1 when the message has another shape.
 */
static int rulebase_locate(const char *text, size_t len,
			   struct rulebase_where *where)
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
	bracket = memrchr(file, '[', (size_t)(close - file));
	if (bracket == NULL || bracket == file || bracket + 1 == close
	    || strspn(bracket + 1, "0123456789")
		   != (size_t)(close - bracket - 1))
		return -1;
	where->file = file;
	where->file_len = (int)(bracket - file);
	where->line = bracket + 1;
	where->line_len = (int)(close - bracket - 1);
	where->reason = close + 3;
	where->reason_len = (int)(len - (size_t)(where->reason - text));
	return 0;
}

/* rulebase_on_error - liblognorm's error callback: remember, fail load */
static void rulebase_on_error(void *cookie, const char *text, size_t len)
{
	struct rulebase *rules = cookie;
	struct rulebase_where where;

	if (rules == NULL || rules->errors++ > 0)
		return; /* the first error is the cause */
	while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r'))
		len--;
	if (len > RULEBASE_ERR_MAX)
		len = RULEBASE_ERR_MAX; /* bounds the %.*s below */
	if (rulebase_locate(text, len, &where) == 0)
		snprintf(rules->err, sizeof(rules->err), "%.*s:%.*s: %.*s",
			 where.file_len > 200 ? 200 : where.file_len,
			 where.file, where.line_len, where.line,
			 where.reason_len, where.reason);
	else
		snprintf(rules->err, sizeof(rules->err), "%.200s: %.*s",
			 rules->path != NULL ? rules->path : "rulebase",
			 (int)len, text);
}

/* rulebase_check_version - the file opens, and its first line is v2 */
static int rulebase_check_version(const char *path, char *err)
{
	char first[sizeof(RULEBASE_V2_MARK) + 1];
	FILE *fp = fopen(path, "r");

	if (fp == NULL) {
		snprintf(err, RULEBASE_ERR_MAX, "%.200s: %s", path,
			 strerror(errno));
		return -1;
	}
	if (fgets(first, sizeof(first), fp) == NULL
	    || strcmp(first, RULEBASE_V2_MARK) != 0) {
		if (ferror(fp))
			snprintf(err, RULEBASE_ERR_MAX, "%.200s: %s", path,
				 strerror(errno));
		else
			snprintf(err, RULEBASE_ERR_MAX,
				 "%.200s:1: first line must be exactly "
				 "\"version=2\"",
				 path);
		fclose(fp);
		return -1;
	}
	fclose(fp);
	return 0;
}

/*
 * liblognorm and libfastjson crash, rather than fail, when an allocation
 * fails while a rulebase loads (found under ulimit -v, at the start and
 * on SIGHUP, whose second set needs room beside the first).  A load
 * takes a few MiB; when RULEBASE_HEADROOM of address space cannot be
 * had first, the load is refused with ENOMEM: an error (exit 71 at the
 * start, the old set kept on SIGHUP) instead of a crash.  The probe is
 * an mmap(2) never touched, unmapped at once, so it leaves nothing
 * behind, as a malloc() might (glibc keeps some freed memory).
 */
#define RULEBASE_HEADROOM (8L * 1024 * 1024)

/* rulebase_room - 0 when the headroom can be had, else -1 ENOMEM */
static int rulebase_room(void)
{
	void *probe = mmap(NULL, RULEBASE_HEADROOM, PROT_NONE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (probe == MAP_FAILED) {
		errno = ENOMEM;
		return -1;
	}
	(void)munmap(probe, RULEBASE_HEADROOM);
	return 0;
}

/*
 * rulebase_load - the rulebase at path into rules->ctx.  The debug
 * callback itself stays NULL, so no debug text is ever formatted.
 */
int rulebase_load(struct rulebase *rules, const char *path,
		  char err[RULEBASE_ERR_MAX])
{
	memset(rules, 0, sizeof(*rules));
	err[0] = '\0';
	if (rulebase_check_version(path, err) < 0)
		return -1;
	if (rulebase_room() < 0 || (rules->ctx = ln_initCtx()) == NULL) {
		snprintf(err, RULEBASE_ERR_MAX, "%.200s: out of memory", path);
		errno = ENOMEM;
		return -1;
	}
	rules->path = path;
	if (ln_setDebugCB(rules->ctx, NULL, rules) != 0
	    || ln_setErrMsgCB(rules->ctx, rulebase_on_error, rules) != 0) {
		snprintf(err, RULEBASE_ERR_MAX,
			 "%.200s: cannot install the error callback", path);
		rulebase_unload(rules);
		return -1;
	}
	if (ln_loadSamples(rules->ctx, path) != 0 && rules->errors == 0)
		snprintf(rules->err, sizeof(rules->err),
			 "%.200s: liblognorm could not load it", path);
	rules->path = NULL; /* the caller's string may go now */
	if (rules->errors > 0 || rules->err[0] != '\0') {
		memcpy(err, rules->err, RULEBASE_ERR_MAX);
		rulebase_unload(rules);
		return -1;
	}
	return 0;
}

/* rulebase_unload - free the context, if any */
void rulebase_unload(struct rulebase *rules)
{
	if (rules->ctx != NULL)
		ln_exitCtx(rules->ctx);
	rules->ctx = NULL;
}
