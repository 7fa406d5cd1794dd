/*
 * prefilter - skip lines that cannot matter (see prefilter.h).
 */
#include <string.h>

#include "prefilter.h"

/* A queue id is letters and digits; sendmail's are 14, bound at 32. */
#define PREFILTER_QID_MAX 32
/* Addresses longer than this take the full parse. */
#define PREFILTER_ADDRESS_MAX 512

/* prefilter_find - the first occurrence of word, or NULL */
static const char *prefilter_find(const char *line, size_t len,
				  const char *word)
{
	return memmem(line, len, word, strlen(word));
}

/* prefilter_alnum - 1 for [A-Za-z0-9] */
static int prefilter_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
	       || (c >= '0' && c <= '9');
}

/*
 * prefilter_header_ok - the text before the queue id is an sm-mta
 * syslog header ending in "]: ", or nothing but blanks (%msg% form)
 */
static int prefilter_header_ok(const char *line, size_t len)
{
	static const char *const programs[] = {
		" sm-mta[", " sendmail[", " sm-msp-queue["
	};

	if (strspn(line, " ") >= len)
		return 1;
	if (len < 4 || memcmp(line + len - 3, "]: ", 3) != 0)
		return 0;
	for (size_t i = 0; i < sizeof(programs) / sizeof(programs[0]); i++)
		if (prefilter_find(line, len, programs[i]) != NULL)
			return 1;
	return 0;
}

/*
 * prefilter_qid - the queue id ending at key (which points at ": from="
 * or ": to="), when a plain one follows a good header; 0 or -1
 */
static int prefilter_qid(const char *line, const char *key,
			 struct prefilter_hint *hint)
{
	const char *start = key;

	while (start > line && prefilter_alnum(start[-1])
	       && key - start < PREFILTER_QID_MAX)
		start--;
	if (start == key || (start > line && start[-1] != ' '))
		return -1;
	if (!prefilter_header_ok(line, (size_t) (start - line)))
		return -1;
	hint->qid = start;
	hint->qid_len = (size_t) (key - start);
	return 0;
}

/* prefilter_address - "<a@b>, " or "a@b, " after from=; 0 or -1 */
static int prefilter_address(const char *p, const char *end,
			     struct prefilter_hint *hint)
{
	int bracketed = p < end && *p == '<';
	const char *start = p + bracketed;
	const char *stop = start;

	while (stop < end && stop - start <= PREFILTER_ADDRESS_MAX
	       && strchr("<>\",; ", *stop) == NULL)
		stop++;
	if (bracketed && (stop >= end || *stop++ != '>'))
		return -1;
	if (end - stop < 2 || stop[0] != ',' || stop[1] != ' ')
		return -1;
	hint->address = start;
	hint->address_len = (size_t) (stop - start) - (size_t) bracketed;
	return 0;
}

/* prefilter_scan - classify one raw line */
enum prefilter_kind prefilter_scan(const char *line, size_t len,
				   struct prefilter_hint *hint)
{
	static const char *const words[] = { "ruleset=", "discarded" };
	const char *end = line + len;
	const char *key;

	memset(hint, 0, sizeof(*hint));
	key = prefilter_find(line, len, ": from=");
	if (key != NULL) {
		if (prefilter_qid(line, key, hint) < 0
		    || prefilter_address(key + 7, end, hint) < 0)
			return PREFILTER_PARSE;
		return PREFILTER_FROM;
	}
	key = prefilter_find(line, len, ": to=");
	if (key != NULL)
		return prefilter_qid(line, key, hint) < 0 ? PREFILTER_PARSE
							   : PREFILTER_TO;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (prefilter_find(line, len, words[i]) != NULL)
			return PREFILTER_PARSE;
	return PREFILTER_SKIP;
}
